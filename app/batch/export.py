"""Exporting what is ready to the centre: one batch on a stick.

An export happens in three steps, so that a pulled stick or a power cut at
any moment leaves nothing marked and no half batch that verifies:

1. The batch is recorded (number, UUID, the exact entries and versions, the
   plaintext) in one transaction (:mod:`app.batch.record`). Nothing is
   marked exported yet.
2. It is written as ``NAME.partial``, every file and directory synced,
   renamed to ``NAME``, then read back and verified.
3. Only then are its entries marked exported, in one transaction.

A batch recorded but never finished (cut short between 1 and 3) is what the
next export writes, as the same batch; a batch finished before can be
written again, the same entries at the same versions, for a lost stick.

The page scans a batch carries (a gigabyte for 10,000 entries) are written
first, one file a page, each encrypted in memory (a page is at most a few
MB), written as ``.part``, synced and renamed: an export cut short leaves
``NAME.partial`` with its whole pages, and the next export of the same
batch to the same centre keeps them and writes only the rest. age's output
differs each time, so the manifest is made from the files on the stick.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import zlib
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, cast

import minisign
from sqlalchemy import CursorResult, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from app import __version__
from app.access import audit
from app.access.keystore import Keystore
from app.access.roles import require_lead
from app.batch.age import encrypt
from app.batch.bag import sha512, write_bag
from app.batch.durable import rename, sync_directory, write_file
from app.batch.format import (
    BAG_INFO,
    DATA,
    PARTIAL,
    SCANS,
    BatchInfo,
    batch_name,
    scan_file,
)
from app.batch.keys import centre_recipients, load_signing_key, station_public_key
from app.batch.record import (
    WRITING_STEPS,
    Progress,
    batch_pages,
    next_sequence,
    pending_batch,
    ready_for_export,
    ready_pages,
    record_batch,
)
from app.batch.signature import sign
from app.batch.trust import TrustList
from app.batch.verify import BatchRejected, verify_batch
from app.db.models import Batch, BatchEntry, Entry, EntryStatus, Station, User
from app.scans.store import ScanMissing, ScanStore
from app.system.clock import VIETNAM, Clock
from app.system.paths import scans_dir

# Entries in one batch at most: a day's work of a team is about half of it.
# A station's first export after months of keying goes as several batches,
# each small enough to write, read back and hold in memory in seconds.
BATCH_ENTRIES = 10_000
# In a batch being written: which batch, and to which centre keys its pages
# are encrypted. Only an export of the same batch to the same keys keeps
# the pages an export cut short left; removed last, before the rename.
RESUME_NOTE = ".sohoa-export"
# Beside it, the SHA-512 of each page written whole: a page found on the
# stick is kept on resuming only if it is still the file that was written.
PAGES_NOTE = ".sohoa-pages"


class ExportProblem(StrEnum):
    NO_SUCH_BATCH = "no_such_batch"
    NO_FOLDER = "no_folder"
    NAME_TAKEN = "name_taken"
    WRITE_FAILED = "write_failed"
    READ_BACK_FAILED = "read_back_failed"
    SCAN_MISSING = "scan_missing"


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
    # The page scans it carries, and their bytes.
    pages: int = 0
    scan_bytes: int = 0

    @property
    def progress_total(self) -> int:
        """The ``total`` that the export's progress calls will count up to:
        an entry, a page or a writing step is one."""
        return self.entries + self.pages + WRITING_STEPS


@dataclass(frozen=True)
class WrittenBatch:
    sequence: int
    uuid: str
    entries: int
    path: Path
    # Entries marked exported by this writing (0 when written again).
    marked: int
    # The page scans it carries, and their bytes on the stick.
    pages: int = 0
    scan_bytes: int = 0


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


def plan_export(session: Session, limit: int = BATCH_ENTRIES) -> ExportPlan | None:
    """The batch the next export will write, or None when nothing is ready."""
    ready = session.execute(
        select(func.count()).select_from(Entry).where(ready_for_export())
    ).scalar_one()  # a count is always one row
    pending = pending_batch(session)
    if pending is not None:
        carried = batch_pages(session, pending.id)
        return ExportPlan(
            pending.sequence, pending.entry_count, ready, resumes=True,
            pages=len(carried), scan_bytes=sum(size for _, _, size in carried),
        )  # fmt: skip
    if not ready:
        return None
    pages = ready_pages(session, min(ready, limit))
    return ExportPlan(
        next_sequence(session), min(ready, limit), ready, resumes=False,
        pages=len({p.sha256 for p in pages}), scan_bytes=sum(p.size for p in pages),
    )  # fmt: skip


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
    scans: ScanStore | None = None,
    last_backup: datetime | None,
) -> WrittenBatch | None:
    """Write the next batch, of ``limit`` entries at most, into folder
    ``target``; None when nothing is ready.

    ``last_backup`` is the moment of the station's newest backup
    (app.station.backups), which the batch's summary tells the centre.

    ``by`` is the team lead (or admin) who exports, or None for the command
    line, which whoever holds the station's machine account may run.

    ``progress(done, total)`` is called as the work goes, ``total`` being
    :attr:`ExportPlan.progress_total`; ``done`` reaches it once the batch is
    on the stick, verified, and its entries are marked exported.

    ``scans`` is the station's scan store (by default the one beside its
    database), where the pages the batch carries are read.
    """
    station, secret, recipients = _prepare(sessions, target, keystore, by)
    with sessions.begin() as session:
        batch = pending_batch(session) or record_batch(
            session, station, clock, progress, limit, last_backup=last_backup
        )
    if batch is None:
        return None
    return _write_and_mark(
        sessions, station, batch, secret, recipients, target, by, clock, progress,
        scans or station_scans(sessions),
    )  # fmt: skip


def rewrite_batch(
    sessions: sessionmaker[Session],
    sequence: int,
    target: Path,
    keystore: Keystore,
    *,
    by: User | None,
    clock: Clock,
    progress: Progress | None = None,
    scans: ScanStore | None = None,
) -> WrittenBatch:
    """Write batch ``sequence`` again into ``target``: same UUID, entries,
    versions and page scans.

    The payload and pages are encrypted anew (to the station's centre
    recipients now), so their bytes differ; what the centre decrypts is the same.
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
        sessions, station, batch, secret, recipients, target, by, clock, progress,
        scans or station_scans(sessions),
    )  # fmt: skip


