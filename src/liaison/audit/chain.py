"""The audit chain: every audit row (event or change log entry) is sealed by a link holding
the SHA-256 of its content and of the link before it, so changing or removing any row, or
any link, breaks every digest after it; `liaison audit-verify` walks the chain.

A row is sealed right after its transaction commits, from the row as stored, in a short
transaction of its own that holds the chain's lock (PostgreSQL: an advisory lock; SQLite:
the write lock every transaction takes), so concurrent writers line up and never wait on
each other's record locks. Positions are unique besides: a fork cannot be stored.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from uuid import UUID

from auditlog.models import LogEntry
from django.db import connection, transaction

from liaison.audit.models import AppendOnly, AuditEvent, Seal

#: What a digest covers, per table: fixed, so a column added later leaves old digests valid.
SEALED_FIELDS = {
    Seal.Table.EVENT: ("kind", "at", "actor_id", "agency_id", "remote_addr", "details"),
    Seal.Table.ENTRY: (
        "content_type_id",
        "object_pk",
        "object_id",
        "object_repr",
        "serialized_data",
        "action",
        "changes_text",
        "changes",
        "actor_id",
        "cid",
        "remote_addr",
        "remote_port",
        "timestamp",
        "additional_data",
        "actor_email",
    ),
}
MODELS = {Seal.Table.EVENT: AuditEvent, Seal.Table.ENTRY: LogEntry}
#: The PostgreSQL advisory lock key the chain's writers hold while appending.
LOCK_KEY = 0x4C494149  # "LIAI"


def _plain(value):
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date | Decimal | UUID):
        return str(value)
    raise TypeError(f"{type(value).__name__} cannot be sealed")


def content_of(table: str, row: dict) -> str:
    """The canonical text of a stored row: its sealed fields as sorted, compact JSON."""
    sealed = {name: row[name] for name in SEALED_FIELDS[table]}
    return json.dumps(
        sealed, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_plain
    )


def digest_of(previous: str, table: str, row_id: int, content: str) -> str:
    return hashlib.sha256(f"{previous}\n{table}\n{row_id}\n{content}".encode()).hexdigest()


#: How many rows are sealed at a time: read back, digested and linked (one import's
#: transaction writes a hundred thousand; SQLite allows 32,766 parameters a statement).
SEAL_CHUNK = 2000


def stored_rows(table: str, ids) -> dict[int, dict]:
    fields = ("id", *SEALED_FIELDS[table])
    return {row["id"]: row for row in MODELS[table].objects.filter(pk__in=ids).values(*fields)}


def seal(rows: list[tuple[str, int]]) -> None:
    """Append a link for each (table, id), in order, a chunk at a time (memory stays
    bounded); rows that no longer exist (rolled back with a savepoint) are skipped."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])
        last = Seal.objects.order_by("-position").values("position", "digest").first()
        position, previous = (last["position"], last["digest"]) if last else (0, "")
        for start in range(0, len(rows), SEAL_CHUNK):
            chunk = rows[start : start + SEAL_CHUNK]
            stored = {
                table: stored_rows(table, [i for t, i in chunk if t == table]) for table in MODELS
            }
            links = []
            for table, row_id in chunk:
                if (row := stored[table].get(row_id)) is None:
                    continue
                position += 1
                previous = digest_of(previous, table, row_id, content_of(table, row))
                links.append(Seal(position=position, table=table, row_id=row_id, digest=previous))
            Seal.objects.bulk_create(links)


@dataclass
class _Batch:
    """The rows one transaction wrote, sealed once it commits."""

    rows: list[tuple[str, int]] = field(default_factory=list)

    def __call__(self) -> None:
        seal(self.rows)


_pending = threading.local()


def seal_after_commit(table: str, row_id: int) -> None:
    """Queue a new row for sealing when its transaction commits (at once in autocommit)."""
    if not connection.in_atomic_block:
        seal([(table, row_id)])
        return
    batch = getattr(_pending, "batch", None)
    # A batch whose callback ran, or was dropped with a rollback, is no longer queued.
    if batch is None or not any(queued is batch for _, queued, _ in connection.run_on_commit):
        batch = _pending.batch = _Batch()
        transaction.on_commit(batch, robust=True)
    batch.rows.append((table, row_id))


def seal_new_event(sender, instance, created=False, raw=False, **kwargs) -> None:
    if created and not raw:
        seal_after_commit(Seal.Table.EVENT, instance.pk)


def seal_new_entry(sender, instance, created=False, raw=False, **kwargs) -> None:
    if created and not raw:
        seal_after_commit(Seal.Table.ENTRY, instance.pk)


def refuse_change(sender, instance, **kwargs) -> None:
    """auditlog's LogEntry is not ours to subclass: edits of its rows are refused here."""
    if not instance._state.adding:
        raise AppendOnly(sender._meta.label)


def refuse_deletion(sender, instance, **kwargs) -> None:
    raise AppendOnly(sender._meta.label)
