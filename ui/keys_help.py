"""F1: every key of the window, grouped as the work is: keying, books, the
lead's tools, the station. A clerk works from the keyboard alone; this is
where they find a key they forgot. The lead's group is shown to leads, the
admin's keys to admins.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app.access.roles import is_admin, is_lead
from app.db.models import User
from ui.screen_fit import fit_to_screen

Keys = list[tuple[str, str]]


class KeysHelp(QDialog):
    def __init__(self, user: User, menus: Keys, parent: QWidget | None = None) -> None:
        """``menus``: the window's menus, by the key that opens each."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard keys"))
        self.setObjectName("keys_help")
        groups = [
            (self.tr("Keying"), self._keying()),
            (self.tr("The page beside the form"), self._page()),
            (self.tr("Books"), self._books(user)),
        ]
        if is_lead(user):
            groups.append((self.tr("Team lead"), self._lead()))
        groups.append((self.tr("Station"), menus + self._station(user)))
        self.text = QTextBrowser()
        self.text.setObjectName("keys")
        self.text.setHtml("".join(keys_table(title, keys) for title, keys in groups))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(720, 640)
        fit_to_screen(self)
        self.text.setFocus()

    def text_shown(self) -> str:
        return self.text.toPlainText()

    def _keying(self) -> Keys:
        return [
            ("F10", self.tr("Save the entry and open the next")),
            ("F9", self.tr("Defer the entry (“hard later”), with its reason")),
            ("Enter, Tab", self.tr("The next field; Shift+Tab: the one before")),
            ("F2", self.tr("The field cannot be read in the book")),
            ("F3", self.tr("The field is read, but uncertain")),
            ("F4", self.tr("The field is blank in the book")),
            ("F5", self.tr("Take the text the field's warning offers (TCVN3, VNI, VIQR)")),
            ("↓ ↑, Alt+1 … Alt+9", self.tr("Choose a suggested place or ethnic group")),
            ("F12", self.tr("To the book's list of entries, and back to the form")),
            ("Enter", self.tr("In the list of entries: open the entry in the form")),
            ("F11", self.tr("Second keying: key again, blind, entries others keyed")),
            ("Esc", self.tr("Leave the second keying (it asks first if you typed)")),
        ]

    def _page(self) -> Keys:
        """The keys of a scanned book's page, wherever it is shown."""
        return [
            (
                "Ctrl+PgDown, Ctrl+PgUp",
                self.tr("The entry is on the next page, or the one before (its Page field)"),
            ),
            (
                "Alt+PgDown, Alt+PgUp",
                self.tr("Look at the next page, or the one before; the entry stays on its own"),
            ),
            ("Ctrl++ (Ctrl+=), Ctrl+-", self.tr("Zoom the page in, or out")),
            ("Ctrl+0", self.tr("The page as wide as its place again")),
            ("Alt+←, Alt+→, Alt+↑, Alt+↓", self.tr("Move about the page")),
            ("Ctrl+Shift+R", self.tr("Turn the page a quarter")),
            ("Ctrl+Shift+↑, Ctrl+Shift+↓", self.tr("More contrast, or less")),
            (
                self.tr("Shift+drag"),
                self.tr("Mark with the mouse where the entry is on its page"),
            ),
            ("Ctrl+Shift+Del", self.tr("Take away the mark of where the entry is")),
        ]

    def _books(self, user: User) -> Keys:
        keys = [
            ("F6", self.tr("The books of the station")),
            ("F7", self.tr("Keying")),
            ("Ctrl+N", self.tr("Your book, or the next book in the queue")),
            ("Ctrl+Shift+F", self.tr("The book is finished: every entry is keyed")),
        ]
        if is_lead(user):
            keys += [
                ("Enter", self.tr("In the books list: open the chosen book")),
                ("Ctrl+↑, Ctrl+↓", self.tr("Move the chosen book up or down the queue")),
                ("Ctrl+H", self.tr("Hold the chosen book, or let it go")),
                ("Ctrl+R", self.tr("Take the chosen book back from its clerk")),
                ("Ctrl+O", self.tr("Reopen the chosen finished book")),
                ("Ctrl+I", self.tr("Register books")),
                ("Ctrl+Shift+I", self.tr("Import the scanned pages of the chosen book")),
            ]
        else:
            keys.append(("Ctrl+B", self.tr("The deferred entries the team lead handed to you")))
        return keys

    def _lead(self) -> Keys:
        return [
            ("F8", self.tr("The dashboard")),
            ("Ctrl+B", self.tr("Deferred entries; in them, Ctrl+G hands one to a clerk")),
            ("Ctrl+K", self.tr("Shifts and quotas")),
            ("Ctrl+P", self.tr("Daily report")),
            ("Ctrl+E", self.tr("Export a batch; in it, Ctrl+Enter exports, Ctrl+R writes again")),
            ("Ctrl+D", self.tr("Arbitrate two keyings that differ")),
            ("Ctrl+1, Ctrl+2", self.tr("In arbitration: take the first or the second keying")),
            ("Ctrl+Enter", self.tr("In arbitration: save the decision and go on")),
            ("Ctrl+L", self.tr("Checks across entries")),
            ("Ctrl+R, Ctrl+S, Ctrl+D", self.tr("In the checks: run them, resolve, dismiss")),
            (
                "Ctrl+T",
                self.tr("In the checks and the deferred entries: the entry's scanned page"),
            ),
            ("Ctrl+Shift+H", self.tr("Hand over a book as the Ministry asks: Excel and PDFs")),
        ]

    def _station(self, user: User) -> Keys:
        keys = [
            ("F1", self.tr("This list of keys")),
            ("Ctrl+Shift+P", self.tr("Change your password")),
            ("Ctrl+Shift+L", self.tr("Lock the screen")),
            ("Ctrl+Shift+Q", self.tr("Log out, for another user")),
        ]
        if is_admin(user):
            keys += [
                ("Ctrl+Shift+U", self.tr("Users")),
                ("Ctrl+Shift+B", self.tr("Backups")),
            ]
        return keys


def keys_table(title: str, keys: Keys) -> str:
    """A group of keys, titled, as the key lists show it (the centre's too)."""
    rows = "".join(
        f"<tr><td width='200'><b>{escape(key)}</b></td><td>{escape(what)}</td></tr>"
        for key, what in keys
    )
    return f"<h3>{escape(title)}</h3><table>{rows}</table>"
