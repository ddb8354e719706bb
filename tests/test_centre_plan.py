"""The campaign's plan at the centre: the province's spreadsheet imported
all or nothing, and each station's and district's progress along it.

Each test of the database runs on a SQLite file and on a PostgreSQL server
(SOHOA_TEST_POSTGRES_URL, which .ci/run sets; skipped locally without it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from batch_helpers import EXPORTED_AT, FixedMoment, exporting_station
from central_helpers import DATABASES, central_database
from openpyxl import Workbook
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.centre.intake import intake_batches
from app.centre.models import CentreEntry, ReceivedBatch
from app.centre.plan import Plan, PlanUnit, current_plan, import_plan
from app.centre.plan_progress import PlanProgress, StationProgress, plan_progress
from app.db.engine import session_factory

TODAY = date(2026, 11, 22)  # EXPORTED_AT in Vietnam
HEADER = ("STT", "Huyện", "Xã", "Mã trạm", "Chỉ tiêu (mục)", "Hạn hoàn thành")
GOOD_ROWS = [
    (1, "Huyện Đồng Phú", None, "BP-DONGPHU-01", 30000, datetime(2026, 12, 31)),
    (2, "Huyện Đồng Phú", "Xã Tân Lập", "bp-tanlap-01", "12.000", "30/11/2026"),
    (3, "Đồng Phú", "Xã Tân Tiến", "BP-TANTIEN-01", 8000, "15/12/2026"),
    (4, "Thành phố Đồng Xoài", "Phường Tân Phú", "BP-TANPHU-01", 5000, "31/12/2026"),
    (None, "Tổng cộng", None, None, 55000, None),
]


@pytest.fixture(params=DATABASES)
def central(request, tmp_path: Path) -> Iterator[Engine]:
    with central_database(request.param, tmp_path) as engine:
        yield engine


def plan_sheet(path: Path, rows, header=HEADER) -> Path:
    """The province's plan as its office writes it: a title above the header."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["KẾ HOẠCH 138/KH-UBND: chỉ tiêu số hóa sổ hộ tịch"])
    sheet.append([])
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def imported(engine: Engine, path: Path, province: str | None = "Bình Phước"):
    with session_factory(engine).begin() as session:
        return import_plan(session, path, clock=FixedMoment(), province=province)


def the_plan(engine: Engine) -> Plan:
    with Session(engine) as session:
        return current_plan(session)


def test_a_good_plan_is_imported_with_its_units_stations_targets_and_deadlines(
    central, tmp_path
) -> None:
    path = plan_sheet(tmp_path / "ke-hoach.xlsx", GOOD_ROWS)

    result = imported(central, path)

    assert result.ok and result.warnings == []
    assert (result.districts, result.communes, result.stations) == (2, 3, 4)
    assert result.ignored_columns == ["STT"]
    plan = the_plan(central)
    assert plan.source == str(path) and plan.imported_at == EXPORTED_AT
    # The district's own row first, then its communes by name; "Đồng Phú"
    # without its type is the same district; the total line is no district.
    dong_phu, dong_xoai = "Huyện Đồng Phú", "Thành phố Đồng Xoài"
    assert plan.units == [
        PlanUnit(dong_phu, None, 30000, None, date(2026, 12, 31), "BP-DONGPHU-01", 4),
        PlanUnit(dong_phu, "Xã Tân Lập", 12000, None, date(2026, 11, 30), "BP-TANLAP-01", 5),
        PlanUnit(dong_phu, "Xã Tân Tiến", 8000, None, date(2026, 12, 15), "BP-TANTIEN-01", 6),
        PlanUnit(dong_xoai, None, None, None, None, None, None),
        PlanUnit(dong_xoai, "Phường Tân Phú", 5000, None, date(2026, 12, 31), "BP-TANPHU-01", 7),
    ]


