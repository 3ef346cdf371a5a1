"""Files kept between two tries of an upload, so a user never chooses the same file twice.

A browser cannot refill a file input: when an upload is refused for anything but the file
itself (a description too long, a record changed by someone else meanwhile), the checked
file is kept in the storage under a random name, and the user's session remembers it for
that record only. The next try attaches the kept file unless the user chooses another. Kept
files nobody came back for are removed after a day.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import timezone

FOLDER = "stash"
SESSION_KEY = "attachments_kept"
#: How long a kept file waits for its user.
KEPT_FOR = datetime.timedelta(days=1)


@dataclass(frozen=True)
class KeptFile:
    token: str
    stored: str
    name: str
    size: int

    def open(self) -> File:
        """The kept file as an upload (not yet committed, so the validators check it again)."""
        return File(default_storage.open(self.stored, "rb"), name=self.name)


def record_key(record) -> str:
    return f"{record._meta.label_lower}:{record.pk}"


def kept_file(request, token: str, record) -> KeptFile | None:
    """The file kept under `token` for `record` in this session, if it is still there."""
    entry = request.session.get(SESSION_KEY, {}).get(token)
    if not entry or entry["record"] != record_key(record):
        return None
    if not default_storage.exists(entry["stored"]):
        return None
    return KeptFile(token, entry["stored"], entry["name"], entry["size"])


def keep(request, record, upload) -> KeptFile:
    """Store a checked upload for the user's next try at attaching it to `record`."""
    remove_abandoned()
    token = uuid.uuid4().hex
    upload.seek(0)
    stored = default_storage.save(f"{FOLDER}/{token}", upload)
    entries = request.session.get(SESSION_KEY, {})
    entries[token] = {
        "stored": stored,
        "name": upload.name,
        "size": upload.size,
        "record": record_key(record),
    }
    request.session[SESSION_KEY] = entries
    return KeptFile(token, stored, upload.name, upload.size)


def discard(request, kept: KeptFile | None) -> None:
    if kept is None:
        return
    entries = request.session.get(SESSION_KEY, {})
    if entries.pop(kept.token, None) is not None:
        request.session[SESSION_KEY] = entries
    default_storage.delete(kept.stored)


def remove_abandoned() -> None:
    """Delete kept files older than KEPT_FOR, whoever kept them."""
    try:
        _, names = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return
    oldest = timezone.now() - KEPT_FOR
    for name in names:
        path = f"{FOLDER}/{name}"
        if default_storage.get_modified_time(path) < oldest:
            default_storage.delete(path)
