"""Rules of a whole entry: each field, then the rules across its fields."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from datetime import date

from app.rules.fields import check_value
from app.rules.findings import Assessment, FieldValue, Finding, Severity, finding
from app.rules.messages import STATUS_WORDS
from app.specs import (
    AgeAtLeast,
    AgeAtMost,
    Before,
    BookSpec,
    FieldSpec,
    FieldType,
    MarriageAge,
    OneOf,
    SourceStatus,
    Text,
)
from app.specs.marriage_laws import law_on
from app.values import dates, idnumbers

_UNREADABLE = (SourceStatus.UNCERTAIN, SourceStatus.ILLEGIBLE)
DateOf = Callable[[str], dates.PartialDate | None]
_DOC_TYPE_BY_LENGTH = {12: "cccd", 9: "cmnd"}


def assess(spec: BookSpec, values: Mapping[str, FieldValue], *, today: date) -> Assessment:
    """Normalise an entry's values and find every error, deferral and warning.

    ``values`` maps field keys of ``spec`` to what was keyed; fields not given
    are empty. ``today`` is the station's date, against which future dates
    are refused.
    """
    unknown = set(values) - {f.key for f in spec.fields}
    if unknown:
        raise KeyError(f"{spec.kind} has no fields {sorted(unknown)}")
    result = Assessment(values={})
    for field in spec.fields:
        given = values.get(field.key, FieldValue())
        normalised, findings = _assess_field(field, given, today)
        result.values[field.key] = normalised
        result.findings.extend(findings)
    result.findings.extend(_cross_field(spec, result, today))
    # A warning that repeats an error of the same field and kind says nothing
    # more (a parent of 11 is under 12, and so under 15 too).
    errors = {(f.field, f.code) for f in result.errors}
    result.findings = [
        f
        for f in result.findings
        if f.severity is not Severity.WARNING or (f.field, f.code) not in errors
    ]
    return result


def _assess_field(
    field: FieldSpec, given: FieldValue, today: date
) -> tuple[FieldValue, list[Finding]]:
    if not given.value.strip():
        return FieldValue("", given.status), _presence(field, given.status)
    stored, findings = check_value(field, given.value, today)
    # The transcription records what the book shows (its spelling, its tone
    # marks), not how the keyboard encoded it or how many spaces were typed.
    keyed = given.transcription or _as_text(given.value)
    transcription = keyed if keyed != stored and field.type in _TRANSCRIBED else None
    if field.required and given.status in _UNREADABLE:
        findings.append(_unreadable(field, given.status))
    return FieldValue(stored, given.status, transcription), findings


# Texts whose exact form in the book matters; dates and numbers are kept only
# in their normal form.
_TRANSCRIBED = {
    FieldType.TEXT,
    FieldType.NAME,
    FieldType.PLACE,
    FieldType.ETHNIC,
    FieldType.NATIONALITY,
}


def _as_text(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).split())


def _presence(field: FieldSpec, status: SourceStatus) -> list[Finding]:
    """Findings about a required field left empty, by what the book shows."""
    if not field.required:
        return []
    if status is SourceStatus.BLANK:
        return [
            finding(field.key, "required_blank_in_book", Severity.WARNING, field=field.full_label)
        ]
    if status in _UNREADABLE:
        return [_unreadable(field, status)]
    return [finding(field.key, "required_missing", Severity.ERROR, field=field.full_label)]


def _unreadable(field: FieldSpec, status: SourceStatus) -> Finding:
    return finding(
        field.key,
        "required_unreadable",
        Severity.DEFER,
        field=field.full_label,
        status=STATUS_WORDS[status.value],
    )


def _cross_field(spec: BookSpec, result: Assessment, today: date) -> list[Finding]:
    broken = {f.field for f in result.findings if f.severity is Severity.ERROR}

    def date_of(key: str) -> dates.PartialDate | None:
        value = result.values[key].value
        if not value or key in broken:
            return None
        return dates.PartialDate.from_iso(value)

    ordered = {(r.earlier, r.later) for r in spec.rules if isinstance(r, Before)}
    findings: list[Finding] = []
    for rule in spec.rules:
        if isinstance(rule, OneOf):
            findings.extend(_one_of(spec, rule, result))
            continue
        if isinstance(rule, Before):
            earlier, later = date_of(rule.earlier), date_of(rule.later)
            if earlier and later and later.surely_before(earlier):
                findings.append(
                    finding(
                        rule.later,
                        "date_order",
                        Severity.ERROR if rule.error else Severity.WARNING,
                        earlier=spec.field(rule.earlier).full_label,
                        later=spec.field(rule.later).full_label,
                        earlier_value=earlier.display(),
                        later_value=later.display(),
                    )
                )
            continue
        born, on = date_of(rule.birth), date_of(rule.on)
        if not born or not on:
            continue
        if on.surely_before(born):
            # Too young indeed: born after. A date order rule of the book may
            # say so already (a spouse born after the marriage); nothing says
            # it of a parent born after the child.
            if isinstance(rule, AgeAtLeast) and (rule.birth, rule.on) not in ordered:
                findings.append(_dated(spec, rule, "born_after", born, on))
            continue
        if isinstance(rule, MarriageAge):
            findings.extend(_marriage_age(spec, rule, born, on))
            continue
        least, most = dates.full_years_between(born, on)
        if isinstance(rule, AgeAtLeast) and most < rule.years:
            findings.append(_dated(spec, rule, "age_too_low", born, on, years=rule.years))
        elif isinstance(rule, AgeAtMost) and least > rule.years:
            findings.append(_dated(spec, rule, "age_too_high", born, on, years=rule.years))
    for field in spec.fields:
        if field.type is FieldType.ID_NUMBER and result.values[field.key].value:
            findings.extend(_id_number(spec, field, result, date_of, today))
    return findings


def _dated(
    spec: BookSpec,
    rule: AgeAtLeast | AgeAtMost,
    code: str,  # the message's
    born: dates.PartialDate,
    on: dates.PartialDate,
    **more: int,
) -> Finding:
    """A finding about a person's age, at their birth date."""
    return finding(
        rule.birth,
        code,
        Severity.ERROR if rule.error else Severity.WARNING,
        birth=spec.field(rule.birth).full_label,
        on=spec.field(rule.on).full_label,
        birth_value=born.display(),
        on_value=on.display(),
        **more,
    )


