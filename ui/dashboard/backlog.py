"""Every deferred entry, by reason, oldest first: the list a lead works through.

The reasons come in the order of the dashboard (the largest group first);
the list can be narrowed to one reason. Enter (or a double click) on an
entry opens it in the keying form, whatever the state of its book. The lead
may hand an entry to a clerk (Ctrl+G); a clerk's list holds the entries
handed to them. Ctrl+T shows the chosen entry's scanned page.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.access.roles import is_lead
from app.db.models import DeferralReason
from app.work.backlog import (
    BacklogGroup,
    DeferredEntry,
    NotDeferred,
    assign_entry,
    assignable_clerks,
    deferred_backlog,
)
from ui.context import StationContext
from ui.keying.deferral import reason_label
from ui.models.books import book_label, entry_label
from ui.models.rows import Column, RowTableModel, row_table
from ui.moments import local_moment
from ui.operations import FAILED, Operations
from ui.scans.page_dialog import PageDialog
from ui.screen_fit import fit_to_screen

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
        self.lead = is_lead(context.user)
        self.setWindowTitle(
            self.tr("Deferred entries") if self.lead else self.tr("Deferred entries handed to you")
        )
        self.operations = Operations(self, context)
        self.groups: list[BacklogGroup] = self._read()
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
        hint = QLabel(self.tr("Enter opens the entry in the form, whatever the state of its book."))
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        page = QPushButton(self.tr("Its page (Ctrl+T)"))
        page.setObjectName("show_page")
        page.setAutoDefault(False)  # Enter opens the entry, from the list
        page.clicked.connect(self.show_page)
        QShortcut(QKeySequence("Ctrl+T"), self, self.show_page)
        bottom.addWidget(page)
        if self.lead:
            hand = QPushButton(self.tr("Hand to a clerk… (Ctrl+G)"))
            hand.setObjectName("assign")
            hand.clicked.connect(self.assign_selected)
            QShortcut(QKeySequence("Ctrl+G"), self, self.assign_selected)
            bottom.addWidget(hand)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.resize(1240, 560)
        fit_to_screen(self, share=0.8)
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
            Column(self.tr("Handed to"), lambda r: r[1].assigned_to or ""),
        ]

    def _read(self) -> list[BacklogGroup]:
        user = self.context.user
        groups = self.operations.read(lambda session: deferred_backlog(session, user))
        return [] if groups is FAILED else groups

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

    @Slot()
    def show_page(self) -> None:
        """The selected entry's scanned page, in a window over the list."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        entry = self.entries.row_at(rows[0].row())[1]
        label = entry_label(entry.kind, entry.volume, entry.year, entry.office, entry.number)
        PageDialog(self.context, [(label, entry.entry_id)], self).exec()

    @Slot()
    def assign_selected(self) -> None:
        """Hand the selected entry to a clerk, or take it back from them."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        row = rows[0].row()
        entry = self.entries.row_at(row)[1]
        clerks = self.operations.read(assignable_clerks)
        if clerks is FAILED:
            return
        names = [self.tr("No one")] + [f"{name} ({username})" for _, username, name in clerks]
        current = next(
            (i for i, (_, username, _) in enumerate(clerks, 1) if username == entry.assigned_to),
            0,
        )
        name, chosen = QInputDialog.getItem(
            self,
            self.tr("Hand to a clerk"),
            self.tr("Who keys entry no. {number} ({title})?").format(
                number=entry.number or "?", title=entry.title or "…"
            ),
            names,
            current,
            False,
        )
        if not chosen:
            return
        picked = names.index(name)
        clerk_id = clerks[picked - 1][0] if picked else None
        lead, clock = self.context.user, self.context.clock
        done = self.operations.write(
            lambda session: assign_entry(session, lead, entry.entry_id, clerk_id, clock=clock),
            refusals={
                NotDeferred: lambda _: self.tr("This entry is no longer deferred: it is keyed.")
            },
        )
        if done is FAILED:
            return
        self.groups = self._read()
        self.show_reason()
        self.table.selectRow(min(row, self.entries.rowCount() - 1))
