"""Vietnamese identity numbers: the 12-digit personal ID and the old CMND.

The 12-digit personal ID number (số định danh cá nhân, printed on the CCCD)
has no check digit. Its digits say: 1-3 the province of birth registration,
4 the century of birth and the holder's sex, 5-6 the last two digits of the
birth year, 7-12 a serial number (Circular 59/2021/TT-BCA). The 9-digit CMND
has no structure that can be checked beyond its length.
"""

from __future__ import annotations

from dataclasses import dataclass

# Province codes of the personal ID (Circular 59/2021/TT-BCA, Annex 1): the 63
# pre-2025 provinces. The 2025 mergers kept the numbers already issued.
PROVINCE_CODES = frozenset(
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 "  # noqa: SIM905 (a table)
    "030 031 033 034 035 036 037 038 040 042 044 045 046 048 049 051 052 054 "
    "056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 083 084 "
    "086 087 089 091 092 093 094 095 096".split()
)


class IdNumberError(ValueError):
    """A number that cannot be a personal ID or CMND; ``code`` names the reason."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class PersonalId:
    number: str
    province_code: str
    sex: str  # "male" or "female"
    birth_year: int


def compact(text: str) -> str:
    """The number without the spaces and dots clerks type to group digits."""
    return "".join(c for c in text if not c.isspace() and c not in ".-")


def parse_personal_id(text: str) -> PersonalId:
    """Read a 12-digit personal ID number, or raise :class:`IdNumberError`."""
    number = compact(text)
    if not number.isascii() or not number.isdigit():
        raise IdNumberError("personal_id_not_digits")
    if len(number) != 12:
        raise IdNumberError("personal_id_length")
    if number[:3] not in PROVINCE_CODES:
        raise IdNumberError("personal_id_province")
    century, sex_bit = divmod(int(number[3]), 2)
    return PersonalId(
        number=number,
        province_code=number[:3],
        sex="female" if sex_bit else "male",
        birth_year=1900 + 100 * century + int(number[4:6]),
    )


def check_cmnd(text: str) -> str:
    """Return the 9-digit CMND number, or raise :class:`IdNumberError`."""
    number = compact(text)
    if not number.isascii() or not number.isdigit():
        raise IdNumberError("cmnd_not_digits")
    if len(number) != 9:
        raise IdNumberError("cmnd_length")
    return number
