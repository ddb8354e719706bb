"""The station's health: is the database sound and its schema what we expect?

Checking never changes the database: it opens the file read-only, does not
migrate, and only reports. SQLite's integrity check comes first, and every
finding of it is kept (up to :data:`INTEGRITY_LIMIT`); a damaged file is
checked no further, for what it would read is not to be trusted, and the
newest backup that is sound is named. On a sound file the schema, the kept
counts and the audit log's chain are checked: the chain is walked from its
first row (app.access.audit), and the first row that does not hold is named.
"""

from __future__ import annotations

from collections.abc import Callable
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
from app.station.backups import Backup, latest_good_backup
from app.work import backlog, progress

# How many findings of SQLite's integrity check are read; a file damaged
# past that is said to have "at least" that many.
INTEGRITY_LIMIT = 1000


@dataclass(frozen=True)
class Health:
    database: Path
    # "ok"; "unreadable: …" when SQLite cannot read the file as a database;
    # otherwise the first finding of the integrity check.
    integrity: str
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
    # Every finding of the integrity check, up to INTEGRITY_LIMIT, when not ok.
    integrity_findings: tuple[str, ...] = ()
    # The newest backup that passes SQLite's quick check, named when the
    # database is damaged.
    good_backup: Backup | None = None

    @property
    def readable(self) -> bool:
        return not self.integrity.startswith("unreadable:")

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
        if not self.readable:
            return [f"database {self.integrity}"]
        if self.integrity != "ok":
            count = len(self.integrity_findings)
            many = "at least " if count >= INTEGRITY_LIMIT else ""
            return [f"database damaged: {many}{count:,} finding(s), the first: {self.integrity}"]
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
        findings = _integrity(engine.connect)
        if findings != ["ok"]:
            return _damaged(data_dir, path, findings)
        return _sound_file(path, engine.connect)
    except DatabaseError as e:
        # Damage bad enough that SQLite's own checks stop, or that the file
        # is no database at all, is what a check exists to report.
        if "not a database" in str(e.orig):
            return _damaged(data_dir, path, [f"unreadable: {e.orig}"])
        return _damaged(data_dir, path, [f"{e.orig}: SQLite's check cannot get past the damage"])
    finally:
        engine.dispose()


def _integrity(connect: Callable[[], Connection]) -> list[str]:
    """Every finding of SQLite's integrity check (``["ok"]`` when none).

    The full check compares each index with its table, and stops with an
    error where a damaged page leaves nothing to compare; the quick check,
    which reads each page alone, then says which pages are damaged. A file
    neither can read raises, as unreadable."""
    try:
        return _findings(connect, "integrity_check")
    except DatabaseError:
        return _findings(connect, "quick_check")


def _findings(connect: Callable[[], Connection], check: str) -> list[str]:
    with connect() as connection:
        rows = connection.execute(text(f"PRAGMA {check}({INTEGRITY_LIMIT})")).scalars().all()
    # A finding may span lines, and some versions put several in one row,
    # under a heading that is no finding.
    lines = [line for row in rows for line in str(row).splitlines()]
    return [line for line in lines if line.strip() and line != "*** in database main ***"]


def _damaged(data_dir: Path, path: Path, findings: list[str]) -> Health:
    return Health(
        path,
        findings[0],
        0,
        None,
        head_revision(),
        [],
        {},
        integrity_findings=tuple(findings),
        good_backup=latest_good_backup(data_dir),
    )


def _sound_file(path: Path, connect: Callable[[], Connection]) -> Health:
    with connect() as connection:
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
    return Health(
        path,
        "ok",
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
