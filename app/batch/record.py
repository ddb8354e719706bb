"""Step 1 of an export: which entries the next batch takes, and the batch
recorded with its exact plaintext (number, UUID, the entries and their
versions) in one transaction. Nothing is marked exported yet: that is
:mod:`app.batch.export`'s, once the batch is on the stick and reads back.

A batch also carries the page scans its entries are on that no batch
before it carried (``batch_scans``): each page travels once, with the
first batch holding an entry on it, so the centre has an entry's page as
soon as it has the entry. Recorded with the batch, they are the same scans
when the batch is written again.

It carries the station's summary too (app.batch.summary), made in the
same transaction, so that it counts what the station held when the batch
was recorded; kept in the payload, it is the same when written again.
"""

from __future__ import annotations

import uuid
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Text, and_, func, insert, select, type_coerce
from sqlalchemy.orm import Session

from app.access import audit
from app.batch.format import header, json_line
from app.batch.limits import MAX_BATCH_PAGES
from app.batch.summary import station_summary
from app.db.models import (
    Batch,
    BatchEntry,
    BatchScan,
    Book,
    BookScan,
    Entry,
    EntryStatus,
    Station,
    User,
)
from app.quality.draw import not_under_verification
from app.scans.pages import entry_page
from app.system.clock import Clock

# Progress counts the entries put in the batch, then these steps of writing:
# encrypting, writing and syncing, reading back and recording.
WRITING_STEPS = 3
PROGRESS_EVERY = 500

Progress = Callable[[int, int], None]

# Entries done and not at the centre yet: completed, or completed and verified.
READY = (EntryStatus.COMPLETED.value, EntryStatus.VERIFIED.value)


# The order the entries ready go into batches: completed longest ago first,
# in the order of the index on (status, completed_at), so that taking the
# next batch sorts nothing when a station has hundreds of thousands ready.
EXPORT_ORDER = (Entry.status, Entry.completed_at, Entry.id)
# An entry's page as stored, read by SQLite without parsing the values in Python.
ENTRY_PAGE = func.json_extract(Entry.values, "$.page.v").label("entry_page")


@dataclass(frozen=True)
class CarriedPage:
    """A page scan a batch carries, as its page line gives it."""

    book_id: int
    kind: str
    office: str
    volume: str
    year: int
    page: int
    sha256: str
    media_type: str
    width: int
    height: int
    size: int

    def line(self) -> str:
        return json_line(
            {
                "kind": self.kind,
                "book": {"office": self.office, "volume": self.volume, "year": self.year},
                "page": self.page,
                "sha256": self.sha256,
                "media_type": self.media_type,
                "width": self.width,
                "height": self.height,
            }
        )


def ready_for_export() -> ColumnElement[bool]:
    """Which entries the next batch takes: done, not exported yet, and not
    waiting for a second keying or the lead's arbitration."""
    return and_(Entry.status.in_(READY), not_under_verification())


def pending_batch(session: Session) -> Batch | None:
    """The batch an export recorded and did not finish, if any: the next to write."""
    return session.scalars(
        select(Batch).where(Batch.exported_at.is_(None)).order_by(Batch.sequence)
    ).first()


def next_sequence(session: Session) -> int:
    """The number of the station's next batch."""
    return (session.scalar(select(func.max(Batch.sequence))) or 0) + 1


def record_batch(
    session: Session,
    station: Station,
    clock: Clock,
    progress: Progress | None,
    limit: int,
    *,
    last_backup: datetime | None,
) -> Batch | None:
    """Step 1: the next batch (the entries completed longest ago first),
    recorded with its exact plaintext and the station's summary;
    ``last_backup`` is the moment of the station's newest backup, if any.

    The entries are read a few hundred at a time: their values, parsed, are
    the bulk of the memory an export takes; the lines they become are not.
    """
    # Counted up to the limit only: a station may have a million ready.
    count = session.scalar(
        select(func.count()).select_from(
            select(Entry.id).where(ready_for_export()).limit(limit).subquery()
        )
    )
    if not count:
        return None
    sequence, batch_uuid = next_sequence(session), str(uuid.uuid4())
    now = clock.now()
    # The header once the pages are known, then the summary.
    lines = ["", station_summary(session, now, last_backup).line()]
    versions: list[tuple[int, int]] = []
    on_pages: set[tuple[int, int]] = set()
    rows = session.execute(
        select(
            Entry.id,
            Entry.uuid,
            Entry.version,
            Book.kind,
            Book.office,
            Book.volume,
            Book.year,
            Entry.year,
            Entry.number,
            Entry.registration_date,
            # As stored: JSON text, put in the line as it is rather than
            # parsed and written again (most of an export's time).
            type_coerce(Entry.values, Text),
            Entry.completed_at,
            User.username,
            Entry.updated_at,
            Entry.book_id,
            ENTRY_PAGE,
        )
        .join(Book, Book.id == Entry.book_id)
        .outerjoin(User, User.id == Entry.completed_by)
        .where(ready_for_export())
        .order_by(*EXPORT_ORDER)
        .limit(count),
        execution_options={"yield_per": PROGRESS_EVERY},
    )
    for done, row in enumerate(rows, start=1):
        lines.append(_entry_line(row))
        versions.append((row[0], row[2]))
        page = entry_page({"page": row.entry_page})
        if page is not None:
            on_pages.add((row.book_id, page))
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, count + WRITING_STEPS)
    if len(versions) != count:  # one transaction: the count cannot change under it
        raise RuntimeError(f"{len(versions)} entries read for a batch of {count}")
    pages = _pages_of_batch(session, on_pages)
    lines[0] = header(station.code, sequence, batch_uuid, count, len(pages))
    lines += [page.line() for page in pages]
    batch = Batch(
        uuid=batch_uuid,
        sequence=sequence,
        created_at=now,
        entry_count=count,
        audit_head=audit.chain_head(session),
        payload=zlib.compress(("\n".join(lines) + "\n").encode("utf-8")),
    )
    session.add(batch)
    session.flush()
    session.execute(
        insert(BatchEntry.__table__),
        [{"batch_id": batch.id, "entry_id": e, "version": v} for e, v in versions],
    )
    carried = sorted({page.sha256 for page in pages})
    if carried:
        session.execute(
            insert(BatchScan.__table__), [{"batch_id": batch.id, "sha256": s} for s in carried]
        )
    return batch


