"""One editor per field of a book: the input, its source status, its findings.

Each input's ``objectName`` is its field key, so tests and screen readers
find it. The editor knows nothing of other fields: the form assesses the
entry and hands each editor its findings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.keying.start import suggestions
from app.reference import ethnic
from app.reference.gazetteer import Place
from app.rules import FieldValue, Finding, Severity
from app.rules.fields import suggested_text
from app.specs import FieldSpec, FieldType, SourceStatus
from app.values.dates import expand_shorthand
from app.values.text import search_key
from ui.form.choice import STAYING, ChoiceBox
from ui.form.message import MessageLine
from ui.form.suggestions import MOST_ROWS, SuggestionList

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
# Alt+1 … Alt+9 pick a suggestion by its number.
PICK_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, MOST_ROWS + 1)}


class FieldLine(QLineEdit):
    """The input of a field keyed as text, which says when the clerk comes
    to it and when they leave it (after it has written out what was typed)."""

    entered = Signal()
    left = Signal()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() not in STAYING:
            self.entered.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)  # editingFinished: a date is written out
        if event.reason() not in STAYING:
            self.left.emit()


class FieldEditor(QWidget):
    """Label, input, status mark and message of one field.

    The editor is the input and its mark, its message shown inside the
    input; the form lays out the label beside it.
    """

    edited = Signal()
    left = Signal(str)  # the field key, when the clerk leaves the input

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
        self.suggestions: SuggestionList | None = None
        self.suggestion_list: QAbstractItemView | None = None
        # Where the book was kept and when: places of the station's own area
        # and of the book's year are suggested first.
        self.near: Place | None = None
        self.year: int | None = None
        # Whether the clerk has come to the field since it was filled: only
        # then does leaving it show what is wrong there.
        self.visited = False
        self.input = self._make_input()
        self.input.setObjectName(field.key)
        help_text = self._tooltip()
        self.input.setToolTip(help_text)
        self.input.entered.connect(self._entered)
        self.input.left.connect(self._left)
        if self.suggestions is not None:
            self.suggestion_list = self.suggestions.view
        self.mark = QLabel()
        self.mark.setObjectName(f"{field.key}__status")
        self.mark.setFixedWidth(16)
        self.label = QLabel(field.label.get(language) + (" *" if field.required else ""))
        self.label.setObjectName(f"{field.key}__label")
        self.label.setWordWrap(True)
        self.label.setBuddy(self.input)
        line = self.input.line if isinstance(self.input, ChoiceBox) else self.input
        self.message = MessageLine(line, help_text)
        self.message.setObjectName(f"{field.key}__message")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.input, 1)
        row.addWidget(self.mark)

    def _tooltip(self) -> str:
        help_text = self.field.help.get(self.language) if self.field.help else ""
        if self.field.type is not FieldType.CHOICE:
            return help_text
        options = [
            f"{n} · {c.label.get(self.language)}" for n, c in enumerate(self.field.choices, 1)
        ]
        return "\n".join([help_text, *options] if help_text else options)

    def _make_input(self) -> FieldLine | ChoiceBox:
        if self.field.type is FieldType.CHOICE:
            box = ChoiceBox(self.field, self.language)
            box.edited.connect(self.edited)
            self.suggestions = box.suggestions
            return box
        line = FieldLine()
        line.textEdited.connect(self.edited)
        line.editingFinished.connect(self._finish_editing)
        if self.field.type in (FieldType.PLACE, FieldType.ETHNIC):
            completer = QCompleter(line)
            self.suggestions = SuggestionList(completer, self.field.key, self)
            # The line shows the row the clerk moves to, and writes its value.
            line.setCompleter(completer)
            line.textEdited.connect(self._suggest)
        return line

    @Slot()
    def _entered(self) -> None:
        self.visited = True

    @Slot()
    def _left(self) -> None:
        if self.visited:
            self.left.emit(self.field.key)

    @Slot(str)
    def _suggest(self, typed: str) -> None:
        offered = suggestions(
            self.field, typed, limit=len(PICK_KEYS), near=self.near, year=self.year
        )
        rows = [(f"Alt+{n}  {s.label}", s.value) for n, s in enumerate(offered, start=1)]
        # No row is made current: what the clerk typed stays in the field
        # until they pick a suggestion (Down, Up, or Alt and its number).
        self._offered.offer(rows, self.input, first_current=False)

    @property
    def _offered(self) -> SuggestionList:
        """The suggestions of a field that suggests (a place, an ethnic group)."""
        assert self.suggestions is not None  # asked for only where suggestions are made
        return self.suggestions

    @property
    def _line(self) -> QLineEdit:
        """The input of a field keyed as text: every field but a choice."""
        assert isinstance(self.input, QLineEdit)  # asked for only of text fields
        return self.input

    def accept_suggestion(self) -> None:
        """Enter on a shown list takes the suggestion the clerk moved to, and
        only that: with none chosen, the field keeps exactly what was typed."""
        if self.suggestions is None:
            return
        chosen = self.suggestions.chosen()
        self.suggestions.hide()
        if chosen is not None:
            self._take(chosen)

    def pick_suggestion(self, number: int) -> bool:
        """Alt and a number: take the suggestion of that number, if shown."""
        if not isinstance(self.input, QLineEdit) or self.suggestions is None:
            return False
        if not 0 < number <= self.suggestions.rows():
            return False
        self.suggestions.hide()
        self._take(number - 1)
        return True

    def _take(self, row: int) -> None:
        self._line.setText(self._offered.value(row))
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
        if isinstance(self.input, ChoiceBox):
            return FieldValue(self.input.value(), self.status)
        text = self.input.text()
        transcription = self.loaded_transcription if text == self.loaded_text else None
        return FieldValue(text, self.status, transcription)

    def set_value(self, value: FieldValue, shown: str) -> None:
        """Show ``shown`` (the value as the form writes it) with its status.

        Filling the form is no edit by the clerk: no signal says so. The
        value's exact transcription (e.g. "Hoà" in the book, stored "Hòa")
        is kept, to be saved again unless the clerk changes the text.
        """
        self.visited = False
        if isinstance(self.input, ChoiceBox):
            self.input.show_value(value.value)
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
        """Say ``findings`` in the field (none: no message)."""
        if not findings:
            self.message.say("", "")
            return
        worst = min(findings, key=lambda f: list(Severity).index(f.severity))
        said = " ".join(self._said_here(f) for f in findings)
        self.message.say(said, SEVERITY_COLOURS[worst.severity])

    def _said_here(self, finding: Finding) -> str:
        """A finding as said in its field, which needs no naming: "Chưa
        nhập Họ và tên." under "Người được khai sinh", and "Ngày “31/02/1985”
        không có trong lịch." rather than "Ngày sinh: ngày “31/02/1985”…"."""
        own, label = self.field.full_label, self.field.label
        params = tuple((k, label if v == own else v) for k, v in finding.params)
        said = replace(finding, params=params).message(self.language)
        rest = said.removeprefix(f"{label.get(self.language)}: ")
        return rest if rest == said else rest[:1].upper() + rest[1:]


def _letters(name: str) -> str:
    """A name's letters alone: "Ê-đê" and "ede" are one spelling of it."""
    return "".join(c for c in search_key(name) if c.isalnum())
