"""The station's clock: Vietnam time, injectable so tests can set the hour.

Moments (when an entry was saved, which shift it counts in) come from the
wall clock, which an office PC may have set back or forward. How long
something lasted (the window left idle) is measured on a clock that only
goes forward, so that setting the time never stretches or cuts it short.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

# On Windows the zone database comes from the tzdata package.
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


class Clock(Protocol):
    def now(self) -> datetime:
        """The current moment, timezone-aware."""
        ...

    def monotonic(self) -> float:
        """Seconds on a clock that only goes forward: for durations."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()


def local_today(clock: Clock) -> date:
    """Today's date in Vietnam, whatever zone the machine is set to."""
    return clock.now().astimezone(VIETNAM).date()
