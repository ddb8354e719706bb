"""Vietnamese administrative units, for autocompleting and recognising places.

Two snapshots of the official list are kept, because old register books use
old names:

- ``"current"``: since 1 July 2025, 34 provinces and their communes/wards
  (two levels);
- ``"pre2025"``: the 63 provinces, their districts and communes/wards/townships
  as they stood at the start of 2025 (three levels).

Unit codes are GSO codes, unique only within a snapshot (a 2025 commune often
reuses the code of one of the communes it absorbed), so a unit is identified
by ``(snapshot, code)``. The data file is built by
``resources/gazetteer/build.py``; nothing is downloaded at run time.
"""

from __future__ import annotations

import gzip
import json
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal, NamedTuple

from app.text import search_key

Snapshot = Literal["current", "pre2025"]
Level = Literal["province", "district", "commune"]
_Kind = Literal["path", "name"]
_Row = dict[str, str | None]
SNAPSHOTS: tuple[Snapshot, ...] = ("current", "pre2025")

_LEVELS: dict[str, Level] = {
    "tỉnh": "province",
    "thành phố trung ương": "province",
    "huyện": "district",
    "quận": "district",
    "thị xã": "district",
    "thành phố": "district",
    "xã": "commune",
    "phường": "commune",
    "thị trấn": "commune",
    "đặc khu": "commune",
}
_LEVEL_ORDER = {"province": 0, "district": 1, "commune": 2}
_WORD = re.compile(r"[a-z0-9]+")
_PREFIX_CACHE_SIZE = 2048


@dataclass(frozen=True, slots=True)
class Place:
    """One administrative unit of one snapshot.

    ``name`` is the full name ("Xã Tân Lập"), ``short_name`` the name without
    its type ("Tân Lập", but "Phường 1" stays whole), ``division_type`` the
    lower-case Vietnamese type ("xã", "thành phố trung ương"), and
    ``full_path`` the name followed by its parents' names
    ("Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình Phước").
    """

    code: str
    name: str
    short_name: str
    division_type: str
    parent_code: str | None
    snapshot: Snapshot
    full_path: str

    @property
    def level(self) -> Level:
        """The unit's level: "province", "district" or "commune" (wards and townships too)."""
        return _LEVELS[self.division_type]


def places(snapshot: Snapshot | None = None) -> tuple[Place, ...]:
    """Return every unit, or those of one snapshot.

    Provinces come first, then districts, then communes; current before
    pre2025 within a level; alphabetical (accents ignored) within that.
    """
    index = _index()
    if snapshot is None:
        return index.places
    _check_snapshot(snapshot)
    return tuple(place for place in index.places if place.snapshot == snapshot)


def complete(text: str, limit: int = 10, snapshot: Snapshot | None = None) -> list[Place]:
    """Return up to ``limit`` units that the words of ``text`` could be naming.

    Every word of ``text`` must be the start of some word of the unit's full
    path, accents and case ignored: "tan lap dong phu" finds "Xã Tân Lập,
    Huyện Đồng Phú, Tỉnh Bình Phước". Units whose own name is exactly
    ``text`` (with or without its type) come first, then units whose own name
    matches every word, then units whose path matches the words in the order
    typed, then the others; within each tier provinces before districts
    before communes, and the current snapshot before pre2025.
    """
    if snapshot is not None:
        _check_snapshot(snapshot)
    words = _words(text)
    if not words or limit <= 0:
        return []
    index = _index()
    found = index.matching(words, "path")
    if snapshot is not None:
        found &= index.by_snapshot[snapshot]
    if not found:
        return []
    ranked: list[int] = []
    seen: set[int] = set()
    for i in _ranked(index, words, found):
        if i not in seen:
            seen.add(i)
            ranked.append(i)
            if len(ranked) == limit:
                break
    return [index.places[i] for i in ranked]


def _ranked(index: _Index, words: list[str], found: set[int]) -> Iterator[int]:
    """Matching units best first, possibly repeated: the tiers of ``complete``.

    Within a tier, a unit's position in ``index.places`` is its rank.
    """
    yield from sorted(found.intersection(index.exact_names.get(" ".join(words), ())))
    yield from sorted(index.matching(words, "name") & found)
    if len(words) > 1:
        # "tan lap dong phu" means Tân Lập in Đồng Phú, not Phú Lập in Tân Phú.
        yield from (i for i in sorted(found) if _in_order(words, index.path_words[i]))
    yield from sorted(found)


def _in_order(words: list[str], path_words: tuple[str, ...]) -> bool:
    """Whether the query words start path words in the order they were typed."""
    position = 0
    for word in words:
        while position < len(path_words) and not path_words[position].startswith(word):
            position += 1
        if position == len(path_words):
            return False
        position += 1
    return True


def find(text: str, snapshot: Snapshot | None = None) -> Place | None:
    """Return the unit that ``text`` names exactly, or None.

    ``text`` may be a full path ("Xã Tân Lập, Huyện Đồng Phú, Tỉnh Bình
    Phước"), the same path without unit types ("Tân Lập, Đồng Phú, Bình
    Phước"), or a province's name alone ("Bình Phước"), accents and
    punctuation ignored. When the text names a unit in both snapshots, the
    current one is returned; when it names two units of one snapshot, None.
    """
    if snapshot is not None:
        _check_snapshot(snapshot)
    index = _index()
    hits = index.exact_paths.get(" ".join(_words(text)), ())
    for candidate_snapshot in (snapshot,) if snapshot else SNAPSHOTS:
        matched = [i for i in hits if index.places[i].snapshot == candidate_snapshot]
        if len(matched) == 1:
            return index.places[matched[0]]
        if matched:
            return None
    return None


