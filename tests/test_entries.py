"""Saving entries through app/, exactly as the entry form will."""

from __future__ import annotations

import random
from datetime import date, time, timedelta

import pytest
from sqlalchemy import func, select

from app.db.models import Book, DeferralReason, Entry, EntryStatus, Role, User
from app.demo.entries import MAKERS
from app.demo.people import PeopleFactory
from app.entries.field_values import decode_values
from app.entries.names import find_by_name
from app.keying.save import SaveAction, save_entry
from app.keying.start import entry_to_edit, open_draft
from app.rules import FieldValue
from app.specs import BookKind, SourceStatus
from app.work.shifts import completed_in_shift

REGISTERED = date(1985, 3, 12)


def keyed(kind: BookKind, number: int, registered: date = REGISTERED, **changes: str):
    """A realistic entry as a clerk keys it, with ``changes`` typed over it."""
    values = MAKERS[kind](PeopleFactory(random.Random(number)), registered)
    values.update(
        number=str(number),
        registration_date=registered.strftime("%d/%m/%Y"),
        office="UBND xã Tân Lập",
        **changes,
    )
    return {key: FieldValue(value) for key, value in values.items()}


@pytest.fixture
def book(station) -> Book:
    with station.sessions.begin() as session:
        book = Book(kind="birth", office="UBND xã Tân Lập", volume="01", year=1985)
        session.add(book)
    return book


@pytest.fixture
def clerk(station) -> User:
    with station.sessions() as session:
        return session.scalars(select(User)).one()


def save(station, book, clerk, clock, values, action=SaveAction.COMPLETE, **kwargs):
    with station.sessions.begin() as session:
        outcome = save_entry(
            session,
            book=session.get(Book, book.id),
            values=values,
            user=clerk,
            action=action,
            clock=clock,
            **kwargs,
        )
    return outcome


@pytest.fixture
def second_clerk(station) -> User:
    with station.sessions.begin() as session:
        user = User(
            username="clerk02", full_name="Vũ Thị Thu", role=Role.CLERK.value, password_hash="-"
        )
        session.add(user)
    return user


def resave(station, entry_id, user, clock, action, changes=None, **kwargs):
    """Open a stored entry as the form does, type ``changes`` over it, save it."""
    with station.sessions.begin() as session:
        entry, values = entry_to_edit(session, session.get(Entry, entry_id))
        values.update(changes or {})
        return save_entry(
            session,
            book=entry.book,
            values=values,
            user=user,
            action=action,
            clock=clock,
            entry=entry,
            **kwargs,
        )


def reload(station, entry_id) -> Entry:
    with station.sessions() as session:
        return session.get(Entry, entry_id)


def count_entries(station) -> int:
    with station.sessions() as session:
        return session.scalar(select(func.count(Entry.id)))


def test_a_valid_entry_is_completed_and_searchable(station, book, clerk, clock) -> None:
    outcome = save(station, book, clerk, clock, keyed(BookKind.BIRTH, 1))

    assert outcome.saved and outcome.assessment.can_complete
    entry = outcome.entry
    assert entry.status == EntryStatus.COMPLETED
    assert entry.version == 1 and len(entry.uuid) == 36
    assert entry.completed_at == clock.now()
    assert entry.registration_date == "1985-03-12"
    with station.sessions() as session:
        found = find_by_name(session, entry.title.upper())
    assert [e.id for e in found] == [entry.id]


def test_an_error_blocks_completion_and_nothing_is_written(station, book, clerk, clock) -> None:
    values = keyed(BookKind.BIRTH, 1, child_birth_date="31/02/1985")

    outcome = save(station, book, clerk, clock, values)

    assert not outcome.saved
    assert [(f.field, f.code) for f in outcome.assessment.errors] == [
        ("child_birth_date", "no_such_day")
    ]
    assert count_entries(station) == 0


def test_a_draft_is_kept_whatever_it_holds(station, book, clerk, clock) -> None:
    values = keyed(BookKind.BIRTH, 1, child_birth_date="31/02/1985")

    outcome = save(station, book, clerk, clock, values, action=SaveAction.DRAFT)

    assert outcome.saved
    assert outcome.entry.status == EntryStatus.DRAFT
    with station.sessions() as session:
        stored = decode_values(session.get(Entry, outcome.entry.id).values)
    assert stored["child_birth_date"].value == "31/02/1985"  # kept as typed, to correct later


