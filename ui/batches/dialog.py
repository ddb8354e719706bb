"""Batches for the centre: export to a stick, write a lost one again; the
station's keys below them (ui.batches.keys).

The lead plugs in the stick, picks its folder (the last batch's is offered)
and presses Ctrl+Enter. The export runs beside the window with a progress bar; only
when the batch is on the stick, read back and verified are its entries
marked exported, and the dialog says so in those words. Every refusal (no
keyring, no key, no centre recipient, a stick pulled out) is said in the
lead's language, with the system's own words beneath, and nothing is marked.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.access.keystore import Keystore
from app.batch.age import AgeError
from app.batch.export import (
    BatchRecord,
    ExportError,
    ExportPlan,
    ExportProblem,
    WrittenBatch,
    export_batch,
    rewrite_batch,
)
from app.batch.overview import batches_overview
from app.quality.verification import release_waiting
from app.scans.store import ScanStore
from app.station.backups import last_backup_at
from app.system.paths import scans_dir
from ui.batches.keys import StationKeysBox
from ui.context import StationContext
from ui.file_dialogs import existing_folder
from ui.job_dialog import JobDialog
from ui.models.rows import Column, RowTableModel, row_table
from ui.moments import local_moment
from ui.operations import FAILED, Operations, Progress, Refusals
from ui.screen_fit import fit_to_screen
from ui.status_line import StatusLine, with_detail


class ExportDialog(JobDialog):
    def __init__(self, context: StationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Batches for the centre"))
        self.setMinimumWidth(760)

        self.plan_line = QLabel()
        self.plan_line.setObjectName("plan")
        self.plan_line.setWordWrap(True)
        self.held_line = QLabel()
        self.held_line.setObjectName("held")
        self.held_line.setWordWrap(True)
        self.release_button = QPushButton(self.tr("Export them unverified…"))
        self.release_button.setObjectName("release")
        self.release_button.clicked.connect(self.release_held)
        self.folder = QLineEdit()
        self.folder.setObjectName("folder")
        self.folder.setPlaceholderText(self.tr("The stick's folder, e.g. E:\\"))
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.setObjectName("choose_folder")
        self.choose_button.clicked.connect(self.choose_folder)
        self.export_button = QPushButton(self.tr("Export the batch (Ctrl+Enter)"))
        self.export_button.setObjectName("export")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.hide()
        self.status = StatusLine("status", selectable=True)
        self.operations = Operations(self, context, say=self.status.failed)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("Folder:")))
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_button)
        folder_row.addWidget(self.export_button)
        next_box = QGroupBox(self.tr("Next batch"))
        next_layout = QVBoxLayout(next_box)
        next_layout.addWidget(self.plan_line)
        held_row = QHBoxLayout()
        held_row.addWidget(self.held_line, 1)
        held_row.addWidget(self.release_button)
        next_layout.addLayout(held_row)
        next_layout.addLayout(folder_row)
        next_layout.addWidget(self.progress)
        next_layout.addWidget(self.status)

        self.batches: RowTableModel[BatchRecord] = RowTableModel(self._columns())
        self.table = row_table(self.batches, "batches")
        self.again_button = QPushButton(self.tr("Write the chosen batch again (Ctrl+R)"))
        self.again_button.setObjectName("again")
        self.again_button.setToolTip(
            self.tr("For a lost or damaged stick: the same batch, the same entries.")
        )
        self.again_button.clicked.connect(self.write_again)
        written_box = QGroupBox(self.tr("Batches written"))
        written_layout = QVBoxLayout(written_box)
        written_layout.addWidget(self.table)
        written_layout.addWidget(self.again_button, 0, Qt.AlignmentFlag.AlignRight)

        self.keys = StationKeysBox(self.operations, self.status, self.folder)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(next_box)
        layout.addWidget(written_box, 1)
        layout.addWidget(self.keys)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.export)
        QShortcut(QKeySequence("Ctrl+R"), self, self.write_again)
        fit_to_screen(self, share=0.8)
        self.refresh()

    def _columns(self) -> list[Column[BatchRecord]]:
        locale = QLocale()
        return [
            Column(self.tr("Batch"), lambda b: str(b.sequence), numeric=True),
            Column(self.tr("Made"), lambda b: local_moment(b.created_at)),
            Column(self.tr("Entries"), lambda b: locale.toString(b.entries), numeric=True),
            Column(
                self.tr("State"),
                lambda b: (
                    self.tr("Exported")
                    if b.exported_at
                    else self.tr("Not finished: the next export finishes it")
                ),
            ),
            Column(self.tr("Last written"), lambda b: local_moment(b.written_at)),
            Column(self.tr("To"), lambda b: b.written_to or ""),
        ]

    # What is shown

    def refresh(self) -> None:
        """The next batch, the batches written, the keys: as stored now."""
        overview = self.operations.read(batches_overview)
        if overview is FAILED:
            return
        records = overview.batches
        self._show_plan(overview.plan)
        self.held_line.setText(
            self.tr(
                "{count} completed entries wait for their second keying or the lead's"
                " decision: they are not exported yet."
            ).format(count=QLocale().toString(overview.held))
        )
        self.held_line.setVisible(overview.held > 0)
        self.release_button.setVisible(overview.held > 0)
        self.batches.set_rows(records)
        if records:
            self.table.selectRow(0)
        self.again_button.setEnabled(any(r.exported_at for r in records))
        self.keys.refresh()
        if not self.folder.text() and records and records[0].written_to:
            # The stick the last batch went to, most likely plugged in again.
            self.folder.setText(str(Path(records[0].written_to).parent))

    def _show_plan(self, plan: ExportPlan | None) -> None:
        locale = QLocale()
        if plan is None:
            self.plan_line.setText(self.tr("Nothing to export: every completed entry is exported."))
        elif plan.resumes:
            self.plan_line.setText(
                self.tr(
                    "Batch {sequence} ({entries} entries) was begun and not finished:"
                    " exporting finishes it."
                ).format(sequence=plan.sequence, entries=locale.toString(plan.entries))
            )
        elif plan.ready > plan.entries:
            self.plan_line.setText(
                self.tr(
                    "{ready} completed entries wait: batch {sequence} takes {entries} of them;"
                    " export again for the rest."
                ).format(
                    ready=locale.toString(plan.ready),
                    sequence=plan.sequence,
                    entries=locale.toString(plan.entries),
                )
            )
        else:
            self.plan_line.setText(
                self.tr("{entries} completed entries wait: they will be batch {sequence}.").format(
                    entries=locale.toString(plan.entries), sequence=plan.sequence
                )
            )
        if plan is not None and plan.pages:
            self.plan_line.setText(
                self.plan_line.text()
                + "\n"
                + self.tr(
                    "It carries {pages} page scans ({size} MB). If the stick is pulled out,"
                    " the next export goes on where it stopped."
                ).format(
                    pages=locale.toString(plan.pages),
                    size=locale.toString(plan.scan_bytes / 2**20, "f", 1),
                )
            )
        self.export_button.setEnabled(plan is not None)

    # Exporting

    @Slot()
    def choose_folder(self) -> None:
        typed = Path(self.folder.text())
        offered = typed if self.folder.text() and typed.is_dir() else None
        folder = existing_folder(self, self.tr("The stick's folder"), offered)
        if folder is not None:
            self.folder.setText(str(folder))

    @Slot()
    def export(self) -> None:
        """Write the next batch into the folder."""
        if self.export_button.isEnabled():
            self._start(None)

    @Slot()
    def write_again(self) -> None:
        """Write the chosen batch again, for a lost or damaged stick."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or not self.again_button.isEnabled():
            return
        record = self.batches.row_at(rows[0].row())
        if record.exported_at is None:
            self.status.failed(self.tr("This batch is not finished: export it first."))
            return
        self._start(record.sequence)

    def _start(self, again: int | None) -> None:
        """Write a batch beside the window, so that it keeps answering: the
        export writes, syncs and reads back tens of thousands of entries."""
        if self.job is not None:
            return
        text = self.folder.text().strip()
        if not text:
            self.status.failed(self.tr("Choose the stick's folder first."))
            return
        keystore = self.keys.keystore()
        if keystore is None:
            return
        target = Path(text)
        self._busy(True)
        self.progress.setRange(0, 0)
        writing = self.tr("Writing the batch to {folder}…").format(folder=target)
        if keystore.warning:
            self.status.failed(f"{writing}\n{keystore.warning}")
        else:
            self.status.say(writing)
        self.job = self.operations.in_background(
            _export(self.context, target, keystore, again),
            done=self._succeeded,
            label=writing,
            refusals=self._refusals(),
            progress=self._progressed,
            ended=self._finished,
        )

    def _busy(self, busy: bool) -> None:
        """While a batch is written, nothing else changes: the folder, the
        keys, the recipient, nor the window's closing."""
        self.progress.setVisible(busy)
        for widget in (
            self.export_button,
            self.again_button,
            self.folder,
            self.choose_button,
            self.buttons,
        ):
            widget.setEnabled(not busy)
        self.keys.set_busy(busy)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _succeeded(self, written: WrittenBatch | None) -> None:
        locale = QLocale()
        if written is None:
            self.status.say(self.tr("Nothing to export: no completed entry is waiting."))
        elif written.marked:
            self.status.succeeded(
                self.tr(
                    "Batch {sequence} is on the stick at {path}: {entries} entries, read back"
                    " and verified, and marked exported. The stick may be taken out."
                ).format(
                    sequence=written.sequence,
                    path=written.path,
                    entries=locale.toString(written.entries),
                )
            )
        else:
            self.status.succeeded(
                self.tr(
                    "Batch {sequence} was written again at {path}: {entries} entries, read"
                    " back and verified."
                ).format(
                    sequence=written.sequence,
                    path=written.path,
                    entries=locale.toString(written.entries),
                )
            )

    def _finished(self) -> None:
        self.job = None
        self._busy(False)
        self.refresh()

    def _refusals(self) -> Refusals:
        """What an export refuses, in the lead's language; nothing was marked."""
        return {
            ExportError: lambda error: with_detail(self._export_problem(error.problem), error),
            **self.keys.refusals(),
            AgeError: lambda error: with_detail(
                self.tr("The export failed; nothing was marked exported."), error
            ),
        }

    def _export_problem(self, problem: ExportProblem) -> str:
        return {
            ExportProblem.NO_SUCH_BATCH: self.tr("There is no such batch."),
            ExportProblem.NO_FOLDER: self.tr("The folder is not there: is the stick plugged in?"),
            ExportProblem.NAME_TAKEN: self.tr(
                "The stick already holds another folder under this batch's name:"
                " move it away, then export again."
            ),
            ExportProblem.WRITE_FAILED: self.tr(
                "Writing to the stick failed (was it pulled out, or is it full?)."
                " Nothing was marked exported: plug it in and export again."
            ),
            ExportProblem.READ_BACK_FAILED: self.tr(
                "The batch did not read back whole from the stick: it may be failing."
                " Nothing was marked exported: try another stick."
            ),
            ExportProblem.SCAN_MISSING: self.tr(
                "A page scan this batch carries is missing or damaged on this computer."
                " Nothing was marked exported: restore the station's scans from a backup"
                " (Backups window), then export again."
            ),
        }[problem]

    @Slot()
    def release_held(self) -> None:
        """The lead lets the entries waiting for verification go, with a reason."""
        reason, given = QInputDialog.getText(
            self,
            self.tr("Export entries unverified"),
            self.tr("Why do these entries go to the centre before they are verified?"),
        )
        if not given or not reason.strip():
            return
        lead, clock = self.context.user, self.context.clock
        released = self.operations.write(
            lambda session: release_waiting(session, lead, reason, clock)
        )
        if released is FAILED:
            return
        self.refresh()
        self.status.succeeded(
            self.tr("{count} entries go in the next batch unverified; your reason is kept.").format(
                count=QLocale().toString(released)
            )
        )


def _export(
    context: StationContext, target: Path, keystore: Keystore, again: int | None
) -> Callable[[Progress], WrittenBatch | None]:
    """The next batch, or batch ``again`` once more, written into ``target``."""
    sessions, lead, clock = context.db.sessions, context.user, context.clock
    scans = ScanStore(scans_dir(context.db.data_dir))

    def work(progress: Progress) -> WrittenBatch | None:
        if again is None:
            return export_batch(
                sessions, target, keystore, by=lead, clock=clock, progress=progress, scans=scans,
                last_backup=last_backup_at(context.db.data_dir),
            )  # fmt: skip
        return rewrite_batch(
            sessions, again, target, keystore, by=lead, clock=clock, progress=progress,
            scans=scans,
        )  # fmt: skip

    return work
