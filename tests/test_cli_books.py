"""``sohoa books``: the lead's list of books imported and listed from the command line."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from test_cli import INIT, SOHOA, ok_json, sohoa

from app.demo import add_demo_entries

LISTING = (
    "\ufeffSTT;Loại sổ;Nơi đăng ký;Quyển số;Năm;Số trang;Số mục dự kiến;Tình trạng\r\n"
    "1;Khai tử;UBND xã A;01;1990;40;160;tốt\r\n"
    "2;Khai sinh;UBND xã A;01;1985;120;480;cũ\r\n"
    "3;Khai sinh;UBND xã A;02;1985;;;tốt\r\n"
)


@pytest.fixture
def station_dir(tmp_path: Path) -> Path:
    data_dir = tmp_path / "station"
    assert sohoa(*INIT, data_dir=data_dir).returncode == 0
    return data_dir


def test_import_then_list_in_queue_order(station_dir: Path, tmp_path: Path) -> None:
    listing = tmp_path / "danh-sach.csv"
    listing.write_text(LISTING, encoding="utf-8")

    imported = ok_json(sohoa("books", "import", str(listing), "--json", data_dir=station_dir))
    again = ok_json(sohoa("books", "import", str(listing), "--json", data_dir=station_dir))
    listed = ok_json(sohoa("books", "list", "--json", data_dir=station_dir))

    assert imported["registered"] == 3 and imported["problems"] == []
    assert imported["ignored_columns"] == ["STT"]
    assert again["registered"] == 0 and again["skipped_rows"] == [2, 3, 4]
    assert [(b["kind"], b["volume"], b["condition"]) for b in listed["books"]] == [
        ("birth", "02", "good"),
        ("birth", "01", "worn"),
        ("death", "01", "good"),
    ]
    assert listed["books"][1]["pages"] == 120 and listed["books"][1]["expected_entries"] == 480


def test_human_output(station_dir: Path, tmp_path: Path) -> None:
    listing = tmp_path / "books.csv"
    listing.write_text(LISTING, encoding="utf-8")

    imported = sohoa("books", "import", str(listing), data_dir=station_dir)
    listed = sohoa("books", "list", data_dir=station_dir)

    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith("3 books registered, 0 already registered (skipped)")
    assert "Columns ignored: STT." in imported.stdout
    assert listed.stdout.splitlines()[1].split() == [
        "birth",
        "UBND",
        "xã",
        "A",
        "02",
        "1985",
        "good",
    ]
    assert listed.stdout.rstrip().endswith("3 books.")


def test_a_bad_list_registers_nothing_and_says_why(station_dir: Path, tmp_path: Path) -> None:
    listing = tmp_path / "books.csv"
    listing.write_text(LISTING + "4;Khai sinh;UBND xã A;03;1850;;;\r\n", encoding="utf-8")

    result = sohoa("books", "import", str(listing), "--json", data_dir=station_dir)
    listed = ok_json(sohoa("books", "list", "--json", data_dir=station_dir))

    assert result.returncode == 1
    assert result.stderr.strip() == "sohoa books: 1 bad row(s) in books.csv: nothing registered"
    (problem,) = json.loads(result.stdout)["problems"]
    assert problem["row"] == 5 and problem["field"] == "year"
    assert problem["vi"].startswith("Năm: “1850” phải là một năm từ 1945 đến ")
    assert listed["books"] == []


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (("books", "import", "/nowhere/books.csv"), "no such file: /nowhere/books.csv"),
        (("books", "list"), "no station in"),
    ],
)
def test_failures_exit_non_zero_with_one_line(tmp_path: Path, args: tuple[str, ...], reason: str):
    result = sohoa(*args, data_dir=tmp_path / "nothing-here")

    assert result.returncode == 1
    assert reason in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_reader_that_stops_early_is_no_error(station, clock) -> None:
    """`sohoa books list --json | head`: the rest is not wanted, nothing failed."""
    add_demo_entries(station, 20_000, seed=5, clock=clock)
    with subprocess.Popen(
        [str(SOHOA), "books", "list", "--json", "--data-dir", str(station.data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline().strip() == "{"
        process.stdout.close()
        process.wait(timeout=120)
        errors = process.stderr.read()

    assert process.returncode == 0, errors
    assert "BrokenPipe" not in errors and "Traceback" not in errors
