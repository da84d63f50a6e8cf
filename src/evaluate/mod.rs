//! `ketnoi evaluate`: how good are the recommendations?
//!
//! On generated data, the generator's own notion of fit ([`investor_grade`],
//! [`mentor_grade`]: the programmes' criteria plus a hidden judgement noise
//! per pair) grades every startup–investor and startup–mentor pair 0 to 3.
//! The engine never sees the grades. For a sample of startups, the top 10
//! of the engine and of three baselines are scored against them:
//!
//! - random: a random order of the candidates;
//! - popularity: investors by number of deals, mentors by places;
//! - text-only BM25: the search index's text similarity alone.
//!
//! NDCG@10 uses gains `2^grade - 1` and the ideal order of every
//! candidate's grade; recall@10 is the share of the startup's relevant
//! candidates (grade 2 or more) in the top 10, out of at most 10.
//!
//! With `--tune N` the command also searches N random weight settings on
//! the tuning seed and reports the best one on the (different) report
//! seed, so the figures are not fitted to the data they are reported on.
//!
//! [`history`] measures on an ecosystem's own record instead: investments
//! held out, then looked for.

use std::collections::HashMap;
use std::sync::Arc;

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::generate::{GenerateOptions, generate};
use crate::matching::{Lang, MatchFilter, Matching, Weights};
use crate::model::Vocabulary;
use crate::model::{InvestorDraft, MentorDraft, StartupDraft};
use crate::search::indexer::rebuild;
use crate::search::{DocKind, SearchIndex};
use crate::store::{RecordSelect, Store};

pub mod history;

/// What to evaluate on.
#[derive(Debug, Clone)]
pub struct EvaluateOptions {
    pub startups: usize,
    pub investors: usize,
    pub mentors: usize,
    /// The seed of the data reported on.
    pub seed: u64,
    /// How many startups are evaluated (those with relevant candidates).
    pub sample: usize,
    /// The clock the engine ranks by (recency of deals, eligibility).
    pub clock: crate::clock::Clock,
}

/// Mean NDCG@10 and recall@10 of one method for one kind of match.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Quality {
    pub ndcg: f64,
    pub recall: f64,
}

/// The quality table: per method, for investors and for mentors.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// `(method, investors, mentors)`, the engine first.
    pub rows: Vec<(String, Quality, Quality)>,
    /// How many startups were evaluated for investors and for mentors.
    pub evaluated: (usize, usize),
}

impl Report {
    /// The row of `method`.
    pub fn row(&self, method: &str) -> Option<(Quality, Quality)> {
        self.rows.iter().find(|r| r.0 == method).map(|r| (r.1, r.2))
    }

    /// The table in Markdown.
    pub fn markdown(&self) -> String {
        let mut out = String::from(
            "| method | investors NDCG@10 | investors recall@10 | mentors NDCG@10 | mentors recall@10 |\n|---|---|---|---|---|\n",
        );
        for (method, i, m) in &self.rows {
            out.push_str(&format!(
                "| {method} | {:.3} | {:.3} | {:.3} | {:.3} |\n",
                i.ndcg, i.recall, m.ndcg, m.recall
            ));
        }
        out
    }
}

fn stage_index(stage: crate::model::Stage) -> i32 {
    stage.index() as i32
}

/// A judgement noise per pair, hidden from the engine: in about one pair
/// in ten the grade moves one step up or down.
fn noise(a: &str, b: &str) -> i32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in a.bytes().chain([0]).chain(b.bytes()) {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    match h % 20 {
        0 => 1,
        1 => -1,
        _ => 0,
    }
}

