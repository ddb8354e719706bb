"""A page beside what a window shows of an entry, in a splitter each user
leaves as they like it (ui/preferences.py).

The second keying and the lead's arbitration show the page of the entry
they are about beside their fields (:class:`PageBeside`); the keying tab
keeps its own split the same way (ui/keying/page_side.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QSplitter, QWidget

from app.scans.pages import verification_scan
from ui.context import StationContext
from ui.form.entry_form import COLUMN_CHARACTERS
from ui.operations import FAILED, Operations
from ui.preferences import Preferences
from ui.scans.page_view import PageView

# The birth form's sections fit a laptop's height in three columns: beside a
# page, the form keeps them (it does not scroll) and the page has the rest.
FORM_COLUMNS = 3
LEAST_PAGE = 300  # the page's width at least, until the user moves the split


def form_beside_page(split: QSplitter) -> list[int]:
    """A form's width and its page's in ``split``, the form first."""
    column = split.fontMetrics().averageCharWidth() * COLUMN_CHARACTERS
    form = FORM_COLUMNS * column + 40  # the scroll bar, frames and margins
    return [form, max(split.width() - form, LEAST_PAGE)]


def halves(split: QSplitter) -> list[int]:
    return [split.width() // 2, split.width() - split.width() // 2]


class RememberedSplit:
    """``split``'s sizes kept for the user under ``name``, from each move of
    theirs; ``default()`` until they move it."""

    def __init__(
        self,
        split: QSplitter,
        context: StationContext,
        name: str,
        default: Callable[[], list[int]],
    ) -> None:
        self.split, self.name, self.default = split, name, default
        self.username = context.user.username
        self.preferences = Preferences(context.db.data_dir)
        split.splitterMoved.connect(self._moved)

    def restore(self) -> None:
        sizes = self.preferences.split_sizes(self.username, self.name)
        usable = sizes is not None and len(sizes) == self.split.count() and any(sizes)
        self.split.setSizes(sizes if sizes is not None and usable else self.default())

    def _moved(self, position: int, index: int) -> None:
        self.preferences.set_split_sizes(self.username, self.name, self.split.sizes())


class PageBeside:
    """``widget`` with the page of an entry beside it, when its book has
    scans; ``default(split)`` gives their widths until the user moves them."""

    def __init__(
        self,
        context: StationContext,
        widget: QWidget,
        name: str,
        default: Callable[[QSplitter], list[int]],
    ) -> None:
        self.operations = Operations(widget, context)
        self.view = PageView(context)
        self.view.hide()
        self.split = QSplitter()
        self.split.setObjectName(f"{name}_split")
        self.split.addWidget(widget)
        self.split.addWidget(self.view)
        self.split.setCollapsible(0, False)
        self.remembered = RememberedSplit(self.split, context, name, lambda: default(self.split))

    def show_verification(self, verification_id: int | None) -> None:
        """The page of the entry a second keying or an arbitration is about;
        no page for a book without scans."""
        scan = None
        if verification_id is not None:
            scan = self.operations.read(lambda session: verification_scan(session, verification_id))
        if scan is None or scan is FAILED or not scan.pages:
            self.view.hide()
            return
        self.view.show_scan(scan)
        if self.view.isHidden():
            self.view.show()
            self.remembered.restore()
