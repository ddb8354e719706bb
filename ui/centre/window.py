"""The centre's window (``sohoa centre --db URL``): the province at a glance,
for the provincial lead and the inspection team.

A line of the province's figures on top; four tabs below (progress against
the plan, the backlog, keying errors, the batches), each a sortable table
of the stations with a chart; Enter on a station opens its books and days.
It is the daily report (app.centre.report) live: read off the GUI thread
(a :class:`ui.operations.Job`), so a slow server never freezes it, again
on F5 and quietly every minute, keeping the station chosen, the sort and
the filter. A read that fails is said in the status line; the figures
shown stay, with the moment they are of.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.centre.database import CentralDatabaseError
from app.centre.overview import (
    CentreMissing,
    CentreOverview,
    open_to_read,
    read_overview,
    read_station_detail,
)
from app.centre.report import StationLine
from app.centre.station_detail import StationDetail
from app.system.clock import Clock, local_today
from ui.centre.figures import decimal, number, percent
from ui.centre.progress import ProgressTab
from ui.centre.sorting import SortedTable
from ui.centre.station_dialog import StationDialog
from ui.centre.tabs import BacklogTab, BatchesTab, ErrorsTab, StationsTab
from ui.keys_help import keys_table
from ui.moments import local_moment
from ui.operations import Job
from ui.screen_fit import fit_to_screen
from ui.status_line import StatusLine
from ui.styles import FAILURE_STYLE

if TYPE_CHECKING:
    from app.centre.overview import Engine

log = logging.getLogger(__name__)

REFRESH_MS = 60_000


class CentreWindow(QMainWindow):
    def __init__(self, database: str, clock: Clock) -> None:
        super().__init__()
        self.setObjectName("centre_window")
        self.database = database
        self.clock = clock
        self.engine: Engine | None = None  # opened by the first read, off the GUI thread
        self.overview: CentreOverview | None = None  # as last read
        self.reading: Job[Any] | None = None
        self.station_dialog: StationDialog | None = None
        self.setWindowTitle(self.tr("Sohoa — the centre: {database}").format(database=database))
        self.headline = QLabel(self.tr("Reading the central database…"))
        self.headline.setObjectName("headline")
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-size: 14px; font-weight: bold;")
        self.plan_line = QLabel()
        self.plan_line.setObjectName("plan_line")
        self.plan_line.setWordWrap(True)
        self.filter = SearchField()
        self.filter.setObjectName("filter")
        self.filter.setPlaceholderText(self.tr("Find a station, district or commune (Ctrl+F)"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.filter.left.connect(self._focus_table)
        self.progress = ProgressTab()
        self.backlog = BacklogTab()
        self.errors = ErrorsTab()
        self.batches = BatchesTab()
        self.every_tab: tuple[StationsTab, ...] = (
            self.progress, self.backlog, self.errors, self.batches
        )  # fmt: skip
        self.tabs = QTabWidget()
        self.tabs.setObjectName("centre_tabs")
        for tab, title in (
            (self.progress, self.tr("Progress (Ctrl+1)")),
            (self.backlog, self.tr("Backlog (Ctrl+2)")),
            (self.errors, self.tr("Keying errors (Ctrl+3)")),
            (self.batches, self.tr("Batches (Ctrl+4)")),
        ):
            self.tabs.addTab(tab, title)
            tab.stations.view.activated.connect(
                lambda index, tab=tab: self.open_station(tab.stations.rows.row_at(index.row()))
            )
        self.tabs.currentChanged.connect(lambda _: self._focus_table())
        hint = QLabel(
            self.tr("Enter: the station's books and days · Ctrl+S: sort · F5: refresh · F1: keys")
        )
        hint.setObjectName("hint")
        tools = QHBoxLayout()
        tools.addWidget(self.filter, 1)
        tools.addWidget(hint)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.headline)
        layout.addWidget(self.plan_line)
        layout.addLayout(tools)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.status = StatusLine("centre_status")
        self.statusBar().addWidget(self.status, 1)
        self._shortcuts()
        # A tab chosen, by key or by mouse, is read from its stations at once.
        self.tabs.currentChanged.connect(self._focus_table)
        self._focus_table()
        self.timer = QTimer(self, interval=REFRESH_MS)
        self.timer.timeout.connect(lambda: self.refresh(quiet=True))
        self.timer.start()
        self.refresh()

    def _shortcuts(self) -> None:
        for index in range(self.tabs.count()):
            QShortcut(
                QKeySequence(f"Ctrl+{index + 1}"),
                self,
                lambda chosen=index: self.tabs.setCurrentIndex(chosen),
            )
        for key, slot in (
            (Qt.Key.Key_F5, self.refresh),
            (QKeySequence.StandardKey.Find, self._find),
            ("Ctrl+S", self.ask_sort),
            (Qt.Key.Key_F1, self.show_keys),
        ):
            QShortcut(QKeySequence(key), self, slot)

    def tab(self) -> StationsTab:
        tab = self.tabs.currentWidget()
        assert isinstance(tab, StationsTab)
        return tab

    # Reading

    @Slot()
    def refresh(self, quiet: bool = False) -> None:
        """Read the province again, beside the GUI thread; one read at a time."""
        if self.reading is not None and self.reading.running:
            return
        if not quiet:
            self.status.say(self.tr("Reading the central database…"))
        database, engine, clock = self.database, self.engine, self.clock

        def read(progress: object) -> tuple[Engine, CentreOverview]:
            opened = engine or open_to_read(database)
            try:
                return opened, read_overview(opened, clock)
            except Exception:
                if engine is None:
                    opened.dispose()
                raise

        self.reading = Job(
            read, owner=self, done=self._read, failed=self._failed, name="the centre's figures"
        ).start()

    def _read(self, result: tuple[Engine, CentreOverview]) -> None:
        self.engine, overview = result
        self.overview = overview
        for tab in self.every_tab:
            tab.show_report(overview)
        self._header(overview)
        self.status.say(
            self.tr("Figures as of {moment}.").format(moment=local_moment(overview.report.made_at))
        )

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, CentralDatabaseError):
            raise error  # a fault of Sohoa: the crash dialog
        log.warning("the centre's window cannot read %s: %s", self.database, error)
        if isinstance(error, CentreMissing):
            said = self.tr(
                "There is no central database at {database}: give the file that"
                " sohoa intake loads the batches into."
            ).format(database=self.database)
        else:
            said = self.tr(
                "The central database cannot be read: the server is unreachable, or the"
                " file is not a centre's. ({reason})"
            ).format(reason=error)
        if self.overview is None:
            self.headline.setText(said)
            self.headline.setStyleSheet(FAILURE_STYLE + "font-size: 14px; font-weight: bold;")
            self.status.failed(self.tr("Nothing read yet. F5 tries again."))
            return
        self.status.failed(
            said
            + " "
            + self.tr("The figures shown are as of {moment}; F5 tries again.").format(
                moment=local_moment(self.overview.report.made_at)
            )
        )

    def _header(self, overview: CentreOverview) -> None:
        report, total = overview.report, overview.report.total
        lines = [line for section in report.sections for line in section.stations]
        never = sum(1 for line in lines if line.status is None)
        without = sum(1 for line in lines if line.status and line.status.summary is None)
        parts = [
            self.tr("Province: {received} of {target} entries received ({share})").format(
                received=number(report.received),
                target=number(report.target),
                share=percent(report.received / report.target),
            )
            if report.target
            else self.tr("Province: {received} entries received").format(
                received=number(report.received)
            ),
            self.tr("{done} done as the stations say").format(done=number(total.done)),
            self.tr("{late} stations late").format(late=number(total.late)),
            self.tr("{silent} silent").format(silent=number(total.silent)),
        ]
        if never:
            parts.append(self.tr("{count} never sent a batch").format(count=number(never)))
        if without:
            parts.append(self.tr("{count} without a summary").format(count=number(without)))
        parts += [
            self.tr("{missing} batches missing").format(missing=number(total.missing_batches)),
            self.tr("{deferred} deferred").format(deferred=number(sum(total.deferred.values()))),
            self.tr("{rate} errors per 1,000 fields").format(
                rate=decimal(total.errors_per_thousand) or "–"
            ),
        ]
        self.headline.setText(" · ".join(parts))
        self.headline.setStyleSheet("font-size: 14px; font-weight: bold;")
        plan = (
            self.tr("Plan: {file}, imported {moment}").format(
                file=report.plan_source, moment=local_moment(overview.plan_imported_at)
            )
            if report.plan_source
            else self.tr("No plan imported yet (sohoa centre targets FILE.xlsx)")
        )
        self.plan_line.setText(
            " · ".join(
                [
                    plan,
                    self.tr("silent after {days} days without a batch").format(
                        days=report.silent_after
                    ),
                    self.tr("as of {moment}").format(moment=local_moment(report.made_at)),
                ]
            )
        )

    # A station

    def open_station(self, line: StationLine) -> None:
        """The station's books, days, clerks and batches, in a dialog over the window."""
        engine = self.engine
        if engine is None:
            return
        today = local_today(self.clock)
        self.status.say(self.tr("Reading station {code}…").format(code=line.station))
        Job(
            lambda progress: read_station_detail(engine, line.station, today),
            owner=self,
            done=lambda detail: self._show_station(line, detail),
            failed=self._failed,
            name="a station's detail",
        ).start()

    def _show_station(self, line: StationLine, detail: StationDetail) -> None:
        self.status.say("")
        dialog = StationDialog(line, detail, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._station_closed)
        self.station_dialog = dialog
        dialog.open()

    def _station_closed(self) -> None:
        self.station_dialog = None
        self._focus_table()

    # Finding and sorting

    def _filter(self, text: str) -> None:
        for tab in self.every_tab:
            tab.stations.rows.set_filter(text)

    @Slot()
    def _find(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    def _focus_table(self) -> None:
        self.tab().stations.view.setFocus()

    def _table_in_focus(self) -> SortedTable[Any]:
        tab = self.tab()
        if isinstance(tab, ProgressTab) and tab.districts.view.hasFocus():
            return tab.districts
        return tab.stations

    @Slot()
    def ask_sort(self) -> None:
        """A menu of the columns of the table in focus: the one chosen sorts
        it; chosen again, the other way."""
        table = self._table_in_focus()
        menu = QMenu(self)
        menu.setObjectName("sort_menu")
        header = table.view.horizontalHeader()
        for column in range(table.model.columnCount()):
            action = menu.addAction(table.model.columns[column].header)
            action.setCheckable(True)
            action.setChecked(header.sortIndicatorSection() == column)
            action.triggered.connect(lambda _=False, c=column: table.sort_by(c))
        self.sort_menu = menu
        menu.popup(table.view.mapToGlobal(QPoint(0, 0)))

    @Slot()
    def show_keys(self) -> None:
        CentreKeys(self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timer.stop()
        if self.engine is not None:
            self.engine.dispose()
        super().closeEvent(event)


class SearchField(QLineEdit):
    """The search: Esc clears it and goes back to the table (``left``)."""

    left = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            self.left.emit()
            return
        super().keyPressEvent(event)


class CentreKeys(QDialog):
    """F1: the keys of the centre's window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard keys"))
        keys = [
            ("Ctrl+1 … Ctrl+4", self.tr("Progress, backlog, keying errors, batches")),
            ("↑ ↓, PgUp PgDown", self.tr("Choose a station (or, in Progress, a district)")),
            ("Tab", self.tr("From the districts to their stations, and back")),
            ("Enter", self.tr("The chosen station's books, days, clerks and batches")),
            ("Esc", self.tr("Back from a station to the province; in the search, clear it")),
            ("Ctrl+F", self.tr("Find a station, district or commune")),
            ("Ctrl+S", self.tr("Sort the table by a column; chosen again, the other way")),
            ("F5", self.tr("Read the figures again (they are read every minute too)")),
            ("F1", self.tr("This list of keys")),
        ]
        text = QTextBrowser()
        text.setHtml(keys_table(self.tr("The centre's window"), keys))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)
        fit_to_screen(self)
