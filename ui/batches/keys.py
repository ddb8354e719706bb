"""The station's keys, in the batches window: its signing key (made once on
the station's computer, its public half saved for the centre) and the
centre's recipient, which the batches are encrypted to.

The secret half of the key is in the OS keyring only; without a keyring
nothing can be signed, and the lead is told so, with the system's own words
beneath, in the window's status line.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.access.keystore import KeyringUnavailable, Keystore, open_keystore
from app.batch.age import AgeError
from app.batch.keys import (
    KeyProblem,
    StationKeyError,
    create_signing_key,
    set_centre_recipients,
    station_keys,
)
from ui.file_dialogs import save_file_name
from ui.operations import FAILED, Operations, Refusals
from ui.status_line import StatusLine, with_detail
from ui.styles import FAILURE_STYLE


class StationKeysBox(QGroupBox):
    """The keys, said and changed in ``status``; ``folder`` is where the
    public key is offered to be saved (the stick's)."""

    def __init__(
        self,
        operations: Operations,
        status: StatusLine,
        folder: QLineEdit,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Keys"))
        self.operations = operations
        self.status = status
        self.folder = folder
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
        form = QFormLayout(self)
        form.addRow(self.tr("Station's signing key:"), self.key_line)
        form.addRow("", key_buttons)
        form.addRow(self.tr("Centre's recipient:"), recipient_row)

    def refresh(self) -> None:
        """The keys as stored now."""
        keys = self.operations.read(station_keys)
        if keys is FAILED:
            return
        if keys.signing is None:
            self.key_line.setText(
                self.tr("This station has no signing key yet: batches cannot be signed.")
            )
            self.key_line.setStyleSheet(FAILURE_STYLE)
        else:
            self.key_line.setText(
                self.tr("{key_id}\nfingerprint {fingerprint}").format(
                    key_id=keys.signing.key_id, fingerprint=keys.signing.fingerprint
                )
            )
            self.key_line.setStyleSheet("")
        self.create_key_button.setVisible(keys.signing is None)
        self.save_key_button.setVisible(keys.signing is not None)
        self.recipient.setText(keys.centre_recipient)

    def set_busy(self, busy: bool) -> None:
        """While a batch is written, the keys stay as they are."""
        for widget in (
            self.create_key_button,
            self.save_key_button,
            self.recipient,
            self.save_recipient_button,
        ):
            widget.setEnabled(not busy)

    # What signing needs

    def keystore(self) -> Keystore | None:
        """The OS keyring, or None when there is none (and the lead is told)."""
        try:
            return open_keystore()
        except KeyringUnavailable as error:
            self.status.failed(
                with_detail(
                    self.tr(
                        "There is no OS keyring on this computer, so batches cannot be signed."
                        " Ask IT to set one up (on Linux: GNOME Keyring or KWallet)."
                    ),
                    error,
                )
            )
            return None

    def refusals(self) -> Refusals:
        """What signing or encrypting a batch refuses, in the lead's words."""
        return {
            StationKeyError: lambda error: with_detail(self._key_problem(error.problem), error),
            KeyringUnavailable: lambda error: with_detail(
                self.tr("The OS keyring could not be used, so the batch cannot be signed."),
                error,
            ),
        }

    def _key_problem(self, problem: KeyProblem) -> str:
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
                "The centre's recipient is not set: enter it below (age1…), as the centre gave it."
            ),
        }[problem]

    # Changing them

    @Slot()
    def create_key(self) -> None:
        keystore = self.keystore()
        if keystore is None:
            return
        key = self.operations.write(
            lambda session: create_signing_key(session, keystore), refusals=self.refusals()
        )
        if key is FAILED:
            return
        self.refresh()
        created = self.tr(
            "Signing key {key_id} created. Save its public key for the centre, which"
            " must trust it before it accepts this station's batches."
        ).format(key_id=key.key_id)
        if keystore.warning:
            self.status.failed(f"{created}\n{keystore.warning}")
        else:
            self.status.succeeded(created)

    @Slot()
    def save_public_key(self) -> None:
        keys = self.operations.read(station_keys)
        if keys is FAILED or keys.signing is None:
            return
        typed = Path(self.folder.text())
        path, _ = save_file_name(
            self,
            self.tr("Save the public key for the centre"),
            f"{keys.signing.station}.pub",
            [self.tr("Minisign public key (*.pub)")],
            on_a_stick=True,
            folder=typed if self.folder.text() and typed.is_dir() else None,
        )
        if path is not None:
            self.write_public_key(path)

    def write_public_key(self, path: Path) -> None:
        keys = self.operations.read(station_keys)
        if keys is FAILED or keys.signing is None:
            return
        try:
            path.write_text(keys.signing.pub_file(), encoding="utf-8")
        except OSError as error:
            self.status.failed(with_detail(self.tr("The public key could not be saved."), error))
            return
        self.status.succeeded(
            self.tr("The public key is saved in {path}: give it to the centre.").format(path=path)
        )

    @Slot()
    def save_recipient(self) -> None:
        typed = self.recipient.text()
        saved = self.operations.write(
            lambda session: set_centre_recipients(session, typed),
            refusals={
                AgeError: lambda error: with_detail(
                    self.tr(
                        "This is not the centre's recipient: it starts with age1 and is 62"
                        " characters long. Copy it exactly as the centre gave it."
                    ),
                    error,
                )
            },
        )
        if saved is FAILED:
            return
        self.refresh()
        self.status.succeeded(self.tr("The next batches are encrypted for this centre."))
