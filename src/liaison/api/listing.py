"""A list's page, read as plain values and checked by plain pydantic models.

A page of 50 activities was about 450 model instances (the records, the links of their
places, topics and officers, their bodies' roles, events and delegations), and ninja's
getter then read every field of each back through Python: two thirds of the page's time.
Here the records and their rows are read with `values()`, their links as (record, linked)
pairs, and the page is checked by pydantic-core alone (`plain`), which reads dicts as
fast as it serialises them. The schema is the same one a read shows, field for field.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from ninja import Schema
from pydantic import BaseModel

from liaison.api.pagination import PageParams, page_of
from liaison.api.schemas import plain
from liaison.core.registry import Family


def columns(schema: type[BaseModel]) -> list[str]:
    """The database columns that fill `schema`: a link is read as its id (`body_id`)."""
    return [info.validation_alias or key for key, info in schema.model_fields.items()]


@dataclass
class Listing:
    """How one family's list reads a page: the record's own columns, its many-to-many
    links (ids) and the rows it carries (`rows`: each row kind's schema)."""

    family: Family
    out: type[Schema]
    rows: dict[str, type[BaseModel]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        model = self.family.model
        self.many = [f for f in model._meta.many_to_many if f.name in self.out.model_fields]
        links = {f.name for f in self.many}
        self.columns = [c for c in columns(self.out) if c not in links]
        for name in self.rows:  # read with visible_of: rows of the listed records
            relation = model._meta.get_field(name)
            if relation.related_model.parent_field != relation.field.name:
                raise ImproperlyConfigured(f"{name} are not rows of {model.__name__}.")
        label = model.__name__
        self.schema = plain(
            self.out,
            f"{label}Listed",
            **{name: (list[schema], []) for name, schema in self.rows.items()},
        )

    def page(self, queryset: models.QuerySet, params: PageParams, user) -> dict:
        """The page of `queryset` that `params` asks for, with each record's links and
        rows (the rows through the chokepoint): one query per kind, whatever the page."""
        page = page_of(queryset.values(*self.columns), params)
        records = page["results"]
        ids = [record["id"] for record in records]
        if ids:
            for link in self.many:
                self._attach(records, link.name, self._links(link, ids))
            for name, schema in self.rows.items():
                self._attach(records, name, self._rows(name, schema, ids, user))
        return page

    @staticmethod
    def _attach(records: list[dict], name: str, found: dict[int, list]) -> None:
        for record in records:
            record[name] = found.get(record["id"], [])

    @staticmethod
    def _links(link: models.ManyToManyField, ids: list[int]) -> dict[int, list[int]]:
        """The linked ids of each record, in the linked model's order (as a read lists
        them). Ids only: a list names none of them, so none is read."""
        back = link.related_query_name()
        pairs = link.related_model._base_manager.filter(**{f"{back}__in": ids})
        found = defaultdict(list)
        for owner, linked in pairs.values_list(back, "pk"):
            found[owner].append(linked)
        return found

    def _rows(self, name: str, schema, ids: list[int], user) -> dict[int, list[dict]]:
        relation = self.family.model._meta.get_field(name)
        back = relation.field.attname
        visible = relation.related_model._default_manager.visible_of(user, ids)
        found = defaultdict(list)
        wanted = list(dict.fromkeys([back, *columns(schema)]))
        # Grouped by record below, so a row kind ordered by its record first ("activity",
        # "position") is read in its order within each, without joining the record to sort;
        # one without an order is read in the order its rows were added.
        order = [key for key in visible.model._meta.ordering if key != relation.field.name]
        order = order or ["pk"]
        for row in visible.order_by(*order).values(*wanted):
            found[row[back]].append(row)
        return found
