"""The data rules, as a clerk keying a register book meets them.

Each test starts from a complete, valid entry (``entries_factory``) and keys
one mistake, or marks what the book shows, then reads what the clerk is told:
which field, which finding, how serious (an error blocks completion, a
deferral lets the entry only be deferred, a warning never blocks), and for
one case per rule the Vietnamese sentence shown at the field.
"""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

import pytest
from entries_factory import TODAY, valid_entry

from app.rules import (
    Assessment,
    FieldValue,
    Finding,
    Neighbour,
    Severity,
    assess,
    check_sequence,
)
from app.specs import BookKind, SourceStatus, spec_for
from app.values.dates import PartialDate

BIRTH, MARRIAGE, DEATH, ADOPTION = BookKind
ERROR, DEFER, WARNING = Severity.ERROR, Severity.DEFER, Severity.WARNING
ILLEGIBLE, UNCERTAIN, BLANK = SourceStatus.ILLEGIBLE, SourceStatus.UNCERTAIN, SourceStatus.BLANK


def keyed(kind: BookKind, *, today: date = TODAY, **changes: str | FieldValue) -> Assessment:
    """Assess the valid entry of ``kind`` with ``changes`` keyed over it."""
    return assess(spec_for(kind), valid_entry(kind, **changes), today=today)


def short(findings: list[Finding]) -> list[tuple[str, str, Severity]]:
    """Findings as (field, code, severity): what the clerk sees, in short."""
    return [(f.field, f.code, f.severity) for f in findings]


def summary(assessment: Assessment) -> set[tuple[str, str, Severity]]:
    return set(short(assessment.findings))


def expect(assessment: Assessment, field: str, code: str, severity: Severity) -> Finding:
    """The one finding ``code`` of ``severity`` at ``field``."""
    found = [
        f for f in assessment.findings if (f.field, f.code, f.severity) == (field, code, severity)
    ]
    assert len(found) == 1, f"want one {severity} {code} at {field}, got {summary(assessment)}"
    return found[0]


def assert_vietnamese(message: str, *labels: str) -> None:
    """The sentence names ``labels`` and is itself written in Vietnamese."""
    for label in labels:
        assert label in message, f"{label!r} not in {message!r}"
    rest = message
    for label in labels:
        rest = rest.replace(label, "")
    assert any(c.isalpha() and not c.isascii() for c in rest), f"not Vietnamese: {message!r}"
    assert unicodedata.is_normalized("NFC", message)
    assert "{" not in message


class TestValidEntries:
    @pytest.mark.parametrize("kind", list(BookKind))
    def test_a_complete_valid_entry_can_be_completed(self, kind: BookKind) -> None:
        assessment = keyed(kind)
        assert assessment.findings == []
        assert assessment.can_complete
        assert set(assessment.values) == {f.key for f in spec_for(kind).fields}

    def test_values_are_stored_in_their_normal_form(self) -> None:
        values = keyed(DEATH, number="007", deceased_sex="Nam").values
        assert values["number"].value == "7"
        assert values["registration_date"].value == "2015-04-10"
        assert values["deceased_birth_date"].value == "1940"  # not 1940-01-01
        assert values["death_time"].value == "14:30"
        assert values["deceased_sex"].value == "male"

    def test_fields_not_keyed_are_empty(self) -> None:
        assessment = keyed(DEATH)
        assert assessment.values["notes"] == FieldValue("")


class TestPresence:
    @pytest.mark.parametrize(
        ("kind", "field"),
        [(spec.kind, f.key) for spec in map(spec_for, BookKind) for f in spec.fields if f.required],
    )
    def test_every_required_field_left_empty_blocks_completion(
        self, kind: BookKind, field: str
    ) -> None:
        assessment = keyed(kind, **{field: " "})
        assert summary(assessment) == {(field, "required_missing", ERROR)}
        assert not assessment.can_complete

    def test_the_message_names_the_missing_field(self) -> None:
        found = expect(keyed(BIRTH, child_name=""), "child_name", "required_missing", ERROR)
        assert found.message_vi == "Chưa nhập Họ và tên (Người được khai sinh)."
        assert found.message_en == "Full name (Child) is required."

    def test_an_illegible_required_field_defers_the_entry(self) -> None:
        assessment = keyed(BIRTH, child_birth_date=FieldValue("", ILLEGIBLE))
        assert summary(assessment) == {("child_birth_date", "required_unreadable", DEFER)}
        assert assessment.errors == []
        assert not assessment.can_complete
        assert assessment.values["child_birth_date"] == FieldValue("", ILLEGIBLE)
        found = assessment.deferrals[0]
        assert_vietnamese(found.message_vi, "Ngày sinh", "không đọc được")

    def test_an_uncertain_reading_of_a_required_field_defers_the_entry(self) -> None:
        assessment = keyed(DEATH, deceased_name=FieldValue("Lê Văn Bình", UNCERTAIN))
        found = expect(assessment, "deceased_name", "required_unreadable", DEFER)
        assert_vietnamese(found.message_vi, "Họ và tên", "chưa chắc chắn")
        assert assessment.values["deceased_name"] == FieldValue("Lê Văn Bình", UNCERTAIN)
        assert not assessment.can_complete

    def test_an_uncertain_reading_is_still_checked(self) -> None:
        assessment = keyed(BIRTH, child_birth_date=FieldValue("31/02/2010", UNCERTAIN))
        assert summary(assessment) == {
            ("child_birth_date", "no_such_day", ERROR),
            ("child_birth_date", "required_unreadable", DEFER),
        }

    def test_a_required_field_blank_in_the_book_is_only_a_warning(self) -> None:
        assessment = keyed(DEATH, death_place=FieldValue("", BLANK))
        found = expect(assessment, "death_place", "required_blank_in_book", WARNING)
        assert found.message_vi == "Nơi chết để trống trong sổ."
        assert assessment.can_complete

    @pytest.mark.parametrize("status", list(SourceStatus))
    def test_an_optional_field_may_be_empty_whatever_the_book_shows(
        self, status: SourceStatus
    ) -> None:
        assessment = keyed(DEATH, death_cause=FieldValue("", status), death_time="")
        assert assessment.findings == []
        assert assessment.values["death_cause"].status is status


