"""When a station left alone locks itself: after the lead's idle minutes
without a key pressed or a click (app.work.settings.idle_minutes)."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.system.clock import Clock


class IdleWatch:
    """The last moment someone used the window, against the idle limit."""

    def __init__(self, clock: Clock, minutes: int) -> None:
        self.clock = clock
        self.limit = timedelta(minutes=minutes)
        self.last_activity: datetime = clock.now()

    def touched(self) -> None:
        """Someone pressed a key or clicked."""
        self.last_activity = self.clock.now()

    def expired(self) -> bool:
        """Whether the window has been left alone for the whole limit."""
        return self.clock.now() - self.last_activity >= self.limit
