"""A dialog that runs a job beside the window and stays open until it ends."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog

from ui.operations import Job


class JobDialog(QDialog):
    """Escape, Close and the window's own close do nothing while ``job``
    runs: what it writes is finished or undone first, never cut short."""

    job: Job[Any] | None = None

    def reject(self) -> None:
        if self.job is None:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job is None:
            super().closeEvent(event)
        else:
            event.ignore()
