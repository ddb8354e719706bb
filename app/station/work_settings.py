"""Everything the lead sets for the work, read and saved as one: the shifts,
the quotas (the team's, and a clerk's own), the deadline, when an idle
screen locks, the station's commune, and the share of entries keyed twice
(the team's, and a clerk's own).

Saving is one call in the caller's transaction: everything is kept or
nothing is, for the first setting refused raises (``InvalidSetting``) and
the caller's transaction rolls back. Each setting keeps its own rules and
its own line in the audit log (:mod:`app.work.settings`,
:mod:`app.quality.draw`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Role, User
from app.quality.draw import own_share, set_share, team_share
from app.quality.error_rates import Rate, error_trends
from app.reference.gazetteer import Place
from app.system.clock import Clock
from app.work import settings


@dataclass(frozen=True)
class ClerkSettings:
    user_id: int
    quota: int | None  # entries per shift of their own; None: the team's
    share: float | None  # their own share keyed twice, 0 to 1; None: the team's


@dataclass(frozen=True)
class WorkSettings:
    hours: tuple[tuple[time, time], ...]  # each shift's start and end, Vietnam time
    clerk_shift: int  # the team's quota: entries per clerk in a shift
    team_day: int  # entries for the team in a day
    deadline: date | None
    idle_minutes: int
    # The station's commune; None when none is set (on saving: the one set stays).
    locality: Place | None
    share: float  # the team's share keyed twice, 0 to 1
    clerks: tuple[ClerkSettings, ...]


@dataclass(frozen=True)
class TeamMember:
    """Someone the lead sets a quota and a share for, with their keying
    errors of the last seven days: the lead keys more of those who err more."""

    user_id: int
    username: str
    full_name: str
    errors: Rate
    has_quota: bool  # a clerk; a lead keys with no quota (app.work.settings.quota_of)


def team(session: Session, today: date) -> list[TeamMember]:
    """Everyone who keys (clerks and leads, not admins) and may log in, by user name."""
    errors = {
        c.user_id: c.trend.last_week
        for c in error_trends(session, today, settings.shifts(session)).clerks
    }
    return [
        TeamMember(
            member.id,
            member.username,
            member.full_name,
            errors.get(member.id, Rate()),
            has_quota=member.role == Role.CLERK.value,
        )
        for member in _members(session)
    ]


def work_settings(session: Session) -> WorkSettings:
    """The settings as stored, each with its default when never set, and
    the own quota and share of everyone in :func:`team`."""
    quotas = settings.quotas(session)
    return WorkSettings(
        hours=tuple((shift.start, shift.end) for shift in settings.shifts(session)),
        clerk_shift=quotas.clerk_shift,
        team_day=quotas.team_day,
        deadline=settings.deadline(session),
        idle_minutes=settings.idle_minutes(session),
        locality=settings.locality(session),
        share=team_share(session),
        clerks=tuple(
            ClerkSettings(member.id, member.shift_quota, own_share(session, member))
            for member in _members(session)
        ),
    )


def save_work_settings(session: Session, lead: User, clock: Clock, chosen: WorkSettings) -> None:
    """Keep every setting of ``chosen``, as ``lead`` (their role as stored now)."""
    lead = session.get_one(User, lead.id)
    settings.set_shifts(session, lead, list(chosen.hours), clock=clock)
    settings.set_quotas(session, lead, chosen.clerk_shift, chosen.team_day, clock=clock)
    settings.set_deadline(session, lead, chosen.deadline, clock=clock)
    settings.set_idle_minutes(session, lead, chosen.idle_minutes, clock=clock)
    if chosen.locality is not None:
        settings.set_locality(session, lead, chosen.locality, clock=clock)
    for clerk in chosen.clerks:
        member = session.get_one(User, clerk.user_id)
        settings.set_clerk_quota(session, lead, member, clerk.quota, clock=clock)
    set_share(session, lead, chosen.share, clock=clock)
    for clerk in chosen.clerks:
        set_share(session, lead, clerk.share, session.get_one(User, clerk.user_id), clock=clock)


def _members(session: Session) -> list[User]:
    return list(
        session.scalars(
            select(User).where(User.active, User.role != Role.ADMIN.value).order_by(User.username)
        )
    )
