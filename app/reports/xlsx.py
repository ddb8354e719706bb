"""The daily report as an Excel workbook, the form in which it goes upward.

A summary sheet (station, day, totals, the campaign), then one sheet each by
shift, by clerk, by book kind, and one of the keying errors verification
found. Counts are numbers, percentages are fractions shown as percentages,
times are Excel durations: the centre can add up the workbooks of many
stations without retyping anything.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Generic, TypeVar

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.quality.error_rates import Trend
from app.reports.daily import ClerkLine, DailyReport, KindLine, ShiftLine
from app.reports.wording import (
    day_text,
    direction_name,
    error_lines,
    kind_name,
    label,
    outlook,
    reason_name,
    shift_hours,
    shift_name,
)
from app.system.clock import VIETNAM

Row = TypeVar("Row")

COUNT = "#,##0"
RATE = "#,##0.0"
PERCENT = "0.0%"
DAY = "DD/MM/YYYY"
MOMENT = "DD/MM/YYYY HH:MM"
DURATION = "[h]:mm"
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")


@dataclass(frozen=True)
class _Column(Generic[Row]):
    header: str  # a key of wording.LABELS
    value: Callable[[Row], Any]
    number_format: str | None = None


def write_report_xlsx(report: DailyReport, path: Path, language: str = "vi") -> Path:
    """Write ``report`` to ``path`` (an .xlsx), replacing it only once complete."""
    book = Workbook()
    _summary(book.active, report, language)
    _table(
        book.create_sheet(label("by_shift", language)),
        _shift_columns(language),
        report.shifts,
        [
            label("total", language),
            "",
            None,
            report.completed,
            report.deferred,
            report.team_day_quota,
            report.percent_of_team_quota / 100,
        ],
        language,
    )
    _table(
        book.create_sheet(label("by_clerk", language)),
        _clerk_columns(language),
        report.clerks,
        [label("total", language), "", "", report.completed, report.deferred],
        language,
    )
    _table(
        book.create_sheet(label("by_kind", language)),
        _kind_columns(language),
        report.kinds,
        [
            label("total", language),
            sum(k.completed for k in report.kinds),
            sum(k.deferred for k in report.kinds),
        ],
        language,
    )
    errors = _error_columns(language)
    _table(
        book.create_sheet(label("errors_sheet", language)),
        errors,
        error_lines(report.errors, language),
        [column.value((label("team", language), report.errors.team)) for column in errors],
        language,
    )
    with replaced_atomically(path) as partial:
        book.save(partial)
    return path


@contextmanager
def replaced_atomically(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` for the block to write; then the file
    is flushed to disk and renamed to ``path``. If the block fails, ``path``
    is left as it was and the temporary file is removed."""
    partial = path.with_name(path.name + ".partial")
    try:
        yield partial
        # Windows refuses to flush a file opened for reading only.
        with open(partial, "r+b") as file:
            os.fsync(file.fileno())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def _summary(sheet: Worksheet, report: DailyReport, language: str) -> None:
    def text(key: str) -> str:
        return label(key, language)

    def heading(name: str) -> None:
        sheet.append([])
        sheet.append([name])
        sheet.cell(sheet.max_row, 1).font = BOLD

    def pair(name: str, value: Any, number_format: str | None = None) -> None:
        sheet.append([name, value])
        if number_format and not isinstance(value, str):
            sheet.cell(sheet.max_row, 2).number_format = number_format

    campaign = report.campaign
    sheet.title = text("summary")
    sheet.append([text("title").format(day=day_text(report.day))])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    pair(text("station"), report.station_code)
    pair(text("office"), report.office)
    pair(text("date"), report.day, DAY)
    pair(text("made_at"), _local(report.made_at), MOMENT)
    heading(text("the_day"))
    pair(text("completed"), report.completed, COUNT)
    pair(text("deferred"), report.deferred, COUNT)
    pair(text("team_day_quota"), report.team_day_quota, COUNT)
    pair(text("percent_of_team_quota"), report.percent_of_team_quota / 100, PERCENT)
    heading(text("campaign"))
    pair(text("target"), campaign.target, COUNT)
    pair(text("done"), campaign.done, COUNT)
    pair(text("percent_of_target"), campaign.percent / 100, "0.00%")
    pair(text("pace"), campaign.pace, RATE)
    pair(text("projected_finish"), campaign.projected_finish or text("unknown"), DAY)
    pair(text("deadline"), campaign.deadline or text("not_set"), DAY)
    if campaign.on_time is not None:
        pair(text("outlook"), outlook(campaign, language))
    heading(text("backlog"))
    for reason, count in report.backlog.items():
        pair(reason_name(reason, language), count, COUNT)
    pair(text("total"), sum(report.backlog.values()), COUNT)
    sheet.cell(sheet.max_row, 1).font = BOLD
    sheet.cell(sheet.max_row, 2).font = BOLD
    fit_columns(sheet, first_row=2)
    # Below the fitted columns: a sentence, not a value to widen them for.
    sheet.append([])
    sheet.append([text("quota_rule")])
    sheet.cell(sheet.max_row, 1).font = Font(italic=True)


