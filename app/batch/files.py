"""A batch's files as found on a stick: regular files only, each bounded, read once.

A stick can hold a named pipe, a device, a socket or a link where a file
should be: opening a pipe waits forever, a device never ends. So the folder
is listed without following anything and each entry's kind is checked
before anything is opened; each file is opened without following a link
and without waiting (a pipe put there meanwhile is refused, not waited on),
and its kind checked again on the open file. No more is read from a file
than the batch says it holds.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from app.batch.bag import sha512
from app.batch.format import DATA, FILES, MANIFEST, PAYLOAD, SCAN_FILE, SCANS, BatchRejected
from app.batch.limits import (
    MAX_BATCH_PAGES,
    MAX_MANIFEST_BYTES,
    MAX_PAYLOAD_BYTES,
    MAX_SCAN_BYTES,
    MAX_TAG_FILE_BYTES,
    shown,
)

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

# Entries listed in a folder at most: a batch has six files (and its
# scans, in a folder of their own listed up to MAX_BATCH_PAGES).
LISTED_AT_MOST = 64
# What is read from the payload at a time.
CHUNK_BYTES = 64 * 1024
# Opening never follows a link, never waits on a pipe, and (on Windows)
# never turns line ends: what the platform has of these.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_BINARY", 0)
)
# The files larger than a tag file may be, and what each is called in a refusal.
_LIMITS = {
    PAYLOAD: (MAX_PAYLOAD_BYTES, "a batch's payload"),
    MANIFEST: (MAX_MANIFEST_BYTES, "a manifest"),
}
_KINDS = (
    (stat.S_ISDIR, "directory"),
    (stat.S_ISLNK, "link"),
    (stat.S_ISFIFO, "named pipe (FIFO)"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
    (stat.S_ISSOCK, "socket"),
)


def kind_of(mode: int) -> str:
    """What a directory entry is, in words: "file", "link", "named pipe (FIFO)"…"""
    if stat.S_ISREG(mode):
        return "file"
    return next((kind for test, kind in _KINDS if test(mode)), "special file")


def printable_path(path: str | bytes | os.PathLike[str]) -> str:
    """A path as a message shows it: what is not UTF-8 in its bytes (a
    name from a stick written by another system) as ``\\x..`` escapes,
    rather than characters no terminal or database takes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def batch_files(folder: Path) -> dict[str, int]:
    """Each file of the batch in ``folder`` and its size, from the folder's
    listing alone (nothing is opened); anything else in it is refused."""
    sizes: dict[str, int] = {}
    for name, status in _listing(folder, ""):
        if name == DATA and stat.S_ISDIR(status.st_mode):
            for inner, inner_status in _listing(folder / DATA, DATA + "/"):
                if inner == SCANS and stat.S_ISDIR(inner_status.st_mode):
                    scans = _listing(folder / SCANS, SCANS + "/", MAX_BATCH_PAGES)
                    for scan, scan_status in scans:
                        sizes[scan] = _file_size(scan, scan_status.st_mode, scan_status.st_size)
                else:
                    sizes[inner] = _file_size(inner, inner_status.st_mode, inner_status.st_size)
        else:
            sizes[name] = _file_size(name, status.st_mode, status.st_size)
    for name in FILES:
        if name not in sizes:
            raise BatchRejected(f"missing file {name}")
    return sizes


def scan_names(sizes: dict[str, int]) -> list[str]:
    """The page scans among a batch's files, as :func:`batch_files` lists them."""
    return sorted(name for name in sizes if SCAN_FILE.fullmatch(name))


def _listing(
    directory: Path, prefix: str, at_most: int = LISTED_AT_MOST
) -> list[tuple[str, os.stat_result]]:
    listed: list[tuple[str, os.stat_result]] = []
    with os.scandir(directory) as entries:
        for entry in entries:
            if len(listed) == at_most:
                raise BatchRejected(
                    f"{prefix or 'the folder'} holds more than {at_most:,} entries:"
                    " it is not a batch"
                )
            listed.append((prefix + entry.name, entry.stat(follow_symlinks=False)))
    return sorted(listed, key=lambda item: item[0])


