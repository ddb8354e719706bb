"""Keying errors found by verification, per 1,000 fields, as trends.

Each entry keyed twice measures two keyings: the completion it was compared
with (whoever completed it, when), and the second keying. Once the two
agree or the lead has decided between them, each keying counts the fields
compared, and an error for each field decided against it (both keyings err
when the lead typed a third value). A keying counts for its clerk, and for
the shift and the day in which it was keyed.

The figures are for coaching: each clerk's and each shift's rate over the
last days, and whether it went down or up against the week before, read
against its own past, not against the others. Too few fields make a rate
noise, so a trend needs ``ENOUGH_FIELDS`` in each week, and a change is
one of at least ``CHANGE`` of the earlier rate and 1 per 1,000, either way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import FieldDifference, User, Verification, VerificationState
from app.work.shifts import (
    DEFAULT_SHIFTS,
    OUTSIDE,
    Shift,
    day_bounds,
    local_offset,
    shift_of_local_time,
)

DAYS = 14  # the days a trend shows, the last ``WEEK`` against the ``WEEK`` before
WEEK = 7
# Fewer fields than this in a week (some 40 entries keyed twice), and one
# error more or less moves the rate by 1 per 1,000: it says little.
ENOUGH_FIELDS = 1000
# How far a week's rate must move from the week before to be a change.
CHANGE = 0.2


@dataclass(frozen=True)
class Rate:
    fields: int = 0
    errors: int = 0

    @property
    def per_thousand(self) -> float | None:
        """Errors per 1,000 fields; None when nothing was measured."""
        return 1000 * self.errors / self.fields if self.fields else None

    @property
    def enough(self) -> bool:
        return self.fields >= ENOUGH_FIELDS

    def __add__(self, other: Rate) -> Rate:
        return Rate(self.fields + other.fields, self.errors + other.errors)


class Direction(StrEnum):
    FEWER = "fewer"  # fewer errors than the week before
    MORE = "more"
    STEADY = "steady"
    UNKNOWN = "unknown"  # too few fields in one of the weeks


@dataclass(frozen=True)
class Trend:
    """A clerk's or a shift's rate, day by day over ``DAYS`` days."""

    daily: tuple[Rate, ...]

    @property
    def last_week(self) -> Rate:
        return sum(self.daily[-WEEK:], Rate())

    @property
    def week_before(self) -> Rate:
        return sum(self.daily[-2 * WEEK : -WEEK], Rate())

    @property
    def last_day(self) -> Rate:
        return self.daily[-1]

    @property
    def direction(self) -> Direction:
        now, before = self.last_week, self.week_before
        if not (now.enough and before.enough):
            return Direction.UNKNOWN
        rate, earlier = now.per_thousand or 0.0, before.per_thousand or 0.0
        if abs(rate - earlier) < max(CHANGE * earlier, 1):
            return Direction.STEADY
        return Direction.FEWER if rate < earlier else Direction.MORE


@dataclass(frozen=True)
class ClerkTrend:
    user_id: int
    username: str
    full_name: str
    trend: Trend


@dataclass(frozen=True)
class ErrorTrends:
    """The days ending with ``last_day``, per shift and per clerk."""

    days: tuple[date, ...]
    shifts: dict[int, Trend]  # by shift number; OUTSIDE for work outside them
    clerks: list[ClerkTrend]  # by name: a trend is read alone, not as a ranking

    @property
    def team(self) -> Trend:
        daily = zip(*(t.daily for t in self.shifts.values()), strict=True)
        return Trend(tuple(sum(day, Rate()) for day in daily) or (Rate(),) * len(self.days))


def error_trends(
    session: Session,
    last_day: date,
    shifts: tuple[Shift, ...] = DEFAULT_SHIFTS,
    days: int = DAYS,
) -> ErrorTrends:
    """Each shift's and each clerk's keying errors, day by day, over the
    ``days`` days ending with ``last_day`` (Vietnam dates)."""
    first_day = last_day - timedelta(days=days - 1)
    calendar = tuple(first_day + timedelta(days=n) for n in range(days))
    by_shift: dict[int, dict[date, Rate]] = {s.number: {} for s in shifts}
    by_clerk: dict[int, dict[date, Rate]] = defaultdict(dict)
    for user_id, day, number, rate in measured(session, first_day, last_day, shifts):
        for table, key in ((by_shift, number), (by_clerk, user_id)):
            days_of = table.setdefault(key, {})
            days_of[day] = days_of.get(day, Rate()) + rate
    users = session.scalars(select(User).where(User.id.in_(by_clerk))).all()
    return ErrorTrends(
        days=calendar,
        shifts={
            number: _trend(by_day, calendar)
            for number, by_day in sorted(by_shift.items())
            if number != OUTSIDE or by_day
        },
        clerks=sorted(
            (
                ClerkTrend(u.id, u.username, u.full_name, _trend(by_clerk[u.id], calendar))
                for u in users
            ),
            key=lambda c: (c.full_name or c.username).casefold(),
        ),
    )


def _trend(by_day: dict[date, Rate], calendar: Iterable[date]) -> Trend:
    return Trend(tuple(by_day.get(day, Rate()) for day in calendar))


def measured(
    session: Session, first_day: date, last_day: date, shifts: tuple[Shift, ...]
) -> Iterator[tuple[int, date, int, Rate]]:
    """The keyings made from ``first_day`` to ``last_day`` whose verification
    is done, added up in SQL per clerk, day and shift: (clerk, day, shift,
    fields and errors)."""
    since, until = day_bounds(first_day)[0], day_bounds(last_day)[1]
    # A second keying follows the first: both sides are found through the
    # index from the moment of the second. Each keying's Vietnam time is
    # worked out once, then cut into its day and its time of day.
    for keyer, at, side in (
        (Verification.first_keyer, Verification.first_keyed_at, "first"),
        (Verification.second_keyer, Verification.second_keyed_at, "second"),
    ):
        errors = (
            select(func.count())
            .where(
                FieldDifference.verification_id == Verification.id,
                FieldDifference.error_of.in_((side, "both")),
            )
            .scalar_subquery()
        )
        keyings = (
            select(
                keyer.label("keyer"),
                func.strftime("%Y-%m-%d %H:%M:%S", at, local_offset()).label("local"),
                Verification.fields_compared.label("fields"),
                errors.label("errors"),
            )
            .where(
                Verification.state == VerificationState.VERIFIED.value,
                Verification.second_keyed_at >= since,
                at >= since,
                at < until,
            )
            # Worked out once per keying, not again for each use below.
            .cte(f"{side}_keyings")
            .prefix_with("MATERIALIZED")
        )
        day = func.substr(keyings.c.local, 1, 10)
        shift = shift_of_local_time(func.substr(keyings.c.local, 12), shifts)
        for user_id, local_day, number, fields, made in session.execute(
            select(
                keyings.c.keyer,
                day,
                shift,
                func.sum(keyings.c.fields),
                func.sum(keyings.c.errors),
            ).group_by(keyings.c.keyer, day, shift)
        ):
            yield user_id, date.fromisoformat(local_day), number, Rate(fields or 0, made or 0)