/// The generator's grade (0 to 3) of how well an investor fits a startup:
/// a shared sector is required (the primary one counts double), then the
/// stage, the ticket against the amount sought and the geography add or
/// take points; inactive investors never fit.
pub fn investor_grade(
    s: &StartupDraft,
    i: &InvestorDraft,
    region: &dyn Fn(&str) -> Option<String>,
) -> u8 {
    if !i.active {
        return 0;
    }
    let mut points = match s.sectors.iter().position(|x| i.sectors.contains(x)) {
        None => return 0,
        Some(0) => 2,
        Some(_) => 1,
    };
    let stage = stage_index(s.stage);
    points += if i.stages.iter().any(|x| stage_index(*x) == stage) {
        2
    } else if i
        .stages
        .iter()
        .any(|x| (stage_index(*x) - stage).abs() == 1)
    {
        1
    } else {
        0
    };
    if let Some(seeking) = s.seeking.map(|m| m.in_vnd() as f64) {
        let min = i.ticket_min.map(|m| m.in_vnd() as f64);
        let max = i.ticket_max.map(|m| m.in_vnd() as f64);
        let below = min.is_some_and(|m| seeking < m);
        let above = max.is_some_and(|m| seeking > m);
        let far = min.is_some_and(|m| seeking < m / 2.0) || max.is_some_and(|m| seeking > m * 2.0);
        points += if far {
            -1
        } else if below || above || (min.is_none() && max.is_none()) {
            0
        } else {
            1
        };
    }
    let home = s.province.as_deref();
    points += if i.provinces.is_empty() || home.is_some_and(|p| i.provinces.iter().any(|x| x == p))
    {
        1
    } else if home
        .and_then(region)
        .is_some_and(|r| i.provinces.iter().any(|p| region(p).as_deref() == Some(&r)))
    {
        0
    } else {
        -2
    };
    let grade = match points {
        6.. => 3,
        4..=5 => 2,
        3 => 1,
        _ => 0,
    };
    (grade + noise(&s.slug, &i.slug)).clamp(0, 3) as u8
}

/// The generator's grade (0 to 3) of how well a mentor fits a startup: how
/// many of its needs they cover, a shared sector, the same province, and a
/// language of its profile.
pub fn mentor_grade(s: &StartupDraft, m: &MentorDraft) -> u8 {
    if m.capacity <= 0 {
        return 0;
    }
    let needs = s.needs.len();
    let covered = s.needs.iter().filter(|n| m.expertise.contains(n)).count();
    let mut points = if needs == 0 {
        1
    } else if covered == needs {
        3
    } else if covered * 2 >= needs {
        2
    } else if covered > 0 {
        1
    } else {
        0
    };
    if s.sectors.iter().any(|x| m.sectors.contains(x)) {
        points += 1;
    }
    if s.province.is_some() && s.province == m.province {
        points += 1;
    }
    let vietnamese = s
        .description
        .chars()
        .any(|c| ('\u{1EA0}'..='\u{1EF9}').contains(&c) || c == 'đ');
    if vietnamese && !m.languages.iter().any(|l| l == "vi") {
        points -= 1;
    }
    let grade = match points {
        5.. => 3,
        4 => 2,
        3 => 1,
        _ => 0,
    };
    (grade + noise(&s.slug, &m.slug)).clamp(0, 3) as u8
}

/// NDCG@10 of a ranked list of grades against all candidates' grades.
pub fn ndcg_at_10(ranked: &[u8], all: &[u8]) -> f64 {
    let dcg = |grades: &mut dyn Iterator<Item = u8>| -> f64 {
        grades
            .take(10)
            .enumerate()
            .map(|(i, g)| (2f64.powi(i32::from(g)) - 1.0) / ((i + 2) as f64).log2())
            .sum()
    };
    let mut ideal: Vec<u8> = all.to_vec();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let best = dcg(&mut ideal.into_iter());
    if best == 0.0 {
        return 0.0;
    }
    dcg(&mut ranked.iter().copied()) / best
}

/// Recall@10: the relevant (grade ≥ 2) in the top 10, out of at most 10.
pub fn recall_at_10(ranked: &[u8], all: &[u8]) -> f64 {
    let relevant = all.iter().filter(|g| **g >= 2).count();
    if relevant == 0 {
        return 0.0;
    }
    let found = ranked.iter().take(10).filter(|g| **g >= 2).count();
    found as f64 / relevant.min(10) as f64
}

