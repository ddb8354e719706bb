"""blind double keying

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-26 00:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "verifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("first_keyer", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("taken_by", sa.Integer(), nullable=True),
        sa.Column("second_keyer", sa.Integer(), nullable=True),
        sa.Column("second_values", sa.JSON(), nullable=True),
        sa.Column("second_keyed_at", sa.DateTime(), nullable=True),
        sa.Column("fields_compared", sa.Integer(), nullable=True),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["users.id"], name=op.f("fk_verifications_decided_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["entries.id"], name=op.f("fk_verifications_entry_id_entries")
        ),
        sa.ForeignKeyConstraint(
            ["first_keyer"], ["users.id"], name=op.f("fk_verifications_first_keyer_users")
        ),
        sa.ForeignKeyConstraint(
            ["second_keyer"], ["users.id"], name=op.f("fk_verifications_second_keyer_users")
        ),
        sa.ForeignKeyConstraint(
            ["taken_by"], ["users.id"], name=op.f("fk_verifications_taken_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verifications")),
    )
    with op.batch_alter_table("verifications", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_verifications_entry_id"), ["entry_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_verifications_state"), ["state"], unique=False)
    op.create_table(
        "field_differences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("verification_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("first", sa.JSON(), nullable=False),
        sa.Column("second", sa.JSON(), nullable=False),
        sa.Column("chosen", sa.JSON(), nullable=True),
        sa.Column("error_of", sa.String(length=8), nullable=True),
        sa.ForeignKeyConstraint(
            ["verification_id"],
            ["verifications.id"],
            name=op.f("fk_field_differences_verification_id_verifications"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_differences")),
    )
    with op.batch_alter_table("field_differences", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_field_differences_verification_id"), ["verification_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("field_differences", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_field_differences_verification_id"))
    op.drop_table("field_differences")
    with op.batch_alter_table("verifications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_verifications_state"))
        batch_op.drop_index(batch_op.f("ix_verifications_entry_id"))
    op.drop_table("verifications")
