"""The checks across entries as a pass the lead starts: a book's numbering,
duplicates, each finding kept once and decided with a reason."""

from __future__ import annotations

import pytest
from entries_factory import valid_entry
from sqlalchemy import select, update
from test_cli import ok_json, sohoa
from work_helpers import add_book, add_user

from app.access.roles import NotAllowed
from app.db.models import Book, CheckFinding, Entry, FindingState, Role, User
from app.keying.save import SaveAction, save_entry
from app.quality.check_kinds import (
    CheckKind,
    DatesOutOfOrderDetail,
    NumberSkippedDetail,
    read_detail,
)
from app.quality.checks import (
    NO_LONGER_FOUND,
    FindingError,
    decide,
    open_findings,
    run_checks,
)
from app.rules import FieldValue
from app.specs import BookKind, SourceStatus

# A child of each number: children of one book are other children.
CHILDREN = {1: "Lê Văn An", 2: "Phạm Thị Bình", 3: "Đỗ Minh Cường", 5: "Vũ Hồng Diệp", 6: "Hà Hải"}


def key(session, clock, book, user, number: int, registered: str) -> Entry:
    outcome = save_entry(
        session,
        book=book,
        values=valid_entry(
            book.kind,
            number=str(number),
            registration_date=registered,
            child_name=CHILDREN[number],
        ),
        user=user,
        action=SaveAction.COMPLETE,
        clock=clock,
    )
    assert outcome.saved, outcome.assessment.errors
    return outcome.entry


@pytest.fixture
def keyed(station, clock):
    """A 2010 birth book keyed 1, 2, 3, 5 (4 skipped), 6 registered before 5."""
    with station.sessions.begin() as session:
        clerk = add_user(session, "an")
        add_user(session, "lead", Role.LEAD)
        book = add_book(session)
        dates = {1: "02/07/2010", 2: "05/07/2010", 3: "09/07/2010", 5: "20/07/2010"}
        entries = {n: key(session, clock, book, clerk, n, d).id for n, d in dates.items()}
        entries[6] = key(session, clock, book, clerk, 6, "12/07/2010").id
        book_id = book.id
    return book_id, entries


def select_user(username: str):
    return select(User).where(User.username == username)


def by_check(session) -> dict[str, list[CheckFinding]]:
    found: dict[str, list[CheckFinding]] = {}
    for finding in open_findings(session):
        found.setdefault(finding.check, []).append(finding)
    return found


def test_a_pass_finds_a_skipped_number_and_dates_out_of_order(station, clock, keyed) -> None:
    book_id, entries = keyed

    result = run_checks(station.sessions, clock)
    with station.sessions() as session:
        found = by_check(session)

    assert (result.new, result.open) == (2, 2)
    [skipped] = found["number_skipped"]
    assert skipped.book_id == book_id and skipped.detail == {"year": 2010, "first": 4, "last": 4}
    assert skipped.entry_ids == [entries[3], entries[5]]
    [order] = found["dates_out_of_order"]
    assert order.entry_ids == [entries[5], entries[6]]
    assert order.detail["dates"] == ["2010-07-20", "2010-07-12"]


def test_each_finding_reads_back_as_what_its_kind_says(station, clock, keyed) -> None:
    run_checks(station.sessions, clock)
    with station.sessions() as session:
        found = by_check(session)
    [skipped], [order] = found[CheckKind.NUMBER_SKIPPED], found[CheckKind.DATES_OUT_OF_ORDER]

    assert read_detail(skipped.check, skipped.detail) == NumberSkippedDetail(2010, 4, 4)
    said = read_detail(order.check, order.detail)
    assert said == DatesOutOfOrderDetail(2010, (5, 6), ("2010-07-20", "2010-07-12"))
    assert said.to_detail() == order.detail, "written back as it is stored"
    assert read_detail("future_check", {}) is None, "a later version's kind is not guessed"


def test_a_number_keyed_twice_is_found(station, clock, keyed) -> None:
    _, entries = keyed
    with station.sessions.begin() as session:
        # As two stations' merged work or an older version could leave it:
        # the form itself refuses a number that is taken.
        session.execute(update(Entry).where(Entry.id == entries[6]).values(number=5))

    run_checks(station.sessions, clock)
    with station.sessions() as session:
        [repeated] = by_check(session)["number_repeated"]

    assert repeated.entry_ids == sorted([entries[5], entries[6]])
    assert repeated.detail == {"year": 2010, "number": 5}


