//! Documents made to make the server expand fragments, sent to the real
//! binary running under an address-space limit (`prlimit --as`), so that a
//! blow-up fails the test with an out-of-memory server instead of taking the
//! machine down: fragment explosions of every depth, then property-based
//! random fragment graphs (shared, repeated and nested spreads, cycles,
//! inline fragments, aliases, directives). Every answer must come within 2
//! seconds, and the server's peak memory must stay under a bound. Also:
//! SIGTERM stops a server whose requests never finish, within its grace
//! period.

mod common;

use std::io::Write as _;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::error_code as code;
use common::process::{ServerProcess, ketnoi};
use ketnoi::graphql::measure::fragment_explosion;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Value, json};

/// The address space the server may map. Its resident memory stays far
/// below; the limit is what stops a runaway expansion from exhausting the
/// machine.
const ADDRESS_SPACE: u64 = 4 << 30;
/// The peak resident memory the server may reach over a whole test.
const PEAK_RSS_BYTES: u64 = 512 << 20;

struct Server {
    process: ServerProcess,
    log: std::path::PathBuf,
    _data: tempfile::TempDir,
}

impl Server {
    /// Starts `ketnoi serve` on an empty SQLite database under the
    /// address-space limit.
    async fn start(extra: &[&str]) -> Server {
        let data = tempfile::tempdir().expect("data dir");
        let log = data.path().join("server.log");
        let limit = format!("--as={ADDRESS_SPACE}");
        let mut command = ketnoi(data.path(), &["prlimit", &limit, "--"]);
        command
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).expect("log file"));
        Server {
            process: ServerProcess::start(command, extra, Duration::from_secs(60)).await,
            log,
            _data: data,
        }
    }

    /// The server's peak resident memory so far, in bytes (`VmHWM`).
    fn peak_rss(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.process.child.id()))
            .expect("the server is running");
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            .expect("VmHWM")
            * 1024
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Sends a document; checks that the answer came within 2 seconds,
    /// was not a server error, and was JSON.
    async fn send(&self, client: &reqwest::Client, document: &str) -> (u16, Value, Duration) {
        let started = Instant::now();
        let response = client
            .post(format!("{}/graphql", self.process.base))
            .json(&json!({ "query": document }))
            .send()
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "no answer ({e}) to\n{document}\nserver log:\n{}",
                    self.log()
                )
            });
        let status = response.status().as_u16();
        let body: Value = response.json().await.expect("a JSON answer");
        let elapsed = started.elapsed();
        assert!(
            elapsed < Duration::from_secs(2),
            "took {elapsed:?} for\n{document}"
        );
        assert!(status < 500, "status {status}: {body} for\n{document}");
        (status, body, elapsed)
    }
}

/// Regression: a fragment explosion of 16 to 31 levels (each fragment
/// spreading the next twice) held both cores and grew memory until the
/// kernel killed the server; only 32 levels and more were refused, by the
/// nesting limit. Now every depth from 10 to 60 is answered or refused at
/// once, and memory stays flat.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fragment_explosions_of_16_to_31_levels_no_longer_take_the_server_down() {
    let server = Server::start(&[]).await;
    let client = reqwest::Client::new();
    let mut slowest = Duration::ZERO;
    for levels in 10..=60 {
        let (_, body, elapsed) = server.send(&client, &fragment_explosion(levels)).await;
        slowest = slowest.max(elapsed);
        if levels >= 11 {
            assert_eq!(code(&body), "GRAPHQL_VALIDATION_FAILED", "{levels}: {body}");
            assert_eq!(
                body["errors"][0]["extensions"]["limit"], "max-selections",
                "{levels}: {body}"
            );
        } else {
            // Small ones are within the limits and simply run.
            assert_eq!(body["data"]["__typename"], "Query", "{levels}: {body}");
        }
    }
    let cycle = "{ ...A } fragment A on Query { ...A ...A }";
    let (_, body, _) = server.send(&client, cycle).await;
    common::assert_error(&body, "GRAPHQL_VALIDATION_FAILED", "`A` spreads itself");
    let peak = server.peak_rss();
    assert!(peak < PEAK_RSS_BYTES, "peak RSS {peak} bytes");
    eprintln!(
        "levels 10 to 60: slowest answer {slowest:?}, peak RSS {} MiB",
        peak >> 20
    );
}

