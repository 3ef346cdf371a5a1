"""The database in and out of an archive: SQLite's online backup API, PostgreSQL's pg_dump
custom format (one snapshot), each restored only into an empty database."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection

from liaison.backup.archive import Refused


def vendor() -> str:
    return connection.vendor


def server_version() -> str:
    connection.ensure_connection()
    if vendor() == "postgresql":
        return str(connection.pg_version)
    return sqlite3.sqlite_version


def dump(target: Path) -> None:
    """A consistent copy of the database at `target`, taken while others write."""
    if vendor() == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
        return
    _require_client("pg_dump")
    _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"])


def restore(source: Path) -> None:
    """Load a dump into the current (empty) database."""
    if vendor() == "sqlite":
        if connection.is_in_memory_db():
            raise Refused("An in-memory database cannot be restored into.")
        name = Path(connection.settings_dict["NAME"])
        connection.close()
        partial = name.with_suffix(".restoring")
        shutil.copyfile(source, partial)
        os.replace(partial, name)
        return
    _require_client("pg_restore")
    _run(
        [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={connection.settings_dict['NAME']}",
            str(source),
        ]
    )


def is_empty() -> bool:
    """No table at all: a new database, never migrated (SQLite's own statistics tables,
    which an ANALYZE makes, are no data)."""
    return not [t for t in connection.introspection.table_names() if not t.startswith("sqlite_")]


def migrations() -> dict[str, str]:
    """The last migration applied of each app: the schema the dump has."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
        return dict(cursor.fetchall())


def _environment() -> dict:
    settings = connection.settings_dict
    env = dict(os.environ)
    for key, value in (
        ("PGHOST", settings.get("HOST")),
        ("PGPORT", settings.get("PORT")),
        ("PGUSER", settings.get("USER")),
        ("PGPASSWORD", settings.get("PASSWORD")),
        ("PGDATABASE", settings.get("NAME")),
    ):
        if value:
            env[key] = str(value)
    return env


def _run(command: list[str]) -> None:
    done = subprocess.run(command, env=_environment(), capture_output=True, text=True)
    if done.returncode != 0:
        raise Refused(f"{command[0]} failed: {done.stderr.strip()}")


def _require_client(tool: str) -> None:
    """pg_dump and pg_restore must be at least the server's major version."""
    if shutil.which(tool) is None:
        raise Refused(f"{tool} is not installed (apt-get install postgresql-client).")
    output = subprocess.run([tool, "--version"], capture_output=True, text=True).stdout
    found = re.search(r"\)\s*(\d+)", output)
    connection.ensure_connection()
    server_major = connection.pg_version // 10000
    if found is None or int(found.group(1)) < server_major:
        raise Refused(
            f"{tool} ({output.strip()}) is older than the server (PostgreSQL {server_major}): "
            f"install the client tools of version {server_major}."
        )
