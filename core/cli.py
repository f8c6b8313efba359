"""The ``claims`` command line."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from claimtrack import __version__
from claimtrack.arabic_dates import parse_date
from claimtrack.documents import JSONL_SUFFIXES, expand_paths, read_documents
from claimtrack.errors import ClaimtrackError, InputError
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
from claimtrack.store import counts, linking_lock, open_store

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


def _setup(db: str | None) -> tuple[Any, PluginManager]:
    pm = load_plugins()
    for failure in pm.failures:
        err.print(f"Warning: failed to load plugin {failure.name!r}: {failure.reason}",
                  markup=False)
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
        "--link/--no-link", help="Rebuild events once the documents are stored (--no-link "
        "leaves that to a later ingest or `claims verify`).")] = True,
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
    with progress_bar(len(targets) if isinstance(targets, list) else 0, show_bar) as advance:
        documents = _documents(targets, advance)
        try:
            for o in ingest_stream(ingestor, documents, workers=workers):
                tally[o.status] += 1
                new_claims += o.claims
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
            with linking_lock(engine):
                events = str(relink(engine, pm, ingestor.gazetteer))
        except ClaimtrackError as exc:
            raise fail(f"linking events failed: {exc}") from exc
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
def verify(db: DbOption = None) -> None:
    """Link claims to events, run every verifier, store the findings and print them per event."""
    from claimtrack.verification import load_dataset, run_verifiers

    engine, pm = _setup(db)
    gazetteer = build_gazetteer(pm)
    try:
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
    from claimtrack.exporters import export_formats

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
    """List loaded plugins, their version, the hooks they implement and their outlets."""
    pm = load_plugins()
    outlet_map = outlets(pm)
    rows = []
    for info in pm.info():
        owned = sorted(oid for oid, o in outlet_map.items() if o["plugin"] == info.name)
        rows.append({"name": info.name, "version": info.version, "builtin": info.builtin,
                     "hooks": list(info.hooks), "outlets": owned})
    failures = [{"name": f.name, "reason": f.reason} for f in pm.failures]
    if as_json:
        out.print(json.dumps({"plugins": rows, "failed": failures}, ensure_ascii=False,
                             indent=2), markup=False)
        return
    table = Table(title="claimtrack plugins", title_justify="left")
    for column in ("name", "version", "hooks", "outlets"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(row["name"], row["version"], ", ".join(row["hooks"]),
                      ", ".join(row["outlets"]))
    out.print(table)
    for failure in failures:
        err.print(f"Failed to load plugin {failure['name']!r}: {failure['reason']}",
                  markup=False)


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
