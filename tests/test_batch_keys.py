"""The station's signing key lives in the keyring; the centre's recipient is checked."""

from __future__ import annotations

from pathlib import Path

import minisign
import pytest
from batch_helpers import MemoryKeyring, exporting_station
from sqlalchemy import select

from app.access.keystore import Keystore, open_keystore
from app.batch.age import AgeError, write_identity
from app.batch.keys import (
    StationKeyError,
    create_signing_key,
    load_signing_key,
    set_centre_recipients,
    station_public_key,
)
from app.db.models import Station
from app.station.database import StationError, init_station


def test_a_new_key_is_kept_in_the_keyring_and_named_by_the_station(
    station, memory_keyring: MemoryKeyring
) -> None:
    with station.sessions.begin() as session:
        key = create_signing_key(session, open_keystore())

    assert station_public_key(station.station()) == key
    assert list(memory_keyring.secrets) == [("sohoa", f"station-signing-key/TEST-01/{key.key_id}")]
    secret = load_signing_key(station.station(), open_keystore())
    signature = secret.sign(b"data", trusted_comment="t")
    minisign.PublicKey.from_bytes(key.pub_file().encode()).verify(b"data", signature)
    assert key.pub_file().startswith(
        f"untrusted comment: Sohoa station TEST-01 minisign public key {key.key_id}"
        f" fingerprint {key.fingerprint}\n"
    )


def test_a_station_has_one_signing_key(station, memory_keyring) -> None:
    with station.sessions.begin() as session:
        create_signing_key(session, open_keystore())

    with (
        pytest.raises(StationKeyError, match="already has a signing key"),
        station.sessions.begin() as session,
    ):
        create_signing_key(session, open_keystore())


def test_a_station_without_a_key_is_told_how_to_make_one(station, memory_keyring) -> None:
    with pytest.raises(StationKeyError, match=r"no signing key yet: run `sohoa key --create`"):
        load_signing_key(station.station(), open_keystore())


def test_a_keyring_without_the_stations_key_is_said_plainly(station, memory_keyring) -> None:
    with station.sessions.begin() as session:
        create_signing_key(session, open_keystore())
    elsewhere = Keystore(MemoryKeyring())

    with pytest.raises(StationKeyError, match="is not in the OS keyring"):
        load_signing_key(station.station(), elsewhere)


def test_a_centre_recipient_is_checked_before_it_is_kept(station, tmp_path: Path) -> None:
    recipient = write_identity(tmp_path / "centre.txt")

    with (
        pytest.raises(AgeError, match="'age1nope' is not an age recipient"),
        station.sessions.begin() as session,
    ):
        set_centre_recipients(session, "age1nope")
    with station.sessions.begin() as session:
        set_centre_recipients(session, f"{recipient}, {recipient}")

    with station.sessions() as session:
        kept = session.scalars(select(Station.centre_recipient)).one()
    assert kept == f"{recipient} {recipient}"


def test_init_refuses_a_centre_recipient_that_is_none(tmp_path: Path) -> None:
    with pytest.raises(StationError, match="is not an age recipient"):
        init_station(
            tmp_path / "station",
            code="BP-01",
            office="UBND xã A",
            admin_username="admin",
            admin_password="admin-password",
            centre_recipient="AGE-SECRET-KEY-1QQQ",
        )


def test_the_centre_identity_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "centre.txt"
    recipient = write_identity(path)

    with pytest.raises(AgeError, match="already exists"):
        write_identity(path)

    assert f"# public key: {recipient}" in path.read_text()
    assert path.stat().st_mode & 0o077 == 0, "readable by its owner only"


def test_the_demo_station_exports_to_its_own_demo_centre(tmp_path: Path, memory_keyring) -> None:
    station = exporting_station(tmp_path, entries=5)

    recipient = station.db.station().centre_recipient

    assert recipient is not None and f"# public key: {recipient}" in station.identity.read_text()
