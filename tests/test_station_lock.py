"""One writer at a time on a station: the second waits, then is told who
holds it; a writer that dies lets go."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.station.lock import LOCK_NAME, WINDOW, StationBusy, station_lock

SOHOA = Path(sys.executable).parent / "sohoa"
HOLD = """
import sys
from pathlib import Path
from app.station.lock import station_lock
with station_lock(Path(sys.argv[1]), "sohoa test"):
    print("held", flush=True)
    sys.stdin.read()  # held until the test lets go, or kills it
"""


def sohoa(*args: str, data_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(SOHOA), *args, "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "SOHOA_ADMIN_PASSWORD": "a-long-password"},
    )


def holder_of(data_dir: Path) -> dict:
    text = (data_dir / LOCK_NAME).read_text("utf-8") if (data_dir / LOCK_NAME).exists() else ""
    return json.loads(text) if text else {}


def test_a_second_writer_waits_then_is_told_who_holds_the_station(tmp_path: Path) -> None:
    with station_lock(tmp_path, WINDOW):
        started = time.monotonic()
        with pytest.raises(StationBusy) as busy, station_lock(tmp_path, "sohoa export", wait=0.5):
            pass
        waited = time.monotonic() - started

    assert waited >= 0.5, "it waited a moment first"
    assert str(busy.value).startswith(
        f"the station in {tmp_path} is in use by the Sohoa window (process {os.getpid()} on "
    )
    assert str(busy.value).endswith("nothing was changed; try again once it is done")
    assert busy.value.holder == WINDOW
    with station_lock(tmp_path, "sohoa export", wait=0):
        assert holder_of(tmp_path)["holder"] == "sohoa export", "let go, it is free"
    assert holder_of(tmp_path) == {}, "no one is named once it is let go"


def held_by_a_test(data_dir: Path) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


def let_go(holder: subprocess.Popen[str]) -> None:
    """The holder ends as it would after its work: it lets go of the lock."""
    holder.communicate(timeout=30)


@pytest.mark.parametrize("command", [("demo", "--entries", "10"), ("export", "--to", "stick")])
def test_a_command_that_writes_is_refused_while_another_writer_holds_the_station(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    holder = held_by_a_test(tmp_path)
    try:
        _, refused = sohoa(*command, data_dir=tmp_path).communicate(timeout=120)
    finally:
        let_go(holder)

    assert refused.startswith(
        f"sohoa {command[0]}: the station in {tmp_path} is in use by the command `sohoa test` "
        f"(process {holder.pid} on "
    )
    assert "Traceback" not in refused and len(refused.strip().splitlines()) == 1
    assert not (tmp_path / "sohoa.sqlite3").exists(), "nothing was written"


def test_a_command_that_only_reads_needs_no_lock(tmp_path: Path) -> None:
    made = sohoa("demo", "--entries", "10", data_dir=tmp_path)
    assert made.wait(timeout=300) == 0
    made.stdout.close()
    made.stderr.close()
    holder = held_by_a_test(tmp_path)
    try:
        listed, _ = sohoa("users", "--json", data_dir=tmp_path).communicate(timeout=120)
    finally:
        let_go(holder)

    assert "lead01" in listed


def test_a_writer_that_dies_lets_go_of_the_station(tmp_path: Path) -> None:
    holder = held_by_a_test(tmp_path)
    with (
        pytest.raises(StationBusy, match="in use by the command `sohoa test`"),
        station_lock(tmp_path, "sohoa export", wait=0.2),
    ):
        pass

    holder.send_signal(signal.SIGKILL)  # a power cut, as far as the lock can tell
    holder.communicate(timeout=30)

    with station_lock(tmp_path, "sohoa export", wait=0):
        assert holder_of(tmp_path)["holder"] == "sohoa export"