/// The generated world, loaded and indexed.
struct World {
    store: Store,
    index: Arc<SearchIndex>,
    startups: Vec<(i64, StartupDraft)>,
    investors: Vec<(i64, InvestorDraft)>,
    mentors: Vec<(i64, MentorDraft)>,
    regions: HashMap<String, String>,
    /// Investors per startup (excluded everywhere: not recommendations).
    invested: HashMap<i64, Vec<i64>>,
    deals: HashMap<i64, usize>,
    clock: crate::clock::Clock,
}

/// A store holding the data `generate` makes from `seed` at `options`'
/// sizes (in memory).
pub async fn generated_store(
    options: &EvaluateOptions,
    seed: u64,
) -> Result<Store, crate::error::Error> {
    let mut data = Vec::new();
    generate(
        &GenerateOptions {
            startups: options.startups,
            investors: options.investors,
            mentors: options.mentors,
            seed,
        },
        &mut data,
    )?;
    let store = Store::sqlite_memory().await?;
    store.migrate().await?;
    crate::transfer::import_file(
        &store,
        std::io::Cursor::new(data),
        options.clock.today(),
        |_| {},
    )
    .await
    .map_err(|e| crate::error::Error::BadUserInput(format!("generated data: {e}")))?;
    Ok(store)
}

async fn world(options: &EvaluateOptions, seed: u64) -> Result<World, crate::error::Error> {
    let store = generated_store(options, seed).await?;
    world_of(store, options.clock.clone()).await
}

/// A world of what `store` holds, with its own index.
async fn world_of(store: Store, clock: crate::clock::Clock) -> Result<World, crate::error::Error> {
    let index = Arc::new(SearchIndex::in_ram()?);
    rebuild(&store, &index, |_| {}).await?;
    let all = RecordSelect::After {
        after: 0,
        limit: i64::MAX,
    };
    let startups = store.startup_drafts(all).await?;
    let investors = store.investor_drafts(all).await?;
    let mentors = store.mentor_drafts(all).await?;
    let regions = store
        .provinces()
        .await?
        .into_iter()
        .map(|p| (p.slug, p.region))
        .collect();
    let mut invested: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut deals: HashMap<i64, usize> = HashMap::new();
    for x in store.investments_after(0, i64::MAX).await? {
        invested
            .entry(x.startup_id)
            .or_default()
            .push(x.investor_id);
        *deals.entry(x.investor_id).or_default() += 1;
    }
    Ok(World {
        store,
        index,
        startups,
        investors,
        mentors,
        regions,
        invested,
        deals,
        clock,
    })
}

fn text_of(s: &StartupDraft) -> String {
    crate::matching::startup_text(&s.tagline, &s.description)
}

/// The grades of a ranking, by id.
fn grades(ranked: &[i64], grade: &HashMap<i64, u8>) -> Vec<u8> {
    ranked
        .iter()
        .map(|id| grade.get(id).copied().unwrap_or(0))
        .collect()
}

#[derive(Default)]
struct Sums {
    ndcg: f64,
    recall: f64,
    n: usize,
}

impl Sums {
    fn add(&mut self, ranked: &[u8], all: &[u8]) {
        self.ndcg += ndcg_at_10(ranked, all);
        self.recall += recall_at_10(ranked, all);
        self.n += 1;
    }
    fn mean(&self) -> Quality {
        let n = self.n.max(1) as f64;
        Quality {
            ndcg: self.ndcg / n,
            recall: self.recall / n,
        }
    }
}

const METHODS: [&str; 5] = [
    "engine",
    "equal weights",
    "text-only BM25",
    "popularity",
    "random",
];