class TestDateValues:
    @pytest.mark.parametrize(
        ("field", "value", "code"),
        [
            ("father_birth_date", "31/02/1985", "no_such_day"),
            ("declarant_id_issued", "29/02/1900", "no_such_day"),
            ("mother_birth_date", "13/1985", "no_such_month"),
            ("mother_birth_date", "mười hai", "not_a_date"),
            ("mother_birth_date", "1700", "year_out_of_range"),
        ],
    )
    def test_impossible_dates_are_errors(self, field: str, value: str, code: str) -> None:
        assessment = keyed(BIRTH, **{field: value})
        assert summary(assessment) == {(field, code, ERROR)}
        assert assessment.values[field].value == value  # kept for the clerk to correct

    def test_the_message_shows_the_impossible_date(self) -> None:
        assessment = keyed(BIRTH, father_birth_date="31/02/1985")
        found = expect(assessment, "father_birth_date", "no_such_day", ERROR)
        assert_vietnamese(found.message_vi, "Ngày sinh", "31/02/1985")

    def test_a_leap_day_of_a_leap_year_is_a_date(self) -> None:
        assessment = keyed(BIRTH, declarant_id_issued="29/02/2000")
        assert assessment.findings == []
        assert assessment.values["declarant_id_issued"].value == "2000-02-29"

    def test_a_register_date_needs_day_month_and_year(self) -> None:
        assessment = keyed(BIRTH, registration_date="06/2010")
        found = expect(assessment, "registration_date", "date_not_full", ERROR)
        assert_vietnamese(found.message_vi, "Ngày đăng ký")
        assert summary(assessment) == {("registration_date", "date_not_full", ERROR)}

    def test_shorthand_is_accepted(self) -> None:
        assessment = keyed(BIRTH, child_birth_date="020610", father_birth_date="12031982")
        assert assessment.findings == []
        assert assessment.values["child_birth_date"].value == "2010-06-02"
        assert assessment.values["father_birth_date"].value == "1982-03-12"

    def test_a_date_after_today_is_an_error(self) -> None:
        assessment = keyed(MARRIAGE, registration_date="23/11/2026")
        found = expect(assessment, "registration_date", "future_date", ERROR)
        assert_vietnamese(found.message_vi, "Ngày đăng ký", "23/11/2026")
        assert summary(assessment) == {("registration_date", "future_date", ERROR)}

    def test_the_future_is_reckoned_from_the_station_date_given(self) -> None:
        assessment = keyed(MARRIAGE, registration_date="23/11/2026", today=date(2026, 11, 23))
        assert assessment.findings == []

    def test_a_year_or_month_that_includes_today_is_not_in_the_future(self) -> None:
        assert keyed(BIRTH, declarant_id_issued="2026").findings == []
        assert keyed(BIRTH, declarant_id_issued="11/2026").findings == []
        future = keyed(BIRTH, declarant_id_issued="12/2026")
        assert summary(future) == {("declarant_id_issued", "future_date", ERROR)}


