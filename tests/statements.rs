//! Every relation goes through a DataLoader: a nested query costs the same
//! number of SQL statements for 5 startups as for 50 (no N+1).
//!
//! Statements are counted from the tracing events logged for each statement
//! run: `sqlx::query` by sqlx, and ketnoi's own for the reads it runs on
//! SQLite's handle directly, so this counts what reaches the database.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::TestServer;
use ketnoi::store::Store;
use serde_json::json;
use tracing_subscriber::layer::SubscriberExt;

struct CountStatements(Arc<AtomicUsize>);

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for CountStatements {
    fn on_event(&self, event: &tracing::Event<'_>, _: tracing_subscriber::layer::Context<'_, S>) {
        let target = event.metadata().target();
        if target == "sqlx::query" || target == ketnoi::store::STATEMENT_LOG {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }
}

/// A dataset of 50 startups, each with two sectors, a province, an
/// organisation and two investments from different investors.
fn dataset() -> String {
    let mut lines = Vec::new();
    for s in ["agritech", "fintech", "ai", "edtech"] {
        lines.push(format!(
            r#"{{"type":"sector","key":"{s}","name":"{s}","name_en":"{s}"}}"#
        ));
    }
    for p in ["can-tho", "hai-phong", "hung-yen"] {
        lines.push(format!(
            r#"{{"type":"province","key":"{p}","name":"{p}","region":"r"}}"#
        ));
    }
    for o in 0..10 {
        lines.push(format!(r#"{{"type":"organization","key":"org-{o}","name":"Org {o}","kind":"INCUBATOR","province":"can-tho"}}"#));
    }
    for i in 0..20 {
        lines.push(format!(r#"{{"type":"investor","key":"inv-{i}","name":"Investor {i}","kind":"ANGEL","sectors":["ai","fintech"],"provinces":["hai-phong"]}}"#));
    }
    for n in 0..50 {
        let sectors = ["agritech", "fintech", "ai", "edtech"];
        lines.push(format!(
            r#"{{"type":"startup","key":"s-{n:02}","name":"Startup {n:02}","stage":"SEED","sectors":["{}","{}"],"province":"{}","organization":"org-{}"}}"#,
            sectors[n % 4],
            sectors[(n + 1) % 4],
            ["can-tho", "hai-phong", "hung-yen"][n % 3],
            n % 10
        ));
        for k in 0..2 {
            lines.push(format!(
                r#"{{"type":"investment","investor":"inv-{}","startup":"s-{n:02}","amount":{{"amount":"1000000000","currency":"VND"}},"round":"SEED","date":"2024-0{}-01"}}"#,
                (n + k) % 20,
                k + 1
            ));
        }
    }
    lines.join("\n")
}

const NESTED: &str = r#"query($first: Int!) { startups(first: $first) { nodes {
    name sectors { key name } province { name } organization { name }
    investments { amount { amount currency } investor { name sectors { key } } }
} } }"#;

async fn statements_for(server: &TestServer, counter: &AtomicUsize, first: usize) -> usize {
    let before = counter.load(Ordering::SeqCst);
    let data = server.data(NESTED, json!({ "first": first })).await;
    let nodes = data["startups"]["nodes"].as_array().expect("nodes");
    assert_eq!(nodes.len(), first);
    assert_eq!(nodes[0]["investments"].as_array().unwrap().len(), 2);
    assert!(nodes[0]["organization"]["name"].is_string());
    counter.load(Ordering::SeqCst) - before
}

async fn check(store: Store, counter: &AtomicUsize, name: &str) {
    common::import(&store, dataset()).await.expect("import");
    // The search indexer's polling would count too: keep it idle.
    let server = TestServer::start_quiet(store).await;
    // Warm up (prepared statements, pool connections).
    statements_for(&server, counter, 5).await;
    let five = statements_for(&server, counter, 5).await;
    let fifty = statements_for(&server, counter, 50).await;
    eprintln!("{name}: {five} statements for 5 startups, {fifty} for 50");
    assert!(five > 0, "{name}: statements are counted");
    assert_eq!(
        five, fifty,
        "{name}: the nested query must not grow with the page (N+1)"
    );
    assert!(
        fifty <= 12,
        "{name}: {fifty} statements is more than one per relation"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nested_query_statement_count_does_not_grow_with_the_page() {
    let counter = Arc::new(AtomicUsize::new(0));
    let subscriber = tracing_subscriber::registry().with(CountStatements(counter.clone()));
    tracing::subscriber::set_global_default(subscriber)
        .expect("the only subscriber of this test binary");
    check(common::sqlite().await, &counter, "SQLite").await;
    if let Some(store) = common::postgres().await {
        check(store, &counter, "PostgreSQL").await;
    }
}
