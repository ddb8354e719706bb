"""The books tab: the station's books in queue order, with their progress.

A clerk opens their own book with Enter, or takes the next one in the queue
(Ctrl+N): the queue is the campaign's order, and the window says so; and
opens the deferred entries the lead handed them (Ctrl+B). The
lead opens any book, moves the selected book up or down the queue, holds it
back or lets it go, releases it from the clerk keying it, reopens a finished
one, registers new books, and imports the scanned pages of the selected
book (ui/scans/import_dialog.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.access.roles import is_lead
from app.db.models import Book
from app.keying.lists import BookProgress, book_progress
from app.work import queue
from ui.context import StationContext
from ui.dashboard.backlog import BacklogDialog
from ui.models.books import BookTableModel
from ui.operations import FAILED, Operations
from ui.scans.import_dialog import ImportScansDialog
from ui.work.inventory import InventoryDialog

if TYPE_CHECKING:
    from app.db.engine import Session


class BooksPanel(QWidget):
    """``book_chosen``: the user opens a book (its id); ``next_book_wanted``:
    the next book in the queue; ``entry_chosen``: a clerk opens a deferred
    entry the lead handed them (its id)."""

    book_chosen = Signal(int)
    next_book_wanted = Signal()
    entry_chosen = Signal(int)

    def __init__(self, context: StationContext) -> None:
        super().__init__()
        self.context = context
        self.operations = Operations(self, context, say=self._say)
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
            lambda index: self.book_chosen.emit(self.books.book_at(index.row()).book_id)
        )
        bar = QHBoxLayout()
        next_book = (
            self.tr("Next book (Ctrl+N)"),
            "next_book",
            None,
            lambda: self.next_book_wanted.emit(),
        )
        actions: list[tuple[str, str, str | None, Callable[[], object]]] = [next_book]
        if not is_lead(context.user):  # the lead's list is on the dashboard
            actions.append(
                (
                    self.tr("Entries handed to me… (Ctrl+B)"),
                    "handed_entries",
                    "Ctrl+B",
                    self.show_handed_entries,
                )
            )
        if is_lead(context.user):
            actions += [
                (self.tr("Up (Ctrl+↑)"), "book_up", "Ctrl+Up", lambda: self.move_selected(-1)),
                (
                    self.tr("Down (Ctrl+↓)"),
                    "book_down",
                    "Ctrl+Down",
                    lambda: self.move_selected(+1),
                ),
                (self.tr("Hold / let go (Ctrl+H)"), "hold_book", "Ctrl+H", self.hold_selected),
                (
                    self.tr("Release from its clerk (Ctrl+R)"),
                    "release_book",
                    "Ctrl+R",
                    self.release_selected,
                ),
                (
                    self.tr("Reopen (Ctrl+O)"),
                    "reopen_book",
                    "Ctrl+O",
                    self.reopen_selected,
                ),
                (
                    self.tr("Register books… (Ctrl+I)"),
                    "register_books",
                    "Ctrl+I",
                    self.register_books,
                ),
                (
                    self.tr("Scanned pages… (Ctrl+Shift+I)"),
                    "import_scans",
                    "Ctrl+Shift+I",
                    self.import_scans,
                ),
            ]
        for label, name, keys, slot in actions:
            button = QPushButton(label)
            button.setObjectName(name)
            button.clicked.connect(slot)
            bar.addWidget(button)
            if keys is not None:  # the lead's keys act on the book selected in the table
                QShortcut(QKeySequence(keys), self.book_table, slot)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        if not is_lead(context.user):
            rule = QLabel(
                self.tr(
                    "You key your own book or the next one in the queue (Ctrl+N):"
                    " the team lead sets the order."
                )
            )
            rule.setObjectName("queue_rule")
            layout.addWidget(rule)
        layout.addWidget(self.book_table, 1)

    def _say(self, message: str) -> None:
        QMessageBox.information(self, self.tr("Books"), message)

    def refresh(self) -> None:
        books = self.operations.read(book_progress)
        if books is not FAILED:
            self.books.set_books(books)

    # The lead's actions on the queue

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
        done = self.operations.write(
            lambda session: action(session, queue.get_book(session, selected.book_id)),
            refusals={
                queue.BookUnavailable: lambda _: self.tr(
                    "This book is finished: it is no longer in the queue."
                )
            },
        )
        if done is FAILED:
            return
        self.refresh()
        for row in range(self.books.rowCount()):
            if self.books.book_at(row).book_id == selected.book_id:
                self.book_table.selectRow(row)

    def move_selected(self, steps: int) -> None:
        lead, clock = self.context.user, self.context.clock
        self._lead_action(
            lambda session, book: queue.move_book(session, lead, book, steps, clock=clock)
        )

    def hold_selected(self) -> None:
        lead, clock = self.context.user, self.context.clock
        self._lead_action(
            lambda session, book: queue.hold_book(
                session, lead, book, not book.on_hold, clock=clock
            )
        )

    def release_selected(self) -> None:
        lead, clock = self.context.user, self.context.clock
        self._lead_action(
            lambda session, book: queue.release_book(session, lead, book, clock=clock)
        )

    def reopen_selected(self) -> None:
        """Put a finished book back in the queue (what is left in it is keyed)."""
        selected = self._selected_book()
        if selected is not None and not selected.finished:
            self._say(self.tr("This book is not finished: it is in the queue."))
            return
        lead, clock = self.context.user, self.context.clock
        self._lead_action(lambda session, book: queue.reopen_book(session, lead, book, clock=clock))

    @Slot()
    def show_handed_entries(self) -> None:
        """The deferred entries the lead handed this clerk, to open one."""
        dialog = BacklogDialog(self.context, parent=self)
        dialog.entry_chosen.connect(self.entry_chosen)
        dialog.exec()

    @Slot()
    def register_books(self) -> None:
        """The lead registers books to key, by hand or from a list."""
        dialog = InventoryDialog(self.context, self)
        dialog.books_changed.connect(self.refresh)
        dialog.exec()

    @Slot()
    def import_scans(self) -> None:
        """The lead imports the scanned pages of the selected book."""
        selected = self._selected_book()
        if selected is None:
            self._say(self.tr("Choose the book whose pages were scanned, then import them."))
            return
        ImportScansDialog(self.context, selected, self).exec()
