"""The day's shifts, in Vietnam time, and what a clerk completed in one.

Defaults are the campaign's: 06:00-12:00, 12:00-17:00, 17:00-22:00. An entry
counts for the shift in which it was completed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import VIETNAM
from app.db.models import Entry


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


DEFAULT_SHIFTS = (
    Shift(1, time(6), time(12)),
    Shift(2, time(12), time(17)),
    Shift(3, time(17), time(22)),
)


def shift_at(moment: datetime, shifts: tuple[Shift, ...] = DEFAULT_SHIFTS) -> Shift | None:
    """The shift a moment falls in, in Vietnam time; None outside every shift."""
    local = moment.astimezone(VIETNAM).time()
    return next((s for s in shifts if s.contains(local)), None)


def completed_in_shift(session: Session, user_id: int, moment: datetime) -> int:
    """How many entries ``user_id`` completed in the shift ``moment`` falls in.

    Outside every shift, the count is of the day so far, so that overtime
    work is still shown to the clerk who does it.
    """
    shift = shift_at(moment)
    day = moment.astimezone(VIETNAM).date()
    if shift is None:
        start = datetime.combine(day, time(0), VIETNAM).astimezone(UTC)
        end = moment
    else:
        start, end = shift.bounds(day)
    return session.scalar(
        select(func.count(Entry.id)).where(
            Entry.completed_at >= start,
            Entry.completed_at < end,
            Entry.completed_by == user_id,
        )
    )
