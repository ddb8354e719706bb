"""A batch that is not as a station writes it is refused with its reason, whoever signed it.

With a real station's key (stolen, or misused), tag files and labels in any
other form than Sohoa's; without any key, a stick holding pipes, devices,
sockets or links where files should be, or files of any size. Each is
refused with the file named and what is wrong, promptly, reading no more
than the bag says.
"""

from __future__ import annotations

import os
import re
import socket
import stat
import subprocess
import sys
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from batch_helpers import copy_batch, memory_keyring_installed
from hostile_batches import HostileStation, hostile_station

from app.batch.format import (
    BAG_INFO,
    BAGIT,
    MANIFEST,
    PAYLOAD,
    SIGNATURE,
    TAGMANIFEST,
    BatchRejected,
)
from app.batch.limits import MAX_PAYLOAD_BYTES
from app.batch.verify import verify_batch

SOHOA = Path(sys.executable).parent / "sohoa"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostileStation]:
    with memory_keyring_installed():
        yield hostile_station(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def good_batch(hostile: HostileStation, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile.batch(tmp_path_factory.mktemp("good"))


def rejected(path: Path, hostile: HostileStation) -> str:
    with pytest.raises(BatchRejected) as caught:
        verify_batch(path, hostile.trust)
    return str(caught.value)


def replacing(old: str, new: str) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        assert old.encode() in data, old
        return data.replace(old.encode(), new.encode())

    return change


def test_a_hostile_stations_batch_as_a_station_writes_it_is_valid(hostile, good_batch) -> None:
    assert verify_batch(good_batch, hostile.trust).info.station == hostile.code


@pytest.mark.parametrize(
    ("name", "change", "reason"),
    [
        (BAG_INFO, lambda d: d.replace(b"UBND", b"UBND \xff"), "bag-info.txt is not UTF-8 text"),
        (BAG_INFO, lambda d: d.replace(b"UBND", b"UBND \xed\xa0\x80"), "not UTF-8 text"),
        (BAGIT, lambda d: d + b"\xc3", "bagit.txt is not UTF-8 text: byte 0xc3 at position 54"),
        (MANIFEST, lambda d: b"\xfe" + d, "manifest-sha512.txt is not UTF-8 text: byte 0xfe"),
        (BAG_INFO, lambda d: b"\xef\xbb\xbf" + d, "bag-info.txt begins with a byte order mark"),
        (BAG_INFO, lambda d: d.replace(b"\n", b"\r\n"), "line 1 holds a control character U+000D"),
        (BAG_INFO, lambda d: d.replace(b"UBND", b"UBND\x00"), "holds a control character U+0000"),
        (BAG_INFO, lambda d: d[:-1], "bag-info.txt is empty or does not end with a whole line"),
        (BAG_INFO, lambda d: b"", "bag-info.txt is empty"),
        (BAG_INFO, lambda d: d + b"Contact-Name: X\n", "has an unknown field 'Contact-Name'"),
        (
            BAG_INFO,
            lambda d: d + b"Sohoa-Station: BP-99\n",
            "bag-info.txt gives Sohoa-Station twice",
        ),
        (BAG_INFO, lambda d: d + b"  continued\n", "bag-info.txt line 12 is not 'Name: value'"),
        (BAG_INFO, replacing("Sohoa-Batch-Sequence: 1", "Sohoa-Batch-Sequence: 01"), "'01' is not"),
        (BAG_INFO, replacing("Sohoa-Batch-Sequence: 1", "Sohoa-Batch-Sequence: ١"), "'١' is not"),
        (
            BAG_INFO,
            replacing("Sohoa-Batch-Sequence: 1", "Sohoa-Batch-Sequence: 99999999999999999999"),
            "is not a whole number from 1 to 2,147,483,647",
        ),
        (
            BAG_INFO,
            lambda d: re.sub(rb"Sohoa-Entry-Count: \d+", b"Sohoa-Entry-Count: 10001", d),
            "Sohoa-Entry-Count '10001' is not a whole number from 1 to 10,000",
        ),
        (BAG_INFO, replacing("Sohoa-Batch-Format: 3", "Sohoa-Batch-Format: 4"), "a newer version"),
        (BAG_INFO, replacing("Bagging-Date: 2026-11-22", "Bagging-Date: 2026-13-22"), "not a date"),
        (BAG_INFO, replacing("Bagging-Date: 2026-11-22", "Bagging-Date: 20261122"), "not a date"),
        (BAG_INFO, replacing(".1\n", ".2\n"), "Payload-Oxum"),
        (BAG_INFO, replacing("Payload-Oxum: ", "Payload-Oxum: 9" * 30), "is not 'BYTES.FILES'"),
        (BAGIT, replacing("1.0", "0.97"), "bagit.txt does not declare BagIt 1.0 in UTF-8"),
        (MANIFEST, lambda d: d.upper(), "manifest-sha512.txt line 1 is not 'SHA-512  path'"),
        (MANIFEST, lambda d: d + d, "lists data/entries.jsonl.age twice"),
        (MANIFEST, lambda d: d.replace(b"data/", b"data/../data/"), "does not list exactly"),
        (TAGMANIFEST, lambda d: d + d[:130] + b"notes.txt\n", "does not list exactly"),
    ],
)
def test_a_tag_file_not_in_sohoas_form_is_refused_with_its_name(
    hostile, tmp_path, name, change, reason
) -> None:
    batch = hostile.batch(tmp_path, edit={name: change})

    assert reason in rejected(batch, hostile)


@pytest.mark.parametrize(
    ("comment", "reason"),
    [
        ("anything at all", "the signed comment 'anything at all' is not a Sohoa batch's"),
        (
            "station:DEMO-01\tsequence:01\tbatch:00000000-0000-4000-8000-000000000000",
            "the signed sequence '01' is not a whole number from 1 to 2,147,483,647",
        ),
        (
            "station:DEMO-01\tsequence:1\tbatch:00000000-0000-4000-8000-00000000000G",
            "the signed batch UUID '00000000-0000-4000-8000-00000000000G' is not a UUID",
        ),
    ],
)
def test_a_signed_comment_not_in_sohoas_form_is_refused(hostile, tmp_path, comment, reason) -> None:
    batch = hostile.batch(tmp_path, comment=comment)

    assert rejected(batch, hostile) == reason


def test_a_renamed_batch_folder_is_refused(hostile, good_batch, tmp_path) -> None:
    renamed = tmp_path / "sohoa-DEMO-01-000002"
    copy_batch(good_batch, tmp_path).rename(renamed)

    assert rejected(renamed, hostile) == (
        "the folder is named sohoa-DEMO-01-000002, but it holds batch 1 of station DEMO-01,"
        " which is named sohoa-DEMO-01-000001"
    )


def fifo(path: Path) -> None:
    os.mkfifo(path)


def unix_socket(path: Path) -> None:
    # Bound by a name relative to its folder: a socket's path is short.
    here = Path.cwd()
    os.chdir(path.parent)
    try:
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(path.name)
    finally:
        os.chdir(here)


def device(path: Path) -> None:
    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 5))  # /dev/zero: never ends
    except PermissionError:
        pytest.skip("making a device file needs root")


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (fifo, "named pipe (FIFO)"),
        (unix_socket, "socket"),
        (device, "character device"),
        (lambda p: p.symlink_to("/dev/zero"), "link"),
    ],
)
@pytest.mark.parametrize("name", [PAYLOAD, BAG_INFO, SIGNATURE])
def test_a_special_file_in_place_of_a_file_is_refused_unopened(
    hostile, good_batch, tmp_path, make, kind, name
) -> None:
    batch = copy_batch(good_batch, tmp_path)
    (batch / name).unlink()
    make(batch / name)

    assert rejected(batch, hostile) == f"{name} is a {kind}, not a file: it was not opened"


