"""What a batch is made of on the stick: its files and its labels.

::

    sohoa-STATION-000003/
        bagit.txt
        bag-info.txt                  station, batch, counts: no personal data
        manifest-sha512.txt           the payload's SHA-512
        tagmanifest-sha512.txt        the SHA-512 of the three files above
        tagmanifest-sha512.txt.minisig  signed last, by the station's key
        data/entries.jsonl.age        the entries, JSON Lines, encrypted with age

The first plaintext line of the payload is the header (:func:`header`); each
further line is one entry.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

FORMAT_VERSION = 1
BAGIT = "bagit.txt"
BAG_INFO = "bag-info.txt"
MANIFEST = "manifest-sha512.txt"
TAGMANIFEST = "tagmanifest-sha512.txt"
SIGNATURE = TAGMANIFEST + ".minisig"
PAYLOAD = "data/entries.jsonl.age"
# Every file of a batch; nothing else may be in it.
FILES = (BAGIT, BAG_INFO, MANIFEST, TAGMANIFEST, SIGNATURE, PAYLOAD)
# The tag files the tag manifest lists, hence the signature covers.
TAG_FILES = (BAGIT, BAG_INFO, MANIFEST)
BAGIT_TEXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
# A batch being written; never a batch.
PARTIAL = ".partial"

_COMMENT = re.compile(
    r"^station:(?P<station>[A-Z0-9-]+)\tsequence:(?P<sequence>\d+)\tbatch:(?P<batch>[0-9a-f-]{36})$"
)


class FormatError(ValueError):
    """A label of a batch that is missing or malformed; the message says which."""


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

    def bag_info(self, payload_bytes: int) -> str:
        """bag-info.txt (RFC 8493 §2.2.2), with no personal data in it."""
        fields = [
            # A tag value is one line.
            ("Source-Organization", " ".join(self.office.split())),
            ("Bagging-Date", self.bagging_date.isoformat()),
            ("Bag-Software-Agent", self.software),
            ("Payload-Oxum", f"{payload_bytes}.1"),
            ("Sohoa-Batch-Format", str(FORMAT_VERSION)),
            ("Sohoa-Station", self.station),
            ("Sohoa-Batch-UUID", self.batch),
            ("Sohoa-Batch-Sequence", str(self.sequence)),
            ("Sohoa-Entry-Count", str(self.entries)),
            ("Sohoa-Signing-Key-ID", self.key_id),
            ("Sohoa-Audit-Chain-Head", self.audit_head),
        ]
        return "".join(f"{name}: {value}\n" for name, value in fields)

    @classmethod
    def from_bag_info(cls, fields: Mapping[str, Any]) -> BatchInfo:
        """The labels read back from bag-info.txt (as bagit parses it)."""

        def one(name: str) -> str:
            value = fields.get(name)
            if not isinstance(value, str) or not value:
                raise FormatError(f"bag-info.txt has no single {name}")
            return value

        if one("Sohoa-Batch-Format") != str(FORMAT_VERSION):
            raise FormatError(
                f"batch format {one('Sohoa-Batch-Format')} is not {FORMAT_VERSION}:"
                " a newer version of Sohoa wrote it"
            )
        try:
            return cls(
                station=one("Sohoa-Station"),
                office=one("Source-Organization"),
                sequence=int(one("Sohoa-Batch-Sequence")),
                batch=str(uuid.UUID(one("Sohoa-Batch-UUID"))),
                entries=int(one("Sohoa-Entry-Count")),
                key_id=one("Sohoa-Signing-Key-ID"),
                audit_head=one("Sohoa-Audit-Chain-Head"),
                bagging_date=date.fromisoformat(one("Bagging-Date")),
                software=one("Bag-Software-Agent"),
            )
        except ValueError as e:
            raise FormatError(f"bag-info.txt holds a malformed value: {e}") from e

    def trusted_comment(self) -> str:
        """What the signature vouches for besides the tag manifest."""
        return f"station:{self.station}\tsequence:{self.sequence}\tbatch:{self.batch}"

    def header(self) -> str:
        """The payload's first plaintext line, for this batch."""
        return header(self.station, self.sequence, self.batch, self.entries)


def header(station: str, sequence: int, batch: str, entries: int) -> str:
    """The payload's first plaintext line: the labels again, inside the encryption."""
    return json_line(
        {
            "sohoa_batch": FORMAT_VERSION,
            "station": station,
            "sequence": sequence,
            "batch": batch,
            "entries": entries,
        }
    )


@dataclass(frozen=True)
class SignedLabels:
    """Station, sequence and batch as the signature's trusted comment gives them."""

    station: str
    sequence: int
    batch: str


def parse_trusted_comment(comment: str) -> SignedLabels:
    match = _COMMENT.match(comment)
    if match is None:
        raise FormatError(f"the signed comment {comment!r} is not a Sohoa batch's")
    return SignedLabels(match["station"], int(match["sequence"]), match["batch"])


def json_line(value: Mapping[str, Any]) -> str:
    """One JSON Lines line: compact, keys sorted, text as it is (UTF-8)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
