"""The station at a glance: every book with how far its keying has come."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.db.models import Book, BookCondition, Entry, EntryStatus
from app.specs import BookKind


@dataclass(frozen=True)
class BookProgress:
    book_id: int
    kind: BookKind
    office: str
    volume: str
    year: int
    expected: int | None
    done: int  # completed, verified or exported
    deferred: int
    drafts: int
    condition: BookCondition = BookCondition.GOOD


def book_progress(session: Session) -> list[BookProgress]:
    """Every book in queue order (DESIGN.md §5): kind priority, then condition
    (easy books first), then year, office and volume."""

    def count(*statuses: EntryStatus) -> object:
        return func.count(case((Entry.status.in_([s.value for s in statuses]), 1)))

    rows = session.execute(
        select(
            Book.id,
            Book.kind,
            Book.office,
            Book.volume,
            Book.year,
            Book.expected_entries,
            count(EntryStatus.COMPLETED, EntryStatus.VERIFIED, EntryStatus.EXPORTED),
            count(EntryStatus.DEFERRED),
            count(EntryStatus.DRAFT),
            Book.condition,
        )
        .outerjoin(Entry, Entry.book_id == Book.id)
        .group_by(Book.id)
    ).all()
    books = [BookProgress(r[0], BookKind(r[1]), *r[2:9], BookCondition(r[9])) for r in rows]
    ease = list(BookCondition)
    return sorted(
        books,
        key=lambda b: (b.kind.priority, ease.index(b.condition), b.year, b.office, b.volume),
    )


@dataclass(frozen=True)
class EntryLine:
    """One entry of a book as its list shows it."""

    entry_id: int
    year: int
    number: int | None
    title: str
    status: EntryStatus


def entries_of_book(session: Session, book_id: int) -> list[EntryLine]:
    """The entries of a book in book order: year, then number."""
    rows = session.execute(
        select(Entry.id, Entry.year, Entry.number, Entry.title, Entry.status)
        .where(Entry.book_id == book_id)
        .order_by(Entry.year, Entry.number.nulls_last(), Entry.id)
    ).all()
    return [EntryLine(r[0], r[1], r[2], r[3], EntryStatus(r[4])) for r in rows]
