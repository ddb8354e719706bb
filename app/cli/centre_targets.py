"""The centre's plan at the command line: the province's targets imported
from its spreadsheet, and the stations' progress along them.

``add_actions`` gives the ``sohoa centre`` parser (app.cli.centre) its
actions ``targets`` and ``stations``.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.centre.database import CentralDatabaseError, open_central, shown
from app.centre.plan import import_plan
from app.centre.plan_progress import (
    PACE_DAYS,
    SILENT_AFTER,
    DistrictProgress,
    PlanProgress,
    Progress,
    StationProgress,
    plan_progress,
)
from app.centre.plan_sheet import PlanProblem
from app.cli.common import CommandError, Report, add_json_flag
from app.db.engine import session_factory
from app.system.clock import VIETNAM, SystemClock

IMPORT_DESCRIPTION = (
    "Replace the centre's plan with the one in a .xlsx file (first sheet), a row per "
    "district or commune, whose header row names the columns in Vietnamese or English: "
    "Huyện/district, and optionally Xã/commune, Mã trạm/station, Chỉ tiêu (mục)/target "
    "entries, Chỉ tiêu (sổ)/target books, Hạn hoàn thành/deadline (a date cell or "
    "dd/mm/yyyy). A row without a commune is the district as a whole. All or nothing: if "
    "a row is bad, the plan is left as it was and every bad row is listed."
)
LIST_DESCRIPTION = (
    f"Per district, then per station: entries received, target, share done, deadline, the "
    f"pace (entries completed a day over the last {PACE_DAYS} days) and the finish it "
    f"projects; late stations, silent ones (no batch received for N days, or never) and "
    f"those whose batches came in but which the plan does not list."
)


def add_actions(actions: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """The actions ``targets`` and ``stations`` of ``sohoa centre``."""
    add_import_parser(actions, common, "targets")
    add_list_parser(actions, common, "stations")


def add_import_parser(
    actions: argparse._SubParsersAction, common: argparse.ArgumentParser, name: str
) -> None:
    parser = actions.add_parser(
        name, parents=[common], help="import the province's plan: targets and deadlines",
        description=IMPORT_DESCRIPTION,
    )  # fmt: skip
    parser.add_argument("file", type=Path, metavar="FILE.xlsx", help="the province's plan")
    add_db_flag(parser)
    parser.add_argument(
        "--province",
        metavar="NAME",
        help='the province (e.g. "Bình Phước"): warn of districts and communes not in it',
    )
    add_json_flag(parser)
    parser.set_defaults(handler=run_import)


def add_list_parser(
    actions: argparse._SubParsersAction, common: argparse.ArgumentParser, name: str
) -> None:
    parser = actions.add_parser(
        name, parents=[common], help="the progress along the plan, per district and station",
        description=LIST_DESCRIPTION,
    )  # fmt: skip
    add_db_flag(parser)
    parser.add_argument(
        "--silent-after",
        type=int,
        default=SILENT_AFTER,
        metavar="N",
        help=f"a station is silent after N days without a batch (default {SILENT_AFTER})",
    )
    add_json_flag(parser)
    parser.set_defaults(handler=run_list)


def add_db_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        required=True,
        metavar="URL",
        help="the central database: a SQLite file path, or postgresql://user@host/name",
    )


@contextmanager
def central(database: str) -> Iterator[Engine]:
    try:
        engine = open_central(database)
    except CentralDatabaseError as e:
        raise CommandError(str(e)) from e
    try:
        yield engine
    finally:
        engine.dispose()


def run_import(args: argparse.Namespace) -> Report:
    if not args.file.is_file():
        raise CommandError(f"no such file: {args.file}")
    with central(args.db) as engine, session_factory(engine).begin() as session:
        result = import_plan(session, args.file, clock=SystemClock(), province=args.province)
        database = shown(engine)
    data: dict[str, Any] = {
        "database": database,
        "file": str(args.file),
        "districts": result.districts,
        "communes": result.communes,
        "stations": result.stations,
        "problems": [_problem(p) for p in result.problems],
        "warnings": [_problem(p) for p in result.warnings],
        "ignored_columns": result.ignored_columns,
    }
    where = [f"row {p.row}: " if p.row else f"{args.file.name}: " for p in result.problems]
    lines = [w + p.message("en") for w, p in zip(where, result.problems, strict=True)]
    lines += [f"row {p.row}: warning: {p.message('en')}" for p in result.warnings]
    if result.ignored_columns:
        lines.append(f"Columns not read: {', '.join(result.ignored_columns)}.")
    if not result.ok:
        rows = {p.row for p in result.problems}
        data["reason"] = f"{len(rows)} bad row(s) in {args.file.name}: the plan is unchanged"
        return Report(data=data, lines=lines, ok=False)
    lines.append(
        f"Plan imported from {args.file.name}: {result.districts} districts,"
        f" {result.communes} communes, {result.stations} stations."
    )
    return Report(data=data, lines=lines)


def run_list(args: argparse.Namespace) -> Report:
    if args.silent_after < 1:
        raise CommandError("--silent-after: give a number of days, 1 or more")
    with central(args.db) as engine, Session(engine) as session:
        progress = plan_progress(session, clock=SystemClock(), silent_after=args.silent_after)
        database = shown(engine)
    return Report(data={"database": database, **_json(asdict(progress))}, lines=_lines(progress))


def _problem(p: PlanProblem) -> dict[str, Any]:
    return {"row": p.row, "code": p.code, "vi": p.message("vi"), "en": p.message("en")}


def _json(value: Any) -> Any:
    """Dates and moments as ISO text, shares rounded."""
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json(v) for v in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 4)
    return value


DISTRICT_HEADER = (
    f"{'District':<24}{'Received':>10}{'Target':>10}{'Done':>8}  {'Deadline':<11}"
    f"{'Pace/day':>9}  {'Projected':<11}{'Stations':>9}  State"
)
STATION_HEADER = (
    f"{'Station':<18}{'District / commune':<38}{'Received':>10}{'Target':>10}{'Done':>8}  "
    f"{'Deadline':<11}{'Pace/day':>9}  {'Projected':<11}{'Last batch':<12}State"
)


def _lines(report: PlanProgress) -> list[str]:
    if report.plan_source is None:
        lines = ["No plan imported yet: `sohoa centre targets FILE.xlsx --db …` brings it."]
    else:
        moment = report.plan_imported_at
        at = moment.astimezone(VIETNAM).strftime("%Y-%m-%d %H:%M") if moment else "?"
        lines = [f"Plan: {report.plan_source}, imported {at} (Vietnam time)."]
    lines.append(
        f"As of {report.today}: pace over the last {report.pace_days} days; silent after"
        f" {report.silent_after} days without a batch."
    )
    if report.districts:
        lines += ["", DISTRICT_HEADER, *(_district_line(d) for d in report.districts)]
    if report.stations:
        lines += ["", STATION_HEADER, *(_station_line(s) for s in report.stations)]
    return lines


def _figures(p: Progress) -> str:
    target = f"{p.target:,}" if p.target is not None else "-"
    share = f"{p.share:.1%}" if p.share is not None else "-"
    return (
        f"{p.received:>10,}{target:>10}{share:>8}  {_day(p.deadline):<11}{p.pace:>9.1f}  "
        f"{_day(p.projected):<11}"
    )


def _district_line(d: DistrictProgress) -> str:
    state = _progress_state(d.progress)
    if d.late_stations:
        state.append(f"{d.late_stations} late")
    if d.silent_stations:
        state.append(f"{d.silent_stations} silent")
    return f"{d.district[:23]:<24}{_figures(d.progress)}{d.stations:>9}  {', '.join(state)}"


def _station_line(s: StationProgress) -> str:
    unit = " / ".join(n for n in (s.district, s.commune) if n) if s.in_plan else "-"
    state = _progress_state(s.progress) if s.in_plan else ["not in the plan"]
    if s.silent:
        state.append("silent, never sent" if s.days_silent is None else f"silent {s.days_silent}d")
    last = _day(s.last_received.astimezone(VIETNAM).date()) if s.last_received else "-"
    return f"{s.station:<18}{unit[:37]:<38}{_figures(s.progress)}{last:<12}{', '.join(state)}"


def _progress_state(p: Progress) -> list[str]:
    if p.done:
        return ["done"]
    return ["LATE"] if p.late else []


def _day(day: date | None) -> str:
    return day.isoformat() if day is not None else "-"
