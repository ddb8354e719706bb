"""The main window: pick a book, key its entries, never lose a keystroke.

Two tabs: the books of the station (F6), in campaign order with their
progress; and keying (F7): the current book's entries beside its form. F10
saves the entry and opens the next, F9 defers it ("hard later") with a
reason. While the clerk types, the entry is saved as a draft every moment
they pause, so a crash or a power cut costs nothing; an entry already
completed or deferred keeps its state, and what is typed into it waits
beside it until F10 or F9 (see app/keying/save.py). A window left idle for the
lead's minutes locks itself (ui.lock_screen).

A save that fails (the database locked by another program, a full disk)
says so in red and leaves the form as it is: nothing typed is dropped, and
the form does not move on to another entry until the save succeeds.
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from app.access.idle import IdleWatch
from app.access.roles import is_admin, is_lead
from app.db.models import Book, CheckFinding, DeferralReason, Entry, EntryStatus, User
from app.keying.lists import BookProgress, book_progress, entries_of_book
from app.keying.save import SaveAction, SaveOutcome, save_entry
from app.keying.start import display_value, entry_to_edit, fresh_values
from app.rules import FieldValue, Severity
from app.specs import BookKind, spec_for
from app.system.clock import Clock, local_today
from app.work import queue, settings
from app.work.activity import ActivityMeter
from app.work.shifts import completed_in_shift, shift_at
from ui.context import StationContext
from ui.deferral import DeferralDialog
from ui.form.entry_form import EntryForm
from ui.inventory import InventoryDialog
from ui.lock_screen import LockScreen
from ui.models.books import BookTableModel, kind_label
from ui.models.entries import EntryListModel
from ui.password import ChangePasswordDialog
from ui.quality.second_keying import SecondKeyingDialog
from ui.styles import FAILURE_STYLE

if TYPE_CHECKING:
    from ui.dashboard.widget import Dashboard

log = logging.getLogger(__name__)

DRAFT_PAUSE_MS = 700  # a pause in typing this long saves the draft
ACTIVITY_FLUSH_MS = 60_000  # the clerk's keystrokes and active time, written each minute
IDLE_CHECK_MS = 15_000  # how often the window asks whether it was left idle
USER_INPUT = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel)
NOT_SAVED_STYLE = FAILURE_STYLE + " font-weight: bold;"  # nothing was written
CHECKED_STYLE = "color: #8a5300; font-weight: bold;"  # saved, with something to look at


class MainWindow(QMainWindow):
    def __init__(
        self,
        context: StationContext,
    ) -> None:
        super().__init__()
        self.context = context
        self.db = context.db
        self.user = context.user
        self.clock = context.clock
        self.language = context.language
        self.book: Book | None = None
        self.entry: Entry | None = None  # the draft or entry the form holds
        self.unsaved = False  # the last save failed: the form holds more than the database
        station = context.db.station()
        self.setWindowTitle(
            self.tr("Sohoa — station {code} ({office})").format(
                code=station.code, office=station.office
            )
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self._books_tab(), self.tr("Books (F6)"))
        self.tabs.addTab(self._keying_tab(), self.tr("Keying (F7)"))
        self.dashboard: Dashboard | None = None
        if is_lead(context.user):
            # Imported for leads only: pyqtgraph adds 0.2 s to a clerk's start.
            from ui.dashboard.widget import Dashboard

            self.dashboard = Dashboard(context)
            self.dashboard.entry_chosen.connect(self.open_entry)
            self.dashboard.settings_changed.connect(self._settings_changed)
            self.tabs.addTab(self.dashboard, self.tr("Dashboard (F8)"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)
        self._menu()
        self._status_bar()
        self._shortcuts()
        self.draft_timer = QTimer(self, singleShot=True, interval=DRAFT_PAUSE_MS)
        self.draft_timer.timeout.connect(self.save_draft)
        with context.db.sessions() as session:
            self.meter = ActivityMeter(settings.shifts(session))
            self.idle = IdleWatch(context.clock, settings.idle_minutes(session))
            self.locality = settings.locality(session)
        self.lock: LockScreen | None = None
        self.focus_before_lock: QWidget | None = None
        self.switching_user = False  # closed for another user to log in
        self.restore_from: Path | None = None  # closed for a backup to be restored
        self.keys = _InputWatch(self, self.meter, self.idle, context.clock)
        app = QApplication.instance()
        assert app is not None  # a window is made only once the application is
        app.installEventFilter(self.keys)
        self.idle_timer = QTimer(self, interval=IDLE_CHECK_MS)
        self.idle_timer.timeout.connect(self.check_idle)
        self.idle_timer.start()
        self.activity_timer = QTimer(self, interval=ACTIVITY_FLUSH_MS)
        self.activity_timer.timeout.connect(self.flush_activity)
        self.activity_timer.start()
        self.resize(1280, 800)
        self.refresh_books()
        self.refresh_status()

    # Layout

    def _books_tab(self) -> QWidget:
        self.books = BookTableModel()
        self.book_table = QTableView()
        self.book_table.setObjectName("books")
        self.book_table.setModel(self.books)
        self.book_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.book_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.book_table.setAlternatingRowColors(True)
        self.book_table.verticalHeader().hide()
        self.book_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.book_table.activated.connect(
            lambda index: self.open_book(self.books.book_at(index.row()).book_id)
        )
        bar = QHBoxLayout()
        actions = [(self.tr("Next book (Ctrl+N)"), "next_book", self.open_next_book)]
        if is_lead(self.user):
            actions += [
                (self.tr("Up (Ctrl+↑)"), "book_up", lambda: self.move_selected(-1)),
                (self.tr("Down (Ctrl+↓)"), "book_down", lambda: self.move_selected(+1)),
                (self.tr("Hold / let go (Ctrl+H)"), "hold_book", self.hold_selected),
                (self.tr("Release from its clerk (Ctrl+R)"), "release_book", self.release_selected),
                (self.tr("Register books… (Ctrl+I)"), "register_books", self.register_books),
            ]
        for label, name, slot in actions:
            button = QPushButton(label)
            button.setObjectName(name)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addStretch(1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(bar)
        layout.addWidget(self.book_table, 1)
        return tab

    def _keying_tab(self) -> QWidget:
        self.book_title = QLabel()
        self.book_title.setObjectName("book_title")
        self.book_title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.entries = EntryListModel()
        self.entry_list = QTableView()
        self.entry_list.setObjectName("entries")
        self.entry_list.setModel(self.entries)
        self.entry_list.verticalHeader().hide()
        header = self.entry_list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.entry_list.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.entry_list.activated.connect(
            lambda index: self.open_entry(self.entries.entry_at(index.row()).entry_id)
        )
        self.forms = QStackedWidget()
        self.form_of: dict[BookKind, EntryForm] = {}
        self.save_button = QPushButton(self.tr("Save and next (F10)"))
        self.save_button.setObjectName("save_next")
        self.save_button.clicked.connect(self.save_and_next)
        self.defer_button = QPushButton(self.tr("Defer (F9)"))
        self.defer_button.setObjectName("defer")
        self.defer_button.clicked.connect(self.ask_deferral)
        self.second_button = QPushButton(self.tr("Second keying (F11)"))
        self.second_button.setObjectName("second_keying")
        self.second_button.clicked.connect(self.key_second_time)
        self.finish_button = QPushButton(self.tr("Book finished"))
        self.finish_button.setObjectName("finish_book")
        self.finish_button.clicked.connect(self.finish_current_book)
        self.outcome = QLabel()
        self.outcome.setObjectName("outcome")
        # What the checks found at a save can be long (a place, another
        # entry's title): it wraps, rather than widen the window off screen.
        self.outcome.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.finish_button)
        buttons.addWidget(self.second_button)
        buttons.addWidget(self.outcome, 1)
        buttons.addWidget(self.defer_button)
        buttons.addWidget(self.save_button)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.forms, 1)
        column.addLayout(buttons)
        split = QSplitter()
        split.addWidget(self.entry_list)
        split.addWidget(right)
        split.setSizes([300, 980])
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.book_title)
        layout.addWidget(split, 1)
        return tab

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
        self.user_label = QLabel()
        self.shift_label = QLabel()
        self.shift_label.setObjectName("shift")
        self.count_label = QLabel()
        self.count_label.setObjectName("shift_count")
        self.draft_label = QLabel()
        self.draft_label.setObjectName("draft_state")
        for label in (self.user_label, self.shift_label, self.count_label):
            label.setContentsMargins(6, 0, 12, 0)
            self.statusBar().addWidget(label)
        self.statusBar().addPermanentWidget(self.draft_label)

    def _shortcuts(self) -> None:
        for key, slot in (
            (Qt.Key.Key_F10, self.save_and_next),
            (Qt.Key.Key_F9, self.ask_deferral),
            (Qt.Key.Key_F6, lambda: self.tabs.setCurrentIndex(0)),
            (Qt.Key.Key_F7, lambda: self.tabs.setCurrentIndex(1)),
            (Qt.Key.Key_F8, lambda: self.tabs.setCurrentIndex(2)),
            (Qt.Key.Key_F11, self.key_second_time),
            (QKeySequence.StandardKey.New, self.open_next_book),
        ):
            QShortcut(QKeySequence(key), self, slot)
        if is_lead(self.user):
            for keys, slot in (
                ("Ctrl+Up", lambda: self.move_selected(-1)),
                ("Ctrl+Down", lambda: self.move_selected(+1)),
                ("Ctrl+H", self.hold_selected),
                ("Ctrl+R", self.release_selected),
                ("Ctrl+I", self.register_books),
            ):
                QShortcut(QKeySequence(keys), self.book_table, slot)

    @Slot()
    def key_second_time(self) -> None:
        """Key again, blind, the entries drawn for verification (others' entries)."""
        if not self.flush_draft():
            return
        dialog = SecondKeyingDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exec()

    # Books and entries

    def refresh_books(self) -> None:
        with self.db.sessions() as session:
            self.books.set_books(book_progress(session))

    def open_book(self, book_id: int) -> None:
        """Make ``book_id`` the current book and start its next entry."""
        if not self.flush_draft():
            return
        try:
            with self.db.sessions.begin() as session:
                book = queue.take_book(
                    session, self.user, session.get_one(Book, book_id), self.clock
                )
        except queue.BookTaken as taken:
            self._say(
                self.tr(
                    "{name} is keying this book. One book is keyed by one clerk at a time."
                ).format(name=taken.holder_name)
            )
            return
        except queue.BookUnavailable:
            self._say(self.tr("This book is finished or held by the team lead."))
            return
        self.book = book
        self.refresh_books()
        kind = BookKind(self.book.kind)
        if kind not in self.form_of:
            form = EntryForm(spec_for(kind), self.language, lambda: local_today(self.clock))
            form.edited.connect(self._edited)
            self.form_of[kind] = form
            self.forms.addWidget(form)
        self.forms.setCurrentWidget(self.form_of[kind])
        self.form.set_book_context(self.locality, self.book.year)
        self.book_title.setText(
            self.tr("{book} · {office} · volume {volume} · {year}").format(
                book=spec_for(kind).label.get(self.language),
                office=self.book.office,
                volume=self.book.volume,
                year=self.book.year,
            )
        )
        self.tabs.setCurrentIndex(1)
        self.new_entry()

    # The queue

    def _say(self, message: str) -> None:
        QMessageBox.information(self, self.tr("Books"), message)

    @Slot()
    def open_next_book(self) -> None:
        """The clerk's book, or the first free one in the queue."""
        if not self.flush_draft():
            return
        with self.db.sessions.begin() as session:
            book = queue.next_book(session, self.user, self.clock)
        if book is None:
            self._say(self.tr("No book is waiting in the queue."))
            return
        self.open_book(book.id)

    def _selected_book(self) -> BookProgress | None:
        rows = self.book_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.books.book_at(rows[0].row())

    def _lead_action(self, action: Callable[[Session, Book], object]) -> None:
        """Apply a lead's action to the selected book and keep it selected."""
        selected = self._selected_book()
        if selected is None:
            return
        with self.db.sessions.begin() as session:
            action(session, session.get_one(Book, selected.book_id))
        self.refresh_books()
        for row in range(self.books.rowCount()):
            if self.books.book_at(row).book_id == selected.book_id:
                self.book_table.selectRow(row)

    def move_selected(self, steps: int) -> None:
        self._lead_action(
            lambda session, book: queue.move_book(session, self.user, book, steps, clock=self.clock)
        )

    def hold_selected(self) -> None:
        self._lead_action(
            lambda session, book: queue.hold_book(
                session, self.user, book, not book.on_hold, clock=self.clock
            )
        )

    def release_selected(self) -> None:
        self._lead_action(
            lambda session, book: queue.release_book(session, self.user, book, clock=self.clock)
        )

    @Slot()
    def register_books(self) -> None:
        """The lead registers books to key, by hand or from a list."""
        dialog = InventoryDialog(self.context, self)
        dialog.books_changed.connect(self.refresh_books)
        dialog.exec()

    @Slot()
    def finish_current_book(self) -> None:
        """The clerk has keyed the book to its end: it leaves the queue."""
        if self.book is None or not self.flush_draft():
            return
        answer = QMessageBox.question(
            self,
            self.tr("Book finished"),
            self.tr("Every entry of this book is keyed? It leaves the queue."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        with self.db.sessions.begin() as session:
            queue.finish_book(session, self.user, session.get_one(Book, self.book.id), self.clock)
        self.book = None
        self.refresh_books()
        self.open_next_book()

    @Slot(int)
    def _tab_changed(self, index: int) -> None:
        if index == 0:
            self.refresh_books()

    @property
    def form(self) -> EntryForm:
        form = self.forms.currentWidget()
        assert isinstance(form, EntryForm)  # the stack holds forms only, once a book is open
        return form

    def new_entry(self) -> None:
        """A fresh form for the current book, started from its last entry."""
        assert self.book is not None  # a new entry is always of the open book
        with self.db.sessions() as session:
            values = fresh_values(session, self.book)
        self.entry = None
        self._load(values)
        self.form.focus(self.form.first_to_key().field.key)

    def open_entry(self, entry_id: int) -> None:
        """Bring an entry (a draft, a deferred one) back into the form."""
        if not self.flush_draft():
            return
        with self.db.sessions() as session:
            entry, values = entry_to_edit(session, session.get_one(Entry, entry_id))
        if self.book is None or self.book.id != entry.book_id:
            self.open_book(entry.book_id)
            if self.book is None or self.book.id != entry.book_id:
                return  # another clerk holds the book: they were told
        self.entry = entry
        self._load(values)
        self.form.focus(self.form.first_to_key().field.key)

    def _load(self, values: dict[str, FieldValue]) -> None:
        book = self.book
        assert book is not None  # the form is loaded once a book is open
        self.form.load(values, lambda key, stored: display_value(book, key, stored))
        self.refresh_entries()

    def refresh_entries(self) -> None:
        assert self.book is not None  # the entries listed are the open book's
        with self.db.sessions() as session:
            self.entries.set_entries(entries_of_book(session, self.book.id))
        self.entry_list.scrollToBottom()

    # Saving

    @Slot()
    def _edited(self) -> None:
        self.draft_label.setText(self.tr("Typing…"))
        self.draft_timer.start()

    def flush_draft(self) -> bool:
        """Save a pending draft now (before the form changes hands).

        False when it could not be saved: the form must then keep the entry.
        """
        if self.draft_timer.isActive() or self.unsaved:
            self.draft_timer.stop()
            return self.save_draft()
        return True

    @Slot()
    def save_draft(self) -> bool:
        if self.book is None:
            return True
        outcome = self._save(SaveAction.DRAFT)
        if outcome is None:
            return False
        assert outcome.entry is not None  # a draft save is never refused
        self.entry = outcome.entry
        if outcome.entry.status == EntryStatus.DRAFT:
            self.draft_label.setText(self.tr("Draft saved"))
        else:
            self.draft_label.setText(self.tr("Changes kept; F10 saves them into the entry"))
        return True

    @Slot()
    def save_and_next(self) -> bool:
        """F10: complete the entry and open the next; False when it cannot be."""
        if self.book is None:
            return False
        self.draft_timer.stop()
        outcome = self._save(SaveAction.COMPLETE)
        if outcome is None:
            return False
        if not outcome.saved:
            # What was keyed is kept, even when it cannot be completed.
            if self.save_draft():
                self._blocked(outcome)
            return False
        assert outcome.entry is not None  # saved: the entry is stored
        saved = outcome.entry
        self.outcome.setStyleSheet(CHECKED_STYLE if outcome.checks else "")
        self.outcome.setText(
            " ".join(
                [self.tr("Entry {number} saved.").format(number=saved.number)]
                + [self._check_said(finding, saved.id) for finding in outcome.checks]
            )
        )
        self.draft_label.clear()
        self.new_entry()
        self.refresh_status()
        return True

    @Slot()
    def ask_deferral(self) -> None:
        if self.book is None:
            return
        dialog = DeferralDialog(self.form.refresh_findings(everywhere=True), self.language, self)
        if dialog.exec():
            self.defer(dialog.reason(), dialog.note())

    def defer(self, reason: DeferralReason, note: str) -> None:
        """Leave the entry for later with ``reason``; open the next one."""
        self.draft_timer.stop()
        outcome = self._save(SaveAction.DEFER, deferral_reason=reason, deferral_note=note or None)
        if outcome is None:
            return
        assert outcome.entry is not None  # a deferral is never refused: it is stored
        self.outcome.setStyleSheet("")
        self.outcome.setText(
            self.tr("Entry {number} deferred.").format(number=outcome.entry.number or "")
        )
        self.draft_label.clear()
        self.new_entry()
        self.refresh_status()

    def _save(
        self,
        action: SaveAction,
        deferral_reason: DeferralReason | None = None,
        deferral_note: str | None = None,
    ) -> SaveOutcome | None:
        """Save what the form holds; None when the database refused it."""
        book = self.book
        assert book is not None  # the callers save only while a book is open
        try:
            with self.db.sessions.begin() as session:
                entry = session.get(Entry, self.entry.id) if self.entry is not None else None
                outcome = save_entry(
                    session,
                    book=session.get_one(Book, book.id),
                    values=self.form.values(),
                    user=self.user,
                    action=action,
                    clock=self.clock,
                    entry=entry,
                    deferral_reason=deferral_reason,
                    deferral_note=deferral_note,
                )
        except (DatabaseError, OSError) as error:
            log.exception(
                "could not save (%s) entry %s of book %s",
                action.value,
                self.entry and self.entry.id,
                book.id,
            )
            self._not_saved(error)
            return None
        log.info(
            "%s entry %s of book %s", action.value, outcome.entry and outcome.entry.id, book.id
        )
        if self.unsaved:
            self.unsaved = False
            self.outcome.clear()
            self.outcome.setStyleSheet("")
        return outcome

    def _check_said(self, finding: CheckFinding, saved: int) -> str:
        """What a check across entries found at the save of entry ``saved``."""
        if finding.check == "incomplete":
            return self.tr(
                "Only {percent}% of it was read from the book: the team lead will look at it."
            ).format(percent=round(100 * finding.detail["score"]))
        if finding.check == "unknown_place":
            return self.tr(
                "The gazetteer does not know {places}: the team lead will look at it."
            ).format(places=", ".join(f"“{place}”" for place in finding.detail.values()))
        with self.db.sessions() as session:
            other = session.get_one(Entry, next(i for i in finding.entry_ids if i != saved))
            book = session.get_one(Book, other.book_id)
        return self.tr(
            "It may be the same person as {book} {volume}/{year}, no. {number} ({title}):"
            " the team lead will look at it."
        ).format(
            book=kind_label(BookKind(book.kind)),
            volume=book.volume,
            year=book.year,
            number=other.number or "?",
            title=other.title or "…",
        )

    def _not_saved(self, error: Exception) -> None:
        """Say plainly that the entry is not saved, and why, in red."""
        self.unsaved = True
        reason = str(getattr(error, "orig", None) or error).lower()
        if "locked" in reason or "busy" in reason:
            message = self.tr(
                "The entry is NOT saved: the data is locked by another program. "
                "What you typed is still in the form; wait a moment, then save again."
            )
        elif "full" in reason or (isinstance(error, OSError) and error.errno == errno.ENOSPC):
            message = self.tr(
                "The entry is NOT saved: the disk is full. What you typed is still in the "
                "form; ask whoever looks after the computer to free some space, then save again."
            )
        else:
            message = self.tr(
                "The entry is NOT saved: the data could not be written. What you typed is "
                "still in the form; save again, and tell the team lead if it happens again."
            )
        self.outcome.setText(message)
        self.outcome.setStyleSheet(NOT_SAVED_STYLE)
        self.draft_label.setText(self.tr("Not saved"))

    def _blocked(self, outcome: SaveOutcome) -> None:
        """Say why the entry cannot be completed, and go to the first problem."""
        self.form.refresh_findings(everywhere=True)
        blocking = [f for f in outcome.assessment.findings if f.severity is not Severity.WARNING]
        self.outcome.setText(
            self.tr("Not saved: {count} problem(s). Correct them, or defer the entry (F9).").format(
                count=len(blocking)
            )
        )
        self.outcome.setStyleSheet(FAILURE_STYLE)
        keys = list(self.form.editors)
        first = min(blocking, key=lambda f: keys.index(f.field))
        self.form.focus(first.field)

    # Status

    def refresh_status(self) -> None:
        now = self.clock.now()
        with self.db.sessions() as session:
            shifts = settings.shifts(session)
            count = completed_in_shift(session, self.user.id, now, shifts)
            quota = settings.clerk_quota(session, session.get_one(User, self.user.id))
        shift = shift_at(now, shifts)
        self.user_label.setText(self.tr("User: {name}").format(name=self.user.username))
        if shift is None:
            self.shift_label.setText(self.tr("Outside the shifts"))
        else:
            self.shift_label.setText(
                self.tr("Shift {number} ({start}–{end})").format(
                    number=shift.number,
                    start=shift.start.strftime("%H:%M"),
                    end=shift.end.strftime("%H:%M"),
                )
            )
        self.count_label.setText(
            self.tr("Entries this shift: {count} of {quota}").format(
                count=QLocale().toString(count), quota=QLocale().toString(quota)
            )
        )

    @Slot()
    def _settings_changed(self) -> None:
        """The lead changed the shifts or quotas: count with them from now on."""
        self.flush_activity()
        with self.db.sessions() as session:
            self.meter.shifts = settings.shifts(session)
            self.idle.limit = timedelta(minutes=settings.idle_minutes(session))
            self.locality = settings.locality(session)
        if self.book is not None:
            self.form.set_book_context(self.locality, self.book.year)
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
        self.flush_draft()  # if it fails, the form keeps the entry and says so
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
        from ui.users import UsersDialog

        if not self.flush_draft():
            return
        UsersDialog(self.context, self).exec()

    @Slot()
    def manage_backups(self) -> None:
        from ui.backups import BackupsDialog

        if not self.flush_draft():
            return
        dialog = BackupsDialog(self.context, self)
        if dialog.exec() and dialog.chosen is not None:
            # The restore is made once every window on the station is closed.
            self.restore_from = dialog.chosen
            self.switch_user()

    @Slot()
    def flush_activity(self) -> None:
        try:
            with self.db.sessions.begin() as session:
                self.meter.flush(session, self.user)
        except DatabaseError:
            # Statistics wait for the next minute; entries are never at stake.
            log.warning("could not write the activity of %s", self.user.username, exc_info=True)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.flush_draft():
            event.ignore()  # the message says why; closing would drop the entry
            return
        app = QApplication.instance()
        assert app is not None  # the window is closed while the application runs
        app.removeEventFilter(self.keys)
        self.activity_timer.stop()
        self.idle_timer.stop()
        self.flush_activity()
        # Logging out gives the clerk's book back to the queue.
        with self.db.sessions.begin() as session:
            queue.release_books(session, self.user)
        super().closeEvent(event)


class _InputWatch(QObject):
    """Tells the activity meter of every key pressed in the window, and the
    idle watch of every key and click anywhere in the app."""

    def __init__(
        self, window: QMainWindow, meter: ActivityMeter, idle: IdleWatch, clock: Clock
    ) -> None:
        super().__init__(window)
        self.window = window
        self.meter = meter
        self.idle = idle
        self.clock = clock

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in USER_INPUT:
            self.idle.touched()
        if event.type() == QEvent.Type.KeyPress and self.window.isActiveWindow():
            self.meter.key_pressed(self.clock.now())
        return False
