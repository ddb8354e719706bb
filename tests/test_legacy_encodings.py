"""Text typed in TCVN3, VNI or VIQR, or with Cyrillic lookalikes, is named
and offered converted; ordinary Unicode and plain ASCII never are."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from entries_factory import valid_entry
from hypothesis import given, settings
from hypothesis import strategies as st
from legacy_text import to_tcvn3, to_viqr, to_vni
from sqlalchemy import select

from app.db.models import User
from app.demo.people import _FAMILY, _GIVEN_FEMALE, _GIVEN_MALE, _MIDDLE_FEMALE, _MIDDLE_MALE
from app.rules import FieldValue, Severity, assess
from app.rules.fields import suggested_text
from app.specs import BookKind, spec_for
from app.values.legacy_encodings import Conversion, LegacyEncoding, detect, mixed_scripts
from app.values.text import is_syllable
from app.work.inventory import BookRefused, import_books, register_book

TODAY = date(2026, 11, 22)
BIRTH = spec_for(BookKind.BIRTH)
NAMES = [
    "Nguyễn Thị Thủy",
    "Trần Văn Đức",
    "Lê Ngọc Ánh",
    "Phạm Hữu Nghĩa",
    "Đặng Thị Hòa",
    "Trương Quỳnh Như",
    "Xã Tân Lập, Huyện Đồng Phú",
    "NGUYỄN VĂN ĐƯỢC",
]
ENCODERS = {
    LegacyEncoding.TCVN3: to_tcvn3,
    LegacyEncoding.VNI: to_vni,
    LegacyEncoding.VIQR: to_viqr,
}


@pytest.mark.parametrize("encoding", list(LegacyEncoding))
@pytest.mark.parametrize("name", NAMES)
def test_each_legacy_encoding_is_named_and_converted_back(encoding, name) -> None:
    typed = ENCODERS[encoding](name)

    assert typed != name
    assert detect(typed) == Conversion(encoding, name)


def test_the_encodings_look_as_the_old_fonts_show_them() -> None:
    assert to_tcvn3("Nguyễn Văn Đức") == "NguyÔn V¨n §øc"
    assert to_vni("Nguyễn Văn Đức") == "Nguyeãn Vaên Ñöùc"
    assert to_viqr("Nguyễn Văn Đức") == "Nguye^~n Va(n DDu+'c"


people = st.builds(
    lambda family, middle, given: f"{family} {middle} {given}",
    st.sampled_from(_FAMILY),
    st.sampled_from(_MIDDLE_MALE + _MIDDLE_FEMALE),
    st.sampled_from(_GIVEN_MALE + _GIVEN_FEMALE),
)


@pytest.mark.parametrize("encoding", list(LegacyEncoding))
def test_every_demo_name_written_in_a_legacy_encoding_comes_back_whole(encoding) -> None:
    # Every name the demo can make, not a sample: a wrong reading of one
    # name ("Vũ Minh Yến" read as VNI "Vị Minh Ỹn", "Lê Mỹ Vũ" in capitals)
    # is a wrong text offered to the clerk.
    wrong = []
    for family in _FAMILY:
        for middle in sorted(set(_MIDDLE_MALE + _MIDDLE_FEMALE)):
            for given_name in _GIVEN_MALE + _GIVEN_FEMALE:
                name = f"{family} {middle} {given_name}"
                if detect(ENCODERS[encoding](name)) not in (None, Conversion(encoding, name)):
                    wrong.append(name)
    assert wrong == []


@settings(max_examples=300, deadline=None)
@given(people, st.sampled_from(list(LegacyEncoding)))
def test_any_name_written_in_a_legacy_encoding_comes_back(name, encoding) -> None:
    typed = ENCODERS[encoding](name)
    detected = detect(typed)
    # "Vũ" in TCVN3 is "Vò", a word of its own: only gibberish is sure to be
    # taken for a legacy encoding (and VIQR only with a mark no sentence has).
    gibberish = not all(is_syllable(word) for word in typed.split())
    if encoding is LegacyEncoding.VIQR:
        gibberish = gibberish and any(mark in typed for mark in "^(+'`~")
    if gibberish:
        assert detected == Conversion(encoding, name)
    else:
        assert detected in (None, Conversion(encoding, name))


@settings(max_examples=300, deadline=None)
@given(people)
def test_a_name_in_unicode_or_without_marks_is_never_taken_for_a_legacy_encoding(name) -> None:
    assert detect(name) is None
    assert detect(to_viqr(name).translate(str.maketrans("", "", "^(+'`?~."))) is None


@pytest.mark.parametrize(
    "text",
    ["Nguyen Van An", "Tran Van Duc", "Thò", "José Müller", "Zoë", "O'Brien", "H'Mông",
     "Nguyễn V. An", "Sinh tại nhà.", "Hoa?", "Ê-đê", "Jean-Pierre Dupont", "UBND xã Tân Lập",
     "Hoàng Văn Hóa", "Quyển 01/2005"],
)  # fmt: skip
def test_ordinary_text_is_not_taken_for_a_legacy_encoding(text) -> None:
    assert detect(text) is None


def test_a_cyrillic_lookalike_in_a_latin_name_is_offered_in_latin() -> None:
    found = mixed_scripts("Nguy\u0435̂̃n V\u0103n \u0410n")  # Cyrillic е, А

    assert (found.script, found.char, found.converted) == ("Cyrillic", "\u0435", "Nguyễn Văn An")
    assert mixed_scripts("Nguyễn Văn An") is None
    greek = mixed_scripts("Ng\u03bfc Anh")
    assert (greek.script, greek.converted) == ("Greek", "Ngoc Anh")
    assert mixed_scripts("Nguy\u0431n").converted is None  # б looks like no Latin letter


def assessed(**changes: str):
    values = valid_entry(BookKind.BIRTH) | {k: FieldValue(v) for k, v in changes.items()}
    return assess(BIRTH, values, today=TODAY)


def test_a_name_in_tcvn3_warns_at_the_field_with_the_converted_text() -> None:
    assessment = assessed(child_name=to_tcvn3("Nguyễn Thị Thủy"))

    [warning] = assessment.at("child_name")
    assert warning.severity is Severity.WARNING
    assert warning.message_vi == (
        "Họ và tên (Người được khai sinh): có vẻ gõ bằng bảng mã TCVN3: "
        "đúng là “Nguyễn Thị Thủy”? Nhấn F5 để chuyển sang Unicode."
    )
    assert assessment.can_complete  # a warning never blocks


def test_tcvn3_u_horn_is_a_soft_hyphen_and_f5_mends_both() -> None:
    typed = to_tcvn3("Trương Văn Được")
    assessment = assessed(child_name=typed)

    # "­" (U+00AD) is ư, "¦" (U+00A6) is Ư: refused until converted.
    assert {(f.code, f.severity) for f in assessment.at("child_name")} == {
        ("legacy_encoding", Severity.WARNING),
        ("invisible_character", Severity.ERROR),
        ("refused_character", Severity.ERROR),
    }
    assert suggested_text(BIRTH.field("child_name"), typed) == "Trương Văn Được"


@pytest.mark.parametrize("encoding", list(LegacyEncoding))
def test_f5_gives_the_text_the_warning_showed(encoding) -> None:
    place = BIRTH.field("child_birth_place")
    typed = ENCODERS[encoding]("Xã Tân Lập, Huyện Đồng Phú")

    assert suggested_text(place, typed) == "Xã Tân Lập, Huyện Đồng Phú"
    assert suggested_text(place, "Xã Tân Lập, Huyện Đồng Phú") is None


def test_a_mixed_script_name_warns_with_the_latin_text() -> None:
    [warning] = assessed(child_name="Lê Ngọc \u0410nh").at("child_name")
    assert warning.message_vi == (
        "Họ và tên (Người được khai sinh): có chữ Kirin “\u0410” lẫn trong chữ Latinh: "
        "đúng là “Lê Ngọc Anh”? Nhấn F5 để chuyển."
    )


# The inventory: old spreadsheets are the commonest source of TCVN3 text.


def lead(session) -> User:
    return session.scalars(select(User).where(User.username == "admin")).one()


def test_an_imported_row_in_tcvn3_is_refused_naming_the_row_and_the_unicode(
    station, clock, tmp_path: Path
) -> None:
    listing = tmp_path / "books.csv"
    office = to_tcvn3("UBND xã Tân Lập")
    listing.write_text(
        "Loại sổ;Nơi đăng ký;Quyển số;Năm\r\n"
        "Khai sinh;UBND xã Tân Lập;01;1985\r\n"
        f"Khai sinh;{office};02;1985\r\n",
        encoding="utf-8-sig",
    )
    with station.sessions.begin() as session:
        result = import_books(session, lead(session), listing, clock=clock)

    assert result.registered == 0
    [problem] = result.problems
    assert (problem.row, problem.field) == (3, "office")
    assert problem.message("vi") == (
        f"Nơi đăng ký: “{office}” có vẻ gõ bằng bảng mã TCVN3, đúng là “UBND xã Tân Lập”? "
        "Hãy chuyển tệp sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi nhập lại."
    )


@pytest.mark.parametrize(
    ("office", "said"),
    [
        ("UBND xã Tân\u200b Lập", "Nơi đăng ký: không được có ký tự độ rộng 0 U+200B."),
        ("UBND xã Tân Lập 😀", "Nơi đăng ký: không được có biểu tượng cảm xúc U+1F600."),
        ("UBND xã Tân Lập" * 20, "Nơi đăng ký: dài quá 200 ký tự."),
    ],
)
def test_a_registered_book_refuses_invisible_emoji_and_overlong_text(
    station, clock, office, said
) -> None:
    with station.sessions.begin() as session, pytest.raises(BookRefused) as refused:
        register_book(session, lead(session), kind="birth", office=office, volume="01",
                      year=1985, clock=clock)  # fmt: skip

    assert [p.message("vi") for p in refused.value.problems] == [said]