class TestDateOrder:
    def test_a_birth_cannot_be_registered_before_it_happened(self) -> None:
        assessment = keyed(BIRTH, child_birth_date="21/06/2010")
        assert summary(assessment) == {("registration_date", "date_order", ERROR)}
        found = assessment.errors[0]
        assert_vietnamese(found.message_vi, "Ngày đăng ký", "20/06/2010", "Ngày sinh", "21/06/2010")

    def test_a_birth_may_be_registered_the_same_day(self) -> None:
        assert keyed(BIRTH, child_birth_date="20/06/2010").findings == []

    def test_a_death_cannot_be_registered_before_it_happened(self) -> None:
        assessment = keyed(DEATH, registration_date="07/04/2015", death_notice_date="")
        assert summary(assessment) == {("registration_date", "date_order", ERROR)}

    def test_death_cannot_come_before_birth(self) -> None:
        assessment = keyed(DEATH, deceased_birth_date="09/04/2015")
        found = expect(assessment, "death_date", "date_order", ERROR)
        assert_vietnamese(found.message_vi, "Ngày chết", "Ngày sinh")
        assert summary(assessment) == {("death_date", "date_order", ERROR)}

    def test_a_birth_year_the_same_as_the_death_date_may_be_right(self) -> None:
        assert keyed(DEATH, deceased_birth_date="2015").findings == []

    def test_a_death_notice_comes_after_the_death(self) -> None:
        assessment = keyed(DEATH, death_notice_date="07/04/2015")
        assert summary(assessment) == {("death_notice_date", "date_order", ERROR)}

    def test_a_death_notice_after_the_registration_is_only_a_warning(self) -> None:
        assessment = keyed(DEATH, death_notice_date="11/04/2015")
        assert summary(assessment) == {("registration_date", "date_order", WARNING)}
        assert assessment.can_complete

    def test_an_adoption_decision_after_the_registration_is_only_a_warning(self) -> None:
        assessment = keyed(ADOPTION, decision_date="06/09/2016")
        assert summary(assessment) == {("registration_date", "date_order", WARNING)}

    def test_a_date_that_is_wrong_in_itself_is_not_compared(self) -> None:
        assessment = keyed(BIRTH, child_birth_date="31/06/2010")
        assert summary(assessment) == {("child_birth_date", "no_such_day", ERROR)}


class TestAges:
    @pytest.mark.parametrize("parent", ["mother", "father"])
    def test_a_parent_younger_than_12_at_the_birth_is_an_error(self, parent: str) -> None:
        field = f"{parent}_birth_date"
        assessment = keyed(BIRTH, **{field: "01/01/2000"})
        found = expect(assessment, field, "age_too_low", ERROR)
        assert summary(assessment) == {(field, "age_too_low", ERROR)}, "no warning repeats it"
        assert dict(found.params)["years"] == 12
        assert_vietnamese(found.message_vi, "Ngày sinh", "01/01/2000", "02/06/2010", "12")
        assert not assessment.can_complete

    @pytest.mark.parametrize("parent", ["mother", "father"])
    def test_a_parent_aged_12_to_15_at_the_birth_is_a_warning(self, parent: str) -> None:
        field = f"{parent}_birth_date"
        assessment = keyed(BIRTH, **{field: "01/01/1997"})
        assert summary(assessment) == {(field, "age_too_low", WARNING)}
        assert dict(assessment.warnings[0].params)["years"] == 15
        assert assessment.can_complete

    def test_a_birth_year_that_may_make_the_mother_12_is_not_an_error(self) -> None:
        # Born in 1998, she was 11 or 12 in June 2010: the book may be right.
        assessment = keyed(BIRTH, mother_birth_date="1998")
        assert summary(assessment) == {("mother_birth_date", "age_too_low", WARNING)}

    @pytest.mark.parametrize(("parent", "born"), [("mother", "1950"), ("father", "1925")])
    def test_a_very_old_parent_is_a_warning(self, parent: str, born: str) -> None:
        field = f"{parent}_birth_date"
        assert summary(keyed(BIRTH, **{field: born})) == {(field, "age_too_high", WARNING)}

    def test_a_death_past_120_years_of_age_is_a_warning(self) -> None:
        assessment = keyed(DEATH, deceased_birth_date="1890")
        found = expect(assessment, "deceased_birth_date", "age_too_high", WARNING)
        assert_vietnamese(found.message_vi, "Ngày sinh", "Ngày chết", "120")
        assert assessment.can_complete

    @pytest.mark.parametrize("born", ["08/04/1895", "1894"])
    def test_a_death_at_120_or_maybe_120_is_plausible(self, born: str) -> None:
        assert keyed(DEATH, deceased_birth_date=born).findings == []

    @pytest.mark.parametrize("parent", ["mother", "father"])
    def test_a_parent_born_after_the_child_is_an_error(self, parent: str) -> None:
        field = f"{parent}_birth_date"
        assessment = keyed(BIRTH, **{field: "03/06/2010"})
        found = expect(assessment, field, "born_after", ERROR)
        assert summary(assessment) == {(field, "born_after", ERROR)}, "no warning repeats it"
        assert_vietnamese(found.message_vi, "Ngày sinh", "03/06/2010", "02/06/2010")
        assert not assessment.can_complete

    def test_a_parent_born_in_a_later_year_is_an_error(self) -> None:
        assessment = keyed(BIRTH, father_birth_date="2011")
        assert summary(assessment) == {("father_birth_date", "born_after", ERROR)}

    def test_a_parent_born_the_child_s_year_is_too_young_but_maybe_not_born_after(self) -> None:
        # "2010" may be January 2010: not surely after the child of 02/06/2010,
        # but surely under 12 at the birth.
        assessment = keyed(BIRTH, mother_birth_date="2010")
        assert summary(assessment) == {("mother_birth_date", "age_too_low", ERROR)}

    @pytest.mark.parametrize("parent", ["adoptive_father", "adoptive_mother"])
    def test_an_adoptive_parent_born_after_the_child_is_an_error(self, parent: str) -> None:
        field = f"{parent}_birth_date"
        assessment = keyed(ADOPTION, **{field: "2015"})
        assert summary(assessment) == {(field, "born_after", ERROR)}
        assert not assessment.can_complete

    def test_an_adoptive_parent_less_than_12_years_older_is_an_error(self) -> None:
        # The child was born on 03/02/2014; she turned 12 on 04/02/2014.
        assessment = keyed(ADOPTION, adoptive_mother_birth_date="04/02/2002")
        found = expect(assessment, "adoptive_mother_birth_date", "age_too_low", ERROR)
        assert dict(found.params)["years"] == 12
        assert summary(assessment) == {("adoptive_mother_birth_date", "age_too_low", ERROR)}

    def test_an_adoptive_parent_12_years_older_is_only_a_warning(self) -> None:
        assessment = keyed(ADOPTION, adoptive_mother_birth_date="03/02/2002")
        assert summary(assessment) == {("adoptive_mother_birth_date", "age_too_low", WARNING)}

    def test_an_adoptive_parent_less_than_20_years_older_is_a_warning(self) -> None:
        assessment = keyed(ADOPTION, adoptive_mother_birth_date="2000")
        assert summary(assessment) == {("adoptive_mother_birth_date", "age_too_low", WARNING)}

    def test_an_adopted_child_over_18_is_a_warning(self) -> None:
        assessment = keyed(
            ADOPTION,
            child_birth_date="03/02/1996",
            adoptive_father_birth_date="1960",
            adoptive_mother_birth_date="1962",
        )
        assert summary(assessment) == {("child_birth_date", "age_too_high", WARNING)}


