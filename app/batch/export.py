"""Exporting what is ready to the centre: one batch on a stick (DESIGN.md §7).

An export happens in three steps, so that a pulled stick or a power cut at
any moment leaves nothing marked and no half batch that verifies:

1. The batch is recorded (number, UUID, the exact entries and versions, the
   plaintext) in one transaction. Nothing is marked exported yet.
2. It is written as ``NAME.partial``, every file and directory synced,
   renamed to ``NAME``, then read back and verified.
3. Only then are its entries marked exported, in one transaction.

A batch recorded but never finished (cut short between 1 and 3) is what the
next export writes, as the same batch; a batch finished before can be
written again, the same entries at the same versions, for a lost stick.
"""

from __future__ import annotations

import contextlib
import shutil
import uuid
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, cast

import minisign
from sqlalchemy import (
    ColumnElement,
    CursorResult,
    Text,
    and_,
    func,
    insert,
    select,
    type_coerce,
    update,
)
from sqlalchemy.orm import Session, sessionmaker

from app import __version__
from app.access import audit
from app.access.keystore import Keystore
from app.access.roles import require_lead
from app.batch.age import encrypt
from app.batch.bag import write_bag
from app.batch.durable import rename
from app.batch.format import BAG_INFO, PARTIAL, BatchInfo, batch_name, header, json_line
from app.batch.keys import centre_recipients, load_signing_key, station_public_key
from app.batch.signature import sign
from app.batch.trust import TrustList
from app.batch.verify import BatchRejected, verify_batch
from app.db.models import Batch, BatchEntry, Book, Entry, EntryStatus, Station, User
from app.quality.draw import not_under_verification
from app.system.clock import VIETNAM, Clock

# Entries in one batch at most: a day's work of a team is about half of it.
# A station's first export after months of keying goes as several batches,
# each small enough to write, read back and hold in memory in seconds.
BATCH_ENTRIES = 10_000
# Progress counts the entries put in the batch, then these steps of writing:
# encrypting, writing and syncing, reading back and recording.
WRITING_STEPS = 3
PROGRESS_EVERY = 500

Progress = Callable[[int, int], None]


class ExportProblem(StrEnum):
    NO_SUCH_BATCH = "no_such_batch"
    NO_FOLDER = "no_folder"
    NAME_TAKEN = "name_taken"
    WRITE_FAILED = "write_failed"
    READ_BACK_FAILED = "read_back_failed"


