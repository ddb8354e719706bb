"""What the benchmark times, each beside the same basic work in raw sqlite3.

The raw counterpart is the core work of the operation written by hand on a
plain ``sqlite3`` connection to the same file: the ratio says what our
layers (SQLAlchemy, validation, the tally's shape, building the view) cost
on top.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from app.bench.figures import WARM_UP, Figure, timed
from app.db.engine import database_path
from app.station.database import StationDatabase
from app.system.heap import settle


@dataclass(frozen=True)
class Operation:
    name: str
    target_ms: float
    ours: Callable[[], object]
    raw: Callable[[], object]
    warm_up: int = WARM_UP
    # Untimed after each run of ``ours`` and of ``raw``: undoes what it changed.
    ours_between: Callable[[], object] | None = None
    raw_between: Callable[[], object] | None = None


def raw_connection(db: StationDatabase) -> sqlite3.Connection:
    """A plain sqlite3 connection to the station file, durable as ours is."""
    connection = sqlite3.connect(database_path(db.data_dir))
    connection.execute("PRAGMA synchronous=FULL")
    return connection


def measure(operations: list[Operation], repetitions: int) -> list[Figure]:
    """Time each operation and its raw counterpart, in a heap settled as the
    window settles it once it is open (app.system.heap)."""
    settle()
    return [
        Figure(
            op.name,
            timed(op.ours, repetitions, op.warm_up, op.ours_between),
            timed(op.raw, repetitions, op.warm_up, op.raw_between),
            op.target_ms,
        )
        for op in operations
    ]
