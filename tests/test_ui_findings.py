"""The lead's list of what the checks across entries found, from the keyboard."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select, update
from test_quality_checks import key
from test_ui_work import open_window
from work_helpers import add_book, add_user

from app.db.models import CheckFinding, Entry, FindingState, Role, User
from app.quality.checks import run_checks
from ui.context import StationContext
from ui.keying.keyboard_driver import Keyboard
from ui.quality.findings_window import FindingsDialog, ReasonDialog

CTRL = Qt.KeyboardModifier.ControlModifier
BOOK = "Birth 01/2010 · UBND xã Tân Lập"


@pytest.fixture
def planted(station, clock) -> dict[int, int]:
    """A 2010 birth book keyed 1, 2, 3, 5 (4 skipped) and 6 renumbered 5:
    the entries' ids by the number they were keyed with."""
    with station.sessions.begin() as session:
        clerk = add_user(session, "an")
        add_user(session, "lead", Role.LEAD)
        book = add_book(session)
        dates = {
            1: "02/07/2010", 2: "05/07/2010", 3: "09/07/2010", 5: "20/07/2010", 6: "25/07/2010"
        }  # fmt: skip
        entries = {n: key(session, clock, book, clerk, n, d).id for n, d in dates.items()}
        # As two stations' merged work could leave it: the form refuses a taken number.
        session.execute(update(Entry).where(Entry.id == entries[6]).values(number=5))
    return entries


@pytest.fixture
def dialog(qtbot, station, clock, planted) -> FindingsDialog:
    dialog = FindingsDialog(StationContext(station, lead_of(station), clock, "en"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def lead_of(station) -> User:
    with station.sessions() as session:
        return session.scalars(select(User).where(User.username == "lead")).one()


def rows(dialog: FindingsDialog) -> list[list[str]]:
    """Each row's what, book, entries and when, whatever order the columns are in."""
    model = dialog.findings
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    order = [headers.index(h) for h in ("What was found", "Book", "Entries", "Found on")]
    return [[model.data(model.index(r, c)) for c in order] for r in range(model.rowCount())]


def run_pass(qtbot, dialog: FindingsDialog) -> None:
    """Press Ctrl+R and wait for the pass to end."""
    qtbot.keyClick(dialog, Qt.Key.Key_R, CTRL)
    assert dialog.job is not None, "the pass runs beside the window"
    assert not dialog.buttons.isEnabled(), "the window cannot be closed mid-pass"
    qtbot.waitUntil(lambda: dialog.job is None, timeout=30_000)


def decide_with_keys(qtbot, dialog: FindingsDialog, letter: Qt.Key, reason: str) -> dict:
    """Press Ctrl+``letter``, type ``reason`` in the dialog that asks why and
    press Enter; Escape if it is still open. What the lead saw is returned."""
    seen: dict = {}

    def answer() -> None:
        asking = QApplication.activeModalWidget()
        try:
            seen["asked"] = isinstance(asking, ReasonDialog)
            asking.activateWindow()
            qtbot.waitUntil(asking.isActiveWindow)
            keyboard = Keyboard()  # Vietnamese letters arrive as text
            keyboard.type(reason)
            keyboard.enter()
            seen["still_open"] = asking.isVisible()
            seen["message"] = asking.message.text()
            if asking.isVisible():
                keyboard.press(Qt.Key.Key_Escape)
        finally:
            if asking.isVisible():  # never leave the test waiting on a dialog
                asking.reject()

    QTimer.singleShot(0, answer)
    qtbot.keyClick(dialog, letter, CTRL)
    return seen


def findings(station) -> list[CheckFinding]:
    with station.sessions() as session:
        return list(session.scalars(select(CheckFinding).order_by(CheckFinding.id)))


def test_a_pass_run_from_the_window_lists_what_it_found(qtbot, dialog, planted) -> None:
    assert dialog.findings.rowCount() == 0
    assert dialog.count_line.text().startswith("No finding waits for a decision.")

    run_pass(qtbot, dialog)

    assert dialog.status.text() == "The checks found 2 new finding(s); 2 wait for a decision."
    assert dialog.count_line.text() == "2 finding(s) wait for a decision."
    repeated, skipped = rows(dialog)
    assert repeated == [
        "No. 5 of 2010 keyed 2 times",
        BOOK,
        "no. 5: Vũ Hồng Diệp; no. 5: Hà Hải",
        "22/11/2026 09:30",
    ]
    assert skipped[:2] == ["No. 4 of 2010 skipped", BOOK]
    assert skipped[2].startswith("no. 3: Đỗ Minh Cường; no. 5: ")

    run_pass(qtbot, dialog)

    assert dialog.status.text() == "The checks found 0 new finding(s); 2 wait for a decision."
    assert dialog.findings.rowCount() == 2


def test_the_lead_dismisses_a_finding_with_a_reason_from_the_keyboard(
    qtbot, station, dialog
) -> None:
    run_pass(qtbot, dialog)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)

    seen = decide_with_keys(qtbot, dialog, Qt.Key.Key_D, "Số 4 bị bỏ trống trong sổ")

    assert seen["asked"] and not seen["still_open"]
    repeated, skipped = findings(station)
    assert skipped.state == FindingState.DISMISSED.value
    assert skipped.reason == "Số 4 bị bỏ trống trong sổ"
    assert skipped.decided_by == lead_of(station).id
    assert repeated.state == FindingState.OPEN.value
    assert dialog.status.text() == "Dismissed; the reason is kept."
    assert [r[0] for r in rows(dialog)] == ["No. 5 of 2010 keyed 2 times"]


def test_a_decision_without_a_reason_is_refused_and_nothing_is_decided(
    qtbot, station, dialog
) -> None:
    run_pass(qtbot, dialog)

    seen = decide_with_keys(qtbot, dialog, Qt.Key.Key_S, "   ")

    assert seen["still_open"], "the lead is asked again"
    assert seen["message"] == (
        "Write the reason first: it is kept with the decision, so that whoever checks it"
        " later knows why."
    )
    assert {f.state for f in findings(station)} == {FindingState.OPEN.value}
    assert dialog.findings.rowCount() == 2


def test_enter_on_a_finding_opens_its_first_entry_in_the_form(
    qtbot, station, clock, planted, monkeypatch
) -> None:
    run_checks(station.sessions, clock)
    opened: list[FindingsDialog] = []
    monkeypatch.setattr(FindingsDialog, "exec", lambda d: opened.append(d))  # not modal
    window = open_window(qtbot, station, clock, "lead")
    qtbot.keyClick(window, Qt.Key.Key_F8)
    qtbot.keyClick(window.dashboard, Qt.Key.Key_L, CTRL)
    [dialog] = opened
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)  # the skipped number: after no. 3

    with qtbot.waitSignal(dialog.entry_chosen) as chosen:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)

    assert chosen.args == [planted[3]]
    assert not dialog.isVisible()
    assert window.entry is not None and window.entry.id == planted[3]
    assert window.form.values()["number"].value == "3"


