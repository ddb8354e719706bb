"""A scanned page of a book, looked at from the keyboard as from the mouse.

The page fits the viewer's width; Ctrl+= and Ctrl+- zoom, Ctrl+0 fits it
again, Alt and the arrows move about it, Ctrl+Shift+R turns it a quarter,
Ctrl+Shift+↑ and ↓ step its contrast, Alt+PageDown and Alt+PageUp look at
the next and the previous page. The wheel zooms, a drag moves, a drag with
Shift held marks the region of the page the entry is on (Ctrl+Shift+Del
takes it away); the region is kept as fractions of the upright page, as
``Entry.page_region`` is.

The line above the page says which it is ("Page 7 / 120"), and when it is
not the entry's own; a page with no scan says so in place of the page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.scans.display import View
from app.scans.pages import EntryScan, PageScan
from ui.context import StationContext
from ui.scans.renderer import PageRenderer, RenderKey

ZOOM_STEP = 1.25
ZOOMS = (0.35, 6.0)  # from a whole page in a narrow column to a word across it
PAN_STEP = 0.125  # of the viewer's width or height, per key
CONTRASTS = (0.7, 1.0, 1.3, 1.6, 2.0, 2.6)
REGION_COLOUR = QColor(214, 40, 40)
Region = list[float]  # left, top, width, height: fractions of the upright page


class PageView(QWidget):
    """``region_changed``: the clerk marked or cleared the entry's region."""

    region_changed = Signal()

    def __init__(self, context: StationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_view")
        self.renderer = PageRenderer(context, self)
        self.renderer.rendered.connect(self._rendered)
        self.renderer.broken.connect(self._rendered)
        self.pages: dict[int, PageScan] = {}
        self.page: int | None = None  # the page shown
        self.entry_page: int | None = None  # the page the entry is on
        self.turns = 0
        self.contrast = CONTRASTS.index(1.0)
        self.region: Region | None = None
        self.title = QLabel()
        self.title.setObjectName("page_title")
        self.title.setStyleSheet("font-weight: bold;")
        self.canvas = PageCanvas(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.canvas, 1)
        self._keys()

    def _keys(self) -> None:
        canvas = self.canvas
        keys: list[tuple[str, Callable[[], object]]] = [
            ("Ctrl+=", lambda: canvas.zoom_by(ZOOM_STEP)),
            ("Ctrl++", lambda: canvas.zoom_by(ZOOM_STEP)),
            ("Ctrl+-", lambda: canvas.zoom_by(1 / ZOOM_STEP)),
            ("Ctrl+0", canvas.fit),
            ("Alt+Left", lambda: canvas.pan_by(-PAN_STEP, 0)),
            ("Alt+Right", lambda: canvas.pan_by(PAN_STEP, 0)),
            ("Alt+Up", lambda: canvas.pan_by(0, -PAN_STEP)),
            ("Alt+Down", self._down),
            ("Ctrl+Shift+R", self.rotate),
            ("Ctrl+Shift+Up", lambda: self.step_contrast(+1)),
            ("Ctrl+Shift+Down", lambda: self.step_contrast(-1)),
            ("Alt+PgDown", lambda: self.look(+1)),
            ("Alt+PgUp", lambda: self.look(-1)),
            ("Ctrl+Shift+Del", lambda: self.set_region(None, marked=True)),
        ]
        for sequence, slot in keys:
            # The viewer's keys answer wherever the cursor is in its window
            # (a field of the form), while the viewer is shown.
            QShortcut(QKeySequence(sequence), self, slot)

    def _down(self) -> None:
        """Alt+Down moves down the page, but in a list of choices it opens the
        list, as it does everywhere else: the field keeps its own key."""
        focused = QApplication.focusWidget()
        if isinstance(focused, QComboBox):
            focused.showPopup()
        else:
            self.canvas.pan_by(0, PAN_STEP)

    # What is shown

    def show_book(self, pages: list[PageScan]) -> None:
        """The scanned pages of the book the viewer shows; the view starts afresh."""
        self.pages = {p.page: p for p in pages}
        self.page = self.entry_page = None
        self.turns, self.contrast = 0, CONTRASTS.index(1.0)
        self.region = None
        self.canvas.fit()

    def show_entry_page(self, page: int | None, region: Region | None = None) -> None:
        """Show the page the entry is on (None: its page is not keyed)."""
        self.entry_page = page
        self.region = region
        self._show(page)

    def show_scan(self, scan: EntryScan) -> None:
        """An entry's page in its book, as a window that checks it shows it."""
        self.show_book(scan.pages)
        self.show_entry_page(scan.page, scan.region)

    def look(self, steps: int) -> None:
        """Show another page without moving the entry."""
        if not self.pages:
            return
        start = self.page if self.page is not None else min(self.pages)
        self._show(min(max(start + steps, 1), max(self.pages)))

    def _show(self, page: int | None) -> None:
        if page != self.page:
            self.canvas.to_top()
        self.page = page
        self._refresh()
        self._prefetch()

    def rotate(self) -> None:
        self.turns = (self.turns + 1) % 4
        self._refresh()
        self._prefetch()

    def step_contrast(self, step: int) -> None:
        self.contrast = min(max(self.contrast + step, 0), len(CONTRASTS) - 1)
        self._refresh()
        self._prefetch()

    def view(self) -> View:
        return View(self.turns, CONTRASTS[self.contrast])

    def scan(self) -> PageScan | None:
        return self.pages.get(self.page) if self.page is not None else None

    def key(self) -> RenderKey | None:
        scan = self.scan()
        return RenderKey.of(scan, self.view()) if scan is not None else None

    def image(self) -> QImage | None:
        """The page as it is drawn now; None while it is made ready."""
        key = self.key()
        return self.renderer.image(key) if key is not None else None

    def _prefetch(self) -> None:
        """The page shown first, then the next (the clerk's way through the
        book), then the one before."""
        if self.page is None:
            wanted = [min(self.pages)] if self.pages else []
        else:
            wanted = [self.page, self.page + 1, self.page - 1]
        view = self.view()
        self.renderer.want([RenderKey.of(self.pages[p], view) for p in wanted if p in self.pages])

    @Slot(object)
    def _rendered(self, key: RenderKey) -> None:
        if key == self.key():
            self._refresh()

    def refresh_title(self) -> None:
        self.title.setText(self._title())

    def _refresh(self) -> None:
        self.refresh_title()
        key = self.key()
        problem = self.renderer.problem(key) if key is not None else None
        self.canvas.show_image(self.image(), problem or self._absence())

    def _title(self) -> str:
        if self.page is None:
            return self.tr("Page: not keyed")
        if self.page in self.pages:
            title = self.tr("Page {page} / {last}").format(page=self.page, last=max(self.pages))
        else:
            title = self.tr("Page {page}: no scan").format(page=self.page)
        if self.canvas.zoom != 1.0:
            title += f" · {round(self.canvas.zoom * 100)}%"
        if self.entry_page is not None and self.page != self.entry_page:
            title += " · " + self.tr("the entry is on page {page}").format(page=self.entry_page)
        return title

    def _absence(self) -> str:
        """What the viewer says in place of a page it cannot show yet."""
        if not self.pages:
            return self.tr("This book has no scanned pages.")
        if self.page is None:
            return self.tr(
                "The entry's page is not keyed: type it in the Page field,"
                " or Ctrl+PageDown moves the entry to the next page."
            )
        if self.page not in self.pages:
            return self.tr(
                "Page {page} has no scan: the book's scans are pages {first} to {last}."
            ).format(page=self.page, first=min(self.pages), last=max(self.pages))
        return self.tr("Showing page {page}…").format(page=self.page)

    # The region of the entry

    def set_region(self, region: Region | None, *, marked: bool = False) -> None:
        """``marked``: by the clerk (said by ``region_changed``), not loaded."""
        if region == self.region:
            return
        self.region = region
        self.canvas.update()
        if marked:
            self.region_changed.emit()

    def on_entry_page(self) -> bool:
        """Whether the page shown is the one the entry is on: its region is
        drawn and marked there alone, never on a page looked at beside it."""
        return self.entry_page is not None and self.page == self.entry_page

    def region_turned(self) -> Region | None:
        """The region on the page as it is turned now (None on another page)."""
        if self.region is None or not self.on_entry_page():
            return None
        return turned(self.region, self.turns)

    def mark_turned(self, region: Region) -> None:
        """The clerk drew ``region`` on the page as it is turned now."""
        upright = turned(region, -self.turns % 4)
        self.set_region([round(v, 4) for v in upright], marked=True)


def turned(region: Region, turns: int) -> Region:
    """``region`` of a page, on that page turned ``turns`` quarters clockwise."""
    left, top, width, height = region
    for _ in range(turns % 4):
        # A point (x, y) of the page is at (1 - y, x) once it is turned.
        left, top, width, height = 1 - top - height, left, height, width
    return [left, top, width, height]


class PageCanvas(QWidget):
    """Where the page is drawn, fitted to the width, zoomed and moved."""

    def __init__(self, view: PageView) -> None:
        super().__init__(view)
        self.setObjectName("page_canvas")
        self.view = view
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(120, 160))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cursor stays in the form
        self.image: QImage | None = None
        self.message = ""
        self.zoom = 1.0  # 1: the page as wide as the viewer
        self.top_left = QPointF(0, 0)  # the page's point at the viewer's top left
        self.scaled: tuple[tuple[int, float], QImage] | None = None
        self.dragged_from: QPointF | None = None
        self.marking: QRectF | None = None

    def show_image(self, image: QImage | None, message: str) -> None:
        self.image, self.message = image, message
        self._clamp()
        self.update()

    # Zoom and pan

    def scale(self) -> float:
        assert self.image is not None  # scaled only when there is a page
        return self.width() / self.image.width() * self.zoom

    def page_size(self) -> tuple[float, float]:
        if self.image is None:
            return 0.0, 0.0
        scale = self.scale()
        return self.image.width() * scale, self.image.height() * scale

    def fit(self) -> None:
        self.zoom = 1.0
        self.to_top()
        self.view.refresh_title()

    def to_top(self) -> None:
        self.top_left = QPointF(0, 0)
        self._clamp()
        self.update()

    def zoom_by(self, factor: float, at: QPointF | None = None) -> None:
        """Zoom about ``at``: the point there stays there. From the keys, about
        the viewer's top left: a register is read from its left margin down."""
        if self.image is None:
            return
        at = at if at is not None else QPointF(0, 0)
        before = self.zoom
        self.zoom = min(max(self.zoom * factor, ZOOMS[0]), ZOOMS[1])
        ratio = self.zoom / before
        self.top_left = (self.top_left + at) * ratio - at
        self._clamp()
        self.update()
        self.view.refresh_title()

    def pan_by(self, across: float, down: float) -> None:
        self.top_left += QPointF(across * self.width(), down * self.height())
        self._clamp()
        self.update()

    def _clamp(self) -> None:
        width, height = self.page_size()
        x = min(max(self.top_left.x(), 0.0), max(width - self.width(), 0.0))
        y = min(max(self.top_left.y(), 0.0), max(height - self.height(), 0.0))
        self.top_left = QPointF(x, y)

    def origin(self) -> QPointF:
        """Where the page's top left is drawn: centred when narrower than the viewer."""
        width, _ = self.page_size()
        left = (self.width() - width) / 2 if width < self.width() else -self.top_left.x()
        return QPointF(left, -self.top_left.y())

    # Drawing

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._clamp()
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(90, 90, 90))
        if self.image is None:
            painter.setPen(QColor(255, 255, 255))
            painter.drawText(
                self.rect().adjusted(16, 16, -16, -16),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.message,
            )
            return
        origin = self.origin()
        painter.drawImage(origin, self._scaled())
        width, height = self.page_size()
        region = self.view.region_turned()
        pen = QPen(REGION_COLOUR, 2)
        painter.setPen(pen)
        if region is not None:
            left, top, w, h = region
            painter.drawRect(
                QRectF(origin.x() + left * width, origin.y() + top * height, w * width, h * height)
            )
        if self.marking is not None:
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(self.marking.normalized())

    def _scaled(self) -> QImage:
        """The page at the size it is drawn, made once for each size."""
        assert self.image is not None  # drawn only when there is a page
        wanted = (self.image.cacheKey(), self.scale())
        if self.scaled is None or self.scaled[0] != wanted:
            width, height = self.page_size()
            image = self.image.scaled(
                round(width),
                round(height),
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            self.scaled = (wanted, image)
        return self.scaled[1]

    # The mouse

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP**steps, event.position())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.image is None:
            return super().mousePressEvent(event)
        marks = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if marks and self.view.on_entry_page():
            self.marking = QRectF(event.position(), event.position())
        else:
            self.dragged_from = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.marking is not None:
            self.marking.setBottomRight(event.position())
            self.update()
        elif self.dragged_from is not None:
            self.top_left += self.dragged_from - event.position()
            self.dragged_from = event.position()
            self._clamp()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.marking is not None:
            drawn, self.marking = self.marking.normalized(), None
            self._mark(drawn)
        self.dragged_from = None
        self.unsetCursor()
        self.update()

    def _mark(self, drawn: QRectF) -> None:
        """The rectangle drawn, as fractions of the page; a click marks nothing."""
        width, height = self.page_size()
        if drawn.width() < 8 or drawn.height() < 8 or not width or not height:
            return
        origin = self.origin()
        left = min(max((drawn.left() - origin.x()) / width, 0.0), 1.0)
        top = min(max((drawn.top() - origin.y()) / height, 0.0), 1.0)
        right = min(max((drawn.right() - origin.x()) / width, 0.0), 1.0)
        bottom = min(max((drawn.bottom() - origin.y()) / height, 0.0), 1.0)
        if right > left and bottom > top:
            self.view.mark_turned([left, top, right - left, bottom - top])
