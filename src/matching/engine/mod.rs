//! The matching engine: every startup, investor and mentor reduced to a
//! [`factors`] profile in memory, with posting lists by sector.
//!
//! It loads everything at start-up, then follows the database's change log
//! (the one the search indexer follows, migrations 0004 and 0005): a
//! changed profile, investment, mentor introduction or verdict marks the
//! profiles it affects, and the engine reloads just those, so a change
//! shows in recommendations within the same bound as in search, without a
//! rebuild. Text similarity comes from the search index at query time.
//!
//! Here: the API types, the catalogue of profiles (tables with posting
//! lists by sector, the packed investor keys) and the engine value;
//! `rank.rs` ranks candidates, `follow.rs` loads and follows the change
//! log, `cohorts.rs` assigns cohorts and schedules event meetings.

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
use super::prose::{self, Subject};
use super::vocabulary::SectorWords;
use crate::clock::Clock;
use crate::model::{
    self, InvestorKind, MatchFeedback, MatchSide, Recipient, Stage, Topic, Vocabulary,
};
use crate::model::{InvestorDraft, MentorDraft, StartupDraft};
use crate::search::{DocKind, SearchError, SearchIndex};
use crate::store::{ChangePosition, DocCounterpart, RecordSelect, Store, StoreError};

mod cohorts;
mod follow;
mod learn;
mod rank;

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

