"""Reading the province's plan: the first sheet of a .xlsx file, a row per
district or commune with the station that keys its books, its target and
its deadline, under a header row naming the columns in Vietnamese or
English (accents, case and punctuation ignored), below a few title lines.

Each row is checked here; what is wrong with a row, or right but worth a
look, is a :class:`PlanProblem`, said in Vietnamese and English with the
row's number as the spreadsheet shows it. What the rows mean together —
a commune or a station listed twice — is :mod:`app.centre.plan`'s.
"""

from __future__ import annotations

import logging
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from app.batch.format import STATION_CODE
from app.specs import Text
from app.values.text import normalize, search_key
from app.work.inventory_sheet import cell_text

log = logging.getLogger(__name__)

HEADER_SEARCH_ROWS = 10  # title lines the province puts above the header row
MAX_NAME = 100

# The columns of the plan, with the names a sheet may give them.
COLUMNS: dict[str, Text] = {
    "district": Text("Huyện", "District"),
    "commune": Text("Xã", "Commune"),
    "station": Text("Mã trạm", "Station"),
    "target_entries": Text("Chỉ tiêu (mục)", "Target entries"),
    "target_books": Text("Chỉ tiêu (sổ)", "Target books"),
    "deadline": Text("Hạn hoàn thành", "Deadline"),
}
OTHER_HEADERS = {
    "district": ("quan huyen", "huyen thi xa thanh pho", "huyen thi xa", "don vi cap huyen"),
    "commune": ("xa phuong thi tran", "xa phuong", "don vi cap xa", "ward"),
    "station": ("tram", "ma tram nhap lieu", "station code"),
    "target_entries": ("chi tieu", "chi tieu so muc", "so muc", "target", "entries"),
    "target_books": ("chi tieu so so", "so so", "books"),
    "deadline": ("han", "thoi han", "thoi han hoan thanh", "han chot", "due"),
}
# A line of totals below the units ("Tổng cộng"), not a district.
TOTAL_LINES = {"tong", "tong cong", "cong", "total"}

MESSAGES: dict[str, Text] = {
    "not_xlsx": Text("Chỉ nhập được tệp .xlsx.", "Only .xlsx files can be imported."),
    "unreadable_file": Text("Không đọc được tệp {name}.", "Cannot read the file {name}."),
    "missing_columns": Text("Tệp không có cột: {columns}.", "The file has no column: {columns}."),
    "no_units": Text("Tệp không có dòng huyện, xã nào.", "The file lists no district or commune."),
    "district_missing": Text("Chưa ghi huyện.", "The district is missing."),
    "too_long": Text(
        "{column}: dài quá {limit} ký tự.", "{column}: longer than {limit} characters."
    ),
    "not_a_target": Text(
        "{column}: “{value}” không phải là số nguyên dương.",
        "{column}: “{value}” is not a positive whole number.",
    ),
    "not_a_date": Text(
        "{column}: “{value}” không phải là một ngày có thật (ngày/tháng/năm).",
        "{column}: “{value}” is not a real date (dd/mm/yyyy).",
    ),
    "not_a_station": Text(
        "{column}: “{value}” không phải mã trạm (2 đến 32 chữ in hoa, chữ số, gạch nối).",
        "{column}: “{value}” is not a station code (2 to 32 capitals, digits, hyphens).",
    ),
    "station_twice": Text(
        "Trạm {station} đã có ở dòng {other}.", "Station {station} is already in row {other}."
    ),
    "commune_twice": Text(
        "{commune} của {district} đã có ở dòng {other}.",
        "{commune} of {district} is already in row {other}.",
    ),
    "district_twice": Text(
        "Dòng của cả {district} đã có ở dòng {other}.",
        "The row of {district} as a whole is already row {other}.",
    ),
    # Warnings: the plan is imported all the same.
    "unknown_district": Text(
        "Danh mục địa giới hành chính không có “{district}”{within}.",
        "The gazetteer knows no district “{district}”{within}.",
    ),
    "unknown_commune": Text(
        "Danh mục địa giới hành chính không có “{commune}” thuộc {district}.",
        "The gazetteer knows no “{commune}” in {district}.",
    ),
    "communes_exceed_district": Text(
        "Chỉ tiêu các xã của {district} cộng lại ({communes}) vượt chỉ tiêu cả huyện ({whole}).",
        "The targets of the communes of {district} add up to {communes}, more than the"
        " district's as a whole ({whole}).",
    ),
}


@dataclass(frozen=True)
class PlanProblem:
    """What is wrong with the plan's file or one of its rows, in both
    languages; ``row`` as the spreadsheet numbers it (None: the file)."""

    code: str
    params: tuple[tuple[str, str | int | Text], ...] = ()
    row: int | None = None

    def message(self, language: str = "vi") -> str:
        values = {k: v.get(language) if isinstance(v, Text) else v for k, v in self.params}
        return MESSAGES[self.code].get(language).format(**values)


def plan_problem(code: str, row: int | None = None, **params: str | int | Text) -> PlanProblem:
    """The problem ``code`` at ``row``; a ``column`` param names a column of COLUMNS."""
    if code not in MESSAGES:
        raise KeyError(f"no message for plan problem {code!r}")
    if isinstance(params.get("column"), str):
        params["column"] = COLUMNS[str(params["column"])]
    return PlanProblem(code, tuple(sorted(params.items())), row)


@dataclass(frozen=True)
class PlanRow:
    """One row of the plan, checked: a commune (or, with no commune, the
    district as a whole), the station keying its books, its target and deadline."""

    row: int
    district: str
    commune: str | None
    station: str | None
    target_entries: int | None
    target_books: int | None
    deadline: date | None


