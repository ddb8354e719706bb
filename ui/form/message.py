"""Where a field says what is wrong with it, without moving anything.

A message shows inside its field, after the value, in its severity's
colour: "Chưa nhập Họ và tên." fills an empty field, and a short value
leaves the rest of the field to its message. It takes no room of its own,
so the form never moves as messages come and go, and some forty fields fit
one 1366×768 screen. While the clerk is on the field, the message leaves
the field to the typing and shows whole in a note just under it.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

# The least room a message keeps after a long value: enough for a sign.
LEAST_WIDTH = 18
PADDING = 4
PLACING = (QEvent.Type.Resize, QEvent.Type.FocusIn, QEvent.Type.FocusOut)


class MessageLine(QLabel):
    """A field's message, drawn over the right end of its ``line``."""

    def __init__(self, line: QLineEdit, help_text: str) -> None:
        super().__init__(line)
        self.line = line
        self.help_text = help_text  # what the field's tooltip says without a message
        self.full = ""
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        # Over an input, a label would take the input's text colour.
        self.setForegroundRole(QPalette.ColorRole.WindowText)
        font = self.font()
        font.setItalic(True)  # not to be read as part of the value
        self.setFont(font)
        line.installEventFilter(self)
        line.textChanged.connect(self.place)
        self.hide()

    def text(self) -> str:
        """The whole message, however little of it the field shows."""
        return self.full

    def say(self, text: str, colour: str) -> None:
        """Show ``text`` in ``colour`` (a CSS colour); no text: no message."""
        self.full = text
        self.line.setToolTip(text or self.help_text)
        if colour:
            palette = self.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
            self.setPalette(palette)
        self.place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A field being destroyed still loses the focus: nothing to place then.
        if event.type() in PLACING and shiboken6.isValid(self.line):
            self.place()
        return super().eventFilter(watched, event)

    def place(self) -> None:
        """Fit the message into the field after its value; none while the
        clerk types in it."""
        line = self.line
        if not self.full or line.hasFocus() or self._input_focused():
            self.hide()
            line.setTextMargins(0, 0, 0, 0)
            return
        metrics = self.fontMetrics()
        rect = line.contentsRect()
        value = line.fontMetrics().horizontalAdvance(line.text())
        start = rect.left() + PADDING + (value + 2 * PADDING if value else 0)
        start = min(start, rect.right() - PADDING - LEAST_WIDTH)
        # A little more than the text's advance: a slanted last letter overhangs.
        width = min(metrics.horizontalAdvance(self.full) + PADDING, rect.right() - PADDING - start)
        shown = metrics.elidedText(self.full, Qt.TextElideMode.ElideRight, width)
        self.setText(shown or "!")
        line.setTextMargins(0, 0, rect.right() - start, 0)
        self.setGeometry(start, rect.top(), width, rect.height())
        self.show()

    def _input_focused(self) -> bool:
        # A choice field's line has its combo box for focus.
        proxy = self.line.focusProxy()
        return proxy is not None and proxy.hasFocus()


class FieldNote(QLabel):
    """The whole message of the field the clerk is on: a note over the
    form, just under the field, gone when the clerk leaves the field."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("field_note")
        self.setWordWrap(True)
        self.setMargin(3)
        self.setFrameShape(QLabel.Shape.Box)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.ToolTipBase))
        self.setPalette(palette)
        self.hide()

    def show_under(self, field: QWidget, message: MessageLine, left: int) -> None:
        """Show ``message`` whole under ``field``, from ``left`` (in the
        parent's coordinates) to the field's right edge; nothing without one."""
        if not message.text():
            self.hide()
            return
        self.setText(message.text())
        palette = self.palette()
        colour = message.palette().color(QPalette.ColorRole.WindowText)
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.setPalette(palette)
        parent = self.parentWidget()
        assert parent is not None  # made with one
        corner = field.mapTo(parent, field.rect().bottomRight())
        width = corner.x() - left
        self.setGeometry(left, corner.y() + 1, width, self.heightForWidth(width))
        self.raise_()
        self.show()
