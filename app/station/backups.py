"""The station's own backups: one a day, kept for a week, and a restore.

Backups live beside the database, in the data directory's ``backups``
folder: a daily one (``daily-YYYY-MM-DD.sqlite3``, Vietnam's date), one
taken before each schema upgrade, and one of the database as it was before
each restore. ``sohoa backup --to`` copies to a stick; these guard against
a damaged file or a wrong move, the stick against a dead disk.

A restore puts a backup in place of the live database. It never destroys
what it replaces: the database as it was is kept first, as a checked backup
when it can be read, as its raw files when it cannot (a damaged database is
what a restore is usually for).

The page scans (gigabytes) are not copied with each backup: they are kept
once, by their SHA-256 as the station's own store keeps them, in one store
shared by every backup (``backups/scans``, or ``sohoa-CODE-scans`` beside a
backup on a stick), and each backup copies only the files that store lacks.
Nothing is ever deleted from it: a scan a kept backup names is always
there, the store is never larger than every page the station ever scanned
(which the station keeps too), and no rotation has to read every backup's
database to know what it may delete. A restore puts back every scan the
restored database names that the station's store lacks, and says which
cannot be found.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from app.access import audit
from app.db.engine import StationSessions, database_path, read_only_uri
from app.db.models import User
from app.db.online_copy import BackupError, backup_database
from app.scans.store import SUFFIXES, ScanMissing, ScanStore
from app.system.clock import VIETNAM, Clock, local_today
from app.system.paths import backups_dir, scans_dir

# A week of daily backups: each is as large as the database (3.6 GB for a
# whole campaign's station), and the office PC's disk is not large.
KEEP_DAILY = 7
DAILY = re.compile(r"^daily-(\d{4}-\d{2}-\d{2})\.sqlite3$")
SIDE_FILES = ("-wal", "-shm", "-journal")  # SQLite's files beside the database
_MEDIA_TYPES = {suffix: media_type for media_type, suffix in SUFFIXES.items()}


class BackupKind(StrEnum):
    DAILY = "daily"
    BEFORE_UPGRADE = "before-upgrade"
    BEFORE_RESTORE = "before-restore"


@dataclass(frozen=True)
class Backup:
    path: Path
    kind: BackupKind
    taken_at: datetime  # the file's time, aware
    size: int


def list_backups(data_dir: Path) -> list[Backup]:
    """The station's backups, newest first."""
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.sqlite3"):
        kind = next((k for k in BackupKind if path.name.startswith(k.value)), None)
        if kind is None:
            continue
        stat = path.stat()
        taken = datetime.fromtimestamp(stat.st_mtime).astimezone(VIETNAM)
        found.append(Backup(path, kind, taken, stat.st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def last_backup_at(data_dir: Path) -> datetime | None:
    """When the station's newest backup was taken; None before any (a
    batch's summary tells the centre)."""
    backups = list_backups(data_dir)
    return backups[0].taken_at if backups else None


@dataclass(frozen=True)
class ScansCopied:
    """What copying page scans did: files and bytes copied, and the
    station's files not copied because they are damaged."""

    files: int = 0
    bytes: int = 0
    damaged: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScansRestored:
    """The scans a restored database names: put back from a backup, and
    those no backup holds (each as "book #ID page N")."""

    copied: int
    missing: tuple[str, ...]


def backup_scans_store(data_dir: Path) -> ScanStore:
    """The store of page scans every backup in the backups folder shares."""
    return ScanStore(backups_dir(data_dir) / "scans")


def stick_scans_store(folder: Path, code: str) -> ScanStore:
    """The store of page scans beside the station's backups on a stick."""
    return ScanStore(folder / f"sohoa-{code}-scans")


def copy_scans(source: ScanStore, target: ScanStore) -> ScansCopied:
    """Copy into ``target`` each file of ``source`` it lacks: the stores
    keep a file by its content, so a file there is the same file. Each is
    checked against its name, written beside its place, synced, renamed."""
    files = size = 0
    damaged: list[str] = []
    for path in source.files():
        sha256 = path.name.split(".")[0]
        media_type = _MEDIA_TYPES.get(path.suffix)
        if media_type is None:
            continue
        if target.has(sha256, media_type):
            continue
        try:
            data = source.read(sha256, media_type)
        except ScanMissing:
            damaged.append(path.name)
            continue
        target.put(data, media_type)
        files, size = files + 1, size + len(data)
    return ScansCopied(files, size, tuple(damaged))


def restore_scans(data_dir: Path, backup: Path) -> ScansRestored:
    """Put back into the station's store every scan its (restored) database
    names that the store lacks, from the backups' store or the one beside
    ``backup`` on a stick."""
    station = ScanStore(scans_dir(data_dir))
    code = station_code_in(database_path(data_dir)) or ""
    sources = [backup_scans_store(data_dir), stick_scans_store(backup.parent, code)]
    copied = 0
    missing: list[str] = []
    for book_id, page, sha256, media_type in _named_scans(database_path(data_dir)):
        try:
            station.read(sha256, media_type)
            continue
        except ScanMissing:
            pass  # damaged, or not there: put back whole, if a backup holds it
        for source in sources:
            try:
                data = source.read(sha256, media_type)
            except ScanMissing:
                continue
            # Only now that a sound copy is in hand does the damaged file go
            # (put keeps a file of the right size as it is).
            station.path(sha256, media_type).unlink(missing_ok=True)
            station.put(data, media_type)
            copied += 1
            break
        else:
            missing.append(f"book #{book_id} page {page}")
    return ScansRestored(copied, tuple(missing))


def _named_scans(path: Path) -> list[tuple[int, int, str, str]]:
    """Each page scan a station database names (none before it had scans)."""
    with closing(sqlite3.connect(read_only_uri(path), uri=True)) as connection:
        try:
            return connection.execute(
                "SELECT book_id, page, sha256, media_type FROM book_scans ORDER BY book_id, page"
            ).fetchall()
        except sqlite3.OperationalError:  # no such table: a database before scans
            return []


def daily_backup(data_dir: Path, clock: Clock) -> Path | None:
    """Today's backup, taken if there is none yet, with the page scans the
    backups' store lacks; the oldest daily backups beyond
    :data:`KEEP_DAILY` are removed (never a scan). None when today's was there."""
    today = local_today(clock)
    folder = backups_dir(data_dir)
    target = folder / f"daily-{today.isoformat()}.sqlite3"
    if target.exists():
        return None
    live = database_path(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(folder).free
    if free < 2 * live.stat().st_size:  # the copy, and room left to key in
        raise BackupError(
            f"not enough free disk for today's backup: {free // 2**20:,} MB free,"
            f" the database is {live.stat().st_size // 2**20:,} MB"
        )
    backup_database(live, target)
    try:
        copy_scans(ScanStore(scans_dir(data_dir)), backup_scans_store(data_dir))
    except OSError as e:
        # Without its scans today's backup is not taken: the next try takes it whole.
        target.unlink(missing_ok=True)
        raise BackupError(f"copying the page scans to {folder} failed: {e.strerror or e}") from e
    _rotate(folder, today)
    return target


def _rotate(folder: Path, today: date) -> None:
    days = sorted(
        (date.fromisoformat(m.group(1)), path)
        for path in folder.iterdir()
        if (m := DAILY.match(path.name))
    )
    for day, path in days[:-KEEP_DAILY]:
        if day < today:
            path.unlink()


def quick_check(path: Path) -> str:
    """SQLite's ``PRAGMA quick_check`` of the database file at ``path``,
    read-only: "ok", or the first two things wrong with it (one line)."""
    if not path.exists():
        return f"no database at {path}"
    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True)) as connection:
            rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as e:
        return str(e)
    # SQLite may list thousands of damaged pages, in one row or many.
    lines = [line for row in rows for line in str(row[0]).splitlines() if line.strip()]
    if lines == ["ok"]:
        return "ok"
    more = f" (+{len(lines) - 2} more)" if len(lines) > 2 else ""
    return "; ".join(lines[:2]) + more


def station_code_in(path: Path) -> str | None:
    """The station code a database file holds, or None if it holds none."""
    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True)) as connection:
            row = connection.execute("SELECT code FROM station").fetchone()
    except sqlite3.DatabaseError:
        return None
    return None if row is None else row[0]


