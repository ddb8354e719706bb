"""What the lead sets for the station: shift hours, quotas, the deadline,
the station's own commune.

Each setting is one row of the ``settings`` table, read with its default
when the lead never set it. Changing one is a lead's action, kept in the
audit log with the value before and after.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum
from itertools import pairwise
from typing import Any

from sqlalchemy.orm import Session

from app.access import audit
from app.access.roles import require_lead
from app.db.models import Role, Setting, User
from app.reference import gazetteer
from app.system.clock import Clock
from app.work.shifts import DEFAULT_SHIFTS, Shift


class Problem(StrEnum):
    NO_SHIFT = "no_shift"
    SHIFT_BACKWARDS = "shift_backwards"
    SHIFTS_OVERLAP = "shifts_overlap"
    QUOTA_NOT_POSITIVE = "quota_not_positive"
    IDLE_OUT_OF_RANGE = "idle_out_of_range"
    NOT_A_COMMUNE = "not_a_commune"


# A screen left alone locks itself: long enough not to interrupt a clerk
# reading a hard page, short enough that nobody keys in another's name.
DEFAULT_IDLE_MINUTES = 10
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 60


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


def write_setting(session: Session, key: str, value: Any, user: User, clock: Clock) -> None:
    """Store setting ``key``; a change is recorded in the audit log."""
    row = session.get(Setting, key)
    before = None if row is None else row.value
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    session.flush()
    if before != value:
        audit.record(
            session, clock, user=user, action="setting.changed", subject=f"setting:{key}",
            before={"value": before}, after={"value": value},
        )  # fmt: skip


def shifts(session: Session) -> tuple[Shift, ...]:
    """The station's shifts, numbered from 1 in the order of the day."""
    stored = _read(session, "shifts")
    if stored is None:
        return DEFAULT_SHIFTS
    return tuple(
        Shift(number, time.fromisoformat(start), time.fromisoformat(end))
        for number, (start, end) in enumerate(stored, start=1)
    )


def set_shifts(
    session: Session, user: User, hours: list[tuple[time, time]], *, clock: Clock
) -> tuple[Shift, ...]:
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
    write_setting(
        session,
        "shifts",
        [[s.isoformat("minutes"), e.isoformat("minutes")] for s, e in ordered],
        user,
        clock,
    )
    return shifts(session)


def quotas(session: Session) -> Quotas:
    stored = _read(session, "quotas") or {}
    return Quotas(**stored)


def set_quotas(
    session: Session, user: User, clerk_shift: int, team_day: int, *, clock: Clock
) -> Quotas:
    require_lead(user, "change the quotas")
    if clerk_shift <= 0 or team_day <= 0:
        raise InvalidSetting(
            Problem.QUOTA_NOT_POSITIVE, "a quota is a number of entries above zero"
        )
    write_setting(
        session, "quotas", {"clerk_shift": clerk_shift, "team_day": team_day}, user, clock
    )
    return quotas(session)


def clerk_quota(session: Session, user: User) -> int | None:
    """The entries ``user`` is expected to complete in a shift; None for a
    lead or an admin (see :func:`quota_of`)."""
    return quota_of(user, quotas(session).clerk_shift)


def quota_of(user: User, team_quota: int) -> int | None:
    """``user``'s quota per shift: their own, else the team's. Quotas apply
    to clerks: a lead or an admin who keys adds entries to the team's total
    and no quota to it, or the team would owe a clerk's share for each key
    the lead presses."""
    if user.role != Role.CLERK.value:
        return None
    return user.shift_quota or team_quota


def set_clerk_quota(
    session: Session, lead: User, clerk: User, quota: int | None, *, clock: Clock
) -> None:
    """Give ``clerk`` a quota of their own, or (None) the team's again."""
    require_lead(lead, "change a clerk's quota")
    if quota is not None and quota <= 0:
        raise InvalidSetting(
            Problem.QUOTA_NOT_POSITIVE, "a quota is a number of entries above zero"
        )
    before = clerk.shift_quota
    clerk.shift_quota = quota
    session.flush()
    if before != quota:
        audit.record(
            session, clock, user=lead, action="quota.changed", subject=f"user:{clerk.username}",
            before={"shift_quota": before}, after={"shift_quota": quota},
        )  # fmt: skip


def deadline(session: Session) -> date | None:
    """The day the campaign must be keyed by, if the lead set one."""
    stored = _read(session, "deadline")
    return None if stored is None else date.fromisoformat(stored)


def set_deadline(session: Session, user: User, day: date | None, *, clock: Clock) -> None:
    require_lead(user, "change the deadline")
    write_setting(session, "deadline", None if day is None else day.isoformat(), user, clock)


def idle_minutes(session: Session) -> int:
    """Minutes without a key or a click before the window locks itself."""
    stored = _read(session, "idle_minutes")
    return DEFAULT_IDLE_MINUTES if stored is None else int(stored)


def set_idle_minutes(session: Session, user: User, minutes: int, *, clock: Clock) -> None:
    require_lead(user, "change when idle screens lock")
    if not MIN_IDLE_MINUTES <= minutes <= MAX_IDLE_MINUTES:
        raise InvalidSetting(
            Problem.IDLE_OUT_OF_RANGE,
            f"an idle screen locks after {MIN_IDLE_MINUTES} to {MAX_IDLE_MINUTES} minutes",
        )
    write_setting(session, "idle_minutes", minutes, user, clock)


def locality(session: Session) -> gazetteer.Place | None:
    """The station's own commune, if set: its district and province are its
    parents. Place suggestions favour this area (app.keying.start.suggestions)."""
    stored = _read(session, "locality")
    if stored is None:
        return None
    return gazetteer.unit(stored["snapshot"], stored["code"])


def find_locality(text: str) -> gazetteer.Place:
    """The commune ``text`` names, as the list of January 2025 has it (three
    levels: commune, district, province), accents ignored: its full path, or
    enough of its words to tell it from every other ("tan lap, dong phu").

    Old books name the units they were kept in, so the station's area is
    given at the level of detail they use, not by the merged 2025 commune.
    """
    place = gazetteer.find(text, "pre2025")
    if place is not None and place.level == "commune":
        return place
    named = [
        unit
        for unit in gazetteer.complete(text, limit=_LOCALITY_CANDIDATES, snapshot="pre2025")
        if unit.level == "commune" and gazetteer.matches_as_prefix(text, unit)
    ]
    if len(named) == 1:
        return named[0]
    which = "; ".join(unit.full_path for unit in named[:3])
    raise InvalidSetting(
        Problem.NOT_A_COMMUNE,
        f"{text.strip()!r} does not name one commune, ward or township of the January 2025"
        " list"
        + (f" (it could be {which}…)" if named else "")
        + "; write it as 'Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước'",
    )


# Enough units to see whether a commune's words name it alone.
_LOCALITY_CANDIDATES = 50


def set_locality(session: Session, user: User, place: gazetteer.Place, *, clock: Clock) -> None:
    """Make ``place`` (found with :func:`find_locality`) the station's own commune."""
    require_lead(user, "change the station's commune")
    write_setting(
        session,
        "locality",
        {"snapshot": place.snapshot, "code": place.code, "name": place.full_path},
        user,
        clock,
    )
