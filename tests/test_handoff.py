"""A book handed over as the Ministry asks: a workbook with a row per entry,
a zip with a colour PDF of about 100 kB per entry, named by a pattern."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pypdfium2
import pytest
from entries_factory import valid_entry
from handoff_helpers import (
    import_scans,
    jpeg_bytes,
    key_on_pages,
    lead_of,
    new_book,
    png_bytes,
    register_page,
    scanned_pages,
    set_region,
    write_pages,
)
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from verification_helpers import user

from app.db.models import Book
from app.handoff.book import HandoffError, HandoffProblem, assess, make_handoff
from app.handoff.columns import columns_for, fold
from app.handoff.names import PatternError, check_pattern, pdf_names, safe_name
from app.handoff.pdf import A4, entry_pdf
from app.handoff.source import HandoffBook, HandoffEntry
from app.handoff.station import books_to_hand, name_pattern, set_name_pattern, station_book
from app.keying.save import SaveAction
from app.quality.verification import key_again, take_next
from app.scans.store import ScanStore
from app.specs import BookKind, spec_for
from app.system.paths import scans_dir

WORKTREE = Path(__file__).resolve().parent.parent
SOHOA = Path(sys.executable).parent / "sohoa"


@pytest.fixture
def scanned_book(station, clock, tmp_path) -> int:
    """A birth book of four scanned pages (colour JPEGs at 200 and 300 dpi, a
    grey PNG), six entries keyed on them, two to a page on pages 1 and 4."""
    book = new_book(station)
    pages, suffixes = scanned_pages()
    import_scans(station, clock, book, write_pages(tmp_path / "scans", pages, suffixes))
    key_on_pages(station, clock, book, [1, 1, 2, 3, 4, 4])
    return book


def source_of(station, book: int):
    with station.sessions() as session:
        return station_book(session, book, ScanStore(scans_dir(station.data_dir)))


def folder(tmp_path: Path, name: str = "stick") -> Path:
    path = tmp_path / name
    path.mkdir()
    return path


def sheet_rows(path: Path, header_row: int = 1) -> list[dict[str, object]]:
    sheet = load_workbook(path).worksheets[0]
    rows = list(sheet.iter_rows(min_row=header_row, values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def pdfs_in(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def page_size(pdf: bytes) -> tuple[float, float]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        assert len(document) == 1
        return document[0].get_size()
    finally:
        document.close()


# The hand-off


def test_a_scanned_book_is_a_workbook_of_its_entries_and_a_zip_of_their_pdfs(
    station, clock, scanned_book, tmp_path
) -> None:
    made = make_handoff(source_of(station, scanned_book), folder(tmp_path), clock=clock)

    assert made.workbook.name == "KS.2010.01.xlsx"
    assert made.archive is not None and made.archive.name == "KS.2010.01.zip"
    assert sorted(p.name for p in made.workbook.parent.iterdir()) == [
        "KS.2010.01.xlsx",
        "KS.2010.01.zip",
    ], "nothing else: no partial file left"
    pdfs = pdfs_in(made.archive)
    assert list(pdfs) == [
        "KS.2010.01.1.1.pdf",
        "KS.2010.01.1.2.pdf",
        "KS.2010.01.2.3.pdf",
        "KS.2010.01.3.4.pdf",
        "KS.2010.01.4.5.pdf",
        "KS.2010.01.4.6.pdf",
    ]
    assert made.rows == made.pdfs == 6
    for name, pdf in pdfs.items():
        assert 40_000 <= len(pdf) <= 160_000, (name, len(pdf))
        width, height = page_size(pdf)
        assert (round(width), round(height)) == (595, 842), "an A4 page"
        assert b"/DeviceRGB" in pdf, "colour, the grey page too"
    rows = sheet_rows(made.workbook)
    assert [r["Số đăng ký"] for r in rows] == [1, 2, 3, 4, 5, 6]
    assert [r["Tên tệp PDF"] for r in rows] == list(pdfs)
    first = rows[0]
    assert first["STT"] == 1 and first["Quyển số"] == "01" and first["Trang"] == 1
    assert first["Ngày đăng ký"] == "20/06/2010"
    assert first["Họ và tên người được khai sinh"] == "Lê Văn An"
    assert first["Giới tính"] == "Nữ", "a choice by its Vietnamese label"
    assert first["Loại đăng ký"] == "Đăng ký đúng hạn"
    assert first["Ngày sinh của mẹ"] == "1985", "a year alone stays a year"
    assert first["Ngày sinh của cha"] == "12/03/1982"
    assert first["Ghi chú"] is None


def test_each_kind_s_columns_cover_every_field_of_its_book() -> None:
    for kind in BookKind:
        columns = columns_for(kind)
        assert {c.value for c in columns} >= {f.key for f in spec_for(kind).fields}, kind
        assert {"@ordinal", "@volume", "@pdf"} <= {c.value for c in columns}, kind


def test_the_centre_s_own_columns_file_is_read_and_a_wrong_one_refused(
    station, clock, scanned_book, tmp_path
) -> None:
    own = folder(tmp_path, "columns")
    (own / "birth.json").write_text(
        json.dumps(
            {"kind": "birth", "columns": [
                {"header": "Số", "value": "number"},
                {"header": "Tên khai sinh", "value": "child_name"},
                {"header": "Tệp", "value": "@pdf"},
            ]}
        ),
        encoding="utf-8",
    )  # fmt: skip

    made = make_handoff(
        source_of(station, scanned_book), folder(tmp_path), columns_folder=own, clock=clock
    )

    assert sheet_rows(made.workbook)[0] == {
        "Số": 1,
        "Tên khai sinh": "Lê Văn An",
        "Tệp": "KS.2010.01.1.1.pdf",
    }
    (own / "birth.json").write_text('{"columns": [{"header": "X", "value": "no_such"}]}')
    with pytest.raises(HandoffError) as refused:
        make_handoff(
            source_of(station, scanned_book), folder(tmp_path, "again"), columns_folder=own
        )
    assert refused.value.problem is HandoffProblem.COLUMNS and "no_such" in str(refused.value)


def test_a_book_without_scans_gets_its_workbook_and_no_zip(station, clock, tmp_path) -> None:
    book = new_book(station)
    key_on_pages(station, clock, book, [1, 2])
    source = source_of(station, book)

    assert len(assess(source).without_scan) == 2
    made = make_handoff(source, folder(tmp_path), clock=clock)

    assert made.archive is None and made.pdfs == 0 and made.rows == 2
    assert [p.name for p in made.workbook.parent.iterdir()] == ["KS.2010.01.xlsx"]
    assert [r["Tên tệp PDF"] for r in sheet_rows(made.workbook)] == [None, None]


def test_a_zip_of_an_earlier_hand_off_goes_when_the_new_one_has_none(
    station, clock, tmp_path
) -> None:
    book = new_book(station)
    key_on_pages(station, clock, book, [1, 2])
    target = folder(tmp_path)
    (target / "KS.2010.01.zip").write_bytes(b"PK\x05\x06" + bytes(18))  # an earlier one's

    made = make_handoff(source_of(station, book), target, clock=clock)

    assert made.replaced == [target / "KS.2010.01.zip"]
    assert [p.name for p in target.iterdir()] == ["KS.2010.01.xlsx"], "no PDFs of another day"


def test_a_page_gone_from_the_store_writes_nothing(station, clock, scanned_book, tmp_path) -> None:
    source = source_of(station, scanned_book)
    scan = source.page(3)
    assert scan is not None
    source.store.path(scan.sha256, scan.media_type).unlink()
    target = folder(tmp_path)

    with pytest.raises(HandoffError) as refused:
        make_handoff(source, target, clock=clock)

    assert refused.value.problem is HandoffProblem.PAGE_MISSING
    assert "page 3" in str(refused.value)
    assert list(target.iterdir()) == [], "no workbook, no zip, no partial file"


def test_a_hand_off_made_again_replaces_the_one_before_and_is_the_same(
    station, clock, scanned_book, tmp_path
) -> None:
    target = folder(tmp_path)
    first = make_handoff(source_of(station, scanned_book), target, clock=clock)
    before = first.archive.read_bytes() if first.archive else b""

    again = make_handoff(source_of(station, scanned_book), target, clock=clock)

    assert again.replaced == [again.workbook, again.archive]
    assert again.archive is not None and again.archive.read_bytes() == before


# What is handed, and what is not


def test_the_lead_is_offered_the_finished_books_first(station, clock, scanned_book) -> None:
    later = new_book(station, volume="02")
    key_on_pages(station, clock, later, [1])
    with station.sessions.begin() as session:
        session.get(Book, later).finished_at = clock.now()
        session.add(Book(kind="death", office="UBND", volume="09", year=2011))  # nothing done

    with station.sessions() as session:
        books = books_to_hand(session)

    assert [(b.id, b.finished, b.done, b.scanned_pages) for b in books] == [
        (later, True, 1, 0),
        (scanned_book, False, 6, 4),
    ]


def test_what_a_book_holds_that_is_not_handed_is_said_before(
    station, clock, scanned_book, tmp_path
) -> None:
    key_on_pages(station, clock, scanned_book, [4], SaveAction.DEFER)
    key_on_pages(station, clock, scanned_book, [4], SaveAction.DRAFT)
    key_on_pages(station, clock, scanned_book, [5])  # page 5 is not scanned

    assessment = assess(source_of(station, scanned_book))

    assert (assessment.deferred, assessment.drafts, assessment.awaiting_verification) == (1, 1, 0)
    assert [e.number for e in assessment.without_scan] == [9]
    assert len(assessment.handed) == 7 and not assessment.whole
    made = make_handoff(source_of(station, scanned_book), folder(tmp_path), assessment=assessment)
    assert made.rows == 7 and made.pdfs == 6


def test_an_entry_awaiting_its_second_keying_is_not_handed_until_verified(
    station, clock, tmp_path
) -> None:
    book = new_book(station, share=1.0)
    pages, suffixes = scanned_pages()
    import_scans(station, clock, book, write_pages(tmp_path / "scans", pages[:1], suffixes[:1]))
    [uuid] = key_on_pages(station, clock, book, [1])

    waiting = assess(source_of(station, book))
    assert waiting.awaiting_verification == 1 and waiting.handed == ()
    with pytest.raises(HandoffError) as refused:
        make_handoff(source_of(station, book), folder(tmp_path))
    assert refused.value.problem is HandoffProblem.NOTHING_HANDED

    with station.sessions.begin() as session:
        lead = user(session, "lead")
        verification = take_next(session, lead)
        assert verification is not None
        values = valid_entry("birth", number="1", page="1", child_name="Lê Văn An")
        assert key_again(session, verification, values, lead, clock).saved
    verified = assess(source_of(station, book))
    assert [e.uuid for e in verified.handed] == [uuid] and verified.whole


# The PDF of an entry


@pytest.mark.parametrize(
    ("dpi", "encode", "media_type"),
    [
        (150, lambda page: png_bytes(page), "image/png"),
        (200, lambda page: jpeg_bytes(page, 92), "image/jpeg"),
        (300, lambda page: jpeg_bytes(page, 85), "image/jpeg"),
        (300, lambda page: png_bytes(page.convert("1")), "image/png"),
    ],
    ids=["png-150", "jpeg-200", "jpeg-300", "bitonal-300"],
)
def test_an_a4_page_becomes_a_colour_pdf_of_about_100_kb(dpi, encode, media_type) -> None:
    scan = encode(register_page(dpi))

    made = entry_pdf(scan, media_type)

    assert not made.wrapped
    assert 40_000 <= len(made.data) <= 160_000, len(made.data)
    assert (round(page_size(made.data)[0]), round(page_size(made.data)[1])) == (595, 842)
    assert b"/DeviceRGB" in made.data
    assert entry_pdf(scan, media_type).data == made.data, "the same page, the same bytes"


def test_a_jpeg_page_of_about_100_kb_is_wrapped_without_encoding_it_again() -> None:
    scan = jpeg_bytes(register_page(150, grain=0.02, written=0.3), 60)
    assert 40_000 <= len(scan) <= 150_000, len(scan)

    made = entry_pdf(scan, "image/jpeg")

    assert made.wrapped and scan in made.data, "the scan's own bytes, not encoded again"
    assert len(made.data) < len(scan) + 2_000
    assert (round(page_size(made.data)[0]), round(page_size(made.data)[1])) == (595, 842)


def test_a_landscape_page_lies_on_a4_across() -> None:
    scan = jpeg_bytes(register_page(200).rotate(90, expand=True), 90)

    width, height = page_size(entry_pdf(scan, "image/jpeg").data)

    assert (round(width), round(height)) == (842, 595)


def test_an_entry_s_region_is_its_part_of_the_page_at_the_page_s_scale(
    station, clock, scanned_book, tmp_path
) -> None:
    source = source_of(station, scanned_book)
    second = source.entries()[1]
    set_region(station, second.uuid, [0.1, 0.5, 0.8, 0.25])

    made = make_handoff(source_of(station, scanned_book), folder(tmp_path), clock=clock)

    pdfs = pdfs_in(made.archive) if made.archive else {}
    width, height = page_size(pdfs["KS.2010.01.1.2.pdf"])
    assert width == pytest.approx(A4[0] * 0.8, abs=1) and height == pytest.approx(
        A4[1] * 0.25, abs=1
    )
    assert len(pdfs["KS.2010.01.1.2.pdf"]) < len(pdfs["KS.2010.01.1.1.pdf"]) / 2


# Names


def test_names_follow_the_station_s_pattern_made_safe(
    station, clock, scanned_book, tmp_path
) -> None:
    with station.sessions.begin() as session:
        set_name_pattern(session, lead_of(session), "Sổ {volume}: số {number}", clock=clock)
        pattern = name_pattern(session)

    made = make_handoff(
        source_of(station, scanned_book), folder(tmp_path), pattern=pattern, clock=clock
    )

    names = list(pdfs_in(made.archive)) if made.archive else []
    assert names == [f"So 01_ so {n}.pdf" for n in range(1, 7)]
    assert [r["Tên tệp PDF"] for r in sheet_rows(made.workbook)] == names


def test_two_entries_of_the_same_name_get_a_suffix_said_in_the_result() -> None:
    book = HandoffBook("TEST-01", "death", "UBND", "02", 1998)
    entries = [
        HandoffEntry(f"uuid-{year}-{number}", year, number, None, "completed", {}, 3, None)
        for year, number in [(1998, 1), (1999, 1), (1999, 2), (2000, 1)]
    ]

    names, renamed = pdf_names(book, entries, "{kind_code}.{volume}.{number}")

    assert list(names.values()) == ["KT.02.1.pdf", "KT.02.1-2.pdf", "KT.02.2.pdf", "KT.02.1-3.pdf"]
    assert [(r.uuid, r.wanted, r.given) for r in renamed] == [
        ("uuid-1999-1", "KT.02.1.pdf", "KT.02.1-2.pdf"),
        ("uuid-2000-1", "KT.02.1.pdf", "KT.02.1-3.pdf"),
    ]
    default, _ = pdf_names(book, entries)
    assert default["uuid-1999-1"] == "KT.1999.02.3.1.pdf"


def test_a_name_is_safe_on_windows_and_a_fat_stick() -> None:
    assert safe_name("Đồng Phú/quyển 1?.pdf") == "Dong Phu_quyen 1_.pdf"
    assert safe_name("CON.pdf") == "_CON.pdf"
    assert safe_name("com1.2010.pdf") == "_com1.2010.pdf"
    assert safe_name("trailing. .") == "trailing"
    assert len(safe_name("x" * 300 + ".pdf")) == 120 and safe_name("x" * 300 + ".pdf").endswith(
        ".pdf"
    )


def test_a_pattern_is_checked_before_anything_is_written() -> None:
    assert check_pattern("{kind_code}-{number}") == "{kind_code}-{number}.pdf"
    for bad, said in [
        ("{kind}.{number}.pdf", "{kind}"),
        ("{kind_code}.{page}.pdf", "{number} or {uuid}"),
        ("{number:q}.pdf", "cannot be filled in"),
        ("{number", "cannot be read"),
        ("  ", "empty"),
    ]:
        with pytest.raises(PatternError, match=said[1:-1] if said.startswith("{") else said):
            check_pattern(bad)


def test_the_station_keeps_its_pattern(station, clock) -> None:
    with station.sessions.begin() as session:
        assert name_pattern(session) == "{kind_code}.{year}.{volume}.{page}.{number}.pdf"
        set_name_pattern(session, lead_of(session), "{kind_code}_{number}", clock=clock)
    with station.sessions() as session:
        assert name_pattern(session) == "{kind_code}_{number}.pdf"


# The Ministry's template


def ministry_template(path: Path) -> Path:
    """A template as a ministry sends one: a title row, a header row in its
    own order (one header without accents, one Sohoa cannot fill), a row
    formatted for the data, an example row."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Mau"
    sheet["A1"] = "DANH SÁCH KHAI SINH SỐ HÓA"
    headers = ["STT", "Ho va ten nguoi duoc khai sinh", "Số", "Mã hồ sơ", "Tệp đính kèm"]
    for column, header in enumerate(headers, start=1):
        sheet.cell(3, column, header).font = Font(bold=True)
        sheet.cell(4, column).fill = PatternFill("solid", fgColor="FFF2CC")
    for column, example in enumerate([1, "Nguyễn Văn Mẫu", 99, "HS-1", "mau.pdf"], start=1):
        sheet.cell(4, column, example)
    book.save(path)
    return path


