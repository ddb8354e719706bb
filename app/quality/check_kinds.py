"""What the checks across entries find: each kind, and what it says.

A finding is stored with its kind (``CheckFinding.check``) and a JSON
``detail`` whose shape is the kind's. Each kind's detail is a dataclass
here, which writes that JSON (``to_detail``) and reads it back
(``from_detail``): the checks write through them, and whoever shows a
finding reads through :func:`read_detail` rather than by key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar, Self

from app.specs import BookKind


class CheckKind(StrEnum):
    """The kind of a finding, as ``CheckFinding.check`` stores it."""

    POSSIBLE_DUPLICATE = "possible_duplicate"  # two entries may be one person
    NUMBER_REPEATED = "number_repeated"  # a number keyed twice in a book's year
    NUMBER_SKIPPED = "number_skipped"  # numbers missing between two keyed
    DATES_OUT_OF_ORDER = "dates_out_of_order"  # registered before the one numbered before
    INCOMPLETE = "incomplete"  # little of the record read from the book
    UNKNOWN_PLACE = "unknown_place"  # a place the gazetteer does not know


@dataclass(frozen=True)
class PossibleDuplicateDetail:
    """Two entries of ``kind`` alike by ``score`` (0 to 1)."""

    CHECK: ClassVar[CheckKind] = CheckKind.POSSIBLE_DUPLICATE
    kind: BookKind
    score: float

    def to_detail(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "score": self.score}

    @classmethod
    def from_detail(cls, detail: Mapping[str, Any]) -> Self:
        return cls(BookKind(detail["kind"]), detail["score"])


@dataclass(frozen=True)
class NumberRepeatedDetail:
    """``number`` of ``year`` keyed for more than one entry."""

    CHECK: ClassVar[CheckKind] = CheckKind.NUMBER_REPEATED
    year: int
    number: int

    def to_detail(self) -> dict[str, Any]:
        return {"year": self.year, "number": self.number}

    @classmethod
    def from_detail(cls, detail: Mapping[str, Any]) -> Self:
        return cls(detail["year"], detail["number"])


@dataclass(frozen=True)
class NumberSkippedDetail:
    """The numbers ``first`` to ``last`` of ``year``, missing between two keyed."""

    CHECK: ClassVar[CheckKind] = CheckKind.NUMBER_SKIPPED
    year: int
    first: int
    last: int

    def to_detail(self) -> dict[str, Any]:
        return {"year": self.year, "first": self.first, "last": self.last}

    @classmethod
    def from_detail(cls, detail: Mapping[str, Any]) -> Self:
        return cls(detail["year"], detail["first"], detail["last"])


@dataclass(frozen=True)
class DatesOutOfOrderDetail:
    """Two entries of ``year`` in number order, ``numbers`` and their
    registration ``dates`` (ISO), the second dated before the first."""

    CHECK: ClassVar[CheckKind] = CheckKind.DATES_OUT_OF_ORDER
    year: int
    numbers: tuple[int, int]
    dates: tuple[str, str]

    def to_detail(self) -> dict[str, Any]:
        return {"year": self.year, "numbers": list(self.numbers), "dates": list(self.dates)}

    @classmethod
    def from_detail(cls, detail: Mapping[str, Any]) -> Self:
        before, after = detail["numbers"]
        before_date, after_date = detail["dates"]
        return cls(detail["year"], (before, after), (before_date, after_date))


@dataclass(frozen=True)
class IncompleteDetail:
    """How complete an entry is (``score``, 0 to 1) and the keys of the
    fields ``missing``: not read from the book."""

    CHECK: ClassVar[CheckKind] = CheckKind.INCOMPLETE
    score: float
    missing: tuple[str, ...]

    def to_detail(self) -> dict[str, Any]:
        return {"score": self.score, "missing": list(self.missing)}

    @classmethod
    def from_detail(cls, detail: Mapping[str, Any]) -> Self:
        return cls(detail["score"], tuple(detail["missing"]))


@dataclass(frozen=True)
class UnknownPlaceDetail:
    """The place fields the gazetteer does not know, by key, with what they
    hold, in the book's order."""

    CHECK: ClassVar[CheckKind] = CheckKind.UNKNOWN_PLACE
    places: Mapping[str, str]

    def to_detail(self) -> dict[str, Any]:
        return dict(self.places)

    @classmethod
    def from_detail(cls, detail: Mapping[str, Any]) -> Self:
        return cls(dict(detail))


Detail = (
    PossibleDuplicateDetail
    | NumberRepeatedDetail
    | NumberSkippedDetail
    | DatesOutOfOrderDetail
    | IncompleteDetail
    | UnknownPlaceDetail
)
DETAILS: dict[CheckKind, type[Detail]] = {
    detail.CHECK: detail
    for detail in (
        PossibleDuplicateDetail,
        NumberRepeatedDetail,
        NumberSkippedDetail,
        DatesOutOfOrderDetail,
        IncompleteDetail,
        UnknownPlaceDetail,
    )
}


def read_detail(check: str, detail: Mapping[str, Any]) -> Detail | None:
    """A finding's ``detail`` as stored, read as its kind's; None for a kind
    this version does not know (a window shows such a finding by its name)."""
    if check not in DETAILS:
        return None
    return DETAILS[CheckKind(check)].from_detail(detail)


@dataclass(frozen=True)
class Found:
    """Something a check found: what, where, and the entries concerned.

    ``signature`` is the same each time the same thing is found: the kind
    and the entries or the book and numbers it concerns.
    """

    detail: Detail
    signature: str
    entry_ids: tuple[int, ...]
    book_id: int | None = None

    @property
    def check(self) -> CheckKind:
        return self.detail.CHECK