def married(on: str, **births: str) -> Assessment:
    """A marriage registered ``on``, the spouses born long before unless said."""
    born = {"wife_birth_date": "1920", "husband_birth_date": "1920"} | births
    return keyed(MARRIAGE, registration_date=on, **born)


class TestMarriageAge:
    """The age of marriage of the law in force on the registration date
    (app.specs.marriage_laws), each law tried the day before it came into
    force and the day it did."""

    @pytest.mark.parametrize(
        ("on", "law"),
        [
            ("12/01/1960", None),  # the older rules: women from 15 full years
            ("13/01/1960", "Luật Hôn nhân và gia đình 1959 (đã bước sang tuổi 18)"),
        ],
    )
    def test_the_1959_law_from_13_january_1960(self, on: str, law: str | None) -> None:
        # Born 13/01/1943: 16 the day before, 17 that day, not yet in her 18th year.
        assessment = married(on, wife_birth_date="13/01/1943")
        if law is None:
            assert assessment.findings == []
        else:
            found = expect(assessment, "wife_birth_date", "marriage_age_too_low", WARNING)
            assert law in found.message_vi
            assert assessment.can_complete

    def test_before_1960_a_bride_under_15_is_flagged(self) -> None:
        found = expect(
            married("12/01/1960", wife_birth_date="13/01/1945"),
            "wife_birth_date",
            "marriage_age_too_low",
            WARNING,
        )
        assert "từ đủ 15 tuổi" in found.message_vi
        assert "trước Luật Hôn nhân và gia đình 1959" in found.message_vi

    @pytest.mark.parametrize(
        ("on", "law"),
        [("02/01/1987", "1959"), ("03/01/1987", "1986"), ("31/12/2000", "1986"),
         ("01/01/2001", "2000")],
    )  # fmt: skip
    def test_each_law_names_itself_from_the_day_it_came_into_force(self, on: str, law: str) -> None:
        # 17 full years that very day: not yet "having entered" the 18th year.
        day_month = on[:6]
        assessment = married(on, wife_birth_date=f"{day_month}{int(on[6:]) - 17}")
        found = expect(assessment, "wife_birth_date", "marriage_age_too_low", WARNING)
        assert f"Luật Hôn nhân và gia đình {law} (đã bước sang tuổi 18)" in found.message_vi

    @pytest.mark.parametrize("on", ["02/01/1987", "03/01/1987", "31/12/2000", "01/01/2001"])
    def test_until_2015_a_day_past_the_17th_birthday_is_old_enough(self, on: str) -> None:
        born = date(int(on[6:]) - 17, int(on[3:5]), int(on[:2])) - timedelta(days=1)
        assert married(on, wife_birth_date=born.strftime("%d/%m/%Y")).findings == []

    @pytest.mark.parametrize(
        ("field", "born", "age"),
        [("wife_birth_date", "01/06/1997", "từ đủ 18 tuổi"),
         ("husband_birth_date", "01/06/1995", "từ đủ 20 tuổi")],
    )  # fmt: skip
    def test_from_2015_full_years_are_needed(self, field: str, born: str, age: str) -> None:
        # Entered the year by the end of 2014, not yet of full age on 01/01/2015.
        assert married("31/12/2014", **{field: born}).findings == []
        found = expect(
            married("01/01/2015", **{field: born}), field, "marriage_age_too_low", WARNING
        )
        spouse = "Bên nữ" if field.startswith("wife") else "Bên nam"
        assert found.message_vi.startswith(
            f"{spouse} chưa đủ tuổi kết hôn theo Luật Hôn nhân và gia đình 2014 ({age}): "
        )
        assert_vietnamese(found.message_vi, born, "01/01/2015")

    def test_a_groom_who_had_entered_his_20th_year_before_2015_is_plausible(self) -> None:
        assert married("15/01/2012", husband_birth_date="14/01/1993").findings == []
        assessment = married("15/01/2012", husband_birth_date="15/01/1993")
        assert summary(assessment) == {("husband_birth_date", "marriage_age_too_low", WARNING)}

    @pytest.mark.parametrize(("born", "flagged"), [("1997", False), ("1998", True)])
    def test_a_birth_year_alone_is_flagged_only_if_every_day_of_it_is_too_young(
        self, born: str, flagged: bool
    ) -> None:
        # Born on 01/01/1997 she is 18 on 01/01/2015; born in 1998, not yet.
        assessment = married("01/01/2015", wife_birth_date=born)
        assert bool(assessment.findings) is flagged

    def test_a_spouse_born_after_the_marriage_is_told_once(self) -> None:
        assessment = married("15/01/2012", wife_birth_date="2013")
        assert summary(assessment) == {("registration_date", "date_order", ERROR)}


