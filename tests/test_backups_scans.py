"""Backups with the page scans: each scan copied once into a store every
backup shares, put back by a restore, and said when no backup holds it."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from scan_helpers import save_page
from sqlalchemy import select
from test_cli import sohoa
from work_helpers import add_book, add_user

from app.access.roles import Role
from app.db.models import BookScan
from app.db.online_copy import BackupError
from app.scans.importing import prepare, record
from app.scans.store import ScanStore
from app.station.backups import (
    KEEP_DAILY,
    backup_scans_store,
    copy_scans,
    daily_backup,
    restore_backup,
    restore_scans,
)
from app.system.paths import scans_dir


def import_pages(db, clock, folder: Path, count: int, first: int = 1) -> list[tuple[str, str]]:
    """``count`` pages of the station's book scanned and imported; each page's SHA-256 and kind."""
    files = [
        save_page(folder / f"p{page:03d}.jpg", f"{folder.name} page {page}")
        for page in range(first, first + count)
    ]
    prepared = prepare(ScanStore(scans_dir(db.data_dir)), files)
    with db.sessions.begin() as session:
        book = session.scalars(select(BookScan.book_id)).first()
        if book is None:
            book = add_book(session).id
        lead = add_user(session, f"lead{first}", role=Role.LEAD)
        record(session, clock, lead, book, prepared, first_page=first)
    return [(p.sha256, p.media_type) for p in prepared.pages]


def modified(store: ScanStore) -> dict[str, int]:
    return {path.name: path.stat().st_mtime_ns for path in store.files()}


def test_the_daily_backup_copies_each_scan_once(station, clock, tmp_path) -> None:
    pages = import_pages(station, clock, tmp_path / "book", 4)
    backups = backup_scans_store(station.data_dir)

    daily_backup(station.data_dir, clock)
    first = modified(backups)
    clock.moment += timedelta(days=1)
    daily_backup(station.data_dir, clock)

    assert len(first) == 4 and modified(backups) == first  # nothing copied again
    assert copy_scans(ScanStore(scans_dir(station.data_dir)), backups).files == 0
    # A page imported since is the one copied the next day.
    new = import_pages(station, clock, tmp_path / "more", 1, first=5)
    clock.moment += timedelta(days=1)
    daily_backup(station.data_dir, clock)
    assert set(modified(backups)) - set(first) == {ScanStore(Path()).path(*new[0]).name}
    # Old backups go; their scans stay, as a kept backup may name them.
    for _ in range(KEEP_DAILY + 2):
        clock.moment += timedelta(days=1)
        daily_backup(station.data_dir, clock)
    assert all(backups.has(*page) for page in pages + new)


def test_a_restore_puts_back_the_scans_of_the_restored_station(station, clock, tmp_path) -> None:
    pages = import_pages(station, clock, tmp_path / "book", 3)
    backup = daily_backup(station.data_dir, clock)
    assert backup is not None
    station.close()
    shutil.rmtree(scans_dir(station.data_dir))  # the disk lost the scans folder

    restore_backup(station.data_dir, backup, None)
    restored = restore_scans(station.data_dir, backup)

    assert (restored.copied, restored.missing) == (3, ())
    store = ScanStore(scans_dir(station.data_dir))
    for sha256, media_type in pages:
        assert store.read(sha256, media_type)  # whole: checked against its name


def test_a_scan_no_backup_holds_is_said(station, clock, tmp_path) -> None:
    import_pages(station, clock, tmp_path / "book", 2)
    backup = daily_backup(station.data_dir, clock)
    assert backup is not None
    station.close()
    shutil.rmtree(scans_dir(station.data_dir))
    shutil.rmtree(backup_scans_store(station.data_dir).root)

    restore_backup(station.data_dir, backup, None)
    restored = restore_scans(station.data_dir, backup)

    assert restored.copied == 0
    assert restored.missing == ("book #1 page 1", "book #1 page 2")


def test_a_damaged_scan_no_backup_holds_is_kept_as_it_is_and_said(station, clock, tmp_path) -> None:
    ((sha256, media_type),) = import_pages(station, clock, tmp_path / "book", 1)
    backup = daily_backup(station.data_dir, clock)
    assert backup is not None
    station.close()
    shutil.rmtree(backup_scans_store(station.data_dir).root)
    damaged = ScanStore(scans_dir(station.data_dir)).path(sha256, media_type)
    damaged.write_bytes(damaged.read_bytes()[:-10] + bytes(10))
    as_found = damaged.read_bytes()

    restore_backup(station.data_dir, backup, None)
    restored = restore_scans(station.data_dir, backup)

    assert restored.missing == ("book #1 page 1",)
    assert damaged.read_bytes() == as_found, "nothing better to put in its place"


def test_a_daily_backup_whose_scans_failed_is_taken_again_whole(
    station, clock, tmp_path, monkeypatch
) -> None:
    import app.station.backups as backups_module

    import_pages(station, clock, tmp_path / "book", 2)

    def disk_full(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups_module, "copy_scans", disk_full)
    with pytest.raises(BackupError, match="No space left on device"):
        daily_backup(station.data_dir, clock)
    monkeypatch.undo()

    again = daily_backup(station.data_dir, clock)

    assert again is not None, "today's backup was not left half taken"
    assert len(list(backup_scans_store(station.data_dir).files())) == 2


def test_a_backup_on_a_stick_takes_the_scans_the_stick_lacks(station, clock, tmp_path) -> None:
    pages = import_pages(station, clock, tmp_path / "book", 3)
    stick = tmp_path / "stick"
    stick.mkdir()
    station.close()

    first = sohoa("backup", "--to", str(stick), data_dir=station.data_dir)
    second = sohoa("backup", "--to", str(stick), data_dir=station.data_dir)

    assert first.returncode == 0, first.stderr
    assert "Page scans: 3 copied" in first.stdout
    assert "Page scans: 0 copied" in second.stdout
    stick_scans = ScanStore(stick / "sohoa-TEST-01-scans")
    assert all(stick_scans.read(*page) for page in pages)
    # Restored from the stick on a station whose disk lost every scan.
    shutil.rmtree(scans_dir(station.data_dir))
    shutil.rmtree(backup_scans_store(station.data_dir).root, ignore_errors=True)
    copy = next(stick.glob("sohoa-TEST-01-*.sqlite3"))
    restore_backup(station.data_dir, copy, "TEST-01")
    assert restore_scans(station.data_dir, copy).missing == ()
    assert all(ScanStore(scans_dir(station.data_dir)).read(*page) for page in pages)
