"""A book's scans imported by the lead, and the next page shown beside the form.

The import is the lead's: the 200 pages of a scanned book read, checked and
kept in the store (app.scans.importing.prepare), then numbered and recorded
(record). It goes into a station of its own in a temporary folder, so that
the bench station stays as it is; after each run the pages are forgotten,
untimed (their rows and the store's files), so that every run imports pages
the store has never seen. Its raw counterpart copies the same files into a
folder, each synced, named by its SHA-256, and inserts their rows with
sqlite3.

The page shown is what the viewer does when the clerk turns the page: the
next page of the book read from the store (checked against its name) and
made ready at the size a 1366×768 screen shows it zoomed in
(app.scans.display.render). Its raw counterpart reads the file and decodes
it with Pillow, nothing else.

The pages are the demo's (app.demo.pages): an A4 register page at 150 dpi
(a JPEG of about 420 kB), its entries written on it, drawn once per run.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import cycle
from pathlib import Path

from PIL import Image
from sqlalchemy import delete, select

from app.bench.handoff import handoff_operation
from app.bench.operation import Operation
from app.db.models import Book, BookScan, User
from app.demo.pages import ENTRIES_PER_PAGE, RegisterPages, heading
from app.demo.people import PeopleFactory
from app.demo.station import book_values
from app.scans.display import View, render
from app.scans.importing import prepare, record
from app.scans.store import ScanStore
from app.specs import BookKind
from app.station.database import StationDatabase, init_station
from app.system.clock import SystemClock
from app.system.paths import scans_dir

BOOK_PAGES = 200
WRITTEN = 20  # pages of the book with entries of their own
IMPORT_TARGET_MS = 30_000
IMPORTS = 3  # each import is seconds of work: fewer repetitions
SHOW_TARGET_MS = 100
# The longest side of a page beside the form on a 1366×768 screen, zoomed
# in to read a line: the upper end of what the viewer asks for.
SHOWN_LONGEST = 1400
JPEG = "image/jpeg"


@contextmanager
def scan_operations(seed: int) -> Iterator[tuple[Operation, Operation, Operation]]:
    """The import of a book's pages, the next page shown and a book's
    hand-off, each beside its raw counterpart; everything in a temporary
    folder, removed afterwards."""
    work = Path(tempfile.mkdtemp(prefix="sohoa-bench-scans-"))
    station = init_station(
        work / "station", code="BENCH-SCANS", office="UBND xã Tân Lập",
        admin_username="lead", admin_password="bench-scans-only",
    )  # fmt: skip
    raw = sqlite3.connect(work / "raw.sqlite3")
    try:
        import_book, show_page = _operations(station, raw, work, seed)
        drawn = sorted((work / "book").iterdir())
        with handoff_operation(work, drawn, seed) as hand_off:
            yield import_book, show_page, hand_off
    finally:
        raw.close()
        station.close()
        shutil.rmtree(work)


def _operations(
    station: StationDatabase, raw: sqlite3.Connection, work: Path, seed: int
) -> tuple[Operation, Operation]:
    clock = SystemClock()
    with station.sessions.begin() as session:
        book = Book(
            kind=BookKind.BIRTH.value, office="UBND xã Tân Lập", volume="01", year=1990,
            pages=BOOK_PAGES, expected_entries=BOOK_PAGES * ENTRIES_PER_PAGE, condition="good",
        )  # fmt: skip
        session.add(book)
        session.flush()
        book_id = book.id
        folder = _draw_book(book, work / "book", seed)
    store = ScanStore(scans_dir(station.data_dir))
    files = sorted(folder.iterdir())

    def import_book() -> None:
        prepared = prepare(store, [folder])
        with station.sessions.begin() as session:
            lead = session.scalars(select(User)).one()
            report = record(session, clock, lead, book_id, prepared)
        if len(report.added) != BOOK_PAGES:
            raise RuntimeError(f"the bench import added {len(report.added)} pages, not 200")

    def forget_import() -> None:
        with station.sessions.begin() as session:
            session.execute(delete(BookScan).where(BookScan.book_id == book_id))
        shutil.rmtree(store.root, ignore_errors=True)

    raw_store = work / "raw-store"
    raw.execute("PRAGMA synchronous=FULL")
    raw.execute("CREATE TABLE book_scans (page INTEGER, sha256 TEXT, size INTEGER)")

    def raw_import() -> None:
        rows = []
        for page, path in enumerate(files, start=1):
            data = path.read_bytes()
            sha256 = hashlib.sha256(data).hexdigest()
            target = raw_store / sha256[:2] / f"{sha256}.jpg"
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "wb") as out:
                out.write(data)
                os.fsync(out.fileno())
            rows.append((page, sha256, len(data)))
        with raw:
            raw.executemany("INSERT INTO book_scans VALUES (?, ?, ?)", rows)

    def forget_raw_import() -> None:
        with raw:
            raw.execute("DELETE FROM book_scans")
        shutil.rmtree(raw_store, ignore_errors=True)

    # The pages shown: those written with entries of their own, kept once in
    # a store of their own.
    shown = ScanStore(work / "shown")
    pages = cycle([shown.put(path.read_bytes(), JPEG) for path in files[:WRITTEN]])
    raw_pages = cycle(files[:WRITTEN])

    def show_next_page() -> None:
        render(shown.read(next(pages), JPEG), View(), SHOWN_LONGEST)

    def raw_show() -> None:
        Image.open(io.BytesIO(next(raw_pages).read_bytes())).load()

    # No import unmeasured: the first finds the store as empty as the others.
    return (
        Operation(f"import a {BOOK_PAGES}-page book's scans", IMPORT_TARGET_MS, import_book,
                  raw_import, warm_up=0, ours_between=forget_import,
                  raw_between=forget_raw_import),
        Operation("show the next page beside the form", SHOW_TARGET_MS, show_next_page,
                  raw_show),
    )  # fmt: skip


def _draw_book(book: Book, folder: Path, seed: int) -> Path:
    """The pages of ``book`` as a scanner leaves them in a folder: the first
    :data:`WRITTEN` written with entries, the rest copies of them under
    their own page numbers (other files, as much work to import, and seconds
    fewer to draw)."""
    folder.mkdir()
    people = PeopleFactory(random.Random(seed))
    made = book_values(book, people, WRITTEN * ENTRIES_PER_PAGE)
    entries = [{k: {"v": v} for k, v in values.items() if v} for _, _, values in made]
    pages = RegisterPages(BookKind(book.kind), heading(book), seed)
    written = [
        pages.written(entries[first : first + ENTRIES_PER_PAGE])
        for first in range(0, len(entries), ENTRIES_PER_PAGE)
    ]
    for number in range(1, BOOK_PAGES + 1):
        data = pages.scanned(written[(number - 1) % WRITTEN], number)
        (folder / f"{number:04d}.jpg").write_bytes(data)
    return folder
