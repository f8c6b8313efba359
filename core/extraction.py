"""What an extractor plugin hands back, and the checks the core runs on it before storing."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from claimtrack.arabic_dates import DateValue
from claimtrack.arabic_text import sentence_spans
from claimtrack.documents import CleanDocument
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


#: Characters an extractor reads as one article. A longer document (a feed dump saved as one
#: file, a page that is mostly one endless line) is read in windows of whole sentences, so
#: its cost grows with its length rather than with the square of it. Articles are far shorter.
WINDOW_CHARS = 20_000


def read_in_windows(
    document: CleanDocument,
    read: Callable[[CleanDocument], list[ClaimDraft]],
    size: int = WINDOW_CHARS,
) -> list[ClaimDraft]:
    """Run ``read`` on the document, or on windows of it when it is longer than ``size``.

    Each window is a ``CleanDocument`` holding one slice of the text with its kept blocks;
    the claims found in it are moved back into the whole text's coordinates, ``denies``
    indexes into the combined list and incident numbers stay distinct between windows.
    """
    if len(document.text) <= size:
        return read(document)
    drafts: list[ClaimDraft] = []
    for number, window in enumerate(_windows(document, size)):
        start, end = window[0][0], window[-1][1]
        part = replace(document, text=document.text[start:end], removed=[],
                       body=[(s - start, e - start) for s, e in window])
        offset = len(drafts)
        for draft in read(part) or []:
            draft.span = (draft.span[0] + start, draft.span[1] + start)
            if draft.denies is not None:
                draft.denies += offset
            if "incident" in draft.extra:
                draft.extra = {**draft.extra, "incident": f"{number}.{draft.extra['incident']}"}
            drafts.append(draft)
    return drafts


def _pieces(document: CleanDocument, size: int) -> Iterator[tuple[int, int]]:
    """Kept blocks, with any block longer than ``size`` cut at sentence ends (or spaces)."""
    text = document.text
    for block_start, block_end in document.body:
        if block_end - block_start <= size:
            yield block_start, block_end
            continue
        for s, e in sentence_spans(text[block_start:block_end]):
            start, end = block_start + s, block_start + e
            while end - start > size:  # one "sentence" longer than a window
                cut = text.rfind(" ", start + 1, start + size)
                cut = cut if cut > start else start + size
                yield start, cut
                start = cut
                while start < end and text[start].isspace():
                    start += 1
            if start < end:
                yield start, end


def _windows(document: CleanDocument, size: int) -> Iterator[list[tuple[int, int]]]:
    """Consecutive pieces spanning at most ``size`` characters each; a window ends at a blank
    line where one is near, so that a paragraph (a figure and its denial) stays together."""
    text = document.text
    window: list[tuple[int, int]] = []
    for piece in _pieces(document, size):
        while window and piece[1] - window[0][0] > size:
            cut = next((i for i in range(len(window) - 1, len(window) // 2, -1)
                        if "\n\n" in text[window[i - 1][1]:window[i][0]]), len(window))
            yield window[:cut]
            window = window[cut:]
        window.append(piece)
    if window:
        yield window