class TestAdoptiveParents:
    def test_an_adoption_needs_an_adoptive_parent(self) -> None:
        assessment = keyed(ADOPTION, adoptive_father_name="", adoptive_mother_name="")
        assert summary(assessment) == {("adoptive_father_name", "one_of_missing", ERROR)}
        assert_vietnamese(assessment.errors[0].message_vi, "Họ và tên")
        assert not assessment.can_complete

    @pytest.mark.parametrize("parent", ["adoptive_father_name", "adoptive_mother_name"])
    def test_one_adoptive_parent_is_enough(self, parent: str) -> None:
        assert keyed(ADOPTION, **{parent: ""}).findings == []

    def test_adoptive_parents_both_illegible_defer_the_entry(self) -> None:
        assessment = keyed(
            ADOPTION,
            adoptive_father_name=FieldValue("", ILLEGIBLE),
            adoptive_mother_name=FieldValue("", BLANK),
        )
        found = expect(assessment, "adoptive_father_name", "one_of_unreadable", DEFER)
        assert_vietnamese(found.message_vi, "Họ và tên", "xử lý sau")
        assert summary(assessment) == {("adoptive_father_name", "one_of_unreadable", DEFER)}
        assert not assessment.can_complete

    def test_an_uncertain_adoptive_parent_alone_defers_the_entry(self) -> None:
        assessment = keyed(
            ADOPTION,
            adoptive_father_name=FieldValue("Hoàng Văn Sơn", UNCERTAIN),
            adoptive_mother_name="",
        )
        assert summary(assessment) == {("adoptive_father_name", "one_of_unreadable", DEFER)}

    def test_adoptive_parents_both_blank_in_the_book_is_a_warning(self) -> None:
        assessment = keyed(
            ADOPTION,
            adoptive_father_name=FieldValue("", BLANK),
            adoptive_mother_name=FieldValue("", BLANK),
        )
        found = expect(assessment, "adoptive_father_name", "one_of_blank_in_book", WARNING)
        assert_vietnamese(found.message_vi, "Họ và tên", "để trống")
        assert assessment.can_complete


