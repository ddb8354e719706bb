"""A province's centre for the bench: one station's entries spread over a hundred.

The bench station is one station; a province's centre hears from about a
hundred. What is real here: every entry (the bench station's completed
entries, all of them, as its batches carry them) and the summary (the
bench station's own, as its batch carries it). What is spread: each of its
books is given to one of STATIONS station codes (in the order the books
were registered, as many books to each), with its entries; each station's
entries make its batches, of up to 10,000 in the order they were completed,
received a few hours after the last of them; each station's summary is the
bench station's with only its own books, its target and done theirs, its
days, tally, errors and backlog the bench station's as they are; and a plan
puts the stations in districts, a district's own office and its communes,
each commune's target its station's, every district's deadline
PLAN_DAYS away.

The rows are written directly, with ``COPY`` for the entries: a hundred
stations' batches cannot be exported by one station, and the bench times
the intake on its own.
"""

from __future__ import annotations

import copy
import sqlite3
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
from sqlalchemy import Engine, insert
from sqlalchemy.orm import Session

from app.batch.export import BATCH_ENTRIES
from app.centre.models import (
    CentreEntry,
    CentrePlanCommune,
    CentrePlanDistrict,
    CentrePlanImport,
    CentrePlanStation,
    CentreStationSummary,
    ReceivedBatch,
)
from app.system.clock import VIETNAM, Clock, local_today

STATIONS = 100  # a province's
DISTRICTS = 10
PLAN_DAYS = 90  # to every district's deadline
RECEIVED_AFTER = timedelta(hours=6)  # a batch reaches the centre after its last entry
COLUMNS = [f'"{c.name}"' for c in CentreEntry.__table__.columns]
# The bench station's entries as the centre keeps them, in the order they were completed.
STATION_ROWS = """
SELECT e.book_id, e.completed_at, e.uuid, e.version, b.kind, b.office, b.volume, b.year,
       e.year, e.number, e.registration_date, e."values", e.completed_by, e.updated_at
FROM entries e JOIN books b ON b.id = e.book_id
WHERE e.status IN ('completed', 'verified', 'exported')
ORDER BY e.completed_at, e.id
"""


@dataclass(frozen=True)
class _Batch:
    uuid: str
    station: str
    sequence: int
    entries: int
    last: datetime  # its last entry's completion, UTC


