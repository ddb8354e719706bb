"""the order of saves, so that the last draft saved is offered whatever the clock

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05 00:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # ALTER TABLE in place: a copied table would lose the entries' triggers.
    op.add_column("entries", sa.Column("saved_seq", sa.Integer, nullable=False, server_default="0"))
    # Until now the wall clock was the only order: the entries saved so far
    # keep it, numbered in it.
    op.execute(
        """
        UPDATE entries SET saved_seq = ordered.seq
        FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY updated_at, id) AS seq FROM entries)
            AS ordered
        WHERE entries.id = ordered.id
        """
    )
    op.create_index("ix_entries_saved_seq", "entries", ["saved_seq"])


def downgrade() -> None:
    op.drop_index("ix_entries_saved_seq", table_name="entries")
    op.execute("ALTER TABLE entries DROP COLUMN saved_seq")
