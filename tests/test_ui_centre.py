"""The centre's window (``sohoa centre --db URL``): each station as the
province's daily report gives it, sorted by number, filtered by name,
opened on its books and days, refreshed with F5, and a database that
cannot be read said plainly.

One centre (SQLite) is built for the module: two demo stations' batches
taken in (BP-TANPHU's first never arriving), a plan listing a third
station, BP-TANTIEN, that never sent any: silent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from batch_helpers import ExportingStation, FixedMoment, exporting_station, memory_keyring_installed
from central_helpers import central_database
from PySide6.QtCore import QLocale, Qt
from screen_helpers import assert_fits_the_screen
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from test_centre_plan import imported, plan_sheet
from test_centre_report import PLAN
from test_centre_summary import TODAY

from app.batch.summary import WINDOW_DAYS
from app.centre.intake import intake_batches
from app.centre.report import ProvinceReport, province_report
from app.centre.station_detail import station_detail
from app.cli import build_parser, run
from app.db.engine import database_path
from app.demo import add_demo_double_keying
from app.work import settings
from app.work.tally import Outcome, tally
from ui.centre.sorting import SortedTable
from ui.centre.station_dialog import StationDialog
from ui.centre.window import CentreWindow


@dataclass
class Centre:
    engine: Engine
    database: str
    tanlap: ExportingStation
    tanphu: ExportingStation

    def take_in(self, station: ExportingStation) -> None:
        written = station.export()
        assert written is not None
        report = intake_batches(
            self.engine, [written.path], identities=station.identities(), trust=station.trust,
            clock=FixedMoment(),
        )  # fmt: skip
        assert report.ok


@pytest.fixture(scope="module")
def centre(tmp_path_factory) -> Iterator[Centre]:
    folder = tmp_path_factory.mktemp("centre")
    with memory_keyring_installed(), central_database("sqlite", folder) as engine:
        tanlap = exporting_station(folder / "tanlap", entries=120, seed=5, code="BP-TANLAP")
        add_demo_double_keying(tanlap.db, seed=5, clock=FixedMoment())
        tanphu = exporting_station(folder / "tanphu", entries=40, seed=7, code="BP-TANPHU")
        assert tanphu.export() is not None  # batch 1, lost on the way
        tanphu.add_entries(20, seed=9)
        built = Centre(engine, str(engine.url.database), tanlap, tanphu)
        built.take_in(tanlap)
        built.take_in(tanphu)
        assert imported(engine, plan_sheet(folder / "ke-hoach.xlsx", PLAN)).ok
        yield built


def report_of(centre: Centre) -> ProvinceReport:
    with Session(centre.engine) as session:
        return province_report(session, TODAY, clock=FixedMoment())


@pytest.fixture
def window(qtbot, centre) -> CentreWindow:
    window = opened(qtbot, centre.database)
    qtbot.waitUntil(lambda: window.overview is not None)
    return window


def opened(qtbot, database: str) -> CentreWindow:
    window = CentreWindow(database, FixedMoment())
    qtbot.addWidget(window)
    window.showMaximized()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def shown(table: SortedTable) -> list[dict[str, str]]:
    """The table's rows as shown, each cell by its column's header."""
    rows = table.rows
    headers = [rows.headerData(c, Qt.Orientation.Horizontal) for c in range(rows.columnCount())]
    return [
        {h: rows.index(r, c).data() for c, h in enumerate(headers)} for r in range(rows.rowCount())
    ]


def by_station(table: SortedTable) -> dict[str, dict[str, str]]:
    return {row["Station"]: row for row in shown(table)}


def test_the_window_shows_each_station_as_the_province_s_report_gives_it(
    window, centre, qtmodeltester
) -> None:
    report = report_of(centre)
    locale = QLocale()
    lines = {line.station: line for section in report.sections for line in section.stations}
    progress = by_station(window.progress.stations)
    backlog = by_station(window.backlog.stations)
    errors = by_station(window.errors.stations)
    batches = by_station(window.batches.stations)

    assert list(progress) == ["BP-TANLAP", "BP-TANTIEN", "BP-TANPHU"]  # the report's order
    for code, line in lines.items():
        p, status = line.progress.progress, line.status
        row = progress[code]
        assert row["Target"] == locale.toString(p.target)
        assert row["Received"] == locale.toString(p.received)
        assert row["% of target"] == locale.toString(100 * p.share, "f", 1) + "%"
        assert row["Projected"] == (p.projected.strftime("%d/%m/%Y") if p.projected else "")
        assert row["Done (station)"] == (locale.toString(status.done) if status else "")
        if status is not None:
            assert backlog[code]["Deferred"] == locale.toString(sum(status.deferred.values()))
            assert batches[code]["Missing"] == locale.toString(status.gaps.missing)
            assert errors[code]["Errors"] == locale.toString(status.errors)
    assert progress["BP-TANLAP"]["State"] == "Late" and lines["BP-TANLAP"].progress.progress.late
    assert progress["BP-TANTIEN"]["State"].startswith("No batch yet")
    assert batches["BP-TANTIEN"]["Days silent"] == "never sent"
    assert "Batches missing" in progress["BP-TANPHU"]["State"]
    assert batches["BP-TANPHU"]["Missing numbers"] == "1"
    assert int(errors["BP-TANLAP"]["Fields compared"].replace(",", "")) > 0
    headline = window.headline.text()
    assert f"{locale.toString(report.received)} of {locale.toString(report.target)}" in headline
    assert f"{report.total.late} stations late" in headline and "1 silent" in headline
    assert "1 batches missing" in headline
    assert "ke-hoach.xlsx" in window.plan_line.text()
    districts = shown(window.progress.districts)
    assert [d["District"] for d in districts] == [
        "Whole province", "Huyện Đồng Phú", "Thành phố Đồng Xoài",
    ]  # fmt: skip
    assert districts[0]["Received"] == locale.toString(report.received)
    qtmodeltester.check(window.progress.stations.rows)


def sort_by(qtbot, window: CentreWindow, column: int) -> None:
    """Ctrl+S, then the column chosen in the menu from the keyboard."""
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    menu = window.sort_menu
    qtbot.waitExposed(menu)
    for _ in range(column + 1):
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not menu.isVisible())


def test_a_district_chosen_shows_its_stations_and_sorting_orders_by_number(window, qtbot) -> None:
    table = window.progress.stations
    window.progress.districts.view.setFocus()
    for _ in range(2):  # from the whole province to Thành phố Đồng Xoài
        qtbot.keyClick(window.progress.districts.view, Qt.Key.Key_Down)
    qtbot.keyClick(window.progress.districts.view, Qt.Key.Key_Tab)
    assert table.view.hasFocus()
    assert list(by_station(table)) == ["BP-TANPHU"]
    window.progress.districts.choose((True, "Whole province"))
    done = [row["Station"] for row in shown(table)]
    assert len(done) == 3

    column = [c.header for c in table.model.columns].index("Done (station)")
    sort_by(qtbot, window, column)
    ascending = [(r["Station"], r["Done (station)"]) for r in shown(table)]
    sort_by(qtbot, window, column)  # chosen again: the other way
    descending = [(r["Station"], r["Done (station)"]) for r in shown(table)]

    # BP-TANPHU did fewer than BP-TANLAP (two digits, three): by number, not
    # by text; the station with none last either way.
    assert [s for s, _ in ascending] == ["BP-TANPHU", "BP-TANLAP", "BP-TANTIEN"]
    assert [s for s, _ in descending] == ["BP-TANLAP", "BP-TANPHU", "BP-TANTIEN"]
    assert len(ascending[0][1]) < len(ascending[1][1])

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter.hasFocus()
    qtbot.keyClicks(window.filter, "tan tien")  # without its accents
    assert list(by_station(window.errors.stations)) == ["BP-TANTIEN"]
    qtbot.keyClicks(window.filter, "x")
    assert shown(window.batches.stations) == []
    qtbot.keyClick(window.filter, Qt.Key.Key_Escape)
    assert window.filter.text() == "" and len(shown(window.batches.stations)) == 3


def test_enter_on_a_station_opens_its_books_and_days_and_esc_comes_back(
    window, centre, qtbot
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    table = window.backlog.stations
    assert window.tabs.currentWidget() is window.backlog and table.view.hasFocus()
    assert table.choose("BP-TANLAP")

    qtbot.keyClick(table.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.station_dialog is not None)
    dialog: StationDialog = window.station_dialog
    with centre.engine.connect() as connection:
        detail = station_detail(connection, "BP-TANLAP", TODAY)
    with centre.tanlap.db.sessions() as session:
        first_day = TODAY - timedelta(days=WINDOW_DAYS - 1)
        rows = tally(session, first_day, TODAY, settings.shifts(session))
    completed = Counter()
    for row in rows:
        if row.outcome == Outcome.COMPLETED:
            completed[(row.day, row.shift, row.username)] += row.count

    assert "BP-TANLAP" in dialog.windowTitle() and "Xã Tân Lập" in dialog.windowTitle()
    assert len(shown(dialog.books)) == len(detail.books) > 0
    assert {(w.day, w.shift, w.clerk): w.completed for w in detail.work if w.completed} == dict(
        completed
    )
    assert len(shown(dialog.work)) == len(detail.work)
    assert sum(d.completed for d in detail.days) == detail.done > 0
    assert [c.clerk for c in detail.clerks] == [r["Clerk"] for r in shown(dialog.clerks)]
    assert [r["No."] for r in shown(dialog.batches)] == ["1"]
    assert dialog.missing.text() == "No batch number is missing."

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.station_dialog is None)
    assert window.focusWidget() is table.view


def test_the_station_detail_says_its_batches_and_the_numbers_missing(centre) -> None:
    with centre.engine.connect() as connection:
        tanphu = station_detail(connection, "BP-TANPHU", TODAY)
        never = station_detail(connection, "BP-TANTIEN", TODAY)

    assert [b.sequence for b in tanphu.batches] == [2]
    assert tanphu.batches[0].new_entries == tanphu.batches[0].entries > 0
    assert (tanphu.gaps.missing, tanphu.gaps.ranges) == (1, ((1, 1),))
    assert tanphu.summary_sequence == 2 and tanphu.done == sum(b.done for b in tanphu.books)
    assert (never.batches, never.books, never.summary_at) == ((), (), None)


def test_a_database_that_cannot_be_read_is_said_plainly(qtbot, centre, tmp_path) -> None:
    def looking_at(database: str) -> CentreWindow:
        window = CentreWindow(database, FixedMoment())
        qtbot.addWidget(window)
        return window

    missing = looking_at(str(tmp_path / "centre.sqlite3"))
    station = looking_at(str(database_path(centre.tanlap.db.data_dir)))
    server = looking_at(f"postgresql://nobody@/sohoa?host={tmp_path}")

    qtbot.waitUntil(lambda: "F5" in missing.status.text() and "F5" in server.status.text())
    qtbot.waitUntil(lambda: "F5" in station.status.text())
    assert missing.headline.text() == (
        f"There is no central database at {tmp_path / 'centre.sqlite3'}: give the file that"
        " sohoa intake loads the batches into."
    )
    assert not (tmp_path / "centre.sqlite3").exists(), "looking made no database"
    assert "station's database" in station.headline.text()
    assert server.headline.text().startswith(
        "The central database cannot be read: the server is unreachable"
    )


def test_without_db_the_command_says_what_to_give(capsys) -> None:
    assert run(build_parser().parse_args(["centre"])) != 0
    assert capsys.readouterr().err.strip() == (
        "sohoa centre: give --db URL to open the centre's window, or an action: status,"
        " targets, stations, report"
    )


@pytest.mark.usefixtures("vietnamese")
def test_the_window_and_a_station_fit_a_laptop_s_screen(window, centre, qtbot) -> None:
    with centre.engine.connect() as connection:
        detail = station_detail(connection, "BP-TANLAP", TODAY)
    line = report_of(centre).sections[0].stations[0]
    dialog = StationDialog(line, detail, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    assert_fits_the_screen(dialog)
    assert window.frameGeometry() == window.screen().availableGeometry()
    for tab in window.every_tab:
        window.tabs.setCurrentWidget(tab)
        for table in (tab.stations, getattr(tab, "districts", None)):
            if table is not None:
                assert not table.view.horizontalScrollBar().isVisible(), table.view.objectName()


def test_f5_reads_a_batch_taken_in_since_keeping_the_station_chosen(window, centre, qtbot) -> None:
    table = window.progress.stations
    assert table.choose("BP-TANLAP")
    table.sort_by([c.header for c in table.model.columns].index("Received"))
    before = by_station(table)["BP-TANPHU"]["Received"]
    centre.tanphu.add_entries(150, seed=11)
    centre.take_in(centre.tanphu)

    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: by_station(table)["BP-TANPHU"]["Received"] != before)

    received = report_of(centre).sections[-1].stations[0].progress.progress.received
    assert by_station(table)["BP-TANPHU"]["Received"] == QLocale().toString(received)
    assert [r["Station"] for r in shown(table)] == ["BP-TANTIEN", "BP-TANLAP", "BP-TANPHU"]
    assert table.chosen().station == "BP-TANLAP"
