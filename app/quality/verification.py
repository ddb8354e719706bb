"""Blind double keying and arbitration (issue 6).

A share of each clerk's completed entries (10% unless the lead says more,
for the team or for one clerk) is drawn for verification as it is first
completed: another clerk keys it again from the book, seeing its place in
the book but not the first values. The two keyings are compared field by
field as the centre receives them (:func:`as_received`): the value, after
the rules of the form, and what the book shows there. Where the tone mark
sits, spaces, the case of words whose case means nothing, and the exact
transcription kept beside a value are the clerk's keyboard, not the book:
they never make a difference. If the keyings agree the entry is verified,
otherwise each difference goes to the lead, who
picks one of the two values or types a third. The decision is kept, and
so is whose error it was: the first keyer's when the second value is
chosen, the second's when the first is, both when neither was right.

An entry waiting for its second keying or for the lead is not exported.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.access import audit
from app.access.roles import require_lead
from app.db.models import (
    Book,
    Entry,
    EntryStatus,
    FieldDifference,
    User,
    Verification,
    VerificationState,
)
from app.entries.field_values import decode_values, defaults, encode_values
from app.entries.store import SaveAction, store_entry
from app.quality.checks import check_entry
from app.quality.draw import OPEN_STATES
from app.rules import Assessment, FieldValue, assess
from app.specs import FieldSpec, FieldType, spec_for
from app.system.clock import Clock, local_today
from app.values import text

# The book reference the second clerk is shown: not keyed again.
SHOWN = ("number",)
# Where case carries no meaning: names, places, free text, groups, and the
# letters of a passport number ("b1234567" is the passport "B1234567").
CASELESS = {
    FieldType.TEXT,
    FieldType.NAME,
    FieldType.PLACE,
    FieldType.ETHNIC,
    FieldType.NATIONALITY,
    FieldType.ID_NUMBER,
}


class VerificationError(ValueError):
    """A verification step that cannot be taken; the message says why."""


@dataclass(frozen=True)
class SecondKeying:
    """What the second keying came to: refused (errors, as at the form),
    verified, or differences for the lead."""

    assessment: Assessment
    saved: bool
    differences: tuple[str, ...] = ()


def take_next(session: Session, clerk: User) -> Verification | None:
    """The oldest entry waiting for a second keying, completed (not deferred
    since) by someone other than ``clerk``; theirs until they key it."""
    verification = session.scalars(
        select(Verification)
        .join(Entry, Entry.id == Verification.entry_id)
        .where(
            Verification.state == VerificationState.WAITING.value,
            Entry.status == EntryStatus.COMPLETED.value,
            Entry.completed_by != clerk.id,
            (Verification.taken_by.is_(None)) | (Verification.taken_by == clerk.id),
        )
        .order_by(Verification.id)
        .limit(1)
    ).first()
    if verification is not None:
        verification.taken_by = clerk.id
        session.flush()
    return verification


def blind_form(session: Session, verification: Verification) -> tuple[Book, dict[str, FieldValue]]:
    """What the second clerk sees: the book and the entry's place in it, no values."""
    entry = session.get_one(Entry, verification.entry_id)
    first = decode_values(entry.values)
    return session.get_one(Book, entry.book_id), {key: first[key] for key in SHOWN if key in first}


def blind_start(book: Book) -> dict[str, FieldValue]:
    """What the blind form starts with beside the reference, as any new
    entry of the book does: the kind's defaults and the book's office.
    Nothing of the first keying: not even what the entries before it carry."""
    return defaults(spec_for(book.kind)) | {"office": FieldValue(book.office)}


def key_again(
    session: Session,
    verification: Verification,
    values: Mapping[str, FieldValue],
    clerk: User,
    clock: Clock,
) -> SecondKeying:
    """The second clerk's keying, compared with the first."""
    if verification.state != VerificationState.WAITING.value:
        raise VerificationError(f"entry {verification.entry_id} was keyed again already")
    entry = session.get_one(Entry, verification.entry_id)
    if entry.status != EntryStatus.COMPLETED.value or entry.completed_at is None:
        raise VerificationError(f"entry {entry.id} is not completed: nothing to compare with")
    if clerk.id == entry.completed_by:
        raise VerificationError("the second keying is another clerk's")
    spec = spec_for(session.get_one(Book, entry.book_id).kind)
    first = decode_values(entry.values)
    typed = dict(values) | {key: first[key] for key in SHOWN if key in first}
    assessment = assess(spec, typed, today=local_today(clock))
    if not assessment.can_complete:
        return SecondKeying(assessment, saved=False)
    second = encode_values(assessment.values)
    compared = [f.key for f in spec.fields if f.key not in SHOWN]
    differing = tuple(
        key
        for key in compared
        if as_received(spec.field(key), entry.values.get(key, {}))
        != as_received(spec.field(key), second.get(key, {}))
    )
    # The keying compared is the completion as it stands: a deferred entry
    # completed from the backlog is the keying of who completed it.
    verification.first_keyer = entry.completed_by or verification.first_keyer
    verification.first_keyed_at = entry.completed_at
    verification.second_keyer = clerk.id
    verification.second_values = second
    verification.second_keyed_at = clock.now()
    verification.fields_compared = len(compared)
    for key in differing:
        session.add(
            FieldDifference(
                verification_id=verification.id,
                field=key,
                first=entry.values.get(key, {}),
                second=second.get(key, {}),
            )
        )
    if differing:
        verification.state = VerificationState.MISMATCH.value
    else:
        verification.state = VerificationState.VERIFIED.value
        entry.status = EntryStatus.VERIFIED.value
    session.flush()
    return SecondKeying(assessment, saved=True, differences=differing)


