"""A clerk's second keying through app/, as the window takes it: blind, by id."""

from __future__ import annotations

import pytest
from verification_helpers import entry_values, make_team, user
from work_helpers import add_book

from app.keying.save import SaveAction, save_entry
from app.quality.second_keying import hand_in, next_blind_keying


@pytest.fixture
def completed(station, clock) -> None:
    make_team(station)
    with station.sessions.begin() as session:
        book = add_book(session)
        save_entry(
            session, book=book, values=entry_values(0), user=user(session, "an"),
            action=SaveAction.COMPLETE, clock=clock,
        )  # fmt: skip


def test_the_next_entry_is_shown_blind_and_held_for_the_clerk(station, completed) -> None:
    with station.sessions.begin() as session:
        blind = next_blind_keying(session, user(session, "binh"))
        nothing_for_another = next_blind_keying(session, user(session, "lead"))

    assert blind is not None and blind.number == "1"
    assert blind.reference == ("number",)
    assert (blind.book.volume, blind.book.year) == ("01", 2010)
    assert "child_name" not in blind.start, "nothing of the first keying"
    assert blind.start["office"].value == "UBND xã Tân Lập", "the book's, as any new entry"
    assert nothing_for_another is None, "taken by binh until they key it"


def test_the_first_keyer_has_none_to_key_again(station, completed) -> None:
    with station.sessions.begin() as session:
        assert next_blind_keying(session, user(session, "an")) is None


def test_a_keying_handed_in_by_id_is_compared_with_the_first(station, clock, completed) -> None:
    with station.sessions.begin() as session:
        binh = user(session, "binh")
        blind = next_blind_keying(session, binh)
        assert blind is not None
        outcome = hand_in(session, blind.verification_id, entry_values(0), binh, clock)

    assert outcome.saved and outcome.differences == ()
