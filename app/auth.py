"""Logging in: who is at the keyboard, checked against their Argon2id hash.

Every attempt, let in or refused, is kept in the audit log."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.clock import Clock
from app.db.engine import StationSessions
from app.db.models import User
from app.passwords import verify_password


class LoginRefused(Exception):
    """The user name and password do not open a session.

    Unknown names and wrong passwords are refused alike, so that the login
    window does not tell a stranger which user names exist.
    """


def authenticate(session: Session, username: str, password: str) -> User:
    """The active user with this name and password; LoginRefused otherwise."""
    user = session.scalars(select(User).where(User.username == username.strip().lower())).first()
    if user is None or not user.active or not verify_password(user.password_hash, password):
        raise LoginRefused(username)
    return user


def log_in(sessions: StationSessions, username: str, password: str, clock: Clock) -> User:
    """``authenticate``, with the attempt kept in the audit log either way
    (the name as typed, for a refusal: it may be no user's)."""
    refused: LoginRefused | None = None
    with sessions.begin() as session:
        try:
            user = authenticate(session, username, password)
        except LoginRefused as error:
            refused = error
            audit.record(
                session, clock, user=None, action="login.refused",
                subject=f"user:{username.strip().lower()[:60]}",
            )  # fmt: skip
        else:
            audit.record(session, clock, user=user, action="login", subject=f"user:{user.username}")
    if refused is not None:
        raise refused
    return user
