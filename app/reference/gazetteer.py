"""Vietnamese administrative units, for autocompleting and recognising places.

Three snapshots are kept, because old register books use old names:

- ``"current"``: since 1 July 2025, 34 provinces and their communes/wards
  (two levels);
- ``"pre2025"``: the 63 provinces, their districts and communes/wards/townships
  as they stood at the start of 2025 (three levels);
- ``"history"``: the units that had gone by 2025 — every province-level unit
  since the 1976 mergers (Sông Bé, Hà Tây, Nghĩa Bình…) and the districts of
  the provinces whose history has been written down (Bình Phước, Sông Bé).

Every unit has the years in which it existed and what it became (see
``Place``). Unit codes are unique only within a snapshot (a 2025 commune often
reuses the code of one of the communes it absorbed), so a unit is identified
by ``(snapshot, code)``. The GSO lists are built by
``resources/gazetteer/build.py``, the history is hand-curated CSV; nothing is
downloaded at run time.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator
from functools import lru_cache

from app.reference.gazetteer_index import Index, index, words
from app.reference.places import SNAPSHOTS, Level, Place, Snapshot, UnitId

__all__ = [
    "SNAPSHOTS",
    "Level",
    "Place",
    "Snapshot",
    "UnitId",
    "complete",
    "ends_with_unit",
    "existed_in",
    "find",
    "is_known",
    "matches_as_prefix",
    "places",
    "unit",
]


def places(snapshot: Snapshot | None = None) -> tuple[Place, ...]:
    """Return every unit, or those of one snapshot.

    Provinces come first, then districts, then communes; current before
    pre2025 before history within a level; alphabetical (accents ignored)
    within that.
    """
    listing = index().listing
    if snapshot is None:
        return listing
    _check_snapshot(snapshot)
    return tuple(place for place in listing if place.snapshot == snapshot)


def unit(snapshot: Snapshot, code: str) -> Place | None:
    """Return the unit ``code`` of ``snapshot``, or None when there is none.

    This is how a stored locality (say, the station's commune kept as its
    snapshot and code) becomes a ``Place`` again.
    """
    _check_snapshot(snapshot)
    data = index()
    i = data.position.get((snapshot, code))
    return None if i is None else data.places[i]


def existed_in(place: Place, year: int) -> bool | None:
    """Whether ``place`` existed at some time in ``year``; None when that is not known.

    Units already in force when the history starts (1976) are known to exist
    from 1976 on, even though their founding year is not recorded.
    """
    data = index()
    return data.existed(_position(data, place), year)


def complete(
    text: str,
    limit: int = 10,
    snapshot: Snapshot | None = None,
    *,
    near: Place | None = None,
    year: int | None = None,
) -> list[Place]:
    """Return up to ``limit`` units that the words of ``text`` could be naming.

    A unit matches when every word of ``text`` is the start of some word of
    its full path, accents and case ignored ("tan lap dong phu" finds "Xã Tân
    Lập, Huyện Đồng Phú, Tỉnh Bình Phước"), or, after all of those, when every
    word is found inside some word ("ong" finds "Sông Bé"; a one-letter word
    must still start a word). Units are ranked by, in this order:

    1. ``near`` (the station's own unit, e.g. its pre2025 commune): first its
       district as it was in any era (Huyện Đồng Phú of Bình Phước and of
       Sông Bé) with everything in it, and the provinces that held it (Bình
       Phước, Sông Bé, the Đồng Nai of July 2025); then everything else those
       provinces held;
    2. ``year`` (the book's year): units known to exist in that year, then
       those whose existence then is not known, then those known not to exist;
    3. how well the words match: the unit's own name exactly, then its own
       name word by word, then the path in the order typed (for several
       words), then any other word-start match, then inside-word matches;
    4. shorter full paths first, then provinces before districts before
       communes, current before pre2025 before history, alphabetical.
    """
    if snapshot is not None:
        _check_snapshot(snapshot)
    query = words(text)
    if not query or limit <= 0:
        return []
    data = index()
    prefix = data.matching(query, "path")
    inside = data.containing(query) - prefix
    if snapshot is not None:
        prefix &= data.by_snapshot[snapshot]
        inside &= data.by_snapshot[snapshot]
    if not prefix and not inside:
        return []
    matches = [*_prefix_tiers(data, query, prefix), (inside, False)]
    areas = data.own_area(_position(data, near)) if near is not None else ()
    eras = data.year_tiers(year) if year is not None else ()
    ranked: list[int] = []
    for area in _split(prefix | inside, areas):
        for era in _split(area, eras):
            for tier, typed_order_first in matches:
                bucket = era & tier
                if bucket:
                    need = limit - len(ranked)
                    if typed_order_first:
                        ranked.extend(_typed_order_first(data, query, bucket, need))
                    else:
                        ranked.extend(heapq.nsmallest(need, bucket))
                    if len(ranked) >= limit:
                        return [data.places[i] for i in ranked]
    return [data.places[i] for i in ranked]


def _prefix_tiers(data: Index, query: list[str], found: set[int]) -> list[tuple[set[int], bool]]:
    """The word-start matches by how well they match, best first, disjoint.

    Each tier comes with whether, within it, units matching the words in the
    order typed go first (decided per bucket, only as far as needed: checking
    the order of thousands of paths on each keystroke would be slow).
    """
    exact = found.intersection(data.exact_names.get(" ".join(query), ()))
    by_name = (data.matching(query, "name") & found) - exact
    rest = found - exact - by_name
    return [(exact, False), (by_name, False), (rest, len(query) > 1)]


def _typed_order_first(data: Index, query: list[str], bucket: set[int], need: int) -> list[int]:
    """Up to ``need`` units of ``bucket`` by rank, those matching in typed order first.

    "tan lap dong phu" means Tân Lập in Đồng Phú, not Phú Lập in Tân Phú.
    """
    ranked = sorted(bucket)
    first: list[int] = []
    for i in ranked:
        if _in_order(query, data.path_words[i]):
            first.append(i)
            if len(first) == need:
                return first
    chosen = set(first)
    return first + [i for i in ranked if i not in chosen][: need - len(first)]


def _split(found: set[int], tiers: tuple[frozenset[int], ...]) -> Iterator[set[int]]:
    """``found`` cut by disjoint tiers, then what no tier holds."""
    rest = found
    for tier in tiers:
        yield found & tier
        rest = rest - tier
    yield rest


def _in_order(query: list[str], path_words: tuple[str, ...]) -> bool:
    """Whether the query words start path words in the order they were typed."""
    position = 0
    for word in query:
        while position < len(path_words) and not path_words[position].startswith(word):
            position += 1
        if position == len(path_words):
            return False
        position += 1
    return True


def matches_as_prefix(text: str, place: Place) -> bool:
    """Whether every word of ``text`` is the start of a word of ``place``'s path.

    Accents and case are ignored: "tan la" matches "Xã Tân Lập, Huyện Đồng
    Phú, Tỉnh Bình Phước", "ong" does not. Text without any word matches
    nothing. The form uses it to decide whether picking the suggestion only
    completes what the clerk typed.
    """
    query = words(text)
    if not query:
        return False
    data = index()
    path_words = data.path_words[_position(data, place)]
    return all(any(word.startswith(part) for word in path_words) for part in query)


def find(text: str, snapshot: Snapshot | None = None) -> Place | None:
    """Return the unit that ``text`` names exactly, or None.

    ``text`` may be a full path ("Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình
    Phước"), the same path without unit types ("Tân Lập, Đồng Phú, Bình
    Phước"), or a province's name alone ("Bình Phước", "Sông Bé"), accents
    and punctuation ignored. When the text names units in several snapshots,
    current wins over pre2025, which wins over history; when it names two
    units of one snapshot, None.
    """
    if snapshot is not None:
        _check_snapshot(snapshot)
    data = index()
    hits = data.exact_paths.get(" ".join(words(text)), ())
    for candidate_snapshot in (snapshot,) if snapshot else SNAPSHOTS:
        matched = [i for i in hits if data.places[i].snapshot == candidate_snapshot]
        if len(matched) == 1:
            return data.places[matched[0]]
        if matched:
            return None
    return None


def is_known(text: str) -> bool:
    """Whether ``text`` names a unit of any snapshot, the history included.

    Accepted, accents and case ignored: a full path, with or without unit
    types ("Tân Lập, Đồng Phú, Bình Phước"); a path that skips levels, its
    parts separated by commas ("Tân Lập, Bình Phước"); a unit's own name
    alone, with or without its type ("Tân Lập", "Tỉnh Sông Bé"), even when
    several units bear it — the question is whether the name is a real one,
    not which unit it is. Used for a soft warning, never to refuse a value.
    """
    query = words(text)
    if not query:
        return False
    data = index()
    if " ".join(query) in data.exact_paths or " ".join(query) in data.exact_names:
        return True
    parts = [" ".join(words(part)) for part in text.split(",")]
    parts = [part for part in parts if part]
    if len(parts) < 2:
        return False
    return any(_ancestors_named(data, i, parts[1:]) for i in data.exact_names.get(parts[0], ()))


@lru_cache(maxsize=65536)
def ends_with_unit(text: str) -> bool:
    """Whether free text about a place ends with a unit :func:`is_known` knows.

    What no gazetteer lists may come before it: a hamlet or a house ("Ấp 3,
    Xã Tân Lập, Huyện Đồng Phú"), a hospital or a health station named after
    its unit ("Trạm y tế xã Tân Lập"). Kept for the places met most: a
    book's entries name the same few places again and again.
    """
    parts = text.split(",")
    for start in range(len(parts)):
        first, rest = parts[start], parts[start + 1 :]
        for unit_type in _UNIT_TYPE.finditer(first):
            if is_known(",".join([first[unit_type.start() :], *rest])):
                return True
        if is_known(",".join(parts[start:])):
            return True
    return False


# Where a unit's name starts inside longer text: at its type.
_UNIT_TYPE = re.compile(
    r"(?<!\w)(?:xã|phường|thị trấn|thị xã|huyện|quận|thành phố|tỉnh|đặc khu)(?!\w)",
    re.IGNORECASE,
)


def _ancestors_named(data: Index, i: int, names: list[str]) -> bool:
    """Whether ``names`` name some of unit ``i``'s ancestors, nearest first."""
    remaining = list(names)
    parent = data.parent[i]
    while remaining and parent is not None:
        place = data.places[parent]
        if remaining[0] in {" ".join(words(place.name)), " ".join(words(place.short_name))}:
            remaining.pop(0)
        parent = data.parent[parent]
    return not remaining


def _position(data: Index, place: Place) -> int:
    i = data.position.get((place.snapshot, place.code))
    if i is None or data.places[i] != place:
        raise ValueError(f"{place.full_path!r} is not a unit of the gazetteer")
    return i


def _check_snapshot(snapshot: str) -> None:
    if snapshot not in SNAPSHOTS:
        raise ValueError(f"unknown snapshot {snapshot!r}; expected one of {SNAPSHOTS}")
