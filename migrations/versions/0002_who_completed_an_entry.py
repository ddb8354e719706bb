"""who completed an entry

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 08:23:43.843294
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("completed_by", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_entries_completed_by_users"), "users", ["completed_by"], ["id"]
        )
    # Until now the last editor of a completed entry was the one who completed it.
    op.execute("UPDATE entries SET completed_by = updated_by WHERE completed_at IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_entries_completed_by_users"), type_="foreignkey")
        batch_op.drop_column("completed_by")
