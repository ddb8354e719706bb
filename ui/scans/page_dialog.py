"""An entry's scanned page in a window of its own, for the lists that name
entries (the checks across entries, the deferred entries): Ctrl+T there
opens it, with the page's keys, and Escape closes it.

A finding may name two entries (a possible duplicate): each is chosen in
turn at the top, its page shown below.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from app.scans.pages import entry_scan
from ui.context import StationContext
from ui.operations import FAILED, Operations
from ui.scans.page_view import PageView
from ui.screen_fit import fit_to_screen


class PageDialog(QDialog):
    def __init__(
        self,
        context: StationContext,
        entries: list[tuple[str, int]],
        parent: QWidget | None = None,
    ) -> None:
        """``entries``: each entry as the list names it, and its id."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("The entry's page"))
        self.operations = Operations(self, context)
        self.entry = QComboBox()
        self.entry.setObjectName("entry")
        for label, entry_id in entries:
            self.entry.addItem(label, entry_id)
        self.view = PageView(context)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.entry)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(820, 1000)  # a page upright: the screen's height, bounded
        fit_to_screen(self)
        self.entry.currentIndexChanged.connect(self.show_entry)
        self.show_entry()
        self.entry.setFocus()

    @Slot()
    def show_entry(self) -> None:
        entry_id = self.entry.currentData()
        scan = self.operations.read(lambda session: entry_scan(session, entry_id))
        if scan is not FAILED:
            self.view.show_scan(scan)
