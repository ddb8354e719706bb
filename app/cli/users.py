"""``sohoa users``: the station's users, and a password reset from the
machine itself (for an admin who forgot their own; the window's Users
dialog is where an admin manages the others)."""

from __future__ import annotations

import argparse

from sqlalchemy import select

from app.access.passwords import WeakPasswordError
from app.access.users import list_users, reset_password
from app.cli.common import CommandError, Report, add_json_flag, new_password, station_of
from app.db.models import User
from app.system.clock import SystemClock

PASSWORD_ENV = "SOHOA_NEW_PASSWORD"


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "users",
        parents=[common],
        help="list the station's users, or give one a temporary password",
        description="List the users with their role and state. With --reset, give USER a "
        "temporary password (asked for at the terminal, or read from "
        f"${PASSWORD_ENV} when there is no terminal): it ends a lockout, and the user "
        "chooses their own password at the next login.",
    )
    parser.add_argument("--reset", metavar="USER", help="give USER a temporary password")
    add_json_flag(parser)
    parser.set_defaults(handler=run, writes=lambda args: args.reset is not None)


def run(args: argparse.Namespace) -> Report:
    db = station_of(args)
    clock = SystemClock()
    try:
        if args.reset is not None:
            name = args.reset.strip().lower()
            with db.sessions() as session:
                if session.scalar(select(User.id).where(User.username == name)) is None:
                    raise CommandError(f"there is no user {name!r} on this station")
            temporary = new_password("temporary password", PASSWORD_ENV)
            with db.sessions.begin() as session:
                target = session.scalars(select(User).where(User.username == name)).one()
                try:
                    reset_password(session, clock, None, target, temporary)
                except WeakPasswordError as e:
                    raise CommandError(str(e)) from e
        with db.sessions() as session:
            users = list_users(session, clock)
    finally:
        db.close()
    lines = [f"{'user':<16} {'role':<6} state"]
    for user in users:
        state = (
            "no access" if not user.active
            else "locked out" if user.locked
            else "temporary password" if user.must_change_password
            else "active"
        )  # fmt: skip
        lines.append(f"{user.username:<16} {user.role.value:<6} {state}  ({user.full_name})")
    if args.reset is not None:
        lines.append(f"{args.reset} has a temporary password: they choose their own at login.")
    return Report(
        data={
            "users": [
                {
                    "username": u.username,
                    "full_name": u.full_name,
                    "role": u.role.value,
                    "active": u.active,
                    "locked": u.locked,
                    "temporary_password": u.must_change_password,
                }
                for u in users
            ],
            "reset": args.reset,
        },
        lines=lines,
    )
