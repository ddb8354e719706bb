"""A page made ready to show: decoded, turned, its contrast set, fitted.

The viewer beside the form and `sohoa bench` both call :func:`render`, so
the bench measures what the clerk waits for.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageEnhance, ImageOps


@dataclass(frozen=True)
class View:
    """How the clerk looks at a page: quarter turns clockwise, contrast."""

    turns: int = 0
    contrast: float = 1.0


def render(data: bytes, view: View, longest: int) -> Image.Image:
    """The page as an RGB image whose longest side is at most ``longest``."""
    opened = Image.open(io.BytesIO(data))
    opened.draft("RGB", (longest, longest))  # a JPEG decodes at a reduced scale
    image = opened.convert("RGB")
    image.thumbnail((longest, longest), Image.Resampling.BILINEAR)
    if view.turns % 4:
        image = image.rotate(-90 * (view.turns % 4), expand=True)
    if view.contrast != 1.0:
        image = ImageOps.autocontrast(image, cutoff=1) if view.contrast > 1 else image
        image = ImageEnhance.Contrast(image).enhance(view.contrast)
    return image
