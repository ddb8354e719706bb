"""The keyboard covers the work: a key for "book finished", one to reach the
entry list and come back, and F1 listing every key the window answers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import select
from test_ui_work import open_window
from verification_helpers import entry_values
from work_helpers import add_book, add_user

from app.db.models import Role, User
from app.keying.save import SaveAction, save_entry
from ui.keying.panel import KeyingPanel
from ui.keys_help import KeysHelp

pytestmark = pytest.mark.usefixtures("vietnamese")
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def book_with_entries(station, clock) -> int:
    """Clerk "an", and a book of theirs with two entries keyed."""
    with station.sessions.begin() as session:
        an = add_user(session, "an")
        book = add_book(session)
        for index in range(2):
            save_entry(
                session, book=book, values=entry_values(index), user=an,
                action=SaveAction.COMPLETE, clock=clock,
            )  # fmt: skip
        return book.id


def test_ctrl_shift_f_says_the_book_is_finished(
    qtbot, station, clock, book_with_entries, monkeypatch
) -> None:
    asked: list[KeyingPanel] = []
    monkeypatch.setattr(KeyingPanel, "finish_current_book", lambda panel: asked.append(panel))
    window = open_window(qtbot, station, clock, "an")
    window.open_book(book_with_entries)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, CTRL_SHIFT)

    assert asked == [window.keying]


def test_f12_goes_to_the_entry_list_and_back_to_the_field(
    qtbot, station, clock, book_with_entries
) -> None:
    window = open_window(qtbot, station, clock, "an")
    window.open_book(book_with_entries)
    field = QApplication.focusWidget()
    assert field is window.form.editors["child_name"].input

    qtbot.keyClick(field, Qt.Key.Key_F12)
    entries = window.keying.entry_list
    assert QApplication.focusWidget() is entries
    assert entries.currentIndex().row() == 1, "the last entry, nearest the form"

    qtbot.keyClick(entries, Qt.Key.Key_F12)
    assert QApplication.focusWidget() is field

    qtbot.keyClick(field, Qt.Key.Key_F12)
    qtbot.keyClick(entries, Qt.Key.Key_Up)
    qtbot.keyClick(entries, Qt.Key.Key_Return)
    assert window.entry is not None and window.entry.number == 1, "Enter opens the entry"
    assert window.form.editors["child_name"].input.text() == "Lê Văn An"


def test_f1_lists_every_key_the_window_answers_grouped_in_vietnamese(
    qtbot, station, clock, monkeypatch
) -> None:
    with station.sessions.begin() as session:
        add_user(session, "lead", Role.LEAD)
    window = open_window(qtbot, station, clock, "lead")
    opened: list[QDialog] = []
    monkeypatch.setattr(KeysHelp, "exec", lambda d: opened.append(d))

    qtbot.keyClick(window, Qt.Key.Key_F1)

    [keys_help] = opened
    text = keys_help.text_shown()
    assert keys_help.windowTitle() == "Các phím tắt"
    for group in ("Nhập liệu", "Sổ", "Tổ trưởng", "Trạm"):
        assert f"\n{group}\n" in f"\n{text}\n", group
    assert "F10\nLưu mục và sang mục sau" in text
    answered = {s.key().toString() for s in window.findChildren(QShortcut)}
    answered |= {
        a.shortcut().toString() for menu in window.menus for a in menu.actions() if a.shortcut()
    }
    answered |= {QKeySequence.mnemonic(m.title()).toString() for m in window.menus}
    listed = text.replace("↑", "Up").replace("↓", "Down").replace("←", "Left").replace("→", "Right")
    assert answered - {""} and all(key in listed for key in answered), answered


def test_a_clerk_is_not_shown_the_lead_s_keys(qtbot, station, clock, monkeypatch) -> None:
    with station.sessions.begin() as session:
        add_user(session, "an")
    window = open_window(qtbot, station, clock, "an")
    opened: list[QDialog] = []
    monkeypatch.setattr(KeysHelp, "exec", lambda d: opened.append(d))

    qtbot.keyClick(window, Qt.Key.Key_F1)

    [keys_help] = opened
    assert "Tổ trưởng" not in keys_help.text_shown()
    assert "Ctrl+Shift+U" not in keys_help.text_shown(), "nor the admin's"


def test_the_admin_s_keys_are_listed_for_the_admin(qtbot, station, clock) -> None:
    with station.sessions() as session:
        admin = session.scalars(select(User)).one()
    keys_help = KeysHelp(admin, [])
    qtbot.addWidget(keys_help)

    assert "Ctrl+Shift+U\nNgười dùng" in keys_help.text_shown()
