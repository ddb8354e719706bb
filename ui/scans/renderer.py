"""Pages made ready to show beside the GUI thread, kept for a while, and the
pages around the one shown made ready before the clerk asks for them.

Decoding a scanner's JPEG takes longer than a keystroke, so a page is
rendered (``app.scans.display.render``) in a :class:`ui.operations.Job`,
one at a time: the page the clerk wants first, then its neighbours. A wish
made later replaces the wishes not yet started (the clerk moved on), and a
few rendered pages are kept, so that going back and forth costs nothing.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from app.scans.display import View, render
from app.scans.pages import PageScan
from app.scans.store import ScanMissing, ScanStore
from app.system.paths import scans_dir
from ui.context import StationContext
from ui.operations import Operations

log = logging.getLogger(__name__)

# Twice a laptop's screen: the page fitted to a column, zoomed in twice, is
# still drawn from pixels of its own. Beyond, the scan's own size is enough.
RENDER_LONGEST = 2000
KEPT = 6  # rendered pages kept: the one shown, those around it, a few before


@dataclass(frozen=True)
class RenderKey:
    """One page as it is shown: the scan, turned and contrasted, at a size."""

    sha256: str
    media_type: str
    view: View
    longest: int

    @staticmethod
    def of(page: PageScan, view: View) -> RenderKey:
        longest = min(RENDER_LONGEST, max(page.width, page.height))
        return RenderKey(page.sha256, page.media_type, view, longest)


class PageRenderer(QObject):
    """``rendered``: a page is ready (its key); ``broken``: a page cannot be
    read from the station's scans (its key; :meth:`problem` says why)."""

    rendered = Signal(object)
    broken = Signal(object)

    def __init__(self, context: StationContext, owner: QWidget) -> None:
        super().__init__(owner)
        self.store = ScanStore(scans_dir(context.db.data_dir))
        self.operations = Operations(owner, context, say=self._said)
        self.kept: OrderedDict[RenderKey, QImage] = OrderedDict()
        self.problems: dict[RenderKey, str] = {}
        self.wanted: list[RenderKey] = []
        self.running: RenderKey | None = None

    def image(self, key: RenderKey) -> QImage | None:
        """The page rendered, if it is ready."""
        image = self.kept.get(key)
        if image is not None:
            self.kept.move_to_end(key)
        return image

    def problem(self, key: RenderKey) -> str | None:
        return self.problems.get(key)

    def want(self, keys: list[RenderKey]) -> None:
        """Render ``keys``, the first first, in place of what was wanted before."""
        self.wanted = [
            k for k in dict.fromkeys(keys) if k not in self.kept and k not in self.problems
        ]
        if self.running in self.wanted:
            self.wanted.remove(self.running)
        self._start_next()

    def _start_next(self) -> None:
        if self.running is not None or not self.wanted:
            return
        key = self.running = self.wanted.pop(0)
        store = self.store
        self.operations.in_background(
            lambda progress: _rendered(store, key),
            done=lambda image: self._keep(key, image),
            label=self.tr("Showing the page"),
            refusals={ScanMissing: lambda error: self._missing(key, error)},
            progress=lambda done, total: None,
            ended=self._ended,
        )

    def _ended(self) -> None:
        self.running = None
        self._start_next()

    def _keep(self, key: RenderKey, image: QImage) -> None:
        self.kept[key] = image
        while len(self.kept) > KEPT:
            self.kept.popitem(last=False)
        self.rendered.emit(key)

    def _missing(self, key: RenderKey, error: Exception) -> str:
        log.warning("a page cannot be shown: %s", error)
        text = self.tr(
            "This page's scan is missing from the station's scans, or damaged."
            " Tell the team lead: importing the page again mends it."
        )
        self.problems[key] = text
        self.broken.emit(key)
        return text

    def _said(self, text: str) -> None:
        """The viewer says a page's problem where the page would be (``broken``)."""


def _rendered(store: ScanStore, key: RenderKey) -> QImage:
    """The page as the viewer draws it (on the job's thread)."""
    image = render(store.read(key.sha256, key.media_type), key.view, key.longest)
    width, height = image.size
    # A QImage, unlike a pixmap, may be made off the GUI thread; copied, it
    # owns its pixels once the bytes are gone.
    return QImage(image.tobytes(), width, height, 3 * width, QImage.Format.Format_RGB888).copy()
