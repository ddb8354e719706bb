"""The central database's tables: the batches received, the entries and
the scanned pages they bring, and each station's newest summary.

An entry is kept once, by its UUID, at the newest version received; which
batch brought that version is kept beside it. A page is kept once per
station's book and page number, its image in the centre's scan store. Created by
:func:`app.centre.database.open_central`, for a central file or server of
its own (no station tables there).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.db.models import NAMING_CONVENTION, UTCDateTime


class CentreBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    # Every model is declared with a __tablename__, so mapped to a Table (as app.db.models.Base).
    __table__: ClassVar[Table]


class ReceivedBatch(CentreBase):
    """A batch loaded once; a batch with the same UUID is never loaded again."""

    __tablename__ = "centre_batches"
    __table_args__ = (Index("ix_centre_batches_station_sequence", "station", "sequence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    station: Mapped[str] = mapped_column(String(32))
    sequence: Mapped[int] = mapped_column(Integer)
    entry_count: Mapped[int] = mapped_column(Integer)
    signing_key_id: Mapped[str] = mapped_column(String(16))
    bagging_date: Mapped[date] = mapped_column(Date)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    source: Mapped[str] = mapped_column(Text)  # the path it was loaded from
    # What loading it did: entries new to the centre, replaced by a newer
    # version, already there at that version, or older than the one there.
    new_entries: Mapped[int] = mapped_column(Integer)
    updated_entries: Mapped[int] = mapped_column(Integer)
    unchanged_entries: Mapped[int] = mapped_column(Integer)
    older_entries: Mapped[int] = mapped_column(Integer)


class CentreEntry(CentreBase):
    """An entry of a station's register book, at the newest version received."""

    __tablename__ = "centre_entries"
    __table_args__ = (
        Index("ix_centre_entries_station_kind", "station", "kind"),
        # The entries completed in a span, per station (app.centre.counts).
        Index("ix_centre_entries_completed", "completed_at", "station"),
    )

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    station: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))
    book_office: Mapped[str] = mapped_column(String(200))
    book_volume: Mapped[str] = mapped_column(String(32))
    book_year: Mapped[int] = mapped_column(Integer)
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int | None] = mapped_column(Integer)
    registration_date: Mapped[str | None] = mapped_column(String(10))
    # {field key: {"v": value, "s": source status if not clear, "t": transcription}}
    values: Mapped[dict[str, Any]] = mapped_column(JSON)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    completed_by: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    batch_uuid: Mapped[str] = mapped_column(ForeignKey("centre_batches.uuid"))


class CentrePage(CentreBase):
    """A scanned page of a station's book, as the newest batch that carried
    it gave it; its image is in the centre's scan store (app.scans.store)
    under its SHA-256. A book is named as its entries name it: station,
    kind, office, volume, year."""

    __tablename__ = "centre_pages"
    __table_args__ = (
        UniqueConstraint(
            "station", "kind", "book_office", "book_volume", "book_year", "page",
            name="uq_centre_pages_book_page",
        ),
    )  # fmt: skip

    id: Mapped[int] = mapped_column(primary_key=True)
    station: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))
    book_office: Mapped[str] = mapped_column(String(200))
    book_volume: Mapped[str] = mapped_column(String(32))
    book_year: Mapped[int] = mapped_column(Integer)
    page: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    media_type: Mapped[str] = mapped_column(String(32))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    # The batch that brought it, and its number: a page scanned again and
    # carried by a later batch replaces it, never an earlier batch's.
    batch_uuid: Mapped[str] = mapped_column(ForeignKey("centre_batches.uuid"))
    batch_sequence: Mapped[int] = mapped_column(Integer)


class CentrePlanImport(CentreBase):
    """The province's plan as last imported (app.centre.plan): one row, the
    file and the moment; an import replaces the whole plan."""

    __tablename__ = "centre_plan_imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(Text)  # the path it was imported from
    sha256: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CentrePlanDistrict(CentreBase):
    """A district (huyện, thị xã, thành phố) of the plan: its target for the
    district as a whole, when the plan sets one, and its deadline."""

    __tablename__ = "centre_plan_districts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    target_entries: Mapped[int | None] = mapped_column(Integer)
    target_books: Mapped[int | None] = mapped_column(Integer)
    deadline: Mapped[date | None] = mapped_column(Date)
    row: Mapped[int | None] = mapped_column(Integer)  # the sheet's row that set them


class CentrePlanCommune(CentreBase):
    """A commune (xã, phường, thị trấn) of the plan: its target and deadline."""

    __tablename__ = "centre_plan_communes"
    __table_args__ = (UniqueConstraint("district_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    district_id: Mapped[int] = mapped_column(ForeignKey("centre_plan_districts.id"))
    name: Mapped[str] = mapped_column(String(100))
    target_entries: Mapped[int | None] = mapped_column(Integer)
    target_books: Mapped[int | None] = mapped_column(Integer)
    deadline: Mapped[date | None] = mapped_column(Date)
    row: Mapped[int] = mapped_column(Integer)


class CentrePlanStation(CentreBase):
    """A station of the plan, by its code, and the unit whose books it keys:
    a commune, or the district's own office (no commune)."""

    __tablename__ = "centre_plan_stations"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    district_id: Mapped[int] = mapped_column(ForeignKey("centre_plan_districts.id"))
    commune_id: Mapped[int | None] = mapped_column(ForeignKey("centre_plan_communes.id"))


class CentreStationSummary(CentreBase):
    """A station's newest summary (app.batch.summary), from the batch of the
    highest number that carried one: a summary from an older batch, arriving
    late, never replaces a newer one. The figures the province's status
    reads most are columns; the whole summary is kept as its JSON."""

    __tablename__ = "centre_station_summaries"

    station: Mapped[str] = mapped_column(String(32), primary_key=True)
    batch_uuid: Mapped[str] = mapped_column(ForeignKey("centre_batches.uuid"))
    batch_sequence: Mapped[int] = mapped_column(Integer)
    summary_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The station's campaign: the inventory's expected entries and those done;
    # entries deferred and drafts, over its books.
    target: Mapped[int] = mapped_column(Integer)
    done: Mapped[int] = mapped_column(Integer)
    deferred: Mapped[int] = mapped_column(Integer)
    drafts: Mapped[int] = mapped_column(Integer)
    last_backup: Mapped[datetime | None] = mapped_column(UTCDateTime)
    audit_head: Mapped[str] = mapped_column(String(64))
    summary: Mapped[dict[str, Any]] = mapped_column(JSON)
