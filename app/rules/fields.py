"""Rules of one field at a time: read the value as its type, normalise it.

Each check returns the value in its stored form (NFC text, ISO dates, bare
digits) and the findings about it. A field the book leaves illegible or blank
has nothing to check; an uncertain value is checked like a clear one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date

from app import dates, idnumbers, text
from app.reference import ethnic, gazetteer
from app.rules.findings import Finding, Severity, finding
from app.specs import FieldSpec, FieldType, Text

Check = Callable[[FieldSpec, str, date], tuple[str, list[Finding]]]


def check_value(spec: FieldSpec, value: str, today: date) -> tuple[str, list[Finding]]:
    """Normalise ``value`` as ``spec`` says and return it with its findings."""
    return _CHECKS[spec.type](spec, value, today)


def _error(spec: FieldSpec, code: str, **params: str | int) -> Finding:
    return finding(spec.key, code, Severity.ERROR, field=spec.full_label, **params)


def _text(spec: FieldSpec, value: str, today: date) -> tuple[str, list[Finding]]:
    return text.normalize(value), []


def _name(spec: FieldSpec, value: str, today: date) -> tuple[str, list[Finding]]:
    value = text.normalize(value)
    if any(c.isdigit() for c in value):
        return value, [_error(spec, "name_has_digits")]
    return value, []


def _date(spec: FieldSpec, value: str, today: date) -> tuple[str, list[Finding]]:
    written = dates.expand_shorthand(value, today)
    try:
        parsed = dates.PartialDate.parse(written)
    except dates.DateError as e:
        return text.normalize(value), [_error(spec, e.code, value=value.strip())]
    problems = []
    if spec.type is FieldType.DATE and not parsed.is_full:
        problems.append(_error(spec, "date_not_full"))
    if parsed.earliest() > today:
        problems.append(_error(spec, "future_date", value=parsed.display()))
    return parsed.iso(), problems


def _time(spec: FieldSpec, value: str, today: date) -> tuple[str, list[Finding]]:
    try:
        return dates.parse_time(value).strftime("%H:%M"), []
    except dates.DateError as e:
        kept = text.normalize(value)
        return kept, [_error(spec, e.code, value=kept)]


# Entry numbers and pages; a longer run of digits is a stuck key, and would
# not fit the database's integer column.
_NUMBER_DIGITS = 9


def _number(spec: FieldSpec, value: str, today: date) -> tuple[str, list[Finding]]:
    stripped = text.normalize(value)
    digits = stripped.lstrip("0")
    if not (stripped.isascii() and stripped.isdigit()) or not digits:
        return stripped, [_error(spec, "not_a_number", value=stripped)]
    if len(digits) > _NUMBER_DIGITS:
        return stripped, [_error(spec, "number_too_large", value=stripped)]
    return digits, []


def _choice(spec: FieldSpec, value: str, today: date) -> tuple[str, list[Finding]]:
    key = text.search_key(value)
    for choice in spec.choices:
        if key in (choice.value, text.search_key(choice.label.vi), choice.label.en.lower()):
            return choice.value, []
    kept = text.normalize(value)
    return kept, [
        finding(
            spec.key,
            "not_a_choice",
            Severity.ERROR,
            field=spec.full_label,
            value=kept,
            choices=_choices_text(spec),
        )
    ]


def _choices_text(spec: FieldSpec) -> Text:
    return Text(
        ", ".join(c.label.vi for c in spec.choices), ", ".join(c.label.en for c in spec.choices)
    )


def _ethnic(spec: FieldSpec, value: str, today: date) -> tuple[str, list[Finding]]:
    group = ethnic.find(value)
    if group is not None:
        return group.name, []
    value = text.normalize(value)
    return value, [
        finding(
            spec.key, "unknown_ethnic_group", Severity.WARNING, field=spec.full_label, value=value
        )
    ]


def _place(spec: FieldSpec, value: str, today: date) -> tuple[str, list[Finding]]:
    """A place is kept as typed; one the gazetteer does not know is pointed
    out (softly: old books name hamlets, hospitals, units since renamed)."""
    value = text.normalize(value)
    if _names_a_unit(value):
        return value, []
    return value, [
        finding(spec.key, "unknown_place", Severity.WARNING, field=spec.full_label, value=value)
    ]


def _names_a_unit(place: str) -> bool:
    """Whether ``place`` ends with a unit the gazetteer knows: a residence may
    start with what no gazetteer lists ("Ấp 3, Xã Tân Lập, Huyện Đồng Phú")."""
    parts = place.split(",")
    return any(gazetteer.is_known(",".join(parts[start:])) for start in range(len(parts)))


def _id_number(spec: FieldSpec, value: str, today: date) -> tuple[str, list[Finding]]:
    # Whether it is a personal ID, a CMND or a passport is decided with the
    # document type field, across fields: here it is only made compact. It is
    # no word, so no tone mark is moved in it.
    return idnumbers.compact(unicodedata.normalize("NFC", value).strip()), []


_CHECKS: dict[FieldType, Check] = {
    FieldType.TEXT: _text,
    FieldType.NAME: _name,
    FieldType.DATE: _date,
    FieldType.PARTIAL_DATE: _date,
    FieldType.TIME: _time,
    FieldType.ID_NUMBER: _id_number,
    FieldType.CHOICE: _choice,
    FieldType.PLACE: _place,
    FieldType.ETHNIC: _ethnic,
    FieldType.NATIONALITY: _text,
    FieldType.NUMBER: _number,
}
