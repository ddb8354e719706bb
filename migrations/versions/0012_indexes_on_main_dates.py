"""indexes on the main dates, for the duplicate check on save

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-26 00:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As app.db.models.MAIN_DATES, written out: a migration keeps its own copy.
MAIN_DATES = ("child_birth_date", "death_date", "wife_birth_date")


def upgrade() -> None:
    for field in MAIN_DATES:
        op.execute(
            f"CREATE INDEX ix_entries_{field} ON entries (json_extract(\"values\", '$.{field}.v'))"
        )


def downgrade() -> None:
    for field in MAIN_DATES:
        op.drop_index(f"ix_entries_{field}", table_name="entries")