def test_a_bad_plan_names_each_bad_row_and_changes_nothing(central, tmp_path) -> None:
    good = plan_sheet(tmp_path / "good.xlsx", GOOD_ROWS)
    assert imported(central, good).ok
    before = the_plan(central)
    bad = plan_sheet(
        tmp_path / "bad.xlsx",
        [
            (1, "Huyện Đồng Phú", None, "BP-DONGPHU-01", 30000, "31/12/2026"),
            (2, None, "Xã Tân Lập", "BP-TANLAP-01", 12000, "30/11/2026"),
            (3, "Huyện Đồng Phú", "Xã Tân Tiến", "BP-TANTIEN-01", "-50", "15/12/2026"),
            (4, "Huyện Đồng Phú", "Xã Tân Phước", "BP-TANPHUOC-01", 12.5, "15/12/2026"),
            (5, "Huyện Đồng Phú", "Xã Thuận Lợi", "BP-THUANLOI-01", 9000, "31/02/2026"),
            (6, "Huyện Đồng Phú", "Xã Đồng Tâm", "BP-DONGPHU-01", 9000, "15/12/2026"),
            (7, "Đồng Phú", "xã tân lợi", "BP-TANLOI-01", 9000, "15/12/2026"),
            (8, "Huyện Đồng Phú", "Xã Tân Lợi", "BP-TANLOI-02", 9000, "15/12/2026"),
        ],
    )

    result = imported(central, bad)

    assert not result.ok
    assert [(p.row, p.code) for p in result.problems] == [
        (5, "district_missing"),
        (6, "not_a_target"),
        (7, "not_a_target"),
        (8, "not_a_date"),
        (9, "station_twice"),
        (11, "commune_twice"),
    ]
    said = {p.row: (p.message("vi"), p.message("en")) for p in result.problems}
    assert said[5] == ("Chưa ghi huyện.", "The district is missing.")
    assert said[6][1] == "Target entries: “-50” is not a positive whole number."
    assert said[7][0] == "Chỉ tiêu (mục): “12.5” không phải là số nguyên dương."
    assert said[8][1] == "Deadline: “31/02/2026” is not a real date (dd/mm/yyyy)."
    assert said[9][1] == "Station BP-DONGPHU-01 is already in row 4."
    assert said[11][1] == "Xã Tân Lợi of Huyện Đồng Phú is already in row 10."
    assert the_plan(central) == before


def test_a_file_that_is_no_plan_is_refused_and_changes_nothing(central, tmp_path) -> None:
    assert imported(central, plan_sheet(tmp_path / "good.xlsx", GOOD_ROWS)).ok
    before = the_plan(central)
    no_district = plan_sheet(
        tmp_path / "no-district.xlsx", [(1, "Tân Lập", 100)], header=("STT", "Xã", "Chỉ tiêu")
    )
    not_excel = tmp_path / "plan.xlsx"
    not_excel.write_text("Huyện;Chỉ tiêu\nĐồng Phú;100\n")

    refused = [imported(central, path) for path in (no_district, not_excel)]

    assert [p.message("en") for r in refused for p in r.problems] == [
        "The file has no column: District.",
        "Cannot read the file plan.xlsx.",
    ]
    assert the_plan(central) == before


def test_a_place_the_gazetteer_does_not_know_is_warned_of_and_imported(central, tmp_path) -> None:
    path = plan_sheet(
        tmp_path / "plan.xlsx",
        [
            (1, "Huyện Đồng Phú", "Xã Tân Lập", "BP-TANLAP-01", 100, None),
            (2, "Huyện Đồng Phú", "Xã Hoa Sen", "BP-HOASEN-01", 100, None),
            (3, "Huyện Hoa Sen", None, "BP-HUYEN-01", 100, None),
        ],
    )

    result = imported(central, path)

    assert result.ok
    assert [p.message("en") for p in result.warnings] == [
        "The gazetteer knows no “Xã Hoa Sen” in Huyện Đồng Phú.",
        "The gazetteer knows no district “Huyện Hoa Sen” (Bình Phước).",
    ]
    assert len(the_plan(central).units) == 4


def test_an_import_replaces_the_whole_plan(central, tmp_path) -> None:
    assert imported(central, plan_sheet(tmp_path / "first.xlsx", GOOD_ROWS)).ok
    second = plan_sheet(
        tmp_path / "second.xlsx",
        [(1, "Thị xã Bình Long", "Phường An Lộc", "BP-ANLOC-01", 7000, "01/03/2027")],
    )

    assert imported(central, second).ok

    plan = the_plan(central)
    assert plan.source == str(second)
    binh_long = "Thị xã Bình Long"
    assert plan.units == [
        PlanUnit(binh_long, None, None, None, None, None, None),
        PlanUnit(binh_long, "Phường An Lộc", 7000, None, date(2027, 3, 1), "BP-ANLOC-01", 4),
    ]


def test_two_imports_at_once_each_wait_their_turn(central, tmp_path) -> None:
    """Two operators import at the same moment: the second waits for the first
    and replaces its plan whole, rather than failing on a name it holds."""
    first = plan_sheet(tmp_path / "first.xlsx", GOOD_ROWS)
    second = plan_sheet(tmp_path / "second.xlsx", GOOD_ROWS[1:4])
    outcome: list[bool] = []
    with session_factory(central).begin() as session:
        assert import_plan(session, first, clock=FixedMoment()).ok
        other = threading.Thread(target=lambda: outcome.append(imported(central, second).ok))
        other.start()
        other.join(timeout=1)  # it waits for this transaction: SQLite's lock, or PostgreSQL's
        assert other.is_alive()
    other.join(timeout=30)

    assert outcome == [True]
    plan = the_plan(central)
    assert plan.source == str(second) and len(plan.stations()) == 3


