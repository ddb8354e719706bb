"""A clerk's keyboard for widget tests: types any text, counts every key."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


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
