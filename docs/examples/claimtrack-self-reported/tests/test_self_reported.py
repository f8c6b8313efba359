"""The self-reported verifier, checked with claimtrack's plugin test kit and a Harness."""

from __future__ import annotations

from pathlib import Path

import pytest
from claimtrack.testing import Harness, check_verifier, load_documents, plugin_checks

import claimtrack_self_reported

HERE = Path(__file__).resolve().parent.parent
SAMPLES = load_documents(HERE / "samples")


@pytest.mark.parametrize("check", plugin_checks(claimtrack_self_reported, SAMPLES), ids=str)
def test_kit(check) -> None:  # type: ignore[no-untyped-def]
    check()


def test_the_kit_as_one_call() -> None:
    check_verifier(claimtrack_self_reported, SAMPLES)


def _findings() -> tuple[Harness, list]:
    harness = Harness(claimtrack_self_reported)
    harness.ingest(SAMPLES)
    findings = [f for f in harness.verify() if f.verifier == harness.names[0]]
    return harness, findings


def test_flags_the_event_only_the_attacker_reports() -> None:
    harness, findings = _findings()
    events = {e.place: e.id for e in harness.events()}
    assert [f.subject for f in findings] == [[events["sabha"]]]
    finding = findings[0]
    assert finding.grade == "single_source"
    assert finding.reason.startswith("Only US military, whose strike it was, gives figures")
    assert "killed 6" in finding.reason
    claims = {c.id: c for c in harness.claims()}
    assert {claims[c].party_id for c in finding.claims} == {"africom"}


def test_an_independent_figure_clears_the_flag() -> None:
    harness, findings = _findings()
    brak = next(e.id for e in harness.events() if e.place == "brak")
    assert all(brak not in f.subject for f in findings)


def test_findings_come_out_of_the_export() -> None:
    harness, _ = _findings()
    exported = harness.export()["findings"]
    assert any(f["verifier"] == harness.names[0] and f["check"] == "self_reported"
               for f in exported)
