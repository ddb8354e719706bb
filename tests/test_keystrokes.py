"""How many keys a clerk presses, against typing everything.

A run of realistic consecutive entries of one birth book is keyed through the
real form by a practised clerk (carry-forward, defaults, date shorthand,
suggestions, one-digit choices); the naive count types every character and
one Tab per field. The README states the ratio this test measures.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.db.models import Book, Entry, EntryStatus
from app.demo.entries import MAKERS
from app.demo.people import PeopleFactory
from app.entries.field_values import display_value
from app.specs import BookKind, spec_for
from ui.keying.keyboard_driver import Clerk, Keyboard

ENTRIES = 30
TARGET = 0.55


def register_run(book: Book) -> list[dict[str, str]]:
    """Consecutive entries as one register book holds them: four to a page,
    a few a day, one office and one signer."""
    people = PeopleFactory(random.Random(1998))
    day = date(book.year, 3, 2)
    run = []
    for number in range(1, ENTRIES + 1):
        day += timedelta(days=people.rng.choice((0, 0, 1, 2)))
        values = MAKERS[BookKind.BIRTH](people, day)
        values.update(
            number=str(number),
            page=str(1 + (number - 1) // 4),
            registration_date=day.isoformat(),
            office=book.office,
            signer_name="Lê Văn Tám",
            signer_title="Chủ tịch UBND",
        )
        run.append({k: display_value(book, k, v) for k, v in values.items()})
    return run


def naive_keys(entry: dict[str, str]) -> int:
    return sum(len(value) for value in entry.values()) + len(spec_for("birth").fields)


@pytest.mark.usefixtures("vietnamese")
def test_a_clerk_needs_at_most_55_percent_of_the_naive_keys(station, window, clock) -> None:
    with station.sessions.begin() as session:
        book = Book(kind="birth", office="UBND xã Tân Lập", volume="01", year=1998)
        session.add(book)
    window.open_book(book.id)
    keyboard = Keyboard()
    run = register_run(book)

    for entry in run:
        Clerk(window.form, keyboard, clock.now().date()).key_entry(entry)
        assert window.keying.outcome.text() == f"Đã lưu mục số {entry['number']}.", [
            (f.field, f.message_en) for f in window.form.assessment.findings
        ]

    with station.sessions() as session:
        statuses = session.scalars(select(Entry.status)).all()
    assert statuses == [EntryStatus.COMPLETED.value] * ENTRIES
    naive = sum(naive_keys(entry) for entry in run)
    ratio = keyboard.keys / naive
    print(f"\nkeystrokes: {keyboard.keys} of {naive} naive = {ratio:.0%}")
    assert ratio <= TARGET
