"""An entry's page, or its region of the page, as the colour PDF the Ministry asks for.

The guidance asks for colour, about 100 kB for an A4 page. A page is laid
on A4 (upright or across, as the page is): a JPEG scan that already weighs
about that, with no region to cut, goes into the PDF byte for byte (img2pdf
wraps it, no second loss of quality). Any other page is cut to its region,
brought down to 150 dpi at that A4 scale, made colour (a grey or black and
white scan too: the Ministry asks for colour) and encoded as a JPEG at the
best of a few qualities that lands near the target, which shrinks with the
share of A4 a region covers. The same page and region always give the same
bytes: no date is written into the PDF.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import img2pdf
from PIL import Image

# A4 in PDF points (1/72 inch): 210 × 297 mm.
A4 = (img2pdf.mm_to_pt(210), img2pdf.mm_to_pt(297))
TARGET_BYTES = 100_000  # for a whole A4 page
# A JPEG page up to this is wrapped as it is; above it, it is encoded again.
WRAP_AT_MOST = 150_000
# The encodings tried, best first: handwriting stays legible at 150 dpi;
# lower ones are taken only when a page would not come near the target
# otherwise (a dense or noisy page). Each is smaller than the one before.
LADDER = (
    (150, 80), (150, 70), (150, 60), (150, 50), (150, 40),
    (120, 60), (120, 50), (120, 40), (100, 50), (100, 40), (100, 30),
)  # fmt: skip
TOLERANCE = 1.15  # "about 100 kB": up to 115 kB
SMALLEST_TARGET = 15_000  # a region's target is its share of A4's, down to this
WHOLE_PAGE = (0.0, 0.0, 1.0, 1.0)


class PageUnreadable(ValueError):
    """A stored page Pillow cannot decode: the message says which."""


@dataclass(frozen=True)
class EntryPdf:
    data: bytes
    wrapped: bool  # the scan's own JPEG, not encoded again


def entry_pdf(data: bytes, media_type: str, region: Sequence[float] | None = None) -> EntryPdf:
    """The PDF of one entry: the page ``data`` (JPEG or PNG, upright), or
    its ``region`` ([left, top, width, height], fractions of the page)."""
    box = _region(region)
    try:
        with warnings.catch_warnings():
            # Pages this large were let in by the import's own limit.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            return _pdf(image, data, media_type, box)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as e:
        raise PageUnreadable(f"the page image cannot be decoded: {e}") from e


def _region(region: Sequence[float] | None) -> tuple[float, float, float, float]:
    if region is None or len(region) != 4:
        return WHOLE_PAGE
    left, top, width, height = (float(v) for v in region)
    left, top = min(max(left, 0.0), 1.0), min(max(top, 0.0), 1.0)
    width, height = min(max(width, 0.0), 1.0 - left), min(max(height, 0.0), 1.0 - top)
    if width <= 0 or height <= 0:
        return WHOLE_PAGE
    return left, top, width, height


def _pdf(
    image: Image.Image, data: bytes, media_type: str, box: tuple[float, float, float, float]
) -> EntryPdf:
    width, height = image.size
    sheet = A4 if height >= width else (A4[1], A4[0])
    points_per_pixel = min(sheet[0] / width, sheet[1] / height)
    if (
        box == WHOLE_PAGE
        and media_type == "image/jpeg"
        and image.mode == "RGB"
        and len(data) <= WRAP_AT_MOST
    ):
        return EntryPdf(_wrap(data, sheet), wrapped=True)
    left, top, right, bottom = (
        round(box[0] * width),
        round(box[1] * height),
        max(round((box[0] + box[2]) * width), round(box[0] * width) + 1),
        max(round((box[1] + box[3]) * height), round(box[1] * height) + 1),
    )
    # The region's size on the A4 sheet the whole page is laid on.
    size_pt = ((right - left) * points_per_pixel, (bottom - top) * points_per_pixel)
    share = (size_pt[0] * size_pt[1]) / (A4[0] * A4[1])
    target = max(SMALLEST_TARGET, round(TARGET_BYTES * share))
    if image.format == "JPEG":
        # Decode at a fraction of the size when that is still enough (fast).
        longest_px = max(size_pt) / 72 * LADDER[0][0]
        scale = longest_px / max(right - left, bottom - top)
        image.draft("RGB", (max(1, round(width * scale)), max(1, round(height * scale))))
        factor = width / image.size[0]
        left, top, right, bottom = (round(v / factor) for v in (left, top, right, bottom))
        right, bottom = max(right, left + 1), max(bottom, top + 1)
    whole = (left, top, right, bottom) == (0, 0, *image.size)
    cut = _colour(image if whole else image.crop((left, top, right, bottom)))
    jpeg = _fitted_jpeg(cut, size_pt, target)
    return EntryPdf(_wrap(jpeg, size_pt if box != WHOLE_PAGE else sheet), wrapped=False)


def _colour(image: Image.Image) -> Image.Image:
    """``image`` as RGB: grey and black and white made colour, transparency on white."""
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        white = Image.new("RGB", rgba.size, (255, 255, 255))
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    if image.mode == "1":
        image = image.convert("L")  # resampled in grey, not in two tones
    return image.convert("RGB")


def _fitted_jpeg(image: Image.Image, size_pt: tuple[float, float], target: int) -> bytes:
    """The first encoding of :data:`LADDER` (best first) within the target,
    found by halving the ladder: four or so encodings, not fifteen."""
    resized: dict[int, Image.Image] = {}

    def encoded(step: int) -> bytes:
        dpi, quality = LADDER[step]
        if dpi not in resized:
            wanted = (
                max(1, round(size_pt[0] / 72 * dpi)),
                max(1, round(size_pt[1] / 72 * dpi)),
            )
            # From the nearest larger one already made: less to read.
            source = min(
                (im for im in resized.values() if im.width >= wanted[0]),
                key=lambda im: im.width,
                default=image,
            )
            resized[dpi] = (
                # Hamming: as sharp as Lanczos for a page made smaller by
                # less than half, in half its time (a hand-off makes hundreds).
                source.resize(wanted, Image.Resampling.HAMMING)
                if wanted[0] < source.width
                else source
            )
        out = io.BytesIO()
        resized[dpi].save(out, "JPEG", quality=quality)
        return out.getvalue()

    low, high = 0, len(LADDER) - 1
    best = encoded(high)
    if len(best) > target * TOLERANCE:
        return best  # as small as it goes
    while low < high:
        middle = (low + high) // 2
        jpeg = encoded(middle)
        if len(jpeg) <= target * TOLERANCE:
            best, high = jpeg, middle
        else:
            low = middle + 1
    return best


def _wrap(jpeg: bytes, page_size: tuple[float, float]) -> bytes:
    layout = img2pdf.get_layout_fun(pagesize=page_size, fit=img2pdf.FitMode.into)
    pdf = img2pdf.convert(
        jpeg,
        layout_fun=layout,
        nodate=True,
        rotation=img2pdf.Rotation.ifvalid,
        # pikepdf, its other engine, gives each PDF an /ID of its own: this one
        # writes the same bytes for the same page.
        engine=img2pdf.Engine.internal,
    )
    assert pdf is not None  # no output stream given: the bytes are returned
    return pdf


def pdf_pages(data: bytes) -> int:
    """How many pages the PDF ``data`` has, read by PDFium; ValueError when
    it does not open."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as e:
        raise ValueError(f"the PDF does not open: {e}") from e
    try:
        return len(document)
    finally:
        document.close()
