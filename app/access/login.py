"""Logging in: who is at the keyboard, checked against their Argon2id hash.

Every attempt, let in or refused, is kept in the audit log. Wrong passwords
in a row lock the user out for a while: the office PC stands in a room many
people pass through, and a clerk's password opens personal data. The lock
screen (after idle minutes) asks for the password through the same door.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access import audit
from app.access.passwords import needs_rehash, rehash, verify_password
from app.db.engine import StationSessions
from app.db.models import User
from app.system.clock import Clock

MAX_FAILURES = 5  # wrong passwords in a row before the lockout
LOCKOUT = timedelta(minutes=15)


class LoginRefused(Exception):
    """The user name and password do not open a session.

    Unknown names and wrong passwords are refused alike, so that the login
    window does not tell a stranger which user names exist.
    """


class AccountLocked(LoginRefused):
    """Too many wrong passwords in a row: no password opens until ``until``."""

    def __init__(self, username: str, until: datetime) -> None:
        super().__init__(f"{username} is locked out until {until.isoformat()}")
        self.until = until


def log_in(
    sessions: StationSessions, username: str, password: str, clock: Clock, action: str = "login"
) -> User:
    """The active user with this name and password; LoginRefused otherwise.

    The attempt is kept in the audit log either way (``action`` when let in:
    "login", or "unlock" from the lock screen; the name as typed for a
    refusal, for it may be no user's). A wrong password counts towards the
    lockout, and the :data:`MAX_FAILURES`-th in a row locks the user out for
    :data:`LOCKOUT`; a right one clears the count. A hash made with older
    Argon2 parameters is replaced by one made with today's.
    """
    name = username.strip().lower()
    now = clock.now()
    refused: LoginRefused | None = None
    with sessions.begin() as session:
        user = session.scalars(select(User).where(User.username == name)).first()
        try:
            _check(session, clock, user, name, password, now)
        except LoginRefused as error:
            refused = error
        else:
            assert user is not None
            user.failed_logins = 0
            user.locked_until = None
            if needs_rehash(user.password_hash):
                user.password_hash = rehash(password)
            audit.record(session, clock, user=user, action=action, subject=f"user:{name}")
    if refused is not None:
        raise refused
    assert user is not None
    return user


def lockout_ends(user: User, now: datetime) -> datetime | None:
    """When the lockout of ``user`` ends, if they are locked out at ``now``.

    A lockout lasts :data:`LOCKOUT` from the moment it began: a clock set
    back before that moment does not stretch it by as long as it went back."""
    until = user.locked_until
    return until if until is not None and until - LOCKOUT <= now < until else None


def _check(
    session: Session, clock: Clock, user: User | None, name: str, password: str, now: datetime
) -> None:
    subject = f"user:{name[:60]}"
    if user is None or not user.active:
        audit.record(session, clock, user=None, action="login.refused", subject=subject)
        raise LoginRefused(name)
    if (until := lockout_ends(user, now)) is not None:
        # Not even the right password opens now: guessing gains nothing.
        audit.record(session, clock, user=None, action="login.refused", subject=subject)
        raise AccountLocked(name, until)
    if verify_password(user.password_hash, password):
        return
    user.failed_logins += 1
    if user.failed_logins < MAX_FAILURES:
        audit.record(session, clock, user=None, action="login.refused", subject=subject)
        raise LoginRefused(name)
    user.failed_logins = 0
    user.locked_until = now + LOCKOUT
    audit.record(
        session, clock, user=None, action="login.locked", subject=subject,
        after={"locked_until": user.locked_until.isoformat()},
    )  # fmt: skip
    raise AccountLocked(name, user.locked_until)
