"""Libya Al-Ahrar (libyaalahrar.net): outlet detection and boilerplate removal.

The site's pages, once reduced to text, end with a share counter ("Total", a number,
"مشاركة") and a "related articles" list, sometimes print the headline twice, and attribute
local sourcing to the outlet itself ("أكد للأحرار").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claimtrack import hookimpl
from claimtrack.cleaning import Line, clean_lines, lines
from claimtrack.documents import CleanDocument, RawDocument

OUTLET = "libya_alahrar"
SHARE_FOOTER = re.compile(r"Total\s*\n\s*\d+\s*\n\s*مشاركة", re.IGNORECASE)
SELF_REFERENCE = re.compile(r"للأحرار|لليبيا الأحرار|قناة ليبيا الأحرار|ليبيا الأحرار")
FOOTER_LINES = {"total", "مشاركه", "مقالات ذات صله"}


@hookimpl
def register_outlets(register: Callable[..., None]) -> None:
    register(OUTLET, "Libya Al-Ahrar", language="ar", homepage="https://libyaalahrar.net")


@hookimpl
def score_outlet(document: RawDocument) -> tuple[str, float] | None:
    if document.url and "libyaalahrar" in document.url:
        return OUTLET, 1.0
    score = 0.0
    if SHARE_FOOTER.search(document.text[-400:]):
        score += 0.6
    if SELF_REFERENCE.search(document.text):
        score += 0.3
    first = lines(document.text)[:2]
    if len(first) == 2 and first[0].text == first[1].text:
        score += 0.2
    return (OUTLET, min(score, 1.0)) if score else None


def _drop(line: Line, index: int) -> str | None:
    if line.key in FOOTER_LINES or (line.text.isdigit() and len(line.text) < 6):
        return "share footer"
    return None


@hookimpl
def clean_document(document: RawDocument, outlet: str) -> CleanDocument | None:
    if outlet != OUTLET:
        return None
    return clean_lines(document, OUTLET, drop=_drop, cut_after=("مقالات ذات صلة",))
