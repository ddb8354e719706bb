"""Dates as old books give them: a year, a month and year, or a day."""

from __future__ import annotations

import contextlib
from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.values.dates import (
    DateError,
    PartialDate,
    expand_shorthand,
    full_years_between,
    parse_time,
)

TODAY = date(2026, 11, 22)


def d(text: str) -> PartialDate:
    return PartialDate.parse(text)


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """A year, a month of a year, or a day, as books give them."""
    day = draw(st.dates(min_value=date(1800, 1, 1), max_value=date(9999, 12, 31)))
    precision = draw(st.sampled_from(("year", "month", "day")))
    if precision == "year":
        return PartialDate(day.year)
    if precision == "month":
        return PartialDate(day.year, day.month)
    return PartialDate(day.year, day.month, day.day)


class TestPrecision:
    def test_a_year_alone_stays_a_year(self) -> None:
        year = d("1962")
        assert (year.year, year.month, year.day) == (1962, None, None)
        assert year.iso() == "1962"
        assert not year.is_full
        assert (year.earliest(), year.latest()) == (date(1962, 1, 1), date(1962, 12, 31))

    @pytest.mark.parametrize(
        ("keyed", "iso", "shown"),
        [
            ("1962", "1962", "1962"),
            ("03/1962", "1962-03", "03/1962"),
            ("3/1962", "1962-03", "03/1962"),
            ("12/03/1962", "1962-03-12", "12/03/1962"),
            ("12-03-1962", "1962-03-12", "12/03/1962"),
            ("12.03.1962", "1962-03-12", "12/03/1962"),
            ("12 03 1962", "1962-03-12", "12/03/1962"),
            ("  1/3/1962 ", "1962-03-01", "01/03/1962"),
            ("1962-03-12", "1962-03-12", "12/03/1962"),
        ],
    )
    def test_keyed_dates_are_stored_at_their_own_precision(
        self, keyed: str, iso: str, shown: str
    ) -> None:
        assert d(keyed).iso() == iso
        assert d(keyed).display() == shown

    def test_a_month_covers_all_its_days(self) -> None:
        february = d("02/2000")
        assert (february.earliest(), february.latest()) == (date(2000, 2, 1), date(2000, 2, 29))


class TestImpossibleDates:
    @pytest.mark.parametrize(
        ("keyed", "code"),
        [
            ("31/02/1985", "no_such_day"),
            ("29/02/1900", "no_such_day"),  # 1900 was not a leap year
            ("29/02/1985", "no_such_day"),
            ("31/04/1985", "no_such_day"),
            ("00/03/1985", "no_such_day"),
            ("13/1985", "no_such_month"),
            ("12/13/1985", "no_such_month"),
            ("00/1985", "no_such_month"),
            ("1799", "year_out_of_range"),
            ("0000", "year_out_of_range"),
            ("1962-02-30", "no_such_day"),
            ("abc", "not_a_date"),
            ("", "not_a_date"),
            ("12/03/85", "not_a_date"),  # two-digit years need the shorthand
            ("12/03/1985 14:00", "not_a_date"),
        ],
    )
    def test_impossible_dates_are_rejected_with_their_reason(self, keyed: str, code: str) -> None:
        with pytest.raises(DateError) as caught:
            d(keyed)
        assert caught.value.code == code
        assert isinstance(caught.value, ValueError)

    def test_leap_days_exist_in_leap_years(self) -> None:
        assert d("29/02/2000").iso() == "2000-02-29"
        assert d("29/02/1988").iso() == "1988-02-29"

    def test_a_day_needs_a_month(self) -> None:
        with pytest.raises(DateError) as caught:
            PartialDate(1962, None, 5)
        assert caught.value.code == "day_without_month"

    def test_storage_form_must_be_iso(self) -> None:
        with pytest.raises(DateError) as caught:
            PartialDate.from_iso("12/03/1962")
        assert caught.value.code == "not_a_date"


class TestShorthand:
    @pytest.mark.parametrize(
        ("keyed", "written"),
        [
            ("120385", "12/03/1985"),
            ("120315", "12/03/2015"),
            ("120326", "12/03/2026"),  # earlier this year
            ("121226", "12/12/1926"),  # later this year would be in the future
            ("231126", "23/11/1926"),  # tomorrow, so a century ago
            ("221126", "22/11/2026"),  # today
            ("12031985", "12/03/1985"),
            ("0385", "03/1985"),
            ("1126", "11/2026"),
            ("1226", "12/1926"),
            (" 120385 ", "12/03/1985"),
        ],
    )
    def test_digits_become_a_written_date(self, keyed: str, written: str) -> None:
        assert expand_shorthand(keyed, TODAY) == written

    def test_two_digit_years_follow_the_century_of_today(self) -> None:
        new_year = date(2001, 1, 1)
        assert expand_shorthand("120300", new_year) == "12/03/2000"
        assert expand_shorthand("311201", new_year) == "31/12/1901"
        assert expand_shorthand("010101", new_year) == "01/01/2001"

    @pytest.mark.parametrize(
        "keyed", ["1962", "12/3/1985", "03/1985", "abc", "", "12345", "1385", "¹²⁰³⁸⁵", "١٢٠٣٨٥"]
    )
    def test_anything_else_is_left_as_keyed(self, keyed: str) -> None:
        assert expand_shorthand(keyed, TODAY) == keyed

    def test_expanded_shorthand_is_a_date(self) -> None:
        assert d(expand_shorthand("120385", TODAY)).iso() == "1985-03-12"


