"""Starting the desktop app, in this order: the log (with Qt's messages and
the excepthook), the language, one copy per station, login, the window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from app.bench.startup import LOGIN_SHOWN, peak_memory_line
from app.clock import Clock, SystemClock
from app.db.engine import database_path
from app.keying import open_draft
from app.station import StationDatabase, StationError, needs_upgrade, open_station
from ui.crash import start_logging
from ui.i18n import chosen_language, install_translators
from ui.login import LoginDialog
from ui.main_window import MainWindow

log = logging.getLogger(__name__)

LOCK_NAME = "sohoa.lock"


def run_desktop(
    data_dir: Path, language: str | None = None, clock: Clock | None = None, probe: bool = False
) -> int:
    log_file = start_logging()
    log.info("starting on %s (log: %s)", data_dir, log_file)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Sohoa")
    language = language or chosen_language()
    install_translators(app, language)
    clock = clock or SystemClock()
    if not database_path(data_dir).exists():
        return _refuse(
            QCoreApplication.translate("Startup", "There is no station in {folder}.").format(
                folder=data_dir
            )
        )
    lock = QLockFile(str(data_dir / LOCK_NAME))
    if not lock.tryLock(100):
        return _refuse(
            QCoreApplication.translate(
                "Startup",
                "Sohoa is already open on this station ({folder}). "
                "Use the window that is open; two copies would key over each other.",
            ).format(folder=data_dir)
        )
    try:
        db = open_announcing_upgrade(data_dir)
    except StationError as e:
        return _refuse(str(e))
    login = LoginDialog(db, clock)
    if probe:
        QTimer.singleShot(0, lambda: _probed(login))
    if not login.exec():
        return 0
    window = MainWindow(db, login.user, clock, language)
    window.show()
    offer_resume(window)
    status = app.exec()
    db.close()
    lock.unlock()
    return status


def offer_resume(window: MainWindow) -> None:
    """After a crash or a power cut: offer the draft the clerk left behind."""
    with window.db.sessions() as session:
        draft = open_draft(session, window.user)
    if draft is None:
        return
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("Startup", "Unfinished entry"),
        QCoreApplication.translate(
            "Startup", "Entry {number} ({title}) was not finished last time. Continue keying it?"
        ).format(number=draft.number or "?", title=draft.title or "…"),
    )
    if answer == QMessageBox.StandardButton.Yes:
        window.open_entry(draft.id)


def open_announcing_upgrade(data_dir: Path) -> StationDatabase:
    """Open the station; an upgrade of its schema (minutes, on a campaign's
    database) is announced first, so nobody thinks the app is not starting."""
    if not needs_upgrade(data_dir):
        return open_station(data_dir)
    notice = QLabel(
        QCoreApplication.translate(
            "Startup",
            "Sohoa is upgrading this station's data to the new version.\n"
            "On a large station this takes a few minutes. Do not turn the computer off.",
        )
    )
    notice.setObjectName("upgrading")
    notice.setWindowTitle(QCoreApplication.translate("Startup", "Sohoa"))
    notice.setContentsMargins(24, 24, 24, 24)
    notice.show()
    QApplication.processEvents()
    log.info("upgrading the database of %s", data_dir)
    try:
        return open_station(data_dir)
    finally:
        notice.close()


def _probed(login: LoginDialog) -> None:
    """The login window is up: say so (to ``sohoa bench``), with the memory
    it took, and close it."""
    print(LOGIN_SHOWN, flush=True)
    memory = peak_memory_line()
    if memory is not None:
        print(memory, flush=True)
    login.reject()


def _refuse(reason: str) -> int:
    log.warning("refused to start: %s", reason)
    QMessageBox.critical(
        None,
        QCoreApplication.translate("Startup", "Sohoa"),
        reason
        + "\n\n"
        + QCoreApplication.translate(
            "Startup",
            "To create a station: sohoa init --station CODE --office NAME\n"
            "To try Sohoa with demo data: sohoa demo",
        ),
    )
    return 1
