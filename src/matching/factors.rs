//! The pure scoring core: profiles reduced to what matching needs, and one
//! small function per factor. Each factor returns its score in 0..1 and the
//! facts behind it ([`Why`]), which [`super::explain`] turns into a sentence
//! in Vietnamese or English. Nothing here reads a database or an index.

use chrono::NaiveDate;

pub use crate::model::MatchVerdict as Verdict;
use crate::model::{InvestorKind, Stage, Topic, Vocabulary};

/// A sector, interned by the engine (an index into its sector table).
pub type SectorRef = u16;
/// A province or a region, interned by the engine.
pub type PlaceRef = u16;

/// Languages as bits: Vietnamese and English are the ones profiles use.
pub const LANG_VI: u8 = 1;
/// See [`LANG_VI`].
pub const LANG_EN: u8 = 2;
/// Any other language a mentor lists.
pub const LANG_OTHER: u8 = 4;

/// The bit of an ISO 639-1 code.
pub fn language_bit(code: &str) -> u8 {
    match code.trim().to_ascii_lowercase().as_str() {
        "vi" => LANG_VI,
        "en" => LANG_EN,
        _ => LANG_OTHER,
    }
}

/// Up to eight sector references, kept inline: scoring allocates nothing,
/// and a profile's sectors sit in the profile itself, not behind a pointer
/// (ranking reads them for every candidate). Beyond eight, the rest are
/// dropped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Refs {
    items: [SectorRef; 8],
    len: u8,
}

impl Refs {
    /// Adds one (beyond eight, quietly drops it).
    pub fn push(&mut self, r: SectorRef) {
        if let Some(slot) = self.items.get_mut(self.len as usize) {
            *slot = r;
            self.len += 1;
        }
    }

    /// The references held.
    pub fn as_slice(&self) -> &[SectorRef] {
        &self.items[..self.len as usize]
    }
}

impl std::ops::Deref for Refs {
    type Target = [SectorRef];
    fn deref(&self) -> &[SectorRef] {
        self.as_slice()
    }
}

impl FromIterator<SectorRef> for Refs {
    fn from_iter<I: IntoIterator<Item = SectorRef>>(iter: I) -> Self {
        let mut refs = Refs::default();
        for r in iter {
            refs.push(r);
        }
        refs
    }
}

/// Where a profile is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Place {
    pub province: Option<PlaceRef>,
    pub region: Option<PlaceRef>,
}

/// A startup as matching sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct StartupProfile {
    pub id: i64,
    /// The primary sector first.
    pub sectors: Refs,
    pub stage: Stage,
    pub place: Place,
    /// What it is raising, in VND.
    pub seeking_vnd: Option<f64>,
    /// Topic bits of its needs.
    pub needs: u32,
    /// Of those, the ones its founders ask for in its description but do
    /// not list.
    pub needs_asked: u32,
    /// The languages its profile is written in.
    pub languages: u8,
    /// Bits of its tags (women-led, social impact, ...), by tag index.
    pub tags: u8,
    /// Investors that already invested in it.
    pub investors: Vec<i64>,
}

impl StartupProfile {
    /// What the portfolio factor compares it by.
    pub fn backed(&self) -> Backed {
        Backed {
            sectors: self.sectors,
            stage: self.stage,
            place: self.place,
            tags: self.tags,
        }
    }
}

/// A startup as the portfolio factor compares it: one an investor backed,
/// or one being matched.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Backed {
    pub sectors: Refs,
    pub stage: Stage,
    pub place: Place,
    pub tags: u8,
}

/// Counts per sector, for up to eight sectors, kept inline (ranking reads
/// them for every candidate investor); further sectors are not counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SectorCounts {
    items: [(SectorRef, u16); 8],
    len: u8,
}

impl SectorCounts {
    /// Counts one more in `sector`.
    pub fn add(&mut self, sector: SectorRef) {
        let len = self.len as usize;
        if let Some(item) = self.items[..len].iter_mut().find(|(s, _)| *s == sector) {
            item.1 = item.1.saturating_add(1);
        } else if len < self.items.len() {
            self.items[len] = (sector, 1);
            self.len += 1;
        }
    }

    /// `(sector, count)` pairs.
    pub fn iter(&self) -> impl Iterator<Item = (SectorRef, u32)> + '_ {
        self.items[..self.len as usize]
            .iter()
            .map(|(s, n)| (*s, u32::from(*n)))
    }
}

/// What an investor's past deals say.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TrackRecord {
    /// Deals per sector of the startups invested in.
    pub sectors: SectorCounts,
    /// Deals per round, by stage index.
    pub stages: [u32; 5],
    pub deals: u32,
    pub last: Option<NaiveDate>,
    /// The startups backed, as they are now (for [`portfolio`]).
    pub backed: Vec<Backed>,
}

/// An investor as matching sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct InvestorProfile {
    pub id: i64,
    pub kind: InvestorKind,
    pub sectors: Refs,
    /// Stage bits (none: any stage).
    pub stages: u32,
    pub ticket_min: Option<f64>,
    pub ticket_max: Option<f64>,
    /// Provinces it invests in (none: nationwide) and their regions.
    pub provinces: Vec<PlaceRef>,
    pub regions: Vec<PlaceRef>,
    pub active: bool,
    pub record: TrackRecord,
    /// Tag bits of the groups its thesis says it favours, and rules out.
    pub favoured: u8,
    pub excluded: u8,
    /// Sectors its thesis rules out.
    pub excluded_sectors: Refs,
    /// Whether `sectors` were read from the thesis (it lists none).
    pub sectors_read: bool,
}

/// A mentor as matching sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct MentorProfile {
    pub id: i64,
    pub sectors: Refs,
    /// Topic bits of their expertise: listed, and read from their bio.
    pub expertise: u32,
    /// Of those, the bits read from the bio only.
    pub from_bio: u32,
    pub languages: u8,
    pub place: Place,
    pub capacity: i32,
    /// Startups they mentor now (accepted introductions).
    pub load: i32,
    /// Whether `sectors` were read from the headline and bio (they list
    /// none).
    pub sectors_read: bool,
}

impl MentorProfile {
    /// Places left.
    pub fn remaining(&self) -> i32 {
        self.capacity - self.load
    }
}

