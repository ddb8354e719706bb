"""Nothing is lost when the app is killed, and one copy runs per station."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from alembic import command
from log_files import isolated_log_dir
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select, text
from storage_helpers import make_read_only, small_filesystem
from test_backups import damage

from app.db.engine import database_path, sqlite_engine
from app.db.migrate import alembic_config
from app.db.models import AuditRecord, Book, User
from app.keying.start import open_draft
from app.station.backups import daily_backup, quick_check
from app.station.database import init_station, needs_upgrade, open_station
from app.station.lock import WINDOW
from ui import app as desktop
from ui.access.login import LoginDialog
from ui.context import StationContext
from ui.main_window import MainWindow
from ui.station.backups import BackupsDialog
from ui.station.recovery import DailyBackups

pytestmark = pytest.mark.usefixtures("vietnamese")


@pytest.fixture
def log_dir(tmp_path, monkeypatch):
    yield from isolated_log_dir(tmp_path, monkeypatch)


KEYING = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select, text
    from app.system.clock import SystemClock
    from app.db.models import Book, User
    from app.station.database import open_station
    from ui.context import StationContext
    from ui.keying.keyboard_driver import Keyboard
    from ui.main_window import MainWindow

    app = QApplication([])
    db = open_station(Path(sys.argv[1]))
    with db.sessions.begin() as session:
        book = Book(kind="birth", office="UBND xã Tân Lập", volume="01", year=2015)
        session.add(book)
        user = session.scalars(select(User)).one()
    window = MainWindow(StationContext(db, user, SystemClock(), "vi"))
    window.show()
    window.activateWindow()
    app.processEvents()
    window.open_book(book.id)
    window.form.focus("child_name")
    Keyboard().type("Nguyễn Văn Bình")
    window.keying.draft_timer.timeout.connect(lambda: print("draft saved", flush=True))
    QTimer.singleShot(30_000, app.quit)  # never hang the test run
    app.exec()
    """
)

