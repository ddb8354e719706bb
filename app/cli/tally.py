"""``sohoa tally``: a day's work by shift and clerk, and the campaign's progress."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import Any

from app.cli.common import CommandError, Report, add_json_flag, station_of
from app.reports.daily import ClerkLine, DailyReport, ShiftLine, daily_report
from app.reports.wording import duration, shift_name
from app.system.clock import SystemClock, local_today
from app.work.shifts import OUTSIDE


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "tally",
        parents=[common],
        help="a day's entries by shift and clerk, and the campaign's progress",
    )
    add_date_option(parser)
    parser.add_argument(
        "--shift",
        type=int,
        metavar="N",
        help="only shift N of the day (0: work outside the shifts)",
    )
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def add_date_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--date",
        metavar="D",
        help="the day, YYYY-MM-DD or DD/MM/YYYY (default: today in Vietnam)",
    )


def day_of(args: argparse.Namespace) -> date:
    """The day asked for with --date, else today in Vietnam."""
    if args.date is None:
        return local_today(SystemClock())
    for parse in (date.fromisoformat, lambda t: datetime.strptime(t, "%d/%m/%Y").date()):
        try:
            return parse(args.date)
        except ValueError:
            continue
    raise CommandError(f"--date {args.date!r}: give a day as YYYY-MM-DD or DD/MM/YYYY")


def report_of(args: argparse.Namespace) -> DailyReport:
    """The daily report of the day asked for, from the station in --data-dir."""
    day = day_of(args)
    db = station_of(args)
    try:
        with db.sessions() as session:
            return daily_report(session, day, SystemClock())
    finally:
        db.close()


def run(args: argparse.Namespace) -> Report:
    report = report_of(args)
    shifts = report.shifts
    if args.shift is not None:
        shifts = [s for s in shifts if s.number == args.shift]
        if not shifts and args.shift != OUTSIDE:
            known = ", ".join(str(s.number) for s in report.shifts if s.number != OUTSIDE)
            raise CommandError(f"--shift {args.shift}: this station's shifts are {known}")
    clerks = [c for c in report.clerks if any(c.shift == s.number for s in shifts)]
    rows = [r for r in report.rows if any(r.shift == s.number for s in shifts)]
    return Report(
        data={
            "station": report.station_code,
            "date": report.day.isoformat(),
            "day": {
                "completed": report.completed,
                "deferred": report.deferred,
                "team_quota": report.team_day_quota,
                "percent_of_team_quota": round(report.percent_of_team_quota, 2),
            },
            "shifts": [
                {
                    **_shift_data(s),
                    "clerks": [_clerk_data(c) for c in clerks if c.shift == s.number],
                }
                for s in shifts
            ],
            "by_kind": {
                k.kind.value: {"completed": k.completed, "deferred": k.deferred}
                for k in report.kinds
            },
            "rows": [
                {
                    "shift": r.shift,
                    "username": r.username,
                    "kind": r.kind.value,
                    "outcome": r.outcome.value,
                    "count": r.count,
                }
                for r in rows
            ],
            "campaign": _campaign_data(report),
        },
        lines=_lines(report, shifts, clerks),
    )


def _shift_data(line: ShiftLine) -> dict[str, Any]:
    return {
        "shift": line.number,
        "start": None if line.start is None else line.start.isoformat("minutes"),
        "end": None if line.end is None else line.end.isoformat("minutes"),
        "completed": line.completed,
        "deferred": line.deferred,
        "quota": line.quota,
    }


def _clerk_data(line: ClerkLine) -> dict[str, Any]:
    return {
        "username": line.username,
        "full_name": line.full_name,
        "completed": line.completed,
        "deferred": line.deferred,
        "quota": line.quota,
        "percent_of_quota": _rounded(line.percent_of_quota),
        "entries_per_hour": _rounded(line.entries_per_hour),
        "keystrokes_per_hour": _rounded(line.keystrokes_per_hour),
        "active_seconds": line.active_seconds,
    }


def _campaign_data(report: DailyReport) -> dict[str, Any]:
    campaign = report.campaign
    return {
        "target": campaign.target,
        "done": campaign.done,
        "percent": round(campaign.percent, 2),
        "pace_per_day": round(campaign.pace, 2),
        "projected_finish": _iso(campaign.projected_finish),
        "deadline": _iso(campaign.deadline),
        "on_time": campaign.on_time,
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


CLERK_HEADER = (
    f"  {'clerk':<12} {'done':>6} {'deferred':>8} {'quota':>6} {'%quota':>6} "
    f"{'entries/h':>9} {'keys/h':>7} {'active':>6}"
)


def _lines(report: DailyReport, shifts: list[ShiftLine], clerks: list[ClerkLine]) -> list[str]:
    lines = [
        f"{report.station_code} {report.day.isoformat()}: {report.completed:,} completed "
        f"of the team's {report.team_day_quota:,} ({report.percent_of_team_quota:.1f}%), "
        f"{report.deferred:,} deferred"
    ]
    for shift in shifts:
        hours = f" {shift.start:%H:%M}-{shift.end:%H:%M}" if shift.start and shift.end else ""
        share = f" of {shift.quota:,} ({shift.percent_of_quota:.1f}%)" if shift.quota else ""
        lines.append(
            f"{shift_name(shift.number, 'en')}{hours}: {shift.completed:,} completed{share}, "
            f"{shift.deferred:,} deferred"
        )
        members = [c for c in clerks if c.shift == shift.number]
        if members:
            lines.append(CLERK_HEADER)
            lines.extend(_clerk_line(c) for c in members)
    lines.append(_campaign_line(report))
    return lines


def _clerk_line(c: ClerkLine) -> str:
    def number(value: float | None, width: int, decimals: int = 0) -> str:
        return f"{'-' if value is None else f'{value:,.{decimals}f}':>{width}}"

    return (
        f"  {c.username:<12} {number(c.completed, 6)} {number(c.deferred, 8)} "
        f"{number(c.quota, 6)} {number(c.percent_of_quota, 6)} "
        f"{number(c.entries_per_hour, 9, 1)} {number(c.keystrokes_per_hour, 7)} "
        f"{duration(c.active_seconds):>6}"
    )


def _campaign_line(report: DailyReport) -> str:
    campaign = report.campaign
    finish = _iso(campaign.projected_finish) or "not known yet"
    deadline = _iso(campaign.deadline) or "not set"
    late = " (BEHIND the deadline)" if campaign.on_time is False else ""
    return (
        f"Campaign: {campaign.done:,} of {campaign.target:,} entries ({campaign.percent:.2f}%), "
        f"{campaign.pace:,.1f} a day, projected finish {finish}, deadline {deadline}{late}"
    )
