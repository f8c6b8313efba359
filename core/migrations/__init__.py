"""Alembic migrations for the claimtrack store; ``claimtrack.store.open_store`` applies them."""
