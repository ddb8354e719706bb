"""Where an entry stands in its book: its number, year and registration
date, and how the number sits among the book's other entries.

The form says at each save whether the number is taken, skips ahead or
comes back, and whether its date is before the one numbered before it: one
statement, read from the index on (book, year, number), finds all of it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BindParameter, ColumnElement, Select, bindparam, exists, select
from sqlalchemy.orm import Session

from app.db.models import Book, Entry, EntryStatus
from app.rules import Assessment, Finding, Neighbour, check_sequence
from app.values.dates import PartialDate


def position(book: Book, assessment: Assessment) -> tuple[int | None, int, PartialDate | None]:
    """Number, numbering year and registration date, where they can be read."""
    broken = {f.field for f in assessment.errors}
    number_text = assessment.values["number"].value
    number = int(number_text) if number_text and "number" not in broken else None
    date_text = assessment.values["registration_date"].value
    registration_date = (
        PartialDate.from_iso(date_text) if date_text and "registration_date" not in broken else None
    )
    year = registration_date.year if registration_date else book.year
    return number, year, registration_date


def number_findings(
    session: Session,
    book: Book,
    entry: Entry | None,
    number: int,
    year: int,
    registration_date: PartialDate | None,
) -> list[Finding]:
    """What the book's other entries say of ``number``: taken, out of
    sequence, or registered before the entry numbered before it."""
    row = session.execute(
        _SEQUENCE,
        {
            "book": book.id,
            "year": year,
            "number": number,
            "entry": entry.id if entry is not None and entry.id is not None else 0,
        },
    ).one()
    taken, highest, before, before_date, after, after_date = row
    return check_sequence(
        number,
        year,
        registration_date,
        taken=bool(taken),
        highest=highest,
        previous=_neighbour(before, before_date),
        following=_neighbour(after, after_date),
    )


def _neighbour(number: int | None, registration_date: str | None) -> Neighbour | None:
    """The nearest other entry on one side of a number, with its date."""
    if number is None:
        return None
    return Neighbour(number, PartialDate.from_iso(registration_date) if registration_date else None)


def _sequence_query() -> Select[*tuple[Any, ...]]:
    """Where a number stands among the other numbered entries of its book
    and year, in one statement read from the index on (book, year, number):
    whether it is taken, the highest, and the nearest on each side with its
    date. Built once; run at every save."""
    number: BindParameter[int] = bindparam("number")
    others = (
        Entry.book_id == bindparam("book"),
        Entry.year == bindparam("year"),
        Entry.status != EntryStatus.DRAFT.value,
        Entry.number.is_not(None),
        Entry.id != bindparam("entry"),
    )

    def nearest(column: Any, *where: ColumnElement[bool], descending: bool) -> Any:
        order = (Entry.number.desc(), Entry.id.desc()) if descending else (Entry.number, Entry.id)
        return select(column).where(*others, *where).order_by(*order).limit(1).scalar_subquery()

    return select(
        exists().where(*others, Entry.number == number),
        nearest(Entry.number, descending=True),
        nearest(Entry.number, Entry.number < number, descending=True),
        nearest(Entry.registration_date, Entry.number < number, descending=True),
        nearest(Entry.number, Entry.number > number, descending=False),
        nearest(Entry.registration_date, Entry.number > number, descending=False),
    )


_SEQUENCE = _sequence_query()
