"""``sohoa tally`` and ``sohoa report``, end to end, as an operator runs them."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from openpyxl import load_workbook
from test_cli import ok_json, sohoa
from work_helpers import add_book, add_user, key_entry, local

from app.keying.save import SaveAction
from app.specs import BookKind

DAY = date(2026, 11, 20)


@pytest.fixture
def data_dir(station, clock):
    """A station where two clerks worked on DAY, in two shifts and after them."""
    with station.sessions.begin() as session:
        an, binh = add_user(session, "an"), add_user(session, "binh")
        births = add_book(session, BookKind.BIRTH)
        marriages = add_book(session, BookKind.MARRIAGE)
        key_entry(session, clock, births, an, local(DAY, 7), 1)
        key_entry(session, clock, births, an, local(DAY, 8), 2)
        key_entry(session, clock, births, an, local(DAY, 9), 3, SaveAction.DEFER)
        key_entry(session, clock, marriages, binh, local(DAY, 13), 1)
        key_entry(session, clock, marriages, binh, local(DAY, 23), 2)
        key_entry(session, clock, births, an, local(date(2026, 11, 21), 7), 4)
    return station.data_dir


def counted(data_dir, column: str) -> int:
    """Entries whose ``column`` moment falls on DAY in Vietnam, counted by SQLite."""
    with sqlite3.connect(data_dir / "sohoa.sqlite3") as db:
        (count,) = db.execute(
            f"SELECT count(*) FROM entries WHERE date({column}, '+7 hours') = ?",
            (DAY.isoformat(),),
        ).fetchone()
    return count


def test_tally_json_has_the_rows_the_shifts_and_the_campaign(data_dir) -> None:
    tally = ok_json(sohoa("tally", "--date", DAY.isoformat(), "--json", data_dir=data_dir))

    assert tally["date"] == "2026-11-20"
    assert tally["day"]["completed"] == counted(data_dir, "completed_at") == 4
    assert tally["day"]["deferred"] == counted(data_dir, "deferred_at") == 1
    assert [(s["shift"], s["completed"], s["deferred"]) for s in tally["shifts"]] == [
        (1, 2, 1), (2, 1, 0), (3, 0, 0), (0, 1, 0),
    ]  # fmt: skip
    assert tally["shifts"][0]["clerks"][0]["username"] == "an"
    assert tally["shifts"][0]["clerks"][0]["quota"] == 150
    assert sum(r["count"] for r in tally["rows"] if r["outcome"] == "completed") == 4
    binh = {"shift": 2, "username": "binh", "kind": "marriage", "outcome": "completed", "count": 1}
    assert binh in tally["rows"]
    assert tally["by_kind"] == {
        "birth": {"completed": 2, "deferred": 1},
        "marriage": {"completed": 2, "deferred": 0},
    }
    assert tally["campaign"]["done"] == 4, "the day after is not counted"
    assert tally["campaign"]["target"] == 100


def test_tally_of_one_shift(data_dir) -> None:
    tally = ok_json(
        sohoa("tally", "--date", "20/11/2026", "--shift", "2", "--json", data_dir=data_dir)
    )

    assert [s["shift"] for s in tally["shifts"]] == [2]
    assert {r["username"] for r in tally["rows"]} == {"binh"}
    assert tally["day"]["completed"] == 4, "the day's totals stay the day's"


def test_tally_for_people(data_dir) -> None:
    result = sohoa("tally", "--date", DAY.isoformat(), data_dir=data_dir)

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "TEST-01 2026-11-20: 4 completed of the team's 1,800 (0.2%), 1 deferred"
    assert "Shift 1 06:00-12:00: 2 completed of 150 (1.3%), 1 deferred" in lines
    assert any(line.split()[:3] == ["an", "2", "1"] for line in lines)
    assert lines[-1].startswith("Campaign: 4 of 100 entries (4.00%)")


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (("--date", "2026-02-30"), "--date '2026-02-30': give a day as YYYY-MM-DD"),
        (("--shift", "7"), "--shift 7: this station's shifts are 1, 2, 3"),
    ],
)
def test_tally_refuses_what_it_cannot_count(data_dir, args, reason) -> None:
    result = sohoa("tally", *args, data_dir=data_dir)

    assert result.returncode == 1
    assert result.stderr.startswith(f"sohoa tally: {reason}")
    assert len(result.stderr.splitlines()) == 1
    assert result.stdout == ""


def test_report_writes_the_workbook(data_dir, tmp_path) -> None:
    written = ok_json(
        sohoa(
            "report", "--date", DAY.isoformat(), "--to", str(tmp_path), "--json", data_dir=data_dir
        )
    )

    path = tmp_path / "sohoa-TEST-01-2026-11-20.xlsx"
    assert written["report"] == str(path)
    summary = {
        row[0]: row[1] for row in load_workbook(path)["Tổng hợp"].iter_rows(values_only=True)
    }
    assert summary["Đã xong"] == counted(data_dir, "completed_at")
