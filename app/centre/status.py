"""The province's status: each station's figures as its newest summary gives
them, what the centre received from it, and the province's totals.

What ``sohoa centre status`` prints, and what the centre's window shows:
both read these dataclasses, so they say the same. A station's figures are
its own (app.batch.summary: the station's tally, backlog and error rates,
as its lead sees them); what the centre adds is what only it knows: the
batches received, the numbers missing, the days since the last one. A
station whose batches are all of an older Sohoa (format 1 or 2) has no
summary: it is listed with what the centre received, and said to have none.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Connection, func, select

from app.batch.summary import StationSummary
from app.centre.counts import entries_held
from app.centre.intake import CHUNK, SequenceGaps, gaps_of
from app.centre.models import CentreStationSummary, ReceivedBatch
from app.centre.summaries import read_summary


@dataclass(frozen=True)
class ClerkErrors:
    """A clerk's keyings compared by second keying over the summary's window."""

    clerk: str  # user name
    fields: int
    errors: int

    @property
    def per_thousand(self) -> float | None:
        """Errors per 1,000 fields; None when nothing was compared."""
        return per_thousand(self.errors, self.fields)


@dataclass(frozen=True)
class StationStatus:
    """One station, as the centre knows it."""

    station: str
    batches: int  # batches received
    last_sequence: int  # the highest batch number received
    last_batch_on: date  # the day the newest batch received was written
    days_since_batch: int
    gaps: SequenceGaps
    entries: int  # entries the centre holds of it
    # Its newest summary, and the number of the batch that carried it;
    # None when no batch of it carried one.
    summary: StationSummary | None = None
    summary_sequence: int | None = None

    @property
    def target(self) -> int | None:
        return None if self.summary is None else self.summary.target

    @property
    def done(self) -> int | None:
        return None if self.summary is None else self.summary.done

    @property
    def percent(self) -> float | None:
        if self.summary is None or not self.summary.target:
            return None
        return 100 * self.summary.done / self.summary.target

    @property
    def deferred(self) -> dict[str, int]:
        """Entries left for later, per reason (largest first)."""
        if self.summary is None:
            return {}
        return {b.reason: b.entries for b in self.summary.backlog}

    @property
    def drafts(self) -> int | None:
        return None if self.summary is None else sum(b.drafts for b in self.summary.books)

    @property
    def clerk_errors(self) -> list[ClerkErrors]:
        """Each clerk's keying errors over the summary's window, by name."""
        if self.summary is None:
            return []
        return clerk_errors(self.summary)

    @property
    def fields(self) -> int:
        """Fields compared by second keying over the summary's window, all clerks."""
        return sum(c.fields for c in self.clerk_errors)

    @property
    def errors(self) -> int:
        return sum(c.errors for c in self.clerk_errors)

    @property
    def errors_per_thousand(self) -> float | None:
        return per_thousand(self.errors, self.fields)

    @property
    def last_backup(self) -> datetime | None:
        return None if self.summary is None else self.summary.last_backup


@dataclass(frozen=True)
class ProvinceTotals:
    """The stations' figures added up; those without a summary add none."""

    stations: int = 0
    without_summary: int = 0
    target: int = 0
    done: int = 0
    deferred: dict[str, int] = field(default_factory=dict)
    drafts: int = 0
    fields: int = 0
    errors: int = 0
    missing_batches: int = 0
    entries: int = 0  # held at the centre

    @property
    def percent(self) -> float | None:
        return 100 * self.done / self.target if self.target else None

    @property
    def errors_per_thousand(self) -> float | None:
        return per_thousand(self.errors, self.fields)


@dataclass(frozen=True)
class ProvinceStatus:
    today: date
    stations: list[StationStatus]  # by code
    totals: ProvinceTotals


