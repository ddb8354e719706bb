"""The work queue: which book a clerk keys next.

Books wait in ``queue_rank`` order. A new book takes its place by the
campaign's order: kind priority (births first), condition (easy first), year,
office, volume; the lead may then move a book up or down, or hold it. A
clerk's next book is the first one not finished, not held and not taken; a
book is keyed by one clerk at a time, and is theirs until they finish it, log
out, or the lead releases it. A clerk opens only their own book (the one they
hold, or one they left a draft in) or the next in the queue: the queue is the
campaign's order, so a clerk does not pick the easy books. A lead opens any.

A finished book leaves the queue, but its deferred entries stay in the lead's
backlog (app.work.backlog): the lead opens any of them where it is, without
taking the book (:func:`entry_book`), and may reopen a finished book.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from app.access import audit
from app.access.roles import is_lead, require_lead
from app.db.models import Book, BookCondition, Entry, EntryStatus, User
from app.specs import BookKind
from app.system.clock import Clock


class BookTaken(Exception):
    """Another clerk is keying this book."""

    def __init__(self, book_id: int, holder: User) -> None:
        super().__init__(f"book {book_id} is being keyed by {holder.username}")
        self.book_id = book_id
        # Plain values: the session the exception leaves is rolled back.
        self.holder_username = holder.username
        self.holder_name = holder.full_name or holder.username


class BookUnavailable(Exception):
    """The book is finished or held by the lead: no one may take it."""


class NotYourBook(Exception):
    """A clerk opens only their own book or the next in the queue."""

    def __init__(self, book_id: int) -> None:
        super().__init__(f"book {book_id} is neither the clerk's own nor the next in the queue")
        self.book_id = book_id


def campaign_order(book: Book) -> tuple[object, ...]:
    """Where a book belongs in the queue before the lead moves anything."""
    return (
        BookKind(book.kind).priority,
        list(BookCondition).index(BookCondition(book.condition)),
        book.year,
        book.office,
        _natural(book.volume),
    )


def _natural(text: str) -> tuple[object, ...]:
    """ "2" before "10": digits compare as numbers."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text))


def open_books(session: Session) -> list[Book]:
    """The books not finished yet, in queue order."""
    return list(
        session.scalars(
            select(Book).where(Book.finished_at.is_(None)).order_by(Book.queue_rank, Book.id)
        )
    )


def get_book(session: Session, book_id: int) -> Book:
    """The book ``book_id``: a window names the book it acts on by its id."""
    return session.get_one(Book, book_id)


def place_books(session: Session, books: Iterable[Book]) -> None:
    """Give new books their place in the queue by the campaign's order.

    Each goes right after the last open book that the campaign's order puts
    before it (or level with it), so that the lead's moves among the others
    stay as they were.
    """
    new = sorted(books, key=campaign_order)
    new_ids = {id(b) for b in new}
    queue = [b for b in open_books(session) if id(b) not in new_ids]
    # For a key k, the last queue position holding a key <= k: the running
    # maximum of the positions, with the queue sorted by key.
    by_key = sorted(range(len(queue)), key=lambda i: campaign_order(queue[i]))
    keys = [campaign_order(queue[i]) for i in by_key]
    last_at: list[int] = list(accumulate(by_key, max))
    after: dict[int, list[Book]] = {}
    for book in new:
        at = bisect_right(keys, campaign_order(book))
        after.setdefault(last_at[at - 1] if at else -1, []).append(book)
    merged = after.get(-1, [])
    for position, book in enumerate(queue):
        merged.append(book)
        merged.extend(after.get(position, []))
    _renumber(session, merged)


def _renumber(session: Session, books: list[Book]) -> None:
    base = session.scalar(select(Book.queue_rank).order_by(Book.queue_rank.desc()).limit(1)) or 0
    # Above every rank in use, so that finished books keep theirs unchanged.
    for offset, book in enumerate(books, start=1):
        if book.queue_rank != base + offset:
            book.queue_rank = base + offset
    session.flush()


def move_book(session: Session, user: User, book: Book, steps: int, *, clock: Clock) -> None:
    """Move an open book ``steps`` places down the queue (negative: up)."""
    require_lead(user, "reorder the queue")
    queue = open_books(session)
    if book not in queue:
        raise BookUnavailable("a finished book is not in the queue")
    at = queue.index(book)
    to = max(0, min(len(queue) - 1, at + steps))
    if to == at:
        return
    queue.insert(to, queue.pop(at))
    _renumber(session, queue)
    _record(session, clock, user, "book.moved", book, {"place": at + 1}, {"place": to + 1})


def hold_book(session: Session, user: User, book: Book, held: bool, *, clock: Clock) -> None:
    """Hold a book back from the clerks (or let it go again)."""
    require_lead(user, "hold a book")
    before = book.on_hold
    book.on_hold = held
    session.flush()
    if before != held:
        _record(session, clock, user, "book.held", book, {"held": before}, {"held": held})


def take_book(session: Session, user: User, book: Book, clock: Clock) -> Book:
    """``user`` keys ``book`` from now on; their other open book goes back.

    A clerk may take the book they left a draft in, or the next in the
    queue; a lead any open book. The claim is one conditional UPDATE, so
    that two clerks can never both take the same book.
    """
    if book.taken_by == user.id:
        return book
    if book.taken_by is not None:
        raise BookTaken(book.id, session.get_one(User, book.taken_by))
    if book.finished_at is not None or book.on_hold:
        raise BookUnavailable("the book is finished or held by the lead")
    if not is_lead(user) and not _may_take(session, user, book):
        raise NotYourBook(book.id)
    # An UPDATE without RETURNING runs on a cursor: its result is a
    # CursorResult, which Session.execute's types do not say.
    claimed = cast(
        CursorResult[Any],
        session.execute(
            update(Book)
            .where(Book.id == book.id, Book.taken_by.is_(None))
            .values(taken_by=user.id, taken_at=clock.now())
            .execution_options(synchronize_session=False)
        ),
    ).rowcount
    session.refresh(book)
    if not claimed:
        raise BookTaken(book.id, session.get_one(User, book.taken_by))
    session.execute(
        update(Book)
        .where(Book.taken_by == user.id, Book.id != book.id)
        .values(taken_by=None, taken_at=None)
        .execution_options(synchronize_session="fetch")
    )
    return book


