"""Reading the list of books an office keeps: a .csv or .xlsx file, as
Excel writes them in Vietnam, with a header row naming the columns in
Vietnamese or English, any accents, any case, below a few title lines.
"""

from __future__ import annotations

import csv
import io
import logging
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.values.text import search_key
from app.work.inventory_problems import LABELS, Problem, problem

log = logging.getLogger(__name__)

HEADER_SEARCH_ROWS = 10  # title lines an office puts above the header row
OTHER_HEADERS = {
    "kind": ("loai", "loai so ho tich"),
    "office": ("co quan dang ky", "noi dang ky ho tich"),
    "volume": ("quyen", "so quyen"),
    "year": ("nam dang ky",),
    "pages": ("trang",),
    "expected_entries": ("so muc", "expected"),
    "condition": ("tinh trang so",),
}
HEADER_NAMES = {
    search_key(alias): name
    for name, label in LABELS.items()
    for alias in (label.vi, label.en, name.replace("_", " "), *OTHER_HEADERS[name])
}


@dataclass(frozen=True)
class BookSheet:
    """A list of books as read: which column holds each detail of a book,
    the header's other columns, and the rows below the header, each
    numbered as the spreadsheet shows it."""

    columns: dict[str, int]
    ignored_columns: list[str]
    rows: list[tuple[int, list[str]]]


def read_sheet(path: Path) -> BookSheet:
    """The list of books in the .csv or .xlsx file at ``path``.

    The header row is the first of the top rows that names a column of a
    book (the first row when none does). Raises :class:`SheetRefused`
    when the file cannot be read.
    """
    rows = list(_read_rows(path))
    header_at = next(
        (i for i, (_, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]) if _columns(cells)), 0
    )
    header = rows[header_at][1] if rows else []
    columns = _columns(header)
    return BookSheet(
        columns=columns,
        ignored_columns=[h for i, h in enumerate(header) if h and i not in columns.values()],
        rows=rows[header_at + 1 :],
    )


def cell_text(value: object) -> str:
    """A cell or a typed value as text: 12.0 from Excel reads as "12"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class SheetRefused(Exception):
    """The file cannot be read as a list of books; ``problem`` says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message("en"))
        self.problem = problem


def _columns(header: list[str]) -> dict[str, int]:
    """Which column of the header row holds each detail of a book."""
    columns: dict[str, int] = {}
    for at, cell in enumerate(header):
        name = HEADER_NAMES.get(search_key(cell.replace("_", " ")))
        if name is not None:
            columns.setdefault(name, at)
    return columns


def _read_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """The rows of the file, numbered as a spreadsheet numbers them, as text."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise SheetRefused(problem("unsupported_file"))
    try:
        rows = _csv_rows(path.read_bytes()) if suffix == ".csv" else _xlsx_rows(path)
    except (OSError, zipfile.BadZipFile, KeyError, csv.Error) as e:
        log.warning("cannot read the book list %s", path, exc_info=True)
        raise SheetRefused(problem("unreadable_file", name=path.name)) from e
    for number, cells in enumerate(rows, start=1):
        yield number, [cell_text(cell) for cell in cells]


def _csv_rows(content: bytes) -> list[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise SheetRefused(problem("not_utf8")) from e
    # Excel with Vietnamese regional settings separates with ";", not ",".
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _xlsx_rows(path: Path) -> list[tuple[object, ...]]:
    # Imported here: the window starts faster without openpyxl (0.2 s).
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except InvalidFileException as e:
        raise zipfile.BadZipFile(f"not an Excel workbook: {e}") from e
    try:
        return list(workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()
