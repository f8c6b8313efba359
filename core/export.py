"""The JSON export document (the contract in schemas/export.schema.json) built from the store."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine
from sqlmodel import col, select

from claimtrack import __version__
from claimtrack.models import Claim, ClaimEvent, Event, Finding, Override, Party, Source
from claimtrack.schemas import validate_document
from claimtrack.store import session_scope


def date_object(start: date | None, end: date | None, precision: str, text: str) -> dict:
    return {
        "start": start.isoformat() if start else None,
        "end": end.isoformat() if end else None,
        "precision": precision or "unknown",
        "text": text or "",
    }


def precision_codes(event: Event) -> dict[str, int]:
    """ACLED and UCDP precision codes from the event's date window and place kind."""
    days = None
    if event.date_start and event.date_end:
        days = (event.date_end - event.date_start).days + 1
    if event.date_precision == "day" or days == 1:
        acled_time, ucdp_date = 1, 1
    elif days is not None and days <= 7:
        acled_time, ucdp_date = 2, 2 if days <= 6 else 3
    elif days is not None and days <= 31:
        acled_time, ucdp_date = 3, 4
    else:
        acled_time, ucdp_date = 3, 5
    acled_geo, ucdp_where = {
        "point": (1, 1),
        "area": (2, 2),
        "region": (3, 4),
        "country": (3, 6),
    }.get(event.place_precision, (3, 6))
    return {"acled_time": acled_time, "acled_geo": acled_geo,
            "ucdp_date_prec": ucdp_date, "ucdp_where_prec": ucdp_where}


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def build_export(engine: Engine) -> dict[str, Any]:
    with session_scope(engine) as session:
        ok = select(Source).where(Source.status == "ok").order_by(Source.id)
        sources = list(session.exec(ok))
        source_ids = {s.id for s in sources}
        claims = [
            c for c in session.exec(select(Claim).order_by(Claim.source_id, Claim.span_start,
                                                           Claim.id))
            if c.source_id in source_ids
        ]
        parties = list(session.exec(select(Party).order_by(Party.id)))
        # Undated events last on every backend (SQLite and PostgreSQL disagree by default).
        by_date = col(Event.date_start).asc().nulls_last()
        events = list(session.exec(select(Event).order_by(by_date, col(Event.id))))
        links = list(session.exec(select(ClaimEvent).order_by(ClaimEvent.event_id,
                                                              ClaimEvent.claim_id)))
        findings = list(session.exec(select(Finding).order_by(Finding.id)))
        decisions = list(session.exec(select(Override).order_by(Override.id)))

    about: dict[str, str] = {}
    parts: dict[str, list[str]] = {}
    event_claims: dict[str, list[str]] = {}
    reasons: dict[str, list[dict[str, str]]] = {}
    claim_source = {c.id: c.source_id for c in claims}
    for link in links:
        if link.role == "about":
            about[link.claim_id] = link.event_id
            event_claims.setdefault(link.event_id, []).append(link.claim_id)
        else:
            parts.setdefault(link.claim_id, []).append(link.event_id)
        reasons.setdefault(link.event_id, []).append({"claim": link.claim_id,
                                                      "reason": link.reason})

    return {
        "claimtrack_version": __version__,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "sources": [
            {
                "id": s.id,
                "outlet": s.outlet,
                "url": s.url,
                "title": s.title,
                "published": date_object(s.published_start, s.published_end,
                                         s.published_precision, s.published_text),
                "language": s.language,
                "sha256": s.sha256,
                "text": s.text,
            }
            for s in sources
        ],
        "parties": [
            {
                "id": p.id,
                "name": p.name,
                "kind": p.kind,
                "affiliation": p.affiliation,
                "aliases": list(p.aliases),
                "contributed_by": p.contributed_by,
            }
            for p in parties
        ],
        "claims": [
            {
                "id": c.id,
                "source": c.source_id,
                "party": c.party_id,
                "outlet": c.outlet,
                "kind": c.kind,
                "value": _number(c.value),
                "qualifier": c.qualifier,
                "vague": c.vague,
                "stance": c.stance,
                "said_on": date_object(c.said_start, c.said_end, c.said_precision, c.said_text),
                "event_date": date_object(c.event_start, c.event_end, c.event_precision,
                                          c.event_text),
                "place": c.place,
                "target": c.target,
                "perpetrator": c.perpetrator,
                "incident": c.incident,
                "parts": c.parts or {},
                "attribution": c.attribution,
                "denies": c.denies_id,
                "event": about.get(c.id),
                "events": sorted(parts.get(c.id, [])),
                "quote": c.quote,
                "span": [c.span_start, c.span_end],
                "extractor": {"name": c.extractor, "version": c.extractor_version},
            }
            for c in claims
        ],
        "events": [
            {
                "id": e.id,
                "kind": e.kind,
                "perpetrator": e.perpetrator,
                "target": e.target,
                "date": date_object(e.date_start, e.date_end, e.date_precision, e.date_text),
                "place": {"name": e.place, "lat": e.lat, "lon": e.lon,
                          "precision": e.place_precision, "radius_km": e.radius_km},
                "precision_codes": precision_codes(e),
                "claims": sorted(event_claims.get(e.id, [])),
                "sources": sorted({claim_source[c] for c in event_claims.get(e.id, [])
                                   if c in claim_source}),
                "estimate": {"killed": {"low": e.killed_low, "best": e.killed_best,
                                        "high": e.killed_high, "rule": e.killed_rule}},
                "grade": e.grade,
                "link_reasons": reasons.get(e.id, []),
            }
            for e in events
        ],
        "findings": [
            {
                "id": f.id,
                "verifier": f.verifier,
                "check": f.check,
                "subject": list(f.subject),
                "grade": f.grade,
                "outcome": f.outcome,
                "reason": f.reason,
                "claims": list(f.claims),
                "details": f.details,
            }
            for f in findings
        ],
        "overrides": [
            {
                "id": o.id,
                "action": o.action,
                "claims": list(o.claims),
                "anchor": o.anchor,
                "note": o.note,
                "created_at": o.created_at.isoformat(timespec="seconds"),
            }
            for o in decisions
        ],
    }


def export_document(engine: Engine) -> dict[str, Any]:
    """The export, validated: raises ``ExportError`` rather than hand out an invalid one."""
    document = build_export(engine)
    validate_document(document, "export")
    return document
