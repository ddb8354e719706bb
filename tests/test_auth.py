"""Logging in with the password set at `sohoa init`."""

from __future__ import annotations

import pytest
from conftest import ADMIN_PASSWORD
from sqlalchemy import select

from app.auth import LoginRefused, authenticate
from app.db.models import User


def test_the_admin_logs_in_with_the_password_of_init(station) -> None:
    with station.sessions() as session:
        user = authenticate(session, " Admin ", ADMIN_PASSWORD)

    assert user.username == "admin"


@pytest.mark.parametrize(
    ("username", "password"),
    [("admin", "wrong-password"), ("nobody", ADMIN_PASSWORD), ("admin", "")],
)
def test_wrong_names_and_passwords_are_refused_alike(station, username, password) -> None:
    with station.sessions() as session, pytest.raises(LoginRefused):
        authenticate(session, username, password)


def test_a_deactivated_user_cannot_log_in(station) -> None:
    with station.sessions.begin() as session:
        session.scalars(select(User)).one().active = False

    with station.sessions() as session, pytest.raises(LoginRefused):
        authenticate(session, "admin", ADMIN_PASSWORD)
