"""Rules of one field at a time: read the value as its type, normalise it.

Each check returns the value in its stored form (NFC text, ISO dates, bare
digits) and the findings about it. A field the book leaves illegible or blank
has nothing to check; an uncertain value is checked like a clear one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date

from app.reference import ethnic, gazetteer
from app.rules.findings import Finding, Severity, finding
from app.rules.messages import CHARACTER_WORDS, SCRIPT_WORDS
from app.specs import FieldSpec, FieldType, Text
from app.values import dates, idnumbers, legacy_encodings, text

Check = Callable[[FieldSpec, str, date], tuple[str, list[Finding]]]


def check_value(spec: FieldSpec, value: str, today: date) -> tuple[str, list[Finding]]:
    """Normalise ``value`` as ``spec`` says and return it with its findings."""
    stored, findings = _CHECKS[spec.type](spec, value, today)
    return stored, findings + _characters(spec, stored) + _encoding(spec, value)


def suggested_text(spec: FieldSpec, value: str) -> str | None:
    """The text F5 puts in the field for ``value`` as keyed, or None.

    Text in a legacy encoding or with letters of another script becomes the
    text the warning showed; characters that show as nothing are dropped, so
    the field looks the same before and after. Nothing else changes.
    """
    detected = _detected(spec, value)
    fixed = text.without_invisible(detected[1] if detected else value)
    return fixed if fixed != value else None


# Texts typed by hand, where a legacy encoding or a foreign script may hide.
_WRITTEN = {
    FieldType.TEXT,
    FieldType.NAME,
    FieldType.PLACE,
    FieldType.ETHNIC,
    FieldType.NATIONALITY,
}


def _detected(spec: FieldSpec, value: str) -> tuple[Finding, str] | None:
    """A warning that ``value`` is mis-encoded, and the text it stands for."""
    if spec.type not in _WRITTEN:
        return None
    # Read before the tone is moved: a VNI word's tone byte is no tone.
    keyed = " ".join(unicodedata.normalize("NFC", value).split())
    conversion = legacy_encodings.detect(keyed)
    if conversion is not None:
        converted = text.without_invisible(conversion.converted)
        return (
            _warning(spec, "legacy_encoding", encoding=conversion.encoding, converted=converted),
            converted,
        )
    mixed = legacy_encodings.mixed_scripts(keyed)
    if mixed is None:
        return None
    script = SCRIPT_WORDS[mixed.script]
    if mixed.converted is None:
        code = f"U+{ord(mixed.char):04X}"
        unfixable = _warning(
            spec, "mixed_scripts_unfixable", script=script, char=mixed.char, code=code
        )
        return unfixable, value
    converted = text.without_invisible(mixed.converted)
    return (
        _warning(spec, "mixed_scripts", script=script, char=mixed.char, converted=converted),
        converted,
    )


def _encoding(spec: FieldSpec, value: str) -> list[Finding]:
    detected = _detected(spec, value)
    return [detected[0]] if detected else []


def _characters(spec: FieldSpec, stored: str) -> list[Finding]:
    """Errors for the characters no field (or no name) holds, and for length."""
    findings = []
    for refused in text.refused_characters(stored, in_name=spec.type is FieldType.NAME):
        what = CHARACTER_WORDS[refused.kind.value]
        if refused.kind.invisible:
            findings.append(_error(spec, "invisible_character", code=refused.code_point, what=what))
        elif refused.kind in (text.CharacterKind.PRIVATE_USE, text.CharacterKind.UNASSIGNED):
            findings.append(_error(spec, "refused_code", code=refused.code_point, what=what))
        else:
            # A loose mark is shown on a dotted circle, as Unicode charts do.
            shown = (
                "◌" + refused.char
                if refused.kind is text.CharacterKind.LOOSE_MARK
                else refused.char
            )
            findings.append(
                _error(spec, "refused_character", char=shown, code=refused.code_point, what=what)
            )
    if spec.max_length is not None and len(stored) > spec.max_length:
        findings.append(_error(spec, "too_long", limit=spec.max_length, length=len(stored)))
    return findings


def _warning(spec: FieldSpec, code: str, /, **params: str | int | Text) -> Finding:
    return finding(spec.key, code, Severity.WARNING, field=spec.full_label, **params)


def _error(spec: FieldSpec, code: str, /, **params: str | int | Text) -> Finding:
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
    if gazetteer.ends_with_unit(value):
        return value, []
    return value, [_warning(spec, "unknown_place", value=value)]


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
