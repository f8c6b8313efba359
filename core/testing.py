"""A test kit for plugin authors: run a plugin through the core, check it keeps the contract.

Use it from pytest, with a few articles in your outlet's style::

    import claimtrack_alwasat
    from claimtrack.testing import check_plugin, load_documents

    def test_alwasat_keeps_the_contract():
        check_plugin(claimtrack_alwasat, load_documents("tests/samples"))

or one test per check, so that a failure names exactly what broke::

    @pytest.mark.parametrize("check", plugin_checks(claimtrack_alwasat, SAMPLES), ids=str)
    def test_kit(check):
        check()

The plugin is registered next to the built-in plugins, as an installed one would be, and every
document goes through the core's own pipeline (``Ingestor``, ``relink``, ``run_verifiers``)
into an in-memory store. What is checked depends on the hooks the plugin implements:

- it loads: the hook names exist, the arguments match the specs, the hook contract it declares
  (``CLAIMTRACK_HOOK_CONTRACT``) is the one this claimtrack provides;
- ``register_parties`` / ``register_places``: every name and alias resolves to its own entry
  (not to another plugin's), affiliations exist, coordinates are on the globe;
- ``register_outlets`` / ``score_outlet`` / ``clean_document``: outlet ids are new slugs, scores
  lie in [0, 1], the core picks the plugin's outlet for each sample and not for other outlets'
  articles, cleaned blocks are ordered spans inside the text, and the cleaner leaves other
  outlets' documents alone;
- every sample is stored, and every claim's span holds its quote inside a kept block; kinds,
  qualifiers, stances and date precisions come from the vocabulary; parties, perpetrators and
  places are canonical gazetteer ids; counts are finite and not negative;
- the same samples, ingested again in reverse order into a fresh store, give the same sources,
  claims, events and findings;
- ``verify``: findings name existing events and claims, give a one-line reason, and their
  details can be stored as JSON; ``register_export_formats``: writers return the same text for
  the same export;
- hostile input (``hostile_documents``: empty, binary-like, NUL bytes, a 5 MB article, other
  languages and scripts, endless digit runs; for verifiers and linkers, odd and large datasets)
  neither crashes the plugin nor keeps it busy past ``time_limit`` seconds (run in a forked
  child where the platform allows, so a plugin that hangs is stopped).

Every failure says which plugin, which document and what is wrong, in one line each.
"""

from __future__ import annotations

import bisect
import json
import math
import multiprocessing
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property, lru_cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import select

from claimtrack import __version__
from claimtrack.arabic_dates import DateValue
from claimtrack.arabic_text import normalize_key
from claimtrack.documents import CleanDocument, RawDocument, expand_paths, read_documents
from claimtrack.errors import ClaimtrackError, InputError, PluginError
from claimtrack.export import export_document
from claimtrack.exporters import export_formats
from claimtrack.extraction import KINDS, QUALIFIERS, STANCES, ClaimDraft, check_draft
from claimtrack.gazetteer import Gazetteer
from claimtrack.linking import ClaimFacts, EventDraft, relink
from claimtrack.models import Claim, Event, Finding, Party, Source
from claimtrack.pipeline import OUTLET_THRESHOLD, Ingestor, Outcome, build_gazetteer, outlets, slug
from claimtrack.plugins import DEFAULT_PLUGINS, GROUP, PluginManager, register_builtins
from claimtrack.store import open_store, session_scope
from claimtrack.verification import GRADES, Dataset, EventView, FindingDraft, run_verifiers

__all__ = [
    "TIME_LIMIT",
    "Check",
    "Harness",
    "PluginCheckFailed",
    "check_extractor",
    "check_gazetteer",
    "check_outlet_plugin",
    "check_plugin",
    "check_verifier",
    "hostile_documents",
    "load_documents",
    "plugin_checks",
]

#: Seconds a plugin may spend on one hostile document or dataset before it counts as hung.
TIME_LIMIT = 60.0
PRECISIONS = ("day", "week", "month", "year", "window", "unknown")
ATTRIBUTIONS = ("stated", "outlet")
NON_NUMERIC_KINDS = ("coordination", "targeting")
OUTLET_HOOKS = ("register_outlets", "score_outlet", "clean_document")
DOCUMENT_HOOKS = (*OUTLET_HOOKS, "extract_claims", "register_parties", "register_places",
                  "link_events", "verify")
# How many problems one failure message lists before it says "and N more".
MAX_LISTED = 25


class PluginCheckFailed(AssertionError):
    """A plugin broke the contract; the message has one line per problem."""


# --------------------------------------------------------------------------------------------
# Running plugins through the core
# --------------------------------------------------------------------------------------------


def _identify(plugin: object, name: str | None, version: str | None) -> tuple[str, str]:
    """The name and version the core would give the plugin once installed."""
    module = getattr(plugin, "__name__", None)
    if module in DEFAULT_PLUGINS:
        return module, __version__  # a built-in is already loaded under its module path
    if module and name is None:
        for ep in entry_points(group=GROUP):
            if ep.value == module:
                return ep.name, version or (ep.dist.version if ep.dist else "?")
    return name or module or type(plugin).__name__, version or "0+test"


