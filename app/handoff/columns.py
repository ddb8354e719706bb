"""The workbook's columns: which header holds which value of an entry.

Each book kind's columns are a file, ``resources/handoff/<kind>.json``, that
the centre can correct without a new version of Sohoa: each column a
Vietnamese header as the Ministry's templates write it, the value it holds
(a field key of the book's spec, or one of :data:`SPECIAL`) and other
headers that mean the same. A Ministry template's header row is read against
these accent-insensitively ("Ho va ten me" is "Họ và tên mẹ").

Values are written as the clerk keyed them: dates the Vietnamese way and of
their own precision (12/03/1962, 03/1962, 1962), choices by their Vietnamese
label, names and places as typed, numbers as numbers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from app.handoff.source import HandoffBook, HandoffEntry
from app.specs import BookKind, FieldType, spec_for
from app.values.dates import DateError, PartialDate
from app.values.text import search_key

# Values that are not a field of the entry.
SPECIAL = {
    "@ordinal": "the row's number in the workbook, from 1",
    "@volume": "the book's volume",
    "@book_year": "the book's year",
    "@pdf": "the name of the entry's PDF in the zip",
    "@uuid": "the entry's UUID",
}
_NOT_WORD = re.compile(r"[^0-9a-z]+")


class ColumnsError(ValueError):
    """A columns file that cannot be used: the message names the file and why."""


@dataclass(frozen=True)
class Column:
    header: str
    value: str  # a field key, or one of SPECIAL
    aliases: tuple[str, ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        """The header and its aliases, folded as a template's are matched."""
        return tuple(dict.fromkeys(fold(h) for h in (self.header, *self.aliases)))

    @property
    def is_date(self) -> bool:
        return self.value == "registration_date" or self.value.endswith("_date")

    @property
    def is_number(self) -> bool:
        return self.value in ("@ordinal", "@book_year", "number", "page")


def fold(header: str) -> str:
    """A header as matched: no accents, no case, words alone ("Họ, chữ đệm,
    tên" is "ho chu dem ten")."""
    return _NOT_WORD.sub(" ", search_key(header)).strip()


def columns_for(kind: BookKind | str, folder: Path | None = None) -> list[Column]:
    """The columns of ``kind``'s workbook, from ``folder`` (default: the
    files shipped in resources/handoff), checked against the book's spec."""
    kind = BookKind(kind)
    name = f"{kind.value}.json"
    try:
        if folder is None:
            text = resources.files("resources.handoff").joinpath(name).read_text("utf-8")
        else:
            text = (folder / name).read_text("utf-8")
        document = json.loads(text)
        columns = [
            Column(str(c["header"]), str(c["value"]), tuple(str(a) for a in c.get("aliases", ())))
            for c in document["columns"]
        ]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ColumnsError(f"{name}: cannot be read as the columns of a hand-off ({e})") from e
    spec = spec_for(kind)
    unknown = [c.value for c in columns if c.value not in SPECIAL and not spec.has_field(c.value)]
    if unknown:
        raise ColumnsError(f"{name}: no such field of the {kind.value} book: {', '.join(unknown)}")
    seen: dict[str, str] = {}
    for column in columns:
        for key in column.keys:
            if seen.setdefault(key, column.header) != column.header:
                raise ColumnsError(f"{name}: {column.header!r} and {seen[key]!r} share a header")
    return columns


def cell_value(
    column: Column, book: HandoffBook, entry: HandoffEntry, ordinal: int, pdf: str | None
) -> Any:
    """What ``column`` holds for ``entry``, the ``ordinal``-th row; None when empty."""
    special = {
        "@ordinal": ordinal,
        "@volume": book.volume,
        "@book_year": book.year,
        "@pdf": pdf,
        "@uuid": entry.uuid,
    }
    if column.value in special:
        return special[column.value]
    if column.value == "number" and entry.number is not None:
        return entry.number
    stored = entry.values.get(column.value)
    raw = stored.get("v") if isinstance(stored, Mapping) else stored
    if raw in (None, ""):
        return None
    field = spec_for(book.kind).field(column.value)
    text = str(raw)
    if field.type in (FieldType.DATE, FieldType.PARTIAL_DATE):
        try:
            return PartialDate.from_iso(text).display()
        except DateError:
            return text  # as keyed, if it ever was not a date
    if field.type is FieldType.CHOICE:
        choice = field.choice(text)
        return choice.label.vi if choice is not None else text
    if field.type is FieldType.NUMBER and text.isdigit():
        return int(text)
    return text


@dataclass(frozen=True)
class TemplateMatch:
    """A template's headers read: where each recognised column goes."""

    placed: list[tuple[int, Column]]  # (column number from 1, the column it is)
    unfilled: list[str]  # headers of the template no column fills


def match_headers(headers: Sequence[tuple[int, str]], columns: Sequence[Column]) -> TemplateMatch:
    """Each of a template's ``headers`` ((column number, text)) matched to
    one of ``columns``; the headers matched by none are named."""
    by_key = {key: column for column in columns for key in column.keys}
    placed: list[tuple[int, Column]] = []
    unfilled: list[str] = []
    used: set[str] = set()
    for number, text in headers:
        column = by_key.get(fold(text))
        if column is None or column.header in used:
            unfilled.append(text)
            continue
        used.add(column.header)
        placed.append((number, column))
    return TemplateMatch(placed, unfilled)
