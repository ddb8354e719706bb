"""An entry's values as the database stores them, and as a new one starts.

An entry's values are stored as JSON, ``{field key: {"v": value, "s":
source status if not clear, "t": transcription}}``; the form, the checks
and the second keying work on :class:`~app.rules.FieldValue`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.db.models import Book
from app.entries.pending import EDIT_OF
from app.rules import FieldValue
from app.specs import BookSpec, FieldType, SourceStatus, spec_for
from app.values.dates import DateError, PartialDate


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


def defaults(spec: BookSpec) -> dict[str, FieldValue]:
    """What the clerk accepts with one key: nationality "Việt Nam", the usual
    kind of registration."""
    return {f.key: FieldValue(f.default) for f in spec.fields if f.default}


def display_value(book: Book, key: str, stored: str) -> str:
    """A stored value as the form shows it: dates the Vietnamese way."""
    field = spec_for(book.kind).field(key)
    if field.type in (FieldType.DATE, FieldType.PARTIAL_DATE) and stored:
        try:
            return PartialDate.from_iso(stored).display()
        except DateError:
            return stored  # a draft keeps what was typed, even a wrong date
    return stored
