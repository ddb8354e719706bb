"""Figures as the centre's window writes them: the Vietnamese way in
Vietnamese (12.345; 97,3%; 25/11/2026), nothing for a figure not known,
and a station's state in a few words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QColor

from app.centre.plan_progress import Progress
from app.centre.report import DistrictSection, StationLine, Sum
from ui.dashboard.charts import LATE


def number(value: int | None) -> str:
    return "" if value is None else QLocale().toString(value)


def decimal(value: float | None, places: int = 1) -> str:
    return "" if value is None else QLocale().toString(value, "f", places)


def percent(share: float | None) -> str:
    """A share (0.973) as a percentage ("97,3%")."""
    return "" if share is None else QLocale().toString(100 * share, "f", 1) + "%"


def day(value: date | None) -> str:
    return "" if value is None else value.strftime("%d/%m/%Y")


def commune(line: StationLine) -> str:
    """The commune a station keys, its district's own office, or nothing
    for a station the plan does not list."""
    p = line.progress
    if not p.in_plan:
        return ""
    return p.commune or QCoreApplication.translate("CentreFigures", "District office")


def state(line: StationLine) -> str:
    """What is wrong with a station, or that it is done, in a few words."""
    p, status = line.progress, line.status
    words = []
    if status is None:
        words.append(QCoreApplication.translate("CentreFigures", "No batch yet"))
    elif p.silent:
        words.append(
            QCoreApplication.translate("CentreFigures", "Silent {days} days").format(
                days=p.days_silent
            )
        )
    if p.progress.late:
        words.append(QCoreApplication.translate("CentreFigures", "Late"))
    if p.progress.done:
        words.append(QCoreApplication.translate("CentreFigures", "Target reached"))
    if status is not None and status.gaps.missing:
        words.append(QCoreApplication.translate("CentreFigures", "Batches missing"))
    if status is not None and status.summary is None:
        words.append(QCoreApplication.translate("CentreFigures", "No summary (older Sohoa)"))
    if not p.in_plan:
        words.append(QCoreApplication.translate("CentreFigures", "Not in the plan"))
    return ", ".join(words) or QCoreApplication.translate("CentreFigures", "On track")


def troubled(line: StationLine) -> QColor | None:
    """Red for a station late, silent or missing batches."""
    p, status = line.progress, line.status
    missing = status is not None and status.gaps.missing > 0
    return LATE if p.progress.late or p.silent or missing else None


def deferred(line: StationLine) -> int | None:
    return (
        None
        if line.status is None or line.status.summary is None
        else sum(line.status.deferred.values())
    )


@dataclass(frozen=True)
class DistrictRow:
    """A row of the districts' table: a district, the stations the plan does
    not list, or the whole province (``whole``), which stays on top."""

    name: str
    district: str | None  # the stations' district; None with ``whole`` or outside the plan
    whole: bool
    stations: int
    received: int
    target: int | None
    progress: Progress | None  # the plan's, for a district of it
    figures: Sum

    @property
    def share(self) -> float | None:
        return self.received / self.target if self.target else None

    @property
    def late(self) -> bool:
        return self.progress is not None and self.progress.late

    def holds(self, line: StationLine) -> bool:
        """Whether ``line`` is one of this row's stations."""
        return self.whole or (
            line.progress.in_plan == (self.district is not None)
            and line.progress.district == self.district
        )


def district_row(section: DistrictSection) -> DistrictRow:
    progress = section.progress
    return DistrictRow(
        name=section.district or QCoreApplication.translate("CentreFigures", "Not in the plan"),
        district=section.district,
        whole=False,
        stations=len(section.stations),
        received=sum(s.progress.progress.received for s in section.stations),
        target=progress.target if progress else None,
        progress=progress,
        figures=section.subtotal,
    )
