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
from test_quality_checks import key
from test_ui_work import open_window
from verification_helpers import entry_values, key_twice, make_team, user
from work_helpers import add_book, add_user

from app.db.models import Book, DeferralReason, Entry, Role, User
from app.keying.lists import BookProgress, book_progress
from app.keying.save import SaveAction, save_entry
from app.quality.checks import run_checks
from app.scans.importing import prepare, record
from app.scans.pages import book_pages
from app.scans.store import ScanStore
from app.system.paths import scans_dir
from ui.context import StationContext
from ui.dashboard.backlog import BacklogDialog
from ui.quality.arbitration import ArbitrationDialog
from ui.quality.findings_window import FindingsDialog
from ui.quality.second_keying import SecondKeyingDialog
from ui.scans.import_dialog import ImportScansDialog
from ui.scans.page_dialog import PageDialog
from ui.scans.page_view import CONTRASTS, PageView
from ui.scans.renderer import RenderKey
from ui.styles import FAILURE_STYLE

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
    for field, value in entry_values(1).items():
        if field != "page" and value.value:
            window.form.editors[field].set_value(value, value.value)
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
    window, view = keying_on_page_one(qtbot, station, clock, scanned_book)
    following = RenderKey.of(view.pages[2], view.view())
    qtbot.waitUntil(lambda: view.renderer.image(following) is not None)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, ALT)

    assert view.page == 2 and view.canvas.image is not None, "shown at once, not waited for"
    assert window.form.editors["page"].input.text() == "1", "the entry stays on its page"
    assert view.title.text() == "Trang 2 / 4 · mục này ở trang 1"


def test_the_keys_zoom_pan_turn_and_contrast_the_page(qtbot, station, clock, scanned_book) -> None:
    _window, view = keying_on_page_one(qtbot, station, clock, scanned_book)
    canvas, field = view.canvas, QApplication.focusWidget()
    width = canvas.page_size()[0]
    assert width == pytest.approx(canvas.width(), abs=1), "fitted to the width"

    qtbot.keyClick(field, Qt.Key.Key_Equal, CTRL)
    assert canvas.page_size()[0] == pytest.approx(width * 1.25, abs=1)
    # Twice: a page fitted to a narrow split and zoomed once may still be
    # shorter than the canvas, with nowhere to move down to.
    qtbot.keyClick(field, Qt.Key.Key_Equal, CTRL)
    assert canvas.page_size()[1] > canvas.height()
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
    window, view = keying_on_page_one(qtbot, station, clock, scanned_book)
    canvas = view.canvas

    shift_drag(qtbot, canvas, QPoint(20, 30), QPoint(canvas.width() - 20, 130))

    page_width, page_height = canvas.page_size()
    assert view.region == pytest.approx(
        [20 / page_width, 30 / page_height, (page_width - 40) / page_width, 100 / page_height],
        abs=0.005,
    ), "as fractions of the page"
    window.keying.flush_draft()
    with station.sessions() as session:
        draft = session.scalars(select(Entry).order_by(Entry.id.desc())).first()
        assert draft.page_region == view.region


def test_a_region_is_marked_and_drawn_on_the_entry_s_own_page_alone(
    qtbot, station, clock, scanned_book
) -> None:
    _window, view = keying_on_page_one(qtbot, station, clock, scanned_book)
    canvas = view.canvas
    view.set_region([0.1, 0.1, 0.5, 0.2], marked=True)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, ALT)
    shown_page(qtbot, view, 2)
    shift_drag(qtbot, canvas, QPoint(20, 30), QPoint(canvas.width() - 20, 130))

    assert view.region == [0.1, 0.1, 0.5, 0.2], "page 2 is only looked at: the mark stays"
    assert view.region_turned() is None, "and is not drawn on a page it is not on"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp, ALT)
    shown_page(qtbot, view, 1)
    assert view.region_turned() == [0.1, 0.1, 0.5, 0.2]


def keying_on_page_one(qtbot, station, clock, book_id: int):
    """An opens the scanned book: the window, and its page view on page 1."""
    window = open_window(qtbot, station, clock, "an")
    window.open_book(book_id)
    view = window.keying.page_view
    shown_page(qtbot, view, 1)
    return window, view


def shift_drag(qtbot, canvas, start: QPoint, end: QPoint) -> None:
    """The clerk holds Shift and drags over the page: a region marked."""
    shift = Qt.KeyboardModifier.ShiftModifier
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, shift, start)
    qtbot.mouseMove(canvas, end)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, shift, end)


def scan_book(station, tmp_path: Path, book_id: int, pages: int = PAGES) -> None:
    folder = tmp_path / f"book-{book_id}"
    folder.mkdir()
    for number in range(1, pages + 1):
        page_image(folder / f"page-{number:02}.jpg", number)
    import_pages(station, folder, book_id)


