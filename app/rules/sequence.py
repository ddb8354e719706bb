"""Rules across the entries of one book: numbers and dates go forward together.

Entry numbers restart at 1 each year within a book. A repeated number is an
error; a gap, or a registration date earlier than the one of the number
before it, is flagged as a warning, for the book may really be so.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.dates import PartialDate
from app.rules.findings import Finding, Severity, finding


@dataclass(frozen=True)
class Neighbour:
    """The nearest entry of the same book and year with a lower number."""

    number: int
    registration_date: PartialDate | None


def check_sequence(
    number: int,
    year: int,
    registration_date: PartialDate | None,
    *,
    taken: bool,
    highest: int | None,
    previous: Neighbour | None,
) -> list[Finding]:
    """Check ``number`` of ``year`` against the entries the book already has.

    ``taken`` says another entry of the book has this number in this year;
    ``highest`` is the largest number of the year so far (None when there is
    none); ``previous`` is the entry just below this number.
    """
    if taken:
        return [finding("number", "number_repeated", Severity.ERROR, number=number, year=year)]
    findings = []
    last = highest or 0
    if number > last + 1:
        findings.append(
            finding(
                "number",
                "number_gap",
                Severity.WARNING,
                number=number,
                year=year,
                first_missing=last + 1,
                last_missing=number - 1,
            )
        )
    if (
        previous is not None
        and previous.registration_date is not None
        and registration_date is not None
        and registration_date.surely_before(previous.registration_date)
    ):
        findings.append(
            finding(
                "registration_date",
                "registration_out_of_order",
                Severity.WARNING,
                value=registration_date.display(),
                other_number=previous.number,
                other_value=previous.registration_date.display(),
            )
        )
    return findings
