"""The tabs of the centre's window, each a table of the stations with a
chart above it: the backlog per reason, keying errors, and the batches
(progress against the plan, with the districts, is ui.centre.progress).

Two measures of a station's work stand side by side and are never mixed:
what the centre *received* (the entries in the batches taken in) and what
the station *says it has done* (its newest summary, which counts also what
is keyed but not yet sent). Every column's header says, when pointed at,
which one it shows.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.centre.overview import CentreOverview
from app.centre.report import StationLine
from app.db.models import DeferralReason
from ui.centre.charts import Bar, RowBars
from ui.centre.figures import (
    commune,
    day,
    decimal,
    deferred,
    number,
    troubled,
)
from ui.centre.sorting import SortedTable
from ui.dashboard.charts import DONE, LATE
from ui.keying.deferral import reason_label
from ui.models.rows import Column
from ui.moments import local_moment


def names(line: StationLine) -> str:
    """What the filter looks in: the station's code, district and commune."""
    p = line.progress
    return " ".join(filter(None, (p.station, p.district, p.commune)))


class StationsTab(QWidget):
    """A tab whose table lists the stations; ``stations`` is that table."""

    stations: SortedTable[StationLine]

    def station_table(self, columns: list[Column[StationLine]], name: str) -> None:
        where: list[Column[StationLine]] = [
            Column(
                self.tr("Station"),
                lambda s: s.station,
                colour=troubled,
                header_tip=self.tr("The station's code; red: late, silent or missing batches"),
            ),
            Column(self.tr("District"), lambda s: s.progress.district or ""),
            Column(self.tr("Commune"), commune),
        ]
        self.stations = SortedTable(where + columns, name, key=lambda s: s.station, names=names)

    def show_report(self, overview: CentreOverview) -> None:
        raise NotImplementedError


def every_station(overview: CentreOverview) -> list[StationLine]:
    return [line for section in overview.report.sections for line in section.stations]


