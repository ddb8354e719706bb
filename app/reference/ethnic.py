"""The 54 ethnic groups of Vietnam, with their statistics-office codes.

Codes and official names follow the General Statistics Office's list
(Decision 121-TCTK/PPCĐ of 1979); the alternative names are the local and
older names under which the same group appears in old register books
("Mèo" for HMông, "Thổ" for some Tày, "Khmer" for Khơ-me). The list lives in
``resources/ethnic_groups.csv``.

Matching ignores accents, case, hyphens, apostrophes and spaces, because the
same name is written "Ê-đê", "Ê Đê", "Êđê" or "Ede" depending on the clerk and
the decade of the book.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from app.values.text import search_key

_WORD = re.compile(r"[a-z0-9]+")
_PARENTHESES = re.compile(r"\([^)]*\)")
# Words that books and clerks put before the group's name: "dân tộc Kinh".
_LEAD_WORDS = ("dan toc ", "nguoi ")


@dataclass(frozen=True, slots=True)
class EthnicGroup:
    """One of the 54 groups: its two-digit code, official name and other names."""

    code: str
    name: str
    alternative_names: tuple[str, ...]


@cache
def groups() -> tuple[EthnicGroup, ...]:
    """Return the 54 groups in code order, "01" Kinh first."""
    text = resources.files("resources").joinpath("ethnic_groups.csv").read_text("utf-8")
    rows = csv.DictReader(io.StringIO(text))
    found = (
        EthnicGroup(
            code=row["code"],
            name=row["name"],
            alternative_names=tuple(
                name.strip() for name in row["alternative_names"].split(";") if name.strip()
            ),
        )
        for row in rows
    )
    return tuple(sorted(found, key=lambda group: group.code))


def find(text: str) -> EthnicGroup | None:
    """Return the group that ``text`` names, or None.

    ``text`` must be the whole name, official or alternative, in any spelling
    of accents, hyphens and spaces ("Ê-đê", "ede", "H'Mông", "Khmer"); a
    parenthesised part is ignored ("Kinh (Việt)"). The official name wins
    over an alternative name ("Thổ" is group 24, although some Tày were
    called Thổ); an alternative name shared by several groups ("Xá Khao")
    names none of them, so None is returned.
    """
    key = search_key(_PARENTHESES.sub(" ", text))
    for word in _LEAD_WORDS:
        if key.startswith(word):
            key = key[len(word) :]
    key = _compact(key)
    official, alternative = _lookup()
    return official.get(key) or alternative.get(key)


def complete(prefix: str, limit: int = 10) -> list[EthnicGroup]:
    """Return up to ``limit`` groups whose names start with ``prefix``.

    Accents, case, hyphens and spaces are ignored, and a prefix may also
    match from the start of any later word ("kieu" finds Bru-Vân Kiều).
    Matches on the official name come first, then matches on an alternative
    name; code order within each. An empty prefix lists the groups in code
    order.
    """
    query = _compact(search_key(prefix))
    if limit <= 0:
        return []
    if not query:
        return list(groups()[:limit])
    ranked = []
    for group, keys in _completion_keys():
        tiers = [tier for tier, key in keys if key.startswith(query)]
        if tiers:
            ranked.append((min(tiers), group.code, group))
    ranked.sort(key=lambda item: item[:2])
    return [group for _, _, group in ranked[:limit]]


def _compact(key: str) -> str:
    """Drop everything but letters and digits from a search key: "ê-đê" -> "ede"."""
    return "".join(_WORD.findall(key))


def _word_starts(name: str) -> list[str]:
    """Compact keys of ``name`` from each of its words on: "Bru-Vân Kiều" -> bruvankieu, ..."""
    words = _WORD.findall(search_key(name))
    return ["".join(words[i:]) for i in range(len(words))]


@cache
def _lookup() -> tuple[dict[str, EthnicGroup], dict[str, EthnicGroup]]:
    """Official-name keys, and alternative-name keys that belong to one group only."""
    official = {_compact(search_key(group.name)): group for group in groups()}
    owners: dict[str, set[str]] = {}
    by_code = {group.code: group for group in groups()}
    for group in groups():
        for name in group.alternative_names:
            owners.setdefault(_compact(search_key(name)), set()).add(group.code)
    alternative = {
        key: by_code[next(iter(codes))]
        for key, codes in owners.items()
        if len(codes) == 1 and key not in official
    }
    return official, alternative


@cache
def _completion_keys() -> tuple[tuple[EthnicGroup, tuple[tuple[int, str], ...]], ...]:
    """Each group with its (tier, key) pairs: 0/1 official name, 2/3 alternative names.

    The even tier is a match from the start of the name, the odd one a match
    from a later word.
    """
    table = []
    for group in groups():
        keys: list[tuple[int, str]] = []
        for base, names in ((0, (group.name,)), (2, group.alternative_names)):
            for name in names:
                starts = _word_starts(name)
                keys += [(base if i == 0 else base + 1, key) for i, key in enumerate(starts)]
        table.append((group, tuple(keys)))
    return tuple(table)
