"""The main window: pick a book, key its entries, never lose a keystroke.

Two tabs: the books of the station (F6, ui.books.panel), in campaign order
with their progress; and keying (F7, ui.keying.panel): the current book's
entries beside its form. A lead has a third, the dashboard (F8). The window
keeps what is not a tab's: the station's menu, the shortcuts, the status
bar, the clerk's activity, and the lock: a window left idle for the lead's
minutes locks itself (ui.access.lock_screen).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QTimer, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget, QWidget
from shiboken6 import isValid

from app.access.roles import is_admin, is_lead
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
from ui.operations import FAILED, Operations

if TYPE_CHECKING:
    from ui.dashboard.widget import Dashboard

log = logging.getLogger(__name__)

IDLE_CHECK_MS = 15_000  # how often the window asks whether it was left idle
NOTE_MS = 10_000  # how long a note stays in the status bar


class MainWindow(QMainWindow):
    def __init__(self, context: StationContext) -> None:
        super().__init__()
        self.context = context
        self.user = context.user
        self.operations = Operations(self, context)
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
        self._menu()
        self._status_bar()
        self._shortcuts()
        self.lock: LockScreen | None = None
        self.focus_before_lock: QWidget | None = None
        self.switching_user = False  # closed for another user to log in
        self.restore_from: Path | None = None  # closed for a backup to be restored
        self.activity = Activity(self, context, settings, say=self._note)
        self.meter, self.idle = self.activity.meter, self.activity.idle
        self.flush_activity = self.activity.flush
        self.idle_timer = QTimer(self, interval=IDLE_CHECK_MS)
        self.idle_timer.timeout.connect(self.check_idle)
        self.idle_timer.start()
        self.resize(1280, 800)
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

    def _menu(self) -> None:
        """The station's menu (Alt+S): what is not keying."""
        menu = self.menuBar().addMenu(self.tr("&Station"))
        menu.setObjectName("station_menu")
        actions = [
            (self.tr("Change my password…"), "Ctrl+Shift+P", self.change_password),
            (self.tr("Lock the screen"), "Ctrl+Shift+L", self.lock_screen),
            (self.tr("Log out (another user)"), "Ctrl+Shift+Q", self.switch_user),
        ]
        if is_admin(self.user):
            actions += [
                (self.tr("Users…"), "Ctrl+Shift+U", self.manage_users),
                (self.tr("Backups…"), "Ctrl+Shift+B", self.manage_backups),
            ]
        for label, keys, slot in actions:
            action = menu.addAction(label)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)

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

    @Slot()
    def _book_opened(self) -> None:
        self.books_panel.refresh()
        self.tabs.setCurrentWidget(self.keying)

    @Slot(int)
    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.books_panel:
            self.books_panel.refresh()

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
            self.lock_screen()

    @Slot()
    def lock_screen(self) -> None:
        """Save what the form holds and cover the screen until the password."""
        if self.lock is not None:
            return
        self.keying.flush_draft()  # if it fails, the form keeps the entry and says so
        self.focus_before_lock = QApplication.focusWidget()
        minutes = int(self.idle.limit.total_seconds() // 60)
        self.lock = LockScreen(self.context, minutes, self)
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
        # a restore replaces the database, books and all.
        user = self.user
        released = self.operations.write(lambda session: queue.release_books(session, user))
        if released is FAILED and self.restore_from is None:
            event.ignore()
            return
        self.activity.stop()
        self.idle_timer.stop()
        super().closeEvent(event)
