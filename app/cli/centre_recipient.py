"""``sohoa centre-recipient``: show or set whom this station's batches are for."""

from __future__ import annotations

import argparse

from app.batch.age import AgeError
from app.batch.keys import set_centre_recipients
from app.cli.common import CommandError, Report, add_json_flag, station_of


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "centre-recipient",
        parents=[common],
        help="show or set the centre's recipient(s) that batches are encrypted to",
    )
    parser.add_argument(
        "recipients",
        nargs="*",
        metavar="RECIPIENT",
        help="the centre's age recipient(s), age1… (replace those set before)",
    )
    add_json_flag(parser)
    parser.set_defaults(handler=run, writes=True)


def run(args: argparse.Namespace) -> Report:
    db = station_of(args)
    try:
        if args.recipients:
            with db.sessions.begin() as session:
                recipients = set_centre_recipients(session, " ".join(args.recipients))
        else:
            recipients = (db.station().centre_recipient or "").split()
    except AgeError as e:
        raise CommandError(str(e)) from e
    finally:
        db.close()
    if not recipients:
        lines = ["No centre recipient is set: batches cannot be exported yet."]
    else:
        lines = [
            ("Batches are now encrypted to:" if args.recipients else "Batches are encrypted to:"),
            *recipients,
        ]
    return Report(data={"recipients": recipients}, lines=lines)
