"""The demo team's double keying over the last two weeks.

A tenth of the entries the team completed in the last ``DAYS`` days was
keyed again, blind, by another clerk of the same shift, within two hours
(the next day when the shift was over by then). Each clerk slips at their
own rate, some less and less as the weeks go by (the trends on the
dashboard); the slips are those of typing a name or a place, a letter
dropped or two swapped. The lead decided every difference but the last
few, left for arbitration, and the entries keyed last still wait for their
second keying.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import exists, select, update
from sqlalchemy.orm import Session

from app.db.models import (
    Book,
    Entry,
    EntryStatus,
    FieldDifference,
    User,
    Verification,
    VerificationState,
)
from app.demo.station import LEAD, TEAM
from app.quality.verification import SHOWN
from app.specs import FieldType, spec_for
from app.station.database import StationDatabase
from app.system.clock import Clock
from app.work import progress
from app.work.shifts import DEFAULT_SHIFTS, shift_at

DAYS = 14
SHARE = 0.1
LEFT_TO_ARBITRATE = 3
CHUNK = 500
# The fields typed letter by letter, where a slip still passes the form's
# rules (a date or an ID number with a digit off may not).
SLIPPED = (FieldType.NAME, FieldType.PLACE, FieldType.TEXT)


@dataclass(frozen=True)
class _Keyer:
    """A clerk's slips per 1,000 fields, two weeks ago and now."""

    then: float
    now: float

    def rate(self, progress: float) -> float:
        return self.then + (self.now - self.then) * progress


def add_demo_double_keying(
    db: StationDatabase, *, seed: int, clock: Clock, days: int = DAYS
) -> int:
    """The demo team keys a share of its completions of the last ``days``
    again; returns how many entries were drawn."""
    rng = random.Random(seed)
    with db.sessions.begin() as session:
        team = session.scalars(select(User).where(User.username.in_(TEAM)).order_by(User.username))
        lead = session.scalars(select(User).where(User.username == LEAD)).one()
        drawn = _key_twice(session, rng, list(team), lead, clock.now(), days)
        progress.rebuild(session)
    return drawn


