"""Every window of Sohoa, and its taskbar button, shows Sohoa's icon."""

from __future__ import annotations

from ui.app import window_icon


def test_the_icon_is_drawn_at_the_sizes_a_desktop_asks_for(qapp):
    icon = window_icon()

    for size in (16, 32, 256):
        image = icon.pixmap(size, size).toImage()
        assert not image.isNull(), f"no {size}px icon: Qt's SVG image plugin is missing"
        # Drawn, not blank: the blue of the book's cover at its centre-left.
        assert image.pixelColor(size // 10, size // 2).blue() > 100
