"""Adding and removing a record's rows from its detail page, through the services, at the
record's version the page showed (a stale page is refused and says who changed it)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from liaison.core import registry
from liaison.core.posted import OUT_OF_DATE, posted_version
from liaison.core.views.base import FamilyView
from liaison.core.views.lists import error_messages


def row_panels(family, record, user, may_change: bool) -> list[dict]:
    """The detail page's row sections: the rows, and a blank form for a writer."""
    panels = []
    for name in (*family.children, *family.rows):
        rows = family.rows.get(name)
        if rows is not None and not rows.applies(record):
            continue
        editable = rows is not None and may_change
        url = reverse(family.url_name("rows"), kwargs={"pk": record.pk, "rows": name})
        panels.append(
            {
                "label": record._meta.get_field(name).related_model._meta.verbose_name_plural,
                "items": registry.shown_rows(record, name),
                "form": new_row_form(rows, record, user) if editable else None,
                "url": url if editable else "",
            }
        )
    return panels


def new_row(rows, record):
    model = rows.form._meta.model
    return model(**{model.parent_field: record})


def new_row_form(rows, record, user, data=None):
    form = rows.form(data, instance=new_row(rows, record), user=user, prefix=rows.name)
    if data is None:
        form.initial["version"] = record.version
    return form


class RowsView(FamilyView):
    action = "rows"

    def post(self, request, pk, rows, row=None):
        spec = self.family.rows.get(rows)
        if spec is None:
            raise Http404
        record = self.get_object()
        posted = request.POST.get(f"{rows}-version") or request.POST.get("version", "")
        try:
            if row is None:
                self.add(spec, record)
            else:
                model = spec.form._meta.model
                visible = model.objects.visible_to(request.user).filter(
                    **{model.parent_field: record}
                )
                item = get_object_or_404(visible, pk=row)
                if (version := posted_version(posted)) is None:
                    raise ValidationError(OUT_OF_DATE)
                spec.delete(item, user=request.user, parent_version=version)
                messages.success(request, _("Removed: %(row)s") % {"row": item})
        except (PermissionDenied, ValidationError) as error:
            for line in error_messages(error):
                messages.error(request, line)
        return HttpResponseRedirect(self.family.url("detail", record.pk))

    def add(self, spec, record):
        form = new_row_form(spec, record, self.request.user, self.request.POST)
        if not form.is_valid():
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                for error in errors:
                    messages.error(self.request, f"{label}: {error}" if label else error)
            return
        version = form.cleaned_data.get("version") or 0
        saved = spec.save(form.instance, user=self.request.user, parent_version=version)
        messages.success(self.request, _("Added: %(row)s") % {"row": saved})
