"""The four register books, declared once, hold the registers' columns."""

from __future__ import annotations

import pytest

from app.specs import (
    BOOKS,
    Before,
    BookKind,
    BookSpec,
    FieldSpec,
    FieldType,
    Section,
    Text,
    spec_for,
)

EVERY_ENTRY = {
    "number",
    "page",
    "registration_date",
    "office",
    "signer_name",
    "signer_title",
    "notes",
}

COLUMNS = {
    BookKind.BIRTH: {
        "child_name", "child_birth_date", "child_sex", "child_ethnicity", "child_nationality",
        "child_birth_place", "child_home_town", "child_id_number",
        "mother_name", "mother_birth_date", "mother_ethnicity", "mother_nationality",
        "mother_residence", "father_name", "father_birth_date", "father_ethnicity",
        "father_nationality", "father_residence",
        "declarant_name", "declarant_relationship", "declarant_id_type", "declarant_id_number",
        "declarant_id_issued", "declarant_id_issuer", "birth_notice_number", "registration_kind",
    },
    BookKind.MARRIAGE: {
        f"{who}_{part}"
        for who in ("wife", "husband")
        for part in ("name", "birth_date", "ethnicity", "nationality", "residence", "id_type",
                     "id_number")
    } | {"registration_kind"},
    BookKind.DEATH: {
        "deceased_name", "deceased_birth_date", "deceased_sex", "deceased_ethnicity",
        "deceased_nationality", "deceased_id_type", "deceased_id_number", "deceased_residence",
        "death_time", "death_date", "death_place", "death_cause", "death_notice_number",
        "death_notice_issuer", "death_notice_date", "declarant_name", "declarant_relationship",
        "declarant_id_number", "registration_kind",
    },
    BookKind.ADOPTION: {
        "child_name", "child_birth_date", "child_sex", "child_ethnicity", "child_nationality",
        "child_residence",
        *(f"{who}_{part}" for who in ("adoptive_father", "adoptive_mother")
          for part in ("name", "birth_date", "ethnicity", "nationality", "residence",
                       "id_type", "id_number")),
        "giver_kind", "giver_name", "giver_representative", "giver_relationship",
        "giver_residence", "decision_number", "decision_date", "decision_signer",
    },
}  # fmt: skip


def test_four_books_in_campaign_priority() -> None:
    assert list(BOOKS) == [BookKind.BIRTH, BookKind.MARRIAGE, BookKind.DEATH, BookKind.ADOPTION]
    assert [kind.priority for kind in BOOKS] == [1, 2, 3, 4]
    assert spec_for("death") is BOOKS[BookKind.DEATH]


@pytest.mark.parametrize("kind", list(BookKind))
def test_each_book_has_its_columns(kind: BookKind) -> None:
    keys = {f.key for f in spec_for(kind).fields}

    assert keys >= EVERY_ENTRY | COLUMNS[kind]


@pytest.mark.parametrize("kind", list(BookKind))
def test_each_field_speaks_both_languages(kind: BookKind) -> None:
    spec = spec_for(kind)
    for field in spec.fields:
        assert field.label.vi and field.label.en, field.key
    for section in spec.sections:
        assert section.label.vi and section.label.en
    assert any(not f.label.vi.isascii() for f in spec.fields), "labels carry diacritics"


@pytest.mark.parametrize("kind", list(BookKind))
def test_what_is_carried_forward_from_the_previous_entry(kind: BookKind) -> None:
    carried = {f.key for f in spec_for(kind).carried_fields}

    assert carried == {"page", "registration_date", "office", "signer_name", "signer_title"}


def test_defaults_a_clerk_accepts_with_one_key() -> None:
    birth = spec_for(BookKind.BIRTH)

    assert birth.field("child_nationality").default == "Việt Nam"
    assert birth.field("registration_kind").default == "on_time"
    assert {c.value for c in birth.field("registration_kind").choices} == {
        "on_time", "late", "re_registration", "parents_unknown", "abandoned",
        "recorded_from_abroad",
    }  # fmt: skip


def test_id_numbers_know_whose_sex_and_birth_they_must_match() -> None:
    birth, marriage = spec_for(BookKind.BIRTH), spec_for(BookKind.MARRIAGE)

    child_id = birth.field("child_id_number")
    wife_id = marriage.field("wife_id_number")
    assert (child_id.sex_field, child_id.birth_field) == ("child_sex", "child_birth_date")
    assert (wife_id.holder_sex, wife_id.birth_field) == ("female", "wife_birth_date")
    assert wife_id.doc_type_field == "wife_id_type"


def test_names_are_the_fields_the_search_index_holds() -> None:
    names = {f.key for f in spec_for(BookKind.MARRIAGE).name_fields}

    assert names == {"wife_name", "husband_name", "signer_name"}


def test_a_book_cannot_declare_a_field_twice() -> None:
    section = Section("s", Text("Phần", "Part"))
    field = FieldSpec("x", Text("X", "X"), FieldType.TEXT, section="s")

    with pytest.raises(ValueError, match="declared twice"):
        BookSpec(BookKind.BIRTH, Text("a", "a"), (section,), (field, field), "x", "x")


def test_a_rule_cannot_name_a_field_the_book_lacks() -> None:
    section = Section("s", Text("Phần", "Part"))
    field = FieldSpec("x", Text("X", "X"), FieldType.DATE, section="s")

    with pytest.raises(ValueError, match="unknown fields"):
        BookSpec(BookKind.BIRTH, Text("a", "a"), (section,), (field,), "x", "x",
                 rules=(Before("x", "nowhere"),))  # fmt: skip


@pytest.mark.parametrize("kind", list(BookKind))
def test_each_field_can_be_named_unambiguously_away_from_the_form(kind: BookKind) -> None:
    spec = spec_for(kind)
    labels = [f.full_label.vi for f in spec.fields]

    assert len(labels) == len(set(labels))
    if kind is BookKind.BIRTH:
        assert spec.field("mother_birth_date").full_label == Text(
            "Ngày sinh (Mẹ)", "Date of birth (Mother)"
        )
        assert spec.field("mother_birth_date").label.vi == "Ngày sinh"  # as the form shows it
