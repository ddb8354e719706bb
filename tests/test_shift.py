"""A shift on the office laptop (1366×768): a clerk keys a book, leaves an
entry for later and finishes the book, warned; the lead opens the deferred
entry from the backlog, completes it, and reads the shift's quota, which
counts the clerk alone. Every dialog of the shift fits the screen."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QMessageBox,
    QTableView,
)
from sqlalchemy import select
from test_main_window import REGISTERED, realistic
from test_ui_work import open_window
from work_helpers import add_book, add_user

from app.db.models import Book, Entry, EntryStatus, Role
from app.specs import BookKind
from ui.dashboard.backlog import BacklogDialog
from ui.keying.book_words import FinishBookQuestion
from ui.keying.deferral import DeferralDialog
from ui.keying.keyboard_driver import Clerk, Keyboard
from ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("vietnamese")
LAPTOP = QRect(0, 0, 1366, 768)
# What a real desktop takes of the height: Windows' taskbar, and a title bar
# (the offscreen screen draws frames 2 px wide and no title).
TASKBAR, TITLE_BAR = 40, 30


def assert_fits(dialog: QDialog) -> None:
    """The dialog, with a title bar, fits the laptop's screen above the
    taskbar, and each of its buttons lies within it."""
    name, frame = type(dialog).__name__, dialog.frameGeometry()
    assert LAPTOP.contains(frame), f"{name} at {frame}"
    assert frame.height() + TITLE_BAR <= LAPTOP.height() - TASKBAR, f"{name} is {frame.size()}"
    for button in dialog.findChildren(QAbstractButton):
        if not button.isVisibleTo(dialog):
            continue
        at = QRect(button.mapToGlobal(QPoint(0, 0)), button.size())
        assert dialog.geometry().contains(at), f"{name}: {button.text()!r} at {at} is cut off"


def when_a_dialog_opens(qtbot, handle: Callable[[QDialog], None], seen: list[QDialog]) -> None:
    """Run ``handle`` on the next modal dialog once it is shown and active,
    after checking that it fits. A failure closes it, so that the test goes
    on to say what failed instead of waiting on the dialog."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or not dialog.isVisible() or dialog in seen:
            QTimer.singleShot(10, run)
            return
        seen.append(dialog)
        try:
            dialog.activateWindow()
            qtbot.waitUntil(dialog.isActiveWindow)
            assert_fits(dialog)
            handle(dialog)
        except BaseException:
            dialog.reject()
            raise

    QTimer.singleShot(0, run)


def on_the_laptop(window: MainWindow) -> MainWindow:
    window.showMaximized()
    window.activateWindow()
    return window


def back_to(qtbot, window: MainWindow) -> None:
    """The window active again once a dialog closed, as a window manager does."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


@pytest.fixture
def shelf(station):
    """A birth book of three entries, a clerk and a lead."""
    with station.sessions.begin() as session:
        book = add_book(session, BookKind.BIRTH, "01", 2015, expected=3)
        add_user(session, "an")
        add_user(session, "lead", Role.LEAD)
        return book


def test_a_shift_with_a_hard_entry_left_for_the_lead(qtbot, station, clock, shelf) -> None:
    assert QGuiApplication.primaryScreen().geometry() == LAPTOP
    seen: list[QDialog] = []
    keyboard = Keyboard()

    # The clerk: the next book, two entries keyed, one between them unreadable.
    clerk = on_the_laptop(open_window(qtbot, station, clock, "an"))
    qtbot.keyClick(clerk, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    Clerk(clerk.form, keyboard, REGISTERED).key_entry(realistic(shelf, 1))
    keyboard.press(Qt.Key.Key_F2)  # the child's name cannot be read

    def defer(dialog: QDialog) -> None:
        assert isinstance(dialog, DeferralDialog)
        keyboard.type("Tên bị nhòe mực, hỏi lại gia đình")
        keyboard.enter()

    when_a_dialog_opens(qtbot, defer, seen)
    keyboard.press(Qt.Key.Key_F9)
    assert clerk.keying.outcome.text() == "Đã chuyển mục số 2 sang xử lý sau."
    back_to(qtbot, clerk)
    Clerk(clerk.form, keyboard, REGISTERED).key_entry(realistic(shelf, 3))

    # Book finished: the deferred entry is said, and Enter alone would not finish.
    def finish(dialog: QDialog) -> None:
        assert isinstance(dialog, FinishBookQuestion)
        assert "1 mục để lại xử lý sau" in dialog.text()
        assert dialog.defaultButton() is dialog.button(QMessageBox.StandardButton.No)
        yes = dialog.button(QMessageBox.StandardButton.Yes)
        assert yes.text().replace("&", "") == "Có", "Qt's own button, in Vietnamese"
        when_a_dialog_opens(qtbot, no_book_left, seen)
        yes.click()

    def no_book_left(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        assert dialog.text() == "Không còn sổ nào chờ nhập."
        dialog.button(QMessageBox.StandardButton.Ok).click()

    when_a_dialog_opens(qtbot, finish, seen)
    clerk.keying.finish_button.click()
    with station.sessions() as session:
        assert session.get(Book, shelf.id).finished_at is not None
    clerk.close()

    # The lead: the backlog still holds the entry; Enter opens it where it is.
    lead = on_the_laptop(open_window(qtbot, station, clock, "lead"))
    qtbot.keyClick(lead, Qt.Key.Key_F8)

    def choose(dialog: QDialog) -> None:
        assert isinstance(dialog, BacklogDialog)
        assert dialog.entries.rowCount() == 1
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)

    when_a_dialog_opens(qtbot, choose, seen)
    qtbot.keyClick(lead.dashboard, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert lead.tabs.currentWidget() is lead.keying
    back_to(qtbot, lead)
    assert lead.keying.heading.deferral.isVisible()
    assert lead.keying.heading.deferral.text().startswith(
        "Để lại xử lý sau: Có thông tin không đọc được — “Tên bị nhòe mực, hỏi lại gia đình” (an,"
    )
    assert Keyboard.focused().objectName() == "child_name"
    keyboard.press(Qt.Key.Key_F2)  # the family told the name: no longer unreadable
    Clerk(lead.form, keyboard, REGISTERED).key_entry(realistic(shelf, 2))

    assert lead.keying.outcome.text() == "Đã lưu mục số 2."
    with station.sessions() as session:
        statuses = session.scalars(select(Entry.status).order_by(Entry.number)).all()
        book = session.get_one(Book, shelf.id)
    assert statuses == [EntryStatus.COMPLETED] * 3
    assert (book.finished_at is not None, book.taken_by) == (True, None), "the book stays"
    assert lead.keying.book is None, "back to no book: the lead keys none of their own"

    # The dashboard: three entries this shift against one clerk's quota.
    qtbot.keyClick(lead, Qt.Key.Key_F8)
    lead.dashboard.refresh()
    assert lead.dashboard.headline.text().startswith("Ca 1 (06:00–12:00): 3/150 mục, 1 cán bộ"), (
        lead.dashboard.headline.text()
    )
    table = lead.dashboard.findChild(QTableView, "clerks")
    rows = {
        table.model().index(row, 0).data(): [
            table.model().index(row, column).data() for column in range(1, 4)
        ]
        for row in range(table.model().rowCount())
    }
    assert rows == {"An": ["2", "150", "1%"], "Lead": ["1", "", ""]}
    assert lead.dashboard.findChild(QLabel, "quota_rule").isVisible()

    assert [type(d) for d in seen] == [
        DeferralDialog, FinishBookQuestion, QMessageBox, BacklogDialog,
    ]  # fmt: skip
