"""Page scans travel to the centre inside the batches: each page once, with
the first batch that holds an entry on it; the centre checks, keeps and
gives them back for a book's hand-off."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from batch_helpers import (
    ExportingStation,
    FixedMoment,
    copy_batch,
    exporting_station,
    memory_keyring_installed,
)
from central_helpers import DATABASES, central_database
from openpyxl import load_workbook
from scan_helpers import save_page
from sqlalchemy import Engine, delete, func, select, update

import app.batch.export as export_module
from app.batch.export import ExportError, ExportProblem
from app.batch.format import BAG_INFO, PARTIAL, SCANS, BatchRejected
from app.batch.record import record_batch
from app.batch.verify import verify_batch
from app.centre.books import CentreBookSource, NoSuchCentreBook, centre_books
from app.centre.database import centre_scans, open_central
from app.centre.intake import IntakeReport, Outcome, intake_batches
from app.centre.models import CentrePage
from app.db.models import Batch, BatchScan, Book, BookScan, Entry, Station, User
from app.handoff.book import make_handoff
from app.handoff.source import HandoffBook
from app.handoff.station import station_book
from app.scans.importing import prepare, record
from app.scans.pages import entry_page
from app.scans.store import ScanStore, digest
from app.system.paths import scans_dir


@pytest.fixture
def keyring():
    with memory_keyring_installed() as backend:
        yield backend


def scan_books(station: ExportingStation, folder: Path) -> dict[tuple[int, int], bytes]:
    """Every page the station's entries are on scanned and imported; each
    (book, page) and its image's bytes."""
    store = ScanStore(scans_dir(station.db.data_dir))
    with station.db.sessions() as session:
        values = session.execute(select(Entry.book_id, Entry.values)).all()
    pages: dict[int, set[int]] = {}
    for book_id, entry_values in values:
        page = entry_page(entry_values)
        if page is not None:
            pages.setdefault(book_id, set()).add(page)
    images: dict[tuple[int, int], bytes] = {}
    for book_id, numbers in sorted(pages.items()):
        files = [
            save_page(folder / f"book{book_id}" / f"p{page:03d}.jpg", f"book {book_id} page {page}")
            for page in range(1, max(numbers) + 1)
        ]
        prepared = prepare(store, files)
        assert not prepared.refused
        with station.db.sessions.begin() as session:
            lead = session.scalars(select(User).where(User.username == "lead01")).one()
            record(session, FixedMoment(), lead, book_id, prepared, first_page=1)
        for page, kept in enumerate(prepared.pages, start=1):
            images[book_id, page] = store.read(kept.sha256, kept.media_type)
    return images


@pytest.fixture
def scanned(keyring, tmp_path) -> tuple[ExportingStation, dict[tuple[int, int], bytes]]:
    station = exporting_station(tmp_path)
    return station, scan_books(station, tmp_path / "pages")


def intake(station: ExportingStation, engine: Engine, store: ScanStore, *paths: Path):
    report: IntakeReport = intake_batches(
        engine, paths, identities=station.identities(), trust=station.trust,
        clock=FixedMoment(), scans=store,
    )  # fmt: skip
    return report


def exported_pages(station: ExportingStation) -> set[tuple[int, int]]:
    """The (book, page) of every exported entry that has a scan."""
    with station.db.sessions() as session:
        rows = session.execute(select(Entry.book_id, Entry.values, Entry.status)).all()
        scanned = {(b, p) for b, p in session.execute(select(BookScan.book_id, BookScan.page))}
    on = {(book, entry_page(values)) for book, values, status in rows if status == "exported"}
    return on & scanned


def centre_pages(engine: Engine) -> dict[tuple[str, str, int], str]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(CentrePage.kind, CentrePage.book_volume, CentrePage.page, CentrePage.sha256)
        )
        return {(kind, volume, page): sha256 for kind, volume, page, sha256 in rows}