def test_an_illegible_name_can_only_be_deferred(station, book, clerk, clock) -> None:
    values = keyed(BookKind.BIRTH, 1)
    values["child_name"] = FieldValue("", SourceStatus.ILLEGIBLE)

    blocked = save(station, book, clerk, clock, values)
    deferred = save(
        station,
        book,
        clerk,
        clock,
        values,
        action=SaveAction.DEFER,
        deferral_reason=DeferralReason.ILLEGIBLE,
        deferral_note="Trang 3 bị nhòe mực",
    )

    assert not blocked.saved
    assert [f.code for f in blocked.assessment.deferrals] == ["required_unreadable"]
    assert deferred.saved
    assert deferred.entry.status == EntryStatus.DEFERRED
    assert deferred.entry.deferral_reason == "illegible"
    with pytest.raises(ValueError, match="needs a reason"):
        save(station, book, clerk, clock, values, action=SaveAction.DEFER)


def test_an_entry_number_cannot_repeat_within_a_year(station, book, clerk, clock) -> None:
    save(station, book, clerk, clock, keyed(BookKind.BIRTH, 7))

    again = save(station, book, clerk, clock, keyed(BookKind.BIRTH, 7, child_name="Lê Văn Tám"))
    next_year = save(station, book, clerk, clock, keyed(BookKind.BIRTH, 7, date(1986, 1, 3)))

    assert not again.saved
    [repeat] = again.assessment.errors
    assert (repeat.field, repeat.code) == ("number", "number_repeated")
    assert repeat.message_vi == "Số 7 năm 1985 đã có trong sổ này."
    assert next_year.saved, "numbers restart each year"


def test_a_gap_in_the_numbers_is_flagged_but_saved(station, book, clerk, clock) -> None:
    save(station, book, clerk, clock, keyed(BookKind.BIRTH, 1))

    outcome = save(station, book, clerk, clock, keyed(BookKind.BIRTH, 4))

    assert outcome.saved
    gap = next(f for f in outcome.assessment.warnings if f.code == "number_gap")
    assert gap.message_en == "Number 4 of 1985 skips numbers 2 to 3."


def test_editing_an_entry_bumps_its_version_and_reindexes_names(
    station, book, clerk, clock
) -> None:
    first = save(station, book, clerk, clock, keyed(BookKind.BIRTH, 1)).entry
    old_title = first.title

    with station.sessions.begin() as session:
        entry = session.get(Entry, first.id)
        values = decode_values(entry.values)
        values["child_name"] = FieldValue("Phạm Thị Hoà")
        outcome = save_entry(
            session,
            book=entry.book,
            values=values,
            user=clerk,
            action=SaveAction.COMPLETE,
            clock=clock,
            entry=entry,
        )

    assert outcome.saved
    assert outcome.entry.version == 2 and outcome.entry.uuid == first.uuid
    assert outcome.entry.title == "Phạm Thị Hòa"
    assert outcome.assessment.values["child_name"].transcription == "Phạm Thị Hoà"
    with station.sessions() as session:
        assert find_by_name(session, "pham thi hoa")[0].id == first.id
        assert first.id not in [e.id for e in find_by_name(session, old_title)]
    assert count_entries(station) == 1


@pytest.mark.parametrize("kind", list(BookKind))
def test_each_kind_of_book_saves(station, clerk, clock, kind: BookKind) -> None:
    with station.sessions.begin() as session:
        book = Book(kind=kind.value, office="UBND xã Tân Lập", volume="01", year=1985)
        session.add(book)

    outcome = save(station, book, clerk, clock, keyed(kind, 1))

    assert outcome.saved, [f.message_en for f in outcome.assessment.errors]


def test_dates_out_of_order_with_either_neighbour_are_flagged(station, book, clerk, clock) -> None:
    save(station, book, clerk, clock, keyed(BookKind.BIRTH, 1, date(1985, 3, 12)))
    save(station, book, clerk, clock, keyed(BookKind.BIRTH, 3, date(1985, 3, 14)))

    late = save(station, book, clerk, clock, keyed(BookKind.BIRTH, 2, date(1985, 3, 20)))

    assert late.saved
    assert [f.code for f in late.assessment.warnings] == ["registration_after_next"]
    assert "số 3 (14/03/1985)" in late.assessment.warnings[0].message_vi


def test_a_pause_in_a_completed_entry_keeps_it_completed_and_keeps_what_was_typed(
    station, book, clerk, second_clerk, clock
) -> None:
    completed = save(station, book, clerk, clock, keyed(BookKind.BIRTH, 1)).entry
    clock.moment += timedelta(hours=1)

    # Half-way through retyping a date: a state that cannot be completed.
    paused = resave(
        station,
        completed.id,
        second_clerk,
        clock,
        SaveAction.DRAFT,
        {"child_name": FieldValue("Lê Văn Tám"), "child_birth_date": FieldValue("31/0")},
    )

    assert paused.saved
    entry = reload(station, completed.id)
    assert entry.status == EntryStatus.COMPLETED
    assert (entry.completed_by, entry.completed_at) == (clerk.id, completed.completed_at)
    assert (entry.title, entry.version) == (completed.title, 1), "the entry is as it was"
    with station.sessions() as session:
        assert completed_in_shift(session, clerk.id, completed.completed_at) == 1
        # After a crash, the typing is offered again, and opens as the entry it edits.
        offered = open_draft(session, second_clerk)
        reopened, values = entry_to_edit(session, offered)
    assert reopened.id == completed.id
    assert values["child_name"].value == "Lê Văn Tám"
    assert values["child_birth_date"].value == "31/0"


