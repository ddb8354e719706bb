"""Places the gazetteer does not know, kept for the lead and the centre to review.

A place is free text: old books name hamlets, hospitals and units since
renamed, and the clerk keys what the book says. The form warns at the field
and saves the text as typed; a finished entry whose place is no unit the
gazetteer knows (:func:`app.reference.gazetteer.ends_with_unit`) is listed
for the lead, who corrects it or says why it stands.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.reference import gazetteer
from app.specs import BookSpec, FieldType


def unknown_places(spec: BookSpec, values: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    """The place fields of an entry's values as stored ({"v": …}) that name
    no unit of the gazetteer, with what they hold, in the book's order."""
    unknown = {}
    for field in spec.fields:
        if field.type is not FieldType.PLACE:
            continue
        value = (values.get(field.key) or {}).get("v")
        if value and not gazetteer.ends_with_unit(value):
            unknown[field.key] = value
    return unknown