@pytest.mark.parametrize("database", DATABASES)
def test_each_page_travels_once_with_the_first_batch_of_an_entry_on_it(
    scanned, tmp_path, database
) -> None:
    station, images = scanned
    centre_store = ScanStore(tmp_path / "centre-scans")
    first = station.export()
    assert first is not None

    verified = verify_batch(first.path, station.trust)

    carried = exported_pages(station)
    assert carried and len(verified.scans) == len(carried)
    # Nothing about a page is readable on the stick but its file's name.
    for scan in verified.scans:
        assert images_of(images, carried).count(scan.sha256) == 1
        assert (first.path / scan.name).read_bytes().startswith(b"age-encryption.org/v1")
    with central_database(database, tmp_path) as engine:
        report = intake(station, engine, centre_store, first.path, first.path)

        assert [b.outcome for b in report.batches] == [Outcome.LOADED, Outcome.ALREADY_LOADED]
        assert report.batches[0].pages == len(carried)
        at_centre = centre_pages(engine)
        assert len(at_centre) == len(carried)
        for sha256 in at_centre.values():
            assert centre_store.read(sha256, "image/jpeg") in images.values()
        assert len(list(centre_store.files())) == len(carried)

        # More entries on the same pages and on new ones: only the new pages travel.
        station.add_entries(25, seed=2)
        scan_books(station, tmp_path / "more-pages")
        second = station.export()
        assert second is not None
        again = verify_batch(second.path, station.trust)
        assert {s.sha256 for s in again.scans}.isdisjoint({s.sha256 for s in verified.scans})
        assert intake(station, engine, centre_store, second.path).ok
        assert len(centre_pages(engine)) == len(exported_pages(station))
        assert len(list(centre_store.files())) == len(exported_pages(station))


def images_of(images: dict[tuple[int, int], bytes], pages: set[tuple[int, int]]) -> list[str]:
    return [digest(images[page]) for page in pages]


def test_a_batch_written_again_carries_the_same_pages(scanned, tmp_path) -> None:
    station, _ = scanned
    first = station.export()
    assert first is not None
    before = {s.sha256 for s in verify_batch(first.path, station.trust).scans}
    lost = tmp_path / "lost"
    first.path.rename(lost)

    again = export_module.rewrite_batch(
        station.db.sessions, first.sequence, station.stick, station.keystore, by=None,
        clock=FixedMoment(),
    )  # fmt: skip

    assert {s.sha256 for s in verify_batch(again.path, station.trust).scans} == before


@pytest.mark.parametrize("database", DATABASES)
def test_a_batch_of_the_format_before_scans_is_still_taken(keyring, tmp_path, database) -> None:
    station = exporting_station(tmp_path)
    scan_books(station, tmp_path / "pages")
    # Recorded by an older Sohoa: a format 1 header, no summary, no page lines, no scans.
    with station.db.sessions.begin() as session:
        row = session.scalars(select(Station)).one()
        batch = record_batch(session, row, FixedMoment(), None, 10_000, last_backup=None)
        assert batch is not None
        lines = zlib.decompress(batch.payload).decode().splitlines()
        header = json.loads(lines[0])
        header["sohoa_batch"] = 1
        del header["pages"]
        kept = [json.dumps(header, separators=(",", ":"), sort_keys=True)]
        kept += lines[2 : 2 + batch.entry_count]
        batch.payload = zlib.compress(("\n".join(kept) + "\n").encode())
        session.execute(delete(BatchScan).where(BatchScan.batch_id == batch.id))

    written = station.export()

    assert written is not None
    assert "Sohoa-Batch-Format: 1\n" in (written.path / BAG_INFO).read_text()
    assert not (written.path / SCANS).exists()
    verified = verify_batch(written.path, station.trust)
    assert verified.info.format == 1 and verified.scans == ()
    with central_database(database, tmp_path) as engine:
        report = intake(station, engine, ScanStore(tmp_path / "centre-scans"), written.path)
        assert report.ok and report.batches[0].new == written.entries
        assert centre_pages(engine) == {}
    # The pages it did not carry go with the next batch that has an entry on them.
    station.add_entries(10, seed=3)
    scan_books(station, tmp_path / "more-pages")
    following = station.export()
    assert following is not None
    assert verify_batch(following.path, station.trust).scans


