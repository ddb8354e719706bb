"""The checks across entries as one pass the lead starts, and what they found.

A pass runs every check (possible duplicates of each kind of book, each
book's numbering, entries far from complete) and keeps what is new as a
finding for the lead; each completion runs the checks of one entry
(``check_entry``: the numbering is checked by the form itself). A
finding is found once: a later pass that finds it again leaves it as the
lead decided it, so a pair dismissed as two people never comes back. The
lead resolves a finding (the entries were corrected) or dismisses it with
a reason; both are kept with who decided and when.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.db.models import Book, CheckFinding, Entry, FindingState, User
from app.quality.completeness import Completeness, completeness, incomplete_entries
from app.quality.duplicates import (
    IDENTITIES,
    PossibleDuplicate,
    duplicates_of,
    possible_duplicates,
)
from app.quality.sequence import Found, sequence_findings
from app.roles import require_lead
from app.specs import BookKind, spec_for


@dataclass(frozen=True)
class CheckPass:
    """What a pass found: new findings, and all those still open."""

    new: int
    known: int
    open: int


class FindingError(ValueError):
    """A decision that cannot be taken; the message says why."""


def run_checks(session: Session, clock: Clock) -> CheckPass:
    """Run every check across the station's entries; keep what is new."""
    known = set(session.scalars(select(CheckFinding.signature)))
    new = seen = 0
    for found in _every_check(session):
        seen += 1
        if found.signature in known:
            continue
        known.add(found.signature)
        session.add(_finding(found, clock))
        new += 1
    session.flush()
    still_open = session.scalar(
        select(func.count())
        .select_from(CheckFinding)
        .where(CheckFinding.state == FindingState.OPEN.value)
    )
    return CheckPass(new=new, known=seen - new, open=still_open or 0)


def check_entry(session: Session, entry: Entry, book: Book, clock: Clock) -> list[CheckFinding]:
    """The checks across entries for one entry as it is completed: who else
    it may be, and how complete it is. What is new is kept for the lead, as
    a pass would; the open findings about the entry are returned."""
    kind = BookKind(book.kind)
    found = [
        _duplicate(pair) for pair in duplicates_of(session, entry.id, book.id, kind, entry.values)
    ]
    measure = completeness(spec_for(kind), entry.values)
    if not measure.enough:
        found.append(_incomplete(entry.id, book.id, measure))
    if not found:
        return []
    known = {
        f.signature: f
        for f in session.scalars(
            select(CheckFinding).where(CheckFinding.signature.in_([f.signature for f in found]))
        )
    }
    kept = []
    for each in found:
        finding = known.get(each.signature)
        if finding is None:
            finding = _finding(each, clock)
            session.add(finding)
        if finding.state == FindingState.OPEN.value:
            kept.append(finding)
    session.flush()
    return kept


def _finding(found: Found, clock: Clock) -> CheckFinding:
    return CheckFinding(
        check=found.check,
        signature=found.signature,
        book_id=found.book_id,
        entry_ids=list(found.entry_ids),
        detail=found.detail,
        found_at=clock.now(),
        state=FindingState.OPEN.value,
    )


def _every_check(session: Session) -> Iterator[Found]:
    for kind in IDENTITIES:
        for pair in possible_duplicates(session, kind):
            yield _duplicate(pair)
    yield from sequence_findings(session)
    for entry in incomplete_entries(session):
        yield _incomplete(entry.entry_id, entry.book_id, entry.completeness)


def _duplicate(pair: PossibleDuplicate) -> Found:
    return Found(
        "possible_duplicate",
        f"possible_duplicate:{pair.first}:{pair.second}",
        (pair.first, pair.second),
        detail={"kind": pair.kind.value, "score": round(pair.score, 3)},
    )


def _incomplete(entry_id: int, book_id: int, measure: Completeness) -> Found:
    return Found(
        "incomplete",
        f"incomplete:{entry_id}",
        (entry_id,),
        book_id,
        {"score": round(measure.score, 3), "missing": list(measure.missing)},
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
    session.flush()
    return finding
