//! The HTTP surface: GraphQL over HTTP, the playground, health checks, and
//! clear errors with a code for malformed requests.

mod common;

use std::time::Duration;

use common::TestServer;
use common::error_code as code;
use ketnoi::http::HttpConfig;
use serde_json::{Value, json};

async fn server() -> TestServer {
    sample_server(HttpConfig {
        body_limit: 64 * 1024,
        ..HttpConfig::default()
    })
    .await
}

/// A server on the sample data with these settings.
async fn sample_server(config: HttpConfig) -> TestServer {
    let store = common::sqlite().await;
    common::load_sample(&store).await;
    TestServer::start_with(store, config).await
}

#[tokio::test]
async fn health_and_readiness() {
    let s = server().await;
    let r = s.get("/healthz").send().await.unwrap();
    assert_eq!(r.status(), 200);
    let r = s.get("/readyz").send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        r.headers().contains_key("x-request-id"),
        "every response has a request id"
    );
    let r = s
        .get("/healthz")
        .header("x-request-id", "abc-123")
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.headers()["x-request-id"],
        "abc-123",
        "the client's request id is kept"
    );
}

#[tokio::test]
async fn the_playground_is_served_from_this_server_alone() {
    let s = server().await;
    let r = s
        .get("/graphql")
        .header("accept", "text/html,application/xhtml+xml")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let policy = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(policy.contains("default-src 'none'"), "{policy}");
    assert!(policy.contains("script-src 'self';"), "{policy}");
    assert!(
        !policy.contains("http"),
        "no other origin is allowed: {policy}"
    );
    let html = r.text().await.unwrap();
    assert!(html.contains("query AgritechInCanTho"), "the example tabs");
    // Every file the page loads comes from here, cached for a year.
    let files: Vec<&str> = html
        .split(['"', '\''])
        .filter(|part| part.starts_with("/playground/"))
        .collect();
    assert_eq!(files.len(), 6, "{files:?}");
    assert!(!html.contains("://"), "an address elsewhere in the page");
    for file in files {
        let r = s.get(file).send().await.unwrap();
        assert_eq!(r.status(), 200, "{file}");
        let media_type = r.headers()["content-type"].to_str().unwrap().to_string();
        assert!(
            media_type.starts_with(if file.ends_with(".js") {
                "text/javascript"
            } else {
                "text/css"
            }),
            "{file}: {media_type}"
        );
        assert!(
            r.headers()["cache-control"]
                .to_str()
                .unwrap()
                .contains("immutable")
        );
        let plain = r.bytes().await.unwrap();
        assert!(plain.len() > 50, "{file} is empty");
        // The large ones go gzipped to clients that take it.
        if plain.len() > 100_000 {
            let r = s
                .get(file)
                .header("accept-encoding", "gzip, br")
                .send()
                .await
                .unwrap();
            assert_eq!(r.headers()["content-encoding"], "gzip", "{file}");
            let gzipped = r.bytes().await.unwrap();
            assert!(gzipped.starts_with(&[0x1f, 0x8b]) && gzipped.len() < plain.len());
        }
    }
    let missing = s
        .get("/playground/graphiql.min.000000000000.js")
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
}

/// The names of a document's operations, in order.
fn operations(document: &str) -> Vec<&str> {
    document
        .lines()
        .filter_map(|l| {
            l.strip_prefix("query ")
                .or_else(|| l.strip_prefix("mutation "))
        })
        .filter_map(|rest| rest.split([' ', '{', '(']).next())
        .collect()
}

