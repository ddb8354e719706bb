"""What the keying tab says of a book: why it cannot be opened, and what
finishing it leaves behind.

A clerk marks a book finished when they reach its last page. Entries left
for later, drafts never saved or fewer entries than the inventory expects
are said, with how many of each, and the clerk answers; the deferred entries
stay in the team lead's list whatever the answer.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.work import queue
from app.work.queue import BookEnd
from ui.operations import Refusals


def book_refusals() -> Refusals:
    """Why a book (or an entry of it) cannot be opened, as the user reads it."""
    return {
        queue.BookTaken: lambda taken: QCoreApplication.translate(
            "KeyingPanel",
            "{name} is keying this book. One book is keyed by one clerk at a time.",
        ).format(name=taken.holder_name),
        queue.BookUnavailable: lambda _: QCoreApplication.translate(
            "KeyingPanel", "This book is finished or held by the team lead."
        ),
        queue.NotYourBook: lambda _: QCoreApplication.translate(
            "KeyingPanel",
            "You key your own book or the next one in the queue (Ctrl+N):"
            " the team lead sets the order.",
        ),
    }


class FinishBookQuestion(QMessageBox):
    """Yes finishes the book; when something is left, Enter answers No."""

    def __init__(self, end: BookEnd, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finish_book_question")
        self.setWindowTitle(self.tr("Book finished"))
        self.setIcon(QMessageBox.Icon.Question if end.clean else QMessageBox.Icon.Warning)
        self.setText(self.text_for(end))
        self.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        self.setDefaultButton(
            QMessageBox.StandardButton.Yes if end.clean else QMessageBox.StandardButton.No
        )

    def text_for(self, end: BookEnd) -> str:
        if end.clean:
            return self.tr("Every entry of this book is keyed? It leaves the queue.")
        locale = QLocale()
        lines = []
        if end.deferred:
            lines.append(
                self.tr(
                    "{count} entries are deferred: they stay in the team lead's list of"
                    " deferred entries."
                ).format(count=locale.toString(end.deferred))
            )
        if end.drafts:
            lines.append(
                self.tr("{count} entries were begun and never saved (drafts).").format(
                    count=locale.toString(end.drafts)
                )
            )
        if end.missing:
            lines.append(
                self.tr("{keyed} entries are keyed of the {expected} expected.").format(
                    keyed=locale.toString(end.keyed),
                    expected=locale.toString(end.expected or 0),
                )
            )
        items = "".join(f"<li>{line}</li>" for line in lines)
        return (
            self.tr("This book is not keyed to its end:")
            + f"<ul>{items}</ul>"
            + self.tr("Mark it finished all the same? It leaves the queue.")
        )


def confirm_finish(parent: QWidget, end: BookEnd) -> bool:
    """Whether the clerk answers Yes."""
    question = FinishBookQuestion(end, parent)
    question.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return question.exec() == QMessageBox.StandardButton.Yes
