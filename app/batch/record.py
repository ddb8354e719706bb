"""Step 1 of an export: which entries the next batch takes, and the batch
recorded with its exact plaintext (number, UUID, the entries and their
versions) in one transaction. Nothing is marked exported yet: that is
:mod:`app.batch.export`'s, once the batch is on the stick and reads back.
"""

from __future__ import annotations

import uuid
import zlib
from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, Text, and_, func, insert, select, type_coerce
from sqlalchemy.orm import Session

from app.access import audit
from app.batch.format import header, json_line
from app.db.models import Batch, BatchEntry, Book, Entry, EntryStatus, Station, User
from app.quality.draw import not_under_verification
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
    session: Session, station: Station, clock: Clock, progress: Progress | None, limit: int
) -> Batch | None:
    """Step 1: the next batch (the entries completed longest ago first),
    recorded with its exact plaintext.

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
    lines = [header(station.code, sequence, batch_uuid, count)]
    versions: list[tuple[int, int]] = []
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
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, count + WRITING_STEPS)
    if len(versions) != count:  # one transaction: the count cannot change under it
        raise RuntimeError(f"{len(versions)} entries read for a batch of {count}")
    batch = Batch(
        uuid=batch_uuid,
        sequence=sequence,
        created_at=clock.now(),
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
    return batch


def _entry_line(row: Any) -> str:
    """One entry's line: its labels, and its values as the station stores them."""
    (
        _id, entry_uuid, version, kind, office, volume, book_year, year, number,
        registration_date, values, completed_at, completed_by, updated_at,
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
