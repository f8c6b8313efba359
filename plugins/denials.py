"""Denials and counter-claims: a denied claim is contested, with both sides named."""

from __future__ import annotations

from claimtrack import hookimpl
from claimtrack.verification import Dataset, FindingDraft


@hookimpl
def verify(dataset: Dataset) -> list[FindingDraft]:
    findings = []
    for claim in dataset.claims.values():
        if claim.stance != "denies" or not claim.denies_id:
            continue
        denied = dataset.claims.get(claim.denies_id)
        if denied is None:
            continue
        what = (f"{denied.kind.replace('_', ' ')} {denied.value:g}" if denied.value is not None
                else f"{denied.kind} ({denied.target or 'unspecified'})")
        counter = [c for c in dataset.claims.values()
                   if c.source_id == claim.source_id and c.party_id == claim.party_id
                   and c.stance == "asserts" and c.span_start == claim.span_start]
        own = "; ".join(
            f"{c.kind.replace('_', ' ')} {c.value:g}" if c.value is not None
            else f"{c.kind}: {c.target or ''}".strip() for c in counter)
        events = dataset.events_of.get(denied.id, [])
        findings.append(FindingDraft(
            check="denial", subject=[denied.id, *events], grade="contested",
            outcome="contested", claims=sorted({claim.id, denied.id, *(c.id for c in counter)}),
            reason=(f"{_name(dataset, claim.party_id)} denies {_name(dataset, denied.party_id)}'s "
                    f"claim ({what})" + (f" and says instead: {own}." if own else ".")),
            details={"denier": claim.party_id, "denied_party": denied.party_id},
        ))
    return findings


def _name(dataset: Dataset, party: str) -> str:
    return dataset.parties[party].name if party in dataset.parties else party
