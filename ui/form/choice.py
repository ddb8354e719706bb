"""A choice field keyed like text: an option's number or its name.

The clerk types "2", "nu" or "Nữ"; the options it may mean show under the
field, the best one chosen, and Enter takes it: the field then shows the
option ("2 · Nữ"). Text that names no option is refused at the field and
the cursor stays there. The field never holds an option the clerk did not
see chosen: what it shows is what is saved, and text left in it that names
no option is saved as typed, for the rules to refuse.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from app.keying.start import choice_named, choices_matching
from app.specs import Choice, FieldSpec
from ui.form.suggestions import SuggestionList

# Leaving for a popup, a menu or another window is not leaving the field.
STAYING = (
    Qt.FocusReason.PopupFocusReason,
    Qt.FocusReason.ActiveWindowFocusReason,
    Qt.FocusReason.MenuBarFocusReason,
)


class ChoiceBox(QComboBox):
    """An editable combo box of a field's numbered options."""

    edited = Signal()
    entered = Signal()
    left = Signal()

    def __init__(self, field: FieldSpec, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.language = language
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # As wide as the column gives, not as its longest option.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)
        # Qt's own completion matches the start of "1 · Nam" only, with accents.
        self.setCompleter(None)  # type: ignore[arg-type]  # Qt takes none: no completion
        for number, choice in enumerate(field.choices, start=1):
            self.addItem(self._shown(number, choice), choice.value)
        self.setCurrentIndex(-1)
        completer = QCompleter(self)
        completer.setWidget(self)
        self.suggestions = SuggestionList(completer, field.key, self)
        # A row clicked: the completer says the value it holds.
        completer.activated.connect(self._clicked)
        line = self.lineEdit()
        assert line is not None  # an editable combo box has its line
        self.line = line
        line.textEdited.connect(self._typed)
        line.textEdited.connect(self.edited)
        # Up and Down, or the list opened with Alt+Down, show the option chosen.
        self.activated.connect(self.edited)

    def _shown(self, number: int, choice: Choice) -> str:
        return f"{number} · {choice.label.get(self.language)}"

    @Slot(str)
    def _typed(self, typed: str) -> None:
        choices = list(self.field.choices)
        rows = [
            (self._shown(choices.index(c) + 1, c), c.value)
            for c in choices_matching(self.field, typed)
        ]
        self.suggestions.offer(rows, self, first_current=True)

    @Slot(str)
    def _clicked(self, value: str) -> None:
        self._show_choice(value)
        self.edited.emit()

    def value(self) -> str:
        """The option the field shows, or the text typed when it names none."""
        choice = choice_named(self.field, self.line.text())
        return choice.value if choice is not None else self.line.text().strip()

    def show_value(self, value: str) -> None:
        """Show the stored ``value``: its option, or the text a draft kept."""
        with QSignalBlocker(self):
            index = self.findData(value) if value else -1
            self.setCurrentIndex(index)
            self.setEditText(self.itemText(index) if index >= 0 else value)

    def settle(self) -> bool:
        """Enter: take the option shown chosen, or the one the text names;
        False when the text names none (the field keeps it, to be fixed)."""
        chosen = self.suggestions.chosen()
        self.suggestions.hide()
        if chosen is not None:
            value = self.suggestions.value(chosen)
        elif not self.line.text().strip():
            value = ""
        else:
            choice = choice_named(self.field, self.line.text())
            if choice is None:
                self.line.selectAll()
                return False
            value = choice.value
        if value != self.value() or self.line.text() != self._text_of(value):
            self._show_choice(value)
            self.edited.emit()
        return True

    def _text_of(self, value: str) -> str:
        index = self.findData(value) if value else -1
        return self.itemText(index) if index >= 0 else ""

    def _show_choice(self, value: str) -> None:
        self.suggestions.hide()
        with QSignalBlocker(self):
            self.setCurrentIndex(self.findData(value) if value else -1)
            self.setEditText(self._text_of(value))

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() not in STAYING:
            # Typing replaces what the field shows: "2" over "1 · Nam" is "2".
            self.line.selectAll()
            self.entered.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() not in STAYING:
            choice = choice_named(self.field, self.line.text())
            if choice is not None:
                # "nu" left by the mouse shows as the option it names.
                self._show_choice(choice.value)
            self.left.emit()
