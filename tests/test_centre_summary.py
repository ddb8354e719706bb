"""Every batch carries the station's summary; the centre keeps each station's
newest and says the province's status with the station's own figures.

Each test runs on a SQLite file and on a PostgreSQL server
(SOHOA_TEST_POSTGRES_URL, which .ci/run sets; locally the PostgreSQL runs
are skipped without it).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from batch_helpers import EXPORTED_AT, ExportingStation, FixedMoment, exporting_station
from central_helpers import DATABASES, central_database, central_entries
from hostile_batches import HostileStation, hostile_station
from sqlalchemy import Engine, func, select

from app.batch.age import decrypt
from app.batch.export import rewrite_batch
from app.batch.format import BAG_INFO, PAYLOAD, json_line
from app.batch.limits import MAX_SUMMARY_BOOKS, MAX_SUMMARY_BYTES
from app.batch.record import record_batch
from app.batch.summary import WINDOW_DAYS, book_state
from app.centre.intake import IntakeReport, Outcome, intake_batches
from app.centre.models import CentreStationSummary
from app.centre.status import ProvinceStatus, province_status
from app.cli import build_parser, run
from app.db.models import Book, Station, User
from app.demo import add_demo_double_keying
from app.keying.save import SaveAction, save_entry
from app.quality.error_rates import error_trends
from app.rules import FieldValue
from app.specs import spec_for
from app.system.clock import VIETNAM, SystemClock, local_today
from app.work import settings
from app.work.backlog import backlog_counts
from app.work.inventory import all_books
from app.work.tally import campaign_progress, tally

pytestmark = pytest.mark.usefixtures("memory_keyring")
TODAY = EXPORTED_AT.astimezone(VIETNAM).date()


@pytest.fixture(params=DATABASES)
def central(request, tmp_path: Path) -> Iterator[Engine]:
    with central_database(request.param, tmp_path) as engine:
        yield engine


@pytest.fixture
def station(tmp_path: Path) -> ExportingStation:
    """A demo station of a few hundred entries: some deferred, a draft, a
    tenth keyed twice."""
    station = exporting_station(tmp_path, entries=300, seed=5, code="BP-TANLAP")
    add_demo_double_keying(station.db, seed=5, clock=FixedMoment())
    with station.db.sessions.begin() as session:
        book = session.scalars(select(Book).order_by(Book.id)).first()
        clerk = session.scalars(select(User).where(User.username == "clerk01")).one()
        draft = save_entry(
            session, book=book, values={spec_for(book.kind).title_field: FieldValue("Lê Văn Tư")},
            user=clerk, action=SaveAction.DRAFT, clock=FixedMoment(),
        )  # fmt: skip
        assert draft.saved
    return station


def intake(engine: Engine, station: ExportingStation | HostileStation, *paths: Path):
    identities = station.identities() if callable(station.identities) else station.identities
    report: IntakeReport = intake_batches(
        engine, paths, identities=identities, trust=station.trust, clock=FixedMoment()
    )
    return report


def status(engine: Engine, today=TODAY) -> ProvinceStatus:
    with engine.connect() as connection:
        return province_status(connection, today)


def test_three_stations_each_given_at_the_centre_its_own_tally_and_backlog(
    station, central, tmp_path
) -> None:
    others = [
        exporting_station(tmp_path / "dongxoai", entries=120, seed=6, code="BP-DONGXOAI"),
        exporting_station(tmp_path / "locninh", entries=60, seed=7, code="BP-LOCNINH"),
    ]
    add_demo_double_keying(others[0].db, seed=6, clock=FixedMoment())
    stations = [station, *others]
    written = [s.export() for s in stations]
    assert all(w is not None for w in written)

    for s, w in zip(stations, written, strict=True):
        report = intake(central, s, w.path)
        assert report.ok and report.batches[0].summary_kept

    got = {g.station: g for g in status(central).stations}
    assert sorted(got) == ["BP-DONGXOAI", "BP-LOCNINH", "BP-TANLAP"]
    for s, w in zip(stations, written, strict=True):
        with s.db.sessions() as session:
            code = session.scalars(select(Station.code)).one()
        _assert_the_station_s_own_figures(got[code], s, w.sequence, w.entries)
    assert got["BP-TANLAP"].drafts == 1 and got["BP-LOCNINH"].drafts == 0
    assert got["BP-LOCNINH"].fields == 0  # nothing keyed twice there
    assert status(central).totals.done == sum(g.done for g in got.values())


def _assert_the_station_s_own_figures(got, station: ExportingStation, sequence, entries) -> None:
    """What the centre says of a station is what the station's lead sees."""
    first_day = TODAY - timedelta(days=WINDOW_DAYS - 1)
    with station.db.sessions() as session:
        progress = campaign_progress(session, TODAY)
        backlog = {reason.value: count for reason, count in backlog_counts(session).items()}
        books = all_books(session)
        shifts = settings.shifts(session)
        rows = tally(session, first_day, TODAY, shifts)
        trends = error_trends(session, TODAY, shifts)
        drafts = sum(b.draft_entries for b in books)
    assert got.summary_sequence == sequence == 1
    assert (got.target, got.done) == (progress.target, progress.done)
    assert [(d.day, d.completed) for d in got.summary.days] == progress.per_day
    assert got.deferred == backlog and sum(backlog.values()) > 0
    assert got.drafts == drafts
    assert sorted(
        (b.kind, b.office, b.volume, b.year, b.state, b.expected, b.done, b.deferred, b.drafts)
        for b in got.summary.books
    ) == sorted(
        (b.kind, b.office, b.volume, b.year, book_state(b), b.expected_entries, b.done_entries,
         b.deferred_entries, b.draft_entries)
        for b in books
    )  # fmt: skip
    assert sorted(
        (t.day, t.shift, t.clerk, t.kind, t.outcome, t.count) for t in got.summary.tally
    ) == sorted((r.day, r.shift, r.username, r.kind.value, r.outcome.value, r.count) for r in rows)
    assert rows
    expected_errors = {
        c.username: (sum(r.fields for r in c.trend.daily), sum(r.errors for r in c.trend.daily))
        for c in trends.clerks
    }
    assert {c.clerk: (c.fields, c.errors) for c in got.clerk_errors} == expected_errors
    assert got.last_backup is None  # the demo stations have not been backed up
    assert got.entries == entries and got.gaps.missing == 0
    assert got.days_since_batch == 0


