"""The field values of one demo entry of each kind, as a clerk would key them.

Values are made in their stored form (ISO dates, canonical names) so that no
validation pass is needed at generation time; a test checks that every demo
entry satisfies the rules all the same.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from app.demo.people import PeopleFactory
from app.specs import BookKind
from app.specs.parts import VIETNAMESE

Values = dict[str, str]


def _iso(day: date, precision_roll: float = 1.0) -> str:
    """A birth date as old books give it: often the year alone."""
    if precision_roll < 0.35:
        return f"{day.year:04d}"
    return day.isoformat()


def _document(
    f: PeopleFactory, prefix: str, on: date, values: Values, holder: tuple[str, str] | None = None
) -> None:
    """An ID paper as the book of that year would show: none before the CMND
    (1976), a 12-digit personal ID for people known to us from 2016 on."""
    if on.year >= 2016 and holder is not None:
        sex, born = holder
        values[f"{prefix}_id_type"] = "cccd"
        values[f"{prefix}_id_number"] = f.personal_id(sex, int(born[:4]))
    elif on.year >= 1976:
        values[f"{prefix}_id_type"] = "cmnd"
        values[f"{prefix}_id_number"] = f.cmnd()


def _person(
    f: PeopleFactory,
    prefix: str,
    person_sex: str,
    born: date,
    values: Values,
    *,
    family: str | None = None,
    with_sex: bool = False,
    precision: float = 1.0,
) -> str:
    p = f.person(person_sex, born, family)
    values[f"{prefix}_name"] = p.name
    values[f"{prefix}_birth_date"] = _iso(born, precision)
    if with_sex:
        values[f"{prefix}_sex"] = person_sex
    values[f"{prefix}_ethnicity"] = p.ethnicity
    values[f"{prefix}_nationality"] = VIETNAMESE
    values[f"{prefix}_residence"] = p.residence
    return p.name


def birth(f: PeopleFactory, registered: date) -> Values:
    rng = f.rng
    late = rng.random() < 0.08
    born = registered - timedelta(days=rng.randrange(365, 3650) if late else rng.randrange(60))
    sex = rng.choice(("male", "female"))
    values: Values = {}
    father = _person(
        f, "father", "male", f.birthday(rng.uniform(20, 42), born), values, precision=rng.random()
    )
    family = f.family_of(father)
    mother = _person(
        f, "mother", "female", f.birthday(rng.uniform(18, 38), born), values, precision=rng.random()
    )
    values.update(
        child_name=f.name(sex, family),
        child_birth_date=born.isoformat(),
        child_sex=sex,
        child_ethnicity=values["father_ethnicity"],
        child_nationality=VIETNAMESE,
        child_birth_place=f.place(),
        child_home_town=f.place(),
        registration_kind="late" if late else "on_time",
    )
    who, relation = rng.choice(((father, "Cha"), (father, "Cha"), (mother, "Mẹ")))
    values.update(declarant_name=who, declarant_relationship=relation)
    _document(f, "declarant", registered, values)
    if registered.year >= 1990:
        values["birth_notice_number"] = f"{rng.randrange(1, 999)}/GCS"
    return values


def marriage(f: PeopleFactory, registered: date) -> Values:
    rng = f.rng
    values: Values = {}
    _person(f, "wife", "female", f.birthday(rng.uniform(18, 32), registered), values)
    _person(f, "husband", "male", f.birthday(rng.uniform(20, 36), registered), values)
    _document(f, "wife", registered, values, holder=("female", values["wife_birth_date"]))
    _document(f, "husband", registered, values, holder=("male", values["husband_birth_date"]))
    values["registration_kind"] = "first_registration"
    return values


def death(f: PeopleFactory, registered: date) -> Values:
    rng = f.rng
    late = rng.random() < 0.1
    died = registered - timedelta(days=rng.randrange(365, 1000) if late else rng.randrange(15))
    sex = rng.choice(("male", "female"))
    values: Values = {}
    deceased = _person(
        f,
        "deceased",
        sex,
        f.birthday(rng.triangular(1, 99, 78), died),
        values,
        with_sex=True,
        precision=rng.random(),
    )
    _document(f, "deceased", died, values, holder=(sex, values["deceased_birth_date"]))
    values.update(death_date=died.isoformat(), death_place=values["deceased_residence"])
    if rng.random() < 0.6:
        values["death_time"] = f"{rng.randrange(24):02d}:{rng.randrange(0, 60, 5):02d}"
    if rng.random() < 0.3:
        values["death_cause"] = rng.choice(("Già yếu", "Bệnh", "Tai nạn giao thông", "Đột quỵ"))
    if registered.year >= 1995:
        values.update(
            death_notice_number=f"{rng.randrange(1, 500)}/GBT",
            death_notice_issuer="Trạm y tế xã",
            death_notice_date=min(died + timedelta(days=1), registered).isoformat(),
        )
    values.update(
        declarant_name=f.name(rng.choice(("male", "female")), f.family_of(deceased)),
        declarant_relationship=rng.choice(("Con", "Con", "Vợ", "Chồng", "Cháu")),
        registration_kind="late" if late else "on_time",
    )
    _document(f, "declarant", registered, values)
    return values


def adoption(f: PeopleFactory, registered: date) -> Values:
    rng = f.rng
    values: Values = {}
    child_born = f.birthday(rng.uniform(0, 9), registered)
    _person(f, "child", rng.choice(("male", "female")), child_born, values, with_sex=True)
    father = _person(
        f, "adoptive_father", "male", f.birthday(rng.uniform(31, 50), registered), values
    )
    _person(f, "adoptive_mother", "female", f.birthday(rng.uniform(29, 45), registered), values)
    for prefix, sex in (("adoptive_father", "male"), ("adoptive_mother", "female")):
        _document(f, prefix, registered, values, holder=(sex, values[f"{prefix}_birth_date"]))
    from_institution = rng.random() < 0.3
    values.update(
        child_name=f.name(values["child_sex"], f.family_of(father)),
        giver_kind="institution" if from_institution else "parents",
        giver_name="Trung tâm Bảo trợ xã hội tỉnh" if from_institution else f.name("female"),
        giver_relationship="Cơ sở nuôi dưỡng" if from_institution else "Mẹ đẻ",
        giver_residence=f.place(),
        decision_number=f"{rng.randrange(1, 300)}/QĐ-UBND",
        decision_date=max(registered - timedelta(days=rng.randrange(30)), child_born).isoformat(),
    )
    return values


MAKERS: dict[BookKind, Callable[[PeopleFactory, date], Values]] = {
    BookKind.BIRTH: birth,
    BookKind.MARRIAGE: marriage,
    BookKind.DEATH: death,
    BookKind.ADOPTION: adoption,
}