def test_an_export_cut_short_by_a_pulled_stick_is_finished_by_the_next(
    scanned, tmp_path, monkeypatch
) -> None:
    station, images = scanned
    written_pages: list[Path] = []
    real_write = export_module.write_file

    def pulled_after_three(path: Path, data: bytes) -> None:
        if path.name.endswith(".age.part"):
            if len(written_pages) == 3:
                with path.open("xb") as half:  # the stick goes in the middle of a page
                    half.write(data[: len(data) // 2])
                raise OSError(errno.EIO, "Input/output error", str(path))
            written_pages.append(path.with_name(path.name.removesuffix(".part")))
        real_write(path, data)

    monkeypatch.setattr(export_module, "write_file", pulled_after_three)
    with pytest.raises(ExportError) as failed:
        station.export()
    assert failed.value.problem is ExportProblem.WRITE_FAILED
    partial = station.stick / ("sohoa-DEMO-01-000001" + PARTIAL)
    kept = {path.name: path.read_bytes() for path in written_pages}
    assert len(kept) == 3 and all(path.is_file() for path in written_pages)
    with station.db.sessions() as session:
        assert session.scalars(select(Batch.exported_at)).one() is None
    monkeypatch.setattr(export_module, "write_file", real_write)

    written = station.export()

    assert written is not None and written.marked == written.entries
    assert not partial.exists()
    # The whole pages were kept as they were (age never writes the same bytes twice).
    for name, data in kept.items():
        assert (written.path / SCANS / name).read_bytes() == data
    verified = verify_batch(written.path, station.trust)
    assert len(verified.scans) == len(exported_pages(station))
    with central_database("sqlite", tmp_path) as engine:
        store = ScanStore(tmp_path / "centre-scans")
        report = intake(station, engine, store, written.path, written.path)
        assert [b.outcome for b in report.batches] == [Outcome.LOADED, Outcome.ALREADY_LOADED]
        assert len(centre_pages(engine)) == len(verified.scans)
        assert sorted(store.read(s.sha256, s.media_type) for s in verified.scans) == sorted(
            images[page] for page in exported_pages(station)
        )


def test_a_page_changed_on_the_stick_after_a_cut_is_written_again_not_signed(
    scanned, tmp_path, monkeypatch
) -> None:
    station, _ = scanned
    real_write = export_module.write_file
    pages: list[Path] = []

    def pulled_after_two(path: Path, data: bytes) -> None:
        if path.name.endswith(".age.part"):
            if len(pages) == 2:
                raise OSError(errno.EIO, "Input/output error", str(path))
            pages.append(path.with_name(path.name.removesuffix(".part")))
        real_write(path, data)

    monkeypatch.setattr(export_module, "write_file", pulled_after_two)
    with pytest.raises(ExportError):
        station.export()
    monkeypatch.setattr(export_module, "write_file", real_write)
    damaged, whole = pages
    damaged.write_bytes(damaged.read_bytes()[:-16] + bytes(16))  # a bad sector, say
    kept = whole.read_bytes()

    written = station.export()

    assert written is not None
    assert (written.path / SCANS / whole.name).read_bytes() == kept, "the sound page kept"
    with central_database("sqlite", tmp_path) as engine:
        report = intake(station, engine, ScanStore(tmp_path / "centre-scans"), written.path)
        assert [b.outcome for b in report.batches] == [Outcome.LOADED], report.batches[0].reason


def test_a_scan_missing_from_the_station_is_said_and_nothing_is_marked(scanned) -> None:
    station, _ = scanned
    store = ScanStore(scans_dir(station.db.data_dir))
    next(iter(store.files())).unlink()

    with pytest.raises(ExportError) as failed:
        station.export()

    assert failed.value.problem is ExportProblem.SCAN_MISSING
    assert "restore the station's scans from a backup" in str(failed.value)
    with station.db.sessions() as session:
        assert session.scalars(select(Batch.exported_at)).one() is None


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda f: f.write_bytes(f.read_bytes()[:-1] + b"\x00"), "was changed: it does not match"),
        (lambda f: f.write_bytes(f.read_bytes() + b"x"), "truncated or padded"),
        (lambda f: f.unlink(), "Payload-Oxum counts"),
        (lambda f: f.rename(f.with_name("0" * 64 + ".jpg.age")), "does not list"),
        (lambda f: f.with_name("notes.txt").write_text("hi"), "unexpected file"),
    ],
)
def test_a_tampered_scan_is_refused_at_verify_and_at_intake(
    scanned, tmp_path, damage, reason
) -> None:
    station, _ = scanned
    written = station.export()
    assert written is not None
    batch = copy_batch(written.path, tmp_path / "copy")
    damage(next((batch / SCANS).iterdir()))

    with pytest.raises(BatchRejected, match=reason):
        verify_batch(batch, station.trust)
    with central_database("sqlite", tmp_path) as engine:
        store = ScanStore(tmp_path / "centre-scans")
        report = intake(station, engine, store, batch)
        assert report.batches[0].outcome is Outcome.REJECTED
        assert reason in (report.batches[0].reason or "")
        assert centre_pages(engine) == {}
        # Pages read whole before the damaged one may be in the store: each
        # is the page it is named after, and no row names it.
        for kept in store.files():
            assert digest(kept.read_bytes()) == kept.name.split(".")[0]


