"""``sohoa check`` on a damaged station: every finding, one clear line when
the file is no database, never a traceback, and the backup to restore."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from app.station.backups import daily_backup
from app.system.clock import SystemClock

SOHOA = Path(sys.executable).parent / "sohoa"


def sohoa(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SOHOA), *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        env={**os.environ, "SOHOA_ADMIN_PASSWORD": "admin-password"},
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo station with a daily backup, its log folded into the file."""
    data_dir = tmp_path_factory.mktemp("pristine")
    assert sohoa("demo", "--entries", "400", data_dir=data_dir).returncode == 0
    daily_backup(data_dir, SystemClock())
    with closing(sqlite3.connect(data_dir / "sohoa.sqlite3")) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return data_dir


@pytest.fixture
def station(pristine: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(pristine, tmp_path / "station"))


def page_of(database: Path, sql: str) -> tuple[int, int]:
    """The page ``sql`` selects, and the file's page size."""
    with closing(sqlite3.connect(database)) as connection:
        page = connection.execute(sql).fetchone()[0]
        (size,) = connection.execute("PRAGMA page_size").fetchone()
    return page, size


def scribble(database: Path, page: int, size: int) -> None:
    """Overwrite one page of the file with bytes that are no b-tree page."""
    with database.open("r+b") as file:
        file.seek((page - 1) * size)
        file.write(bytes(range(7, 256)) * (size // 249) + b"\x07" * (size % 249))


def checked(station: Path) -> tuple[subprocess.CompletedProcess[str], dict]:
    text = sohoa("check", data_dir=station)
    as_json = sohoa("check", "--json", data_dir=station)
    for result in (text, as_json):
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr + result.stdout
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return text, json.loads(as_json.stdout)


def names_the_backup_to_restore(result: subprocess.CompletedProcess[str], report: dict) -> None:
    backup = report["latest_good_backup"]
    assert backup is not None and Path(backup).name.startswith("daily-")
    assert f"the latest sound one is {backup}" in result.stdout
    assert "Station › Backups… (Ctrl+Shift+B)" in result.stdout


def test_a_damaged_header_stops_at_one_clear_line(station: Path) -> None:
    database = station / "sohoa.sqlite3"
    with database.open("r+b") as file:
        file.write(b"not SQLite at all")

    result, report = checked(station)

    assert report["database"]["readable"] is False
    assert "cannot be read as a database (unreadable: file is not a database)" in result.stdout
    assert "Entries:" not in result.stdout and "chain holds" not in result.stdout
    assert result.stderr.strip() == "sohoa check: database unreadable: file is not a database"
    names_the_backup_to_restore(result, report)


def test_a_damaged_index_page_is_reported_with_every_finding(station: Path) -> None:
    database = station / "sohoa.sqlite3"
    page, size = page_of(
        database, "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entries'"
    )
    scribble(database, page, size)

    result, report = checked(station)

    findings = report["database"]["integrity_findings"]
    assert findings and findings[0] == report["database"]["integrity"] != "ok"
    assert f"DAMAGED, {len(findings):,} finding(s)" in result.stdout
    assert findings[0] in result.stdout
    assert "Entries:" not in result.stdout, "nothing is read from a damaged file"
    names_the_backup_to_restore(result, report)


def leaf_of_the_entries(database: Path) -> tuple[int, int]:
    """A page under the entries themselves, where a bad sector would be."""
    return page_of(
        database,
        "SELECT pageno FROM dbstat WHERE name = 'entries' AND pagetype = 'leaf'"
        " ORDER BY pageno LIMIT 1 OFFSET 3",
    )


def test_a_damaged_table_page_names_the_page(station: Path) -> None:
    database = station / "sohoa.sqlite3"
    page, size = leaf_of_the_entries(database)
    with database.open("r+b") as file:
        file.seek((page - 1) * size + size // 2)
        file.write(b"\xff" * (size // 4))

    result, report = checked(station)

    findings = report["database"]["integrity_findings"]
    assert any(f"page {page}" in finding for finding in findings), findings
    assert "sohoa check: database damaged:" in result.stderr
    assert "Entries:" not in result.stdout
    names_the_backup_to_restore(result, report)


def test_a_table_page_damaged_past_what_sqlite_checks_is_said_so(station: Path) -> None:
    database = station / "sohoa.sqlite3"
    page, size = leaf_of_the_entries(database)
    with database.open("r+b") as file:
        file.seek((page - 1) * size)
        file.write(b"\0" * size)

    result, report = checked(station)

    assert report["database"]["readable"] is True
    assert "SQLite's check cannot get past the damage" in result.stdout
    assert "DAMAGED" in result.stdout
    names_the_backup_to_restore(result, report)


def test_a_damaged_write_ahead_log_does_not_crash_the_check(station: Path) -> None:
    (station / "sohoa.sqlite3-wal").write_bytes(b"\x37\x7f\x06\x82" + b"garbage" * 5000)

    result = sohoa("check", "--json", data_dir=station)

    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    report = json.loads(result.stdout)
    if not report["healthy"]:
        assert report["latest_good_backup"] is not None
