"""The admin's users (Ctrl+Shift+U): add one, change a role, take access
away or give it back, reset a forgotten password (which also ends a
lockout). Who has a temporary password, and who is locked out, shows in the
list. Every change is checked again and audited in app.access.users.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.access.passwords import MIN_LENGTH, WeakPasswordError
from app.access.roles import require_admin
from app.access.users import (
    ListedUser,
    UserProblem,
    add_user,
    change_user,
    list_users,
    reset_password,
    stored_user,
)
from app.db.models import Role, User
from ui.context import StationContext
from ui.models.rows import Column, RowTableModel, row_actions, row_table
from ui.operations import FAILED, Operations
from ui.screen_fit import fit_to_screen
from ui.status_line import StatusLine
from ui.styles import FAILURE_STYLE

# A change to the users, made as the admin who logged in (as stored now).
Change = Callable[[Any, User], object]


class UsersDialog(QDialog):
    def __init__(self, context: StationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        require_admin(context.user, "manage the users")
        self.clock = context.clock
        self.setWindowTitle(self.tr("Users of the station"))
        self.roles = {
            Role.CLERK: self.tr("Clerk"),
            Role.LEAD: self.tr("Team lead"),
            Role.ADMIN: self.tr("Admin"),
        }
        self.users: RowTableModel[ListedUser] = RowTableModel(
            [
                Column(self.tr("User name"), lambda u: u.username),
                Column(self.tr("Full name"), lambda u: u.full_name),
                Column(self.tr("Role"), lambda u: self.roles[u.role]),
                Column(self.tr("State"), self._state),
            ]
        )
        self.table = row_table(self.users, "users")
        self.table.activated.connect(lambda index: self.edit())
        self.status = StatusLine("users_status")
        self.operations = Operations(self, context, say=self.status.failed)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = row_actions(
            [
                (self.tr("Add a user…"), "add_user", self.add),
                (self.tr("Role and access…"), "edit_user", self.edit),
                (self.tr("Reset the password…"), "reset_password", self.reset),
            ],
            close,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(680, 440)
        fit_to_screen(self, share=0.6)
        self.refresh()

    def _state(self, user: ListedUser) -> str:
        if not user.active:
            return self.tr("No access")
        if user.locked:
            return self.tr("Locked out (wrong passwords)")
        if user.must_change_password:
            return self.tr("Temporary password")
        return self.tr("Active")

    def refresh(self) -> None:
        listed = self.operations.read(lambda session: list_users(session, self.clock))
        if listed is not FAILED:
            self.users.set_rows(listed)

    def chosen(self) -> ListedUser | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.status.failed(self.tr("Choose a user in the list first."))
            return None
        return self.users.row_at(rows[0].row())

    @Slot()
    def add(self) -> None:
        form = _UserForm(self.roles, self)

        def write(session: Any, admin: User) -> None:
            add_user(
                session,
                self.clock,
                admin,
                username=form.username.text(),
                full_name=form.full_name.text(),
                role=Role(form.role.currentData()),
                password=form.password.text(),
            )

        if self._until_saved(form, write):
            self.status.succeeded(
                self.tr("{name} is added. Give them the temporary password: they choose "
                        "their own at their first login.").format(name=form.username.text())
            )  # fmt: skip

    @Slot()
    def edit(self) -> None:
        user = self.chosen()
        if user is None:
            return
        form = _UserForm(self.roles, self, user)

        def write(session: Any, admin: User) -> None:
            change_user(
                session,
                self.clock,
                admin,
                stored_user(session, user.id),
                role=Role(form.role.currentData()),
                active=form.active.isChecked(),
            )

        if self._until_saved(form, write):
            self.status.succeeded(self.tr("{name} is changed.").format(name=user.username))

    @Slot()
    def reset(self) -> None:
        user = self.chosen()
        if user is None:
            return
        form = _PasswordForm(user, self)

        def write(session: Any, admin: User) -> None:
            reset_password(
                session, self.clock, admin, stored_user(session, user.id), form.password.text()
            )

        if self._until_saved(form, write):
            self.status.succeeded(
                self.tr("{name} has a temporary password now and may log in again.").format(
                    name=user.username
                )
            )

    def _until_saved(self, form: _UserForm | _PasswordForm, write: Change) -> bool:
        """Show ``form`` until what it holds is written (True) or it is
        cancelled (False); a refusal, or a storage failure, is said in the
        form, which stays open."""
        in_form = Operations(form, self.context, say=form.problem.setText)
        admin_id = self.context.user.id
        refusals = {UserProblem: self._reason, WeakPasswordError: self._reason}
        try:
            while form.exec():
                written = in_form.write(
                    lambda session: write(session, stored_user(session, admin_id)),
                    refusals=refusals,
                )
                if written is not FAILED:
                    return True
            return False
        finally:
            self.refresh()

    def _reason(self, problem: Exception) -> str:
        if isinstance(problem, WeakPasswordError):
            return self.tr("A password needs at least {count} characters.").format(count=MIN_LENGTH)
        assert isinstance(problem, UserProblem)
        return {
            "bad_username": self.tr(
                "A user name is 2 to 64 lower-case letters or digits, without accents "
                "(. _ - allowed), e.g. lan.tran"
            ),
            "username_taken": self.tr("This user name is taken."),
            "no_full_name": self.tr("Write the user's full name."),
            "last_admin": self.tr("The station must keep one active admin."),
        }.get(problem.code, str(problem))


class _UserForm(QDialog):
    """A new user (name, role, temporary password), or one's role and access."""

    def __init__(
        self, roles: dict[Role, str], parent: QWidget, user: ListedUser | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a user") if user is None else user.username)
        self.username = QLineEdit()
        self.username.setObjectName("new_username")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("new_full_name")
        self.role = QComboBox()
        self.role.setObjectName("role")
        for role, label in roles.items():
            self.role.addItem(label, role.value)
        self.password = QLineEdit()
        self.password.setObjectName("temporary_password")
        self.active = QCheckBox(self.tr("May log in"))
        self.active.setObjectName("active")
        self.active.setChecked(True)
        self.problem = QLabel()
        self.problem.setObjectName("form_problem")
        self.problem.setStyleSheet(FAILURE_STYLE)
        self.problem.setWordWrap(True)
        form = QFormLayout(self)
        if user is None:
            form.addRow(self.tr("User name"), self.username)
            form.addRow(self.tr("Full name"), self.full_name)
            form.addRow(self.tr("Role"), self.role)
            form.addRow(self.tr("Temporary password"), self.password)
        else:
            form.addRow(QLabel(f"<b>{user.full_name}</b> ({user.username})"))
            self.role.setCurrentIndex(self.role.findData(user.role.value))
            self.active.setChecked(user.active)
            form.addRow(self.tr("Role"), self.role)
            form.addRow(self.active)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        fit_to_screen(self)


class _PasswordForm(QDialog):
    def __init__(self, user: ListedUser, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reset the password"))
        self.password = QLineEdit()
        self.password.setObjectName("temporary_password")
        self.problem = QLabel()
        self.problem.setStyleSheet(FAILURE_STYLE)
        form = QFormLayout(self)
        form.addRow(
            QLabel(
                self.tr(
                    "A temporary password for {name}. They choose their own at their next login."
                ).format(name=user.full_name)
            )
        )
        form.addRow(self.tr("Temporary password"), self.password)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        fit_to_screen(self)
