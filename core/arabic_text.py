"""Arabic text normalisation that remembers where every character came from, and sentence spans.

Matching works on a normalised copy of the text (hamza and ta-marbuta variants folded, vowel
marks and tatweel dropped, Eastern digits turned into ASCII), while everything the project
reports points into the original text.  ``NormalizedText.offsets`` is the bridge between them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

__all__ = ["NormalizedText", "normalize", "normalize_key", "sentence_spans"]

# Characters removed outright: tatweel, harakat and Quranic marks, zero-width and bidi marks.
_DELETED_RANGES: tuple[tuple[int, int], ...] = (
    (0x0640, 0x0640),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06ED),
    (0x200B, 0x200F),
    (0x061C, 0x061C),
    (0xFEFF, 0xFEFF),
)

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
    "\u202f\u205f\u3000"


def _build_table() -> dict[int, int | None]:
    table: dict[int, int | None] = {}
    for lo, hi in _DELETED_RANGES:
        for cp in range(lo, hi + 1):
            table[cp] = None
    for src in "أإآٱ":
        table[ord(src)] = ord("ا")
    table[ord("ى")] = ord("ي")
    table[ord("ة")] = ord("ه")
    table[ord("ؤ")] = ord("و")
    table[ord("ئ")] = ord("ي")
    # Persian keyboards leak these two letters into Arabic web text; folding them is harmless.
    table[ord("ی")] = ord("ي")
    table[ord("ک")] = ord("ك")
    for i in range(10):
        table[0x0660 + i] = ord("0") + i
        table[0x06F0 + i] = ord("0") + i
    for ch in _SPACES:
        table[ord(ch)] = ord(" ")
    for cp in range(ord("A"), ord("Z") + 1):
        table[cp] = cp + 32
    table[0x066B] = ord(".")
    table[0x066C] = ord(",")
    return table


_TABLE = _build_table()
_DELETED_RE = re.compile(
    "[" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in _DELETED_RANGES) + "]+"
)


@dataclass(frozen=True)
class NormalizedText:
    """A normalised copy of ``original`` with a per-character map back into it."""

    original: str
    text: str
    offsets: tuple[int, ...]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map ``text[start:end]`` to the original span covering exactly those characters.

        Characters deleted by normalisation that sit inside the span are included; any that
        follow its last character are not.  An empty span maps to an empty span.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) outside text of length {len(self.text)}")
        if start == end:
            pos = self.offsets[start]
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize(text: str) -> NormalizedText:
    """Normalise ``text`` for matching, keeping an offset table into the original."""
    out = text.translate(_TABLE)
    n = len(text)
    if len(out) == n:
        # Nothing was deleted, so positions line up one to one.
        return NormalizedText(text, out, tuple(range(n + 1)))
    offsets: list[int] = []
    pos = 0
    for m in _DELETED_RE.finditer(text):
        offsets.extend(range(pos, m.start()))
        pos = m.end()
    offsets.extend(range(pos, n))
    offsets.append(n)
    return NormalizedText(text, out, tuple(offsets))


def normalize_key(s: str) -> str:
    """Normalise a name or alias for use as a lookup key (whitespace collapsed, stripped)."""
    return " ".join(s.translate(_TABLE).split())


# --- sentence spans ---------------------------------------------------------------------

_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_CLOSERS = "\"'\u201d\u2019\u00bb\u203a)]}"
_BREAK_RE = re.compile(
    f"(?P<nl>[{_LINE_BREAKS}]+)|(?P<t>[.!?\u061f\u2026]+)(?P<c>[{re.escape(_CLOSERS)}]*)"
)


def _is_arabic_letter(ch: str) -> bool:
    return ("\u0621" <= ch <= "\u064a" and ch != "\u0640") or "\u0671" <= ch <= "\u06d3"


def _is_latin_letter(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z")


def _is_initial(text: str, dot: int) -> bool:
    """True when the '.' at ``dot`` closes a one-letter abbreviation such as "J." or "د."."""
    if dot == 0:
        return False
    letter = text[dot - 1]
    before = text[dot - 2] if dot >= 2 else " "
    if before.isalnum() or before == "\u0640":
        return False
    if _is_latin_letter(letter):
        return True
    if not _is_arabic_letter(letter):
        return False
    # "2019 م." ends a sentence (a year marker), "د. فلان" does not.
    k = dot - 2
    while k >= 0 and text[k] == " ":
        k -= 1
    return not (k >= 0 and text[k].isdigit())


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    if m.group("c"):
        return True
    term = m.group("t")
    end = m.end()
    if end >= len(text) or text[end].isspace():
        return not (term == "." and _is_initial(text, m.start()))
    nxt = text[end]
    if not _is_arabic_letter(nxt):
        return False
    if term.strip(".") != "":
        return True
    # A full stop glued to the next Arabic word: split only after a real word, not "د.",
    # and not inside a web address written in Arabic ("الجزيرة.نت", "العربية.نت").
    start = m.start()
    if _DOMAIN_WORD.match(text, end):
        return False
    return start >= 2 and _is_arabic_letter(text[start - 1]) and _is_arabic_letter(text[start - 2])


_DOMAIN_WORD = re.compile(r"(?:نت|نيت|كوم|أورغ|اورغ|إنفو|انفو)(?![\u0621-\u064a])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return ``[start, end)`` spans of the sentences in ``text``, trimmed and non-empty.

    Breaks at line breaks and at '.', '!', '?', '؟' (and runs of them) that are followed by
    whitespace, the end of the text or a closing quote/bracket, which stays with the sentence.
    Decimal points and thousands dots inside numbers, one-letter initials, '؛' and '،' never
    break a sentence.
    """
    cuts: list[int] = [0]
    for m in _BREAK_RE.finditer(text):
        if m.group("nl"):
            cuts.append(m.start())
            cuts.append(m.end())
        elif _ends_sentence(text, m):
            cuts.append(m.end())
    cuts.append(len(text))
    spans: list[tuple[int, int]] = []
    for a, b in pairwise(cuts):
        if b <= a:
            continue
        seg = text[a:b]
        stripped = seg.strip()
        if not stripped:
            continue
        lead = len(seg) - len(seg.lstrip())
        spans.append((a + lead, a + lead + len(stripped)))
    return spans


def trie_regex(words: Iterable[str]) -> str:
    """Words as one prefix-tree regex (shared beginnings written once). The engine then drops
    a wrong word after a character or two instead of trying every alternative in turn; longer
    words are still tried first, since every optional tail is greedy."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return emit(root)

