//! The search index across processes: a server killed with SIGKILL in the
//! middle of writes resumes from the position stored in its index (no
//! rebuild) and ends up holding exactly what the database holds; and two
//! servers sharing one PostgreSQL database each see the other's writes in
//! search within a second.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::process::{OPERATOR_EMAIL, ServerProcess, create_operator};
use ketnoi::search::{SearchIndex, SearchQuery};
use serde_json::{Value, json};
use tokio::sync::Mutex;

const PASSWORD: &str = "mat-khau-van-hanh";

fn ketnoi(data_dir: &Path, database_url: Option<&str>) -> Command {
    let mut command = common::process::ketnoi(data_dir, &[]);
    command.env("KETNOI_SEARCH_POLL_MS", "20");
    if let Some(url) = database_url {
        command.env("DATABASE_URL", url);
    }
    command
}

struct Server {
    process: ServerProcess,
    token: String,
    client: reqwest::Client,
}

impl Server {
    /// Starts a server (its log appended to `log`), waits until it is ready
    /// (database up, index caught up), and signs the operator in.
    async fn start(data_dir: &Path, database_url: Option<&str>, log: &Path) -> Server {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .expect("log file");
        let mut command = ketnoi(data_dir, database_url);
        command.stdout(Stdio::null()).stderr(log);
        let process = ServerProcess::start(command, &[], Duration::from_secs(60)).await;
        let client = reqwest::Client::new();
        let token = process.sign_in(&client, OPERATOR_EMAIL, PASSWORD).await;
        Server {
            process,
            token,
            client,
        }
    }

    async fn gql(&self, query: &str, variables: Value) -> Option<Value> {
        self.process
            .post(
                &self.client,
                Some(&self.token),
                &json!({ "query": query, "variables": variables }),
            )
            .await
    }

    /// The names a search finds (first 100).
    async fn found(&self, q: &str) -> Vec<String> {
        let body = self
            .gql(
                "query($q: String!) { search(query: $q, first: 100) { edges { node { ... on Startup { name } } } } }",
                json!({ "q": q }),
            )
            .await
            .expect("search");
        // The phrases searched for are in startup names only, so every
        // node is a startup with a name.
        common::texts(&body["data"]["search"]["edges"], "/node/name")
            .into_iter()
            .map(str::to_string)
            .collect()
    }
}

const CREATE: &str =
    "mutation($input: CreateStartupInput!) { createStartup(input: $input) { startup { id } } }";
const UPDATE: &str =
    "mutation($input: UpdateStartupInput!) { updateStartup(input: $input) { startup { id } } }";
