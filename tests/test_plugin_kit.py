"""The plugin test kit: every built-in plugin and both documented examples pass it, and it
catches plugins that break the contract, naming the plugin, the document and the problem."""

from __future__ import annotations

import importlib
import importlib.util
import itertools
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from claimtrack import hookimpl
from claimtrack.documents import RawDocument
from claimtrack.extraction import ClaimDraft
from claimtrack.plugins import DEFAULT_PLUGINS
from claimtrack.testing import (
    Check,
    Harness,
    PluginCheckFailed,
    check_extractor,
    check_gazetteer,
    check_outlet_plugin,
    check_plugin,
    check_verifier,
    hostile_documents,
    load_documents,
    plugin_checks,
)
from claimtrack.verification import FindingDraft
from conftest import ROOT, SEEDS

ARTICLES = ROOT / "tests" / "articles"
EXAMPLES = ROOT / "docs" / "examples"
OUTLET_PLUGINS = ("libya_alahrar", "independent_arabia", "aljazeera")


def _outlet_of(document: RawDocument) -> str:
    return document.outlet or "?"  # every seed and test article names it in a sidecar


ALL = load_documents(SEEDS, *sorted(p for p in ARTICLES.iterdir() if p.is_dir()))
SEED_DOCS = [d for d in ALL if Path(d.origin).parent == SEEDS]
UNMARKED = str(SEEDS / "003_6017e8bea10498ae.txt")


def _example(folder: str, module: str) -> ModuleType:
    """Import an example plugin from its folder, installed or not."""
    if module in sys.modules:
        return sys.modules[module]
    spec = importlib.util.spec_from_file_location(module, EXAMPLES / folder / f"{module}.py")
    assert spec is not None and spec.loader is not None
    loaded = importlib.util.module_from_spec(spec)
    sys.modules[module] = loaded
    spec.loader.exec_module(loaded)
    return loaded


ALWASAT = _example("claimtrack-alwasat", "claimtrack_alwasat")
SELF_REPORTED = _example("claimtrack-self-reported", "claimtrack_self_reported")
ALWASAT_SAMPLES = load_documents(EXAMPLES / "claimtrack-alwasat" / "samples")


def _builtin_checks() -> list[Check]:
    checks: list[Check] = []
    for name in DEFAULT_PLUGINS:
        module = importlib.import_module(name)
        short = name.rsplit(".", 1)[-1]
        if short in OUTLET_PLUGINS:
            # Seed 003 is cut off before Al-Ahrar's footer and nothing else in its text names
            # the outlet (its sidecar does): no plugin could tell, so it is nobody's sample.
            own = [d for d in ALL if _outlet_of(d) == short and d.origin != UNMARKED]
            foreign = [d for d in ALL if _outlet_of(d) != short and d.origin != UNMARKED]
            checks += plugin_checks(module, own, foreign=foreign)
        elif short.startswith("format_"):
            checks += plugin_checks(module, SEED_DOCS)
        elif short == "incident_linker":
            # A short limit: the linker looks candidates up by day, so 6000 claims take well
            # under a second; all-pairs comparison would take minutes.
            checks += plugin_checks(module, ALL, time_limit=5)
        else:
            checks += plugin_checks(module, ALL)
    return checks


def _example_checks() -> list[Check]:
    alwasat_foreign = [d for d in ALL if _outlet_of(d) != "alwasat"]
    alwasat_own = ALWASAT_SAMPLES + [d for d in ALL if _outlet_of(d) == "alwasat"]
    return [
        *plugin_checks(ALWASAT, alwasat_own, name="alwasat", version="0.1.0",
                       foreign=alwasat_foreign),
        *plugin_checks(SELF_REPORTED, SEED_DOCS + ALWASAT_SAMPLES, name="self_reported",
                       version="0.1.0"),
    ]


# Known failures the kit found in built-in plugins, kept visible until they are fixed (strict:
# a fix makes the test pass, and then the mark has to go).
KNOWN: dict[str, str] = {}


def _param(check: Check) -> object:
    reason = KNOWN.get(str(check))
    marks = [pytest.mark.xfail(reason=reason, strict=True, raises=PluginCheckFailed)] \
        if reason else []
    return pytest.param(check, id=str(check), marks=marks)


BUILTIN_CHECKS = _builtin_checks()
EXAMPLE_CHECKS = _example_checks()


@pytest.mark.parametrize("check", [_param(c) for c in BUILTIN_CHECKS])
def test_builtin_plugins_pass_the_kit(check: Check) -> None:
    check()


@pytest.mark.parametrize("check", [_param(c) for c in EXAMPLE_CHECKS])
def test_example_plugins_pass_the_kit(check: Check) -> None:
    check()


