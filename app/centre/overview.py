"""What the centre's window shows, read in one go: the province's daily
report as it stands now (app.centre.report), and when the plan it measures
against was imported.

The window refreshes by calling :func:`centre_overview` (``sohoa bench
--centre`` times exactly that call as the window's refresh) through
:func:`read_overview`, and reads a station's detail through
:func:`read_station_detail`: each in a session of its own, a failure of
the database said as a :class:`CentralDatabaseError` (the server gone, the
file missing, a file that is no centre's), which the window shows as such.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.centre.database import CentralDatabaseError, open_central, shown
from app.centre.models import CentrePlanImport
from app.centre.report import ProvinceReport, province_report
from app.centre.station_detail import StationDetail, station_detail
from app.system.clock import Clock, local_today


class CentreMissing(CentralDatabaseError):
    """The central database named is a file that does not exist: the window
    looks at a centre, it never makes one (``sohoa intake`` does)."""


@dataclass(frozen=True)
class CentreOverview:
    report: ProvinceReport  # of today, made now
    plan_imported_at: datetime | None  # None: no plan imported yet


def centre_overview(session: Session, clock: Clock) -> CentreOverview:
    """The province as the centre's window shows it, as of ``clock``'s now."""
    report = province_report(session, local_today(clock), clock=clock)
    imported_at = session.scalar(
        select(CentrePlanImport.imported_at).order_by(CentrePlanImport.id.desc()).limit(1)
    )
    return CentreOverview(report, imported_at)


def open_to_read(database: str) -> Engine:
    """The central database at ``database``, as ``sohoa centre status``
    opens it; a SQLite file must exist already."""
    if "://" not in database and not Path(database).is_file():
        raise CentreMissing(f"there is no central database {database}")
    return open_central(database)


def read_overview(engine: Engine, clock: Clock) -> CentreOverview:
    """:func:`centre_overview` in a session of its own."""
    with reading(engine) as session:
        return centre_overview(session, clock)


def read_station_detail(engine: Engine, station: str, today: date) -> StationDetail:
    """:func:`app.centre.station_detail.station_detail` in a session of its own."""
    with reading(engine) as session:
        return station_detail(session.connection(), station, today)


@contextmanager
def reading(engine: Engine) -> Iterator[Session]:
    """A session on the central database; a database that fails under it
    is a :class:`CentralDatabaseError` saying why."""
    try:
        with Session(engine) as session:
            yield session
    except SQLAlchemyError as e:
        reason = getattr(e, "orig", None) or e
        raise CentralDatabaseError(
            f"cannot read the central database {shown(engine)}: {reason}"
        ) from e
