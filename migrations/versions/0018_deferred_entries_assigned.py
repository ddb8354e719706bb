"""a deferred entry handed by the lead to a clerk

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05 00:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # SQLite adds a column with its reference in place; Alembic would copy the
    # whole table for it, and the copy would drop the triggers that keep the
    # books' counts (0007).
    op.execute(
        "ALTER TABLE entries ADD COLUMN assigned_to INTEGER"
        " CONSTRAINT fk_entries_assigned_to_users REFERENCES users (id)"
    )


def downgrade() -> None:
    op.execute("ALTER TABLE entries DROP COLUMN assigned_to")
