"""Interviews printed as questions and answers: every paragraph opens with who speaks.

    الوطن: هل هناك تنسيق مع الأمريكيين؟
    الصويعي: نعم، وتلك الغارة نفذت بإحداثيات أرسلناها.

An answer is the interviewee's word even where no verb of saying names them. The interviewee is
found where the introduction names them ("التقت «الوطن» آمر محور … العقيد مفتاح الصويعي"): the
party named last before that name speaks through them. Short labels ("س:" / "ج:") fall back to
the last party the introduction names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from claimtrack.arabic_dates import DateValue

from .article import Article

#: "الصويعي: …" at the start of a paragraph: one to three words, then a colon.
_LABEL = re.compile(r"^[ \t]*(?P<label>[^\s:؟?!.،,][^\n:؟?!.،,]{0,40}?)[ \t]*:[ \t]*(?=\S)",
                    re.MULTILINE)
_MIN_TURNS = 2  # each side speaks at least twice


@dataclass(frozen=True)
class Interview:
    party: str
    said: DateValue | None  # the day of the interview, when the introduction gives it
    answers: tuple[tuple[int, int], ...]  # normalised spans of the answer paragraphs

    def answering(self, position: int) -> bool:
        return any(start <= position < end for start, end in self.answers)


def find_interview(article: Article) -> Interview | None:
    text = article.text
    turns: list[tuple[str, int, int]] = []  # (label, paragraph start, paragraph end)
    for m in _LABEL.finditer(text):
        label = m.group("label").strip()
        if len(label.split()) > 3:
            continue
        end = text.find("\n", m.end())
        turns.append((label, m.start(), len(text) if end < 0 else end))
    counts = Counter(label for label, _, _ in turns)
    sides = [label for label, n in counts.most_common(2) if n >= _MIN_TURNS]
    if len(sides) != 2:
        return None

    def asks(label: str) -> float:
        own = [(s, e) for lab, s, e in turns if lab == label]
        return sum(text[s:e].rstrip().endswith(("؟", "?")) for s, e in own) / len(own)

    interviewer, interviewee = sorted(sides, key=asks, reverse=True)
    if asks(interviewer) <= asks(interviewee):
        return None  # two speakers, neither asking: a transcript, not an interview
    first_turn = min(s for label, s, _ in turns if label in sides)
    party, said = _introduced(article, interviewee, first_turn)
    if party is None:
        return None
    answers = tuple((s, e) for label, s, e in turns if label == interviewee)
    return Interview(party, said, answers)


def _introduced(article: Article, label: str, first_turn: int) -> tuple[str | None,
                                                                         DateValue | None]:
    """Who the interviewee speaks for, and the day the introduction says they spoke."""
    text = article.text
    at = text.find(label, 0, first_turn) if len(label) > 2 else -1
    anchor = at if at >= 0 else first_turn
    sentence = next((s for s in article.sentences if s.start <= anchor < s.end), None)
    start = sentence.start if sentence else 0
    before = [h for h in article.parties_in(0, anchor + (len(label) if at >= 0 else 0))
              if not h.pointer]
    if at >= 0:
        # the title and organisation come just before the name in an introduction
        near = [h for h in before if h.start >= start]
        before = near or before
    party = before[-1].id if before else None
    days = [d for d in article.dates_in(start, sentence.end if sentence else first_turn)
            if d.day]
    return party, days[0].mention.value if days else None
