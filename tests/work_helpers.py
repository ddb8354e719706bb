"""Building a station's work in tests: clerks, books, entries at set moments."""

from __future__ import annotations

from datetime import date, datetime, time

from entries_factory import valid_entry
from sqlalchemy.orm import Session

from app.db.models import Book, DeferralReason, Role, User
from app.keying.save import SaveAction, save_entry
from app.specs import BookKind
from app.system.clock import VIETNAM
from app.work.queue import place_books


def local(day: date, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute, second), VIETNAM)


def add_user(session: Session, username: str, role: Role = Role.CLERK) -> User:
    user = User(username=username, full_name=username.title(), role=role.value, password_hash="-")
    session.add(user)
    session.flush()
    return user


def add_book(
    session: Session,
    kind: BookKind = BookKind.BIRTH,
    volume: str = "01",
    year: int = 2010,
    condition: str = "good",
    expected: int | None = 50,
) -> Book:
    book = Book(
        kind=kind.value,
        office="UBND xã Tân Lập",
        volume=volume,
        year=year,
        condition=condition,
        expected_entries=expected,
    )
    session.add(book)
    session.flush()
    place_books(session, [book])
    return book


def key_entry(
    session: Session,
    clock,
    book: Book,
    user: User,
    at: datetime,
    number: int,
    action: SaveAction = SaveAction.COMPLETE,
    reason: DeferralReason = DeferralReason.ILLEGIBLE,
):
    """Key entry ``number`` of ``book`` as ``user`` at ``at``, completed or
    deferred (for ``reason``)."""
    clock.moment = at
    outcome = save_entry(
        session,
        book=book,
        values=valid_entry(book.kind, number=str(number)),
        user=user,
        action=action,
        clock=clock,
        deferral_reason=reason if action is SaveAction.DEFER else None,
    )
    assert outcome.saved, outcome.assessment.errors
    return outcome.entry
