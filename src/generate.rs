//! Synthetic and demo datasets in the data-file format of [`crate::datafile`].
//!
//! [`generate`] writes a dataset of any size, for load tests and local
//! development: the reference data (the priority sectors of the plans and
//! real provinces), the support organisations and events the plans name, a
//! few more generated organisations and events, then as many startup,
//! investor and mentor profiles as asked for, with investments between them.
//! [`demo_records`] is the smaller real-world set a demo portal starts from.
//!
//! Profiles read like real ones: brand names mix Vietnamese and English
//! syllables, and taglines, descriptions, theses and bios are put together
//! from sentence templates and per-sector vocabularies (the sector's real
//! terms, its problems, customers and benefits). Every phrase exists in
//! Vietnamese and English, so a text can be written in Vietnamese, English,
//! both, or Vietnamese typed without diacritics, as users really write.
//!
//! Records come in dependency order (sectors, provinces, organizations,
//! startups, investors, mentors, events, investments), so every reference
//! points to a record written earlier; keys are unique within their type.
//!
//! The output is a pure function of [`GenerateOptions`]. All randomness comes
//! from [`ChaCha8Rng`] seeded through [`SeedableRng::seed_from_u64`], whose
//! output is specified and portable, and nothing depends on the clock or on
//! hash-map order. Every startup has a generator of its own, derived from the
//! seed and the startup's position, so the investments written last re-derive
//! what they need about a startup instead of keeping startups in memory:
//! memory grows with the number of investors and organisations only.

use std::io::{self, BufWriter, Write};

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::datafile::{
    EventRecord, InvestmentRecord, InvestorRecord, MentorRecord, OrganizationRecord,
    ProvinceRecord, Record, SectorRecord, StartupRecord, to_line, vnd,
};
use crate::model::{
    Currency, EventKind, InvestorKind, MAX_SLUG_LEN, Money, OrganizationKind, Stage, StartupTag,
    Topic, USD_TO_VND, Vocabulary, slugify, vietnam_offset,
};

/// How much to generate, and from which seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenerateOptions {
    /// Number of startup profiles.
    pub startups: usize,
    /// Number of investor profiles (the first five are real public funds).
    pub investors: usize,
    /// Number of mentor profiles.
    pub mentors: usize,
    /// Seed of the random generator: equal options give byte-identical output.
    pub seed: u64,
}

/// Counts of records written, per type name ("sector", "province", ...), in write order.
pub type Counts = Vec<(&'static str, usize)>;

/// Writes a deterministic synthetic dataset as data-file lines (each
/// `to_line(&record)` + "\n"), and returns how many records of each type it
/// wrote. The output is buffered here, so `out` may be a bare file or stdout.
pub fn generate(options: &GenerateOptions, out: &mut dyn Write) -> io::Result<Counts> {
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let counts = for_each_record(options, &mut |record| {
        out.write_all(to_line(&record).as_bytes())?;
        out.write_all(b"\n")
    })?;
    out.flush()?;
    Ok(counts)
}

/// Calls `sink` for every record, in the order [`generate`] writes them
/// (`generate` is built on this). Records are made one at a time and never
/// all held in memory: memory grows with the number of investors and
/// organisations, not with the number of startups.
///
/// Besides the profiles asked for, the dataset has every sector and province,
/// the real organisations of the plans, the departments of science and
/// technology of the other provinces, `max(20, startups / 500)` generated
/// organisations, the real events of the plans, `startups / 1000` generated
/// events, and about `startups / 5` investments. The first error of `sink`
/// stops the generation and is returned.
pub fn for_each_record(
    options: &GenerateOptions,
    sink: &mut dyn FnMut(Record) -> io::Result<()>,
) -> io::Result<Counts> {
    Plan {
        seed: options.seed,
        startups: options.startups,
        investors: options.investors,
        mentors: options.mentors,
        plan_province_bonus: 0,
        other_dosts: true,
        extra_organizations: (options.startups / 500).max(20),
        extra_events: options.startups / 1000,
    }
    .run(sink)
}

/// The demo dataset as records: every sector and province, the real
/// organisations, events and programmes named in the plans, then generated
/// profiles (160 startups, 45 investors of which five are the real public
/// funds, 64 mentors) and their investments.
///
/// The profiles come from a fixed seed, so every call returns the same
/// records; startups and mentors are drawn more often from the four places
/// of the plans (Hải Phòng, Hưng Yên, Ho Chi Minh City, Cần Thơ).
pub fn demo_records() -> Vec<Record> {
    let plan = Plan {
        seed: DEMO_SEED,
        startups: 160,
        investors: 45,
        mentors: 64,
        plan_province_bonus: 10,
        other_dosts: false,
        extra_organizations: 0,
        extra_events: 0,
    };
    let mut records = Vec::new();
    plan.run(&mut |record| {
        records.push(record);
        Ok(())
    })
    .expect("BUG: collecting records in memory cannot fail");
    records
}

/// The seed of [`demo_records`].
const DEMO_SEED: u64 = 2025;

/// The last date anything generated happened on (founding, investments).
fn last_date() -> NaiveDate {
    ymd(2026, 6, 30)
}

// ---------------------------------------------------------------------------
// The pipeline
// ---------------------------------------------------------------------------

/// Everything that decides a dataset.
struct Plan {
    seed: u64,
    startups: usize,
    investors: usize,
    mentors: usize,
    /// Extra weight of the provinces of the plans.
    plan_province_bonus: u32,
    /// Whether to add the departments of science and technology of the
    /// provinces that have no plan among the seeds.
    other_dosts: bool,
    extra_organizations: usize,
    extra_events: usize,
}

impl Plan {
    fn run(&self, sink: &mut dyn FnMut(Record) -> io::Result<()>) -> io::Result<Counts> {
        let mut out = Emitter::new(sink);
        for sector in SECTORS {
            out.emit(Record::Sector(SectorRecord {
                key: sector.key.into(),
                name: sector.name.into(),
                name_en: sector.name_en.into(),
            }))?;
        }
        for province in PROVINCES {
            out.emit(Record::Province(ProvinceRecord {
                key: province.key.into(),
                name: province.name.into(),
                region: province.region.into(),
            }))?;
        }
        let world = World::new(self.seed, self.plan_province_bonus);
        let mut orgs = Orgs::new();
        for org in REAL_ORGANIZATIONS {
            orgs.add(real_organization(org), &mut out)?;
        }
        if self.other_dosts {
            for (index, province) in PROVINCES.iter().enumerate() {
                if !province.plan {
                    orgs.add(dost_of(index), &mut out)?;
                }
            }
        }
        world.organizations(self.extra_organizations, &mut orgs, &mut out)?;
        world.startups(self.startups, &orgs, &mut out)?;
        let book = world.investors(self.investors, &mut out)?;
        world.mentors(self.mentors, &mut out)?;
        for event in REAL_EVENTS {
            out.emit(Record::Event(real_event(event)))?;
        }
        world.events(self.extra_events, &orgs, &mut out)?;
        world.investments(self.startups, &book, &mut out)?;
        Ok(out.counts)
    }
}

/// The record types in write order.
const RECORD_TYPES: [&str; 8] = [
    "sector",
    "province",
    "organization",
    "startup",
    "investor",
    "mentor",
    "event",
    "investment",
];

/// Passes records to the sink and counts them.
struct Emitter<'a> {
    sink: &'a mut dyn FnMut(Record) -> io::Result<()>,
    counts: Counts,
}

impl<'a> Emitter<'a> {
    fn new(sink: &'a mut dyn FnMut(Record) -> io::Result<()>) -> Self {
        Emitter {
            sink,
            counts: RECORD_TYPES.iter().map(|&t| (t, 0)).collect(),
        }
    }

    fn emit(&mut self, record: Record) -> io::Result<()> {
        let type_name = record.type_name();
        if let Some(count) = self.counts.iter_mut().find(|(t, _)| *t == type_name) {
            count.1 += 1;
        }
        (self.sink)(record)
    }
}

/// Independent random streams, one per kind of record.
const STREAM_ORGANIZATIONS: u64 = 1;
const STREAM_STARTUPS: u64 = 2;
const STREAM_INVESTORS: u64 = 3;
const STREAM_MENTORS: u64 = 4;
const STREAM_EVENTS: u64 = 5;
const STREAM_INVESTMENTS: u64 = 6;

/// The generators of one dataset, with the weights they draw from.
struct World {
    seed: u64,
    /// Per province: how often startups, mentors and organisations are there.
    province_weights: Vec<u32>,
    /// Per sector: how often it is a startup's primary sector, in cities.
    urban_sector_weights: Vec<u32>,
    /// Per sector: the same in agricultural regions.
    rural_sector_weights: Vec<u32>,
}

impl World {
    fn new(seed: u64, plan_province_bonus: u32) -> Self {
        World {
            seed,
            province_weights: PROVINCES
                .iter()
                .map(|p| p.weight + if p.plan { plan_province_bonus } else { 0 })
                .collect(),
            urban_sector_weights: SECTORS.iter().map(|s| s.weight).collect(),
            rural_sector_weights: SECTORS
                .iter()
                .map(|s| s.weight * if s.rural { 4 } else { 1 })
                .collect(),
        }
    }

    fn stream(&self, stream: u64) -> Prng {
        entity_rng(self.seed, stream, 0)
    }

    fn province(&self, rng: &mut Prng) -> usize {
        pick_weighted(rng, &self.province_weights)
    }

    /// One to `max` distinct sectors, the first drawn for `province`.
    fn sectors(&self, rng: &mut Prng, province: Option<usize>, max: usize) -> Vec<usize> {
        let weights = match province {
            Some(p) if PROVINCES[p].is_rural() => &self.rural_sector_weights,
            _ => &self.urban_sector_weights,
        };
        let count = match max {
            0 | 1 => 1,
            2 => weighted(rng, &[(1, 60), (2, 40)]),
            3 => weighted(rng, &[(1, 50), (2, 35), (3, 15)]),
            _ => weighted(rng, &[(1, 35), (2, 35), (3, 20), (4, 10)]),
        };
        let mut sectors = Vec::with_capacity(count);
        while sectors.len() < count {
            let sector = pick_weighted(rng, weights);
            if !sectors.contains(&sector) {
                sectors.push(sector);
            }
        }
        sectors
    }
}

// ---------------------------------------------------------------------------
// Randomness
// ---------------------------------------------------------------------------

type Prng = ChaCha8Rng;

/// The SplitMix64 finaliser: spreads the bits of `z`.
fn mix(z: u64) -> u64 {
    let z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    let z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The generator of entity `index` of `stream`: a function of the seed only,
/// so that an entity can be generated again, alone.
fn entity_rng(seed: u64, stream: u64, index: u64) -> Prng {
    Prng::seed_from_u64(mix(mix(mix(seed) ^ stream) ^ index))
}

fn pick<'a, T>(rng: &mut Prng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

/// An index drawn with the given weights (at least one of them positive).
fn draw_index(rng: &mut Prng, weights: impl Iterator<Item = u32> + Clone) -> usize {
    let mut roll = rng.random_range(0..weights.clone().sum::<u32>());
    let mut last = 0;
    for (index, weight) in weights.enumerate() {
        if roll < weight {
            return index;
        }
        roll -= weight;
        last = index;
    }
    last
}

fn pick_weighted(rng: &mut Prng, weights: &[u32]) -> usize {
    draw_index(rng, weights.iter().copied())
}

/// A value drawn with the given weights.
fn weighted<T: Copy>(rng: &mut Prng, items: &[(T, u32)]) -> T {
    items[draw_index(rng, items.iter().map(|item| item.1))].0
}

/// `count` distinct indices below `len` (fewer if `len` is smaller), in draw order.
fn distinct(rng: &mut Prng, len: usize, count: usize) -> Vec<usize> {
    let count = count.min(len);
    let mut chosen = Vec::with_capacity(count);
    while chosen.len() < count {
        let index = rng.random_range(0..len);
        if !chosen.contains(&index) {
            chosen.push(index);
        }
    }
    chosen
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("BUG: a valid calendar date")
}

/// A date between `from` and `to`, both included.
fn date_between(rng: &mut Prng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let day = rng.random_range(from.num_days_from_ce()..=to.num_days_from_ce());
    NaiveDate::from_num_days_from_ce_opt(day).expect("BUG: a day between two valid dates")
}

/// `date` at `hour:minute`, Vietnamese time.
fn at(date: NaiveDate, hour: u32, minute: u32) -> DateTime<FixedOffset> {
    date.and_hms_opt(hour, minute, 0)
        .expect("BUG: a valid time of day")
        .and_local_timezone(vietnam_offset())
        .single()
        .expect("BUG: a fixed offset maps every local time once")
}

/// `amount` rounded down to two significant digits (2_345_000 → 2_300_000).
/// Monotonic, so rounding keeps `min <= max`.
fn round2(amount: i64) -> i64 {
    let mut unit = 1;
    while amount / unit >= 100 {
        unit *= 10;
    }
    amount / unit * unit
}

/// A USD amount worth about `amount_vnd`.
fn usd_of(amount_vnd: i64) -> Money {
    Money {
        amount: round2(amount_vnd / USD_TO_VND),
        currency: Currency::Usd,
    }
}

// ---------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------

/// A phrase in Vietnamese and in English.
type Pair = (&'static str, &'static str);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Vi,
    En,
}

impl Lang {
    fn of(self, pair: Pair) -> &'static str {
        match self {
            Lang::Vi => pair.0,
            Lang::En => pair.1,
        }
    }
}

/// The language(s) a text is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
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
    fn draw(rng: &mut Prng) -> Style {
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
    fn single(self) -> Style {
        match self {
            Style::Both => Style::Vi,
            other => other,
        }
    }
}

