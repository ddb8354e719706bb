"""One station at the centre, in detail: what the centre's window shows when
the inspection team opens a station from the province's tables.

Its books and days are as its newest summary gives them (app.batch.summary:
the station's own inventory and tallies, as its lead sees them); its
batches and the numbers missing are what the centre received
(app.centre.intake). A station of the plan that never sent a batch has
neither: an empty detail, which the window says as such.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, select

from app.batch.summary import DayCompleted, SummaryBook
from app.centre.intake import SequenceGaps, sequence_gaps
from app.centre.models import CentreStationSummary, ReceivedBatch
from app.centre.status import ClerkErrors, clerk_errors
from app.centre.summaries import read_summary
from app.work.tally import Outcome


@dataclass(frozen=True)
class ShiftWork:
    """A clerk's work in a shift of a day, as the station's tally counts it."""

    day: date
    shift: int
    clerk: str  # user name
    completed: int
    deferred: int


@dataclass(frozen=True)
class BatchReceived:
    """A batch of the station, as the centre took it in."""

    sequence: int
    bagged: date  # the day the station wrote it, by its clock
    received_at: datetime  # by the centre's clock
    entries: int
    new_entries: int  # new to the centre
    updated_entries: int  # a newer version of an entry the centre held


@dataclass(frozen=True)
class StationDetail:
    station: str
    today: date
    summary_at: datetime | None  # None: no batch of it carried a summary
    summary_sequence: int | None
    target: int | None  # the inventory's expected entries, as the station says
    done: int | None
    books: tuple[SummaryBook, ...]
    days: tuple[DayCompleted, ...]  # completions per day, the whole campaign
    work: tuple[ShiftWork, ...]  # the summary's window, by day, shift and clerk
    first_day: date | None  # the window's
    last_day: date | None
    clerks: tuple[ClerkErrors, ...]  # keying errors over the window
    batches: tuple[BatchReceived, ...]  # newest first
    gaps: SequenceGaps
    last_backup: datetime | None


def station_detail(connection: Connection, station: str, today: date) -> StationDetail:
    """``station`` as the centre knows it on ``today`` (Vietnam's date)."""
    batches = tuple(
        BatchReceived(*row)
        for row in connection.execute(
            select(
                ReceivedBatch.sequence,
                ReceivedBatch.bagging_date,
                ReceivedBatch.received_at,
                ReceivedBatch.entry_count,
                ReceivedBatch.new_entries,
                ReceivedBatch.updated_entries,
            )
            .where(ReceivedBatch.station == station)
            .order_by(ReceivedBatch.sequence.desc(), ReceivedBatch.received_at.desc())
        )
    )
    kept = connection.execute(
        select(CentreStationSummary.batch_sequence, CentreStationSummary.summary).where(
            CentreStationSummary.station == station
        )
    ).one_or_none()
    gaps = sequence_gaps(connection, station)
    if kept is None:
        return StationDetail(
            station=station, today=today, summary_at=None, summary_sequence=None, target=None,
            done=None, books=(), days=(), work=(), first_day=None, last_day=None, clerks=(),
            batches=batches, gaps=gaps, last_backup=None,
        )  # fmt: skip
    sequence, value = kept
    summary = read_summary(value)
    work: dict[tuple[date, int, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in summary.tally:
        work[(row.day, row.shift, row.clerk)][row.outcome] += row.count
    return StationDetail(
        station=station,
        today=today,
        summary_at=summary.at,
        summary_sequence=sequence,
        target=summary.target,
        done=summary.done,
        books=summary.books,
        days=summary.days,
        work=tuple(
            ShiftWork(day, shift, clerk, counts[Outcome.COMPLETED], counts[Outcome.DEFERRED])
            for (day, shift, clerk), counts in sorted(work.items(), key=_newest_day_first)
        ),
        first_day=summary.first_day,
        last_day=summary.last_day,
        clerks=tuple(clerk_errors(summary)),
        batches=batches,
        gaps=gaps,
        last_backup=summary.last_backup,
    )


def _newest_day_first(item: tuple[tuple[date, int, str], object]) -> tuple[int, int, str]:
    (day, shift, clerk), _ = item
    return (-day.toordinal(), shift, clerk)
