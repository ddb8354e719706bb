"""The count of entries completed each day, kept as entries are saved.

Every change of an entry's ``completed_at`` goes through :func:`completion_moved`
(app.entries.store does it), so that ``daily_done`` always equals a recount of the
entries; :func:`recount` makes that recount, to fill the table after a bulk
load and to let ``sohoa check`` prove it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import bindparam, delete, func, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.db.models import DailyDone, Entry
from app.system.clock import VIETNAM


def completion_moved(session: Session, before: datetime | None, after: datetime | None) -> None:
    """An entry's completion moment changed from ``before`` to ``after``."""
    if before == after:
        return
    if before is not None:
        _add(session, before.astimezone(VIETNAM).date(), -1)
    if after is not None:
        _add(session, after.astimezone(VIETNAM).date(), +1)


def _add(session: Session, day: date, count: int) -> None:
    session.execute(_ADD, {"day": day, "count": count})


# One statement, whether the day has a row yet or not.
_ADD = (
    sqlite_insert(DailyDone)
    .values(day=bindparam("day"), entries=bindparam("count"))
    .on_conflict_do_update(
        index_elements=[DailyDone.day],
        set_={"entries": DailyDone.entries + bindparam("count")},
    )
)


def per_day(session: Session) -> list[tuple[date, int]]:
    """Entries completed each day that had any, in order."""
    return [
        (day, entries)
        for day, entries in session.execute(
            select(DailyDone.day, DailyDone.entries)
            .where(DailyDone.entries != 0)
            .order_by(DailyDone.day)
        )
    ]


def recount(session: Session) -> list[tuple[date, int]]:
    """The same, counted from the entries themselves."""
    day = func.date(Entry.completed_at, "+7 hours")  # Vietnam: UTC+7 all year
    return [
        (date.fromisoformat(d), n)
        for d, n in session.execute(
            select(day, func.count())
            .where(Entry.completed_at.is_not(None))
            .group_by(day)
            .order_by(day)
        )
    ]


def rebuild(session: Session) -> None:
    """Replace the kept counts by a recount."""
    session.execute(delete(DailyDone))
    rows = [{"day": d, "entries": n} for d, n in recount(session)]
    if rows:
        session.execute(insert(DailyDone), rows)
