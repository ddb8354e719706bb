"""A clerk's second keying: an entry someone else keyed, keyed again blind.

F11 in the main window. The form of the entry's book opens empty but for
the entry's number and what any new entry starts with (the defaults, the
book's office): the clerk keys what the book says, as for any entry, and
F10 hands it in. The values of the first keying are never shown. If
the two agree the entry is verified; if not, the lead will decide, and the
clerk is told only that. The next entry waiting follows at once. Escape
with typing on the form asks before it is thrown away. For a scanned book,
the entry's page is beside the form, with the page's keys (ui/scans/).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from app.entries.field_values import display_value
from app.keying.start import start_field
from app.quality.second_keying import hand_in, next_blind_keying
from app.rules import FieldValue
from app.specs import BookKind, spec_for
from app.work import settings
from ui.context import StationContext
from ui.form.entry_form import EntryForm
from ui.models.books import entry_label
from ui.operations import FAILED, Operations
from ui.quality.leaving import leave_anyway
from ui.scans.beside import PageBeside, form_beside_page
from ui.screen_fit import fit_to_screen
from ui.status_line import StatusLine


class SecondKeyingDialog(QDialog):
    def __init__(
        self,
        context: StationContext,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.language = context.language
        self.verification_id: int | None = None
        self.form: EntryForm | None = None
        self.started: dict[str, FieldValue] = {}  # what the form showed before any typing
        self.setWindowTitle(self.tr("Second keying"))
        fit_to_screen(self, share=1.0)  # the whole form, as in the keying tab
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setStyleSheet("font-size: 14px; font-weight: bold;")
        self.status = StatusLine("status")
        self.operations = Operations(self, context, say=self.status.failed)
        self.hand_in = QPushButton(self.tr("Hand in (F10)"))
        self.hand_in.setObjectName("hand_in")
        self.hand_in.clicked.connect(self.submit)
        self.form_box = QWidget()
        self.form_column = QVBoxLayout(self.form_box)
        self.form_column.setContentsMargins(0, 0, 0, 0)
        self.page = PageBeside(context, self.form_box, "second_keying", form_beside_page)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.heading)
        self.layout_.addWidget(self.page.split, 1)
        self.layout_.addWidget(self.status)
        self.layout_.addWidget(self.hand_in, 0, Qt.AlignmentFlag.AlignRight)
        QShortcut(QKeySequence(Qt.Key.Key_F10), self, self.submit)
        self.show_next()

    def show_next(self) -> None:
        """The next entry waiting for a second keying that this clerk did not key."""
        if self.form is not None:
            self.form.deleteLater()
            self.form = None
        clerk = self.context.user
        blind = self.operations.write(lambda session: next_blind_keying(session, clerk))
        if blind is FAILED or blind is None:
            self.verification_id = None
            self.page.show_verification(None)
            self.hand_in.setEnabled(False)
            if blind is None:
                self.heading.setText(self.tr("No entry waits for a second keying."))
            return
        self.verification_id = blind.verification_id
        book = blind.book
        spec = spec_for(book.kind)
        self.heading.setText(
            self.tr("Key again what the book says: {entry}").format(
                entry=entry_label(
                    BookKind(book.kind), book.volume, book.year, book.office, blind.number
                )
            )
        )
        self.form = EntryForm(spec, self.language, self.context.today)
        self.form.setObjectName("second_form")
        # Places suggested as in the first keying: the station's own first,
        # then those of the book's year.
        locality = self.operations.read(settings.locality)
        self.form.set_book_context(None if locality is FAILED else locality, book.year)
        self.form.load(blind.start, lambda key, stored: display_value(book, key, stored))
        for key in blind.reference:
            self.form.editors[key].input.setEnabled(False)  # the reference, not keyed
        self.started = self.form.values()
        self.form_column.addWidget(self.form)
        self.page.show_verification(blind.verification_id)
        self.hand_in.setEnabled(True)
        # Nothing is carried into a blind keying: it starts on the first
        # empty field of the book's order (the page, the date), not past them.
        self.form.focus(start_field(spec, self.form.values(), after_previous=False))

    def typed(self) -> bool:
        """The clerk typed into the form what is not handed in yet."""
        return self.form is not None and self.form.values() != self.started

    def reject(self) -> None:
        """Escape, Close: asked first when typing would be thrown away."""
        if self.typed() and not leave_anyway(
            self,
            self.tr("What you typed in this entry is not handed in: it will be lost."),
        ):
            return
        super().reject()

    @Slot()
    def submit(self) -> None:
        """Compare with the first keying; say only whether they agree."""
        if self.verification_id is None or self.form is None:
            return
        verification_id, values = self.verification_id, self.form.values()
        clerk, clock = self.context.user, self.context.clock
        outcome = self.operations.write(
            lambda session: hand_in(session, verification_id, values, clerk, clock)
        )
        if outcome is FAILED:
            return
        if not outcome.saved:
            self.form.refresh_findings(everywhere=True)
            self.status.failed(self.tr("Correct what is marked, then hand it in again."))
            return
        if outcome.differences:
            self.status.succeeded(
                self.tr(
                    "Handed in. {count} field(s) differ from the first keying: the lead decides."
                ).format(count=len(outcome.differences))
            )
        else:
            self.status.succeeded(self.tr("Handed in. Both keyings agree: the entry is verified."))
        self.show_next()
