"""Schemas derived from what the web already defines, so the API cannot drift from it:
a write's fields are its form's (typed from the form fields, validated by the form itself),
a row's output its form's fields, a list's query its filterset's filters."""

from __future__ import annotations

import copy
import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

import django_filters
from django import forms
from django.utils.translation import override
from ninja import Schema
from ninja.orm import create_schema
from pydantic import BaseModel, ConfigDict, Field, create_model

from liaison.api.pagination import PageParams

#: Read on every record, whatever its family.
RECORD_FIELDS = [
    "id",
    "version",
    "state",
    "classification",
    "created_at",
    "updated_at",
    "submitted_at",
    "approved_at",
]
REFERENCE_FIELDS = ["id", "version", "created_at", "updated_at"]


def _choice_values(choices) -> tuple:
    values = []
    for value, label in choices:
        if isinstance(label, (list, tuple)):  # an optgroup
            values += [inner for inner, _ in label]
        elif value not in ("", None):
            values.append(value)
    return tuple(values)


#: A record's id: a positive integer the database can hold.
RecordId = Annotated[int, Field(ge=1, le=2**62)]


def form_field_type(field: forms.Field) -> Any:
    """The JSON type a form field takes."""
    if isinstance(field, forms.ModelMultipleChoiceField):
        return list[RecordId]
    if isinstance(field, forms.ModelChoiceField):
        return RecordId
    if isinstance(field, forms.ChoiceField):
        values = _choice_values(field.choices)
        if values and all(isinstance(value, int) for value in values):
            return Literal[values]
        return Literal[(*(str(v) for v in values), "")] if values else str
    if isinstance(field, (forms.BooleanField, forms.NullBooleanField)):
        return bool
    if isinstance(field, forms.IntegerField):
        return int
    if isinstance(field, forms.DecimalField):
        return Decimal
    if isinstance(field, forms.DateTimeField):
        return datetime.datetime
    if isinstance(field, forms.DateField):
        return datetime.date
    if isinstance(field, forms.JSONField):
        return Any
    return str


def _field(field: forms.Field) -> tuple[Any, Any]:
    kind = form_field_type(field)
    extra = {}
    if kind is str and getattr(field, "max_length", None):
        extra["max_length"] = field.max_length
    if kind is int:
        extra["ge"] = getattr(field, "min_value", None)
        extra["le"] = getattr(field, "max_value", None) or 2**62
    extra = {key: value for key, value in extra.items() if value is not None}
    with override("en"):
        description = str(field.help_text or field.label or "")
    return kind | None, Field(None, description=description, **extra)


def form_input(form_class: type[forms.Form], name: str) -> type[Schema]:
    """The body of a write: the form's fields (omitted ones keep their stored value), the
    version read (or If-Match) and, where the form has one, the reason for the change."""
    fields = {
        field_name: _field(field)
        for field_name, field in form_class.base_fields.items()
        if not isinstance(field, forms.FileField)
    }
    fields["version"] = (int | None, Field(None, ge=1, description="The version you read."))
    return create_model(name, __base__=Schema, **fields)


def plain(schema: type[BaseModel], name: str, **extra) -> type[BaseModel]:
    """`schema`'s fields (and `extra` ones) in a plain pydantic model: validated in
    pydantic-core, from dicts or (from_attributes) from records, without ninja's getter."""
    fields = {key: (info.annotation, copy.copy(info)) for key, info in schema.model_fields.items()}
    return create_model(name, __config__=ConfigDict(from_attributes=True), **fields, **extra)


def row_output(form_class: type[forms.ModelForm], name: str) -> type[BaseModel]:
    """A record's row as the API shows it: its id and its form's fields (a plain model:
    a list's page checks hundreds of them)."""
    model = form_class._meta.model
    names = [f for f in form_class._meta.fields if f not in ("version", "reason")]
    return plain(create_schema(model, name=f"{name}Fields", fields=["id", *names]), name)


FILTER_TYPES = {
    django_filters.NumberFilter: int,
    django_filters.DateFilter: datetime.date,
    django_filters.BooleanFilter: bool,
}


def _filter_type(filter_: django_filters.Filter) -> Any:
    if isinstance(filter_, django_filters.ModelChoiceFilter):
        return RecordId
    if isinstance(filter_, django_filters.ChoiceFilter):
        values = _choice_values(filter_.extra.get("choices", ()))
        return Literal[tuple(str(v) for v in values)] if values else str
    for kind, python in FILTER_TYPES.items():
        if isinstance(filter_, kind):
            return python
    if isinstance(filter_.field, forms.NullBooleanField):
        return bool
    return str


def filter_params(filterset_class, name: str) -> type[Schema]:
    """A list's query: its filterset's filters (the web list's), and the page wanted."""
    with override("en"):
        fields = {
            filter_name: (
                _filter_type(filter_) | None,
                Field(None, description=str(filter_.label or filter_name)),
            )
            for filter_name, filter_ in filterset_class.base_filters.items()
        }
    return create_model(name, __base__=PageParams, **fields)
