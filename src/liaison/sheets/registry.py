"""The kinds of sheet there are, each declared in its family app's `sheets.py` as `SHEETS`
and collected here when the apps are ready (core knows no family; neither does this)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from django.apps import apps
from django.utils.module_loading import module_has_submodule

from liaison.sheets.columns import Changes, Column, Context


@dataclass(frozen=True)
class SheetKind:
    """One kind of sheet: its columns, how a row finds its record and how it is saved."""

    name: str
    label: Any
    model: type
    columns: tuple[Column, ...]
    #: values, context -> the record the row is about, or None for a new one
    find: Callable[[dict, Context], Any]
    #: record or None, changes, context, provenance text -> the saved record
    save: Callable[[Any, Changes, Context, str], Any]
    #: The permission a user needs to import this kind at all.
    permission: str
    #: changes of new rows, context -> the saved records, in one go (None: row by row)
    save_many: Callable[[list[Changes], Context], list] | None = None
    #: The list filters this kind's sheet is the export of (activities of one kind).
    filters: Mapping[str, str] = field(default_factory=dict)
    #: What an export reads with each record (so no query per row).
    select: tuple[str, ...] = ()
    prefetch: tuple[str, ...] = ()

    def column(self, key: str) -> Column:
        return next(column for column in self.columns if column.key == key)


_kinds: dict[str, SheetKind] = {}


def register(*kinds: SheetKind) -> None:
    for kind in kinds:
        if kind.name in _kinds:
            raise ValueError(f"The sheet kind {kind.name} is already registered.")
        _kinds[kind.name] = kind


def discover() -> None:
    """Import every installed app's `sheets` module and register its SHEETS."""
    for config in apps.get_app_configs():
        if config.name.startswith("liaison.") and module_has_submodule(config.module, "sheets"):
            module = import_module(f"{config.name}.sheets")
            if hasattr(module, "SHEETS"):
                register(*module.SHEETS)


def kinds() -> list[SheetKind]:
    return list(_kinds.values())


def kind_named(name: str) -> SheetKind | None:
    return _kinds.get(name)


def export_kind(model, params: Mapping[str, str]) -> SheetKind | None:
    """The sheet a filtered list of `model` exports as: the most specific kind whose
    filters the list's parameters all carry (the training sheet for kind=training)."""
    fitting = [
        kind
        for kind in _kinds.values()
        if kind.model is model
        and all(params.get(key) == value for key, value in kind.filters.items())
    ]
    return max(fitting, key=lambda kind: len(kind.filters), default=None)
