"""Possible duplicates: the same person keyed twice (issue 6).

A person is the entry's identity per kind of book (app.specs.identities):
the main name and date, and the names or dates beside it. The same person
keyed twice differs by what clerks get wrong: a tone mark, a letter, two
digits of a date swapped, a parent left out, the words of the name in
another order, or a middle name the book once wrote and once left out
("Nguyễn Thị Lan", "Nguyễn Lan": alike only when the date and the parents
agree).

Sex is part of who someone is where the book records it: a boy and a girl
are two people. Twins are two people too: the same parents and the same
day, registered side by side (the same book, other numbers) under another
given name. They are not listed: a twin is no keying error to correct, and
a list the lead learns to dismiss hides the real duplicates.

Comparing every pair of a campaign's entries is out of reach, so pairs are
only compared within blocks that a duplicate almost always shares: the same
main date, or the same main name without its marks. Each block is read in
turn from the database, sorted there, so that a pass holds one block in
memory, not the station. Names are compared with rapidfuzz on their
accent-free keys (a letter off, or the same words in another order), dates
by how they differ.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import combinations, groupby
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein
from sqlalchemy import Select, SQLColumnExpression, bindparam, func, null, select
from sqlalchemy.orm import Session

from app.db.models import Book, Entry, EntryName, EntryStatus
from app.specs import BookKind
from app.specs.identities import IDENTITIES, Identity
from app.values import text

# How much each part weighs in the score; the others' weight goes to the
# name and the date when neither entry has them.
NAME_WEIGHT, DATE_WEIGHT, OTHERS_WEIGHT = 0.5, 0.3, 0.2
THRESHOLD = 0.85  # the score from which a pair is listed
# Below these, never the same person: names less alike (of 100); given names
# more letters apart (twins: "Thanh Hương", "Thành Dũng"); the names and
# dates beside less alike (other parents: a namesake born near the day).
NAME_FLOOR = 80
GIVEN_NAME_EDITS = 1  # one more for each four letters beyond the first four
OTHERS_FLOOR = 0.85
# How alike a name is to itself with a middle name left out, when the date
# and the names beside agree ("nguyen thi lan", "nguyen lan").
MIDDLE_LEFT_OUT = 0.9
# The most entries of the same main date the check on save compares with.
NEAR = 500
# Entries a duplicate check looks at: those whose values a clerk finished.
CHECKED = (EntryStatus.COMPLETED.value, EntryStatus.VERIFIED.value, EntryStatus.EXPORTED.value)


@dataclass(frozen=True)
class Person:
    entry_id: int
    name: str  # the accent-free key
    date: str
    others: tuple[str, ...]
    sex: str = ""
    written: str = ""  # the name with its marks, case folded: "Anh" is not "Ánh"
    book_id: int | None = None
    number: int | None = None


@dataclass(frozen=True)
class PossibleDuplicate:
    """Two entries that may be the same person, the lower entry ID first."""

    first: int
    second: int
    kind: BookKind
    score: float


def possible_duplicates(
    session: Session, kind: BookKind, threshold: float = THRESHOLD
) -> list[PossibleDuplicate]:
    """Every pair of ``kind``'s finished entries that may be the same person,
    most alike first."""
    identity = IDENTITIES[kind]
    found: dict[tuple[int, int], float] = {}
    for block in (_blocks(session, kind, identity, by_date=True),
                  _blocks(session, kind, identity, by_date=False)):  # fmt: skip
        for people in block:
            for a, b in combinations(people, 2):
                pair = (min(a.entry_id, b.entry_id), max(a.entry_id, b.entry_id))
                if pair not in found and (score := similarity(a, b)) >= threshold:
                    found[pair] = score
    return sorted(
        (PossibleDuplicate(a, b, kind, score) for (a, b), score in found.items()),
        key=lambda d: (-d.score, d.first, d.second),
    )


def duplicates_of(
    session: Session, entry_id: int, book_id: int, kind: BookKind, values: dict[str, Any]
) -> list[PossibleDuplicate]:
    """The finished entries of ``kind`` that may be the same person as the
    entry ``entry_id`` of book ``book_id`` holding ``values`` (as stored),
    most alike first.

    Run at each completion, so it reads only what an index finds at once:
    the entries of the same main date (at most ``NEAR``), and the other
    entries of the same book (the same page keyed twice). A duplicate that
    differs in its date too, in another book, is left to the pass.
    """
    identity = IDENTITIES[kind]

    def value(field: str | None) -> str | None:
        return (values.get(field) or {}).get("v") if field else None

    number = value("number")
    person = _person(
        entry_id,
        book_id,
        int(number) if number and number.isdigit() else None,
        *(value(f) for f in (identity.name, identity.date, identity.sex, *identity.others)),
    )
    same_book, same_date, people = _near(kind)
    # The entries' names first (the date's from its index), then the rest of
    # those whose name is alike enough: most are not.
    near = list(session.execute(same_book, {"entry": entry_id, "book": book_id}))
    if person.date:
        near += session.execute(same_date, {"entry": entry_id, "date": person.date})
    alike = [other for other, title in near if _may_be(person.name, text.search_key(title))]
    found = {}
    for row in session.execute(people, {"ids": alike}) if alike else ():
        other = _person(*row)
        if (score := similarity(person, other)) >= THRESHOLD:
            found[other.entry_id] = score
    return sorted(
        (
            PossibleDuplicate(min(entry_id, other), max(entry_id, other), kind, score)
            for other, score in found.items()
        ),
        key=lambda d: (-d.score, d.first, d.second),
    )


def pair_score(session: Session, kind: BookKind, first: int, second: int) -> float | None:
    """How alike two entries' people are now; None when one is not finished."""
    rows = session.execute(
        _near(kind)[2].where(Entry.status.in_(CHECKED)), {"ids": [first, second]}
    )
    people = [_person(*row) for row in rows]
    return similarity(*people) if len(people) == 2 else None


