"""The window's language: switched from its menu at once and remembered per
user; Qt's own dialogs and buttons in Vietnamese too; files chosen where a
commune office keeps them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
)
from sqlalchemy import select

import ui.app as desktop
import ui.file_dialogs as file_dialogs
from app.db.models import Book, User
from ui.access.login import LoginDialog
from ui.context import StationContext
from ui.file_dialogs import removable_drives, save_file_name
from ui.main_window import MainWindow
from ui.preferences import Preferences
from ui.station.backups import BackupsDialog


def test_the_language_menu_makes_the_window_again_in_english_where_it_was(
    station, clock, monkeypatch, vietnamese
) -> None:
    data_dir: Path = station.data_dir
    with station.sessions.begin() as session:
        book = Book(kind="birth", office="UBND xã Tân Lập", volume="07", year=2001)
        session.add(book)
        session.flush()
        book_id = book.id
        admin = session.scalars(select(User)).one()
    station.close()
    logins: list[str] = []
    seen: list[tuple[str, str, int | None, str, str | None]] = []

    def log_in(dialog: LoginDialog) -> int:
        logins.append(dialog.windowTitle())
        dialog.user = admin
        return 1

    def act(window: MainWindow) -> None:
        focused = window.focusWidget()
        seen.append(
            (
                window.context.language,
                window.tabs.tabText(1),
                window.book.id if window.book else None,
                window.menus[1].title(),
                focused.objectName() if focused else None,
            )
        )
        if len(seen) == 1:
            window.open_book(book_id)
            window.form.focus("page")
            window.findChild(type(window.language_menu.actions()[0]), "language_en").trigger()
        else:
            window.close()

    shown = MainWindow.show
    monkeypatch.setattr(LoginDialog, "exec", log_in)
    monkeypatch.setattr(
        MainWindow, "show", lambda w: shown(w) or QTimer.singleShot(0, lambda: act(w))
    )

    assert desktop.run_desktop(data_dir, clock=clock) == 0

    assert logins == ["Sohoa — đăng nhập"], "one login: the window is made again without one"
    assert seen == [
        ("vi", "Nhập liệu (F7)", None, "&Ngôn ngữ (Language)", None),
        ("en", "Keying (F7)", book_id, "&Language", "page"),
    ], "in English at once, the same book open, the cursor in the same field"
    assert Preferences(data_dir).language("admin") == "en"


def test_the_language_chosen_is_the_user_s_at_the_next_start(
    station, clock, monkeypatch, vietnamese
) -> None:
    with station.sessions() as session:
        admin = session.scalars(select(User)).one()
    Preferences(station.data_dir).set_language("admin", "en")
    station.close()
    logins: list[str] = []
    languages: list[str] = []

    def log_in(dialog: LoginDialog) -> int:
        logins.append(dialog.windowTitle())
        dialog.user = admin
        return 1

    shown = MainWindow.show
    monkeypatch.setattr(LoginDialog, "exec", log_in)
    monkeypatch.setattr(
        MainWindow,
        "show",
        lambda w: shown(w) or languages.append(w.tabs.tabText(0)) or QTimer.singleShot(0, w.close),
    )

    assert desktop.run_desktop(station.data_dir, clock=clock) == 0

    assert logins == ["Sohoa — log in"], "the login window speaks the station's last choice"
    assert languages == ["Books (F6)"]


def test_a_user_who_never_chose_works_in_the_login_window_s_language(station, qapp) -> None:
    preferences = Preferences(station.data_dir)
    preferences.set_language("an", "en")

    assert preferences.language("an") == "en"
    assert preferences.language("binh") is None
    assert preferences.language() == "en", "the station's last choice, for the login window"


def test_qt_s_own_buttons_speak_vietnamese(qtbot, vietnamese) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "?",
        "?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    qtbot.addWidget(box)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)

    assert {b.text() for b in box.buttons()} == {"&Có", "&Không"}
    assert {b.text() for b in buttons.buttons()} == {"Lưu", "Hủy"}


def labels(dialog: QFileDialog) -> set[str]:
    return {label.text() for label in dialog.findChildren(QLabel) if label.isVisibleTo(dialog)}


def test_the_save_dialog_speaks_vietnamese_and_opens_in_the_documents(
    qtbot, tmp_path, monkeypatch, vietnamese
) -> None:
    documents = tmp_path / "Tài liệu"
    documents.mkdir()
    monkeypatch.setattr(file_dialogs, "documents_folder", lambda: documents)
    monkeypatch.setattr(file_dialogs, "removable_drives", lambda: [])
    seen: list[object] = []

    def look_and_save() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        seen.extend(
            [
                labels(dialog),
                Path(dialog.directory().absolutePath()),
                dialog.findChild(QLineEdit, "fileNameEdit").text(),
                dialog.findChild(QDialogButtonBox).buttons()[0].text(),
            ]
        )
        dialog.accept()

    QTimer.singleShot(0, look_and_save)
    path, _ = save_file_name(
        None, "Lưu báo cáo ngày", "bao-cao.pdf", ["Tài liệu PDF (*.pdf)"], on_a_stick=False
    )

    assert seen == [
        {"&Tìm trong:", "&Tên tệp:", "&Kiểu tệp:"},
        documents,
        "bao-cao.pdf",
        "&Lưu",
    ]
    assert path == documents / "bao-cao.pdf"


def test_the_backup_to_a_stick_opens_on_the_stick_in_vietnamese(
    qtbot, station, clock, tmp_path, monkeypatch, vietnamese
) -> None:
    stick = tmp_path / "media" / "USB16GB"
    stick.mkdir(parents=True)
    monkeypatch.setattr(file_dialogs, "removable_drives", lambda: [stick])
    with station.sessions() as session:
        admin = session.scalars(select(User)).one()
    backups = BackupsDialog(StationContext(station, admin, clock, "vi"))
    qtbot.addWidget(backups)
    seen: list[object] = []

    def look_and_choose() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        seen.extend([labels(dialog), Path(dialog.directory().absolutePath())])
        dialog.accept()

    QTimer.singleShot(0, look_and_choose)
    backups.findChild(QPushButton, "copy_out").click()

    assert seen == [{"&Tìm trong:", "Thư mục:", "&Kiểu tệp:"}, stick]
    qtbot.waitUntil(lambda: backups.job is None, timeout=60_000)
    assert len(list(stick.glob("sohoa-TEST-01-*.sqlite3"))) == 1
    assert backups.status.text().startswith("Đã chép và kiểm tra")


def test_sticks_are_found_where_linux_mounts_them(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("USER", "canbo")
    media, run_media = tmp_path / "media", tmp_path / "run" / "media"
    (media / "canbo" / "KINGSTON").mkdir(parents=True)
    (run_media / "canbo" / "SANDISK").mkdir(parents=True)
    (media / "someone" / "THEIRS").mkdir(parents=True)

    assert removable_drives((media, run_media)) == [
        media / "canbo" / "KINGSTON",
        run_media / "canbo" / "SANDISK",
    ]
