//! The matching engine: every startup, investor and mentor reduced to a
//! [`factors`] profile in memory, with posting lists by sector.
//!
//! It loads everything at start-up, then follows the database's change log
//! (the one the search indexer follows, migrations 0004 and 0005): a
//! changed profile, investment, mentor introduction or verdict marks the
//! profiles it affects, and the engine reloads just those, so a change
//! shows in recommendations within the same bound as in search, without a
//! rebuild. Text similarity comes from the search index at query time.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};

use chrono::{Datelike, NaiveDate};

use super::Weights;
use super::assign;
use super::explain::{self, Lang, Names};
use super::factors::{
    self, Factor, InvestorProfile, LANG_EN, LANG_VI, MentorProfile, Place, PlaceRef, Reason, Refs,
    SectorRef, Share, StartupProfile, TrackRecord, Traits, Verdict,
};
use crate::clock::Clock;
use crate::datafile::{InvestorRecord, MentorRecord, StartupRecord};
use crate::model::{
    self, InvestorKind, MatchFeedback, MatchSide, Recipient, Stage, Topic, Vocabulary,
};
use crate::search::{DocKind, SearchError, SearchIndex};
use crate::store::{ChangePosition, DocCounterpart, RecordSelect, Store, StoreError};

/// A hash map keyed by database ids: a multiplicative hash instead of
/// SipHash (ids are not chosen by clients, and ranking looks ids up for
/// every candidate).
pub type IdMap<V> = HashMap<i64, V, std::hash::BuildHasherDefault<IdHasher>>;

/// See [`IdMap`].
#[derive(Debug, Default, Clone, Copy)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(*b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_i64(&mut self, id: i64) {
        self.0 = (id as u64 ^ self.0).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Rows read per step when loading.
const PAGE: i64 = 5_000;
/// Changes read per step when following.
const BATCH: i64 = 5_000;
/// Without a given pool of mentors, how many of each startup's best
/// mentors are candidates in a cohort assignment.
pub const COHORT_CANDIDATES: usize = 50;
/// The deepest a ranked list pages.
pub const MAX_DEPTH: usize = 1_000;

/// Errors of the matching engine.
#[derive(Debug, thiserror::Error)]
pub enum MatchError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Search(#[from] SearchError),
    #[error("the matching engine's state is unusable after a panic")]
    Poisoned,
}

/// One recommended counterpart, best first in its list.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// The recommended profile's id (investor, mentor or startup).
    pub id: i64,
    /// 0..1.
    pub score: f32,
    pub reasons: Vec<MatchReason>,
}

/// A factor's part in a match, explained.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchReason {
    pub factor: Factor,
    /// The factor's own score, 0..1 (for popularity: the multiplier).
    pub score: f32,
    /// Its weight in the mean (0 for the popularity multiplier).
    pub weight: f32,
    pub explanation: String,
}

/// Narrows a list of matches. Keys that name nothing match nothing.
#[derive(Debug, Clone, Default)]
pub struct MatchFilter {
    /// Investor kinds (investor matches).
    pub kinds: Vec<InvestorKind>,
    /// Mentors with any of these topics (mentor matches).
    pub expertise: Vec<Topic>,
    /// Mentors speaking any of these languages (mentor matches).
    pub languages: Vec<String>,
    /// Startups at these stages (deal flow, suggested startups).
    pub stages: Vec<Stage>,
    /// Sector keys: counterparts in any of them.
    pub sectors: Vec<String>,
    /// Province keys: startups or mentors there, investors investing there.
    pub provinces: Vec<String>,
    /// Only matches scoring at least this.
    pub min_score: f32,
}

/// Why a startup of a cohort got no mentor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, async_graphql::Enum)]
#[graphql(name = "UnassignedReason")]
pub enum Unassigned {
    /// No mentor with places left fits it at all.
    NoFittingMentor,
    /// Fitting mentors exist, but their places went to pairs that add up
    /// to a higher total.
    MentorsFull,
    /// The startup does not exist.
    UnknownStartup,
}

/// The result of [`Matching::assign_mentors`].
#[derive(Debug, Clone, Default)]
pub struct Assignment {
    /// `(startup, mentor match)`, by startup in the order asked, best first.
    pub pairs: Vec<(i64, Match)>,
    pub unassigned: Vec<(i64, Unassigned)>,
    /// The sum of the chosen pairs' scores.
    pub total: f32,
}

/// One meeting of a schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    /// From 1.
    pub slot: u32,
    pub startup: i64,
    pub counterpart: Recipient,
    pub score: f32,
}

/// The result of [`Matching::schedule_meetings`].
#[derive(Debug, Clone, Default)]
pub struct Schedule {
    /// By slot, then startup.
    pub meetings: Vec<Meeting>,
    /// The sum of the meetings' scores.
    pub total: f32,
}

/// How many rows [`Table::visit`] reads ahead of ranking them.
const VISIT_RUN: usize = 128;

/// Rows of one kind with posting lists by sector. Posting lists may hold
/// stale entries (a profile that left a sector): candidates are only
/// candidates, and every one is scored on its current profile.
#[derive(Debug)]
struct Table<P: Profile> {
    rows: Vec<Option<P>>,
    /// What ranking reads of each row first, packed (see [`Profile::Key`]).
    keys: Vec<P::Key>,
    slots: IdMap<u32>,
    by_sector: HashMap<SectorRef, Vec<u32>>,
    /// Rows without sectors (open to any).
    open: Vec<u32>,
}

impl<P: Profile> Default for Table<P> {
    fn default() -> Self {
        Table {
            rows: Vec::new(),
            keys: Vec::new(),
            slots: IdMap::default(),
            by_sector: HashMap::new(),
            open: Vec::new(),
        }
    }
}

trait Profile {
    /// The few fields a ranking reads for every candidate, packed so that a
    /// scan over tens of thousands of rows stays in cache (the full rows
    /// hold lists on the heap); the default key is a row that is gone.
    type Key: Copy + Default + std::fmt::Debug;
    fn id(&self) -> i64;
    fn sectors(&self) -> &[SectorRef];
    fn key(&self) -> Self::Key;
    /// Reads what a ranking reads first of a row (its key, or the row
    /// itself where it has none), for [`Table::visit`] to load many rows'
    /// memory at once before ranking them one by one.
    fn touch(row: &Option<Self>, key: &Self::Key) -> u8
    where
        Self: Sized;
}

impl Profile for StartupProfile {
    type Key = ();
    fn id(&self) -> i64 {
        self.id
    }
    fn sectors(&self) -> &[SectorRef] {
        &self.sectors
    }
    fn key(&self) {}
    fn touch(row: &Option<Self>, _: &()) -> u8 {
        u8::from(row.is_some())
    }
}
impl Profile for InvestorProfile {
    type Key = InvestorKey;
    fn id(&self) -> i64 {
        self.id
    }
    fn sectors(&self) -> &[SectorRef] {
        &self.sectors
    }
    fn key(&self) -> InvestorKey {
        InvestorKey::of(self)
    }
    fn touch(_: &Option<Self>, key: &InvestorKey) -> u8 {
        u8::from(key.active)
    }
}
impl Profile for MentorProfile {
    type Key = ();
    fn id(&self) -> i64 {
        self.id
    }
    fn sectors(&self) -> &[SectorRef] {
        &self.sectors
    }
    fn key(&self) {}
    fn touch(row: &Option<Self>, _: &()) -> u8 {
        u8::from(row.is_some())
    }
}

/// What [`Matching::investor_matches`] reads of every candidate investor,
/// in one cache line: enough for a bound that is exact in every factor but
/// track record and feedback. Reading this line is most of a scan's cost.
#[derive(Debug, Clone, Copy, Default)]
#[repr(align(64))]
struct InvestorKey {
    sectors: Refs,
    /// Active and present (the default key is neither).
    active: bool,
    kind: u8,
    /// Stage bits.
    stages: u8,
    /// Whether `provinces` and `regions` hold every place of the investor
    /// (places are interned from 0; provinces past 63 and regions past 31
    /// do not fit).
    exact_places: bool,
    /// The ticket range, 0 where it states none.
    ticket_min: f64,
    ticket_max: f64,
    /// Bits of the provinces it invests in (none: nationwide).
    provinces: u64,
    regions: u32,
    /// Days since the common era of its last deal ([`i32::MIN`]: none).
    last_deal: i32,
    /// The most [`factors::track_record`] can give it: every sector it
    /// has backed a startup's sector, every deal at the startup's stage.
    track_record: f32,
    deals: u32,
}

impl InvestorKey {
    fn of(i: &InvestorProfile) -> InvestorKey {
        let bits = |refs: &[PlaceRef], past: u16| {
            refs.iter()
                .try_fold(0u64, |b, r| (*r < past).then(|| b | 1 << r))
        };
        let (provinces, regions) = (bits(&i.provinces, 64), bits(&i.regions, 32));
        let in_sectors: u32 = i.record.sectors.iter().map(|(_, n)| n).sum();
        InvestorKey {
            sectors: i.sectors,
            active: i.active,
            kind: i.kind as u8,
            stages: i.stages as u8,
            exact_places: provinces.is_some() && regions.is_some(),
            ticket_min: i.ticket_min.unwrap_or(0.0),
            ticket_max: i.ticket_max.unwrap_or(0.0),
            provinces: provinces.unwrap_or(0),
            regions: regions.unwrap_or(0) as u32,
            last_deal: i.record.last.map_or(i32::MIN, |d| d.num_days_from_ce()),
            track_record: if i.record.deals == 0 {
                0.0
            } else {
                factors::track_record_score(in_sectors, i.record.deals)
            },
            deals: i.record.deals,
        }
    }