# Progress along the plan, the clock at EXPORTED_AT (22/11/2026).


def received(
    engine: Engine, station: str, *, at: datetime, completed: list[datetime], sequence: int = 1
) -> None:
    """A batch of ``station`` received ``at``, with entries completed at ``completed``."""
    batch = str(uuid.uuid4())
    with session_factory(engine).begin() as session:
        session.add(
            ReceivedBatch(
                uuid=batch, station=station, sequence=sequence, entry_count=len(completed),
                signing_key_id="0123456789ABCDEF", bagging_date=at.date(), received_at=at,
                source=f"/media/stick/{station}-{sequence}", new_entries=len(completed),
                updated_entries=0, unchanged_entries=0, older_entries=0,
            )
        )  # fmt: skip
        session.flush()
        session.add_all(
            CentreEntry(
                uuid=str(uuid.uuid4()), version=1, station=station, kind="birth",
                book_office="UBND xã", book_volume="01", book_year=1990, year=1990,
                number=n, registration_date=None, values={}, completed_at=moment,
                completed_by="clerk01", updated_at=moment, batch_uuid=batch,
            )
            for n, moment in enumerate(completed, start=1)
        )  # fmt: skip


def days_ago(days: int, count: int) -> list[datetime]:
    return [EXPORTED_AT - timedelta(days=days)] * count


def progress_of(engine: Engine, **kwargs) -> PlanProgress:
    with Session(engine) as session:
        return plan_progress(session, clock=FixedMoment(), **kwargs)


def by_station(report: PlanProgress) -> dict[str, StationProgress]:
    return {s.station: s for s in report.stations}


def test_stations_on_time_late_silent_and_not_in_the_plan(central, tmp_path) -> None:
    path = plan_sheet(
        tmp_path / "plan.xlsx",
        [
            (1, "Huyện Đồng Phú", None, "OFFICE", 1000, "31/12/2026"),
            (2, "Huyện Đồng Phú", "Xã Tân Lập", "ON-TIME", 100, "22/12/2026"),
            (3, "Huyện Đồng Phú", "Xã Tân Tiến", "LATE", 100, "02/12/2026"),
            (4, "Huyện Đồng Phú", "Xã Tân Phước", "SILENT", 50, None),
            (5, "Huyện Đồng Phú", "Xã Thuận Lợi", "NEVER", 100, None),
            (6, "Huyện Đồng Phú", "Xã Đồng Tâm", None, 300, None),
        ],
    )
    assert imported(central, path).ok
    # 2 entries a day over the last 14 days: the 60 left take 30 days, to the deadline.
    received(central, "ON-TIME", at=EXPORTED_AT - timedelta(days=2),
             completed=days_ago(20, 12) + days_ago(3, 28))  # fmt: skip
    # 10 in 14 days: the 90 left take 126 days, long after its deadline.
    received(central, "LATE", at=EXPORTED_AT - timedelta(days=1), completed=days_ago(5, 10))
    # Done, and heard from 20 days ago.
    received(central, "SILENT", at=EXPORTED_AT - timedelta(days=20), completed=days_ago(21, 50))
    received(central, "OFFICE", at=EXPORTED_AT, completed=days_ago(1, 14))
    received(central, "STRAY-01", at=EXPORTED_AT - timedelta(days=3), completed=days_ago(4, 7))

    report = progress_of(central)

    assert report.today == TODAY and report.pace_days == 14 and report.silent_after == 7
    stations = by_station(report)
    # The district's office, then its communes by name, then who is not in the plan.
    assert list(stations) == ["OFFICE", "ON-TIME", "SILENT", "LATE", "NEVER", "STRAY-01"]
    on_time = stations["ON-TIME"]
    assert (on_time.progress.received, on_time.progress.target) == (40, 100)
    assert on_time.progress.share == 0.4 and on_time.progress.pace == 2
    assert on_time.progress.projected == date(2026, 12, 22) == on_time.progress.deadline
    assert on_time.progress.days_left == 30
    assert not on_time.progress.late and not on_time.silent and on_time.days_silent == 2
    late = stations["LATE"]
    assert late.progress.projected == TODAY + timedelta(days=126)
    assert late.progress.late and not late.silent
    silent = stations["SILENT"]
    assert silent.progress.done and not silent.progress.late and silent.progress.pace == 0
    assert silent.silent and silent.days_silent == 20
    never = stations["NEVER"]
    assert never.silent and never.days_silent is None and never.last_received is None
    # Nothing in 14 days and entries left: it will not finish by its
    # district's deadline, which is its own as it has none.
    assert never.progress.received == 0 and never.progress.projected is None
    assert never.progress.deadline == date(2026, 12, 31) and never.progress.late
    # The district's office keys what its communes with no station of their
    # own leave: 1000 - 100 - 100 - 50 - 100.
    office = stations["OFFICE"]
    assert (office.district, office.commune) == ("Huyện Đồng Phú", None)
    assert office.progress.target == 650 and office.progress.deadline == date(2026, 12, 31)
    assert office.progress.pace == 1 and office.progress.late
    stray = stations["STRAY-01"]
    assert not stray.in_plan and stray.district is None and stray.progress.target is None
    assert stray.progress.received == 7 and not stray.silent
    [district] = report.districts
    assert district.district == "Huyện Đồng Phú"
    assert (district.progress.received, district.progress.target) == (40 + 10 + 50 + 14, 1000)
    assert (district.stations, district.late_stations, district.silent_stations) == (5, 3, 2)


