"""Tallies: each entry counts for the shift, the clerk and the day it was done in."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from entries_factory import valid_entry
from sqlalchemy import func, select
from work_helpers import add_book, add_user, key_entry, local

from app.access.roles import NotAllowed
from app.db.models import DeferralReason, Entry, Role, User, WorkSession
from app.demo import add_demo_entries
from app.keying.save import SaveAction, save_entry
from app.specs import BookKind
from app.work import progress, settings
from app.work.settings import InvalidSetting, Problem
from app.work.shifts import DEFAULT_SHIFTS
from app.work.tally import Outcome, campaign_progress, day_tally, shift_tally, tally

DAY = date(2026, 11, 20)


@pytest.fixture
def team(station):
    with station.sessions.begin() as session:
        an = add_user(session, "an")
        binh = add_user(session, "binh")
        births = add_book(session, BookKind.BIRTH, expected=100)
        deaths = add_book(session, BookKind.DEATH, expected=20)
    return an, binh, births, deaths


def test_entries_on_both_sides_of_each_shift_boundary(station, clock, team) -> None:
    an, binh, births, deaths = team
    moments = [
        (an, births, local(DAY, 5, 59, 59)),  # before the first shift
        (an, births, local(DAY, 6, 0)),  # shift 1 starts
        (an, births, local(DAY, 11, 59, 59)),  # shift 1, its last second
        (binh, births, local(DAY, 12, 0)),  # shift 2
        (binh, deaths, local(DAY, 16, 59, 59)),  # shift 2
        (an, deaths, local(DAY, 17, 0)),  # shift 3
        (an, births, local(DAY, 21, 59, 59)),  # shift 3
        (binh, births, local(DAY, 22, 0)),  # after the last shift
        (binh, births, local(DAY, 23, 59, 59)),  # still that day, outside
        (an, births, local(DAY + timedelta(days=1), 0, 0)),  # the next day
    ]
    with station.sessions.begin() as session:
        for number, (user, book, at) in enumerate(moments, start=1):
            key_entry(session, clock, session.merge(book), session.merge(user), at, number)

    with station.sessions() as session:
        rows = tally(session, DAY, DAY)
        counts = {(r.shift, r.username, r.kind, r.outcome): r.count for r in rows}
        shifts = {t.number: t for t in day_tally(session, DAY)}

    assert counts == {
        (0, "an", BookKind.BIRTH, Outcome.COMPLETED): 1,
        (1, "an", BookKind.BIRTH, Outcome.COMPLETED): 2,
        (2, "binh", BookKind.BIRTH, Outcome.COMPLETED): 1,
        (2, "binh", BookKind.DEATH, Outcome.COMPLETED): 1,
        (3, "an", BookKind.DEATH, Outcome.COMPLETED): 1,
        (3, "an", BookKind.BIRTH, Outcome.COMPLETED): 1,
        (0, "binh", BookKind.BIRTH, Outcome.COMPLETED): 2,
    }
    assert [shifts[n].completed for n in (1, 2, 3, 0)] == [2, 2, 2, 3]
    assert [c.username for c in shifts[0].clerks] == ["an", "binh"]
    with station.sessions() as session:
        next_day = tally(session, DAY + timedelta(days=1), DAY + timedelta(days=1))
    assert [(r.shift, r.count) for r in next_day] == [(0, 1)]


def test_a_lead_changes_the_shift_hours_and_the_tally_follows(station, clock, team) -> None:
    an, _, births, _ = team
    with station.sessions.begin() as session:
        key_entry(session, clock, session.merge(births), session.merge(an), local(DAY, 7, 30), 1)
        admin = session.scalars(select(User).where(User.username == "admin")).one()
        settings.set_shifts(
            session, admin, [(time(7), time(15)), (time(15), time(23))], clock=clock
        )

    with station.sessions() as session:
        assert [(r.shift, r.count) for r in tally(session, DAY, DAY)] == [(1, 1)]
        assert [t.shift.end for t in day_tally(session, DAY)] == [time(15), time(23)]


@pytest.mark.parametrize(
    ("hours", "problem", "at"),
    [
        ([], Problem.NO_SHIFT, ()),
        ([(time(12), time(6))], Problem.SHIFT_BACKWARDS, (time(12), time(6))),
        ([(time(6), time(12)), (time(11), time(17))], Problem.SHIFTS_OVERLAP, (time(11),)),
    ],
    ids=["none", "ends before it starts", "overlap"],
)
def test_impossible_shift_hours_are_refused(station, clock, hours, problem, at) -> None:
    with station.sessions.begin() as session:
        admin = session.scalars(select(User)).one()
        with pytest.raises(InvalidSetting) as refused:
            settings.set_shifts(session, admin, hours, clock=clock)
        assert (refused.value.problem, refused.value.at) == (problem, at)
        assert settings.shifts(session) == DEFAULT_SHIFTS, "the shifts are unchanged"


def test_only_a_lead_changes_shifts_and_quotas(station, clock, team) -> None:
    an = team[0]
    with station.sessions.begin() as session:
        clerk = session.merge(an)
        with pytest.raises(NotAllowed):
            settings.set_shifts(session, clerk, [(time(6), time(12))], clock=clock)
        with pytest.raises(NotAllowed):
            settings.set_quotas(session, clerk, 500, 5000, clock=clock)
        with pytest.raises(NotAllowed):
            settings.set_clerk_quota(session, clerk, clerk, 500, clock=clock)


def test_a_deferral_counts_in_its_shift_and_stays_counted_once_completed(
    station, clock, team
) -> None:
    an, binh, births, _ = team
    with station.sessions.begin() as session:
        entry = key_entry(
            session, clock, session.merge(births), session.merge(an), local(DAY, 9), 1,
            SaveAction.DEFER,
        )  # fmt: skip
        key_entry(session, clock, session.merge(births), session.merge(binh), local(DAY, 13), 2)
    with station.sessions() as session:
        before = {(r.shift, r.username, r.outcome): r.count for r in tally(session, DAY, DAY)}
    assert before == {(1, "an", Outcome.DEFERRED): 1, (2, "binh", Outcome.COMPLETED): 1}

    # Binh completes the entry An deferred, in the evening shift.
    with station.sessions.begin() as session:
        clock.moment = local(DAY, 18)
        save_entry(
            session,
            book=session.merge(births),
            values=valid_entry("birth", number="1"),
            user=session.merge(binh),
            action=SaveAction.COMPLETE,
            clock=clock,
            entry=session.get(Entry, entry.id),
        )
    with station.sessions() as session:
        after = {(r.shift, r.username, r.outcome): r.count for r in tally(session, DAY, DAY)}
    assert after == {
        (1, "an", Outcome.DEFERRED): 1,
        (2, "binh", Outcome.COMPLETED): 1,
        (3, "binh", Outcome.COMPLETED): 1,
    }


def test_each_clerk_against_their_quota_with_active_time(station, clock, team) -> None:
    an, binh, births, _ = team
    with station.sessions.begin() as session:
        admin = session.scalars(select(User).where(User.username == "admin")).one()
        settings.set_quotas(session, admin, clerk_shift=4, team_day=30, clock=clock)
        settings.set_clerk_quota(session, admin, session.merge(binh), 2, clock=clock)
        for n in range(1, 4):
            key_entry(session, clock, session.merge(births), session.merge(an), local(DAY, 8, n), n)
        session.add(
            WorkSession(
                user_id=an.id, day=DAY, shift=1, active_seconds=1800, keystrokes=5400,
                first_at=local(DAY, 8), last_at=local(DAY, 8, 30),
            )
        )  # fmt: skip
        key_entry(session, clock, session.merge(births), session.merge(binh), local(DAY, 9), 4)

    with station.sessions() as session:
        first = shift_tally(session, DAY, settings.shifts(session)[0])

    by_name = {c.username: c for c in first.clerks}
    assert (by_name["an"].completed, by_name["an"].quota) == (3, 4)
    assert by_name["an"].percent_of_quota == 75
    assert by_name["an"].entries_per_hour == 6  # 3 entries in half an hour of work
    assert by_name["an"].keystrokes_per_hour == 10800
    assert (by_name["binh"].completed, by_name["binh"].quota) == (1, 2)
    assert by_name["binh"].entries_per_hour is None  # no active time recorded
    assert first.quota == 6
    assert len(first.completions) == 4
    assert first.completions == sorted(first.completions)


def test_campaign_progress_and_its_projection(station, clock, team) -> None:
    an, _, births, _ = team  # 100 + 20 entries expected (births and deaths)
    with station.sessions.begin() as session:
        book = session.merge(births)
        for offset, day in enumerate([DAY - timedelta(days=d) for d in (6, 3, 0)]):
            for n in range(1, 8):
                key_entry(
                    session, clock, book, session.merge(an), local(day, 8, n), offset * 10 + n
                )
        admin = session.scalars(select(User).where(User.username == "admin")).one()
        settings.set_deadline(session, admin, DAY + timedelta(days=30), clock=clock)

    with station.sessions() as session:
        campaign = campaign_progress(session, DAY)

    assert (campaign.target, campaign.done) == (120, 21)
    assert campaign.percent == pytest.approx(17.5)
    assert campaign.pace == 3  # 21 entries in the last 7 days
    assert campaign.projected_finish == DAY + timedelta(days=33)  # 99 left at 3 a day
    assert campaign.on_time is False
    assert [n for _, n in campaign.per_day] == [7, 7, 7]


def test_a_deferred_completed_entry_leaves_the_day_it_was_done(station, clock, team) -> None:
    an, _, births, _ = team
    with station.sessions.begin() as session:
        entry = key_entry(
            session, clock, session.merge(births), session.merge(an), local(DAY, 8), 1
        )
        clock.moment = local(DAY + timedelta(days=1), 8)
        save_entry(
            session,
            book=session.merge(births),
            values=valid_entry("birth", number="1"),
            user=session.merge(an),
            action=SaveAction.DEFER,
            clock=clock,
            entry=session.get(Entry, entry.id),
            deferral_reason=DeferralReason.DAMAGED_PAGE,
        )
    with station.sessions() as session:
        assert progress.per_day(session) == progress.recount(session) == []
        assert campaign_progress(session, DAY).done == 0


def test_kept_daily_counts_equal_a_recount_after_a_demo(station, clock) -> None:
    add_demo_entries(station, 600, seed=5, clock=clock)

    with station.sessions() as session:
        kept = progress.per_day(session)
        assert kept == progress.recount(session)
        done = session.scalar(select(func.count()).where(Entry.completed_at.is_not(None)))
        assert sum(n for _, n in kept) == done
        assert campaign_progress(session, clock.now().date()).target > done, "books still wait"


def test_a_lead_gives_a_clerk_a_quota_of_their_own_and_takes_it_back(station, clock) -> None:
    with station.sessions.begin() as session:
        lead = add_user(session, "lead", Role.LEAD)
        clerk = add_user(session, "clerk")
        settings.set_clerk_quota(session, lead, clerk, 80, clock=clock)
        assert settings.clerk_quota(session, clerk) == 80
        settings.set_clerk_quota(session, lead, clerk, None, clock=clock)
        assert settings.clerk_quota(session, clerk) == settings.Quotas().clerk_shift


def test_a_book_registered_without_an_expected_count_counts_what_was_keyed(station, clock, team):
    an = team[0]
    with station.sessions.begin() as session:
        loose = add_book(session, BookKind.MARRIAGE, expected=None)
        for n in (1, 2):
            key_entry(session, clock, loose, session.merge(an), local(DAY, 8, n), n)

    with station.sessions() as session:
        campaign = campaign_progress(session, DAY)

    assert (campaign.target, campaign.done) == (122, 2)