def fill_province(
    engine: Engine, url: str, station: sqlite3.Connection, summary: dict[str, Any], clock: Clock
) -> tuple[int, int]:
    """Fill the empty central database ``engine`` (at ``url``) with the
    province spread from the station file ``station`` and its real
    ``summary``: the entries and the stations it holds (fewer than
    STATIONS when the bench station has fewer books)."""
    books = station.execute(
        "SELECT id, kind, office, volume, year FROM books ORDER BY id"
    ).fetchall()
    spread = [f"BENCH-{n:03d}" for n in range(1, STATIONS + 1)]
    station_of = {b[0]: spread[rank * STATIONS // len(books)] for rank, b in enumerate(books)}
    users = dict(station.execute("SELECT id, username FROM users"))
    batches = _batches(station, station_of, clock)
    codes = sorted({b.station for b in batches.values()})  # those with entries
    with engine.begin() as connection:
        connection.execute(insert(ReceivedBatch), [_batch_row(b, clock) for b in batches.values()])
    held = _copy_entries(url, station, station_of, users, batches)
    with psycopg.connect(url, autocommit=True) as connection:
        # As autovacuum leaves a centre some minutes after an intake.
        connection.execute("VACUUM ANALYZE")
    own_books: dict[str, set[tuple[object, ...]]] = {code: set() for code in spread}
    for book_id, *key in books:
        own_books[station_of[book_id]].add(tuple(key))
    last = {b.station: b for b in batches.values()}  # the highest number of each
    summaries = {code: _summary(summary, own_books[code]) for code in codes}
    with Session(engine) as session, session.begin():
        session.execute(
            insert(CentreStationSummary),
            [_summary_row(code, last[code], value) for code, value in summaries.items()],
        )
        _plan(session, codes, summaries, clock)
    return held, len(codes)


def _batches(
    station: sqlite3.Connection, station_of: dict[int, str], clock: Clock
) -> dict[tuple[str, int], _Batch]:
    """Each station's batches, by station and number: its entries 10,000 at
    a time in the order they were completed."""
    counts: Counter[str] = Counter()
    last: dict[tuple[str, int], datetime] = {}
    for book_id, completed_at in station.execute(
        "SELECT book_id, completed_at FROM entries"
        " WHERE status IN ('completed', 'verified', 'exported') ORDER BY completed_at, id"
    ):
        code = station_of[book_id]
        last[(code, counts[code] // BATCH_ENTRIES + 1)] = _utc(completed_at)
        counts[code] += 1
    return {
        (code, sequence): _Batch(
            str(uuid.uuid4()), code, sequence,
            min(BATCH_ENTRIES, counts[code] - (sequence - 1) * BATCH_ENTRIES), moment,
        )
        for (code, sequence), moment in sorted(last.items())
    }  # fmt: skip


def _batch_row(batch: _Batch, clock: Clock) -> dict[str, object]:
    return {
        "uuid": batch.uuid,
        "station": batch.station,
        "sequence": batch.sequence,
        "entry_count": batch.entries,
        "signing_key_id": "0" * 16,
        "bagging_date": batch.last.astimezone(VIETNAM).date(),
        "received_at": min(batch.last + RECEIVED_AFTER, clock.now()),
        "source": f"spread by sohoa bench --centre: batch {batch.sequence} of {batch.station}",
        "new_entries": batch.entries,
        "updated_entries": 0,
        "unchanged_entries": 0,
        "older_entries": 0,
    }


def _copy_entries(
    url: str,
    station: sqlite3.Connection,
    station_of: dict[int, str],
    users: dict[int, str],
    batches: dict[tuple[str, int], _Batch],
) -> int:
    """The station's entries into centre_entries, each with its station and
    batch, with COPY; how many."""
    counts: Counter[str] = Counter()
    statement = f"COPY centre_entries ({', '.join(COLUMNS)}) FROM STDIN"
    with psycopg.connect(url) as connection, connection.cursor().copy(statement) as rows:
        for (
            book_id,
            completed_at,
            uuid_,
            version,
            kind,
            office,
            volume,
            book_year,
            *rest,
        ) in station.execute(STATION_ROWS):
            year, number, registration_date, values, completed_by, updated_at = rest
            code = station_of[book_id]
            batch = batches[(code, counts[code] // BATCH_ENTRIES + 1)]
            counts[code] += 1
            rows.write_row(
                (
                    uuid_, version, code, kind, office, volume, book_year, year, number,
                    registration_date, values, completed_at, users.get(completed_by),
                    updated_at, batch.uuid,
                )
            )  # fmt: skip
    return sum(counts.values())


def _summary(real: dict[str, Any], books: set[tuple[object, ...]]) -> dict[str, Any]:
    """The bench station's summary with only ``books``, its target and done theirs."""
    value = copy.deepcopy(real)
    value["books"] = [
        b for b in real["books"] if (b["kind"], b["office"], b["volume"], b["year"]) in books
    ]
    value["progress"]["target"] = sum(b["expected"] or b["done"] for b in value["books"])
    value["progress"]["done"] = sum(b["done"] for b in value["books"])
    return value


def _summary_row(code: str, batch: _Batch, value: dict[str, Any]) -> dict[str, object]:
    return {
        "station": code,
        "batch_uuid": batch.uuid,
        "batch_sequence": batch.sequence,
        "summary_at": datetime.fromisoformat(value["at"]),
        "target": value["progress"]["target"],
        "done": value["progress"]["done"],
        "deferred": sum(b["deferred"] for b in value["books"]),
        "drafts": sum(b["drafts"] for b in value["books"]),
        "last_backup": value["last_backup"] and datetime.fromisoformat(value["last_backup"]),
        "audit_head": value["audit_head"],
        "summary": value,
    }


def _plan(
    session: Session, codes: list[str], summaries: dict[str, dict[str, Any]], clock: Clock
) -> None:
    """The plan: DISTRICTS districts, the first station of each its own
    office, the others its communes'; each commune's target its station's."""
    session.add(CentrePlanImport(source="sohoa bench --centre", sha256="0" * 64,
                                 imported_at=clock.now()))  # fmt: skip
    deadline = local_today(clock) + timedelta(days=PLAN_DAYS)
    districts = min(DISTRICTS, len(codes))
    for d in range(districts):
        mine = codes[d * len(codes) // districts : (d + 1) * len(codes) // districts]
        first = 2 + d * len(codes) // districts  # the sheet's row
        targets = [summaries[code]["progress"]["target"] for code in mine]
        district = CentrePlanDistrict(
            name=f"District {d + 1:02d}", target_entries=sum(targets),
            target_books=sum(len(summaries[code]["books"]) for code in mine),
            deadline=deadline, row=first,
        )  # fmt: skip
        session.add(district)
        session.flush()
        session.add(CentrePlanStation(code=mine[0], district_id=district.id, commune_id=None))
        for n, (code, target) in enumerate(zip(mine[1:], targets[1:], strict=True), start=1):
            commune = CentrePlanCommune(
                district_id=district.id, name=f"Commune {d + 1:02d}-{n:02d}",
                target_entries=target, target_books=len(summaries[code]["books"]),
                deadline=None, row=first + n,
            )  # fmt: skip
            session.add(commune)
            session.flush()
            session.add(
                CentrePlanStation(code=code, district_id=district.id, commune_id=commune.id)
            )


def _utc(stored: str) -> datetime:
    """A moment as the station stores it (UTC, without offset), aware."""
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)
