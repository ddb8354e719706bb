"""The write-ahead log is checkpointed from a thread while the app runs, so
that no save waits for a checkpoint: what is committed reaches the database
file itself within moments, without a commit doing it."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

from app.db.models import Setting
from app.station.database import StationDatabase

COMMITS = 50


def _commit_many(station: StationDatabase) -> None:
    for n in range(COMMITS):
        with station.sessions.begin() as session:
            session.merge(Setting(key="counter", value={"n": n}))


def _in_the_file_alone(station: StationDatabase, tmp_path: Path) -> int | None:
    """The counter as the database file holds it without its log, or None."""
    copy = tmp_path / "alone.sqlite3"
    shutil.copyfile(station.path, copy)
    connection = sqlite3.connect(copy)
    try:
        row = connection.execute(
            "SELECT json_extract(value, '$.n') FROM settings WHERE key = 'counter'"
        ).fetchone()
    except sqlite3.DatabaseError:
        return None  # copied in the middle of a checkpoint
    finally:
        connection.close()
        copy.unlink()
    return row[0] if row else None


def test_without_the_thread_the_commits_stay_in_the_log(station, tmp_path):
    _commit_many(station)

    assert _in_the_file_alone(station, tmp_path) is None


def test_with_the_thread_the_commits_reach_the_file_within_moments(station, tmp_path, qtbot):
    station.checkpoint_in_background()

    _commit_many(station)

    qtbot.waitUntil(lambda: _in_the_file_alone(station, tmp_path) == COMMITS - 1, timeout=10_000)
    with station.sessions() as session:
        assert session.get_one(Setting, "counter").value["n"] == COMMITS - 1


def test_closing_the_station_stops_the_thread(station):
    station.checkpoint_in_background()
    station.checkpoint_in_background()  # once is enough: no second thread

    assert _checkpoint_threads() == 1
    station.close()
    assert _checkpoint_threads() == 0


def _checkpoint_threads() -> int:
    return sum(t.name == "sohoa-checkpoints" and t.is_alive() for t in threading.enumerate())
