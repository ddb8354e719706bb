"""The main window: pick a book, key its entries, never lose a keystroke.

Two tabs: the books of the station (F6, ui.books.panel), in campaign order
with their progress; and keying (F7, ui.keying.panel): the current book's
entries beside its form. A lead has a third, the dashboard (F8). The window
keeps what is not a tab's: the station's menu, the language, the keys (F1
lists them, ui.keys_help), the status bar, the clerk's activity, and the
lock: a window left idle for the lead's minutes locks itself
(ui.access.lock_screen). It opens maximised, or as its user left it on
this screen (ui.preferences).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QTimer, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget, QWidget
from shiboken6 import isValid

from app.access.keystore import plaintext_keyring_in_use
from app.access.roles import is_lead
from app.db.models import Book, Entry
from app.keying.desk import KeyingSettings, keying_settings, shift_count
from app.work import queue
from ui.access.lock_screen import LockScreen
from ui.access.password import ChangePasswordDialog
from ui.activity import Activity
from ui.books.panel import BooksPanel
from ui.context import StationContext
from ui.form.entry_form import EntryForm
from ui.keying.panel import KeyingPanel
from ui.keys_help import KeysHelp
from ui.menus import WindowMenus
from ui.operations import FAILED, Operations
from ui.preferences import Preferences
from ui.styles import FAILURE_STYLE

if TYPE_CHECKING:
    from ui.dashboard.widget import Dashboard

log = logging.getLogger(__name__)

IDLE_CHECK_MS = 15_000  # how often the window asks whether it was left idle
NOTE_MS = 10_000  # how long a note stays in the status bar


@dataclass(frozen=True)
class OpenWork:
    """What the window shows, for the window made again in another language."""

    tab: int
    book_id: int | None
    entry_id: int | None
    field: str | None  # the form's field the cursor was in


class MainWindow(QMainWindow):
    def __init__(self, context: StationContext) -> None:
        super().__init__()
        self.context = context
        self.user = context.user
        self.operations = Operations(self, context)
        self.preferences = Preferences(context.db.data_dir)
        self.language_wanted: str | None = None  # closed to open again in this language
        self.field_before_switch: str | None = None
        station = self.operations.run(context.station)
        if station is not FAILED:
            self.setWindowTitle(
                self.tr("Sohoa — station {code} ({office})").format(
                    code=station.code, office=station.office
                )
            )
        settings = self.operations.read(keying_settings)
        if settings is FAILED:
            settings = KeyingSettings()  # the station's first settings, until the lead's
        self.locality = settings.locality
        self.books_panel = BooksPanel(context)
        self.keying = KeyingPanel(context, self.locality)
        self.books_panel.book_chosen.connect(self.keying.open_book)
        self.books_panel.next_book_wanted.connect(self.keying.open_next_book)
        self.books_panel.entry_chosen.connect(self.keying.open_entry)
        self.keying.book_opened.connect(self._book_opened)
        self.keying.books_changed.connect(self.books_panel.refresh)
        self.keying.saved.connect(self.refresh_status)
        # What the self-test and the lead's tools reach through the window.
        self.book_table, self.open_book = self.books_panel.book_table, self.keying.open_book
        self.tabs = QTabWidget()
        self.tabs.addTab(self.books_panel, self.tr("Books (F6)"))
        self.tabs.addTab(self.keying, self.tr("Keying (F7)"))
        self.dashboard: Dashboard | None = None
        if is_lead(context.user):
            # Imported for leads only: pyqtgraph adds 0.2 s to a clerk's start.
            from ui.dashboard.widget import Dashboard

            self.dashboard = Dashboard(context)
            self.dashboard.entry_chosen.connect(self.keying.open_entry)
            self.dashboard.settings_changed.connect(self._settings_changed)
            self.tabs.addTab(self.dashboard, self.tr("Dashboard (F8)"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)
        self.window_menus = WindowMenus(self)
        self.menus, self.language_menu = self.window_menus.menus, self.window_menus.language
        self._status_bar()
        self._shortcuts()
        self.lock: LockScreen | None = None
        self.focus_before_lock: QWidget | None = None
        self.focus_before_list: QWidget | None = None
        self.switching_user = False  # closed for another user to log in
        self.restore_from: Path | None = None  # closed for a backup to be restored
        self.activity = Activity(self, context, settings, say=self._note)
        self.meter, self.idle = self.activity.meter, self.activity.idle
        self.flush_activity = self.activity.flush
        self.idle_timer = QTimer(self, interval=IDLE_CHECK_MS)
        self.idle_timer.timeout.connect(self.check_idle)
        self.idle_timer.start()
        self._place()
        self.books_panel.refresh()
        self.refresh_status()

    @property
    def form(self) -> EntryForm:
        return self.keying.form

    @property
    def book(self) -> Book | None:
        return self.keying.book

    @property
    def entry(self) -> Entry | None:
        return self.keying.entry

    # Layout

    def _place(self) -> None:
        """As this user left the window on this screen; the first time, maximised."""
        saved = self.preferences.window_geometry(self.user.username, self.screen())
        if saved is None or not self.restoreGeometry(saved):
            self.setWindowState(Qt.WindowState.WindowMaximized)

    def _status_bar(self) -> None:
        self.user_label = QLabel(self.tr("User: {name}").format(name=self.user.username))
        self.shift_label = QLabel()
        self.shift_label.setObjectName("shift")
        self.count_label = QLabel()
        self.count_label.setObjectName("shift_count")
        for label in (self.user_label, self.shift_label, self.count_label):
            label.setContentsMargins(6, 0, 12, 0)
            self.statusBar().addWidget(label)
        self.statusBar().addPermanentWidget(self.keying.draft_label)
        if plaintext_keyring_in_use():
            warning = QLabel(self.tr("Test keyring: not for real work"))
            warning.setToolTip(
                self.tr(
                    "Batches are signed with a key the system does not protect: it is kept in"
                    " a file anyone who can read it may copy (SOHOA_ALLOW_PLAINTEXT_KEYRING)."
                )
            )
            warning.setObjectName("plaintext_keyring")
            warning.setStyleSheet(FAILURE_STYLE + " font-weight: bold;")
            self.statusBar().addPermanentWidget(warning)

    def _shortcuts(self) -> None:
        for key, slot in (
            (Qt.Key.Key_F10, self.keying.save_and_next),
            (Qt.Key.Key_F9, self.keying.ask_deferral),
            (Qt.Key.Key_F6, lambda: self.tabs.setCurrentIndex(0)),
            (Qt.Key.Key_F7, lambda: self.tabs.setCurrentIndex(1)),
            (Qt.Key.Key_F8, lambda: self.tabs.setCurrentIndex(2)),
            (Qt.Key.Key_F11, self.keying.key_second_time),
            (QKeySequence.StandardKey.New, self.keying.open_next_book),
        ):
            QShortcut(QKeySequence(key), self, slot)
        # The keying tab's own keys, answered only while it is shown.
        QShortcut(QKeySequence("Ctrl+Shift+F"), self.keying, self.keying.finish_current_book)
        QShortcut(QKeySequence(Qt.Key.Key_F12), self.keying, self.toggle_entry_list)

    @Slot()
    def _book_opened(self) -> None:
        self.books_panel.refresh()
        self.tabs.setCurrentWidget(self.keying)

    @Slot(int)
    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.books_panel:
            self.books_panel.refresh()

    # Keys

    @Slot()
    def toggle_entry_list(self) -> None:
        """F12: to the book's entries (Enter opens one in the form), and
        back to the field the cursor was in."""
        entries = self.keying.entry_list
        if entries.hasFocus():
            back = self.focus_before_list
            if back is not None and isValid(back) and back.isVisible():
                back.setFocus()
            elif self.book is not None:
                self.form.focus(self.form.first_to_key().field.key)
            return
        if self.book is None:
            return
        self.focus_before_list = QApplication.focusWidget()
        model, shown = self.keying.entries, self._entry_id()
        rows = [r for r in range(model.rowCount()) if model.entry_at(r).entry_id == shown]
        row = rows[0] if rows else model.rowCount() - 1
        if row >= 0:
            entries.setCurrentIndex(model.index(row, 0))
        entries.setFocus()

    def _entry_id(self) -> int | None:
        return self.entry.id if self.entry is not None else None

    @Slot()
    def show_keys(self) -> None:
        menus = [
            (QKeySequence.mnemonic(menu.title()).toString(), menu.title().replace("&", ""))
            for menu in self.menus
        ]
        KeysHelp(self.user, menus, self).exec()

    # Language

    def switch_language(self, language: str) -> None:
        """Speak ``language`` from now on, for this user: the window is made
        again in it (ui.app), showing what it showed."""
        if language == self.context.language:
            return
        self.field_before_switch = self._field_in_focus()
        self.language_wanted = language
        if not self.close():
            self.language_wanted = None
            self.window_menus.show_language(self.context.language)
            return
        self.preferences.set_language(self.user.username, language)

    def open_work(self) -> OpenWork:
        book_id = self.book.id if self.book is not None else None
        return OpenWork(
            self.tabs.currentIndex(), book_id, self._entry_id(), self.field_before_switch
        )

    def _field_in_focus(self) -> str | None:
        focused = self.focusWidget()
        if self.book is None or focused is None:
            return None
        editors = self.form.editors.items()
        return next((key for key, e in editors if e.isAncestorOf(focused)), None)

    def resume(self, work: OpenWork) -> None:
        """Show ``work`` again, as the window made before this one showed it."""
        if work.entry_id is not None:
            self.keying.open_entry(work.entry_id)
        elif work.book_id is not None:
            self.open_book(work.book_id)
        self.tabs.setCurrentIndex(work.tab)
        if self.book is not None and work.field is not None and work.field in self.form.editors:
            self.form.focus(work.field)

    # Status

    def _note(self, message: str) -> None:
        self.statusBar().showMessage(message, NOTE_MS)

    def refresh_status(self) -> None:
        user_id, now = self.user.id, self.context.clock.now()
        count = self.operations.read(lambda session: shift_count(session, user_id, now))
        if count is FAILED:
            return
        if count.shift is None:
            self.shift_label.setText(self.tr("Outside the shifts"))
        else:
            self.shift_label.setText(
                self.tr("Shift {number} ({start}–{end})").format(
                    number=count.shift.number,
                    start=count.shift.start.strftime("%H:%M"),
                    end=count.shift.end.strftime("%H:%M"),
                )
            )
        completed = QLocale().toString(count.completed)
        if count.shift is None:  # a shift's quota is not the whole day's
            text = self.tr("Entries today: {count}").format(count=completed)
        elif count.quota is None:
            text = self.tr("Entries this shift: {count}").format(count=completed)
        else:
            text = self.tr("Entries this shift: {count} of {quota}").format(
                count=completed, quota=QLocale().toString(count.quota)
            )
        self.count_label.setText(text)

    @Slot()
    def _settings_changed(self) -> None:
        """The lead changed the shifts or quotas: count with them from now on."""
        settings = self.operations.read(keying_settings)
        if settings is not FAILED:
            self.activity.follow(settings)
            self.locality = settings.locality
            self.keying.set_locality(settings.locality)
        self.refresh_status()

    # The user's session: password, lock, another user

    @Slot()
    def change_password(self) -> None:
        dialog = ChangePasswordDialog(self.context, parent=self)
        if dialog.exec():
            self.statusBar().showMessage(self.tr("Your password is changed."), 5000)

    @Slot()
    def check_idle(self) -> None:
        if self.lock is None and self.idle.expired():
            self._lock(idle_minutes=int(self.idle.limit.total_seconds() // 60))

    @Slot()
    def lock_screen(self) -> None:
        """The user locks the screen (Ctrl+Shift+L)."""
        self._lock(idle_minutes=None)

    def _lock(self, idle_minutes: int | None) -> None:
        """Save what the form holds and cover the screen until the password."""
        if self.lock is not None:
            return
        self.keying.flush_draft()  # if it fails, the form keeps the entry and says so
        self.focus_before_lock = QApplication.focusWidget()
        self.lock = LockScreen(self.context, idle_minutes, self)
        self.lock.accepted.connect(self._unlocked)
        self.lock.switch_requested.connect(self.switch_user)
        # Full screen, and the screen's size as well: without a window
        # manager (or under one that ignores it) the work must stay hidden.
        self.lock.setGeometry(self.screen().geometry())
        self.lock.showFullScreen()
        self.lock.activateWindow()
        log.info("screen locked for %s", self.user.username)

    @Slot()
    def _unlocked(self) -> None:
        """Back where the clerk was: this window active (or its shortcuts
        would wait for a click), the cursor in the field it was in."""
        if self.lock is not None:
            self.lock.deleteLater()
            self.lock = None
        self.idle.touched()
        self.raise_()
        self.activateWindow()
        if self.focus_before_lock is not None and isValid(self.focus_before_lock):
            self.focus_before_lock.setFocus()  # unless it went while locked

    @Slot()
    def switch_user(self) -> None:
        """Log this user out and let another log in (the app stays open)."""
        self.switching_user = True
        if not self.close():
            self.switching_user = False
            return
        if self.lock is not None:
            self.lock.done(0)
            self.lock.deleteLater()
            self.lock = None

    @Slot()
    def manage_users(self) -> None:
        from ui.access.users import UsersDialog

        if not self.keying.flush_draft():
            return
        UsersDialog(self.context, self).exec()

    @Slot()
    def manage_backups(self) -> None:
        from ui.station.backups import BackupsDialog

        if not self.keying.flush_draft():
            return
        dialog = BackupsDialog(self.context, self)
        if dialog.exec() and dialog.chosen is not None:
            # The restore is made once every window on the station is closed.
            self.restore_from = dialog.chosen
            self.switch_user()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.keying.flush_draft():
            event.ignore()  # the message says why; closing would drop the entry
            return
        self.activity.flush()
        # Logging out gives the clerk's book back to the queue. If it cannot
        # be given back now, the window stays for the clerk to close again;
        # a restore replaces the database, books and all. The same user in
        # another language keeps their book.
        user = self.user
        if self.language_wanted is None:
            released = self.operations.write(lambda session: queue.release_books(session, user))
            if released is FAILED and self.restore_from is None:
                event.ignore()
                return
        self.preferences.set_window_geometry(user.username, self.screen(), self.saveGeometry())
        self.activity.stop()
        self.idle_timer.stop()
        super().closeEvent(event)
