"""The hand-curated history of administrative units, read from ``resources/gazetteer/``.

Two CSV files, one row per unit, each row citing its sources (the keys are
explained in ``resources/gazetteer/README.md``):

- ``history_provinces.csv``: every province-level unit since the 1976 mergers;
- ``history_districts.csv``: the district-level history of the provinces whose
  history has been written down (Bình Phước and, before it, Sông Bé).

A row either describes a unit found only in the history (``snapshot`` is
``history``; its code is a readable slug such as ``song-be``), or gives years
and successors to a unit of the ``pre2025`` snapshot (``snapshot`` is
``pre2025``; its code is the GSO code and its name must be that unit's name).
``parent`` and ``successors`` name units as ``snapshot:code``; ``valid_from``
is a year, or ``<1976`` for a unit already in force when the history starts
(its founding year is not recorded).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from app.reference.places import SNAPSHOTS, UnitId
from app.values.text import normalize

HistoryLevel = Literal["province", "district"]
#: The year the recorded history starts: "<1976" means "in force by then".
HISTORY_START = 1976
_FILES: dict[HistoryLevel, str] = {
    "province": "history_provinces.csv",
    "district": "history_districts.csv",
}
_TYPES: dict[HistoryLevel, dict[str, str]] = {
    "province": {
        "Tỉnh": "tỉnh",
        "Thành phố": "thành phố trung ương",
        "Đặc khu": "đặc khu trung ương",
    },
    "district": {"Huyện": "huyện", "Quận": "quận", "Thị xã": "thị xã", "Thành phố": "thành phố"},
}
_COLUMNS = (
    "snapshot",
    "code",
    "name",
    "parent",
    "valid_from",
    "valid_to",
    "successors",
    "sources",
    "note",
)


class HistoryDataError(ValueError):
    """A row of the history files does not say what the format requires."""


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One row of a history file, parsed and checked for form (not for links)."""

    level: HistoryLevel
    snapshot: Literal["history", "pre2025"]
    code: str
    name: str
    short_name: str
    division_type: str
    parent: UnitId | None
    valid_from: int | None
    in_force_at_start: bool
    valid_to: int | None
    successors: tuple[UnitId, ...]
    sources: tuple[str, ...]

    @property
    def key(self) -> UnitId:
        """The unit's identity: (snapshot, code)."""
        return (self.snapshot, self.code)


@cache
def history_rows() -> tuple[HistoryRow, ...]:
    """Every row of both history files, provinces first."""
    rows: list[HistoryRow] = []
    folder = resources.files("resources.gazetteer")
    for level, filename in _FILES.items():
        text = folder.joinpath(filename).read_text(encoding="utf-8")
        reader = csv.DictReader(io.StringIO(text))
        if tuple(reader.fieldnames or ()) != _COLUMNS:
            raise HistoryDataError(f"{filename}: columns must be {', '.join(_COLUMNS)}")
        for line, raw in enumerate(reader, start=2):
            try:
                rows.append(_parse(level, raw))
            except (HistoryDataError, ValueError) as error:
                raise HistoryDataError(f"{filename}, line {line}: {error}") from error
    return tuple(rows)


def _parse(level: HistoryLevel, raw: dict[str, str]) -> HistoryRow:
    code, name = raw["code"], raw["name"]
    snapshot: Literal["history", "pre2025"]
    if raw["snapshot"] == "history":
        snapshot = "history"
    elif raw["snapshot"] == "pre2025":
        snapshot = "pre2025"
    else:
        raise HistoryDataError(f"snapshot {raw['snapshot']!r} is neither history nor pre2025")
    if not code or name != normalize(name):
        raise HistoryDataError(f"a code and a normalised name are needed: {name!r}")
    if snapshot == "history" and code.isdigit():
        # A digits-only code would be mistaken for a GSO code of pre2025.
        raise HistoryDataError(f"history code {code!r} must not be all digits")
    short_name, division_type = _split(name, level)
    if level == "district" and not raw["parent"]:
        raise HistoryDataError(f"district {name!r} has no parent")
    start = raw["valid_from"].strip()
    in_force_at_start = start == f"<{HISTORY_START}"
    valid_from = None if in_force_at_start or not start else int(start)
    valid_to = int(raw["valid_to"]) if raw["valid_to"].strip() else None
    return HistoryRow(
        level=level,
        snapshot=snapshot,
        code=code,
        name=name,
        short_name=short_name,
        division_type=division_type,
        parent=_key(raw["parent"]) if raw["parent"] else None,
        valid_from=valid_from,
        in_force_at_start=in_force_at_start,
        valid_to=valid_to,
        successors=tuple(_key(item) for item in raw["successors"].split()),
        sources=tuple(raw["sources"].split()),
    )


def _split(name: str, level: HistoryLevel) -> tuple[str, str]:
    """(short name, division type) of a full name such as "Tỉnh Sông Bé"."""
    for prefix, division_type in _TYPES[level].items():
        if name.startswith(prefix + " "):
            return name[len(prefix) + 1 :], division_type
    raise HistoryDataError(f"{name!r} does not start with a {level}-level unit type")


def _key(text: str) -> UnitId:
    name, _, code = text.partition(":")
    snapshot = next((s for s in SNAPSHOTS if s == name), None)
    if snapshot is None or not code:
        raise HistoryDataError(f"{text!r} is not snapshot:code")
    return (snapshot, code)
