"""The columns a sheet is made of, declared by each family app in its `sheets.py`.

A column reads its cell into a value (raising CellError with a message in the user's
language), reads the same value from a stored record, writes it to an export's cell and
puts it into the changes a row makes. Reading a record and reading its exported cell give
equal values, so a sheet exported and imported again changes nothing.

Records another record points at (a body's seat, a course's participant) are found by any
name they are known by, folded (Simplified or Traditional, full- or half-width, case), among
the records the user may see: a hidden record is never matched, as if it did not exist.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from django.db import models
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from liaison.search.folding import fold as search_fold
from liaison.sheets import cells

LANGUAGES = ("zh-hant", "pt", "en")


@lru_cache(maxsize=4096)
def folded(text: str) -> str:
    """One key for a name however it is typed: the search's folding (both Chinese scripts
    and their variants, full width, accents, case), spaces and dots dropped. Kept for the
    names a sheet repeats on every row (its courses, its officers)."""
    return "".join(ch for ch in search_fold(text) if not ch.isspace() and ch not in ".·・")


def in_every_language(text) -> list[str]:
    """A lazy text (a label) in zh-Hant, Portuguese and English."""
    found = []
    for language in LANGUAGES:
        with translation.override(language):
            found.append(str(text))
    return found


@dataclass
class Changes:
    """What a row sets: fields, many-to-many links, and rows the kind's save writes."""

    data: dict[str, Any] = field(default_factory=dict)
    many: dict[str, list] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Context:
    """One import's or export's reader: the user, and the lookups built once for them."""

    user: Any
    cache: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Column:
    key: str
    label: Any
    #: cell, the row's other cells by key, context -> value
    read: Callable[[Any, dict, Context], Any]
    #: record -> the same value, read from what is stored
    current: Callable[[Any], Any]
    #: value -> what an export's cell holds
    cell: Callable[[Any], Any] = lambda value: value
    #: value, changes: puts the value where the kind's save finds it
    apply: Callable[[Any, Changes], None] | None = None
    required: bool = False
    #: Identifies the record (compared by the kind's find, never changed by a row).
    identifies: bool = False
    #: Other spellings of the header the office uses.
    aliases: tuple[str, ...] = ()
    #: The values a template offers in a drop-down list (texts in the user's language).
    offers: Callable[[Context], list[str]] | None = None
    same: Callable[[Any, Any], bool] = lambda a, b: a == b

    def headers(self) -> set[str]:
        return {folded(name) for name in (self.key, *in_every_language(self.label), *self.aliases)}


def _set_field(name: str):
    def apply(value, changes: Changes) -> None:
        changes.data[name] = value

    return apply


def _label(model, name: str):
    return model._meta.get_field(name).verbose_name


def text(model, name: str, *, required: bool = False, aliases=()) -> Column:
    return Column(
        name,
        _label(model, name),
        read=lambda cell, row, ctx: cells.text(cell),
        current=lambda record: getattr(record, name) or "",
        cell=cells.neutralised,
        apply=_set_field(name),
        required=required,
        aliases=aliases,
    )


def texts(model, name: str) -> Column:
    """A list of names kept in a JSON field (a body's other names)."""
    return Column(
        name,
        _label(model, name),
        read=lambda cell, row, ctx: cells.items(cell),
        current=lambda record: list(getattr(record, name) or []),
        cell=lambda value: cells.neutralised("; ".join(value)),
        apply=_set_field(name),
    )


def number(model, name: str, *, whole: bool = False, required: bool = False) -> Column:
    parse = cells.whole_number if whole else cells.number
    return Column(
        name,
        _label(model, name),
        read=lambda cell, row, ctx: parse(cell),
        current=lambda record: getattr(record, name),
        apply=_set_field(name),
        required=required,
    )


def day(model, name: str, *, required: bool = False) -> Column:
    return Column(
        name,
        _label(model, name),
        read=lambda cell, row, ctx: cells.day(cell),
        current=lambda record: getattr(record, name),
        apply=_set_field(name),
        required=required,
    )


def yes_no(model, name: str) -> Column:
    return Column(
        name,
        _label(model, name),
        read=lambda cell, row, ctx: cells.yes_no(cell),
        current=lambda record: bool(getattr(record, name)),
        cell=lambda value: _("yes") if value else _("no"),
        apply=_set_field(name),
        offers=lambda ctx: [_("yes"), _("no")],
    )


@cache
def _choice_names(choices) -> dict[str, Any]:
    names = {}
    for value, label in choices:
        for name in (str(value), *in_every_language(label)):
            names.setdefault(folded(name), value)
    return names


