"""Al Jazeera (aljazeera.net): outlet detection and boilerplate removal.

A page reduced to text carries a photo caption (often twice) right under the title, ends the
article with "المصدر : الجزيرة + وكالات", and then lists other stories: "حول هذه القصة"
summaries, "المزيد من …" and "الأكثر قراءة". Those summaries hold figures about *other*
incidents, so everything from the source line on is cut.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claimtrack import hookimpl
from claimtrack.cleaning import Line, clean_lines, lines
from claimtrack.documents import CleanDocument, RawDocument

OUTLET = "aljazeera"
SOURCE_LINE = re.compile(r"^المصدر\s*:\s*.*الجزيرة")
# A caption ends with a bracketed photo credit: (الجزيرة), (رويترز-أرشيف), (الأوروبية).
CAPTION = re.compile(r"\((?:[^()]{0,40}(?:أرشيف|الجزيرة|رويترز|الأوروبية|الفرنسية|"
                     r"أسوشيتد برس|الأناضول|غيتي|مواقع التواصل|ناشطون)[^()]{0,20})\)\s*$")
TRAILING = ("حول هذه القصة", "الأكثر قراءة", "اقرأ أيضا")


@hookimpl
def register_outlets(register: Callable[..., None]) -> None:
    register(OUTLET, "Al Jazeera", language="ar", homepage="https://www.aljazeera.net")


@hookimpl
def score_outlet(document: RawDocument) -> tuple[str, float] | None:
    if document.url and "aljazeera" in document.url:
        return OUTLET, 1.0
    text = document.text
    score = 0.0
    if re.search(r"^المصدر\s*:\s*.*الجزيرة", text, re.MULTILINE):
        score += 0.6
    if "حول هذه القصة" in text:
        score += 0.3
    if any(CAPTION.search(line.text) for line in lines(text)[:4]):
        score += 0.2
    return (OUTLET, min(score, 1.0)) if score else None


def _drop(line: Line, index: int) -> str | None:
    if CAPTION.search(line.text) and len(line.text) < 300:
        return "photo caption"
    if line.text.startswith("المزيد من"):
        return "more-from block"
    return None


@hookimpl
def clean_document(document: RawDocument, outlet: str) -> CleanDocument | None:
    if outlet != OUTLET:
        return None
    clean = clean_lines(document, OUTLET, drop=_drop, cut_after=TRAILING)
    # The source line closes the article: drop it and anything after it.
    for start, end in list(clean.body):
        if SOURCE_LINE.match(document.text[start:end]):
            kept = [(s, e) for s, e in clean.body if s < start]
            dropped = [(s, e, "after the source line") for s, e in clean.body if s > start]
            clean.removed += [(start, end, "source line"), *dropped]
            clean.body = kept
            break
    return clean
