"""``sohoa backup``: a consistent, checked copy of the station database."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from app.cli.common import CommandError, Report, add_json_flag, open_existing
from app.db.backup import BackupError, backup_database


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
    db = open_existing(args)
    try:
        station = db.station()
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = args.to / f"sohoa-{station.code}-{stamp}.sqlite3"
        try:
            backup_database(db.path, target)
        except (BackupError, OSError) as e:
            raise CommandError(f"backup to {args.to} failed: {e}") from e
    finally:
        db.close()
    size = target.stat().st_size
    return Report(
        data={"backup": str(target), "bytes": size, "integrity": "ok"},
        lines=[f"Backup written and checked: {target} ({size:,} bytes)."],
    )
