"""``sohoa bench``: the performance targets, measured (README, "Performance")."""

from __future__ import annotations

import argparse
import platform
import time

from app import __version__
from app.bench.batches import EXPORTS, batch_operations
from app.bench.centre import (
    INTAKE_RATE,
    INTAKES,
    CentreLoad,
    centre_operations,
    entries_per_second,
)
from app.bench.dashboard import dashboard_operations
from app.bench.figures import WARM_UP, Figure
from app.bench.handoff import HANDOFFS
from app.bench.keying import keying_operations
from app.bench.operation import measure, raw_connection
from app.bench.scans import IMPORTS, scan_operations
from app.bench.startup import MEMORY_TARGET_MB, STARTS, startup_operation
from app.bench.station import bench_station, default_bench_dir, entry_count
from app.centre.database import POSTGRESQL_SCHEMES
from app.cli.common import CommandError, Report, add_json_flag
from app.station.database import StationError

CAMPAIGN = 1_457_884  # one province's entries (CONTEXT.md)


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "bench",
        parents=[common],
        help="measure the performance targets on a demo station of N entries",
        description="Builds (once, then reuses) a demo station of N entries in the user cache "
        "directory, or in --data-dir if given, and times each operation the performance "
        "targets name beside the same basic work in raw sqlite3 (or in Pillow and plain files, "
        "for the scans).",
    )
    parser.add_argument(
        "--entries",
        type=int,
        default=CAMPAIGN,
        metavar="N",
        help=f"entries in the bench station (default {CAMPAIGN:,}: a province's campaign)",
    )
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="demo seed (default 1)")
    parser.add_argument(
        "--repetitions",
        type=int,
        default=100,
        metavar="R",
        help="timed repetitions of each operation (default 100)",
    )
    parser.add_argument(
        "--without-scans",
        action="store_true",
        help="leave out the page scans' figures (a book imported, a page shown, a book "
        "handed off), which draw and encode their own pages for a minute",
    )
    parser.add_argument(
        "--centre",
        action="store_true",
        help="add the centre's figures: the station's entries exported as batches and taken "
        "into PostgreSQL, and the centre's window refreshed on a province of 100 stations "
        "(needs --db)",
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help="the PostgreSQL server of --centre (postgresql://…): the bench makes databases of "
        "its own there and drops them when it is done",
    )
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> Report:
    if args.entries < 1 or args.repetitions < 1:
        raise CommandError("--entries and --repetitions must be 1 or more")
    if args.centre and not (args.db or "").startswith(POSTGRESQL_SCHEMES):
        raise CommandError("--centre needs --db postgresql://… (a PostgreSQL server)")
    data_dir = args.data_dir or default_bench_dir(args.entries, args.seed)
    started = time.monotonic()
    try:
        db, built = bench_station(data_dir, args.entries, args.seed)
    except StationError as e:
        raise CommandError(str(e)) from e
    build_seconds = time.monotonic() - started
    db.checkpoint_in_background()  # as the window does
    raw = raw_connection(db)
    try:
        entries = entry_count(db)
        figures = measure(dashboard_operations(db, raw), args.repetitions)
        saves = args.repetitions + WARM_UP
        with keying_operations(db, raw, saves, args.seed) as keying:
            figures += measure(keying, args.repetitions)
        with batch_operations(db, raw) as batches:
            figures += measure(batches, min(args.repetitions, EXPORTS))
        centre = intake = None
        if args.centre:
            with centre_operations(db, args.db) as (operations, centre):
                [intake] = measure(operations[:1], min(args.repetitions, INTAKES))
                figures += [intake, *measure(operations[1:], args.repetitions)]
        if not args.without_scans:
            with scan_operations(args.seed) as (import_book, show_page, hand_off):
                figures += measure([import_book], min(args.repetitions, IMPORTS))
                figures += measure([show_page], args.repetitions)
                figures += measure([hand_off], min(args.repetitions, HANDOFFS))
        peaks: list[float] = []
        figures += measure([startup_operation(db, peaks)], min(args.repetitions, STARTS))
        memory = max(peaks, default=None)
    finally:
        raw.close()
        db.close()
    return Report(
        data={
            "version": __version__,
            "machine": _machine(),
            "data_dir": str(data_dir),
            "entries": entries,
            "built_seconds": round(build_seconds, 1) if built else None,
            "figures": [f.as_dict() for f in figures],
            "memory": {"peak_resident_mb": memory, "target_mb": MEMORY_TARGET_MB},
            "centre": None if centre is None else centre.as_dict(),
            "all_met": all(f.met for f in figures) and _memory_met(memory),
        },
        lines=[
            *_lines(entries, data_dir, build_seconds if built else None, figures),
            _memory_line(memory),
            *_centre_lines(centre, intake),
        ],
    )


def _centre_lines(centre: CentreLoad | None, intake: Figure | None) -> list[str]:
    if centre is None or intake is None:
        return []
    return [
        f"intake into PostgreSQL: {centre.entries:,} entries in {centre.batches} batches, "
        f"{entries_per_second(centre.entries, intake.ours.p50):,.0f} entries/s at the median "
        f"(target ≥{INTAKE_RATE:,}/s; plain COPY "
        f"{entries_per_second(centre.entries, intake.raw.p50):,.0f}/s)",
        f"the window refreshed on {centre.refresh_entries:,} entries from "
        f"{centre.stations} stations (spread from the bench station's)",
    ]


def _memory_met(memory: float | None) -> bool:
    return memory is None or memory <= MEMORY_TARGET_MB


def _memory_line(memory: float | None) -> str:
    if memory is None:
        return "peak resident memory of the app: not measured on this platform"
    return (
        f"peak resident memory of the app at its login window: {memory:.0f} MB "
        f"(target ≤{MEMORY_TARGET_MB} MB)" + ("" if _memory_met(memory) else "  MISSED")
    )


def _machine() -> str:
    return f"{platform.system()} {platform.machine()}, Python {platform.python_version()}"


def _lines(entries: int, data_dir, built: float | None, figures: list[Figure]) -> list[str]:
    source = f"built in {built:.0f} s" if built is not None else "reused"
    lines = [
        f"sohoa {__version__} bench on {entries:,} entries ({source}: {data_dir})",
        f"{_machine()}; milliseconds; the target holds at the 99th percentile.",
        "",
        f"{'operation':<42} {'p50':>8} {'p95':>8} {'p99':>8} {'target':>8} "
        f"{'raw p50':>8} {'ratio':>6}",
    ]
    for f in figures:
        lines.append(
            f"{f.name:<42} {f.ours.p50:>8.1f} {f.ours.p95:>8.1f} {f.ours.p99:>8.1f} "
            f"{'≤' + format(f.target_ms, 'g'):>8} {f.raw.p50:>8.2f} {f.ratio:>5.1f}x"
            + ("" if f.met else "  MISSED")
        )
    return lines
