"""The scan store: each page image kept once, in a file named by its SHA-256.

A file is written beside its place and renamed into it only when whole and
synced, so a store holds whole files or none; the same page imported twice,
or by two books, is one file. A backup copies only the files it lacks.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SHA256 = re.compile(r"^[0-9a-f]{64}$")
SUFFIXES = {"image/jpeg": ".jpg", "image/png": ".png"}


class ScanMissing(FileNotFoundError):
    """A page the database names is not in the store."""


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class ScanStore:
    root: Path

    def path(self, sha256: str, media_type: str) -> Path:
        if not SHA256.match(sha256):
            raise ValueError(f"not a SHA-256: {sha256!r}")
        return self.root / sha256[:2] / f"{sha256}{SUFFIXES[media_type]}"

    def has(self, sha256: str, media_type: str) -> bool:
        return self.path(sha256, media_type).is_file()

    def put(self, data: bytes, media_type: str) -> str:
        """Keep ``data``; its SHA-256, the name it is kept by."""
        sha256 = digest(data)
        target = self.path(sha256, media_type)
        if target.is_file() and target.stat().st_size == len(data):
            return sha256
        target.parent.mkdir(parents=True, exist_ok=True)
        # A name of this writer's own: two intakes may keep the same page at once.
        partial = target.with_name(f".{target.name}.{os.getpid()}-{threading.get_ident()}.part")
        with open(partial, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
        _sync_folder(target.parent)
        return sha256

    def read(self, sha256: str, media_type: str) -> bytes:
        """The page's bytes, checked against the name they are kept by."""
        try:
            data = self.path(sha256, media_type).read_bytes()
        except FileNotFoundError as missing:
            raise ScanMissing(f"the scan {sha256[:12]}… is not in {self.root}") from missing
        if digest(data) != sha256:
            raise ScanMissing(f"the scan {sha256[:12]}… in {self.root} is damaged")
        return data

    def files(self) -> Iterator[Path]:
        """Every whole file of the store."""
        if not self.root.is_dir():
            return
        for folder in sorted(self.root.iterdir()):
            if folder.is_dir():
                yield from sorted(p for p in folder.iterdir() if not p.name.startswith("."))


def _sync_folder(folder: Path) -> None:
    if os.name == "nt":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