def test_a_template_is_filled_where_its_headers_are_recognised(
    station, clock, scanned_book, tmp_path
) -> None:
    template = ministry_template(tmp_path / "mau.xlsx")

    made = make_handoff(
        source_of(station, scanned_book), folder(tmp_path), template=template, clock=clock
    )

    assert made.unfilled == ["Mã hồ sơ"]
    assert made.filled == ["STT", "Họ và tên người được khai sinh", "Số đăng ký", "Tên tệp PDF"]
    sheet = load_workbook(made.workbook).worksheets[0]
    assert sheet.title == "Mau" and sheet["A1"].value == "DANH SÁCH KHAI SINH SỐ HÓA"
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert rows[0] == (1, "Lê Văn An", 1, None, "KS.2010.01.1.1.pdf"), "the example replaced"
    assert len(rows) == 6
    assert sheet.cell(9, 2).fill.fgColor.rgb == "00FFF2CC", "the template's own formatting"


def test_headers_match_without_accents_case_or_punctuation() -> None:
    assert fold("Họ, chữ đệm, tên MẸ") == fold("ho chu dem ten me") == "ho chu dem ten me"
    assert fold("Ngày đăng ký (*)") == "ngay dang ky"


# The command line


def sohoa(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SOHOA), *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(WORKTREE)},
        timeout=300,
        check=False,
    )


