"""A batch's entries and pages: decrypted as the payload is read, and checked line by line.

The payload is read from the stick once, 64 kB at a time; each chunk is
hashed and decrypted as it goes by, and each line is checked as soon as it
is whole (app.centre.json_lines, app.centre.entries). What stays in memory
is the entries' rows, at most as many as bag-info.txt counts, each line at
most MAX_LINE_BYTES, and the rows of the pages after them (format 2), at
most as many as the encrypted header counts: never the payload whole.

Nothing read is taken before every byte is known to be the one the station
signed: when a line is refused, the rest of the payload is read through
and a changed payload is refused as changed, not for what the change made.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pyrage import x25519

from app.batch.age import AgeError, decrypt_stream
from app.batch.format import SCANS_FORMAT, BatchInfo, BatchRejected
from app.batch.limits import MAX_BATCH_PAGES, MAX_LINE_BYTES, quoted
from app.batch.verify import OpenedBatch
from app.centre.entries import entry_row
from app.centre.json_lines import LineRefused, described, json_object
from app.centre.pages import page_row

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer


@dataclass(frozen=True)
class PayloadRows:
    """What a payload holds, as rows of the centre's tables."""

    entries: list[dict[str, Any]]  # of centre_entries
    pages: list[dict[str, Any]]  # of centre_pages


def payload_rows(batch: OpenedBatch, identities: list[x25519.Identity]) -> PayloadRows:
    """The batch's entries and pages as rows of the central tables.

    The first plaintext line must repeat what bag-info.txt says, and the
    lines must be as many entries as it counts, then as many pages as the
    header counts.
    """
    entries = _Entries(batch.verified.info)
    lines = _Lines(entries.take)
    try:
        decrypt_stream(batch.payload, lines, identities)
        lines.end()
        entries.end()
    except AgeError as e:
        batch.payload.finish()
        raise BatchRejected(str(e)) from e
    except BatchRejected:
        batch.payload.finish()
        raise
    batch.payload.finish()
    return PayloadRows(entries.rows, entries.pages)


class _Lines(io.RawIOBase):
    """Where the plaintext is written: cut into lines, each handed on as
    soon as it is whole, none longer than MAX_LINE_BYTES."""

    def __init__(self, take: Callable[[int, bytes], None]) -> None:
        super().__init__()
        self._take = take
        self._number = 0
        self._pending = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: ReadableBuffer) -> int:
        chunk = bytes(data)
        start = 0
        while (end := chunk.find(b"\n", start)) != -1:
            self._pending += chunk[start:end]
            self._check_length()
            self._number += 1
            line = bytes(self._pending)
            self._pending.clear()
            self._take(self._number, line)
            start = end + 1
        self._pending += chunk[start:]
        self._check_length()
        return len(chunk)

    def end(self) -> None:
        if self._pending:
            raise BatchRejected("the payload does not end with a whole line")
        if not self._number:
            raise BatchRejected("the payload is empty: it has no header line")

    def _check_length(self) -> None:
        if len(self._pending) > MAX_LINE_BYTES:
            raise BatchRejected(
                f"payload line {self._number + 1} is longer than {MAX_LINE_BYTES:,} bytes:"
                " no entry is"
            )


class _Entries:
    """The header line checked, then each entry line made a row, then each page line."""

    def __init__(self, info: BatchInfo) -> None:
        self._info = info
        self._header = json.loads(info.header())
        self._pages = 0
        self.rows: list[dict[str, Any]] = []
        self.pages: list[dict[str, Any]] = []
        self._seen: set[str] = set()

    def take(self, number: int, line: bytes) -> None:
        try:
            value = json_object(line)
            if number == 1:
                self._check_header(value)
                return
            if number - 1 > self._info.entries:
                if number - 1 - self._info.entries > self._pages:
                    what = (
                        f"the {self._pages:,} pages the header counts"
                        if self._info.format >= SCANS_FORMAT
                        else "the entries bag-info.txt counts"
                    )
                    raise BatchRejected(
                        f"the payload holds more than the {self._info.entries:,} entries and {what}"
                    )
                self.pages.append(page_row(value, self._info))
                return
            row = entry_row(value, self._info)
        except LineRefused as e:
            raise BatchRejected(f"payload line {number}: {e}") from e
        if row["uuid"] in self._seen:
            raise BatchRejected(f"entry {row['uuid']} is twice in the batch (line {number})")
        self._seen.add(row["uuid"])
        self.rows.append(row)

    def end(self) -> None:
        if len(self.rows) != self._info.entries:
            raise BatchRejected(
                f"the payload holds {len(self.rows):,} entries, bag-info.txt counts"
                f" {self._info.entries:,}"
            )
        if len(self.pages) != self._pages:
            raise BatchRejected(
                f"the payload holds {len(self.pages):,} pages, its header counts {self._pages:,}"
            )

    def _check_header(self, header: dict[str, Any]) -> None:
        if "pages" in self._header:
            pages = header.get("pages")
            if type(pages) is not int or not 0 <= pages <= MAX_BATCH_PAGES:
                raise BatchRejected(
                    f"the encrypted header gives pages {described(pages)}, not a whole number"
                    f" from 0 to {MAX_BATCH_PAGES:,}"
                )
            self._pages = pages
            self._header["pages"] = pages
        for name in header:
            if name not in self._header:
                raise BatchRejected(f"the encrypted header has an unknown field {quoted(name)}")
        for name, expected in self._header.items():
            given = header.get(name)
            if type(given) is not type(expected) or given != expected:
                raise BatchRejected(
                    f"the encrypted header gives {name} {described(given)}, bag-info.txt {expected}"
                )
