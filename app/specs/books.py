"""The four civil-status register books, each declared once.

Columns follow the registers as best known (the official templates were not
at hand). Rules of plausibility follow Vietnamese law where it sets an age.
Marriage: the age the law in force on the registration date set
(``app.specs.marriage_laws``). Parents: one born after the child, or under 12
at the birth, is an error (the book or the keying is wrong); under 15, or very
old, a warning. Adoption: children under 16, or under 18 by exception;
adoptive parents at least 20 years older than the child (a warning: the law
allows exceptions), and an adoptive parent born after the child or less than
12 years older is an error, as for a parent at a birth.
"""

from __future__ import annotations

from app.specs.model import (
    AgeAtLeast,
    AgeAtMost,
    Before,
    BookKind,
    BookSpec,
    Choice,
    FieldSpec,
    FieldType,
    MarriageAge,
    OneOf,
    Section,
    Text,
)
from app.specs.parts import (
    REGISTER,
    RESIDENCE,
    SIGNATURE,
    declarant,
    id_document,
    person,
    register_fields,
    signature_fields,
)

DECLARANT = Section("declarant", Text("Người đi khai", "Declarant"))
REGISTRATION = Section("registration", Text("Thông tin đăng ký", "Registration details"))

ON_TIME = Choice("on_time", Text("Đăng ký đúng hạn", "On time"))
LATE = Choice("late", Text("Đăng ký quá hạn", "Late registration"))
AGAIN = Choice("re_registration", Text("Đăng ký lại", "Re-registration"))
ABROAD = Choice(
    "recorded_from_abroad",
    Text("Ghi vào sổ việc đã đăng ký ở nước ngoài", "Recorded from abroad"),
)


def _kind(*choices: Choice) -> FieldSpec:
    return FieldSpec(
        "registration_kind",
        Text("Loại đăng ký", "Kind of registration"),
        FieldType.CHOICE,
        required=True,
        choices=choices,
        default=choices[0].value,
        section=REGISTRATION.key,
    )


def _birth() -> BookSpec:
    child = Section("child", Text("Người được khai sinh", "Child"))
    mother = Section("mother", Text("Mẹ", "Mother"))
    father = Section("father", Text("Cha", "Father"))
    return BookSpec(
        kind=BookKind.BIRTH,
        label=Text("Sổ đăng ký khai sinh", "Birth register"),
        sections=(REGISTER, child, mother, father, DECLARANT, REGISTRATION, SIGNATURE),
        fields=(
            *register_fields(),
            *person(
                "child",
                child,
                birth=FieldType.DATE,
                sex=True,
                residence=None,
                required=("name", "birth_date", "sex"),
            ),
            FieldSpec(
                "child_birth_place",
                Text("Nơi sinh", "Place of birth"),
                FieldType.PLACE,
                required=True,
                section=child.key,
            ),
            FieldSpec(
                "child_home_town", Text("Quê quán", "Home town"), FieldType.PLACE, section=child.key
            ),
            FieldSpec(
                "child_id_number",
                Text("Số định danh cá nhân", "Personal ID number"),
                FieldType.ID_NUMBER,
                section=child.key,
                sex_field="child_sex",
                birth_field="child_birth_date",
            ),
            *person("mother", mother, required=(), holder_sex="female"),
            *person("father", father, required=(), holder_sex="male"),
            *declarant(DECLARANT),
            FieldSpec(
                "birth_notice_number",
                Text("Số giấy chứng sinh", "Birth notice number"),
                FieldType.TEXT,
                section=REGISTRATION.key,
            ),
            _kind(
                ON_TIME,
                LATE,
                AGAIN,
                Choice("parents_unknown", Text("Chưa xác định cha, mẹ", "Parents unknown")),
                Choice("abandoned", Text("Trẻ bị bỏ rơi", "Abandoned child")),
                ABROAD,
            ),
            *signature_fields(),
        ),
        title_field="child_name",
        event_field="child_birth_date",
        rules=(
            Before("child_birth_date", "registration_date"),
            AgeAtLeast("mother_birth_date", "child_birth_date", 12, error=True),
            AgeAtLeast("father_birth_date", "child_birth_date", 12, error=True),
            AgeAtLeast("mother_birth_date", "child_birth_date", 15),
            AgeAtLeast("father_birth_date", "child_birth_date", 15),
            AgeAtMost("mother_birth_date", "child_birth_date", 55),
            AgeAtMost("father_birth_date", "child_birth_date", 80),
        ),
    )


