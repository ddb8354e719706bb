"""What the entry form starts from: carried-forward values, the next number,
the field keyed first, the draft a clerk left behind, and what a field
offers as the clerk types.

A register book is keyed entry after entry: the page, the registration date,
the office and the signer rarely change from one entry to the next, and the
number goes up by one. Starting each form from the previous entry is most of
what makes keying fast.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Book, Entry, EntryStatus, User
from app.entries.field_values import decode_values, defaults
from app.entries.pending import edited_entry, pending_edit
from app.reference import ethnic, gazetteer
from app.rules import FieldValue
from app.specs import BookSpec, Choice, FieldSpec, FieldType, spec_for
from app.values.text import search_key


def last_entry(session: Session, book: Book) -> Entry | None:
    """The entry keyed last in ``book`` in book order (year, then number)."""
    return session.scalars(
        select(Entry)
        .where(Entry.book_id == book.id, Entry.status != EntryStatus.DRAFT.value)
        .order_by(Entry.year.desc(), Entry.number.desc().nulls_last(), Entry.id.desc())
        .limit(1)
    ).first()


@dataclass(frozen=True)
class FreshEntry:
    """A new entry as the form opens it: its values, and the key of the
    field the clerk keys first."""

    values: dict[str, FieldValue]
    start: str


def fresh_entry(session: Session, book: Book) -> FreshEntry:
    """A new entry of ``book``: its values and where keying starts.

    Carried fields come from the book's last entry, defaults (nationality
    "Việt Nam", the usual kind of registration) fill the rest, and the number
    is the next one; the first entry of a book starts at 1 with its office,
    and on its page: nothing is carried yet, so the page and the registration
    date are keyed like any other field.
    """
    spec = spec_for(book.kind)
    values = defaults(spec)
    previous = last_entry(session, book)
    if previous is None:
        values["number"] = FieldValue("1")
        values["office"] = FieldValue(book.office)
        return FreshEntry(values, start_field(spec, values, after_previous=False))
    carried = decode_values(previous.values)
    for field in spec.carried_fields:
        if carried.get(field.key) and carried[field.key].value:
            # As the book writes it too (the signer's "Hoà"), but clear: a mark
            # of uncertainty belongs to the entry it was made on.
            value = carried[field.key]
            values[field.key] = FieldValue(value.value, transcription=value.transcription)
    if previous.number is not None:
        values["number"] = FieldValue(str(previous.number + 1))
    return FreshEntry(values, start_field(spec, values, after_previous=True))


def start_field(spec: BookSpec, values: dict[str, FieldValue], *, after_previous: bool) -> str:
    """The key of the field the clerk keys first: the first empty one in
    book order.

    After a previous entry, the carried fields are passed over even when
    empty: a book that leaves its pages unnumbered leaves every entry's page
    empty, and the clerk should not start on it each time.
    """
    for field in spec.fields:
        if after_previous and field.carry:
            continue
        if not values.get(field.key, FieldValue()).value:
            return field.key
    return spec.fields[0].key


def open_draft(session: Session, user: User) -> Entry | None:
    """The draft ``user`` was keying when the app last stopped, if any: the
    last saved, in the order of saves rather than by the wall clock.

    It may be the pending edit of an entry past draft: open it with
    :func:`entry_to_edit`, which opens the entry it edits.
    """
    return session.scalars(
        select(Entry)
        .where(Entry.status == EntryStatus.DRAFT.value, Entry.updated_by == user.id)
        .order_by(Entry.saved_seq.desc())
        .limit(1)
    ).first()


def entry_to_edit(session: Session, entry: Entry) -> tuple[Entry, dict[str, FieldValue]]:
    """What the form holds when ``entry`` is opened: the entry and its values.

    An entry with a pending edit (see :mod:`app.entries.pending`) opens with the
    edit, so that what was typed before a crash comes back; a pending edit
    opens as the entry it edits, so that saving it corrects that entry.
    """
    entry = edited_entry(session, entry)
    edit = pending_edit(session, entry)
    return entry, decode_values((edit or entry).values)


@dataclass(frozen=True)
class Suggestion:
    """A value offered as the clerk types.

    ``value`` is what picking it writes into the field; ``label`` is how the
    list shows it (a unit that no longer exists, with its years).
    """

    value: str
    label: str


def suggestions(
    field: FieldSpec,
    typed: str,
    limit: int = 8,
    *,
    near: gazetteer.Place | None = None,
    year: int | None = None,
) -> list[Suggestion]:
    """What to offer as the clerk types into ``field``, accents ignored.

    Places come from the gazetteer (current, pre-2025 and historical units),
    those of the station's own area (``near``: its commune) and of the book's
    ``year`` first; ethnic groups from the list of 54; other fields offer
    none. Nothing here changes the field: a suggestion is written into it
    only when the clerk picks it.
    """
    if not typed.strip():
        return []
    if field.type is FieldType.PLACE:
        return [
            Suggestion(place.full_path, place.label)
            for place in gazetteer.complete(typed, limit=limit, near=near, year=year)
        ]
    if field.type is FieldType.ETHNIC:
        return [Suggestion(g.name, g.name) for g in ethnic.complete(typed, limit=limit)]
    return []


def numbered_choice(field: FieldSpec, number: int) -> Choice | None:
    """The option of a choice field shown with ``number`` (from 1)."""
    return field.choices[number - 1] if 0 < number <= len(field.choices) else None


def choice_named(field: FieldSpec, typed: str) -> Choice | None:
    """The option that ``typed`` names exactly, or None.

    An option is named by its number ("2"), its label in either language,
    accents and case ignored ("nu" is "Nữ"), or its number and label as the
    field shows them ("2 · Nữ").
    """
    key = search_key(typed)
    number, _, label = key.partition(" · ")
    if number.isdigit():
        choice = numbered_choice(field, int(number))
        if choice is not None and (not label or label in _choice_keys(choice)):
            return choice
        return None
    return next((c for c in field.choices if key in _choice_keys(c)), None)


def choices_matching(field: FieldSpec, typed: str) -> list[Choice]:
    """The options of a choice field that ``typed`` may be the start of,
    best first: the one it names, those whose label begins with it, then
    those with a word that begins with it ("bo roi": "Trẻ bị bỏ rơi");
    accents and case ignored. Nothing typed offers nothing."""
    key = search_key(typed)
    if not key:
        return []
    named = choice_named(field, typed)
    starting = [c for c in field.choices if any(k.startswith(key) for k in _choice_keys(c))]
    inside = [c for c in field.choices if any(f" {key}" in f" {k}" for k in _choice_keys(c))]
    found = [named] if named is not None else []
    for choice in starting + inside:
        if choice not in found:
            found.append(choice)
    return found


def _choice_keys(choice: Choice) -> tuple[str, str]:
    return search_key(choice.label.vi), search_key(choice.label.en)
