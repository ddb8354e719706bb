"""Saving an entry: validate, check the book's sequence, store, index names.

Everything the entry form does goes through :func:`save_entry`, so a test (or
the benchmark) can do exactly what a clerk does without a window.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Subquery, delete, func, select
from sqlalchemy.orm import Session

from app import text
from app.clock import Clock, local_today
from app.dates import PartialDate
from app.db.models import Book, DeferralReason, Entry, EntryName, EntryStatus, User
from app.rules import Assessment, FieldValue, Finding, Neighbour, assess, check_sequence
from app.specs import BookSpec, SourceStatus, spec_for


class SaveAction(StrEnum):
    DRAFT = "draft"  # as the clerk types: nothing is checked, nothing blocks
    COMPLETE = "complete"  # only when no error and no unreadable required field
    DEFER = "defer"  # "hard later": always possible, with a reason


@dataclass(frozen=True)
class SaveOutcome:
    """What happened to a save: ``saved`` is False when completion was blocked.

    ``entry`` is the entry as stored, or when blocked the entry as it was
    before (None for a new one).
    """

    entry: Entry | None
    assessment: Assessment
    saved: bool


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

    A draft is stored whatever it holds. Completion is refused (nothing is
    written, ``saved`` is False) while the assessment has errors or a required
    field is unreadable. Deferral needs a reason.
    """
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
    if entry is None:
        entry = Entry(book_id=book.id, created_by=user.id, created_at=now, version=0)
    entry.values = encode_values(assessment.values)
    entry.number = number
    entry.year = year
    entry.registration_date = registration_date.iso() if registration_date else None
    entry.title = assessment.values[spec.title_field].value
    entry.updated_by = user.id
    entry.updated_at = now
    entry.version += 1
    entry.status = {
        SaveAction.DRAFT: EntryStatus.DRAFT,
        SaveAction.COMPLETE: EntryStatus.COMPLETED,
        SaveAction.DEFER: EntryStatus.DEFERRED,
    }[action].value
    entry.deferral_reason = deferral_reason.value if action is SaveAction.DEFER else None
    entry.deferral_note = deferral_note if action is SaveAction.DEFER else None
    entry.completed_at = now if action is SaveAction.COMPLETE else None
    entry.completed_by = user.id if action is SaveAction.COMPLETE else None
    session.add(entry)
    session.flush()
    _index_names(session, spec, entry, assessment)
    return SaveOutcome(entry, assessment, saved=True)


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
    others = select(Entry).where(
        Entry.book_id == book.id,
        Entry.year == year,
        Entry.status != EntryStatus.DRAFT.value,
        Entry.number.is_not(None),
    )
    if entry is not None and entry.id is not None:
        others = others.where(Entry.id != entry.id)
    others = others.subquery()
    taken = session.scalar(select(func.count()).where(others.c.number == number)) > 0
    highest = session.scalar(select(func.max(others.c.number)))
    previous = _neighbour(session, others, others.c.number < number, others.c.number.desc())
    following = _neighbour(session, others, others.c.number > number, others.c.number.asc())
    return check_sequence(
        number,
        year,
        registration_date,
        taken=taken,
        highest=highest,
        previous=previous,
        following=following,
    )


def _neighbour(
    session: Session, others: Subquery, where: ColumnElement[bool], order: ColumnElement[Any]
) -> Neighbour | None:
    """The nearest other entry on one side of a number, with its date."""
    row = session.execute(
        select(others.c.number, others.c.registration_date).where(where).order_by(order).limit(1)
    ).first()
    if row is None:
        return None
    return Neighbour(row[0], PartialDate.from_iso(row[1]) if row[1] else None)


def _index_names(session: Session, spec: BookSpec, entry: Entry, assessment: Assessment) -> None:
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
