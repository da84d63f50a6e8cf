//! p50 latency over HTTP of the nested 50-startup query (sectors, province,
//! organisation, investments → investor) on SQLite and, when
//! `KETNOI_BENCH_POSTGRES_URL` (or `KETNOI_TEST_POSTGRES_URL`) is set, on
//! PostgreSQL. The server runs in this process on a loopback port; the
//! client is reqwest, so the figure includes HTTP and JSON both ways.
//!
//! Run: `cargo bench --bench nested_query` (criterion prints the median).

mod common;

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use ketnoi::generate::{GenerateOptions, generate};
use ketnoi::store::Store;
use serde_json::json;

const NESTED: &str = r#"query { startups(first: 50) { nodes {
    name sectors { key name } province { name } organization { name }
    investments { amount { amount currency } round investor { name kind } }
} } }"#;

async fn start(store: Store) -> String {
    let mut data = Vec::new();
    let options = GenerateOptions {
        startups: 2_000,
        investors: 200,
        mentors: 300,
        seed: 7,
    };
    generate(&options, &mut data).expect("generate");
    ketnoi::transfer::import_file(
        &store,
        std::io::Cursor::new(data),
        ketnoi::clock::Clock::system().today(),
        |_| {},
    )
    .await
    .expect("import");
    common::serve(store).await
}

async fn postgres_store(url: &str) -> Store {
    let admin = Store::connect(url).await.expect("connect");
    let schema = format!("bench_{}", std::process::id());
    if let Store::Postgres(pool) = &admin {
        sqlx::query(&format!("drop schema if exists {schema} cascade"))
            .execute(pool)
            .await
            .expect("drop");
        sqlx::query(&format!("create schema {schema}"))
            .execute(pool)
            .await
            .expect("create");
    }
    let sep = if url.contains('?') { '&' } else { '?' };
    let store = Store::connect(&format!("{url}{sep}options=-c%20search_path%3D{schema}"))
        .await
        .expect("connect");
    store.migrate().await.expect("migrate");
    store
}

fn nested_query(c: &mut Criterion) {
    let runtime = common::runtime();
    let client = reqwest::Client::new();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut targets = Vec::new();
    let sqlite = runtime.block_on(async {
        let store = Store::sqlite_file(&dir.path().join("bench.db"))
            .await
            .expect("SQLite");
        store.migrate().await.expect("migrate");
        start(store).await
    });
    targets.push(("sqlite", sqlite));
    let pg_url = std::env::var("KETNOI_BENCH_POSTGRES_URL")
        .or_else(|_| std::env::var("KETNOI_TEST_POSTGRES_URL"));
    if let Ok(url) = pg_url {
        let pg = runtime.block_on(async { start(postgres_store(&url).await).await });
        targets.push(("postgres", pg));
    } else {
        eprintln!("PostgreSQL skipped: set KETNOI_BENCH_POSTGRES_URL to include it");
    }
    let mut group = c.benchmark_group("nested_50_startups_over_http");
    group.measurement_time(Duration::from_secs(10));
    for (name, url) in &targets {
        group.bench_function(*name, |b| {
            b.to_async(&runtime).iter(|| async {
                let response = client
                    .post(url)
                    .json(&json!({ "query": NESTED }))
                    .send()
                    .await
                    .expect("send");
                let body: serde_json::Value = response.json().await.expect("JSON");
                assert_eq!(
                    body["data"]["startups"]["nodes"].as_array().map(Vec::len),
                    Some(50),
                    "{body}"
                );
            })
        });
    }
    group.finish();
}

criterion_group!(benches, nested_query);
criterion_main!(benches);
