"""What the checks across entries found, for the lead to decide one by one.

The lead opens it from the dashboard (Ctrl+L). Each open finding is a row:
what was found in plain words, the book, the entries concerned and when it
was found. Ctrl+R runs a pass now, beside the window, and says how many are
new. Ctrl+S resolves the chosen finding (the entries were corrected),
Ctrl+D dismisses it (nothing is wrong, e.g. two different people); both ask
why, and the reason is kept with the decision. Enter opens the finding's
first entry in the keying form; Ctrl+T shows its scanned page over the list.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QLocale, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.access.roles import NotAllowed
from app.db.models import FindingState
from app.quality.check_kinds import (
    DatesOutOfOrderDetail,
    IncompleteDetail,
    NumberRepeatedDetail,
    NumberSkippedDetail,
    PossibleDuplicateDetail,
    UnknownPlaceDetail,
    read_detail,
)
from app.quality.checks import CheckPass, FindingError, decide, run_checks
from app.quality.open_findings import ListedFinding, listed_findings
from app.specs import spec_for
from app.values.dates import PartialDate
from ui.context import StationContext
from ui.job_dialog import JobDialog
from ui.models.books import book_label, entry_label
from ui.models.rows import Column, RowTableModel, row_table
from ui.moments import local_moment
from ui.operations import FAILED, Operations
from ui.scans.page_dialog import PageDialog
from ui.screen_fit import fit_to_screen
from ui.status_line import StatusLine, with_detail
from ui.styles import FAILURE_STYLE


class ReasonDialog(QDialog):
    """Why the lead decides a finding so: required, for it is kept with the
    decision for whoever checks it later. Enter confirms, Escape cancels."""

    def __init__(self, title: str, finding: str, question: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        summary = QLabel(finding)
        summary.setWordWrap(True)
        self.edit = QLineEdit()
        self.edit.setObjectName("reason")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(FAILURE_STYLE)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(QLabel(question))
        layout.addWidget(self.edit)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_to_screen(self)
        self.edit.setFocus()

    def reason(self) -> str:
        return self.edit.text().strip()

    def accept(self) -> None:
        if not self.reason():
            self.message.setText(
                self.tr(
                    "Write the reason first: it is kept with the decision, so that"
                    " whoever checks it later knows why."
                )
            )
            self.edit.setFocus()
            return
        super().accept()


class FindingsDialog(JobDialog):
    """The open findings of the checks across entries. ``entry_chosen`` asks
    the window to open an entry in the form."""

    entry_chosen = Signal(int)

    def __init__(
        self,
        context: StationContext,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.language = context.language
        self.setWindowTitle(self.tr("Checks across entries"))
        self.count_line = QLabel()
        self.count_line.setObjectName("count")
        self.findings: RowTableModel[ListedFinding] = RowTableModel(self._columns())
        self.table = row_table(self.findings, "findings")
        self.table.activated.connect(lambda index: self.choose(index.row()))
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setRange(0, 0)  # a pass does not say how far it is
        self.progress.hide()
        self.status = StatusLine("status", selectable=True)
        self.operations = Operations(self, context, say=self.status.failed)
        row = QHBoxLayout()
        self.action_buttons: list[QPushButton] = []
        for label, name, key, slot in (
            (self.tr("Run the checks now (Ctrl+R)"), "run_checks", "Ctrl+R", self.run_checks),
            (self.tr("Resolve… (Ctrl+S)"), "resolve", "Ctrl+S", self.resolve),
            (self.tr("Dismiss… (Ctrl+D)"), "dismiss", "Ctrl+D", self.dismiss),
            (self.tr("Open the entry (Enter)"), "open_entry", None, self.open_chosen),
            (self.tr("Its page (Ctrl+T)"), "show_page", "Ctrl+T", self.show_page),
        ):
            button = QPushButton(label)
            button.setObjectName(name)
            # Enter belongs to the list (it opens the entry), never to a button.
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.action_buttons.append(button)
            if key is not None:
                QShortcut(QKeySequence(key), self, slot)
        row.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count_line)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self.resize(1100, 560)
        fit_to_screen(self, share=0.9)
        self.refresh()

    def _columns(self) -> list[Column[ListedFinding]]:
        return [
            Column(self.tr("What was found"), self.what, tooltip=self.more),
            Column(self.tr("Found on"), lambda f: local_moment(f.found_at)),
            Column(self.tr("Entries"), self.entries),
            Column(self.tr("Book"), self.books),
        ]

    # What a finding says, check by check

    def what(self, finding: ListedFinding) -> str:
        """What was found, in plain words; a check this window does not know
        yet is shown by its name."""
        detail = read_detail(finding.check, finding.detail)
        percent = QLocale().toString
        match detail:
            case PossibleDuplicateDetail(score=score):
                return self.tr("Possible duplicate: {score}%").format(
                    score=percent(100 * score, "f", 0)
                )
            case NumberRepeatedDetail(year=year, number=number):
                return self.tr("No. {number} of {year} keyed {count} times").format(
                    number=number, year=year, count=len(finding.entries)
                )
            case NumberSkippedDetail(year=year, first=first, last=last) if first == last:
                return self.tr("No. {number} of {year} skipped").format(number=first, year=year)
            case NumberSkippedDetail(year=year, first=first, last=last):
                return self.tr("Nos. {first}–{last} of {year} skipped").format(
                    first=first, last=last, year=year
                )
            case DatesOutOfOrderDetail(numbers=(before, after), dates=dates):
                before_date, after_date = (PartialDate.from_iso(d).display() for d in dates)
                return self.tr(
                    "No. {after} registered on {after_date}, before no. {before} ({before_date})"
                ).format(after=after, after_date=after_date, before=before, before_date=before_date)
            case IncompleteDetail(score=score, missing=missing):
                return self.tr(
                    "Only {percent}% read from the book: {count} field(s) not read"
                ).format(percent=percent(100 * score, "f", 0), count=len(missing))
            case UnknownPlaceDetail(places=places):
                return self.tr("Not a place of the gazetteer: {places}").format(
                    places="; ".join(
                        f"{label} “{value}”"
                        for label, value in self._labelled(finding, places.items())
                    )
                )
        return finding.check

    @staticmethod
    def books(finding: ListedFinding) -> str:
        """The books of the entries, each as found on the shelf."""
        return "; ".join(book_label(b.kind, b.volume, b.year, b.office) for b in finding.books)

    def entries(self, finding: ListedFinding) -> str:
        return "; ".join(
            self.tr("no. {number}: {title}").format(number=e.number or "?", title=e.title or "…")
            for e in finding.entries
        )

    def more(self, finding: ListedFinding) -> str:
        """What a finding says beyond its line: the fields an entry lacks."""
        detail = read_detail(finding.check, finding.detail)
        if not isinstance(detail, IncompleteDetail):
            return ""
        return self.tr("Not read: {fields}").format(
            fields=", ".join(
                label for label, _ in self._labelled(finding, ((k, k) for k in detail.missing))
            )
        )

    def _labelled(
        self, finding: ListedFinding, pairs: Iterable[tuple[str, str]]
    ) -> list[tuple[str, str]]:
        """Each (field key, value) as (the field's full label, value), for
        the fields the book's kind has."""
        fields = {f.key: f for f in spec_for(finding.books[0].kind).fields}
        return [
            (fields[key].full_label.get(self.language), value)
            for key, value in pairs
            if key in fields
        ]

    # What is shown

    def refresh(self) -> None:
        """The open findings as stored now; the same row stays chosen."""
        chosen = self._chosen_row()
        listed = self.operations.read(listed_findings)
        if listed is FAILED:
            return
        self.findings.set_rows(listed)
        count = self.findings.rowCount()
        if count:
            self.count_line.setText(
                self.tr("{count} finding(s) wait for a decision.").format(
                    count=QLocale().toString(count)
                )
            )
            self.table.selectRow(min(chosen or 0, count - 1))
        else:
            self.count_line.setText(
                self.tr("No finding waits for a decision. Ctrl+R runs the checks again.")
            )
        self.table.setFocus()

    def _chosen_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _chosen(self) -> ListedFinding | None:
        row = self._chosen_row()
        return None if row is None else self.findings.row_at(row)

    # Running the checks

    @Slot()
    def run_checks(self) -> None:
        """A pass of every check now, beside the window: across a campaign's
        entries it takes a while, and the window keeps answering meanwhile."""
        if self.job is not None:
            return
        sessions, clock = self.context.db.sessions, self.context.clock
        self._busy(True)
        self.status.say(self.tr("Checking every entry…"))
        self.job = self.operations.in_background(
            lambda progress: run_checks(sessions, clock),
            done=self._checked,
            label=self.tr("Checking every entry…"),
            # The window's own bar shows the pass runs; it does not say how far.
            progress=lambda done, total: None,
            ended=self._finished,
        )

    def _busy(self, busy: bool) -> None:
        """While a pass runs nothing is decided, nor is the window closed."""
        self.progress.setVisible(busy)
        for widget in (*self.action_buttons, self.buttons):
            widget.setEnabled(not busy)

    def _checked(self, result: CheckPass) -> None:
        locale = QLocale()
        self.status.succeeded(
            self.tr("The checks found {new} new finding(s); {open} wait for a decision.").format(
                new=locale.toString(result.new), open=locale.toString(result.open)
            )
        )

    def _finished(self) -> None:
        self.job = None
        self._busy(False)
        self.refresh()

    # Deciding

    @Slot()
    def resolve(self) -> None:
        """The entries were corrected: the finding is closed, with what was done."""
        self._decide(
            FindingState.RESOLVED,
            self.tr("Resolve the finding"),
            self.tr("What was corrected?"),
        )

    @Slot()
    def dismiss(self) -> None:
        """Nothing is wrong (two different people, a number the book skips)."""
        self._decide(
            FindingState.DISMISSED,
            self.tr("Dismiss the finding"),
            self.tr("Why is this not a problem (e.g. two different people)?"),
        )

    def _decide(self, state: FindingState, title: str, question: str) -> None:
        finding = self._chosen()
        if finding is None or self.job is not None:
            return
        summary = "\n".join((self.what(finding), self.books(finding), self.entries(finding)))
        dialog = ReasonDialog(title, summary, question, self)
        if not dialog.exec():
            return
        reason, lead, clock = dialog.reason(), self.context.user, self.context.clock
        decided = self.operations.write(
            lambda session: decide(session, finding.id, state, reason, lead, clock),
            refusals={
                NotAllowed: lambda error: with_detail(
                    self.tr("Only a team lead decides on a finding."), error
                ),
                FindingError: lambda error: with_detail(
                    self.tr("The finding was not decided."), error
                ),
            },
        )
        self.refresh()
        if decided is FAILED:
            return
        if state is FindingState.RESOLVED:
            self.status.succeeded(self.tr("Resolved; the reason is kept."))
        else:
            self.status.succeeded(self.tr("Dismissed; the reason is kept."))

    # Opening an entry

    @Slot()
    def open_chosen(self) -> None:
        row = self._chosen_row()
        if row is not None:
            self.choose(row)

    @Slot()
    def show_page(self) -> None:
        """The scanned page of the finding's entries, in a window over the list."""
        finding = self._chosen()
        if finding is None or not finding.entries:
            return
        entries = [
            (entry_label(e.book.kind, e.book.volume, e.book.year, e.book.office, e.number), e.id)
            for e in finding.entries
        ]
        PageDialog(self.context, entries, self).exec()

    def choose(self, row: int) -> None:
        """Open the finding's first entry in the form, and close."""
        finding = self.findings.row_at(row)
        if not finding.entries or self.job is not None:
            return
        self.entry_chosen.emit(finding.entries[0].id)
        self.accept()
