"""``sohoa export``: write what is ready as one signed, encrypted batch."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.access.keystore import KeyringUnavailable
from app.batch.age import AgeError
from app.batch.export import ExportError, WrittenBatch, export_batch, plan_export, rewrite_batch
from app.batch.keys import StationKeyError
from app.cli.common import CommandError, Report, add_json_flag, station_of
from app.cli.key import cli_keystore
from app.scans.store import ScanStore
from app.station.backups import last_backup_at
from app.system.clock import SystemClock
from app.system.paths import scans_dir


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "export",
        parents=[common],
        help="write the completed entries not yet exported as one batch for the centre",
        description="Write one batch (a signed BagIt bag, its entries encrypted to the "
        "centre) into DIR, read it back, and only then mark its entries exported.",
    )
    parser.add_argument("--to", type=Path, required=True, metavar="DIR", help="target folder")
    parser.add_argument(
        "--again",
        type=int,
        metavar="SEQ",
        help="write batch SEQ again (a lost stick): the same batch, the same entries",
    )
    add_json_flag(parser)
    parser.set_defaults(handler=run, writes=True)


def run(args: argparse.Namespace) -> Report:
    db = station_of(args)
    try:
        keystore = cli_keystore("export")
        scans = ScanStore(scans_dir(db.data_dir))
        with db.sessions() as session:
            plan = plan_export(session)
        if args.again is not None:
            written: WrittenBatch | None = rewrite_batch(
                db.sessions, args.again, args.to, keystore, by=None, clock=SystemClock(),
                scans=scans,
            )  # fmt: skip
        else:
            written = export_batch(
                db.sessions, args.to, keystore, by=None, clock=SystemClock(), scans=scans,
                last_backup=last_backup_at(db.data_dir),
            )  # fmt: skip
        with db.sessions() as session:
            waiting = plan_export(session)
    except (ExportError, StationKeyError, KeyringUnavailable, AgeError) as e:
        raise CommandError(str(e)) from e
    finally:
        db.close()
    if written is None:
        return Report(
            data={"batch": None, "waiting": 0},
            lines=["Nothing to export: no completed entry is waiting."],
        )
    lines = [
        f"Batch {written.sequence} ({written.uuid}) written to {written.path}:",
        f"  {written.entries:,} entries and {written.pages:,} page scans"
        f" ({written.scan_bytes / 2**20:,.1f} MB), read back and verified;"
        f" {written.marked:,} marked exported.",
    ]
    if args.again is None and plan is not None and plan.resumes:
        lines.append("  It finishes the batch an interrupted export had begun.")
    if waiting is not None:
        lines.append(f"  {waiting.ready:,} more entries wait: run `sohoa export` again.")
    return Report(
        data={
            "batch": written.uuid,
            "sequence": written.sequence,
            "entries": written.entries,
            "pages": written.pages,
            "scan_bytes": written.scan_bytes,
            "path": str(written.path),
            "marked_exported": written.marked,
            "again": args.again is not None,
            "waiting": waiting.ready if waiting else 0,
        },
        lines=lines,
    )
