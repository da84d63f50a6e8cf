//! Introductions with consent over HTTP, on SQLite and on PostgreSQL:
//! contact details appear only after acceptance, the limits hold (also
//! under concurrent requests), and the operator sees every step.

mod common;

use common::TestServer;
use ketnoi::store::Store;
use serde_json::{Value, json};

both_databases!(
    contact_details_show_only_after_acceptance,
    repeated_and_declined_requests_are_refused,
    a_startup_has_at_most_twenty_pending_requests,
    concurrent_requests_respect_the_pending_limit,
    mentors_accept_up_to_their_capacity,
    the_operator_sees_every_step,
);

const REQUEST: &str = "mutation($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { introduction { id status } userErrors { field code message } } }";

/// Asks; returns the payload.
async fn ask(server: &TestServer, token: &str, from: &str, to: &str) -> Value {
    let input = json!({ "input": { "from": from, "to": to, "message": "Xin được gặp anh/chị" } });
    let body = server.gql_as(Some(token), REQUEST, input).await;
    assert!(body.get("errors").is_none(), "{body:#}");
    body["data"]["requestIntroduction"].clone()
}

/// Accepts, declines or withdraws; returns the whole response.
async fn step(server: &TestServer, token: &str, verb: &str, id: &str) -> Value {
    let doc = format!(
        "mutation($input: IntroductionInput!) {{ {verb}Introduction(input: $input) {{ introduction {{ status }} userErrors {{ field code }} }} }}"
    );
    server
        .gql_as(Some(token), &doc, json!({ "input": { "id": id } }))
        .await
}

/// A founder with startup "A", and an investor with the angel profile "Q".
struct Parties {
    founder: String,
    investor: String,
    startup: String,
    fund: String,
}

impl Parties {
    async fn sign_up(server: &TestServer) -> Parties {
        let founder = server.sign_up("founder@example.vn", "STARTUP").await;
        let investor = server.sign_up("investor@example.vn", "INVESTOR").await;
        let startup = server
            .create(&founder, "Startup", json!({ "name": "A", "stage": "IDEA" }))
            .await;
        let fund = server
            .create(
                &investor,
                "Investor",
                json!({ "name": "Q", "kind": "ANGEL" }),
            )
            .await;
        Parties {
            founder,
            investor,
            startup,
            fund,
        }
    }
}

fn intro_id(payload: &Value) -> String {
    payload["introduction"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("no introduction: {payload:#}"))
        .to_string()
}

async fn contact_details_show_only_after_acceptance(store: Store) {
    let server = TestServer::start(store).await;
    let founder = server.sign_up("founder@example.vn", "STARTUP").await;
    let investor = server.sign_up("investor@example.vn", "INVESTOR").await;
    let other = server.sign_up("other@example.vn", "INVESTOR").await;
    let startup = server
        .create(
            &founder,
            "Startup",
            json!({ "name": "Trà Xanh", "stage": "SEED", "email": "ceo@traxanh.vn" }),
        )
        .await;
    let fund = server.create(&investor,
        "Investor",
        json!({ "name": "Quỹ Mekong", "kind": "VC_FUND", "email": "deals@mekong.vn", "phone": "+84 292 000 000" }),
    )
    .await;
    let emails = |token: String| {
        let server = &server;
        let (startup, fund) = (startup.clone(), fund.clone());
        async move {
            let body = server
                .gql_as(
                    Some(&token),
                    "query($s: ID!, $f: ID!) { startup(id: $s) { email } investor(id: $f) { email phone } }",
                    json!({ "s": startup, "f": fund }),
                )
                .await;
            (
                body["data"]["startup"]["email"].clone(),
                body["data"]["investor"]["email"].clone(),
            )
        }
    };
    assert_eq!(
        emails(founder.clone()).await,
        (json!("ceo@traxanh.vn"), Value::Null)
    );
    assert_eq!(
        emails(investor.clone()).await,
        (Value::Null, json!("deals@mekong.vn"))
    );

    // Only the startup's owner may ask on its behalf.
    let body = server
        .gql_as(
            Some(&other),
            REQUEST,
            json!({ "input": { "from": startup, "to": fund, "message": "Xin chào" } }),
        )
        .await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "FORBIDDEN");

    let payload = ask(&server, &founder, &startup, &fund).await;
    assert_eq!(payload["introduction"]["status"], "PENDING");
    let id = intro_id(&payload);
    // Pending: nothing is revealed; the recipient sees the request.
    assert_eq!(emails(founder.clone()).await.1, Value::Null);
    let inbox = server
        .gql_as(
            Some(&investor),
            "{ viewer { introductions(status: PENDING) { id message startup { name } investor { name } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        inbox["data"]["viewer"]["introductions"],
        json!([{ "id": id, "message": "Xin được gặp anh/chị", "startup": { "name": "Trà Xanh" }, "investor": { "name": "Quỹ Mekong" } }])
    );
    let none = server
        .gql_as(
            Some(&other),
            "{ viewer { introductions { id } } }",
            json!({}),
        )
        .await;
    assert_eq!(none["data"]["viewer"]["introductions"], json!([]));

    // Only the recipient answers: not the asker; and to anyone else the
    // introduction does not exist.
    let body = step(&server, &founder, "accept", &id).await;
    assert_eq!(
        body["errors"][0]["extensions"]["code"], "FORBIDDEN",
        "{body:#}"
    );
    let body = step(&server, &other, "accept", &id).await;
    assert_eq!(
        body["data"]["acceptIntroduction"]["userErrors"],
        json!([{ "field": "id", "code": "UNKNOWN_REFERENCE" }]),
        "{body:#}"
    );
    let body = step(&server, &investor, "accept", &id).await;
    assert_eq!(
        body["data"]["acceptIntroduction"]["introduction"]["status"],
        "ACCEPTED"
    );
    // Accepted: each side sees the other's details; nobody else does.
    assert_eq!(
        emails(founder.clone()).await,
        (json!("ceo@traxanh.vn"), json!("deals@mekong.vn"))
    );
    assert_eq!(
        emails(investor.clone()).await,
        (json!("ceo@traxanh.vn"), json!("deals@mekong.vn"))
    );
    assert_eq!(emails(other.clone()).await, (Value::Null, Value::Null));
    let anonymous = server
        .gql_as(
            None,
            "query($s: ID!) { startup(id: $s) { email } }",
            json!({ "s": startup }),
        )
        .await;
    assert_eq!(anonymous["data"]["startup"]["email"], Value::Null);
    // An answered introduction cannot be answered again.
    let body = step(&server, &investor, "decline", &id).await;
    assert_eq!(
        body["data"]["declineIntroduction"]["userErrors"],
        json!([{ "field": "id", "code": "INVALID" }])
    );
}

