"""The lead's dashboard through app/: who is behind their quota, at a given moment."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from work_helpers import add_book, add_user, key_entry, local

from app.db.models import Role, User
from app.specs import BookKind
from app.work import settings
from app.work.dashboard import dashboard_view

DAY = date(2026, 11, 20)


@pytest.fixture
def team(station, clock):
    """an keys 3 entries and binh 1 early in shift 1 (06:00–12:00), each
    against a quota of 10 a shift."""
    with station.sessions.begin() as session:
        an, binh = add_user(session, "an"), add_user(session, "binh")
        admin = session.scalars(select(User).where(User.username == "admin")).one()
        settings.set_quotas(session, admin, clerk_shift=10, team_day=60, clock=clock)
        book = add_book(session, BookKind.BIRTH, expected=100)
        for number in range(1, 4):
            key_entry(session, clock, book, an, local(DAY, 6, 10 * number), number)
        key_entry(session, clock, book, binh, local(DAY, 6, 45), 4)


def behind_at(station, hour: int, minute: int = 0) -> set[str]:
    with station.sessions() as session:
        view = dashboard_view(session, local(DAY, hour, minute))
    assert view.this_shift is not None
    return {clerk.username for clerk in view.this_shift.clerks if view.behind(clerk)}


def test_no_one_is_behind_at_the_start_of_the_shift(station, team) -> None:
    assert behind_at(station, 6, 40) == set(), "under 9% of the quota is due yet"


def test_a_clerk_under_80_percent_of_the_quota_due_by_now_is_behind(station, team) -> None:
    # At 07:30 a quarter of the shift is gone: 20% of the quota is 80% of what is due.
    assert behind_at(station, 7, 30) == {"binh"}, "1 of 10 is under 20%; 3 of 10 is not"
    # At 10:30, three quarters: 30% done is under 60%.
    assert behind_at(station, 10, 30) == {"an", "binh"}


def test_outside_the_shifts_the_whole_quota_is_due(station, team) -> None:
    with station.sessions() as session:
        view = dashboard_view(session, local(DAY, 23))
        first = view.day[0]

    assert view.this_shift is None and view.share_of_shift_gone == 1.0
    assert {clerk.username for clerk in first.clerks if view.behind(clerk)} == {"an", "binh"}


def test_a_clerk_at_the_pace_of_the_quota_is_not_behind(station, clock, team) -> None:
    with station.sessions.begin() as session:
        an = session.scalars(select(User).where(User.username == "an")).one()
        book = add_book(session, BookKind.DEATH, expected=20)
        for number in range(1, 3):
            key_entry(session, clock, book, an, local(DAY, 8, number), number)

    assert behind_at(station, 9) == {"binh"}, "an did 5 of the 5 due by 09:00"


def test_a_lead_who_keys_adds_entries_to_the_shift_but_no_quota(station, clock, team) -> None:
    with station.sessions.begin() as session:
        lead = add_user(session, "lead", Role.LEAD)
        book = add_book(session, BookKind.DEATH, expected=20)
        key_entry(session, clock, book, lead, local(DAY, 7), 1)

    with station.sessions() as session:
        view = dashboard_view(session, local(DAY, 10, 30))
    shift = view.this_shift
    assert shift is not None
    by_name = {c.username: c for c in shift.clerks}

    assert shift.completed == 5, "an's 3, binh's 1 and the lead's 1"
    assert (shift.quota, shift.clerks_with_quota) == (20, 2), "two clerks' quotas, not three"
    assert (by_name["lead"].quota, by_name["lead"].percent_of_quota) == (None, None)
    assert not view.behind(by_name["lead"]), "no quota: never behind it"
    assert view.done_today == 5