class Harness:
    """The built-in plugins plus the plugins under test, and an in-memory store.

    Documents go through the core's own pipeline: ``ingest`` stores them and links events as
    ``claims ingest`` does, ``verify`` runs every verifier as ``claims verify`` does, and
    ``export`` builds the validated JSON export. Use it to assert what your plugin produces::

        harness = Harness(claimtrack_alwasat)
        harness.ingest(load_documents("tests/samples"))
        assert {c.place for c in harness.claims()} >= {"traghen"}
    """

    def __init__(self, *plugins: object, builtins: bool = True,
                 names: Sequence[str | None] = (), versions: Sequence[str | None] = ()) -> None:
        self.pm = PluginManager()
        if builtins:
            register_builtins(self.pm)
        self.names: list[str] = []
        for index, plugin in enumerate(plugins):
            name = names[index] if index < len(names) else None
            version = versions[index] if index < len(versions) else None
            self.names.append(self.add(plugin, name, version))
        self.engine: Engine = open_store("sqlite://")
        self.gazetteer: Gazetteer = build_gazetteer(self.pm)

    def add(self, plugin: object, name: str | None = None, version: str | None = None) -> str:
        """Register one more plugin; a ``PluginError`` says why the core refuses it (a hook
        it misnames, a party id another plugin already declared, …)."""
        name, version = _identify(plugin, name, version)
        if name not in self.pm.builtin:  # a built-in under test is there already
            self.pm.register_module(name, plugin, version, builtin=False)
        self.gazetteer = build_gazetteer(self.pm)
        return name

    def ingest(self, documents: Iterable[RawDocument]) -> list[Outcome]:
        """Store the documents and relink every event, as ``claims ingest`` does."""
        outcomes = self.store(documents)
        self.link()
        return outcomes

    def store(self, documents: Iterable[RawDocument]) -> list[Outcome]:
        """Store the documents, one transaction each; a plugin failure fails the document."""
        ingestor = Ingestor(self.engine, self.pm)
        outcomes = [ingestor.ingest(replace(doc)) for doc in documents]
        self.gazetteer = ingestor.gazetteer  # now holds the parties met during extraction
        return outcomes

    def link(self) -> int:
        """Rebuild every event from the stored claims; returns the number of events."""
        return relink(self.engine, self.pm, self.gazetteer)

    def verify(self) -> list[Finding]:
        return run_verifiers(self.engine, self.pm, self.gazetteer)

    def export(self) -> dict[str, Any]:
        return export_document(self.engine)

    def sources(self) -> list[Source]:
        with session_scope(self.engine) as session:
            return list(session.exec(select(Source).order_by(Source.id)))

    def claims(self, source_id: str | None = None) -> list[Claim]:
        with session_scope(self.engine) as session:
            query = select(Claim).order_by(Claim.source_id, Claim.span_start, Claim.id)
            if source_id is not None:
                query = query.where(Claim.source_id == source_id)
            return list(session.exec(query))

    def events(self) -> list[Event]:
        with session_scope(self.engine) as session:
            return list(session.exec(select(Event).order_by(Event.id)))

    def parties(self) -> list[Party]:
        with session_scope(self.engine) as session:
            return list(session.exec(select(Party).order_by(Party.id)))

    def clean(self, document: RawDocument, outlet: str) -> CleanDocument | None:
        """The cleaned document the core would extract from (first answer of the chain)."""
        _plugin, clean = self.pm.call_first("clean_document", document=document, outlet=outlet)
        return clean if isinstance(clean, CleanDocument) else None


def load_documents(*paths: str | Path) -> list[RawDocument]:
    """Read sample articles with the core's reader (``.txt`` with ``.meta.json`` sidecars,
    ``.html``, ``.jsonl``; folders recursively). A file it cannot read raises ``InputError``."""
    documents: list[RawDocument] = []
    for target in expand_paths([str(p) for p in paths]):
        if isinstance(target, InputError):
            raise target
        for item in read_documents(target):
            if isinstance(item, InputError):
                raise item
            documents.append(item)
    return documents


# --------------------------------------------------------------------------------------------
# Hostile input
# --------------------------------------------------------------------------------------------

_ARTICLE = (
    "غارة جديدة قرب مرزق\n\n"
    "أعلنت القيادة العسكرية الأمريكية في أفريقيا (أفريكوم) يوم الخميس الماضي مقتل ٨ عناصر "
    "من تنظيم الدولة في غارة جوية قرب مدينة مرزق.\n"
    "ونفى عميد بلدية مرزق هذه الحصيلة، وقال إن الغارة أسفرت عن مقتل ثلاثة أشخاص.\n"
)
_TOWNS = ("مرزق", "سبها", "أوباري", "غات", "القطرون", "سرت", "بني وليد")
_PARAGRAPH = (
    "أعلنت القيادة العسكرية الأمريكية في أفريقيا (أفريكوم) يوم الخميس الماضي مقتل {n} عناصر "
    "من تنظيم الدولة في غارة جوية قرب مدينة {town} في {day} سبتمبر 2019.\n"
    "ونفى عميد بلدية {town} هذه الحصيلة، وقال إن الغارة أسفرت عن مقتل {m} أشخاص بينهم "
    "مدنيون، وإصابة {k} آخرين.\n"
    "وأكد مصدر محلي أن الضربة استهدفت منزلا في حي القلعة ودمرت {k} سيارات.\n"
    "وقالت حكومة الوفاق إن العملية نفذت بالتنسيق معها، وإنها الضربة الثالثة خلال عشرة أيام.\n"
    "وبذلك يرتفع عدد قتلى التنظيم في الضربات الأخيرة إلى نحو {total} عنصرا، بحسب بيانات "
    "القيادة.\n"
    "اقرأ أيضا: مقتل {x} في اشتباكات قبلية\n"
    "وتقع المدينة على بعد {d} كيلومترا من سبها، ويبلغ عدد سكانها نحو {pop} ألف نسمة.\n\n"
)
ENORMOUS_BYTES = 5 * 1024 * 1024


def _enormous() -> str:
    """About 5 MB (UTF-8) of dense Arabic news prose: figures, parties, places, dates."""
    parts: list[str] = []
    size = 0
    i = 0
    while size < ENORMOUS_BYTES:
        paragraph = _PARAGRAPH.format(
            n=3 + i % 17, m=1 + i % 7, k=2 + i % 5, total=20 + i % 60, x=10 + i % 40,
            d=40 + i % 300, pop=5 + i % 90, day=1 + i % 28, town=_TOWNS[i % len(_TOWNS)])
        parts.append(paragraph)
        size += len(paragraph.encode("utf-8"))
        i += 1
    return "".join(parts)


def hostile_documents() -> list[RawDocument]:
    """Documents no plugin may crash or hang on. None belongs to any outlet."""
    return [replace(d) for d in _hostile()]


@lru_cache(maxsize=1)
def _hostile() -> tuple[RawDocument, ...]:
    # Built once: the 5 MB article would otherwise be rebuilt for every plugin checked.
    one_line = _ARTICLE.replace("\n", " ")
    return (
        RawDocument("hostile:empty", ""),
        RawDocument("hostile:whitespace", " \n\n\t \u00a0\u200f\n "),
        RawDocument("hostile:nul-bytes", "\x00" * 64 + _ARTICLE + "\x00\x00"),
        RawDocument("hostile:binary-like", bytes(range(256)).decode("latin-1") * 64),
        RawDocument("hostile:control-characters",
                    "".join(chr(c) for c in range(1, 32)) * 200 + _ARTICLE),
        RawDocument("hostile:enormous", _enormous()),
        RawDocument("hostile:one-long-line", (one_line + " ") * 2000),
        RawDocument("hostile:digit-runs",
                    "مقتل " + "٨" * 100_000 + " عنصرا\n" + "1" * 100_000 + "\nأكثر من "
                    + "9" * 5000 + " قتيلا في " + "2" * 3000 + " غارة\n"),
        RawDocument("hostile:number-words", "قتل " + "ثمانية و" * 20_000 + "عشرون عنصرا.\n"),
        RawDocument("hostile:punctuation", "،؛.؟!«»()" * 50_000),
        RawDocument("hostile:tatweel-and-marks",
                    "مـــقـــتـــل" + "\u064e\u0650\u0651" * 30_000 + " ٨ عناصر\n" + "ـ" * 50_000),
        RawDocument("hostile:english",
                    "Strike near Murzuq\n\nUS Africa Command said on Friday that an air strike "
                    "near Murzuq killed 8 ISIS fighters. The local council denied it and said "
                    "3 bodies were found, 2 of them civilians.\n"),
        RawDocument("hostile:persian",
                    "فرماندهی آمریکا در آفریقا اعلام کرد که ۸ عضو داعش در حمله هوایی نزدیک "
                    "مرزق کشته شدند. شورای محلی این آمار را رد کرد و گفت ۳ جسد پیدا شد.\n"),
        RawDocument("hostile:other-scripts",
                    "Командование США в Африке сообщило, что авиаудар убил 8 боевиков.\n"
                    "美国非洲司令部称，空袭在利比亚南部打死了8名武装分子。\n"
                    "\u202eפיקוד אפריקה הודיע על 8 הרוגים\u202c\n🙂" * 50),
        RawDocument("hostile:html-as-text",
                    "<html><head><script>var n = 8;</script></head><body><p>مقتل <b>8</b> "
                    "عناصر</p>" + "<div>" * 5000 + "</body></html>"),
        RawDocument("hostile:odd-metadata", _ARTICLE, url="not a url://", title="\x00",
                    published="yesterday-ish"),
    )


