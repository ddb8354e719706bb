"""Whatever a clerk keys, the rules answer with findings, never with a crash.

Bad input never crashes the app; it gets a clear message at the
field. Here every field of every book gets arbitrary text (empty, white
space, emoji, loose combining marks, digits, very long runs) and any source
status, starting either from nothing or from a valid entry, so that the
rules across fields also see good dates next to bad ones.
"""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from entries_factory import valid_entry
from hypothesis import given, settings
from hypothesis import strategies as st

from app.rules import Assessment, FieldValue, Neighbour, Severity, assess, check_sequence
from app.specs import BookKind, BookSpec, SourceStatus, spec_for
from app.values.dates import PartialDate

_TRICKY = [
    "",
    " ",
    "\t\n",
    "👶🏽",
    "Hoà\u0323",
    "a\u0301\u0301",
    "\u0300",
    "Ê-đê",
    "120385",
    "29/02/1900",
    "070310001234",
    "285 123 456",
    "14h30",
    "Nữ",
    "{field}",
    "İ",
    "²³",
    "١٢٠٣٨٥",
]

keyed_text = st.one_of(
    st.sampled_from(_TRICKY),
    st.text(max_size=40),
    st.text(alphabet="0123456789/.-: h", max_size=12),
    # Very long runs: a stuck key, a paste of the wrong thing.
    st.builds(lambda c, n: c * n, st.characters(), st.integers(500, 6000)),
)
field_values = st.builds(FieldValue, value=keyed_text, status=st.sampled_from(SourceStatus))
station_days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


def entries(spec: BookSpec) -> st.SearchStrategy[dict[str, FieldValue]]:
    """Some fields of ``spec`` keyed at random, over a valid entry or over nothing."""
    keyed = st.dictionaries(st.sampled_from([f.key for f in spec.fields]), field_values)
    base = st.sampled_from([{}, valid_entry(spec.kind)])
    return st.builds(lambda b, k: {**b, **k}, base, keyed)


def check_answer(spec: BookSpec, assessment: Assessment) -> None:
    assert set(assessment.values) == {f.key for f in spec.fields}
    for key, stored in assessment.values.items():
        assert unicodedata.is_normalized("NFC", stored.value), key
    for found in assessment.findings:
        assert spec.has_field(found.field)
        assert isinstance(found.severity, Severity)
        assert found.message_vi.strip() and found.message_en.strip()
    blocked = bool(assessment.errors or assessment.deferrals)
    assert assessment.can_complete is not blocked


@pytest.mark.parametrize("kind", list(BookKind))
def test_any_keying_gets_findings_never_a_crash(kind: BookKind) -> None:
    spec = spec_for(kind)

    @settings(max_examples=200, deadline=None)
    @given(entries(spec), station_days)
    def keying(values: dict[str, FieldValue], today: date) -> None:
        assessment = assess(spec, values, today=today)
        check_answer(spec, assessment)
        # Opening a saved entry again changes none of its values.
        again = assess(spec, assessment.values, today=today)
        assert again.values == assessment.values

    keying()


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate | None:
    day = draw(st.dates(min_value=date(1800, 1, 1)))
    precision = draw(st.sampled_from((None, "year", "month", "day")))
    if precision is None:
        return None
    return PartialDate(
        day.year,
        day.month if precision != "year" else None,
        day.day if precision == "day" else None,
    )


@given(
    st.integers(),
    st.integers(),
    partial_dates(),
    st.booleans(),
    st.one_of(st.none(), st.integers()),
    st.one_of(st.none(), st.builds(Neighbour, st.integers(), partial_dates())),
    st.one_of(st.none(), st.builds(Neighbour, st.integers(), partial_dates())),
)
def test_any_sequence_gets_findings_never_a_crash(
    number: int,
    year: int,
    registration_date: PartialDate | None,
    taken: bool,
    highest: int | None,
    previous: Neighbour | None,
    following: Neighbour | None,
) -> None:
    findings = check_sequence(
        number,
        year,
        registration_date,
        taken=taken,
        highest=highest,
        previous=previous,
        following=following,
    )
    for found in findings:
        assert found.field in ("number", "registration_date")
        assert found.message_vi.strip() and found.message_en.strip()
