"""Keying in the main window from the keyboard alone, as a clerk does."""

from __future__ import annotations

import logging
import random
import sqlite3
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.db.models import Book, Entry, EntryStatus, User
from app.demo.entries import MAKERS
from app.demo.people import PeopleFactory
from app.entries.field_values import display_value
from app.keying.start import open_draft
from app.specs import BookKind
from ui.keying.deferral import DeferralDialog
from ui.keying.keyboard_driver import Clerk, Keyboard

pytestmark = pytest.mark.usefixtures("vietnamese")
REGISTERED = date(2015, 6, 15)


def add_book(station, kind: BookKind) -> Book:
    with station.sessions.begin() as session:
        book = Book(kind=kind.value, office="UBND xã Tân Lập", volume="01", year=2015)
        session.add(book)
    return book


def realistic(book: Book, number: int, registered: date = REGISTERED) -> dict[str, str]:
    """An entry of ``book`` as the clerk reads it in the register."""
    values = MAKERS[BookKind(book.kind)](PeopleFactory(random.Random(number)), registered)
    values.update(
        number=str(number),
        page=str(1 + (number - 1) // 4),
        registration_date=registered.isoformat(),
        office="UBND xã Tân Lập",
        signer_name="Lê Văn Tám",
        signer_title="Chủ tịch UBND",
    )
    return {key: display_value(book, key, value) for key, value in values.items()}


def stored(station) -> list[Entry]:
    with station.sessions() as session:
        return list(session.scalars(select(Entry).order_by(Entry.id)))


@pytest.mark.parametrize("kind", list(BookKind))
def test_each_kind_is_keyed_and_saved_from_the_keyboard(station, window, kind) -> None:
    book = add_book(station, kind)
    window.open_book(book.id)

    Clerk(window.form, Keyboard(), REGISTERED).key_entry(realistic(book, 1))

    [entry] = stored(station)
    assert entry.status == EntryStatus.COMPLETED
    assert window.keying.outcome.text() == "Đã lưu mục số 1."
    assert window.count_label.text() == "Số mục trong ca: 1", "the admin keys with no quota"


def test_the_next_entry_starts_from_the_one_before(station, window) -> None:
    book = add_book(station, BookKind.BIRTH)
    window.open_book(book.id)
    first = realistic(book, 1)
    Clerk(window.form, Keyboard(), REGISTERED).key_entry(first)

    editors = window.form.editors
    assert editors["number"].input.text() == "2"
    for carried in ("page", "registration_date", "office", "signer_name", "signer_title"):
        assert editors[carried].input.text() == first[carried], carried
    assert editors["child_name"].input.text() == ""
    assert Keyboard.focused().objectName() == "child_name"
    assert window.keying.entries.rowCount() == 1


def test_a_number_skipped_is_said_with_the_save(station, window) -> None:
    """The form says it while the clerk types; the save moves on to the next
    form, so the line beside the buttons says it again."""
    book = add_book(station, BookKind.BIRTH)
    window.open_book(book.id)
    Clerk(window.form, Keyboard(), REGISTERED).key_entry(realistic(book, 1))

    Clerk(window.form, Keyboard(), REGISTERED).key_entry(realistic(book, 3))

    assert [e.number for e in stored(station)] == [1, 3]
    assert window.keying.outcome.text() == "Đã lưu mục số 3. Số 3 năm 2015 bỏ qua số 2."


def test_the_first_entry_of_a_book_starts_on_its_page(station, window) -> None:
    book = add_book(station, BookKind.BIRTH)
    window.open_book(book.id)

    assert Keyboard.focused().objectName() == "page", "the page and the date come first"
    assert window.form.editors["number"].input.text() == "1"


def test_the_entry_after_a_save_opens_without_a_message(station, window) -> None:
    book = add_book(station, BookKind.BIRTH)
    window.open_book(book.id)
    Clerk(window.form, Keyboard(), REGISTERED).key_entry(realistic(book, 1))

    assert window.keying.outcome.text() == "Đã lưu mục số 1."
    said = {k: e.message.text() for k, e in window.form.editors.items() if e.message.text()}
    assert said == {}, "nothing is wrong yet: nothing has been typed"
    assert not window.form.note.isVisible()


@pytest.fixture
def laptop_window(qtbot, qapp, station, clock):
    """The main window maximised on the 1366×768 screen, in the font the
    desktop sets, the admin logged in."""
    from ui.context import StationContext
    from ui.fonts import reading_font
    from ui.main_window import MainWindow

    font = qapp.font()
    qapp.setFont(reading_font(font))
    with station.sessions() as session:
        user = session.scalars(select(User)).one()
    window = MainWindow(StationContext(station, user, clock, "vi"))
    qtbot.addWidget(window)
    window.showMaximized()
    qtbot.waitUntil(lambda: window.isMaximized() and window.isVisible())
    yield window
    qapp.setFont(font)


# What a maximised window on Windows loses beside the offscreen screen's:
# the taskbar (40-48 px) and the title bar (about 30 px).
WINDOWS_CHROME = 80


@pytest.mark.parametrize("kind", [BookKind.BIRTH, BookKind.DEATH, BookKind.ADOPTION])
def test_a_form_needs_no_scrolling_on_a_laptop_screen(station, laptop_window, qtbot, kind) -> None:
    screen = laptop_window.screen().geometry()
    assert (screen.width(), screen.height()) == (1366, 768)
    book = add_book(station, kind)
    laptop_window.open_book(book.id)
    form = laptop_window.form

    qtbot.waitUntil(lambda: form.body.count == 3)
    # Laid out in three columns, the form's height settles within the window.
    qtbot.waitUntil(lambda: not form.verticalScrollBar().isVisible(), timeout=1000)
    if kind is BookKind.BIRTH:  # the most keyed: it fits with the room Windows takes, too
        assert form.body.sizeHint().height() + WINDOWS_CHROME <= form.viewport().height()


def test_a_person_keyed_twice_is_pointed_out_at_the_save(station, window) -> None:
    book = add_book(station, BookKind.BIRTH)
    window.open_book(book.id)
    first = realistic(book, 1)
    Clerk(window.form, Keyboard(), REGISTERED).key_entry(first)

    Clerk(window.form, Keyboard(), REGISTERED).key_entry(first | {"number": "2"})

    assert [e.status for e in stored(station)] == [EntryStatus.COMPLETED] * 2, "saved all the same"
    assert window.keying.outcome.text() == (
        f"Đã lưu mục số 2. Có thể trùng người với Khai sinh quyển 01/2015 · UBND xã Tân Lập, số 1"
        f" ({first['child_name']}): tổ trưởng sẽ xem lại."
    )


def test_an_entry_with_an_error_is_not_saved_and_the_error_gets_the_focus(station, window) -> None:
    book = add_book(station, BookKind.BIRTH)
    window.open_book(book.id)
    entry = realistic(book, 1)
    entry["child_birth_date"] = "31/02/2015"

    Clerk(window.form, Keyboard(), REGISTERED).key_entry(entry)

    assert [e.status for e in stored(station)] == [EntryStatus.DRAFT]
    assert window.keying.outcome.text().startswith("Chưa lưu được: 1 chỗ cần sửa.")
    assert Keyboard.focused().objectName() == "child_birth_date"
    message = window.form.editors["child_birth_date"].message.text()
    assert message == "Ngày “31/02/2015” không có trong lịch."


def test_an_illegible_name_is_marked_with_f2_and_deferred_with_f9(station, window, qtbot) -> None:
    book = add_book(station, BookKind.BIRTH)
    window.open_book(book.id)
    keyboard = Keyboard()
    keyboard.type("1")  # the page
    keyboard.enter()
    keyboard.type("150615")  # the registration date
    keyboard.enter()
    keyboard.press(Qt.Key.Key_F2)  # the child's name cannot be read

    def confirm_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DeferralDialog)
        assert dialog.reason().value == "illegible", "guessed from the F2 mark"
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        keyboard.type("Trang bị nhòe mực")
        keyboard.enter()

    QTimer.singleShot(0, confirm_dialog)
    keyboard.press(Qt.Key.Key_F9)

    [entry] = stored(station)
    assert entry.status == EntryStatus.DEFERRED
    assert entry.deferral_reason == "illegible"
    assert entry.deferral_note == "Trang bị nhòe mực"
    assert entry.values["child_name"] == {"s": "illegible"}
    assert window.form.editors["number"].input.text() == "2", "the next entry is open"


