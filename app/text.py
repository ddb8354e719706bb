"""Vietnamese text: Unicode normalisation, tone-mark placement and search keys.

Clerks type on different keyboards and input methods (Unikey, EVKey, the OS
input method), so the same name reaches us as NFC or NFD, and with the tone
mark on either vowel of "oa", "oe", "uy" ("Hoà" / "Hòa"). We store one form:
NFC, with the tone placed in the classic way ("Hòa", "Thủy", "Khỏe"), which is
how civil-status registers and most official documents write it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Combining tone marks (grave, acute, hook above, tilde, dot below).
_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
# Letters whose own diacritic (breve, circumflex, horn) draws the tone to them.
_MARKED_VOWELS = set("ăâêôơưĂÂÊÔƠƯ")
_VOWELS = set("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")
_FINALS = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"}
# A word is letters with any combining marks among them: a mark keyed after
# an already-marked vowel ("à" then a dot below) stays part of its word.
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*")
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Return ``text`` as NFC with classic tone placement and tidy spaces.

    Leading and trailing white space is dropped and inner runs of white space
    become one space; words that are not Vietnamese syllables are left as they
    are.
    """
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return unicodedata.normalize("NFC", _WORD.sub(lambda m: _place_tone(m.group(0)), text))


@lru_cache(maxsize=65536)
def search_key(text: str) -> str:
    """Return the accent-free, lower-case key used to search names and places.

    SQLite's ``lower()`` and ``LIKE`` fold only ASCII, so every searchable
    text is stored with this key beside it: "Đặng Thị Hòa" -> "dang thi hoa".
    Kept for the names met most (a duplicate check meets the same few
    thousand names again and again).
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", stripped).strip().lower()


def _split_tone(word: str) -> tuple[str, str | None]:
    """Split a word into its letters without the tone mark, and that mark."""
    tone = None
    letters = []
    for char in unicodedata.normalize("NFD", word):
        if char in _TONES:
            if tone is not None:
                return word, None  # two tones: not a Vietnamese syllable
            tone = char
        else:
            letters.append(char)
    return unicodedata.normalize("NFC", "".join(letters)), tone


def _place_tone(word: str) -> str:
    bare, tone = _split_tone(word)
    if tone is None:
        return word
    target = _tone_position(bare)
    if target is None:
        return word
    placed = bare[:target] + unicodedata.normalize("NFC", bare[target] + tone) + bare[target + 1 :]
    return unicodedata.normalize("NFC", placed)


def _tone_position(bare: str) -> int | None:
    """Index of the vowel that carries the tone in the classic style."""
    lower = bare.lower()
    start = 0
    # "qu" and "gi" before another vowel are initial consonants, not vowels.
    if lower.startswith("qu") or (
        lower.startswith("gi") and len(lower) > 2 and lower[2] in _VOWELS
    ):
        start = 2
    while start < len(bare) and bare[start] not in _VOWELS:
        start += 1
    end = start
    while end < len(bare) and bare[end] in _VOWELS:
        end += 1
    if start == end or lower[end:] not in _FINALS:
        return None  # no vowel, or more than one syllable: leave it alone
    nucleus = range(start, end)
    marked = [i for i in nucleus if bare[i] in _MARKED_VOWELS]
    if marked:
        return marked[-1]  # "ươ" takes the tone on ơ
    if end < len(bare):  # closed syllable: on the last vowel ("hoàng", "toán")
        return end - 1
    if len(nucleus) == 3:
        return start + 1  # "oai" -> "oái", "uya" -> "uỷa"
    return start  # open syllable: "hòa", "thủy", "khỏe", "mía"
