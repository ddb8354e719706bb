"""The dashboard's charts, drawn with pyqtgraph.

Hours and days are plotted as plain numbers (hours of the Vietnam day, days
from the campaign's first) with our own tick labels, so that the axes read
the same whatever time zone the office PC is set to.
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from app.system.clock import VIETNAM
from app.work.tally import CampaignProgress, ShiftTally

DONE = QColor("#1b6ca8")
TARGET = QColor("#9e9e9e")
LATE = QColor("#c62828")
QUOTA = QColor("#f9a825")

pg.setConfigOptions(antialias=True, background="w", foreground="#333")


class HourAxis(pg.AxisItem):
    def tickStrings(self, values, scale, spacing):
        return [f"{int(v) % 24:02d}:{round((v % 1) * 60) % 60:02d}" for v in values]


class DayAxis(pg.AxisItem):
    """Days counted from ``origin``, labelled dd/mm, one tick per day at most:
    a campaign of a few days would otherwise show each date several times."""

    def __init__(self, origin: date, **kwargs) -> None:
        super().__init__("bottom", **kwargs)
        self.origin = origin

    def tickValues(self, minVal, maxVal, size):
        whole_days = [
            (spacing, [v for v in values if float(v).is_integer()])
            for spacing, values in super().tickValues(minVal, maxVal, size)
            if spacing >= 1
        ]
        if whole_days:
            return whole_days
        return [(1, list(range(math.ceil(minVal), math.floor(maxVal) + 1)))]

    def tickStrings(self, values, scale, spacing):
        return [(self.origin + timedelta(days=round(v))).strftime("%d/%m") for v in values]


# The share of a chart's height kept above its highest bar or line: the
# legend, in one row along the top, covers nothing drawn.
HEADROOM = 1.5


def _plot(title: str, bottom: pg.AxisItem | None = None) -> pg.PlotWidget:
    plot = pg.PlotWidget(axisItems={"bottom": bottom} if bottom else None)
    plot.setTitle(title, color="#333", size="10pt")
    plot.showGrid(x=True, y=True, alpha=0.2)
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.addLegend(offset=(10, 2), colCount=3)
    return plot


def _hour(moment: datetime) -> float:
    local = moment.astimezone(VIETNAM)
    return local.hour + local.minute / 60 + local.second / 3600


class PaceChart:
    """This shift: entries completed so far, against the line of the quota."""

    def __init__(self) -> None:
        self.widget = _plot(
            QCoreApplication.translate("DashboardCharts", "This shift: entries against the quota"),
            HourAxis("bottom"),
        )
        self.done = self.widget.plot(
            pen=pg.mkPen(DONE, width=2),
            name=QCoreApplication.translate("DashboardCharts", "Completed"),
            stepMode=None,
        )
        self.quota = self.widget.plot(
            pen=pg.mkPen(QUOTA, width=2, style=Qt.PenStyle.DashLine),
            name=QCoreApplication.translate("DashboardCharts", "Quota pace"),
        )

        # Outside the shifts there is no shift to draw: the chart says so
        # instead of an empty grid with an hour axis of nothing.
        self.outside = pg.TextItem(
            QCoreApplication.translate("DashboardCharts", "Outside the shifts: no shift under way"),
            color="#555",
            anchor=(0.5, 0.5),
        )
        self.widget.addItem(self.outside)

    def show(self, shift: ShiftTally | None, now: datetime) -> None:
        under_way = shift is not None and shift.shift is not None
        self.outside.setVisible(not under_way)
        plot = self.widget.getPlotItem()
        for side in ("bottom", "left"):
            plot.showAxis(side, under_way)
        if plot.legend is not None:
            plot.legend.setVisible(under_way)
        if shift is None or shift.shift is None:
            self.done.setData([], [])
            self.quota.setData([], [])
            self.widget.setXRange(0, 1, padding=0)
            self.widget.setYRange(0, 1, padding=0)
            self.outside.setPos(0.5, 0.5)
            return
        start = shift.shift.start.hour + shift.shift.start.minute / 60
        end = start + shift.shift.hours
        xs = [start] + [_hour(m) for m in shift.completions]
        ys = list(range(len(xs)))
        xs.append(max(xs[-1], min(end, _hour(now))))
        ys.append(ys[-1])
        self.done.setData(xs, ys)
        self.quota.setData([start, end], [0, shift.quota])
        self.widget.setXRange(start, end, padding=0.02)
        self.widget.setYRange(0, max(shift.quota, ys[-1], 1) * HEADROOM, padding=0)


class DayChart:
    """The day by shift: completed entries beside each shift's quota."""

    def __init__(self) -> None:
        self.widget = _plot(QCoreApplication.translate("DashboardCharts", "Today by shift"))
        self.quota = pg.BarGraphItem(
            x=[],
            height=[],
            width=0.35,
            brush=QUOTA,
            name=QCoreApplication.translate("DashboardCharts", "Quota"),
        )
        self.done = pg.BarGraphItem(
            x=[],
            height=[],
            width=0.35,
            brush=DONE,
            name=QCoreApplication.translate("DashboardCharts", "Completed"),
        )
        self.widget.addItem(self.quota)
        self.widget.addItem(self.done)

    def show(self, shifts: list[ShiftTally]) -> None:
        xs = list(range(len(shifts)))
        self.quota.setOpts(x=[x - 0.2 for x in xs], height=[s.quota for s in shifts])
        self.done.setOpts(x=[x + 0.2 for x in xs], height=[s.completed for s in shifts])
        labels = [
            (
                x,
                QCoreApplication.translate("DashboardCharts", "Shift {number}").format(
                    number=s.number
                )
                if s.shift
                else QCoreApplication.translate("DashboardCharts", "Outside shifts"),
            )
            for x, s in zip(xs, shifts, strict=True)
        ]
        self.widget.getAxis("bottom").setTicks([labels])
        self.widget.setXRange(-0.6, max(len(shifts) - 0.4, 0.4), padding=0)
        top = max([s.quota for s in shifts] + [s.completed for s in shifts] + [1])
        self.widget.setYRange(0, top * HEADROOM, padding=0)