/// One random document: fragments `F0..Fn` on `Query`, each a mix of
/// fields (some aliased, some under directives), spreads of later
/// fragments (shared and repeated, so their expansion can explode), in
/// one document of five also spreads of any fragment (cycles, often), and
/// inline fragments holding more spreads.
fn document() -> impl Strategy<Value = String> {
    #[derive(Debug, Clone)]
    enum Item {
        Typename,
        Aliased(u8),
        Sectors,
        Down(u8),
        Any(u8),
        Inline(Vec<u8>),
        Skipped(u8),
    }
    let item = prop_oneof![
        3 => Just(Item::Typename),
        2 => any::<u8>().prop_map(Item::Aliased),
        1 => Just(Item::Sectors),
        8 => any::<u8>().prop_map(Item::Down),
        1 => any::<u8>().prop_map(Item::Any),
        2 => prop::collection::vec(any::<u8>(), 1..4).prop_map(Item::Inline),
        1 => any::<u8>().prop_map(Item::Skipped),
    ];
    (
        1usize..32,
        prop::collection::vec(prop::collection::vec(item, 1..6), 32),
        prop::collection::vec(any::<u8>(), 1..4),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(count, bodies, roots, cyclic)| {
            // A fragment after `from`, or the last one's own fields.
            let down = |from: usize, n: u8| {
                let after = count - from - 1;
                (after > 0).then(|| format!("...F{}", from + 1 + n as usize % after))
            };
            let render = |from: usize, item: &Item| match item {
                Item::Typename => Some("__typename".to_string()),
                Item::Aliased(n) => Some(format!("a{n}: __typename")),
                Item::Sectors => Some("sectors { slug ... on Sector { name } }".to_string()),
                Item::Down(n) => down(from, *n),
                Item::Any(n) if cyclic => Some(format!("...F{}", *n as usize % count)),
                Item::Any(n) => down(from, *n),
                Item::Inline(spreads) => {
                    let inner: Vec<String> =
                        spreads.iter().filter_map(|n| down(from, *n)).collect();
                    (!inner.is_empty()).then(|| format!("... on Query {{ {} }}", inner.join(" ")))
                }
                Item::Skipped(n) => down(from, *n).map(|s| format!("{s} @include(if: false)")),
            };
            // The operation spreads `F0` and each fragment the next, so
            // that every fragment is used (validation refuses unused ones).
            let mut text = format!(
                "query {{ ...F0 {} }}\n",
                roots
                    .iter()
                    .map(|n| format!("...F{}", *n as usize % count))
                    .collect::<Vec<_>>()
                    .join(" ")
            );
            for (i, body) in bodies.iter().take(count).enumerate() {
                let mut items: Vec<String> = body.iter().filter_map(|x| render(i, x)).collect();
                if i + 1 < count {
                    items.push(format!("...F{}", i + 1));
                } else {
                    items.push("__typename".to_string());
                }
                text.push_str(&format!(
                    "fragment F{i} on Query {{ {} }}\n",
                    items.join(" ")
                ));
            }
            text
        })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn random_fragment_graphs_are_answered_quickly_in_bounded_memory() {
    let server = Server::start(&[]).await;
    let client = reqwest::Client::new();
    let mut runner = TestRunner::new(Config {
        cases: 300,
        failure_persistence: None,
        ..Config::default()
    });
    let mut documents = Vec::new();
    let strategy = document();
    for _ in 0..runner.config().cases {
        documents.push(
            strategy
                .new_tree(&mut runner)
                .expect("a document")
                .current(),
        );
    }
    let (mut answered, mut over_limits, mut other) = (0, 0, 0);
    for document in &documents {
        let (_, body, _) = server.send(&client, document).await;
        if body["errors"].as_array().is_some_and(|e| !e.is_empty()) {
            assert!(!code(&body).is_empty(), "an error without a code: {body}");
            if body["errors"][0]["extensions"]["limit"].is_string() {
                over_limits += 1;
            } else {
                other += 1;
            }
        } else {
            answered += 1;
        }
    }
    let peak = server.peak_rss();
    assert!(peak < PEAK_RSS_BYTES, "peak RSS {peak} bytes");
    // The server still answers normally.
    let (_, body, _) = server.send(&client, "{ __typename }").await;
    assert_eq!(body["data"]["__typename"], "Query");
    // The generator reaches all three outcomes, or it tests too little.
    let outcomes = format!(
        "{answered} answered, {over_limits} over a limit, {other} refused otherwise (cycles)"
    );
    assert!(answered > 0 && over_limits > 0 && other > 0, "{outcomes}");
    eprintln!(
        "{} random documents: {outcomes}; peak RSS {} MiB",
        documents.len(),
        peak >> 20
    );
}

/// SIGTERM stops the server within its grace period even when a request
/// never finishes (here a body that never arrives, which the request
/// timeout alone would keep for 30 seconds), and the log says so.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_stops_the_server_within_its_grace_period() {
    let mut server = Server::start(&["--shutdown-grace", "1"]).await;
    let address = server
        .process
        .base
        .trim_start_matches("http://")
        .to_string();
    let mut stuck = std::net::TcpStream::connect(&address).expect("connect");
    stuck
        .write_all(
            b"POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n\
              content-length: 1000\r\n\r\n{\"query\":",
        )
        .expect("a partial request");
    // Let the server start reading it.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let signalled = Instant::now();
    let status = Command::new("kill")
        .args(["-TERM", &server.process.child.id().to_string()])
        .status()
        .expect("kill -TERM");
    assert!(status.success());
    let exited = loop {
        if let Some(status) = server.process.child.try_wait().expect("wait") {
            break status;
        }
        assert!(
            signalled.elapsed() < Duration::from_secs(10),
            "still running 10 s after SIGTERM:\n{}",
            server.log()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let took = signalled.elapsed();
    assert!(exited.success(), "{exited:?}:\n{}", server.log());
    assert!(took < Duration::from_secs(5), "took {took:?} to stop");
    let log = server.log();
    for said in ["shutting down", "grace period", "stopped"] {
        assert!(log.contains(said), "the log does not say `{said}`:\n{log}");
    }
    drop(stuck);
}
