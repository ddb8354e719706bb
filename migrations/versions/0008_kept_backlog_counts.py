"""kept backlog counts

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 00:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The dashboard shows how many entries wait for each reason every few
# seconds; counting the deferred entries each time took 10 ms at campaign
# scale. Triggers keep the count per reason as entries are deferred,
# completed, given another reason or deleted. An entry deferred without a
# reason counts as "other", as the backlog shows it.
REASON = "coalesce({row}.deferral_reason, 'other')"


def _add(row: str) -> str:
    return f"""
        INSERT INTO backlog_counts (reason, entries)
        SELECT {REASON.format(row=row)}, 1 WHERE {row}.status = 'deferred'
        ON CONFLICT (reason) DO UPDATE SET entries = entries + 1;
    """


def _remove(row: str) -> str:
    return f"""
        UPDATE backlog_counts SET entries = entries - 1
        WHERE {row}.status = 'deferred' AND reason = {REASON.format(row=row)};
    """


TRIGGERS = {
    "backlog_counted_on_insert": f"AFTER INSERT ON entries BEGIN {_add('NEW')} END",
    "backlog_counted_on_delete": f"AFTER DELETE ON entries BEGIN {_remove('OLD')} END",
    "backlog_counted_on_update": (
        "AFTER UPDATE OF status, deferral_reason ON entries BEGIN "
        f"{_remove('OLD')} {_add('NEW')} END"
    ),
}


def upgrade() -> None:
    op.create_table(
        "backlog_counts",
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("reason", name=op.f("pk_backlog_counts")),
    )
    op.execute(
        "INSERT INTO backlog_counts (reason, entries)"
        " SELECT coalesce(deferral_reason, 'other'), count(*) FROM entries"
        " WHERE status = 'deferred' GROUP BY 1"
    )
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.drop_table("backlog_counts")
