"""Opening the central database: a SQLite file, or a PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from app.centre.models import CentreBase
from app.db.engine import sqlite_engine

POSTGRESQL_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
# A table every station database has and a central one never does.
STATION_TABLE = "station"


class CentralDatabaseError(RuntimeError):
    """The central database cannot be opened; the message says why."""


def central_engine(database: str) -> Engine:
    """An engine on ``database``: a SQLite path, or a PostgreSQL URL (psycopg 3)."""
    if "://" not in database:
        path = Path(database)
        if not path.parent.is_dir():
            raise CentralDatabaseError(f"no folder {path.parent} for the database {path}")
        return sqlite_engine(path)
    try:
        url = make_url(database)
    except ArgumentError as e:
        raise CentralDatabaseError(f"{database!r} is not a database URL") from e
    if url.drivername not in POSTGRESQL_SCHEMES:
        raise CentralDatabaseError(
            f"{url.drivername} databases are not supported: give a SQLite path or a"
            " postgresql:// URL"
        )
    return create_engine(url.set(drivername="postgresql+psycopg"))


def open_central(database: str) -> Engine:
    """The central database at ``database``, its tables created when new."""
    engine = central_engine(database)
    try:
        if inspect(engine).has_table(STATION_TABLE):
            raise CentralDatabaseError(
                f"{shown(engine)} is a station's database: the centre loads batches into one"
                " of its own"
            )
        CentreBase.metadata.create_all(engine)
        _create_missing_indexes(engine)
    except SQLAlchemyError as e:
        engine.dispose()
        reason = getattr(e, "orig", None) or e
        raise CentralDatabaseError(
            f"cannot open the central database {shown(engine)}: {reason}"
        ) from e
    except CentralDatabaseError:
        engine.dispose()
        raise
    return engine


def _create_missing_indexes(engine: Engine) -> None:
    """The indexes a newer Sohoa adds to a table an older one created
    (``create_all`` makes a table's indexes only with the table): built
    once, the first time the newer Sohoa opens the database."""
    with engine.begin() as connection:
        held = {
            index["name"]
            for indexes in inspect(connection).get_multi_indexes().values()
            for index in indexes
        }
        for table in CentreBase.metadata.sorted_tables:
            for index in table.indexes:
                if index.name not in held:
                    index.create(connection)


# Beside a SQLite central file: the folder of its page scans.
SCANS_SUFFIX = ".scans"


def centre_scans(engine: Engine, given: Path | None = None) -> Path:
    """Where the centre keeps its page scans: ``given``, or the folder
    beside its SQLite file (``centre.sqlite3.scans``); a PostgreSQL server
    has no folder of its own, so one must be given."""
    if given is not None:
        return given
    if engine.url.get_backend_name() == "sqlite" and engine.url.database:
        return Path(engine.url.database + SCANS_SUFFIX)
    raise CentralDatabaseError(
        f"{shown(engine)} is on a server: give the folder of the centre's page scans (--scans DIR)"
    )


def shown(engine: Engine) -> str:
    """The database's address for messages, without its password."""
    if engine.url.get_backend_name() == "sqlite":
        return str(engine.url.database)
    return engine.url.render_as_string(hide_password=True)
