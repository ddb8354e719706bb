"""the main person's date of each entry, for the duplicate check on save

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-26 00:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As app.specs.identities.IDENTITIES, written out: a migration keeps its own copy.
MAIN_DATES = {
    "birth": "child_birth_date",
    "death": "death_date",
    "marriage": "wife_birth_date",
    "adoption": "child_birth_date",
}


def upgrade() -> None:
    op.add_column("entries", sa.Column("main_date", sa.String(length=10), nullable=True))
    for kind, field in MAIN_DATES.items():
        op.execute(
            f"UPDATE entries SET main_date = NULLIF(json_extract(\"values\", '$.{field}.v'), '')"
            f" WHERE book_id IN (SELECT id FROM books WHERE kind = '{kind}')"
        )
    op.create_index("ix_entries_main_date", "entries", ["main_date", "status", "book_id", "title"])


def downgrade() -> None:
    op.drop_index("ix_entries_main_date", table_name="entries")
    op.drop_column("entries", "main_date")
