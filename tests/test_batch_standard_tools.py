"""The centre can check a batch with standard tools alone: bagit, minisign, age."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import minisign
import pytest
from batch_helpers import exporting_station, tool

from app.batch.format import PAYLOAD, TAGMANIFEST
from app.batch.signature import StationPublicKey

BAGIT = Path(sys.executable).parent / "bagit.py"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, check=False, timeout=120
    )


@pytest.fixture
def exported(tmp_path: Path, memory_keyring):
    station = exporting_station(tmp_path, entries=40)
    written = station.export()
    assert written is not None
    pub = tmp_path / "station.pub"
    pub.write_text(station.key.pub_file())
    return station, written, pub


def test_bagit_validates_the_batch(exported) -> None:
    _, written, _ = exported

    result = run(BAGIT, "--validate", written.path)

    assert result.returncode == 0, result.stderr
    assert "is valid" in result.stderr


def test_minisign_verifies_the_signature_and_shows_the_signed_labels(exported) -> None:
    _, written, pub = exported

    result = run(tool("minisign"), "-V", "-p", pub, "-m", written.path / TAGMANIFEST)

    assert result.returncode == 0, result.stderr
    assert f"station:DEMO-01\tsequence:1\tbatch:{written.uuid}" in result.stdout


def test_minisign_refuses_a_changed_tag_manifest(exported) -> None:
    _, written, pub = exported
    manifest = written.path / TAGMANIFEST
    manifest.write_text(manifest.read_text().replace("bagit.txt", "bagit.TXT"))

    result = run(tool("minisign"), "-V", "-p", pub, "-m", manifest)

    assert result.returncode != 0


def test_age_decrypts_the_summary_and_entries_with_the_centre_identity(exported) -> None:
    station, written, _ = exported

    result = run(tool("age"), "-d", "-i", station.identity, written.path / PAYLOAD)

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    header = json.loads(lines[0])
    assert header == {
        "sohoa_batch": 3,
        "station": "DEMO-01",
        "sequence": 1,
        "batch": written.uuid,
        "entries": written.entries,
        "pages": 0,
    }
    assert len(lines) == written.entries + 2
    assert {"books", "progress", "backlog"} <= set(json.loads(lines[1]))
    assert {"uuid", "version", "kind", "values"} <= set(json.loads(lines[2]))


def test_a_key_made_by_minisign_is_read_as_minisign_reads_it(tmp_path: Path) -> None:
    minisign_tool = tool("minisign")
    pub, secret, message = tmp_path / "k.pub", tmp_path / "k.key", tmp_path / "message"
    message.write_bytes(b"a message")
    made = run(minisign_tool, "-G", "-W", "-p", pub, "-s", secret)
    signed = run(minisign_tool, "-S", "-s", secret, "-m", message, "-t", "trusted words")
    assert made.returncode == 0 and signed.returncode == 0, made.stderr + signed.stderr
    comment, line = pub.read_text().splitlines()

    key = StationPublicKey("BP-01", line)
    signature = minisign.Signature.from_file(f"{message}.minisig")
    key.minisign_key().verify(message.read_bytes(), signature)

    # minisign writes the ID without its leading zeros (printf %X): one key in
    # sixteen starts with one, so the IDs are compared as numbers.
    said = comment.removeprefix("untrusted comment: minisign public key ")
    assert int(said, 16) == int(key.key_id, 16)
    assert signature.trusted_comment == "trusted words"
