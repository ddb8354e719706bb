"""The four tabs of the centre's window, each a table of the stations with
a chart above it: progress against the plan (with the districts), the
backlog per reason, keying errors, and the batches.

Two measures of a station's work stand side by side and are never mixed:
what the centre *received* (the entries in the batches taken in) and what
the station *says it has done* (its newest summary, which counts also what
is keyed but not yet sent). Every column's header says, when pointed at,
which one it shows.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from app.centre.overview import CentreOverview
from app.centre.plan_progress import PACE_DAYS
from app.centre.report import StationLine
from app.db.models import DeferralReason
from ui.centre.charts import FINISHED, Bar, RowBars
from ui.centre.figures import (
    DistrictRow,
    commune,
    day,
    decimal,
    deferred,
    district_row,
    number,
    percent,
    state,
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


def _every_station(overview: CentreOverview) -> list[StationLine]:
    return [line for section in overview.report.sections for line in section.stations]


class ProgressTab(StationsTab):
    """The districts and the whole province against the plan, and below,
    the stations of the district chosen (all, with the province chosen)."""

    def __init__(self) -> None:
        super().__init__()
        self.districts: SortedTable[DistrictRow] = SortedTable(
            self._district_columns(), "districts", key=lambda d: (d.whole, d.name)
        )
        self.districts.rows.on_top = lambda d: d.whole
        self.station_table(self._station_columns(), "progress_stations")
        self.chart = RowBars(
            self.tr("% of the target received\n(lighter: by the deadline at this pace)"),
            line_label=self.tr("Target"),
        )
        self.districts.view.selectionModel().currentRowChanged.connect(self._district_chosen)
        top = QHBoxLayout()
        top.addWidget(self.districts.view, 2)
        top.addWidget(self.chart.widget, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 2)
        layout.addWidget(self.stations.view, 3)

    def _district_columns(self) -> list[Column[DistrictRow]]:
        received_tip = self.tr("Entries received at the centre, in the batches taken in")
        return [
            Column(
                self.tr("District"),
                lambda d: d.name,
                colour=lambda d: LATE if d.late else None,
                header_tip=self.tr("Red: the district's projected finish misses its deadline"),
            ),
            Column(
                self.tr("Stations"), lambda d: number(d.stations), True, sort=lambda d: d.stations
            ),
            Column(
                self.tr("Target"),
                lambda d: number(d.target),
                True,
                header_tip=self.tr("Entries the plan sets"),
                sort=lambda d: d.target,
            ),
            Column(
                self.tr("Received"),
                lambda d: number(d.received),
                True,
                header_tip=received_tip,
                sort=lambda d: d.received,
            ),
            Column(
                self.tr("% of target"),
                lambda d: percent(d.share),
                True,
                header_tip=self.tr("Entries received at the centre, as a share of the target"),
                sort=lambda d: d.share,
            ),
            Column(
                self.tr("Deadline"),
                lambda d: day(d.progress.deadline if d.progress else None),
                sort=lambda d: d.progress.deadline if d.progress else None,
            ),
            Column(
                self.tr("Projected"),
                lambda d: day(d.progress.projected if d.progress else None),
                colour=lambda d: LATE if d.late else None,
                header_tip=self.tr(
                    "The day the target is reached at the pace of the last {days} days"
                ).format(days=PACE_DAYS),
                sort=lambda d: d.progress.projected if d.progress else None,
            ),
            Column(
                self.tr("Late"),
                lambda d: number(d.figures.late),
                True,
                header_tip=self.tr("Stations whose projected finish misses their deadline"),
                sort=lambda d: d.figures.late,
            ),
            Column(
                self.tr("Silent"),
                lambda d: number(d.figures.silent),
                True,
                header_tip=self.tr("Stations that sent no batch lately, or never"),
                sort=lambda d: d.figures.silent,
            ),
        ]

    def _station_columns(self) -> list[Column[StationLine]]:
        return [
            Column(
                self.tr("Target"),
                lambda s: number(s.progress.progress.target),
                True,
                header_tip=self.tr("Entries the plan sets the station"),
                sort=lambda s: s.progress.progress.target,
            ),
            Column(
                self.tr("Received"),
                lambda s: number(s.progress.progress.received),
                True,
                header_tip=self.tr("Entries received at the centre, in the batches taken in"),
                sort=lambda s: s.progress.progress.received,
            ),
            Column(
                self.tr("% of target"),
                lambda s: percent(s.progress.progress.share),
                True,
                header_tip=self.tr("Entries received at the centre, as a share of the target"),
                sort=lambda s: s.progress.progress.share,
            ),
            Column(
                self.tr("Today"),
                lambda s: number(s.received_on_day),
                True,
                header_tip=self.tr(
                    "Entries received at the centre that were completed today (Vietnam time)"
                ),
                sort=lambda s: s.received_on_day,
            ),
            Column(
                self.tr("A day"),
                lambda s: decimal(s.progress.progress.pace, 0),
                True,
                header_tip=self.tr("Entries received a day, over the last {days} days").format(
                    days=PACE_DAYS
                ),
                sort=lambda s: s.progress.progress.pace,
            ),
            Column(
                self.tr("Deadline"),
                lambda s: day(s.progress.progress.deadline),
                sort=lambda s: s.progress.progress.deadline,
            ),
            Column(
                self.tr("Projected"),
                lambda s: day(s.progress.progress.projected),
                colour=lambda s: LATE if s.progress.progress.late else None,
                header_tip=self.tr("The day the target is reached at that pace; red: too late"),
                sort=lambda s: s.progress.progress.projected,
            ),
            Column(
                self.tr("Done (station)"),
                lambda s: number(s.status.done if s.status else None),
                True,
                header_tip=self.tr(
                    "Entries done as the station's newest summary says: it counts also what"
                    " is keyed but not sent yet, so it may be more than the centre received"
                ),
                sort=lambda s: s.status.done if s.status else None,
            ),
            Column(self.tr("State"), state, colour=troubled),
        ]

    def show_report(self, overview: CentreOverview) -> None:
        report = overview.report
        whole = DistrictRow(
            name=self.tr("Whole province"), district=None, whole=True,
            stations=sum(len(s.stations) for s in report.sections), received=report.received,
            target=report.target, progress=None, figures=report.total,
        )  # fmt: skip
        rows = [whole, *(district_row(s) for s in report.sections)]
        self.districts.set_rows(rows)
        if self.districts.chosen() is None:
            self.districts.choose((True, whole.name))
        self.stations.set_rows(_every_station(overview))
        self._district_chosen()
        self.chart.show([self._bar(row) for row in rows[1:] if row.target], line=100)

    def _bar(self, row: DistrictRow) -> Bar:
        share = 100 * (row.share or 0)
        more = 0.0
        progress = row.progress
        if progress is not None and progress.target and progress.days_left is not None:
            by_deadline = progress.received + progress.pace * max(progress.days_left, 0)
            more = max(0.0, min(100 * by_deadline / progress.target, 150) - share)
        colour = LATE if row.late else FINISHED if share >= 100 else DONE
        return Bar(row.name, share, colour, more)

    def _district_chosen(self) -> None:
        chosen = self.districts.chosen()
        self.stations.rows.set_scope(None if chosen is None else chosen.holds)


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

        return Column(
            reason_label(reason),
            lambda s: number(count(s)),
            True,
            header_tip=self.tr("Entries deferred for this reason, as the station says"),
            sort=count,
        )

    def show_report(self, overview: CentreOverview) -> None:
        self.stations.set_rows(_every_station(overview))
        deferred = overview.report.total.deferred
        self.chart.show([Bar(reason_label(r), deferred.get(r.value, 0)) for r in DeferralReason])


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
        lines = _every_station(overview)
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
                    lambda s: local_moment(s.status.last_backup if s.status else None),
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

    def show_report(self, overview: CentreOverview) -> None:
        lines = _every_station(overview)
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
