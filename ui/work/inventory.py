"""The lead's inventory: register a book from the keyboard, or import a list.

Enter registers the book in the form; the kind, office, year and condition
stay for the next one, so a shelf of volumes is typed volume by volume. Esc
closes. ``books_changed`` tells the window to refresh its queue.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from app.db.models import BookCondition
from app.specs import BookKind
from app.work.inventory import BookRefused, ImportResult, import_books, register_book
from app.work.inventory_problems import Problem
from ui.context import StationContext
from ui.file_dialogs import open_file_name
from ui.models.books import condition_label, kind_label
from ui.operations import FAILED, Operations
from ui.screen_fit import fit_to_screen
from ui.styles import FAILURE_STYLE


class InventoryDialog(QDialog):
    """Register the books to key: one from the form, or a .csv/.xlsx list."""

    books_changed = Signal()

    def __init__(self, context: StationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.language = context.language
        self.setWindowTitle(self.tr("Books to key"))
        self.kind = QComboBox()
        for number, kind in enumerate(BookKind, start=1):
            self.kind.addItem(f"{number} · {kind_label(kind)}", kind.value)
        self.office = QLineEdit(context.station().office)
        self.volume = QLineEdit()
        self.year = QLineEdit()
        self.pages = QLineEdit()
        self.expected_entries = QLineEdit()
        self.condition = QComboBox()
        for number, condition in enumerate(BookCondition, start=1):
            self.condition.addItem(f"{number} · {condition_label(condition)}", condition.value)
        self.outcome = QLabel()
        self.outcome.setObjectName("outcome")
        self.outcome.setWordWrap(True)
        self.bad_rows = QPlainTextEdit()
        self.bad_rows.setObjectName("bad_rows")
        self.bad_rows.setReadOnly(True)
        self.bad_rows.setMinimumHeight(160)
        self.bad_rows.hide()
        self.operations = Operations(self, context, say=lambda text: self._say(text, failed=True))
        form = QFormLayout(self)
        for label, widget, key in (
            (self.tr("Kind"), self.kind, "kind"),
            (self.tr("Office"), self.office, "office"),
            (self.tr("Volume"), self.volume, "volume"),
            (self.tr("Year"), self.year, "year"),
            (self.tr("Pages"), self.pages, "pages"),
            (self.tr("Expected entries"), self.expected_entries, "expected_entries"),
            (self.tr("Condition"), self.condition, "condition"),
        ):
            widget.setObjectName(key)  # the detail's key: what a problem names
            form.addRow(label, widget)
        form.addRow(self.outcome)
        form.addRow(self.bad_rows)
        form.addRow(self._buttons())
        # Enter, from any field. Set only now that the button is in the dialog:
        # set before, the dialog would not know it and make Close its default.
        self.register_button.setDefault(True)
        self.setMinimumWidth(560)
        fit_to_screen(self)
        self.kind.setFocus()

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.register_button = QPushButton(self.tr("Register the book"))
        self.register_button.setObjectName("register")
        self.register_button.clicked.connect(self.register)
        choose = QPushButton(self.tr("Import from file…"))
        choose.setObjectName("import")
        choose.clicked.connect(self.choose_file)
        buttons.addButton(self.register_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(choose, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        return buttons

    @Slot()
    def register(self) -> None:
        """Register the book of the form; keep what the next book shares."""
        lead, clock = self.context.user, self.context.clock
        details = {
            "kind": self.kind.currentData(),
            "office": self.office.text(),
            "volume": self.volume.text(),
            "year": self.year.text(),
            "pages": self.pages.text(),
            "expected_entries": self.expected_entries.text(),
            "condition": self.condition.currentData(),
        }
        book = self.operations.write(
            lambda session: register_book(session, lead, **details, clock=clock),
            refusals={BookRefused: self._refused},
        )
        if book is FAILED:
            return
        self._say(
            self.tr("Registered: {kind}, volume {volume} of {year}, {office}.").format(
                kind=kind_label(BookKind(book.kind)),
                volume=book.volume,
                year=book.year,
                office=book.office,
            )
        )
        for field in (self.volume, self.pages, self.expected_entries):
            field.clear()
        self.volume.setFocus()
        self.books_changed.emit()

    @Slot()
    def choose_file(self) -> None:
        path = open_file_name(
            self,
            self.tr("Import books"),
            [self.tr("Lists of books (*.csv *.xlsx)")],
            on_a_stick=True,
        )
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> ImportResult | None:
        """Import the books listed in ``path``; None when nothing could be written."""
        lead, clock = self.context.user, self.context.clock
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = self.operations.write(
                lambda session: import_books(session, lead, path, clock=clock)
            )
        finally:
            QApplication.restoreOverrideCursor()
        if result is FAILED:
            return None
        if not result.ok:
            self._say(
                self.tr(
                    "Nothing registered: correct these rows of {file} and import it again."
                ).format(file=path.name),
                failed=True,
            )
            self.bad_rows.setPlainText("\n".join(self._problem_line(p) for p in result.problems))
            self.bad_rows.show()
            return result
        said = self.tr("{registered} book(s) registered, {skipped} already registered.").format(
            registered=QLocale().toString(result.registered),
            skipped=QLocale().toString(len(result.skipped)),
        )
        if result.ignored_columns:
            said += " " + self.tr("Columns left out: {columns}.").format(
                columns=", ".join(result.ignored_columns)
            )
        self._say(said)
        if result.registered:
            self.books_changed.emit()
        return result

    def _problem_line(self, problem: Problem) -> str:
        message = problem.message(self.language)
        if problem.row is None:
            return message
        return self.tr("Row {row}: {message}").format(row=problem.row, message=message)

    def _refused(self, refused: BookRefused) -> str:
        """What is wrong with the book, said field by field; the cursor goes
        to the first field named, to correct it."""
        first = refused.problems[0].field
        if first is not None:
            field = self.findChild(QWidget, first)
            assert field is not None  # a problem names a field of this dialog
            field.setFocus()
        return "\n".join(p.message(self.language) for p in refused.problems)

    def _say(self, message: str, *, failed: bool = False) -> None:
        self.outcome.setText(message)
        self.outcome.setStyleSheet(FAILURE_STYLE if failed else "")
        self.bad_rows.hide()
