"""The scanned pages of a book, and the page an entry is on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import BookScan, Entry


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


def entry_page(values: Mapping[str, Any]) -> int | None:
    """The page an entry's values name (its "page" field), None if not a number."""
    raw = values.get("page")
    value = raw.get("v") if isinstance(raw, Mapping) else raw
    text = str(value or "").strip()
    return int(text) if text.isdigit() and int(text) > 0 else None


def page_of_entry(session: Session, entry_id: int) -> tuple[PageScan | None, list[float] | None]:
    """The scanned page an entry is on, and its region there, if known."""
    entry = session.get(Entry, entry_id)
    if entry is None:
        return None, None
    page = entry_page(entry.values)
    if page is None:
        return None, entry.page_region
    row = session.scalars(
        select(BookScan).where(BookScan.book_id == entry.book_id, BookScan.page == page)
    ).first()
    if row is None:
        return None, entry.page_region
    scan = PageScan(row.book_id, row.page, row.sha256, row.media_type, row.width, row.height)
    return scan, entry.page_region
