"""Names as clerks type them: one stored form, one search key."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.values.text import normalize, search_key


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# What a Vietnamese keyboard produces, plus the loose tone marks of NFD input
# and of input methods that send the mark after the letter.
_VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐEÊIOÔƠUƯYàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọ"
_MARKS = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"
vietnamish = st.text(alphabet=st.sampled_from(_VIETNAMESE + _MARKS + " -'"), max_size=30)
any_text = st.one_of(st.text(), vietnamish)


class TestNormalize:
    def test_decomposed_input_is_stored_composed(self) -> None:
        assert normalize(nfd("Nguyễn Thị Hòa")) == "Nguyễn Thị Hòa"
        assert unicodedata.is_normalized("NFC", normalize(nfd("Đặng Văn Thuận")))

    @pytest.mark.parametrize(
        "classic",
        ["Hòa", "Thủy", "Khỏe", "Hoàng", "Nguyễn", "Quý", "Quỳnh", "Giữa", "Gìn", "Người",
         "Huỳnh", "Thuở", "Khuỷu", "Ngoài", "Tuyết", "Hòe", "Ủy", "HÒA"],
    )  # fmt: skip
    def test_classic_tone_placement_is_kept(self, classic: str) -> None:
        assert normalize(classic) == classic

    @pytest.mark.parametrize(
        ("keyed", "stored"),
        [
            ("Hoà", "Hòa"),
            ("Thuỷ", "Thủy"),
            ("Khoẻ", "Khỏe"),
            ("Toà", "Tòa"),
            ("Uỷ", "Ủy"),
            ("HOÀ", "HÒA"),
            ("Hòang", "Hoàng"),  # a closed syllable takes it on the last vowel
            ("Ngừơi", "Người"),  # ơ draws the tone to itself
            ("Nguỹên", "Nguyễn"),
            ("Gịa", "Giạ"),  # "gi" is a consonant before a vowel
        ],
    )
    def test_new_style_tone_placement_is_moved(self, keyed: str, stored: str) -> None:
        assert normalize(keyed) == stored

    def test_tone_is_placed_in_decomposed_input_too(self) -> None:
        assert normalize(nfd("Lê Thị Thuỷ")) == "Lê Thị Thủy"

    @pytest.mark.parametrize("foreign", ["José", "André", "Renée", "Zoë", "Xuânhoà", "H'Mông"])
    def test_words_that_are_not_vietnamese_syllables_are_left_alone(self, foreign: str) -> None:
        assert normalize(foreign) == foreign

    def test_spaces_are_tidied(self) -> None:
        assert normalize("  Nguyễn   Văn\tAn \n") == "Nguyễn Văn An"

    def test_a_loose_mark_after_a_word_does_not_break_the_stored_form(self) -> None:
        # An input method that sends a second mark after the vowel ("à" then
        # a dot below) leaves a mark outside the word; the result is NFC all
        # the same, and normalising it again changes nothing.
        stored = normalize("Hoà\u0323")
        assert unicodedata.is_normalized("NFC", stored)
        assert normalize(stored) == stored


class TestSearchKey:
    @pytest.mark.parametrize(
        ("name", "key"),
        [
            ("Đặng Thị Hòa", "dang thi hoa"),
            ("ĐỖ VĂN ĐỨC", "do van duc"),
            ("  Lê   Thị  Thủy ", "le thi thuy"),
            (nfd("Nguyễn Văn Ánh"), "nguyen van anh"),
        ],
    )
    def test_key_is_accent_free_and_lower_case(self, name: str, key: str) -> None:
        assert search_key(name) == key

    def test_both_tone_placements_have_one_key(self) -> None:
        assert search_key("Hoà") == search_key("Hòa") == "hoa"


@given(any_text)
def test_normalize_gives_one_stable_nfc_form(text: str) -> None:
    stored = normalize(text)
    assert unicodedata.is_normalized("NFC", stored)
    assert normalize(stored) == stored
    assert stored == stored.strip()


@given(any_text)
def test_search_key_has_no_marks_and_no_d_with_stroke(text: str) -> None:
    key = search_key(text)
    assert not any(unicodedata.combining(c) for c in key)
    assert "đ" not in key and "Đ" not in key


@given(any_text)
def test_search_key_does_not_depend_on_how_the_text_was_typed(text: str) -> None:
    assert search_key(normalize(text)) == search_key(text) == search_key(nfd(text))
