"""The Al-Wasat plugin, checked with claimtrack's plugin test kit and through the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from claimtrack.testing import Harness, load_documents, plugin_checks

import claimtrack_alwasat

HERE = Path(__file__).resolve().parent.parent
SAMPLES = load_documents(HERE / "samples")
FOREIGN = load_documents(HERE / "foreign")


# One test per check of the kit: loading, gazetteer entries, detection and cleaning of every
# sample, the claims that come out of it, determinism, and hostile documents.
@pytest.mark.parametrize("check", plugin_checks(claimtrack_alwasat, SAMPLES, foreign=FOREIGN),
                         ids=str)
def test_kit(check) -> None:  # type: ignore[no-untyped-def]
    check()


def test_gazetteer_entries_reach_the_claims() -> None:
    harness = Harness(claimtrack_alwasat)
    harness.ingest(SAMPLES)
    assert {s.outlet for s in harness.sources()} == {"alwasat"}
    claims = harness.claims()
    assert {c.place for c in claims} >= {"traghen", "tmassah"}
    parties = {c.party_id for c in claims}
    assert {"ambulance_emergency_service", "tebu_social_council"} <= parties
    stored = {p.id: p.contributed_by for p in harness.parties()}
    assert stored["tebu_social_council"] == harness.names[0]
    # The outlet is a party too (it speaks when a figure has no named source).
    assert harness.gazetteer.parties["alwasat"].contributed_by == harness.names[0]


def test_cleaning_keeps_the_article_and_reads_the_date_line() -> None:
    document = next(d for d in SAMPLES if d.origin.endswith("traghen_strike.txt"))
    clean = claimtrack_alwasat.clean_document(document, "alwasat")
    assert clean is not None
    assert clean.published is not None and clean.published.start.isoformat() == "2019-11-14"
    assert clean.dateline == "بنغازي"
    kept = [text for _, _, text in clean.kept()]
    assert kept[0].startswith("أعلنت القيادة العسكرية الأميركية")
    assert not any("اقرأ أيضا" in t or "(أرشيفية" in t or "12 جثة" in t for t in kept)
    assert claimtrack_alwasat.clean_document(document, "aljazeera") is None


def _claims_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # Third-party plugins load only when CLAIMTRACK_NO_ENTRYPOINTS is unset.
    env = {k: v for k, v in os.environ.items() if k != "CLAIMTRACK_NO_ENTRYPOINTS"}
    command = [sys.executable, "-c", "from claimtrack.cli import app; app()", *args]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                          check=False)


@pytest.mark.skipif("alwasat" not in {ep.name for ep in entry_points(group="claimtrack")},
                    reason="not installed: pip install -e docs/examples/claimtrack-alwasat")
def test_installed_plugin_works_through_the_cli(tmp_path: Path) -> None:
    listed = _claims_cli("plugins", "--json", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    plugins = {p["name"]: p for p in json.loads(listed.stdout)["plugins"]}
    assert plugins["alwasat"]["outlets"] == ["alwasat"]
    assert plugins["alwasat"]["version"] == "0.1.0"
    assert (plugins["alwasat"]["parties"], plugins["alwasat"]["places"]) == (2, 2)

    db = str(tmp_path / "claims.db")
    ingest = _claims_cli("ingest", str(HERE / "samples"), "--db", db, cwd=tmp_path)
    assert ingest.returncode == 0, ingest.stderr
    export = _claims_cli("export", "--db", db, cwd=tmp_path)
    assert export.returncode == 0, export.stderr
    document = json.loads(export.stdout)
    assert {s["outlet"] for s in document["sources"]} == {"alwasat"}
    assert {c["outlet"] for c in document["claims"]} == {"alwasat"}
    assert "tebu_social_council" in {c["party"] for c in document["claims"]}
    contributed = {p["id"]: p["contributed_by"] for p in document["parties"]}
    assert contributed["ambulance_emergency_service"] == "alwasat"
