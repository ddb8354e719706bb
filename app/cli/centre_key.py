"""``sohoa centre-key``: make the centre's age identity; print its recipient."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.batch.age import AgeError, write_identity
from app.cli.common import CommandError, Report, add_json_flag


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "centre-key",
        parents=[common],
        help="make the centre's identity (age) and print its recipient for the stations",
        description="Write a new age identity to FILE (never over an existing file) and "
        "print its recipient (age1…), which every station is given to encrypt its batches.",
    )
    parser.add_argument("--out", type=Path, required=True, metavar="FILE", help="identity file")
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> Report:
    try:
        recipient = write_identity(args.out)
    except AgeError as e:
        raise CommandError(str(e)) from e
    if not args.json:
        print(
            f"Centre identity written to {args.out}. Keep it secret, and keep a copy in a"
            " safe place: without it no batch can be read. Its recipient, for the stations:",
            file=sys.stderr,
        )
    return Report(data={"identity": str(args.out), "recipient": recipient}, lines=[recipient])
