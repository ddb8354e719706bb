"""Counting the work: per day × shift × clerk × book kind × outcome.

An entry counts as *completed* in the shift, and for the person, of its first
completion (a later correction does not move it); as *deferred* in the shift
in which it was last left for later, even once it is completed. Shifts are
the station's (app.work.settings), in Vietnam time; work outside every shift
counts as shift 0 of its day.

A day and each of its shifts are ranges of UTC moments: the tally reads a
day at a time over the indexes on ``completed_at`` and ``deferred_at``, and
sorts its entries into shifts by comparing the moments as they are stored.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import cast

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from app.db.models import Book, Entry, EntryStatus, User, WorkSession
from app.specs import BookKind
from app.work import progress, settings
from app.work.shifts import OUTSIDE, Shift, day_bounds

DONE = (EntryStatus.COMPLETED.value, EntryStatus.VERIFIED.value, EntryStatus.EXPORTED.value)
PACE_DAYS = 7  # the projection's pace: entries per day over the last week


class Outcome(StrEnum):
    COMPLETED = "completed"
    DEFERRED = "deferred"


@dataclass(frozen=True)
class TallyRow:
    day: date
    shift: int
    user_id: int
    username: str
    kind: BookKind
    outcome: Outcome
    count: int


def tally(
    session: Session, first: date, last: date, shifts: tuple[Shift, ...] | None = None
) -> list[TallyRow]:
    """The counts of every day from ``first`` to ``last`` (Vietnam dates)."""
    shifts = shifts or settings.shifts(session)
    rows: list[TallyRow] = []
    for offset in range((last - first).days + 1):
        rows.extend(_day_rows(session, first + timedelta(days=offset), shifts))
    return sorted(rows, key=lambda r: (r.day, r.shift, r.username, r.kind.priority, r.outcome))


def _day_rows(session: Session, day: date, shifts: tuple[Shift, ...]) -> list[TallyRow]:
    """One day's counts. The day and its shifts are ranges of stored UTC
    moments, compared as they are stored: no date function runs per entry."""
    start, end = day_bounds(day)
    rows: list[TallyRow] = []
    for outcome, moment, who in (
        (Outcome.COMPLETED, Entry.completed_at, Entry.completed_by),
        (Outcome.DEFERRED, Entry.deferred_at, Entry.deferred_by),
    ):
        shift = case(
            *[
                (and_(moment >= shift_start, moment < shift_end), s.number)
                for s in shifts
                for shift_start, shift_end in [s.bounds(day)]
            ],
            else_=OUTSIDE,
        )
        query = (
            select(shift, who, User.username, Book.kind, func.count())
            .join(Book, Book.id == Entry.book_id)
            .join(User, User.id == who)
            .where(moment >= start, moment < end)
            .group_by(shift, who, Book.kind)
        )
        rows.extend(
            TallyRow(day, s, u, name, BookKind(k), outcome, n)
            for s, u, name, k, n in session.execute(query)
        )
    return rows


@dataclass
class ClerkShift:
    """One person's shift: what they did, against their quota, at what pace.

    Quotas apply to clerks: a lead or an admin who keys has no quota
    (``quota`` None); what they complete counts in the team's total only.
    """

    user_id: int
    username: str
    full_name: str
    quota: int | None
    completed: int = 0
    deferred: int = 0
    by_kind: dict[BookKind, int] = field(default_factory=dict)
    active_seconds: int = 0
    keystrokes: int = 0

    @property
    def percent_of_quota(self) -> float | None:
        """None for someone without a quota (a lead, an admin)."""
        return 100 * self.completed / self.quota if self.quota else None

    @property
    def entries_per_hour(self) -> float | None:
        """Completed entries per hour of active time; None before any."""
        if self.active_seconds < 60:
            return None
        return self.completed * 3600 / self.active_seconds

    @property
    def keystrokes_per_hour(self) -> float | None:
        if self.active_seconds < 60:
            return None
        return self.keystrokes * 3600 / self.active_seconds


@dataclass
class ShiftTally:
    """A shift of a day (``shift`` None: work outside every shift)."""

    day: date
    shift: Shift | None
    clerks: list[ClerkShift]
    # The moments entries were completed in it, in order: the pace line.
    completions: list[datetime] = field(default_factory=list)

    @property
    def number(self) -> int:
        return self.shift.number if self.shift else OUTSIDE

    @property
    def completed(self) -> int:
        return sum(c.completed for c in self.clerks)

    @property
    def deferred(self) -> int:
        return sum(c.deferred for c in self.clerks)

    @property
    def quota(self) -> int:
        """The quotas of the clerks who worked in it (a lead adds none)."""
        return sum(c.quota for c in self.clerks if c.quota is not None)

    @property
    def clerks_with_quota(self) -> int:
        return sum(1 for c in self.clerks if c.quota is not None)


def day_tally(
    session: Session,
    day: date,
    shifts: tuple[Shift, ...] | None = None,
    rows: list[TallyRow] | None = None,
) -> list[ShiftTally]:
    """Each shift of ``day`` with its people (those who did anything in it),
    and a last one for work outside the shifts when there was some.

    ``rows`` is the day's :func:`tally` when the caller has it already.
    """
    shifts = shifts or settings.shifts(session)
    rows = rows if rows is not None else tally(session, day, day, shifts)
    sessions = session.execute(
        select(
            WorkSession.shift,
            WorkSession.user_id,
            WorkSession.active_seconds,
            WorkSession.keystrokes,
        ).where(WorkSession.day == day)
    ).all()
    users = {u.id: u for u in session.scalars(select(User))}
    team_quota = settings.quotas(session).clerk_shift
    clerks: dict[tuple[int, int], ClerkShift] = {}

    def clerk(shift: int, user_id: int) -> ClerkShift:
        key = (shift, user_id)
        if key not in clerks:
            user = users[user_id]
            clerks[key] = ClerkShift(
                user_id, user.username, user.full_name, settings.quota_of(user, team_quota)
            )
        return clerks[key]

    for row in rows:
        c = clerk(row.shift, row.user_id)
        if row.outcome is Outcome.COMPLETED:
            c.completed += row.count
            c.by_kind[row.kind] = c.by_kind.get(row.kind, 0) + row.count
        else:
            c.deferred += row.count
    for shift_number, user_id, active, keys in sessions:
        c = clerk(shift_number, user_id)
        c.active_seconds += active
        c.keystrokes += keys
    result = []
    for shift in (*shifts, None):
        number = shift.number if shift else OUTSIDE
        members = sorted(
            (c for (s, _), c in clerks.items() if s == number), key=lambda c: c.username
        )
        if shift is None and not members:
            continue
        result.append(ShiftTally(day, shift, members))
    return result


def shift_tally(
    session: Session,
    day: date,
    shift: Shift,
    shifts: tuple[Shift, ...] | None = None,
    of_day: list[ShiftTally] | None = None,
) -> ShiftTally:
    """One shift of a day, with the moments of its completions for the pace line.

    ``of_day`` is the day's tally when the caller has it already.
    """
    of_day = of_day if of_day is not None else day_tally(session, day, shifts)
    this = next(t for t in of_day if t.shift == shift)
    start, end = shift.bounds(day)
    this.completions = list(
        session.scalars(
            select(Entry.completed_at)
            .where(Entry.completed_at >= start, Entry.completed_at < end)
            .order_by(Entry.completed_at)
        )
    )
    return this


@dataclass(frozen=True)
class CampaignProgress:
    """How far the campaign has come against the inventory's expected entries."""

    target: int
    done: int
    per_day: list[tuple[date, int]]  # entries completed each day, in order
    pace: float  # entries per day over the last PACE_DAYS days
    projected_finish: date | None
    deadline: date | None

    @property
    def percent(self) -> float:
        return 100 * self.done / self.target if self.target else 0.0

    @property
    def remaining(self) -> int:
        return max(0, self.target - self.done)

    @property
    def on_time(self) -> bool | None:
        """Whether the projection meets the deadline; None without one of them."""
        if self.deadline is None or self.projected_finish is None:
            return None
        return self.projected_finish <= self.deadline


