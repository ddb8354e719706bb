"""The audit trail: every change to the station, kept for good, in a chain.

Each row says who did what, when, to what, with the values before and
after, and carries the SHA-256 of its own contents together with the hash
of the row before it. Rows are only added, in the writer's transaction of
the change they record (so a change and its record stand or fall
together, and two writers take turns). Changing, removing, adding or
moving a row breaks the chain from that row on: ``verify_chain`` names the
first row that does not hold. The head (the last row's hash) goes into
every batch, so the centre can tell a station's later chain from one
rewritten since.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import AuditRecord, User
from app.system.clock import Clock

GENESIS = "0" * 64  # what the first row follows


@dataclass(frozen=True)
class BrokenChain:
    """The first row of the audit log that does not hold, and why."""

    row: int
    reason: str

    def __str__(self) -> str:
        return f"audit log row {self.row}: {self.reason}"


def record(
    session: Session,
    clock: Clock,
    *,
    user: User | None,
    action: str,
    subject: str,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> AuditRecord:
    """Add a row to the chain, in the session's (writer's) transaction."""
    last = session.execute(
        select(AuditRecord.id, AuditRecord.hash).order_by(AuditRecord.id.desc()).limit(1)
    ).first()
    row = AuditRecord(
        id=(last.id if last else 0) + 1,
        at=clock.now(),
        user_id=user.id if user is not None else None,
        action=action,
        subject=subject,
        before=dict(before) if before is not None else None,
        after=dict(after) if after is not None else None,
        previous=last.hash if last else GENESIS,
    )
    row.hash = row_hash(row)
    session.add(row)
    session.flush()
    return row


def row_hash(row: AuditRecord) -> str:
    """The hash a row must carry: its contents and the hash before it."""
    return _hash(
        row.id, row.at, row.user_id, row.action, row.subject, row.before, row.after, row.previous
    )


def _hash(*contents: Any) -> str:
    """SHA-256 of a row's contents, in the column order of :func:`row_hash`."""
    values = list(contents)
    values[1] = _moment(values[1])
    text = json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _moment(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def chain_head(session: Session) -> str:
    """The last row's hash; GENESIS while nothing is recorded."""
    head = session.scalar(select(AuditRecord.hash).order_by(AuditRecord.id.desc()).limit(1))
    return head or GENESIS


def verify_chain(session: Session) -> BrokenChain | None:
    """Walk the chain from its first row; the first row that does not hold,
    or None when every row does. Rows are read as plain tuples, in batches:
    a campaign's log holds millions."""
    expected_previous, expected_id = GENESIS, 1
    table = AuditRecord.__table__
    rows = session.execute(
        select(
            table.c.id, table.c.at, table.c.user_id, table.c.action, table.c.subject,
            table.c.before, table.c.after, table.c.previous, table.c.hash,
        ).order_by(table.c.id).execution_options(yield_per=5000)
    )  # fmt: skip
    for row in rows:
        row_id, previous, stored = row[0], row[7], row[8]
        if row_id != expected_id:
            return BrokenChain(expected_id, "missing: a row was removed")
        if previous != expected_previous:
            return BrokenChain(row_id, "does not follow the row before it (removed or moved)")
        if stored != _hash(*row[:8]):
            return BrokenChain(row_id, "changed since it was written")
        expected_previous, expected_id = stored, row_id + 1
    return None


def audit_rows(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(AuditRecord)) or 0