    /// [`factors::investor_geography`]'s score, or 1 (at its best) when
    /// the places do not fit the bits.
    fn geography(&self, startup: Place) -> f32 {
        if !self.exact_places {
            return 1.0;
        }
        let has = |bits: u64, r: Option<PlaceRef>| r.is_some_and(|r| r < 64 && bits & 1 << r != 0);
        match startup.province {
            _ if self.provinces == 0 => 0.8,
            None => 0.5,
            p if has(self.provinces, p) => 1.0,
            _ if has(u64::from(self.regions), startup.region) => 0.5,
            _ => 0.1,
        }
    }
}

/// The parts of [`Matching::investor_bound`] that are the same for every
/// startup of one investor's deal flow, or depend only on its stage: a
/// first bound from them takes a few loads and no logarithm, and most of a
/// million startups end there.
struct DealBound {
    /// Weighted stage fit plus the most track record can give, by stage
    /// index.
    by_stage: [f32; 5],
    /// Weighted activity plus the ticket fit at its best.
    fixed: f32,
}

impl<P: Profile> Table<P> {
    fn put(&mut self, profile: P) {
        let (slot, old): (u32, Vec<SectorRef>) = match self.slots.get(&profile.id()) {
            Some(&slot) => {
                let old = self.rows[slot as usize]
                    .as_ref()
                    .map(|p| p.sectors().to_vec())
                    .unwrap_or_default();
                (slot, old)
            }
            None => {
                let slot = self.rows.len() as u32;
                self.rows.push(None);
                self.keys.push(P::Key::default());
                self.slots.insert(profile.id(), slot);
                (slot, Vec::new())
            }
        };
        let was_open = self.rows[slot as usize]
            .as_ref()
            .is_some_and(|p| p.sectors().is_empty());
        for s in profile.sectors() {
            if !old.contains(s) {
                self.by_sector.entry(*s).or_default().push(slot);
            }
        }
        if profile.sectors().is_empty() && !was_open {
            self.open.push(slot);
        }
        self.keys[slot as usize] = profile.key();
        self.rows[slot as usize] = Some(profile);
    }

    fn remove(&mut self, id: i64) {
        if let Some(&slot) = self.slots.get(&id) {
            self.rows[slot as usize] = None;
            self.keys[slot as usize] = P::Key::default();
        }
    }

    fn get(&self, id: i64) -> Option<&P> {
        self.slots
            .get(&id)
            .and_then(|s| self.rows[*s as usize].as_ref())
    }

    /// Calls `f` once for each slot of: the rows of the text matches
    /// `first`, with their text scores (first: they raise the ranking
    /// threshold early), then, with none, the rows in any of `sectors` or
    /// open to any, or every row when `sectors` is empty. The latter come
    /// in slot order, whatever list they are in, so the rows are read front
    /// to back (what memory prefetches best).
    fn visit(
        &self,
        first: &IdMap<f32>,
        sectors: &[SectorRef],
        mut f: impl FnMut(u32, Option<f32>),
    ) {
        let words = self.rows.len() / 64 + 1;
        let mut done = vec![0u64; words];
        let bit = |slot: u32| (slot as usize / 64, 1u64 << (slot % 64));
        for (id, text) in first {
            if let Some(&slot) = self.slots.get(id) {
                let (word, mask) = bit(slot);
                if done[word] & mask == 0 {
                    done[word] |= mask;
                    f(slot, Some(*text));
                }
            }
        }
        let wanted = if sectors.is_empty() {
            vec![u64::MAX; words]
        } else {
            let mut wanted = vec![0u64; words];
            let lists = sectors.iter().filter_map(|s| self.by_sector.get(s));
            for slot in lists.flatten().chain(&self.open) {
                let (word, mask) = bit(*slot);
                wanted[word] |= mask;
            }
            wanted
        };
        // In runs of slots: first every row of a run is read (independent
        // loads, which the processor overlaps: most are cache misses), then
        // each is ranked, from cache. Ranking each as it comes waits for
        // its memory one row at a time.
        let mut run = [0u32; VISIT_RUN];
        let mut n = 0;
        let mut rank = |run: &[u32]| {
            let touched = run.iter().fold(0u8, |t, s| {
                t ^ P::touch(&self.rows[*s as usize], &self.keys[*s as usize])
            });
            std::hint::black_box(touched);
            for slot in run {
                f(*slot, None);
            }
        };
        for (word, bits) in wanted.iter().enumerate() {
            let mut left = *bits & !done[word];
            while left != 0 {
                let slot = (word * 64) as u32 + left.trailing_zeros();
                left &= left - 1;
                if (slot as usize) < self.rows.len() {
                    run[n] = slot;
                    n += 1;
                    if n == VISIT_RUN {
                        rank(&run);
                        n = 0;
                    }
                }
            }
        }
        rank(&run[..n]);
    }

    fn live(&self) -> usize {
        self.rows.iter().filter(|r| r.is_some()).count()
    }
}

/// Sector and place names, interned.
#[derive(Debug, Default)]
struct NameTable {
    sector_keys: HashMap<String, SectorRef>,
    /// `(key, Vietnamese name, English name)`.
    sectors: Vec<(String, String, String)>,
    province_keys: HashMap<String, PlaceRef>,
    /// `(name, region)`.
    provinces: Vec<(String, Option<PlaceRef>)>,
    region_keys: HashMap<String, PlaceRef>,
    regions: Vec<String>,
}

impl NameTable {
    fn intern_sector(&mut self, key: &str) -> SectorRef {
        if let Some(r) = self.sector_keys.get(key) {
            return *r;
        }
        let r = self.sectors.len() as SectorRef;
        self.sectors
            .push((key.to_string(), key.to_string(), key.to_string()));
        self.sector_keys.insert(key.to_string(), r);
        r
    }

    fn intern_region(&mut self, name: &str) -> PlaceRef {
        if let Some(r) = self.region_keys.get(name) {
            return *r;
        }
        let r = self.regions.len() as PlaceRef;
        self.regions.push(name.to_string());
        self.region_keys.insert(name.to_string(), r);
        r
    }

    fn intern_province(&mut self, key: &str) -> PlaceRef {
        if let Some(r) = self.province_keys.get(key) {
            return *r;
        }
        let r = self.provinces.len() as PlaceRef;
        self.provinces.push((key.to_string(), None));
        self.province_keys.insert(key.to_string(), r);
        r
    }

    fn place(&mut self, key: Option<&str>) -> Place {
        match key {
            None => Place::default(),
            Some(key) => {
                let p = self.intern_province(key);
                Place {
                    province: Some(p),
                    region: self.provinces[p as usize].1,
                }
            }
        }
    }

    async fn refresh(&mut self, store: &Store) -> Result<(), StoreError> {
        for s in store.sectors().await? {
            let r = self.intern_sector(&s.slug);
            self.sectors[r as usize] = (s.slug, s.name, s.name_en);
        }
        for p in store.provinces().await? {
            let region = (!p.region.trim().is_empty()).then(|| self.intern_region(&p.region));
            let r = self.intern_province(&p.slug);
            self.provinces[r as usize] = (p.name, region);
        }
        Ok(())
    }

    fn knows(&self, sectors: &[String], province: Option<&String>) -> bool {
        sectors.iter().all(|s| self.sector_keys.contains_key(s))
            && province.is_none_or(|p| self.province_keys.contains_key(p))
    }
}

impl Names for NameTable {
    fn sector(&self, sector: SectorRef, lang: Lang) -> &str {
        self.sectors
            .get(sector as usize)
            .map_or("?", |(_, vi, en)| match lang {
                Lang::Vi => vi,
                Lang::En => en,
            })
    }
    fn province(&self, province: PlaceRef) -> &str {
        self.provinces.get(province as usize).map_or("?", |p| &p.0)
    }
    fn region(&self, region: PlaceRef) -> &str {
        self.regions.get(region as usize).map_or("?", |r| r)
    }
}

/// Everything the engine knows.
#[derive(Debug, Default)]
struct Catalogue {
    names: NameTable,
    startups: Table<StartupProfile>,
    investors: Table<InvestorProfile>,
    mentors: Table<MentorProfile>,
    /// Public deals per investor: `(startup, round, date)`. Confidential
    /// deals are left out: track record, activity and popularity are
    /// explained to anyone who reads a match, and a probe startup's
    /// reasons would otherwise narrow down each hidden deal's date, stage
    /// and sector. Nobody's score counts them, so the score cannot be
    /// probed for them either. They still keep an investor out of the
    /// matches of a startup it backs: those lists are for the startup's
    /// own side, who is a party to the deal.
    deals: HashMap<i64, Vec<(i64, Stage, NaiveDate)>>,
    /// Verdicts in startups' lists, per startup.
    startup_verdicts: HashMap<i64, Vec<(Recipient, Verdict)>>,
    /// Verdicts in investors' and mentors' lists, per counterpart.
    counterpart_verdicts: HashMap<Recipient, Vec<(i64, Verdict)>>,
    /// Positive verdicts from startups, per investor or mentor.
    votes: HashMap<Recipient, u32>,
}

