//! Text: sentences composed from templates, money and numbers as people
//! write them, in Vietnamese and English.

use super::*;

// ---------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------

/// A phrase in Vietnamese and in English.
pub(super) type Pair = (&'static str, &'static str);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lang {
    Vi,
    En,
}

impl Lang {
    pub(super) fn of(self, pair: Pair) -> &'static str {
        match self {
            Lang::Vi => pair.0,
            Lang::En => pair.1,
        }
    }
}

/// The language(s) a text is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    Vi,
    En,
    /// Vietnamese, then the same in English.
    Both,
    /// Vietnamese typed without diacritics.
    ViPlain,
}

impl Style {
    /// The mix of profile texts: 45% Vietnamese, 30% English, 15% both,
    /// 10% Vietnamese without diacritics.
    pub(super) fn draw(rng: &mut Prng) -> Style {
        weighted(
            rng,
            &[
                (Style::Vi, 45),
                (Style::En, 30),
                (Style::Both, 15),
                (Style::ViPlain, 10),
            ],
        )
    }

    /// The style of a one-line text (tagline, headline): no repetition.
    pub(super) fn single(self) -> Style {
        match self {
            Style::Both => Style::Vi,
            other => other,
        }
    }
}

/// Replaces each `{slot}` of `template` with what `slot` writes.
pub(super) fn fill(template: &str, out: &mut String, slot: &mut dyn FnMut(&str, &mut String)) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .expect("BUG: a template has an unclosed placeholder");
        slot(&after[..close], out);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
}

/// Upper-cases the character starting at byte `at`.
pub(super) fn capitalize_at(text: &mut String, at: usize) {
    if let Some(c) = text[at..].chars().next()
        && c.is_lowercase()
    {
        let upper: String = c.to_uppercase().collect();
        text.replace_range(at..at + c.len_utf8(), &upper);
    }
}

pub(super) fn capitalized(text: &str) -> String {
    let mut text = text.to_string();
    capitalize_at(&mut text, 0);
    text
}

/// Writes `items` as a list: "a, b và c" / "a, b and c".
pub(super) fn join_into<'i>(
    out: &mut String,
    items: impl ExactSizeIterator<Item = &'i str>,
    lang: Lang,
) {
    let len = items.len();
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == len {
                lang.of((" và ", " and "))
            } else {
                ", "
            });
        }
        out.push_str(item);
    }
}

