"""The archive's encryption (backup.encryption): what is written comes back byte for byte
with the key, and a wrong key, a changed, moved or dropped chunk, or a cut is refused;
through `liaison restore`, a missing or wrong key is a message and nothing is written."""

import io
import os

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from liaison.backup import archive, encryption
from liaison.backup.services import stored_files

CHUNK = 64


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(encryption, "CHUNK", CHUNK)


def sealed(plain: bytes, key: bytes) -> bytes:
    raw = io.BytesIO()
    raw.close = lambda: None  # kept open to be read back
    sink = encryption.EncryptingFile(raw, key)
    for start in range(0, len(plain), 50):  # written in pieces across chunk boundaries
        sink.write(plain[start : start + 50])
    sink.close()
    return raw.getvalue()


def opened(data: bytes, key: bytes, tmp_path) -> bytes:
    source = tmp_path / "archive.enc"
    source.write_bytes(data)
    target = io.BytesIO()
    encryption.decrypt(source, target, key)
    return target.getvalue()


@pytest.mark.parametrize("size", [0, 1, CHUNK, CHUNK * 3, CHUNK * 3 + 7])
def test_what_is_encrypted_comes_back_with_the_key(small_chunks, tmp_path, size):
    key, plain = os.urandom(32), os.urandom(size)
    data = sealed(plain, key)
    assert size < 16 or plain not in data  # a shorter one may turn up by chance
    assert opened(data, key, tmp_path) == plain


def test_another_key_is_named_as_such(small_chunks, tmp_path):
    data = sealed(b"x" * 200, os.urandom(32))
    with pytest.raises(encryption.BadKey, match="another key"):
        opened(data, os.urandom(32), tmp_path)


def test_a_changed_dropped_or_moved_chunk_or_a_cut_is_damage(small_chunks, tmp_path):
    key = os.urandom(32)
    data = sealed(os.urandom(CHUNK * 4), key)
    head = len(encryption.MAGIC) + encryption.SALT_BYTES + encryption.TAG_BYTES
    block = CHUNK + encryption.TAG_BYTES
    chunks = [data[head + n * block : head + (n + 1) * block] for n in range(4)]
    flipped = bytearray(data)
    flipped[head + block + 5] ^= 1
    for damaged in (
        bytes(flipped),
        data[:head] + chunks[0] + chunks[2] + chunks[3],  # one dropped
        data[:head] + chunks[1] + chunks[0] + chunks[2] + chunks[3],  # two swapped
        data[: head + 3 * block],  # cut at a chunk's end
        data[:-1],
        data[: head - 1],
    ):
        with pytest.raises(encryption.Damaged):
            opened(damaged, key, tmp_path)


@pytest.mark.parametrize("text", ["not base64!", "c2hvcnQ=", "A" * 60])
def test_a_malformed_key_in_the_environment_says_how_to_make_one(monkeypatch, text):
    monkeypatch.setenv(encryption.ENVIRONMENT, text)
    with pytest.raises(encryption.BadKey, match="openssl rand -base64 32"):
        encryption.key_from_environment()


def test_a_key_in_the_environment_is_read_in_either_base64(monkeypatch):
    key = os.urandom(32)
    for text in (encryption.base64.b64encode(key), encryption.base64.urlsafe_b64encode(key)):
        monkeypatch.setenv(encryption.ENVIRONMENT, text.decode())
        assert encryption.key_from_environment() == key


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("", "The archive is encrypted: set LIAISON_BACKUP_KEY"),
        (encryption.new_key(), "does not open this archive: it was encrypted with another key"),
        ("short", "must be 32 random bytes"),
    ],
    ids=["no key", "another key", "a malformed key"],  # a random key in an id differs per
)  # pytest-xdist worker, which then refuses to run
def test_restore_without_the_archives_key_is_refused_and_writes_nothing(
    tmp_path, media, monkeypatch, key, message
):
    path = tmp_path / "encrypted.backup"
    writer = archive.Writer(path, os.urandom(32))
    writer.add(archive.DATABASE, io.BytesIO(b"SQLite format 3\x00"), 16)
    writer.add(archive.FILES + "attachments/a.pdf", io.BytesIO(b"%PDF-1.4"), 8)
    writer.close({"database": {"vendor": connection.vendor}, "migrations": {}})
    monkeypatch.setenv(encryption.ENVIRONMENT, key)
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(path))
    assert stored_files() == [] and not any(media.iterdir())