/// Guesses the languages a profile is written in: Vietnamese when it has
/// Vietnamese letters or common unaccented Vietnamese words, English when
/// it has common English words.
pub fn languages_of(text: &str) -> u8 {
    const VI_WORDS: [&str; 8] = ["va", "cua", "cho", "cac", "nhung", "duoc", "khong", "voi"];
    const EN_WORDS: [&str; 8] = ["the", "and", "for", "with", "our", "we", "to", "of"];
    let mut bits = 0;
    if text.chars().any(|c| {
        matches!(c, 'đ' | 'Đ' | 'ă' | 'Ă' | 'ơ' | 'Ơ' | 'ư' | 'Ư')
            || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
    }) {
        bits |= LANG_VI;
    }
    let mut vi = 0;
    let mut en = 0;
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(400)
    {
        let word = word.to_ascii_lowercase();
        vi += VI_WORDS.contains(&word.as_str()) as u32;
        en += EN_WORDS.contains(&word.as_str()) as u32;
    }
    if vi >= 2 {
        bits |= LANG_VI;
    }
    if en >= 2 {
        bits |= LANG_EN;
    }
    if bits == 0 { LANG_VI } else { bits }
}

fn vnd(money: Option<&model::Money>) -> Option<f64> {
    money.map(|m| m.in_vnd() as f64)
}

impl Catalogue {
    fn startup_profile(
        &mut self,
        id: i64,
        r: &StartupRecord,
        investors: Vec<i64>,
    ) -> StartupProfile {
        StartupProfile {
            id,
            sectors: r
                .sectors
                .iter()
                .map(|s| self.names.intern_sector(s))
                .collect(),
            stage: r.stage,
            place: self.names.place(r.province.as_deref()),
            seeking_vnd: vnd(r.seeking.as_ref()),
            needs: factors::topic_bits(&r.needs),
            languages: languages_of(&format!("{} {}", r.tagline, r.description)),
            investors,
        }
    }

    fn investor_profile(&mut self, id: i64, r: &InvestorRecord) -> InvestorProfile {
        let provinces: Vec<PlaceRef> = r
            .provinces
            .iter()
            .map(|p| self.names.intern_province(p))
            .collect();
        let mut regions: Vec<PlaceRef> = provinces
            .iter()
            .filter_map(|p| self.names.provinces[*p as usize].1)
            .collect();
        regions.sort_unstable();
        regions.dedup();
        InvestorProfile {
            id,
            kind: r.kind,
            sectors: r
                .sectors
                .iter()
                .map(|s| self.names.intern_sector(s))
                .collect(),
            stages: factors::stage_bits(&r.stages),
            ticket_min: vnd(r.ticket_min.as_ref()),
            ticket_max: vnd(r.ticket_max.as_ref()),
            provinces,
            regions,
            active: r.active,
            record: TrackRecord::default(),
        }
    }

    fn mentor_profile(&mut self, id: i64, r: &MentorRecord, load: i32) -> MentorProfile {
        MentorProfile {
            id,
            sectors: r
                .sectors
                .iter()
                .map(|s| self.names.intern_sector(s))
                .collect(),
            expertise: factors::topic_bits(&r.expertise),
            languages: r
                .languages
                .iter()
                .fold(0, |bits, l| bits | factors::language_bit(l)),
            place: self.names.place(r.province.as_deref()),
            capacity: r.capacity,
            load,
        }
    }

    /// The track record from the investor's deals and the sectors of the
    /// startups invested in (as they are now).
    fn track_record(&self, investor: i64) -> TrackRecord {
        let mut record = TrackRecord::default();
        for (startup, round, date) in self.deals.get(&investor).into_iter().flatten() {
            record.deals += 1;
            record.stages[round.index() as usize] += 1;
            record.last = record.last.max(Some(*date));
            for s in self.startups.get(*startup).map_or(&[][..], |p| &p.sectors) {
                record.sectors.add(*s);
            }
        }
        record
    }

    fn set_startup_verdicts(&mut self, startups: &[i64], rows: &[MatchFeedback]) {
        for id in startups {
            self.startup_verdicts.remove(id);
        }
        for f in rows.iter().filter(|f| f.side == MatchSide::Startup) {
            self.startup_verdicts
                .entry(f.startup_id)
                .or_default()
                .push((f.counterpart, f.verdict));
        }
    }

    fn set_counterpart_verdicts(&mut self, counterparts: &[Recipient], rows: &[MatchFeedback]) {
        for c in counterparts {
            self.counterpart_verdicts.remove(c);
            self.votes.remove(c);
        }
        for f in rows {
            match f.side {
                MatchSide::Counterpart => self
                    .counterpart_verdicts
                    .entry(f.counterpart)
                    .or_default()
                    .push((f.startup_id, f.verdict)),
                MatchSide::Startup if f.verdict.is_positive() => {
                    *self.votes.entry(f.counterpart).or_default() += 1
                }
                MatchSide::Startup => {}
            }
        }
    }

    /// [`Catalogue::demand`] of a profile whose own count (deals or
    /// mentees) is at hand.
    fn demand_of(&self, who: Recipient, own: u32) -> u32 {
        if self.votes.is_empty() {
            return own;
        }
        own + self.votes.get(&who).copied().unwrap_or(0)
    }

    fn demand(&self, who: Recipient) -> u32 {
        let own = match who {
            Recipient::Investor(id) => self.investors.get(id).map_or(0, |i| i.record.deals),
            Recipient::Mentor(id) => self.mentors.get(id).map_or(0, |m| m.load.max(0) as u32),
        };
        if self.votes.is_empty() {
            return own;
        }
        own + self.votes.get(&who).copied().unwrap_or(0)
    }
}

fn investor_traits(i: &InvestorProfile) -> Traits<'_> {
    Traits {
        sectors: &i.sectors,
        bits: u64::from(i.stages) | (1u64 << (8 + i.kind.index())),
    }
}

fn mentor_traits(m: &MentorProfile) -> Traits<'_> {
    Traits {
        sectors: &m.sectors,
        bits: u64::from(m.expertise),
    }
}

fn startup_traits(s: &StartupProfile) -> Traits<'_> {
    Traits {
        sectors: &s.sectors,
        bits: (1u64 << s.stage.index()) | (u64::from(s.needs) << 8),
    }
}

/// What a user said in one list: verdicts by the other side's id, and the
/// traits of what they liked and dismissed.
struct Said<'a> {
    direct: IdMap<Verdict>,
    liked: Vec<Traits<'a>>,
    disliked: Vec<Traits<'a>>,
}

impl<'a> Said<'a> {
    fn new(
        verdicts: impl Iterator<Item = (i64, Verdict)>,
        traits: impl Fn(i64) -> Option<Traits<'a>>,
    ) -> Self {
        let mut said = Said {
            direct: IdMap::default(),
            liked: Vec::new(),
            disliked: Vec::new(),
        };
        for (id, verdict) in verdicts {
            said.direct.insert(id, verdict);
            if let Some(t) = traits(id) {
                if verdict.is_positive() {
                    said.liked.push(t);
                } else {
                    said.disliked.push(t);
                }
            }
        }
        said
    }

    /// Whether the user has said anything that counts in scores.
    fn counts(&self) -> bool {
        !self.liked.is_empty() || !self.disliked.is_empty()
    }

    /// The ids the user dismissed.
    fn dismissed_ids(&self) -> impl Iterator<Item = i64> + '_ {
        self.direct
            .iter()
            .filter(|(_, v)| **v == Verdict::NotRelevant)
            .map(|(id, _)| *id)
    }

    fn dismissed(&self, id: i64) -> bool {
        if self.direct.is_empty() {
            return false;
        }
        self.direct.get(&id) == Some(&Verdict::NotRelevant)
    }

    fn share(&self, id: i64, traits: Traits<'_>) -> Option<Share> {
        factors::feedback(
            self.direct.get(&id).copied(),
            traits,
            &self.liked,
            &self.disliked,
        )
    }
}

/// Text scores relative to the best, by id.
fn relative(hits: &[(i64, f32)]) -> IdMap<f32> {
    let best = hits.iter().map(|h| h.1).fold(0.0f32, f32::max);
    if best <= 0.0 {
        return IdMap::default();
    }
    hits.iter().map(|(id, s)| (*id, s / best)).collect()
}

/// A bound's weighted mean: `sum / total`, with feedback at its best
/// (score 1) when it counts.
/// Bounds computed by another path than the score they bound are raised
/// by this factor, so that rounding never puts a bound below its score.
const BOUND_SLACK: f32 = 1.0 + 1e-5;

fn with_feedback(sum: f32, total: f32, feedback: Option<f32>) -> f32 {
    let weight = feedback.unwrap_or(0.0);
    let total = total + weight;
    if total > 0.0 {
        (sum + weight) / total
    } else {
        0.0
    }
}

/// A scored candidate: factor shares (fixed, on the stack) and dampening.
struct Scored {
    shares: [(Share, f32); 8],
    len: usize,
    dampening: Option<Share>,
}

impl Scored {
    fn new() -> Scored {
        let blank = (factors::text(None), 0.0);
        Scored {
            shares: [blank; 8],
            len: 0,
            dampening: None,
        }
    }
    fn push(&mut self, share: Share, weight: f32) {
        self.shares[self.len] = (share, weight);
        self.len += 1;
    }
    fn score(&self) -> f32 {
        factors::score_of(&self.shares[..self.len], self.dampening.as_ref())
    }
    fn reasons(&self) -> Vec<Reason> {
        factors::reasons_of(&self.shares[..self.len], self.dampening.as_ref())
    }
}

/// The engine, shared by every request.
#[derive(Debug)]
pub struct Matching {
    state: RwLock<Catalogue>,
    index: Arc<SearchIndex>,
    weights: Weights,
    /// What "today" is for the recency of deals.
    clock: Clock,
    ready: AtomicBool,
}

impl Matching {
    /// An empty engine; [`Matching::start`] loads and follows.
    pub fn new(index: Arc<SearchIndex>, weights: Weights, clock: Clock) -> Arc<Matching> {
        Arc::new(Matching {
            state: RwLock::new(Catalogue::default()),
            index,
            weights,
            clock,
            ready: AtomicBool::new(false),
        })
    }

