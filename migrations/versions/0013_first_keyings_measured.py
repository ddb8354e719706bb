"""the first keying's moment, and an index for the error rates

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-26 00:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("verifications") as table:
        table.add_column(sa.Column("first_keyed_at", sa.DateTime(), nullable=True))
    op.execute("UPDATE verifications SET first_keyed_at = created_at")
    with op.batch_alter_table("verifications") as table:
        table.alter_column("first_keyed_at", existing_type=sa.DateTime(), nullable=False)
    op.create_index(
        "ix_verifications_measured",
        "verifications",
        [
            "state",
            "second_keyed_at",
            "first_keyed_at",
            "first_keyer",
            "second_keyer",
            "fields_compared",
        ],
    )


def downgrade() -> None:
    op.drop_index("ix_verifications_measured", table_name="verifications")
    with op.batch_alter_table("verifications") as table:
        table.drop_column("first_keyed_at")
