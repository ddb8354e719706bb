"""``sohoa report``: the daily report as an Excel workbook, to send upward.

The PDF of the same report needs Qt's text engine: it is made from the
dashboard, not here.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import CommandError, Report, add_json_flag
from app.cli.tally import add_date_option, report_of


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "report",
        parents=[common],
        help="write a day's report as an Excel workbook (.xlsx)",
    )
    add_date_option(parser)
    parser.add_argument(
        "--to",
        type=Path,
        required=True,
        metavar="FILE",
        help="the .xlsx file to write, or a folder to write it in",
    )
    parser.add_argument(
        "--language",
        choices=("vi", "en"),
        default=argparse.SUPPRESS,
        help="language of the report (default: vi)",
    )
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> Report:
    report = report_of(args)
    target = args.to
    if target.is_dir():
        target = target / f"sohoa-{report.station_code}-{report.day.isoformat()}.xlsx"
    try:
        # Imported here: every command (and the window) starts faster
        # without openpyxl.
        from app.reports.xlsx import write_report_xlsx

        write_report_xlsx(report, target, args.language or "vi")
    except OSError as e:
        raise CommandError(f"cannot write {target}: {e.strerror or e}") from e
    return Report(
        data={
            "report": str(target),
            "date": report.day.isoformat(),
            "completed": report.completed,
            "deferred": report.deferred,
        },
        lines=[f"Report of {report.day.isoformat()} written: {target}."],
    )
