"""The store as release 0.1.0 wrote it.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "source",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("outlet", sa.String(), nullable=False),
        sa.Column("url", sa.String()),
        sa.Column("title", sa.String()),
        sa.Column("published_start", sa.Date()),
        sa.Column("published_end", sa.Date()),
        sa.Column("published_precision", sa.String(), nullable=False),
        sa.Column("published_text", sa.String(), nullable=False),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("origin", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("error", sa.String()),
        sa.Column("failed_plugin", sa.String()),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_source_sha256", "source", ["sha256"], unique=True)
    op.create_index("ix_source_status", "source", ["status"])
    op.create_index("ix_source_outlet", "source", ["outlet"])
    op.create_table(
        "party",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("affiliation", sa.String()),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("contributed_by", sa.String()),
    )
    op.create_table(
        "claim",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("source_id", sa.String(), sa.ForeignKey("source.id"), nullable=False),
        sa.Column("party_id", sa.String(), nullable=False),
        sa.Column("attribution", sa.String(), nullable=False),
        sa.Column("outlet", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("value", sa.Float()),
        sa.Column("qualifier", sa.String(), nullable=False),
        sa.Column("vague", sa.Boolean(), nullable=False),
        sa.Column("stance", sa.String(), nullable=False),
        sa.Column("said_start", sa.Date()),
        sa.Column("said_end", sa.Date()),
        sa.Column("said_precision", sa.String(), nullable=False),
        sa.Column("said_text", sa.String(), nullable=False),
        sa.Column("event_start", sa.Date()),
        sa.Column("event_end", sa.Date()),
        sa.Column("event_precision", sa.String(), nullable=False),
        sa.Column("event_text", sa.String(), nullable=False),
        sa.Column("place", sa.String()),
        sa.Column("perpetrator", sa.String()),
        sa.Column("target", sa.String()),
        sa.Column("denies_id", sa.String()),
        sa.Column("incident", sa.String()),
        sa.Column("parts", sa.JSON(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("extractor", sa.String(), nullable=False),
        sa.Column("extractor_version", sa.String(), nullable=False),
    )
    op.create_index("ix_claim_party_id", "claim", ["party_id"])
    op.create_index("ix_claim_kind", "claim", ["kind"])
    op.create_index("ix_claim_source_id", "claim", ["source_id"])
    op.create_index("ix_claim_event_start", "claim", ["event_start"])
    op.create_table(
        "event",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("perpetrator", sa.String()),
        sa.Column("target", sa.String()),
        sa.Column("date_start", sa.Date()),
        sa.Column("date_end", sa.Date()),
        sa.Column("date_precision", sa.String(), nullable=False),
        sa.Column("date_text", sa.String(), nullable=False),
        sa.Column("place", sa.String()),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("place_precision", sa.String(), nullable=False),
        sa.Column("radius_km", sa.Float()),
        sa.Column("killed_low", sa.Integer()),
        sa.Column("killed_best", sa.Integer()),
        sa.Column("killed_high", sa.Integer()),
        sa.Column("killed_rule", sa.String(), nullable=False),
        sa.Column("grade", sa.String(), nullable=False),
    )
    op.create_index("ix_event_date_start", "event", ["date_start"])
    op.create_table(
        "claimevent",
        sa.Column("claim_id", sa.String(), sa.ForeignKey("claim.id"), primary_key=True),
        sa.Column("event_id", sa.String(), sa.ForeignKey("event.id"), primary_key=True),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
    )
    op.create_table(
        "finding",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("verifier", sa.String(), nullable=False),
        sa.Column("check", sa.String(), nullable=False),
        sa.Column("subject", sa.JSON(), nullable=False),
        sa.Column("grade", sa.String(), nullable=False),
        sa.Column("outcome", sa.String(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("claims", sa.JSON(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
    )


def downgrade() -> None:
    for table in ("finding", "claimevent", "event", "claim", "party", "source"):
        op.drop_table(table)