@cache
def _near(
    kind: BookKind,
) -> tuple[Select[int, str], Select[int, str], Select[*tuple[Any, ...]]]:
    """The queries of ``duplicates_of``, built once per kind: the names of
    the book's other entries and of the main date's (from its covering
    index), then the people of the entries chosen."""
    identity = IDENTITIES[kind]
    finished = (Entry.status.in_(CHECKED), Entry.id != bindparam("entry"))
    same_book = select(Entry.id, Entry.title).where(Entry.book_id == bindparam("book"), *finished)
    same_date = (
        select(Entry.id, Entry.title)
        .join(Book, Book.id == Entry.book_id)
        .where(Entry.main_date == bindparam("date"), Book.kind == kind.value, *finished)
        .limit(NEAR)
    )
    people = select(*_columns(identity)).where(Entry.id.in_(bindparam("ids", expanding=True)))
    return same_book, same_date, people


def similarity(a: Person, b: Person) -> float:
    """How likely two people are one, from 0 to 1."""
    if a.sex and b.sex and a.sex != b.sex:
        return 0.0  # a boy and a girl: twins, or namesakes, never one child
    compared = [_alike(x, y) for x, y in zip(a.others, b.others, strict=True) if x and y]
    if compared and sum(compared) / len(compared) < OTHERS_FLOOR:
        return 0.0
    same_day_and_family = bool(a.date) and a.date == b.date and bool(compared)
    if _names_alike(a.name, b.name):
        name = _alike(a.name, b.name) * 100
    elif same_day_and_family and _middle_left_out(a.name, b.name):
        name = MIDDLE_LEFT_OUT * 100
    else:
        return 0.0
    if same_day_and_family and _side_by_side(a, b) and a.written != b.written:
        return 0.0  # twins: registered together under names of their own
    if not compared:
        scale = 1 / (NAME_WEIGHT + DATE_WEIGHT)
        return scale * (NAME_WEIGHT * name / 100 + DATE_WEIGHT * date_similarity(a.date, b.date))
    return (
        NAME_WEIGHT * name / 100
        + DATE_WEIGHT * date_similarity(a.date, b.date)
        + OTHERS_WEIGHT * sum(compared) / len(compared)
    )


def _side_by_side(a: Person, b: Person) -> bool:
    """Two registrations of one book under two numbers: two children, as
    twins are registered; the same page keyed twice repeats its number."""
    return (
        a.book_id is not None
        and a.book_id == b.book_id
        and a.number is not None
        and b.number is not None
        and a.number != b.number
    )


