"""Starting the desktop app, in this order: the log (with Qt's messages and
the excepthook), the language, one copy per station, the database (checked,
and backed up once a day, in the background), login, the window. A user who
logs out for another, or an admin who restores a backup, comes back here:
the restore is made with every window on the station closed. So does a
user who switches the language: the window is made again in it, without
a login, showing what it showed."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

import resources
from app.bench.startup import LOGIN_SHOWN, peak_memory_line
from app.db.engine import database_path
from app.db.migrate import WrittenByNewerVersion
from app.db.models import User
from app.keying.start import open_draft
from app.station.backups import quick_check, record_restore
from app.station.database import StationDatabase, StationError, needs_upgrade, open_station
from app.station.lock import WINDOW, StationBusy, StationUnwritable, station_lock
from app.system.clock import Clock, SystemClock
from app.system.heap import settle
from ui.access.login import LoginDialog
from ui.context import StationContext
from ui.crash import start_logging
from ui.fonts import reading_font
from ui.i18n import chosen_language, install_translators
from ui.main_window import MainWindow, OpenWork
from ui.operations import FAILED
from ui.preferences import Preferences
from ui.station.recovery import DailyBackups, IntegrityCheck, offer_latest_backup, restore

log = logging.getLogger(__name__)

ICON = "sohoa.svg"  # in resources/


def run_desktop(
    data_dir: Path, language: str | None = None, clock: Clock | None = None, probe: bool = False
) -> int:
    log_file = start_logging()
    log.info("starting on %s (log: %s)", data_dir, log_file)
    # The program makes only a QApplication (so do the tests); the stub of
    # instance() says QCoreApplication.
    app: QApplication = QApplication.instance() or QApplication(sys.argv)  # type: ignore[assignment]
    app.setApplicationName("Sohoa")
    app.setFont(reading_font(app.font()))
    app.setWindowIcon(window_icon())
    preferences = Preferences(data_dir)
    # The login window speaks the language asked for, or the one chosen
    # last on this station; each user then works in their own (ui.preferences).
    language = language or chosen_language(preferences.language() or "vi")
    install_translators(app, language)
    clock = clock or SystemClock()
    if not database_path(data_dir).exists():
        return _refuse(
            QCoreApplication.translate("Startup", "There is no station in {folder}.").format(
                folder=data_dir
            ),
            how_to_make_one=True,
        )
    try:
        # One writer at a time: this window, or a command that writes.
        with station_lock(data_dir, WINDOW, wait=0.1):
            return _run(app, data_dir, language, preferences, clock, probe)
    except StationBusy as busy:
        return _refuse(_busy(data_dir, busy))
    except StationUnwritable:
        return _refuse(
            QCoreApplication.translate(
                "Startup",
                "The station's folder {folder} cannot be written (it is read-only). "
                "Sohoa writes every entry there as it is keyed: copy the station to a "
                "folder that can be written, or ask whoever looks after the computer.",
            ).format(folder=data_dir)
        )


def _run(
    app: QApplication,
    data_dir: Path,
    language: str,
    preferences: Preferences,
    clock: Clock,
    probe: bool,
) -> int:
    """The station opened, checked, logged into and keyed, until the window
    closes for good; the caller holds the station's lock meanwhile."""
    try:
        db = open_for_window(data_dir)
    except StationError as e:
        restored = _open_from_backup(data_dir, clock, str(e))
        if restored is None:
            return _refuse(_cannot_open(data_dir, e))
        db = restored
    code = db.station().code
    backups = DailyBackups(data_dir, clock)
    check = IntegrityCheck(data_dir)
    run = _Run(data_dir)
    check.damaged.connect(run.damaged)
    backups.failed.connect(run.backup_failed)
    if not probe:
        backups.start()
        check.start()
    status = 0
    user: User | None = None
    work: OpenWork | None = None  # what a window made again in another language shows
    while True:  # until the window is closed, rather than left for another user
        if work is None:
            login = LoginDialog(db, clock, None if probe else check)
            run.showing = login
            if probe:
                QTimer.singleShot(0, lambda dialog=login: _probed(dialog))
            user = login.user if login.exec() else None
        switching = False
        if user is not None:
            chosen = preferences.language(user.username) or language
            if chosen != language:
                language = chosen
                install_translators(app, language)
            window = MainWindow(StationContext(db, user, clock, language))
            run.showing = window
            window.show()
            settle()
            if work is None:
                offer_resume(window)
            else:
                window.resume(work)
            status = app.exec()
            run.restore_from = run.restore_from or window.restore_from
            switching = window.switching_user
            work = None
            if window.language_wanted is not None:
                language = window.language_wanted
                install_translators(app, language)
                work = window.open_work()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if run.restore_from is None:
            if work is not None or switching:
                continue
            break
        work = None
        db.close()
        kept = restore(data_dir, run.restore_from, code, None)
        try:
            db = open_for_window(data_dir)
        except StationError as e:
            return _refuse(_cannot_open(data_dir, e))
        if kept is not None:
            record_restore(db.sessions, clock, user, run.restore_from, kept)
            _restored(run.restore_from, kept)
        run.restore_from = None
    db.close()
    return status