# --------------------------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    """One check of one plugin against one document (or set); call it to run it."""

    plugin: str
    name: str  # what is checked: "score_outlet", "claims", "hostile", …
    subject: str  # the document, sample set or dataset it is checked on
    group: str
    run: Callable[[], list[str]] = field(repr=False, compare=False)
    tag: str = ""  # a short name for the subject, for test ids

    def __call__(self) -> None:
        problems = self.run()
        if problems:
            raise PluginCheckFailed(_message(self.plugin, self.subject, problems))

    def __str__(self) -> str:
        """A pytest id: ``plugin:check:subject``."""
        return ":".join(part for part in (self.plugin, self.name, self.tag) if part)


def _message(plugin: str, subject: str, problems: list[str]) -> str:
    lines = [f"plugin {plugin}, {subject}: {p}" for p in problems[:MAX_LISTED]]
    if len(problems) > MAX_LISTED:
        lines.append(f"… and {len(problems) - MAX_LISTED} more problems")
    return "\n".join(lines)


@dataclass
class _Options:
    outlet: str | None
    foreign: list[RawDocument]
    kinds: tuple[str, ...]
    hostile: list[RawDocument] | None
    time_limit: float


class _Subject:
    """The plugin under test and what the checks share (built once, on first use)."""

    def __init__(self, plugin: object, samples: Sequence[RawDocument], name: str | None,
                 version: str | None, options: _Options) -> None:
        self.plugin = plugin
        self.samples = list(samples)
        self.name, self.version = _identify(plugin, name, version)
        self.options = options
        self.hooks = _implemented(plugin)

    # -- the plugin in a harness --

    def harness(self) -> Harness:
        harness = Harness()
        harness.add(self.plugin, self.name, self.version)
        return harness

    @cached_property
    def base(self) -> Harness:
        """The plugin next to the built-ins, with nothing stored."""
        return self.harness()

    @cached_property
    def load_problem(self) -> str | None:
        try:
            harness = self.harness()
            outlets(harness.pm)
            export_formats(harness.pm)
        except PluginError as exc:
            return f"does not load: {exc.reason}"
        except ClaimtrackError as exc:
            return f"does not load: {exc}"
        return None

    @cached_property
    def own_outlets(self) -> list[str]:
        if self.options.outlet:
            return [self.options.outlet]
        return sorted(o for o, info in outlets(self.base.pm).items()
                      if info["plugin"] == self.name)

    def prepare_fork(self) -> None:
        """Build what every hostile check shares here, once, not in each forked child."""
        self.base  # noqa: B018
        self.own_outlets  # noqa: B018

    @property
    def is_fallback_cleaner(self) -> bool:
        impl = self.impl("clean_document")
        return impl is not None and bool(impl.trylast)

    def impl(self, hook: str, pm: PluginManager | None = None) -> Any:
        pm = pm or self.base.pm
        return next((i for i in getattr(pm.hook, hook).get_hookimpls()
                     if i.plugin_name == self.name), None)

    def call(self, hook: str, pm: PluginManager | None = None, **kwargs: Any) -> Any:
        """Call this plugin's own implementation of a hook, as the core's ``call_each`` does."""
        impl = self.impl(hook, pm)
        return impl.function(**{k: kwargs[k] for k in impl.argnames})

    def prepared(self, document: RawDocument) -> RawDocument:
        # An outlet plugin is tested through detection, so the outlet the sample names is
        # dropped; other plugins see the documents as given.
        return replace(document, outlet=None) if "score_outlet" in self.hooks else document

    @cached_property
    def shared(self) -> Harness:
        """Every sample ingested, linked and verified once, as ``claims ingest`` would."""
        harness = self.harness()
        self.outcomes = harness.store(self.prepared(d) for d in self.samples)
        self.run_error: PluginError | None = None
        try:
            harness.link()
            harness.verify()
        except PluginError as exc:
            self.run_error = exc
        return harness


def _implemented(plugin: object) -> set[str]:
    pm = PluginManager()
    try:
        pm.register(plugin, name="probe")
    except Exception:
        return set()
    return {c.name for c in pm.get_hookcallers(plugin) or []}


