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
                 "الحكومة المعترف بها دوليا", "الحكومة المعترف بها أمميا",
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
                 "عملية الكرامة", "غرفة عمليات الكرامة", "القيادة العامة", "قوات القيادة العامة",
                 "الجيش الليبي", "القوات المسلحة العربية الليبية",
                 "الجيش الوطني"]},
    {"id": "omar_mukhtar_operations_room", "name": "LNA Omar al-Mukhtar operations room (Derna)",
     "kind": "office", "affiliation": "lna", "aliases": ["غرفة عمليات عمر المختار"]},
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
    {"id": "gna_health_ministry", "name": "GNA health ministry", "kind": "office",
     "affiliation": "gna",
     "aliases": ["وزارة الصحة بحكومة الوفاق", "وزارة الصحة في حكومة الوفاق",
                 "وزارة الصحة التابعة لحكومة الوفاق", "مركز طب الطوارئ والدعم"]},
    {"id": "volcano_of_anger", "name": "Operation Volcano of Anger (GNA)", "kind": "office",
     "affiliation": "gna", "aliases": ["عملية بركان الغضب", "بركان الغضب",
                                       "قوات بركان الغضب"]},
    {"id": "gnu", "name": "Government of National Unity", "kind": "organisation",
     "aliases": ["حكومة الوحدة الوطنية", "حكومة الوحدة", "حكومة الدبيبة"]},
    {"id": "gnc", "name": "General National Congress", "kind": "organisation",
     "aliases": ["المؤتمر الوطني العام", "المؤتمر الوطني"]},
    {"id": "salvation_government", "name": "National Salvation Government (Tripoli)",
     "kind": "organisation", "affiliation": "gnc",
     "aliases": ["حكومة الإنقاذ الوطني", "حكومة الإنقاذ"]},
    {"id": "house_of_representatives", "name": "House of Representatives", "kind": "organisation",
     "aliases": ["مجلس النواب", "مجلس النواب الليبي", "البرلمان الليبي"]},
    {"id": "interim_government", "name": "Interim government (al-Bayda)", "kind": "organisation",
     "aliases": ["الحكومة المؤقتة", "الحكومة الليبية المؤقتة"]},
    {"id": "derna_shura_council", "name": "Mujahideen Shura Council of Derna",
     "kind": "organisation",
     "aliases": ["مجلس شورى مجاهدي درنة", "مجلس شورى مجاهدي درنة وضواحيها"]},
    # the name the Shura Council's fighters took in May 2018, during the LNA's siege
    {"id": "derna_protection_force", "name": "Derna Protection Force", "kind": "organisation",
     "affiliation": "derna_shura_council", "aliases": ["قوة حماية درنة"]},
    {"id": "benghazi_shura_council", "name": "Benghazi Revolutionaries Shura Council",
     "kind": "organisation", "aliases": ["مجلس شورى ثوار بنغازي"]},
    {"id": "ansar_al_sharia", "name": "Ansar al-Sharia", "kind": "organisation",
     "aliases": ["أنصار الشريعة", "تنظيم أنصار الشريعة"]},
    {"id": "un", "name": "United Nations", "kind": "organisation",
     "aliases": ["الأمم المتحدة", "المنظمة الأممية", "الأمين العام للأمم المتحدة",
                 "مجلس الأمن", "مجلس الأمن الدولي", "مفوضية حقوق الإنسان",
                 "مفوضية الأمم المتحدة لحقوق الإنسان", "منظمة الصحة العالمية",
                 "اليونيسف", "منظمة اليونيسف"]},
    {"id": "unsmil", "name": "UN Support Mission in Libya (UNSMIL)", "kind": "office",
     "affiliation": "un",
     "aliases": ["بعثة الأمم المتحدة للدعم في ليبيا", "بعثة الأمم المتحدة في ليبيا",
                 "بعثة الأمم المتحدة", "البعثة الأممية", "البعثة الأممية في ليبيا",
                 "البعثة الأممية للدعم في ليبيا", "بعثة الدعم الأممية", "أونسميل"]},
    {"id": "airwars", "name": "Airwars", "kind": "organisation",
     "aliases": ["إيروورز", "إير وورز", "إيرورز", "ايروورز", "منظمة إيروورز", "Airwars"]},
    {"id": "amnesty", "name": "Amnesty International", "kind": "organisation",
     "aliases": ["منظمة العفو الدولية", "العفو الدولية"]},
    {"id": "hrw", "name": "Human Rights Watch", "kind": "organisation",
     "aliases": ["هيومن رايتس ووتش", "هيومان رايتس ووتش", "منظمة هيومن رايتس ووتش"]},
    {"id": "icrc", "name": "International Committee of the Red Cross", "kind": "organisation",
     "aliases": ["اللجنة الدولية للصليب الأحمر", "الصليب الأحمر الدولي", "الصليب الأحمر"]},
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

