"""Exporting a batch: what is ready goes, once, and is marked only when on the stick."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from batch_helpers import EXPORTED_AT, FixedMoment, correct_entry, exporting_station
from sqlalchemy import select

from app.batch.age import decrypt
from app.batch.export import ExportError, list_batches, plan_export, rewrite_batch
from app.batch.format import BAG_INFO, FILES, PAYLOAD
from app.batch.keys import StationKeyError
from app.batch.verify import verify_batch
from app.db.models import Batch, BatchEntry, Entry, EntryStatus, Station

pytestmark = pytest.mark.usefixtures("memory_keyring")


def plaintext(station, path: Path) -> list[str]:
    return decrypt((path / PAYLOAD).read_bytes(), station.identities()).decode().splitlines()


def test_an_export_takes_every_completed_entry_once_and_marks_it(tmp_path: Path) -> None:
    station = exporting_station(tmp_path)
    completed = station.count(EntryStatus.COMPLETED)
    deferred = station.count(EntryStatus.DEFERRED)
    with station.db.sessions() as session:
        plan = plan_export(session)
    calls: list[tuple[int, int]] = []

    written = station.export(progress=lambda done, total: calls.append((done, total)))

    assert plan is not None and plan.entries == completed and plan.sequence == 1
    assert written is not None and written.entries == completed == written.marked
    assert written.path == station.stick / "sohoa-DEMO-01-000001"
    assert sorted(p.relative_to(written.path).as_posix() for p in written.path.rglob("*")) == (
        sorted([*FILES, "data"])
    )
    assert station.count(EntryStatus.EXPORTED) == completed
    assert station.count(EntryStatus.COMPLETED) == 0
    assert station.count(EntryStatus.DEFERRED) == deferred, "deferred entries stay"
    assert calls[-1] == (plan.progress_total, plan.progress_total)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    lines = plaintext(station, written.path)
    assert len(lines) == completed + 2  # the header, the station's summary, the entries
    assert f'"batch":"{written.uuid}"' in lines[0] and '"station":"DEMO-01"' in lines[0]
    assert verify_batch(written.path, station.trust).info.entries == completed


def test_nothing_ready_writes_nothing(tmp_path: Path) -> None:
    station = exporting_station(tmp_path)
    station.export()

    again = station.export()

    assert again is None
    with station.db.sessions() as session:
        assert plan_export(session) is None
    assert len(list(station.stick.iterdir())) == 1


def test_batches_are_numbered_per_station_and_take_only_what_is_new(tmp_path: Path) -> None:
    station = exporting_station(tmp_path)
    first = station.export()
    station.add_entries(20, seed=2)
    newly = station.count(EntryStatus.COMPLETED)

    second = station.export()

    assert first is not None and second is not None
    assert (first.sequence, second.sequence) == (1, 2)
    assert second.entries == newly
    assert second.path.name == "sohoa-DEMO-01-000002"
    with station.db.sessions() as session:
        assert [b.sequence for b in list_batches(session)] == [2, 1]


def test_many_entries_go_as_several_batches_oldest_first(tmp_path: Path) -> None:
    station = exporting_station(tmp_path)
    completed = station.count(EntryStatus.COMPLETED)
    with station.db.sessions() as session:
        plan = plan_export(session, limit=7)
        first_completed = session.scalars(
            select(Entry.uuid).where(Entry.status == "completed").order_by(Entry.completed_at)
        ).first()

    sizes = []
    while (written := station.export(limit=7)) is not None:
        sizes.append(written.entries)

    assert plan is not None and (plan.entries, plan.ready) == (7, completed)
    assert sum(sizes) == completed and set(sizes[:-1]) == {7}
    assert first_completed in plaintext(station, station.stick / "sohoa-DEMO-01-000001")[2]
    assert station.count(EntryStatus.EXPORTED) == completed


def test_a_corrected_entry_goes_again_at_its_new_version(tmp_path: Path) -> None:
    station = exporting_station(tmp_path)
    first = station.export()
    with station.db.sessions() as session:
        entry_id = session.scalars(select(Entry.id).where(Entry.status == "exported")).first()

    version = correct_entry(station.db, entry_id, "Nguyễn Văn Sửa")
    second = station.export()

    assert first is not None and second is not None
    assert version == 2 and second.entries == 1
    with station.db.sessions() as session:
        versions = session.execute(
            select(Batch.sequence, BatchEntry.version)
            .join(Batch)
            .where(BatchEntry.entry_id == entry_id)
            .order_by(Batch.sequence)
        ).all()
    assert versions == [(1, 1), (2, 2)]
    assert "Nguyễn Văn Sửa" in plaintext(station, second.path)[2]


def test_an_exported_entry_saved_again_unchanged_stays_at_the_centre(tmp_path: Path) -> None:
    station = exporting_station(tmp_path)
    station.export()
    with station.db.sessions() as session:
        entry = session.scalars(select(Entry).where(Entry.status == "exported")).first()
        entry_id, title = entry.id, entry.title

    version = correct_entry(station.db, entry_id, title)

    assert version == 1
    assert station.count(EntryStatus.COMPLETED) == 0
    assert station.export() is None


def test_a_save_in_the_window_during_an_export_waits_its_turn(tmp_path: Path) -> None:
    """The window saves (a draft, a clerk's activity) while the export reads
    the entries of its batch; neither is refused."""
    station = exporting_station(tmp_path, entries=600)  # progress while recording
    saved: list[object] = []

    def window_saves() -> None:
        try:
            with station.db.sessions.begin() as session:
                session.scalars(select(Station)).one().office = "UBND xã Tân Lập mới"
            saved.append("saved")
        except Exception as e:  # collected: the assertion shows what failed
            saved.append(e)

    window = threading.Thread(target=window_saves)

    def progress(done: int, total: int) -> None:
        if done < total and not window.ident:  # inside the recording transaction
            window.start()
            # It cannot finish while the export holds the writer's lock: it
            # waits, and this bound lets the export go on; without the lock it
            # would commit here and the export's first write would fail.
            window.join(timeout=1)

    written = station.export(progress=progress)
    window.join()

    assert window.ident is not None, "the save was started during the export"
    assert written is not None and written.marked == written.entries
    assert saved == ["saved"]
    assert station.db.station().office == "UBND xã Tân Lập mới"


def test_a_lost_stick_gets_the_same_batch_again(tmp_path: Path) -> None:
    station = exporting_station(tmp_path)
    first = station.export()
    assert first is not None
    original = plaintext(station, first.path)
    with station.db.sessions() as session:
        entry_id = session.scalars(select(Entry.id).where(Entry.status == "exported")).first()
    correct_entry(station.db, entry_id, "Nguyễn Văn Sửa")  # after the batch: not in it
    second_stick = tmp_path / "second-stick"
    second_stick.mkdir()

    again = rewrite_batch(
        station.db.sessions, 1, second_stick, station.keystore, by=None, clock=FixedMoment()
    )

    assert (again.sequence, again.uuid, again.entries) == (1, first.uuid, first.entries)
    assert again.marked == 0
    assert plaintext(station, again.path) == original
    assert (again.path / PAYLOAD).read_bytes() != (first.path / PAYLOAD).read_bytes()
    assert verify_batch(again.path, station.trust).info.batch == first.uuid
    with station.db.sessions() as session:
        record = list_batches(session)[0]
    assert record.written_to == str(again.path) and record.exported_at == EXPORTED_AT


def test_writing_again_over_a_copy_cut_short_while_replaced(tmp_path: Path) -> None:
    station = exporting_station(tmp_path)
    first = station.export()
    assert first is not None
    # Killed while the copy before was set aside: both names on the stick.
    shutil.copytree(first.path, first.path.with_name(first.path.name + ".replaced.partial"))
    (first.path.with_name(first.path.name + ".replaced.partial") / BAG_INFO).unlink()

    again = rewrite_batch(
        station.db.sessions, 1, station.stick, station.keystore, by=None, clock=FixedMoment()
    )

    assert [p.name for p in station.stick.iterdir()] == ["sohoa-DEMO-01-000001"]
    assert verify_batch(again.path, station.trust).info.batch == first.uuid


def test_writing_again_a_batch_that_never_was_says_which_exist(tmp_path: Path) -> None:
    station = exporting_station(tmp_path)
    station.export()

    with pytest.raises(ExportError, match="no batch 7: this station has written batches 1 to 1"):
        rewrite_batch(
            station.db.sessions, 7, station.stick, station.keystore, by=None, clock=FixedMoment()
        )


def test_a_missing_stick_records_nothing(tmp_path: Path) -> None:
    station = exporting_station(tmp_path)
    station.stick.rmdir()

    with pytest.raises(ExportError, match="is not a folder"):
        station.export()

    with station.db.sessions() as session:
        assert session.scalars(select(Batch)).all() == []
    assert station.count(EntryStatus.EXPORTED) == 0


def test_without_a_centre_recipient_nothing_is_exported(tmp_path: Path) -> None:
    station = exporting_station(tmp_path)
    with station.db.sessions.begin() as session:
        session.scalars(select(Station)).one().centre_recipient = None

    with pytest.raises(StationKeyError, match="no centre recipient"):
        station.export()

    assert station.count(EntryStatus.EXPORTED) == 0
    assert list(station.stick.iterdir()) == []


def test_a_folder_of_another_batch_under_the_same_name_is_left_alone(tmp_path: Path) -> None:
    station = exporting_station(tmp_path)
    stranger = station.stick / "sohoa-DEMO-01-000001"
    stranger.mkdir()
    (stranger / "notes.txt").write_text("not ours")

    with pytest.raises(ExportError, match="already exists and is not batch 1"):
        station.export()

    assert (stranger / "notes.txt").read_text() == "not ours"
    assert station.count(EntryStatus.EXPORTED) == 0
