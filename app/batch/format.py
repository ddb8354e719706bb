"""What a batch is made of on the stick: its files and its labels.

::

    sohoa-STATION-000003/
        bagit.txt
        bag-info.txt                  station, batch, counts: no personal data
        manifest-sha512.txt           the payload's SHA-512
        tagmanifest-sha512.txt        the SHA-512 of the three files above
        tagmanifest-sha512.txt.minisig  signed last, by the station's key
        data/entries.jsonl.age        the entries, JSON Lines, encrypted with age
        data/scans/SHA256.jpg.age     a page scan an entry is on, encrypted with age
                                      (one file a page; format 2 on)

The first plaintext line of the payload is the header (:func:`header`);
(format 3 on) the second is the station's summary (app.batch.summary);
each further line is one entry, then (format 2 on) one page scan the batch
carries: its book, page number, SHA-256, media type and size in pixels. So
nothing about the pages or the station's figures is readable without the
centre's key; a scan file's name is the SHA-256 of its plaintext, which
says nothing of it.

Format 1 batches (Sohoa before page scans) carry no scans, format 1 and 2
batches no summary; the centre still takes them.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.batch.limits import MAX_ENTRIES, MAX_INTEGER, quoted

# The format this Sohoa writes, and every format the centre takes.
FORMAT_VERSION = 3
FORMATS = (1, 2, 3)
# The first format whose batches carry page scans.
SCANS_FORMAT = 2
# The first format whose payload carries the station's summary, its second line.
SUMMARY_FORMAT = 3
BAGIT = "bagit.txt"
BAG_INFO = "bag-info.txt"
MANIFEST = "manifest-sha512.txt"
TAGMANIFEST = "tagmanifest-sha512.txt"
SIGNATURE = TAGMANIFEST + ".minisig"
DATA = "data"
PAYLOAD = DATA + "/entries.jsonl.age"
SCANS = DATA + "/scans"
# A page scan's file: the SHA-256 of its plaintext, its kind, ".age".
SCAN_FILE = re.compile(r"data/scans/(?P<sha256>[0-9a-f]{64})(?P<suffix>\.jpg|\.png)\.age")
SCAN_MEDIA_TYPES = {".jpg": "image/jpeg", ".png": "image/png"}
# Every file of a batch; nothing else may be in it but its page scans.
FILES = (BAGIT, BAG_INFO, MANIFEST, TAGMANIFEST, SIGNATURE, PAYLOAD)
# The tag files the tag manifest lists, hence the signature covers.
TAG_FILES = (BAGIT, BAG_INFO, MANIFEST)
BAGIT_TEXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
# A batch being written; never a batch.
PARTIAL = ".partial"

# Every field of bag-info.txt, in the order they are written; no other is read.
BAG_INFO_FIELDS = (
    "Source-Organization",
    "Bagging-Date",
    "Bag-Software-Agent",
    "Payload-Oxum",
    "Sohoa-Batch-Format",
    "Sohoa-Station",
    "Sohoa-Batch-UUID",
    "Sohoa-Batch-Sequence",
    "Sohoa-Entry-Count",
    "Sohoa-Signing-Key-ID",
    "Sohoa-Audit-Chain-Head",
)
# As a station's code is made (app.station.database.STATION_CODE).
STATION_CODE = re.compile(r"[A-Z0-9][A-Z0-9-]{1,31}")
# A whole number as Sohoa writes it: ASCII digits, no sign, no leading zero.
WHOLE_NUMBER = re.compile(r"0|[1-9][0-9]{0,9}")
_COMMENT = re.compile(
    r"station:(?P<station>[^\t]*)\tsequence:(?P<sequence>[^\t]*)\tbatch:(?P<batch>[^\t]*)"
)
_KEY_ID = re.compile(r"[0-9A-F]{16}")
_AUDIT_HEAD = re.compile(r"[0-9a-f]{64}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Longest office name and software name taken (the station's own column is 200).
_MAX_OFFICE = 200
_MAX_SOFTWARE = 100


class BatchRejected(Exception):
    """The batch is not accepted; the message is the one specific reason."""


def scan_file(sha256: str, media_type: str) -> str:
    """The path in a batch of the page scan ``sha256`` of ``media_type``."""
    suffix = next(s for s, kind in SCAN_MEDIA_TYPES.items() if kind == media_type)
    return f"{SCANS}/{sha256}{suffix}.age"


def batch_name(station: str, sequence: int) -> str:
    """The batch's directory name: ``sohoa-BP-01-000003``."""
    return f"sohoa-{station}-{sequence:06d}"


