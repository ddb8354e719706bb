"""The lead's settings of the work: shift hours, quotas, the campaign deadline,
the station's own commune, the share keyed twice.

Everything is saved together in one transaction, or nothing is
(app.station.work_settings): hours that overlap or run backwards are refused
with the reason in the lead's language, as is a database another program
holds, and the dialog stays open with what they typed. ``settings_changed``
tells the window to count with the new shifts and quotas.
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QDate, QLocale, QStringListModel, QTime, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.quality.error_rates import Rate
from app.reference import gazetteer
from app.station.work_settings import (
    ClerkSettings,
    TeamMember,
    WorkSettings,
    save_work_settings,
    team,
    work_settings,
)
from app.work import settings
from app.work.settings import InvalidSetting, Problem
from ui.context import StationContext
from ui.operations import FAILED, Operations
from ui.screen_fit import fit_to_screen
from ui.styles import FAILURE_STYLE

MAX_SHIFTS = 4
TEAM_QUOTA = 0  # a clerk's quota spin box at 0: the team's quota applies
TEAM_SHARE = -1  # a clerk's share spin box at -1: the team's share applies
UNREAD = WorkSettings((), 1, 1, None, settings.DEFAULT_IDLE_MINUTES, None, 0.0, ())


class _ShiftRow(QWidget):
    """One shift: its hours, and a button to drop it."""

    removed = Signal(object)

    def __init__(self, start: time, end: time, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.start = _time_edit(start)
        self.end = _time_edit(end)
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName("remove_shift")
        remove.clicked.connect(lambda: self.removed.emit(self))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.start)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.end)
        layout.addWidget(remove)
        layout.addStretch(1)

    def hours(self) -> tuple[time, time]:
        # QTime.toPython() gives a datetime.time; its stub says object.
        return self.start.time().toPython(), self.end.time().toPython()  # type: ignore[return-value]


def _time_edit(value: time) -> QTimeEdit:
    edit = QTimeEdit(QTime(value.hour, value.minute))
    edit.setDisplayFormat("HH:mm")
    return edit


class WorkSettingsDialog(QDialog):
    settings_changed = Signal()

    def __init__(self, context: StationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Shifts, quotas and deadline"))
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet(FAILURE_STYLE)
        self.problem.setWordWrap(True)
        self.operations = Operations(self, context, say=self.problem.setText)
        today = context.today()
        stored = self.operations.read(
            lambda session: (work_settings(session), team(session, today))
        )
        # Settings that could not be read are not saved over: the problem
        # line says why, the form is empty and only Cancel is left.
        current, members = (UNREAD, []) if stored is FAILED else stored
        self.rows: list[_ShiftRow] = []
        self.shift_box = QGroupBox(self.tr("Shifts (Vietnam time)"))
        self.shift_layout = QVBoxLayout(self.shift_box)
        self.add_button = QPushButton(self.tr("Add a shift"))
        self.add_button.setObjectName("add_shift")
        self.add_button.clicked.connect(self.add_shift)
        self.shift_layout.addWidget(self.add_button)
        for start, end in current.hours:
            self._add_row(start, end)

        self.clerk_shift = _count_box(current.clerk_shift, 2_000)
        self.clerk_shift.setObjectName("clerk_shift")
        self.team_day = _count_box(current.team_day, 100_000)
        self.team_day.setObjectName("team_day")
        self.has_deadline = QCheckBox(self.tr("The campaign must be keyed by"))
        self.has_deadline.setObjectName("has_deadline")
        self.deadline = QDateEdit()
        self.deadline.setObjectName("deadline")
        self.deadline.setDisplayFormat("dd/MM/yyyy")
        self.deadline.setCalendarPopup(True)
        deadline = current.deadline
        self.deadline.setDate(
            QDate(deadline.year, deadline.month, deadline.day)
            if deadline
            else QDate.currentDate().addMonths(3)
        )
        self.has_deadline.setChecked(deadline is not None)
        self.deadline.setEnabled(deadline is not None)
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        quota_box = QGroupBox(self.tr("Quotas and deadline"))
        quota_form = QFormLayout(quota_box)
        quota_form.addRow(self.tr("Entries per clerk in a shift"), self.clerk_shift)
        quota_form.addRow(self.tr("Entries for the team in a day"), self.team_day)
        quota_form.addRow(self.has_deadline, self.deadline)
        self.verified_share = _count_box(round(100 * current.share), 100, minimum=0)
        self.verified_share.setObjectName("verified_share")
        self.verified_share.setSuffix(" %")
        quota_form.addRow(self.tr("Entries keyed a second time, blind"), self.verified_share)
        self.idle_minutes = _count_box(
            current.idle_minutes, settings.MAX_IDLE_MINUTES, minimum=settings.MIN_IDLE_MINUTES
        )
        self.idle_minutes.setObjectName("idle_minutes")
        self.idle_minutes.setSuffix(self.tr(" min"))
        quota_form.addRow(self.tr("Lock a screen left idle after"), self.idle_minutes)

        self.locality = QLineEdit(current.locality.full_path if current.locality else "")
        self.locality.setObjectName("locality")
        self.locality.setPlaceholderText(
            self.tr("e.g. Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước")
        )
        self.communes = QStringListModel(self)
        completer = QCompleter(self.communes, self.locality)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.locality.setCompleter(completer)
        self.locality.textEdited.connect(self._suggest_communes)
        locality_box = QGroupBox(self.tr("The station's commune (as of January 2025)"))
        locality_form = QVBoxLayout(locality_box)
        locality_form.addWidget(self.locality)
        hint = QLabel(
            self.tr(
                "Places of this commune, its district and its province are suggested first"
                " when keying."
            )
        )
        hint.setWordWrap(True)
        locality_form.addWidget(hint)

        self.clerk_quotas: dict[int, QSpinBox] = {}
        self.clerk_shares: dict[int, QSpinBox] = {}
        clerks = QWidget()
        clerk_grid = QGridLayout(clerks)
        headers = (
            self.tr("Clerk"),
            self.tr("Own quota per shift"),
            self.tr("Share keyed twice"),
            self.tr("Errors per 1,000 fields, last 7 days"),
        )
        for column, header in enumerate(headers):
            label = QLabel(f"<b>{header}</b>")
            label.setObjectName(f"clerk_header_{column}")
            label.setWordWrap(True)
            clerk_grid.addWidget(label, 0, column)
        own = {clerk.user_id: clerk for clerk in current.clerks}
        for row, member in enumerate(members, start=1):
            clerk_grid.addWidget(QLabel(f"{member.full_name} ({member.username})"), row, 0)
            for column, widget in enumerate(self._clerk_row(member, own[member.user_id]), start=1):
                clerk_grid.addWidget(widget, row, column)
        clerk_grid.setColumnStretch(3, 1)
        clerk_grid.setRowStretch(len(members) + 1, 1)
        scroll = QScrollArea()
        scroll.setWidget(clerks)
        scroll.setWidgetResizable(True)
        clerk_box = QGroupBox(self.tr("A clerk's own quota per shift, and share keyed twice"))
        QVBoxLayout(clerk_box).addWidget(scroll)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        assert save_button is not None  # the box was made with it
        save_button.setEnabled(stored is not FAILED)
        layout = QVBoxLayout(self)
        layout.addWidget(self.shift_box)
        layout.addWidget(quota_box)
        layout.addWidget(locality_box)
        layout.addWidget(clerk_box, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(760, 660)
        fit_to_screen(self)

    def _clerk_row(self, member: TeamMember, own: ClerkSettings) -> tuple[QWidget, ...]:
        """A clerk's own quota and share, and their errors beside them. A
        lead has no quota: their box says so and cannot be changed."""
        box = _count_box(own.quota or TEAM_QUOTA, 2_000, minimum=TEAM_QUOTA)
        box.setSpecialValueText(
            self.tr("the team's quota") if member.has_quota else self.tr("no quota (lead)")
        )
        if not member.has_quota:
            box.setValue(TEAM_QUOTA)
            box.setEnabled(False)
        box.setObjectName(f"quota_{member.username}")
        self.clerk_quotas[member.user_id] = box
        share_value = TEAM_SHARE if own.share is None else round(100 * own.share)
        share = _count_box(share_value, 100, TEAM_SHARE)
        share.setSpecialValueText(self.tr("the team's share keyed twice"))
        share.setSuffix(" %")
        share.setObjectName(f"share_{member.username}")
        self.clerk_shares[member.user_id] = share
        rate = QLabel(self._error_rate(member.errors))
        rate.setObjectName(f"errors_{member.username}")
        rate.setWordWrap(True)
        return box, share, rate

    @Slot(str)
    def _suggest_communes(self, typed: str) -> None:
        found = gazetteer.complete(typed, limit=40, snapshot="pre2025") if typed.strip() else []
        communes = [place.full_path for place in found if place.level == "commune"][:8]
        self.communes.setStringList(communes)
        if communes:
            self.locality.completer().complete()

    # The shifts

    def _error_rate(self, rate: Rate) -> str:
        """The rate under its column's header: the number, or why there is none."""
        if rate.per_thousand is None:
            return self.tr("nothing keyed twice")
        text = QLocale().toString(rate.per_thousand, "f", 1)
        return text if rate.enough else self.tr("{rate} (few fields)").format(rate=text)

    def _add_row(self, start: time, end: time) -> None:
        row = _ShiftRow(start, end)
        row.removed.connect(self._remove_row)
        self.rows.append(row)
        self.shift_layout.insertWidget(len(self.rows) - 1, row)
        self._number_rows()

    @Slot()
    def add_shift(self) -> None:
        """A new shift after the last one, as long as the day allows."""
        start = self.rows[-1].hours()[1] if self.rows else time(6)
        end = time(start.hour + 4, start.minute) if start.hour + 4 < 24 else time(23, 59)
        self._add_row(start, end)
        self.rows[-1].start.setFocus()

    def _remove_row(self, row: _ShiftRow) -> None:
        self.rows.remove(row)
        row.deleteLater()
        self._number_rows()

    def _number_rows(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            row.label.setText(self.tr("Shift {number}").format(number=number))
        self.add_button.setEnabled(len(self.rows) < MAX_SHIFTS)

    # Saving

    @Slot()
    def save(self) -> None:
        typed = self.locality.text().strip()
        try:
            commune = settings.find_locality(typed) if typed else None
        except InvalidSetting as refused:
            self.problem.setText(self._reason(refused))
            return
        if commune is not None and commune.full_path != typed:
            # Words that name one commune are kept as that commune only once
            # the lead has seen which one it is.
            self.locality.setText(commune.full_path)
            self.problem.setText(
                self.tr("Your words name {commune}: check it, then save again.").format(
                    commune=commune.full_path
                )
            )
            return
        chosen = self._chosen(commune)
        lead, clock = self.context.user, self.context.clock
        saved = self.operations.write(
            lambda session: save_work_settings(session, lead, clock, chosen),
            refusals={InvalidSetting: self._reason},
        )
        if saved is FAILED:
            return
        self.settings_changed.emit()
        self.accept()

    def _chosen(self, commune: gazetteer.Place | None) -> WorkSettings:
        """What the dialog holds now, to save."""
        return WorkSettings(
            hours=tuple(row.hours() for row in self.rows),
            clerk_shift=self.clerk_shift.value(),
            team_day=self.team_day.value(),
            # QDate.toPython() gives a datetime.date; its stub says object.
            deadline=self.deadline.date().toPython()  # type: ignore[arg-type]
            if self.has_deadline.isChecked()
            else None,
            idle_minutes=self.idle_minutes.value(),
            locality=commune,
            share=self.verified_share.value() / 100,
            clerks=tuple(
                ClerkSettings(
                    user_id,
                    None if quota.value() == TEAM_QUOTA else quota.value(),
                    None if share.value() == TEAM_SHARE else share.value() / 100,
                )
                for (user_id, quota), share in zip(
                    self.clerk_quotas.items(), self.clerk_shares.values(), strict=True
                )
            ),
        )

    def _reason(self, refused: InvalidSetting) -> str:
        hours = [moment.strftime("%H:%M") for moment in refused.at]
        match refused.problem:
            case Problem.NO_SHIFT:
                return self.tr("Keep at least one shift.")
            case Problem.SHIFT_BACKWARDS:
                return self.tr("The shift {start}–{end} ends before it starts.").format(
                    start=hours[0], end=hours[1]
                )
            case Problem.SHIFTS_OVERLAP:
                return self.tr("Two shifts overlap at {hour}.").format(hour=hours[0])
            case Problem.QUOTA_NOT_POSITIVE:
                return self.tr("A quota is a number of entries above zero.")
            case Problem.IDLE_OUT_OF_RANGE:
                return self.tr("An idle screen locks after 1 to 60 minutes.")
            case Problem.NOT_A_COMMUNE:
                return self.tr(
                    "“{text}” is not one commune, ward or township of the January 2025 list."
                    " Write it whole, e.g. “Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước”."
                ).format(text=self.locality.text().strip())


def _count_box(value: int, maximum: int, minimum: int = 1) -> QSpinBox:
    box = QSpinBox()
    box.setRange(minimum, maximum)
    box.setValue(value)
    box.setGroupSeparatorShown(True)
    return box
