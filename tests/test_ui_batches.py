"""The lead's batches window: export with a progress bar, refusals said plainly."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from batch_helpers import FixedMoment, exporting_station
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog
from sqlalchemy import select
from test_ui_work import open_window

from app.batch.age import write_identity
from app.batch.keys import station_public_key
from app.batch.trust import read_trust_list
from app.batch.verify import verify_batch
from app.db.models import Entry, EntryStatus, User, Verification
from app.demo import add_demo_entries, create_demo_station
from app.quality.draw import draw, set_share
from ui.batches.dialog import ExportDialog
from ui.context import StationContext


@pytest.fixture
def exporting(tmp_path: Path, memory_keyring):
    station = exporting_station(tmp_path, entries=60)
    yield station
    station.db.close()


@pytest.fixture
def dialog(qtbot, exporting, vietnamese) -> ExportDialog:
    dialog = ExportDialog(StationContext(exporting.db, lead_of(exporting.db), FixedMoment(), "vi"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def lead_of(db) -> User:
    with db.sessions() as session:
        return session.scalars(select(User).where(User.username == "lead01")).one()


def export_with_keys(qtbot, dialog: ExportDialog, folder: Path) -> None:
    """Type the folder, press Ctrl+Enter, and wait for the export to end."""
    dialog.folder.clear()
    qtbot.keyClicks(dialog.folder, str(folder))
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.job is not None, "the export started"
    assert not dialog.buttons.isEnabled(), "the window cannot be closed mid-export"
    qtbot.waitUntil(lambda: dialog.job is None, timeout=60_000)


def test_the_lead_opens_the_batches_from_the_dashboard(
    qtbot, exporting, vietnamese, monkeypatch
) -> None:
    window = open_window(qtbot, exporting.db, FixedMoment(), "lead01")
    opened: list[QDialog] = []
    monkeypatch.setattr(ExportDialog, "exec", lambda d: opened.append(d))  # not modal
    qtbot.keyClick(window, Qt.Key.Key_F8)

    qtbot.keyClick(window.dashboard, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)

    [dialog] = opened
    completed = exporting.count(EntryStatus.COMPLETED)

    assert dialog.windowTitle() == "Lô gửi trung tâm"
    assert dialog.plan_line.text() == f"{completed} mục đã hoàn thành đang chờ: sẽ thành lô 1."


def test_an_export_writes_verifies_and_says_so(qtbot, dialog, exporting) -> None:
    completed = exporting.count(EntryStatus.COMPLETED)

    export_with_keys(qtbot, dialog, exporting.stick)

    batch = exporting.stick / "sohoa-DEMO-01-000001"
    assert verify_batch(batch, exporting.trust).info.entries == completed
    assert exporting.count(EntryStatus.EXPORTED) == completed
    assert dialog.status.text().startswith("Lô 1 đã nằm trên USB")
    assert "đã đọc lại, kiểm tra và đánh dấu đã xuất" in dialog.status.text()
    assert dialog.plan_line.text().startswith("Không có gì để xuất")
    assert not dialog.export_button.isEnabled()
    assert dialog.batches.rowCount() == 1
    assert dialog.batches.data(dialog.batches.index(0, 3)) == "Đã xuất"
    assert dialog.progress.value() == dialog.progress.maximum() == completed + 3


def test_a_pulled_stick_is_said_and_marks_nothing(qtbot, dialog, exporting, tmp_path) -> None:
    export_with_keys(qtbot, dialog, tmp_path / "gone")

    assert "Không thấy thư mục: USB đã cắm chưa?" in dialog.status.text()
    assert exporting.count(EntryStatus.EXPORTED) == 0
    assert dialog.export_button.isEnabled(), "the lead can try again"


def test_a_lost_stick_is_written_again_from_the_list(qtbot, dialog, exporting, tmp_path) -> None:
    export_with_keys(qtbot, dialog, exporting.stick)
    second = tmp_path / "second-stick"
    second.mkdir()
    dialog.folder.setText(str(second))
    dialog.table.setFocus()

    qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=60_000)

    again = verify_batch(second / "sohoa-DEMO-01-000001", exporting.trust)
    first = verify_batch(exporting.stick / "sohoa-DEMO-01-000001", exporting.trust)
    assert again.info.batch == first.info.batch
    assert dialog.status.text().startswith("Đã ghi lại lô 1")


def test_without_a_keyring_the_lead_is_told_and_nothing_is_written(
    dialog, exporting, monkeypatch
) -> None:
    monkeypatch.setattr(keyring, "get_keyring", fail.Keyring)
    dialog.folder.setText(str(exporting.stick))

    dialog.export()

    assert dialog.job is None
    assert dialog.status.text().startswith(
        "Máy này không có kho khóa (keyring) của hệ điều hành nên không thể ký lô."
    )
    assert list(exporting.stick.iterdir()) == []


def test_the_centre_recipient_is_checked_and_kept(qtbot, dialog, exporting, tmp_path) -> None:
    dialog.keys.recipient.setText("age1-not-a-key")
    dialog.keys.save_recipient()

    assert dialog.status.text().startswith("Đây không phải khóa nhận của trung tâm")

    recipient = write_identity(tmp_path / "new-centre.txt")
    dialog.keys.recipient.setText(recipient)
    dialog.keys.save_recipient()

    assert exporting.db.station().centre_recipient == recipient
    assert dialog.status.text() == "Các lô tiếp theo được mã hóa cho trung tâm này."


def test_the_public_key_is_saved_as_a_trust_list_entry(dialog, exporting, tmp_path) -> None:
    assert dialog.keys.key_line.text().startswith(exporting.key.key_id)

    dialog.keys.write_public_key(tmp_path / "DEMO-01.pub")

    trust = read_trust_list(tmp_path / "DEMO-01.pub")
    assert trust.key(exporting.key.key_id) == exporting.key


def test_a_station_without_a_key_makes_one_from_the_window(
    qtbot, tmp_path, memory_keyring, vietnamese
) -> None:
    db = create_demo_station(tmp_path / "station")
    add_demo_entries(db, 10, seed=3, clock=FixedMoment())
    dialog = ExportDialog(StationContext(db, lead_of(db), FixedMoment(), "vi"))
    qtbot.addWidget(dialog)
    assert dialog.keys.key_line.text() == "Trạm này chưa có khóa ký: chưa thể ký lô."
    assert dialog.keys.create_key_button.isVisibleTo(dialog)

    qtbot.mouseClick(dialog.keys.create_key_button, Qt.MouseButton.LeftButton)

    key = station_public_key(db.station())
    assert key is not None and dialog.keys.key_line.text().startswith(key.key_id)
    assert not dialog.keys.create_key_button.isVisibleTo(dialog)
    db.close()


def test_entries_waiting_for_verification_stay_until_the_lead_lets_them_go(
    qtbot, dialog, exporting, monkeypatch
) -> None:
    with exporting.db.sessions.begin() as session:
        lead = session.get_one(User, lead_of(exporting.db).id)
        set_share(session, lead, 1.0, clock=FixedMoment())
        clerk = session.scalars(select(User).where(User.username == "clerk01")).one()
        for entry in session.scalars(select(Entry).where(Entry.status == "completed").limit(3)):
            draw(session, entry, clerk, FixedMoment())
    completed = exporting.count(EntryStatus.COMPLETED)
    dialog.refresh()

    assert dialog.held_line.text() == (
        "3 mục đã hoàn thành đang chờ nhập lần hai hoặc tổ trưởng quyết định: chưa được xuất."
    )
    export_with_keys(qtbot, dialog, exporting.stick)
    assert exporting.count(EntryStatus.EXPORTED) == completed - 3

    monkeypatch.setattr(QInputDialog, "getText", lambda *a: ("Trung tâm cần gấp", True))
    qtbot.mouseClick(dialog.release_button, Qt.MouseButton.LeftButton)

    assert not dialog.release_button.isVisibleTo(dialog)
    with exporting.db.sessions() as session:
        notes = set(session.scalars(select(Verification.note)))
    assert notes == {"Trung tâm cần gấp"}
    second = exporting.stick / "second"
    second.mkdir()
    export_with_keys(qtbot, dialog, second)
    assert exporting.count(EntryStatus.EXPORTED) == completed