def test_a_station_that_never_sent_a_batch_is_late_when_its_deadline_comes(
    central, tmp_path
) -> None:
    path = plan_sheet(
        tmp_path / "plan.xlsx", [(1, "Huyện Đồng Phú", "Xã Tân Lập", "BP-01", 100, "01/12/2026")]
    )
    assert imported(central, path).ok

    report = progress_of(central, silent_after=3)

    [station] = report.stations
    assert station.progress.late and station.silent and station.progress.days_left == 9
    assert report.districts[0].progress.late and report.districts[0].silent_stations == 1


def test_a_district_without_a_target_of_its_own_counts_its_communes(central, tmp_path) -> None:
    path = plan_sheet(
        tmp_path / "plan.xlsx",
        [
            (1, "Thành phố Đồng Xoài", "Phường Tân Phú", "BP-TANPHU-01", 5000, "31/12/2026"),
            (2, "Thành phố Đồng Xoài", "Phường Tân Bình", "BP-TANBINH-01", 3000, "15/01/2027"),
        ],
    )
    assert imported(central, path).ok
    received(central, "BP-TANBINH-01", at=EXPORTED_AT, completed=days_ago(1, 30))

    [district] = progress_of(central).districts

    assert district.progress.target == 8000 and district.progress.received == 30
    assert district.progress.deadline == date(2027, 1, 15)


def test_the_entries_of_real_batches_count_for_their_station(memory_keyring, tmp_path) -> None:
    station = exporting_station(tmp_path, entries=30, code="BP-TANLAP-01")
    written = station.export()
    assert written is not None
    with central_database("sqlite", tmp_path) as engine:
        report = intake_batches(
            engine, [written.path], identities=station.identities(), trust=station.trust,
            clock=FixedMoment(),
        )  # fmt: skip
        assert report.ok
        assert imported(engine, plan_sheet(tmp_path / "plan.xlsx", GOOD_ROWS[:2])).ok

        progress = by_station(progress_of(engine))["BP-TANLAP-01"]

    assert progress.in_plan and progress.commune == "Xã Tân Lập"
    assert progress.progress.received == written.entries > 0
    assert progress.last_received == EXPORTED_AT and progress.days_silent == 0


# The command


SOHOA = Path(sys.executable).parent / "sohoa"


def sohoa(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SOHOA), *args], capture_output=True, text=True, stdin=subprocess.DEVNULL,
        env=dict(os.environ), check=False, timeout=300,
    )  # fmt: skip


def test_the_command_imports_the_plan_and_lists_the_progress(tmp_path) -> None:
    database = str(tmp_path / "centre.sqlite3")
    good = plan_sheet(tmp_path / "plan.xlsx", GOOD_ROWS)
    bad = plan_sheet(tmp_path / "bad.xlsx", [(1, "Đồng Phú", "Tân Lập", "BP-01", "nhiều", None)])

    done = sohoa("centre", "targets", str(good), "--db", database, "--json")
    refused = sohoa("centre", "targets", str(bad), "--db", database)
    listed = sohoa("centre", "stations", "--db", database, "--json")
    shown = sohoa("centre", "stations", "--db", database)

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["stations"] == 4
    assert refused.returncode == 1
    assert "row 4: Target entries: “nhiều” is not a positive whole number." in refused.stdout
    assert "1 bad row(s) in bad.xlsx: the plan is unchanged" in refused.stderr
    assert listed.returncode == 0, listed.stderr
    report = json.loads(listed.stdout)
    assert report["plan_source"] == str(good)
    assert [d["district"] for d in report["districts"]] == [
        "Huyện Đồng Phú",
        "Thành phố Đồng Xoài",
    ]
    assert [(s["station"], s["progress"]["target"], s["silent"]) for s in report["stations"]] == [
        ("BP-DONGPHU-01", 10000, True),
        ("BP-TANLAP-01", 12000, True),
        ("BP-TANTIEN-01", 8000, True),
        ("BP-TANPHU-01", 5000, True),
    ]
    assert shown.returncode == 0, shown.stderr
    assert "BP-TANLAP-01" in shown.stdout and "silent, never sent" in shown.stdout