def choice(model, name: str, *, required: bool = False) -> Column:
    """A value of the field's choices, written as its label in any of the three languages
    (or as the stored value itself)."""
    model_field = model._meta.get_field(name)
    choices = tuple(model_field.choices)
    labels = dict(choices)
    blank = "" if model_field.blank and not model_field.null else None
    default = model_field.default if model_field.has_default() else blank

    def read(cell, row, ctx):
        written = cells.text(cell)
        if not written:
            return default
        found = _choice_names(choices).get(folded(written))
        if found is None:
            offered = "; ".join(str(label) for label in labels.values())
            raise cells.CellError(
                _("“%(value)s” is not one of: %(choices)s.")
                % {"value": written, "choices": offered}
            )
        return found

    return Column(
        name,
        model_field.verbose_name,
        read=read,
        current=lambda record: getattr(record, name),
        cell=lambda value: str(labels.get(value, "")) if value not in (None, "") else "",
        apply=_set_field(name),
        required=required,
        offers=lambda ctx: [str(label) for label in labels.values()],
    )


@dataclass(frozen=True)
class Lookup:
    """Records of one kind the user may see, found by any of their names."""

    label: Any
    #: user -> the records, through the chokepoint
    records: Callable[[Any], models.QuerySet]
    names: Callable[[Any], Iterable[str]]
    #: record -> the name an export writes for it
    name: Callable[[Any], str] = str

    def index(self, ctx: Context) -> dict[str, list]:
        known = ctx.cache.get(self)
        if known is None:
            known = ctx.cache[self] = {}
            for record in self.records(ctx.user):
                self.add(ctx, record, known)
        return known

    def add(self, ctx: Context, record, known: dict | None = None) -> None:
        """Make a record created by this import findable by its later rows."""
        known = self.index(ctx) if known is None else known
        for name in self.names(record):
            if name and record not in (found := known.setdefault(folded(str(name)), [])):
                found.append(record)

    def matches(self, ctx: Context, written: str, narrow: Callable[[Any], bool] | None = None):
        found = self.index(ctx).get(folded(written), [])
        if narrow is not None and len(found) > 1:
            found = [record for record in found if narrow(record)] or found
        return found

    def find(self, ctx: Context, written: str, narrow: Callable[[Any], bool] | None = None):
        found = self.matches(ctx, written, narrow)
        if not found:
            raise cells.CellError(
                _("No %(kind)s “%(name)s” among those you may see.")
                % {"kind": self.label, "name": written}
            )
        if len(found) > 1:
            raise cells.CellError(
                _("“%(name)s” may be any of: %(records)s.")
                % {"name": written, "records": "; ".join(str(record) for record in found[:5])}
            )
        return found[0]

    def offers(self, ctx: Context) -> list[str]:
        return sorted({self.name(record) for record in self.records(ctx.user)})


def link(model, name: str, lookup: Lookup, *, required: bool = False, aliases=()) -> Column:
    """A foreign key, written as the linked record's name."""
    return Column(
        name,
        _label(model, name),
        read=lambda cell, row, ctx: lookup.find(ctx, w) if (w := cells.text(cell)) else None,
        current=lambda record: getattr(record, name),
        cell=lambda value: cells.neutralised(lookup.name(value)) if value is not None else "",
        apply=_set_field(name),
        required=required,
        aliases=aliases,
        offers=lookup.offers,
        same=lambda a, b: getattr(a, "pk", None) == getattr(b, "pk", None),
    )


def links(model, name: str, lookup: Lookup) -> Column:
    """A many-to-many field, written as the linked records' names in one cell."""
    return Column(
        name,
        _label(model, name),
        read=lambda cell, row, ctx: [lookup.find(ctx, item) for item in cells.items(cell)],
        current=lambda record: list(getattr(record, name).all()),
        cell=lambda value: cells.neutralised("; ".join(lookup.name(item) for item in value)),
        apply=lambda value, changes: changes.many.__setitem__(name, value),
        offers=lookup.offers,
        same=lambda a, b: {item.pk for item in a} == {item.pk for item in b},
    )


def identity(model) -> Column:
    """The record's number: an exported row finds its record by it, a new row leaves it
    empty."""
    return Column(
        "id",
        gettext_lazy("number in Liaison"),
        read=lambda cell, row, ctx: cells.whole_number(cell),
        current=lambda record: record.pk,
        identifies=True,
        aliases=("ID", "編號", "编号", "número"),
    )
