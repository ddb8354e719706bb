"""A clerk's second keying as the window takes it: the next entry waiting
for them, shown blind, and their keying handed in.

The comparison of the two keyings, and what the clerk may and may not see,
are :mod:`app.quality.verification`'s; this is the clerk's side of it, one
call per step, by the verification's id.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.db.models import Book, User, Verification
from app.quality.verification import SecondKeying, blind_form, blind_start, key_again, take_next
from app.rules import FieldValue
from app.system.clock import Clock


@dataclass(frozen=True)
class BlindKeying:
    """An entry to key again: its book (read-only), what the form starts
    with, and which of those fields are the book's reference, not keyed."""

    verification_id: int
    book: Book
    start: dict[str, FieldValue]
    reference: tuple[str, ...]

    @property
    def number(self) -> str:
        """The entry's number in its book, as the clerk finds it ("?" if none)."""
        return self.start["number"].value if "number" in self.reference else "?"


def next_blind_keying(session: Session, clerk: User) -> BlindKeying | None:
    """The oldest entry waiting for a second keying that ``clerk`` did not
    complete, now theirs until they key it; None when none waits."""
    verification = take_next(session, clerk)
    if verification is None:
        return None
    book, shown = blind_form(session, verification)
    return BlindKeying(verification.id, book, blind_start(book) | shown, tuple(shown))


def hand_in(
    session: Session,
    verification_id: int,
    values: Mapping[str, FieldValue],
    clerk: User,
    clock: Clock,
) -> SecondKeying:
    """``clerk``'s keying of the entry, compared with the first."""
    verification = session.get_one(Verification, verification_id)
    return key_again(session, verification, values, clerk, clock)
