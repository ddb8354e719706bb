"""Saving an entry: validate, check the book's sequence, store, index names.

Everything the entry form does goes through :func:`save_entry`, so a test (or
the benchmark) can do exactly what a clerk does without a window.

An entry past draft (completed, deferred, later verified or exported) is
never changed by a pause in typing. What the clerk types into it is kept
beside it as a *pending edit*: a draft row whose values name the entry they
edit (:data:`EDIT_OF`). The entry keeps its status, values, completion and
deferral until the clerk completes the edit (F10: a correction) or defers
it (F9); both fold the pending edit into the entry and drop it. So a crash
in the middle of a correction loses nothing, and a half-typed correction
(a date being retyped, a number cleared) never reaches an entry that the
tally, the sequence checks and the centre take as finished.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, overload

from sqlalchemy import BindParameter, ColumnElement, Select, bindparam, delete, exists, select
from sqlalchemy.orm import Session

from app.access import audit
from app.db.models import Book, CheckFinding, DeferralReason, Entry, EntryName, EntryStatus, User
from app.quality.checks import check_entry
from app.quality.draw import draw
from app.quality.duplicates import IDENTITIES
from app.rules import Assessment, FieldValue, Finding, Neighbour, assess, check_sequence
from app.specs import BookSpec, SourceStatus, spec_for
from app.system.clock import Clock, local_today
from app.values import text
from app.values.dates import PartialDate
from app.work import progress

# In a pending edit's values: the uuid of the entry it edits. A field key is
# an identifier and cannot start with "~".
EDIT_OF = "~edit_of"


class SaveAction(StrEnum):
    DRAFT = "draft"  # as the clerk types: nothing is checked, nothing blocks
    COMPLETE = "complete"  # only when no error and no unreadable required field
    DEFER = "defer"  # "hard later": always possible, with a reason


@dataclass(frozen=True)
class SaveOutcome:
    """What happened to a save: ``saved`` is False when completion was blocked.

    ``entry`` is the entry as stored, or when blocked the entry as it was
    before (None for a new one). A draft save of an entry past draft leaves
    ``entry`` as it was and keeps the values as its pending edit. ``checks``
    are the open findings of the checks across entries run at a completion
    (possible duplicates, too little keyed): the lead will see them too.
    """

    entry: Entry | None
    assessment: Assessment
    saved: bool
    checks: tuple[CheckFinding, ...] = ()


def encode_values(values: Mapping[str, FieldValue]) -> dict[str, dict[str, str]]:
    """The JSON form of an entry's values; empty clear fields are left out."""
    encoded: dict[str, dict[str, str]] = {}
    for key, field_value in values.items():
        item: dict[str, str] = {}
        if field_value.value:
            item["v"] = field_value.value
        if field_value.status is not SourceStatus.CLEAR:
            item["s"] = field_value.status.value
        if field_value.transcription:
            item["t"] = field_value.transcription
        if item:
            encoded[key] = item
    return encoded


def decode_values(encoded: Mapping[str, Any]) -> dict[str, FieldValue]:
    """The inverse of :func:`encode_values`."""
    return {
        key: FieldValue(item.get("v", ""), SourceStatus(item.get("s", "clear")), item.get("t"))
        for key, item in encoded.items()
        if key != EDIT_OF
    }


