"""Storing an entry: validate, check the book's sequence, store, index names.

This is the entry as data: what the form holds, assessed by the rules,
written as a new entry, a change of one, or the pending edit of one past
draft (:mod:`app.entries.pending`), with the day's count of completions
kept and every completion or deferral audited. What follows a completion
(the draw for a second keying, the checks across entries) is the keying's:
:func:`app.keying.save.save_entry`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.access import audit
from app.db.models import Book, DeferralReason, Entry, EntryStatus, User
from app.entries.field_values import encode_values
from app.entries.names import index_names
from app.entries.pending import EDIT_OF, edited_entry, pending_edit
from app.entries.position import number_findings, position
from app.rules import Assessment, FieldValue, assess
from app.specs import spec_for
from app.specs.identities import IDENTITIES
from app.system.clock import Clock, local_today
from app.work import progress


class SaveAction(StrEnum):
    DRAFT = "draft"  # as the clerk types: nothing is checked, nothing blocks
    COMPLETE = "complete"  # only when no error and no unreadable required field
    DEFER = "defer"  # "hard later": always possible, with a reason


@dataclass(frozen=True)
class StoreOutcome:
    """What storing did: ``saved`` is False when completion was blocked.

    ``entry`` is the entry as stored, or when blocked the entry as it was
    before (None for a new one). A draft save of an entry past draft leaves
    ``entry`` as it was and keeps the values as its pending edit.
    ``first_completion``: this save completed an entry that was not
    completed before it (new, a draft, or deferred). ``rewritten``: what
    the entry holds was written, for it was a draft (``was_draft``: or new)
    or its values, status or deferral changed.
    """

    entry: Entry | None
    assessment: Assessment
    saved: bool
    first_completion: bool = False
    rewritten: bool = False
    was_draft: bool = False


def store_entry(
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
) -> StoreOutcome:
    """Validate ``values`` for ``book`` and store them as a new or existing entry.

    - DRAFT of a new entry or of a draft stores the values whatever they hold.
    - DRAFT of an entry past draft leaves the entry as it is and keeps the
      values as its pending edit (see :mod:`app.entries.pending`); values
      equal to the entry's drop the pending edit instead.
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
    number, year, registration_date = position(book, assessment)
    if number is not None:
        assessment.findings.extend(
            number_findings(session, book, entry, number, year, registration_date)
        )
    if action is SaveAction.COMPLETE and not assessment.can_complete:
        return StoreOutcome(entry, assessment, saved=False)
    if action is SaveAction.DEFER and deferral_reason is None:
        raise ValueError("deferring an entry needs a reason")
    now = clock.now()
    row = _EntryRow(
        values=encode_values(assessment.values),
        number=number,
        year=year,
        registration_date=registration_date.iso() if registration_date else None,
        title=assessment.values[spec.title_field].value,
        main_date=assessment.values[IDENTITIES[spec.kind].date].value or None,
    )
    if action is SaveAction.DRAFT and entry is not None and entry.status != EntryStatus.DRAFT:
        _keep_pending_edit(session, entry, row, user, now)
        return StoreOutcome(entry, assessment, saved=True)

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
    if (status, entry.status, row.values) == (
        EntryStatus.COMPLETED,
        EntryStatus.EXPORTED,
        entry.values,
    ):
        status = EntryStatus.EXPORTED.value  # saved unchanged: the centre has it as it is
    deferral: tuple[str | None, str | None] = (None, None)
    if action is SaveAction.DEFER:
        assert deferral_reason is not None  # a deferral without a reason was refused above
        deferral = (deferral_reason.value, deferral_note)
    changed = (row.values, status, deferral) != (
        entry.values,
        entry.status,
        (entry.deferral_reason, entry.deferral_note),
    )
    if changed or was_draft:
        row.write_to(entry)
        entry.updated_by = user.id
        entry.updated_at = now
        entry.saved_seq = _next_saved(session)
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
        index_names(session, spec, entry, assessment, replace=not new)
    if action is not SaveAction.DRAFT:
        if not new:
            _drop_pending_edit(session, entry)
        if changed or was_draft:
            _record_change(session, clock, user, entry, as_it_was)
    return StoreOutcome(
        entry,
        assessment,
        saved=True,
        first_completion=action is SaveAction.COMPLETE and completed_before is None,
        rewritten=changed or was_draft,
        was_draft=was_draft,
    )


@dataclass(frozen=True)
class _EntryRow:
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


def _keep_pending_edit(
    session: Session, entry: Entry, row: _EntryRow, user: User, now: datetime
) -> None:
    edit = pending_edit(session, entry)
    if row.values == entry.values:
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
    row.write_to(edit)
    # Not indexed for search: a name search finds the entry, not its edit.
    edit.values = {**row.values, EDIT_OF: entry.uuid}
    edit.updated_by = user.id
    edit.updated_at = now
    edit.saved_seq = _next_saved(session)
    session.flush()


def _next_saved(session: Session) -> int:
    """The next number in the order of saves (``Entry.saved_seq``)."""
    return (session.scalar(select(func.max(Entry.saved_seq))) or 0) + 1


def _drop_pending_edit(session: Session, entry: Entry) -> None:
    edit = pending_edit(session, entry)
    if edit is not None:
        session.delete(edit)
        session.flush()