def _key_twice(
    session: Session,
    rng: random.Random,
    clerks: list[User],
    lead: User,
    now: datetime,
    days: int,
) -> int:
    since = now - timedelta(days=days)
    keyers = {c.id: _keyer(rng) for c in clerks}
    # The demo's clerks keep to their shifts, in turn (app.demo.station).
    in_shift = {c.id: DEFAULT_SHIFTS[i % len(DEFAULT_SHIFTS)].number for i, c in enumerate(clerks)}
    recent = session.execute(
        select(Entry.id, Entry.completed_by, Entry.completed_at, Book.kind)
        .join(Book, Book.id == Entry.book_id)
        .where(
            Entry.status == EntryStatus.COMPLETED.value,
            Entry.completed_at >= since,
            Entry.completed_by.in_(keyers),
            ~exists().where(Verification.entry_id == Entry.id),
        )
        .order_by(Entry.completed_at.desc())
        .execution_options(yield_per=10_000)
    )
    # Drawn first, their values read after: a campaign's entries do not fit
    # in memory whole.
    drawn = [row for row in recent if rng.random() < SHARE]
    left = LEFT_TO_ARBITRATE
    verified: list[int] = []
    for entry_id, first, completed_at, kind, values in _with_values(session, drawn):
        verification = Verification(
            entry_id=entry_id,
            first_keyer=first,
            first_keyed_at=completed_at,
            state=VerificationState.WAITING.value,
            created_at=completed_at,
        )
        session.add(verification)
        second_at = _later_in_the_shift(rng, completed_at)
        if second_at > now:
            continue  # keyed too lately: it waits for its second keying
        others = [c for c in keyers if c != first]
        second = rng.choice([c for c in others if in_shift[c] == in_shift[first]] or others)
        spec = spec_for(kind)
        compared = [f.key for f in spec.fields if f.key not in SHOWN]
        typed = [f.key for f in spec.fields if f.type in SLIPPED and f.key in compared]
        elapsed = (completed_at - since) / (now - since)
        first_rate, second_rate = keyers[first].rate(elapsed), keyers[second].rate(elapsed)
        slips = list(_slips(rng, values, typed, first_rate, second_rate))
        undecided = bool(slips) and left > 0
        if undecided:
            # Left for the lead: the entry holds the first keying as stored,
            # so the slips of this one are the second keyer's.
            slips = [(key, "second", wrong) for key, _, wrong in slips]
            left -= 1
        verification.taken_by = verification.second_keyer = second
        verification.second_keyed_at = second_at
        verification.fields_compared = len(compared)
        verification.second_values = values | {
            key: {"v": wrong} for key, side, wrong in slips if side == "second"
        }
        session.flush()
        for key, side, wrong in slips:
            truth = values.get(key, {})
            session.add(
                FieldDifference(
                    verification_id=verification.id,
                    field=key,
                    first={"v": wrong} if side == "first" else truth,
                    second={"v": wrong} if side == "second" else truth,
                    chosen=None if undecided else truth,
                    error_of=None if undecided else side,
                )
            )
        if undecided:
            verification.state = VerificationState.MISMATCH.value
            continue
        verification.state = VerificationState.VERIFIED.value
        if slips:
            verification.decided_by = lead.id
            verification.decided_at = second_at + timedelta(minutes=rng.randrange(20, 90))
        verified.append(entry_id)
    for start in range(0, len(verified), CHUNK):
        session.execute(
            update(Entry)
            .where(Entry.id.in_(verified[start : start + CHUNK]))
            .values(status=EntryStatus.VERIFIED.value)
        )
    session.flush()
    return len(drawn)


def _with_values(session: Session, drawn: list) -> Iterator[tuple]:
    """The drawn entries, each with its values, read a chunk at a time."""
    for start in range(0, len(drawn), CHUNK):
        chunk = drawn[start : start + CHUNK]
        values: dict[int, dict[str, Any]] = dict(
            session.execute(
                select(Entry.id, Entry.values).where(Entry.id.in_([row.id for row in chunk]))
            ).all()
        )
        for row in chunk:
            yield (*row, values[row.id])


def _later_in_the_shift(rng: random.Random, completed_at: datetime) -> datetime:
    """When the second clerk keys it: within two hours in the same shift,
    else the next day at the same time."""
    second_at = completed_at + timedelta(minutes=rng.randrange(10, 120))
    if shift_at(second_at) != shift_at(completed_at):
        return completed_at + timedelta(days=1)
    return second_at


def _keyer(rng: random.Random) -> _Keyer:
    """Between 2 and 14 slips per 1,000 fields; half the team improving."""
    then = rng.uniform(2, 14)
    return _Keyer(then, then * rng.uniform(0.4, 0.8) if rng.random() < 0.5 else then)


def _slips(
    rng: random.Random, values: dict, typed: list[str], first: float, second: float
) -> Iterator[tuple[str, str, str]]:
    """Each field typed letter by letter keyed wrong once in a while: (field,
    whose slip, the slip)."""
    for key in typed:
        value = (values.get(key) or {}).get("v") or ""
        if len(value) < 2:
            continue
        for side, rate in (("first", first), ("second", second)):
            if rng.random() < rate / 1000:
                yield key, side, _slip(rng, value)
                break


def _slip(rng: random.Random, value: str) -> str:
    """A letter dropped, or two neighbours swapped (as in "1986" → "1968")."""
    at = rng.randrange(len(value) - 1)
    if rng.random() < 0.5 and value[at] != value[at + 1]:
        return value[:at] + value[at + 1] + value[at] + value[at + 2 :]
    return value[:at] + value[at + 1 :]
