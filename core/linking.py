"""Turning stored claims into events: the core side of the ``link_events`` hook.

The core hands the linker plugin plain facts about every claim and stores what it answers. The
whole set is relinked each time, in a stable order, so the events never depend on the order
articles arrived in.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session, delete, select

from claimtrack.arabic_dates import DateValue
from claimtrack.errors import PluginError
from claimtrack.extraction import INCIDENT_KINDS
from claimtrack.gazetteer import Gazetteer
from claimtrack.models import Claim, ClaimEvent, Event, Source
from claimtrack.plugins import PluginManager
from claimtrack.store import session_scope


@dataclass(frozen=True)
class ClaimFacts:
    """What a linker may look at: everything about a claim except its sentence."""

    id: str
    source: str
    outlet: str
    party: str
    root_party: str  # the organisation the party speaks for
    kind: str
    value: float | None
    stance: str
    perpetrator: str | None
    event_date: DateValue
    said_on: DateValue
    published: DateValue
    place: str | None
    lat: float | None
    lon: float | None
    place_radius_km: float | None
    denies: str | None
    incident: str | None  # claims of one source with the same value are about one incident
    aggregate: bool
    part_count: int | None
    part_dates: tuple[DateValue, ...]


@dataclass
class EventDraft:
    """One incident as a linker proposes it."""

    claims: list[tuple[str, str]]  # (claim id, why it was linked)
    kind: str = "air_strike"
    perpetrator: str | None = None
    date: DateValue = field(default_factory=DateValue.unknown)
    place: str | None = None
    target: str | None = None
    parts_of: list[tuple[str, str]] = field(default_factory=list)  # aggregates (id, why)


def _date(start: date | None, end: date | None, precision: str, text: str) -> DateValue:
    return DateValue(start, end, precision, text)  # type: ignore[arg-type]


def claim_facts(session: Session, gazetteer: Gazetteer) -> list[ClaimFacts]:
    published = {
        s.id: _date(s.published_start, s.published_end, s.published_precision, s.published_text)
        for s in session.exec(select(Source).where(Source.status == "ok"))
    }
    facts = []
    for c in session.exec(select(Claim).order_by(Claim.id)):
        if c.source_id not in published:
            continue
        place = gazetteer.places.get(c.place) if c.place else None
        parts = c.parts or {}
        facts.append(
            ClaimFacts(
                id=c.id,
                source=c.source_id,
                outlet=c.outlet,
                party=c.party_id,
                root_party=gazetteer.root(c.party_id),
                kind=c.kind,
                value=c.value,
                stance=c.stance,
                perpetrator=c.perpetrator,
                event_date=_date(c.event_start, c.event_end, c.event_precision, c.event_text),
                said_on=_date(c.said_start, c.said_end, c.said_precision, c.said_text),
                published=published[c.source_id],
                place=c.place,
                lat=place.lat if place else None,
                lon=place.lon if place else None,
                place_radius_km=place.radius_km if place else None,
                denies=c.denies_id,
                incident=c.incident,
                aggregate=c.kind not in INCIDENT_KINDS,
                part_count=parts.get("count"),
                part_dates=tuple(
                    DateValue(
                        date.fromisoformat(d["start"]) if d.get("start") else None,
                        date.fromisoformat(d["end"]) if d.get("end") else None,
                        d.get("precision", "unknown"),
                        d.get("text", ""),
                    )
                    for d in parts.get("dates", [])
                ),
            )
        )
    return facts


def event_id(draft: EventDraft) -> str:
    members = sorted(cid for cid, _ in draft.claims)
    return "e_" + hashlib.sha1("|".join(members).encode()).hexdigest()[:12]


def relink(engine: Engine, pm: PluginManager, gazetteer: Gazetteer) -> int:
    """Rebuild every event from the stored claims; returns the number of events."""
    with session_scope(engine) as session:
        facts = claim_facts(session, gazetteer)
        plugin, drafts = pm.call_first("link_events", claims=facts)
        drafts = drafts or []
        session.exec(delete(ClaimEvent))  # type: ignore[call-overload]
        session.exec(delete(Event))  # type: ignore[call-overload]
        known = {f.id for f in facts}
        for draft in drafts:
            if not draft.claims:
                continue
            unknown = [cid for cid, _ in draft.claims + draft.parts_of if cid not in known]
            if unknown:
                raise PluginError(plugin or "link_events",
                                  f"event names unknown claim {unknown[0]}")
            place = gazetteer.places.get(draft.place) if draft.place else None
            eid = event_id(draft)
            session.add(
                Event(
                    id=eid,
                    kind=draft.kind,
                    perpetrator=draft.perpetrator,
                    target=draft.target,
                    date_start=draft.date.start,
                    date_end=draft.date.end,
                    date_precision=draft.date.precision,
                    date_text=draft.date.text,
                    place=draft.place,
                    lat=place.lat if place else None,
                    lon=place.lon if place else None,
                    place_precision=_place_precision(place.kind if place else None),
                    radius_km=place.radius_km if place else None,
                )
            )
            session.flush()
            for cid, why in draft.claims:
                session.add(ClaimEvent(claim_id=cid, event_id=eid, role="about", reason=why))
            for cid, why in draft.parts_of:
                session.add(ClaimEvent(claim_id=cid, event_id=eid, role="part", reason=why))
        return sum(1 for d in drafts if d.claims)


def _place_precision(kind: str | None) -> str:
    return {
        "town": "point",
        "district": "point",
        "area": "area",
        "region": "region",
        "country": "country",
    }.get(kind or "", "unknown")