def test_a_special_file_beside_the_files_is_named(hostile, good_batch, tmp_path) -> None:
    batch = copy_batch(good_batch, tmp_path)
    fifo(batch / "data" / "more")

    assert rejected(batch, hostile) == "unexpected named pipe (FIFO) data/more"


def test_a_folder_of_a_million_files_is_refused_without_listing_them_all(
    hostile, good_batch, tmp_path
) -> None:
    batch = copy_batch(good_batch, tmp_path)
    for number in range(100):
        (batch / "data" / f"{number:03d}").write_bytes(b"")

    assert rejected(batch, hostile) == "data/ holds more than 64 entries: it is not a batch"


@pytest.mark.parametrize("command", ["verify", "intake"])
def test_a_pipe_on_the_stick_does_not_hang_the_command(
    hostile, good_batch, tmp_path, command
) -> None:
    """What hung `sohoa verify` and `sohoa intake` until they were killed."""
    batch = copy_batch(good_batch, tmp_path)
    (batch / PAYLOAD).unlink()
    fifo(batch / PAYLOAD)
    trust = tmp_path / "trust.txt"
    trust.write_text(hostile.key.pub_file())
    identity = tmp_path / "identity.txt"
    identity.write_text("".join(f"{i}\n" for i in hostile.identities))
    extra = ["--db", tmp_path / "c.sqlite3", "--identity", identity] if command == "intake" else []

    result = subprocess.run(
        [SOHOA, command, batch, "--trust", trust, *extra],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 1
    assert (
        "data/entries.jsonl.age is a named pipe (FIFO), not a file" in result.stdout + result.stderr
    )
    assert "Traceback" not in result.stderr


def test_a_huge_sparse_payload_is_refused_by_its_size_alone(hostile, good_batch, tmp_path) -> None:
    batch = copy_batch(good_batch, tmp_path)
    os.truncate(batch / PAYLOAD, 2**40)  # a terabyte, on no disk: nothing to read

    assert rejected(batch, hostile) == (
        f"data/entries.jsonl.age is too large: {2**40:,} bytes, and a batch's payload takes at"
        f" most {MAX_PAYLOAD_BYTES:,}"
    )


def test_a_payload_padded_past_its_size_is_refused_before_it_is_read(
    hostile, good_batch, tmp_path
) -> None:
    batch = copy_batch(good_batch, tmp_path)
    size = (batch / PAYLOAD).stat().st_size
    os.truncate(batch / PAYLOAD, 100_000_000)
    tracemalloc.start()

    reason = rejected(batch, hostile)

    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert reason == (
        f"data/entries.jsonl.age is truncated or padded: 100,000,000 bytes, bag-info.txt says"
        f" {size:,}"
    )
    assert peak < 2_000_000


def test_a_large_payload_as_signed_is_read_a_chunk_at_a_time(hostile, tmp_path) -> None:
    """Signed as it is, so every byte of it is read and hashed, in little memory."""
    sparse = tmp_path / "sparse"
    with open(sparse, "wb") as file:
        file.truncate(40_000_000)
    batch = hostile.batch(tmp_path, payload=sparse.read_bytes())
    tracemalloc.start()

    verified = verify_batch(batch, hostile.trust)

    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert verified.info.station == hostile.code
    assert peak < 2_000_000
