"""Independent Arabia (independentarabia.com): outlet detection and boilerplate removal.

Its articles open with a header line naming the outlet ("الإندبندنت عربية :"), sometimes with
a reporter or city, and give months with their Levantine name in brackets.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claimtrack import hookimpl
from claimtrack.cleaning import Line, clean_lines
from claimtrack.documents import CleanDocument, RawDocument

OUTLET = "independent_arabia"
HEADER = re.compile(r"^\s*(?:ال)?[إا]ندبندنت\s+عربية\b[^\n]{0,80}$", re.MULTILINE)
BRACKETED_MONTH = re.compile(r"\((?:كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين)")


@hookimpl
def register_outlets(register: Callable[..., None]) -> None:
    register(OUTLET, "Independent Arabia", language="ar",
             homepage="https://www.independentarabia.com")


@hookimpl
def score_outlet(document: RawDocument) -> tuple[str, float] | None:
    if document.url and "independentarabia" in document.url:
        return OUTLET, 1.0
    score = 0.0
    if HEADER.search(document.text[:300]):
        score += 0.8
    if BRACKETED_MONTH.search(document.text):
        score += 0.1
    return (OUTLET, score) if score else None


def _drop(line: Line, index: int) -> str | None:
    if index <= 1 and HEADER.match(line.text):
        return "outlet header line"
    return None


@hookimpl
def clean_document(document: RawDocument, outlet: str) -> CleanDocument | None:
    if outlet != OUTLET:
        return None
    # The header line stands where a title would, so the title comes from metadata only.
    return clean_lines(document, OUTLET, drop=_drop)
