"""A complete, valid entry of each register book, keyed as a clerk would key it.

Tests of the data rules start from one of these and change a field or two, so
that each test shows exactly what a clerk did wrong. The entries come from
books kept on paper before 2019 (later books are not keyed), with dates in the
written form ``dd/mm/yyyy`` or a year alone, and choices by their value.
"""

from __future__ import annotations

from datetime import date

from app.rules import FieldValue
from app.specs import BookKind

# The station's date when the entries are assessed.
TODAY = date(2026, 11, 22)

Entry = dict[str, FieldValue]

_SIGNATURE = {
    "office": "UBND xã Tân Lập",
    "signer_name": "Lê Văn Tám",
    "signer_title": "Chủ tịch",
}

_BIRTH = {
    "number": "12",
    "page": "4",
    "registration_date": "20/06/2010",
    "child_name": "Nguyễn Thị Hòa",
    "child_birth_date": "02/06/2010",
    "child_sex": "female",
    "child_ethnicity": "Kinh",
    "child_nationality": "Việt Nam",
    "child_birth_place": "Trạm y tế xã Tân Lập",
    "child_home_town": "xã Tân Lập, huyện Đồng Phú, tỉnh Bình Phước",
    # 070 Bình Phước, 3: a girl born in the 2000s, 10: in 2010.
    "child_id_number": "070310001234",
    "mother_name": "Trần Thị Mai",
    "mother_birth_date": "1985",
    "mother_ethnicity": "Kinh",
    "mother_nationality": "Việt Nam",
    "mother_residence": "ấp 3, xã Tân Lập, huyện Đồng Phú, tỉnh Bình Phước",
    "father_name": "Nguyễn Văn Hùng",
    "father_birth_date": "12/03/1982",
    "father_ethnicity": "Kinh",
    "father_nationality": "Việt Nam",
    "father_residence": "ấp 3, xã Tân Lập, huyện Đồng Phú, tỉnh Bình Phước",
    "declarant_name": "Nguyễn Văn Hùng",
    "declarant_relationship": "Cha",
    "declarant_id_type": "cmnd",
    "declarant_id_number": "285123456",
    "declarant_id_issued": "2000",
    "declarant_id_issuer": "Công an tỉnh Bình Phước",
    "birth_notice_number": "123/GCS",
    "registration_kind": "on_time",
    **_SIGNATURE,
}

_MARRIAGE = {
    "number": "3",
    "page": "2",
    "registration_date": "15/01/2012",
    "wife_name": "Trần Thị Lan",
    "wife_birth_date": "10/05/1990",
    "wife_ethnicity": "Kinh",
    "wife_nationality": "Việt Nam",
    "wife_residence": "ấp 1, xã Tân Lập",
    "wife_id_type": "cmnd",
    "wife_id_number": "285987654",
    "husband_name": "Phạm Văn Đức",
    "husband_birth_date": "01/02/1988",
    "husband_ethnicity": "Tày",
    "husband_nationality": "Việt Nam",
    "husband_residence": "ấp 2, xã Tân Lập",
    "husband_id_type": "cmnd",
    "husband_id_number": "285456789",
    "registration_kind": "first_registration",
    **_SIGNATURE,
}

_DEATH = {
    "number": "7",
    "page": "3",
    "registration_date": "10/04/2015",
    "deceased_name": "Lê Văn Bình",
    "deceased_birth_date": "1940",
    "deceased_sex": "male",
    "deceased_ethnicity": "Kinh",
    "deceased_nationality": "Việt Nam",
    "deceased_residence": "ấp 2, xã Tân Lập",
    "deceased_id_type": "cmnd",
    "deceased_id_number": "285000111",
    "death_time": "14h30",
    "death_date": "08/04/2015",
    "death_place": "xã Tân Lập, huyện Đồng Phú, tỉnh Bình Phước",
    "death_cause": "Già yếu",
    "death_notice_number": "45/GBT",
    "death_notice_issuer": "Trạm y tế xã Tân Lập",
    "death_notice_date": "09/04/2015",
    "declarant_name": "Lê Văn Phúc",
    "declarant_relationship": "Con",
    "declarant_id_type": "cmnd",
    "declarant_id_number": "285222333",
    "declarant_id_issued": "05/2005",
    "declarant_id_issuer": "Công an tỉnh Bình Phước",
    "registration_kind": "on_time",
    **_SIGNATURE,
}

_ADOPTION = {
    "number": "1",
    "page": "1",
    "registration_date": "05/09/2016",
    "child_name": "Hoàng Minh Khang",
    "child_birth_date": "03/02/2014",
    "child_sex": "male",
    "child_ethnicity": "Kinh",
    "child_nationality": "Việt Nam",
    "child_residence": "Trung tâm Bảo trợ xã hội tỉnh Bình Phước",
    "adoptive_father_name": "Hoàng Văn Sơn",
    "adoptive_father_birth_date": "1980",
    "adoptive_father_ethnicity": "Kinh",
    "adoptive_father_nationality": "Việt Nam",
    "adoptive_father_residence": "ấp 4, xã Tân Lập",
    "adoptive_father_id_type": "cmnd",
    "adoptive_father_id_number": "285444555",
    "adoptive_mother_name": "Đỗ Thị Hạnh",
    "adoptive_mother_birth_date": "17/08/1983",
    "adoptive_mother_ethnicity": "Kinh",
    "adoptive_mother_nationality": "Việt Nam",
    "adoptive_mother_residence": "ấp 4, xã Tân Lập",
    "adoptive_mother_id_type": "cmnd",
    "adoptive_mother_id_number": "285666777",
    "giver_kind": "institution",
    "giver_name": "Trung tâm Bảo trợ xã hội tỉnh Bình Phước",
    "giver_representative": "Vũ Thị Thu",
    "giver_relationship": "Cơ sở nuôi dưỡng",
    "giver_residence": "phường Tân Phú, thành phố Đồng Xoài, tỉnh Bình Phước",
    "decision_number": "15/QĐ-UBND",
    "decision_date": "01/09/2016",
    "decision_signer": "Lê Văn Tám",
    **_SIGNATURE,
}

_VALID: dict[BookKind, dict[str, str]] = {
    BookKind.BIRTH: _BIRTH,
    BookKind.MARRIAGE: _MARRIAGE,
    BookKind.DEATH: _DEATH,
    BookKind.ADOPTION: _ADOPTION,
}


def valid_entry(kind: BookKind | str, **changes: str | FieldValue) -> Entry:
    """A complete, valid entry of ``kind``, with ``changes`` keyed over it.

    A change given as text is a clear value; give a :class:`FieldValue` to
    set what the book shows there (uncertain, illegible, blank).
    """
    values = {key: FieldValue(text) for key, text in _VALID[BookKind(kind)].items()}
    for key, change in changes.items():
        values[key] = change if isinstance(change, FieldValue) else FieldValue(change)
    return values
