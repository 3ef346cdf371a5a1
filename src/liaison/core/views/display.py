"""A record's fields as the detail page shows them: labels and choices in the user's
language, names instead of ids, and a trilingual field's three languages side by side."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.formats import localize
from django.utils.translation import get_language

from liaison.core import registry
from liaison.core.forms import LANGUAGE_SUFFIXES
from liaison.core.translation import column_suffix

#: Who wrote and approved the record and when, and who may see it: shown after its content.
BOOKKEEPING = (
    "classification",
    "cleared_officers",
    "state",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
    "submitted_at",
    "approved_at",
    "approved_by",
)


EMPTY = (None, "", [])


@dataclass
class Value:
    label: Any
    value: Any
    url: str = ""
    many: bool = False


def field_value(record, field) -> Value:
    if field.many_to_many:
        items = registry.shown_rows(record, field.name)
        return Value(field.verbose_name, items, many=True)
    if field.choices:
        return Value(field.verbose_name, getattr(record, f"get_{field.name}_display")())
    value = getattr(record, field.name)
    if isinstance(value, datetime.datetime):
        value = localize(timezone.localtime(value))
    elif isinstance(value, (datetime.date, Decimal, int)) and not isinstance(value, bool):
        value = localize(value)
    url = ""
    if field.is_relation and value is not None:
        family = registry.family_of(type(value))
        url = family.url("detail", value.pk) if family else ""
    return Value(field.verbose_name, value, url)


def detail_rows(record, hidden: tuple[str, ...]) -> list[list[Value]]:
    """Rows of values; the user's language first among a field's three."""
    first = f"_{column_suffix(get_language())}"
    fields = [
        field
        for field in [*record._meta.concrete_fields, *record._meta.many_to_many]
        if field.name not in hidden and not field.auto_created
    ]
    fields.sort(key=lambda field: field.name in BOOKKEEPING)
    rows, seen = [], set()
    by_name = {field.name: field for field in fields}
    for field in fields:
        if field.name in seen:
            continue
        suffix = next((s for s in LANGUAGE_SUFFIXES if field.name.endswith(s)), None)
        if suffix is None:
            group = [field]
        else:
            stem = field.name[: -len(suffix)]
            order = [first, *(s for s in LANGUAGE_SUFFIXES if s != first)]
            group = [by_name[stem + s] for s in order if stem + s in by_name]
        seen.update(f.name for f in group)
        values = [field_value(record, f) for f in group]
        if len(values) > 1 or values[0].value not in EMPTY:  # a missing translation shows
            rows.append(values)
    return rows
