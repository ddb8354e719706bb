"""The lead's inventory dialog: books registered from the keyboard, or from a list."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.db.models import Book, User
from app.system.clock import SystemClock, local_today
from ui.context import StationContext
from ui.work.inventory import InventoryDialog


@pytest.fixture
def dialog(qtbot, station, clock, vietnamese) -> InventoryDialog:
    with station.sessions() as session:
        lead = session.scalars(select(User).where(User.username == "admin")).one()
    dialog = InventoryDialog(StationContext(station, lead, clock, "vi"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def keys(qtbot, *strokes: str | Qt.Key) -> None:
    """Type into whichever widget has the focus, as the lead does."""
    for stroke in strokes:
        if isinstance(stroke, str):
            qtbot.keyClicks(QApplication.focusWidget(), stroke)
        else:
            qtbot.keyClick(QApplication.focusWidget(), stroke)


def books(station) -> list[tuple]:
    with station.sessions() as session:
        return [
            (b.kind, b.office, b.volume, b.year, b.pages, b.expected_entries, b.condition)
            for b in session.scalars(select(Book).order_by(Book.id))
        ]


def test_a_lead_registers_books_from_the_keyboard(qtbot, station, dialog) -> None:
    tab, enter = Qt.Key.Key_Tab, Qt.Key.Key_Return
    assert dialog.office.text() == "UBND xã Tân Lập", "the station's office is offered"

    with qtbot.waitSignal(dialog.books_changed):
        keys(qtbot, "3", tab, tab, "01", tab, "1990", tab, "40", tab, "160", tab, "2", enter)
    assert QApplication.focusWidget() is dialog.volume, "the next volume is typed at once"
    with qtbot.waitSignal(dialog.books_changed):
        keys(qtbot, "02", enter)

    assert books(station) == [
        ("death", "UBND xã Tân Lập", "01", 1990, 40, 160, "worn"),
        ("death", "UBND xã Tân Lập", "02", 1990, None, None, "worn"),
    ]
    assert "02" in dialog.outcome.text() and "1990" in dialog.outcome.text()


def test_a_refused_book_says_why_and_goes_to_the_field(qtbot, station, dialog) -> None:
    keys(qtbot, Qt.Key.Key_Tab, Qt.Key.Key_Tab, Qt.Key.Key_Tab, "1850", Qt.Key.Key_Return)

    this_year = local_today(SystemClock()).year
    assert dialog.outcome.text() == (
        f"Chưa nhập Quyển số.\nNăm: “1850” phải là một năm từ 1945 đến {this_year}."
    )
    assert QApplication.focusWidget() is dialog.volume
    assert books(station) == []


def test_escape_closes_the_dialog(qtbot, dialog) -> None:
    keys(qtbot, Qt.Key.Key_Escape)

    assert not dialog.isVisible()


def test_importing_a_list_says_what_was_registered(qtbot, station, dialog, tmp_path) -> None:
    listing = tmp_path / "books.csv"
    listing.write_text(
        "STT;Loại sổ;Nơi đăng ký;Quyển số;Năm\n"
        "1;Khai sinh;UBND xã A;01;1985\n"
        "2;Kết hôn;UBND xã A;01;1985\n",
        encoding="utf-8-sig",
    )

    with qtbot.waitSignal(dialog.books_changed):
        result = dialog.import_file(listing)

    assert result.registered == 2
    assert len(books(station)) == 2
    assert "2" in dialog.outcome.text() and "STT" in dialog.outcome.text()
    assert not dialog.bad_rows.isVisible()


def test_a_bad_list_shows_every_bad_row(qtbot, station, dialog, tmp_path: Path) -> None:
    listing = tmp_path / "books.csv"
    listing.write_text(
        "Loại sổ;Nơi đăng ký;Quyển số;Năm\n"
        "Khai sinh;UBND xã A;01;1985\n"
        "Khai sinh;UBND xã A;02;1850\n"
        "Sách;UBND xã A;03;1985\n",
        encoding="utf-8",
    )

    with qtbot.assertNotEmitted(dialog.books_changed):
        dialog.import_file(listing)

    lines = dialog.bad_rows.toPlainText().splitlines()
    assert dialog.bad_rows.isVisible()
    assert len(lines) == 2
    assert "3" in lines[0] and "Năm: “1850” phải là một năm từ 1945 đến" in lines[0]
    assert "4" in lines[1] and lines[1].endswith(
        "Loại sổ: “Sách” không phải loại sổ nào (khai sinh, kết hôn, khai tử, nuôi con nuôi)."
    )
    assert books(station) == []