def plugin_checks(
    plugin: object,
    samples: Sequence[RawDocument] = (),
    *,
    name: str | None = None,
    version: str | None = None,
    outlet: str | None = None,
    foreign: Sequence[RawDocument] = (),
    kinds: Sequence[str] = KINDS,
    hostile: Sequence[RawDocument] | None = None,
    time_limit: float = TIME_LIMIT,
    groups: Iterable[str] | None = None,
) -> list[Check]:
    """Every check that applies to the hooks ``plugin`` implements, one ``Check`` each.

    ``samples`` are articles the plugin should handle (for an outlet plugin: in its outlet's
    style; their ``outlet`` metadata is ignored so that detection is tested). ``outlet`` is the
    outlet id the samples must be detected as (default: the one the plugin registers).
    ``foreign`` are other outlets' articles the plugin must not claim. ``kinds`` widens the
    claim vocabulary when the plugin adds kinds of its own. ``hostile`` replaces
    ``hostile_documents()``. ``groups`` keeps only some groups of checks: ``load``,
    ``gazetteer``, ``outlet``, ``documents``, ``determinism``, ``verify``, ``link``,
    ``export``, ``hostile``. ``name`` and ``version`` default to the installed entry point's.
    """
    options = _Options(outlet, list(foreign), tuple(kinds),
                       list(hostile) if hostile is not None else None, time_limit)
    subject = _Subject(plugin, samples, name, version, options)
    wanted = set(groups) if groups is not None else None
    checks: list[Check] = []

    def add(check_name: str, on: str, group: str, work: Callable[[], list[str]],
            tag: str = "") -> None:
        if wanted is not None and group not in wanted:
            return

        def run() -> list[str]:
            if group != "load" and subject.load_problem:
                return [subject.load_problem]
            return work()

        checks.append(Check(subject.name, check_name, on, group, run, tag))

    hooks = subject.hooks
    add("loads", "set-up", "load", lambda: [subject.load_problem] if subject.load_problem else [])
    if hooks & {"register_parties", "register_places"}:
        add("gazetteer", "gazetteer", "gazetteer", lambda: _gazetteer_problems(subject))
    if hooks & set(OUTLET_HOOKS):
        add("outlets", "outlet list", "outlet", lambda: _outlet_list_problems(subject))
        if not samples:
            add("samples", "samples", "outlet",
                lambda: ["no sample documents given: pass a few articles in your outlet's "
                         "style"])
    for document in samples:
        label, tag = f"document {document.origin}", _tag(document)
        if "score_outlet" in hooks:
            add("score_outlet", label, "outlet",
                lambda d=document: _score_problems(subject, d, own=True), tag)
        if "clean_document" in hooks:
            add("clean_document", label, "outlet",
                lambda d=document: _clean_problems(subject, d), tag)
        if hooks & set(DOCUMENT_HOOKS):
            add("claims", label, "documents",
                lambda d=document: _document_problems(subject, d), tag)
    for document in foreign:
        if "score_outlet" in hooks:
            add("not_claimed", f"foreign document {document.origin}", "outlet",
                lambda d=document: _score_problems(subject, d, own=False), _tag(document))
    if samples and "extract_claims" in hooks:
        add("extracts", f"samples ({len(samples)} documents)", "documents",
            lambda: _extracts_problems(subject))
    if samples and hooks & set(DOCUMENT_HOOKS):
        add("deterministic", f"samples ({len(samples)} documents)", "determinism",
            lambda: _determinism_problems(subject))
    if "verify" in hooks:
        add("verify", f"samples ({len(samples)} documents)", "verify",
            lambda: _verify_problems(subject))
    if "link_events" in hooks:
        add("link", f"samples ({len(samples)} documents)", "link",
            lambda: _link_problems(subject))
    if "register_export_formats" in hooks:
        add("export", f"samples ({len(samples)} documents)", "export",
            lambda: _export_problems(subject))
    if hooks & {"score_outlet", "clean_document", "extract_claims"}:
        for document in options.hostile if options.hostile is not None else hostile_documents():
            tag = document.origin.removeprefix("hostile:")
            add("hostile", f"hostile document {tag!r}", "hostile", lambda d=document: _within(
                options.time_limit, lambda: _hostile_document_problems(subject, d),
                prepare=subject.prepare_fork), tag)
    if "verify" in hooks:
        for tag, build in _hostile_datasets():
            add("hostile", f"hostile dataset {tag!r}", "hostile",
                lambda b=build: _within(options.time_limit,
                                        lambda: _hostile_verify_problems(subject, b()),
                                        prepare=subject.prepare_fork), tag)
    if "link_events" in hooks:
        for tag, facts in _hostile_facts():
            add("hostile", f"hostile claim list {tag!r}", "hostile",
                lambda f=facts: _within(options.time_limit,
                                        lambda: _hostile_link_problems(subject, f()),
                                        prepare=subject.prepare_fork), tag)
    return checks


def _tag(document: RawDocument) -> str:
    return re.split(r"[/\\]", document.origin)[-1]


def check_plugin(plugin: object, samples: Sequence[RawDocument] = (), **options: Any) -> None:
    """Run every check that applies to ``plugin`` (see ``plugin_checks`` for the options);
    raise ``PluginCheckFailed`` listing every problem found."""
    _run_all(plugin_checks(plugin, samples, **options))


def check_outlet_plugin(plugin: object, samples: Sequence[RawDocument], *,
                        outlet: str | None = None, foreign: Sequence[RawDocument] = (),
                        **options: Any) -> None:
    """Outlet detection and cleaning on ``samples`` (and not on ``foreign``), the claims that
    come out of them, determinism and hostile documents."""
    _require(plugin, OUTLET_HOOKS, "an outlet plugin")
    _run_all(plugin_checks(plugin, samples, outlet=outlet, foreign=foreign, groups=(
        "load", "gazetteer", "outlet", "documents", "determinism", "hostile"), **options))


def check_extractor(plugin: object, documents: Sequence[RawDocument], **options: Any) -> None:
    """The claims ``extract_claims`` finds in ``documents``, determinism and hostile input."""
    _require(plugin, ("extract_claims",), "an extractor")
    _run_all(plugin_checks(plugin, documents, groups=(
        "load", "gazetteer", "documents", "determinism", "hostile"), **options))


def check_verifier(plugin: object, documents: Sequence[RawDocument] = (),
                   **options: Any) -> None:
    """The findings ``verify`` gives on ``documents``, determinism, odd and large datasets."""
    _require(plugin, ("verify",), "a verifier")
    _run_all(plugin_checks(plugin, documents, groups=(
        "load", "verify", "determinism", "hostile"), **options))


def check_gazetteer(plugin: object, **options: Any) -> None:
    """The parties and places the plugin contributes resolve to themselves."""
    _require(plugin, ("register_parties", "register_places"), "a gazetteer plugin")
    _run_all(plugin_checks(plugin, groups=("load", "gazetteer"), **options))


def _require(plugin: object, hooks: Sequence[str], what: str) -> None:
    if not _implemented(plugin) & set(hooks):
        name, _ = _identify(plugin, None, None)
        raise PluginCheckFailed(f"plugin {name}: implements none of {', '.join(hooks)}, the "
                                f"hooks of {what}")


def _run_all(checks: list[Check]) -> None:
    failures = []
    for check in checks:
        try:
            check()
        except PluginCheckFailed as exc:
            failures.append(str(exc))
    if failures:
        raise PluginCheckFailed("\n".join(failures))


# -- gazetteer --------------------------------------------------------------------------------


def _gazetteer_problems(subject: _Subject) -> list[str]:
    gazetteer = build_gazetteer(subject.harness().pm)
    problems = []
    for party in gazetteer.parties.values():
        if party.contributed_by != subject.name:
            continue
        if party.affiliation and party.affiliation not in gazetteer.parties:
            problems.append(f"party {party.id!r} is affiliated to {party.affiliation!r}, "
                            f"which no plugin declares")
        problems += _name_problems("party", party.id, [party.name, *party.aliases], gazetteer,
                                   gazetteer.find_parties, gazetteer.parties)
    for place in gazetteer.places.values():
        if place.contributed_by != subject.name:
            continue
        if not (-90 <= place.lat <= 90 and -180 <= place.lon <= 180):
            problems.append(f"place {place.id!r} has coordinates ({place.lat}, {place.lon}) "
                            f"off the globe; give latitude first")
        if not place.radius_km > 0:
            problems.append(f"place {place.id!r} has radius {place.radius_km} km; it must be "
                            f"positive")
        problems += _name_problems("place", place.id, [place.name, *place.aliases], gazetteer,
                                   gazetteer.find_places, gazetteer.places)
    return problems


