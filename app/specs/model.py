"""The vocabulary in which the four register books are declared.

A book kind is data: an ordered tuple of fields, each with its type, labels in
Vietnamese and English, whether it is required or carried forward to the next
entry, and the relations that cross-field rules need (whose sex and birth date
an ID number must match). The form, validation, storage, search and export
all read these declarations; nothing else lists the fields of a book.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class Text:
    """A user-visible text in both languages of the product."""

    vi: str
    en: str

    def get(self, language: str) -> str:
        return self.en if language == "en" else self.vi


class BookKind(StrEnum):
    """The four civil-status register books, in campaign priority order."""

    BIRTH = "birth"
    MARRIAGE = "marriage"
    DEATH = "death"
    ADOPTION = "adoption"

    @property
    def priority(self) -> int:
        """1 for births, keyed first, to 4 for adoptions, keyed last."""
        return list(BookKind).index(self) + 1


class FieldType(StrEnum):
    TEXT = "text"
    NAME = "name"  # a person's full name: normalised and indexed for search
    DATE = "date"  # a full day
    PARTIAL_DATE = "partial_date"  # year, month and year, or a full day
    TIME = "time"  # hour and minute, e.g. of death
    ID_NUMBER = "id_number"  # 12-digit personal ID, 9-digit CMND, passport…
    CHOICE = "choice"
    PLACE = "place"  # free text, completed from the gazetteer
    ETHNIC = "ethnic"  # one of the 54 groups, or free text with a warning
    NATIONALITY = "nationality"
    NUMBER = "number"


class SourceStatus(StrEnum):
    """What the book itself shows for a field, beside the value keyed."""

    CLEAR = "clear"
    UNCERTAIN = "uncertain"  # the value is a best reading
    ILLEGIBLE = "illegible"
    BLANK = "blank"  # the book has nothing there


# Lengths an old register's values stay well within, so that what is longer
# is a paste of the wrong thing or a stuck key: the longest Vietnamese full
# names run to about 40 characters (foreign ones longer), a place written
# out with hamlet, commune, district and province to about 120, a margin
# note of a later change to a few sentences. Dates, times, numbers and
# choices have formats of their own and no limit.
DEFAULT_MAX_LENGTH: dict[FieldType, int] = {
    FieldType.NAME: 80,
    FieldType.PLACE: 250,
    FieldType.TEXT: 500,
    FieldType.ID_NUMBER: 20,
    FieldType.ETHNIC: 60,
    FieldType.NATIONALITY: 60,
}


@dataclass(frozen=True)
class Choice:
    value: str
    label: Text


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: Text
    type: FieldType
    required: bool = False
    carry: bool = False  # pre-filled from the previous entry of the book
    help: Text | None = None
    choices: tuple[Choice, ...] = ()
    default: str | None = None  # accepted by the clerk with one key
    section: str = ""  # the key of the Section the field belongs to
    # For ID numbers: the fields whose values the number must agree with.
    doc_type_field: str | None = None
    sex_field: str | None = None
    birth_field: str | None = None
    holder_sex: str | None = None  # when the role implies it: a mother, a wife
    # The label that stands alone, outside its section (in messages, lists,
    # exports): "Ngày sinh (Mẹ)" where the form shows "Ngày sinh" under "Mẹ".
    qualified_label: Text | None = None
    # The most characters the stored value may have; None: the default of
    # the field's type (DEFAULT_MAX_LENGTH), filled in when the spec is made.
    max_length: int | None = None

    def __post_init__(self) -> None:
        if self.max_length is None:
            object.__setattr__(self, "max_length", DEFAULT_MAX_LENGTH.get(self.type))

    @property
    def full_label(self) -> Text:
        return self.qualified_label or self.label

    def choice(self, value: str) -> Choice | None:
        return next((c for c in self.choices if c.value == value), None)


@dataclass(frozen=True)
class Section:
    key: str
    label: Text


@dataclass(frozen=True)
class Before:
    """``earlier`` must not fall after ``later`` (both date fields)."""

    earlier: str
    later: str
    error: bool = True


@dataclass(frozen=True)
class AgeAtLeast:
    """The person born on ``birth`` is at least ``years`` old on ``on``."""

    birth: str
    on: str
    years: int
    error: bool = False


@dataclass(frozen=True)
class AgeAtMost:
    """The person born on ``birth`` is at most ``years`` old on ``on``."""

    birth: str
    on: str
    years: int
    error: bool = False


@dataclass(frozen=True)
class MarriageAge:
    """The spouse born on ``birth`` has the age of marriage on ``on`` that
    the marriage law then in force sets for ``sex`` ("female" or "male");
    a warning, as the book records what was done, not what should have been."""

    birth: str
    on: str
    sex: str


@dataclass(frozen=True)
class OneOf:
    """At least one of ``fields`` has a value (e.g. one adoptive parent)."""

    fields: tuple[str, ...]


Rule = Before | AgeAtLeast | AgeAtMost | MarriageAge | OneOf


@dataclass(frozen=True)
class BookSpec:
    kind: BookKind
    label: Text
    sections: tuple[Section, ...]
    fields: tuple[FieldSpec, ...]
    # The name that identifies an entry in lists ("the child", "the deceased").
    title_field: str
    # The event the book records; registration cannot precede it.
    event_field: str
    rules: tuple[Rule, ...] = ()
    _by_key: dict[str, FieldSpec] = dataclasses.field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        keys = [f.key for f in self.fields]
        duplicates = {k for k in keys if keys.count(k) > 1}
        if duplicates:
            raise ValueError(f"{self.kind}: fields declared twice: {sorted(duplicates)}")
        self._by_key.update((f.key, f) for f in self.fields)
        labels = [f.full_label.vi for f in self.fields]
        ambiguous = {label for label in labels if labels.count(label) > 1}
        if ambiguous:
            raise ValueError(f"{self.kind}: fields share the labels {sorted(ambiguous)}")
        section_keys = {s.key for s in self.sections}
        for f in self.fields:
            if f.section not in section_keys:
                raise ValueError(f"{self.kind}.{f.key}: unknown section {f.section!r}")
            for ref in (f.doc_type_field, f.sex_field, f.birth_field):
                if ref is not None and ref not in self._by_key:
                    raise ValueError(f"{self.kind}.{f.key}: refers to unknown field {ref!r}")
        for rule in self.rules:
            if isinstance(rule, OneOf):
                refs: Iterable[str] = rule.fields
            elif isinstance(rule, MarriageAge):
                refs = (rule.birth, rule.on)
            else:
                refs = (v for v in vars(rule).values() if isinstance(v, str))
            unknown = [r for r in refs if r not in self._by_key]
            if unknown:
                raise ValueError(f"{self.kind}: a rule refers to unknown fields {unknown}")
        for ref in (self.title_field, self.event_field):
            if ref not in self._by_key:
                raise ValueError(f"{self.kind}: unknown field {ref!r}")

    def field(self, key: str) -> FieldSpec:
        """The field declared under ``key``; KeyError when there is none."""
        return self._by_key[key]

    def section(self, key: str) -> Section:
        """The section declared under ``key``; KeyError when there is none."""
        return next(s for s in self.sections if s.key == key)

    def has_field(self, key: str) -> bool:
        return key in self._by_key

    @property
    def name_fields(self) -> tuple[FieldSpec, ...]:
        """The person names of an entry, which the search index holds."""
        return tuple(f for f in self.fields if f.type is FieldType.NAME)

    @property
    def carried_fields(self) -> tuple[FieldSpec, ...]:
        return tuple(f for f in self.fields if f.carry)
