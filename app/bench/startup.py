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
from app.station.database import StationDatabase

LOGIN_SHOWN = "login window shown"  # what the probe prints (ui.app)
PEAK_MEMORY = "peak resident KB: "  # and then, where the platform tells
START_TARGET_MS = 2000
MEMORY_TARGET_MB = 300
STARTS = 10  # each start is a process of a second or two: fewer repetitions

RAW_START = (
    "import sqlite3, sys; "
    "sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM users').fetchone(); "
    "print('ready', flush=True)"
)


def startup_operation(db: StationDatabase, peaks_mb: list[float]) -> Operation:
    """Cold starts; each start's peak resident memory, where the platform
    tells, is appended to ``peaks_mb``."""
    path = database_path(db.data_dir)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def start() -> None:
        command = [sys.executable, "-m", "ui.launch", "--startup-probe"]
        rest = _run_until([*command, "--data-dir", str(db.data_dir)], LOGIN_SHOWN, env)
        for line in rest.splitlines():
            if line.startswith(PEAK_MEMORY):
                peaks_mb.append(int(line.removeprefix(PEAK_MEMORY)) / 1024)

    def raw_start() -> None:
        _run_until([sys.executable, "-c", RAW_START, str(path)], "ready", env)

    # One start unmeasured: the first after building the station reads a file
    # the system has not cached yet, which says more about the disk than us.
    return Operation("cold start to the login window", START_TARGET_MS, start, raw_start, warm_up=1)


def _run_until(command: list[str], line: str, env: dict[str, str]) -> str:
    """Start ``command``, time it until it printed ``line``, then let it end;
    what it printed after that line."""
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
        rest = process.stdout.read()
        process.wait(timeout=60)
    return rest


def peak_memory_line() -> str | None:
    """What the probe prints after :data:`LOGIN_SHOWN`: its own peak resident
    size so far, in kilobytes (None where the platform does not say: Windows).

    On Linux the peak of this program's own memory (VmHWM): the rusage
    figures count what the process held before it became this program too,
    as a fork of its parent, so they would say how big the bench is.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return f"{PEAK_MEMORY}{int(line.split()[1])}"
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return f"{PEAK_MEMORY}{peak // 1024 if sys.platform == 'darwin' else peak}"
