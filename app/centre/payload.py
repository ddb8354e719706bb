"""A verified batch's entries: decrypted, and checked line by line."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from pyrage import x25519

from app.batch.age import AgeError, decrypt
from app.batch.verify import BatchRejected, VerifiedBatch
from app.specs import BookKind

KINDS = {kind.value for kind in BookKind}


def entry_rows(batch: VerifiedBatch, identities: list[x25519.Identity]) -> list[dict[str, Any]]:
    """The batch's entries as rows of the central ``centre_entries`` table.

    The first plaintext line must repeat what bag-info.txt says, and the
    lines must be as many entries as it counts.
    """
    try:
        text = decrypt(batch.payload, identities).decode("utf-8")
    except (AgeError, UnicodeDecodeError) as e:
        raise BatchRejected(str(e)) from e
    lines = text.split("\n")
    if lines[-1] != "":
        raise BatchRejected("the payload does not end with a whole line")
    if _json(lines[0], 1) != json.loads(batch.info.header()):
        raise BatchRejected("the encrypted header line does not match bag-info.txt")
    entries = lines[1:-1]
    if len(entries) != batch.info.entries:
        raise BatchRejected(
            f"the payload holds {len(entries)} entries, bag-info.txt counts {batch.info.entries}"
        )
    rows = []
    seen = set()
    for number, line in enumerate(entries, start=2):
        row = _row(_json(line, number), number, batch)
        if row["uuid"] in seen:
            raise BatchRejected(f"entry {row['uuid']} is twice in the batch (line {number})")
        seen.add(row["uuid"])
        rows.append(row)
    return rows


def _json(line: str, number: int) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except ValueError as e:
        raise BatchRejected(f"payload line {number} is not JSON: {e}") from e
    if not isinstance(value, dict):
        raise BatchRejected(f"payload line {number} is not a JSON object")
    return value


def _row(entry: dict[str, Any], number: int, batch: VerifiedBatch) -> dict[str, Any]:
    try:
        book = entry["book"]
        row = {
            "uuid": str(entry["uuid"]),
            "version": int(entry["version"]),
            "station": batch.info.station,
            "kind": entry["kind"],
            "book_office": str(book["office"]),
            "book_volume": str(book["volume"]),
            "book_year": int(book["year"]),
            "year": int(entry["year"]),
            "number": None if entry["number"] is None else int(entry["number"]),
            "registration_date": entry["registration_date"],
            "values": entry["values"],
            "completed_at": _moment(entry["completed_at"]),
            "completed_by": entry["completed_by"],
            "updated_at": datetime.fromisoformat(entry["updated_at"]),
            "batch_uuid": batch.info.batch,
        }
    except (KeyError, TypeError, ValueError) as e:
        raise BatchRejected(f"payload line {number} is not a whole entry: {e!r}") from e
    if row["kind"] not in KINDS or not isinstance(row["values"], dict) or row["version"] < 1:
        raise BatchRejected(f"payload line {number} is not a whole entry")
    return row


def _moment(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)
