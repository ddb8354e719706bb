"""A clerk's active time and keystrokes in each shift, as census keying counts.

The window tells the meter of every key press; the time between two presses
counts as active unless it is longer than the idle limit (a break, a talk
with the lead, a page hard to read for minutes). What the meter gathered is
added to the clerk's work session of that day and shift when it is flushed,
so a crash loses at most the last few seconds of statistics, never an entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import User, WorkSession
from app.system.clock import VIETNAM
from app.work.shifts import OUTSIDE, Shift, shift_at

IDLE_LIMIT = timedelta(minutes=3)


@dataclass
class _Pending:
    active: timedelta
    keystrokes: int
    first_at: datetime
    last_at: datetime


class ActivityMeter:
    """Counts one clerk's keystrokes and active time until it is flushed."""

    def __init__(self, shifts: tuple[Shift, ...], idle_limit: timedelta = IDLE_LIMIT) -> None:
        self.shifts = shifts
        self.idle_limit = idle_limit
        self._last: datetime | None = None
        self._pending: dict[tuple[date, int], _Pending] = {}

    def key_pressed(self, moment: datetime, count: int = 1) -> None:
        """Note ``count`` key presses at ``moment``."""
        shift = shift_at(moment, self.shifts)
        bucket = (moment.astimezone(VIETNAM).date(), shift.number if shift else OUTSIDE)
        pending = self._pending.get(bucket)
        if pending is None:
            pending = self._pending[bucket] = _Pending(timedelta(0), 0, moment, moment)
        if self._last is not None and timedelta(0) < moment - self._last <= self.idle_limit:
            pending.active += moment - self._last
        pending.keystrokes += count
        pending.last_at = moment
        self._last = moment

    def flush(self, session: Session, user: User) -> None:
        """Add what was gathered to ``user``'s work sessions, and start afresh."""
        for (day, shift), pending in self._pending.items():
            row = session.scalars(
                select(WorkSession).where(
                    WorkSession.user_id == user.id,
                    WorkSession.day == day,
                    WorkSession.shift == shift,
                )
            ).first()
            if row is None:
                row = WorkSession(
                    user_id=user.id,
                    day=day,
                    shift=shift,
                    active_seconds=0,
                    keystrokes=0,
                    first_at=pending.first_at,
                )
                session.add(row)
            row.active_seconds += round(pending.active.total_seconds())
            row.keystrokes += pending.keystrokes
            row.last_at = pending.last_at
        session.flush()
        self._pending.clear()
