"""A team that keys entries twice, blind, with planted keying errors."""

from __future__ import annotations

from entries_factory import valid_entry
from sqlalchemy import select
from work_helpers import add_book, add_user

from app.db.models import Role, User, Verification
from app.keying.save import SaveAction, save_entry
from app.quality.draw import set_share
from app.quality.verification import arbitrate, blind_form, differences, key_again, take_next
from app.rules import FieldValue
from app.system.clock import SystemClock

CHILDREN = ["Lê Văn An", "Phạm Thị Bình", "Đỗ Minh Cường", "Vũ Hồng Diệp", "Hà Văn Hải"]
# The planted errors: entry index -> (field, the first keyer's value, the
# second keyer's value), the book itself saying the value of ``truth``.
PLANTED = {
    1: ("child_name", "Phạm Thị Bìn", "Phạm Thị Bình"),  # the first keyer's slip
    3: ("mother_name", "Trần Thị Lan", "Trần Thị Lam"),  # the second keyer's slip
    4: ("child_birth_date", "02/06/2010", "20/06/2010"),  # both wrong: it is 12/06
}


def make_team(station) -> None:
    """Clerks an and binh, lead "lead"; every entry drawn for verification."""
    with station.sessions.begin() as session:
        add_user(session, "an")
        add_user(session, "binh")
        add_user(session, "lead", Role.LEAD)
        lead = user(session, "lead")
        set_share(session, lead, 1.0, clock=SystemClock())  # every entry, for the test


def user(session, name: str) -> User:
    return session.scalars(select(User).where(User.username == name)).one()


def entry_values(index: int, **changes: str) -> dict[str, FieldValue]:
    values = valid_entry(
        "birth", number=str(index + 1), child_name=CHILDREN[index], mother_name="Trần Thị Lan"
    )
    return values | {key: FieldValue(value) for key, value in changes.items()}


def key_twice(station, clock) -> dict:
    """Five entries keyed by an, each keyed again by binh, with the planted
    slips; each entry's index -> what the second keying came to."""
    with station.sessions.begin() as session:
        an, binh = user(session, "an"), user(session, "binh")
        book = add_book(session)
        for index in range(len(CHILDREN)):
            field, first, _ = PLANTED.get(index, (None, None, None))
            changes = {field: first} if field else {}
            outcome = save_entry(
                session, book=book, values=entry_values(index, **changes), user=an,
                action=SaveAction.COMPLETE, clock=clock,
            )  # fmt: skip
            assert outcome.saved, outcome.assessment.errors
        outcomes = []
        while (verification := take_next(session, binh)) is not None:
            shown_book, shown = blind_form(session, verification)
            assert shown_book.id == book.id and set(shown) == {"number"}, "blind: no values"
            index = int(shown["number"].value) - 1
            field, _, second = PLANTED.get(index, (None, None, None))
            changes = {field: second} if field else {}
            outcomes.append(
                (
                    index,
                    key_again(session, verification, entry_values(index, **changes), binh, clock),
                )
            )
    return dict(outcomes)


def decide_planted(station, clock) -> None:
    """The lead decides each planted difference as the book says."""
    with station.sessions.begin() as session:
        lead = user(session, "lead")
        waiting = session.scalars(
            select(Verification).where(Verification.state == "mismatch").order_by(Verification.id)
        ).all()
        for verification in waiting:
            [difference] = differences(session, verification)
            truth = {
                "child_name": FieldValue("Phạm Thị Bình"),  # the second keyer's
                "mother_name": FieldValue("Trần Thị Lan"),  # the first keyer's
                "child_birth_date": FieldValue("12/06/2010"),  # a third value
            }[difference.field]
            assessment = arbitrate(session, verification, {difference.field: truth}, lead, clock)
            assert assessment.can_complete
