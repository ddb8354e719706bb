"""The entry form, driven from the keyboard alone."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.specs import SourceStatus, spec_for
from ui.form.entry_form import EntryForm
from ui.keyboard_driver import Keyboard

TODAY = date(2026, 11, 22)


@pytest.fixture
def form(qtbot) -> EntryForm:
    form = EntryForm(spec_for("birth"), "vi", lambda: TODAY)
    qtbot.addWidget(form)
    form.resize(1100, 800)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    form.focus("child_name")
    return form


def focused_field(form: EntryForm) -> str:
    return Keyboard.focused().objectName().removesuffix("__suggestions")


def test_every_input_is_named_by_its_field_key(form: EntryForm) -> None:
    for field in spec_for("birth").fields:
        assert form.findChild(type(form.editors[field.key].input), field.key) is not None


def test_enter_moves_on_in_book_order(form: EntryForm) -> None:
    keyboard = Keyboard()
    keyboard.type("Nguyễn Thị Hoà")
    keyboard.enter()

    assert focused_field(form) == "child_birth_date"
    keyboard.enter()
    assert focused_field(form) == "child_sex"


def test_date_shorthand_is_written_out_on_leaving(form: EntryForm) -> None:
    keyboard = Keyboard()
    form.focus("child_birth_date")
    keyboard.type("120385")
    keyboard.enter()

    assert form.editors["child_birth_date"].input.text() == "12/03/1985"
    assert form.values()["child_birth_date"].value == "12/03/1985"


def test_one_digit_picks_a_choice(form: EntryForm) -> None:
    keyboard = Keyboard()
    form.focus("child_sex")
    keyboard.type("2")
    keyboard.enter()

    assert form.values()["child_sex"].value == "female"
    assert focused_field(form) == "child_ethnicity"


@pytest.mark.parametrize(
    ("field", "typed", "taken"),
    [
        ("child_ethnicity", "e de", "Ê-đê"),
        ("child_birth_place", "tan lap dong phu", "Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước"),
    ],
)
def test_typing_without_accents_offers_and_enter_takes(form, field, typed, taken) -> None:
    keyboard = Keyboard()
    form.focus(field)
    keyboard.type(typed)

    assert form.editors[field].suggestion_list.isVisible()
    keyboard.enter()
    assert form.editors[field].input.text() == taken
    assert focused_field(form) != field


def test_f2_marks_a_field_illegible_and_again_clears_it(form: EntryForm) -> None:
    keyboard = Keyboard()
    keyboard.press(Qt.Key.Key_F2)

    editor = form.editors["child_name"]
    assert editor.value().status is SourceStatus.ILLEGIBLE
    assert editor.mark.text() == "✗"
    assert "chỉ có thể chuyển mục này sang xử lý sau" in editor.message.text()
    keyboard.press(Qt.Key.Key_F2)
    assert editor.value().status is SourceStatus.CLEAR


@pytest.mark.parametrize(
    ("key", "status"),
    [(Qt.Key.Key_F3, SourceStatus.UNCERTAIN), (Qt.Key.Key_F4, SourceStatus.BLANK)],
)
def test_f3_and_f4_mark_uncertain_and_blank(form: EntryForm, key, status) -> None:
    Keyboard().press(key)

    assert form.editors["child_name"].value().status is status


def test_a_field_says_what_is_wrong_when_left_in_vietnamese(form: EntryForm) -> None:
    keyboard = Keyboard()
    form.focus("child_birth_date")
    keyboard.type("31/02/1985")
    keyboard.enter()

    message = form.editors["child_birth_date"].message
    assert message.isVisible()
    assert message.text() == (
        "Ngày sinh (Người được khai sinh): ngày “31/02/1985” không có trong lịch."
    )
    assert not form.editors["mother_name"].message.isVisible(), "not yet reached"


def test_f5_puts_the_unicode_text_of_a_tcvn3_name_in_the_field(form: EntryForm) -> None:
    keyboard = Keyboard()
    keyboard.type("NguyÔn ThÞ Thñy")  # Unikey left on TCVN3
    keyboard.enter()
    message = form.editors["child_name"].message.text()
    assert "đúng là “Nguyễn Thị Thủy”? Nhấn F5" in message

    form.focus("child_name")
    keyboard.press(Qt.Key.Key_F5)

    assert form.editors["child_name"].input.text() == "Nguyễn Thị Thủy"
    assert form.values()["child_name"].value == "Nguyễn Thị Thủy"
    assert not form.editors["child_name"].message.isVisible()


def test_f5_leaves_a_field_with_nothing_to_convert_as_it_is(form: EntryForm) -> None:
    keyboard = Keyboard()
    keyboard.type("Trần Văn Đức")
    keyboard.press(Qt.Key.Key_F5)

    assert form.editors["child_name"].input.text() == "Trần Văn Đức"
