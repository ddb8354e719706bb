"""The clerk's activity as the window sees it: every key pressed in the
window goes to the activity meter (written each minute), and every key and
click anywhere in the app tells the idle watch the station is in use."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication, QMainWindow

from app.access.idle import IdleWatch
from app.keying.desk import KeyingSettings
from app.work.activity import ActivityMeter
from ui.context import StationContext
from ui.operations import Operations

FLUSH_MS = 60_000  # the clerk's keystrokes and active time, written each minute
USER_INPUT = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel)


class Activity(QObject):
    """Watches the input of ``window``'s user from the start until :meth:`stop`.

    A write that fails is said with ``say`` (a note, not a dialog: the
    statistics wait for the next minute, entries are never at stake).
    """

    def __init__(
        self,
        window: QMainWindow,
        context: StationContext,
        settings: KeyingSettings,
        say: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.meter = ActivityMeter(settings.shifts)
        self.idle = IdleWatch(context.clock, settings.idle_minutes)
        self.operations = Operations(window, context, say=say)
        self.timer = QTimer(self, interval=FLUSH_MS)
        self.timer.timeout.connect(self.flush)
        self.timer.start()
        self._application().installEventFilter(self)

    def follow(self, settings: KeyingSettings) -> None:
        """The lead changed the shifts or the idle minutes: from now on."""
        self.flush()
        self.meter.shifts = settings.shifts
        self.idle.limit = timedelta(minutes=settings.idle_minutes)

    @Slot()
    def flush(self) -> None:
        user = self.context.user
        self.operations.write(lambda session: self.meter.flush(session, user))

    def stop(self) -> None:
        self._application().removeEventFilter(self)
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in USER_INPUT:
            self.idle.touched()
        if event.type() == QEvent.Type.KeyPress and self.window.isActiveWindow():
            self.meter.key_pressed(self.context.clock.now())
        return False

    @staticmethod
    def _application() -> QApplication:
        app = QApplication.instance()
        assert isinstance(app, QApplication)  # a window lives while the application runs
        return app