    /// The weights in use.
    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    /// Whether the first load has finished.
    pub fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Acquire)
    }

    fn read(&self) -> Result<std::sync::RwLockReadGuard<'_, Catalogue>, MatchError> {
        self.state.read().map_err(|_| MatchError::Poisoned)
    }

    fn write(&self) -> Result<std::sync::RwLockWriteGuard<'_, Catalogue>, MatchError> {
        self.state.write().map_err(|_| MatchError::Poisoned)
    }

    /// Reads everything into a new catalogue and swaps it in; returns the
    /// change-log position it is current with.
    pub async fn load(&self, store: &Store) -> Result<ChangePosition, MatchError> {
        let position = store.change_log_position().await?;
        let mut c = Catalogue::default();
        c.names.refresh(store).await?;
        let mut invested: HashMap<i64, Vec<i64>> = HashMap::new();
        let mut after = 0;
        loop {
            let page = store.investments_after(after, PAGE).await?;
            let Some(last) = page.last() else { break };
            after = last.id;
            for x in page {
                invested
                    .entry(x.startup_id)
                    .or_default()
                    .push(x.investor_id);
                if x.confidential {
                    continue;
                }
                c.deals
                    .entry(x.investor_id)
                    .or_default()
                    .push((x.startup_id, x.round, x.date));
            }
        }
        let mut after = 0;
        loop {
            let page = store
                .startup_records(RecordSelect::After { after, limit: PAGE })
                .await?;
            let Some(last) = page.last() else { break };
            after = last.0;
            for (id, r) in &page {
                let p = c.startup_profile(*id, r, invested.remove(id).unwrap_or_default());
                c.startups.put(p);
            }
        }
        let mut after = 0;
        loop {
            let page = store
                .investor_records(RecordSelect::After { after, limit: PAGE })
                .await?;
            let Some(last) = page.last() else { break };
            after = last.0;
            for (id, r) in &page {
                let mut p = c.investor_profile(*id, r);
                p.record = c.track_record(*id);
                c.investors.put(p);
            }
        }
        let loads: HashMap<i64, i64> = store.mentor_loads(None).await?.into_iter().collect();
        let mut after = 0;
        loop {
            let page = store
                .mentor_records(RecordSelect::After { after, limit: PAGE })
                .await?;
            let Some(last) = page.last() else { break };
            after = last.0;
            for (id, r) in &page {
                let load = loads.get(id).copied().unwrap_or(0) as i32;
                let p = c.mentor_profile(*id, r, load);
                c.mentors.put(p);
            }
        }
        let mut after = 0;
        let mut feedback = Vec::new();
        loop {
            let page = store.match_feedback_after(after, PAGE).await?;
            let Some(last) = page.last() else { break };
            after = last.0;
            feedback.extend(page.into_iter().map(|(_, f)| f));
        }
        c.set_startup_verdicts(&[], &feedback);
        c.set_counterpart_verdicts(&[], &feedback);
        tracing::info!(
            startups = c.startups.live(),
            investors = c.investors.live(),
            mentors = c.mentors.live(),
            "matching engine loaded"
        );
        *self.write()? = c;
        Ok(position)
    }

    /// Reloads every profile changed after `position`; returns the new
    /// position.
    pub async fn catch_up(
        &self,
        store: &Store,
        mut position: ChangePosition,
    ) -> Result<ChangePosition, MatchError> {
        loop {
            let (changes, next) = store.change_log_after(position, BATCH).await?;
            if changes.is_empty() {
                return Ok(next);
            }
            let mut startups = HashSet::new();
            let mut investors = HashSet::new();
            let mut mentors = HashSet::new();
            for change in &changes {
                match DocKind::parse(&change.kind) {
                    Some(DocKind::Startup) => startups.insert(change.id),
                    Some(DocKind::Investor) => investors.insert(change.id),
                    Some(DocKind::Mentor) => mentors.insert(change.id),
                    _ => false,
                };
            }
            let startups: Vec<i64> = startups.into_iter().collect();
            let investors: Vec<i64> = investors.into_iter().collect();
            let mentors: Vec<i64> = mentors.into_iter().collect();
            self.reload(store, &startups, &investors, &mentors).await?;
            position = next;
        }
    }

    async fn reload(
        &self,
        store: &Store,
        startups: &[i64],
        investors: &[i64],
        mentors: &[i64],
    ) -> Result<(), MatchError> {
        // Read everything first, then change the catalogue in one go.
        let startup_rows = store.startup_records(RecordSelect::Ids(startups)).await?;
        let startup_deals = store.investments_by_startups(startups).await?;
        let startup_feedback = store.match_feedback_of_startups(startups).await?;
        let investor_rows = store.investor_records(RecordSelect::Ids(investors)).await?;
        let investor_deals = store.investments_by_investors(investors).await?;
        let investor_feedback = store
            .match_feedback_of(DocCounterpart::Investor, investors)
            .await?;
        let mentor_rows = store.mentor_records(RecordSelect::Ids(mentors)).await?;
        let loads: HashMap<i64, i64> = store
            .mentor_loads(Some(mentors))
            .await?
            .into_iter()
            .collect();
        let mentor_feedback = store
            .match_feedback_of(DocCounterpart::Mentor, mentors)
            .await?;
        let unknown = {
            let c = self.read()?;
            startup_rows
                .iter()
                .any(|(_, r)| !c.names.knows(&r.sectors, r.province.as_ref()))
                || mentor_rows
                    .iter()
                    .any(|(_, r)| !c.names.knows(&r.sectors, r.province.as_ref()))
                || investor_rows.iter().any(|(_, r)| {
                    !c.names.knows(&r.sectors, None)
                        || r.provinces
                            .iter()
                            .any(|p| !c.names.province_keys.contains_key(p))
                })
        };
        let mut names = NameTable::default();
        if unknown {
            names.refresh(store).await?;
        }

        let mut c = self.write()?;
        if unknown {
            for (key, vi, en) in names.sectors {
                let r = c.names.intern_sector(&key);
                c.names.sectors[r as usize] = (key, vi, en);
            }
            let regions = names.regions;
            for (key, r) in names.province_keys {
                let (name, region) = &names.provinces[r as usize];
                let region = region.map(|x| c.names.intern_region(&regions[x as usize]));
                let mine = c.names.intern_province(&key);
                c.names.provinces[mine as usize] = (name.clone(), region);
            }
        }
        let mut invested: HashMap<i64, Vec<i64>> = HashMap::new();
        for x in &startup_deals {
            invested
                .entry(x.startup_id)
                .or_default()
                .push(x.investor_id);
        }
        let present: HashSet<i64> = startup_rows.iter().map(|(id, _)| *id).collect();
        for (id, r) in &startup_rows {
            let p = c.startup_profile(*id, r, invested.remove(id).unwrap_or_default());
            c.startups.put(p);
        }
        for id in startups.iter().filter(|id| !present.contains(id)) {
            c.startups.remove(*id);
        }
        c.set_startup_verdicts(startups, &startup_feedback);

        for id in investors {
            c.deals.remove(id);
        }
        for x in investor_deals.iter().filter(|x| !x.confidential) {
            c.deals
                .entry(x.investor_id)
                .or_default()
                .push((x.startup_id, x.round, x.date));
        }
        let present: HashSet<i64> = investor_rows.iter().map(|(id, _)| *id).collect();
        for (id, r) in &investor_rows {
            let mut p = c.investor_profile(*id, r);
            p.record = c.track_record(*id);
            c.investors.put(p);
        }
        for id in investors.iter().filter(|id| !present.contains(id)) {
            c.investors.remove(*id);
            c.deals.remove(id);
        }
        let who: Vec<Recipient> = investors.iter().map(|i| Recipient::Investor(*i)).collect();
        c.set_counterpart_verdicts(&who, &investor_feedback);

        let present: HashSet<i64> = mentor_rows.iter().map(|(id, _)| *id).collect();
        for (id, r) in &mentor_rows {
            let load = loads.get(id).copied().unwrap_or(0) as i32;
            let p = c.mentor_profile(*id, r, load);
            c.mentors.put(p);
        }
        for id in mentors.iter().filter(|id| !present.contains(id)) {
            c.mentors.remove(*id);
        }
        let who: Vec<Recipient> = mentors.iter().map(|m| Recipient::Mentor(*m)).collect();
        c.set_counterpart_verdicts(&who, &mentor_feedback);
        Ok(())
    }

    /// A filter's sector and province keys as references; `None` when a
    /// key names nothing (so the filter matches nothing).
    fn places_and_sectors(
        c: &Catalogue,
        filter: &MatchFilter,
    ) -> Option<(Vec<SectorRef>, Vec<PlaceRef>)> {
        let sectors = filter
            .sectors
            .iter()
            .map(|k| c.names.sector_keys.get(k).copied())
            .collect::<Option<Vec<_>>>()?;
        let provinces = filter
            .provinces
            .iter()
            .map(|k| c.names.province_keys.get(k).copied())
            .collect::<Option<Vec<_>>>()?;
        Some((sectors, provinces))
    }

    fn text_hits(&self, kind: DocKind, text: &str) -> Result<IdMap<f32>, MatchError> {
        let hits = self
            .index
            .similar(kind, text, self.weights.text_candidates)?;
        Ok(relative(&hits))
    }

    /// Text scores relative to the best in a pool (see [`SearchIndex::pool`]).
    fn pool_hits(
        &self,
        pool: &crate::search::SimilarPool,
        text: &str,
    ) -> Result<IdMap<f32>, MatchError> {
        Ok(relative(&pool.similar(text, usize::MAX)?))
    }

    fn score_investor(
        &self,
        s: &StartupProfile,
        i: &InvestorProfile,
        text: Option<f32>,
        feedback: Option<Share>,
        demand: Option<u32>,
        today: NaiveDate,
    ) -> Scored {
        let w = &self.weights.investor;
        let mut scored = Scored::new();
        scored.push(factors::sector(&s.sectors, &i.sectors), w.sector);
        scored.push(factors::stage(s.stage, i.stages), w.stage);
        scored.push(
            factors::ticket(s.seeking_vnd, i.ticket_min, i.ticket_max),
            w.ticket,
        );
        scored.push(
            factors::investor_geography(s.place, &i.provinces, &i.regions),
            w.geography,
        );
        scored.push(factors::text(text), w.text);
        scored.push(
            factors::track_record(&i.record, &s.sectors, s.stage),
            w.track_record,
        );
        scored.push(factors::activity(i.record.last, today), w.activity);
        if let Some(f) = feedback {
            scored.push(f, w.feedback);
        }
        scored.dampening = demand.map(|d| factors::dampening(d, self.weights.popularity));
        scored
    }

    /// An upper bound of [`Matching::score_investor`]'s score: every
    /// factor exactly but feedback (at its best when the user has said
    /// anything), times `damping` (the popularity multiplier, or 1 where
    /// there is none), with none of the explanations built.
    fn investor_bound(
        &self,
        s: &StartupProfile,
        i: &InvestorProfile,
        text: Option<f32>,
        feedback: bool,
        today: NaiveDate,
        damping: f32,
    ) -> f32 {
        let w = &self.weights.investor;
        let sum = w.sector * factors::sector_score(&s.sectors, &i.sectors)
            + w.stage * factors::stage(s.stage, i.stages).score
            + w.ticket * factors::ticket(s.seeking_vnd, i.ticket_min, i.ticket_max).score
            + w.geography * factors::investor_geography(s.place, &i.provinces, &i.regions).score
            + w.text * factors::text(text).score
            + w.track_record * factors::track_record(&i.record, &s.sectors, s.stage).score
            + w.activity * factors::activity(i.record.last, today).score;
        with_feedback(sum, w.without_feedback(), feedback.then_some(w.feedback)) * damping
    }

    /// An upper bound of [`Matching::score_investor`]'s score before
    /// dampening, from the packed key alone: exact in every factor but
    /// track record (as if every backed sector were the startup's, every
    /// deal at its stage) and feedback (at its best when the user has said anything).
    fn investor_key_bound(
        &self,
        s: &StartupProfile,
        k: &InvestorKey,
        text: Option<f32>,
        feedback: bool,
        today: i32,
    ) -> f32 {
        let w = &self.weights.investor;
        let recent = k.last_deal != i32::MIN
            && i64::from(today) - i64::from(k.last_deal) <= factors::RECENT_DAYS;
        let sum = w.sector * factors::sector_score(&s.sectors, &k.sectors)
            + w.stage * factors::stage(s.stage, u32::from(k.stages)).score
            + w.ticket
                * factors::ticket(s.seeking_vnd, Some(k.ticket_min), Some(k.ticket_max)).score
            + w.geography * k.geography(s.place)
            + w.text * factors::text(text).score
            + w.track_record * k.track_record
            + w.activity * if recent { 1.0 } else { 0.6 };
        with_feedback(sum, w.without_feedback(), feedback.then_some(w.feedback)) * BOUND_SLACK
    }

    /// What [`Matching::investor_bound`] computes alike for every startup
    /// of one investor's deal flow, worked out once (see [`DealBound`]).
    fn deal_bound(&self, i: &InvestorProfile, today: NaiveDate) -> DealBound {
        let w = &self.weights.investor;
        let in_sectors: u32 = i.record.sectors.iter().map(|(_, n)| n).sum();
        let by_stage = std::array::from_fn(|n| {
            let stage = Stage::ALL[n];
            let track = if i.record.deals == 0 {
                0.0
            } else {
                factors::track_record_score(in_sectors, i.record.stages[n])
            };
            w.stage * factors::stage(stage, i.stages).score + w.track_record * track
        });
        DealBound {
            by_stage,
            fixed: w.ticket + w.activity * factors::activity(i.record.last, today).score,
        }
    }

    /// An upper bound of [`Matching::investor_bound`] (without damping)
    /// from a [`DealBound`]: exact but for the ticket (at its best) and
    /// track record (as if every backed sector were the startup's).
    fn deal_quick_bound(
        &self,
        d: &DealBound,
        s: &StartupProfile,
        i: &InvestorProfile,
        text: Option<f32>,
        feedback: bool,
    ) -> f32 {
        let w = &self.weights.investor;
        let sum = d.fixed
            + d.by_stage[s.stage.index() as usize]
            + w.sector * factors::sector_score(&s.sectors, &i.sectors)
            + w.geography * factors::investor_geography(s.place, &i.provinces, &i.regions).score
            + w.text * factors::text(text).score;
        with_feedback(sum, w.without_feedback(), feedback.then_some(w.feedback)) * BOUND_SLACK
    }

    /// An upper bound of [`Matching::score_mentor`]'s score (as
    /// [`Matching::investor_bound`]).
    fn mentor_bound(
        &self,
        s: &StartupProfile,
        m: &MentorProfile,
        text: Option<f32>,
        feedback: bool,
    ) -> f32 {
        let w = &self.weights.mentor;
        let sum = w.sector * factors::sector_score(&s.sectors, &m.sectors)
            + w.needs * factors::needs(s.needs, m.expertise).score
            + w.geography * factors::mentor_geography(s.place, m.place).score
            + w.language * factors::language(s.languages, m.languages).score
            + w.text * factors::text(text).score
            + w.capacity * factors::capacity(m.remaining()).score;
        let total = w.sector + w.needs + w.geography + w.language + w.text + w.capacity;
        with_feedback(sum, total, feedback.then_some(w.feedback))
    }

    fn score_mentor(
        &self,
        s: &StartupProfile,
        m: &MentorProfile,
        text: Option<f32>,
        feedback: Option<Share>,
        demand: Option<u32>,
    ) -> Scored {
        let w = &self.weights.mentor;
        let mut scored = Scored::new();
        scored.push(factors::sector(&s.sectors, &m.sectors), w.sector);
        scored.push(factors::needs(s.needs, m.expertise), w.needs);
        scored.push(factors::mentor_geography(s.place, m.place), w.geography);
        scored.push(factors::language(s.languages, m.languages), w.language);
        scored.push(factors::text(text), w.text);
        scored.push(factors::capacity(m.remaining()), w.capacity);
        if let Some(f) = feedback {
            scored.push(f, w.feedback);
        }
        scored.dampening = demand.map(|d| factors::dampening(d, self.weights.popularity));
        scored
    }

    fn finish(c: &Catalogue, id: i64, scored: &Scored, lang: Lang) -> Match {
        Match {
            id,
            score: scored.score(),
            reasons: scored
                .reasons()
                .into_iter()
                .map(|r| MatchReason {
                    factor: r.share.factor,
                    score: r.share.score,
                    weight: r.weight,
                    explanation: explain::explain(&r.share.why, lang, &c.names),
                })
                .collect(),
        }
    }

    /// The investors that fit a startup best, at most `limit`, with
    /// reasons; `text` is the startup's tagline and description. `None`
    /// when the startup is unknown to the engine.
    pub fn investor_matches(
        &self,
        startup: i64,
        text: &str,
        filter: &MatchFilter,
        limit: usize,
        lang: Lang,
    ) -> Result<Option<Vec<Match>>, MatchError> {
        let hits = self.text_hits(DocKind::Investor, text)?;
        let c = self.read()?;
        let Some(s) = c.startups.get(startup) else {
            return Ok(None);
        };
        let Some((sectors, provinces)) = Self::places_and_sectors(&c, filter) else {
            return Ok(Some(vec![]));
        };
        let said = self.startup_said_investors(&c, startup);
        let today = self.clock.today();
        let feedback = said.counts();
        let mut ranker = Ranker::new(limit, filter.min_score);
        // Those it has invested in or dismissed, by slot.
        let mut excluded: Vec<u32> = s
            .investors
            .iter()
            .copied()
            .chain(said.dismissed_ids())
            .filter_map(|id| c.investors.slots.get(&id).copied())
            .collect();
        excluded.sort_unstable();
        let kinds: Vec<u8> = filter.kinds.iter().map(|k| *k as u8).collect();
        let province_bits = provinces
            .iter()
            .try_fold(0u64, |b, r| (*r < 64).then(|| b | 1 << r));
        let today_day = today.num_days_from_ce();
        let popularity = self.weights.popularity;
        c.investors.visit(&hits, &s.sectors, |slot, text| {
            let k = &c.investors.keys[slot as usize];
            if !k.active || (!excluded.is_empty() && excluded.binary_search(&slot).is_ok()) {
                return;
            }
            if !kinds.is_empty() && !kinds.contains(&k.kind) {
                return;
            }
            if !sectors.is_empty() && !k.sectors.iter().any(|x| sectors.contains(x)) {
                return;
            }
            // Nationwide investors fit every province filter.
            if !provinces.is_empty() && (k.provinces != 0 || !k.exact_places) {
                let inside = match province_bits.filter(|_| k.exact_places) {
                    Some(bits) => k.provinces & bits != 0,
                    None => c.investors.rows[slot as usize].as_ref().is_some_and(|i| {
                        i.provinces.is_empty() || i.provinces.iter().any(|p| provinces.contains(p))
                    }),
                };
                if !inside {
                    return;
                }
            }
            // A bound from the packed key first: most candidates end here,
            // without reading their rows. Votes only add to the deals'
            // demand: damping by the deals alone is at least the real one.
            let bound = self.investor_key_bound(s, k, text, feedback, today_day);
            if ranker.pass(bound)
                || ranker.pass(bound * factors::dampening(k.deals, popularity).score)
            {
                return;
            }
            let Some(i) = c.investors.rows[slot as usize].as_ref() else {
                return;
            };
            let demand = c.demand_of(Recipient::Investor(i.id), i.record.deals);
            let damping = factors::dampening(demand, popularity).score;
            let bound = self.investor_bound(s, i, text, feedback, today, damping);
            ranker.offer(bound, i.id, slot, || {
                self.score_investor(
                    s,
                    i,
                    text,
                    said.share(i.id, investor_traits(i)),
                    Some(demand),
                    today,
                )
                .score()
            });
        });
        let best = ranker.sorted();
        Ok(Some(
            best.into_iter()
                .map(|(_, id, slot)| {
                    let i = c.investors.rows[slot as usize].as_ref().expect("live row");
                    let scored = self.score_investor(
                        s,
                        i,
                        hits.get(&id).copied(),
                        said.share(id, investor_traits(i)),
                        Some(c.demand(Recipient::Investor(id))),
                        today,
                    );
                    Self::finish(&c, id, &scored, lang)
                })
                .collect(),
        ))
    }

    /// The mentors that fit a startup best (with places left), at most
    /// `limit`, with reasons. `None` when the startup is unknown.
    pub fn mentor_matches(
        &self,
        startup: i64,
        text: &str,
        filter: &MatchFilter,
        limit: usize,
        lang: Lang,
    ) -> Result<Option<Vec<Match>>, MatchError> {
        let hits = self.text_hits(DocKind::Mentor, text)?;
        let c = self.read()?;
        let Some(s) = c.startups.get(startup) else {
            return Ok(None);
        };
        let best = self.rank_mentors(&c, s, &hits, filter, None, limit)?;
        let said = self.startup_said_mentors(&c, startup);
        Ok(Some(
            best.into_iter()
                .map(|(_, id, slot)| {
                    let m = c.mentors.rows[slot as usize].as_ref().expect("live row");
                    let scored = self.score_mentor(
                        s,
                        m,
                        hits.get(&id).copied(),
                        said.share(id, mentor_traits(m)),
                        Some(c.demand(Recipient::Mentor(id))),
                    );
                    Self::finish(&c, id, &scored, lang)
                })
                .collect(),
        ))
    }

    fn startup_said_investors<'a>(&self, c: &'a Catalogue, startup: i64) -> Said<'a> {
        Said::new(
            c.startup_verdicts
                .get(&startup)
                .into_iter()
                .flatten()
                .filter_map(|(r, v)| match r {
                    Recipient::Investor(id) => Some((*id, *v)),
                    Recipient::Mentor(_) => None,
                }),
            |id| c.investors.get(id).map(investor_traits),
        )
    }

    fn startup_said_mentors<'a>(&self, c: &'a Catalogue, startup: i64) -> Said<'a> {
        Said::new(
            c.startup_verdicts
                .get(&startup)
                .into_iter()
                .flatten()
                .filter_map(|(r, v)| match r {
                    Recipient::Mentor(id) => Some((*id, *v)),
                    Recipient::Investor(_) => None,
                }),
            |id| c.mentors.get(id).map(mentor_traits),
        )
    }

    /// Every fitting mentor of a startup as `(score, id, slot)`, unsorted;
    /// among `only` when given.
    fn rank_mentors(
        &self,
        c: &Catalogue,
        s: &StartupProfile,
        hits: &IdMap<f32>,
        filter: &MatchFilter,
        only: Option<&HashSet<i64>>,
        k: usize,
    ) -> Result<Vec<(f32, i64, u32)>, MatchError> {
        let Some((sectors, provinces)) = Self::places_and_sectors(c, filter) else {
            return Ok(vec![]);
        };
        let topics = factors::topic_bits(&filter.expertise);
        let languages = filter
            .languages
            .iter()
            .fold(0u8, |b, l| b | factors::language_bit(l));
        let said = self.startup_said_mentors(c, s.id);
        let feedback = said.counts();
        let mut ranker = Ranker::new(k, filter.min_score);
        let mut consider = |slot: u32, text: Option<f32>| {
            let Some(m) = c.mentors.rows[slot as usize].as_ref() else {
                return;
            };
            if m.remaining() <= 0 || said.dismissed(m.id) {
                return;
            }
            if topics != 0 && m.expertise & topics == 0 {
                return;
            }
            if languages != 0 && m.languages & languages == 0 {
                return;
            }
            if !sectors.is_empty() && !m.sectors.iter().any(|x| sectors.contains(x)) {
                return;
            }
            if !provinces.is_empty() && !m.place.province.is_some_and(|p| provinces.contains(&p)) {
                return;
            }
            let bound = self.mentor_bound(s, m, text, feedback);
            ranker.offer(bound, m.id, slot, || {
                self.score_mentor(
                    s,
                    m,
                    text,
                    said.share(m.id, mentor_traits(m)),
                    Some(c.demand(Recipient::Mentor(m.id))),
                )
                .score()
            });
        };
        match only {
            Some(only) => {
                let mut slots: Vec<(u32, Option<f32>)> = only
                    .iter()
                    .filter_map(|id| Some((*c.mentors.slots.get(id)?, hits.get(id).copied())))
                    .collect();
                slots.sort_unstable_by_key(|(slot, _)| *slot);
                for (slot, text) in slots {
                    consider(slot, text);
                }
            }
            None => c.mentors.visit(hits, &s.sectors, consider),
        }
        Ok(ranker.sorted())
    }

    /// The startups that fit an investor best: from `offset`, at most
    /// `limit`, whether more follow, and how many fit in all; `text` is the
    /// investor's thesis.
    /// `None` when the investor is unknown.
    pub fn deal_flow(
        &self,
        investor: i64,
        text: &str,
        filter: &MatchFilter,
        offset: usize,
        limit: usize,
        lang: Lang,
    ) -> Result<Option<(Vec<Match>, bool, usize)>, MatchError> {
        let hits = self.text_hits(DocKind::Startup, text)?;
        let c = self.read()?;
        let Some(i) = c.investors.get(investor) else {
            return Ok(None);
        };
        let who = Recipient::Investor(investor);
        let today = self.clock.today();
        let d = self.deal_bound(i, today);
        let (ranked, total) = self.rank_startups(
            &c,
            who,
            &hits,
            filter,
            offset + limit,
            (
                |s, text, feedback| {
                    (!s.investors.contains(&investor))
                        .then(|| self.deal_quick_bound(&d, s, i, text, feedback))
                },
                |s, text, feedback, _| self.investor_bound(s, i, text, feedback, today, 1.0),
                |s, text, fb| self.score_investor(s, i, text, fb, None, today),
            ),
        )?;
        let more = total > offset + limit;
        let best: Vec<(f32, i64, u32)> = ranked.into_iter().skip(offset).collect();
        let said = self.counterpart_said(&c, who);
        let out = best
            .into_iter()
            .map(|(_, id, slot)| {
                let s = c.startups.rows[slot as usize].as_ref().expect("live row");
                let scored = self.score_investor(
                    s,
                    i,
                    hits.get(&id).copied(),
                    said.share(id, startup_traits(s)),
                    None,
                    today,
                );
                Self::finish(&c, id, &scored, lang)
            })
            .collect();
        Ok(Some((out, more, total)))
    }

    /// The startups a mentor fits best: at most `limit`; `text` is the
    /// mentor's headline and bio. `None` when the mentor is unknown.
    pub fn suggested_startups(
        &self,
        mentor: i64,
        text: &str,
        filter: &MatchFilter,
        limit: usize,
        lang: Lang,
    ) -> Result<Option<Vec<Match>>, MatchError> {
        let hits = self.text_hits(DocKind::Startup, text)?;
        let c = self.read()?;
        let Some(m) = c.mentors.get(mentor) else {
            return Ok(None);
        };
        let who = Recipient::Mentor(mentor);
        let (best, _) = self.rank_startups(
            &c,
            who,
            &hits,
            filter,
            limit,
            (
                |s, text, feedback| Some(self.mentor_bound(s, m, text, feedback)),
                // The first bound is already exact but for feedback.
                |_, _, _, first| first,
                |s, text, fb| self.score_mentor(s, m, text, fb, None),
            ),
        )?;
        let said = self.counterpart_said(&c, who);
        Ok(Some(
            best.into_iter()
                .map(|(_, id, slot)| {
                    let s = c.startups.rows[slot as usize].as_ref().expect("live row");
                    let scored = self.score_mentor(
                        s,
                        m,
                        hits.get(&id).copied(),
                        said.share(id, startup_traits(s)),
                        None,
                    );
                    Self::finish(&c, id, &scored, lang)
                })
                .collect(),
        ))
    }

    fn counterpart_said<'a>(&self, c: &'a Catalogue, who: Recipient) -> Said<'a> {
        Said::new(
            c.counterpart_verdicts
                .get(&who)
                .into_iter()
                .flatten()
                .copied(),
            |id| c.startups.get(id).map(startup_traits),
        )
    }

    /// The best `k` startups for `who` as `(score, id, slot)` and how many
    /// fit in all. Each candidate gets `quick`, a cheap upper bound
    /// (`None`: excluded), then, unless that already rules it out, `bound`,
    /// a tighter one (it is given the first, and may return it when that
    /// is as tight), and `score` only when it may enter the best `k`.
    fn rank_startups<'c>(
        &self,
        c: &'c Catalogue,
        who: Recipient,
        hits: &IdMap<f32>,
        filter: &MatchFilter,
        k: usize,
        (quick, bound, score): (
            impl Fn(&'c StartupProfile, Option<f32>, bool) -> Option<f32>,
            impl Fn(&'c StartupProfile, Option<f32>, bool, f32) -> f32,
            impl Fn(&'c StartupProfile, Option<f32>, Option<Share>) -> Scored,
        ),
    ) -> Result<RankedList, MatchError> {
        let sectors_of_who: &[SectorRef] = match who {
            Recipient::Investor(id) => c.investors.get(id).map_or(&[], |i| &i.sectors),
            Recipient::Mentor(id) => c.mentors.get(id).map_or(&[], |m| &m.sectors),
        };
        let Some((sectors, provinces)) = Self::places_and_sectors(c, filter) else {
            return Ok((vec![], 0));
        };
        let stages = factors::stage_bits(&filter.stages);
        let said = self.counterpart_said(c, who);
        let feedback = said.counts();
        let wanted = if sectors.is_empty() {
            sectors_of_who
        } else {
            &sectors[..]
        };
        let mut ranker = Ranker::new(k, filter.min_score);
        c.startups.visit(hits, wanted, |slot, text| {
            let Some(s) = c.startups.rows[slot as usize].as_ref() else {
                return;
            };
            if said.dismissed(s.id) {
                return;
            }
            if stages != 0 && stages & (1 << s.stage.index()) == 0 {
                return;
            }
            if !sectors.is_empty() && !s.sectors.iter().any(|x| sectors.contains(x)) {
                return;
            }
            if !provinces.is_empty() && !s.place.province.is_some_and(|p| provinces.contains(&p)) {
                return;
            }
            let Some(first) = quick(s, text, feedback) else {
                return;
            };
            if ranker.pass(first) {
                return;
            }
            ranker.offer(bound(s, text, feedback, first), s.id, slot, || {
                score(s, text, said.share(s.id, startup_traits(s))).score()
            });
        });
        let count = ranker.count;
        Ok((ranker.sorted(), count))
    }

    /// Assigns mentors to a cohort: each startup gets up to `per_startup`
    /// mentors, no mentor more startups than their places left, and the
    /// total score is the greatest possible. `mentors` limits the choice
    /// (default: each startup's [`COHORT_CANDIDATES`] best mentors with
    /// places left). `texts` are the startups' taglines and descriptions,
    /// by id.
    pub fn assign_mentors(
        &self,
        startups: &[i64],
        texts: &HashMap<i64, String>,
        mentors: Option<&[i64]>,
        per_startup: u32,
        lang: Lang,
    ) -> Result<Assignment, MatchError> {
        let pool = match mentors {
            Some(ids) => Some(self.index.pool(DocKind::Mentor, ids)?),
            None => None,
        };
        let mut hits = HashMap::new();
        for id in startups {
            if let Some(text) = texts.get(id) {
                let found = match &pool {
                    Some(pool) => self.pool_hits(pool, text)?,
                    None => self.text_hits(DocKind::Mentor, text)?,
                };
                hits.insert(*id, found);
            }
        }
        let c = self.read()?;
        let only: Option<HashSet<i64>> = mentors.map(|m| m.iter().copied().collect());
        let mut mentor_index: HashMap<i64, usize> = HashMap::new();
        let mut mentor_ids: Vec<i64> = Vec::new();
        let mut pairs: Vec<(usize, usize, f32)> = Vec::new();
        let mut out = Assignment::default();
        let none = IdMap::default();
        let mut known = Vec::new();
        for id in startups {
            let Some(s) = c.startups.get(*id) else {
                out.unassigned.push((*id, Unassigned::UnknownStartup));
                continue;
            };
            let left = known.len();
            known.push(*id);
            // Among given mentors every pair counts; otherwise each startup's
            // best few are its candidates (the flow stays small).
            let k = if only.is_some() {
                usize::MAX
            } else {
                COHORT_CANDIDATES
            };
            let ranked = self.rank_mentors(
                &c,
                s,
                hits.get(id).unwrap_or(&none),
                &MatchFilter::default(),
                only.as_ref(),
                k,
            )?;
            for (score, mentor, _) in ranked {
                let right = *mentor_index.entry(mentor).or_insert_with(|| {
                    mentor_ids.push(mentor);
                    mentor_ids.len() - 1
                });
                pairs.push((left, right, score));
            }
        }
        let left_capacity = vec![per_startup; known.len()];
        let right_capacity: Vec<u32> = mentor_ids
            .iter()
            .map(|m| c.mentors.get(*m).map_or(0, |m| m.remaining().max(0) as u32))
            .collect();
        let chosen = assign::assign(&left_capacity, &right_capacity, &pairs);
        let score_of: HashMap<(usize, usize), f32> =
            pairs.iter().map(|(l, r, s)| ((*l, *r), *s)).collect();
        let mut matched = vec![false; known.len()];
        let mut by_startup: Vec<Vec<(f32, usize)>> = vec![Vec::new(); known.len()];
        for (l, r) in &chosen {
            matched[*l] = true;
            by_startup[*l].push((score_of[&(*l, *r)], *r));
        }
        for (l, startup) in known.iter().enumerate() {
            let s = c.startups.get(*startup).expect("known startup");
            let said = self.startup_said_mentors(&c, *startup);
            let mut mine = std::mem::take(&mut by_startup[l]);
            mine.sort_by(|a, b| b.0.total_cmp(&a.0));
            for (score, r) in mine {
                let m = c.mentors.get(mentor_ids[r]).expect("scored mentor");
                let scored = self.score_mentor(
                    s,
                    m,
                    hits.get(startup).and_then(|h| h.get(&m.id)).copied(),
                    said.share(m.id, mentor_traits(m)),
                    Some(c.demand(Recipient::Mentor(m.id))),
                );
                out.total += score;
                out.pairs
                    .push((*startup, Self::finish(&c, m.id, &scored, lang)));
            }
            if !matched[l] {
                let had = pairs.iter().any(|(x, _, s)| *x == l && *s > 0.0);
                let why = if had {
                    Unassigned::MentorsFull
                } else {
                    Unassigned::NoFittingMentor
                };
                out.unassigned.push((*startup, why));
            }
        }
        Ok(out)
    }

    /// Schedules one-to-one meetings at an event between its startups
    /// (ids with their texts) and its investors and mentors: each takes
    /// part in at most `max_per` meetings and one per slot, pairs the
    /// engine would exclude (inactive investors, existing investments,
    /// dismissals) never meet, and the total match score is the greatest
    /// possible. Slots count from 1.
    pub fn schedule_meetings(
        &self,
        startups: &[(i64, String)],
        investors: &[i64],
        mentors: &[i64],
        slots: u32,
        max_per: u32,
    ) -> Result<Schedule, MatchError> {
        let investor_pool = self.index.pool(DocKind::Investor, investors)?;
        let mentor_pool = self.index.pool(DocKind::Mentor, mentors)?;
        let mut hits = Vec::with_capacity(startups.len());
        for (_, text) in startups {
            hits.push((
                self.pool_hits(&investor_pool, text)?,
                self.pool_hits(&mentor_pool, text)?,
            ));
        }
        let c = self.read()?;
        let today = self.clock.today();
        let counterparts: Vec<Recipient> = investors
            .iter()
            .map(|i| Recipient::Investor(*i))
            .chain(mentors.iter().map(|m| Recipient::Mentor(*m)))
            .collect();
        let mut pairs = Vec::new();
        for (left, ((id, _), (investor_hits, mentor_hits))) in
            startups.iter().zip(&hits).enumerate()
        {
            let Some(s) = c.startups.get(*id) else {
                continue;
            };
            let said_investors = self.startup_said_investors(&c, *id);
            let said_mentors = self.startup_said_mentors(&c, *id);
            for (right, who) in counterparts.iter().enumerate() {
                let scored = match *who {
                    Recipient::Investor(i) => {
                        let Some(inv) = c.investors.get(i) else {
                            continue;
                        };
                        if !inv.active || s.investors.contains(&i) || said_investors.dismissed(i) {
                            continue;
                        }
                        self.score_investor(
                            s,
                            inv,
                            investor_hits.get(&i).copied(),
                            said_investors.share(i, investor_traits(inv)),
                            Some(c.demand(*who)),
                            today,
                        )
                    }
                    Recipient::Mentor(m) => {
                        let Some(mentor) = c.mentors.get(m) else {
                            continue;
                        };
                        if said_mentors.dismissed(m) {
                            continue;
                        }
                        self.score_mentor(
                            s,
                            mentor,
                            mentor_hits.get(&m).copied(),
                            said_mentors.share(m, mentor_traits(mentor)),
                            Some(c.demand(*who)),
                        )
                    }
                };
                pairs.push((left, right, scored.score()));
            }
        }
        let per = max_per.min(slots);
        let chosen = assign::assign(
            &vec![per; startups.len()],
            &vec![per; counterparts.len()],
            &pairs,
        );
        let colors = assign::color_edges(startups.len(), &chosen, slots as usize)
            .expect("BUG: no participant has more meetings than slots");
        let score_of: HashMap<(usize, usize), f32> =
            pairs.iter().map(|(l, r, s)| ((*l, *r), *s)).collect();
        let mut meetings: Vec<Meeting> = chosen
            .iter()
            .zip(colors)
            .map(|(&(l, r), slot)| Meeting {
                slot: slot as u32 + 1,
                startup: startups[l].0,
                counterpart: counterparts[r],
                score: score_of[&(l, r)],
            })
            .collect();
        meetings.sort_by_key(|m| (m.slot, m.startup));
        let total = meetings.iter().map(|m| m.score).sum();
        Ok(Schedule { meetings, total })
    }

    /// How many profiles of each kind the engine holds:
    /// `(startups, investors, mentors)`.
    pub fn counts(&self) -> Result<(usize, usize, usize), MatchError> {
        let c = self.read()?;
        Ok((c.startups.live(), c.investors.live(), c.mentors.live()))
    }
}

/// The best candidates as `(score, id, slot)`, and how many there were.
type RankedList = (Vec<(f32, i64, u32)>, usize);

/// A candidate's place in a ranking: by score, then the lower id first.
#[derive(Debug, Clone, Copy)]
struct Ranked(f32, i64, u32);

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}
impl Eq for Ranked {}
impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ranked {
    /// Greater is better.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0).then(other.1.cmp(&self.1))
    }
}

