"""Filling a station with realistic work: books, clerks, shifts, entries.

Books hold about 53 entries, as in the campaign (1,457,884 entries in 27,548
books), and come in campaign priority (mostly births). Each book is keyed by
one clerk, entry after entry, during that clerk's shift; a few entries are
deferred with a reason. A quarter as many books again wait in the queue, not
yet keyed, so that the campaign has a target still ahead. (The team's double
keying is added apart: app.demo.verifications.) The books at the head of
the queue may be scanned, their pages drawn with their entries on them
(app.demo.pages), and begun. Rows are written in bulk, a chunk per
transaction, so that a campaign-sized demo takes minutes.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.access.passwords import hash_password
from app.batch.age import write_identity
from app.batch.keys import set_centre_recipients
from app.db.models import (
    Book,
    BookCondition,
    DeferralReason,
    Entry,
    EntryName,
    EntryStatus,
    Role,
    User,
    WorkSession,
)
from app.demo.entries import MAKERS, Values
from app.demo.pages import ENTRIES_PER_PAGE, row_region, scan_book
from app.demo.people import PeopleFactory
from app.scans.store import ScanStore
from app.specs import BookKind, BookSpec, SourceStatus, spec_for
from app.specs.identities import IDENTITIES
from app.station.database import StationDatabase, init_station
from app.system.clock import VIETNAM, Clock
from app.system.paths import scans_dir
from app.values import text
from app.work import progress
from app.work.queue import place_books
from app.work.shifts import DEFAULT_SHIFTS, shift_at

DEMO_STATION = "DEMO-01"
DEMO_OFFICE = "UBND xã Tân Lập"
DEMO_LOCALITY = "Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước"
DEMO_PASSWORD = "sohoa-demo"  # printed by `sohoa demo`: demo stations only
# The demo's own centre, so that its batches can be opened: never a real one.
DEMO_CENTRE_IDENTITY = "demo-centre-identity.txt"
CLERKS = 12  # a keying team (CONTEXT.md)
TEAM = tuple(f"clerk{i:02d}" for i in range(1, CLERKS + 1))  # in shifts 1, 2, 3, 1, …
LEAD = "lead01"
KIND_WEIGHTS = {BookKind.BIRTH: 60, BookKind.MARRIAGE: 18, BookKind.DEATH: 18, BookKind.ADOPTION: 4}
DEFERRED_SHARE = 0.04
CHUNK = 5000
KEYED_PER_SCANNED_BOOK = 18  # four pages and a half: a clerk left it on a page begun


@dataclass
class DemoSummary:
    entries: int = 0
    books: int = 0
    clerks_added: int = 0
    by_status: Counter[str] = field(default_factory=Counter)
    by_kind: Counter[str] = field(default_factory=Counter)
    first_day: date | None = None
    last_day: date | None = None
    scanned_books: int = 0
    scanned_pages: int = 0


def create_demo_station(
    data_dir: Path,
    *,
    code: str = DEMO_STATION,
    office: str = DEMO_OFFICE,
    locality: str = DEMO_LOCALITY,
    centre_recipient: str | None = None,
) -> StationDatabase:
    """A new, empty demo station in ``data_dir``, with its admin, exporting to
    ``centre_recipient``, or else to a demo centre whose identity is saved
    beside it (:data:`DEMO_CENTRE_IDENTITY`)."""
    db = init_station(
        data_dir,
        code=code,
        office=office,
        locality=locality,
        admin_username="admin",
        admin_password=DEMO_PASSWORD,
    )
    recipient = centre_recipient or write_identity(data_dir / DEMO_CENTRE_IDENTITY)
    with db.sessions.begin() as session:
        set_centre_recipients(session, recipient)
    return db


def add_demo_entries(
    db: StationDatabase, count: int, *, seed: int, clock: Clock, scanned: int = 0
) -> DemoSummary:
    """Add ``count`` realistic entries, in new books, keyed by demo clerks.

    With ``scanned``, that many of the new books at the head of the queue
    are scanned: every page of each drawn and imported, and its first
    entries (out of ``count``) keyed from them by a clerk who then left it,
    so that the next clerk keys on from pages already there.
    """
    rng = random.Random(seed)
    people = PeopleFactory(rng)
    summary = DemoSummary()
    with db.sessions.begin() as session:
        clerks = _clerks(session, summary)
        volumes = Counter(
            {
                (k, o, y): n
                for k, o, y, n in session.execute(
                    select(Book.kind, Book.office, Book.year, func.count()).group_by(
                        Book.kind, Book.office, Book.year
                    )
                )
            }
        )
    timeline = _Timeline(rng, clerks, clock.now())
    # The scanned books were the clerks' latest work: their moments come first.
    begun = [
        (clerk, timeline.book_keyed(clerk, keyed))
        for keyed in _shares(min(count, KEYED_PER_SCANNED_BOOK * scanned), scanned)
        for clerk in [timeline.next_clerk()]
    ]
    offices = _offices(people, db.station().office)
    rows: list[dict[str, Any]] = []
    names: list[dict[str, Any]] = []
    work = _WorkSessions()
    with db.sessions() as session:
        remaining = count - sum(len(moments) for _, moments in begun)
        while remaining > 0:
            book = _new_book(session, rng, offices, volumes, min(remaining, _book_size(rng)))
            summary.books += 1
            clerk = timeline.next_clerk()
            moments = timeline.book_keyed(clerk, book.expected_entries or 0)
            book.finished_at = moments[-1]
            for entry_row, name_rows in _entries_of(book, people, clerk, moments):
                names.extend({**name, "row": len(rows)} for name in name_rows)
                rows.append(entry_row)
                summary.by_status[entry_row["status"]] += 1
                summary.by_kind[book.kind] += 1
                work.add(clerk.id, entry_row["updated_at"])
            remaining -= book.expected_entries or 0
            if len(rows) >= CHUNK or remaining <= 0:
                _write(session, rows, names)
                rows, names = [], []
        # The rest of the inventory, registered and waiting in the queue.
        waiting = [
            _new_book(session, rng, offices, volumes, _book_size(rng))
            for _ in range(max(3, summary.books // 4, scanned))
        ]
        place_books(session, waiting)
        if scanned:
            firsts = sorted(waiting, key=lambda b: b.queue_rank)[:scanned]
            _scan(db, session, firsts, begun, seed, clock, work, summary)
        progress.rebuild(session)
        work.write(session, rng)
        summary.books += len(waiting)
        session.commit()
    summary.entries = count
    summary.first_day, summary.last_day = timeline.first_day, timeline.last_day
    return summary


def _shares(total: int, parts: int) -> list[int]:
    """``total`` in ``parts`` shares as even as can be."""
    return [total // parts + (1 if part < total % parts else 0) for part in range(parts)]


def _scan(
    db: StationDatabase,
    session: Session,
    books: list[Book],
    begun: list[tuple[User, list[datetime]]],
    seed: int,
    clock: Clock,
    work: _WorkSessions,
    summary: DemoSummary,
) -> None:
    """Scan ``books``, each keyed at the ``begun`` moments by its clerk, from
    its first entry on; the pages cover every entry the book is expected to
    hold. Their people come from a generator of their own, drawn in full:
    the pages hold the entries no one has keyed yet too."""
    people = PeopleFactory(random.Random(f"scanned books {seed}"))
    store = ScanStore(scans_dir(db.data_dir))
    lead = session.scalars(select(User).where(User.username == LEAD)).one()
    rows: list[dict[str, Any]] = []
    names: list[dict[str, Any]] = []
    on_pages = []
    for book, (clerk, moments) in zip(books, begun, strict=True):
        size = max(book.expected_entries or 0, len(moments) + people.rng.randrange(8, 30))
        book.expected_entries, book.pages = size, math.ceil(size / ENTRIES_PER_PAGE)
        spec = spec_for(book.kind)
        written = []
        for number, day, values in book_values(book, people, size):
            encoded = _encoded(values)
            if number <= len(moments):
                at = moments[number - 1]
                entry_row, name_rows = _entry_row(
                    book, spec, number, day, encoded, clerk, at, people.rng
                )
                entry_row["page_region"] = row_region((number - 1) % ENTRIES_PER_PAGE)
                names.extend({**name, "row": len(rows)} for name in name_rows)
                rows.append(entry_row)
                summary.by_status[entry_row["status"]] += 1
                summary.by_kind[book.kind] += 1
                work.add(clerk.id, at)
            written.append(encoded)
        on_pages.append((book, written))
    if rows:
        _write(session, rows, names)
    for book, written in on_pages:
        summary.scanned_pages += scan_book(session, clock, lead, book, written, store)
        summary.scanned_books += 1
    session.flush()


def _write(session: Session, rows: list[dict[str, Any]], names: list[dict[str, Any]]) -> None:
    """Insert a chunk of entries and their names, numbered where the table ends.

    The ids are taken inside the transaction that inserts them, which holds
    the write lock since its first book: no other writer (the app keying on
    the same station) can take them in between.
    """
    first = (session.scalar(select(func.max(Entry.id))) or 0) + 1
    for offset, row in enumerate(rows):
        row["id"] = first + offset
    for name in names:
        name["entry_id"] = first + name.pop("row")
    session.execute(insert(Entry), rows)
    session.execute(insert(EntryName), names)
    session.commit()


class _WorkSessions:
    """Each clerk's active time and keystrokes per shift, from their entries."""

    def __init__(self) -> None:
        self._spans: dict[tuple[int, date, int], list[Any]] = {}

    def add(self, clerk_id: int, moment: datetime) -> None:
        shift = shift_at(moment)
        key = (clerk_id, moment.astimezone(VIETNAM).date(), shift.number if shift else 0)
        span = self._spans.setdefault(key, [moment, moment, 0])
        span[0], span[1], span[2] = min(span[0], moment), max(span[1], moment), span[2] + 1

    def write(self, session: Session, rng: random.Random) -> None:
        existing = {(w.user_id, w.day, w.shift): w for w in session.scalars(select(WorkSession))}
        for (clerk_id, day, shift), (first, last, count) in self._spans.items():
            # A clerk is idle for some minutes of a shift; a demo entry takes
            # about 190 keystrokes (the replay test's figure).
            active = round((last - first).total_seconds() * rng.uniform(0.82, 0.95)) + 60
            keys = count * rng.randrange(170, 210)
            row = existing.get((clerk_id, day, shift))
            if row is None:
                session.add(
                    WorkSession(
                        user_id=clerk_id, day=day, shift=shift, active_seconds=active,
                        keystrokes=keys, first_at=first, last_at=last,
                    )
                )  # fmt: skip
            else:
                row.active_seconds += active
                row.keystrokes += keys
        session.flush()