HOLDING_THE_LOCK = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from app.station.lock import station_lock
    with station_lock(Path(sys.argv[1]), sys.argv[2]):
        print("locked", flush=True)
        sys.stdin.read()
    """
)


def child(script: str, *arguments: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *arguments],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_a_draft_survives_a_kill_and_is_offered_at_the_next_start(
    station, clock, qtbot, monkeypatch
) -> None:
    with child(KEYING, str(station.data_dir)) as keying:
        assert keying.stdout.readline().strip() == "draft saved"
        keying.send_signal(signal.SIGKILL)
        keying.wait(timeout=30)

    with station.sessions() as session:
        user = session.scalars(select(User)).one()
        draft = open_draft(session, user)
    assert draft is not None and draft.title == "Nguyễn Văn Bình"

    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args: asked.append(args[2]) or QMessageBox.Yes
    )
    window = MainWindow(StationContext(station, user, clock, "vi"))
    qtbot.addWidget(window)
    desktop.offer_resume(window)

    assert asked == ["Lần trước mục số 1 (Nguyễn Văn Bình) chưa nhập xong. Tiếp tục nhập mục này?"]
    assert window.form.editors["child_name"].input.text() == "Nguyễn Văn Bình"
    assert window.entry.id == draft.id


def test_a_second_copy_on_the_same_station_is_refused(station, monkeypatch, log_dir) -> None:
    data_dir: Path = station.data_dir
    said = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: said.append(args[2]))

    with child(HOLDING_THE_LOCK, str(data_dir), WINDOW) as holder:
        assert holder.stdout.readline().strip() == "locked"
        status = desktop.run_desktop(data_dir, language="vi")
        holder.stdin.close()
        holder.wait(timeout=30)
    assert status == 1
    assert said[0].startswith(f"Sohoa đang mở trên trạm này ({data_dir}).")
    assert "sohoa init" not in said[0], "there is a station: nothing to create"
    logged = (log_dir / "sohoa.log").read_text("utf-8")
    assert "refused to start: Sohoa đang mở trên trạm này" in logged


def test_the_window_waits_for_no_command_that_writes_and_says_which(
    station, monkeypatch, log_dir
) -> None:
    data_dir: Path = station.data_dir
    said = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: said.append(args[2]))

    with child(HOLDING_THE_LOCK, str(data_dir), "sohoa export") as holder:
        assert holder.stdout.readline().strip() == "locked"
        status = desktop.run_desktop(data_dir, language="vi")
        holder.stdin.close()
        holder.wait(timeout=30)

    assert status == 1
    assert said[0] == (
        f"Lệnh “sohoa export” đang ghi vào trạm này ({data_dir}). "
        "Hãy chờ lệnh chạy xong rồi mở lại Sohoa."
    )


def test_a_station_in_a_read_only_folder_is_said_to_be_read_only(
    tmp_path, monkeypatch, log_dir
) -> None:
    said = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: said.append(args[2]))
    with small_filesystem(tmp_path / "stick") as stick:
        init_station(
            stick / "station", code="TEST-01", office="X", admin_username="admin",
            admin_password="a-long-password",
        ).close()  # fmt: skip
        make_read_only(stick)

        status = desktop.run_desktop(stick / "station", language="vi")

    assert status == 1
    assert said[0].startswith(
        f"Không thể ghi vào thư mục của trạm {stick / 'station'} (thư mục chỉ cho phép đọc)."
    )


def test_a_station_written_by_a_newer_version_is_refused_in_the_window_s_language(
    station, monkeypatch, log_dir
) -> None:
    data_dir: Path = station.data_dir
    with station.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '7777'"))
    station.close()
    said = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: said.append(args[2]))

    assert desktop.run_desktop(data_dir, language="vi") == 1

    assert said == [
        f"Dữ liệu của trạm ở {data_dir} do một phiên bản Sohoa mới hơn ghi. "
        "Hãy cài phiên bản đó hoặc mới hơn; dữ liệu chưa bị thay đổi gì."
    ]
    with sqlite3.connect(database_path(data_dir)) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [("7777",)]


def test_a_database_that_will_not_open_and_has_no_backup_is_said_so_with_its_details(
    station, monkeypatch, log_dir
) -> None:
    data_dir: Path = station.data_dir
    station.close()
    live = database_path(data_dir)
    live.write_bytes(b"not a database at all" * 100)
    said = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: said.append(args[2]))

    assert desktop.run_desktop(data_dir, language="vi") == 1

    assert said[0].startswith("Dữ liệu của trạm bị hỏng")
    assert "Máy này không có bản sao lưu nào còn tốt" in said[0]
    assert said[1].startswith(
        f"Không mở được dữ liệu của trạm ở {data_dir}; dữ liệu chưa bị thay đổi gì. "
        "Hãy báo người phụ trách máy tính.\n\nChi tiết: cannot open the database"
    )
    assert live.read_bytes() == b"not a database at all" * 100


def test_an_upgrade_at_start_is_announced_while_it_runs(station, monkeypatch, vietnamese) -> None:
    data_dir: Path = station.data_dir
    station.close()
    engine = sqlite_engine(database_path(data_dir))
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0007")
    engine.dispose()
    shown: list[str] = []
    opening = desktop.open_station

    def open_and_look(where: Path):
        notices = [w for w in QApplication.topLevelWidgets() if w.objectName() == "upgrading"]
        shown.extend(w.text() for w in notices if w.isVisible())
        return opening(where)

    monkeypatch.setattr(desktop, "open_station", open_and_look)

    assert needs_upgrade(data_dir)
    db = desktop.open_for_window(data_dir)
    db.close()

    assert shown and shown[0].startswith("Sohoa đang nâng cấp dữ liệu của trạm")
    assert not needs_upgrade(data_dir)


def test_a_damaged_database_at_start_is_restored_from_the_latest_good_backup(
    station, clock, monkeypatch, log_dir
) -> None:
    data_dir: Path = station.data_dir
    with station.sessions.begin() as session:
        session.add(Book(kind="birth", office="UBND xã Tân Lập", volume="07", year=1999))
    backup = daily_backup(data_dir, clock)
    station.close()
    live = database_path(data_dir)
    damage(live)
    said = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda *args: said.append(args[2]) or QMessageBox.Yes
    )
    monkeypatch.setattr(QMessageBox, "information", lambda *args: said.append(args[2]))
    monkeypatch.setattr(LoginDialog, "exec", lambda dialog: 0)  # the clerk closes the login

    assert desktop.run_desktop(data_dir, language="vi", clock=clock) == 0

    assert said[0].startswith("Dữ liệu của trạm bị hỏng")
    assert "Bản sao lưu tốt gần nhất là lúc" in said[0]
    assert said[1].startswith(f"Trạm đã được khôi phục từ bản sao lưu {backup.name}.")
    assert quick_check(live) == "ok"
    db = open_station(data_dir)
    with db.sessions() as session:
        assert session.scalars(select(Book.volume)).all() == ["07"]
        restored = session.scalars(
            select(AuditRecord).where(AuditRecord.action == "station.restored")
        ).one()
    db.close()
    assert restored.subject == f"backup:{backup.name}"
    assert any(p.name.startswith("damaged-") for p in (data_dir / "backups").iterdir())


def test_an_admin_restores_a_backup_from_the_window_and_everyone_logs_in_again(
    station, clock, monkeypatch, log_dir
) -> None:
    data_dir: Path = station.data_dir
    backup = daily_backup(data_dir, clock)
    with station.sessions.begin() as session:
        session.add(Book(kind="birth", office="UBND xã Tân Lập", volume="99", year=2001))
        admin = session.scalars(select(User)).one()
    station.close()
    logins = []

    def log_in_once(dialog: LoginDialog) -> int:
        logins.append(dialog.db.path)
        if len(logins) > 1:
            return 0  # after the restore, the login window again: closed
        dialog.user = admin
        return 1

    def choose_backup(dialog: BackupsDialog) -> int:
        dialog.chosen = backup
        return 1

    shown = MainWindow.show
    monkeypatch.setattr(LoginDialog, "exec", log_in_once)
    monkeypatch.setattr(BackupsDialog, "exec", choose_backup)
    monkeypatch.setattr(
        MainWindow, "show", lambda w: shown(w) or QTimer.singleShot(0, w.manage_backups)
    )
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: said.append(args[2]))

    assert desktop.run_desktop(data_dir, language="vi", clock=clock) == 0

    assert len(logins) == 2
    assert said[0].startswith(f"Trạm đã được khôi phục từ bản sao lưu {backup.name}.")
    db = open_station(data_dir)
    with db.sessions() as session:
        assert session.scalars(select(Book.volume)).all() == []  # as it was at the backup
        restored = session.scalars(
            select(AuditRecord).where(AuditRecord.action == "station.restored")
        ).one()
    db.close()
    assert restored.user_id == admin.id
    kept = [p for p in (data_dir / "backups").iterdir() if p.name.startswith("before-restore")]
    assert len(kept) == 1


def test_a_daily_backup_that_fails_is_said_once_to_whoever_is_there(
    qtbot, station, clock, monkeypatch
) -> None:
    monkeypatch.setattr(
        "app.station.backups.shutil.disk_usage", lambda path: shutil._ntuple_diskusage(0, 0, 0)
    )
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(args[2]))
    run = desktop._Run(station.data_dir)
    backups = DailyBackups(station.data_dir, clock)
    backups.failed.connect(run.backup_failed)

    for _ in range(2):  # at start, and an hour later
        backups.start()
        qtbot.waitUntil(lambda: not backups.job.running, timeout=30_000)

    assert len(said) == 1
    assert said[0].startswith("Hôm nay chưa sao lưu được trạm: not enough free disk")