/// Keeps the best `k` candidates, and counts those scoring at least
/// `min_score`. A candidate's cheap upper bound decides whether its full
/// score is worth computing: one that cannot enter the best `k` is only
/// counted (when `min_score` is 0, the bound alone decides that too).
struct Ranker {
    k: usize,
    min_score: f32,
    best: std::collections::BinaryHeap<std::cmp::Reverse<Ranked>>,
    count: usize,
}

impl Ranker {
    fn new(k: usize, min_score: f32) -> Ranker {
        Ranker {
            k,
            min_score,
            best: std::collections::BinaryHeap::new(),
            count: 0,
        }
    }

    /// Whether a candidate scoring at most `bound` can be passed over
    /// without a closer look (then counted as [`Ranker::offer`] would).
    fn pass(&mut self, bound: f32) -> bool {
        if bound < self.min_score {
            return true;
        }
        let full = self.best.len() >= self.k;
        if self.min_score <= 0.0 && full && self.best.peek().is_some_and(|w| bound < w.0.0) {
            self.count += 1;
            return true;
        }
        false
    }

    fn offer(&mut self, bound: f32, id: i64, slot: u32, full: impl FnOnce() -> f32) {
        if bound < self.min_score {
            return;
        }
        if self.min_score <= 0.0 {
            self.count += 1;
            if self.best.len() >= self.k && self.best.peek().is_some_and(|w| bound < w.0.0) {
                return;
            }
            self.push(Ranked(full(), id, slot));
        } else {
            let score = full();
            if score >= self.min_score {
                self.count += 1;
                self.push(Ranked(score, id, slot));
            }
        }
    }

