#!/usr/bin/env python3
"""A second, independently built synthetic startup ecosystem for ketnoi.

The world modelled here is a Vietnamese innovative-startup ecosystem (startups,
investors, mentors and the investments between them) in which **what people
publish is not what they want**.  Every investor and mentor is first given hidden
true preferences; the published profile and the deal history are then derived
from those preferences, with deliberate gaps:

* investors: true sectors, stages, ticket range, home region (or nationwide),
  favoured founder groups and excluded sectors.  About a quarter list sectors
  that their portfolio contradicts, some list none and describe them only in
  the thesis prose, group preferences and exclusions live only in prose or
  nowhere at all, regional focus is sometimes unstated;
* investments are drawn from the TRUE preferences (with noise) and deal activity
  is heavy-tailed and independent of how well an investor fits anyone;
* mentors: true expertise topics, sectors and languages, partly published and
  partly written only in the bio;
* startups: tags and needs are sometimes only described in the description;
  profile text is Vietnamese, English or both, sometimes typed without
  diacritics, sometimes in decomposed Unicode, with both tone-mark conventions.

A matcher that only reads structured fields sees a distorted picture; the
ground truth (truth.json) is graded from the hidden preferences alone.

Usage:
    python3 scripts/ecosystem2/generate.py --seed 7 --startups 1500 \
        --investors 400 --mentors 600 --out DIR

Writes DIR/data.jsonl (a ketnoi import file) and DIR/truth.json:
    {"investors": {startup_key: {investor_key: grade}}, "mentors": {...}}
for a sample of startups.  Grades are 1..3; pairs graded 0 are OMITTED (an
investor or mentor missing from a startup's map has grade 0).  Standard library
only; everything random comes from one random.Random(seed).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import sys
import unicodedata
from datetime import date, timedelta

sys.dont_write_bytecode = True   # keep the script directory clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vocab import (BOILER_EN, BOILER_VI, EN_PRE, EN_SHARED, EN_SUF, EXCLUDE_WORDS, FAMILY, FOREIGN,  # noqa: E402
                   FUND_ROOTS, GIVEN_F, GIVEN_M, LANG_NAMES, MARKETS, MIDDLE_F, MIDDLE_M, ORGANIZATIONS, PRODUCTS,
                   SECTOR_BG, STAGE_WORDS, TECH_LINES, TOPIC_TEXT, UNIVERSITIES, VN_A, VN_A2, VN_B)

STAGES = ["IDEA", "MVP", "SEED", "SERIES_A", "GROWTH"]
TAGS = ["STUDENT", "WOMEN_LED", "YOUTH", "SOCIAL_IMPACT", "ST_ENTERPRISE"]
TOPICS = ["CREATIVE_THINKING", "INTELLECTUAL_PROPERTY", "BUSINESS_MANAGEMENT", "MARKETING",
          "MARKET_RESEARCH", "BUSINESS_MODEL", "FUNDRAISING", "DIGITAL_TRANSFORMATION", "LEGAL",
          "TAX", "QUALITY_STANDARDS", "ECOMMERCE", "BRANDING", "TECHNOLOGY_TRANSFER",
          "PRODUCT_DEVELOPMENT", "INTERNATIONAL_EXPANSION"]
USD = 25_000                      # VND per USD
FIRST_DAY, LAST_DAY = date(2019, 1, 1), date(2026, 6, 30)
INACTIVE_CUTOFF = date(2022, 12, 31)

# ----------------------------------------------------------------------------- reference data
# key, Vietnamese name, English name, popularity among startups
SECTORS = [
    ("agritech", "Nông nghiệp công nghệ cao", "Agritech", 10),
    ("fintech", "Công nghệ tài chính", "Fintech", 9),
    ("edtech", "Công nghệ giáo dục", "Edtech", 9),
    ("healthtech", "Y tế số", "Healthtech", 8),
    ("logistics", "Logistics và chuỗi cung ứng", "Logistics", 7),
    ("ecommerce", "Thương mại điện tử", "E-commerce", 10),
    ("tourism", "Du lịch và lữ hành", "Tourism", 5),
    ("clean-energy", "Năng lượng sạch", "Clean energy", 4),
    ("ai", "Trí tuệ nhân tạo", "Artificial intelligence", 8),
    ("proptech", "Công nghệ bất động sản", "Real estate tech", 4),
    ("food-beverage", "Thực phẩm và đồ uống", "Food & beverage", 7),
    ("manufacturing", "Sản xuất thông minh", "Smart manufacturing", 5),
    ("biotech", "Công nghệ sinh học", "Biotech", 4),
    ("media", "Truyền thông và nội dung số", "Media & digital content", 6),
]
SECTOR_KEYS = [s[0] for s in SECTORS]
SECTOR_POP = {s[0]: s[3] for s in SECTORS}
RELATED = {
    "agritech": ["food-beverage", "biotech", "clean-energy", "logistics"],
    "fintech": ["ecommerce", "ai", "proptech"], "edtech": ["media", "ai"],
    "healthtech": ["biotech", "ai"], "logistics": ["ecommerce", "manufacturing", "agritech"],
    "ecommerce": ["logistics", "fintech", "food-beverage"], "tourism": ["media", "food-beverage"],
    "clean-energy": ["manufacturing", "agritech"], "ai": ["fintech", "healthtech", "edtech"],
    "proptech": ["fintech", "clean-energy"], "food-beverage": ["agritech", "ecommerce"],
    "manufacturing": ["clean-energy", "ai", "logistics"], "biotech": ["agritech", "healthtech"],
    "media": ["edtech", "tourism", "ecommerce"],
}
REGIONS = {  # English region -> (Vietnamese name, English prose)
    "Red River Delta": ("Đồng bằng sông Hồng", "the Red River Delta"),
    "Mekong Delta": ("Đồng bằng sông Cửu Long", "the Mekong Delta"),
    "South East": ("Đông Nam Bộ", "the South East (Saigon and its neighbours)"),
    "North Central Coast": ("Bắc Trung Bộ", "the North Central Coast"),
    "South Central Coast": ("Duyên hải Nam Trung Bộ", "the South Central Coast"),
    "Central Highlands": ("Tây Nguyên", "the Central Highlands"),
    "Northern Midlands and Mountains": ("Trung du và miền núi phía Bắc", "the northern uplands"),
}
# key, name, region, weight for where people are based
PROVINCES = [
    ("ho-chi-minh", "TP. Hồ Chí Minh", "South East", 30), ("ha-noi", "Hà Nội", "Red River Delta", 24),
    ("da-nang", "Đà Nẵng", "South Central Coast", 6), ("hai-phong", "Hải Phòng", "Red River Delta", 5),
    ("can-tho", "Cần Thơ", "Mekong Delta", 4), ("binh-duong", "Bình Dương", "South East", 2.5),
    ("hung-yen", "Hưng Yên", "Red River Delta", 2), ("bac-ninh", "Bắc Ninh", "Red River Delta", 2),
    ("quang-ninh", "Quảng Ninh", "Red River Delta", 1.5), ("dong-nai", "Đồng Nai", "South East", 1.5),
    ("thai-nguyen", "Thái Nguyên", "Northern Midlands and Mountains", 1.3),
    ("lao-cai", "Lào Cai", "Northern Midlands and Mountains", 0.8),
    ("thanh-hoa", "Thanh Hóa", "North Central Coast", 1.3), ("nghe-an", "Nghệ An", "North Central Coast", 1.4),
    ("hue", "Huế", "North Central Coast", 1.5), ("khanh-hoa", "Khánh Hòa", "South Central Coast", 1.5),
    ("binh-dinh", "Bình Định", "South Central Coast", 1.1), ("lam-dong", "Lâm Đồng", "Central Highlands", 1.5),
    ("dak-lak", "Đắk Lắk", "Central Highlands", 1.1), ("an-giang", "An Giang", "Mekong Delta", 1.2),
    ("dong-thap", "Đồng Tháp", "Mekong Delta", 1.2), ("ben-tre", "Bến Tre", "Mekong Delta", 1.0),
]
PROV = {p[0]: p for p in PROVINCES}
RURAL_SECTORS = {"agritech", "food-beverage", "biotech"}
TOURISM_PROVINCES = {"da-nang", "khanh-hoa", "lam-dong", "quang-ninh", "lao-cai", "hue", "binh-dinh"}

# ----------------------------------------------------------------------------- model parameters
EXCLUDE_WEIGHT = {"proptech": 6, "media": 2, "tourism": 1.5, "food-beverage": 1.5, "fintech": 1, "ecommerce": 1}
STAGE_NEEDS = {
    "IDEA": {"CREATIVE_THINKING": 3, "MARKET_RESEARCH": 3, "BUSINESS_MODEL": 3, "PRODUCT_DEVELOPMENT": 2, "INTELLECTUAL_PROPERTY": 1},
    "MVP": {"PRODUCT_DEVELOPMENT": 3, "MARKET_RESEARCH": 2, "BUSINESS_MODEL": 2, "FUNDRAISING": 2, "MARKETING": 2, "BRANDING": 1},
    "SEED": {"FUNDRAISING": 3, "MARKETING": 3, "BUSINESS_MANAGEMENT": 2, "BRANDING": 2, "ECOMMERCE": 1, "DIGITAL_TRANSFORMATION": 1},
    "SERIES_A": {"BUSINESS_MANAGEMENT": 3, "FUNDRAISING": 2, "INTERNATIONAL_EXPANSION": 2, "TAX": 1, "DIGITAL_TRANSFORMATION": 1},
    "GROWTH": {"INTERNATIONAL_EXPANSION": 3, "BUSINESS_MANAGEMENT": 2, "TAX": 2, "QUALITY_STANDARDS": 1},
}
SECTOR_NEEDS = {
    "agritech": {"QUALITY_STANDARDS": 2, "TECHNOLOGY_TRANSFER": 1.5, "ECOMMERCE": 1},
    "biotech": {"INTELLECTUAL_PROPERTY": 3, "TECHNOLOGY_TRANSFER": 3, "QUALITY_STANDARDS": 2},
    "food-beverage": {"QUALITY_STANDARDS": 3, "BRANDING": 3, "ECOMMERCE": 2},
    "ecommerce": {"ECOMMERCE": 3, "BRANDING": 2}, "manufacturing": {"QUALITY_STANDARDS": 2, "DIGITAL_TRANSFORMATION": 2},
    "ai": {"INTELLECTUAL_PROPERTY": 1.5}, "fintech": {"LEGAL": 3}, "healthtech": {"LEGAL": 2, "QUALITY_STANDARDS": 1},
    "media": {"INTELLECTUAL_PROPERTY": 2, "BRANDING": 1}, "tourism": {"MARKETING": 2, "DIGITAL_TRANSFORMATION": 1},
    "clean-energy": {"TECHNOLOGY_TRANSFER": 2, "LEGAL": 1}, "proptech": {"LEGAL": 2}, "logistics": {"DIGITAL_TRANSFORMATION": 2},
    "edtech": {"MARKETING": 1},
}


# ----------------------------------------------------------------------------- text helpers
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_TONE_RE = re.compile(r"(?<![qQ])([oOuU])([%s]?)([aAeEyY])([%s]?)(?![^\W\d_]|[\u0300-\u036f])" % (_TONES, _TONES))


def set_tone_style(text: str, style: str) -> str:
    """'old' writes hòa/thủy/khỏe, 'new' writes hoà/thuỷ/khoẻ (tone mark on the second vowel)."""
    def fix(m):
        v1, t1, v2, t2 = m.groups()
        tone = t1 or t2
        if (v1 + v2).lower() not in ("oa", "oe", "uy") or not tone:
            return m.group(0)
        return v1 + tone + v2 if style == "old" else v1 + v2 + tone
    return unicodedata.normalize("NFC", _TONE_RE.sub(fix, unicodedata.normalize("NFD", text)))


def strip_diacritics(text: str) -> str:
    d = unicodedata.normalize("NFD", text)
    return "".join(c for c in d if unicodedata.category(c) != "Mn").replace("đ", "d").replace("Đ", "D")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", strip_diacritics(text).lower()).strip("-")


def pick_style(rng):
    """How a person types Vietnamese: ~15% no diacritics, ~10% decomposed Unicode, tone style 50/50."""
    r, tone = rng.random(), rng.choice(["old", "new"])
    return ("nodiac" if r < 0.15 else "nfd" if r < 0.25 else "nfc", tone)


def styled(text, style):
    kind, tone = style
    text = set_tone_style(text, tone)
    if kind == "nodiac":
        return strip_diacritics(text)
    return unicodedata.normalize("NFD", text) if kind == "nfd" else text


def cap(s):
    return s[:1].upper() + s[1:]


def join_vi(xs):
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " và " + xs[-1]


def join_en(xs):
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def num(v):
    return f"{v:.1f}".rstrip("0").rstrip(".")


def money_vi(vnd):
    return f"{num(vnd / 1e9).replace('.', ',')} tỷ đồng" if vnd >= 1e9 else f"{num(vnd / 1e6).replace('.', ',')} triệu đồng"


def money_en(vnd, cur="VND"):
    if cur == "USD":
        usd = vnd / USD
        return f"US${num(usd / 1e6)}M" if usd >= 1e6 else f"US${round(usd / 1000)}k"
    return f"VND {num(vnd / 1e9)} billion" if vnd >= 1e9 else f"VND {num(vnd / 1e6)} million"


def nice(x):
    x = int(x)
    mag = 10 ** max(0, len(str(x)) - 2)
    return int(round(x / mag) * mag)


def money(vnd, cur):
    if cur == "USD":
        return {"amount": str(max(1000, nice(vnd / USD))), "currency": "USD"}
    return {"amount": str(nice(vnd)), "currency": "VND"}


def loguniform(rng, lo, hi):
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


def rand_date(rng, lo, hi, recent=1.0):
    """A date in [lo, hi]; recent < 1 skews towards hi."""
    span = (hi - lo).days
    return lo + timedelta(days=int(span * rng.random() ** recent))


def wsample(rng, items, weights, k):
    """k items without replacement, P proportional to weight (Efraimidis-Spirakis)."""
    keyed = [(rng.random() ** (1.0 / w), i) for i, w in enumerate(weights) if w > 0]
    keyed.sort(key=lambda t: -t[0])
    return [items[i] for _, i in keyed[:k]]


def wpick(rng, weights: dict):
    keys = list(weights)
    return rng.choices(keys, [weights[k] for k in keys])[0]


def render(rng, facts, lang, style):
    """facts: list of (vi choices, en choices). Bilingual profiles say some things in only one language."""
    vi, en = [], []
    for n, (fv, fe) in enumerate(facts):
        if lang == "vi":
            vi.append(rng.choice(fv))
        elif lang == "en":
            en.append(rng.choice(fe))
        else:
            r = rng.random() if n else 0.6   # the opening fact is said in both languages
            if r < 0.8:
                vi.append(rng.choice(fv))
            if r >= 0.55:
                en.append(rng.choice(fe))
    text = "\n\n".join(p for p in (" ".join(vi), " ".join(en)) if p)
    return styled(text, style) if lang != "en" else text


def first_person(sentences, singular):
    if not singular:
        return sentences
    out = []
    for s in sentences:
        for a, b in (("Chúng tôi", "Tôi"), ("chúng tôi", "tôi"), ("We're", "I'm"), ("We ", "I "), (" we ", " I "),
                     ("Our ", "My "), (" our ", " my ")):
            s = s.replace(a, b)
        out.append(s)
    return out


def person_name(rng, female=None):
    female = rng.random() < 0.45 if female is None else female
    mid = rng.choice(MIDDLE_F if female else MIDDLE_M)
    return f"{rng.choice(FAMILY)} {mid} {rng.choice(GIVEN_F if female else GIVEN_M)}"


def uniq_key(base, used):
    key, n = base, 2
    while key in used:
        key, n = f"{base}-{n}", n + 1
    used.add(key)
    return key


def weighted_province(rng, sector=None, boost=1.0):
    w = {}
    for key, _, region, weight in PROVINCES:
        if weight >= 20:
            weight *= boost
        if sector in RURAL_SECTORS and region in ("Mekong Delta", "Central Highlands"):
            weight *= 3
        if sector == "tourism" and key in TOURISM_PROVINCES:
            weight *= 3
        w[key] = weight
    return wpick(rng, w)


# ----------------------------------------------------------------------------- startups
def startup_name(rng, sector, used_names):
    for _ in range(50):
        r = rng.random()
        if r < 0.33:
            name = f"{rng.choice(VN_A)} {rng.choice(VN_B)}"
        elif r < 0.45:
            name = f"{rng.choice(VN_A2)} {rng.choice(VN_B)}"
        elif r < 0.85:
            pre = rng.choice(EN_PRE[sector] if rng.random() < 0.7 else EN_SHARED)
            suf = rng.choice(EN_SUF)
            name = pre + suf if suf.islower() or rng.random() < 0.8 else f"{pre} {suf}"
        else:
            name = rng.choice([f"{rng.choice(VN_A)} {rng.choice(VN_B)} {rng.choice(['Go', 'Tech', 'Hub', 'Lab'])}",
                               f"{rng.choice(EN_PRE[sector])}Viet", f"{rng.choice(EN_SHARED)} {rng.choice(VN_A2)}"])
        if name not in used_names:
            used_names.add(name)
            return name
    name = f"{name} {rng.randint(2, 99)}"
    used_names.add(name)
    return name


SEEK = {"IDEA": (1e8, 8e8), "MVP": (5e8, 3e9), "SEED": (2e9, 1.5e10), "SERIES_A": (1.5e10, 1e11), "GROWTH": (8e10, 5e11)}
TEAM = {"IDEA": (2, 5), "MVP": (2, 8), "SEED": (4, 20), "SERIES_A": (12, 60), "GROWTH": (40, 300)}
FOUNDED = {"IDEA": (date(2024, 1, 1), date(2026, 5, 31)), "MVP": (date(2022, 1, 1), date(2026, 3, 31)),
           "SEED": (date(2020, 1, 1), date(2025, 6, 30)), "SERIES_A": (date(2017, 1, 1), date(2023, 6, 30)),
           "GROWTH": (date(2015, 1, 1), date(2021, 6, 30))}


def make_startup(rng, used_keys, used_names, orgs_by_region):
    primary = wpick(rng, SECTOR_POP)
    sectors = [primary]
    if rng.random() < 0.3:
        sectors.append(rng.choice(RELATED[primary]) if rng.random() < 0.7 else rng.choice([s for s in SECTOR_KEYS if s != primary]))
    stage = wpick(rng, {"IDEA": 15, "MVP": 27, "SEED": 30, "SERIES_A": 18, "GROWTH": 10})
    province = weighted_province(rng, primary)
    region = PROV[province][2]
    si = STAGES.index(stage)
    tags = []
    if rng.random() < 0.25: tags.append("WOMEN_LED")
    if rng.random() < (0.3 if si <= 1 else 0.03): tags.append("STUDENT")
    if rng.random() < 0.2: tags.append("YOUTH")
    if rng.random() < (0.25 if primary in ("agritech", "edtech", "healthtech", "clean-energy") else 0.1): tags.append("SOCIAL_IMPACT")
    if si > 0 and rng.random() < (0.2 if primary in ("biotech", "ai", "manufacturing", "agritech", "clean-energy") else 0.05):
        tags.append("ST_ENTERPRISE")
    w = {t: 0.3 + STAGE_NEEDS[stage].get(t, 0) + SECTOR_NEEDS.get(primary, {}).get(t, 0) for t in TOPICS}
    needs = wsample(rng, list(w), list(w.values()), rng.choice([1, 2, 2, 3, 3, 4]))
    lang = wpick(rng, {"vi": 50, "en": 25, "both": 25})
    seeking = None if (stage == "IDEA" and rng.random() < 0.3) else nice(loguniform(rng, *SEEK[stage]))
    s = dict(sectors=sectors, stage=stage, province=province, region=region, tags=tags, needs=needs, lang=lang,
             seeking=seeking, currency="USD" if (lang == "en" and rng.random() < 0.3) else "VND",
             founded=rand_date(rng, *FOUNDED[stage]), team=rng.randint(*TEAM[stage]),
             hot=math.exp(rng.gauss(0, 0.6)), style=pick_style(rng))
    s["name"] = startup_name(rng, primary, used_names)
    s["key"] = uniq_key(slug(s["name"]), used_keys)
    # published tags/needs: some are only described in the text
    s["pub_tags"] = [t for t in tags if rng.random() < 0.8]
    r = rng.random()
    s["pub_needs"] = needs if r < 0.8 else (needs[: len(needs) // 2] if r < 0.9 else [])
    s["web"] = stage != "IDEA" or rng.random() < 0.3
    s["org"] = rng.choice(orgs_by_region[region]) if orgs_by_region.get(region) and rng.random() < 0.35 else None
    write_startup_text(rng, s)
    return s


def write_startup_text(rng, s):
    name = s["name"]
    pv, pe, cv, ce, bv, be = rng.choice(PRODUCTS[s["sectors"][0]])
    facts = [([f"{name} phát triển {pv} dành cho {cv}, giúp họ {bv}.", f"Sản phẩm của chúng tôi là {pv}. Khách hàng chính là {cv}.",
               f"Chúng tôi làm {pv} để {cv} có thể {bv}.", f"{cap(cv)} thường khó {bv}; {name} giải quyết bằng {pv}."],
              [f"{name} builds {pe} for {ce}, helping them {be}.", f"We make {pe}. Our customers are {ce}.",
               f"{cap(ce)} struggle to {be}. {name} fixes that with {pe}.", f"Our product: {pe}, so that {ce} can {be}."])]
    if len(s["sectors"]) > 1:
        pv2, pe2, *_ = rng.choice(PRODUCTS[s["sectors"][1]])
        facts.append(([f"Bên cạnh đó, nhóm đang thử nghiệm thêm {pv2}.", f"Sản phẩm thứ hai: {pv2}."],
                      [f"We are also piloting {pe2}.", f"A second line: {pe2}."]))
    middle = []
    if rng.random() < 0.6:
        middle.append(tuple([x] for x in rng.choice(TECH_LINES)))
    n, k, prov = rng.randint(5, 60), rng.randint(3, 25), PROV[s["province"]][1]
    traction = {
        "IDEA": ([f"Đang thử mô hình với {n} khách hàng đầu tiên ở {prov}.", "Ý tưởng đã vào chung kết một cuộc thi khởi nghiệp cấp tỉnh.", "Nhóm đang làm bản mẫu đầu tiên."],
                 [f"Testing the idea with {n} early users in {strip_diacritics(prov)}.", "Finalist at a provincial startup competition.", "Building the first prototype."]),
        "MVP": ([f"Bản thử nghiệm đã có {n * 20} người dùng.", f"Đã bán thử {n * 10} sản phẩm trong ba tháng."],
                [f"The beta has {n * 20} users.", f"Sold {n * 10} units in a three-month pilot."]),
        "SEED": ([f"Doanh thu mỗi tháng khoảng {n * 20} triệu đồng, tăng đều theo quý.", f"Đang phục vụ {n * 5} khách hàng trả phí."],
                 [f"Monthly revenue is around US${n}k and growing every quarter.", f"{n * 5} paying customers so far."]),
        "SERIES_A": ([f"Có mặt ở {k} tỉnh thành với hơn {n * 100} khách hàng.", f"Doanh thu năm ngoái đạt {n} tỷ đồng."],
                     [f"Live in {k} provinces with over {n * 100} customers.", f"Revenue reached VND {n} billion last year."]),
        "GROWTH": ([f"Doanh thu năm ngoái đạt {n * 5} tỷ đồng và đã có lãi.", "Đang chuẩn bị mở rộng sang Campuchia và Lào."],
                   [f"Profitable, with VND {n * 5} billion in revenue last year.", "Preparing to expand into Cambodia and Laos."]),
    }[s["stage"]]
    middle.append(traction)
    uv, ue = rng.choice(UNIVERSITIES)
    tag_text = {
        "WOMEN_LED": (["Công ty do hai nhà sáng lập nữ điều hành.", f"Người sáng lập là chị {rng.choice(GIVEN_F)}, trước đây làm kỹ sư phần mềm."],
                      ["Founded and run by women.", "Our CEO and CTO are both women engineers."]),
        "STUDENT": ([f"Nhóm gồm bốn sinh viên năm cuối {uv}.", f"Dự án ra đời từ câu lạc bộ khởi nghiệp của {uv}."],
                    [f"We are final-year students at {ue}.", f"The project started in a student club at {ue}."]),
        "YOUTH": (["Cả đội sáng lập đều dưới 28 tuổi.", "Một nhóm bạn trẻ mới ra trường."], ["All founders are under 28.", "A young team, fresh out of university."]),
        "SOCIAL_IMPACT": (["Mỗi sản phẩm bán ra, chúng tôi trích 5% cho quỹ học bổng ở vùng khó khăn.", "Chúng tôi tạo việc làm cho người khuyết tật."],
                          ["Five percent of every sale funds scholarships in poor districts.", "We employ people with disabilities."]),
        "ST_ENTERPRISE": (["Đã được Sở KH&CN cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ.", "Công ty làm chủ hai bằng độc quyền giải pháp hữu ích."],
                          ["Certified science and technology enterprise.", "We hold two utility-solution patents."]),
    }
    for t in s["tags"]:
        if t not in s["pub_tags"] or rng.random() < 0.3:
            middle.append(tag_text[t])
    hidden_needs = [t for t in s["needs"] if t not in s["pub_needs"]]
    if hidden_needs or rng.random() < 0.3:
        told = hidden_needs or s["needs"][:1]
        middle.append(([f"Hiện chúng tôi {join_vi([TOPIC_TEXT[t][4] for t in told])}."], [cap(join_en([TOPIC_TEXT[t][5] for t in told])) + "."]))
    rng.shuffle(middle)
    facts += middle
    if s["seeking"]:
        sv = money_vi(s["seeking"])
        se = money_en(s["seeking"], s["currency"])
        facts.append(([f"Đang gọi vốn {sv} để mở rộng thị trường.", f"Cần {sv} cho vòng tiếp theo."],
                      [f"Raising {se} to expand.", f"Looking for {se} for the next round."]))
    if rng.random() < 0.3:
        facts.append((BOILER_VI, BOILER_EN))
    s["description"] = render(rng, facts, s["lang"], s["style"])
    tl = ([f"{cap(pv)} cho {cv}", f"Giúp {cv} {bv}"], [f"{cap(pe)} for {ce}", f"Helping {ce} {be}"])
    tlang = s["lang"] if s["lang"] != "both" else rng.choice(["vi", "en"])
    s["tagline"] = render(rng, [tl], tlang, s["style"])
    if s["lang"] != "en" and s["style"][0] == "nodiac" and rng.random() < 0.5:
        s["name"] = strip_diacritics(s["name"])


# ----------------------------------------------------------------------------- investors
KIND_STAGES = {"ANGEL": [(0, 2), (1, 2), (1, 1), (2, 2), (0, 1)], "ACCELERATOR": [(0, 1), (0, 2), (1, 2)],
               "PUBLIC_FUND": [(0, 2), (0, 1), (1, 2)], "VC_FUND": [(2, 3), (2, 2), (3, 4), (2, 4), (1, 2)],
               "CORPORATE": [(3, 4), (2, 3), (4, 4)]}
KIND_TICKET = {"ANGEL": ((1e8, 5e8), (5e8, 3e9)), "ACCELERATOR": ((2e8, 8e8), (1e9, 3e9)), "PUBLIC_FUND": ((3e8, 2e9), (2e9, 1e10)),
               "VC_FUND": ((2e9, 2e10), (2e10, 2e11)), "CORPORATE": ((5e9, 3e10), (3e10, 3e11))}


def investor_name(rng, kind, home):
    root, pname = rng.choice(FUND_ROOTS), PROV[home][1]
    if kind == "ANGEL":
        return person_name(rng) if rng.random() < 0.8 else f"Mạng lưới nhà đầu tư thiên thần {pname}"
    if kind == "VC_FUND":
        return rng.choice([f"{root} Ventures", f"{root} Capital", f"{root} Partners", f"Quỹ đầu tư {root}", f"{strip_diacritics(root)} Venture Fund"])
    if kind == "CORPORATE":
        return rng.choice([f"{root} Group Ventures", f"CVC Tập đoàn {root}", f"Quỹ đổi mới {root} Holdings"])
    if kind == "ACCELERATOR":
        return rng.choice([f"{root} Accelerator", f"{root} Launchpad", f"Chương trình tăng tốc {root}"])
    return rng.choice(["Quỹ Đổi mới công nghệ quốc gia", "Quỹ Hỗ trợ phát triển doanh nghiệp nhỏ và vừa",
                       f"Quỹ Phát triển khoa học và công nghệ {pname}", f"Quỹ hỗ trợ phụ nữ khởi nghiệp {pname}",
                       f"Quỹ khởi nghiệp thanh niên {pname}", "Quỹ Phát triển khoa học và công nghệ quốc gia", "Quỹ Quốc gia về việc làm"])


def make_investor(rng, used_keys, used_names):
    kind = wpick(rng, {"ANGEL": 35, "VC_FUND": 30, "CORPORATE": 12, "PUBLIC_FUND": 8, "ACCELERATOR": 15})
    home = weighted_province(rng, boost=1.6)
    for _ in range(30):
        name = investor_name(rng, kind, home)
        if name not in used_names:
            break
    else:
        name = f"{name} {PROV[home][1]}"
    used_names.add(name)
    inv = dict(kind=kind, name=name, key=uniq_key(slug(name), used_keys), home=home, region=PROV[home][2],
               active=rng.random() >= 0.08, lang=wpick(rng, {"vi": 50, "en": 25, "both": 25}), style=pick_style(rng))
    # hidden truth
    n = wpick(rng, {1: 35, 2: 45, 3: 20})
    true = [wpick(rng, SECTOR_POP)]
    while len(true) < n:
        c = rng.choice(RELATED[true[-1]]) if rng.random() < 0.7 else rng.choice(SECTOR_KEYS)
        if c not in true:
            true.append(c)
    inv["sectors"] = true
    lo, hi = rng.choice(KIND_STAGES[kind])
    inv["stages"] = STAGES[lo:hi + 1]
    (a, b), (c, d) = KIND_TICKET[kind]
    inv["tmin"], inv["tmax"] = nice(loguniform(rng, a, b)), nice(loguniform(rng, c, d))
    inv["currency"] = "USD" if kind in ("VC_FUND", "CORPORATE") and rng.random() < 0.25 else "VND"
    public_local = kind == "PUBLIC_FUND" and PROV[home][1] in name
    inv["regional"] = public_local or rng.random() < (0.35 if kind in ("ANGEL", "ACCELERATOR") else 0.2)
    fav = []
    if "phụ nữ" in name: fav = ["WOMEN_LED"]
    elif "thanh niên" in name: fav = ["YOUTH"]
    elif rng.random() < 0.35:
        fav = rng.sample(TAGS, rng.choice([1, 1, 2]))
    inv["fav"] = fav
    excl = []
    if rng.random() < 0.15:
        w = {k: EXCLUDE_WEIGHT.get(k, 0.5) for k in SECTOR_KEYS if k not in true}
        excl = [wpick(rng, w)]
        if rng.random() < 0.3:
            w.pop(excl[0]); excl.append(wpick(rng, w))
    inv["excl"] = excl
    inv["fav_vis"] = ("name" if "phụ nữ" in name or "thanh niên" in name else rng.choice(["prose", "hidden"])) if fav else None
    inv["excl_vis"] = rng.choice(["prose", "hidden"]) if excl else None
    # published sectors
    r = rng.random()
    others = [k for k in SECTOR_KEYS if k not in true and k not in excl]
    if r < 0.15:
        mode, listed = "prose", []
    elif r < 0.275:
        mode = "partial"
        drop = rng.choice(true)
        listed = [x for x in true if x != drop] + rng.sample(others, rng.choice([1, 1, 2]))
    elif r < 0.40:
        mode, listed = "whole", rng.sample(others, rng.choice([1, 2, 2, 3]))
    else:
        mode = "true"
        listed = true if len(true) == 1 or rng.random() < 0.8 else true[:-1]
    inv["mode"], inv["listed"] = mode, listed
    inv["region_vis"] = (rng.choices(["listed", "prose", "hidden"], [55, 25, 20])[0] if inv["regional"]
                         else ("narrow" if rng.random() < 0.1 else "none"))
    write_thesis(rng, inv)
    return inv


def write_thesis(rng, inv):
    kind, singular = inv["kind"], inv["kind"] == "ANGEL" and "Mạng lưới" not in inv["name"]
    # A stale thesis describes the listed sectors; otherwise it describes the true ones.
    about = inv["listed"] if inv["mode"] in ("partial", "whole") and rng.random() < 0.65 else inv["sectors"]
    bgv, bge = SECTOR_BG[about[0]]
    opener = {
        "ANGEL": ([f"Nhà đầu tư thiên thần, {bgv}.", f"Tôi từng khởi nghiệp và bán công ty; {bgv}."] if singular else
                  ["Mạng lưới các nhà đầu tư thiên thần cùng rót vốn cho dự án sớm."],
                  [f"Angel investor; {bge}.", f"Former founder turned angel, {bge}."] if singular else
                  ["A network of angels who co-invest in early teams."]),
        "VC_FUND": (["Quỹ đầu tư mạo hiểm tập trung vào Việt Nam và Đông Nam Á.", f"Quỹ quy mô {rng.randint(2, 15) * 10} triệu USD, rót vốn cho doanh nghiệp công nghệ Việt."],
                    ["A venture fund focused on Vietnam and Southeast Asia.", f"A US${rng.randint(2, 15) * 10}M fund backing Vietnamese founders."]),
        "CORPORATE": ([f"Quỹ đầu tư doanh nghiệp của một tập đoàn, {bgv}.", "Chúng tôi tìm công nghệ bổ trợ cho mảng kinh doanh cốt lõi của tập đoàn."],
                      [f"Corporate venture arm of a group with {bge}.", "We invest in startups that can partner with our core business."]),
        "PUBLIC_FUND": (["Quỹ do Nhà nước thành lập, hỗ trợ khởi nghiệp đổi mới sáng tạo theo Đề án 844.", "Hỗ trợ vốn, cho vay ưu đãi và tài trợ có điều kiện."],
                        ["A state fund supporting innovative startups under Decision 844.", "Grants, soft loans and matching funds."]),
        "ACCELERATOR": (["Chương trình tăng tốc ba tháng, đầu tư cho mọi nhóm trong khoá.", "Mỗi năm hai khoá, có demo day với các quỹ."],
                        ["A three-month accelerator that invests in every cohort.", "Two cohorts a year, ending in a demo day."]),
    }[kind]
    facts = [opener]
    if inv["mode"] == "prose" or rng.random() < 0.8:
        mk = [rng.choice(MARKETS[s]) for s in about]
        if any(" và " in m[0] or " and " in m[1] for m in mk) and len(mk) > 1:
            xv = ", ".join(m[0] for m in mk[:-1]) + " cũng như " + mk[-1][0]
            xe = ", ".join(m[1] for m in mk[:-1]) + " as well as " + mk[-1][1]
        else:
            xv, xe = join_vi([m[0] for m in mk]), join_en([m[1] for m in mk])
        facts.append(([f"Chúng tôi đầu tư vào {xv}.", f"Trọng tâm là {xv}.", f"Luận điểm đầu tư xoay quanh {xv}.",
                       f"Chúng tôi tìm những đội ngũ có thể thay đổi {xv}."],
                      [f"We invest in {xe}.", f"Our thesis centres on {xe}.", f"We look for teams reshaping {xe}.", f"Focus areas: {xe}."]))
    middle = []
    sv, se = join_vi([STAGE_WORDS[s][0] for s in inv["stages"]]), join_en([STAGE_WORDS[s][1] for s in inv["stages"]])
    if rng.random() < 0.6:
        middle.append(([f"Chúng tôi thường tham gia {sv}.", f"Giai đoạn phù hợp: {sv}."], [f"We typically come in at {se}.", f"Stage: {se}."]))
    lo = STAGES.index(inv["stages"][0])
    if lo > 0 and rng.random() < 0.35:
        nv, ne = STAGE_WORDS[STAGES[lo - 1]]
        middle.append(([f"Chúng tôi không đầu tư ở {nv}.", f"Không nhận hồ sơ {nv}."], [f"We don't write cheques at {ne}.", f"Nothing at {ne}, sorry."]))
    if rng.random() < 0.5:
        a, b = money_vi(inv["tmin"]), money_vi(inv["tmax"])
        c, d = money_en(inv["tmin"], inv["currency"]), money_en(inv["tmax"], inv["currency"])
        middle.append(([f"Mỗi khoản đầu tư từ {a} đến {b}.", f"Quy mô giải ngân {a} – {b} mỗi thương vụ."], [f"Cheques from {c} to {d}.", f"Ticket size {c}–{d}."]))
    rv, re_ = REGIONS[inv["region"]]
    if inv["region_vis"] == "prose" or (inv["region_vis"] == "listed" and rng.random() < 0.3):
        middle.append(([f"Chỉ xem xét dự án ở khu vực {rv}.", f"Ưu tiên các startup có trụ sở tại {rv}."],
                       [f"We only look at companies based in {re_}.", f"Our focus is {re_}."]))
    elif not inv["regional"] and rng.random() < 0.4:
        middle.append((["Chúng tôi đầu tư trên toàn quốc.", "Không giới hạn địa bàn."], ["We invest across Vietnam.", "No geographic restriction."]))
    if inv["fav_vis"] == "prose":
        fav_text = {
            "WOMEN_LED": (["Chúng tôi ưu tiên doanh nghiệp do phụ nữ làm chủ.", "Đội ngũ có nhà sáng lập nữ được ưu tiên xem xét."],
                          ["We actively look for female founders.", "Women-led teams get priority in our pipeline."]),
            "SOCIAL_IMPACT": (["Chúng tôi đặc biệt quan tâm các mô hình khởi nghiệp xã hội.", "Ưu tiên dự án mang lại lợi ích cho cộng đồng yếu thế."],
                              ["We favour ventures with a social mission.", "Impact-first businesses are our sweet spot."]),
            "STUDENT": (["Ưu tiên các nhóm khởi nghiệp sinh viên.", "Sẵn sàng đồng hành cùng học sinh, sinh viên có ý tưởng táo bạo."],
                        ["We love backing student founders.", "Student teams are very welcome."]),
            "YOUTH": (["Ưu tiên nhà sáng lập trẻ dưới 30 tuổi.", "Chúng tôi tin vào thế hệ khởi nghiệp trẻ."], ["We back founders under 30.", "Young founders first."]),
            "ST_ENTERPRISE": (["Ưu tiên doanh nghiệp khoa học và công nghệ đã được chứng nhận.", "Chúng tôi thích các nhóm có sáng chế, kết quả nghiên cứu."],
                              ["We prefer certified science-and-technology enterprises.", "Deep-tech teams spun out of research labs are our favourite."]),
        }
        for t in inv["fav"]:
            middle.append(fav_text[t])
    elif not inv["fav"] and rng.random() < 0.05:
        middle.append((["Chúng tôi không đặt tiêu chí riêng về giới tính hay độ tuổi của nhà sáng lập."], ["We have no quotas on founder gender or age."]))
    if inv["excl_vis"] == "prose":
        xv = join_vi([EXCLUDE_WORDS[s][0] for s in inv["excl"]])
        xe = join_en([EXCLUDE_WORDS[s][1] for s in inv["excl"]])
        if rng.random() < 0.25:
            xv, xe = xv + " hay cờ bạc", xe + " or gambling"
        middle.append(([f"Chúng tôi không đầu tư vào {xv}.", f"Không xem xét các dự án {xv}.", f"Lưu ý: chúng tôi không rót vốn cho {xv}.",
             f"{cap(xv)} nằm ngoài phạm vi đầu tư của chúng tôi."],
            [f"We do not invest in {xe}.", f"We don't back {xe}.", f"{cap(xe)} is outside our mandate.", f"No {xe}, please."]))
    if rng.random() < 0.5:
        middle.append((
            ["Ngoài vốn, chúng tôi hỗ trợ tuyển dụng, pháp lý và kết nối khách hàng.", "Chúng tôi đồng hành lâu dài cùng nhà sáng lập."],
            ["Beyond capital we help with hiring, legal and customer introductions.", "We stay with founders for the long haul."]))
    rng.shuffle(middle)
    facts += middle
    if rng.random() < 0.35:
        facts.append((BOILER_VI, BOILER_EN))
    facts = [(first_person(v, singular), first_person(e, singular)) for v, e in facts]
    inv["thesis"] = render(rng, facts, inv["lang"], inv["style"])
    if inv["lang"] != "en" and inv["style"][0] == "nodiac" and kind == "ANGEL":
        inv["name"] = strip_diacritics(inv["name"])


def published_provinces(rng, inv):
    if inv["region_vis"] == "listed":
        provs = [p[0] for p in PROVINCES if p[2] == inv["region"]]
        return provs if rng.random() < 0.7 else [inv["home"]]
    return [inv["home"]] if inv["region_vis"] == "narrow" else []


# ----------------------------------------------------------------------------- mentors
def make_mentor(rng, used_keys):
    langs = wpick(rng, {("vi",): 45, ("vi", "en"): 40, ("en",): 8, ("vi", "en", "ja"): 3, ("vi", "en", "ko"): 2,
                        ("vi", "en", "fr"): 1.5, ("en", "ja"): 0.5})
    langs = list(langs)
    extra = [l for l in langs if l not in ("vi", "en")]
    name = rng.choice(FOREIGN[extra[0] if extra else "en"]) if "vi" not in langs else person_name(rng)
    m = dict(name=name, key=uniq_key(slug(name), used_keys), langs=langs, province=weighted_province(rng, boost=1.3),
             capacity=rng.choices([1, 2, 3, 4, 5], [25, 30, 25, 12, 8])[0], style=pick_style(rng))
    m["region"] = PROV[m["province"]][2]
    tw = {t: 1.0 for t in TOPICS}
    tw.update(FUNDRAISING=2.5, MARKETING=2.2, BUSINESS_MODEL=2, PRODUCT_DEVELOPMENT=1.8, BUSINESS_MANAGEMENT=1.6, TAX=0.6, QUALITY_STANDARDS=0.7)
    m["topics"] = wsample(rng, list(tw), list(tw.values()), rng.choice([2, 2, 3, 3, 4, 5]))
    m["sectors"] = [] if rng.random() < 0.3 else [wpick(rng, SECTOR_POP)]
    if m["sectors"] and rng.random() < 0.4:
        c = rng.choice(RELATED[m["sectors"][0]])
        m["sectors"].append(c)
    r = rng.random()
    if r < 0.15:
        pub = list(m["topics"])
    elif r < 0.35:
        pub = []
    else:
        k = rng.randint(1, max(1, len(m["topics"]) - 1))
        pub = m["topics"][:k]
    m["decoy"] = rng.choice([t for t in TOPICS if t not in m["topics"]]) if rng.random() < 0.1 else None
    m["pub_topics"] = pub + ([m["decoy"]] if m["decoy"] else [])
    m["pub_sectors"] = m["sectors"] if rng.random() < 0.6 else []
    m["pub_langs"] = langs if rng.random() < 0.9 else []
    if "vi" not in langs:
        m["lang"] = "en"
    elif "en" not in langs:
        m["lang"] = "vi"
    else:
        m["lang"] = wpick(rng, {"vi": 40, "en": 25, "both": 35})
    write_bio(rng, m)
    return m


def write_bio(rng, m):
    years = rng.randint(6, 28)
    t0 = m["topics"][0]
    tv, te = TOPIC_TEXT[t0][2], TOPIC_TEXT[t0][3]
    if m["sectors"]:
        bgv, bge = SECTOR_BG[m["sectors"][0]]
        facts = [([f"{years} năm kinh nghiệm, {bgv}.", f"Tôi có {years} năm đi làm, {bgv}."], [f"{years} years of experience; {bge}.", f"{cap(bge)}, {years} years in total."])]
    else:
        facts = [([f"Hơn {years} năm làm việc ở nhiều ngành khác nhau.", f"{years} năm tư vấn cho doanh nghiệp vừa và nhỏ."],
                  [f"{years} years across several industries.", f"I have advised small businesses for {years} years."])]
    unpublished = m["sectors"] != m["pub_sectors"]
    for s in m["sectors"][1:] if unpublished else []:   # the first sector is already in the opening line
        bgv, bge = SECTOR_BG[s]
        facts.append(([f"Ngoài ra tôi còn {bgv}."], [f"I also have {bge}."]))
    for t in m["topics"]:
        _, _, _, _, _, _, pv, pe = TOPIC_TEXT[t]
        if t not in m["pub_topics"] or rng.random() < 0.5:
            facts.append(([cap(x) + "." for x in pv], [cap(x) + "." for x in pe]))
    extra = [l for l in m["langs"] if l not in ("vi",)]
    if extra and (not m["pub_langs"] or len(extra) > 1 or rng.random() < 0.3):
        lv, le = join_vi([LANG_NAMES[l][0] for l in m["langs"]]), join_en([LANG_NAMES[l][1] for l in m["langs"]])
        facts.append(([f"Có thể làm việc bằng {lv}."], [f"Happy to mentor in {le}."]))
    if rng.random() < 0.15:
        nv, ne = TOPIC_TEXT[rng.choice([t for t in TOPICS if t not in m["pub_topics"] + m["topics"]])][:2]
        facts.append(([f"Lưu ý: tôi không tư vấn về {nv}.", f"Tôi không nhận các câu hỏi về {nv}."],
                      [f"I don't do {ne}; please look elsewhere for that.", f"Not the right person for {ne}."]))
    facts.append(([f"Mỗi đợt tôi nhận kèm tối đa {m['capacity']} nhóm.", f"Có thể kèm cùng lúc {m['capacity']} dự án."],
                  [f"I take on up to {m['capacity']} team{'s' if m['capacity'] > 1 else ''} at a time.", "I keep my mentee list short." if m['capacity'] < 3 else f"I can take {m['capacity']} teams at once."]))
    if rng.random() < 0.3:
        facts.append((BOILER_VI, BOILER_EN))
    m["bio"] = render(rng, facts, m["lang"], m["style"])
    hl = ([f"{tv} · {years} năm kinh nghiệm", f"{tv}"], [f"{te} · {years} years", te])
    m["headline"] = render(rng, [hl], m["lang"] if m["lang"] != "both" else rng.choice(["vi", "en"]), m["style"])


# ----------------------------------------------------------------------------- grades (from hidden truth only)
def ticket_fit(inv, seeking_vnd):
    if not seeking_vnd:
        return 0.5
    if inv["tmin"] <= seeking_vnd <= inv["tmax"] * 4:
        return 1.0
    if inv["tmin"] / 4 <= seeking_vnd <= inv["tmax"] * 10:
        return 0.5
    return 0.0


def investor_grade(inv, s):
    if not inv["active"] or any(x in inv["excl"] for x in s["sectors"]):
        return 0
    sec = 2 if s["sectors"][0] in inv["sectors"] else 1 if any(x in inv["sectors"] for x in s["sectors"][1:]) else 0
    si = STAGES.index(s["stage"])
    stage = 1.0 if s["stage"] in inv["stages"] else 0.5 if any(abs(STAGES.index(x) - si) == 1 for x in inv["stages"]) else 0.0
    region = 0 if inv["regional"] and s["region"] != inv["region"] else 1
    ticket = ticket_fit(inv, s["seeking"])
    fav = 1 if any(t in inv["fav"] for t in s["tags"]) else 0
    if sec == 0:  # off-thesis: only a weak fit, and only when a favoured group tips it
        return 1 if stage == 1 and region and ticket == 1 and fav else 0
    if not region or stage == 0:
        return 1
    if stage == 1 and ticket >= 0.5 and (sec == 2 or fav):
        return 3
    return 2 if sec + stage + ticket + fav >= 3 else 1


def profile_langs(s):
    return {"vi", "en"} if s["lang"] == "both" else {s["lang"]}


def mentor_grade(m, s):
    if not profile_langs(s) & set(m["langs"]):
        return 0
    cov = sum(1 for t in s["needs"] if t in m["topics"]) / len(s["needs"])
    sector = 1.0 if any(x in m["sectors"] for x in s["sectors"]) else 0.5 if not m["sectors"] else 0.0
    prox = 0.5 if m["province"] == s["province"] else 0.25 if m["region"] == s["region"] else 0.0
    pts = 2 * cov + sector + prox
    if cov == 0 or pts < 1.0:
        return 0
    return 3 if pts >= 2.75 else 2 if pts >= 1.75 else 1


# ----------------------------------------------------------------------------- investments
def round_windows(s):
    """Per round index r <= current stage: the dates the startup could have raised it."""
    c, f = STAGES.index(s["stage"]), s["founded"]
    span = (LAST_DAY - f).days
    out = {}
    for r in range(c + 1):
        lo = max(FIRST_DAY, f + timedelta(days=span * r // (c + 1)))
        hi = min(LAST_DAY, f + timedelta(days=span * (r + 1) // (c + 1)))
        if lo <= hi:
            out[r] = (lo, hi)
    return out


def make_investments(rng, investors, startups, target):
    raw = [math.exp(rng.gauss(0, 1.35)) * (0.5 if not i["active"] else 1.0) for i in investors]
    scale = target / sum(raw)
    windows = [round_windows(s) for s in startups]
    rounds_seen, deals = {}, []
    for inv, a in zip(investors, raw):
        x = a * scale
        n = min(60, int(x) + (1 if rng.random() < x - int(x) else 0))
        inv["n_deals"] = 0
        if n == 0:
            continue
        stage_idx = {STAGES.index(x) for x in inv["stages"]}
        weights, options = [], []
        for s, win in zip(startups, windows):
            if not inv["active"]:
                win = {r: (lo, min(hi, INACTIVE_CUTOFF)) for r, (lo, hi) in win.items() if lo <= INACTIVE_CUTOFF}
            c = STAGES.index(s["stage"])
            if any(x in inv["excl"] for x in s["sectors"]) or not win:
                weights.append(0); options.append(None); continue
            sec = 1.0 if s["sectors"][0] in inv["sectors"] else 0.35 if any(x in inv["sectors"] for x in s["sectors"]) else 0.03
            reg = 0.04 if inv["regional"] and s["region"] != inv["region"] else 1.0
            opts = [r for r in win if r in stage_idx]
            if opts:
                stg = 1.0 if c in opts else 0.5
            elif max(win) == c and any(abs(c - r) == 1 for r in stage_idx):
                stg, opts = 0.08, [c]
            else:
                weights.append(0); options.append(None); continue
            tick = {1.0: 1.0, 0.5: 0.4, 0.0: 0.08}[ticket_fit(inv, s["seeking"])] if c in opts else 0.7
            fav = 2.0 if any(t in inv["fav"] for t in s["tags"]) else 1.0
            weights.append(s["hot"] * sec * reg * stg * tick * fav)
            options.append((opts, win))
        chosen = wsample(rng, list(range(len(startups))), weights, n)
        for idx in chosen:
            s, (opts, win) = startups[idx], options[idx]
            c = STAGES.index(s["stage"])
            r = c if c in opts and rng.random() < 0.8 else rng.choice(opts)
            lo, hi = win[r]
            prev = rounds_seen.get((idx, r))
            if prev and lo <= prev <= hi and rng.random() < 0.6:
                when = prev
            else:
                when = rand_date(rng, lo, hi, 0.8)
                rounds_seen.setdefault((idx, r), when)
            seek = s["seeking"] if (r == c and s["seeking"]) else loguniform(rng, *SEEK[STAGES[r]])
            amount = min(max(seek * rng.uniform(0.15, 0.7), inv["tmin"]), inv["tmax"]) * rng.uniform(0.9, 1.1)
            d = {"type": "investment", "investor": inv["key"], "startup": s["key"],
                 "amount": money(amount, inv["currency"]), "round": STAGES[r], "date": when.isoformat()}
            if rng.random() < 0.05:
                d["confidential"] = True
            deals.append(d)
            inv["n_deals"] += 1
    deals.sort(key=lambda d: (d["date"], d["investor"], d["startup"]))
    return deals


# ----------------------------------------------------------------------------- output
def startup_record(s):
    d = {"type": "startup", "key": s["key"], "name": s["name"], "tagline": s["tagline"], "description": s["description"],
         "sectors": s["sectors"], "stage": s["stage"], "province": s["province"], "founded_on": s["founded"].isoformat(),
         "team_size": s["team"], "tags": s["pub_tags"], "needs": s["pub_needs"]}
    if s["seeking"]:
        d["seeking"] = money(s["seeking"], s["currency"])
    if s["org"]:
        d["organization"] = s["org"]
    domain = s["key"] + (".vn" if s["lang"] != "en" else ".com")
    if s["web"]:
        d["website"] = f"https://{domain}"
        d["email"] = f"{'lienhe' if s['lang'] == 'vi' else 'hello'}@{domain}"
    if s.get("phone"):
        d["phone"] = s["phone"]
    return d


def investor_record(rng, inv):
    d = {"type": "investor", "key": inv["key"], "name": inv["name"], "kind": inv["kind"], "thesis": inv["thesis"],
         "sectors": inv["listed"]}
    r = rng.random()
    d["stages"] = inv["stages"] if r < 0.85 else [] if r < 0.95 else STAGES[max(0, STAGES.index(inv["stages"][0]) - 1):STAGES.index(inv["stages"][-1]) + 1]
    if rng.random() < 0.75:
        d["ticket_min"] = money(inv["tmin"], inv["currency"])
        d["ticket_max"] = money(inv["tmax"], inv["currency"])
    d["provinces"] = published_provinces(rng, inv)
    d["active"] = inv["active"]
    return d


def mentor_record(m):
    return {"type": "mentor", "key": m["key"], "name": m["name"], "headline": m["headline"], "bio": m["bio"],
            "expertise": m["pub_topics"], "sectors": m["pub_sectors"], "languages": m["pub_langs"],
            "province": m["province"], "capacity": m["capacity"]}


def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--startups", type=int, default=1500)
    ap.add_argument("--investors", type=int, default=400)
    ap.add_argument("--mentors", type=int, default=600)
    ap.add_argument("--truth-sample", type=int, default=300)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)

    orgs_by_region = {}
    for key, _, _, prov, _ in ORGANIZATIONS:
        orgs_by_region.setdefault(PROV[prov][2], []).append(key)
    used_keys, used_names = set(), set()
    startups = [make_startup(rng, used_keys, used_names, orgs_by_region) for _ in range(args.startups)]
    for s in startups:
        if rng.random() < 0.4:
            s["phone"] = f"0{rng.choice([9, 8, 3, 7])}{rng.randint(0, 9)}{rng.randint(1000000, 9999999)}"
    inv_keys, inv_names = set(used_keys), set()
    investors = [make_investor(rng, inv_keys, inv_names) for _ in range(args.investors)]
    mentor_keys = set(inv_keys)
    mentors = [make_mentor(rng, mentor_keys) for _ in range(args.mentors)]
    deals = make_investments(rng, investors, startups, round(1.4 * args.startups))

    lines = [{"type": "sector", "key": k, "name": vi, "name_en": en} for k, vi, en, _ in SECTORS]
    lines += [{"type": "province", "key": k, "name": n, "region": r} for k, n, r, _ in PROVINCES]
    for key, name, kind, prov, desc in ORGANIZATIONS:
        d = {"type": "organization", "key": key, "name": name, "kind": kind, "province": prov, "description": desc}
        if kind in ("COWORKING", "ACCELERATOR", "STARTUP_CLUB"):
            d["email"] = f"hello@{key}.vn"
        lines.append(d)
    lines += [startup_record(s) for s in startups]
    lines += [investor_record(rng, i) for i in investors]
    lines += [mentor_record(m) for m in mentors]
    lines += deals
    with open(os.path.join(args.out, "data.jsonl"), "w", encoding="utf-8") as f:
        for d in lines:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")

    # Ground truth: zero grades are omitted (a missing investor/mentor means grade 0).
    sample = sorted(rng.sample(startups, min(args.truth_sample, len(startups))), key=lambda s: s["key"])
    truth = {"investors": {}, "mentors": {}}
    gi, gm = [0] * 4, [0] * 4

    def graded(people, grade, counts, s):
        row = {}
        for p in people:
            g = grade(p, s)
            counts[g] += 1
            if g:
                row[p["key"]] = g
        return row

    for s in sample:
        truth["investors"][s["key"]] = graded(investors, investor_grade, gi, s)
        truth["mentors"][s["key"]] = graded(mentors, mentor_grade, gm, s)
    with open(os.path.join(args.out, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)

    # Summary
    N = len(investors)
    share = lambda n: f"{n} ({100 * n / max(1, N):.0f}%)"
    nd = [i["n_deals"] for i in investors]
    langs = {l: sum(1 for s in startups if s["lang"] == l) for l in ("vi", "en", "both")}
    styles = {k: sum(1 for s in startups if s["lang"] != "en" and s["style"][0] == k) for k in ("nfc", "nodiac", "nfd")}
    true_topics = sum(len(m["topics"]) for m in mentors)
    prose_topics = sum(1 for m in mentors for t in m["topics"] if t not in m["pub_topics"])
    print(f"wrote {args.out}/data.jsonl: {len(SECTORS)} sectors, {len(PROVINCES)} provinces, {len(ORGANIZATIONS)} organizations, "
          f"{len(startups)} startups, {N} investors, {len(mentors)} mentors, {len(deals)} investments "
          f"({sum(1 for d in deals if d.get('confidential'))} confidential)")
    print(f"startup text: vi {langs['vi']}, en {langs['en']}, both {langs['both']}; Vietnamese text styles {styles}")
    print(f"investors: inactive {share(sum(not i['active'] for i in investors))}; listed sectors contradicted by truth "
          f"{share(sum(i['mode'] in ('partial', 'whole') for i in investors))} (partly {sum(i['mode'] == 'partial' for i in investors)}, "
          f"wholly {sum(i['mode'] == 'whole' for i in investors)}); sectors only in prose {share(sum(i['mode'] == 'prose' for i in investors))}")
    fv = [i["fav_vis"] for i in investors if i["fav"]]
    ev = [i["excl_vis"] for i in investors if i["excl"]]
    rv = [i["region_vis"] for i in investors if i["regional"]]
    print(f"  favoured groups {share(len(fv))}: prose-only {fv.count('prose')}, hidden {fv.count('hidden')}, in fund name {fv.count('name')}; "
          f"exclusions {share(len(ev))}: prose-only {ev.count('prose')}, hidden {ev.count('hidden')}")
    print(f"  regional {share(len(rv))}: listed {rv.count('listed')}, prose-only {rv.count('prose')}, hidden {rv.count('hidden')}")
    print(f"  investments per investor: p25 {pct(nd, 25)}, p50 {pct(nd, 50)}, p75 {pct(nd, 75)}, p90 {pct(nd, 90)}, p99 {pct(nd, 99)}, "
          f"max {max(nd)}; 0-3 deals: {share(sum(n <= 3 for n in nd))}; startups with >=1 investor: "
          f"{len({d['startup'] for d in deals})}")
    print(f"mentors: expertise topics only in bio {prose_topics}/{true_topics} ({100 * prose_topics / true_topics:.0f}%), "
          f"decoy listed topics {sum(1 for m in mentors if m['decoy'])}, sectors only in bio "
          f"{sum(1 for m in mentors if m['sectors'] and not m['pub_sectors'])}, languages unpublished {sum(1 for m in mentors if not m['pub_langs'])}")
    print(f"truth.json: {len(sample)} startups; investor grades 0/1/2/3 = {gi}; mentor grades 0/1/2/3 = {gm} (zeros omitted in file)")


if __name__ == "__main__":
    main()
