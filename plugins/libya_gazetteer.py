"""Parties and places for coverage of armed conflict in Libya.

Coordinates are approximate town centres (WGS 84). Spelling variants that normalisation does not
already fold (hamza, alef maqsura, ta marbuta) are listed as aliases: أمريكية / أميركية differ in
letters, not just marks.
"""

from __future__ import annotations

from collections.abc import Callable

from claimtrack import hookimpl

US = ("الأمريكية", "الأميركية")
AFRICA = ("إفريقيا", "أفريقيا")


def _us_africa_command() -> list[str]:
    names = ["أفريكوم", "الأفريكوم", "الإفريكوم", "افريكوم", "AFRICOM", "قيادة أفريكوم"]
    for us in US:
        for africa in AFRICA:
            names += [
                f"القيادة العسكرية {us} في {africa}",
                f"القيادة {us} العسكرية في {africa}",
                f"القيادة {us} في {africa}",
                f"القيادة {us} ل{africa}",
                f"قيادة {us.removeprefix('ال')} في {africa}",
                f"القيادة {us} الإفريقية",
            ]
        # In news of strikes in Libya "the US command" is the Africa command.
        names += [f"القيادة {us}", f"القيادة العسكرية {us}"]
        names += [f"قيادة الجيش {us[:-1]} في {a}" for a in AFRICA]
    return names


