"""The lead's arbitration queue through app/: the oldest entry first, its
differing fields as the form shows them, and the lead's decision."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from verification_helpers import key_twice, make_team, user

from app.db.models import FieldDifference, Verification
from app.quality.arbitration import Disagreement, arbitration_queue, decide
from app.rules import FieldValue
from app.specs import BookKind, SourceStatus


@pytest.fixture
def keyed_twice(station, clock):
    make_team(station)
    return key_twice(station, clock)


def test_the_oldest_entry_whose_keyings_differ_comes_first(station, keyed_twice) -> None:
    with station.sessions() as session:
        queue = arbitration_queue(session)

    assert queue.waiting == 3
    assert queue.next is not None
    assert (queue.next.kind, queue.next.volume, queue.next.year) == (BookKind.BIRTH, "01", 2010)
    assert queue.next.number == 2
    [field] = queue.next.fields
    assert (field.field, field.first, field.second) == (
        "child_name",
        "Phạm Thị Bìn",
        "Phạm Thị Bình",
    )


def test_dates_are_shown_as_the_form_shows_them(station, clock, keyed_twice) -> None:
    lead = _lead(station)
    for _ in range(2):  # the child's name and the mother's, decided as the second said
        with station.sessions.begin() as session:
            queue = arbitration_queue(session)
            assert queue.next is not None
            [field] = queue.next.fields
            decide(session, queue.next, {field.field: field.second}, lead, clock)

    with station.sessions() as session:
        queue = arbitration_queue(session)

    assert queue.waiting == 1 and queue.next is not None
    [field] = queue.next.fields
    assert (field.first, field.second) == ("02/06/2010", "20/06/2010")


def test_nothing_waits_once_every_entry_is_decided(station, clock, keyed_twice) -> None:
    lead = _lead(station)
    while True:
        with station.sessions.begin() as session:
            queue = arbitration_queue(session)
            if queue.next is None:
                break
            [field] = queue.next.fields
            assessment = decide(session, queue.next, {field.field: field.first}, lead, clock)
            assert assessment.can_complete

    assert queue.waiting == 0
    with station.sessions() as session:
        assert set(session.scalars(select(Verification.state))) == {"verified"}
        assert set(session.scalars(select(FieldDifference.error_of))) == {"second"}


def test_a_value_taken_from_a_keying_keeps_what_that_keying_said_of_the_book() -> None:
    field = Disagreement(
        "mother_name",
        first="Trần Thị Lan",
        second="Trần Thị Lam",
        first_stored={"v": "Trần Thị Lan", "s": "uncertain"},
        second_stored={"v": "Trần Thị Lam"},
    )

    assert field.decided(" Trần Thị Lan ") == FieldValue("Trần Thị Lan", SourceStatus.UNCERTAIN)
    assert field.decided("Trần Thị Lam") == FieldValue("Trần Thị Lam", SourceStatus.CLEAR)
    assert field.decided("Trần Thị Lân") == FieldValue("Trần Thị Lân", SourceStatus.CLEAR)


def test_a_field_left_empty_where_a_keying_had_a_value_is_undecided(station, keyed_twice) -> None:
    with station.sessions() as session:
        arbitration = arbitration_queue(session).next
    assert arbitration is not None

    assert arbitration.undecided({}) == ["child_name"]
    assert arbitration.undecided({"child_name": "  "}) == ["child_name"]
    assert arbitration.undecided({"child_name": "Phạm Thị Bình"}) == []


def _lead(station):
    with station.sessions() as session:
        return user(session, "lead")