def context_of(station, clock, username: str) -> StationContext:
    with station.sessions() as session:
        user = session.scalars(select(User).where(User.username == username)).one()
    return StationContext(station, user, clock, "vi")


def shown(qtbot, dialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def test_the_second_keying_shows_the_entry_s_page_beside_the_blind_form(
    qtbot, station, clock, tmp_path
) -> None:
    make_team(station)
    with station.sessions.begin() as session:
        book = add_book(session)
        save_entry(
            session, book=book, values=entry_values(0, page="3"), user=user(session, "an"),
            action=SaveAction.COMPLETE, clock=clock,
        )  # fmt: skip
        book_id = book.id
    scan_book(station, tmp_path, book_id)
    dialog = SecondKeyingDialog(context_of(station, clock, "binh"))
    shown(qtbot, dialog)
    view = dialog.page.view

    assert view.isVisible()
    shown_page(qtbot, view, 3)
    assert dialog.form.editors["page"].input.text() == "", "the page field stays blind"
    assert QApplication.focusWidget() is dialog.form.editors["page"].input
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, ALT)
    assert view.page == 4, "the clerk looks at the next page from the form"


def test_arbitration_shows_the_entry_s_page_and_a_book_without_scans_none(
    qtbot, station, clock, tmp_path
) -> None:
    make_team(station)
    key_twice(station, clock)
    dialog = ArbitrationDialog(context_of(station, clock, "lead"))
    shown(qtbot, dialog)
    assert not dialog.page.view.isVisible(), "the book has no scans yet"
    dialog.close()

    with station.sessions() as session:
        book_id = session.scalars(select(Entry.book_id)).first()
    scan_book(station, tmp_path, book_id)
    dialog = ArbitrationDialog(context_of(station, clock, "lead"))
    shown(qtbot, dialog)

    assert dialog.page.view.isVisible()
    shown_page(qtbot, dialog.page.view, 4)  # the birth entries' page


def test_ctrl_t_in_the_backlog_shows_the_deferred_entry_s_page(
    qtbot, station, clock, scanned_book, monkeypatch
) -> None:
    with station.sessions.begin() as session:
        book = session.get(Book, scanned_book)
        save_entry(
            session, book=book, values=entry_values(1, page="2"), user=user(session, "an"),
            action=SaveAction.DEFER, clock=clock, deferral_reason=DeferralReason.ILLEGIBLE,
        )  # fmt: skip
    opened: list[PageDialog] = []
    monkeypatch.setattr(PageDialog, "exec", lambda d: opened.append(d))
    backlog = BacklogDialog(context_of(station, clock, "lead"))
    shown(qtbot, backlog)

    qtbot.keyClick(backlog.table, Qt.Key.Key_T, CTRL)

    [page] = opened
    shown(qtbot, page)
    shown_page(qtbot, page.view, 2)
    assert page.entry.currentText() == "Khai sinh quyển 01/2010 · UBND xã Tân Lập, số 2"


def test_ctrl_t_in_the_checks_shows_the_pages_of_the_finding_s_entries(
    qtbot, station, clock, tmp_path, monkeypatch
) -> None:
    with station.sessions.begin() as session:
        clerk = add_user(session, "an")
        add_user(session, "lead", Role.LEAD)
        book = add_book(session)
        key(session, clock, book, clerk, 1, "02/07/2010")
        key(session, clock, book, clerk, 3, "09/07/2010")  # 2 skipped: a finding
        book_id = book.id
    scan_book(station, tmp_path, book_id)
    run_checks(station.sessions, clock)
    opened: list[PageDialog] = []
    monkeypatch.setattr(PageDialog, "exec", lambda d: opened.append(d))
    findings = FindingsDialog(context_of(station, clock, "lead"))
    shown(qtbot, findings)
    assert findings.findings.rowCount() >= 1
    findings.table.selectRow(0)

    qtbot.keyClick(findings.table, Qt.Key.Key_T, CTRL)

    [page] = opened
    shown(qtbot, page)
    assert page.entry.count() == len(findings.findings.row_at(0).entries)
    shown_page(qtbot, page.view, 4)  # the page the entries were keyed on


@pytest.fixture
def unscanned(station) -> BookProgress:
    """Clerk "an", lead "lead", a birth book of 4 pages, none scanned."""
    with station.sessions.begin() as session:
        add_user(session, "an")
        add_user(session, "lead", Role.LEAD)
        add_book(session).pages = PAGES
    with station.sessions() as session:
        [book] = book_progress(session)
    return book


