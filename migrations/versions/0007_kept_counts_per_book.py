"""kept counts per book

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 00:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The Books tab shows each book's done, deferred and draft entries; counting
# them over every entry took seconds at campaign scale. Triggers keep the
# counts on the book as entries come, change status or book, and go, whatever
# writes them (the form, the demo's bulk load, a repair by hand).
DONE = "('completed', 'verified', 'exported')"
COUNTS = ("done_entries", "deferred_entries", "draft_entries")


def _change(sign: str, row: str) -> str:
    return f"""
        UPDATE books SET
            done_entries = done_entries {sign} ({row}.status IN {DONE}),
            deferred_entries = deferred_entries {sign} ({row}.status = 'deferred'),
            draft_entries = draft_entries {sign} ({row}.status = 'draft')
        WHERE id = {row}.book_id;
    """


TRIGGERS = {
    "entries_counted_on_insert": f"AFTER INSERT ON entries BEGIN {_change('+', 'NEW')} END",
    "entries_counted_on_delete": f"AFTER DELETE ON entries BEGIN {_change('-', 'OLD')} END",
    "entries_counted_on_update": (
        "AFTER UPDATE OF status, book_id ON entries BEGIN "
        f"{_change('-', 'OLD')} {_change('+', 'NEW')} END"
    ),
}


def upgrade() -> None:
    with op.batch_alter_table("books", schema=None) as batch_op:
        for column in COUNTS:
            batch_op.add_column(sa.Column(column, sa.Integer(), nullable=False, server_default="0"))
    op.execute(
        f"""
        UPDATE books SET
            done_entries = (SELECT count(*) FROM entries
                            WHERE book_id = books.id AND status IN {DONE}),
            deferred_entries = (SELECT count(*) FROM entries
                                WHERE book_id = books.id AND status = 'deferred'),
            draft_entries = (SELECT count(*) FROM entries
                             WHERE book_id = books.id AND status = 'draft')
        """
    )
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    with op.batch_alter_table("books", schema=None) as batch_op:
        for column in COUNTS:
            batch_op.drop_column(column)
