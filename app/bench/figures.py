"""Timings repeated many times, summarised as percentiles."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Timings:
    """Milliseconds of each repetition of one operation."""

    samples: list[float]

    def percentile(self, p: int) -> float:
        if len(self.samples) == 1:
            return self.samples[0]
        return statistics.quantiles(self.samples, n=100, method="inclusive")[p - 1]

    @property
    def p50(self) -> float:
        return self.percentile(50)

    @property
    def p95(self) -> float:
        return self.percentile(95)

    @property
    def p99(self) -> float:
        return self.percentile(99)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "repetitions": len(self.samples),
            "p50_ms": round(self.p50, 3),
            "p95_ms": round(self.p95, 3),
            "p99_ms": round(self.p99, 3),
            "max_ms": round(max(self.samples), 3),
        }


WARM_UP = 3  # unmeasured runs before the timed ones


def timed(
    operation: Callable[[], object],
    repetitions: int,
    warm_up: int = WARM_UP,
    between: Callable[[], object] | None = None,
) -> Timings:
    """Run ``operation`` a few times unmeasured (caches, statements), then
    ``repetitions`` times, each timed on its own; ``between`` runs untimed
    after each run (to undo what it changed)."""
    samples = []
    for run in range(warm_up + repetitions):
        started = time.perf_counter()
        operation()
        if run >= warm_up:
            samples.append((time.perf_counter() - started) * 1000)
        if between is not None:
            between()
    return Timings(samples)


@dataclass(frozen=True)
class Figure:
    """One line of the benchmark: our operation, its raw sqlite3 counterpart,
    and the target it must meet at the 99th percentile."""

    name: str
    ours: Timings
    raw: Timings
    target_ms: float

    @property
    def ratio(self) -> float:
        """How many times slower than raw sqlite3 (at the median)."""
        return self.ours.p50 / self.raw.p50 if self.raw.p50 else float("inf")

    @property
    def met(self) -> bool:
        return self.ours.p99 <= self.target_ms

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "target_ms": self.target_ms,
            "met": self.met,
            "ours": self.ours.as_dict(),
            "raw_sqlite3": self.raw.as_dict(),
            "ratio": round(self.ratio, 2),
        }
