"""A synthetic corpus of Arabic strike reports, for measuring ingest at scale.

    python benchmarks/corpus.py N OUT [--seed S] [--format txt|jsonl]

writes N articles to OUT: a folder of NAME.txt files with NAME.meta.json sidecars (sharded
1,000 to a sub-folder), or one JSON Lines file (``-`` for stdout). The same N and seed give the
same bytes; articles are generated one at a time, so N can be as large as the disk allows.

The articles are built from this module's own templates, in four styles: Libya Al-Ahrar
(share footer, headline sometimes printed twice), Independent Arabia (header line, bracketed
Levantine months), Al Jazeera (doubled photo caption, source line, then the "about this story"
/ "more from" / "most read" blocks) and a plain style for other outlets. A pool of incidents
(date, place, perpetrator, figures) is shared between articles, so each incident is reported
by several outlets and parties; figures come as digits, Arabic-Indic digits and words; dates as
weekdays relative to publication, "yesterday", day-month and ordinal dates; with denials,
aggregates over earlier strikes, and boilerplate. Every article's text is distinct: stores
hash content, and a repeated text would be a no-op.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from claimtrack_plugins.libya_gazetteer import PLACES

FIRST_DAY = date(2016, 1, 1)
SPAN_DAYS = 6 * 365
ARTICLES_PER_INCIDENT = 4  # on average; the same incident is told by several outlets

WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
          "أكتوبر", "نوفمبر", "ديسمبر")
LEVANTINE = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
             "تشرين الأول", "تشرين الثاني", "كانون الأول")
ORDINAL_UNITS = ("", "الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع",
                 "الثامن", "التاسع")
ORDINAL_SMALL = ("", "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع",
                 "الثامن", "التاسع", "العاشر")
# Cardinals before a masculine plural noun (عناصر): the feminine form, by Arabic polarity.
UNITS_M = ("", "", "", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة")
# Before a feminine noun (ضربات، مركبات): the masculine form.
UNITS_F = ("", "", "", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر")
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

TOWNS = [p for p in PLACES if p[4] == "town"]
AREAS = [p for p in PLACES if p[4] == "area"]
AFRICOM_NAMES = ("القيادة العسكرية الأمريكية في إفريقيا “الأفريكوم”",
                 "القيادة العسكرية الأميركية في أفريقيا (أفريكوم)", "الأفريكوم",
                 "القيادة الأمريكية في أفريقيا", "قيادة الجيش الأمريكي في أفريقيا")
ISIS_NAMES = ("تنظيم الدولة", "تنظيم “داعش”", "تنظيم الدولة الإسلامية", "داعش")
GNA_NAMES = ("حكومة الوفاق", "حكومة الوفاق الوطني", "المجلس الرئاسي")
LNA_SPEAKERS = ("شعبة الإعلام الحربي التابعة للجيش الوطني الليبي", "أحمد المسماري",
                "قوات القيادة العامة")
OFFICIALS = ("عميد بلدية", "رئيس المجلس البلدي في", "رئيس المجلس الاجتماعي في",
             "عضو المجلس البلدي في", "مدير مستشفى")
LOCAL_SOURCES = ("مصدر محلي", "مصدر أمني", "شهود عيان", "مصادر محلية", "مصدر طبي")
SPEAKERS_AFRICOM = ("ستيفن تاونسيند", "ويليام جايلر", "كريس كارنس")
TARGETS = ("منزلا", "معسكرا للتدريب", "مخبأ للأسلحة", "تجمعا لعناصر التنظيم", "مزرعة",
           "آليات تابعة للتنظيم", "موقعا صحراويا")
OUTLET_STYLES = (
    ("libya_alahrar", "alahrar", "https://libyaalahrar.net"),
    ("independent_arabia", "independent", "https://www.independentarabia.com"),
    ("aljazeera", "aljazeera", "https://www.aljazeera.net"),
    ("alwasat", "generic", "https://alwasat.ly"),
    ("libya_observer", "generic", "https://libyaobserver.ly"),
    ("asharq_alawsat", "generic", "https://aawsat.com"),
    ("alain", "generic", "https://al-ain.com"),
)
FILLER = (
    "ويشهد الجنوب الليبي فراغا أمنيا منذ سنوات، تستغله خلايا متنقلة في الصحراء للتخفي "
    "والتزود بالوقود والسلاح عبر الحدود.",
    "ويقول محللون إن التنظيم فقد معظم قدراته بعد خسارته مدينة سرت، لكنه ما زال قادرا على "
    "شن هجمات خاطفة على نقاط التفتيش.",
    "وتتنافس حكومتان على الشرعية في البلاد، ما يعقد جهود مكافحة الإرهاب وتبادل المعلومات.",
    "وتعاني المنطقة من نقص في الخدمات الصحية، ويشكو سكانها من غياب مؤسسات الدولة.",
    "وكانت الأمم المتحدة قد دعت الأطراف الليبية إلى وقف التصعيد والعودة إلى طاولة الحوار.",
    "وتقطع الطرق الصحراوية بين المدن الجنوبية مسافات طويلة لا تخضع لرقابة فعلية.",
    "ويرى مراقبون أن الضربات الجوية وحدها لا تكفي لإنهاء وجود الجماعات المتشددة.",
    "وتمتد الحدود الجنوبية لليبيا آلاف الكيلومترات مع تشاد والنيجر والسودان والجزائر.",
    "وتشهد أسعار الوقود في مدن الجنوب ارتفاعا متواصلا بسبب انقطاع الإمدادات.",
    "وتستضيف المنطقة أعدادا من المهاجرين العابرين نحو الساحل، في ظروف إنسانية صعبة.",
)
HEADLINES = (
    "{actor}: مقتل {n} من {isis} بغارة قرب {town}",
    "غارة {adj} جديدة تستهدف {isis} في {town}",
    "مقتل {n} من عناصر {isis} في ضربة جوية جنوب ليبيا",
    "{town}.. روايات متضاربة حول حصيلة غارة {adj}",
    "ضربة جوية قرب {town} والأرقام موضع خلاف",
)


@dataclass(frozen=True)
class Incident:
    day: date
    town: tuple  # a PLACES row
    perpetrator: str  # africom | lna
    killed: int
    injured: int
    vehicles: int
    strikes: int
    target: str


@dataclass
class Article:
    name: str  # a stable file stem
    text: str
    meta: dict  # url, outlet, published (optional), title
    # What the generator knows and a reader must find: the day of the article's main
    # incident and the publication day (also when meta leaves it out).
    truth: dict = field(default_factory=dict)


def incident(seed: int, index: int, total: int) -> Incident:
    """Incident number ``index`` of ``total``: dates spread evenly over six years."""
    rng = random.Random(f"{seed}:incident:{index}")
    day = FIRST_DAY + timedelta(days=index * SPAN_DAYS // max(total, 1) + rng.randint(0, 2))
    return Incident(
        day=day,
        town=rng.choice(TOWNS),
        perpetrator="lna" if rng.random() < 0.2 else "africom",
        killed=rng.choice((3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 17, 19, 20, 23)),
        injured=rng.choice((0, 0, 2, 3, 4, 5, 6)),
        vehicles=rng.choice((0, 0, 0, 2, 3, 4)),
        strikes=rng.choice((1, 1, 1, 2, 3, 4)),
        target=rng.choice(TARGETS),
    )


# -- how numbers and dates are written --

def count_phrase(rng: random.Random, n: int, noun_plural: str = "عناصر",
                 noun_single: str = "عنصرا") -> str:
    """A count of people as digits, Arabic-Indic digits or words, with its noun."""
    style = rng.random()
    noun = noun_plural if 3 <= n <= 10 else noun_single
    if style < 0.45:
        return f"{n} {noun}"
    if style < 0.7:
        return f"{str(n).translate(INDIC)} {noun}"
    if 3 <= n <= 10:
        return f"{UNITS_M[n]} {noun_plural}"
    if 13 <= n <= 19:
        return f"{UNITS_M[n - 10]} عشر {noun_single}"
    words = {11: "أحد عشر", 12: "اثني عشر", 20: "عشرين"}
    return f"{words[n]} {noun_single}" if n in words else f"{n} {noun}"


def feminine_count(rng: random.Random, n: int, plural: str, dual: str) -> str:
    if n == 2:
        return dual
    if 3 <= n <= 10 and rng.random() < 0.6:
        return f"{UNITS_F[n]} {plural}"
    return f"{n} {plural}"


def ordinal_day(day: int) -> str:
    if day <= 10:
        return ORDINAL_SMALL[day]
    if day < 20:
        return f"{ORDINAL_UNITS[day - 10]} عشر"
    if day in (20, 30):
        return "العشرين" if day == 20 else "الثلاثين"
    tens = "العشرين" if day < 30 else "الثلاثين"
    return f"{ORDINAL_UNITS[day % 10]} و{tens}"


def date_phrase(rng: random.Random, day: date, published: date, style: str) -> str:
    """How an article dated ``published`` names ``day``."""
    gap = (published - day).days
    roll = rng.random()
    if gap == 1 and roll < 0.3:
        return "أمس"
    if 1 <= gap <= 6 and roll < 0.65:
        name = WEEKDAYS[day.weekday()]
        last = "الماضية" if name == "الجمعة" else "الماضي"
        return f"يوم {name} {last}" if rng.random() < 0.5 else f"{name} {last}"
    month = MONTHS[day.month - 1]
    if style == "independent":
        return f"{WEEKDAYS[day.weekday()]} {day.day} {month} ({LEVANTINE[day.month - 1]})"
    if style == "aljazeera":
        return f"يوم {day.day} {month}/{LEVANTINE[day.month - 1]} {day.year}"
    if roll < 0.85:
        return f"في {ordinal_day(day.day)} من شهر {month}"
    return f"يوم {day.day} {month} {day.year}"


def place_phrase(rng: random.Random, town: tuple) -> str:
    name = town[1]
    return rng.choice((
        f"قرب مدينة {name}", f"في محيط مدينة {name}", f"جنوب {name}",
        f"على بعد نحو {rng.randint(12, 90)} كيلومترا من {name}", f"في ضواحي {name}",
    ))


# -- paragraphs --

def lead_paragraph(rng: random.Random, inc: Incident, published: date, style: str) -> str:
    isis = rng.choice(ISIS_NAMES)
    when = date_phrase(rng, inc.day, published, style)
    where = place_phrase(rng, inc.town)
    killed = count_phrase(rng, inc.killed)
    if inc.perpetrator == "lna":
        speaker = rng.choice(LNA_SPEAKERS)
        verb = "قال" if speaker == "أحمد المسماري" else "أعلنت"
        return (f"{verb} {speaker} إن سلاح الجو شن غارة {when} استهدفت {inc.target} {where}، "
                f"ما أدى إلى مقتل {killed} من {isis}.")
    actor = rng.choice(AFRICOM_NAMES)
    if inc.strikes > 1 and rng.random() < 0.5:
        strikes = feminine_count(rng, inc.strikes, "ضربات جوية", "ضربتين جويتين")
        return (f"قالت {actor} في بيان إن {strikes} نفذتها {when} {where} أسفرت عن مقتل "
                f"{killed} من مسلحي {isis}.")
    coord = "، بالتنسيق مع " + rng.choice(GNA_NAMES) if rng.random() < 0.6 else ""
    return (f"أعلنت {actor} مقتل {killed} من {isis} في غارة جوية استهدفت {inc.target} "
            f"{where} {when}{coord}.")


def detail_paragraphs(rng: random.Random, inc: Incident) -> list[str]:
    out = []
    if inc.perpetrator == "africom":
        if inc.vehicles:
            vehicles = feminine_count(rng, inc.vehicles, "مركبات تابعة", "مركبتين تابعتين")
            out.append(f"وأوضح البيان أن الضربة أسفرت أيضا عن تدمير {vehicles} للتنظيم.")
        if rng.random() < 0.6:
            out.append("وأكدت القيادة عدم سقوط أي ضحايا في صفوف المدنيين جراء العملية، "
                       "وفق البيان.")
        if rng.random() < 0.3:
            who = rng.choice(SPEAKERS_AFRICOM)
            out.append(f"وقال {who} إن هذه الضربات تهدف إلى حرمان الإرهابيين من الملاذات "
                       "الآمنة في ليبيا، مشيرا إلى استمرار التعاون مع الشركاء الليبيين.")
    if inc.injured:
        source = rng.choice(LOCAL_SOURCES)
        hurt = count_phrase(rng, inc.injured, "أشخاص", "شخصا")
        out.append(f"وأفاد {source} من {inc.town[1]} بأن الغارة أسفرت عن إصابة {hurt} نقلوا إلى "
                   "المستشفى.")
    return out


def denial_paragraph(rng: random.Random, inc: Incident) -> str:
    bodies = max(1, inc.killed - rng.randint(2, inc.killed))
    bodies_text = {1: "جثة واحدة", 2: "جثتين"}.get(
        bodies, f"{bodies} جثث" if bodies <= 10 else f"{bodies} جثة")
    if inc.perpetrator == "lna":
        return (f"في المقابل، نفت {rng.choice(GNA_NAMES)} رواية قوات حفتر، مؤكدة أن الغارة "
                f"أصابت مدنيين، وأن المستشفى استقبل {bodies_text} فقط.")
    official = rng.choice(OFFICIALS)
    return (f"في المقابل، نفى {official} {inc.town[1]} هذه الحصيلة، وأكد العثور على "
            f"{bodies_text} مجهولة الهوية دون وجود أي جرحى، وفق قوله.")


def aggregate_paragraph(rng: random.Random, parts: list[Incident], published: date) -> str:
    total = sum(p.killed for p in parts)
    count = len(parts)
    since = parts[0].day
    if rng.random() < 0.5:
        return (f"وبذلك يرتفع عدد قتلى التنظيم في الضربات الأمريكية منذ {since.day} "
                f"{MONTHS[since.month - 1]} إلى {total} عنصرا، وفق بيانات الأفريكوم.")
    nth = {2: "الثانية", 3: "الثالثة"}[count]
    return (f"وتعد هذه الضربة {nth} التي تنفذها الأفريكوم خلال {(published - since).days + 1} "
            f"يوما في جنوب ليبيا، وقضت جميعها على نحو {total} عنصرا من تنظيم الدولة، وفق "
            "بيانات الأفريكوم.")


def earlier_paragraph(rng: random.Random, inc: Incident, published: date) -> str:
    when = date_phrase(rng, inc.day, published, "generic")
    return (f"وكانت الأفريكوم قد أعلنت {when} مقتل {count_phrase(rng, inc.killed)} في ضربة "
            f"سابقة {place_phrase(rng, inc.town)}.")


# -- outlet styles --

def alahrar(rng: random.Random, title: str, body: list[str]) -> str:
    head = [title, title] if rng.random() < 0.3 else [title]
    related = rng.choice(HEADLINES).format(actor="الأفريكوم", n="عدد", isis="التنظيم",
                                           town=rng.choice(TOWNS)[1], adj="أمريكية")
    if rng.random() < 0.5:
        body = [*body, "مصدر من المدينة أكد للأحرار أن التحليق الأجنبي لم يتوقف منذ أيام."]
    return "\n\n".join([*head, *body]) + (
        f"\n\nTotal\n{rng.randint(0, 40)}\nمشاركة\nمقالات ذات صلة{related}\n\n{related}\n")


def independent(rng: random.Random, title: str, body: list[str]) -> str:
    header = rng.choice(("الإندبندنت عربية :", "اندبندنت عربية", "الإندبندنت عربية - طرابلس"))
    return "\n".join([header, *body]) + "\n"


def aljazeera(rng: random.Random, title: str, body: list[str]) -> str:
    town = rng.choice(TOWNS)[1]
    credit = rng.choice(("الأوروبية-أرشيف", "رويترز", "الجزيرة"))
    caption = f"آثار غارة جوية سابقة على موقع قرب {town} ({credit})"
    other = [
        f"أعلنت القيادة الأميركية في أفريقيا أن غارة قرب مدينة {rng.choice(TOWNS)[1]} أدت إلى "
        f"مقتل {rng.randint(3, 30)} من عناصر تنظيم الدولة.",
        f"قتل {rng.randint(5, 60)} شخصا على الأقل في قصف استهدف {rng.choice(TOWNS)[1]}.",
    ]
    tail = ["المصدر : الجزيرة + وكالات", "حول هذه القصة", *other,
            f"المزيد من {rng.choice(('سياسة', 'أخبار', 'تقارير'))}", "الأكثر قراءة"]
    return "\n\n".join([title, caption, caption, *body, *tail]) + "\n"


def generic(rng: random.Random, title: str, body: list[str]) -> str:
    return "\n\n".join([title, *body]) + "\n"


STYLES = {"alahrar": alahrar, "independent": independent, "aljazeera": aljazeera,
          "generic": generic}


def compose(seed: int, index: int, total: int, attempt: int = 0) -> Article:
    """Article ``index`` of ``total`` (``attempt`` > 0 redraws it after a collision)."""
    rng = random.Random(f"{seed}:article:{index}:{attempt}")
    incidents = max(1, total // ARTICLES_PER_INCIDENT)
    centre = min(incidents - 1, index // ARTICLES_PER_INCIDENT + rng.randint(-2, 2))
    main = incident(seed, max(centre, 0), incidents)
    outlet, style, home = rng.choice(OUTLET_STYLES)
    published = main.day + timedelta(days=rng.choice((0, 1, 1, 1, 2, 2, 3, 4, 6)))

    body = [lead_paragraph(rng, main, published, style), *detail_paragraphs(rng, main)]
    if rng.random() < 0.35:
        body.append(denial_paragraph(rng, main))
    earlier = [incident(seed, j, incidents) for j in range(max(centre - 3, 0), max(centre, 0))]
    earlier = [e for e in earlier if e.perpetrator == "africom" and 0 < (main.day - e.day).days
               < 40]
    if earlier and main.perpetrator == "africom" and rng.random() < 0.5:
        told = earlier[-2:]
        body += [earlier_paragraph(rng, e, published) for e in told]
        if rng.random() < 0.6:  # a total over the strikes this article names
            body.append(aggregate_paragraph(rng, [*told, main], published))
    body += rng.sample(FILLER, rng.randint(1, 4))

    actor = "الأفريكوم" if main.perpetrator == "africom" else "الجيش الوطني"
    title = rng.choice(HEADLINES).format(
        actor=actor, n=main.killed, isis=rng.choice(ISIS_NAMES), town=main.town[1],
        adj="أمريكية" if main.perpetrator == "africom" else "لقوات حفتر")
    text = STYLES[style](rng, title, body)
    meta: dict = {"outlet": outlet, "title": title,
                  "url": f"{home}/{published:%Y/%m/%d}/{seed}-{index}"}
    if rng.random() < 0.8:  # the rest must be dated from the text, as real feeds often are
        meta["published"] = published.isoformat()
    truth = {"event_day": main.day.isoformat(), "published": published.isoformat()}
    return Article(f"{index:06d}", text, meta, truth)


def articles(n: int, seed: int = 1) -> Iterator[Article]:
    """``n`` distinct articles, one at a time."""
    seen: set[bytes] = set()  # 16-byte digests: ~5 MB for 50 k articles, the corpus is not kept
    for index in range(n):
        attempt = 0
        while True:
            article = compose(seed, index, n, attempt)
            digest = hashlib.blake2b(article.text.encode(), digest_size=16).digest()
            if digest not in seen:
                seen.add(digest)
                break
            attempt += 1
        yield article


def write_folder(out: Path, n: int, seed: int) -> int:
    for article in articles(n, seed):
        shard = out / article.name[:3]
        shard.mkdir(parents=True, exist_ok=True)
        (shard / f"{article.name}.txt").write_text(article.text, encoding="utf-8")
        (shard / f"{article.name}.meta.json").write_text(
            json.dumps(article.meta, ensure_ascii=False), encoding="utf-8")
    return n


def write_jsonl(out: Path | None, n: int, seed: int) -> int:
    stream = sys.stdout if out is None else out.open("w", encoding="utf-8")
    try:
        for article in articles(n, seed):
            stream.write(json.dumps({**article.meta, "text": article.text},
                                    ensure_ascii=False) + "\n")
    finally:
        if out is not None:
            stream.close()
    return n


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", help="folder (txt) or file (jsonl; - for stdout)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    args = parser.parse_args(argv)
    if args.format == "txt":
        write_folder(Path(args.out), args.n, args.seed)
    else:
        write_jsonl(None if args.out == "-" else Path(args.out), args.n, args.seed)


if __name__ == "__main__":
    main()
