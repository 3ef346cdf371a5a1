"""Figures derived from records, kept in the cache until a record they may read changes.

Each agency has a stamp, a random token that changes once a transaction writing one of its
records has committed (the services call `mark_changed`); shared reference data (places,
topics) has one stamp of its own. `remembered` keeps a value under the stamps its reader
may read, with what the rules read of the reader (`reader_key`) and the language, so the
next reader with the same view gets it without asking again, and the first after a write
builds it anew. The stamp changes after the commit, not within the transaction: a stamp
row updated inside it would be a lock every writer of the agency waits for, in any order.
A value read between the commit and the new stamp may be newer than its key, never older;
an expiry bounds whatever no service wrote (an officer's renamed account).
"""

from __future__ import annotations

import hashlib
import io
import pickle
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.utils.functional import Promise
from django.utils.translation import get_language

from liaison.core.models import ChangeStamp
from liaison.core.visibility import reader_key

T = TypeVar("T")
REFERENCE = "reference"
#: Seconds a value is kept at most, whatever the stamps.
TIMEOUT = 300


def stamp_key(agency_id: int | None) -> str:
    return REFERENCE if agency_id is None else f"agency:{agency_id}"


def mark_changed(record) -> None:
    """A record of the agency (or reference data) was written: once the transaction commits,
    its stamp changes (each stamp once per transaction, however many records it wrote)."""
    key = stamp_key(getattr(record, "agency_id", None))
    if not connection.in_atomic_block:
        renew([key])
        return
    renewal = getattr(_pending, "renewal", None)
    # A renewal that ran, or was dropped with a rollback (it is no longer queued), is done.
    if (
        renewal is None
        or renewal.done
        or not any(queued is renewal for _, queued, _ in connection.run_on_commit)
    ):
        renewal = _pending.renewal = _Renewal()
        transaction.on_commit(renewal, robust=True)
    renewal.keys.add(key)


@dataclass
class _Renewal:
    """The stamps one transaction changed, renewed once it commits."""

    keys: set[str] = field(default_factory=set)
    done: bool = False

    def __call__(self) -> None:
        self.done = True
        renew(sorted(self.keys))


_pending = threading.local()


def renew(keys: list[str]) -> None:
    """New tokens for `keys` (created if missing), so no value kept under the old ones is read."""
    ChangeStamp.objects.bulk_create([ChangeStamp(key=key) for key in keys], ignore_conflicts=True)
    # One token for them all: a kept value's key names each token with its stamp.
    ChangeStamp.objects.filter(key__in=keys).update(token=uuid.uuid4())


def renew_all() -> None:
    """Every stamp anew (after a restore: the tokens came back with the old records)."""
    ChangeStamp.objects.update(token=uuid.uuid4())


def stamps_for(user) -> str:
    """The tokens of everything `user` may read: their agency's (every agency's, for a
    superuser) and the reference data's, in one query."""
    if user.is_superuser:
        rows = ChangeStamp.objects.order_by("key").values_list("key", "token")
        return ",".join(f"{key}={token}" for key, token in rows) or _created(REFERENCE)
    keys = [stamp_key(user.agency_id), REFERENCE]
    found = dict(ChangeStamp.objects.filter(key__in=keys).values_list("key", "token"))
    return ",".join(f"{key}={found.get(key) or _created(key)}" for key in keys)


def _created(key: str) -> str:
    """The token of a stamp nobody has written yet (it is made now, or by a writer first)."""
    try:
        return str(ChangeStamp.objects.get_or_create(key=key)[0].token)
    except IntegrityError:  # made meanwhile by another request
        return str(ChangeStamp.objects.get(key=key).token)


def remembered(user, name: str, parts: tuple, compute: Callable[[], T]) -> T:
    """`compute()` as `user` would see it now: kept under the stamps (read first, so a value
    is never older than its key), the reader, the language and the caller's `parts`."""
    described = repr((stamps_for(user), reader_key(user), get_language(), parts))
    key = f"liaison:{name}:{hashlib.sha256(described.encode()).hexdigest()}"
    kept = cache.get(key)
    if kept is not None:
        return pickle.loads(kept)
    value = compute()
    cache.set(key, as_text(value), TIMEOUT)
    return value


class _TextPickler(pickle.Pickler):
    def reducer_override(self, obj):
        if isinstance(obj, Promise):
            return str, (str(obj),)
        return NotImplemented


def as_text(value) -> bytes:
    """`value` pickled with its lazy translations as the text they are now: the key names
    the language, and unpickling a lazy one builds a class (200 of them on a dashboard
    were a fifth of its time)."""
    buffer = io.BytesIO()
    _TextPickler(buffer, pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()
