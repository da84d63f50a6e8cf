//! Hostile requests: each gets a clear 4xx or a GraphQL error with a code
//! within 2 seconds, never a 5xx or a crash, and the server answers the next
//! request normally. A fixed corpus of known attacks, then property-based
//! random documents, variables and bodies.

mod common;

use std::time::{Duration, Instant};

use common::{TestServer, load_sample};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Value, json};

/// What came back.
struct Answer {
    status: u16,
    body: Value,
}

/// Sends a raw body with a content type; checks the guarantees and returns
/// the answer.
async fn send(server: &TestServer, content_type: &str, body: Vec<u8>, what: &str) -> Answer {
    let started = Instant::now();
    let response = server
        .client
        .post(format!("{}/graphql", server.url))
        .header("content-type", content_type)
        .bearer_auth(&server.admin_token)
        .body(body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{what}: the server did not answer: {e}"));
    let status = response.status().as_u16();
    let text = response.text().await.expect("body");
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(2), "{what}: took {elapsed:?}");
    assert!(status < 500, "{what}: status {status}: {text}");
    let body: Value = serde_json::from_str(&text)
        .unwrap_or_else(|_| panic!("{what}: not JSON ({status}): {text}"));
    if status >= 400 {
        assert!(
            body["errors"][0]["extensions"]["code"].is_string(),
            "{what}: a refusal without a code: {body}"
        );
    }
    for error in body["errors"].as_array().into_iter().flatten() {
        let code = error["extensions"]["code"].as_str().unwrap_or_default();
        assert!(!code.is_empty(), "{what}: an error without a code: {body}");
        assert_ne!(code, "INTERNAL", "{what}: {body}");
        let message = error["message"].as_str().unwrap_or_default();
        for leak in ["SELECT", "select ", "sqlx", "panicked", "src/", "Error {"] {
            assert!(!message.contains(leak), "{what}: leaks `{leak}`: {message}");
        }
    }
    Answer { status, body }
}

/// A GraphQL document as a JSON request.
async fn query(server: &TestServer, document: &str, what: &str) -> Answer {
    let body = serde_json::to_vec(&json!({ "query": document })).expect("JSON");
    send(server, "application/json", body, what).await
}

/// The answer is a refusal: a 4xx, or errors and no data.
fn refused(answer: &Answer, what: &str) {
    let has_errors = answer.body["errors"]
        .as_array()
        .is_some_and(|e| !e.is_empty());
    assert!(
        answer.status >= 400 || has_errors,
        "{what}: was not refused: {}",
        answer.body
    );
}

async fn still_serves(server: &TestServer) {
    let body = server.data("{ sectors { slug } }", json!({})).await;
    assert!(body["sectors"].as_array().is_some_and(|s| !s.is_empty()));
}

