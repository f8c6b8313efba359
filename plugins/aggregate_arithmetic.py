"""Aggregate arithmetic: does a total ("36 killed in three strikes") add up from its parts?"""

from __future__ import annotations

from claimtrack import hookimpl
from claimtrack.verification import Dataset, FindingDraft

# "About N" tolerates a tenth either way; a vague or bounded total only has to hold as a bound.
ABOUT_TOLERANCE = 0.1


@hookimpl
def verify(dataset: Dataset) -> list[FindingDraft]:
    parts_of: dict[str, list] = {}
    for view in dataset.events:
        for claim in view.aggregates:
            parts_of.setdefault(claim.id, []).append(view)
    findings = []
    for claim_id, views in sorted(parts_of.items()):
        total = dataset.claims[claim_id]
        if total.value is None:
            continue
        root = dataset.root(total.party_id)
        figures, used = [], []
        for view in sorted(views, key=lambda v: (str(v.event.date_start), v.event.id)):
            own = [c for c in view.claims if c.kind == "killed" and c.value is not None
                   and c.stance == "asserts" and dataset.root(c.party_id) == root]
            pick = own[0] if own else None
            if pick is None:
                others = [c.value for c in view.claims if c.kind == "killed"
                          and c.value is not None and c.stance == "asserts"]
                figures.append(int(min(others)) if others else None)  # the conservative figure
            else:
                figures.append(int(pick.value))  # type: ignore[arg-type]
                used.append(pick.id)
        expected = (total.parts or {}).get("count")
        subject = [claim_id] + [v.event.id for v in views]
        if any(f is None for f in figures) or (expected and expected != len(views)):
            findings.append(FindingDraft(
                check="aggregate_arithmetic", subject=subject, grade="unverifiable",
                outcome="incomplete", claims=[claim_id, *used],
                reason=(f"The total of {total.value:g} killed covers "
                        f"{expected or 'several'} incidents, but only {len(views)} are known "
                        "with a figure, so the sum cannot be checked."),
                details={"total": total.value, "parts": figures},
            ))
            continue
        parts_sum = sum(figures)  # type: ignore[arg-type]
        ok = _holds(total.value, total.qualifier, parts_sum)
        shown = " + ".join(str(f) for f in figures) + f" = {parts_sum}"
        findings.append(FindingDraft(
            check="aggregate_arithmetic", subject=subject,
            grade="corroborated" if ok else "contradicted",
            outcome="consistent" if ok else "inconsistent", claims=[claim_id, *used],
            reason=(f"The {total.qualifier.replace('_', ' ')} total of {total.value:g} killed "
                    f"{'matches' if ok else 'does not match'} its parts: {shown}."),
            details={"total": total.value, "qualifier": total.qualifier, "parts": figures,
                     "sum": parts_sum},
        ))
    return findings


def _holds(total: float, qualifier: str, parts_sum: int) -> bool:
    if qualifier == "about":
        return abs(parts_sum - total) <= max(1.0, ABOUT_TOLERANCE * total)
    if qualifier == "at_least":
        return parts_sum >= total
    if qualifier == "at_most":
        return parts_sum <= total
    return parts_sum == total
