"""The station's tables, as SQLAlchemy 2 ORM classes.

Field values of an entry live in one JSON column, shaped by the book specs,
so that adding a field to a book is one edit of its spec. What queries need
(book, number, year, dates, status, names) is in columns of its own.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# SQLite leaves constraints unnamed; batch migrations need names to alter them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A moment in UTC, stored without offset and read back as aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: give moments in UTC")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    # Every model is declared with a __tablename__, so it is mapped to a
    # Table, not any FromClause: insert() and update() take it (see
    # sqlalchemy/sqlalchemy#9130).
    __table__: ClassVar[Table]


class Role(StrEnum):
    CLERK = "clerk"
    LEAD = "lead"
    ADMIN = "admin"


class EntryStatus(StrEnum):
    DRAFT = "draft"
    COMPLETED = "completed"
    DEFERRED = "deferred"
    VERIFIED = "verified"
    EXPORTED = "exported"


class DeferralReason(StrEnum):
    """Why an entry is left for later ("hard later")."""

    ILLEGIBLE = "illegible"  # a field cannot be read
    NEEDS_VERIFICATION = "needs_verification"  # check against another document
    DAMAGED_PAGE = "damaged_page"
    OTHER = "other"


class BookCondition(StrEnum):
    """How hard a book is to read; easy books are keyed first."""

    GOOD = "good"
    WORN = "worn"
    DAMAGED = "damaged"


class Station(Base):
    """This installation: one row, written by ``sohoa init``."""

    __tablename__ = "station"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    office: Mapped[str] = mapped_column(String(200))
    # The centre's age recipient(s), separated by spaces: batches are
    # encrypted to them (app.batch.age).
    centre_recipient: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The minisign public key (its base64 line) whose secret half the OS
    # keyring keeps; None until the station has a signing key (app.batch.keys).
    signing_key: Mapped[str | None] = mapped_column(String(64))


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    # Entries this user is expected to complete in one shift; None: the team's.
    shift_quota: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Wrong passwords in a row; enough of them lock the user out until
    # ``locked_until`` (app.access.login).
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Set by an admin's reset: the user chooses their own password at login.
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default="0")


class Book(Base):
    """One physical register book (quyển) of one kind, office and year."""

    __tablename__ = "books"
    __table_args__ = (
        UniqueConstraint("kind", "office", "volume", "year"),
        # The campaign's target, summed every few seconds on the dashboard.
        Index("ix_books_expected_entries", "expected_entries"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    office: Mapped[str] = mapped_column(String(200))
    volume: Mapped[str] = mapped_column(String(32))
    year: Mapped[int] = mapped_column(Integer)
    pages: Mapped[int | None] = mapped_column(Integer)
    expected_entries: Mapped[int | None] = mapped_column(Integer)
    condition: Mapped[str] = mapped_column(String(16), default=BookCondition.GOOD.value)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The work queue (app.queue): its place, the lead's hold, who keys it now.
    queue_rank: Mapped[int] = mapped_column(Integer, default=0)
    on_hold: Mapped[bool] = mapped_column(default=False)
    taken_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    taken_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Its entries by status, kept by triggers on entries (migration 0007) so
    # that the Books tab reads a row per book, not every entry.
    done_entries: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    deferred_entries: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    draft_entries: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    entries: Mapped[list[Entry]] = relationship(back_populates="book")


class Entry(Base):
    """One entry of a register book, in any state from draft to exported."""

    __tablename__ = "entries"
    __table_args__ = (
        Index("ix_entries_book_year_number", "book_id", "year", "number"),
        Index("ix_entries_status_completed_at", "status", "completed_at"),
        # The clerk's count for the shift, refreshed after every save.
        Index("ix_entries_completed_by_completed_at", "completed_by", "completed_at"),
        # The tallies of a day or a shift, whoever completed the entries:
        # covering, so that a day's tally reads the index alone.
        Index("ix_entries_completed_at_by_book", "completed_at", "completed_by", "book_id"),
        Index("ix_entries_deferred_at_by_book", "deferred_at", "deferred_by", "book_id"),
        # The backlog per reason, oldest first (the dashboard's summary).
        Index("ix_entries_status_reason_deferred_at", "status", "deferral_reason", "deferred_at"),
        # The entries of a main date, for the duplicate check at each save:
        # covering, so that it reads the index alone, not a page per entry.
        Index("ix_entries_main_date", "main_date", "status", "book_id", "title"),
        Index("ix_entries_saved_seq", "saved_seq"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=lambda: str(uuid.uuid4()))
    book_id: Mapped[int] = mapped_column(ForeignKey("books.id"))
    # Numbering restarts each year: the year of the registration date.
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int | None] = mapped_column(Integer)
    registration_date: Mapped[str | None] = mapped_column(String(10))  # ISO, partial
    title: Mapped[str] = mapped_column(String(200), default="")  # the main name, for lists
    # The main person's date (app.specs.identities.IDENTITIES: the child's
    # birth, the death, the wife's birth), ISO, partial.
    main_date: Mapped[str | None] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(16), default=EntryStatus.DRAFT.value)
    deferral_reason: Mapped[str | None] = mapped_column(String(32))
    deferral_note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # {field key: {"v": value, "s": source status if not clear, "t": transcription}}
    values: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    updated_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The order of saves on the station (app.entries.store): the draft last
    # saved is the one offered at the next start, whatever the wall clock
    # said, for an office PC's clock may have been set back in between.
    saved_seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Who completed it: the tally counts it for them, whoever edits it later.
    completed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # The last time it was left for later, and by whom: kept once it is
    # completed, for the tally counts the deferral in the shift it happened.
    deferred_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deferred_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # The clerk the lead handed a deferred entry to (app.work.backlog): they
    # open it from their list, whatever its book's state.
    assigned_to: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # Where on its page's scan the entry is written, as fractions of the page
    # turned upright: [left, top, width, height]; None for the whole page.
    page_region: Mapped[list[float] | None] = mapped_column(JSON)

    book: Mapped[Book] = relationship(back_populates="entries")


class EntryName(Base):
    """The accent-free search key of each person name of an entry."""

    __tablename__ = "entry_names"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(64))
    key: Mapped[str] = mapped_column(String(200), index=True)


class Setting(Base):
    """A station setting the lead may change: shifts, quotas, the deadline."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class DailyDone(Base):
    """Entries completed each day (Vietnam date), counted as they are saved.

    The campaign's progress line reads this instead of counting a million
    entries; ``app.work.progress`` keeps it and can recount it from the
    entries, which ``sohoa check`` does to prove it true.
    """

    __tablename__ = "daily_done"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    entries: Mapped[int] = mapped_column(Integer)


