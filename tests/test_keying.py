"""Each new entry starts from the one before it: fewer keys for the clerk."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from entries_factory import valid_entry
from sqlalchemy import select

from app.db.models import Book, User
from app.entries.field_values import display_value
from app.keying.save import SaveAction, save_entry
from app.keying.start import (
    choice_named,
    choices_matching,
    fresh_entry,
    open_draft,
    start_field,
    suggestions,
)
from app.rules import FieldValue
from app.specs import spec_for
from app.system.clock import VIETNAM


@pytest.fixture
def book(station) -> Book:
    with station.sessions.begin() as session:
        book = Book(kind="birth", office="UBND xã Tân Lập", volume="01", year=2010)
        session.add(book)
    return book


def key(station, book, clock, action=SaveAction.COMPLETE, **changes):
    with station.sessions.begin() as session:
        clerk = session.scalars(select(User)).one()
        return save_entry(
            session,
            book=session.get(Book, book.id),
            values=valid_entry("birth", **changes),
            user=clerk,
            action=action,
            clock=clock,
        ).entry


def test_the_first_entry_of_a_book_starts_at_one_with_its_office(station, book) -> None:
    with station.sessions() as session:
        fresh = fresh_entry(session, session.get(Book, book.id))

    values = fresh.values
    assert values["number"] == FieldValue("1")
    assert values["office"] == FieldValue("UBND xã Tân Lập")
    assert values["child_nationality"] == FieldValue("Việt Nam")
    assert values["registration_kind"] == FieldValue("on_time")
    assert "child_name" not in values


def test_the_first_entry_of_a_book_starts_on_its_page(station, book) -> None:
    with station.sessions() as session:
        fresh = fresh_entry(session, session.get(Book, book.id))

    assert fresh.start == "page", "the number is 1; the page and the date are not known yet"


def test_the_next_entry_starts_on_the_first_field_not_carried(station, book, clock) -> None:
    key(station, book, clock, number="12", page="4", registration_date="20/06/2010")

    with station.sessions() as session:
        assert fresh_entry(session, session.get(Book, book.id)).start == "child_name"


def test_a_book_without_page_numbers_does_not_start_each_entry_on_the_page() -> None:
    birth = spec_for("birth")
    values = {"number": FieldValue("13"), "registration_date": FieldValue("2010-06-20")}

    assert start_field(birth, values, after_previous=True) == "child_name"
    assert start_field(birth, values, after_previous=False) == "page"


def test_the_next_entry_carries_the_page_date_office_and_signer(station, book, clock) -> None:
    key(station, book, clock, number="12", page="4", registration_date="20/06/2010")

    with station.sessions() as session:
        values = fresh_entry(session, session.get(Book, book.id)).values

    assert values["number"].value == "13"
    assert values["page"].value == "4"
    assert values["registration_date"].value == "2010-06-20"
    assert values["signer_name"].value == "Lê Văn Tám"
    assert "child_name" not in values and "mother_name" not in values


def test_the_number_follows_the_book_order_not_the_keying_order(station, book, clock) -> None:
    key(station, book, clock, number="12")
    key(station, book, clock, number="5", registration_date="01/03/2010")

    with station.sessions() as session:
        assert fresh_entry(session, session.get(Book, book.id)).values["number"].value == "13"


def test_a_clerk_finds_the_draft_they_left(station, book, clock) -> None:
    assert key(station, book, clock, action=SaveAction.DRAFT, number="3") is not None
    clock.moment = datetime.combine(clock.moment.date(), time(10), VIETNAM)
    draft = key(station, book, clock, action=SaveAction.DRAFT, number="4", child_name="Lê Thị Na")

    with station.sessions() as session:
        clerk = session.scalars(select(User)).one()
        found = open_draft(session, clerk)

    assert found.id == draft.id
    assert found.title == "Lê Thị Na"


def test_the_draft_offered_is_the_last_saved_though_the_clock_was_set_back(
    station, book, clock
) -> None:
    key(station, book, clock, action=SaveAction.DRAFT, number="3")
    clock.turn_back(timedelta(hours=3))  # the office PC's clock put right, by hand
    draft = key(station, book, clock, action=SaveAction.DRAFT, number="4", child_name="Lê Thị Na")

    with station.sessions() as session:
        found = open_draft(session, session.scalars(select(User)).one())

    assert found.id == draft.id, "the draft saved last, not the one the clock says is later"


def test_dates_are_shown_the_vietnamese_way(book) -> None:
    assert display_value(book, "registration_date", "2010-06-20") == "20/06/2010"
    assert display_value(book, "mother_birth_date", "1985") == "1985"
    assert display_value(book, "child_birth_date", "31/02/2010") == "31/02/2010"
    assert display_value(book, "child_name", "Nguyễn Thị Hòa") == "Nguyễn Thị Hòa"


def test_places_and_ethnic_groups_are_suggested_without_accents() -> None:
    birth = spec_for("birth")

    places = suggestions(birth.field("child_birth_place"), "tan lap dong phu")
    groups = suggestions(birth.field("child_ethnicity"), "e de")

    assert places[0].value == "Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước"
    assert groups[0].value == groups[0].label == "Ê-đê"
    assert suggestions(birth.field("child_name"), "ng") == []
    assert suggestions(birth.field("child_birth_place"), "  ") == []


@pytest.mark.parametrize(
    ("typed", "named"),
    [("2", "female"), ("nu", "female"), ("Nữ", "female"), ("NAM", "male"), ("2 · Nữ", "female"),
     ("female", "female"), ("3", None), ("n", None), ("1 · Nữ", None), ("x", None), ("", None)],
)  # fmt: skip
def test_a_choice_is_named_by_its_number_or_its_label_accents_ignored(typed, named) -> None:
    sex = spec_for("birth").field("child_sex")

    choice = choice_named(sex, typed)

    assert (choice.value if choice else None) == named


def test_a_choice_being_typed_offers_the_options_it_may_start() -> None:
    birth = spec_for("birth")
    sex, kind = birth.field("child_sex"), birth.field("registration_kind")

    assert [c.value for c in choices_matching(sex, "n")] == ["male", "female"]
    assert [c.value for c in choices_matching(sex, "nu")] == ["female"]
    assert [c.value for c in choices_matching(kind, "bo roi")] == ["abandoned"]
    assert [c.value for c in choices_matching(kind, "dang ky l")] == ["re_registration"]
    assert choices_matching(sex, "x") == [] and choices_matching(sex, " ") == []
