"""The station's daily backups, and a restore from one, end to end: what
was keyed after the backup is gone from the station but kept aside, and the
station works on from the backup."""

from __future__ import annotations

import random
import shutil
import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import TODAY
from sqlalchemy import func, select
from work_helpers import add_book, add_user, key_entry, local

from app.access.audit import verify_chain
from app.db.engine import database_path
from app.db.models import AuditRecord, Book, Entry, User
from app.db.online_copy import BackupError
from app.station.backups import (
    KEEP_DAILY,
    BackupKind,
    daily_backup,
    latest_good_backup,
    list_backups,
    quick_check,
    record_restore,
    restore_backup,
)
from app.station.database import init_station, open_station
from app.station.health import check_station


def entries(db) -> int:
    with db.sessions() as session:
        return session.scalar(select(func.count()).select_from(Entry))


def key(db, clock, count: int, first: int = 1) -> None:
    with db.sessions.begin() as session:
        book = add_book(session) if first == 1 else session.scalars(select(Book)).first()
        clerk = session.scalars(select(User).where(User.username == "lan")).first() or add_user(
            session, "lan"
        )
        for number in range(first, first + count):
            key_entry(session, clock, book, clerk, local(TODAY, 9, number % 60), number)


def test_one_backup_a_day_and_two_weeks_kept(station, clock) -> None:
    data_dir = station.data_dir
    first = daily_backup(data_dir, clock)
    assert first is not None and first.name == f"daily-{TODAY.isoformat()}.sqlite3"
    assert daily_backup(data_dir, clock) is None  # once a day

    for _ in range(KEEP_DAILY + 3):
        clock.moment += timedelta(days=1)
        daily_backup(data_dir, clock)

    daily = [b for b in list_backups(data_dir) if b.kind is BackupKind.DAILY]
    assert len(daily) == KEEP_DAILY
    assert not first.exists()  # the oldest went first
    assert all(quick_check(b.path) == "ok" for b in daily)


def test_a_restore_brings_the_station_back_to_its_backup_and_keeps_what_it_replaced(
    station, clock
) -> None:
    key(station, clock, 5)
    backup = daily_backup(station.data_dir, clock)
    key(station, clock, 3, first=6)  # keyed after the backup
    assert entries(station) == 8
    with station.sessions() as session:
        admin = session.scalars(select(User).where(User.username == "admin")).one()
    station.close()

    kept = restore_backup(station.data_dir, backup, "TEST-01")

    db = open_station(station.data_dir)
    assert entries(db) == 5
    record_restore(db.sessions, clock, admin, backup, kept)
    key(db, clock, 2, first=6)  # the station works on from the backup
    assert entries(db) == 7
    with db.sessions() as session:
        assert verify_chain(session) is None
        restored = session.scalars(
            select(AuditRecord).where(AuditRecord.action == "station.restored")
        ).one()
    assert restored.user_id == admin.id
    db.close()
    assert check_station(station.data_dir).healthy
    # What was keyed after the backup is not lost: it is in the copy kept.
    assert kept.name.startswith(BackupKind.BEFORE_RESTORE.value)
    assert _count_in(kept) == 8


def _count_in(path: Path) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT count(*) FROM entries").fetchone()[0]


def test_a_damaged_database_is_found_and_kept_byte_for_byte_when_replaced(station, clock) -> None:
    key(station, clock, 5)
    backup = daily_backup(station.data_dir, clock)
    station.close()
    live = database_path(station.data_dir)
    damage(live)
    verdict = quick_check(live)
    assert verdict != "ok" and "\n" not in verdict and len(verdict) < 300
    damaged_bytes = live.read_bytes()

    assert latest_good_backup(station.data_dir).path == backup
    kept = restore_backup(station.data_dir, backup, None)

    assert quick_check(live) == "ok"
    assert (kept / live.name).read_bytes() == damaged_bytes
    db = open_station(station.data_dir)
    assert entries(db) == 5
    db.close()


def damage(path: Path) -> None:
    """Scribble over the database's pages past the first (its header stays),
    the same way every time."""
    noise = random.Random(20261126)
    size = path.stat().st_size
    with open(path, "r+b") as f:
        for offset in range(4096 + 100, size, 4096):
            f.seek(offset)
            f.write(noise.randbytes(512))


def test_a_damaged_backup_or_another_stations_is_refused(station, clock, tmp_path) -> None:
    backup = daily_backup(station.data_dir, clock)
    other = init_station(
        tmp_path / "other", code="OTHER-02", office="UBND xã Khác",
        admin_username="admin", admin_password="admin-password",
    )  # fmt: skip
    other_backup = daily_backup(other.data_dir, clock)
    other.close()
    station.close()
    with pytest.raises(BackupError, match="OTHER-02"):
        restore_backup(station.data_dir, other_backup, "TEST-01")
    damage(backup)
    with pytest.raises(BackupError, match="damaged"):
        restore_backup(station.data_dir, backup, "TEST-01")
    assert list_backups(station.data_dir)[0].kind is BackupKind.DAILY  # nothing was replaced


def test_no_backup_is_taken_where_it_would_fill_the_disk(station, clock, monkeypatch) -> None:
    size = database_path(station.data_dir).stat().st_size
    monkeypatch.setattr(
        "app.station.backups.shutil.disk_usage", lambda path: shutil._ntuple_diskusage(0, 0, size)
    )

    with pytest.raises(BackupError, match="not enough free disk"):
        daily_backup(station.data_dir, clock)
    assert list_backups(station.data_dir) == []
