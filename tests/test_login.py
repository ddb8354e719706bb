"""Logging in, and the app in its second language."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ADMIN_PASSWORD
from sqlalchemy import select

from app.db.models import Book, User
from ui.keyboard_driver import Keyboard
from ui.login import LoginDialog
from ui.main_window import MainWindow


@pytest.fixture
def login(qtbot, station, clock) -> LoginDialog:
    dialog = LoginDialog(station, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


@pytest.mark.usefixtures("vietnamese")
def test_a_wrong_password_is_refused_in_vietnamese(login: LoginDialog) -> None:
    keyboard = Keyboard()
    keyboard.type("admin")
    keyboard.press_tab()
    keyboard.type("not-the-password")
    keyboard.enter()

    assert login.user is None
    assert login.problem.text() == "Tên đăng nhập hoặc mật khẩu không đúng."
    assert login.password.text() == "", "the password is typed again"


def test_the_right_password_opens_the_session(login: LoginDialog) -> None:
    keyboard = Keyboard()
    keyboard.type("admin")
    keyboard.press_tab()
    keyboard.type(ADMIN_PASSWORD)
    keyboard.enter()

    assert login.user is not None and login.user.username == "admin"
    assert login.result() == LoginDialog.DialogCode.Accepted


def test_the_login_shows_the_shift(login: LoginDialog) -> None:
    assert login.shift.text() == "Shift 1 (06:00–12:00)"  # the test clock says 09:30


def test_english_is_the_second_language(qtbot, station, clock) -> None:
    with station.sessions() as session:
        user = session.scalars(select(User)).one()

    with station.sessions.begin() as session:
        book = Book(kind="death", office="UBND xã Tân Lập", volume="01", year=2015)
        session.add(book)

    window = MainWindow(station, user, clock, "en")
    qtbot.addWidget(window)
    window.open_book(book.id)

    assert window.tabs.tabText(1) == "Keying (F7)"
    assert window.book_title.text() == "Death register · UBND xã Tân Lập · volume 01 · 2015"
    layout = window.form.editors["death_date"].parentWidget().layout()
    assert layout.labelForField(window.form.editors["death_date"]).text() == "Date of death *"


def test_the_self_test_passes_on_this_machine(tmp_path: Path) -> None:
    sohoa = Path(sys.executable).parent / "sohoa"
    result = subprocess.run(
        [str(sohoa), "--self-test"], capture_output=True, text=True, timeout=300, check=False
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed: 4 entries keyed" in result.stdout