/// Replaces each `{slot}` of `template` with what `slot` writes.
fn fill(template: &str, out: &mut String, slot: &mut dyn FnMut(&str, &mut String)) {
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
fn capitalize_at(text: &mut String, at: usize) {
    if let Some(c) = text[at..].chars().next()
        && c.is_lowercase()
    {
        let upper: String = c.to_uppercase().collect();
        text.replace_range(at..at + c.len_utf8(), &upper);
    }
}

fn capitalized(text: &str) -> String {
    let mut text = text.to_string();
    capitalize_at(&mut text, 0);
    text
}

/// Writes `items` as a list: "a, b và c" / "a, b and c".
fn join_into<'i>(out: &mut String, items: impl ExactSizeIterator<Item = &'i str>, lang: Lang) {
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
fn grouped(n: u64, lang: Lang) -> String {
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
fn scaled(amount: i64, unit: i64, lang: Lang) -> String {
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
fn money_text(money: Money, lang: Lang) -> String {
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
struct Numbers {
    /// A count of users or customers, scaled by stage.
    n: u64,
    /// A percentage.
    p: u64,
    /// A small count (sites, provinces, partners).
    k: u64,
    /// Monthly revenue in millions of VND.
    m: u64,
    /// Yearly revenue in billions of VND.
    b: u64,
    /// Years of experience.
    years: u64,
}

impl Numbers {
    fn draw(rng: &mut Prng, stage: Stage) -> Numbers {
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
struct Text<'a> {
    name: &'a str,
    /// Sectors, the first one primary.
    sectors: &'a [usize],
    stage: Stage,
    province: Option<usize>,
    provinces: &'a [usize],
    stages: &'a [Stage],
    topics: &'a [Topic],
    seeking: Option<Money>,
    ticket: Option<(Money, Money)>,
    team: i32,
    female: bool,
    /// Another named party (an organiser).
    party: &'a str,
    /// A kind-specific phrase (services, support offered, audience).
    support: Pair,
    /// Another kind-specific phrase (what kind of thing, an event judged).
    extra: Pair,
    product: Pair,
    product2: Pair,
    problem: Pair,
    customer: Pair,
    customer2: Pair,
    benefit: Pair,
    /// A benefit of `product2` (same sector).
    benefit2: Pair,
    numbers: Numbers,
}

impl<'a> Text<'a> {
    /// Draws the vocabulary of a text about `name` in `sectors` (not empty).
    fn new(rng: &mut Prng, name: &'a str, sectors: &'a [usize], stage: Stage) -> Self {
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
    fn compose(&self, sentences: &[Pair], style: Style) -> String {
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

    fn paragraph(&self, sentences: &[Pair], lang: Lang) -> String {
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

    fn render(&self, template: &str, lang: Lang, out: &mut String) {
        fill(template, out, &mut |slot, out| self.slot(slot, lang, out));
    }

    fn slot(&self, slot: &str, lang: Lang, out: &mut String) {
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

fn province_text(province: Option<usize>, lang: Lang) -> &'static str {
    match province {
        Some(p) => lang.of((PROVINCES[p].name, PROVINCES[p].name_en)),
        None => lang.of(("Việt Nam", "Vietnam")),
    }
}

fn stage_index(stage: Stage) -> usize {
    stage.index() as usize
}

fn stage_label(stage: Stage) -> Pair {
    match stage {
        Stage::Idea => ("ý tưởng", "idea"),
        Stage::Mvp => ("sản phẩm mẫu (MVP)", "MVP"),
        Stage::Seed => ("hạt giống (seed)", "seed"),
        Stage::SeriesA => ("Series A", "Series A"),
        Stage::Growth => ("tăng trưởng", "growth"),
    }
}

fn topic_info(topic: Topic) -> &'static TopicInfo {
    &TOPICS[topic.index() as usize]
}

/// A name reduced to a domain label: "Lúa Sense" → "luasense".
fn domain_label(name: &str, max: usize) -> String {
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
fn numbered_key(name: &str, index: usize) -> String {
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
fn replace_tokens(template: &str, values: &[(&str, &str)]) -> String {
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
fn landline(rng: &mut Prng, province: usize) -> String {
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
fn mobile(rng: &mut Prng) -> String {
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

// ---------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------

/// What the generators need to know about an organisation already written.
struct OrgRef {
    key: String,
    name: String,
    website: Option<String>,
}

/// The organisations written so far, indexed by province.
struct Orgs {
    list: Vec<OrgRef>,
    /// Per province: every organisation there.
    by_province: Vec<Vec<usize>>,
    /// Per province: organisations that incubate or host startups.
    hosts: Vec<Vec<usize>>,
    /// Per province: university centres and startup clubs (for students).
    campus: Vec<Vec<usize>>,
}

impl Orgs {
    fn new() -> Self {
        Orgs {
            list: Vec::new(),
            by_province: vec![Vec::new(); PROVINCES.len()],
            hosts: vec![Vec::new(); PROVINCES.len()],
            campus: vec![Vec::new(); PROVINCES.len()],
        }
    }

    /// Writes `record` and remembers it.
    fn add(&mut self, record: OrganizationRecord, out: &mut Emitter) -> io::Result<()> {
        let index = self.list.len();
        if let Some(p) = record.province.as_deref().and_then(province_index) {
            self.by_province[p].push(index);
            if record.kind != OrganizationKind::GovernmentAgency {
                self.hosts[p].push(index);
            }
            if matches!(
                record.kind,
                OrganizationKind::UniversityCenter | OrganizationKind::StartupClub
            ) {
                self.campus[p].push(index);
            }
        }
        self.list.push(OrgRef {
            key: record.key.clone(),
            name: record.name.clone(),
            website: record.website.clone(),
        });
        out.emit(Record::Organization(record))
    }

    /// The organisation a startup in `province` belongs to, if any.
    fn host_for(
        &self,
        rng: &mut Prng,
        province: usize,
        stage: Stage,
        student: bool,
    ) -> Option<String> {
        let hosts = self.hosts.get(province).filter(|hosts| !hosts.is_empty())?;
        if !rng.random_bool([0.45, 0.4, 0.3, 0.15, 0.08][stage_index(stage)]) {
            return None;
        }
        let campus = &self.campus[province];
        let index = if student && !campus.is_empty() {
            *pick(rng, campus)
        } else {
            *pick(rng, hosts)
        };
        Some(self.list[index].key.clone())
    }

    /// An organiser for an event in `province` (any organisation if none is there).
    fn organizer(&self, rng: &mut Prng, province: usize) -> &OrgRef {
        match self.by_province.get(province).filter(|o| !o.is_empty()) {
            Some(local) => &self.list[*pick(rng, local)],
            None => pick(rng, &self.list),
        }
    }
}

fn province_index(key: &str) -> Option<usize> {
    PROVINCES.iter().position(|p| p.key == key)
}

fn sector_index(key: &str) -> Option<usize> {
    SECTORS.iter().position(|s| s.key == key)
}

/// "thành phố Cần Thơ", "tỉnh Hưng Yên", "Thành phố Hồ Chí Minh".
fn formal_name(province: &ProvinceInfo) -> String {
    if province.name.starts_with("Thành phố") {
        province.name.to_string()
    } else if province.city {
        format!("thành phố {}", province.name)
    } else {
        format!("tỉnh {}", province.name)
    }
}

fn real_organization(org: &RealOrg) -> OrganizationRecord {
    OrganizationRecord {
        key: org.key.into(),
        name: org.name.into(),
        kind: org.kind,
        province: Some(org.province.into()),
        description: org.description.into(),
        website: org.website.map(Into::into),
        email: None,
        phone: None,
    }
}

/// The Department of Science and Technology of `province`.
fn dost_of(province: usize) -> OrganizationRecord {
    let p = &PROVINCES[province];
    let formal = formal_name(p);
    OrganizationRecord {
        key: format!("dost-{}", p.key),
        name: format!("Sở Khoa học và Công nghệ {formal}"),
        kind: OrganizationKind::GovernmentAgency,
        province: Some(p.key.into()),
        description: format!(
            "Cơ quan chuyên môn của Ủy ban nhân dân {formal} về khoa học, công nghệ và đổi mới \
             sáng tạo; đầu mối triển khai Đề án 844 hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng \
             tạo tại địa phương. The Department of Science and Technology (DOST) of {}.",
            p.name_en
        ),
        website: Some(format!("https://skhcn.{}.gov.vn", p.domain)),
        email: None,
        phone: None,
    }
}

impl World {
    fn organizations(&self, count: usize, orgs: &mut Orgs, out: &mut Emitter) -> io::Result<()> {
        let mut rng = self.stream(STREAM_ORGANIZATIONS);
        for index in 0..count {
            orgs.add(self.organization(&mut rng, index), out)?;
        }
        Ok(())
    }

    fn organization(&self, rng: &mut Prng, index: usize) -> OrganizationRecord {
        let info = &ORG_KINDS[draw_index(rng, ORG_KINDS.iter().map(|k| k.weight))];
        let province = self.province(rng);
        let p = &PROVINCES[province];
        let (name_template, host_template) = *pick(rng, info.names);
        let brand = *pick(rng, ORG_BRANDS);
        let (group, group_label) = *pick(rng, CLUB_GROUPS);
        let (field, field_label) = *pick(rng, UNIVERSITY_FIELDS);
        let brand_label = domain_label(brand, 20);
        let values = [
            ("brand", brand),
            ("province", p.name),
            ("province_en", p.name_en),
            ("group", group),
            ("group_d", group_label),
            ("field", field),
            ("field_d", field_label),
            ("b", brand_label.as_str()),
            ("pd", p.domain),
        ];
        let name = replace_tokens(name_template, &values);
        let host = replace_tokens(host_template, &values);
        // A host without a dot is a club's social page and mailbox.
        let social = !host.contains('.');
        let website = rng.random_bool(0.85).then(|| {
            if social {
                format!("https://www.facebook.com/{host}")
            } else {
                format!("https://{host}")
            }
        });
        let email = rng.random_bool(0.45).then(|| {
            if social {
                format!("{host}@gmail.com")
            } else {
                format!(
                    "{}@{host}",
                    pick(rng, &["info", "lienhe", "hotro", "contact"])
                )
            }
        });
        let phone = rng.random_bool(0.4).then(|| landline(rng, province));
        let sectors = self.sectors(rng, Some(province), 3);
        let mut text = Text::new(rng, &name, &sectors, Stage::Seed);
        text.province = Some(province);
        text.support = info.services;
        text.extra = info.label;
        let mut sentences = vec![ORG_INTRO, ORG_SERVICES];
        if rng.random_bool(0.5) {
            sentences.push(ORG_SCALE);
        }
        let style = weighted(rng, &[(Style::Vi, 70), (Style::Both, 20), (Style::En, 10)]);
        let description = text.compose(&sentences, style);
        OrganizationRecord {
            key: numbered_key(&name, index),
            name,
            kind: info.kind,
            province: Some(p.key.into()),
            description,
            website,
            email,
            phone,
        }
    }
}

// ---------------------------------------------------------------------------
// Startups
// ---------------------------------------------------------------------------

/// What investments need to know about a startup; drawn first from the
/// startup's own generator, so it can be drawn again without the rest.
struct StartupCore {
    key: String,
    name: String,
    sectors: Vec<usize>,
    stage: Stage,
    province: usize,
    founded_on: Option<NaiveDate>,
}

/// How common each stage is: ideas and MVPs are many, growth companies few.
const STAGE_WEIGHTS: &[(Stage, u32)] = &[
    (Stage::Idea, 34),
    (Stage::Mvp, 32),
    (Stage::Seed, 21),
    (Stage::SeriesA, 10),
    (Stage::Growth, 3),
];

impl World {
    fn startups(&self, count: usize, orgs: &Orgs, out: &mut Emitter) -> io::Result<()> {
        for index in 0..count {
            out.emit(Record::Startup(self.startup(index, orgs)))?;
        }
        Ok(())
    }

    fn startup_core(&self, index: usize) -> (StartupCore, Prng) {
        let mut rng = entity_rng(self.seed, STREAM_STARTUPS, index as u64);
        let province = self.province(&mut rng);
        let sectors = self.sectors(&mut rng, Some(province), 3);
        let stage = weighted(&mut rng, STAGE_WEIGHTS);
        let founded_on = founding_date(&mut rng, stage);
        let name = startup_name(&mut rng, sectors[0]);
        let core = StartupCore {
            key: numbered_key(&name, index),
            name,
            sectors,
            stage,
            province,
            founded_on,
        };
        (core, rng)
    }

    fn startup(&self, index: usize, orgs: &Orgs) -> StartupRecord {
        let (core, mut rng) = self.startup_core(index);
        let rng = &mut rng;
        let stage = core.stage;
        let s = stage_index(stage);
        let (low, high) = [(1, 5), (2, 10), (4, 25), (15, 80), (50, 400)][s];
        let team_size = rng.random_range(low..=high);
        let tags = startup_tags(rng, &core);
        let needs = startup_needs(rng, stage);
        let seeking = seeking(rng, stage);
        let organization = orgs.host_for(
            rng,
            core.province,
            stage,
            tags.contains(&StartupTag::Student),
        );
        let domain = startup_domain(rng, &core);
        let website = rng.random_bool([0.35, 0.7, 0.92, 0.95, 0.98][s]).then(|| {
            let www = if rng.random_bool(0.3) { "www." } else { "" };
            format!("https://{www}{domain}")
        });
        let email = if website.is_some() {
            rng.random_bool(0.45).then(|| {
                let local = pick(
                    rng,
                    &["hello", "contact", "info", "founders", "team", "lienhe"],
                );
                format!("{local}@{domain}")
            })
        } else {
            rng.random_bool(0.15).then(|| {
                format!(
                    "{}{}@gmail.com",
                    domain_label(&core.name, 20),
                    rng.random_range(1..100)
                )
            })
        };
        let phone = rng.random_bool(0.3).then(|| mobile(rng));
        let style = Style::draw(rng);
        let mut text = Text::new(rng, &core.name, &core.sectors, stage);
        text.province = Some(core.province);
        text.topics = &needs;
        text.seeking = seeking;
        text.team = team_size;
        let tagline = text.compose(&[*pick(rng, TAGLINES)], style.single());
        let description = text.compose(&startup_sentences(rng, stage), style);
        StartupRecord {
            key: core.key,
            name: core.name,
            tagline,
            description,
            sectors: keys_of(&core.sectors),
            stage,
            province: Some(PROVINCES[core.province].key.into()),
            founded_on: core.founded_on,
            team_size: Some(team_size),
            tags,
            needs,
            seeking,
            organization,
            website,
            email,
            phone,
        }
    }
}

fn keys_of(sectors: &[usize]) -> Vec<String> {
    sectors
        .iter()
        .map(|&s| SECTORS[s].key.to_string())
        .collect()
}

/// A founding date plausible for `stage`; most ideas are not registered yet.
fn founding_date(rng: &mut Prng, stage: Stage) -> Option<NaiveDate> {
    let (from, to) = match stage {
        Stage::Idea => {
            if rng.random_bool(0.65) {
                return None;
            }
            (ymd(2025, 1, 1), last_date())
        }
        Stage::Mvp => (ymd(2022, 1, 1), last_date()),
        Stage::Seed => (ymd(2019, 1, 1), ymd(2025, 12, 31)),
        Stage::SeriesA => (ymd(2015, 1, 1), ymd(2024, 6, 30)),
        Stage::Growth => (ymd(2012, 1, 1), ymd(2021, 12, 31)),
    };
    Some(date_between(rng, from, to))
}

/// An invented brand: "Lúa Sense", "AgriLink", "Sen Xanh", "MekongPay", "Mầm Edu".
fn startup_name(rng: &mut Prng, sector: usize) -> String {
    let sector = &SECTORS[sector];
    match rng.random_range(0..6) {
        0 => format!(
            "{} {}",
            pick(rng, sector.brand_vi),
            pick(rng, NAME_SUFFIXES)
        ),
        1 => {
            let suffix = if rng.random_bool(0.7) {
                pick(rng, NAME_SUFFIXES)
            } else {
                pick(rng, NAME_TIGHT_SUFFIXES)
            };
            format!("{}{suffix}", pick(rng, sector.brand_en))
        }
        2 => format!("{} {}", pick(rng, sector.brand_vi), pick(rng, NAME_WORDS)),
        3 => format!("{}{}", pick(rng, NAME_PREFIXES), pick(rng, sector.brand_en)),
        4 => format!("{} {}", pick(rng, NAME_WORDS), pick(rng, sector.brand_en)),
        _ => format!("{} {}", pick(rng, NAME_WORDS), pick(rng, NAME_SUFFIXES)),
    }
}

fn startup_domain(rng: &mut Prng, core: &StartupCore) -> String {
    let label = domain_label(&core.name, 24);
    let tld = if SECTORS[core.sectors[0]].key == "ai" && rng.random_bool(0.4) {
        ".ai"
    } else {
        weighted(
            rng,
            &[
                (".vn", 40),
                (".com.vn", 20),
                (".io", 15),
                (".com", 20),
                (".app", 5),
            ],
        )
    };
    format!("{label}{tld}")
}

fn startup_tags(rng: &mut Prng, core: &StartupCore) -> Vec<StartupTag> {
    let s = stage_index(core.stage);
    let student = rng.random_bool([0.25, 0.15, 0.03, 0.0, 0.0][s]);
    let women_led = rng.random_bool(0.28);
    let youth = rng.random_bool(if student { 0.8 } else { 0.2 });
    let social = core
        .sectors
        .iter()
        .any(|&sector| SECTORS[sector].key == "social-impact")
        || rng.random_bool(0.07);
    let st_enterprise =
        core.founded_on.is_some() && rng.random_bool([0.0, 0.02, 0.1, 0.25, 0.35][s]);
    [
        (StartupTag::Student, student),
        (StartupTag::WomenLed, women_led),
        (StartupTag::Youth, youth),
        (StartupTag::SocialImpact, social),
        (StartupTag::StEnterprise, st_enterprise),
    ]
    .into_iter()
    .filter_map(|(tag, on)| on.then_some(tag))
    .collect()
}

/// One to four needs, from those typical of `stage`.
fn startup_needs(rng: &mut Prng, stage: Stage) -> Vec<Topic> {
    use Topic::*;
    let pool: &[Topic] = match stage {
        Stage::Idea => &[
            CreativeThinking,
            BusinessModel,
            MarketResearch,
            IntellectualProperty,
            Legal,
            ProductDevelopment,
        ],
        Stage::Mvp => &[
            ProductDevelopment,
            MarketResearch,
            Marketing,
            BusinessModel,
            Fundraising,
            IntellectualProperty,
            Branding,
            Legal,
        ],
        Stage::Seed => &[
            Fundraising,
            Marketing,
            Branding,
            Ecommerce,
            DigitalTransformation,
            Legal,
            Tax,
            BusinessManagement,
            QualityStandards,
        ],
        Stage::SeriesA => &[
            Fundraising,
            BusinessManagement,
            InternationalExpansion,
            QualityStandards,
            Tax,
            Legal,
            TechnologyTransfer,
            DigitalTransformation,
        ],
        Stage::Growth => &[
            InternationalExpansion,
            BusinessManagement,
            Legal,
            Tax,
            Fundraising,
            QualityStandards,
            TechnologyTransfer,
        ],
    };
    let count = weighted(rng, &[(1, 25), (2, 35), (3, 25), (4, 15)]);
    distinct(rng, pool.len(), count)
        .into_iter()
        .map(|i| pool[i])
        .collect()
}

/// What a startup at `stage` raises, if anything: mostly VND, sometimes USD.
fn seeking(rng: &mut Prng, stage: Stage) -> Option<Money> {
    const RANGES: [(i64, i64); 5] = [
        (200_000_000, 1_000_000_000),
        (500_000_000, 3_000_000_000),
        (2_000_000_000, 10_000_000_000),
        (20_000_000_000, 100_000_000_000),
        (100_000_000_000, 500_000_000_000),
    ];
    let s = stage_index(stage);
    if rng.random_bool([0.3, 0.15, 0.1, 0.15, 0.4][s]) {
        return None;
    }
    let (low, high) = RANGES[s];
    let amount = round2(rng.random_range(low..=high));
    Some(if rng.random_bool([0.03, 0.05, 0.15, 0.25, 0.3][s]) {
        usd_of(amount)
    } else {
        vnd(amount)
    })
}

/// Two to five sentences: who, the problem, the solution, traction, the ask.
fn startup_sentences(rng: &mut Prng, stage: Stage) -> Vec<Pair> {
    let mut sentences = vec![*pick(rng, STARTUP_INTROS)];
    if rng.random_bool(0.7) {
        sentences.push(*pick(rng, STARTUP_PROBLEMS));
    }
    if rng.random_bool(0.6) {
        sentences.push(*pick(rng, STARTUP_SOLUTIONS));
    }
    if sentences.len() < 2 || rng.random_bool(0.75) {
        sentences.push(*pick(rng, TRACTION[stage_index(stage)]));
    }
    if rng.random_bool(0.5) {
        sentences.push(*pick(rng, STARTUP_ASKS));
    }
    sentences
}

// ---------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------

/// A person's name and the parts an e-mail address is made of.
struct Person {
    name: String,
    given: &'static str,
    family: &'static str,
    female: bool,
}

/// A Vietnamese name, family name first: "Nguyễn Thị Thu Hà".
fn vietnamese_person(rng: &mut Prng) -> Person {
    let female = rng.random_bool(0.45);
    let family = weighted(rng, FAMILY_NAMES);
    let (middles, givens) = if female {
        (MIDDLE_NAMES_FEMALE, GIVEN_NAMES_FEMALE)
    } else {
        (MIDDLE_NAMES_MALE, GIVEN_NAMES_MALE)
    };
    let middle = *pick(rng, middles);
    let given = *pick(rng, givens);
    Person {
        name: format!("{family} {middle} {given}"),
        given,
        family,
        female,
    }
}

/// An overseas expert who works in English: "David Nguyen", "Sarah Lim".
fn overseas_person(rng: &mut Prng) -> Person {
    let female = rng.random_bool(0.45);
    let given = *pick(
        rng,
        if female {
            WESTERN_GIVEN_FEMALE
        } else {
            WESTERN_GIVEN_MALE
        },
    );
    let family = *pick(rng, OVERSEAS_FAMILY_NAMES);
    Person {
        name: format!("{given} {family}"),
        given,
        family,
        female,
    }
}

fn personal_email(rng: &mut Prng, person: &Person) -> String {
    format!(
        "{}.{}{}@{}",
        slugify(person.given).replace('-', ""),
        slugify(person.family).replace('-', ""),
        rng.random_range(1..100),
        pick(rng, &["gmail.com", "outlook.com", "yahoo.com.vn"])
    )
}

fn linkedin(rng: &mut Prng, name: &str) -> String {
    format!(
        "https://www.linkedin.com/in/{}-{}",
        slugify(name),
        rng.random_range(100..1000)
    )
}

// ---------------------------------------------------------------------------
// Investors
// ---------------------------------------------------------------------------

/// What investments need to know about an investor.
struct InvestorSummary {
    key: String,
    /// Bit `p` set when the investor invests in province `p`; 0 = nationwide.
    provinces: u64,
    ticket: Option<(Money, Money)>,
}

/// The investors written, indexed by sector and stage.
struct InvestorBook {
    list: Vec<InvestorSummary>,
    /// `sector * STAGES + stage` → investors with both.
    by_sector_stage: Vec<Vec<u32>>,
    /// `sector` → investors with it.
    by_sector: Vec<Vec<u32>>,
}

const STAGES: usize = 5;

impl InvestorBook {
    fn new() -> Self {
        InvestorBook {
            list: Vec::new(),
            by_sector_stage: vec![Vec::new(); SECTORS.len() * STAGES],
            by_sector: vec![Vec::new(); SECTORS.len()],
        }
    }

    fn add(&mut self, record: &InvestorRecord) {
        let index = self.list.len() as u32;
        for sector in record.sectors.iter().filter_map(|k| sector_index(k)) {
            self.by_sector[sector].push(index);
            for &stage in &record.stages {
                self.by_sector_stage[sector * STAGES + stage_index(stage)].push(index);
            }
        }
        let provinces = record
            .provinces
            .iter()
            .filter_map(|k| province_index(k))
            .fold(0, |mask, p| mask | 1 << p);
        let ticket = record.ticket_min.zip(record.ticket_max);
        self.list.push(InvestorSummary {
            key: record.key.clone(),
            provinces,
            ticket,
        });
    }

    /// An investor for `startup`'s `round`, not in `taken`: one sharing a
    /// sector and with `round` among its stages if possible, investing in
    /// the startup's province if possible.
    fn choose(
        &self,
        rng: &mut Prng,
        startup: &StartupCore,
        round: Stage,
        taken: &[u32],
    ) -> Option<u32> {
        for with_stage in [true, false] {
            let mut fallback = None;
            for _ in 0..8 {
                let sector = *pick(rng, &startup.sectors);
                let candidates = if with_stage {
                    &self.by_sector_stage[sector * STAGES + stage_index(round)]
                } else {
                    &self.by_sector[sector]
                };
                if candidates.is_empty() {
                    continue;
                }
                let candidate = *pick(rng, candidates);
                if taken.contains(&candidate) {
                    continue;
                }
                let provinces = self.list[candidate as usize].provinces;
                if provinces == 0 || provinces & (1 << startup.province) != 0 {
                    return Some(candidate);
                }
                fallback.get_or_insert(candidate);
            }
            if fallback.is_some() {
                return fallback;
            }
        }
        None
    }

    /// An amount typical of `round`, within the investor's ticket range (at
    /// the end of the range nearest to typical when the two do not overlap).
    fn amount(&self, rng: &mut Prng, investor: u32, round: Stage) -> Money {
        let (low, high) = TICKETS_VND[stage_index(round)];
        let Some((min, max)) = self.list[investor as usize].ticket else {
            return vnd(round2(rng.random_range(low..=high)));
        };
        let unit = match min.currency {
            Currency::Vnd => 1,
            Currency::Usd => USD_TO_VND,
        };
        let (low, high) = (low / unit, high / unit);
        let amount = if high < min.amount {
            min.amount
        } else if low > max.amount {
            max.amount
        } else {
            round2(rng.random_range(low.max(min.amount)..=high.min(max.amount)))
                .clamp(min.amount, max.amount)
        };
        Money {
            amount,
            currency: min.currency,
        }
    }
}

/// Typical ticket sizes per stage, in VND.
const TICKETS_VND: [(i64, i64); 5] = [
    (100_000_000, 1_000_000_000),
    (300_000_000, 3_000_000_000),
    (1_000_000_000, 10_000_000_000),
    (10_000_000_000, 100_000_000_000),
    (50_000_000_000, 500_000_000_000),
];

impl World {
    fn investors(&self, count: usize, out: &mut Emitter) -> io::Result<InvestorBook> {
        let mut rng = self.stream(STREAM_INVESTORS);
        let mut book = InvestorBook::new();
        for index in 0..count {
            let record = match PUBLIC_FUNDS.get(index) {
                Some(fund) => real_fund(fund),
                None => self.investor(&mut rng, index),
            };
            book.add(&record);
            out.emit(Record::Investor(record))?;
        }
        Ok(book)
    }

    fn investor(&self, rng: &mut Prng, index: usize) -> InvestorRecord {
        use InvestorKind::*;
        let kind = weighted(
            rng,
            &[
                (Angel, 45),
                (VcFund, 30),
                (Corporate, 12),
                (Accelerator, 9),
                (PublicFund, 4),
            ],
        );
        let foreign = kind == VcFund && rng.random_bool(0.3);
        let province_count = if kind == PublicFund {
            1
        } else {
            weighted(rng, &[(0, 75), (1, 18), (2, 7)])
        };
        let mut provinces = Vec::with_capacity(province_count);
        while provinces.len() < province_count {
            let p = self.province(rng);
            if !provinces.contains(&p) {
                provinces.push(p);
            }
        }
        let home = match provinces.first() {
            Some(&p) => p,
            None => self.province(rng),
        };
        let sectors = self.sectors(rng, provinces.first().copied(), 4);
        let stages = investor_stages(rng, kind);
        let ticket = tickets(rng, kind, &stages, foreign);
        let named = investor_name(rng, kind, foreign, home);
        let website = match &named.host {
            Some(host) => rng.random_bool(0.85).then(|| format!("https://{host}")),
            None => rng.random_bool(0.15).then(|| linkedin(rng, &named.name)),
        };
        let email = match (&named.person, &named.host) {
            (Some(person), _) => rng.random_bool(0.35).then(|| personal_email(rng, person)),
            (None, Some(host)) => rng.random_bool(0.5).then(|| {
                format!(
                    "{}@{host}",
                    pick(rng, &["invest", "deals", "info", "contact"])
                )
            }),
            (None, None) => None,
        };
        let phone = rng.random_bool(0.25).then(|| {
            if named.person.is_some() {
                mobile(rng)
            } else {
                landline(rng, home)
            }
        });
        let active = rng.random_bool(0.9);
        let style = if foreign {
            weighted(rng, &[(Style::En, 70), (Style::Both, 30)])
        } else {
            Style::draw(rng)
        };
        let mut text = Text::new(rng, &named.name, &sectors, stages[0]);
        text.stages = &stages;
        text.ticket = ticket;
        text.provinces = &provinces;
        text.support = investor_support(kind);
        let mut sentences = vec![*pick(rng, THESIS_INTROS), *pick(rng, THESIS_FOCUS)];
        if ticket.is_some() {
            sentences.push(THESIS_TICKET);
        }
        if rng.random_bool(0.6) {
            sentences.push(THESIS_SUPPORT);
        }
        sentences.push(if provinces.is_empty() {
            THESIS_NATIONWIDE
        } else {
            THESIS_REGIONAL
        });
        let thesis = text.compose(&sentences, style);
        InvestorRecord {
            key: numbered_key(&named.name, index),
            name: named.name,
            kind,
            thesis,
            sectors: keys_of(&sectors),
            stages,
            ticket_min: ticket.map(|t| t.0),
            ticket_max: ticket.map(|t| t.1),
            provinces: provinces
                .iter()
                .map(|&p| PROVINCES[p].key.to_string())
                .collect(),
            active,
            website,
            email,
            phone,
        }
    }
}

/// A contiguous run of the stages `kind` typically invests in.
fn investor_stages(rng: &mut Prng, kind: InvestorKind) -> Vec<Stage> {
    use Stage::*;
    let allowed: &[Stage] = match kind {
        InvestorKind::Angel | InvestorKind::PublicFund | InvestorKind::Accelerator => {
            &[Idea, Mvp, Seed]
        }
        InvestorKind::VcFund => &[Seed, SeriesA, Growth],
        InvestorKind::Corporate => &[Mvp, Seed, SeriesA, Growth],
    };
    let longest = if kind == InvestorKind::Accelerator {
        2
    } else {
        3
    };
    let len = weighted(rng, &[(1, 30), (2, 50), (3, 20)])
        .min(longest)
        .min(allowed.len());
    let start = rng.random_range(0..=allowed.len() - len);
    allowed[start..start + len].to_vec()
}

/// A ticket range that fits the stages (and the purse) of the investor.
fn tickets(
    rng: &mut Prng,
    kind: InvestorKind,
    stages: &[Stage],
    foreign: bool,
) -> Option<(Money, Money)> {
    if kind == InvestorKind::Angel && rng.random_bool(0.1) {
        return None;
    }
    let first = stages.first().copied().unwrap_or(Stage::Seed);
    let last = stages.last().copied().unwrap_or(Stage::Seed);
    let low = TICKETS_VND[stage_index(first)].0 as f64;
    let high = TICKETS_VND[stage_index(last)].1 as f64;
    let (min_factor, max_factor): (f64, f64) = match kind {
        InvestorKind::Angel => (rng.random_range(0.5..1.0), rng.random_range(0.2..0.6)),
        InvestorKind::PublicFund => (rng.random_range(0.3..1.0), rng.random_range(0.2..0.5)),
        _ => (rng.random_range(0.8..2.0), rng.random_range(0.4..1.0)),
    };
    let min = round2((low * min_factor) as i64);
    let max = round2((high * max_factor) as i64).max(min);
    Some(if foreign {
        (usd_of(min), usd_of(max))
    } else {
        (vnd(min), vnd(max))
    })
}

/// An investor's name, and the web host or the person behind it.
struct Named {
    name: String,
    host: Option<String>,
    person: Option<Person>,
}

fn investor_name(rng: &mut Prng, kind: InvestorKind, foreign: bool, home: usize) -> Named {
    let (templates, names): (&[(&str, &str)], &[&str]) = match kind {
        InvestorKind::Angel => {
            let person = vietnamese_person(rng);
            let name = match rng.random_range(0..20) {
                0..10 => person.name.clone(),
                10..17 => format!("{} (angel)", person.name),
                _ => format!("Nhà đầu tư thiên thần {}", person.name),
            };
            return Named {
                name,
                host: None,
                person: Some(person),
            };
        }
        InvestorKind::VcFund if foreign => (FOREIGN_VC_TEMPLATES, FOREIGN_VC_NAMES),
        InvestorKind::VcFund => (VC_TEMPLATES, VC_NAMES),
        InvestorKind::Corporate => (CORPORATE_TEMPLATES, CORPORATE_NAMES),
        InvestorKind::Accelerator => (ACCELERATOR_TEMPLATES, ACCELERATOR_NAMES),
        InvestorKind::PublicFund => (PUBLIC_FUND_TEMPLATES, &[""]),
    };
    let (name_template, host_template) = *pick(rng, templates);
    let x = *pick(rng, names);
    let label = domain_label(x, 20);
    let p = &PROVINCES[home];
    let formal = formal_name(p);
    let values = [
        ("x", x),
        ("cx", label.as_str()),
        ("province", formal.as_str()),
        ("pd", p.domain),
    ];
    Named {
        name: replace_tokens(name_template, &values),
        host: Some(replace_tokens(host_template, &values)),
        person: None,
    }
}

fn investor_support(kind: InvestorKind) -> Pair {
    match kind {
        InvestorKind::Angel => (
            "cố vấn 1-1, giới thiệu khách hàng và kết nối mạng lưới nhà đầu tư thiên thần",
            "one-to-one mentoring, customer introductions and an angel network",
        ),
        InvestorKind::VcFund => (
            "tuyển dụng nhân sự chủ chốt, chiến lược tăng trưởng và chuẩn bị vòng gọi vốn tiếp theo",
            "help with hiring, growth strategy and the next round",
        ),
        InvestorKind::Corporate => (
            "tiếp cận kênh phân phối, khách hàng và cơ sở vật chất của tập đoàn",
            "access to the group's distribution channels, customers and facilities",
        ),
        InvestorKind::PublicFund => (
            "tài trợ, cho vay ưu đãi và hướng dẫn thủ tục theo quy định của Nhà nước",
            "grants, concessional loans and guidance through the procedures",
        ),
        InvestorKind::Accelerator => (
            "chương trình tăng tốc 3–6 tháng, chỗ làm việc và Demo Day với các quỹ đầu tư",
            "a 3–6 month acceleration programme, desk space and a demo day with funds",
        ),
    }
}

fn real_fund(fund: &RealFund) -> InvestorRecord {
    InvestorRecord {
        key: fund.key.into(),
        name: fund.name.into(),
        kind: InvestorKind::PublicFund,
        thesis: fund.thesis.into(),
        sectors: fund.sectors.iter().map(|s| s.to_string()).collect(),
        stages: fund.stages.to_vec(),
        ticket_min: Some(vnd(fund.ticket.0)),
        ticket_max: Some(vnd(fund.ticket.1)),
        provinces: fund.provinces.iter().map(|p| p.to_string()).collect(),
        active: true,
        website: fund.website.map(Into::into),
        email: None,
        phone: None,
    }
}

// ---------------------------------------------------------------------------
// Mentors
// ---------------------------------------------------------------------------

/// The languages a mentor works in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Speaks {
    Vi,
    ViEn,
    En,
}

impl World {
    fn mentors(&self, count: usize, out: &mut Emitter) -> io::Result<()> {
        let mut rng = self.stream(STREAM_MENTORS);
        for index in 0..count {
            out.emit(Record::Mentor(self.mentor(&mut rng, index)))?;
        }
        Ok(())
    }

    fn mentor(&self, rng: &mut Prng, index: usize) -> MentorRecord {
        let speaks = weighted(
            rng,
            &[(Speaks::Vi, 65), (Speaks::ViEn, 28), (Speaks::En, 7)],
        );
        let person = if speaks == Speaks::En {
            overseas_person(rng)
        } else {
            vietnamese_person(rng)
        };
        let province = rng.random_bool(0.95).then(|| self.province(rng));
        let sectors = self.sectors(rng, province, 3);
        let expertise_count = weighted(rng, &[(1, 25), (2, 35), (3, 25), (4, 15)]);
        let expertise: Vec<Topic> = distinct(rng, TOPICS.len(), expertise_count)
            .into_iter()
            .map(|i| TOPICS[i].topic)
            .collect();
        let capacity = weighted(
            rng,
            &[
                (1, 10),
                (2, 20),
                (3, 22),
                (4, 18),
                (5, 12),
                (6, 8),
                (7, 5),
                (8, 5),
            ],
        );
        let style = match speaks {
            Speaks::Vi if rng.random_bool(0.12) => Style::ViPlain,
            Speaks::Vi => Style::Vi,
            Speaks::ViEn if rng.random_bool(0.5) => Style::Both,
            Speaks::ViEn | Speaks::En => Style::En,
        };
        let topic = topic_info(expertise[0]);
        let background = rng.random_bool(0.5).then(|| *pick(rng, BACKGROUNDS));
        let headline = match background {
            Some(background) => (
                format!("{}, {}", topic.headline.0, background.0),
                format!("{}, {}", topic.headline.1, background.1),
            ),
            None => (topic.headline.0.to_string(), topic.headline.1.to_string()),
        };
        let headline = match style.single() {
            Style::Vi | Style::Both => headline.0,
            Style::En => headline.1,
            Style::ViPlain => deunicode::deunicode(&headline.0),
        };
        let mut text = Text::new(rng, &person.name, &sectors, Stage::Seed);
        text.topics = &expertise;
        text.province = province;
        text.female = person.female;
        text.extra = *pick(rng, JUDGED_EVENTS);
        text.numbers.n = rng.random_range(3..=60);
        let mut sentences = vec![*pick(rng, BIO_INTROS)];
        for (sentence, probability) in [
            (BIO_TOPICS, 0.8),
            (BIO_MENTORED, 0.6),
            (BIO_JUDGED, 0.4),
            (BIO_STYLE, 0.3),
        ] {
            if rng.random_bool(probability) {
                sentences.push(sentence);
            }
        }
        if sentences.len() < 2 {
            sentences.push(BIO_TOPICS);
        }
        let bio = text.compose(&sentences, style);
        let languages = match speaks {
            Speaks::Vi => vec!["vi".to_string()],
            Speaks::ViEn => vec!["vi".to_string(), "en".to_string()],
            Speaks::En => vec!["en".to_string()],
        };
        let website = rng.random_bool(0.25).then(|| linkedin(rng, &person.name));
        let email = rng.random_bool(0.5).then(|| personal_email(rng, &person));
        let phone = rng.random_bool(0.3).then(|| mobile(rng));
        MentorRecord {
            key: numbered_key(&person.name, index),
            name: person.name,
            headline,
            bio,
            expertise,
            sectors: keys_of(&sectors),
            languages,
            province: province.map(|p| PROVINCES[p].key.to_string()),
            capacity,
            website,
            email,
            phone,
        }
    }
}

// ---------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------

fn real_event(event: &RealEvent) -> EventRecord {
    let time = |text: &str| {
        DateTime::parse_from_rfc3339(text).expect("BUG: event times in the table are RFC 3339")
    };
    EventRecord {
        key: event.key.into(),
        title: event.title.into(),
        kind: event.kind,
        description: event.description.into(),
        starts_at: time(event.starts_at),
        ends_at: event.ends_at.map(time),
        province: Some(event.province.into()),
        organizer: Some(event.organizer.into()),
        sectors: event.sectors.iter().map(|s| s.to_string()).collect(),
        website: event.website.map(Into::into),
    }
}

impl World {
    fn events(&self, count: usize, orgs: &Orgs, out: &mut Emitter) -> io::Result<()> {
        let mut rng = self.stream(STREAM_EVENTS);
        for index in 0..count {
            out.emit(Record::Event(self.event(&mut rng, index, orgs)))?;
        }
        Ok(())
    }

    /// Event `index`; the kinds take turns so that every kind occurs.
    fn event(&self, rng: &mut Prng, index: usize, orgs: &Orgs) -> EventRecord {
        let kinds = EventKind::ALL;
        let kind = kinds[index % kinds.len()];
        let info = EVENT_KINDS
            .iter()
            .find(|info| info.kind == kind)
            .expect("BUG: every event kind has a row in EVENT_KINDS");
        let province = self.province(rng);
        let other = loop {
            let other = self.province(rng);
            if other != province {
                break other;
            }
        };
        let sectors = self.sectors(rng, Some(province), 2);
        let topic = topic_info(TOPICS[rng.random_range(0..TOPICS.len())].topic);
        let organizer = orgs.organizer(rng, province);
        let date = date_between(rng, ymd(2024, 1, 1), ymd(2027, 12, 31));
        let (starts_at, ends_at) = schedule(rng, kind, date);
        let year = date.year().to_string();
        let number = rng.random_range(1..=60).to_string();
        let sector = &SECTORS[sectors[0]];
        let p = &PROVINCES[province];
        let template = *pick(rng, info.titles);
        let title = replace_tokens(
            template,
            &[
                ("province", p.name),
                ("province_en", p.name_en),
                ("province2", PROVINCES[other].name),
                ("year", &year),
                ("n", &number),
                ("sector", sector.label.0),
                ("Sector", sector.name),
                ("sector_en", sector.name_en),
                ("topic", topic.label.0),
                ("Topic", &capitalized(topic.label.0)),
            ],
        );
        let key = numbered_key(&title, index);
        let website = organizer
            .website
            .as_ref()
            .filter(|_| rng.random_bool(0.5))
            .map(|site| format!("{}/su-kien/{key}", site.trim_end_matches('/')));
        let style = weighted(rng, &[(Style::Vi, 75), (Style::Both, 25)]);
        let mut text = Text::new(rng, &title, &sectors, Stage::Mvp);
        text.province = Some(province);
        text.party = &organizer.name;
        text.support = info.audience;
        let mut sentences = vec![EVENT_INTRO, info.content, EVENT_FOCUS];
        if rng.random_bool(0.5) {
            sentences.push(EVENT_REGISTER);
        }
        let description = text.compose(&sentences, style);
        EventRecord {
            key,
            title,
            kind,
            description,
            starts_at,
            ends_at: Some(ends_at),
            province: Some(p.key.into()),
            organizer: Some(organizer.key.clone()),
            sectors: keys_of(&sectors),
            website,
        }
    }
}

/// When an event of `kind` starting on `date` starts and ends.
fn schedule(
    rng: &mut Prng,
    kind: EventKind,
    date: NaiveDate,
) -> (DateTime<FixedOffset>, DateTime<FixedOffset>) {
    let days = |rng: &mut Prng, low: u64, high: u64| date + Days::new(rng.random_range(low..=high));
    match kind {
        EventKind::Festival => (at(date, 8, 0), at(days(rng, 0, 1), 17, 0)),
        EventKind::Fair => (at(date, 8, 30), at(days(rng, 1, 2), 17, 0)),
        EventKind::Training => (at(date, 8, 0), at(days(rng, 0, 2), 16, 30)),
        EventKind::StudyTour => (at(date, 7, 0), at(days(rng, 2, 4), 18, 0)),
        EventKind::Competition | EventKind::Conference => {
            let hour = *pick(rng, &[8, 9]);
            (
                at(date, hour, 0),
                at(date, hour + rng.random_range(4..=8), 0),
            )
        }
        EventKind::Networking => {
            let hour = *pick(rng, &[15, 18]);
            (at(date, hour, 30), at(date, hour + 2, 30))
        }
        EventKind::Pitching | EventKind::Workshop => {
            let hour = *pick(rng, &[8, 9, 13, 14]);
            (at(date, hour, 0), at(date, hour + 3, 0))
        }
    }
}

// ---------------------------------------------------------------------------
// Investments
// ---------------------------------------------------------------------------

impl World {
    /// About one investment per five startups, in startup order: rounds up
    /// to the startup's stage, dated after its founding, each backed by one
    /// or two investors that share a sector with it.
    fn investments(
        &self,
        startups: usize,
        book: &InvestorBook,
        out: &mut Emitter,
    ) -> io::Result<()> {
        if book.list.is_empty() {
            return Ok(());
        }
        let mut rng = self.stream(STREAM_INVESTMENTS);
        let rng = &mut rng;
        for index in 0..startups {
            let roll: f64 = rng.random();
            let (startup, _) = self.startup_core(index);
            let top = stage_index(startup.stage);
            if roll >= [0.02, 0.06, 0.2, 0.4, 0.55][top] {
                continue;
            }
            let earliest = startup.founded_on.unwrap_or(ymd(2025, 1, 1)) + Days::new(30);
            if earliest > last_date() {
                continue;
            }
            let top = if top > 0 && rng.random_bool(0.35) {
                top - 1
            } else {
                top
            };
            let rounds = match startup.stage {
                Stage::Seed => weighted(rng, &[(1, 80), (2, 20)]),
                Stage::SeriesA => weighted(rng, &[(1, 50), (2, 50)]),
                Stage::Growth => weighted(rng, &[(1, 30), (2, 40), (3, 30)]),
                _ => 1,
            }
            .min(top + 1);
            let mut dates: Vec<NaiveDate> = (0..rounds)
                .map(|_| date_between(rng, earliest, last_date()))
                .collect();
            dates.sort();
            for (r, date) in dates.into_iter().enumerate() {
                let round = Stage::ALL[top + 1 - rounds + r];
                let backers = weighted(rng, &[(1, 85), (2, 15)]);
                let mut taken: Vec<u32> = Vec::with_capacity(backers);
                for _ in 0..backers {
                    let Some(investor) = book.choose(rng, &startup, round, &taken) else {
                        break;
                    };
                    taken.push(investor);
                    let amount = book.amount(rng, investor, round);
                    out.emit(Record::Investment(InvestmentRecord {
                        investor: book.list[investor as usize].key.clone(),
                        startup: startup.key.clone(),
                        amount,
                        round,
                        date,
                        // About one round in eight is confidential, without
                        // drawing from the generator (the rest stays as it was).
                        confidential: (investor + date.ordinal()) % 8 == 0,
                    }))?;
                }
            }
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// Tables: sectors and their vocabularies
// ---------------------------------------------------------------------------

/// A priority sector and the words a text about it is made of. Every phrase
/// is a (Vietnamese, English) pair; product, customer and benefit phrases fit
/// the slots of the sentence templates ("{name} builds {product}, serving
/// {customer}", "... helps {customer} {benefit}").
struct SectorInfo {
    key: &'static str,
    name: &'static str,
    name_en: &'static str,
    /// The sector as named in running text.
    label: Pair,
    /// How often it is a startup's primary sector.
    weight: u32,
    /// More common in agricultural regions.
    rural: bool,
    /// Brand-name fragments.
    brand_en: &'static [&'static str],
    brand_vi: &'static [&'static str],
    products: &'static [Pair],
    problems: &'static [Pair],
    customers: &'static [Pair],
    benefits: &'static [Pair],
}

/// A province or centrally-run city.
struct ProvinceInfo {
    key: &'static str,
    name: &'static str,
    name_en: &'static str,
    region: &'static str,
    /// How much startup activity there is.
    weight: u32,
    /// The telephone area code, without the leading 0.
    area_code: &'static str,
    /// A centrally-run city (thành phố) rather than a province (tỉnh).
    city: bool,
    /// The label of its government web domain (`skhcn.{domain}.gov.vn`).
    domain: &'static str,
    /// One of the places of the plans in the seeds.
    plan: bool,
}

impl ProvinceInfo {
    fn is_rural(&self) -> bool {
        matches!(
            self.region,
            MEKONG_DELTA | CENTRAL_HIGHLANDS | NORTHERN_MOUNTAINS
        )
    }
}

// ---------------------------------------------------------------------------
// Tables: topics, sentence templates
// ---------------------------------------------------------------------------

/// A mentorship topic as written in texts and headlines.
struct TopicInfo {
    topic: Topic,
    label: Pair,
    headline: Pair,
}

/// Generated organisations, per kind.
struct OrgKindInfo {
    kind: OrganizationKind,
    weight: u32,
    /// "a business incubator".
    label: Pair,
    services: Pair,
    /// (name, web host) templates; a host without a dot is a social page.
    names: &'static [(&'static str, &'static str)],
}

/// Generated events, in the order of `EventKind::ALL`.
struct EventKindInfo {
    kind: EventKind,
    titles: &'static [&'static str],
    content: Pair,
    audience: Pair,
}

// ---------------------------------------------------------------------------
// Tables: the real organisations, events and public funds of the plans
// ---------------------------------------------------------------------------

/// A support organisation named in (or implied by) the plans.
struct RealOrg {
    key: &'static str,
    name: &'static str,
    kind: OrganizationKind,
    province: &'static str,
    website: Option<&'static str>,
    description: &'static str,
}

/// An event or programme session named in the plans, with a realistic date.
struct RealEvent {
    key: &'static str,
    title: &'static str,
    kind: EventKind,
    /// RFC 3339, Vietnamese time.
    starts_at: &'static str,
    ends_at: Option<&'static str>,
    province: &'static str,
    organizer: &'static str,
    website: Option<&'static str>,
    sectors: &'static [&'static str],
    description: &'static str,
}

/// A public fund named in the domain notes; the first investors written.
struct RealFund {
    key: &'static str,
    name: &'static str,
    website: Option<&'static str>,
    sectors: &'static [&'static str],
    stages: &'static [Stage],
    /// Ticket range in VND.
    ticket: (i64, i64),
    provinces: &'static [&'static str],
    thesis: &'static str,
}

use tables::*;

/// The data: sector vocabularies, provinces, sentence templates, names, and
/// the real organisations, events and public funds of the plans. Laid out
/// one entry per line by hand, so rustfmt leaves it alone.
#[rustfmt::skip]
mod tables {
    use super::*;

    pub(super) const SECTORS: &[SectorInfo] = &[
        SectorInfo {
            key: "ai", name: "Trí tuệ nhân tạo", name_en: "Artificial intelligence", label: ("trí tuệ nhân tạo (AI)", "AI"), weight: 9, rural: false,
            brand_en: &["AI", "Neuro", "Deep", "Vision", "Mind"], brand_vi: &["Trí", "Tuệ", "Minh", "Thông Minh"],
            products: &[
                ("trợ lý ảo tiếng Việt chăm sóc khách hàng", "a Vietnamese-language customer-service chatbot"),
                ("công nghệ nhận dạng giọng nói tiếng Việt ba miền", "speech recognition tuned to Vietnamese regional accents"),
                ("hệ thống thị giác máy tính giám sát giao thông", "computer-vision traffic monitoring"),
                ("mô hình ngôn ngữ lớn tinh chỉnh trên văn bản pháp luật", "a large language model fine-tuned on legal documents"),
                ("giải pháp bóc tách dữ liệu chứng từ tự động (OCR)", "automated document data extraction (OCR)"),
                ("nền tảng phân tích dữ liệu và dự báo nhu cầu bán lẻ", "retail demand-forecasting analytics"),
            ],
            problems: &[
                ("doanh nghiệp tốn nhiều nhân lực cho việc nhập liệu và trả lời khách hàng lặp đi lặp lại", "firms spend many staff hours on repetitive data entry and customer replies"),
                ("các mô hình AI nước ngoài chưa hiểu tốt tiếng Việt và giọng địa phương", "foreign AI models handle Vietnamese and local accents poorly"),
                ("dữ liệu doanh nghiệp nằm rải rác, khó khai thác để ra quyết định", "company data is scattered and hard to use for decisions"),
                ("đô thị thiếu công cụ giám sát giao thông thông minh", "cities lack smart traffic monitoring tools"),
            ],
            customers: &[
                ("ngân hàng và công ty bảo hiểm", "banks and insurers"),
                ("cơ quan nhà nước", "government agencies"),
                ("chuỗi bán lẻ", "retail chains"),
                ("tổng đài chăm sóc khách hàng", "contact centres"),
                ("các đề án đô thị thông minh", "smart-city programmes"),
            ],
            benefits: &[
                ("tự động hóa {p}% yêu cầu hỗ trợ khách hàng", "automate {p}% of support requests"),
                ("xử lý hàng nghìn chứng từ mỗi giờ", "process thousands of documents an hour"),
                ("ra quyết định dựa trên dữ liệu", "make data-driven decisions"),
                ("hiểu giọng nói tiếng Việt của cả ba miền", "understand Vietnamese accents from all three regions"),
            ],
        },
        SectorInfo {
            key: "fintech", name: "Công nghệ tài chính", name_en: "Fintech", label: ("công nghệ tài chính (fintech)", "fintech"), weight: 9, rural: false,
            brand_en: &["Pay", "Fin", "Coin", "Cash", "Lend"], brand_vi: &["Xu", "Ví", "Tiền", "Lộc", "Vàng"],
            products: &[
                ("ví điện tử của hộ kinh doanh nhỏ", "a merchant e-wallet built around small shops"),
                ("ứng dụng thanh toán di động bằng mã QR", "a QR-code mobile payment app"),
                ("nền tảng cho vay ngang hàng (P2P lending)", "a peer-to-peer lending platform"),
                ("mô hình chấm điểm tín dụng bằng dữ liệu thay thế", "an alternative-data credit-scoring engine"),
                ("phần mềm quản lý dòng tiền và hóa đơn điện tử", "cash-flow and e-invoicing software"),
                ("sản phẩm bảo hiểm vi mô qua điện thoại", "mobile micro-insurance"),
            ],
            problems: &[
                ("hàng triệu người lao động chưa có tài khoản ngân hàng và lịch sử tín dụng", "millions of workers have no bank account or credit history"),
                ("hộ kinh doanh nhỏ khó vay vốn vì thiếu tài sản thế chấp", "household businesses cannot borrow because they lack collateral"),
                ("chi phí chuyển tiền xuyên biên giới và kiều hối còn cao", "cross-border payments and remittances remain expensive"),
                ("doanh nghiệp nhỏ vẫn quản lý dòng tiền bằng sổ tay và bảng tính", "small firms still track cash flow in notebooks and spreadsheets"),
            ],
            customers: &[
                ("hộ kinh doanh cá thể", "household businesses"),
                ("công nhân tại các khu công nghiệp", "factory workers in industrial parks"),
                ("doanh nghiệp nhỏ và vừa", "SMEs"),
                ("tiểu thương ở chợ truyền thống", "traders at traditional markets"),
                ("công ty tài chính tiêu dùng", "consumer-finance companies"),
            ],
            benefits: &[
                ("nhận thanh toán không tiền mặt với mức phí thấp hơn {p}%", "accept cashless payments at {p}% lower fees"),
                ("tiếp cận khoản vay nhỏ chỉ trong 24 giờ", "get a micro-loan within 24 hours"),
                ("minh bạch dòng tiền và xuất hóa đơn điện tử đúng quy định", "keep cash flow transparent and issue compliant e-invoices"),
                ("đánh giá rủi ro tín dụng chính xác hơn", "price credit risk more accurately"),
            ],
        },
        SectorInfo {
            key: "edtech", name: "Công nghệ giáo dục", name_en: "Edtech", label: ("công nghệ giáo dục (edtech)", "edtech"), weight: 9, rural: false,
            brand_en: &["Edu", "Learn", "Class", "Study", "Tutor"], brand_vi: &["Học", "Bài", "Chữ", "Thầy Trò", "Sách"],
            products: &[
                ("nền tảng học tiếng Anh trực tuyến với trợ lý AI", "an online English course with an AI tutor"),
                ("hệ thống quản lý lớp học và sổ liên lạc điện tử", "a classroom management and school-messaging system"),
                ("kho bài giảng STEM tương tác", "interactive STEM lessons"),
                ("ứng dụng luyện thi tốt nghiệp THPT cá nhân hóa", "a personalised high-school exam-prep app"),
                ("nền tảng đào tạo kỹ năng số trực tuyến", "online digital-skills training"),
                ("bộ học liệu lập trình và robot", "coding and robotics kits"),
            ],
            problems: &[
                ("học sinh ở nông thôn ít có cơ hội học với giáo viên giỏi", "rural pupils rarely get access to good teachers"),
                ("giáo viên mất nhiều thời gian cho chấm bài và sổ sách", "teachers spend hours on grading and paperwork"),
                ("người lao động thiếu kỹ năng số khi doanh nghiệp chuyển đổi số", "workers lack digital skills as employers go digital"),
                ("phụ huynh khó theo dõi tiến độ học tập của con", "parents find it hard to follow their children's progress"),
            ],
            customers: &[
                ("học sinh trung học", "secondary-school pupils"),
                ("giáo viên và nhà trường", "teachers and schools"),
                ("sinh viên đại học", "university students"),
                ("người đi làm muốn nâng cao kỹ năng", "working adults who want to upskill"),
                ("trung tâm ngoại ngữ", "language centres"),
            ],
            benefits: &[
                ("cá nhân hóa lộ trình học và nâng điểm trung bình thêm {p}%", "personalise learning paths and raise average scores by {p}%"),
                ("tiết kiệm hàng giờ chấm bài mỗi tuần", "save hours of grading every week"),
                ("học mọi lúc mọi nơi trên điện thoại", "learn anywhere on a phone"),
                ("nâng cao kỹ năng số và cơ hội việc làm", "improve digital skills and job prospects"),
            ],
        },
        SectorInfo {
            key: "agritech", name: "Nông nghiệp công nghệ cao", name_en: "Agritech", label: ("nông nghiệp công nghệ cao", "smart agriculture"),
            weight: 11, rural: true, brand_en: &["Agri", "Farm", "Crop", "Harvest", "Soil"], brand_vi: &["Nông", "Lúa", "Vườn", "Mùa Vàng", "Gạo"],
            products: &[
                ("hệ thống cảm biến độ ẩm đất kết nối IoT", "IoT soil-moisture sensors"),
                ("nền tảng truy xuất nguồn gốc nông sản bằng mã QR", "QR-code traceability of farm produce"),
                ("ứng dụng phát hiện sâu bệnh trên lúa qua ảnh chụp điện thoại", "a phone app that spots rice pests and diseases from photos"),
                ("trạm quan trắc chất lượng nước ao nuôi thủy sản", "water-quality monitoring stations in shrimp and fish ponds"),
                ("hệ thống tưới nhỏ giọt tự động trong nhà màng", "automated drip irrigation in greenhouses"),
                ("sàn kết nối hợp tác xã với bếp ăn và siêu thị", "a marketplace linking cooperatives with canteens and supermarkets"),
            ],
            problems: &[
                ("nhiều hộ nông dân vẫn tưới tiêu và bón phân theo kinh nghiệm, gây lãng phí và giảm năng suất", "smallholders still irrigate and fertilise by rule of thumb, wasting inputs and losing yield"),
                ("nông sản không chứng minh được nguồn gốc nên bị ép giá khi xuất khẩu", "produce without proof of origin is sold cheaply to exporters"),
                ("xâm nhập mặn và thời tiết thất thường gây thiệt hại lớn cho người trồng lúa và nuôi tôm", "salinity intrusion and erratic weather hit rice and shrimp farmers hard"),
                ("hộ nuôi thủy sản thiếu dữ liệu về oxy hòa tan và độ pH trong ao", "fish and shrimp farmers lack data on dissolved oxygen and pH in their ponds"),
            ],
            customers: &[
                ("hợp tác xã trồng lúa", "rice cooperatives"),
                ("hộ nuôi tôm ở Đồng bằng sông Cửu Long", "shrimp farmers in the Mekong Delta"),
                ("trang trại rau thủy canh", "hydroponic vegetable farms"),
                ("doanh nghiệp xuất khẩu trái cây", "fruit exporters"),
                ("nông dân trồng cà phê và sầu riêng", "coffee and durian growers"),
            ],
            benefits: &[
                ("giảm {p}% lượng nước tưới và phân bón", "cut water and fertiliser use by {p}%"),
                ("truy xuất nguồn gốc lô hàng chỉ trong vài giây", "trace any shipment back to the farm in seconds"),
                ("phát hiện sớm sâu bệnh và giảm thất thoát sau thu hoạch", "spot pests early and reduce post-harvest losses"),
                ("đạt chứng nhận VietGAP và tiếp cận thị trường xuất khẩu", "obtain VietGAP certification and reach export markets"),
            ],
        },
        SectorInfo {
            key: "healthtech", name: "Y tế và chăm sóc sức khỏe", name_en: "Healthtech", label: ("y tế và chăm sóc sức khỏe", "healthtech"), weight: 8,
            rural: false, brand_en: &["Med", "Care", "Health", "Clinic", "Vita"], brand_vi: &["Khỏe", "An Khang", "Bình An", "Thảo Dược"],
            products: &[
                ("nền tảng khám bệnh từ xa (telemedicine)", "a telemedicine platform"),
                ("hồ sơ sức khỏe điện tử của phòng khám", "electronic health records in clinics"),
                ("phần mềm AI hỗ trợ đọc phim X-quang", "AI-assisted chest X-ray reading"),
                ("thiết bị theo dõi sức khỏe người cao tuổi tại nhà", "home health monitors for the elderly"),
                ("hệ thống đặt lịch khám và quản lý nhà thuốc", "appointment booking and pharmacy management"),
                ("ứng dụng chăm sóc sức khỏe bà mẹ và trẻ em", "a maternal and child health app"),
            ],
            problems: &[
                ("bệnh viện tuyến trên quá tải trong khi y tế cơ sở thiếu bác sĩ chuyên khoa", "central hospitals are overcrowded while district clinics lack specialists"),
                ("người bệnh mạn tính ở vùng xa khó tái khám định kỳ", "chronic patients in remote areas struggle to attend follow-ups"),
                ("nhiều phòng khám tư vẫn lưu hồ sơ bệnh án trên giấy", "many private clinics still keep paper medical records"),
                ("người cao tuổi sống một mình không được theo dõi sức khỏe thường xuyên", "elderly people living alone go unmonitored"),
            ],
            customers: &[
                ("phòng khám tư nhân", "private clinics"),
                ("bệnh viện tuyến huyện", "district hospitals"),
                ("người cao tuổi và gia đình", "elderly people and their families"),
                ("nhà thuốc", "pharmacies"),
                ("bà mẹ mang thai", "expectant mothers"),
            ],
            benefits: &[
                ("rút ngắn {p}% thời gian chờ khám", "cut waiting times by {p}%"),
                ("phát hiện sớm dấu hiệu bất thường và giảm biến chứng", "catch warning signs early and avoid complications"),
                ("kết nối bác sĩ chuyên khoa với y tế cơ sở", "connect specialists with primary care"),
                ("quản lý đơn thuốc và tồn kho chính xác", "manage prescriptions and stock accurately"),
            ],
        },
        SectorInfo {
            key: "social-impact", name: "Khởi nghiệp xã hội", name_en: "Social impact", label: ("khởi nghiệp xã hội", "social impact"), weight: 4,
            rural: false, brand_en: &["Kind", "Hope", "Share", "Together", "Good"], brand_vi: &["Thương", "Chung Tay", "Nhân Ái", "Sẻ Chia"],
            products: &[
                ("mô hình sinh kế từ nghề dệt thổ cẩm của phụ nữ dân tộc thiểu số", "a livelihood model built on ethnic-minority brocade weaving"),
                ("nền tảng việc làm của người khuyết tật", "a job platform run with people with disabilities"),
                ("chương trình thu gom và tái chế rác thải nhựa cộng đồng", "community plastic-waste collection and recycling"),
                ("bếp ăn xã hội hỗ trợ bệnh nhân nghèo", "a social kitchen serving low-income patients"),
                ("ứng dụng kết nối tình nguyện viên với các tổ chức thiện nguyện", "an app matching volunteers with charities"),
                ("mô hình du lịch cộng đồng tạo thu nhập tại chỗ", "community-based tourism that brings income to villages"),
            ],
            problems: &[
                ("nhiều phụ nữ nông thôn và người khuyết tật chưa có việc làm ổn định", "many rural women and people with disabilities lack stable work"),
                ("rác thải nhựa gây ô nhiễm sông ngòi và bờ biển", "plastic waste pollutes rivers and coastlines"),
                ("các nhóm yếu thế khó tiếp cận dịch vụ xã hội cơ bản", "vulnerable groups struggle to access basic social services"),
                ("nghề truyền thống mai một vì sản phẩm thiếu đầu ra", "traditional crafts are dying out for lack of buyers"),
            ],
            customers: &[
                ("phụ nữ nông thôn", "rural women"),
                ("người khuyết tật", "people with disabilities"),
                ("cộng đồng đồng bào dân tộc thiểu số", "ethnic-minority communities"),
                ("các tổ chức phi lợi nhuận", "non-profits"),
                ("chính quyền địa phương", "local authorities"),
            ],
            benefits: &[
                ("có việc làm và thu nhập ổn định", "find stable work and income"),
                ("tăng thu nhập hộ gia đình thêm {p}%", "raise household incomes by {p}%"),
                ("giảm lượng rác thải nhựa ra môi trường", "keep plastic out of the environment"),
                ("bảo tồn nghề truyền thống gắn với sinh kế bền vững", "preserve traditional crafts as a sustainable livelihood"),
            ],
        },
        SectorInfo {
            key: "tourism", name: "Du lịch", name_en: "Tourism", label: ("du lịch", "tourism"), weight: 6, rural: true,
            brand_en: &["Trip", "Travel", "Tour", "Stay", "Journey"], brand_vi: &["Du", "Miệt Vườn", "Chợ Nổi", "Phố Cổ", "Bến"],
            products: &[
                ("nền tảng đặt tour du lịch cộng đồng và homestay", "a booking platform for community tours and homestays"),
                ("ứng dụng thuyết minh tự động đa ngôn ngữ tại di tích", "a multilingual audio guide at heritage sites"),
                ("bản đồ số trải nghiệm chợ nổi và miệt vườn", "a digital map of floating markets and orchards"),
                ("phần mềm quản lý đặt phòng của homestay", "homestay booking software"),
                ("tour trải nghiệm nông nghiệp sinh thái", "eco-agritourism experiences"),
                ("ứng dụng thực tế ảo (VR) quảng bá điểm đến", "VR destination marketing"),
            ],
            problems: &[
                ("các homestay nhỏ phụ thuộc vào nền tảng đặt phòng quốc tế với phí hoa hồng cao", "small homestays depend on global booking sites with high commissions"),
                ("du khách khó tìm thông tin tin cậy về các điểm đến ít được biết đến", "travellers cannot find reliable information on lesser-known destinations"),
                ("sản phẩm du lịch địa phương còn đơn điệu và trùng lặp", "local tourism products are repetitive"),
                ("nhiều di tích thiếu thuyết minh viên ngoại ngữ", "many heritage sites lack foreign-language guides"),
            ],
            customers: &[
                ("homestay và nhà vườn", "homestays and orchard hosts"),
                ("công ty lữ hành", "tour operators"),
                ("du khách quốc tế", "international travellers"),
                ("ban quản lý di tích", "heritage site managers"),
                ("hợp tác xã du lịch cộng đồng", "community tourism cooperatives"),
            ],
            benefits: &[
                ("tăng {p}% lượng khách đặt trực tiếp", "raise direct bookings by {p}%"),
                ("giữ chân du khách lâu hơn", "keep visitors longer"),
                ("quảng bá đặc sản và văn hóa địa phương", "promote local specialities and culture"),
                ("quản lý đặt phòng và thanh toán trên một ứng dụng", "manage bookings and payments in one app"),
            ],
        },
        SectorInfo {
            key: "foodtech", name: "Công nghệ chế biến thực phẩm", name_en: "Food-processing technology",
            label: ("công nghệ chế biến thực phẩm", "food processing"), weight: 6, rural: true, brand_en: &["Food", "Fresh", "Kitchen", "Nutri", "Bake"],
            brand_vi: &["Bếp", "Ngon", "Mắm", "Bánh", "Trái Ngọt"],
            products: &[
                ("công nghệ sấy lạnh giữ nguyên dinh dưỡng trái cây", "cold-drying technology that keeps fruit nutrients"),
                ("dây chuyền chế biến sâu nông sản thành sản phẩm OCOP", "deep-processing lines turning produce into OCOP products"),
                ("bao bì sinh học kéo dài thời gian bảo quản", "bio-based packaging that extends shelf life"),
                ("nguyên liệu protein thực vật từ đậu nành và nấm", "plant-based protein from soy and mushrooms"),
                ("phần mềm quản lý an toàn thực phẩm theo HACCP", "HACCP food-safety management software"),
                ("công nghệ lên men nước mắm và đặc sản truyền thống", "fermentation technology for fish sauce and traditional specialities"),
            ],
            problems: &[
                ("phần lớn nông sản được bán thô nên giá trị gia tăng thấp", "most farm produce is sold raw with little value added"),
                ("tổn thất sau thu hoạch trái cây lên tới hàng chục phần trăm", "post-harvest fruit losses reach tens of percent"),
                ("cơ sở chế biến nhỏ khó đáp ứng tiêu chuẩn an toàn thực phẩm", "small processors struggle to meet food-safety standards"),
                ("người tiêu dùng lo ngại thực phẩm không rõ nguồn gốc", "consumers worry about food of unknown origin"),
            ],
            customers: &[
                ("cơ sở chế biến nhỏ", "small food processors"),
                ("chủ thể sản phẩm OCOP", "OCOP producers"),
                ("chuỗi siêu thị và cửa hàng tiện lợi", "supermarket and convenience chains"),
                ("doanh nghiệp xuất khẩu thực phẩm", "food exporters"),
                ("bếp ăn công nghiệp", "industrial canteens"),
            ],
            benefits: &[
                ("nâng giá trị nông sản thêm {p}%", "raise the value of produce by {p}%"),
                ("kéo dài thời gian bảo quản mà không dùng chất bảo quản", "extend shelf life without preservatives"),
                ("đạt tiêu chuẩn HACCP và ISO 22000", "meet HACCP and ISO 22000 standards"),
                ("đưa đặc sản địa phương lên kệ siêu thị", "put local specialities on supermarket shelves"),
            ],
        },
        SectorInfo {
            key: "industry-4", name: "Công nghệ công nghiệp 4.0", name_en: "Industry 4.0", label: ("công nghệ công nghiệp 4.0", "Industry 4.0"),
            weight: 5, rural: false, brand_en: &["Robo", "Factory", "Auto", "Sensor", "Twin"], brand_vi: &["Máy", "Xưởng", "Cơ Khí", "Thép"],
            products: &[
                ("hệ thống giám sát máy móc và bảo trì dự đoán", "machine monitoring and predictive maintenance"),
                ("robot tự hành trong kho xưởng", "autonomous mobile robots in warehouses"),
                ("hệ thống điều hành sản xuất (MES) theo thời gian thực", "a real-time manufacturing execution system (MES)"),
                ("camera AI kiểm tra lỗi sản phẩm trên dây chuyền", "AI cameras that inspect products on the line"),
                ("giải pháp bản sao số (digital twin) nhà máy", "factory digital twins"),
                ("cảm biến IoT công nghiệp đo điện năng tiêu thụ", "industrial IoT energy meters"),
            ],
            problems: &[
                ("nhà máy vừa và nhỏ dừng máy đột xuất gây thiệt hại lớn", "unplanned downtime costs small factories dearly"),
                ("kiểm tra chất lượng thủ công chậm và dễ sai sót", "manual quality inspection is slow and error-prone"),
                ("doanh nghiệp sản xuất thiếu dữ liệu để tối ưu năng suất", "manufacturers lack the data to improve productivity"),
                ("chi phí năng lượng chiếm tỷ trọng lớn trong giá thành", "energy is a large share of production cost"),
            ],
            customers: &[
                ("nhà máy cơ khí và điện tử", "mechanical and electronics plants"),
                ("doanh nghiệp trong khu công nghiệp", "firms in industrial parks"),
                ("nhà cung cấp linh kiện", "component suppliers"),
                ("xưởng dệt may và da giày", "garment and footwear workshops"),
                ("doanh nghiệp chế biến gỗ", "wood processors"),
            ],
            benefits: &[
                ("giảm {p}% thời gian dừng máy", "cut downtime by {p}%"),
                ("phát hiện lỗi sản phẩm với độ chính xác trên 98%", "catch defects with over 98% accuracy"),
                ("theo dõi hiệu suất thiết bị tổng thể (OEE) theo thời gian thực", "track overall equipment effectiveness (OEE) in real time"),
                ("tiết kiệm điện năng và chi phí vận hành", "save energy and operating costs"),
            ],
        },
        SectorInfo {
            key: "it", name: "Công nghệ thông tin", name_en: "Information technology", label: ("công nghệ thông tin", "information technology"),
            weight: 10, rural: false, brand_en: &["Soft", "Cloud", "Code", "Data", "Dev"], brand_vi: &["Số", "Mạng", "Mã", "Phần Mềm"],
            products: &[
                ("phần mềm ERP của doanh nghiệp nhỏ", "lightweight ERP software"),
                ("nền tảng SaaS quản lý bán hàng đa kênh", "a SaaS multi-channel sales platform"),
                ("dịch vụ điện toán đám mây và an ninh mạng", "cloud and cybersecurity services"),
                ("giải pháp chính quyền số cấp xã", "digital-government tools at commune level"),
                ("nền tảng low-code xây dựng ứng dụng nội bộ", "a low-code platform for internal apps"),
                ("hệ thống chữ ký số và hợp đồng điện tử", "digital signatures and e-contracts"),
            ],
            problems: &[
                ("doanh nghiệp nhỏ chưa đủ nguồn lực để tự xây dựng hệ thống công nghệ thông tin", "small firms lack the resources to build their own IT systems"),
                ("tấn công mạng và mã độc tống tiền ngày càng gia tăng", "cyber attacks and ransomware are rising"),
                ("thủ tục hành chính vẫn cần nhiều giấy tờ", "administrative procedures still need piles of paper"),
                ("dữ liệu bán hàng phân tán trên nhiều kênh", "sales data is scattered across channels"),
            ],
            customers: &[
                ("doanh nghiệp nhỏ và vừa", "SMEs"),
                ("ủy ban nhân dân cấp xã", "commune people's committees"),
                ("cửa hàng bán lẻ", "retail shops"),
                ("công ty phần mềm", "software houses"),
                ("trường học và bệnh viện", "schools and hospitals"),
            ],
            benefits: &[
                ("chuyển đổi số với chi phí thấp hơn {p}%", "go digital at {p}% lower cost"),
                ("bảo vệ dữ liệu trước tấn công mạng", "protect data against cyber attacks"),
                ("ký hợp đồng từ xa hợp lệ theo Luật Giao dịch điện tử", "sign legally valid contracts remotely"),
                ("quản lý toàn bộ đơn hàng trên một màn hình", "manage every order on one screen"),
            ],
        },
        SectorInfo {
            key: "indigenous-resources", name: "Khai thác tài nguyên bản địa", name_en: "Use of indigenous resources",
            label: ("khai thác tài nguyên bản địa", "indigenous resources"), weight: 3, rural: true,
            brand_en: &["Herb", "Native", "Craft", "Coco", "Bamboo"], brand_vi: &["Sâm", "Dừa", "Tràm", "Lục Bình", "Thổ Cẩm"],
            products: &[
                ("sản phẩm dược liệu từ sâm và cây thuốc bản địa", "herbal products from native ginseng and medicinal plants"),
                ("mỹ phẩm thiên nhiên từ dừa và tràm", "natural cosmetics from coconut and melaleuca"),
                ("đồ thủ công mỹ nghệ từ lục bình và tre", "handicrafts from water hyacinth and bamboo"),
                ("nền tảng thương mại hóa đặc sản vùng miền đạt chuẩn OCOP", "a platform selling OCOP-certified regional specialities"),
                ("chế phẩm sinh học từ vi sinh vật bản địa", "bio-products from native microorganisms"),
                ("vật liệu xây dựng từ tro trấu và xơ dừa", "building materials from rice-husk ash and coconut fibre"),
            ],
            problems: &[
                ("tài nguyên bản địa như dược liệu, lục bình, dừa chưa được khai thác đúng giá trị", "native resources such as herbs, water hyacinth and coconut are under-used"),
                ("đặc sản địa phương thiếu thương hiệu và chỉ dẫn địa lý", "local specialities lack brands and geographical indications"),
                ("phụ phẩm nông nghiệp như rơm rạ, vỏ trấu bị đốt bỏ gây ô nhiễm", "farm by-products such as straw and rice husk are burned, polluting the air"),
                ("người trồng dược liệu bán nguyên liệu thô với giá thấp", "herb growers sell raw material cheaply"),
            ],
            customers: &[
                ("hợp tác xã dược liệu", "herb cooperatives"),
                ("làng nghề truyền thống", "craft villages"),
                ("cửa hàng quà tặng và đặc sản", "gift and speciality shops"),
                ("doanh nghiệp mỹ phẩm", "cosmetics makers"),
                ("khách du lịch", "tourists"),
            ],
            benefits: &[
                ("nâng giá trị sản phẩm bản địa thêm {p}%", "raise the value of native products by {p}%"),
                ("xây dựng thương hiệu và chỉ dẫn địa lý cho đặc sản", "build brands and geographical indications for specialities"),
                ("tận dụng phụ phẩm nông nghiệp thay vì đốt bỏ", "reuse farm by-products instead of burning them"),
                ("tạo việc làm cho người dân làng nghề", "create jobs in craft villages"),
            ],
        },
        SectorInfo {
            key: "logistics", name: "Logistics và vận tải", name_en: "Logistics", label: ("logistics", "logistics"), weight: 5, rural: false,
            brand_en: &["Ship", "Cargo", "Freight", "Move", "Fleet"], brand_vi: &["Xe", "Kho", "Cảng", "Hàng"],
            products: &[
                ("nền tảng kết nối xe tải chạy chiều về", "a backhaul freight-matching platform"),
                ("phần mềm tối ưu lộ trình giao hàng chặng cuối", "last-mile route optimisation software"),
                ("mạng lưới kho lạnh chia sẻ bảo quản nông sản", "shared cold storage of fresh produce"),
                ("hệ thống theo dõi container theo thời gian thực tại cảng", "real-time container tracking at ports"),
                ("dịch vụ giao hàng bằng xe điện trong đô thị", "electric-vehicle urban delivery"),
                ("giải pháp quản lý kho thông minh (WMS)", "a smart warehouse management system (WMS)"),
            ],
            problems: &[
                ("hơn một nửa số chuyến xe tải chạy rỗng chiều về", "more than half of trucks return empty"),
                ("chi phí logistics chiếm tỷ trọng cao trong giá thành hàng hóa", "logistics costs weigh heavily on the price of goods"),
                ("nông sản thiếu kho lạnh nên hư hỏng trên đường vận chuyển", "produce spoils in transit for lack of cold storage"),
                ("chủ hàng khó theo dõi container qua cảng và kho bãi", "shippers cannot track containers through ports and depots"),
            ],
            customers: &[
                ("doanh nghiệp vận tải", "trucking companies"),
                ("chủ hàng xuất nhập khẩu", "importers and exporters"),
                ("cửa hàng thương mại điện tử", "online shops"),
                ("hợp tác xã nông sản", "produce cooperatives"),
                ("cảng cạn và kho bãi", "inland ports and depots"),
            ],
            benefits: &[
                ("giảm {p}% chi phí vận chuyển", "cut transport costs by {p}%"),
                ("giao hàng đúng hẹn và minh bạch hành trình", "deliver on time with full visibility"),
                ("bảo quản nông sản tươi lâu hơn", "keep produce fresh longer"),
                ("theo dõi container 24/7", "track containers around the clock"),
            ],
        },
        SectorInfo {
            key: "ecommerce", name: "Thương mại điện tử", name_en: "E-commerce", label: ("thương mại điện tử", "e-commerce"), weight: 8, rural: false,
            brand_en: &["Shop", "Cart", "Buy", "Deal", "Market"], brand_vi: &["Chợ", "Sạp", "Mua", "Hàng Việt"],
            products: &[
                ("sàn thương mại điện tử chuyên đặc sản OCOP", "an online marketplace of OCOP specialities"),
                ("công cụ bán hàng qua livestream của tiểu thương", "livestream selling tools built around small traders"),
                ("nền tảng social commerce mua chung theo nhóm", "a group-buying social-commerce platform"),
                ("chatbot chốt đơn trên mạng xã hội", "chatbots that close orders on social networks"),
                ("dịch vụ hoàn tất đơn hàng (fulfillment) trọn gói", "end-to-end order fulfilment"),
                ("website bán hàng dựng sẵn của hộ kinh doanh", "ready-made web shops"),
            ],
            problems: &[
                ("hộ sản xuất nhỏ chưa biết cách đưa sản phẩm lên kênh bán hàng trực tuyến", "small producers do not know how to sell online"),
                ("chi phí quảng cáo trên các sàn lớn ngày càng tăng", "advertising costs on the big marketplaces keep rising"),
                ("người bán online mất nhiều thời gian xử lý đơn và giao hàng", "online sellers spend hours on orders and shipping"),
                ("hàng giả, hàng nhái làm giảm niềm tin của người mua", "counterfeits erode buyers' trust"),
            ],
            customers: &[
                ("hộ sản xuất và tiểu thương", "small producers and traders"),
                ("chủ thể OCOP", "OCOP producers"),
                ("người bán hàng online", "online sellers"),
                ("thương hiệu tiêu dùng nội địa", "local consumer brands"),
                ("người tiêu dùng trẻ", "young shoppers"),
            ],
            benefits: &[
                ("tăng doanh số bán hàng trực tuyến thêm {p}%", "grow online sales by {p}%"),
                ("chốt đơn tự động 24/7", "close orders automatically around the clock"),
                ("giao hàng toàn quốc mà không cần kho riêng", "ship nationwide without their own warehouse"),
                ("tạo niềm tin bằng hàng chính hãng rõ nguồn gốc", "build trust with genuine, traceable goods"),
            ],
        },
        SectorInfo {
            key: "cleantech", name: "Năng lượng sạch và môi trường", name_en: "Cleantech", label: ("năng lượng sạch và môi trường", "cleantech"),
            weight: 5, rural: false, brand_en: &["Solar", "Eco", "Green", "Volt", "Carbon"], brand_vi: &["Nắng", "Gió", "Nước", "Xanh"],
            products: &[
                ("hệ thống điện mặt trời áp mái kèm lưu trữ", "rooftop solar with battery storage"),
                ("công nghệ xử lý nước thải chăn nuôi thành biogas", "technology turning livestock wastewater into biogas"),
                ("thiết bị lọc nước nhiễm mặn quy mô hộ gia đình", "household desalination filters"),
                ("nền tảng đo lường và giao dịch tín chỉ carbon", "a carbon-credit measurement and trading platform"),
                ("bao bì thay thế nhựa làm từ bã mía", "plastic-free packaging made of sugar-cane bagasse"),
                ("giải pháp quản lý năng lượng tòa nhà", "building energy management"),
            ],
            problems: &[
                ("nhiều hộ dân vùng ven biển thiếu nước ngọt vào mùa khô", "coastal households run short of fresh water in the dry season"),
                ("nước thải chăn nuôi gây ô nhiễm kênh rạch", "livestock wastewater pollutes canals"),
                ("giá điện tăng làm giảm sức cạnh tranh của doanh nghiệp", "rising electricity prices hurt competitiveness"),
                ("doanh nghiệp xuất khẩu chịu áp lực giảm phát thải khí nhà kính", "exporters face pressure to cut greenhouse-gas emissions"),
            ],
            customers: &[
                ("hộ gia đình vùng ven biển", "coastal households"),
                ("trang trại chăn nuôi", "livestock farms"),
                ("nhà máy và khu công nghiệp", "factories and industrial parks"),
                ("tòa nhà văn phòng", "office buildings"),
                ("doanh nghiệp xuất khẩu", "exporters"),
            ],
            benefits: &[
                ("giảm {p}% chi phí điện năng", "cut electricity costs by {p}%"),
                ("có nước sạch quanh năm", "have clean water all year round"),
                ("giảm phát thải, hướng tới mục tiêu Net Zero", "reduce emissions towards net zero"),
                ("biến chất thải thành năng lượng", "turn waste into energy"),
            ],
        },
    ];

    // ---------------------------------------------------------------------------
    // Tables: provinces
    // ---------------------------------------------------------------------------

    pub(super) const RED_RIVER_DELTA: &str = "Red River Delta";
    pub(super) const NORTHERN_MOUNTAINS: &str = "Northern Midlands and Mountains";
    pub(super) const NORTH_CENTRAL_COAST: &str = "North Central Coast";
    pub(super) const SOUTH_CENTRAL_COAST: &str = "South Central Coast";
    pub(super) const CENTRAL_HIGHLANDS: &str = "Central Highlands";
    pub(super) const SOUTH_EAST: &str = "South East";
    pub(super) const MEKONG_DELTA: &str = "Mekong Delta";

    pub(super) const PROVINCES: &[ProvinceInfo] = &[
        ProvinceInfo { key: "hai-phong", name: "Hải Phòng", name_en: "Hai Phong", region: RED_RIVER_DELTA, weight: 6, area_code: "225", city: true, domain: "haiphong", plan: true },
        ProvinceInfo { key: "hung-yen", name: "Hưng Yên", name_en: "Hung Yen", region: RED_RIVER_DELTA, weight: 3, area_code: "221", city: false, domain: "hungyen", plan: true },
        ProvinceInfo { key: "ho-chi-minh", name: "Thành phố Hồ Chí Minh", name_en: "Ho Chi Minh City", region: SOUTH_EAST, weight: 30, area_code: "28", city: true, domain: "hochiminhcity", plan: true },
        ProvinceInfo { key: "can-tho", name: "Cần Thơ", name_en: "Can Tho", region: MEKONG_DELTA, weight: 7, area_code: "292", city: true, domain: "cantho", plan: true },
        ProvinceInfo { key: "ha-noi", name: "Hà Nội", name_en: "Hanoi", region: RED_RIVER_DELTA, weight: 25, area_code: "24", city: true, domain: "hanoi", plan: false },
        ProvinceInfo { key: "bac-ninh", name: "Bắc Ninh", name_en: "Bac Ninh", region: RED_RIVER_DELTA, weight: 3, area_code: "222", city: false, domain: "bacninh", plan: false },
        ProvinceInfo { key: "quang-ninh", name: "Quảng Ninh", name_en: "Quang Ninh", region: RED_RIVER_DELTA, weight: 2, area_code: "203", city: false, domain: "quangninh", plan: false },
        ProvinceInfo { key: "thai-nguyen", name: "Thái Nguyên", name_en: "Thai Nguyen", region: NORTHERN_MOUNTAINS, weight: 2, area_code: "208", city: false, domain: "thainguyen", plan: false },
        ProvinceInfo { key: "lao-cai", name: "Lào Cai", name_en: "Lao Cai", region: NORTHERN_MOUNTAINS, weight: 1, area_code: "214", city: false, domain: "laocai", plan: false },
        ProvinceInfo { key: "thanh-hoa", name: "Thanh Hóa", name_en: "Thanh Hoa", region: NORTH_CENTRAL_COAST, weight: 2, area_code: "237", city: false, domain: "thanhhoa", plan: false },
        ProvinceInfo { key: "nghe-an", name: "Nghệ An", name_en: "Nghe An", region: NORTH_CENTRAL_COAST, weight: 2, area_code: "238", city: false, domain: "nghean", plan: false },
        ProvinceInfo { key: "hue", name: "Huế", name_en: "Hue", region: NORTH_CENTRAL_COAST, weight: 2, area_code: "234", city: true, domain: "hue", plan: false },
        ProvinceInfo { key: "da-nang", name: "Đà Nẵng", name_en: "Da Nang", region: SOUTH_CENTRAL_COAST, weight: 8, area_code: "236", city: true, domain: "danang", plan: false },
        ProvinceInfo { key: "khanh-hoa", name: "Khánh Hòa", name_en: "Khanh Hoa", region: SOUTH_CENTRAL_COAST, weight: 2, area_code: "258", city: false, domain: "khanhhoa", plan: false },
        ProvinceInfo { key: "dak-lak", name: "Đắk Lắk", name_en: "Dak Lak", region: CENTRAL_HIGHLANDS, weight: 2, area_code: "262", city: false, domain: "daklak", plan: false },
        ProvinceInfo { key: "lam-dong", name: "Lâm Đồng", name_en: "Lam Dong", region: CENTRAL_HIGHLANDS, weight: 2, area_code: "263", city: false, domain: "lamdong", plan: false },
        ProvinceInfo { key: "dong-nai", name: "Đồng Nai", name_en: "Dong Nai", region: SOUTH_EAST, weight: 3, area_code: "251", city: false, domain: "dongnai", plan: false },
        ProvinceInfo { key: "an-giang", name: "An Giang", name_en: "An Giang", region: MEKONG_DELTA, weight: 2, area_code: "296", city: false, domain: "angiang", plan: false },
        ProvinceInfo { key: "dong-thap", name: "Đồng Tháp", name_en: "Dong Thap", region: MEKONG_DELTA, weight: 2, area_code: "277", city: false, domain: "dongthap", plan: false },
        ProvinceInfo { key: "vinh-long", name: "Vĩnh Long", name_en: "Vinh Long", region: MEKONG_DELTA, weight: 1, area_code: "270", city: false, domain: "vinhlong", plan: false },
        ProvinceInfo { key: "ca-mau", name: "Cà Mau", name_en: "Ca Mau", region: MEKONG_DELTA, weight: 1, area_code: "290", city: false, domain: "camau", plan: false },
    ];

    /// In the order of `Topic::ALL`.
    pub(super) const TOPICS: &[TopicInfo] = &[
        TopicInfo { topic: Topic::CreativeThinking, label: ("tư duy sáng tạo", "creative thinking"), headline: ("Huấn luyện viên tư duy sáng tạo và design thinking", "Design-thinking coach") },
        TopicInfo { topic: Topic::IntellectualProperty, label: ("sở hữu trí tuệ", "intellectual property"), headline: ("Chuyên gia sở hữu trí tuệ và sáng chế", "IP and patent attorney") },
        TopicInfo { topic: Topic::BusinessManagement, label: ("quản trị doanh nghiệp", "business management"), headline: ("Chuyên gia quản trị doanh nghiệp", "Operations and management advisor") },
        TopicInfo { topic: Topic::Marketing, label: ("marketing", "marketing"), headline: ("Chuyên gia marketing số", "Marketing lead") },
        TopicInfo { topic: Topic::MarketResearch, label: ("nghiên cứu và thử nghiệm thị trường", "market research and testing"), headline: ("Chuyên gia nghiên cứu thị trường", "Market-research consultant") },
        TopicInfo { topic: Topic::BusinessModel, label: ("mô hình kinh doanh", "business models"), headline: ("Cố vấn xây dựng mô hình kinh doanh", "Business-model coach") },
        TopicInfo { topic: Topic::Fundraising, label: ("kỹ năng gọi vốn", "fundraising"), headline: ("Cố vấn gọi vốn và đầu tư", "Fundraising advisor") },
        TopicInfo { topic: Topic::DigitalTransformation, label: ("chuyển đổi số", "digital transformation"), headline: ("Chuyên gia chuyển đổi số", "Digital transformation lead") },
        TopicInfo { topic: Topic::Legal, label: ("thủ tục pháp lý", "legal matters"), headline: ("Chuyên gia pháp lý doanh nghiệp", "Corporate lawyer") },
        TopicInfo { topic: Topic::Tax, label: ("thuế và kế toán", "tax and accounting"), headline: ("Chuyên gia thuế và kế toán", "Tax advisor") },
        TopicInfo { topic: Topic::QualityStandards, label: ("tiêu chuẩn chất lượng và năng suất", "quality and productivity standards"), headline: ("Chuyên gia tiêu chuẩn chất lượng (ISO, VietGAP, HACCP)", "Quality and ISO auditor") },
        TopicInfo { topic: Topic::Ecommerce, label: ("thương mại điện tử", "e-commerce"), headline: ("Chuyên gia thương mại điện tử", "E-commerce growth lead") },
        TopicInfo { topic: Topic::Branding, label: ("xây dựng thương hiệu", "branding"), headline: ("Chuyên gia xây dựng thương hiệu", "Brand strategist") },
        TopicInfo { topic: Topic::TechnologyTransfer, label: ("chuyển giao công nghệ", "technology transfer"), headline: ("Chuyên gia chuyển giao công nghệ", "Technology-transfer officer") },
        TopicInfo { topic: Topic::ProductDevelopment, label: ("phát triển sản phẩm", "product development"), headline: ("Giám đốc sản phẩm", "Product manager") },
        TopicInfo { topic: Topic::InternationalExpansion, label: ("mở rộng thị trường quốc tế", "international expansion"), headline: ("Cố vấn mở rộng thị trường quốc tế", "Go-global advisor") },
    ];

    pub(super) const TAGLINES: &[Pair] = &[
        ("{product} cho {customer}", "{product} for {customer}"),
        ("{product} giúp {customer} {benefit}", "{product}, helping {customer} {benefit}"),
        ("giải pháp {sector} giúp {customer} {benefit}", "{sector} that helps {customer} {benefit}"),
        ("{product} – {benefit}", "{product}: {benefit}"),
    ];

    pub(super) const STARTUP_INTROS: &[Pair] = &[
        ("{name} phát triển {product}, phục vụ {customer}.", "{name} builds {product}, serving {customer}."),
        ("{name} là dự án khởi nghiệp đổi mới sáng tạo tại {province}, xây dựng {product}.", "{name} is an innovative startup from {province} building {product}."),
        ("{name} cung cấp {product} giúp {customer} {benefit}.", "{name} offers {product}, helping {customer} {benefit}."),
        ("ra đời tại {province}, {name} mang {product} đến với {customer}.", "founded in {province}, {name} brings {product} to {customer}."),
        ("doanh nghiệp khởi nghiệp {name} hoạt động trong lĩnh vực {sectors}, tập trung vào {product}.", "{name} works in {sectors}, focusing on {product}."),
    ];

    pub(super) const STARTUP_PROBLEMS: &[Pair] = &[
        ("hiện nay, {problem}.", "today, {problem}."),
        ("vấn đề chúng tôi giải quyết: {problem}.", "the problem we solve: {problem}."),
        ("tại {province}, {problem}, trong khi các giải pháp hiện có còn đắt và khó sử dụng.", "in {province}, {problem}, and existing solutions are expensive and hard to use."),
        ("khảo sát của nhóm cho thấy {problem}.", "our survey shows that {problem}."),
    ];

    pub(super) const STARTUP_SOLUTIONS: &[Pair] = &[
        ("giải pháp của chúng tôi dùng {product2} để {benefit2}.", "our solution uses {product2} to {benefit2}."),
        ("nhờ {product2}, {customer2} có thể {benefit2}.", "with {product2}, {customer2} can {benefit2}."),
        ("khách hàng mục tiêu còn có {customer2}; sản phẩm giúp họ {benefit2}.", "we also serve {customer2} and help them {benefit2}."),
    ];

    /// Per stage, in the order of `Stage::ALL`.
    pub(super) const TRACTION: [&[Pair]; 5] = [
        &[
            ("ý tưởng đang được kiểm chứng qua phỏng vấn {n} khách hàng tiềm năng.", "we have interviewed {n} potential customers to validate the idea."),
            ("nhóm đã hoàn thành nghiên cứu thị trường ban đầu và tham gia chương trình ươm tạo ý tưởng.", "the team has finished its first market research and joined an idea-incubation programme."),
        ],
        &[
            ("bản MVP đang được thử nghiệm với {n} người dùng đầu tiên.", "our MVP is being piloted with {n} early users."),
            ("sản phẩm mẫu đã chạy thử tại {k} điểm với phản hồi tích cực.", "a prototype has been tested at {k} sites with positive feedback."),
        ],
        &[
            ("doanh thu đạt {m} triệu đồng mỗi tháng, tăng {p}% so với quý trước.", "revenue has reached VND {m} million a month, up {p}% on the previous quarter."),
            ("dự án đã có {n} khách hàng trả phí và {k} đối tác phân phối.", "we have {n} paying customers and {k} distribution partners."),
        ],
        &[
            ("công ty phục vụ {n} khách hàng, doanh thu tăng {p}% mỗi năm.", "we serve {n} customers and revenue grows {p}% a year."),
            ("sau vòng gọi vốn hạt giống, công ty đã mở rộng ra {k} tỉnh thành.", "after a seed round we now operate in {k} provinces."),
        ],
        &[
            ("công ty hoạt động tại {k} tỉnh thành và đã bắt đầu xuất khẩu sang Đông Nam Á.", "we operate in {k} provinces and have started exporting to South-East Asia."),
            ("doanh thu năm vượt {b} tỷ đồng với hơn {n} khách hàng.", "annual revenue exceeds VND {b} billion with more than {n} customers."),
        ],
    ];

    pub(super) const STARTUP_ASKS: &[Pair] = &[
        ("dự án đang tìm kiếm {seeking} và cố vấn về {topics}.", "we are looking for {seeking} and mentors in {topics}."),
        ("đội ngũ {team} thành viên mong muốn kết nối với nhà đầu tư và chuyên gia về {topics}.", "our team of {team} wants to meet investors and experts in {topics}."),
        ("chúng tôi cần hỗ trợ về {topics} để {goal}.", "we need help with {topics} to {goal}."),
    ];

    /// What a startup wants to do next, per stage.
    pub(super) const GOALS: [Pair; 5] = [
        ("hoàn thiện ý tưởng và làm sản phẩm mẫu", "turn the idea into a prototype"),
        ("thương mại hóa sản phẩm", "bring the product to market"),
        ("mở rộng thị trường", "grow into new markets"),
        ("mở rộng ra toàn quốc", "scale nationwide"),
        ("vươn ra thị trường Đông Nam Á", "expand across South-East Asia"),
    ];

    pub(super) const THESIS_INTROS: &[Pair] = &[
        ("{name} đầu tư vào các doanh nghiệp khởi nghiệp lĩnh vực {sectors} ở giai đoạn {stages}.", "{name} invests in {sectors} startups at the {stages}."),
        ("chúng tôi tìm kiếm các startup {sectors} giai đoạn {stages} có đội ngũ mạnh và sản phẩm khác biệt.", "we back {sectors} startups at the {stages} with strong teams and differentiated products."),
        ("danh mục đầu tư của {name} tập trung vào {sectors}, ở giai đoạn {stages}.", "the portfolio of {name} focuses on {sectors}, at the {stages}."),
    ];

    pub(super) const THESIS_FOCUS: &[Pair] = &[
        ("chúng tôi đặc biệt quan tâm tới {product} và {product2}.", "we are especially interested in {product} and {product2}."),
        ("ưu tiên các đội ngũ phục vụ {customer} có khả năng {benefit}.", "we favour teams serving {customer} that can {benefit}."),
        ("cơ hội hấp dẫn với chúng tôi: {product}; {product2}.", "opportunities we like: {product}; {product2}."),
    ];

    pub(super) const THESIS_TICKET: Pair = ("khoản đầu tư điển hình từ {ticket_min} đến {ticket_max}.", "typical tickets range from {ticket_min} to {ticket_max}.");
    pub(super) const THESIS_SUPPORT: Pair = ("ngoài vốn, chúng tôi hỗ trợ {support}.", "beyond capital, we offer {support}.");
    pub(super) const THESIS_NATIONWIDE: Pair = ("đầu tư trên toàn quốc, ưu tiên dự án đã có khách hàng đầu tiên.", "we invest nationwide and like teams with first customers.");
    pub(super) const THESIS_REGIONAL: Pair = ("ưu tiên các dự án tại {provinces}.", "we focus on projects in {provinces}.");

    pub(super) const BIO_INTROS: &[Pair] = &[
        ("{name} có hơn {years} năm kinh nghiệm trong lĩnh vực {sectors}.", "{name} has more than {years} years of experience in {sectors}."),
        ("{name} là chuyên gia về {topics} với {years} năm làm việc trong ngành {sectors}.", "{name} is an expert in {topics} with {years} years in {sectors}."),
    ];
    pub(super) const BIO_TOPICS: Pair = ("thế mạnh chuyên môn: {topics}.", "areas of expertise: {topics}.");
    pub(super) const BIO_MENTORED: Pair = ("{pronoun} đã cố vấn cho {n} dự án khởi nghiệp tại {province}, trong đó có các dự án về {product}.", "{pronoun} has mentored {n} startups in {province}, including teams working on {product}.");
    pub(super) const BIO_JUDGED: Pair = ("từng là giám khảo {extra} và huấn luyện viên của nhiều chương trình ươm tạo.", "has judged {extra} and coached in several incubation programmes.");
    pub(super) const BIO_STYLE: Pair = ("phong cách cố vấn thực tế, tập trung vào {topic1}, số liệu và khách hàng.", "hands-on mentoring style, focused on {topic1}, numbers and customers.");

    pub(super) const JUDGED_EVENTS: &[Pair] = &[
        ("Techfest Việt Nam", "Techfest Vietnam"),
        ("cuộc thi Mekong Startup Runway", "the Mekong Startup Runway"),
        ("Giải thưởng I-Star", "the I-Star award"),
        ("Techfest Hải Phòng", "Techfest Haiphong"),
        ("Techfest Cần Thơ", "Techfest Can Tho"),
        ("cuộc thi Startup and Student Innovation Award", "the Startup and Student Innovation Award"),
    ];

    /// Where a mentor comes from, appended to a headline.
    pub(super) const BACKGROUNDS: &[Pair] = &[
        ("nguyên giám đốc một quỹ đầu tư mạo hiểm", "former VC fund director"),
        ("hơn 15 năm làm việc tại ngân hàng thương mại", "15+ years in commercial banking"),
        ("giảng viên đại học", "university lecturer"),
        ("nhà sáng lập hai startup", "two-time founder"),
        ("nguyên quản lý tại một công ty kiểm toán Big Four", "ex-Big Four manager"),
        ("cựu quản lý một sàn thương mại điện tử khu vực", "ex-regional e-commerce platform"),
        ("thành viên mạng lưới cố vấn khởi nghiệp quốc gia", "national startup mentor network"),
        ("nguyên giám đốc nhà máy FDI", "former FDI plant manager"),
    ];

    pub(super) const ORG_INTRO: Pair = ("{name} là {extra} tại {province}, hỗ trợ các dự án khởi nghiệp đổi mới sáng tạo trong lĩnh vực {sectors}.", "{name} is {extra} in {province} supporting innovative startups in {sectors}.");
    pub(super) const ORG_SERVICES: Pair = ("dịch vụ chính: {support}.", "services: {support}.");
    pub(super) const ORG_SCALE: Pair = ("mỗi năm đồng hành cùng khoảng {k}0 dự án và kết nối họ với cố vấn, nhà đầu tư và các chương trình của Sở Khoa học và Công nghệ.", "each year it works with about {k}0 projects and connects them with mentors, investors and the programmes of the Department of Science and Technology.");

    pub(super) const EVENT_INTRO: Pair = ("{name} do {party} tổ chức tại {province}, dành cho {support}.", "{name} is organised by {party} in {province} for {support}.");
    pub(super) const EVENT_FOCUS: Pair = ("chủ đề trọng tâm: {sectors}.", "focus: {sectors}.");
    pub(super) const EVENT_REGISTER: Pair = ("tham gia miễn phí, đăng ký trước trên cổng thông tin khởi nghiệp của địa phương.", "free to attend; please register on the local startup portal.");

    pub(super) const ORG_KINDS: &[OrgKindInfo] = &[
        OrgKindInfo {
            kind: OrganizationKind::Incubator, weight: 20, label: ("cơ sở ươm tạo", "a business incubator"),
            services: ("chương trình ươm tạo 6–12 tháng, văn phòng và phòng thí nghiệm dùng chung, tư vấn sở hữu trí tuệ", "6–12 month incubation, shared offices and labs, and IP advice"),
            names: &[
                ("Vườn ươm Doanh nghiệp {brand}", "{b}incubator.vn"),
                ("{brand} Incubator {province_en}", "{b}{pd}.vn"),
                ("Cơ sở ươm tạo công nghệ {brand} {province}", "uomtao{b}.vn"),
            ],
        },
        OrgKindInfo {
            kind: OrganizationKind::Accelerator, weight: 12, label: ("tổ chức thúc đẩy kinh doanh", "an accelerator"),
            services: ("chương trình tăng tốc 3 tháng, kết nối khách hàng doanh nghiệp và Demo Day với các quỹ đầu tư", "a three-month acceleration programme, introductions to corporate customers and a demo day with investors"),
            names: &[
                ("{brand} Accelerator", "{b}accelerator.vn"),
                ("Chương trình Tăng tốc Khởi nghiệp {brand}", "tangtoc{b}.vn"),
                ("{brand} Venture Studio", "{b}studio.vn"),
            ],
        },
        OrgKindInfo {
            kind: OrganizationKind::Coworking, weight: 20, label: ("không gian làm việc chung", "a co-working space"),
            services: ("chỗ ngồi linh hoạt, phòng họp, sự kiện cộng đồng và giờ hỏi đáp với cố vấn", "flexible desks, meeting rooms, community events and mentor office hours"),
            names: &[
                ("{brand} Coworking {province_en}", "{b}coworking.vn"),
                ("Không gian làm việc chung {brand}", "{b}space.vn"),
                ("{brand} Hub {province_en}", "{b}hub.vn"),
            ],
        },
        OrgKindInfo {
            kind: OrganizationKind::StartupClub, weight: 18, label: ("câu lạc bộ khởi nghiệp", "a startup club"),
            services: ("sinh hoạt định kỳ, chia sẻ kinh nghiệm, cuộc thi ý tưởng và giao lưu với doanh nhân", "regular meet-ups, experience sharing, idea contests and introductions to entrepreneurs"),
            names: &[
                ("Câu lạc bộ Khởi nghiệp {group} {province}", "clbkhoinghiep{group_d}{pd}"),
                ("CLB Khởi nghiệp {group} – {province}", "startup{group_d}{pd}"),
            ],
        },
        OrgKindInfo {
            kind: OrganizationKind::UniversityCenter, weight: 14, label: ("trung tâm khởi nghiệp của nhà trường", "a university startup centre"),
            services: ("đào tạo khởi nghiệp cho sinh viên, ươm tạo ý tưởng và thương mại hóa kết quả nghiên cứu", "startup training for students, idea incubation and commercialisation of research"),
            names: &[
                ("Trung tâm Đổi mới sáng tạo – Trường Đại học {field} {province}", "dmst.dh{field_d}{pd}.edu.vn"),
                ("Trung tâm Khởi nghiệp sinh viên – Trường Cao đẳng {field} {province}", "khoinghiep.cd{field_d}{pd}.edu.vn"),
            ],
        },
        OrgKindInfo {
            kind: OrganizationKind::SupportCenter, weight: 8, label: ("trung tâm hỗ trợ khởi nghiệp", "a startup support centre"),
            services: ("tư vấn thủ tục, đào tạo, kết nối nguồn vốn và các chương trình hỗ trợ của tỉnh", "advice on procedures, training, access to finance and provincial support programmes"),
            names: &[
                ("Trung tâm Hỗ trợ doanh nghiệp nhỏ và vừa {province}", "smesupport{pd}.org.vn"),
                ("Trung tâm Hỗ trợ khởi nghiệp {brand} {province}", "{b}{pd}.org.vn"),
            ],
        },
        OrgKindInfo {
            kind: OrganizationKind::TechTransferOffice, weight: 8, label: ("tổ chức trung gian chuyển giao công nghệ", "a technology-transfer office"),
            services: ("định giá công nghệ, đăng ký sở hữu trí tuệ và môi giới chuyển giao công nghệ", "technology valuation, IP registration and technology-transfer brokerage"),
            names: &[
                ("Văn phòng Chuyển giao công nghệ {brand}", "{b}tto.vn"),
                ("Trung tâm Ứng dụng tiến bộ khoa học và công nghệ {province}", "ungdungkhcn{pd}.vn"),
            ],
        },
    ];

    pub(super) const ORG_BRANDS: &[&str] = &[
        "Bình Minh",
        "Khởi Nguồn",
        "Ươm Mầm",
        "Sáng Tạo",
        "Kết Nối",
        "Bệ Phóng",
        "Hạt Giống",
        "Cất Cánh",
        "Tổ Ong",
        "Nest",
        "Launch",
        "Spark",
        "Orbit",
        "Lotus",
        "Bamboo",
        "Delta",
        "Phù Sa",
        "Sen Việt",
        "Ánh Dương",
        "Tương Lai",
    ];

    /// (Vietnamese, web label) of the groups startup clubs gather.
    pub(super) const CLUB_GROUPS: &[(&str, &str)] = &[
        ("Sinh viên", "sinhvien"),
        ("Doanh nhân trẻ", "doanhnhantre"),
        ("Phụ nữ", "phunu"),
        ("Nông dân", "nongdan"),
        ("Thanh niên", "thanhnien"),
    ];

    /// (Vietnamese, web label) of the fields universities are named after.
    pub(super) const UNIVERSITY_FIELDS: &[(&str, &str)] = &[
        ("Kinh tế", "kinhte"),
        ("Kỹ thuật", "kythuat"),
        ("Công nghiệp", "congnghiep"),
        ("Nông Lâm", "nonglam"),
        ("Y Dược", "yduoc"),
        ("Công nghệ", "congnghe"),
        ("Sư phạm", "supham"),
    ];

    pub(super) const EVENT_KINDS: &[EventKindInfo] = &[
        EventKindInfo {
            kind: EventKind::Festival,
            titles: &[
                "Ngày hội Khởi nghiệp đổi mới sáng tạo {province} {year}",
                "Techfest {province} {year}",
            ],
            content: ("chương trình gồm triển lãm sản phẩm, phiên gọi vốn, hội thảo chuyên đề và kết nối đầu tư.", "the programme includes a product showcase, pitching sessions, talks and investor matchmaking."),
            audience: ("doanh nghiệp khởi nghiệp, nhà đầu tư, sinh viên và người dân quan tâm", "startups, investors, students and the public"),
        },
        EventKindInfo {
            kind: EventKind::Competition,
            titles: &[
                "Cuộc thi Ý tưởng khởi nghiệp {sector} {province} {year}",
                "Giải thưởng Khởi nghiệp sáng tạo {province} {year}",
            ],
            content: ("các đội thi trình bày dự án trước hội đồng giám khảo; đội đoạt giải được ươm tạo và kết nối với quỹ đầu tư.", "teams pitch to a jury; winners join an incubation programme and meet investors."),
            audience: ("học sinh, sinh viên và các nhóm khởi nghiệp", "pupils, students and startup teams"),
        },
        EventKindInfo {
            kind: EventKind::Pitching,
            titles: &[
                "Trải nghiệm gọi vốn – Demo Day {province} {year}",
                "Pitching Night #{n}: {sector_en}",
            ],
            content: ("mỗi dự án có 5 phút thuyết trình và 10 phút hỏi đáp với nhà đầu tư thiên thần và quỹ đầu tư mạo hiểm.", "each team has five minutes to pitch and ten minutes of questions from angels and VC funds."),
            audience: ("dự án khởi nghiệp đang gọi vốn và nhà đầu tư", "startups raising money and investors"),
        },
        EventKindInfo {
            kind: EventKind::Workshop,
            titles: &[
                "Workshop: {Topic} cho doanh nghiệp khởi nghiệp",
                "Workshop {Sector}: từ ý tưởng đến sản phẩm",
            ],
            content: ("chuyên gia chia sẻ công cụ thực hành, học viên làm bài tập theo nhóm trên chính dự án của mình.", "experts share practical tools and participants work in groups on their own projects."),
            audience: ("nhà sáng lập và đội ngũ khởi nghiệp", "founders and startup teams"),
        },
        EventKindInfo {
            kind: EventKind::Training,
            titles: &[
                "Khóa huấn luyện {topic} – {province} {year}",
                "Tập huấn khởi nghiệp đổi mới sáng tạo cơ bản – {province} {year}",
            ],
            content: ("khóa học gồm các học phần về mô hình kinh doanh, tài chính, sở hữu trí tuệ và kỹ năng gọi vốn, có cấp chứng nhận.", "the course covers business models, finance, intellectual property and fundraising, with a certificate."),
            audience: ("cán bộ hỗ trợ khởi nghiệp, giảng viên và nhà sáng lập", "startup support staff, lecturers and founders"),
        },
        EventKindInfo {
            kind: EventKind::Networking,
            titles: &[
                "Cà phê công nghệ #{n}: {Sector}",
                "Startup Networking Night {province_en} #{n}",
            ],
            content: ("buổi gặp gỡ thân mật kết nối nhà khoa học, doanh nghiệp và nhà đầu tư quanh một xu hướng công nghệ.", "an informal meet-up connecting scientists, companies and investors around a technology trend."),
            audience: ("cộng đồng khởi nghiệp và đổi mới sáng tạo", "the startup and innovation community"),
        },
        EventKindInfo {
            kind: EventKind::Conference,
            titles: &[
                "Đối thoại giữa chính quyền và doanh nghiệp khởi nghiệp {province} {year}",
                "Diễn đàn {Sector} {year}",
            ],
            content: ("lãnh đạo địa phương lắng nghe kiến nghị về chính sách, thủ tục và nguồn vốn cho khởi nghiệp.", "local leaders hear proposals on policy, procedures and access to capital."),
            audience: ("doanh nghiệp khởi nghiệp, hiệp hội và cơ quan quản lý", "startups, associations and government agencies"),
        },
        EventKindInfo {
            kind: EventKind::Fair,
            titles: &[
                "Techmart {Sector} {province} {year}",
                "Triển lãm sản phẩm khởi nghiệp đổi mới sáng tạo {province} {year}",
            ],
            content: ("hàng trăm gian hàng giới thiệu công nghệ, thiết bị và sản phẩm khởi nghiệp, có khu kết nối cung cầu công nghệ.", "hundreds of booths show technologies, equipment and startup products, with a technology matchmaking zone."),
            audience: ("doanh nghiệp, hợp tác xã, nhà khoa học và người mua công nghệ", "companies, cooperatives, scientists and technology buyers"),
        },
        EventKindInfo {
            kind: EventKind::StudyTour, titles: &["Hành trình khởi nghiệp: {province} – {province2} {year}"],
            content: ("đoàn tham quan các trung tâm đổi mới sáng tạo, vườn ươm và doanh nghiệp tiêu biểu để học hỏi mô hình.", "the delegation visits innovation centres, incubators and leading companies to learn from their models."),
            audience: ("nhóm khởi nghiệp, cán bộ hỗ trợ và giảng viên", "startup teams, support staff and lecturers"),
        },
    ];

    // ---------------------------------------------------------------------------
    // Tables: names
    // ---------------------------------------------------------------------------

    pub(super) const NAME_SUFFIXES: &[&str] = &[
        "Tech", "Hub", "Lab", "Link", "Go", "Care", "Sense", "Chain", "Flow", "Mate", "Box", "Way",
        "Net", "Loop", "Works", "Hive", "Pulse", "Nest", "Spark", "Bridge", "Plus", "One",
    ];
    pub(super) const NAME_TIGHT_SUFFIXES: &[&str] = &["ly", "ify", "io", "X", "Pro", "AI", "Now"];
    pub(super) const NAME_PREFIXES: &[&str] = &[
        "Viet", "Mekong", "Saigon", "Sen", "Lotus", "Delta", "Tre", "Mai", "Lac", "Nam", "Kita",
        "Bamboo", "Hanoi", "Song",
    ];
    pub(super) const NAME_WORDS: &[&str] = &[
        "Xanh",
        "Việt",
        "Sen",
        "Mekong",
        "Mầm",
        "Tre",
        "Phù Sa",
        "Cửu Long",
        "Sông",
        "Mây",
        "Làng",
        "Hạt",
        "Đất",
        "Biển",
        "Sao",
        "Ánh",
        "An",
        "Phúc",
        "Hồng",
        "Lam",
        "Nắng",
        "Gió",
        "Lúa",
    ];

    /// The commonest family names, with their rough shares.
    pub(super) const FAMILY_NAMES: &[(&str, u32)] = &[
        ("Nguyễn", 38),
        ("Trần", 11),
        ("Lê", 10),
        ("Phạm", 7),
        ("Hoàng", 5),
        ("Huỳnh", 5),
        ("Phan", 5),
        ("Vũ", 4),
        ("Võ", 4),
        ("Đặng", 2),
        ("Bùi", 2),
        ("Đỗ", 2),
        ("Hồ", 1),
        ("Ngô", 1),
        ("Dương", 1),
        ("Lý", 1),
    ];
    pub(super) const MIDDLE_NAMES_MALE: &[&str] = &[
        "Văn", "Minh", "Hoàng", "Quốc", "Đức", "Thanh", "Hữu", "Công", "Anh", "Tuấn", "Gia",
    ];
    pub(super) const MIDDLE_NAMES_FEMALE: &[&str] = &[
        "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Phương", "Hồng", "Bích", "Thùy", "Khánh", "Mai",
    ];
    pub(super) const GIVEN_NAMES_MALE: &[&str] = &[
        "An", "Bảo", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Huy", "Khang", "Khoa", "Long",
        "Minh", "Nam", "Phong", "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Trung", "Tuấn", "Việt", "Vinh",
    ];
    pub(super) const GIVEN_NAMES_FEMALE: &[&str] = &[
        "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hương", "Lan", "Linh", "Mai", "Ngân",
        "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Trang", "Trinh", "Uyên", "Vy", "Yến",
    ];
    pub(super) const WESTERN_GIVEN_MALE: &[&str] = &[
        "David", "Michael", "Peter", "Daniel", "Kevin", "Thomas", "Andrew", "James",
    ];
    pub(super) const WESTERN_GIVEN_FEMALE: &[&str] = &[
        "Anna", "Sarah", "Linda", "Emily", "Julia", "Sophie", "Helen", "Grace",
    ];
    pub(super) const OVERSEAS_FAMILY_NAMES: &[&str] = &[
        "Nguyen", "Tran", "Le", "Pham", "Hoang", "Vo", "Smith", "Tanaka", "Kim", "Lim", "Müller",
        "Dubois",
    ];

    pub(super) const VC_NAMES: &[&str] = &[
        "Phù Sa",
        "Sông Hàn",
        "Trường Sơn",
        "Bạch Đằng",
        "Sao Khuê",
        "Tràng An",
        "Cửu Long",
        "Lạc Hồng",
        "Ngọc Trai",
        "Phương Nam",
        "Hoa Sen",
        "Rồng Xanh",
        "Hải Vân",
        "Tây Đô",
        "Kinh Bắc",
        "Mekong",
        "Bến Nghé",
        "Núi Ngự",
    ];
    pub(super) const VC_TEMPLATES: &[(&str, &str)] = &[
        ("{x} Ventures", "{cx}ventures.vn"),
        ("{x} Capital", "{cx}capital.com"),
        ("Quỹ Đầu tư {x} Ventures", "{cx}.vc"),
        ("{x} Venture Partners", "{cx}vp.com"),
        ("Quỹ Đầu tư Khởi nghiệp {x}", "{cx}fund.vn"),
        ("{x} Seed Fund", "{cx}seed.vn"),
    ];
    pub(super) const FOREIGN_VC_NAMES: &[&str] = &[
        "Monsoon",
        "Pacific Delta",
        "Bamboo Bridge",
        "Southbound",
        "Equator",
        "Archipelago",
        "Lantern",
        "Tidewater",
        "Junction Asia",
        "Harbourlight",
    ];
    pub(super) const FOREIGN_VC_TEMPLATES: &[(&str, &str)] = &[
        ("{x} Ventures", "{cx}.vc"),
        ("{x} Capital (Singapore)", "{cx}capital.sg"),
        ("{x} Partners", "{cx}partners.com"),
    ];
    pub(super) const CORPORATE_NAMES: &[&str] = &[
        "Hải Âu Xanh",
        "Đại Lộc Phát",
        "Minh Tâm Long",
        "Kim Ngân Việt",
        "An Phú Thịnh",
        "Sông Lam Xanh",
        "Phúc Hưng Long",
        "Nam Việt Tiến",
        "Thiên Ân Phát",
        "Hoàng Gia Mekong",
    ];
    pub(super) const CORPORATE_TEMPLATES: &[(&str, &str)] = &[
        ("Quỹ Đổi mới sáng tạo Tập đoàn {x}", "{cx}group.vn"),
        ("{x} Corporate Ventures", "{cx}.com.vn"),
        ("Ban Đầu tư đổi mới – Tổng Công ty {x}", "{cx}corp.vn"),
        ("{x} Group CVC", "cvc.{cx}.vn"),
    ];
    pub(super) const ACCELERATOR_NAMES: &[&str] = &[
        "Ươm Mầm",
        "Bệ Phóng",
        "Khởi Nguồn",
        "Cất Cánh",
        "Tăng Tốc Việt",
        "Rising Lotus",
        "Delta Launch",
        "Northstar Việt",
        "Mekong Rise",
        "Sao Mai",
    ];
    pub(super) const ACCELERATOR_TEMPLATES: &[(&str, &str)] = &[
        ("{x} Accelerator", "{cx}accelerator.vn"),
        ("Chương trình Tăng tốc {x}", "{cx}.vn"),
        ("{x} Launchpad", "{cx}launchpad.vn"),
        ("{x} Startup Studio", "{cx}studio.vn"),
    ];
    pub(super) const PUBLIC_FUND_TEMPLATES: &[(&str, &str)] = &[
        ("Quỹ Phát triển khoa học và công nghệ {province}", "quykhcn.{pd}.gov.vn"),
        ("Quỹ Hỗ trợ khởi nghiệp đổi mới sáng tạo {province}", "quykhoinghiep.{pd}.gov.vn"),
    ];

    pub(super) const REAL_ORGANIZATIONS: &[RealOrg] = &[
        RealOrg {
            key: "natec", name: "Cục Phát triển thị trường và doanh nghiệp khoa học và công nghệ (NATEC)", kind: OrganizationKind::GovernmentAgency,
            province: "ha-noi", website: None,
            description: "Đơn vị thuộc Bộ Khoa học và Công nghệ, thường trực Đề án 844 “Hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo quốc gia”; tổ chức Ngày hội Khởi nghiệp đổi mới sáng tạo quốc gia (Techfest Việt Nam) và phối hợp với các địa phương như Cần Thơ tổ chức Techfest vùng. The agency of the Ministry of Science and Technology that runs Project 844 and Techfest Vietnam.",
        },
        RealOrg {
            key: "dost-hai-phong", name: "Sở Khoa học và Công nghệ thành phố Hải Phòng", kind: OrganizationKind::GovernmentAgency, province: "hai-phong",
            website: Some("https://skhcn.haiphong.gov.vn"),
            description: "Cơ quan thường trực Kế hoạch phát triển hệ sinh thái khởi nghiệp đổi mới sáng tạo thành phố Hải Phòng giai đoạn 2021–2025: hỗ trợ 300 dự án khởi nghiệp, trong đó ít nhất 20% gọi vốn thành công từ nhà đầu tư; tổ chức Techfest Hải Phòng hằng năm; thu hút 150–200 huấn luyện viên, cố vấn, chuyên gia và nhà đầu tư.",
        },
        RealOrg {
            key: "dost-hung-yen", name: "Sở Khoa học và Công nghệ tỉnh Hưng Yên", kind: OrganizationKind::GovernmentAgency, province: "hung-yen",
            website: Some("https://skhcn.hungyen.gov.vn"),
            description: "Cơ quan chủ trì Kế hoạch 142/KH-UBND hỗ trợ khởi nghiệp đổi mới sáng tạo tỉnh Hưng Yên giai đoạn 2021–2025: đào tạo khoảng 10.000 lượt người, xây dựng 2 cơ sở ươm tạo và khu làm việc chung, mỗi huyện có câu lạc bộ khởi nghiệp, mỗi năm 3–5 dự án khởi nghiệp thành công.",
        },
        RealOrg {
            key: "dost-ho-chi-minh", name: "Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh", kind: OrganizationKind::GovernmentAgency,
            province: "ho-chi-minh", website: Some("https://dost.hochiminhcity.gov.vn"),
            description: "Cơ quan chủ trì Đề án hỗ trợ phát triển hệ sinh thái khởi nghiệp đổi mới sáng tạo Thành phố giai đoạn 2021–2025: ươm tạo 200 dự án, nâng cao năng lực đổi mới sáng tạo cho 600 doanh nghiệp; tổ chức WHISE và Giải thưởng I-Star, vận hành Sàn giao dịch công nghệ (Techport) và nền tảng đổi mới sáng tạo mở H.OIP. Runs WHISE, the I-Star award, Techport and the H.OIP open-innovation platform.",
        },
        RealOrg {
            key: "dost-can-tho", name: "Sở Khoa học và Công nghệ thành phố Cần Thơ", kind: OrganizationKind::GovernmentAgency, province: "can-tho",
            website: Some("https://skhcn.cantho.gov.vn"),
            description: "Cơ quan chủ trì Kế hoạch 135/KH-UBND: hỗ trợ ít nhất 50 ý tưởng, dự án khởi nghiệp; mỗi năm 3 sự kiện kết nối địa phương và 1 sự kiện cấp vùng; tổ chức Techfest Cần Thơ, Mekong Startup Runway và chương trình Trải nghiệm gọi vốn, hướng tới đưa Cần Thơ thành trung tâm khởi nghiệp đổi mới sáng tạo của vùng Đồng bằng sông Cửu Long vào năm 2030.",
        },
        RealOrg {
            key: "sihub", name: "Trung tâm Khởi nghiệp đổi mới sáng tạo Thành phố Hồ Chí Minh (SIHUB – Saigon Innovation Hub)",
            kind: OrganizationKind::SupportCenter, province: "ho-chi-minh", website: Some("https://sihub.hochiminhcity.gov.vn"),
            description: "Trung tâm trực thuộc Sở Khoa học và Công nghệ TP.HCM: không gian làm việc chung, chương trình ươm tạo và tăng tốc, huấn luyện kỹ năng gọi vốn, kết nối startup với quỹ đầu tư và doanh nghiệp lớn; đối tác của Cần Thơ trong các sự kiện khởi nghiệp cấp vùng. Saigon Innovation Hub offers co-working, incubation, acceleration and investor matchmaking.",
        },
        RealOrg {
            key: "castihub", name: "Trung tâm Hỗ trợ khởi nghiệp sáng tạo thành phố Cần Thơ (CASTI Hub)", kind: OrganizationKind::SupportCenter,
            province: "can-tho", website: Some("https://castihub.vn"),
            description: "Đầu mối hỗ trợ khởi nghiệp của Cần Thơ: vận hành diễn đàn trực tuyến castihub.vn và sàn giao dịch ý tưởng, sản phẩm khởi nghiệp; tổ chức tập huấn, chương trình Trải nghiệm gọi vốn và kết nối các dự án với nhà đầu tư trong vùng Đồng bằng sông Cửu Long. Cantho Startup and Innovation Hub.",
        },
        RealOrg {
            key: "hai-phong-startup-centre", name: "Trung tâm Hỗ trợ khởi nghiệp đổi mới sáng tạo thành phố Hải Phòng",
            kind: OrganizationKind::SupportCenter, province: "hai-phong", website: None,
            description: "Trung tâm hỗ trợ khởi nghiệp tổng hợp của thành phố theo Kế hoạch 2021–2025: tư vấn, đào tạo, ươm tạo và kết nối dự án với quỹ đầu tư, Chi nhánh VCCI tại Hải Phòng và các trường đại học, cao đẳng.",
        },
        RealOrg {
            key: "hai-phong-tech-exchange", name: "Sàn Giao dịch công nghệ và thiết bị Hải Phòng", kind: OrganizationKind::TechTransferOffice,
            province: "hai-phong", website: None,
            description: "Đơn vị thuộc Sở Khoa học và Công nghệ Hải Phòng: kết nối cung cầu công nghệ, hỗ trợ chuyển giao công nghệ và thương mại hóa sản phẩm khởi nghiệp.",
        },
        RealOrg {
            key: "hai-phong-youth-startup-club", name: "Câu lạc bộ Khởi nghiệp trẻ Hải Phòng (Thành đoàn Hải Phòng)", kind: OrganizationKind::StartupClub,
            province: "hai-phong", website: None,
            description: "Câu lạc bộ do Thành đoàn Hải Phòng bảo trợ, sinh hoạt hằng tháng cho thanh niên, sinh viên khởi nghiệp; phối hợp tổ chức Ngày hội học sinh, sinh viên khởi nghiệp và Techfest Hải Phòng.",
        },
        RealOrg {
            key: "vcci-hai-phong", name: "Phòng Thương mại và Công nghiệp Việt Nam – Chi nhánh Hải Phòng (VCCI Hải Phòng)",
            kind: OrganizationKind::Accelerator, province: "hai-phong", website: None,
            description: "Tổ chức thúc đẩy kinh doanh: đào tạo quản trị, xúc tiến thương mại và kết nối doanh nghiệp khởi nghiệp với cộng đồng doanh nghiệp vùng duyên hải Bắc Bộ.",
        },
        RealOrg {
            key: "hung-yen-innovation-centre", name: "Trung tâm Phát triển cộng đồng và Khởi nghiệp đổi mới sáng tạo tỉnh Hưng Yên",
            kind: OrganizationKind::SupportCenter, province: "hung-yen", website: None,
            description: "Trung tâm khởi nghiệp của tỉnh theo Kế hoạch 142/KH-UBND: đào tạo, tập huấn khởi nghiệp cho thanh niên, phụ nữ và nông dân; tư vấn, ươm tạo và kết nối dự án với mạng lưới cố vấn và nhà đầu tư của tỉnh.",
        },
        RealOrg {
            key: "hung-yen-coworking", name: "Khu làm việc chung – Trung tâm Thông tin, thống kê, ứng dụng khoa học và công nghệ Hưng Yên",
            kind: OrganizationKind::Coworking, province: "hung-yen", website: None,
            description: "Không gian làm việc chung và trưng bày sản phẩm khởi nghiệp tại Trung tâm Thông tin, thống kê, ứng dụng khoa học và công nghệ trực thuộc Sở Khoa học và Công nghệ Hưng Yên.",
        },
        RealOrg {
            key: "utehy-startup-centre", name: "Trung tâm Hỗ trợ khởi nghiệp đổi mới sáng tạo – Trường Đại học Sư phạm Kỹ thuật Hưng Yên",
            kind: OrganizationKind::UniversityCenter, province: "hung-yen", website: Some("https://utehy.edu.vn"),
            description: "Cơ sở ươm tạo và cơ sở kỹ thuật đặt tại Trường Đại học Sư phạm Kỹ thuật Hưng Yên: xưởng chế tạo mẫu, đào tạo khởi nghiệp cho sinh viên kỹ thuật và ươm tạo các dự án cơ khí, điện tử, công nghệ thông tin. The startup centre of Hung Yen University of Technology and Education.",
        },
        RealOrg {
            key: "hung-yen-young-entrepreneurs-club", name: "Câu lạc bộ Khởi nghiệp – Hội Doanh nghiệp trẻ tỉnh Hưng Yên",
            kind: OrganizationKind::StartupClub, province: "hung-yen", website: None,
            description: "Câu lạc bộ kết nối doanh nhân trẻ với các dự án khởi nghiệp trên địa bàn tỉnh: chia sẻ kinh nghiệm, cố vấn và giới thiệu khách hàng.",
        },
        RealOrg {
            key: "techport", name: "Sàn giao dịch công nghệ Thành phố Hồ Chí Minh (Techport)", kind: OrganizationKind::TechTransferOffice,
            province: "ho-chi-minh", website: Some("https://techport.vn"),
            description: "Cổng thông tin đổi mới sáng tạo và chuyển giao công nghệ của Thành phố; tổ chức chuỗi sự kiện “Cà phê công nghệ” và Chợ Công nghệ và Thiết bị thường xuyên (Techmart Daily), cập nhật tài sản trí tuệ của hơn 20 trường đại học. The city's technology exchange and innovation portal.",
        },
        RealOrg {
            key: "vnuhcm-tto", name: "Văn phòng Chuyển giao công nghệ – Đại học Quốc gia Thành phố Hồ Chí Minh",
            kind: OrganizationKind::TechTransferOffice, province: "ho-chi-minh", website: None,
            description: "Tổ chức thương mại hóa kết quả nghiên cứu (TTO) trong đại học: đánh giá tiềm năng thương mại, đăng ký sở hữu trí tuệ, cấp phép công nghệ và hỗ trợ spin-off của giảng viên, sinh viên.",
        },
        RealOrg {
            key: "shtp-incubator", name: "Vườn ươm Doanh nghiệp Công nghệ cao – Khu Công nghệ cao Thành phố Hồ Chí Minh",
            kind: OrganizationKind::Incubator, province: "ho-chi-minh", website: None,
            description: "Cơ sở ươm tạo doanh nghiệp công nghệ cao: văn phòng, phòng thí nghiệm dùng chung và chương trình ươm tạo cho các dự án vi mạch, tự động hóa, công nghệ sinh học và vật liệu mới.",
        },
        RealOrg {
            key: "ctu-startup-centre", name: "Trung tâm Khởi nghiệp đổi mới sáng tạo – Trường Đại học Cần Thơ", kind: OrganizationKind::UniversityCenter,
            province: "can-tho", website: Some("https://www.ctu.edu.vn"),
            description: "Trung tâm khởi nghiệp của Trường Đại học Cần Thơ: ươm tạo ý tưởng của sinh viên và giảng viên trong nông nghiệp, thủy sản, công nghệ thực phẩm và môi trường; phối hợp tổ chức Startup and Student Innovation Award. Can Tho University's startup centre.",
        },
        RealOrg {
            key: "ctuet-incubator", name: "Vườn ươm khởi nghiệp – Trường Đại học Kỹ thuật - Công nghệ Cần Thơ", kind: OrganizationKind::Incubator,
            province: "can-tho", website: Some("https://www.ctuet.edu.vn"),
            description: "Cơ sở ươm tạo của Trường Đại học Kỹ thuật - Công nghệ Cần Thơ, hỗ trợ các dự án công nghệ thông tin, tự động hóa và công nghệ sinh học từ ý tưởng đến sản phẩm mẫu.",
        },
        RealOrg {
            key: "nctu-startup-club", name: "Câu lạc bộ Khởi nghiệp – Trường Đại học Nam Cần Thơ", kind: OrganizationKind::StartupClub,
            province: "can-tho", website: Some("https://nctu.edu.vn"),
            description: "Câu lạc bộ khởi nghiệp của sinh viên Trường Đại học Nam Cần Thơ: sinh hoạt chuyên đề, cuộc thi ý tưởng và kết nối sinh viên với doanh nghiệp trong các lĩnh vực y dược, kinh tế và công nghệ.",
        },
        RealOrg {
            key: "fpt-can-tho-startup-club", name: "Câu lạc bộ Khởi nghiệp sinh viên – Trường Đại học FPT Cần Thơ", kind: OrganizationKind::StartupClub,
            province: "can-tho", website: None,
            description: "Câu lạc bộ của sinh viên công nghệ thông tin và kinh doanh, thường xuyên tham gia Startup and Student Innovation Award và Techfest Cần Thơ.",
        },
        RealOrg {
            key: "vcci-can-tho", name: "Phòng Thương mại và Công nghiệp Việt Nam – Chi nhánh Cần Thơ (VCCI Cần Thơ)", kind: OrganizationKind::Accelerator,
            province: "can-tho", website: None,
            description: "Tổ chức thúc đẩy kinh doanh của vùng Đồng bằng sông Cửu Long: đào tạo, xúc tiến thương mại, đồng tổ chức Mekong Startup Runway và kết nối startup với doanh nghiệp trong vùng.",
        },
        RealOrg {
            key: "can-tho-business-association", name: "Hiệp hội Doanh nghiệp thành phố Cần Thơ (CBA)", kind: OrganizationKind::Accelerator,
            province: "can-tho", website: None,
            description: "Hiệp hội đồng hành cùng Sở Khoa học và Công nghệ trong các sự kiện kết nối, mạng lưới cố vấn khởi nghiệp và các điểm trưng bày sản phẩm khởi nghiệp của thành phố.",
        },
    ];

    pub(super) const REAL_EVENTS: &[RealEvent] = &[
        RealEvent {
            key: "techfest-hai-phong-2025", title: "Techfest Hải Phòng 2025 – Ngày hội Khởi nghiệp đổi mới sáng tạo thành phố Hải Phòng",
            kind: EventKind::Festival, starts_at: "2025-11-20T08:00:00+07:00", ends_at: Some("2025-11-21T17:00:00+07:00"), province: "hai-phong",
            organizer: "dost-hai-phong", website: None, sectors: &["industry-4", "logistics", "it", "ai"],
            description: "Ngày hội khởi nghiệp đổi mới sáng tạo thường niên của thành phố (Techfest Haiphong): triển lãm sản phẩm, phiên gọi vốn với các quỹ đầu tư, hội thảo về logistics, công nghiệp 4.0 và kinh tế biển, kết nối startup với Thành đoàn, Chi nhánh VCCI tại Hải Phòng và các trường đại học.\n\nTechfest Haiphong, the city's annual innovation and startup day: showcase, pitching to investors and talks on logistics and Industry 4.0.",
        },
        RealEvent {
            key: "techfest-can-tho-2025", title: "Techfest Cần Thơ 2025 – Ngày hội khởi nghiệp đổi mới sáng tạo Cần Thơ", kind: EventKind::Festival,
            starts_at: "2025-09-25T08:00:00+07:00", ends_at: Some("2025-09-26T17:00:00+07:00"), province: "can-tho", organizer: "dost-can-tho",
            website: None, sectors: &["agritech", "foodtech", "tourism"],
            description: "Ngày hội kết nối các thành phần hệ sinh thái khởi nghiệp của thành phố: gian hàng sản phẩm khởi nghiệp, tọa đàm về nông nghiệp công nghệ cao và chế biến nông sản, phiên gặp gỡ nhà đầu tư. Phối hợp với Thành đoàn Cần Thơ, VCCI Cần Thơ và các trường đại học.",
        },
        RealEvent {
            key: "techfest-mekong-2025", title: "Techfest Mekong 2025 – Ngày hội khởi nghiệp đổi mới sáng tạo vùng Đồng bằng sông Cửu Long",
            kind: EventKind::Festival, starts_at: "2025-12-11T08:00:00+07:00", ends_at: Some("2025-12-13T17:00:00+07:00"), province: "can-tho",
            organizer: "dost-can-tho", website: None, sectors: &["agritech", "indigenous-resources", "tourism", "cleantech"],
            description: "Sự kiện khởi nghiệp cấp vùng do Cần Thơ chủ trì cùng NATEC (Bộ Khoa học và Công nghệ) và SIHUB: trưng bày sản phẩm của 13 tỉnh, thành Đồng bằng sông Cửu Long, diễn đàn về thích ứng biến đổi khí hậu và tài nguyên bản địa, kết nối quỹ đầu tư trong và ngoài nước.\n\nThe Mekong Delta's regional startup festival, hosted by Can Tho with NATEC and SIHUB.",
        },
        RealEvent {
            key: "techfest-viet-nam-2025", title: "Techfest Việt Nam 2025 – Ngày hội Khởi nghiệp đổi mới sáng tạo quốc gia", kind: EventKind::Festival,
            starts_at: "2025-12-04T08:00:00+07:00", ends_at: Some("2025-12-06T17:00:00+07:00"), province: "ha-noi", organizer: "natec", website: None,
            sectors: &["ai", "fintech", "edtech", "agritech"],
            description: "Ngày hội khởi nghiệp quốc gia do Bộ Khoa học và Công nghệ tổ chức: các phiên kết nối đầu tư, triển lãm công nghệ, cuộc thi khởi nghiệp và gian hàng của các địa phương; Hải Phòng, Hưng Yên, TP.HCM và Cần Thơ đưa các dự án tiêu biểu tham dự.\n\nNational Startup Day (Techfest Vietnam): investor matchmaking, a technology expo and a startup competition.",
        },
        RealEvent {
            key: "whise-2025", title: "WHISE 2025 – Tuần lễ Đổi mới sáng tạo và Khởi nghiệp TP.HCM", kind: EventKind::Festival,
            starts_at: "2025-10-20T08:00:00+07:00", ends_at: Some("2025-10-26T17:00:00+07:00"), province: "ho-chi-minh", organizer: "dost-ho-chi-minh",
            website: None, sectors: &["ai", "fintech", "edtech", "healthtech"],
            description: "Chuỗi hội thảo, triển lãm và hoạt động kết nối trong một tuần, giới thiệu các hệ sinh thái đổi mới sáng tạo trọng điểm của Thành phố: trí tuệ nhân tạo, công nghệ tài chính, công nghệ giáo dục và y tế.\n\nHo Chi Minh City's innovation and startup week: a week of talks, exhibitions and networking.",
        },
        RealEvent {
            key: "i-star-2025", title: "Lễ trao Giải thưởng Đổi mới sáng tạo và Khởi nghiệp TP.HCM (I-Star) 2025", kind: EventKind::Competition,
            starts_at: "2025-12-18T14:00:00+07:00", ends_at: Some("2025-12-18T17:30:00+07:00"), province: "ho-chi-minh", organizer: "dost-ho-chi-minh",
            website: None, sectors: &["ai", "healthtech", "social-impact"],
            description: "Vinh danh cá nhân, doanh nghiệp và dự án khởi nghiệp đổi mới sáng tạo tiêu biểu của Thành phố ở các hạng mục sản phẩm, doanh nghiệp khởi nghiệp, tổ chức hỗ trợ và khởi nghiệp xã hội.",
        },
        RealEvent {
            key: "mekong-startup-runway-2026", title: "Mekong Startup Runway 2026 – Chủ đề: Nông nghiệp và tài nguyên bản địa",
            kind: EventKind::Competition, starts_at: "2026-05-22T08:00:00+07:00", ends_at: Some("2026-05-22T17:00:00+07:00"), province: "can-tho",
            organizer: "castihub", website: Some("https://castihub.vn"), sectors: &["agritech", "indigenous-resources", "tourism"],
            description: "Cuộc thi khởi nghiệp đổi mới sáng tạo của Cần Thơ, mỗi năm một chủ đề; năm 2026 dành cho nông nghiệp và tận dụng, phát triển tài nguyên bản địa. Các đội vào chung kết được cố vấn 6 tuần, gọi vốn trước doanh nghiệp lớn và quỹ đầu tư. Phối hợp: Thành đoàn, VCCI Cần Thơ, Hiệp hội Doanh nghiệp, Hội Liên hiệp Phụ nữ và Hội Nông dân thành phố.\n\nCan Tho's yearly startup competition; the 2026 theme is agriculture and indigenous resources.",
        },
        RealEvent {
            key: "startup-student-innovation-award-2026",
            title: "Startup and Student Innovation Award 2026 – Học sinh, sinh viên với ý tưởng khởi nghiệp sáng tạo", kind: EventKind::Competition,
            starts_at: "2026-04-18T08:00:00+07:00", ends_at: Some("2026-04-18T17:00:00+07:00"), province: "can-tho", organizer: "dost-can-tho",
            website: None, sectors: &["it", "edtech", "agritech"],
            description: "Cuộc thi ý tưởng khởi nghiệp dành cho học sinh, sinh viên trên địa bàn thành phố, phối hợp với Sở Giáo dục và Đào tạo, Thành đoàn, Trường Đại học Cần Thơ, Trường Đại học Kỹ thuật - Công nghệ Cần Thơ, Trường Đại học Nam Cần Thơ và Trường Đại học FPT. Ý tưởng đoạt giải được ươm tạo thành dự án.",
        },
        RealEvent {
            key: "ca-phe-cong-nghe-2025-09", title: "Cà phê công nghệ: Trí tuệ nhân tạo trong chăm sóc sức khỏe", kind: EventKind::Networking,
            starts_at: "2025-09-12T15:00:00+07:00", ends_at: Some("2025-09-12T17:30:00+07:00"), province: "ho-chi-minh", organizer: "techport",
            website: Some("https://techport.vn"), sectors: &["ai", "healthtech"],
            description: "Buổi cà phê kết nối nhà khoa học, bệnh viện và startup quanh ứng dụng AI trong chẩn đoán hình ảnh và khám bệnh từ xa. Technology coffee: AI in healthcare.",
        },
        RealEvent {
            key: "ca-phe-cong-nghe-2025-11", title: "Cà phê công nghệ: Nông nghiệp thông minh và truy xuất nguồn gốc", kind: EventKind::Networking,
            starts_at: "2025-11-14T15:00:00+07:00", ends_at: Some("2025-11-14T17:30:00+07:00"), province: "ho-chi-minh", organizer: "techport",
            website: Some("https://techport.vn"), sectors: &["agritech", "foodtech"],
            description: "Chia sẻ xu hướng IoT, cảm biến độ ẩm đất và truy xuất nguồn gốc nông sản; giới thiệu kết quả nghiên cứu của các trường đại học có tiềm năng thương mại hóa.",
        },
        RealEvent {
            key: "ca-phe-cong-nghe-2026-01", title: "Cà phê công nghệ: Thanh toán số và công nghệ tài chính", kind: EventKind::Networking,
            starts_at: "2026-01-16T15:00:00+07:00", ends_at: Some("2026-01-16T17:30:00+07:00"), province: "ho-chi-minh", organizer: "techport",
            website: Some("https://techport.vn"), sectors: &["fintech", "ecommerce"],
            description: "Thảo luận về ví điện tử, thanh toán QR, chấm điểm tín dụng và khung thể chế thử nghiệm (sandbox) cho fintech. Technology coffee on digital payments and fintech.",
        },
        RealEvent {
            key: "ca-phe-cong-nghe-2026-03", title: "Cà phê công nghệ: Chuyển đổi số trong giáo dục", kind: EventKind::Networking,
            starts_at: "2026-03-13T15:00:00+07:00", ends_at: Some("2026-03-13T17:30:00+07:00"), province: "ho-chi-minh", organizer: "techport",
            website: Some("https://techport.vn"), sectors: &["edtech", "ai"],
            description: "Gặp gỡ giữa nhà trường, doanh nghiệp edtech và nhà đầu tư về học liệu số, lớp học thông minh và trợ lý AI cho giáo viên.",
        },
        RealEvent {
            key: "techmart-daily-2025", title: "Techmart Daily – Chợ Công nghệ và Thiết bị TP.HCM: chuyên đề nông nghiệp công nghệ cao",
            kind: EventKind::Fair, starts_at: "2025-10-09T08:00:00+07:00", ends_at: Some("2025-10-11T17:00:00+07:00"), province: "ho-chi-minh",
            organizer: "techport", website: Some("https://techport.vn"), sectors: &["agritech", "industry-4"],
            description: "Trưng bày và kết nối cung cầu công nghệ, thiết bị cho nông nghiệp công nghệ cao: tưới tiết kiệm, nhà màng, cảm biến IoT, máy móc sau thu hoạch.",
        },
        RealEvent {
            key: "techmart-mekong-2026", title: "Techmart Đồng bằng sông Cửu Long 2026", kind: EventKind::Fair, starts_at: "2026-06-11T08:00:00+07:00",
            ends_at: Some("2026-06-13T17:00:00+07:00"), province: "can-tho", organizer: "dost-can-tho", website: None,
            sectors: &["agritech", "foodtech", "cleantech"],
            description: "Chợ công nghệ và thiết bị của vùng: công nghệ chế biến nông sản, xử lý nước nhiễm mặn, năng lượng tái tạo; điểm trưng bày sản phẩm khởi nghiệp của Cần Thơ và các tỉnh. Technology and equipment fair of the Mekong Delta.",
        },
        RealEvent {
            key: "trai-nghiem-goi-von-can-tho-2026", title: "Trải nghiệm gọi vốn 2026 – Chương trình thực hành gọi vốn cho dự án khởi nghiệp Cần Thơ",
            kind: EventKind::Pitching, starts_at: "2026-03-20T13:30:00+07:00", ends_at: Some("2026-03-20T17:30:00+07:00"), province: "can-tho",
            organizer: "castihub", website: Some("https://castihub.vn"), sectors: &["agritech", "foodtech", "ecommerce"],
            description: "Các dự án đã qua tập huấn kỹ năng gọi vốn thực hành thuyết trình trước nhà đầu tư thiên thần và quỹ đầu tư, nhận góp ý về mô hình kinh doanh, định giá và kế hoạch tài chính. Pitching practice with real investors.",
        },
        RealEvent {
            key: "sihub-demo-day-2026", title: "Demo Day chương trình ươm tạo SIHUB 2026", kind: EventKind::Pitching,
            starts_at: "2026-06-05T14:00:00+07:00", ends_at: Some("2026-06-05T17:30:00+07:00"), province: "ho-chi-minh", organizer: "sihub",
            website: Some("https://sihub.hochiminhcity.gov.vn"), sectors: &["ai", "fintech", "healthtech", "edtech"],
            description: "Các startup tốt nghiệp chương trình ươm tạo trình bày trước quỹ đầu tư mạo hiểm và doanh nghiệp lớn. Demo day of SIHUB's incubation programme.",
        },
        RealEvent {
            key: "hanh-trinh-khoi-nghiep-hung-yen-2025", title: "Hành trình khởi nghiệp 2025: Hưng Yên – Hà Nội – Bắc Ninh", kind: EventKind::StudyTour,
            starts_at: "2025-10-15T07:00:00+07:00", ends_at: Some("2025-10-17T18:00:00+07:00"), province: "hung-yen", organizer: "dost-hung-yen",
            website: None, sectors: &["agritech", "industry-4", "it"],
            description: "Đoàn nhóm khởi nghiệp của tỉnh học tập mô hình tại các trung tâm đổi mới sáng tạo, vườn ươm và doanh nghiệp công nghệ ở Hà Nội và Bắc Ninh, đồng thời kêu gọi đầu tư và tìm đối tác chuyển giao công nghệ.",
        },
        RealEvent {
            key: "hanh-trinh-khoi-nghiep-can-tho-2026", title: "Hành trình khởi nghiệp 2026: Cần Thơ – TP.HCM", kind: EventKind::StudyTour,
            starts_at: "2026-05-06T07:00:00+07:00", ends_at: Some("2026-05-08T18:00:00+07:00"), province: "can-tho", organizer: "castihub", website: None,
            sectors: &["agritech", "tourism", "ecommerce"],
            description: "Chuyến học tập tại SIHUB, Khu Công nghệ cao và các startup tiêu biểu của TP.HCM dành cho dự án khởi nghiệp và cán bộ hỗ trợ của Cần Thơ. A study tour to Ho Chi Minh City's innovation hubs.",
        },
        RealEvent {
            key: "ngay-hoi-phu-nu-khoi-nghiep-hung-yen-2026", title: "Ngày hội Phụ nữ khởi nghiệp tỉnh Hưng Yên 2026", kind: EventKind::Festival,
            starts_at: "2026-03-07T08:00:00+07:00", ends_at: Some("2026-03-07T16:30:00+07:00"), province: "hung-yen",
            organizer: "hung-yen-innovation-centre", website: None, sectors: &["social-impact", "foodtech", "ecommerce"],
            description: "Hưởng ứng phong trào “Phụ nữ Hưng Yên với khởi nghiệp đổi mới sáng tạo”, phối hợp với Hội Liên hiệp Phụ nữ tỉnh: trưng bày sản phẩm của hội viên, chia sẻ kinh nghiệm bán hàng trực tuyến và giới thiệu Quỹ hỗ trợ phụ nữ khởi nghiệp. Women's startup day.",
        },
        RealEvent {
            key: "ngay-hoi-hssv-khoi-nghiep-hai-phong-2026", title: "Ngày hội Học sinh, sinh viên khởi nghiệp Hải Phòng 2026", kind: EventKind::Festival,
            starts_at: "2026-04-10T08:00:00+07:00", ends_at: Some("2026-04-10T17:00:00+07:00"), province: "hai-phong",
            organizer: "hai-phong-youth-startup-club", website: None, sectors: &["it", "edtech", "logistics"],
            description: "Ngày hội dành cho học sinh, sinh viên các trường đại học, cao đẳng trên địa bàn: thi ý tưởng, gian hàng sản phẩm và giao lưu với doanh nhân trẻ. Students' startup day, with an idea contest and meet-the-founders sessions.",
        },
        RealEvent {
            key: "tap-huan-khoi-nghiep-co-ban-can-tho-2026", title: "Tập huấn kiến thức khởi nghiệp đổi mới sáng tạo cơ bản 2026",
            kind: EventKind::Training, starts_at: "2026-02-24T08:00:00+07:00", ends_at: Some("2026-02-25T16:30:00+07:00"), province: "can-tho",
            organizer: "castihub", website: Some("https://castihub.vn"), sectors: &["agritech", "it", "tourism"],
            description: "Khóa tập huấn cơ bản trong kế hoạch hằng năm của thành phố: tư duy khởi nghiệp, mô hình kinh doanh, sở hữu trí tuệ và các chính sách hỗ trợ của Nhà nước.",
        },
        RealEvent {
            key: "huan-luyen-goi-von-sihub-2025", title: "Khóa huấn luyện Kỹ năng gọi vốn và định giá startup", kind: EventKind::Training,
            starts_at: "2025-11-04T08:30:00+07:00", ends_at: Some("2025-11-06T16:30:00+07:00"), province: "ho-chi-minh", organizer: "sihub",
            website: Some("https://sihub.hochiminhcity.gov.vn"), sectors: &["fintech", "ai", "edtech"],
            description: "Huấn luyện kỹ năng gọi vốn, xây dựng hồ sơ gọi vốn (pitch deck), định giá và điều khoản đầu tư cho các dự án khởi nghiệp đổi mới sáng tạo. Fundraising and valuation bootcamp.",
        },
        RealEvent {
            key: "tap-huan-phu-nu-khoi-nghiep-hung-yen-2025", title: "Tập huấn khởi nghiệp cho phụ nữ: mô hình kinh doanh mới và bán hàng trực tuyến",
            kind: EventKind::Training, starts_at: "2025-09-16T08:00:00+07:00", ends_at: Some("2025-09-17T16:30:00+07:00"), province: "hung-yen",
            organizer: "hung-yen-innovation-centre", website: None, sectors: &["ecommerce", "foodtech", "social-impact"],
            description: "Khóa tập huấn dành cho hội viên phụ nữ về mô hình, phương thức sản xuất kinh doanh mới, thương mại điện tử và xây dựng thương hiệu cho sản phẩm OCOP.",
        },
        RealEvent {
            key: "workshop-so-huu-tri-tue-2025", title: "Workshop: Khai thác tài sản trí tuệ cho doanh nghiệp khởi nghiệp", kind: EventKind::Workshop,
            starts_at: "2025-10-02T13:30:00+07:00", ends_at: Some("2025-10-02T17:00:00+07:00"), province: "ho-chi-minh", organizer: "vnuhcm-tto",
            website: None, sectors: &["ai", "it", "healthtech"],
            description: "Hướng dẫn đăng ký, định giá và khai thác sáng chế, kiểu dáng, nhãn hiệu; cấp phép công nghệ từ trường đại học cho startup. A hands-on workshop on exploiting intellectual property.",
        },
        RealEvent {
            key: "workshop-chuyen-doi-so-htx-hung-yen-2026", title: "Workshop: Chuyển đổi số cho hợp tác xã nông nghiệp và chủ thể OCOP",
            kind: EventKind::Workshop, starts_at: "2026-05-19T08:30:00+07:00", ends_at: Some("2026-05-19T11:30:00+07:00"), province: "hung-yen",
            organizer: "hung-yen-coworking", website: None, sectors: &["agritech", "ecommerce"],
            description: "Thực hành truy xuất nguồn gốc bằng mã QR, bán hàng trên sàn thương mại điện tử và quản lý đơn hàng cho hợp tác xã nhãn, vải và rau an toàn của tỉnh.",
        },
        RealEvent {
            key: "doi-thoai-startup-hai-phong-2025", title: "Đối thoại giữa lãnh đạo thành phố và doanh nghiệp khởi nghiệp Hải Phòng 2025",
            kind: EventKind::Conference, starts_at: "2025-11-21T14:00:00+07:00", ends_at: Some("2025-11-21T17:00:00+07:00"), province: "hai-phong",
            organizer: "dost-hai-phong", website: None, sectors: &["logistics", "industry-4"],
            description: "Buổi đối thoại giữa cơ quan quản lý và doanh nghiệp khởi nghiệp về thủ tục, chính sách hỗ trợ, đất đai và tiếp cận vốn, trong khuôn khổ Techfest Hải Phòng 2025.",
        },
        RealEvent {
            key: "dien-dan-khoi-nghiep-dbscl-2025", title: "Diễn đàn Khởi nghiệp đổi mới sáng tạo Đồng bằng sông Cửu Long 2025",
            kind: EventKind::Conference, starts_at: "2025-12-12T08:00:00+07:00", ends_at: Some("2025-12-12T11:30:00+07:00"), province: "can-tho",
            organizer: "dost-can-tho", website: None, sectors: &["agritech", "indigenous-resources", "cleantech"],
            description: "Diễn đàn chính sách trong khuôn khổ Techfest Mekong: liên kết vùng, mạng lưới cố vấn khởi nghiệp và vai trò của Cần Thơ là trung tâm khởi nghiệp của vùng. A policy forum on the Mekong Delta's startup ecosystem.",
        },
    ];

    pub(super) const PUBLIC_FUNDS: &[RealFund] = &[
        RealFund {
            key: "natif", name: "Quỹ Đổi mới công nghệ quốc gia (NATIF)", website: Some("https://natif.vn"),
            sectors: &["industry-4", "ai", "agritech", "cleantech"], stages: &[Stage::Mvp, Stage::Seed, Stage::SeriesA],
            ticket: (500_000_000, 10_000_000_000), provinces: &[],
            thesis: "Quỹ thuộc Bộ Khoa học và Công nghệ: tài trợ, cho vay ưu đãi và hỗ trợ lãi suất vay cho doanh nghiệp khởi nghiệp đổi mới sáng tạo thực hiện dự án đổi mới, chuyển giao và hoàn thiện công nghệ; ưu tiên công nghệ công nghiệp 4.0, trí tuệ nhân tạo, nông nghiệp công nghệ cao và năng lượng sạch.\n\nThe National Technology Innovation Fund provides grants, concessional loans and interest support for technology innovation and transfer projects.",
        },
        RealFund {
            key: "nafosted", name: "Quỹ Phát triển khoa học và công nghệ quốc gia (NAFOSTED)", website: Some("https://nafosted.gov.vn"),
            sectors: &["ai", "healthtech", "agritech", "it"], stages: &[Stage::Idea, Stage::Mvp], ticket: (300_000_000, 5_000_000_000), provinces: &[],
            thesis: "Tài trợ nhiệm vụ nghiên cứu cơ bản và ứng dụng, hỗ trợ nhóm nghiên cứu trẻ và các dự án khởi nghiệp hình thành từ kết quả nghiên cứu khoa học; ưu tiên trí tuệ nhân tạo, y sinh, nông nghiệp và công nghệ thông tin. Funds research that can grow into deep-tech startups.",
        },
        RealFund {
            key: "smedf", name: "Quỹ Hỗ trợ phát triển doanh nghiệp nhỏ và vừa (SMEDF)", website: Some("https://smedf.gov.vn"),
            sectors: &["foodtech", "ecommerce", "logistics", "industry-4"], stages: &[Stage::Mvp, Stage::Seed, Stage::SeriesA],
            ticket: (1_000_000_000, 20_000_000_000), provinces: &[],
            thesis: "Cho vay ưu đãi với lãi suất thấp dành cho doanh nghiệp nhỏ và vừa khởi nghiệp sáng tạo, tham gia cụm liên kết ngành và chuỗi giá trị, có phương án sản xuất kinh doanh khả thi. Concessional loans for innovative small and medium-sized enterprises.",
        },
        RealFund {
            key: "quy-ho-tro-phu-nu-khoi-nghiep-hung-yen", name: "Quỹ Hỗ trợ phụ nữ khởi nghiệp – Hội Liên hiệp Phụ nữ tỉnh Hưng Yên", website: None,
            sectors: &[
                "social-impact",
                "foodtech",
                "indigenous-resources",
                "ecommerce",
            ],
            stages: &[Stage::Idea, Stage::Mvp], ticket: (20_000_000, 300_000_000), provinces: &["hung-yen"],
            thesis: "Nguồn vốn vay không lãi hoặc lãi suất ưu đãi giúp hội viên phụ nữ hiện thực hóa ý tưởng khởi nghiệp: sản xuất nông sản sạch, chế biến đặc sản, thủ công mỹ nghệ và kinh doanh trực tuyến; đi kèm tập huấn và kết nối thị trường của Hội.",
        },
        RealFund {
            key: "quy-quoc-gia-ve-viec-lam", name: "Quỹ Quốc gia về việc làm", website: None,
            sectors: &["social-impact", "agritech", "tourism", "foodtech"], stages: &[Stage::Idea, Stage::Mvp], ticket: (50_000_000, 2_000_000_000),
            provinces: &[],
            thesis: "Cho vay ưu đãi tạo việc làm cho thanh niên, người lao động và cơ sở sản xuất kinh doanh, trong đó có thanh niên khởi nghiệp theo chỉ đạo của Trung ương Đoàn. Concessional loans that create jobs, including for young founders.",
        },
    ];
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use super::*;
    use crate::datafile::parse_line;

    fn options(startups: usize, investors: usize, mentors: usize, seed: u64) -> GenerateOptions {
        GenerateOptions {
            startups,
            investors,
            mentors,
            seed,
        }
    }

    fn output(options: &GenerateOptions) -> (String, Counts) {
        let mut bytes = Vec::new();
        let counts = generate(options, &mut bytes).expect("writing to memory");
        (String::from_utf8(bytes).expect("UTF-8 output"), counts)
    }

    fn records(options: &GenerateOptions) -> Vec<Record> {
        let (text, _) = output(options);
        text.lines()
            .map(|line| parse_line(line).unwrap_or_else(|e| panic!("{e:?}: {line}")))
            .collect()
    }

    fn is_slug(key: &str) -> bool {
        !key.is_empty()
            && key.len() <= MAX_SLUG_LEN
            && key
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !key.starts_with('-')
            && !key.ends_with('-')
            && !key.contains("--")
    }

    /// What the checks remember about earlier records.
    #[derive(Default)]
    struct Seen {
        keys: HashMap<&'static str, HashSet<String>>,
        startups: HashMap<String, StartupRecord>,
        investors: HashMap<String, InvestorRecord>,
        investments: HashSet<(String, String, Stage, NaiveDate)>,
    }

    impl Seen {
        fn has(&self, type_name: &str, key: &str) -> bool {
            self.keys
                .get(type_name)
                .is_some_and(|keys| keys.contains(key))
        }

        fn add(&mut self, type_name: &'static str, key: &str) {
            assert!(is_slug(key), "{type_name} key `{key}` is not a slug");
            let fresh = self
                .keys
                .entry(type_name)
                .or_default()
                .insert(key.to_string());
            assert!(fresh, "duplicate {type_name} key `{key}`");
        }

        fn sectors(&self, sectors: &[String]) {
            for sector in sectors {
                assert!(self.has("sector", sector), "unknown sector `{sector}`");
            }
        }

        fn province(&self, province: &Option<String>) {
            if let Some(p) = province {
                assert!(self.has("province", p), "unknown province `{p}`");
            }
        }
    }

    /// Checks references, keys and the consistency rules of the brief.
    fn check(records: &[Record]) -> Seen {
        let mut seen = Seen::default();
        let mut last_type = 0;
        for record in records {
            let order = RECORD_TYPES
                .iter()
                .position(|t| *t == record.type_name())
                .expect("a known type");
            assert!(order >= last_type, "{} out of order", record.type_name());
            last_type = order;
            match record {
                Record::Sector(s) => seen.add("sector", &s.key),
                Record::Province(p) => seen.add("province", &p.key),
                Record::Organization(o) => {
                    seen.province(&o.province);
                    assert!(!o.description.is_empty());
                    if let Some(site) = &o.website {
                        assert!(site.starts_with("https://"), "{site}");
                    }
                    seen.add("organization", &o.key);
                }
                Record::Startup(s) => {
                    seen.sectors(&s.sectors);
                    seen.province(&s.province);
                    if let Some(org) = &s.organization {
                        assert!(
                            seen.has("organization", org),
                            "unknown organization `{org}`"
                        );
                    }
                    assert!((1..=3).contains(&s.sectors.len()));
                    assert!((1..=4).contains(&s.needs.len()));
                    assert!(s.team_size.is_some_and(|t| t >= 1));
                    assert!(s.founded_on.is_none_or(|d| d <= last_date()));
                    if s.founded_on.is_none() {
                        assert_eq!(s.stage, Stage::Idea, "only ideas lack a founding date");
                    }
                    assert!(!s.tagline.is_empty() && !s.description.is_empty());
                    seen.add("startup", &s.key);
                    seen.startups.insert(s.key.clone(), s.clone());
                }
                Record::Investor(i) => {
                    seen.sectors(&i.sectors);
                    for p in &i.provinces {
                        assert!(seen.has("province", p), "unknown province `{p}`");
                    }
                    assert!((1..=4).contains(&i.sectors.len()));
                    assert!(!i.stages.is_empty());
                    assert_eq!(i.ticket_min.is_some(), i.ticket_max.is_some());
                    if let (Some(min), Some(max)) = (i.ticket_min, i.ticket_max) {
                        assert_eq!(min.currency, max.currency);
                        assert!(min.amount > 0 && min.amount <= max.amount, "{}", i.key);
                    }
                    seen.add("investor", &i.key);
                    seen.investors.insert(i.key.clone(), i.clone());
                }
                Record::Mentor(m) => {
                    seen.sectors(&m.sectors);
                    seen.province(&m.province);
                    assert!((1..=8).contains(&m.capacity));
                    assert!((1..=4).contains(&m.expertise.len()));
                    assert!((1..=3).contains(&m.sectors.len()));
                    assert!(!m.languages.is_empty());
                    seen.add("mentor", &m.key);
                }
                Record::Event(e) => {
                    seen.sectors(&e.sectors);
                    seen.province(&e.province);
                    let organizer = e.organizer.as_deref().expect("events have organizers");
                    assert!(
                        seen.has("organization", organizer),
                        "unknown organizer `{organizer}`"
                    );
                    assert_eq!(e.starts_at.offset().local_minus_utc(), 7 * 3600);
                    assert!((2024..=2027).contains(&e.starts_at.year()), "{}", e.key);
                    assert!(e.ends_at.is_some_and(|end| end > e.starts_at), "{}", e.key);
                    seen.add("event", &e.key);
                }
                Record::Investment(i) => {
                    let startup = seen
                        .startups
                        .get(&i.startup)
                        .unwrap_or_else(|| panic!("unknown startup `{}`", i.startup));
                    let investor = seen
                        .investors
                        .get(&i.investor)
                        .unwrap_or_else(|| panic!("unknown investor `{}`", i.investor));
                    assert!(i.round <= startup.stage, "round after the startup's stage");
                    assert!(
                        startup.founded_on.is_none_or(|f| i.date > f),
                        "invested before founding"
                    );
                    assert!(i.date <= last_date());
                    assert!(startup.sectors.iter().any(|s| investor.sectors.contains(s)));
                    if let (Some(min), Some(max)) = (investor.ticket_min, investor.ticket_max) {
                        assert_eq!(i.amount.currency, min.currency);
                        assert!((min.amount..=max.amount).contains(&i.amount.amount));
                    }
                    let fresh = seen.investments.insert((
                        i.investor.clone(),
                        i.startup.clone(),
                        i.round,
                        i.date,
                    ));
                    assert!(fresh, "duplicate investment {i:?}");
                }
            }
        }
        seen
    }

    #[test]
    fn same_seed_same_output_other_seed_other_output() {
        let a = output(&options(300, 40, 50, 7));
        let b = output(&options(300, 40, 50, 7));
        let c = output(&options(300, 40, 50, 8));
        assert_eq!(a, b);
        assert_ne!(a.0, c.0);
        assert_eq!(demo_records(), demo_records());
    }

    #[test]
    fn every_line_parses_and_every_reference_points_back() {
        let records = records(&options(2_000, 150, 200, 42));
        let seen = check(&records);
        for kind in OrganizationKind::ALL {
            assert!(
                records
                    .iter()
                    .any(|r| matches!(r, Record::Organization(o) if o.kind == *kind)),
                "no {kind} organisation"
            );
        }
        for kind in EventKind::ALL {
            assert!(
                records
                    .iter()
                    .any(|r| matches!(r, Record::Event(e) if e.kind == *kind)),
                "no {kind} event"
            );
        }
        let investments = seen.investments.len();
        assert!(
            (200..=700).contains(&investments),
            "{investments} investments"
        );
    }

    #[test]
    fn counts_match_options_and_lines() {
        let opts = options(1_234, 77, 99, 1);
        let (text, counts) = output(&opts);
        let names: Vec<&str> = counts.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, RECORD_TYPES);
        let count = |name: &str| counts.iter().find(|(n, _)| *n == name).map(|c| c.1);
        assert_eq!(count("startup"), Some(1_234));
        assert_eq!(count("investor"), Some(77));
        assert_eq!(count("mentor"), Some(99));
        assert_eq!(count("sector"), Some(SECTORS.len()));
        assert_eq!(count("province"), Some(PROVINCES.len()));
        assert_eq!(count("event"), Some(REAL_EVENTS.len() + 1));
        assert_eq!(
            counts.iter().map(|c| c.1).sum::<usize>(),
            text.lines().count()
        );
        for (name, n) in &counts {
            let prefix = format!("{{\"type\":\"{name}\"");
            assert_eq!(text.lines().filter(|l| l.starts_with(&prefix)).count(), *n);
        }

        let (_, empty) = output(&options(0, 0, 0, 1));
        assert_eq!(
            empty.iter().find(|c| c.0 == "investment").map(|c| c.1),
            Some(0)
        );
    }

    #[test]
    fn money_and_dates_are_consistent() {
        let records = records(&options(1_500, 120, 10, 3));
        let mut founded = 0;
        for record in &records {
            match record {
                Record::Investor(i) => {
                    if let (Some(min), Some(max)) = (i.ticket_min, i.ticket_max) {
                        assert!(min.in_vnd() <= max.in_vnd());
                    }
                }
                Record::Startup(s) => {
                    if let Some(date) = s.founded_on {
                        assert!(date >= ymd(2012, 1, 1) && date <= last_date());
                        founded += 1;
                    }
                    if let Some(money) = s.seeking {
                        assert!(money.amount > 0);
                    }
                }
                _ => {}
            }
        }
        assert!(founded > 700, "most startups are registered ({founded})");
    }

    /// Regression: descriptions said "we are looking for VND 1.9 billion",
    /// so anonymous search highlights showed the hidden `seekingAmount`.
    #[test]
    fn public_texts_never_state_the_amount_sought() {
        let mut records = demo_records();
        let options = GenerateOptions {
            startups: 3000,
            investors: 10,
            mentors: 10,
            seed: 7,
        };
        let mut out = Vec::new();
        generate(&options, &mut out).expect("generates");
        for line in String::from_utf8(out).expect("UTF-8").lines() {
            records.push(crate::datafile::parse_line(line).expect("parses"));
        }
        let mut seeking = 0;
        for record in &records {
            let Record::Startup(s) = record else { continue };
            let Some(money) = s.seeking else { continue };
            seeking += 1;
            let public = format!("{} {}", s.tagline, s.description);
            for lang in [Lang::Vi, Lang::En] {
                let amount = money_text(money, lang);
                assert!(!public.contains(&amount), "{}: {amount} in {public}", s.key);
            }
        }
        assert!(seeking > 1000, "{seeking} startups seek an amount");
    }

    #[test]
    fn sink_errors_stop_the_generation() {
        let mut seen = 0;
        let result = for_each_record(&options(100, 10, 10, 1), &mut |_| {
            seen += 1;
            if seen == 30 {
                Err(io::Error::other("disk full"))
            } else {
                Ok(())
            }
        });
        assert_eq!(
            result.expect_err("the sink failed").to_string(),
            "disk full"
        );
        assert_eq!(seen, 30);
    }

    #[test]
    fn demo_records_are_the_real_world_set() {
        let records = demo_records();
        let seen = check(&records);
        let count = |t: &str| records.iter().filter(|r| r.type_name() == t).count();
        assert!(count("startup") >= 150);
        assert!(count("investor") >= 40);
        assert!(count("mentor") >= 60);
        assert!(
            count("investment") >= 15,
            "{} investments",
            count("investment")
        );
        assert_eq!(count("organization"), REAL_ORGANIZATIONS.len());
        for province in ["hai-phong", "hung-yen", "ho-chi-minh", "can-tho"] {
            assert!(seen.has("province", province));
            let here = records
                .iter()
                .filter(
                    |r| matches!(r, Record::Startup(s) if s.province.as_deref() == Some(province)),
                )
                .count();
            assert!(here >= 5, "only {here} startups in {province}");
        }
        assert!(records.iter().any(
            |r| matches!(r, Record::Event(e) if e.title.contains("Techfest Hải Phòng 2025")
                && e.starts_at.to_rfc3339() == "2025-11-20T08:00:00+07:00")
        ));
        for key in [
            "sihub",
            "castihub",
            "natec",
            "dost-hung-yen",
            "utehy-startup-centre",
        ] {
            assert!(seen.has("organization", key), "{key}");
        }
    }

    #[test]
    fn descriptions_mix_languages() {
        let records = records(&options(1_000, 100, 100, 11));
        let descriptions: Vec<&str> = records
            .iter()
            .filter_map(|r| match r {
                Record::Startup(s) => Some(s.description.as_str()),
                _ => None,
            })
            .collect();
        let marked = |d: &str| {
            d.chars()
                .any(|c| "ạảấầẩậắằặẹẻếềểệịọỏốồổộớờởợụủứừửựđư".contains(c))
        };
        let plain = |d: &str| {
            d.is_ascii()
                && [
                    "khoi nghiep",
                    "nong nghiep",
                    "giai phap",
                    "khach hang",
                    "du an",
                    "doanh nghiep",
                ]
                .iter()
                .any(|w| d.to_lowercase().contains(w))
        };
        let english = |d: &str| {
            !d.contains("\n\n")
                && [
                    " builds ",
                    " offers ",
                    " works in ",
                    "Founded in ",
                    " is an innovative startup ",
                ]
                .iter()
                .any(|w| d.contains(w))
        };
        let share = |f: &dyn Fn(&str) -> bool| {
            descriptions.iter().filter(|d| f(d)).count() * 100 / descriptions.len()
        };
        assert!(
            share(&marked) >= 40,
            "Vietnamese with diacritics: {}%",
            share(&marked)
        );
        assert!(
            (4..=20).contains(&share(&plain)),
            "without diacritics: {}%",
            share(&plain)
        );
        assert!(
            (15..=45).contains(&share(&english)),
            "English: {}%",
            share(&english)
        );
        assert!(descriptions.iter().any(|d| d.contains("\n\n")), "bilingual");
        assert!(
            descriptions
                .iter()
                .any(|d| d.contains("nông nghiệp") || d.contains("thanh toán"))
        );
        let sentences = |d: &str| d.matches(". ").count() + 1;
        assert!(
            descriptions
                .iter()
                .filter(|d| !d.contains("\n\n"))
                .all(|d| (2..=5).contains(&sentences(d)))
        );
    }

    #[test]
    fn tables_are_consistent() {
        for (i, info) in TOPICS.iter().enumerate() {
            assert_eq!(info.topic, Topic::ALL[i]);
        }
        for (i, info) in EVENT_KINDS.iter().enumerate() {
            assert_eq!(info.kind, EventKind::ALL[i]);
        }
        assert!(SECTORS.len() >= 14);
        for sector in SECTORS {
            assert!(is_slug(sector.key));
            let phrases = sector.products.len()
                + sector.problems.len()
                + sector.customers.len()
                + sector.benefits.len();
            assert!(phrases >= 10, "{} has {phrases} phrases", sector.key);
            assert!(sector.products.len() >= 2 && sector.customers.len() >= 2);
        }
        let real_keys = REAL_ORGANIZATIONS
            .iter()
            .map(|o| o.key)
            .chain(REAL_EVENTS.iter().map(|e| e.key))
            .chain(PUBLIC_FUNDS.iter().map(|f| f.key));
        for key in real_keys {
            assert!(is_slug(key), "{key}");
            let last = key.rsplit('-').next().unwrap_or_default();
            assert!(
                !(last.len() >= 6 && last.bytes().all(|b| b.is_ascii_digit())),
                "{key} looks like a generated key"
            );
        }
        // Every template renders in both languages with every slot known.
        let mut rng = entity_rng(0, 0, 0);
        let sectors = [0, 1];
        let mut text = Text::new(&mut rng, "X", &sectors, Stage::Seed);
        text.stages = &[Stage::Seed, Stage::SeriesA];
        text.topics = &[Topic::Legal, Topic::Tax];
        text.provinces = &[0, 3];
        text.ticket = Some((vnd(1_000_000_000), vnd(2_500_000_000)));
        let mut all: Vec<Pair> = [
            TAGLINES,
            STARTUP_INTROS,
            STARTUP_PROBLEMS,
            STARTUP_SOLUTIONS,
            STARTUP_ASKS,
            THESIS_INTROS,
            THESIS_FOCUS,
            BIO_INTROS,
        ]
        .concat();
        all.extend(TRACTION.iter().flat_map(|t| t.iter().copied()));
        all.extend([
            THESIS_TICKET,
            THESIS_SUPPORT,
            THESIS_NATIONWIDE,
            THESIS_REGIONAL,
            BIO_TOPICS,
            BIO_MENTORED,
            BIO_JUDGED,
            BIO_STYLE,
            ORG_INTRO,
            ORG_SERVICES,
            ORG_SCALE,
            EVENT_INTRO,
            EVENT_FOCUS,
            EVENT_REGISTER,
        ]);
        all.extend(EVENT_KINDS.iter().map(|k| k.content));
        for sector in SECTORS {
            all.extend(sector.benefits.iter().copied());
        }
        for template in all {
            for lang in [Lang::Vi, Lang::En] {
                let rendered = text.paragraph(&[template], lang);
                assert!(
                    !rendered.contains('{') && !rendered.contains('}'),
                    "{rendered}"
                );
            }
        }
    }

    #[test]
    fn text_helpers() {
        assert_eq!(round2(2_345_000_000), 2_300_000_000);
        assert_eq!(round2(99), 99);
        assert_eq!(grouped(1_234_567, Lang::Vi), "1.234.567");
        assert_eq!(grouped(1_234_567, Lang::En), "1,234,567");
        assert_eq!(money_text(vnd(2_500_000_000), Lang::Vi), "2,5 tỷ đồng");
        assert_eq!(money_text(vnd(2_500_000_000), Lang::En), "VND 2.5 billion");
        assert_eq!(money_text(vnd(300_000_000), Lang::Vi), "300 triệu đồng");
        assert_eq!(money_text(usd_of(5_000_000_000), Lang::En), "USD 200,000");
        assert_eq!(numbered_key("Lúa Sense", 12), "lua-sense-000012");
        assert!(numbered_key(&"Đà Nẵng ".repeat(30), 1_234_567).len() <= MAX_SLUG_LEN);
        let mut rng = entity_rng(1, 2, 3);
        for _ in 0..100 {
            let phone = landline(&mut rng, 3);
            assert!(
                phone.starts_with("+84 292 ") || phone.starts_with("0292 "),
                "{phone}"
            );
            let phone = mobile(&mut rng);
            assert_eq!(
                phone.chars().filter(char::is_ascii_digit).count(),
                if phone.starts_with('+') { 11 } else { 10 }
            );
        }
    }
}
