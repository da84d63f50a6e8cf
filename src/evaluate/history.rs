//! Quality measured on an ecosystem's own history: a share of the
//! investments it records is hidden, a copy of the ecosystem is rebuilt
//! without them, and each method's top 10 investors for a startup is judged
//! by whether it finds the investors that startup really got. No grading
//! rule is involved, so what it measures carries over to data nobody
//! wrote rules for: an operator can run it on a deployment's database
//! (`ketnoi evaluate --from-database`), and weights can be fitted to it
//! (`--tune`).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

use super::{Quality, Sums, first_ten, grades, text_of};
use crate::datafile::{Record, parse_line, to_line};
use crate::matching::{InvestorWeights, Lang, MatchFilter, Matching, MentorWeights, Weights};
use crate::model::{IntroductionAction, MatchSide, Recipient, StartupDraft};
use crate::search::indexer::rebuild;
use crate::search::{DocKind, SearchIndex};
use crate::store::{RecordSelect, Store};

/// The methods a held-out split compares, the engine first.
pub const METHODS: [&str; 5] = [
    "engine",
    "equal weights",
    "text-only BM25",
    "popularity",
    "random",
];

/// An ecosystem with a share of its investments hidden: the copy without
/// them, and what was hidden.
pub struct Split {
    store: Store,
    index: Arc<SearchIndex>,
    startups: HashMap<i64, StartupDraft>,
    /// Active investors, by id.
    investors: Vec<i64>,
    /// The investors each startup is known (in the copy) to have.
    visible: HashMap<i64, Vec<i64>>,
    /// The investors each startup got in the hidden investments, each
    /// graded 2 (relevant, as [`super::ndcg_at_10`] and
    /// [`super::recall_at_10`] read grades).
    hidden: HashMap<i64, HashMap<i64, u8>>,
    /// Investors by their deals in the copy, most first.
    by_deals: Vec<i64>,
    /// What each startup chose in the source, by copy id (graded 2): the
    /// investors and the mentors whose introduction to it was accepted or
    /// that it marked RELEVANT or CONTACTED. Data files carry neither
    /// introductions nor verdicts, so the copy has none: every choice is
    /// hidden, predicted from profiles and investments alone.
    chosen: [HashMap<i64, HashMap<i64, u8>>; 2],
    /// Mentors, by id.
    mentors: Vec<i64>,
    /// Mentors by the places they offer, most first.
    by_places: Vec<i64>,
    clock: crate::clock::Clock,
    seed: u64,
}

