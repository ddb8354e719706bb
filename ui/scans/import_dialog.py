"""The lead imports a book's scanned pages: files or a folder, in page order.

The files are read and checked beside the window, with a progress bar
(``app.scans.importing.prepare``: no database, so nothing is locked while
a stick is read), then numbered and added to the book in one writer's
transaction (``record``). The dialog then says what became of each file:
the pages added, each file refused and why, and the book's scanned pages
against the pages the inventory expects of it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Signal, Slot
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.access.roles import NotAllowed
from app.keying.lists import BookProgress
from app.scans.images import SUFFIXES
from app.scans.importing import (
    ImportReport,
    Prepared,
    ScanImportError,
    page_ranges,
    prepare,
    record,
)
from app.scans.pages import scan_count
from app.scans.store import ScanStore
from app.system.paths import scans_dir
from ui.context import StationContext
from ui.file_dialogs import existing_folder, file_dialog, starting_folder
from ui.job_dialog import JobDialog
from ui.models.books import book_label
from ui.operations import FAILED, Operations
from ui.screen_fit import fit_to_screen
from ui.status_line import StatusLine


class ImportScansDialog(JobDialog):
    """``imported``: pages were added to the book."""

    imported = Signal()

    def __init__(
        self, context: StationContext, book: BookProgress, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context, self.book = context, book
        self.setWindowTitle(self.tr("Scanned pages of a book"))
        self.store = ScanStore(scans_dir(context.db.data_dir))
        self.status = StatusLine("status")
        self.operations = Operations(self, context, say=self.status.failed)
        heading = QLabel(book_label(book.kind, book.volume, book.year, book.office))
        heading.setStyleSheet("font-size: 14px; font-weight: bold;")
        self.count = QLabel()
        self.count.setObjectName("page_count")
        self.first_page = QSpinBox()
        self.first_page.setObjectName("first_page")
        self.first_page.setRange(0, 99_999)
        self.first_page.setSpecialValueText(self.tr("after the book's last page"))
        form = QFormLayout()
        form.addRow(self.tr("Number the first page imported"), self.first_page)
        self.files_button = QPushButton(self.tr("Choose files…"))
        self.files_button.setObjectName("choose_files")
        self.files_button.clicked.connect(self.choose_files)
        self.folder_button = QPushButton(self.tr("Choose a folder…"))
        self.folder_button.setObjectName("choose_folder")
        self.folder_button.clicked.connect(self.choose_folder)
        choose = QHBoxLayout()
        choose.addWidget(self.files_button)
        choose.addWidget(self.folder_button)
        choose.addStretch(1)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.hide()
        self.refused = QListWidget()
        self.refused.setObjectName("refused")
        self.refused.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.count)
        layout.addLayout(form)
        layout.addLayout(choose)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        # The list of files refused takes the room when it is shown; until
        # then the rest stays together at the top.
        layout.addWidget(self.refused, 100)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(760, 420)
        fit_to_screen(self, share=0.6)
        self._show_count()
        self.files_button.setFocus()

    def _show_count(self) -> None:
        book_id = self.book.book_id
        count = self.operations.read(lambda session: scan_count(session, book_id))
        if count is not FAILED:
            self.count.setText(self._count_text(count.scanned, count.expected))

    def _count_text(self, scanned: int, expected: int | None) -> str:
        locale = QLocale()
        if expected is None:
            return self.tr("{scanned} pages scanned; the inventory does not say how many").format(
                scanned=locale.toString(scanned)
            )
        return self.tr("{scanned} pages scanned of the {expected} the inventory expects").format(
            scanned=locale.toString(scanned), expected=locale.toString(expected)
        )

    # Choosing

    @Slot()
    def choose_files(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in sorted(SUFFIXES))
        dialog = file_dialog(
            self,
            self.tr("The page images, in page order"),
            starting_folder(on_a_stick=True),
            [self.tr("Page images ({patterns})").format(patterns=patterns)],
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        if dialog.exec():
            self.start([Path(name) for name in dialog.selectedFiles()])

    @Slot()
    def choose_folder(self) -> None:
        folder = existing_folder(self, self.tr("The folder of the book's page images"))
        if folder is not None:
            self.start([folder])

    # Importing

    def start(self, paths: list[Path]) -> None:
        """Read and check ``paths`` beside the window, then add their pages."""
        store = self.store
        self._busy(True)
        self.status.say(self.tr("Reading the page images…"))
        self.refused.clear()
        self.refused.hide()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.job = self.operations.in_background(
            lambda progress: prepare(store, paths, progress),
            done=self._prepared,
            label=self.tr("Importing scanned pages"),
            progress=self._progressed,
            ended=self._ended,
        )

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _ended(self) -> None:
        self.job = None
        self._busy(False)

    def _busy(self, busy: bool) -> None:
        for widget in (self.files_button, self.folder_button, self.first_page):
            widget.setEnabled(not busy)

    def _prepared(self, prepared: Prepared) -> None:
        book_id, lead, clock = self.book.book_id, self.context.user, self.context.clock
        first = self.first_page.value() or None
        report = self.operations.write(
            lambda session: record(session, clock, lead, book_id, prepared, first_page=first),
            refusals={
                NotAllowed: lambda _: self.tr("Only the team lead imports a book's scans."),
                ScanImportError: lambda _: self.tr(
                    "The book is no longer in the inventory, or the first page is not a number"
                    " of 1 or more: nothing was imported."
                ),
            },
        )
        self.progress.hide()
        if report is FAILED:
            return
        self.show_report(report)
        if report.added:
            self.imported.emit()

    def show_report(self, report: ImportReport) -> None:
        """The pages added, each file refused with its reason, the count."""
        locale = QLocale()
        if report.added:
            added = self.tr("{count} pages added: pages {pages}.").format(
                count=locale.toString(len(report.added)), pages=page_ranges(report.added)
            )
        else:
            added = self.tr("No page was added.")
        if report.refused:
            added += " " + self.tr("{count} refused (below).").format(
                count=locale.toString(len(report.refused))
            )
        if report.left_empty:
            added += " " + self.tr(
                "Pages {pages} are left without a scan: import each mended file on its own,"
                " numbering its first page as that page."
            ).format(pages=page_ranges(report.left_empty))
        over = report.over
        if over:
            added += " " + self.tr(
                "The book now has {over} pages more than the inventory expects:"
                " check that they are its own."
            ).format(over=locale.toString(over))
        if over or report.refused:
            self.status.failed(added)
        else:
            self.status.succeeded(added)
        self.count.setText(self._count_text(report.pages, report.expected))
        language = "vi" if self.context.language == "vi" else "en"
        for refusal in report.refused:
            self.refused.addItem(f"{refusal.source}: {refusal.message(language)}")
        self.refused.setVisible(bool(report.refused))
