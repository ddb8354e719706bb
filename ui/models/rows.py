"""A read-only table of plain values, one row per item, columns given as functions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QPushButton, QTableView

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: str
    text: Callable[[Row], str]
    numeric: bool = False
    # Colour of the text, e.g. red for a clerk far behind their quota.
    colour: Callable[[Row], Any] | None = None
    # What the cell says when pointed at, beyond its text (e.g. the full list).
    tooltip: Callable[[Row], str] | None = None
    # What the header says when pointed at: which measure the column is.
    header_tip: str | None = None
    # The value a sorted table (ui.centre.sorting) orders the column by: a
    # number, a date; None sorts last. Without it, the text.
    sort: Callable[[Row], Any] | None = None


class RowTableModel(QAbstractTableModel, Generic[Row]):
    def __init__(self, columns: Sequence[Column[Row]]) -> None:
        super().__init__()
        self.columns = list(columns)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.columns[section].header_tip
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column, row = self.columns[index.column()], self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            return column.colour(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        return None


def row_table(model: RowTableModel, name: str) -> QTableView:
    """A table of ``model``: whole rows chosen one at a time, columns as wide
    as their text, the last one taking the rest."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def row_actions(
    actions: Sequence[tuple[str, str, Callable[[], object]]], close: QPushButton
) -> QHBoxLayout:
    """The buttons under a table, each (label, object name, slot), then
    ``close`` at the right. None takes Enter: Enter on a row opens it."""
    buttons = QHBoxLayout()
    for label, name, slot in actions:
        button = QPushButton(label)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        buttons.addWidget(button)
    buttons.addStretch(1)
    close.setAutoDefault(False)
    buttons.addWidget(close)
    return buttons
