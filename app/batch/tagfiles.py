"""A batch's tag files read strictly: bagit.txt, bag-info.txt and the two manifests.

Each is UTF-8 text (a bag may declare another encoding; a Sohoa batch
declares UTF-8 and nothing else is read) made of whole lines, each ended by
a line feed, in the one form Sohoa writes. What is not in that form is
refused with the file and the line named, rather than read some other way.
"""

from __future__ import annotations

import re

from app.batch.format import (
    BAG_INFO,
    BAG_INFO_FIELDS,
    BAGIT,
    BAGIT_TEXT,
    TAG_FILES,
    BatchRejected,
)
from app.batch.limits import CONTROL_CHARACTER, quoted, shown

_FIELD = re.compile(r"(?P<name>[A-Za-z0-9-]+): (?P<value>.*)")
_MANIFEST_LINE = re.compile(r"(?P<checksum>[0-9a-f]{128})  (?P<path>.+)")
# A size in bytes: up to 19 digits, read as a number only then.
_OCTETS = re.compile(r"0|[1-9][0-9]{0,18}")


def tag_lines(name: str, data: bytes) -> list[str]:
    """The lines of tag file ``name``, decoded strictly as UTF-8."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise BatchRejected(
            f"{name} is not UTF-8 text: byte {data[e.start]:#04x} at position {e.start}"
        ) from e
    if text.startswith("\ufeff"):
        raise BatchRejected(f"{name} begins with a byte order mark: a tag file is plain UTF-8")
    if not text.endswith("\n"):
        raise BatchRejected(f"{name} is empty or does not end with a whole line")
    lines = text[:-1].split("\n")
    for number, line in enumerate(lines, start=1):
        control = CONTROL_CHARACTER.search(line)
        if control is not None:
            raise BatchRejected(
                f"{name} line {number} holds a control character U+{ord(control[0]):04X}"
            )
    return lines


def check_bagit_declaration(data: bytes) -> None:
    """bagit.txt must declare BagIt 1.0 in UTF-8, as Sohoa writes it."""
    if tag_lines(BAGIT, data) != BAGIT_TEXT.splitlines():
        raise BatchRejected(f"{BAGIT} does not declare BagIt 1.0 in UTF-8 as a Sohoa batch does")


def bag_info_fields(data: bytes) -> dict[str, str]:
    """bag-info.txt's fields: each one known, given once, and none missing."""
    fields: dict[str, str] = {}
    for number, line in enumerate(tag_lines(BAG_INFO, data), start=1):
        match = _FIELD.fullmatch(line)
        if match is None:
            raise BatchRejected(f"{BAG_INFO} line {number} is not 'Name: value'")
        name = match["name"]
        if name not in BAG_INFO_FIELDS:
            raise BatchRejected(f"{BAG_INFO} has an unknown field {quoted(name)}")
        if name in fields:
            raise BatchRejected(f"{BAG_INFO} gives {name} twice")
        fields[name] = match["value"]
    for name in BAG_INFO_FIELDS:
        if name not in fields:
            raise BatchRejected(f"{BAG_INFO} has no {name}")
    return fields


def manifest_checksums(name: str, data: bytes, listed: tuple[str, ...]) -> dict[str, str]:
    """Path → SHA-512 from manifest ``name``, which must list exactly ``listed``, once each."""
    checksums: dict[str, str] = {}
    for number, line in enumerate(tag_lines(name, data), start=1):
        match = _MANIFEST_LINE.fullmatch(line)
        if match is None:
            raise BatchRejected(f"{name} line {number} is not 'SHA-512  path'")
        if match["path"] in checksums:
            raise BatchRejected(f"{name} lists {shown(match['path'])} twice")
        checksums[match["path"]] = match["checksum"]
    if checksums.keys() != set(listed):
        if len(listed) <= len(TAG_FILES) + 1:
            raise BatchRejected(f"{name} does not list exactly {', '.join(listed)}")
        # A batch's scans: the first one that differs, not thousands of names.
        missing = sorted(set(listed) - checksums.keys())
        if missing:
            raise BatchRejected(f"{name} does not list {shown(missing[0])}, which the batch holds")
        extra = sorted(checksums.keys() - set(listed))
        raise BatchRejected(f"{name} lists {shown(extra[0])}, which the batch does not hold")
    return checksums


def payload_oxum(fields: dict[str, str]) -> tuple[int, int]:
    """The payload's size in bytes and its files, as bag-info.txt's Payload-Oxum gives them."""
    octets, dot, count = fields["Payload-Oxum"].partition(".")
    if not dot or _OCTETS.fullmatch(octets) is None or _OCTETS.fullmatch(count) is None:
        raise BatchRejected(
            f"{BAG_INFO}: Payload-Oxum {quoted(fields['Payload-Oxum'])} is not 'BYTES.FILES'"
        )
    return int(octets), int(count)
