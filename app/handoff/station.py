"""A station's book as a hand-off is made from it, and the station's name pattern.

The book's entries and the rows of its scanned pages are read in one
session; the hand-off itself then reads only the scan store, so that it
runs beside the window holding no session and no lock.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.access.roles import require_lead
from app.db.models import Book, BookScan, Entry, Setting, Station, User
from app.handoff.names import DEFAULT_PDF_PATTERN, check_pattern
from app.handoff.source import HandoffBook, HandoffEntry
from app.quality.draw import not_under_verification
from app.scans.pages import PageScan, book_pages, entry_page
from app.scans.store import ScanStore
from app.system.clock import Clock
from app.work.settings import write_setting

PATTERN_SETTING = "handoff_pdf_pattern"


class NoSuchBook(LookupError):
    """The station has no book of that id."""


@dataclass(frozen=True)
class StationBookSource:
    """One book of the station, read whole: a :class:`BookSource`."""

    book: HandoffBook
    _entries: list[HandoffEntry]
    _pages: dict[int, PageScan]
    store: ScanStore

    def entries(self) -> list[HandoffEntry]:
        return list(self._entries)

    def page(self, number: int) -> PageScan | None:
        return self._pages.get(number)

    def page_bytes(self, scan: PageScan) -> bytes:
        return self.store.read(scan.sha256, scan.media_type)


def station_book(session: Session, book_id: int, store: ScanStore) -> StationBookSource:
    """Book ``book_id`` of the station, its entries and its scanned pages in ``store``."""
    book = session.get(Book, book_id)
    if book is None:
        raise NoSuchBook(f"there is no book {book_id}")
    code = session.scalars(select(Station.code)).first() or ""
    rows = session.execute(
        select(Entry, not_under_verification().label("free"))
        .where(Entry.book_id == book_id)
        .order_by(Entry.year, Entry.number.is_(None), Entry.number, Entry.id)
    ).all()
    entries = [
        HandoffEntry(
            uuid=entry.uuid,
            year=entry.year,
            number=entry.number,
            registration_date=entry.registration_date,
            status=entry.status,
            values=dict(entry.values or {}),
            page=entry_page(entry.values or {}),
            region=list(entry.page_region) if entry.page_region else None,
            awaiting_verification=not free,
        )
        for entry, free in rows
    ]
    return StationBookSource(
        HandoffBook(code, book.kind, book.office, book.volume, book.year),
        entries,
        {scan.page: scan for scan in book_pages(session, book_id)},
        store,
    )


@dataclass(frozen=True)
class BookToHand:
    """A book as the lead picks one to hand over."""

    id: int
    kind: str
    office: str
    volume: str
    year: int
    finished: bool
    done: int  # entries completed, verified or exported
    deferred: int
    drafts: int
    scanned_pages: int


def books_to_hand(session: Session) -> list[BookToHand]:
    """The station's books with entries done: the finished ones first."""
    scanned = dict(
        session.execute(
            select(BookScan.book_id, func.count()).group_by(BookScan.book_id)
        ).all()
    )  # fmt: skip
    books = session.scalars(
        select(Book)
        .where(Book.done_entries > 0)
        .order_by(Book.finished_at.is_(None), Book.kind, Book.year, Book.volume, Book.id)
    )
    return [
        BookToHand(
            id=b.id,
            kind=b.kind,
            office=b.office,
            volume=b.volume,
            year=b.year,
            finished=b.finished_at is not None,
            done=b.done_entries,
            deferred=b.deferred_entries,
            drafts=b.draft_entries,
            scanned_pages=scanned.get(b.id, 0),
        )
        for b in books
    ]


def name_pattern(session: Session) -> str:
    """The pattern the station names each entry's PDF by."""
    setting = session.get(Setting, PATTERN_SETTING)
    return str(setting.value) if setting is not None and setting.value else DEFAULT_PDF_PATTERN


def set_name_pattern(session: Session, lead: User, pattern: str, *, clock: Clock) -> str:
    """Name each entry's PDF by ``pattern`` from now on (PatternError if it
    cannot be); the pattern as it will be used."""
    require_lead(lead, "change how a hand-off's files are named")
    checked = check_pattern(pattern)
    write_setting(session, PATTERN_SETTING, checked, lead, clock)
    return checked