def test_the_lead_imports_a_folder_and_is_told_each_file_refused_and_why(
    qtbot, station, clock, tmp_path, unscanned
) -> None:
    folder = tmp_path / "stick"
    folder.mkdir()
    page_image(folder / "01.jpg", 1)
    page_image(folder / "02.jpg", 2)
    (folder / "03.jpg").write_bytes((folder / "02.jpg").read_bytes())  # copied twice
    (folder / "04.jpg").write_bytes((folder / "01.jpg").read_bytes()[:5000])  # cut short
    page_image(folder / "05.jpg", 5, size=(600, 800))  # a phone's thumbnail
    dialog = ImportScansDialog(context_of(station, clock, "lead"), unscanned)
    shown(qtbot, dialog)
    assert dialog.count.text() == "Đã quét 0 trang trên 4 trang theo danh mục"

    dialog.start([folder])
    qtbot.waitUntil(
        lambda: dialog.job is None and dialog.status.text() != "Đang đọc ảnh các trang…"
    )

    assert dialog.status.text() == "Đã thêm 2 trang: trang 1–2. 3 tệp bị từ chối (xem bên dưới)."
    refused = [dialog.refused.item(r).text() for r in range(dialog.refused.count())]
    assert refused == [
        "03.jpg: trùng với 02.jpg",
        "04.jpg: không đọc được: tệp hỏng hoặc chưa chép xong",
        "05.jpg: độ phân giải quá thấp để đọc chữ viết tay (600 × 800)",
    ]
    assert dialog.count.text() == "Đã quét 2 trang trên 4 trang theo danh mục"
    with station.sessions() as session:
        assert [p.page for p in book_pages(session, unscanned.book_id)] == [1, 2]

    dialog.start([folder / "01.jpg"])
    qtbot.waitUntil(lambda: dialog.job is None and dialog.refused.count() == 1)
    assert dialog.refused.item(0).text() == "01.jpg: trùng với trang 1 đã có của sổ này"
    assert dialog.status.text().startswith("Không có trang nào được thêm.")


def test_importing_more_pages_than_the_inventory_expects_warns(
    qtbot, station, clock, tmp_path, unscanned
) -> None:
    folder = tmp_path / "stick"
    folder.mkdir()
    for number in range(1, PAGES + 2):
        page_image(folder / f"{number:02}.jpg", number)
    dialog = ImportScansDialog(context_of(station, clock, "lead"), unscanned)
    shown(qtbot, dialog)

    dialog.start([folder])
    qtbot.waitUntil(lambda: dialog.job is None and dialog.count.text().startswith("Đã quét 5"))

    assert "nhiều hơn số trang trong danh mục 1 trang" in dialog.status.text()
    assert dialog.status.styleSheet() == FAILURE_STYLE


def test_only_the_lead_imports_scans(qtbot, station, clock, tmp_path, unscanned) -> None:
    folder = tmp_path / "stick"
    folder.mkdir()
    page_image(folder / "01.jpg", 1)
    dialog = ImportScansDialog(context_of(station, clock, "an"), unscanned)
    shown(qtbot, dialog)

    dialog.start([folder])
    qtbot.waitUntil(lambda: dialog.job is None and "tổ trưởng" in dialog.status.text())

    assert dialog.status.text() == "Chỉ tổ trưởng mới được nhập ảnh quét của sổ."
    with station.sessions() as session:
        assert book_pages(session, unscanned.book_id) == []


def test_the_books_tab_opens_the_import_for_the_chosen_book(
    qtbot, station, clock, unscanned, monkeypatch
) -> None:
    opened: list[ImportScansDialog] = []
    monkeypatch.setattr(ImportScansDialog, "exec", lambda d: opened.append(d))
    window = open_window(qtbot, station, clock, "lead")
    window.book_table.selectRow(0)

    qtbot.keyClick(window.book_table, Qt.Key.Key_I, CTRL_SHIFT)

    [dialog] = opened
    assert dialog.book.book_id == unscanned.book_id


def test_the_entry_list_folds_beside_the_page_and_f12_opens_it(
    qtbot, station, clock, scanned_book
) -> None:
    window = open_window(qtbot, station, clock, "an")
    window.open_book(scanned_book)
    entries = window.keying.entry_list
    field = QApplication.focusWidget()
    qtbot.waitUntil(lambda: entries.width() == 0)

    qtbot.keyClick(field, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: entries.width() > 200)
    assert QApplication.focusWidget() is entries

    qtbot.keyClick(entries, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: entries.width() == 0)
    assert QApplication.focusWidget() is field


def test_alt_down_in_a_list_of_choices_opens_the_list_not_the_page(
    qtbot, station, clock, scanned_book
) -> None:
    window, view = keying_on_page_one(qtbot, station, clock, scanned_book)
    canvas = view.canvas
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Equal, CTRL)
    choice = window.form.editors["child_sex"].input
    choice.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is choice)
    before = QPointF(canvas.top_left)

    qtbot.keyClick(choice, Qt.Key.Key_Down, ALT)

    qtbot.waitUntil(lambda: choice.view().isVisible())
    assert canvas.top_left == before, "the page stayed where it was"
    choice.hidePopup()