def test_the_summary_tells_the_station_s_last_backup(station, central) -> None:
    backups = station.db.data_dir / "backups"
    backups.mkdir()
    (backups / f"daily-{TODAY}.sqlite3").write_bytes(b"a backup")
    written = station.export()
    assert written is not None

    intake(central, station, written.path)

    [got] = status(central).stations
    taken = (backups / f"daily-{TODAY}.sqlite3").stat().st_mtime
    assert got.last_backup is not None and got.last_backup.timestamp() == pytest.approx(taken)


def test_a_batch_written_again_carries_the_summary_it_was_recorded_with(station) -> None:
    first = station.export()
    assert first is not None
    summary = _plaintext(station, first.path).splitlines()[1]
    station.add_entries(20, seed=9)
    first.path.rename(first.path.with_name("lost"))

    again = rewrite_batch(
        station.db.sessions, first.sequence, station.stick, station.keystore, by=None,
        clock=FixedMoment(),
    )  # fmt: skip

    assert _plaintext(station, again.path).splitlines()[1] == summary


def test_a_newer_summary_replaces_an_older_and_never_the_reverse(
    station, tmp_path, central
) -> None:
    first = station.export()
    assert first is not None
    station.add_entries(40, seed=6)
    second = station.export()
    assert second is not None

    # The second batch comes first: the first, arriving late, leaves its summary.
    assert intake(central, station, second.path).batches[0].summary_kept
    late = intake(central, station, first.path)

    assert late.ok and not late.batches[0].summary_kept
    [got] = status(central).stations
    assert got.summary_sequence == 2 and got.gaps.missing == 0
    with station.db.sessions() as session:
        done = campaign_progress(session, TODAY).done
    assert got.done == done
    # In order, the second replaces the first.
    (tmp_path / "in-order").mkdir()
    with central_database("sqlite", tmp_path / "in-order") as in_order:
        intake(in_order, station, first.path)
        assert status(in_order).stations[0].summary_sequence == 1
        assert intake(in_order, station, second.path).batches[0].summary_kept
        assert status(in_order).stations[0].summary_sequence == 2
        assert status(in_order).stations[0].done == done