def test_every_builtin_is_checked_with_its_hooks() -> None:
    checked = {c.plugin for c in BUILTIN_CHECKS}
    assert checked == set(DEFAULT_PLUGINS)
    names = {(c.plugin.rsplit(".", 1)[-1], c.name) for c in BUILTIN_CHECKS}
    for outlet in OUTLET_PLUGINS:
        for what in ("score_outlet", "clean_document", "claims", "not_claimed", "deterministic",
                     "hostile"):
            assert (outlet, what) in names, (outlet, what)
    assert ("generic_arabic", "extracts") in names
    assert ("libya_gazetteer", "gazetteer") in names
    assert ("incident_linker", "link") in names
    assert ("casualty_reconciliation", "verify") in names
    assert ("format_csv", "export") in names
    hostile = {c.tag for c in BUILTIN_CHECKS if c.plugin.endswith("generic_arabic")
               and c.name == "hostile"}
    assert {"empty", "nul-bytes", "binary-like", "enormous", "persian", "digit-runs"} <= hostile


def test_hostile_documents_are_what_they_say() -> None:
    by_name = {d.origin.removeprefix("hostile:"): d.text for d in hostile_documents()}
    assert by_name["empty"] == ""
    assert "\x00" in by_name["nul-bytes"]
    assert len(by_name["enormous"].encode("utf-8")) >= 5 * 1024 * 1024
    assert "\n" not in by_name["one-long-line"] and len(by_name["one-long-line"]) > 100_000
    assert re.search(r"\d{100000}", by_name["digit-runs"])
    assert re.search(r"[\u4e00-\u9fff]", by_name["other-scripts"])


def test_check_ids_name_plugin_check_and_document() -> None:
    ids = [str(c) for c in plugin_checks(ALWASAT, ALWASAT_SAMPLES, name="alwasat")]
    assert "alwasat:loads" in ids
    assert any(i.startswith("alwasat:score_outlet:") and i.endswith(".txt") for i in ids)
    assert "alwasat:hostile:nul-bytes" in ids
    assert len(ids) == len(set(ids))


# --------------------------------------------------------------------------------------------
# The kit catches plugins that break the contract
# --------------------------------------------------------------------------------------------

SAMPLE = RawDocument(
    "samples/sabha.txt",
    "غارة جديدة قرب سبها\n\nأعلنت القيادة العسكرية الأمريكية في أفريقيا (أفريكوم) مقتل ٦ "
    "عناصر من تنظيم الدولة في غارة جوية قرب مدينة سبها يوم الأربعاء الماضي.\n",
    published="2019-10-18",
)


def _failure(run: object, *args: object, **kwargs: object) -> str:
    with pytest.raises(PluginCheckFailed) as caught:
        run(*args, **kwargs)  # type: ignore[operator]
    return str(caught.value)


def _first_sentence(document: object) -> tuple[int, int, str]:
    start, end, text = next(iter(document.kept()))  # type: ignore[attr-defined]
    return start, end, text


class BadSpan:
    @hookimpl
    def extract_claims(self, document):  # type: ignore[no-untyped-def]
        start, end, text = _first_sentence(document)
        return [ClaimDraft("killed", 6, "africom", (start, end + 1), text)]


def test_a_span_that_misses_its_quote_is_named() -> None:
    message = _failure(check_plugin, BadSpan(), [SAMPLE], name="bad_span",
                       groups=("documents",))
    assert ("plugin bad_span, document samples/sabha.txt: the core refused the document: "
            "plugin bad_span: claim span") in message
    assert "does not hold its quote" in message


class OffVocabulary:
    @hookimpl
    def extract_claims(self, document):  # type: ignore[no-untyped-def]
        start, end, text = _first_sentence(document)
        return [ClaimDraft("kidnapped", 6, "the_americans", (start, end), text,
                           place="atlantis", qualifier="exact"),
                ClaimDraft("coordination", 3, "africom", (start, end), text),
                ClaimDraft("killed", -3, "africom", (start, end), text)]


def test_kinds_parties_places_and_values_come_from_the_vocabulary() -> None:
    message = _failure(check_extractor, OffVocabulary(), [SAMPLE], name="off_vocabulary",
                       hostile=[])
    prefix = "plugin off_vocabulary, document samples/sabha.txt: claim kidnapped 6 at"
    assert prefix in message
    assert "kind 'kidnapped' is not in the vocabulary" in message
    assert "party 'the_americans' is not a canonical id in the gazetteer" in message
    assert "place 'atlantis' is not a place in the gazetteer" in message
    assert "a coordination claim carries no number" in message
    assert "value -3 is not a count" in message
    # A plugin that adds a kind on purpose says so.
    widened = _failure(check_extractor, OffVocabulary(), [SAMPLE], name="off_vocabulary",
                       hostile=[], kinds=("killed", "coordination", "kidnapped"))
    assert "kind 'kidnapped'" not in widened