def test_the_command_refuses_a_book_not_whole_unless_told_and_says_what_it_wrote(
    station, clock, scanned_book, tmp_path
) -> None:
    key_on_pages(station, clock, scanned_book, [4], SaveAction.DEFER)
    target = folder(tmp_path)
    template = ministry_template(tmp_path / "mau.xlsx")
    args = ["handoff", "--book", str(scanned_book), "--to", str(target)]

    refused = sohoa(*args, data_dir=station.data_dir)

    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines() == [
        f"sohoa handoff: book {scanned_book} has 1 deferred: nothing written;"
        " hand it over anyway with --anyway"
    ]
    assert list(target.iterdir()) == []

    done = sohoa(*args, "--anyway", "--template", str(template), data_dir=station.data_dir)

    assert done.returncode == 0, done.stderr
    assert "Columns of the template left empty: Mã hồ sơ." in done.stdout
    assert "6 PDFs, each opened and one page" in done.stdout
    as_json = sohoa(*args, "--anyway", "--pattern", "{number}", "--json", data_dir=station.data_dir)
    data = json.loads(as_json.stdout)
    assert (data["rows"], data["pdfs"], data["deferred"]) == (6, 6, 1)
    assert data["replaced"] == [str(target / "KS.2010.01.xlsx"), str(target / "KS.2010.01.zip")]
    assert sorted(pdfs_in(Path(data["archive"]))) == [f"{n}.pdf" for n in range(1, 7)]


def test_the_command_names_what_it_cannot_do_in_one_line(station, scanned_book, tmp_path) -> None:
    target = folder(tmp_path)
    for args, said in [
        (["--book", "999", "--to", str(target)], "there is no book 999"),
        (["--book", str(scanned_book), "--to", str(tmp_path / "no")], "no such folder"),
        (["--book", str(scanned_book), "--to", str(target), "--pattern", "{x}"], "{x}"),
    ]:
        result = sohoa("handoff", *args, data_dir=station.data_dir)
        assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
        assert said in result.stderr, result.stderr


def test_the_workbook_reads_as_excel_writes_it(station, clock, scanned_book, tmp_path) -> None:
    made = make_handoff(source_of(station, scanned_book), folder(tmp_path), clock=clock)
    sheet = load_workbook(io.BytesIO(made.workbook.read_bytes())).worksheets[0]

    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    assert sheet.title == "Sổ đăng ký khai sinh"