@pytest.mark.parametrize("version", [1, 2])
def test_a_batch_of_an_older_format_is_taken_and_leaves_the_station_without_summary(
    station, central, version
) -> None:
    _record_as_older_sohoa(station, version)
    written = station.export()
    assert written is not None
    assert f"Sohoa-Batch-Format: {version}\n" in (written.path / BAG_INFO).read_text()

    report = intake(central, station, written.path)

    assert report.ok and report.batches[0].new == written.entries
    assert not report.batches[0].summary_kept
    [got] = status(central).stations
    assert got.summary is None and got.done is None and got.entries == written.entries
    assert status(central).totals.without_summary == 1
    with central.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(CentreStationSummary)) == 0


def _record_as_older_sohoa(station: ExportingStation, version: int) -> None:
    """The next batch recorded as Sohoa of format ``version`` recorded it:
    no summary (and, format 1, no pages)."""
    with station.db.sessions.begin() as session:
        row = session.scalars(select(Station)).one()
        batch = record_batch(session, row, FixedMoment(), None, 10_000, last_backup=None)
        assert batch is not None
        header, _summary, *lines = zlib.decompress(batch.payload).decode().splitlines()
        labels = json.loads(header)
        labels["sohoa_batch"] = version
        if version == 1:
            del labels["pages"]
        batch.payload = zlib.compress(("\n".join([json_line(labels), *lines]) + "\n").encode())


@pytest.fixture
def hostile(tmp_path_factory) -> HostileStation:
    return hostile_station(tmp_path_factory.mktemp("hostile"))


def _changed(summary: dict, path: str, value) -> dict:
    """``summary`` with the value at ``path`` ("books.0.done") set, or removed for ``...``."""
    changed = json.loads(json.dumps(summary))
    *parents, last = path.split(".")
    where = changed
    for key in parents:
        where = where[int(key)] if isinstance(where, list) else where[key]
    if value is ...:
        del where[last]
    elif isinstance(where, list):
        where[int(last)] = value
    else:
        where[last] = value
    return changed


@pytest.mark.parametrize(
    ("path", "value", "reason"),
    [
        ("books", ..., "the line lacks its books"),
        ("secret", "x", "the line has an unknown key 'secret'"),
        ("books.0.done", -1, "books[0].done -1 is not a whole number from 0 to 2,147,483,647"),
        ("books.0.expected", "480", "books[0].expected is text, not a whole number"),
        ("books.0.state", "lost", "books[0].state 'lost' is not one of waiting, keying"),
        ("books.0.office", "UBND\x00", "books[0].office 'UBND\\x00' holds a control character"),
        ("progress.deadline", "22/11/2026", "progress.deadline '22/11/2026' is not a date"),
        ("audit_head", "f" * 64, "audit_head 'ffff"),
        ("at", "2026-11-22T10:00:00", "at '2026-11-22T10:00:00' is not a moment with its time"),
        ("backlog", [{"reason": "lazy", "entries": 1, "oldest": None}], "backlog[0].reason 'lazy'"),
        ("verification.waiting", 2**31, "verification.waiting 2147483648 is not a whole number"),
    ],
)
def test_a_malformed_summary_refuses_the_batch_with_its_reason(
    hostile, central, tmp_path, path, value, reason
) -> None:
    summary = {**hostile.summary, "audit_head": "0" * 64}
    assert summary["books"]
    batch = hostile.batch(tmp_path, summary=json_line(_changed(summary, path, value)).encode())

    report = intake(central, hostile, batch)

    refused = report.batches[0]
    assert refused.outcome is Outcome.REJECTED
    assert (refused.reason or "").startswith("payload line 2: the station's summary: "), refused
    assert reason in (refused.reason or ""), refused.reason
    assert central_entries(central) == {} and status(central).stations == []


