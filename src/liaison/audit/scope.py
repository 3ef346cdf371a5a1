"""Which record a logged row belongs to, written into its audit entries at log time.

An event, a delegation member or an attachment has no visibility of its own: it is seen
with its record (the parent of a `ChildModel`, or what a generic foreign key points at),
and a link row (a body's role, an attendance) also names a second record. Entries keep both
references in `additional_data`, so an entry stays readable exactly by the record's readers
after the row, or the whole record, is deleted.
"""

from __future__ import annotations

from functools import cache

from django.apps import apps
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured, ObjectDoesNotExist

from liaison.core.models import ChildModel, RecordModel

RECORD_TYPE, RECORD_ID, AGENCY = "record_type", "record_id", "agency"
LINK_TYPE, LINK_ID = "link_type", "link_id"
SCOPE_KEYS = (RECORD_TYPE, RECORD_ID, AGENCY, LINK_TYPE, LINK_ID)


def parent_field_of(model) -> str:
    """The foreign key of a child row to its record ('' for other models)."""
    if issubclass(model, ChildModel) and generic_parent_of(model) is None:
        return model.parent_field
    return ""


def generic_parent_of(model) -> GenericForeignKey | None:
    return next((f for f in model._meta.private_fields if isinstance(f, GenericForeignKey)), None)


def link_fields_of(model) -> list:
    """Foreign keys from a child row to records other than its parent."""
    parent = parent_field_of(model)
    return [
        field
        for field in model._meta.concrete_fields
        if field.many_to_one
        and field.name != parent
        and isinstance(field.related_model, type)
        and issubclass(field.related_model, RecordModel)
    ]


def belongs_to_records(model) -> bool:
    """Records and the rows inside them: their entries follow need-to-know."""
    return (
        issubclass(model, RecordModel)
        or bool(parent_field_of(model))
        or generic_parent_of(model) is not None
    )


@cache
def record_models() -> tuple[type[RecordModel], ...]:
    return tuple(m for m in apps.get_models() if issubclass(m, RecordModel))


@cache
def child_models() -> tuple[type, ...]:
    """Row models that belong to a record, read through the chokepoint (a model with a
    generic link but no `visible_to` is not a record's row); each names at most one record
    besides it."""
    models = tuple(
        m
        for m in apps.get_models()
        if belongs_to_records(m)
        and not issubclass(m, RecordModel)
        and hasattr(m._default_manager, "visible_to")
    )
    for model in models:
        if len(link_fields_of(model)) > 1:
            raise ImproperlyConfigured(
                f"{model._meta.label} links to more than one other record; its audit "
                "entries can keep only one link (liaison.audit.scope)."
            )
    return models


def record_of(row):
    """The record `row` belongs to (itself for a record), or None if it cannot be found."""
    if isinstance(row, RecordModel):
        return row
    model = type(row)
    try:
        if parent_field := parent_field_of(model):
            parent = getattr(row, parent_field)
        elif generic := generic_parent_of(model):
            parent = getattr(row, generic.name)
        else:
            return None
    except ObjectDoesNotExist:
        return None
    return record_of(parent) if parent is not None else None


def scope_of(row) -> dict:
    """The references an audit entry of `row` keeps: its record, agency and linked record."""
    if not belongs_to_records(type(row)):
        return {}
    record = record_of(row)
    if record is None:
        return {}
    scope = {
        RECORD_TYPE: ContentType.objects.get_for_model(record).pk,
        RECORD_ID: record.pk,
        AGENCY: record.agency_id,
    }
    for field in link_fields_of(type(row)):
        linked_id = getattr(row, field.attname)
        if linked_id is not None:
            scope[LINK_TYPE] = ContentType.objects.get_for_model(field.related_model).pk
            scope[LINK_ID] = linked_id
    return scope
