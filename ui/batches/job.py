"""An export running beside the window, so that the window keeps answering.

The export writes, syncs and reads back a batch that may hold tens of
thousands of entries: seconds on a slow stick. It runs in a thread of its
own and reports its progress and its end by signals, which Qt delivers in
the window's thread.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from app.access.keystore import KeyringUnavailable, Keystore
from app.batch.age import AgeError
from app.batch.export import ExportError, export_batch, rewrite_batch
from app.batch.keys import StationKeyError
from app.db.models import User
from app.station.database import StationDatabase
from app.system.clock import Clock

log = logging.getLogger(__name__)
# What an export says it cannot do; anything else is a fault, logged whole.
REFUSALS = (ExportError, StationKeyError, KeyringUnavailable, AgeError)


class ExportJob(QThread):
    """Write the next batch, or batch ``again`` once more, into ``target``."""

    progressed = Signal(int, int)  # done, total
    succeeded = Signal(object)  # WrittenBatch, or None when nothing was ready
    failed = Signal(object)  # the exception, whose message says why

    def __init__(
        self,
        db: StationDatabase,
        target: Path,
        keystore: Keystore,
        lead: User,
        clock: Clock,
        again: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.target = target
        self.keystore = keystore
        self.lead = lead
        self.clock = clock
        self.again = again

    def run(self) -> None:
        try:
            if self.again is None:
                written = export_batch(
                    self.db.sessions,
                    self.target,
                    self.keystore,
                    by=self.lead,
                    clock=self.clock,
                    progress=self.progressed.emit,
                )
            else:
                written = rewrite_batch(
                    self.db.sessions,
                    self.again,
                    self.target,
                    self.keystore,
                    by=self.lead,
                    clock=self.clock,
                    progress=self.progressed.emit,
                )
        except REFUSALS as refusal:
            log.warning("export to %s refused: %s", self.target, refusal)
            self.failed.emit(refusal)
            return
        except Exception as fault:
            # Whatever it was, nothing was marked: the window says so, and the
            # log keeps the traceback for whoever looks into it.
            log.exception("export to %s failed", self.target)
            self.failed.emit(fault)
            return
        self.succeeded.emit(written)
