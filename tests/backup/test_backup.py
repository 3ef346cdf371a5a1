"""Back up a running instance, wipe it, restore it: every row and every file comes back
byte for byte, and the restore is recorded (SQLite with an encrypted archive, and
PostgreSQL with a plain one when the suite runs on it); an archive that is
damaged, foreign or meant for another instance is refused and nothing is written."""

import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from liaison.backup import archive, encryption
from liaison.backup.services import stored_files

PROJECT = Path(__file__).resolve().parents[2]


def run(env: dict, *arguments: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "tests.backup.instance", *arguments],
        cwd=PROJECT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def round_trip(env: dict, tmp_path: Path, wipe) -> Path:
    """Back up, wipe, restore: every row and file as it was, and the restore recorded
    last in the restored trail, its chain intact."""
    run(env, "populate")
    before = json.loads(run(env, "contents"))
    assert len(before["files"]) == 3 and before["tables"]["audit_seal"]
    path = tmp_path / "liaison.backup"
    run(env, "backup", str(path))
    wipe()
    shutil.rmtree(env["LIAISON_MEDIA_ROOT"])
    run(env, "restore", str(path))
    after = json.loads(run(env, "contents"))
    restore_event = after["tables"]["audit_auditevent"].pop()
    restore_link = after["tables"]["audit_seal"].pop()
    assert after == before
    assert "restore" in restore_event and str(path) in " ".join(restore_event)
    assert restore_link[-1] not in {link[-1] for link in before["tables"]["audit_seal"]}
    assert "Audit chain intact" in run(env, "audit-verify")
    return path


def test_sqlite_round_trip_encrypted(tmp_path):
    """With LIAISON_BACKUP_KEY set the archive is encrypted: none of its content shows."""
    database = tmp_path / "liaison.sqlite3"
    env = {
        "DATABASE_URL": f"sqlite:///{database}",
        "LIAISON_MEDIA_ROOT": str(tmp_path / "media"),
        "LIAISON_BACKUP_KEY": encryption.new_key(),
    }
    data = round_trip(env, tmp_path, wipe=lambda: database.unlink()).read_bytes()
    assert data.startswith(encryption.MAGIC)
    assert b"liaison-backup" not in data and b"SQLite format 3" not in data


@pytest.mark.postgres
def test_postgresql_round_trip(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the suite runs on SQLite")
    import psycopg

    server = connection.settings_dict
    name = f"liaison_backup_{uuid.uuid4().hex[:8]}"
    admin = dict(host=server["HOST"], port=server["PORT"], user=server["USER"], dbname="postgres")
    if server.get("PASSWORD"):
        admin["password"] = server["PASSWORD"]

    def create_database():
        with psycopg.connect(**admin, autocommit=True) as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {name}")
            cursor.execute(f"CREATE DATABASE {name}")

    create_database()
    password = f":{server['PASSWORD']}" if server.get("PASSWORD") else ""
    url = f"postgres://{server['USER']}{password}@{server['HOST']}:{server['PORT']}/{name}"
    env = {"DATABASE_URL": url, "LIAISON_MEDIA_ROOT": str(tmp_path / "media")}
    try:
        round_trip(env, tmp_path, wipe=create_database)
    finally:
        with psycopg.connect(**admin, autocommit=True) as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def refused_by_the_instance(env: dict, path: Path, message: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tests.backup.instance", "restore", str(path)],
        cwd=PROJECT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0
    assert re.search(message, done.stderr), done.stderr[-2000:]


def test_a_damaged_or_cut_archive_is_refused_and_nothing_written(tmp_path):
    """Against the real thing: a backup of a populated instance, one byte flipped, or cut."""
    source = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'source.sqlite3'}",
        "LIAISON_MEDIA_ROOT": str(tmp_path / "source-media"),
    }
    run(source, "populate")
    run(source, "backup", str(tmp_path / "good.backup"))
    data = bytearray((tmp_path / "good.backup").read_bytes())
    cut = tmp_path / "cut.backup"
    cut.write_bytes(bytes(data[: len(data) // 2]))
    data[len(data) // 3] ^= 0xFF
    damaged = tmp_path / "damaged.backup"
    damaged.write_bytes(bytes(data))
    empty = tmp_path / "empty.sqlite3"
    target = {"DATABASE_URL": f"sqlite:///{empty}", "LIAISON_MEDIA_ROOT": str(tmp_path / "media")}
    refused_by_the_instance(target, damaged, "damaged")
    refused_by_the_instance(target, cut, "damaged|not a Liaison backup")
    assert not empty.exists() or empty.stat().st_size == 0
    assert not (tmp_path / "media").exists()


def refused(path: Path, message: str, media: Path) -> None:
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(path))
    assert stored_files() == [] and not any(media.iterdir())


def handmade(tmp_path: Path, manifest: dict) -> Path:
    path = tmp_path / "handmade.backup"
    writer = archive.Writer(path)
    writer.add(archive.DATABASE, io.BytesIO(b"SQLite format 3\x00"), 16)
    writer.add(archive.FILES + "attachments/a.pdf", io.BytesIO(b"%PDF-1.4"), 8)
    writer.close(manifest)
    return path


@pytest.mark.django_db
def test_a_foreign_archive_is_refused(tmp_path, media):
    noise = tmp_path / "noise.backup"
    noise.write_bytes(os.urandom(4096))
    refused(noise, "not a Liaison backup", media)
    other = tmp_path / "other.tar"
    (tmp_path / "manifest.json").write_text('{"format": "something-else"}')
    with tarfile.open(other, "w") as tar:
        tar.add(tmp_path / "manifest.json", arcname="manifest.json")
    refused(other, "another format", media)


@pytest.mark.django_db
def test_an_archive_is_not_restored_over_a_running_instance(tmp_path, media):
    path = handmade(tmp_path, {"database": {"vendor": connection.vendor}, "migrations": {}})
    refused(path, "not empty", media)


@pytest.mark.django_db
def test_an_archive_of_another_database_is_refused(tmp_path, media):
    path = handmade(tmp_path, {"database": {"vendor": "oracle"}, "migrations": {}})
    refused(path, "oracle", media)
