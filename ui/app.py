"""Starting the desktop app: Qt, the language, the station, the window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from app.station import StationError, open_station
from ui.i18n import chosen_language, install_translators
from ui.main_window import MainWindow


def create_window(data_dir: Path) -> MainWindow:
    """The main window on the station in ``data_dir`` (a QApplication must exist)."""
    return MainWindow(open_station(data_dir))


def run_desktop(data_dir: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Sohoa")
    install_translators(app, chosen_language())
    try:
        window = create_window(data_dir)
    except StationError as e:
        QMessageBox.critical(
            None,
            app.translate("Startup", "Sohoa"),
            app.translate(
                "Startup",
                "Cannot open the station in {folder}:\n{reason}\n\n"
                "To create one: sohoa init --station CODE --office NAME\n"
                "To try Sohoa with demo data: sohoa demo",
            ).format(folder=data_dir, reason=e),
        )
        return 1
    window.show()
    return app.exec()
