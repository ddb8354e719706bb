"""signed batches

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24 00:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The entries table is left as it is: altering it would copy a million rows
# and drop the triggers that keep the counts (0007, 0008). Which batch an
# entry went into is in batch_entries.


def upgrade() -> None:
    with op.batch_alter_table("station", schema=None) as batch_op:
        batch_op.add_column(sa.Column("signing_key", sa.String(length=64), nullable=True))
    op.create_table(
        "batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("entry_count", sa.Integer(), nullable=False),
        sa.Column("audit_head", sa.String(length=128), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column("exported_at", sa.DateTime(), nullable=True),
        sa.Column("written_to", sa.Text(), nullable=True),
        sa.Column("written_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_batches")),
        sa.UniqueConstraint("sequence", name=op.f("uq_batches_sequence")),
        sa.UniqueConstraint("uuid", name=op.f("uq_batches_uuid")),
    )
    op.create_table(
        "batch_entries",
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["batches.id"], name=op.f("fk_batch_entries_batch_id_batches")
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["entries.id"], name=op.f("fk_batch_entries_entry_id_entries")
        ),
        sa.PrimaryKeyConstraint("batch_id", "entry_id", name=op.f("pk_batch_entries")),
    )
    with op.batch_alter_table("batch_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_batch_entries_entry_id"), ["entry_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("batch_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_batch_entries_entry_id"))
    op.drop_table("batch_entries")
    op.drop_table("batches")
    with op.batch_alter_table("station", schema=None) as batch_op:
        batch_op.drop_column("signing_key")