def test_a_book_twice_or_a_summary_too_long_refuses_the_batch(hostile, central, tmp_path) -> None:
    summary = {**hostile.summary, "audit_head": "0" * 64}
    twice = {**summary, "books": [summary["books"][0]] * 2}
    wide = {**summary["books"][0], "office": "x" * 200}
    long = {**summary, "books": [wide] * MAX_SUMMARY_BOOKS}
    assert len(json_line(long)) > MAX_SUMMARY_BYTES

    report = intake(
        central, hostile,
        hostile.batch(tmp_path / "1", summary=json_line(twice).encode(), sequence=1),
        hostile.batch(tmp_path / "2", summary=json_line(long).encode(), sequence=2),
    )  # fmt: skip

    assert [b.reason for b in report.batches] == [
        "payload line 2: the station's summary: a book is listed twice in its books",
        "payload line 2, the station's summary, is longer than 8,388,608 bytes: no station's is",
    ]


def test_sohoa_centre_status_says_each_station_and_the_province(tmp_path, central, capsys) -> None:
    new = exporting_station(tmp_path / "new", entries=120, seed=7, code="BP-TANLAP")
    old = exporting_station(tmp_path / "old", entries=30, seed=8, code="BP-DONGPHU")
    first = new.export()
    new.add_entries(30, seed=10)
    second = new.export()
    _record_as_older_sohoa(old, 2)
    older = old.export()
    assert first is not None and second is not None and older is not None
    intake(central, new, second.path)
    intake(central, old, older.path)
    url = (
        central.url.database
        if central.url.get_backend_name() == "sqlite"
        else str(central.url.render_as_string(hide_password=False))
    )
    today = local_today(SystemClock())

    assert run(build_parser().parse_args(["centre", "status", "--db", url, "--json"])) == 0
    data = json.loads(capsys.readouterr().out)
    assert run(build_parser().parse_args(["centre", "status", "--db", url])) == 0
    text = capsys.readouterr().out

    expected = status(central, today)
    [dongphu, tanlap] = data["stations"]
    assert dongphu["station"] == "BP-DONGPHU" and dongphu["summary"] is None
    assert tanlap["summary"]["batch"] == 2
    assert tanlap["summary"]["done"] == expected.stations[1].done
    assert tanlap["summary"]["deferred"] == expected.stations[1].deferred
    assert tanlap["missing"] == {"missing": 1, "ranges": [[1, 1]], "more_ranges": 0}
    assert tanlap["days_since_batch"] == (today - TODAY).days
    assert data["totals"]["done"] == expected.stations[1].done
    assert data["totals"]["without_summary"] == 1
    assert data["totals"]["missing_batches"] == 1
    assert "BP-DONGPHU: no summary: its batches are of an older Sohoa" in text
    made = EXPORTED_AT.astimezone(VIETNAM)
    assert f"BP-TANLAP: summary of {made:%d/%m/%Y %H:%M}, batch 2" in text
    assert "missing: 1 (1 in all)" in text
    assert (
        f"  {expected.stations[1].done:,} of {expected.stations[1].target:,} entries done" in text
    )
    assert text.splitlines()[-1].startswith("Province: 2 stations (1 without a summary);")


def _plaintext(station: ExportingStation, path: Path) -> str:
    return decrypt((path / PAYLOAD).read_bytes(), station.identities()).decode()