    fn push(&mut self, r: Ranked) {
        if self.k == 0 {
            return;
        }
        if self.best.len() < self.k {
            self.best.push(std::cmp::Reverse(r));
        } else if self.best.peek().is_some_and(|w| r > w.0) {
            self.best.pop();
            self.best.push(std::cmp::Reverse(r));
        }
    }

    /// The best first, as `(score, id, slot)`.
    fn sorted(self) -> Vec<(f32, i64, u32)> {
        let mut out: Vec<Ranked> = self.best.into_iter().map(|r| r.0).collect();
        out.sort_by(|a, b| b.cmp(a));
        out.into_iter().map(|r| (r.0, r.1, r.2)).collect()
    }
}

/// The engine's side of the change log: it loads everything at start and
/// when the log was pruned past it, and reloads the profiles that changed.
impl crate::changes::Follower for Matching {
    type State = ChangePosition;
    type Error = MatchError;

    fn name(&self) -> &'static str {
        "the matching engine"
    }

    async fn start(&self, store: &Store) -> Result<ChangePosition, MatchError> {
        self.load(store).await
    }

    async fn rebuild(&self, store: &Store) -> Result<ChangePosition, MatchError> {
        self.load(store).await
    }

    async fn catch_up(&self, store: &Store, at: &mut ChangePosition) -> Result<(), MatchError> {
        *at = Matching::catch_up(self, store, *at).await?;
        Ok(())
    }

    fn pruned_past(error: &MatchError) -> bool {
        matches!(error, MatchError::Store(StoreError::ChangeLogPruned))
    }

    fn caught_up(&self) {
        self.ready.store(true, Ordering::Release);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_guessed_from_the_text() {
        assert_eq!(
            languages_of("Nền tảng truy xuất nguồn gốc nông sản"),
            LANG_VI
        );
        assert_eq!(
            languages_of("A platform for farmers and co-operatives to trace the produce"),
            LANG_EN
        );
        assert_eq!(
            languages_of("Nền tảng cho nông dân. A platform for farmers and traders."),
            LANG_VI | LANG_EN
        );
        assert_eq!(languages_of("nen tang cho nong dan va hop tac xa"), LANG_VI);
        assert_eq!(languages_of(""), LANG_VI);
    }

    mod key_bound {
        use super::*;
        use proptest::prelude::*;

        fn refs(raw: &[u16]) -> Refs {
            raw.iter().copied().collect()
        }

        prop_compose! {
            fn startup()(
                sectors in proptest::collection::vec(0u16..12, 0..4),
                stage in 0usize..5,
                province in proptest::option::of(0u16..70),
                region in proptest::option::of(0u16..8),
                seeking in proptest::option::of(1e7f64..1e11),
            ) -> StartupProfile {
                StartupProfile {
                    id: 1,
                    sectors: refs(&sectors),
                    stage: Stage::ALL[stage],
                    place: Place { province, region },
                    seeking_vnd: seeking,
                    needs: 0,
                    languages: LANG_VI,
                    investors: vec![],
                }
            }
        }

        prop_compose! {
            fn investor()(
                sectors in proptest::collection::vec(0u16..12, 0..4),
                stages in 0u32..32,
                ticket_min in proptest::option::of(1e7f64..1e10),
                ticket_max in proptest::option::of(1e8f64..1e11),
                provinces in proptest::collection::vec(0u16..70, 0..4),
                regions in proptest::collection::vec(0u16..8, 0..3),
                deals in proptest::collection::vec((0u16..12, 0usize..5, 0i64..2000), 0..6),
            ) -> InvestorProfile {
                let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
                let mut record = TrackRecord::default();
                for (sector, stage, days) in deals {
                    record.deals += 1;
                    record.stages[stage] += 1;
                    record.sectors.add(sector);
                    record.sectors.add((sector + 1) % 12);
                    record.last = record.last.max(Some(today - chrono::Duration::days(days)));
                }
                InvestorProfile {
                    id: 2,
                    kind: InvestorKind::Angel,
                    sectors: refs(&sectors),
                    stages,
                    ticket_min,
                    ticket_max,
                    provinces,
                    regions,
                    active: true,
                    record,
                }
            }
        }

        proptest! {
            /// The packed key's bound and deal flow's first bound are never
            /// below the full score, so the scans that trust them never pass
            /// over a better investor or startup.
            #[test]
            fn is_never_below_the_score(
                s in startup(),
                i in investor(),
                text in proptest::option::of(0.0f32..1.0),
                said in proptest::option::of(0usize..3),
            ) {
                let engine = Matching::new(
                    Arc::new(SearchIndex::in_ram().expect("index")),
                    Weights::default(),
                    Clock::system(),
                );
                let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
                let key = InvestorKey::of(&i);
                let feedback = said.map(|v| {
                    let verdict = [Verdict::Relevant, Verdict::Contacted, Verdict::NotRelevant][v];
                    factors::feedback(Some(verdict), investor_traits(&i), &[], &[])
                });
                let score = engine
                    .score_investor(&s, &i, text, feedback.flatten(), Some(i.record.deals), today)
                    .score();
                let bound = engine.investor_key_bound(&s, &key, text, said.is_some(), today.num_days_from_ce())
                    * factors::dampening(i.record.deals, engine.weights.popularity).score;
                prop_assert!(bound >= score, "bound {bound} < score {score}");
                // Deal flow's first bound (no damping there).
                let undamped = engine.score_investor(&s, &i, text, feedback.flatten(), None, today).score();
                let deal = engine.deal_bound(&i, today);
                let quick = engine.deal_quick_bound(&deal, &s, &i, text, said.is_some());
                prop_assert!(quick >= undamped, "deal flow's bound {quick} < score {undamped}");
            }
        }
    }

    #[test]
    fn the_ranker_keeps_the_best_by_score_then_id_and_counts() {
        let all = [(0.5, 3), (0.9, 2), (0.5, 1), (0.1, 4), (0.7, 5)];
        let ids = |r: Ranker| r.sorted().into_iter().map(|x| x.1).collect::<Vec<_>>();
        let mut r = Ranker::new(3, 0.0);
        for (score, id) in all {
            r.offer(score, id, 0, || score);
        }
        assert_eq!(r.count, 5);
        assert_eq!(ids(r), vec![2, 5, 1]);
        // A bound below the threshold skips the full score, but counts.
        let mut r = Ranker::new(1, 0.0);
        r.offer(0.9, 1, 0, || 0.9);
        r.offer(0.5, 2, 0, || panic!("cannot enter the best one"));
        assert_eq!(r.count, 2);
        // Passing over counts as offering would.
        let mut r = Ranker::new(1, 0.0);
        assert!(!r.pass(0.5), "room left");
        r.offer(0.9, 1, 0, || 0.9);
        assert!(r.pass(0.5));
        assert!(!r.pass(0.95));
        assert_eq!(r.count, 2);
        // With a minimum score, only those reaching it count.
        let mut r = Ranker::new(10, 0.6);
        for (score, id) in all {
            r.offer(score, id, 0, || score);
        }
        assert_eq!(r.count, 2);
        assert_eq!(ids(r), vec![2, 5]);
    }
}
