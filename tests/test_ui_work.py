"""The queue and the dashboard in the window: what a clerk and a lead see and do."""

from __future__ import annotations

from datetime import time

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from sqlalchemy import func, select
from storage_helpers import database_held, impatient
from work_helpers import add_book, add_user

from app.db.models import Book, Role, User, WorkSession
from app.demo import add_demo_entries
from app.specs import BookKind
from app.work.queue import open_books
from ui.context import StationContext
from ui.main_window import MainWindow
from ui.models.books import STATE
from ui.work.inventory import InventoryDialog


@pytest.fixture
def said(monkeypatch) -> list[str]:
    """What the window told the user in a message box (answered at once)."""
    messages: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda parent, title, text: messages.append(text)
    )
    return messages


@pytest.fixture
def shelf(station):
    with station.sessions.begin() as session:
        add_book(session, BookKind.DEATH, "01", 1990)
        add_book(session, BookKind.BIRTH, "01", 1985)
        add_book(session, BookKind.BIRTH, "02", 1985)
        add_user(session, "an")
        add_user(session, "binh")
        add_user(session, "lead", Role.LEAD)


def open_window(qtbot, station, clock, username: str) -> MainWindow:
    with station.sessions() as session:
        user = session.scalars(select(User).where(User.username == username)).one()
    window = MainWindow(StationContext(station, user, clock, "vi"))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def states(window: MainWindow) -> list[str]:
    model = window.books_panel.books
    return [model.data(model.index(row, STATE)) for row in range(model.rowCount())]


def test_a_clerk_takes_the_next_book_with_one_key(qtbot, station, clock, shelf, vietnamese):
    window = open_window(qtbot, station, clock, "an")

    assert window.tabs.count() == 2, "a clerk has no dashboard"
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    assert window.tabs.currentIndex() == 1
    assert window.book.kind == "birth" and window.book.volume == "01"
    assert states(window)[0] == "Đang nhập: an"
    assert window.form.focusWidget() is not None


def test_a_book_another_clerk_keys_is_refused_plainly(
    qtbot, station, clock, shelf, vietnamese, said
):
    first = open_window(qtbot, station, clock, "an")
    first.keying.open_next_book()
    second = open_window(qtbot, station, clock, "binh")

    second.open_book(first.book.id)

    assert said == ["An đang nhập sổ này. Mỗi sổ chỉ do một người nhập tại một thời điểm."]
    assert second.book is None


def test_closing_the_window_gives_the_book_back(qtbot, station, clock, shelf):
    window = open_window(qtbot, station, clock, "an")
    window.keying.open_next_book()
    window.close()

    with station.sessions() as session:
        assert session.scalar(select(func.count()).where(Book.taken_by.is_not(None))) == 0


def test_the_lead_reorders_and_holds_books_from_the_keyboard(
    qtbot, station, clock, shelf, vietnamese
):
    window = open_window(qtbot, station, clock, "lead")
    window.book_table.setFocus()
    window.book_table.selectRow(2)  # the death book, last in the queue

    qtbot.keyClick(window.book_table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.book_table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)

    with station.sessions() as session:
        assert [b.kind for b in open_books(session)] == ["birth", "death", "birth"]
        assert open_books(session)[1].on_hold
    assert states(window)[1] == "Tạm giữ"
    assert window.books_panel.books.book_at(1).kind is BookKind.DEATH, (
        "the moved book stays selected"
    )


LOCKED = (
    "Dữ liệu đang bị một chương trình khác khóa nên chưa có gì thay đổi. "
    "Hãy chờ một lát rồi thử lại."
)


def test_a_lead_action_on_a_locked_database_is_said_and_changes_nothing(
    qtbot, station, clock, shelf, vietnamese, said, monkeypatch
):
    window = open_window(qtbot, station, clock, "lead")
    window.book_table.setFocus()
    window.book_table.selectRow(2)
    impatient(station, monkeypatch)

    with qtbot.captureExceptions() as crashes, database_held(station.path):
        qtbot.keyClick(window.book_table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)

    assert said == [LOCKED]
    assert crashes == [], "not the crash dialog"
    with station.sessions() as session:
        assert not any(book.on_hold for book in open_books(session))
    assert "Tạm giữ" not in states(window)

    qtbot.keyClick(window.book_table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)

    with station.sessions() as session:
        assert open_books(session)[2].on_hold, "the other program is done: the lead holds it"
    assert states(window)[2] == "Tạm giữ"


