"""Date conflict: sources that give one event different days."""

from __future__ import annotations

from claimtrack import hookimpl
from claimtrack.verification import Dataset, FindingDraft


@hookimpl
def verify(dataset: Dataset) -> list[FindingDraft]:
    findings = []
    for view in dataset.events:
        by_day: dict[str, set[str]] = {}
        claims: dict[str, list[str]] = {}
        for claim in view.claims:
            if claim.event_precision != "day" or claim.event_start is None:
                continue
            day = claim.event_start.isoformat()
            source = dataset.sources.get(claim.source_id)
            by_day.setdefault(day, set()).add(
                f"{source.outlet} ({claim.source_id})" if source else claim.source_id)
            claims.setdefault(day, []).append(claim.id)
        if len(by_day) < 2:
            continue
        stated = "; ".join(f"{', '.join(sorted(who))} say {day}"
                           for day, who in sorted(by_day.items()))
        findings.append(FindingDraft(
            check="date_conflict", subject=[view.event.id], grade="contested",
            outcome="conflict", reason=f"Sources disagree on the date of this event: {stated}.",
            claims=sorted(c for ids in claims.values() for c in ids),
            details={"dates": {day: sorted(who) for day, who in sorted(by_day.items())}},
        ))
    return findings
