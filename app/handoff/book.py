"""A book handed over as the Ministry asks: one workbook, one zip of PDFs.

:func:`assess` says what a hand-off of the book would hold and what it
would leave out (deferred entries, drafts, entries awaiting their second
keying, entries whose page was not scanned), so that the lead is asked
before handing over a book that is not whole. :func:`make_handoff` writes
the workbook (a row per entry handed) and the zip (a PDF per entry whose
page is scanned) under temporary names, checks them — rows = entries
handed, PDFs = entries with a scan, every PDF opens and is one page — and
only then gives them their names, replacing a hand-off of the same book
made before. A book with no scan gets its workbook and no zip.

It reads a :class:`~app.handoff.source.BookSource`: the station's
(app.handoff.station) or the centre's, made the same way.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from openpyxl import load_workbook

from app.db.models import EntryStatus
from app.handoff.columns import ColumnsError, columns_for
from app.handoff.names import (
    DEFAULT_PDF_PATTERN,
    PatternError,
    Renamed,
    book_file_stem,
    check_pattern,
    pdf_names,
)
from app.handoff.pdf import PageUnreadable, entry_pdf, pdf_pages
from app.handoff.source import BookSource, HandoffBook, HandoffEntry
from app.handoff.workbook import TemplateError, read_template, write_workbook
from app.reports.xlsx import replaced_atomically
from app.scans.pages import PageScan
from app.scans.store import ScanMissing
from app.specs import spec_for
from app.system.clock import VIETNAM, Clock, SystemClock

Progress = Callable[[int, int], None]  # done, total

# What a hand-off takes: an entry done, verified, or already at the centre.
HANDED = (EntryStatus.COMPLETED.value, EntryStatus.VERIFIED.value, EntryStatus.EXPORTED.value)


class HandoffProblem(StrEnum):
    NOTHING_HANDED = "nothing_handed"
    NO_FOLDER = "no_folder"
    PATTERN = "pattern"
    TEMPLATE = "template"
    COLUMNS = "columns"
    PAGE_MISSING = "page_missing"
    CHECK_FAILED = "check_failed"


class HandoffError(ValueError):
    """A hand-off not made; nothing was written. ``problem`` lets a window
    say it in the lead's language, the message says it in English."""

    def __init__(self, problem: HandoffProblem, message: str) -> None:
        super().__init__(message)
        self.problem = problem


@dataclass(frozen=True)
class Assessment:
    """What a hand-off of the book would hold, and what it would not."""

    book: HandoffBook
    handed: tuple[HandoffEntry, ...]  # in book order
    deferred: int
    drafts: int
    awaiting_verification: int  # completed, their second keying not done
    without_scan: tuple[HandoffEntry, ...]  # handed, but their page is not scanned

    @property
    def not_handed(self) -> int:
        return self.deferred + self.drafts + self.awaiting_verification

    @property
    def with_scan(self) -> int:
        return len(self.handed) - len(self.without_scan)

    @property
    def whole(self) -> bool:
        """Every entry of the book handed, each with its PDF: nothing to ask."""
        return self.not_handed == 0 and not self.without_scan


@dataclass(frozen=True)
class Handoff:
    """A hand-off made and checked."""

    assessment: Assessment
    workbook: Path
    archive: Path | None  # None: no entry handed has a scanned page
    rows: int
    pdfs: int
    wrapped: int  # PDFs holding the scan's own JPEG, not encoded again
    renamed: list[Renamed] = field(default_factory=list)
    filled: list[str] = field(default_factory=list)  # the workbook's headers filled
    unfilled: list[str] = field(default_factory=list)  # a template's headers left empty
    replaced: list[Path] = field(default_factory=list)  # earlier files overwritten

    @property
    def book(self) -> HandoffBook:
        return self.assessment.book


def assess(source: BookSource) -> Assessment:
    """What a hand-off of ``source``'s book would hold and leave out."""
    handed: list[HandoffEntry] = []
    without_scan: list[HandoffEntry] = []
    deferred = drafts = awaiting = 0
    scanned: dict[int, bool] = {}
    for entry in source.entries():
        if entry.status == EntryStatus.DEFERRED.value:
            deferred += 1
        elif entry.status == EntryStatus.DRAFT.value:
            drafts += 1
        elif entry.awaiting_verification:
            awaiting += 1
        elif entry.status in HANDED:
            handed.append(entry)
            page = entry.page
            if page is None:
                without_scan.append(entry)
                continue
            if page not in scanned:
                scanned[page] = source.page(page) is not None
            if not scanned[page]:
                without_scan.append(entry)
    return Assessment(
        source.book, tuple(handed), deferred, drafts, awaiting, tuple(without_scan)
    )  # fmt: skip


