"""The table of books and their progress."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.db.models import BookCondition
from app.keying.lists import BookProgress
from app.specs import BookKind

Index = QModelIndex | QPersistentModelIndex


def kind_label(kind: BookKind) -> str:
    labels = {
        BookKind.BIRTH: QCoreApplication.translate("BookKind", "Birth"),
        BookKind.MARRIAGE: QCoreApplication.translate("BookKind", "Marriage"),
        BookKind.DEATH: QCoreApplication.translate("BookKind", "Death"),
        BookKind.ADOPTION: QCoreApplication.translate("BookKind", "Adoption"),
    }
    return labels[kind]


def book_label(kind: BookKind, volume: str, year: int, office: str) -> str:
    """A book as a lead finds it on the shelf: kind, volume/year, office."""
    return QCoreApplication.translate("BookKind", "{kind} {volume}/{year} · {office}").format(
        kind=kind_label(kind), volume=volume, year=year, office=office
    )


def entry_label(
    kind: BookKind, volume: str, year: int, office: str, number: int | str | None
) -> str:
    """An entry as a clerk finds it: the book on the shelf, then its number."""
    return QCoreApplication.translate("BookKind", "{book}, no. {number}").format(
        book=book_label(kind, volume, year, office), number=number or "?"
    )


def condition_label(condition: BookCondition) -> str:
    labels = {
        BookCondition.GOOD: QCoreApplication.translate("BookCondition", "Good"),
        BookCondition.WORN: QCoreApplication.translate("BookCondition", "Worn"),
        BookCondition.DAMAGED: QCoreApplication.translate("BookCondition", "Damaged"),
    }
    return labels[condition]


# The columns, in order; the numbers are right-aligned.
KIND, OFFICE, VOLUME, YEAR, CONDITION, EXPECTED, DONE, DEFERRED, PROGRESS, STATE = range(10)
NUMERIC = {VOLUME, YEAR, EXPECTED, DONE, DEFERRED, PROGRESS}


class BookTableModel(QAbstractTableModel):
    """One row per book; the rows are plain ``BookProgress`` values."""

    def __init__(self, books: list[BookProgress] | None = None) -> None:
        super().__init__()
        self._books = list(books or [])
        self._headers = [
            self.tr("Kind"),
            self.tr("Office"),
            self.tr("Volume"),
            self.tr("Year"),
            self.tr("Condition"),
            self.tr("Expected"),
            self.tr("Done"),
            self.tr("Deferred"),
            self.tr("Progress"),
            self.tr("State"),
        ]

    def book_at(self, row: int) -> BookProgress:
        return self._books[row]

    def set_books(self, books: list[BookProgress]) -> None:
        self.beginResetModel()
        self._books = list(books)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._books)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._books):
            return None
        book = self._books[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(book, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _state(self, book: BookProgress) -> str:
        if book.finished:
            return self.tr("Finished")
        if book.on_hold:
            return self.tr("On hold")
        if book.taken_by:
            return self.tr("Keyed by {name}").format(name=book.taken_by)
        return self.tr("Waiting")

    def _display(self, book: BookProgress, column: int) -> str | None:
        if column == STATE:
            return self._state(book)
        if column == PROGRESS:
            if not book.expected:
                return None
            return (
                QLocale().toString(100 * min(book.done, book.expected) / book.expected, "f", 0)
                + "%"
            )
        locale = QLocale()
        values = (
            kind_label(book.kind),
            book.office,
            book.volume,
            str(book.year),
            condition_label(book.condition),
            "" if book.expected is None else locale.toString(book.expected),
            locale.toString(book.done),
            locale.toString(book.deferred),
        )
        return values[column] if 0 <= column < len(values) else None
