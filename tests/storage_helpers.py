"""Storage that fails as it does on a real station: a database another
program holds, a file that cannot be written."""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from app.station.database import StationDatabase


@contextmanager
def database_held(path: Path) -> Iterator[None]:
    """Another program writing to the database at ``path`` meanwhile."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def impatient(station: StationDatabase, monkeypatch: pytest.MonkeyPatch) -> None:
    """A write waits 0.1 s for a held database, not the product's 5 s: the
    failure is the same, the test quicker."""
    monkeypatch.setattr("app.db.engine.BUSY_TIMEOUT_MS", 100)
    station.engine.dispose()  # connections made from now on wait 0.1 s


@contextmanager
def small_filesystem(where: Path, size: str = "64M") -> Iterator[Path]:
    """A real filesystem of ``size`` mounted at ``where`` (mounting takes
    root, which CI has: elsewhere the test is skipped, saying so)."""
    where.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if made.returncode != 0:
        pytest.skip("a filesystem of its own cannot be mounted here (it takes root)")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=True)


def make_read_only(mounted: Path) -> None:
    """The filesystem at ``mounted`` read-only from now on, as a
    write-protected stick is."""
    subprocess.run(["mount", "-o", "remount,ro", str(mounted)], check=True)
