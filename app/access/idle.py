"""When a station left alone locks itself: after the lead's idle minutes
without a key pressed or a click (app.work.settings.idle_minutes), on a
clock that setting the time does not move."""

from __future__ import annotations

from datetime import timedelta

from app.system.clock import Clock


class IdleWatch:
    """The last moment someone used the window, against the idle limit."""

    def __init__(self, clock: Clock, minutes: int) -> None:
        self.clock = clock
        self.limit = timedelta(minutes=minutes)
        self.last_activity = clock.monotonic()

    def touched(self) -> None:
        """Someone pressed a key or clicked."""
        self.last_activity = self.clock.monotonic()

    def expired(self) -> bool:
        """Whether the window has been left alone for the whole limit."""
        return self.clock.monotonic() - self.last_activity >= self.limit.total_seconds()
