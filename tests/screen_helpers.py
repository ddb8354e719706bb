"""What "fits the screen" means to a test: the window within the screen's
free area, frame and all, and each of its buttons whole inside it. The
offscreen platform draws no frame: the test counts the one a window manager
adds (a title bar, borders), as ui.screen_fit does."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QPushButton, QWidget

from ui.screen_fit import frame_margins


def assert_fits_the_screen(window: QWidget) -> None:
    available = window.screen().availableGeometry()
    frame = window.geometry().marginsAdded(frame_margins(window))
    assert available.contains(frame), (
        f"{type(window).__name__} at {frame} (its frame) is not within {available}"
    )
    inside = window.rect()
    for button in window.findChildren(QPushButton):
        if button.isVisibleTo(window):
            where = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
            assert inside.contains(where), f"the button “{button.text()}” is cut off at {where}"
            assert not button.visibleRegion().isEmpty(), f"the button “{button.text()}” is hidden"
