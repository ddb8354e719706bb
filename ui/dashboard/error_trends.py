"""The keying errors verification found, per 1,000 fields, as trends.

The team, each shift, then each clerk by name: the last seven days against
the seven before, whether that is fewer errors or more, and the fourteen
days drawn as a line of bars. It is there for coaching, so it is not sorted
by rate and shows no rank: each line is read against its own past.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView

from app.quality.error_rates import Direction, ErrorTrends, Rate, Trend
from app.work.shifts import OUTSIDE
from ui.models.rows import Column, RowTableModel, row_table

BARS = "▁▂▃▄▅▆▇█"
NOTHING = "·"  # a day with nothing measured
MORE = QColor("#c62828")
FEWER = QColor("#2e7d32")
BAR = QColor("#5c7fa3")


@dataclass(frozen=True)
class _Line:
    name: str
    trend: Trend


class ErrorTrendsTable(QObject):
    """The table on the dashboard; ``show`` gives it the latest trends."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = RowTableModel(self._columns())
        self.view: QTableView = row_table(self.model, "error_trends")
        self.view.setToolTip(
            self.tr(
                "Keying errors found by double keying, per 1,000 fields keyed. For coaching:"
                " read each line against its own past, not against the others."
            )
        )

    def show(self, trends: ErrorTrends) -> None:
        lines = [_Line(self.tr("Team"), trends.team)]
        lines += [_Line(self._shift_name(number), trend) for number, trend in trends.shifts.items()]
        lines += [_Line(c.full_name or c.username, c.trend) for c in trends.clerks]
        self.model.set_rows(lines)

    def _columns(self) -> list[Column[_Line]]:
        return [
            Column(self.tr("Team, shift, clerk"), lambda line: line.name),
            Column(
                self.tr("Errors per 1,000 fields, last 7 days"),
                lambda line: self._rate(line.trend.last_week),
                numeric=True,
            ),
            Column(
                self.tr("7 days before"),
                lambda line: self._rate(line.trend.week_before),
                numeric=True,
            ),
            Column(
                self.tr("Trend"),
                lambda line: self._direction(line.trend.direction),
                colour=lambda line: _colour(line.trend.direction),
            ),
            Column(
                self.tr("14 days"), lambda line: sparkline(line.trend.daily), colour=lambda _: BAR
            ),
        ]

    def _rate(self, rate: Rate) -> str:
        value = rate.per_thousand
        if value is None:
            return "–"
        text = QLocale().toString(value, "f", 1)
        return text if rate.enough else self.tr("{rate} (few fields)").format(rate=text)

    def _direction(self, direction: Direction) -> str:
        return {
            Direction.FEWER: self.tr("↓ fewer errors"),
            Direction.MORE: self.tr("↑ more errors"),
            Direction.STEADY: self.tr("→ steady"),
            Direction.UNKNOWN: self.tr("too few fields yet"),
        }[direction]

    def _shift_name(self, number: int) -> str:
        if number == OUTSIDE:
            return self.tr("Outside the shifts")
        return self.tr("Shift {number}").format(number=number)


def sparkline(daily: tuple[Rate, ...]) -> str:
    """One bar a day, as high as its rate against the highest of the days."""
    rates = [r.per_thousand for r in daily]
    highest = max((r for r in rates if r is not None), default=0.0)
    return "".join(
        NOTHING if rate is None else BARS[round(rate / highest * (len(BARS) - 1)) if highest else 0]
        for rate in rates
    )


def _colour(direction: Direction) -> QColor | None:
    return {Direction.FEWER: FEWER, Direction.MORE: MORE}.get(direction)
