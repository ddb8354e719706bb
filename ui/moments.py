"""Moments as the windows show them: in Vietnam time, the Vietnamese way,
whatever zone the computer's clock is set to."""

from __future__ import annotations

from datetime import datetime

from app.system.clock import VIETNAM


def local_moment(moment: datetime | None) -> str:
    """``25/11/2026 14:05``; nothing for a moment not yet come."""
    return "" if moment is None else moment.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M")


def local_day(moment: datetime | None) -> str:
    """``25/11/2026``; nothing for a moment not yet come."""
    return "" if moment is None else moment.astimezone(VIETNAM).strftime("%d/%m/%Y")
