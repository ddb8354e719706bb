"""The province's daily report: each station's row says what the centre's
status and the plan's progress say of it, the district's subtotal and the
province's total add up, and ``sohoa centre report`` writes the workbook.

One centre (SQLite) is built for the module: two demo stations' batches
taken in, one batch of one of them never arriving, and a plan listing a
third station that never sent any.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from batch_helpers import FixedMoment, exporting_station, memory_keyring_installed
from central_helpers import central_database
from openpyxl import load_workbook
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from test_centre_plan import imported, plan_sheet
from test_centre_summary import TODAY

from app.centre.intake import intake_batches
from app.centre.models import CentreEntry
from app.centre.plan_progress import plan_progress
from app.centre.report import province_report
from app.centre.report_xlsx import COLUMNS, HEADER_ROW, REASONS, write_province_report
from app.centre.status import province_status
from app.cli import build_parser, run
from app.demo import add_demo_double_keying
from app.system.clock import VIETNAM

PLAN = [
    (1, "Huyện Đồng Phú", None, None, None, "31/12/2026"),
    (2, "Huyện Đồng Phú", "Xã Tân Lập", "BP-TANLAP", 500, "30/11/2026"),
    (3, "Huyện Đồng Phú", "Xã Tân Tiến", "BP-TANTIEN", 400, "15/12/2026"),
    (4, "Thành phố Đồng Xoài", "Phường Tân Phú", "BP-TANPHU", 300, "31/12/2026"),
]
HEADERS = [header for header, _ in COLUMNS]


@pytest.fixture(scope="module")
def centre(tmp_path_factory) -> Iterator[Engine]:
    folder = tmp_path_factory.mktemp("centre")
    with memory_keyring_installed(), central_database("sqlite", folder) as engine:
        tanlap = exporting_station(folder / "tanlap", entries=80, seed=5, code="BP-TANLAP")
        add_demo_double_keying(tanlap.db, seed=5, clock=FixedMoment())
        tanphu = exporting_station(folder / "tanphu", entries=40, seed=7, code="BP-TANPHU")
        assert tanphu.export() is not None  # batch 1, lost on the way
        tanphu.add_entries(20, seed=9)
        batches = [(tanlap, tanlap.export()), (tanphu, tanphu.export())]
        for station, written in batches:
            assert written is not None
            report = intake_batches(
                engine, [written.path], identities=station.identities(), trust=station.trust,
                clock=FixedMoment(),
            )  # fmt: skip
            assert report.ok
        assert imported(engine, plan_sheet(folder / "ke-hoach.xlsx", PLAN)).ok
        yield engine


def rows_of(path: Path) -> list[dict[str, Any]]:
    """The workbook's table, each row by its headers."""
    sheet = load_workbook(path).active
    assert [c.value for c in sheet[HEADER_ROW]] == HEADERS
    return [
        dict(zip(HEADERS, values, strict=True))
        for values in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)
    ]


@pytest.fixture(scope="module")
def workbook(centre, tmp_path_factory) -> list[dict[str, Any]]:
    with Session(centre) as session:
        report = province_report(session, TODAY, clock=FixedMoment())
    path = tmp_path_factory.mktemp("report") / "bao-cao.xlsx"
    return rows_of(write_province_report(report, path))


def deferred_column(reason) -> str:
    return HEADERS[HEADERS.index("Trạm báo đã xong") + 1 + REASONS.index(reason)]