def campaign_progress(session: Session, today: date) -> CampaignProgress:
    """Target, done, the history per day, the pace and the projected finish,
    as they stood at the end of ``today`` (a report of a past day leaves out
    what was done after it).

    The target is the sum of the books' expected entries; a book registered
    without that number counts for the entries keyed in it so far.
    """
    # Both read from the index on expected_entries, not the books' rows.
    # A sum is one row, and its COALESCE with 0 is never NULL: an int.
    expected = cast(int, session.scalar(select(func.coalesce(func.sum(Book.expected_entries), 0))))
    # Few books lack the number: count their entries book by book, through
    # the index on book_id, never over the whole entries table.
    unplanned_books = session.scalars(select(Book.id).where(Book.expected_entries.is_(None))).all()
    unplanned = sum(
        session.scalar(
            select(func.count(Entry.id)).where(Entry.book_id == book_id, Entry.status.in_(DONE))
        )
        for book_id in unplanned_books
    )
    per_day = [(d, n) for d, n in progress.per_day(session) if d <= today]
    done = sum(n for _, n in per_day)
    week_start = today - timedelta(days=PACE_DAYS - 1)
    pace = sum(n for d, n in per_day if week_start <= d <= today) / PACE_DAYS
    target = expected + unplanned
    remaining = max(0, target - done)
    if remaining == 0:
        finish: date | None = today
    elif pace > 0:
        finish = today + timedelta(days=math.ceil(remaining / pace))
    else:
        finish = None
    return CampaignProgress(target, done, per_day, pace, finish, settings.deadline(session))


def kind_counts(rows: list[TallyRow], outcome: Outcome = Outcome.COMPLETED) -> dict[BookKind, int]:
    """Totals per book kind of some tally rows."""
    totals: dict[BookKind, int] = defaultdict(int)
    for row in rows:
        if row.outcome is outcome:
            totals[row.kind] += row.count
    return dict(totals)
