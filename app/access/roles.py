"""Who may do what: checked in the services, not only hidden in the window."""

from __future__ import annotations

from app.db.models import Role, User


class NotAllowed(PermissionError):
    """The user's role does not allow this action."""

    def __init__(self, user: User, action: str) -> None:
        super().__init__(f"{user.username} ({user.role}) may not {action}")
        self.user = user
        self.action = action


def is_lead(user: User) -> bool:
    """A team lead or an admin: assigns books, sets quotas, sees the dashboard."""
    return user.role in (Role.LEAD.value, Role.ADMIN.value)


def require_lead(user: User, action: str) -> None:
    if not is_lead(user):
        raise NotAllowed(user, action)


def is_admin(user: User) -> bool:
    """The station's administrator: manages users, restores backups."""
    return user.role == Role.ADMIN.value


def require_admin(user: User, action: str) -> None:
    if not is_admin(user):
        raise NotAllowed(user, action)
