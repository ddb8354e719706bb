"""What the lead's dashboard shows, read in one go.

The window asks for this every few seconds while the dashboard is shown, and
``sohoa bench`` times the same call: the figure in the benchmark is the
refresh the lead waits for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from app.system.clock import VIETNAM
from app.work import settings
from app.work.backlog import BacklogSummary, backlog_summary
from app.work.shifts import shift_at
from app.work.tally import (
    CampaignProgress,
    ClerkShift,
    ShiftTally,
    campaign_progress,
    day_tally,
    shift_tally,
)

# A clerk who has done less than this percentage of the part of their quota
# due by now is behind: the lead sees who needs help before the shift ends.
BEHIND_BELOW = 80


@dataclass(frozen=True)
class DashboardView:
    now: datetime
    today: date
    this_shift: ShiftTally | None  # None outside the shifts
    day: list[ShiftTally]
    team_day_quota: int
    campaign: CampaignProgress
    backlog: list[BacklogSummary]

    @property
    def done_today(self) -> int:
        return sum(s.completed for s in self.day)

    @property
    def share_of_shift_gone(self) -> float:
        """How much of the current shift has gone by, from 0 to 1 (1 outside)."""
        if self.this_shift is None or self.this_shift.shift is None:
            return 1.0
        start, end = self.this_shift.shift.bounds(self.today)
        return max(0.0, min(1.0, (self.now - start) / (end - start)))

    def behind(self, clerk: ClerkShift) -> bool:
        """Whether ``clerk`` is behind their quota at this moment: under 80%
        of the part of it due by now, as much as the shift has gone by (of
        all of it, outside the shifts). Someone without a quota never is."""
        percent = clerk.percent_of_quota
        return percent is not None and percent < self.share_of_shift_gone * BEHIND_BELOW


def dashboard_view(session: Session, now: datetime) -> DashboardView:
    """The dashboard as it stands at ``now``."""
    today = now.astimezone(VIETNAM).date()
    shifts = settings.shifts(session)
    day = day_tally(session, today, shifts)
    current = shift_at(now, shifts)
    return DashboardView(
        now=now,
        today=today,
        this_shift=shift_tally(session, today, current, shifts, day) if current else None,
        day=day,
        team_day_quota=settings.quotas(session).team_day,
        campaign=campaign_progress(session, today),
        backlog=backlog_summary(session),
    )
