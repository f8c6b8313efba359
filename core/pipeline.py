"""The ingest pipeline: decode → choose the outlet → clean → extract → store, then link events.

The work on a document is split so that it can run in parallel. ``Ingestor.prepare`` does
everything that needs no store (outlet, cleaning, extraction, the checks on what plugins
return) and can run in worker processes; ``Writer`` stores prepared documents in batches, one
transaction per batch of whole documents. A document is stored whole with its claims, recorded
as failed (with the plugin and the reason), or recognised as already known and left alone. A
crash loses at most the batch being written, and the next run redoes exactly that.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import re
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from itertools import islice
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from claimtrack.arabic_dates import DateValue, latest_absolute_date, parse_date
from claimtrack.documents import CleanDocument, RawDocument
from claimtrack.errors import ClaimtrackError, InputError, PluginError
from claimtrack.extraction import ClaimDraft, check_draft
from claimtrack.gazetteer import Gazetteer
from claimtrack.linking import link_window
from claimtrack.models import Claim, Party, Source
from claimtrack.plugins import PluginManager
from claimtrack.store import (
    clear_failures,
    complete_row,
    insert_new,
    known_hashes,
    session_scope,
)

OUTLET_THRESHOLD = 0.5
EARLIEST = date(1900, 1, 1)  # a publication date before this is a typo, not an archive
DEFAULT_TIMEOUT = 30.0  # seconds of plugin work on one document before it is given up
BATCH_SIZE = 200  # documents per write transaction
FLUSH_SECONDS = 2.0  # ... or fewer, when documents arrive slowly
CHECK_EVERY = 64  # documents whose hashes are looked up in the store at once


@dataclass
class Outcome:
    origin: str
    status: str  # new | known | failed
    claims: int = 0
    source_id: str | None = None
    error: str | None = None
    plugin: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class Prepared:
    """A document ready to store: plain rows, cheap to send between processes."""

    origin: str
    sha256: str
    source: dict[str, Any]
    claims: list[dict[str, Any]] = field(default_factory=list)
    parties: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None  # set when a plugin failed; the source row then says so
    plugin: str | None = None


class PluginTimeout(Exception):
    """A plugin was still working on a document when its time ran out."""


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


def source_id(sha256: str) -> str:
    return "s_" + sha256[:16]


def claim_id(sha256: str, draft: ClaimDraft) -> str:
    parts: list[object] = [sha256, *draft.span, draft.kind, draft.party, draft.value,
                           draft.stance, draft.target]
    if draft.extra.get("incident") is not None:
        # One sentence may say the same of several strikes ("neither strike hurt civilians").
        parts.append(f"incident={draft.extra['incident']}")
    key = "|".join(str(part) for part in parts)
    return "c_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``PluginTimeout`` inside whatever runs longer than ``seconds``.

    A POSIX interval timer on the main thread: the handler raises in the middle of the plugin
    call, so ``PluginManager.call_each`` names the plugin that was running. Elsewhere (another
    thread, no SIGALRM) there is no limit. Code stuck inside one C call (a regular expression
    that backtracks for ever) only sees the signal when that call returns.
    """
    if (not seconds or seconds <= 0 or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()):
        yield
        return

    def expire(_signum: int, _frame: Any) -> None:
        raise PluginTimeout(f"still running after {seconds:g} s on this document "
                            "(the --timeout limit)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class Ingestor:
    def __init__(
        self,
        engine: Engine | None,
        pm: PluginManager,
        *,
        outlet: str | None = None,
        published: str | None = None,
        url: str | None = None,
        timeout: float | None = DEFAULT_TIMEOUT,
    ) -> None:
        self.engine = engine
        self.pm = pm
        self.gazetteer = build_gazetteer(pm)
        self.outlets = outlets(pm)
        self.force_outlet = outlet
        self.force_published = published
        self.force_url = url
        self.timeout = timeout
        for outlet_id, info in self.outlets.items():
            self.gazetteer.ensure_party(outlet_id, info["name"], "outlet", None, info["plugin"])

    # -- one document --

    def ingest(self, raw: RawDocument) -> Outcome:
        """Prepare and store one document now (``ingest_stream`` does many, in batches)."""
        assert self.engine is not None, "an Ingestor without a store can only prepare"
        sha = content_hash(raw.text)
        if sha in known_hashes(self.engine, [sha]):
            return Outcome(raw.origin, "known", source_id=source_id(sha))
        return Writer(self.engine).store([self.prepare(raw)])[0]

    def prepare(self, raw: RawDocument) -> Prepared:
        """Everything but storing: outlet, cleaning, extraction and checks, in a time limit."""
        if self.force_outlet:
            raw.outlet = self.force_outlet
        if self.force_published:
            raw.published = self.force_published
        if self.force_url:
            raw.url = self.force_url
        sha = content_hash(raw.text)
        try:
            try:
                with time_limit(self.timeout):
                    source, claims, warnings = self._process(raw, sha)
            except PluginTimeout as exc:  # ran out between two plugin calls: the core's time
                raise PluginError("claimtrack", str(exc)) from exc
        except PluginError as exc:
            row = complete_row(Source, {
                "id": source_id(sha), "sha256": sha, "outlet": slug(raw.outlet or "unknown"),
                "url": raw.url, "title": raw.title, "text": raw.text, "origin": raw.origin,
                "status": "failed", "error": exc.reason, "failed_plugin": exc.plugin})
            return Prepared(raw.origin, sha, row, error=str(exc), plugin=exc.plugin)
        return Prepared(raw.origin, sha, source, claims, self._parties_for(claims), warnings)

    def _process(self, raw: RawDocument, sha: str
                 ) -> tuple[dict[str, Any], list[dict[str, Any]], list[str]]:
        warnings: list[str] = list(raw.warnings)
        outlet = self._choose_outlet(raw)
        plugin, clean = self.pm.call_first("clean_document", document=raw, outlet=outlet)
        if not isinstance(clean, CleanDocument):
            raise PluginError(plugin or "clean_document", "no plugin cleaned the document")
        clean.url = raw.url or clean.url
        clean.published = self._publication_date(raw, clean, warnings)
        if outlet not in self.gazetteer.parties:
            self.gazetteer.ensure_party(outlet, outlet, "outlet")

        source = complete_row(Source, {
            "id": source_id(sha),
            "sha256": sha,
            "outlet": outlet,
            "url": clean.url,
            "title": raw.title or clean.title,
            "published_start": clean.published.start,
            "published_end": clean.published.end,
            "published_precision": clean.published.precision,
            "published_text": clean.published.text,
            "language": clean.language,
            "text": raw.text,
            "origin": raw.origin,
        })
        claims: dict[str, dict[str, Any]] = {}
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
                if cid not in claims:
                    claims[cid] = _claim_row(cid, source, draft, denied, name, version)
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
            if value is None or value.start is None:
                warnings.append(f"published date {raw.published!r} is not a date; ignored")
            elif not EARLIEST <= value.start <= date.today() + timedelta(days=366):
                warnings.append(f"published date {raw.published!r} is not plausible (before "
                                f"{EARLIEST.year} or over a year ahead); ignored")
            else:
                return value
        if clean.published is not None and clean.published.start is not None:
            return clean.published
        bound = latest_absolute_date(raw.text)
        if bound is not None:
            return DateValue(bound, None, "window", f"not before {bound.isoformat()}")
        return DateValue.unknown()

    def _parties_for(self, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
        wanted: set[str] = set()
        for claim in claims:
            for party_id in (claim["party_id"], claim["perpetrator"]):
                while party_id and party_id not in wanted:
                    wanted.add(party_id)
                    entry = self.gazetteer.parties.get(party_id)
                    party_id = entry.affiliation if entry else None
        rows = []
        for party_id in sorted(wanted):
            entry = self.gazetteer.parties.get(party_id)
            if entry is None:
                rows.append(complete_row(Party, {"id": party_id, "name": party_id,
                                                 "kind": "organisation"}))
            else:
                rows.append(complete_row(Party, {
                    "id": entry.id, "name": entry.name, "kind": entry.kind,
                    "affiliation": entry.affiliation, "aliases": list(entry.aliases),
                    "contributed_by": entry.contributed_by}))
        return rows


class Writer:
    """Stores prepared documents, a batch per transaction, next to other writers."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def store(self, batch: list[Prepared]) -> list[Outcome]:
        for attempt in range(4):
            try:
                return self._store(batch)
            except OperationalError as exc:
                # PostgreSQL may pick this transaction as a deadlock victim: it rolled back
                # whole, so trying again is safe.
                code = getattr(exc.orig, "sqlstate", None)
                if attempt == 3 or code not in ("40P01", "40001"):
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def _store(self, batch: list[Prepared]) -> list[Outcome]:
        if not batch:
            return []
        first: dict[str, Prepared] = {}
        for prepared in batch:
            first.setdefault(prepared.sha256, prepared)
        unique = list(first.values())
        with session_scope(self.engine) as session:
            clear_failures(session, [p.sha256 for p in unique])
            parties = {row["id"]: row for p in unique if p.error is None for row in p.parties}
            insert_new(session, Party, list(parties.values()), report=False)
            inserted = insert_new(session, Source, [p.source for p in unique])
            insert_new(session, Claim, [claim for p in unique if p.error is None
                                        and p.source["id"] in inserted for claim in p.claims],
                       report=False)
        outcomes = []
        for prepared in batch:
            sid = prepared.source["id"]
            if first[prepared.sha256] is not prepared or sid not in inserted:
                # A copy earlier in the batch, or another process, stored it first.
                outcomes.append(Outcome(prepared.origin, "known", source_id=sid))
            elif prepared.error is not None:
                outcomes.append(Outcome(prepared.origin, "failed", error=prepared.error,
                                        plugin=prepared.plugin, source_id=sid))
            else:
                outcomes.append(Outcome(prepared.origin, "new", len(prepared.claims), sid,
                                        warnings=prepared.warnings))
        return outcomes


# -- many documents --

Item = RawDocument | InputError | str  # a str is a one-document file, read where it is handled
TASK_SIZE = 32  # items a worker reads, extracts and writes in one go (one transaction)


@dataclass
class _Slot:
    """One input item on its way through, in input order."""

    outcome: Outcome | None = None
    prepared: Prepared | None = None


def ingest_stream(
    ingestor: Ingestor,
    items: Iterable[Item],
    *,
    workers: int = 1,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Outcome]:
    """Ingest items as they come and yield one outcome per item, in input order.

    Memory stays flat: a bounded number of documents is in flight. With ``workers`` > 1, each
    worker process reads, extracts and writes a task of items on its own connection, and this
    process only hands tasks out and reports; the rows are content-derived and inserted with
    ``ON CONFLICT DO NOTHING``, so the store ends up the same as after a serial run.
    """
    if workers > 1:
        yield from _parallel(ingestor, items, workers)
        return
    assert ingestor.engine is not None
    engine = ingestor.engine
    writer = Writer(engine)
    ready: list[_Slot] = []  # in input order, not written yet
    last_write = time.monotonic()
    for chunk in _chunks(_read_paths(items), CHECK_EVERY):
        ready += _triage(ingestor, engine, chunk)
        pending = sum(1 for s in ready if s.prepared is not None)
        if pending >= batch_size or time.monotonic() - last_write > FLUSH_SECONDS:
            yield from _write(writer, ready)
            last_write = time.monotonic()
    while ready:
        yield from _write(writer, ready, batch_size)


def _read_paths(items: Iterable[Item]) -> Iterator[RawDocument | InputError]:
    from claimtrack.documents import read_documents

    for item in items:
        if isinstance(item, str):
            yield from read_documents(item)
        else:
            yield item


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _triage(ingestor: Ingestor, engine: Engine,
            chunk: list[RawDocument | InputError]) -> list[_Slot]:
    """Errors and known documents settle here; the rest are prepared."""
    hashes = {id(i): content_hash(i.text) for i in chunk if isinstance(i, RawDocument)}
    known = known_hashes(engine, sorted(set(hashes.values())))
    slots = []
    for item in chunk:
        if isinstance(item, InputError):
            slots.append(_Slot(Outcome(item.origin, "failed", error=item.reason)))
        elif hashes[id(item)] in known:
            sid = source_id(hashes[id(item)])
            slots.append(_Slot(Outcome(item.origin, "known", source_id=sid)))
        else:
            slots.append(_Slot(prepared=ingestor.prepare(item)))
    return slots


def _write(writer: Writer, ready: list[_Slot], limit: int | None = None) -> Iterator[Outcome]:
    """Store the prepared documents at the front of ``ready`` and yield their outcomes."""
    count = 0
    cut = len(ready)
    for index, slot in enumerate(ready):
        if slot.prepared is not None:
            count += 1
            if limit is not None and count > limit:
                cut = index
                break
    taken = ready[:cut]
    del ready[:cut]
    stored = iter(writer.store([s.prepared for s in taken if s.prepared is not None]))
    for slot in taken:
        yield slot.outcome if slot.outcome is not None else next(stored)


def _parallel(ingestor: Ingestor, items: Iterable[Item], workers: int) -> Iterator[Outcome]:
    assert ingestor.engine is not None
    url = ingestor.engine.url.render_as_string(hide_password=False)
    pool = _pool(ingestor, url, workers)
    in_flight: deque[Future[list[Outcome]]] = deque()
    try:
        for task in _chunks(items, TASK_SIZE):
            in_flight.append(pool.submit(_run_task, task))
            while len(in_flight) > 2 * workers or (in_flight and in_flight[0].done()):
                yield from in_flight.popleft().result()  # the oldest: keeps input order
        while in_flight:
            yield from in_flight.popleft().result()
    except BrokenProcessPool as exc:
        raise ClaimtrackError("a worker process died; what was stored so far is kept, run "
                              "the same command again to go on") from exc
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# State of a worker process: its own Ingestor and its own connections to the store.
_WORKER: tuple[Ingestor, Engine] | None = None


def _pool(ingestor: Ingestor, url: str, workers: int) -> ProcessPoolExecutor:
    # fork hands each worker this process's plugins as loaded (including ones registered in
    # code) without importing anything again; where there is no fork, each worker loads them.
    if "fork" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("fork")
        return ProcessPoolExecutor(workers, mp_context=context, initializer=_start_forked,
                                   initargs=(ingestor, url))
    return ProcessPoolExecutor(workers, initializer=_start_spawned, initargs=(
        url, ingestor.force_outlet, ingestor.force_published, ingestor.force_url,
        ingestor.timeout))


def _start_forked(ingestor: Ingestor, url: str) -> None:
    from claimtrack.store import open_store

    global _WORKER
    if ingestor.engine is not None:
        ingestor.engine.dispose(close=False)  # the parent's connections stay the parent's
    engine = open_store(url)
    ingestor.engine = engine
    _WORKER = (ingestor, engine)


def _start_spawned(url: str, outlet: str | None, published: str | None, force_url: str | None,
                   timeout: float | None) -> None:
    from claimtrack.plugins import load_plugins
    from claimtrack.store import open_store

    global _WORKER
    engine = open_store(url)
    _WORKER = (Ingestor(engine, load_plugins(), outlet=outlet, published=published,
                        url=force_url, timeout=timeout), engine)


def _run_task(task: list[Item]) -> list[Outcome]:
    """In a worker: read, triage, extract and store one task; its outcomes in order."""
    assert _WORKER is not None
    ingestor, engine = _WORKER
    slots = _triage(ingestor, engine, list(_read_paths(task)))
    return list(_write(Writer(engine), slots))


def _claim_row(
    cid: str, source: dict[str, Any], draft: ClaimDraft, denied: str | None, plugin: str,
    version: str,
) -> dict[str, Any]:
    said, when = draft.said_on, draft.event_date
    parts: dict = {}
    if draft.part_count is not None or draft.part_dates:
        parts = {"count": draft.part_count, "dates": [d.as_dict() for d in draft.part_dates]}
    link_start, link_end = link_window(when.start, when.end, parts)
    return complete_row(Claim, dict(
        id=cid,
        source_id=source["id"],
        party_id=draft.party,
        attribution=draft.attribution,
        outlet=source["outlet"],
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
    ))

