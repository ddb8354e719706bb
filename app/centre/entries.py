"""One entry of a batch as the centre keeps it: each field checked, then a row.

An entry line holds exactly the fields a station writes (app.batch.export),
each of its type and within what both central databases keep: whole numbers
within PostgreSQL's 32-bit INTEGER, text within its column's length (which
PostgreSQL enforces and SQLite does not), no NUL or other control
character, no half surrogate pair, moments with their time zone. A batch
is then loaded, or refused with the same reason, by SQLite and PostgreSQL
alike. A field the format does not have is refused rather than dropped: a
station's claim is never silently ignored.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import String

from app.batch.format import BatchInfo
from app.batch.limits import CONTROL_CHARACTER, MAX_INTEGER, MAX_TEXT_CHARS, quoted
from app.centre.json_lines import LONGEST_MOMENT, LineRefused, described, iso_moment, kind_of
from app.centre.models import CentreEntry
from app.specs import BookKind, SourceStatus, spec_for

ENTRY_FIELDS = (
    "uuid",
    "version",
    "kind",
    "book",
    "year",
    "number",
    "registration_date",
    "completed_at",
    "completed_by",
    "updated_at",
    "values",
)
BOOK_FIELDS = ("office", "volume", "year")
# What a value keyed in a field holds: the value, its source status, a transcription.
VALUE_PARTS = frozenset({"v", "s", "t"})
FIELD_KEYS = {kind.value: frozenset(f.key for f in spec_for(kind).fields) for kind in BookKind}
STATUSES = frozenset(status.value for status in SourceStatus)
CLEAR = SourceStatus.CLEAR.value
_CONTROL = CONTROL_CHARACTER.search
# A date of the book's own precision: 1962, 1962-03, 1962-03-12.
_PARTIAL_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
T = TypeVar("T")


def _longest(column: str) -> int:
    """The length of a text column of centre_entries, which PostgreSQL enforces."""
    kind = CentreEntry.__table__.c[column].type
    assert isinstance(kind, String) and kind.length is not None
    return kind.length


_LONGEST = {
    column: _longest(column)
    for column in ("uuid", "book_office", "book_volume", "registration_date", "completed_by")
}


def entry_row(entry: dict[str, Any], info: BatchInfo) -> dict[str, Any]:
    """The row of ``centre_entries`` for ``entry``, of the batch ``info``
    labels; or :class:`LineRefused` with the field and what is wrong with it."""
    _check_fields(entry, info)
    kind = entry["kind"]
    if not isinstance(kind, str) or kind not in FIELD_KEYS:
        raise LineRefused(f"kind {described(kind)} is not a kind of book ({', '.join(FIELD_KEYS)})")
    book = entry["book"]
    if not isinstance(book, dict) or sorted(book) != sorted(BOOK_FIELDS):
        raise LineRefused(f"book is not an object of {', '.join(BOOK_FIELDS)}")
    return {
        "uuid": _uuid(entry["uuid"]),
        "version": _whole("version", entry["version"], minimum=1),
        "station": info.station,
        "kind": kind,
        "book_office": _text("book.office", book["office"], _LONGEST["book_office"]),
        "book_volume": _text("book.volume", book["volume"], _LONGEST["book_volume"]),
        "book_year": _whole("book.year", book["year"]),
        "year": _whole("year", entry["year"]),
        "number": _optional(_whole, "number", entry["number"]),
        "registration_date": _optional(
            _partial_date, "registration_date", entry["registration_date"]
        ),
        "values": _values(kind, entry["values"]),
        "completed_at": _optional(_moment, "completed_at", entry["completed_at"]),
        "completed_by": _optional(
            _text, "completed_by", entry["completed_by"], _LONGEST["completed_by"]
        ),
        "updated_at": _moment("updated_at", entry["updated_at"]),
        "batch_uuid": info.batch,
    }


def _check_fields(entry: dict[str, Any], info: BatchInfo) -> None:
    claimed = entry.get("station", info.station)
    if claimed != info.station:
        raise LineRefused(
            f"the entry claims station {described(claimed)}, but the batch is station"
            f" {info.station}'s"
        )
    for name in entry:
        if name not in ENTRY_FIELDS:
            raise LineRefused(f"unknown field {quoted(name)}")
    for name in ENTRY_FIELDS:
        if name not in entry:
            raise LineRefused(f"{name} is missing")


def _optional(check: Callable[..., T], name: str, value: Any, *args: Any) -> T | None:
    return None if value is None else check(name, value, *args)


def _whole(name: str, value: Any, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise LineRefused(f"{name} is {kind_of(value)}, not a whole number")
    if not minimum <= value <= MAX_INTEGER:
        raise LineRefused(
            f"{name} {value} is not a whole number from {minimum} to {MAX_INTEGER:,}"
            " (the central database's INTEGER)"
        )
    return value


def _text(name: str, value: Any, longest: int) -> str:
    if not isinstance(value, str):
        raise LineRefused(f"{name} is {kind_of(value)}, not text")
    if len(value) > longest:
        raise LineRefused(f"{name} is longer than {longest:,} characters")
    control = CONTROL_CHARACTER.search(value)
    if control is not None:
        what = (
            "half a surrogate pair" if "\ud800" <= control[0] <= "\udfff" else "a control character"
        )
        raise LineRefused(f"{name} holds {what}, U+{ord(control[0]):04X}")
    return value


def _uuid(value: Any) -> str:
    text = _text("uuid", value, _LONGEST["uuid"])
    try:
        canonical = str(uuid.UUID(text))
    except ValueError:
        canonical = None
    if canonical != text:
        raise LineRefused(f"uuid {quoted(text)} is not a UUID (as 1b4e28ba-2fa1-11d2-883f-…)")
    return text


def _partial_date(name: str, value: Any) -> str:
    text = _text(name, value, _LONGEST["registration_date"])
    if _PARTIAL_DATE.fullmatch(text) is None:
        raise LineRefused(f"{name} {quoted(text)} is not a date (1962, 1962-03 or 1962-03-12)")
    return text


def _moment(name: str, value: Any) -> datetime:
    return iso_moment(name, _text(name, value, LONGEST_MOMENT))


def _values(kind: str, values: Any) -> dict[str, dict[str, str]]:
    if not isinstance(values, dict):
        raise LineRefused(f"values is {kind_of(values)}, not an object")
    # Most of the intake's time is spent here: an entry has dozens of values,
    # a batch thousands of entries. Each is checked as a whole first, in
    # C's loops (the keys, the texts' types and lengths, one search for a
    # control character over them all); only a batch that fails is gone
    # through value by value, to say what is wrong.
    texts: list[Any] = []
    statuses: list[Any] = []
    sound = values.keys() <= FIELD_KEYS[kind]
    if sound:
        for value in values.values():
            if type(value) is not dict or not value or not value.keys() <= VALUE_PARTS:
                sound = False
                break
            texts += value.values()
            statuses.append(value.get("s", CLEAR))
    if not (
        sound
        and set(map(type, texts)) <= {str}
        and max(map(len, texts), default=0) <= MAX_TEXT_CHARS
        and _CONTROL("".join(texts)) is None
        and STATUSES.issuperset(statuses)
    ):
        _refuse_values(kind, values)
    return values


def _refuse_values(kind: str, values: dict[str, Any]) -> None:
    """Say what is wrong with the first of ``values`` that is wrong."""
    keys = FIELD_KEYS[kind]
    for key, value in values.items():
        if key not in keys:
            raise LineRefused(f"values has the field {quoted(key)}, which a {kind} entry has not")
        if type(value) is not dict or not value or not value.keys() <= VALUE_PARTS:
            raise LineRefused(f"values.{key} is not an object of v, s and t")
        for part, text in value.items():
            _text(f"values.{key}.{part}", text, MAX_TEXT_CHARS)
        if value.get("s", CLEAR) not in STATUSES:
            raise LineRefused(f"values.{key}.s {quoted(value['s'])} is not a source status")
