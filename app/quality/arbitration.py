"""The lead's arbitration: the entries whose two blind keyings differ, the
oldest first, and the lead's decision on each.

The lead sees the differing fields as the form shows them (dates the
Vietnamese way), never who keyed what, and takes one of the two values or
types a third from the book. The decision itself, whose error it was and the
entry's correction, is :func:`app.quality.verification.arbitrate`'s.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Book, Entry, User, Verification, VerificationState
from app.entries.field_values import display_value
from app.quality.verification import arbitrate, differences
from app.rules import Assessment, FieldValue
from app.specs import BookKind, SourceStatus
from app.system.clock import Clock


@dataclass(frozen=True)
class Disagreement:
    """A field the two keyings differ on: each value as the form shows it,
    and as stored (``{"v": …, "s": …}``), which says what the book showed."""

    field: str
    first: str
    second: str
    first_stored: Mapping[str, Any]
    second_stored: Mapping[str, Any]

    def decided(self, typed: str) -> FieldValue:
        """The lead's value: what they typed, with the book's legibility as
        the keying they took said it; clear when they typed a third."""
        typed = typed.strip()
        for keyed, stored in ((self.first, self.first_stored), (self.second, self.second_stored)):
            if typed == keyed and "s" in stored:
                return FieldValue(typed, SourceStatus(stored["s"]))
        return FieldValue(typed, SourceStatus.CLEAR)


@dataclass(frozen=True)
class Arbitration:
    """An entry waiting for the lead: where it is in which book, and its
    differing fields in the order they were found."""

    verification_id: int
    kind: BookKind
    office: str
    volume: str
    year: int
    number: int | None
    fields: tuple[Disagreement, ...]

    def undecided(self, typed: Mapping[str, str]) -> list[str]:
        """The fields the lead left empty where a keying had a value."""
        return [
            d.field
            for d in self.fields
            if not typed.get(d.field, "").strip() and (d.first or d.second)
        ]


@dataclass(frozen=True)
class ArbitrationQueue:
    waiting: int  # entries waiting for a decision, the next one among them
    next: Arbitration | None  # the oldest; None when nothing waits


def arbitration_queue(session: Session) -> ArbitrationQueue:
    """How many entries wait for the lead, and the oldest of them."""
    waiting = list(
        session.scalars(
            select(Verification)
            .where(Verification.state == VerificationState.MISMATCH.value)
            .order_by(Verification.id)
        )
    )
    if not waiting:
        return ArbitrationQueue(0, None)
    verification = waiting[0]
    entry = session.get_one(Entry, verification.entry_id)
    book = session.get_one(Book, entry.book_id)
    fields = tuple(
        Disagreement(
            field=difference.field,
            first=display_value(book, difference.field, difference.first.get("v", "")),
            second=display_value(book, difference.field, difference.second.get("v", "")),
            first_stored=difference.first,
            second_stored=difference.second,
        )
        for difference in differences(session, verification)
    )
    return ArbitrationQueue(
        len(waiting),
        Arbitration(
            verification.id,
            BookKind(book.kind),
            book.office,
            book.volume,
            book.year,
            entry.number,
            fields,
        ),
    )


def decide(
    session: Session,
    arbitration: Arbitration,
    typed: Mapping[str, str],
    lead: User,
    clock: Clock,
) -> Assessment:
    """The lead's values, typed or taken from a keying, for every differing
    field: the entry takes them, validated as at the form, and is verified
    (unless the assessment says what is wrong)."""
    chosen = {d.field: d.decided(typed.get(d.field, "")) for d in arbitration.fields}
    verification = session.get_one(Verification, arbitration.verification_id)
    return arbitrate(session, verification, chosen, lead, clock)
