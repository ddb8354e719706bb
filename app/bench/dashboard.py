"""The lead's screen: the shift tally and the dashboard's refresh."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from sqlalchemy import func, select

from app.bench.operation import Operation
from app.db.models import DailyDone, Entry
from app.station.database import StationDatabase
from app.system.clock import VIETNAM
from app.work import settings
from app.work.dashboard import dashboard_view
from app.work.shifts import day_bounds
from app.work.tally import day_tally


def busiest_moment(db: StationDatabase) -> datetime:
    """The last completion of the busiest day: the lead looks at the fullest
    day's tally, in a shift in full swing."""
    with db.sessions() as session:
        day = session.scalar(select(DailyDone.day).order_by(DailyDone.entries.desc()).limit(1))
        if day is None:
            return datetime.now(UTC)
        start, end = day_bounds(day)
        last = session.scalar(
            select(func.max(Entry.completed_at)).where(
                Entry.completed_at >= start, Entry.completed_at < end
            )
        )
    return last or start


def dashboard_operations(db: StationDatabase, raw: sqlite3.Connection) -> list[Operation]:
    """The shift tally and the dashboard's refresh, at the busiest moment."""
    now = busiest_moment(db)
    today = now.astimezone(VIETNAM).date()
    start, end = (moment.replace(tzinfo=None).isoformat(" ") for moment in day_bounds(today))

    def tally_of_the_day() -> object:
        with db.sessions() as session:
            return day_tally(session, today, settings.shifts(session))

    def refresh() -> object:
        with db.sessions() as session:
            return dashboard_view(session, now)

    def raw_tally() -> object:
        return raw.execute(
            "SELECT strftime('%H', completed_at, '+7 hours'), completed_by, count(*)"
            " FROM entries WHERE completed_at >= ? AND completed_at < ? GROUP BY 1, 2",
            (start, end),
        ).fetchall()

    def raw_refresh() -> object:
        return (
            raw_tally(),
            raw.execute(
                "SELECT completed_at FROM entries WHERE completed_at >= ? AND completed_at < ?"
                " ORDER BY completed_at",
                (start, end),
            ).fetchall(),
            raw.execute("SELECT reason, entries FROM backlog_counts").fetchall(),
            raw.execute("SELECT day, entries FROM daily_done ORDER BY day").fetchall(),
            raw.execute("SELECT sum(expected_entries) FROM books").fetchone(),
        )

    return [
        Operation("shift tally (the day by shift and clerk)", 50, tally_of_the_day, raw_tally),
        Operation("dashboard refresh", 50, refresh, raw_refresh),
    ]
