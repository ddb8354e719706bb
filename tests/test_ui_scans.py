"""The page beside the form: a scanned book's page shown as an entry is
keyed, kept with it, looked at from the keyboard; the lead's import of a
book's scans; the same page where an entry is checked again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from test_ui_work import open_window
from verification_helpers import entry_values
from work_helpers import add_book, add_user

from app.db.models import Entry, Role, User
from app.keying.save import SaveAction, save_entry
from app.scans.importing import prepare, record
from app.scans.store import ScanStore
from app.system.paths import scans_dir
from ui.scans.page_view import CONTRASTS, PageView
from ui.scans.renderer import RenderKey

pytestmark = pytest.mark.usefixtures("vietnamese")
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier
PAGES = 4


def page_image(path: Path, number: int, size: tuple[int, int] = (1240, 1754)) -> Path:
    """A cream register page, ruled, its number written large at the top."""
    image = Image.new("RGB", size, (246, 238, 214))
    draw = ImageDraw.Draw(image)
    for y in range(200, size[1], 60):
        draw.line([(60, y), (size[0] - 60, y)], fill=(150, 140, 120), width=2)
    draw.rectangle([60, 40, 60 + 40 * number, 140], fill=(20, 20, 90))  # tells pages apart
    image.save(path, quality=85)
    return path


def import_pages(station, folder: Path, book_id: int, lead: str = "lead") -> None:
    store = ScanStore(scans_dir(station.data_dir))
    prepared = prepare(store, [folder])
    with station.sessions.begin() as session:
        user = session.scalars(select(User).where(User.username == lead)).one()
        record(session, _clock(), user, book_id, prepared)


def _clock():
    from app.system.clock import SystemClock

    return SystemClock()


@pytest.fixture
def scanned_book(station, clock, tmp_path) -> int:
    """Clerk "an", lead "lead", a birth book of 4 scanned pages, one entry
    keyed on page 1."""
    with station.sessions.begin() as session:
        an = add_user(session, "an")
        add_user(session, "lead", Role.LEAD)
        book = add_book(session)
        book.pages = PAGES
        save_entry(
            session, book=book, values=entry_values(0) | {"page": _value("1")}, user=an,
            action=SaveAction.COMPLETE, clock=clock,
        )  # fmt: skip
        book_id = book.id
    folder = tmp_path / "scans"
    folder.mkdir()
    for number in range(1, PAGES + 1):
        page_image(folder / f"page-{number:02}.jpg", number)
    import_pages(station, folder, book_id)
    return book_id


def _value(text: str):
    from app.rules import FieldValue

    return FieldValue(text)


def shown_page(qtbot, view: PageView, page: int) -> None:
    """Wait until ``view`` draws ``page``."""
    qtbot.waitUntil(lambda: view.page == page and view.canvas.image is not None)


def test_the_page_of_the_entry_is_beside_the_form_and_follows_it(
    qtbot, station, clock, scanned_book
) -> None:
    window = open_window(qtbot, station, clock, "an")
    window.open_book(scanned_book)
    view = window.keying.page_view

    assert view.isVisible(), "the book has scans: its page is beside the form"
    assert window.form.editors["page"].input.text() == "1", "carried from the entry before"
    shown_page(qtbot, view, 1)
    assert view.title.text() == "Trang 1 / 4"
    field = QApplication.focusWidget()
    assert field is window.form.editors["child_name"].input, "the cursor stays in the form"

    qtbot.keyClick(field, Qt.Key.Key_PageDown, CTRL)

    assert window.form.editors["page"].input.text() == "2", "the field shows the new page"
    shown_page(qtbot, view, 2)
    assert QApplication.focusWidget() is field
    for key, value in entry_values(1).items():
        if key != "page" and value.value:
            window.form.editors[key].set_value(value, value.value)
    assert window.keying.save_and_next()
    with station.sessions() as session:
        saved = session.scalars(select(Entry).order_by(Entry.id.desc())).first()
        assert saved.values["page"]["v"] == "2"
    assert window.form.editors["page"].input.text() == "2", "the next entry starts there"
    assert view.page == 2


def test_a_page_typed_is_shown_and_a_page_without_scan_says_so(
    qtbot, station, clock, scanned_book
) -> None:
    window = open_window(qtbot, station, clock, "an")
    window.open_book(scanned_book)
    view = window.keying.page_view
    page = window.form.editors["page"].input

    page.setFocus()
    page.selectAll()
    qtbot.keyClicks(page, "3")
    shown_page(qtbot, view, 3)

    page.selectAll()
    qtbot.keyClicks(page, "9")
    qtbot.waitUntil(lambda: view.page == 9)
    assert view.canvas.image is None
    assert view.canvas.message == "Trang 9 chưa có ảnh quét: ảnh quét của sổ là trang 1 đến 4."


def test_alt_page_down_looks_at_the_next_page_already_made_ready(
    qtbot, station, clock, scanned_book
) -> None:
    window = open_window(qtbot, station, clock, "an")
    window.open_book(scanned_book)
    view = window.keying.page_view
    shown_page(qtbot, view, 1)
    following = RenderKey.of(view.pages[2], view.view())
    qtbot.waitUntil(lambda: view.renderer.image(following) is not None)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, ALT)

    assert view.page == 2 and view.canvas.image is not None, "shown at once, not waited for"
    assert window.form.editors["page"].input.text() == "1", "the entry stays on its page"
    assert view.title.text() == "Trang 2 / 4 · mục này ở trang 1"


def test_the_keys_zoom_pan_turn_and_contrast_the_page(qtbot, station, clock, scanned_book) -> None:
    window = open_window(qtbot, station, clock, "an")
    window.open_book(scanned_book)
    view = window.keying.page_view
    shown_page(qtbot, view, 1)
    canvas, field = view.canvas, QApplication.focusWidget()
    width = canvas.page_size()[0]
    assert width == pytest.approx(canvas.width(), abs=1), "fitted to the width"

    qtbot.keyClick(field, Qt.Key.Key_Equal, CTRL)
    assert canvas.page_size()[0] == pytest.approx(width * 1.25, abs=1)
    before = QPointF(canvas.top_left)
    qtbot.keyClick(field, Qt.Key.Key_Right, ALT)
    qtbot.keyClick(field, Qt.Key.Key_Down, ALT)
    assert canvas.top_left.x() > before.x() and canvas.top_left.y() > before.y()
    qtbot.keyClick(field, Qt.Key.Key_0, CTRL)
    assert canvas.page_size()[0] == pytest.approx(width, abs=1)
    assert canvas.top_left.x() == 0 and canvas.top_left.y() == 0

    portrait = canvas.image.height() > canvas.image.width()
    qtbot.keyClick(field, Qt.Key.Key_R, CTRL_SHIFT)
    qtbot.waitUntil(
        lambda: canvas.image is not None and view.turns == 1 and view.image() is not None
    )
    assert (canvas.image.height() > canvas.image.width()) != portrait, "a quarter turn"

    qtbot.keyClick(field, Qt.Key.Key_Up, CTRL_SHIFT)
    assert view.view().contrast == CONTRASTS[CONTRASTS.index(1.0) + 1]
    qtbot.waitUntil(lambda: view.image() is not None)
    assert QApplication.focusWidget() is field


def test_a_book_without_scans_shows_no_page(qtbot, station, clock) -> None:
    with station.sessions.begin() as session:
        add_user(session, "an")
        book_id = add_book(session).id
    window = open_window(qtbot, station, clock, "an")
    window.open_book(book_id)

    assert not window.keying.page_view.isVisible()
    assert window.keying.entry_list.width() > 200, "the entry list in sight, as before"


def test_the_split_is_remembered_for_the_clerk(qtbot, station, clock, scanned_book) -> None:
    window = open_window(qtbot, station, clock, "an")
    window.open_book(scanned_book)
    split = window.keying.page_side.split
    split.moveSplitter(500, 1)
    chosen = split.sizes()
    window.close()

    again = open_window(qtbot, station, clock, "an")
    again.open_book(scanned_book)

    assert again.keying.page_side.split.sizes() == chosen


def test_a_region_marked_with_shift_drag_is_saved_with_the_entry(
    qtbot, station, clock, scanned_book
) -> None:
    window = open_window(qtbot, station, clock, "an")
    window.open_book(scanned_book)
    view = window.keying.page_view
    shown_page(qtbot, view, 1)
    canvas = view.canvas
    shift = Qt.KeyboardModifier.ShiftModifier

    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, shift, QPoint(20, 30))
    qtbot.mouseMove(canvas, QPoint(canvas.width() - 20, 130))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, shift, QPoint(canvas.width() - 20, 130))

    page_width, page_height = canvas.page_size()
    assert view.region == pytest.approx(
        [20 / page_width, 30 / page_height, (page_width - 40) / page_width, 100 / page_height],
        abs=0.005,
    ), "as fractions of the page"
    window.keying.flush_draft()
    with station.sessions() as session:
        draft = session.scalars(select(Entry).order_by(Entry.id.desc())).first()
        assert draft.page_region == view.region