def _marriage() -> BookSpec:
    wife = Section("wife", Text("Bên nữ", "Wife"))
    husband = Section("husband", Text("Bên nam", "Husband"))
    spouse_required = ("name", "birth_date")
    return BookSpec(
        kind=BookKind.MARRIAGE,
        label=Text("Sổ đăng ký kết hôn", "Marriage register"),
        sections=(REGISTER, wife, husband, REGISTRATION, SIGNATURE),
        fields=(
            *register_fields(),
            *person("wife", wife, document=True, required=spouse_required, holder_sex="female"),
            *person("husband", husband, document=True, required=spouse_required, holder_sex="male"),
            _kind(
                Choice("first_registration", Text("Đăng ký kết hôn", "Marriage registration")),
                AGAIN,
                ABROAD,
            ),
            *signature_fields(),
        ),
        title_field="wife_name",  # the register names the wife first
        event_field="registration_date",
        rules=(
            Before("wife_birth_date", "registration_date"),
            Before("husband_birth_date", "registration_date"),
            MarriageAge("wife_birth_date", "registration_date", "female"),
            MarriageAge("husband_birth_date", "registration_date", "male"),
        ),
    )


def _death() -> BookSpec:
    deceased = Section("deceased", Text("Người chết", "Deceased"))
    death = Section("death", Text("Việc chết", "Death"))
    return BookSpec(
        kind=BookKind.DEATH,
        label=Text("Sổ đăng ký khai tử", "Death register"),
        sections=(REGISTER, deceased, death, DECLARANT, REGISTRATION, SIGNATURE),
        fields=(
            *register_fields(),
            *person(
                "deceased",
                deceased,
                sex=True,
                residence=Text("Nơi cư trú cuối cùng", "Last residence"),
                document=True,
                required=("name", "sex"),
            ),
            FieldSpec(
                "death_time",
                Text("Giờ, phút chết", "Time of death"),
                FieldType.TIME,
                section=death.key,
                help=Text("Để trống nếu sổ không ghi.", "Leave empty if the book does not say."),
            ),
            FieldSpec(
                "death_date",
                Text("Ngày chết", "Date of death"),
                FieldType.DATE,
                required=True,
                section=death.key,
            ),
            FieldSpec(
                "death_place",
                Text("Nơi chết", "Place of death"),
                FieldType.PLACE,
                required=True,
                section=death.key,
            ),
            FieldSpec(
                "death_cause",
                Text("Nguyên nhân chết", "Cause of death"),
                FieldType.TEXT,
                section=death.key,
            ),
            FieldSpec(
                "death_notice_number",
                Text("Số giấy báo tử", "Death notice number"),
                FieldType.TEXT,
                section=death.key,
            ),
            FieldSpec(
                "death_notice_issuer",
                Text("Cơ quan cấp giấy báo tử", "Death notice issued by"),
                FieldType.TEXT,
                section=death.key,
            ),
            FieldSpec(
                "death_notice_date",
                Text("Ngày cấp giấy báo tử", "Death notice date"),
                FieldType.DATE,
                section=death.key,
            ),
            *declarant(DECLARANT),
            _kind(ON_TIME, LATE, AGAIN),
            *signature_fields(),
        ),
        title_field="deceased_name",
        event_field="death_date",
        rules=(
            Before("deceased_birth_date", "death_date"),
            Before("death_date", "registration_date"),
            Before("death_date", "death_notice_date"),
            Before("death_notice_date", "registration_date", error=False),
            AgeAtMost("deceased_birth_date", "death_date", 120),
        ),
    )