def save_entry(
    session: Session,
    *,
    book: Book,
    values: Mapping[str, FieldValue],
    user: User,
    action: SaveAction,
    clock: Clock,
    entry: Entry | None = None,
    deferral_reason: DeferralReason | None = None,
    deferral_note: str | None = None,
) -> SaveOutcome:
    """Validate ``values`` for ``book`` and store them as a new or existing entry.

    - DRAFT of a new entry or of a draft stores the values whatever they hold.
    - DRAFT of an entry past draft leaves the entry as it is and keeps the
      values as its pending edit (see the module's docstring); values equal
      to the entry's drop the pending edit instead.
    - COMPLETE is refused (nothing is written, ``saved`` is False) while the
      assessment has errors or a required field is unreadable. Completing an
      entry already completed is a correction: it keeps who completed it and
      when, for the tally counts the entry for them. A deferred entry leaves
      the backlog when it is completed: by this user, now.
    - DEFER needs a reason and clears the completion: the entry is back in
      the backlog, deferred by this user, now (a deferred entry saved as
      deferred again keeps the moment it was first left).

    ``entry`` may also be a pending edit: the save goes to the entry it edits.

    ``version`` counts the states of an entry that the centre may receive,
    so that a newer one replaces an older: a draft is at 0; the first
    completion or deferral makes it 1, and each later one that changes what
    is stored (values, status, deferral) adds 1. Pauses never count.
    """
    entry = edited_entry(session, entry)
    spec = spec_for(book.kind)
    assessment = assess(spec, values, today=local_today(clock))
    number, year, registration_date = _position(spec, book, assessment)
    if number is not None:
        assessment.findings.extend(_sequence(session, book, entry, number, year, registration_date))
    if action is SaveAction.COMPLETE and not assessment.can_complete:
        return SaveOutcome(entry, assessment, saved=False)
    if action is SaveAction.DEFER and deferral_reason is None:
        raise ValueError("deferring an entry needs a reason")
    now = clock.now()
    stored = _Stored(
        values=encode_values(assessment.values),
        number=number,
        year=year,
        registration_date=registration_date.iso() if registration_date else None,
        title=assessment.values[spec.title_field].value,
        main_date=assessment.values[IDENTITIES[spec.kind].date].value or None,
    )
    if action is SaveAction.DRAFT and entry is not None and entry.status != EntryStatus.DRAFT:
        _keep_pending_edit(session, entry, stored, user, now)
        return SaveOutcome(entry, assessment, saved=True)

    new = entry is None  # nothing to replace: no names indexed, no pending edit
    if entry is None:
        entry = Entry(
            book_id=book.id,
            created_by=user.id,
            created_at=now,
            status=EntryStatus.DRAFT.value,
            version=0,
        )
    was_draft = entry.status == EntryStatus.DRAFT
    completed_before = entry.completed_at
    was_deferred = entry.status == EntryStatus.DEFERRED
    as_it_was = None if was_draft else _audited(entry)
    status = {
        SaveAction.DRAFT: EntryStatus.DRAFT,
        SaveAction.COMPLETE: EntryStatus.COMPLETED,
        SaveAction.DEFER: EntryStatus.DEFERRED,
    }[action].value
    if (status, entry.status, stored.values) == (
        EntryStatus.COMPLETED,
        EntryStatus.EXPORTED,
        entry.values,
    ):
        status = EntryStatus.EXPORTED.value  # saved unchanged: the centre has it as it is
    deferral: tuple[str | None, str | None] = (None, None)
    if action is SaveAction.DEFER:
        assert deferral_reason is not None  # a deferral without a reason was refused above
        deferral = (deferral_reason.value, deferral_note)
    changed = (stored.values, status, deferral) != (
        entry.values,
        entry.status,
        (entry.deferral_reason, entry.deferral_note),
    )
    if changed or was_draft:
        stored.write_to(entry)
        entry.updated_by = user.id
        entry.updated_at = now
    entry.status = status
    entry.deferral_reason, entry.deferral_note = deferral
    if action is SaveAction.COMPLETE:
        if entry.completed_at is None:  # a first completion, or out of the backlog
            entry.completed_at = now
            entry.completed_by = user.id
    else:
        entry.completed_at = None
        entry.completed_by = None
    progress.completion_moved(session, completed_before, entry.completed_at)
    if action is SaveAction.DEFER and not was_deferred:
        entry.deferred_at = now
        entry.deferred_by = user.id
    if action is not SaveAction.DRAFT and (was_draft or changed):
        entry.version = 1 if was_draft else entry.version + 1
    session.add(entry)
    session.flush()
    if changed or was_draft:
        _index_names(session, spec, entry, assessment, replace=not new)
    if action is not SaveAction.DRAFT:
        if not new:
            _drop_pending_edit(session, entry)
        if changed or was_draft:
            _record_change(session, clock, user, entry, as_it_was)
    checks: list[CheckFinding] = []
    if action is SaveAction.COMPLETE:
        if completed_before is None:
            draw(session, entry, user, clock)  # a share is keyed again, blind
        if changed or was_draft:
            checks = check_entry(session, entry, book, clock, fresh=was_draft)
    return SaveOutcome(entry, assessment, saved=True, checks=tuple(checks))


