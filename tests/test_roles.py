"""A clerk cannot do what only a lead may, nor a lead what only an admin
may, through the services themselves: the window only hides the buttons."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from pathlib import Path

import pytest
from batch_helpers import FixedMoment, exporting_station
from sqlalchemy import func, select
from work_helpers import add_book, add_user

from app.access.roles import NotAllowed
from app.access.users import add_user as add_station_user
from app.access.users import change_user, reset_password
from app.batch.export import export_batch, rewrite_batch
from app.db.models import AuditRecord, Batch, Book, CheckFinding, Role, User, Verification
from app.demo.station import LEAD, TEAM
from app.quality import checks, draw, verification
from app.work import inventory, queue, settings

# Each lead-only action, as a clerk (or a lead, for the admin's) would call it.
Action = Callable[..., object]
LEAD_ONLY: dict[str, Action] = {
    "set the shifts": lambda s, u, c, b, t: settings.set_shifts(
        s, u, [(time(6), time(14))], clock=c
    ),
    "set the quotas": lambda s, u, c, b, t: settings.set_quotas(s, u, 100, 1000, clock=c),
    "set a clerk's quota": lambda s, u, c, b, t: settings.set_clerk_quota(s, u, u, 999, clock=c),
    "set the deadline": lambda s, u, c, b, t: settings.set_deadline(
        s, u, date(2027, 1, 1), clock=c
    ),
    "set the share keyed twice": lambda s, u, c, b, t: draw.set_share(s, u, 0.0, clock=c),
    "reorder the queue": lambda s, u, c, b, t: queue.move_book(s, u, b, 1, clock=c),
    "hold a book": lambda s, u, c, b, t: queue.hold_book(s, u, b, True, clock=c),
    "release a book": lambda s, u, c, b, t: queue.release_book(s, u, b, clock=c),
    "register a book": lambda s, u, c, b, t: inventory.register_book(
        s, u, kind="birth", office="UBND xã Tân Lập", volume="09", year=1990, clock=c
    ),
    "import books": lambda s, u, c, b, t: inventory.import_books(s, u, t / "books.csv", clock=c),
    "release entries unverified": lambda s, u, c, b, t: verification.release_waiting(
        s, u, "the centre needs them", c
    ),
    "arbitrate": lambda s, u, c, b, t: verification.arbitrate(
        s, Verification(entry_id=1), {}, u, c
    ),
    "decide a finding": lambda s, u, c, b, t: checks.decide(
        s, 1, checks.FindingState.DISMISSED, "not a duplicate", u, c
    ),
}
ADMIN_ONLY: dict[str, Action] = {
    "add a user": lambda s, u, c, b, t: add_station_user(
        s, c, u, username="moi", full_name="Người Mới", role=Role.ADMIN, password="password-1"
    ),
    "change a user": lambda s, u, c, b, t: change_user(s, c, u, u, role=Role.ADMIN, active=True),
    "reset a password": lambda s, u, c, b, t: reset_password(
        s, c, u, s.scalars(select(User).where(User.username == "admin")).one(), "taken-over"
    ),
}


@pytest.fixture
def team(station, tmp_path: Path):
    with station.sessions.begin() as session:
        add_user(session, "lan")
        add_user(session, "lead", Role.LEAD)
        add_book(session)
        add_book(session, volume="02")
    (tmp_path / "books.csv").write_text(
        "loại sổ,nơi đăng ký,quyển số,năm\nkhai sinh,UBND xã Tân Lập,07,1991\n", encoding="utf-8"
    )
    return station


def attempt(station, clock, tmp_path: Path, username: str, action: Action) -> None:
    """``action`` as ``username``; it must be refused and leave no trace."""
    with station.sessions() as session:
        before = session.scalar(select(func.count()).select_from(AuditRecord))
    with station.sessions.begin() as session:
        user = session.scalars(select(User).where(User.username == username)).one()
        book = session.scalars(select(Book).order_by(Book.id.desc())).first()
        with pytest.raises(NotAllowed):
            action(session, user, clock, book, tmp_path)
    with station.sessions() as session:
        assert session.scalar(select(func.count()).select_from(AuditRecord)) == before
        assert session.scalar(select(func.count()).select_from(Book)) == 2
        assert not session.scalar(select(func.count()).select_from(CheckFinding))


@pytest.mark.parametrize("name", LEAD_ONLY)
def test_a_clerk_cannot_do_what_only_a_lead_may(team, clock, tmp_path, name) -> None:
    attempt(team, clock, tmp_path, "lan", LEAD_ONLY[name])


@pytest.mark.parametrize("name", ADMIN_ONLY)
@pytest.mark.parametrize("username", ["lan", "lead"])
def test_only_an_admin_manages_the_users(team, clock, tmp_path, name, username) -> None:
    attempt(team, clock, tmp_path, username, ADMIN_ONLY[name])


def test_a_clerk_cannot_export_a_batch_and_a_lead_exports_in_their_name(
    tmp_path, memory_keyring
) -> None:
    station = exporting_station(tmp_path, entries=5)
    with station.db.sessions() as session:
        clerk = session.scalars(select(User).where(User.username == TEAM[0])).one()
        lead = session.scalars(select(User).where(User.username == LEAD)).one()

    with pytest.raises(NotAllowed):
        export_batch(
            station.db.sessions, station.stick, station.keystore, by=clerk, clock=FixedMoment(),
            last_backup=None,
        )  # fmt: skip
    with pytest.raises(NotAllowed):
        rewrite_batch(
            station.db.sessions, 1, station.stick, station.keystore, by=clerk, clock=FixedMoment()
        )
    assert list(station.stick.iterdir()) == []

    written = station.export(by=lead)

    assert written is not None and written.marked == 5
    with station.db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Batch)) == 1
        row = session.scalars(
            select(AuditRecord).where(AuditRecord.action == "batch.written")
        ).one()
    assert row.user_id == lead.id
