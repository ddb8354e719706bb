"""The lead's arbitration: two blind keyings of an entry that differ.

One entry at a time, its differing fields one under the other: what the
first clerk keyed, what the second keyed, and the lead's value. In the
value's box Ctrl+1 takes the first, Ctrl+2 the second, or the lead types a
third from the book; Enter goes to the next field, Ctrl+Enter saves the
decision (the entry takes the values, validated as at the form) and opens
the next entry. Who keyed what is not shown: the lead judges the values.
Escape with decisions typed asks before they are thrown away. For a
scanned book, the entry's page is beside the fields (ui/scans/).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.quality.arbitration import Arbitration, Disagreement, arbitration_queue, decide
from app.specs import BookSpec, spec_for
from ui.context import StationContext
from ui.models.books import entry_label
from ui.operations import FAILED, Operations
from ui.quality.leaving import leave_anyway
from ui.scans.beside import PageBeside, halves
from ui.screen_fit import fit_to_screen
from ui.status_line import StatusLine

CHOICE_STYLE = "font-weight: bold;"


@dataclass
class _Row:
    field: Disagreement
    edit: QLineEdit


class ArbitrationDialog(QDialog):
    def __init__(
        self,
        context: StationContext,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.language = context.language
        self.rows: list[_Row] = []
        self.shown: Arbitration | None = None
        self.setWindowTitle(self.tr("Two keyings that differ"))
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setStyleSheet("font-size: 14px; font-weight: bold;")
        self.remaining = QLabel()
        self.remaining.setObjectName("remaining")
        # Every field may differ: the fields scroll, the buttons stay in sight.
        fields = QWidget()
        self.grid = QGridLayout()
        self.grid.setColumnStretch(3, 1)
        column = QVBoxLayout(fields)
        column.addLayout(self.grid)
        column.addStretch(1)
        self.fields = QScrollArea()
        self.fields.setObjectName("fields")
        self.fields.setWidget(fields)
        self.fields.setWidgetResizable(True)
        self.fields.setFrameShape(QScrollArea.Shape.NoFrame)
        self.page = PageBeside(context, self.fields, "arbitration", halves)
        self.help = QLabel(
            self.tr(
                "In each box: Ctrl+1 takes the first keying, Ctrl+2 the second, or type"
                " what the book says. Enter: next field. Ctrl+Enter: save and go on."
            )
        )
        self.help.setWordWrap(True)
        self.status = StatusLine("status")
        self.operations = Operations(self, context, say=self.status.failed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.remaining)
        layout.addWidget(self.page.split, 1)
        layout.addWidget(self.help)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        self.resize(960, 560)
        fit_to_screen(self, share=0.8)
        self.show_next()

    # Which entry

    def show_next(self) -> None:
        """The oldest entry waiting for the lead, or say there is none."""
        self._clear()
        queue = self.operations.read(arbitration_queue)
        if queue is FAILED:
            return
        self.remaining.setText(
            self.tr("{count} entries wait for a decision.").format(count=queue.waiting)
        )
        self.shown = queue.next
        self.page.show_verification(self.shown.verification_id if self.shown else None)
        if self.shown is None:
            self.heading.setText(self.tr("No two keyings differ: nothing to decide."))
            return
        shown = self.shown
        spec = spec_for(shown.kind)
        self.heading.setText(
            entry_label(shown.kind, shown.volume, shown.year, shown.office, shown.number)
        )
        for column, title in enumerate(
            (self.tr("Field"), self.tr("First keying (Ctrl+1)"),
             self.tr("Second keying (Ctrl+2)"), self.tr("Decision"))
        ):  # fmt: skip
            header = QLabel(title)
            header.setStyleSheet("font-weight: bold;")
            self.grid.addWidget(header, 0, column)
        for row, field in enumerate(shown.fields, start=1):
            edit = QLineEdit()
            edit.setObjectName(f"decision_{field.field}")
            edit.installEventFilter(self)
            edit.returnPressed.connect(self._next_field)
            self.grid.addWidget(QLabel(_label(spec, field.field, self.language)), row, 0)
            self.grid.addWidget(QLabel(field.first or "—"), row, 1)
            self.grid.addWidget(QLabel(field.second or "—"), row, 2)
            self.grid.addWidget(edit, row, 3)
            self.rows.append(_Row(field, edit))
        for index in range(self.grid.count()):
            item = self.grid.itemAt(index)
            widget = item.widget() if item is not None else None
            assert widget is not None  # the grid holds the widgets just added, only them
            widget.show()  # at once: the focus goes in now
        self._focus(self.rows[0].edit)

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

    def typed(self) -> bool:
        """The lead typed or took a value not saved yet."""
        return any(r.edit.text() for r in self.rows)

    def reject(self) -> None:
        """Escape, Close: asked first when decisions would be thrown away."""
        if self.typed() and not leave_anyway(
            self, self.tr("The decisions typed for this entry are not saved: they will be lost.")
        ):
            return
        super().reject()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+1 and Ctrl+2 in a decision box take a keying's value."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            row = next((r for r in self.rows if r.edit is watched), None)
            if row is not None and ctrl and event.key() in (Qt.Key.Key_1, Qt.Key.Key_2):
                chosen = row.field.first if event.key() == Qt.Key.Key_1 else row.field.second
                row.edit.setText(chosen)
                row.edit.setStyleSheet(CHOICE_STYLE)
                self._next_field()
                return True
        return super().eventFilter(watched, event)

    @Slot()
    def _next_field(self) -> None:
        focused = next((i for i, r in enumerate(self.rows) if r.edit.hasFocus()), None)
        if focused is not None and focused + 1 < len(self.rows):
            self._focus(self.rows[focused + 1].edit)

    def _focus(self, edit: QLineEdit) -> None:
        edit.setFocus()
        self.fields.ensureWidgetVisible(edit)

    @Slot()
    def save(self) -> None:
        """The lead's values: the entry takes them and is verified."""
        if self.shown is None:
            return
        typed = {r.field.field: r.edit.text() for r in self.rows}
        if self.shown.undecided(typed):
            self.status.failed(self.tr("Decide every field first."))
            return
        shown, lead, clock = self.shown, self.context.user, self.context.clock
        assessment = self.operations.write(
            lambda session: decide(session, shown, typed, lead, clock)
        )
        if assessment is FAILED:
            return
        if not assessment.can_complete:
            self.status.failed("\n".join(f.message(self.language) for f in assessment.errors))
            return
        self.show_next()


def _label(spec: BookSpec, key: str, language: str) -> str:
    """A field as the form names it: its section, then itself ("Mẹ · Họ và tên")."""
    field = spec.field(key)
    sections = {section.key: section.label for section in spec.sections}
    label = field.label.get(language)
    return f"{sections[field.section].get(language)} · {label}" if field.section else label
