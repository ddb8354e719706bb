"""The lead's arbitration: two blind keyings of an entry that differ.

One entry at a time, its differing fields one under the other: what the
first clerk keyed, what the second keyed, and the lead's value. In the
value's box Ctrl+1 takes the first, Ctrl+2 the second, or the lead types a
third from the book; Enter goes to the next field, Ctrl+Enter saves the
decision (the entry takes the values, validated as at the form) and opens
the next entry. Who keyed what is not shown: the lead judges the values.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from app.db.models import Book, Entry, FieldDifference, Verification, VerificationState
from app.keying.start import display_value
from app.quality.verification import arbitrate, differences
from app.rules import FieldValue
from app.specs import BookSpec, SourceStatus, spec_for
from ui.context import StationContext
from ui.styles import FAILURE_STYLE

CHOICE_STYLE = "font-weight: bold;"


@dataclass
class _Row:
    difference: FieldDifference
    first: str
    second: str
    edit: QLineEdit


class ArbitrationDialog(QDialog):
    decided = Signal()

    def __init__(
        self,
        context: StationContext,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.db = context.db
        self.lead = context.user
        self.clock = context.clock
        self.language = context.language
        self.rows: list[_Row] = []
        self.verification_id: int | None = None
        self.setWindowTitle(self.tr("Two keyings that differ"))
        self.setMinimumWidth(860)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setStyleSheet("font-size: 14px; font-weight: bold;")
        self.remaining = QLabel()
        self.remaining.setObjectName("remaining")
        self.grid = QGridLayout()
        self.help = QLabel(
            self.tr(
                "In each box: Ctrl+1 takes the first keying, Ctrl+2 the second, or type"
                " what the book says. Enter: next field. Ctrl+Enter: save and go on."
            )
        )
        self.help.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.remaining)
        layout.addLayout(self.grid)
        layout.addWidget(self.help)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        self.show_next()

    # Which entry

    def show_next(self) -> None:
        """The oldest entry waiting for the lead, or say there is none."""
        self._clear()
        with self.db.sessions() as session:
            waiting = session.scalars(
                select(Verification)
                .where(Verification.state == VerificationState.MISMATCH.value)
                .order_by(Verification.id)
            ).all()
            self.remaining.setText(
                self.tr("{count} entries wait for a decision.").format(count=len(waiting))
            )
            if not waiting:
                self.verification_id = None
                self.heading.setText(self.tr("No two keyings differ: nothing to decide."))
                return
            verification = waiting[0]
            self.verification_id = verification.id
            entry = session.get_one(Entry, verification.entry_id)
            book = session.get_one(Book, entry.book_id)
            spec = spec_for(book.kind)
            self.heading.setText(
                self.tr("{book} {volume}/{year}, no. {number}").format(
                    book=spec.label.get(self.language),
                    volume=book.volume,
                    year=book.year,
                    number=entry.number or "?",
                )
            )
            for column, title in enumerate(
                (self.tr("Field"), self.tr("First keying (Ctrl+1)"),
                 self.tr("Second keying (Ctrl+2)"), self.tr("Decision"))
            ):  # fmt: skip
                header = QLabel(title)
                header.setStyleSheet("font-weight: bold;")
                self.grid.addWidget(header, 0, column)
            for row, difference in enumerate(differences(session, verification), start=1):
                first = display_value(book, difference.field, difference.first.get("v", ""))
                second = display_value(book, difference.field, difference.second.get("v", ""))
                edit = QLineEdit()
                edit.setObjectName(f"decision_{difference.field}")
                edit.installEventFilter(self)
                edit.returnPressed.connect(self._next_field)
                self.grid.addWidget(QLabel(_label(spec, difference.field, self.language)), row, 0)
                self.grid.addWidget(QLabel(first or "—"), row, 1)
                self.grid.addWidget(QLabel(second or "—"), row, 2)
                self.grid.addWidget(edit, row, 3)
                self.rows.append(_Row(difference, first, second, edit))
        for index in range(self.grid.count()):
            item = self.grid.itemAt(index)
            widget = item.widget() if item is not None else None
            assert widget is not None  # the grid holds the widgets just added, only them
            widget.show()  # at once: the focus goes in now
        self.rows[0].edit.setFocus()

    def _clear(self) -> None:
        self.rows = []
        while self.grid.count():
            item = self.grid.takeAt(0)
            assert item is not None  # the grid is not yet empty
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.status.clear()

    # Deciding

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+1 and Ctrl+2 in a decision box take a keying's value."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            row = next((r for r in self.rows if r.edit is watched), None)
            if row is not None and ctrl and event.key() in (Qt.Key.Key_1, Qt.Key.Key_2):
                row.edit.setText(row.first if event.key() == Qt.Key.Key_1 else row.second)
                row.edit.setStyleSheet(CHOICE_STYLE)
                self._next_field()
                return True
        return super().eventFilter(watched, event)

    @Slot()
    def _next_field(self) -> None:
        focused = next((i for i, r in enumerate(self.rows) if r.edit.hasFocus()), None)
        if focused is not None and focused + 1 < len(self.rows):
            self.rows[focused + 1].edit.setFocus()

    @Slot()
    def save(self) -> None:
        """The lead's values: the entry takes them and is verified."""
        if self.verification_id is None:
            return
        if any(not r.edit.text().strip() and (r.first or r.second) for r in self.rows):
            self.status.setText(self.tr("Decide every field first."))
            self.status.setStyleSheet(FAILURE_STYLE)
            return
        chosen = {
            r.difference.field: FieldValue(r.edit.text().strip(), _status(r)) for r in self.rows
        }
        with self.db.sessions.begin() as session:
            verification = session.get_one(Verification, self.verification_id)
            assessment = arbitrate(session, verification, chosen, self.lead, self.clock)
        if not assessment.can_complete:
            self.status.setText("\n".join(f.message(self.language) for f in assessment.errors))
            self.status.setStyleSheet(FAILURE_STYLE)
            return
        self.decided.emit()
        self.show_next()


def _label(spec: BookSpec, key: str, language: str) -> str:
    """A field as the form names it: its section, then itself ("Mẹ · Họ và tên")."""
    field = spec.field(key)
    sections = {section.key: section.label for section in spec.sections}
    label = field.label.get(language)
    return f"{sections[field.section].get(language)} · {label}" if field.section else label


def _status(row: _Row) -> SourceStatus:
    """The book's legibility as the chosen keying said it, else clear."""
    for keyed, stored in ((row.first, row.difference.first), (row.second, row.difference.second)):
        if row.edit.text().strip() == keyed and "s" in stored:
            return SourceStatus(stored["s"])
    return SourceStatus.CLEAR
