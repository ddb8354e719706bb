"""The gazetteer's units in memory: loaded once, with the lookup tables searches need.

The GSO lists (``units.json.gz``) give the ``current`` and ``pre2025``
snapshots; the history files (see ``gazetteer_history``) add the ``history``
snapshot and give years and successors to ``pre2025`` units. Every link is
checked at load: a successor or parent that does not exist, or a linked name
that differs from the list's, stops the load rather than suggest wrong places.
"""

from __future__ import annotations

import gzip
import json
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from importlib import resources
from typing import Literal, NamedTuple

from app.reference.gazetteer_history import HISTORY_START, HistoryDataError, history_rows
from app.reference.places import LEVELS, SNAPSHOTS, Place, Snapshot, UnitId
from app.values.text import search_key

Kind = Literal["path", "name"]
_WORD = re.compile(r"[a-z0-9]+")
_LEVEL_ORDER = {"province": 0, "district": 1, "commune": 2}
_CACHE_SIZE = 2048
# The year the pre2025 list ends and the current one starts (1 July 2025).
_SWITCH_YEAR = 2025


def words(text: str) -> list[str]:
    """Accent-free lower-case words of ``text``: "Bà Rịa - Vũng Tàu" -> ba, ria, vung, tau."""
    return _WORD.findall(search_key(text))


class _Unit(NamedTuple):
    """A unit being loaded: its place fields, parent and years before paths are known."""

    snapshot: Snapshot
    code: str
    name: str
    short_name: str
    division_type: str
    parent: UnitId | None
    valid_from: int | None
    valid_to: int | None
    successors: tuple[UnitId, ...]
    since: int | None  # first year known to be in force (valid_from, or 1976 for "<1976")


