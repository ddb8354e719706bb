"""The ``sohoa`` command line: a stable interface (README, "Command line").

Every command takes ``--data-dir`` and, where it reports, ``--json``. Exit
status 0 on success; otherwise one line on stderr says why. A command that
writes to the station holds the station's lock (app.station.lock) while it
runs, as the window does: one writer at a time. The desktop app
itself is started by ``ui.launch`` when no command is given, so that this
package stays free of Qt.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from importlib import import_module
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from app import __version__
from app.cli.common import CommandError, ExitStatus, Report, data_dir_of, writes
from app.station.lock import StationBusy, StationUnwritable, station_lock
from app.system.failures import StorageFailure, storage_failure

# The commands, in the order of `sohoa --help`. Each is the module
# app.cli.<name, "-" as "_">, whose add_parser(subparsers, common) sets the
# parser's ``handler``: a function of the parsed arguments returning a
# Report. They are imported only when a command is given (or help asked
# for): opening the window loads none of them, nor what they use.
COMMANDS = (
    "init",
    "demo",
    "demo-centre",
    "check",
    "backup",
    "users",
    "tally",
    "report",
    "books",
    "scans",
    "handoff",
    "quality",
    "bench",
    "key",
    "centre-key",
    "centre-recipient",
    "export",
    "verify",
    "intake",
    "centre",
)
HELP = ("-h", "--help")


def names_a_command(argv: Sequence[str]) -> bool:
    """Whether ``argv`` may name a command (or ask for help): if not, the
    parser needs none of them."""
    return any(arg in COMMANDS or arg in HELP for arg in argv)


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sohoa", description="Keying station for civil-status register books."
    )
    _add_data_dir(parser, default=None)
    parser.add_argument("--version", action="version", version=f"sohoa {__version__}")
    parser.add_argument(
        "--language", choices=("vi", "en"), help="language of the window (default: vi)"
    )
    # For `sohoa bench`: start as usual, print one line once the login window
    # is up, and quit. Not for people, hence no help.
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the window offscreen, key one entry of each kind, check them, exit",
    )
    # --data-dir is taken before or after the command; after it, it must not
    # reset a value given before it, hence no default there.
    parser.set_defaults(command=None)
    if not with_commands:
        return parser
    common = argparse.ArgumentParser(add_help=False)
    _add_data_dir(common, default=argparse.SUPPRESS)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        import_module(f"app.cli.{name.replace('-', '_')}").add_parser(subparsers, common)
    return parser


def _add_data_dir(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=default,
        help="the station's data directory (default: $SOHOA_DATA_DIR or the user data dir)",
    )


# What a command says when the station's storage failed under it.
STORAGE_FAILED = {
    StorageFailure.LOCKED: "the database is locked by another program: nothing was changed;"
    " try again in a moment",
    StorageFailure.FULL: "the disk is full: nothing was changed; free some space and try again",
    StorageFailure.READ_ONLY: "the station's database cannot be written (read-only):"
    " nothing was changed",
    StorageFailure.DAMAGED: "the station's database is damaged: nothing was changed;"
    " `sohoa check` names the backup to restore",
}


def run(args: argparse.Namespace) -> int:
    """Run the command chosen in ``args``; print its report; return the exit status."""
    handler: Callable[[argparse.Namespace], Report] = args.handler
    try:
        if writes(args):
            # One writer at a time on a station: the window, or this command.
            with station_lock(data_dir_of(args), f"sohoa {args.command}"):
                report = handler(args)
        else:
            report = handler(args)
    except (CommandError, StationBusy, StationUnwritable) as e:
        print(f"sohoa {args.command}: {e}", file=sys.stderr)
        return ExitStatus.FAILED
    except (DBAPIError, sqlite3.Error, OSError) as e:
        failure = storage_failure(e)
        if failure in (None, StorageFailure.OTHER):
            raise
        print(f"sohoa {args.command}: {STORAGE_FAILED[failure]}", file=sys.stderr)
        return ExitStatus.FAILED
    try:
        _print(report, as_json=getattr(args, "json", False))
    except BrokenPipeError:
        # The reader stopped early (`sohoa books list | head`): what it read
        # is what it wanted. Python's own flush at exit must not fail too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if not report.ok:
        print(f"sohoa {args.command}: {report.data.get('reason', 'failed')}", file=sys.stderr)
        return ExitStatus.INTERNAL_ERROR if report.internal_error else ExitStatus.FAILED
    return ExitStatus.OK


def _print(report: Report, as_json: bool) -> None:
    if as_json:
        json.dump(report.data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for line in report.lines:
            print(line)
    sys.stdout.flush()


__all__ = ["build_parser", "data_dir_of", "names_a_command", "run"]