def station_scans(sessions: sessionmaker[Session]) -> ScanStore:
    """The scan store beside the station's database, in its data directory."""
    with sessions() as session:
        database = session.get_bind().engine.url.database
    assert database is not None  # a station's database is a file
    return ScanStore(scans_dir(Path(database).parent))


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
    scans: ScanStore,
) -> WrittenBatch:
    """Steps 2 and 3: write, read back, and only then mark."""
    key = station_public_key(station)
    assert key is not None  # load_signing_key found it
    with sessions() as session:
        plaintext = zlib.decompress(
            session.scalars(select(Batch.payload).where(Batch.id == batch.id)).one()
        )
        pages = batch_pages(session, batch.id)
    steps = _Steps(progress, batch.entry_count, len(pages))
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
        # As recorded: a batch an older Sohoa recorded is written in its format.
        format=json.loads(plaintext[: plaintext.index(b"\n")])["sohoa_batch"],
    )
    ciphertext = encrypt(plaintext, recipients)
    steps.done()
    path = _write(target, info, ciphertext, secret, _Pages(pages, scans, recipients, steps))
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
    return WrittenBatch(
        batch.sequence, batch.uuid, batch.entry_count, path, marked,
        pages=len(pages), scan_bytes=_scan_bytes(path),
    )  # fmt: skip


def _scan_bytes(path: Path) -> int:
    folder = path / SCANS
    return sum(f.stat().st_size for f in folder.iterdir()) if folder.is_dir() else 0


@dataclass(frozen=True)
class _Pages:
    """The page scans a batch carries, where they are read, to whom encrypted."""

    carried: list[tuple[str, str, int]]  # SHA-256, media type, size
    store: ScanStore
    recipients: list[str]
    steps: _Steps