impl Split {
    /// Hides `share` (0 to 1) of `source`'s investments, drawn with
    /// `seed`, and loads the rest into an in-memory copy with its own
    /// search index. `source` may be either database; it is only read.
    pub async fn new(
        source: &Store,
        share: f64,
        seed: u64,
        clock: crate::clock::Clock,
    ) -> Result<Split, crate::error::Error> {
        let mut exported = Vec::new();
        crate::transfer::export(source, &mut exported)
            .await
            .map_err(|e| crate::error::Error::BadUserInput(format!("export: {e}")))?;
        let text = String::from_utf8(exported).map_err(|e| {
            crate::error::Error::BadUserInput(format!("the export is not UTF-8: {e}"))
        })?;
        let mut records = Vec::new();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            records.push(
                parse_line(line)
                    .map_err(|e| crate::error::Error::BadUserInput(format!("export: {e:?}")))?,
            );
        }
        let mut investments: Vec<usize> = records
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, Record::Investment(_)))
            .map(|(i, _)| i)
            .collect();
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        investments.shuffle(&mut rng);
        let hide = ((investments.len() as f64) * share.clamp(0.0, 1.0)).round() as usize;
        let hidden_lines: HashSet<usize> = investments[..hide].iter().copied().collect();
        let mut kept = String::with_capacity(text.len());
        let mut hidden_pairs = Vec::with_capacity(hide);
        for (i, record) in records.iter().enumerate() {
            match record {
                Record::Investment(x) if hidden_lines.contains(&i) => {
                    hidden_pairs.push((x.startup.clone(), x.investor.clone()));
                }
                _ => {
                    kept.push_str(&to_line(record));
                    kept.push('\n');
                }
            }
        }
        let store = Store::sqlite_memory().await?;
        store.migrate().await?;
        crate::transfer::import_file(&store, std::io::Cursor::new(kept), clock.today(), |_| {})
            .await
            .map_err(|e| crate::error::Error::BadUserInput(format!("the copy: {e}")))?;
        let index = Arc::new(SearchIndex::in_ram()?);
        rebuild(&store, &index, |_| {}).await?;
        let all = RecordSelect::After {
            after: 0,
            limit: i64::MAX,
        };
        let startups: Vec<(i64, StartupDraft)> = store.startup_drafts(all).await?;
        let startup_ids: HashMap<String, i64> = startups
            .iter()
            .map(|(id, s)| (s.slug.clone(), *id))
            .collect();
        let investor_drafts = store.investor_drafts(all).await?;
        let investor_ids: HashMap<String, i64> = investor_drafts
            .iter()
            .map(|(id, i)| (i.slug.clone(), *id))
            .collect();
        let investors = investor_drafts
            .iter()
            .filter(|(_, i)| i.active)
            .map(|(id, _)| *id)
            .collect();
        let mut visible: HashMap<i64, Vec<i64>> = HashMap::new();
        let mut deals: HashMap<i64, usize> = HashMap::new();
        for x in store.investments_after(0, i64::MAX).await? {
            visible.entry(x.startup_id).or_default().push(x.investor_id);
            *deals.entry(x.investor_id).or_default() += 1;
        }
        let mut hidden: HashMap<i64, HashMap<i64, u8>> = HashMap::new();
        for (startup, investor) in hidden_pairs {
            if let (Some(s), Some(i)) = (startup_ids.get(&startup), investor_ids.get(&investor)) {
                // Known anyway through another round: not a prediction.
                if !visible.get(s).is_some_and(|v| v.contains(i)) {
                    hidden.entry(*s).or_default().insert(*i, 2);
                }
            }
        }
        let mut by_deals: Vec<i64> = investor_drafts.iter().map(|(id, _)| *id).collect();
        by_deals.sort_by_key(|id| (std::cmp::Reverse(deals.get(id).copied().unwrap_or(0)), *id));
        let mentor_drafts = store.mentor_drafts(all).await?;
        let mentor_ids: HashMap<String, i64> = mentor_drafts
            .iter()
            .map(|(id, m)| (m.slug.clone(), *id))
            .collect();
        let mentors = mentor_drafts.iter().map(|(id, _)| *id).collect();
        let mut by_places: Vec<(i64, i32)> = mentor_drafts
            .iter()
            .map(|(id, m)| (*id, m.capacity))
            .collect();
        by_places.sort_by_key(|(id, places)| (std::cmp::Reverse(*places), *id));
        let mut chosen: [HashMap<i64, HashMap<i64, u8>>; 2] = Default::default();
        for (startup, recipient) in choices(source).await? {
            let Some(s) = startup_ids.get(&startup) else {
                continue;
            };
            let (side, id) = match &recipient {
                Chosen::Investor(slug) => (0, investor_ids.get(slug)),
                Chosen::Mentor(slug) => (1, mentor_ids.get(slug)),
            };
            let Some(id) = id else { continue };
            // An investor it got: known anyway, not a prediction.
            if side == 0 && visible.get(s).is_some_and(|v| v.contains(id)) {
                continue;
            }
            chosen[side].entry(*s).or_default().insert(*id, 2);
        }
        Ok(Split {
            store,
            index,
            startups: startups.into_iter().collect(),
            investors,
            visible,
            hidden,
            by_deals,
            chosen,
            mentors,
            by_places: by_places.into_iter().map(|(id, _)| id).collect(),
            clock,
            seed,
        })
    }

    /// How many startups chose investors and mentors in the source, and
    /// how many they chose in all: `[(startups, chosen); 2]`.
    pub fn choices(&self) -> [(usize, usize); 2] {
        self.chosen
            .each_ref()
            .map(|c| (c.len(), c.values().map(HashMap::len).sum()))
    }

    /// Every method's quality on what startups chose (see `chosen`):
    /// NDCG@10 and recall@10 of the investors and of the mentors, per
    /// startup that chose any, averaged; the methods of [`Split::report`],
    /// mentors' popularity by places.
    pub async fn report_choices(
        &self,
        weights: &Weights,
    ) -> Result<Vec<(String, [Quality; 2])>, crate::error::Error> {
        let engines = [
            self.engine(weights).await?,
            self.engine(&equal_weights()).await?,
        ];
        let mut sums: Vec<[Sums; 2]> = METHODS.iter().map(|_| Default::default()).collect();
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed ^ 0xc405e);
        for (side, chosen) in self.chosen.iter().enumerate() {
            let (kind, everyone, popular) = if side == 0 {
                (DocKind::Investor, &self.investors, &self.by_deals)
            } else {
                (DocKind::Mentor, &self.mentors, &self.by_places)
            };
            let mut startups: Vec<(&i64, &HashMap<i64, u8>)> = chosen.iter().collect();
            startups.sort_by_key(|(s, _)| **s);
            for (startup, truth) in startups {
                let skip: &[i64] = match side {
                    0 => self.visible.get(startup).map_or(&[], Vec::as_slice),
                    _ => &[],
                };
                let text = self.startups.get(startup).map(text_of).unwrap_or_default();
                let similar = self.index.similar(kind, &text, 10 + skip.len())?;
                let mut random: Vec<i64> = everyone.clone();
                random.shuffle(&mut rng);
                let mut lists = Vec::with_capacity(METHODS.len());
                for engine in &engines {
                    let found = if side == 0 {
                        engine.investor_matches(
                            *startup,
                            &text,
                            &MatchFilter::default(),
                            10,
                            Lang::En,
                        )?
                    } else {
                        engine.mentor_matches(
                            *startup,
                            &text,
                            &MatchFilter::default(),
                            10,
                            Lang::En,
                        )?
                    };
                    lists.push(found.unwrap_or_default().iter().map(|m| m.id).collect());
                }
                lists.push(first_ten(similar.into_iter().map(|h| h.0), skip));
                lists.push(first_ten(popular.iter().copied(), skip));
                lists.push(first_ten(random, skip));
                let all = relevant(truth);
                for (sum, list) in sums.iter_mut().zip(lists) {
                    sum[side].add(&grades(&list, truth), &all);
                }
            }
        }
        Ok(METHODS
            .iter()
            .zip(sums)
            .map(|(m, [i, n])| (m.to_string(), [i.mean(), n.mean()]))
            .collect())
    }

    /// How many startups have hidden investments to find, and how many
    /// hidden investors they got in all.
    pub fn size(&self) -> (usize, usize) {
        (
            self.hidden.len(),
            self.hidden.values().map(HashMap::len).sum(),
        )
    }

    /// The engine with `weights`, loaded from the copy.
    async fn engine(&self, weights: &Weights) -> Result<Arc<Matching>, crate::error::Error> {
        let engine = Matching::new(Arc::clone(&self.index), weights.clone(), self.clock.clone());
        engine.load(&self.store).await?;
        Ok(engine)
    }

    /// The engine's quality with `weights` alone (what tuning maximises).
    pub async fn engine_quality(&self, weights: &Weights) -> Result<Quality, crate::error::Error> {
        let engine = self.engine(weights).await?;
        let mut sums = Sums::default();
        for (startup, truth) in self.sorted_hidden() {
            let list = self.engine_list(&engine, startup)?;
            sums.add(&grades(&list, truth), &relevant(truth));
        }
        Ok(sums.mean())
    }

    fn sorted_hidden(&self) -> Vec<(i64, &HashMap<i64, u8>)> {
        let mut hidden: Vec<(i64, &HashMap<i64, u8>)> =
            self.hidden.iter().map(|(s, t)| (*s, t)).collect();
        hidden.sort_by_key(|(s, _)| *s);
        hidden
    }

    fn engine_list(
        &self,
        engine: &Matching,
        startup: i64,
    ) -> Result<Vec<i64>, crate::error::Error> {
        let text = self.startups.get(&startup).map(text_of).unwrap_or_default();
        let found =
            engine.investor_matches(startup, &text, &MatchFilter::default(), 10, Lang::En)?;
        Ok(found.unwrap_or_default().iter().map(|m| m.id).collect())
    }

    /// Every method's quality: NDCG@10 and recall@10 of the hidden
    /// investors, per startup with any, averaged. The engine with `weights`;
    /// the engine with every published field weighed the same and no
    /// popularity dampening; text similarity alone; the investors with the
    /// most deals; and a random draw of active investors.
    pub async fn report(
        &self,
        weights: &Weights,
    ) -> Result<Vec<(String, Quality)>, crate::error::Error> {
        let engine = self.engine(weights).await?;
        let equal = self.engine(&equal_weights()).await?;
        let mut sums: Vec<Sums> = METHODS.iter().map(|_| Sums::default()).collect();
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed ^ 0x7a11);
        for (startup, truth) in self.sorted_hidden() {
            let visible: &[i64] = self.visible.get(&startup).map_or(&[], Vec::as_slice);
            let text = self.startups.get(&startup).map(text_of).unwrap_or_default();
            let similar = self
                .index
                .similar(DocKind::Investor, &text, 10 + visible.len())?;
            let mut random: Vec<i64> = self.investors.clone();
            random.shuffle(&mut rng);
            let lists = [
                self.engine_list(&engine, startup)?,
                self.engine_list(&equal, startup)?,
                first_ten(similar.into_iter().map(|h| h.0), visible),
                first_ten(self.by_deals.iter().copied(), visible),
                first_ten(random, visible),
            ];
            let all = relevant(truth);
            for (sum, list) in sums.iter_mut().zip(lists) {
                sum.add(&grades(&list, truth), &all);
            }
        }
        Ok(METHODS
            .iter()
            .zip(sums)
            .map(|(m, s)| (m.to_string(), s.mean()))
            .collect())
    }
}