def test_closing_on_a_locked_database_says_so_and_keeps_the_book_and_the_window(
    qtbot, station, clock, shelf, vietnamese, monkeypatch
):
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    window = open_window(qtbot, station, clock, "an")
    window.keying.open_next_book()
    book = window.book
    impatient(station, monkeypatch)

    with qtbot.captureExceptions() as crashes, database_held(station.path):
        closed = window.close()

    assert not closed and window.isVisible(), "the clerk closes again once the data is free"
    assert warned == [LOCKED]
    assert window.statusBar().currentMessage() == LOCKED, "the activity waits too"
    assert crashes == [], "not the crash dialog"
    with station.sessions() as session:
        assert session.get_one(Book, book.id).taken_by == window.user.id

    window.form.focus("child_name")
    qtbot.keyClicks(window.form.focusWidget(), "Lan")
    assert window.keying.save_draft(), "the window keys on"
    assert window.close()
    with station.sessions() as session:
        assert session.scalar(select(func.count()).where(Book.taken_by.is_not(None))) == 0


def test_keys_pressed_become_active_time_and_keystrokes(qtbot, station, clock, shelf):
    window = open_window(qtbot, station, clock, "an")
    window.keying.open_next_book()
    for _ in range(5):
        qtbot.keyClicks(window.form.focusWidget(), "a")
        clock.moment = clock.moment.replace(second=clock.moment.second + 2)

    window.flush_activity()

    with station.sessions() as session:
        work = session.scalars(select(WorkSession)).one()
    assert (work.shift, work.keystrokes, work.active_seconds) == (1, 5, 8)


def test_the_dashboard_shows_the_shift_the_campaign_and_the_backlog(
    qtbot, station, clock, vietnamese
):
    add_demo_entries(station, 3000, seed=11, clock=clock)
    window = open_window(qtbot, station, clock, "lead01")

    qtbot.keyClick(window, Qt.Key.Key_F8)
    dashboard = window.dashboard

    assert window.tabs.currentWidget() is dashboard
    assert dashboard.headline.text().startswith("Ca 1 (06:00–12:00): ")
    assert dashboard.clerks.rowCount() >= 1
    assert "Chiến dịch:" in dashboard.campaign_line.text()
    assert "%" in dashboard.campaign_line.text()
    reasons = [dashboard.backlog.data(dashboard.backlog.index(r, 0)) for r in range(3)]
    assert "Trang sổ bị hư hỏng" in reasons
    assert dashboard.timer.isActive(), "it refreshes itself while shown"
    clock.set_local(clock.now().date(), time(23, 0))
    dashboard.refresh()
    assert dashboard.headline.text().startswith("Ngoài ca")


def test_the_lead_saves_the_days_report_from_the_dashboard(qtbot, station, clock, tmp_path):
    add_demo_entries(station, 500, seed=2, clock=clock)
    window = open_window(qtbot, station, clock, "lead01")
    window.tabs.setCurrentWidget(window.dashboard)

    window.dashboard.write_report(tmp_path / "today", as_pdf=True)
    window.dashboard.write_report(tmp_path / "today", as_pdf=False)

    assert (tmp_path / "today.pdf").read_bytes().startswith(b"%PDF")
    assert openpyxl.load_workbook(tmp_path / "today.xlsx").sheetnames


def test_only_a_lead_registers_books(qtbot, station, clock, shelf, monkeypatch):
    opened: list[InventoryDialog] = []
    monkeypatch.setattr(InventoryDialog, "exec", lambda dialog: opened.append(dialog))
    clerk = open_window(qtbot, station, clock, "an")
    lead = open_window(qtbot, station, clock, "lead")

    assert clerk.findChild(QPushButton, "register_books") is None
    lead.book_table.setFocus()
    qtbot.keyClick(lead.book_table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1
