"""The lock screen: a station left idle, or locked by its user (Ctrl+Shift+L),
hides its work until the clerk who keyed it types their password again, or
another user logs in in their place (the next shift at the same PC). What
was on the form is saved as a draft before the screen locks, so either way
nothing is lost.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.access.login import AccountLocked, LoginRefused, log_in
from app.system.clock import VIETNAM
from ui.context import StationContext
from ui.operations import FAILED, Operations
from ui.styles import FAILURE_STYLE


class LockScreen(QDialog):
    """Covers the whole screen, above every window of the app, until unlocked
    (``accepted``) or given up for another user (``switch_requested``).
    ``idle_minutes``: it locked itself after so many minutes without use;
    None: its user locked it."""

    switch_requested = Signal()

    def __init__(
        self,
        context: StationContext,
        idle_minutes: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            parent,
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint,
        )
        self.context = context
        self.operations = Operations(self, context, say=self._refused)
        self.setObjectName("lock_screen")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowTitle(self.tr("Sohoa — locked"))
        title = QLabel(self.tr("Sohoa is locked"))
        title.setStyleSheet("font-size: 22px; font-weight: bold;")
        user = context.user
        why = (
            self.tr("You locked the screen.")
            if idle_minutes is None
            else self.tr("The screen locked itself after {minutes} minutes without use.").format(
                minutes=idle_minutes
            )
        )
        go_on = self.tr("{name} ({username}): type your password to go on where you left off.")
        explanation = QLabel(f"{why}\n{go_on.format(name=user.full_name, username=user.username)}")
        explanation.setObjectName("lock_explanation")
        self.password = QLineEdit()
        self.password.setObjectName("unlock_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.setMinimumWidth(320)
        self.password.returnPressed.connect(self.try_unlock)
        self.problem = QLabel()
        self.problem.setObjectName("unlock_problem")
        self.problem.setStyleSheet(FAILURE_STYLE)
        # Enter in the password field unlocks; no button is pressed by Enter,
        # lest a wrong password followed by Enter log the clerk out.
        unlock = QPushButton(self.tr("Unlock"))
        unlock.setObjectName("unlock")
        unlock.setAutoDefault(False)
        unlock.clicked.connect(self.try_unlock)
        other = QPushButton(self.tr("Another user…"))
        other.setObjectName("switch_user")
        other.setAutoDefault(False)
        other.setToolTip(
            self.tr("Log this user out (their entry is kept as a draft) and open the login window")
        )
        other.clicked.connect(self.switch_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(other)
        buttons.addStretch(1)
        buttons.addWidget(unlock)
        panel = QWidget()
        panel.setMaximumWidth(560)
        column = QVBoxLayout(panel)
        column.addWidget(title)
        column.addWidget(explanation)
        column.addWidget(self.password)
        column.addWidget(self.problem)
        column.addLayout(buttons)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(panel)
        centred.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(2)
        self.password.setFocus()

    @Slot()
    def try_unlock(self) -> None:
        sessions, username = self.context.db.sessions, self.context.user.username
        password, clock = self.password.text(), self.context.clock
        unlocked = self.operations.run(
            lambda: log_in(sessions, username, password, clock, "unlock"),
            refusals={
                AccountLocked: locked_message,
                LoginRefused: lambda _: self.tr("Wrong password."),
            },
        )
        if unlocked is not FAILED:
            self.accept()

    def _refused(self, reason: str) -> None:
        self.problem.setText(reason)
        self.password.clear()
        self.password.setFocus()

    def reject(self) -> None:
        """Escape and the window manager's close do not unlock."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() != Qt.Key.Key_Escape:
            super().keyPressEvent(event)


def locked_message(locked: AccountLocked) -> str:
    """Why no password opens now, and until when (local time)."""
    return QCoreApplication.translate(
        "Login", "Too many wrong passwords: this user is locked out until {time}."
    ).format(time=locked.until.astimezone(VIETNAM).strftime("%H:%M"))
