"""Walking the audit chain (liaison.audit.chain): the first row changed, removed or added
outside the application, named so an auditor can look at it."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Max

from liaison.audit.chain import MODELS, content_of, digest_of, stored_rows
from liaison.audit.models import Seal

CHUNK = 2000
NAMES = {Seal.Table.EVENT: "audit event", Seal.Table.ENTRY: "change log entry"}


@dataclass(frozen=True)
class Break:
    table: str
    row_id: int
    what: str  # "changed", "removed", "unsealed", "link removed"

    def __str__(self) -> str:
        name = f"{NAMES[self.table]} {self.row_id}"
        return {
            "changed": f"{name} was changed after it was written",
            "removed": f"{name} was removed",
            "unsealed": f"{name} is not in the chain (written outside the application)",
            "link removed": f"the chain's link before {name} was removed",
        }[self.what]


@dataclass(frozen=True)
class Report:
    links: int
    head: str  # the last link's digest: note it down elsewhere to detect a cut tail
    broken: Break | None


def verify() -> Report:
    """Recompute every link in order; stop at the first that does not hold."""
    previous, position = "", 0
    last = Seal.objects.aggregate(last=Max("position"))["last"] or 0
    while position < last:
        links = list(
            Seal.objects.filter(position__gt=position, position__lte=position + CHUNK)
            .order_by("position")
            .values_list("position", "table", "row_id", "digest")
        )
        rows = {
            table: stored_rows(table, [row_id for _, t, row_id, _ in links if t == table])
            for table in MODELS
        }
        for at, table, row_id, digest in links:
            position += 1
            if at != position:
                return Report(position - 1, previous, Break(table, row_id, "link removed"))
            row = rows[table].get(row_id)
            if row is None:
                return Report(position - 1, previous, Break(table, row_id, "removed"))
            previous = digest_of(previous, table, row_id, content_of(table, row))
            if previous != digest:
                return Report(position - 1, previous, Break(table, row_id, "changed"))
        if not links:  # a gap wider than a chunk
            return Report(position, previous, Break(*_first_after(position), "link removed"))
    return Report(position, previous, _first_unsealed())


def _first_after(position: int) -> tuple[str, int]:
    link = Seal.objects.filter(position__gt=position).order_by("position").first()
    return link.table, link.row_id


def _first_unsealed() -> Break | None:
    for table, model in MODELS.items():
        sealed = Seal.objects.filter(table=table).values("row_id")
        row_id = model.objects.exclude(pk__in=sealed).order_by("pk").values_list("pk", flat=True)
        if first := row_id.first():
            return Break(table, first, "unsealed")
    return None
