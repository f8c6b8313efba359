"""Loading a JSON export (``claims export --format json``) back into a store.

Into an empty store the export is restored as it was: events, estimates, link reasons,
findings and analysts' decisions included, so exporting again gives the same document. Into a
store that already holds data, the sources, claims and decisions not yet stored are added and
their neighbourhood relinked; findings then wait for the next ``claims verify``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from claimtrack.errors import ClaimtrackError, ExportError, InputError
from claimtrack.linking import link_window
from claimtrack.models import Claim, ClaimEvent, Event, Finding, Override, Party, Source
from claimtrack.schemas import validate_document
from claimtrack.store import session_scope

Json = dict[str, Any]


@dataclass
class ImportResult:
    restored: bool  # True: the store was empty and now holds the export exactly
    sources: int = 0
    claims: int = 0
    skipped_sources: int = 0
    new_source_ids: tuple[str, ...] = ()


def read_export(path: Path) -> Json:
    """The export document in ``path``, validated; one-line errors name the file."""
    origin = str(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InputError(origin, "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(origin, f"cannot read it ({exc.__class__.__name__})") from None
    except json.JSONDecodeError as exc:
        raise InputError(origin, f"not JSON (line {exc.lineno}: {exc.msg})") from None
    try:
        validate_document(document, "export")
    except ExportError as exc:
        raise InputError(origin, f"not a claimtrack export: {exc}") from None
    texts = {s["id"]: s["text"] for s in document["sources"]}
    for claim in document["claims"]:
        start, end = claim["span"]
        if texts.get(claim["source"], "")[start:end] != claim["quote"]:
            raise InputError(origin, f"claim {claim['id']}: its span does not hold its quote")
    return document


def import_export(engine: Engine, document: Json) -> ImportResult:
    """Store the export's content in one transaction (nothing is stored if anything fails)."""
    with session_scope(engine) as session:
        empty = session.exec(select(func.count()).select_from(Source)).one() == 0
        known_hashes = set(session.exec(select(Source.sha256)))
        known_parties = set(session.exec(select(Party.id)))
        sources = [s for s in document["sources"] if s["sha256"] not in known_hashes]
        new_ids = {s["id"] for s in sources}
        for s in sources:
            session.add(_source(s))
        for p in document["parties"]:
            if p["id"] not in known_parties:
                session.add(Party(id=p["id"], name=p["name"], kind=p["kind"],
                                  affiliation=p.get("affiliation"),
                                  aliases=list(p.get("aliases", [])),
                                  contributed_by=p.get("contributed_by")))
        session.flush()
        claims = [c for c in document["claims"] if c["source"] in new_ids]
        for c in claims:
            session.add(_claim(c))
        session.flush()
        if empty:
            _restore_links(session, document)
        _add_decisions(session, document.get("overrides", []), renumber=not empty)
    return ImportResult(restored=empty, sources=len(sources), claims=len(claims),
                        skipped_sources=len(document["sources"]) - len(sources),
                        new_source_ids=tuple(sorted(new_ids)))


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _source(s: Json) -> Source:
    published = s["published"]
    return Source(
        id=s["id"], sha256=s["sha256"], outlet=s["outlet"], url=s.get("url"),
        title=s.get("title"), published_start=_day(published["start"]),
        published_end=_day(published["end"]), published_precision=published["precision"],
        published_text=published["text"], language=s.get("language", "ar"), text=s["text"],
        origin="import", status="ok",
    )


def _claim(c: Json) -> Claim:
    said, when = c["said_on"], c["event_date"]
    parts = c.get("parts") or {}
    link_start, link_end = link_window(_day(when["start"]), _day(when["end"]), parts)
    return Claim(
        id=c["id"], source_id=c["source"], party_id=c["party"], attribution=c["attribution"],
        outlet=c["outlet"], kind=c["kind"], value=c["value"], qualifier=c["qualifier"],
        vague=c["vague"], stance=c["stance"],
        said_start=_day(said["start"]), said_end=_day(said["end"]),
        said_precision=said["precision"], said_text=said["text"],
        event_start=_day(when["start"]), event_end=_day(when["end"]),
        event_precision=when["precision"], event_text=when["text"],
        place=c.get("place"), perpetrator=c.get("perpetrator"), target=c.get("target"),
        denies_id=c.get("denies"), incident=c.get("incident"), parts=parts,
        link_start=link_start, link_end=link_end,
        span_start=c["span"][0], span_end=c["span"][1], quote=c["quote"],
        extractor=c["extractor"]["name"], extractor_version=c["extractor"]["version"],
    )


def _restore_links(session: Session, document: Json) -> None:
    for e in document["events"]:
        d, place, killed = e["date"], e["place"], e["estimate"]["killed"]
        session.add(Event(
            id=e["id"], kind=e["kind"], perpetrator=e.get("perpetrator"), target=e.get("target"),
            date_start=_day(d["start"]), date_end=_day(d["end"]), date_precision=d["precision"],
            date_text=d["text"], place=place.get("name"), lat=place.get("lat"),
            lon=place.get("lon"), place_precision=place.get("precision", "unknown"),
            radius_km=place.get("radius_km"), killed_low=killed.get("low"),
            killed_best=killed.get("best"), killed_high=killed.get("high"),
            killed_rule=killed.get("rule", ""), grade=e["grade"],
        ))
    session.flush()
    reasons = {(r["claim"], e["id"]): r["reason"]
               for e in document["events"] for r in e.get("link_reasons", [])}
    for c in document["claims"]:
        if c.get("event"):
            session.add(ClaimEvent(claim_id=c["id"], event_id=c["event"], role="about",
                                   reason=reasons.get((c["id"], c["event"]), "")))
        for eid in c.get("events", []):
            if eid != c.get("event"):
                session.add(ClaimEvent(claim_id=c["id"], event_id=eid, role="part",
                                       reason=reasons.get((c["id"], eid), "")))
    for f in document["findings"]:
        session.add(Finding(id=f["id"], verifier=f["verifier"], check=f["check"],
                            subject=list(f["subject"]), grade=f["grade"], outcome=f["outcome"],
                            reason=f["reason"], claims=list(f["claims"]),
                            details=dict(f.get("details", {}))))


def _add_decisions(session: Session, decisions: list[Json], renumber: bool) -> None:
    next_id = (session.exec(select(func.max(Override.id))).one() or 0) + 1
    known = {(o.action, tuple(o.claims), o.anchor)
             for o in session.exec(select(Override).order_by(col(Override.id)))}
    for d in sorted(decisions, key=lambda d: d["id"]):
        key = (d["action"], tuple(d["claims"]), d.get("anchor"))
        if key in known:
            continue  # importing the same export twice must not replay a decision twice
        known.add(key)
        session.add(Override(
            id=next_id if renumber else d["id"], action=d["action"], claims=list(d["claims"]),
            anchor=d.get("anchor"), note=d.get("note", ""),
            created_at=_when(d.get("created_at")),
        ))
        next_id = (next_id if renumber else d["id"]) + 1


def _when(value: str | None) -> datetime:
    if not value:
        return datetime.now(UTC)
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ClaimtrackError(f"decision date {value!r} is not RFC 3339") from None
