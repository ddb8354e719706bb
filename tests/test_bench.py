"""``sohoa bench``: the figures, the reused station, the directories it leaves alone.

A smoke test of the command, with no threshold: timings belong to the
benchmark's own report, never to the test suite (the machines are shared).
"""

from __future__ import annotations

from pathlib import Path

import psycopg
from central_helpers import postgres_server
from sqlalchemy import select
from test_cli import ok_json, sohoa
from work_helpers import add_book, key_entry

from app.bench.figures import Figure, Timings
from app.bench.keying import keying_operations, remove_bench_books
from app.bench.operation import raw_connection
from app.db.models import CheckFinding, User
from app.specs import BookKind


def test_the_bench_times_each_operation_beside_raw_sqlite(tmp_path: Path) -> None:
    where = tmp_path / "bench"

    first = sohoa("bench", "--entries", "500", "--repetitions", "1", "--without-scans",
                  data_dir=where)  # fmt: skip
    again = ok_json(sohoa("bench", "--entries", "500", "--repetitions", "2", "--json",
                          data_dir=where))  # fmt: skip

    assert first.returncode == 0, first.stderr
    assert "bench on 500 entries (built in" in first.stdout and again["built_seconds"] is None
    shown = {line.split("  ")[0]: line.split() for line in first.stdout.splitlines()}
    assert "≤50" in shown["dashboard refresh"]
    assert "import a 200-page book's scans" not in shown, "left out when asked"
    assert again["entries"] == 500
    targets = {f["name"]: f["target_ms"] for f in again["figures"]}
    completed = again["figures"][4]["name"].split()[1]
    assert targets == {
        "shift tally (the day by shift and clerk)": 50,
        "dashboard refresh": 50,
        "save an entry, next form ready": 25,
        "accent-insensitive name search": 50,
        f"export {completed} entries as a batch": 3000,
        f"intake of that batch into SQLite ({completed})": 5000,
        "import a 200-page book's scans": 30000,
        "show the next page beside the form": 100,
        "hand off a book of 500 entries": 30000,
        "cold start to the login window": 2000,
    }
    assert 400 < int(completed) < 500, "the demo's completed entries, all in one batch"
    assert again["memory"]["peak_resident_mb"] > 50, "a Qt app started and was measured"
    for figure in again["figures"]:
        assert figure["ours"]["repetitions"] == figure["raw_sqlite3"]["repetitions"] == 2
        assert 0 < figure["ours"]["p50_ms"] <= figure["ours"]["p99_ms"]
        assert figure["ratio"] > 0


def test_the_bench_leaves_its_station_as_it_found_it(tmp_path: Path) -> None:
    where = tmp_path / "bench"
    ok_json(sohoa("bench", "--entries", "300", "--repetitions", "1", "--without-scans", "--json",
                  data_dir=where))  # fmt: skip

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

    report = ok_json(sohoa("bench", "--entries", "100", "--repetitions", "1", "--without-scans",
                           "--json", data_dir=where))  # fmt: skip

    assert report["entries"] == 100
    assert not (where / "bench-building").exists()


def test_a_figure_meets_its_target_at_the_99th_percentile() -> None:
    fast = Timings([10.0] * 99 + [49.0])
    slow = Timings([10.0] * 90 + [60.0] * 10)

    assert Figure("x", fast, Timings([5.0] * 100), 50).met
    assert not Figure("x", slow, Timings([5.0] * 100), 50).met
    assert Figure("x", fast, Timings([5.0] * 100), 50).ratio == 2.0


