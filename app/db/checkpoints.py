"""Moving the write-ahead log into the database file, away from the saves.

In WAL mode every commit appends to ``sohoa.sqlite3-wal``; a *checkpoint*
copies those pages into the database file and syncs it. SQLite makes one
by itself at the commit that takes the log past its limit, and that commit
waits for it: on a station PC, one save in fifty took 20 ms more. While the
app runs, a thread of its own checkpoints instead, on a connection of its
own, without blocking anyone (``PASSIVE``): woken by each commit, it has
usually copied the few pages of a save before the next one, so the log
starts again from its beginning and stays a few pages long, and no save
waits for a checkpoint. The automatic checkpoint stays as a safety net, at
a limit (``app.db.engine.AUTOCHECKPOINT_PAGES``) that the log never nears
while the thread runs; processes without it (the command line) still
checkpoint by it, and when they close.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

from app.db.engine import BUSY_TIMEOUT_MS

log = logging.getLogger(__name__)

# Also checkpoint this often when no commit woke the thread: commits made
# outside the station's sessions (a migration, another process) are copied too.
EVERY_SECONDS = 5.0


class Checkpointer:
    """Checkpoints a station's log in a thread: at each :meth:`wake`, and
    every ``every`` seconds."""

    def __init__(self, path: Path, every: float = EVERY_SECONDS) -> None:
        self.path = path
        self.every = every
        self._due = threading.Event()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="sohoa-checkpoints", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        """Something was committed: checkpoint it soon."""
        self._due.set()

    def stop(self) -> None:
        """Stop, after the checkpoint under way if there is one."""
        self._stopping = True
        self._due.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            connection.execute("PRAGMA synchronous=FULL")
            while True:
                self._due.wait(self.every)
                self._due.clear()
                if self._stopping:
                    return
                try:
                    connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                except sqlite3.Error:
                    # A commit past the limit checkpoints instead; the data is
                    # safe in the log either way.
                    log.warning("checkpoint of %s failed", self.path, exc_info=True)
        finally:
            connection.close()