def _name_problems(what: str, entry_id: str, names: list[str], gazetteer: Gazetteer,
                   find: Callable[[str], list[Any]], entries: dict[str, Any]) -> list[str]:
    problems = []
    for written in names:
        key = normalize_key(written)
        if len(key) < 2:
            problems.append(f"{what} {entry_id!r}: name {written!r} is too short to be matched")
            continue
        hits = [m for m in find(key) if m.start == 0 and m.end == len(key)]
        if not hits:
            problems.append(f"{what} {entry_id!r}: name {written!r} is not found in a text "
                            f"that is only that name")
        elif hits[0].id != entry_id:
            other = entries[hits[0].id]
            problems.append(f"{what} {entry_id!r}: name {written!r} resolves to "
                            f"{hits[0].id!r} (declared by {other.contributed_by}), so it "
                            f"never reaches this entry")
    return problems


# -- outlets ----------------------------------------------------------------------------------


def _outlet_list_problems(subject: _Subject) -> list[str]:
    problems = []
    declared: dict[str, list[str]] = {}

    def make_register(plugin: str) -> Callable[..., None]:
        def register(id: str, name: str, language: str = "ar",
                     homepage: str | None = None) -> None:
            declared.setdefault(id, []).append(plugin)

        return register

    subject.harness().pm.call_register("register_outlets", make_register)
    for outlet_id, plugins in sorted(declared.items()):
        if subject.name not in plugins:
            continue
        if slug(outlet_id) != outlet_id:
            problems.append(f"outlet id {outlet_id!r} is not a lower-case slug; use "
                            f"{slug(outlet_id)!r}")
        others = [p for p in plugins if p != subject.name]
        if others:
            problems.append(f"outlet {outlet_id!r} is already declared by {', '.join(others)}")
    if not subject.own_outlets and not subject.is_fallback_cleaner:
        problems.append("declares no outlet: call register(id, name) in register_outlets, or "
                        "pass outlet= to the kit")
    if subject.options.outlet and subject.options.outlet not in declared:
        problems.append(f"outlet {subject.options.outlet!r} is not declared by any plugin")
    return problems


def _score(subject: _Subject, document: RawDocument, pm: PluginManager) -> tuple[Any, list[str]]:
    answer = subject.call("score_outlet", pm, document=document)
    if answer is None:
        return None, []
    if (not isinstance(answer, tuple) or len(answer) != 2 or not isinstance(answer[0], str)
            or isinstance(answer[1], bool) or not isinstance(answer[1], int | float)):
        return None, [f"score_outlet returned {answer!r}; expected None or (outlet_id, score)"]
    outlet_id, score = answer
    problems = []
    if not (math.isfinite(score) and 0 <= score <= 1):
        problems.append(f"score_outlet gave {outlet_id!r} the score {score!r}, outside [0, 1]")
    if subject.own_outlets and outlet_id not in subject.own_outlets:
        problems.append(f"score_outlet answered for outlet {outlet_id!r}, which the plugin "
                        f"does not declare")
    return answer, problems


def _score_problems(subject: _Subject, document: RawDocument, own: bool) -> list[str]:
    harness = subject.shared
    doc = subject.prepared(document)
    first, problems = _score(subject, doc, harness.pm)
    second, _ = _score(subject, doc, harness.pm)
    if first != second:
        problems.append(f"score_outlet is not deterministic: {first!r}, then {second!r}")
    if not own:
        if first and first[1] >= OUTLET_THRESHOLD:
            problems.append(f"claims another outlet's article: score {first[1]:g} for "
                            f"{first[0]!r} (the core takes anything from {OUTLET_THRESHOLD})")
        return problems
    expected = subject.own_outlets[0] if len(subject.own_outlets) == 1 else None
    outcome = _outcome(subject, document)
    if expected and outcome and outcome.status == "new":
        chosen = _source(harness, outcome).outlet
        if chosen != expected:
            problems.append(f"the core picked outlet {chosen!r}, not {expected!r} (this "
                            f"plugin scored it {first[1] if first else None!r})")
    return problems


def _outcome(subject: _Subject, document: RawDocument) -> Outcome | None:
    subject.shared  # noqa: B018 - ingests the samples and fills subject.outcomes
    index = next(i for i, d in enumerate(subject.samples) if d is document)
    return subject.outcomes[index]


def _source(harness: Harness, outcome: Outcome) -> Source:
    with session_scope(harness.engine) as session:
        source = session.get(Source, outcome.source_id)
    assert source is not None
    return source


def _clean_problems(subject: _Subject, document: RawDocument) -> list[str]:
    harness = subject.shared
    outlet = subject.own_outlets[0] if subject.own_outlets else "unknown_outlet"
    first = subject.call("clean_document", harness.pm, document=document, outlet=outlet)
    problems = _clean_shape_problems(first, document)
    second = subject.call("clean_document", harness.pm, document=document, outlet=outlet)
    if _clean_key(first) != _clean_key(second):
        problems.append("clean_document is not deterministic: two calls kept different blocks")
    if not subject.is_fallback_cleaner:
        other = subject.call("clean_document", harness.pm, document=document,
                             outlet="some_other_outlet")
        if other is not None:
            problems.append("clean_document answered for outlet 'some_other_outlet'; return "
                            "None for outlets that are not yours, or it cleans every page")
    return problems


def _clean_key(clean: Any) -> Any:
    if not isinstance(clean, CleanDocument):
        return clean
    return (clean.title, clean.body, clean.removed, clean.published, clean.language,
            clean.dateline)


def _clean_shape_problems(clean: Any, document: RawDocument) -> list[str]:
    if clean is None:
        return ["clean_document returned None for the plugin's own outlet"]
    if not isinstance(clean, CleanDocument):
        return [f"clean_document returned {type(clean).__name__}, not a CleanDocument"]
    problems = []
    if clean.text != document.text:
        problems.append("clean_document changed the text; keep document.text and mark spans")
    size = len(document.text)
    previous_end = 0
    for start, end in clean.body:
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= size):
            problems.append(f"kept block ({start!r}, {end!r}) is not a span inside the "
                            f"{size}-character text")
            continue
        if start < previous_end:
            problems.append(f"kept block ({start}, {end}) overlaps or precedes the one before")
        previous_end = max(previous_end, end)
    for item in clean.removed:
        if len(item) != 3 or not (0 <= item[0] <= item[1] <= size) or not str(item[2]).strip():
            problems.append(f"removed block {item!r} is not (start, end, reason) inside the text")
    if clean.title is not None and not isinstance(clean.title, str):
        problems.append(f"title is {type(clean.title).__name__}, not str or None")
    if clean.published is not None:
        problems += _date_problems("published date", clean.published)
    return problems


