"""The work's rules in the window: finishing a book, the backlog handed to a
clerk, a clerk's queue, the lead reopening a book, the count in the status
bar."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox
from sqlalchemy import select
from test_ui_work import open_window, states
from work_helpers import add_book, add_user, key_entry, local

from app.db.models import AuditRecord, Book, Entry, EntryStatus, Role, User
from app.keying.save import SaveAction
from app.specs import BookKind
from app.work.queue import finish_book, next_book
from ui.dashboard.backlog import BacklogDialog
from ui.keying.book_words import FinishBookQuestion

pytestmark = pytest.mark.usefixtures("vietnamese")
DAY = date(2026, 11, 22)


@pytest.fixture
def said(monkeypatch) -> list[str]:
    """What the window told the user in a message box (answered at once)."""
    messages: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda parent, title, text: messages.append(text)
    )
    return messages


@pytest.fixture
def asked(monkeypatch) -> list[str]:
    """What finishing a book asked; the answer is Yes."""
    questions: list[str] = []

    def answer(question: FinishBookQuestion) -> QMessageBox.StandardButton:
        questions.append(question.text())
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(FinishBookQuestion, "exec", answer)
    return questions


@pytest.fixture
def team(station):
    with station.sessions.begin() as session:
        add_book(session, BookKind.BIRTH, "01", 1985, expected=2)
        add_book(session, BookKind.BIRTH, "02", 1985)
        add_user(session, "an")
        add_user(session, "binh")
        add_user(session, "lead", Role.LEAD)


def user(session, name: str) -> User:
    return session.scalars(select(User).where(User.username == name)).one()


def test_a_book_keyed_to_its_end_is_finished_on_a_plain_question(
    qtbot, station, clock, team, asked, said
) -> None:
    with station.sessions.begin() as session:
        an = user(session, "an")
        book = next_book(session, an, clock)
        for number in (1, 2):
            key_entry(session, clock, book, an, local(DAY, 8, number), number)
    window = open_window(qtbot, station, clock, "an")
    window.keying.open_next_book()

    window.keying.finish_button.click()

    assert asked == ["Đã nhập hết các mục của sổ này? Sổ sẽ ra khỏi hàng chờ."]
    assert window.book is not None and window.book.volume == "02", "the next book follows"


def test_finishing_says_the_drafts_and_the_entries_not_keyed(
    qtbot, station, clock, team, asked
) -> None:
    window = open_window(qtbot, station, clock, "an")
    window.keying.open_next_book()
    window.form.editors["child_name"].input.setText("Lê Văn An")
    window.keying.save_draft()

    window.keying.finish_button.click()

    [question] = asked
    assert "1 mục đang nhập dở, chưa lưu (bản nháp)." in question
    assert "Mới nhập 0 trong số 2 mục dự kiến." in question
    assert "để lại xử lý sau" not in question


def test_a_clerk_opens_only_their_book_or_the_next_and_is_told(
    qtbot, station, clock, team, said
) -> None:
    window = open_window(qtbot, station, clock, "an")
    rule = window.books_panel.findChild(QLabel, "queue_rule")
    assert rule.text().startswith("Bạn nhập sổ của mình hoặc sổ tiếp theo trong hàng chờ")

    window.book_table.setFocus()
    window.book_table.setCurrentIndex(window.books_panel.books.index(1, 0))
    qtbot.keyClick(window.book_table, Qt.Key.Key_Return)

    assert window.book is None
    assert said == [
        "Bạn nhập sổ của mình hoặc sổ tiếp theo trong hàng chờ (Ctrl+N);"
        " thứ tự do tổ trưởng sắp xếp."
    ]
    lead = open_window(qtbot, station, clock, "lead")
    assert lead.books_panel.findChild(QLabel, "queue_rule") is None
    lead.open_book(window.books_panel.books.book_at(1).book_id)
    assert lead.book is not None and lead.book.volume == "02", "a lead opens any book"


def test_the_lead_reopens_a_finished_book_with_ctrl_o(qtbot, station, clock, team) -> None:
    with station.sessions.begin() as session:
        an = user(session, "an")
        finish_book(session, an, next_book(session, an, clock), clock)
    window = open_window(qtbot, station, clock, "lead")
    assert states(window) == ["Chờ nhập", "Đã xong"]
    window.book_table.setFocus()
    window.book_table.selectRow(1)

    qtbot.keyClick(window.book_table, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)

    assert states(window) == ["Chờ nhập", "Chờ nhập"]
    assert window.books_panel.books.book_at(0).volume == "01", "back at its place, first"
    with station.sessions() as session:
        actions = session.scalars(select(AuditRecord.action)).all()
    assert "book.reopened" in actions


def test_a_deferred_entry_handed_to_a_clerk_opens_in_their_window(
    qtbot, station, clock, team, said, monkeypatch
) -> None:
    with station.sessions.begin() as session:
        an = user(session, "an")
        book = next_book(session, an, clock)
        deferred = key_entry(session, clock, book, an, local(DAY, 8), 1, SaveAction.DEFER)
        finish_book(session, an, book, clock)
    lead = open_window(qtbot, station, clock, "lead")
    dialog = BacklogDialog(lead.context, parent=lead)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    offered: list[list[str]] = []

    def pick_binh(parent, title, label, items, current, editable):
        offered.append(items)
        return "Binh (binh)", True

    monkeypatch.setattr(QInputDialog, "getItem", pick_binh)
    qtbot.keyClick(dialog.table, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)

    assert offered == [["Không giao cho ai", "An (an)", "Binh (binh)"]]
    handed_to = dialog.entries.columnCount() - 1
    assert dialog.entries.index(0, handed_to).data() == "binh"

    clerk = open_window(qtbot, station, clock, "binh")
    handed: list[BacklogDialog] = []
    monkeypatch.setattr(BacklogDialog, "exec", lambda d: handed.append(d))
    qtbot.keyClick(clerk.book_table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    [mine] = handed
    assert mine.windowTitle() == "Các mục để lại được giao cho bạn"
    assert mine.entries.rowCount() == 1
    mine.choose(0)

    assert clerk.entry is not None and clerk.entry.id == deferred.id
    assert clerk.keying.visiting and not clerk.keying.finish_button.isEnabled()
    qtbot.keyClick(clerk, Qt.Key.Key_F10)
    with station.sessions() as session:
        assert session.get(Entry, deferred.id).status == EntryStatus.COMPLETED
        assert session.get(Book, book.id).finished_at is not None, "the book stays finished"
    assert clerk.book is None and clerk.keying.forms.currentWidget() is clerk.keying.no_book


def test_the_status_bar_counts_the_day_outside_the_shifts(qtbot, station, clock, team) -> None:
    with station.sessions.begin() as session:
        an = user(session, "an")
        book = next_book(session, an, clock)
        key_entry(session, clock, book, an, local(DAY, 8), 1)
        key_entry(session, clock, book, an, local(DAY, 22, 30), 2)
    clock.set_local(DAY, time(9))
    window = open_window(qtbot, station, clock, "an")
    assert window.count_label.text() == "Số mục trong ca: 1/150"

    clock.set_local(DAY, time(23))
    window.refresh_status()

    assert window.shift_label.text() == "Ngoài giờ ca"
    assert window.count_label.text() == "Số mục hôm nay: 2", "not the day against a shift"
