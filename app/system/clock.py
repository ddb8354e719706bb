"""The station's clock: Vietnam time, injectable so tests can set the hour."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

# On Windows the zone database comes from the tzdata package.
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


class Clock(Protocol):
    def now(self) -> datetime:
        """The current moment, timezone-aware."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


def local_today(clock: Clock) -> date:
    """Today's date in Vietnam, whatever zone the machine is set to."""
    return clock.now().astimezone(VIETNAM).date()