def _date_problems(what: str, value: Any) -> list[str]:
    if not isinstance(value, DateValue):
        return [f"{what} is {type(value).__name__}, not a DateValue"]
    problems = []
    if value.precision not in PRECISIONS:
        problems.append(f"{what} has precision {value.precision!r}, not one of {PRECISIONS}")
    if value.start and value.end and value.start > value.end:
        problems.append(f"{what} ends ({value.end}) before it starts ({value.start})")
    return problems


# -- claims -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Seen:
    """A claim as stored (``Claim``) or as returned (``ClaimDraft``), for one set of checks."""

    kind: str
    value: Any
    qualifier: str
    stance: str
    attribution: str
    party: str
    perpetrator: str | None
    place: str | None
    span: tuple[int, int]
    quote: str
    dates: tuple[tuple[str, DateValue], ...]

    @property
    def label(self) -> str:
        quote = " ".join(self.quote.split())
        quote = quote if len(quote) <= 50 else quote[:50] + "…"
        value = "" if self.value is None else f" {self.value:g}" if isinstance(
            self.value, int | float) else f" {self.value!r}"
        return f"claim {self.kind}{value} at {list(self.span)} «{quote}»"


def _seen_draft(draft: ClaimDraft) -> _Seen:
    return _Seen(draft.kind, draft.value, draft.qualifier, draft.stance, draft.attribution,
                 draft.party, draft.perpetrator, draft.place, tuple(draft.span), draft.quote,
                 (("said_on", draft.said_on), ("event_date", draft.event_date)))


def _seen_row(claim: Claim) -> _Seen:
    said = DateValue(claim.said_start, claim.said_end, claim.said_precision,  # type: ignore[arg-type]
                     claim.said_text)
    when = DateValue(claim.event_start, claim.event_end, claim.event_precision,  # type: ignore[arg-type]
                     claim.event_text)
    return _Seen(claim.kind, claim.value, claim.qualifier, claim.stance, claim.attribution,
                 claim.party_id, claim.perpetrator, claim.place,
                 (claim.span_start, claim.span_end), claim.quote,
                 (("said_on", said), ("event_date", when)))


class _Kept:
    """A cleaned document's kept blocks, sorted, for quick "is this span kept?" questions."""

    def __init__(self, text: str, blocks: Iterable[tuple[int, int]]) -> None:
        self.text = text
        self.blocks = sorted(blocks)
        self.starts = [b[0] for b in self.blocks]

    def holds(self, start: int, end: int) -> bool:
        """Every non-blank character of text[start:end] lies in some kept block."""
        covered = start
        index = max(bisect.bisect_right(self.starts, start) - 1, 0)
        for block_start, block_end in self.blocks[index:]:
            if block_end <= covered:
                continue
            if block_start > covered and self.text[covered:min(block_start, end)].strip():
                return False
            covered = max(covered, block_end)
            if covered >= end:
                return True
        return not self.text[covered:end].strip()


def _claim_problems(claim: _Seen, text: str, gazetteer: Gazetteer, kinds: tuple[str, ...],
                    kept: _Kept | None) -> list[str]:
    problems = []
    start, end = claim.span
    if not (0 <= start < end <= len(text)) or text[start:end] != claim.quote:
        problems.append("the span does not hold the quote")
    elif not claim.quote.strip():
        problems.append("the quote is blank")
    elif kept is not None and not kept.holds(start, end):
        problems.append("the quote is not inside a kept block (boilerplate the cleaner "
                        "removed, or the title)")
    if claim.kind not in kinds:
        problems.append(f"kind {claim.kind!r} is not in the vocabulary {kinds}; pass kinds= "
                        f"to the kit if the plugin adds it on purpose")
    if claim.qualifier not in QUALIFIERS:
        problems.append(f"qualifier {claim.qualifier!r} is not one of {QUALIFIERS}")
    if claim.stance not in STANCES:
        problems.append(f"stance {claim.stance!r} is not one of {STANCES}")
    if claim.attribution not in ATTRIBUTIONS:
        problems.append(f"attribution {claim.attribution!r} is not one of {ATTRIBUTIONS}")
    value = claim.value
    if value is not None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            problems.append(f"value {value!r} is not a number")
        elif not math.isfinite(value) or value < 0:
            problems.append(f"value {value:g} is not a count (finite, not negative)")
        elif claim.kind in NON_NUMERIC_KINDS:
            problems.append(f"a {claim.kind} claim carries no number; use value=None")
    if claim.party not in gazetteer.parties:
        problems.append(f"party {claim.party!r} is not a canonical id in the gazetteer; "
                        f"declare it with register_parties")
    if claim.perpetrator is not None and claim.perpetrator not in gazetteer.parties:
        problems.append(f"perpetrator {claim.perpetrator!r} is not a party in the gazetteer")
    if claim.place is not None and claim.place not in gazetteer.places:
        problems.append(f"place {claim.place!r} is not a place in the gazetteer; declare it "
                        f"with register_places")
    for what, date_value in claim.dates:
        problems += _date_problems(what, date_value)
    if not problems:
        return []
    label = claim.label  # built only when needed: hostile input can give thousands of claims
    return [f"{label}: {p}" for p in problems]


def _document_problems(subject: _Subject, document: RawDocument) -> list[str]:
    harness = subject.shared
    outcome = _outcome(subject, document)
    if outcome is None:
        return ["was not ingested"]
    if outcome.status == "failed":
        return [f"the core refused the document: {outcome.error}"]
    source = _source(harness, outcome)
    if outcome.status == "known":
        return []  # the same text as an earlier sample; checked there
    clean = harness.clean(replace(subject.prepared(document), outlet=source.outlet),
                          source.outlet)
    kept = _Kept(source.text, clean.body) if clean is not None else None
    problems = []
    for claim in harness.claims(source.id):
        problems += _claim_problems(_seen_row(claim), source.text, harness.gazetteer,
                                    subject.options.kinds, kept)
        if claim.extractor == subject.name and claim.extractor_version != subject.version:
            problems.append(f"claim {claim.id} records version {claim.extractor_version!r}, "
                            f"not {subject.version!r}")
    return problems


def _extracts_problems(subject: _Subject) -> list[str]:
    harness = subject.shared
    mine = [c for c in harness.claims() if c.extractor == subject.name]
    if not mine:
        return ["extract_claims found no claim in any sample; check it handles the samples' "
                "language and outlet"]
    return []


# -- determinism ------------------------------------------------------------------------------


