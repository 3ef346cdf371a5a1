"""What of its records an app offers to the search box (NetBox's search.py per app).

Each record family's app lists `INDEXES` in its own search.py; the search app finds them,
keeps one document per record and answers queries through the family's chokepoint. Core
only defines the declaration, so it still names no family.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models


@dataclass(frozen=True)
class SearchIndex:
    """The text of one kind of record, in every language it is written in."""

    model: type[models.Model]
    #: The record's own text fields, the most telling first (names and titles).
    fields: tuple[str, ...]
    #: Text of the record's own rows and reference data (its events, its places): never of
    #: another record, which the reader may not be allowed to see.
    related: Callable[[Any], Iterable[str]] | None = None
    #: What `related` reads, so a rebuild reads it in a few queries.
    prefetch: tuple[str, ...] = ()
    #: The relations to shared reference data whose names the text includes (its places):
    #: a write of one of those rewrites the documents of the records that link it.
    follows: tuple[str, ...] = ()

    def texts(self, record) -> list[str]:
        """Every piece of the record's text, empty ones left out."""
        found: list[str] = []
        for name in self.fields:
            value = getattr(record, name)
            found.extend(value if isinstance(value, list) else [value])
        if self.related is not None:
            found.extend(self.related(record))
        return [str(text).strip() for text in found if text and str(text).strip()]
