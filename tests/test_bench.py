"""``sohoa bench``: the figures, the reused station, the directories it leaves alone.

A smoke test of the command, with no threshold: timings belong to the
benchmark's own report, never to the test suite (the machines are shared).
"""

from __future__ import annotations

from pathlib import Path

from test_cli import ok_json, sohoa

from app.bench.figures import Figure, Timings


def test_the_bench_times_each_operation_beside_raw_sqlite(tmp_path: Path) -> None:
    where = tmp_path / "bench"

    first = ok_json(sohoa("bench", "--entries", "500", "--repetitions", "1", "--json",
                          data_dir=where))  # fmt: skip
    again = ok_json(sohoa("bench", "--entries", "500", "--repetitions", "3", "--json",
                          data_dir=where))  # fmt: skip

    assert first["entries"] == 500
    assert first["built_seconds"] is not None and again["built_seconds"] is None, "reused"
    targets = {f["name"]: f["target_ms"] for f in again["figures"]}
    completed = again["figures"][4]["name"].split()[1]
    assert targets == {
        "shift tally (the day by shift and clerk)": 50,
        "dashboard refresh": 50,
        "save an entry, next form ready": 25,
        "accent-insensitive name search": 50,
        f"export {completed} entries as a batch": 3000,
        f"intake of that batch into SQLite ({completed})": 5000,
        "cold start to the login window": 2000,
    }
    assert 400 < int(completed) < 500, "the demo's completed entries, all in one batch"
    assert again["memory"]["peak_resident_mb"] > 50, "a Qt app started and was measured"
    for figure in again["figures"]:
        assert figure["ours"]["repetitions"] == figure["raw_sqlite3"]["repetitions"] == 3
        assert 0 < figure["ours"]["p50_ms"] <= figure["ours"]["p99_ms"]
        assert figure["ratio"] > 0


def test_the_bench_leaves_its_station_as_it_found_it(tmp_path: Path) -> None:
    where = tmp_path / "bench"
    ok_json(sohoa("bench", "--entries", "300", "--repetitions", "1", "--json", data_dir=where))

    check = ok_json(sohoa("check", "--json", data_dir=where))

    assert sum(check["entries"].values()) == 300, "the entries keyed to time the save are gone"
    assert "exported" not in check["entries"], "the entries exported to time it are back"
    assert check["healthy"] and check["daily_counts_off"] == [], "the day's counts still add up"


def test_the_bench_never_touches_a_station_of_its_own(station) -> None:
    result = sohoa("bench", "--entries", "100", data_dir=station.data_dir)

    assert result.returncode != 0
    assert "not a benchmark's station" in result.stderr
    assert (station.data_dir / "sohoa.sqlite3").exists()


def test_a_bench_stopped_while_building_is_built_again(tmp_path: Path) -> None:
    where = tmp_path / "bench"
    where.mkdir()
    (where / "bench-building").touch()
    (where / "sohoa.sqlite3").write_bytes(b"half a database")

    report = ok_json(sohoa("bench", "--entries", "100", "--repetitions", "1", "--json",
                           data_dir=where))  # fmt: skip

    assert report["entries"] == 100
    assert not (where / "bench-building").exists()


def test_a_figure_meets_its_target_at_the_99th_percentile() -> None:
    fast = Timings([10.0] * 99 + [49.0])
    slow = Timings([10.0] * 90 + [60.0] * 10)

    assert Figure("x", fast, Timings([5.0] * 100), 50).met
    assert not Figure("x", slow, Timings([5.0] * 100), 50).met
    assert Figure("x", fast, Timings([5.0] * 100), 50).ratio == 2.0
