"""The province's daily report, as plain data: per district, each station's
figures and the district's subtotal, then the province's total.

A provincial lead prints it. Nothing here is computed anew: a station's
figures are those of ``sohoa centre status`` (app.centre.status: its newest
summary, its batches) and of ``sohoa centre stations``
(app.centre.plan_progress: received against the plan, deadline, projected
finish, late, silent). What the report adds is the day's: the entries
received whose ``completed_at`` falls on the report's date, in Vietnam time.

The campaign's figures are the centre's when the report is made, as the
station's own report gives its backlog (app.reports.daily): a report of an
earlier day says that day's entries, and the campaign as it stands now.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from app.centre.counts import entries_completed
from app.centre.plan_progress import Progress, StationProgress, plan_progress
from app.centre.status import ProvinceTotals, StationStatus, per_thousand, province_status
from app.system.clock import VIETNAM, Clock, local_today


@dataclass(frozen=True)
class StationLine:
    """A station: along the plan, as its summary says, and on the day."""

    progress: StationProgress
    status: StationStatus | None  # None: the plan lists it, it sent no batch
    received_on_day: int

    @property
    def station(self) -> str:
        return self.progress.station


@dataclass(frozen=True)
class Sum:
    """Figures added up over stations; those without a summary add none."""

    received_on_day: int = 0
    done: int = 0
    deferred: dict[str, int] = field(default_factory=dict)
    drafts: int = 0
    fields: int = 0
    errors: int = 0
    missing_batches: int = 0
    late: int = 0
    silent: int = 0

    @property
    def errors_per_thousand(self) -> float | None:
        return per_thousand(self.errors, self.fields)


@dataclass(frozen=True)
class DistrictSection:
    """A district's stations and subtotal; ``district`` None holds the
    stations whose batches came in but which the plan does not list."""

    district: str | None
    progress: Progress | None  # the plan's figures for the district as a whole
    stations: list[StationLine]
    subtotal: Sum


@dataclass(frozen=True)
class ProvinceReport:
    day: date  # the Vietnam date whose received entries the report counts
    made_at: datetime
    plan_source: str | None  # None: no plan imported yet
    pace_days: int
    silent_after: int
    sections: list[DistrictSection]
    target: int | None  # the districts' targets added up
    received: int  # every entry the centre holds
    total: Sum


def province_report(session: Session, day: date, *, clock: Clock) -> ProvinceReport:
    """The report of ``day`` (a Vietnam date), made now by ``clock``."""
    status = province_status(session.connection(), local_today(clock))
    progress = plan_progress(session, clock=clock)
    statuses = {s.station: s for s in status.stations}
    on_day = _received_on(session, day)

    def line(p: StationProgress) -> StationLine:
        return StationLine(p, statuses.get(p.station), on_day.get(p.station, 0))

    sections = []
    for district in progress.districts:
        name = district.district
        lines = [line(p) for p in progress.stations if p.in_plan and p.district == name]
        sections.append(DistrictSection(district.district, district.progress, lines, _sum(lines)))
    outside = [line(p) for p in progress.stations if not p.in_plan]
    if outside:
        sections.append(DistrictSection(None, None, outside, _sum(outside)))
    targets = [d.progress.target for d in progress.districts if d.progress.target is not None]
    every = [s for section in sections for s in section.stations]
    return ProvinceReport(
        day=day, made_at=clock.now(), plan_source=progress.plan_source,
        pace_days=progress.pace_days, silent_after=progress.silent_after, sections=sections,
        target=sum(targets) if targets else None, received=status.totals.entries,
        total=_province_sum(status.totals, every),
    )  # fmt: skip


def _received_on(session: Session, day: date) -> dict[str, int]:
    """Entries per station completed on ``day``, Vietnam time."""
    start = datetime.combine(day, time(), VIETNAM)
    return entries_completed(session.connection(), start, start + timedelta(days=1))


def _sum(lines: Iterable[StationLine]) -> Sum:
    lines = list(lines)
    statuses = [s.status for s in lines if s.status is not None]
    deferred: Counter[str] = Counter()
    for status in statuses:
        deferred.update(status.deferred)
    return Sum(
        received_on_day=sum(s.received_on_day for s in lines),
        done=sum(s.done or 0 for s in statuses),
        deferred=dict(deferred.most_common()),
        drafts=sum(s.drafts or 0 for s in statuses),
        fields=sum(s.fields for s in statuses),
        errors=sum(s.errors for s in statuses),
        missing_batches=sum(s.gaps.missing for s in statuses),
        late=sum(s.progress.progress.late for s in lines),
        silent=sum(s.progress.silent for s in lines),
    )


def _province_sum(totals: ProvinceTotals, lines: list[StationLine]) -> Sum:
    """The province's figures as app.centre.status totals them, with the day's
    and the plan's counts added up over every station."""
    return Sum(
        received_on_day=sum(s.received_on_day for s in lines),
        done=totals.done, deferred=totals.deferred, drafts=totals.drafts,
        fields=totals.fields, errors=totals.errors, missing_batches=totals.missing_batches,
        late=sum(s.progress.progress.late for s in lines),
        silent=sum(s.progress.silent for s in lines),
    )  # fmt: skip
