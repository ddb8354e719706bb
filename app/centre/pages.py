"""The page scans a batch brings: each page line checked, each scan
decrypted and checked against its name, kept in the centre's scan store,
and the centre's page rows written.

A page line says which page of which book a scan shows; its file, named by
the SHA-256 of the image, is checked against the signed manifest
(app.batch.verify), then decrypted, and the image's own SHA-256 must be
that name: what the centre keeps is exactly what the station scanned. The
store's files are written before the batch's transaction (a file no row
names is harmless: the store is by content, and the next load of the same
page is the same file); the rows are written in it, with the entries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pyrage import x25519
from sqlalchemy import Connection, String, and_, insert, or_, select, update

from app.batch.age import AgeError, decrypt
from app.batch.format import BatchInfo, BatchRejected
from app.batch.limits import MAX_PAGE_PIXELS, quoted
from app.batch.verify import VerifiedBatch, read_scan_file
from app.centre.entries import BOOK_FIELDS, FIELD_KEYS
from app.centre.json_lines import LineRefused, described, kind_of
from app.centre.models import CentrePage
from app.scans.store import SUFFIXES, ScanStore, digest

PAGE_FIELDS = ("kind", "book", "page", "sha256", "media_type", "width", "height")
_SHA256 = re.compile(r"[0-9a-f]{64}")
# A book as its entries and pages name it: kind, office, volume, year.
BookKey = tuple[str, str, str, int]
# Books looked up in one query when a batch's pages are loaded.
BOOKS_AT_A_TIME = 50


def _longest(column: str) -> int:
    kind = CentrePage.__table__.c[column].type
    assert isinstance(kind, String) and kind.length is not None
    return kind.length


_LONGEST = {column: _longest(column) for column in ("book_office", "book_volume")}


def page_row(page: dict[str, Any], info: BatchInfo) -> dict[str, Any]:
    """The row of ``centre_pages`` for a page line of the batch ``info``
    labels; or :class:`LineRefused` with the field and what is wrong."""
    for name in page:
        if name not in PAGE_FIELDS:
            raise LineRefused(f"unknown field {quoted(name)} of a page")
    for name in PAGE_FIELDS:
        if name not in page:
            raise LineRefused(f"the page's {name} is missing")
    kind, book = page["kind"], page["book"]
    if not isinstance(kind, str) or kind not in FIELD_KEYS:
        raise LineRefused(f"the page's kind {described(kind)} is not a kind of book")
    if not isinstance(book, dict) or sorted(book) != sorted(BOOK_FIELDS):
        raise LineRefused(f"the page's book is not an object of {', '.join(BOOK_FIELDS)}")
    sha256, media_type = page["sha256"], page["media_type"]
    if not isinstance(sha256, str) or _SHA256.fullmatch(sha256) is None:
        raise LineRefused(f"the page's sha256 {described(sha256)} is not a SHA-256")
    if media_type not in SUFFIXES:
        raise LineRefused(f"the page's media_type {described(media_type)} is not JPEG or PNG")
    return {
        "station": info.station,
        "kind": kind,
        "book_office": _text("book.office", book["office"], _LONGEST["book_office"]),
        "book_volume": _text("book.volume", book["volume"], _LONGEST["book_volume"]),
        "book_year": _whole("book.year", book["year"], 0, 9999),
        "page": _whole("page", page["page"], 1, 1_000_000),
        "sha256": sha256,
        "media_type": media_type,
        "width": _whole("width", page["width"], 1, MAX_PAGE_PIXELS),
        "height": _whole("height", page["height"], 1, MAX_PAGE_PIXELS),
        "batch_uuid": info.batch,
        "batch_sequence": info.sequence,
    }


def book_key(row: dict[str, Any]) -> BookKey:
    """The book an entry's or a page's row names."""
    return (row["kind"], row["book_office"], row["book_volume"], row["book_year"])


def _text(name: str, value: Any, longest: int) -> str:
    if not isinstance(value, str) or not value or len(value) > longest:
        raise LineRefused(f"the page's {name} is not text of 1 to {longest} characters")
    return value


def _whole(name: str, value: Any, lowest: int, highest: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise LineRefused(f"the page's {name} is {kind_of(value)}, not a whole number")
    if not lowest <= value <= highest:
        raise LineRefused(f"the page's {name} {value} is not from {lowest} to {highest:,}")
    return value


def check_pages(
    verified: VerifiedBatch, pages: list[dict[str, Any]], entries: list[dict[str, Any]]
) -> None:
    """The page lines and the scan files agree: each file is a page's, each
    page has its file in the batch, and each page is of a book the batch
    has entries of (a page travels with an entry on it)."""
    files = {scan.sha256: scan for scan in verified.scans}
    books = {book_key(row) for row in entries}
    seen: set[tuple[BookKey, int]] = set()
    for row in pages:
        where = f"page {row['page']} of {row['kind']} book {row['book_volume']}/{row['book_year']}"
        if (book_key(row), row["page"]) in seen:
            raise BatchRejected(f"{where} is listed twice")
        seen.add((book_key(row), row["page"]))
        if book_key(row) not in books:
            raise BatchRejected(f"{where} is of a book none of the batch's entries is in")
        scan = files.get(row["sha256"])
        if scan is None:
            raise BatchRejected(f"{where}: its scan {row['sha256'][:12]}… is not in the batch")
        if scan.media_type != row["media_type"]:
            raise BatchRejected(f"{where} is {row['media_type']}, its file {scan.name} is not")
    unlisted = files.keys() - {row["sha256"] for row in pages}
    if unlisted:
        raise BatchRejected(f"{files[min(unlisted)].name} is no page's the batch lists")


def store_scans(
    verified: VerifiedBatch, identities: list[x25519.Identity], store: ScanStore
) -> int:
    """Each scan of the batch read, decrypted, checked against its name and
    kept in ``store``; the number of scans new to the store. Called within
    app.batch.verify.open_batch's block, which says a file unread as a refusal."""
    added = 0
    for scan in verified.scans:
        ciphertext = read_scan_file(verified, scan)
        try:
            image = decrypt(ciphertext, identities)
        except AgeError as e:
            raise BatchRejected(
                f"{scan.name} cannot be decrypted with the centre's identity: it was"
                " encrypted for another centre key, or changed"
            ) from e
        if digest(image) != scan.sha256:
            raise BatchRejected(
                f"{scan.name} is not the page it is named after: its image's SHA-256 is"
                f" {digest(image)[:12]}…"
            )
        if not store.has(scan.sha256, scan.media_type):
            store.put(image, scan.media_type)
            added += 1
    return added