/// `n` with thousands separators: "12.500" in Vietnamese, "12,500" in English.
pub(super) fn grouped(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let separator = match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// `amount / unit` with at most one decimal: "2,5" / "2.5".
pub(super) fn scaled(amount: i64, unit: i64, lang: Lang) -> String {
    let tenths = amount.unsigned_abs() * 10 / unit.unsigned_abs();
    let (whole, tenth) = (tenths / 10, tenths % 10);
    if tenth == 0 {
        grouped(whole, lang)
    } else {
        let point = lang.of((",", "."));
        format!("{}{point}{tenth}", grouped(whole, lang))
    }
}

/// Money as people write it: "2,5 tỷ đồng", "VND 2.5 billion", "USD 200,000".
pub(super) fn money_text(money: Money, lang: Lang) -> String {
    const BILLION: i64 = 1_000_000_000;
    const MILLION: i64 = 1_000_000;
    let amount = money.amount;
    match (money.currency, lang) {
        (Currency::Vnd, Lang::Vi) if amount >= BILLION => {
            format!("{} tỷ đồng", scaled(amount, BILLION, lang))
        }
        (Currency::Vnd, Lang::Vi) if amount >= MILLION => {
            format!("{} triệu đồng", scaled(amount, MILLION, lang))
        }
        (Currency::Vnd, Lang::Vi) => format!("{} đồng", grouped(amount.unsigned_abs(), lang)),
        (Currency::Vnd, Lang::En) if amount >= BILLION => {
            format!("VND {} billion", scaled(amount, BILLION, lang))
        }
        (Currency::Vnd, Lang::En) if amount >= MILLION => {
            format!("VND {} million", scaled(amount, MILLION, lang))
        }
        (Currency::Vnd, Lang::En) => format!("VND {}", grouped(amount.unsigned_abs(), lang)),
        (Currency::Usd, Lang::Vi) => format!("{} USD", grouped(amount.unsigned_abs(), lang)),
        (Currency::Usd, Lang::En) => format!("USD {}", grouped(amount.unsigned_abs(), lang)),
    }
}

/// Numbers a text may quote.
#[derive(Debug, Clone, Copy)]
pub(super) struct Numbers {
    /// A count of users or customers, scaled by stage.
    pub(super) n: u64,
    /// A percentage.
    pub(super) p: u64,
    /// A small count (sites, provinces, partners).
    pub(super) k: u64,
    /// Monthly revenue in millions of VND.
    pub(super) m: u64,
    /// Yearly revenue in billions of VND.
    pub(super) b: u64,
    /// Years of experience.
    pub(super) years: u64,
}

impl Numbers {
    pub(super) fn draw(rng: &mut Prng, stage: Stage) -> Numbers {
        let (low, high) = [
            (15, 80),
            (20, 500),
            (100, 5_000),
            (1_000, 50_000),
            (10_000, 500_000),
        ][stage_index(stage)];
        Numbers {
            n: round2(rng.random_range(low..=high)) as u64,
            p: rng.random_range(2..=12) * 5,
            k: rng.random_range(2..=12),
            m: rng.random_range(5..=90) * 10,
            b: rng.random_range(10..=300),
            years: rng.random_range(5..=25),
        }
    }
}

/// The choices behind one text, independent of its language: rendering the
/// same `Text` in Vietnamese and English gives translations of each other.
pub(super) struct Text<'a> {
    pub(super) name: &'a str,
    /// Sectors, the first one primary.
    pub(super) sectors: &'a [usize],
    pub(super) stage: Stage,
    pub(super) province: Option<usize>,
    pub(super) provinces: &'a [usize],
    pub(super) stages: &'a [Stage],
    pub(super) topics: &'a [Topic],
    pub(super) seeking: Option<Money>,
    pub(super) ticket: Option<(Money, Money)>,
    pub(super) team: i32,
    pub(super) female: bool,
    /// Another named party (an organiser).
    pub(super) party: &'a str,
    /// A kind-specific phrase (services, support offered, audience).
    pub(super) support: Pair,
    /// Another kind-specific phrase (what kind of thing, an event judged).
    pub(super) extra: Pair,
    pub(super) product: Pair,
    pub(super) product2: Pair,
    pub(super) problem: Pair,
    pub(super) customer: Pair,
    pub(super) customer2: Pair,
    pub(super) benefit: Pair,
    /// A benefit of `product2` (same sector).
    pub(super) benefit2: Pair,
    pub(super) numbers: Numbers,
}

impl<'a> Text<'a> {
    /// Draws the vocabulary of a text about `name` in `sectors` (not empty).
    pub(super) fn new(rng: &mut Prng, name: &'a str, sectors: &'a [usize], stage: Stage) -> Self {
        let primary = &SECTORS[sectors[0]];
        let other_index = *pick(rng, sectors);
        let other = &SECTORS[other_index];
        let products = distinct(rng, primary.products.len(), 2);
        let customers = distinct(rng, primary.customers.len(), 2);
        let benefits = distinct(rng, primary.benefits.len(), 2);
        let (product2, customer2, benefit2) = if other_index == sectors[0] {
            (
                primary.products[products[1]],
                primary.customers[customers[1]],
                primary.benefits[benefits[1]],
            )
        } else {
            (
                *pick(rng, other.products),
                *pick(rng, other.customers),
                *pick(rng, other.benefits),
            )
        };
        Text {
            name,
            sectors,
            stage,
            province: None,
            provinces: &[],
            stages: &[],
            topics: &[],
            seeking: None,
            ticket: None,
            team: 1,
            female: false,
            party: "",
            support: ("", ""),
            extra: ("", ""),
            product: primary.products[products[0]],
            product2,
            problem: *pick(rng, primary.problems),
            customer: primary.customers[customers[0]],
            customer2,
            benefit: primary.benefits[benefits[0]],
            benefit2,
            numbers: Numbers::draw(rng, stage),
        }
    }

