"""What a hand-off is made from, wherever the book is kept.

A station makes a book's hand-off from its own database and scan store; the
centre makes it from the entries and scans its batches brought. Both give a
:class:`BookSource`, so the workbook, the PDFs and their check are made one
way (app.handoff).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from app.scans.pages import PageScan


@dataclass(frozen=True)
class HandoffBook:
    station: str  # the station's code
    kind: str  # app.specs.books.BookKind's value
    office: str
    volume: str
    year: int


@dataclass(frozen=True)
class HandoffEntry:
    uuid: str
    year: int  # of its registration: numbering restarts each year
    number: int | None
    registration_date: str | None  # ISO, partial
    status: str  # app.db.models.EntryStatus's value
    values: Mapping[str, Any]  # {field key: {"v": value, "s": …, "t": …}}
    page: int | None  # its "page" field
    region: Sequence[float] | None  # [left, top, width, height] on the page
    # Completed, and drawn for a second keying or the lead's arbitration not
    # yet done: not handed over until it is (a station's; never at the centre).
    awaiting_verification: bool = False


class BookSource(Protocol):
    """One book's entries and their scanned pages."""

    @property
    def book(self) -> HandoffBook: ...

    def entries(self) -> list[HandoffEntry]:
        """Every entry of the book in any state, in book order (year, number)."""
        ...

    def page(self, number: int) -> PageScan | None:
        """The scan of the book's page ``number``, if it was scanned."""
        ...

    def page_bytes(self, scan: PageScan) -> bytes:
        """The page's image, checked against its SHA-256."""
        ...
