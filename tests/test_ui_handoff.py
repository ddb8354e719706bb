"""The lead's hand-off window: a book picked, what is left out said and
asked about, the files written beside the window with a progress bar."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from handoff_helpers import (
    import_scans,
    key_on_pages,
    lead_of,
    new_book,
    scanned_pages,
    write_pages,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton
from screen_helpers import assert_fits_the_screen
from test_ui_work import open_window

from app.handoff.station import name_pattern
from app.keying.save import SaveAction
from ui.context import StationContext
from ui.handoff.dialog import HandoffDialog

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def deferred_book(station, clock, tmp_path) -> int:
    """Two scanned pages, three entries done on them and one deferred."""
    book = new_book(station)
    pages, suffixes = scanned_pages()
    import_scans(station, clock, book, write_pages(tmp_path / "scans", pages[:2], suffixes[:2]))
    key_on_pages(station, clock, book, [1, 1, 2])
    key_on_pages(station, clock, book, [2], SaveAction.DEFER)
    return book


@pytest.fixture
def dialog(qtbot, station, clock, deferred_book) -> HandoffDialog:
    with station.sessions.begin() as session:
        lead = lead_of(session)
    dialog = HandoffDialog(StationContext(station, lead, clock, "en"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def answer(monkeypatch, button: str) -> list[str]:
    """Answer the question the window asks with ``button``; what it asked."""
    asked: list[str] = []

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        box.findChild(QPushButton, button).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def test_the_lead_opens_the_hand_off_from_the_station_menu(
    qtbot, station, clock, deferred_book, monkeypatch
) -> None:
    with station.sessions.begin() as session:
        lead_of(session)
    window = open_window(qtbot, station, clock, "lead")
    opened: list[QDialog] = []
    monkeypatch.setattr(HandoffDialog, "exec", lambda d: opened.append(d))

    qtbot.keyClick(window, Qt.Key.Key_H, CTRL_SHIFT)

    [dialog] = opened
    assert dialog.books.rowCount() == 1


def test_a_book_not_whole_is_asked_about_then_handed_over(
    qtbot, dialog, station, tmp_path, monkeypatch
) -> None:
    assert dialog.plan.text() == (
        "The workbook will have 3 rows, one per entry completed or verified;"
        " the zip 3 PDFs, one per entry whose page is scanned."
    )
    assert dialog.left_out.isVisibleTo(dialog)
    assert "1 deferred" in dialog.left_out.text()
    assert_fits_the_screen(dialog)
    stick = tmp_path / "stick"
    stick.mkdir()
    qtbot.keyClicks(dialog.folder, str(stick))
    asked = answer(monkeypatch, "not_now")

    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert asked and "1 deferred" in asked[0]
    assert dialog.job is None and list(stick.iterdir()) == [], "nothing written"

    answer(monkeypatch, "anyway")
    dialog.pattern.setText("{kind_code}-{number}")
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.job is not None and not dialog.buttons.isEnabled(), "not closed mid-way"
    qtbot.waitUntil(lambda: dialog.job is None, timeout=60_000)

    assert f"{stick / 'KS.2010.01.xlsx'}: 3 rows" in dialog.status.text()
    assert f"{stick / 'KS.2010.01.zip'}: 3 PDFs" in dialog.status.text()
    with zipfile.ZipFile(stick / "KS.2010.01.zip") as archive:
        assert archive.namelist() == ["KS-1.pdf", "KS-2.pdf", "KS-3.pdf"]
    with station.sessions() as session:
        assert name_pattern(session) == "{kind_code}-{number}.pdf", "kept as the station's"


def test_a_pattern_that_cannot_name_the_files_is_said_and_nothing_written(
    qtbot, dialog, tmp_path: Path, monkeypatch
) -> None:
    answer(monkeypatch, "anyway")
    dialog.folder.setText(str(tmp_path))
    dialog.pattern.setText("{kind_code}.{page}")

    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert dialog.job is None
    assert dialog.status.text().startswith("The PDF names cannot be made from this pattern.")
    assert "{number} or {uuid}" in dialog.status.text()
    assert not (tmp_path / "KS.2010.01.xlsx").exists()


def test_a_book_changed_after_it_was_shown_is_not_handed_over_unasked(
    qtbot, dialog, station, clock, deferred_book, tmp_path, monkeypatch
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    dialog.folder.setText(str(stick))
    asked = answer(monkeypatch, "anyway")
    # Between the lead's look and the lead's key, a clerk defers one more entry.
    key_on_pages(station, clock, deferred_book, [2], SaveAction.DEFER)

    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=60_000)

    assert asked and "1 deferred" in asked[0], "what the lead agreed to"
    assert dialog.status.text().startswith("The book changed since it was shown")
    assert list(stick.iterdir()) == [], "nothing written"
