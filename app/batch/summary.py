"""The station's summary, carried to the centre by every batch (format 3 on).

The batches alone tell the centre only what was completed. To know which
station is behind, how much waits as "hard later" and why, and how well a
station keys, the centre needs the station's own figures: these, as the
station's services count them (app.work, app.quality), so that the centre
shows what the lead sees.

Where it goes: the payload's second plaintext line, after the header and
before the entries (app.batch.format). It is inside the encryption, so
nothing of it can be read from the stick without the centre's key;
bag-info.txt says nothing of it. It is computed when the batch is
recorded (app.batch.record) and kept in the batch's payload, so a batch
written again for a lost stick carries the same summary, as it stood then;
the centre keeps each station's newest (app.centre.summaries).

It holds no personal data beyond the clerks' user names: one JSON object,
its keys

- ``at``: the moment it was made; ``audit_head``: the audit chain's head then;
  ``last_backup``: the newest of the station's own backups, or null;
- ``progress``: ``target`` (the inventory's expected entries), ``done``,
  ``deadline`` (or null), as the lead's dashboard gives them;
- ``books``: each book of the inventory: ``kind``, ``office``, ``volume``,
  ``year``, ``state`` (waiting, keying, on_hold, finished), ``expected``
  (or null), ``done``, ``deferred``, ``drafts``;
- ``days``: each day's completions, the whole campaign (``day``, ``completed``);
- ``shifts``: the station's shifts (``number``, ``start``, ``end``);
- ``window``: the ``first`` and ``last`` day of the two lists below, the
  last ``WINDOW_DAYS`` days (the fortnight the lead's error trends show);
- ``tally``: the station's tally over the window, a row per day, shift,
  clerk, kind and outcome (``day``, ``shift``, ``clerk``, ``kind``,
  ``outcome``, ``count``);
- ``errors``: second keying's findings over the window, a row per day,
  shift and clerk (``day``, ``shift``, ``clerk``, ``fields``, ``errors``);
- ``backlog``: the deferred entries per reason (``reason``, ``entries``,
  ``oldest``: when the longest waiting was deferred);
- ``verification``: the entries drawn for second keying, per state
  (``waiting``, ``mismatch``, ``verified``, ``released``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.access import audit
from app.batch.format import json_line
from app.db.models import Book, User, Verification, VerificationState
from app.quality.error_rates import DAYS, measured
from app.system.clock import VIETNAM
from app.work import settings
from app.work.backlog import backlog_summary
from app.work.progress import per_day
from app.work.tally import campaign_progress, tally

# The days the tally and the errors cover: as the lead's error trends.
WINDOW_DAYS = DAYS


class BookState(StrEnum):
    """Where a book is in the station's work, as the Books tab says it."""

    WAITING = "waiting"
    KEYING = "keying"
    ON_HOLD = "on_hold"
    FINISHED = "finished"


@dataclass(frozen=True)
class SummaryBook:
    kind: str
    office: str
    volume: str
    year: int
    state: BookState
    expected: int | None
    done: int
    deferred: int
    drafts: int


@dataclass(frozen=True)
class DayCompleted:
    day: date
    completed: int


@dataclass(frozen=True)
class ShiftHours:
    number: int
    start: time
    end: time


@dataclass(frozen=True)
class TallyCount:
    """One row of the station's tally: a day, shift, clerk, kind and outcome."""

    day: date
    shift: int
    clerk: str  # user name
    kind: str
    outcome: str  # completed, deferred
    count: int


@dataclass(frozen=True)
class KeyingErrors:
    """A clerk's keyings compared by second keying in a shift of a day."""

    day: date
    shift: int
    clerk: str
    fields: int
    errors: int


@dataclass(frozen=True)
class ReasonBacklog:
    reason: str
    entries: int
    oldest: datetime | None  # when the longest waiting was deferred


