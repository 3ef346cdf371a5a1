"""What most kinds of sheet share: a record found by its number or a natural key among
those the user may see, and saved through the core services as a draft."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from liaison.core import services
from liaison.core.choices import WorkflowState
from liaison.sheets import cells
from liaison.sheets.columns import Changes, Column, Context, Lookup


def by_number(model, read: dict, ctx: Context, queryset=None):
    """The record the row's number names, when it gives one; CellError if the user sees
    no such record (a hidden one is answered as a missing one)."""
    number = read.get("id")
    if number is None:
        return None
    rows = queryset if queryset is not None else model.objects.visible_to(ctx.user)
    found = rows.filter(pk=number).first()
    if found is None:
        raise cells.CellError(
            _("No %(kind)s numbered %(number)s among those you may see.")
            % {"kind": model._meta.verbose_name, "number": number}
        )
    return found


def finder(model, natural: Callable[[dict, Context], object | None]):
    """Find by number, else by `natural` (a key such as the staff number)."""

    def find(read: dict, ctx: Context):
        return by_number(model, read, ctx) or natural(read, ctx)

    return find


def in_lookup(lookup: Lookup, key: str):
    """A natural key that is a name: the record of `lookup` known by the row's `key`."""

    def natural(read: dict, ctx: Context):
        written = read.get(key)
        if not written:
            return None
        return lookup.find(ctx, written) if lookup.matches(ctx, written) else None

    return natural


def saver(model, *lookups: Lookup):
    """Create a draft or change a record through the core services; the new or renamed
    record is then found by the sheet's later rows (a parent body named further down)."""

    def save(record, changes: Changes, ctx: Context, where: str):
        reason = _("Imported from a sheet: %(where)s") % {"where": where}
        if record is None:
            saved = services.create_record(
                model, user=ctx.user, data=changes.data, many=changes.many, reason=reason
            )
        else:
            saved = services.update_record(
                record,
                user=ctx.user,
                version=record.version,
                data=changes.data,
                many=changes.many,
                reason=reason,
            )
        for lookup in lookups:
            lookup.add(ctx, saved)
        return saved

    return save


def state() -> Column:
    """The record's workflow state, exported for the reader; an import leaves it alone
    (imported records are drafts)."""
    labels = dict(WorkflowState.choices)
    return Column(
        "state",
        gettext_lazy("state"),
        read=lambda cell, row, ctx: None,
        current=lambda record: record.state,
        cell=lambda value: str(labels.get(value, "")),
    )
