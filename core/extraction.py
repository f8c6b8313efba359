"""What an extractor plugin hands back, and the checks the core runs on it before storing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from claimtrack.arabic_dates import DateValue
from claimtrack.errors import PluginError

KINDS = (
    "killed",
    "injured",
    "civilians_harmed",
    "vehicles_destroyed",
    "buildings_destroyed",
    "strikes",
    "killed_total",
    "remaining_strength",
    "coordination",
    "targeting",
)
#: Kinds that describe one incident; the rest are about several (aggregates) or none.
INCIDENT_KINDS = frozenset(KINDS) - {"killed_total", "remaining_strength"}
QUALIFIERS = ("exact", "about", "at_least", "at_most", "unspecified")
STANCES = ("asserts", "denies")
KIND_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass
class ClaimDraft:
    """One claim as an extractor found it; the core gives it an id and stores it."""

    kind: str
    value: float | None
    party: str  # canonical party id
    span: tuple[int, int]  # the sentence, in the stored text
    quote: str
    qualifier: str = "exact"
    stance: str = "asserts"
    attribution: str = "stated"  # "outlet" when no party was found in the text
    vague: bool = False
    said_on: DateValue = field(default_factory=DateValue.unknown)
    event_date: DateValue = field(default_factory=DateValue.unknown)
    place: str | None = None  # place id from the gazetteer
    perpetrator: str | None = None  # party id of whoever carried out the incident
    target: str | None = None
    denies: int | None = None  # index, in the same list, of the claim this one denies
    # For aggregates: how many incidents, and their dates where the text gives them.
    part_count: int | None = None
    part_dates: list[DateValue] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


def check_draft(draft: ClaimDraft, text: str, plugin: str) -> None:
    """Refuse a claim that breaks the contract; the document is then recorded as failed."""
    start, end = draft.span
    if not (0 <= start < end <= len(text)) or text[start:end] != draft.quote:
        raise PluginError(plugin, f"claim span {draft.span} does not hold its quote")
    if not KIND_PATTERN.match(draft.kind):
        raise PluginError(plugin, f"claim kind {draft.kind!r} is not a lower-case slug")
    if draft.qualifier not in QUALIFIERS:
        raise PluginError(plugin, f"claim qualifier {draft.qualifier!r} is not one of {QUALIFIERS}")
    if draft.stance not in STANCES:
        raise PluginError(plugin, f"claim stance {draft.stance!r} is not one of {STANCES}")