/// The ways a name is typed into the search box that [`Split::search_quality`]
/// tries.
pub const QUERY_FORMS: [&str; 4] = ["as written", "without diacritics", "prefix", "one typo"];

impl Split {
    /// Search success@1 by how a startup's name is typed: as written,
    /// without diacritics, cut short (search as you type) and with two
    /// letters swapped in its longest word (of five letters or more); for
    /// `sample` startups drawn by the split's seed. A search succeeds when
    /// its first result is that startup, or one with the same name (which
    /// nothing could tell apart).
    pub fn search_quality(
        &self,
        sample: usize,
    ) -> Result<Vec<(String, f64, usize)>, crate::error::Error> {
        let mut ids: Vec<i64> = self.startups.keys().copied().collect();
        ids.sort_unstable();
        ids.shuffle(&mut ChaCha8Rng::seed_from_u64(self.seed ^ 0x5ea7c4));
        ids.truncate(sample);
        let folded = |s: &str| crate::search::analysis::tokens(crate::search::analysis::FOLDED, s);
        let mut tally = [(0usize, 0usize); 4];
        for id in ids {
            let name = &self.startups[&id].name;
            for (form, query) in query_forms(name).into_iter().enumerate() {
                let Some(query) = query else { continue };
                let hits = self.index.search(&crate::search::SearchQuery {
                    text: query.clone(),
                    kinds: vec![DocKind::Startup],
                    limit: 1,
                    ..Default::default()
                })?;
                let first = hits.hits.first().map(|h| h.id);
                let found = first.is_some_and(|f| {
                    f == id
                        || self
                            .startups
                            .get(&f)
                            .is_some_and(|s| folded(&s.name) == folded(name))
                });
                tally[form].1 += 1;
                tally[form].0 += usize::from(found);
                if !found {
                    let got = first.and_then(|f| self.startups.get(&f)).map(|s| &s.name);
                    tracing::debug!(
                        form = QUERY_FORMS[form],
                        name,
                        typed = query,
                        ?got,
                        "search missed"
                    );
                }
            }
        }
        Ok(QUERY_FORMS
            .iter()
            .zip(tally)
            .map(|(form, (found, tried))| {
                (form.to_string(), found as f64 / tried.max(1) as f64, tried)
            })
            .collect())
    }
}

