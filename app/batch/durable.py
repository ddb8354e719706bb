"""Writing files that survive a pulled stick or a power cut once written.

A file is on the medium only once it is flushed and fsynced, and its name
only once its directory is fsynced too. After the fsync the file's pages are
dropped from the cache where the system allows it, so that reading the
batch back reads the stick, not the computer's memory.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def write_file(path: Path, data: bytes) -> None:
    """Create ``path`` (never over an existing file) holding ``data``, synced."""
    with path.open("xb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
        _drop_cached(file.fileno())


def rename(source: Path, target: Path) -> None:
    """Rename ``source`` to ``target`` (not there yet); the new name is on
    the medium when this returns."""
    # sys.platform rather than os.name (the same test on CPython): mypy
    # checks the Windows-only ctypes calls only under it.
    if sys.platform == "win32":
        # Sticks are FAT32 or exFAT, which journal nothing, and Windows has no
        # handle on a directory to sync: the move itself is written through.
        import ctypes

        write_through = 0x8  # MOVEFILE_WRITE_THROUGH
        if not ctypes.windll.kernel32.MoveFileExW(str(source), str(target), write_through):
            raise ctypes.WinError()
        return
    source.rename(target)
    sync_directory(target.parent)


def sync_directory(path: Path) -> None:
    """Make the names in directory ``path`` durable (see :func:`rename` for Windows)."""
    if sys.platform == "win32":
        return
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _drop_cached(descriptor: int) -> None:
    # Linux (and other POSIX systems) only; elsewhere the read-back may be
    # served from memory, which still proves the files are whole.
    if hasattr(os, "posix_fadvise"):
        os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