class ExportError(RuntimeError):
    """The export could not be done; nothing was marked. The message says why
    in English; ``problem`` and ``detail`` (the system's or the check's own
    words) let a window say it in the lead's language."""

    def __init__(self, problem: ExportProblem, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.problem = problem
        self.detail = detail


@dataclass(frozen=True)
class ExportPlan:
    """What the next export will write, to show before it starts."""

    sequence: int
    # Entries the batch takes.
    entries: int
    # Entries ready for export in all, this batch's among them; the rest go
    # in the batches after it.
    ready: int
    # True: it finishes a batch that an interrupted export recorded.
    resumes: bool

    @property
    def progress_total(self) -> int:
        """The ``total`` that the export's progress calls will count up to."""
        return self.entries + WRITING_STEPS


@dataclass(frozen=True)
class WrittenBatch:
    sequence: int
    uuid: str
    entries: int
    path: Path
    # Entries marked exported by this writing (0 when written again).
    marked: int


@dataclass(frozen=True)
class BatchRecord:
    """A batch of this station, for the list a lead picks from to write again."""

    sequence: int
    uuid: str
    entries: int
    created_at: datetime
    exported_at: datetime | None
    written_to: str | None
    written_at: datetime | None


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


def audit_chain_head(session: Session) -> str:
    """The head of the station's audit chain, for bag-info.txt."""
    return audit.chain_head(session)


def plan_export(session: Session, limit: int = BATCH_ENTRIES) -> ExportPlan | None:
    """The batch the next export will write, or None when nothing is ready."""
    ready = session.execute(
        select(func.count()).select_from(Entry).where(ready_for_export())
    ).scalar_one()  # a count is always one row
    pending = _pending(session)
    if pending is not None:
        return ExportPlan(pending.sequence, pending.entry_count, ready, resumes=True)
    if not ready:
        return None
    return ExportPlan(_next_sequence(session), min(ready, limit), ready, resumes=False)


def list_batches(session: Session) -> list[BatchRecord]:
    """Every batch of this station, newest first."""
    rows = session.execute(
        select(
            Batch.sequence,
            Batch.uuid,
            Batch.entry_count,
            Batch.created_at,
            Batch.exported_at,
            Batch.written_to,
            Batch.written_at,
        ).order_by(Batch.sequence.desc())
    )
    return [BatchRecord(*row) for row in rows]


def export_batch(
    sessions: sessionmaker[Session],
    target: Path,
    keystore: Keystore,
    *,
    by: User | None,
    clock: Clock,
    progress: Progress | None = None,
    limit: int = BATCH_ENTRIES,
) -> WrittenBatch | None:
    """Write the next batch, of ``limit`` entries at most, into folder
    ``target``; None when nothing is ready.

    ``by`` is the team lead (or admin) who exports, or None for the command
    line, which whoever holds the station's machine account may run.

    ``progress(done, total)`` is called as the work goes, ``total`` being
    :attr:`ExportPlan.progress_total`; ``done`` reaches it once the batch is
    on the stick, verified, and its entries are marked exported.
    """
    station, secret, recipients = _prepare(sessions, target, keystore, by)
    with sessions.begin() as session:
        batch = _pending(session) or _record_batch(session, station, clock, progress, limit)
    if batch is None:
        return None
    return _write_and_mark(
        sessions, station, batch, secret, recipients, target, by, clock, progress
    )


def rewrite_batch(
    sessions: sessionmaker[Session],
    sequence: int,
    target: Path,
    keystore: Keystore,
    *,
    by: User | None,
    clock: Clock,
    progress: Progress | None = None,
) -> WrittenBatch:
    """Write batch ``sequence`` again into ``target``: same UUID, entries and versions.

    The payload is encrypted anew (to the station's centre recipients now),
    so its bytes differ; what the centre decrypts is the same.
    """
    station, secret, recipients = _prepare(sessions, target, keystore, by)
    with sessions() as session:
        batch = session.scalars(select(Batch).where(Batch.sequence == sequence)).one_or_none()
        if batch is None:
            last = session.scalar(select(func.max(Batch.sequence)))
            written = f"batches 1 to {last}" if last else "no batch yet"
            raise ExportError(
                ExportProblem.NO_SUCH_BATCH,
                f"there is no batch {sequence}: this station has written {written}",
            )
    return _write_and_mark(
        sessions, station, batch, secret, recipients, target, by, clock, progress
    )


def _prepare(
    sessions: sessionmaker[Session], target: Path, keystore: Keystore, by: User | None
) -> tuple[Station, minisign.SecretKey, list[str]]:
    """What writing needs, checked before anything is recorded."""
    if by is not None:
        require_lead(by, "export a batch")
    with sessions() as session:
        station = session.scalars(select(Station)).one()
    recipients = centre_recipients(station)
    secret = load_signing_key(station, keystore)
    if not target.is_dir():
        raise ExportError(
            ExportProblem.NO_FOLDER, f"{target} is not a folder (is the stick plugged in?)"
        )
    return station, secret, recipients


def _pending(session: Session) -> Batch | None:
    return session.scalars(
        select(Batch).where(Batch.exported_at.is_(None)).order_by(Batch.sequence)
    ).first()


def _next_sequence(session: Session) -> int:
    return (session.scalar(select(func.max(Batch.sequence))) or 0) + 1


def _record_batch(
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
    sequence, batch_uuid = _next_sequence(session), str(uuid.uuid4())
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
        audit_head=audit_chain_head(session),
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


def _write_and_mark(
    sessions: sessionmaker[Session],
    station: Station,
    batch: Batch,
    secret: minisign.SecretKey,
    recipients: list[str],
    target: Path,
    by: User | None,
    clock: Clock,
    progress: Progress | None,
) -> WrittenBatch:
    """Steps 2 and 3: write, read back, and only then mark."""
    steps = _Steps(progress, batch.entry_count)
    key = station_public_key(station)
    assert key is not None  # load_signing_key found it
    with sessions() as session:
        plaintext = zlib.decompress(
            session.scalars(select(Batch.payload).where(Batch.id == batch.id)).one()
        )
    info = BatchInfo(
        station=station.code,
        office=station.office,
        sequence=batch.sequence,
        batch=batch.uuid,
        entries=batch.entry_count,
        key_id=key.key_id,
        audit_head=batch.audit_head,
        bagging_date=batch.created_at.astimezone(VIETNAM).date(),
        software=f"Sohoa {__version__}",
    )
    ciphertext = encrypt(plaintext, recipients)
    steps.done()
    path = _write(target, info, ciphertext, secret)
    steps.done()
    try:
        verify_batch(path, TrustList.of([key]))
    except BatchRejected as e:
        # Not left under a batch's name: the next export replaces it.
        with contextlib.suppress(OSError):  # the stick is gone: nothing is left on it
            rename(path, path.with_name(path.name + PARTIAL))
        raise ExportError(
            ExportProblem.READ_BACK_FAILED,
            f"the batch written to {target} does not read back whole: {e}",
            str(e),
        ) from e
    with sessions.begin() as session:
        marked = _mark_exported(session, batch.id)
        row = session.get_one(Batch, batch.id)
        row.exported_at = row.exported_at or clock.now()
        row.written_to = str(path)
        row.written_at = clock.now()
        audit.record(
            session, clock, user=by, action="batch.written", subject=f"batch:{batch.uuid}",
            after={"sequence": batch.sequence, "entries": batch.entry_count, "marked": marked,
                   "to": str(path)},
        )  # fmt: skip
    steps.done()
    return WrittenBatch(batch.sequence, batch.uuid, batch.entry_count, path, marked)


def _write(target: Path, info: BatchInfo, ciphertext: bytes, secret: minisign.SecretKey) -> Path:
    """Write the bag as NAME.partial, synced, then rename it to NAME."""
    final = target / batch_name(info.station, info.sequence)
    partial = final.with_name(final.name + PARTIAL)
    # The same batch written before, set aside in one step while replaced.
    replaced = final.with_name(final.name + ".replaced" + PARTIAL)
    try:
        for leftover in (partial, replaced):  # of an earlier export cut short
            if leftover.exists():
                shutil.rmtree(leftover)
        if final.exists() and not _holds_batch(final, info.batch):
            raise ExportError(
                ExportProblem.NAME_TAKEN,
                f"{final} already exists and is not batch {info.sequence} ({info.batch}):"
                " move it away, then export again",
            )
        write_bag(
            partial, info, ciphertext, lambda data: sign(secret, data, info.trusted_comment())
        )
        if final.exists():
            rename(final, replaced)
        rename(partial, final)
        if replaced.exists():
            shutil.rmtree(replaced)
    except OSError as e:
        reason = e.strerror or str(e)
        raise ExportError(
            ExportProblem.WRITE_FAILED, f"writing the batch to {target} failed: {reason}", reason
        ) from e
    return final


def _holds_batch(path: Path, batch_uuid: str) -> bool:
    try:
        lines = (path / BAG_INFO).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return False
    return f"Sohoa-Batch-UUID: {batch_uuid}" in lines


def _mark_exported(session: Session, batch_id: int) -> int:
    """Mark the batch's entries exported, those still at the version it holds.

    An entry corrected since the batch was recorded keeps its status: its
    new version goes in the next batch.
    """
    # UPDATE … FROM: from the batch's entries to each entry by its key,
    # rather than through every entry ready.
    result = session.execute(
        update(Entry)
        .where(
            BatchEntry.batch_id == batch_id,
            BatchEntry.entry_id == Entry.id,
            BatchEntry.version == Entry.version,
            ready_for_export(),
        )
        .values(status=EntryStatus.EXPORTED.value)
        .execution_options(synchronize_session=False)
    )
    # An UPDATE without RETURNING runs on a cursor: its result is a
    # CursorResult, which Session.execute's types do not say.
    return cast(CursorResult[Any], result).rowcount


class _Steps:
    """Progress through the writing steps, after the entries."""

    def __init__(self, progress: Progress | None, entries: int) -> None:
        self.progress = progress
        self.done_count = entries
        self.total = entries + WRITING_STEPS
        self._report()

    def done(self) -> None:
        self.done_count += 1
        self._report()

    def _report(self) -> None:
        if self.progress is not None:
            self.progress(self.done_count, self.total)
