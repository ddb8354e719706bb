"""The province's daily report as an Excel workbook, in Vietnamese, to print.

One sheet: a heading (the day, when made, the plan), then a row per
station under its district, each district closed by its subtotal row, and
the province's total last. Counts are numbers, shares fractions shown as
percentages, dates dates (dd/mm/yyyy), in the manner of the station's own
report (app.reports.xlsx): the figures can be added up again in Excel.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from app.centre.intake import SequenceGaps
from app.centre.plan_progress import Progress
from app.centre.report import DistrictSection, ProvinceReport, StationLine, Sum
from app.db.models import DeferralReason
from app.reports.wording import day_text, number, reason_name
from app.reports.xlsx import (
    BOLD,
    COUNT,
    DAY,
    HEADER_FILL,
    MOMENT,
    PERCENT,
    RATE,
    fit_columns,
    replaced_atomically,
)
from app.system.clock import VIETNAM

REASONS = list(DeferralReason)
# Each column's header and number format, in the sheet's order.
COLUMNS: list[tuple[str, str | None]] = [
    ("Huyện", None),
    ("Xã, phường", None),
    ("Mã trạm", None),
    ("Chỉ tiêu (mục)", COUNT),
    ("Đã nhận (mục)", COUNT),
    ("% chỉ tiêu", PERCENT),
    ("Nhận trong ngày", COUNT),
    ("Trạm báo đã xong", COUNT),
    *((f"Để lại: {reason_name(r, 'vi')}", COUNT) for r in REASONS),
    ("Bản nháp", COUNT),
    ("Lỗi nhập liệu / 1.000 trường", RATE),
    ("Hạn hoàn thành", DAY),
    ("Dự kiến hoàn thành", DAY),
    ("Số lô thiếu", COUNT),
    ("Tình trạng", None),
]
HEADER_ROW = 6


def write_province_report(report: ProvinceReport, path: Path) -> Path:
    """Write ``report`` to ``path`` (an .xlsx), replacing it only once complete."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Báo cáo toàn tỉnh"
    _heading(sheet, report)
    for section in report.sections:
        for line in section.stations:
            _append(sheet, _station_row(line))
        _append(sheet, _subtotal_row(section), bold=True)
    _append(sheet, _total_row(report), bold=True)
    fit_columns(sheet, first_row=HEADER_ROW)
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 4)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    with replaced_atomically(path) as partial:
        book.save(partial)
    return path


def _heading(sheet: Worksheet, report: ProvinceReport) -> None:
    sheet.append([f"Báo cáo tiến độ số hóa sổ hộ tịch toàn tỉnh ngày {day_text(report.day)}"])
    sheet["A1"].font = Font(bold=True, size=14)
    made = report.made_at.astimezone(VIETNAM).replace(tzinfo=None, microsecond=0)
    sheet.append(["Lập lúc", made])
    sheet.cell(2, 2).number_format = MOMENT
    sheet.append(["Kế hoạch", report.plan_source or "Chưa nhập kế hoạch"])
    sheet.append(
        [
            f"Dự kiến hoàn thành theo tốc độ {report.pace_days} ngày qua; trạm im lặng: không"
            f" gửi lô {report.silent_after} ngày trở lên. Số liệu của trạm theo báo cáo mới"
            " nhất trạm gửi kèm lô."
        ]
    )
    sheet.cell(4, 1).font = Font(italic=True)
    sheet.append([])
    sheet.append([header for header, _ in COLUMNS])
    for cell in sheet[HEADER_ROW]:
        cell.font = BOLD
        cell.fill = HEADER_FILL


def _append(sheet: Worksheet, values: list[Any], bold: bool = False) -> None:
    sheet.append(values)
    row = sheet.max_row
    for index, (_, number_format) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row, index)
        if number_format and not isinstance(cell.value, str):
            cell.number_format = number_format
        if bold:
            cell.font = BOLD


def _station_row(line: StationLine) -> list[Any]:
    p, s = line.progress, line.status
    district = p.district if p.in_plan else "Ngoài kế hoạch"
    commune = (p.commune or "Văn phòng huyện") if p.in_plan else ""
    state = _state(p.progress) if p.in_plan else []
    if p.silent:
        state.append(
            "Chưa gửi lô nào"
            if p.days_silent is None
            else f"Không gửi lô {number(p.days_silent, 'vi')} ngày"
        )
    if s is not None and s.gaps.missing:
        state.append(f"Thiếu lô {_ranges(s.gaps)}")
    if s is not None and s.summary is None:
        state.append("Không có số liệu của trạm (phiên bản Sohoa cũ)")
    return [
        district,
        commune,
        line.station,
        *_plan(p.progress),
        line.received_on_day,
        None if s is None else s.done,
        *(None if s is None or s.summary is None else s.deferred.get(r, 0) for r in REASONS),
        None if s is None else s.drafts,
        None if s is None else s.errors_per_thousand,
        p.progress.deadline,
        p.progress.projected,
        None if s is None else s.gaps.missing,
        "; ".join(state),
    ]


def _subtotal_row(section: DistrictSection) -> list[Any]:
    name = section.district or "ngoài kế hoạch"
    plan = _plan(section.progress) if section.progress else [None, _received(section), None]
    state = _state(section.progress) if section.progress else []
    return [
        f"Cộng {name}",
        "",
        f"{number(len(section.stations), 'vi')} trạm",
        *plan,
        *_sums(section.subtotal),
        section.progress.deadline if section.progress else None,
        section.progress.projected if section.progress else None,
        section.subtotal.missing_batches,
        "; ".join(state + _counts(section.subtotal)),
    ]


def _total_row(report: ProvinceReport) -> list[Any]:
    share = report.received / report.target if report.target else None
    stations = sum(len(s.stations) for s in report.sections)
    return [
        "Toàn tỉnh",
        "",
        f"{number(stations, 'vi')} trạm",
        report.target,
        report.received,
        share,
        *_sums(report.total),
        None,
        None,
        report.total.missing_batches,
        "; ".join(_counts(report.total)),
    ]


def _plan(p: Progress) -> list[Any]:
    return [p.target, p.received, p.share]


def _received(section: DistrictSection) -> int:
    return sum(s.progress.progress.received for s in section.stations)


def _sums(total: Sum) -> list[Any]:
    return [
        total.received_on_day,
        total.done,
        *(total.deferred.get(r, 0) for r in REASONS),
        total.drafts,
        total.errors_per_thousand,
    ]


def _state(p: Progress) -> list[str]:
    if p.done:
        return ["Đã đạt chỉ tiêu"]
    return ["Chậm so với hạn"] if p.late else []


def _counts(total: Sum) -> list[str]:
    said = []
    if total.late:
        said.append(f"{number(total.late, 'vi')} trạm chậm hạn")
    if total.silent:
        said.append(f"{number(total.silent, 'vi')} trạm im lặng")
    return said


def _ranges(gaps: SequenceGaps) -> str:
    listed = ", ".join(
        number(a, "vi") if a == b else f"{number(a, 'vi')}–{number(b, 'vi')}"
        for a, b in gaps.ranges
    )
    if gaps.more_ranges:
        listed += f" và {number(gaps.more_ranges, 'vi')} khoảng khác"
    return listed
