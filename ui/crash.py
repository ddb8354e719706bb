"""Where what goes wrong ends up: Qt's messages and uncaught exceptions.

Qt's own messages (warnings of the platform plugin, for one) go to the log
instead of the terminal. An exception nobody caught is logged with its
traceback, and a clerk at a screen sees one plain dialog saying what to do;
with no screen (offscreen, as in the self-test and CI) it is only logged.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from app.system.logs import setup_logging

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
HEADLESS_PLATFORMS = ("offscreen", "minimal")


def qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """A Qt message, written to the log at the matching level."""
    qt_log.log(QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def route_qt_messages() -> None:
    qInstallMessageHandler(qt_message)


def headless() -> bool:
    """No screen a clerk could read a dialog on."""
    return (
        QGuiApplication.instance() is None
        or QGuiApplication.platformName() in HEADLESS_PLATFORMS
        or QGuiApplication.primaryScreen() is None
    )


class CrashReporter:
    """The one ``sys.excepthook``: log the traceback, then tell the clerk."""

    def __init__(self, log_file: Path | None) -> None:
        self.log_file = log_file

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        traceback: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, traceback)
            return
        log.critical("uncaught exception", exc_info=(kind, error, traceback))
        if headless():
            return
        QMessageBox.critical(
            None,
            QCoreApplication.translate("Crash", "Sohoa — unexpected error"),
            QCoreApplication.translate(
                "Crash",
                "Sohoa met an error it did not expect. Entries already saved are safe. "
                "Check the entry on screen, save it again, and tell the team lead.\n\n"
                "The details are written in {file}",
            ).format(file=self.log_file or "—"),
        )


def install_crash_handling(log_file: Path | None) -> None:
    """Route Qt's messages to the log and make :class:`CrashReporter` the excepthook."""
    route_qt_messages()
    sys.excepthook = CrashReporter(log_file)


def start_logging() -> Path | None:
    """At start: the log file, Qt's messages into it, the excepthook; the file's path."""
    handler = setup_logging()
    log_file = Path(handler.baseFilename) if handler is not None else None
    install_crash_handling(log_file)
    return log_file
