"""Where the station's batches stand, as the lead sees it before an export:
the next batch, the batches written, and the entries held back from both."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.batch.export import BatchRecord, ExportPlan, list_batches, plan_export
from app.quality.verification import held_for_verification


@dataclass(frozen=True)
class BatchesOverview:
    plan: ExportPlan | None  # None: nothing to export
    batches: list[BatchRecord]  # newest first
    held: int  # completed entries waiting for a second keying or the lead's decision


def batches_overview(session: Session) -> BatchesOverview:
    """The next batch, every batch written, and the entries held back, read together."""
    return BatchesOverview(
        plan=plan_export(session),
        batches=list_batches(session),
        held=held_for_verification(session),
    )
