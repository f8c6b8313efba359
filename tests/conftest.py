"""Shared fixtures: an isolated store per test, on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

# Installed third-party plugins stay out of the suite unless a test loads one on purpose.
os.environ.setdefault("CLAIMTRACK_NO_ENTRYPOINTS", "1")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PG_ENV = "CLAIMTRACK_TEST_PG_URL"


def _pg_url() -> str | None:
    url = os.environ.get(PG_ENV)
    if not url and os.environ.get("CI"):
        raise pytest.UsageError(f"{PG_ENV} must be set in CI: the store tests run on PostgreSQL")
    return url


def _backends() -> list[str]:
    return ["sqlite", "postgresql"]


@pytest.fixture(params=_backends())
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty store: a SQLite file, or a new schema in the test PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'claims.db'}"
        return
    base = _pg_url()
    if not base:
        pytest.skip(f"set {PG_ENV} to run the store tests on PostgreSQL")
    import sqlalchemy

    schema = "t_" + uuid.uuid4().hex[:12]
    engine = sqlalchemy.create_engine(base)
    with engine.begin() as conn:
        conn.execute(sqlalchemy.text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in base else "?"
    yield f"{base}{separator}options=-csearch_path%3D{schema}"
    with engine.begin() as conn:
        conn.execute(sqlalchemy.text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'claims.db'}"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str, input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    from claimtrack.cli import app

    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


@pytest.fixture(scope="session")
def seed_export(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The JSON export after ingesting and verifying the five seeds (built once)."""
    db = f"sqlite:///{tmp_path_factory.mktemp('seeds') / 'claims.db'}"
    cli = CliRunner()
    assert run(cli, "ingest", str(SEEDS), "--db", db).exit_code == 0
    assert run(cli, "verify", "--db", db).exit_code == 0
    result = run(cli, "export", "--format", "json", "--db", db)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)