/// A name as typed in each of [`QUERY_FORMS`] (none where the form does
/// not apply: no diacritics to drop, no word long enough).
fn query_forms(name: &str) -> [Option<String>; 4] {
    use unicode_normalization::UnicodeNormalization;
    let plain: String = name
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect();
    let words: Vec<&str> = name.split_whitespace().collect();
    let prefix = words.last().filter(|w| w.chars().count() >= 5).map(|last| {
        let keep: String = last.chars().take(last.chars().count() - 2).collect();
        let mut typed = words[..words.len() - 1].join(" ");
        if !typed.is_empty() {
            typed.push(' ');
        }
        typed + &keep
    });
    let typo = words
        .iter()
        .enumerate()
        .max_by_key(|(_, w)| w.chars().count())
        .filter(|(_, w)| w.chars().count() >= 5)
        .map(|(i, w)| {
            let mut letters: Vec<char> = w.chars().collect();
            letters.swap(2, 3);
            let mut typed: Vec<String> = words.iter().map(|w| w.to_string()).collect();
            typed[i] = letters.into_iter().collect();
            typed.join(" ")
        });
    [
        Some(name.to_string()),
        (plain != name).then_some(plain),
        prefix,
        typo,
    ]
}

/// The search table in Markdown.
pub fn search_markdown(rows: &[(String, f64, usize)]) -> String {
    let mut out = String::from("| typed | success@1 | searches |\n|---|---|---|\n");
    for (form, success, tried) in rows {
        out.push_str(&format!("| {form} | {success:.3} | {tried} |\n"));
    }
    out
}

