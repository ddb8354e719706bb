"""One station opened from the centre's tables: its books, its days, its
clerks' keying errors and its batches (app.centre.station_detail). Esc
goes back to the province; Ctrl+1…4 switch its tabs, as in the window.

The books, days and clerks are as the station's newest summary says;
the batches are what the centre received. A station that never sent a
batch has neither, and the window says so.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.batch.summary import BookState, SummaryBook
from app.centre.report import StationLine
from app.centre.station_detail import BatchReceived, ShiftWork, StationDetail
from app.centre.status import ClerkErrors
from app.specs import BookKind
from ui.centre.charts import StationDaysChart
from ui.centre.figures import commune, day, decimal, number, percent, state
from ui.centre.sorting import SortedTable
from ui.models.books import kind_label
from ui.models.rows import Column
from ui.moments import local_moment
from ui.screen_fit import fit_to_screen


class StationDialog(QDialog):
    def __init__(self, line: StationLine, detail: StationDetail, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("station_detail")
        self.detail = detail
        place = ", ".join(filter(None, (commune(line), line.progress.district)))
        self.setWindowTitle(
            self.tr("Station {code}").format(code=detail.station) + (f" — {place}" if place else "")
        )
        self.headline = QLabel(self._headline(line))
        self.headline.setObjectName("station_headline")
        self.headline.setWordWrap(True)
        self.books: SortedTable[SummaryBook] = SortedTable(
            self._book_columns(), "station_books", key=_book_key
        )
        self.days_chart = StationDaysChart()
        self.work: SortedTable[ShiftWork] = SortedTable(
            self._work_columns(), "station_days", key=lambda w: (w.day, w.shift, w.clerk)
        )
        self.clerks: SortedTable[ClerkErrors] = SortedTable(
            self._clerk_columns(), "station_clerks", key=lambda c: c.clerk
        )
        self.batches: SortedTable[BatchReceived] = SortedTable(
            self._batch_columns(), "station_batches", key=lambda b: (b.sequence, b.received_at)
        )
        self.books.set_rows(detail.books)
        self.days_chart.show(detail.days)
        self.work.set_rows(detail.work)
        self.clerks.set_rows(detail.clerks)
        self.batches.set_rows(detail.batches)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.books.view, self.tr("Books (Ctrl+1)"))
        days = QWidget()
        days_layout = QVBoxLayout(days)
        days_layout.addWidget(self.days_chart.widget, 2)
        days_layout.addWidget(self.work.view, 3)
        self.tabs.addTab(days, self.tr("Days (Ctrl+2)"))
        self.tabs.addTab(self.clerks.view, self.tr("Keying errors (Ctrl+3)"))
        batches = QWidget()
        batches_layout = QVBoxLayout(batches)
        self.missing = QLabel(self._missing())
        self.missing.setObjectName("missing_batches")
        self.missing.setWordWrap(True)
        batches_layout.addWidget(self.missing)
        batches_layout.addWidget(self.batches.view, 1)
        self.tabs.addTab(batches, self.tr("Batches (Ctrl+4)"))
        for number_key in range(4):
            QShortcut(
                QKeySequence(f"Ctrl+{number_key + 1}"),
                self,
                lambda chosen=number_key: self._show_tab(chosen),
            )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)
        self.resize(1100, 640)
        fit_to_screen(self, share=0.9)
        self.books.view.setFocus()

    def _show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        tables = (self.books, self.work, self.clerks, self.batches)
        tables[index].view.setFocus()

    def _headline(self, line: StationLine) -> str:
        d, p = self.detail, line.progress.progress
        parts = [
            self.tr("{received} of {target} entries received at the centre ({share})").format(
                received=number(p.received), target=number(p.target) or "?", share=percent(p.share)
            )
            if p.target
            else self.tr("{received} entries received at the centre").format(
                received=number(p.received)
            ),
            state(line),
        ]
        if d.summary_at is None:
            parts.append(self.tr("no summary: its books and days are not known at the centre"))
        else:
            parts.append(
                self.tr("its summary of {moment} (batch {batch}): {done} of {target} done").format(
                    moment=local_moment(d.summary_at),
                    batch=number(d.summary_sequence),
                    done=number(d.done),
                    target=number(d.target),
                )
            )
            parts.append(
                self.tr("last backup {moment}").format(moment=local_moment(d.last_backup))
                if d.last_backup
                else self.tr("no backup")
            )
        return " · ".join(parts)

    def _missing(self) -> str:
        gaps = self.detail.gaps
        if not self.detail.batches:
            return self.tr("No batch of this station has been taken in.")
        if not gaps.missing:
            return self.tr("No batch number is missing.")
        listed = ", ".join(
            number(a) if a == b else f"{number(a)}–{number(b)}" for a, b in gaps.ranges
        )
        if gaps.more_ranges:
            listed += " " + self.tr("and {count} more runs").format(count=number(gaps.more_ranges))
        return self.tr("Batch numbers missing ({count}): {numbers}").format(
            count=number(gaps.missing), numbers=listed
        )

    def _book_columns(self) -> list[Column[SummaryBook]]:
        states = {
            BookState.WAITING: self.tr("Waiting"),
            BookState.KEYING: self.tr("Being keyed"),
            BookState.ON_HOLD: self.tr("On hold"),
            BookState.FINISHED: self.tr("Finished"),
        }
        return [
            Column(self.tr("Kind"), lambda b: kind_label(BookKind(b.kind))),
            Column(self.tr("Office"), lambda b: b.office),
            Column(self.tr("Volume"), lambda b: b.volume),
            Column(self.tr("Year"), lambda b: str(b.year), True, sort=lambda b: b.year),
            Column(self.tr("State"), lambda b: states[b.state]),
            Column(
                self.tr("Expected"), lambda b: number(b.expected), True, sort=lambda b: b.expected
            ),
            Column(self.tr("Done"), lambda b: number(b.done), True, sort=lambda b: b.done),
            Column(
                self.tr("% done"),
                lambda b: percent(b.done / b.expected if b.expected else None),
                True,
                sort=lambda b: b.done / b.expected if b.expected else None,
            ),
            Column(
                self.tr("Deferred"), lambda b: number(b.deferred), True, sort=lambda b: b.deferred
            ),
            Column(self.tr("Drafts"), lambda b: number(b.drafts), True, sort=lambda b: b.drafts),
        ]

    def _work_columns(self) -> list[Column[ShiftWork]]:
        return [
            Column(self.tr("Day"), lambda w: day(w.day), sort=lambda w: w.day),
            Column(self.tr("Shift"), lambda w: str(w.shift), True, sort=lambda w: w.shift),
            Column(self.tr("Clerk"), lambda w: w.clerk),
            Column(
                self.tr("Completed"),
                lambda w: number(w.completed),
                True,
                sort=lambda w: w.completed,
            ),
            Column(
                self.tr("Deferred"), lambda w: number(w.deferred), True, sort=lambda w: w.deferred
            ),
        ]

    def _clerk_columns(self) -> list[Column[ClerkErrors]]:
        return [
            Column(self.tr("Clerk"), lambda c: c.clerk),
            Column(
                self.tr("Fields compared"),
                lambda c: number(c.fields),
                True,
                sort=lambda c: c.fields,
            ),
            Column(self.tr("Errors"), lambda c: number(c.errors), True, sort=lambda c: c.errors),
            Column(
                self.tr("Per 1,000 fields"),
                lambda c: decimal(c.per_thousand),
                True,
                sort=lambda c: c.per_thousand,
            ),
        ]

    def _batch_columns(self) -> list[Column[BatchReceived]]:
        return [
            Column(self.tr("No."), lambda b: number(b.sequence), True, sort=lambda b: b.sequence),
            Column(self.tr("Written"), lambda b: day(b.bagged), sort=lambda b: b.bagged),
            Column(
                self.tr("Taken in"),
                lambda b: local_moment(b.received_at),
                sort=lambda b: b.received_at,
            ),
            Column(self.tr("Entries"), lambda b: number(b.entries), True, sort=lambda b: b.entries),
            Column(
                self.tr("New"),
                lambda b: number(b.new_entries),
                True,
                header_tip=self.tr("Entries new to the centre"),
                sort=lambda b: b.new_entries,
            ),
            Column(
                self.tr("Updated"),
                lambda b: number(b.updated_entries),
                True,
                header_tip=self.tr("Entries the centre held, replaced by a newer version"),
                sort=lambda b: b.updated_entries,
            ),
        ]


def _book_key(book: SummaryBook) -> tuple[str, str, str, int]:
    return (book.kind, book.office, book.volume, book.year)
