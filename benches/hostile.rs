//! How fast hostile documents are answered over HTTP: fragment explosions
//! (each fragment spreading the next twice) of 10 levels (within the
//! limits: run), and of 16, 31 and 60 levels (refused by the selection
//! limit before anything expands them); and the measure alone on the
//! 31-level document. The server runs in this process on an empty SQLite
//! database; the client is reqwest, so the figures include HTTP and JSON.
//!
//! Run: `cargo bench --bench hostile` (criterion prints the median).

mod common;

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use ketnoi::graphql::measure::fragment_explosion;
use ketnoi::store::Store;
use serde_json::json;

async fn start() -> String {
    let store = Store::sqlite_memory().await.expect("SQLite");
    store.migrate().await.expect("migrate");
    common::serve(store).await
}

fn hostile(c: &mut Criterion) {
    let runtime = common::runtime();
    let client = reqwest::Client::new();
    let url = runtime.block_on(start());
    let mut group = c.benchmark_group("fragment_explosion_over_http");
    group.measurement_time(Duration::from_secs(5));
    for levels in [10, 16, 31, 60] {
        let document = fragment_explosion(levels);
        group.bench_function(format!("{levels}_levels"), |b| {
            b.to_async(&runtime).iter(|| async {
                let body: serde_json::Value = client
                    .post(&url)
                    .json(&json!({ "query": document }))
                    .send()
                    .await
                    .expect("send")
                    .json()
                    .await
                    .expect("JSON");
                let answered = body["data"]["__typename"] == "Query";
                let refused = body["errors"][0]["extensions"]["limit"] == "max-selections";
                assert!(answered || refused, "{body}");
            })
        });
    }
    group.finish();
    let document = async_graphql::parser::parse_query(fragment_explosion(31)).expect("parses");
    c.bench_function("measure_31_levels", |b| {
        b.iter(|| ketnoi::graphql::measure::measure(&document).expect("no cycle"))
    });
}

criterion_group!(benches, hostile);
criterion_main!(benches);
