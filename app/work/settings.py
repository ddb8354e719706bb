"""What the lead sets for the station: shift hours, quotas, the deadline.

Each setting is one row of the ``settings`` table, read with its default
when the lead never set it. Changing one is a lead's action.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum
from itertools import pairwise
from typing import Any

from sqlalchemy.orm import Session

from app.db.models import Setting, User
from app.roles import require_lead
from app.work.shifts import DEFAULT_SHIFTS, Shift


class Problem(StrEnum):
    NO_SHIFT = "no_shift"
    SHIFT_BACKWARDS = "shift_backwards"
    SHIFTS_OVERLAP = "shifts_overlap"
    QUOTA_NOT_POSITIVE = "quota_not_positive"


class InvalidSetting(ValueError):
    """A setting the station cannot work with: the message says why in
    English, ``problem`` and ``at`` (the hours concerned) let a window say it
    in the clerk's language."""

    def __init__(self, problem: Problem, message: str, at: tuple[time, ...] = ()) -> None:
        super().__init__(message)
        self.problem = problem
        self.at = at


@dataclass(frozen=True)
class Quotas:
    """Entries expected: of each clerk in a shift, of the team in a day."""

    clerk_shift: int = 150
    team_day: int = 1800


def _read(session: Session, key: str) -> Any:
    row = session.get(Setting, key)
    return None if row is None else row.value


def _write(session: Session, key: str, value: Any) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    session.flush()


def shifts(session: Session) -> tuple[Shift, ...]:
    """The station's shifts, numbered from 1 in the order of the day."""
    stored = _read(session, "shifts")
    if stored is None:
        return DEFAULT_SHIFTS
    return tuple(
        Shift(number, time.fromisoformat(start), time.fromisoformat(end))
        for number, (start, end) in enumerate(stored, start=1)
    )


def set_shifts(session: Session, user: User, hours: list[tuple[time, time]]) -> tuple[Shift, ...]:
    """Set the shifts' hours: each starts before it ends, none overlaps the next."""
    require_lead(user, "change the shifts")
    if not hours:
        raise InvalidSetting(Problem.NO_SHIFT, "there must be at least one shift")
    ordered = sorted(hours)
    for start, end in ordered:
        if start >= end:
            raise InvalidSetting(
                Problem.SHIFT_BACKWARDS,
                f"a shift must end after it starts: {start:%H:%M}-{end:%H:%M}",
                (start, end),
            )
    for (_, end), (start, _) in pairwise(ordered):
        if start < end:
            raise InvalidSetting(
                Problem.SHIFTS_OVERLAP, f"two shifts overlap at {start:%H:%M}", (start,)
            )
    _write(
        session, "shifts", [[s.isoformat("minutes"), e.isoformat("minutes")] for s, e in ordered]
    )
    return shifts(session)


def quotas(session: Session) -> Quotas:
    stored = _read(session, "quotas") or {}
    return Quotas(**stored)


def set_quotas(session: Session, user: User, clerk_shift: int, team_day: int) -> Quotas:
    require_lead(user, "change the quotas")
    if clerk_shift <= 0 or team_day <= 0:
        raise InvalidSetting(
            Problem.QUOTA_NOT_POSITIVE, "a quota is a number of entries above zero"
        )
    _write(session, "quotas", {"clerk_shift": clerk_shift, "team_day": team_day})
    return quotas(session)


def clerk_quota(session: Session, user: User) -> int:
    """The entries ``user`` is expected to complete in a shift."""
    return user.shift_quota or quotas(session).clerk_shift


def set_clerk_quota(session: Session, lead: User, clerk: User, quota: int | None) -> None:
    """Give ``clerk`` a quota of their own, or (None) the team's again."""
    require_lead(lead, "change a clerk's quota")
    if quota is not None and quota <= 0:
        raise InvalidSetting(
            Problem.QUOTA_NOT_POSITIVE, "a quota is a number of entries above zero"
        )
    clerk.shift_quota = quota
    session.flush()


def deadline(session: Session) -> date | None:
    """The day the campaign must be keyed by, if the lead set one."""
    stored = _read(session, "deadline")
    return None if stored is None else date.fromisoformat(stored)


def set_deadline(session: Session, user: User, day: date | None) -> None:
    require_lead(user, "change the deadline")
    _write(session, "deadline", None if day is None else day.isoformat())