def test_each_station_s_row_says_its_status_and_its_progress(centre, workbook) -> None:
    with Session(centre) as session:
        status = {s.station: s for s in province_status(session.connection(), TODAY).stations}
        progress = {s.station: s for s in plan_progress(session, clock=FixedMoment()).stations}
        completed = session.execute(select(CentreEntry.station, CentreEntry.completed_at)).all()
    start = datetime.combine(TODAY, time(), VIETNAM)
    on_day = {
        code: sum(1 for s, at in completed if s == code and start <= at < start + timedelta(1))
        for code in progress
    }
    rows = {row["Mã trạm"]: row for row in workbook if row["Mã trạm"] in progress}

    assert list(rows) == ["BP-TANLAP", "BP-TANTIEN", "BP-TANPHU"]  # by district, then commune
    for code, row in rows.items():
        p = progress[code].progress
        unit = (progress[code].district, progress[code].commune)
        assert (row["Huyện"], row["Xã, phường"]) == unit
        assert (row["Chỉ tiêu (mục)"], row["Đã nhận (mục)"]) == (p.target, p.received)
        assert row["% chỉ tiêu"] == pytest.approx(p.share)
        assert row["Nhận trong ngày"] == on_day[code]
        assert row["Hạn hoàn thành"].date() == p.deadline
        assert (row["Dự kiến hoàn thành"] and row["Dự kiến hoàn thành"].date()) == p.projected
    assert sum(on_day.values()) > 0
    for code in ("BP-TANLAP", "BP-TANPHU"):
        s, row = status[code], rows[code]
        assert row["Trạm báo đã xong"] == s.done > 0
        assert {r: row[deferred_column(r)] for r in REASONS} == {
            r: s.deferred.get(r, 0) for r in REASONS
        }
        assert row["Bản nháp"] == s.drafts
        assert row["Số lô thiếu"] == s.gaps.missing
    assert rows["BP-TANLAP"]["Lỗi nhập liệu / 1.000 trường"] == pytest.approx(
        status["BP-TANLAP"].errors_per_thousand
    )
    assert status["BP-TANLAP"].fields > 0
    assert rows["BP-TANPHU"]["Số lô thiếu"] == 1
    assert "Thiếu lô 1" in rows["BP-TANPHU"]["Tình trạng"]
    never = rows["BP-TANTIEN"]
    assert never["Trạm báo đã xong"] is None and "Chưa gửi lô nào" in never["Tình trạng"]


SUMMED = [
    "Nhận trong ngày",
    "Trạm báo đã xong",
    *(deferred_column(r) for r in REASONS),
    "Bản nháp",
    "Số lô thiếu",
]


def test_the_district_subtotals_and_the_province_total_add_up(centre, workbook) -> None:
    stations, subtotals, total = [], [], None
    for row in workbook:
        name = row["Huyện"]
        if name == "Toàn tỉnh":
            total = row
        elif name.startswith("Cộng "):
            subtotals.append((name.removeprefix("Cộng "), row, stations))
            stations = []
        else:
            stations.append(row)
    assert total is not None and stations == []
    assert [name for name, _, _ in subtotals] == ["Huyện Đồng Phú", "Thành phố Đồng Xoài"]
    for name, subtotal, rows in subtotals:
        assert {r["Huyện"] for r in rows} == {name}
        for column in [*SUMMED, "Đã nhận (mục)"]:
            assert subtotal[column] == sum(r[column] or 0 for r in rows), (name, column)
    assert subtotals[0][1]["Chỉ tiêu (mục)"] == 900  # the district's communes' targets
    for column in [*SUMMED, "Đã nhận (mục)", "Chỉ tiêu (mục)"]:
        assert total[column] == sum(s[column] for _, s, _ in subtotals), column
    with centre.connect() as connection:
        totals = province_status(connection, TODAY).totals
    assert total["Trạm báo đã xong"] == totals.done
    assert total["Lỗi nhập liệu / 1.000 trường"] == pytest.approx(totals.errors_per_thousand)
    assert total["% chỉ tiêu"] == pytest.approx(totals.entries / 1200)


def test_the_command_writes_the_report_and_refuses_a_bad_date(centre, tmp_path, capsys) -> None:
    database = centre.url.database
    written = tmp_path / "tinh.xlsx"

    def report(day: str, to: Path) -> int:
        args = ["centre", "report", "--db", database, "--date", day, "--to", str(to)]
        return run(build_parser().parse_args(args))

    status = report(f"{TODAY:%d/%m/%Y}", written)
    said = capsys.readouterr().out
    refused = report("31/02/2026", tmp_path / "bad.xlsx")
    error = capsys.readouterr().err

    assert status == 0 and f"Province report of {TODAY:%d/%m/%Y} written: {written}" in said
    assert [r["Mã trạm"] for r in rows_of(written)][:3] == ["BP-TANLAP", "BP-TANTIEN", "2 trạm"]
    assert refused != 0 and not (tmp_path / "bad.xlsx").exists()
    assert error.splitlines() == [
        "sohoa centre: --date '31/02/2026': give a day as YYYY-MM-DD or DD/MM/YYYY"
    ]
