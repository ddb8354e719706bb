"""Every window fits the screen it opens on, with its buttons in sight.

A station is most often a 1366×768 office laptop, where a dialog sized for
a larger screen hides the buttons at its foot under the taskbar. Each
dialog calls :func:`fit_to_screen` once, in its constructor; each time it
is shown it is kept within the screen's free area (the taskbar left out,
room kept for the frame the window manager adds). A dialog given a share of
the screen takes that share the first time it opens: on a larger screen a
list shows more rows, not more empty space.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QPoint, QRect, QSize
from PySide6.QtWidgets import QWidget

# What a window manager adds around a window (borders, the title bar),
# assumed until the window is shown and its own frame is known.
USUAL_FRAME = QMargins(8, 32, 8, 8)


def fit_to_screen(dialog: QWidget, share: float | None = None) -> None:
    """Keep ``dialog`` within its screen whenever it is shown; with a
    ``share`` (0–1), it opens that share of the screen's free area large."""
    dialog.installEventFilter(_Fit(dialog, share))


def frame_margins(window: QWidget) -> QMargins:
    """The frame around ``window``: its own once shown, else a usual one."""
    handle = window.windowHandle()
    own = handle.frameMargins() if handle is not None else QMargins()
    return QMargins(
        max(own.left(), USUAL_FRAME.left()),
        max(own.top(), USUAL_FRAME.top()),
        max(own.right(), USUAL_FRAME.right()),
        max(own.bottom(), USUAL_FRAME.bottom()),
    )


class _Fit(QObject):
    def __init__(self, dialog: QWidget, share: float | None) -> None:
        super().__init__(dialog)
        self.share = share
        self.shown_before = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Before the dialog's own show event, where a QDialog would place it.
        shown = event.type() == QEvent.Type.Show and not event.spontaneous()
        if shown and isinstance(watched, QWidget) and _framed(watched):
            self._fit(watched)
        return False

    def _fit(self, window: QWidget) -> None:
        available = window.screen().availableGeometry()
        margins = frame_margins(window)
        room = available.marginsRemoved(margins).size()
        size = window.size()
        if self.share is not None and not self.shown_before:
            size = size.expandedTo(
                QSize(round(room.width() * self.share), round(room.height() * self.share))
            )
        window.resize(size.boundedTo(room))
        frame = window.geometry().marginsAdded(margins)
        if not self.shown_before:
            parent = window.parentWidget()
            over = parent.window().frameGeometry() if parent is not None else available
            frame.moveCenter(over.center())
        self.shown_before = True
        # The window's own rectangle: the window manager frames it.
        window.setGeometry(QRect(_inside(frame, available), frame.size()).marginsRemoved(margins))


def _framed(window: QWidget) -> bool:
    """A window in a frame of its own: maximised or full screen, it
    already has the screen."""
    return window.isWindow() and not window.isMaximized() and not window.isFullScreen()


def _inside(frame: QRect, available: QRect) -> QPoint:
    """Where ``frame`` goes to be within ``available`` (its top left corner
    kept in sight when it is larger)."""
    x = max(available.left(), min(frame.left(), available.right() - frame.width() + 1))
    y = max(available.top(), min(frame.top(), available.bottom() - frame.height() + 1))
    return QPoint(x, y)
