"""The data rules (README, "Data rules, as implemented"): errors block
completion, warnings do not."""

from app.rules.entry import assess
from app.rules.findings import Assessment, FieldValue, Finding, Severity
from app.rules.sequence import ORDER_WARNINGS, Neighbour, check_sequence

__all__ = [
    "ORDER_WARNINGS",
    "Assessment",
    "FieldValue",
    "Finding",
    "Neighbour",
    "Severity",
    "assess",
    "check_sequence",
]
