"""A batch's summary, entries and pages: decrypted as the payload is read, and checked line by line.

The payload is read from the stick once, 64 kB at a time; each chunk is
hashed and decrypted as it goes by, and each line is checked as soon as it
is whole (app.centre.json_lines, app.centre.summaries, app.centre.entries).
What stays in memory is the station's summary (format 3, at most
MAX_SUMMARY_BYTES), the entries' rows, at most as many as bag-info.txt
counts, each line at most MAX_LINE_BYTES, and the rows of the pages after
them (format 2), at most as many as the encrypted header counts: never the
payload whole.

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
from app.batch.format import SCANS_FORMAT, SUMMARY_FORMAT, BatchInfo, BatchRejected
from app.batch.limits import MAX_BATCH_PAGES, MAX_LINE_BYTES, MAX_SUMMARY_BYTES, quoted
from app.batch.summary import StationSummary
from app.batch.verify import OpenedBatch
from app.centre.entries import entry_row
from app.centre.json_lines import LineRefused, described, json_object
from app.centre.pages import page_row
from app.centre.summaries import summary_of

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

# The payload's line that holds the station's summary (format 3 on).
SUMMARY_LINE = 2


@dataclass(frozen=True)
class PayloadRows:
    """What a payload holds, as rows of the centre's tables."""

    entries: list[dict[str, Any]]  # of centre_entries
    pages: list[dict[str, Any]]  # of centre_pages
    # The station's summary (format 3 on), checked, and its JSON as received.
    summary: StationSummary | None = None
    summary_json: dict[str, Any] | None = None


def payload_rows(batch: OpenedBatch, identities: list[x25519.Identity]) -> PayloadRows:
    """The batch's entries and pages as rows of the central tables.

    The first plaintext line must repeat what bag-info.txt says; the
    second (format 3 on) is the station's summary; the lines after must be
    as many entries as it counts, then as many pages as the header counts.
    """
    info = batch.verified.info
    entries = _Entries(info)
    summary_line = SUMMARY_LINE if info.format >= SUMMARY_FORMAT else None
    lines = _Lines(entries.take, summary_line)
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
    return PayloadRows(entries.rows, entries.pages, entries.summary, entries.summary_json)


class _Lines(io.RawIOBase):
    """Where the plaintext is written: cut into lines, each handed on as
    soon as it is whole, none longer than MAX_LINE_BYTES (the summary's,
    line ``summary_line``, MAX_SUMMARY_BYTES)."""

    def __init__(self, take: Callable[[int, bytes], None], summary_line: int | None) -> None:
        super().__init__()
        self._take = take
        self._summary_line = summary_line
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
        if self._number + 1 == self._summary_line:
            if len(self._pending) > MAX_SUMMARY_BYTES:
                raise BatchRejected(
                    f"payload line {self._number + 1}, the station's summary, is longer than"
                    f" {MAX_SUMMARY_BYTES:,} bytes: no station's is"
                )
        elif len(self._pending) > MAX_LINE_BYTES:
            raise BatchRejected(
                f"payload line {self._number + 1} is longer than {MAX_LINE_BYTES:,} bytes:"
                " no entry is"
            )


class _Entries:
    """The header line checked, then the summary (format 3 on), then each
    entry line made a row, then each page line."""

    def __init__(self, info: BatchInfo) -> None:
        self._info = info
        self._header = json.loads(info.header())
        # The lines before the first entry's: the header, and the summary.
        self._before = SUMMARY_LINE if info.format >= SUMMARY_FORMAT else 1
        self._pages = 0
        self.rows: list[dict[str, Any]] = []
        self.pages: list[dict[str, Any]] = []
        self.summary: StationSummary | None = None
        self.summary_json: dict[str, Any] | None = None
        self._seen: set[str] = set()

    def take(self, number: int, line: bytes) -> None:
        try:
            value = json_object(line)
            if number == 1:
                self._check_header(value)
                return
            if number == SUMMARY_LINE and self._before == SUMMARY_LINE:
                try:
                    self.summary = summary_of(value, self._info)
                except LineRefused as e:
                    raise LineRefused(f"the station's summary: {e}") from e
                self.summary_json = value
                return
            if number - self._before > self._info.entries:
                if number - self._before - self._info.entries > self._pages:
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
