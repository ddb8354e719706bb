"""Page images as a scanner or a phone makes them, for the tests of scans."""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw

A4_150_DPI = (1240, 1754)


def page_image(label: str, size: tuple[int, int] = A4_150_DPI, seed: int = 0) -> Image.Image:
    """A ruled cream page with ``label`` written on it: each label its own image."""
    rng = random.Random(f"{label}-{seed}")
    image = Image.new("RGB", size, (246, 240, 222))
    draw = ImageDraw.Draw(image)
    for y in range(160, size[1] - 80, 90):
        draw.line((60, y, size[0] - 60, y), fill=(150, 150, 170), width=2)
    for y in range(200, size[1] - 120, 90):
        x = 80
        for _ in range(rng.randint(3, 8)):
            word = rng.randint(40, 160)
            draw.line((x, y, x + word, y + rng.randint(-6, 6)), fill=(20, 30, 110), width=4)
            x += word + rng.randint(20, 50)
    draw.text((size[0] // 2, 60), label, fill=(0, 0, 0), font_size=48)
    return image


def save_page(path: Path, label: str, **kwargs) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = page_image(label)
    if path.suffix.lower() in (".jpg", ".jpeg"):
        image.save(path, "JPEG", quality=80, **kwargs)
    else:
        image.save(path, **kwargs)
    return path
