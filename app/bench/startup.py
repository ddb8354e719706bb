"""Cold start to the login window, and the memory the app then holds.

Each start is a new process, as a clerk's double click is: ``sohoa
--startup-probe`` starts the app as usual (offscreen), prints one line once
the login window is shown, and quits. The raw counterpart is a Python
process that opens the database with sqlite3 and reads one row.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.bench.operation import Operation
from app.db.engine import database_path
from app.station import StationDatabase

LOGIN_SHOWN = "login window shown"  # what the probe prints (ui.app)
START_TARGET_MS = 2000
MEMORY_TARGET_MB = 300
STARTS = 10  # each start is a process of a second or two: fewer repetitions

RAW_START = (
    "import sqlite3, sys; "
    "sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM users').fetchone(); "
    "print('ready', flush=True)"
)


def startup_operation(db: StationDatabase) -> Operation:
    path = database_path(db.data_dir)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def start() -> None:
        command = [sys.executable, "-m", "ui.launch", "--startup-probe"]
        _run_until([*command, "--data-dir", str(db.data_dir)], LOGIN_SHOWN, env)

    def raw_start() -> None:
        _run_until([sys.executable, "-c", RAW_START, str(path)], "ready", env)

    # One start unmeasured: the first after building the station reads a file
    # the system has not cached yet, which says more about the disk than us.
    return Operation("cold start to the login window", START_TARGET_MS, start, raw_start, warm_up=1)


def _run_until(command: list[str], line: str, env: dict[str, str]) -> None:
    """Start ``command`` and return once it printed ``line`` (then let it end)."""
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    ) as process:
        assert process.stdout is not None
        for printed in process.stdout:
            if printed.strip() == line:
                break
        else:
            process.wait()
            raise RuntimeError(
                f"{Path(command[0]).name} {' '.join(command[1:3])} ended without "
                f"{line!r}: {process.stderr.read().strip()[-300:] if process.stderr else ''}"
            )
        process.wait(timeout=60)


def peak_memory_mb() -> float | None:
    """The largest resident size any started process reached, in megabytes
    (None where the platform does not say: Windows)."""
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024
