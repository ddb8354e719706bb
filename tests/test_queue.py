"""The work queue: campaign order, one clerk per book, the lead's moves and holds."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from entries_factory import valid_entry
from sqlalchemy import select
from work_helpers import add_book, add_user, local

from app.access.roles import NotAllowed
from app.db.models import AuditRecord, Book, DeferralReason, Entry, Role, User, WorkSession
from app.keying.save import SaveAction, save_entry
from app.specs import BookKind
from app.work.activity import ActivityMeter
from app.work.backlog import backlog_counts, backlog_summary, deferred_backlog
from app.work.queue import (
    BookEnd,
    BookTaken,
    BookUnavailable,
    NotYourBook,
    book_end,
    entry_book,
    finish_book,
    hold_book,
    move_book,
    next_book,
    open_books,
    release_book,
    release_books,
    reopen_book,
    take_book,
)
from app.work.settings import shifts

DAY = date(2026, 11, 20)


@pytest.fixture
def shelf(station):
    """Books registered out of order, and a team: a lead and two clerks."""
    with station.sessions.begin() as session:
        for kind, volume, year, condition in [
            (BookKind.DEATH, "01", 1990, "good"),
            (BookKind.BIRTH, "10", 1985, "good"),
            (BookKind.BIRTH, "02", 1985, "good"),
            (BookKind.BIRTH, "01", 1980, "damaged"),
            (BookKind.MARRIAGE, "01", 1979, "worn"),
            (BookKind.BIRTH, "01", 1999, "worn"),
            (BookKind.ADOPTION, "01", 2001, "good"),
        ]:
            add_book(session, kind, volume, year, condition)
        add_user(session, "lead", Role.LEAD)
        add_user(session, "an")
        add_user(session, "binh")


def names(books: list[Book]) -> list[str]:
    return [f"{b.kind}/{b.year}/{b.volume}" for b in books]


def users(session):
    return {u.username: u for u in session.scalars(select(User))}


def test_the_queue_is_in_campaign_order(station, shelf) -> None:
    with station.sessions() as session:
        queue = open_books(session)

    assert names(queue) == [
        "birth/1985/02",  # births first; easy books first; then year and volume
        "birth/1985/10",  # volume 2 before volume 10
        "birth/1999/01",  # worn
        "birth/1980/01",  # damaged
        "marriage/1979/01",
        "death/1990/01",
        "adoption/2001/01",
    ]


def test_next_book_takes_the_top_and_one_clerk_holds_a_book(station, shelf, clock) -> None:
    with station.sessions.begin() as session:
        team = users(session)
        first = next_book(session, team["an"], clock)
        second = next_book(session, team["binh"], clock)
        again = next_book(session, team["an"], clock)

        assert names([first, second]) == ["birth/1985/02", "birth/1985/10"]
        assert again is first, "a clerk keeps their book until they finish it"
        with pytest.raises(BookTaken) as taken:
            take_book(session, team["binh"], first, clock)
        assert taken.value.holder_username == "an"
        assert first.taken_by == team["an"].id


def test_taking_another_book_gives_the_first_back(station, shelf, clock) -> None:
    with station.sessions.begin() as session:
        team = users(session)
        first = next_book(session, team["lead"], clock)
        other = open_books(session)[4]
        take_book(session, team["lead"], other, clock)

        assert first.taken_by is None
        assert next_book(session, team["binh"], clock) is first


def test_a_clerk_opens_only_their_own_book_or_the_next(station, shelf, clock) -> None:
    with station.sessions.begin() as session:
        team = users(session)
        queue = open_books(session)
        with pytest.raises(NotYourBook):
            take_book(session, team["an"], queue[4], clock)  # skipping the queue
        take_book(session, team["an"], queue[0], clock)  # the next: theirs now
        clock.moment = local(DAY, 9)
        save_entry(
            session, book=queue[0], values=valid_entry("birth", number="1"), user=team["an"],
            action=SaveAction.DRAFT, clock=clock,
        )  # fmt: skip
        release_books(session, team["an"])  # logs out, a draft left in the book
        move_book(session, team["lead"], queue[5], -100, clock=clock)  # another goes first

        with pytest.raises(NotYourBook):
            take_book(session, team["binh"], queue[0], clock)  # an's draft, not binh's
        assert next_book(session, team["binh"], clock) is queue[5]
        assert take_book(session, team["an"], queue[0], clock) is queue[0], "back to the draft"
        assert take_book(session, team["lead"], queue[6], clock) is queue[6], "a lead opens any"


def test_finishing_or_logging_out_releases_the_book(station, shelf, clock) -> None:
    with station.sessions.begin() as session:
        team = users(session)
        first = next_book(session, team["an"], clock)
        finish_book(session, team["an"], first, clock)
        assert first not in open_books(session)
        second = next_book(session, team["an"], clock)
        assert names([second]) == ["birth/1985/10"]

        release_books(session, team["an"])  # logs out
        assert second.taken_by is None
        assert next_book(session, team["binh"], clock) is second


def test_a_finished_or_held_book_cannot_be_taken(station, shelf, clock) -> None:
    with station.sessions.begin() as session:
        team = users(session)
        top = open_books(session)[0]
        hold_book(session, team["lead"], top, held=True, clock=clock)

        assert next_book(session, team["an"], clock) is not top
        with pytest.raises(BookUnavailable):
            take_book(session, team["binh"], top, clock)
        hold_book(session, team["lead"], top, held=False, clock=clock)
        assert next_book(session, team["binh"], clock) is top


def test_the_lead_moves_books_up_and_down(station, clock, shelf) -> None:
    with station.sessions.begin() as session:
        team = users(session)
        queue = open_books(session)
        adoption = queue[-1]
        move_book(session, team["lead"], adoption, -3, clock=clock)
        assert names(open_books(session))[3] == "adoption/2001/01"
        move_book(session, team["lead"], adoption, -100, clock=clock)
        assert open_books(session)[0] is adoption
        move_book(session, team["lead"], queue[0], +1, clock=clock)
        assert names(open_books(session))[:4] == [
            "adoption/2001/01",
            "birth/1985/10",
            "birth/1985/02",
            "birth/1999/01",
        ]


def test_a_new_book_finds_its_place_and_keeps_the_leads_moves(station, clock, shelf) -> None:
    with station.sessions.begin() as session:
        team = users(session)
        adoption = open_books(session)[-1]
        move_book(session, team["lead"], adoption, -100, clock=clock)
        add_book(session, BookKind.BIRTH, "05", 1985, "good")
        add_book(session, BookKind.DEATH, "02", 1991, "good")

        assert names(open_books(session)) == [
            "adoption/2001/01",  # the lead's move stays
            "birth/1985/02",
            "birth/1985/05",  # between volumes 2 and 10 of 1985
            "birth/1985/10",
            "birth/1999/01",
            "birth/1980/01",
            "marriage/1979/01",
            "death/1990/01",
            "death/1991/02",
        ]


def test_a_clerk_cannot_do_what_only_a_lead_may(station, shelf, clock) -> None:
    with station.sessions.begin() as session:
        team = users(session)
        book = open_books(session)[0]
        for action in (
            lambda: move_book(session, team["an"], book, -1, clock=clock),
            lambda: hold_book(session, team["an"], book, held=True, clock=clock),
            lambda: release_book(session, team["an"], book, clock=clock),
        ):
            with pytest.raises(NotAllowed):
                action()
        take_book(session, team["an"], book, clock)
        with pytest.raises(NotAllowed):
            finish_book(session, team["binh"], book, clock)
        release_book(session, team["lead"], book, clock=clock)
        assert book.taken_by is None


def test_the_backlog_is_grouped_by_reason_oldest_first(station, shelf, clock) -> None:
    with station.sessions.begin() as session:
        team = users(session)
        book = open_books(session)[0]
        reasons = [
            (DeferralReason.ILLEGIBLE, 3),
            (DeferralReason.DAMAGED_PAGE, 1),
            (DeferralReason.ILLEGIBLE, 1),
            (DeferralReason.NEEDS_VERIFICATION, 2),
            (DeferralReason.ILLEGIBLE, 2),
        ]
        entries = []
        for number, (reason, days_ago) in enumerate(reasons, start=1):
            clock.moment = local(DAY - timedelta(days=days_ago), 8, number)
            entries.append(
                save_entry(
                    session, book=book, values=valid_entry("birth", number=str(number)),
                    user=team["an"], action=SaveAction.DEFER, clock=clock,
                    deferral_reason=reason, deferral_note=f"note {number}",
                ).entry
            )  # fmt: skip
        # The third is completed later: it leaves the backlog.
        clock.moment = local(DAY, 9)
        save_entry(
            session, book=book, values=valid_entry("birth", number="3"), user=team["binh"],
            action=SaveAction.COMPLETE, clock=clock, entry=session.get(Entry, entries[2].id),
        )  # fmt: skip

    with station.sessions() as session:
        groups = deferred_backlog(session)
        counts = backlog_counts(session)

    assert [(g.reason, [e.number for e in g.entries]) for g in groups] == [
        (DeferralReason.ILLEGIBLE, [1, 5]),  # the largest group first, oldest first
        (DeferralReason.NEEDS_VERIFICATION, [4]),
        (DeferralReason.DAMAGED_PAGE, [2]),
    ]
    assert groups[0].entries[0].deferred_by == "an"
    assert groups[0].entries[0].note == "note 1"
    assert counts == {
        DeferralReason.ILLEGIBLE: 2,
        DeferralReason.DAMAGED_PAGE: 1,
        DeferralReason.NEEDS_VERIFICATION: 1,
    }


def test_active_time_leaves_out_idle_gaps_and_splits_at_shift_ends(station, shelf) -> None:
    with station.sessions.begin() as session:
        an = users(session)["an"]
        meter = ActivityMeter(shifts(session))
        at = local(DAY, 11, 58)
        for _ in range(60):  # a key a second for a minute
            meter.key_pressed(at)
            at += timedelta(seconds=1)
        at += timedelta(minutes=10)  # a break: not active time
        for _ in range(30):
            meter.key_pressed(at)
            at += timedelta(seconds=2)
        meter.flush(session, an)
        meter.key_pressed(at + timedelta(seconds=5), count=3)
        meter.flush(session, an)

    with station.sessions() as session:
        rows = session.scalars(select(WorkSession).order_by(WorkSession.shift)).all()

    # 11:58:00-11:58:59 in shift 1 (59 s); after the break, 12:09 on, shift 2:
    # 29 gaps of 2 s, then 7 s to the last three keys.
    assert [(r.shift, r.active_seconds, r.keystrokes) for r in rows] == [
        (1, 59, 60),
        (2, 58 + 7, 33),
    ]


def test_a_clock_set_back_adds_no_active_time_and_takes_none_away(station, shelf) -> None:
    with station.sessions.begin() as session:
        an = users(session)["an"]
        meter = ActivityMeter(shifts(session))
        at = local(DAY, 9, 0)
        for _ in range(31):  # a key a second for half a minute
            meter.key_pressed(at)
            at += timedelta(seconds=1)
        at -= timedelta(hours=1)  # the office PC's clock put back an hour
        for _ in range(31):
            meter.key_pressed(at)
            at += timedelta(seconds=1)
        meter.flush(session, an)

    with station.sessions() as session:
        rows = session.scalars(select(WorkSession)).all()

    # Two half minutes at work; the hour the clock went back is not a gap
    # of work, nor a debt taken from it.
    assert [(r.active_seconds, r.keystrokes) for r in rows] == [(60, 62)]


def test_the_backlog_summary_counts_each_reason_and_names_its_oldest(station, shelf, clock):
    with station.sessions.begin() as session:
        an = users(session)["an"]
        book = open_books(session)[0]
        for number, (reason, days_ago) in enumerate(
            [
                (DeferralReason.ILLEGIBLE, 1),
                (DeferralReason.ILLEGIBLE, 4),
                (DeferralReason.OTHER, 2),
            ],
            start=1,
        ):
            clock.moment = local(DAY - timedelta(days=days_ago), 8)
            save_entry(
                session, book=book, values=valid_entry("birth", number=str(number)), user=an,
                action=SaveAction.DEFER, clock=clock, deferral_reason=reason,
            )  # fmt: skip

    with station.sessions() as session:
        summary = backlog_summary(session)

    assert [(s.reason, s.count, s.oldest.number) for s in summary] == [
        (DeferralReason.ILLEGIBLE, 2, 2),
        (DeferralReason.OTHER, 1, 3),
    ]


def key(session, clock, book, user, number: int, action: SaveAction) -> Entry:
    clock.moment = local(DAY, 9, number)
    return save_entry(
        session, book=book, values=valid_entry(book.kind, number=str(number)), user=user,
        action=action, clock=clock, deferral_reason=DeferralReason.ILLEGIBLE
        if action is SaveAction.DEFER else None,
    ).entry  # fmt: skip


def test_finishing_a_book_says_what_it_leaves_behind(station, shelf, clock) -> None:
    with station.sessions.begin() as session:
        an = users(session)["an"]
        book = next_book(session, an, clock)  # 50 entries expected
        assert book_end(session, book) == BookEnd(deferred=0, drafts=0, keyed=0, expected=50)
        for number, action in enumerate(
            [SaveAction.COMPLETE, SaveAction.DEFER, SaveAction.COMPLETE, SaveAction.DRAFT],
            start=1,
        ):
            key(session, clock, book, an, number, action)

        end = book_end(session, book)

    assert (end.deferred, end.drafts, end.keyed, end.missing) == (1, 1, 3, 47)
    assert not end.clean
    assert BookEnd(deferred=0, drafts=0, keyed=50, expected=50).clean
    assert BookEnd(deferred=0, drafts=0, keyed=7, expected=None).clean, (
        "none expected: none missing"
    )


def test_the_lead_reopens_a_finished_book_and_it_is_audited(station, shelf, clock) -> None:
    with station.sessions.begin() as session:
        team = users(session)
        book = next_book(session, team["an"], clock)
        finish_book(session, team["an"], book, clock)
        with pytest.raises(NotAllowed):
            reopen_book(session, team["an"], book, clock=clock)

        reopen_book(session, team["lead"], book, clock=clock)

        assert open_books(session)[0] is book, "back at the place it had"
        assert next_book(session, team["binh"], clock) is book
        [record] = session.scalars(
            select(AuditRecord).where(AuditRecord.action == "book.reopened")
        ).all()
        assert (record.user_id, record.subject) == (team["lead"].id, f"book:{book.id}")


def test_a_lead_opens_an_entry_of_any_book_without_taking_it(station, shelf, clock) -> None:
    with station.sessions.begin() as session:
        team = users(session)
        finished = next_book(session, team["an"], clock)
        deferred = key(session, clock, finished, team["an"], 1, SaveAction.DEFER)
        finish_book(session, team["an"], finished, clock)
        kept = next_book(session, team["binh"], clock)
        other = key(session, clock, kept, team["binh"], 1, SaveAction.DEFER)

        assert entry_book(session, team["lead"], deferred, clock) == (finished, True)
        assert entry_book(session, team["lead"], other, clock) == (kept, True)
        assert (finished.finished_at is not None, kept.taken_by) == (True, team["binh"].id)
        assert entry_book(session, team["binh"], other, clock) == (kept, False), "binh's own"
        with pytest.raises(BookUnavailable):
            entry_book(session, team["an"], deferred, clock)  # a clerk: the book is finished