def province_status(connection: Connection, today: date) -> ProvinceStatus:
    """Every station that sent a batch, as of ``today`` (Vietnam's date),
    and the province's totals."""
    received = connection.execute(
        select(
            ReceivedBatch.station,
            func.count(),
            func.max(ReceivedBatch.sequence),
            func.max(ReceivedBatch.bagging_date),
        ).group_by(ReceivedBatch.station)
    ).all()
    entries = entries_held(connection)
    summaries = _summaries(connection)
    numbers: dict[str, list[int]] = defaultdict(list)
    for station, number in connection.execute(
        select(ReceivedBatch.station, ReceivedBatch.sequence)
        .distinct()
        .order_by(ReceivedBatch.station, ReceivedBatch.sequence)
    ):
        numbers[station].append(number)
    gaps = {station: gaps_of(received) for station, received in numbers.items()}
    stations = []
    for station, count, last_sequence, last_on in sorted(received):
        sequence, summary = summaries.get(station) or (None, None)
        stations.append(
            StationStatus(
                station=station,
                batches=count,
                last_sequence=last_sequence,
                last_batch_on=last_on,
                days_since_batch=(today - last_on).days,
                gaps=gaps.get(station, SequenceGaps()),
                entries=entries.get(station, 0),
                summary=summary,
                summary_sequence=sequence,
            )
        )
    return ProvinceStatus(today, stations, _totals(stations))


# Each station's summary as last read, by database and station, with the
# batch and moment it was made at: the window reads the status every few
# seconds and a summary changes only when a batch brings a newer one, so
# each is read from its JSON (tens of thousands of rows at a campaign's
# end) once, when it has changed.
_read: dict[tuple[str, str], tuple[tuple[str, datetime], StationSummary]] = {}


def _summaries(connection: Connection) -> dict[str, tuple[int, StationSummary]]:
    """Each station's newest summary and the number of its batch."""
    database = connection.engine.url.render_as_string(hide_password=True)
    held = connection.execute(
        select(
            CentreStationSummary.station,
            CentreStationSummary.batch_sequence,
            CentreStationSummary.batch_uuid,
            CentreStationSummary.summary_at,
        )
    ).all()
    changed = [
        s.station
        for s in held
        if _read.get((database, s.station), (None,))[0] != (s.batch_uuid, s.summary_at)
    ]
    for start in range(0, len(changed), CHUNK):
        for station, batch, at, value in connection.execute(
            select(
                CentreStationSummary.station,
                CentreStationSummary.batch_uuid,
                CentreStationSummary.summary_at,
                CentreStationSummary.summary,
            ).where(CentreStationSummary.station.in_(changed[start : start + CHUNK]))
        ):
            _read[(database, station)] = ((batch, at), read_summary(value))
    return {s.station: (s.batch_sequence, _read[(database, s.station)][1]) for s in held}


def _totals(stations: list[StationStatus]) -> ProvinceTotals:
    deferred: dict[str, int] = defaultdict(int)
    for s in stations:
        for reason, count in s.deferred.items():
            deferred[reason] += count
    return ProvinceTotals(
        stations=len(stations),
        without_summary=sum(1 for s in stations if s.summary is None),
        target=sum(s.target or 0 for s in stations),
        done=sum(s.done or 0 for s in stations),
        deferred=dict(sorted(deferred.items(), key=lambda item: -item[1])),
        drafts=sum(s.drafts or 0 for s in stations),
        fields=sum(s.fields for s in stations),
        errors=sum(s.errors for s in stations),
        missing_batches=sum(s.gaps.missing for s in stations),
        entries=sum(s.entries for s in stations),
    )


def per_thousand(errors: int, fields: int) -> float | None:
    """Keying errors per 1,000 fields compared; None when none was."""
    return 1000 * errors / fields if fields else None


def clerk_errors(summary: StationSummary) -> list[ClerkErrors]:
    """Each clerk's keying errors over ``summary``'s window, by name."""
    by_clerk: dict[str, tuple[int, int]] = {}
    for row in summary.errors:
        fields, errors = by_clerk.get(row.clerk, (0, 0))
        by_clerk[row.clerk] = (fields + row.fields, errors + row.errors)
    return [ClerkErrors(clerk, f, e) for clerk, (f, e) in sorted(by_clerk.items())]
