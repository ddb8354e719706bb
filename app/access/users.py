"""The station's users: an admin adds them, sets their role, resets a
forgotten password; each user changes their own.

Every change is a row of the audit log, with the role and state before and
after (never a password or its hash). An admin cannot take the station's
last admin away, their own account included: someone must always be able to
manage the users and restore a backup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.access import audit
from app.access.login import lockout_ends
from app.access.passwords import hash_password, verify_password
from app.access.roles import require_admin
from app.db.models import Role, User
from app.system.clock import Clock

# A user name: lower-case letters, digits, ".", "_" and "-", as the login types it.
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")


class UserProblem(ValueError):
    """A change to the users the station refuses; ``code`` names it for the
    window (app messages stay in English)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class ListedUser:
    id: int
    username: str
    full_name: str
    role: Role
    active: bool
    locked: bool
    must_change_password: bool


def stored_user(session: Session, user_id: int) -> User:
    """User ``user_id`` as stored now, in ``session``: a window holds who it
    listed, or who logged in, as they were then; their role and access may
    have changed since, and a change is checked against them as they are."""
    return session.get_one(User, user_id)


def list_users(session: Session, clock: Clock) -> list[ListedUser]:
    now = clock.now()
    return [
        ListedUser(
            id=user.id,
            username=user.username,
            full_name=user.full_name,
            role=Role(user.role),
            active=user.active,
            locked=lockout_ends(user, now) is not None,
            must_change_password=user.must_change_password,
        )
        for user in session.scalars(select(User).order_by(User.username))
    ]


def add_user(
    session: Session,
    clock: Clock,
    admin: User,
    *,
    username: str,
    full_name: str,
    role: Role,
    password: str,
) -> User:
    """A new user, who chooses their own password at their first login."""
    require_admin(admin, "add a user")
    username = username.strip().lower()
    if not USERNAME.match(username):
        raise UserProblem("bad_username", f"user name {username!r}: lower-case letters, digits")
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise UserProblem("username_taken", f"there is already a user {username!r}")
    if not full_name.strip():
        raise UserProblem("no_full_name", "the full name is empty")
    user = User(
        username=username,
        full_name=full_name.strip(),
        role=role.value,
        password_hash=hash_password(password),
        must_change_password=True,
    )
    session.add(user)
    session.flush()
    audit.record(
        session, clock, user=admin, action="user.added", subject=f"user:{username}",
        after=_state(user),
    )  # fmt: skip
    return user


def change_user(
    session: Session, clock: Clock, admin: User, user: User, *, role: Role, active: bool
) -> None:
    """Give ``user`` another role, or take their access away (or back)."""
    require_admin(admin, "change a user")
    before = _state(user)
    losing_admin = user.role == Role.ADMIN.value and (role is not Role.ADMIN or not active)
    if losing_admin and user.active and _active_admins(session) == 1:
        raise UserProblem("last_admin", "the station must keep one active admin")
    user.role = role.value
    user.active = active
    session.flush()
    if _state(user) != before:
        audit.record(
            session, clock, user=admin, action="user.changed", subject=f"user:{user.username}",
            before=before, after=_state(user),
        )  # fmt: skip


def reset_password(
    session: Session, clock: Clock, admin: User | None, user: User, temporary: str
) -> None:
    """An admin gives ``user`` a temporary password, which opens the account
    (a lockout ends) and must be changed at the next login. ``admin`` is
    None for the command line (``sohoa users --reset``), which whoever holds
    the station's machine account may run: the way back in for an admin
    who forgot their own password."""
    if admin is not None:
        require_admin(admin, "reset a password")
    user.password_hash = hash_password(temporary)
    user.must_change_password = True
    user.failed_logins = 0
    user.locked_until = None
    session.flush()
    audit.record(
        session, clock, user=admin, action="password.reset", subject=f"user:{user.username}"
    )


def change_password(session: Session, clock: Clock, user: User, current: str, new: str) -> None:
    """``user`` replaces their own password, knowing the current one."""
    if not verify_password(user.password_hash, current):
        raise UserProblem("wrong_password", "the current password is wrong")
    if new == current:
        raise UserProblem("same_password", "the new password is the current one")
    user.password_hash = hash_password(new)
    user.must_change_password = False
    session.flush()
    audit.record(
        session, clock, user=user, action="password.changed", subject=f"user:{user.username}"
    )


def change_own_password(
    session: Session, clock: Clock, user_id: int, current: str, new: str
) -> None:
    """:func:`change_password` of the user logged in as ``user_id``."""
    change_password(session, clock, session.get_one(User, user_id), current, new)


def _active_admins(session: Session) -> int:
    return (
        session.scalar(
            select(func.count()).where(User.role == Role.ADMIN.value, User.active.is_(True))
        )
        or 0
    )


def _state(user: User) -> dict[str, object]:
    return {"full_name": user.full_name, "role": user.role, "active": user.active}
