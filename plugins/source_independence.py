"""Source independence: outlets repeating one statement are one primary source, not many.

A claim's primary source is the organisation its party speaks for (a spokesman speaks for
AFRICOM, AFRICOM for the US military). Corroboration counts primary sources only.
"""

from __future__ import annotations

from claimtrack import hookimpl
from claimtrack.verification import Dataset, FindingDraft

FIGURE_KINDS = {"killed", "injured", "civilians_harmed", "vehicles_destroyed", "strikes"}


@hookimpl
def verify(dataset: Dataset) -> list[FindingDraft]:
    findings = []
    for view in dataset.events:
        figures = [c for c in view.claims if c.kind in FIGURE_KINDS and c.value is not None]
        # Independence is about the figures; an event without any is judged on what it has.
        claims = figures or [c for c in view.claims if c.kind == "targeting"]
        if not claims:
            continue
        primaries: dict[str, set[str]] = {}
        for claim in claims:
            primaries.setdefault(dataset.root(claim.party_id), set()).add(claim.outlet)
        described = "; ".join(
            f"{_name(dataset, p)} carried by {len(o)} outlet{'s' if len(o) > 1 else ''}"
            for p, o in sorted(primaries.items()))
        disagree = _disagree(dataset, claims)
        if len(primaries) == 1:
            grade, outcome = "single_source", "one_primary"
            reason = f"All of it rests on one primary source: {described}."
        else:
            grade = "contested" if disagree else "corroborated"
            outcome = f"{len(primaries)}_primaries"
            reason = (f"{len(primaries)} independent primary sources: {described}"
                      + ("; they disagree." if disagree else "; they agree."))
        findings.append(FindingDraft(
            check="source_independence", subject=[view.event.id], grade=grade,
            outcome=outcome, reason=reason, claims=sorted(c.id for c in claims),
            details={"primaries": {p: sorted(o) for p, o in sorted(primaries.items())}},
        ))
    return findings


def _disagree(dataset: Dataset, claims: list) -> bool:
    figures: dict[str, set[float]] = {}
    for claim in claims:
        if claim.stance == "denies":
            return True
        if claim.value is not None:
            figures.setdefault(claim.kind, set()).add(claim.value)
    return any(len(values) > 1 for values in figures.values())


def _name(dataset: Dataset, party: str) -> str:
    return dataset.parties[party].name if party in dataset.parties else party
