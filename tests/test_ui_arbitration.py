"""The lead's arbitration screen, driven from the keyboard only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from sqlalchemy import func, select
from storage_helpers import database_held, impatient
from test_ui_second_keying import answer_leaving
from test_ui_work import open_window
from verification_helpers import decide_planted, key_twice, make_team, user

from app.db.models import Entry, FieldDifference, Verification
from app.entries.field_values import decode_values
from ui.context import StationContext
from ui.quality.arbitration import ArbitrationDialog
from ui.work.settings import WorkSettingsDialog

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def keyed_twice(station, clock):
    make_team(station)
    return key_twice(station, clock)


def test_the_lead_decides_three_entries_from_the_keyboard(
    qtbot, station, clock, keyed_twice, vietnamese, monkeypatch
) -> None:
    window = open_window(qtbot, station, clock, "lead")
    opened: list[QDialog] = []
    monkeypatch.setattr(ArbitrationDialog, "exec", lambda d: opened.append(d))  # not modal
    qtbot.keyClick(window, Qt.Key.Key_F8)
    qtbot.keyClick(window.dashboard, Qt.Key.Key_D, CTRL)
    [dialog] = opened
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)

    assert dialog.remaining.text() == "3 mục đang chờ quyết định."
    assert dialog.heading.text() == "Khai sinh quyển 01/2010 · UBND xã Tân Lập, số 2"
    # Entry 2: the child's name; the second keying is what the book says.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, CTRL)
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    # Entry 4: the mother's name; the first keying is right.
    assert dialog.heading.text().endswith("số 4")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, CTRL)
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    # Entry 5: the birth date; both are wrong, the lead types the book's.
    assert dialog.heading.text().endswith("số 5")
    qtbot.keyClicks(QApplication.focusWidget(), "31/06/2010")
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    assert "không" in dialog.status.text().lower(), "an impossible date is refused"
    QApplication.focusWidget().clear()
    qtbot.keyClicks(QApplication.focusWidget(), "12/06/2010")
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)

    assert dialog.heading.text() == (
        "Không có hai lần nhập nào khác nhau: không có gì cần quyết định."
    )
    with station.sessions() as session:
        decided = dict(
            session.execute(select(FieldDifference.field, FieldDifference.error_of)).all()
        )
        values = {e.number: decode_values(e.values) for e in session.scalars(select(Entry))}
        deciders = set(
            session.scalars(
                select(Verification.decided_by).where(
                    Verification.id.in_(select(FieldDifference.verification_id))
                )
            )
        )
        lead = user(session, "lead")
    assert decided == {"child_name": "first", "mother_name": "second", "child_birth_date": "both"}
    assert values[2]["child_name"].value == "Phạm Thị Bình"
    assert values[4]["mother_name"].value == "Trần Thị Lan"
    assert values[5]["child_birth_date"].value == "2010-06-12"
    assert deciders == {lead.id}, "every decision is the lead's"


def test_a_field_left_undecided_is_said(qtbot, station, clock, keyed_twice, vietnamese) -> None:
    with station.sessions() as session:
        lead = user(session, "lead")
    dialog = ArbitrationDialog(StationContext(station, lead, clock, "vi"))
    qtbot.addWidget(dialog)

    dialog.save()

    assert dialog.status.text() == "Hãy quyết định mọi trường trước."
    assert dialog.heading.text().endswith("số 2"), "still the same entry"


def test_the_dashboard_shows_each_clerks_errors_as_a_trend(
    qtbot, station, clock, keyed_twice, vietnamese
) -> None:
    decide_planted(station, clock)
    with station.sessions() as session:
        compared = session.scalar(select(func.sum(Verification.fields_compared)))
    window = open_window(qtbot, station, clock, "lead")
    qtbot.keyClick(window, Qt.Key.Key_F8)
    model = window.dashboard.errors.model

    rows = {
        model.data(model.index(row, 0)): [
            model.data(model.index(row, column)) for column in range(1, model.columnCount())
        ]
        for row in range(model.rowCount())
    }

    assert list(rows) == ["Cả tổ", "Ca 1", "Ca 2", "Ca 3", "An", "Binh"], "not ranked"
    rate = QLocale().toString(2000 / compared, "f", 1)
    assert rows["An"][:3] == [f"{rate} (ít trường)", "–", "chưa đủ số liệu"]
    assert rows["An"][3] == "·" * 13 + "█", "fourteen days, keyed on the last"
    assert rows["Ca 3"][0] == "–", "no one keyed in shift 3"


def test_the_lead_sees_each_clerks_errors_beside_their_share(
    qtbot, station, clock, keyed_twice, vietnamese, monkeypatch
) -> None:
    decide_planted(station, clock)
    with station.sessions() as session:
        compared = session.scalar(select(func.sum(Verification.fields_compared)))
    window = open_window(qtbot, station, clock, "lead")
    opened: list[QDialog] = []
    monkeypatch.setattr(WorkSettingsDialog, "exec", lambda d: opened.append(d))  # not modal
    qtbot.keyClick(window, Qt.Key.Key_F8)
    qtbot.keyClick(window.dashboard, Qt.Key.Key_K, CTRL)
    [dialog] = opened

    rate = QLocale().toString(2000 / compared, "f", 1)
    assert dialog.findChild(QLabel, "errors_an").text() == f"{rate} (ít trường)", (
        "so that the lead keys more of an's entries twice, knowing how much it says"
    )  # under the column "Lỗi trên 1.000 trường, 7 ngày qua"
    assert dialog.findChild(QLabel, "errors_lead").text() == "chưa có mục nhập hai lần"


def test_a_decision_the_locked_database_refuses_is_said_and_changes_nothing(
    qtbot, station, clock, keyed_twice, vietnamese, monkeypatch
) -> None:
    with station.sessions() as session:
        lead = user(session, "lead")
    dialog = ArbitrationDialog(StationContext(station, lead, clock, "vi"))
    qtbot.addWidget(dialog)
    [row] = dialog.rows
    row.edit.setText(row.field.second)
    impatient(station, monkeypatch)

    with database_held(station.path):
        dialog.save()

    assert dialog.status.text() == (
        "Dữ liệu đang bị một chương trình khác khóa nên chưa có gì thay đổi. "
        "Hãy chờ một lát rồi thử lại."
    ), "said in the window, not the crash dialog"
    assert dialog.heading.text().endswith("số 2"), "still the same entry"
    assert row.edit.text() == "Phạm Thị Bình", "the lead's value is kept to save again"
    with station.sessions() as session:
        assert set(session.scalars(select(Verification.state))) == {"verified", "mismatch"}
        assert session.scalar(select(func.count()).where(Verification.decided_by.is_not(None))) == 0
        assert set(session.scalars(select(FieldDifference.error_of))) == {None}

    dialog.save()

    assert dialog.heading.text().endswith("số 4"), "once the data is free, the decision is kept"


def test_escape_with_a_decision_typed_asks_before_it_is_thrown_away(
    qtbot, station, clock, keyed_twice, vietnamese
) -> None:
    with station.sessions() as session:
        lead = user(session, "lead")
    dialog = ArbitrationDialog(StationContext(station, lead, clock, "vi"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    [row] = dialog.rows
    qtbot.keyClick(row.edit, Qt.Key.Key_2, CTRL)

    asked = answer_leaving(qtbot, "stay")
    qtbot.keyClick(row.edit, Qt.Key.Key_Escape)

    assert asked == ["Các quyết định đã gõ cho mục này chưa được lưu: sẽ bị mất."]
    assert dialog.isVisible() and row.edit.text() == "Phạm Thị Bình"

    asked = answer_leaving(qtbot, "leave")
    qtbot.keyClick(row.edit, Qt.Key.Key_Escape)

    assert asked and not dialog.isVisible()
    with station.sessions() as session:
        assert session.scalar(select(func.count()).where(Verification.decided_by.is_not(None))) == 0