class BacklogCount(Base):
    """Deferred entries per reason, kept by triggers on entries (migration
    0008) so that the dashboard reads four rows, not the whole backlog."""

    __tablename__ = "backlog_counts"

    reason: Mapped[str] = mapped_column(String(32), primary_key=True)
    entries: Mapped[int] = mapped_column(Integer)


class WorkSession(Base):
    """A clerk's work in one shift of one day: active time and keystrokes.

    ``shift`` is the shift's number, 0 for work outside every shift. Time
    between two keystrokes counts as active unless it is longer than the idle
    limit (app.activity).
    """

    __tablename__ = "work_sessions"
    __table_args__ = (UniqueConstraint("user_id", "day", "shift"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    day: Mapped[date] = mapped_column(Date)
    shift: Mapped[int] = mapped_column(Integer)
    active_seconds: Mapped[int] = mapped_column(Integer, default=0)
    keystrokes: Mapped[int] = mapped_column(Integer, default=0)
    first_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Batch(Base):
    """One batch of entries for the centre, numbered per station.

    A batch is recorded before it is written (``exported_at`` None) so that
    an export cut short is finished later as the same batch, never as another
    batch with the same number. ``payload`` keeps the exact plaintext, JSON
    Lines compressed with zlib, so that a lost stick is replaced by the same
    batch with the same entries at the same versions.
    """

    __tablename__ = "batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    sequence: Mapped[int] = mapped_column(Integer, unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    entry_count: Mapped[int] = mapped_column(Integer)
    audit_head: Mapped[str] = mapped_column(String(128))
    payload: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    # When its entries were marked exported: the first complete writing.
    exported_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Where it was last written, and when.
    written_to: Mapped[str | None] = mapped_column(Text)
    written_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class BatchEntry(Base):
    """An entry that went into a batch, at the version it went in."""

    __tablename__ = "batch_entries"

    batch_id: Mapped[int] = mapped_column(ForeignKey("batches.id"), primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id"), primary_key=True, index=True)
    version: Mapped[int] = mapped_column(Integer)


class BatchScan(Base):
    """A page scan that went into a batch: each travels to the centre once."""

    __tablename__ = "batch_scans"

    batch_id: Mapped[int] = mapped_column(ForeignKey("batches.id"), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)


class BookScan(Base):
    """One page of a book as scanned, kept by its content in the station's
    scan store (app.scans.store): the file's name is its SHA-256."""

    __tablename__ = "book_scans"
    __table_args__ = (UniqueConstraint("book_id", "page"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    book_id: Mapped[int] = mapped_column(ForeignKey("books.id"))
    # The page of the register it shows: what an entry's "page" field names.
    page: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    media_type: Mapped[str] = mapped_column(String(32))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(Integer)
    # The file it came from (with "#3" for a page of a multi-page file).
    source: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    imported_by: Mapped[int] = mapped_column(ForeignKey("users.id"))


class FindingState(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"  # the entries were corrected
    DISMISSED = "dismissed"  # looked at: nothing is wrong (the reason says why)


class CheckFinding(Base):
    """A check across entries that found something for the lead to look at:
    possible duplicates, a gap or a repeated number in a book, registration
    dates out of order, an entry with little read from the book. Found once:
    a pass that finds it again (by ``signature``) leaves it as the lead
    decided it."""

    __tablename__ = "check_findings"

    id: Mapped[int] = mapped_column(primary_key=True)
    check: Mapped[str] = mapped_column(String(32))
    # What was found, the same each time it is found: the check and the
    # entries or book and numbers it concerns.
    signature: Mapped[str] = mapped_column(String(200), unique=True)
    book_id: Mapped[int | None] = mapped_column(ForeignKey("books.id"))
    # The entries it concerns, and what the check says of them.
    entry_ids: Mapped[list[int]] = mapped_column(JSON)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
    found_at: Mapped[datetime] = mapped_column(UTCDateTime)
    state: Mapped[str] = mapped_column(String(16), default=FindingState.OPEN.value, index=True)
    reason: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class VerificationState(StrEnum):
    WAITING = "waiting"  # for a second clerk to key it blind
    MISMATCH = "mismatch"  # the two keyings differ: for the lead to arbitrate
    VERIFIED = "verified"  # they agreed, or the lead decided every difference
    RELEASED = "released"  # the lead let it go unverified (``note`` says why)


class Verification(Base):
    """An entry drawn for blind double keying, and what came of it."""

    __tablename__ = "verifications"

    __table_args__ = (
        # The keyings measured over a few days, for the error rates: covering.
        Index(
            "ix_verifications_measured",
            "state",
            "second_keyed_at",
            "first_keyed_at",
            "first_keyer",
            "second_keyer",
            "fields_compared",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id"), index=True)
    # Who completed the entry, and when: the keying the second is compared
    # with. Set when drawn, and again when keyed a second time, for an entry
    # deferred since is the clerk's who completed it from the backlog.
    first_keyer: Mapped[int] = mapped_column(ForeignKey("users.id"))
    first_keyed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    state: Mapped[str] = mapped_column(String(16), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The second clerk: who took it (so that two do not key it at once),
    # what they keyed, when.
    taken_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    second_keyer: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    second_values: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    second_keyed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Fields the two keyings were compared on: the measure of error rates.
    fields_compared: Mapped[int | None] = mapped_column(Integer)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    note: Mapped[str | None] = mapped_column(Text)


class FieldDifference(Base):
    """A field the two keyings differ on, and the lead's decision on it."""

    __tablename__ = "field_differences"

    id: Mapped[int] = mapped_column(primary_key=True)
    verification_id: Mapped[int] = mapped_column(ForeignKey("verifications.id"), index=True)
    field: Mapped[str] = mapped_column(String(64))
    # Each as stored: {"v": value, "s": source status, "t": transcription}.
    first: Mapped[dict[str, str]] = mapped_column(JSON)
    second: Mapped[dict[str, str]] = mapped_column(JSON)
    chosen: Mapped[dict[str, str] | None] = mapped_column(JSON)
    # Whose error: "first", "second" or "both" (a third value was right).
    error_of: Mapped[str | None] = mapped_column(String(8))


class AuditRecord(Base):
    """One change to the station, kept for good: who, when, what, before and
    after. Rows are only ever added (triggers refuse the rest, migration
    0014), and each hashes the one before it (app.access.audit)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(32))
    # What changed: "entry:<uuid>", "batch:<uuid>", "finding:<id>", …
    subject: Mapped[str] = mapped_column(String(80))
    # None is SQL NULL (a new entry has nothing before), not JSON's null.
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    previous: Mapped[str] = mapped_column(String(64))  # the hash of the row before
    hash: Mapped[str] = mapped_column(String(64))