def make_handoff(
    source: BookSource,
    to_dir: Path,
    *,
    template: Path | None = None,
    pattern: str = DEFAULT_PDF_PATTERN,
    columns_folder: Path | None = None,
    clock: Clock | None = None,
    progress: Progress | None = None,
    assessment: Assessment | None = None,
) -> Handoff:
    """Hand ``source``'s book over into the folder ``to_dir``: the workbook
    ``KS.1995.01.xlsx`` (on ``template``'s first sheet, if given) and the zip
    ``KS.1995.01.zip`` of the entries' PDFs named by ``pattern``. Checked
    before it is named; HandoffError, and nothing written, if it cannot be.

    ``assessment`` is the one the lead was shown, if any (else it is made
    now); ``columns_folder`` holds the columns files instead of the shipped
    ones (app.handoff.columns).
    """
    try:
        pattern = check_pattern(pattern)
    except PatternError as e:
        raise HandoffError(HandoffProblem.PATTERN, str(e)) from e
    if not to_dir.is_dir():
        raise HandoffError(HandoffProblem.NO_FOLDER, f"there is no folder {to_dir}")
    if template is not None:
        try:
            read_template(template)
        except TemplateError as e:
            raise HandoffError(HandoffProblem.TEMPLATE, str(e)) from e
    book = source.book
    try:
        columns = columns_for(book.kind, columns_folder)
    except ColumnsError as e:
        raise HandoffError(HandoffProblem.COLUMNS, str(e)) from e
    assessment = assessment or assess(source)
    if not assessment.handed:
        raise HandoffError(
            HandoffProblem.NOTHING_HANDED,
            "no entry of the book is completed, verified or exported: nothing to hand over",
        )
    without = {e.uuid for e in assessment.without_scan}
    scanned = [e for e in assessment.handed if e.uuid not in without]
    names, renamed = pdf_names(book, scanned, pattern)
    stem = book_file_stem(book)
    workbook_path = to_dir / f"{stem}.xlsx"
    archive_path = to_dir / f"{stem}.zip" if scanned else None
    # A zip of an earlier hand-off, when this one has none, goes with it.
    stale = to_dir / f"{stem}.zip" if archive_path is None else None
    replaced = [p for p in (workbook_path, archive_path, stale) if p is not None and p.exists()]
    moment = (clock or SystemClock()).now()
    total = len(scanned) * 2 + 2
    tick = progress or (lambda done, total: None)
    with ExitStack() as files:
        workbook_partial = files.enter_context(replaced_atomically(workbook_path))
        wrapped = 0
        if archive_path is not None:
            archive_partial = files.enter_context(replaced_atomically(archive_path))
            wrapped = _write_archive(source, archive_partial, scanned, names, moment, tick, total)
        tick(len(scanned), total)
        written = write_workbook(
            workbook_partial, book, assessment.handed, names, columns,
            sheet_title=spec_for(book.kind).label.vi, template=template, moment=moment,
        )  # fmt: skip
        tick(len(scanned) + 1, total)
        _check(workbook_partial, template, len(assessment.handed))
        if archive_path is not None:
            _check_archive(
                archive_partial, names, lambda done: tick(len(scanned) + 1 + done, total)
            )
        tick(total, total)
    if stale is not None:
        stale.unlink(missing_ok=True)
    return Handoff(
        assessment, workbook_path, archive_path, written.rows, len(scanned), wrapped,
        renamed, written.filled, written.unfilled, replaced,
    )  # fmt: skip


def _write_archive(
    source: BookSource,
    path: Path,
    entries: Sequence[HandoffEntry],
    names: dict[str, str],
    moment: datetime,
    tick: Progress,
    total: int,
) -> int:
    """The zip of the entries' PDFs; how many hold their scan's own JPEG."""

    @lru_cache(maxsize=8)
    def scan_of(page: int) -> PageScan:
        scan = source.page(page)
        if scan is None:  # scanned when assessed, and gone since
            raise HandoffError(HandoffProblem.PAGE_MISSING, f"page {page} is no longer scanned")
        return scan

    # Entries of one page follow each other in the book: its PDF is made once.
    @lru_cache(maxsize=8)
    def pdf_of(page: int, region: tuple[float, ...] | None) -> tuple[bytes, bool]:
        scan = scan_of(page)
        try:
            made = entry_pdf(source.page_bytes(scan), scan.media_type, region)
        except (ScanMissing, PageUnreadable) as e:
            raise HandoffError(HandoffProblem.PAGE_MISSING, f"page {page}: {e}") from e
        return made.data, made.wrapped

    stamp = moment.astimezone(VIETNAM).timetuple()[:6]
    wrapped = 0
    with zipfile.ZipFile(path, "w") as archive:
        for done, entry in enumerate(entries, start=1):
            assert entry.page is not None  # entries without a page have no scan
            region = tuple(float(v) for v in entry.region) if entry.region else None
            data, was_wrapped = pdf_of(entry.page, region)
            wrapped += was_wrapped
            # Stored, not deflated: a PDF of a JPEG does not compress.
            archive.writestr(zipfile.ZipInfo(names[entry.uuid], stamp), data)
            tick(done, total)
    return wrapped


def _check(workbook: Path, template: Path | None, rows: int) -> None:
    """The workbook reads back with one row per entry handed."""
    if template is None:
        book, header_row = load_workbook(io.BytesIO(workbook.read_bytes()), read_only=True), 1
        sheet = book.worksheets[0]
    else:
        book, sheet, header_row, _ = read_template(workbook)
    try:
        found = sum(
            1
            for values in sheet.iter_rows(min_row=header_row + 1, values_only=True)
            if any(v not in (None, "") for v in values)
        )
    finally:
        book.close()
    if found != rows:
        raise HandoffError(
            HandoffProblem.CHECK_FAILED,
            f"the workbook read back has {found} rows, not the {rows} entries handed",
        )


def _check_archive(path: Path, names: dict[str, str], tick: Callable[[int], None]) -> None:
    """The zip reads back with a PDF per entry, each opening, of one page."""
    with zipfile.ZipFile(path) as archive:
        inside = archive.namelist()
        if sorted(inside) != sorted(names.values()):
            raise HandoffError(
                HandoffProblem.CHECK_FAILED,
                f"the zip read back holds {len(inside)} files, not the {len(names)} PDFs written",
            )
        for done, name in enumerate(inside, start=1):
            try:
                pages = pdf_pages(archive.read(name))
            except (ValueError, zipfile.BadZipFile) as e:
                raise HandoffError(HandoffProblem.CHECK_FAILED, f"{name}: {e}") from e
            if pages != 1:
                raise HandoffError(
                    HandoffProblem.CHECK_FAILED, f"{name} has {pages} pages, not one"
                )  # fmt: skip
            tick(done)
