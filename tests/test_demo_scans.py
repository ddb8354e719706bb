"""The demo's scanned books: pages that look scanned, with their entries on them.

A fresh demo station puts a scanned book, begun, first in the queue: the
clerk who opens it keys on from pages already scanned, and every entry
keyed so far is on the page, and in the region, it says.
"""

from __future__ import annotations

import io
import math
import random
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select
from test_cli import ok_json, sohoa

from app.db.models import Book, BookScan, Entry, User
from app.demo import add_demo_entries
from app.demo.entries import MAKERS
from app.demo.pages import ENTRIES_PER_PAGE, HEIGHT, LAYOUTS, WIDTH, RegisterPages, row_region
from app.demo.people import PeopleFactory
from app.scans.pages import book_pages, entry_page, entry_scan
from app.scans.store import ScanStore
from app.specs import BookKind, spec_for
from app.system.paths import scans_dir


def scanned_books(station) -> list[int]:
    with station.sessions() as session:
        return list(session.scalars(select(BookScan.book_id).distinct().order_by(BookScan.book_id)))


def test_a_scanned_book_has_a_page_for_every_entry_it_is_expected_to_hold(station, clock) -> None:
    summary = add_demo_entries(station, 400, seed=3, clock=clock, scanned=2)
    store = ScanStore(scans_dir(station.data_dir))

    books = scanned_books(station)
    assert summary.scanned_books == len(books) == 2
    with station.sessions() as session:
        for book_id in books:
            book = session.get_one(Book, book_id)
            pages = book_pages(session, book_id)
            expected = math.ceil((book.expected_entries or 0) / ENTRIES_PER_PAGE)
            assert [p.page for p in pages] == list(range(1, expected + 1))
            assert book.pages == expected
            for page in pages:
                image = Image.open(io.BytesIO(store.read(page.sha256, page.media_type)))
                assert (image.format, image.mode, image.size) == ("JPEG", "RGB", (WIDTH, HEIGHT))
                assert (page.width, page.height) == (WIDTH, HEIGHT)
    assert summary.scanned_pages == sum(len(book_pages_of(station, b)) for b in books)
    assert summary.entries == 400, "the entries keyed from the scans are among those asked for"
    with station.sessions() as session:
        assert session.scalar(select(Entry.id).order_by(Entry.id.desc()).limit(1)) == 400


def book_pages_of(station, book_id: int) -> list:
    with station.sessions() as session:
        return book_pages(session, book_id)


def test_each_entry_keyed_from_a_scan_is_on_its_page_in_its_own_row(station, clock) -> None:
    add_demo_entries(station, 400, seed=5, clock=clock, scanned=2)

    with station.sessions() as session:
        for book_id in scanned_books(station):
            of_book = select(Entry).where(Entry.book_id == book_id).order_by(Entry.number)
            entries = list(session.scalars(of_book))
            assert entries, "the scanned book is begun"
            rows: dict[int, list[list[float]]] = {}
            for entry in entries:
                seen = entry_scan(session, entry.id)
                scanned = {page.page for page in seen.pages}
                assert seen.page == entry_page(entry.values) and seen.page in scanned
                region = seen.region
                assert region is not None
                left, top, width, height = region
                assert min(left, top) >= 0 and left + width <= 1 and top + height <= 1
                rows.setdefault(seen.page, []).append(region)
            for regions in rows.values():
                tops = [r[1] for r in regions]
                assert tops == sorted(set(tops)), "the entries of a page, one under the other"


def test_the_first_clerk_to_open_the_queue_keys_on_from_pages_already_scanned(
    station, clock
) -> None:
    from app.work.queue import next_book

    add_demo_entries(station, 600, seed=2, clock=clock, scanned=2)

    with station.sessions.begin() as session:
        clerk = session.scalars(select(User).where(User.username == "clerk07")).one()
        book = next_book(session, clerk, clock)
        assert book is not None and book.kind == BookKind.BIRTH
        keyed = list(session.scalars(select(Entry).where(Entry.book_id == book.id)))
        last_page = max(entry_page(e.values) or 0 for e in keyed)
        pages = [p.page for p in book_pages(session, book.id)]
    assert 0 < len(keyed) < (book.expected_entries or 0)
    assert book.finished_at is None
    assert max(pages) > last_page, "pages ahead of the last entry keyed"


def test_without_scanned_books_the_demo_imports_no_page(station, clock) -> None:
    summary = add_demo_entries(station, 200, seed=1, clock=clock)

    assert summary.scanned_books == 0 and scanned_books(station) == []
    assert not scans_dir(station.data_dir).exists() or not any(
        ScanStore(scans_dir(station.data_dir)).files()
    )


@pytest.mark.parametrize("kind", list(BookKind))
def test_a_page_has_its_entries_written_in_ink_on_their_rows_and_nothing_below(kind) -> None:
    people = PeopleFactory(random.Random(4))
    entries = []
    for number in (1, 2):
        values = MAKERS[kind](people, date(1995, 3, number))
        values.update(number=str(number), registration_date=f"1995-03-0{number}")
        entries.append({k: {"v": v} for k, v in values.items() if v})

    data = RegisterPages(kind, "Năm 1995 · Quyển số 01 · UBND xã Tân Lập", seed=1).page(3, entries)
    image = Image.open(io.BytesIO(data))

    assert image.format == "JPEG" and image.size == (WIDTH, HEIGHT)
    assert 150_000 < len(data) < 900_000, "about what a scanner makes of an A4 page at 150 dpi"
    inked = [blue_ink(image, row_region(row)) for row in range(ENTRIES_PER_PAGE)]
    assert inked[0] > 0.002 and inked[1] > 0.002, inked
    assert inked[2] == inked[3] == 0, "the rows of no entry are blank"


def blue_ink(image: Image.Image, region: list[float]) -> float:
    """The share of the region's pixels written in blue ink: bluer than red,
    where the paper and the printing are yellow and brown."""
    left, top, width, height = region
    box = (
        round(left * WIDTH),
        round(top * HEIGHT),
        round((left + width) * WIDTH),
        round((top + height) * HEIGHT),
    )
    data = image.crop(box).convert("RGB").tobytes()
    pixels = [data[i : i + 3] for i in range(0, len(data), 3)]
    return sum(1 for r, _g, b in pixels if b > r + 15) / len(pixels)


def test_the_columns_of_each_kind_fill_the_table_and_name_its_fields() -> None:
    for kind, columns in LAYOUTS.items():
        assert sum(c.width for c in columns) == WIDTH - 2 * 70, kind
        spec = spec_for(kind)
        assert all(spec.has_field(key) for c in columns for key in c.fields), kind
        assert columns[0].header == "Số" and columns[1].header == "Ngày đăng ký"


def test_sohoa_demo_makes_scanned_books_and_says_so(tmp_path: Path) -> None:
    made = ok_json(sohoa("demo", "--entries", "100", "--scanned", "1", "--json",
                         data_dir=tmp_path / "demo"))  # fmt: skip
    refused = sohoa("demo", "--scanned", "-1", data_dir=tmp_path / "other")

    assert made["entries"] == 100 and made["scanned_books"] == 1 and made["scanned_pages"] > 5
    assert len(list(ScanStore(scans_dir(tmp_path / "demo")).files())) == made["scanned_pages"]
    assert refused.returncode == 1 and "--scanned must be 0 or more" in refused.stderr