// The GraphQL enum is derived here rather than mirrored in `graphql/`:
// its variants are the API's words one for one, this derive is the only
// GraphQL in `matching`, and a mirror would be a second list to keep in
// step (the schema drift test shows any change to the API).
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
    /// The sectors it lists (none: open to every sector).
    fn sectors(&self) -> &[SectorRef];
    /// The sectors whose startups it is a candidate for: those it lists,
    /// and for an investor those of its portfolio too (what it backs shows
    /// beside what it says).
    fn reach(&self) -> Vec<SectorRef> {
        self.sectors().to_vec()
    }
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
    fn reach(&self) -> Vec<SectorRef> {
        let mut reach = self.sectors.to_vec();
        for (sector, _) in self.record.sectors.iter() {
            if !reach.contains(&sector) {
                reach.push(sector);
            }
        }
        reach
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
    /// The most [`factors::portfolio`] can give it.
    portfolio: f32,
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
            portfolio: factors::portfolio_ceiling(i.record.backed.len()),
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

/// The parts of [`Catalogue::investor_bound`] that are the same for every
/// startup of one investor's deal flow, or depend only on its stage: a
/// first bound from them takes a few loads and no logarithm, and most of a
/// million startups end there.
struct DealBound {
    /// Weighted stage fit plus the most track record and portfolio can
    /// give, by stage index.
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
                    .map(P::reach)
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
        for s in profile.reach() {
            if !old.contains(&s) {
                self.by_sector.entry(s).or_default().push(slot);
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
    /// The weights ranking uses: those configured, or, where the
    /// configuration lets it, learned from the recorded investments.
    weights: Weights,
    /// How much each way of being alike counts in the portfolio factor,
    /// learned from the portfolios.
    affinity: factors::Affinity,
    names: NameTable,
    /// What theses and bios are read for, with the sectors' names.
    lexicon: prose::Lexicon,
    /// The words each sector's profiles use (learned when loading).
    vocabulary: SectorWords,
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
        r: &StartupDraft,
        investors: Vec<i64>,
    ) -> StartupProfile {
        let text = format!("{}\n{}", r.tagline, r.description);
        let listed = factors::topic_bits(&r.needs);
        let asked = factors::topic_bits(&self.lexicon.needs(&text)) & !listed;
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
            // The needs listed, and those the founders ask for in their
            // own words.
            needs: listed | asked,
            needs_asked: asked,
            languages: languages_of(&text),
            tags: r.tags.iter().fold(0, |bits, t| bits | 1 << t.index()),
            investors,
        }
    }

    fn investor_profile(&mut self, id: i64, r: &InvestorDraft) -> InvestorProfile {
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
        let mut profile = InvestorProfile {
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
            favoured: 0,
            excluded: 0,
            excluded_sectors: Refs::default(),
            sectors_read: false,
        };
        let mut stated_sectors = Refs::default();
        for statement in self.lexicon.read(&r.thesis) {
            match (statement.subject, statement.favoured) {
                (Subject::Tag(t), true) => profile.favoured |= 1 << t.index(),
                (Subject::Tag(t), false) => profile.excluded |= 1 << t.index(),
                (Subject::Sector(n), favoured) => {
                    let r = n as SectorRef;
                    if favoured {
                        stated_sectors.push(r);
                    } else if !profile.sectors.contains(&r) {
                        profile.excluded_sectors.push(r);
                    }
                }
                (Subject::Topic(_), _) => {}
            }
        }
        // An investor that lists no sector is read for the ones its thesis
        // names, else for those its words speak of.
        if profile.sectors.is_empty() {
            profile.sectors = self.read_sectors(stated_sectors, &r.thesis);
            profile.sectors_read = !profile.sectors.is_empty();
        }
        profile
    }

    fn mentor_profile(&mut self, id: i64, r: &MentorDraft, load: i32) -> MentorProfile {
        let listed = factors::topic_bits(&r.expertise);
        let mut from_bio = 0;
        let mut stated_sectors = Refs::default();
        for statement in self.lexicon.read(&format!("{}\n{}", r.headline, r.bio)) {
            match (statement.subject, statement.favoured) {
                (Subject::Topic(t), true) => from_bio |= 1 << t.index(),
                (Subject::Sector(n), true) => stated_sectors.push(n as SectorRef),
                _ => {}
            }
        }
        let listed_sectors: Refs = r
            .sectors
            .iter()
            .map(|s| self.names.intern_sector(s))
            .collect();
        let sectors_read = listed_sectors.is_empty();
        let sectors = if sectors_read {
            self.read_sectors(stated_sectors, &format!("{}\n{}", r.headline, r.bio))
        } else {
            listed_sectors
        };
        MentorProfile {
            id,
            // A mentor who lists no sector is read for the ones the bio
            // names, else for those its words speak of.
            sectors_read: sectors_read && !sectors.is_empty(),
            sectors,
            expertise: listed | from_bio,
            from_bio: from_bio & !listed,
            languages: r
                .languages
                .iter()
                .fold(0, |bits, l| bits | factors::language_bit(l)),
            place: self.names.place(r.province.as_deref()),
            capacity: r.capacity,
            load,
        }
    }

    /// The sectors of a profile that lists none: those its text names, or
    /// else those its words speak of ([`SectorWords`]).
    fn read_sectors(&self, named: Refs, text: &str) -> Refs {
        if !named.is_empty() {
            return named;
        }
        self.vocabulary
            .sectors_of(text)
            .into_iter()
            .map(|(s, _)| s)
            .collect()
    }

    /// The track record from the investor's deals and the sectors of the
    /// startups invested in (as they are now); without its deal in
    /// `without`, when given (see [`learn`]).
    fn track_record(&self, investor: i64, without: Option<i64>) -> TrackRecord {
        let mut record = TrackRecord::default();
        for (startup, round, date) in self.deals.get(&investor).into_iter().flatten() {
            if Some(*startup) == without {
                continue;
            }
            record.deals += 1;
            record.stages[round.index() as usize] += 1;
            record.last = record.last.max(Some(*date));
            if let Some(p) = self.startups.get(*startup) {
                for s in p.sectors.iter() {
                    record.sectors.add(*s);
                }
                record.backed.push(p.backed());
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
    shares: [(Share, f32); 10],
    len: usize,
    dampening: Option<Share>,
    /// What the score is multiplied by for a missing requirement (a mentor
    /// with no language in common with the startup): 1 when none is.
    requirement: f32,
}

impl Scored {
    fn new() -> Scored {
        let blank = (factors::text(None), 0.0);
        Scored {
            shares: [blank; 10],
            len: 0,
            dampening: None,
            requirement: 1.0,
        }
    }
    fn push(&mut self, share: Share, weight: f32) {
        self.shares[self.len] = (share, weight);
        self.len += 1;
    }
    fn score(&self) -> f32 {
        factors::score_of(&self.shares[..self.len], self.dampening.as_ref()) * self.requirement
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
    /// An empty engine; as a [`crate::changes::Follower`] it loads and follows.
    pub fn new(index: Arc<SearchIndex>, weights: Weights, clock: Clock) -> Arc<Matching> {
        Arc::new(Matching {
            state: RwLock::new(Catalogue {
                weights: weights.clone(),
                ..Catalogue::default()
            }),
            index,
            weights,
            clock,
            ready: AtomicBool::new(false),
        })
    }

    /// The weights configured.
    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    /// The weights ranking uses now: those configured, or learned from the
    /// recorded investments when the engine last loaded (see `learn.rs`).
    pub fn weights_in_use(&self) -> Result<Weights, MatchError> {
        Ok(self.read()?.weights.clone())
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

    /// How many profiles of each kind the engine holds:
    /// `(startups, investors, mentors)`.
    pub fn counts(&self) -> Result<(usize, usize, usize), MatchError> {
        let c = self.read()?;
        Ok((c.startups.live(), c.investors.live(), c.mentors.live()))
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
                tags in 0u8..32,
            ) -> StartupProfile {
                StartupProfile {
                    id: 1,
                    sectors: refs(&sectors),
                    stage: Stage::ALL[stage],
                    place: Place { province, region },
                    seeking_vnd: seeking,
                    needs: 0,
                    needs_asked: 0,
                    languages: LANG_VI,
                    tags,
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
                deals in proptest::collection::vec(
                    (0u16..12, 0usize..5, 0i64..2000, proptest::option::of(0u16..70), 0u8..32),
                    0..6,
                ),
                favoured in 0u8..32,
                excluded in 0u8..32,
                excluded_sectors in proptest::collection::vec(0u16..12, 0..2),
            ) -> InvestorProfile {
                let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
                let mut record = TrackRecord::default();
                for (sector, stage, days, province, tags) in deals {
                    record.deals += 1;
                    record.stages[stage] += 1;
                    record.sectors.add(sector);
                    record.sectors.add((sector + 1) % 12);
                    record.last = record.last.max(Some(today - chrono::Duration::days(days)));
                    record.backed.push(factors::Backed {
                        sectors: refs(&[sector, (sector + 1) % 12]),
                        stage: Stage::ALL[stage],
                        place: Place { province, region: province.map(|p| p % 8) },
                        tags,
                    });
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
                    favoured,
                    excluded,
                    excluded_sectors: refs(&excluded_sectors),
                    sectors_read: false,
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
                affinity in proptest::array::uniform5(0.0f32..2.0),
            ) {
                let engine = Catalogue {
                    affinity: factors::Affinity {
                        sector: affinity[0],
                        stage: affinity[1],
                        province: affinity[2],
                        region: affinity[3],
                        tag: affinity[4],
                    },
                    ..Catalogue::default()
                };
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
}