// The GraphQL enum is derived here rather than mirrored in `graphql/`:
// its variants are the API's words one for one, this derive is the only
// GraphQL in `matching`, and a mirror would be a second list to keep in
// step (the schema drift test shows any change to the API).
/// The factors a match score is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, async_graphql::Enum)]
#[graphql(name = "MatchFactor")]
pub enum Factor {
    /// The startup's sectors against the other side's.
    Sector,
    /// The startup's stage against the stages an investor backs.
    Stage,
    /// The amount a startup seeks against an investor's ticket range.
    Ticket,
    /// Same province, same region, nationwide or remote.
    Geography,
    /// How alike the texts are (description against thesis or bio).
    Text,
    /// How many of the startup's needs a mentor's expertise covers.
    Needs,
    /// A language the startup's profile and the mentor share.
    Language,
    /// Places a mentor has left.
    Capacity,
    /// An investor's past deals in the sector and stage.
    TrackRecord,
    /// How alike the startups an investor has backed are to this one, by
    /// sectors, stage, place and group (women-led, social impact, ...):
    /// what its portfolio shows it backs, beside what it says.
    Portfolio,
    /// Whether an investor has invested lately.
    Activity,
    /// Groups of startups (women-led, social impact, students, ...) and
    /// sectors that an investor's thesis says it favours or rules out.
    Preferences,
    /// What the user said about this and similar recommendations.
    Feedback,
    /// Dampening of the most sought-after profiles, so that lists differ.
    Popularity,
}

/// The facts behind a factor's score, rendered by [`super::explain`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Why {
    /// Shared sectors; whether the startup's primary sector is one of them.
    SectorsShared {
        shared: Refs,
        primary: bool,
    },
    /// Sectors shared with those the other side's text speaks of (it
    /// lists none).
    SectorsRead {
        shared: Refs,
        primary: bool,
    },
    /// The other side names no sector.
    SectorsAny,
    /// No sector in common.
    SectorsNone,
    /// None of the sectors the other side's text speaks of (it lists
    /// none) is the startup's.
    SectorsReadNone,
    /// The investor backs this stage.
    StageBacked(Stage),
    /// The investor backs a neighbouring stage.
    StageNear(Stage),
    /// The investor names no stage.
    StageAny,
    /// The investor backs other stages only.
    StageOther(Stage),
    TicketWithin {
        seeking: f64,
    },
    TicketBelow {
        seeking: f64,
        min: f64,
    },
    TicketAbove {
        seeking: f64,
        max: f64,
    },
    /// The startup states no amount or the investor no range.
    TicketUnknown,
    SameProvince(PlaceRef),
    SameRegion(PlaceRef),
    Nationwide,
    /// Far apart: an investor that invests elsewhere, a mentor met online.
    Elsewhere,
    PlaceUnknown,
    /// Text similarity relative to the best text match (0..1).
    TextSimilar(f32),
    TextNone,
    /// Topic bits covered, out of how many needs; of those, the bits the
    /// mentor's bio names but their list does not, and the bits the
    /// startup asks for in its description but does not list.
    NeedsCovered {
        covered: u32,
        needs: usize,
        from_bio: u32,
        asked: u32,
    },
    /// The startup states no needs.
    NeedsUnstated,
    LanguageShared(u8),
    LanguageNone,
    LanguageUnknown,
    /// Two or more places left.
    PlacesLeft,
    /// One place left.
    LastPlace,
    TrackRecord {
        in_sector: u32,
        at_stage: u32,
        deals: u32,
    },
    NoTrackRecord,
    /// `similar` of the investor's `deals` backed startups are like this
    /// one (see [`portfolio`]); what all of those share with it, where they
    /// all share it: the startup's primary sector, its province or else its
    /// region, one of its groups.
    Portfolio {
        similar: u32,
        deals: u32,
        sector: Option<SectorRef>,
        province: Option<PlaceRef>,
        region: Option<PlaceRef>,
        tag: Option<u8>,
    },
    InvestedLately(NaiveDate),
    /// The thesis favours a group the startup belongs to (a tag index).
    GroupFavoured(u8),
    /// The thesis favours groups, none of which the startup belongs to
    /// (the first of them).
    GroupNotFavoured(u8),
    /// The thesis rules out a sector of the startup.
    SectorRuledOut(SectorRef),
    /// The thesis rules out a group the startup belongs to.
    GroupRuledOut(u8),
    /// The thesis states no preference about groups or sectors.
    NothingStated,
    NoRecentDeal,
    /// The user's own verdict on this very recommendation.
    FeedbackDirect(Verdict),
    /// Similarity to what the user liked (positive) or dismissed.
    FeedbackSimilar {
        liked: f32,
        disliked: f32,
    },
    /// How many deals, mentees and positive verdicts the profile has.
    Demand {
        demand: u32,
        factor: f32,
    },
}

/// One factor's share of a score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Share {
    pub factor: Factor,
    /// 0..1.
    pub score: f32,
    pub why: Why,
}

fn share(factor: Factor, score: f32, why: Why) -> Share {
    Share {
        factor,
        score: score.clamp(0.0, 1.0),
        why,
    }
}

/// Sector fit: 1 when the startup's primary sector is shared, 0.75 for
/// another shared sector, 0.5 for a side that names none, else 0.
pub fn sector(startup: &[SectorRef], other: &[SectorRef]) -> Share {
    let score = sector_score(startup, other);
    if other.is_empty() || startup.is_empty() {
        return share(Factor::Sector, score, Why::SectorsAny);
    }
    let mut shared = Refs::default();
    for s in startup.iter().filter(|s| other.contains(s)) {
        shared.push(*s);
    }
    if shared.len == 0 {
        return share(Factor::Sector, score, Why::SectorsNone);
    }
    let primary = other.contains(&startup[0]);
    share(
        Factor::Sector,
        score,
        Why::SectorsShared { shared, primary },
    )
}

/// [`sector`] for a side whose sectors were read from its text, not
/// listed: the same score, said as such.
pub fn sector_read(startup: &[SectorRef], other: &[SectorRef], read: bool) -> Share {
    let mut share = sector(startup, other);
    match (read, share.why) {
        (true, Why::SectorsShared { shared, primary }) => {
            share.why = Why::SectorsRead { shared, primary };
        }
        (true, Why::SectorsNone) => share.why = Why::SectorsReadNone,
        _ => {}
    }
    share
}

