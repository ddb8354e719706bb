"""The sections of a form side by side, as many columns as the width holds.

A register's entry has some forty fields in half a dozen sections: on a
1366×768 laptop they fit one screen only in three columns, read top to
bottom and left to right in book order. A wider screen holds more columns,
so that a longer form (deaths, adoptions) needs less scrolling; the columns
are made about equally tall.
"""

from __future__ import annotations

from itertools import accumulate, pairwise

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget


class SectionColumns(QWidget):
    """``sections`` (widgets, in book order) laid out in columns."""

    def __init__(self, sections: list[QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sections = sections
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(4, 2, 4, 2)
        self.row.setSpacing(10)
        # One column per section at most; those left empty take no room.
        self.columns: list[QVBoxLayout] = []
        for _ in sections:
            column = QVBoxLayout()
            column.setSpacing(4)
            column.addStretch(1)
            self.row.addLayout(column, 1)
            self.columns.append(column)
        self.count = 0
        self.arrange(1)

    def arrange(self, count: int) -> None:
        """Lay the sections out in ``count`` columns (at most one a section)."""
        count = max(1, min(count, len(self.sections)))
        if count == self.count:
            return
        self.count = count
        for column in self.columns:
            for section in self.sections:
                column.removeWidget(section)
        heights = [s.sizeHint().height() + self.columns[0].spacing() for s in self.sections]
        for column, group in zip(self.columns, balanced(heights, count), strict=False):
            for position, index in enumerate(group):
                column.insertWidget(position, self.sections[index])
        for index in range(len(self.columns)):
            self.row.setStretch(index, 1 if index < count else 0)


def balanced(heights: list[int], count: int) -> list[list[int]]:
    """Split the indexes of ``heights``, in order, into ``count`` runs whose
    tallest is as short as can be (a run per column; none left empty while
    there are enough sections)."""
    sums = [0, *accumulate(heights)]

    def tallest(cut: tuple[int, ...]) -> int:
        bounds = [0, *cut, len(heights)]
        return max(sums[b] - sums[a] for a, b in pairwise(bounds))

    best: tuple[int, ...] = ()
    best_height = sums[-1] + 1

    def cuts(start: int, left: int, made: tuple[int, ...]) -> None:
        nonlocal best, best_height
        if left == 0:
            height = tallest(made)
            if height < best_height:
                best, best_height = made, height
            return
        for cut in range(start + 1, len(heights) - left + 1):
            cuts(cut, left - 1, (*made, cut))

    cuts(0, count - 1, ())
    bounds = [0, *best, len(heights)]
    return [list(range(a, b)) for a, b in pairwise(bounds)]
