"""Error rates per clerk and per shift, as trends: each keying counts for
its clerk, its day and its shift, and a week is read against the one before."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from sqlalchemy import select
from verification_helpers import entry_values, make_team, user
from work_helpers import add_book, add_user

from app.db.models import DeferralReason, Verification
from app.keying.save import SaveAction, save_entry
from app.quality.error_rates import ENOUGH_FIELDS, Direction, Rate, Trend, error_trends
from app.quality.verification import arbitrate, differences, key_again, take_next
from app.rules import FieldValue
from app.system.clock import local_today

ENTRIES = 40  # keyed in each of the two weeks, all of them keyed twice


def key_a_day(station, clock, day: date, slips: int, first_number: int) -> int:
    """``an`` keys ENTRIES entries at 08:00 (shift 1), ``slips`` of them with
    a wrong mother's name; ``binh`` keys them again right at 13:00 (shift 2);
    the lead takes binh's value. Returns the fields compared per entry."""
    with station.sessions.begin() as session:
        an, binh, lead = user(session, "an"), user(session, "binh"), user(session, "lead")
        book = add_book(session, volume=f"{first_number}")
        clock.set_local(day, time(8))
        for n in range(ENTRIES):
            slip = {"mother_name": "Trần Thị Lam"} if n < slips else {}
            values = entry_values(0, **slip) | {"number": FieldValue(str(first_number + n))}
            assert save_entry(
                session, book=book, values=values, user=an, action=SaveAction.COMPLETE,
                clock=clock,
            ).saved  # fmt: skip
        clock.set_local(day, time(13))
        while (verification := take_next(session, binh)) is not None:
            assert key_again(session, verification, entry_values(0), binh, clock).saved
            if verification.state == "mismatch":
                [difference] = differences(session, verification)
                arbitrate(
                    session, verification, {difference.field: FieldValue("Trần Thị Lan")},
                    lead, clock,
                )  # fmt: skip
        return session.scalars(select(Verification.fields_compared)).first()


@pytest.fixture
def two_weeks(station, clock):
    """an slips on 20 of 40 entries ten days ago, on 4 of 40 today."""
    make_team(station)
    today = local_today(clock)
    fields = key_a_day(station, clock, today - timedelta(days=10), slips=20, first_number=1)
    key_a_day(station, clock, today, slips=4, first_number=100)
    with station.sessions() as session:
        return error_trends(session, today), fields


def test_each_keying_counts_for_its_clerk_day_and_shift(two_weeks) -> None:
    trends, fields = two_weeks
    clerks = {c.username: c.trend for c in trends.clerks}
    keyed = ENTRIES * fields
    assert list(clerks) == ["an", "binh"], "clerks by name: every clerk keying was measured"
    assert clerks["an"].daily[3] == Rate(keyed, 20), "ten days ago, of the fourteen"
    assert clerks["an"].last_day == Rate(keyed, 4)
    assert clerks["binh"].last_day == Rate(keyed, 0), "the second keyer was right"
    assert trends.shifts[1].daily[3] == Rate(keyed, 20), "an keyed in shift 1"
    assert trends.shifts[2].last_day == Rate(keyed, 0), "binh in shift 2"
    assert trends.shifts[3] == Trend((Rate(),) * 14), "no one in shift 3"
    assert trends.team.last_week == Rate(2 * keyed, 4)


def test_a_week_is_read_against_the_week_before(two_weeks) -> None:
    trends, fields = two_weeks
    clerks = {c.username: c.trend for c in trends.clerks}
    assert ENTRIES * fields >= ENOUGH_FIELDS, "enough fields each week for a trend"
    assert clerks["an"].last_week.per_thousand == pytest.approx(4000 / (ENTRIES * fields))
    assert clerks["an"].week_before.per_thousand == pytest.approx(20000 / (ENTRIES * fields))
    assert clerks["an"].direction is Direction.FEWER
    assert clerks["binh"].direction is Direction.STEADY
    assert trends.shifts[3].direction is Direction.UNKNOWN, "nothing measured, no trend"
    assert trends.shifts[3].last_week.per_thousand is None


def test_an_entry_completed_from_the_backlog_is_the_keying_of_who_completed_it(
    station, clock
) -> None:
    make_team(station)
    today = local_today(clock)
    with station.sessions.begin() as session:
        an, binh, lead = user(session, "an"), user(session, "binh"), user(session, "lead")
        chi = add_user(session, "chi")
        book = add_book(session)
        clock.set_local(today, time(9, 30))  # shift 1
        first = save_entry(
            session, book=book, values=entry_values(0), user=an, action=SaveAction.COMPLETE,
            clock=clock,
        ).entry  # fmt: skip
        save_entry(
            session, book=book, values=entry_values(0), user=an, action=SaveAction.DEFER,
            clock=clock, entry=first, deferral_reason=DeferralReason.NEEDS_VERIFICATION,
        )  # fmt: skip
        clock.set_local(today, time(14))  # shift 2: binh finishes it, with a slip
        slipped = entry_values(0, mother_name="Trần Thị Lam")
        save_entry(
            session, book=book, values=slipped, user=binh, action=SaveAction.COMPLETE,
            clock=clock, entry=first,
        )  # fmt: skip
        assert take_next(session, binh) is None, "binh completed it: another keys it again"
        verification = take_next(session, chi)
        clock.set_local(today, time(18))  # shift 3
        key_again(session, verification, entry_values(0), chi, clock)
        [difference] = differences(session, verification)
        arbitrate(
            session, verification, {difference.field: FieldValue("Trần Thị Lan")}, lead, clock
        )

    with station.sessions() as session:
        trends = error_trends(session, today)
    errors = {c.username: c.trend.last_day.errors for c in trends.clerks}
    assert errors == {"binh": 1, "chi": 0}, "an's keying was never compared"
    assert trends.shifts[2].last_day.errors == 1 and trends.shifts[1].last_day == Rate()
