"""The ``sohoa`` program: the desktop app, or a command-line command.

The command line lives in ``app.cli`` (no Qt); only when no command is given
is Qt imported and the window opened (or, for ``sohoa centre --db URL``
alone, the centre's window), so that the centre's scripted intake
runs on machines without a screen or Qt libraries in memory.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from app.cli import build_parser, data_dir_of, names_a_command, run


def main(argv: Sequence[str] | None = None) -> int:
    _give_streams_to_a_windowed_program()
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(with_commands=names_a_command(argv)).parse_args(argv)
    if _opens_the_centre_window(args):
        from ui.centre.app import run_centre_window

        return run_centre_window(args.db, language=args.language)
    if args.command is not None:
        return run(args)
    if args.self_test:
        from ui.self_test import run_self_test

        return run_self_test()
    from ui.app import run_desktop

    return run_desktop(data_dir_of(args), language=args.language, probe=args.startup_probe)


def _opens_the_centre_window(args: argparse.Namespace) -> bool:
    """``sohoa centre --db URL``, with no action."""
    return args.command == "centre" and args.action is None and hasattr(args, "db")


def _give_streams_to_a_windowed_program() -> None:
    """The installed sohoa.exe on Windows is a windowed program: it has no
    console, and Python gives it no standard streams. A command given to it
    (a scheduled ``sohoa.exe backup --to E:\\``) still runs, its report
    discarded; sohoa-cli.exe is the one that prints (packaging/README.md)."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


if __name__ == "__main__":
    sys.exit(main())