class CampaignChart:
    """Entries completed since the campaign began, the target, the projection."""

    def __init__(self) -> None:
        self.axis = DayAxis(date.today())
        self.widget = _plot(
            QCoreApplication.translate(
                "DashboardCharts", "Campaign: completed entries against the target"
            ),
            self.axis,
        )
        self.done = self.widget.plot(
            pen=pg.mkPen(DONE, width=2),
            name=QCoreApplication.translate("DashboardCharts", "Completed"),
        )
        self.projection = self.widget.plot(
            pen=pg.mkPen(DONE, width=1, style=Qt.PenStyle.DashLine),
            name=QCoreApplication.translate("DashboardCharts", "Projection"),
        )
        self.target = pg.InfiniteLine(
            angle=0, pen=pg.mkPen(TARGET, width=1, style=Qt.PenStyle.DashLine)
        )
        self.deadline = pg.InfiniteLine(angle=90, pen=pg.mkPen(LATE, width=1))
        self.widget.addItem(self.target)
        self.widget.addItem(self.deadline)

    def show(self, campaign: CampaignProgress, today: date) -> None:
        days = campaign.per_day
        origin = days[0][0] if days else today
        self.axis.origin = origin
        xs, ys, total = [], [], 0
        for day, count in days:
            total += count
            xs.append((day - origin).days)
            ys.append(total)
        self.done.setData(xs, ys)
        ends = [(today - origin).days]
        if campaign.projected_finish and campaign.remaining:
            end = (campaign.projected_finish - origin).days
            self.projection.setData([ends[0], end], [total, campaign.target])
            ends.append(end)
        else:
            self.projection.setData([], [])
        self.target.setValue(campaign.target)
        if campaign.deadline:
            self.deadline.setValue((campaign.deadline - origin).days)
            ends.append((campaign.deadline - origin).days)
        self.deadline.setVisible(campaign.deadline is not None)
        self.widget.setXRange(0, max([*ends, 1]), padding=0.03)
        self.widget.setYRange(0, max(campaign.target, total, 1) * HEADROOM, padding=0)
