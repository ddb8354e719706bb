"""The daily report a lead hands upward: its numbers, its workbook, its page."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select
from verification_helpers import decide_planted, key_twice, make_team
from work_helpers import add_book, add_user, key_entry, local

from app.db.models import Entry, Role, User, Verification, WorkSession
from app.keying.save import SaveAction
from app.reports.daily import DailyReport, daily_report
from app.reports.xlsx import write_report_xlsx
from app.specs import BookKind
from app.system.clock import local_today
from app.work import settings
from app.work.shifts import day_bounds

DAY = date(2026, 11, 20)


@pytest.fixture
def day_of_work(station, clock):
    """Two clerks on DAY: work in each shift, outside them, a deferral, and
    entries the day before and after that must not count."""
    with station.sessions.begin() as session:
        admin = session.scalars(select(User).where(User.username == "admin")).one()
        settings.set_deadline(session, admin, DAY + timedelta(days=10), clock=clock)
        an, binh = add_user(session, "an"), add_user(session, "binh")
        an.full_name = "Nguyễn Thị Ân"
        births = add_book(session, BookKind.BIRTH, expected=100)
        deaths = add_book(session, BookKind.DEATH, volume="02", expected=20)
        work = [
            (an, births, local(DAY - timedelta(days=1), 9), SaveAction.COMPLETE),
            (an, births, local(DAY, 6, 30), SaveAction.COMPLETE),
            (an, births, local(DAY, 7), SaveAction.COMPLETE),
            (an, births, local(DAY, 8), SaveAction.DEFER),
            (an, births, local(DAY, 11, 59), SaveAction.COMPLETE),
            (binh, births, local(DAY, 12), SaveAction.COMPLETE),
            (binh, deaths, local(DAY, 13), SaveAction.COMPLETE),
            (binh, deaths, local(DAY, 14), SaveAction.DEFER),
            (an, deaths, local(DAY, 18), SaveAction.COMPLETE),
            (binh, births, local(DAY, 22, 30), SaveAction.COMPLETE),  # outside the shifts
            (binh, births, local(DAY + timedelta(days=1), 7), SaveAction.COMPLETE),
        ]
        numbers = {births.id: 0, deaths.id: 0}
        for user, book, at, action in work:
            numbers[book.id] += 1
            key_entry(session, clock, book, user, at, numbers[book.id], action)
        session.add(
            WorkSession(
                user_id=an.id, day=DAY, shift=1, active_seconds=3600, keystrokes=4000,
                first_at=local(DAY, 6, 30), last_at=local(DAY, 11, 59),
            )
        )  # fmt: skip
    with station.sessions() as session:
        return daily_report(session, DAY, clock)


def database_counts(station, day: date) -> tuple[int, int]:
    """Entries completed and deferred on ``day``, counted from the entries."""
    start, end = day_bounds(day)
    with station.sessions() as session:
        completed = session.scalar(
            select(func.count()).where(Entry.completed_at >= start, Entry.completed_at < end)
        )
        deferred = session.scalar(
            select(func.count()).where(Entry.deferred_at >= start, Entry.deferred_at < end)
        )
    return completed, deferred


def test_the_report_counts_the_day_by_shift_clerk_and_kind(station, day_of_work) -> None:
    report: DailyReport = day_of_work

    assert (report.completed, report.deferred) == database_counts(station, DAY) == (7, 2)
    assert [(s.number, s.completed, s.deferred) for s in report.shifts] == [
        (1, 3, 1), (2, 2, 1), (3, 1, 0), (0, 1, 0),
    ]  # fmt: skip
    assert [s.quota for s in report.shifts] == [150, 150, 150, None], "its clerks' quotas"
    assert report.team_day_quota == 1800
    assert report.percent_of_team_quota == pytest.approx(100 * 7 / 1800)
    assert [(c.shift, c.username, c.completed, c.deferred) for c in report.clerks] == [
        (1, "an", 3, 1), (2, "binh", 2, 1), (3, "an", 1, 0), (0, "binh", 1, 0),
    ]  # fmt: skip
    morning = report.clerks[0]
    assert (morning.quota, morning.percent_of_quota) == (150, 2.0)
    assert (morning.entries_per_hour, morning.keystrokes_per_hour) == (3, 4000)
    assert report.clerks[-1].quota is None, "work outside the shifts has no quota"
    assert [(k.kind, k.completed, k.deferred) for k in report.kinds] == [
        (BookKind.BIRTH, 5, 1), (BookKind.DEATH, 2, 1),
    ]  # fmt: skip


def test_a_lead_who_keys_counts_in_the_total_with_no_quota_line(station, clock) -> None:
    with station.sessions.begin() as session:
        an, lead = add_user(session, "an"), add_user(session, "lead", Role.LEAD)
        book = add_book(session, BookKind.BIRTH, expected=100)
        for number, user in enumerate([an, an, lead], start=1):
            key_entry(session, clock, book, user, local(DAY, 8, number), number)
    with station.sessions() as session:
        report = daily_report(session, DAY, clock)

    morning = report.shifts[0]
    assert (morning.completed, morning.clerks, morning.quota) == (3, 1, 150)
    lines = {c.username: c for c in report.clerks}
    assert (lines["an"].quota, lines["an"].percent_of_quota) == (150, pytest.approx(100 * 2 / 150))
    assert (lines["lead"].completed, lines["lead"].quota) == (1, None)
    assert lines["lead"].percent_of_quota is None, "no 0% line for the lead"
    assert report.completed == 3


def test_the_campaign_stands_as_it_was_at_the_end_of_the_day(day_of_work) -> None:
    campaign = day_of_work.campaign

    assert campaign.target == 120
    assert campaign.done == 8, "the day before and the day itself, not the day after"
    assert campaign.deadline == DAY + timedelta(days=10)
    assert campaign.projected_finish is not None


def sheet_rows(path: Path, sheet: str) -> list[tuple]:
    return list(load_workbook(path)[sheet].iter_rows(values_only=True))


def test_the_workbook_has_the_database_counts_as_numbers(station, day_of_work, tmp_path) -> None:
    path = write_report_xlsx(day_of_work, tmp_path / "report.xlsx")
    completed, deferred = database_counts(station, DAY)

    book = load_workbook(path)
    assert book.sheetnames == [
        "Tổng hợp",
        "Theo ca",
        "Theo cán bộ",
        "Theo loại sổ",
        "Lỗi nhập liệu",
    ]
    summary = {row[0]: row[1] for row in book["Tổng hợp"].iter_rows(values_only=True)}
    assert summary["Trạm nhập liệu"] == "TEST-01"
    assert summary["Đã xong"] == completed
    assert summary["Để lại xử lý sau"] == deferred
    assert summary["Định mức của tổ trong ngày"] == 1800
    assert summary["% chỉ tiêu"] == pytest.approx(8 / 120)
    assert summary["Hạn hoàn thành"].date() == DAY + timedelta(days=10)
    shifts = sheet_rows(path, "Theo ca")
    assert shifts[0] == (
        "Ca", "Giờ", "Số cán bộ", "Đã xong", "Để lại xử lý sau", "Định mức ca", "% định mức ca",
    )  # fmt: skip
    assert shifts[1][:2] == ("Ca 1", "06:00–12:00")
    assert shifts[-1][0] == "Tổng"
    assert sum(row[3] for row in shifts[1:-1]) == shifts[-1][3] == completed
    assert sum(row[4] for row in shifts[1:-1]) == shifts[-1][4] == deferred
    clerks = sheet_rows(path, "Theo cán bộ")
    assert clerks[1][1:5] == ("Nguyễn Thị Ân", "an", 3, 1)
    assert all(isinstance(row[3], int) for row in clerks[1:])
    kinds = sheet_rows(path, "Theo loại sổ")
    assert kinds[-1] == ("Tổng", completed, deferred)
    assert all(d.width >= 10 for d in book["Theo cán bộ"].column_dimensions.values())
    assert (
        book["Tổng hợp"]
        .cell(book["Tổng hợp"].max_row, 1)
        .value.startswith("Định mức chỉ áp dụng cho cán bộ nhập liệu")
    ), "the rule, said once"


def test_the_workbook_in_english(day_of_work, tmp_path) -> None:
    path = write_report_xlsx(day_of_work, tmp_path / "report.xlsx", language="en")

    assert load_workbook(path).sheetnames == [
        "Summary", "By shift", "By clerk", "By book kind", "Keying errors",
    ]  # fmt: skip
    assert sheet_rows(path, "By book kind")[1][0] == "Birth register"


def test_a_failed_write_leaves_the_previous_workbook_whole(
    day_of_work, tmp_path, monkeypatch
) -> None:
    (tmp_path / "stick").mkdir()
    path = write_report_xlsx(day_of_work, tmp_path / "stick" / "report.xlsx")
    before = path.read_bytes()

    def full_disk(self, filename):
        Path(filename).write_bytes(b"half a workbook")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", full_disk)
    with pytest.raises(OSError):
        write_report_xlsx(day_of_work, path)

    assert path.read_bytes() == before
    assert list(path.parent.iterdir()) == [path]


def test_the_report_has_each_clerks_keying_errors(station, clock, tmp_path) -> None:
    make_team(station)
    key_twice(station, clock)
    decide_planted(station, clock)
    with station.sessions() as session:
        report = daily_report(session, local_today(clock), clock)
        compared = session.scalar(select(func.sum(Verification.fields_compared)))

    rows = sheet_rows(write_report_xlsx(report, tmp_path / "report.xlsx"), "Lỗi nhập liệu")
    assert rows[0][:4] == ("Tổ, ca, cán bộ", "Trong ngày", "7 ngày qua", "7 ngày trước đó")
    by_name = {row[0]: row[1:] for row in rows[1:]}
    assert list(by_name)[-1] == "Cả tổ"
    assert by_name["An"][0] == pytest.approx(2000 / compared), "2 errors of an's fields"
    assert by_name["An"][1] == pytest.approx(2000 / compared)
    assert by_name["An"][2] is None, "nothing keyed the week before"
    assert by_name["An"][4] == "Chưa đủ số liệu"
    assert by_name["Cả tổ"][0] == pytest.approx(4000 / (2 * compared))


@pytest.mark.usefixtures("qapp")
def test_the_printed_report_is_a_pdf_in_vietnamese(day_of_work, tmp_path) -> None:
    from ui.reports.daily_pdf import report_html, write_report_pdf

    path = write_report_pdf(day_of_work, tmp_path / "report.pdf")

    assert path.read_bytes().startswith(b"%PDF-")
    html = report_html(day_of_work, "vi")
    assert "Báo cáo tiến độ nhập liệu sổ hộ tịch ngày 20/11/2026" in html
    assert "Nguyễn Thị Ân" in html
    assert "Định mức chỉ áp dụng cho cán bộ nhập liệu" in html


@pytest.mark.usefixtures("qapp")
@pytest.mark.skipif(
    shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
    reason="pdftoppm and pdftotext (poppler-utils) are not installed",
)
def test_the_printed_report_is_one_readable_a4_page(day_of_work, tmp_path) -> None:
    from PySide6.QtGui import QImage

    from ui.reports.daily_pdf import write_report_pdf

    path = write_report_pdf(day_of_work, tmp_path / "report.pdf")
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", "-singlefile", str(path), str(tmp_path / "page")],
        check=True,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout

    page = QImage(str(tmp_path / "page.png"))
    assert page.height() / page.width() == pytest.approx(297 / 210, rel=0.01)
    grey = page.convertToFormat(QImage.Format.Format_Grayscale8)
    dark = sum(
        grey.pixelColor(x, y).value() < 128
        for x in range(0, grey.width(), 2)
        for y in range(0, grey.height(), 2)
    )
    assert dark > 500, "the page has text on it"
    assert "\f" not in text.rstrip("\f"), "one page"
    assert "Để lại xử lý sau" in text  # diacritics survive, as text, not only as shapes
    assert "Nguyễn Thị Ân" in text