/// Adds one startup's top 10s (the engine's, the equal-weights engine's,
/// text-only and popularity, then a random one drawn here) to the sums of
/// [`METHODS`].
fn judge(sums: &mut [Sums], grade: &HashMap<i64, u8>, lists: [Vec<i64>; 4], rng: &mut ChaCha8Rng) {
    let all: Vec<u8> = grade.values().copied().collect();
    let mut random: Vec<i64> = grade.keys().copied().collect();
    random.sort_unstable();
    random.shuffle(rng);
    random.truncate(10);
    let [engine, equal, text, popular] = lists;
    for (sum, list) in sums.iter_mut().zip([engine, equal, text, popular, random]) {
        sum.add(&grades(&list, grade), &all);
    }
}

/// The first ten of `ids` not in `skip`.
fn first_ten(ids: impl IntoIterator<Item = i64>, skip: &[i64]) -> Vec<i64> {
    ids.into_iter()
        .filter(|i| !skip.contains(i))
        .take(10)
        .collect()
}

/// Which side of a startup is graded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Investors,
    Mentors,
}

/// Grades of one startup's candidates on one side (`None`: the startup is
/// not graded on that side).
type Grader<'a> = dyn Fn(Side, &(i64, StartupDraft)) -> Option<HashMap<i64, u8>> + 'a;

/// Evaluates `weights` (and the baselines) on the world, graded by the
/// generator's rules.
async fn measure(
    w: &World,
    weights: &Weights,
    sample: usize,
) -> Result<Report, crate::error::Error> {
    let region = |p: &str| w.regions.get(p).cloned();
    let grader = |side: Side, (id, s): &(i64, StartupDraft)| {
        let skip = w.invested.get(id).map_or(&[][..], Vec::as_slice);
        Some(match side {
            Side::Investors => w
                .investors
                .iter()
                .filter(|(i, _)| !skip.contains(i))
                .map(|(i, r)| (*i, investor_grade(s, r, &region)))
                .collect(),
            Side::Mentors => w
                .mentors
                .iter()
                .map(|(m, r)| (*m, mentor_grade(s, r)))
                .collect(),
        })
    };
    measure_with(w, weights, sample, &grader).await
}

/// Evaluates `weights` (and the baselines) on the world, graded by
/// `grader`, for at most `sample` startups per side that have a relevant
/// (grade 2 or more) candidate.
async fn measure_with(
    w: &World,
    weights: &Weights,
    sample: usize,
    grader: &Grader<'_>,
) -> Result<Report, crate::error::Error> {
    let engine = Matching::new(Arc::clone(&w.index), weights.clone(), w.clock.clone());
    engine.load(&w.store).await?;
    let equal = Matching::new(
        Arc::clone(&w.index),
        history::equal_weights(),
        w.clock.clone(),
    );
    equal.load(&w.store).await?;
    let mut rng = ChaCha8Rng::seed_from_u64(99);
    let mut order: Vec<usize> = (0..w.startups.len()).collect();
    order.shuffle(&mut rng);
    let mut investor_sums: Vec<Sums> = METHODS.iter().map(|_| Sums::default()).collect();
    let mut mentor_sums: Vec<Sums> = METHODS.iter().map(|_| Sums::default()).collect();
    let mut by_deals: Vec<i64> = w.investors.iter().map(|(id, _)| *id).collect();
    by_deals.sort_by_key(|id| std::cmp::Reverse(w.deals.get(id).copied().unwrap_or(0)));
    let mut by_places: Vec<(i64, i32)> =
        w.mentors.iter().map(|(id, m)| (*id, m.capacity)).collect();
    by_places.sort_by_key(|(id, c)| (std::cmp::Reverse(*c), *id));
    let by_places: Vec<i64> = by_places.into_iter().map(|(id, _)| id).collect();
    let filter = MatchFilter::default();
    let (mut done_i, mut done_m) = (0, 0);
    for &k in &order {
        if done_i >= sample && done_m >= sample {
            break;
        }
        let startup = &w.startups[k];
        let (id, s) = startup;
        let text = text_of(s);
        let invested = w.invested.get(id).cloned().unwrap_or_default();
        for side in [DocKind::Investor, DocKind::Mentor] {
            // Investors who already backed the startup are left out.
            let (done, sums, popular, skip) = if side == DocKind::Investor {
                (
                    &mut done_i,
                    &mut investor_sums,
                    &by_deals,
                    invested.as_slice(),
                )
            } else {
                (&mut done_m, &mut mentor_sums, &by_places, &[][..])
            };
            if *done >= sample {
                continue;
            }
            let graded = if side == DocKind::Investor {
                Side::Investors
            } else {
                Side::Mentors
            };
            let Some(grade) = grader(graded, startup) else {
                continue;
            };
            if !grade.values().any(|g| *g >= 2) {
                continue;
            }
            *done += 1;
            let top = |engine: &Matching| -> Result<Vec<i64>, crate::error::Error> {
                let found = if side == DocKind::Investor {
                    engine.investor_matches(*id, &text, &filter, 10, Lang::En)?
                } else {
                    engine.mentor_matches(*id, &text, &filter, 10, Lang::En)?
                };
                Ok(found.unwrap_or_default().iter().map(|m| m.id).collect())
            };
            let similar = w.index.similar(side, &text, 10 + skip.len())?;
            let lists = [
                top(&engine)?,
                top(&equal)?,
                first_ten(similar.into_iter().map(|h| h.0), skip),
                first_ten(popular.iter().copied(), skip),
            ];
            judge(sums, &grade, lists, &mut rng);
        }
    }
    Ok(Report {
        rows: METHODS
            .iter()
            .zip(investor_sums.iter().zip(&mentor_sums))
            .map(|(m, (i, s))| (m.to_string(), i.mean(), s.mean()))
            .collect(),
        evaluated: (done_i, done_m),
    })
}

