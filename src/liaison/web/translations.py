"""Translations to do: every name and title still without Portuguese or English, edited in
place (htmx), each row saved through the services with the version it was shown at."""

from __future__ import annotations

from dataclasses import dataclass

import rules
from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from liaison.core import services
from liaison.core.models import ChildModel, RecordModel
from liaison.core.visibility import roles_of

#: The families whose names or titles are translated, with the trilingual field of each.
FAMILIES = {
    "partners.PartnerBody": "name",
    "partners.Place": "name",
    "activities.Topic": "name",
    "people.Unit": "name",
    "activities.Activity": "title",
    "activities.Event": "title",
    "partners.Obligation": "title",
    "terminology.Term": "name",
    "reports.Passage": "text",
}
#: The most rows a family shows at once (the rest appear as these are done).
ROWS = 50


@dataclass
class Row:
    label: str
    field: str
    item: object
    editable: bool
    error: str = ""
    saved: bool = False

    @property
    def version(self) -> int:
        """The version a save is checked against: a row's is its record's."""
        if isinstance(self.item, ChildModel):
            return self.item.parent_record.version
        return self.item.version

    @property
    def chinese(self) -> str:
        return getattr(self.item, f"{self.field}_zh_hant")

    @property
    def portuguese(self) -> str:
        return getattr(self.item, f"{self.field}_pt")

    @property
    def english(self) -> str:
        return getattr(self.item, f"{self.field}_en")


def readable(model, user):
    """Records and their rows through the chokepoint; shared reference data for every
    member. A row comes with its record, whose version its save is checked against."""
    if issubclass(model, ChildModel):
        return model.objects.visible_to(user).select_related(model.parent_field)
    if issubclass(model, RecordModel):
        return model.objects.visible_to(user)
    return model.objects.all() if roles_of(user) else model.objects.none()


def may_edit(model, user) -> bool:
    """Whether the user may change such rows (a child row: its record)."""
    if issubclass(model, ChildModel):
        model = model._meta.get_field(model.parent_field).related_model
    return rules.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}", user)


def missing(model, field: str, user):
    """Rows with Chinese to translate (a passage may have none: a part without heading)."""
    rows = readable(model, user).exclude(**{f"{field}_zh_hant": ""})
    return rows.filter(Q(**{f"{field}_pt": ""}) | Q(**{f"{field}_en": ""}))


@login_required
def translations(request):
    families = []
    for label, field in FAMILIES.items():
        model = apps.get_model(label)
        editable = may_edit(model, request.user)
        items = missing(model, field, request.user).order_by("pk")[:ROWS]
        rows = [Row(label, field, item, editable) for item in items]
        if rows:
            families.append((model._meta.verbose_name_plural, rows))
    return render(request, "web/translations.html", {"families": families})


@login_required
@require_POST
def translate_row(request, label: str, pk: int):
    """Save one row's Portuguese and English; the row comes back (htmx) or the page does."""
    if label not in FAMILIES:
        raise Http404
    model, field = apps.get_model(label), FAMILIES[label]
    item = readable(model, request.user).filter(pk=pk).first()
    if item is None:
        raise Http404
    data = {f"{field}_pt": request.POST.get("pt", "").strip()}
    data[f"{field}_en"] = request.POST.get("en", "").strip()
    row = Row(label, field, item, may_edit(model, request.user))
    try:
        version = int(request.POST.get("version", ""))
        save(item, request.user, version, data)
        row.saved = True
    except ValueError:
        row.error = _("The form was incomplete; reload the page and try again.")
    except (ValidationError, PermissionDenied) as problem:
        row.error = " ".join(getattr(problem, "messages", [str(problem)]))
        if row.editable:
            for name, value in data.items():
                setattr(item, name, value)  # keep what the user typed
    if request.htmx:
        return render(request, "web/_translation_row.html", {"row": row})
    return redirect("web:translations")


def save(item, user, version: int, data: dict) -> None:
    if isinstance(item, ChildModel):
        for name, value in data.items():
            setattr(item, name, value)
        services.save_child(item, user=user, parent_version=version)
    elif isinstance(item, RecordModel):
        services.update_record(item, user=user, version=version, data=data)
    else:
        for name, value in data.items():
            setattr(item, name, value)
        services.save_reference(item, user=user, version=version)