def _write(
    target: Path, info: BatchInfo, ciphertext: bytes, secret: minisign.SecretKey, pages: _Pages
) -> Path:
    """Write the bag as NAME.partial, synced, then rename it to NAME."""
    final = target / batch_name(info.station, info.sequence)
    partial = final.with_name(final.name + PARTIAL)
    # The same batch written before, set aside in one step while replaced.
    replaced = final.with_name(final.name + ".replaced" + PARTIAL)
    note = f"{info.batch}\n{' '.join(sorted(pages.recipients))}\n"
    try:
        if replaced.exists():  # of an earlier export cut short
            shutil.rmtree(replaced)
        if final.exists() and not _holds_batch(final, info.batch):
            raise ExportError(
                ExportProblem.NAME_TAKEN,
                f"{final} already exists and is not batch {info.sequence} ({info.batch}):"
                " move it away, then export again",
            )
        _begin_partial(partial, note, with_scans=bool(pages.carried))
        written = _write_pages(partial, pages)
        write_bag(
            partial,
            info,
            ciphertext,
            lambda data: sign(secret, data, info.trusted_comment()),
            written,
        )
        (partial / RESUME_NOTE).unlink()
        (partial / PAGES_NOTE).unlink(missing_ok=True)
        sync_directory(partial)
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


def _begin_partial(partial: Path, note: str, *, with_scans: bool) -> None:
    """``NAME.partial`` ready to write into: what an export of the same
    batch to the same keys left there kept, but for its whole pages, and
    anything else (another batch's, an older Sohoa's) removed."""
    if partial.exists():
        try:
            same = (partial / RESUME_NOTE).read_text(encoding="utf-8") == note
        except (OSError, UnicodeDecodeError):
            same = False
        if not same:
            shutil.rmtree(partial)
    if not partial.exists():
        partial.mkdir()
        (partial / DATA).mkdir()
        write_file(partial / RESUME_NOTE, note.encode("utf-8"))
        sync_directory(partial)
    kept_here = {RESUME_NOTE, PAGES_NOTE, DATA}
    for folder, kept in ((partial, kept_here), (partial / DATA, {Path(SCANS).name})):
        for child in folder.iterdir():
            if child.name not in kept:
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child)
                else:
                    child.unlink()
    if with_scans:
        (partial / SCANS).mkdir(exist_ok=True)
    elif (partial / SCANS).exists():
        shutil.rmtree(partial / SCANS)


def _write_pages(partial: Path, pages: _Pages) -> dict[str, tuple[int, str]]:
    """Each page the batch carries in ``partial``: kept when a whole file is
    there, else encrypted and written as ``.part``, synced, renamed. Each
    page's path, size and SHA-512, as on the stick."""
    wanted = {
        scan_file(sha256, media_type): (sha256, media_type)
        for sha256, media_type, _ in pages.carried
    }
    if not wanted:
        return {}
    folder = partial / SCANS
    for child in folder.iterdir():  # a ".part" cut short, or a page no longer carried
        if f"{SCANS}/{child.name}" not in wanted:
            child.unlink()
    noted = _pages_noted(partial / PAGES_NOTE)
    written: dict[str, tuple[int, str]] = {}
    for name, (sha256, media_type) in sorted(wanted.items()):
        path = partial / name
        data = path.read_bytes() if path.is_file() else None
        if data is not None and noted.get(name) != sha512(data):
            # Not the file this station wrote whole (or its note was cut short):
            # written again rather than signed as it is.
            path.unlink()
            data = None
        if data is None:
            try:
                image = pages.store.read(sha256, media_type)
            except ScanMissing as e:
                raise ExportError(
                    ExportProblem.SCAN_MISSING,
                    f"a page scan this batch carries cannot be read: {e}; restore the"
                    " station's scans from a backup, then export again",
                    str(e),
                ) from e
            data = encrypt(image, pages.recipients)
            part = path.with_name(path.name + ".part")
            write_file(part, data)
            rename(part, path)
            _note_page(partial / PAGES_NOTE, name, sha512(data))
        written[name] = (len(data), sha512(data))
        pages.steps.done()
    return written


def _pages_noted(note: Path) -> dict[str, str]:
    """The pages an export cut short wrote whole: each name's SHA-512."""
    try:
        lines = note.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return {}
    return dict(line.split(" ", 1)[::-1] for line in lines if line.count(" ") == 1)


def _note_page(note: Path, name: str, digest: str) -> None:
    with note.open("a", encoding="utf-8") as file:
        file.write(f"{digest} {name}\n")
        file.flush()
        os.fsync(file.fileno())


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
    """Progress through the writing steps and pages, after the entries."""

    def __init__(self, progress: Progress | None, entries: int, pages: int) -> None:
        self.progress = progress
        self.done_count = entries
        self.total = entries + pages + WRITING_STEPS
        self._report()

    def done(self) -> None:
        self.done_count += 1
        self._report()

    def _report(self) -> None:
        if self.progress is not None:
            self.progress(self.done_count, self.total)
