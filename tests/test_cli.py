"""The command line, end to end, as an operator runs it."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

SOHOA = Path(sys.executable).parent / "sohoa"
PASSWORD = "station-password"
INIT = ("init", "--station", "BP-01", "--office", "UBND xã A")


def sohoa(*args: str, data_dir: Path | None, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``sohoa ARGS --data-dir DATA_DIR`` (no --data-dir when it is None)."""
    environment = {**os.environ, "SOHOA_ADMIN_PASSWORD": PASSWORD, **env}
    where = [] if data_dir is None else ["--data-dir", str(data_dir)]
    return subprocess.run(
        [str(SOHOA), *args, *where],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=environment,
        check=False,
        timeout=300,
    )


def ok_json(result: subprocess.CompletedProcess[str]) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_init_demo_check_backup(tmp_path: Path) -> None:
    data_dir = tmp_path / "station"

    created = ok_json(
        sohoa(
            "init",
            "--station",
            "BP-DP-01",
            "--office",
            "UBND xã Tân Lập",
            "--locality",
            "tan lap, dong phu, binh phuoc",
            "--json",
            data_dir=data_dir,
        )
    )
    demo = ok_json(sohoa("demo", "--entries", "5000", "--json", data_dir=data_dir))
    health = ok_json(sohoa("check", "--json", data_dir=data_dir))
    backup = ok_json(sohoa("backup", "--to", str(tmp_path / "stick"), "--json", data_dir=data_dir))

    assert created["station"] == "BP-DP-01"
    assert created["locality"] == "Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước"
    assert demo["created"] is False and demo["entries"] == 5000
    assert set(demo["by_kind"]) == {"birth", "marriage", "death", "adoption"}
    assert health["healthy"] is True
    assert health["database"]["integrity"] == "ok"
    assert health["migrations"]["current"] is True
    assert sum(health["entries"].values()) == 5000
    copy = Path(backup["backup"])
    assert copy.parent == tmp_path / "stick"
    with sqlite3.connect(copy) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM entries").fetchone() == (5000,)
        assert db.execute("SELECT code FROM station").fetchone() == ("BP-DP-01",)


def test_demo_on_an_empty_data_dir_makes_a_ready_station(tmp_path: Path) -> None:
    result = sohoa("demo", "--entries", "300", data_dir=tmp_path / "demo")

    assert result.returncode == 0, result.stderr
    assert "Demo station DEMO-01" in result.stdout
    assert "300 entries" in result.stdout
    assert "clerk01" in result.stdout  # how to log in is said once


def test_human_output_of_check(tmp_path: Path) -> None:
    sohoa(*INIT, data_dir=tmp_path)

    result = sohoa("check", data_dir=tmp_path)

    assert result.returncode == 0
    assert "Integrity:  ok" in result.stdout
    assert result.stdout.rstrip().endswith("Healthy.")


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (("check",), "no station database"),
        (("backup", "--to", "/tmp/x"), "no station in"),
        (("init", "--station", "bad code", "--office", "X"), "station code 'bad code'"),
        (("demo", "--entries", "-1"), "--entries must be 0 or more"),
    ],
)
def test_failures_exit_non_zero_with_one_line(tmp_path: Path, args: tuple[str, ...], reason: str):
    result = sohoa(*args, data_dir=tmp_path / "nothing-here")

    assert result.returncode != 0
    assert reason in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_init_refuses_a_second_station_in_the_same_dir(tmp_path: Path) -> None:
    first = sohoa(*INIT, data_dir=tmp_path)
    second = sohoa("init", "--station", "BP-02", "--office", "UBND xã B", data_dir=tmp_path)

    assert first.returncode == 0
    assert second.returncode == 1
    assert "already holds a station" in second.stderr


def test_init_refuses_a_locality_that_is_not_one_commune(tmp_path: Path) -> None:
    result = sohoa(*INIT, "--locality", "Tân Lập", data_dir=tmp_path)

    assert result.returncode == 1
    assert "does not name one commune" in result.stderr
    assert not (tmp_path / "sohoa.sqlite3").exists()


def test_init_without_terminal_needs_the_password_from_the_environment(tmp_path: Path) -> None:
    result = sohoa(
        *INIT,
        data_dir=tmp_path,
        SOHOA_ADMIN_PASSWORD="",
    )

    assert result.returncode == 1
    assert "SOHOA_ADMIN_PASSWORD" in result.stderr
    assert not (tmp_path / "sohoa.sqlite3").exists()


