"""The station's keys: its signing key, and the centre's recipients.

The secret half of the signing key is in the OS keyring only. The public
half is kept in the station's database too, so that the key can be shown to
the centre, and a stick checked, without opening the keyring. The centre's
age recipients, which batches are encrypted to, are no secret.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import minisign
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.keystore import Keystore
from app.batch.age import AgeError, parse_recipients
from app.batch.signature import StationPublicKey, new_key_pair, public_line_of
from app.db.models import Station


class KeyProblem(StrEnum):
    HAS_SIGNING_KEY = "has_signing_key"
    NO_SIGNING_KEY = "no_signing_key"
    KEY_NOT_IN_KEYRING = "key_not_in_keyring"
    KEY_DAMAGED = "key_damaged"
    NO_CENTRE_RECIPIENT = "no_centre_recipient"


class StationKeyError(RuntimeError):
    """The station cannot sign or encrypt a batch: the message says what to
    do in English, ``problem`` lets a window say it in the lead's language."""

    def __init__(self, problem: KeyProblem, message: str) -> None:
        super().__init__(message)
        self.problem = problem


@dataclass(frozen=True)
class StationKeys:
    """The station's keys as the lead sees them."""

    signing: StationPublicKey | None  # None while the station has no signing key
    centre_recipient: str  # "" while not set


def station_keys(session: Session) -> StationKeys:
    """The station's public signing key and the centre's recipient, as stored."""
    station = session.scalars(select(Station)).one()
    return StationKeys(station_public_key(station), station.centre_recipient or "")


def keyring_name(station: Station, key: StationPublicKey) -> str:
    """Where the secret key is kept: one entry per station and key."""
    return f"station-signing-key/{station.code}/{key.key_id}"


def station_public_key(station: Station) -> StationPublicKey | None:
    """The station's public key, or None while it has no signing key."""
    if station.signing_key is None:
        return None
    return StationPublicKey(station.code, station.signing_key)


def create_signing_key(session: Session, keystore: Keystore) -> StationPublicKey:
    """Make the station's signing key, keep its secret in the keyring, return its public key.

    The secret is kept (and read back) before the station records the key,
    so a station never names a key that its keyring does not hold.
    """
    station = session.scalars(select(Station)).one()
    if station.signing_key is not None:
        raise StationKeyError(
            KeyProblem.HAS_SIGNING_KEY,
            f"station {station.code} already has a signing key"
            f" ({StationPublicKey(station.code, station.signing_key).key_id})",
        )
    secret, line = new_key_pair()
    key = StationPublicKey(station.code, line)
    keystore.put(keyring_name(station, key), secret.to_base64().decode("ascii"))
    station.signing_key = line
    session.flush()
    return key


def load_signing_key(station: Station, keystore: Keystore) -> minisign.SecretKey:
    """The station's secret key from the keyring, checked against its public key."""
    key = station_public_key(station)
    if key is None:
        raise StationKeyError(
            KeyProblem.NO_SIGNING_KEY,
            f"station {station.code} has no signing key yet: run `sohoa key --create`,"
            " then give the centre the output of `sohoa key --public`",
        )
    kept = keystore.get(keyring_name(station, key))
    if kept is None:
        raise StationKeyError(
            KeyProblem.KEY_NOT_IN_KEYRING,
            f"the signing key {key.key_id} of station {station.code} is not in the OS keyring"
            f" ({keystore.name}): is this the station's own computer and user?",
        )
    try:
        secret = minisign.SecretKey.from_base64(kept)
    except minisign.ParseError as e:
        raise StationKeyError(
            KeyProblem.KEY_DAMAGED, f"the signing key kept in the OS keyring is damaged: {e}"
        ) from e
    if public_line_of(secret) != key.line:
        raise StationKeyError(
            KeyProblem.KEY_DAMAGED,
            f"the key kept in the OS keyring is not the station's signing key {key.key_id}",
        )
    return secret


def centre_recipients(station: Station) -> list[str]:
    """The centre's age recipients that batches are encrypted to."""
    if not station.centre_recipient:
        raise StationKeyError(
            KeyProblem.NO_CENTRE_RECIPIENT,
            f"station {station.code} has no centre recipient to encrypt to: set it with"
            " `sohoa centre-recipient age1…` (the centre gets one from `sohoa centre-key`)",
        )
    return station.centre_recipient.split()


def set_centre_recipients(session: Session, text: str) -> list[str]:
    """Encrypt the next batches to the recipients in ``text`` (checked; age1…)."""
    recipients = parse_recipients(text)
    if len(" ".join(recipients)) > Station.centre_recipient.type.length:
        raise AgeError("too many centre recipients: three at most")
    station = session.scalars(select(Station)).one()
    station.centre_recipient = " ".join(recipients)
    session.flush()
    return recipients
