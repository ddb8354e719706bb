"""The station's summary a batch carries (format 3 on): checked strictly, and
the newest kept per station.

The summary line (app.batch.summary) is checked as strictly as an entry
(app.centre.entries): exactly the keys a station writes, each of its type,
whole numbers within PostgreSQL's INTEGER, text within its column's length
and without control characters, dates and moments as Sohoa writes them,
lists no longer than app.batch.limits allows; and it must agree with the
batch that carries it (the audit chain's head, the day). A summary that is
not so refuses the batch, with the key and what is wrong.

Batches can arrive out of order: the centre keeps the summary of the
station's batch of the highest number (of two batches of the same number,
a station restored from a backup, the later summary), in the transaction
that loads the batch's entries.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from typing import Any, TypeVar

from sqlalchemy import Column, Connection, String, insert, select, update

from app.batch.format import BatchInfo
from app.batch.limits import (
    CONTROL_CHARACTER,
    MAX_INTEGER,
    MAX_SUMMARY_BOOKS,
    MAX_SUMMARY_DAYS,
    MAX_SUMMARY_ROWS,
    quoted,
)
from app.batch.summary import (
    BookState,
    DayCompleted,
    KeyingErrors,
    ReasonBacklog,
    ShiftHours,
    StationSummary,
    SummaryBook,
    TallyCount,
)
from app.centre.json_lines import LONGEST_MOMENT, LineRefused, described, iso_moment, kind_of
from app.centre.models import CentreEntry, CentreStationSummary
from app.db.models import DeferralReason, VerificationState
from app.specs import BookKind
from app.system.clock import VIETNAM
from app.work.tally import Outcome

KEYS = (
    "at", "audit_head", "last_backup", "progress", "books", "days", "shifts", "window",
    "tally", "errors", "backlog", "verification",
)  # fmt: skip
PROGRESS_KEYS = ("target", "done", "deadline")
BOOK_KEYS = (
    "kind", "office", "volume", "year", "state", "expected", "done", "deferred", "drafts",
)  # fmt: skip
DAY_KEYS = ("day", "completed")
SHIFT_KEYS = ("number", "start", "end")
WINDOW_KEYS = ("first", "last")
TALLY_KEYS = ("day", "shift", "clerk", "kind", "outcome", "count")
ERROR_KEYS = ("day", "shift", "clerk", "fields", "errors")
BACKLOG_KEYS = ("reason", "entries", "oldest")
# A station's shifts: the campaign's three, which a lead may change.
MAX_SHIFTS = 12
_KINDS = tuple(kind.value for kind in BookKind)
_REASONS = tuple(reason.value for reason in DeferralReason)
_STATES = tuple(state.value for state in VerificationState)
_BOOK_STATES = {state.value: state for state in BookState}
_HEX = frozenset("0123456789abcdef")
T = TypeVar("T")


def _longest(column: Column[Any]) -> int:
    """The length of a text column, which PostgreSQL enforces."""
    assert isinstance(column.type, String) and column.type.length is not None
    return column.type.length


_OFFICE = _longest(CentreEntry.__table__.c.book_office)
_VOLUME = _longest(CentreEntry.__table__.c.book_volume)
_CLERK = _longest(CentreEntry.__table__.c.completed_by)  # a user name


def summary_of(value: dict[str, Any], info: BatchInfo) -> StationSummary:
    """The summary line's object, checked, of the batch ``info`` labels; or
    :class:`LineRefused` saying which key and what is wrong."""
    summary = read_summary(value)
    made_on = summary.at.astimezone(VIETNAM).date()
    if made_on != info.bagging_date:
        raise LineRefused(f"made on {made_on}, the batch on {info.bagging_date}")
    if summary.audit_head != info.audit_head:
        raise LineRefused(f"audit_head {quoted(summary.audit_head)} is not bag-info.txt's")
    return summary


def read_summary(value: Any) -> StationSummary:
    """A summary's JSON as a :class:`StationSummary`, checked strictly; or
    :class:`LineRefused` saying which key and what is wrong."""
    _keys(value, "the line", KEYS)
    at = _moment("at", value["at"])
    audit_head = _text("audit_head", value["audit_head"], 64)
    if len(audit_head) != 64 or not set(audit_head) <= _HEX:
        raise LineRefused(f"audit_head {quoted(audit_head)} is not an audit chain's SHA-256")
    progress = _keys(value["progress"], "progress", PROGRESS_KEYS)
    window = _keys(value["window"], "window", WINDOW_KEYS)
    first, last = _date("window.first", window["first"]), _date("window.last", window["last"])
    if not first <= last == at.astimezone(VIETNAM).date():
        raise LineRefused(f"the window {first} to {last} does not end on the day it was made")
    shifts = tuple(_list(value["shifts"], "shifts", MAX_SHIFTS, _shift))
    if [s.number for s in shifts] != list(range(1, len(shifts) + 1)):
        raise LineRefused("the shifts are not numbered 1, 2, 3… in order")
    books = _books(value["books"])
    if len({(b.kind, b.office, b.volume, b.year) for b in books}) != len(books):
        raise LineRefused("a book is listed twice in its books")
    for what in ("done", "deferred", "drafts"):
        if sum(getattr(b, what) for b in books) > MAX_INTEGER:
            raise LineRefused(f"the books' {what} entries add up to more than {MAX_INTEGER:,}")

    def in_window(where: str, day: date) -> date:
        if not first <= day <= last:
            raise LineRefused(f"{where} {day} is outside the window {first} to {last}")
        return day

    def shift_of(where: str, number: Any) -> int:
        return _whole(where, number, 0, len(shifts))

    return StationSummary(
        at=at,
        audit_head=audit_head,
        last_backup=_optional(_moment, "last_backup", value["last_backup"]),
        target=_whole("progress.target", progress["target"]),
        done=_whole("progress.done", progress["done"]),
        deadline=_optional(_date, "progress.deadline", progress["deadline"]),
        books=books,
        days=tuple(_list(value["days"], "days", MAX_SUMMARY_DAYS, _day)),
        shifts=shifts,
        first_day=first,
        last_day=last,
        tally=tuple(
            _list(
                value["tally"],
                "tally",
                MAX_SUMMARY_ROWS,
                lambda where, v: _tally(where, v, in_window, shift_of),
            )
        ),
        errors=tuple(
            _list(
                value["errors"],
                "errors",
                MAX_SUMMARY_ROWS,
                lambda where, v: _errors(where, v, in_window, shift_of),
            )
        ),
        backlog=tuple(_list(value["backlog"], "backlog", len(_REASONS), _backlog)),
        verification=_verification(value["verification"]),
    )


def keep_summary(
    connection: Connection, info: BatchInfo, summary: StationSummary, value: dict[str, Any]
) -> bool:
    """Keep ``summary`` (its JSON ``value``) as the station's, unless the
    centre holds one from a batch of a higher number (or of the same number
    and made later). Whether it was kept."""
    row = {
        "station": info.station,
        "batch_uuid": info.batch,
        "batch_sequence": info.sequence,
        "summary_at": summary.at,
        "target": summary.target,
        "done": summary.done,
        "deferred": sum(b.deferred for b in summary.books),
        "drafts": sum(b.drafts for b in summary.books),
        "last_backup": summary.last_backup,
        "audit_head": summary.audit_head,
        "summary": value,
    }
    held = connection.execute(
        select(CentreStationSummary.batch_sequence, CentreStationSummary.summary_at).where(
            CentreStationSummary.station == info.station
        )
    ).first()
    if held is None:
        connection.execute(insert(CentreStationSummary), row)
        return True
    if (held.batch_sequence, held.summary_at) >= (info.sequence, summary.at):
        return False
    connection.execute(
        update(CentreStationSummary)
        .where(CentreStationSummary.station == info.station)
        .values({k: v for k, v in row.items() if k != "station"})
    )
    return True


def _books(value: Any) -> tuple[SummaryBook, ...]:
    """The station's books. A station of the whole campaign lists tens of
    thousands, in every batch: each is checked as a whole first, without
    naming what it checks; only a list that fails is gone through key by
    key, to say what is wrong."""
    if isinstance(value, list) and len(value) <= MAX_SUMMARY_BOOKS:
        books = [_sound_book(book) for book in value]
        if None not in books:
            return tuple(books)  # type: ignore[arg-type]
    return tuple(_list(value, "books", MAX_SUMMARY_BOOKS, _book))


def _sound_book(value: Any) -> SummaryBook | None:
    """The book ``value`` is, if every check of :func:`_book` holds; else None."""
    if type(value) is not dict or len(value) != len(BOOK_KEYS):
        return None
    try:
        kind, office, volume, year, state, expected, done, deferred, drafts = (
            value[key] for key in BOOK_KEYS
        )
    except KeyError:
        return None
    sound = (
        kind in _KINDS
        and type(state) is str
        and state in _BOOK_STATES
        and type(office) is str
        and 0 < len(office) <= _OFFICE
        and type(volume) is str
        and 0 < len(volume) <= _VOLUME
        and CONTROL_CHARACTER.search(office + volume) is None
        and type(year) is int
        and 0 <= year <= 9999
        and (expected is None or (type(expected) is int and 0 <= expected <= MAX_INTEGER))
        and type(done) is int
        and type(deferred) is int
        and type(drafts) is int
        and min(done, deferred, drafts) >= 0
        and max(done, deferred, drafts) <= MAX_INTEGER
    )
    if not sound:
        return None
    return SummaryBook(
        kind, office, volume, year, _BOOK_STATES[state], expected, done, deferred, drafts
    )


def _book(where: str, value: Any) -> SummaryBook:
    book = _keys(value, where, BOOK_KEYS)
    state = _choice(f"{where}.state", book["state"], tuple(_BOOK_STATES))
    return SummaryBook(
        kind=_choice(f"{where}.kind", book["kind"], _KINDS),
        office=_text(f"{where}.office", book["office"], _OFFICE),
        volume=_text(f"{where}.volume", book["volume"], _VOLUME),
        year=_whole(f"{where}.year", book["year"], 0, 9999),
        state=_BOOK_STATES[state],
        expected=_optional(_whole, f"{where}.expected", book["expected"]),
        done=_whole(f"{where}.done", book["done"]),
        deferred=_whole(f"{where}.deferred", book["deferred"]),
        drafts=_whole(f"{where}.drafts", book["drafts"]),
    )


def _day(where: str, value: Any) -> DayCompleted:
    day = _keys(value, where, DAY_KEYS)
    return DayCompleted(
        _date(f"{where}.day", day["day"]), _whole(f"{where}.completed", day["completed"])
    )


def _shift(where: str, value: Any) -> ShiftHours:
    shift = _keys(value, where, SHIFT_KEYS)
    start, end = _time(f"{where}.start", shift["start"]), _time(f"{where}.end", shift["end"])
    if not start < end:
        raise LineRefused(f"{where} ends at {end:%H:%M}, not after its start {start:%H:%M}")
    return ShiftHours(_whole(f"{where}.number", shift["number"], 1, MAX_SHIFTS), start, end)


def _tally(
    where: str,
    value: Any,
    in_window: Callable[[str, date], date],
    shift_of: Callable[[str, Any], int],
) -> TallyCount:
    row = _keys(value, where, TALLY_KEYS)
    return TallyCount(
        day=in_window(f"{where}.day", _date(f"{where}.day", row["day"])),
        shift=shift_of(f"{where}.shift", row["shift"]),
        clerk=_text(f"{where}.clerk", row["clerk"], _CLERK),
        kind=_choice(f"{where}.kind", row["kind"], _KINDS),
        outcome=_choice(f"{where}.outcome", row["outcome"], tuple(o.value for o in Outcome)),
        count=_whole(f"{where}.count", row["count"]),
    )


def _errors(
    where: str,
    value: Any,
    in_window: Callable[[str, date], date],
    shift_of: Callable[[str, Any], int],
) -> KeyingErrors:
    row = _keys(value, where, ERROR_KEYS)
    fields = _whole(f"{where}.fields", row["fields"])
    errors = _whole(f"{where}.errors", row["errors"], 0, fields)
    return KeyingErrors(
        day=in_window(f"{where}.day", _date(f"{where}.day", row["day"])),
        shift=shift_of(f"{where}.shift", row["shift"]),
        clerk=_text(f"{where}.clerk", row["clerk"], _CLERK),
        fields=fields,
        errors=errors,
    )


def _backlog(where: str, value: Any) -> ReasonBacklog:
    row = _keys(value, where, BACKLOG_KEYS)
    return ReasonBacklog(
        reason=_choice(f"{where}.reason", row["reason"], _REASONS),
        entries=_whole(f"{where}.entries", row["entries"]),
        oldest=_optional(_moment, f"{where}.oldest", row["oldest"]),
    )


def _verification(value: Any) -> dict[str, int]:
    counts = _keys(value, "verification", _STATES)
    return {state: _whole(f"verification.{state}", counts[state]) for state in _STATES}


def _keys(value: Any, where: str, keys: Sequence[str]) -> dict[str, Any]:
    """``value`` as an object of exactly ``keys``."""
    if not isinstance(value, dict):
        raise LineRefused(f"{where} is {kind_of(value)}, not an object")
    for key in value:
        if key not in keys:
            raise LineRefused(f"{where} has an unknown key {quoted(key)}")
    for key in keys:
        if key not in value:
            raise LineRefused(f"{where} lacks its {key}")
    return value


def _list(value: Any, where: str, longest: int, item: Callable[[str, Any], T]) -> list[T]:
    if not isinstance(value, list):
        raise LineRefused(f"{where} is {kind_of(value)}, not a list")
    if len(value) > longest:
        raise LineRefused(f"{where} has {len(value):,} rows, more than {longest:,}")
    return [item(f"{where}[{n}]", v) for n, v in enumerate(value)]


def _optional(check: Callable[[str, Any], T], where: str, value: Any) -> T | None:
    return None if value is None else check(where, value)


def _whole(where: str, value: Any, lowest: int = 0, highest: int = MAX_INTEGER) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise LineRefused(f"{where} is {kind_of(value)}, not a whole number")
    if not lowest <= value <= highest:
        raise LineRefused(f"{where} {value} is not a whole number from {lowest} to {highest:,}")
    return value


def _text(where: str, value: Any, longest: int) -> str:
    if not isinstance(value, str):
        raise LineRefused(f"{where} is {kind_of(value)}, not text")
    if not value or len(value) > longest:
        raise LineRefused(f"{where} is not text of 1 to {longest:,} characters")
    if CONTROL_CHARACTER.search(value):
        raise LineRefused(f"{where} {quoted(value)} holds a control character")
    return value


def _choice(where: str, value: Any, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        raise LineRefused(f"{where} {described(value)} is not one of {', '.join(choices)}")
    return value


def _date(where: str, value: Any) -> date:
    text = _text(where, value, 10)
    try:
        if len(text) != 10:
            raise ValueError("not YYYY-MM-DD")
        return date.fromisoformat(text)
    except ValueError as e:
        raise LineRefused(f"{where} {quoted(text)} is not a date (YYYY-MM-DD): {e}") from e


def _time(where: str, value: Any) -> time:
    text = _text(where, value, 5)
    try:
        if len(text) != 5:
            raise ValueError("not HH:MM")
        return time.fromisoformat(text)
    except ValueError as e:
        raise LineRefused(f"{where} {quoted(text)} is not a time of day (HH:MM): {e}") from e


def _moment(where: str, value: Any) -> datetime:
    return iso_moment(where, _text(where, value, LONGEST_MOMENT))