PARTIES: list[dict] = [
    {"id": "us_military", "name": "US military", "kind": "organisation",
     "aliases": ["الجيش الأمريكي", "الجيش الأميركي", "القوات الأمريكية", "القوات الأميركية",
                 "البنتاغون", "البنتاجون", "وزارة الدفاع الأمريكية", "وزارة الدفاع الأميركية",
                 "الجيش الامريكي", "الجانب الأمريكي", "الجانب الأميركي"]},
    {"id": "africom", "name": "US Africa Command (AFRICOM)", "kind": "organisation",
     "affiliation": "us_military", "aliases": _us_africa_command()},
    {"id": "william_gayler", "name": "William Gayler", "kind": "person",
     "affiliation": "africom", "aliases": ["ويليام جايلر", "وليام جايلر", "جايلر"]},
    {"id": "stephen_townsend", "name": "Stephen Townsend", "kind": "person",
     "affiliation": "africom", "aliases": ["ستيفن تاونسيند", "ستيفن تاونسند", "تاونسيند",
                                           "تاونسند"]},
    {"id": "thomas_waldhauser", "name": "Thomas Waldhauser", "kind": "person",
     "affiliation": "africom", "aliases": ["توماس والدهاوزر", "والدهاوزر"]},
    {"id": "chris_karns", "name": "Chris Karns", "kind": "person", "affiliation": "africom",
     "aliases": ["كريس كارنس", "كارنس"]},
    {"id": "us_government", "name": "US government", "kind": "organisation",
     "aliases": ["الخارجية الأمريكية", "الخارجية الأميركية", "الإدارة الأمريكية",
                 "الإدارة الأميركية", "البيت الأبيض", "واشنطن", "الولايات المتحدة",
                 "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية"]},
    {"id": "donald_trump", "name": "Donald Trump", "kind": "person",
     "affiliation": "us_government", "aliases": ["دونالد ترامب", "دونالد ترمب", "ترامب", "ترمب"]},
    {"id": "david_hale", "name": "David Hale", "kind": "person",
     "affiliation": "us_government", "aliases": ["ديفيد هيل"]},
    {"id": "gna", "name": "Government of National Accord (GNA)", "kind": "organisation",
     "aliases": ["حكومة الوفاق", "حكومة الوفاق الوطني", "المجلس الرئاسي", "الوفاق",
                 "وزارة الدفاع بحكومة الوفاق", "وزارة الداخلية بحكومة الوفاق"]},
    {"id": "gna_pm_office", "name": "GNA prime minister's media office", "kind": "office",
     "affiliation": "gna",
     "aliases": ["المكتب الإعلامي لرئيس حكومة الوفاق", "المكتب الإعلامي للسراج",
                 "المكتب الإعلامي لرئيس المجلس الرئاسي", "المكتب الإعلامي للمجلس الرئاسي"]},
    {"id": "fayez_sarraj", "name": "Fayez al-Sarraj", "kind": "person", "affiliation": "gna",
     "aliases": ["فائز السراج", "فايز السراج", "السراج"]},
    {"id": "adel_abdel_kafi", "name": "Col. Adel Abdel-Kafi", "kind": "person",
     "affiliation": "gna", "aliases": ["عادل عبد الكافي", "عادل عبدالكافي"]},
    {"id": "sirte_protection_force", "name": "Sirte Protection and Security Force",
     "kind": "office", "affiliation": "gna",
     "aliases": ["قوة حماية وتأمين سرت", "قوة تأمين وحماية سرت", "قوة حماية سرت",
                 "قوة تأمين سرت"]},
    {"id": "bunyan_marsous", "name": "Al-Bunyan al-Marsous operation", "kind": "office",
     "affiliation": "gna", "aliases": ["البنيان المرصوص", "قوات البنيان المرصوص"]},
    {"id": "lna", "name": "Libyan National Army (Haftar)", "kind": "organisation",
     "aliases": ["الجيش الوطني الليبي", "قوات حفتر", "خليفة حفتر", "حفتر", "قوات الكرامة",
                 "عملية الكرامة", "القيادة العامة", "قوات القيادة العامة", "الجيش الليبي",
                 "الجيش الوطني"]},
    {"id": "lna_war_media", "name": "LNA war media office", "kind": "office",
     "affiliation": "lna",
     "aliases": ["شعبة الإعلام الحربي", "المركز الإعلامي لغرفة عمليات الكرامة"]},
    {"id": "ahmed_mismari", "name": "Ahmed al-Mismari", "kind": "person", "affiliation": "lna",
     "aliases": ["أحمد المسماري", "المسماري"]},
    {"id": "isis", "name": "Islamic State (ISIS)", "kind": "organisation",
     "aliases": ["تنظيم الدولة", "تنظيم الدولة الإسلامية", "الدولة الإسلامية", "داعش",
                 "تنظيم داعش", "ISIS"]},
    {"id": "amaq", "name": "Amaq (ISIS news agency)", "kind": "office", "affiliation": "isis",
     "aliases": ["وكالة أعماق", "أعماق للأنباء"]},
    {"id": "al_qaeda", "name": "al-Qaeda", "kind": "organisation",
     "aliases": ["تنظيم القاعدة", "القاعدة"]},
    {"id": "libyan_red_crescent", "name": "Libyan Red Crescent", "kind": "organisation",
     "aliases": ["الهلال الأحمر الليبي", "الهلال الأحمر"]},
    {"id": "unnamed_local_source", "name": "Unnamed local source", "kind": "unnamed_source",
     "aliases": ["مصدر محلي", "مصادر محلية", "مصدر من مدينة", "مصدر من", "مصدر مطلع",
                 "مصادر مطلعة", "شهود عيان", "شاهد عيان", "مصدر أمني", "مصادر أمنية",
                 "مصدر عسكري", "مصادر عسكرية", "مصدر طبي", "مصادر طبية", "سكان محليون",
                 "أهالي", "الشهود", "أحد الشهود", "شهود", "أحد السكان", "مسؤولون محليون",
                 "مسؤولين محليين"]},
    {"id": "experts", "name": "Unnamed experts", "kind": "unnamed_source",
     "aliases": ["خبراء", "محللون", "مراقبون", "باحثون", "الباحث", "باحث", "الخبير", "خبير",
                 "المحلل", "محلل"]},
]

