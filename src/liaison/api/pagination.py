"""Lists come a page at a time in a stable order (the model's own, then the primary key, so
no row is skipped or repeated between pages), with the count of everything that matched."""

from __future__ import annotations

from typing import Generic, TypeVar

from django.db.models import QuerySet
from ninja import Schema
from pydantic import Field

T = TypeVar("T")
DEFAULT_LIMIT = 50
MAX_LIMIT = 200


class PageParams(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=1_000_000)


class Page(Schema, Generic[T]):
    count: int
    limit: int
    offset: int
    results: list[T]


def stable(queryset: QuerySet) -> QuerySet:
    ordering = list(queryset.query.order_by or queryset.model._meta.ordering or ())
    if not {"pk", "-pk", "id", "-id"} & set(ordering):
        ordering.append("pk")
    return queryset.order_by(*ordering)


def page_of(queryset: QuerySet, params: PageParams) -> dict:
    queryset = stable(queryset)
    rows = list(queryset[params.offset : params.offset + params.limit])
    whole = params.offset == 0 and len(rows) < params.limit  # no count query needed
    count = len(rows) if whole else queryset.count()
    return {"count": count, "limit": params.limit, "offset": params.offset, "results": rows}
