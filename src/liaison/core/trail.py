"""Which record each child row belongs to, kept after the row is deleted.

A record's history shows the audit entries of its rows, the deleted ones' too. Finding a
deleted row's entries by the record named in their JSON read every entry of every row of
that kind (all events, all bodies' roles of every activity); the trail finds them by an
index. A row is trailed when it is first saved (post_save, which the admin, the importer
and the services all send), and by `record_rows` for rows saved in one bulk insert.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save

from liaison.core.models import ChildModel, RowTrail


def parent_key(row: ChildModel) -> tuple[int, int]:
    """(content type id, id) of the record `row` belongs to, without reading the record."""
    field = row._meta.get_field(row.parent_field)
    if isinstance(field, GenericForeignKey):
        return getattr(row, f"{field.ct_field}_id"), getattr(row, field.fk_field)
    return ContentType.objects.get_for_model(field.related_model).pk, getattr(row, field.attname)


def record_rows(rows: Iterable[ChildModel]) -> None:
    trails = []
    for row in rows:
        record_type, record_id = parent_key(row)
        trails.append(
            RowTrail(
                record_type_id=record_type,
                record_id=record_id,
                row_type=ContentType.objects.get_for_model(row),
                row_id=row.pk,
            )
        )
    RowTrail.objects.bulk_create(trails, ignore_conflicts=True)


def _saved(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if created and not raw:
        record_rows([instance])


def connect(models: Iterable[type]) -> None:
    for model in models:
        if issubclass(model, ChildModel):
            post_save.connect(_saved, sender=model, dispatch_uid=f"row_trail_{model._meta.label}")
