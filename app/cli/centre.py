"""``sohoa centre``: the centre's view of the province's campaign.

``status`` gives each station's figures as its newest summary says them
(app.centre.status computes them; this only formats them), what the centre
received from it, and the province's totals; ``targets`` imports the
province's plan and ``stations`` lists the progress along it
(app.cli.centre_targets); ``report`` writes the province's daily report
as an Excel workbook (app.centre.report, app.centre.report_xlsx).
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.centre.database import CentralDatabaseError, open_central, shown
from app.centre.intake import SequenceGaps
from app.centre.report import province_report
from app.centre.status import ProvinceStatus, StationStatus, province_status
from app.cli.centre_targets import add_actions, add_db_flag, central
from app.cli.common import CommandError, Report, add_json_flag
from app.cli.tally import add_date_option, day_of
from app.system.clock import VIETNAM, SystemClock, local_today


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "centre",
        parents=[common],
        help="the centre: the province's campaign, station by station",
        description="With --db and no action: the centre's window, the province at a glance. "
        "With an action: that action.",
    )
    # Before an action, --db opens the window; each action takes its own.
    parser.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        metavar="URL",
        help="open the centre's window on this central database: a SQLite file path, or "
        "postgresql://user@host/name",
    )
    parser.add_argument(
        "--language",
        choices=("vi", "en"),
        default=argparse.SUPPRESS,
        help="language of the window (default: vi)",
    )
    parser.set_defaults(handler=run_without_action, action=None)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    status = actions.add_parser(
        "status",
        parents=[common],
        help="each station's progress, backlog, keying errors and batches, and the province's",
        description="Per station that sent a batch: its newest summary's figures (entries done "
        "of expected, deferred per reason, drafts, keying errors per clerk, last backup), the "
        "days since its last batch and the batch numbers missing; then the province's totals. "
        "A station whose batches are of an older Sohoa has no summary, and is said so.",
    )
    status.add_argument(
        "--db",
        required=True,
        metavar="URL",
        help="the central database: a SQLite file path, or postgresql://user@host/name",
    )
    add_json_flag(status)
    status.set_defaults(handler=run_status)
    add_actions(actions, common)
    report = actions.add_parser(
        "report",
        parents=[common],
        help="write the province's daily report, per district and station, as .xlsx",
        description="One sheet in Vietnamese, to print: per district, each station's target, "
        "entries received, share, entries completed on the day (Vietnam time), entries done "
        "as its newest summary says, deferred per reason, drafts, keying errors per 1,000 "
        "fields, deadline, projected finish, missing batches, late or silent; the district's "
        "subtotal; the province's total.",
    )
    add_db_flag(report)
    add_date_option(report)
    report.add_argument(
        "--to",
        type=Path,
        required=True,
        metavar="FILE",
        help="the .xlsx file to write, or a folder to write it in",
    )
    add_json_flag(report)
    report.set_defaults(handler=run_report)


def run_without_action(args: argparse.Namespace) -> Report:
    """``sohoa centre`` without an action. With --db, ui.launch opens the
    centre's window instead; run without it, only what to give is said."""
    if getattr(args, "db", None) is None:
        raise CommandError(
            "give --db URL to open the centre's window, or an action: status, targets,"
            " stations, report"
        )
    raise CommandError(
        "the centre's window opens from the desktop program (sohoa centre --db URL);"
        " here give an action: status, targets, stations, report"
    )


def run_status(args: argparse.Namespace) -> Report:
    try:
        engine = open_central(args.db)
    except CentralDatabaseError as e:
        raise CommandError(str(e)) from e
    try:
        with engine.connect() as connection:
            status = province_status(connection, local_today(SystemClock()))
        database = shown(engine)
    finally:
        engine.dispose()
    return Report(
        data={"database": database, **status_data(status)},
        lines=status_lines(status),
    )


def run_report(args: argparse.Namespace) -> Report:
    day = day_of(args)
    target = args.to
    if target.is_dir():
        target = target / f"sohoa-tinh-{day.isoformat()}.xlsx"
    with central(args.db) as engine, Session(engine) as session:
        report = province_report(session, day, clock=SystemClock())
    try:
        # Imported here: every command (and the window) starts faster
        # without openpyxl.
        from app.centre.report_xlsx import write_province_report

        write_province_report(report, target)
    except OSError as e:
        raise CommandError(f"cannot write {target}: {e.strerror or e}") from e
    stations = sum(len(s.stations) for s in report.sections)
    return Report(
        data={
            "report": str(target),
            "date": day.isoformat(),
            "stations": stations,
            "received_on_day": report.total.received_on_day,
            "received": report.received,
            "target": report.target,
        },
        lines=[
            f"Province report of {day:%d/%m/%Y} written: {target} ({stations:,} stations,"
            f" {report.total.received_on_day:,} entries completed that day)."
        ],
    )


