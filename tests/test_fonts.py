"""The windows are read in a font that writes every Vietnamese letter."""

from __future__ import annotations

from ui.fonts import POINT_SIZE, VIETNAMESE_LETTERS, reading_font, writes_vietnamese


def test_the_reading_font_writes_every_vietnamese_letter_at_10_pt(qapp) -> None:
    font = reading_font(qapp.font())

    assert writes_vietnamese(font)
    assert font.pointSize() == POINT_SIZE == 10
    assert {"ư", "Ữ", "ặ", "Đ", "ỹ"} <= set(VIETNAMESE_LETTERS)
