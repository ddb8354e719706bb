"""Bringing a station database to the schema this version of Sohoa needs.

At every start the database is upgraded to the newest revision; when it holds
data and is behind, a backup is taken first, so that a failed or unwanted
migration never costs a clerk their work.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

import migrations
from app.db.backup import backup_database

MIGRATIONS_DIR = Path(migrations.__file__).parent


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The newest revision this version of Sohoa knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migration revisions are installed")
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at; None for a database never migrated."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, database: Path, backup_dir: Path) -> Path | None:
    """Upgrade ``database`` to the head revision; return the backup taken, if any."""
    current = current_revision(engine)
    if current == head_revision():
        return None
    backup = None
    if current is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = backup_database(database, backup_dir / f"before-upgrade-{current}-{stamp}.sqlite3")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return backup
