"""The numbered list an input shows under it as the clerk types.

A place or an ethnic group offers values from app/; a choice field offers
its options. The list shows each row's text and keeps the value that taking
the row writes; it takes nothing by itself.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QWidget

# The value a row writes into the field, beside the line the list shows.
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
# At most this many rows are shown; Alt+1 … Alt+9 pick a place or a group.
MOST_ROWS = 9


class SuggestionList(QObject):
    """A popup list of (text, value) rows under ``owner``'s input.

    ``completer`` is made by the caller and attached the way its input needs
    (a line edit's own completer writes the row moved to into the line).
    """

    def __init__(self, completer: QCompleter, key: str, parent: QObject) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(self)
        self.completer = completer
        completer.setModel(self.model)
        # The model is filtered by app/ (accents ignored), not by Qt.
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCompletionRole(VALUE_ROLE)
        completer.setMaxVisibleItems(MOST_ROWS)
        popup = completer.popup()
        assert popup is not None  # Qt makes a completer's list when first asked for it
        popup.setObjectName(f"{key}__suggestions")
        self.view: QAbstractItemView = popup

    def offer(self, rows: list[tuple[str, str]], input_: QWidget, *, first_current: bool) -> None:
        """Show ``rows`` (text, value); with ``first_current`` the first is
        shown chosen, else none is. No rows: the list is hidden."""
        self.model.clear()
        for text, value in rows:
            item = QStandardItem(text)
            item.setData(value, VALUE_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)
        if not rows:
            self.view.hide()
            return
        self._fit(input_)
        self.completer.complete()
        if first_current:
            self.view.setCurrentIndex(self.model.index(0, 0))
        else:
            self.view.setCurrentIndex(QModelIndex())

    def _fit(self, input_: QWidget) -> None:
        """Make the list wide enough for a whole path and its years (the
        province is what tells two Tân Lập apart), up to the screen's width:
        Qt moves it left when it would pass the screen's edge."""
        metrics = self.view.fontMetrics()
        rows = range(self.model.rowCount())
        longest = max(metrics.horizontalAdvance(self.model.item(r).text()) for r in rows)
        scroll_bar = self.view.verticalScrollBar()
        wanted = longest + (scroll_bar.sizeHint().width() if scroll_bar else 0) + 16
        screen = input_.screen().availableGeometry().width()
        self.view.setMinimumWidth(min(max(input_.width(), wanted), screen))

    @property
    def shown(self) -> bool:
        return self.view.isVisible()

    def chosen(self) -> int | None:
        """The row the clerk moved to (or that was shown chosen), if shown."""
        if not self.shown:
            return None
        current = self.view.currentIndex()
        return current.row() if current.isValid() else None

    def rows(self) -> int:
        return self.model.rowCount() if self.shown else 0

    def value(self, row: int) -> str:
        return str(self.model.item(row).data(VALUE_ROLE))

    def hide(self) -> None:
        self.view.hide()
