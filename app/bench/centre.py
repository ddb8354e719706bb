"""The centre on PostgreSQL: a province's batches taken in, and the window's refresh.

The intake is the centre's, whole: the bench station's completed entries
exported as real batches (the station's own export, signed with a key
held in memory, app.demo.centre.memory_signing_key, encrypted to the demo
centre), then
taken in by ``intake_batches`` into a fresh PostgreSQL database each run:
verified, decrypted, every line checked, loaded. Its raw counterpart is a
plain ``COPY`` of the same rows into a plain table of the same columns.
Up to INTAKE_ENTRIES are loaded each run, so that a campaign-sized run
takes minutes, not an hour.

The refresh is what the centre's window reads each time
(``centre_overview``), on a database holding the province's shape: the
bench station's completed entries, all of them, spread over STATIONS
station codes by book (each station keys books of its own), in batches of
10,000 by completion; each station a summary made from the bench station's
real one (its own books, target and done; the rest as the bench station's);
and a plan of those stations in districts, with targets and deadlines.
Those rows are written directly with ``COPY``, not taken in: a hundred
stations cannot be exported by one. Its raw counterpart reads the same
figures in plain SQL.

The bench makes databases of its own on the server it is given, and drops
them when it is done.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import Column, MetaData, Table, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import make_url
from sqlalchemy.orm import sessionmaker
from sqlalchemy.schema import CreateTable

from app.batch.age import read_identities
from app.batch.export import BATCH_ENTRIES, export_batch
from app.batch.record import EXPORT_ORDER, ready_for_export
from app.batch.trust import TrustList
from app.batch.verify import open_batch
from app.bench.batches import forget_batches
from app.bench.operation import Operation
from app.bench.province import fill_province
from app.centre.database import open_central
from app.centre.intake import Outcome, intake_batches
from app.centre.models import CentreEntry
from app.centre.overview import centre_overview
from app.centre.payload import payload_rows
from app.centre.plan_progress import PACE_DAYS
from app.db.engine import database_path
from app.db.models import Entry
from app.demo import DEMO_CENTRE_IDENTITY
from app.demo.centre import memory_signing_key
from app.station.backups import last_backup_at
from app.station.database import StationDatabase
from app.system.clock import VIETNAM, SystemClock, local_today

INTAKE_ENTRIES = 100_000  # loaded each run: ten full batches
INTAKE_RATE = 10_000  # entries a second, at least (issue 23)
INTAKES = 3  # each run is seconds of work: fewer repetitions
REFRESH_TARGET_MS = 200
ENTRY_COLUMNS = list(CentreEntry.__table__.columns)
COLUMNS = [f'"{c.name}"' for c in ENTRY_COLUMNS]
# The figures the window shows, read in plain SQL: per station, its batches
# and their numbers, the entries held, completed lately and on the day; the
# summaries' figures; the plan.
RAW_REFRESH = (
    "SELECT station, count(*), max(sequence), max(bagging_date), max(received_at)"
    " FROM centre_batches GROUP BY station",
    "SELECT station, sequence FROM centre_batches ORDER BY station, sequence",
    "SELECT station, sum(new_entries) FROM centre_batches GROUP BY station",
    "SELECT station, count(*) FROM centre_entries WHERE completed_at >= %(recent)s"
    " GROUP BY station",
    "SELECT station, count(*) FROM centre_entries"
    " WHERE completed_at >= %(day)s AND completed_at < %(next_day)s GROUP BY station",
    "SELECT station, batch_sequence, target, done, deferred, drafts, last_backup"
    " FROM centre_station_summaries",
    "SELECT s.code, d.name, d.target_entries, d.deadline, c.name, c.target_entries, c.deadline"
    " FROM centre_plan_stations s JOIN centre_plan_districts d ON d.id = s.district_id"
    " LEFT JOIN centre_plan_communes c ON c.id = s.commune_id",
)


@dataclass(frozen=True)
class CentreLoad:
    """What the centre's figures were measured on."""

    batches: int
    entries: int  # loaded by each run of the intake
    refresh_entries: int  # held by the refresh's database
    stations: int

    def as_dict(self) -> dict[str, int]:
        return {
            "intake_batches": self.batches,
            "intake_entries": self.entries,
            "refresh_entries": self.refresh_entries,
            "refresh_stations": self.stations,
        }


@contextmanager
def centre_operations(
    db: StationDatabase, server: str
) -> Iterator[tuple[list[Operation], CentreLoad]]:
    """The intake and the refresh, each beside plain SQL, on PostgreSQL
    ``server``; the station as it was and the bench's databases dropped afterwards."""
    work = Path(tempfile.mkdtemp(prefix="sohoa-bench-centre-"))
    databases = _Databases(server)
    forget_batches(db)
    try:
        batches, trust, summary = _export(db, work)
        intake, load = _intake(db, databases, batches, trust)
        with _refresh(db, databases, summary) as (refresh, held, stations):
            yield [intake, refresh], CentreLoad(len(batches), load, held, stations)
    finally:
        forget_batches(db)
        databases.drop_all()
        shutil.rmtree(work)


class _Databases:
    """The bench's own databases on the server: made, made again, dropped."""

    def __init__(self, server: str) -> None:
        self._server = make_url(server).set(drivername="postgresql")
        self._prefix = f"sohoa_bench_{uuid.uuid4().hex[:8]}"
        self._made: set[str] = set()

    def fresh(self, name: str) -> str:
        """The URL of database ``name``, new and empty."""
        full = f"{self._prefix}_{name}"
        with self._admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{full}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{full}"')
        self._made.add(full)
        return self._server.set(database=full).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        with self._admin() as admin:
            for full in self._made:
                admin.execute(f'DROP DATABASE IF EXISTS "{full}" WITH (FORCE)')

    def _admin(self) -> psycopg.Connection[Any]:
        return psycopg.connect(self._server.render_as_string(hide_password=False), autocommit=True)


