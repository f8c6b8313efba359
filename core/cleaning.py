"""Building blocks for ``clean_document`` implementations: lines, titles, cut-off markers.

Outlet plugins describe their boilerplate (which lines to drop, after which line the page stops
being the article) and ``clean_lines`` turns that into a ``CleanDocument`` with every kept and
removed block's span in the stored text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from claimtrack.arabic_text import normalize_key
from claimtrack.documents import CleanDocument, RawDocument

# Lines that no article sentence looks like: share counters, "related articles", "read also".
GENERIC_DROP = re.compile(
    r"^(?:total|\d{1,6}|شارك(?:وا)?|مشاركة|تابعونا.*|اقرا ايضا.*|اقرأ أيضا.*|شاهد ايضا.*|"
    r"share|tweet|facebook|twitter|whatsapp|print|طباعة)$",
    re.IGNORECASE,
)
GENERIC_CUT = ("مقالات ذات صله", "الاكثر قراءه", "اخبار ذات صله", "مواضيع ذات صله",
               "المزيد من الاخبار")


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str  # stripped

    @property
    def key(self) -> str:
        return normalize_key(self.text)


def lines(text: str) -> list[Line]:
    """Non-empty lines with their spans (whitespace trimmed) in ``text``."""
    out = []
    position = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(position + lead, position + lead + len(stripped), stripped))
        position += len(raw) + 1
    return out


def looks_like_title(line: Line) -> bool:
    return len(line.text) <= 200 and not line.text.endswith((".", "。"))


def clean_lines(
    document: RawDocument,
    outlet: str,
    *,
    drop: Callable[[Line, int], str | None] = lambda line, index: None,
    cut_after: Iterable[str] = (),
    title: str | None = None,
) -> CleanDocument:
    """Mark a document's title, boilerplate lines and trailing blocks.

    ``drop(line, index)`` returns a reason to remove a line (or ``None`` to keep it);
    ``cut_after`` lists normalised line texts after which everything is boilerplate (the line
    itself included). The first line is taken as the title when it looks like one, and a
    repeat of the title right after it is removed.
    """
    all_lines = lines(document.text)
    markers = {normalize_key(m) for m in (*GENERIC_CUT, *cut_after)}
    body: list[tuple[int, int]] = []
    removed: list[tuple[int, int, str]] = []
    found_title: str | None = title
    title_key: str | None = normalize_key(title) if title else None
    cut = False
    for index, line in enumerate(all_lines):
        key = line.key
        if cut:
            removed.append((line.start, line.end, "after the end of the article"))
            continue
        if key in markers:
            cut = True
            removed.append((line.start, line.end, "end-of-article block"))
            continue
        reason = drop(line, index)
        if reason is None and GENERIC_DROP.match(key):
            reason = "share or navigation line"
        if reason is None and index == 0 and looks_like_title(line) and len(all_lines) > 1:
            found_title = found_title or line.text
            title_key = title_key or key
            removed.append((line.start, line.end, "title"))
            continue
        if reason is None and title_key is not None and key == title_key:
            reason = "headline printed again"
        if reason:
            removed.append((line.start, line.end, reason))
        else:
            body.append((line.start, line.end))
    return CleanDocument(
        text=document.text,
        outlet=outlet,
        title=document.title or found_title,
        body=body,
        removed=removed,
        url=document.url,
    )
