"""The open book's entries beside the form: Enter brings one back into it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHeaderView, QTableView

from app.keying.lists import EntryLine
from ui.models.entries import EntryListModel


class EntryList(QTableView):
    """``entry_chosen``: Enter or a double click on an entry (its id)."""

    entry_chosen = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("entries")
        self.entries = EntryListModel()
        self.setModel(self.entries)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.activated.connect(
            lambda index: self.entry_chosen.emit(self.entries.entry_at(index.row()).entry_id)
        )

    def show_lines(self, lines: list[EntryLine]) -> None:
        """The book's entries, the last keyed in sight."""
        self.entries.set_entries(lines)
        self.scrollToBottom()

    def select_entry(self, entry_id: int) -> None:
        """The entry ``entry_id`` selected, where the list shows it."""
        for row in range(self.entries.rowCount()):
            if self.entries.entry_at(row).entry_id == entry_id:
                self.selectRow(row)
                self.scrollTo(self.entries.index(row, 0))
                return
