"""A clerk's second keying: an entry someone else keyed, keyed again blind.

F11 in the main window. The form of the entry's book opens empty but for
the entry's number and what any new entry starts with (the defaults, the
book's office): the clerk keys what the book says, as for any entry, and
F10 hands it in. The values of the first keying are never shown. If
the two agree the entry is verified; if not, the lead will decide, and the
clerk is told only that. The next entry waiting follows at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from app.db.models import Verification
from app.keying.start import display_value
from app.quality.verification import blind_form, blind_start, key_again, take_next
from app.specs import spec_for
from app.system.clock import local_today
from ui.context import StationContext
from ui.form.entry_form import EntryForm
from ui.styles import FAILURE_STYLE, SUCCESS_STYLE


class SecondKeyingDialog(QDialog):
    keyed = Signal()

    def __init__(
        self,
        context: StationContext,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.db = context.db
        self.clerk = context.user
        self.clock = context.clock
        self.language = context.language
        self.verification_id: int | None = None
        self.form: EntryForm | None = None
        self.setWindowTitle(self.tr("Second keying"))
        self.resize(1100, 760)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setStyleSheet("font-size: 14px; font-weight: bold;")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.hand_in = QPushButton(self.tr("Hand in (F10)"))
        self.hand_in.setObjectName("hand_in")
        self.hand_in.clicked.connect(self.submit)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.heading)
        self.layout_.addWidget(self.status)
        self.layout_.addWidget(self.hand_in, 0, Qt.AlignmentFlag.AlignRight)
        QShortcut(QKeySequence(Qt.Key.Key_F10), self, self.submit)
        self.show_next()

    def show_next(self) -> None:
        """The next entry waiting for a second keying that this clerk did not key."""
        if self.form is not None:
            self.form.deleteLater()
            self.form = None
        with self.db.sessions.begin() as session:
            verification = take_next(session, self.clerk)
            if verification is None:
                self.verification_id = None
                self.heading.setText(self.tr("No entry waits for a second keying."))
                self.hand_in.setEnabled(False)
                return
            self.verification_id = verification.id
            book, shown = blind_form(session, verification)
        spec = spec_for(book.kind)
        self.heading.setText(
            self.tr("Key again what the book says: {book} {volume}/{year}, no. {number}").format(
                book=spec.label.get(self.language),
                volume=book.volume,
                year=book.year,
                number=shown["number"].value if "number" in shown else "?",
            )
        )
        self.form = EntryForm(spec, self.language, lambda: local_today(self.clock))
        self.form.setObjectName("second_form")
        self.form.load(
            blind_start(book) | shown, lambda key, stored: display_value(book, key, stored)
        )
        for key in shown:
            self.form.editors[key].input.setEnabled(False)  # the reference, not keyed
        self.layout_.insertWidget(1, self.form, 1)
        self.hand_in.setEnabled(True)
        self.form.first_to_key().input.setFocus()

    @Slot()
    def submit(self) -> None:
        """Compare with the first keying; say only whether they agree."""
        if self.verification_id is None or self.form is None:
            return
        with self.db.sessions.begin() as session:
            verification = session.get_one(Verification, self.verification_id)
            outcome = key_again(session, verification, self.form.values(), self.clerk, self.clock)
        if not outcome.saved:
            self.form.refresh_findings(everywhere=True)
            self.status.setText(self.tr("Correct what is marked, then hand it in again."))
            self.status.setStyleSheet(FAILURE_STYLE)
            return
        if outcome.differences:
            self.status.setText(
                self.tr(
                    "Handed in. {count} field(s) differ from the first keying: the lead decides."
                ).format(count=len(outcome.differences))
            )
        else:
            self.status.setText(self.tr("Handed in. Both keyings agree: the entry is verified."))
        self.status.setStyleSheet(SUCCESS_STYLE)
        self.keyed.emit()
        self.show_next()
