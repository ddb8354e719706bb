"""The names of a hand-off's files: one PDF per entry, the workbook, the zip.

The Ministry's guidance asks for files "named by a fixed rule", but neither
its own text nor a public page quoting the rule was at hand: the default
below names an entry by what identifies it in the register (the book's
kind, year and volume, then the entry's page and number), and the PDF's
pattern is a station setting and a command option, so that a
centre corrects it without a new version. A name is made safe for Windows
and for a FAT stick (no reserved characters or names, no accents, not too
long), and two entries never get the same name: the second gets a suffix,
which the hand-off's result names.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.handoff.source import HandoffBook, HandoffEntry
from app.specs import BookKind

# Khai sinh, kết hôn, khai tử, nuôi con nuôi: the initials civil-status
# offices give these registers.
KIND_CODES = {
    BookKind.BIRTH: "KS",
    BookKind.MARRIAGE: "KH",
    BookKind.DEATH: "KT",
    BookKind.ADOPTION: "NCN",
}
DEFAULT_PDF_PATTERN = "{kind_code}.{year}.{volume}.{page}.{number}.pdf"
BOOK_PATTERN = "{kind_code}.{year}.{volume}"
# What a pattern may name, with what each stands for (README, "Hand-off").
PLACEHOLDERS = {
    "kind_code": "KS, KH, KT or NCN",
    "year": "the entry's year of registration",
    "book_year": "the book's year",
    "volume": "the book's volume",
    "page": "the entry's page",
    "number": "the entry's number",
    "station": "the station's code",
    "uuid": "the entry's UUID",
}
# Windows refuses these names whatever their extension; FAT keeps names to
# 255 characters, a path on Windows to 260: a name stays well within.
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(1, 10)}
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_LONGEST = 120


class PatternError(ValueError):
    """A name pattern Sohoa cannot name files by; the message says why."""


@dataclass(frozen=True)
class Renamed:
    """An entry whose name another entry had taken: it was given ``given``."""

    uuid: str
    wanted: str
    given: str


def check_pattern(pattern: str) -> str:
    """``pattern`` as files are named by it (``.pdf`` added when it has none),
    or PatternError naming what is wrong with it."""
    pattern = pattern.strip()
    if not pattern:
        raise PatternError("the name pattern is empty")
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None]
    except ValueError as e:
        raise PatternError(f"the name pattern cannot be read: {e}") from e
    unknown = sorted({name for name in fields if name not in PLACEHOLDERS})
    if unknown:
        raise PatternError(
            f"the name pattern names {', '.join('{' + n + '}' for n in unknown)}, which is not "
            f"one of {', '.join('{' + n + '}' for n in PLACEHOLDERS)}"
        )
    if not {"number", "uuid"} & set(fields):
        raise PatternError("the name pattern must name the entry: {number} or {uuid}")
    if not pattern.lower().endswith(".pdf"):
        pattern += ".pdf"
    try:
        pattern.format(**_sample())
    except (ValueError, KeyError, IndexError) as e:
        raise PatternError(f"the name pattern cannot be filled in: {e}") from e
    return pattern


def _sample() -> dict[str, Any]:
    book = HandoffBook("TEST-01", BookKind.BIRTH.value, "UBND", "01", 1995)
    entry = HandoffEntry("0" * 36, 1995, 35, "1995-03-02", "completed", {}, 12, None)
    return _placeholders(book, entry)


def _placeholders(book: HandoffBook, entry: HandoffEntry) -> dict[str, Any]:
    return {
        "kind_code": KIND_CODES[BookKind(book.kind)],
        "year": entry.year,
        "book_year": book.year,
        "volume": book.volume,
        "page": entry.page if entry.page is not None else 0,
        "number": entry.number if entry.number is not None else 0,
        "station": book.station,
        "uuid": entry.uuid,
    }


def book_file_stem(book: HandoffBook) -> str:
    """The workbook's and the zip's name, without the extension: KS.1995.01."""
    return safe_name(
        BOOK_PATTERN.format(
            kind_code=KIND_CODES[BookKind(book.kind)], year=book.year, volume=book.volume
        )
    )


def pdf_names(
    book: HandoffBook, entries: Sequence[HandoffEntry], pattern: str = DEFAULT_PDF_PATTERN
) -> tuple[dict[str, str], list[Renamed]]:
    """Each entry's PDF name by ``pattern`` (checked), by UUID, and the
    entries given a suffix because an entry before them had their name."""
    pattern = check_pattern(pattern)
    names: dict[str, str] = {}
    renamed: list[Renamed] = []
    taken: set[str] = set()
    for entry in entries:
        wanted = safe_name(pattern.format(**_placeholders(book, entry)))
        given = _free(wanted, taken)
        taken.add(given.lower())  # Windows and FAT: "A.pdf" is "a.pdf"
        names[entry.uuid] = given
        if given != wanted:
            renamed.append(Renamed(entry.uuid, wanted, given))
    return names, renamed


def _free(wanted: str, taken: set[str]) -> str:
    """``wanted``, or with the first suffix free among ``taken`` (folded to lower case)."""
    if wanted.lower() not in taken:
        return wanted
    stem, dot, suffix = wanted.rpartition(".")
    for count in range(2, len(taken) + 3):
        candidate = f"{stem}-{count}{dot}{suffix}"
        if candidate.lower() not in taken:
            return candidate
    raise AssertionError("a free name is always found")  # pragma: no cover


def safe_name(name: str) -> str:
    """``name`` as a file on Windows and a FAT stick may be named: without
    accents ("Đ" is "D"), reserved characters as "_", no trailing dot or
    space, not a reserved device name, at most 120 characters."""
    decomposed = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = _UNSAFE.sub("_", folded.encode("ascii", "replace").decode().replace("?", "_"))
    folded = folded.strip().rstrip(". ") or "_"
    stem, dot, suffix = folded.rpartition(".")
    if not dot:
        stem, suffix = folded, ""
    if stem.split(".")[0].lower() in _RESERVED:
        stem = f"_{stem}"
    if len(stem) + len(dot) + len(suffix) > _LONGEST:
        stem = stem[: _LONGEST - len(dot) - len(suffix)].rstrip(". ")
    return f"{stem}{dot}{suffix}"
