"""Running the verifier plugins and storing what they conclude.

The grade scale (documented in docs/verification.md):

- ``corroborated``: at least two independent primary sources agree.
- ``single_source``: everything rests on one primary source, however many outlets carry it.
- ``contested``: independent parties disagree, or the claim is denied by another party.
- ``contradicted``: the figures cannot all be true (an aggregate that does not add up).
- ``unverifiable``: nothing checkable (no figure, no attributable party).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine
from sqlmodel import col, delete, select

from claimtrack.errors import PluginError
from claimtrack.gazetteer import Gazetteer, affiliations, root_of
from claimtrack.models import Claim, ClaimEvent, Event, Finding, Party, Source
from claimtrack.plugins import PluginManager
from claimtrack.store import session_scope

GRADES = ("corroborated", "single_source", "contested", "contradicted", "unverifiable")
# When several findings grade one event, the most serious one is the event's grade.
_SEVERITY = {"contradicted": 4, "contested": 3, "corroborated": 2, "single_source": 1,
             "unverifiable": 0}


@dataclass
class EventView:
    event: Event
    claims: list[Claim]  # claims about this event
    aggregates: list[Claim]  # aggregate claims that count this event among their parts
    reasons: dict[str, str]  # claim id -> why it was linked


@dataclass
class Dataset:
    """Everything a verifier may read. Treat it as read-only."""

    events: list[EventView]
    claims: dict[str, Claim]
    parties: dict[str, Party]
    sources: dict[str, Source]
    gazetteer: Gazetteer
    events_of: dict[str, list[str]] = field(default_factory=dict)  # claim id -> event ids

    affiliation: dict[str, str | None] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.affiliation = affiliations(
            ((pid, p.affiliation) for pid, p in self.parties.items()), self.gazetteer)

    def root(self, party_id: str) -> str:
        """The organisation a party ultimately speaks for."""
        return root_of(party_id, self.affiliation)


@dataclass
class FindingDraft:
    check: str
    subject: list[str]
    grade: str
    outcome: str
    reason: str
    claims: list[str]
    details: dict[str, Any] = field(default_factory=dict)


def load_dataset(engine: Engine, gazetteer: Gazetteer) -> Dataset:
    with session_scope(engine) as session:
        sources = {s.id: s for s in session.exec(select(Source).where(Source.status == "ok"))}
        claims = {c.id: c for c in session.exec(select(Claim).order_by(Claim.id))}
        parties = {p.id: p for p in session.exec(select(Party))}
        # Undated events last on every backend (SQLite sorts NULL first, PostgreSQL last).
        events = list(session.exec(select(Event).order_by(
            col(Event.date_start).asc().nulls_last(), Event.id)))
        links = list(session.exec(select(ClaimEvent)))
    by_event: dict[str, EventView] = {e.id: EventView(e, [], [], {}) for e in events}
    events_of: dict[str, list[str]] = {}
    for link in sorted(links, key=lambda x: (x.event_id, x.claim_id)):
        view = by_event[link.event_id]
        claim = claims[link.claim_id]
        (view.claims if link.role == "about" else view.aggregates).append(claim)
        view.reasons[claim.id] = link.reason
        events_of.setdefault(claim.id, []).append(link.event_id)
    return Dataset(list(by_event.values()), claims, parties, sources, gazetteer, events_of)


def finding_id(verifier: str, draft: FindingDraft) -> str:
    key = json.dumps([verifier, draft.check, sorted(draft.subject)], ensure_ascii=False)
    return "f_" + hashlib.sha1(key.encode()).hexdigest()[:12]


def run_verifiers(engine: Engine, pm: PluginManager, gazetteer: Gazetteer) -> list[Finding]:
    dataset = load_dataset(engine, gazetteer)
    findings: dict[str, Finding] = {}
    for name, drafts in pm.call_each("verify", dataset=dataset):
        for draft in drafts or []:
            if draft.grade not in GRADES:
                raise PluginError(name, f"grade {draft.grade!r} is not one of {GRADES}")
            if not draft.reason.strip():
                raise PluginError(name, "a finding needs a reason")
            fid = finding_id(name, draft)
            findings[fid] = Finding(
                id=fid, verifier=name, check=draft.check, subject=list(draft.subject),
                grade=draft.grade, outcome=draft.outcome, reason=draft.reason,
                claims=list(draft.claims), details=draft.details,
            )
    with session_scope(engine) as session:
        session.exec(delete(Finding))  # type: ignore[call-overload]
        session.add_all(findings.values())
        for view in dataset.events:
            event = session.get(Event, view.event.id)
            if event is None:
                continue
            _apply_to_event(event, [f for f in findings.values() if event.id in f.subject])
    return sorted(findings.values(), key=lambda f: f.id)


def _apply_to_event(event: Event, findings: list[Finding]) -> None:
    # A total that adds up grades the total, not the incidents it counts.
    grades = [f.grade for f in findings if f.check != "aggregate_arithmetic"]
    event.grade = max(grades, key=_SEVERITY.__getitem__) if grades else "unverifiable"
    for finding in findings:
        estimate = finding.details.get("killed")
        if finding.check == "casualty_reconciliation" and isinstance(estimate, dict):
            event.killed_low = estimate.get("low")
            event.killed_best = estimate.get("best")
            event.killed_high = estimate.get("high")
            event.killed_rule = estimate.get("rule", "")
