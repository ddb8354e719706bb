"""Vietnamese written into the legacy encodings, as the old tools write it.

Independent of app.values.legacy_encodings: each encoder has its own table, from
the published layouts (TCVN3 checked against glibc's TCVN5712-1 charmap,
VNI as the VNI-Windows font lays out its bytes, VIQR as RFC 1456 writes
it), and the font bytes are shown as Windows-1252 shows them.
"""

from __future__ import annotations

import unicodedata

# TCVN3 (ABC, ".VnTime"): one byte per Vietnamese letter. The toned
# capitals have none: the ".VnTimeH" fonts draw the small letter's byte as
# a capital, so a capital is written with its small letter's byte.
TCVN3_BYTES = {
    "à": 0xB5, "ả": 0xB6, "ã": 0xB7, "á": 0xB8, "ạ": 0xB9, "ă": 0xA8, "ằ": 0xBB, "ẳ": 0xBC,
    "ẵ": 0xBD, "ắ": 0xBE, "ặ": 0xC6, "â": 0xA9, "ầ": 0xC7, "ẩ": 0xC8, "ẫ": 0xC9, "ấ": 0xCA,
    "ậ": 0xCB, "è": 0xCC, "ẻ": 0xCE, "ẽ": 0xCF, "é": 0xD0, "ẹ": 0xD1, "ê": 0xAA, "ề": 0xD2,
    "ể": 0xD3, "ễ": 0xD4, "ế": 0xD5, "ệ": 0xD6, "ì": 0xD7, "ỉ": 0xD8, "ĩ": 0xDC, "í": 0xDD,
    "ị": 0xDE, "ò": 0xDF, "ỏ": 0xE1, "õ": 0xE2, "ó": 0xE3, "ọ": 0xE4, "ô": 0xAB, "ồ": 0xE5,
    "ổ": 0xE6, "ỗ": 0xE7, "ố": 0xE8, "ộ": 0xE9, "ơ": 0xAC, "ờ": 0xEA, "ở": 0xEB, "ỡ": 0xEC,
    "ớ": 0xED, "ợ": 0xEE, "ù": 0xEF, "ủ": 0xF1, "ũ": 0xF2, "ú": 0xF3, "ụ": 0xF4, "ư": 0xAD,
    "ừ": 0xF5, "ử": 0xF6, "ữ": 0xF7, "ứ": 0xF8, "ự": 0xF9, "ỳ": 0xFA, "ỷ": 0xFB, "ỹ": 0xFC,
    "ý": 0xFD, "ỵ": 0xFE, "đ": 0xAE, "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5,
    "Ư": 0xA6, "Đ": 0xA7,
}  # fmt: skip


def to_tcvn3(text: str) -> str:
    """``text`` as typed with Unikey set to TCVN3 (ABC)."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        code = TCVN3_BYTES.get(char, TCVN3_BYTES.get(char.lower()))
        out.append(code if code is not None else ord(char.encode("ascii")))
    return out.decode("cp1252")


# VNI-Windows: the base letter, then a byte for its shape and tone.
_VNI_TONE = {"\u0301": 0xF9, "\u0300": 0xF8, "\u0309": 0xFB, "\u0303": 0xF5, "\u0323": 0xEF}
_VNI_CIRCUMFLEX = {None: 0xE2, "\u0301": 0xE1, "\u0300": 0xE0, "\u0309": 0xE5, "\u0303": 0xE3,
                   "\u0323": 0xE4}  # fmt: skip
_VNI_BREVE = {None: 0xEA, "\u0301": 0xE9, "\u0300": 0xE8, "\u0309": 0xFA, "\u0303": 0xFC,
              "\u0323": 0xEB}  # fmt: skip
_VNI_I = {None: ord("i"), "\u0301": 0xED, "\u0300": 0xEC, "\u0309": 0xE6, "\u0303": 0xF3,
          "\u0323": 0xF2}  # fmt: skip
_VNI_HORN = {"o": 0xF4, "u": 0xF6}


def to_vni(text: str) -> str:
    """``text`` as typed with Unikey set to VNI Windows."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        upper = char.isupper()
        shift = 0x20 if upper else 0  # VNI's capital bytes are 0x20 below the small ones
        letters = unicodedata.normalize("NFD", char.lower())
        base, marks = letters[0], letters[1:]
        tone = next((m for m in marks if m in _VNI_TONE), None)
        if char.lower() == "đ":
            out.append(0xF1 - shift)
        elif base == "i":
            out.append(_VNI_I[tone] - (shift if tone else 0x20 if upper else 0))
        elif base == "y" and tone == "\u0323":
            out.append(0xEE - shift)
        elif "\u0302" in marks:
            out += bytes([ord(base.upper() if upper else base), _VNI_CIRCUMFLEX[tone] - shift])
        elif "\u0306" in marks:
            out += bytes([ord(base.upper() if upper else base), _VNI_BREVE[tone] - shift])
        elif "\u031b" in marks:
            out.append(_VNI_HORN[base] - shift)
            if tone:
                out.append(_VNI_TONE[tone] - shift)
        else:
            out.append(ord(base.upper() if upper else base))
            if tone:
                out.append(_VNI_TONE[tone] - shift)
    return out.decode("cp1252")


_VIQR_MARKS = {"\u0302": "^", "\u0306": "(", "\u031b": "+", "\u0301": "'", "\u0300": "`",
               "\u0309": "?", "\u0303": "~", "\u0323": "."}  # fmt: skip


def to_viqr(text: str) -> str:
    """``text`` written in VIQR (RFC 1456): shape mark, then tone mark."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        if char in "đĐ":
            out.append("dd" if char == "đ" else "DD")
            continue
        letters = unicodedata.normalize("NFD", char)
        shapes = [m for m in letters[1:] if m in "\u0302\u0306\u031b"]
        tones = [m for m in letters[1:] if m not in shapes]
        out.append(letters[0] + "".join(_VIQR_MARKS[m] for m in shapes + tones))
    return "".join(out)
