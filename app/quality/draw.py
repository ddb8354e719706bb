"""Which completed entries are keyed a second time, blind (issue 6).

A share of each clerk's entries (10% unless the lead sets more, for the
team or for one clerk whose error rate calls for it) is drawn as each entry
is first completed. The draw is fixed by the entry's UUID: the same
wherever and whenever it is made. Until its second keying and any
arbitration are done, an entry is not exported.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import Session

from app.access.roles import require_lead
from app.db.models import Entry, Setting, User, Verification, VerificationState
from app.system.clock import Clock
from app.work.settings import write_setting

SETTING = "verification"  # {"share": 0.1, "clerks": {"user id": share}}
DEFAULT_SHARE = 0.10
OPEN_STATES = (VerificationState.WAITING.value, VerificationState.MISMATCH.value)


class ShareError(ValueError):
    """A share that is not one; the message says why."""


def share_for(session: Session, clerk: User) -> float:
    """The share of ``clerk``'s completed entries drawn for verification."""
    own = own_share(session, clerk)
    return team_share(session) if own is None else float(own)


def set_share(
    session: Session,
    lead: User,
    share: float | None,
    clerk: User | None = None,
    *,
    clock: Clock,
) -> None:
    """Draw ``share`` (0 to 1) of the team's completed entries, or of one
    clerk's; for a clerk, None goes back to the team's share."""
    require_lead(lead, "set how many entries are verified")
    if share is not None and not 0 <= share <= 1:
        raise ShareError(f"a share is from 0 to 1, not {share}")
    setting = session.get(Setting, SETTING)
    # The setting as stored, JSON: {"share": 0.1, "clerks": {"<user id>": 0.2}}.
    value: dict[str, Any] = {"share": DEFAULT_SHARE, "clerks": {}} | (
        dict(setting.value) if setting else {}
    )
    clerks = {k: v for k, v in value["clerks"].items() if clerk is None or k != str(clerk.id)}
    if clerk is None:
        if share is None:
            raise ShareError("the team's share is a number")
        value["share"] = share
    elif share is not None:
        clerks[str(clerk.id)] = share
    value["clerks"] = clerks
    write_setting(session, SETTING, value, lead, clock)


def team_share(session: Session) -> float:
    """The share of the team's completed entries drawn for verification."""
    setting = session.get(Setting, SETTING)
    return float(setting.value.get("share", DEFAULT_SHARE)) if setting else DEFAULT_SHARE


def own_share(session: Session, clerk: User) -> float | None:
    """A clerk's own share, or None when the team's applies."""
    setting = session.get(Setting, SETTING)
    return None if setting is None else setting.value.get("clerks", {}).get(str(clerk.id))


def drawn(entry_uuid: str, share: float) -> bool:
    """Whether an entry is drawn: fixed by its UUID, so the draw is the same
    wherever and whenever it is made, and about ``share`` of entries are."""
    point = int.from_bytes(hashlib.sha256(entry_uuid.encode()).digest()[:8], "big") / 2**64
    return point < share


def draw(session: Session, entry: Entry, clerk: User, clock: Clock) -> Verification | None:
    """On an entry's first completion: queue it for a second keying if drawn."""
    if not drawn(entry.uuid, share_for(session, clerk)):
        return None
    if session.scalar(select(Verification.id).where(Verification.entry_id == entry.id)):
        return None  # drawn at an earlier completion (before a deferral)
    now = clock.now()
    verification = Verification(
        entry_id=entry.id,
        first_keyer=clerk.id,
        first_keyed_at=now,
        state=VerificationState.WAITING.value,
        created_at=now,
    )
    session.add(verification)
    session.flush()
    return verification


def not_under_verification() -> ColumnElement[bool]:
    """Entries with no second keying or arbitration still to come."""
    return ~exists().where(Verification.entry_id == Entry.id, Verification.state.in_(OPEN_STATES))
