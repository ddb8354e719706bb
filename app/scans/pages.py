"""The scanned pages of a book, and the page an entry is on."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Book, BookScan, Entry, Verification

Region = list[float]  # left, top, width, height: fractions of the upright page


@dataclass(frozen=True)
class PageScan:
    """One scanned page, as a window or a hand-off reads it."""

    book_id: int
    page: int
    sha256: str
    media_type: str
    width: int
    height: int


def book_pages(session: Session, book_id: int) -> list[PageScan]:
    """The book's scanned pages, in page order; empty for a book not scanned."""
    rows = session.scalars(
        select(BookScan).where(BookScan.book_id == book_id).order_by(BookScan.page)
    )
    return [
        PageScan(row.book_id, row.page, row.sha256, row.media_type, row.width, row.height)
        for row in rows
    ]


@dataclass(frozen=True)
class ScanCount:
    """A book's scanned pages, against the pages the inventory expects of it."""

    scanned: int
    expected: int | None


def scan_count(session: Session, book_id: int) -> ScanCount:
    scanned = session.scalar(
        select(func.count()).select_from(BookScan).where(BookScan.book_id == book_id)
    )
    return ScanCount(scanned or 0, session.get_one(Book, book_id).pages)


def entry_page(values: Mapping[str, Any]) -> int | None:
    """The page an entry's values name (its "page" field), None if not a number."""
    raw = values.get("page")
    value = raw.get("v") if isinstance(raw, Mapping) else raw
    text = str(value or "").strip()
    return int(text) if text.isdigit() and int(text) > 0 else None


@dataclass(frozen=True)
class EntryScan:
    """What a window shows of an entry's page: the book's scanned pages (to
    look at those around it too), the page the entry names, its region."""

    pages: list[PageScan]
    page: int | None
    region: Region | None


def entry_scan(session: Session, entry_id: int) -> EntryScan:
    entry = session.get_one(Entry, entry_id)
    return EntryScan(
        book_pages(session, entry.book_id), entry_page(entry.values), entry.page_region
    )


def verification_scan(session: Session, verification_id: int) -> EntryScan:
    """The page of the entry a second keying or an arbitration is about."""
    return entry_scan(session, session.get_one(Verification, verification_id).entry_id)


def checked_region(region: Sequence[float] | None) -> Region | None:
    """``region`` as an entry keeps it, if it lies on the page; None is the whole page."""
    if region is None:
        return None
    values = [float(v) for v in region]
    if len(values) != 4:
        raise ValueError(f"a region is left, top, width, height: {region!r}")
    left, top, width, height = values
    if not (0 <= left < 1 and 0 <= top < 1 and width > 0 and height > 0):
        raise ValueError(f"a region lies on the page: {region!r}")
    if left + width > 1.0001 or top + height > 1.0001:
        raise ValueError(f"a region lies on the page: {region!r}")
    return values