fn nested(depth: usize) -> String {
    let mut q = String::from("name");
    for level in 0..depth {
        q = if level % 2 == 0 {
            format!("investments {{ investor {{ portfolio {{ startup {{ {q} }} }} }} }}")
        } else {
            format!("investments {{ startup {{ {q} }} }}")
        };
    }
    format!("{{ startups(first: 1) {{ nodes {{ {q} }} }} }}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_corpus_is_refused_clearly_and_quickly() {
    let store = common::sqlite().await;
    load_sample(&store).await;
    let server = TestServer::start(store).await;

    let aliases: String = (0..5000)
        .map(|i| format!("a{i}: sectors {{ slug }} "))
        .collect();
    let mut laughs = String::from("fragment F0 on Startup { name slug tagline }\n");
    for i in 1..40 {
        laughs.push_str(&format!(
            "fragment F{i} on Startup {{ ...F{} ...F{} }}\n",
            i - 1,
            i - 1
        ));
    }
    laughs.push_str("{ startups(first: 100) { nodes { ...F39 } } }");
    let deep_input = format!(
        "{{ startups(filter: {{ sectors: {}\"x\"{} }}) {{ totalCount }} }}",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let directives = format!(
        "{{ sectors {} {{ slug }} }}",
        "@skip(if: false) ".repeat(500)
    );
    let long_string = format!(
        "{{ startup(slug: \"{}\") {{ name }} }}",
        "á".repeat(100_000)
    );
    let many_ids = format!(
        "{{ nodes(ids: [{}]) {{ id }} }}",
        vec!["\"U3RhcnR1cDox\""; 5000].join(",")
    );
    let wide = format!(
        "{{ startups(first: 100) {{ nodes {{ {} }} }} }}",
        "name slug tagline description ".repeat(200)
    );
    let introspection_depth = format!(
        "{{ __schema {{ types {{ {}name{} }} }} }}",
        "ofType { ".repeat(40),
        " }".repeat(40)
    );
    let documents: Vec<(&str, String)> = vec![
        ("deep nesting", nested(40)),
        (
            "relation cycles that multiply (investments ↔ portfolio)",
            "{ startup(slug: \"lua-xanh\") { investments { investor { portfolio { startup { investments { investor { portfolio { startup { name } } } } } } } } } }".into(),
        ),
        ("thousands of aliases", format!("{{ {aliases} }}")),
        (
            "fragment cycle",
            "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }".into(),
        ),
        ("fragment explosion", laughs),
        ("deeply nested input literal", deep_input),
        (
            "nesting hidden after a comment ended by a carriage return",
            format!(
                "{{ startups #\r(filter: {{ sectors: {}\"x\"{} }}) {{ totalCount }} }}",
                "[".repeat(5000),
                "]".repeat(5000)
            ),
        ),
        ("many directives", directives),
        // Not refused, but answered quickly: no such slug.
        ("huge string argument", long_string),
        ("huge ID list", many_ids),
        ("very wide selection", wide),
        ("deep introspection", introspection_depth),
        ("unknown field", "{ nope }".into()),
        ("syntax error", "{ startups(".into()),
        ("empty document", "".into()),
        (
            "two anonymous operations",
            "{ sectors { slug } } { provinces { slug } }".into(),
        ),
        ("subscription", "subscription { sectors { slug } }".into()),
        (
            "page size out of range",
            "{ startups(first: 100000) { totalCount } }".into(),
        ),
        (
            "huge filter list",
            format!(
                "{{ startups(filter: {{ sectors: [{}] }}) {{ totalCount }} }}",
                vec!["\"x\""; 40_000].join(",")
            ),
        ),
    ];
    for (what, document) in &documents {
        let answer = query(&server, document, what).await;
        if *what == "huge string argument" {
            assert_eq!(answer.body["data"]["startup"], Value::Null);
        } else {
            refused(&answer, what);
        }
        still_serves(&server).await;
    }

    // Bodies that are not GraphQL requests.
    let mut deep_json = "[".repeat(100_000);
    deep_json.push_str(&"]".repeat(100_000));
    let batch: Vec<Value> = (0..1000)
        .map(|_| json!({ "query": "{ sectors { slug } }" }))
        .collect();
    let bodies: Vec<(&str, &str, Vec<u8>)> = vec![
        ("invalid UTF-8", "application/json", vec![b'{', 0xff, 0xfe, b'}']),
        ("not JSON", "application/json", b"query { sectors { slug } }".to_vec()),
        ("wrong content type", "text/plain", br#"{"query":"{ sectors { slug } }"}"#.to_vec()),
        ("form content type", "application/x-www-form-urlencoded", b"query=%7B%7D".to_vec()),
        ("no query", "application/json", b"{}".to_vec()),
        ("query is a number", "application/json", br#"{"query": 42}"#.to_vec()),
        ("variables are a string", "application/json", br#"{"query":"{ sectors { slug } }","variables":"x"}"#.to_vec()),
        ("deeply nested JSON", "application/json", deep_json.into_bytes()),
        ("huge batch", "application/json", serde_json::to_vec(&batch).expect("JSON")),
        ("empty batch", "application/json", b"[]".to_vec()),
        (
            "deep variables",
            "application/json",
            format!(
                r#"{{"query":"query($f: StartupFilter) {{ startups(filter: $f) {{ totalCount }} }}","variables":{{"f":{{"sectors":{}"x"{}}}}}}}"#,
                "[".repeat(120),
                "]".repeat(120)
            )
            .into_bytes(),
        ),
    ];
    for (what, content_type, body) in bodies {
        let answer = send(&server, content_type, body, what).await;
        refused(&answer, what);
        still_serves(&server).await;
    }

    // An oversized body is refused with 413 as soon as its length is known;
    // a client still sending may see the connection closed instead.
    let response = server
        .client
        .post(format!("{}/graphql", server.url))
        .header("content-type", "application/json")
        .body(vec![b' '; 2 * 1024 * 1024])
        .send()
        .await;
    if let Ok(response) = response {
        assert_eq!(response.status(), 413);
        assert_eq!(
            response.headers().get("connection").map(|v| v.as_bytes()),
            Some(&b"close"[..]),
            "a 413 leaves the body unread, so the connection must not be reused"
        );
    }
    still_serves(&server).await;

    // The same over GET: refused before anything parses it.
    let deep = format!(
        "{{ startups(filter: {{ sectors: {}\"x\"{} }}) {{ totalCount }} }}",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let response = server
        .client
        .get(format!("{}/graphql", server.url))
        .query(&[("query", deep.as_str())])
        .send()
        .await
        .expect("the server answers a deep GET");
    assert!(response.status().as_u16() < 500, "{}", response.status());
    still_serves(&server).await;

    // A small batch runs, one answer per operation.
    let body = serde_json::to_vec(&json!([
        { "query": "{ sectors { slug } }" },
        { "query": "{ nope }" }
    ]))
    .expect("JSON");
    let answer = send(&server, "application/json", body, "small batch").await;
    assert_eq!(answer.status, 200);
    assert!(
        answer.body[0]["data"]["sectors"].is_array(),
        "{}",
        answer.body
    );
    assert!(answer.body[1]["errors"].is_array(), "{}", answer.body);
}

/// Pieces random documents are made of: real names mixed with junk.
fn document() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("{".to_string()),
        Just("}".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just(":".to_string()),
        Just("...".to_string()),
        Just("$v".to_string()),
        Just("@skip(if: true)".to_string()),
        Just("query".to_string()),
        Just("mutation".to_string()),
        Just("fragment F on Startup".to_string()),
        Just("...F".to_string()),
        Just("startups".to_string()),
        Just("nodes".to_string()),
        Just("investments".to_string()),
        Just("investor".to_string()),
        Just("portfolio".to_string()),
        Just("startup".to_string()),
        Just("name".to_string()),
        Just("first: 100".to_string()),
        Just("filter: { sectors: [\"ai\"] }".to_string()),
        Just("createStartup(input: { name: \"x\", stage: IDEA })".to_string()),
        Just("signIn(input: { email: \"a@b.vn\", password: \"xxxxxxxxxxxx\" })".to_string()),
        Just("__schema".to_string()),
        Just("\"chuỗi\"".to_string()),
        "[a-zA-Z_][a-zA-Z0-9_]{0,8}",
        "\\PC{0,4}",
    ];
    prop::collection::vec(token, 0..60).prop_map(|t| t.join(" "))
}

fn variables() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        "\\PC{0,20}".prop_map(Value::from),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::from),
            prop::collection::btree_map("[a-z]{1,6}", inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn random_documents_variables_and_bodies_never_break_the_server() {
    let store = common::sqlite().await;
    load_sample(&store).await;
    let server = TestServer::start(store).await;
    let handle = tokio::runtime::Handle::current();
    let mut runner = TestRunner::new(Config {
        cases: 300,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (
        document(),
        variables(),
        prop::collection::vec(any::<u8>(), 0..200),
        0..3u8,
    );
    let result = tokio::task::block_in_place(|| {
        runner.run(&strategy, |(doc, vars, raw, shape)| {
            handle.block_on(async {
                let (content_type, body) = match shape {
                    0 => (
                        "application/json",
                        serde_json::to_vec(&json!({ "query": doc, "variables": vars }))
                            .expect("JSON"),
                    ),
                    1 => ("application/json", raw),
                    _ => ("application/graphql-response+json", doc.into_bytes()),
                };
                send(&server, content_type, body, "random request").await;
            });
            Ok(())
        })
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    still_serves(&server).await;
}