class TestPersonalIdAgainstTheEntry:
    def test_a_birth_year_still_to_come_is_an_error(self) -> None:
        # 070, 2: a man born in the 2000s, 99: in 2099.
        assessment = keyed(BIRTH, declarant_id_type="cccd", declarant_id_number="070299001234")
        found = expect(assessment, "declarant_id_number", "personal_id_future_year", ERROR)
        assert_vietnamese(found.message_vi, "Số giấy tờ tùy thân (Người đi khai)", "2099")

    def test_a_wife_id_with_a_male_digit_names_the_role(self) -> None:
        # The wife was born in 1990; 0 is the digit of a man born in the 1900s.
        assessment = keyed(MARRIAGE, wife_id_type="cccd", wife_id_number="070090001234")
        found = expect(assessment, "wife_id_number", "personal_id_sex", ERROR)
        assert found.message_vi.endswith("nhưng Bên nữ là nữ.")

    def test_the_sex_digit_must_match_the_child_sex(self) -> None:
        assessment = keyed(BIRTH, child_sex="male")  # the number is a girl's
        assert summary(assessment) == {("child_id_number", "personal_id_sex", ERROR)}
        found = assessment.errors[0]
        assert_vietnamese(found.message_vi, "Số định danh cá nhân", "Giới tính", "nữ", "nam")

    def test_the_birth_year_digits_must_match_the_child_birth_date(self) -> None:
        assessment = keyed(BIRTH, child_birth_date="02/06/2009")
        found = expect(assessment, "child_id_number", "personal_id_year", ERROR)
        assert_vietnamese(found.message_vi, "Số định danh cá nhân", "2010", "Ngày sinh", "2009")
        assert summary(assessment) == {("child_id_number", "personal_id_year", ERROR)}

    @pytest.mark.parametrize(
        ("changes", "code"),
        [
            ({"deceased_sex": "female"}, "personal_id_sex"),
            ({"deceased_birth_date": "1941"}, "personal_id_year"),
            ({"deceased_birth_date": "03/1939"}, "personal_id_year"),
        ],
    )
    def test_the_deceased_id_must_match_sex_and_birth_year(
        self, changes: dict[str, str], code: str
    ) -> None:
        # 070 Bình Phước, 0: a man born in the 1900s, 40: in 1940.
        assessment = keyed(
            DEATH, deceased_id_type="cccd", deceased_id_number="070040001234", **changes
        )
        assert summary(assessment) == {("deceased_id_number", code, ERROR)}

    def test_a_matching_deceased_id_passes(self) -> None:
        assessment = keyed(DEATH, deceased_id_type="cccd", deceased_id_number="070040001234")
        assert assessment.findings == []

    @pytest.mark.parametrize(
        ("kind", "prefix", "number"),
        [
            (MARRIAGE, "wife", "070090004321"),  # 0: a man's number
            (MARRIAGE, "husband", "070188001122"),  # 1: a woman's number
            (ADOPTION, "adoptive_mother", "070083001122"),
            (ADOPTION, "adoptive_father", "070180001122"),
        ],
    )
    def test_the_sex_digit_must_match_the_sex_the_role_implies(
        self, kind: BookKind, prefix: str, number: str
    ) -> None:
        field = f"{prefix}_id_number"
        assessment = keyed(kind, **{f"{prefix}_id_type": "cccd", field: number})
        assert summary(assessment) == {(field, "personal_id_sex", ERROR)}

    def test_a_wife_with_a_man_s_number_is_told_so(self) -> None:
        assessment = keyed(MARRIAGE, wife_id_type="cccd", wife_id_number="070090004321")
        found = expect(assessment, "wife_id_number", "personal_id_sex", ERROR)
        assert_vietnamese(found.message_vi, "Số giấy tờ tùy thân", "nam", "nữ")

    def test_a_wife_with_her_own_number_passes(self) -> None:
        assessment = keyed(MARRIAGE, wife_id_type="cccd", wife_id_number="070 190 004 321")
        assert assessment.findings == []
        assert assessment.values["wife_id_number"].value == "070190004321"

    def test_an_invalid_sex_is_not_compared_with_the_number(self) -> None:
        assessment = keyed(BIRTH, child_sex="x")
        assert summary(assessment) == {("child_sex", "not_a_choice", ERROR)}

    @pytest.mark.parametrize(
        ("number", "code"),
        [
            ("07031000123", "personal_id_length"),
            ("0703100012345", "personal_id_length"),
            ("07031000123A", "personal_id_not_digits"),
            ("003310001234", "personal_id_province"),
            ("097310001234", "personal_id_province"),
            ("000310001234", "personal_id_province"),
        ],
    )
    def test_malformed_personal_ids_are_errors(self, number: str, code: str) -> None:
        assessment = keyed(BIRTH, child_id_number=number)
        assert summary(assessment) == {("child_id_number", code, ERROR)}

    def test_the_message_names_the_unknown_province_code(self) -> None:
        assessment = keyed(BIRTH, child_id_number="003310001234")
        found = expect(assessment, "child_id_number", "personal_id_province", ERROR)
        assert_vietnamese(found.message_vi, "Số định danh cá nhân", "003")


class TestDocumentType:
    def test_a_twelve_digit_number_without_a_type_is_taken_for_a_personal_id(self) -> None:
        assessment = keyed(MARRIAGE, wife_id_type="", wife_id_number="070190004321")
        found = expect(assessment, "wife_id_number", "id_type_guessed", WARNING)
        assert_vietnamese(found.message_vi, "Số giấy tờ tùy thân", "Căn cước công dân / Căn cước")
        assert summary(assessment) == {("wife_id_number", "id_type_guessed", WARNING)}
        assert assessment.values["wife_id_type"].value == "cccd"
        assert assessment.can_complete

    def test_a_guessed_type_keeps_what_the_book_shows(self) -> None:
        illegible_type = FieldValue("", ILLEGIBLE)
        assessment = keyed(MARRIAGE, wife_id_type=illegible_type, wife_id_number="070190004321")
        assert assessment.values["wife_id_type"] == FieldValue("cccd", ILLEGIBLE)

    def test_the_guessed_personal_id_is_then_checked(self) -> None:
        assessment = keyed(MARRIAGE, wife_id_type="", wife_id_number="070090004321")
        assert summary(assessment) == {
            ("wife_id_number", "id_type_guessed", WARNING),
            ("wife_id_number", "personal_id_sex", ERROR),
        }

    def test_a_nine_digit_number_without_a_type_is_taken_for_a_cmnd(self) -> None:
        assessment = keyed(DEATH, deceased_id_type="")
        assert summary(assessment) == {("deceased_id_number", "id_type_guessed", WARNING)}
        assert assessment.values["deceased_id_type"].value == "cmnd"

    def test_a_number_of_another_length_without_a_type_is_left_alone(self) -> None:
        assessment = keyed(DEATH, deceased_id_type="", deceased_id_number="B1234567")
        assert assessment.findings == []
        assert assessment.values["deceased_id_type"].value == ""

    @pytest.mark.parametrize(
        ("number", "code"),
        [
            ("28500011", "cmnd_length"),
            ("2850001110", "cmnd_length"),
            ("070040001234", "cmnd_length"),
            ("28500011A", "cmnd_not_digits"),
        ],
    )
    def test_a_cmnd_has_nine_digits(self, number: str, code: str) -> None:
        assessment = keyed(DEATH, deceased_id_number=number)
        assert summary(assessment) == {("deceased_id_number", code, ERROR)}

    def test_the_cmnd_message_says_how_many_digits(self) -> None:
        assessment = keyed(DEATH, deceased_id_number="28500011")
        found = expect(assessment, "deceased_id_number", "cmnd_length", ERROR)
        assert_vietnamese(found.message_vi, "Số giấy tờ tùy thân", "9 chữ số")

    @pytest.mark.parametrize("doc_type", ["passport", "Hộ chiếu", "other"])
    def test_passports_and_other_papers_are_free_text(self, doc_type: str) -> None:
        assessment = keyed(DEATH, deceased_id_type=doc_type, deceased_id_number="B 1234567")
        assert assessment.findings == []