@pytest.mark.parametrize("database", DATABASES)
def test_the_centre_gives_a_book_as_a_handoff_source(scanned, tmp_path, database) -> None:
    station, images = scanned
    written = station.export()
    assert written is not None
    with station.db.sessions() as session:
        book = session.get_one(Book, 1)
        named = HandoffBook("DEMO-01", book.kind, book.office, book.volume, book.year)
        expected = session.execute(
            select(Entry.uuid, Entry.values)
            .where(Entry.book_id == 1, Entry.status == "exported")
            .order_by(Entry.year, Entry.number)
        ).all()
    with central_database(database, tmp_path) as engine:
        store = ScanStore(tmp_path / "centre-scans")
        assert intake(station, engine, store, written.path).ok

        books = centre_books(engine)
        source = CentreBookSource(engine, store, named)

        listed = next(b for b in books if b.handoff_book == named)
        assert listed.entries == len(expected)
        assert listed.pages == len({p for b, p in exported_pages(station) if b == 1})
        entries = source.entries()
        assert [e.uuid for e in entries] == [uuid for uuid, _ in expected]
        for entry in entries:
            scan = source.page(entry.page)
            assert scan is not None
            assert source.page_bytes(scan) == images[1, entry.page]
        assert source.page(999) is None
        # A page damaged in the store is said, not handed over.
        scan = source.page(entries[0].page)
        assert scan is not None
        store.path(scan.sha256, scan.media_type).write_bytes(b"not the page")
        with pytest.raises(FileNotFoundError, match="damaged"):
            source.page_bytes(scan)
        with pytest.raises(NoSuchCentreBook):
            CentreBookSource(engine, store, HandoffBook("DEMO-01", book.kind, "x", "9", 1900))