async fn repeated_and_declined_requests_are_refused(store: Store) {
    let server = TestServer::start(store).await;
    let p = Parties::sign_up(&server).await;

    let first = ask(&server, &p.founder, &p.startup, &p.fund).await;
    let again = ask(&server, &p.founder, &p.startup, &p.fund).await;
    assert_eq!(again["userErrors"][0]["code"], "TAKEN", "{again:#}");
    // Withdrawn: the startup may ask again at once.
    let body = step(&server, &p.founder, "withdraw", &intro_id(&first)).await;
    assert_eq!(
        body["data"]["withdrawIntroduction"]["introduction"]["status"],
        "WITHDRAWN"
    );
    let second = ask(&server, &p.founder, &p.startup, &p.fund).await;
    // Declined: not again for 90 days.
    step(&server, &p.investor, "decline", &intro_id(&second)).await;
    let third = ask(&server, &p.founder, &p.startup, &p.fund).await;
    assert_eq!(third["userErrors"][0]["code"], "TOO_SOON", "{third:#}");
    assert_eq!(third["introduction"], Value::Null);
    // Bad input names the field.
    for (input, field) in [
        (
            json!({ "from": p.startup, "to": p.fund, "message": "  " }),
            "message",
        ),
        (
            json!({ "from": p.startup, "to": p.fund, "message": "x".repeat(2001) }),
            "message",
        ),
        (
            json!({ "from": p.startup, "to": p.fund, "message": "a\u{0}b" }),
            "message",
        ),
        (
            json!({ "from": p.startup, "to": p.startup, "message": "hi" }),
            "to",
        ),
        (
            json!({ "from": p.fund, "to": p.fund, "message": "hi" }),
            "from",
        ),
    ] {
        let body = server
            .gql_as(Some(&p.founder), REQUEST, json!({ "input": input }))
            .await;
        assert_eq!(
            body["data"]["requestIntroduction"]["userErrors"][0]["field"], field,
            "{body:#}"
        );
    }
}

/// Investors made by the operator (no owner), `n` of them.
async fn investors(server: &TestServer, n: usize) -> Vec<String> {
    let admin = server.admin_token.clone();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        out.push(
            server
                .create(
                    &admin,
                    "Investor",
                    json!({ "name": format!("Quỹ {i}"), "kind": "ANGEL" }),
                )
                .await,
        );
    }
    out
}

async fn a_startup_has_at_most_twenty_pending_requests(store: Store) {
    let server = TestServer::start(store).await;
    let founder = server.sign_up("founder@example.vn", "STARTUP").await;
    let startup = server
        .create(&founder, "Startup", json!({ "name": "A", "stage": "IDEA" }))
        .await;
    let funds = investors(&server, 22).await;
    let mut first = None;
    for fund in &funds[..20] {
        let payload = ask(&server, &founder, &startup, fund).await;
        first.get_or_insert(intro_id(&payload));
    }
    let refused = ask(&server, &founder, &startup, &funds[20]).await;
    assert_eq!(
        refused["userErrors"][0]["code"], "OUT_OF_RANGE",
        "{refused:#}"
    );
    // A withdrawn request frees a place.
    step(&server, &founder, "withdraw", &first.expect("a request")).await;
    let payload = ask(&server, &founder, &startup, &funds[21]).await;
    assert_eq!(payload["introduction"]["status"], "PENDING", "{payload:#}");
}