/// Every published field weighed the same, no popularity dampening: the
/// ranking anyone could write in an afternoon, which the engine must beat.
pub fn equal_weights() -> Weights {
    Weights {
        investor: InvestorWeights {
            sector: 1.0,
            stage: 1.0,
            ticket: 1.0,
            geography: 1.0,
            text: 1.0,
            track_record: 1.0,
            portfolio: 0.0,
            activity: 1.0,
            preferences: 0.0,
            feedback: 1.0,
        },
        mentor: MentorWeights {
            sector: 1.0,
            needs: 1.0,
            geography: 1.0,
            language: 1.0,
            text: 1.0,
            capacity: 1.0,
            feedback: 1.0,
        },
        popularity: 0.0,
        learn: false,
        ..Weights::default()
    }
}

/// The grades of every hidden investor of a startup.
fn relevant(truth: &HashMap<i64, u8>) -> Vec<u8> {
    truth.values().copied().collect()
}

/// A choice a startup made, by the slug of whom it chose.
enum Chosen {
    Investor(String),
    Mentor(String),
}

/// The choices startups made in `store`, by slug: accepted introductions
/// and RELEVANT or CONTACTED verdicts on their own lists.
async fn choices(store: &Store) -> Result<Vec<(String, Chosen)>, crate::error::Error> {
    const PAGE: i64 = 10_000;
    let mut pairs: Vec<(i64, Recipient)> = Vec::new();
    let mut before = None;
    loop {
        let page = store.introduction_log(None, before, PAGE).await?;
        let Some(last) = page.last() else { break };
        before = Some(last.id);
        pairs.extend(
            page.iter()
                .filter(|e| e.action == IntroductionAction::Accepted)
                .map(|e| (e.startup_id, e.recipient)),
        );
    }
    let mut after = 0;
    loop {
        let page = store.match_feedback_after(after, PAGE).await?;
        let Some((last, _)) = page.last() else { break };
        after = *last;
        pairs.extend(
            page.iter()
                .filter(|(_, f)| f.side == MatchSide::Startup && f.verdict.is_positive())
                .map(|(_, f)| (f.startup_id, f.counterpart)),
        );
    }
    if pairs.is_empty() {
        return Ok(vec![]);
    }
    let all = RecordSelect::After {
        after: 0,
        limit: i64::MAX,
    };
    let startups = slugs(store.startup_drafts(all).await?, |d| d.slug);
    let investors = slugs(store.investor_drafts(all).await?, |d| d.slug);
    let mentors = slugs(store.mentor_drafts(all).await?, |d| d.slug);
    Ok(pairs
        .into_iter()
        .filter_map(|(startup, recipient)| {
            let chosen = match recipient {
                Recipient::Investor(id) => Chosen::Investor(investors.get(&id)?.clone()),
                Recipient::Mentor(id) => Chosen::Mentor(mentors.get(&id)?.clone()),
            };
            Some((startups.get(&startup)?.clone(), chosen))
        })
        .collect())
}