def _export(db: StationDatabase, work: Path) -> tuple[list[Path], TrustList, dict[str, Any]]:
    """Up to INTAKE_ENTRIES of the station's entries, exported as batches;
    the entries back as they were; the station's real summary, as the first
    batch carries it."""
    keystore, key = memory_signing_key(db)
    with db.sessions() as session:
        before = session.execute(
            select(Entry.id, Entry.status)
            .where(ready_for_export())
            .order_by(*EXPORT_ORDER)
            .limit(INTAKE_ENTRIES)
        ).all()
    if not before:
        raise RuntimeError("the bench station has no completed entry to export")
    stick = work / "stick"
    stick.mkdir()
    clock, exported = SystemClock(), 0
    while exported < len(before):
        written = export_batch(
            db.sessions, stick, keystore, by=None, clock=clock,
            last_backup=last_backup_at(db.data_dir),
            limit=min(BATCH_ENTRIES, len(before) - exported),
        )  # fmt: skip
        if written is None:
            raise RuntimeError(f"the bench exported {exported:,} entries, not {len(before):,}")
        exported += written.marked
    forget_batches(db, [{"id": entry_id, "status": status} for entry_id, status in before])
    batches, trust = sorted(stick.iterdir()), TrustList.of([key])
    with open_batch(batches[0], trust) as opened:
        summary = payload_rows(opened, _identities(db)).summary_json
    if summary is None:
        raise RuntimeError("the bench station's batch carries no summary")
    return batches, trust, summary


def _identities(db: StationDatabase) -> list[Any]:
    return read_identities(db.data_dir / DEMO_CENTRE_IDENTITY)


def _intake(
    db: StationDatabase, databases: _Databases, batches: list[Path], trust: TrustList
) -> tuple[Operation, int]:
    """The batches taken in by the centre, beside a plain COPY of their rows."""
    identities, clock = _identities(db), SystemClock()
    rows: list[tuple[object, ...]] = []
    for path in batches:
        with open_batch(path, trust) as opened:
            rows += (_copied(row) for row in payload_rows(opened, identities).entries)
    centre = databases.fresh("intake")
    plain = databases.fresh("copy")
    plain_table = Table("entries", MetaData(), *(Column(c.name, c.type) for c in ENTRY_COLUMNS))
    create_plain = str(CreateTable(plain_table).compile(dialect=postgresql.dialect()))
    copy_rows = f"COPY entries ({', '.join(COLUMNS)}) FROM STDIN"

    def intake() -> None:
        engine = open_central(centre)
        try:
            report = intake_batches(
                engine, batches, identities=identities, trust=trust, clock=clock
            )
        finally:
            engine.dispose()
        refused = [b for b in report.batches if b.outcome is not Outcome.LOADED]
        if refused:
            raise RuntimeError(f"the bench intake did not load every batch: {refused[0]}")

    def raw_intake() -> None:
        with psycopg.connect(plain) as connection:
            connection.execute(create_plain)
            with connection.cursor().copy(copy_rows) as copy:
                for row in rows:
                    copy.write_row(row)

    def new_centre() -> None:
        databases.fresh("intake")

    def new_plain() -> None:
        with psycopg.connect(plain, autocommit=True) as connection:
            connection.execute("DROP TABLE entries")

    operation = Operation(
        f"intake of {len(rows):,} entries into PostgreSQL",
        round(len(rows) * 1000 / INTAKE_RATE),
        intake,
        raw_intake,
        warm_up=1,
        ours_between=new_centre,
        raw_between=new_plain,
    )
    return operation, len(rows)


def _copied(row: dict[str, Any]) -> tuple[object, ...]:
    """A row of centre_entries as COPY writes it: JSON as text, moments in UTC without offset."""
    return tuple(
        json.dumps(value, ensure_ascii=False, separators=(",", ":")) if name == "values"
        else value.astimezone(UTC).replace(tzinfo=None) if isinstance(value, datetime)
        else value
        for name, value in ((name, row[name]) for name in (c.name for c in ENTRY_COLUMNS))
    )  # fmt: skip


@contextmanager
def _refresh(
    db: StationDatabase, databases: _Databases, summary: dict[str, Any]
) -> Iterator[tuple[Operation, int, int]]:
    """The window's refresh on a province's centre, beside the same figures
    in plain SQL; the entries and stations it holds."""
    url = databases.fresh("refresh")
    clock = SystemClock()
    engine = open_central(url)
    station = sqlite3.connect(database_path(db.data_dir))
    try:
        held, stations = fill_province(engine, url, station, summary, clock)
    finally:
        station.close()
    sessions = sessionmaker(engine)
    raw = psycopg.connect(url, autocommit=True)
    try:

        def refresh() -> None:
            with sessions() as session:
                centre_overview(session, clock)

        def raw_refresh() -> None:
            now = clock.now().replace(tzinfo=None)
            day = datetime.combine(local_today(clock), time(), VIETNAM).astimezone(UTC)
            day = day.replace(tzinfo=None)
            moments = {
                "recent": now - timedelta(days=PACE_DAYS), "day": day,
                "next_day": day + timedelta(days=1),
            }  # fmt: skip
            for query in RAW_REFRESH:
                raw.execute(query, moments).fetchall()

        yield (
            Operation(
                f"the centre's window refreshed ({stations} stations)",
                REFRESH_TARGET_MS,
                refresh,
                raw_refresh,
            ),
            held,
            stations,
        )
    finally:
        raw.close()
        engine.dispose()


def entries_per_second(entries: int, milliseconds: float) -> float:
    return entries * 1000 / milliseconds if milliseconds else float("inf")
