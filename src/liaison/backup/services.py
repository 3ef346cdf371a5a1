"""Backing up and restoring a whole instance: the database and every stored file.

`back_up` writes the database snapshot first, then every file in storage (files are only
ever added under new names, so each file the snapshot names is there). `restore` checks
the whole archive, the versions and that this instance is empty before writing anything,
and ends with a restore event in the restored trail, chained after the archive's last row.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from importlib.metadata import version
from pathlib import Path

import django
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.utils import timezone

from liaison.audit.models import AuditEvent
from liaison.audit.services import log_event
from liaison.backup import database
from liaison.backup.archive import CHUNK, DATABASE, FILES, Refused, Writer, open_checked
from liaison.core import freshness


def stored_files(folder: str = "") -> list[str]:
    """Every file in storage, by name (local folder or bucket alike)."""
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [f"{folder}{name}" for name in files]
    for sub in folders:
        names += stored_files(f"{folder}{sub}/")
    return sorted(names)


def back_up(path: Path, key: bytes | None = None) -> dict:
    """Write the archive at `path`, encrypted with `key` if given (through a temporary
    name: a failed backup leaves none)."""
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    with tempfile.TemporaryDirectory() as work:
        snapshot = Path(work) / "database"
        database.dump(snapshot)
        writer = Writer(partial, key)
        try:
            with snapshot.open("rb") as stream:
                writer.add(DATABASE, stream, snapshot.stat().st_size)
            files = stored_files()
            for name in files:
                with default_storage.open(name, "rb") as stream:
                    writer.add(FILES + name, stream, default_storage.size(name))
            manifest = {
                "created": timezone.now().isoformat(),
                "liaison": version("liaison"),
                "django": django.get_version(),
                "database": {"vendor": database.vendor(), "server": database.server_version()},
                "migrations": database.migrations(),
            }
            writer.close(manifest)
        except BaseException:
            writer.abort()
            partial.unlink(missing_ok=True)
            raise
    os.replace(partial, path)
    log_event(AuditEvent.Kind.BACKUP, path=str(path), files=len(files))
    return {"files": len(files), "bytes": path.stat().st_size, "encrypted": key is not None}


def restore(path: Path, key: bytes | None = None) -> dict:
    """Restore the archive at `path` (decrypted with `key` if it is encrypted) into this
    empty instance, or refuse it whole; the restored trail then records the restore."""
    with tempfile.TemporaryDirectory() as work:
        archive = open_checked(Path(path), key, Path(work))
        with archive.tar:
            _check_fits(archive.manifest)
            dump = Path(work) / "database"
            with dump.open("wb") as target:
                shutil.copyfileobj(archive.open(DATABASE), target, CHUNK)
            database.restore(dump)
            for name in archive.files:
                with archive.open(FILES + name) as stream:
                    saved = default_storage.save(name, File(stream, name=name))
                if saved != name:
                    raise Refused(f"The file {name} was stored as {saved}.")
    freshness.renew_all()  # nothing kept in a shared cache under the restored stamps is read
    created = archive.manifest.get("created")
    log_event(AuditEvent.Kind.RESTORE, path=str(path), created=created, files=len(archive.files))
    return {"files": len(archive.files), "created": created}


def _check_fits(manifest: dict) -> None:
    here = database.vendor()
    there = (manifest.get("database") or {}).get("vendor")
    if there != here:
        raise Refused(f"The archive holds a {there} database; this instance runs on {here}.")
    if not database.is_empty():
        raise Refused("This instance's database is not empty: restore into a new, empty one.")
    if stored_files():
        raise Refused("This instance's file storage is not empty: restore into an empty one.")
    known = _known_migrations()
    unknown = [
        f"{app}.{name}"
        for app, name in manifest.get("migrations", {}).items()
        if (app, name) not in known
    ]
    if unknown:
        raise Refused(
            f"The archive was made by a newer Liaison (migrations {', '.join(unknown[:3])} "
            "are unknown here): upgrade this instance first."
        )


def _known_migrations() -> set[tuple[str, str]]:
    from django.db.migrations.loader import MigrationLoader

    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