def _busy(data_dir: Path, busy: StationBusy) -> str:
    if busy.holder is not None and busy.holder != WINDOW:
        return QCoreApplication.translate(
            "Startup",
            "The command “{command}” is writing to this station ({folder}). "
            "Wait until it has finished, then open Sohoa again.",
        ).format(command=busy.holder, folder=data_dir)
    return QCoreApplication.translate(
        "Startup",
        "Sohoa is already open on this station ({folder}). "
        "Use the window that is open; two copies would key over each other.",
    ).format(folder=data_dir)


class _Run(QObject):
    """What the app shows now, and a backup to restore once it is closed."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.showing: LoginDialog | MainWindow | None = None
        self.restore_from: Path | None = None
        self.backup_said: str | None = None

    @Slot(str)
    def backup_failed(self, reason: str) -> None:
        """Today's backup could not be taken: said once, to whoever is there."""
        if reason == self.backup_said:
            return
        self.backup_said = reason
        QMessageBox.warning(
            self.showing,
            QCoreApplication.translate("Recovery", "Sohoa — backup"),
            QCoreApplication.translate(
                "Recovery",
                "Today's backup of the station could not be taken: {reason}\n\n"
                "What is keyed is saved as always. Tell the team lead or the admin.",
            ).format(reason=reason),
        )

    @Slot(str)
    def damaged(self, problem: str) -> None:
        """The check at start found the database damaged (a slot: the check
        runs in a thread, the question is asked in the window's)."""
        backup = offer_latest_backup(self.data_dir, problem, self.showing)
        if backup is None:
            return
        self.restore_from = backup
        if isinstance(self.showing, MainWindow):
            self.showing.restore_from = backup
            self.showing.switch_user()
        elif self.showing is not None:
            self.showing.reject()


def _open_from_backup(data_dir: Path, clock: Clock, problem: str) -> StationDatabase | None:
    """The database does not open: if it is damaged, offer its latest good
    backup, and open that; None when there is nothing to open."""
    verdict = quick_check(database_path(data_dir))
    if verdict == "ok":
        return None
    backup = offer_latest_backup(data_dir, verdict, None)
    if backup is None:
        return None
    kept = restore(data_dir, backup, None, None)
    if kept is None:
        return None
    try:
        db = open_for_window(data_dir)
    except StationError:
        log.exception("the restored backup %s does not open either (%s)", backup, problem)
        return None
    record_restore(db.sessions, clock, None, backup, kept)
    _restored(backup, kept)
    return db


def _restored(backup: Path, kept: Path) -> None:
    QMessageBox.information(
        None,
        QCoreApplication.translate("Recovery", "Sohoa — restore"),
        QCoreApplication.translate(
            "Recovery",
            "The station is restored from the backup {backup}.\n"
            "What it replaced is kept in {kept}.\n\nLog in again to go on.",
        ).format(backup=backup.name, kept=kept),
    )


def window_icon() -> QIcon:
    """Sohoa's icon, for every window and the taskbar (the installed
    programs carry it too: packaging/icons is made from the same drawing)."""
    return QIcon(str(Path(resources.__file__).parent / ICON))


def offer_resume(window: MainWindow) -> None:
    """After a crash or a power cut: offer the draft the clerk left behind."""
    user = window.user
    draft = window.operations.read(lambda session: open_draft(session, user))
    if draft is FAILED or draft is None:
        return
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("Startup", "Unfinished entry"),
        QCoreApplication.translate(
            "Startup", "Entry {number} ({title}) was not finished last time. Continue keying it?"
        ).format(number=draft.number or "?", title=draft.title or "…"),
    )
    if answer == QMessageBox.StandardButton.Yes:
        window.keying.open_entry(draft.id)


def open_for_window(data_dir: Path) -> StationDatabase:
    """Open the station for the window. An upgrade of its schema (minutes, on
    a campaign's database) is announced first, so nobody thinks the app is
    not starting; once open, its log is checkpointed in the background for
    as long as it stays open (app.db.checkpoints)."""
    if needs_upgrade(data_dir):
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
            db = open_station(data_dir)
        finally:
            notice.close()
    else:
        db = open_station(data_dir)
    db.checkpoint_in_background()
    return db


def _probed(login: LoginDialog) -> None:
    """The login window is up: say so (to ``sohoa bench``), with the memory
    it took, and close it."""
    print(LOGIN_SHOWN, flush=True)
    memory = peak_memory_line()
    if memory is not None:
        print(memory, flush=True)
    login.reject()


def _refuse(reason: str, *, how_to_make_one: bool = False) -> int:
    log.warning("refused to start: %s", reason)
    if how_to_make_one:
        reason += "\n\n" + QCoreApplication.translate(
            "Startup",
            "To create a station: sohoa init --station CODE --office NAME\n"
            "To try Sohoa with demo data: sohoa demo",
        )
    QMessageBox.critical(None, QCoreApplication.translate("Startup", "Sohoa"), reason)
    return 1


def _cannot_open(data_dir: Path, error: StationError) -> str:
    """Why the station does not open, in the window's language; the
    technical reason is kept for whoever looks after the computer."""
    if isinstance(error.__cause__, WrittenByNewerVersion):
        return QCoreApplication.translate(
            "Startup",
            "The station's data in {folder} was written by a newer version of Sohoa. "
            "Install that version or a later one; nothing has been changed.",
        ).format(folder=data_dir)
    return QCoreApplication.translate(
        "Startup",
        "The station's data in {folder} cannot be opened; nothing has been changed. "
        "Tell whoever looks after this computer.\n\nDetails: {details}",
    ).format(folder=data_dir, details=error)
