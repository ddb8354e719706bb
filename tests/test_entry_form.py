"""The entry form, driven from the keyboard alone."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.specs import SourceStatus, spec_for
from ui.form.editors import VALUE_ROLE
from ui.form.entry_form import EntryForm
from ui.keying.keyboard_driver import Keyboard

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


def suggested(form: EntryForm, field: str) -> list[str]:
    """The values the field's suggestion list offers, in its order."""
    model = form.editors[field].suggestion_list.model()
    return [model.index(row, 0).data(VALUE_ROLE) for row in range(model.rowCount())]


@pytest.mark.parametrize(
    ("field", "typed"),
    [
        ("child_birth_place", "tan lap dong phu"),
        ("child_birth_place", "Tân Lập"),
    ],
)
def test_enter_keeps_exactly_what_was_typed_while_no_suggestion_is_picked(
    form, field, typed
) -> None:
    keyboard = Keyboard()
    form.focus(field)
    keyboard.type(typed)

    assert form.editors[field].suggestion_list.isVisible()
    assert typed not in suggested(form, field)
    keyboard.enter()
    assert form.editors[field].input.text() == typed
    assert form.values()[field].value == typed
    assert focused_field(form) != field


@pytest.mark.parametrize(
    ("field", "typed", "taken"),
    [
        ("child_ethnicity", "e de", "Ê-đê"),
        ("child_birth_place", "tan lap dong phu", "Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước"),
    ],
)
def test_down_shows_the_first_suggestion_in_the_field_and_enter_takes_it(
    form, field, typed, taken
) -> None:
    keyboard = Keyboard()
    form.focus(field)
    keyboard.type(typed)
    keyboard.press(Qt.Key.Key_Down)

    assert form.editors[field].input.text() == taken, "the field shows what Enter takes"
    keyboard.enter()
    assert form.values()[field].value == taken
    assert focused_field(form) != field


def test_alt_and_a_number_take_that_suggestion(form: EntryForm) -> None:
    keyboard = Keyboard()
    form.focus("child_birth_place")
    keyboard.type("tan lap")
    second = suggested(form, "child_birth_place")[1]

    keyboard.press(Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert form.editors["child_birth_place"].input.text() == second
    assert not form.editors["child_birth_place"].suggestion_list.isVisible()
    assert focused_field(form) == "child_birth_place", "the clerk sees it before moving on"
    keyboard.enter()
    assert form.values()["child_birth_place"].value == second


def test_the_list_numbers_its_suggestions_for_alt(form: EntryForm) -> None:
    form.focus("child_birth_place")
    Keyboard().type("tan lap")

    model = form.editors["child_birth_place"].suggestion_list.model()
    shown = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert shown[0].startswith("Alt+1  ")
    assert shown[1].startswith("Alt+2  ")


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


@pytest.mark.parametrize(
    ("typed", "shown", "transcription"),
    [("kinh", "Kinh", None), ("ede", "Ê-đê", None), ("Mèo", "HMông", "Mèo")],
)
def test_an_ethnic_group_shows_its_official_name_on_leaving(
    form, typed, shown, transcription
) -> None:
    keyboard = Keyboard()
    form.focus("child_ethnicity")
    keyboard.type(typed)
    keyboard.press(Qt.Key.Key_Escape)
    keyboard.enter()

    assert form.editors["child_ethnicity"].input.text() == shown
    assert form.values()["child_ethnicity"].value == shown
    assert form.values()["child_ethnicity"].transcription == transcription


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
