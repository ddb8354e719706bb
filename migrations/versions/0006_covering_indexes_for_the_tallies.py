"""covering indexes for the tallies

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 23:50:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A day's tally needs, of each entry, when and by whom it was completed
    # (or deferred) and its book. With those in the index, SQLite reads the
    # index alone instead of one page of the (wide) entries table per entry.
    op.drop_index("ix_entries_completed_at", table_name="entries")
    op.create_index(
        "ix_entries_completed_at_by_book",
        "entries",
        ["completed_at", "completed_by", "book_id"],
        unique=False,
    )
    op.drop_index("ix_entries_deferred_at", table_name="entries")
    op.create_index(
        "ix_entries_deferred_at_by_book",
        "entries",
        ["deferred_at", "deferred_by", "book_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_entries_deferred_at_by_book", table_name="entries")
    op.create_index("ix_entries_deferred_at", "entries", ["deferred_at"], unique=False)
    op.drop_index("ix_entries_completed_at_by_book", table_name="entries")
    op.create_index("ix_entries_completed_at", "entries", ["completed_at"], unique=False)
