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
/// organisations and events named in the plans, generated profiles (160
/// startups, 45 investors of which five are the real public funds, 64
/// mentors) and their investments, then the plans' programmes with their
/// calls, applications in every status, classes, attendance and support
/// given (see `programmes.rs`), and the five plans with the years of
/// records they report on (see `plans.rs`).
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
    let programmes = programmes::demo_programmes(&records);
    records.extend(programmes);
    let plans = plans::demo_plans(&records);
    records.extend(plans);
    // In the file's order of types (stable: each type keeps its order).
    records.sort_by_key(|r| Record::TYPES.iter().position(|t| *t == r.type_name()));
    records
}

/// The seed of [`demo_records`].
const DEMO_SEED: u64 = 2025;

/// The last date anything generated happened on (founding, investments).
fn last_date() -> NaiveDate {
    ymd(2026, 6, 30)
}

mod ecosystem;
mod people;
mod plans;
mod programmes;
mod text;

use ecosystem::*;
use people::*;
use text::*;

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

/// Passes records to the sink and counts them.
struct Emitter<'a> {
    sink: &'a mut dyn FnMut(Record) -> io::Result<()>,
    counts: Counts,
}

impl<'a> Emitter<'a> {
    fn new(sink: &'a mut dyn FnMut(Record) -> io::Result<()>) -> Self {
        Emitter {
            sink,
            counts: Record::TYPES.iter().map(|&t| (t, 0)).collect(),
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
mod tables;

#[cfg(test)]
mod tests;