def test_a_finding_is_kept_once_and_a_dismissed_one_stays_dismissed(station, clock, keyed) -> None:
    run_checks(station.sessions, clock)
    with station.sessions.begin() as session:
        lead = session.scalars(select_user("lead")).one()
        skipped = by_check(session)["number_skipped"][0]
        decide(
            session, skipped.id, FindingState.DISMISSED, "Số 4 bị bỏ trống trong sổ", lead, clock
        )

    again = run_checks(station.sessions, clock)
    with station.sessions() as session:
        dismissed = session.get_one(CheckFinding, skipped.id)

    assert (again.new, again.known, again.open) == (0, 2, 1)
    assert dismissed.state == "dismissed" and dismissed.reason == "Số 4 bị bỏ trống trong sổ"
    assert dismissed.decided_by == lead.id and dismissed.decided_at == clock.now()


def test_a_decision_needs_a_lead_and_a_reason(station, clock, keyed) -> None:
    run_checks(station.sessions, clock)
    with station.sessions.begin() as session:
        clerk = session.scalars(select_user("an")).one()
        lead = session.scalars(select_user("lead")).one()
        finding = open_findings(session)[0]

        with pytest.raises(NotAllowed):
            decide(session, finding.id, FindingState.RESOLVED, "sửa rồi", clerk, clock)
        with pytest.raises(FindingError, match="say why"):
            decide(session, finding.id, FindingState.RESOLVED, "  ", lead, clock)
        decide(session, finding.id, FindingState.RESOLVED, "Đã sửa ngày đăng ký", lead, clock)
        with pytest.raises(FindingError, match="decided already"):
            decide(session, finding.id, FindingState.DISMISSED, "again", lead, clock)


def test_a_child_keyed_twice_is_a_finding(station, clock) -> None:
    values = valid_entry("birth", number="1", registration_date="02/07/2010")
    typo = values["child_name"].value[:-1] + "x"
    with station.sessions.begin() as session:
        clerk = add_user(session, "an")
        first, second = (
            save_entry(
                session, book=add_book(session, volume=volume), user=clerk, clock=clock,
                values=values | changes, action=SaveAction.COMPLETE,
            ).entry
            for volume, changes in (("01", {}), ("02", {"child_name": FieldValue(typo)}))
        )  # fmt: skip

    run_checks(station.sessions, clock)
    with station.sessions() as session:
        [duplicate] = by_check(session)["possible_duplicate"]

    assert duplicate.entry_ids == [first.id, second.id]
    assert duplicate.detail["kind"] == "birth" and duplicate.detail["score"] >= 0.85


def test_completing_a_child_keyed_twice_says_so_at_once(station, clock) -> None:
    values = valid_entry("birth", number="1", registration_date="02/07/2010")
    typo = values["child_name"].value[:-1] + "x"
    with station.sessions.begin() as session:
        clerk, lead = add_user(session, "an"), add_user(session, "lead", Role.LEAD)
        first = save_entry(
            session, book=add_book(session), user=clerk, clock=clock, values=values,
            action=SaveAction.COMPLETE,
        )  # fmt: skip
        second = save_entry(
            session, book=add_book(session, volume="02"), user=clerk, clock=clock,
            values=values | {"child_name": FieldValue(typo)}, action=SaveAction.COMPLETE,
        )  # fmt: skip
        [found] = second.checks
        listed = [f.id for f in open_findings(session)]
    again = run_checks(station.sessions, clock)
    with station.sessions.begin() as session:
        decide(session, found.id, FindingState.DISMISSED, "two children", lead, clock)
        corrected = save_entry(
            session, book=session.get_one(Book, second.entry.book_id), user=clerk, clock=clock,
            values=values | {"child_name": FieldValue(typo), "page": FieldValue("3")},
            action=SaveAction.COMPLETE, entry=session.get_one(Entry, second.entry.id),
        )  # fmt: skip

    assert first.checks == (), "nothing like it yet"
    assert found.check == "possible_duplicate"
    assert found.entry_ids == [first.entry.id, second.entry.id]
    assert listed == [found.id], "the lead sees it without running a pass"
    assert again.new == 0, "the pass finds it known"
    assert corrected.checks == (), "dismissed: not said again at a correction"


# Fields a birth record should carry beyond what the form requires or fills.
MISSING = [
    "mother_name", "mother_birth_date", "mother_residence", "father_name",
    "father_birth_date", "father_residence", "father_ethnicity", "mother_ethnicity",
    "declarant_name", "declarant_relationship", "signer_name", "signer_title",
]  # fmt: skip


