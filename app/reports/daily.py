"""The daily report a team lead hands upward, as plain data.

For one Vietnam date: each shift against its share of the team's day quota,
each clerk of each shift against their quota with their pace, the entries by
book kind, the day against the team's quota, the campaign against its
target with the projected finish, and the keying errors verification found
per shift and per clerk, as trends. Built from the tallies (app.work.tally);
the XLSX (app.reports.xlsx) and the PDF (ui.reports) only lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import DeferralReason, Station
from app.quality.error_rates import ErrorTrends, error_trends
from app.specs import BookKind
from app.system.clock import Clock
from app.work import settings
from app.work.backlog import backlog_counts
from app.work.shifts import OUTSIDE
from app.work.tally import (
    CampaignProgress,
    ClerkShift,
    Outcome,
    ShiftTally,
    TallyRow,
    campaign_progress,
    day_tally,
    kind_counts,
    tally,
)


@dataclass(frozen=True)
class ShiftLine:
    """A shift of the day; number 0 (no hours, no share) is work outside them."""

    number: int
    start: time | None
    end: time | None
    clerks: int  # those with a quota: a lead who keyed is not one
    completed: int
    deferred: int
    # The sum of the quotas of the clerks who worked in it, as on the
    # dashboard; work outside the shifts has none.
    quota: int | None

    @property
    def percent_of_quota(self) -> float | None:
        return 100 * self.completed / self.quota if self.quota else None


@dataclass(frozen=True)
class ClerkLine:
    """One person in one shift. Work outside the shifts has no quota, nor
    has a lead's or an admin's (app.work.settings.quota_of)."""

    shift: int
    username: str
    full_name: str
    completed: int
    deferred: int
    quota: int | None
    percent_of_quota: float | None
    entries_per_hour: float | None
    keystrokes_per_hour: float | None
    active_seconds: int


@dataclass(frozen=True)
class KindLine:
    kind: BookKind
    completed: int
    deferred: int


@dataclass(frozen=True)
class DailyReport:
    station_code: str
    office: str
    day: date
    made_at: datetime
    shifts: list[ShiftLine]
    clerks: list[ClerkLine]
    kinds: list[KindLine]
    team_day_quota: int
    campaign: CampaignProgress
    # Waiting entries per reason when the report was made (not as of ``day``).
    backlog: dict[DeferralReason, int]
    # Keying errors found by verification, over the days ending with ``day``.
    errors: ErrorTrends
    rows: list[TallyRow]  # the day's tally, for machine-readable output

    @property
    def completed(self) -> int:
        return sum(s.completed for s in self.shifts)

    @property
    def deferred(self) -> int:
        return sum(s.deferred for s in self.shifts)

    @property
    def percent_of_team_quota(self) -> float:
        return 100 * self.completed / self.team_day_quota if self.team_day_quota else 0.0


def daily_report(session: Session, day: date, clock: Clock) -> DailyReport:
    """The report of ``day`` (a Vietnam date), made now by ``clock``."""
    station = session.scalars(select(Station)).one()
    shifts = settings.shifts(session)
    team_day = settings.quotas(session).team_day
    rows = tally(session, day, day, shifts)
    of_day = day_tally(session, day, shifts, rows)
    completed, deferred = kind_counts(rows), kind_counts(rows, Outcome.DEFERRED)
    return DailyReport(
        station_code=station.code,
        office=station.office,
        day=day,
        made_at=clock.now(),
        shifts=[_shift_line(t) for t in of_day],
        clerks=[_clerk_line(t.number, c) for t in of_day for c in t.clerks],
        kinds=[
            KindLine(kind, completed.get(kind, 0), deferred.get(kind, 0))
            for kind in BookKind
            if kind in completed or kind in deferred
        ],
        team_day_quota=team_day,
        campaign=campaign_progress(session, day),
        backlog=_in_reason_order(backlog_counts(session)),
        errors=error_trends(session, day, shifts),
        rows=rows,
    )


def _shift_line(shift: ShiftTally) -> ShiftLine:
    return ShiftLine(
        number=shift.number,
        start=shift.shift.start if shift.shift else None,
        end=shift.shift.end if shift.shift else None,
        clerks=shift.clerks_with_quota,
        completed=shift.completed,
        deferred=shift.deferred,
        quota=shift.quota if shift.shift else None,
    )


def _clerk_line(shift: int, clerk: ClerkShift) -> ClerkLine:
    in_shift = shift != OUTSIDE
    return ClerkLine(
        shift=shift,
        username=clerk.username,
        full_name=clerk.full_name,
        completed=clerk.completed,
        deferred=clerk.deferred,
        quota=clerk.quota if in_shift else None,
        percent_of_quota=clerk.percent_of_quota if in_shift else None,
        entries_per_hour=clerk.entries_per_hour,
        keystrokes_per_hour=clerk.keystrokes_per_hour,
        active_seconds=clerk.active_seconds,
    )


def _in_reason_order(counts: dict[DeferralReason, int]) -> dict[DeferralReason, int]:
    return {reason: counts[reason] for reason in DeferralReason if reason in counts}
