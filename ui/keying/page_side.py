"""The page beside the keying form, for a book that has scans.

The page shown follows the entry's "page" field: the page loaded with the
entry (carried forward from the entry before, as the field is), the page
the clerk types there, and Ctrl+PageDown or Ctrl+PageUp, which move the
entry itself to the next or the previous page (the field shows the new
number, saved as any typing is). Alt+PageDown and Alt+PageUp only look.

Form and page share a splitter the clerk can move, remembered for them
(ui/preferences.py); the book's entry list folds away to give the form its
columns, and opens again while the cursor is in it (F12). A book without
scans is keyed as before: no page, the list in sight.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QSplitter, QWidget

from app.rules import FieldValue
from app.scans.pages import book_pages, entry_page
from ui.context import StationContext
from ui.form.entry_form import EntryForm
from ui.operations import FAILED, Operations
from ui.scans.beside import RememberedSplit, form_beside_page
from ui.scans.page_view import PageView, Region

PAGE_FIELD = "page"
LIST_WIDTH = 300  # the entry list, as a book without scans shows it
FOLLOW_PAUSE_MS = 300  # a page number typed is followed once the typing pauses
SPLIT_NAME = "keying"


class PageSide(QObject):
    """``moved``: the clerk changed the entry's page or region by a key or
    the mouse: the form holds more than was saved."""

    moved = Signal()

    def __init__(
        self,
        context: StationContext,
        entry_list: QWidget,
        form_column: QWidget,
        form: Callable[[], EntryForm | None],
    ) -> None:
        super().__init__(form_column)
        self.form = form
        self.operations = Operations(form_column, context)
        self.view = PageView(context)
        self.view.hide()
        self.view.region_changed.connect(self.moved)
        self.split = QSplitter()
        self.split.setObjectName("page_split")
        self.split.addWidget(form_column)
        self.split.addWidget(self.view)
        self.split.setCollapsible(0, False)
        self.remembered = RememberedSplit(
            self.split, context, SPLIT_NAME, lambda: form_beside_page(self.split)
        )
        self.outer = QSplitter()
        self.outer.addWidget(entry_list)
        self.outer.addWidget(self.split)
        self.outer.setSizes([LIST_WIDTH, 980])
        self.entry_list = entry_list
        entry_list.installEventFilter(self)
        self.follow_timer = QTimer(self, singleShot=True, interval=FOLLOW_PAUSE_MS)
        self.follow_timer.timeout.connect(self.follow_field)
        for sequence, steps in (("Ctrl+PgDown", +1), ("Ctrl+PgUp", -1)):
            QShortcut(QKeySequence(sequence), self.view, lambda s=steps: self.move_entry(s))

    @property
    def shown(self) -> bool:
        """The open book has scans: its page is beside the form."""
        return not self.view.isHidden()

    def watch(self, form: EntryForm) -> None:
        """Follow the page typed in ``form``'s page field."""
        editor = form.editors.get(PAGE_FIELD)
        if editor is not None:
            editor.edited.connect(self.follow_timer.start)
            editor.left.connect(lambda key: self.follow_field())

    def show_book(self, book_id: int) -> None:
        """The book's pages beside the form, or no page for a book not scanned."""
        pages = self.operations.read(lambda session: book_pages(session, book_id))
        pages = [] if pages is FAILED else pages
        if not pages:
            self.show_book_closed()
            return
        self.view.show_book(pages)
        self.view.show()
        self.remembered.restore()
        self._fold_list()

    def show_book_closed(self) -> None:
        """No book open: no page, and the list (empty) in sight."""
        self.view.show_book([])
        self.view.hide()
        self.outer.setSizes([LIST_WIDTH, 980])

    def show_entry(self, values: dict[str, FieldValue], region: Region | None) -> None:
        """The page of the entry just loaded in the form, and its region there."""
        self.follow_timer.stop()
        self.view.show_entry_page(_page_of(values), region)

    def region(self) -> Region | None:
        return self.view.region

    @Slot()
    def follow_field(self) -> None:
        """The page typed in the field, shown once the typing pauses."""
        self.follow_timer.stop()
        form = self.form()
        if form is None or PAGE_FIELD not in form.editors:
            return
        page = _page_of(form.values())
        if page != self.view.entry_page:
            # The region was marked on the page the entry left.
            self.view.set_region(None, marked=self.view.region is not None)
            self.view.show_entry_page(page, None)

    def move_entry(self, steps: int) -> None:
        """Ctrl+PageDown, Ctrl+PageUp: the entry is on the next or previous page."""
        form = self.form()
        if form is None or PAGE_FIELD not in form.editors:
            return
        current = _page_of(form.values())
        if current is None:  # nothing keyed yet: from the page looked at
            looked = self.view.page or min(self.view.pages, default=1)
            page = looked if steps > 0 else max(looked - 1, 1)
        else:
            page = max(current + steps, 1)
        if page == current:
            return
        editor = form.editors[PAGE_FIELD]
        editor.set_value(FieldValue(str(page), editor.value().status), str(page))
        self.view.set_region(None)
        self.view.show_entry_page(page, None)
        self.moved.emit()

    # The entry list, folded while the page is shown

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.entry_list and self.shown:
            if event.type() == QEvent.Type.FocusIn:
                total = sum(self.outer.sizes())
                self.outer.setSizes([LIST_WIDTH, max(total - LIST_WIDTH, 0)])
            elif event.type() == QEvent.Type.FocusOut:
                self._fold_list()
        return super().eventFilter(watched, event)

    def _fold_list(self) -> None:
        self.outer.setSizes([0, max(sum(self.outer.sizes()), 1)])


def _page_of(values: dict[str, FieldValue]) -> int | None:
    """The page the form's values name, as the saved entry will name it."""
    return entry_page({PAGE_FIELD: values.get(PAGE_FIELD, FieldValue()).value})
