"""Logging in: who is at the keyboard, checked against their Argon2id hash."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

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
