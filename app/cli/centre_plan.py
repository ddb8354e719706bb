"""``sohoa centre-plan``: the province's plan imported, and the progress
along it listed (to be folded into ``sohoa centre targets``/``stations``)."""

from __future__ import annotations

import argparse

from app.cli.centre_targets import add_import_parser, add_list_parser


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "centre-plan",
        parents=[common],
        help="the centre: import the province's plan, list the progress along it",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add_import_parser(actions, common, "import")
    add_list_parser(actions, common, "list")
