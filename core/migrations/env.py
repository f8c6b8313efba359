"""Alembic environment: the connection always comes from ``claimtrack.store.migrate``."""

from __future__ import annotations

from alembic import context

from claimtrack.models import SQLModel

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite can only change a table by copying it
)
with context.begin_transaction():
    context.run_migrations()
