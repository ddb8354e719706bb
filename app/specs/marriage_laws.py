"""The marriage and family laws a marriage register was kept under, and
the age of marriage each set.

A marriage is judged by the law in force on its registration date, not by
today's. Each law names its ages and how they are counted: in full years
("từ đủ 18 tuổi": from the 18th birthday on), or as "having entered" the
year ("đã bước sang tuổi 18": from the day after the 17th birthday).

What was established, and what was chosen (README, "Rules of the data"):

- 1959 law (Luật Hôn nhân và gia đình 1959, 2/SL, in force 13/01/1960),
  art. 6: "Con gái từ 18 tuổi trở lên, con trai từ 20 tuổi trở lên".
- 1986 law (21-LCT/HĐNN7, in force 03/01/1987), art. 5: "nam từ hai mươi
  tuổi trở lên, nữ từ mười tám tuổi trở lên".
- 2000 law (22/2000/QH10, in force 01/01/2001), art. 9, the same words,
  read by the Judges' Council of the Supreme People's Court (Nghị quyết
  02/2000/NQ-HĐTP) as "having entered" the 20th / 18th year.
- 2014 law (52/2014/QH13, in force 01/01/2015), art. 8: "nam từ đủ 20 tuổi
  trở lên, nữ từ đủ 18 tuổi trở lên", full years (Thông tư liên tịch
  01/2016/TTLT-TANDTC-VKSNDTC-BTP, art. 2).
- How the courts read the same words of the 1959 and 1986 laws could not be
  established from the sources at hand (Nghị quyết 01/NQ-HĐTP of 1988 was
  not found). They are read like the 2000 law's: "having entered" the year,
  the lower threshold, so that no marriage the courts of the time may have
  accepted is flagged.
- Before 13/01/1960 no single law applied: the North's rules (Thông tư
  74-DC of 1958: men from full 18, women from full 18, or from 16 by
  permission) and the older civil codes still applied in the South
  (women from 15, men from 18, as commonly cited; not checked against the
  codes' text). The warning takes the lowest: women 15, men 18, full years.
- In the South the 1959 law replaced the old codes only after 1975; a
  station cannot tell a book's region from its data, so a Southern book of
  1960-1976 is held to the 1959 law. The message names the law, so a lead
  can dismiss a warning about a book kept under another code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.specs.model import Text


@dataclass(frozen=True)
class MarriageLaw:
    """A law on the age of marriage, from the day it came into force."""

    name: Text
    in_force: date
    women: int
    men: int
    full_years: bool  # False: "having entered" the year (a day past the birthday before)

    def age_for(self, sex: str) -> int:
        """The age the law sets for a woman ("female") or a man ("male")."""
        return self.women if sex == "female" else self.men

    def wording(self, sex: str) -> Text:
        """The age as the law counts it: "từ đủ 18 tuổi", "đã bước sang tuổi 18"."""
        years = self.age_for(sex)
        if self.full_years:
            return Text(f"từ đủ {years} tuổi", f"from {years} full years")
        return Text(f"đã bước sang tuổi {years}", f"having entered the {years}th year")

    def first_day(self, born: date, sex: str) -> date:
        """The first day on which someone born on ``born`` has the age."""
        years = self.age_for(sex)
        if self.full_years:
            return _anniversary(born, years)
        return _anniversary(born, years - 1) + timedelta(days=1)


def _anniversary(born: date, years: int) -> date:
    """The day ``born`` turns ``years``; for 29 February, 1 March of a common year
    (as ``app.values.dates.full_years_between`` counts it)."""
    try:
        return born.replace(year=born.year + years)
    except ValueError:
        return date(born.year + years, 3, 1)


MARRIAGE_LAWS: tuple[MarriageLaw, ...] = (
    MarriageLaw(
        Text(
            "các quy định trước Luật Hôn nhân và gia đình 1959",
            "the rules before the Marriage and Family Law of 1959",
        ),
        date(1800, 1, 1),  # app.values.dates.EARLIEST_YEAR: no register is older
        women=15,
        men=18,
        full_years=True,
    ),
    MarriageLaw(
        Text("Luật Hôn nhân và gia đình 1959", "the Marriage and Family Law of 1959"),
        date(1960, 1, 13),
        women=18,
        men=20,
        full_years=False,
    ),
    MarriageLaw(
        Text("Luật Hôn nhân và gia đình 1986", "the Marriage and Family Law of 1986"),
        date(1987, 1, 3),
        women=18,
        men=20,
        full_years=False,
    ),
    MarriageLaw(
        Text("Luật Hôn nhân và gia đình 2000", "the Marriage and Family Law of 2000"),
        date(2001, 1, 1),
        women=18,
        men=20,
        full_years=False,
    ),
    MarriageLaw(
        Text("Luật Hôn nhân và gia đình 2014", "the Marriage and Family Law of 2014"),
        date(2015, 1, 1),
        women=18,
        men=20,
        full_years=True,
    ),
)


def law_on(day: date) -> MarriageLaw:
    """The law in force on ``day`` (the laws are in the order they came)."""
    return next(law for law in reversed(MARRIAGE_LAWS) if law.in_force <= day)
