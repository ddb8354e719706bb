"""Counts kept as entries change: each book's entries by status, and the
deferred entries per reason.

The Books tab and the dashboard read these instead of counting every entry;
triggers keep them, and ``sohoa check`` proves them against a recount.
"""

from __future__ import annotations

import sqlite3

from entries_factory import valid_entry
from sqlalchemy import delete
from work_helpers import add_book, add_user, key_entry, local

from app.db.models import DeferralReason, Entry, EntryStatus, User
from app.keying.lists import book_progress
from app.keying.save import SaveAction, save_entry
from app.specs import BookKind
from app.station.health import check_station
from app.work.backlog import backlog_counts, recounted_backlog


def counts(station) -> dict[int, tuple[int, int, int]]:
    with station.sessions() as session:
        return {b.book_id: (b.done, b.deferred, b.drafts) for b in book_progress(session)}


def test_counts_follow_completions_deferrals_drafts_and_deletions(station, clock) -> None:
    day = clock.now().date()
    with station.sessions.begin() as session:
        an = add_user(session, "an")
        births, deaths = add_book(session, BookKind.BIRTH), add_book(session, BookKind.DEATH)
        key_entry(session, clock, births, an, local(day, 7), 1)
        later = key_entry(session, clock, births, an, local(day, 8), 2, SaveAction.DEFER)
        key_entry(session, clock, deaths, an, local(day, 9), 1)
        save_entry(
            session, book=births, values=valid_entry(births.kind, number="3"), user=an,
            action=SaveAction.DRAFT, clock=clock,
        )  # fmt: skip
        ids = (births.id, deaths.id, later.id, an.id)
    births_id, deaths_id, later_id, an_id = ids

    assert counts(station) == {births_id: (1, 1, 1), deaths_id: (1, 0, 0)}

    with station.sessions.begin() as session:
        entry = session.get_one(Entry, later_id)
        outcome = save_entry(
            session, book=entry.book, values=valid_entry(entry.book.kind, number="2"),
            user=session.get_one(User, an_id), action=SaveAction.COMPLETE, clock=clock,
            entry=entry,
        )  # fmt: skip
        assert outcome.saved, "the deferred entry is completed"
        session.execute(delete(Entry).where(Entry.status == EntryStatus.DRAFT.value))

    assert counts(station) == {births_id: (2, 0, 0), deaths_id: (1, 0, 0)}
    assert check_station(station.data_dir).book_counts_off == []


def test_check_names_a_book_whose_counts_were_changed_by_hand(station, clock) -> None:
    with station.sessions.begin() as session:
        births = add_book(session, BookKind.BIRTH)
        key_entry(session, clock, births, add_user(session, "an"), clock.now(), 1)
        book_id = births.id
    with sqlite3.connect(station.data_dir / "sohoa.sqlite3") as db:
        db.execute("UPDATE books SET done_entries = 5 WHERE id = ?", (book_id,))

    health = check_station(station.data_dir)

    assert health.book_counts_off == [book_id]
    assert not health.healthy
    assert any("entries per book" in problem for problem in health.problems())


def test_backlog_counts_follow_deferrals_new_reasons_and_completions(station, clock) -> None:
    day = clock.now().date()
    with station.sessions.begin() as session:
        an = add_user(session, "an")
        births = add_book(session, BookKind.BIRTH)
        defer = SaveAction.DEFER
        first = key_entry(session, clock, births, an, local(day, 7), 1, defer)
        key_entry(session, clock, births, an, local(day, 8), 2, defer)
        damaged = key_entry(
            session, clock, births, an, local(day, 9), 3, defer, DeferralReason.DAMAGED_PAGE
        )
        assert backlog_counts(session) == {
            DeferralReason.ILLEGIBLE: 2,
            DeferralReason.DAMAGED_PAGE: 1,
        }
        save_entry(
            session, book=births, values=valid_entry(births.kind, number="1"), user=an,
            action=SaveAction.DEFER, clock=clock, entry=first,
            deferral_reason=DeferralReason.NEEDS_VERIFICATION,
        )  # fmt: skip
        save_entry(
            session, book=births, values=valid_entry(births.kind, number="3"), user=an,
            action=SaveAction.COMPLETE, clock=clock, entry=damaged,
        )  # fmt: skip

        assert (
            backlog_counts(session)
            == recounted_backlog(session)
            == {
                DeferralReason.ILLEGIBLE: 1,
                DeferralReason.NEEDS_VERIFICATION: 1,
            }
        )
    assert check_station(station.data_dir).backlog_counts_off == []


def test_check_names_a_reason_whose_count_was_changed_by_hand(station, clock) -> None:
    with station.sessions.begin() as session:
        births = add_book(session, BookKind.BIRTH)
        key_entry(session, clock, births, add_user(session, "an"), clock.now(), 1, SaveAction.DEFER)
    with sqlite3.connect(station.data_dir / "sohoa.sqlite3") as db:
        db.execute("UPDATE backlog_counts SET entries = 3 WHERE reason = 'illegible'")

    health = check_station(station.data_dir)

    assert health.backlog_counts_off == ["illegible"]
    assert any("per reason" in problem for problem in health.problems())
