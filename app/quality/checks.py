"""The checks across entries as one pass the lead starts, and what they found.

A pass runs every check (possible duplicates of each kind of book, each
book's numbering, entries far from complete, places the gazetteer does not
know) and keeps what is new as a finding for the lead; each completion runs
the checks of one entry (``check_entry``: the numbering is checked by the
form itself). A
finding is found once: a later pass that finds it again leaves it as the
lead decided it, so a pair dismissed as two people never comes back. The
lead resolves a finding (the entries were corrected) or dismisses it with
a reason; both are kept with who decided and when. A finding the checks
no longer find (the entries were corrected) closes itself, with no one as
its decider, and opens again if it is found again.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.access import audit
from app.access.roles import require_lead
from app.db.engine import StationSessions
from app.db.models import Book, CheckFinding, Entry, FindingState, User
from app.quality.check_kinds import (
    CheckKind,
    Found,
    IncompleteDetail,
    PossibleDuplicateDetail,
    UnknownPlaceDetail,
)
from app.quality.completeness import Completeness, completeness
from app.quality.duplicates import (
    CHECKED,
    THRESHOLD,
    PossibleDuplicate,
    duplicates_of,
    pair_score,
    possible_duplicates,
)
from app.quality.numbering import sequence_findings
from app.quality.unknown_places import unknown_places
from app.specs import BookKind, BookSpec, spec_for
from app.specs.identities import IDENTITIES
from app.system.clock import Clock

# Why a finding closed itself: its entries were corrected.
NO_LONGER_FOUND = "no longer found: the entries were corrected"
CHUNK = 10_000  # signatures per query: SQLite takes at most 32,766 values in one
# The checks of one entry alone, found again (or not) at each of its saves.
ENTRY_CHECKS = (CheckKind.INCOMPLETE, CheckKind.UNKNOWN_PLACE)


@dataclass(frozen=True)
class CheckPass:
    """What a pass found: new findings, and all those still open."""

    new: int
    known: int
    open: int


class FindingError(ValueError):
    """A decision that cannot be taken; the message says why."""


def run_checks(sessions: StationSessions, clock: Clock) -> CheckPass:
    """Run every check across the station's entries; keep what is new.

    The checks read in a session of their own (a campaign's pass takes
    minutes, and the station keeps keying meanwhile); what they found is
    then kept in one short writer's transaction. A finding still open that
    the pass no longer finds was corrected: it is closed as such, unless it
    was found after the pass began reading.
    """
    began = clock.now()
    with sessions() as session:
        found = list(_every_check(session))
    with sessions.begin() as session:
        new = _keep(session, found, clock)
        found_now = {f.signature for f in found}
        for finding in session.scalars(
            select(CheckFinding).where(
                CheckFinding.state == FindingState.OPEN.value, CheckFinding.found_at < began
            )
        ):
            if finding.signature not in found_now:
                _close(finding, clock)
        still_open = session.scalar(
            select(func.count())
            .select_from(CheckFinding)
            .where(CheckFinding.state == FindingState.OPEN.value)
        )
    return CheckPass(new=len(new), known=len(found) - len(new), open=still_open or 0)


def check_entry(
    session: Session, entry: Entry, book: Book, clock: Clock, *, fresh: bool
) -> list[CheckFinding]:
    """The checks across entries for one entry as it is completed: who else
    it may be, how complete it is, whether the gazetteer knows its places.
    What is new is kept for the lead, as a pass would, and what the entry's
    correction put right is closed; the open findings about the entry are
    returned. A ``fresh`` entry (never
    completed before: nothing found could concern it yet) skips the look at
    what was found before, which keeps the clerk's save short."""
    kind = BookKind(book.kind)
    found = [
        _duplicate(pair) for pair in duplicates_of(session, entry.id, book.id, kind, entry.values)
    ]
    found += _entry_checks(entry.id, book.id, spec_for(kind), entry.values)
    if fresh:
        new = [_finding(each, clock) for each in found]
        session.add_all(new)
        session.flush()
        return new
    _keep(session, found, clock)
    signatures = {f.signature for f in found}
    kept = []
    for finding in _open_about(session, entry.id):
        if finding.signature in signatures:
            kept.append(finding)
        elif finding.check in ENTRY_CHECKS or not _still_alike(session, kind, finding):
            _close(finding, clock)
    session.flush()
    return kept


def _keep(session: Session, found: list[Found], clock: Clock) -> list[CheckFinding]:
    """Keep what is new of ``found``; open again what was closed only
    because it was no longer found. A lead's decision stands."""
    known = {
        f.signature: f
        for start in range(0, len(found), CHUNK)
        for f in session.scalars(
            select(CheckFinding).where(
                CheckFinding.signature.in_([f.signature for f in found[start : start + CHUNK]])
            )
        )
    }
    new = []
    for each in found:
        finding = known.get(each.signature)
        if finding is None:
            finding = known[each.signature] = _finding(each, clock)
            session.add(finding)
            new.append(finding)
        elif finding.state == FindingState.RESOLVED.value and finding.decided_by is None:
            finding.state = FindingState.OPEN.value
            finding.reason = finding.decided_at = None
            finding.detail = each.detail.to_detail()
    session.flush()
    return new