def test_a_page_scanned_again_replaces_the_older_at_the_centre_never_the_reverse(
    scanned, tmp_path
) -> None:
    station, _ = scanned
    first = station.export()
    assert first is not None
    # The lead scans page 1 of book 1 again, and a clerk corrects an entry on it.
    store = ScanStore(scans_dir(station.db.data_dir))
    new_image = save_page(tmp_path / "again" / "p001.jpg", "page 1, scanned again")
    prepared = prepare(store, [new_image])
    with station.db.sessions.begin() as session:
        session.execute(delete(BookScan).where(BookScan.book_id == 1, BookScan.page == 1))
        lead = session.scalars(select(User).where(User.username == "lead01")).one()
        record(session, FixedMoment(), lead, 1, prepared, first_page=1)
        on_page_one = [
            e for e in session.scalars(select(Entry).where(Entry.book_id == 1))
            if entry_page(e.values) == 1
        ]  # fmt: skip
        session.execute(
            update(Entry).where(Entry.id == on_page_one[0].id).values(status="completed")
        )
    second = station.export()
    assert second is not None
    with central_database("sqlite", tmp_path) as engine:
        centre = ScanStore(tmp_path / "centre-scans")
        # The later batch first, then the earlier: the later page stays.
        assert intake(station, engine, centre, second.path, first.path).ok
        source = CentreBookSource(engine, centre, _named(station, 1))
        scan = source.page(1)
        assert scan is not None and scan.sha256 == prepared.pages[0].sha256


def _named(station: ExportingStation, book_id: int) -> HandoffBook:
    with station.db.sessions() as session:
        book = session.get_one(Book, book_id)
        return HandoffBook("DEMO-01", book.kind, book.office, book.volume, book.year)


def test_a_book_through_a_batch_to_the_centre_and_out_as_its_hand_off(scanned, tmp_path) -> None:
    """The centre's hand-off of a book holds what the station's own holds of
    the entries it sent: the same rows, the same PDFs byte for byte."""
    station, _ = scanned
    written = station.export()
    assert written is not None
    (tmp_path / "station-handoff").mkdir()
    with station.db.sessions() as session:
        book = session.get_one(Book, 1)
        exported = session.scalar(
            select(func.count()).select_from(Entry)
            .where(Entry.book_id == 1, Entry.status == "exported")
        )  # fmt: skip
        at_station = make_handoff(
            station_book(session, 1, ScanStore(scans_dir(station.db.data_dir))),
            tmp_path / "station-handoff",
        )
        named = f"DEMO-01/{book.kind}/{book.volume}/{book.year}"
    centre = tmp_path / "centre.sqlite3"
    engine = open_central(str(centre))
    try:
        assert intake(station, engine, ScanStore(centre_scans(engine)), written.path).ok
    finally:
        engine.dispose()
    target = tmp_path / "centre-handoff"
    target.mkdir()

    made = subprocess.run(
        [str(Path(sys.executable).parent / "sohoa"), "handoff", "--db", str(centre),
         "--book", named, "--to", str(target), "--json"],
        capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )  # fmt: skip

    assert made.returncode == 0, made.stderr
    result = json.loads(made.stdout)
    assert result["rows"] == result["pdfs"] == exported > 0
    with (
        zipfile.ZipFile(result["archive"]) as centre_zip,
        zipfile.ZipFile(at_station.archive) as station_zip,
    ):
        assert len(centre_zip.namelist()) == exported
        for name in centre_zip.namelist():
            assert centre_zip.read(name) == station_zip.read(name)
    centre_rows = list(load_workbook(result["workbook"]).active.iter_rows(values_only=True))
    station_rows = set(load_workbook(at_station.workbook).active.iter_rows(values_only=True))
    assert len(centre_rows) == exported + 1
    assert set(centre_rows) <= station_rows


def test_a_book_scanned_after_its_entries_went_sends_its_pages_with_the_next_batch(
    keyring, tmp_path
) -> None:
    station = exporting_station(tmp_path)
    first = station.export()
    assert first is not None
    assert verify_batch(first.path, station.trust).scans == (), "nothing was scanned yet"
    images = scan_books(station, tmp_path / "pages")
    station.add_entries(5, seed=2)

    second = station.export()

    assert second is not None
    carried = {scan.sha256 for scan in verify_batch(second.path, station.trust).scans}
    assert carried == set(images_of(images, exported_pages(station)))
    assert station.export() is None, "nothing is left to carry, nor to send"