class Index:
    """The units in ranking order, with the lookup tables built once at load.

    A unit's position in ``places`` is its rank among equals when suggesting:
    shorter full paths first, then provinces before districts before
    communes, then current before pre2025 before history, then alphabetical.
    ``listing`` is the order ``places()`` promises (level, snapshot, path).
    """

    def __init__(self, units: list[_Unit]) -> None:
        by_key = {(u.snapshot, u.code): u for u in units}
        if len(by_key) != len(units):
            raise HistoryDataError("a unit is listed twice in one snapshot")
        chains = {key: self._chain(key, by_key) for key in by_key}
        keyed: dict[str, tuple[str, ...]] = {}

        def words_of(name: str) -> tuple[str, ...]:
            # Names repeat (a province's name is in thousands of paths): key each once.
            if name not in keyed:
                keyed[name] = tuple(words(name))
            return keyed[name]

        paths = {k: ", ".join(by_key[c].name for c in chain) for k, chain in chains.items()}
        path_words = {
            k: tuple(w for c in chain for w in words_of(by_key[c].name))
            for k, chain in chains.items()
        }
        order = sorted(
            by_key,
            key=lambda k: (
                len(paths[k]),
                _LEVEL_ORDER[LEVELS[by_key[k].division_type]],
                SNAPSHOTS.index(k[0]),
                path_words[k],
                k[1],
            ),
        )
        self.position = {key: i for i, key in enumerate(order)}
        self.places: tuple[Place, ...] = tuple(
            Place(
                code=u.code,
                name=u.name,
                short_name=u.short_name,
                division_type=u.division_type,
                parent_code=u.parent[1] if u.parent else None,
                snapshot=u.snapshot,
                full_path=paths[k],
                valid_from=u.valid_from,
                valid_to=u.valid_to,
                successors=u.successors,
            )
            for k, u in ((k, by_key[k]) for k in order)
        )
        self.since = [by_key[k].since for k in order]
        # A unit cannot exist before its parent did, nor after: "Xã Tân Lập,
        # Huyện Đồng Phú, Tỉnh Bình Phước" did not exist in 1990, whatever the
        # commune's own (unknown) history, because Bình Phước did not.
        self.floor = [_latest(by_key[c].valid_from for c in chains[k]) for k in order]
        self.ceiling = [_earliest(by_key[c].valid_to for c in chains[k]) for k in order]
        self.path_words = [path_words[k] for k in order]
        self.parent = [_position_of(self.position, by_key[k].parent) for k in order]
        self.children: defaultdict[int, list[int]] = defaultdict(list)
        for i, parent in enumerate(self.parent):
            if parent is not None:
                self.children[parent].append(i)
        self.predecessors: defaultdict[int, list[int]] = defaultdict(list)
        for i, place in enumerate(self.places):
            for successor in place.successors:
                self.predecessors[self.position[successor]].append(i)
        self.listing = tuple(
            self.places[i]
            for i in sorted(
                range(len(order)),
                key=lambda i: (
                    _LEVEL_ORDER[self.places[i].level],
                    SNAPSHOTS.index(self.places[i].snapshot),
                    self.path_words[i],
                    self.places[i].code,
                ),
            )
        )
        self.current_paths = frozenset(p.full_path for p in self.places if p.snapshot == "current")
        self.by_snapshot = {
            name: frozenset(i for i, p in enumerate(self.places) if p.snapshot == name)
            for name in SNAPSHOTS
        }
        self._build_word_tables(order, chains, by_key, words_of)

    @staticmethod
    def _chain(key: UnitId, by_key: dict[UnitId, _Unit]) -> list[UnitId]:
        """The unit's key, then its parent's, and so on up to the province."""
        chain = [key]
        while (parent := by_key[chain[-1]].parent) is not None:
            if parent not in by_key:
                raise HistoryDataError(f"{key}: parent {parent} does not exist")
            chain.append(parent)
        return chain

    def _build_word_tables(
        self,
        order: list[UnitId],
        chains: dict[UnitId, list[UnitId]],
        by_key: dict[UnitId, _Unit],
        words_of: Callable[[str], tuple[str, ...]],
    ) -> None:
        tables: dict[Kind, defaultdict[str, list[int]]] = {
            "path": defaultdict(list),
            "name": defaultdict(list),
        }
        self.exact_names: defaultdict[str, list[int]] = defaultdict(list)
        self.exact_paths: defaultdict[str, list[int]] = defaultdict(list)
        for i, key in enumerate(order):
            unit = by_key[key]
            # A word twice in one path ("Phường 1, Quận 1") is harmless: postings become sets.
            for word in self.path_words[i]:
                tables["path"][word].append(i)
            for word in words_of(unit.name):
                tables["name"][word].append(i)
            short_path = tuple(w for c in chains[key] for w in words_of(by_key[c].short_name))
            for name_key in {" ".join(words_of(unit.name)), " ".join(words_of(unit.short_name))}:
                self.exact_names[name_key].append(i)
            for path_key in {" ".join(self.path_words[i]), " ".join(short_path)}:
                self.exact_paths[path_key].append(i)
        self._vocabulary = {kind: sorted(table) for kind, table in tables.items()}
        self._postings = {
            kind: {word: frozenset(ids) for word, ids in table.items()}
            for kind, table in tables.items()
        }
        self._prefix_cache: dict[tuple[Kind, str], frozenset[int]] = {}
        self._infix_cache: dict[str, frozenset[int]] = {}

    def matching(self, query: list[str], kind: Kind) -> set[int]:
        """Units having, for every query word, a word that starts with it.

        ``kind`` says which words of a unit count: those of its full path, or
        those of its own name only.
        """
        sets = sorted((self._with_prefix(word, kind) for word in query), key=len)
        return set(sets[0]).intersection(*sets[1:])

    def containing(self, query: list[str]) -> set[int]:
        """Units whose path has, for every query word, a word that contains it.

        A one-letter word must still start a word: a single letter found
        inside a word says nothing of what the clerk means.
        """
        sets = sorted((self._with_infix(word) for word in query), key=len)
        return set(sets[0]).intersection(*sets[1:])

    def _with_prefix(self, prefix: str, kind: Kind) -> frozenset[int]:
        # Typing extends a prefix one letter at a time, and the short prefixes
        # are the costly ones (thousands of units have a word starting with "t").
        cached = self._prefix_cache.get((kind, prefix))
        if cached is not None:
            return cached
        vocabulary, postings = self._vocabulary[kind], self._postings[kind]
        start = bisect_left(vocabulary, prefix)
        end = bisect_left(vocabulary, prefix + "\U0010ffff", start)
        result = frozenset().union(*(postings[word] for word in vocabulary[start:end]))
        if len(self._prefix_cache) >= _CACHE_SIZE:
            self._prefix_cache.clear()
        self._prefix_cache[(kind, prefix)] = result
        return result

    def _with_infix(self, part: str) -> frozenset[int]:
        if len(part) < 2:
            return self._with_prefix(part, "path")
        cached = self._infix_cache.get(part)
        if cached is not None:
            return cached
        postings = self._postings["path"]
        result = frozenset().union(
            *(postings[word] for word in self._vocabulary["path"] if part in word)
        )
        if len(self._infix_cache) >= _CACHE_SIZE:
            self._infix_cache.clear()
        self._infix_cache[part] = result
        return result

    def descendants(self, roots: Iterable[int]) -> set[int]:
        """The given units and every unit under them."""
        found: set[int] = set()
        stack = list(roots)
        while stack:
            i = stack.pop()
            if i not in found:
                found.add(i)
                stack.extend(self.children.get(i, ()))
        return found

    def lineage(self, i: int) -> set[int]:
        """The unit, what it came from and what it became, transitively.

        Predecessors are followed only backwards and successors only forwards,
        so a sibling (Bình Dương, for Bình Phước: both came from Sông Bé) is
        not part of the lineage.
        """
        found = {i}
        for links in (self.predecessors, None):
            stack = [i]
            while stack:
                j = stack.pop()
                nexts = (
                    links.get(j, ())
                    if links is not None
                    else [self.position[s] for s in self.places[j].successors]
                )
                for k in nexts:
                    if k not in found:
                        found.add(k)
                        stack.append(k)
        return found

    @lru_cache(maxsize=16)  # noqa: B019 - one index per process, kept for its lifetime
    def own_area(self, i: int) -> tuple[frozenset[int], frozenset[int]]:
        """(own district, rest of own province area) for a station at unit ``i``.

        The own district is the unit's district (or the unit itself when it has
        none, as in the two-level current list) and what it came from and
        became, with everything in them, and the provinces that held it in
        any era. The rest is what else those provinces held: for Bình Phước,
        Sông Bé before 1997 and the Đồng Nai of July 2025 with all their units.
        """
        chain = [i]
        while (parent := self.parent[chain[-1]]) is not None:
            chain.append(parent)
        district = next((j for j in chain if self.places[j].level == "district"), i)
        provinces = self.lineage(chain[-1])
        own_district = self.descendants(self.lineage(district))
        # The province names the station as much as its district does: "Sông
        # Bé" typed at a station of Đồng Phú is the station's own province.
        own_district |= provinces | {self._top(j) for j in own_district}
        province_area = self.descendants(provinces)
        return frozenset(own_district), frozenset(province_area - own_district)

    def _top(self, i: int) -> int:
        while (parent := self.parent[i]) is not None:
            i = parent
        return i

    @lru_cache(maxsize=64)  # noqa: B019 - one index per process, kept for its lifetime
    def year_tiers(self, year: int) -> tuple[frozenset[int], frozenset[int]]:
        """(units known to exist in ``year``, units whose existence then is unknown)."""
        alive: list[int] = []
        unknown: list[int] = []
        for i in range(len(self.places)):
            state = self.existed(i, year)
            if state is True:
                alive.append(i)
            elif state is None:
                unknown.append(i)
        return frozenset(alive), frozenset(unknown)

    def existed(self, i: int, year: int) -> bool | None:
        """Whether unit ``i`` existed at some time in ``year``; None when not known.

        Known not to exist when the unit or one of its parents had not started
        or had ended; known to exist when the unit itself is known to be in
        force then.
        """
        floor, ceiling = self.floor[i], self.ceiling[i]
        if (ceiling is not None and year > ceiling) or (floor is not None and year < floor):
            return False
        since = self.since[i]
        if since is not None and year >= since:
            return True
        return None