/// [`sector`]'s score alone (what ranking computes for every candidate).
pub fn sector_score(startup: &[SectorRef], other: &[SectorRef]) -> f32 {
    match startup.first() {
        _ if other.is_empty() => 0.5,
        None => 0.5,
        Some(primary) if other.contains(primary) => 1.0,
        Some(_) if startup[1..].iter().any(|s| other.contains(s)) => 0.75,
        Some(_) => 0.0,
    }
}

fn stage_bit(stage: Stage) -> u32 {
    1 << stage.index()
}

/// The bits of a list of stages.
pub fn stage_bits(stages: &[Stage]) -> u32 {
    stages.iter().fold(0, |m, s| m | stage_bit(*s))
}

/// The bits of a list of topics.
pub fn topic_bits(topics: &[Topic]) -> u32 {
    topics.iter().fold(0, |m, t| m | (1 << t.index()))
}

/// The topics of topic bits.
pub fn topics_of(bits: u32) -> Vec<Topic> {
    Topic::ALL
        .iter()
        .copied()
        .filter(|t| bits & (1 << t.index()) != 0)
        .collect()
}

/// Stage fit: 1 for a stage the investor backs, 0.4 for a neighbouring
/// one, 0.5 when it names none, else 0.
pub fn stage(stage: Stage, backed: u32) -> Share {
    if backed == 0 {
        return share(Factor::Stage, 0.5, Why::StageAny);
    }
    if backed & stage_bit(stage) != 0 {
        return share(Factor::Stage, 1.0, Why::StageBacked(stage));
    }
    let i = stage.index() as usize;
    let near = [i.checked_sub(1), Some(i + 1)]
        .into_iter()
        .flatten()
        .filter_map(|j| Stage::ALL.get(j).copied())
        .find(|s| backed & stage_bit(*s) != 0);
    match near {
        Some(s) => share(Factor::Stage, 0.4, Why::StageNear(s)),
        None => share(Factor::Stage, 0.0, Why::StageOther(stage)),
    }
}

/// Ticket fit: 1 inside the investor's range; outside it decays gently
/// with the ratio r between the amount and the nearest bound,
/// `1 / (1 + log2(r)^2)` (0.5 at twice or half the bound, 0.2 at four
/// times); 0.5 when either side states nothing.
pub fn ticket(seeking: Option<f64>, min: Option<f64>, max: Option<f64>) -> Share {
    let Some(seeking) = seeking.filter(|s| *s > 0.0) else {
        return share(Factor::Ticket, 0.5, Why::TicketUnknown);
    };
    let decay = |ratio: f64| (1.0 / (1.0 + ratio.log2().powi(2))) as f32;
    match (min.filter(|m| *m > 0.0), max.filter(|m| *m > 0.0)) {
        (None, None) => share(Factor::Ticket, 0.5, Why::TicketUnknown),
        (Some(min), _) if seeking < min => share(
            Factor::Ticket,
            decay(min / seeking),
            Why::TicketBelow { seeking, min },
        ),
        (_, Some(max)) if seeking > max => share(
            Factor::Ticket,
            decay(seeking / max),
            Why::TicketAbove { seeking, max },
        ),
        _ => share(Factor::Ticket, 1.0, Why::TicketWithin { seeking }),
    }
}

/// Geography for an investor: 1 when it invests in the startup's province,
/// 0.8 nationwide, 0.5 in the same region, else 0.1; 0.5 when the startup's
/// province is unknown.
pub fn investor_geography(startup: Place, provinces: &[PlaceRef], regions: &[PlaceRef]) -> Share {
    if provinces.is_empty() {
        return share(Factor::Geography, 0.8, Why::Nationwide);
    }
    let Some(province) = startup.province else {
        return share(Factor::Geography, 0.5, Why::PlaceUnknown);
    };
    if provinces.contains(&province) {
        return share(Factor::Geography, 1.0, Why::SameProvince(province));
    }
    match startup.region.filter(|r| regions.contains(r)) {
        Some(region) => share(Factor::Geography, 0.5, Why::SameRegion(region)),
        None => share(Factor::Geography, 0.1, Why::Elsewhere),
    }
}

/// Geography for a mentor: 1 in the same province, 0.6 in the same region,
/// 0.3 elsewhere (met online); 0.5 when either place is unknown.
pub fn mentor_geography(startup: Place, mentor: Place) -> Share {
    match (startup.province, mentor.province) {
        (Some(a), Some(b)) if a == b => share(Factor::Geography, 1.0, Why::SameProvince(a)),
        (Some(_), Some(_)) => match (startup.region, mentor.region) {
            (Some(a), Some(b)) if a == b => share(Factor::Geography, 0.6, Why::SameRegion(a)),
            _ => share(Factor::Geography, 0.3, Why::Elsewhere),
        },
        _ => share(Factor::Geography, 0.5, Why::PlaceUnknown),
    }
}

/// Text affinity: the candidate's text score relative to the best text
/// match for the same query (0 when not among the text matches).
pub fn text(relative: Option<f32>) -> Share {
    match relative {
        Some(r) if r > 0.0 => share(Factor::Text, r.min(1.0), Why::TextSimilar(r.min(1.0))),
        _ => share(Factor::Text, 0.0, Why::TextNone),
    }
}

/// Needs coverage: the share of the startup's needs (of which `asked` read
/// from its description) the mentor's expertise (of which `from_bio` read
/// from the bio) covers; 0.5 when the startup states none.
pub fn needs(needs: u32, asked: u32, expertise: u32, from_bio: u32) -> Share {
    if needs == 0 {
        return share(Factor::Needs, 0.5, Why::NeedsUnstated);
    }
    let covered = needs & expertise;
    let score = covered.count_ones() as f32 / needs.count_ones() as f32;
    share(
        Factor::Needs,
        score,
        Why::NeedsCovered {
            covered,
            needs: needs.count_ones() as usize,
            from_bio: covered & from_bio,
            asked: covered & asked,
        },
    )
}

