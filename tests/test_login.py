"""Logging in, and the app in its second language."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ADMIN_PASSWORD
from sqlalchemy import select
from storage_helpers import database_held, impatient
from test_backups import damage

from app.access.login import MAX_FAILURES, log_in
from app.db.models import AuditRecord, Book, User
from ui.access.login import LoginDialog
from ui.access.password import ChangePasswordDialog
from ui.context import StationContext
from ui.keying.keyboard_driver import Keyboard
from ui.main_window import MainWindow
from ui.station.recovery import IntegrityCheck


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


@pytest.mark.usefixtures("vietnamese")
def test_a_login_on_a_locked_database_says_so_and_can_be_tried_again(
    qtbot, login: LoginDialog, station, monkeypatch
) -> None:
    impatient(station, monkeypatch)
    keyboard = Keyboard()
    keyboard.type("admin")
    keyboard.press_tab()
    keyboard.type(ADMIN_PASSWORD)

    with qtbot.captureExceptions() as crashes, database_held(station.path):
        keyboard.enter()

    assert crashes == [], "not the crash dialog"
    assert login.user is None
    assert login.problem.text().startswith("Dữ liệu đang bị một chương trình khác khóa")
    keyboard.type(ADMIN_PASSWORD)
    keyboard.enter()
    assert login.user is not None and login.user.username == "admin"


def test_the_right_password_opens_the_session(login: LoginDialog) -> None:
    keyboard = Keyboard()
    keyboard.type("admin")
    keyboard.press_tab()
    keyboard.type(ADMIN_PASSWORD)
    keyboard.enter()

    assert login.user is not None and login.user.username == "admin"
    assert login.result() == LoginDialog.DialogCode.Accepted


@pytest.mark.usefixtures("vietnamese")
def test_wrong_passwords_in_a_row_lock_the_user_out_and_the_window_says_until_when(
    login: LoginDialog,
) -> None:
    for _ in range(MAX_FAILURES):
        login.username.setText("admin")
        login.password.setText("guess-password")
        login.try_login()

    assert login.user is None
    assert login.problem.text() == (
        "Nhập sai mật khẩu quá nhiều lần: người dùng này bị khóa đến 09:45."
    )  # the test clock says 09:30


@pytest.mark.usefixtures("vietnamese")
def test_a_user_with_a_temporary_password_chooses_their_own_before_the_window(
    login: LoginDialog, station, clock, monkeypatch
) -> None:
    with station.sessions.begin() as session:
        session.scalars(select(User)).one().must_change_password = True
    asked = []

    def choose(dialog: ChangePasswordDialog) -> bool:
        asked.append(dialog.current.text())
        dialog.new.setText("my-own-password")
        dialog.repeat.setText("my-own-password")
        dialog.change()
        return dialog.result() == ChangePasswordDialog.DialogCode.Accepted

    monkeypatch.setattr(ChangePasswordDialog, "exec", choose)
    login.username.setText("admin")
    login.password.setText(ADMIN_PASSWORD)
    login.try_login()

    assert asked == [ADMIN_PASSWORD]  # the one just typed, not typed again
    assert login.user is not None
    assert not log_in(station.sessions, "admin", "my-own-password", clock).must_change_password


def test_the_login_shows_the_shift(login: LoginDialog) -> None:
    assert login.shift.text() == "Shift 1 (06:00–12:00)"  # the test clock says 09:30


def test_english_is_the_second_language(qtbot, station, clock) -> None:
    with station.sessions() as session:
        user = session.scalars(select(User)).one()

    with station.sessions.begin() as session:
        book = Book(kind="death", office="UBND xã Tân Lập", volume="01", year=2015)
        session.add(book)

    window = MainWindow(StationContext(station, user, clock, "en"))
    qtbot.addWidget(window)
    window.open_book(book.id)

    assert window.tabs.tabText(1) == "Keying (F7)"
    assert window.keying.book_title.text() == "Death register · UBND xã Tân Lập · volume 01 · 2015"
    assert window.form.editors["death_date"].label.text() == "Date of death *"


def test_the_self_test_passes_on_this_machine(tmp_path: Path) -> None:
    sohoa = Path(sys.executable).parent / "sohoa"
    result = subprocess.run(
        [str(sohoa), "--self-test"], capture_output=True, text=True, timeout=300, check=False
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed: 4 entries keyed" in result.stdout


def audit_rows(station) -> int:
    with station.sessions() as session:
        return len(session.scalars(select(AuditRecord)).all())


@pytest.mark.usefixtures("vietnamese")
def test_a_login_waits_for_the_start_s_check_before_it_writes(qtbot, station, clock) -> None:
    check = IntegrityCheck(station.data_dir)
    dialog = LoginDialog(station, clock, check)
    qtbot.addWidget(dialog)
    dialog.username.setText("admin")
    dialog.password.setText(ADMIN_PASSWORD)
    before = audit_rows(station)

    dialog.try_login()

    assert dialog.user is None and audit_rows(station) == before, "nothing written yet"
    assert dialog.problem.text() == (
        "Đang kiểm tra dữ liệu của trạm trước: chờ một lát là đăng nhập xong."
    )
    check.start()
    qtbot.waitUntil(lambda: dialog.user is not None)
    assert audit_rows(station) == before + 1, "the login is kept once the file is sound"


@pytest.mark.usefixtures("vietnamese")
def test_a_damaged_file_is_kept_as_found_no_login_writes_to_it(
    qtbot, station, clock, monkeypatch
) -> None:
    monkeypatch.setattr("ui.station.recovery.QMessageBox.critical", lambda *args: None)
    station.close()
    damage(station.path)
    found = station.path.read_bytes()
    check = IntegrityCheck(station.data_dir)
    dialog = LoginDialog(station, clock, check)
    qtbot.addWidget(dialog)
    dialog.username.setText("admin")
    dialog.password.setText(ADMIN_PASSWORD)

    dialog.try_login()
    check.start()
    qtbot.waitUntil(lambda: check.verdict is not None)

    assert check.verdict != "ok"
    assert dialog.user is None
    assert dialog.problem.text() == "Dữ liệu của trạm bị hỏng: không ai đăng nhập vào được."
    assert station.path.read_bytes() == found, "the damaged file is kept byte for byte"
