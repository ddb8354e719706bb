"""The keying tab: the current book's entries beside its form.

F10 saves the entry and opens the next, F9 defers it ("hard later") with a
reason. While the clerk types, the entry is saved as a draft every moment
they pause, so a crash or a power cut costs nothing; an entry already
completed or deferred keeps its state, and what is typed into it waits
beside it until F10 or F9 (see app/keying/save.py).

A scanned book's page is beside the form, following its page field
(ui/keying/page_side.py).

A save that fails (the database locked by another program, a full disk)
says so in red and leaves the form as it is: nothing typed is dropped, and
the form does not move on to another entry until the save succeeds.

A lead opens an entry of any book (a deferred one from the backlog, one the
checks found) without taking the book: a visit, for that entry alone, with
why it was deferred shown above the form. Once it is saved, the form goes
back to the lead's own book, if they key one.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.db.models import Book, DeferralReason, Entry, EntryStatus
from app.entries.field_values import display_value
from app.keying.desk import FormSaved, open_entry, save_form
from app.keying.lists import entries_of_book
from app.keying.save import SaveAction
from app.keying.start import fresh_entry
from app.reference.gazetteer import Place
from app.rules import ORDER_WARNINGS, FieldValue, Finding, Severity
from app.specs import BookKind, spec_for
from app.work import queue
from ui.context import StationContext
from ui.form.entry_form import EntryForm
from ui.keying.book_words import book_refusals, confirm_finish
from ui.keying.deferral import DeferralDialog
from ui.keying.entry_list import EntryList
from ui.keying.heading import BookHeading
from ui.keying.outcome import OutcomeLine
from ui.keying.page_side import PageSide
from ui.operations import FAILED, Operations
from ui.quality.second_keying import SecondKeyingDialog

log = logging.getLogger(__name__)

DRAFT_PAUSE_MS = 700  # a pause in typing this long saves the draft


class KeyingPanel(QWidget):
    """``book_opened``: a book is taken and its form shown; ``books_changed``:
    a book left the queue; ``saved``: an entry was completed or deferred."""

    book_opened = Signal()
    books_changed = Signal()
    saved = Signal()

    def __init__(self, context: StationContext, locality: Place | None) -> None:
        super().__init__()
        self.context = context
        self.locality = locality
        self.book: Book | None = None
        self.visiting = False  # the book is not taken: the form holds one entry of it
        self.entry: Entry | None = None  # the draft or entry the form holds
        self.unsaved = False  # the last save failed: the form holds more than the database
        self.operations = Operations(self, context, say=self._say)
        self.outcome = OutcomeLine()
        self.saving = Operations(
            self, context, say=self._not_saved, wording=self.outcome.not_saved_text
        )
        self.draft_label = QLabel()  # shown in the window's status bar
        self.draft_label.setObjectName("draft_state")
        self.draft_timer = QTimer(self, singleShot=True, interval=DRAFT_PAUSE_MS)
        self.draft_timer.timeout.connect(self.save_draft)
        self._layout()

    def _layout(self) -> None:
        self.heading = BookHeading(self.context.language)
        self.book_title = self.heading.title
        self.entry_list = EntryList()
        self.entries = self.entry_list.entries
        self.entry_list.entry_chosen.connect(self.open_entry)
        self.forms = QStackedWidget()
        self.no_book = QLabel(
            self.tr("No book is open: F6 lists the books, Ctrl+N opens the next one.")
        )
        self.no_book.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.forms.addWidget(self.no_book)
        self.form_of: dict[BookKind, EntryForm] = {}
        buttons = QHBoxLayout()
        for label, name, slot in (
            (self.tr("Book finished (Ctrl+Shift+F)"), "finish_book", self.finish_current_book),
            (self.tr("Second keying (F11)"), "second_keying", self.key_second_time),
            (self.tr("Defer (F9)"), "defer", self.ask_deferral),
            (self.tr("Save and next (F10)"), "save_next", self.save_and_next),
        ):
            button = QPushButton(label)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            if name == "finish_book":
                self.finish_button = button
            if name == "second_keying":
                buttons.addWidget(self.outcome, 1)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.forms, 1)
        column.addLayout(buttons)
        # A scanned book's page beside the form (ui/keying/page_side.py).
        self.page_side = PageSide(self.context, self.entry_list, right, self._open_form)
        self.page_side.moved.connect(self._edited)
        self.page_view = self.page_side.view
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.page_side.outer, 1)

    @property
    def form(self) -> EntryForm:
        form = self.forms.currentWidget()
        assert isinstance(form, EntryForm)  # the stack holds forms only, once a book is open
        return form

    def _open_form(self) -> EntryForm | None:
        form = self.forms.currentWidget()
        return form if isinstance(form, EntryForm) else None

    def _say(self, message: str) -> None:
        QMessageBox.information(self, self.tr("Books"), message)

    # Books

    def open_book(self, book_id: int) -> None:
        """Make ``book_id`` the current book and start its next entry."""
        if not self.flush_draft():
            return
        user, clock = self.context.user, self.context.clock
        book = self.operations.write(
            lambda session: queue.take_book(session, user, queue.get_book(session, book_id), clock),
            refusals=book_refusals(),
        )
        if book is FAILED:
            return
        self._show_book(book, visit=False)
        self.new_entry()

    def _show_book(self, book: Book, visit: bool) -> None:
        """Show ``book``'s form and title; ``visit``: the book is not taken."""
        if self.book is None or self.book.id != book.id:
            self.outcome.cleared()  # it said what became of another book's entry
        self.book, self.visiting = book, visit
        self.finish_button.setEnabled(not visit)
        kind = BookKind(book.kind)
        if kind not in self.form_of:
            form = EntryForm(spec_for(kind), self.context.language, self.context.today)
            form.edited.connect(self._edited)
            self.page_side.watch(form)
            self.form_of[kind] = form
            self.forms.addWidget(form)
        self.forms.setCurrentWidget(self.form_of[kind])
        self.form.set_book_context(self.locality, book.year)
        self.heading.show_book(book, visit)
        self.page_side.show_book(book.id)
        self.book_opened.emit()

    def _close_book(self) -> None:
        """No book open: the form gives way to a line saying how to open one."""
        self.book, self.visiting, self.entry = None, False, None
        self.heading.clear()
        self.entry_list.show_lines([])
        self.forms.setCurrentWidget(self.no_book)
        self.page_side.show_book_closed()

    @Slot()
    def open_next_book(self) -> None:
        """The clerk's book, or the first free one in the queue."""
        if not self.flush_draft():
            return
        user, clock = self.context.user, self.context.clock
        book = self.operations.write(lambda session: queue.next_book(session, user, clock))
        if book is FAILED:
            return
        if book is None:
            self._close_book()
            self._say(self.tr("No book is waiting in the queue."))
            return
        self.open_book(book.id)

    @Slot()
    def finish_current_book(self) -> None:
        """The clerk has keyed the book to its end: it leaves the queue."""
        if self.book is None or not self.flush_draft():
            return
        if self.visiting:
            self._say(self.tr("Only the book you key can be marked finished."))
            return
        book_id = self.book.id
        end = self.operations.read(
            lambda session: queue.book_end(session, queue.get_book(session, book_id))
        )
        if end is FAILED or not confirm_finish(self, end):
            return
        user, clock = self.context.user, self.context.clock
        finished = self.operations.write(
            lambda session: queue.finish_book(
                session, user, queue.get_book(session, book_id), clock
            )
        )
        if finished is FAILED:
            return
        self._close_book()
        self.books_changed.emit()
        self.open_next_book()

    def set_locality(self, locality: Place | None) -> None:
        """The lead set the station's commune: place suggestions start there."""
        self.locality = locality
        if self.book is not None:
            self.form.set_book_context(locality, self.book.year)

    @Slot()
    def key_second_time(self) -> None:
        """Key again, blind, the entries drawn for verification (others' entries)."""
        if not self.flush_draft():
            return
        dialog = SecondKeyingDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exec()

    # Entries

    def new_entry(self) -> None:
        """A fresh form for the current book, started from its last entry."""
        book = self.book
        assert book is not None  # a new entry is always of the open book
        fresh = self.operations.read(lambda session: fresh_entry(session, book))
        if fresh is FAILED:
            return
        self.entry = None
        self.heading.show_entry(None)
        self._load(fresh.values)
        self.form.focus(fresh.start)

    def open_entry(self, entry_id: int) -> None:
        """Bring an entry (a draft, a deferred one) back into the form: in the
        user's own book, or (a lead) on a visit to its book."""
        if not self.flush_draft():
            return
        user, clock = self.context.user, self.context.clock
        opened = self.operations.write(
            lambda session: open_entry(session, user, entry_id, clock),
            refusals=book_refusals(),
        )
        if opened is FAILED:
            return
        if self.book is None or self.book.id != opened.book.id or self.visiting != opened.visit:
            self._show_book(opened.book, opened.visit)
        self.entry = opened.entry
        self.heading.show_entry(opened.entry, opened.deferred_by)
        self._load(opened.values, opened.entry.page_region)
        self.entry_list.select_entry(opened.entry.id)
        self.form.focus(self.form.first_to_key().field.key)

    def _load(self, values: dict[str, FieldValue], region: list[float] | None = None) -> None:
        book = self.book
        assert book is not None  # the form is loaded once a book is open
        self.form.load(values, lambda key, stored: display_value(book, key, stored))
        self.page_side.show_entry(values, region)
        self.refresh_entries()

    def refresh_entries(self) -> None:
        assert self.book is not None  # the entries listed are the open book's
        book_id = self.book.id
        lines = self.operations.read(lambda session: entries_of_book(session, book_id))
        if lines is FAILED:
            return
        self.entry_list.show_lines(lines)

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
        saved = self._save(SaveAction.DRAFT)
        if saved is None:
            return False
        assert saved.outcome.entry is not None  # a draft save is never refused
        self.entry = saved.outcome.entry
        if self.entry.status == EntryStatus.DRAFT:
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
        saved = self._save(SaveAction.COMPLETE)
        if saved is None:
            return False
        outcome = saved.outcome
        if not outcome.saved:
            # What was keyed is kept, even when it cannot be completed.
            if self.save_draft():
                self._blocked(outcome.assessment.findings)
            return False
        assert outcome.entry is not None  # saved: the entry is stored
        order = [
            f.message(self.context.language)
            for f in outcome.assessment.findings
            if f.code in ORDER_WARNINGS
        ]
        self.outcome.saved(outcome.entry.number, outcome.checks, saved.named, order)
        self._next()
        return True

    @Slot()
    def ask_deferral(self) -> None:
        if self.book is None:
            return
        dialog = DeferralDialog(
            self.form.refresh_findings(everywhere=True), self.context.language, self
        )
        if dialog.exec():
            self.defer(dialog.reason(), dialog.note())

    def defer(self, reason: DeferralReason, note: str) -> None:
        """Leave the entry for later with ``reason``; open the next one."""
        self.draft_timer.stop()
        saved = self._save(SaveAction.DEFER, deferral_reason=reason, deferral_note=note or None)
        if saved is None:
            return
        assert saved.outcome.entry is not None  # a deferral is never refused: it is stored
        self.outcome.deferred(saved.outcome.entry.number)
        self._next()

    def _next(self) -> None:
        self.draft_label.clear()
        if self.visiting:
            self._end_visit()
        else:
            self.new_entry()
        self.saved.emit()

    def _end_visit(self) -> None:
        """The visited entry is saved: back to the user's own book, if any."""
        user = self.context.user
        mine = self.operations.read(lambda session: queue.book_of(session, user))
        if mine is None or mine is FAILED:
            self._close_book()
            return
        self._show_book(mine, visit=False)
        self.new_entry()

    def _save(
        self,
        action: SaveAction,
        deferral_reason: DeferralReason | None = None,
        deferral_note: str | None = None,
    ) -> FormSaved | None:
        """Save what the form holds; None when the storage failed (and it is said)."""
        book = self.book
        assert book is not None  # the callers save only while a book is open
        entry_id = self.entry.id if self.entry is not None else None
        values, user, clock = self.form.values(), self.context.user, self.context.clock
        region = self.page_side.region()
        saved = self.saving.write(
            lambda session: save_form(
                session,
                book_id=book.id,
                entry_id=entry_id,
                values=values,
                user=user,
                action=action,
                clock=clock,
                deferral_reason=deferral_reason,
                deferral_note=deferral_note,
                page_region=region,
            )
        )
        if saved is FAILED:
            log.error("could not save (%s) entry %s of book %s", action.value, entry_id, book.id)
            return None
        entry = saved.outcome.entry
        log.info("%s entry %s of book %s", action.value, entry and entry.id, book.id)
        if self.unsaved:
            self.unsaved = False
            self.outcome.cleared()
        return saved

    def _not_saved(self, message: str) -> None:
        self.unsaved = True
        self.outcome.not_saved(message)
        self.draft_label.setText(self.tr("Not saved"))

    def _blocked(self, findings: list[Finding]) -> None:
        """Say why the entry cannot be completed, and go to the first problem."""
        self.form.refresh_findings(everywhere=True)
        blocking = [f for f in findings if f.severity is not Severity.WARNING]
        self.outcome.blocked(len(blocking))
        keys = list(self.form.editors)
        first = min(blocking, key=lambda f: keys.index(f.field))
        self.form.focus(first.field)
