"""The centre's tables, sorted by a click on a header or from the keyboard,
and narrowed to the stations or districts whose names hold what is typed.

A column sorts by its values (``Column.sort``: numbers as numbers, dates as
dates), not by the text shown ("1.234" after "987" otherwise), and an empty
value goes last whichever way the column is sorted: a station that has
sent nothing is no leader, nor the last of a list in the other order.
Names compare without their accents, as a Vietnamese reader orders them
(Đ with D), and the filter matches them so too: "dong phu" finds "Đồng Phú".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from app.values.text import search_key
from ui.models.rows import Column, RowTableModel, row_table

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


class SortedRows(QSortFilterProxyModel, Generic[Row]):
    """``rows`` sorted by their values; ``names`` gives what the filter
    looks in (None: the table is not filtered)."""

    def __init__(self, rows: RowTableModel[Row], names: Callable[[Row], str] | None) -> None:
        super().__init__()
        self.rows = rows
        self.names = names
        self.wanted = ""
        self.keep: Callable[[Row], bool] | None = None
        # A row kept on top whichever way the table is sorted (the province's).
        self.on_top: Callable[[Row], bool] | None = None
        self.setSourceModel(rows)

    def row_at(self, row: int) -> Row:
        """The row shown at ``row``."""
        return self.rows.row_at(self.mapToSource(self.index(row, 0)).row())

    def set_filter(self, text: str) -> None:
        self.wanted = search_key(text)
        # Filters again (filterAcceptsRow reads ``wanted``), in every Qt
        # from 6.8 on: invalidateRowsFilter is deprecated since 6.10.
        self.setFilterFixedString(self.wanted)

    def set_scope(self, keep: Callable[[Row], bool] | None) -> None:
        """Show only the rows ``keep`` keeps (None: every row)."""
        self.keep = keep
        self.setFilterFixedString(self.wanted)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        row = self.rows.row_at(source_row)
        if self.keep is not None and not self.keep(row):
            return False
        if not self.wanted or self.names is None:
            return True
        return self.wanted in search_key(self.names(row))

    def lessThan(self, left: Index, right: Index) -> bool:
        descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
        if self.on_top is not None:
            top = (
                self.on_top(self.rows.row_at(left.row())),
                self.on_top(self.rows.row_at(right.row())),
            )
            if top[0] != top[1]:
                return top[0] != descending
        a, b = self._value(left), self._value(right)
        if a is None or b is None:
            # Empty last, either way: Qt reverses this order for a
            # descending sort, so an empty value is "less" then.
            return (a is None) == descending and a is not b
        if isinstance(a, str) and isinstance(b, str):
            return (search_key(a), a) < (search_key(b), b)
        return a < b

    def _value(self, index: Index) -> Any:
        column = self.rows.columns[index.column()]
        row = self.rows.row_at(index.row())
        value = column.text(row) if column.sort is None else column.sort(row)
        return None if value == "" else value


class SortedTable(Generic[Row]):
    """A table view of rows sorted and filtered; refreshed, it keeps the
    row chosen (by ``key``), the sort and the filter."""

    def __init__(
        self,
        columns: Sequence[Column[Row]],
        name: str,
        *,
        key: Callable[[Row], object],
        names: Callable[[Row], str] | None = None,
    ) -> None:
        self.model: RowTableModel[Row] = RowTableModel(columns)
        self.rows = SortedRows(self.model, names)
        self.key = key
        self.view = row_table(self.model, name)
        self.view.setModel(self.rows)
        self.view.setSortingEnabled(True)
        # Tab goes on to the next table (from a district to its stations).
        self.view.setTabKeyNavigation(False)
        # A last column of figures keeps its figures beside their header.
        self.view.horizontalHeader().setStretchLastSection(not columns[-1].numeric)
        # As given (the report's order: by district, then commune) until sorted.
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)

    def set_rows(self, rows: Sequence[Row]) -> None:
        chosen = self.chosen()
        self.model.set_rows(rows)
        if chosen is not None:
            self.choose(self.key(chosen))

    def chosen(self) -> Row | None:
        index = self.view.currentIndex()
        return self.rows.row_at(index.row()) if index.isValid() else None

    def choose(self, key: object) -> bool:
        """Make the row of ``key`` the chosen one, if it is shown."""
        for row in range(self.rows.rowCount()):
            if self.key(self.rows.row_at(row)) == key:
                self.view.selectRow(row)
                self.view.scrollTo(self.rows.index(row, 0))
                return True
        return False

    def sort_by(self, column: int) -> None:
        """Sort by ``column``; by the one it is sorted by already, the other way."""
        header = self.view.horizontalHeader()
        ascending = Qt.SortOrder.AscendingOrder
        if header.sortIndicatorSection() == column and header.sortIndicatorOrder() == ascending:
            self.view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
        else:
            self.view.sortByColumn(column, ascending)