@dataclass(frozen=True)
class StationSummary:
    """What a station tells the centre of itself, as of ``at``."""

    at: datetime
    audit_head: str
    last_backup: datetime | None
    target: int
    done: int
    deadline: date | None
    books: tuple[SummaryBook, ...]
    days: tuple[DayCompleted, ...]
    shifts: tuple[ShiftHours, ...]
    first_day: date
    last_day: date
    tally: tuple[TallyCount, ...]
    errors: tuple[KeyingErrors, ...]
    backlog: tuple[ReasonBacklog, ...]
    verification: dict[str, int]  # by VerificationState

    def as_json(self) -> dict[str, Any]:
        """The summary as its payload line holds it."""
        return {
            "at": self.at.isoformat(),
            "audit_head": self.audit_head,
            "last_backup": _moment(self.last_backup),
            "progress": {
                "target": self.target,
                "done": self.done,
                "deadline": self.deadline.isoformat() if self.deadline else None,
            },
            "books": [
                {
                    "kind": b.kind,
                    "office": b.office,
                    "volume": b.volume,
                    "year": b.year,
                    "state": b.state.value,
                    "expected": b.expected,
                    "done": b.done,
                    "deferred": b.deferred,
                    "drafts": b.drafts,
                }
                for b in self.books
            ],
            "days": [{"day": d.day.isoformat(), "completed": d.completed} for d in self.days],
            "shifts": [
                {
                    "number": s.number,
                    "start": s.start.isoformat("minutes"),
                    "end": s.end.isoformat("minutes"),
                }
                for s in self.shifts
            ],
            "window": {"first": self.first_day.isoformat(), "last": self.last_day.isoformat()},
            "tally": [
                {
                    "day": t.day.isoformat(),
                    "shift": t.shift,
                    "clerk": t.clerk,
                    "kind": t.kind,
                    "outcome": t.outcome,
                    "count": t.count,
                }
                for t in self.tally
            ],
            "errors": [
                {
                    "day": e.day.isoformat(),
                    "shift": e.shift,
                    "clerk": e.clerk,
                    "fields": e.fields,
                    "errors": e.errors,
                }
                for e in self.errors
            ],
            "backlog": [
                {"reason": r.reason, "entries": r.entries, "oldest": _moment(r.oldest)}
                for r in self.backlog
            ],
            "verification": dict(self.verification),
        }

    def line(self) -> str:
        """The payload's summary line."""
        return json_line(self.as_json())


def station_summary(
    session: Session, now: datetime, last_backup: datetime | None
) -> StationSummary:
    """The station's summary as of ``now``, from its own tallies and backlog.

    ``last_backup`` is the moment of the station's newest backup (its
    backups are app.station's, above this layer: the caller reads them).
    """
    today = now.astimezone(VIETNAM).date()
    first_day = today - timedelta(days=WINDOW_DAYS - 1)
    shifts = settings.shifts(session)
    progress = campaign_progress(session, today)
    names = {user_id: name for user_id, name in session.execute(select(User.id, User.username))}
    errors: dict[tuple[date, int, str], tuple[int, int]] = {}
    for user_id, day, shift, rate in measured(session, first_day, today, shifts):
        key = (day, shift, names[user_id])
        fields, made = errors.get(key, (0, 0))
        errors[key] = (fields + rate.fields, made + rate.errors)
    states = {
        state: count
        for state, count in session.execute(
            select(Verification.state, func.count()).group_by(Verification.state)
        )
    }
    return StationSummary(
        at=now,
        audit_head=audit.chain_head(session),
        last_backup=last_backup,
        target=progress.target,
        done=progress.done,
        deadline=progress.deadline,
        books=tuple(_book(b) for b in session.scalars(select(Book).order_by(Book.id))),
        days=tuple(DayCompleted(d, n) for d, n in per_day(session) if d <= today),
        shifts=tuple(ShiftHours(s.number, s.start, s.end) for s in shifts),
        first_day=first_day,
        last_day=today,
        tally=tuple(
            TallyCount(r.day, r.shift, r.username, r.kind.value, r.outcome.value, r.count)
            for r in tally(session, first_day, today, shifts)
        ),
        errors=tuple(
            KeyingErrors(day, shift, clerk, fields, made)
            for (day, shift, clerk), (fields, made) in sorted(errors.items())
        ),
        backlog=tuple(
            ReasonBacklog(s.reason.value, s.count, s.oldest.deferred_at)
            for s in backlog_summary(session)
        ),
        verification={state.value: states.get(state.value, 0) for state in VerificationState},
    )


def book_state(book: Book) -> BookState:
    """A book's state: finished, else held, else being keyed, else waiting."""
    if book.finished_at is not None:
        return BookState.FINISHED
    if book.on_hold:
        return BookState.ON_HOLD
    if book.taken_by is not None:
        return BookState.KEYING
    return BookState.WAITING


def _book(book: Book) -> SummaryBook:
    return SummaryBook(
        book.kind, book.office, book.volume, book.year, book_state(book),
        book.expected_entries, book.done_entries, book.deferred_entries, book.draft_entries,
    )  # fmt: skip


def _moment(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()