@dataclass(frozen=True)
class BatchInfo:
    """The labels of a batch: in bag-info.txt, the signature and the header line."""

    station: str
    office: str
    sequence: int
    batch: str  # UUID
    entries: int
    key_id: str
    audit_head: str
    bagging_date: date
    software: str
    # The batch's format: a batch recorded by an older Sohoa is written again in its own.
    format: int = FORMAT_VERSION

    def bag_info(self, payload_bytes: int, files: int = 1) -> str:
        """bag-info.txt (RFC 8493 §2.2.2), with no personal data in it:
        ``payload_bytes`` and ``files`` count the entries' file and the scans'."""
        values = {
            # A tag value is one line.
            "Source-Organization": " ".join(self.office.split()),
            "Bagging-Date": self.bagging_date.isoformat(),
            "Bag-Software-Agent": self.software,
            "Payload-Oxum": f"{payload_bytes}.{files}",
            "Sohoa-Batch-Format": str(self.format),
            "Sohoa-Station": self.station,
            "Sohoa-Batch-UUID": self.batch,
            "Sohoa-Batch-Sequence": str(self.sequence),
            "Sohoa-Entry-Count": str(self.entries),
            "Sohoa-Signing-Key-ID": self.key_id,
            "Sohoa-Audit-Chain-Head": self.audit_head,
        }
        return "".join(f"{name}: {values[name]}\n" for name in BAG_INFO_FIELDS)

    @classmethod
    def from_bag_info(cls, fields: Mapping[str, str]) -> BatchInfo:
        """The labels read back from bag-info.txt's fields, each in the one
        form Sohoa writes it (app.batch.tagfiles reads the fields)."""

        def one(name: str, pattern: re.Pattern[str], what: str) -> str:
            value = fields[name]
            if pattern.fullmatch(value) is None:
                raise BatchRejected(f"bag-info.txt: {name} {quoted(value)} is not {what}")
            return value

        if fields["Sohoa-Batch-Format"] not in [str(f) for f in FORMATS]:
            raise BatchRejected(
                f"batch format {quoted(fields['Sohoa-Batch-Format'])} is not one of"
                f" {', '.join(map(str, FORMATS))}: a newer version of Sohoa wrote it"
            )
        day = one("Bagging-Date", _DATE, "a date (YYYY-MM-DD)")
        try:
            bagging_date = date.fromisoformat(day)
        except ValueError as e:
            raise BatchRejected(f"bag-info.txt: Bagging-Date {day} is not a date: {e}") from e
        return cls(
            station=one("Sohoa-Station", STATION_CODE, "a station's code"),
            office=_text(fields, "Source-Organization", _MAX_OFFICE),
            sequence=whole_number(
                "bag-info.txt: Sohoa-Batch-Sequence", fields["Sohoa-Batch-Sequence"], 1, MAX_INTEGER
            ),
            batch=batch_uuid("bag-info.txt: Sohoa-Batch-UUID", fields["Sohoa-Batch-UUID"]),
            entries=whole_number(
                "bag-info.txt: Sohoa-Entry-Count", fields["Sohoa-Entry-Count"], 1, MAX_ENTRIES
            ),
            key_id=one("Sohoa-Signing-Key-ID", _KEY_ID, "a minisign key ID"),
            audit_head=one("Sohoa-Audit-Chain-Head", _AUDIT_HEAD, "an audit chain's SHA-256"),
            bagging_date=bagging_date,
            software=_text(fields, "Bag-Software-Agent", _MAX_SOFTWARE),
            format=int(fields["Sohoa-Batch-Format"]),
        )

    def trusted_comment(self) -> str:
        """What the signature vouches for besides the tag manifest."""
        return f"station:{self.station}\tsequence:{self.sequence}\tbatch:{self.batch}"

    def header(self, pages: int = 0) -> str:
        """The payload's first plaintext line, for this batch carrying ``pages`` scans."""
        return header(self.station, self.sequence, self.batch, self.entries, pages, self.format)


def header(
    station: str,
    sequence: int,
    batch: str,
    entries: int,
    pages: int = 0,
    version: int = FORMAT_VERSION,
) -> str:
    """The payload's first plaintext line: the labels again, inside the
    encryption, and (format 2 on) how many page lines follow the entries."""
    labels: dict[str, Any] = {
        "sohoa_batch": version,
        "station": station,
        "sequence": sequence,
        "batch": batch,
        "entries": entries,
    }
    if version >= SCANS_FORMAT:
        labels["pages"] = pages
    return json_line(labels)


@dataclass(frozen=True)
class SignedLabels:
    """Station, sequence and batch as the signature's trusted comment gives them."""

    station: str
    sequence: int
    batch: str


def parse_trusted_comment(comment: str) -> SignedLabels:
    """The labels the signature vouches for, each in the one form Sohoa writes it."""
    match = _COMMENT.fullmatch(comment)
    if match is None or STATION_CODE.fullmatch(match["station"]) is None:
        raise BatchRejected(f"the signed comment {quoted(comment)} is not a Sohoa batch's")
    return SignedLabels(
        match["station"],
        whole_number("the signed sequence", match["sequence"], 1, MAX_INTEGER),
        batch_uuid("the signed batch UUID", match["batch"]),
    )


def whole_number(what: str, text: str, minimum: int, maximum: int) -> int:
    """``text`` as a whole number from ``minimum`` to ``maximum``, written as
    Sohoa writes one: ASCII digits, no sign, no leading zero."""
    if WHOLE_NUMBER.fullmatch(text) is None or not minimum <= int(text) <= maximum:
        raise BatchRejected(
            f"{what} {quoted(text)} is not a whole number from {minimum:,} to {maximum:,}"
        )
    return int(text)


def batch_uuid(what: str, text: str) -> str:
    """``text`` as a UUID written as Sohoa writes one (lower case, with hyphens)."""
    try:
        canonical = str(uuid.UUID(text))
    except ValueError:
        canonical = None
    if canonical != text:
        raise BatchRejected(f"{what} {quoted(text)} is not a UUID")
    return text


def _text(fields: Mapping[str, str], name: str, longest: int) -> str:
    value = fields[name]
    if not value or len(value) > longest:
        raise BatchRejected(f"bag-info.txt: {name} is empty or longer than {longest} characters")
    return value


def json_line(value: Mapping[str, Any]) -> str:
    """One JSON Lines line: compact, keys sorted, text as it is (UTF-8)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