def _close(finding: CheckFinding, clock: Clock) -> None:
    """Resolved by the entries' correction, not by a lead (no one decided)."""
    finding.state = FindingState.RESOLVED.value
    finding.reason = NO_LONGER_FOUND
    finding.decided_at = clock.now()


def _open_about(session: Session, entry_id: int) -> list[CheckFinding]:
    """The open findings of the checks run at a save that concern the entry."""
    return list(
        session.scalars(
            select(CheckFinding).where(
                CheckFinding.state == FindingState.OPEN.value,
                CheckFinding.signature.in_([f"{check}:{entry_id}" for check in ENTRY_CHECKS])
                | CheckFinding.signature.like(f"{CheckKind.POSSIBLE_DUPLICATE}:{entry_id}:%")
                | CheckFinding.signature.like(f"{CheckKind.POSSIBLE_DUPLICATE}:%:{entry_id}"),
            )
        )
    )


def _still_alike(session: Session, kind: BookKind, finding: CheckFinding) -> bool:
    first, second = finding.entry_ids
    score = pair_score(session, kind, first, second)
    return score is not None and score >= THRESHOLD


def _finding(found: Found, clock: Clock) -> CheckFinding:
    return CheckFinding(
        check=found.check.value,
        signature=found.signature,
        book_id=found.book_id,
        entry_ids=list(found.entry_ids),
        detail=found.detail.to_detail(),
        found_at=clock.now(),
        state=FindingState.OPEN.value,
    )


def _every_check(session: Session) -> Iterator[Found]:
    for kind in IDENTITIES:
        for pair in possible_duplicates(session, kind):
            yield _duplicate(pair)
    yield from sequence_findings(session)
    rows = session.execute(
        select(Entry.id, Entry.book_id, Book.kind, Entry.values)
        .join(Book, Book.id == Entry.book_id)
        .where(Entry.status.in_(CHECKED))
        .order_by(Entry.book_id, Entry.id)
        .execution_options(yield_per=1000)
    )
    for entry_id, book_id, kind, values in rows:
        yield from _entry_checks(entry_id, book_id, spec_for(kind), values)


def _entry_checks(
    entry_id: int, book_id: int, spec: BookSpec, values: dict[str, Any]
) -> list[Found]:
    """The checks that read one entry alone: how complete it is, and
    whether the gazetteer knows its places."""
    found = []
    measure = completeness(spec, values)
    if not measure.enough:
        found.append(_incomplete(entry_id, book_id, measure))
    places = unknown_places(spec, values)
    if places:
        found.append(
            Found(
                UnknownPlaceDetail(places),
                f"{CheckKind.UNKNOWN_PLACE}:{entry_id}",
                (entry_id,),
                book_id,
            )
        )
    return found


def _duplicate(pair: PossibleDuplicate) -> Found:
    return Found(
        PossibleDuplicateDetail(pair.kind, round(pair.score, 3)),
        f"{CheckKind.POSSIBLE_DUPLICATE}:{pair.first}:{pair.second}",
        (pair.first, pair.second),
    )


def _incomplete(entry_id: int, book_id: int, measure: Completeness) -> Found:
    return Found(
        IncompleteDetail(round(measure.score, 3), measure.missing),
        f"{CheckKind.INCOMPLETE}:{entry_id}",
        (entry_id,),
        book_id,
    )


def open_findings(session: Session) -> list[CheckFinding]:
    """The findings no one has decided yet, in the order they were found."""
    return list(
        session.scalars(
            select(CheckFinding)
            .where(CheckFinding.state == FindingState.OPEN.value)
            .order_by(CheckFinding.id)
        )
    )


def decide(
    session: Session,
    finding_id: int,
    state: FindingState,
    reason: str,
    user: User,
    clock: Clock,
) -> CheckFinding:
    """Resolve or dismiss a finding, with the lead's reason."""
    require_lead(user, "decide a check's finding")
    if state is FindingState.OPEN:
        raise FindingError("a finding is decided as resolved or dismissed")
    if not reason.strip():
        raise FindingError("say why: a decision without a reason cannot be checked later")
    finding = session.get(CheckFinding, finding_id)
    if finding is None:
        raise FindingError(f"there is no finding {finding_id}")
    if finding.state != FindingState.OPEN.value:
        raise FindingError(f"finding {finding_id} was decided already ({finding.state})")
    finding.state = state.value
    finding.reason = reason.strip()
    finding.decided_by = user.id
    finding.decided_at = clock.now()
    audit.record(
        session, clock, user=user, action="finding.decided", subject=f"finding:{finding.id}",
        before={"state": FindingState.OPEN.value},
        after={"state": finding.state, "reason": finding.reason},
    )  # fmt: skip
    session.flush()
    return finding
