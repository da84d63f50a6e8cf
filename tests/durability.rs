//! Writes under stress on SQLite: 50 concurrent writers for 10 seconds see
//! no "database is locked" and lose nothing, and a server killed with
//! SIGKILL in the middle of a stream of writes, 20 times over, keeps every
//! write it acknowledged and an intact database.

mod common;

use std::path::Path;
use std::process::Stdio;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::TestServer;
use common::process::{OPERATOR_EMAIL, ServerProcess, create_operator, ketnoi};
use ketnoi::http::HttpConfig;
use ketnoi::http::throttle::{Allowance, RateLimits};
use ketnoi::store::Store;
use serde_json::{Value, json};
use tokio::sync::Mutex;

const CREATE: &str = "mutation($input: CreateStartupInput!) { createStartup(input: $input) { startup { id } userErrors { message } } }";

/// Rate limits out of the way: these tests measure the database.
fn unthrottled() -> RateLimits {
    let wide = Allowance {
        burst: 1_000_000,
        per_second: 1_000_000,
    };
    RateLimits {
        per_address: wide,
        per_token: wide,
    }
}

/// Whether the given IDs all exist, asked in pages of 100.
async fn missing(server: &TestServer, ids: &[String]) -> Vec<String> {
    let mut gone = vec![];
    for chunk in ids.chunks(100) {
        let body = server
            .data(
                "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
                json!({ "ids": chunk }),
            )
            .await;
        for (id, node) in chunk.iter().zip(body["nodes"].as_array().expect("nodes")) {
            if node.is_null() {
                gone.push(id.clone());
            }
        }
    }
    gone
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_concurrent_writers_for_ten_seconds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::sqlite_file(&dir.path().join("ketnoi.db"))
        .await
        .expect("open");
    store.migrate().await.expect("migrate");
    let server = Arc::new(
        TestServer::start_with(
            store,
            HttpConfig {
                rate: unthrottled(),
                ..HttpConfig::default()
            },
        )
        .await,
    );
    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let failures = Arc::new(Mutex::new(Vec::<Value>::new()));
    let until = Instant::now() + Duration::from_secs(10);
    let writers: Vec<_> = (0..50)
        .map(|w| {
            let (server, acknowledged, failures) =
                (server.clone(), acknowledged.clone(), failures.clone());
            tokio::spawn(async move {
                let mut n = 0;
                while Instant::now() < until {
                    n += 1;
                    let input =
                        json!({ "input": { "name": format!("Writer {w} #{n}"), "stage": "IDEA" } });
                    let body = server.gql(CREATE, input).await;
                    match body["data"]["createStartup"]["startup"]["id"].as_str() {
                        Some(id) => acknowledged.lock().await.push(id.to_string()),
                        None => failures.lock().await.push(body),
                    }
                }
            })
        })
        .collect();
    for writer in writers {
        writer.await.expect("writer");
    }
    let failures = failures.lock().await;
    assert!(
        failures.is_empty(),
        "{} failed writes, e.g. {:#}",
        failures.len(),
        failures[0]
    );
    let acknowledged = acknowledged.lock().await.clone();
    assert!(
        acknowledged.len() > 500,
        "only {} writes in 10 s",
        acknowledged.len()
    );
    let total =
        server.data("{ startups { totalCount } }", json!({})).await["startups"]["totalCount"]
            .as_u64();
    assert_eq!(total, Some(acknowledged.len() as u64));
    assert_eq!(missing(&server, &acknowledged).await, Vec::<String>::new());
    eprintln!(
        "50 writers, 10 s: {} acknowledged writes ({:.0}/s), none lost",
        acknowledged.len(),
        acknowledged.len() as f64 / 10.0
    );
}

/// `ketnoi serve` on the data in `data_dir`, quiet.
async fn start(data_dir: &Path) -> ServerProcess {
    let mut command = ketnoi(data_dir, &[]);
    command.stdout(Stdio::null()).stderr(Stdio::null());
    ServerProcess::start(command, &[], Duration::from_secs(30)).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_writes_survive_kill_9() {
    let dir = tempfile::tempdir().expect("temp dir");
    create_operator(ketnoi(dir.path(), &[]), "mat-khau-van-hanh");
    let client = reqwest::Client::new();
    let mut acknowledged: Vec<String> = vec![];
    for round in 0..20u64 {
        let mut server = start(dir.path()).await;
        let token = server
            .sign_in(&client, OPERATOR_EMAIL, "mat-khau-van-hanh")
            .await;
        let acked = Arc::new(Mutex::new(Vec::<String>::new()));
        let writers: Vec<_> = (0..8)
            .map(|w| {
                let (client, base, token, acked) =
                    (client.clone(), server.base.clone(), token.clone(), acked.clone());
                tokio::spawn(async move {
                    for n in 0.. {
                        let input = json!({ "input": { "name": format!("R{round} W{w} #{n}"), "stage": "IDEA" } });
                        let response = client
                            .post(format!("{base}/graphql"))
                            .bearer_auth(&token)
                            .json(&json!({ "query": CREATE, "variables": input }))
                            .send()
                            .await;
                        let Ok(response) = response else { break };
                        let Ok(body) = response.json::<Value>().await else { break };
                        match body["data"]["createStartup"]["startup"]["id"].as_str() {
                            Some(id) => acked.lock().await.push(id.to_string()),
                            None => break,
                        }
                    }
                })
            })
            .collect();
        // Kill somewhere in the stream, at a different point each round.
        tokio::time::sleep(Duration::from_millis(150 + (round * 37) % 300)).await;
        server.kill();
        for writer in writers {
            writer.await.expect("writer");
        }
        let acked = acked.lock().await;
        assert!(
            !acked.is_empty(),
            "round {round}: no write was acknowledged"
        );
        acknowledged.extend(acked.iter().cloned());
    }

    // The file is intact and holds every acknowledged write.
    let url = format!("sqlite:{}", dir.path().join("ketnoi.db").display());
    let pool = sqlx::SqlitePool::connect(&url).await.expect("open");
    let check: String = sqlx::query_scalar("pragma integrity_check")
        .fetch_one(&pool)
        .await
        .expect("integrity check");
    assert_eq!(check, "ok");
    pool.close().await;
    let store = Store::sqlite_file(&dir.path().join("ketnoi.db"))
        .await
        .expect("open");
    let server = TestServer::start(store).await;
    assert_eq!(missing(&server, &acknowledged).await, Vec::<String>::new());
    eprintln!(
        "20 kills: {} acknowledged writes, all present, integrity ok",
        acknowledged.len()
    );
}
