"""Opening the station's SQLite file the way power cuts require.

WAL lets the dashboard read while a clerk writes; ``synchronous=FULL`` makes
every acknowledged save survive a power cut; foreign keys are off in SQLite
unless asked for on each connection.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

DATABASE_NAME = "sohoa.sqlite3"
BUSY_TIMEOUT_MS = 5000


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_NAME


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def sqlite_engine(path: Path) -> Engine:
    """An engine on the SQLite file at ``path`` with the station's pragmas."""
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _on_connect)
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
