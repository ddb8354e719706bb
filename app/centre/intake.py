"""Loading batches into the central database, idempotently.

Each batch is verified, decrypted and loaded in one transaction of its own:
all of it or none. Its page scans are kept in the centre's scan store
first (app.centre.pages), their rows written in that transaction, and so
is the station's summary it carries (app.centre.summaries). A batch
already loaded (by its UUID) changes nothing; an entry's newer version
replaces the older, never the reverse, and so does a station's summary;
and the sequence numbers each station has sent so far show what has not
arrived.

While one batch loads, in its transaction on a thread of its own, the next
is read: the database's work beside Python's, in the same order as one by
one, one batch read ahead at most.

One batch's failure never stops the others: a batch refused says why, and
an error Sohoa did not expect (its own fault or the database's) is logged
whole, reported as an internal error, and the next batch is loaded.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import psycopg
from pyrage import x25519
from sqlalchemy import Connection, Engine, bindparam, insert, select, text, update
from sqlalchemy.exc import SQLAlchemyError

from app.batch.files import printable_path
from app.batch.format import BatchInfo, BatchRejected
from app.batch.limits import MAX_GAP_RANGES
from app.batch.trust import TrustList
from app.batch.verify import VerifiedBatch, open_batch
from app.centre.database import CentralDatabaseError, centre_scans
from app.centre.models import CentreEntry, ReceivedBatch
from app.centre.pages import check_pages, load_pages, store_scans
from app.centre.payload import PayloadRows, payload_rows
from app.centre.summaries import keep_summary
from app.db.engine import WRITER
from app.scans.store import ScanStore
from app.system.clock import Clock

CHUNK = 500  # entries looked up per query (SQLite)
# The batch's entries, copied in the intake's transaction (PostgreSQL).
STAGING = "intake_entries"
ENTRY_COLUMNS = [column.name for column in CentreEntry.__table__.columns]
_VALUES = ENTRY_COLUMNS.index("values")
_MOMENTS = [ENTRY_COLUMNS.index(name) for name in ("completed_at", "updated_at")]
LOCK_KEY = 0x50484F41  # PostgreSQL advisory lock of the intake ("SOHOA")

log = logging.getLogger(__name__)
T = TypeVar("T")


class Outcome(StrEnum):
    LOADED = "loaded"
    ALREADY_LOADED = "already loaded"
    REJECTED = "rejected"
    # Not the batch's fault: Sohoa's, or the database's. Nothing was kept.
    INTERNAL_ERROR = "internal error"


class IntakeResult(StrEnum):
    """What a whole intake came to, worst first; the command's exit status says it too."""

    INTERNAL_ERROR = "internal error"
    SOME_REJECTED = "some rejected"
    ALL_LOADED = "all loaded"


@dataclass
class BatchIntake:
    """What became of one batch."""

    path: Path
    outcome: Outcome
    reason: str | None = None
    station: str | None = None
    sequence: int | None = None
    batch: str | None = None
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    older: int = 0
    # Page scans the batch carried, and pages new or replaced at the centre.
    scans: int = 0
    pages: int = 0
    # Something the centre should know that does not stop the loading.
    note: str | None = None
    # The station's summary it carried (format 3 on) is now the centre's
    # newest of the station: False when it carried none, or an older one.
    summary_kept: bool = False


@dataclass(frozen=True)
class SequenceGaps:
    """A station's batch numbers not received, below the highest received."""

    # The first MAX_GAP_RANGES runs of missing numbers, each (first, last).
    ranges: tuple[tuple[int, int], ...] = ()
    # The runs after those, not listed.
    more_ranges: int = 0
    # The numbers missing in all.
    missing: int = 0


@dataclass
class IntakeReport:
    batches: list[BatchIntake] = field(default_factory=list)
    # Per station seen: the sequence numbers below its highest not received.
    gaps: dict[str, SequenceGaps] = field(default_factory=dict)
    # Why the gaps could not be read, when they could not.
    gaps_failed: str | None = None

    @property
    def result(self) -> IntakeResult:
        outcomes = {b.outcome for b in self.batches}
        if Outcome.INTERNAL_ERROR in outcomes or self.gaps_failed is not None:
            return IntakeResult.INTERNAL_ERROR
        if Outcome.REJECTED in outcomes:
            return IntakeResult.SOME_REJECTED
        return IntakeResult.ALL_LOADED

    @property
    def ok(self) -> bool:
        return self.result is IntakeResult.ALL_LOADED


