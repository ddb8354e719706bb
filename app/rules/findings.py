"""What the rules say about an entry: findings, each bound to one field."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from app.rules.messages import MESSAGES
from app.specs import SourceStatus, Text


class Severity(StrEnum):
    ERROR = "error"  # blocks completion
    DEFER = "defer"  # the entry can only be deferred ("hard later")
    WARNING = "warning"  # shown, never blocks


@dataclass(frozen=True)
class FieldValue:
    """One field of an entry: the value keyed and what the book shows there.

    ``transcription`` keeps the text exactly as keyed when normalisation
    changed it (e.g. the tone mark moved from "Hoà" to "Hòa").
    """

    value: str = ""
    status: SourceStatus = SourceStatus.CLEAR
    transcription: str | None = None


@dataclass(frozen=True)
class Finding:
    field: str
    code: str
    severity: Severity
    params: tuple[tuple[str, str | int | Text], ...] = ()

    def message(self, language: str = "vi") -> str:
        """The sentence shown at the field, in Vietnamese or English."""
        template = MESSAGES[self.code].get(language)
        values = {k: v.get(language) if isinstance(v, Text) else v for k, v in self.params}
        return template.format(**values)

    @property
    def message_vi(self) -> str:
        return self.message("vi")

    @property
    def message_en(self) -> str:
        return self.message("en")


def finding(field: str, code: str, severity: Severity, /, **params: str | int | Text) -> Finding:
    if code not in MESSAGES:
        raise KeyError(f"no message for finding {code!r}")
    return Finding(field, code, severity, tuple(sorted(params.items())))


@dataclass
class Assessment:
    """The normalised values of an entry and every finding about them."""

    values: dict[str, FieldValue]
    findings: list[Finding] = field(default_factory=list)

    def of(self, severity: Severity) -> list[Finding]:
        return [f for f in self.findings if f.severity is severity]

    @property
    def errors(self) -> list[Finding]:
        return self.of(Severity.ERROR)

    @property
    def warnings(self) -> list[Finding]:
        return self.of(Severity.WARNING)

    @property
    def deferrals(self) -> list[Finding]:
        return self.of(Severity.DEFER)

    @property
    def can_complete(self) -> bool:
        """No error, and no required field the book leaves unreadable."""
        return not self.errors and not self.deferrals

    def at(self, field_key: str) -> list[Finding]:
        return [f for f in self.findings if f.field == field_key]
