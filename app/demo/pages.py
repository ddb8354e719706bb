"""Pages of a register as a scanner gives them, for the demo's scanned books.

A page is yellowed paper, grainy and darker at its edges, with the book's
printed table and each entry written by hand on its row in blue ink, as a
JPEG of an A4 page scanned at 150 dpi. The rows are bands of a fixed height,
so an entry's region on its page is known without reading the image
(:func:`row_region`). The paper and the printed table are drawn once per
book: a page costs only its handwriting and its JPEG.

The hand is an italic font that writes every Vietnamese letter (DejaVu on
Linux, Times New Roman on Windows and macOS), each line a little tilted and
off its line, as a clerk's pen leaves it.
"""

from __future__ import annotations

import io
import random
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont
from sqlalchemy.orm import Session

from app.db.models import Book, User
from app.scans.importing import prepare, record
from app.scans.store import ScanStore
from app.specs import BookKind, FieldType, SourceStatus, spec_for
from app.system.clock import Clock

WIDTH, HEIGHT = 1240, 1754  # A4 at 150 dpi
JPEG_QUALITY = 80
ENTRIES_PER_PAGE = 4
MARGIN = 70
HEADER_TOP, HEADER_HEIGHT = 215, 80
ROWS_TOP = HEADER_TOP + HEADER_HEIGHT
ROW_HEIGHT = (HEIGHT - 70 - ROWS_TOP) // ENTRIES_PER_PAGE
TABLE_WIDTH = WIDTH - 2 * MARGIN
LINE = 34  # a handwritten line's height

PAPER = (238, 229, 203)  # the middle of a page
PAPER_EDGE = (205, 188, 146)  # its yellowed edges
PRINT = (46, 42, 40)  # the printer's ink, a worn black
INK = (28, 40, 118)  # a ballpoint's blue

PRINTED_FONTS = ("DejaVuSerif.ttf", "times.ttf", "Times New Roman.ttf")
TITLE_FONTS = ("DejaVuSerif-Bold.ttf", "timesbd.ttf", "Times New Roman Bold.ttf")
HAND_FONTS = (
    "DejaVuSerifCondensed-Italic.ttf",
    "DejaVuSerif-Italic.ttf",
    "timesi.ttf",
    "Times New Roman Italic.ttf",
)

Stored = Mapping[str, Mapping[str, str]]  # an entry's values as stored: {"v": …, "s": …}


@dataclass(frozen=True)
class Column:
    header: str
    width: int  # pixels; the columns of a kind fill the table's width
    fields: tuple[str, ...]  # each value on a line of its own


LAYOUTS: dict[BookKind, tuple[Column, ...]] = {
    BookKind.BIRTH: (
        Column("Số", 50, ("number",)),
        Column("Ngày đăng ký", 135, ("registration_date",)),
        Column("Họ và tên", 165, ("child_name", "child_sex", "child_ethnicity")),
        Column("Ngày sinh", 135, ("child_birth_date",)),
        Column("Nơi sinh", 170, ("child_birth_place",)),
        Column("Cha", 160, ("father_name", "father_birth_date", "father_ethnicity")),
        Column("Mẹ", 160, ("mother_name", "mother_birth_date", "mother_ethnicity")),
        Column("Người đi khai", 125, ("declarant_name", "declarant_relationship")),
    ),
    BookKind.MARRIAGE: (
        Column("Số", 50, ("number",)),
        Column("Ngày đăng ký", 135, ("registration_date",)),
        Column("Họ và tên chồng", 185, ("husband_name", "husband_birth_date", "husband_ethnicity")),
        Column("Nơi cư trú", 170, ("husband_residence",)),
        Column("Họ và tên vợ", 185, ("wife_name", "wife_birth_date", "wife_ethnicity")),
        Column("Nơi cư trú", 170, ("wife_residence",)),
        Column("Giấy tờ tùy thân", 205, ("husband_id_number", "wife_id_number")),
    ),
    BookKind.DEATH: (
        Column("Số", 50, ("number",)),
        Column("Ngày đăng ký", 135, ("registration_date",)),
        Column("Họ và tên", 180, ("deceased_name", "deceased_sex", "deceased_birth_date")),
        Column("Nơi cư trú", 170, ("deceased_residence",)),
        Column("Ngày chết", 135, ("death_date", "death_time")),
        Column("Nơi chết", 170, ("death_place",)),
        Column("Nguyên nhân", 130, ("death_cause",)),
        Column("Người đi khai", 130, ("declarant_name", "declarant_relationship")),
    ),
    BookKind.ADOPTION: (
        Column("Số", 50, ("number",)),
        Column("Ngày đăng ký", 135, ("registration_date",)),
        Column("Người được nhận nuôi", 190, ("child_name", "child_sex", "child_birth_date")),
        Column("Cha nuôi", 170, ("adoptive_father_name", "adoptive_father_birth_date")),
        Column("Mẹ nuôi", 170, ("adoptive_mother_name", "adoptive_mother_birth_date")),
        Column("Bên giao", 200, ("giver_name", "giver_relationship")),
        Column("Quyết định", 185, ("decision_number", "decision_date")),
    ),
}