def _adoption() -> BookSpec:
    child = Section("child", Text("Người được nhận làm con nuôi", "Adopted child"))
    father = Section("adoptive_father", Text("Cha nuôi", "Adoptive father"))
    mother = Section("adoptive_mother", Text("Mẹ nuôi", "Adoptive mother"))
    giver = Section("giver", Text("Bên giao con nuôi", "Giving party"))
    decision = Section("decision", Text("Quyết định / giấy chứng nhận", "Decision or certificate"))
    return BookSpec(
        kind=BookKind.ADOPTION,
        label=Text("Sổ đăng ký nuôi con nuôi", "Adoption register"),
        sections=(REGISTER, child, father, mother, giver, decision, SIGNATURE),
        fields=(
            *register_fields(),
            *person("child", child, sex=True, required=("name", "birth_date", "sex")),
            *person("adoptive_father", father, document=True, required=(), holder_sex="male"),
            *person("adoptive_mother", mother, document=True, required=(), holder_sex="female"),
            FieldSpec(
                "giver_kind",
                Text("Bên giao", "Giving party"),
                FieldType.CHOICE,
                choices=(
                    Choice("parents", Text("Cha, mẹ đẻ hoặc người giám hộ", "Parents or guardian")),
                    Choice("institution", Text("Cơ sở nuôi dưỡng", "Care institution")),
                ),
                section=giver.key,
            ),
            FieldSpec(
                "giver_name",
                Text("Tên người hoặc cơ sở giao", "Name of the person or institution"),
                FieldType.TEXT,
                section=giver.key,
            ),
            FieldSpec(
                "giver_representative",
                Text("Người đại diện", "Representative"),
                FieldType.NAME,
                section=giver.key,
            ),
            FieldSpec(
                "giver_relationship",
                Text("Quan hệ với trẻ", "Relationship to the child"),
                FieldType.TEXT,
                section=giver.key,
            ),
            FieldSpec(
                "giver_residence",
                RESIDENCE,
                FieldType.PLACE,
                section=giver.key,
            ),
            *id_document("giver", giver),
            FieldSpec(
                "decision_number",
                Text("Số quyết định / giấy chứng nhận", "Decision or certificate number"),
                FieldType.TEXT,
                section=decision.key,
            ),
            FieldSpec(
                "decision_date",
                Text("Ngày quyết định", "Decision date"),
                FieldType.DATE,
                section=decision.key,
            ),
            FieldSpec(
                "decision_signer",
                Text("Người ký quyết định", "Decision signed by"),
                FieldType.NAME,
                section=decision.key,
            ),
            *signature_fields(),
        ),
        title_field="child_name",
        event_field="registration_date",
        rules=(
            OneOf(("adoptive_father_name", "adoptive_mother_name")),
            Before("child_birth_date", "registration_date"),
            Before("child_birth_date", "decision_date"),
            Before("decision_date", "registration_date", error=False),
            AgeAtMost("child_birth_date", "registration_date", 17),
            AgeAtLeast("adoptive_father_birth_date", "child_birth_date", 12, error=True),
            AgeAtLeast("adoptive_mother_birth_date", "child_birth_date", 12, error=True),
            AgeAtLeast("adoptive_father_birth_date", "child_birth_date", 20),
            AgeAtLeast("adoptive_mother_birth_date", "child_birth_date", 20),
        ),
    )


BOOKS: dict[BookKind, BookSpec] = {
    spec.kind: spec for spec in (_birth(), _marriage(), _death(), _adoption())
}


def spec_for(kind: BookKind | str) -> BookSpec:
    """The declaration of a book kind ("birth", BookKind.DEATH, …)."""
    return BOOKS[BookKind(kind)]
