"""Faults during ingest: a process killed mid-way, and plugins that fail or run too long."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimtrack import hookimpl
from conftest import ROOT, SEEDS, run

sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus

CLAIMS = str(Path(sys.executable).parent / "claims")
ENV = {**os.environ, "CLAIMTRACK_NO_ENTRYPOINTS": "1"}


def export(db: str) -> dict:
    done = subprocess.run([CLAIMS, "export", "--format", "json", "--db", db],
                          capture_output=True, text=True, check=True, env=ENV)
    data = json.loads(done.stdout)
    del data["exported_at"]
    return data


def stored_sources(path: Path) -> int:
    try:
        with sqlite3.connect(path, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM source").fetchone()[0]
    except sqlite3.Error:  # not created yet, or busy
        return 0


SIZE = 2000


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """A few thousand generated articles, and the export of one uninterrupted ingest of them."""
    folder = tmp_path_factory.mktemp("crash") / "corpus"
    corpus.write_folder(folder, SIZE, seed=9)
    whole_db = f"sqlite:///{folder.parent / 'whole.db'}"
    whole = subprocess.run([CLAIMS, "ingest", str(folder), "-q", "--no-link", "--db", whole_db],
                           env=ENV, capture_output=True, text=True)
    assert whole.returncode == 0, whole.stderr
    expected = export(whole_db)
    assert len(expected["sources"]) == SIZE and len(expected["claims"]) > 3 * SIZE
    return folder, expected


@pytest.mark.parametrize("workers", ["1", "2"])
def test_kill_9_mid_ingest_then_the_same_command_finishes_the_job(
        tmp_path: Path, big_corpus: tuple[Path, dict], workers: str) -> None:
    folder, expected = big_corpus
    killed_db = tmp_path / "killed.db"
    # Linking is left out: it is rebuilt from the stored claims alone, and storing them is
    # what a crash can break. (Relinking thousands of claims would triple the test's time.)
    command = [CLAIMS, "ingest", str(folder), "-q", "--no-link", "--workers", workers,
               "--db", f"sqlite:///{killed_db}"]
    victim = subprocess.Popen(command, env=ENV, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while stored_sources(killed_db) < 300 and victim.poll() is None:
        assert time.monotonic() < deadline, "the ingest stored nothing for two minutes"
        time.sleep(0.05)
    os.killpg(victim.pid, signal.SIGKILL)  # the command and its worker processes, no warning
    victim.wait()
    assert victim.returncode == -signal.SIGKILL
    assert 300 <= stored_sources(killed_db) < SIZE  # it died mid-way

    again = subprocess.run(command, env=ENV, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert export(f"sqlite:///{killed_db}") == expected


class Slow:
    """An extractor that hangs on any article naming Sabha, and is fine on the others."""

    @hookimpl
    def extract_claims(self, document, gazetteer):  # type: ignore[no-untyped-def]
        if "سبها" in document.text:
            time.sleep(30)
        return []


class Exploding:
    @hookimpl
    def extract_claims(self, document, gazetteer):  # type: ignore[no-untyped-def]
        if "سبها" in document.text:
            raise ValueError("cannot read this one")
        return []


def with_plugin(monkeypatch: pytest.MonkeyPatch, name: str, plugin: object) -> None:
    import claimtrack.cli as cli
    from claimtrack.plugins import load_plugins

    def load():  # type: ignore[no-untyped-def]
        pm = load_plugins()
        pm.register_module(name, plugin, "0.1", builtin=False)  # type: ignore[arg-type]
        return pm

    monkeypatch.setattr(cli, "load_plugins", load)


SABHA = ("أعلنت القيادة العسكرية الأمريكية في أفريقيا مقتل ٦ عناصر من تنظيم الدولة في غارة جوية "
         "قرب مدينة سبها يوم الأربعاء الماضي.\n")
MURZUQ = SABHA.replace("سبها", "مرزق").replace("٦", "٤")


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize(("plugin", "reason"), [
    (Slow(), "plugin slow_reader: PluginTimeout: still running after 1 s on this document "
     "(the --timeout limit)"),
    (Exploding(), "plugin slow_reader: ValueError: cannot read this one"),
])
def test_a_plugin_that_hangs_or_raises_fails_its_document_and_the_run_goes_on(
        runner: CliRunner, tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch,
        workers: str, plugin: object, reason: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_sabha.txt").write_text(SABHA, encoding="utf-8")
    (folder / "b_murzuq.txt").write_text(MURZUQ, encoding="utf-8")
    with_plugin(monkeypatch, "slow_reader", plugin)
    started = time.monotonic()
    result = run(runner, "ingest", str(folder), "--timeout", "1", "--workers", workers,
                 "--published", "2019-10-10", "--db", sqlite_url)
    assert time.monotonic() - started < 20
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {folder / 'a_sabha.txt'}: {reason}"
    assert "1 new, 0 already known, 1 failed" in result.stdout
    status = run(runner, "status", "--db", sqlite_url).stdout
    assert f"failed: {folder / 'a_sabha.txt'} (slow_reader: " in status
    stored = json.loads(run(runner, "export", "--db", sqlite_url).stdout)
    assert [c["value"] for c in stored["claims"] if c["kind"] == "killed"] == [4]

    # Once the plugin is fixed (here: gone), the same command stores the failed document.
    monkeypatch.undo()
    retry = run(runner, "ingest", str(folder), "--db", sqlite_url, "--published", "2019-10-10")
    assert retry.exit_code == 0 and "1 new, 1 already known, 0 failed" in retry.stdout


def test_timeout_zero_means_no_limit(runner: CliRunner, sqlite_url: str) -> None:
    result = run(runner, "ingest", str(SEEDS), "--timeout", "0", "--db", sqlite_url)
    assert result.exit_code == 0, result.output