def row_region(row: int) -> list[float]:
    """Where the ``row``-th entry of a page is written (from 0): its band
    across the table, as fractions [left, top, width, height] of the page."""
    top = ROWS_TOP + row * ROW_HEIGHT
    return [
        round(MARGIN / WIDTH, 4),
        round(top / HEIGHT, 4),
        round(TABLE_WIDTH / WIDTH, 4),
        round(ROW_HEIGHT / HEIGHT, 4),
    ]


class RegisterPages:
    """The pages of one book: its printed form drawn once, then each page
    written on a copy of it."""

    def __init__(self, kind: BookKind, heading: str, seed: int) -> None:
        self.spec = spec_for(kind)
        self.columns = LAYOUTS[kind]
        self.rng = random.Random(seed)
        self._form = _printed_form(self.spec.label.vi.upper(), heading, self.columns)

    def page(self, number: int, entries: Sequence[Stored]) -> bytes:
        """Page ``number`` with ``entries`` (at most :data:`ENTRIES_PER_PAGE`)
        written on its rows, as a JPEG."""
        return self.scanned(self.written(entries), number)

    def written(self, entries: Sequence[Stored]) -> Image.Image:
        """A page with ``entries`` written on its rows, not yet numbered."""
        if len(entries) > ENTRIES_PER_PAGE:
            raise ValueError(f"a page holds {ENTRIES_PER_PAGE} entries, not {len(entries)}")
        image = self._form.copy()
        for row, values in enumerate(entries):
            self._write_row(image, row, values)
        return image

    def scanned(self, written: Image.Image, number: int) -> bytes:
        """The JPEG a scanner makes of ``written`` numbered ``number``."""
        image = written.copy()
        draw = ImageDraw.Draw(image)
        label = f"Trang {number}"
        font = _font(PRINTED_FONTS, 24)
        draw.text(((WIDTH - draw.textlength(label, font=font)) / 2, 40), label, PRINT, font)
        out = io.BytesIO()
        image.save(out, "JPEG", quality=JPEG_QUALITY)
        return out.getvalue()

    def _write_row(self, image: Image.Image, row: int, values: Stored) -> None:
        rng = self.rng
        hand = _font(HAND_FONTS, rng.choice((25, 26, 27)))
        ink = tuple(max(0, c + rng.randrange(-12, 13)) for c in INK)
        left, top = MARGIN, ROWS_TOP + row * ROW_HEIGHT
        for column in self.columns:
            y = top + 12 + rng.randrange(0, 8)
            for key in column.fields:
                value = values.get(key, {})
                status = value.get("s", SourceStatus.CLEAR.value)
                if status == SourceStatus.ILLEGIBLE.value:
                    _scribble(image, (left + 8, y, left + column.width - 8, y + 32), ink, rng)
                    y += LINE + 6
                    continue
                text = self._shown(key, value.get("v", ""))
                faded = 0.45 if status == SourceStatus.UNCERTAIN.value else 0.92
                for line in _wrapped(text, hand, column.width - 16):
                    if y + LINE > top + ROW_HEIGHT:
                        break
                    at = (left + 6 + rng.randrange(0, 6), y)
                    _handwrite(image, at, line, hand, ink, faded, column.width - 12, rng)
                    y += LINE + rng.randrange(0, 5)
            left += column.width

    def _shown(self, key: str, value: str) -> str:
        """A value as a clerk of the time wrote it: dates day first, choices
        by their name."""
        field = self.spec.field(key)
        if field.type in (FieldType.DATE, FieldType.PARTIAL_DATE):
            return "/".join(reversed(value.split("-")))
        if field.type is FieldType.CHOICE and (choice := field.choice(value)) is not None:
            return choice.label.vi
        return value


def _handwrite(
    image: Image.Image,
    at: tuple[int, int],
    line: str,
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
    ink: tuple[int, ...],
    strength: float,
    room: int,
    rng: random.Random,
) -> None:
    """One line in ink, tilted a little, its strokes not quite opaque;
    written narrower where it would not fit in ``room``, as a hand does."""
    width = int(font.getlength(line)) + 12
    mask = Image.new("L", (width, LINE + 12))
    ImageDraw.Draw(mask).text((6, 4), line, fill=round(255 * strength), font=font)
    if width > room:
        mask = mask.resize((room, mask.height), Image.Resampling.BILINEAR)
    mask = mask.rotate(rng.uniform(-1.4, 1.4), Image.Resampling.BILINEAR, expand=True)
    image.paste(ink, (at[0], at[1] + rng.randrange(-2, 3)), mask)


