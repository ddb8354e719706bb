"""The station's health: is the database sound and its schema what we expect?

Checking never changes the database: it opens the file read-only, does not
migrate, and only reports (the audit chain joins these checks when the audit
log exists).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select, text
from sqlalchemy.exc import DatabaseError

from app.db.engine import database_path, sqlite_engine
from app.db.migrate import head_revision
from app.db.models import Base, Entry


@dataclass(frozen=True)
class Health:
    database: Path
    integrity: str  # "ok", or SQLite's first complaint
    foreign_key_violations: int
    revision: str | None
    head: str
    schema_differences: list[str]
    entries_by_status: dict[str, int]

    @property
    def migrations_current(self) -> bool:
        return self.revision == self.head and not self.schema_differences

    @property
    def healthy(self) -> bool:
        return (
            self.integrity == "ok" and self.foreign_key_violations == 0 and self.migrations_current
        )

    def problems(self) -> list[str]:
        """One plain sentence per thing that is wrong."""
        if self.integrity != "ok":
            return [f"database damaged: {self.integrity}"]
        found = []
        if self.foreign_key_violations:
            found.append(f"{self.foreign_key_violations} rows refer to missing rows")
        if self.revision != self.head:
            found.append(f"schema at revision {self.revision}, this version needs {self.head}")
        elif self.schema_differences:
            found.append("schema differs from the models: " + "; ".join(self.schema_differences))
        return found


def check_station(data_dir: Path) -> Health:
    """Examine the station database in ``data_dir`` without changing it."""
    path = database_path(data_dir)
    if not path.exists():
        raise FileNotFoundError(f"no station database at {path}")
    engine = sqlite_engine(path, read_only=True)
    try:
        with engine.connect() as connection:
            integrity = connection.execute(text("PRAGMA integrity_check")).scalar_one()
            violations = len(connection.execute(text("PRAGMA foreign_key_check")).all())
            context = MigrationContext.configure(connection)
            revision = context.get_current_revision()
            differences = [repr(d) for d in compare_metadata(context, Base.metadata)]
            counts = dict(
                connection.execute(select(Entry.status, func.count()).group_by(Entry.status)).all()
                if revision is not None
                else []
            )
    except DatabaseError as e:
        # Damage bad enough that SQLite cannot read the file is what a check
        # exists to report, not a reason to fail.
        return Health(path, f"unreadable: {e.orig}", 0, None, head_revision(), [], {})
    finally:
        engine.dispose()
    return Health(path, integrity, violations, revision, head_revision(), differences, counts)
