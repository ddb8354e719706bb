"""The books the centre holds, each one as a hand-off is made from it.

A book at the centre is what its entries name: a station, a kind, an office,
a volume and a year. Its entries are those the batches brought, at their
newest version; its pages are those the batches carried, their images in
the centre's scan store. :class:`CentreBookSource` gives one book as an
:class:`app.handoff.source.BookSource`, so the centre makes a book's
hand-off as a station does (app.handoff).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, select

from app.centre.models import CentreEntry, CentrePage
from app.db.models import EntryStatus
from app.handoff.source import HandoffBook, HandoffEntry
from app.scans.pages import PageScan, entry_page
from app.scans.store import ScanStore

# The centre has no station's book id: its pages are the book's by name.
NO_BOOK_ID = 0


class NoSuchCentreBook(LookupError):
    """The centre holds no entry of the book named; the message names it."""


@dataclass(frozen=True)
class CentreBook:
    """A book as the centre holds it, for the list to choose one from."""

    station: str
    kind: str
    office: str
    volume: str
    year: int
    entries: int
    pages: int

    @property
    def handoff_book(self) -> HandoffBook:
        return HandoffBook(self.station, self.kind, self.office, self.volume, self.year)


def centre_books(engine: Engine) -> list[CentreBook]:
    """Every book the centre holds entries of, by station, kind, office,
    volume and year, with its entries and scanned pages counted."""
    book = (CentreEntry.station, CentreEntry.kind, CentreEntry.book_office,
            CentreEntry.book_volume, CentreEntry.book_year)  # fmt: skip
    page = (CentrePage.station, CentrePage.kind, CentrePage.book_office,
            CentrePage.book_volume, CentrePage.book_year)  # fmt: skip
    with engine.connect() as connection:
        entries = connection.execute(select(*book, func.count()).group_by(*book)).all()
        pages = {
            tuple(row[:5]): row[5]
            for row in connection.execute(select(*page, func.count()).group_by(*page))
        }
    return sorted(
        (CentreBook(*row[:5], row[5], pages.get(tuple(row[:5]), 0)) for row in entries),
        key=lambda b: (b.station, b.kind, b.office, b.volume, b.year),
    )


class CentreBookSource:
    """One book of a station as the centre holds it (a
    :class:`app.handoff.source.BookSource`): its entries from the central
    database, its pages' images from the centre's scan store ``scans``."""

    def __init__(self, engine: Engine, scans: ScanStore, book: HandoffBook) -> None:
        self._engine = engine
        self._scans = scans
        self._book = book
        with engine.connect() as connection:
            count = connection.scalar(
                select(func.count()).select_from(CentreEntry).where(*self._of_book(CentreEntry))
            )
            if not count:
                raise NoSuchCentreBook(
                    f"the centre holds no entry of station {book.station}'s {book.kind} book"
                    f" {book.volume}/{book.year} of {book.office}"
                )
            rows = connection.execute(
                select(CentrePage.page, CentrePage.sha256, CentrePage.media_type,
                       CentrePage.width, CentrePage.height)
                .where(*self._of_book(CentrePage))
            )  # fmt: skip
            self._pages = {
                page: PageScan(NO_BOOK_ID, page, sha256, media_type, width, height)
                for page, sha256, media_type, width, height in rows
            }

    def _of_book(self, table: type[CentreEntry] | type[CentrePage]) -> tuple[Any, ...]:
        book = self._book
        return (
            table.station == book.station,
            table.kind == book.kind,
            table.book_office == book.office,
            table.book_volume == book.volume,
            table.book_year == book.year,
        )

    @property
    def book(self) -> HandoffBook:
        return self._book

    def entries(self) -> list[HandoffEntry]:
        """The book's entries in book order: by year, then number (entries
        without a number after, by registration date), as a station keys them."""
        with self._engine.connect() as connection:
            rows = connection.execute(
                select(CentreEntry.uuid, CentreEntry.year, CentreEntry.number,
                       CentreEntry.registration_date, CentreEntry.values)
                .where(*self._of_book(CentreEntry))
                .order_by(CentreEntry.year, CentreEntry.number.is_(None), CentreEntry.number,
                          CentreEntry.registration_date, CentreEntry.uuid)
            ).all()  # fmt: skip
        return [
            HandoffEntry(
                uuid=uuid,
                year=year,
                number=number,
                registration_date=registration_date,
                # What reached the centre was exported; its region on the
                # page stays at the station.
                status=EntryStatus.EXPORTED.value,
                values=values,
                page=entry_page(values),
                region=None,
            )
            for uuid, year, number, registration_date, values in rows
        ]

    def page(self, number: int) -> PageScan | None:
        return self._pages.get(number)

    def page_bytes(self, scan: PageScan) -> bytes:
        """The page's image from the centre's store, checked against its SHA-256
        (:class:`app.scans.store.ScanMissing` when it is not there or damaged)."""
        return self._scans.read(scan.sha256, scan.media_type)