const DELETE: &str =
    "mutation($input: DeleteInput!) { deleteStartup(input: $input) { deletedId } }";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_index_recovers_after_kill_9_mid_writes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("server.log");
    create_operator(ketnoi(dir.path(), None), PASSWORD);
    for round in 0..8u64 {
        let server = Arc::new(Server::start(dir.path(), None, &log).await);
        let stop = Arc::new(Mutex::new(false));
        // Writers create, rename and delete startups until the kill.
        let writers: Vec<_> = (0..4)
            .map(|w| {
                let (server, stop) = (server.clone(), stop.clone());
                tokio::spawn(async move {
                    for n in 0.. {
                        if *stop.lock().await {
                            break;
                        }
                        let input = json!({ "input": { "name": format!("Vong {round} {w} {n}"), "stage": "IDEA" } });
                        let Some(body) = server.gql(CREATE, input).await else { break };
                        let Some(id) = body["data"]["createStartup"]["startup"]["id"].as_str()
                        else {
                            break;
                        };
                        let id = id.to_string();
                        // Every third is renamed, every third deleted.
                        let next = match n % 3 {
                            0 => Some((UPDATE, json!({ "input": { "id": id, "name": format!("Doi ten {round} {w} {n}") } }))),
                            1 => Some((DELETE, json!({ "input": { "id": id } }))),
                            _ => None,
                        };
                        if let Some((doc, input)) = next
                            && server.gql(doc, input).await.is_none()
                        {
                            break;
                        }
                    }
                })
            })
            .collect();
        tokio::time::sleep(Duration::from_millis(200 + (round * 53) % 400)).await;
        let mut server = Arc::into_inner({
            *stop.lock().await = true;
            // The writers hold clones; kill first so that they stop.
            let pid = server.process.child.id();
            Command::new("kill")
                .args(["-9", &pid.to_string()])
                .status()
                .expect("kill -9");
            for writer in writers {
                writer.await.expect("writer");
            }
            server
        })
        .expect("the only handle");
        let _ = server.process.child.wait();
    }

    // One more start catches up (readyz waits for it), then compare the
    // index with the database.
    let server = Server::start(dir.path(), None, &log).await;
    drop(server);
    let log = std::fs::read_to_string(&log).expect("log");
    assert_eq!(
        log.matches("rebuilding the search index").count(),
        1,
        "only the first start builds the index; restarts resume:\n{log}"
    );
    let url = format!("sqlite:{}", dir.path().join("ketnoi.db").display());
    let pool = sqlx::SqlitePool::connect(&url).await.expect("open");
    let rows: Vec<(i64, String)> = sqlx::query_as("select id, name from startups")
        .fetch_all(&pool)
        .await
        .expect("startups");
    pool.close().await;
    assert!(rows.len() > 50, "too few writes: {}", rows.len());
    let index = SearchIndex::open_or_create(&dir.path().join("search")).expect("open the index");
    let indexed: BTreeSet<i64> = index
        .all_keys()
        .expect("keys")
        .into_iter()
        .map(|(_, id)| id)
        .collect();
    let stored: BTreeSet<i64> = rows.iter().map(|(id, _)| *id).collect();
    assert_eq!(
        indexed, stored,
        "the index holds exactly the database's startups"
    );
    // And under their current names.
    for (id, name) in &rows {
        let hits = index
            .search(&SearchQuery {
                text: format!("\"{name}\""),
                limit: 10,
                ..SearchQuery::default()
            })
            .expect("search");
        assert!(
            hits.hits.iter().any(|h| h.id == *id),
            "{name} ({id}) is not found by its name"
        );
    }
    eprintln!("8 kills: {} startups, index and database agree", rows.len());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_on_one_postgres_each_see_the_others_writes() {
    let Some(url) = common::postgres_url().await else {
        return;
    };
    let (a_dir, b_dir) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
    );
    let migrated = ketnoi(a_dir.path(), Some(&url))
        .arg("migrate")
        .output()
        .expect("migrate");
    assert!(migrated.status.success(), "{migrated:?}");
    create_operator(ketnoi(a_dir.path(), Some(&url)), PASSWORD);
    let a = Server::start(a_dir.path(), Some(&url), &a_dir.path().join("log")).await;
    let b = Server::start(b_dir.path(), Some(&url), &b_dir.path().join("log")).await;
    let mut slowest = Duration::ZERO;
    for n in 0..5 {
        for (writer, reader) in [(&a, &b), (&b, &a)] {
            let name = format!("Hai Tien Trinh {n} {}", writer.process.base);
            let started = Instant::now();
            let body = writer
                .gql(
                    CREATE,
                    json!({ "input": { "name": name, "stage": "IDEA" } }),
                )
                .await
                .expect("create");
            let id = body["data"]["createStartup"]["startup"]["id"]
                .as_str()
                .unwrap_or_else(|| panic!("{body}"))
                .to_string();
            let q = format!("\"hai tien trinh {n}\"");
            while !reader.found(&q).await.contains(&name) {
                assert!(started.elapsed() < Duration::from_secs(10), "never seen");
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            slowest = slowest.max(started.elapsed());
            // A delete through the writer disappears from the reader.
            let started = Instant::now();
            writer
                .gql(DELETE, json!({ "input": { "id": id } }))
                .await
                .expect("delete");
            while reader.found(&q).await.contains(&name) {
                assert!(started.elapsed() < Duration::from_secs(10), "never gone");
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            slowest = slowest.max(started.elapsed());
        }
    }
    eprintln!("slowest cross-process write-to-search: {slowest:?}");
    assert!(slowest < Duration::from_secs(1), "took {slowest:?}");
}