# (id, Arabic name, lat, lon, kind, radius km, aliases)
PLACES: list[tuple[str, str, float, float, str, float, tuple[str, ...]]] = [
    ("tripoli", "طرابلس", 32.8872, 13.1913, "town", 25, ("العاصمة طرابلس",)),
    ("benghazi", "بنغازي", 32.1167, 20.0667, "town", 20, ()),
    ("sirte", "سرت", 31.2089, 16.5887, "town", 20, ()),
    ("murzuq", "مرزق", 25.9155, 13.9184, "town", 15, ()),
    ("sabha", "سبها", 27.0377, 14.4283, "town", 15, ()),
    ("ubari", "أوباري", 26.5903, 12.7751, "town", 15, ("اوباري", "أُوباري")),
    ("ghat", "غات", 24.9640, 10.1728, "town", 10, ()),
    ("qatrun", "القطرون", 24.9333, 14.6333, "town", 10, ()),
    ("derna", "درنة", 32.7648, 22.6391, "town", 15, ()),
    ("misrata", "مصراتة", 32.3754, 15.0925, "town", 20, ("مصراته",)),
    ("sabratha", "صبراتة", 32.7933, 12.4885, "town", 10, ("صبراته",)),
    ("bani_walid", "بني وليد", 31.7566, 13.9942, "town", 15, ()),
    ("jufra", "الجفرة", 29.1167, 15.9333, "district", 60, ()),
    ("hun", "هون", 29.1268, 15.9477, "town", 10, ()),
    ("waddan", "ودان", 29.1614, 16.1390, "town", 10, ()),
    ("kufra", "الكفرة", 24.1833, 23.2833, "town", 20, ()),
    ("ajdabiya", "أجدابيا", 30.7554, 20.2263, "town", 15, ("اجدابيا",)),
    ("wadi_utba", "وادي عتبة", 26.05, 13.55, "area", 30, ()),
    ("harouge", "الهروج", 27.5, 17.5, "area", 120, ("جبال الهروج", "منطقة الهروج")),
    ("umm_al_aranib", "أم الأرانب", 26.15, 14.7333, "town", 10, ()),
    ("tazirbu", "تازربو", 25.6653, 21.0636, "town", 10, ()),
    ("fuqaha", "الفقهاء", 27.85, 16.35, "town", 10, ()),
    ("ghadwa", "غدوة", 26.4333, 14.2833, "town", 10, ()),
    ("brak", "براك الشاطئ", 27.55, 14.27, "town", 10, ("براك",)),
    ("gharyan", "غريان", 32.1722, 13.0203, "town", 10, ()),
    ("tarhuna", "ترهونة", 32.4350, 13.6332, "town", 10, ()),
    ("zliten", "زليتن", 32.4674, 14.5687, "town", 10, ()),
    ("zuwaylah", "زويلة", 26.17, 15.12, "town", 10, ("زويله",)),
    ("tajarhi", "تجرهي", 24.26, 14.47, "town", 10, ()),
    ("germa", "جرمة", 26.55, 13.07, "town", 10, ("جرمه",)),
    ("idri", "إدري", 27.45, 13.05, "town", 10, ("ادري",)),
    ("uwaynat", "العوينات", 25.78, 10.55, "town", 10, ()),
    ("sokna", "سوكنة", 29.07, 15.78, "town", 10, ("سوكنه",)),
    ("wadi_shati", "وادي الشاطئ", 27.5, 14.0, "area", 80, ()),
    ("wadi_hayat", "وادي الحياة", 26.5, 13.0, "area", 60, ("وادي الحياه",)),
    ("qardabiya", "القرضابية", 31.06, 16.70, "area", 10, ("قاعدة القرضابية",)),
    ("zaafran", "الزعفران", 30.95, 16.45, "area", 15, ()),
    ("south_west_libya", "جنوب غرب ليبيا", 26.0, 12.5, "region", 400,
     ("جنوب غربي ليبيا", "جنوب غرب البلاد", "جنوب غربي البلاد", "الجنوب الغربي",
      "الجنوب الغربي الليبي")),
    ("south_libya", "جنوب ليبيا", 26.5, 15.0, "region", 600,
     ("الجنوب الليبي", "جنوب البلاد", "الجنوب", "فزان", "إقليم فزان")),
    ("libya", "ليبيا", 27.0, 17.0, "country", 1000, ("البلاد",)),
]


@hookimpl
def register_parties(register: Callable[..., object]) -> None:
    for party in PARTIES:
        register(party["id"], party["name"], party["kind"], aliases=party["aliases"],
                 affiliation=party.get("affiliation"))


@hookimpl
def register_places(register: Callable[..., object]) -> None:
    for place_id, name, lat, lon, kind, radius, aliases in PLACES:
        register(place_id, name, lat, lon, aliases=aliases, kind=kind, radius_km=radius)
