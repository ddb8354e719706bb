"""A clerk's keys: save an entry and have the next form ready; find a name.

Save-and-next goes through the services the window calls after F10: the
save (validation, the book's sequence, the name index, the day's count, in
one transaction written to disk), then the next form's values, the book's
entry list and the clerk's count for the shift. The entries keyed for the
benchmark go into two books of its own, removed afterwards with everything
they changed, so that the station stays at its size run after run.
"""

from __future__ import annotations

import json
import random
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import delete, select

from app.bench.operation import Operation
from app.db.models import (
    Book,
    CheckFinding,
    Entry,
    EntryName,
    FieldDifference,
    Role,
    User,
    Verification,
)
from app.demo.people import PeopleFactory
from app.demo.station import book_values
from app.entries.names import find_by_name
from app.keying.lists import entries_of_book
from app.keying.save import SaveAction, save_entry
from app.keying.start import fresh_entry
from app.rules import FieldValue
from app.specs import BookKind, spec_for
from app.station.database import StationDatabase
from app.system.clock import SystemClock
from app.values import text
from app.work import progress, settings
from app.work.shifts import completed_in_shift

SAVE_TARGET_MS = 25
SEARCH_TARGET_MS = 50
CHUNK = 500  # ids looked up per query


@contextmanager
def keying_operations(
    db: StationDatabase, raw: sqlite3.Connection, saves: int, seed: int
) -> Iterator[list[Operation]]:
    """Save-and-next and name search, each beside raw sqlite3; ``saves`` is
    how many entries each side may key."""
    _forget_findings_of_gone_entries(db)
    ours, theirs = _bench_book(db, "ours"), _bench_book(db, "raw")
    try:
        yield _operations(db, raw, ours, theirs, saves, seed)
    finally:
        remove_bench_books(db, [ours, theirs], counted=ours)


def _operations(
    db: StationDatabase, raw: sqlite3.Connection, ours: int, theirs: int, saves: int, seed: int
) -> list[Operation]:
    clock = SystemClock()
    with db.sessions() as session:
        clerk = session.scalars(select(User).where(User.role == Role.CLERK.value)).first()
        keyer = clerk or session.scalars(select(User)).first()
        assert keyer is not None  # a station has its admin at least
        clerk_id = keyer.id
        book = session.get_one(Book, ours)
        people = PeopleFactory(random.Random(seed))
        to_key = iter([v for _, _, v in book_values(book, people, saves)])
        raw_book = session.get_one(Book, theirs)
        raw_rows = iter(list(book_values(raw_book, people, saves)))
        shifts = settings.shifts(session)

    def save_and_next() -> object:
        values = {k: FieldValue(v) for k, v in next(to_key).items()}
        with db.sessions.begin() as session:
            book = session.get_one(Book, ours)
            user = session.get_one(User, clerk_id)
            outcome = save_entry(
                session, book=book, values=values, user=user, action=SaveAction.COMPLETE,
                clock=clock,
            )  # fmt: skip
            if not outcome.saved:
                raise RuntimeError(f"the bench entry was refused: {outcome.assessment.errors}")
        with db.sessions() as session:
            book = session.get_one(Book, ours)
            return (
                fresh_entry(session, book),
                entries_of_book(session, ours),
                completed_in_shift(session, clerk_id, clock.now(), shifts),
                settings.clerk_quota(session, session.get_one(User, clerk_id)),
            )

    def raw_save_and_next() -> object:
        number, day, values = next(raw_rows)
        now = datetime.now(UTC).replace(tzinfo=None).isoformat(" ")
        title = values.get(spec_for(BookKind.BIRTH).title_field, "")
        stored = json.dumps({k: {"v": v} for k, v in values.items()})
        row = (str(uuid.uuid4()), theirs, day.year, number, day.isoformat(), title, stored)
        with raw:
            cursor = raw.execute(
                "INSERT INTO entries (uuid, book_id, year, number, registration_date, title,"
                ' status, version, "values", created_by, updated_by, created_at, updated_at,'
                " completed_at, completed_by) VALUES (?, ?, ?, ?, ?, ?, 'completed', 1, ?, ?, ?,"
                " ?, ?, ?, ?)",
                (*row, clerk_id, clerk_id, now, now, now, clerk_id),
            )
            raw.executemany(
                "INSERT INTO entry_names (entry_id, field, key) VALUES (?, ?, ?)",
                [
                    (cursor.lastrowid, f.key, text.search_key(values[f.key]))
                    for f in spec_for(BookKind.BIRTH).name_fields
                    if values.get(f.key)
                ],
            )
        return (
            raw.execute(
                'SELECT "values" FROM entries WHERE book_id = ? ORDER BY year DESC, number DESC'
                " LIMIT 1",
                (theirs,),
            ).fetchone(),
            raw.execute(
                "SELECT id, year, number, title, status FROM entries WHERE book_id = ?"
                " ORDER BY year, number",
                (theirs,),
            ).fetchall(),
            raw.execute(
                "SELECT count(*) FROM entries WHERE completed_by = ? AND completed_at >= ?",
                (clerk_id, now[:10]),
            ).fetchone(),
        )

    queries = _name_queries(raw, seed)

    def search() -> object:
        with db.sessions() as session:
            return find_by_name(session, next(queries))

    def raw_search() -> object:
        key = text.search_key(next(queries))
        ids = [
            row[0]
            for row in raw.execute(
                "SELECT DISTINCT entry_id FROM entry_names WHERE key >= ? AND key < ? LIMIT 50",
                (key, key + "\uffff"),
            )
        ]
        marks = ",".join("?" * len(ids))
        return raw.execute(f"SELECT * FROM entries WHERE id IN ({marks})", ids).fetchall()

    return [
        Operation("save an entry, next form ready", SAVE_TARGET_MS, save_and_next,
                  raw_save_and_next),
        Operation("accent-insensitive name search", SEARCH_TARGET_MS, search, raw_search),
    ]  # fmt: skip


