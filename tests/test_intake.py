"""Intake at the centre: every batch once, the newest version of each entry, gaps named.

Each test runs on a SQLite file and on a PostgreSQL server (SOHOA_TEST_POSTGRES_URL,
which .ci/run sets; locally the PostgreSQL runs are skipped without it).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from batch_helpers import FixedMoment, correct_entry, exporting_station
from central_helpers import DATABASES, central_database, central_entries
from sqlalchemy import Engine, inspect, select, text

from app.batch.age import read_identities, write_identity
from app.batch.export import rewrite_batch
from app.batch.keys import set_centre_recipients
from app.batch.trust import TrustList
from app.centre.database import CentralDatabaseError, open_central
from app.centre.intake import IntakeReport, Outcome, SequenceGaps, intake_batches
from app.centre.models import ReceivedBatch
from app.db.models import Entry, EntryStatus

pytestmark = pytest.mark.usefixtures("memory_keyring")
NONE_MISSING = SequenceGaps()


@pytest.fixture(params=DATABASES)
def central(request, tmp_path: Path) -> Iterator[Engine]:
    """A new, empty central database."""
    with central_database(request.param, tmp_path) as engine:
        yield engine


def intake(engine: Engine, station, *paths: Path, identities=None) -> IntakeReport:
    return intake_batches(
        engine,
        paths,
        identities=identities or station.identities(),
        trust=station.trust,
        clock=FixedMoment(),
    )


def station_entries(station) -> dict[str, tuple[int, dict]]:
    with station.db.sessions() as session:
        rows = session.execute(
            select(Entry.uuid, Entry.version, Entry.values).where(Entry.status == "exported")
        )
        return {u: (v, values) for u, v, values in rows}


def test_a_batch_brings_its_entries_as_keyed(central, tmp_path: Path) -> None:
    station = exporting_station(tmp_path)
    batch = station.export()
    assert batch is not None

    report = intake(central, station, batch.path)

    assert report.ok and report.gaps == {"DEMO-01": NONE_MISSING}
    loaded = report.batches[0]
    assert (loaded.outcome, loaded.new, loaded.station, loaded.sequence) == (
        Outcome.LOADED, batch.entries, "DEMO-01", 1
    )  # fmt: skip
    assert central_entries(central) == station_entries(station)


def test_the_same_batch_twice_changes_nothing(central, tmp_path: Path) -> None:
    station = exporting_station(tmp_path)
    batch = station.export()
    assert batch is not None
    intake(central, station, batch.path)
    before = central_entries(central)

    again = intake(central, station, batch.path)

    assert again.ok and again.batches[0].outcome is Outcome.ALREADY_LOADED
    assert "nothing changed" in (again.batches[0].note or "")
    assert central_entries(central) == before
    with central.connect() as connection:
        assert len(connection.execute(select(ReceivedBatch.id)).all()) == 1


def test_a_batch_written_again_for_a_lost_stick_is_the_same_batch(central, tmp_path) -> None:
    station = exporting_station(tmp_path)
    batch = station.export()
    assert batch is not None
    other_stick = tmp_path / "other-stick"
    other_stick.mkdir()
    again = rewrite_batch(
        station.db.sessions, 1, other_stick, station.keystore, by=None, clock=FixedMoment()
    )

    report = intake(central, station, batch.path, again.path)

    assert [b.outcome for b in report.batches] == [Outcome.LOADED, Outcome.ALREADY_LOADED]


@pytest.mark.parametrize("order", ["in order", "newer first"])
def test_the_newer_version_of_an_entry_wins_whatever_the_order(central, tmp_path, order) -> None:
    station = exporting_station(tmp_path)
    first = station.export()
    with station.db.sessions() as session:
        corrected = session.scalars(select(Entry).where(Entry.status == "exported")).first()
    correct_entry(station.db, corrected.id, "Nguyễn Văn Sửa")
    station.add_entries(10, seed=2)
    second = station.export()
    assert first is not None and second is not None
    paths = [first.path, second.path] if order == "in order" else [second.path, first.path]

    report = intake(central, station, *paths)

    assert report.ok
    entries = central_entries(central)
    assert entries == station_entries(station)
    version, values = entries[corrected.uuid]
    assert version == 2 and "Nguyễn Văn Sửa" in str(values)
    overlap = {b.sequence: (b.new, b.updated, b.older) for b in report.batches}
    if order == "in order":
        assert overlap[2] == (second.entries - 1, 1, 0)
    else:
        assert overlap[1] == (first.entries - 1, 0, 1)


def test_a_missing_sequence_number_is_reported_until_it_comes(central, tmp_path) -> None:
    station = exporting_station(tmp_path, entries=10)
    batches = []
    for seed in (2, 3):
        batches.append(station.export())
        station.add_entries(10, seed=seed)
    batches.append(station.export())
    first, second, third = (b.path for b in batches)

    without_second = intake(central, station, first, third)
    completed = intake(central, station, second)

    assert without_second.ok and without_second.gaps == {
        "DEMO-01": SequenceGaps(((2, 2),), missing=1)
    }
    assert completed.gaps == {"DEMO-01": NONE_MISSING}
    assert central_entries(central) == station_entries(station)


def test_a_batch_for_another_centre_is_refused_and_loads_nothing(central, tmp_path) -> None:
    station = exporting_station(tmp_path)
    batch = station.export()
    assert batch is not None
    write_identity(tmp_path / "other-centre.txt")

    report = intake(
        central, station, batch.path, identities=read_identities(tmp_path / "other-centre.txt")
    )

    assert not report.ok
    assert report.batches[0].outcome is Outcome.REJECTED
    assert "cannot be decrypted with this identity" in (report.batches[0].reason or "")
    assert central_entries(central) == {}
    assert report.gaps == {"DEMO-01": NONE_MISSING}


def test_a_damaged_batch_among_good_ones_is_refused_alone(central, tmp_path) -> None:
    station = exporting_station(tmp_path, entries=10)
    first = station.export()
    station.add_entries(10, seed=2)
    second = station.export()
    assert first is not None and second is not None
    (second.path / "bag-info.txt").write_text("changed\n")

    report = intake(central, station, first.path, second.path)

    assert [b.outcome for b in report.batches] == [Outcome.LOADED, Outcome.REJECTED]
    assert (
        report.batches[1].reason
        == "bag-info.txt was changed: it does not match tagmanifest-sha512.txt"
    )
    assert len(central_entries(central)) == first.entries


def test_a_station_cannot_change_another_stations_entries(central, tmp_path) -> None:
    ours = exporting_station(tmp_path / "ours", entries=10)
    theirs = exporting_station(tmp_path / "theirs", entries=10, seed=2, code="BP-02")
    first = ours.export()
    with ours.db.sessions() as session:
        taken = session.scalars(select(Entry.uuid).where(Entry.status == "exported")).first()
    with theirs.db.sessions.begin() as session:
        set_centre_recipients(session, str(ours.identities()[0].to_public()))
        entry = session.scalars(select(Entry).where(Entry.status == "completed")).first()
        entry.uuid, entry.version = taken, 99
    second = theirs.export()
    assert first is not None and second is not None

    report = intake_batches(
        central,
        [first.path, second.path],
        identities=ours.identities(),
        trust=TrustList.of([ours.key, theirs.key]),
        clock=FixedMoment(),
    )

    assert [b.outcome for b in report.batches] == [Outcome.LOADED, Outcome.REJECTED]
    assert report.batches[1].reason == (
        f"entry {taken} is station DEMO-01's: a batch of station BP-02 cannot change it;"
        " nothing was kept"
    )
    assert central_entries(central) == station_entries(ours)


def test_two_intakes_of_the_same_batch_at_once_load_it_once(central, tmp_path) -> None:
    station = exporting_station(tmp_path, entries=200)
    batch = station.export()
    assert batch is not None
    reports: list[IntakeReport] = []

    def operator() -> None:
        reports.append(intake(central, station, batch.path))

    operators = [threading.Thread(target=operator) for _ in range(2)]
    for thread in operators:
        thread.start()
    for thread in operators:
        thread.join()

    outcomes = sorted(r.batches[0].outcome.value for r in reports)
    assert outcomes == [Outcome.ALREADY_LOADED.value, Outcome.LOADED.value]
    assert central_entries(central) == station_entries(station)
    assert station.count(EntryStatus.EXPORTED) == batch.entries


def test_a_stations_own_database_is_no_central_database(tmp_path: Path) -> None:
    station = exporting_station(tmp_path, entries=5)

    with pytest.raises(CentralDatabaseError, match="is a station's database"):
        open_central(str(station.db.path))


def test_a_central_database_of_an_older_sohoa_gains_the_indexes_it_lacks(central) -> None:
    """An older Sohoa's centre lacks the index the window counts by: the
    newer one builds it when it first opens the database."""
    with central.begin() as connection:
        connection.execute(text("DROP INDEX ix_centre_entries_completed"))
    url = central.url
    sqlite = url.get_backend_name() == "sqlite"

    again = open_central(url.database if sqlite else url.render_as_string(hide_password=False))
    try:
        names = {i["name"] for i in inspect(again).get_indexes("centre_entries")}
    finally:
        again.dispose()
    assert "ix_centre_entries_completed" in names