def _snapshot(harness: Harness) -> dict[str, dict[str, Any]]:
    findings = harness.verify()
    snap: dict[str, dict[str, Any]] = {}
    for source in harness.sources():
        snap[f"source {source.id}"] = source.model_dump(exclude={"ingested_at", "origin"})
    for claim in harness.claims():
        snap[f"claim {claim.id}"] = claim.model_dump()
    for event in harness.events():
        snap[f"event {event.id}"] = event.model_dump()
    for finding in findings:
        snap[f"finding {finding.id}"] = finding.model_dump()
    return snap


def _determinism_problems(subject: _Subject) -> list[str]:
    runs = []
    for order in (subject.samples, list(reversed(subject.samples))):
        harness = subject.harness()
        try:
            harness.ingest(subject.prepared(d) for d in order)
            runs.append(_snapshot(harness))
        except PluginError as exc:
            return [f"linking or verifying failed: plugin {exc.plugin}: {exc.reason}"]
    first, second = runs
    problems = []
    for key in sorted(first.keys() - second.keys()):
        problems.append(f"{key} appears in the first run only (the second ingested the samples "
                        f"in reverse order)")
    for key in sorted(second.keys() - first.keys()):
        problems.append(f"{key} appears in the second run only (samples in reverse order)")
    for key in sorted(first.keys() & second.keys()):
        diff = [f for f in first[key] if first[key][f] != second[key].get(f)]
        if diff:
            field_ = diff[0]
            problems.append(f"{key} differs between two runs in {field_!r}: "
                            f"{first[key][field_]!r} then {second[key][field_]!r}")
    return problems


# -- verifiers, linkers, export formats -------------------------------------------------------


def _finding_problems(draft: Any, known: set[str], where: str) -> list[str]:
    if not isinstance(draft, FindingDraft):
        return [f"{where}: returned {type(draft).__name__}, not a FindingDraft"]
    label = f"finding {draft.check!r} about {draft.subject}"
    problems = []
    if not re.fullmatch(r"[a-z][a-z0-9_]*", draft.check or ""):
        problems.append(f"{label}: check name {draft.check!r} is not a lower-case slug")
    if draft.grade not in GRADES:
        problems.append(f"{label}: grade {draft.grade!r} is not one of {GRADES}")
    reason = draft.reason or ""
    if not reason.strip():
        problems.append(f"{label}: the reason is empty")
    elif "\n" in reason.strip():
        problems.append(f"{label}: the reason spans several lines; give one sentence")
    if not draft.subject:
        problems.append(f"{label}: names no subject (event or claim ids)")
    for ref in [*draft.subject, *draft.claims]:
        if ref not in known:
            problems.append(f"{label}: refers to {ref!r}, which is no event or claim here")
            break
    try:
        json.dumps(draft.details)
    except (TypeError, ValueError) as exc:
        problems.append(f"{label}: details cannot be stored as JSON ({exc})")
    return problems


def _verify_problems(subject: _Subject) -> list[str]:
    harness = subject.shared
    error = subject.run_error
    if error is not None:
        return [f"claims verify fails: plugin {error.plugin}: {error.reason}"]
    from claimtrack.verification import load_dataset

    dataset = load_dataset(harness.engine, harness.gazetteer)
    drafts = subject.call("verify", harness.pm, dataset=dataset) or []
    known = set(dataset.claims) | {v.event.id for v in dataset.events}
    problems = []
    for draft in drafts:
        problems += _finding_problems(draft, known, "verify")
    return problems


def _link_problems(subject: _Subject) -> list[str]:
    harness = subject.shared
    error = subject.run_error
    if error is not None:
        return [f"linking the samples' claims fails: plugin {error.plugin}: {error.reason}"]
    if harness.claims() and not harness.events():
        return ["link_events made no event of the samples' claims"]
    return []


def _export_problems(subject: _Subject) -> list[str]:
    harness = subject.shared
    formats = {n: f for n, f in export_formats(harness.pm).items() if f.plugin == subject.name}
    if not formats:
        return ["register_export_formats registered no format"]
    problems = []
    empty = Harness()
    for name, fmt in sorted(formats.items()):
        for label, document in (("samples", harness.export()), ("an empty store",
                                                               empty.export())):
            first = fmt.writer(document, {"author": "claimtrack.testing"})
            second = fmt.writer(json.loads(json.dumps(document)),
                                {"author": "claimtrack.testing"})
            if not isinstance(first, str):
                problems.append(f"format {name!r} returned {type(first).__name__} on "
                                f"{label}, not text")
            elif first != second:
                problems.append(f"format {name!r} wrote different text for the same export "
                                f"of {label}")
    return problems


# -- hostile input ----------------------------------------------------------------------------


def _hostile_document_problems(subject: _Subject, document: RawDocument) -> list[str]:
    harness = subject.base  # built before the fork, so the child starts at once
    pm = harness.pm
    problems = []
    hooks = subject.hooks
    if "score_outlet" in hooks:
        answer, found = _score(subject, document, pm)
        problems += found
        if answer and answer[1] >= OUTLET_THRESHOLD:
            problems.append(f"claims it for outlet {answer[0]!r} with score {answer[1]:g}")
    outlet = subject.own_outlets[0] if subject.own_outlets else "unknown_outlet"
    if "clean_document" in hooks:
        clean = subject.call("clean_document", pm, document=document, outlet=outlet)
        if clean is not None:  # declining a hostile page is fine: the generic cleaner takes it
            problems += _clean_shape_problems(clean, document)
    if "extract_claims" in hooks:
        clean = harness.clean(document, outlet)
        if clean is None:
            return [*problems, "no plugin cleaned the document"]
        gazetteer = harness.gazetteer
        gazetteer.ensure_party(outlet, outlet, "outlet")
        drafts = subject.call("extract_claims", pm, document=clean, gazetteer=gazetteer) or []
        if not isinstance(drafts, list):
            return [*problems, f"extract_claims returned {type(drafts).__name__}, not a list"]
        kept = _Kept(document.text, clean.body)
        for draft in drafts:
            if not isinstance(draft, ClaimDraft):
                problems.append(f"extract_claims returned a {type(draft).__name__}, "
                                f"not a ClaimDraft")
                continue
            try:
                check_draft(draft, document.text, subject.name)
            except PluginError as exc:
                problems.append(f"the core refuses a claim: {exc.reason}")
                continue
            problems += _claim_problems(_seen_draft(draft), document.text, gazetteer,
                                        subject.options.kinds, kept)
    return problems


def _hostile_datasets() -> list[tuple[str, Callable[[], Dataset]]]:
    return [("empty", lambda: _dataset([], [])), ("odd", _odd_dataset),
            ("large", _large_dataset)]


def _dataset(events: list[EventView], claims: list[Claim],
             parties: Iterable[Party] = ()) -> Dataset:
    gazetteer = Gazetteer()
    sources = {c.source_id: Source(id=c.source_id, sha256=c.source_id, outlet=c.outlet,
                                   text="") for c in claims}
    events_of: dict[str, list[str]] = {}
    for view in events:
        for claim in view.claims + view.aggregates:
            events_of.setdefault(claim.id, []).append(view.event.id)
    return Dataset(events, {c.id: c for c in claims}, {p.id: p for p in parties}, sources,
                   gazetteer, events_of)


