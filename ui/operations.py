"""The one way a window reads and writes the station (after Anki's
``CollectionOp``/``QueryOp``).

A window hands :class:`Operations` a function of a session: an ``app``
service. The function runs in a transaction of its own, on the GUI thread or
beside it with a progress dialog; when it fails, the window says what
happened in the user's language, through :meth:`Operations.say_failure`:

- the storage failed: the data is locked by another program, the disk is
  full, the file is read-only, the database is damaged (``app.station.
  failures`` tells which). Nothing was written: the transaction rolled back.
- the service refused: the window names the refusals it expects, each with
  its message. A refusal changes nothing either.

Anything else is a fault in Sohoa: it is not hidden here but goes to the
crash dialog (``ui.crash``), with its traceback in the log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app.station.database import StationDatabase
from app.system.failures import StorageFailure, storage_failure
from ui.context import StationContext

if TYPE_CHECKING:
    from app.db.engine import Session

log = logging.getLogger(__name__)
T = TypeVar("T")
Progress = Callable[[int, int], None]  # done, total
# Exceptions a service raises to refuse, each with what the window says.
Refusals = Mapping[type[Exception], Callable[[Any], str]]


class Failed(Enum):
    FAILED = "failed"


FAILED: Literal[Failed.FAILED] = Failed.FAILED
"""What an operation returns when it failed and the window has said so."""


def failure_text(failure: StorageFailure) -> str:
    """What the user is told when the storage failed: nothing was changed."""
    return {
        StorageFailure.LOCKED: QCoreApplication.translate(
            "Operations",
            "The data is locked by another program, so nothing was changed. "
            "Wait a moment, then try again.",
        ),
        StorageFailure.FULL: QCoreApplication.translate(
            "Operations",
            "The disk is full, so nothing was changed. Ask whoever looks after the "
            "computer to free some space, then try again.",
        ),
        StorageFailure.READ_ONLY: QCoreApplication.translate(
            "Operations",
            "The station's data cannot be written (the file or its folder is "
            "read-only), so nothing was changed. Ask whoever looks after the computer.",
        ),
        StorageFailure.DAMAGED: QCoreApplication.translate(
            "Operations",
            "The station's database is damaged, so nothing was changed. Close Sohoa "
            "and tell the team lead: a backup can be restored.",
        ),
        StorageFailure.OTHER: QCoreApplication.translate(
            "Operations",
            "The data could not be written, so nothing was changed. Try again, and "
            "tell the team lead if it happens again.",
        ),
    }[failure]


class Operations:
    """Runs a window's reads and writes and says their failures.

    ``say`` shows a message in the window (a status line, say); by default
    it is a message box over ``window``. ``wording`` is what the window says
    when the storage failed, when its own words say more than
    :func:`failure_text` (the keying form's: what was typed is still there).
    ``context`` is the station's database alone in the login window, before
    anyone has logged in.
    """

    def __init__(
        self,
        window: QWidget,
        context: StationContext | StationDatabase,
        say: Callable[[str], None] | None = None,
        *,
        wording: Callable[[StorageFailure], str] = failure_text,
    ) -> None:
        self.window = window
        self.context = context
        self.db = context.db if isinstance(context, StationContext) else context
        self.say = say or self._message_box
        self.wording = wording

    def read(self, query: Callable[[Session], T]) -> T | Literal[Failed.FAILED]:
        """``query`` in a plain session (a snapshot; no lock taken)."""
        try:
            with self.db.sessions() as session:
                return query(session)
        except Exception as error:
            return self._failed(error, {})

    def write(
        self, change: Callable[[Session], T], *, refusals: Refusals | None = None
    ) -> T | Literal[Failed.FAILED]:
        """``change`` in a writer's transaction, committed when it returns."""
        try:
            with self.db.sessions.begin() as session:
                return change(session)
        except Exception as error:
            return self._failed(error, refusals or {})

    def run(
        self, service: Callable[[], T], *, refusals: Refusals | None = None
    ) -> T | Literal[Failed.FAILED]:
        """``service`` that opens its own transactions, as a login does (it
        keeps a refused attempt even as it refuses); its failures are said
        as a write's."""
        try:
            return service()
        except Exception as error:
            return self._failed(error, refusals or {})

    def in_background(
        self,
        work: Callable[[Progress], T],
        *,
        done: Callable[[T], None],
        label: str,
        refusals: Refusals | None = None,
        progress: Progress | None = None,
        ended: Callable[[], None] | None = None,
    ) -> QThread:
        """``work`` in a thread of its own; ``done`` with its result, on the
        GUI thread. ``work`` opens its own sessions (it is given the
        station's context by closure) and reports its progress.

        Without ``progress``, a modal progress dialog titled ``label`` shows
        it; ``ended`` runs after success and failure alike.
        """
        worker = _Worker(work, self.window)
        dialog: QProgressDialog | None = None
        if progress is None:
            dialog = QProgressDialog(label, "", 0, 0, self.window)
            dialog.setCancelButton(None)
            dialog.setMinimumDuration(400)
            dialog.setAutoClose(False)
            dialog.setWindowTitle(label)
            progress = _progress_of(dialog)
        worker.progressed.connect(progress)

        def finish() -> None:
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
            if ended is not None:
                ended()

        def succeeded(result: object) -> None:
            finish()
            done(result)  # type: ignore[arg-type]  # the worker's result is work's

        def failed(error: Exception) -> None:
            finish()
            self._failed(error, refusals or {})

        worker.succeeded.connect(succeeded)
        worker.failed.connect(failed)
        worker.finished.connect(worker.deleteLater)  # once its thread has ended
        worker.start()
        return worker

    def say_failure(self, failure: StorageFailure) -> None:
        self.say(self.wording(failure))

    def _failed(self, error: Exception, refusals: Refusals) -> Literal[Failed.FAILED]:
        for refusal, message in refusals.items():
            if isinstance(error, refusal):
                log.info("refused: %s", error)
                self.say(message(error))
                return FAILED
        failure = storage_failure(error)
        if failure is None:
            raise error  # a fault: the crash dialog, with the traceback logged
        log.warning("the station's storage failed (%s)", failure.value, exc_info=error)
        self.say_failure(failure)
        return FAILED

    def _message_box(self, text: str) -> None:
        QMessageBox.warning(self.window, self.window.windowTitle() or "Sohoa", text)


def _progress_of(dialog: QProgressDialog) -> Progress:
    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    return progressed


class _Worker(QThread):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[Progress], object], parent: QObject) -> None:
        super().__init__(parent)
        self.work = work

    def run(self) -> None:
        try:
            result = self.work(self.progressed.emit)
        except Exception as error:
            # Reported on the GUI thread: a refusal or a storage failure is
            # said there; a fault is raised there, to the crash dialog.
            self.failed.emit(error)
            return
        self.succeeded.emit(result)
