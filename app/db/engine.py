"""Opening the station's SQLite file the way power cuts require.

WAL lets the dashboard read while a clerk writes; ``synchronous=FULL`` makes
every acknowledged save survive a power cut; foreign keys are off in SQLite
unless asked for on each connection.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

DATABASE_NAME = "sohoa.sqlite3"
BUSY_TIMEOUT_MS = 5000
# The log's length at which a commit checkpoints it (SQLite's default is
# 1,000 pages): a safety net under app.db.checkpoints, which keeps it short.
AUTOCHECKPOINT_PAGES = 10_000


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_NAME


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # The driver's own transaction handling begins a transaction only at the
    # first write, so reads before it and schema changes escape it; we turn
    # it off and begin every transaction ourselves (see _on_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute(f"PRAGMA wal_autocheckpoint={AUTOCHECKPOINT_PAGES}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _on_connect_read_only(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    dbapi_connection.isolation_level = None
    dbapi_connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


# Execution option: begin the transaction as a writer (BEGIN IMMEDIATE). A
# transaction that reads for a while and then writes must, or a commit by
# another connection in between makes its first write fail at once
# ("database is locked") instead of waiting.
WRITER = "sohoa_writer"


def _on_begin(connection: Connection) -> None:
    writer = connection.get_execution_options().get(WRITER, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")


def stored_json(value: object) -> str:
    """JSON as the station stores it: compact, and Vietnamese as it is
    (UTF-8), not as \\u escapes: smaller, and readable where it is copied
    as it is (a batch's lines)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def read_only_uri(path: Path) -> str:
    """The URI that opens the database at ``path`` without changing it.

    In a folder that cannot be written (a write-protected stick, a read-only
    share) SQLite cannot make the shared index of its log, and refuses to
    open the file at all; there it is opened as immutable, which it is."""
    writable = os.access(path.parent, os.W_OK)
    return f"file:{path}?mode=ro" + ("" if writable else "&immutable=1")


def sqlite_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine on the SQLite file at ``path`` with the station's pragmas.

    Every transaction, reads and schema changes included, is a real SQLite
    transaction. ``read_only`` opens the file without changing it in any
    way (no journal mode switch), for checks and backups.
    """
    if read_only:
        engine = create_engine(
            f"sqlite:///{read_only_uri(path)}&uri=true", json_serializer=stored_json
        )
        event.listen(engine, "connect", _on_connect_read_only)
    else:
        engine = create_engine(f"sqlite:///{path}", json_serializer=stored_json)
        event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


class StationSessions(sessionmaker[Session]):
    """Sessions on the station's file. ``begin()`` begins a writer's
    transaction (:data:`WRITER`): the window and an export in a thread of
    its own write beside each other, each waiting its turn; a plain session
    (``sessions()``) reads without a lock."""

    @contextmanager
    def begin(self) -> Iterator[Session]:
        with self() as session, session.begin():
            session.connection(execution_options={WRITER: True})
            yield session


def session_factory(engine: Engine) -> StationSessions:
    return StationSessions(engine, expire_on_commit=False)