class TestOrdering:
    def test_a_year_is_neither_before_nor_after_a_day_in_it(self) -> None:
        year, day = d("1962"), d("03/05/1962")
        assert not year.surely_before(day)
        assert not day.surely_before(year)

    def test_a_month_is_neither_before_nor_after_a_day_in_it(self) -> None:
        assert not d("05/1962").surely_before(d("03/05/1962"))
        assert not d("03/05/1962").surely_before(d("05/1962"))

    @pytest.mark.parametrize(
        ("earlier", "later"),
        [
            ("1961", "03/05/1962"),
            ("04/1962", "03/05/1962"),
            ("03/05/1962", "04/05/1962"),
            ("31/12/1961", "1962"),
        ],
    )
    def test_dates_that_cannot_overlap_are_ordered(self, earlier: str, later: str) -> None:
        assert d(earlier).surely_before(d(later))
        assert not d(later).surely_before(d(earlier))

    def test_a_date_is_not_before_itself(self) -> None:
        assert not d("03/05/1962").surely_before(d("03/05/1962"))

    @pytest.mark.parametrize(
        ("born", "on", "years"),
        [
            ("03/05/1962", "03/05/2000", (38, 38)),
            ("03/05/1962", "02/05/2000", (37, 37)),
            ("1962", "01/06/2000", (37, 38)),
            ("05/1962", "05/2000", (37, 38)),
        ],
    )
    def test_age_is_a_range_when_dates_are_partial(
        self, born: str, on: str, years: tuple[int, int]
    ) -> None:
        assert full_years_between(d(born), d(on)) == years


class TestTimes:
    @pytest.mark.parametrize(
        ("keyed", "at"),
        [
            ("14:30", time(14, 30)),
            ("14h30", time(14, 30)),
            ("14g30", time(14, 30)),
            ("14h30p", time(14, 30)),
            ("14 30", time(14, 30)),
            ("14", time(14, 0)),
            ("7h", time(7, 0)),
            (" 9:05 ", time(9, 5)),
            ("0:00", time(0, 0)),
            ("23:59", time(23, 59)),
        ],
    )
    def test_times_as_keyed(self, keyed: str, at: time) -> None:
        assert parse_time(keyed) == at

    @pytest.mark.parametrize(
        ("keyed", "code"),
        [
            ("24:00", "no_such_time"),
            ("14:60", "no_such_time"),
            ("abc", "not_a_time"),
            ("", "not_a_time"),
            ("14:30:15", "not_a_time"),
        ],
    )
    def test_impossible_times_are_rejected(self, keyed: str, code: str) -> None:
        with pytest.raises(DateError) as caught:
            parse_time(keyed)
        assert caught.value.code == code


@given(st.text())
def test_any_text_is_a_date_or_a_date_error(text: str) -> None:
    try:
        parsed = PartialDate.parse(expand_shorthand(text, TODAY))
    except DateError:
        return
    assert PartialDate.from_iso(parsed.iso()) == parsed


# Characters that Python calls digits: superscripts, circled and Arabic-Indic
# digits come from input methods and from pasted text.
_DIGITS = st.text(alphabet=st.sampled_from("0123456789²³¹⁴⁵①⑨٣٨"), min_size=4, max_size=8)


@given(_DIGITS, st.dates())
def test_shorthand_of_any_digits_never_fails(digits: str, today: date) -> None:
    written = expand_shorthand(digits, today)
    with contextlib.suppress(DateError):
        PartialDate.parse(written)


@given(st.text())
def test_any_text_is_a_time_or_a_date_error(text: str) -> None:
    with contextlib.suppress(DateError):
        parse_time(text)


@given(partial_dates())
def test_storage_and_display_forms_read_back_the_same(day: PartialDate) -> None:
    assert PartialDate.from_iso(day.iso()) == day
    assert PartialDate.parse(day.iso()) == day
    assert PartialDate.parse(day.display()) == day


@given(partial_dates(), partial_dates())
def test_order_is_never_both_ways(a: PartialDate, b: PartialDate) -> None:
    assert not (a.surely_before(b) and b.surely_before(a))
    least, most = full_years_between(a, b)
    assert least <= most