/// Runs every operation of a playground tab as `token`, in order, and
/// fails on any error or user error; returns the last answer.
async fn run_tab(s: &TestServer, token: Option<&str>, tab: &str) -> Value {
    let names = operations(tab);
    assert!(!names.is_empty(), "{tab}");
    let mut last = Value::Null;
    for name in names {
        // A profile just created reaches the matching engine within moments;
        // until then its lists say UNAVAILABLE, retry.
        let started = std::time::Instant::now();
        loop {
            last = s
                .post_as(token, &json!({ "query": tab, "operationName": name }))
                .await;
            if code(&last) != "UNAVAILABLE" || started.elapsed() > Duration::from_secs(10) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        assert!(last.get("errors").is_none(), "{name}: {last:#}");
        assert!(
            !last.to_string().contains("\"userErrors\":[{"),
            "{name}: {last:#}"
        );
    }
    last
}

/// Every tab of the playground runs as written, on the demo dataset, for
/// the user it is written for: browsing and search without an account,
/// then signing up, and the investor's, founder's, mentor's and
/// operator's own tabs with their tokens. The tabs never show a stale field.
#[tokio::test]
async fn the_playground_examples_run() {
    let store = common::sqlite().await;
    let demo: String = ketnoi::generate::demo_records()
        .iter()
        .map(|r| ketnoi::datafile::to_line(r) + "\n")
        .collect();
    common::import(&store, demo)
        .await
        .expect("the demo dataset");
    let s = TestServer::start(store).await;
    let [
        browse,
        search,
        lists,
        sign_up,
        investor,
        founder,
        mentor,
        programmes,
        reports,
    ] = ketnoi::http::playground::EXAMPLES;
    for tab in [browse, search, lists] {
        run_tab(&s, None, tab).await;
    }
    let runway = run_tab(&s, None, programmes).await;
    let programme = &runway["data"]["programme"];
    assert!(
        !programme["calls"][0]["cohort"]
            .as_array()
            .unwrap()
            .is_empty(),
        "{runway:#}"
    );
    assert!(
        runway["data"]["course"]["trainingTotals"]["traineeTimes"].as_i64() > Some(10),
        "{runway:#}"
    );
    let admin = s.admin_token.clone();
    let series = run_tab(&s, Some(&admin), reports).await;
    let points = &series["data"]["indicator"]["points"];
    assert_eq!(points.as_array().map(Vec::len), Some(5), "{series:#}");
    assert!(
        series["data"]["indicator"]["total"].as_f64() > Some(100.0),
        "{series:#}"
    );
    let answer = run_tab(&s, None, sign_up).await;
    assert!(
        answer["data"]["viewer"].is_null(),
        "no token in that tab: {answer}"
    );
    let token = s
        .gql_as(
            None,
            "mutation { signIn(input: { email: \"quy.thu@example.vn\", password: \"mot-mat-khau-dai\" }) { token } }",
            json!({}),
        )
        .await["data"]["signIn"]["token"]
        .as_str()
        .expect("the account the tab made")
        .to_string();
    let flow = run_tab(&s, Some(&token), investor).await;
    let deals = &flow["data"]["viewer"]["investor"]["dealFlow"];
    assert!(deals["totalCount"].as_i64().unwrap() > 0, "{flow:#}");
    let founder_token = s.sign_up("founder@example.vn", "STARTUP").await;
    let matches = run_tab(&s, Some(&founder_token), founder).await;
    let startup = &matches["data"]["viewer"]["startups"][0];
    assert!(
        !startup["investorMatches"].as_array().unwrap().is_empty(),
        "{matches:#}"
    );
    assert!(
        !startup["mentorMatches"].as_array().unwrap().is_empty(),
        "{matches:#}"
    );
    let mentor_token = s.sign_up("mentor@example.vn", "MENTOR").await;
    let suggested = run_tab(&s, Some(&mentor_token), mentor).await;
    let startups = &suggested["data"]["viewer"]["mentor"]["suggestedStartups"];
    assert!(!startups.as_array().unwrap().is_empty(), "{suggested:#}");
}

#[tokio::test]
async fn answers_keep_the_order_of_the_selection() {
    let s = server().await;
    let text = s
        .post(&json!({ "query": "{ b: __typename a: __typename sectors { nameEn key } }" }))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        text.starts_with(r#"{"data":{"b":"Query","a":"Query","sectors":[{"nameEn":"#),
        "{text}"
    );
}

#[tokio::test]
async fn queries_run_over_get_but_mutations_do_not() {
    let s = server().await;
    let r = s
        .get("/graphql")
        .query(&[("query", "{ sectors { key } }")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["data"]["sectors"].as_array().unwrap().len(), 3);

    let m = r#"mutation { deleteStartup(input: {id: "x"}) { deletedId } }"#;
    let r = s
        .get("/graphql")
        .query(&[("query", m)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 405);
    assert_eq!(r.headers()["allow"], "POST");
    let body: Value = r.json().await.unwrap();
    assert_eq!(code(&body), "METHOD_NOT_ALLOWED");

    let r = s
        .get("/graphql")
        .header("accept", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
}

#[tokio::test]
async fn malformed_requests_get_clear_errors_with_codes() {
    let s = server().await;
    let post = |content_type: &'static str, body: Vec<u8>| {
        s.client
            .post(format!("{}/graphql", s.url))
            .header("content-type", content_type)
            .body(body)
            .send()
    };

    let r = post("text/plain", br#"{"query":"{ sectors { key } }"}"#.to_vec())
        .await
        .unwrap();
    assert_eq!(r.status(), 415);
    assert_eq!(code(&r.json().await.unwrap()), "UNSUPPORTED_MEDIA_TYPE");

    for body in [
        &b"{not json"[..],
        b"",
        b"[1,2]",
        b"{\"query\": 42}",
        b"\xff\xfe\x00",
    ] {
        let r = post("application/json", body.to_vec()).await.unwrap();
        assert_eq!(r.status(), 400, "{body:?}");
        let json: Value = r.json().await.unwrap();
        assert_eq!(code(&json), "BAD_REQUEST", "{body:?}");
        let message = json["errors"][0]["message"].as_str().unwrap();
        assert!(
            !message.contains("panicked") && !message.contains("src/"),
            "{message}"
        );
    }

    let r = post(
        "application/json; charset=utf-8",
        br#"{"query":"{ sectors { key } }"}"#.to_vec(),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200, "a charset parameter is fine");

    let big = format!(
        r#"{{"query":"{{ sectors {{ key }} }}","variables":{{"x":"{}"}}}}"#,
        "a".repeat(100 * 1024)
    );
    let r = post("application/json", big.into_bytes()).await.unwrap();
    assert_eq!(r.status(), 413, "bodies over the limit are refused");
    assert_eq!(code(&r.json().await.unwrap()), "PAYLOAD_TOO_LARGE");

    // GraphQL-level problems: a code on every error, nothing internal.
    for (query, variables, want) in [
        (
            "{ sectors { colour } }",
            json!({}),
            "GRAPHQL_VALIDATION_FAILED",
        ),
        ("{ sectors { key }", json!({}), "GRAPHQL_PARSE_FAILED"),
        (
            "query($n: Int!) { startups(first: $n) { totalCount } }",
            json!({"n": "many"}),
            "GRAPHQL_VALIDATION_FAILED",
        ),
        (
            "{ startups(filter: {colour: \"red\"}) { totalCount } }",
            json!({}),
            "GRAPHQL_VALIDATION_FAILED",
        ),
        (
            "{ node(id: \"x\") { id } nodes(ids: []) { id } startup(id: \"x\", slug: \"y\") { id } }",
            json!({}),
            "BAD_USER_INPUT",
        ),
    ] {
        let body = s.gql(query, variables).await;
        let errors = body["errors"]
            .as_array()
            .unwrap_or_else(|| panic!("{query}: {body}"));
        assert!(
            errors.iter().all(|e| e["extensions"]["code"].is_string()),
            "{query}: {body}"
        );
        assert_eq!(code(&body), want, "{query}: {body}");
    }

    // Dates outside 1900..9999 and runaway nesting are refused, not a 500.
    let deep = format!(
        "{{ investors(first: 1) {{ nodes {{ {} name {} }} }} }}",
        "portfolio { startup { investments { investor { ".repeat(5),
        "} } } } ".repeat(5)
    );
    for (query, want) in [
        (
            r#"{ startups { nodes { isEligibleForSupport(asOf: "-262143-06-01") } } }"#,
            "BAD_USER_INPUT",
        ),
        (
            r#"mutation { createStartup(input: {name: "Old", stage: IDEA, foundedOn: "-3000-01-01"}) { startup { id } } }"#,
            "BAD_USER_INPUT",
        ),
        (deep.as_str(), "GRAPHQL_VALIDATION_FAILED"),
    ] {
        let body = s.gql(query, json!({})).await;
        assert_eq!(code(&body), want, "{query}: {body}");
    }

    // The server still answers normally afterwards.
    let data = s.data("{ startups { totalCount } }", json!({})).await;
    assert_eq!(data["startups"]["totalCount"], 3);
}

#[tokio::test]
async fn unknown_paths_and_methods_get_coded_json_errors() {
    let server = server().await;
    let response = server.get("/nope").send().await.expect("request");
    assert_eq!(response.status(), 404);
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(code(&body), "NOT_FOUND");
    let response = server
        .client
        .put(format!("{}/graphql", server.url))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 405);
    assert!(response.headers().contains_key("allow"));
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(code(&body), "METHOD_NOT_ALLOWED");
}

#[tokio::test]
async fn graphql_response_json_gets_400_for_request_errors() {
    let server = server().await;
    let post = |accept: &'static str, query: &'static str| {
        server
            .client
            .post(format!("{}/graphql", server.url))
            .header("accept", accept)
            .json(&json!({ "query": query }))
            .send()
    };
    let response = post("application/graphql-response+json", "{ nope }")
        .await
        .expect("request");
    assert_eq!(response.status(), 400);
    assert_eq!(
        response.headers()["content-type"],
        "application/graphql-response+json"
    );
    let body: Value = response.json().await.expect("JSON");
    assert!(body.get("data").is_none(), "{body}");
    assert_eq!(code(&body), "GRAPHQL_VALIDATION_FAILED");
    // With application/json the same request error is a 200.
    let response = post("application/json", "{ nope }").await.expect("request");
    assert_eq!(response.status(), 200);
    // A field error is not a request error: 200 with data.
    let response = post(
        "application/graphql-response+json",
        r#"{ sectors { slug } startup(id: "x", slug: "y") { name } }"#,
    )
    .await
    .expect("request");
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.expect("JSON");
    assert!(body["data"]["sectors"].is_array(), "{body}");
}

#[tokio::test]
async fn requests_past_the_rate_limit_get_429_with_retry_after() {
    use ketnoi::http::throttle::{Allowance, RateLimits};
    let store = common::sqlite().await;
    let server = TestServer::start_with(
        store,
        HttpConfig {
            rate: RateLimits {
                per_address: Allowance {
                    burst: 5,
                    per_second: 1,
                },
                ..RateLimits::default()
            },
            ..HttpConfig::default()
        },
    )
    .await;
    let mut statuses = vec![];
    for _ in 0..7 {
        let response = server
            .client
            .post(format!("{}/graphql", server.url))
            .json(&json!({ "query": "{ sectors { slug } }" }))
            .send()
            .await
            .expect("request");
        statuses.push(response.status().as_u16());
        if response.status() == 429 {
            assert!(response.headers().contains_key("retry-after"));
            let body: Value = response.json().await.expect("JSON");
            assert_eq!(code(&body), "RATE_LIMITED");
        }
    }
    assert_eq!(statuses, [200, 200, 200, 200, 200, 429, 429]);
    // Health checks are not limited.
    let health = server.get("/healthz").send().await.expect("request");
    assert_eq!(health.status(), 200);
}

#[tokio::test]
async fn production_mode_hides_introspection_from_anonymous_users() {
    let store = common::sqlite().await;
    let server = TestServer::start_with(
        store,
        HttpConfig {
            limits: ketnoi::graphql::Limits::production(),
            ..HttpConfig::default()
        },
    )
    .await;
    let introspect = "{ __schema { queryType { name } } }";
    let anonymous = server.gql_as(None, introspect, json!({})).await;
    assert_eq!(code(&anonymous), "FORBIDDEN", "{anonymous}");
    let hidden = server
        .gql_as(
            None,
            "{ ...F } fragment F on Query { __type(name: \"Startup\") { name } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&hidden), "FORBIDDEN", "{hidden}");
    let typename = server.gql_as(None, "{ __typename }", json!({})).await;
    assert_eq!(typename["data"]["__typename"], "Query");
    let signed_in = server.gql(introspect, json!({})).await;
    assert_eq!(signed_in["data"]["__schema"]["queryType"]["name"], "Query");
    // The server has now parsed and validated that text for someone who
    // may introspect: an anonymous request for it is still refused.
    let again = server.gql_as(None, introspect, json!({})).await;
    assert_eq!(code(&again), "FORBIDDEN", "{again}");
    // No "did you mean" hints for a misspelt field.
    let body = server.gql_as(None, "{ sector { slug } }", json!({})).await;
    let message = body["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(!message.contains("Did you mean"), "{message}");
}

#[tokio::test]
async fn batches_and_persisted_queries() {
    let server = server().await;
    let post = |body: Value| {
        server
            .client
            .post(format!("{}/graphql", server.url))
            .json(&body)
            .send()
    };
    let batch: Vec<Value> = (0..3)
        .map(|_| json!({ "query": "{ sectors { slug } }" }))
        .collect();
    let body: Value = post(json!(batch))
        .await
        .expect("request")
        .json()
        .await
        .expect("JSON");
    assert_eq!(body.as_array().map(Vec::len), Some(3));
    let too_many: Vec<Value> = (0..11)
        .map(|_| json!({ "query": "{ sectors { slug } }" }))
        .collect();
    let response = post(json!(too_many)).await.expect("request");
    assert_eq!(response.status(), 400);

    // Automatic persisted queries: a hash alone is unknown until the query
    // has been sent once with it.
    let query = "{ provinces { slug } }";
    let hash = sha256_hex(query);
    let persisted = json!({ "persistedQuery": { "version": 1, "sha256Hash": hash } });
    let body: Value = post(json!({ "extensions": persisted }))
        .await
        .expect("request")
        .json()
        .await
        .expect("JSON");
    assert_eq!(
        body["errors"][0]["message"], "PersistedQueryNotFound",
        "{body}"
    );
    let body: Value = post(json!({ "query": query, "extensions": persisted }))
        .await
        .expect("request")
        .json()
        .await
        .expect("JSON");
    assert!(body["data"]["provinces"].is_array(), "{body}");
    let body: Value = post(json!({ "extensions": persisted }))
        .await
        .expect("request")
        .json()
        .await
        .expect("JSON");
    assert!(body["data"]["provinces"].is_array(), "{body}");

    // A persisted mutation does not run over GET.
    let mutation = "mutation { signOut { revoked } }";
    let hash = sha256_hex(mutation);
    let persisted = json!({ "persistedQuery": { "version": 1, "sha256Hash": hash } });
    let body: Value = server
        .client
        .post(format!("{}/graphql", server.url))
        .bearer_auth(&server.admin_token)
        .json(&json!({ "query": mutation, "extensions": persisted }))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("JSON");
    assert!(
        body["errors"].is_null() || body["data"]["signOut"].is_object(),
        "{body}"
    );
    let other = ketnoi::auth::Auth::new(
        server.store.clone(),
        Default::default(),
        ketnoi::clock::Clock::system(),
    );
    let token = match other
        .sign_in(common::ADMIN_EMAIL, common::ADMIN_PASSWORD, None)
        .await
        .expect("sign in")
    {
        ketnoi::auth::SignIn::Welcome(_, token) => token.token,
        refused => panic!("{refused:?}"),
    };
    let body: Value = server
        .get("/graphql")
        .bearer_auth(&token)
        .query(&[("extensions", persisted.to_string())])
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("JSON");
    assert_eq!(code(&body), "METHOD_NOT_ALLOWED", "{body}");
    let still = server
        .gql_as(Some(&token), "{ viewer { email } }", json!({}))
        .await;
    assert_eq!(
        still["data"]["viewer"]["email"],
        common::ADMIN_EMAIL,
        "the token was not revoked"
    );
}

#[tokio::test]
async fn cors_allows_only_the_configured_origins() {
    let store = common::sqlite().await;
    let server = TestServer::start_with(
        store,
        HttpConfig {
            cors_origins: vec!["https://portal.example.vn".into()],
            ..HttpConfig::default()
        },
    )
    .await;
    let preflight = |origin: &'static str| {
        server
            .client
            .request(reqwest::Method::OPTIONS, format!("{}/graphql", server.url))
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "content-type, authorization",
            )
            .send()
    };
    let allowed = preflight("https://portal.example.vn")
        .await
        .expect("request");
    assert_eq!(
        allowed.headers()["access-control-allow-origin"],
        "https://portal.example.vn"
    );
    let other = preflight("https://evil.example").await.expect("request");
    assert!(!other.headers().contains_key("access-control-allow-origin"));
}

/// The SHA-256 of a query, as persisted queries name it.
fn sha256_hex(query: &str) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(query.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Past the in-flight limit a GraphQL request is refused at once with 503
/// and `retry-after` instead of waiting in a queue; health checks are not
/// counted and still answer.
#[tokio::test]
async fn overload_is_refused_with_503_while_health_checks_answer() {
    let store = common::sqlite().await;
    let server = TestServer::start_with(
        store,
        HttpConfig {
            max_in_flight: 0,
            ..HttpConfig::default()
        },
    )
    .await;
    let response = server.post(&json!({ "query": "{ __typename }" })).await;
    assert_eq!(response.status(), 503);
    assert_eq!(response.headers()["retry-after"], "1");
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(code(&body), "OVERLOADED");
    for path in ["healthz", "readyz"] {
        let response = server
            .client
            .get(format!("{}/{path}", server.url))
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), 200, "{path}");
    }
}

/// A document the server has parsed and validated before is judged again
/// with each request's own variables: a page too large is refused after
/// small pages of the same text were answered, and the other way round.
#[tokio::test]
async fn a_document_seen_before_is_judged_with_new_variables() {
    let server = sample_server(HttpConfig {
        limits: ketnoi::graphql::Limits {
            max_complexity: 60,
            ..ketnoi::graphql::Limits::default()
        },
        ..HttpConfig::default()
    })
    .await;
    let page = "query Page($n: Int) { startups(first: $n) { nodes { name } } }";
    for round in 0..2 {
        let small = server.gql(page, json!({ "n": 2 })).await;
        let names = small["data"]["startups"]["nodes"].as_array();
        assert_eq!(names.map(Vec::len), Some(2), "round {round}: {small}");
        let large = server.gql(page, json!({ "n": 100 })).await;
        assert!(large["data"].is_null(), "round {round}: {large}");
        let message = large["errors"][0]["message"].as_str().unwrap_or_default();
        assert!(message.contains("complex"), "round {round}: {large}");
    }
}

/// Heavy operations (complexity past a threshold) take a permit of their
/// own; without one they get 503, while cheap queries are answered.
#[tokio::test]
async fn heavy_operations_are_shed_while_cheap_ones_answer() {
    let server = sample_server(HttpConfig {
        max_heavy_in_flight: 0,
        heavy_complexity: 50,
        ..HttpConfig::default()
    })
    .await;
    let response = server
        .post(&json!({ "query": "{ startups(first: 100) { nodes { name slug } } }" }))
        .await;
    assert_eq!(response.status(), 503);
    assert_eq!(response.headers()["retry-after"], "1");
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(code(&body), "OVERLOADED", "{body}");
    let response = server
        .post(&json!({ "query": "{ sectors { slug } }" }))
        .await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.expect("JSON");
    assert!(
        body["data"]["sectors"]
            .as_array()
            .is_some_and(|s| !s.is_empty()),
        "{body}"
    );
}

/// Under load: with one heavy operation at a time, a burst of heavy
/// queries sheds some (503 with `retry-after`) while every cheap query
/// sent alongside is answered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn under_load_heavy_queries_are_shed_and_cheap_ones_answer() {
    let server = sample_server(HttpConfig {
        max_heavy_in_flight: 1,
        heavy_complexity: 100,
        ..HttpConfig::default()
    })
    .await;
    let heavy = "{ startups(first: 100) { nodes { name tagline sectors { name } investments { round } } } }";
    let cheap = "{ sectors { slug } }";
    let mut shed = 0;
    for _round in 0..50 {
        let send = |query: &'static str| {
            let request = server
                .client
                .post(format!("{}/graphql", server.url))
                .json(&json!({ "query": query }));
            async move {
                let response = request.send().await.expect("a response");
                let status = response.status().as_u16();
                let retry = response.headers().contains_key("retry-after");
                (query, status, retry)
            }
        };
        let mut all = Vec::new();
        for _ in 0..12 {
            all.push(tokio::spawn(send(heavy)));
        }
        for _ in 0..4 {
            all.push(tokio::spawn(send(cheap)));
        }
        for task in all {
            let (query, status, retry) = task.await.expect("task");
            if query == cheap {
                assert_eq!(status, 200, "a cheap query was refused");
            } else if status == 503 {
                assert!(retry, "503 without retry-after");
                shed += 1;
            } else {
                assert_eq!(status, 200);
            }
        }
        if shed > 0 {
            break;
        }
    }
    assert!(shed > 0, "no heavy query was shed in 50 bursts of 12");
}

/// A response past the size limit is replaced by a clear error, for a
/// single operation and for a batch.
#[tokio::test]
async fn responses_past_the_size_limit_are_refused_clearly() {
    let server = sample_server(HttpConfig {
        max_response_bytes: 200,
        ..HttpConfig::default()
    })
    .await;
    let small = server.gql("{ __typename }", json!({})).await;
    assert_eq!(small["data"]["__typename"], "Query");
    let big = server
        .gql("{ sectors { slug name nameEn } }", json!({}))
        .await;
    common::assert_error(&big, "RESPONSE_TOO_LARGE", "200 bytes");
    let batch: Value = server
        .post(&json!([
            { "query": "{ sectors { slug name } }" },
            { "query": "{ sectors { slug name } }" }
        ]))
        .await
        .json()
        .await
        .expect("JSON");
    assert_eq!(code(&batch), "RESPONSE_TOO_LARGE", "{batch}");
}
