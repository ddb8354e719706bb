"""Starting the centre's window (``sohoa centre --db URL``): the log, the
language, the window. No station, no login: the centre's database holds
no user of its own, and whoever may reach it may look at it. The
database is opened by the window's first read, beside the GUI thread, so
that the window is up at once even when the server is slow to answer.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QApplication

from app.system.clock import Clock, SystemClock
from ui.app import window_icon
from ui.centre.window import CentreWindow
from ui.crash import start_logging
from ui.fonts import reading_font
from ui.i18n import chosen_language, install_translators

log = logging.getLogger(__name__)


def run_centre_window(
    database: str, language: str | None = None, clock: Clock | None = None
) -> int:
    log_file = start_logging()
    log.info("the centre's window on %s (log: %s)", database, log_file)
    app: QApplication = QApplication.instance() or QApplication(sys.argv)  # type: ignore[assignment]
    app.setApplicationName("Sohoa")
    app.setFont(reading_font(app.font()))
    app.setWindowIcon(window_icon())
    install_translators(app, language or chosen_language())
    window = CentreWindow(database, clock or SystemClock())
    window.showMaximized()
    return app.exec()
