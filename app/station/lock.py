"""One writer at a time on a station: the window, or a command that writes.

Two copies of the window would key over each other; two exports at once
would each take the stick for the other's fault; two demos would build the
same station twice. Every writer takes the station's lock first: an
operating-system lock on ``sohoa.lock`` in the data directory, which the
system lets go of when the process ends, however it ends, so a crash
leaves no stale lock behind. The file says who holds it, for the message
the next writer shows.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from app.system.clock import VIETNAM
from app.system.failures import StorageFailure, storage_failure

LOCK_NAME = "sohoa.lock"
WINDOW = "window"  # the holder that is Sohoa's window; a command is held as "sohoa NAME"
WAIT_SECONDS = 3.0  # how long a second writer waits before it is refused
# Windows locks a byte range: one byte far past what the file says, so that
# the next writer can still read who holds it.
_LOCKED_BYTE = 1 << 20


class StationBusy(RuntimeError):
    """Another writer holds the station; the message names it, and
    ``holder`` is who: :data:`WINDOW`, a command ("sohoa export"), or None
    when the lock does not say."""

    def __init__(self, message: str, holder: str | None) -> None:
        super().__init__(message)
        self.holder = holder


class StationUnwritable(RuntimeError):
    """The station's folder cannot be written: no writer can work on it."""


@contextmanager
def station_lock(data_dir: Path, holder: str, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the lock of the station in ``data_dir`` as ``holder`` (:data:`WINDOW`,
    or a command: "sohoa export"), waiting up to ``wait`` seconds for it."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        file = (data_dir / LOCK_NAME).open("a+", encoding="utf-8")
    except OSError as e:
        raise StationUnwritable(_unwritable(data_dir, e)) from e
    with file:
        deadline = time.monotonic() + wait
        while not _try_lock(file):
            if time.monotonic() >= deadline:
                raise _busy(data_dir, file)
            time.sleep(0.1)
        try:
            _say_who(file, holder)
            yield
        finally:
            _say_who(file, None)
            _unlock(file)


def _say_who(file: IO[str], holder: str | None) -> None:
    file.seek(0)
    file.truncate()
    if holder is not None:
        file.write(
            json.dumps(
                {
                    "holder": holder,
                    "pid": os.getpid(),
                    "host": socket.gethostname(),
                    "since": datetime.now(UTC).isoformat(),
                },
                ensure_ascii=False,
            )
        )
    file.flush()


def _unwritable(data_dir: Path, error: OSError) -> str:
    failure = storage_failure(error)
    if failure is StorageFailure.READ_ONLY:
        why = "cannot be written (read-only)"
    elif failure is StorageFailure.FULL:
        why = "is on a disk that is full"
    else:
        why = f"cannot be written ({error.strerror or error})"
    return f"the station's folder {data_dir} {why}: nothing was changed"


def _busy(data_dir: Path, file: IO[str]) -> StationBusy:
    file.seek(0)
    try:
        who = json.loads(file.read(4096))
        holder = str(who["holder"])
        since = datetime.fromisoformat(who["since"]).astimezone(VIETNAM)
        named = "the Sohoa window" if holder == WINDOW else f"the command `{holder}`"
        held = (
            f"{named} (process {who['pid']} on {who['host']},"
            f" since {since:%H:%M} on {since:%d/%m/%Y})"
        )
    except (ValueError, KeyError, TypeError):
        holder, held = None, "another program"
    return StationBusy(
        f"the station in {data_dir} is in use by {held}: "
        "nothing was changed; try again once it is done",
        holder,
    )


if sys.platform == "win32":
    import msvcrt

    def _try_lock(file: IO[str]) -> bool:
        file.seek(_LOCKED_BYTE)
        try:
            msvcrt.locking(file.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(file: IO[str]) -> None:
        file.seek(_LOCKED_BYTE)
        msvcrt.locking(file.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(file: IO[str]) -> bool:
        try:
            fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(file: IO[str]) -> None:
        fcntl.flock(file.fileno(), fcntl.LOCK_UN)
