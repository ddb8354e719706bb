"""A pass of the checks across entries, beside the window."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThread, Signal

from app.quality.checks import run_checks
from app.station.database import StationDatabase
from app.system.clock import Clock

log = logging.getLogger(__name__)


class CheckJob(QThread):
    """One pass of every check, in a thread of its own: across a campaign's
    entries it takes a while, and the window keeps answering meanwhile."""

    succeeded = Signal(object)  # CheckPass
    failed = Signal(object)  # the exception, whose message says why

    def __init__(self, db: StationDatabase, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.clock = clock

    def run(self) -> None:
        try:
            result = run_checks(self.db.sessions, self.clock)
        except Exception as fault:
            # Nothing was kept (the transaction rolled back): the window says
            # so, and the log keeps the traceback for whoever looks into it.
            log.exception("the checks across entries failed")
            self.failed.emit(fault)
            return
        self.succeeded.emit(result)
