"""The one way a window reads and writes the station (after Anki's
``CollectionOp``/``QueryOp``).

A window hands :class:`Operations` a function of a session: an ``app``
service. The function runs in a transaction of its own, on the GUI thread or
beside it with a progress dialog; when it fails, the window says what
happened in the user's language, through :meth:`Operations.say_failure`:

- the storage failed: the data is locked by another program, the disk is
  full, the file is read-only, the database is damaged (``app.system.
  failures`` tells which). Nothing was written: the transaction rolled back.
- the service refused: the window names the refusals it expects, each with
  its message. A refusal changes nothing either.

Anything else is a fault in Sohoa: it is not hidden here but goes to the
crash dialog (``ui.crash``), with its traceback in the log.

Work beside the GUI thread is a :class:`Job`, the one idiom for it: a
window's through :meth:`Operations.in_background`, the start's own (the
daily backup, the check of the database) directly.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
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
    ) -> Job[T]:
        """``work`` in a thread of its own (a :class:`Job`); ``done`` with its
        result, on the GUI thread. ``work`` opens its own sessions (it is
        given the station's context by closure) and reports its progress.

        Without ``progress``, a modal progress dialog titled ``label`` shows
        it; ``ended`` runs after success and failure alike.
        """
        dialog: QProgressDialog | None = None
        if progress is None:
            dialog = QProgressDialog(label, "", 0, 0, self.window)
            dialog.setCancelButton(None)
            dialog.setMinimumDuration(400)
            dialog.setAutoClose(False)
            dialog.setWindowTitle(label)
            progress = _progress_of(dialog)

        def finish() -> None:
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
            if ended is not None:
                ended()

        def succeeded(result: T) -> None:
            finish()
            done(result)

        def failed(error: Exception) -> None:
            finish()
            self._failed(error, refusals or {})

        job = Job(
            work, owner=self.window, done=succeeded, failed=failed, progress=progress, name=label
        )
        return job.start()

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
        # Titled as the window the user sees (a panel's own title is no one's).
        QMessageBox.warning(self.window, self.window.window().windowTitle() or "Sohoa", text)


def _progress_of(dialog: QProgressDialog) -> Progress:
    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    return progressed


class Job(Generic[T]):
    """Work in a daemon thread beside the GUI's, for ``owner``.

    What the work reports (its progress, its result, or the exception that
    ended it) is handed to ``progress``, ``done`` or ``failed`` on the GUI
    thread, unless ``owner`` is gone by then: nobody is left to tell, and the
    log says so. The thread is a daemon, so quitting Sohoa never waits for
    it: a write cut short is a transaction rolled back, a backup cut short a
    partial file the next one removes (a QThread would abort the program).
    Without ``failed``, whatever ended the work is a fault, raised on the
    GUI thread to the crash dialog.

    A window's work goes through :meth:`Operations.in_background`, which says
    its failures; what runs with no one logged in (the daily backup, the
    check at start) makes a Job itself and decides what a failure means.
    """

    def __init__(
        self,
        work: Callable[[Progress], T],
        *,
        owner: QObject,
        done: Callable[[T], None],
        failed: Callable[[Exception], None] | None = None,
        progress: Progress | None = None,
        name: str,
    ) -> None:
        self.work = work
        self.owner = owner
        self.done = done
        self.failed = failed
        self.progress = progress
        self.name = name
        self.running = False  # from start until its end is handed over

    def start(self) -> Job[T]:
        mailbox = _mailbox()
        key = mailbox.keep(self)
        self.running = True
        # The thread holds the work and the mailbox only, never the job: the
        # owner it names is let go on the GUI thread, where it lives.
        threading.Thread(
            target=_run, args=(self.work, mailbox, key), name=f"sohoa: {self.name}", daemon=True
        ).start()
        return self

    def _handle(self, step: _Step, value: Any) -> None:
        """What the work reported, on the GUI thread."""
        if step is not _Step.PROGRESSED:
            self.running = False
        if not shiboken6.isValid(self.owner):
            log.info(
                "%s: %s after its window closed",
                self.name,
                step.value,
                exc_info=value if step is _Step.FAILED else None,
            )
            return
        if step is _Step.PROGRESSED:
            if self.progress is not None:
                self.progress(*value)
        elif step is _Step.SUCCEEDED:
            self.done(value)
        elif self.failed is None:
            raise value  # a fault: the crash dialog, with its traceback logged
        else:
            # A refusal or a storage failure is said there; a fault raised
            # there goes to the crash dialog.
            self.failed(value)


class _Step(Enum):
    PROGRESSED = "progressed"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


def _run(work: Callable[[Progress], object], mailbox: _Mailbox, key: int) -> None:
    """A job's thread: the work, and what it reports posted to the GUI thread."""

    def progressed(done: int, total: int) -> None:
        mailbox.posted.emit((key, _Step.PROGRESSED, (done, total)))

    try:
        result = work(progressed)
    except Exception as error:
        mailbox.posted.emit((key, _Step.FAILED, error))
        return
    mailbox.posted.emit((key, _Step.SUCCEEDED, result))


class _Mailbox(QObject):
    """The application's one carrier from the jobs' threads to the GUI
    thread: a signal emitted in another thread is delivered in the thread of
    its receiver, this object's. It keeps each job until its end."""

    posted = Signal(object)  # (key, step, value)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.jobs: dict[int, Job[Any]] = {}
        self.keys = itertools.count(1)
        self.posted.connect(self._deliver)

    def keep(self, job: Job[Any]) -> int:
        key = next(self.keys)
        self.jobs[key] = job
        return key

    @Slot(object)
    def _deliver(self, message: tuple[int, _Step, Any]) -> None:
        key, step, value = message
        job = self.jobs[key] if step is _Step.PROGRESSED else self.jobs.pop(key)
        job._handle(step, value)


def _mailbox() -> _Mailbox:
    """The application's mailbox, made on the GUI thread by the first job."""
    application = QCoreApplication.instance()
    assert application is not None  # a job is started from a window
    return application.findChild(_Mailbox) or _Mailbox(application)
