"""A station on a write-protected stick or a read-only folder: what only
reads works, what writes says the folder is read-only and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from storage_helpers import make_read_only, small_filesystem
from test_cli import ok_json, sohoa


@pytest.fixture
def read_only_station(tmp_path: Path):
    with small_filesystem(tmp_path / "stick") as stick:
        station = stick / "station"
        ok_json(sohoa("demo", "--entries", "40", "--json", data_dir=station))
        make_read_only(stick)
        yield station


def test_what_only_reads_works_on_a_read_only_station(read_only_station, tmp_path) -> None:
    check = ok_json(sohoa("check", "--json", data_dir=read_only_station))
    users = ok_json(sohoa("users", "--json", data_dir=read_only_station))
    backup = ok_json(sohoa("backup", "--to", str(tmp_path / "copy"), "--json",
                           data_dir=read_only_station))  # fmt: skip

    assert check["healthy"] is True
    assert "lead01" in json.dumps(users)
    assert Path(backup["backup"]).exists()


@pytest.mark.parametrize(
    "command", [("export", "--to", "out"), ("quality",), ("demo", "--entries", "5")]
)
def test_what_writes_says_the_folder_is_read_only(read_only_station, command) -> None:
    result = sohoa(*command, data_dir=read_only_station)

    assert result.returncode == 1
    assert result.stderr == (
        f"sohoa {command[0]}: the station's folder {read_only_station} cannot be written"
        " (read-only): nothing was changed\n"
    )
