"""A book's numbering, checked across its entries (issue 6).

Each register numbers its entries from 1 within each year, in the order of
registration. Across the entries keyed so far: a number keyed twice, a
number skipped between two that were keyed, and a registration dated before
the one numbered before it are each something a lead should look at (the
form warns of each at the save; this finds them all at once, in SQL).
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from app.db.models import Entry, EntryStatus
from app.quality.check_kinds import (
    CheckKind,
    DatesOutOfOrderDetail,
    Found,
    NumberRepeatedDetail,
    NumberSkippedDetail,
)

FULL_DATE = 10  # "YYYY-MM-DD": a date that can be put in order


def sequence_findings(session: Session) -> Iterator[Found]:
    """Numbers keyed twice, numbers skipped, registrations out of order."""
    yield from _repeated(session)
    yield from _gaps_and_order(session)


def _keyed():
    return (
        select(Entry)
        .where(Entry.status != EntryStatus.DRAFT.value, Entry.number.is_not(None))
        .subquery()
    )


def _repeated(session: Session) -> Iterator[Found]:
    keyed = _keyed()
    rows = session.execute(
        select(keyed.c.book_id, keyed.c.year, keyed.c.number, func.group_concat(keyed.c.id))
        .group_by(keyed.c.book_id, keyed.c.year, keyed.c.number)
        .having(func.count() > 1)
        .order_by(keyed.c.book_id, keyed.c.year, keyed.c.number)
    )
    for book_id, year, number, ids in rows:
        yield Found(
            NumberRepeatedDetail(year, number),
            f"{CheckKind.NUMBER_REPEATED}:{book_id}:{year}:{number}",
            tuple(sorted(int(i) for i in ids.split(","))),
            book_id,
        )


def _gaps_and_order(session: Session) -> Iterator[Found]:
    keyed = _keyed()
    window = {"partition_by": (keyed.c.book_id, keyed.c.year), "order_by": keyed.c.number}
    ordered = select(
        keyed.c.id,
        keyed.c.book_id,
        keyed.c.year,
        keyed.c.number,
        keyed.c.registration_date,
        func.lag(keyed.c.id).over(**window).label("before_id"),
        func.lag(keyed.c.number).over(**window).label("before_number"),
        func.lag(keyed.c.registration_date).over(**window).label("before_date"),
    ).subquery()
    rows = session.execute(
        select(ordered)
        .where(
            ordered.c.before_number.is_not(None),
            (ordered.c.number - ordered.c.before_number > 1)
            | and_(
                func.length(ordered.c.registration_date) == FULL_DATE,
                func.length(ordered.c.before_date) == FULL_DATE,
                ordered.c.registration_date < ordered.c.before_date,
            ),
        )
        .order_by(ordered.c.book_id, ordered.c.year, ordered.c.number)
    )
    for row in rows:
        pair = (row.before_id, row.id)
        if row.number - row.before_number > 1:
            first, last = row.before_number + 1, row.number - 1
            yield Found(
                NumberSkippedDetail(row.year, first, last),
                f"{CheckKind.NUMBER_SKIPPED}:{row.book_id}:{row.year}:{first}-{last}",
                pair,
                row.book_id,
            )
        if (
            row.registration_date
            and row.before_date
            and len(row.registration_date) == len(row.before_date) == FULL_DATE
            and row.registration_date < row.before_date
        ):
            yield Found(
                DatesOutOfOrderDetail(
                    row.year,
                    (row.before_number, row.number),
                    (row.before_date, row.registration_date),
                ),
                f"{CheckKind.DATES_OUT_OF_ORDER}:{row.before_id}:{row.id}",
                pair,
                row.book_id,
            )