def _scribble(
    image: Image.Image, box: tuple[int, int, int, int], ink: tuple[int, ...], rng: random.Random
) -> None:
    """A word crossed out and written over until no one can read it."""
    draw = ImageDraw.Draw(image)
    left, top, right, bottom = box
    points = [
        (rng.randrange(left, right), rng.randrange(top, bottom))
        for _ in range(rng.randrange(9, 15))
    ]
    draw.line(points, fill=ink, width=3, joint="curve")


def _wrapped(
    text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: int
) -> list[str]:
    """``text`` in lines no wider than ``width``, broken between words."""
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


@cache
def _font(names: tuple[str, ...], size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """The first of ``names`` the system has; Pillow's own font otherwise,
    which writes the letters without their Vietnamese marks."""
    for name in names:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


@cache
def _paper() -> Image.Image:
    """A page's paper: yellowed towards its edges, with the grain of a scan."""
    edges = Image.radial_gradient("L").resize((WIDTH, HEIGHT), Image.Resampling.BILINEAR)
    edges = edges.point(lambda v: max(0, min(255, (v - 90) * 2)))
    paper = Image.composite(
        Image.new("RGB", (WIDTH, HEIGHT), PAPER_EDGE), Image.new("RGB", (WIDTH, HEIGHT), PAPER),
        edges,
    )  # fmt: skip
    grain = Image.effect_noise((WIDTH, HEIGHT), 6)
    return ImageChops.add(paper, Image.merge("RGB", (grain, grain, grain)), 1.0, -128)


def _printed_form(title: str, heading: str, columns: Sequence[Column]) -> Image.Image:
    """The paper with the register's printing: its title, the book's line,
    the table's headers and rules."""
    image = _paper().copy()
    draw = ImageDraw.Draw(image)
    big, small, header = _font(TITLE_FONTS, 34), _font(PRINTED_FONTS, 22), _font(TITLE_FONTS, 19)
    draw.text(((WIDTH - draw.textlength(title, font=big)) / 2, 95), title, PRINT, big)
    draw.text(((WIDTH - draw.textlength(heading, font=small)) / 2, 150), heading, PRINT, small)
    bottom = ROWS_TOP + ENTRIES_PER_PAGE * ROW_HEIGHT
    draw.rectangle((MARGIN, HEADER_TOP, MARGIN + TABLE_WIDTH, bottom), outline=PRINT, width=3)
    left = MARGIN
    for column in columns:
        lines = _wrapped(column.header, header, column.width - 10)
        y = HEADER_TOP + (HEADER_HEIGHT - 24 * len(lines)) / 2
        for line in lines:
            x = left + (column.width - draw.textlength(line, font=header)) / 2
            draw.text((x, y), line, PRINT, header)
            y += 24
        left += column.width
        if left < MARGIN + TABLE_WIDTH:
            draw.line((left, HEADER_TOP, left, bottom), PRINT, 2)
    for row in range(ENTRIES_PER_PAGE):
        y = ROWS_TOP + row * ROW_HEIGHT
        draw.line((MARGIN, y, MARGIN + TABLE_WIDTH, y), PRINT, 3 if row == 0 else 2)
    return image


def scan_book(
    session: Session,
    clock: Clock,
    lead: User,
    book: Book,
    entries: Sequence[Stored],
    store: ScanStore,
) -> int:
    """Write ``entries`` (the whole book, in order) on its pages and import
    them as the lead does; how many pages the book now has."""
    pages = RegisterPages(BookKind(book.kind), heading(book), seed=book.id)
    with tempfile.TemporaryDirectory(prefix="sohoa-demo-pages-") as folder:
        for first in range(0, len(entries), ENTRIES_PER_PAGE):
            number = first // ENTRIES_PER_PAGE + 1
            data = pages.page(number, entries[first : first + ENTRIES_PER_PAGE])
            (Path(folder) / f"{number:04d}.jpg").write_bytes(data)
        prepared = prepare(store, [Path(folder)])
    report = record(session, clock, lead, book.id, prepared)
    if report.refused:
        raise RuntimeError(f"a demo page was refused: {report.refused[0].message('en')}")
    return report.pages


def heading(book: Book) -> str:
    """The line under a register's title: its year, volume and office."""
    return f"Năm {book.year} · Quyển số {book.volume} · {book.office}"
