"""``sohoa demo``: a demo station, or more demo entries in an existing one."""

from __future__ import annotations

import argparse
import time

from app.cli.common import CommandError, Report, add_json_flag, data_dir_of
from app.cli.key import try_create_signing_key
from app.db.engine import database_path
from app.demo import (
    DEMO_CENTRE_IDENTITY,
    DEMO_LOCALITY,
    DEMO_PASSWORD,
    add_demo_double_keying,
    add_demo_entries,
    create_demo_station,
)
from app.station.database import StationError, open_station
from app.system.clock import SystemClock

SCANNED = 2  # two clerks key from the page at once on a fresh demo station


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "demo",
        parents=[common],
        help="make a demo station, or add demo entries to this one",
        description="On an empty data directory: a ready demo station full of realistic "
        "entries. On an existing station: adds N such entries in new books.",
    )
    parser.add_argument(
        "--entries",
        type=int,
        default=5000,
        metavar="N",
        help="how many entries to add (default 5000)",
    )
    parser.add_argument(
        "--scanned",
        type=int,
        default=SCANNED,
        metavar="B",
        help=f"how many of the new books at the head of the queue are scanned and begun "
        f"(default {SCANNED})",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=1,
        metavar="S",
        help="random seed: the same seed makes the same entries",
    )
    add_json_flag(parser)
    parser.set_defaults(handler=run, writes=True)


def run(args: argparse.Namespace) -> Report:
    if args.entries < 0:
        raise CommandError("--entries must be 0 or more")
    if args.scanned < 0:
        raise CommandError("--scanned must be 0 or more")
    data_dir = data_dir_of(args)
    created = not database_path(data_dir).exists()
    started = time.monotonic()
    try:
        db = create_demo_station(data_dir) if created else open_station(data_dir)
    except StationError as e:
        raise CommandError(str(e)) from e
    try:
        key = try_create_signing_key(db, "demo") if created else None
        station = db.station()
        summary = add_demo_entries(
            db, args.entries, seed=args.seed, clock=SystemClock(), scanned=args.scanned
        )
        keyed_twice = add_demo_double_keying(db, seed=args.seed, clock=SystemClock())
    except StationError as e:
        raise CommandError(str(e)) from e
    finally:
        db.close()
    seconds = time.monotonic() - started
    lines = [
        ("Demo station " if created else "Station ") + f"{station.code} in {data_dir}:",
        f"  {summary.entries:,} entries added in {summary.books:,} books "
        f"({', '.join(f'{k} {v:,}' for k, v in sorted(summary.by_kind.items()))}),",
        f"  {summary.by_status['completed']:,} completed and "
        f"{summary.by_status['deferred']:,} deferred, keyed from {summary.first_day} "
        f"to {summary.last_day}, in {seconds:.1f} s;",
        f"  {keyed_twice:,} of the last two weeks' entries drawn for double keying.",
    ]
    if summary.scanned_books:
        lines.append(
            f"  {summary.scanned_books} books scanned ({summary.scanned_pages} pages), first in "
            "the queue: begun, the rest of their entries to key from the page."
        )
    if summary.clerks_added:
        users = ("admin, " if created else "") + "lead01, clerk01…clerk12"
        lines.append(f"  Users {users}: password {DEMO_PASSWORD!r}.")
    if created:
        lines.append(f"  Its commune, whose places are suggested first: {DEMO_LOCALITY}.")
        lines.append(
            f"  Batches go to a demo centre whose identity is {data_dir / DEMO_CENTRE_IDENTITY}"
            + (f"; signing key {key.key_id}." if key else ".")
        )
    return Report(
        data={
            "station": station.code,
            "created": created,
            "entries": summary.entries,
            "books": summary.books,
            "by_kind": dict(summary.by_kind),
            "by_status": dict(summary.by_status),
            "first_day": summary.first_day.isoformat() if summary.first_day else None,
            "last_day": summary.last_day.isoformat() if summary.last_day else None,
            "scanned_books": summary.scanned_books,
            "scanned_pages": summary.scanned_pages,
            "seconds": round(seconds, 2),
            "demo_password": DEMO_PASSWORD if summary.clerks_added else None,
        },
        lines=lines,
    )
