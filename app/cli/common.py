"""What every command shares: its report, its error, its data directory."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.paths import default_data_dir


class CommandError(RuntimeError):
    """A failure the operator can act on; its message is the one-line reason."""


@dataclass
class Report:
    """A command's result: ``data`` for ``--json``, ``lines`` for people."""

    data: dict[str, Any]
    lines: list[str] = field(default_factory=list)
    ok: bool = True


def data_dir_of(args: argparse.Namespace) -> Path:
    return args.data_dir if args.data_dir is not None else default_data_dir()


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")
