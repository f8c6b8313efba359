"""Tests for offset-keeping normalisation and sentence spans."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.arabic_text import NormalizedText, normalize, normalize_key, sentence_spans

# Characters that exercise every rule: deletions, folds, digits, spaces, terminators, quotes.
_INTERESTING = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    "أإآٱىةؤئء"
    "\u0640\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u06d6\u06ed"
    "\u200b\u200c\u200d\u200e\u200f\u061c\ufeff"
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789"
    "\u00a0\u2009\u3000 \t\n\r"
    ".!?؟…،؛٫٬:\"'“”«»()[]"
    "AZazÉé"
)
arabic_texts = st.text(alphabet=st.sampled_from(_INTERESTING), max_size=200)
any_texts = st.one_of(arabic_texts, st.text(max_size=200))


# --- normalize: examples ------------------------------------------------------------------


def test_hamza_variants_fold_to_one_key() -> None:
    assert normalize_key("أفريقيا") == normalize_key("إفريقيا") == normalize_key("افريقيا")
    assert normalize_key("القيادة الأمريكية") == normalize_key("القيادة الامريكيه")
    assert normalize_key("آلية") == "اليه"
    assert normalize_key("مسؤول") == normalize_key("مسوول")
    assert normalize_key("رئيس") == "رييس"
    assert normalize_key("مستشفى") == "مستشفي"
    assert normalize_key("ٱلله") == "الله"


def test_arabic_indic_and_persian_digits_become_ascii() -> None:
    assert normalize("أسفرت الغارة عن مقتل ٨ عناصر").text == "اسفرت الغاره عن مقتل 8 عناصر"
    assert normalize("سقط ۱۲ قتيلا").text == "سقط 12 قتيلا"
    assert normalize("٣٫٥ كلم").text == "3.5 كلم"
    assert normalize("١٬٢٠٠ نازح").text == "1,200 نازح"


def test_tatweel_and_harakat_are_dropped_with_offsets() -> None:
    original = "أكدت الأفريكــوم مقتلَ عناصرٍ"
    nt = normalize(original)
    assert nt.text == "اكدت الافريكوم مقتل عناصر"
    start = nt.text.index("الافريكوم")
    s, e = nt.span_to_original(start, start + len("الافريكوم"))
    assert original[s:e] == "الأفريكــوم"
    s, e = nt.span_to_original(nt.text.index("مقتل"), nt.text.index("مقتل") + 4)
    # The fatha after the last letter is not part of the matched characters.
    assert original[s:e] == "مقتل"


def test_invisible_marks_and_spaces() -> None:
    assert normalize("مرزق\u200f\u200b جنوب").text == "مرزق جنوب"
    assert normalize("قال\u00a0المصدر\u2009إن").text == "قال المصدر ان"
    assert normalize("\ufeffنص").text == "نص"


def test_latin_casefold_is_ascii_only_and_length_preserving() -> None:
    nt = normalize("AFRICOM وÉcole")
    assert nt.text == "africom وÉcole"
    assert len(nt.text) == len(nt.original)


def test_punctuation_is_kept() -> None:
    text = "قال: «لا تعليق»، وأضاف “نعم”؛ وانتهت."
    assert normalize(text).text == text.replace("أ", "ا")


def test_fast_path_offsets_are_identity() -> None:
    nt = normalize("ضربة جوية قرب سرت")
    assert nt.offsets == tuple(range(len(nt.original) + 1))


def test_normalize_key_collapses_whitespace() -> None:
    assert normalize_key("  حكومة \n  الوفاق\tالوطني  ") == "حكومه الوفاق الوطني"
    assert normalize_key("") == ""


def test_span_to_original_rejects_bad_spans() -> None:
    nt = normalize("نص")
    with pytest.raises(ValueError):
        nt.span_to_original(1, 5)
    with pytest.raises(ValueError):
        nt.span_to_original(2, 1)
    assert nt.span_to_original(2, 2) == (2, 2)


# --- normalize: properties ----------------------------------------------------------------


@given(any_texts)
def test_offsets_map_every_character(text: str) -> None:
    nt = normalize(text)
    assert isinstance(nt, NormalizedText)
    assert nt.original == text
    assert len(nt.offsets) == len(nt.text) + 1
    assert nt.offsets[-1] == len(text)
    assert all(a < b for a, b in zip(nt.offsets, nt.offsets[1:], strict=False))
    for i, ch in enumerate(nt.text):
        assert normalize(text[nt.offsets[i]]).text == ch


@given(any_texts, st.data())
def test_span_to_original_round_trips(text: str, data: st.DataObject) -> None:
    nt = normalize(text)
    start = data.draw(st.integers(0, len(nt.text)))
    end = data.draw(st.integers(start, len(nt.text)))
    s, e = nt.span_to_original(start, end)
    assert 0 <= s <= e <= len(text)
    assert normalize(text[s:e]).text == nt.text[start:end]


@given(any_texts)
def test_normalize_key_is_idempotent(text: str) -> None:
    key = normalize_key(text)
    assert normalize_key(key) == key
    assert key == key.strip()


# --- sentence_spans -----------------------------------------------------------------------


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_splits_at_terminators_and_newlines() -> None:
    text = "أعلن الجيش انتهاء العملية. وقال متحدث إن القوات انسحبت!\nهل عادوا؟ لا أحد يعرف"
    assert _sentences(text) == [
        "أعلن الجيش انتهاء العملية.",
        "وقال متحدث إن القوات انسحبت!",
        "هل عادوا؟",
        "لا أحد يعرف",
    ]


def test_no_split_inside_numbers_or_at_arabic_commas() -> None:
    text = "قطعت القافلة 3.5 كيلومتر؛ وبلغ عدد النازحين 1.200 شخص، وفق البلدية. ثم توقفت."
    assert _sentences(text) == [
        "قطعت القافلة 3.5 كيلومتر؛ وبلغ عدد النازحين 1.200 شخص، وفق البلدية.",
        "ثم توقفت.",
    ]


def test_closing_quote_stays_with_its_sentence() -> None:
    text = "قال المتحدث: «انتهت المهمة.» ثم غادر القاعة. وكتب “لن نتراجع!” أمس."
    assert _sentences(text) == [
        "قال المتحدث: «انتهت المهمة.»",
        "ثم غادر القاعة.",
        "وكتب “لن نتراجع!”",
        "أمس.",
    ]


def test_single_letter_initials_do_not_end_a_sentence() -> None:
    assert _sentences("التقى السفير J. Smith في طرابلس. ثم سافر.") == [
        "التقى السفير J. Smith في طرابلس.",
        "ثم سافر.",
    ]
    assert _sentences("صرح د. عادل للصحفيين بذلك.") == ["صرح د. عادل للصحفيين بذلك."]
    assert _sentences("U.S. forces left.") == ["U.S. forces left."]


def test_year_marker_letter_still_ends_a_sentence() -> None:
    assert _sentences("تأسست المدينة عام 1951 م. وتوسعت لاحقا.") == [
        "تأسست المدينة عام 1951 م.",
        "وتوسعت لاحقا.",
    ]


def test_ellipsis_and_double_dots() -> None:
    assert _sentences("في أقل من أسبوع.. ضربة ثانية") == ["في أقل من أسبوع..", "ضربة ثانية"]


def test_empty_and_blank_text() -> None:
    assert sentence_spans("") == []
    assert sentence_spans(" \n\t \u00a0") == []


@given(any_texts)
def test_sentence_span_properties(text: str) -> None:
    spans = sentence_spans(text)
    prev_end = 0
    for s, e in spans:
        assert prev_end <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        prev_end = e


@given(arabic_texts)
def test_sentences_cover_all_visible_text(text: str) -> None:
    covered = "".join(text[s:e] for s, e in sentence_spans(text))
    assert "".join(covered.split()) == "".join(text.split())


# --- speed and pathological input ---------------------------------------------------------

_LONG_RUNS = [
    "٣" * 100_000,
    "7" * 100_000,
    "ب" * 100_000,
    "\u0640" * 100_000,
    "\u064e" * 100_000,
    "." * 100_000,
    "؟" * 100_000,
    "\n" * 100_000,
    "»" * 100_000,
    "1." * 50_000,
    "a." * 50_000,
    "د. " * 33_000,
    "ب\u0651" * 50_000,
    " " * 100_000,
]


@pytest.mark.parametrize("text", _LONG_RUNS, ids=lambda t: f"{t[:3]!r}x{len(t)}")
def test_long_runs_are_fast(text: str) -> None:
    t0 = time.perf_counter()
    nt = normalize(text)
    spans = sentence_spans(text)
    normalize_key(text)
    assert time.perf_counter() - t0 < 2.0
    assert len(nt.offsets) == len(nt.text) + 1
    assert all(s < e for s, e in spans)


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=1, max_size=50))
def test_repeated_random_text_is_fast(chunk: str) -> None:
    text = (chunk * (100_000 // len(chunk) + 1))[:100_000]
    t0 = time.perf_counter()
    normalize(text)
    sentence_spans(text)
    assert time.perf_counter() - t0 < 2.0


def test_normalize_speed_on_a_news_sized_text() -> None:
    paragraph = (
        "أعلنــت القيادةُ الأمريكية في إفريقيا مقتل ٨ عناصر في غارة جوية قرب "
        "مدينة مرزق، وفق بيان نشرته يوم الجمعة؛ فيما نفى مسؤول محلي ذلك.\n"
    )
    text = (paragraph * (4096 // len(paragraph) + 1))[:4096]
    best = min(_time_once(normalize, text) for _ in range(20))
    # The target is well under 1 ms; the bound is loose so a busy test machine does not flake.
    assert best < 0.005


def _time_once(fn: Callable[[str], object], arg: str) -> float:
    t0 = time.perf_counter()
    fn(arg)
    return time.perf_counter() - t0


def test_web_address_written_in_arabic_is_not_a_sentence_end() -> None:
    text = "ووفقاً لإحصاء أجرته «العربية.نت»، قتلت الضربات 90 عنصراً. وقال مراسل الجزيرة.نت ذلك."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "ووفقاً لإحصاء أجرته «العربية.نت»، قتلت الضربات 90 عنصراً.",
        "وقال مراسل الجزيرة.نت ذلك.",
    ]
