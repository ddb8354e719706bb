"""How complete an entry is ("đủ"): the share of what its record should say
that was keyed from the book.

A record should name the people of the event with their dates, origins and
homes, and say by whom it was declared and signed. An entry's score is the
share of those fields that carry a value read from the book (a best
reading counts; an illegible field, or one the book left blank, does not).
What the form requires or fills in itself (the number, the main person's
name and date, the nationality) is left out of the measure, for every
entry has it; so are identity documents, notices, page, time of death and
notes, which most old books have no column for.

An entry under ``FLOOR`` is a finding for the lead: often a second source
(the family's copy, another register) can fill it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from app.specs import BookSpec, SourceStatus

FLOOR = 0.6
NOT_MEASURED = re.compile(r"_id_|_notice_|^page$|^notes$|^death_time$")
CLEAR = SourceStatus.CLEAR.value
READ = (CLEAR, SourceStatus.UNCERTAIN.value)


@dataclass(frozen=True)
class Completeness:
    expected: int
    missing: tuple[str, ...]  # the keys of the fields not read from the book

    @property
    def score(self) -> float:
        return 1 - len(self.missing) / self.expected if self.expected else 1.0

    @property
    def enough(self) -> bool:
        return self.score >= FLOOR


def measured(spec: BookSpec) -> tuple[str, ...]:
    """The fields of a kind's record that its completeness counts: not
    those the form requires or fills in itself, which every entry has."""
    return tuple(
        f.key for f in spec.fields if not (f.required or f.default or NOT_MEASURED.search(f.key))
    )


def completeness(spec: BookSpec, values: Mapping[str, Mapping[str, str]]) -> Completeness:
    """The completeness of an entry's values as stored ({"v": …, "s": …})."""
    expected = measured(spec)
    missing = tuple(
        key
        for key in expected
        if not (value := values.get(key) or {}).get("v") or value.get("s", CLEAR) not in READ
    )
    return Completeness(len(expected), missing)
