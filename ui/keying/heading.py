"""Above the form: which book is open, and why a deferred entry was left.

The book is named in full (kind, office, volume, year), so that the clerk
pulls the right one from the shelf; a lead who opened one entry of a book
without taking it is told that the book stays as it is. A deferred entry
shows its reason and note, as the person who deferred it wrote them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.db.models import Book, DeferralReason, Entry, EntryStatus
from app.specs import spec_for
from ui.keying.deferral import reason_label
from ui.moments import local_moment


class BookHeading(QWidget):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.title = QLabel()
        self.title.setObjectName("book_title")
        self.title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.deferral = QLabel()
        self.deferral.setObjectName("deferral")
        self.deferral.setWordWrap(True)
        self.deferral.setStyleSheet("background: #fff3cd; padding: 4px;")
        self.deferral.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.deferral)

    def show_book(self, book: Book, visit: bool) -> None:
        """Name ``book``; ``visit``: one entry of it is open, the book not taken."""
        title = self.tr("{book} · {office} · volume {volume} · {year}").format(
            book=spec_for(book.kind).label.get(self.language),
            office=book.office,
            volume=book.volume,
            year=book.year,
        )
        if visit:
            title += " · " + self.tr("this entry only: the book stays as it is")
        self.title.setText(title)
        self.deferral.hide()

    def show_entry(self, entry: Entry | None, deferred_by: str | None = None) -> None:
        """Why ``entry`` was deferred, if it is; nothing for another entry."""
        if entry is None or entry.status != EntryStatus.DEFERRED:
            self.deferral.hide()
            return
        reason = reason_label(DeferralReason(entry.deferral_reason or DeferralReason.OTHER))
        text = self.tr("Deferred: {reason}").format(reason=reason)
        if entry.deferral_note:
            text += f" — “{entry.deferral_note}”"
        if deferred_by:
            text += " " + self.tr("({name}, {moment})").format(
                name=deferred_by, moment=local_moment(entry.deferred_at)
            )
        self.deferral.setText(text)
        self.deferral.show()

    def clear(self) -> None:
        self.title.clear()
        self.deferral.hide()
