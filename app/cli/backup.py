"""``sohoa backup``: a consistent, checked copy of the station database."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

from app.cli.common import CommandError, Report, add_json_flag, data_dir_of
from app.db.engine import database_path
from app.db.migrate import utc_stamp
from app.db.online_copy import BackupError, backup_database
from app.station.database import StationError, station_code


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "backup",
        parents=[common],
        help="copy the station database to a folder or a stick",
    )
    parser.add_argument("--to", type=Path, required=True, metavar="DIR", help="target folder")
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> Report:
    # The file is copied as it is: a backup never migrates what it saves.
    data_dir = data_dir_of(args)
    try:
        code = station_code(data_dir)
    except StationError as e:
        raise CommandError(str(e)) from e
    target = args.to / f"sohoa-{code}-{utc_stamp()}.sqlite3"
    try:
        backup_database(database_path(data_dir), target)
    except (BackupError, OSError, sqlite3.Error) as e:
        raise CommandError(f"backup to {args.to} failed: {e}") from e
    size = target.stat().st_size
    return Report(
        data={"backup": str(target), "bytes": size, "integrity": "ok"},
        lines=[f"Backup written and checked: {target} ({size:,} bytes)."],
    )