def _marriage_age(
    spec: BookSpec, rule: MarriageAge, born: dates.PartialDate, on: dates.PartialDate
) -> list[Finding]:
    """A warning when the spouse was surely under the age of the law in force
    on the registration date: even born on the first day their birth date
    allows, and married on the last day the registration date allows."""
    law = law_on(on.latest())
    if on.latest() >= law.first_day(born.earliest(), rule.sex):
        return []
    return [
        finding(
            rule.birth,
            "marriage_age_too_low",
            Severity.WARNING,
            spouse=spec.section(spec.field(rule.birth).section).label,
            law=law.name,
            age=law.wording(rule.sex),
            birth=spec.field(rule.birth).full_label,
            on=spec.field(rule.on).full_label,
            birth_value=born.display(),
            on_value=on.display(),
        )
    ]


def _one_of(spec: BookSpec, rule: OneOf, result: Assessment) -> list[Finding]:
    """Like a required field: met by one readable value; deferred while unreadable."""
    given = [result.values[k] for k in rule.fields]
    if any(v.value and v.status not in _UNREADABLE for v in given):
        return []
    if any(v.status in _UNREADABLE for v in given):
        code, severity = "one_of_unreadable", Severity.DEFER
    elif any(v.status is SourceStatus.BLANK for v in given):
        code, severity = "one_of_blank_in_book", Severity.WARNING
    else:
        code, severity = "one_of_missing", Severity.ERROR
    labels = [spec.field(k).full_label for k in rule.fields]
    fields = Text(" / ".join(t.vi for t in labels), " / ".join(t.en for t in labels))
    return [finding(rule.fields[0], code, severity, fields=fields)]


def _id_number(
    spec: BookSpec, field: FieldSpec, result: Assessment, date_of: DateOf, today: date
) -> list[Finding]:
    number = result.values[field.key].value
    doc_type = "cccd"
    if field.doc_type_field is not None:
        doc_type = result.values[field.doc_type_field].value
        if not doc_type:
            guessed = _DOC_TYPE_BY_LENGTH.get(len(number))
            if guessed is None:
                return []  # no type and no telling length: a passport or other paper
            # Filling the type in saves the clerk a field; the warning says so.
            # What the book shows there (illegible, blank) stays recorded.
            status = result.values[field.doc_type_field].status
            result.values[field.doc_type_field] = FieldValue(guessed, status)
            doc_type = guessed
            type_field = spec.field(field.doc_type_field)
            label = type_field.choice(guessed).label  # type: ignore[union-attr]
            warning = finding(
                field.key,
                "id_type_guessed",
                Severity.WARNING,
                field=field.full_label,
                doc_type=label,
            )
            return [warning, *_id_number_of_type(spec, field, result, date_of, today, doc_type)]
    return _id_number_of_type(spec, field, result, date_of, today, doc_type)


def _id_number_of_type(
    spec: BookSpec,
    field: FieldSpec,
    result: Assessment,
    date_of: DateOf,
    today: date,
    doc_type: str,
) -> list[Finding]:
    number = result.values[field.key].value
    if doc_type == "cmnd":
        try:
            idnumbers.check_cmnd(number)
        except idnumbers.IdNumberError as e:
            return [finding(field.key, e.code, Severity.ERROR, field=field.full_label)]
        return []
    if doc_type != "cccd":
        return []
    try:
        pid = idnumbers.parse_personal_id(number)
    except idnumbers.IdNumberError as e:
        return [finding(field.key, e.code, Severity.ERROR, field=field.full_label, code=number[:3])]
    problems = []
    sex = field.holder_sex
    sex_label = spec.section(field.section).label  # the role: "Mẹ", "Bên nữ"
    recorded = result.values[field.sex_field].value if field.sex_field is not None else ""
    if recorded in _SEX_WORDS:  # an invalid sex is reported at its own field
        sex, sex_label = recorded, spec.field(field.sex_field).full_label  # type: ignore[arg-type]
    if sex is not None and sex != pid.sex:
        problems.append(
            finding(
                field.key,
                "personal_id_sex",
                Severity.ERROR,
                field=field.full_label,
                id_sex=_SEX_WORDS[pid.sex],
                sex_field=sex_label,
                sex=_SEX_WORDS.get(sex, Text(sex, sex)),
            )
        )
    if pid.birth_year > today.year:
        problems.append(
            finding(
                field.key,
                "personal_id_future_year",
                Severity.ERROR,
                field=field.full_label,
                id_year=pid.birth_year,
            )
        )
    born = date_of(field.birth_field) if field.birth_field else None
    if born is not None and born.year != pid.birth_year:
        problems.append(
            finding(
                field.key,
                "personal_id_year",
                Severity.ERROR,
                field=field.full_label,
                id_year=pid.birth_year,
                birth_field=spec.field(field.birth_field).full_label,  # type: ignore[arg-type]
                birth=born.display(),
            )
        )
    return problems


_SEX_WORDS = {"male": Text("nam", "male"), "female": Text("nữ", "female")}
