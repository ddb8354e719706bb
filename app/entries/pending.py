"""The edit of an entry past draft, kept at a pause in typing.

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

from typing import overload

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Entry, EntryStatus

# In a pending edit's values: the uuid of the entry it edits. A field key is
# an identifier and cannot start with "~".
EDIT_OF = "~edit_of"


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
