"""How far the campaign is along its plan, from what the centre holds now.

For each station and each district: the entries received, the target, the
share done, the days to the deadline, and the finish projected at the
recent pace — the entries received whose ``completed_at`` (the station's
clock) falls in the last ``PACE_DAYS`` days, per day: what the batches
brought. The stations' own daily completions, in the summaries their
batches carry (app.centre.summaries), count also what is keyed but not yet
sent; the projection does not read them yet.

A station's target is its commune's; for a district's own office, what
the district's target as a whole leaves once the communes with a station
of their own are counted (all of it, when none has). A district's target
is its own as a whole, else the sum of its communes'. A deadline is the
unit's own, else its district's; a district's is its own, else the latest
of its communes'.

Late: the projected finish falls after the deadline, or entries remain and
none came in the last ``PACE_DAYS`` days. Silent: no batch received (by
the centre's clock) for ``silent_after`` days, or never. A station whose
batches came in but which the plan does not list is there too, not in the
plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.centre.counts import entries_completed, entries_held
from app.centre.models import ReceivedBatch
from app.centre.plan import Plan, PlanUnit, current_plan
from app.system.clock import VIETNAM, Clock, local_today

PACE_DAYS = 14
SILENT_AFTER = 7


@dataclass(frozen=True)
class Progress:
    """Entries received against a target and a deadline."""

    received: int
    target: int | None
    share: float | None  # received / target
    deadline: date | None
    days_left: int | None  # to the deadline, negative once it has passed
    pace: float  # entries a day over the last PACE_DAYS days
    # The day the target is reached at that pace; None when it is reached,
    # when there is no target, or when nothing came in at all lately.
    projected: date | None
    done: bool
    late: bool


@dataclass(frozen=True)
class StationProgress:
    """A station along the plan, and when it was last heard from."""

    station: str
    in_plan: bool
    district: str | None
    commune: str | None  # None: the district's own office, or not in the plan
    progress: Progress
    last_received: datetime | None  # the newest batch, by the centre's clock
    last_bagged: date | None  # the newest batch's date, by the station's
    days_silent: int | None  # since the newest batch was received; None: never
    silent: bool


@dataclass(frozen=True)
class DistrictProgress:
    """A district along the plan: all its stations together."""

    district: str
    progress: Progress
    stations: int
    late_stations: int
    silent_stations: int


@dataclass(frozen=True)
class PlanProgress:
    """The plan's progress on ``today``: districts, then stations, each by name."""

    today: date
    pace_days: int
    silent_after: int
    plan_source: str | None
    plan_imported_at: datetime | None
    districts: list[DistrictProgress]
    stations: list[StationProgress]  # the plan's, then those not in it


def plan_progress(
    session: Session,
    *,
    clock: Clock,
    silent_after: int = SILENT_AFTER,
    pace_days: int = PACE_DAYS,
) -> PlanProgress:
    """Each station's and district's progress along the plan, as of ``clock``'s now."""
    now = clock.now()
    today = local_today(clock)
    plan = current_plan(session)
    received = entries_held(session.connection())
    recent = entries_completed(session.connection(), since=now - timedelta(days=pace_days))
    last_batches = {
        station: (received_at, bagged)
        for station, received_at, bagged in session.execute(
            select(
                ReceivedBatch.station,
                func.max(ReceivedBatch.received_at),
                func.max(ReceivedBatch.bagging_date),
            ).group_by(ReceivedBatch.station)
        )
    }

    def figures(stations: Iterable[str], target: int | None, deadline: date | None) -> Progress:
        codes = list(stations)
        return _progress(
            received=sum(received.get(s, 0) for s in codes),
            recent=sum(recent.get(s, 0) for s in codes),
            target=target, deadline=deadline, today=today, pace_days=pace_days,
        )  # fmt: skip

    def station(code: str, unit: PlanUnit | None, progress: Progress) -> StationProgress:
        last_received, last_bagged = last_batches.get(code, (None, None))
        days = None if last_received is None else (today - _local_date(last_received)).days
        return StationProgress(
            station=code, in_plan=unit is not None,
            district=unit.district if unit else None, commune=unit.commune if unit else None,
            progress=progress, last_received=last_received, last_bagged=last_bagged,
            days_silent=days, silent=days is None or days >= silent_after,
        )  # fmt: skip

    stations: list[StationProgress] = []
    districts: list[DistrictProgress] = []
    for whole, communes in _districts(plan):
        target = _district_target(whole, communes)
        deadline = whole.deadline or max((c.deadline for c in communes if c.deadline), default=None)
        in_district: list[StationProgress] = []
        for unit in (whole, *communes):
            if unit.station is None:
                continue
            if unit is whole:
                own = _office_target(target, communes)
                progress = figures([unit.station], own, deadline)
            else:
                progress = figures([unit.station], unit.target_entries, unit.deadline or deadline)
            in_district.append(station(unit.station, unit, progress))
        stations += in_district
        districts.append(
            DistrictProgress(
                district=whole.district,
                progress=figures((s.station for s in in_district), target, deadline),
                stations=len(in_district),
                late_stations=sum(s.progress.late for s in in_district),
                silent_stations=sum(s.silent for s in in_district),
            )
        )
    planned = plan.stations()
    for code in sorted(set(last_batches) | set(received)):
        if code not in planned:
            stations.append(station(code, None, figures([code], None, None)))
    return PlanProgress(
        today=today, pace_days=pace_days, silent_after=silent_after,
        plan_source=plan.source, plan_imported_at=plan.imported_at,
        districts=districts, stations=stations,
    )  # fmt: skip


def _progress(
    *,
    received: int,
    recent: int,
    target: int | None,
    deadline: date | None,
    today: date,
    pace_days: int,
) -> Progress:
    pace = recent / pace_days
    done = target is not None and received >= target
    projected = None
    if target is not None and not done and recent > 0:
        # In whole numbers: the days the entries left take, rounded up.
        projected = today + timedelta(days=-(-(target - received) * pace_days // recent))
    late = (
        deadline is not None
        and target is not None
        and not done
        and (projected is None or projected > deadline)
    )
    return Progress(
        received=received, target=target, share=received / target if target else None,
        deadline=deadline, days_left=(deadline - today).days if deadline else None,
        pace=pace, projected=projected, done=done, late=late,
    )  # fmt: skip


def _districts(plan: Plan) -> list[tuple[PlanUnit, list[PlanUnit]]]:
    """Each district's own unit and its communes (the plan lists a district first)."""
    grouped: list[tuple[PlanUnit, list[PlanUnit]]] = []
    for unit in plan.units:
        if unit.commune is None:
            grouped.append((unit, []))
        else:
            grouped[-1][1].append(unit)
    return grouped


def _district_target(whole: PlanUnit, communes: list[PlanUnit]) -> int | None:
    if whole.target_entries is not None:
        return whole.target_entries
    targets = [c.target_entries for c in communes if c.target_entries is not None]
    return sum(targets) if targets else None


def _office_target(district_target: int | None, communes: list[PlanUnit]) -> int | None:
    """What the district's target leaves its own office: the communes
    without a station of their own are keyed there."""
    if district_target is None:
        return None
    left = district_target - sum(c.target_entries or 0 for c in communes if c.station)
    return left if left > 0 else None


def _local_date(moment: datetime) -> date:
    return moment.astimezone(VIETNAM).date()