# Foreign states that strike, mediate or lose citizens in Libya: (adjective slug, English
# adjective, Arabic adjective without ال, masculine). Their armies and governments are named by
# the adjective far more than by the country ("الجيش المصري", "الخارجية التركية").
STATES: list[tuple[str, str, str]] = [
    ("egyptian", "Egyptian", "مصري"), ("turkish", "Turkish", "تركي"),
    ("emirati", "Emirati", "إماراتي"), ("french", "French", "فرنسي"),
    ("italian", "Italian", "إيطالي"), ("british", "British", "بريطاني"),
    ("russian", "Russian", "روسي"), ("qatari", "Qatari", "قطري"),
    ("tunisian", "Tunisian", "تونسي"), ("algerian", "Algerian", "جزائري"),
    ("chadian", "Chadian", "تشادي"), ("sudanese", "Sudanese", "سوداني"),
    ("nigerien", "Nigerien", "نيجري"), ("serbian", "Serbian", "صربي"),
    ("jordanian", "Jordanian", "أردني"), ("german", "German", "ألماني"),
]


def _state_parties(slug: str, english: str, adjective: str) -> list[dict]:
    masc, fem = "ال" + adjective, "ال" + adjective + "ة"
    military, government = f"{slug}_military", f"{slug}_government"
    return [
        {"id": military, "name": f"{english} military", "kind": "organisation",
         "aliases": [f"الجيش {masc}", f"القوات {fem}", f"القوات المسلحة {fem}",
                     f"القوات الجوية {fem}", f"سلاح الجو {masc}", f"الطيران {masc}",
                     f"الطيران الحربي {masc}", f"المقاتلات {fem}", f"الطائرات {fem}",
                     f"الطائرات الحربية {fem}", f"الجانب {masc}"]},
        {"id": f"{slug}_military_spokesman", "name": f"{english} military spokesman",
         "kind": "office", "affiliation": military,
         "aliases": [f"المتحدث العسكري {masc}", f"المتحدث باسم الجيش {masc}",
                     f"المتحدث باسم القوات المسلحة {fem}"]},
        {"id": f"{slug}_defence_ministry", "name": f"{english} defence ministry",
         "kind": "office", "affiliation": military,
         "aliases": [f"وزارة الدفاع {fem}", f"الدفاع {fem}", f"وزير الدفاع {masc}"]},
        {"id": government, "name": f"{english} government", "kind": "organisation",
         "aliases": [f"الحكومة {fem}", f"السلطات {fem}", f"الرئاسة {fem}",
                     f"الرئيس {masc}", f"السفارة {fem}"]},
        {"id": f"{slug}_foreign_ministry", "name": f"{english} foreign ministry",
         "kind": "office", "affiliation": government,
         "aliases": [f"وزارة الخارجية {fem}", f"الخارجية {fem}", f"وزير الخارجية {masc}"]},
    ]


