"""Characters no name or text holds are refused at their field, by name;
every field keeps to a length. A draft keeps anything."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date

import pytest
from entries_factory import valid_entry
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from verification_helpers import entry_values, make_team, user
from work_helpers import add_book

from app.db.models import Book, User
from app.keying.save import SaveAction, save_entry
from app.quality.verification import key_again, take_next
from app.rules import FieldValue, Severity, assess
from app.rules.fields import check_value, suggested_text
from app.specs import BookKind, spec_for
from app.values.text import normalize, refused_characters

TODAY = date(2026, 11, 22)
BIRTH = spec_for(BookKind.BIRTH)


def keyed(**changes: str):
    entry = valid_entry(BookKind.BIRTH)
    return entry | {key: FieldValue(value) for key, value in changes.items()}


def errors_at(field: str, **changes: str) -> list[str]:
    assessment = assess(BIRTH, keyed(**changes), today=TODAY)
    return [f.message_vi for f in assessment.at(field) if f.severity is Severity.ERROR]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("Nguyễn\x07 Thị Thủy", "có ký tự vô hình U+0007 (ký tự điều khiển). Nhấn F5 để xoá."),
        ("Trần Văn\u200b Đức", "có ký tự vô hình U+200B (ký tự độ rộng 0). Nhấn F5 để xoá."),
        ("\u202eLê Ngọc Ánh", "có ký tự vô hình U+202E (dấu đổi chiều viết). Nhấn F5 để xoá."),
        ("\ufeffPhạm Hữu Nghĩa", "có ký tự vô hình U+FEFF (dấu thứ tự byte BOM). Nhấn F5 để xoá."),
        ("Đặng Thị Hòa\u00ad", "có ký tự vô hình U+00AD (gạch nối mềm). Nhấn F5 để xoá."),
        ("Nguyễn Thị Thủy 😀", "không được có ký tự “😀” (U+1F600, biểu tượng cảm xúc)."),
        ("Trần Văn Đức ☎", "không được có ký tự “☎” (U+260E, biểu tượng cảm xúc)."),
        ("Lê Ngọc Ánh ©", "không được có ký tự “©” (U+00A9, ký hiệu)."),
        ("Phạm Hữu Nghĩa \ue000", "không được có ký tự dùng riêng U+E000."),
        ("Đặng Thị Hòa \u0301", "không được có ký tự “◌\u0301” (U+0301, dấu đứng riêng)."),
    ],
)
def test_each_refused_character_is_named_in_an_error_at_the_name(typed, message) -> None:
    assert errors_at("child_name", child_name=typed) == [
        f"Họ và tên (Người được khai sinh): {message}"
    ]


@pytest.mark.parametrize(
    "name", ["Y-Moan Ênuôl", "H'Hen Niê", "H’Hen Niê", "Nguyễn V. An", "Đặng Thị Hòa"]
)
def test_a_name_holds_hyphen_apostrophe_and_the_period_of_an_initial(name) -> None:
    assert errors_at("child_name", child_name=name) == []


@pytest.mark.parametrize(("mark", "code"), [("(", "U+0028"), ("/", "U+002F"), ("@", "U+0040")])
def test_other_punctuation_in_a_name_is_refused(mark, code) -> None:
    assert errors_at("child_name", child_name=f"Nguyễn Văn An {mark}Ba") == [
        f"Họ và tên (Người được khai sinh): không được có ký tự “{mark}” ({code}, "
        "họ tên không dùng dấu này)."
    ]


def test_a_place_holds_punctuation_but_no_emoji() -> None:
    assert errors_at("child_birth_place", child_birth_place="Xã Tân Lập (cũ), Huyện Đồng Phú") == []
    assert errors_at("child_birth_place", child_birth_place="Xã Tân Lập 🏠") == [
        "Nơi sinh: không được có ký tự “🏠” (U+1F3E0, biểu tượng cảm xúc)."
    ]


def test_an_id_number_refuses_an_invisible_character_too() -> None:
    assert errors_at("child_id_number", child_id_number="B1234567\u200b") != []


def test_a_name_longer_than_its_limit_says_the_limit_and_the_length() -> None:
    long_name = "Nguyễn " + "Thị " * 21 + "Thủy"  # 95 characters

    assert len(long_name) == 95
    assert errors_at("child_name", child_name=long_name) == [
        "Họ và tên (Người được khai sinh) dài quá 80 ký tự (đang có 95)."
    ]
    assert errors_at("child_name", child_name=long_name[:80].strip()) == []


def test_each_field_type_has_a_limit_a_field_can_override() -> None:
    limits = {f.type.value: f.max_length for f in BIRTH.fields}
    assert (limits["name"], limits["place"], limits["text"], limits["id_number"]) == (
        80, 250, 500, 20,
    )  # fmt: skip
    assert limits["date"] is None
    short = replace(BIRTH.field("child_name"), max_length=10)
    _, findings = check_value(short, "Nguyễn Văn An", TODAY)
    assert [f.message_en for f in findings] == [
        "Full name (Child) is longer than 10 characters (13 now)."
    ]


def test_f5_drops_only_the_characters_that_show_as_nothing() -> None:
    name = BIRTH.field("child_name")
    assert suggested_text(name, "Trần\u200b Văn\ufeff Đức") == "Trần Văn Đức"
    assert suggested_text(name, "Trần Văn Đức") is None
    assert suggested_text(name, "Trần Văn Đức 😀") is None  # visible: the clerk removes it


def test_a_draft_keeps_refused_characters_and_completing_is_refused(station, clock) -> None:
    with station.sessions.begin() as session:
        book = add_book(session)
        clerk = session.scalars(select(User)).one()
        values = keyed(child_name="Trần Văn\u200b Đức")
        draft = save_entry(session, book=book, values=values, user=clerk,
                           action=SaveAction.DRAFT, clock=clock)  # fmt: skip
        complete = save_entry(session, book=book, values=values, user=clerk,
                              action=SaveAction.COMPLETE, clock=clock,
                              entry=draft.entry)  # fmt: skip

    assert draft.saved and draft.entry.values["child_name"]["v"] == "Trần Văn\u200b Đức"
    assert not complete.saved
    assert [f.code for f in complete.assessment.errors] == ["invisible_character"]


def test_the_second_keying_refuses_a_zero_width_character(station, clock) -> None:
    make_team(station)
    with station.sessions.begin() as session:
        save_entry(
            session, book=add_book(session), values=entry_values(0), user=user(session, "an"),
            action=SaveAction.COMPLETE, clock=clock,
        )  # fmt: skip
        verification = take_next(session, user(session, "binh"))
        name = entry_values(0)["child_name"].value
        second = entry_values(0) | {"child_name": FieldValue(name[:3] + "\u200b" + name[3:])}

        outcome = key_again(session, verification, second, user(session, "binh"), clock)

    assert not outcome.saved
    assert [(f.field, f.code) for f in outcome.assessment.errors] == [
        ("child_name", "invisible_character")
    ]


# Properties

any_text = st.one_of(
    st.text(),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",))),
    st.builds(
        lambda a, b: a + b, st.text(max_size=20), st.sampled_from(["\u200b", "😀", "\ue000"])
    ),
)


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_a_value_without_errors_is_stored_without_a_refused_character(typed: str) -> None:
    for key in ("child_name", "child_birth_place", "notes"):
        if not BIRTH.has_field(key):
            continue
        field = BIRTH.field(key)
        stored, findings = check_value(field, typed, TODAY)
        if not [f for f in findings if f.severity is Severity.ERROR]:
            assert refused_characters(stored, in_name=key == "child_name") == []
        assert unicodedata.is_normalized("NFC", stored)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cc", "Cf", "Co", "Cn", "Cs", "So", "M"))))
def test_normalising_never_brings_in_a_refused_character(typed: str) -> None:
    if refused_characters(typed) == []:
        assert refused_characters(normalize(typed)) == []


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(any_text, st.sampled_from(["child_name", "child_birth_place", "mother_name"]))
def test_no_text_crashes_a_save_as_draft_or_as_complete(station, clock, typed, key) -> None:
    with station.sessions.begin() as session:
        book = session.scalars(select(Book)).first() or add_book(session)
        clerk = session.scalars(select(User).where(User.username == "admin")).one()
        values = keyed(**{key: typed})
        values["number"] = FieldValue("")  # no sequence to keep between examples
        for action in (SaveAction.DRAFT, SaveAction.COMPLETE):
            outcome = save_entry(session, book=book, values=values, user=clerk,
                                 action=action, clock=clock)  # fmt: skip
            for found in outcome.assessment.findings:
                assert found.message_vi and found.message_en
