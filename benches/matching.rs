//! Matching at scale: the latency of each recommendation list and of a
//! cohort assignment, and the engine's memory.
//!
//! On `generate --startups 1000000 --investors 100000 --mentors 100000`
//! (`KETNOI_BENCH_STARTUPS`, `_INVESTORS`, `_MENTORS` for other sizes) this
//! 1. imports the data into SQLite (skipped when `KETNOI_BENCH_DIR` already
//!    holds it) and builds the search index (skipped when it is current),
//! 2. loads the matching engine, timed, with the process's memory before
//!    and after,
//! 3. times top-10 `investorMatches` and `mentorMatches` for 300 random
//!    startups, the first `dealFlow` page for 100 random investors and
//!    `suggestedStartups` for 100 random mentors (p50, p99), in process,
//!    as the GraphQL resolvers call them,
//! 4. times `assignMentors` for a cohort of 500 startups and 300 mentors.
//!
//! Run: `cargo bench --bench matching` (a load script with a report, not a
//! criterion bench: building the data takes minutes).

mod common;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ketnoi::matching::{Lang, MatchFilter, Matching, Weights};
use ketnoi::search::indexer::rebuild;
use ketnoi::search::{DocKind, SearchIndex};
use ketnoi::store::{RecordSelect, Store};
use rand::SeedableRng;
use rand::seq::SliceRandom;

fn rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<f64>().ok())
        })
        .unwrap_or(0.0)
        / 1024.0
}

fn report(name: &str, mut times: Vec<Duration>) {
    times.sort();
    let at = |p: f64| {
        let rank = ((p / 100.0) * (times.len() - 1) as f64).round() as usize;
        times[rank.min(times.len() - 1)].as_secs_f64() * 1000.0
    };
    println!(
        "{name:<28} n={:<4} p50 {:>8.2} ms   p99 {:>8.2} ms   max {:>8.2} ms",
        times.len(),
        at(50.0),
        at(99.0),
        at(100.0)
    );
}

async fn ids(store: &Store, table: &str) -> Vec<i64> {
    let pool = match store {
        Store::Sqlite { read, .. } => read.clone(),
        Store::Postgres(_) => unreachable!("the bench runs on SQLite"),
    };
    sqlx::query_scalar(&format!("select id from {table}"))
        .fetch_all(&pool)
        .await
        .expect("ids")
}

