"""The list of a book's entries beside the form."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.db.models import EntryStatus
from app.keying.lists import EntryLine

Index = QModelIndex | QPersistentModelIndex


class EntryListModel(QAbstractTableModel):
    """One row per entry: number, name, status. Rows are plain ``EntryLine``s."""

    def __init__(self, entries: list[EntryLine] | None = None) -> None:
        super().__init__()
        self._entries = list(entries or [])
        self._headers = [self.tr("No."), self.tr("Name"), self.tr("Status")]
        self._statuses = {
            EntryStatus.DRAFT: self.tr("Draft"),
            EntryStatus.COMPLETED: self.tr("Done"),
            EntryStatus.DEFERRED: self.tr("Deferred"),
            EntryStatus.VERIFIED: self.tr("Verified"),
            EntryStatus.EXPORTED: self.tr("Exported"),
        }

    def set_entries(self, entries: list[EntryLine]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry_at(self, row: int) -> EntryLine:
        return self._entries[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self._headers[section] if 0 <= section < len(self._headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return "" if entry.number is None else str(entry.number)
            if index.column() == 1:
                return entry.title
            if index.column() == 2:
                return self._statuses[entry.status]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
