"""an index on the books' expected entries, for the campaign's target

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-26 00:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_books_expected_entries", "books", ["expected_entries"])


def downgrade() -> None:
    op.drop_index("ix_books_expected_entries", table_name="books")
