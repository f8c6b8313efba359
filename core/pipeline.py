"""The ingest pipeline: decode → choose the outlet → clean → extract → store, then link events.

One transaction per document: a document is either stored whole with its claims, recorded as
failed (with the plugin and the reason), or recognised as already known and left alone.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from sqlalchemy import Engine

from claimtrack.arabic_dates import DateValue, latest_absolute_date, parse_date
from claimtrack.documents import CleanDocument, RawDocument
from claimtrack.errors import PluginError
from claimtrack.extraction import ClaimDraft, check_draft
from claimtrack.gazetteer import Gazetteer
from claimtrack.linking import link_window
from claimtrack.models import Claim, Party, Source
from claimtrack.plugins import PluginManager
from claimtrack.store import delete_source, save_parties, session_scope, source_by_hash

OUTLET_THRESHOLD = 0.5


@dataclass
class Outcome:
    origin: str
    status: str  # new | known | failed
    claims: int = 0
    source_id: str | None = None
    error: str | None = None
    plugin: str | None = None
    warnings: list[str] = field(default_factory=list)


def build_gazetteer(pm: PluginManager) -> Gazetteer:
    gazetteer = Gazetteer()
    pm.call_register("register_parties",
                     lambda name: partial(gazetteer.add_party, contributed_by=name))
    pm.call_register("register_places",
                     lambda name: partial(gazetteer.add_place, contributed_by=name))
    return gazetteer


def outlets(pm: PluginManager) -> dict[str, dict[str, str]]:
    """Outlets declared through ``register_outlets``: id → {name, language, plugin}."""
    found: dict[str, dict[str, str]] = {}

    def make_register(plugin: str) -> Callable[..., None]:
        def register(id: str, name: str, language: str = "ar",
                     homepage: str | None = None) -> None:
            found[id] = {"name": name, "language": language, "plugin": plugin,
                         "homepage": homepage or ""}

        return register

    pm.call_register("register_outlets", make_register)
    return found


def slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", value.lower()).strip("_") or "unknown"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def claim_id(sha256: str, draft: ClaimDraft) -> str:
    key = "|".join(
        str(part)
        for part in (sha256, *draft.span, draft.kind, draft.party, draft.value, draft.stance,
                     draft.target)
    )
    return "c_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


class Ingestor:
    def __init__(
        self,
        engine: Engine,
        pm: PluginManager,
        *,
        outlet: str | None = None,
        published: str | None = None,
        url: str | None = None,
    ) -> None:
        self.engine = engine
        self.pm = pm
        self.gazetteer = build_gazetteer(pm)
        self.outlets = outlets(pm)
        self.force_outlet = outlet
        self.force_published = published
        self.force_url = url
        for outlet_id, info in self.outlets.items():
            self.gazetteer.ensure_party(outlet_id, info["name"], "outlet", None, info["plugin"])

    # -- one document --

    def ingest(self, raw: RawDocument) -> Outcome:
        if self.force_outlet:
            raw.outlet = self.force_outlet
        if self.force_published:
            raw.published = self.force_published
        if self.force_url:
            raw.url = self.force_url
        sha = content_hash(raw.text)
        with session_scope(self.engine) as session:
            existing = source_by_hash(session, sha)
            if existing is not None and existing.status == "ok":
                return Outcome(raw.origin, "known", source_id=existing.id)
        try:
            source, claims, warnings = self._process(raw, sha)
        except PluginError as exc:
            return self._record_failure(raw, sha, exc)
        with session_scope(self.engine) as session:
            existing = source_by_hash(session, sha)
            if existing is not None:
                if existing.status == "ok":  # another worker stored it meanwhile
                    return Outcome(raw.origin, "known", source_id=existing.id)
                delete_source(session, existing)
            save_parties(session, self._parties_for(claims))
            session.add(source)
            session.flush()
            session.add_all(claims)
        return Outcome(raw.origin, "new", len(claims), source.id, warnings=warnings)

    def _process(self, raw: RawDocument, sha: str) -> tuple[Source, list[Claim], list[str]]:
        warnings: list[str] = []
        outlet = self._choose_outlet(raw)
        plugin, clean = self.pm.call_first("clean_document", document=raw, outlet=outlet)
        if not isinstance(clean, CleanDocument):
            raise PluginError(plugin or "clean_document", "no plugin cleaned the document")
        clean.url = raw.url or clean.url
        clean.published = self._publication_date(raw, clean, warnings)
        if outlet not in self.gazetteer.parties:
            self.gazetteer.ensure_party(outlet, outlet, "outlet")

        source = Source(
            id="s_" + sha[:16],
            sha256=sha,
            outlet=outlet,
            url=clean.url,
            title=raw.title or clean.title,
            published_start=clean.published.start,
            published_end=clean.published.end,
            published_precision=clean.published.precision,
            published_text=clean.published.text,
            language=clean.language,
            text=raw.text,
            origin=raw.origin,
        )
        claims: dict[str, Claim] = {}
        for name, drafts in self.pm.call_each(
            "extract_claims", document=clean, gazetteer=self.gazetteer
        ):
            version = self.pm.versions.get(name, "?")
            ids: list[str] = []
            for draft in drafts or []:
                check_draft(draft, raw.text, name)
                ids.append(claim_id(sha, draft))
            for draft, cid in zip(drafts or [], ids, strict=True):
                if draft.denies is not None and not 0 <= draft.denies < len(ids):
                    raise PluginError(name, f"claim denies index {draft.denies}, out of range")
                denied = ids[draft.denies] if draft.denies is not None else None
                claims.setdefault(cid, _claim_row(cid, source, draft, denied, name, version))
        return source, list(claims.values()), warnings

    def _choose_outlet(self, raw: RawDocument) -> str:
        if raw.outlet:
            return slug(raw.outlet)
        best: tuple[float, str] | None = None
        for _name, answer in self.pm.call_each("score_outlet", document=raw):
            if not answer:
                continue
            outlet_id, score = answer
            if best is None or score > best[0]:
                best = (float(score), outlet_id)
        if best and best[0] >= OUTLET_THRESHOLD:
            return best[1]
        if raw.url and "://" in raw.url:
            host = raw.url.split("://", 1)[1].split("/", 1)[0].removeprefix("www.")
            return slug(host.rsplit(".", 1)[0]) if "." in host else slug(host)
        return "unknown_outlet"

    def _publication_date(
        self, raw: RawDocument, clean: CleanDocument, warnings: list[str]
    ) -> DateValue:
        if raw.published:
            value = parse_date(str(raw.published))
            if value is not None and value.start is not None:
                return value
            warnings.append(f"published date {raw.published!r} is not a date; ignored")
        if clean.published is not None and clean.published.start is not None:
            return clean.published
        bound = latest_absolute_date(raw.text)
        if bound is not None:
            return DateValue(bound, None, "window", f"not before {bound.isoformat()}")
        return DateValue.unknown()

    def _parties_for(self, claims: list[Claim]) -> list[Party]:
        wanted: set[str] = set()
        for claim in claims:
            for party_id in (claim.party_id, claim.perpetrator):
                while party_id and party_id not in wanted:
                    wanted.add(party_id)
                    entry = self.gazetteer.parties.get(party_id)
                    party_id = entry.affiliation if entry else None
        rows = []
        for party_id in sorted(wanted):
            entry = self.gazetteer.parties.get(party_id)
            if entry is None:
                rows.append(Party(id=party_id, name=party_id, kind="organisation"))
            else:
                rows.append(
                    Party(id=entry.id, name=entry.name, kind=entry.kind,
                          affiliation=entry.affiliation, aliases=list(entry.aliases),
                          contributed_by=entry.contributed_by)
                )
        return rows

    def _record_failure(self, raw: RawDocument, sha: str, exc: PluginError) -> Outcome:
        with session_scope(self.engine) as session:
            existing = source_by_hash(session, sha)
            if existing is not None:
                delete_source(session, existing)
            session.add(
                Source(id="s_" + sha[:16], sha256=sha, outlet=slug(raw.outlet or "unknown"),
                       url=raw.url, title=raw.title, text=raw.text, origin=raw.origin,
                       status="failed", error=exc.reason, failed_plugin=exc.plugin)
            )
        return Outcome(raw.origin, "failed", error=str(exc), plugin=exc.plugin)


def _claim_row(
    cid: str, source: Source, draft: ClaimDraft, denied: str | None, plugin: str, version: str
) -> Claim:
    said, when = draft.said_on, draft.event_date
    parts: dict = {}
    if draft.part_count is not None or draft.part_dates:
        parts = {"count": draft.part_count, "dates": [d.as_dict() for d in draft.part_dates]}
    link_start, link_end = link_window(when.start, when.end, parts)
    return Claim(
        id=cid,
        source_id=source.id,
        party_id=draft.party,
        attribution=draft.attribution,
        outlet=source.outlet,
        kind=draft.kind,
        value=draft.value,
        qualifier=draft.qualifier,
        vague=draft.vague,
        stance=draft.stance,
        said_start=said.start,
        said_end=said.end,
        said_precision=said.precision,
        said_text=said.text,
        event_start=when.start,
        event_end=when.end,
        event_precision=when.precision,
        event_text=when.text,
        place=draft.place,
        perpetrator=draft.perpetrator,
        target=draft.target,
        denies_id=denied,
        incident=str(draft.extra["incident"]) if "incident" in draft.extra else None,
        parts=parts,
        link_start=link_start,
        link_end=link_end,
        span_start=draft.span[0],
        span_end=draft.span[1],
        quote=draft.quote,
        extractor=plugin,
        extractor_version=version,
    )

