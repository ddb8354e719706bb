"""``sohoa intake``: load batches into the central database, idempotently."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.batch.age import AgeError, read_identities
from app.centre.database import CentralDatabaseError, open_central, shown
from app.centre.intake import BatchIntake, Outcome, intake_batches
from app.cli.common import CommandError, Report, add_json_flag
from app.cli.verify import add_trust_flag, trust_list
from app.system.clock import SystemClock


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "intake",
        parents=[common],
        help="verify, decrypt and load batches into the central database",
        description="Each batch is verified against the trust list, decrypted with the "
        "centre's identity and loaded in one transaction. A batch loaded before changes "
        "nothing; a newer version of an entry replaces the older; missing sequence numbers "
        "are reported.",
    )
    parser.add_argument("batches", type=Path, nargs="+", metavar="BATCH", help="batch folders")
    parser.add_argument(
        "--db",
        required=True,
        metavar="URL",
        help="the central database: a SQLite file path, or postgresql://user@host/name",
    )
    parser.add_argument(
        "--identity", type=Path, required=True, metavar="FILE", help="the centre's age identity"
    )
    add_trust_flag(parser)
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> Report:
    trust = trust_list(args.trust)
    try:
        identities = read_identities(args.identity)
        engine = open_central(args.db)
    except (AgeError, CentralDatabaseError) as e:
        raise CommandError(str(e)) from e
    try:
        report = intake_batches(
            engine, args.batches, identities=identities, trust=trust, clock=SystemClock()
        )
        database = shown(engine)
    finally:
        engine.dispose()
    lines = [_line(b) for b in report.batches]
    for station, missing in report.gaps.items():
        if missing:
            lines.append(
                f"Station {station}: batch(es) {', '.join(map(str, missing))} not received yet."
            )
    rejected = sum(1 for b in report.batches if b.outcome is Outcome.REJECTED)
    data = {
        "database": database,
        "batches": [_data(b) for b in report.batches],
        "gaps": report.gaps,
    }
    if rejected:
        data["reason"] = f"{rejected} of {len(report.batches)} batches rejected"
    return Report(data=data, lines=lines, ok=report.ok)


def _line(b: BatchIntake) -> str:
    if b.outcome is Outcome.REJECTED:
        return f"{b.path}: REJECTED: {b.reason}"
    line = f"{b.path}: station {b.station}, batch {b.sequence}: "
    if b.outcome is Outcome.ALREADY_LOADED:
        line += "already loaded, nothing changed."
    else:
        line += (
            f"loaded; {b.new:,} new, {b.updated:,} newer versions, {b.unchanged:,} unchanged,"
            f" {b.older:,} older than the centre's."
        )
    return line + (f" Note: {b.note}" if b.note and b.outcome is Outcome.LOADED else "")


def _data(b: BatchIntake) -> dict[str, object]:
    return {
        "path": str(b.path),
        "outcome": b.outcome.value,
        "reason": b.reason,
        "station": b.station,
        "sequence": b.sequence,
        "uuid": b.batch,
        "new": b.new,
        "updated": b.updated,
        "unchanged": b.unchanged,
        "older": b.older,
        "note": b.note,
    }
