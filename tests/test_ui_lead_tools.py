"""The lead's tools on the dashboard: shifts and quotas, the deferred backlog."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton
from sqlalchemy import select
from storage_helpers import database_held, impatient
from test_ui_work import open_window
from work_helpers import add_book, add_user, key_entry, local

from app.db.models import Book, DeferralReason, Role, User
from app.keying.save import SaveAction
from app.quality.draw import share_for
from app.specs import BookKind
from app.work import settings
from app.work.queue import take_book
from app.work.shifts import DEFAULT_SHIFTS
from ui.context import StationContext
from ui.dashboard.backlog import BacklogDialog
from ui.work.settings import WorkSettingsDialog

DAY = date(2026, 11, 20)


@pytest.fixture
def team(station):
    with station.sessions.begin() as session:
        add_user(session, "an")
        add_user(session, "binh")
        add_user(session, "lead", Role.LEAD)


@pytest.fixture
def opened(qtbot, monkeypatch) -> list[QDialog]:
    """The dialogs the dashboard opened, shown instead of run modally."""
    dialogs: list[QDialog] = []

    def show(dialog: QDialog) -> None:
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        dialogs.append(dialog)

    monkeypatch.setattr(WorkSettingsDialog, "exec", show)
    monkeypatch.setattr(BacklogDialog, "exec", show)
    return dialogs


def type_time(qtbot, edit, hours: str) -> None:
    """Type hours into a time box as a lead would: tab into it, type."""
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(edit, hours)


def stored(station):
    with station.sessions() as session:
        an = session.scalars(select(User).where(User.username == "an")).one()
        return (
            settings.shifts(session),
            settings.quotas(session),
            settings.deadline(session),
            an.shift_quota,
        )


def test_the_lead_sets_shifts_quotas_and_deadline(
    qtbot, station, clock, team, opened, vietnamese
) -> None:
    window = open_window(qtbot, station, clock, "lead")
    qtbot.keyClick(window, Qt.Key.Key_F8)
    qtbot.keyClick(window.dashboard, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    [dialog] = opened
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons.button(QDialogButtonBox.StandardButton.Save).text() == "Lưu", "Qt's own too"

    type_time(qtbot, dialog.rows[0].end, "11:00")
    type_time(qtbot, dialog.rows[1].start, "11:00")
    dialog.clerk_shift.setValue(120)
    dialog.clerk_quotas[_id_of(station, "an")].setValue(200)
    dialog.has_deadline.setChecked(True)
    dialog.deadline.setDate(DAY + timedelta(days=60))
    assert dialog.idle_minutes.text() == "10 phút"
    dialog.idle_minutes.setValue(5)
    with qtbot.waitSignal(dialog.settings_changed):
        dialog.save()

    shifts, quotas, deadline, own_quota = stored(station)
    assert [(s.start, s.end) for s in shifts][:2] == [(time(6), time(11)), (time(11), time(17))]
    assert (quotas.clerk_shift, own_quota, deadline) == (120, 200, DAY + timedelta(days=60))
    assert not dialog.isVisible()
    assert window.meter.shifts == shifts, "the window counts with the new shifts at once"
    assert window.count_label.text() == "Số mục trong ca: 0", "a lead keys with no quota"
    assert window.idle.limit == timedelta(minutes=5), "the window locks after the new minutes"
    with station.sessions() as session:
        assert settings.idle_minutes(session) == 5


def test_overlapping_shifts_are_refused_in_vietnamese_and_nothing_changes(
    qtbot, station, clock, team, opened, vietnamese
) -> None:
    window = open_window(qtbot, station, clock, "lead")
    window.dashboard.edit_settings()
    [dialog] = opened

    type_time(qtbot, dialog.rows[1].start, "11:00")
    dialog.clerk_shift.setValue(90)
    dialog.save()

    assert dialog.isVisible(), "the lead keeps what they typed"
    assert dialog.problem.text() == "Hai ca trùng nhau lúc 11:00."
    shifts, quotas, _, _ = stored(station)
    assert shifts == DEFAULT_SHIFTS and quotas.clerk_shift == 150, "nothing was saved"

    for row in dialog.rows[1:]:
        row.findChild(QPushButton, "remove_shift").click()
    dialog.save()
    shifts, *_ = stored(station)
    assert len(shifts) == 1 and not dialog.isVisible(), "one shift a day is allowed"


def test_the_lead_sets_the_stations_commune_and_the_form_suggests_its_places_first(
    qtbot, station, clock, team, opened, vietnamese
) -> None:
    window = open_window(qtbot, station, clock, "lead")
    window.dashboard.edit_settings()
    [dialog] = opened

    dialog.locality.setFocus()
    qtbot.keyClicks(dialog.locality, "tan lap dong phu")
    assert dialog.communes.stringList()[0] == "Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước"
    dialog.locality.setText(dialog.communes.stringList()[0])
    with qtbot.waitSignal(dialog.settings_changed):
        dialog.save()

    with station.sessions() as session:
        assert settings.locality(session).full_path == dialog.locality.text()
    assert window.locality.full_path == "Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước"


def test_words_that_name_one_commune_show_it_before_it_is_kept(
    qtbot, station, clock, team, opened, vietnamese
) -> None:
    window = open_window(qtbot, station, clock, "lead")
    window.dashboard.edit_settings()
    [dialog] = opened

    dialog.locality.setText("tan lap dong phu binh phuoc")
    dialog.save()

    assert dialog.isVisible()
    assert dialog.locality.text() == "Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước"
    assert dialog.problem.text() == (
        "Bạn đã gõ tên Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước: hãy kiểm tra rồi lưu lại."
    )
    with station.sessions() as session:
        assert settings.locality(session) is None, "not kept before the lead saw it"
    with qtbot.waitSignal(dialog.settings_changed):
        dialog.save()
    with station.sessions() as session:
        assert settings.locality(session).full_path == dialog.locality.text()


def test_a_commune_the_list_does_not_know_is_refused_in_vietnamese(
    qtbot, station, clock, team, opened, vietnamese
) -> None:
    window = open_window(qtbot, station, clock, "lead")
    window.dashboard.edit_settings()
    [dialog] = opened

    dialog.locality.setText("Tân Lập")
    dialog.save()

    assert dialog.isVisible(), "the lead keeps what they typed"
    assert dialog.problem.text().startswith("“Tân Lập” không phải là một xã, phường hay thị trấn")
    with station.sessions() as session:
        assert settings.locality(session) is None


@pytest.fixture
def backlog(station, clock, team):
    """Deferred entries: two illegible (the older second) and one damaged page."""
    with station.sessions.begin() as session:
        an = session.scalars(select(User).where(User.username == "an")).one()
        births = add_book(session, BookKind.BIRTH, "01", 1985)
        deaths = add_book(session, BookKind.DEATH, "02", 1990)
        defer = SaveAction.DEFER
        late = key_entry(session, clock, births, an, local(DAY, 10), 1, defer)
        early = key_entry(session, clock, births, an, local(DAY, 7), 2, defer)
        damaged = key_entry(
            session, clock, deaths, an, local(DAY, 8), 1, defer, DeferralReason.DAMAGED_PAGE
        )
        key_entry(session, clock, births, an, local(DAY, 9), 3)
        return {"late": late.id, "early": early.id, "damaged": damaged.id}


def entry_ids(dialog: BacklogDialog) -> list[int]:
    return [dialog.entries.row_at(r)[1].entry_id for r in range(dialog.entries.rowCount())]


def test_the_backlog_lists_every_deferred_entry_by_reason_oldest_first(
    qtbot, station, clock, backlog, vietnamese
) -> None:
    with station.sessions() as session:
        lead = session.scalars(select(User).where(User.username == "lead")).one()
    dialog = BacklogDialog(StationContext(station, lead, clock, "vi"))
    qtbot.addWidget(dialog)

    assert entry_ids(dialog) == [backlog["early"], backlog["late"], backlog["damaged"]]
    assert dialog.entries.data(dialog.entries.index(0, 0)) == "Có thông tin không đọc được"
    assert dialog.reason.itemText(0) == "Mọi lý do (3)"

    dialog.reason.setCurrentIndex(dialog.reason.findData(DeferralReason.DAMAGED_PAGE.value))
    assert entry_ids(dialog) == [backlog["damaged"]]


def test_the_backlog_button_lists_every_reason(qtbot, station, clock, backlog, opened) -> None:
    window = open_window(qtbot, station, clock, "lead")
    window.tabs.setCurrentWidget(window.dashboard)

    window.dashboard.findChild(QPushButton, "backlog_list").click()

    [dialog] = opened
    assert len(entry_ids(dialog)) == 3


def test_enter_on_a_deferred_entry_opens_it_in_the_form(
    qtbot, station, clock, backlog, opened
) -> None:
    window = open_window(qtbot, station, clock, "lead")
    window.tabs.setCurrentWidget(window.dashboard)
    backlog_table = window.dashboard.findChild(type(window.book_table), "backlog")
    backlog_table.setFocus()
    backlog_table.setCurrentIndex(window.dashboard.backlog.index(0, 0))
    qtbot.keyClick(backlog_table, Qt.Key.Key_Return)
    [dialog] = opened
    assert entry_ids(dialog) == [backlog["early"], backlog["late"]], "the reason chosen"

    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)

    assert window.entry is not None and window.entry.id == backlog["late"]
    assert window.tabs.currentIndex() == 1
    assert window.form.values()["number"].value == "1"


def test_a_deferred_entry_in_a_book_another_clerk_holds_opens_and_the_book_stays(
    qtbot, station, clock, backlog, vietnamese
) -> None:
    with station.sessions.begin() as session:
        binh = session.scalars(select(User).where(User.username == "binh")).one()
        births = session.scalars(select(Book).where(Book.kind == "birth")).one()
        take_book(session, binh, births, clock)
    window = open_window(qtbot, station, clock, "lead")

    window.dashboard.entry_chosen.emit(backlog["early"])

    assert window.entry is not None and window.entry.id == backlog["early"]
    assert window.keying.visiting
    assert window.keying.book_title.text().endswith("chỉ mở mục này, sổ giữ nguyên như cũ")
    assert window.keying.heading.deferral.text().startswith(
        "Để lại xử lý sau: Có thông tin không đọc được (an, 20/11/2026 07:00)"
    )
    with station.sessions() as session:
        assert session.get(Book, births.id).taken_by == binh.id, "binh keeps the book"


def _id_of(station, username: str) -> int:
    with station.sessions() as session:
        return session.scalars(select(User.id).where(User.username == username)).one()


def test_the_lead_sets_how_many_entries_are_keyed_twice(
    qtbot, station, clock, team, opened, vietnamese
) -> None:
    window = open_window(qtbot, station, clock, "lead")
    qtbot.keyClick(window, Qt.Key.Key_F8)
    qtbot.keyClick(window.dashboard, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    [dialog] = opened
    assert dialog.verified_share.value() == 10, "10% unless the lead says more"
    assert dialog.clerk_shares[_id_of(station, "an")].text() == "như cả tổ"

    dialog.verified_share.setValue(15)
    dialog.clerk_shares[_id_of(station, "an")].setValue(40)
    dialog.save()

    with station.sessions() as session:
        an = session.get_one(User, _id_of(station, "an"))
        binh = session.scalars(select(User).where(User.username == "binh")).one()
        assert (share_for(session, an), share_for(session, binh)) == (0.40, 0.15)


def test_settings_the_locked_database_refuses_are_said_and_the_dialog_keeps_them(
    qtbot, station, clock, team, opened, vietnamese, monkeypatch
) -> None:
    window = open_window(qtbot, station, clock, "lead")
    window.dashboard.edit_settings()
    [dialog] = opened
    dialog.clerk_shift.setValue(90)
    impatient(station, monkeypatch)

    with database_held(station.path):
        dialog.save()

    assert dialog.isVisible(), "the lead keeps what they typed"
    assert dialog.problem.text() == (
        "Dữ liệu đang bị một chương trình khác khóa nên chưa có gì thay đổi. "
        "Hãy chờ một lát rồi thử lại."
    ), "said in the dialog, not the crash dialog"
    _, quotas, _, _ = stored(station)
    assert quotas.clerk_shift == 150, "nothing was saved"

    with qtbot.waitSignal(dialog.settings_changed):
        dialog.save()
    assert stored(station)[1].clerk_shift == 90, "once the data is free, it is saved"
