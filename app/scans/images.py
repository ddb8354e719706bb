"""Page images as scanners and phones make them, read into what the store keeps.

A JPEG or PNG is kept byte for byte (a phone's JPEG turned upright first);
the frames of a TIFF, and the pages of a PDF drawn at 200 dpi, become a PNG
when they are black and white or grey and a JPEG when they are in colour.
Each page is checked: it must decode, and be neither too small to read a
handwritten register from nor so large it is not a page.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

# A4 at 120 dpi is 992 × 1403: anything smaller across loses the handwriting.
MIN_SHORT_SIDE = 900
# Pillow's own limit against decompression bombs (89 megapixels, an A3 page
# at 600 dpi is 70): larger is no page of a register, and a PDF page drawn
# larger is refused by the same measure.
MAX_PIXELS = Image.MAX_IMAGE_PIXELS or 89_478_485
PDF_DPI = 200
JPEG_QUALITY = 88
SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".pdf"}


class Problem(StrEnum):
    UNREADABLE = "unreadable"
    TOO_SMALL = "too_small"
    TOO_LARGE = "too_large"
    DUPLICATE = "duplicate"
    DUPLICATE_PAGE = "duplicate_page"
    DUPLICATE_ELSEWHERE = "duplicate_elsewhere"
    PAGE_TAKEN = "page_taken"
    NOT_AN_IMAGE = "not_an_image"


MESSAGES = {
    Problem.UNREADABLE: ("không đọc được: tệp hỏng hoặc chưa chép xong", "cannot be read: "
                         "the file is damaged or was not copied whole"),
    Problem.TOO_SMALL: ("độ phân giải quá thấp để đọc chữ viết tay ({detail})",
                        "too low a resolution to read handwriting ({detail})"),
    Problem.TOO_LARGE: ("ảnh quá lớn, không phải một trang sổ ({detail})",
                        "too large to be a page of a register ({detail})"),
    Problem.DUPLICATE: ("trùng với {detail}", "the same image as {detail}"),
    Problem.DUPLICATE_PAGE: ("trùng với trang {page} đã có của sổ này",
                             "the same image as page {page}, already in this book"),
    Problem.DUPLICATE_ELSEWHERE: ("trùng với trang {page} của sổ {detail}",
                                  "the same image as page {page} of book {detail}"),
    Problem.PAGE_TAKEN: ("trang {page} của sổ đã có ảnh quét",
                         "page {page} of the book is scanned already"),
    Problem.NOT_AN_IMAGE: ("không phải ảnh JPEG, PNG, TIFF hay PDF",
                           "not a JPEG, PNG, TIFF or PDF image"),
}  # fmt: skip


@dataclass(frozen=True)
class Refusal:
    source: str
    problem: Problem
    detail: str = ""
    page: int | None = None

    def message(self, language: str) -> str:
        vi, en = MESSAGES[self.problem]
        return (vi if language == "vi" else en).format(detail=self.detail, page=self.page)


@dataclass(frozen=True)
class PageImage:
    """One page, as the store will keep it."""

    source: str
    data: bytes
    media_type: str
    width: int
    height: int


def page_files(paths: Sequence[Path]) -> list[Path]:
    """The image files named, a folder standing for the images in it, in page
    order: by name, with the numbers in names read as numbers (2 before 10)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = [p for p in path.iterdir() if p.is_file() and not p.name.startswith(".")]
            files.extend(sorted((p for p in inside if p.suffix.lower() in SUFFIXES), key=_natural))
        else:
            files.append(path)
    return files


def _natural(path: Path) -> list[tuple[int, int | str]]:
    return [
        (0, int(part)) if part.isdigit() else (1, part.casefold())
        for part in re.split(r"(\d+)", path.name)
        if part
    ]


def read_pages(path: Path) -> Iterator[PageImage | Refusal]:
    """The pages of one file, each ready to keep or refused with a reason."""
    source = path.name
    try:
        head = _head(path) if path.is_file() else b""
    except OSError:
        yield Refusal(source, Problem.UNREADABLE)
        return
    if head.startswith(b"%PDF"):
        yield from _pdf_pages(path)
        return
    if not path.is_file():
        yield Refusal(source, Problem.UNREADABLE)
        return
    yield from _image_pages(path)


def _head(path: Path) -> bytes:
    with open(path, "rb") as file:
        return file.read(8)


def _image_pages(path: Path) -> Iterator[PageImage | Refusal]:
    source = path.name
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
            kind = image.format
            frames = getattr(image, "n_frames", 1)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        yield Refusal(source, Problem.TOO_LARGE, f"> {MAX_PIXELS // 1_000_000} MP")
        return
    except UnidentifiedImageError:
        yield Refusal(source, Problem.NOT_AN_IMAGE)
        return
    except OSError:
        yield Refusal(source, Problem.UNREADABLE)
        return
    with image:
        for frame in range(frames):
            name = f"{source}#{frame + 1}" if frames > 1 else source
            try:
                image.seek(frame)
                size = _size_problem(name, image.width, image.height)
                if size is not None:
                    yield size
                    continue
                image.load()
                yield _kept(name, image, path if kind in ("JPEG", "PNG") and frames == 1 else None)
            except (OSError, SyntaxError, ValueError):
                yield Refusal(name, Problem.UNREADABLE)


def _pdf_pages(path: Path) -> Iterator[PageImage | Refusal]:
    import pypdfium2

    source = path.name
    try:
        document = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError:
        yield Refusal(source, Problem.UNREADABLE)
        return
    try:
        count = len(document)
        for index in range(count):
            name = f"{source}#{index + 1}" if count > 1 else source
            try:
                page = document[index]
                width, height = page.get_size()
                scale = PDF_DPI / 72
                size = _size_problem(name, round(width * scale), round(height * scale))
                if size is not None:
                    yield size
                    continue
                image = page.render(scale=scale).to_pil()
                page.close()
            except pypdfium2.PdfiumError:
                yield Refusal(name, Problem.UNREADABLE)
                continue
            yield _kept(name, image, None)
    finally:
        document.close()


def _size_problem(source: str, width: int, height: int) -> Refusal | None:
    detail = f"{width} × {height}"
    if width * height > MAX_PIXELS:
        return Refusal(source, Problem.TOO_LARGE, detail)
    if min(width, height) < MIN_SHORT_SIDE:
        return Refusal(source, Problem.TOO_SMALL, detail)
    return None


def _kept(source: str, image: Image.Image, original: Path | None) -> PageImage:
    if original is not None and _orientation(image) <= 1:
        media_type = "image/jpeg" if image.format == "JPEG" else "image/png"
        return PageImage(source, original.read_bytes(), media_type, image.width, image.height)
    return encode(source, ImageOps.exif_transpose(image))


def _orientation(image: Image.Image) -> int:
    return int(image.getexif().get(0x0112, 1) or 1)


def encode(source: str, image: Image.Image) -> PageImage:
    """A page drawn anew: PNG for black and white or grey, JPEG for colour."""
    out = io.BytesIO()
    if image.mode in ("I;16", "I"):
        # A 16-bit grey scan brought to 8 bits by scaling: converted as it
        # is, every value over 255 would be clipped to white.
        image = image.convert("I").point(lambda value: value / 256)
    if image.mode in ("1", "L", "LA", "I"):
        image = image.convert("1" if image.mode == "1" else "L")
        image.save(out, "PNG", optimize=False)
        media_type = "image/png"
    else:
        image.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
        media_type = "image/jpeg"
    return PageImage(source, out.getvalue(), media_type, image.width, image.height)
