"""Blind double keying through app/: planted keying errors are found,
arbitrated by the lead, attributed, counted; waiting entries stay home."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select
from verification_helpers import decide_planted, entry_values, key_twice, make_team, user
from work_helpers import add_book

from app.access.roles import NotAllowed
from app.batch.record import ready_for_export
from app.db.models import Entry, FieldDifference, Verification
from app.entries.field_values import decode_values
from app.keying.save import SaveAction, save_entry
from app.quality.draw import drawn, set_share, share_for
from app.quality.error_rates import Rate, error_trends
from app.quality.verification import (
    VerificationError,
    arbitrate,
    key_again,
    take_next,
)
from app.rules import FieldValue
from app.specs import SourceStatus
from app.system.clock import local_today


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


def key_one_twice(station, clock, first: dict, second: dict):
    """One entry keyed by an with ``first`` over the valid entry, then again
    by binh with ``second``: what the second keying came to."""
    with station.sessions.begin() as session:
        book = add_book(session)
        outcome = save_entry(
            session, book=book, values=entry_values(0) | first, user=user(session, "an"),
            action=SaveAction.COMPLETE, clock=clock,
        )  # fmt: skip
        assert outcome.saved, outcome.assessment.errors
        binh = user(session, "binh")
        verification = take_next(session, binh)
        return key_again(session, verification, entry_values(0) | second, binh, clock)


@pytest.mark.parametrize(
    ("field", "first", "second"),
    [
        (
            "child_name",
            "Nguyễn Thị Thủy",
            "Nguyễn Thị Thuỷ",
        ),  # where the input method puts the tone
        ("child_name", "nguyễn văn an", "Nguyễn Văn An"),
        ("mother_name", "Trần  Thị   Lan", "Trần Thị Lan"),
        ("child_birth_place", "trạm y tế xã Tân Lập", "Trạm Y tế xã Tân Lập"),
        ("child_home_town", "Thanh Hoá", "Thanh Hóa"),
        ("declarant_id_number", "B1234567", "b1234567"),
    ],
)
def test_keyings_that_differ_only_by_the_keyboard_are_verified(
    station, clock, team, field: str, first: str, second: str
) -> None:
    changes = {"declarant_id_type": "passport"} if field == "declarant_id_number" else {}
    outcome = key_one_twice(
        station, clock,
        {field: FieldValue(first)} | {k: FieldValue(v) for k, v in changes.items()},
        {field: FieldValue(second)} | {k: FieldValue(v) for k, v in changes.items()},
    )  # fmt: skip

    assert outcome.saved and outcome.differences == ()
    with station.sessions() as session:
        assert session.scalars(select(Entry.status)).one() == "verified"
        assert session.scalar(select(func.count()).select_from(FieldDifference)) == 0


@pytest.mark.parametrize(
    ("field", "first", "second"),
    [
        (
            "child_name",
            FieldValue("Nguyễn Thị Thủy"),
            FieldValue("Nguyễn Thị Thúy"),
        ),  # another tone
        ("child_name", FieldValue("Nguyễn Thị Thủy"), FieldValue("Nguyễn Thị Thuy")),  # no tone
        (
            "mother_name",
            FieldValue("Trần Thị Lan"),
            FieldValue("Trần Thị Lan", SourceStatus.UNCERTAIN),
        ),
    ],
)
def test_a_real_difference_still_goes_to_the_lead(
    station, clock, team, field: str, first: FieldValue, second: FieldValue
) -> None:
    outcome = key_one_twice(station, clock, {field: first}, {field: second})

    assert outcome.saved and outcome.differences == (field,)


def test_the_lead_s_choice_is_compared_as_the_keyings_were(station, clock, team) -> None:
    key_one_twice(
        station, clock,
        {"child_name": FieldValue("Nguyễn Thị Thủy")},
        {"child_name": FieldValue("Nguyễn Thị Thúy")},
    )  # fmt: skip
    with station.sessions.begin() as session:
        verification = session.scalars(select(Verification)).one()
        # The lead's keyboard puts the tone on y: the first keyer's reading still.
        chosen = {"child_name": FieldValue("Nguyễn Thị Thuỷ")}
        assert arbitrate(session, verification, chosen, user(session, "lead"), clock).can_complete

    with station.sessions() as session:
        assert session.scalars(select(FieldDifference.error_of)).one() == "second"