def _book_size(rng: random.Random) -> int:
    return max(5, int(rng.gauss(53, 20)))


def _clerks(session: Session, summary: DemoSummary) -> list[User]:
    """The demo team: clerk01…clerk12 and lead01, made once."""
    existing = {u.username: u for u in session.scalars(select(User))}
    password_hash = None
    team = []
    for username, role in [(clerk, Role.CLERK) for clerk in TEAM] + [(LEAD, Role.LEAD)]:
        user = existing.get(username)
        if user is None:
            password_hash = password_hash or hash_password(DEMO_PASSWORD)
            user = User(
                username=username, full_name=username, role=role.value, password_hash=password_hash
            )
            session.add(user)
            summary.clerks_added += 1
        if role is Role.CLERK:
            team.append(user)
    session.flush()
    return team


def _offices(people: PeopleFactory, own_office: str) -> list[str]:
    """The station's own office and the commune offices around it."""
    neighbours = people.rng.sample(people.offices, min(8, len(people.offices)))
    return [own_office] * 4 + neighbours


def _new_book(
    session: Session, rng: random.Random, offices: list[str], volumes: Counter, size: int
) -> Book:
    kind = rng.choices(list(KIND_WEIGHTS), list(KIND_WEIGHTS.values()))[0].value
    office, year = rng.choice(offices), rng.randrange(1976, 2019)
    volumes[(kind, office, year)] += 1
    book = Book(
        kind=kind,
        office=office,
        volume=f"{volumes[(kind, office, year)]:02d}",
        year=year,
        pages=math.ceil(size / ENTRIES_PER_PAGE),
        expected_entries=size,
        condition=rng.choices(list(BookCondition), (6, 3, 1))[0].value,
    )
    session.add(book)
    session.flush()
    return book


