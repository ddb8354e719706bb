"""A batch the centre accepts is exactly as the station signed it, and trusted."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from batch_helpers import copy_batch, exporting_station, memory_keyring_installed

from app.batch.format import BAG_INFO, BAGIT, FILES, MANIFEST, PAYLOAD, SIGNATURE, TAGMANIFEST
from app.batch.signature import StationPublicKey
from app.batch.trust import TrustList, TrustListError, read_trust_list
from app.batch.verify import BatchRejected, verify_batch

# What the reason names when a byte of each file is changed.
NAMED = {
    BAGIT: "bagit.txt was changed",
    BAG_INFO: "bag-info.txt was changed",
    MANIFEST: "manifest-sha512.txt was changed",
    PAYLOAD: "entries.jsonl.age was changed",
    TAGMANIFEST: "does not match the tag manifest",
    SIGNATURE: "signature|signed by key",
}


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """A station and the batch it exported, for the tests to copy and damage."""
    with memory_keyring_installed():
        station = exporting_station(tmp_path_factory.mktemp("verify"), entries=20)
        written = station.export()
        assert written is not None
        yield station, written.path


def rejected(path: Path, trust: TrustList) -> str:
    with pytest.raises(BatchRejected) as caught:
        verify_batch(path, trust)
    return str(caught.value)


def test_the_batch_as_written_is_accepted(exported) -> None:
    station, batch = exported

    verified = verify_batch(batch, station.trust)

    assert verified.info.station == "DEMO-01" and verified.info.sequence == 1
    assert verified.key.key_id == station.key.key_id


def positions(name: str, size: int) -> range | list[int]:
    """Every byte of the tag files and the signature; of the payload, its age
    header and MAC, its last chunk, and every 61st byte between (each byte
    of it is under the manifest's SHA-512 alike)."""
    if name != PAYLOAD:
        return range(size)
    return sorted({*range(512), *range(512, size - 512, 61), *range(size - 512, size)})


@pytest.mark.parametrize("name", FILES)
def test_every_changed_byte_is_refused_with_its_file_named(exported, tmp_path, name) -> None:
    station, batch = exported
    damaged = copy_batch(batch, tmp_path)
    original = (damaged / name).read_bytes()
    missed = []
    for position in positions(name, len(original)):
        for flip in (0x01, 0x80):
            data = bytearray(original)
            data[position] ^= flip
            (damaged / name).write_bytes(bytes(data))

            try:
                verify_batch(damaged, station.trust)
            except BatchRejected as e:
                if not re.search(NAMED[name], str(e)):
                    missed.append((position, flip, str(e)))
            else:
                missed.append((position, flip, "accepted"))
    (damaged / name).write_bytes(original)

    assert missed == []
    assert verify_batch(damaged, station.trust).info.sequence == 1, "the copy itself is whole"


@pytest.mark.parametrize("name", FILES)
def test_a_removed_file_is_named(exported, tmp_path, name) -> None:
    station, batch = exported
    damaged = copy_batch(batch, tmp_path)
    (damaged / name).unlink()

    assert rejected(damaged, station.trust) == f"missing file {name}"


@pytest.mark.parametrize("extra", ["data/more.jsonl.age", "notes.txt", "data/sub/x"])
def test_an_added_file_is_named(exported, tmp_path, extra) -> None:
    station, batch = exported
    damaged = copy_batch(batch, tmp_path)
    (damaged / extra).parent.mkdir(exist_ok=True)
    (damaged / extra).write_bytes(b"more")

    reason = rejected(damaged, station.trust)

    assert reason in (f"unexpected file {extra}", "unexpected directory data/sub")


def test_a_truncated_payload_is_named(exported, tmp_path) -> None:
    station, batch = exported
    damaged = copy_batch(batch, tmp_path)
    payload = damaged / PAYLOAD
    payload.write_bytes(payload.read_bytes()[:-100])

    assert "entries.jsonl.age is truncated" in rejected(damaged, station.trust)


def test_a_partial_directory_is_no_batch(exported, tmp_path) -> None:
    station, batch = exported
    partial = tmp_path / (batch.name + ".partial")
    shutil.copytree(batch, partial)

    assert "did not finish (.partial)" in rejected(partial, station.trust)


def test_a_batch_signed_by_an_untrusted_key_is_refused(exported, tmp_path) -> None:
    station, batch = exported
    other = exporting_station(tmp_path, entries=5, seed=9)

    reason = rejected(batch, other.trust)

    assert reason == f"signed by key {station.key.key_id}, which is not in the trust list"


def test_a_key_trusted_for_another_station_does_not_vouch_for_this_one(exported) -> None:
    station, batch = exported
    listed_elsewhere = StationPublicKey("BP-OTHER-01", station.key.line)

    reason = rejected(batch, TrustList.of([listed_elsewhere]))

    assert reason == (
        "signed by the key of station BP-OTHER-01, but the batch claims station DEMO-01"
    )


def test_a_missing_batch_is_named(exported, tmp_path) -> None:
    station, _ = exported

    assert rejected(tmp_path / "nothing", station.trust).endswith("it does not exist")


def test_the_trust_list_is_the_stations_pub_files_one_after_another(exported, tmp_path) -> None:
    station, _ = exported
    other = StationPublicKey("BP-02", exporting_station(tmp_path, entries=5).key.line)
    path = tmp_path / "trusted-stations.txt"
    path.write_text("# our stations\n\n" + station.key.pub_file() + other.pub_file())

    trust = read_trust_list(path)

    assert trust.key(station.key.key_id) == station.key
    assert trust.key(other.key_id) == other


def test_a_station_code_ending_in_a_dash_is_that_station(exported, tmp_path) -> None:
    station, _ = exported
    path = tmp_path / "trust.txt"
    path.write_text(StationPublicKey("AB-", station.key.line).pub_file())

    assert read_trust_list(path).key(station.key.key_id).station == "AB-"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3\n", "naming its station"),
        (
            "untrusted comment: station BP-01 minisign public key 0000000000000000\n"
            "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3\n",
            "the comment names key 0000000000000000",
        ),
        ("untrusted comment: station BP-01\nnot a key\n", "line 2: the public key is not"),
        ("# nothing\n", "holds no key"),
    ],
)
def test_a_trust_list_that_cannot_be_read_says_where(tmp_path, text, reason) -> None:
    path = tmp_path / "trust.txt"
    path.write_text(text)

    with pytest.raises(TrustListError, match=reason):
        read_trust_list(path)
