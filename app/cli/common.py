"""What every command shares: its report, its error, its data directory, its station."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Role, User
from app.station.database import StationDatabase, StationError, open_station
from app.system.paths import default_data_dir


class CommandError(RuntimeError):
    """A failure the operator can act on; its message is the one-line reason."""


class ExitStatus(IntEnum):
    """What a command's exit status tells a script."""

    OK = 0
    # Refused or failed, with the reason on stderr: bad input, a batch refused.
    FAILED = 1
    # An error Sohoa did not expect, logged whole; also argparse's status for
    # a command line it cannot read.
    INTERNAL_ERROR = 2


@dataclass
class Report:
    """A command's result: ``data`` for ``--json``, ``lines`` for people."""

    data: dict[str, Any]
    lines: list[str] = field(default_factory=list)
    ok: bool = True
    # Not ok because of an error Sohoa did not expect (exit status 2).
    internal_error: bool = False


def data_dir_of(args: argparse.Namespace) -> Path:
    return args.data_dir if args.data_dir is not None else default_data_dir()


def writes(args: argparse.Namespace) -> bool:
    """Whether the command ``args`` name writes to the station (its parser
    says so with ``writes``: True, or a function of the arguments)."""
    said = getattr(args, "writes", False)
    return bool(said(args) if callable(said) else said)


def station_of(args: argparse.Namespace) -> StationDatabase:
    """The station in the command's data directory, or the one-line reason
    why not; opened for reading alone when the command only reads."""
    try:
        return open_station(data_dir_of(args), read_only=not writes(args))
    except StationError as e:
        raise CommandError(str(e)) from e


def first_admin(session: Session) -> User:
    """The station's first admin: whom the command line acts as where the
    window would name its user (an import is audited under someone)."""
    admin = session.scalars(
        select(User).where(User.role == Role.ADMIN.value).order_by(User.id).limit(1)
    ).first()
    if admin is None:
        raise CommandError("the station has no admin user")
    return admin


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def new_password(what: str, environment: str) -> str:
    """A password being set: asked twice at the terminal, or read from the
    variable ``environment`` when there is no terminal (scripts, tests)."""
    if sys.stdin.isatty():
        first = getpass.getpass(f"{what.capitalize()}: ")
        if getpass.getpass("Again: ") != first:
            raise CommandError("the two passwords differ")
        return first
    password = os.environ.get(environment)
    if not password:
        raise CommandError(f"no terminal to ask for the {what}: set {environment}")
    return password
