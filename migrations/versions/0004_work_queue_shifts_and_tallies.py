"""work queue, shifts and tallies

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 20:59:33.998924
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The queue order until now (app.keying.lists): kind priority, condition, year,
# office, volume.
DEFAULT_ORDER = """
    CASE kind WHEN 'birth' THEN 1 WHEN 'marriage' THEN 2 WHEN 'death' THEN 3 ELSE 4 END,
    CASE condition WHEN 'good' THEN 1 WHEN 'worn' THEN 2 ELSE 3 END,
    year, office, volume
"""


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "daily_done",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_daily_done")),
    )
    # Vietnam is at UTC+7 all year.
    op.execute(
        "INSERT INTO daily_done (day, entries) "
        "SELECT date(completed_at, '+7 hours'), count(*) FROM entries "
        "WHERE completed_at IS NOT NULL GROUP BY date(completed_at, '+7 hours')"
    )
    op.create_table(
        "work_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("shift", sa.Integer(), nullable=False),
        sa.Column("active_seconds", sa.Integer(), nullable=False),
        sa.Column("keystrokes", sa.Integer(), nullable=False),
        sa.Column("first_at", sa.DateTime(), nullable=False),
        sa.Column("last_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_work_sessions_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_sessions")),
        sa.UniqueConstraint("user_id", "day", "shift", name=op.f("uq_work_sessions_user_id")),
    )
    with op.batch_alter_table("books", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("queue_rank", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(
            sa.Column("on_hold", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("taken_by", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("taken_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("finished_at", sa.DateTime(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_books_taken_by_users"), "users", ["taken_by"], ["id"]
        )
    # The server defaults only filled the rows that were there.
    with op.batch_alter_table("books", schema=None) as batch_op:
        batch_op.alter_column("queue_rank", server_default=None)
        batch_op.alter_column("on_hold", server_default=None)
    op.execute(
        f"""
        UPDATE books SET queue_rank = (
            SELECT ranked.n FROM (
                SELECT id, ROW_NUMBER() OVER (ORDER BY {DEFAULT_ORDER}) AS n FROM books
            ) AS ranked WHERE ranked.id = books.id
        )
        """
    )

    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("deferred_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("deferred_by", sa.Integer(), nullable=True))
        batch_op.create_index("ix_entries_completed_at", ["completed_at"], unique=False)
        batch_op.create_index("ix_entries_deferred_at", ["deferred_at"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_entries_deferred_by_users"), "users", ["deferred_by"], ["id"]
        )
    # Until now a deferred entry was last changed when it was deferred.
    op.execute(
        "UPDATE entries SET deferred_at = updated_at, deferred_by = updated_by "
        "WHERE status = 'deferred'"
    )

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("shift_quota", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("shift_quota")

    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_entries_deferred_by_users"), type_="foreignkey")
        batch_op.drop_index("ix_entries_deferred_at")
        batch_op.drop_index("ix_entries_completed_at")
        batch_op.drop_column("deferred_by")
        batch_op.drop_column("deferred_at")

    with op.batch_alter_table("books", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_books_taken_by_users"), type_="foreignkey")
        batch_op.drop_column("finished_at")
        batch_op.drop_column("taken_at")
        batch_op.drop_column("taken_by")
        batch_op.drop_column("on_hold")
        batch_op.drop_column("queue_rank")

    op.drop_table("work_sessions")
    op.drop_table("daily_done")
    op.drop_table("settings")
