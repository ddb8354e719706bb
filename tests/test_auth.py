"""Logging in: the password of `sohoa init`, the lockout, the users an
admin manages and the passwords their owners change."""

from __future__ import annotations

import contextlib
from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from conftest import ADMIN_PASSWORD
from sqlalchemy import select
from test_cli import ok_json, sohoa

from app.access.login import LOCKOUT, MAX_FAILURES, AccountLocked, LoginRefused, log_in
from app.access.roles import NotAllowed
from app.access.users import UserProblem, add_user, change_password, change_user, reset_password
from app.db.models import AuditRecord, Role, User


def admin_of(session) -> User:
    return session.scalars(select(User).where(User.username == "admin")).one()


def add_clerk(station, clock, name: str = "lan", password: str = "first-password") -> None:
    with station.sessions.begin() as session:
        add_user(
            session, clock, admin_of(session), username=name, full_name="Trần Thị Lan",
            role=Role.CLERK, password=password,
        )  # fmt: skip


def test_the_admin_logs_in_with_the_password_of_init(station, clock) -> None:
    user = log_in(station.sessions, " Admin ", ADMIN_PASSWORD, clock)

    assert user.username == "admin"


@pytest.mark.parametrize(
    ("username", "password"),
    [("admin", "wrong-password"), ("nobody", ADMIN_PASSWORD), ("admin", "")],
)
def test_wrong_names_and_passwords_are_refused_alike(station, clock, username, password) -> None:
    with pytest.raises(LoginRefused) as refusal:
        log_in(station.sessions, username, password, clock)

    assert type(refusal.value) is LoginRefused


def test_a_deactivated_user_cannot_log_in(station, clock) -> None:
    with station.sessions.begin() as session:
        admin_of(session).active = False

    with pytest.raises(LoginRefused):
        log_in(station.sessions, "admin", ADMIN_PASSWORD, clock)


def test_wrong_passwords_in_a_row_lock_the_user_out_for_a_while(station, clock) -> None:
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(LoginRefused):
            log_in(station.sessions, "admin", "guess-password", clock)
    with pytest.raises(AccountLocked) as locked:
        log_in(station.sessions, "admin", "guess-password", clock)
    assert locked.value.until == clock.now() + LOCKOUT

    clock.moment += LOCKOUT - timedelta(seconds=1)
    with pytest.raises(AccountLocked):
        log_in(station.sessions, "admin", ADMIN_PASSWORD, clock)  # even the right one

    clock.moment += timedelta(seconds=1)
    assert log_in(station.sessions, "admin", ADMIN_PASSWORD, clock).username == "admin"
    with station.sessions() as session:
        actions = session.scalars(select(AuditRecord.action).order_by(AuditRecord.id)).all()
    assert actions[-3:] == ["login.locked", "login.refused", "login"]


def test_a_right_password_clears_the_count_of_wrong_ones(station, clock) -> None:
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(LoginRefused):
            log_in(station.sessions, "admin", "guess-password", clock)
    log_in(station.sessions, "admin", ADMIN_PASSWORD, clock)

    with pytest.raises(LoginRefused) as refusal:
        log_in(station.sessions, "admin", "guess-password", clock)
    assert type(refusal.value) is LoginRefused  # counting starts again


def test_a_hash_made_with_older_parameters_is_replaced_at_login(station, clock) -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8192).hash(ADMIN_PASSWORD)
    with station.sessions.begin() as session:
        admin_of(session).password_hash = weak

    log_in(station.sessions, "admin", ADMIN_PASSWORD, clock)

    with station.sessions() as session:
        stored = admin_of(session).password_hash
    assert stored != weak
    assert not PasswordHasher().check_needs_rehash(stored)
    assert log_in(station.sessions, "admin", ADMIN_PASSWORD, clock).username == "admin"


def test_a_new_user_chooses_their_password_at_first_login(station, clock) -> None:
    add_clerk(station, clock)
    lan = log_in(station.sessions, "lan", "first-password", clock)
    assert lan.must_change_password

    with station.sessions.begin() as session, pytest.raises(UserProblem, match="wrong"):
        change_password(session, clock, session.merge(lan), "not-it-at-all", "mine-from-now")
    with station.sessions.begin() as session:
        change_password(session, clock, session.merge(lan), "first-password", "mine-from-now")

    assert not log_in(station.sessions, "lan", "mine-from-now", clock).must_change_password
    with pytest.raises(LoginRefused):
        log_in(station.sessions, "lan", "first-password", clock)


