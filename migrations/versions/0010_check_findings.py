"""check findings

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-26 00:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "check_findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("check", sa.String(length=32), nullable=False),
        sa.Column("signature", sa.String(length=200), nullable=False),
        sa.Column("book_id", sa.Integer(), nullable=True),
        sa.Column("entry_ids", sa.JSON(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("found_at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["book_id"], ["books.id"], name=op.f("fk_check_findings_book_id_books")
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["users.id"], name=op.f("fk_check_findings_decided_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_check_findings")),
        sa.UniqueConstraint("signature", name=op.f("uq_check_findings_signature")),
    )
    with op.batch_alter_table("check_findings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_check_findings_state"), ["state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("check_findings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_check_findings_state"))
    op.drop_table("check_findings")
