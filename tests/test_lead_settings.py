"""The lead's settings of the work through app/: read together, saved as one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest
from sqlalchemy import select
from work_helpers import add_user

from app.access.roles import NotAllowed
from app.db.models import Role, User
from app.quality.draw import share_for
from app.quality.error_rates import Rate
from app.station.work_settings import ClerkSettings, save_work_settings, team, work_settings
from app.work import settings
from app.work.settings import InvalidSetting, Problem
from app.work.shifts import DEFAULT_SHIFTS


@pytest.fixture
def lead(station) -> User:
    with station.sessions.begin() as session:
        add_user(session, "an")
        add_user(session, "binh")
        return add_user(session, "lead", Role.LEAD)


def test_what_was_never_set_is_read_with_its_default(station, lead) -> None:
    with station.sessions() as session:
        stored = work_settings(session)

    assert stored.hours == tuple((s.start, s.end) for s in DEFAULT_SHIFTS)
    assert (stored.clerk_shift, stored.team_day, stored.share) == (150, 1800, 0.10)
    assert (stored.deadline, stored.locality, stored.idle_minutes) == (None, None, 10)
    assert stored.clerks == tuple(
        ClerkSettings(member.user_id, None, None) for member in _team(station)
    )


def test_the_team_is_everyone_who_keys_by_name_with_their_errors(station, lead) -> None:
    members = _team(station)

    assert [m.username for m in members] == ["an", "binh", "lead"], "not the admin"
    assert {m.errors for m in members} == {Rate()}, "nothing keyed twice yet"


def test_every_setting_is_saved_in_one_call(station, clock, lead) -> None:
    an, binh, lead_member = _team(station)
    with station.sessions() as session:
        stored = work_settings(session)
    chosen = replace(
        stored,
        hours=((time(6), time(11)), (time(11), time(17))),
        clerk_shift=120,
        deadline=date(2027, 1, 20),
        idle_minutes=5,
        locality=settings.find_locality("tan lap dong phu binh phuoc"),
        share=0.15,
        clerks=(
            ClerkSettings(an.user_id, 200, 0.4),
            ClerkSettings(binh.user_id, None, None),
            ClerkSettings(lead_member.user_id, None, 0.2),
        ),
    )

    with station.sessions.begin() as session:
        save_work_settings(session, lead, clock, chosen)

    with station.sessions() as session:
        assert work_settings(session) == chosen
        assert share_for(session, session.get_one(User, binh.user_id)) == 0.15


def test_a_setting_refused_keeps_none_of_them(station, clock, lead) -> None:
    with station.sessions() as session:
        stored = work_settings(session)
    chosen = replace(stored, hours=((time(6), time(12)),), clerk_shift=0)

    with pytest.raises(InvalidSetting) as refused, station.sessions.begin() as session:
        save_work_settings(session, lead, clock, chosen)

    assert refused.value.problem is Problem.QUOTA_NOT_POSITIVE
    with station.sessions() as session:
        assert work_settings(session) == stored, "not even the shifts, set before the quota"


def test_only_a_lead_saves_the_settings(station, clock, lead) -> None:
    with station.sessions() as session:
        stored = work_settings(session)
        clerk = session.scalars(select(User).where(User.username == "an")).one()

    with pytest.raises(NotAllowed), station.sessions.begin() as session:
        save_work_settings(session, clerk, clock, stored)


def _team(station):
    with station.sessions() as session:
        return team(session, date(2026, 11, 22))