def latest_good_backup(data_dir: Path) -> Backup | None:
    """The newest backup that passes ``quick_check``."""
    return next((b for b in list_backups(data_dir) if quick_check(b.path) == "ok"), None)


def restore_backup(data_dir: Path, backup: Path, expected_code: str | None) -> Path:
    """Put ``backup`` in place of the station's database; return where the
    database as it was is kept.

    Every connection to the database must be closed first. ``expected_code``
    is the station's code, when it can still be read: a backup of another
    station is refused. The backup is checked before anything is touched.
    """
    verdict = quick_check(backup)
    if verdict != "ok":
        raise BackupError(f"the backup {backup.name} is damaged: {verdict}")
    code = station_code_in(backup)
    if code is None:
        raise BackupError(f"{backup.name} is not a Sohoa station's database")
    if expected_code is not None and code != expected_code:
        raise BackupError(
            f"{backup.name} is station {code}'s, not this station's ({expected_code})"
        )
    live = database_path(data_dir)
    kept = _keep_current(data_dir, live)
    incoming = live.with_name(live.name + ".restoring")
    backup_database(backup, incoming)
    # A write-ahead log left beside the database belongs to the old file:
    # SQLite would replay it into the restored one.
    for suffix in SIDE_FILES:
        live.with_name(live.name + suffix).unlink(missing_ok=True)
    os.replace(incoming, live)
    return kept


def _keep_current(data_dir: Path, live: Path) -> Path:
    stamp = datetime.now(VIETNAM).strftime("%Y%m%dT%H%M%S")
    folder = backups_dir(data_dir)
    if quick_check(live) == "ok":
        return backup_database(live, folder / f"{BackupKind.BEFORE_RESTORE}-{stamp}.sqlite3")
    # Damaged: kept byte for byte, with its log, for whoever can still rescue it.
    damaged = folder / f"damaged-{stamp}"
    damaged.mkdir(parents=True)
    for suffix in ("", *SIDE_FILES):
        source = live.with_name(live.name + suffix)
        if source.exists():
            shutil.copy2(source, damaged / source.name)
    return damaged


def record_restore(
    sessions: StationSessions, clock: Clock, by: User | None, backup: Path, kept: Path
) -> None:
    """Write the restore into the restored database's audit log. The user who
    restored may be younger than the backup: then they are named only."""
    with sessions.begin() as session:
        user = session.get(User, by.id) if by is not None else None
        if user is not None and by is not None and user.username != by.username:
            user = None
        audit.record(
            session, clock, user=user, action="station.restored",
            subject=f"backup:{backup.name}"[:80],
            after={"by": by.username if by else None, "kept": str(kept)},
        )  # fmt: skip