def status_data(status: ProvinceStatus) -> dict[str, Any]:
    """The status as ``--json`` gives it."""
    totals = status.totals
    return {
        "today": status.today.isoformat(),
        "stations": [_station_data(s) for s in status.stations],
        "totals": {
            "stations": totals.stations,
            "without_summary": totals.without_summary,
            "target": totals.target,
            "done": totals.done,
            "percent": _rounded(totals.percent),
            "deferred": totals.deferred,
            "drafts": totals.drafts,
            "fields_compared": totals.fields,
            "keying_errors": totals.errors,
            "errors_per_thousand": _rounded(totals.errors_per_thousand),
            "missing_batches": totals.missing_batches,
            "entries_received": totals.entries,
        },
    }


def _station_data(s: StationStatus) -> dict[str, Any]:
    data: dict[str, Any] = {
        "station": s.station,
        "batches": s.batches,
        "last_batch": s.last_sequence,
        "last_batch_on": s.last_batch_on.isoformat(),
        "days_since_batch": s.days_since_batch,
        "missing": {
            "missing": s.gaps.missing,
            "ranges": [list(r) for r in s.gaps.ranges],
            "more_ranges": s.gaps.more_ranges,
        },
        "entries_received": s.entries,
        "summary": None,
    }
    if s.summary is not None:
        data["summary"] = {
            "at": s.summary.at.isoformat(),
            "batch": s.summary_sequence,
            "target": s.target,
            "done": s.done,
            "percent": _rounded(s.percent),
            "deferred": s.deferred,
            "drafts": s.drafts,
            "keying_errors": [
                {
                    "clerk": c.clerk,
                    "fields": c.fields,
                    "errors": c.errors,
                    "per_thousand": _rounded(c.per_thousand),
                }
                for c in s.clerk_errors
            ],
            "last_backup": s.last_backup.isoformat() if s.last_backup else None,
        }
    return data


def status_lines(status: ProvinceStatus) -> list[str]:
    """The status for people: a few lines per station, then the province's."""
    if not status.stations:
        return ["No station has sent a batch yet."]
    lines: list[str] = []
    for s in status.stations:
        lines += _station_lines(s)
    t = status.totals
    without = f" ({t.without_summary:,} without a summary)" if t.without_summary else ""
    lines.append(
        f"Province: {t.stations:,} stations{without}; {t.done:,} of {t.target:,} entries done"
        f"{_percent(t.percent)}; {sum(t.deferred.values()):,} deferred"
        f"{_reasons(t.deferred)}; {t.drafts:,} drafts; keying errors"
        f" {_rate(t.errors, t.fields)}; {t.missing_batches:,} batches missing;"
        f" {t.entries:,} entries received."
    )
    return lines


def _station_lines(s: StationStatus) -> list[str]:
    batch = (
        f"  last batch {s.last_sequence:,}, written {s.last_batch_on:%d/%m/%Y}"
        f" ({_days(s.days_since_batch)}); {s.entries:,} entries received;"
        f" {_missing(s.gaps)}"
    )
    if s.summary is None:
        return [
            f"{s.station}: no summary: its batches are of an older Sohoa (format 1 or 2)",
            batch,
        ]
    deferred = sum(s.deferred.values())
    clerks = ", ".join(f"{c.clerk} {_rate(c.errors, c.fields)}" for c in s.clerk_errors)
    return [
        f"{s.station}: summary of {_moment(s.summary.at)}, batch {s.summary_sequence:,}",
        f"  {s.done:,} of {s.target:,} entries done{_percent(s.percent)};"
        f" {deferred:,} deferred{_reasons(s.deferred)}; {s.drafts:,} drafts",
        f"  keying errors (last {(s.summary.last_day - s.summary.first_day).days + 1} days):"
        f" {clerks or 'none compared'}",
        f"  last backup: {_moment(s.last_backup) if s.last_backup else 'none'}",
        batch,
    ]


def _missing(gaps: SequenceGaps) -> str:
    if not gaps.missing:
        return "no batch missing"
    listed = ", ".join(f"{a:,}" if a == b else f"{a:,}–{b:,}" for a, b in gaps.ranges)
    if gaps.more_ranges:
        listed += f" and {gaps.more_ranges:,} more runs"
    return f"missing: {listed} ({gaps.missing:,} in all)"


def _reasons(counts: dict[str, int]) -> str:
    if not counts:
        return ""
    return " (" + ", ".join(f"{reason} {count:,}" for reason, count in counts.items()) + ")"


def _rate(errors: int, fields: int) -> str:
    if not fields:
        return "none compared"
    return f"{1000 * errors / fields:.1f} per 1,000 fields ({errors:,} in {fields:,})"


def _percent(percent: float | None) -> str:
    return "" if percent is None else f" ({percent:.1f}%)"


def _days(days: int) -> str:
    return "today" if days == 0 else "1 day ago" if days == 1 else f"{days:,} days ago"


def _moment(moment: datetime) -> str:
    return f"{moment.astimezone(VIETNAM):%d/%m/%Y %H:%M}"


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