class TestNames:
    def test_a_name_is_stored_nfc_with_classic_tones_and_keeps_its_transcription(self) -> None:
        assessment = keyed(BIRTH, child_name="Nguyễn Thị Hoà")
        assert assessment.findings == []
        assert assessment.values["child_name"] == FieldValue(
            "Nguyễn Thị Hòa", transcription="Nguyễn Thị Hoà"
        )

    def test_decomposed_input_is_stored_composed(self) -> None:
        keyed_nfd = unicodedata.normalize("NFD", "Nguyễn Thị Thuỷ")
        stored = keyed(BIRTH, child_name=keyed_nfd).values["child_name"]
        assert stored == FieldValue("Nguyễn Thị Thủy", transcription="Nguyễn Thị Thuỷ")
        assert unicodedata.is_normalized("NFC", stored.transcription or "")

    @pytest.mark.parametrize(
        "typed",
        ["Nguyễn Thị Hòa", " Nguyễn  Thị Hòa ", unicodedata.normalize("NFD", "Nguyễn Thị Hòa")],
    )
    def test_no_transcription_when_only_the_encoding_or_spacing_differs(self, typed: str) -> None:
        assert keyed(BIRTH, child_name=typed).values["child_name"] == FieldValue("Nguyễn Thị Hòa")

    def test_a_transcription_already_recorded_is_kept(self) -> None:
        stored = FieldValue("Nguyễn Thị Hòa", transcription="Nguyễn Thị Hoà")
        assert keyed(BIRTH, child_name=stored).values["child_name"] == stored

    @pytest.mark.parametrize("field", ["child_name", "signer_name", "mother_name"])
    def test_a_name_cannot_contain_digits(self, field: str) -> None:
        assessment = keyed(BIRTH, **{field: "Nguyễn Văn 2"})
        found = expect(assessment, field, "name_has_digits", ERROR)
        assert summary(assessment) == {(field, "name_has_digits", ERROR)}
        assert_vietnamese(found.message_vi, spec_for(BIRTH).field(field).label.vi)


class TestChoices:
    @pytest.mark.parametrize("typed", ["female", "Nữ", "nữ", "nu", "NU", " Nu ", "Female"])
    def test_a_choice_by_value_or_by_its_label_without_accents(self, typed: str) -> None:
        assessment = keyed(BIRTH, child_sex=typed)
        assert assessment.findings == []
        assert assessment.values["child_sex"].value == "female"

    @pytest.mark.parametrize(
        ("typed", "value"),
        [("Dang ky qua han", "late"), ("đăng ký lại", "re_registration"), ("late", "late")],
    )
    def test_a_registration_kind_by_its_label(self, typed: str, value: str) -> None:
        assert keyed(BIRTH, registration_kind=typed).values["registration_kind"].value == value

    def test_an_unknown_choice_lists_the_options(self) -> None:
        assessment = keyed(BIRTH, child_sex="trai")
        found = expect(assessment, "child_sex", "not_a_choice", ERROR)
        assert_vietnamese(found.message_vi, "Giới tính", "trai", "Nam, Nữ")
        assert summary(assessment) == {("child_sex", "not_a_choice", ERROR)}


class TestEthnicGroups:
    @pytest.mark.parametrize("typed", ["Ê-đê", "ede", "Ê Đê", "Êđê", "dân tộc Ê-đê"])
    def test_a_group_in_any_spelling_becomes_its_official_name(self, typed: str) -> None:
        assessment = keyed(BIRTH, child_ethnicity=typed)
        assert assessment.findings == []
        assert assessment.values["child_ethnicity"].value == "Ê-đê"

    def test_an_old_name_is_kept_as_the_transcription(self) -> None:
        stored = keyed(BIRTH, mother_ethnicity="Mèo").values["mother_ethnicity"]
        assert stored == FieldValue("HMông", transcription="Mèo")

    def test_an_unknown_group_is_a_warning(self) -> None:
        assessment = keyed(BIRTH, child_ethnicity="Xyz")
        found = expect(assessment, "child_ethnicity", "unknown_ethnic_group", WARNING)
        assert_vietnamese(found.message_vi, "Dân tộc", "Xyz", "54")
        assert assessment.values["child_ethnicity"].value == "Xyz"
        assert assessment.can_complete


