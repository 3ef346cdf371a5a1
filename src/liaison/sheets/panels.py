"""The provenance panel every record's detail page shows when a sheet wrote the record:
the file, its sheet and row, who imported it and when; and, on a record whose rows a sheet
brought in (a course's attendance), which imports wrote them, counting only the rows the
reader may see."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, Max, Min, OuterRef, Q

from liaison.core.models import ChildModel
from liaison.sheets import registry
from liaison.sheets.models import SheetImport, SheetRow


@dataclass(frozen=True)
class Imported:
    """What one import wrote of the record: the record itself, or some of its rows."""

    source: SheetImport
    #: The name of the rows (None: the record itself).
    rows_of: str | None
    first: int
    last: int
    count: int

    @property
    def who(self) -> str:
        user = self.source.imported_by
        return user.get_full_name() or user.get_username()


def child_models(model) -> list:
    """The models of the rows a sheet imports into records of `model`."""
    return [
        kind.model
        for kind in registry.kinds()
        if issubclass(kind.model, ChildModel)
        and kind.model._meta.get_field(kind.model.parent_field).related_model is model
    ]


#: Whether a sheet wrote the record or any of its rows: read with the record itself.
IMPORTED = "imported_from_a_sheet"


def _rows_of(model):
    return SheetRow.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=OuterRef("pk")
    )


def imported(model):
    """The detail page's annotation: a sheet wrote the record, or one of its rows (seen or
    not: the panel reads only those the user may see, this only spares it a query)."""
    found = Q(Exists(_rows_of(model)))
    for child in child_models(model):
        rows = child.objects.filter(**{child.parent_field: OuterRef("pk")})
        found |= Q(Exists(rows.filter(Exists(_rows_of(child)))))
    return ExpressionWrapper(found, output_field=BooleanField())


def imports_of(record, user) -> list[Imported]:
    """The record's own imported rows and its rows' grouped by import, newest first: one
    query, and one more for the imports when there are any."""
    types = ContentType.objects.get_for_models(type(record), *child_models(type(record)))
    wanted = Q(content_type=types.pop(type(record)), object_id=record.pk)
    for model, content_type in types.items():
        rows = model.objects.visible_to(user).filter(**{model.parent_field: record})
        wanted |= Q(content_type=content_type, object_id__in=rows.values("pk"))
    groups = list(
        SheetRow.objects.filter(wanted)
        .values("sheet_import", "content_type")
        .annotate(first=Min("row"), last=Max("row"), count=Count("pk"))
        .order_by("-sheet_import", "content_type")
    )
    if not groups:
        return []
    sources = SheetImport.objects.select_related("imported_by").in_bulk(
        {group["sheet_import"] for group in groups}
    )
    names = {
        content_type.pk: model._meta.verbose_name_plural for model, content_type in types.items()
    }
    return [
        Imported(
            source=sources[group["sheet_import"]],
            rows_of=names.get(group["content_type"]),
            first=group["first"],
            last=group["last"],
            count=group["count"],
        )
        for group in groups
    ]


def provenance_panel(record, user):
    """Shown on a page that has read the record through the chokepoint already."""
    if not getattr(record, IMPORTED, True):
        return None
    imports = imports_of(record, user)
    return ("sheets/provenance_panel.html", {"imports": imports}) if imports else None