/// What an investor's whole score is multiplied by when its thesis rules
/// out a sector or a group of the startup: it said it does not invest
/// there, so it ranks below investors who fit worse but might.
pub const RULED_OUT: f32 = 0.25;

/// Stated preferences: 0 when the thesis rules out a sector (the startup's
/// primary one or another) or a group of the startup (and the whole score
/// is cut, see [`RULED_OUT`]); 1 when it favours a group the startup
/// belongs to; 0.25 when it favours groups, none of them the startup's;
/// 0.5 when it says nothing about either.
pub fn preferences(startup_sectors: &[SectorRef], tags: u8, i: &InvestorProfile) -> Share {
    let first = |bits: u8| bits.trailing_zeros() as u8;
    if let Some(s) = startup_sectors
        .iter()
        .find(|s| i.excluded_sectors.contains(s))
    {
        return share(Factor::Preferences, 0.0, Why::SectorRuledOut(*s));
    }
    if tags & i.excluded != 0 {
        return share(
            Factor::Preferences,
            0.0,
            Why::GroupRuledOut(first(tags & i.excluded)),
        );
    }
    if tags & i.favoured != 0 {
        return share(
            Factor::Preferences,
            1.0,
            Why::GroupFavoured(first(tags & i.favoured)),
        );
    }
    if i.favoured != 0 {
        return share(
            Factor::Preferences,
            0.25,
            Why::GroupNotFavoured(first(i.favoured)),
        );
    }
    share(Factor::Preferences, 0.5, Why::NothingStated)
}

/// What a mentor's whole score is multiplied by when the mentor speaks
/// none of the languages the startup's profile is written in: a shared
/// language is close to a requirement, so such a mentor ranks below one
/// who fits worse in every other way but can talk with the founders.
pub const NO_COMMON_LANGUAGE: f32 = 0.25;

/// Language: 1 when the mentor speaks a language the startup's profile is
/// written in, 0 when not (and the whole score is cut, see
/// [`NO_COMMON_LANGUAGE`]), 0.5 when either side's languages are unknown.
pub fn language(startup: u8, mentor: u8) -> Share {
    if mentor == 0 || startup == 0 {
        return share(Factor::Language, 0.5, Why::LanguageUnknown);
    }
    let shared = startup & mentor;
    if shared == 0 {
        share(Factor::Language, 0.0, Why::LanguageNone)
    } else {
        share(Factor::Language, 1.0, Why::LanguageShared(shared))
    }
}

/// Capacity: 1 with two or more places left, 0.6 with one (a mentor with
/// none is excluded before scoring). The explanation says no more than the
/// score does ("has places" or "one place left"): a place is taken by an
/// accepted introduction, which only its two sides may see, so the exact
/// count would let anyone follow a mentor's introductions one by one.
pub fn capacity(remaining: i32) -> Share {
    if remaining >= 2 {
        share(Factor::Capacity, 1.0, Why::PlacesLeft)
    } else {
        share(Factor::Capacity, 0.6, Why::LastPlace)
    }
}

/// Track record: past deals in the startup's sectors count fully, deals
/// at its stage half; `1 - e^(-x/2)` saturates after a handful.
pub fn track_record(record: &TrackRecord, sectors: &[SectorRef], stage: Stage) -> Share {
    if record.deals == 0 {
        return share(Factor::TrackRecord, 0.0, Why::NoTrackRecord);
    }
    let in_sector: u32 = record
        .sectors
        .iter()
        .filter(|(s, _)| sectors.contains(s))
        .map(|(_, n)| n)
        .sum();
    let at_stage = record.stages[stage.index() as usize];
    share(
        Factor::TrackRecord,
        track_record_score(in_sector, at_stage),
        Why::TrackRecord {
            in_sector,
            at_stage,
            deals: record.deals,
        },
    )
}

/// [`track_record`]'s score for deals in the startup's sectors and at its
/// stage: each brings it closer to 1.
pub fn track_record_score(in_sector: u32, at_stage: u32) -> f32 {
    let x = in_sector as f32 + 0.5 * at_stage as f32;
    1.0 - (-x / 2.0).exp()
}

/// How much each way two startups can be alike counts in [`portfolio`]:
/// learned from the data (see [`Affinity::learn`]), so a deployment whose
/// investors keep to a region weighs the region, one whose investors keep
/// to sectors weighs sectors.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Affinity {
    /// Sharing the primary sector (any other sector counts half).
    pub sector: f32,
    /// The same stage (a neighbouring one counts half).
    pub stage: f32,
    pub province: f32,
    pub region: f32,
    /// A group in common (women-led, social impact, ...).
    pub tag: f32,
}

impl Default for Affinity {
    /// Every way counts the same: what is used until there are enough
    /// portfolios to learn from.
    fn default() -> Self {
        Affinity {
            sector: 1.0,
            stage: 1.0,
            province: 1.0,
            region: 1.0,
            tag: 1.0,
        }
    }
}

/// How two startups agree on each of [`Affinity`]'s ways, 0..1, in its
/// order.
fn agreement(a: &Backed, b: &Backed) -> [f32; 5] {
    let sector = match a.sectors.first() {
        Some(p) if b.sectors.contains(p) => 1.0,
        Some(_) if a.sectors.iter().any(|s| b.sectors.contains(s)) => 0.5,
        _ => 0.0,
    };
    let stage = match a.stage.index().abs_diff(b.stage.index()) {
        0 => 1.0,
        1 => 0.5,
        _ => 0.0,
    };
    let same =
        |x: Option<PlaceRef>, y: Option<PlaceRef>| f32::from(u8::from(x.is_some() && x == y));
    [
        sector,
        stage,
        same(a.place.province, b.place.province),
        same(a.place.region, b.place.region),
        f32::from(u8::from(a.tags & b.tags != 0)),
    ]
}

/// Fewer pairs of startups backed by one investor than this, and
/// [`Affinity::learn`] keeps the default.
pub const MIN_AFFINITY_PAIRS: usize = 50;

impl Affinity {
    fn as_array(&self) -> [f32; 5] {
        [
            self.sector,
            self.stage,
            self.province,
            self.region,
            self.tag,
        ]
    }

