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
    /// The languages its profile is written in.
    pub languages: u8,
    /// Investors that already invested in it.
    pub investors: Vec<i64>,
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
}

/// A mentor as matching sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct MentorProfile {
    pub id: i64,
    pub sectors: Refs,
    /// Topic bits of their expertise.
    pub expertise: u32,
    pub languages: u8,
    pub place: Place,
    pub capacity: i32,
    /// Startups they mentor now (accepted introductions).
    pub load: i32,
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
    /// Whether an investor has invested lately.
    Activity,
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
    /// The other side names no sector.
    SectorsAny,
    /// No sector in common.
    SectorsNone,
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
    /// Topic bits covered, out of how many needs.
    NeedsCovered {
        covered: u32,
        needs: usize,
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
    InvestedLately(NaiveDate),
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

/// Needs coverage: the share of the startup's needs the mentor's
/// expertise covers; 0.5 when the startup states none.
pub fn needs(needs: u32, expertise: u32) -> Share {
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
        },
    )
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
            topic_bits(&[Topic::Legal, Topic::Fundraising, Topic::Tax]),
        );
        assert!((s.score - 2.0 / 3.0).abs() < 1e-6);
        assert_eq!(
            s.why,
            Why::NeedsCovered {
                covered: topic_bits(&[Topic::Fundraising, Topic::Legal]),
                needs: 3
            }
        );
        assert_eq!(needs(0, 7).score, 0.5);
        assert_eq!(needs(needs_bits, 0).score, 0.0);
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
}
