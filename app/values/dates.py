"""Dates as old register books give them: a year, a month and year, or a day.

A date is stored as ISO text of its own precision ("1962", "1962-03",
"1962-03-12"), so that a year alone is never turned into 1 January. Two
partial dates are ordered only when they cannot overlap: "1962" is neither
before nor after "1962-05-03".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, time


class DateError(ValueError):
    """A text that is not a possible date; ``code`` names the reason."""

    def __init__(self, code: str, text: str) -> None:
        super().__init__(f"{code}: {text!r}")
        self.code = code
        self.text = text


# Separators clerks use: 12/03/1985, 12-03-1985, 12.03.1985, 12 03 1985.
_DMY = re.compile(r"^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$")
_MY = re.compile(r"^(\d{1,2})[/.\- ](\d{4})$")
_Y = re.compile(r"^(\d{4})$")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_TIME = re.compile(r"^(\d{1,2})(?:[:hg. ](\d{1,2})?(?:p|ph)?)?$", re.IGNORECASE)

EARLIEST_YEAR = 1800  # older entries than this are no civil-status register


@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        text = self.iso()
        if not EARLIEST_YEAR <= self.year <= 9999:
            raise DateError("year_out_of_range", text)
        if self.month is None and self.day is not None:
            raise DateError("day_without_month", text)
        if self.month is not None and not 1 <= self.month <= 12:
            raise DateError("no_such_month", text)
        if self.day is not None:
            assert self.month is not None
            if not 1 <= self.day <= calendar.monthrange(self.year, self.month)[1]:
                raise DateError("no_such_day", text)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read a date as keyed: ``12/03/1985``, ``03/1985``, ``1985`` or ISO."""
        text = text.strip()
        if m := _DMY.match(text):
            return cls(int(m[3]), int(m[2]), int(m[1]))
        if m := _MY.match(text):
            return cls(int(m[2]), int(m[1]))
        if m := _Y.match(text):
            return cls(int(m[1]))
        if m := _ISO.match(text):
            return cls.from_iso(text)
        raise DateError("not_a_date", text)

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        """The inverse of :meth:`iso`."""
        m = _ISO.match(text)
        if not m:
            raise DateError("not_a_date", text)
        return cls(int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None)

    @property
    def is_full(self) -> bool:
        return self.day is not None

    def iso(self) -> str:
        """Storage form, of the date's own precision: 1962, 1962-03, 1962-03-12."""
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def display(self) -> str:
        """The Vietnamese way of writing it: 12/03/1962, 03/1962, 1962."""
        if self.day is not None:
            return f"{self.day:02d}/{self.month:02d}/{self.year}"
        if self.month is not None:
            return f"{self.month:02d}/{self.year}"
        return str(self.year)

    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def surely_before(self, other: PartialDate) -> bool:
        """True when every day this may be falls before every day ``other`` may be."""
        return self.latest() < other.earliest()


def full_years_between(born: PartialDate, on: PartialDate) -> tuple[int, int]:
    """The least and the most whole years of age that ``born`` can have ``on``."""
    return _age(born.latest(), on.earliest()), _age(born.earliest(), on.latest())


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def expand_shorthand(text: str, today: date) -> str:
    """Turn date shorthand into the written form, or return ``text`` unchanged.

    ``120385`` -> ``12/03/1985``, ``12031985`` -> ``12/03/1985``,
    ``0385`` -> ``03/1985``; a two-digit year takes the latest century that
    does not put the date after ``today``. Anything else (``1962``,
    ``12/3/1985``) is returned as typed, for :meth:`PartialDate.parse`.
    """
    digits = text.strip()
    # Only ASCII digits: "²".isdigit() is true, but int() refuses it.
    if not (digits.isascii() and digits.isdigit()):
        return text
    if len(digits) == 8:
        return f"{digits[:2]}/{digits[2:4]}/{digits[4:]}"
    if len(digits) == 6:
        day, month = int(digits[:2]), int(digits[2:4])
        year = _century(int(digits[4:]), month, day, today)
        return f"{digits[:2]}/{digits[2:4]}/{year}"
    if len(digits) == 4 and 1 <= int(digits[:2]) <= 12 and int(digits) < EARLIEST_YEAR:
        return f"{digits[:2]}/{_century(int(digits[2:]), int(digits[:2]), 1, today)}"
    return text


def _century(two_digits: int, month: int, day: int, today: date) -> int:
    """The year ending in ``two_digits`` whose ``day``/``month`` is not after today."""
    year = today.year - today.year % 100 + two_digits
    if (year, month, day) > (today.year, today.month, today.day):
        year -= 100
    return year


def parse_time(text: str) -> time:
    """Read an hour and minute as keyed: ``14:30``, ``14h30``, ``14g30``, ``14``."""
    m = _TIME.match(text.strip())
    if not m:
        raise DateError("not_a_time", text)
    hour, minute = int(m[1]), int(m[2] or 0)
    if hour > 23 or minute > 59:
        raise DateError("no_such_time", text)
    return time(hour, minute)
