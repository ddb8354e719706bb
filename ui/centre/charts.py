"""The centre's charts, drawn with pyqtgraph as the dashboard's are
(ui.dashboard.charts): bars along a row per district, reason or station,
its name at the left, so that a long Vietnamese name is read whole, and
the one that is behind stands out in red.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from html import escape

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFontMetrics

from app.batch.summary import DayCompleted
from ui.dashboard.charts import DONE, HEADROOM, TARGET, DayAxis

FINISHED = QColor("#2e7d32")
# What a bar adds at the current pace: the bar's colour, lighter.
AHEAD = 90  # alpha of 255
# The rows a chart draws at most: the tables list them all.
MOST_ROWS = 20


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    colour: QColor = field(default_factory=lambda: QColor(DONE))
    more: float = 0  # drawn after the bar, lighter: what it is on its way to


def _plot(title: str, bottom: pg.AxisItem | None = None) -> pg.PlotWidget:
    plot = pg.PlotWidget(axisItems={"bottom": bottom} if bottom else None)
    # A title of two lines takes less width than one: the chart keeps its
    # place beside a table.
    plot.setTitle("<br>".join(map(escape, title.splitlines())), color="#333", size="10pt")
    plot.showGrid(x=True, y=True, alpha=0.2)
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    # Looked at, never used from the keyboard: Tab goes from table to table.
    plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    plot.setMinimumHeight(160)
    return plot


class RowBars:
    """A bar per row, from the top down; ``line``, if given, a mark across
    every row (the target, a limit)."""

    def __init__(self, title: str, line_label: str | None = None) -> None:
        self.widget = _plot(title)
        self.bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.6)
        self.more = pg.BarGraphItem(x0=[], y=[], width=[], height=0.6)
        self.widget.addItem(self.more)
        self.widget.addItem(self.bars)
        self.line: pg.InfiniteLine | None = None
        if line_label is not None:
            self.line = pg.InfiniteLine(
                angle=90,
                pen=pg.mkPen(TARGET, width=1, style=Qt.PenStyle.DashLine),
                label=line_label,
                labelOpts={"position": 0.95, "color": "#555"},
            )
            self.widget.addItem(self.line)
        self.empty = pg.TextItem(
            QCoreApplication.translate("CentreCharts", "Nothing to show yet"),
            color="#555",
            anchor=(0.5, 0.5),
        )
        self.widget.addItem(self.empty)

    def show(self, bars: Sequence[Bar], line: float | None = None) -> None:
        bars = list(bars)[:MOST_ROWS]
        rows = len(bars)
        ys = [rows - 1 - i for i in range(rows)]
        self.bars.setOpts(
            x0=[0] * rows, y=ys, width=[b.value for b in bars], brushes=[b.colour for b in bars]
        )
        self.more.setOpts(
            x0=[b.value for b in bars],
            y=ys,
            width=[b.more for b in bars],
            brushes=[_lighter(b.colour) for b in bars],
            pens=[pg.mkPen(None)] * rows,
        )
        ticks = [(y, b.label) for y, b in zip(ys, bars, strict=True)]
        axis = self.widget.getAxis("left")
        axis.setTicks([ticks])
        # Wide enough for the longest name from the first drawing on (the
        # axis widens itself only after a drawing that did not fit).
        metrics = QFontMetrics(self.widget.font())
        axis.setWidth(max([metrics.horizontalAdvance(b.label) for b in bars] + [20]) + 12)
        right = max([b.value + b.more for b in bars] + [line or 0, 1])
        if self.line is not None:
            self.line.setVisible(line is not None)
            if line is not None:
                self.line.setValue(line)
        self.empty.setVisible(rows == 0)
        self.empty.setPos(right / 2, 0)
        self.widget.setXRange(0, right * 1.1, padding=0)
        # Half a row more at the top when the line is named: its name is
        # written there, above the bars rather than over the first.
        top = max(rows, 1) - 0.4 + (0.5 if self.line is not None and line is not None else 0)
        self.widget.setYRange(-0.6, top, padding=0)


class StationDaysChart:
    """A station's entries completed per day, as its summary says."""

    def __init__(self) -> None:
        self.axis = DayAxis(date.today())
        self.widget = _plot(
            QCoreApplication.translate(
                "CentreCharts", "Entries completed per day, as the station says"
            ),
            self.axis,
        )
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.8, brush=DONE)
        self.widget.addItem(self.bars)

    def show(self, days: Sequence[DayCompleted]) -> None:
        origin = days[0].day if days else date.today()
        self.axis.origin = origin
        xs = [(d.day - origin).days for d in days]
        heights = [d.completed for d in days]
        self.bars.setOpts(x=xs, height=heights)
        self.widget.setXRange(-1, max([*xs, 1]) + 1, padding=0)
        self.widget.setYRange(0, max([*heights, 1]) * HEADROOM, padding=0)


def _lighter(colour: QColor) -> QColor:
    light = QColor(colour)
    light.setAlpha(AHEAD)
    return light
