"""Vietnamese typed in a legacy encoding, detected and converted to Unicode.

Office PCs still have Unikey set to TCVN3 or VNI, and old spreadsheets were
typed in the ABC (".VnTime") or VNI fonts. Such text reaches us as the
Windows-1252 characters of the font's bytes ("NguyÔn V¨n §øc",
"Nguyeãn Vaên Ñöùc"), or as VIQR, Vietnamese written in plain ASCII
("Nguye^~n Va(n DDu+'c"). Each is detected only where its reading is the
only sensible one, and converted back to the text the clerk meant.

Tables, written out from the published layouts:

- TCVN3 (ABC): the VN3 subset of TCVN 5712:1993 that the ABC fonts use
  (lower-case toned letters at 0xB5-0xFE, the seven capitals Ă Â Ê Ô Ơ Ư Đ
  and ă â ê ô ơ ư đ at 0xA1-0xAE), checked against glibc's TCVN5712-1
  charmap. Toned capitals have no code in VN3: the ".VnTimeH" fonts draw
  the lower-case codes as capitals, so a word's case is read from its other
  letters.
- VNI-Windows: the VNI font layout (VNI Software Co.), as Unikey and
  xvnkb's vni.h list it: a base letter followed by one byte for the shape
  (circumflex, breve) and/or the tone, or a byte of its own for ơ ư đ and
  the toned i, ỵ.
- VIQR: RFC 1456 (Viet-Std, 1993): ^ ( + for circumflex, breve, horn;
  ' ` ? ~ . for the tones; DD/dd for Đ/đ; a backslash keeps a mark literal.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from app.values.text import is_syllable, normalize

_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"
_CIRCUMFLEX, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"


class LegacyEncoding(StrEnum):
    TCVN3 = "TCVN3"
    VNI = "VNI"
    VIQR = "VIQR"


@dataclass(frozen=True)
class Conversion:
    """Text read in a legacy encoding, and the Unicode text it stands for."""

    encoding: LegacyEncoding
    converted: str


# TCVN3: per base letter, the codes of (no tone, grave, hook, tilde, acute, dot).
_TCVN3_ROWS: dict[str, tuple[int | None, int, int, int, int, int]] = {
    "a": (None, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (None, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (None, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (None, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (None, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (None, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
_TONE_ORDER = ("", _GRAVE, _HOOK, _TILDE, _ACUTE, _DOT)
_TCVN3: dict[str, str] = {
    chr(code): unicodedata.normalize("NFC", base + tone)
    for base, codes in _TCVN3_ROWS.items()
    for code, tone in zip(codes, _TONE_ORDER, strict=True)
    if code is not None
}
_TCVN3 |= {chr(0xA1 + i): c for i, c in enumerate("ĂÂÊÔƠƯĐ")} | {chr(0xAE): "đ"}

# VNI: shape bytes (after a, e, o), shape-and-tone bytes, tone bytes.
_VNI_SHAPES = {"â": _CIRCUMFLEX, "ê": _BREVE}
_VNI_SHAPE_TONES = {
    "á": _CIRCUMFLEX + _ACUTE, "à": _CIRCUMFLEX + _GRAVE, "å": _CIRCUMFLEX + _HOOK,
    "ã": _CIRCUMFLEX + _TILDE, "ä": _CIRCUMFLEX + _DOT,
    "é": _BREVE + _ACUTE, "è": _BREVE + _GRAVE, "ú": _BREVE + _HOOK,
    "ü": _BREVE + _TILDE, "ë": _BREVE + _DOT,
}  # fmt: skip
_VNI_TONES = {"ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
# Letters with a byte of their own: ơ, ư, đ, the toned i and ỵ.
_VNI_LETTERS = {
    "ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
}  # fmt: skip
# Which base letters take which shape: a circumflex on a, e, o; a breve on a.
_SHAPE_BASES = {_CIRCUMFLEX: "aeo", _BREVE: "a", _HORN: "ou"}

_VIQR_SHAPES = {"^": _CIRCUMFLEX, "(": _BREVE, "+": _HORN}
_VIQR_TONES = {"'": _ACUTE, "`": _GRAVE, "?": _HOOK, "~": _TILDE, ".": _DOT}
_VOWELS = "aeiouy"


def _both_cases(table: dict[str, str]) -> dict[str, str]:
    return table | {k.upper(): v.upper() for k, v in table.items()}


_VNI_SHAPES_ANY = _both_cases(_VNI_SHAPES)
_VNI_SHAPE_TONES_ANY = _both_cases(_VNI_SHAPE_TONES)
_VNI_TONES_ANY = _both_cases(_VNI_TONES)
_VNI_LETTERS_ANY = _both_cases(_VNI_LETTERS)


def decode_tcvn3(text: str) -> str:
    """``text`` read as TCVN3 (ABC) font codes shown as Windows-1252."""
    decoded = "".join(_TCVN3.get(c, c) for c in text)
    return _recase(text, decoded, set(_TCVN3))


def decode_vni(text: str) -> str:
    """``text`` read as VNI-Windows font codes shown as Windows-1252."""
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        letter = _VNI_LETTERS_ANY.get(char)
        base = letter if letter in ("ơ", "ư", "Ơ", "Ư") else char
        if letter is not None and base is char:
            out.append(letter)  # đ, or an i or y with its tone
            i += 1
            continue
        if base.lower() not in _VOWELS + "ơư":
            out.append(char)
            i += 1
            continue
        marks = ""
        after = text[i + 1 : i + 2]
        shape = _VNI_SHAPES_ANY.get(after) or _VNI_SHAPE_TONES_ANY.get(after)
        if shape and base.lower() in _SHAPE_BASES[shape[0]]:
            marks, i = shape, i + 1
        after = text[i + 1 : i + 2]
        if len(marks) < 2 and after in _VNI_TONES_ANY:
            marks, i = marks + _VNI_TONES_ANY[after], i + 1
        out.append(unicodedata.normalize("NFC", base + marks))
        i += 1
    return "".join(out)


def decode_viqr(text: str) -> str:
    """``text`` read as VIQR (RFC 1456)."""
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            out.append(text[i + 1])  # an escaped mark is the mark itself
            i += 2
            continue
        at_word_start = i == 0 or not text[i - 1].isalpha()
        if at_word_start and text[i : i + 2].lower() == "dd":
            out.append("Đ" if char == "D" else "đ")
            i += 2
            continue
        if char.lower() not in _VOWELS:
            out.append(char)
            i += 1
            continue
        marks = ""
        shape = _VIQR_SHAPES.get(text[i + 1 : i + 2])
        if shape and char.lower() in _SHAPE_BASES[shape]:
            marks, i = shape, i + 1
        tone = _VIQR_TONES.get(text[i + 1 : i + 2])
        if tone:
            marks, i = marks + tone, i + 1
        out.append(unicodedata.normalize("NFC", char + marks))
        i += 1
    return "".join(out)


_WORD = re.compile(r"\S+")
# VIQR marks where nothing but VIQR explains them: a shape mark after a
# vowel, a tone mark after a vowel and before a letter, or an acute, grave
# or tilde after a vowel ("Nguye^~n", "Va(n", "Ho.a", "Ly'"). A period or
# question mark after a vowel at the end of a word ("Thi.") is read as VIQR
# only once one of these is found: sentences end that way too.
_VIQR_EVIDENCE = re.compile(
    r"[aeo][\^(]|[ou]\+|[aeiouy][\^(+]?['`?~.][a-z]|[aeiouy]['`~]", re.IGNORECASE
)

# VNI first: where both readings make syllables of as many words, VNI's
# pairs of a vowel and its mark byte are the likelier ("Leâ" is "Lê" in
# VNI, and would be "Leõ" in TCVN3).
_DECODERS: tuple[tuple[LegacyEncoding, Callable[[str], str]], ...] = (
    (LegacyEncoding.VNI, decode_vni),
    (LegacyEncoding.TCVN3, decode_tcvn3),
    (LegacyEncoding.VIQR, decode_viqr),
)


def detect(text: str) -> Conversion | None:
    """The legacy encoding ``text`` was typed in, with the text converted.

    None when the text reads as Unicode Vietnamese, or as plain ASCII: an
    encoding is named only when some word of the text is no Vietnamese
    syllable as it stands, every word the conversion changes is one after
    it, and (for VIQR) a mark stands where only VIQR puts one.
    """
    if text.isascii() and not _VIQR_EVIDENCE.search(text):
        return None
    best: tuple[int, Conversion] | None = None
    for encoding, decode in _DECODERS:
        if encoding is LegacyEncoding.VIQR and not (text.isascii() and _VIQR_EVIDENCE.search(text)):
            continue
        repaired = _repaired_words(text, decode)
        if repaired and (best is None or repaired > best[0]):
            best = (repaired, Conversion(encoding, normalize(decode(text))))
    return best[1] if best else None


def _repaired_words(text: str, decode: Callable[[str], str]) -> int:
    """How many words ``decode`` turns from gibberish into syllables (0: it
    breaks a word, or repairs none)."""
    repaired = 0
    for word in _WORD.findall(text):
        decoded = decode(word)
        if decoded == word:
            continue
        if not _syllables(decoded):
            return 0
        if not _syllables(word):
            repaired += 1
    return repaired


def _syllables(word: str) -> bool:
    """Whether a word, without the punctuation around it, is syllables
    joined by hyphens or apostrophes ("Lập,", "Y-Moan", "H'Hen")."""
    core = word.strip(',;:!?.()"“”')
    return all(is_syllable(part) for part in re.split(r"[-'’/]", core))


def _recase(original: str, decoded: str, coded: set[str]) -> str:
    """Give decoded letters the case of their word: the ABC capital fonts
    draw the lower-case codes as capitals ("NGUYÔN" is "NGUYỄN"), and a
    name's word starts with a capital ("¸nh" in a name is "Ánh")."""
    out = list(decoded)
    words = list(_WORD.finditer(original))
    # A word's first letter tells its case when it is no code, or a code of
    # one of the seven capitals ("§" is "Đ" in every font).
    titled = [
        decoded[m.start()].isupper()
        for m in words
        if original[m.start()] not in coded or decoded[m.start()].isupper()
    ]
    names_are_titled = bool(titled) and all(titled)
    # All capitals only if letters after a word's first are: "Lª Mü Vò" is
    # a titled name ("Lê Mỹ Vũ"), not "LÊ MỸ VŨ".
    after_first = [
        decoded[at]
        for m in words
        for at in range(m.start() + 1, m.end())
        if original[at] not in coded or decoded[at].isupper()
    ]
    all_capitals = _capitals(after_first, least=1)
    for match in words:
        word = match.group(0)
        capitals = all_capitals or _capitals([c for c in word if c not in coded])
        for at in range(match.start(), match.end()):
            if original[at] not in coded:
                continue
            if capitals or (at == match.start() and names_are_titled):
                out[at] = out[at].upper()
    return "".join(out)