class BacklogTab(StationsTab):
    """The entries left for later ("hard later"), per reason and station, as
    the stations' summaries say."""

    def __init__(self) -> None:
        super().__init__()
        reasons = [self._reason_column(reason) for reason in DeferralReason]
        self.station_table(
            [
                *reasons,
                Column(
                    self.tr("Deferred"),
                    lambda s: number(deferred(s)),
                    True,
                    header_tip=self.tr("Entries deferred, every reason, as the station says"),
                    sort=deferred,
                ),
                Column(
                    self.tr("Drafts"),
                    lambda s: number(s.status.drafts if s.status else None),
                    True,
                    header_tip=self.tr("Entries begun and not finished, as the station says"),
                    sort=lambda s: s.status.drafts if s.status else None,
                ),
                Column(
                    self.tr("Summary of"),
                    lambda s: local_moment(_summary_at(s)),
                    header_tip=self.tr(
                        "When the station made the summary its newest batch carried"
                    ),
                    sort=_summary_at,
                ),
            ],
            "backlog_stations",
        )
        self.chart = RowBars(self.tr("Entries deferred in the province, per reason"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.chart.widget, 2)
        layout.addWidget(self.stations.view, 3)

    def _reason_column(self, reason: DeferralReason) -> Column[StationLine]:
        def count(line: StationLine) -> int | None:
            if line.status is None or line.status.summary is None:
                return None
            return line.status.deferred.get(reason.value, 0)

        # The reason's whole label in the header's tip: four of them side by
        # side would push the table past the laptop's width.
        short = {
            DeferralReason.ILLEGIBLE: self.tr("Unreadable"),
            DeferralReason.NEEDS_VERIFICATION: self.tr("To check"),
            DeferralReason.DAMAGED_PAGE: self.tr("Damaged page"),
            DeferralReason.OTHER: self.tr("Other reason"),
        }
        return Column(
            short[reason],
            lambda s: number(count(s)),
            True,
            header_tip=self.tr("{0}: entries deferred for this reason, as the station says").format(
                reason_label(reason)
            ),
            sort=count,
        )

    def show_report(self, overview: CentreOverview) -> None:
        self.stations.set_rows(every_station(overview))
        deferred = overview.report.total.deferred
        self.chart.show([Bar(reason_label(r), deferred.get(r.value, 0)) for r in DeferralReason])


def _never_backed_up(line: StationLine) -> bool:
    summary = None if line.status is None else line.status.summary
    return summary is not None and summary.last_backup is None


def _summary_at(line: StationLine):
    return None if line.status is None or line.status.summary is None else line.status.summary.at


class ErrorsTab(StationsTab):
    """Keying errors second keying found, per station, as the stations'
    summaries say."""

    def __init__(self) -> None:
        super().__init__()
        self.station_table(
            [
                Column(
                    self.tr("Fields compared"),
                    lambda s: number(s.status.fields if s.status else None),
                    True,
                    header_tip=self.tr(
                        "Fields keyed twice, blind, and compared, over the summary's last days"
                    ),
                    sort=lambda s: s.status.fields if s.status else None,
                ),
                Column(
                    self.tr("Errors"),
                    lambda s: number(s.status.errors if s.status else None),
                    True,
                    sort=lambda s: s.status.errors if s.status else None,
                ),
                Column(
                    self.tr("Per 1,000 fields"),
                    lambda s: decimal(_rate(s)),
                    True,
                    header_tip=self.tr("Keying errors per 1,000 fields compared"),
                    sort=_rate,
                ),
                Column(
                    self.tr("Most errors"),
                    _worst_clerk,
                    header_tip=self.tr("The clerk with the most errors per 1,000 fields"),
                ),
                Column(
                    self.tr("Summary of"), lambda s: local_moment(_summary_at(s)), sort=_summary_at
                ),
            ],
            "error_stations",
        )
        self.chart = RowBars(
            self.tr("Keying errors per 1,000 fields, the stations with most first"),
            line_label=self.tr("Province"),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.chart.widget, 2)
        layout.addWidget(self.stations.view, 3)

    def show_report(self, overview: CentreOverview) -> None:
        lines = every_station(overview)
        self.stations.set_rows(lines)
        province = overview.report.total.errors_per_thousand
        rated = sorted(
            ((line, rate) for line in lines if (rate := _rate(line)) is not None),
            key=lambda pair: -pair[1],
        )
        self.chart.show(
            [
                Bar(line.station, rate, LATE if province is not None and rate > province else DONE)
                for line, rate in rated
            ],
            line=province,
        )


def _rate(line: StationLine) -> float | None:
    return None if line.status is None else line.status.errors_per_thousand


def _worst_clerk(line: StationLine) -> str:
    if line.status is None:
        return ""
    rated = [c for c in line.status.clerk_errors if c.errors]
    if not rated:
        return ""
    worst = max(rated, key=lambda c: c.per_thousand or 0)
    return f"{worst.clerk} ({decimal(worst.per_thousand)})"


class BatchesTab(StationsTab):
    """What the centre received of each station: its batches, the numbers
    missing, how long it has been silent."""

    def __init__(self) -> None:
        super().__init__()
        self.silent_after = 0
        self.station_table(
            [
                Column(
                    self.tr("Batches"),
                    lambda s: number(s.status.batches if s.status else None),
                    True,
                    header_tip=self.tr("Batches taken in at the centre"),
                    sort=lambda s: s.status.batches if s.status else None,
                ),
                Column(
                    self.tr("Last no."),
                    lambda s: number(s.status.last_sequence if s.status else None),
                    True,
                    header_tip=self.tr("The highest batch number received"),
                    sort=lambda s: s.status.last_sequence if s.status else None,
                ),
                Column(
                    self.tr("Written"),
                    lambda s: day(s.progress.last_bagged),
                    header_tip=self.tr("The day the station wrote its newest batch"),
                    sort=lambda s: s.progress.last_bagged,
                ),
                Column(
                    self.tr("Taken in"),
                    lambda s: local_moment(s.progress.last_received),
                    header_tip=self.tr("When the centre took in the station's newest batch"),
                    sort=lambda s: s.progress.last_received,
                ),
                Column(
                    self.tr("Days silent"),
                    lambda s: (
                        self.tr("never sent")
                        if s.status is None
                        else number(s.progress.days_silent)
                    ),
                    True,
                    colour=lambda s: LATE if s.progress.silent else None,
                    header_tip=self.tr("Days since the centre took in a batch of the station"),
                    sort=lambda s: s.progress.days_silent,
                ),
                Column(
                    self.tr("Missing"),
                    lambda s: number(s.status.gaps.missing if s.status else None),
                    True,
                    colour=lambda s: LATE if s.status and s.status.gaps.missing else None,
                    header_tip=self.tr("Batch numbers below the highest that never arrived"),
                    sort=lambda s: s.status.gaps.missing if s.status else None,
                ),
                Column(self.tr("Missing numbers"), _missing_numbers),
                Column(
                    self.tr("Last backup"),
                    self._last_backup,
                    colour=lambda s: LATE if _never_backed_up(s) else None,
                    header_tip=self.tr("The station's newest backup, as its summary says"),
                    sort=lambda s: s.status.last_backup if s.status else None,
                ),
            ],
            "batch_stations",
        )
        self.chart = RowBars(
            self.tr("Days since the last batch, the most silent first"),
            line_label=self.tr("Silent"),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.chart.widget, 2)
        layout.addWidget(self.stations.view, 3)

    def _last_backup(self, line: StationLine) -> str:
        """When, or that it never was: a summary without a backup is a warning."""
        if line.status is None or line.status.summary is None:
            return ""
        if _never_backed_up(line):
            return self.tr("never")
        return local_moment(line.status.last_backup)

    def show_report(self, overview: CentreOverview) -> None:
        lines = every_station(overview)
        self.stations.set_rows(lines)
        heard = sorted(
            (line for line in lines if line.progress.days_silent is not None),
            key=lambda line: -(line.progress.days_silent or 0),
        )
        self.chart.show(
            [
                Bar(
                    line.station,
                    line.progress.days_silent or 0,
                    LATE if line.progress.silent else DONE,
                )
                for line in heard
            ],
            line=overview.report.silent_after,
        )


def _missing_numbers(line: StationLine) -> str:
    if line.status is None:
        return ""
    gaps = line.status.gaps
    listed = ", ".join(number(a) if a == b else f"{number(a)}–{number(b)}" for a, b in gaps.ranges)
    if gaps.more_ranges:
        listed += " …"
    return listed
