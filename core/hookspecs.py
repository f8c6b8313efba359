"""Hook specifications: the whole contract between the core and its plugins.

Every hook documents what it returns, when the core calls it, what it receives and whether the
first answer wins. Plugins implement them with ``@claimtrack.hookimpl``. ``docs/hooks.md`` is
generated from these docstrings (``python -m claimtrack.hookdocs``) and a test keeps the two
in step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from claimtrack.documents import CleanDocument, RawDocument
    from claimtrack.extraction import ClaimDraft
    from claimtrack.gazetteer import Gazetteer, PartyEntry, PlaceEntry
    from claimtrack.linking import ClaimFacts, EventDraft
    from claimtrack.verification import Dataset, FindingDraft

#: Version of this hook contract: a new hook or a new optional argument raises the minor
#: number; anything that breaks an existing plugin raises the major one. Plugins may name the
#: version they target in ``CLAIMTRACK_HOOK_CONTRACT``; another major version is not loaded.
HOOK_CONTRACT_VERSION = "1.0"

hookspec = pluggy.HookspecMarker("claimtrack")


@hookspec
def register_outlets(register: Callable[..., None]) -> None:
    """Return nothing; declare the outlets this plugin knows through ``register``.

    Called whenever the core needs the list of outlets (each ingest run, ``claims plugins``).
    Call ``register(id, name, language="ar", homepage=None)`` for each outlet: ``id`` is a
    lower-case slug (``"aljazeera"``) used in claims and exports. Every plugin is called.
    """


@hookspec
def score_outlet(document: RawDocument) -> tuple[str, float] | None:
    """Return ``(outlet_id, score)`` saying how sure this plugin is the document is its outlet.

    Called for every ingested document unless the user named the outlet (``--outlet`` or the
    ``outlet`` key of a sidecar or JSON Lines record). ``document`` is the decoded input: its
    ``text`` (or ``html``), ``url`` and user-supplied metadata. ``score`` lies in ``[0, 1]``;
    return ``None`` when the document is plainly not yours. Every plugin is called; the highest
    score of at least 0.5 wins. Otherwise the outlet is named after the URL's host (or
    ``unknown_outlet``) and the generic cleaner handles the page.
    """


@hookspec(firstresult=True)
def clean_document(document: RawDocument, outlet: str) -> CleanDocument | None:
    """Return the document with the outlet's boilerplate removed, or ``None`` if not yours.

    Called once per document after the outlet is chosen. ``outlet`` is the chosen outlet id.
    The result gives the title, the kept body blocks (with their character spans in
    ``document.text``), the removed blocks and any publication date or dateline the page shows.
    The first non-``None`` answer wins: installed plugins are asked before the built-ins, so
    return ``None`` for any outlet that is not yours. The generic cleaner answers last, for
    every outlet. Claims are only ever extracted from kept blocks.
    """


@hookspec
def extract_claims(document: CleanDocument, gazetteer: Gazetteer) -> list[ClaimDraft] | None:
    """Return the claims found in a cleaned document.

    Called once per cleaned document. ``document.text`` is the stored text; every claim's
    ``span`` must point into it so that ``text[start:end] == quote``. ``gazetteer`` resolves
    party and place names. Every plugin is called and the lists are concatenated; return
    ``None`` (or ``[]``) for documents you do not handle, e.g. another language.
    """


@hookspec
def register_parties(register: Callable[..., PartyEntry]) -> None:
    """Return nothing; contribute parties (actors that assert things) through ``register``.

    Called once when the gazetteer is built. Call
    ``register(id, name, kind, aliases=(), affiliation=None)`` per party: ``kind`` is one of
    ``organisation``, ``office``, ``person``, ``unnamed_source``, ``outlet``; ``affiliation``
    is the id of the organisation an office or person speaks for. The core rejects a second
    party with the same id and records which plugin contributed each one (``claims gazetteer``
    lists them). Every plugin is called, built-ins first, so a built-in's id or alias stays
    the built-in's; a plugin whose party is rejected is not loaded.
    """


@hookspec
def register_places(register: Callable[..., PlaceEntry]) -> None:
    """Return nothing; contribute places (with coordinates) through ``register``.

    Called once when the gazetteer is built. Call
    ``register(id, name, lat, lon, aliases=(), kind="town", radius_km=10.0)`` per place;
    ``kind`` is ``town``, ``district``, ``area``, ``region`` or ``country``. Duplicate ids are
    rejected, and each place records the plugin that contributed it. Every plugin is called.
    """


@hookspec(firstresult=True)
def link_events(claims: list[ClaimFacts]) -> list[EventDraft] | None:
    """Return events grouping the incident claims given, or ``None`` to leave it to another.

    Called after every ingest run, after an analyst's decision, and by ``claims verify
    --relink``, in a stable order (aggregates are flagged with ``aggregate=True``). Each
    ``EventDraft`` lists its claim ids with the reason each was linked, and the aggregate claims
    that count it among their parts. The first non-``None`` answer wins.

    The claims given are either all stored claims or a closed neighbourhood of new ones: every
    claim whose link dates (event window, widened to an aggregate's part dates) come within
    ``claimtrack.linking.LINK_SLACK`` of another's, with whole articles and whole current
    events. A linker must therefore never put two claims in one event (or link a total to a
    part) when their dates are further apart than that; undated claims may only join claims
    of their own article. Analysts' decisions are applied by the core to what it returns.
    """


@hookspec
def verify(dataset: Dataset) -> list[FindingDraft] | None:
    """Return findings about events and claims.

    Called by ``claims verify`` after linking. ``dataset`` holds every event, claim, party and
    source (read-only). Each finding names its check, subject ids, a grade on the published
    scale, the claims it rests on and a one-sentence reason. Every plugin is called and all
    findings are stored.
    """


@hookspec
def register_export_formats(register: Callable[..., None]) -> None:
    """Return nothing; contribute export formats for ``claims export --format NAME``.

    Called once when the CLI lists or runs exports. Call
    ``register(name, writer, description="", extension="txt")`` where
    ``writer(document, options)``
    receives the validated JSON export document (a ``dict`` following
    ``schemas/export.schema.json``) and a ``dict`` of options, and returns the text to write.
    Every plugin is called; duplicate names are rejected.
    """


def hook_names() -> list[str]:
    """Names of every hook in this contract, in definition order."""
    return [name for name, value in globals().items() if _is_hookspec(value)]


def _is_hookspec(value: Any) -> bool:
    return callable(value) and hasattr(value, "claimtrack_spec")