def pages_to_carry(session: Session, on_pages: Iterable[tuple[int, int]]) -> list[CarriedPage]:
    """The scans of these (book, page) pairs that no batch carried yet, in
    book and page order; a page not scanned is not carried."""
    wanted = set(on_pages)
    pages: list[CarriedPage] = []
    books = sorted({book for book, _ in wanted})
    for start in range(0, len(books), PROGRESS_EVERY):
        rows = session.execute(
            select(
                BookScan.book_id,
                Book.kind,
                Book.office,
                Book.volume,
                Book.year,
                BookScan.page,
                BookScan.sha256,
                BookScan.media_type,
                BookScan.width,
                BookScan.height,
                BookScan.size,
            )
            .join(Book, Book.id == BookScan.book_id)
            .where(
                BookScan.book_id.in_(books[start : start + PROGRESS_EVERY]),
                BookScan.sha256.not_in(select(BatchScan.sha256)),
            )
            .order_by(BookScan.book_id, BookScan.page)
        )
        pages += [CarriedPage(*row) for row in rows if (row.book_id, row.page) in wanted]
    return pages


def batch_pages(session: Session, batch_id: int) -> list[tuple[str, str, int]]:
    """The page scans batch ``batch_id`` carries: SHA-256, media type, size."""
    rows = session.execute(
        select(BookScan.sha256, BookScan.media_type, func.max(BookScan.size))
        .join(BatchScan, BatchScan.sha256 == BookScan.sha256)
        .where(BatchScan.batch_id == batch_id)
        .group_by(BookScan.sha256, BookScan.media_type)
        .order_by(BookScan.sha256)
    )
    return [(sha256, media_type, size) for sha256, media_type, size in rows]


def ready_pages(session: Session, limit: int) -> list[CarriedPage]:
    """The page scans the next batch, of ``limit`` entries, would carry."""
    rows = session.execute(
        select(Entry.book_id, ENTRY_PAGE).where(ready_for_export()).order_by(*EXPORT_ORDER)
        .limit(limit)
    )  # fmt: skip
    on_pages = {(book, page) for book, raw in rows if (page := entry_page({"page": raw}))}
    return _pages_of_batch(session, on_pages)


def _pages_of_batch(session: Session, on_pages: set[tuple[int, int]]) -> list[CarriedPage]:
    """The pages a batch of entries on ``on_pages`` carries: theirs, then, up
    to the batch's limit, the pages of entries exported before their page was
    scanned, which no batch of their own will carry now."""
    pages = pages_to_carry(session, on_pages)
    room = MAX_BATCH_PAGES - len(pages)
    if room > 0:
        pages += pages_to_carry(session, _scanned_after_export(session) - on_pages)[:room]
    return pages


def _scanned_after_export(session: Session) -> set[tuple[int, int]]:
    """(book, page) of each exported entry whose page has a scan no batch
    carried: the book was scanned after its entries went to the centre."""
    books = select(BookScan.book_id).where(BookScan.sha256.not_in(select(BatchScan.sha256)))
    rows = session.execute(
        select(Entry.book_id, ENTRY_PAGE).where(
            Entry.status == EntryStatus.EXPORTED.value, Entry.book_id.in_(books.distinct())
        )
    )
    return {(book, page) for book, raw in rows if (page := entry_page({"page": raw}))}


def _entry_line(row: Any) -> str:
    """One entry's line: its labels, and its values as the station stores them."""
    (
        _id, entry_uuid, version, kind, office, volume, book_year, year, number,
        registration_date, values, completed_at, completed_by, updated_at, *_page,
    ) = row  # fmt: skip
    labels = json_line(
        {
            "uuid": entry_uuid,
            "version": version,
            "kind": kind,
            "book": {"office": office, "volume": volume, "year": book_year},
            "year": year,
            "number": number,
            "registration_date": registration_date,
            "completed_at": completed_at.isoformat() if completed_at else None,
            "completed_by": completed_by,
            "updated_at": updated_at.isoformat(),
        }
    )
    return f'{labels[:-1]},"values":{values}}}'
