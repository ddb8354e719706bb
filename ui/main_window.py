"""The main window: pick a book, key its entries, never lose a keystroke.

Two tabs: the books of the station (F6), in campaign order with their
progress; and keying (F7): the current book's entries beside its form. F10
saves the entry and opens the next, F9 defers it ("hard later") with a
reason. While the clerk types, the entry is saved as a draft every moment
they pause, so a crash or a power cut costs nothing.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, Qt, QTimer, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.clock import Clock, local_today
from app.db.models import Book, DeferralReason, Entry, User
from app.entries import SaveAction, SaveOutcome, decode_values, save_entry
from app.keying import display_value, fresh_values
from app.overview import book_progress, entries_of_book
from app.rules import Severity
from app.shifts import completed_in_shift, shift_at
from app.specs import BookKind, spec_for
from app.station import StationDatabase
from ui.deferral import DeferralDialog
from ui.form.entry_form import EntryForm
from ui.models.books import BookTableModel
from ui.models.entries import EntryListModel

log = logging.getLogger(__name__)

DRAFT_PAUSE_MS = 700  # a pause in typing this long saves the draft


class MainWindow(QMainWindow):
    def __init__(self, db: StationDatabase, user: User, clock: Clock, language: str) -> None:
        super().__init__()
        self.db = db
        self.user = user
        self.clock = clock
        self.language = language
        self.book: Book | None = None
        self.entry: Entry | None = None  # the draft or entry the form holds
        station = db.station()
        self.setWindowTitle(
            self.tr("Sohoa — station {code} ({office})").format(
                code=station.code, office=station.office
            )
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self._books_tab(), self.tr("Books (F6)"))
        self.tabs.addTab(self._keying_tab(), self.tr("Keying (F7)"))
        self.setCentralWidget(self.tabs)
        self._status_bar()
        self._shortcuts()
        self.draft_timer = QTimer(self, singleShot=True, interval=DRAFT_PAUSE_MS)
        self.draft_timer.timeout.connect(self.save_draft)
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
        return self.book_table

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
        self.outcome = QLabel()
        self.outcome.setObjectName("outcome")
        buttons = QHBoxLayout()
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
        ):
            QShortcut(QKeySequence(key), self, slot)

    # Books and entries

    def refresh_books(self) -> None:
        with self.db.sessions() as session:
            self.books.set_books(book_progress(session))

    def open_book(self, book_id: int) -> None:
        """Make ``book_id`` the current book and start its next entry."""
        self.flush_draft()
        with self.db.sessions() as session:
            self.book = session.get(Book, book_id)
        kind = BookKind(self.book.kind)
        if kind not in self.form_of:
            form = EntryForm(spec_for(kind), self.language, lambda: local_today(self.clock))
            form.edited.connect(self._edited)
            self.form_of[kind] = form
            self.forms.addWidget(form)
        self.forms.setCurrentWidget(self.form_of[kind])
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

    @property
    def form(self) -> EntryForm:
        return self.forms.currentWidget()

    def new_entry(self) -> None:
        """A fresh form for the current book, started from its last entry."""
        with self.db.sessions() as session:
            values = fresh_values(session, self.book)
        self.entry = None
        self._load(values)
        self.form.focus(self.form.first_to_key().field.key)

    def open_entry(self, entry_id: int) -> None:
        """Bring an entry (a draft, a deferred one) back into the form."""
        self.flush_draft()
        with self.db.sessions() as session:
            entry = session.get(Entry, entry_id)
            book_id = entry.book_id
        if self.book is None or self.book.id != book_id:
            self.open_book(book_id)
        self.entry = entry
        self._load(decode_values(entry.values))
        self.form.focus(self.form.first_to_key().field.key)

    def _load(self, values) -> None:
        self.form.load(values, lambda key, stored: display_value(self.book, key, stored))
        self.refresh_entries()

    def refresh_entries(self) -> None:
        with self.db.sessions() as session:
            self.entries.set_entries(entries_of_book(session, self.book.id))
        self.entry_list.scrollToBottom()

    # Saving

    @Slot()
    def _edited(self) -> None:
        self.draft_label.setText(self.tr("Typing…"))
        self.draft_timer.start()

    def flush_draft(self) -> None:
        """Save a pending draft now (before the form changes hands)."""
        if self.draft_timer.isActive():
            self.draft_timer.stop()
            self.save_draft()

    @Slot()
    def save_draft(self) -> None:
        if self.book is None:
            return
        outcome = self._save(SaveAction.DRAFT)
        self.entry = outcome.entry
        self.draft_label.setText(self.tr("Draft saved"))

    @Slot()
    def save_and_next(self) -> bool:
        """F10: complete the entry and open the next; False when it cannot be."""
        if self.book is None:
            return False
        self.draft_timer.stop()
        outcome = self._save(SaveAction.COMPLETE)
        if not outcome.saved:
            self.save_draft()  # what was keyed is kept, even when it cannot be completed
            self._blocked(outcome)
            return False
        self.outcome.setStyleSheet("")
        self.outcome.setText(self.tr("Entry {number} saved.").format(number=outcome.entry.number))
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
        self.outcome.setText(
            self.tr("Entry {number} deferred.").format(number=outcome.entry.number or "")
        )
        self.draft_label.clear()
        self.new_entry()
        self.refresh_status()

    def _save(self, action: SaveAction, **kwargs) -> SaveOutcome:
        with self.db.sessions.begin() as session:
            entry = session.get(Entry, self.entry.id) if self.entry is not None else None
            outcome = save_entry(
                session,
                book=session.get(Book, self.book.id),
                values=self.form.values(),
                user=self.user,
                action=action,
                clock=self.clock,
                entry=entry,
                **kwargs,
            )
        log.info(
            "%s entry %s of book %s", action.value, outcome.entry and outcome.entry.id, self.book.id
        )
        return outcome

    def _blocked(self, outcome: SaveOutcome) -> None:
        """Say why the entry cannot be completed, and go to the first problem."""
        self.form.refresh_findings(everywhere=True)
        blocking = [f for f in outcome.assessment.findings if f.severity is not Severity.WARNING]
        self.outcome.setText(
            self.tr("Not saved: {count} problem(s). Correct them, or defer the entry (F9).").format(
                count=len(blocking)
            )
        )
        self.outcome.setStyleSheet("color: #b00020;")
        keys = list(self.form.editors)
        first = min(blocking, key=lambda f: keys.index(f.field))
        self.form.focus(first.field)

    # Status

    def refresh_status(self) -> None:
        now = self.clock.now()
        shift = shift_at(now)
        with self.db.sessions() as session:
            count = completed_in_shift(session, self.user.id, now)
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
            self.tr("Entries this shift: {count}").format(count=QLocale().toString(count))
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush_draft()
        super().closeEvent(event)
