"""The window a new user sees: the station's books, in Vietnamese."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.demo import add_demo_entries
from app.overview import BookProgress, book_progress
from app.specs import BookKind
from ui.i18n import install_translators
from ui.main_window import MainWindow
from ui.models.books import BookTableModel

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def vietnamese(qapp):
    translators = install_translators(qapp, "vi")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def sample_books() -> list[BookProgress]:
    return [
        BookProgress(1, BookKind.BIRTH, "UBND xã Tân Lập", "01", 1985, 60, 45, 3, 1),
        BookProgress(2, BookKind.DEATH, "UBND xã Tân Lập", "02", 1990, None, 7, 0, 0),
    ]


def test_the_book_model_is_a_correct_qt_model(qtmodeltester) -> None:
    qtmodeltester.check(BookTableModel(sample_books()))


def test_the_book_model_shows_progress() -> None:
    model = BookTableModel(sample_books())

    assert model.rowCount() == 2
    assert model.data(model.index(0, 7)) == "75%"
    assert model.data(model.index(1, 7)) is None  # no expected count, no percentage
    assert model.data(model.index(1, 4)) == ""


def test_books_are_listed_in_campaign_priority(station, clock) -> None:
    add_demo_entries(station, 400, seed=3, clock=clock)

    with station.sessions() as session:
        books = book_progress(session)

    priorities = [b.kind.priority for b in books]
    assert priorities == sorted(priorities)
    assert sum(b.done + b.deferred for b in books) == 400


@pytest.mark.usefixtures("vietnamese")
def test_the_main_window_speaks_vietnamese(qtbot, station, clock) -> None:
    add_demo_entries(station, 200, seed=5, clock=clock)

    window = MainWindow(station)
    qtbot.addWidget(window)

    model = window.table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:3] == ["Loại sổ", "Cơ quan đăng ký", "Quyển số"]
    assert "TEST-01" in window.windowTitle()
    assert "trên 200 mục" in window.summary.text()
