"""``sohoa demo-centre``: a demo centre, to try ``sohoa centre`` and its window on."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from app.cli.common import CommandError, Report, add_json_flag
from app.demo.centre import DEMO_PLAN, create_demo_centre
from app.system.clock import SystemClock


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "demo-centre",
        parents=[common],
        help="make a demo centre: a small province of demo stations, their batches taken in",
        description="In a new folder: demo stations of a few districts of Bình Phước each key "
        "entries and export real signed, encrypted batches (one lost on the way, one station "
        "silent for ten days), taken in at a central SQLite file along with the province's "
        "plan of targets and deadlines. Then: sohoa centre --db FOLDER/centre.sqlite3.",
    )
    parser.add_argument("--to", type=Path, required=True, metavar="FOLDER", help="a new folder")
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="demo seed (default 1)")
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> Report:
    started = time.monotonic()
    try:
        centre = create_demo_centre(args.to, seed=args.seed, clock=SystemClock())
    except FileExistsError as e:
        raise CommandError(str(e)) from e
    seconds = time.monotonic() - started
    planned = sum(1 for unit in DEMO_PLAN if unit.station)
    return Report(
        data={
            "database": str(centre.database),
            "identity": str(centre.identity),
            "trust": str(centre.trust),
            "plan": str(centre.plan),
            "stations": centre.stations,
            "batches": centre.batches,
            "lost": centre.lost,
            "entries": centre.entries,
            "seconds": round(seconds, 2),
        },
        lines=[
            f"Demo centre in {args.to}, made in {seconds:.1f} s:",
            f"  {centre.entries:,} entries in {centre.batches} batches from {centre.stations} "
            f"stations taken in ({centre.lost} lost on the way), into {centre.database};",
            f"  the plan ({planned} stations, targets and deadlines) imported from {centre.plan};",
            f"  its identity {centre.identity}, its trust list {centre.trust};",
            f"  each station's data directory in {args.to / 'stations'}, the batches in "
            f"{args.to / 'batches'}.",
            f"  Open it: sohoa centre --db {centre.database}",
        ],
    )
