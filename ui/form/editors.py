"""One editor per field of a book: the input, its source status, its findings.

Each input's ``objectName`` is its field key, so tests and screen readers
find it. The editor knows nothing of other fields: the form assesses the
entry and hands each editor its findings.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.keying.start import Suggestion, suggestions
from app.reference import ethnic
from app.reference.gazetteer import Place
from app.rules import FieldValue, Finding, Severity
from app.rules.fields import suggested_text
from app.specs import FieldSpec, FieldType, SourceStatus
from app.values.dates import expand_shorthand
from app.values.text import search_key

# How each source status shows beside the input (and its tooltip's key).
STATUS_MARKS = {
    SourceStatus.CLEAR: "",
    SourceStatus.UNCERTAIN: "?",
    SourceStatus.ILLEGIBLE: "✗",
    SourceStatus.BLANK: "∅",
}
SEVERITY_COLOURS = {
    Severity.ERROR: "#b00020",
    Severity.DEFER: "#8a4b00",
    Severity.WARNING: "#7a6400",
}
# The value a suggestion writes into the field, beside the line the list shows.
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
# Alt+1 … Alt+9 pick a suggestion by its number.
PICK_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)}


class FieldEditor(QWidget):
    """Input, status mark and message of one field."""

    edited = Signal()
    left = Signal(str)  # the field key, when focus leaves the input

    def __init__(
        self,
        field: FieldSpec,
        language: str,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.field = field
        self.language = language
        self.today = today
        self.status = SourceStatus.CLEAR
        # The exact transcription of the value loaded, and the text shown for
        # it: it goes back with the value until the clerk types over it.
        self.loaded_transcription: str | None = None
        self.loaded_text = ""
        self.suggestion_list: QAbstractItemView | None = None
        # Where the book was kept and when: places of the station's own area
        # and of the book's year are suggested first.
        self.near: Place | None = None
        self.year: int | None = None
        self.input = self._make_input()
        self.input.setObjectName(field.key)
        self.input.setToolTip(field.help.get(language) if field.help else "")
        self.mark = QLabel()
        self.mark.setObjectName(f"{field.key}__status")
        self.mark.setFixedWidth(16)
        self.message = QLabel()
        self.message.setObjectName(f"{field.key}__message")
        self.message.setWordWrap(True)
        self.message.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.input, 1)
        row.addWidget(self.mark)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addLayout(row)
        column.addWidget(self.message)

    def _make_input(self) -> QLineEdit | QComboBox:
        if self.field.type is FieldType.CHOICE:
            box = QComboBox()
            box.addItem("", "")
            # Numbered, so that one digit picks a choice: "1 · Nam", "2 · Nữ".
            for number, choice in enumerate(self.field.choices, start=1):
                box.addItem(f"{number} · {choice.label.get(self.language)}", choice.value)
            box.currentIndexChanged.connect(self.edited)
            return box
        line = QLineEdit()
        line.textEdited.connect(self.edited)
        line.editingFinished.connect(self._finish_editing)
        if self.field.type in (FieldType.PLACE, FieldType.ETHNIC):
            self._completions = QStandardItemModel(self)
            completer = QCompleter(self._completions, line)
            self._completer = completer
            # The model is filtered by app/ (accents ignored), not by Qt; a row
            # shows its number and label, and writes its value when picked.
            completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
            completer.setCompletionRole(VALUE_ROLE)
            completer.setMaxVisibleItems(len(PICK_KEYS))
            popup = completer.popup()
            assert popup is not None  # Qt makes a completer's list when first asked for it
            popup.setObjectName(f"{self.field.key}__suggestions")
            self.suggestion_list = popup
            line.setCompleter(completer)
            line.textEdited.connect(self._suggest)
        return line

    @Slot(str)
    def _suggest(self, typed: str) -> None:
        offered = suggestions(
            self.field, typed, limit=len(PICK_KEYS), near=self.near, year=self.year
        )
        self._completions.clear()
        for number, suggestion in enumerate(offered, start=1):
            self._completions.appendRow(self._row(number, suggestion))
        if offered:
            # No row is made current: what the clerk typed stays in the field
            # until they pick a suggestion (Down, Up, or Alt and its number).
            self._fit_popup()
            self._completer.complete()
        else:
            self._popup.hide()

    def _fit_popup(self) -> None:
        """Make the list wide enough for a whole path and its years (the
        province is what tells two Tân Lập apart), up to the screen's width:
        Qt moves it left when it would pass the screen's edge."""
        popup = self._popup
        metrics = popup.fontMetrics()
        rows = range(self._completions.rowCount())
        longest = max(metrics.horizontalAdvance(self._completions.item(r).text()) for r in rows)
        wanted = longest + popup.verticalScrollBar().sizeHint().width() + 16
        screen = self.input.screen().availableGeometry().width()
        popup.setMinimumWidth(min(max(self.input.width(), wanted), screen))

    @property
    def _popup(self) -> QAbstractItemView:
        """The list of suggestions, of a field that suggests (a place, an ethnic group)."""
        assert self.suggestion_list is not None  # asked for only where suggestions are made
        return self.suggestion_list

    @property
    def _line(self) -> QLineEdit:
        """The input of a field keyed as text: every field but a choice."""
        assert isinstance(self.input, QLineEdit)  # asked for only of text fields
        return self.input

    def _row(self, number: int, suggestion: Suggestion) -> QStandardItem:
        item = QStandardItem(f"Alt+{number}  {suggestion.label}")
        item.setData(suggestion.value, VALUE_ROLE)
        item.setEditable(False)
        return item

    def accept_suggestion(self) -> None:
        """Enter on a shown list takes the suggestion the clerk moved to, and
        only that: with none chosen, the field keeps exactly what was typed."""
        if self.suggestion_list is None or not self.suggestion_list.isVisible():
            return
        chosen = self.suggestion_list.currentIndex()
        self.suggestion_list.hide()
        if chosen.isValid():
            self._take(chosen.row())

    def pick_suggestion(self, number: int) -> bool:
        """Alt and a number: take the suggestion of that number, if shown."""
        if self.suggestion_list is None or not self.suggestion_list.isVisible():
            return False
        if not 0 < number <= self._completions.rowCount():
            return False
        self.suggestion_list.hide()
        self._take(number - 1)
        return True

    def _take(self, row: int) -> None:
        self._line.setText(self._completions.item(row).data(VALUE_ROLE))
        self.edited.emit()

    @Slot()
    def _finish_editing(self) -> None:
        if self.field.type in (FieldType.DATE, FieldType.PARTIAL_DATE):
            line = self._line
            written = expand_shorthand(line.text(), self.today())
            if written != line.text():
                line.setText(written)
        if self.field.type is FieldType.ETHNIC:
            self._write_official_name()
        self.left.emit(self.field.key)

    def _write_official_name(self) -> None:
        """An ethnic group is saved by its official name: the field shows it
        as soon as the clerk leaves ("Mèo" becomes "HMông"), and another name
        the book used is kept as its transcription."""
        line = self._line
        typed = line.text()
        group = ethnic.find(typed)
        if group is None or group.name == typed:
            return
        line.setText(group.name)
        self.loaded_text = group.name
        another_name = _letters(typed) != _letters(group.name)
        self.loaded_transcription = typed.strip() if another_name else None

    def value(self) -> FieldValue:
        if isinstance(self.input, QComboBox):
            return FieldValue(self.input.currentData() or "", self.status)
        text = self.input.text()
        transcription = self.loaded_transcription if text == self.loaded_text else None
        return FieldValue(text, self.status, transcription)

    def set_value(self, value: FieldValue, shown: str) -> None:
        """Show ``shown`` (the value as the form writes it) with its status.

        Filling the form is no edit by the clerk: no signal says so. The
        value's exact transcription (e.g. "Hoà" in the book, stored "Hòa")
        is kept, to be saved again unless the clerk changes the text.
        """
        if isinstance(self.input, QComboBox):
            with QSignalBlocker(self.input):
                self.input.setCurrentIndex(max(0, self.input.findData(value.value)))
        else:
            self.input.setText(shown)
            self.input.setCursorPosition(0)
            self.loaded_text = self.input.text()
            self.loaded_transcription = value.transcription
        self.set_status(value.status)

    def convert_text(self) -> bool:
        """F5: the text the field's warning showed replaces what was typed.

        Returns whether the text changed. The clerk read the new text in the
        warning before pressing and sees it in the field after.
        """
        if not isinstance(self.input, QLineEdit):
            return False
        converted = suggested_text(self.field, self.input.text())
        if converted is None:
            return False
        self.input.setText(converted)
        self.edited.emit()
        return True

    def toggle_status(self, status: SourceStatus) -> None:
        """F2, F3, F4: mark what the book shows; the same key again clears it."""
        self.set_status(SourceStatus.CLEAR if self.status is status else status)
        self.edited.emit()

    def set_status(self, status: SourceStatus) -> None:
        self.status = status
        self.mark.setText(STATUS_MARKS[status])
        self.input.setProperty("sourceStatus", status.value)

    def show_findings(self, findings: list[Finding]) -> None:
        if not findings:
            self.message.hide()
            self.message.clear()
            return
        worst = min(findings, key=lambda f: list(Severity).index(f.severity))
        self.message.setText("\n".join(f.message(self.language) for f in findings))
        self.message.setStyleSheet(f"color: {SEVERITY_COLOURS[worst.severity]};")
        self.message.show()


def _letters(name: str) -> str:
    """A name's letters alone: "Ê-đê" and "ede" are one spelling of it."""
    return "".join(c for c in search_key(name) if c.isalnum())
