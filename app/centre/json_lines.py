"""One line of a batch's payload read strictly: UTF-8, one JSON object, within bounds.

``json.loads`` takes more than a station writes: NaN and Infinity, numbers
of any size (``1e999`` is infinity), the same key twice (the last one
wins), escapes that make a NUL or half a surrogate pair, nesting as deep as
the interpreter's stack. Some of these load into SQLite and not into
PostgreSQL, some into neither, some crash the reader; each is refused here
with a reason instead, before any value is near a database.
"""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime
from typing import Any

from app.batch.limits import MAX_NUMBER_DIGITS, quoted

LONGEST_MOMENT = 40  # characters of an ISO 8601 moment with its offset


class LineRefused(ValueError):
    """A payload line that is not as the format says; the message says how,
    without the line's number, which the caller adds."""


def json_object(raw: bytes) -> dict[str, Any]:
    """The JSON object that line ``raw`` (without its line feed) holds."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise LineRefused(f"not UTF-8 text: byte {raw[e.start]:#04x} at position {e.start}") from e
    try:
        value = _DECODER.decode(text)
    except RecursionError as e:
        raise LineRefused("nested too deeply to be an entry") from e
    except LineRefused:
        raise
    except ValueError as e:
        raise LineRefused(f"not JSON: {e}") from e
    if not isinstance(value, dict):
        raise LineRefused("not a JSON object")
    return value


def kind_of(value: object) -> str:
    """What a JSON value is, in words: "text", "a number", "null"…"""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, str):
        return "text"
    return "a list" if isinstance(value, list) else "an object"


def described(value: object) -> str:
    """A JSON value as a message names it: text quoted, a number as it is, else its kind."""
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return kind_of(value)


def iso_moment(where: str, text: str) -> datetime:
    """``text`` (checked as text already) as a moment in UTC: ISO 8601 with
    its time zone, as Sohoa writes every moment of a batch."""
    try:
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            raise ValueError("no time zone")
        return moment.astimezone(UTC)
    except (ValueError, OverflowError) as e:
        raise LineRefused(
            f"{where} {quoted(text)} is not a moment with its time zone (ISO 8601): {e}"
        ) from e


def _whole_number(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise LineRefused(f"the number {quoted(text)} has more digits than any the format holds")
    return int(text)


def _fraction(text: str) -> float:
    if not math.isfinite(float(text)):
        raise LineRefused(f"the number {quoted(text)} is beyond any a database keeps")
    raise LineRefused(f"the number {quoted(text)} is not whole: the format has whole numbers only")


def _constant(name: str) -> float:
    raise LineRefused(f"{name} is not a number JSON allows, nor one a database keeps")


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    value = dict(pairs)
    if len(value) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise LineRefused(f"{quoted(key)} is given twice: which one holds?")
            seen.add(key)
    return value


_DECODER = json.JSONDecoder(
    parse_int=_whole_number,
    parse_float=_fraction,
    parse_constant=_constant,
    object_pairs_hook=_object,
)
