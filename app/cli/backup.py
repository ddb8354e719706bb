"""``sohoa backup``: a consistent, checked copy of the station database,
and the page scans the folder lacks (``sohoa-CODE-scans`` beside it)."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

from app.cli.common import CommandError, Report, add_json_flag, data_dir_of
from app.db.engine import database_path
from app.db.migrate import utc_stamp
from app.db.online_copy import BackupError, backup_database
from app.scans.store import ScanStore
from app.station.backups import copy_scans, stick_scans_store
from app.station.database import StationError, station_code
from app.system.paths import scans_dir


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "backup",
        parents=[common],
        help="copy the station database, and the page scans the folder lacks, to a folder"
        " or a stick",
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
    scans = stick_scans_store(args.to, code)
    try:
        backup_database(database_path(data_dir), target)
        copied = copy_scans(ScanStore(scans_dir(data_dir)), scans)
    except (BackupError, OSError, sqlite3.Error) as e:
        raise CommandError(f"backup to {args.to} failed: {e}") from e
    size = target.stat().st_size
    lines = [
        f"Backup written and checked: {target} ({size:,} bytes).",
        f"Page scans: {copied.files:,} copied ({copied.bytes:,} bytes) into {scans.root};"
        " those there already were kept.",
    ]
    if copied.damaged:
        lines.append(
            f"  {len(copied.damaged):,} of the station's scans are damaged and were not copied,"
            f" first {copied.damaged[0]}."
        )
    return Report(
        data={
            "backup": str(target), "bytes": size, "integrity": "ok", "scans": str(scans.root),
            "scans_copied": copied.files, "scan_bytes_copied": copied.bytes,
            "scans_damaged": list(copied.damaged),
        },
        lines=lines,
    )  # fmt: skip