def test_an_entry_with_little_read_from_the_book_is_incomplete(station, clock) -> None:
    unreadable = FieldValue("", SourceStatus.ILLEGIBLE)
    values = valid_entry("birth", number="1") | {key: unreadable for key in MISSING[:4]}
    with station.sessions.begin() as session:
        clerk, book = add_user(session, "an"), add_book(session)
        fair = save_entry(
            session, book=book, user=clerk, clock=clock, values=values, action=SaveAction.COMPLETE
        )
        poor = save_entry(
            session, book=book, user=clerk, clock=clock, action=SaveAction.COMPLETE,
            values=valid_entry("birth", number="2", child_name="Hà Văn Hải")
            | {key: FieldValue("") for key in MISSING},
        )  # fmt: skip
    run_checks(station.sessions, clock)
    with station.sessions() as session:
        [listed] = by_check(session)["incomplete"]

    assert fair.checks == (), "four of fourteen fields unread is still enough"
    [incomplete] = poor.checks
    assert incomplete.id == listed.id and listed.entry_ids == [poor.entry.id]
    assert set(listed.detail["missing"]) == set(MISSING)
    assert listed.detail["score"] == pytest.approx(2 / 14, abs=0.001), "origin and home town"


def test_what_the_form_requires_or_fills_is_not_what_makes_a_record_complete(
    station, clock
) -> None:
    required_only = {
        key: value
        for key, value in valid_entry("marriage").items()
        if key in ("number", "registration_date", "wife_name", "wife_birth_date",
                   "husband_name", "husband_birth_date", "registration_kind", "office")
    }  # fmt: skip
    with station.sessions.begin() as session:
        outcome = save_entry(
            session, book=add_book(session, BookKind.MARRIAGE), user=add_user(session, "an"),
            clock=clock, values=required_only, action=SaveAction.COMPLETE,
        )  # fmt: skip

    [incomplete] = outcome.checks
    assert incomplete.detail["score"] == 0, "nothing beyond what a marriage cannot go without"


def test_a_finding_closes_itself_when_the_entry_is_corrected_and_opens_again(
    station, clock
) -> None:
    with station.sessions.begin() as session:
        clerk, book = add_user(session, "an"), add_book(session)
        poor = valid_entry("birth", number="1") | {key: FieldValue("") for key in MISSING}
        outcome = save_entry(
            session, book=book, user=clerk, clock=clock, values=poor, action=SaveAction.COMPLETE
        )
        [finding] = outcome.checks
        entry = outcome.entry
        corrected = save_entry(
            session, book=book, user=clerk, clock=clock, action=SaveAction.COMPLETE,
            values=valid_entry("birth", number="1"), entry=entry,
        )  # fmt: skip
        closed = (finding.state, finding.decided_by, finding.reason)
        open_after_correction = open_findings(session)
        again = save_entry(
            session, book=book, user=clerk, clock=clock, values=poor, action=SaveAction.COMPLETE,
            entry=entry,
        )  # fmt: skip

    assert corrected.checks == () and open_after_correction == []
    assert closed == ("resolved", None, NO_LONGER_FOUND), "closed by the correction, not a lead"
    assert [f.id for f in again.checks] == [finding.id], "the same finding, open again"


def test_sohoa_quality_lists_the_open_findings(station, clock, keyed) -> None:
    station.close()

    first = ok_json(sohoa("quality", "--json", data_dir=station.data_dir))
    again = ok_json(sohoa("quality", "--json", data_dir=station.data_dir))

    assert first["new"] == 2 and again["new"] == 0 and again["known"] == 2
    assert sorted(f["check"] for f in again["open"]) == ["dates_out_of_order", "number_skipped"]
    assert [e["number"] for e in again["open"][0]["entries"]] in ([3, 5], [5, 6])


def test_a_place_the_gazetteer_does_not_know_is_listed_for_the_lead_until_corrected(
    station, clock
) -> None:
    with station.sessions.begin() as session:
        clerk, book = add_user(session, "an"), add_book(session)
        typed = valid_entry("birth", number="1") | {
            "child_birth_place": FieldValue("Xóm Bến Đò"),
            "child_home_town": FieldValue("Ấp 3, Xã Tân Lập, Huyện Đồng Phú"),
        }
        outcome = save_entry(
            session, book=book, user=clerk, clock=clock, values=typed, action=SaveAction.COMPLETE
        )
        [finding] = outcome.checks
        entry = outcome.entry
    run_checks(station.sessions, clock)
    with station.sessions() as session:
        [listed] = by_check(session)["unknown_place"]

    assert outcome.saved and entry.values["child_birth_place"] == {"v": "Xóm Bến Đò"}
    assert [w.code for w in outcome.assessment.warnings] == ["unknown_place"]
    assert listed.id == finding.id and listed.entry_ids == [entry.id]
    assert listed.detail == {"child_birth_place": "Xóm Bến Đò"}, (
        "a hamlet of a known commune is not"
    )

    with station.sessions.begin() as session:
        corrected = save_entry(
            session, book=session.get(Book, book.id), user=session.get(User, clerk.id),
            clock=clock, action=SaveAction.COMPLETE, entry=session.get(Entry, entry.id),
            values=typed | {"child_birth_place": FieldValue("Trạm y tế xã Tân Lập")},
        )  # fmt: skip
        assert corrected.checks == ()
        assert open_findings(session) == []