class TestOtherValues:
    @pytest.mark.parametrize("typed", ["abc", "0", "-3", "4a", "1.5", "١٢"])
    def test_an_entry_number_is_a_positive_whole_number(self, typed: str) -> None:
        assessment = keyed(BIRTH, number=typed)
        found = expect(assessment, "number", "not_a_number", ERROR)
        assert summary(assessment) == {("number", "not_a_number", ERROR)}
        assert_vietnamese(found.message_vi, "Số")

    def test_an_absurdly_long_number_is_an_error_not_a_crash(self) -> None:
        assessment = keyed(BIRTH, number="1" * 5000)
        assert summary(assessment) == {("number", "number_too_large", ERROR)}
        assert_vietnamese(assessment.errors[0].message_vi, "Số")

    @pytest.mark.parametrize(
        ("typed", "code"),
        [("25:00", "no_such_time"), ("14:75", "no_such_time"), ("sáng", "not_a_time")],
    )
    def test_an_impossible_time_of_death_is_an_error(self, typed: str, code: str) -> None:
        assessment = keyed(DEATH, death_time=typed)
        found = expect(assessment, "death_time", code, ERROR)
        assert_vietnamese(found.message_vi, "Giờ, phút chết", typed)

    def test_free_text_is_stored_nfc_and_tidy(self) -> None:
        typed = unicodedata.normalize("NFD", "  Trạm  y tế xã Tân Lập ")
        stored = keyed(DEATH, death_place=typed).values["death_place"]
        assert stored.value == "Trạm y tế xã Tân Lập"


def day(written: str | None) -> PartialDate | None:
    return PartialDate.parse(written) if written else None


def numbered(
    number: int,
    registered: str | None = "15/03/2010",
    *,
    taken: bool = False,
    highest: int | None = None,
    previous: Neighbour | None = None,
    following: Neighbour | None = None,
) -> list[Finding]:
    """What the book's sequence says of entry ``number`` of 2010."""
    return check_sequence(
        number,
        2010,
        day(registered),
        taken=taken,
        highest=highest,
        previous=previous,
        following=following,
    )


class TestSequence:
    """Entry numbers within one book and year."""

    def test_the_next_number_is_fine(self) -> None:
        assert numbered(5, highest=4, previous=Neighbour(4, day("14/03/2010"))) == []

    def test_the_first_entry_of_a_year_is_number_1(self) -> None:
        assert numbered(1) == []

    def test_a_repeated_number_is_an_error(self) -> None:
        findings = numbered(5, taken=True, highest=9, previous=Neighbour(4, day("20/03/2010")))
        assert short(findings) == [("number", "number_repeated", ERROR)]
        assert findings[0].message_vi == "Số 5 năm 2010 đã có trong sổ này."

    def test_a_gap_is_a_warning(self) -> None:
        findings = numbered(8, highest=4)
        assert short(findings) == [("number", "number_gap", WARNING)]
        assert_vietnamese(findings[0].message_vi, "Số 8", "2010", "5", "7")

    def test_a_year_that_does_not_start_at_1_has_a_gap(self) -> None:
        assert short(numbered(3)) == [("number", "number_gap", WARNING)]

    def test_filling_a_hole_below_the_highest_number_is_no_gap(self) -> None:
        assert numbered(3, highest=9, previous=Neighbour(2, day("01/03/2010"))) == []

    def test_a_registration_date_earlier_than_the_number_before_is_a_warning(self) -> None:
        findings = numbered(5, "10/03/2010", highest=4, previous=Neighbour(4, day("14/03/2010")))
        assert short(findings) == [("registration_date", "registration_before_previous", WARNING)]
        assert_vietnamese(findings[0].message_vi, "Ngày đăng ký", "10/03/2010", "14/03/2010")

    def test_a_registration_date_later_than_the_number_after_is_a_warning(self) -> None:
        findings = numbered(5, "20/03/2010", highest=9, following=Neighbour(6, day("14/03/2010")))
        assert short(findings) == [("registration_date", "registration_after_next", WARNING)]
        assert_vietnamese(findings[0].message_vi, "Ngày đăng ký", "20/03/2010", "số 6", "đứng sau")

    def test_the_same_registration_date_is_in_order(self) -> None:
        assert numbered(5, "14/03/2010", highest=4, previous=Neighbour(4, day("14/03/2010"))) == []

    @pytest.mark.parametrize(
        ("registered", "before"),
        [("03/2010", "14/03/2010"), (None, "14/03/2010"), ("10/03/2010", None)],
    )
    def test_dates_that_may_be_in_order_are_not_flagged(
        self, registered: str | None, before: str | None
    ) -> None:
        assert numbered(5, registered, highest=4, previous=Neighbour(4, day(before))) == []


def test_a_gap_of_one_number_names_it() -> None:
    [gap] = numbered(5, highest=3)
    assert (gap.code, gap.message_vi) == ("number_gap_one", "Số 5 năm 2010 bỏ qua số 4.")
