"""Batches for the centre: export to a stick, write a lost one again, the keys.

The lead plugs in the stick, picks its folder (the last batch's is offered)
and presses Ctrl+Enter. The export runs beside the window with a progress bar; only
when the batch is on the stick, read back and verified are its entries
marked exported, and the dialog says so in those words. Every refusal (no
keyring, no key, no centre recipient, a stick pulled out) is said in the
lead's language, with the system's own words beneath, and nothing is marked.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
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

from app.access.keystore import KeyringUnavailable, Keystore, open_keystore
from app.batch.age import AgeError
from app.batch.export import (
    BatchRecord,
    ExportError,
    ExportPlan,
    ExportProblem,
    WrittenBatch,
    list_batches,
    plan_export,
)
from app.batch.keys import (
    KeyProblem,
    StationKeyError,
    create_signing_key,
    set_centre_recipients,
    station_public_key,
)
from app.quality.verification import held_for_verification, release_waiting
from app.system.clock import VIETNAM
from ui.batches.job import ExportJob
from ui.context import StationContext
from ui.job_dialog import JobDialog
from ui.models.rows import Column, RowTableModel, row_table
from ui.styles import FAILURE_STYLE, SUCCESS_STYLE


class ExportDialog(JobDialog):
    def __init__(self, context: StationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.db = context.db
        self.clock = context.clock
        self.lead = context.user
        self.job: ExportJob | None = None
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
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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

        self.key_line = QLabel()
        self.key_line.setObjectName("signing_key")
        self.key_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.create_key_button = QPushButton(self.tr("Create the signing key"))
        self.create_key_button.setObjectName("create_key")
        self.create_key_button.clicked.connect(self.create_key)
        self.save_key_button = QPushButton(self.tr("Save the public key for the centre…"))
        self.save_key_button.setObjectName("save_public_key")
        self.save_key_button.clicked.connect(self.save_public_key)
        self.recipient = QLineEdit()
        self.recipient.setObjectName("recipient")
        self.recipient.setPlaceholderText("age1…")
        self.save_recipient_button = QPushButton(self.tr("Save"))
        self.save_recipient_button.setObjectName("save_recipient")
        self.save_recipient_button.clicked.connect(self.save_recipient)
        key_buttons = QHBoxLayout()
        key_buttons.addWidget(self.create_key_button)
        key_buttons.addWidget(self.save_key_button)
        key_buttons.addStretch(1)
        recipient_row = QHBoxLayout()
        recipient_row.addWidget(self.recipient, 1)
        recipient_row.addWidget(self.save_recipient_button)
        keys_box = QGroupBox(self.tr("Keys"))
        keys_form = QFormLayout(keys_box)
        keys_form.addRow(self.tr("Station's signing key:"), self.key_line)
        keys_form.addRow("", key_buttons)
        keys_form.addRow(self.tr("Centre's recipient:"), recipient_row)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(next_box)
        layout.addWidget(written_box, 1)
        layout.addWidget(keys_box)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.export)
        QShortcut(QKeySequence("Ctrl+R"), self, self.write_again)
        self.refresh()

    def _columns(self) -> list[Column[BatchRecord]]:
        locale = QLocale()

        def moment(record_moment) -> str:
            if record_moment is None:
                return ""
            return record_moment.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M")

        return [
            Column(self.tr("Batch"), lambda b: str(b.sequence), numeric=True),
            Column(self.tr("Made"), lambda b: moment(b.created_at)),
            Column(self.tr("Entries"), lambda b: locale.toString(b.entries), numeric=True),
            Column(
                self.tr("State"),
                lambda b: (
                    self.tr("Exported")
                    if b.exported_at
                    else self.tr("Not finished: the next export finishes it")
                ),
            ),
            Column(self.tr("Last written"), lambda b: moment(b.written_at)),
            Column(self.tr("To"), lambda b: b.written_to or ""),
        ]

    # What is shown

    def refresh(self) -> None:
        """The next batch, the batches written, the keys: as stored now."""
        with self.db.sessions() as session:
            plan = plan_export(session)
            records = list_batches(session)
            held = held_for_verification(session)
        station = self.db.station()
        self._show_plan(plan)
        self.held_line.setText(
            self.tr(
                "{count} completed entries wait for their second keying or the lead's"
                " decision: they are not exported yet."
            ).format(count=QLocale().toString(held))
        )
        self.held_line.setVisible(held > 0)
        self.release_button.setVisible(held > 0)
        self.batches.set_rows(records)
        if records:
            self.table.selectRow(0)
        self.again_button.setEnabled(any(r.exported_at for r in records))
        key = station_public_key(station)
        if key is None:
            self.key_line.setText(
                self.tr("This station has no signing key yet: batches cannot be signed.")
            )
            self.key_line.setStyleSheet(FAILURE_STYLE)
        else:
            self.key_line.setText(
                self.tr("{key_id}\nfingerprint {fingerprint}").format(
                    key_id=key.key_id, fingerprint=key.fingerprint
                )
            )
            self.key_line.setStyleSheet("")
        self.create_key_button.setVisible(key is None)
        self.save_key_button.setVisible(key is not None)
        self.recipient.setText(station.centre_recipient or "")
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
        self.export_button.setEnabled(plan is not None)

    def _say(self, text: str, style: str = "") -> None:
        self.status.setText(text)
        self.status.setStyleSheet(style)

    def _refuse(self, text: str, detail: str = "") -> None:
        self._say(text + (f"\n({detail})" if detail else ""), FAILURE_STYLE)

    # Exporting

    @Slot()
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("The stick's folder"), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)

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
            self._refuse(self.tr("This batch is not finished: export it first."))
            return
        self._start(record.sequence)

    def _start(self, again: int | None) -> None:
        if self.job is not None:
            return
        text = self.folder.text().strip()
        if not text:
            self._refuse(self.tr("Choose the stick's folder first."))
            return
        keystore = self._keystore()
        if keystore is None:
            return
        target = Path(text)
        self.job = ExportJob(self.db, target, keystore, self.lead, self.clock, again, self)
        self.job.progressed.connect(self._progressed)
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)
        self.job.finished.connect(self._finished)
        self._busy(True)
        self.progress.setRange(0, 0)
        writing = self.tr("Writing the batch to {folder}…").format(folder=target)
        if keystore.warning:
            self._say(f"{writing}\n{keystore.warning}", FAILURE_STYLE)
        else:
            self._say(writing)
        self.job.start()

    def _keystore(self) -> Keystore | None:
        try:
            keystore = open_keystore()
        except KeyringUnavailable as error:
            self._refuse(
                self.tr(
                    "There is no OS keyring on this computer, so batches cannot be signed."
                    " Ask IT to set one up (on Linux: GNOME Keyring or KWallet)."
                ),
                str(error),
            )
            return None
        return keystore

    def _busy(self, busy: bool) -> None:
        """While a batch is written, nothing else changes: the folder, the
        keys, the recipient, nor the window's closing."""
        self.progress.setVisible(busy)
        for widget in (
            self.export_button,
            self.again_button,
            self.folder,
            self.choose_button,
            self.create_key_button,
            self.save_key_button,
            self.recipient,
            self.save_recipient_button,
            self.buttons,
        ):
            widget.setEnabled(not busy)

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    @Slot(object)
    def _succeeded(self, written: WrittenBatch | None) -> None:
        locale = QLocale()
        if written is None:
            self._say(self.tr("Nothing to export: no completed entry is waiting."))
        elif written.marked:
            self._say(
                self.tr(
                    "Batch {sequence} is on the stick at {path}: {entries} entries, read back"
                    " and verified, and marked exported. The stick may be taken out."
                ).format(
                    sequence=written.sequence,
                    path=written.path,
                    entries=locale.toString(written.entries),
                ),
                SUCCESS_STYLE,
            )
        else:
            self._say(
                self.tr(
                    "Batch {sequence} was written again at {path}: {entries} entries, read"
                    " back and verified."
                ).format(
                    sequence=written.sequence,
                    path=written.path,
                    entries=locale.toString(written.entries),
                ),
                SUCCESS_STYLE,
            )

    @Slot(object)
    def _failed(self, error: Exception) -> None:
        self._refuse(self._refusal(error), str(error))

    @Slot()
    def _finished(self) -> None:
        self.job = None
        self._busy(False)
        self.refresh()

    def _refusal(self, error: Exception) -> str:
        """What went wrong, in the lead's language; nothing was marked."""
        if isinstance(error, ExportError):
            return {
                ExportProblem.NO_SUCH_BATCH: self.tr("There is no such batch."),
                ExportProblem.NO_FOLDER: self.tr(
                    "The folder is not there: is the stick plugged in?"
                ),
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
            }[error.problem]
        if isinstance(error, StationKeyError):
            return {
                KeyProblem.HAS_SIGNING_KEY: self.tr("This station already has a signing key."),
                KeyProblem.NO_SIGNING_KEY: self.tr(
                    "This station has no signing key yet: create it below, and give the"
                    " centre its public key."
                ),
                KeyProblem.KEY_NOT_IN_KEYRING: self.tr(
                    "The station's signing key is not in this computer's keyring: is this"
                    " the station's own computer and user account?"
                ),
                KeyProblem.KEY_DAMAGED: self.tr(
                    "The signing key in the keyring is damaged or not this station's."
                ),
                KeyProblem.NO_CENTRE_RECIPIENT: self.tr(
                    "The centre's recipient is not set: enter it below (age1…), as the"
                    " centre gave it."
                ),
            }[error.problem]
        if isinstance(error, KeyringUnavailable):
            return self.tr("The OS keyring could not be used, so the batch cannot be signed.")
        return self.tr("The export failed; nothing was marked exported.")

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
        with self.db.sessions.begin() as session:
            released = release_waiting(session, self.lead, reason, self.clock)
        self.refresh()
        self._say(
            self.tr("{count} entries go in the next batch unverified; your reason is kept.").format(
                count=QLocale().toString(released)
            ),
            SUCCESS_STYLE,
        )

    # The keys

    @Slot()
    def create_key(self) -> None:
        keystore = self._keystore()
        if keystore is None:
            return
        try:
            with self.db.sessions.begin() as session:
                key = create_signing_key(session, keystore)
        except (StationKeyError, KeyringUnavailable) as error:
            self._refuse(self._refusal(error), str(error))
            return
        self.refresh()
        created = self.tr(
            "Signing key {key_id} created. Save its public key for the centre, which"
            " must trust it before it accepts this station's batches."
        ).format(key_id=key.key_id)
        if keystore.warning:
            self._say(f"{created}\n{keystore.warning}", FAILURE_STYLE)
        else:
            self._say(created, SUCCESS_STYLE)

    @Slot()
    def save_public_key(self) -> None:
        key = station_public_key(self.db.station())
        if key is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the public key for the centre"),
            str(Path(self.folder.text() or Path.home()) / f"{key.station}.pub"),
            self.tr("Minisign public key (*.pub)"),
        )
        if path:
            self.write_public_key(Path(path))

    def write_public_key(self, path: Path) -> None:
        key = station_public_key(self.db.station())
        if key is None:
            return
        try:
            path.write_text(key.pub_file(), encoding="utf-8")
        except OSError as error:
            self._refuse(self.tr("The public key could not be saved."), str(error))
            return
        self._say(
            self.tr("The public key is saved in {path}: give it to the centre.").format(path=path),
            SUCCESS_STYLE,
        )

    @Slot()
    def save_recipient(self) -> None:
        try:
            with self.db.sessions.begin() as session:
                set_centre_recipients(session, self.recipient.text())
        except AgeError as error:
            self._refuse(
                self.tr(
                    "This is not the centre's recipient: it starts with age1 and is 62"
                    " characters long. Copy it exactly as the centre gave it."
                ),
                str(error),
            )
            return
        self.refresh()
        self._say(self.tr("The next batches are encrypted for this centre."), SUCCESS_STYLE)