class Boilerplate:
    """Mines the headline, which the cleaner removed as the title."""

    @hookimpl
    def extract_claims(self, document):  # type: ignore[no-untyped-def]
        title = document.text.split("\n", 1)[0]
        return [ClaimDraft("strikes", 1, "africom", (0, len(title)), title)]


def test_claims_from_removed_blocks_are_caught() -> None:
    message = _failure(check_extractor, Boilerplate(), [SAMPLE], name="boilerplate",
                       hostile=[])
    assert "the quote is not inside a kept block" in message


class Greedy:
    """Says every document is its outlet, and cleans every outlet's pages."""

    @hookimpl
    def register_outlets(self, register):  # type: ignore[no-untyped-def]
        register("greedy_news", "Greedy News")

    @hookimpl
    def score_outlet(self, document):  # type: ignore[no-untyped-def]
        return "greedy_news", 0.9

    @hookimpl
    def clean_document(self, document, outlet):  # type: ignore[no-untyped-def]
        from claimtrack.cleaning import clean_lines

        return clean_lines(document, outlet)


def test_an_outlet_plugin_that_claims_everything_is_caught() -> None:
    seed = SEED_DOCS[0]
    message = _failure(check_outlet_plugin, Greedy(), [SAMPLE], foreign=[seed],
                       name="greedy", hostile=hostile_documents()[:1])
    assert (f"plugin greedy, foreign document {seed.origin}: claims another outlet's "
            f"article: score 0.9 for 'greedy_news'") in message
    assert ("plugin greedy, document samples/sabha.txt: clean_document answered for outlet "
            "'some_other_outlet'") in message
    assert ("plugin greedy, hostile document 'empty': claims it for outlet 'greedy_news' "
            "with score 0.9") in message


class OutOfRange:
    @hookimpl
    def register_outlets(self, register):  # type: ignore[no-untyped-def]
        register("Loud News", "Loud News")

    @hookimpl
    def score_outlet(self, document):  # type: ignore[no-untyped-def]
        return ("Loud News", 1.5) if "سبها" in document.text else None


def test_scores_outside_zero_one_and_bad_outlet_ids_are_caught() -> None:
    message = _failure(check_outlet_plugin, OutOfRange(), [SAMPLE], name="loud", hostile=[])
    assert ("plugin loud, document samples/sabha.txt: score_outlet gave 'Loud News' the "
            "score 1.5, outside [0, 1]") in message
    assert "outlet id 'Loud News' is not a lower-case slug; use 'loud_news'" in message


class Forgetful:
    """Returns a different figure each time it is asked: state kept between documents."""

    calls = itertools.count()

    @hookimpl
    def extract_claims(self, document):  # type: ignore[no-untyped-def]
        start, end, text = _first_sentence(document)
        return [ClaimDraft("killed", next(self.calls), "africom", (start, end), text)]


def test_output_that_changes_between_runs_is_caught() -> None:
    message = _failure(check_plugin, Forgetful(), [SAMPLE, SEED_DOCS[1]], name="forgetful",
                       groups=("determinism",))
    assert "plugin forgetful, samples (2 documents): claim c_" in message
    assert "appears in the first run only" in message


class Fragile:
    @hookimpl
    def extract_claims(self, document):  # type: ignore[no-untyped-def]
        return [ClaimDraft("killed", 1 / len(document.text.strip()), "africom", (0, 1),
                           document.text[:1])]


class Stuck:
    @hookimpl
    def extract_claims(self, document):  # type: ignore[no-untyped-def]
        while "\x00" in document.text:  # a loop that never ends on NUL bytes
            pass
        return []


def test_crashes_and_hangs_on_hostile_documents_are_caught() -> None:
    hostile = {d.origin: d for d in hostile_documents()}
    crash = _failure(check_extractor, Fragile(), [], name="fragile",
                     hostile=[hostile["hostile:empty"]])
    assert ("plugin fragile, hostile document 'empty': raised ZeroDivisionError: division "
            "by zero") in crash
    hang = _failure(check_extractor, Stuck(), [], name="stuck", time_limit=1,
                    hostile=[hostile["hostile:nul-bytes"], hostile["hostile:english"]])
    assert "plugin stuck, hostile document 'nul-bytes': did not finish within 1 s" in hang
    assert "english" not in hang


