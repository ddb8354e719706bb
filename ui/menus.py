"""The main window's menus: the station's (what is not keying), the
language's (each language by its own name), and help's (F1, the keys)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QActionGroup, QKeySequence

from app.access.roles import is_admin, is_lead

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# Each language by its own name, the same in either language of the window.
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


class WindowMenus(QObject):
    """The menus on ``window``'s bar; ``menus`` in their order there."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        bar = window.menuBar()
        station = bar.addMenu(self.tr("&Station"))
        station.setObjectName("station_menu")
        actions = [
            (self.tr("Change my password…"), "Ctrl+Shift+P", window.change_password),
            (self.tr("Lock the screen"), "Ctrl+Shift+L", window.lock_screen),
            (self.tr("Log out (another user)"), "Ctrl+Shift+Q", window.switch_user),
        ]
        if is_lead(window.user):
            actions.append(
                (
                    self.tr("Hand over a book (Excel and PDFs)…"),
                    "Ctrl+Shift+H",
                    lambda: _hand_over(window),
                )
            )
        if is_admin(window.user):
            actions += [
                (self.tr("Users…"), "Ctrl+Shift+U", window.manage_users),
                (self.tr("Backups…"), "Ctrl+Shift+B", window.manage_backups),
            ]
        for label, keys, slot in actions:
            action = station.addAction(label)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
        self.language = bar.addMenu(self.tr("&Language"))
        self.language.setObjectName("language_menu")
        group = QActionGroup(self)
        for code, name in LANGUAGE_NAMES.items():
            action = self.language.addAction(name)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            group.addAction(action)
            action.triggered.connect(lambda _=False, chosen=code: window.switch_language(chosen))
        self.show_language(window.context.language)
        help_menu = bar.addMenu(self.tr("&Help"))
        shown_keys = help_menu.addAction(self.tr("Keyboard keys…"))
        shown_keys.setShortcut(QKeySequence(Qt.Key.Key_F1))
        shown_keys.triggered.connect(window.show_keys)
        self.menus = [station, self.language, help_menu]

    def show_language(self, language: str) -> None:
        """Check ``language`` in the language menu."""
        for action in self.language.actions():
            action.setChecked(action.objectName() == f"language_{language}")


def _hand_over(window: MainWindow) -> None:
    """The lead's hand-off of a book (ui.handoff), loaded when first asked for."""
    from ui.handoff.dialog import HandoffDialog

    dialog = HandoffDialog(window.context, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.exec()
