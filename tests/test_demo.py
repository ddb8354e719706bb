"""Demo stations look like real work, and obey every rule a clerk obeys."""

from __future__ import annotations

from collections import Counter
from datetime import time

from sqlalchemy import func, select

from app.db.models import Book, Entry, EntryStatus, User, Verification
from app.demo import DEMO_LOCALITY, add_demo_double_keying, add_demo_entries, create_demo_station
from app.entries.field_values import decode_values
from app.entries.names import find_by_name
from app.keying.start import suggestions
from app.quality.error_rates import error_trends
from app.reference import gazetteer
from app.rules import assess
from app.specs import spec_for
from app.system.clock import VIETNAM, local_today
from app.values.text import search_key
from app.work import settings


def all_entries(station) -> list[Entry]:
    with station.sessions() as session:
        entries = list(session.scalars(select(Entry).order_by(Entry.id)))
        for entry in entries:
            _ = entry.book.kind
    return entries


def test_every_demo_entry_obeys_the_rules(station, clock) -> None:
    add_demo_entries(station, 1500, seed=11, clock=clock)
    today = local_today(clock)

    outcomes = Counter()
    for entry in all_entries(station):
        stored = decode_values(entry.values)
        assessment = assess(spec_for(entry.book.kind), stored, today=today)
        assert not assessment.errors, (entry.book.kind, [f.message_en for f in assessment.errors])
        kept = {k: v for k, v in assessment.values.items() if v.value or v.status != "clear"}
        assert kept == stored, "demo values are stored as keying would store them"
        if entry.status == EntryStatus.COMPLETED:
            assert assessment.can_complete
        else:
            assert entry.status == EntryStatus.DEFERRED
            assert entry.deferral_reason
            assert assessment.deferrals, "a deferred entry has an unreadable required field"
        outcomes[entry.status] += 1

    assert outcomes[EntryStatus.COMPLETED] > 1300
    assert 20 < outcomes[EntryStatus.DEFERRED] < 150


def test_the_demo_has_books_of_every_kind_births_first(station, clock) -> None:
    add_demo_entries(station, 3000, seed=2, clock=clock)

    with station.sessions() as session:
        kinds = Counter(
            dict(session.execute(select(Book.kind, func.count()).group_by(Book.kind)).all())
        )
        sizes = session.scalars(select(Book.expected_entries)).all()

    assert set(kinds) == {"birth", "marriage", "death", "adoption"}
    assert kinds["birth"] == max(kinds.values())
    assert 30 < sum(sizes) / len(sizes) < 80  # the campaign's books hold 53 on average


def test_numbers_run_from_one_in_each_book(station, clock) -> None:
    add_demo_entries(station, 800, seed=4, clock=clock)

    numbers: dict[int, list[int]] = {}
    for entry in all_entries(station):
        numbers.setdefault(entry.book_id, []).append(entry.number)
    for book_numbers in numbers.values():
        assert book_numbers == list(range(1, len(book_numbers) + 1))


def test_entries_are_keyed_by_clerks_within_the_shifts(station, clock) -> None:
    add_demo_entries(station, 3000, seed=7, clock=clock)

    with station.sessions() as session:
        clerks = dict(session.execute(select(User.id, User.username)).all())
    entries = all_entries(station)
    keyed_by = Counter(clerks[e.created_by] for e in entries)
    completed = [e.completed_at.astimezone(VIETNAM) for e in entries if e.completed_at]

    assert len(keyed_by) == 12 and all(name.startswith("clerk") for name in keyed_by)
    assert all(time(6) <= moment.time() < time(22) for moment in completed)
    assert max(completed) <= clock.now()
    assert len({m.date() for m in completed}) >= 2
    hours = Counter(m.hour for m in completed)
    assert hours[7] and hours[13] and hours[18], "all three shifts keyed"


def test_the_same_seed_makes_the_same_station(tmp_path, clock) -> None:
    from app.station.database import init_station

    titles = []
    for name in ("one", "two"):
        db = init_station(
            tmp_path / name,
            code="TEST-01",
            office="UBND xã Tân Lập",
            admin_username="admin",
            admin_password="admin-password",
        )
        add_demo_entries(db, 200, seed=9, clock=clock)
        titles.append([e.title for e in all_entries(db)])
        db.close()

    assert titles[0] == titles[1]


def test_adding_to_a_station_keeps_what_it_had(station, clock) -> None:
    add_demo_entries(station, 300, seed=1, clock=clock)
    add_demo_entries(station, 300, seed=2, clock=clock)

    with station.sessions() as session:
        assert session.scalar(select(func.count(Entry.id))) == 600
        assert session.scalar(select(func.count(User.id))) == 14  # admin, lead, 12 clerks


def test_demo_names_are_found_without_accents(station, clock) -> None:
    add_demo_entries(station, 300, seed=1, clock=clock)
    entry = next(e for e in all_entries(station) if e.status == EntryStatus.COMPLETED)

    with station.sessions() as session:
        found = find_by_name(session, search_key(entry.title).upper())

    assert entry.id in [e.id for e in found]


def test_the_demo_team_keys_a_tenth_again_and_the_lead_has_decided_most(station, clock) -> None:
    add_demo_entries(station, 3000, seed=5, clock=clock)
    drawn = add_demo_double_keying(station, seed=5, clock=clock)

    with station.sessions() as session:
        states = Counter(
            dict(
                session.execute(
                    select(Verification.state, func.count()).group_by(Verification.state)
                ).all()
            )
        )
        verified = session.scalar(
            select(func.count()).select_from(Entry).where(Entry.status == EntryStatus.VERIFIED)
        )
        firsts_and_seconds = session.execute(
            select(Verification.first_keyer, Verification.second_keyer).where(
                Verification.second_keyer.is_not(None)
            )
        ).all()
        trends = error_trends(session, local_today(clock))

    assert sum(states.values()) == drawn > 100
    assert states["mismatch"] == 3, "a few differences left for the lead"
    assert states["waiting"] > 0, "the latest wait for their second keying"
    assert verified == states["verified"]
    assert all(first != second for first, second in firsts_and_seconds)
    assert len(trends.clerks) == 12
    assert 1 < (trends.team.last_week.per_thousand or 0) < 15, "a few slips per 1,000 fields"


def test_on_the_demo_station_a_word_and_two_letters_find_any_commune_of_its_district(
    tmp_path,
) -> None:
    db = create_demo_station(tmp_path / "demo")
    with db.sessions() as session:
        commune = settings.locality(session)
    db.close()
    assert commune is not None and commune.full_path == DEMO_LOCALITY
    district = [p for p in gazetteer.places("pre2025") if p.parent_code == commune.parent_code]
    place = spec_for("birth").field("child_birth_place")

    assert len(district) == 11
    for other in district:
        first, second, *_ = other.short_name.split()
        for typed in (f"{first} {second[:2]}", search_key(f"{first} {second[:2]}")):
            offered = suggestions(place, typed, near=commune, year=2010)[:3]
            assert other.full_path in [s.value for s in offered], (typed, offered)
