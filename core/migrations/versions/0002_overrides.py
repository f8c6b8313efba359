"""Analyst overrides, and the dates incremental linking looks claims up by.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "override",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("claims", sa.JSON(), nullable=False),
        sa.Column("anchor", sa.String()),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    with op.batch_alter_table("claim") as batch:
        batch.add_column(sa.Column("link_start", sa.Date()))
        batch.add_column(sa.Column("link_end", sa.Date()))
    op.create_index("ix_claim_link_start", "claim", ["link_start"])
    op.create_index("ix_claim_link_end", "claim", ["link_end"])
    op.create_index("ix_claimevent_event_id", "claimevent", ["event_id"])
    _fill_link_windows()


def _fill_link_windows() -> None:
    claim = sa.table("claim", sa.column("id"), sa.column("event_start", sa.Date()),
                     sa.column("event_end", sa.Date()), sa.column("parts", sa.JSON()),
                     sa.column("link_start", sa.Date()), sa.column("link_end", sa.Date()))
    connection = op.get_bind()
    rows = connection.execute(sa.select(claim.c.id, claim.c.event_start, claim.c.event_end,
                                        claim.c.parts)).all()
    for cid, start, end, parts in rows:
        days = [d for d in (start, end) if d]
        for part in (parts or {}).get("dates", []):
            days += [date.fromisoformat(part[k]) for k in ("start", "end") if part.get(k)]
        if days:
            connection.execute(claim.update().where(claim.c.id == cid)
                               .values(link_start=min(days), link_end=max(days)))


def downgrade() -> None:
    op.drop_index("ix_claimevent_event_id", "claimevent")
    op.drop_index("ix_claim_link_end", "claim")
    op.drop_index("ix_claim_link_start", "claim")
    with op.batch_alter_table("claim") as batch:
        batch.drop_column("link_end")
        batch.drop_column("link_start")
    op.drop_table("override")
