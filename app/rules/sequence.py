"""Rules across the entries of one book: numbers and dates go forward together.

Entry numbers restart at 1 each year within a book. A repeated number is an
error; a gap, or a registration date earlier than the one of the number
before it, is flagged as a warning, for the book may really be so.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.rules.findings import Finding, Severity, finding
from app.values.dates import PartialDate

# The warnings about the book's order: the clerk is told of them at the
# save too, for the form moves on to the next entry.
ORDER_WARNINGS = frozenset(
    {"number_gap_one", "number_gap", "registration_before_previous", "registration_after_next"}
)


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
    following: Neighbour | None = None,
) -> list[Finding]:
    """Check ``number`` of ``year`` against the entries the book already has.

    ``taken`` says another entry of the book has this number in this year;
    ``highest`` is the largest number of the year so far (None when there is
    none); ``previous`` and ``following`` are the entries just below and
    just above this number.
    """
    if taken:
        return [finding("number", "number_repeated", Severity.ERROR, number=number, year=year)]
    findings = []
    last = highest or 0
    if number > last + 1:
        findings.append(
            finding(
                "number",
                "number_gap_one" if number == last + 2 else "number_gap",
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
        findings.append(_out_of_order("registration_before_previous", registration_date, previous))
    if (
        following is not None
        and following.registration_date is not None
        and registration_date is not None
        and following.registration_date.surely_before(registration_date)
    ):
        findings.append(_out_of_order("registration_after_next", registration_date, following))
    return findings


def _out_of_order(code: str, registration_date: PartialDate, other: Neighbour) -> Finding:
    assert other.registration_date is not None
    return finding(
        "registration_date",
        code,
        Severity.WARNING,
        value=registration_date.display(),
        other_number=other.number,
        other_value=other.registration_date.display(),
    )
