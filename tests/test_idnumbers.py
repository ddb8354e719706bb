"""Identity numbers: the 12-digit personal ID and the old 9-digit CMND."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.values.idnumbers import (
    PROVINCE_CODES,
    IdNumberError,
    PersonalId,
    check_cmnd,
    parse_personal_id,
)


def rejection(check: Callable[[str], object], text: str) -> str:
    """The code with which ``check`` refuses ``text``."""
    with pytest.raises(IdNumberError) as caught:
        check(text)
    return caught.value.code


class TestPersonalId:
    @pytest.mark.parametrize(
        ("number", "province", "sex", "year"),
        [
            ("001085012345", "001", "male", 1985),  # Hà Nội, 0: a man of the 1900s
            ("079162000111", "079", "female", 1962),  # Hồ Chí Minh City, 1: a woman
            ("070210001234", "070", "male", 2010),  # Bình Phước, 2: a boy of the 2000s
            ("096300000001", "096", "female", 2000),  # Cà Mau, 3: a girl
        ],
    )
    def test_a_valid_number_says_province_sex_and_birth_year(
        self, number: str, province: str, sex: str, year: int
    ) -> None:
        assert parse_personal_id(number) == PersonalId(number, province, sex, year)

    def test_grouping_spaces_and_dots_are_dropped(self) -> None:
        assert parse_personal_id("070 310 001 234").number == "070310001234"
        assert parse_personal_id("070.310.001.234").number == "070310001234"

    @pytest.mark.parametrize("number", ["07031000123", "0703100012345", "070"])
    def test_it_has_exactly_twelve_digits(self, number: str) -> None:
        assert rejection(parse_personal_id, number) == "personal_id_length"

    @pytest.mark.parametrize("number", ["07031000123A", "O70310001234", "０７０３１０００１２３４"])
    def test_it_has_digits_only(self, number: str) -> None:
        assert rejection(parse_personal_id, number) == "personal_id_not_digits"

    @pytest.mark.parametrize("code", ["000", "003", "005", "097", "099", "100"])
    def test_unknown_province_codes_are_rejected(self, code: str) -> None:
        assert rejection(parse_personal_id, f"{code}085012345") == "personal_id_province"

    def test_the_sixty_three_provinces_have_codes_from_001_to_096(self) -> None:
        assert len(PROVINCE_CODES) == 63
        assert min(PROVINCE_CODES) == "001" and max(PROVINCE_CODES) == "096"


class TestCmnd:
    @pytest.mark.parametrize("number", ["285123456", "285 123 456", "023.456.789"])
    def test_nine_digits(self, number: str) -> None:
        assert len(check_cmnd(number)) == 9

    @pytest.mark.parametrize("number", ["28512345", "2851234567", "070310001234"])
    def test_wrong_length(self, number: str) -> None:
        assert rejection(check_cmnd, number) == "cmnd_length"

    @pytest.mark.parametrize("number", ["28512345A", "B12345678"])
    def test_letters(self, number: str) -> None:
        assert rejection(check_cmnd, number) == "cmnd_not_digits"


@given(
    st.sampled_from(sorted(PROVINCE_CODES)),
    st.integers(0, 3),
    st.integers(0, 99),
    st.integers(0, 999_999),
)
def test_every_well_formed_number_decodes_to_what_it_encodes(
    province: str, century_sex: int, year: int, serial: int
) -> None:
    pid = parse_personal_id(f"{province}{century_sex}{year:02d}{serial:06d}")
    assert pid.province_code == province
    assert pid.sex == ("female" if century_sex % 2 else "male")
    assert pid.birth_year == 1900 + 100 * (century_sex // 2) + year


@given(st.text())
def test_any_text_is_a_number_or_an_id_number_error(text: str) -> None:
    for check in (parse_personal_id, check_cmnd):
        with contextlib.suppress(IdNumberError):
            check(text)
