"""Keeping the station's data safe while the app runs: the daily backup, the
check of the database at start, and a restore with the window closed.

Both the backup and the check read the whole file (a minute on a campaign's
3.6 GB), so they run beside the GUI thread (ui.operations.Job): the login
window opens at once, and the clerk keys while they work. Quitting never
waits for them: a backup cut short leaves a partial file the next removes.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.db.engine import database_path
from app.db.online_copy import BackupError
from app.station.backups import (
    daily_backup,
    latest_good_backup,
    quick_check,
    restore_backup,
    restore_scans,
)
from app.system.clock import Clock
from ui.operations import Job

log = logging.getLogger(__name__)

BACKUP_CHECK_MS = 3_600_000  # the app may stay open for days: look each hour


class DailyBackups(QObject):
    """Takes the day's backup beside the GUI thread, at start and then each
    hour; ``failed`` says why one could not be taken."""

    failed = Signal(str)

    def __init__(self, data_dir: Path, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.clock = clock
        self.job: Job[Path | None] | None = None
        self.timer = QTimer(self, interval=BACKUP_CHECK_MS)
        self.timer.timeout.connect(self.start)
        self.timer.start()

    def start(self) -> None:
        if self.job is not None and self.job.running:
            return
        data_dir, clock = self.data_dir, self.clock
        self.job = Job(
            lambda progress: daily_backup(data_dir, clock),
            owner=self,
            done=self._taken,
            failed=self._not_taken,
            name="daily backup",
        ).start()

    def _taken(self, taken: Path | None) -> None:
        if taken is not None:
            log.info("daily backup taken: %s", taken)

    def _not_taken(self, error: Exception) -> None:
        if not isinstance(error, BackupError | OSError):
            raise error  # a fault: the crash dialog, with its traceback logged
        log.error("the daily backup of %s failed: %s", self.data_dir, error)
        self.failed.emit(str(error))


class IntegrityCheck(QObject):
    """``PRAGMA quick_check`` of the station's file beside the GUI thread;
    ``damaged`` says what is wrong when it is not sound. ``verdict`` is None
    until it has answered: nothing is written to the file before then (the
    login waits for it), so a damaged file is kept as it was found."""

    damaged = Signal(str)
    answered = Signal(str)  # the verdict: "ok", or what is wrong

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.verdict: str | None = None

    def start(self) -> None:
        path = database_path(self.data_dir)
        Job(
            lambda progress: quick_check(path), owner=self, done=self._checked, name="quick check"
        ).start()

    def _checked(self, verdict: str) -> None:
        self.verdict = verdict
        if verdict == "ok":
            log.info("quick check of %s: ok", self.data_dir)
        else:
            log.error("quick check of %s: %s", self.data_dir, verdict)
            self.damaged.emit(verdict)
        self.answered.emit(verdict)


def offer_latest_backup(data_dir: Path, problem: str, parent: QWidget | None) -> Path | None:
    """Say the database is damaged, and offer its latest good backup; the
    backup chosen, or None (no backup, or the user said no)."""
    backup = latest_good_backup(data_dir)
    said = QCoreApplication.translate(
        "Recovery",
        "The station's data is damaged ({problem}).\n\n"
        "Stop keying: what is saved from now on may be lost.",
    ).format(problem=problem)
    if backup is None:
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("Recovery", "Sohoa — damaged data"),
            said
            + "\n\n"
            + QCoreApplication.translate(
                "Recovery",
                "There is no good backup on this computer. Do not delete anything; call the "
                "person who supports your station, with a backup stick if you have one.",
            ),
        )
        return None
    answer = QMessageBox.critical(
        parent,
        QCoreApplication.translate("Recovery", "Sohoa — damaged data"),
        said
        + "\n\n"
        + QCoreApplication.translate(
            "Recovery",
            "The latest good backup is of {moment}. Restore it now? What was keyed after it "
            "leaves the station, but the damaged file is kept aside, untouched.",
        ).format(
            # PySide6 takes a datetime where a QDateTime is asked; its stubs do not say so.
            moment=QLocale().toString(  # type: ignore[call-overload]
                backup.taken_at.replace(tzinfo=None), "dd/MM/yyyy HH:mm"
            )
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return backup.path if answer == QMessageBox.StandardButton.Yes else None


def restore(data_dir: Path, backup: Path, code: str | None, parent: QWidget | None) -> Path | None:
    """Restore ``backup`` (every connection closed); where the replaced
    database is kept, or None when the restore was refused (said why)."""
    try:
        kept = restore_backup(data_dir, backup, code)
    except (BackupError, OSError) as e:
        log.error("restore of %s from %s refused: %s", data_dir, backup, e)
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("Recovery", "Sohoa — restore"),
            QCoreApplication.translate(
                "Recovery", "The backup was not restored; the station is as it was.\n\n{reason}"
            ).format(reason=e),
        )
        return None
    log.warning("station %s restored from %s; what it replaced is in %s", data_dir, backup, kept)
    try:
        scans = restore_scans(data_dir, backup)
    except OSError as e:
        log.error("the page scans of %s could not be put back: %s", data_dir, e)
        missing = QCoreApplication.translate(
            "Recovery", "The page scans could not be put back: {reason}"
        ).format(reason=e)
    else:
        log.info("%d page scans put back, %d missing", scans.copied, len(scans.missing))
        if not scans.missing:
            return kept
        missing = QCoreApplication.translate(
            "Recovery",
            "The station is restored, but {count} page scans it names are in no backup"
            " (first {first}): import those pages again.",
        ).format(count=len(scans.missing), first=scans.missing[0])
    QMessageBox.warning(parent, QCoreApplication.translate("Recovery", "Sohoa — restore"), missing)
    return kept
