"""The campaign's plan at the centre: each district and commune of the
province, the station that keys its books, its target and its deadline,
as plan 138/KH-UBND assigns them, imported from the province's spreadsheet.

A row with a commune is that commune's; a row with a district alone is the
district's: its target counts the district as a whole (its communes with
it), its station is the district's own office. A district named only by
its communes' rows is in the plan too, without a target of its own.

An import is all or nothing, and replaces the whole plan: one bad row and
nothing changes, every bad row listed with its number. The file and the
moment of the last import are kept. A district or commune the gazetteer
does not know is a warning, not a refusal: the province knows its units
better than a list may. How far the stations are along the plan is
:mod:`app.centre.plan_progress`'s.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from app.centre.models import (
    CentrePlanCommune,
    CentrePlanDistrict,
    CentrePlanImport,
    CentrePlanStation,
)
from app.centre.plan_sheet import (
    PlanProblem,
    PlanRow,
    PlanSheetRefused,
    plan_problem,
    read_plan_sheet,
)
from app.reference.gazetteer import is_known
from app.system.clock import Clock
from app.values.text import search_key

PLAN_LOCK_KEY = 0x504C414E  # PostgreSQL advisory lock of a plan import ("PLAN")
# The type before a unit's name, which a sheet writes or leaves out at will:
# "Huyện Đồng Phú" and "Đồng Phú" are one district.
_UNIT_TYPE = re.compile(r"^(huyen|quan|thi xa|thanh pho|tp|xa|phuong|thi tran)\.? ")


def unit_key(name: str) -> str:
    """What tells two units apart: no accents, no case, no unit type."""
    return _UNIT_TYPE.sub("", search_key(name))


@dataclass
class PlanImport:
    """What an import did: the units and stations of the new plan, or the
    problems why nothing was imported; warnings either way."""

    districts: int = 0
    communes: int = 0
    stations: int = 0
    problems: list[PlanProblem] = field(default_factory=list)
    warnings: list[PlanProblem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def import_plan(
    session: Session, path: Path, *, clock: Clock, province: str | None = None
) -> PlanImport:
    """Replace the plan with the one in the .xlsx file at ``path``.

    In the caller's transaction; if any row is bad, nothing changes and the
    result lists every bad row. ``province`` (its name, e.g. "Bình Phước")
    narrows the gazetteer's warnings to the units of that province.
    """
    try:
        sheet = read_plan_sheet(path)
    except PlanSheetRefused as refused:
        return PlanImport(problems=[refused.problem])
    result = PlanImport(problems=list(sheet.problems), ignored_columns=sheet.ignored_columns)
    result.problems += _repeated(sheet.rows)
    if not sheet.rows and not result.problems:
        result.problems.append(plan_problem("no_units"))
    if result.problems:
        result.problems.sort(key=lambda p: p.row or 0)
        return result
    result.warnings = _warnings(sheet.rows, province)
    _replace(session, sheet.rows)
    session.add(
        CentrePlanImport(
            source=str(path),
            sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
            imported_at=clock.now(),
        )
    )
    session.flush()
    result.districts = len({unit_key(r.district) for r in sheet.rows})
    result.communes = sum(1 for r in sheet.rows if r.commune)
    result.stations = sum(1 for r in sheet.rows if r.station)
    return result


def _repeated(rows: list[PlanRow]) -> list[PlanProblem]:
    """A station, a commune of a district, or a district's own row, listed twice."""
    problems: list[PlanProblem] = []
    station_at: dict[str, int] = {}
    unit_at: dict[tuple[str, str], int] = {}
    for row in rows:
        if row.station is not None:
            if row.station in station_at:
                problems.append(
                    plan_problem(
                        "station_twice", row.row, station=row.station,
                        other=station_at[row.station],
                    )
                )  # fmt: skip
            station_at.setdefault(row.station, row.row)
        key = (unit_key(row.district), unit_key(row.commune or ""))
        if key in unit_at:
            if row.commune:
                problem = plan_problem(
                    "commune_twice", row.row, commune=row.commune, district=row.district,
                    other=unit_at[key],
                )  # fmt: skip
            else:
                problem = plan_problem(
                    "district_twice", row.row, district=row.district, other=unit_at[key]
                )
            problems.append(problem)
        unit_at.setdefault(key, row.row)
    return problems


