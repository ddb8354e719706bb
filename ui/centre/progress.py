"""The centre's window's first tab: the districts and the whole province
against the plan, a chart of who is behind, and below, the stations of the
district chosen (all of them, with the province chosen). The whole
province's row stays on top however the table is sorted.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from app.centre.overview import CentreOverview
from app.centre.plan_progress import PACE_DAYS
from app.centre.report import StationLine
from ui.centre.charts import FINISHED, Bar, RowBars
from ui.centre.figures import (
    DistrictRow,
    day,
    decimal,
    district_row,
    number,
    percent,
    state,
    troubled,
)
from ui.centre.sorting import SortedTable
from ui.centre.tabs import StationsTab, every_station
from ui.dashboard.charts import DONE, LATE
from ui.models.rows import Column


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
        self.stations.set_rows(every_station(overview))
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