def _claim(n: int, **fields: Any) -> Claim:
    base: dict[str, Any] = dict(id=f"c_{n:08d}", source_id=f"s_{n % 7:04d}", party_id="africom",
                                outlet="outlet_a", kind="killed", value=float(n % 13),
                                span_start=0, span_end=1, quote="x", extractor="hostile",
                                extractor_version="0")
    base.update(fields)
    return Claim(**base)


def _odd_dataset() -> Dataset:
    claims = [
        _claim(1, value=None, qualifier="unspecified"),
        _claim(2, value=0.0),
        _claim(3, value=1e9, qualifier="at_least"),
        _claim(4, stance="denies", denies_id="c_missing"),
        _claim(5, party_id="nobody_knows", attribution="outlet"),
        _claim(6, kind="kidnapped", value=2.0),
        _claim(7, kind="killed_total", value=30.0, parts={}),
        _claim(8, kind="coordination", value=None, event_start=date(2019, 9, 19),
               event_end=date(2019, 9, 19), event_precision="day"),
        _claim(9, kind="killed", value=2.5, said_start=date(2019, 9, 20),
               said_end=date(2019, 9, 26), said_precision="week"),
    ]
    bare = Event(id="e_bare")
    full = Event(id="e_full", perpetrator="africom", date_start=date(2019, 9, 19),
                 date_end=date(2019, 9, 19), date_precision="day", place="murzuq",
                 lat=25.9, lon=13.9, place_precision="point")
    events = [
        EventView(bare, [], [], {}),
        EventView(full, claims[:6] + claims[7:], [claims[6]],
                  {c.id: "hostile dataset" for c in claims}),
    ]
    parties = [Party(id="africom", name="AFRICOM", kind="organisation")]
    return _dataset(events, claims, parties)


def _large_dataset() -> Dataset:
    claims: list[Claim] = []
    events: list[EventView] = []
    start = date(2015, 1, 1)
    for e in range(1500):
        day = start + timedelta(days=e)
        members = [
            _claim(e * 4 + i, party_id=("africom", "gna", "lna", "unnamed_local_source")[i],
                   outlet=f"outlet_{i}", value=float((e + i) % 20),
                   event_start=day, event_end=day, event_precision="day")
            for i in range(4)
        ]
        claims += members
        events.append(EventView(Event(id=f"e_{e:06d}", perpetrator="africom", date_start=day,
                                      date_end=day, date_precision="day"),
                                members, [], {c.id: "large dataset" for c in members}))
    parties = [Party(id=p, name=p, kind="organisation")
               for p in ("africom", "gna", "lna", "unnamed_local_source")]
    return _dataset(events, claims, parties)


def _hostile_verify_problems(subject: _Subject, dataset: Dataset) -> list[str]:
    drafts = subject.call("verify", subject.base.pm, dataset=dataset)
    if drafts is None:
        return []
    if not isinstance(drafts, list):
        return [f"verify returned {type(drafts).__name__}, not a list"]
    known = set(dataset.claims) | {v.event.id for v in dataset.events}
    problems = []
    for draft in drafts:
        problems += _finding_problems(draft, known, "verify")
    return problems


def _facts(n: int, day: date | None) -> ClaimFacts:
    when = DateValue(day, day, "day", "") if day else DateValue.unknown()
    return ClaimFacts(
        id=f"c_{n:08d}", source=f"s_{n % 11:04d}", outlet="outlet_a", party="africom",
        root_party="africom", kind="killed", value=float(n % 9), stance="asserts",
        perpetrator="africom", event_date=when, said_on=DateValue.unknown(),
        published=DateValue.unknown(), place=None if n % 3 else "murzuq",
        lat=None if n % 3 else 25.9, lon=None if n % 3 else 13.9,
        place_radius_km=None if n % 3 else 15.0, denies=None, incident=None, aggregate=False,
        part_count=None, part_dates=())


def _hostile_facts() -> list[tuple[str, Callable[[], list[ClaimFacts]]]]:
    start = date(2015, 1, 1)
    return [
        ("empty", lambda: []),
        ("undated", lambda: [_facts(n, None) for n in range(200)]),
        ("large", lambda: [_facts(n, start + timedelta(days=n // 4)) for n in range(6000)]),
    ]


def _hostile_link_problems(subject: _Subject, facts: list[ClaimFacts]) -> list[str]:
    drafts = subject.call("link_events", subject.base.pm, claims=facts)
    if drafts is None:
        return []
    if not isinstance(drafts, list):
        return [f"link_events returned {type(drafts).__name__}, not a list"]
    known = {f.id for f in facts}
    for draft in drafts:
        if not isinstance(draft, EventDraft):
            return [f"link_events returned a {type(draft).__name__}, not an EventDraft"]
        unknown = [cid for cid, _ in draft.claims + draft.parts_of if cid not in known]
        if unknown:
            return [f"an event names claim {unknown[0]!r}, which it was not given"]
    return []


# -- the time limit ---------------------------------------------------------------------------


def _within(seconds: float, work: Callable[[], list[str]],
            prepare: Callable[[], None] = lambda: None) -> list[str]:
    """Run ``work`` in a forked child and stop it after ``seconds``; report a crash or a hang.

    A thread cannot be stopped, and a runaway regular expression does not even let one run, so
    the work goes to a child process. Where ``fork`` is missing the work runs here, and only a
    finished-but-slow run can be reported. ``prepare`` runs here first, outside the limit.
    """
    try:
        prepare()
    except Exception as exc:
        return [f"raised {type(exc).__name__}: {exc}"]
    if "fork" not in multiprocessing.get_all_start_methods():
        started = time.monotonic()
        problems = _guarded(work)
        elapsed = time.monotonic() - started
        if elapsed > seconds:
            problems.append(f"took {elapsed:.1f} s, more than the {seconds:g} s allowed")
        return problems
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(work, writer), daemon=True)
    started = time.monotonic()
    child.start()
    writer.close()
    try:
        if reader.poll(seconds):
            try:
                return list(reader.recv())
            except EOFError:
                child.join(5)
                return [f"crashed the process (exit code {child.exitcode})"]
        return [f"did not finish within {seconds:g} s (stopped after "
                f"{time.monotonic() - started:.0f} s)"]
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        reader.close()


def _child(work: Callable[[], list[str]], writer: Any) -> None:
    writer.send(_guarded(work))
    writer.close()


def _guarded(work: Callable[[], list[str]]) -> list[str]:
    try:
        return work()
    except Exception as exc:
        return [f"raised {type(exc).__name__}: {exc}"]