async fn concurrent_requests_respect_the_pending_limit(store: Store) {
    let server = TestServer::start(store).await;
    let founder = server.sign_up("founder@example.vn", "STARTUP").await;
    let startup = server
        .create(&founder, "Startup", json!({ "name": "A", "stage": "IDEA" }))
        .await;
    let funds = investors(&server, 30).await;
    let results = async_graphql::futures_util::future::join_all(
        funds
            .iter()
            .map(|fund| ask(&server, &founder, &startup, fund)),
    )
    .await;
    let accepted = results
        .iter()
        .filter(|p| p["introduction"]["status"] == "PENDING")
        .count();
    let refused = results
        .iter()
        .filter(|p| p["userErrors"][0]["code"] == "OUT_OF_RANGE")
        .count();
    assert_eq!((accepted, refused), (20, 10));
}

async fn mentors_accept_up_to_their_capacity(store: Store) {
    let server = TestServer::start(store).await;
    let mentor = server.sign_up("mentor@example.vn", "MENTOR").await;
    let profile = server
        .create(
            &mentor,
            "Mentor",
            json!({ "name": "Cô Lan", "capacity": 1 }),
        )
        .await;
    let mut ids = vec![];
    for n in 0..2 {
        let founder = server
            .sign_up(&format!("founder{n}@example.vn"), "STARTUP")
            .await;
        let startup = server
            .create(
                &founder,
                "Startup",
                json!({ "name": format!("S{n}"), "stage": "IDEA" }),
            )
            .await;
        ids.push(intro_id(&ask(&server, &founder, &startup, &profile).await));
    }
    let body = step(&server, &mentor, "accept", &ids[0]).await;
    assert_eq!(
        body["data"]["acceptIntroduction"]["introduction"]["status"],
        "ACCEPTED"
    );
    let body = step(&server, &mentor, "accept", &ids[1]).await;
    assert_eq!(
        body["data"]["acceptIntroduction"]["userErrors"],
        json!([{ "field": "id", "code": "OUT_OF_RANGE" }])
    );
    // Declining is always possible.
    let body = step(&server, &mentor, "decline", &ids[1]).await;
    assert_eq!(
        body["data"]["declineIntroduction"]["introduction"]["status"],
        "DECLINED"
    );
}

async fn the_operator_sees_every_step(store: Store) {
    let server = TestServer::start(store).await;
    let p = Parties::sign_up(&server).await;
    let first = intro_id(&ask(&server, &p.founder, &p.startup, &p.fund).await);
    step(&server, &p.founder, "withdraw", &first).await;
    let second = intro_id(&ask(&server, &p.founder, &p.startup, &p.fund).await);
    step(&server, &p.investor, "accept", &second).await;

    let log = "query($i: ID) { introductionLog(introduction: $i) { action actor { email } introduction { id } startupId recipientId } }";
    let body = server.data(log, json!({ "i": null })).await;
    let steps: Vec<(String, String)> = body["introductionLog"]
        .as_array()
        .expect("log")
        .iter()
        .map(|e| {
            (
                e["action"].as_str().expect("action").to_string(),
                e["actor"]["email"].as_str().expect("actor").to_string(),
            )
        })
        .collect();
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        steps,
        vec![
            pair("ACCEPTED", "investor@example.vn"),
            pair("REQUESTED", "founder@example.vn"),
            pair("WITHDRAWN", "founder@example.vn"),
            pair("REQUESTED", "founder@example.vn"),
        ]
    );
    assert_eq!(body["introductionLog"][0]["startupId"], json!(p.startup));
    assert_eq!(body["introductionLog"][0]["recipientId"], json!(p.fund));
    let one = server.data(log, json!({ "i": first })).await;
    assert_eq!(one["introductionLog"].as_array().map(Vec::len), Some(2));
    // The trail outlives the profiles.
    let body = server
        .gql_as(
            Some(&p.founder),
            "mutation($input: DeleteInput!) { deleteStartup(input: $input) { deletedId } }",
            json!({ "input": { "id": p.startup } }),
        )
        .await;
    assert_eq!(body["data"]["deleteStartup"]["deletedId"], json!(p.startup));
    let after = server.data(log, json!({ "i": null })).await;
    assert_eq!(after["introductionLog"].as_array().map(Vec::len), Some(4));
    assert_eq!(after["introductionLog"][0]["introduction"], Value::Null);
    // Only the operator reads it.
    let body = server
        .gql_as(Some(&p.investor), log, json!({ "i": null }))
        .await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "FORBIDDEN");
}