def test_a_pause_in_typing_saves_a_draft_that_can_be_resumed(station, window, qtbot) -> None:
    book = add_book(station, BookKind.MARRIAGE)
    window.open_book(book.id)
    window.form.focus("wife_name")
    Keyboard().type("Phạm Thị Hoà")

    qtbot.waitUntil(lambda: window.keying.draft_label.text() == "Đã lưu nháp", timeout=3000)
    with station.sessions() as session:
        draft = open_draft(session, window.user)
    assert draft.title == "Phạm Thị Hòa"

    window.keying.open_entry(draft.id)
    assert window.form.editors["wife_name"].input.text() == "Phạm Thị Hòa"


def test_a_completed_entry_reopened_and_edited_stays_completed(
    station, window, clock, qtbot
) -> None:
    book = add_book(station, BookKind.BIRTH)
    window.open_book(book.id)
    Clerk(window.form, Keyboard(), REGISTERED).key_entry(realistic(book, 1))
    [done] = stored(station)
    clock.moment += timedelta(minutes=20)

    window.keying.open_entry(done.id)
    window.form.focus("child_name")
    window.form.editors["child_name"].input.selectAll()
    Keyboard().type("Lê Thị Hoa")
    qtbot.waitUntil(
        lambda: window.keying.draft_label.text() == "Đã giữ các thay đổi; nhấn F10 để lưu vào mục",
        timeout=3000,
    )

    entry, kept = stored(station)  # the entry, and what was typed into it
    assert kept.status == EntryStatus.DRAFT and kept.title == "Lê Thị Hoa"
    assert entry.status == EntryStatus.COMPLETED
    assert (entry.completed_by, entry.completed_at) == (done.completed_by, done.completed_at)
    assert (entry.title, entry.version) == (done.title, 1)
    window.refresh_status()
    window.books_panel.refresh()
    assert window.count_label.text() == "Số mục trong ca: 1", "the admin keys with no quota"
    assert window.books_panel.books.book_at(0).done == 1

    # Back to it later: what was typed is there, and F10 saves it into the entry.
    window.keying.new_entry()
    window.keying.open_entry(done.id)
    assert window.form.editors["child_name"].input.text() == "Lê Thị Hoa"
    Keyboard().press(Qt.Key.Key_F10)

    [entry] = stored(station)
    assert window.keying.outcome.text() == "Đã lưu mục số 1."
    assert (entry.status, entry.title, entry.version) == (EntryStatus.COMPLETED, "Lê Thị Hoa", 2)
    assert entry.completed_at == done.completed_at
    assert window.count_label.text() == "Số mục trong ca: 1", "the admin keys with no quota"


