"""Generate ``docs/hooks.md`` from the hook specs, so the page and the docstrings cannot drift.

``python -m claimtrack.hookdocs`` prints the page; ``--write`` writes ``docs/hooks.md`` in the
source tree (or prints it when there is no ``docs/`` folder, as in an installed copy).
"""

from __future__ import annotations

import argparse
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimtrack import hookspecs

DOCS_PAGE = Path(__file__).parent.parent / "docs" / "hooks.md"

INTRO = """\
Plugins implement these hooks with `from claimtrack import hookimpl`. A module is a plugin;
name only the arguments you need, in any order. Install it as a package that declares an entry
point in the `claimtrack` group, and `claims plugins` lists it:

```toml
[project.entry-points.claimtrack]
example_news = "claimtrack_example_news"
```

The whole walk from an empty folder to an installed, tested plugin is in
[writing-plugins.md](writing-plugins.md); `claimtrack.testing` is the test kit that checks a
plugin keeps the contract described here.

**The hook contract has a version**, shown above and in `claims plugins`
(`claimtrack.hookspecs.HOOK_CONTRACT_VERSION`). Adding a hook, or an optional argument a
plugin may leave out, raises the minor number; renaming or removing a hook or an argument, or
changing what a hook must return, raises the major number. A plugin states the version it was
written for in a module-level `CLAIMTRACK_HOOK_CONTRACT = "1.0"`: claimtrack refuses to load
one written for another major version, and one that implements a hook this page does not
list, and says so by name in `claims plugins`.

Built-in plugins (`claimtrack_plugins.*`) come in through the same door. Switches for bad days:
`CLAIMTRACK_LOAD_PLUGINS=a,b` loads only the plugins named (empty loads none),
`CLAIMTRACK_TRACE_PLUGINS=1` prints every hook call to stderr, and
`CLAIMTRACK_NO_ENTRYPOINTS=1` ignores installed third-party plugins.
A plugin that raises while a document is ingested gets that document recorded as failed,
with the plugin's name. See [architecture.md](architecture.md) for where each hook is called.
"""

_IMPORT = "from claimtrack import hookimpl\n"
EXAMPLES: dict[str, str] = {
    "register_outlets": _IMPORT + """

@hookimpl
def register_outlets(register):
    register("example_news", "Example News", language="ar", homepage="https://news.example")
""",
    "score_outlet": _IMPORT + """

@hookimpl
def score_outlet(document):
    if document.url and "news.example" in document.url:
        return "example_news", 1.0
    return ("example_news", 0.6) if "أخبار المثال" in document.text[:300] else None
""",
    "clean_document": _IMPORT + """from claimtrack.cleaning import clean_lines


@hookimpl
def clean_document(document, outlet):
    if outlet != "example_news":
        return None
    return clean_lines(document, outlet, cut_after=("اقرأ المزيد",))
""",
    "extract_claims": _IMPORT + """from claimtrack.extraction import ClaimDraft


@hookimpl
def extract_claims(document):
    if document.outlet != "example_news":
        return None
    return [
        ClaimDraft(kind="strikes", value=1, party=document.outlet, span=(start, end),
                   quote=text, attribution="outlet")
        for start, end, text in document.kept() if text.startswith("غارة جوية")
    ]
""",
    "register_parties": _IMPORT + """

@hookimpl
def register_parties(register):
    register("ghadames_council", "Ghadames municipal council", "office",
             aliases=("المجلس البلدي غدامس",))
""",
    "register_places": _IMPORT + """

@hookimpl
def register_places(register):
    register("ghadames", "غدامس", 30.1337, 9.4969, kind="town", radius_km=10.0)
""",
    "link_events": _IMPORT + """from claimtrack.linking import EventDraft


@hookimpl
def link_events(claims):
    # Naive on purpose: one event per article. The built-in linker is far more careful.
    by_source = {}
    for claim in claims:
        if not claim.aggregate:
            by_source.setdefault(claim.source, []).append((claim.id, "same article"))
    return [EventDraft(claims=members) for _, members in sorted(by_source.items())]
""",
    "verify": _IMPORT + """from claimtrack.verification import FindingDraft


@hookimpl
def verify(dataset):
    return [
        FindingDraft(check="unattributed", subject=[claim.id], grade="unverifiable",
                     outcome="no_party", claims=[claim.id],
                     reason="The outlet gives this figure without saying who asserted it.")
        for claim in dataset.claims.values() if claim.attribution == "outlet"
    ]
""",
    "register_export_formats": _IMPORT + """

def write_event_ids(document, options):
    return "\\n".join(event["id"] for event in document["events"])


@hookimpl
def register_export_formats(register):
    register("event_ids", write_event_ids, "One event id a line", "txt")
""",
}


def spec(name: str) -> Callable[..., Any]:
    return getattr(hookspecs, name)


def is_firstresult(name: str) -> bool:
    return bool(getattr(spec(name), "claimtrack_spec", {}).get("firstresult"))


def signature(name: str) -> str:
    """The spec's signature with its annotations as written in hookspecs.py."""
    sig = inspect.signature(spec(name))
    params = ", ".join(f"{p.name}: {p.annotation}" for p in sig.parameters.values())
    return f"def {name}({params}) -> {sig.return_annotation}"


def render() -> str:
    parts = [
        "<!-- Generated by `python -m claimtrack.hookdocs --write` from core/hookspecs.py. -->",
        f"# Plugin hooks\n\nHook contract version **{hookspecs.HOOK_CONTRACT_VERSION}**.\n",
        INTRO,
    ]
    for name in hookspecs.hook_names():
        doc = (inspect.getdoc(spec(name)) or "").replace("``", "`")
        answer = ("first non-`None` answer wins (`firstresult`)" if is_firstresult(name)
                  else "every implementation is called")
        parts.append(
            f"## {name}\n\n```python\n{signature(name)}\n```\n\n*Calling:* {answer}.\n\n"
            f"{doc}\n\nExample:\n\n```python\n{EXAMPLES[name].strip()}\n```\n"
        )
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimtrack.hookdocs", description=__doc__)
    parser.add_argument("--write", action="store_true", help="write docs/hooks.md")
    args = parser.parse_args(argv)
    text = render()
    if args.write and DOCS_PAGE.parent.is_dir():
        DOCS_PAGE.write_text(text, encoding="utf-8")
        print(f"Wrote {DOCS_PAGE}")
    else:
        print(text, end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
