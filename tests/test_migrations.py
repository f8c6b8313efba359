"""Stores written by earlier releases open, upgrade in place and keep everything they held."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import inspect
from typer.testing import CliRunner

from claimtrack.store import open_store
from conftest import ROOT, SEEDS, run

OLD_STORE = ROOT / "tests" / "data" / "store_0.1.0.sqlite"  # written by release 0.1.0 on the seeds


def _rows(path: Path, table: str) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_a_0_1_0_store_upgrades_and_keeps_its_claims(tmp_path: Path, runner: CliRunner) -> None:
    store = tmp_path / "old.db"
    shutil.copy(OLD_STORE, store)
    before = {t: _rows(store, t) for t in ("source", "claim", "event", "claimevent", "finding")}
    assert before["claim"] > 0

    result = run(runner, "export", "--format", "json", "--db", str(store))
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)

    engine = open_store(str(store))
    tables = set(inspect(engine).get_table_names())
    assert {"alembic_version", "override"} <= tables
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "0002"
    engine.dispose()
    assert {t: _rows(store, t) for t in before} == before
    assert len(document["claims"]) == before["claim"]
    texts = {s["id"]: s["text"] for s in document["sources"]}
    for claim in document["claims"]:
        start, end = claim["span"]
        assert texts[claim["source"]][start:end] == claim["quote"]


def test_an_upgraded_store_still_knows_its_articles(tmp_path: Path, runner: CliRunner) -> None:
    store = tmp_path / "old.db"
    shutil.copy(OLD_STORE, store)
    result = run(runner, "ingest", str(SEEDS), "--db", str(store))
    assert result.exit_code == 0, result.output
    assert "5 already known" in result.stdout
    assert _rows(store, "source") == 5


def test_a_new_store_is_made_by_the_migrations(db_url: str) -> None:
    engine = open_store(db_url)
    try:
        with engine.connect() as conn:
            version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            assert version == "0002"
        assert "override" in inspect(engine).get_table_names()
        open_store(db_url).dispose()  # opening again is a no-op, not a second migration
    finally:
        engine.dispose()
