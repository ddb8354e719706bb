"""Shifts in Vietnam time, and the count a clerk sees for the shift."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from entries_factory import valid_entry
from sqlalchemy import select

from app.db.models import Book, User
from app.keying.save import SaveAction, save_entry
from app.system.clock import VIETNAM
from app.work.shifts import completed_in_shift, shift_at

DAY = date(2026, 11, 20)


def local(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hour, minute), VIETNAM)


@pytest.mark.parametrize(
    ("hour", "minute", "shift"),
    [(5, 59, None), (6, 0, 1), (11, 59, 1), (12, 0, 2), (16, 59, 2), (17, 0, 3), (21, 59, 3),
     (22, 0, None), (0, 30, None)],
)  # fmt: skip
def test_the_shift_of_a_moment(hour: int, minute: int, shift: int | None) -> None:
    found = shift_at(local(hour, minute))

    assert (found.number if found else None) == shift


def test_shifts_are_in_vietnam_time_whatever_the_zone_of_the_moment() -> None:
    # 23:30 UTC is 06:30 the next morning in Vietnam.
    assert shift_at(datetime(2026, 11, 19, 23, 30, tzinfo=UTC)).number == 1


def test_an_entry_counts_for_the_shift_it_was_completed_in(station, clock) -> None:
    with station.sessions.begin() as session:
        book = Book(kind="birth", office="UBND xã Tân Lập", volume="01", year=2010)
        session.add(book)
        clerk = session.scalars(select(User)).one()
        for number, moment in enumerate([local(11, 59), local(12, 0), local(16, 59)], start=1):
            clock.moment = moment
            outcome = save_entry(
                session,
                book=book,
                values=valid_entry("birth", number=str(number)),
                user=clerk,
                action=SaveAction.COMPLETE,
                clock=clock,
            )
            assert outcome.saved

    with station.sessions() as session:
        assert completed_in_shift(session, clerk.id, local(9)) == 1
        assert completed_in_shift(session, clerk.id, local(13)) == 2
        assert completed_in_shift(session, clerk.id, local(18)) == 0
        assert completed_in_shift(session, clerk.id, local(13, day=date(2026, 11, 21))) == 0
        assert completed_in_shift(session, clerk.id + 1, local(13)) == 0