def _warnings(rows: list[PlanRow], province: str | None) -> list[PlanProblem]:
    """Units the gazetteer does not know (in ``province``), and districts
    whose communes' targets add up to more than the district's."""
    warnings: list[PlanProblem] = []
    within = f", {province}" if province else ""
    known_districts: dict[str, bool] = {}
    for row in rows:
        key = unit_key(row.district)
        if key not in known_districts:
            known_districts[key] = is_known(row.district + within)
            if not known_districts[key]:
                warnings.append(
                    plan_problem(
                        "unknown_district", row.row, district=row.district,
                        within=f" ({province})" if province else "",
                    )
                )  # fmt: skip
        if (
            row.commune
            and known_districts[key]
            and not is_known(f"{row.commune}, {row.district}{within}")
        ):
            warnings.append(
                plan_problem("unknown_commune", row.row, commune=row.commune, district=row.district)
            )
    for district in {unit_key(r.district) for r in rows}:
        whole = next((r for r in rows if unit_key(r.district) == district and not r.commune), None)
        communes = sum(
            r.target_entries or 0 for r in rows if unit_key(r.district) == district and r.commune
        )
        if whole is not None and whole.target_entries and communes > whole.target_entries:
            warnings.append(
                plan_problem(
                    "communes_exceed_district", whole.row, district=whole.district,
                    communes=f"{communes:,}", whole=f"{whole.target_entries:,}",
                )
            )  # fmt: skip
    return sorted(warnings, key=lambda p: p.row or 0)


def _replace(session: Session, rows: list[PlanRow]) -> None:
    """The plan's tables emptied and filled with ``rows``.

    One import at a time: on PostgreSQL a second waits here for the first
    to commit, then empties what it wrote (SQLite's write lock does the
    same), rather than failing on a district name the first still holds.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PLAN_LOCK_KEY})
    for table in (CentrePlanStation, CentrePlanCommune, CentrePlanDistrict, CentrePlanImport):
        session.execute(delete(table))
    districts: dict[str, CentrePlanDistrict] = {}
    # The district's own row first, wherever it is in the sheet: it names the district.
    for row in sorted(rows, key=lambda r: r.commune is not None):
        key = unit_key(row.district)
        if key not in districts:
            districts[key] = CentrePlanDistrict(name=row.district)
        district = districts[key]
        if row.commune is None:
            district.target_entries = row.target_entries
            district.target_books = row.target_books
            district.deadline = row.deadline
            district.row = row.row
    session.add_all(districts.values())
    session.flush()
    communes = {
        row.row: CentrePlanCommune(
            district_id=districts[unit_key(row.district)].id, name=row.commune,
            target_entries=row.target_entries, target_books=row.target_books,
            deadline=row.deadline, row=row.row,
        )
        for row in rows
        if row.commune is not None
    }  # fmt: skip
    session.add_all(communes.values())
    session.flush()
    session.add_all(
        CentrePlanStation(
            code=row.station,
            district_id=districts[unit_key(row.district)].id,
            commune_id=communes[row.row].id if row.commune is not None else None,
        )
        for row in rows
        if row.station is not None
    )
    session.flush()


@dataclass(frozen=True)
class PlanUnit:
    """A unit of the plan: a commune, or a district (``commune`` None: the
    district as a whole for its target, its own office for its station)."""

    district: str
    commune: str | None
    target_entries: int | None
    target_books: int | None
    deadline: date | None
    station: str | None
    row: int | None  # the sheet's row; None for a district named only by its communes


@dataclass(frozen=True)
class Plan:
    """The plan as last imported: each district, then its communes, by name."""

    source: str | None
    imported_at: datetime | None
    units: list[PlanUnit]

    def stations(self) -> dict[str, PlanUnit]:
        """Each station of the plan and its unit."""
        return {u.station: u for u in self.units if u.station is not None}


def current_plan(session: Session) -> Plan:
    """The plan the centre holds (no units and no source before any import)."""
    last = session.scalars(select(CentrePlanImport)).first()
    stations = {
        (s.district_id, s.commune_id): s.code for s in session.scalars(select(CentrePlanStation))
    }
    communes: dict[int, list[CentrePlanCommune]] = {}
    for commune in session.scalars(select(CentrePlanCommune)):
        communes.setdefault(commune.district_id, []).append(commune)
    units: list[PlanUnit] = []
    for district in sorted(
        session.scalars(select(CentrePlanDistrict)), key=lambda d: unit_key(d.name)
    ):
        units.append(
            PlanUnit(
                district.name, None, district.target_entries, district.target_books,
                district.deadline, stations.get((district.id, None)), district.row,
            )
        )  # fmt: skip
        for commune in sorted(communes.get(district.id, []), key=lambda c: unit_key(c.name)):
            units.append(
                PlanUnit(
                    district.name, commune.name, commune.target_entries, commune.target_books,
                    commune.deadline, stations.get((district.id, commune.id)), commune.row,
                )
            )  # fmt: skip
    return Plan(
        source=last.source if last else None,
        imported_at=last.imported_at if last else None,
        units=units,
    )
