"""``sohoa init``: create the station database, its admin user and signing key."""

from __future__ import annotations

import argparse

from app.access.passwords import WeakPasswordError
from app.cli.common import CommandError, Report, add_json_flag, data_dir_of, new_password
from app.cli.key import try_create_signing_key
from app.station.database import StationError, init_station
from app.work import settings

PASSWORD_ENV = "SOHOA_ADMIN_PASSWORD"


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "init",
        parents=[common],
        help="create the station database, admin user and signing key",
        description="Create the station database, its admin user and its signing key (kept "
        "in the OS keyring). The password is asked for at the terminal, or read from "
        f"${PASSWORD_ENV} when there is no terminal.",
    )
    parser.add_argument("--station", required=True, help="station code, e.g. BP-DONGPHU-01")
    parser.add_argument("--office", required=True, help="office name, e.g. 'UBND xã Tân Lập'")
    parser.add_argument(
        "--locality",
        help="the station's own commune as of January 2025, e.g. "
        "'Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước': its places are suggested first",
    )
    parser.add_argument("--admin", default="admin", help="admin user name (default: admin)")
    parser.add_argument("--centre-recipient", help="the centre's age recipient (age1…)")
    add_json_flag(parser)
    parser.set_defaults(handler=run, writes=True)


def run(args: argparse.Namespace) -> Report:
    data_dir = data_dir_of(args)
    try:
        db = init_station(
            data_dir,
            code=args.station,
            office=args.office,
            admin_username=args.admin,
            admin_password=new_password("admin password", PASSWORD_ENV),
            centre_recipient=args.centre_recipient,
            locality=args.locality,
        )
    except (StationError, WeakPasswordError) as e:
        raise CommandError(str(e)) from e
    try:
        key = try_create_signing_key(db, "init")
        with db.sessions() as session:
            commune = settings.locality(session)
    finally:
        db.close()
    lines = [
        f"Station {args.station} ({args.office}) created in {data_dir}.",
        f"Admin user: {args.admin}.",
    ]
    if commune is not None:
        lines.append(f"Its commune: {commune.full_path}.")
    if key is not None:
        lines.append(
            f"Signing key {key.key_id} kept in the OS keyring; give the centre"
            " `sohoa key --public`."
        )
    return Report(
        data={
            "station": args.station,
            "office": args.office,
            "locality": commune.full_path if commune else None,
            "data_dir": str(data_dir),
            "database": str(db.path),
            "admin": args.admin,
            "signing_key_id": key.key_id if key else None,
        },
        lines=lines,
    )
