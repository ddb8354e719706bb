"""The window's security as a clerk and an admin meet it: the idle lock
(with a clock the test sets), changing a password, the users dialog and the
backups dialog's restore."""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import ADMIN_PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app.access.login import log_in
from app.db.models import AuditRecord, Book, Entry, EntryStatus, User
from app.station.backups import daily_backup
from app.work.settings import DEFAULT_IDLE_MINUTES
from ui.access.users import UsersDialog, _UserForm
from ui.context import StationContext
from ui.keying.keyboard_driver import Keyboard
from ui.station.backups import BackupsDialog

pytestmark = pytest.mark.usefixtures("vietnamese")


def add_book(station) -> Book:
    with station.sessions.begin() as session:
        book = Book(kind="birth", office="UBND xã Tân Lập", volume="01", year=2015)
        session.add(book)
    return book


def test_an_idle_window_locks_itself_and_keeps_what_the_form_held(
    station, window, clock, qtbot
) -> None:
    window.open_book(add_book(station).id)
    window.form.focus("child_name")
    Keyboard().type("Nguyễn Văn Bình")

    clock.moment += timedelta(minutes=DEFAULT_IDLE_MINUTES - 1)
    window.check_idle()
    assert window.lock is None
    qtbot.keyClick(window.form.editors["child_name"].input, Qt.Key.Key_End)  # still at work

    clock.moment += timedelta(minutes=DEFAULT_IDLE_MINUTES - 1)
    window.check_idle()
    assert window.lock is None

    clock.moment += timedelta(minutes=1)
    window.check_idle()

    lock = window.lock
    assert lock is not None and lock.isVisible() and lock.isModal()
    assert "khóa sau 10 phút" in lock.findChild(type(lock.problem), "lock_explanation").text()
    with station.sessions() as session:
        [draft] = session.scalars(select(Entry)).all()
    assert draft.status == EntryStatus.DRAFT and draft.title == "Nguyễn Văn Bình"

    qtbot.keyClicks(lock.password, "not-my-password")
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    assert lock.problem.text() == "Sai mật khẩu."
    assert window.lock is lock and not window.switching_user  # Enter logs no one out
    lock.reject()  # Escape does not open it
    assert lock.isVisible()

    lock.password.setText(ADMIN_PASSWORD)
    lock.try_unlock()
    assert window.lock is None and not lock.isVisible()
    assert window.form.editors["child_name"].input.text() == "Nguyễn Văn Bình"
    qtbot.waitUntil(window.isActiveWindow)  # its shortcuts answer at once
    assert Keyboard.focused() is window.form.editors["child_name"].input
    with station.sessions() as session:
        actions = session.scalars(select(AuditRecord.action).order_by(AuditRecord.id)).all()
    assert actions[-2:] == ["login.refused", "unlock"]


def test_another_user_may_log_in_at_a_locked_screen(station, window, clock) -> None:
    book = add_book(station)
    window.open_book(book.id)
    window.lock_screen()

    window.lock.switch_requested.emit()

    assert window.switching_user and not window.isVisible()
    assert window.lock is None
    with station.sessions() as session:
        assert session.get_one(Book, book.id).taken_by is None  # back in the queue


def test_an_admin_adds_a_clerk_who_must_choose_a_password(
    station, window, clock, qtbot, monkeypatch
) -> None:
    dialog = UsersDialog(StationContext(station, window.user, clock, "vi"), window)
    qtbot.addWidget(dialog)

    def fill(form: _UserForm) -> bool:
        form.username.setText("lan.tran")
        form.full_name.setText("Trần Thị Lan")
        form.role.setCurrentIndex(0)
        form.password.setText("ngay-dau-tien")
        return True

    monkeypatch.setattr(_UserForm, "exec", fill)
    dialog.add()

    assert dialog.status.text().startswith("Đã thêm lan.tran.")
    names = [dialog.users.row_at(r).username for r in range(dialog.users.rowCount())]
    assert names == ["admin", "lan.tran"]
    assert dialog.users.index(1, 3).data() == "Mật khẩu tạm"
    assert log_in(station.sessions, "lan.tran", "ngay-dau-tien", clock).must_change_password


def test_the_last_admin_cannot_take_their_own_access_away(
    station, window, clock, qtbot, monkeypatch
) -> None:
    dialog = UsersDialog(StationContext(station, window.user, clock, "vi"), window)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    said = []

    def untick(form: _UserForm) -> bool:
        if said:
            return False  # the admin reads the reason and cancels
        form.active.setChecked(False)
        said.append(form.problem)
        return True

    monkeypatch.setattr(_UserForm, "exec", untick)
    dialog.edit()

    assert said[0].text() == "Trạm phải giữ ít nhất một quản trị viên đang dùng."
    with station.sessions() as session:
        assert session.scalars(select(User)).one().active


def test_the_backups_dialog_asks_before_a_restore_and_chooses_the_backup(
    station, window, clock, qtbot, monkeypatch
) -> None:
    backup = daily_backup(station.data_dir, clock)
    dialog = BackupsDialog(StationContext(station, window.user, clock, "vi"), window)
    qtbot.addWidget(dialog)
    assert dialog.backups.index(0, 1).data() == "Hằng ngày"
    asked = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        box.findChild(type(box.defaultButton()), "confirm_restore").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    dialog.restore_chosen()

    assert asked[0].startswith("Khôi phục trạm về như lúc ")
    assert "được giữ lại trước" in asked[0]
    assert dialog.chosen == backup


def test_a_clock_set_back_neither_delays_nor_hastens_the_idle_lock(
    station, window, clock, qtbot
) -> None:
    window.open_book(add_book(station).id)
    Keyboard().type("Nguyễn Văn Bình")

    clock.turn_back(timedelta(hours=2))  # the office PC's clock corrected by hand
    clock.moment += timedelta(minutes=DEFAULT_IDLE_MINUTES - 1)
    window.check_idle()
    assert window.lock is None, "setting the time is no idle time"

    clock.moment += timedelta(minutes=1)
    window.check_idle()
    assert window.lock is not None, "ten minutes left alone lock it, whatever the clock says"