def date_similarity(a: str, b: str) -> float:
    """1 for the same date; less for the slips of keying: a digit wrong or
    two swapped, day and month swapped; 0 for another year, or none given."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if len(a) != len(b) or a[:4] != b[:4]:
        return 0.0
    differing = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    swapped = (
        len(differing) == 2
        and a[differing[0]] == b[differing[1]]
        and (a[differing[1]] == b[differing[0]])
    )
    day_month = len(a) == 10 and a[5:7] == b[8:10] and a[8:10] == b[5:7]
    if len(differing) == 1 or swapped or day_month:
        return 0.8
    return 0.3


def _names_alike(a: str, b: str) -> bool:
    """Whether two names' keys are alike enough to be one person's."""
    return _alike(a, b) * 100 >= NAME_FLOOR and _same_given_name(a, b)


def _may_be(a: str, b: str) -> bool:
    """Whether two names' keys may be one person's, the date and the names
    beside still to be compared: alike, or one without a middle name."""
    return _names_alike(a, b) or _middle_left_out(a, b)


def _middle_left_out(a: str, b: str) -> bool:
    """Whether one name is the other with middle words left out: the same
    family name and given name, the shorter's words in the longer, in order
    ("tran van minh", "tran minh")."""
    short, long = sorted((a.split(), b.split()), key=len)
    if len(short) < 2 or len(short) == len(long):
        return False
    if short[0] != long[0] or short[-1] != long[-1]:
        return False
    rest = iter(long[1:-1])
    return all(word in rest for word in short[1:-1])


def _same_given_name(a: str, b: str) -> bool:
    """Whether the given names (the last word) are one slip apart at most,
    or the names are the same words in another order."""
    if sorted(a.split()) == sorted(b.split()):
        return True
    given_a, given_b = a.rsplit(" ", 1)[-1], b.rsplit(" ", 1)[-1]
    allowed = GIVEN_NAME_EDITS + max(0, len(given_a) - 4) // 4
    return Levenshtein.distance(given_a, given_b) <= allowed


def _alike(x: str, y: str) -> float:
    """Two names' likeness, 0 to 1: the better of the plain ratio (a letter
    off in a short name: "tran van tu", "tran van ta") and the ratio of the
    words sorted (the same words in another order)."""
    return max(fuzz.ratio(x, y), fuzz.token_sort_ratio(x, y)) / 100


def _blocks(
    session: Session, kind: BookKind, identity: Identity, *, by_date: bool
) -> Iterator[list[Person]]:
    """The kind's people in blocks of the same main date, or of the same
    main name's key, read from the database in that order."""
    if by_date:
        query = (
            select(*_columns(identity))
            .where(Entry.main_date.is_not(None))
            .order_by(Entry.main_date)
        )
    else:
        # The names' keys as the station indexes them (app.entries.names), in order.
        query = (
            select(*_columns(identity))
            .join(EntryName, EntryName.entry_id == Entry.id)
            .where(EntryName.field == identity.name)
            .order_by(EntryName.key)
        )
    query = query.join(Book, Book.id == Entry.book_id).where(
        Book.kind == kind.value, Entry.status.in_(CHECKED)
    )
    people = (_person(*row) for row in session.execute(query.execution_options(yield_per=1000)))
    block_key = (lambda p: p.date) if by_date else (lambda p: p.name)
    for _, block in groupby(people, key=block_key):
        people_of_block = list(block)
        if len(people_of_block) > 1:
            yield people_of_block


def _columns(identity: Identity) -> list[SQLColumnExpression[Any]]:
    """An entry's ID, place in its book and the values that say who it is,
    read in SQL: a block reads a few fields of many entries, not their
    whole values."""
    sex = func.json_extract(Entry.values, f"$.{identity.sex}.v") if identity.sex else null()
    fields = (identity.name, identity.date)
    return [
        Entry.id,
        Entry.book_id,
        Entry.number,
        *(func.json_extract(Entry.values, f"$.{field}.v") for field in fields),
        sex,
        *(func.json_extract(Entry.values, f"$.{field}.v") for field in identity.others),
    ]


def _person(
    entry_id: int,
    book_id: int | None,
    number: int | None,
    name: str | None,
    date: str | None,
    sex: str | None,
    *others: str | None,
) -> Person:
    return Person(
        entry_id,
        text.search_key(name or ""),
        date or "",
        tuple(text.search_key(other or "") for other in others),
        sex or "",
        # Stored names are in their one written form already (app.rules).
        (name or "").casefold(),
        book_id,
        number,
    )