def test_an_admin_reset_opens_a_locked_account_with_a_temporary_password(station, clock) -> None:
    add_clerk(station, clock)
    for _ in range(MAX_FAILURES):
        with pytest.raises(LoginRefused):
            log_in(station.sessions, "lan", "forgotten-it", clock)

    with station.sessions.begin() as session:
        lan = session.scalars(select(User).where(User.username == "lan")).one()
        reset_password(session, clock, admin_of(session), lan, "temporary-1")

    assert log_in(station.sessions, "lan", "temporary-1", clock).must_change_password
    with station.sessions() as session:
        last = session.scalars(select(AuditRecord).order_by(AuditRecord.id.desc())).first()
        reset = session.scalars(
            select(AuditRecord).where(AuditRecord.action == "password.reset")
        ).one()
    assert last.action == "login"
    assert reset.subject == "user:lan"
    assert "temporary-1" not in str(reset.before) + str(reset.after)


def test_only_an_admin_manages_users(station, clock) -> None:
    add_clerk(station, clock)
    with station.sessions.begin() as session:
        lan = session.scalars(select(User).where(User.username == "lan")).one()
        change_user(session, clock, admin_of(session), lan, role=Role.LEAD, active=True)
        with pytest.raises(NotAllowed):
            add_user(
                session, clock, lan, username="x", full_name="X", role=Role.ADMIN,
                password="password-x",
            )  # fmt: skip
        with pytest.raises(NotAllowed):
            reset_password(session, clock, lan, admin_of(session), "taken-over")
        with pytest.raises(NotAllowed):
            change_user(session, clock, lan, lan, role=Role.ADMIN, active=True)


def test_the_last_admin_stays(station, clock) -> None:
    with station.sessions.begin() as session:
        admin = admin_of(session)
        with pytest.raises(UserProblem, match="one active admin"):
            change_user(session, clock, admin, admin, role=Role.LEAD, active=True)
        with pytest.raises(UserProblem, match="one active admin"):
            change_user(session, clock, admin, admin, role=Role.ADMIN, active=False)


def test_changes_to_users_are_audited_with_before_and_after(station, clock) -> None:
    add_clerk(station, clock)
    with station.sessions.begin() as session:
        lan = session.scalars(select(User).where(User.username == "lan")).one()
        change_user(session, clock, admin_of(session), lan, role=Role.CLERK, active=False)

    with station.sessions() as session:
        rows = session.scalars(
            select(AuditRecord).where(AuditRecord.subject == "user:lan").order_by(AuditRecord.id)
        ).all()
    assert [r.action for r in rows] == ["user.added", "user.changed"]
    assert rows[1].before["active"] is True
    assert rows[1].after["active"] is False
    assert all(r.user_id == 1 for r in rows)


def test_a_user_name_is_refused_when_taken_or_malformed(station, clock) -> None:
    add_clerk(station, clock)
    with station.sessions.begin() as session:
        for name, code in (("LAN", "username_taken"), ("lan lan", "bad_username")):
            with pytest.raises(UserProblem) as problem:
                add_user(
                    session, clock, admin_of(session), username=name, full_name="Lan",
                    role=Role.CLERK, password="password-x",
                )  # fmt: skip
            assert problem.value.code == code


def test_an_admin_who_forgot_their_password_is_let_back_in_from_the_machine(station, clock) -> None:
    for _ in range(MAX_FAILURES):
        with pytest.raises(LoginRefused):
            log_in(station.sessions, "admin", "forgotten-it", clock)
    station.close()

    reset = sohoa(
        "users", "--reset", "admin", "--json", data_dir=station.data_dir,
        SOHOA_NEW_PASSWORD="from-the-machine",
    )  # fmt: skip

    listed = ok_json(reset)["users"]
    assert listed == [
        {"username": "admin", "full_name": "admin", "role": "admin", "active": True,
         "locked": False, "temporary_password": True},
    ]  # fmt: skip
    user = log_in(station.sessions, "admin", "from-the-machine", clock)
    assert user.must_change_password
    with station.sessions() as session:
        row = session.scalars(
            select(AuditRecord).where(AuditRecord.action == "password.reset")
        ).one()
    assert row.user_id is None and row.subject == "user:admin"
    refused = sohoa("users", "--reset", "nobody", data_dir=station.data_dir)
    assert refused.returncode != 0 and "no user 'nobody'" in refused.stderr


def test_a_clock_set_back_does_not_stretch_a_lockout(station, clock) -> None:
    for _ in range(MAX_FAILURES):
        with contextlib.suppress(LoginRefused):
            log_in(station.sessions, "admin", "guess-password", clock)
    with pytest.raises(AccountLocked):
        log_in(station.sessions, "admin", ADMIN_PASSWORD, clock)

    clock.moment -= timedelta(days=1)  # someone set the office PC's clock back a day

    assert log_in(station.sessions, "admin", ADMIN_PASSWORD, clock).username == "admin"