def intake_batches(
    engine: Engine,
    paths: Iterable[Path],
    *,
    identities: list[x25519.Identity],
    trust: TrustList,
    clock: Clock,
    scans: ScanStore | None = None,
) -> IntakeReport:
    """Verify, decrypt and load each batch at ``paths``, its page scans
    kept in ``scans`` (by default the folder beside a SQLite central file;
    a PostgreSQL centre without one refuses the batches that carry scans);
    report each and the gaps."""
    if scans is None:
        with contextlib.suppress(CentralDatabaseError):
            scans = ScanStore(centre_scans(engine))
    report = IntakeReport()
    # Each batch is loaded on a thread of its own while the next one is
    # read: the database's part of one beside Python's part of the other.
    # One load at a time, in order, and one batch read ahead at most.
    with ThreadPoolExecutor(1, thread_name_prefix="intake-load") as loader:
        loading: Future[None] | None = None
        for path in paths:
            result = BatchIntake(path, Outcome.LOADED)
            report.batches.append(result)
            read = _step(result, partial(_read, path, identities, trust, scans, result))
            if loading is not None:
                loading.result()
            if read is not None:
                loading = loader.submit(
                    _step, result, partial(_load_read, engine, read, clock, result)
                )
        if loading is not None:
            loading.result()
    stations = {b.station for b in report.batches if b.station is not None}
    try:
        with engine.connect() as connection:
            report.gaps = {s: sequence_gaps(connection, s) for s in sorted(stations)}
    except SQLAlchemyError as e:
        log.exception("the gaps of %s could not be read", ", ".join(sorted(stations)))
        report.gaps_failed = _database_failure(e)
    return report


def sequence_gaps(connection: Connection, station: str) -> SequenceGaps:
    """The sequence numbers of ``station`` below its highest that were not
    received, as runs: read from the numbers received, never built one by one
    (a batch numbered 2,000,000,000 leaves 1,999,999,999 missing)."""
    return gaps_of(
        connection.scalars(
            select(ReceivedBatch.sequence)
            .where(ReceivedBatch.station == station)
            .distinct()
            .order_by(ReceivedBatch.sequence)
        )
    )


def gaps_of(received: Iterable[int]) -> SequenceGaps:
    """The runs missing below the highest of ``received``, distinct numbers in order."""
    ranges: list[tuple[int, int]] = []
    more = missing = previous = 0
    for sequence in received:
        if sequence > previous + 1:
            missing += sequence - previous - 1
            if len(ranges) < MAX_GAP_RANGES:
                ranges.append((previous + 1, sequence - 1))
            else:
                more += 1
        previous = sequence
    return SequenceGaps(tuple(ranges), more, missing)


def _step(result: BatchIntake, step: Callable[[], T]) -> T | None:
    """What ``step`` of ``result``'s batch gives; None, and the batch's
    outcome said, when it refuses the batch or fails."""
    try:
        return step()
    except BatchRejected as e:
        result.outcome, result.reason = Outcome.REJECTED, str(e)
    except Exception as e:
        # Whatever it was, this batch is not loaded (its transaction rolled
        # back) and the next one is: the log keeps the whole of it.
        log.exception("intake of %s failed", printable_path(result.path))
        if isinstance(e, SQLAlchemyError):
            what = _database_failure(e)
        else:
            what = f"{type(e).__name__}: {_first_line(e)}"
        result.outcome = Outcome.INTERNAL_ERROR
        result.reason = f"internal error ({what}): nothing was kept; the log has the details"
    return None


def _database_failure(error: SQLAlchemyError) -> str:
    return f"the central database failed: {_first_line(getattr(error, 'orig', None) or error)}"


def _first_line(error: object) -> str:
    """An error's first line, short, and printable whatever it quotes."""
    line = str(error).strip().split("\n", 1)[0][:200]
    return line.encode("utf-8", "backslashreplace").decode("utf-8")


