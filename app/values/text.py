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
from dataclasses import dataclass
from enum import StrEnum
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


# Syllables: what a Vietnamese word can be, to tell a word from gibberish
# (e.g. text typed in a legacy encoding).
_INITIALS = "ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
# Vowel groups written without tone, longest first so that the longest match
# is tried first: those a final consonant may close ("toan", "nguyen"), and
# those that end the syllable themselves ("hoai", "mia", "ky"). A lone "y"
# takes a final only after "qu" ("quynh"): "yn" is no syllable.
_CLOSABLE = "a ă â e ê i o ô ơ u ư oa oă oe uâ uê uô uơ ươ uy iê yê uyê"
_OPEN = (
    "y ai ao au ay âu ây eo êu ia iu oi ôi ơi ui ưi ưu ua ưa ya "
    "iêu oai oao oay oeo uây uôi uya uyu ươi ươu yêu"
)
_FINAL = "ch|c|m|ng|nh|n|p|t"


def _longest_first(vowel_groups: str) -> str:
    return "|".join(sorted(vowel_groups.split(), key=len, reverse=True))


_SYLLABLE = re.compile(
    rf"(?:{_INITIALS})?(?:(?:{_longest_first(_CLOSABLE)})(?:{_FINAL})?|(?:{_longest_first(_OPEN)}))"
    rf"|quy(?:{_FINAL})"
)


@lru_cache(maxsize=16384)
def is_syllable(word: str) -> bool:
    """Whether ``word`` (letters only, any case) is a Vietnamese syllable."""
    bare, _ = _split_tone(word)  # two tones leave a toned letter: no match
    return _SYLLABLE.fullmatch(bare.lower()) is not None


# Characters no field holds, and characters no name holds.


class CharacterKind(StrEnum):
    """Why a character is refused; each kind has its word in the messages."""

    CONTROL = "control"
    ZERO_WIDTH = "zero_width"
    BIDI = "bidi"  # a bidirectional mark or embedding
    BOM = "bom"  # the byte order mark, a zero-width no-break space
    SOFT_HYPHEN = "soft_hyphen"
    FORMAT = "format"  # any other invisible formatting character
    EMOJI = "emoji"
    SYMBOL = "symbol"
    PRIVATE_USE = "private_use"
    UNASSIGNED = "unassigned"  # no character of Unicode, or half a surrogate pair
    LOOSE_MARK = "loose_mark"  # a combining mark on no letter it composes with
    NAME_PUNCTUATION = "name_punctuation"  # a mark no name holds

    @property
    def invisible(self) -> bool:
        """Shows as nothing: the clerk cannot see it, and may drop it with one key."""
        return self in _INVISIBLE


_INVISIBLE = {
    CharacterKind.CONTROL,
    CharacterKind.ZERO_WIDTH,
    CharacterKind.BIDI,
    CharacterKind.BOM,
    CharacterKind.SOFT_HYPHEN,
    CharacterKind.FORMAT,
}


@dataclass(frozen=True)
class RefusedCharacter:
    char: str
    kind: CharacterKind

    @property
    def code_point(self) -> str:
        """The character's Unicode name for people: "U+200B"."""
        return f"U+{ord(self.char):04X}"


_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\u180e"}
_BIDI = {chr(c) for c in (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))}
# Emoji are mostly "other symbols" (So); the skin tones are modifiers (Sk)
# and the keycap and flag parts are combining marks and format characters.
_EMOJI_RANGES = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x1F1E6, 0x1F1FF), (0xFE0E, 0xFE0F))
# What a Vietnamese name holds besides letters and spaces: a hyphen
# ("Y-Moan Ênuôl"), an apostrophe ("H'Hen Niê", typed or as Word writes
# it), and a period after an initial that the book abbreviates ("Nguyễn V.
# An"). Digits have a message of their own.
NAME_PUNCTUATION = frozenset("-'’.")


def refused_characters(text: str, *, in_name: bool = False) -> list[RefusedCharacter]:
    """The characters of ``text`` that no field holds (and, for a person's
    name, no name holds), each once, in the order they first appear.

    White space is not among them: ``normalize`` makes any run of it one
    space. Digits in a name are left to the name's own check.
    """
    found: dict[str, RefusedCharacter] = {}
    previous = " "
    for char in text:
        if char not in found:
            kind = _refused_kind(char, previous, in_name)
            if kind is not None:
                found[char] = RefusedCharacter(char, kind)
        previous = char
    return list(found.values())


def without_invisible(text: str) -> str:
    """``text`` without the characters that show as nothing (zero-width,
    bidirectional marks, controls, BOM, soft hyphen): what the clerk sees."""
    return "".join(
        c for c in text if (k := _refused_kind(c, "a", False)) is None or not k.invisible
    )


def _refused_kind(char: str, previous: str, in_name: bool) -> CharacterKind | None:
    if char.isspace():
        return None
    category = unicodedata.category(char)
    code = ord(char)
    if char in _ZERO_WIDTH:
        return CharacterKind.ZERO_WIDTH
    if char in _BIDI:
        return CharacterKind.BIDI
    if char == "\ufeff":
        return CharacterKind.BOM
    if char == "\u00ad":
        return CharacterKind.SOFT_HYPHEN
    if category == "Cc":
        return CharacterKind.CONTROL
    if any(low <= code <= high for low, high in _EMOJI_RANGES) or 0x1F3FB <= code <= 0x1F3FF:
        return CharacterKind.EMOJI
    if category == "Cf":
        return CharacterKind.FORMAT
    if category == "Co":
        return CharacterKind.PRIVATE_USE
    if category in ("Cn", "Cs"):
        return CharacterKind.UNASSIGNED
    if category == "So":
        return CharacterKind.SYMBOL
    if category.startswith("M"):
        # In a name even a mark on a letter is loose: NFC composes every
        # Vietnamese letter, so what is left is a second tone ("á" + "´").
        on_letter = previous.isalpha() or unicodedata.category(previous).startswith("M")
        return CharacterKind.LOOSE_MARK if in_name or not on_letter else None
    if not in_name or char.isalpha() or char.isdigit() or char in NAME_PUNCTUATION:
        return None
    return CharacterKind.NAME_PUNCTUATION
