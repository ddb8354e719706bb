"""A book's page scans imported by the lead: read, checked, kept once, numbered."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from scan_helpers import page_image, save_page
from sqlalchemy import select
from work_helpers import add_book, add_user

from app.access.roles import NotAllowed
from app.db.models import AuditRecord, BookScan, Role, User
from app.scans.display import View, render
from app.scans.images import Problem
from app.scans.importing import ScanImportError, page_ranges, prepare, record
from app.scans.pages import book_pages, entry_page
from app.scans.store import ScanMissing, ScanStore
from app.system.paths import scans_dir


@pytest.fixture
def store(station) -> ScanStore:
    return ScanStore(scans_dir(station.data_dir))


def lead_and_book(station, pages: int | None = None):
    with station.sessions.begin() as session:
        lead = add_user(session, "lead01", Role.LEAD)
        book = add_book(session)
        book.pages = pages
        return lead.id, book.id


def import_into(station, clock, store, paths, book_id, lead_id, **kwargs):
    prepared = prepare(store, paths)
    with station.sessions.begin() as session:
        lead = session.get(User, lead_id)
        return record(session, clock, lead, book_id, prepared, **kwargs)


def test_a_folder_is_imported_in_the_order_of_its_page_numbers(station, clock, store, tmp_path):
    lead, book = lead_and_book(station, pages=12)
    folder = tmp_path / "scanner"
    for n in (1, 2, 10, 3):
        save_page(folder / f"scan_{n}.jpg", f"page {n}")

    report = import_into(station, clock, store, [folder], book, lead)

    assert report.added == [1, 2, 3, 4]
    assert report.refused == []
    assert (report.pages, report.expected, report.over) == (4, 12, 0)
    with station.sessions() as session:
        pages = book_pages(session, book)
        sources = session.scalars(select(BookScan.source).order_by(BookScan.page)).all()
    assert sources == ["scan_1.jpg", "scan_2.jpg", "scan_3.jpg", "scan_10.jpg"]
    # A scanner's JPEG is kept byte for byte, by its SHA-256.
    kept = store.read(pages[3].sha256, pages[3].media_type)
    assert kept == (folder / "scan_10.jpg").read_bytes()
    assert (pages[0].width, pages[0].height) == (1240, 1754)


def test_unreadable_small_and_not_image_files_are_refused_with_their_reason(
    station, clock, store, tmp_path
):
    lead, book = lead_and_book(station)
    good = save_page(tmp_path / "a_good.png", "good")
    cut = tmp_path / "b_cut.jpg"
    cut.write_bytes(save_page(tmp_path / "whole.jpg", "whole").read_bytes()[:5000])
    small = tmp_path / "c_small.jpg"
    page_image("small", size=(600, 850)).save(small)
    text = tmp_path / "d_notes.jpg"
    text.write_text("not a picture")

    report = import_into(station, clock, store, [good, cut, small, text], book, lead)

    assert report.added == [1]
    refused = {r.source: r for r in report.refused}
    assert refused["b_cut.jpg"].problem is Problem.UNREADABLE
    assert refused["c_small.jpg"].problem is Problem.TOO_SMALL
    assert refused["c_small.jpg"].message("vi") == (
        "độ phân giải quá thấp để đọc chữ viết tay (600 × 850)"
    )
    assert refused["d_notes.jpg"].problem is Problem.NOT_AN_IMAGE


def test_a_file_refused_leaves_its_page_empty_and_the_pages_after_it_keep_their_numbers(
    station, clock, store, tmp_path
):
    lead, book = lead_and_book(station)
    folder = tmp_path / "scanner"
    for n in range(1, 6):
        save_page(folder / f"p{n}.jpg", f"page {n}")
    whole = (folder / "p3.jpg").read_bytes()
    (folder / "p3.jpg").write_bytes(whole[:4000])  # a copy cut short

    report = import_into(station, clock, store, [folder], book, lead)
    (folder / "p3.jpg").write_bytes(whole)
    mended = import_into(station, clock, store, [folder / "p3.jpg"], book, lead, first_page=3)
    again = import_into(station, clock, store, [folder / "p4.jpg"], book, lead, first_page=3)

    assert report.added == [1, 2, 4, 5] and report.left_empty == [3]
    assert page_ranges(report.added) == "1–2, 4–5"
    assert mended.added == [3] and mended.left_empty == []
    with station.sessions() as session:
        sources = {p.page: p.sha256 for p in book_pages(session, book)}
    assert [store.read(sources[n], "image/jpeg") for n in range(1, 6)] == [
        (folder / f"p{n}.jpg").read_bytes() for n in range(1, 6)
    ], "each page is the image of its own number"
    assert [r.problem for r in again.refused] == [Problem.DUPLICATE_PAGE]


def test_a_page_number_scanned_already_is_refused_not_moved(station, clock, store, tmp_path):
    lead, book = lead_and_book(station)
    import_into(station, clock, store, [save_page(tmp_path / "a.jpg", "a")], book, lead)

    report = import_into(
        station, clock, store, [save_page(tmp_path / "b.jpg", "b")], book, lead, first_page=1
    )

    assert report.added == []
    assert report.refused[0].message("en") == "page 1 of the book is scanned already"


def test_a_page_imported_twice_is_refused_and_kept_once(station, clock, store, tmp_path):
    lead, book = lead_and_book(station)
    first = save_page(tmp_path / "one" / "p1.jpg", "page 1")
    again = tmp_path / "two" / "copy_of_p1.jpg"
    again.parent.mkdir()
    again.write_bytes(first.read_bytes())
    import_into(station, clock, store, [first], book, lead)

    twice_at_once = import_into(station, clock, store, [again, again], book, lead)

    assert twice_at_once.added == []
    problems = [r.problem for r in twice_at_once.refused]
    assert problems == [Problem.DUPLICATE, Problem.DUPLICATE_PAGE]
    assert twice_at_once.refused[1].message("en") == (
        "the same image as page 1, already in this book"
    )
    assert len(list(store.files())) == 1


def test_a_page_of_another_book_is_refused_naming_that_book(station, clock, store, tmp_path):
    lead, book = lead_and_book(station)
    with station.sessions.begin() as session:
        other = add_book(session, volume="02").id
    page = save_page(tmp_path / "p.jpg", "shared")
    import_into(station, clock, store, [page], other, lead)

    report = import_into(station, clock, store, [page], book, lead)

    assert [r.problem for r in report.refused] == [Problem.DUPLICATE_ELSEWHERE]
    assert report.refused[0].message("vi") == f"trùng với trang 1 của sổ #{other} (02/2010)"


def test_multi_page_tiff_and_pdf_give_a_page_each(station, clock, store, tmp_path):
    lead, book = lead_and_book(station)
    frames = [page_image(f"tiff {n}").convert("L") for n in range(3)]
    tiff = tmp_path / "a.tiff"
    frames[0].save(tiff, save_all=True, append_images=frames[1:])
    pdf = tmp_path / "b.pdf"
    pages = [page_image(f"pdf {n}") for n in range(2)]
    pages[0].save(pdf, save_all=True, append_images=pages[1:], resolution=150)

    report = import_into(station, clock, store, [tiff, pdf], book, lead)

    assert report.added == [1, 2, 3, 4, 5]
    with station.sessions() as session:
        rows = session.scalars(select(BookScan).order_by(BookScan.page)).all()
        shown = [(r.source, r.media_type) for r in rows]
    assert shown == [
        ("a.tiff#1", "image/png"), ("a.tiff#2", "image/png"), ("a.tiff#3", "image/png"),
        ("b.pdf#1", "image/jpeg"), ("b.pdf#2", "image/jpeg"),
    ]  # fmt: skip
    # The PDF's pages drawn at 200 dpi: an A4 page at 150 dpi, 1654 px wide.
    assert rows[3].width == 1654


def test_a_phone_photo_taken_sideways_is_kept_upright(station, clock, store, tmp_path):
    lead, book = lead_and_book(station)
    sideways = page_image("phone").rotate(90, expand=True)
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera says: turn 90° clockwise to show
    photo = tmp_path / "IMG_0001.jpg"
    sideways.save(photo, "JPEG", quality=85, exif=exif)

    import_into(station, clock, store, [photo], book, lead)

    with station.sessions() as session:
        (scan,) = book_pages(session, book)
    assert (scan.width, scan.height) == (1240, 1754)


def test_pages_are_numbered_from_the_page_the_lead_names(station, clock, store, tmp_path):
    lead, book = lead_and_book(station)
    files = [save_page(tmp_path / f"{n}.jpg", f"p{n}") for n in (1, 2)]

    report = import_into(station, clock, store, files, book, lead, first_page=7)
    more = import_into(station, clock, store, [save_page(tmp_path / "3.jpg", "p3")], book, lead)

    assert report.added == [7, 8]
    assert more.added == [9]
    with pytest.raises(ScanImportError):
        import_into(station, clock, store, [save_page(tmp_path / "4.jpg", "p4")], book, lead,
                    first_page=0)  # fmt: skip


def test_only_a_lead_imports_scans_and_the_import_is_audited(station, clock, store, tmp_path):
    lead, book = lead_and_book(station)
    with station.sessions.begin() as session:
        clerk = add_user(session, "clerk01").id
    prepared = prepare(store, [save_page(tmp_path / "p.jpg", "p")])

    with station.sessions.begin() as session, pytest.raises(NotAllowed):
        record(session, clock, session.get(User, clerk), book, prepared)
    import_into(station, clock, store, [tmp_path / "p.jpg"], book, lead)

    with station.sessions() as session:
        audit = session.scalars(select(AuditRecord).where(AuditRecord.action == "scans.imported"))
        assert [(a.subject, a.after) for a in audit] == [
            (f"book:{book}", {"pages": [1], "refused": 0})
        ]


def test_a_damaged_or_missing_scan_is_said_as_such(station, clock, store, tmp_path):
    lead, book = lead_and_book(station)
    import_into(station, clock, store, [save_page(tmp_path / "p.jpg", "p")], book, lead)
    with station.sessions() as session:
        (scan,) = book_pages(session, book)
    path = store.path(scan.sha256, scan.media_type)

    path.write_bytes(path.read_bytes()[:-10] + b"0123456789")
    with pytest.raises(ScanMissing, match="damaged"):
        store.read(scan.sha256, scan.media_type)
    path.unlink()
    with pytest.raises(ScanMissing, match="not in"):
        store.read(scan.sha256, scan.media_type)


def test_an_entry_names_its_page_by_its_page_field() -> None:
    assert entry_page({"page": {"v": "12"}}) == 12
    assert entry_page({"page": {"v": ""}}) is None
    assert entry_page({"page": {"v": "12a"}}) is None
    assert entry_page({"page": {"v": "0"}}) is None
    assert entry_page({}) is None


def test_a_page_is_rendered_turned_and_fitted_for_the_viewer() -> None:
    import io

    data = io.BytesIO()
    page_image("shown").save(data, "JPEG")

    upright = render(data.getvalue(), View(), longest=1000)
    turned = render(data.getvalue(), View(turns=1, contrast=1.5), longest=1000)

    assert max(upright.size) <= 1000 and upright.height > upright.width
    assert turned.width > turned.height
    assert upright.mode == turned.mode == "RGB"


def test_the_command_imports_and_lists_pages(station, tmp_path):
    with station.sessions.begin() as session:
        book = add_book(session).id
    folder = tmp_path / "scans"
    for n in (1, 2):
        save_page(folder / f"page{n}.jpg", f"p{n}")
    (folder / "page3.jpg").write_bytes(b"\xff\xd8broken")
    station.close()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}

    def sohoa(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "ui.launch", *args, "--data-dir", str(station.data_dir)],
            capture_output=True, text=True, env=env, timeout=120,
        )  # fmt: skip

    imported = sohoa("scans", "import", "--book", str(book), str(folder), "--json")
    listed = sohoa("scans", "list", "--book", str(book), "--json")

    assert imported.returncode == 1
    result = json.loads(imported.stdout)
    assert result["added"] == [1, 2]
    assert [r["source"] for r in result["refused"]] == ["page3.jpg"]
    assert "page(s) refused" in imported.stderr
    assert [p["page"] for p in json.loads(listed.stdout)["pages"]] == [1, 2]
