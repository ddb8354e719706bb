"""The Qt binding keeps Python's reference counts right.

PySide6 6.12.0 on Python 3.11 released None once per call of a void method:
a long keying shift crashed the app ("none_dealloc"). On Python 3.12 and
later None is immortal and this cannot happen.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_thousands_of_widget_calls_leave_none_counted_right(qtbot) -> None:
    label = QLabel("Nguyễn Văn An")
    qtbot.addWidget(label)
    label.show()
    before = sys.getrefcount(None)

    for _ in range(2000):
        label.hide()
        label.clear()
        label.show()

    assert abs(sys.getrefcount(None) - before) < 100
