"""The login window: who is keying, and in which shift.

A user given a password by the admin (new, or reset) chooses their own
before the window opens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.access.login import AccountLocked, LoginRefused, log_in
from app.db.models import User
from app.station.database import StationDatabase
from app.system.clock import Clock
from app.work.shifts import shift_at
from ui.access.lock_screen import locked_message
from ui.access.password import ChangePasswordDialog
from ui.context import StationContext
from ui.i18n import current_language
from ui.operations import FAILED, Operations
from ui.screen_fit import fit_to_screen
from ui.styles import FAILURE_STYLE

if TYPE_CHECKING:
    from ui.station.recovery import IntegrityCheck


class LoginDialog(QDialog):
    def __init__(
        self,
        db: StationDatabase,
        clock: Clock,
        check: IntegrityCheck | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.clock = clock
        # The start's check of the file: a login writes (the audit log), so
        # it waits for the check to say the file is sound.
        self.check = check
        self.user: User | None = None
        self.setWindowTitle(self.tr("Sohoa — log in"))
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setObjectName("login_problem")
        self.problem.setStyleSheet(FAILURE_STYLE)
        shift = shift_at(clock.now())
        shift_text = (
            self.tr("Outside the shifts")
            if shift is None
            else self.tr("Shift {number} ({start}–{end})").format(
                number=shift.number,
                start=shift.start.strftime("%H:%M"),
                end=shift.end.strftime("%H:%M"),
            )
        )
        self.operations = Operations(self, db, say=self._refuse)
        station = self.operations.run(db.station)
        form = QFormLayout(self)
        if station is not FAILED:
            form.addRow(QLabel(f"<b>{station.office}</b> · {station.code}"))
        self.shift = QLabel(shift_text)
        self.shift.setObjectName("login_shift")
        form.addRow(self.tr("Shift"), self.shift)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        fit_to_screen(self)
        self.username.setFocus()

    def try_login(self) -> None:
        if self.check is not None and self.check.verdict is None:
            self.problem.setStyleSheet("")
            self.problem.setText(
                self.tr("Checking the station's data first: a moment, and you are logged in.")
            )
            self.setEnabled(False)
            self.check.answered.connect(self._checked, Qt.ConnectionType.SingleShotConnection)
            return
        if self.check is not None and self.check.verdict != "ok":
            self._refuse(self.tr("The station's data is damaged: no one logs in to it."))
            return
        username, password = self.username.text(), self.password.text()
        user = self.operations.run(
            lambda: log_in(self.db.sessions, username, password, self.clock),
            refusals={
                AccountLocked: locked_message,
                LoginRefused: lambda _: self.tr("Wrong user name or password."),
            },
        )
        if user is FAILED:
            return
        if user.must_change_password:
            change = ChangePasswordDialog(
                StationContext(self.db, user, self.clock, current_language()),
                required=True,
                parent=self,
            )
            change.current.setText(self.password.text())
            change.new.setFocus()
            if not change.exec():
                self._refuse(self.tr("Choose your own password to log in."))
                return
        self.user = user
        self.accept()

    def _checked(self, _verdict: str) -> None:
        """The check answered while the login waited: log in now (or say why not)."""
        self.setEnabled(True)
        self.problem.setStyleSheet(FAILURE_STYLE)
        self.problem.clear()
        self.try_login()

    def _refuse(self, reason: str) -> None:
        self.problem.setStyleSheet(FAILURE_STYLE)
        self.problem.setText(reason)
        self.password.clear()
        self.password.setFocus()
