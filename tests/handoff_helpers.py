"""Scanned books for the hand-off's tests: page images as a scanner makes
them, imported into a station's book, and entries keyed on those pages."""

from __future__ import annotations

import io
import random
from functools import cache
from pathlib import Path

from entries_factory import valid_entry
from PIL import Image, ImageDraw, ImageFilter
from sqlalchemy import select
from work_helpers import add_book, add_user

from app.db.models import Book, DeferralReason, Entry, Role, User
from app.keying.save import SaveAction, save_entry
from app.quality.draw import set_share
from app.scans.importing import prepare, record
from app.scans.store import ScanStore
from app.specs import BookKind
from app.system.clock import SystemClock
from app.system.paths import scans_dir

A4_AT = {150: (1240, 1754), 200: (1654, 2339), 300: (2480, 3508)}
CHILDREN = ["Lê Văn An", "Phạm Thị Bình", "Đỗ Minh Cường", "Vũ Hồng Diệp", "Hà Văn Hải"]


def register_page(
    dpi: int = 200, seed: int = 1, grain: float = 0.05, written: float = 1.0
) -> Image.Image:
    """An A4 register page scanned at ``dpi``: yellowed paper, ruled lines,
    handwriting in blue ink on the ``written`` share of them, the scanner's grain."""
    width, height = A4_AT[dpi]
    scale = dpi / 200
    chance = random.Random(seed)
    page = Image.new("RGB", (width, height), (236, 226, 200))
    draw = ImageDraw.Draw(page)
    step = round(60 * scale)
    for y in range(round(150 * scale), height - round(100 * scale), step):
        draw.line([(round(80 * scale), y), (width - round(80 * scale), y)], (150, 160, 190), 2)
        x = round(100 * scale)
        while y < height * written and x < width - round(200 * scale):
            word = round(chance.randint(20, 120) * scale)
            strokes = [
                (x + i * round(6 * scale), y - round((10 + chance.randint(0, 25)) * scale))
                for i in range(max(2, word // max(1, round(6 * scale))))
            ]
            draw.line(strokes, (30, 40, 110), max(2, round(3 * scale)))
            x += word + round(chance.randint(15, 40) * scale)
    noise = Image.effect_noise((width, height), 12).convert("L")
    page = Image.blend(page, Image.merge("RGB", (noise, noise, noise)), grain)
    return page.filter(ImageFilter.GaussianBlur(0.6 * scale))


def jpeg_bytes(image: Image.Image, quality: int = 85) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()


def png_bytes(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def write_pages(folder: Path, pages: list[bytes], suffixes: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, (data, suffix) in enumerate(zip(pages, suffixes, strict=True), start=1):
        path = folder / f"page{number}{suffix}"
        path.write_bytes(data)
        paths.append(path)
    return paths


@cache  # the same four pages for every test: drawing them takes seconds
def scanned_pages() -> tuple[list[bytes], list[str]]:
    """Four pages: colour JPEGs at 200 and 300 dpi, a grey PNG, a colour JPEG."""
    return (
        [
            jpeg_bytes(register_page(200, seed=1), 90),
            jpeg_bytes(register_page(300, seed=2), 85),
            png_bytes(register_page(200, seed=3).convert("L")),
            jpeg_bytes(register_page(200, seed=4), 88),
        ],
        [".jpg", ".jpg", ".png", ".jpg"],
    )


def lead_of(session) -> User:
    lead = session.scalars(select(User).where(User.username == "lead")).first()
    return lead or add_user(session, "lead", Role.LEAD)


def import_scans(station, clock, book_id: int, paths: list[Path]) -> None:
    store = ScanStore(scans_dir(station.data_dir))
    prepared = prepare(store, paths)
    assert not prepared.refused, prepared.refused
    with station.sessions.begin() as session:
        report = record(session, clock, lead_of(session), book_id, prepared)
    assert not report.refused, report.refused


def key_on_pages(
    station, clock, book_id: int, pages: list[int], action: SaveAction = SaveAction.COMPLETE
) -> list[str]:
    """An entry on each of ``pages``, numbered after the book's last; their UUIDs."""
    uuids = []
    with station.sessions.begin() as session:
        clerk = session.scalars(select(User).where(User.username == "an")).first()
        clerk = clerk or add_user(session, "an")
        book = session.get(Book, book_id)
        last = max((e.number or 0 for e in book.entries), default=0)
        for offset, page in enumerate(pages, start=1):
            number = last + offset
            outcome = save_entry(
                session, book=book, user=clerk, action=action, clock=clock,
                values=valid_entry(
                    "birth", number=str(number), page=str(page),
                    child_name=CHILDREN[(number - 1) % len(CHILDREN)],
                ),
                deferral_reason=DeferralReason.ILLEGIBLE if action is SaveAction.DEFER else None,
            )  # fmt: skip
            assert outcome.saved, outcome.assessment.errors
            uuids.append(outcome.entry.uuid)
    return uuids


def new_book(
    station,
    kind: BookKind = BookKind.BIRTH,
    volume: str = "01",
    year: int = 2010,
    share: float = 0.0,
) -> int:
    """A book of the station; ``share`` of its completions drawn for a second
    keying (none unless a test asks: the draw is by UUID, new each run)."""
    with station.sessions.begin() as session:
        set_share(session, lead_of(session), share, clock=SystemClock())
        return add_book(session, kind, volume=volume, year=year).id


def set_region(station, uuid: str, region: list[float]) -> None:
    with station.sessions.begin() as session:
        entry = session.scalars(select(Entry).where(Entry.uuid == uuid)).one()
        entry.page_region = region
