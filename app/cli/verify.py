"""``sohoa verify``: is this a whole batch, signed by a trusted station?"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from app.batch.files import printable_path
from app.batch.keys import station_public_key
from app.batch.trust import TrustList, TrustListError, read_trust_list
from app.batch.verify import BatchRejected, verify_batch
from app.cli.common import CommandError, Report, add_json_flag, data_dir_of, station_of
from app.db.engine import database_path
from app.system.logs import setup_logging

log = logging.getLogger(__name__)


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "verify",
        parents=[common],
        help="check a batch: structure, signature, trust list, every checksum",
        description="Check a batch as the centre does. Without --trust, the batch must be "
        "signed by the station in --data-dir (a lead checking their own stick). Exit status: "
        "0 valid, 1 rejected, 2 an internal error.",
    )
    parser.add_argument("batch", type=Path, metavar="BATCH", help="the batch's folder")
    add_trust_flag(parser)
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def add_trust_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--trust",
        type=Path,
        metavar="FILE",
        help="the stations' public keys the centre accepts (`sohoa key --public` of each,"
        " one after another)",
    )


def trust_list(path: Path | None) -> TrustList:
    """The trust list in ``path``, or the one-line reason it cannot be read."""
    if path is None:
        raise CommandError("no trust list: give --trust FILE (the stations' public keys)")
    try:
        return read_trust_list(path)
    except TrustListError as e:
        raise CommandError(str(e)) from e


def _own_key(args: argparse.Namespace) -> TrustList:
    if not database_path(data_dir_of(args)).exists():
        return trust_list(None)
    db = station_of(args)
    try:
        key = station_public_key(db.station())
    finally:
        db.close()
    if key is None:
        raise CommandError("this station has no signing key: give --trust FILE")
    return TrustList.of([key])


def run(args: argparse.Namespace) -> Report:
    setup_logging()
    trust = trust_list(args.trust) if args.trust is not None else _own_key(args)
    path = printable_path(args.batch)
    try:
        verified = verify_batch(args.batch, trust)
    except BatchRejected as e:
        return Report(
            data={"batch": path, "valid": False, "result": "rejected", "reason": str(e)},
            lines=[f"{path}: NOT a valid batch."],
            ok=False,
        )
    except Exception as e:
        log.exception("verifying %s failed", path)
        reason = f"internal error ({type(e).__name__}): the log has the details"
        return Report(
            data={"batch": path, "valid": False, "result": "internal error", "reason": reason},
            lines=[f"{path}: could not be checked."],
            ok=False,
            internal_error=True,
        )
    info = verified.info
    return Report(
        data={
            "batch": path,
            "valid": True,
            "result": "valid",
            "station": info.station,
            "sequence": info.sequence,
            "uuid": info.batch,
            "entries": info.entries,
            "format": info.format,
            "scans": len(verified.scans),
            "scan_bytes": verified.scan_bytes,
            "key_id": info.key_id,
            "bagging_date": info.bagging_date.isoformat(),
        },
        lines=[
            f"{path}: a whole batch, signed by station {info.station} (key {info.key_id}).",
            f"  Batch {info.sequence} ({info.batch}), {info.entries:,} entries,"
            f" {len(verified.scans):,} page scans ({verified.scan_bytes / 2**20:,.1f} MB),"
            f" made {info.bagging_date}.",
        ],
    )