class _Timeline:
    """When each clerk keyed: in their shift, at a clerk's pace, up to now.

    Time runs backwards from ``now``: each book is given the latest stretch of
    its clerk's shifts not yet taken, so the demo's work always ends by the
    present, however many entries are asked for.
    """

    def __init__(self, rng: random.Random, clerks: list[User], now: datetime) -> None:
        self.rng = rng
        self.clerks = clerks
        local_now = now.astimezone(VIETNAM)
        self._at = {c.id: self._latest_in_shift(c, local_now) for c in clerks}
        self.first_day = self.last_day = max(self._at.values()).date()

    def next_clerk(self) -> User:
        # The clerk with the most recent free time takes the next book.
        return max(self.clerks, key=lambda c: self._at[c.id])

    def book_keyed(self, clerk: User, entries: int) -> list[datetime]:
        """The moments ``clerk`` completed the entries of a book, in order."""
        moments = []
        start, _ = self._shift(clerk)
        at = self._at[clerk.id]
        for _ in range(entries):
            moments.append(at)
            at -= timedelta(seconds=self.rng.randrange(50, 130))
            if at.time() < start:
                at = self._shift_end(clerk, at.date() - timedelta(days=1))
        self._at[clerk.id] = at
        if moments:
            self.first_day = min(self.first_day, moments[-1].date())
        return moments[::-1]

    def _shift(self, clerk: User) -> tuple[time, time]:
        shift = DEFAULT_SHIFTS[self.clerks.index(clerk) % len(DEFAULT_SHIFTS)]
        return shift.start, shift.end

    def _shift_end(self, clerk: User, day: date) -> datetime:
        leaves_early = timedelta(seconds=self.rng.randrange(60, 600))
        return datetime.combine(day, self._shift(clerk)[1], VIETNAM) - leaves_early

    def _latest_in_shift(self, clerk: User, now: datetime) -> datetime:
        start, end = self._shift(clerk)
        if start <= now.time() < end:
            return now
        day = now.date() if now.time() >= end else now.date() - timedelta(days=1)
        return self._shift_end(clerk, day)


