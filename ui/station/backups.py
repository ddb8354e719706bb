"""The admin's backups (Ctrl+Shift+B): the station's own, a copy to a stick,
and a restore, confirmed in words that say what it costs.

The dialog only chooses the backup: the restore itself is made once every
window on the station is closed (ui.app), and everyone logs in again.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Slot
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.access.roles import require_admin
from app.db.migrate import utc_stamp
from app.db.online_copy import BackupError, backup_database
from app.scans.store import ScanStore
from app.station.backups import (
    Backup,
    BackupKind,
    ScansCopied,
    copy_scans,
    list_backups,
    quick_check,
    station_code_in,
    stick_scans_store,
)
from app.system.clock import VIETNAM
from app.system.paths import scans_dir
from ui.context import StationContext
from ui.file_dialogs import existing_folder, open_file_name
from ui.job_dialog import JobDialog
from ui.models.rows import Column, RowTableModel, row_actions, row_table
from ui.operations import Operations
from ui.screen_fit import fit_to_screen
from ui.status_line import StatusLine


class BackupsDialog(JobDialog):
    def __init__(self, context: StationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        require_admin(context.user, "restore a backup")
        self.db = context.db
        self.chosen: Path | None = None  # the backup to restore, once confirmed
        self.code = context.station().code
        self.setWindowTitle(self.tr("Backups of the station"))
        self.setMinimumWidth(720)
        explanation = QLabel(
            self.tr(
                "Sohoa backs the station up once a day and keeps a week of backups, "
                "beside the data in {folder}. Copy one to a stick now and then: a backup on "
                "the same disk does not survive the disk."
            ).format(folder=context.db.data_dir / "backups")
        )
        explanation.setWordWrap(True)
        locale = QLocale()
        kinds = {
            BackupKind.DAILY: self.tr("Daily"),
            BackupKind.BEFORE_UPGRADE: self.tr("Before an upgrade"),
            BackupKind.BEFORE_RESTORE: self.tr("Before a restore"),
        }
        self.backups: RowTableModel[Backup] = RowTableModel(
            [
                Column(self.tr("Taken"), lambda b: b.taken_at.strftime("%d/%m/%Y %H:%M")),
                Column(self.tr("Kind"), lambda b: kinds[b.kind]),
                Column(
                    self.tr("Size"),
                    lambda b: self.tr("{size} MB").format(
                        size=locale.toString(b.size / 1e6, "f", 1)
                    ),
                    numeric=True,
                ),
                Column(self.tr("File"), lambda b: b.path.name),
            ]
        )
        self.table = row_table(self.backups, "backups")
        self.table.activated.connect(lambda index: self.restore_chosen())
        self.status = StatusLine("backup_status")
        self.operations = Operations(self, context, say=self.status.failed)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = row_actions(
            [
                (self.tr("Copy the station to a stick…"), "copy_out", self.copy_out),
                (self.tr("Restore from a file…"), "restore_file", self.restore_file),
                (self.tr("Restore the chosen backup…"), "restore", self.restore_chosen),
            ],
            close,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(760, 420)
        fit_to_screen(self, share=0.6)
        self.refresh()

    def refresh(self) -> None:
        self.backups.set_rows(list_backups(self.db.data_dir))
        if self.backups.rowCount():
            self.table.selectRow(0)

    @Slot()
    def copy_out(self) -> None:
        folder = existing_folder(self, self.tr("The stick's folder"))
        if folder is None:
            return
        target = folder / f"sohoa-{self.code}-{utc_stamp()}.sqlite3"
        scans = stick_scans_store(folder, self.code)
        database, store = self.db.path, ScanStore(scans_dir(self.db.data_dir))

        def copy(progress: object) -> ScansCopied:
            backup_database(database, target)
            # Only the pages the stick lacks: its store is shared by every copy.
            return copy_scans(store, scans)

        def not_copied(error: Exception) -> str:
            return self.tr("Not copied: {reason}").format(reason=error)

        copying = self.tr("Copying the station to {folder}…").format(folder=folder)
        self.status.say(copying)
        # Gigabytes of scans the first time: in the background, the window
        # open and answering, not closed until the copy ends.
        self.job = self.operations.in_background(
            copy,
            done=lambda copied: self._copied(target, scans, copied),
            label=copying,
            refusals={BackupError: not_copied, OSError: not_copied},
            ended=self._copy_ended,
        )

    def _copy_ended(self) -> None:
        self.job = None

    def _copied(self, target: Path, scans: ScanStore, copied: ScansCopied) -> None:
        said = [
            self.tr("Copied and checked: {file}").format(file=target),
            self.tr(
                "Page scans: {count} copied to {folder}; those already there were kept."
            ).format(count=QLocale().toString(copied.files), folder=scans.root),
        ]
        if copied.damaged:
            said.append(
                self.tr(
                    "{count} of the station's page scans are damaged and were not copied."
                ).format(count=QLocale().toString(len(copied.damaged)))
            )
            self.status.failed("\n".join(said))
            return
        self.status.succeeded("\n".join(said))

    @Slot()
    def restore_file(self) -> None:
        path = open_file_name(
            self,
            self.tr("A backup of this station"),
            [self.tr("Sohoa backups (*.sqlite3)")],
            on_a_stick=True,
        )
        if path is not None:
            self.confirm(path)

    @Slot()
    def restore_chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.status.failed(self.tr("Choose a backup in the list first."))
            return
        self.confirm(self.backups.row_at(rows[0].row()).path)

    def confirm(self, path: Path) -> None:
        """Check the backup, say what restoring it costs, and ask."""
        verdict = quick_check(path)
        if verdict != "ok":
            self.status.failed(
                self.tr("This backup is damaged and cannot be restored: {reason}").format(
                    reason=verdict
                )
            )
            return
        code = station_code_in(path)
        if code != self.code:
            self.status.failed(
                self.tr("This file is not a backup of station {code}.").format(code=self.code)
            )
            return
        moment = self._moment(path)
        question = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Restore the backup?"),
            self.tr(
                "Restore the station as it was on {moment}?\n\n"
                "• Everything keyed, checked or decided after that moment leaves the station. "
                "The station as it is now is kept first, in the backups folder.\n"
                "• Batches written after that moment will be written again; the centre "
                "loads each entry once.\n"
                "• Sohoa closes this window, and everyone logs in again."
            ).format(moment=moment),
            parent=self,
        )
        restore = question.addButton(self.tr("Restore"), QMessageBox.ButtonRole.DestructiveRole)
        restore.setObjectName("confirm_restore")
        cancel = question.addButton(QMessageBox.StandardButton.Cancel)
        question.setDefaultButton(cancel)
        question.exec()
        if question.clickedButton() is restore:
            self.chosen = path
            self.accept()

    def _moment(self, path: Path) -> str:
        """When the backup was taken: its file's time, as in the list."""
        return datetime.fromtimestamp(path.stat().st_mtime, VIETNAM).strftime("%d/%m/%Y %H:%M")