/// Grades read from a file: `{"investors": {startup key: {investor key:
/// grade}}, "mentors": {...}}`, grades 0 to 3, a missing pair 0 (as
/// `scripts/ecosystem2/generate.py` writes them).
#[derive(Debug, Default, serde::Deserialize)]
pub struct Truth {
    #[serde(default)]
    pub investors: HashMap<String, HashMap<String, u8>>,
    #[serde(default)]
    pub mentors: HashMap<String, HashMap<String, u8>>,
}

/// Evaluates `weights` (and the baselines) on what `store` holds, graded
/// by `truth`: NDCG@10 and recall@10 for up to `sample` of its startups
/// per side. Investors that already backed a startup are not graded for
/// it (they are not recommendations).
pub async fn evaluate_truth(
    store: Store,
    truth: &Truth,
    weights: &Weights,
    sample: usize,
    clock: crate::clock::Clock,
) -> Result<Report, crate::error::Error> {
    let w = world_of(store, clock).await?;
    let investor_keys: HashMap<&str, i64> = w
        .investors
        .iter()
        .map(|(id, i)| (i.slug.as_str(), *id))
        .collect();
    let mentor_keys: HashMap<&str, i64> = w
        .mentors
        .iter()
        .map(|(id, m)| (m.slug.as_str(), *id))
        .collect();
    let grader = |side: Side, (id, s): &(i64, StartupDraft)| {
        let (grades, keys, everyone) = match side {
            Side::Investors => (
                truth.investors.get(&s.slug)?,
                &investor_keys,
                w.investors.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
            ),
            Side::Mentors => (
                truth.mentors.get(&s.slug)?,
                &mentor_keys,
                w.mentors.iter().map(|(id, _)| *id).collect(),
            ),
        };
        let skip = w.invested.get(id).map_or(&[][..], Vec::as_slice);
        let mut graded: HashMap<i64, u8> = everyone
            .into_iter()
            .filter(|i| !skip.contains(i))
            .map(|i| (i, 0))
            .collect();
        for (key, grade) in grades {
            if let Some(slot) = keys.get(key.as_str()).and_then(|i| graded.get_mut(i)) {
                *slot = (*grade).min(3);
            }
        }
        Some(graded)
    };
    measure_with(&w, weights, sample, &grader).await
}

