"""Consistent copies of the live database, with SQLite's online backup API.

A file copy of a WAL database taken while it is written can be torn; the
backup API copies a consistent snapshot page by page, and the copy is checked
before it is given its final name.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

from app.db.engine import read_only_uri
from app.system.failures import StorageFailure, storage_failure


class BackupError(RuntimeError):
    pass


def backup_database(source: Path, target: Path) -> Path:
    """Copy the SQLite database ``source`` to the file ``target``.

    The copy is written beside ``target`` under a temporary name, checked
    with ``PRAGMA integrity_check``, fsynced, and only then renamed, so a
    pulled stick never leaves a half copy under the real name.
    """
    if not source.exists():
        raise BackupError(f"no database at {source}")
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        with (
            closing(sqlite3.connect(read_only_uri(source), uri=True)) as src,
            closing(sqlite3.connect(partial)) as dst,
        ):
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # a copy is one self-contained file
            verdict = dst.execute("PRAGMA integrity_check").fetchone()[0]
    except (sqlite3.Error, OSError) as e:
        partial.unlink(missing_ok=True)
        raise BackupError(_not_written(e, source, target)) from e
    if verdict != "ok":
        partial.unlink(missing_ok=True)
        raise BackupError(f"the copy failed its integrity check: {verdict}")
    # Windows refuses to flush a file opened for reading only.
    with open(partial, "r+b") as f:
        os.fsync(f.fileno())
    os.replace(partial, target)
    _fsync_dir(target.parent)
    return target


def _not_written(error: sqlite3.Error | OSError, source: Path, target: Path) -> str:
    """Why the copy of ``source`` could not be written to ``target``, as what it is."""
    failure = storage_failure(error)
    if failure is StorageFailure.FULL:
        return (
            f"there is no room in {target.parent} for a copy of the database "
            f"({source.stat().st_size:,} bytes): the disk is full"
        )
    if failure is StorageFailure.READ_ONLY:
        return f"{target.parent} cannot be written (read-only)"
    return f"the copy to {target} could not be written: {error}"


def _fsync_dir(directory: Path) -> None:
    # Renames are durable only once the directory itself is synced (POSIX).
    if os.name == "posix":
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
