"""The station at a glance: every book with how far its keying has come."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Book, BookCondition, Entry, EntryStatus, User
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
    on_hold: bool = False
    taken_by: str | None = None  # the user name of the clerk keying it
    finished: bool = False


def book_progress(session: Session) -> list[BookProgress]:
    """Every book: the queue first, in its order (app.work.queue), then the
    finished books, the latest finished first."""

    # Each column is labelled with the field of BookProgress it fills.
    rows = session.execute(
        select(
            Book.id.label("book_id"),
            Book.kind,
            Book.office,
            Book.volume,
            Book.year,
            Book.expected_entries.label("expected"),
            Book.done_entries.label("done"),
            Book.deferred_entries.label("deferred"),
            Book.draft_entries.label("drafts"),
            Book.condition,
            Book.on_hold,
            User.username.label("taken_by"),
            Book.finished_at.is_not(None).label("finished"),
        )
        .outerjoin(User, User.id == Book.taken_by)
        .order_by(
            Book.finished_at.is_not(None),
            Book.finished_at.desc(),
            Book.queue_rank,
            Book.id,
        )
    ).all()
    return [
        BookProgress(
            **row._asdict()
            | {"kind": BookKind(row.kind), "condition": BookCondition(row.condition)}
        )
        for row in rows
    ]


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
