//! Search at scale: tantivy against PostgreSQL full-text search and SQLite
//! FTS5 on the same texts and queries.
//!
//! On `generate --startups 1000000 --investors 10000 --mentors 20000` (set
//! `KETNOI_BENCH_STARTUPS` for another size) this
//! 1. imports the data into SQLite (skipped when `KETNOI_BENCH_DIR` already
//!    holds it),
//! 2. rebuilds the search index from the database, timed (`ketnoi reindex`),
//! 3. measures the index on disk and the memory of a real server
//!    (`ketnoi serve`) with the index open, after it has answered the
//!    queries,
//! 4. runs a fixed set of realistic queries (single words, two words,
//!    phrases, unaccented Vietnamese, with filters) in process for top-10
//!    hits: p50 and p99,
//! 5. runs the same queries against SQLite FTS5 (`bm25`, unicode61 with
//!    `remove_diacritics 2`) and, when `KETNOI_BENCH_POSTGRES_URL` is set,
//!    PostgreSQL (`tsvector` with weights, a GIN index, `ts_rank`), and
//! 6. compares recall@10 on the unaccented queries against the documents
//!    that hold every word of the query once diacritics are folded.
//!
//! Run: `cargo bench --bench search` (a load script with a report, not a
//! criterion bench: building the data takes minutes, not iterations).
//! `KETNOI_BENCH_DIR` keeps the data between runs; `KETNOI_BENCH_KEEP=1`
//! keeps the FTS5 and PostgreSQL comparison tables too;
//! `KETNOI_BENCH_TANTIVY_ONLY=1` stops after tantivy's figures.

mod common;

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ketnoi::search::indexer::{load, rebuild};
use ketnoi::search::{DocKind, SearchDoc, SearchFilter, SearchIndex, SearchQuery, analysis};
use ketnoi::store::{RecordSelect, Store};
use sqlx::Row;

/// A benchmark query: its text, its class, and filters.
struct Case {
    class: &'static str,
    text: &'static str,
    sectors: &'static [&'static str],
    provinces: &'static [&'static str],
    stages: &'static [&'static str],
}

const fn case(class: &'static str, text: &'static str) -> Case {
    Case {
        class,
        text,
        sectors: &[],
        provinces: &[],
        stages: &[],
    }
}

const CASES: &[Case] = &[
    case("single word", "fintech"),
    case("single word", "logistics"),
    case("single word", "robot"),
    case("single word", "nông"),
    case("single word", "telemedicine"),
    case("two words", "khởi nghiệp"),
    case("two words", "nông nghiệp"),
    case("two words", "quản lý"),
    case("two words", "e-wallet merchant"),
    case("two words", "y tế"),
    case("phrase", "\"quản lý kho\""),
    case("phrase", "\"telemedicine platform\""),
    case("phrase", "\"chuyển đổi số\""),
    case("unaccented", "khoi nghiep"),
    case("unaccented", "nong nghiep cong nghe cao"),
    case("unaccented", "cham soc suc khoe"),
    case("unaccented", "quan ly kho"),
    case("unaccented", "thanh toan"),
    case("unaccented", "du lich"),
    case("unaccented", "giao duc"),
    case("unaccented", "da nang"),
    Case {
        sectors: &["agritech"],
        ..case("filtered", "nông nghiệp")
    },
    Case {
        provinces: &["ho-chi-minh"],
        ..case("filtered", "fintech")
    },
    Case {
        stages: &["SEED"],
        ..case("filtered", "khoi nghiep")
    },
    Case {
        sectors: &["healthtech"],
        provinces: &["ha-noi"],
        ..case("filtered", "ung dung")
    },
];

