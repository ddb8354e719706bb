"""What the keying window asks of the station, by ids and in plain values.

A window holds no session: it names the book and the entry on its form by
id, and each call here loads them in the caller's session (one per user
action, as every service takes it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy.orm import Session

from app.db.models import Book, DeferralReason, Entry, EntryStatus, User
from app.keying.save import SaveAction, SaveOutcome, save_entry
from app.keying.start import entry_to_edit
from app.reference.gazetteer import Place
from app.rules import FieldValue
from app.scans.pages import Region, checked_region
from app.specs import BookKind
from app.system.clock import Clock
from app.work import queue, settings
from app.work.shifts import DEFAULT_SHIFTS, Shift, completed_in_shift, shift_at


@dataclass(frozen=True)
class KeyingSettings:
    """What the lead set that the keying window works with (by default, what
    a station starts with)."""

    shifts: tuple[Shift, ...] = DEFAULT_SHIFTS
    idle_minutes: int = settings.DEFAULT_IDLE_MINUTES  # idle before the window locks
    locality: Place | None = None  # the station's commune: place suggestions start there


def keying_settings(session: Session) -> KeyingSettings:
    """The shifts, the idle minutes and the station's commune, as set now."""
    return KeyingSettings(
        settings.shifts(session), settings.idle_minutes(session), settings.locality(session)
    )


@dataclass(frozen=True)
class ShiftCount:
    """A clerk's entries completed in the shift of a moment, and their quota."""

    shift: Shift | None  # None: outside the shifts, the count is of the day so far
    completed: int
    quota: int | None  # None: a lead or an admin, who have no quota


def shift_count(session: Session, user_id: int, moment: datetime) -> ShiftCount:
    """Where ``user_id`` stands in the shift ``moment`` falls in."""
    shifts = settings.shifts(session)
    return ShiftCount(
        shift_at(moment, shifts),
        completed_in_shift(session, user_id, moment, shifts),
        settings.clerk_quota(session, session.get_one(User, user_id)),
    )


@dataclass(frozen=True)
class EntryHeading:
    """An entry as a message names it: its book, number and title."""

    kind: BookKind
    office: str
    volume: str
    year: int
    number: int | None
    title: str


@dataclass(frozen=True)
class FormSaved:
    """What a save of the form did, and the other entries its checks name
    (possible duplicates), by id."""

    outcome: SaveOutcome
    named: Mapping[int, EntryHeading]


def save_form(
    session: Session,
    *,
    book_id: int,
    entry_id: int | None,
    values: Mapping[str, FieldValue],
    user: User,
    action: SaveAction,
    clock: Clock,
    deferral_reason: DeferralReason | None = None,
    deferral_note: str | None = None,
    page_region: Region | Literal["unchanged"] | None = "unchanged",
) -> FormSaved:
    """:func:`app.keying.save.save_entry` of what the form holds: a new entry
    of ``book_id`` (``entry_id`` None) or the entry it holds.

    ``page_region`` is where the entry is on its scanned page (None: the
    whole page). A completed entry's draft leaves it as it was, as it
    leaves the values: it goes with the save that takes them.
    """
    outcome = save_entry(
        session,
        book=session.get_one(Book, book_id),
        values=values,
        user=user,
        action=action,
        clock=clock,
        entry=session.get(Entry, entry_id) if entry_id is not None else None,
        deferral_reason=deferral_reason,
        deferral_note=deferral_note,
    )
    entry = outcome.entry
    if (
        page_region != "unchanged"
        and entry is not None
        and (action is not SaveAction.DRAFT or entry.status == EntryStatus.DRAFT)
    ):
        entry.page_region = checked_region(page_region)
    saved = entry.id if entry is not None else None
    named: dict[int, EntryHeading] = {}
    for finding in outcome.checks:
        for other in (session.get(Entry, i) for i in finding.entry_ids if i != saved):
            if other is not None:
                book = session.get_one(Book, other.book_id)
                named[other.id] = EntryHeading(
                    BookKind(book.kind),
                    book.office,
                    book.volume,
                    book.year,
                    other.number,
                    other.title,
                )
    return FormSaved(outcome, named)


@dataclass(frozen=True)
class EntryOpened:
    """An entry brought back into the form, and the book it is keyed in."""

    book: Book
    entry: Entry
    values: dict[str, FieldValue]
    visit: bool  # the book is not taken: the form holds this entry alone
    deferred_by: str | None  # who left it for later (a user name), if anyone


def open_entry(session: Session, user: User, entry_id: int, clock: Clock) -> EntryOpened:
    """The entry ``entry_id`` as :func:`app.keying.start.entry_to_edit` opens
    it, in the book :func:`app.work.queue.entry_book` gives ``user``."""
    entry, values = entry_to_edit(session, session.get_one(Entry, entry_id))
    book, visit = queue.entry_book(session, user, entry, clock)
    deferrer = session.get(User, entry.deferred_by) if entry.deferred_by else None
    return EntryOpened(book, entry, values, visit, deferrer.username if deferrer else None)
