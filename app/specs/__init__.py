"""The register books as data: every other layer reads its fields from here."""

from app.specs.books import BOOKS, spec_for
from app.specs.model import (
    AgeAtLeast,
    AgeAtMost,
    Before,
    BookKind,
    BookSpec,
    Choice,
    FieldSpec,
    FieldType,
    MarriageAge,
    OneOf,
    Rule,
    Section,
    SourceStatus,
    Text,
)

__all__ = [
    "BOOKS",
    "AgeAtLeast",
    "AgeAtMost",
    "Before",
    "BookKind",
    "BookSpec",
    "Choice",
    "FieldSpec",
    "FieldType",
    "MarriageAge",
    "OneOf",
    "Rule",
    "Section",
    "SourceStatus",
    "Text",
    "spec_for",
]
