"""What a segment of a sentence claims: figures with their kind, "nobody" figures, the
civilians among the dead, targets, coordination.

A count becomes a claim only when the words around it say what it counts: the counted noun
(جثث، جرحى، مركبات، ضربات) or, for people, the last casualty word before it (مقتل، إصابة، تبقى
…). "بينهم طفلان" is part of a figure already given. A negation before a casualty noun ("لم
يسقط أي مدنيين", "دون وقوع إصابات بين السكان") is a figure of zero.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from claimtrack.arabic_dates import DateValue

from . import lexicon as lx
from .article import Article, NumberHit

_BEFORE_CHARS = 120
_TARGET_CHARS = 200
_CLAUSE_END = re.compile(r"[،,؛;.:]")
_CIVILIAN_NEXT = re.compile(r"\s*(?:\S+\s+){0,2}?(?:ال)?(?:مدنيين|مدنيون|مدنيان)" + lx.E)
_BARE_AFTER_VERB = re.compile(
    r"(?P<v>" + lx.W + r"[وف]?ب?(?:قتلت|قتل|قتلا|قتلتا|قتلنا|اصابت|اصاب|جرحت|مقتل|اصابه|جرح)" + lx.E
    + r")\s*$"
)
_INJURED_AFTER = re.compile(
    r"\s*(?:\S+\s+)?(?:اصيبوا|اصيبا|جرحوا|جرحا|بجروح|بجراح|مصابين)" + lx.E)
_KILLED_AFTER = re.compile(
    r"\s*(?:\S+\s+){0,3}?(?:قتلوا|قتلا|قتل|قتلتا|لقوا حتفهم|لقيا حتفهما|لقي حتفه|استشهدوا|"
    r"استشهد|استشهدا|توفوا|توفي|لقوا مصرعهم|فارقوا الحياه|فارقا الحياه|فارق الحياه)" + lx.E)
_DIED_AFTER = re.compile(
    r"\s*(?:\S+\s+)?(?:فارقا|فارقوا|فارق|فارقت|توفيا|توفوا|توفي|ماتا|ماتوا)" + lx.E)
_OTHER_VERB = re.compile(lx.W + r"(?:اصابت|اصاب|استهدفت|استهدف|طالت|طاولت|بينما|فيما)" + lx.E)
_VEHICLE_TARGET = re.compile(r"[وبل]?(?:ال)?(?:سيار|مركب|الي|شاحن|مدرع|قافل)")
_DATE_PREPOSITION = re.compile(r"(?:في|يوم)\s+")
_SKIPPED = " \t«»\"“”'(،,"
_KNOWN_NOUNS = frozenset(lx.VEHICLE_NOUNS) | frozenset(lx.BUILDING_NOUNS) | frozenset(lx.NOUN_KIND)
_OTHERS = frozenset({"اخرين", "اخري", "اخريات", "اخرون"})
_STRIKES_BEFORE = re.compile(lx.W + r"[وبل]?ال(?:ضربات|غارات)\s+$")
_PARTITIVE = re.compile(r"\s+من\s+(?:ال)(?:قتلي|جرحي|ضحايا|مصابين|جثث)" + lx.E)
_BUILDING_STEMS = ("منزل", "مبني", "مقر", "مخزن", "مستودع", "بيت", "مجمع", "مخبا")
_NOUN_BEFORE = re.compile(r"(?<!\S)(?P<noun>\S+?)(?:هما|هم|ها)?\s+$")
#: "… منهم في الضربة الأولى", "و11 في الثانية": a figure's share of one strike of a group.
_SHARE = re.compile(r"\s*(?:\S+\s+)?(?:منهم|منها)?\s*(?:في|ب)\s*"
                    r"(?:ال)?(?:(?:ضربه|غاره|هجوم|عمليه)\s+)?"
                    r"(?:ال)(?P<ord>اولي|ثانيه|ثالثه|رابعه|خامسه|سادسه)" + lx.E)
_OF_THEM_BY_STRIKES = re.compile(r"\s*منهم\s+(?:في|ب|جراء|اثر|نتيجه)\s*(?:ال)?(?:غارات|ضربات|"
                                 r"الغارات|الضربات|قصف|غاره|ضربه)" + lx.E)
_OF_THEM_CIVILIANS = re.compile(r"\s*منهم\s+(?:\S+\s+){0,2}?(?:ال)?(?:مدنيون|مدنيين)" + lx.E)
#: "يرتفع بذلك إلى 24 عدد عناصر «داعش» الذين …": the figure comes before "عدد" and its noun.
_COUNT_OF = re.compile(r"\s+(?:عدد|اجمالي)\s+(?:ال)?(?P<noun>\S+)")
_SENTENCE_STOP = re.compile(r"[.؛\n]")
#: "… الذين أعلنت أفريكوم مقتلهم / إنها قتلتهم": the people counted were killed.
_KILLED_THEM = re.compile(lx.W + r"[وفل]?(?:مقتل|قتل|قتلت|قتلنا|تصفيه)(?:هم|هن)" + lx.E)
#: "ستة مدنيين، هم امرأة وثلاثة من أطفالها": who the counted were, not a figure of its own.
_WHO_THEY_WERE = re.compile(r"[،,]\s*و?(?:هم|هما|هن)\s+[^.؛;:]*$")
_LIST_GAP = re.compile(r"\s*(?:[،,]\s*)?و?\s*")
_PREFIXES = ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ف")


@dataclass
class Spot:
    """One claim found in a segment, before its party, dates and incident are known."""

    position: int
    kind: str
    value: float | None = None
    qualifier: str = "exact"
    vague: bool = False
    stance: str = "asserts"
    target: str | None = None
    total: bool = False  # the text marks it as a total over strikes or a period
    number: NumberHit | None = None
    partner_pronoun: bool = False  # "بالتنسيق معها": the speaker is the partner
    denial: str | None = None  # what a denial answers: figure | toll | statement
    part: int | None = None  # "X و Y … على التوالي": which strike of the group, from 1
    subject: tuple[int, int] | None = None  # "استهدفت الثالثة … قافلة": where its subject is
    harm: str = "any"  # for civilians: killed | injured | any ("ضحايا")
    subset: bool = False  # "بينهم طفل": part of casualties already counted


def bare(noun: str) -> str:
    """A noun without its clitics and article: "والمدنيين" -> "مدنيين" (but "اليتين", two
    vehicles, keeps the "ال" of its stem)."""
    if noun in _KNOWN_NOUNS:
        return noun
    for prefix in _PREFIXES:
        if noun.startswith(prefix) and len(noun) - len(prefix) >= 3:
            return noun[len(prefix):]
    return noun


def _person(noun: str) -> bool:
    return noun.startswith(lx.PERSON_NOUNS)


def _civilian(noun: str) -> bool:
    return noun.startswith(lx.CIVILIAN_NOUNS)


def _last(pattern: re.Pattern[str], text: str, start: int, end: int) -> int | None:
    last = None
    for m in pattern.finditer(text, start, end):
        last = m.start()
    return last


def number_spots(article: Article, numbers: list[NumberHit], seg_start: int,
                 seg_end: int) -> list[Spot]:
    text = article.text
    out: list[Spot] = []
    previous_civilian = False
    floor = seg_start
    previous: NumberHit | None = None
    for number in numbers:
        mention = number.mention
        # A casualty word before an earlier figure is that figure's, unless the two are one
        # list ("ثمانية وأحد عشر وسبعة عشر عنصراً"), which shares it.
        if previous is not None and not _LIST_GAP.fullmatch(text, previous.end, number.start):
            floor = previous.end
        if mention.role == "count" and mention.noun is not None:
            previous = number  # "الغارات الأربع" describes its noun: it takes no casualty word
        # "يرتفع بذلك إلى 24 عدد عناصر …": a running count, its noun after "عدد", so a total
        count_of = _COUNT_OF.match(text, number.end) if (
            mention.role == "other" and mention.value is not None) else None
        kinds = _counted(text, count_of.group("noun"), count_of.end()) if count_of else _kinds(
            article, number, seg_start, max(floor, number.start - _BEFORE_CHARS), seg_end)
        if not kinds and out and mention.role != "ordinal" and (
                bare(mention.noun or "") in _OTHERS or lx.WAS_BEFORE.search(
                text, max(out[-1].position, number.start - 30), number.start)):
            # "مقتل 8 …، و11 آخرين": more of the same; "بنحو 300، بعدما كانوا نحو 5 آلاف":
            # the same count at another time
            kinds = [out[-1].kind]
        share = _SHARE.match(text, number.noun_end or number.end)
        shared = bool(share and out and not kinds and mention.role in ("other", "count") and (
            mention.noun is None or _person(bare(mention.noun))))
        if shared:
            # "تسعة مسلحين، ستة منهم في الضربة الأولى وثلاثة في الثانية": a toll shared out
            # over the strikes of a group
            kinds = [out[-1].kind]
        if not kinds and out and mention.noun is None and mention.role == "other":
            if _OF_THEM_BY_STRIKES.match(text, number.end):
                # "280 قتيلا مدنيا، سقط نحو 180 منهم في غارات": the part of a toll of all
                # causes that the strikes took
                kinds = [s.kind for s in out if s.position == out[-1].position]
            elif _OF_THEM_CIVILIANS.match(text, number.end):
                kinds = ["civilians_harmed"]  # "ثلاثة منهم على الأقل مدنيون"
        if mention.vague and kinds == ["strikes"]:
            continue  # "عدة ضربات" is no count of strikes
        if not kinds:
            continue
        if out and _WHO_THEY_WERE.search(text, out[-1].position, number.start):
            continue
        partitive = _PARTITIVE.match(text, number.end)
        if partitive:
            # "ستة من القتلى مدنيون": part of a toll already given, telling who they were
            if not _CIVILIAN_NEXT.match(text[partitive.end():partitive.end() + 30]):
                continue
            kinds = ["civilians_harmed"]
        subset = lx.SUBSET.search(text, max(seg_start, number.start - 14), number.start)
        civilians = "civilians_harmed" in kinds
        if subset:
            if not civilians or previous_civilian:
                continue
            kinds = ["civilians_harmed"]
        previous_civilian = civilians
        harm = "injured" if "injured" in kinds else "killed" if "killed" in kinds else (
            _among(text, number.start))
        for kind in kinds:
            out.append(Spot(number.start, kind, mention.value, mention.qualifier, mention.vague,
                            total=count_of is not None,
                            number=number, harm=harm, subset=bool(subset),
                            part=lx.ORDINALS[share.group("ord")] if share and shared else None))
    return out


def _kinds(article: Article, number: NumberHit, seg_start: int, before_start: int,
           seg_end: int) -> list[str]:
    """What a figure counts, from its noun and the casualty words before it (back to the
    figure before it, at most ``_BEFORE_CHARS``)."""
    text = article.text
    mention = number.mention
    if mention.role != "count":
        if mention.role == "other" and mention.value is not None:
            verb = _BARE_AFTER_VERB.search(text, max(before_start, number.start - 25), number.start)
            if verb:  # "قتلت أربعة", "فقتلت اثنين": the people the verb took
                return ["injured" if lx.INJURE.match(text, verb.start("v")) else "killed"]
            if lx.STRENGTH_SUBJECT.search(text, before_start, number.start) or lx.REMAIN.search(
                    text, before_start, number.start):
                return ["remaining_strength"]
            toll = _last_toll(text, before_start, number.start)
            return [toll] if toll else []
        return []
    noun = bare(mention.noun or "")
    if noun in lx.VEHICLE_NOUNS or noun.startswith(("مركب", "سيار", "اليات", "شاحن", "مدرع")):
        return ["vehicles_destroyed"] if _destroyed(text, seg_start, number.start) else []
    if noun in lx.BUILDING_NOUNS:
        return ["buildings_destroyed"] if _destroyed(text, seg_start, number.start) else []
    if mention.noun is None and _STRIKES_BEFORE.search(text, max(0, number.start - 12),
                                                       number.start):
        # "الضربات الثلاث التي نفذتها": a count of the strikes named before it
        return ["strikes"] if mention.value and mention.value >= 2 else []
    if mention.noun is None:
        # "القتلى الثلاثة", "أفرادها الخمسة": a definite number after the noun it counts
        before = _NOUN_BEFORE.search(text, max(seg_start, number.start - 20), number.start)
        if before:
            noun = bare(before.group("noun"))
    if noun in lx.NOUN_KIND:
        kind = lx.NOUN_KIND[noun]
        if kind == "strikes" and (mention.value is None or mention.value < 2):
            return []
        after_end = number.noun_end or number.end
        if kind == "injured" and _DIED_AFTER.match(text, after_end, seg_end):
            kind = "killed"  # "جريحين فارقا الحياة": the wounded who died
        if kind in ("killed", "injured") and _CIVILIAN_NEXT.match(
                text[after_end:after_end + 30]):
            return [kind, "civilians_harmed"]  # "القتلى الثلاثة مدنيون", "ثلاثة قتلى مدنيين"
        return [kind]
    after_end = number.noun_end or number.end
    if not _person(noun) and mention.value is not None:
        # an unlisted noun counts people only when they are said to have died or been hurt:
        # "سائقين اثنين قتلا"
        tail = text[after_end:min(seg_end, after_end + 30)]
        if _INJURED_AFTER.match(tail):
            return ["injured"]
        return ["killed"] if _KILLED_AFTER.match(tail) else []
    if lx.STRENGTH_SUBJECT.search(text, before_start, number.start) or (
            not _civilian(noun) and lx.REMAIN_AFTER.match(text, after_end, seg_end)):
        return ["remaining_strength"]
    civilian = _civilian(noun) or bool(_CIVILIAN_NEXT.match(text[after_end:after_end + 30]))
    kind = _casualty(text, before_start, number.start, after_end, seg_end)
    kinds = [kind] if kind else []
    if civilian and kind in (None, "killed", "injured"):
        kinds.append("civilians_harmed")
    return kinds


def _counted(text: str, noun: str, after: int) -> list[str]:
    """What "N عدد <noun> …" counts: strikes, or people the relative clause after them says
    were killed ("الذين أعلنت أفريكوم مقتلهم", across its verb of saying) or wounded."""
    noun = bare(noun).strip("«»\"“”")
    if lx.NOUN_KIND.get(noun) == "strikes":
        return ["strikes"]
    if not _person(noun):
        return []
    stop = _SENTENCE_STOP.search(text, after, after + 80)
    tail_end = stop.start() if stop else after + 80
    kill = _last(lx.KILL, text, after, tail_end) or _last(_KILLED_THEM, text, after, tail_end)
    injure = _last(lx.INJURE, text, after, tail_end)
    if kill is not None and (injure is None or kill < injure):
        return ["killed"]
    return ["injured"] if injure is not None else []


def _among(text: str, position: int) -> str:
    """"بين القتلى ثمانية أطفال": the harm of a subset is that of the casualties it is in."""
    found = lx.SUBSET.search(text, max(0, position - 30), position)
    if found and ("جرحي" in found.group() or "مصابين" in found.group()):
        return "injured"
    if found and ("قتلي" in found.group() or "جثث" in found.group()):
        return "killed"
    return "any"


def _harm_of(noun: str) -> str:
    if noun in ("قتلي", "جثه", "جثث", "وفيات"):
        return "killed"
    if noun in ("جرحي", "جريح", "اصابات", "اصابه"):
        return "injured"
    return "any"


def _destroyed(text: str, seg_start: int, position: int) -> bool:
    """Is the thing counted at position destroyed? A destruction verb earlier in the segment
    governs a list ("دمرت مبنيين …، إضافة إلى أربع مركبات"), unless another verb takes over
    ("دمرت مقراً، بينما أصابت الثانية سيارتين")."""
    verb = _last(lx.DESTROY, text, seg_start, position)
    return verb is not None and not _OTHER_VERB.search(text, verb, position)


def _casualty(text: str, start: int, position: int, after: int, seg_end: int) -> str | None:
    if lx.REMAIN.search(text, start, position):
        return "remaining_strength"
    kill = _last(lx.KILL, text, start, position)
    injure = _last(lx.INJURE, text, start, position)
    other = _last(lx.NOT_HARM, text, start, position)
    if other is not None and other > max(kill or -1, injure or -1):
        return None  # "… قتيل، ونزوح 120 ألف شخص"
    if kill is not None or injure is not None:
        if injure is not None and (kill is None or injure > kill):
            return "injured"
        return "killed"
    tail = text[after:min(seg_end, after + 30)]
    if _INJURED_AFTER.match(tail):
        return "injured"
    if _KILLED_AFTER.match(tail):
        return "killed"
    if lx.TARGETED.search(text, start, position):
        return "killed"
    return _last_toll(text, start, position)


def _last_toll(text: str, start: int, position: int) -> str | None:
    toll = None
    for m in lx.TOLL_SUBJECT.finditer(text, start, position):
        toll = m.group("noun")
    if toll is None:
        return None
    return "injured" if toll in ("جرحي", "مصابين", "اصابات") else "killed"


def zero_spots(article: Article, seg_start: int, seg_end: int, denial: bool) -> list[Spot]:
    """"لم يسقط أي مدنيين", "دون وقوع إصابات بين السكان", "لم تقتل أحداً": figures of zero."""
    text = article.text
    out: list[Spot] = []
    for m in lx.NEGATED.finditer(text, seg_start, seg_end):
        noun = m.group("noun")
        if lx.NOT_MENTIONED.match(text, m.start()) and not lx.ASSESSMENT.search(
                text, max(seg_start, m.start() - 25), min(seg_end, m.start() + 30)):
            continue  # "ولم يشر البيان إلى سقوط ضحايا": silence, no zero
        if noun in lx.HARM_NOUNS and not lx.CIVILIAN_AFTER.match(text, m.end()):
            continue  # "لم يلحق أضراراً" counts only as harm to civilians
        out.append(Spot(m.start(), _zero_kind(text, noun, m.end()), 0, harm=_harm_of(noun)))
    for m in lx.NONE_OF.finditer(text, seg_start, seg_end):
        out.append(Spot(m.start(), "civilians_harmed", 0))
    for m in lx.KILLED_NOBODY.finditer(text, seg_start, seg_end):
        kind = "injured" if "يصب" in m.group() or "تصب" in m.group() else "killed"
        out.append(Spot(m.start(), kind, 0))
    if denial:
        for m in lx.NONE_AFTER_DENIAL.finditer(text, seg_start, seg_end):
            out.append(Spot(m.start(), _zero_kind(text, m.group("noun"), m.end()), 0,
                            harm=_harm_of(m.group("noun"))))
    seen: set[tuple[int, str]] = set()
    unique = []
    for spot in sorted(out, key=lambda s: s.position):
        key = (spot.position, spot.kind)
        if key not in seen and not any(abs(s.position - spot.position) < 12 and s.kind == spot.kind
                                       for s in unique):
            seen.add(key)
            unique.append(spot)
    return unique


def _zero_kind(text: str, noun: str, end: int) -> str:
    if "مدني" in noun or noun in lx.HARM_NOUNS:
        return "civilians_harmed"
    if lx.CIVILIAN_AFTER.match(text, end):
        return "civilians_harmed"
    if noun in ("جرحي", "جريح", "اصابات", "اصابه"):
        return "injured"
    return "killed"


def civilian_spots(article: Article, seg_start: int, seg_end: int) -> list[Spot]:
    """Civilians among the casualties without a count of their own; one more casualty
    written as an ordinal ("وإصابة خامس"); a pair of things destroyed ("المركبتين دمرتا")."""
    text = article.text
    out: list[Spot] = []
    for m in lx.ONE_MORE.finditer(text, seg_start, seg_end):
        out.append(Spot(m.start(), "killed" if m.group("what") == "مقتل" else "injured", 1))
    for m in lx.DESTROYED_PAIR.finditer(text, seg_start, seg_end):
        kind = "vehicles_destroyed" if m.group("noun").startswith(
            ("مركب", "سيار", "شاحن")) else "buildings_destroyed"
        out.append(Spot(m.start(), kind, 2))
    for m in lx.CIVILIAN_AMONG.finditer(text, seg_start, seg_end):
        out.append(Spot(m.start(), "civilians_harmed", 1, harm=_harm_of(m.group("noun"))))
    for m in lx.ONE_CIVILIAN_AMONG.finditer(text, seg_start, seg_end):
        out.append(Spot(m.start(), "civilians_harmed", 1, subset=True))
    for m in lx.ONE_PERSON.finditer(text, seg_start, seg_end):
        what, who = m.group("what"), m.group("who")
        kind = "killed" if "قتل" in what else "injured"
        out.append(Spot(m.start(), kind, 1))
        if who.startswith(("مدني", "طفل", "امراه")):
            out.append(Spot(m.start(), "civilians_harmed", 1, harm=kind))
    for m in lx.ONE_OF_DEAD.finditer(text, seg_start, seg_end):
        if lx.CIVILIAN_SIGN.search(text, m.end(), min(seg_end, m.end() + 90)):
            out.append(Spot(m.start(), "civilians_harmed", 1))
    for m in lx.DEAD_WERE_CIVILIANS.finditer(text, seg_start, seg_end):
        if not article.numbers_in(max(seg_start, m.start() - 12), m.end()):
            out.append(Spot(m.start(), "civilians_harmed", None, "unspecified"))
    for m in lx.NO_FIGHTERS_AMONG.finditer(text, seg_start, seg_end):
        out.append(Spot(m.start(), "civilians_harmed", None, "unspecified"))
    return out


def object_spots(article: Article, seg_start: int, seg_end: int,
                 numbers: list[NumberHit]) -> list[Spot]:
    """"دمرت منزلا ريفيا وسيارة نقل": one of each thing destroyed, written without a number."""
    text = article.text
    out: list[Spot] = []
    counted = {n.noun_end for n in numbers if n.noun_end is not None} | {
        n.end for n in numbers}
    for verb in lx.DESTROY.finditer(text, seg_start, seg_end):
        position = _skip_subject(article, verb.end(), seg_end)
        stop = _CLAUSE_END.search(text, position, seg_end)
        end = min(stop.start() if stop else seg_end, position + 80)
        for m in lx.ONE_OBJECT.finditer(text, position, end):
            if m.start() != position and not m.group("and"):
                continue  # only the object of the verb, or one joined to it by "و"
            if m.end() in counted or any(n.start <= m.start() < (n.noun_end or n.end)
                                         for n in numbers):
                continue
            noun = m.group("noun").rstrip("ا")
            kind = "vehicles_destroyed" if noun.startswith(
                ("سيار", "مركب", "الي", "شاحن", "مدرع")) else "buildings_destroyed"
            out.append(Spot(m.start(), kind, 1))
    return out


def targeting_spots(article: Article, seg_start: int, seg_end: int, has_strike: bool,
                    numbers: list[NumberHit]) -> list[Spot]:
    """What a strike hit: "استهدفت مخبأ", "أصابت مزرعة", "على أوكار التنظيم", "دمرت مبنيين"."""
    text = article.text
    out: list[Spot] = []
    for verb in lx.TARGET_VERB.finditer(text, seg_start, seg_end):
        position = _skip_subject(article, verb.end(), seg_end)
        subject_after = position > verb.end() + 1
        relative = verb.group().startswith("ما")
        if not (has_strike or subject_after or relative):
            continue
        target = _target(article, position, seg_end)
        if target:
            out.append(Spot(verb.start(), "targeting", target=target,
                            subject=(verb.end(), position)))
    for verb in lx.DESTROY.finditer(text, seg_start, seg_end):
        position = _skip_subject(article, verb.end(), seg_end)
        stop = _CLAUSE_END.search(text, position, seg_end)
        listed = [n for n in numbers if position <= n.start < (stop.start() if stop else seg_end)]
        if any(bare(n.mention.noun or "") in lx.BUILDING_NOUNS for n in listed) or any(
                m.group("noun").startswith(_BUILDING_STEMS)
                and (m.start() == position or m.group("and"))
                for m in lx.ONE_OBJECT.finditer(text, position,
                                                stop.start() if stop else seg_end)):
            out.append(Spot(verb.start(), "targeting",
                            target=_target_text(article, position, seg_end)))
            continue
        one = lx.ONE_OBJECT.match(text, position)
        vehicle = one is not None and not one.group("noun").startswith(_BUILDING_STEMS)
        if (one and not vehicle) or (one is None and lx.TARGET_NOUN.match(text, position)
                                     and not _VEHICLE_TARGET.match(text, position)):
            out.append(Spot(verb.start(), "targeting", target=_target_text(article, position,
                                                                           seg_end)))
    return out


def on_target_spots(article: Article, ref_end: int, window_end: int) -> list[Spot]:
    """"غارة … على أوكار التنظيم": the target follows the strike after "على"."""
    text = article.text
    noun = lx.STRIKE_WORD.search(text, max(0, ref_end - 12), ref_end)
    if noun is None or noun.group("noun") in ("هجوم", "هجمات"):
        return []  # an attack "على بوابة أمنية" is not a strike on ISIS
    m = _ON.search(text, ref_end, window_end) or _ON_AFTER_COMMA.match(text, window_end)
    if m and lx.TARGET_NOUN.match(text, m.end()):
        return [Spot(m.start(), "targeting", target=_target_text(article, m.end(),
                                                                 max(window_end, m.end() + 40)))]
    return []


_ON = re.compile(lx.W + r"علي\s+")
#: "غارة شنها طيران حفتر، على مزرعة": the target after the clause naming who struck.
_ON_AFTER_COMMA = re.compile(r"\s*[،,]\s*علي\s+")


def is_really_spots(article: Article, seg_start: int, seg_end: int) -> list[Spot]:
    """"…، مؤكدا أنه مزرعة": after denying the target, what it really was."""
    text = article.text
    m = lx.IS_REALLY.search(text, seg_start, min(seg_end, seg_start + 30))
    if m and lx.TARGET_NOUN.match(text, m.end()):
        return [Spot(m.start(), "targeting", target=_target_text(article, m.end(), seg_end))]
    return []


def _skip_subject(article: Article, position: int, end: int) -> int:
    """Past the subject written after a verb ("استهدفت الأفريكوم موقعا", "استهدفت الضربة
    الأولى …") and any date, to where the object starts."""
    text = article.text
    for _ in range(4):  # subject, ordinal, date, in any order: "استهدفت الثالثة، في 17 نوفمبر، …"
        while position < end and text[position] in _SKIPPED:
            position += 1
        start = position
        for hit in article.parties_in(position, position + 1):
            position = hit.end
        strike = lx.STRIKE_WORD.match(text, position)
        if strike:
            position = strike.end()
            while (adj := lx.STRIKE_ADJ.match(text, position)) is not None:
                position = adj.end()
        ordinal = lx.ORDINAL_ALONE.match(text, position)
        if ordinal:
            position = ordinal.end()
        preposition = _DATE_PREPOSITION.match(text, position)
        dated = article.dates_in(preposition.end() if preposition else position, position + 6)
        if dated:
            position = dated[0].end
        if position == start:
            break
    while position < end and text[position] in _SKIPPED:
        position += 1
    return position


def _target(article: Article, position: int, end: int) -> str | None:
    if not lx.TARGET_NOUN.match(article.text, position):
        return None
    return _target_text(article, position, end)


def _target_text(article: Article, position: int, end: int) -> str:
    stop = _CLAUSE_END.search(article.text, position, end)
    stop_at = min(stop.start() if stop else end, position + _TARGET_CHARS)
    o_start, o_end = article.original(position, max(position + 1, stop_at))
    original = article.document.text
    while o_end < len(original) and unicodedata.combining(original[o_end]):
        o_end += 1  # the vowel marks of the last word ("منزلاً") belong to it
    return original[o_start:o_end].strip(" \u201c\u201d\"«»")


def coordination_spots(article: Article, seg_start: int, seg_end: int,
                       denial: bool) -> list[Spot]:
    text = article.text
    out: list[Spot] = []
    for m in lx.COORDINATION_DENIED.finditer(text, seg_start, seg_end):
        out.append(Spot(m.start(), "coordination", stance="denies"))
    if denial:
        for m in lx.KNEW_OF_STRIKE.finditer(text, seg_start, seg_end):
            out.append(Spot(m.start(), "coordination", stance="denies"))
    for m in lx.COORDINATION.finditer(text, seg_start, seg_end):
        if any(abs(s.position - m.start()) < 30 for s in out):
            continue
        pronoun = bool(m.group("pron") or m.group("pron2"))
        partner = None
        if not pronoun:
            after = [p for p in article.parties_in(m.end(), m.end() + 40)
                     if p.id not in ("isis", "al_qaeda")]
            partner = after[0].id if after else None
        negated = lx.COORDINATION_NEGATED.search(text, max(seg_start, m.start() - 20), m.start())
        denied = denial or bool(negated)
        out.append(Spot(m.start(), "coordination", stance="denies" if denied else "asserts",
                        target=partner, partner_pronoun=pronoun))
    return out


def is_period(value: DateValue) -> bool:
    """A date that spans more than a week: "منذ سبتمبر", "خلال الأشهر الماضية"."""
    if value.start is None or value.end is None:
        return False
    return (value.end - value.start).days > 7


def pair_respectively(spots: list[Spot]) -> None:
    """"قتل فيها ثمانية وأحد عشر وسبعة عشر … على التوالي": the n-th figure of a list is about
    the n-th strike of the group."""
    figures = [s for s in spots if s.number is not None and s.kind == "killed"]
    if len(figures) >= 2:
        for ordinal, spot in enumerate(figures, 1):
            spot.part = ordinal