/// Slugs by id.
fn slugs<D>(rows: Vec<(i64, D)>, slug: fn(D) -> String) -> HashMap<i64, String> {
    rows.into_iter().map(|(id, d)| (id, slug(d))).collect()
}

/// The table of what startups chose, in Markdown.
pub fn choices_markdown(rows: &[(String, [Quality; 2])]) -> String {
    let mut out = String::from(
        "| method | chosen investors NDCG@10 | chosen investors recall@10 | chosen mentors NDCG@10 | chosen mentors recall@10 |\n|---|---|---|---|---|\n",
    );
    for (method, [i, m]) in rows {
        out.push_str(&format!(
            "| {method} | {:.3} | {:.3} | {:.3} | {:.3} |\n",
            i.ndcg, i.recall, m.ndcg, m.recall
        ));
    }
    out
}

/// The held-out table in Markdown.
pub fn markdown(rows: &[(String, Quality)]) -> String {
    let mut out = String::from(
        "| method | hidden investors NDCG@10 | hidden investors recall@10 |\n|---|---|---|\n",
    );
    for (method, q) in rows {
        out.push_str(&format!("| {method} | {:.3} | {:.3} |\n", q.ndcg, q.recall));
    }
    out
}

/// Random search for the investor weights (popularity included) that find
/// `fit`'s hidden investments best: `trials` settings around `start`, each
/// kept when it raises the engine's mean of NDCG@10 and recall@10. Report
/// the result on another split: fitted and judged on one, it flatters.
pub async fn tune(
    fit: &Split,
    start: &Weights,
    trials: usize,
    mut progress: impl FnMut(usize, f64),
) -> Result<(Weights, f64), crate::error::Error> {
    let score = |q: Quality| (q.ndcg + q.recall) / 2.0;
    let mut best = super::in_use(&fit.store, &fit.index, start, &fit.clock).await?;
    let mut best_score = score(fit.engine_quality(&best).await?);
    let mut rng = ChaCha8Rng::seed_from_u64(fit.seed ^ 0x5eed);
    for trial in 0..trials {
        let mut candidate = best.clone();
        super::nudge_investor_weights(&mut candidate, &mut rng);
        let s = score(fit.engine_quality(&candidate).await?);
        if s > best_score {
            best = candidate;
            best_score = s;
        }
        progress(trial + 1, best_score);
    }
    Ok((best, best_score))
}
