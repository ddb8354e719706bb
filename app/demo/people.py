"""Plausible Vietnamese people, places and papers for demo entries.

Name parts come from Faker's vi_VN provider and places from our gazetteer
(the pre-2025 units, as the old books write them). Picking from prepared
lists with one seeded ``random.Random`` is what keeps a million-entry demo
to minutes, and the same seed gives the same station.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from faker.providers.person.vi_VN import Provider as VietnameseNames

from app.reference import gazetteer

DEMO_PROVINCE = "Bình Phước"

# Weights of the ethnic groups of a Bình Phước commune, roughly: mostly Kinh,
# with Xtiêng, Khơ-me, Mnông, Hoa, Tày and Nùng families (official names, as
# keying stores them).
ETHNIC_WEIGHTS = {
    "Kinh": 80,
    "Xtiêng": 8,
    "Khơ-me": 3,
    "Mnông": 3,
    "Hoa": 2,
    "Tày": 2,
    "Nùng": 2,
}

_FAMILY = tuple(VietnameseNames.last_names)
_MIDDLE_MALE = ("Văn", "Hữu", "Đức", "Minh", "Quốc", "Công", "Thành", "Xuân", "Ngọc", "Gia")
_MIDDLE_FEMALE = ("Thị", "Thị", "Thị", "Ngọc", "Thu", "Kim", "Bích", "Mỹ", "Thanh", "Hồng")
_GIVEN_MALE = tuple(VietnameseNames.first_names_male)
_GIVEN_FEMALE = tuple(VietnameseNames.first_names_female)


@dataclass(frozen=True)
class Person:
    name: str
    sex: str
    born: date
    ethnicity: str
    residence: str


class PeopleFactory:
    """Makes people, places and document numbers from one seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        communes = _communes_of(DEMO_PROVINCE)
        self.communes = tuple(c.full_path for c in communes)
        # How a commune's register names its office: "UBND xã Tân Lập".
        self.offices = tuple(f"UBND {c.name[0].lower()}{c.name[1:]}" for c in communes)
        self._ethnic = list(ETHNIC_WEIGHTS)
        self._ethnic_weights = list(ETHNIC_WEIGHTS.values())

    def name(self, sex: str, family: str | None = None) -> str:
        rng = self.rng
        if sex == "male":
            middle, given = rng.choice(_MIDDLE_MALE), rng.choice(_GIVEN_MALE)
        else:
            middle, given = rng.choice(_MIDDLE_FEMALE), rng.choice(_GIVEN_FEMALE)
        return f"{family or rng.choice(_FAMILY)} {middle} {given}"

    def family_of(self, name: str) -> str:
        return name.split(" ", 1)[0]

    def place(self) -> str:
        return self.rng.choice(self.communes)

    def ethnicity(self) -> str:
        return self.rng.choices(self._ethnic, self._ethnic_weights)[0]

    def person(self, sex: str, born: date, family: str | None = None) -> Person:
        return Person(self.name(sex, family), sex, born, self.ethnicity(), self.place())

    def birthday(self, age_years: float, on: date) -> date:
        return on - timedelta(days=int(age_years * 365.25) + self.rng.randrange(365))

    def cmnd(self) -> str:
        return f"{self.rng.randrange(280_000_000, 290_000_000):09d}"  # Bình Phước prefix 28

    def personal_id(self, sex: str, birth_year: int) -> str:
        """A 12-digit personal ID of Bình Phước (070) that agrees with sex and year."""
        digit = (birth_year - 1900) // 100 * 2 + (1 if sex == "female" else 0)
        return f"070{digit}{birth_year % 100:02d}{self.rng.randrange(1_000_000):06d}"


def _communes_of(province: str) -> list[gazetteer.Place]:
    """Every pre-2025 commune, ward and township of ``province``."""
    units = gazetteer.places("pre2025")
    provinces = [p for p in units if p.parent_code is None and province in p.name]
    if not provinces:
        raise LookupError(f"the gazetteer has no province {province!r}")
    districts = {p.code for p in units if p.parent_code == provinces[0].code}
    return [p for p in units if p.parent_code in districts]
