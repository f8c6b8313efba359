"""The ``claims`` command line."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from claimtrack import __version__
from claimtrack.arabic_dates import parse_date
from claimtrack.arabic_text import normalize_key
from claimtrack.documents import JSONL_SUFFIXES, expand_paths, read_documents
from claimtrack.errors import ClaimtrackError, InputError
from claimtrack.exporters import export_formats
from claimtrack.hookspecs import HOOK_CONTRACT_VERSION
from claimtrack.linking import relink
from claimtrack.pipeline import (
    DEFAULT_TIMEOUT,
    Ingestor,
    Item,
    build_gazetteer,
    ingest_stream,
    outlets,
)
from claimtrack.plugins import PluginManager, load_plugins
from claimtrack.store import counts, open_store

app = typer.Typer(
    help="Track who claimed which figure about which incident in Arabic news, and verify it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Piped output gets a wide page rather than rich's 80 columns, so tables stay one row per line.
out = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="SQLite path or SQLAlchemy URL (default: $CLAIMS_DB or claims.db)."),
]


def fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"Error: {message}", markup=False)
    return typer.Exit(code)


@contextmanager
def progress_bar(total: int, enabled: bool) -> Iterator[Any]:
    """A progress bar on stderr, or a silent twin, so callers never branch on it."""
    if not enabled or total < 2:
        yield lambda: None
        return
    with Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                  console=err, transient=True) as bar:
        task = bar.add_task("ingest", total=total)
        yield lambda: bar.advance(task)


def _load() -> PluginManager:
    """The plugins, less any third-party one that breaks the gazetteer or the outlet list."""
    pm = load_plugins()
    try:
        pm.drop_breaking(lambda: (build_gazetteer(pm), outlets(pm), export_formats(pm)))
    except ClaimtrackError as exc:
        raise fail(str(exc)) from exc
    return pm


def _warn_failures(pm: PluginManager) -> None:
    for failure in pm.failures:
        err.print(f"Warning: failed to load plugin {failure.name!r}: {failure.reason}",
                  markup=False)


def _setup(db: str | None) -> tuple[Any, PluginManager]:
    pm = _load()
    _warn_failures(pm)
    try:
        engine = open_store(db)
    except ClaimtrackError as exc:
        raise fail(str(exc), 2) from exc
    return engine, pm


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or - for stdin.")],
    outlet: Annotated[str | None, typer.Option(help="Outlet id for every document.")] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date for every document (YYYY-MM-DD).")
    ] = None,
    url: Annotated[str | None, typer.Option(help="Source URL for every document.")] = None,
    workers: Annotated[int, typer.Option(
        "--workers", "-w", min=1, help="Processes extracting claims in parallel.")] = 1,
    timeout: Annotated[float, typer.Option(
        min=0, help="Seconds the plugins may spend on one document before it is recorded as "
        "failed (0: no limit).")] = DEFAULT_TIMEOUT,
    link: Annotated[bool, typer.Option(
        "--link/--no-link", help="Link the new claims to events once they are stored "
        "(--no-link leaves that to a later `claims verify --relink`).")] = True,
    db: DbOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only print errors.")] = False,
) -> None:
    """Read articles, extract their claims, store them and link them to events.

    Accepts .txt (with an optional NAME.meta.json sidecar holding url, published, outlet,
    title), .html and .jsonl (one {url, text|html, published, outlet, title} object a line).
    Ingesting an article already stored is a no-op; several ingests may write to one
    PostgreSQL store at once. Exit code 1 if some documents failed.
    """
    if published is not None:
        value = parse_date(published)
        if value is None or value.start is None:
            raise typer.BadParameter(f"{published!r} is not a date; use YYYY-MM-DD",
                                     param_hint="--published")
    engine, pm = _setup(db)
    ingestor = Ingestor(engine, pm, outlet=outlet, published=published, url=url,
                        timeout=timeout or None)
    show_bar = not quiet and sys.stderr.isatty()
    # Only a progress bar needs the number of files up front; otherwise paths stream.
    targets: Iterable[str | InputError] = (
        list(expand_paths(paths)) if show_bar else expand_paths(paths))
    tally: Counter[str] = Counter()
    new_claims = 0
    new_sources: list[str] = []
    with progress_bar(len(targets) if isinstance(targets, list) else 0, show_bar) as advance:
        documents = _documents(targets, advance)
        try:
            for o in ingest_stream(ingestor, documents, workers=workers):
                tally[o.status] += 1
                new_claims += o.claims
                if o.status == "new" and o.source_id:
                    new_sources.append(o.source_id)
                if o.status == "failed":
                    err.print(f"Error: {o.origin}: {o.error}", markup=False)
                elif o.status == "known" and not quiet:
                    out.print(f"{o.origin}: already stored as {o.source_id}, skipped",
                              markup=False)
                for warning in o.warnings:
                    err.print(f"Warning: {o.origin}: {warning}", markup=False)
        except ClaimtrackError as exc:
            raise fail(str(exc)) from exc
    events = "not linked (--no-link)"
    if link:
        try:
            events = str(relink(engine, pm, ingestor.gazetteer, sources=new_sources))
        except ClaimtrackError as exc:
            raise fail(f"linking events failed: {exc} (claims are stored; "
                       "`claims verify --relink` links them again)") from exc
    if not quiet:
        out.print(
            f"Documents: {tally['new']} new, {tally['known']} already known, "
            f"{tally['failed']} failed. Claims: {new_claims} new. Events: {events}.",
            markup=False,
        )
    if tally["failed"]:
        raise typer.Exit(1)


def _documents(targets: Iterable[str | InputError],
               advance: Callable[[], None]) -> Iterator[Item]:
    """What to ingest: a one-document file goes as its path, to be read where it is handled;
    JSON Lines and stdin are split into documents here."""
    for target in targets:
        if isinstance(target, InputError) or not _splits(target):
            yield target
        else:
            yield from read_documents(target)
        advance()


def _splits(target: str) -> bool:
    return target == "-" or Path(target).suffix.lower() in JSONL_SUFFIXES


@app.command()
def verify(
    db: DbOption = None,
    relink_all: Annotated[bool, typer.Option(
        "--relink", help="Rebuild every event first (after changing or upgrading the linker)."
    )] = False,
) -> None:
    """Run every verifier on the events, store the findings and print them per event.

    Events are kept up to date by `claims ingest`; --relink rebuilds them all first.
    """
    from claimtrack.verification import load_dataset, run_verifiers

    engine, pm = _setup(db)
    gazetteer = build_gazetteer(pm)
    try:
        if relink_all:
            relink(engine, pm, gazetteer)
        findings = run_verifiers(engine, pm, gazetteer)
    except ClaimtrackError as exc:
        raise fail(str(exc)) from exc
    dataset = load_dataset(engine, gazetteer)
    by_subject: dict[str, list[Any]] = {}
    for finding in findings:
        for subject in finding.subject:
            by_subject.setdefault(subject, []).append(finding)
    for view in dataset.events:
        e = view.event
        # Table titles are rich markup: escape so "[contested]" is shown, not read as a tag.
        table = Table(title=escape(_event_title(e)), title_justify="left", show_lines=False)
        for column in ("check", "grade", "reason"):
            table.add_column(column, overflow="fold")
        for finding in by_subject.get(e.id, []):
            table.add_row(finding.check, finding.grade, finding.reason)
        if table.row_count:
            out.print(table)
    other = [f for f in findings if not any(s.startswith("e_") for s in f.subject)]
    if other:
        table = Table(title="Claims", title_justify="left")
        for column in ("check", "grade", "reason"):
            table.add_column(column, overflow="fold")
        for finding in other:
            table.add_row(finding.check, finding.grade, finding.reason)
        out.print(table)
    out.print(f"{len(findings)} findings about {len(dataset.events)} events.", markup=False)


def _event_title(e: Any) -> str:
    when = e.date_start.isoformat() if e.date_start else "date unknown"
    if e.date_end and e.date_end != e.date_start:
        when += f"..{e.date_end.isoformat()}"
    estimate = ""
    if e.killed_best is not None or e.killed_high is not None:
        estimate = f", killed low {e.killed_low} / best {e.killed_best} / high {e.killed_high}"
    return (f"{e.id}  {when}  {e.place or 'place unknown'}  by {e.perpetrator or '?'}"
            f"  [{e.grade}]{estimate}")


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="json, claimreview or csv "
                                        "(see `claims plugins` for more).")] = "json",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write "
                                                "(default: stdout).")] = None,
    author: Annotated[str, typer.Option(help="Organisation named as ClaimReview author.")] = (
        "claimtrack"
    ),
    db: DbOption = None,
) -> None:
    """Write everything stored as JSON (validated against schemas/), ClaimReview or CSV."""
    from claimtrack.export import export_document

    engine, pm = _setup(db)
    formats = export_formats(pm)
    if format not in formats:
        raise typer.BadParameter(f"unknown format {format!r}; choose from "
                                 f"{', '.join(sorted(formats))}", param_hint="--format")
    try:
        document = export_document(engine)
        text = formats[format].writer(document, {"author": author})
    except ClaimtrackError as exc:
        raise fail(str(exc)) from exc
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"Wrote {format} export to {output}", markup=False)


@app.command()
def plugins(
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """List loaded plugins, their version, the hooks they implement and their outlets.

    Also counts the parties and places each one adds to the gazetteer (`claims gazetteer`
    lists them) and names every plugin that failed to load, with the reason.
    """
    pm = _load()
    outlet_map = outlets(pm)
    gazetteer = build_gazetteer(pm)
    parties = Counter(p.contributed_by for p in gazetteer.parties.values())
    places = Counter(p.contributed_by for p in gazetteer.places.values())
    rows = []
    for info in pm.info():
        owned = sorted(oid for oid, o in outlet_map.items() if o["plugin"] == info.name)
        rows.append({"name": info.name, "version": info.version, "builtin": info.builtin,
                     "hook_contract": info.contract, "hooks": list(info.hooks),
                     "outlets": owned, "parties": parties[info.name],
                     "places": places[info.name]})
    failures = [{"name": f.name, "reason": f.reason} for f in pm.failures]
    if as_json:
        document = {"hook_contract": HOOK_CONTRACT_VERSION, "plugins": rows,
                    "failed": failures}
        out.print(json.dumps(document, ensure_ascii=False, indent=2), markup=False)
        return
    table = Table(title=f"claimtrack plugins (hook contract {HOOK_CONTRACT_VERSION})",
                  title_justify="left")
    for column in ("name", "version", "hooks", "outlets", "gazetteer"):
        table.add_column(column, overflow="fold")
    for row in rows:
        added = ", ".join(f"{row[k]} {k}" for k in ("parties", "places") if row[k])
        table.add_row(row["name"], row["version"], ", ".join(row["hooks"]),
                      ", ".join(row["outlets"]), added)
    out.print(table)
    for failure in failures:
        err.print(f"Failed to load plugin {failure['name']!r}: {failure['reason']}",
                  markup=False)


class GazetteerKind(StrEnum):
    all = "all"
    parties = "parties"
    places = "places"


@app.command()
def gazetteer(
    kind: Annotated[GazetteerKind, typer.Option("--kind", help="List parties, places or "
                                                "both.")] = GazetteerKind.all,
    plugin: Annotated[str | None, typer.Option("--plugin", help="Only what this plugin "
                                               "contributed.")] = None,
    match: Annotated[str | None, typer.Option("--match", help="Only the entries this "
                                              "spelling resolves to, as the extractor "
                                              "would read it.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """List the canonical parties and places plugins contribute, and which plugin gave each.

    Outlets count as parties (the outlet speaks when no party is named); parties the extractor
    meets in a text (a town's municipal council) are stored with the claims, not listed here.
    """
    pm = _load()
    _warn_failures(pm)
    gaz = build_gazetteer(pm)
    for outlet_id, info in outlets(pm).items():
        gaz.ensure_party(outlet_id, info["name"], "outlet", None, info["plugin"])
    if plugin is not None and not pm.has_plugin(plugin):
        raise typer.BadParameter(f"no plugin {plugin!r} is loaded; see `claims plugins`",
                                 param_hint="--plugin")
    wanted_parties = wanted_places = None
    if match is not None:
        key = normalize_key(match)
        wanted_parties = {m.id for m in gaz.find_parties(key)}
        wanted_places = {m.id for m in gaz.find_places(key)}
    parties = [p for p in sorted(gaz.parties.values(), key=lambda p: p.id)
               if (plugin is None or p.contributed_by == plugin)
               and (wanted_parties is None or p.id in wanted_parties)]
    places = [p for p in sorted(gaz.places.values(), key=lambda p: p.id)
              if (plugin is None or p.contributed_by == plugin)
              and (wanted_places is None or p.id in wanted_places)]
    if kind == GazetteerKind.places:
        parties = []
    if kind == GazetteerKind.parties:
        places = []
    if as_json:
        document: dict[str, Any] = {}
        if kind != GazetteerKind.places:
            document["parties"] = [
                {"id": p.id, "name": p.name, "kind": p.kind, "affiliation": p.affiliation,
                 "aliases": list(p.aliases), "contributed_by": p.contributed_by}
                for p in parties]
        if kind != GazetteerKind.parties:
            document["places"] = [
                {"id": p.id, "name": p.name, "kind": p.kind, "lat": p.lat, "lon": p.lon,
                 "radius_km": p.radius_km, "aliases": list(p.aliases),
                 "contributed_by": p.contributed_by}
                for p in places]
        out.print(json.dumps(document, ensure_ascii=False, indent=2), markup=False)
        return
    if kind != GazetteerKind.places:
        table = Table(title=f"parties ({len(parties)})", title_justify="left")
        for column in ("id", "name", "kind", "affiliation", "aliases", "plugin"):
            table.add_column(column, no_wrap=column in ("id", "plugin"))
        for p in parties:
            table.add_row(p.id, escape(p.name), p.kind, p.affiliation or "",
                          str(len(p.aliases)), p.contributed_by or "")
        out.print(table)
    if kind != GazetteerKind.parties:
        table = Table(title=f"places ({len(places)})", title_justify="left")
        for column in ("id", "name", "kind", "lat", "lon", "radius km", "aliases", "plugin"):
            table.add_column(column, no_wrap=column in ("id", "plugin"))
        for p in places:
            table.add_row(p.id, escape(p.name), p.kind, f"{p.lat:.4f}", f"{p.lon:.4f}",
                          f"{p.radius_km:g}", str(len(p.aliases)), p.contributed_by or "")
        out.print(table)


@app.command()
def events(db: DbOption = None) -> None:
    """List events: date, place, perpetrator, number of claims and the casualty estimate."""
    from claimtrack.verification import load_dataset

    engine, pm = _setup(db)
    dataset = load_dataset(engine, build_gazetteer(pm))
    table = Table(title="events", title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("date", no_wrap=True)
    for column in ("place", "by", "claims", "sources", "killed l/b/h", "grade"):
        table.add_column(column, no_wrap=True)
    for view in dataset.events:
        e = view.event
        table.add_row(
            e.id, _date_range(e.date_start, e.date_end), e.place or "?", e.perpetrator or "?",
            str(len(view.claims)), str(len({c.source_id for c in view.claims})),
            f"{_n(e.killed_low)}/{_n(e.killed_best)}/{_n(e.killed_high)}", e.grade,
        )
    out.print(table)


def _n(value: int | None) -> str:
    return "-" if value is None else str(value)


def _date_range(start: date | None, end: date | None) -> str:
    if start is None:
        return "unknown"
    if end is None or end == start:
        return start.isoformat()
    return f"{start.isoformat()}..{end.isoformat()}"


@app.command()
def show(
    event_id: Annotated[str, typer.Argument(metavar="EVENT", help="An event id from "
                                            "`claims events`.")],
    db: DbOption = None,
) -> None:
    """Show one event: every claim with its party, outlet, quote and span."""
    from claimtrack.verification import load_dataset

    engine, pm = _setup(db)
    dataset = load_dataset(engine, build_gazetteer(pm))
    matches = [v for v in dataset.events if v.event.id == event_id or
               v.event.id.startswith(event_id)]
    if len(matches) != 1:
        raise fail(f"no event {event_id!r}" if not matches else
                   f"{event_id!r} matches {len(matches)} events; give more of the id", 2)
    view = matches[0]
    out.print(_event_title(view.event), markup=False)
    for claim in view.claims + view.aggregates:
        role = "aggregate" if claim in view.aggregates else claim.kind
        value = "-" if claim.value is None else f"{claim.value:g}"
        out.print(
            f"\n[{claim.id}] {claim.party_id} {claim.stance} {role} {value} "
            f"({claim.qualifier}) via {claim.outlet}, source {claim.source_id} "
            f"span {claim.span_start}-{claim.span_end}\n  event date "
            f"{_date_range(claim.event_start, claim.event_end)}; linked because: "
            f"{view.reasons.get(claim.id, '')}\n  « {claim.quote} »",
            markup=False,
        )


@app.command()
def status(db: DbOption = None) -> None:
    """Count what the store holds and list documents that failed."""
    from sqlmodel import select

    from claimtrack.models import Source
    from claimtrack.store import session_scope

    engine, _pm = _setup(db)
    with session_scope(engine) as session:
        numbers = counts(session)
        failed = list(session.exec(select(Source).where(Source.status == "failed")))
    out.print(", ".join(f"{k}: {v}" for k, v in numbers.items()), markup=False)
    for source in failed:
        out.print(f"failed: {source.origin} ({source.failed_plugin}: {source.error})",
                  markup=False)


@app.command("import")
def import_(
    path: Annotated[Path, typer.Argument(help="A file written by `claims export --format json`.")],
    db: DbOption = None,
) -> None:
    """Load a JSON export into the store.

    Into an empty store the export is restored exactly (events, findings and analysts'
    decisions included): exporting again gives the same document. Into a store that holds
    data already, new sources and claims are added and linked; run `claims verify` after.
    """
    from claimtrack.importer import import_export, read_export

    engine, pm = _setup(db)
    try:
        document = read_export(path)
        result = import_export(engine, document)
        if not result.restored and result.new_source_ids:
            relink(engine, pm, build_gazetteer(pm), sources=result.new_source_ids)
    except ClaimtrackError as exc:
        raise fail(str(exc)) from exc
    how = "restored as exported" if result.restored else "added; run `claims verify` next"
    out.print(f"{path}: {result.sources} sources and {result.claims} claims {how} "
              f"({result.skipped_sources} sources already stored).", markup=False)


NoteOption = Annotated[str, typer.Option(help="Why: kept with the decision and shown as "
                                         "the link reason.")]


def _decide(db: str | None, decide: Any, done: str) -> None:
    """Record an analyst decision, relink around it and say where the claims are now."""
    from claimtrack import overrides

    engine, pm = _setup(db)
    try:
        decision = decide(engine)
        relink(engine, pm, build_gazetteer(pm), claims=overrides.touched(decision))
    except ClaimtrackError as exc:
        raise fail(str(exc)) from exc
    from claimtrack.store import session_scope

    with session_scope(engine) as session:
        now = sorted({overrides.event_of(session, c) or "no event"
                      for c in decision.claims})
    out.print(f"{done}: now in {', '.join(now)}. Decision {decision.id} is kept across "
              f"relinks; `claims overrides --undo {decision.id}` takes it back.", markup=False)


@app.command()
def move(
    claim_ids: Annotated[list[str], typer.Argument(metavar="CLAIM...", help="Claim ids.")],
    to: Annotated[str | None, typer.Option(help="The event to move them to.")] = None,
    new: Annotated[bool, typer.Option("--new", help="Make them an event of their own.")] = False,
    note: NoteOption = "",
    db: DbOption = None,
) -> None:
    """Move claims to another event (--to EVENT) or into a new one (--new)."""
    from claimtrack import overrides

    if (to is None) == (not new):
        raise typer.BadParameter("give exactly one of --to EVENT and --new")
    _decide(db, lambda engine: overrides.move(engine, claim_ids, to, note),
            f"Moved {len(claim_ids)} claim(s)")


@app.command()
def split(
    event_id: Annotated[str, typer.Argument(metavar="EVENT", help="The event to split.")],
    claim_ids: Annotated[list[str], typer.Argument(metavar="CLAIM...",
                                                   help="The claims that belong elsewhere.")],
    note: NoteOption = "",
    db: DbOption = None,
) -> None:
    """Split an event: the claims named leave it and become an event of their own."""
    from claimtrack import overrides

    _decide(db, lambda engine: overrides.split(engine, event_id, claim_ids, note),
            f"Split {len(claim_ids)} claim(s) out of {event_id}")


@app.command()
def merge(
    into: Annotated[str, typer.Argument(metavar="EVENT", help="The event that stays.")],
    other: Annotated[str, typer.Argument(metavar="OTHER", help="The event joined to it.")],
    note: NoteOption = "",
    db: DbOption = None,
) -> None:
    """Merge two events that are one incident; claims later linked to either follow."""
    from claimtrack import overrides

    _decide(db, lambda engine: overrides.merge(engine, into, other, note),
            f"Merged {other} into {into}")


@app.command("overrides")
def list_overrides(
    undo: Annotated[int | None, typer.Option(help="Take back the decision with this number.")]
    = None,
    db: DbOption = None,
) -> None:
    """List analysts' linking decisions (replayed after every relink), or take one back."""
    from claimtrack import overrides

    engine, pm = _setup(db)
    if undo is not None:
        try:
            decision = overrides.undo(engine, undo)
            relink(engine, pm, build_gazetteer(pm), claims=overrides.touched(decision))
        except ClaimtrackError as exc:
            raise fail(str(exc)) from exc
        out.print(f"Decision {undo} taken back; its claims were relinked.", markup=False)
        return
    table = Table(title="Linking decisions", title_justify="left")
    for column in ("#", "action", "claims", "with claim", "note", "when"):
        table.add_column(column, overflow="fold")
    for d in overrides.decisions(engine):
        action = "move to new event" if d.action == "move" and not d.anchor else d.action
        table.add_row(str(d.id), action, " ".join(d.claims), d.anchor or "", d.note,
                      d.created_at.isoformat(timespec="minutes"))
    out.print(table if table.row_count else "No decisions recorded.")


def version_callback(value: bool) -> None:
    if value:
        out.print(f"claimtrack {__version__}", markup=False)
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool | None, typer.Option("--version", callback=version_callback,
                                                 is_eager=True, help="Show the version.")] = None,
) -> None:
    """Track who claimed which figure about which incident in Arabic news, and verify it."""
