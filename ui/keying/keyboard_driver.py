"""A clerk's keyboard, simulated: for ``sohoa --self-test`` and the tests.

It types any text and counts every key, so that the keystroke replay measures
what a clerk would press.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.keying.start import suggestions
from app.specs import FieldType
from app.values.dates import expand_shorthand
from app.values.text import search_key
from ui.form.choice import ChoiceBox
from ui.form.editors import PICK_KEYS, FieldEditor
from ui.form.entry_form import EntryForm


class Keyboard:
    """Sends key presses to the focused widget, as a person's keyboard does.

    Vietnamese letters arrive as text (an input method composes them), so
    each character is one key event carrying its text; ``keys`` counts them.
    """

    def __init__(self) -> None:
        self.keys = 0

    def type(self, text: str) -> None:
        for char in text:
            self._send(Qt.Key.Key_unknown, char)

    def press(self, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        self._send(key, "", modifiers)

    def press_tab(self) -> None:
        self.press(Qt.Key.Key_Tab)

    def enter(self, times: int = 1) -> None:
        for _ in range(times):
            self.press(Qt.Key.Key_Return)

    def _send(self, key: Qt.Key, text: str, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        target = self.focused()
        if text and text.isascii() and text.isalnum():
            key = Qt.Key(ord(text.upper()))  # what a real key would report
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, key, modifiers, text))
        QApplication.processEvents()
        self.keys += 1

    @staticmethod
    def focused() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "no widget has the keyboard focus"
        # A shown suggestion list takes the keys, as it does on a real screen.
        popup = QApplication.activePopupWidget()
        return popup if popup is not None else widget


class Clerk:
    """Keys entries into the entry form as a practised clerk would.

    Fields that already show the right value (carried forward, defaults) are
    passed with Enter; dates are typed as shorthand; a choice is its number;
    places and ethnic groups are typed until the right one is suggested, then
    taken with Alt and its number; F10 saves as soon as nothing after needs a
    key.
    """

    def __init__(self, form: EntryForm, keyboard: Keyboard, today: date) -> None:
        self.form = form
        self.keyboard = keyboard
        self.today = today

    def key_entry(self, target: dict[str, str]) -> None:
        """Key ``target`` (field key -> value as written; choices by value), then F10."""
        keys = list(self.form.editors)
        wrong = [k for k in keys if self._shown(k) != target.get(k, "")]
        if not wrong:
            self.keyboard.press(Qt.Key.Key_F10)
            return
        here = keys.index(self.focused_key())
        while keys.index(wrong[0]) < here:  # a carried value changed: go back to it
            self.keyboard.press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
            here -= 1
        for key in keys[here : keys.index(wrong[-1]) + 1]:
            if self._shown(key) != target.get(key, ""):
                self._type(key, target.get(key, ""))
            self.keyboard.enter()
        self.keyboard.press(Qt.Key.Key_F10)

    def focused_key(self) -> str:
        return Keyboard.focused().objectName().removesuffix("__suggestions")

    def _shown(self, key: str) -> str:
        editor = self.form.editors[key]
        if isinstance(editor.input, ChoiceBox):
            return editor.input.value()
        return editor.input.text()

    def _type(self, key: str, value: str) -> None:
        editor = self.form.editors[key]
        field = editor.field
        if not value:
            self.keyboard.press(Qt.Key.Key_Delete)  # the old value is selected
        elif field.type is FieldType.CHOICE:
            number = [c.value for c in field.choices].index(value) + 1
            self.keyboard.type(str(number))
        elif field.type in (FieldType.DATE, FieldType.PARTIAL_DATE):
            self.keyboard.type(self._date_shorthand(value))
        elif field.type in (FieldType.PLACE, FieldType.ETHNIC):
            self._type_suggested(editor, value)
        else:
            self.keyboard.type(value)

    def _date_shorthand(self, written: str) -> str:
        digits = written.replace("/", "")
        if len(digits) == 8 and expand_shorthand(digits[:4] + digits[6:], self.today) == written:
            return digits[:4] + digits[6:]
        return written

    def _type_suggested(self, editor: FieldEditor, value: str) -> None:
        key = search_key(value)
        for end in range(1, len(key) + 1):
            offered = suggestions(
                editor.field, key[:end], limit=len(PICK_KEYS), near=editor.near, year=editor.year
            )
            values = [suggestion.value for suggestion in offered]
            if value in values:
                self.keyboard.type(key[:end])
                number = values.index(value) + 1
                self.keyboard.press(Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.AltModifier)
                return
        self.keyboard.type(value)
        if QApplication.activePopupWidget() is not None:
            self.keyboard.press(Qt.Key.Key_Escape)  # keep the text as typed
