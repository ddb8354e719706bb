"""A window's line for what just happened: a success in green, a refusal or
a failure in red, anything else plain."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ui.styles import FAILURE_STYLE, SUCCESS_STYLE


class StatusLine(QLabel):
    """``failed`` is what the window hands :class:`ui.operations.Operations`
    as ``say``: a storage failure or a refusal is said here, in red."""

    def __init__(
        self, name: str, *, selectable: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        if selectable:  # the system's own words, to copy for whoever looks into it
            self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def say(self, text: str) -> None:
        self._show(text, "")

    def succeeded(self, text: str) -> None:
        self._show(text, SUCCESS_STYLE)

    def failed(self, text: str) -> None:
        self._show(text, FAILURE_STYLE)

    def _show(self, text: str, style: str) -> None:
        self.setText(text)
        self.setStyleSheet(style)


def with_detail(text: str, error: Exception) -> str:
    """What the window says, with the system's own words beneath for whoever
    looks into it."""
    detail = str(error)
    return f"{text}\n({detail})" if detail else text
