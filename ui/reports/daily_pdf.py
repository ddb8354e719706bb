"""The daily report as an A4 PDF, for the lead to sign and hand upward.

The report is laid out as HTML tables and printed by Qt's text engine, which
embeds the fonts it used, so Vietnamese diacritics show on any reader. The
words come from app.reports.wording, as in the XLSX, in the language asked
for the report. It needs a QGuiApplication (for fonts), as the window has.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from app.quality.error_rates import Rate, Trend
from app.reports.daily import DailyReport
from app.reports.wording import (
    day_text,
    direction_name,
    duration,
    error_lines,
    kind_name,
    label,
    number,
    outlook,
    reason_name,
    shift_hours,
    shift_name,
)
from app.reports.xlsx import replaced_atomically
from app.system.clock import VIETNAM
from app.work.tally import CampaignProgress

STYLE = """
body { font-size: 9pt; }
p.title { font-size: 12pt; font-weight: bold; margin-bottom: 4px; }
p.section { font-size: 10pt; font-weight: bold; margin-top: 8px; margin-bottom: 3px; }
table.grid { border-collapse: collapse; font-size: 8pt; }
table.grid th { background-color: #dce6f1; font-weight: bold; }
table.grid td, table.grid th { border: 1px solid #808080; padding: 2px 4px; }
td.n { text-align: right; white-space: nowrap; }
tr.total td { font-weight: bold; }
p.head { margin: 0; }
"""


def write_report_pdf(report: DailyReport, path: Path, language: str = "vi") -> Path:
    """Print ``report`` to ``path`` (a PDF), replacing it only once complete."""
    document = QTextDocument()
    document.setDefaultStyleSheet(STYLE)
    document.setHtml(report_html(report, language))
    with replaced_atomically(path) as partial:
        _print(document, partial, label("title", language).format(day=day_text(report.day)))
    return path


def _print(document: QTextDocument, path: Path, title: str) -> None:
    # The file is finished and closed once the writer is gone, when this call
    # returns: only then can it be renamed (Windows refuses an open file).
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    # QTextDocument prints an unpaginated document with 2 cm margins of its
    # own and the page numbers: the page itself needs none.
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setTitle(title)
    writer.setCreator("Sohoa")
    document.print_(writer)


def report_html(report: DailyReport, language: str) -> str:
    """The report as the HTML that QTextDocument lays out."""
    made_at = report.made_at.astimezone(VIETNAM)
    return "\n".join(
        [
            _title(label("title", language).format(day=day_text(report.day))),
            _line(label("station", language), f"{report.station_code} — {report.office}"),
            _line(label("made_at", language), f"{made_at:%H:%M} {day_text(made_at.date())}"),
            _side_by_side(_the_day(report, language), _campaign(report.campaign, language)),
            _shifts(report, language),
            _clerks(report, language),
            _side_by_side(_kinds(report, language), _backlog(report, language)),
            _errors(report, language),
            _signature(label("prepared_by", language), label("sign_here", language)),
        ]
    )


def _the_day(report: DailyReport, language: str) -> str:
    return _section(label("the_day", language)) + _pairs(
        [
            (label("completed", language), _count(report.completed, language)),
            (label("deferred", language), _count(report.deferred, language)),
            (label("team_day_quota", language), _count(report.team_day_quota, language)),
            (
                label("percent_of_team_quota", language),
                _percent(report.percent_of_team_quota, language),
            ),
        ]
    )


def _campaign(campaign: CampaignProgress, language: str) -> str:
    pairs = [
        (label("target", language), _count(campaign.target, language)),
        (label("done", language), _count(campaign.done, language)),
        (label("percent_of_target", language), _percent(campaign.percent, language, 2)),
        (label("pace", language), _count(campaign.pace, language, 1)),
        (
            label("projected_finish", language),
            day_text(campaign.projected_finish) or label("unknown", language),
        ),
        (label("deadline", language), day_text(campaign.deadline) or label("not_set", language)),
    ]
    if campaign.on_time is not None:
        pairs.append((label("outlook", language), outlook(campaign, language)))
    return _section(label("campaign", language)) + _pairs(pairs)


def _shifts(report: DailyReport, language: str) -> str:
    keys = (
        "shift",
        "hours",
        "clerks",
        "completed",
        "deferred",
        "shift_quota",
        "percent_of_shift_quota",
    )
    return _section(label("by_shift", language)) + _grid(
        [label(k, language) for k in keys],
        [
            [
                shift_name(s.number, language),
                shift_hours(s),
                _count(s.clerks, language),
                _count(s.completed, language),
                _count(s.deferred, language),
                _count(s.quota, language),
                _percent(s.percent_of_quota, language),
            ]
            for s in report.shifts
        ],
        [
            label("total", language),
            "",
            "",
            _count(report.completed, language),
            _count(report.deferred, language),
            _count(report.team_day_quota, language),
            _percent(report.percent_of_team_quota, language),
        ],
        numeric_from=2,
        widths=[10, 16, 10, 16, 16, 16, 16],
    )


def _clerks(report: DailyReport, language: str) -> str:
    keys = ("shift", "clerk", "completed", "deferred", "quota", "percent_of_quota",
            "entries_per_hour", "keys_per_hour", "active")  # fmt: skip
    # The rule above the table: a lead's line has no quota, and says why.
    heading = _section(label("by_clerk", language))
    heading += f"<p><i>{escape(label('quota_rule', language))}</i></p>"
    return heading + _grid(
        [label(k, language) for k in keys],
        [
            [
                shift_name(c.shift, language),
                c.full_name or c.username,
                _count(c.completed, language),
                _count(c.deferred, language),
                _count(c.quota, language),
                _percent(c.percent_of_quota, language, 0),
                _count(c.entries_per_hour, language, 1),
                _count(c.keystrokes_per_hour, language),
                duration(c.active_seconds),
            ]
            for c in report.clerks
        ],
        [
            label("total", language),
            "",
            _count(report.completed, language),
            _count(report.deferred, language),
            *[""] * 5,
        ],
        numeric_from=2,
        widths=[8, 23, 12, 11, 8, 8, 11, 11, 8],
    )


def _kinds(report: DailyReport, language: str) -> str:
    return _section(label("by_kind", language)) + _grid(
        [label(k, language) for k in ("kind", "completed", "deferred")],
        [
            [
                kind_name(k.kind, language),
                _count(k.completed, language),
                _count(k.deferred, language),
            ]
            for k in report.kinds
        ],
        [
            label("total", language),
            _count(sum(k.completed for k in report.kinds), language),
            _count(sum(k.deferred for k in report.kinds), language),
        ],
        numeric_from=1,
        widths=[50, 25, 25],
    )


def _backlog(report: DailyReport, language: str) -> str:
    return _section(label("backlog", language)) + _grid(
        [label("reason", language), label("entries", language)],
        [[reason_name(r, language), _count(n, language)] for r, n in report.backlog.items()],
        [label("total", language), _count(sum(report.backlog.values()), language)],
        numeric_from=1,
        widths=[75, 25],
    )


def _errors(report: DailyReport, language: str) -> str:
    keys = ("errors_of", "errors_the_day", "errors_last_week", "errors_week_before",
            "fields_checked", "trend")  # fmt: skip

    def line(name: str, trend: Trend) -> list[str]:
        return [
            name,
            _per_thousand(trend.last_day, language),
            _per_thousand(trend.last_week, language),
            _per_thousand(trend.week_before, language),
            _count(trend.last_week.fields, language),
            direction_name(trend.direction, language),
        ]

    return (
        _section(label("errors", language))
        + _grid(
            [label(k, language) for k in keys],
            [line(name, trend) for name, trend in error_lines(report.errors, language)],
            line(label("team", language), report.errors.team),
            numeric_from=1,
            widths=[27, 12, 12, 12, 19, 18],
        )
        + f"<p><i>{escape(label('errors_note', language))}</i></p>"
    )


def _per_thousand(rate: Rate, language: str) -> str:
    value = rate.per_thousand
    return "–" if value is None else number(value, language, 1)


def _count(value: float | None, language: str, decimals: int = 0) -> str:
    return "" if value is None else number(value, language, decimals)


def _percent(value: float | None, language: str, decimals: int = 1) -> str:
    return "" if value is None else number(value, language, decimals) + "%"


# Paragraphs, not <h1>/<h2>: Qt keeps its own sizes for those.
def _title(text: str) -> str:
    return f'<p class="title">{escape(text)}</p>'


def _section(text: str) -> str:
    return f'<p class="section">{escape(text)}</p>'


def _line(name: str, value: str) -> str:
    return f'<p class="head"><b>{escape(name)}:</b> {escape(value)}</p>'


def _pairs(pairs: Sequence[tuple[str, str]]) -> str:
    rows = "".join(
        f'<tr><td>{escape(name)}</td><td class="n">{escape(value)}</td></tr>'
        for name, value in pairs
    )
    return f'<table class="grid">{rows}</table>'


def _grid(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    total: Sequence[str],
    numeric_from: int,
    widths: Sequence[int],
) -> str:
    """A table with a header row and a total row; columns from ``numeric_from``
    on are numbers, aligned right. ``widths`` are the columns' shares of the
    width in %: Qt's own guess squeezes headers into broken words."""

    def cells(values: Sequence[str]) -> str:
        return "".join(
            f'<td class="n">{escape(v)}</td>' if i >= numeric_from else f"<td>{escape(v)}</td>"
            for i, v in enumerate(values)
        )

    head = "".join(
        f'<th width="{w}%">{escape(h)}</th>' for h, w in zip(headers, widths, strict=True)
    )
    body = "".join(f"<tr>{cells(row)}</tr>" for row in rows)
    return (
        f'<table class="grid" width="100%"><tr>{head}</tr>{body}'
        f'<tr class="total">{cells(total)}</tr></table>'
    )


def _side_by_side(left: str, right: str) -> str:
    return (
        '<table width="100%"><tr>'
        f'<td width="50%" valign="top">{left}</td>'
        f'<td width="50%" valign="top">{right}</td>'
        "</tr></table>"
    )


def _signature(role: str, hint: str) -> str:
    return (
        '<table width="100%" style="margin-top: 18px;"><tr><td width="55%"></td>'
        f'<td align="center"><b>{escape(role)}</b><br/><i>{escape(hint)}</i></td></tr></table>'
    )
