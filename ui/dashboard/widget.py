"""The dashboard: is this shift on pace, who needs help, what is stuck and why.

One screen for the team lead: the current shift's clerks against their
quotas with the pace line, the day by shift, the campaign against its target
with the projected finish, the deferred backlog by reason, and the keying
errors verification found, as trends. It refreshes itself every few
seconds while it is shown (the error rates once a minute), and at once
when shown again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db.models import DeferralReason
from app.quality.error_rates import error_trends
from app.reports.daily import daily_report
from app.work import settings
from app.work.backlog import BacklogSummary
from app.work.dashboard import DashboardView, dashboard_view
from app.work.tally import CampaignProgress, ClerkShift
from ui.context import StationContext
from ui.dashboard.backlog import BacklogDialog
from ui.dashboard.charts import CampaignChart, DayChart, PaceChart
from ui.dashboard.error_trends import ErrorTrendsTable
from ui.file_dialogs import save_file_name
from ui.keying.deferral import reason_label
from ui.models.books import book_label
from ui.models.rows import Column, RowTableModel, row_table
from ui.moments import local_day
from ui.operations import FAILED, Operations
from ui.quality.arbitration import ArbitrationDialog
from ui.quality.findings_window import FindingsDialog
from ui.reports.daily_pdf import write_report_pdf
from ui.work.settings import WorkSettingsDialog

REFRESH_MS = 5000
ERRORS_REFRESH_MS = 60_000
BEHIND = QColor("#c62828")


class Dashboard(QWidget):
    """The lead's dashboard. ``entry_chosen`` asks the window to open a
    deferred entry; ``settings_changed`` says the shifts or quotas changed."""

    entry_chosen = Signal(int)
    settings_changed = Signal()

    def __init__(
        self,
        context: StationContext,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.clock = context.clock
        self.language = context.language
        self.view: DashboardView | None = None  # as last read
        self.setObjectName("dashboard")
        self.headline = QLabel()
        self.headline.setObjectName("headline")
        self.headline.setStyleSheet("font-size: 15px; font-weight: bold;")
        # The headline says a failure to read: a message box would come
        # again at each refresh, every few seconds.
        self.operations = Operations(self, context, say=self.headline.setText)
        self.campaign_line = QLabel()
        self.campaign_line.setObjectName("campaign")
        self.clerks = RowTableModel(self._clerk_columns())
        self.backlog = RowTableModel(self._backlog_columns())
        self.pace = PaceChart()
        self.day = DayChart()
        self.campaign = CampaignChart()
        self.errors = ErrorTrendsTable(self)

        # Said where the lead reads the quotas: their own keying adds none.
        rule = QLabel(
            self.tr(
                "Quotas apply to clerks: what a team lead keys counts in the team's total,"
                " with no quota."
            )
        )
        rule.setObjectName("quota_rule")
        rule.setWordWrap(True)
        clerks = QVBoxLayout()
        clerks.addWidget(row_table(self.clerks, "clerks"), 1)
        clerks.addWidget(rule)
        grid = QGridLayout()
        grid.addLayout(clerks, 0, 0)
        grid.addWidget(self.pace.widget, 0, 1)
        grid.addWidget(self.day.widget, 1, 0)
        grid.addWidget(self.campaign.widget, 1, 1)
        backlog = row_table(self.backlog, "backlog")
        backlog.activated.connect(
            lambda index: self.show_backlog_of(self.backlog.row_at(index.row()).reason)
        )
        grid.addWidget(backlog, 2, 0)
        grid.addWidget(self.errors.view, 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(2, 2)
        # The lines say where the day stands; the lead's tools go below them,
        # in a row of their own, so that neither squeezes the other.
        top = QHBoxLayout()
        for label, name, key, slot in (
            (self.tr("Deferred entries… (Ctrl+B)"), "backlog_list", "Ctrl+B", self.show_backlog),
            (self.tr("Shifts and quotas… (Ctrl+K)"), "work_settings", "Ctrl+K", self.edit_settings),
            (self.tr("Daily report… (Ctrl+P)"), "daily_report", "Ctrl+P", self.ask_report),
            (self.tr("Export a batch… (Ctrl+E)"), "export_batch", "Ctrl+E", self.show_batches),
            (self.tr("Arbitrate… (Ctrl+D)"), "arbitrate", "Ctrl+D", self.arbitrate),
            (self.tr("Checks… (Ctrl+L)"), "check_findings", "Ctrl+L", self.show_findings),
        ):
            button = QPushButton(label)
            button.setObjectName(name)
            button.clicked.connect(slot)
            top.addWidget(button)
            QShortcut(QKeySequence(key), self, slot)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.campaign_line)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        self.timer = QTimer(self, interval=REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        # The error rates move with decisions, not by the second: they are
        # read when the dashboard is shown and once a minute.
        self.errors_timer = QTimer(self, interval=ERRORS_REFRESH_MS)
        self.errors_timer.timeout.connect(self.refresh_errors)

    def _clerk_columns(self) -> list[Column[ClerkShift]]:
        locale = QLocale()

        def rate(value: float | None) -> str:
            return "" if value is None else locale.toString(value, "f", 0)

        def percent(value: float | None) -> str:
            return "" if value is None else locale.toString(value, "f", 0) + "%"

        return [
            Column(self.tr("Clerk"), lambda c: c.full_name or c.username),
            Column(self.tr("Completed"), lambda c: locale.toString(c.completed), numeric=True),
            Column(
                self.tr("Quota"),
                lambda c: "" if c.quota is None else locale.toString(c.quota),
                numeric=True,
            ),
            Column(
                self.tr("% of quota"),
                lambda c: percent(c.percent_of_quota),
                numeric=True,
                colour=lambda c: BEHIND if self.view is not None and self.view.behind(c) else None,
            ),
            Column(self.tr("Entries/hour"), lambda c: rate(c.entries_per_hour), numeric=True),
            Column(self.tr("Keys/hour"), lambda c: rate(c.keystrokes_per_hour), numeric=True),
            Column(
                self.tr("Active"),
                lambda c: f"{c.active_seconds // 3600}:{c.active_seconds % 3600 // 60:02d}",
                numeric=True,
            ),
            Column(self.tr("Deferred"), lambda c: locale.toString(c.deferred), numeric=True),
        ]

    def _backlog_columns(self) -> list[Column[BacklogSummary]]:
        locale = QLocale()
        return [
            Column(self.tr("Deferred because"), lambda g: reason_label(g.reason)),
            Column(self.tr("Entries"), lambda g: locale.toString(g.count), numeric=True),
            Column(self.tr("Oldest"), lambda g: local_day(g.oldest.deferred_at)),
            Column(
                self.tr("Oldest entry"),
                lambda g: self.tr("{book}, no. {number}: {title}").format(
                    book=book_label(g.oldest.kind, g.oldest.volume, g.oldest.year, g.oldest.office),
                    number=g.oldest.number or "?",
                    title=g.oldest.title or "…",
                ),
            ),
        ]

    # The backlog and the settings

    @Slot()
    def show_backlog(self) -> None:
        """Every deferred entry, to open one in the form."""
        self.show_backlog_of(None)

    def show_backlog_of(self, reason: DeferralReason | None) -> None:
        dialog = BacklogDialog(self.context, reason, self)
        dialog.entry_chosen.connect(self.entry_chosen)
        dialog.exec()

    @Slot()
    def edit_settings(self) -> None:
        dialog = WorkSettingsDialog(self.context, self)
        dialog.settings_changed.connect(self.settings_changed)
        dialog.settings_changed.connect(self.refresh)
        dialog.exec()

    @Slot()
    def show_batches(self) -> None:
        """Export a batch for the centre, or write a lost one again."""
        # Imported here: the dashboard opens faster without the cryptography.
        from ui.batches.dialog import ExportDialog

        dialog = ExportDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exec()
        self.refresh()

    @Slot()
    def arbitrate(self) -> None:
        """Decide between two keyings of an entry that differ."""
        dialog = ArbitrationDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exec()
        self.refresh()
        self.refresh_errors()

    @Slot()
    def show_findings(self) -> None:
        """What the checks across entries found, to resolve or dismiss, or
        to open an entry in the form."""
        dialog = FindingsDialog(self.context, self)
        dialog.entry_chosen.connect(self.entry_chosen)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exec()
        self.refresh()

    # The daily report

    def ask_report(self) -> None:
        """Save today's report, as a PDF to print or an Excel file to send."""
        pdf, xlsx = self.tr("PDF document (*.pdf)"), self.tr("Excel workbook (*.xlsx)")
        today = self.context.today()
        path, chosen = save_file_name(
            self,
            self.tr("Save the day's report"),
            f"bao-cao-{today.isoformat()}.pdf",
            [pdf, xlsx],
            on_a_stick=False,
        )
        if path is not None:
            self.write_report(path, as_pdf=chosen != xlsx and path.suffix != ".xlsx")

    def write_report(self, path: Path, as_pdf: bool) -> None:
        path = path.with_suffix(".pdf" if as_pdf else ".xlsx")
        today, clock = self.context.today(), self.clock
        report = self.operations.read(lambda session: daily_report(session, today, clock))
        if report is FAILED:
            return
        try:
            if as_pdf:
                write_report_pdf(report, path, self.language)
            else:
                # Imported here: the window starts faster without openpyxl.
                from app.reports.xlsx import write_report_xlsx

                write_report_xlsx(report, path, self.language)
        except OSError as error:
            QMessageBox.warning(
                self,
                self.tr("Save the day's report"),
                self.tr("The report could not be written: {reason}").format(reason=error),
            )

    # Refreshing

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        self.refresh_errors()
        self.timer.start()
        self.errors_timer.start()

    def hideEvent(self, event) -> None:
        self.timer.stop()
        self.errors_timer.stop()
        super().hideEvent(event)

    def refresh_errors(self) -> None:
        today = self.context.today()
        trends = self.operations.read(
            lambda session: error_trends(session, today, settings.shifts(session))
        )
        if trends is not FAILED:
            self.errors.show(trends)

    def refresh(self) -> None:
        now = self.clock.now()
        view = self.operations.read(lambda session: dashboard_view(session, now))
        if view is FAILED:
            return
        self.view = view
        this = view.this_shift
        self.clerks.set_rows(this.clerks if this else [])
        self.backlog.set_rows(view.backlog)
        self._headline(view)
        self._campaign_line(view.campaign)
        self.pace.show(this, view.now)
        self.day.show(view.day)
        self.campaign.show(view.campaign, view.today)

    def _headline(self, view: DashboardView) -> None:
        locale = QLocale()
        done, team_day = view.done_today, view.team_day_quota
        today = self.tr("Today: {done} of {quota} ({percent}%)").format(
            done=locale.toString(done),
            quota=locale.toString(team_day),
            percent=locale.toString(100 * done / team_day if team_day else 0, "f", 0),
        )
        this = view.this_shift
        if this is None or this.shift is None:
            self.headline.setText(self.tr("Outside the shifts") + " · " + today)
            return
        self.headline.setText(
            self.tr(
                "Shift {number} ({start}–{end}): {done} of {quota} entries, {clerks} clerk(s)"
            ).format(
                number=this.shift.number,
                start=this.shift.start.strftime("%H:%M"),
                end=this.shift.end.strftime("%H:%M"),
                done=locale.toString(this.completed),
                quota=locale.toString(this.quota),
                clerks=this.clerks_with_quota,
            )
            + " · "
            + today
        )

    def _campaign_line(self, campaign: CampaignProgress) -> None:
        locale = QLocale()
        text = self.tr("Campaign: {done} of {target} entries ({percent}%), {pace} a day").format(
            done=locale.toString(campaign.done),
            target=locale.toString(campaign.target),
            percent=locale.toString(campaign.percent, "f", 2),
            pace=locale.toString(campaign.pace, "f", 0),
        )
        if campaign.projected_finish is not None:
            text += " · " + self.tr("projected finish {day}").format(
                day=campaign.projected_finish.strftime("%d/%m/%Y")
            )
        if campaign.deadline is not None:
            text += " · " + self.tr("deadline {day}").format(
                day=campaign.deadline.strftime("%d/%m/%Y")
            )
        late = campaign.on_time is False
        if late:
            text += " · " + self.tr("BEHIND: the projection misses the deadline")
        self.campaign_line.setText(text)
        self.campaign_line.setStyleSheet(f"color: {BEHIND.name()};" if late else "")
