"""Analyst overrides, and the indexes incremental linking looks claims up by.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

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
    op.create_index("ix_claim_event_end", "claim", ["event_end"])
    op.create_index("ix_claimevent_event_id", "claimevent", ["event_id"])


def downgrade() -> None:
    op.drop_index("ix_claimevent_event_id", "claimevent")
    op.drop_index("ix_claim_event_end", "claim")
    op.drop_table("override")