def test_init_refuses_a_short_password(tmp_path: Path) -> None:
    result = sohoa(
        *INIT,
        data_dir=tmp_path,
        SOHOA_ADMIN_PASSWORD="short",
    )

    assert result.returncode == 1
    assert "at least 8 characters" in result.stderr


def test_check_reports_rows_that_refer_to_missing_rows(tmp_path: Path) -> None:
    sohoa(*INIT, data_dir=tmp_path)
    with sqlite3.connect(tmp_path / "sohoa.sqlite3") as db:
        db.execute("PRAGMA foreign_keys=OFF")
        db.execute("INSERT INTO entry_names (entry_id, field, key) VALUES (999, 'x', 'y')")

    result = sohoa("check", "--json", data_dir=tmp_path)

    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["healthy"] is False
    assert report["database"]["foreign_key_violations"] == 1
    assert "refer to missing rows" in result.stderr


def test_data_dir_comes_from_the_environment(tmp_path: Path) -> None:
    result = sohoa(
        "init",
        "--station",
        "BP-01",
        "--office",
        "A",
        data_dir=None,
        SOHOA_DATA_DIR=str(tmp_path / "env-dir"),
    )

    assert result.returncode == 0, result.stderr
    assert (tmp_path / "env-dir" / "sohoa.sqlite3").exists()


def test_data_dir_may_come_before_the_command(tmp_path: Path) -> None:
    result = sohoa(
        "--data-dir", str(tmp_path), "init", "--station", "BP-01", "--office", "A", data_dir=None
    )

    assert result.returncode == 0, result.stderr
    assert (tmp_path / "sohoa.sqlite3").exists()


def test_a_file_that_is_no_database_gets_a_reason_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "sohoa.sqlite3").write_bytes(b"this is not a database, it was overwritten" * 100)

    checked = sohoa("check", "--json", data_dir=tmp_path)
    backed_up = sohoa("backup", "--to", str(tmp_path / "stick"), data_dir=tmp_path)
    demo = sohoa("demo", "--entries", "10", data_dir=tmp_path)

    assert checked.returncode == 1
    assert json.loads(checked.stdout)["database"]["integrity"].startswith("unreadable:")
    for result in (checked, backed_up, demo):
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "file is not a database" in backed_up.stderr


def test_check_and_backup_change_nothing_in_the_database(tmp_path: Path) -> None:
    sohoa(*INIT, data_dir=tmp_path)
    database = tmp_path / "sohoa.sqlite3"
    with sqlite3.connect(database) as db:
        db.execute("PRAGMA journal_mode=DELETE")  # as a copy on a stick would be
    before = database.read_bytes()

    sohoa("check", data_dir=tmp_path)
    sohoa("backup", "--to", str(tmp_path / "stick"), data_dir=tmp_path)

    assert database.read_bytes() == before


def test_opening_the_window_loads_no_command() -> None:
    """The desktop start parses its own options only: the commands, and the
    cryptography and databases they use, stay unloaded (a faster start)."""
    probe = (
        "import sys; from app.cli import build_parser, names_a_command; "
        "argv = ['--data-dir', 'x', '--language', 'vi']; "
        "args = build_parser(with_commands=names_a_command(argv)).parse_args(argv); "
        "print(args.command, sorted(m for m in sys.modules if m.startswith(('app.cli.', "
        "'app.batch.export', 'app.batch.record', 'app.batch.verify', 'app.centre', 'app.bench', "
        "'minisign', 'cryptography', 'keyring', 'bagit'))))"
    )

    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )

    assert result.stdout.strip() == "None ['app.cli.common']"


def test_a_windowed_program_runs_a_command_without_standard_streams(
    station, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """sohoa.exe on Windows has no console: Python gives it no stdout or
    stderr. A command given to it (a scheduled backup) must still run."""
    from ui.launch import main

    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)

    stick = tmp_path / "stick"
    stick.mkdir()

    status = main(["backup", "--to", str(stick), "--json", "--data-dir", str(station.data_dir)])
    sys.stdout.close()  # the program's to the end; the test's to here
    sys.stderr.close()

    assert status == 0
    assert any(stick.glob("*.sqlite3"))