def test_misnamed_hooks_and_another_contract_do_not_load() -> None:
    misnamed = ModuleType("misnamed")

    @hookimpl
    def extract_claim(document):  # type: ignore[no-untyped-def]
        return []

    misnamed.extract_claim = extract_claim  # type: ignore[attr-defined]
    misnamed.extract_claims = extract_claim  # type: ignore[attr-defined]
    message = _failure(check_plugin, misnamed, [SAMPLE])
    assert ("plugin misnamed, set-up: does not load: implements 'extract_claim', which is "
            "not a claimtrack hook") in message

    future = ModuleType("future_plugin")
    future.CLAIMTRACK_HOOK_CONTRACT = "2.0"  # type: ignore[attr-defined]
    future.extract_claims = hookimpl(lambda document: [])  # type: ignore[attr-defined]
    message = _failure(check_plugin, future, [SAMPLE])
    assert "does not load: written for hook contract 2.0, but this claimtrack provides 1." \
        in message


class Shadowed:
    @hookimpl
    def register_parties(self, register):  # type: ignore[no-untyped-def]
        register("gna_government", "GNA", "organisation", aliases=("حكومة الوفاق",),
                 affiliation="no_such_body")

    @hookimpl
    def register_places(self, register):  # type: ignore[no-untyped-def]
        register("traghen", "تراغن", 214.43, 25.93)


class Duplicate:
    @hookimpl
    def register_parties(self, register):  # type: ignore[no-untyped-def]
        register("gna", "GNA", "organisation")


def test_gazetteer_contributions_must_reach_their_entries() -> None:
    message = _failure(check_gazetteer, Shadowed(), name="shadowed")
    assert ("plugin shadowed, gazetteer: party 'gna_government': name 'حكومة الوفاق' resolves "
            "to 'gna' (declared by claimtrack_plugins.libya_gazetteer)") in message
    assert ("party 'gna_government' is affiliated to 'no_such_body', which no plugin "
            "declares") in message
    assert "place 'traghen' has coordinates (214.43, 25.93) off the globe" in message
    duplicate = _failure(check_gazetteer, Duplicate(), name="duplicate")
    assert ("plugin duplicate, set-up: does not load: party 'gna' is already declared by "
            "claimtrack_plugins.libya_gazetteer") in duplicate


class Careless:
    @hookimpl
    def verify(self, dataset):  # type: ignore[no-untyped-def]
        worst = max(v.event.killed_high or 0 for v in dataset.events)  # fails when empty
        return [FindingDraft("careless", ["e_nowhere"], "maybe", "x",
                             "First line.\nSecond line.", [], {"when": object()}),
                FindingDraft("careless", [dataset.events[0].event.id], "contested", "x",
                             f"Worst {worst}.", [])]


def test_verifier_findings_are_checked() -> None:
    message = _failure(check_verifier, Careless(), SEED_DOCS[:1], name="careless")
    assert ("plugin careless, samples (1 documents): claims verify fails: plugin careless: "
            "grade 'maybe' is not one of") in message
    assert ("plugin careless, hostile dataset 'empty': raised ValueError: max() arg is an "
            "empty sequence") in message
    assert "refers to 'e_nowhere', which is no event or claim here" in message
    assert "the reason spans several lines" in message
    assert "details cannot be stored as JSON" in message


class Inventive:
    """A linker that makes up a claim id."""

    @hookimpl
    def link_events(self, claims):  # type: ignore[no-untyped-def]
        from claimtrack.linking import EventDraft

        return [EventDraft(claims=[("c_invented", "made up")])]


def test_a_linker_that_invents_claims_is_caught() -> None:
    message = _failure(check_plugin, Inventive(), [SAMPLE], name="inventive")
    assert ("plugin inventive, samples (1 documents): linking the samples' claims fails: "
            "plugin inventive: event names unknown claim c_invented") in message
    assert ("plugin inventive, hostile claim list 'empty': an event names claim 'c_invented', "
            "which it was not given") in message


def test_check_functions_refuse_the_wrong_kind_of_plugin() -> None:
    message = _failure(check_verifier, BadSpan(), [])
    assert "implements none of verify, the hooks of a verifier" in message


def test_harness_runs_the_core_pipeline() -> None:
    harness = Harness(ALWASAT, names=["alwasat"])
    outcomes = harness.ingest(ALWASAT_SAMPLES)
    assert {o.status for o in outcomes} == {"new"}
    assert {s.outlet for s in harness.sources()} == {"alwasat"}
    claims = harness.claims()
    assert claims and all(c.extractor == "claimtrack_plugins.generic_arabic" for c in claims)
    assert harness.events()
    assert {f.verifier for f in harness.verify()} >= {
        "claimtrack_plugins.casualty_reconciliation"}
    export = harness.export()
    assert {p["contributed_by"] for p in export["parties"]} >= {"alwasat"}
