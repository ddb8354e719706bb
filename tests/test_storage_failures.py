"""A failed write is told apart as what it is: locked, full, read-only, damaged."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from storage_helpers import database_held, impatient

from app.system.failures import StorageFailure, storage_failure


def failure_of_write(station) -> BaseException:
    with pytest.raises(OperationalError) as raised, station.sessions.begin() as session:
        session.execute(text("UPDATE stations SET office = office"))
    return raised.value


def test_a_database_held_by_another_program_is_locked(station, monkeypatch) -> None:
    impatient(station, monkeypatch)
    with database_held(station.path):
        error = failure_of_write(station)

    assert storage_failure(error) is StorageFailure.LOCKED


def test_a_file_that_cannot_be_written_is_read_only(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.commit()
    reader = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as raised:
        reader.execute("INSERT INTO t VALUES (1)")

    assert storage_failure(raised.value) is StorageFailure.READ_ONLY


def test_a_file_that_is_not_a_database_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite3"
    path.write_bytes(b"not a database, a page of something else" * 200)
    with pytest.raises(sqlite3.DatabaseError) as raised:
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()

    assert storage_failure(raised.value) is StorageFailure.DAMAGED


@pytest.mark.parametrize(
    ("number", "failure"),
    [
        (errno.ENOSPC, StorageFailure.FULL),
        (errno.EROFS, StorageFailure.READ_ONLY),
        (errno.EACCES, StorageFailure.READ_ONLY),
        (errno.EIO, StorageFailure.OTHER),
    ],
)
def test_a_failed_file_write_says_what_the_disk_said(number: int, failure) -> None:
    assert storage_failure(OSError(number, "from the disk")) is failure


def test_a_fault_of_sohoa_is_not_a_storage_failure() -> None:
    assert storage_failure(ValueError("a bug")) is None
    assert storage_failure(KeyError("a bug")) is None