def differences(session: Session, verification: Verification) -> list[FieldDifference]:
    return list(
        session.scalars(
            select(FieldDifference)
            .where(FieldDifference.verification_id == verification.id)
            .order_by(FieldDifference.id)
        )
    )


def arbitrate(
    session: Session,
    verification: Verification,
    chosen: Mapping[str, FieldValue],
    lead: User,
    clock: Clock,
) -> Assessment:
    """The lead's value for every field the keyings differ on; the entry
    takes them (a correction, validated as at the form) and is verified."""
    require_lead(lead, "arbitrate between two keyings")
    if verification.state != VerificationState.MISMATCH.value:
        raise VerificationError(f"entry {verification.entry_id} has nothing to arbitrate")
    found = differences(session, verification)
    missing = sorted({d.field for d in found} - set(chosen))
    if missing:
        raise VerificationError(f"decide every difference: {', '.join(missing)} not yet")
    entry = session.get_one(Entry, verification.entry_id)
    book = session.get_one(Book, entry.book_id)
    values = decode_values(entry.values) | {d.field: chosen[d.field] for d in found}
    outcome = store_entry(
        session, book=book, values=values, user=lead, action=SaveAction.COMPLETE, clock=clock,
        entry=entry,
    )  # fmt: skip
    if not outcome.saved:
        return outcome.assessment
    assert outcome.entry is not None  # a save that went through has its entry
    if outcome.rewritten:
        # Checked across entries as a clerk's correction is. Not drawn again:
        # its verification is this one.
        check_entry(session, outcome.entry, book, clock, fresh=outcome.was_draft)
    stored = outcome.entry.values
    spec = spec_for(book.kind)
    for difference in found:
        chosen_value = stored.get(difference.field, {})
        difference.chosen = chosen_value
        difference.error_of = _error_of(spec.field(difference.field), chosen_value, difference)
    outcome.entry.status = EntryStatus.VERIFIED.value
    verification.state = VerificationState.VERIFIED.value
    verification.decided_by = lead.id
    verification.decided_at = clock.now()
    audit.record(
        session, clock, user=lead, action="verification.decided",
        subject=f"entry:{entry.uuid}",
        after={d.field: {"chosen": d.chosen, "error_of": d.error_of} for d in found},
    )  # fmt: skip
    session.flush()
    return outcome.assessment


def held_for_verification(session: Session) -> int:
    """Entries held back from export: waiting for a second keying or the lead."""
    return (
        session.scalar(
            select(func.count())
            .select_from(Verification)
            .where(Verification.state.in_(OPEN_STATES))
        )
        or 0
    )


def release_waiting(session: Session, lead: User, reason: str, clock: Clock) -> int:
    """Let every entry still waiting for its second keying or arbitration go
    unverified, so that the next batch takes it; the lead's reason is kept."""
    require_lead(lead, "export entries before they are verified")
    if not reason.strip():
        raise VerificationError("say why the entries go unverified")
    waiting = session.scalars(select(Verification).where(Verification.state.in_(OPEN_STATES)))
    released = 0
    for verification in waiting:
        verification.state = VerificationState.RELEASED.value
        verification.note = reason.strip()
        verification.decided_by = lead.id
        verification.decided_at = clock.now()
        released += 1
    if released:
        audit.record(
            session, clock, user=lead, action="verification.released", subject="verifications",
            after={"entries": released, "reason": reason.strip()},
        )  # fmt: skip
    session.flush()
    return released


def as_received(field: FieldSpec, stored: Mapping[str, Any]) -> tuple[str, str]:
    """A field as stored (``{"v": …, "s": …, "t": …}``) as a comparison of two
    keyings sees it: the value in its one written form (tone marks placed
    the classic way, spaces tidied, case folded where it means nothing) and
    the source status; never the transcription."""
    value = text.normalize(stored.get("v", ""))
    if field.type in CASELESS:
        value = value.casefold()
    return value, stored.get("s", "clear")


def _error_of(
    field: FieldSpec, chosen_value: Mapping[str, Any], difference: FieldDifference
) -> str:
    """Whose keying the lead's choice (``chosen_value``, as stored) shows
    wrong, compared as the keyings were."""
    chosen = as_received(field, chosen_value)
    if chosen == as_received(field, difference.first):
        return "second"
    if chosen == as_received(field, difference.second):
        return "first"
    return "both"