def _file_size(name: str, mode: int, size: int) -> int:
    scan = SCAN_FILE.fullmatch(name) is not None
    if name not in FILES and not scan:
        raise BatchRejected(f"unexpected {kind_of(mode)} {shown(name)}")
    if not stat.S_ISREG(mode):
        raise BatchRejected(f"{name} is a {kind_of(mode)}, not a file: it was not opened")
    limit, what = _LIMITS.get(name, (MAX_TAG_FILE_BYTES, "a tag file or signature"))
    if scan:
        limit, what = MAX_SCAN_BYTES, "a page scan"
    if size > limit:
        raise BatchRejected(
            f"{name} is too large: {size:,} bytes, and {what} takes at most {limit:,}"
        )
    return size


@contextmanager
def opened(path: Path, name: str) -> Iterator[io.FileIO]:
    """File ``name`` of a batch, at ``path``, opened for reading if it is a regular file."""
    descriptor = os.open(path, _OPEN_FLAGS)
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise BatchRejected(f"{name} is a {kind_of(mode)}, not a file")
        file = io.FileIO(descriptor, "rb", closefd=True)
    except BaseException:
        os.close(descriptor)
        raise
    with file:
        yield file


def read_tag_file(folder: Path, name: str) -> bytes:
    """Tag file (or signature) ``name`` of the batch in ``folder``, whole, if small."""
    limit = _LIMITS.get(name, (MAX_TAG_FILE_BYTES, ""))[0]
    with opened(folder / name, name) as file:
        data = _read_at_most(file, limit + 1)
    if len(data) > limit:
        raise BatchRejected(f"{name} grew past {limit:,} bytes while it was read")
    return data


def read_scan(folder: Path, name: str, size: int, checksum: str) -> bytes:
    """Page scan ``name`` of the batch in ``folder``, whole: exactly the
    ``size`` bytes its listing gave, matching ``checksum`` (the manifest's)."""
    with opened(folder / name, name) as file:
        data = _read_at_most(file, size + 1)
    if len(data) != size:
        raise BatchRejected(
            f"{name} is truncated or padded: {len(data):,} bytes read, {size:,} listed"
        )
    if sha512(data) != checksum:
        raise BatchRejected(f"{name} was changed: it does not match {MANIFEST}")
    return data


def _read_at_most(file: io.FileIO, limit: int) -> bytes:
    chunks = []
    left = limit
    while left:
        chunk = file.read(min(left, CHUNK_BYTES))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


class PayloadReader(io.RawIOBase):
    """The payload, read once from its open file: each byte counted and
    hashed as it goes by, so that whoever reads it (the age decryption, or
    nothing but :meth:`finish`) reads exactly the bytes that are checked.

    A failure met while reading is kept in :attr:`failure` as well as
    raised: a reader that calls this one (pyrage) may report it in words
    of its own.
    """

    def __init__(self, file: io.FileIO, size: int, checksum: str) -> None:
        super().__init__()
        self._file = file
        self.size = size
        self._checksum = checksum
        self._hash = hashlib.sha512()
        self._read = 0
        self.failure: BatchRejected | OSError | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        if self.failure is not None:
            raise self.failure
        try:
            count = self._file.readinto(buffer) or 0
        except OSError as e:
            self.failure = e
            raise
        self._read += count
        if self._read > self.size:
            self.failure = BatchRejected(
                f"{PAYLOAD} grew while it was read: more than the {self.size:,} bytes"
                " bag-info.txt gives"
            )
            raise self.failure
        self._hash.update(memoryview(buffer)[:count])
        return count

    def finish(self) -> None:
        """Read what is left; refuse the payload unless it is every byte signed."""
        buffer = bytearray(CHUNK_BYTES)
        while self.readinto(buffer):
            pass
        if self._read != self.size:
            raise BatchRejected(
                f"{PAYLOAD} is truncated or padded: {self._read:,} bytes read,"
                f" bag-info.txt says {self.size:,}"
            )
        if self._hash.hexdigest() != self._checksum:
            raise BatchRejected(f"{PAYLOAD} was changed: it does not match {MANIFEST}")
