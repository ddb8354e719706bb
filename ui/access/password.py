"""Changing one's own password: at the first login, after an admin's reset,
or whenever the user wants to (Ctrl+Shift+P in the main window)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.access.passwords import MIN_LENGTH, WeakPasswordError
from app.access.users import UserProblem, change_own_password
from ui.context import StationContext
from ui.operations import FAILED, Operations
from ui.screen_fit import fit_to_screen
from ui.styles import FAILURE_STYLE


class ChangePasswordDialog(QDialog):
    def __init__(
        self,
        context: StationContext,
        required: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.operations = Operations(self, context, say=self._say)
        self.setWindowTitle(self.tr("Change your password"))
        self.current = self._password_field("current_password")
        self.new = self._password_field("new_password")
        self.repeat = self._password_field("repeat_password")
        self.problem = QLabel()
        self.problem.setObjectName("password_problem")
        self.problem.setStyleSheet(FAILURE_STYLE)
        self.problem.setWordWrap(True)
        form = QFormLayout(self)
        if required:
            reason = QLabel(
                self.tr(
                    "{name}, choose your own password before you start: the one you were "
                    "given is known to the admin."
                ).format(name=context.user.full_name)
            )
            reason.setWordWrap(True)
            form.addRow(reason)
        form.addRow(self.tr("Current password"), self.current)
        form.addRow(
            self.tr("New password (at least {count} characters)").format(count=MIN_LENGTH),
            self.new,
        )
        form.addRow(self.tr("New password again"), self.repeat)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change"))
        buttons.accepted.connect(self.change)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        fit_to_screen(self)
        self.current.setFocus()

    def _password_field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    @Slot()
    def change(self) -> None:
        if self.new.text() != self.repeat.text():
            self._refuse(self.tr("The two new passwords differ."), self.repeat)
            return
        user_id, clock = self.context.user.id, self.context.clock
        current, new = self.current.text(), self.new.text()
        changed = self.operations.write(
            lambda session: change_own_password(session, clock, user_id, current, new),
            refusals={WeakPasswordError: self._refusal, UserProblem: self._refusal},
        )
        if changed is not FAILED:
            self.accept()

    def _refusal(self, problem: Exception) -> str:
        """Why the passwords typed are refused; the field to correct is selected."""
        if isinstance(problem, WeakPasswordError):
            reason = self.tr("A password needs at least {count} characters.")
            reason, field = reason.format(count=MIN_LENGTH), self.new
        elif isinstance(problem, UserProblem) and problem.code == "wrong_password":
            reason, field = self.tr("The current password is wrong."), self.current
        else:
            reason, field = self.tr("Choose a password other than the current one."), self.new
        self._select(field)
        return reason

    def _refuse(self, reason: str, field: QLineEdit) -> None:
        self._say(reason)
        self._select(field)

    def _say(self, reason: str) -> None:
        self.problem.setText(reason)

    def _select(self, field: QLineEdit) -> None:
        field.selectAll()
        field.setFocus()