def _latest(years: Iterable[int | None]) -> int | None:
    known = [year for year in years if year is not None]
    return max(known) if known else None


def _earliest(years: Iterable[int | None]) -> int | None:
    known = [year for year in years if year is not None]
    return min(known) if known else None


def _position_of(position: dict[UnitId, int], key: UnitId | None) -> int | None:
    return None if key is None else position[key]


@cache
def index() -> Index:
    """Load the data files and build the lookup tables, once per process."""
    blob = resources.files("resources.gazetteer").joinpath("units.json.gz").read_bytes()
    document = json.loads(gzip.decompress(blob))
    columns = document["columns"]
    units: dict[UnitId, _Unit] = {}
    for values in document["units"]:
        row = dict(zip(columns, values, strict=True))
        snapshot = row["snapshot"]
        current = snapshot == "current"
        units[(snapshot, row["code"])] = _Unit(
            snapshot=snapshot,
            code=row["code"],
            name=row["name"],
            short_name=row["short_name"],
            division_type=row["division_type"],
            parent=(snapshot, row["parent_code"]) if row["parent_code"] else None,
            valid_from=_SWITCH_YEAR if current else None,
            valid_to=None if current else _SWITCH_YEAR,
            successors=(),
            since=_SWITCH_YEAR if current else None,
        )
    curated: set[UnitId] = set()
    for history in history_rows():
        if history.key in curated:
            raise HistoryDataError(f"{history.key} has two rows in the history")
        curated.add(history.key)
        since = HISTORY_START if history.in_force_at_start else history.valid_from
        unit = _Unit(
            snapshot=history.snapshot,
            code=history.code,
            name=history.name,
            short_name=history.short_name,
            division_type=history.division_type,
            parent=history.parent,
            valid_from=history.valid_from,
            valid_to=history.valid_to,
            successors=history.successors,
            since=since,
        )
        if history.snapshot == "pre2025":
            listed = units.get(history.key)
            if listed is None or (listed.name, listed.parent) != (unit.name, unit.parent):
                raise HistoryDataError(f"{history.key} {history.name!r} is not in the pre2025 list")
            unit = unit._replace(short_name=listed.short_name, division_type=listed.division_type)
        units[history.key] = unit
    for key, unit in units.items():
        for successor in unit.successors:
            if successor not in units:
                raise HistoryDataError(f"{key}: successor {successor} does not exist")
    return Index(list(units.values()))
