"""The station a window works on, and who works on it: one object, passed
to every window instead of four arguments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.db.models import Station, User
from app.station.database import StationDatabase
from app.system.clock import Clock, local_today


@dataclass(frozen=True)
class StationContext:
    db: StationDatabase
    user: User  # who logged in; read-only here, the services reload it
    clock: Clock
    language: str  # "vi" or "en": the window's, for what is not from Qt's files

    def station(self) -> Station:
        return self.db.station()

    def today(self) -> date:
        return local_today(self.clock)
