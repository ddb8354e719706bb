"""The item models of the main window: books and entries."""

from __future__ import annotations

import pytest

from app.db.models import BookCondition, EntryStatus
from app.demo import add_demo_entries
from app.keying.lists import BookProgress, EntryLine, book_progress
from app.specs import BookKind
from ui.models.books import CONDITION, EXPECTED, PROGRESS, BookTableModel
from ui.models.entries import EntryListModel

pytestmark = pytest.mark.usefixtures("qapp")


def sample_books() -> list[BookProgress]:
    return [
        BookProgress(1, BookKind.BIRTH, "UBND xã Tân Lập", "01", 1985, 60, 45, 3, 1),
        BookProgress(2, BookKind.DEATH, "UBND xã Tân Lập", "02", 1990, None, 7, 0, 0,
                     BookCondition.DAMAGED),
    ]  # fmt: skip


def test_the_book_model_is_a_correct_qt_model(qtmodeltester) -> None:
    qtmodeltester.check(BookTableModel(sample_books()))


def test_the_book_model_shows_progress(vietnamese) -> None:
    model = BookTableModel(sample_books())

    assert model.rowCount() == 2
    assert model.data(model.index(0, PROGRESS)) == "75%"
    assert model.data(model.index(1, PROGRESS)) is None  # no expected count, no percentage
    assert model.data(model.index(1, EXPECTED)) == ""
    assert model.data(model.index(1, CONDITION)) == "Hư hỏng", "hard books are seen as such"


def test_the_queue_is_listed_first_in_campaign_priority(station, clock) -> None:
    add_demo_entries(station, 400, seed=3, clock=clock)

    with station.sessions() as session:
        books = book_progress(session)

    waiting = [b for b in books if not b.finished]
    assert waiting and books[: len(waiting)] == waiting, "the queue comes before finished books"
    order = [(b.kind.priority, list(BookCondition).index(b.condition)) for b in waiting]
    assert order == sorted(order), "births first; within a kind, easy books first"
    assert sum(b.done + b.deferred for b in books) == 400


def test_the_entry_list_model_is_a_correct_qt_model(qtmodeltester) -> None:
    entries = [
        EntryLine(1, 1985, 1, "Nguyễn Văn An", EntryStatus.COMPLETED),
        EntryLine(2, 1985, None, "", EntryStatus.DRAFT),
    ]
    model = EntryListModel(entries)

    qtmodeltester.check(model)
    assert model.data(model.index(1, 0)) == ""
