"""Statements printed whole: an outlet announces a text, then gives it as it was issued.

    وفيما يلي نص البيان الذي أصدرته القيادة الأمريكية في أفريقيا:
    نفذت القوات الأمريكية … ضربة جوية … وتشير تقديراتنا إلى عدم إصابة أي مدني.
    -انتهى-

Inside the printed text no verb of saying names the speaker, and "we" is the issuer, not the
outlet. The issuer is the party the introduction names; the text runs from the paragraph after
the introduction to an end mark ("-انتهى-", "* * *", "ملاحظة من …", "اقرأ أيضاً") or the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon as lx
from .article import Article

#: The introduction promises the text itself: "نص البيان", "ننشره كما ورد", "ترجمة غير رسمية".
_PROMISE = re.compile(
    lx.W + r"(?:نص\s+(?:ال)?(?:بيان|تصريح|رساله|تغريده|منشور)|(?:نصه|نصها|ما\s+يلي|فيما\s+يلي|"
    r"في\s+ما\s+يلي)" + lx.E + r")|كما\s+ورد|ترجمه\s+(?:غير\s+رسميه|كامله)"
)
#: A paragraph that ends the printed text.
_END = re.compile(
    r"^[ \t]*(?:[-–—]?\s*انتهي\s*[-–—]?|\*(?:\s*\*)+|ملاحظه\b|اقرا\s+ايضا|للاستفسارات)",
    re.MULTILINE,
)
_STATEMENT_NOUN = re.compile(r"(?:بيان|تصريح|رساله|تغريده|منشور)")


@dataclass(frozen=True)
class PrintedStatement:
    party: str
    start: int  # normalised span of the printed text
    end: int

    def holds(self, position: int) -> bool:
        return self.start <= position < self.end


def find_printed_statements(article: Article, outlet: str) -> list[PrintedStatement]:
    text = article.text
    out: list[PrintedStatement] = []
    position = 0
    while True:
        colon = text.find(":\n", position)
        if colon < 0:
            return out
        position = colon + 2
        intro_start = text.rfind("\n", 0, colon) + 1
        intro = text[intro_start:colon]
        promise = _PROMISE.search(intro)
        if promise is None or len(intro.split()) < 4:
            continue  # a label ("التاريخ:") or a short heading, not an introduction
        party = _issuer(article, intro_start, colon, intro_start + promise.start(), outlet)
        if party is None:
            continue
        end_mark = _END.search(text, position)
        end = end_mark.start() if end_mark else len(text)
        out.append(PrintedStatement(party, position, end))
        position = end


def _issuer(article: Article, start: int, end: int, promise: int, outlet: str) -> str | None:
    """The party whose statement the introduction announces: the first named after the word
    for the statement, else the last named in the introduction."""
    named = [h for h in article.parties_in(start, end)
             if not h.pointer and h.id not in (outlet, "unnamed_local_source")]
    if not named:
        return None
    noun = _STATEMENT_NOUN.search(article.text, promise, end)
    after = [h for h in named if noun and h.start >= noun.start()]
    return (after or named[-1:])[0].id
