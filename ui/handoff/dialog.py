"""A book handed over as the Ministry asks: the lead's window.

The lead picks a book (the finished ones first), sees what its hand-off
will hold and what it will leave out, chooses the folder (a stick's), and,
if the Ministry sent one, its Excel template. A book with entries deferred,
drafts, entries awaiting their second keying or pages not scanned is
handed over only once the lead has said yes to that. The workbook and the
zip are written beside the window with a progress bar, checked, and named:
the window then says how many rows and PDFs, and where.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.handoff.book import Assessment, Handoff, HandoffError, HandoffProblem, assess, make_handoff
from app.handoff.names import PatternError
from app.handoff.station import (
    BookToHand,
    NoSuchBook,
    books_to_hand,
    name_pattern,
    set_name_pattern,
    station_book,
)
from app.scans.store import ScanStore
from app.specs import BookKind
from app.system.paths import scans_dir
from ui.context import StationContext
from ui.file_dialogs import existing_folder, open_file_name
from ui.job_dialog import JobDialog
from ui.models.books import kind_label
from ui.models.rows import Column, RowTableModel, row_table
from ui.operations import FAILED, Operations, Progress, Refusals
from ui.screen_fit import fit_to_screen
from ui.status_line import StatusLine, with_detail


class HandoffDialog(JobDialog):
    def __init__(self, context: StationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store = ScanStore(scans_dir(context.db.data_dir))
        self.setWindowTitle(self.tr("Hand over a book"))
        self.setObjectName("handoff")
        self.status = StatusLine("status", selectable=True)
        self.operations = Operations(self, context, say=self.status.failed)
        self.assessment: Assessment | None = None

        self.books: RowTableModel[BookToHand] = RowTableModel(self._columns())
        self.table = row_table(self.books, "books")
        self.table.selectionModel().selectionChanged.connect(self.show_assessment)
        self.plan = QLabel()
        self.plan.setObjectName("plan")
        self.plan.setWordWrap(True)
        self.left_out = QLabel()
        self.left_out.setObjectName("left_out")
        self.left_out.setWordWrap(True)
        books_box = QGroupBox(self.tr("Books with entries done (finished books first)"))
        books_layout = QVBoxLayout(books_box)
        books_layout.addWidget(self.table, 1)
        books_layout.addWidget(self.plan)
        books_layout.addWidget(self.left_out)

        self.folder = QLineEdit()
        self.folder.setObjectName("folder")
        self.folder.setPlaceholderText(self.tr("The stick's folder, e.g. E:\\"))
        self.template = QLineEdit()
        self.template.setObjectName("template")
        self.template.setPlaceholderText(self.tr("None: Sohoa's own columns"))
        self.pattern = QLineEdit()
        self.pattern.setObjectName("pattern")
        self.pattern.setToolTip(
            self.tr(
                "How each entry's PDF is named. {kind_code}: KS, KH, KT or NCN; {year}: the"
                " entry's year; {volume}, {page}, {number}; also {book_year}, {station}, {uuid}."
            )
        )
        self.hand_button = QPushButton(self.tr("Hand over (Ctrl+Enter)"))
        self.hand_button.setObjectName("hand_over")
        self.hand_button.setDefault(True)
        self.hand_button.clicked.connect(self.hand_over)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.hide()
        files = QFormLayout()
        files.addRow(self.tr("Folder:"), self._row(self.folder, self.choose_folder, "folder"))
        files.addRow(
            self.tr("Ministry's template (optional):"),
            self._row(self.template, self.choose_template, "template"),
        )
        files.addRow(self.tr("PDF names:"), self.pattern)
        files_box = QGroupBox(self.tr("Where, and how"))
        files_layout = QVBoxLayout(files_box)
        files_layout.addLayout(files)
        files_layout.addWidget(self.hand_button)
        files_layout.addWidget(self.progress)
        files_layout.addWidget(self.status)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(books_box, 1)
        layout.addWidget(files_box)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.hand_over)
        fit_to_screen(self, share=0.75)
        self.refresh()

    def _row(self, line: QLineEdit, choose: Callable[[], None], name: str) -> QWidget:
        button = QPushButton(self.tr("Choose…"))
        button.setObjectName(f"choose_{name}")
        button.setAutoDefault(False)
        button.clicked.connect(choose)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(line, 1)
        layout.addWidget(button)
        return row

    def _columns(self) -> list[Column[BookToHand]]:
        locale = QLocale()
        return [
            Column(self.tr("Kind"), lambda b: kind_label(BookKind(b.kind))),
            Column(self.tr("Volume"), lambda b: b.volume),
            Column(self.tr("Year"), lambda b: str(b.year), numeric=True),
            Column(self.tr("Done"), lambda b: locale.toString(b.done), numeric=True),
            Column(self.tr("Deferred"), lambda b: locale.toString(b.deferred), numeric=True),
            Column(self.tr("Drafts"), lambda b: locale.toString(b.drafts), numeric=True),
            Column(
                self.tr("Pages scanned"), lambda b: locale.toString(b.scanned_pages), numeric=True
            ),
            Column(self.tr("Finished"), lambda b: self.tr("Yes") if b.finished else ""),
            Column(self.tr("Office"), lambda b: b.office),
        ]

    # What is shown

    def refresh(self) -> None:
        """The books, and the station's name pattern (once)."""
        found = self.operations.read(lambda s: (books_to_hand(s), name_pattern(s)))
        if found is FAILED:
            return
        books, pattern = found
        self.books.set_rows(books)
        if not self.pattern.text():
            self.pattern.setText(pattern)
        if books:
            self.table.selectRow(0)
        else:
            self.plan.setText(
                self.tr("No book has entries done yet: there is nothing to hand over.")
            )
        self.hand_button.setEnabled(bool(books))

    def chosen_book(self) -> BookToHand | None:
        rows = self.table.selectionModel().selectedRows()
        return self.books.row_at(rows[0].row()) if rows else None

    @Slot()
    def show_assessment(self) -> None:
        """What the chosen book's hand-off will hold, and what it will not."""
        book = self.chosen_book()
        self.assessment = None
        if book is None:
            return
        store = self.store
        found = self.operations.read(
            lambda session: assess(station_book(session, book.id, store))
        )  # fmt: skip
        if found is FAILED:
            return
        self.assessment = found
        locale = QLocale()
        self.plan.setText(
            self.tr(
                "The workbook will have {rows} rows, one per entry completed or verified;"
                " the zip {pdfs} PDFs, one per entry whose page is scanned."
            ).format(rows=locale.toString(len(found.handed)), pdfs=locale.toString(found.with_scan))
        )
        self.left_out.setText(self.left_out_text(found))
        self.left_out.setVisible(not found.whole)

    def left_out_text(self, assessment: Assessment) -> str:
        locale = QLocale()
        lines = []
        if assessment.not_handed:
            lines.append(
                self.tr(
                    "Not handed over: {deferred} deferred, {drafts} drafts, {waiting} awaiting"
                    " their second keying."
                ).format(
                    deferred=locale.toString(assessment.deferred),
                    drafts=locale.toString(assessment.drafts),
                    waiting=locale.toString(assessment.awaiting_verification),
                )
            )
        if assessment.without_scan:
            lines.append(
                self.tr("{count} entries will have no PDF: their page is not scanned.").format(
                    count=locale.toString(len(assessment.without_scan))
                )
            )
        return "\n".join(lines)

    # Choosing

    @Slot()
    def choose_folder(self) -> None:
        typed = Path(self.folder.text())
        offered = typed if self.folder.text() and typed.is_dir() else None
        folder = existing_folder(self, self.tr("The folder to hand the book over in"), offered)
        if folder is not None:
            self.folder.setText(str(folder))

    @Slot()
    def choose_template(self) -> None:
        path = open_file_name(
            self,
            self.tr("The Ministry's template"),
            [self.tr("Excel workbooks (*.xlsx)")],
            on_a_stick=True,
        )
        if path is not None:
            self.template.setText(str(path))

    # Handing over

    @Slot()
    def hand_over(self) -> None:
        """Write the chosen book's hand-off, asking first if it is not whole."""
        book = self.chosen_book()
        if self.job is not None or book is None or not self.hand_button.isEnabled():
            return
        if not self.folder.text().strip():
            self.status.failed(self.tr("Choose the folder first."))
            return
        template = Path(self.template.text().strip()) if self.template.text().strip() else None
        if template is not None and not template.is_file():
            self.status.failed(self.tr("There is no template at {path}.").format(path=template))
            return
        pattern = self._kept_pattern()
        if pattern is None:
            return
        if self.assessment is not None and not self.assessment.whole and not self.hand_anyway():
            return
        target = Path(self.folder.text().strip())
        self._busy(True)
        writing = self.tr("Handing the book over into {folder}…").format(folder=target)
        self.status.say(writing)
        self.job = self.operations.in_background(
            _hand_over(
                self.context, self.store, book.id, target, template, pattern, self.assessment
            ),
            done=self._succeeded,
            label=writing,
            refusals=self._refusals(),
            progress=self._progressed,
            ended=self._finished,
        )

    def _kept_pattern(self) -> str | None:
        """The pattern typed, kept as the station's when it changed; None when refused."""
        typed = self.pattern.text().strip()
        lead, clock = self.context.user, self.context.clock
        kept = self.operations.write(
            lambda session: (
                set_name_pattern(session, lead, typed, clock=clock)
                if typed != name_pattern(session)
                else typed
            ),
            refusals={
                PatternError: lambda error: with_detail(
                    self.tr("The PDF names cannot be made from this pattern."), error
                )
            },
        )
        if kept is FAILED:
            return None
        self.pattern.setText(kept)
        return kept

    def hand_anyway(self) -> bool:
        """Ask before handing over a book that is not whole; True to go on."""
        assert self.assessment is not None
        question = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Hand over a book that is not whole?"),
            self.left_out_text(self.assessment),
            parent=self,
        )
        question.setObjectName("not_whole_question")
        anyway = question.addButton(
            self.tr("Hand it over anyway"), QMessageBox.ButtonRole.AcceptRole
        )  # fmt: skip
        anyway.setObjectName("anyway")
        wait = question.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        wait.setObjectName("not_now")
        question.setDefaultButton(wait)
        question.setEscapeButton(wait)
        question.exec()
        return question.clickedButton() is anyway

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        for widget in (
            self.table, self.folder, self.template, self.pattern, self.hand_button, self.buttons,
        ):  # fmt: skip
            widget.setEnabled(not busy)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _succeeded(self, made: Handoff) -> None:
        locale = QLocale()
        lines = [
            self.tr("{path}: {rows} rows, one per entry handed.").format(
                path=made.workbook, rows=locale.toString(made.rows)
            )
        ]
        if made.archive is not None:
            lines.append(
                self.tr("{path}: {pdfs} PDFs, each checked to open.").format(
                    path=made.archive, pdfs=locale.toString(made.pdfs)
                )
            )
        else:
            lines.append(self.tr("No zip: no page of the book is scanned."))
        if made.unfilled:
            lines.append(
                self.tr("Columns of the template left empty: {headers}.").format(
                    headers="; ".join(made.unfilled)
                )
            )
        if made.renamed:
            lines.append(
                self.tr("{count} PDF names were taken twice: a suffix was added ({example}).")
                .format(count=locale.toString(len(made.renamed)), example=made.renamed[0].given)
            )  # fmt: skip
        self.status.succeeded("\n".join(lines))

    def _finished(self) -> None:
        self.job = None
        self._busy(False)

    def _refusals(self) -> Refusals:
        return {
            HandoffError: lambda error: with_detail(self._problem(error.problem), error),
            NoSuchBook: lambda error: self.tr("This book is no longer on the station."),
            BookChanged: lambda error: self.tr(
                "The book changed since it was shown (an entry keyed, deferred or drawn for"
                " second keying): nothing was written. Look at it again, then hand it over."
            ),
        }

    def _problem(self, problem: HandoffProblem) -> str:
        return {
            HandoffProblem.NOTHING_HANDED: self.tr(
                "No entry of this book is completed or verified: there is nothing to hand over."
            ),
            HandoffProblem.NO_FOLDER: self.tr("The folder is not there: is the stick plugged in?"),
            HandoffProblem.PATTERN: self.tr("The PDF names cannot be made from this pattern."),
            HandoffProblem.TEMPLATE: self.tr("The template cannot be read as an Excel workbook."),
            HandoffProblem.COLUMNS: self.tr(
                "The columns file of this kind of book is damaged: tell whoever installed Sohoa."
            ),
            HandoffProblem.PAGE_MISSING: self.tr(
                "A scanned page of the book is missing or damaged in the station's data:"
                " nothing was written. Import the page again."
            ),
            HandoffProblem.CHECK_FAILED: self.tr(
                "The files did not read back whole: nothing was written. Try another stick."
            ),
        }[problem]


class BookChanged(RuntimeError):
    """The book is no longer as the lead saw it when they chose to hand it over."""


def _hand_over(
    context: StationContext,
    store: ScanStore,
    book_id: int,
    target: Path,
    template: Path | None,
    pattern: str,
    approved: Assessment | None,
) -> Callable[[Progress], Handoff]:
    """The book read in a session of its own, then handed over holding none,
    as the lead approved it: what it holds and leaves out unchanged since."""
    sessions = context.db.sessions
    clock = context.clock

    def work(progress: Progress) -> Handoff:
        with sessions() as session:
            source = station_book(session, book_id, store)
        now = assess(source)
        if approved is not None and _seen(now) != _seen(approved):
            raise BookChanged(f"book {book_id} changed since it was assessed")
        return make_handoff(
            source, target, template=template, pattern=pattern, clock=clock, progress=progress,
            assessment=now,
        )  # fmt: skip

    return work


def _seen(assessment: Assessment) -> tuple[object, ...]:
    """What the lead was shown of a book's hand-off, to compare."""
    return (
        [entry.uuid for entry in assessment.handed],
        [entry.uuid for entry in assessment.without_scan],
        assessment.deferred,
        assessment.drafts,
        assessment.awaiting_verification,
    )
