"""The lead's export of 10,000 entries as a batch, and its intake at the centre.

The export is the one the lead starts: the batch recorded, encrypted,
signed, written into a folder and synced, read back and verified, and its
entries marked exported. After each run it is undone, untimed: the batch
forgotten, its entries back as they were, so that every run exports the
same entries and the station stays as it is. The intake loads that batch
into a new central SQLite file each run.

The bench signs with a throwaway key held in memory for the run, never in
the OS keyring: the bench station is a demo that no centre trusts, and the
keyring may be missing on the machine (CI) without changing what is timed.

The raw counterparts do the core work by hand with sqlite3 and json: the
same rows read, written as JSON Lines to a synced file and marked; the same
entries inserted into a plain table.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import delete, select, update

from app.batch.age import read_identities
from app.batch.export import BATCH_ENTRIES, export_batch
from app.batch.record import EXPORT_ORDER, ready_for_export
from app.batch.trust import TrustList
from app.bench.operation import Operation
from app.centre.database import open_central
from app.centre.intake import Outcome, intake_batches
from app.db.models import Batch, BatchEntry, Entry, EntryStatus
from app.demo import DEMO_CENTRE_IDENTITY
from app.demo.centre import memory_signing_key
from app.station.backups import last_backup_at
from app.station.database import StationDatabase
from app.system.clock import SystemClock

EXPORT_TARGET_MS = 3000
INTAKE_TARGET_MS = 5000
EXPORTS = 5  # each export is a second or so of work: fewer repetitions

RAW_READY = """
SELECT e.id, e.uuid, e.version, b.kind, b.office, b.volume, b.year, e.year, e.number,
       e.registration_date, e."values", e.completed_at, u.username, e.updated_at
FROM entries e JOIN books b ON b.id = e.book_id LEFT JOIN users u ON u.id = e.completed_by
WHERE e.status IN ('completed', 'verified')
ORDER BY e.status, e.completed_at, e.id
LIMIT ?
"""
RAW_COLUMNS = [
    "id",
    "uuid",
    "version",
    "kind",
    "office",
    "volume",
    "book_year",
    "year",
    "number",
    "registration_date",
    "entry_values",
    "completed_at",
    "completed_by",
    "updated_at",
]


@contextmanager
def batch_operations(db: StationDatabase, raw: sqlite3.Connection) -> Iterator[list[Operation]]:
    """Export and intake, each beside raw sqlite3; the station as it was afterwards."""
    work = Path(tempfile.mkdtemp(prefix="sohoa-bench-batches-"))
    forget_batches(db)
    try:
        yield _operations(db, raw, work)
    finally:
        forget_batches(db)
        shutil.rmtree(work)


def _operations(db: StationDatabase, raw: sqlite3.Connection, work: Path) -> list[Operation]:
    clock = SystemClock()
    keystore, key = memory_signing_key(db)
    stick = work / "stick"
    stick.mkdir()
    with db.sessions() as session:
        before = session.execute(
            select(Entry.id, Entry.status)
            .where(ready_for_export())
            .order_by(*EXPORT_ORDER)
            .limit(BATCH_ENTRIES)
        ).all()
    if not before:
        raise RuntimeError("the bench station has no completed entry to export")
    restore = [{"id": entry_id, "status": status} for entry_id, status in before]

    def export() -> None:
        written = export_batch(
            db.sessions, stick, keystore, by=None, clock=clock,
            last_backup=last_backup_at(db.data_dir),
        )  # fmt: skip
        if written is None or written.marked != len(restore):
            raise RuntimeError(f"the bench export wrote {written}, not {len(restore)} entries")

    def undo_export() -> None:
        forget_batches(db, restore)
        for path in stick.iterdir():
            shutil.rmtree(path)

    def raw_export() -> None:
        rows = raw.execute(RAW_READY, (BATCH_ENTRIES,)).fetchall()
        with open(work / "raw-export.jsonl", "w", encoding="utf-8") as file:
            for row in rows:
                file.write(json.dumps(dict(zip(RAW_COLUMNS, row, strict=True))) + "\n")
            file.flush()
            os.fsync(file.fileno())
        with raw:
            raw.executemany(
                "UPDATE entries SET status = 'exported' WHERE id = ?", [(row[0],) for row in rows]
            )

    def undo_raw_export() -> None:
        with raw:
            raw.executemany("UPDATE entries SET status = :status WHERE id = :id", restore)

    # The batch the intake loads: written once, kept while the intake runs.
    export()
    # Under its own name: the centre takes no batch from a folder named otherwise.
    written = next(stick.iterdir())
    batch = shutil.copytree(written, work / written.name)
    undo_export()
    identities = read_identities(db.data_dir / DEMO_CENTRE_IDENTITY)
    trust = TrustList.of([key])
    central = work / "centre.sqlite3"
    with open(work / "raw-batch.jsonl", "w", encoding="utf-8") as file:
        for row in raw.execute(RAW_READY, (BATCH_ENTRIES,)):
            file.write(json.dumps(dict(zip(RAW_COLUMNS, row, strict=True))) + "\n")

    def intake() -> None:
        engine = open_central(str(central))
        try:
            report = intake_batches(
                engine, [batch], identities=identities, trust=trust, clock=clock
            )
        finally:
            engine.dispose()
        if report.batches[0].outcome is not Outcome.LOADED:
            raise RuntimeError(f"the bench intake did not load the batch: {report.batches[0]}")

    def raw_intake() -> None:
        connection = sqlite3.connect(central)
        try:
            connection.execute("PRAGMA synchronous=FULL")
            connection.execute(f"CREATE TABLE entries ({', '.join(RAW_COLUMNS)})")
            with open(work / "raw-batch.jsonl", encoding="utf-8") as file, connection:
                connection.executemany(
                    f"INSERT INTO entries VALUES ({', '.join('?' * len(RAW_COLUMNS))})",
                    (tuple(json.loads(line).values()) for line in file),
                )
        finally:
            connection.close()

    def new_centre() -> None:
        for path in work.glob("centre.sqlite3*"):
            path.unlink()

    count = f"{len(restore):,}"
    return [
        Operation(
            f"export {count} entries as a batch",
            EXPORT_TARGET_MS,
            export,
            raw_export,
            warm_up=1,
            ours_between=undo_export,
            raw_between=undo_raw_export,
        ),
        Operation(
            f"intake of that batch into SQLite ({count})",
            INTAKE_TARGET_MS,
            intake,
            raw_intake,
            warm_up=1,
            ours_between=new_centre,
            raw_between=new_centre,
        ),
    ]


def forget_batches(db: StationDatabase, restore: list[dict[str, object]] | None = None) -> None:
    """Forget the bench's batches; its entries back as they were.

    Without ``restore`` (at the start and end of a run, after a run that
    was stopped), exported entries go back to completed: the bench
    station's entries are never exported otherwise.
    """
    with db.sessions.begin() as session:
        if restore is None:
            session.execute(
                update(Entry)
                .where(Entry.status == EntryStatus.EXPORTED.value)
                .values(status=EntryStatus.COMPLETED.value)
            )
        else:
            session.execute(update(Entry), restore)
        session.execute(delete(BatchEntry))
        session.execute(delete(Batch))
