"""The deferred backlog stays reachable: a finished book's deferred entries
stay in it, and the lead hands one to a clerk, who opens it where it is."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from work_helpers import add_book, add_user, key_entry, local

from app.access.roles import NotAllowed
from app.db.models import AuditRecord, Role
from app.keying.save import SaveAction
from app.work.backlog import NotDeferred, assign_entry, assignable_clerks, deferred_backlog
from app.work.queue import BookUnavailable, entry_book, finish_book, next_book

DAY = date(2026, 11, 20)


@pytest.fixture
def finished(station, clock):
    """A book an finished with two entries deferred and one completed."""
    with station.sessions.begin() as session:
        an, binh = add_user(session, "an"), add_user(session, "binh")
        lead = add_user(session, "lead", Role.LEAD)
        add_book(session)
        book = next_book(session, an, clock)
        hard = [
            key_entry(session, clock, book, an, local(DAY, 8, n), n, SaveAction.DEFER)
            for n in (1, 2)
        ]
        done = key_entry(session, clock, book, an, local(DAY, 9), 3)
        finish_book(session, an, book, clock)
        return {"an": an, "binh": binh, "lead": lead, "book": book, "hard": hard, "done": done}


def ids(groups) -> list[int]:
    return [entry.entry_id for group in groups for entry in group.entries]


def test_a_finished_books_deferred_entries_stay_in_the_backlog(station, finished) -> None:
    with station.sessions() as session:
        assert ids(deferred_backlog(session)) == [e.id for e in finished["hard"]]


def test_the_lead_hands_a_deferred_entry_to_a_clerk_who_opens_it_where_it_is(
    station, clock, finished
) -> None:
    first, second = finished["hard"]
    with station.sessions.begin() as session:
        assign_entry(session, finished["lead"], first.id, finished["binh"].id, clock=clock)

    with station.sessions.begin() as session:
        binh, an = finished["binh"], finished["an"]
        assert ids(deferred_backlog(session, binh)) == [first.id], "only what binh was handed"
        assert ids(deferred_backlog(session, an)) == []
        assert len(ids(deferred_backlog(session, finished["lead"]))) == 2, "the lead sees all"
        [line] = [e for g in deferred_backlog(session) for e in g.entries if e.entry_id == first.id]
        assert line.assigned_to == "binh"
        book, visit = entry_book(session, binh, session.merge(first), clock)
        assert (book.id, visit) == (finished["book"].id, True), "the book stays finished"
        with pytest.raises(BookUnavailable):
            entry_book(session, binh, session.merge(second), clock)  # not handed to binh
        [record] = session.scalars(
            select(AuditRecord).where(AuditRecord.action == "entry.assigned")
        ).all()
        assert (record.before, record.after) == ({"assigned_to": None}, {"assigned_to": "binh"})


def test_only_a_lead_hands_entries_and_only_deferred_ones(station, clock, finished) -> None:
    with station.sessions.begin() as session:
        with pytest.raises(NotAllowed):
            assign_entry(
                session, finished["an"], finished["hard"][0].id, finished["an"].id, clock=clock
            )
        with pytest.raises(NotDeferred):
            assign_entry(
                session, finished["lead"], finished["done"].id, finished["an"].id, clock=clock
            )
        assert [name for _, name, _ in assignable_clerks(session)] == ["an", "binh"]
