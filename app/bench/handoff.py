"""A book's hand-off: 500 entries on 125 scanned pages, as the lead makes it.

The book lives in a station of its own, made once per bench run: the
entries inserted as the demo makes them (completed), the pages the scan
bench drew, imported. Each run reads the book from the station
(app.handoff.station) and writes its workbook and its zip of PDFs, checked
(app.handoff.book); the files are removed, untimed, after each. Its raw
counterpart wraps each entry's page in a PDF with img2pdf alone, stores the
PDFs in a zip, and writes the rows as CSV: the same files without the
columns, the names, the A4 page or the check.
"""

from __future__ import annotations

import csv
import random
import shutil
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import img2pdf
from sqlalchemy import select

from app.bench.operation import Operation
from app.db.models import Book, Entry, EntryStatus, User
from app.demo.pages import ENTRIES_PER_PAGE
from app.demo.people import PeopleFactory
from app.demo.station import book_values
from app.handoff.book import make_handoff
from app.handoff.station import station_book
from app.scans.importing import prepare, record
from app.scans.store import ScanStore
from app.specs import BookKind, spec_for
from app.station.database import StationDatabase, init_station
from app.system.clock import SystemClock
from app.system.paths import scans_dir

HANDOFF_ENTRIES = 500
HANDOFF_TARGET_MS = 30_000
HANDOFFS = 3  # each hand-off is seconds of work: fewer repetitions


@contextmanager
def handoff_operation(work: Path, pages: Sequence[Path], seed: int) -> Iterator[Operation]:
    """The hand-off of a 500-entry book whose pages are ``pages`` (at least
    125 of them, each its own image), in a station made in ``work``."""
    needed = HANDOFF_ENTRIES // ENTRIES_PER_PAGE
    if len(pages) < needed:
        raise ValueError(f"a 500-entry book needs {needed} pages, not {len(pages)}")
    station = init_station(
        work / "handoff-station", code="BENCH-HANDOFF", office="UBND xã Tân Lập",
        admin_username="lead", admin_password="bench-handoff-only",
    )  # fmt: skip
    try:
        yield _operation(station, work / "handoff", pages, seed)
    finally:
        station.close()


def _operation(station: StationDatabase, out: Path, pages: Sequence[Path], seed: int) -> Operation:
    needed = HANDOFF_ENTRIES // ENTRIES_PER_PAGE
    store = ScanStore(scans_dir(station.data_dir))
    clock = SystemClock()
    with station.sessions.begin() as session:
        lead = session.scalars(select(User)).one()
        book = Book(
            kind=BookKind.BIRTH.value, office="UBND xã Tân Lập", volume="02", year=1991,
            pages=needed, expected_entries=HANDOFF_ENTRIES, condition="good",
        )  # fmt: skip
        session.add(book)
        session.flush()
        book_id = book.id
        title = spec_for(book.kind).title_field
        people = PeopleFactory(random.Random(seed))
        for number, day, values in book_values(book, people, HANDOFF_ENTRIES):
            session.add(
                Entry(
                    book_id=book_id, year=day.year, number=number,
                    registration_date=day.isoformat(), title=values.get(title, ""),
                    status=EntryStatus.COMPLETED.value,
                    values={k: {"v": v} for k, v in values.items() if v},
                    created_by=lead.id, updated_by=lead.id, completed_by=lead.id,
                    completed_at=clock.now(),
                )
            )  # fmt: skip
        record(session, clock, lead, book_id, prepare(store, list(pages[:needed])), first_page=1)

    def hand_off() -> None:
        out.mkdir()
        with station.sessions() as session:
            source = station_book(session, book_id, store)
        made = make_handoff(source, out)
        if made.rows != HANDOFF_ENTRIES or made.pdfs != HANDOFF_ENTRIES:
            raise RuntimeError(f"the bench hand-off wrote {made.rows} rows, {made.pdfs} PDFs")

    def raw_hand_off() -> None:
        out.mkdir()
        with open(out / "rows.csv", "w", newline="", encoding="utf-8") as rows:
            writer = csv.writer(rows)
            with zipfile.ZipFile(out / "pdfs.zip", "w") as archive:
                for number in range(1, HANDOFF_ENTRIES + 1):
                    page = pages[(number - 1) // ENTRIES_PER_PAGE]
                    archive.writestr(f"{number}.pdf", img2pdf.convert(page.read_bytes()))
                    writer.writerow([number, page.name])

    def forget() -> None:
        shutil.rmtree(out)

    return Operation(
        f"hand off a book of {HANDOFF_ENTRIES} entries", HANDOFF_TARGET_MS, hand_off,
        raw_hand_off, warm_up=0, ours_between=forget, raw_between=forget,
    )  # fmt: skip
