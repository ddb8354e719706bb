"""``sohoa key``: the station's signing key, shown to the centre or created.

Also the keyring as every command sees it: refused with one line when there
is none, and the plaintext opt-in's warning on stderr at every use.
"""

from __future__ import annotations

import argparse
import sys

from app.access.keystore import KeyringUnavailable, Keystore, open_keystore
from app.batch.keys import StationKeyError, create_signing_key, station_public_key
from app.batch.signature import StationPublicKey
from app.cli.common import CommandError, Report, add_json_flag, station_of
from app.station.database import StationDatabase


def add_parser(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "key",
        parents=[common],
        help="show this station's signing key, or create it",
        description="Without an option: the station's signing key ID and fingerprint. "
        "--public prints the public key as a minisign .pub file for the centre's trust list.",
    )
    what = parser.add_mutually_exclusive_group()
    what.add_argument(
        "--public", action="store_true", help="print the public key (minisign .pub format)"
    )
    what.add_argument(
        "--create",
        action="store_true",
        help="create the signing key (a station made before keys existed, or whose keyring"
        " was missing at init)",
    )
    add_json_flag(parser)
    parser.set_defaults(handler=run, writes=lambda args: args.create)


def cli_keystore(command: str) -> Keystore:
    """The OS keyring for a command, or its one-line refusal."""
    try:
        keystore = open_keystore()
    except KeyringUnavailable as e:
        raise CommandError(f"cannot use the OS keyring: {e}") from e
    if keystore.warning:
        print(f"sohoa {command}: {keystore.warning}", file=sys.stderr)
    return keystore


def try_create_signing_key(db: StationDatabase, command: str) -> StationPublicKey | None:
    """Create the new station's key; without a keyring, say so and go on.

    A station keys entries without a keyring; only exporting needs the key,
    and refuses until ``sohoa key --create`` has made it.
    """
    try:
        keystore = cli_keystore(command)
        with db.sessions.begin() as session:
            return create_signing_key(session, keystore)
    except (CommandError, KeyringUnavailable) as e:
        print(
            f"sohoa {command}: no signing key yet ({e}); run `sohoa key --create` before"
            " the first export",
            file=sys.stderr,
        )
        return None


def key_data(key: StationPublicKey) -> dict[str, str]:
    return {
        "station": key.station,
        "key_id": key.key_id,
        "fingerprint": key.fingerprint,
        "public_key": key.line,
        "pub_file": key.pub_file(),
    }


def run(args: argparse.Namespace) -> Report:
    db = station_of(args)
    try:
        if args.create:
            keystore = cli_keystore("key")
            try:
                with db.sessions.begin() as session:
                    created = create_signing_key(session, keystore)
            except (StationKeyError, KeyringUnavailable) as e:
                raise CommandError(str(e)) from e
            return Report(
                data=key_data(created),
                lines=[
                    f"Signing key {created.key_id} of station {created.station} created; its"
                    f" secret is kept in the OS keyring ({keystore.name}).",
                    f"Give the centre its public key: sohoa key --public > {created.station}.pub",
                ],
            )
        key = station_public_key(db.station())
    finally:
        db.close()
    if key is None:
        raise CommandError("this station has no signing key yet: run `sohoa key --create`")
    if args.public:
        return Report(data=key_data(key), lines=key.pub_file().splitlines())
    return Report(
        data=key_data(key),
        lines=[
            f"Station:     {key.station}",
            f"Key ID:      {key.key_id}",
            f"Fingerprint: {key.fingerprint}",
        ],
    )
