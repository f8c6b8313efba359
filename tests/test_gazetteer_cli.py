"""Where names come from: `claims gazetteer`, provenance of parties, and installed plugins
that load, fail to load, or break the gazetteer, as `claims plugins` reports them."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest
from typer.testing import CliRunner

from claimtrack import hookimpl
from claimtrack.hookspecs import HOOK_CONTRACT_VERSION
from conftest import run

ARTICLE = (
    "غارة قرب تمسة\n\n"
    "قال المجلس الاجتماعي لقبائل التبو إن غارة جوية قرب بلدة تمسة أسفرت عن مقتل ثلاثة أشخاص "
    "يوم الجمعة الماضي.\n"
)


def test_gazetteer_lists_parties_and_places_with_their_plugin(runner: CliRunner) -> None:
    result = run(runner, "gazetteer", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    parties = {p["id"]: p for p in data["parties"]}
    places = {p["id"]: p for p in data["places"]}
    assert parties["africom"]["contributed_by"] == "claimtrack_plugins.libya_gazetteer"
    assert "الأفريكوم" in parties["africom"]["aliases"]
    assert parties["africom"]["affiliation"] == "us_military"
    # Outlets are parties too, credited to the plugin that declared them.
    assert parties["aljazeera"]["kind"] == "outlet"
    assert parties["aljazeera"]["contributed_by"] == "claimtrack_plugins.aljazeera"
    murzuq = places["murzuq"]
    assert (round(murzuq["lat"], 2), round(murzuq["lon"], 2)) == (25.92, 13.92)
    assert murzuq["contributed_by"] == "claimtrack_plugins.libya_gazetteer"


def test_gazetteer_filters(runner: CliRunner) -> None:
    only_places = json.loads(run(runner, "gazetteer", "--json", "--kind", "places").stdout)
    assert set(only_places) == {"places"} and len(only_places["places"]) > 20
    # A spelling resolves the way the extractor reads it: hamza and ta marbuta folded.
    spelled = json.loads(run(runner, "gazetteer", "--json", "--match", "الافريكوم").stdout)
    assert [p["id"] for p in spelled["parties"]] == ["africom"] and spelled["places"] == []
    by_plugin = json.loads(run(runner, "gazetteer", "--json", "--plugin",
                               "claimtrack_plugins.aljazeera").stdout)
    assert [p["id"] for p in by_plugin["parties"]] == ["aljazeera"]
    table = run(runner, "gazetteer", "--kind", "parties")
    assert table.exit_code == 0 and "africom" in table.stdout and "murzuq" not in table.stdout
    unknown = CliRunner().invoke(__import__("claimtrack.cli").cli.app,
                                 ["gazetteer", "--plugin", "nope"])
    assert unknown.exit_code == 2 and "no plugin 'nope' is loaded" in unknown.output


# --------------------------------------------------------------------------------------------
# Installed plugins, as entry points
# --------------------------------------------------------------------------------------------


def _module(name: str, **hooks: object) -> ModuleType:
    module = ModuleType(name)
    for hook, function in hooks.items():
        setattr(module, hook, function)
    return module


def _register_tebu(register):  # type: ignore[no-untyped-def]
    register("tebu_social_council", "Social Council of the Tebu tribes", "organisation",
             aliases=("المجلس الاجتماعي لقبائل التبو",))


def _register_tmassah(register):  # type: ignore[no-untyped-def]
    register("tmassah", "تمسة", 26.37, 15.80)


def _claim_gna_again(register):  # type: ignore[no-untyped-def]
    register("gna", "GNA, again", "organisation")


def _nothing(document):  # type: ignore[no-untyped-def]
    return []


GOOD = _module("southern_gazetteer", register_parties=hookimpl(_register_tebu),
               register_places=hookimpl(_register_tmassah),
               CLAIMTRACK_HOOK_CONTRACT=HOOK_CONTRACT_VERSION)
CLASH = _module("clashing_gazetteer", register_parties=hookimpl(_claim_gna_again))
MISNAMED = _module("misnamed", extract_claim=hookimpl(_nothing))
FUTURE = _module("future", extract_claims=hookimpl(_nothing), CLAIMTRACK_HOOK_CONTRACT="2.0")


def _entry_point(name: str, target: ModuleType | Exception, version: str) -> SimpleNamespace:
    def load() -> ModuleType:
        if isinstance(target, Exception):
            raise target
        return target

    return SimpleNamespace(name=name, load=load, dist=SimpleNamespace(version=version))


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Five installed plugins: one good, four that must be refused, each for its own reason."""
    import claimtrack.plugins

    points = [
        _entry_point("southern", GOOD, "2.1.0"),
        _entry_point("broken", ModuleNotFoundError("No module named 'claimtrack_broken'"),
                     "0.1"),
        _entry_point("clashing", CLASH, "0.3"),
        _entry_point("misnamed", MISNAMED, "0.1"),
        _entry_point("future", FUTURE, "9.0"),
    ]
    monkeypatch.delenv("CLAIMTRACK_NO_ENTRYPOINTS", raising=False)
    monkeypatch.setattr(claimtrack.plugins, "entry_points",
                        lambda group: points if group == "claimtrack" else [])


