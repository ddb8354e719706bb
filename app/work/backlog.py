"""The deferred backlog: entries left for later, by reason, oldest first.

This is the list a lead works through to unblock cases ("stalled cases are
listed with their specific reason", CONTEXT.md). An entry leaves it when it
is completed, whatever the state of its book: a finished book's deferred
entries stay in it. The lead may hand an entry to a clerk (the police
officer of the team for one to check against the population records): the
clerk's own list holds the entries handed to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session, aliased

from app.access import audit
from app.access.roles import is_lead, require_lead
from app.db.models import BacklogCount, Book, DeferralReason, Entry, EntryStatus, Role, User
from app.specs import BookKind
from app.system.clock import Clock


@dataclass(frozen=True)
class DeferredEntry:
    entry_id: int
    book_id: int
    kind: BookKind
    office: str
    volume: str
    year: int
    number: int | None
    title: str
    note: str | None
    deferred_at: datetime | None
    deferred_by: str | None  # user name
    assigned_to: str | None  # the clerk it is handed to (user name), if any


@dataclass(frozen=True)
class BacklogGroup:
    reason: DeferralReason
    entries: list[DeferredEntry]


def deferred_backlog(session: Session, user: User | None = None) -> list[BacklogGroup]:
    """Every deferred entry, grouped by reason (the largest group first, then
    in the order of the reasons), each group oldest first. For a clerk
    (``user``), the entries the lead handed them."""
    groups: dict[DeferralReason, list[DeferredEntry]] = {}
    mine = None if user is None or is_lead(user) else Entry.assigned_to == user.id
    for reason, entry in _entries(session, mine):
        groups.setdefault(reason, []).append(entry)
    return [
        BacklogGroup(reason, entries)
        for reason, entries in sorted(
            groups.items(), key=lambda g: (-len(g[1]), list(DeferralReason).index(g[0]))
        )
    ]


def _entries(
    session: Session, where: ColumnElement[bool] | None = None, limit: int | None = None
) -> list[tuple[DeferralReason, DeferredEntry]]:
    """Deferred entries, oldest first, with their reason."""
    query = _deferred().limit(limit)
    if where is not None:
        query = query.where(where)
    return [
        (
            DeferralReason(r[0] or DeferralReason.OTHER),
            DeferredEntry(r[1], r[2], BookKind(r[3]), *r[4:]),
        )
        for r in session.execute(query)
    ]


@cache
def _deferred() -> Select[*tuple[Any, ...]]:
    """The deferred entries with their books and who left them, oldest
    first: built once, as the dashboard reads it every few seconds."""
    deferrer, assignee = aliased(User), aliased(User)
    return (
        select(
            Entry.deferral_reason,
            Entry.id,
            Book.id,
            Book.kind,
            Book.office,
            Book.volume,
            Entry.year,
            Entry.number,
            Entry.title,
            Entry.deferral_note,
            Entry.deferred_at,
            deferrer.username,
            assignee.username,
        )
        .join(Book, Book.id == Entry.book_id)
        .outerjoin(deferrer, deferrer.id == Entry.deferred_by)
        .outerjoin(assignee, assignee.id == Entry.assigned_to)
        .where(Entry.status == EntryStatus.DEFERRED.value)
        .order_by(Entry.deferred_at.nulls_first(), Entry.id)
    )


def backlog_counts(session: Session) -> dict[DeferralReason, int]:
    """How many entries wait for each reason, as kept on every change."""
    rows = session.execute(
        select(BacklogCount.reason, BacklogCount.entries).where(BacklogCount.entries > 0)
    ).all()
    return {DeferralReason(reason): count for reason, count in rows}


def recounted_backlog(session: Session) -> dict[DeferralReason, int]:
    """The same, counted from the entries themselves (for ``sohoa check``)."""
    rows = session.execute(
        select(Entry.deferral_reason, func.count())
        .where(Entry.status == EntryStatus.DEFERRED.value)
        .group_by(Entry.deferral_reason)
    ).all()
    counts: dict[DeferralReason, int] = {}
    for reason, count in rows:
        key = DeferralReason(reason or DeferralReason.OTHER)
        counts[key] = counts.get(key, 0) + count
    return counts


@dataclass(frozen=True)
class BacklogSummary:
    """One reason's share of the backlog, with its oldest entry."""

    reason: DeferralReason
    count: int
    oldest: DeferredEntry


def backlog_summary(session: Session) -> list[BacklogSummary]:
    """Per reason, how many wait and which has waited longest (largest first).

    What the dashboard shows every few seconds: a count per reason and one
    entry each, without reading the whole backlog.
    """
    summaries = []
    for reason, count in backlog_counts(session).items():
        matches = Entry.deferral_reason == reason.value
        if reason is DeferralReason.OTHER:
            matches = matches | Entry.deferral_reason.is_(None)
        [(_, oldest)] = _entries(session, matches, limit=1)
        summaries.append(BacklogSummary(reason, count, oldest))
    return sorted(summaries, key=lambda s: (-s.count, list(DeferralReason).index(s.reason)))


class NotDeferred(Exception):
    """Only an entry left for later is handed to a clerk."""


def assign_entry(
    session: Session, lead: User, entry_id: int, clerk_id: int | None, *, clock: Clock
) -> None:
    """Hand the deferred entry ``entry_id`` to the clerk ``clerk_id`` (None:
    to no one). The clerk opens it from their list, whatever its book's
    state; the change is kept in the audit log."""
    require_lead(lead, "hand a deferred entry to a clerk")
    entry = session.get_one(Entry, entry_id)
    if entry.status != EntryStatus.DEFERRED:
        raise NotDeferred(f"entry {entry_id} is {entry.status}, not deferred")
    before = entry.assigned_to
    if before == clerk_id:
        return
    entry.assigned_to = clerk_id
    session.flush()
    audit.record(
        session, clock, user=lead, action="entry.assigned", subject=f"entry:{entry.uuid}",
        before={"assigned_to": _username(session, before)},
        after={"assigned_to": _username(session, clerk_id)},
    )  # fmt: skip


def _username(session: Session, user_id: int | None) -> str | None:
    return None if user_id is None else session.get_one(User, user_id).username


def assignable_clerks(session: Session) -> list[tuple[int, str, str]]:
    """The clerks an entry may be handed to: id, user name and full name."""
    rows = session.execute(
        select(User.id, User.username, User.full_name)
        .where(User.active, User.role == Role.CLERK.value)
        .order_by(User.username)
    )
    return [(user_id, username, full_name or username) for user_id, username, full_name in rows]
