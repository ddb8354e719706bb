"""An export cut short at any point marks nothing and leaves no half batch.

A pulled stick, a full disk or a power cut can stop an export anywhere. The
tests make each operation that puts the batch on the stick fail in turn,
and kill a real export process at random moments; each time, no entry is
marked exported, whatever is on the stick under a batch's name is a whole
batch that verifies, and the next export finishes the same batch.
"""

from __future__ import annotations

import contextlib
import errno
import os
import random
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from batch_helpers import exporting_station
from sqlalchemy import select

import app.batch.export as export_module
from app.batch.export import ExportError
from app.batch.format import PARTIAL
from app.batch.signature import StationPublicKey
from app.batch.trust import TrustList
from app.batch.verify import BatchRejected, verify_batch
from app.db.models import Batch, EntryStatus

SOHOA = Path(sys.executable).parent / "sohoa"


class FailAt:
    """Make the ``at``-th fsync or rename fail, as a pulled stick does."""

    def __init__(self, at: int) -> None:
        self.at = at
        self.calls = 0

    def wrap(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def failing(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            if self.calls == self.at:
                raise OSError(errno.EIO, "Input/output error")
            return real(*args, **kwargs)

        return failing


def assert_nothing_half_done(stick: Path, trust: TrustList, pending: str | None) -> None:
    """Under a batch's name, only whole batches (the pending one); the rest is .partial."""
    for path in stick.iterdir():
        if path.name.endswith(PARTIAL):
            with pytest.raises(BatchRejected):
                verify_batch(path, trust)
        else:
            assert verify_batch(path, trust).info.batch == pending, path


def test_a_failure_at_any_step_marks_nothing_and_the_next_export_finishes(
    tmp_path: Path, memory_keyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    station = exporting_station(tmp_path, entries=20)
    completed = station.count(EntryStatus.COMPLETED)
    failures = 0
    while True:
        injected = FailAt(failures + 1)
        with monkeypatch.context() as patch:
            patch.setattr(os, "fsync", injected.wrap(os.fsync))
            patch.setattr(os, "rename", injected.wrap(os.rename))
            try:
                written = station.export()
            except ExportError as e:
                assert "Input/output error" in str(e)
                failures += 1
            else:
                break
        with station.db.sessions() as session:
            pending = session.scalars(select(Batch.uuid)).one()
        assert station.count(EntryStatus.EXPORTED) == 0
        assert_nothing_half_done(station.stick, station.trust, pending)

    assert failures >= 9, "every file and directory is synced, then renamed"
    assert written is not None and written.uuid == pending
    assert station.count(EntryStatus.EXPORTED) == completed == written.marked
    assert [p.name for p in station.stick.iterdir()] == ["sohoa-DEMO-01-000001"]


def test_a_failure_while_marking_leaves_the_whole_batch_for_the_next_export(
    tmp_path: Path, memory_keyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    station = exporting_station(tmp_path, entries=20)

    def power_cut(*_args: object) -> int:
        raise RuntimeError("power cut")

    with monkeypatch.context() as patch:
        patch.setattr(export_module, "_mark_exported", power_cut)
        with pytest.raises(RuntimeError):
            station.export()
    with station.db.sessions() as session:
        pending = session.scalars(select(Batch.uuid)).one()
    assert station.count(EntryStatus.EXPORTED) == 0
    assert_nothing_half_done(station.stick, station.trust, pending)

    written = station.export()

    assert written is not None and written.uuid == pending
    assert station.count(EntryStatus.EXPORTED) == written.entries


def test_a_batch_that_does_not_read_back_whole_is_not_left_under_its_name(
    tmp_path: Path, memory_keyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    station = exporting_station(tmp_path, entries=20)

    def damaged_stick(path: Path, trust: TrustList) -> None:
        raise BatchRejected("data/entries.jsonl.age was changed")

    with monkeypatch.context() as patch:
        patch.setattr(export_module, "verify_batch", damaged_stick)
        with pytest.raises(ExportError, match="does not read back whole"):
            station.export()

    assert [p.name for p in station.stick.iterdir()] == ["sohoa-DEMO-01-000001.partial"]
    assert station.count(EntryStatus.EXPORTED) == 0
    assert station.export() is not None
    assert [p.name for p in station.stick.iterdir()] == ["sohoa-DEMO-01-000001"]


def writing(stick: Path, since_ns: int) -> bool:
    """Whether an export has begun writing a batch onto ``stick`` since then."""
    return any(p.stat().st_mtime_ns >= since_ns for p in stick.glob("*" + PARTIAL))


def test_killing_the_export_process_at_random_moments(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "SOHOA_ALLOW_PLAINTEXT_KEYRING": "1",
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
    }
    data_dir = tmp_path / "station"
    stick = tmp_path / "stick"
    stick.mkdir()

    def sohoa(*args: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [str(SOHOA), *args, "--data-dir", str(data_dir)],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    assert sohoa("demo", "--entries", "3000").wait(timeout=300) == 0
    database = data_dir / "sohoa.sqlite3"
    with sqlite3.connect(database) as connection:
        (line,) = connection.execute("SELECT signing_key FROM station").fetchone()
    trust = TrustList.of([StationPublicKey("DEMO-01", line)])
    rng = random.Random(5)
    kills = 0
    for attempt in range(6):
        started = time.time_ns()
        export = sohoa("export", "--to", str(stick))
        if attempt % 2:
            # Somewhere from the start: opening, recording the batch, writing.
            with contextlib.suppress(subprocess.TimeoutExpired):
                export.wait(timeout=rng.uniform(0.3, 1.2))
        else:
            # While the batch is being written onto the stick.
            while export.poll() is None and not writing(stick, started):
                with contextlib.suppress(subprocess.TimeoutExpired):
                    export.wait(timeout=0.002)
            with contextlib.suppress(subprocess.TimeoutExpired):
                export.wait(timeout=rng.uniform(0, 0.05))
        if export.poll() is None:
            export.kill()
            kills += 1
        export.wait()
        with sqlite3.connect(database) as connection:
            pending = connection.execute(
                "SELECT uuid FROM batches WHERE exported_at IS NULL"
            ).fetchall()
            exported = connection.execute(
                "SELECT count(*) FROM entries WHERE status = 'exported'"
            ).fetchone()[0]
            in_finished = connection.execute(
                "SELECT count(*) FROM batch_entries JOIN batches ON batches.id = batch_id"
                " WHERE exported_at IS NOT NULL"
            ).fetchone()[0]
            recorded = {u for (u,) in connection.execute("SELECT uuid FROM batches")}
        assert exported == in_finished, "only the entries of finished batches are marked"
        for path in stick.iterdir():
            if path.name.endswith(PARTIAL):
                with pytest.raises(BatchRejected):
                    verify_batch(path, trust)
            else:
                assert verify_batch(path, trust).info.batch in recorded, path
        if not pending:
            more = sohoa("demo", "--entries", "300", "--seed", str(attempt + 2))
            assert more.wait(timeout=300) == 0

    assert kills >= 1, "the random moments did stop some exports"
    assert sohoa("export", "--to", str(stick)).wait(timeout=300) == 0
    with sqlite3.connect(database) as connection:
        assert connection.execute(
            "SELECT count(*) FROM batches WHERE exported_at IS NULL"
        ).fetchone() == (0,)