def test_plugins_reports_each_failure_by_name_and_loads_the_rest(
    runner: CliRunner, installed: None
) -> None:
    result = run(runner, "plugins", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["hook_contract"] == HOOK_CONTRACT_VERSION
    plugins = {p["name"]: p for p in data["plugins"]}
    southern = plugins["southern"]
    assert (southern["version"], southern["builtin"], southern["hook_contract"]) == (
        "2.1.0", False, HOOK_CONTRACT_VERSION)
    assert (southern["parties"], southern["places"]) == (1, 1)
    assert southern["hooks"] == ["register_parties", "register_places"]
    assert "claimtrack_plugins.generic_arabic" in plugins
    failed = {f["name"]: f["reason"] for f in data["failed"]}
    assert failed == {
        "broken": "ModuleNotFoundError: No module named 'claimtrack_broken'",
        "clashing": "party 'gna' is already declared by claimtrack_plugins.libya_gazetteer",
        "misnamed": "implements 'extract_claim', which is not a claimtrack hook "
                    "(see docs/hooks.md)",
        "future": f"written for hook contract 2.0, but this claimtrack provides "
                  f"{HOOK_CONTRACT_VERSION}",
    }
    assert not {"broken", "clashing", "misnamed", "future"} & set(plugins)
    table = run(runner, "plugins")
    assert "Failed to load plugin 'clashing': party 'gna' is already declared" in table.stderr
    assert f"hook contract {HOOK_CONTRACT_VERSION}" in table.stdout


def test_ingest_goes_on_with_the_plugins_that_loaded(
    runner: CliRunner, installed: None, tmp_path: Path, sqlite_url: str
) -> None:
    article = tmp_path / "tmassah.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run(runner, "ingest", str(article), "--db", sqlite_url, "--published",
                 "2019-11-24")
    assert result.exit_code == 0, result.output
    for name in ("broken", "clashing", "misnamed", "future"):
        assert f"Warning: failed to load plugin {name!r}" in result.stderr
    export = json.loads(run(runner, "export", "--db", sqlite_url).stdout)
    claim = next(c for c in export["claims"] if c["kind"] == "killed")
    # The installed plugin's party and place reach the claim; the extractor is recorded with
    # its name and version.
    assert (claim["party"], claim["place"]) == ("tebu_social_council", "tmassah")
    assert claim["extractor"] == {"name": "claimtrack_plugins.generic_arabic",
                                  "version": claim["extractor"]["version"]}
    assert claim["extractor"]["version"]
    parties = {p["id"]: p for p in export["parties"]}
    assert parties["tebu_social_council"]["contributed_by"] == "southern"
    places = json.loads(run(runner, "gazetteer", "--json", "--plugin", "southern").stdout)
    assert [p["id"] for p in places["places"]] == ["tmassah"]


class ThirdPartyExtractor:
    """An installed extractor: its claims carry its entry-point name and package version."""

    @hookimpl
    def extract_claims(self, document):  # type: ignore[no-untyped-def]
        from claimtrack.extraction import ClaimDraft

        start, end, text = next(iter(document.kept()))
        return [ClaimDraft("strikes", 1, "tebu_social_council", (start, end), text)]


def test_claims_record_the_installed_plugin_and_its_version(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, sqlite_url: str
) -> None:
    import claimtrack.plugins

    points = [_entry_point("southern", GOOD, "2.1.0"),
              _entry_point("tebu_reader", ThirdPartyExtractor(), "0.4.2")]  # type: ignore[arg-type]
    monkeypatch.delenv("CLAIMTRACK_NO_ENTRYPOINTS", raising=False)
    monkeypatch.setattr(claimtrack.plugins, "entry_points", lambda group: points)
    article = tmp_path / "tmassah.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert run(runner, "ingest", str(article), "--db", sqlite_url).exit_code == 0
    export = json.loads(run(runner, "export", "--db", sqlite_url).stdout)
    extractors = {(c["kind"], c["extractor"]["name"], c["extractor"]["version"])
                  for c in export["claims"]}
    assert ("strikes", "tebu_reader", "0.4.2") in extractors