/// Evaluates `weights` on data generated from `options.seed`.
pub async fn evaluate(
    options: &EvaluateOptions,
    weights: &Weights,
) -> Result<Report, crate::error::Error> {
    let w = world(options, options.seed).await?;
    measure(&w, weights, options.sample).await
}

/// The weights an engine with `weights` ranks by once loaded from
/// `store` (learned, where they let it), fixed: where tuning starts.
async fn in_use(
    store: &Store,
    index: &Arc<SearchIndex>,
    weights: &Weights,
    clock: &crate::clock::Clock,
) -> Result<Weights, crate::error::Error> {
    let engine = Matching::new(Arc::clone(index), weights.clone(), clock.clone());
    engine.load(store).await?;
    let mut fixed = engine.weights_in_use()?;
    fixed.learn = false;
    Ok(fixed)
}

/// Multiplies `x` by a random factor between 1/2 and 2 (clamped to 0..20).
fn nudge(x: &mut f32, rng: &mut ChaCha8Rng) {
    let factor: f32 = rng.random_range(-1.0f32..1.0).exp2();
    *x = (*x * factor).clamp(0.0, 20.0);
}

/// Nudges every investor factor's weight but feedback's (data without
/// feedback cannot fit it), and the popularity dampening.
fn nudge_investor_weights(w: &mut Weights, rng: &mut ChaCha8Rng) {
    let all = w.investor.all_mut();
    let fitted = all.len() - 1;
    for x in all.into_iter().take(fitted) {
        nudge(x, rng);
    }
    // Popularity may also go to nothing, or come back from it.
    w.popularity = if rng.random_bool(0.2) {
        0.0
    } else {
        (w.popularity.max(0.02) * rng.random_range(-1.0f32..1.0).exp2()).clamp(0.0, 2.0)
    };
}

/// Nudges every mentor factor's weight but feedback's.
fn nudge_mentor_weights(w: &mut Weights, rng: &mut ChaCha8Rng) {
    let all = w.mentor.all_mut();
    let fitted = all.len() - 1;
    for x in all.into_iter().take(fitted) {
        nudge(x, rng);
    }
}

/// Random search: `trials` weight settings around `start` on data from
/// `seed`; returns the one with the best mean engine NDCG@10 (investors and
/// mentors alike) and that mean.
pub async fn tune(
    options: &EvaluateOptions,
    seed: u64,
    start: &Weights,
    trials: usize,
    mut progress: impl FnMut(usize, f64),
) -> Result<(Weights, f64), crate::error::Error> {
    let w = world(options, seed).await?;
    let score = |r: &Report| {
        r.row("engine")
            .map_or(0.0, |(i, m)| (i.ndcg + m.ndcg) / 2.0)
    };
    let mut best = in_use(&w.store, &w.index, start, &w.clock).await?;
    let mut best_score = score(&measure(&w, &best, options.sample).await?);
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5eed);
    for trial in 0..trials {
        let mut candidate = best.clone();
        nudge_investor_weights(&mut candidate, &mut rng);
        nudge_mentor_weights(&mut candidate, &mut rng);
        let s = score(&measure(&w, &candidate, options.sample).await?);
        if s > best_score {
            best = candidate;
            best_score = s;
        }
        progress(trial + 1, best_score);
    }
    Ok((best, best_score))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ndcg_and_recall() {
        let all = [3, 2, 0, 0, 1];
        assert!((ndcg_at_10(&[3, 2, 1], &all) - 1.0).abs() < 1e-9);
        assert!(ndcg_at_10(&[0, 0, 3], &all) < ndcg_at_10(&[3, 0, 0], &all));
        assert_eq!(ndcg_at_10(&[0, 0], &[0, 0]), 0.0);
        assert_eq!(recall_at_10(&[3, 0, 2], &all), 1.0);
        assert_eq!(recall_at_10(&[3, 0, 0], &all), 0.5);
    }
}
