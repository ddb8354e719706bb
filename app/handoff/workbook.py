"""The hand-off's Excel workbook: one row per entry handed.

Without a template, a sheet of Sohoa's own: the kind's columns
(app.handoff.columns) under a bold header row. With the Ministry's own
template, its first sheet is kept as it is: the first row with text is its
header row, each header recognised is filled in the template's order and
with the formatting of the row beneath the header, and the headers no
column fills are named (their cells stay empty).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.handoff.columns import Column, cell_value, match_headers
from app.handoff.source import HandoffBook, HandoffEntry

BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
TEXT = "@"  # dates of their own precision stay text: 03/1962 is no day
# Rows a template's header may sit under a title, a date line, a blank row.
HEADER_SEARCH_ROWS = 30


class TemplateError(ValueError):
    """A template that cannot be used: the message says why."""


@dataclass(frozen=True)
class Written:
    rows: int
    filled: list[str]  # the headers filled, in the workbook's order
    unfilled: list[str]  # a template's headers left empty


def write_workbook(
    path: Path,
    book: HandoffBook,
    entries: Sequence[HandoffEntry],
    pdfs: dict[str, str],
    columns: Sequence[Column],
    *,
    sheet_title: str,
    template: Path | None = None,
    moment: datetime | None = None,
) -> Written:
    """Write the rows of ``entries`` (``pdfs``: their PDF names by UUID) to
    ``path``, on ``template``'s first sheet if one is given."""
    styles: dict[int, StyleArray] = {}
    if template is None:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = sheet_title[:31]
        placed = list(enumerate(columns, start=1))
        sheet.append([c.header for c in columns])
        for cell in sheet[1]:
            cell.font = BOLD
            cell.fill = HEADER_FILL
        sheet.freeze_panes = "A2"
        header_row, unfilled = 1, []
    else:
        workbook, sheet, header_row, headers = read_template(template)
        match = match_headers(headers, columns)
        placed, unfilled = match.placed, match.unfilled
        beneath = {number: sheet.cell(header_row + 1, number) for number, _ in placed}
        styles = {n: copy(c._style) for n, c in beneath.items() if c.has_style}
        # An example row or old data under the header: the rows are ours.
        if sheet.max_row > header_row:
            sheet.delete_rows(header_row + 1, sheet.max_row - header_row)
    for ordinal, entry in enumerate(entries, start=1):
        row = header_row + ordinal
        for number, column in placed:
            cell = sheet.cell(
                row, number, cell_value(column, book, entry, ordinal, pdfs.get(entry.uuid))
            )
            if number in styles:
                cell._style = copy(styles[number])
            if column.is_date:
                cell.number_format = TEXT
    if template is None:
        _fit_columns(sheet)
    if moment is not None:
        # The same hand-off written again is the same file.
        workbook.properties.created = workbook.properties.modified = moment.replace(tzinfo=None)
    workbook.save(path)
    return Written(len(entries), [c.header for _, c in placed], unfilled)


def read_template(path: Path) -> tuple[Workbook, Worksheet, int, list[tuple[int, str]]]:
    """``path``'s workbook, its first sheet, its header row and that row's
    headers: (column number, text). The header row is the first with text,
    past a title alone on its row ("DANH SÁCH …") when a row of headers follows."""
    try:
        # Read from bytes: openpyxl judges a file by its name, a partial one too.
        workbook = load_workbook(io.BytesIO(path.read_bytes()))
    except OSError as e:
        raise TemplateError(f"{path.name} cannot be read: {e}") from e
    except Exception as e:  # openpyxl raises what its parsers raise
        raise TemplateError(f"{path.name} cannot be read as an Excel workbook (.xlsx): {e}") from e
    sheet = workbook.worksheets[0]
    first: tuple[int, list[tuple[int, str]]] | None = None
    for cells in sheet.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS):
        headers = [
            (cell.column, str(cell.value).strip())
            for cell in cells
            if isinstance(cell.value, str) and cell.value.strip()
        ]
        if len(headers) > 1:
            return workbook, sheet, cells[0].row, headers
        if headers and first is None:
            first = (cells[0].row, headers)
    if first is not None:
        return workbook, sheet, first[0], first[1]
    raise TemplateError(f"{path.name}: its first sheet has no header row")


def _fit_columns(sheet: Worksheet) -> None:
    """Widen each column to its longest text (within reason)."""
    for index, cells in enumerate(sheet.iter_cols(), start=1):
        longest = max((len(str(c.value)) for c in cells if c.value is not None), default=0)
        sheet.column_dimensions[get_column_letter(index)].width = min(50, max(8, longest + 2))