def test_typing_an_entry_back_to_what_it_holds_leaves_nothing_pending(
    station, book, clerk, clock
) -> None:
    completed = save(station, book, clerk, clock, keyed(BookKind.BIRTH, 1)).entry
    page = decode_values(completed.values).get("page", FieldValue())
    resave(station, completed.id, clerk, clock, SaveAction.DRAFT, {"page": FieldValue("9")})
    assert count_entries(station) == 2, "the entry and what was typed into it"

    resave(station, completed.id, clerk, clock, SaveAction.DRAFT, {"page": page})

    assert count_entries(station) == 1
    with station.sessions() as session:
        assert open_draft(session, clerk) is None


def test_a_correction_by_someone_else_still_counts_for_who_completed_the_entry(
    station, book, clerk, second_clerk, clock
) -> None:
    completed = save(station, book, clerk, clock, keyed(BookKind.BIRTH, 1)).entry
    clock.set_local(date(2026, 11, 22), time(14, 0))  # the next shift
    resave(station, completed.id, second_clerk, clock, SaveAction.DRAFT, {"page": FieldValue("3")})

    corrected = resave(
        station, completed.id, second_clerk, clock, SaveAction.COMPLETE, {"page": FieldValue("4")}
    )

    assert corrected.saved
    entry = reload(station, completed.id)
    assert decode_values(entry.values)["page"].value == "4"
    assert (entry.completed_by, entry.completed_at) == (clerk.id, completed.completed_at)
    assert entry.updated_by == second_clerk.id
    with station.sessions() as session:
        assert completed_in_shift(session, clerk.id, completed.completed_at) == 1
        assert completed_in_shift(session, second_clerk.id, clock.now()) == 0
    assert count_entries(station) == 1, "the pending edit is folded into the entry"


def test_a_deferred_entry_stays_deferred_while_edited_and_counts_when_completed(
    station, book, clerk, second_clerk, clock
) -> None:
    values = keyed(BookKind.BIRTH, 1)
    readable = values["child_name"]
    values["child_name"] = FieldValue("", SourceStatus.ILLEGIBLE)
    deferred = save(
        station,
        book,
        clerk,
        clock,
        values,
        action=SaveAction.DEFER,
        deferral_reason=DeferralReason.ILLEGIBLE,
        deferral_note="Trang 3 bị nhòe mực",
    ).entry
    clock.set_local(date(2026, 11, 23), time(8, 0))

    resave(station, deferred.id, second_clerk, clock, SaveAction.DRAFT, {"child_name": readable})

    entry = reload(station, deferred.id)
    assert entry.status == EntryStatus.DEFERRED
    assert (entry.deferral_reason, entry.deferral_note) == ("illegible", "Trang 3 bị nhòe mực")

    completed = resave(station, deferred.id, second_clerk, clock, SaveAction.COMPLETE)

    assert completed.saved
    entry = reload(station, deferred.id)
    assert entry.status == EntryStatus.COMPLETED
    assert (entry.completed_by, entry.completed_at) == (second_clerk.id, clock.now())
    assert entry.deferral_reason is None
    with station.sessions() as session:
        assert completed_in_shift(session, second_clerk.id, clock.now()) == 1


def test_only_saves_that_change_a_finished_entry_give_it_a_new_version(
    station, book, clerk, clock
) -> None:
    values = keyed(BookKind.BIRTH, 1)
    draft = save(station, book, clerk, clock, values, action=SaveAction.DRAFT).entry
    for _ in range(5):
        save(station, book, clerk, clock, values, action=SaveAction.DRAFT, entry=draft)
    versions = [reload(station, draft.id).version]

    resave(station, draft.id, clerk, clock, SaveAction.COMPLETE)
    versions.append(reload(station, draft.id).version)
    resave(station, draft.id, clerk, clock, SaveAction.COMPLETE)  # nothing changed
    resave(station, draft.id, clerk, clock, SaveAction.DRAFT, {"page": FieldValue("2")})
    versions.append(reload(station, draft.id).version)
    resave(station, draft.id, clerk, clock, SaveAction.COMPLETE)  # the correction
    versions.append(reload(station, draft.id).version)
    resave(
        station,
        draft.id,
        clerk,
        clock,
        SaveAction.DEFER,
        deferral_reason=DeferralReason.NEEDS_VERIFICATION,
    )
    versions.append(reload(station, draft.id).version)

    assert versions == [0, 1, 1, 2, 3]