    /// The sentences rendered in `style`; sentences start with a capital.
    pub(super) fn compose(&self, sentences: &[Pair], style: Style) -> String {
        match style {
            Style::Vi => self.paragraph(sentences, Lang::Vi),
            Style::En => self.paragraph(sentences, Lang::En),
            Style::Both => format!(
                "{}\n\n{}",
                self.paragraph(sentences, Lang::Vi),
                self.paragraph(sentences, Lang::En)
            ),
            Style::ViPlain => deunicode::deunicode(&self.paragraph(sentences, Lang::Vi)),
        }
    }

    pub(super) fn paragraph(&self, sentences: &[Pair], lang: Lang) -> String {
        let mut out = String::with_capacity(128 * sentences.len());
        for (i, sentence) in sentences.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            let start = out.len();
            self.render(lang.of(*sentence), lang, &mut out);
            capitalize_at(&mut out, start);
        }
        out
    }

    pub(super) fn render(&self, template: &str, lang: Lang, out: &mut String) {
        fill(template, out, &mut |slot, out| self.slot(slot, lang, out));
    }

    pub(super) fn slot(&self, slot: &str, lang: Lang, out: &mut String) {
        let numbers = &self.numbers;
        match slot {
            "name" => out.push_str(self.name),
            "party" => out.push_str(self.party),
            "product" => self.render(lang.of(self.product), lang, out),
            "product2" => self.render(lang.of(self.product2), lang, out),
            "problem" => self.render(lang.of(self.problem), lang, out),
            "customer" => self.render(lang.of(self.customer), lang, out),
            "customer2" => self.render(lang.of(self.customer2), lang, out),
            "benefit" => self.render(lang.of(self.benefit), lang, out),
            "benefit2" => self.render(lang.of(self.benefit2), lang, out),
            "support" => self.render(lang.of(self.support), lang, out),
            "extra" => self.render(lang.of(self.extra), lang, out),
            "province" => out.push_str(province_text(self.province, lang)),
            "provinces" => join_into(
                out,
                self.provinces.iter().map(|&p| province_text(Some(p), lang)),
                lang,
            ),
            "sector" => out.push_str(lang.of(SECTORS[self.sectors[0]].label)),
            "sectors" => join_into(
                out,
                self.sectors.iter().map(|&s| lang.of(SECTORS[s].label)),
                lang,
            ),
            "stage" => out.push_str(lang.of(stage_label(self.stage))),
            "stages" => {
                join_into(
                    out,
                    self.stages.iter().map(|&s| lang.of(stage_label(s))),
                    lang,
                );
                if lang == Lang::En {
                    out.push_str(if self.stages.len() > 1 {
                        " stages"
                    } else {
                        " stage"
                    });
                }
            }
            "goal" => out.push_str(lang.of(GOALS[stage_index(self.stage)])),
            "topic1" => {
                if let Some(&topic) = self.topics.first() {
                    out.push_str(lang.of(topic_info(topic).label));
                }
            }
            "topics" => join_into(
                out,
                self.topics.iter().map(|&t| lang.of(topic_info(t).label)),
                lang,
            ),
            // The amount sought is private to the startup's side and the
            // operator: public text says that it raises, never how much.
            "seeking" => out.push_str(lang.of(match self.seeking {
                Some(_) => ("vốn đầu tư", "investment"),
                None => ("đối tác chiến lược", "strategic partners"),
            })),
            "ticket_min" | "ticket_max" => {
                if let Some((min, max)) = self.ticket {
                    let money = if slot == "ticket_min" { min } else { max };
                    out.push_str(&money_text(money, lang));
                }
            }
            "pronoun" => out.push_str(lang.of(if self.female {
                ("chị", "she")
            } else {
                ("anh", "he")
            })),
            "team" => out.push_str(&self.team.to_string()),
            "n" => out.push_str(&grouped(numbers.n, lang)),
            "p" => out.push_str(&numbers.p.to_string()),
            "k" => out.push_str(&numbers.k.to_string()),
            "m" => out.push_str(&grouped(numbers.m, lang)),
            "b" => out.push_str(&grouped(numbers.b, lang)),
            "years" => out.push_str(&numbers.years.to_string()),
            other => panic!("BUG: unknown placeholder {{{other}}} in a template"),
        }
    }
}

