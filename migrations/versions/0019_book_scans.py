"""the pages of a book as scanned, where an entry is on its page, scans sent

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05 00:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "book_scans",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("book_id", sa.Integer, nullable=False),
        sa.Column("page", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("media_type", sa.String(32), nullable=False),
        sa.Column("width", sa.Integer, nullable=False),
        sa.Column("height", sa.Integer, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by", sa.Integer, nullable=False),
        sa.ForeignKeyConstraint(["book_id"], ["books.id"], name="fk_book_scans_book_id_books"),
        sa.ForeignKeyConstraint(
            ["imported_by"], ["users.id"], name="fk_book_scans_imported_by_users"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_book_scans"),
        sa.UniqueConstraint("book_id", "page", name="uq_book_scans_book_id"),
    )
    op.create_index("ix_book_scans_sha256", "book_scans", ["sha256"])
    op.create_table(
        "batch_scans",
        sa.Column("batch_id", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["batches.id"], name="fk_batch_scans_batch_id_batches"
        ),
        sa.PrimaryKeyConstraint("batch_id", "sha256", name="pk_batch_scans"),
    )
    op.create_index("ix_batch_scans_sha256", "batch_scans", ["sha256"])
    # In place: a copied entries table would lose its triggers (0007).
    op.add_column("entries", sa.Column("page_region", sa.JSON))


def downgrade() -> None:
    op.execute("ALTER TABLE entries DROP COLUMN page_region")
    op.drop_index("ix_batch_scans_sha256", table_name="batch_scans")
    op.drop_table("batch_scans")
    op.drop_index("ix_book_scans_sha256", table_name="book_scans")
    op.drop_table("book_scans")