def _local(moment: datetime) -> datetime:
    # Excel has no time zones: the report shows the station's (Vietnam) time.
    return moment.astimezone(VIETNAM).replace(tzinfo=None, microsecond=0)


def _table(
    sheet: Worksheet,
    columns: Sequence[_Column[Row]],
    rows: Sequence[Row],
    total: list[Any],
    language: str,
) -> None:
    sheet.append([label(c.header, language) for c in columns])
    for cell in sheet[1]:
        cell.font = BOLD
        cell.fill = HEADER_FILL
    for row in rows:
        sheet.append([c.value(row) for c in columns])
    sheet.append(total)
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    for index, column in enumerate(columns, start=1):
        if column.number_format:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = column.number_format
    sheet.freeze_panes = "A2"
    fit_columns(sheet, first_row=1)


def _shift_columns(language: str) -> list[_Column[ShiftLine]]:
    return [
        _Column("shift", lambda s: shift_name(s.number, language)),
        _Column("hours", shift_hours),
        _Column("clerks", lambda s: s.clerks, COUNT),
        _Column("completed", lambda s: s.completed, COUNT),
        _Column("deferred", lambda s: s.deferred, COUNT),
        _Column("shift_quota", lambda s: s.quota, COUNT),
        _Column("percent_of_shift_quota", lambda s: _fraction(s.percent_of_quota), PERCENT),
    ]


def _clerk_columns(language: str) -> list[_Column[ClerkLine]]:
    return [
        _Column("shift", lambda c: shift_name(c.shift, language)),
        _Column("clerk", lambda c: c.full_name or c.username),
        _Column("username", lambda c: c.username),
        _Column("completed", lambda c: c.completed, COUNT),
        _Column("deferred", lambda c: c.deferred, COUNT),
        _Column("quota", lambda c: c.quota, COUNT),
        _Column("percent_of_quota", lambda c: _fraction(c.percent_of_quota), PERCENT),
        _Column("entries_per_hour", lambda c: c.entries_per_hour, RATE),
        _Column("keys_per_hour", lambda c: c.keystrokes_per_hour, COUNT),
        _Column("active", lambda c: c.active_seconds / 86400, DURATION),
    ]


def _kind_columns(language: str) -> list[_Column[KindLine]]:
    return [
        _Column("kind", lambda k: kind_name(k.kind, language)),
        _Column("completed", lambda k: k.completed, COUNT),
        _Column("deferred", lambda k: k.deferred, COUNT),
    ]


def _error_columns(language: str) -> list[_Column[tuple[str, Trend]]]:
    return [
        _Column("errors_of", lambda line: line[0]),
        _Column("errors_the_day", lambda line: line[1].last_day.per_thousand, RATE),
        _Column("errors_last_week", lambda line: line[1].last_week.per_thousand, RATE),
        _Column("errors_week_before", lambda line: line[1].week_before.per_thousand, RATE),
        _Column("fields_checked", lambda line: line[1].last_week.fields, COUNT),
        _Column("trend", lambda line: direction_name(line[1].direction, language)),
    ]


def _fraction(percent: float | None) -> float | None:
    return None if percent is None else percent / 100


def fit_columns(sheet: Worksheet, first_row: int) -> None:
    """Widen each column to its longest text (within reason)."""
    for index, cells in enumerate(sheet.iter_cols(min_row=first_row), start=1):
        longest = max((len(_shown(c.value)) for c in cells), default=0)
        sheet.column_dimensions[get_column_letter(index)].width = min(60, max(10, longest + 2))


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.1f}"
    if isinstance(value, datetime):
        return "00/00/0000 00:00"
    if isinstance(value, date):
        return "00/00/0000"
    return str(value)