def test_a_duplicate_and_dates_out_of_order_are_said_in_plain_words(qtbot, station, clock) -> None:
    with station.sessions.begin() as session:
        clerk = add_user(session, "an")
        add_user(session, "lead", Role.LEAD)
        first, second = add_book(session), add_book(session, volume="02")
        key(session, clock, first, clerk, 1, "20/07/2010")
        key(session, clock, first, clerk, 2, "12/07/2010")
        key(session, clock, second, clerk, 1, "20/07/2010")  # the same child again
    run_checks(station.sessions, clock)
    dialog = FindingsDialog(StationContext(station, lead_of(station), clock, "en"))
    qtbot.addWidget(dialog)

    duplicate, out_of_order = rows(dialog)

    assert duplicate[:3] == [
        "Possible duplicate: 100%",
        f"{BOOK}; Birth 02/2010 · UBND xã Tân Lập",
        "no. 1: Lê Văn An; no. 1: Lê Văn An",
    ]
    assert out_of_order[:3] == [
        "No. 2 registered on 12/07/2010, before no. 1 (20/07/2010)",
        BOOK,
        "no. 1: Lê Văn An; no. 2: Phạm Thị Bình",
    ]


def test_a_check_the_window_does_not_know_is_shown_by_its_name(
    qtbot, station, clock, planted
) -> None:
    with station.sessions.begin() as session:
        session.add(
            CheckFinding(
                check="future_check",
                signature="future_check:1",
                entry_ids=[planted[1]],
                detail={},
                found_at=datetime(2026, 11, 22, 2, 30, tzinfo=UTC),
            )
        )
    dialog = FindingsDialog(StationContext(station, lead_of(station), clock, "en"))
    qtbot.addWidget(dialog)

    assert rows(dialog) == [["future_check", BOOK, "no. 1: Lê Văn An", "22/11/2026 09:30"]]


def test_an_incomplete_entry_says_what_was_not_read(qtbot, station, clock, planted) -> None:
    with station.sessions.begin() as session:
        session.add(
            CheckFinding(
                check="incomplete",
                signature=f"incomplete:{planted[1]}",
                entry_ids=[planted[1]],
                detail={"score": 0.45, "missing": ["mother_name", "father_name"]},
                found_at=datetime(2026, 11, 22, 2, 30, tzinfo=UTC),
            )
        )
    dialog = FindingsDialog(StationContext(station, lead_of(station), clock, "vi"))
    qtbot.addWidget(dialog)

    model = dialog.findings
    assert rows(dialog)[0][0] == "Only 45% read from the book: 2 field(s) not read"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == (
        "Not read: Họ và tên (Mẹ), Họ và tên (Cha)"
    ), "the fields in the lead's language, from the book's spec"


def test_a_place_the_gazetteer_does_not_know_is_said_with_its_field(
    qtbot, station, clock, planted
) -> None:
    with station.sessions.begin() as session:
        session.add(
            CheckFinding(
                check="unknown_place",
                signature=f"unknown_place:{planted[1]}",
                entry_ids=[planted[1]],
                detail={"child_birth_place": "Xóm Bến Đò"},
                found_at=datetime(2026, 11, 22, 2, 30, tzinfo=UTC),
            )
        )
    dialog = FindingsDialog(StationContext(station, lead_of(station), clock, "en"))
    qtbot.addWidget(dialog)

    assert rows(dialog)[0][0] == "Not a place of the gazetteer: Place of birth “Xóm Bến Đò”"


def test_the_findings_table_is_a_correct_qt_model(qtbot, qtmodeltester, dialog) -> None:
    run_pass(qtbot, dialog)

    qtmodeltester.check(dialog.findings)
