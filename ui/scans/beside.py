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
from ui.operations import FAILED, Operations
from ui.preferences import Preferences
from ui.scans.page_view import PageView


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
    """``widget`` with the page of an entry beside it, when its book has scans;
    ``share``: the page's share of the width, until the user moves the split."""

    def __init__(self, context: StationContext, widget: QWidget, name: str, share: float) -> None:
        self.operations = Operations(widget, context)
        self.view = PageView(context)
        self.view.hide()
        self.split = QSplitter()
        self.split.setObjectName(f"{name}_split")
        self.split.addWidget(widget)
        self.split.addWidget(self.view)
        self.split.setCollapsible(0, False)
        self.remembered = RememberedSplit(
            self.split, context, name, lambda: _shared(self.split.width(), share)
        )

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


def _shared(width: int, share: float) -> list[int]:
    page = round(width * share)
    return [width - page, page]
