"""An administrative unit as the gazetteer knows it: ``Place`` and its vocabulary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Snapshot = Literal["current", "pre2025", "history"]
Level = Literal["province", "district", "commune"]
#: A unit's identity: codes are unique only within a snapshot.
UnitId = tuple[Snapshot, str]
SNAPSHOTS: tuple[Snapshot, ...] = ("current", "pre2025", "history")

LEVELS: dict[str, Level] = {
    "tỉnh": "province",
    "thành phố trung ương": "province",
    # Vũng Tàu - Côn Đảo (1979-1991) was a province-level special zone; the
    # special zones of 2025 are commune-level ("đặc khu").
    "đặc khu trung ương": "province",
    "huyện": "district",
    "quận": "district",
    "thị xã": "district",
    "thành phố": "district",
    "xã": "commune",
    "phường": "commune",
    "thị trấn": "commune",
    "đặc khu": "commune",
}


@dataclass(frozen=True, slots=True)
class Place:
    """One administrative unit of one snapshot.

    ``name`` is the full name ("Xã Tân Lập"), ``short_name`` the name without
    its type ("Tân Lập", but "Phường 1" stays whole), ``division_type`` the
    lower-case Vietnamese type ("xã", "thành phố trung ương"), and
    ``full_path`` the name followed by its parents' names
    ("Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước").

    ``parent_code`` is a code of the same snapshot, except for a unit of the
    ``history`` snapshot, whose parent may be a ``pre2025`` unit (a district of
    Bình Phước that ended before 2025): a history code is never all digits,
    so a digits-only parent code there is a ``pre2025`` code.

    ``valid_from`` and ``valid_to`` are the first and last years in which the
    unit existed at any time (None: not known, or still in force); a
    ``pre2025`` unit existed up to 2025, a ``current`` one from 2025.
    ``successors`` are the units it became, as ``(snapshot, code)`` pairs that
    ``gazetteer.unit`` resolves (empty: none recorded, or still in force).
    """

    code: str
    name: str
    short_name: str
    division_type: str
    parent_code: str | None
    snapshot: Snapshot
    full_path: str
    valid_from: int | None = None
    valid_to: int | None = None
    successors: tuple[UnitId, ...] = ()

    @property
    def level(self) -> Level:
        """The unit's level: "province", "district" or "commune" (wards and townships too)."""
        return LEVELS[self.division_type]

    @property
    def label(self) -> str:
        """The full path, with the unit's years when it no longer exists.

        "Tỉnh Sông Bé (1976–1996)", "Tỉnh Hà Bắc (…–1996)" (in force before
        the history starts); a unit of the current list, or one whose full
        path is still that of a current unit ("Thành phố Hồ Chí Minh"), shows
        no years, nor does a unit whose start is not known at all (most
        communes of the pre2025 list).
        """
        if self.snapshot == "current" or self.valid_to is None:
            return self.full_path
        if self.valid_from is None and self.snapshot != "history":
            return self.full_path
        # Imported here: the index imports this module.
        from app.reference.gazetteer_index import index

        if self.full_path in index().current_paths:
            return self.full_path
        start = "…" if self.valid_from is None else str(self.valid_from)
        return f"{self.full_path} ({start}–{self.valid_to})"