def book_values(book: Book, people: PeopleFactory, size: int) -> Iterator[tuple[int, date, Values]]:
    """The values of entries 1 to ``size`` of ``book``, in book order, as a
    clerk keys them: one registration date after another, one signer."""
    rng = people.rng
    make = MAKERS[BookKind(book.kind)]
    day = date(book.year, 1, 2)
    step = max(1, 360 // max(size, 1))
    signer = people.name(rng.choice(("male", "female")))
    for number in range(1, size + 1):
        day = min(day + timedelta(days=rng.randrange(0, step + 1)), date(book.year, 12, 31))
        values: Values = make(people, day)
        values.update(
            number=str(number),
            page=str(1 + (number - 1) // ENTRIES_PER_PAGE),
            registration_date=day.isoformat(),
            office=book.office,
            signer_name=signer,
            signer_title="Chủ tịch UBND",
        )
        yield number, day, values


def _entries_of(
    book: Book, people: PeopleFactory, clerk: User, moments: list[datetime]
) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    spec = spec_for(book.kind)
    for number, day, values in book_values(book, people, book.expected_entries or 0):
        yield _entry_row(
            book, spec, number, day, _encoded(values), clerk, moments[number - 1], people.rng
        )


def _encoded(values: Values) -> dict[str, dict[str, str]]:
    """Values as an entry stores them."""
    return {k: {"v": v} for k, v in values.items() if v}


def _entry_row(
    book: Book,
    spec: BookSpec,
    number: int,
    day: date,
    encoded: dict[str, dict[str, str]],
    clerk: User,
    at: datetime,
    rng: random.Random,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The rows of one entry keyed by ``clerk`` at ``at``, and of its names;
    a few are deferred, ``encoded`` then marked as the clerk marked it."""
    status, reason = EntryStatus.COMPLETED, None
    if rng.random() < DEFERRED_SHARE:
        status, reason = _defer(rng, spec.title_field, encoded)
    return (
        {
            "book_id": book.id,
            "year": book.year,
            "number": number,
            "registration_date": day.isoformat(),
            "title": encoded.get(spec.title_field, {}).get("v", ""),
            "main_date": encoded.get(IDENTITIES[spec.kind].date, {}).get("v") or None,
            "status": status.value,
            "deferral_reason": reason.value if reason else None,
            "version": 1,
            "values": encoded,
            "created_by": clerk.id,
            "updated_by": clerk.id,
            "created_at": at - timedelta(seconds=rng.randrange(40, 90)),
            "updated_at": at,
            "completed_at": at if status is EntryStatus.COMPLETED else None,
            "completed_by": clerk.id if status is EntryStatus.COMPLETED else None,
            "deferred_at": at if status is EntryStatus.DEFERRED else None,
            "deferred_by": clerk.id if status is EntryStatus.DEFERRED else None,
        },
        [
            {"field": f.key, "key": text.search_key(name)}
            for f in spec.name_fields
            if (name := encoded.get(f.key, {}).get("v"))
        ],
    )


def _defer(
    rng: random.Random, title_field: str, encoded: dict[str, dict[str, str]]
) -> tuple[EntryStatus, DeferralReason]:
    """Make the entry one the clerk left for later, and say why."""
    reason = rng.choice(
        (DeferralReason.ILLEGIBLE, DeferralReason.NEEDS_VERIFICATION, DeferralReason.DAMAGED_PAGE)
    )
    if reason is DeferralReason.NEEDS_VERIFICATION:
        encoded[title_field]["s"] = SourceStatus.UNCERTAIN.value
    else:
        encoded[title_field] = {"s": SourceStatus.ILLEGIBLE.value}
    return EntryStatus.DEFERRED, reason
