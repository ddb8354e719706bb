"""The day's shifts, in Vietnam time, and what a clerk completed in one.

Defaults are the campaign's: 06:00-12:00, 12:00-17:00, 17:00-22:00; the lead
may change them (app.work.settings). An entry counts for the shift in which
it was completed; work outside every shift counts for its day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from app.db.models import Entry
from app.system.clock import VIETNAM

OUTSIDE = 0  # the shift number of a moment outside every shift


@dataclass(frozen=True)
class Shift:
    number: int
    start: time
    end: time

    def contains(self, moment: time) -> bool:
        return self.start <= moment < self.end

    def bounds(self, day: date) -> tuple[datetime, datetime]:
        """The shift on ``day`` as a half-open interval of UTC moments."""
        return (
            datetime.combine(day, self.start, VIETNAM).astimezone(UTC),
            datetime.combine(day, self.end, VIETNAM).astimezone(UTC),
        )

    @property
    def hours(self) -> float:
        return (
            datetime.combine(date.min, self.end) - datetime.combine(date.min, self.start)
        ).total_seconds() / 3600


DEFAULT_SHIFTS = (
    Shift(1, time(6), time(12)),
    Shift(2, time(12), time(17)),
    Shift(3, time(17), time(22)),
)


def shift_at(moment: datetime, shifts: tuple[Shift, ...] = DEFAULT_SHIFTS) -> Shift | None:
    """The shift a moment falls in, in Vietnam time; None outside every shift."""
    local = moment.astimezone(VIETNAM).time()
    return next((s for s in shifts if s.contains(local)), None)


def local_offset() -> str:
    """SQLite's modifier from UTC to Vietnam time (no daylight saving there)."""
    offset = VIETNAM.utcoffset(datetime(2000, 1, 1))
    assert offset is not None  # a ZoneInfo has an offset for every moment
    hours = offset // timedelta(hours=1)
    return f"{hours:+d} hours"


def shift_of_local_time(
    local_time: ColumnElement[str], shifts: tuple[Shift, ...]
) -> ColumnElement[int]:
    """The number of the shift a Vietnam time of day ("HH:MM:SS") is in, in SQL."""
    return case(
        *[
            (
                and_(local_time >= s.start.isoformat(), local_time < s.end.isoformat()),
                s.number,
            )
            for s in shifts
        ],
        else_=OUTSIDE,
    )


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """A day in Vietnam as a half-open interval of UTC moments."""
    start = datetime.combine(day, time(0), VIETNAM)
    return start.astimezone(UTC), datetime.combine(
        date.fromordinal(day.toordinal() + 1), time(0), VIETNAM
    ).astimezone(UTC)


def completed_in_shift(
    session: Session,
    user_id: int,
    moment: datetime,
    shifts: tuple[Shift, ...] = DEFAULT_SHIFTS,
) -> int:
    """How many entries ``user_id`` completed in the shift ``moment`` falls in.

    Outside every shift, the count is of the day so far, so that overtime
    work is still shown to the clerk who does it.
    """
    shift = shift_at(moment, shifts)
    day = moment.astimezone(VIETNAM).date()
    if shift is None:
        start, end = day_bounds(day)[0], moment
    else:
        start, end = shift.bounds(day)
    return session.execute(
        select(func.count(Entry.id)).where(
            Entry.completed_at >= start,
            Entry.completed_at < end,
            Entry.completed_by == user_id,
        )
    ).scalar_one()  # a count is always one row