/// Rounds over the query set per engine.
const ROUNDS: usize = 40;

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// Latencies per class and overall.
#[derive(Default)]
struct Timings(BTreeMap<&'static str, Vec<Duration>>);

impl Timings {
    fn add(&mut self, class: &'static str, d: Duration) {
        self.0.entry(class).or_default().push(d);
        self.0.entry("all").or_default().push(d);
    }

    fn summary(&mut self, class: &str) -> (Duration, Duration) {
        match self.0.iter_mut().find(|(k, _)| **k == class) {
            Some((_, v)) => {
                v.sort();
                (percentile(v, 50.0), percentile(v, 99.0))
            }
            None => (Duration::ZERO, Duration::ZERO),
        }
    }
}

/// Words and phrases of a query as plain AND queries for FTS5 and
/// PostgreSQL (which have no prefix-while-typing or typo tolerance here).
fn words(text: &str) -> Vec<String> {
    text.split('"')
        .enumerate()
        .flat_map(|(n, piece)| {
            if n % 2 == 1 {
                vec![piece.trim().to_string()]
            } else {
                piece.split_whitespace().map(str::to_string).collect()
            }
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn fts5_match(text: &str) -> String {
    words(text)
        .iter()
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect::<Vec<_>>()
        .join(" AND ")
}

fn tsquery(text: &str) -> String {
    // Each word or phrase as a phraseto_tsquery, joined with AND.
    words(text)
        .iter()
        .map(|w| format!("phraseto_tsquery('simple', '{}')", w.replace('\'', "''")))
        .collect::<Vec<_>>()
        .join(" && ")
}

/// The documents of every kind, page by page.
async fn for_each_doc(store: &Store, mut f: impl FnMut(&[SearchDoc])) {
    for kind in DocKind::ALL {
        let mut after = 0;
        loop {
            let docs = load(store, kind, RecordSelect::After { after, limit: 5000 })
                .await
                .expect("load documents");
            let Some(last) = docs.last() else { break };
            after = last.id;
            f(&docs);
        }
    }
}

fn key(kind: DocKind, id: i64) -> i64 {
    // One number per document for the comparison tables.
    id * 8 + DocKind::ALL.iter().position(|k| *k == kind).unwrap_or(0) as i64
}

#[tokio::main]
async fn main() {
    let (options, work) = common::dataset("search", [1_000_000, 10_000, 20_000]);

    // 1. Data.
    let db = work.join("ketnoi.db");
    let store = common::generated_store(&work, &options).await;
    let documents = store.search_documents().await.expect("count");

    // 2. Rebuild.
    let index_dir = work.join("search");
    let _ = std::fs::remove_dir_all(&index_dir);
    let index = Arc::new(SearchIndex::open_or_create(&index_dir).expect("index"));
    let started = Instant::now();
    rebuild(&store, &index, |_| {}).await.expect("rebuild");
    let rebuild_time = started.elapsed();
    println!(
        "rebuild: {documents} documents in {:.1} s ({:.0} documents/s)",
        rebuild_time.as_secs_f64(),
        documents as f64 / rebuild_time.as_secs_f64()
    );
    // A server compacts a rebuilt index in the background, serving
    // meanwhile; the queries below are timed on the compacted index.
    let started = Instant::now();
    index.compact().expect("compact");
    let compact_time = started.elapsed();
    println!(
        "compacted into one segment in {:.1} s",
        compact_time.as_secs_f64()
    );

    // 4. tantivy in process, on the index as a server opens it: dropping
    // the writer stops the merges the rebuild left running, which would
    // otherwise compete with the queries for the two cores.
    drop(index);
    let index = Arc::new(SearchIndex::open_or_create(&index_dir).expect("index"));
    let query_of = |c: &Case| SearchQuery {
        text: c.text.to_string(),
        limit: 10,
        filter: SearchFilter {
            sectors: c.sectors.iter().map(|s| s.to_string()).collect(),
            provinces: c.provinces.iter().map(|s| s.to_string()).collect(),
            stages: c.stages.iter().map(|s| s.to_string()).collect(),
            topics: vec![],
        },
        ..SearchQuery::default()
    };
    let mut tantivy = Timings::default();
    let mut tantivy_full = Timings::default();
    for round in 0..=ROUNDS {
        for c in CASES {
            let q = query_of(c);
            let started = Instant::now();
            let hits = index.search(&q).expect("search");
            let took = started.elapsed();
            std::hint::black_box(hits);
            // With the total and facets too: a GraphQL `search` but HTTP.
            let started = Instant::now();
            let hits = index
                .search(&SearchQuery { facets: true, ..q })
                .expect("search");
            let full = started.elapsed();
            std::hint::black_box(hits);
            if round > 0 {
                tantivy.add(c.class, took);
                tantivy_full.add(c.class, full);
            }
        }
    }

    // `KETNOI_BENCH_TANTIVY_ONLY=1`: tantivy's figures alone, without the
    // comparison engines (which take minutes to load).
    if std::env::var("KETNOI_BENCH_TANTIVY_ONLY").is_ok_and(|v| v == "1") {
        for (name, t) in [
            ("tantivy, top 10", &mut tantivy),
            ("tantivy, top 10 + total + facets", &mut tantivy_full),
        ] {
            let ms = |d: Duration| d.as_secs_f64() * 1000.0;
            let (p50, p99) = t.summary("all");
            print!("{name}: p50 {:.2} ms, p99 {:.2} ms;", ms(p50), ms(p99));
            for class in [
                "single word",
                "two words",
                "phrase",
                "unaccented",
                "filtered",
            ] {
                print!(" {class} {:.2} ms", ms(t.summary(class).0));
            }
            println!();
        }
        return;
    }

    // 5a. SQLite FTS5 on the same texts (a separate file).
    // With KETNOI_BENCH_KEEP=1 the comparison tables stay after the run and
    // are used again when they hold as many documents.
    let keep = std::env::var("KETNOI_BENCH_KEEP").is_ok_and(|v| v == "1");
    let fts_path = work.join("fts5.db");
    if !keep {
        let _ = std::fs::remove_file(&fts_path);
    }
    let open_fts = || {
        sqlx::SqlitePool::connect_with(
            sqlx::sqlite::SqliteConnectOptions::new()
                .filename(&fts_path)
                .create_if_missing(true)
                .journal_mode(sqlx::sqlite::SqliteJournalMode::Off)
                .synchronous(sqlx::sqlite::SqliteSynchronous::Off),
        )
    };
    let mut fts = open_fts().await.expect("FTS5 database");
    let fts_rows: i64 = sqlx::query_scalar("select count(*) from docs")
        .fetch_one(&fts)
        .await
        .unwrap_or(-1);
    let fts_ready = fts_rows == documents;
    if !fts_ready {
        // Start afresh (a run stopped half-way leaves a damaged file).
        fts.close().await;
        let _ = std::fs::remove_file(&fts_path);
        fts = open_fts().await.expect("FTS5 database");
    }
    sqlx::query(
        "create virtual table if not exists docs using fts5(name, tagline, body, sectors unindexed, \
         provinces unindexed, stages unindexed, tokenize = 'unicode61 remove_diacritics 2')",
    )
    .execute(&fts)
    .await
    .expect("FTS5 table");

    // 6. Ground truth for the unaccented queries: documents holding every
    // folded word of the query.
    let unaccented: Vec<&Case> = CASES.iter().filter(|c| c.class == "unaccented").collect();
    let wanted: Vec<Vec<String>> = unaccented
        .iter()
        .map(|c| analysis::tokens(analysis::FOLDED, c.text))
        .collect();
    let mut truth: Vec<HashSet<i64>> = vec![HashSet::new(); unaccented.len()];

    let mut pg_ready = false;
    let pg = match std::env::var("KETNOI_BENCH_POSTGRES_URL") {
        Ok(url) => {
            let pool = sqlx::postgres::PgPoolOptions::new()
                .max_connections(2)
                .connect(&url)
                .await
                .expect("PostgreSQL");
            let rows: i64 = sqlx::query_scalar("select count(*) from ketnoi_bench_docs")
                .fetch_one(&pool)
                .await
                .unwrap_or(-1);
            if keep && rows == documents {
                pg_ready = true;
            } else {
                sqlx::query("drop table if exists ketnoi_bench_docs")
                    .execute(&pool)
                    .await
                    .expect("drop");
            }
            sqlx::query(
                "create unlogged table if not exists ketnoi_bench_docs (id int8 primary key, name text, tagline text, \
                 body text, sectors text[], provinces text[], stages text[], tsv tsvector)",
            )
            .execute(&pool)
            .await
            .expect("create");
            Some(pool)
        }
        Err(_) => None,
    };

    let started = Instant::now();
    let mut pending: Vec<SearchDoc> = Vec::new();
    let mut batches: Vec<Vec<SearchDoc>> = Vec::new();
    for_each_doc(&store, |docs| {
        for doc in docs {
            let mut text = analysis::tokens(
                analysis::FOLDED,
                &format!("{} {} {}", doc.name, doc.tagline, doc.body),
            );
            text.sort();
            text.dedup();
            for (n, words) in wanted.iter().enumerate() {
                if words.iter().all(|w| text.binary_search(w).is_ok()) {
                    truth[n].insert(key(doc.kind, doc.id));
                }
            }
        }
        pending.extend_from_slice(docs);
        if pending.len() >= 5000 {
            batches.push(std::mem::take(&mut pending));
        }
    })
    .await;
    batches.push(pending);
    for batch in batches.iter().filter(|_| !fts_ready) {
        let mut tx = fts.begin().await.expect("tx");
        for doc in batch {
            sqlx::query(
                "insert into docs (rowid, name, tagline, body, sectors, provinces, stages) values (?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(key(doc.kind, doc.id))
            .bind(&doc.name)
            .bind(&doc.tagline)
            .bind(&doc.body)
            .bind(format!(" {} ", doc.sectors.join(" ")))
            .bind(format!(" {} ", doc.provinces.join(" ")))
            .bind(format!(" {} ", doc.stages.join(" ")))
            .execute(&mut *tx)
            .await
            .expect("insert FTS5");
        }
        tx.commit().await.expect("commit");
    }
    for batch in batches.iter().filter(|_| !pg_ready) {
        if let Some(pool) = &pg {
            let ids: Vec<i64> = batch.iter().map(|d| key(d.kind, d.id)).collect();
            let col =
                |f: fn(&SearchDoc) -> String| -> Vec<String> { batch.iter().map(f).collect() };
            let arr = |f: fn(&SearchDoc) -> &Vec<String>| -> Vec<String> {
                batch
                    .iter()
                    .map(|d| format!("{{{}}}", f(d).join(",")))
                    .collect()
            };
            sqlx::query(
                "insert into ketnoi_bench_docs (id, name, tagline, body, sectors, provinces, stages) \
                 select id, name, tagline, body, sectors::text[], provinces::text[], stages::text[] \
                 from unnest($1::int8[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) \
                 as t(id, name, tagline, body, sectors, provinces, stages)",
            )
            .bind(ids)
            .bind(col(|d| d.name.clone()))
            .bind(col(|d| d.tagline.clone()))
            .bind(col(|d| d.body.clone()))
            .bind(arr(|d| &d.sectors))
            .bind(arr(|d| &d.provinces))
            .bind(arr(|d| &d.stages))
            .execute(pool)
            .await
            .expect("insert PostgreSQL");
        }
    }
    println!(
        "comparison tables loaded in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    if let Some(pool) = pg.as_ref().filter(|_| !pg_ready) {
        let started = Instant::now();
        for sql in [
            "update ketnoi_bench_docs set tsv = setweight(to_tsvector('simple', name), 'A') \
             || setweight(to_tsvector('simple', tagline), 'B') || setweight(to_tsvector('simple', body), 'D')",
            "create index ketnoi_bench_docs_tsv on ketnoi_bench_docs using gin (tsv)",
            "vacuum analyze ketnoi_bench_docs",
        ] {
            sqlx::query(sql)
                .execute(pool)
                .await
                .expect("PostgreSQL set-up");
        }
        println!(
            "PostgreSQL tsvector + GIN built in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    drop(batches);

    let fts_sql = |c: &Case| -> String {
        let mut sql = "select rowid from docs where docs match ?1".to_string();
        for (column, values) in [
            ("sectors", c.sectors),
            ("provinces", c.provinces),
            ("stages", c.stages),
        ] {
            if !values.is_empty() {
                let any: Vec<String> = values
                    .iter()
                    .map(|v| format!("instr({column}, ' {v} ') > 0"))
                    .collect();
                sql.push_str(&format!(" and ({})", any.join(" or ")));
            }
        }
        sql.push_str(" order by bm25(docs, 3.0, 2.0, 1.0) limit 10");
        sql
    };
    let pg_sql = |c: &Case| -> String {
        let mut sql = format!(
            "select id from ketnoi_bench_docs, (select {}) as q(q) where tsv @@ q",
            tsquery(c.text)
        );
        for (column, values) in [
            ("sectors", c.sectors),
            ("provinces", c.provinces),
            ("stages", c.stages),
        ] {
            if !values.is_empty() {
                let list: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
                sql.push_str(&format!(" and {column} && array[{}]", list.join(",")));
            }
        }
        sql.push_str(" order by ts_rank(tsv, q) desc limit 10");
        sql
    };
    let mut fts5 = Timings::default();
    let mut postgres = Timings::default();
    // Fewer rounds: each is slower, and p50 settles quickly.
    let rounds = (ROUNDS / 4).max(3);
    for round in 0..=rounds {
        for c in CASES {
            let started = Instant::now();
            let rows = sqlx::query(&fts_sql(c))
                .bind(fts5_match(c.text))
                .fetch_all(&fts)
                .await
                .expect("FTS5 query");
            let took = started.elapsed();
            std::hint::black_box(rows);
            if round > 0 {
                fts5.add(c.class, took);
            }
            if let Some(pool) = &pg {
                let started = Instant::now();
                let rows = sqlx::query(&pg_sql(c))
                    .fetch_all(pool)
                    .await
                    .expect("PostgreSQL query");
                let took = started.elapsed();
                std::hint::black_box(rows);
                if round > 0 {
                    postgres.add(c.class, took);
                }
            }
        }
    }

    // Recall on unaccented queries: of the documents holding every word
    // once folded, how many the engine matches at all, and how many of its
    // top 10 are among them.
    let mut recall: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
    for (n, c) in unaccented.iter().enumerate() {
        let relevant = &truth[n];
        let mut line = format!("  {:<28} relevant {:>7}", c.text, relevant.len());
        let top_sql = fts_sql(c);
        let all_sql = top_sql.replace(" order by bm25(docs, 3.0, 2.0, 1.0) limit 10", "");
        let fts_ids = |sql: String| {
            let fts = fts.clone();
            let m = fts5_match(c.text);
            async move {
                sqlx::query(&sql)
                    .bind(m)
                    .fetch_all(&fts)
                    .await
                    .expect("FTS5")
                    .iter()
                    .map(|r| r.get::<i64, _>(0))
                    .collect::<Vec<i64>>()
            }
        };
        let pg_ids = |sql: String| {
            let pg = pg.clone();
            async move {
                match pg {
                    Some(pool) => sqlx::query(&sql)
                        .fetch_all(&pool)
                        .await
                        .expect("PostgreSQL")
                        .iter()
                        .map(|r| r.get::<i64, _>(0))
                        .collect::<Vec<i64>>(),
                    None => vec![],
                }
            }
        };
        let q = query_of(c);
        let engines: Vec<(&str, Vec<i64>, Vec<i64>)> = vec![
            (
                "tantivy",
                index
                    .search(&q)
                    .expect("search")
                    .hits
                    .iter()
                    .map(|h| key(h.kind, h.id))
                    .collect(),
                index
                    .all_matches(&q)
                    .expect("matches")
                    .into_iter()
                    .map(|(k, id)| key(k, id))
                    .collect(),
            ),
            ("FTS5", fts_ids(top_sql).await, fts_ids(all_sql).await),
            (
                "PostgreSQL",
                pg_ids(pg_sql(c)).await,
                pg_ids(pg_sql(c).replace(" order by ts_rank(tsv, q) desc limit 10", "")).await,
            ),
        ];
        for (name, top, all) in engines {
            if name == "PostgreSQL" && pg.is_none() {
                continue;
            }
            let at10 = top.iter().filter(|id| relevant.contains(id)).count() as f64
                / relevant.len().clamp(1, 10) as f64;
            let found = all.iter().filter(|id| relevant.contains(id)).count() as f64
                / relevant.len().max(1) as f64;
            line.push_str(&format!("  {name} {found:.2} ({at10:.2} @10)"));
            let r = recall.entry(name).or_default();
            r.0 += found / unaccented.len() as f64;
            r.1 += at10 / unaccented.len() as f64;
        }
        println!("{line}");
    }

    // 3. A real server with the index open, after the queries.
    drop(index);
    store.close().await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("port")
        .local_addr()
        .expect("address")
        .port();
    let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_ketnoi"))
        .env_remove("DATABASE_URL")
        .args(["--data-dir"])
        .arg(&work)
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("server");
    let client = reqwest::Client::new();
    let base = format!("http://127.0.0.1:{port}");
    let ready = Instant::now();
    while !client
        .get(format!("{base}/readyz"))
        .send()
        .await
        .is_ok_and(|r| r.status().is_success())
    {
        assert!(
            ready.elapsed() < Duration::from_secs(600),
            "server not ready"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let rss_idle = rss_kib(server.id());
    let mut http = Timings::default();
    for round in 0..=3 {
        for c in CASES {
            let started = Instant::now();
            let body: serde_json::Value = client
                .post(format!("{base}/graphql"))
                .json(&serde_json::json!({
                    "query": "query($q: String!) { search(query: $q, first: 10) { totalCount facets { sectors { value count } } edges { score highlights { field snippet } node { ... on Startup { name } ... on Investor { name } ... on Mentor { name } } } } }",
                    "variables": { "q": c.text }
                }))
                .send()
                .await
                .expect("request")
                .json()
                .await
                .expect("JSON");
            assert!(body.get("errors").is_none(), "{body}");
            if round > 0 {
                http.add(c.class, started.elapsed());
            }
        }
    }
    let rss_busy = rss_kib(server.id());
    let _ = server.kill();
    let _ = server.wait();

    let index_bytes = dir_size(&index_dir);
    let db_bytes = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
    println!();
    println!(
        "| engine | p50 | p99 | single word p50 | two words p50 | phrase p50 | unaccented p50 | filtered p50 | recall, unaccented |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    let row = |name: &str, t: &mut Timings, recall: Option<(f64, f64)>| {
        let (p50, p99) = t.summary("all");
        let classes: Vec<String> = [
            "single word",
            "two words",
            "phrase",
            "unaccented",
            "filtered",
        ]
        .iter()
        .map(|c| ms(t.summary(c).0))
        .collect();
        println!(
            "| {name} | {} | {} | {} | {} |",
            ms(p50),
            ms(p99),
            classes.join(" | "),
            recall.map_or("–".to_string(), |(all, at10)| format!(
                "{all:.2} ({at10:.2} in the top 10)"
            ))
        );
    };
    row(
        "tantivy, top 10",
        &mut tantivy,
        recall.get("tantivy").copied(),
    );
    row("tantivy, top 10 + total + facets", &mut tantivy_full, None);
    row("SQLite FTS5 (bm25)", &mut fts5, recall.get("FTS5").copied());
    if pg.is_some() {
        row(
            "PostgreSQL (ts_rank, GIN)",
            &mut postgres,
            recall.get("PostgreSQL").copied(),
        );
    }
    row("GraphQL over HTTP (server)", &mut http, None);
    println!();
    println!(
        "rebuild {:.1} s for {documents} documents, then compacted in {:.1} s; index {:.0} MiB on \
         disk (database {:.0} MiB); server RSS {:.0} MiB after start, {:.0} MiB after the queries",
        rebuild_time.as_secs_f64(),
        compact_time.as_secs_f64(),
        index_bytes as f64 / 1048576.0,
        db_bytes as f64 / 1048576.0,
        rss_idle as f64 / 1024.0,
        rss_busy as f64 / 1024.0
    );
    if let Some(pool) = &pg {
        let size: i64 = sqlx::query_scalar("select pg_total_relation_size('ketnoi_bench_docs')")
            .fetch_one(pool)
            .await
            .unwrap_or(0);
        println!(
            "PostgreSQL comparison table with GIN: {:.0} MiB",
            size as f64 / 1048576.0
        );
        if !keep {
            let _ = sqlx::query("drop table if exists ketnoi_bench_docs")
                .execute(pool)
                .await;
        }
    }
    println!(
        "FTS5 comparison database: {:.0} MiB",
        std::fs::metadata(&fts_path).map(|m| m.len()).unwrap_or(0) as f64 / 1048576.0
    );
}