    /// Learns from portfolios how much each way of being alike says about
    /// being backed by the same investor: for each way, how much more often
    /// two startups of one portfolio agree on it than two startups drawn
    /// from all those backed, `(together - apart) / (1 - apart)`, 0 when no
    /// more often. Each portfolio gives at most 64 pairs, so a few very
    /// active investors do not decide alone; with fewer than
    /// [`MIN_AFFINITY_PAIRS`] pairs, or when no way stands out, the
    /// default.
    pub fn learn<'a>(portfolios: impl Iterator<Item = &'a [Backed]>) -> Affinity {
        let mut together = [0f64; 5];
        let mut pairs = 0usize;
        let mut all: Vec<&Backed> = Vec::new();
        for portfolio in portfolios {
            let n = portfolio.len();
            let mut taken = 0;
            'pairs: for i in 0..n {
                for j in i + 1..n {
                    if taken == 64 {
                        break 'pairs;
                    }
                    let agree = agreement(&portfolio[i], &portfolio[j]);
                    for (t, a) in together.iter_mut().zip(agree) {
                        *t += f64::from(a);
                    }
                    taken += 1;
                }
            }
            pairs += taken;
            all.extend(portfolio);
        }
        if pairs < MIN_AFFINITY_PAIRS {
            return Affinity::default();
        }
        // Startups drawn apart: each paired with one a fixed stride away,
        // a stride coprime with the count when there is one.
        let n = all.len();
        let stride = (n / 2..n).find(|k| gcd(*k, n) == 1).unwrap_or(1).max(1);
        let mut apart = [0f64; 5];
        for i in 0..n {
            let agree = agreement(all[i], all[(i + stride) % n]);
            for (t, a) in apart.iter_mut().zip(agree) {
                *t += f64::from(a);
            }
        }
        let learned: Vec<f32> = together
            .iter()
            .zip(apart)
            .map(|(t, a)| {
                let (t, a) = (t / pairs as f64, a / n as f64);
                if a >= 1.0 {
                    0.0
                } else {
                    ((t - a) / (1.0 - a)).max(0.0) as f32
                }
            })
            .collect();
        if learned.iter().sum::<f32>() < 0.05 {
            return Affinity::default();
        }
        Affinity {
            sector: learned[0],
            stage: learned[1],
            province: learned[2],
            region: learned[3],
            tag: learned[4],
        }
    }

    /// How alike `startup` is to one `backed` (0..1): the ways they agree,
    /// weighed by the affinity.
    pub fn similarity(&self, startup: &Backed, backed: &Backed) -> f32 {
        let weights = self.as_array();
        let total: f32 = weights.iter().sum();
        if total <= 0.0 {
            return 0.0;
        }
        let agree = agreement(startup, backed);
        weights.iter().zip(agree).map(|(w, a)| w * a).sum::<f32>() / total
    }
}

impl Affinity {
    /// The most [`Affinity::similarity`] can be between a startup at
    /// `stage` and `backed`: as if they agreed in every way but the stage.
    fn ceiling_at(&self, stage: Stage, backed: &Backed) -> f32 {
        let total = self.sector + self.stage + self.province + self.region + self.tag;
        if total <= 0.0 {
            return 0.0;
        }
        let at = match stage.index().abs_diff(backed.stage.index()) {
            0 => 1.0,
            1 => 0.5,
            _ => 0.0,
        };
        (total - self.stage * (1.0 - at)) / total
    }
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// How much alike a backed startup must be to count as "like this one" in
/// [`portfolio`]'s explanation.
pub const LIKE_THIS: f32 = 0.5;

/// Portfolio: who backed similar startups is likely to back this one.
/// Each backed startup adds by its similarity `x` ([`Affinity::similarity`]):
/// `1 - Π(1 - x/2)`, so one just like it gives 0.5, two 0.75, and many
/// loosely alike add up too. 0 without deals.
pub fn portfolio(startup: &Backed, record: &TrackRecord, affinity: &Affinity) -> Share {
    if record.backed.is_empty() {
        return share(Factor::Portfolio, 0.0, Why::NoTrackRecord);
    }
    let mut miss = 1.0f32;
    let mut similar = 0u32;
    let (mut sector, mut province, mut region) = (true, true, true);
    let mut tags = startup.tags;
    for b in &record.backed {
        let x = affinity.similarity(startup, b);
        miss *= 1.0 - x / 2.0;
        if x >= LIKE_THIS {
            similar += 1;
            sector &= startup
                .sectors
                .first()
                .is_some_and(|p| b.sectors.contains(p));
            province &=
                startup.place.province.is_some() && b.place.province == startup.place.province;
            region &= startup.place.region.is_some() && b.place.region == startup.place.region;
            tags &= b.tags;
        }
    }
    let all = similar > 0;
    share(
        Factor::Portfolio,
        1.0 - miss,
        Why::Portfolio {
            similar,
            deals: record.backed.len() as u32,
            sector: startup.sectors.first().copied().filter(|_| all && sector),
            province: startup.place.province.filter(|_| all && province),
            region: startup.place.region.filter(|_| all && region && !province),
            tag: (all && tags != 0).then(|| tags.trailing_zeros() as u8),
        },
    )
}

/// [`portfolio`]'s score alone, for ranking's bounds.
pub fn portfolio_score(startup: &Backed, record: &TrackRecord, affinity: &Affinity) -> f32 {
    noisy_or(record, |b| affinity.similarity(startup, b))
}

/// `1 - Π(1 - alike(b)/2)` over the startups backed: each one alike counts,
/// none alone decides; 0 for no deals.
fn noisy_or(record: &TrackRecord, alike: impl Fn(&Backed) -> f32) -> f32 {
    if record.backed.is_empty() {
        return 0.0;
    }
    1.0 - record
        .backed
        .iter()
        .map(|b| 1.0 - alike(b) / 2.0)
        .product::<f32>()
}

/// The most [`portfolio`] can give a startup at `stage`: as if every
/// startup backed agreed with it in every way but the stage.
pub fn portfolio_ceiling_at(stage: Stage, record: &TrackRecord, affinity: &Affinity) -> f32 {
    noisy_or(record, |b| affinity.ceiling_at(stage, b))
}

/// The most [`portfolio`] can give an investor with `deals` backed
/// startups: each just like the startup.
pub fn portfolio_ceiling(deals: usize) -> f32 {
    1.0 - 0.5f32.powi(deals.min(64) as i32)
}

/// How long a deal counts as recent.
pub const RECENT_DAYS: i64 = 730;

/// Activity: 1 for an investor with a deal in the last two years, 0.6 for
/// an active one without (an inactive one is excluded before scoring).
pub fn activity(last: Option<NaiveDate>, today: NaiveDate) -> Share {
    match last {
        Some(date) if (today - date).num_days() <= RECENT_DAYS => {
            share(Factor::Activity, 1.0, Why::InvestedLately(date))
        }
        _ => share(Factor::Activity, 0.6, Why::NoRecentDeal),
    }
}

/// What feedback is compared by: sectors and a few more traits as bits.
#[derive(Debug, Clone, Copy)]
pub struct Traits<'a> {
    pub sectors: &'a [SectorRef],
    pub bits: u64,
}

