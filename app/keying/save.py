"""Saving an entry as the clerk does: store it, then, at a completion, the
draw for a second keying and the checks across entries.

Everything the entry form does goes through :func:`save_entry`, so a test (or
the benchmark) can do exactly what a clerk does without a window. Storing
the entry is :mod:`app.entries.store`'s; what a completion sets going is
quality control's (:mod:`app.quality.draw`, :mod:`app.quality.checks`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.db.models import Book, CheckFinding, DeferralReason, Entry, User
from app.entries.store import SaveAction, store_entry
from app.quality.checks import check_entry
from app.quality.draw import draw
from app.rules import Assessment, FieldValue
from app.system.clock import Clock

# What the form and the tests use of a save: the action is the store's.
__all__ = ["SaveAction", "SaveOutcome", "save_entry"]


@dataclass(frozen=True)
class SaveOutcome:
    """What happened to a save: ``saved`` is False when completion was blocked.

    ``entry`` is the entry as stored, or when blocked the entry as it was
    before (None for a new one). A draft save of an entry past draft leaves
    ``entry`` as it was and keeps the values as its pending edit. ``checks``
    are the open findings of the checks across entries run at a completion
    (possible duplicates, too little keyed): the lead will see them too.
    """

    entry: Entry | None
    assessment: Assessment
    saved: bool
    checks: tuple[CheckFinding, ...] = ()


def save_entry(
    session: Session,
    *,
    book: Book,
    values: Mapping[str, FieldValue],
    user: User,
    action: SaveAction,
    clock: Clock,
    entry: Entry | None = None,
    deferral_reason: DeferralReason | None = None,
    deferral_note: str | None = None,
) -> SaveOutcome:
    """Validate ``values`` for ``book`` and store them as a new or existing
    entry (:func:`app.entries.store.store_entry` says how each action
    stores); then complete it.

    An entry's first completion draws it, or not, for a second keying, blind
    (a share of each clerk's entries). Each completion that changed what the
    entry holds runs the checks across entries for it (who else it may be,
    how complete it is, whether the gazetteer knows its places): their open
    findings come back as the outcome's ``checks``.
    """
    stored = store_entry(
        session, book=book, values=values, user=user, action=action, clock=clock, entry=entry,
        deferral_reason=deferral_reason, deferral_note=deferral_note,
    )  # fmt: skip
    checks: list[CheckFinding] = []
    if action is SaveAction.COMPLETE and stored.saved:
        assert stored.entry is not None  # a save that went through has its entry
        if stored.first_completion:
            draw(session, stored.entry, user, clock)  # a share is keyed again, blind
        if stored.rewritten:
            checks = check_entry(session, stored.entry, book, clock, fresh=stored.was_draft)
    return SaveOutcome(stored.entry, stored.assessment, stored.saved, tuple(checks))
