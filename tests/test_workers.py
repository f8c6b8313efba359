"""``claims ingest --workers N``: extraction in parallel processes, the same store as serially."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEEDS, run

sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus

ARTICLES = ROOT / "tests" / "articles"
# The labelled articles live in one folder per outlet; labels.jsonl beside them is not input.
INPUTS = [str(SEEDS), *(str(p) for p in sorted(ARTICLES.iterdir()) if p.is_dir())]


def export(runner: CliRunner, db: str) -> dict:
    result = run(runner, "export", "--format", "json", "--db", db)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    del data["exported_at"]
    return data


def test_workers_store_what_a_serial_run_stores(runner: CliRunner, db_url: str,
                                                tmp_path: Path) -> None:
    serial_db = f"sqlite:///{tmp_path / 'serial.db'}"
    serial = run(runner, "ingest", *INPUTS, "--db", serial_db)
    assert serial.exit_code == 0, serial.output
    parallel = run(runner, "ingest", *INPUTS, "--workers", "2", "--db", db_url)
    assert parallel.exit_code == 0, parallel.output
    # Same summary line, same stored documents, claims, parties and events.
    assert parallel.stdout.splitlines()[-1] == serial.stdout.splitlines()[-1]
    expected = export(runner, serial_db)
    articles = len(list(SEEDS.glob("*.txt"))) + len(list(ARTICLES.rglob("*.txt")))
    assert len(expected["sources"]) == articles and len(expected["claims"]) > 100
    assert export(runner, db_url) == expected


def test_workers_on_a_generated_corpus_with_known_and_broken_files(
        runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    corpus.write_folder(folder, 150, seed=11)
    (folder / "000" / "zz_empty.txt").write_bytes(b"")
    (folder / "000" / "zz_binary.txt").write_bytes(bytes(range(256)) * 4)
    dbs = {}
    for workers in ("1", "2"):
        db = f"sqlite:///{tmp_path / f'w{workers}.db'}"
        # Half first, then everything: the second run meets 75 documents it already has.
        half = sorted(str(p) for p in (folder / "000").glob("0000[0-6]*.txt"))
        assert run(runner, "ingest", *half, "--workers", workers, "--db", db).exit_code == 0
        result = run(runner, "ingest", str(folder), "--workers", workers, "--db", db)
        assert result.exit_code == 1  # the two broken files
        assert "Documents: 80 new, 70 already known, 2 failed." in result.stdout
        assert result.stderr.count("Error: ") == 2
        dbs[workers] = export(runner, db)
    assert dbs["1"] == dbs["2"]
    assert len(dbs["1"]["sources"]) == 150


@pytest.mark.parametrize("value", ["0", "-1"])
def test_workers_must_be_positive(runner: CliRunner, sqlite_url: str, value: str) -> None:
    from claimtrack.cli import app

    result = runner.invoke(app, ["ingest", str(SEEDS), "--workers", value, "--db", sqlite_url])
    assert result.exit_code == 2
    assert "--workers" in result.output
