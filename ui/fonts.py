"""The font the windows are read in: chosen, not left to the system.

A clerk reads Vietnamese all shift long on a 1366×768 laptop. Qt's default
is 9 pt in whatever family the system offers; a font without Vietnamese
letters has them drawn from another, marks and letters out of line. So the
windows use a family known to carry every Vietnamese letter — Segoe UI on
Windows; DejaVu Sans, else Noto Sans, on Linux (DejaVu's lines are the
shorter: the birth form keeps to one screen) — at 10 pt.
"""

from __future__ import annotations

import sys
import unicodedata

from PySide6.QtGui import QFont, QFontDatabase, QRawFont

POINT_SIZE = 10
FAMILIES = {
    "win32": ("Segoe UI",),
    "linux": ("DejaVu Sans", "Noto Sans"),
}


def _vietnamese_letters() -> str:
    """Every letter Vietnamese writes: the vowels with their marks and five
    tones, and đ, in both cases."""
    vowels = "aăâeêioôơuưy"
    tones = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    letters = [unicodedata.normalize("NFC", v + t) for v in vowels for t in tones] + ["đ"]
    return "".join(letters) + "".join(letters).upper()


VIETNAMESE_LETTERS = _vietnamese_letters()


def writes_vietnamese(font: QFont) -> bool:
    """Whether ``font``'s own family draws every Vietnamese letter."""
    raw = QRawFont.fromFont(font)
    # By code point: given a one-letter str, PySide says no to every accented one.
    return raw.isValid() and all(raw.supportsCharacter(ord(c)) for c in VIETNAMESE_LETTERS)


def reading_font(default: QFont, platform: str = sys.platform) -> QFont:
    """The windows' font: the first family of ``platform``'s list that is
    installed and writes Vietnamese, else ``default``'s, at 10 pt."""
    installed = set(QFontDatabase.families())
    font = QFont(default)
    for family in FAMILIES.get(platform, ()):
        candidate = QFont(family)
        if family in installed and writes_vietnamese(candidate):
            font = candidate
            break
    font.setPointSize(POINT_SIZE)
    return font
