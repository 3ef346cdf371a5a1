"""An encrypted archive, with the key in LIAISON_BACKUP_KEY: AES-256-GCM in 1 MiB chunks
(the STREAM construction), so an archive of any size is encrypted as it is written and
decrypted as it is read, and no chunk can be changed, dropped, moved or cut off unseen.

The file: MAGIC, a random salt, a tag that proves the key (an empty message sealed under
the first nonce), then the chunks. Each archive's own key is derived from the key and the
salt (HKDF-SHA256), so its nonces, a chunk counter and a last-chunk flag, never repeat
under one key.
"""

from __future__ import annotations

import base64
import binascii
import os
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"LIAISON-ENC\x01"
SALT_BYTES = 16
TAG_BYTES = 16
CHUNK = 1 << 20
ENVIRONMENT = "LIAISON_BACKUP_KEY"


class BadKey(ValueError):
    """The key is malformed, or not the one the archive was made with."""


def key_from_environment() -> bytes | None:
    """The 32-byte key LIAISON_BACKUP_KEY holds in base64, or None when it is not set."""
    text = os.environ.get(ENVIRONMENT, "").strip()
    if not text:
        return None
    try:
        key = base64.b64decode(text.replace("-", "+").replace("_", "/"), validate=True)
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != 32:
        raise BadKey(
            f"{ENVIRONMENT} must be 32 random bytes in base64 (make one with "
            "`openssl rand -base64 32`)."
        )
    return key


def new_key() -> str:
    return base64.b64encode(secrets.token_bytes(32)).decode()


def _cipher(key: bytes, salt: bytes) -> AESGCM:
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=MAGIC).derive(key)
    return AESGCM(derived)


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


class EncryptingFile:
    """A write-only file that encrypts what is written to it into `raw`."""

    def __init__(self, raw, key: bytes):
        self.raw, self.buffer, self.counter = raw, bytearray(), 1
        salt = secrets.token_bytes(SALT_BYTES)
        self.cipher = _cipher(key, salt)
        raw.write(MAGIC + salt + self.cipher.encrypt(_nonce(0, False), b"", MAGIC + salt))

    def write(self, data) -> int:
        self.buffer += data
        while len(self.buffer) > CHUNK:  # the last chunk is sealed by close()
            self._seal(bytes(self.buffer[:CHUNK]), last=False)
            del self.buffer[:CHUNK]
        return len(data)

    def _seal(self, chunk: bytes, last: bool) -> None:
        self.raw.write(self.cipher.encrypt(_nonce(self.counter, last), chunk, None))
        self.counter += 1

    def close(self) -> None:
        self._seal(bytes(self.buffer), last=True)
        self.buffer.clear()
        self.raw.close()


def is_encrypted(path) -> bool:
    with open(path, "rb") as stream:
        return stream.read(len(MAGIC)) == MAGIC


class Damaged(ValueError):
    """A chunk that does not decrypt: changed, moved, or the archive cut short."""


def decrypt(source, target, key: bytes) -> None:
    """Write the plain archive `source` holds to `target`, or raise before its end."""
    with open(source, "rb") as stream:
        head = stream.read(len(MAGIC) + SALT_BYTES + TAG_BYTES)
        if len(head) < len(MAGIC) + SALT_BYTES + TAG_BYTES:
            raise Damaged("it is cut short")
        salt, proof = head[len(MAGIC) : -TAG_BYTES], head[-TAG_BYTES:]
        cipher = _cipher(key, salt)
        try:
            cipher.decrypt(_nonce(0, False), proof, MAGIC + salt)
        except InvalidTag:
            raise BadKey(
                f"{ENVIRONMENT} does not open this archive: it was encrypted with another key."
            ) from None
        counter, chunk = 1, stream.read(CHUNK + TAG_BYTES)
        while True:
            following = stream.read(CHUNK + TAG_BYTES)
            try:
                target.write(cipher.decrypt(_nonce(counter, not following), chunk, None))
            except InvalidTag:
                raise Damaged(f"its part {counter} does not decrypt") from None
            if not following:
                return
            counter, chunk = counter + 1, following
