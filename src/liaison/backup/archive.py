"""The backup archive: a tar file holding `manifest.json`, the database and every stored
file, each member's SHA-256 in the manifest, encrypted whole when a key is given
(backup.encryption). Read back only whole: an archive that is not ours, whose members do
not match their checksums, or that the key does not open, is refused before anything is
written.
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from dataclasses import dataclass
from pathlib import Path

from liaison.backup import encryption

FORMAT = "liaison-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "database"
FILES = "files/"
CHUNK = 1 << 20


class Refused(Exception):
    """An archive that cannot be restored, with the reason in words."""


def sha256_of(stream) -> str:
    digest = hashlib.sha256()
    while block := stream.read(CHUNK):
        digest.update(block)
    return digest.hexdigest()


class Writer:
    """Members are added as they are read; the manifest, last, lists them all."""

    def __init__(self, path: Path, key: bytes | None = None):
        self.members: dict[str, dict] = {}
        self.sink = None
        if key is None:
            self.tar = tarfile.open(path, "w")  # noqa: SIM115 - closed by close()
        else:  # a stream: encrypted as it is written, never whole in memory or on disk
            self.sink = encryption.EncryptingFile(open(path, "wb"), key)  # noqa: SIM115
            self.tar = tarfile.open(fileobj=self.sink, mode="w|")  # noqa: SIM115

    def add(self, name: str, stream, size: int) -> None:
        info = tarfile.TarInfo(name)
        info.size = size
        hashing = _Hashing(stream)
        self.tar.addfile(info, hashing)
        self.members[name] = {"size": size, "sha256": hashing.digest.hexdigest()}

    def close(self, manifest: dict) -> None:
        body = json.dumps(
            {
                **manifest,
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "members": self.members,
            },
            indent=1,
            sort_keys=True,
        ).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(body)
        self.tar.addfile(info, io.BytesIO(body))
        self.tar.close()
        if self.sink is not None:
            self.sink.close()

    def abort(self) -> None:
        """Close the files of a backup that failed (its partial file is then removed)."""
        self.tar.close()
        if self.sink is not None:
            self.sink.raw.close()


class _Hashing:
    def __init__(self, stream):
        self.stream, self.digest = stream, hashlib.sha256()

    def read(self, size=-1):
        block = self.stream.read(size)
        self.digest.update(block)
        return block


@dataclass
class Archive:
    """A checked archive: its manifest, and its members to be read."""

    tar: tarfile.TarFile
    manifest: dict

    def open(self, name: str):
        return self.tar.extractfile(name)

    @property
    def files(self) -> list[str]:
        return sorted(
            name[len(FILES) :] for name in self.manifest["members"] if name.startswith(FILES)
        )


def open_checked(path: Path, key: bytes | None = None, work: Path | None = None) -> Archive:
    """The archive at `path`, every member's size and checksum verified; an encrypted one is
    first decrypted with `key` into the folder `work`."""
    path = _decrypted(path, key, work)
    try:
        tar = tarfile.open(path, "r:")  # noqa: SIM115 - closed with the Archive
    except (OSError, tarfile.TarError) as error:
        raise Refused(
            f"{path} is not a Liaison backup (not a readable archive: {error})."
        ) from None
    try:
        return Archive(tar, _checked_manifest(tar))
    except Refused:
        tar.close()
        raise
    except (OSError, tarfile.TarError, EOFError, ValueError) as error:
        tar.close()
        raise Refused(f"The archive is damaged ({error}); nothing was restored.") from None


def _decrypted(path: Path, key: bytes | None, work: Path | None) -> Path:
    try:
        if not encryption.is_encrypted(path):
            return path
    except OSError as error:
        raise Refused(f"{path} cannot be read ({error.strerror}).") from None
    if key is None:
        raise Refused(
            f"The archive is encrypted: set {encryption.ENVIRONMENT} to the key it was made with."
        )
    plain = work / "archive.tar"
    try:
        with plain.open("wb") as target:
            encryption.decrypt(path, target, key)
    except encryption.BadKey as error:
        raise Refused(str(error)) from None
    except encryption.Damaged as error:
        raise Refused(f"The archive is damaged ({error}); nothing was restored.") from None
    return plain


def _checked_manifest(tar: tarfile.TarFile) -> dict:
    members = {info.name: info for info in tar.getmembers()}
    if MANIFEST not in members:
        raise Refused("The archive has no manifest: it is not a Liaison backup.")
    try:
        manifest = json.loads(tar.extractfile(MANIFEST).read())
    except (ValueError, UnicodeDecodeError):
        raise Refused("The archive's manifest is unreadable: it is damaged.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise Refused("The archive is not a Liaison backup (its manifest names another format).")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise Refused(f"The archive's format version {manifest.get('format_version')} is unknown.")
    listed = manifest.get("members") or {}
    if any(not _safe(name) for name in listed):
        raise Refused("The archive names a file outside its own folders: it is refused.")
    present = {name for name, info in members.items() if name != MANIFEST and info.isfile()}
    if present != set(listed) or any(not info.isfile() for info in members.values()):
        raise Refused("The archive's members differ from its manifest: it is damaged.")
    for name, expected in listed.items():
        if (
            members[name].size != expected["size"]
            or sha256_of(tar.extractfile(name)) != expected["sha256"]
        ):
            raise Refused(f"The archive is damaged: {name} does not match its checksum.")
    if DATABASE not in listed:
        raise Refused("The archive holds no database.")
    return manifest


def _safe(name: str) -> bool:
    parts = Path(name).parts
    return name == DATABASE or (
        name.startswith(FILES)
        and len(parts) > 1
        and ".." not in parts
        and not Path(name).is_absolute()
    )