def _check_snapshot(snapshot: str) -> None:
    if snapshot not in SNAPSHOTS:
        raise ValueError(f"unknown snapshot {snapshot!r}; expected one of {SNAPSHOTS}")


def _words(text: str) -> list[str]:
    """Accent-free lower-case words of ``text``: "Bà Rịa - Vũng Tàu" -> ba, ria, vung, tau."""
    return _WORD.findall(search_key(text))


class _Entry(NamedTuple):
    """A unit with the accent-free words of its name, short name and paths."""

    place: Place
    name: tuple[str, ...]
    short_name: tuple[str, ...]
    path: tuple[str, ...]
    short_path: tuple[str, ...]


class _Index:
    """The units in ranking order, with the lookup tables built once at load.

    A unit's position in ``places`` is its rank (level, then snapshot, then
    path), so ranking a set of matches is taking its smallest positions.
    """

    def __init__(self, entries: list[_Entry]) -> None:
        self.places = tuple(entry.place for entry in entries)
        self.path_words = [entry.path for entry in entries]
        self.by_snapshot = {
            name: frozenset(i for i, p in enumerate(self.places) if p.snapshot == name)
            for name in SNAPSHOTS
        }
        words: dict[_Kind, defaultdict[str, list[int]]] = {
            "path": defaultdict(list),
            "name": defaultdict(list),
        }
        self.exact_names: defaultdict[str, list[int]] = defaultdict(list)
        self.exact_paths: defaultdict[str, list[int]] = defaultdict(list)
        for i, entry in enumerate(entries):
            # A word twice in one path ("Phường 1, Quận 1") is harmless here:
            # the postings become sets below.
            for word in entry.path:
                words["path"][word].append(i)
            for word in entry.name:
                words["name"][word].append(i)
            for key in {" ".join(entry.name), " ".join(entry.short_name)}:
                self.exact_names[key].append(i)
            for key in {" ".join(entry.path), " ".join(entry.short_path)}:
                self.exact_paths[key].append(i)
        self._vocabulary = {kind: sorted(table) for kind, table in words.items()}
        self._postings = {
            kind: {word: frozenset(ids) for word, ids in table.items()}
            for kind, table in words.items()
        }
        self._prefix_cache: dict[tuple[_Kind, str], frozenset[int]] = {}

    def matching(self, words: list[str], kind: _Kind) -> set[int]:
        """Units having, for every query word, a word that starts with it.

        ``kind`` says which words of a unit count: those of its full path, or
        those of its own name only.
        """
        sets = sorted((self._with_prefix(word, kind) for word in words), key=len)
        return set(sets[0]).intersection(*sets[1:])

    def _with_prefix(self, prefix: str, kind: _Kind) -> frozenset[int]:
        # Typing extends a prefix one letter at a time, and the short prefixes
        # are the costly ones (thousands of units have a word starting with "t").
        cached = self._prefix_cache.get((kind, prefix))
        if cached is not None:
            return cached
        vocabulary, postings = self._vocabulary[kind], self._postings[kind]
        start = bisect_left(vocabulary, prefix)
        end = bisect_left(vocabulary, prefix + "\U0010ffff", start)
        result = frozenset().union(*(postings[word] for word in vocabulary[start:end]))
        if len(self._prefix_cache) >= _PREFIX_CACHE_SIZE:
            self._prefix_cache.clear()
        self._prefix_cache[(kind, prefix)] = result
        return result


@cache
def _index() -> _Index:
    """Load the data file and build the lookup tables, once per process."""
    blob = resources.files("resources.gazetteer").joinpath("units.json.gz").read_bytes()
    document = json.loads(gzip.decompress(blob))
    columns = document["columns"]
    rows: list[_Row] = [dict(zip(columns, row, strict=True)) for row in document["units"]]
    by_key = {(row["snapshot"], row["code"]): row for row in rows}
    # Names repeat (a province's name is in thousands of paths): key each once.
    keyed: dict[str | None, tuple[str, ...]] = {}

    def words_of(name: str | None) -> tuple[str, ...]:
        if name not in keyed:
            keyed[name] = tuple(_words(name or ""))
        return keyed[name]

    entries = []
    for row in rows:
        chain = list(_ancestry(row, by_key))
        place = Place(**row, full_path=", ".join(unit["name"] for unit in chain))
        entries.append(
            _Entry(
                place=place,
                name=words_of(place.name),
                short_name=words_of(place.short_name),
                path=tuple(word for unit in chain for word in words_of(unit["name"])),
                short_path=tuple(word for unit in chain for word in words_of(unit["short_name"])),
            )
        )
    entries.sort(
        key=lambda entry: (
            _LEVEL_ORDER[entry.place.level],
            SNAPSHOTS.index(entry.place.snapshot),
            entry.path,
            entry.place.code,
        )
    )
    return _Index(entries)


def _ancestry(row: _Row, by_key: dict[tuple[str | None, str | None], _Row]) -> Iterator[_Row]:
    """The unit's row, then its parent's, and so on up to the province."""
    while True:
        yield row
        if row["parent_code"] is None:
            return
        row = by_key[(row["snapshot"], row["parent_code"])]
