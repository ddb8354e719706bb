"""Bringing a station database to the schema this version of Sohoa needs.

At every start the database is upgraded to the newest revision; when it holds
data and is behind, a backup is taken first, so that a failed or unwanted
migration never costs a clerk their work. A start with nothing to upgrade
(nearly every one) reads the revision with one query and never loads Alembic,
a fifth of a second of a clerk's start.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

import migrations
from app.db.online_copy import BackupError, backup_database

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(migrations.__file__).parent
# The newest revision in migrations/versions, known without Alembic;
# tests/test_migrations.py holds it to Alembic's own reading of the scripts.
HEAD_REVISION = "0019"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The newest revision this version of Sohoa knows."""
    return HEAD_REVISION


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at; None for a database never migrated."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.scalar(text("SELECT version_num FROM alembic_version"))


class MigrationError(RuntimeError):
    """The database cannot be brought to this version's schema."""


class WrittenByNewerVersion(MigrationError):
    """The database is at a revision this version does not know."""


def upgrade(engine: Engine, database: Path, backup_dir: Path) -> Path | None:
    """Upgrade ``database`` to the head revision; return the backup taken, if any.

    The upgrade runs in one transaction with foreign keys off: SQLite alters
    a table by copying it and dropping the old one, and with foreign keys on
    that drop would delete (cascade) the rows that refer to it. The keys are
    checked before the transaction commits.
    """
    current = current_revision(engine)
    if current == HEAD_REVISION:
        return None
    from alembic import command
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    if current is not None and current not in {r.revision for r in scripts.walk_revisions()}:
        raise WrittenByNewerVersion(
            f"the database is at revision {current}, which this version of Sohoa does not know:"
            " it was written by a newer version"
        )
    backup = None
    if current is not None:
        try:
            backup = backup_database(
                database, backup_dir / f"before-upgrade-{current}-{utc_stamp()}.sqlite3"
            )
        except BackupError as e:
            raise MigrationError(
                f"this version of Sohoa upgrades the database after a backup of it, and {e};"
                " nothing was changed"
            ) from e
    config = alembic_config()
    with engine.connect() as connection:
        # PRAGMA foreign_keys has no effect inside a transaction: set it first.
        _driver(connection).execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    raise MigrationError(f"the upgrade would leave {len(broken)} broken references")
        finally:
            _driver(connection).execute("PRAGMA foreign_keys=ON")
    return backup


def _driver(connection: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under ``connection``, outside SQLAlchemy's transactions."""
    driver = connection.connection.driver_connection
    assert driver is not None  # an open connection has its driver's
    return driver


def utc_stamp() -> str:
    """A moment for file names: 20261122T083000Z."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
