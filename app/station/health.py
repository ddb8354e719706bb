"""The station's health: is the database sound and its schema what we expect?

Checking never changes the database: it opens the file read-only, does not
migrate, and only reports. The audit log's chain is walked from its first
row (app.access.audit), and the first row that does not hold is named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import ColumnElement, Connection, case, func, or_, select, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from app.access.audit import audit_rows, verify_chain
from app.db.engine import database_path, sqlite_engine
from app.db.migrate import head_revision
from app.db.models import Base, Book, DeferralReason, Entry, EntryStatus
from app.work import backlog, progress


@dataclass(frozen=True)
class Health:
    database: Path
    integrity: str  # "ok", or SQLite's first complaint
    foreign_key_violations: int
    revision: str | None
    head: str
    schema_differences: list[str]
    entries_by_status: dict[str, int]
    # Days whose kept count of completed entries differs from a recount.
    daily_counts_off: list[str] = field(default_factory=list)
    # Books whose kept counts of entries by status differ from a recount.
    book_counts_off: list[int] = field(default_factory=list)
    # Deferral reasons whose kept count of waiting entries differs from a recount.
    backlog_counts_off: list[str] = field(default_factory=list)
    audit_rows: int = 0
    # The first row of the audit log that does not hold, and why; None when all do.
    audit_broken: str | None = None

    @property
    def migrations_current(self) -> bool:
        return self.revision == self.head and not self.schema_differences

    @property
    def healthy(self) -> bool:
        return (
            self.integrity == "ok"
            and self.foreign_key_violations == 0
            and self.migrations_current
            and not self.daily_counts_off
            and not self.book_counts_off
            and not self.backlog_counts_off
            and self.audit_broken is None
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
        if self.daily_counts_off:
            found.append(
                "completed entries per day do not match a recount on "
                + ", ".join(self.daily_counts_off)
            )
        if self.backlog_counts_off:
            found.append(
                "deferred entries per reason do not match a recount for "
                + ", ".join(self.backlog_counts_off)
            )
        if self.book_counts_off:
            found.append(
                "entries per book do not match a recount for book(s) "
                + ", ".join(str(b) for b in self.book_counts_off[:10])
                + (" …" if len(self.book_counts_off) > 10 else "")
            )
        if self.audit_broken:
            found.append(f"the audit chain is broken: {self.audit_broken}")
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
            current = revision == head_revision()
            counts_off = _daily_counts_off(connection) if current else []
            books_off = _book_counts_off(connection) if current else []
            backlog_off = _backlog_counts_off(connection) if current else []
            if current:
                with Session(connection) as session:
                    broken = verify_chain(session)
                    audited = audit_rows(session)
            else:
                broken, audited = None, 0
    except DatabaseError as e:
        # Damage bad enough that SQLite cannot read the file is what a check
        # exists to report, not a reason to fail.
        return Health(path, f"unreadable: {e.orig}", 0, None, head_revision(), [], {})
    finally:
        engine.dispose()
    return Health(
        path,
        integrity,
        violations,
        revision,
        head_revision(),
        differences,
        counts,
        counts_off,
        books_off,
        backlog_off,
        audited,
        str(broken) if broken else None,
    )


def _daily_counts_off(connection: Connection) -> list[str]:
    with Session(connection) as session:
        kept, recounted = dict(progress.per_day(session)), dict(progress.recount(session))
    return [
        day.isoformat()
        for day in sorted(kept.keys() | recounted.keys())
        if kept.get(day, 0) != recounted.get(day, 0)
    ]


def _backlog_counts_off(connection: Connection) -> list[str]:
    with Session(connection) as session:
        kept, recounted = backlog.backlog_counts(session), backlog.recounted_backlog(session)
    return [r.value for r in DeferralReason if kept.get(r, 0) != recounted.get(r, 0)]


def _book_counts_off(connection: Connection) -> list[int]:
    """Books whose kept done/deferred/draft counts differ from a recount."""
    done = [s.value for s in (EntryStatus.COMPLETED, EntryStatus.VERIFIED, EntryStatus.EXPORTED)]

    def count(*statuses: str) -> ColumnElement[int]:
        return func.count(case((Entry.status.in_(statuses), 1)))

    recount = (
        select(
            Entry.book_id.label("book_id"),
            count(*done).label("done"),
            count(EntryStatus.DEFERRED.value).label("deferred"),
            count(EntryStatus.DRAFT.value).label("drafts"),
        )
        .group_by(Entry.book_id)
        .subquery()
    )
    kept = (Book.done_entries, Book.deferred_entries, Book.draft_entries)
    counted = [func.coalesce(c, 0) for c in (recount.c.done, recount.c.deferred, recount.c.drafts)]
    return list(
        connection.scalars(
            select(Book.id)
            .outerjoin(recount, recount.c.book_id == Book.id)
            .where(or_(*(k != c for k, c in zip(kept, counted, strict=True))))
            .order_by(Book.id)
        )
    )