def test_the_exact_transcription_survives_reopening_the_entry(station, window) -> None:
    book = add_book(station, BookKind.BIRTH)
    window.open_book(book.id)
    target = realistic(book, 1)
    target["child_name"] = "Phạm Thị Hoà"
    Clerk(window.form, Keyboard(), REGISTERED).key_entry(target)
    [entry] = stored(station)
    assert entry.values["child_name"] == {"v": "Phạm Thị Hòa", "t": "Phạm Thị Hoà"}

    window.keying.open_entry(entry.id)
    window.form.focus("signer_title")
    window.form.editors["signer_title"].input.selectAll()
    Keyboard().type("Phó Chủ tịch UBND")
    Keyboard().press(Qt.Key.Key_F10)

    [entry] = stored(station)
    assert entry.values["signer_title"] == {"v": "Phó Chủ tịch UBND"}
    assert entry.values["child_name"] == {"v": "Phạm Thị Hòa", "t": "Phạm Thị Hoà"}


UNKNOWN = " Danh mục hành chính không có “tan lap dong phu”: tổ trưởng sẽ xem lại."


@pytest.mark.parametrize(
    ("typed", "keys", "saved", "said"),
    [
        ("Tân Lập, Đồng Phú", [], "Tân Lập, Đồng Phú", ""),
        ("tan lap dong phu", [], "tan lap dong phu", UNKNOWN),
        ("tan lap dong phu", [Qt.Key.Key_Down], "Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước", ""),
    ],
)
def test_a_place_is_saved_as_typed_unless_a_suggestion_is_picked(
    station, window, typed, keys, saved, said
) -> None:
    book = add_book(station, BookKind.BIRTH)
    window.open_book(book.id)
    window.form.focus("child_birth_place")
    keyboard = Keyboard()
    keyboard.type(typed)
    assert window.form.editors["child_birth_place"].suggestion_list.isVisible()
    for key in keys:
        keyboard.press(key)
    keyboard.enter()
    assert window.form.editors["child_birth_place"].input.text() == saved

    Clerk(window.form, keyboard, REGISTERED).key_entry(
        realistic(book, 1) | {"child_birth_place": saved}
    )

    [entry] = stored(station)
    assert entry.status == EntryStatus.COMPLETED
    assert entry.values["child_birth_place"]["v"] == saved
    assert window.keying.outcome.text() == "Đã lưu mục số 1." + said


