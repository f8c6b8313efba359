"""Turning stored claims into events: the core side of the ``link_events`` hook.

The core hands the linker plugin plain facts about claims and stores what it answers, then
replays the analysts' overrides on top. After an ingest only the neighbourhood of the new
claims is relinked: every claim that could share an event with them, closed under "same
article", "dates within ``LINK_SLACK`` of each other", "in one event today" and "named in one
override". Inside that closed set the linker sees exactly what a full rebuild would show it, so
the events never depend on the order or the batches articles arrived in.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Engine, func, text
from sqlmodel import Session, col, delete, select

from claimtrack.arabic_dates import DateValue
from claimtrack.errors import PluginError
from claimtrack.extraction import INCIDENT_KINDS
from claimtrack.gazetteer import Gazetteer, affiliations, root_of
from claimtrack.models import Claim, ClaimEvent, Event, Override, Party, Source
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


# Linkers may only join claims whose date windows come this close: the contract that lets the
# core relink a neighbourhood instead of everything.
LINK_SLACK = timedelta(days=2)
CHUNK = 500  # ids per IN (...) clause
LINK_LOCK = 0x6C696E6B  # the PostgreSQL advisory lock every relink holds
# A neighbourhood larger than this (or than a twentieth of the store) is relinked as a whole:
# growing it query by query would soon cost more than one pass over everything.
FULL_RELINK_AT = 2000


def link_window(event_start: date | None, event_end: date | None,
                parts: dict | None) -> tuple[date | None, date | None]:
    """The dates a claim can link on: its event window, widened to the dates of its parts."""
    days = [d for d in (event_start, event_end) if d]
    for part in (parts or {}).get("dates", []):
        days += [date.fromisoformat(part[k]) for k in ("start", "end") if part.get(k)]
    return (min(days), max(days)) if days else (None, None)


def claim_facts(session: Session, gazetteer: Gazetteer,
                claims: Sequence[Claim] | None = None) -> list[ClaimFacts]:
    if claims is None:
        ok = select(Source.id).where(Source.status == "ok")
        claims = list(session.exec(select(Claim).where(col(Claim.source_id).in_(ok))))
    source_ids = sorted({c.source_id for c in claims})
    published = {}
    for chunk in _chunks(source_ids):
        for s in session.exec(select(Source).where(col(Source.id).in_(chunk),
                                                   Source.status == "ok")):
            published[s.id] = _date(s.published_start, s.published_end, s.published_precision,
                                    s.published_text)
    affiliation = affiliations(((p.id, p.affiliation) for p in session.exec(select(Party))),
                               gazetteer)
    facts = []
    for c in sorted(claims, key=lambda c: c.id):
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
                root_party=root_of(c.party_id, affiliation),
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


def relink(engine: Engine, pm: PluginManager, gazetteer: Gazetteer, *,
           sources: Iterable[str] | None = None, claims: Iterable[str] | None = None) -> int:
    """Bring the events up to date; returns how many events the store holds.

    ``sources`` and ``claims`` name what changed since the last link (new articles, claims an
    analyst moved); only their neighbourhood is rebuilt. With neither, every event is rebuilt.
    """
    full = sources is None and claims is None
    with session_scope(engine) as session:
        if engine.dialect.name == "postgresql":
            # Linkers in other processes wait: each then sees every claim committed before it.
            lock = text("SELECT pg_advisory_xact_lock(:key)").bindparams(key=LINK_LOCK)
            session.exec(lock)  # type: ignore[call-overload]
        overrides = list(session.exec(select(Override).order_by(col(Override.id))))
        scope: list[Claim] | None = None
        if not full:
            stored = session.exec(select(func.count()).select_from(Claim)).one()
            scope = neighbourhood(session, set(claims or ()), set(sources or ()), overrides,
                                  limit=max(FULL_RELINK_AT, stored // 20))
        if scope is None:
            session.exec(delete(ClaimEvent))  # type: ignore[call-overload]
            session.exec(delete(Event))  # type: ignore[call-overload]
        else:
            _drop_events_of(session, [c.id for c in scope] + sorted(claims or ()))
        facts = claim_facts(session, gazetteer, scope)
        if facts:
            plugin, drafts = pm.call_first("link_events", claims=facts)
            drafts = apply_overrides(drafts or [], overrides, facts)
            _store_drafts(session, drafts, {f.id for f in facts}, plugin, gazetteer)
        return int(session.exec(select(func.count()).select_from(Event)).one())


def neighbourhood(session: Session, seeds: set[str], sources: set[str],
                  overrides: list[Override], limit: int | None = None) -> list[Claim] | None:
    """The stored claims that could share an event with the seed claims or sources' claims.

    ``None`` when the neighbourhood grows past ``limit`` claims: a full rebuild is then cheaper.
    The closure is computed on four light columns; whole claims are read once at the end.
    """
    partners: dict[str, set[str]] = {}
    for o in overrides:
        group = set(o.claims) | ({o.anchor} if o.anchor else set())
        for cid in group:
            partners.setdefault(cid, set()).update(group)
    ok = select(Source.id).where(Source.status == "ok")
    light = select(Claim.id, Claim.source_id, Claim.link_start, Claim.link_end)
    found: dict[str, tuple[str, date | None, date | None]] = {}
    want_ids, want_sources, want_events = set(seeds), set(sources), set()
    windows: list[tuple[date, date]] = []
    seen_sources: set[str] = set()
    seen_events: set[str] = set()
    covered: list[tuple[date, date]] = []
    while want_ids or want_sources or want_events or windows:
        batch: list[Any] = []
        for chunk in _chunks(sorted(want_ids - found.keys())):
            batch += session.exec(light.where(col(Claim.id).in_(chunk),
                                              col(Claim.source_id).in_(ok)))
        for chunk in _chunks(sorted(want_sources)):
            batch += session.exec(light.where(col(Claim.source_id).in_(chunk),
                                              col(Claim.source_id).in_(ok)))
        for chunk in _chunks(sorted(want_events)):
            members = select(ClaimEvent.claim_id).where(col(ClaimEvent.event_id).in_(chunk))
            batch += session.exec(light.where(col(Claim.id).in_(members)))
        for lo, hi in windows:
            batch += session.exec(light.where(col(Claim.source_id).in_(ok),
                                              col(Claim.link_start) <= hi,
                                              col(Claim.link_end) >= lo))
        seen_sources |= want_sources
        seen_events |= want_events
        want_ids, want_sources, want_events = set(), set(), set()
        new = {}
        for cid, source_id, start, end in batch:
            if cid not in found:
                new[cid] = found[cid] = (source_id, start, end)
        if limit is not None and len(found) > limit:
            return None
        asked: list[tuple[date, date]] = []
        for cid, (source_id, start, end) in new.items():
            if source_id not in seen_sources:
                want_sources.add(source_id)
            want_ids |= partners.get(cid, set()) - found.keys()
            if start and end:
                asked.append((start - LINK_SLACK, end + LINK_SLACK))
        windows = _uncovered(_merged(asked), covered)
        covered = _merged(covered + windows)
        for chunk in _chunks(sorted(new)):
            events = select(ClaimEvent.event_id).where(col(ClaimEvent.claim_id).in_(chunk))
            want_events |= set(session.exec(events)) - seen_events
    claims: list[Claim] = []
    for chunk in _chunks(sorted(found)):
        claims += session.exec(select(Claim).where(col(Claim.id).in_(chunk)))
    return claims


def _merged(spans: list[tuple[date, date]]) -> list[tuple[date, date]]:
    """Overlapping or touching date spans joined, sorted."""
    out: list[tuple[date, date]] = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1] + timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _uncovered(spans: list[tuple[date, date]],
               covered: list[tuple[date, date]]) -> list[tuple[date, date]]:
    """The parts of sorted, disjoint ``spans`` outside sorted, disjoint ``covered``."""
    out: list[tuple[date, date]] = []
    i = 0
    for lo, hi in spans:
        while i < len(covered) and covered[i][1] < lo:
            i += 1
        j, start = i, lo
        while j < len(covered) and covered[j][0] <= hi:
            if covered[j][0] > start:
                out.append((start, covered[j][0] - timedelta(days=1)))
            start = max(start, covered[j][1] + timedelta(days=1))
            j += 1
        if start <= hi:
            out.append((start, hi))
    return out


def _drop_events_of(session: Session, claim_ids: list[str]) -> None:
    """Delete the events any of these claims belongs to (their other members are relinked)."""
    events: set[str] = set()
    for chunk in _chunks(sorted(set(claim_ids))):
        events |= set(session.exec(
            select(ClaimEvent.event_id).where(col(ClaimEvent.claim_id).in_(chunk))))
    for chunk in _chunks(sorted(events)):
        session.exec(delete(ClaimEvent).where(col(ClaimEvent.event_id).in_(chunk)))  # type: ignore[call-overload]
        session.exec(delete(Event).where(col(Event.id).in_(chunk)))  # type: ignore[call-overload]


def _store_drafts(session: Session, drafts: list[EventDraft], known: set[str],
                  plugin: str | None, gazetteer: Gazetteer) -> None:
    for draft in drafts:
        if not draft.claims:
            continue
        unknown = [cid for cid, _ in draft.claims + draft.parts_of if cid not in known]
        if unknown:
            raise PluginError(plugin or "link_events", f"event names unknown claim {unknown[0]}")
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
            if cid not in {c for c, _ in draft.claims}:
                session.add(ClaimEvent(claim_id=cid, event_id=eid, role="part", reason=why))


def apply_overrides(drafts: list[EventDraft], overrides: list[Override],
                    facts: list[ClaimFacts]) -> list[EventDraft]:
    """Replay analysts' decisions, oldest first, on the linker's events."""
    if not overrides:
        return drafts
    by_id = {f.id: f for f in facts}
    home: dict[str, EventDraft] = {cid: d for d in drafts for cid, _ in d.claims}
    touched: set[int] = set()
    for o in overrides:
        tag = f"analyst decision {o.id}" + (f": {o.note}" if o.note else "")
        if o.action == "merge":
            into, other = home.get(o.anchor or ""), home.get(o.claims[0] if o.claims else "")
            if into is None or other is None or into is other:
                continue
            into.claims += [(cid, f"merged by {tag}") for cid, _ in other.claims]
            into.parts_of += other.parts_of
            for cid, _ in other.claims:
                home[cid] = into
            other.claims, other.parts_of = [], []
            touched.add(id(into))
            continue
        moving = [cid for cid in o.claims if cid in by_id]
        target = home.get(o.anchor) if o.anchor else None
        if not moving or (o.anchor and (target is None or o.anchor in moving)):
            continue  # the claims or the event they were moved to are gone
        if target is None:
            target = EventDraft(claims=[])
            drafts.append(target)
        for cid in moving:
            old = home.get(cid)
            if old is not None:
                old.claims = [(c, why) for c, why in old.claims if c != cid]
                touched.add(id(old))
            target.claims.append((cid, f"moved by {tag}"))
            home[cid] = target
        touched.add(id(target))
    for draft in drafts:
        if id(draft) in touched and draft.claims:
            _summarise(draft, [by_id[cid] for cid, _ in draft.claims if cid in by_id])
    return [d for d in drafts if d.claims]


def _summarise(draft: EventDraft, members: list[ClaimFacts]) -> None:
    """Date, place and perpetrator of an event an analyst reshaped, from its claims."""
    days = sorted({c.event_date.start for c in members
                   if c.event_date.precision == "day" and c.event_date.start})
    if days:
        draft.date = DateValue(days[0], days[-1], "day" if len(days) == 1 else "window",  # type: ignore[arg-type]
                               "; ".join(sorted({c.event_date.text for c in members
                                                 if c.event_date.text})))
    else:
        draft.date = DateValue.unknown()
    placed = sorted((c for c in members if c.place),
                    key=lambda c: (c.place_radius_km or 10**6, c.place or ""))
    draft.place = placed[0].place if placed else None
    perps = Counter(c.perpetrator for c in members if c.perpetrator)
    draft.perpetrator = perps.most_common(1)[0][0] if perps else None


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), CHUNK):
        yield items[i:i + CHUNK]


def _place_precision(kind: str | None) -> str:
    return {
        "town": "point",
        "district": "point",
        "area": "area",
        "region": "region",
        "country": "country",
    }.get(kind or "", "unknown")