def test_the_bench_books_go_with_what_the_checks_found_in_them(station, clock) -> None:
    """A bench run keys entries alike to the station's (its people come from
    the same factory): the findings go with them, or the next run, whose
    entries take the same ids, finds the same again and cannot keep it."""
    with station.sessions.begin() as session:
        admin = session.scalars(select(User)).one()
        kept = add_book(session, BookKind.BIRTH, "01", 1990)
        bench = add_book(session, BookKind.BIRTH, "99", 1990)
        key_entry(session, clock, kept, admin, clock.now(), 1)
        twin = key_entry(session, clock, bench, admin, clock.now(), 1)
        bench_id, twin_id = bench.id, twin.id
    assert found_in(station) == [twin_id], "the bench's entry was found alike to the station's"

    for _run in range(2):
        remove_bench_books(station, [bench_id], counted=bench_id)
        assert found_in(station) == []
        with station.sessions.begin() as session:
            bench = add_book(session, BookKind.BIRTH, "99", 1990)
            again = key_entry(session, clock, bench, admin, clock.now(), 1)
            bench_id = bench.id
        assert again.id == twin_id, "the next run's entry takes the same id"
        assert found_in(station) == [twin_id]


def test_what_an_older_bench_found_about_entries_gone_is_forgotten(station, clock) -> None:
    with station.sessions.begin() as session:
        admin = session.scalars(select(User)).one()
        book = add_book(session, BookKind.BIRTH, "01", 1990)
        for number in (1, 2):
            last = key_entry(session, clock, book, admin, clock.now(), number)
        gone = last.id + 1  # the id the bench's first entry takes
    found = found_in(station)
    with station.sessions.begin() as session:
        session.add(
            CheckFinding(
                check="possible_duplicate", signature=f"possible_duplicate:{last.id}:{gone}",
                book_id=None, entry_ids=[last.id, gone], detail={}, found_at=clock.now(),
                state="open",
            )
        )  # fmt: skip
    raw = raw_connection(station)
    try:
        with keying_operations(station, raw, saves=1, seed=1):
            assert found_in(station) == found, "what is about entries there stays"
    finally:
        raw.close()


def found_in(station) -> list[int]:
    """The bench entry of each finding (the newer of its pair)."""
    with station.sessions() as session:
        return [max(f.entry_ids) for f in session.scalars(select(CheckFinding))]


def test_the_centres_figures_on_postgresql(tmp_path: Path) -> None:
    server = postgres_server()
    where = tmp_path / "bench"
    before = bench_databases(server)

    report = ok_json(sohoa("bench", "--entries", "300", "--repetitions", "1", "--without-scans",
                           "--centre", "--db", server, "--json", data_dir=where))  # fmt: skip

    figures = {f["name"]: f for f in report["figures"]}
    centre = report["centre"]
    loaded = centre["intake_entries"]
    intake = figures[f"intake of {loaded:,} entries into PostgreSQL"]
    assert intake["target_ms"] == round(loaded / 10), "10,000 entries a second"
    assert 200 < loaded < 300 and centre["intake_batches"] == 1, "the demo's completed entries"
    assert centre["refresh_entries"] >= loaded and 1 < centre["refresh_stations"] <= 100
    refresh = figures[f"the centre's window refreshed ({centre['refresh_stations']} stations)"]
    assert refresh["target_ms"] == 200 and refresh["raw_sqlite3"]["p50_ms"] > 0
    assert bench_databases(server) <= before, "the bench dropped the databases it made"
    check = ok_json(sohoa("check", "--json", data_dir=where))
    assert "exported" not in check["entries"], "the entries exported to time it are back"


def test_the_centres_figures_need_a_postgresql_server(tmp_path: Path) -> None:
    result = sohoa("bench", "--entries", "100", "--centre", "--db", str(tmp_path / "c.sqlite3"),
                   data_dir=tmp_path / "bench")  # fmt: skip

    assert result.returncode != 0
    assert "--centre needs --db postgresql://" in result.stderr


def bench_databases(server: str) -> set[str]:
    with psycopg.connect(server, autocommit=True) as connection:
        query = "SELECT datname FROM pg_database WHERE datname LIKE 'sohoa_bench%'"
        return {name for (name,) in connection.execute(query)}