def test_a_carried_name_keeps_how_the_book_writes_it(station, window) -> None:
    book = add_book(station, BookKind.BIRTH)
    window.open_book(book.id)
    first = realistic(book, 1)
    first["signer_name"] = "Lê Văn Hoà"
    Clerk(window.form, Keyboard(), REGISTERED).key_entry(first)

    Clerk(window.form, Keyboard(), REGISTERED).key_entry(
        realistic(book, 2) | {"signer_name": "Lê Văn Hòa"}
    )

    assert [e.values["signer_name"] for e in stored(station)] == [
        {"v": "Lê Văn Hòa", "t": "Lê Văn Hoà"}
    ] * 2


def test_a_save_refused_by_a_locked_database_says_so_and_keeps_the_entry(
    station, window, caplog
) -> None:
    book = add_book(station, BookKind.BIRTH)
    window.open_book(book.id)
    target = realistic(book, 1)
    # Another program writing to the database for longer than a save waits.
    holder = sqlite3.connect(station.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with caplog.at_level(logging.WARNING, logger="ui.operations"):
            Clerk(window.form, Keyboard(), REGISTERED).key_entry(target)  # ends with F10
    finally:
        holder.execute("ROLLBACK")
        holder.close()

    assert window.keying.outcome.text() == (
        "Mục này CHƯA được lưu: dữ liệu đang bị khóa bởi một chương trình khác. "
        "Những gì đã nhập vẫn còn trên màn hình; chờ một lát rồi lưu lại."
    )
    assert "#b00020" in window.keying.outcome.styleSheet()
    assert stored(station) == []
    assert window.form.editors["child_name"].input.text() == target["child_name"]
    assert "database is locked" in caplog.text

    Keyboard().press(Qt.Key.Key_F10)  # the other program is done: save again

    [entry] = stored(station)
    assert entry.status == EntryStatus.COMPLETED
    assert window.keying.outcome.text() == "Đã lưu mục số 1."
    assert window.keying.outcome.styleSheet() == ""


def test_a_vni_name_converted_with_f5_is_saved_as_shown(station, window) -> None:
    book = add_book(station, BookKind.BIRTH)
    window.open_book(book.id)
    target = realistic(book, 1)
    target["child_name"] = "Phaïm Höõu Nghóa"  # Unikey left on VNI: a warning, saved
    Clerk(window.form, Keyboard(), REGISTERED).key_entry(target)
    [entry] = stored(station)
    assert entry.values["child_name"]["v"] != "Phạm Hữu Nghĩa"

    window.keying.open_entry(entry.id)
    window.form.refresh_findings(everywhere=True)
    assert "đúng là “Phạm Hữu Nghĩa”?" in window.form.editors["child_name"].message.text()
    window.form.focus("child_name")
    Keyboard().press(Qt.Key.Key_F5)
    assert window.form.editors["child_name"].input.text() == "Phạm Hữu Nghĩa"

    Keyboard().press(Qt.Key.Key_F10)

    [entry] = stored(station)
    assert entry.values["child_name"] == {"v": "Phạm Hữu Nghĩa"}
