"""A clerk's second keying (F11): blind, handed in with F10, the next follows."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton
from sqlalchemy import select
from test_ui_work import open_window
from verification_helpers import entry_values, make_team, user
from work_helpers import add_book

from app.db.models import Verification
from app.entries.field_values import display_value
from app.keying.save import SaveAction, save_entry
from app.rules import FieldValue
from ui.context import StationContext
from ui.keying.keyboard_driver import Keyboard
from ui.quality.second_keying import SecondKeyingDialog


def test_a_clerk_keys_others_entries_again_blind(qtbot, station, clock, vietnamese, monkeypatch):
    make_team(station)
    with station.sessions.begin() as session:
        book = add_book(session)
        for index in range(2):
            save_entry(
                session, book=book, values=entry_values(index), user=user(session, "an"),
                action=SaveAction.COMPLETE, clock=clock,
            )  # fmt: skip
    window = open_window(qtbot, station, clock, "binh")
    opened: list[QDialog] = []
    monkeypatch.setattr(SecondKeyingDialog, "exec", lambda d: opened.append(d))  # not modal
    qtbot.keyClick(window, Qt.Key.Key_F11)
    [dialog] = opened
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)

    assert dialog.heading.text() == (
        "Nhập lại đúng như trong sổ: Khai sinh quyển 01/2010 · UBND xã Tân Lập, số 1"
    )
    shown = {k: v.value for k, v in dialog.form.values().items() if v.value}
    assert shown == {
        "number": "1",
        "office": "UBND xã Tân Lập",  # the book's
        "registration_kind": "on_time",  # the defaults of any new entry
        "child_nationality": "Việt Nam",
        "mother_nationality": "Việt Nam",
        "father_nationality": "Việt Nam",
    }, "nothing of the first keying is shown"
    assert not dialog.form.editors["number"].input.isEnabled()
    assert dialog.form.editors["office"].input.isEnabled(), "a default, not the reference"
    assert QApplication.focusWidget() is dialog.form.editors["page"].input, (
        "nothing is carried into a blind keying: it starts on the page, not past it"
    )
    assert {(e.year, e.near) for e in dialog.form.editors.values()} == {(2010, None)}, (
        "places are suggested for the book's year, as in the first keying"
    )

    # The first as the book says it, as the first clerk did: they agree.
    dialog.form.load(entry_values(0), lambda key, stored: display_value(book, key, stored))
    qtbot.keyClick(dialog, Qt.Key.Key_F10)
    assert dialog.status.text() == "Đã nộp. Hai lần nhập khớp nhau: mục đã được xác minh."
    assert dialog.heading.text().endswith("số 2"), "the next one follows"
    # The second with the mother's name otherwise: the lead will decide.
    typed = entry_values(1) | {"mother_name": FieldValue("Trần Thị Lam")}
    dialog.form.load(typed, lambda key, stored: display_value(book, key, stored))
    qtbot.keyClick(dialog, Qt.Key.Key_F10)

    assert dialog.status.text() == (
        "Đã nộp. 1 trường khác lần nhập thứ nhất: tổ trưởng sẽ quyết định."
    )
    assert dialog.heading.text() == "Không có mục nào chờ nhập lần hai."
    with station.sessions() as session:
        states = list(session.scalars(select(Verification.state).order_by(Verification.id)))
    assert states == ["verified", "mismatch"]


def test_the_first_keyer_has_nothing_to_key_again(qtbot, station, clock, vietnamese) -> None:
    make_team(station)
    with station.sessions.begin() as session:
        an = user(session, "an")
        save_entry(
            session, book=add_book(session), values=entry_values(0), user=an,
            action=SaveAction.COMPLETE, clock=clock,
        )  # fmt: skip
    dialog = SecondKeyingDialog(StationContext(station, an, clock, "vi"))
    qtbot.addWidget(dialog)

    assert dialog.heading.text() == "Không có mục nào chờ nhập lần hai."
    assert not dialog.hand_in.isEnabled()


def answer_leaving(qtbot, button: str) -> list[str]:
    """Answer the question Escape asks with ``button`` ("stay" or "leave");
    what it asked, once asked."""
    asked: list[str] = []

    def answer() -> None:
        question = QApplication.activeModalWidget()
        assert isinstance(question, QMessageBox) and question.objectName() == "leave_question"
        asked.append(question.text())
        question.findChild(QPushButton, button).click()

    QTimer.singleShot(0, answer)
    return asked


def binh_keys_an_s_entry_again(qtbot, station, clock) -> SecondKeyingDialog:
    """An completed an entry; Bình opens second keying on it."""
    make_team(station)
    with station.sessions.begin() as session:
        save_entry(
            session, book=add_book(session), values=entry_values(0), user=user(session, "an"),
            action=SaveAction.COMPLETE, clock=clock,
        )  # fmt: skip
        binh = user(session, "binh")
    dialog = SecondKeyingDialog(StationContext(station, binh, clock, "vi"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_escape_with_typing_asks_before_it_is_thrown_away(
    qtbot, station, clock, vietnamese
) -> None:
    dialog = binh_keys_an_s_entry_again(qtbot, station, clock)
    typing = QApplication.focusWidget()
    Keyboard().type("Lê Văn")

    asked = answer_leaving(qtbot, "stay")
    qtbot.keyClick(typing, Qt.Key.Key_Escape)

    assert asked == ["Những gì đã gõ cho mục này chưa được nộp: sẽ bị mất."]
    assert dialog.isVisible() and typing.text() == "Lê Văn", "the typing is kept"

    asked = answer_leaving(qtbot, "leave")
    qtbot.keyClick(typing, Qt.Key.Key_Escape)

    assert asked and not dialog.isVisible()


def test_escape_on_an_untouched_form_leaves_at_once(qtbot, station, clock, vietnamese) -> None:
    dialog = binh_keys_an_s_entry_again(qtbot, station, clock)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)

    assert not dialog.isVisible(), "nothing typed, nothing asked"