PARTIES += [party for state in STATES for party in _state_parties(*state)]

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
    # The west: the coast, the Nafusa mountains and the Tripoli front of 2019-2020.
    ("zawiya", "الزاوية", 32.7571, 12.7278, "town", 10, ("مدينة الزاوية",)),
    ("zuwara", "زوارة", 32.9312, 12.0820, "town", 10, ("زواره",)),
    ("surman", "صرمان", 32.7567, 12.5719, "town", 8, ()),
    ("ajaylat", "العجيلات", 32.7575, 12.3760, "town", 8, ()),
    ("nalut", "نالوت", 31.8686, 10.9812, "town", 10, ()),
    ("zintan", "الزنتان", 31.9317, 12.2528, "town", 10, ()),
    ("yafran", "يفرن", 32.0633, 12.5286, "town", 8, ()),
    ("jadu", "جادو", 31.9566, 12.0267, "town", 8, ()),
    ("ghadames", "غدامس", 30.1337, 9.5007, "town", 10, ()),
    ("mizda", "مزدة", 31.4451, 12.9801, "town", 10, ("مزده",)),
    ("aziziya", "العزيزية", 32.5308, 13.0175, "town", 8, ()),
    ("khoms", "مدينة الخمس", 32.6486, 14.2619, "town", 10, ("بلدية الخمس",)),
    ("msallata", "مسلاتة", 32.6167, 14.0000, "town", 8, ()),
    ("garabulli", "القره بوللي", 32.7544, 13.7214, "town", 8, ("القربوللي", "قره بوللي")),
    ("tajoura", "تاجوراء", 32.8817, 13.3506, "town", 6, ("تاجورا",)),
    ("janzour", "جنزور", 32.8167, 13.0167, "town", 6, ()),
    ("swani", "السواني", 32.68, 13.10, "town", 6, ()),
    ("ain_zara", "عين زارة", 32.79, 13.24, "town", 5, ()),
    ("qasr_bin_ghashir", "قصر بن غشير", 32.69, 13.18, "town", 5, ()),
    ("mitiga", "معيتيقة", 32.8941, 13.2760, "area", 3,
     ("مطار معيتيقة", "قاعدة معيتيقة", "قاعدة معيتيقة الجوية")),
    ("watiya", "الوطية", 32.4736, 11.8997, "area", 5,
     ("قاعدة الوطية", "قاعدة الوطية الجوية", "عقبة بن نافع")),
    ("tawergha", "تاورغاء", 31.97, 15.12, "town", 8, ("تاورغا",)),
    ("abu_grein", "أبوقرين", 31.44, 15.25, "town", 8, ("أبو قرين",)),
    ("qaryat", "القريات", 30.37, 13.58, "town", 8, ()),
    ("shwayrif", "الشويرف", 29.99, 14.26, "town", 8, ()),
    # The oil crescent and the east.
    ("harawa", "هراوة", 31.03, 17.08, "town", 8, ()),
    ("nawfaliya", "النوفلية", 30.78, 17.83, "town", 8, ()),
    ("bin_jawad", "بن جواد", 30.81, 18.07, "town", 8, ()),
    ("sidra", "السدرة", 30.63, 18.35, "town", 8, ("ميناء السدرة",)),
    ("ras_lanuf", "راس لانوف", 30.50, 18.55, "town", 8, ("رأس لانوف",)),
    ("brega", "البريقة", 30.41, 19.58, "town", 10, ("مرسى البريقة",)),
    ("ganfouda", "قنفودة", 32.06, 19.93, "town", 5, ()),
    ("marj", "المرج", 32.4925, 20.8300, "town", 10, ()),
    ("bayda", "مدينة البيضاء", 32.7627, 21.7551, "town", 10, ()),
    ("shahat", "شحات", 32.8281, 21.8622, "town", 8, ()),
    ("tobruk", "طبرق", 32.0836, 23.9764, "town", 15, ()),
    ("awjila", "أوجلة", 29.11, 21.29, "town", 8, ("اوجلة",)),
    ("jalu", "جالو", 29.03, 21.55, "town", 8, ()),
    ("marada", "مرادة", 29.23, 19.21, "town", 8, ()),
    ("zella", "زلة", 28.55, 17.58, "town", 8, ("زله",)),
    # The south.
    ("tamanhint", "تمنهنت", 27.24, 14.65, "area", 5, ("قاعدة تمنهنت",)),
    ("sharara", "حقل الشرارة", 26.55, 12.24, "area", 10, ("حقل الشرارة النفطي",)),
    ("west_libya", "غرب ليبيا", 31.5, 12.5, "region", 300,
     ("غربي ليبيا", "الغرب الليبي", "الجبل الغربي", "جبل نفوسة")),
    ("east_libya", "شرق ليبيا", 31.5, 21.5, "region", 400,
     ("شرقي ليبيا", "الشرق الليبي", "برقة")),
    ("oil_crescent", "الهلال النفطي", 30.5, 18.5, "region", 150, ()),
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