def _capitals(chars: list[str], least: int = 2) -> bool:
    """``least`` letters or more, all capitals (one capital alone is only a
    word's first)."""
    letters = [c for c in chars if c.isalpha()]
    return len(letters) >= least and all(c.isupper() for c in letters)


# Mixed scripts: a Cyrillic or Greek letter that looks Latin, inside Latin
# text (a keyboard layout left on Russian, a name pasted from elsewhere).
# Only letters drawn the same as a Latin one are listed: the conversion
# gives what the clerk sees.
_LOOKALIKES = {
    # Cyrillic
    "а": "a", "е": "e", "к": "k", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
    "ј": "j", "ѕ": "s", "ԁ": "d", "ӏ": "l", "ԛ": "q",
    "ԝ": "w", "һ": "h", "ү": "y",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "Ү": "Y",
    # Greek
    "ο": "o", "ν": "v", "ι": "i", "κ": "k", "ρ": "p", "υ": "u", "χ": "x", "α": "a",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}  # fmt: skip


@dataclass(frozen=True)
class MixedScripts:
    """Latin text with letters of another script among its letters.

    ``script`` is "Cyrillic" or "Greek"; ``char`` its first letter in the
    text; ``converted`` the text with each such letter made Latin, or None
    when one of them looks like no Latin letter.
    """

    script: str
    char: str
    converted: str | None


def mixed_scripts(text: str) -> MixedScripts | None:
    """Whether Cyrillic or Greek letters hide in Latin text, and the text in Latin."""
    foreign = [c for c in unicodedata.normalize("NFD", text) if _script(c) in ("CYRILLIC", "GREEK")]
    if not foreign or not any(_script(c) == "LATIN" for c in text):
        return None
    script = _script(foreign[0]).title()
    if any(c not in _LOOKALIKES for c in foreign):
        unmatched = next(c for c in foreign if c not in _LOOKALIKES)
        return MixedScripts(_script(unmatched).title(), unmatched, None)
    latin = "".join(_LOOKALIKES.get(c, c) for c in unicodedata.normalize("NFD", text))
    return MixedScripts(script, foreign[0], normalize(latin))


def _script(char: str) -> str:
    if not char.isalpha():
        return ""
    return unicodedata.name(char, "").split(" ", 1)[0]