def _read(
    path: Path,
    identities: list[x25519.Identity],
    trust: TrustList,
    scans: ScanStore | None,
    result: BatchIntake,
) -> tuple[VerifiedBatch, PayloadRows]:
    """The batch verified, its payload decrypted and checked, its scans kept."""
    with open_batch(path, trust) as batch:
        info = batch.verified.info
        result.station, result.sequence, result.batch = info.station, info.sequence, info.batch
        rows = payload_rows(batch, identities)
        check_pages(batch.verified, rows.pages, rows.entries)
        if batch.verified.scans and scans is None:
            raise BatchRejected(
                "it carries page scans and the centre has no folder for them (--scans DIR):"
                " nothing was kept"
            )
        if scans is not None:
            store_scans(batch.verified, identities, scans)
        result.scans = len(batch.verified.scans)
    return batch.verified, rows


def _load_read(
    engine: Engine, read: tuple[VerifiedBatch, PayloadRows], clock: Clock, result: BatchIntake
) -> None:
    """The batch read, loaded in one transaction of its own."""
    verified, rows = read
    try:
        with _intake_transaction(engine) as connection:
            _load(connection, verified, rows, result, clock)
    except BatchRejected as e:
        raise BatchRejected(f"{e}; nothing was kept") from e


@contextmanager
def _intake_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that loads one batch, one intake at a time.

    Intakes run one after the other even when two operators start them at
    once: each sees what the one before it loaded, so the same batch twice
    is "already loaded" and the newest version of an entry stays. SQLite:
    the write lock from the start (it waits its turn); PostgreSQL: a lock of
    the transaction's own.
    """
    with engine.connect().execution_options(**{WRITER: True}) as connection, connection.begin():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
        yield connection


def _load(
    connection: Connection,
    verified: VerifiedBatch,
    payload: PayloadRows,
    result: BatchIntake,
    clock: Clock,
) -> None:
    info, rows = verified.info, payload.entries
    received = connection.execute(
        select(ReceivedBatch.received_at, ReceivedBatch.station, ReceivedBatch.sequence).where(
            ReceivedBatch.uuid == info.batch
        )
    ).first()
    if received is not None:
        if (received.station, received.sequence) != (info.station, info.sequence):
            raise BatchRejected(
                f"batch {info.batch} was loaded before as batch {received.sequence} of station"
                f" {received.station}, and this one claims to be batch {info.sequence} of"
                f" {info.station}"
            )
        result.outcome = Outcome.ALREADY_LOADED
        result.note = f"loaded before, on {received[0]:%Y-%m-%d %H:%M} UTC: nothing changed"
        return
    same_number = connection.scalar(
        select(ReceivedBatch.uuid).where(
            ReceivedBatch.station == info.station, ReceivedBatch.sequence == info.sequence
        )
    )
    if same_number is not None:
        result.note = (
            f"sequence {info.sequence} of {info.station} came before as batch {same_number}:"
            " was the station restored from a backup?"
        )
    if connection.dialect.name == "postgresql":
        _load_in_bulk(connection, info, rows, result, clock, verified.path)
    else:
        _load_row_by_row(connection, info, rows, result, clock, verified.path)
    result.pages = load_pages(connection, payload.pages)
    if payload.summary is not None and payload.summary_json is not None:
        result.summary_kept = keep_summary(connection, info, payload.summary, payload.summary_json)


def _load_row_by_row(
    connection: Connection,
    info: BatchInfo,
    rows: list[dict[str, Any]],
    result: BatchIntake,
    clock: Clock,
    path: Path,
) -> None:
    """The entries looked up 500 at a time, the new inserted, the newer
    updated one by one: SQLite's way, where a statement is a call into the
    library, not a round trip to a server."""
    owners, stored = _stored_versions(connection, [row["uuid"] for row in rows])
    for row in rows:
        _check_owner(row["uuid"], owners.get(row["uuid"], info.station), info)
    new = [row for row in rows if row["uuid"] not in stored]
    newer = [
        {**row, "key": row["uuid"], "older_than": row["version"]}
        for row in rows
        if row["uuid"] in stored and row["version"] > stored[row["uuid"]]
    ]
    result.new, result.updated = len(new), len(newer)
    result.unchanged = sum(1 for r in rows if stored.get(r["uuid"]) == r["version"])
    result.older = len(rows) - result.new - result.updated - result.unchanged
    _record_batch(connection, info, result, clock, path)
    if new:
        connection.execute(insert(CentreEntry.__table__), new)
    if newer:
        for row in newer:
            del row["uuid"]
        connection.execute(
            update(CentreEntry.__table__).where(
                CentreEntry.uuid == bindparam("key"),
                CentreEntry.station == info.station,
                CentreEntry.version < bindparam("older_than"),
            ),
            newer,
        )


def _load_in_bulk(
    connection: Connection,
    info: BatchInfo,
    rows: list[dict[str, Any]],
    result: BatchIntake,
    clock: Clock,
    path: Path,
) -> None:
    """The entries copied into a table of the transaction's own, then
    compared, inserted and updated by a statement each: PostgreSQL's way,
    where each statement is a round trip to the server."""
    connection.execute(text(f"CREATE TEMP TABLE {STAGING} (LIKE centre_entries) ON COMMIT DROP"))
    driver = connection.connection.driver_connection
    assert isinstance(driver, psycopg.Connection)
    columns = ", ".join(f'"{name}"' for name in ENTRY_COLUMNS)
    with driver.cursor().copy(f"COPY {STAGING} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(_copied(row))
    counts = connection.execute(
        text(
            "SELECT count(*) FILTER (WHERE c.uuid IS NULL),"
            " count(*) FILTER (WHERE s.version > c.version),"
            " count(*) FILTER (WHERE s.version = c.version),"
            " min(s.uuid || ' ' || c.station) FILTER (WHERE c.station <> :station)"
            f" FROM {STAGING} s LEFT JOIN centre_entries c ON c.uuid = s.uuid"
        ),
        {"station": info.station},
    ).one()
    if counts[3] is not None:
        entry, owner = counts[3].split(" ", 1)
        _check_owner(entry, owner, info)
    result.new, result.updated, result.unchanged = counts[0], counts[1], counts[2]
    result.older = len(rows) - result.new - result.updated - result.unchanged
    _record_batch(connection, info, result, clock, path)
    updated = ", ".join(f'"{name}" = excluded."{name}"' for name in ENTRY_COLUMNS[1:])
    connection.execute(
        text(
            f"INSERT INTO centre_entries ({columns}) SELECT {columns} FROM {STAGING}"
            f" ON CONFLICT (uuid) DO UPDATE SET {updated}"
            " WHERE centre_entries.version < excluded.version"
            " AND centre_entries.station = excluded.station"
        )
    )


def _copied(row: dict[str, Any]) -> list[Any]:
    """An entry's row as COPY writes it: the values as JSON, its moments in
    UTC without their offset (as app.db.models.UTCDateTime keeps them)."""
    copied = [row[name] for name in ENTRY_COLUMNS]
    copied[_VALUES] = json.dumps(copied[_VALUES])
    for at in _MOMENTS:
        if copied[at] is not None:
            copied[at] = copied[at].astimezone(UTC).replace(tzinfo=None)
    return copied


def _check_owner(entry: str, owner: str, info: BatchInfo) -> None:
    if owner != info.station:
        raise BatchRejected(
            f"entry {entry} is station {owner}'s: a batch of station {info.station}"
            " cannot change it"
        )


def _record_batch(
    connection: Connection, info: BatchInfo, result: BatchIntake, clock: Clock, path: Path
) -> None:
    connection.execute(
        insert(ReceivedBatch).values(
            uuid=info.batch,
            station=info.station,
            sequence=info.sequence,
            entry_count=info.entries,
            signing_key_id=info.key_id,
            bagging_date=info.bagging_date,
            received_at=clock.now(),
            source=printable_path(path),
            new_entries=result.new,
            updated_entries=result.updated,
            unchanged_entries=result.unchanged,
            older_entries=result.older,
        )
    )


def _stored_versions(
    connection: Connection, uuids: list[str]
) -> tuple[dict[str, str], dict[str, int]]:
    """The stations and versions the centre holds of these entries."""
    owners: dict[str, str] = {}
    versions: dict[str, int] = {}
    for start in range(0, len(uuids), CHUNK):
        chunk = uuids[start : start + CHUNK]
        for uuid, station, version in connection.execute(
            select(CentreEntry.uuid, CentreEntry.station, CentreEntry.version).where(
                CentreEntry.uuid.in_(chunk)
            )
        ):
            owners[uuid], versions[uuid] = station, version
    return owners, versions
