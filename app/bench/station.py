"""The station the benchmark runs on: a demo of N entries, built once.

Building 1,457,884 entries takes minutes, so the station is kept in the
user cache directory (one per size and seed) and reused by the next run.
A station that was not finished (the run was stopped while it was built)
is built again; a directory holding anything else is never touched.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from platformdirs import user_cache_dir
from sqlalchemy import func, select

from app.db.engine import database_path
from app.db.models import Entry
from app.demo import add_demo_double_keying, add_demo_entries, create_demo_station
from app.station.database import StationDatabase, StationError, open_station
from app.system.clock import SystemClock

BUILDING = "bench-building"  # written before the demo is built
READY = "bench-ready"  # written once it is complete
WHOLE_CAMPAIGN_DAYS = 3650  # longer than any demo campaign: every entry may be drawn


def default_bench_dir(entries: int, seed: int) -> Path:
    return Path(user_cache_dir("Sohoa", appauthor=False)) / "bench" / f"{entries}-seed{seed}"


def bench_station(data_dir: Path, entries: int, seed: int) -> tuple[StationDatabase, bool]:
    """The bench station in ``data_dir`` and whether it was built just now."""
    if (data_dir / READY).exists() and database_path(data_dir).exists():
        return open_station(data_dir), False
    if (data_dir / BUILDING).exists():
        shutil.rmtree(data_dir)
    elif data_dir.exists() and any(data_dir.iterdir()):
        raise StationError(f"{data_dir} is not a benchmark's station: give an empty directory")
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / BUILDING).touch()
    db = create_demo_station(data_dir)
    add_demo_entries(db, entries, seed=seed, clock=SystemClock())
    # Keyed twice all along, as a station near a campaign's end has been: the
    # error rates the dashboard reads are measured among all of them.
    add_demo_double_keying(db, seed=seed, clock=SystemClock(), days=WHOLE_CAMPAIGN_DAYS)
    (data_dir / READY).write_text(f"{entries}\n", encoding="utf-8")
    (data_dir / BUILDING).unlink()
    return db, True


def entry_count(db: StationDatabase) -> int:
    with db.sessions() as session:
        return session.scalar(select(func.count(Entry.id))) or 0
