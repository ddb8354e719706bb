"""The entry form, driven from the keyboard alone."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.rules import FieldValue
from app.specs import SourceStatus, spec_for
from ui.form.entry_form import EntryForm
from ui.form.suggestions import VALUE_ROLE
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


@pytest.mark.parametrize("typed", ["2", "nu", "Nữ", "NU"])
def test_a_choice_takes_its_number_or_its_name_accents_ignored(form: EntryForm, typed) -> None:
    keyboard = Keyboard()
    form.focus("child_sex")
    keyboard.type(typed)
    keyboard.enter()

    assert form.values()["child_sex"].value == "female"
    assert form.editors["child_sex"].input.currentText() == "2 · Nữ", (
        "the field shows what it holds"
    )
    assert focused_field(form) == "child_ethnicity"


def test_a_choice_being_typed_shows_the_option_enter_takes(form: EntryForm) -> None:
    keyboard = Keyboard()
    form.focus("child_sex")
    keyboard.type("n")

    shown = form.editors["child_sex"].suggestion_list
    assert shown.isVisible()
    assert [shown.model().index(r, 0).data() for r in range(2)] == ["1 · Nam", "2 · Nữ"]
    assert shown.currentIndex().row() == 0, "the option Enter takes is shown chosen"
    keyboard.press(Qt.Key.Key_Down)
    keyboard.enter()
    assert form.values()["child_sex"].value == "female"
    assert focused_field(form) == "child_ethnicity"


def test_an_option_clicked_in_the_list_is_taken(form: EntryForm, qtbot) -> None:
    form.focus("child_sex")
    Keyboard().type("n")
    shown = form.editors["child_sex"].suggestion_list

    row = shown.visualRect(shown.model().index(1, 0))
    qtbot.mouseClick(shown.viewport(), Qt.MouseButton.LeftButton, pos=row.center())

    assert form.values()["child_sex"].value == "female"
    assert form.editors["child_sex"].input.currentText() == "2 · Nữ"


def test_a_choice_typed_in_part_is_completed(form: EntryForm) -> None:
    keyboard = Keyboard()
    form.focus("registration_kind")
    keyboard.type("bo roi")
    keyboard.enter()

    assert form.values()["registration_kind"].value == "abandoned"
    assert form.editors["registration_kind"].input.currentText() == "5 · Trẻ bị bỏ rơi"


@pytest.mark.parametrize("typed", ["xy", "7", "Nữa"])
def test_text_naming_no_option_is_refused_at_the_field(form: EntryForm, typed) -> None:
    keyboard = Keyboard()
    form.focus("child_sex")
    keyboard.type(typed)
    keyboard.enter()

    assert focused_field(form) == "child_sex", "the cursor stays where the text was typed"
    assert form.editors["child_sex"].input.currentText() == typed, "nothing is dropped"
    said = f"“{typed}” không có trong danh sách (Nam, Nữ)."
    assert form.editors["child_sex"].message.text() == said
    assert form.note.isVisible() and form.note.text() == said
    assert form.values()["child_sex"].value not in ("male", "female")

    keyboard.type("1")  # over the refused text, which is selected
    keyboard.enter()
    assert form.values()["child_sex"].value == "male"
    assert focused_field(form) == "child_ethnicity"


def test_nothing_typed_after_a_choice_lands_one_field_early(form: EntryForm) -> None:
    keyboard = Keyboard()
    for typed in ("Nguyễn Thị Hoà", "120385", "nu", "Kinh", "Việt Nam", "Xã Tân Lập"):
        keyboard.type(typed)
        keyboard.press(Qt.Key.Key_Escape)  # no suggestion taken
        keyboard.enter()

    values = {key: value.value for key, value in form.values().items()}
    assert values["child_name"] == "Nguyễn Thị Hoà"
    assert values["child_birth_date"] == "12/03/1985"
    assert values["child_sex"] == "female"
    assert values["child_ethnicity"] == "Kinh"
    assert values["child_nationality"] == "Việt Nam"
    assert values["child_birth_place"] == "Xã Tân Lập"
    assert focused_field(form) == "child_home_town"


def test_a_choice_passed_with_enter_keeps_its_option(form: EntryForm) -> None:
    form.load({"registration_kind": FieldValue("late")}, lambda key, stored: stored)
    form.focus("registration_kind")
    Keyboard().enter()

    assert form.values()["registration_kind"].value == "late"
    assert form.editors["registration_kind"].input.currentText() == "2 · Đăng ký quá hạn"
    assert focused_field(form) == "office"


def shown_messages(form: EntryForm) -> dict[str, str]:
    """What each field says (in it, or whole in the note while the clerk is on it)."""
    return {k: e.message.text() for k, e in form.editors.items() if e.message.text()}


def test_a_fresh_form_says_nothing_until_a_field_is_left(form: EntryForm) -> None:
    form.load({"number": FieldValue("1")}, lambda key, stored: stored)
    form.focus("page")
    form.focus("child_name")  # passed by the program, not left by the clerk

    assert shown_messages(form) == {}
    Keyboard().enter()
    assert shown_messages(form) == {"child_name": "Chưa nhập Họ và tên."}


def test_a_field_left_with_tab_says_what_is_wrong(form: EntryForm) -> None:
    form.load({}, lambda key, stored: stored)
    form.focus("child_birth_date")
    Keyboard().press_tab()

    assert shown_messages(form) == {"child_birth_date": "Chưa nhập Ngày sinh."}


def test_asking_to_save_shows_every_message_until_the_form_is_filled_again(form) -> None:
    form.refresh_findings(everywhere=True)
    Keyboard().enter()  # leaving a field does not hide the others'

    assert {"child_name", "child_birth_date", "child_sex", "office"} <= set(shown_messages(form))
    form.load({}, lambda key, stored: stored)
    assert shown_messages(form) == {}


def test_messages_coming_and_going_move_nothing(form: EntryForm) -> None:
    def layout() -> dict[str, tuple[int, int, int, int]]:
        return {
            key: editor.input.geometry().translated(editor.mapTo(form.body, editor.pos())).getRect()
            for key, editor in form.editors.items()
        } | {"form": form.body.geometry().getRect()}

    before = layout()
    form.refresh_findings(everywhere=True)
    assert len(shown_messages(form)) >= 5
    assert layout() == before
    form.load({}, lambda key, stored: stored)
    assert layout() == before


def test_the_field_the_clerk_is_on_shows_its_message_whole(form: EntryForm) -> None:
    keyboard = Keyboard()
    keyboard.enter()  # the child's name left empty
    keyboard.press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)

    assert focused_field(form) == "child_name"
    assert form.note.isVisible() and form.note.text() == "Chưa nhập Họ và tên."
    assert not form.editors["child_name"].message.isVisible(), "the field is left to the typing"
    keyboard.type("Lê Thị Na")
    keyboard.enter()
    assert form.editors["child_name"].message.text() == ""
    assert form.note.text() == "Chưa nhập Ngày sinh.", "the next field's, left by Shift+Tab"
    keyboard.type("120385")
    keyboard.enter()
    assert not form.note.isVisible()


def test_a_wider_screen_shows_more_columns(form: EntryForm) -> None:
    form.resize(1000, 600)
    narrow = form.body.count
    form.resize(1800, 600)

    assert form.body.count > narrow


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
    assert message.text() == "Ngày “31/02/1985” không có trong lịch.", (
        "in its field, the message needs not name the field"
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