def load_pages(connection: Connection, pages: Iterable[dict[str, Any]]) -> int:
    """The batch's pages into ``centre_pages``: a page new to the centre
    added, one an earlier batch brought replaced; the pages changed."""
    pages = list(pages)
    if not pages:
        return 0
    keys = {(book_key(row), row["page"]): row for row in pages}
    books = sorted({book_key(row) for row in pages})
    station = pages[0]["station"]
    held: dict[tuple[BookKey, int], tuple[str, int]] = {}
    # A few books at a time: one condition over a batch's hundreds of books
    # would be deeper than SQLite parses.
    for start in range(0, len(books), BOOKS_AT_A_TIME):
        found = connection.execute(
            select(
                CentrePage.kind, CentrePage.book_office, CentrePage.book_volume,
                CentrePage.book_year, CentrePage.page, CentrePage.sha256,
                CentrePage.batch_sequence,
            ).where(
                CentrePage.station == station,
                or_(*(
                    and_(
                        CentrePage.kind == kind, CentrePage.book_office == office,
                        CentrePage.book_volume == volume, CentrePage.book_year == year,
                    )
                    for kind, office, volume, year in books[start : start + BOOKS_AT_A_TIME]
                )),
            )
        )  # fmt: skip
        held.update({((k, o, v, y), page): (sha, seq) for k, o, v, y, page, sha, seq in found})
    new = [row for key, row in keys.items() if key not in held]
    newer = [
        row
        for key, row in keys.items()
        if key in held and held[key][1] < row["batch_sequence"] and held[key][0] != row["sha256"]
    ]
    if new:
        connection.execute(insert(CentrePage.__table__), new)
    for row in newer:
        connection.execute(
            update(CentrePage.__table__)
            .where(
                CentrePage.station == station, CentrePage.kind == row["kind"],
                CentrePage.book_office == row["book_office"],
                CentrePage.book_volume == row["book_volume"],
                CentrePage.book_year == row["book_year"], CentrePage.page == row["page"],
            )
            .values(
                sha256=row["sha256"], media_type=row["media_type"], width=row["width"],
                height=row["height"], batch_uuid=row["batch_uuid"],
                batch_sequence=row["batch_sequence"],
            )
        )  # fmt: skip
    return len(new) + len(newer)
