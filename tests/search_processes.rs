//! The search index across processes: a server killed with SIGKILL in the
//! middle of writes resumes from the position stored in its index (no
//! rebuild) and ends up holding exactly what the database holds; and two
//! servers sharing one PostgreSQL database each see the other's writes in
//! search within a second.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use ketnoi::search::{SearchIndex, SearchQuery};
use serde_json::{Value, json};
use tokio::sync::Mutex;

const PASSWORD: &str = "mat-khau-van-hanh";

fn ketnoi(data_dir: &Path, database_url: Option<&str>) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ketnoi"));
    command
        .env_remove("DATABASE_URL")
        .env("KETNOI_DATA_DIR", data_dir)
        .env("KETNOI_SEARCH_POLL_MS", "20")
        .env("KETNOI_RATE_PER_ADDRESS", "1000000")
        .env("KETNOI_RATE_BURST_PER_ADDRESS", "1000000")
        .env("KETNOI_RATE_PER_TOKEN", "1000000")
        .env("KETNOI_RATE_BURST_PER_TOKEN", "1000000");
    if let Some(url) = database_url {
        command.env("DATABASE_URL", url);
    }
    command
}

struct Server {
    child: Child,
    base: String,
    token: String,
    client: reqwest::Client,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Starts a server (its log appended to `log`), waits until it is ready
    /// (database up, index caught up), and signs the operator in.
    async fn start(data_dir: &Path, database_url: Option<&str>, log: &Path) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .expect("a free port")
            .local_addr()
            .expect("address")
            .port();
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .expect("log file");
        let child = ketnoi(data_dir, database_url)
            .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("start the server");
        let base = format!("http://127.0.0.1:{port}");
        common::wait_until_ready(&base, Duration::from_secs(60)).await;
        let client = reqwest::Client::new();
        let body: Value = client
            .post(format!("{base}/graphql"))
            .json(&json!({
                "query": "mutation($p: String!) { signIn(input: { email: \"op@example.vn\", password: $p }) { token } }",
                "variables": { "p": PASSWORD }
            }))
            .send()
            .await
            .expect("sign in")
            .json()
            .await
            .expect("JSON");
        let token = body["data"]["signIn"]["token"]
            .as_str()
            .unwrap_or_else(|| panic!("sign in: {body}"))
            .to_string();
        Server {
            child,
            base,
            token,
            client,
        }
    }

    async fn gql(&self, query: &str, variables: Value) -> Option<Value> {
        let response = self
            .client
            .post(format!("{}/graphql", self.base))
            .bearer_auth(&self.token)
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await
            .ok()?;
        response.json::<Value>().await.ok()
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
        body["data"]["search"]["edges"]
            .as_array()
            .unwrap_or_else(|| panic!("search: {body}"))
            .iter()
            .filter_map(|e| e["node"]["name"].as_str().map(str::to_string))
            .collect()
    }
}

fn create_operator(data_dir: &Path, database_url: Option<&str>) {
    let created = ketnoi(data_dir, database_url)
        .args([
            "admin",
            "create",
            "--email",
            "op@example.vn",
            "--password",
            PASSWORD,
        ])
        .output()
        .expect("admin create");
    assert!(created.status.success(), "{created:?}");
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
    create_operator(dir.path(), None);
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
            let pid = server.child.id();
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
        let _ = server.child.wait();
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
    create_operator(a_dir.path(), Some(&url));
    let a = Server::start(a_dir.path(), Some(&url), &a_dir.path().join("log")).await;
    let b = Server::start(b_dir.path(), Some(&url), &b_dir.path().join("log")).await;
    let mut slowest = Duration::ZERO;
    for n in 0..5 {
        for (writer, reader) in [(&a, &b), (&b, &a)] {
            let name = format!("Hai Tien Trinh {n} {}", writer.base);
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
