"""Asking why an entry is left for later ("hard later")."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.db.models import DeferralReason
from app.rules import Assessment
from app.specs import SourceStatus
from ui.screen_fit import fit_to_screen


def reason_label(reason: DeferralReason) -> str:
    """Why an entry was deferred, as the clerk and the lead read it."""
    labels = {
        DeferralReason.ILLEGIBLE: QT_TRANSLATE_NOOP("DeferralDialog", "A field cannot be read"),
        DeferralReason.NEEDS_VERIFICATION: QT_TRANSLATE_NOOP(
            "DeferralDialog", "Needs checking against another document"
        ),
        DeferralReason.DAMAGED_PAGE: QT_TRANSLATE_NOOP("DeferralDialog", "Damaged page"),
        DeferralReason.OTHER: QT_TRANSLATE_NOOP("DeferralDialog", "Other reason"),
    }
    # QT_TRANSLATE_NOOP returns the text it marks; its stub says object.
    return QCoreApplication.translate("DeferralDialog", labels[reason])  # type: ignore[arg-type]


class DeferralDialog(QDialog):
    """Reason (guessed, one digit changes it) and a note; Enter confirms."""

    def __init__(self, assessment: Assessment, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Defer this entry"))
        self.reasons = QComboBox()
        self.reasons.setObjectName("deferral_reason")
        for number, reason in enumerate(DeferralReason, start=1):
            self.reasons.addItem(f"{number} · {reason_label(reason)}", reason.value)
        self.reasons.setCurrentIndex(self.reasons.findData(_likely_reason(assessment).value))
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("deferral_note")
        unreadable = [f.message(language) for f in assessment.deferrals]
        form = QFormLayout(self)
        if unreadable:
            form.addRow(QLabel("\n".join(unreadable)))
        form.addRow(self.tr("Reason"), self.reasons)
        form.addRow(self.tr("Note"), self.note_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        fit_to_screen(self)
        # The reason is guessed from the marks; the clerk types a note and Enter.
        self.note_edit.setFocus()

    def reason(self) -> DeferralReason:
        return DeferralReason(self.reasons.currentData())

    def note(self) -> str:
        return self.note_edit.text().strip()


def _likely_reason(assessment: Assessment) -> DeferralReason:
    """What the marks on the fields suggest: illegible, or only uncertain."""
    statuses = {value.status for value in assessment.values.values()}
    if SourceStatus.ILLEGIBLE in statuses:
        return DeferralReason.ILLEGIBLE
    if SourceStatus.UNCERTAIN in statuses:
        return DeferralReason.NEEDS_VERIFICATION
    return DeferralReason.OTHER