fn jaccard_sectors(a: &[SectorRef], b: &[SectorRef]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let shared = a.iter().filter(|s| b.contains(s)).count();
    shared as f32 / (a.len() + b.len() - shared) as f32
}

fn jaccard_bits(a: u64, b: u64) -> f32 {
    let union = (a | b).count_ones();
    if union == 0 {
        1.0
    } else {
        (a & b).count_ones() as f32 / union as f32
    }
}

/// How alike two profiles are (0..1): sectors weigh 60%, other traits 40%.
pub fn similarity(a: Traits<'_>, b: Traits<'_>) -> f32 {
    0.6 * jaccard_sectors(a.sectors, b.sectors) + 0.4 * jaccard_bits(a.bits, b.bits)
}

/// Feedback: the user's own positive verdict on this pair scores 1;
/// otherwise `0.5 + (liked - disliked) / 2`, where each is the greatest
/// similarity to a profile the user marked relevant or contacted, or
/// dismissed. `None` (the factor does not count) when the user has said
/// nothing yet.
pub fn feedback(
    direct: Option<Verdict>,
    candidate: Traits<'_>,
    liked: &[Traits<'_>],
    disliked: &[Traits<'_>],
) -> Option<Share> {
    if let Some(v) = direct.filter(|v| v.is_positive()) {
        return Some(share(Factor::Feedback, 1.0, Why::FeedbackDirect(v)));
    }
    if liked.is_empty() && disliked.is_empty() {
        return None;
    }
    let best = |set: &[Traits<'_>]| {
        set.iter()
            .map(|t| similarity(candidate, *t))
            .fold(0.0f32, f32::max)
    };
    let (liked, disliked) = (best(liked), best(disliked));
    Some(share(
        Factor::Feedback,
        0.5 + (liked - disliked) / 2.0,
        Why::FeedbackSimilar { liked, disliked },
    ))
}

/// Popularity dampening: `1 / (1 + strength * ln(1 + demand))`, a factor
/// the weighted score is multiplied by.
pub fn dampening(demand: u32, strength: f32) -> Share {
    let factor = 1.0 / (1.0 + strength.max(0.0) * (1.0 + demand as f32).ln());
    Share {
        factor: Factor::Popularity,
        score: factor,
        why: Why::Demand { demand, factor },
    }
}

/// A factor's share with the weight it had.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    pub share: Share,
    pub weight: f32,
}

/// The final score: the weighted mean of the factors' scores (0..1), times
/// the popularity dampening (when there is one).
pub fn score_of(shares: &[(Share, f32)], dampening: Option<&Share>) -> f32 {
    let total: f32 = shares.iter().map(|(_, w)| w.max(0.0)).sum();
    if total <= 0.0 {
        return 0.0;
    }
    let mean = shares
        .iter()
        .map(|(s, w)| s.score * w.max(0.0))
        .sum::<f32>()
        / total;
    (mean * dampening.map_or(1.0, |d| d.score)).clamp(0.0, 1.0)
}

/// The reasons behind [`score_of`]: the largest contribution first, the
/// dampening last.
pub fn reasons_of(shares: &[(Share, f32)], dampening: Option<&Share>) -> Vec<Reason> {
    let mut reasons: Vec<Reason> = shares
        .iter()
        .map(|(share, weight)| Reason {
            share: *share,
            weight: weight.max(0.0),
        })
        .collect();
    reasons.sort_by(|a, b| {
        (b.share.score * b.weight)
            .total_cmp(&(a.share.score * a.weight))
            .then_with(|| b.weight.total_cmp(&a.weight))
    });
    reasons.extend(dampening.map(|d| Reason {
        share: *d,
        weight: 0.0,
    }));
    reasons
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn sector_prefers_the_primary_sector() {
        assert_eq!(sector(&[1, 2], &[1]).score, 1.0);
        assert_eq!(sector(&[1, 2], &[2, 9]).score, 0.75);
        assert_eq!(sector(&[1, 2], &[3]).score, 0.0);
        assert_eq!(sector(&[1], &[]).score, 0.5);
        for (a, b) in [
            (&[1, 2][..], &[2][..]),
            (&[], &[1]),
            (&[3], &[1, 2]),
            (&[1], &[1]),
        ] {
            assert_eq!(sector_score(a, b), sector(a, b).score);
        }
        match sector(&[1, 2], &[2, 1]).why {
            Why::SectorsShared { shared, primary } => {
                assert_eq!(shared.as_slice(), &[1, 2]);
                assert!(primary);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn sectors_read_from_text_say_so_whether_shared_or_not() {
        let shared: Refs = [1].into_iter().collect();
        for (other, read, want) in [
            (
                &[1][..],
                true,
                Why::SectorsRead {
                    shared,
                    primary: true,
                },
            ),
            (&[3], true, Why::SectorsReadNone),
            (&[3], false, Why::SectorsNone),
            (&[], true, Why::SectorsAny),
        ] {
            assert_eq!(sector_read(&[1, 2], other, read).why, want, "{other:?}");
        }
    }

    #[test]
    fn stage_backed_near_any_and_other() {
        let seed_a = stage_bits(&[Stage::Seed, Stage::SeriesA]);
        assert_eq!(stage(Stage::Seed, seed_a).score, 1.0);
        assert_eq!(stage(Stage::Mvp, seed_a).score, 0.4);
        assert_eq!(stage(Stage::Mvp, seed_a).why, Why::StageNear(Stage::Seed));
        assert_eq!(stage(Stage::Idea, seed_a).score, 0.0);
        assert_eq!(stage(Stage::Growth, 0).score, 0.5);
    }

    #[test]
    fn ticket_decays_gently_outside_the_range() {
        let (min, max) = (Some(1e9), Some(1e10));
        assert_eq!(ticket(Some(5e9), min, max).score, 1.0);
        assert_eq!(ticket(Some(1e9), min, max).score, 1.0);
        assert!((ticket(Some(5e8), min, max).score - 0.5).abs() < 1e-6);
        assert!((ticket(Some(4e10), min, max).score - 0.2).abs() < 1e-6);
        // Closer is better, on both sides.
        assert!(ticket(Some(8e8), min, max).score > ticket(Some(6e8), min, max).score);
        assert!(ticket(Some(1.2e10), min, max).score > ticket(Some(2e10), min, max).score);
        assert_eq!(ticket(None, min, max).score, 0.5);
        assert_eq!(ticket(Some(5e9), None, None).score, 0.5);
        // Only a minimum: anything above it fits.
        assert_eq!(ticket(Some(5e12), min, None).score, 1.0);
    }

    #[test]
    fn geography_orders_province_nationwide_region_elsewhere() {
        let here = Place {
            province: Some(1),
            region: Some(10),
        };
        let province = investor_geography(here, &[1, 2], &[10]).score;
        let nationwide = investor_geography(here, &[], &[]).score;
        let region = investor_geography(here, &[3], &[10]).score;
        let elsewhere = investor_geography(here, &[4], &[11]).score;
        assert!(province > nationwide && nationwide > region && region > elsewhere);
        let near = Place {
            province: Some(3),
            region: Some(10),
        };
        let far = Place {
            province: Some(4),
            region: Some(11),
        };
        assert_eq!(mentor_geography(here, here).score, 1.0);
        assert!(mentor_geography(here, near).score > mentor_geography(here, far).score);
        assert!(
            mentor_geography(here, far).score > 0.0,
            "online is possible"
        );
        assert_eq!(mentor_geography(Place::default(), far).score, 0.5);
    }

    #[test]
    fn needs_count_the_covered_share() {
        let needs_bits = topic_bits(&[Topic::Fundraising, Topic::Marketing, Topic::Legal]);
        let s = needs(
            needs_bits,
            topic_bits(&[Topic::Fundraising, Topic::Marketing]),
            topic_bits(&[Topic::Legal, Topic::Fundraising, Topic::Tax]),
            topic_bits(&[Topic::Legal, Topic::Tax]),
        );
        assert!((s.score - 2.0 / 3.0).abs() < 1e-6);
        assert_eq!(
            s.why,
            Why::NeedsCovered {
                covered: topic_bits(&[Topic::Fundraising, Topic::Legal]),
                needs: 3,
                from_bio: topic_bits(&[Topic::Legal]),
                asked: topic_bits(&[Topic::Fundraising]),
            }
        );
        assert_eq!(needs(0, 0, 7, 0).score, 0.5);
        assert_eq!(needs(needs_bits, 0, 0, 0).score, 0.0);
    }

    #[test]
    fn language_capacity_text() {
        assert_eq!(language(LANG_VI, LANG_VI | LANG_EN).score, 1.0);
        assert_eq!(language(LANG_VI, LANG_EN).score, 0.0);
        assert_eq!(language(LANG_VI, 0).score, 0.5);
        assert_eq!(language_bit("VI"), LANG_VI);
        assert!(capacity(3).score > capacity(1).score);
        assert_eq!(text(None).score, 0.0);
        assert_eq!(text(Some(0.4)).score, 0.4);
        assert_eq!(text(Some(7.0)).score, 1.0);
    }

    #[test]
    fn track_record_grows_with_relevant_deals_and_saturates() {
        let mut sectors = SectorCounts::default();
        for s in [1, 1, 2, 1] {
            sectors.add(s);
        }
        assert_eq!(sectors.iter().collect::<Vec<_>>(), vec![(1, 3), (2, 1)]);
        let mut record = TrackRecord {
            sectors,
            stages: [0, 0, 2, 0, 0],
            deals: 4,
            last: Some(day(2026, 1, 1)),
            backed: vec![],
        };
        let in_sector = track_record(&record, &[1], Stage::Seed).score;
        let other_sector = track_record(&record, &[5], Stage::Seed).score;
        let nothing = track_record(&record, &[5], Stage::Growth).score;
        assert!(in_sector > other_sector && other_sector > nothing);
        assert_eq!(nothing, 0.0);
        assert!(in_sector < 1.0);
        record.deals = 0;
        assert_eq!(
            track_record(&record, &[1], Stage::Seed).why,
            Why::NoTrackRecord
        );
    }

    #[test]
    fn activity_rewards_recent_deals() {
        let today = day(2026, 11, 30);
        assert_eq!(activity(Some(day(2026, 1, 1)), today).score, 1.0);
        assert_eq!(activity(Some(day(2020, 1, 1)), today).score, 0.6);
        assert_eq!(activity(None, today).score, 0.6);
    }

    #[test]
    fn feedback_pulls_towards_liked_and_away_from_dismissed() {
        let fintech = Traits {
            sectors: &[1],
            bits: 0b11,
        };
        let agritech = Traits {
            sectors: &[2],
            bits: 0b1100,
        };
        assert_eq!(feedback(None, fintech, &[], &[]), None);
        let liked = feedback(None, fintech, &[fintech], &[]).unwrap().score;
        let disliked = feedback(None, fintech, &[], &[fintech]).unwrap().score;
        let unrelated = feedback(None, agritech, &[fintech], &[]).unwrap().score;
        assert_eq!(liked, 1.0);
        assert_eq!(disliked, 0.0);
        assert_eq!(unrelated, 0.5);
        let direct = feedback(Some(Verdict::Contacted), agritech, &[], &[agritech]).unwrap();
        assert_eq!(direct.score, 1.0);
    }

    #[test]
    fn combine_is_a_weighted_mean_damped_by_popularity() {
        let shares = vec![
            (share(Factor::Sector, 1.0, Why::SectorsAny), 3.0),
            (share(Factor::Stage, 0.0, Why::StageAny), 1.0),
        ];
        let calm = dampening(0, 0.2);
        let score = score_of(&shares, Some(&calm));
        assert!((score - 0.75).abs() < 1e-6);
        let reasons = reasons_of(&shares, Some(&calm));
        assert_eq!(reasons[0].share.factor, Factor::Sector);
        assert_eq!(reasons.last().unwrap().share.factor, Factor::Popularity);
        let damped = score_of(&shares, Some(&dampening(50, 0.2)));
        assert!(damped < score && damped > 0.0);
        assert_eq!(score_of(&[], None), 0.0);
    }

    fn backed(sectors: &[SectorRef], stage: Stage, province: u16, region: u16, tags: u8) -> Backed {
        Backed {
            sectors: sectors.iter().copied().collect(),
            stage,
            place: Place {
                province: Some(province),
                region: Some(region),
            },
            tags,
        }
    }

    #[test]
    fn portfolio_counts_startups_alike_and_says_what_they_share() {
        const WOMEN: u8 = 1 << 1;
        let record = |backed: Vec<Backed>| TrackRecord {
            deals: backed.len() as u32,
            backed,
            ..TrackRecord::default()
        };
        let affinity = Affinity::default();
        let agritech_can_tho = backed(&[3], Stage::Seed, 7, 1, WOMEN);
        let two_alike = record(vec![
            backed(&[3], Stage::Seed, 7, 1, WOMEN),
            backed(&[3, 4], Stage::Mvp, 7, 1, WOMEN),
            backed(&[9], Stage::Growth, 2, 0, 0),
        ]);
        // (record, expected similar, sector, province, region, tag)
        type Case = (
            TrackRecord,
            u32,
            Option<u16>,
            Option<u16>,
            Option<u16>,
            Option<u8>,
        );
        let cases: Vec<Case> = vec![
            (two_alike.clone(), 2, Some(3), Some(7), None, Some(1)),
            (
                record(vec![
                    backed(&[3], Stage::Seed, 7, 1, 0),
                    backed(&[3], Stage::Seed, 8, 1, 0),
                ]),
                2,
                Some(3),
                None,
                Some(1),
                None,
            ),
            (
                record(vec![backed(&[9], Stage::Growth, 2, 0, 0)]),
                0,
                None,
                None,
                None,
                None,
            ),
        ];
        for (record, similar, sector, province, region, tag) in cases {
            let share = portfolio(&agritech_can_tho, &record, &affinity);
            assert_eq!(
                share.why,
                Why::Portfolio {
                    similar,
                    deals: record.backed.len() as u32,
                    sector,
                    province,
                    region,
                    tag,
                }
            );
            assert_eq!(
                share.score,
                portfolio_score(&agritech_can_tho, &record, &affinity)
            );
            assert!(share.score <= portfolio_ceiling(record.backed.len()));
            assert!(
                share.score
                    <= portfolio_ceiling_at(agritech_can_tho.stage, &record, &affinity) + 1e-6
            );
        }
        let fits = portfolio(&agritech_can_tho, &two_alike, &affinity).score;
        let other = backed(&[9], Stage::Growth, 2, 0, 0);
        assert!(fits > portfolio(&other, &two_alike, &affinity).score);
        assert_eq!(
            portfolio(&agritech_can_tho, &TrackRecord::default(), &affinity).why,
            Why::NoTrackRecord
        );
    }

    #[test]
    fn affinity_learns_what_portfolios_keep_to() {
        // Each investor keeps to one region and backs every sector.
        let portfolios: Vec<Vec<Backed>> = (0..20u16)
            .map(|investor| {
                (0..6u16)
                    .map(|k| {
                        let region = investor % 4;
                        backed(
                            &[k * 3 % 10],
                            Stage::ALL[(k % 5) as usize],
                            region * 10 + k % 2,
                            region,
                            0,
                        )
                    })
                    .collect()
            })
            .collect();
        let learned = Affinity::learn(portfolios.iter().map(|p| &p[..]));
        assert!(learned.region > 0.5, "{learned:?}");
        assert!(learned.sector < 0.1 && learned.tag == 0.0, "{learned:?}");
        // Too few pairs to learn from: every way counts the same.
        let few = Affinity::learn(portfolios[..2].iter().map(|p| &p[..]));
        assert_eq!(few, Affinity::default());
    }

    #[test]
    fn stated_preferences_favour_rule_out_or_say_nothing() {
        const STUDENT: u8 = 1 << 0;
        const WOMEN: u8 = 1 << 1;
        const SOCIAL: u8 = 1 << 3;
        let investor = |favoured: u8, excluded: u8, sectors: &[SectorRef]| InvestorProfile {
            id: 1,
            kind: InvestorKind::Angel,
            sectors: Refs::default(),
            stages: 0,
            ticket_min: None,
            ticket_max: None,
            provinces: vec![],
            regions: vec![],
            active: true,
            record: TrackRecord::default(),
            favoured,
            excluded,
            excluded_sectors: sectors.iter().copied().collect(),
            sectors_read: false,
        };
        // (startup sectors, startup tags, investor, score, why)
        let cases = [
            (
                vec![1],
                WOMEN,
                investor(WOMEN, 0, &[]),
                1.0,
                Why::GroupFavoured(1),
            ),
            (
                vec![1],
                SOCIAL | WOMEN,
                investor(SOCIAL, 0, &[]),
                1.0,
                Why::GroupFavoured(3),
            ),
            (
                vec![1],
                0,
                investor(WOMEN, 0, &[]),
                0.25,
                Why::GroupNotFavoured(1),
            ),
            (
                vec![1],
                STUDENT,
                investor(0, STUDENT, &[]),
                0.0,
                Why::GroupRuledOut(0),
            ),
            (
                vec![1, 6],
                WOMEN,
                investor(WOMEN, 0, &[6]),
                0.0,
                Why::SectorRuledOut(6),
            ),
            (vec![1], 0, investor(0, 0, &[6]), 0.5, Why::NothingStated),
        ];
        for (sectors, tags, i, score, why) in cases {
            let share = preferences(&sectors, tags, &i);
            assert_eq!((share.score, share.why), (score, why), "{sectors:?} {tags}");
        }
    }
}