def _audited(entry: Entry) -> dict[str, Any]:
    """What the audit log keeps of an entry: its status, deferral and values."""
    return {
        "status": entry.status,
        "deferral_reason": entry.deferral_reason,
        "deferral_note": entry.deferral_note,
        "values": dict(entry.values),
    }


def _record_change(
    session: Session, clock: Clock, user: User, entry: Entry, before: dict[str, Any] | None
) -> None:
    """The entry's first completion or deferral whole; a later change as the
    fields and the status it changed, each before and after."""
    after = _audited(entry)
    if before is None:
        audit.record(
            session, clock, user=user, action="entry.created", subject=f"entry:{entry.uuid}",
            after=after,
        )  # fmt: skip
        return
    old, new = before.pop("values"), after.pop("values")
    keys = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
    changed = [k for k in before if before[k] != after[k]]
    audit.record(
        session, clock, user=user, action="entry.changed", subject=f"entry:{entry.uuid}",
        before={k: before[k] for k in changed} | {"values": {k: old.get(k) for k in keys}},
        after={k: after[k] for k in changed} | {"values": {k: new.get(k) for k in keys}},
    )  # fmt: skip


@dataclass(frozen=True)
class _Stored:
    """What a save writes into an entry row, from the assessed values."""

    values: dict[str, dict[str, str]]
    number: int | None
    year: int
    registration_date: str | None
    title: str
    main_date: str | None

    def write_to(self, entry: Entry) -> None:
        entry.values = self.values
        entry.number = self.number
        entry.year = self.year
        entry.registration_date = self.registration_date
        entry.title = self.title
        entry.main_date = self.main_date


def pending_edit(session: Session, entry: Entry) -> Entry | None:
    """The edit of ``entry`` (past draft) kept at the last pause, if any."""
    if entry.id is None or entry.status == EntryStatus.DRAFT:
        return None
    return session.scalars(
        select(Entry)
        .where(
            Entry.book_id == entry.book_id,
            Entry.status == EntryStatus.DRAFT.value,
            Entry.values[EDIT_OF].as_string() == entry.uuid,
        )
        .order_by(Entry.id)
        .limit(1)
    ).first()


# Given an entry, an entry: only a missing one (a new entry) gives none.
@overload
def edited_entry(session: Session, entry: Entry) -> Entry: ...
@overload
def edited_entry(session: Session, entry: Entry | None) -> Entry | None: ...
def edited_entry(session: Session, entry: Entry | None) -> Entry | None:
    """The entry a pending edit edits; any other entry is itself."""
    if entry is None or entry.status != EntryStatus.DRAFT or EDIT_OF not in (entry.values or {}):
        return entry
    edited = session.scalars(select(Entry).where(Entry.uuid == entry.values[EDIT_OF])).first()
    return edited if edited is not None else entry


def _keep_pending_edit(
    session: Session, entry: Entry, stored: _Stored, user: User, now: datetime
) -> None:
    edit = pending_edit(session, entry)
    if stored.values == entry.values:
        # Typed back to what the entry holds: nothing is pending any more.
        if edit is not None:
            session.delete(edit)
        return
    if edit is None:
        edit = Entry(
            book_id=entry.book_id,
            created_by=user.id,
            created_at=now,
            status=EntryStatus.DRAFT.value,
            version=0,
        )
        session.add(edit)
    stored.write_to(edit)
    # Not indexed for search: a name search finds the entry, not its edit.
    edit.values = {**stored.values, EDIT_OF: entry.uuid}
    edit.updated_by = user.id
    edit.updated_at = now
    session.flush()