def _forget_findings_of_gone_entries(db: StationDatabase) -> None:
    """What the checks found about entries no longer there: left by the
    bench of an earlier Sohoa, which removed its entries and not what was
    found in them. The next run's entries take their ids again, and a fresh
    entry's save does not look for what was found before
    (app.quality.checks.check_entry): it would fail to keep the same again."""
    with db.sessions.begin() as session:
        findings = session.execute(select(CheckFinding.id, CheckFinding.entry_ids)).all()
        named = sorted({entry_id for _, entry_ids in findings for entry_id in entry_ids})
        there = {
            entry_id
            for start in range(0, len(named), CHUNK)
            for entry_id in session.scalars(
                select(Entry.id).where(Entry.id.in_(named[start : start + CHUNK]))
            )
        }
        gone = [finding for finding, entry_ids in findings if not there.issuperset(entry_ids)]
        for start in range(0, len(gone), CHUNK):
            chunk = gone[start : start + CHUNK]
            session.execute(delete(CheckFinding).where(CheckFinding.id.in_(chunk)))


def _bench_book(db: StationDatabase, side: str) -> int:
    with db.sessions.begin() as session:
        book = Book(
            kind=BookKind.BIRTH.value,
            office=db.station().office,
            volume=f"bench-{side}-{uuid.uuid4().hex[:8]}",
            year=2000,
            condition="good",
            on_hold=True,  # never offered to a clerk, should the run be stopped
        )
        session.add(book)
        session.flush()
        return book.id


def remove_bench_books(db: StationDatabase, book_ids: list[int], counted: int) -> None:
    """The bench books, their entries (and those drawn for verification, and
    what the checks found in them), and the part of the day's counts that
    the entries of ``counted`` (those saved through app/) added."""
    with db.sessions.begin() as session:
        for completed_at in session.scalars(
            select(Entry.completed_at).where(
                Entry.book_id == counted, Entry.completed_at.is_not(None)
            )
        ).all():
            progress.completion_moved(session, completed_at, None)
        entry_ids = select(Entry.id).where(Entry.book_id.in_(book_ids))
        ours = set(session.scalars(entry_ids))
        # What the checks found at the bench's saves: a later run's entries
        # take the same ids, and would find the same again.
        session.execute(
            delete(CheckFinding).where(
                CheckFinding.id.in_(
                    [
                        finding.id
                        for finding in session.execute(
                            select(CheckFinding.id, CheckFinding.book_id, CheckFinding.entry_ids)
                        )
                        if finding.book_id in book_ids or ours.intersection(finding.entry_ids)
                    ]
                )
            )
        )
        drawn = select(Verification.id).where(Verification.entry_id.in_(entry_ids))
        session.execute(delete(FieldDifference).where(FieldDifference.verification_id.in_(drawn)))
        session.execute(delete(Verification).where(Verification.entry_id.in_(entry_ids)))
        session.execute(delete(EntryName).where(EntryName.entry_id.in_(entry_ids)))
        session.execute(delete(Entry).where(Entry.book_id.in_(book_ids)))
        session.execute(delete(Book).where(Book.id.in_(book_ids)))


def _name_queries(raw: sqlite3.Connection, seed: int) -> Iterator[str]:
    """What clerks type to find someone: a family and a middle name, taken
    from names in the station, over and over."""
    rng = random.Random(seed)
    low, high = raw.execute("SELECT min(id), max(id) FROM entry_names").fetchone()
    if low is None:
        raise RuntimeError("the bench station has no names to search")
    picks = [rng.randint(low, high) for _ in range(200)]
    marks = ",".join("?" * len(picks))
    keys = [row[0] for row in raw.execute(f"SELECT key FROM entry_names WHERE id IN ({marks})",
                                          picks)]  # fmt: skip
    queries = [" ".join(key.split()[:2]) for key in keys]
    while True:
        yield from queries
