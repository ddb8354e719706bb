"""The inventory: the lead registers the books to key, by hand or from a list."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select
from work_helpers import add_book, add_user

from app.access.roles import NotAllowed
from app.db.models import Book, Role, User
from app.specs import BookKind
from app.system.clock import SystemClock, local_today
from app.work.inventory import BookRefused, import_books, register_book
from app.work.queue import move_book, open_books

HEADER_VI = "Loại sổ;Nơi đăng ký;Quyển số;Năm;Số trang;Số mục dự kiến;Tình trạng"
HEADER_EN = "kind,office,volume,year,pages,expected entries,condition"
THIS_YEAR = local_today(SystemClock()).year


def admin(session) -> User:
    return session.scalars(select(User).where(User.username == "admin")).one()


def write_csv(path: Path, *lines: str, bom: bool = True) -> Path:
    path.write_text(("\ufeff" if bom else "") + "\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def shelf(session) -> list[str]:
    return [f"{b.kind}/{b.year}/{b.volume}/{b.condition}" for b in open_books(session)]


def book_count(station) -> int:
    with station.sessions() as session:
        return session.scalar(select(func.count(Book.id)))


# One book at a time


def test_a_registered_book_is_normalised_and_takes_its_place_in_the_queue(station, clock) -> None:
    with station.sessions.begin() as session:
        add_book(session, BookKind.DEATH, "01", 1990)
        book = register_book(
            session,
            admin(session),
            kind=BookKind.BIRTH,
            office=unicodedata.normalize("NFD", "  UBND xã  Hoà Bình "),
            volume=" 02 ",
            year="1985",
            pages="120",
            expected_entries=480,
            condition="worn",
            clock=clock,
        )
        queue = shelf(session)

    assert book.office == "UBND xã Hòa Bình"
    assert (book.volume, book.year, book.pages, book.expected_entries) == ("02", 1985, 120, 480)
    assert queue == ["birth/1985/02/worn", "death/1990/01/good"]


def test_the_same_book_twice_is_refused_plainly(station, clock) -> None:
    with station.sessions.begin() as session:
        details = dict(kind="birth", office="UBND xã Tân Lập", volume="01", year=1985)
        register_book(session, admin(session), **details, clock=clock)
        with pytest.raises(BookRefused) as refused:
            register_book(session, admin(session), **details, clock=clock)
        with pytest.raises(BookRefused) as other_pages:
            register_book(session, admin(session), **details, pages=90, clock=clock)

    (problem,) = refused.value.problems
    assert problem.message("vi") == (
        "Sổ khai sinh quyển 01 năm 1985 của UBND xã Tân Lập đã có trong danh mục."
    )
    assert problem.message("en") == (
        "The birth book volume 01 of 1985 of UBND xã Tân Lập is already registered."
    )
    assert other_pages.value.problems[0].message("vi") == (
        "Sổ này đã có trong danh mục, nhưng với Số trang khác."
    )
    assert book_count(station) == 1


def test_every_problem_of_a_book_is_said_at_once_in_both_languages(station, clock) -> None:
    with station.sessions.begin() as session, pytest.raises(BookRefused) as refused:
        register_book(
            session,
            admin(session),
            kind="sách",
            office="  ",
            volume="",
            year="1850",
            pages="0",
            expected_entries="12,5",
            condition="mới",
            clock=clock,
        )

    problems = refused.value.problems
    assert [p.field for p in problems] == [
        "kind",
        "office",
        "volume",
        "year",
        "pages",
        "expected_entries",
        "condition",
    ]
    assert [p.message("vi") for p in problems] == [
        "Loại sổ: “sách” không phải loại sổ nào (khai sinh, kết hôn, khai tử, nuôi con nuôi).",
        "Chưa nhập Nơi đăng ký.",
        "Chưa nhập Quyển số.",
        f"Năm: “1850” phải là một năm từ 1945 đến {THIS_YEAR}.",
        "Số trang: “0” không phải là số nguyên dương.",
        "Số mục dự kiến: “12,5” không phải là số nguyên dương.",
        "Tình trạng: “mới” không phải tình trạng nào (tốt, cũ, hư hỏng).",
    ]
    assert problems[3].message("en") == f"Year: “1850” must be a year from 1945 to {THIS_YEAR}."
    assert book_count(station) == 0


@pytest.mark.parametrize("year", ["1944", str(THIS_YEAR + 1), "85", "năm 1985"])
def test_a_year_outside_the_books_of_the_republic_is_refused(station, clock, year: str) -> None:
    with station.sessions.begin() as session, pytest.raises(BookRefused):
        register_book(
            session, admin(session), kind="birth", office="X", volume="1", year=year, clock=clock
        )


def test_a_clerk_may_not_register_or_import_books(station, clock, tmp_path: Path) -> None:
    listing = write_csv(tmp_path / "books.csv", HEADER_VI, "Khai sinh;UBND xã A;01;1985;;;")
    with station.sessions.begin() as session:
        clerk = add_user(session, "an", Role.CLERK)
        with pytest.raises(NotAllowed):
            register_book(
                session, clerk, kind="birth", office="UBND xã A", volume="1", year=1985, clock=clock
            )
        with pytest.raises(NotAllowed):
            import_books(session, clerk, listing, clock=clock)

    assert book_count(station) == 0


# A list from a file


def test_a_csv_as_excel_writes_it_in_vietnam(station, clock, tmp_path: Path) -> None:
    listing = write_csv(
        tmp_path / "danh-sach.csv",
        "STT;LOAI SO;nơi đăng ký;Quyển số;NĂM;Số trang;Số mục dự kiến;Tình trạng;Ghi chú",
        "1;Khai sinh;UBND xã Tân Lập;01;1985;120;1.200;Tốt;",
        "2;Sổ đăng ký kết hôn;UBND xã Tân Lập;01;1985;;;cũ;",
        ";;;;;;;;",
        "3;khai tu;UBND xã Tân Lập;01;1990;40;;Hư hỏng;mọt",
        "4;Nuôi con nuôi;UBND xã Tân Lập;01;2001;;;;",
    )
    with station.sessions.begin() as session:
        result = import_books(session, admin(session), listing, clock=clock)
    with station.sessions() as session:
        books = {b.kind: b for b in session.scalars(select(Book))}

    assert result.ok and result.registered == 4 and result.skipped == []
    assert result.ignored_columns == ["STT", "Ghi chú"]
    assert books["birth"].expected_entries == 1200
    assert books["marriage"].condition == "worn" and books["marriage"].pages is None
    assert books["death"].condition == "damaged"
    assert books["adoption"].condition == "good"


def test_a_csv_with_english_headers_commas_and_no_bom(station, clock, tmp_path: Path) -> None:
    listing = write_csv(
        tmp_path / "books.csv",
        HEADER_EN,
        "birth,UBND xã A,1,1985,100,400,good",
        'death,"UBND xã B, huyện C",2,1990,50,100,damaged',
        bom=False,
    )
    with station.sessions.begin() as session:
        result = import_books(session, admin(session), listing, clock=clock)
    with station.sessions() as session:
        offices = set(session.scalars(select(Book.office)))

    assert result.registered == 2
    assert offices == {"UBND xã A", "UBND xã B, huyện C"}


def test_an_xlsx_with_a_title_above_its_header(station, clock, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["DANH SÁCH SỔ HỘ TỊCH CẦN SỐ HÓA"])
    sheet.append(["Loại sổ", "Nơi đăng ký", "Quyển số", "Năm", "Số trang", "Tình trạng"])
    sheet.append(["Khai sinh", "UBND xã Tân Lập", 1, 1985, 120.0, "tốt"])
    sheet.append(["Khai tử", "UBND xã Tân Lập", "02", 1990.0, None, "Cũ"])
    workbook.save(tmp_path / "books.xlsx")

    with station.sessions.begin() as session:
        result = import_books(session, admin(session), tmp_path / "books.xlsx", clock=clock)
        queue = shelf(session)

    assert result.ok and result.registered == 2
    assert queue == ["birth/1985/1/good", "death/1990/02/worn"]


def test_one_bad_row_and_nothing_is_registered(station, clock, tmp_path: Path) -> None:
    listing = write_csv(
        tmp_path / "books.csv",
        HEADER_VI,
        "Khai sinh;UBND xã A;01;1985;100;;tốt",
        "Khai sinh;UBND xã A;02;19855;100;;tốt",
        "Kết hôn;UBND xã A;01;1985;100;;tốt",
        "Khai sinh;;03;1985;-4;;",
    )
    with station.sessions.begin() as session:
        result = import_books(session, admin(session), listing, clock=clock)

    assert not result.ok and result.registered == 0
    assert [(p.row, p.field) for p in result.problems] == [
        (3, "year"),
        (5, "office"),
        (5, "pages"),
    ]
    assert result.problems[1].message("vi") == "Chưa nhập Nơi đăng ký."
    assert result.problems[1].message("en") == "Office is required."
    assert book_count(station) == 0


def test_books_registered_before_are_skipped_and_the_new_ones_added(
    station, clock, tmp_path: Path
) -> None:
    first = write_csv(tmp_path / "first.csv", HEADER_VI, "Khai sinh;UBND xã A;01;1985;100;;tốt")
    second = write_csv(
        tmp_path / "second.csv",
        HEADER_VI,
        "Khai sinh;UBND xã A;01;1985;100;;tốt",
        "Khai sinh;UBND xã A;02;1985;100;;tốt",
    )
    with station.sessions.begin() as session:
        import_books(session, admin(session), first, clock=clock)
    with station.sessions.begin() as session:
        result = import_books(session, admin(session), second, clock=clock)
    with station.sessions.begin() as session:
        again = import_books(session, admin(session), second, clock=clock)

    assert (result.registered, result.skipped) == (1, [2])
    assert again.ok and (again.registered, again.skipped) == (0, [2, 3])
    assert book_count(station) == 2


def test_a_book_registered_with_other_details_or_listed_twice_is_a_bad_row(
    station, clock, tmp_path: Path
) -> None:
    with station.sessions.begin() as session:
        register_book(
            session,
            admin(session),
            kind="birth",
            office="UBND xã A",
            volume="01",
            year=1985,
            pages=100,
            clock=clock,
        )
    listing = write_csv(
        tmp_path / "books.csv",
        HEADER_VI,
        "Khai sinh;UBND xã A;01;1985;120;;hư hỏng",
        "Khai tử;UBND xã A;01;1990;;;",
        "khai tử;UBND xã A;01;1990;;;",
    )
    with station.sessions.begin() as session:
        result = import_books(session, admin(session), listing, clock=clock)

    assert [(p.row, p.message("vi")) for p in result.problems] == [
        (2, "Sổ này đã có trong danh mục, nhưng với Số trang, Tình trạng khác."),
        (4, "Sổ này trùng với sổ ở dòng 3."),
    ]
    assert book_count(station) == 1


def test_imported_books_take_their_campaign_place_around_the_leads_moves(
    station, clock, tmp_path: Path
) -> None:
    with station.sessions.begin() as session:
        add_book(session, BookKind.BIRTH, "01", 1985)
        death = add_book(session, BookKind.DEATH, "01", 1990)
        move_book(session, admin(session), death, -1, clock=clock)  # the lead wants it first
    listing = write_csv(
        tmp_path / "books.csv",
        HEADER_VI,
        "Kết hôn;UBND xã Tân Lập;01;2000;;;cũ",
        "Khai sinh;UBND xã Tân Lập;01;1980;;;tốt",
        "Khai sinh;UBND xã Tân Lập;01;1979;;;hư hỏng",
    )
    with station.sessions.begin() as session:
        import_books(session, admin(session), listing, clock=clock)
    with station.sessions() as session:
        queue = shelf(session)
        ranks = [b.queue_rank for b in open_books(session)]

    assert queue == [
        "birth/1980/01/good",  # before every book: first
        "death/1990/01/good",  # where the lead put it
        "birth/1985/01/good",
        "birth/1979/01/damaged",  # damaged books after the easy ones
        "marriage/2000/01/worn",
    ]
    assert ranks == sorted(set(ranks))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("books.xls", b"", "Chỉ nhập được tệp .csv hoặc .xlsx."),
        ("books.csv", "Năm;Nơi đăng".encode("cp1258"), "Tệp CSV không được lưu dạng UTF-8"),
        ("books.csv", b"Loai so;Nam\nKhai sinh;1985\n", "Tệp không có cột: Nơi đăng ký, Quyển số."),
        ("books.csv", HEADER_VI.encode(), "Tệp không có dòng sổ nào."),
        ("books.xlsx", b"not a workbook", "Không đọc được tệp books.xlsx."),
    ],
)
def test_a_file_that_cannot_be_read_is_said_so(
    station, clock, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    (tmp_path / name).write_bytes(content)
    with station.sessions.begin() as session:
        result = import_books(session, admin(session), tmp_path / name, clock=clock)

    (problem,) = result.problems
    assert problem.row is None
    assert problem.message("vi").startswith(message)
    assert problem.message("en")