#[tokio::main]
async fn main() {
    let (options, work) = common::dataset("matching", [1_000_000, 100_000, 100_000]);

    // 1. Data and index.
    let store = common::generated_store(&work, &options).await;
    let index_dir = work.join("search");
    let index = Arc::new(SearchIndex::open_or_create(&index_dir).expect("index"));
    let instance = store.change_log_instance().await.expect("instance");
    if index.state().is_none_or(|s| s.instance != instance) {
        let started = Instant::now();
        rebuild(&store, &index, |_| {}).await.expect("rebuild");
        println!("index built in {:.1} s", started.elapsed().as_secs_f64());
        // As a server does after a rebuild, in the background.
        let started = Instant::now();
        index.compact().expect("compact");
        println!(
            "index compacted in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    // Reopen as a server would: no merges left running.
    drop(index);
    let index = Arc::new(SearchIndex::open_or_create(&index_dir).expect("index"));

    // 2. The engine.
    let before = rss_mib();
    let engine = Matching::new(
        Arc::clone(&index),
        Weights::default(),
        ketnoi::clock::Clock::system(),
    );
    let started = Instant::now();
    engine.load(&store).await.expect("load");
    let loaded = started.elapsed();
    let after = rss_mib();
    let (s, i, m) = engine.counts().expect("counts");
    println!(
        "engine: {s} startups, {i} investors, {m} mentors loaded in {:.1} s; process memory {before:.0} MiB -> {after:.0} MiB (+{:.0} MiB)",
        loaded.as_secs_f64(),
        after - before
    );

    // 3. Lists.
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
    let mut startup_ids = ids(&store, "startups").await;
    startup_ids.shuffle(&mut rng);
    let sample: Vec<i64> = startup_ids.iter().take(300).copied().collect();
    let records = store
        .startup_drafts(RecordSelect::Ids(&sample))
        .await
        .expect("startups");
    let texts: HashMap<i64, String> = records
        .iter()
        .map(|(id, r)| {
            (
                *id,
                ketnoi::matching::startup_text(&r.tagline, &r.description),
            )
        })
        .collect();
    let filter = MatchFilter::default();
    let engine = Arc::clone(&engine);
    let run = |f: &dyn Fn() -> usize| {
        let started = Instant::now();
        let n = f();
        std::hint::black_box(n);
        started.elapsed()
    };
    // Warm up the index's pages once.
    for id in sample.iter().take(20) {
        let text = &texts[id];
        let _ = engine.investor_matches(*id, text, &filter, 10, Lang::Vi);
        let _ = engine.mentor_matches(*id, text, &filter, 10, Lang::Vi);
    }
    let mut investor_times = Vec::new();
    let mut mentor_times = Vec::new();
    let mut lengths = (0, 0);
    for id in &sample {
        let text = &texts[id];
        investor_times.push(run(&|| {
            let m = engine
                .investor_matches(*id, text, &filter, 10, Lang::Vi)
                .expect("matches")
                .expect("known startup");
            m.len()
        }));
        mentor_times.push(run(&|| {
            let m = engine
                .mentor_matches(*id, text, &filter, 10, Lang::Vi)
                .expect("matches")
                .expect("known startup");
            m.len()
        }));
        lengths.0 += engine
            .investor_matches(*id, text, &filter, 10, Lang::Vi)
            .unwrap()
            .unwrap()
            .len();
        lengths.1 += engine
            .mentor_matches(*id, text, &filter, 10, Lang::Vi)
            .unwrap()
            .unwrap()
            .len();
    }
    // The text similarity alone (the search index's part of each list).
    let mut similar_investors = Vec::new();
    let mut similar_mentors = Vec::new();
    for id in &sample {
        let text = &texts[id];
        similar_investors.push(run(&|| {
            index
                .similar(DocKind::Investor, text, 200)
                .expect("similar")
                .len()
        }));
        similar_mentors.push(run(&|| {
            index
                .similar(DocKind::Mentor, text, 200)
                .expect("similar")
                .len()
        }));
    }
    report("investorMatches top 10", investor_times);
    report("mentorMatches top 10", mentor_times);
    report("  of which text, investors", similar_investors);
    report("  of which text, mentors", similar_mentors);
    println!(
        "  (average list length: {:.1} investors, {:.1} mentors)",
        lengths.0 as f64 / sample.len() as f64,
        lengths.1 as f64 / sample.len() as f64
    );

    let mut investor_ids = ids(&store, "investors").await;
    investor_ids.shuffle(&mut rng);
    let investor_sample: Vec<i64> = investor_ids.iter().take(100).copied().collect();
    let theses: HashMap<i64, String> = store
        .investor_drafts(RecordSelect::Ids(&investor_sample))
        .await
        .expect("investors")
        .into_iter()
        .map(|(id, r)| (id, r.thesis))
        .collect();
    let mut deal_times = Vec::new();
    for id in &investor_sample {
        let text = &theses[id];
        deal_times.push(run(&|| {
            let (page, _, _) = engine
                .deal_flow(*id, text, &filter, 0, 10, Lang::Vi)
                .expect("deal flow")
                .expect("known investor");
            page.len()
        }));
    }
    report("dealFlow first page", deal_times);
    let mut thesis_text = Vec::new();
    for id in &investor_sample {
        thesis_text.push(run(&|| {
            index
                .similar(DocKind::Startup, &theses[id], 200)
                .expect("similar")
                .len()
        }));
    }
    report("  of which text, startups", thesis_text);

    let mut mentor_ids = ids(&store, "mentors").await;
    mentor_ids.shuffle(&mut rng);
    let mentor_sample: Vec<i64> = mentor_ids.iter().take(100).copied().collect();
    let bios: HashMap<i64, String> = store
        .mentor_drafts(RecordSelect::Ids(&mentor_sample))
        .await
        .expect("mentors")
        .into_iter()
        .map(|(id, r)| (id, ketnoi::matching::mentor_text(&r.headline, &r.bio)))
        .collect();
    let mut suggested_times = Vec::new();
    for id in &mentor_sample {
        let text = &bios[id];
        suggested_times.push(run(&|| {
            engine
                .suggested_startups(*id, text, &filter, 10, Lang::Vi)
                .expect("suggestions")
                .expect("known mentor")
                .len()
        }));
    }
    report("suggestedStartups top 10", suggested_times);

    // 4. A cohort.
    let cohort: Vec<i64> = startup_ids[..500].to_vec();
    let cohort_texts: HashMap<i64, String> = store
        .startup_drafts(RecordSelect::Ids(&cohort))
        .await
        .expect("cohort")
        .into_iter()
        .map(|(id, r)| {
            (
                id,
                ketnoi::matching::startup_text(&r.tagline, &r.description),
            )
        })
        .collect();
    let pool: Vec<i64> = mentor_ids[..300].to_vec();
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..5 {
        let started = Instant::now();
        let result = engine
            .assign_mentors(&cohort, &cohort_texts, Some(&pool), 1, Lang::Vi)
            .expect("assignment");
        times.push(started.elapsed());
        last = Some(result);
    }
    let result = last.expect("ran");
    report("assignMentors 500 x 300", times);
    let mentor_pool = index.pool(DocKind::Mentor, &pool).expect("pool");
    let mut among = Vec::new();
    for id in &cohort[..100] {
        among.push(run(&|| {
            mentor_pool
                .similar(&cohort_texts[id], 200)
                .expect("similar")
                .len()
        }));
    }
    report("  text among 300 mentors", among);
    println!(
        "  {} pairs, {} startups without a mentor, total score {:.2}",
        result.pairs.len(),
        result.unassigned.len(),
        result.total
    );
}
