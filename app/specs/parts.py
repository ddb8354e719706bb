"""Pieces every book is built from: the register columns and the people.

The official templates were not at hand when these were written: labels
and the order of columns follow the registers as best known, and are meant
to be corrected here, in one place.
"""

from __future__ import annotations

from app.specs.model import Choice, FieldSpec, FieldType, Section, Text

SEX = (
    Choice("male", Text("Nam", "Male")),
    Choice("female", Text("Nữ", "Female")),
)

ID_DOCUMENT = (
    Choice("cccd", Text("Căn cước công dân / Căn cước", "Citizen ID card (CCCD)")),
    Choice("cmnd", Text("Chứng minh nhân dân", "Old ID card (CMND)")),
    Choice("passport", Text("Hộ chiếu", "Passport")),
    Choice("other", Text("Giấy tờ khác", "Other document")),
)

VIETNAMESE = "Việt Nam"  # the nationality, as registers write it
RESIDENCE = Text("Nơi cư trú", "Residence")

REGISTER = Section("register", Text("Sổ đăng ký", "Register"))
SIGNATURE = Section("signature", Text("Cơ quan và người ký", "Office and signer"))


def qualified(label: Text, section: Section) -> Text:
    """A field's label with its section's, for use away from the form."""
    return Text(f"{label.vi} ({section.label.vi})", f"{label.en} ({section.label.en})")


def register_fields() -> tuple[FieldSpec, ...]:
    """The columns that open every entry: its number, page and date."""
    return (
        FieldSpec(
            "number",
            Text("Số", "Entry number"),
            FieldType.NUMBER,
            required=True,
            section=REGISTER.key,
            help=Text(
                "Số thứ tự trong sổ; mỗi năm bắt đầu lại từ 1.",
                "Number in the book; restarts at 1 each year.",
            ),
        ),
        FieldSpec(
            "page", Text("Trang", "Page"), FieldType.NUMBER, carry=True, section=REGISTER.key
        ),
        FieldSpec(
            "registration_date",
            Text("Ngày đăng ký", "Registration date"),
            FieldType.DATE,
            required=True,
            carry=True,
            section=REGISTER.key,
        ),
    )


def signature_fields() -> tuple[FieldSpec, ...]:
    """The columns that close every entry: office, signer, margin notes."""
    return (
        FieldSpec(
            "office",
            Text("Cơ quan đăng ký", "Registering office"),
            FieldType.TEXT,
            required=True,
            carry=True,
            section=SIGNATURE.key,
        ),
        FieldSpec(
            "signer_name",
            Text("Người ký", "Signer"),
            FieldType.NAME,
            carry=True,
            section=SIGNATURE.key,
        ),
        FieldSpec(
            "signer_title",
            Text("Chức vụ người ký", "Signer's title"),
            FieldType.TEXT,
            carry=True,
            section=SIGNATURE.key,
        ),
        FieldSpec(
            "notes",
            Text("Ghi chú", "Notes"),
            FieldType.TEXT,
            section=SIGNATURE.key,
            help=Text(
                "Ghi chú bên lề, kể cả thay đổi, cải chính sau này (từ … thành …).",
                "Margin notes, including later changes and corrections (from … to …).",
            ),
        ),
    )


def person(
    prefix: str,
    section: Section,
    *,
    birth: FieldType | None = FieldType.PARTIAL_DATE,
    sex: bool = False,
    origin: bool = True,
    residence: Text | None = RESIDENCE,
    document: bool = False,
    required: tuple[str, ...] = ("name",),
    holder_sex: str | None = None,
) -> tuple[FieldSpec, ...]:
    """The fields that describe one person of an entry, keys ``prefix_…``.

    ``required`` names the parts (name, birth_date, sex, …) that an entry
    cannot be completed without; ``holder_sex`` is the sex the role implies
    (a mother, a wife) when the book has no column for it.
    """

    def part(name: str, label: Text, type_: FieldType, **kwargs: object) -> FieldSpec:
        return FieldSpec(
            f"{prefix}_{name}",
            label,
            type_,
            required=name in required,
            section=section.key,
            qualified_label=qualified(label, section),
            **kwargs,  # type: ignore[arg-type]
        )

    fields = [part("name", Text("Họ và tên", "Full name"), FieldType.NAME)]
    if birth is not None:
        fields.append(part("birth_date", Text("Ngày sinh", "Date of birth"), birth))
    if sex:
        fields.append(part("sex", Text("Giới tính", "Sex"), FieldType.CHOICE, choices=SEX))
    if origin:
        fields.append(part("ethnicity", Text("Dân tộc", "Ethnic group"), FieldType.ETHNIC))
        fields.append(
            part(
                "nationality",
                Text("Quốc tịch", "Nationality"),
                FieldType.NATIONALITY,
                default=VIETNAMESE,
            )
        )
    if residence is not None:
        fields.append(part("residence", residence, FieldType.PLACE))
    if document:
        fields.extend(
            id_document(
                prefix,
                section,
                birth_field=f"{prefix}_birth_date" if birth is not None else None,
                sex_field=f"{prefix}_sex" if sex else None,
                holder_sex=holder_sex,
            )
        )
    return tuple(fields)


def id_document(
    prefix: str,
    section: Section,
    *,
    birth_field: str | None = None,
    sex_field: str | None = None,
    holder_sex: str | None = None,
) -> tuple[FieldSpec, ...]:
    """Type and number of a person's identity document.

    A 12-digit personal ID number encodes its holder's sex and birth year;
    where the entry records them, the number is checked against them.
    """
    type_label = Text("Loại giấy tờ tùy thân", "ID document type")
    number_label = Text("Số giấy tờ tùy thân", "ID document number")
    return (
        FieldSpec(
            f"{prefix}_id_type",
            type_label,
            FieldType.CHOICE,
            choices=ID_DOCUMENT,
            section=section.key,
            qualified_label=qualified(type_label, section),
        ),
        FieldSpec(
            f"{prefix}_id_number",
            number_label,
            FieldType.ID_NUMBER,
            section=section.key,
            qualified_label=qualified(number_label, section),
            doc_type_field=f"{prefix}_id_type",
            birth_field=birth_field,
            sex_field=sex_field,
            holder_sex=holder_sex,
        ),
    )


def declarant(section: Section) -> tuple[FieldSpec, ...]:
    """The person who came to register the event (người đi khai)."""
    return (
        FieldSpec(
            "declarant_name",
            Text("Họ và tên người đi khai", "Declarant's full name"),
            FieldType.NAME,
            section=section.key,
        ),
        FieldSpec(
            "declarant_relationship",
            Text("Quan hệ với người được đăng ký", "Relationship to the registered person"),
            FieldType.TEXT,
            section=section.key,
        ),
        *id_document("declarant", section),
        FieldSpec(
            "declarant_id_issued",
            Text("Ngày cấp giấy tờ", "ID document issue date"),
            FieldType.PARTIAL_DATE,
            section=section.key,
        ),
        FieldSpec(
            "declarant_id_issuer",
            Text("Nơi cấp giấy tờ", "ID document issued by"),
            FieldType.TEXT,
            section=section.key,
        ),
    )