def _drop_pending_edit(session: Session, entry: Entry) -> None:
    edit = pending_edit(session, entry)
    if edit is not None:
        session.delete(edit)
        session.flush()


def _position(
    spec: BookSpec, book: Book, assessment: Assessment
) -> tuple[int | None, int, PartialDate | None]:
    """Number, numbering year and registration date, where they can be read."""
    broken = {f.field for f in assessment.errors}
    number_text = assessment.values["number"].value
    number = int(number_text) if number_text and "number" not in broken else None
    date_text = assessment.values["registration_date"].value
    registration_date = (
        PartialDate.from_iso(date_text) if date_text and "registration_date" not in broken else None
    )
    year = registration_date.year if registration_date else book.year
    return number, year, registration_date


def _sequence(
    session: Session,
    book: Book,
    entry: Entry | None,
    number: int,
    year: int,
    registration_date: PartialDate | None,
) -> list[Finding]:
    row = session.execute(
        _SEQUENCE,
        {
            "book": book.id,
            "year": year,
            "number": number,
            "entry": entry.id if entry is not None and entry.id is not None else 0,
        },
    ).one()
    taken, highest, before, before_date, after, after_date = row
    return check_sequence(
        number,
        year,
        registration_date,
        taken=bool(taken),
        highest=highest,
        previous=_neighbour(before, before_date),
        following=_neighbour(after, after_date),
    )


def _neighbour(number: int | None, registration_date: str | None) -> Neighbour | None:
    """The nearest other entry on one side of a number, with its date."""
    if number is None:
        return None
    return Neighbour(number, PartialDate.from_iso(registration_date) if registration_date else None)


def _sequence_query() -> Select[*tuple[Any, ...]]:
    """Where a number stands among the other numbered entries of its book
    and year, in one statement read from the index on (book, year, number):
    whether it is taken, the highest, and the nearest on each side with its
    date. Built once; run at every save."""
    number: BindParameter[int] = bindparam("number")
    others = (
        Entry.book_id == bindparam("book"),
        Entry.year == bindparam("year"),
        Entry.status != EntryStatus.DRAFT.value,
        Entry.number.is_not(None),
        Entry.id != bindparam("entry"),
    )

    def nearest(column: Any, *where: ColumnElement[bool], descending: bool) -> Any:
        order = (Entry.number.desc(), Entry.id.desc()) if descending else (Entry.number, Entry.id)
        return select(column).where(*others, *where).order_by(*order).limit(1).scalar_subquery()

    return select(
        exists().where(*others, Entry.number == number),
        nearest(Entry.number, descending=True),
        nearest(Entry.number, Entry.number < number, descending=True),
        nearest(Entry.registration_date, Entry.number < number, descending=True),
        nearest(Entry.number, Entry.number > number, descending=False),
        nearest(Entry.registration_date, Entry.number > number, descending=False),
    )


_SEQUENCE = _sequence_query()


def _index_names(
    session: Session, spec: BookSpec, entry: Entry, assessment: Assessment, *, replace: bool
) -> None:
    if replace:
        session.execute(delete(EntryName).where(EntryName.entry_id == entry.id))
    rows = [
        {"entry_id": entry.id, "field": field.key, "key": text.search_key(value)}
        for field in spec.name_fields
        if (value := assessment.values[field.key].value)
    ]
    if rows:
        session.execute(EntryName.__table__.insert(), rows)


def find_by_name(session: Session, query: str, limit: int = 50) -> list[Entry]:
    """Entries with a person whose name starts with ``query``, accents ignored.

    "nguyen van" finds "Nguyễn Văn An"; the match is on the start of the full
    name, as clerks search by family name first.
    """
    key = text.search_key(query)
    if not key:
        return []
    # A range on the indexed key is a prefix match that uses the index.
    matching = (
        select(EntryName.entry_id)
        .where(EntryName.key >= key, EntryName.key < key + "\uffff")
        .distinct()
        .limit(limit)
    )
    return list(session.scalars(select(Entry).where(Entry.id.in_(matching)).order_by(Entry.id)))
