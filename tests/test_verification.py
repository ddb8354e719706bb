"""Blind double keying through app/: planted keying errors are found,
arbitrated by the lead, attributed, counted; waiting entries stay home."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select
from verification_helpers import decide_planted, entry_values, key_twice, make_team, user
from work_helpers import add_book

from app.batch.export import ready_for_export
from app.clock import local_today
from app.db.models import Entry, FieldDifference, Verification
from app.entries import SaveAction, decode_values, save_entry
from app.quality.draw import drawn, set_share, share_for
from app.quality.error_rates import Rate, error_trends
from app.quality.verification import (
    VerificationError,
    arbitrate,
    key_again,
    take_next,
)
from app.roles import NotAllowed


@pytest.fixture
def team(station):
    make_team(station)


@pytest.fixture
def keyed_twice(station, clock, team):
    return key_twice(station, clock)


def test_the_second_keying_finds_exactly_the_planted_differences(station, keyed_twice) -> None:
    differing = {index: outcome.differences for index, outcome in keyed_twice.items()}

    assert differing == {0: (), 1: ("child_name",), 2: (), 3: ("mother_name",),
                         4: ("child_birth_date",)}  # fmt: skip
    with station.sessions() as session:
        states = dict(session.execute(select(Entry.number, Entry.status)).all())
        held = session.scalar(select(func.count()).select_from(Entry).where(ready_for_export()))
    assert states == {1: "verified", 2: "completed", 3: "verified", 4: "completed", 5: "completed"}
    assert held == 2, "only the two verified entries may be exported"


def test_the_lead_arbitrates_and_each_error_is_attributed(station, clock, keyed_twice) -> None:
    decide_planted(station, clock)

    with station.sessions() as session:
        decided = dict(
            session.execute(select(FieldDifference.field, FieldDifference.error_of)).all()
        )
        entries = {
            e.number: (e.status, decode_values(e.values)) for e in session.scalars(select(Entry))
        }
        trends = error_trends(session, local_today(clock))
        compared = session.scalar(select(func.sum(Verification.fields_compared)))

    assert decided == {"child_name": "first", "mother_name": "second", "child_birth_date": "both"}
    assert {status for status, _ in entries.values()} == {"verified"}
    assert entries[2][1]["child_name"].value == "Phạm Thị Bình"
    assert entries[5][1]["child_birth_date"].value == "2010-06-12"
    today = {clerk.username: clerk.trend.last_day for clerk in trends.clerks}
    assert (today["an"].errors, today["binh"].errors) == (2, 2)
    assert today["an"].fields == today["binh"].fields == compared
    assert today["an"].per_thousand == pytest.approx(2000 / compared)
    assert trends.team.last_day == Rate(2 * compared, 4)


def test_no_one_keys_their_own_entry_again(station, clock, team) -> None:
    with station.sessions.begin() as session:
        an = user(session, "an")
        save_entry(
            session, book=add_book(session), values=entry_values(0), user=an,
            action=SaveAction.COMPLETE, clock=clock,
        )  # fmt: skip

        assert take_next(session, an) is None
        verification = take_next(session, user(session, "binh"))
        assert verification is not None
        with pytest.raises(VerificationError, match="another clerk's"):
            key_again(session, verification, entry_values(0), an, clock)


def test_only_a_lead_arbitrates_and_every_difference_is_decided(
    station, clock, keyed_twice
) -> None:
    with station.sessions.begin() as session:
        verification = session.scalars(
            select(Verification).where(Verification.state == "mismatch")
        ).first()
        with pytest.raises(NotAllowed):
            arbitrate(session, verification, {}, user(session, "binh"), clock)
        with pytest.raises(VerificationError, match="decide every difference"):
            arbitrate(session, verification, {}, user(session, "lead"), clock)


def test_about_the_share_is_drawn_and_the_draw_is_fixed(station, clock, team) -> None:
    uuids = [str(uuid.UUID(int=n * 7919)) for n in range(20_000)]

    share = sum(drawn(u, 0.10) for u in uuids) / len(uuids)

    assert 0.09 < share < 0.11
    assert [drawn(u, 0.10) for u in uuids[:50]] == [drawn(u, 0.10) for u in uuids[:50]]
    with station.sessions.begin() as session:
        lead, an = user(session, "lead"), user(session, "an")
        set_share(session, lead, 0.25, clerk=an, clock=clock)
        assert share_for(session, an) == 0.25
        assert share_for(session, user(session, "binh")) == 1.0