@dataclass(frozen=True)
class PlanSheet:
    """The plan's rows as read, each checked on its own; the problems of
    the rows that are not; the header's columns that were not read."""

    rows: list[PlanRow]
    problems: list[PlanProblem]
    ignored_columns: list[str]


class PlanSheetRefused(Exception):
    """The file cannot be read as a plan; ``problem`` says why."""

    def __init__(self, problem: PlanProblem) -> None:
        super().__init__(problem.message("en"))
        self.problem = problem


def read_plan_sheet(path: Path) -> PlanSheet:
    """The rows of the plan in the .xlsx file at ``path``, each checked.

    The header row is the first of the top rows that names the district
    column (when none does, the one naming the most columns); rows wholly
    empty, and a line of totals, are skipped. Raises
    :class:`PlanSheetRefused` when the file cannot be read or lacks the
    district or any target column.
    """
    cells = _xlsx_rows(path)
    top = range(min(len(cells), HEADER_SEARCH_ROWS))
    header_at = next(
        (i for i in top if "district" in _columns(cells[i])),
        max(top, key=lambda i: len(_columns(cells[i])), default=0),
    )
    header = cells[header_at] if cells else []
    columns = _columns(header)
    missing = [c for c in ("district", "target_entries") if c not in columns]
    if "target_books" in columns and missing == ["target_entries"]:
        missing = []
    if missing:
        names = [COLUMNS[c] for c in missing]
        raise PlanSheetRefused(
            plan_problem(
                "missing_columns",
                columns=Text(", ".join(n.vi for n in names), ", ".join(n.en for n in names)),
            )
        )
    rows: list[PlanRow] = []
    problems: list[PlanProblem] = []
    start = header_at + 1
    for number, values in enumerate(cells[start:], start=start + 1):
        by_column = {c: values[at] if at < len(values) else None for c, at in columns.items()}
        if not any(cell_text(v) for v in by_column.values()):
            continue
        if search_key(cell_text(by_column["district"])) in TOTAL_LINES:
            continue
        row, found = _checked_row(number, by_column)
        problems += found
        if row is not None:
            rows.append(row)
    ignored = [
        cell_text(h) for i, h in enumerate(header) if cell_text(h) and i not in columns.values()
    ]
    return PlanSheet(rows, problems, ignored)


def header_key(text: str) -> str:
    """A header as compared: no accents, no case, no punctuation ("chi tieu muc")."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", search_key(text)).split())


HEADER_NAMES = {
    header_key(alias): column
    for column, label in COLUMNS.items()
    for alias in (label.vi, label.en, *OTHER_HEADERS[column])
}


def _columns(header: list[object]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for at, cell in enumerate(header):
        column = HEADER_NAMES.get(header_key(cell_text(cell)))
        if column is not None:
            columns.setdefault(column, at)
    return columns


def _checked_row(number: int, cells: dict[str, object]) -> tuple[PlanRow | None, list[PlanProblem]]:
    problems: list[PlanProblem] = []
    district = _name("district", cells.get("district"), number, problems)
    if not district:
        problems.append(plan_problem("district_missing", number))
    row = PlanRow(
        row=number,
        district=district,
        commune=_name("commune", cells.get("commune"), number, problems) or None,
        station=_station(cells.get("station"), number, problems),
        target_entries=_target("target_entries", cells.get("target_entries"), number, problems),
        target_books=_target("target_books", cells.get("target_books"), number, problems),
        deadline=_deadline(cells.get("deadline"), number, problems),
    )
    return (None, problems) if problems else (row, [])


def _name(column: str, value: object, number: int, problems: list[PlanProblem]) -> str:
    text = normalize(cell_text(value))
    if len(text) > MAX_NAME:
        problems.append(plan_problem("too_long", number, column=column, limit=MAX_NAME))
    return text


def _station(value: object, number: int, problems: list[PlanProblem]) -> str | None:
    text = cell_text(value)
    if not text:
        return None
    code = text.upper()
    if STATION_CODE.fullmatch(code) is None:
        problems.append(plan_problem("not_a_station", number, column="station", value=text))
        return None
    return code


# Whole numbers, with thousands grouped as Vietnamese and English write them.
_WHOLE = re.compile(r"\d+|\d{1,3}(?:[., ]\d{3})+")


def _target(column: str, value: object, number: int, problems: list[PlanProblem]) -> int | None:
    text = cell_text(value)
    if not text:
        return None
    whole = int(re.sub(r"\D", "", text)) if _WHOLE.fullmatch(text) else 0
    if whole <= 0:
        problems.append(plan_problem("not_a_target", number, column=column, value=text))
        return None
    return whole


# A date as the province types it: 30/6/2026, 30-06-2026, 30.06.2026.
_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def _deadline(value: object, number: int, problems: list[PlanProblem]) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    if not text:
        return None
    found = _DATE.fullmatch(text)
    try:
        if found is None:
            raise ValueError(text)
        day, month, year = (int(part) for part in found.groups())
        return date(year, month, day)
    except ValueError:
        problems.append(plan_problem("not_a_date", number, column="deadline", value=text))
        return None


def _xlsx_rows(path: Path) -> list[list[object]]:
    """The first sheet's rows, each cell as openpyxl gives it (a date cell as a datetime)."""
    if path.suffix.lower() != ".xlsx":
        raise PlanSheetRefused(plan_problem("not_xlsx"))
    # Imported here: the commands start faster without openpyxl.
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
        finally:
            workbook.close()
    except (OSError, zipfile.BadZipFile, KeyError, InvalidFileException, IndexError) as e:
        log.warning("cannot read the plan %s", path, exc_info=True)
        raise PlanSheetRefused(plan_problem("unreadable_file", name=path.name)) from e