def _may_take(session: Session, user: User, book: Book) -> bool:
    """Whether the clerk ``user`` may take ``book``: the next in the queue,
    or one they were keying (a draft of theirs waits in it)."""
    if book.id == _first_free(session):
        return True
    draft = select(Entry.id).where(
        Entry.book_id == book.id,
        Entry.status == EntryStatus.DRAFT.value,
        Entry.updated_by == user.id,
    )
    return session.scalar(draft.limit(1)) is not None


def _first_free(session: Session) -> int | None:
    """The book at the head of the queue that no one keys."""
    return session.scalar(
        select(Book.id)
        .where(Book.finished_at.is_(None), Book.taken_by.is_(None), Book.on_hold.is_(False))
        .order_by(Book.queue_rank, Book.id)
        .limit(1)
    )


def book_of(session: Session, user: User) -> Book | None:
    """The book ``user`` is keying, if any."""
    return session.scalars(
        select(Book).where(Book.taken_by == user.id, Book.finished_at.is_(None))
    ).first()


def next_book(session: Session, user: User, clock: Clock) -> Book | None:
    """The book ``user`` should key now: theirs, else the first free one."""
    mine = book_of(session, user)
    if mine is not None:
        return mine
    while True:
        candidate = _first_free(session)
        if candidate is None:
            return None
        try:
            return take_book(session, user, get_book(session, candidate), clock)
        except BookTaken:
            continue  # another clerk was quicker: try the next one


def release_books(session: Session, user: User) -> None:
    """``user`` stops keying (logs out): their book goes back to the queue."""
    session.execute(
        update(Book)
        .where(Book.taken_by == user.id)
        .values(taken_by=None, taken_at=None)
        .execution_options(synchronize_session="fetch")
    )


def release_book(session: Session, lead: User, book: Book, *, clock: Clock) -> None:
    """The lead takes a book back from whoever holds it (e.g. after a crash)."""
    require_lead(lead, "release a book")
    before = book.taken_by
    book.taken_by = None
    book.taken_at = None
    session.flush()
    if before is not None:
        _record(session, clock, lead, "book.released", book, {"taken_by": before}, None)


@dataclass(frozen=True)
class BookEnd:
    """What finishing a book would leave behind, for the clerk to be told
    before it leaves the queue."""

    deferred: int  # entries left for later: they stay in the lead's backlog
    drafts: int  # entries begun and never saved (or edits never saved)
    keyed: int  # entries completed or deferred
    expected: int | None  # as the inventory has it, if known

    @property
    def missing(self) -> int:
        """Entries fewer than expected (0 when the number is not known)."""
        return max(0, self.expected - self.keyed) if self.expected else 0

    @property
    def clean(self) -> bool:
        return not (self.deferred or self.drafts or self.missing)


def book_end(session: Session, book: Book) -> BookEnd:
    """Where ``book`` stands, as its kept counts say (no entry is read)."""
    session.refresh(book)  # the counts are kept by triggers, under the session's feet
    return BookEnd(
        deferred=book.deferred_entries,
        drafts=book.draft_entries,
        keyed=book.done_entries + book.deferred_entries,
        expected=book.expected_entries,
    )


def finish_book(session: Session, user: User, book: Book, clock: Clock) -> None:
    """The book is keyed to its end: it leaves the queue (its deferred
    entries stay in the lead's backlog)."""
    if book.taken_by not in (None, user.id):
        require_lead(user, "finish a book another clerk is keying")
    book.finished_at = clock.now()
    book.taken_by = None
    book.taken_at = None
    session.flush()
    _record(session, clock, user, "book.finished", book, None, None)


def reopen_book(session: Session, lead: User, book: Book, *, clock: Clock) -> None:
    """The lead puts a finished book back in the queue, at the place it had."""
    require_lead(lead, "reopen a finished book")
    if book.finished_at is None:
        return
    before = book.finished_at.isoformat()
    book.finished_at = None
    session.flush()
    _record(session, clock, lead, "book.reopened", book, {"finished_at": before}, None)


def entry_book(session: Session, user: User, entry: Entry, clock: Clock) -> tuple[Book, bool]:
    """The book ``user`` opens ``entry`` in, and whether they only visit it.

    In their own book a user keys on after the entry. A lead opens any
    entry where it is — a finished book, one held, one another clerk keys —
    without taking the book: a visit, for that entry alone (the deferred
    entries of the backlog, what the checks found); so does a clerk a
    deferred entry the lead handed them. Otherwise a clerk takes the book,
    as :func:`take_book` allows.
    """
    book = get_book(session, entry.book_id)
    if book.taken_by == user.id:
        return book, False
    handed = entry.status == EntryStatus.DEFERRED and entry.assigned_to == user.id
    if is_lead(user) or handed:
        return book, True
    return take_book(session, user, book, clock), False


def _record(
    session: Session,
    clock: Clock,
    user: User,
    action: str,
    book: Book,
    before: dict[str, object] | None,
    after: dict[str, object] | None,
) -> None:
    audit.record(
        session, clock, user=user, action=action, subject=f"book:{book.id}",
        before=before, after=after,
    )  # fmt: skip
