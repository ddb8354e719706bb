"""The line beside the keying form's buttons that says what became of the
last save: saved (with what the checks across entries found), deferred,
blocked by the form's problems, or not saved at all because the storage
failed, in red, while what was typed stays on the form."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QLabel, QWidget

from app.db.models import CheckFinding
from app.keying.desk import EntryHeading
from app.quality.check_kinds import IncompleteDetail, UnknownPlaceDetail, read_detail
from app.system.failures import StorageFailure
from ui.models.books import entry_label
from ui.styles import FAILURE_STYLE

NOT_SAVED_STYLE = FAILURE_STYLE + " font-weight: bold;"  # nothing was written
CHECKED_STYLE = "color: #8a5300; font-weight: bold;"  # saved, with something to look at


class OutcomeLine(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcome")
        # What the checks found at a save can be long (a place, another
        # entry's title): it wraps, rather than widen the window off screen.
        self.setWordWrap(True)

    def saved(
        self,
        number: int | None,
        checks: tuple[CheckFinding, ...],
        named: Mapping[int, EntryHeading],
        warnings: Sequence[str] = (),
    ) -> None:
        """Entry ``number`` is completed; ``warnings`` are what the form said
        of the book's order (a number skipped, a date out of order), which
        the next form no longer shows; ``checks`` found what the lead will see."""
        self.setStyleSheet(CHECKED_STYLE if checks or warnings else "")
        self.setText(
            " ".join(
                [self.tr("Entry {number} saved.").format(number=number), *warnings]
                + [self._check_said(finding, named) for finding in checks]
            )
        )

    def deferred(self, number: int | None) -> None:
        self.setStyleSheet("")
        self.setText(self.tr("Entry {number} deferred.").format(number=number or ""))

    def blocked(self, problems: int) -> None:
        """The entry cannot be completed while the form has ``problems``."""
        self.setText(
            self.tr("Not saved: {count} problem(s). Correct them, or defer the entry (F9).").format(
                count=problems
            )
        )
        self.setStyleSheet(FAILURE_STYLE)

    def not_saved(self, message: str) -> None:
        """Say plainly, in red, that the entry is not saved, and why."""
        self.setText(message)
        self.setStyleSheet(NOT_SAVED_STYLE)

    def cleared(self) -> None:
        self.clear()
        self.setStyleSheet("")

    def not_saved_text(self, failure: StorageFailure) -> str:
        """Why the entry is not saved: nothing typed is lost, the form keeps it."""
        if failure is StorageFailure.LOCKED:
            return self.tr(
                "The entry is NOT saved: the data is locked by another program. "
                "What you typed is still in the form; wait a moment, then save again."
            )
        if failure is StorageFailure.FULL:
            return self.tr(
                "The entry is NOT saved: the disk is full. What you typed is still in the "
                "form; ask whoever looks after the computer to free some space, then save again."
            )
        return self.tr(
            "The entry is NOT saved: the data could not be written. What you typed is "
            "still in the form; save again, and tell the team lead if it happens again."
        )

    def _check_said(self, finding: CheckFinding, named: Mapping[int, EntryHeading]) -> str:
        """What a check across entries found at the save."""
        detail = read_detail(finding.check, finding.detail)
        if isinstance(detail, IncompleteDetail):
            return self.tr(
                "Only {percent}% of it was read from the book: the team lead will look at it."
            ).format(percent=round(100 * detail.score))
        if isinstance(detail, UnknownPlaceDetail):
            return self.tr(
                "The gazetteer does not know {places}: the team lead will look at it."
            ).format(places=", ".join(f"“{place}”" for place in detail.places.values()))
        other = next(named[i] for i in finding.entry_ids if i in named)
        return self.tr(
            "It may be the same person as {entry} ({title}): the team lead will look at it."
        ).format(
            entry=entry_label(other.kind, other.volume, other.year, other.office, other.number),
            title=other.title or "…",
        )
