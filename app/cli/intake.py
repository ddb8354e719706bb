"""``sohoa intake``: load batches into the central database, idempotently."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from app.batch.age import AgeError, read_identities
from app.batch.files import printable_path
from app.centre.database import CentralDatabaseError, centre_scans, open_central, shown
from app.centre.intake import (
    BatchIntake,
    IntakeReport,
    IntakeResult,
    Outcome,
    SequenceGaps,
    intake_batches,
)
from app.cli.common import CommandError, Report, add_json_flag
from app.cli.verify import add_trust_flag, trust_list
from app.scans.store import ScanStore
from app.system.clock import SystemClock
from app.system.logs import setup_logging


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "intake",
        parents=[common],
        help="verify, decrypt and load batches into the central database",
        description="Each batch is verified against the trust list, decrypted with the "
        "centre's identity and loaded in one transaction. A batch loaded before changes "
        "nothing; a newer version of an entry replaces the older; missing sequence numbers "
        "are reported. Exit status: 0 all loaded, 1 some rejected, 2 an internal error.",
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
    parser.add_argument(
        "--scans",
        type=Path,
        metavar="DIR",
        help="where the centre keeps the page scans the batches carry (default: beside a"
        " SQLite file, FILE.scans; required with a PostgreSQL URL)",
    )
    add_trust_flag(parser)
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> Report:
    setup_logging()
    trust = trust_list(args.trust)
    try:
        identities = read_identities(args.identity)
        engine = open_central(args.db)
    except (AgeError, CentralDatabaseError) as e:
        raise CommandError(str(e)) from e
    try:
        try:
            scans = ScanStore(centre_scans(engine, args.scans))
        except CentralDatabaseError as e:
            raise CommandError(str(e)) from e
        report = intake_batches(
            engine, args.batches, identities=identities, trust=trust, clock=SystemClock(),
            scans=scans,
        )  # fmt: skip
        database = shown(engine)
    finally:
        engine.dispose()
    lines = [_line(b) for b in report.batches]
    lines += [_gap_line(station, gaps) for station, gaps in report.gaps.items() if gaps.missing]
    if report.gaps_failed is not None:
        lines.append(f"The missing batches could not be listed: {report.gaps_failed}.")
    data = {
        "database": database,
        "scans": str(scans.root),
        "result": report.result.value,
        "batches": [_data(b) for b in report.batches],
        "gaps": {station: _gap_data(gaps) for station, gaps in report.gaps.items()},
    }
    if not report.ok:
        data["reason"] = _reason(report)
    return Report(
        data=data,
        lines=lines,
        ok=report.ok,
        internal_error=report.result is IntakeResult.INTERNAL_ERROR,
    )


def _reason(report: IntakeReport) -> str:
    counts = Counter(b.outcome for b in report.batches)
    parts = [
        f"{counts[outcome]} of {len(report.batches)} batches {word}"
        for outcome, word in (
            (Outcome.REJECTED, "rejected"),
            (Outcome.INTERNAL_ERROR, "met an internal error"),
        )
        if counts[outcome]
    ]
    if report.gaps_failed is not None:
        parts.append("the missing batches could not be listed")
    return "; ".join(parts)


def _line(b: BatchIntake) -> str:
    path = printable_path(b.path)
    if b.outcome is Outcome.REJECTED:
        return f"{path}: REJECTED: {b.reason}"
    if b.outcome is Outcome.INTERNAL_ERROR:
        return f"{path}: INTERNAL ERROR: {b.reason}"
    line = f"{path}: station {b.station}, batch {b.sequence}: "
    if b.outcome is Outcome.ALREADY_LOADED:
        line += "already loaded, nothing changed."
    else:
        line += (
            f"loaded; {b.new:,} new, {b.updated:,} newer versions, {b.unchanged:,} unchanged,"
            f" {b.older:,} older than the centre's."
        )
        if b.scans:
            line += f" {b.scans:,} page scans, {b.pages:,} pages new or replaced."
        if b.summary_kept:
            line += " Its summary of the station is now the centre's newest."
    return line + (f" Note: {b.note}" if b.note and b.outcome is Outcome.LOADED else "")


def _gap_line(station: str, gaps: SequenceGaps) -> str:
    """``Station BP-01: batch(es) 2, 5–9 not received yet (6 in all).``, one short line
    however many are missing."""
    listed = ", ".join(f"{a:,}" if a == b else f"{a:,}–{b:,}" for a, b in gaps.ranges)
    if gaps.more_ranges:
        listed += f" and {gaps.more_ranges:,} more runs"
    count = f" ({gaps.missing:,} in all)" if gaps.missing > len(gaps.ranges) else ""
    return f"Station {station}: batch(es) {listed} not received yet{count}."


def _gap_data(gaps: SequenceGaps) -> dict[str, object]:
    return {
        "missing": gaps.missing,
        "ranges": [list(r) for r in gaps.ranges],
        "more_ranges": gaps.more_ranges,
    }


def _data(b: BatchIntake) -> dict[str, object]:
    return {
        "path": printable_path(b.path),
        "outcome": b.outcome.value,
        "reason": b.reason,
        "station": b.station,
        "sequence": b.sequence,
        "uuid": b.batch,
        "new": b.new,
        "updated": b.updated,
        "unchanged": b.unchanged,
        "older": b.older,
        "scans": b.scans,
        "pages": b.pages,
        "summary_kept": b.summary_kept,
        "note": b.note,
    }