pub(super) fn province_text(province: Option<usize>, lang: Lang) -> &'static str {
    match province {
        Some(p) => lang.of((PROVINCES[p].name, PROVINCES[p].name_en)),
        None => lang.of(("Việt Nam", "Vietnam")),
    }
}

pub(super) fn stage_index(stage: Stage) -> usize {
    stage.index() as usize
}

pub(super) fn stage_label(stage: Stage) -> Pair {
    match stage {
        Stage::Idea => ("ý tưởng", "idea"),
        Stage::Mvp => ("sản phẩm mẫu (MVP)", "MVP"),
        Stage::Seed => ("hạt giống (seed)", "seed"),
        Stage::SeriesA => ("Series A", "Series A"),
        Stage::Growth => ("tăng trưởng", "growth"),
    }
}

pub(super) fn topic_info(topic: Topic) -> &'static TopicInfo {
    &TOPICS[topic.index() as usize]
}

/// A name reduced to a domain label: "Lúa Sense" → "luasense".
pub(super) fn domain_label(name: &str, max: usize) -> String {
    let mut label: String = slugify(name).chars().filter(|&c| c != '-').collect();
    label.truncate(max);
    if label.is_empty() {
        label.push_str("ketnoi");
    }
    label
}

/// A key from a name and a position: `slug-000123`. The six-digit (or
/// longer) last segment makes generated keys unique, and distinct from the
/// hand-written keys of real entities, which never end in one.
pub(super) fn numbered_key(name: &str, index: usize) -> String {
    let suffix = format!("{index:06}");
    let room = MAX_SLUG_LEN - suffix.len() - 1;
    let mut base = slugify(name);
    if base.len() > room {
        base.truncate(room);
        while base.ends_with('-') {
            base.pop();
        }
    }
    if base.is_empty() {
        base.push('x');
    }
    format!("{base}-{suffix}")
}

/// Replaces `{token}`s by simple values (names, years).
pub(super) fn replace_tokens(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    fill(template, &mut out, &mut |slot, out| {
        let value = values
            .iter()
            .find(|(name, _)| *name == slot)
            .map(|(_, value)| *value)
            .unwrap_or_else(|| panic!("BUG: unknown placeholder {{{slot}}} in a name template"));
        out.push_str(value);
    });
    out
}

/// A Vietnamese landline number in `province`: "+84 292 3820 145", "028 3822 1234".
pub(super) fn landline(rng: &mut Prng, province: usize) -> String {
    let code = PROVINCES[province].area_code;
    let local = if code.len() == 2 {
        format!(
            "{} {:04}",
            rng.random_range(3800..=3999),
            rng.random_range(0..10_000)
        )
    } else {
        format!(
            "{} {:03}",
            rng.random_range(3700..=3899),
            rng.random_range(0..1_000)
        )
    };
    if rng.random_bool(0.5) {
        format!("+84 {code} {local}")
    } else {
        format!("0{code} {local}")
    }
}

/// A Vietnamese mobile number: "0912 345 678", "+84 903 123 456".
pub(super) fn mobile(rng: &mut Prng) -> String {
    const PREFIXES: &[&str] = &[
        "90", "91", "93", "94", "96", "97", "98", "86", "88", "89", "70", "77", "79", "81", "83",
        "84", "85", "32", "33", "35", "37", "39",
    ];
    let first = format!("{}{}", pick(rng, PREFIXES), rng.random_range(0..10));
    let (a, b) = (rng.random_range(0..1_000), rng.random_range(0..1_000));
    if rng.random_bool(0.6) {
        format!("0{first} {a:03} {b:03}")
    } else {
        format!("+84 {first} {a:03} {b:03}")
    }
}
