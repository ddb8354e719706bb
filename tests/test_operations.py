"""The one way a window writes: a failure is said, never a crash, and
nothing half-done is kept."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget
from sqlalchemy import select
from storage_helpers import database_held, impatient

from app.db.models import Station, User
from app.work.queue import BookTaken
from ui.context import StationContext
from ui.operations import FAILED, Job, Operations


@pytest.fixture
def said(qtbot, station, clock) -> tuple[Operations, list[str]]:
    window = QWidget()
    qtbot.addWidget(window)
    with station.sessions() as session:
        user = session.scalars(select(User)).one()
    messages: list[str] = []
    return Operations(window, StationContext(station, user, clock, "vi"), messages.append), messages


def rename_office(name: str):
    def change(session) -> str:
        session.scalars(select(Station)).one().office = name
        return name

    return change


def test_a_write_returns_what_the_service_returned_and_keeps_it(station, said) -> None:
    operations, messages = said

    assert operations.write(rename_office("UBND xã Tân Lập")) == "UBND xã Tân Lập"
    assert station.station().office == "UBND xã Tân Lập"
    assert messages == []


def test_a_locked_database_is_said_in_vietnamese_and_nothing_changes(
    station, said, monkeypatch, vietnamese
) -> None:
    operations, messages = said
    before = station.station().office
    impatient(station, monkeypatch)

    with database_held(station.path):
        result = operations.write(rename_office("elsewhere"))

    assert result is FAILED
    assert messages == [
        "Dữ liệu đang bị một chương trình khác khóa nên chưa có gì thay đổi. "
        "Hãy chờ một lát rồi thử lại."
    ]
    assert station.station().office == before


def test_a_refusal_is_said_with_the_windows_words_and_rolls_back(station, said) -> None:
    operations, messages = said
    before = station.station().office

    def refused(session) -> None:
        rename_office("half-done")(session)
        raise BookTaken(1, User(username="lan", full_name="Lan"))

    result = operations.write(
        refused, refusals={BookTaken: lambda taken: f"{taken.holder_name} has it"}
    )

    assert result is FAILED
    assert messages == ["Lan has it"]
    assert station.station().office == before


def test_a_fault_of_sohoa_is_not_dressed_as_a_storage_failure(station, said) -> None:
    operations, messages = said

    def broken(session) -> None:
        raise KeyError("a bug")

    with pytest.raises(KeyError):
        operations.write(broken)
    assert messages == []


def test_work_in_the_background_reports_progress_and_its_result(qtbot, station, said) -> None:
    operations, messages = said
    progress: list[tuple[int, int]] = []
    results: list[str] = []

    def work(progressed) -> str:
        for done in range(1, 4):
            progressed(done, 3)
        with station.sessions.begin() as session:
            return rename_office("UBND phường 1")(session)

    operations.in_background(
        work,
        done=results.append,
        label="Working",
        progress=lambda done, total: progress.append((done, total)),
    )
    qtbot.waitUntil(lambda: results == ["UBND phường 1"])

    assert progress == [(1, 3), (2, 3), (3, 3)]
    assert station.station().office == "UBND phường 1"
    assert messages == []


def test_a_locked_database_in_the_background_is_said_too(
    qtbot, station, said, monkeypatch, vietnamese
) -> None:
    operations, messages = said
    impatient(station, monkeypatch)
    ended: list[bool] = []

    def work(progressed) -> str:
        with station.sessions.begin() as session:
            return rename_office("elsewhere")(session)

    with database_held(station.path):
        operations.in_background(
            work, done=lambda _: None, label="Working", ended=lambda: ended.append(True)
        )
        qtbot.waitUntil(lambda: ended == [True])

    assert messages[0].startswith("Dữ liệu đang bị một chương trình khác khóa")


def test_a_job_whose_window_closed_meanwhile_tells_no_one(qtbot) -> None:
    window = QWidget()
    told: list[str] = []
    go_on = threading.Event()

    def work(progressed) -> str:
        go_on.wait(10)
        return "done"

    job = Job(work, owner=window, done=told.append, name="a test").start()
    shiboken6.delete(window)  # the window closed, its C++ object gone
    go_on.set()
    qtbot.waitUntil(lambda: not job.running)

    assert told == []
