"""Every deferred entry, by reason, oldest first: the list a lead works through.

The reasons come in the order of the dashboard (the largest group first);
the list can be narrowed to one reason. Enter (or a double click) on an
entry opens it in the keying form, to finish it or hand its book over.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.db.models import DeferralReason
from app.work.backlog import BacklogGroup, DeferredEntry, deferred_backlog
from ui.context import StationContext
from ui.keying.deferral import reason_label
from ui.models.books import book_label
from ui.models.rows import Column, RowTableModel, row_table
from ui.moments import local_moment
from ui.operations import FAILED, Operations

Row = tuple[DeferralReason, DeferredEntry]


class BacklogDialog(QDialog):
    entry_chosen = Signal(int)

    def __init__(
        self,
        context: StationContext,
        reason: DeferralReason | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Deferred entries"))
        groups = Operations(self, context).read(deferred_backlog)
        self.groups: list[BacklogGroup] = [] if groups is FAILED else groups
        locale = QLocale()
        total = sum(len(g.entries) for g in self.groups)
        self.reason = QComboBox()
        self.reason.setObjectName("reason")
        self.reason.addItem(
            self.tr("Every reason ({count})").format(count=locale.toString(total)), None
        )
        for group in self.groups:
            self.reason.addItem(
                f"{reason_label(group.reason)} ({locale.toString(len(group.entries))})",
                group.reason.value,
            )
        self.entries: RowTableModel[Row] = RowTableModel(self._columns())
        self.table = row_table(self.entries, "deferred")
        self.table.activated.connect(lambda index: self.choose(index.row()))
        self.reason.currentIndexChanged.connect(self.show_reason)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Deferred because")))
        top.addWidget(self.reason, 1)
        hint = QLabel(self.tr("Enter opens the entry in the form."))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        self.resize(1000, 560)
        chosen = self.reason.findData(reason.value) if reason is not None else 0
        self.reason.setCurrentIndex(max(chosen, 0))
        self.show_reason()

    def _columns(self) -> list[Column[Row]]:
        def book(entry: DeferredEntry) -> str:
            return book_label(entry.kind, entry.volume, entry.year, entry.office)

        return [
            Column(self.tr("Reason"), lambda r: reason_label(r[0])),
            Column(self.tr("Deferred on"), lambda r: local_moment(r[1].deferred_at)),
            Column(self.tr("By"), lambda r: r[1].deferred_by or ""),
            Column(self.tr("Book"), lambda r: book(r[1])),
            Column(self.tr("No."), lambda r: str(r[1].number or "?"), numeric=True),
            Column(self.tr("Entry"), lambda r: r[1].title or "…"),
            Column(self.tr("Note"), lambda r: r[1].note or ""),
        ]

    @Slot()
    def show_reason(self) -> None:
        chosen = self.reason.currentData()
        self.entries.set_rows(
            [
                (group.reason, entry)
                for group in self.groups
                if chosen is None or group.reason.value == chosen
                for entry in group.entries
            ]
        )
        if self.entries.rowCount():
            self.table.selectRow(0)
        self.table.setFocus()

    def choose(self, row: int) -> None:
        self.entry_chosen.emit(self.entries.row_at(row)[1].entry_id)
        self.accept()
