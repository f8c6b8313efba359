"""Casualty reconciliation: a low / best / high death toll per event, and who stands where.

Rule (stated in every finding): low is the smallest figure any party asserts, high the largest;
best is the figure every independent primary source agrees on, or — when they disagree — the
low figure, the conservative choice ACLED makes. UCDP keeps all three, and so do we.
"""

from __future__ import annotations

from claimtrack import hookimpl
from claimtrack.verification import Dataset, FindingDraft

RULE = ("low = smallest asserted figure, high = largest; best = the figure independent primary "
        "sources agree on, else the low figure (conservative, as ACLED codes)")


@hookimpl
def verify(dataset: Dataset) -> list[FindingDraft]:
    findings = []
    for view in dataset.events:
        figures = [c for c in view.claims if c.kind == "killed" and c.stance == "asserts"
                   and c.value is not None]
        if not figures:
            continue
        sides: dict[float, set[str]] = {}
        for claim in figures:
            sides.setdefault(claim.value, set()).add(dataset.root(claim.party_id))  # type: ignore[arg-type]
        low, high = int(min(sides)), int(max(sides))
        primaries = {p for parties in sides.values() for p in parties}
        if len(sides) == 1:
            best = low
            grade = "corroborated" if len(primaries) > 1 else "single_source"
            outcome = "agree"
            reason = (f"{_names(dataset, primaries)} put the death toll at {low}"
                      + (", and they are independent of each other." if len(primaries) > 1
                         else ", a single primary source."))
        else:
            best = low
            grade = "contested"
            outcome = "disagree"
            stated = "; ".join(f"{_names(dataset, parties)} say {int(value)}"
                               for value, parties in sorted(sides.items(), reverse=True))
            reason = f"The death toll is disputed: {stated}; low {low}, high {high}."
        findings.append(FindingDraft(
            check="casualty_reconciliation", subject=[view.event.id], grade=grade,
            outcome=outcome, reason=reason, claims=sorted(c.id for c in figures),
            details={"killed": {"low": low, "best": best, "high": high, "rule": RULE},
                     "sides": {f"{v:g}": sorted(p) for v, p in sorted(sides.items())}},
        ))
    return findings


def _names(dataset: Dataset, parties: set[str]) -> str:
    return " and ".join(sorted(dataset.parties[p].name if p in dataset.parties else p
                               for p in parties))
