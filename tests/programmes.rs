//! Programmes, calls for applications and applications over HTTP, on
//! SQLite and on PostgreSQL: eligibility explained rule by rule, the
//! status workflow with its trail, who sees and moves what, and the last
//! place of a cohort taken once under concurrent acceptances.

mod common;

use common::{TestServer, error_code, load_sample};
use ketnoi::store::Store;
use serde_json::{Value, json};

both_databases!(
    a_call_runs_from_application_to_cohort,
    ineligible_closed_and_repeated_applications_are_refused,
    the_last_place_goes_to_one_of_two_concurrent_acceptances,
    concurrent_moves_of_one_application_do_not_both_win,
    programmes_and_calls_are_listed_and_filtered,
    support_is_recorded_by_cohorts_and_by_hand_and_shown_to_those_allowed,
    trainings_count_trainee_times_people_and_enterprises,
    imported_acceptance_and_attendance_are_support_received,
    reviewers_score_what_they_are_given_and_see_others_after_the_decision,
    mentors_are_confirmed_for_a_cohort_within_their_places,
    open_calls_a_startup_may_apply_to_are_recommended_best_fit_first,
    filled_spreadsheets_import_all_or_nothing_and_errors_name_the_cell,
    programmes_are_found_by_search_with_or_without_diacritics,
);

const APPLY: &str = "mutation($input: ApplyToCallInput!) { applyToCall(input: $input) { application { id status } userErrors { field code message } } }";
const MOVE: &str = "mutation($input: MoveApplicationInput!) { moveApplication(input: $input) { application { id status } userErrors { field code message } } }";

/// The operator's sample, an organisation run by `manager`, its programme
/// and a call open on the tests' day (2026-12-01) with one place.
struct Setup {
    server: TestServer,
    manager: String,
    programme: String,
    call: String,
}

async fn id_of(server: &TestServer, query: &str) -> String {
    let data = server.data(query, json!({})).await;
    let found = data
        .as_object()
        .and_then(|o| o.values().next())
        .and_then(|v| v["id"].as_str());
    found
        .unwrap_or_else(|| panic!("{query}: {data:#}"))
        .to_string()
}

async fn user_id(server: &TestServer, token: &str) -> String {
    let body = server
        .gql_as(Some(token), "{ viewer { id } }", json!({}))
        .await;
    body["data"]["viewer"]["id"]
        .as_str()
        .expect("viewer")
        .to_string()
}

async fn setup(store: Store, places: Option<i32>) -> Setup {
    load_sample(&store).await;
    let server = TestServer::start(store).await;
    let manager = server.sign_up("quanly@castihub.vn", "STARTUP").await;
    let org = id_of(&server, r#"{ organization(slug: "castihub") { id } }"#).await;
    let manager_id = user_id(&server, &manager).await;
    let body = server
        .gql(
            "mutation($input: AssignOwnerInput!) { assignOwner(input: $input) { userErrors { message } } }",
            json!({ "input": { "profile": org, "user": manager_id } }),
        )
        .await;
    assert_eq!(
        body["data"]["assignOwner"]["userErrors"],
        json!([]),
        "{body:#}"
    );
    let programme = server
        .create(
            &manager,
            "Programme",
            json!({ "name": "Ươm tạo Mekong 2026", "kind": "BUSINESS_INCUBATION", "organization": org,
                    "province": "can-tho", "startsOn": "2026-11-01", "endsOn": "2027-06-30",
                    "capacity": 20, "budgetVnd": "1500000000", "budgetSource": "STATE",
                    "sectors": ["agritech"], "audience": ["YOUTH", "WOMEN"],
                    "description": "Ươm tạo doanh nghiệp nông nghiệp công nghệ cao" }),
        )
        .await;
    let call = server
        .create(
            &manager,
            "Call",
            json!({ "programme": programme, "title": "Tuyển chọn đợt 1",
                    "opensAt": "2026-11-01T08:00:00+07:00", "closesAt": "2026-12-31T17:00:00+07:00",
                    "places": places, "questions": ["Vấn đề bạn giải quyết?", "Đội ngũ của bạn?"],
                    "criteria": [{ "name": "Tính mới, sáng tạo", "maxPoints": 40 },
                                 { "name": "Khả năng thương mại hóa", "maxPoints": 60 }],
                    "rules": { "maxYearsSinceRegistration": 5, "stages": ["IDEA", "MVP", "SEED"],
                               "sectors": ["agritech"], "provinces": ["can-tho"] } }),
        )
        .await;
    Setup {
        server,
        manager,
        programme,
        call,
    }
}

/// A founder and their startup; `extra` overrides the eligible defaults.
async fn founder(server: &TestServer, email: &str, extra: Value) -> (String, String) {
    let token = server.sign_up(email, "STARTUP").await;
    let mut input = json!({ "name": format!("Startup {email}"), "stage": "MVP", "sectors": ["agritech"],
                            "province": "can-tho", "foundedOn": "2023-05-01" });
    for (k, v) in extra.as_object().expect("object") {
        input[k] = v.clone();
    }
    let startup = server.create(&token, "Startup", input).await;
    (token, startup)
}

async fn apply(
    server: &TestServer,
    token: &str,
    call: &str,
    startup: &str,
    answers: Value,
) -> Value {
    let input = json!({ "input": { "call": call, "startup": startup, "answers": answers } });
    let body = server.gql_as(Some(token), APPLY, input).await;
    assert!(body.get("errors").is_none(), "{body:#}");
    body["data"]["applyToCall"].clone()
}

/// Moves an application; returns the whole response.
async fn move_to(
    server: &TestServer,
    token: &str,
    id: &str,
    to: &str,
    reason: Option<&str>,
) -> Value {
    let input = json!({ "input": { "id": id, "to": to, "reason": reason } });
    server.gql_as(Some(token), MOVE, input).await
}

/// Moves it and checks it got there.
async fn moved(server: &TestServer, token: &str, id: &str, to: &str) {
    let body = move_to(server, token, id, to, None).await;
    assert_eq!(
        body["data"]["moveApplication"]["application"]["status"], to,
        "{body:#}"
    );
}

fn codes(payload: &Value) -> Vec<&str> {
    payload["userErrors"]
        .as_array()
        .map(|l| l.iter().filter_map(|e| e["code"].as_str()).collect())
        .unwrap_or_default()
}

fn move_codes(body: &Value) -> Vec<&str> {
    codes(&body["data"]["moveApplication"])
}

async fn a_call_runs_from_application_to_cohort(store: Store) {
    let Setup {
        server,
        manager,
        call,
        ..
    } = setup(store, Some(1)).await;
    let (ana, startup) = founder(&server, "ana@example.vn", json!({})).await;

    // Eligibility, rule by rule, in English.
    let doc = "query($s: ID!, $c: ID!, $lang: Lang) { node(id: $s) { ... on Startup { eligibilityFor(call: $c, lang: $lang) { eligible rules { rule passed explanation } } } } }";
    let data = server
        .data(doc, json!({ "s": startup, "c": call, "lang": "EN" }))
        .await;
    let e = &data["node"]["eligibilityFor"];
    assert_eq!(e["eligible"], true, "{e:#}");
    let rules: Vec<&str> = e["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["OPEN", "AGE", "STAGE", "SECTOR", "PROVINCE"]);
    assert!(
        e["rules"][3]["explanation"]
            .as_str()
            .unwrap()
            .contains("Agritech"),
        "{e:#}"
    );

    // A draft with one answer of two cannot be submitted.
    let draft = apply(
        &server,
        &ana,
        &call,
        &startup,
        json!(["Nông dân thiếu dữ liệu độ ẩm"]),
    )
    .await;
    assert_eq!(draft["application"]["status"], "DRAFT", "{draft:#}");
    let id = draft["application"]["id"].as_str().unwrap().to_string();
    let body = move_to(&server, &ana, &id, "SUBMITTED", None).await;
    assert_eq!(move_codes(&body), ["REQUIRED"], "{body:#}");
    // The manager does not see a draft.
    let list = "query($c: ID!) { call(id: $c) { applications { id status } } }";
    let data = server
        .gql_as(Some(&manager), list, json!({ "c": call }))
        .await;
    assert_eq!(data["data"]["call"]["applications"], json!([]), "{data:#}");

    let answer = "mutation($input: AnswerApplicationInput!) { answerApplication(input: $input) { application { status } userErrors { code } } }";
    let body = server
        .gql_as(Some(&ana), answer, json!({ "input": { "id": id, "answers": ["Nông dân thiếu dữ liệu độ ẩm", "Ba kỹ sư"] } }))
        .await;
    assert_eq!(
        body["data"]["answerApplication"]["userErrors"],
        json!([]),
        "{body:#}"
    );
    moved(&server, &ana, &id, "SUBMITTED").await;

    // The applicant's own list; the programme's, for its managers.
    let mine = viewer_applications(&server, &ana).await;
    assert_eq!(mine, ["SUBMITTED"]);
    let all = "query($p: ID!) { node(id: $p) { ... on Programme { applications { status } } } }";
    let programme = id_of(
        &server,
        r#"{ programme(slug: "uom-tao-mekong-2026") { id } }"#,
    )
    .await;
    let data = server
        .gql_as(Some(&manager), all, json!({ "p": programme }))
        .await;
    assert_eq!(
        data["data"]["node"]["applications"],
        json!([{ "status": "SUBMITTED" }]),
        "{data:#}"
    );
    let body = server
        .gql_as(Some(&ana), all, json!({ "p": programme }))
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body:#}");

    // Only the programme's managers see and move submitted applications.
    let data = server
        .gql_as(Some(&manager), list, json!({ "c": call }))
        .await;
    assert_eq!(
        data["data"]["call"]["applications"][0]["status"], "SUBMITTED",
        "{data:#}"
    );
    let investor = server.sign_up("nha-dau-tu@example.vn", "INVESTOR").await;
    for token in [&ana, &investor] {
        let body = server.gql_as(Some(token), list, json!({ "c": call })).await;
        assert_eq!(error_code(&body), "FORBIDDEN", "{body:#}");
    }
    let body = move_to(&server, &ana, &id, "SCREENING", None).await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body:#}");
    let body = move_to(&server, &investor, &id, "WITHDRAWN", None).await;
    assert_eq!(
        move_codes(&body),
        ["UNKNOWN_REFERENCE"],
        "strangers see nothing: {body:#}"
    );

    // Forward only, one step at a time.
    let body = move_to(&server, &manager, &id, "ACCEPTED", None).await;
    assert_eq!(move_codes(&body), ["NOT_ALLOWED"], "{body:#}");
    moved(&server, &manager, &id, "SCREENING").await;
    moved(&server, &manager, &id, "SHORTLISTED").await;
    let body = move_to(&server, &manager, &id, "ACCEPTED", Some("Đội ngũ mạnh")).await;
    assert_eq!(
        body["data"]["moveApplication"]["application"]["status"], "ACCEPTED",
        "{body:#}"
    );
    let body = move_to(&server, &manager, &id, "REJECTED", None).await;
    assert_eq!(
        move_codes(&body),
        ["NOT_ALLOWED"],
        "a decision is final: {body:#}"
    );

    // The trail: every move; reasons and reviewers for managers only.
    let trail = "query($s: ID!) { node(id: $s) { ... on Startup { applications { status history { from to reason actor { email } } } } } }";
    let mine = server
        .gql_as(Some(&ana), trail, json!({ "s": startup }))
        .await;
    let history = &mine["data"]["node"]["applications"][0]["history"];
    let steps: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["to"].as_str().unwrap())
        .collect();
    assert_eq!(
        steps,
        ["DRAFT", "SUBMITTED", "SCREENING", "SHORTLISTED", "ACCEPTED"],
        "{mine:#}"
    );
    assert_eq!(history[4]["reason"], Value::Null, "{mine:#}");
    assert_eq!(history[4]["actor"], Value::Null, "{mine:#}");
    let theirs = server
        .gql_as(Some(&manager), "query($c: ID!) { call(id: $c) { applications { history { reason actor { email } } } } }", json!({ "c": call }))
        .await;
    let history = &theirs["data"]["call"]["applications"][0]["history"];
    assert_eq!(history[4]["reason"], "Đội ngũ mạnh", "{theirs:#}");
    assert_eq!(
        history[4]["actor"]["email"], "quanly@castihub.vn",
        "{theirs:#}"
    );
    let body = server
        .gql_as(Some(&investor), trail, json!({ "s": startup }))
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body:#}");

    // The cohort is public; the one place is taken.
    let cohort = "query($c: ID!) { call(id: $c) { places cohort { id } } }";
    let data = server
        .gql_as(Some(&investor), cohort, json!({ "c": call }))
        .await;
    assert_eq!(
        data["data"]["call"]["cohort"],
        json!([{ "id": startup }]),
        "{data:#}"
    );
    let (binh, second) = founder(&server, "binh@example.vn", json!({})).await;
    let payload = apply(&server, &binh, &call, &second, json!(["a", "b"])).await;
    let other = payload["application"]["id"].as_str().unwrap().to_string();
    moved(&server, &binh, &other, "SUBMITTED").await;
    moved(&server, &manager, &other, "SHORTLISTED").await;
    let body = move_to(&server, &manager, &other, "ACCEPTED", None).await;
    assert_eq!(move_codes(&body), ["FULL"], "{body:#}");
    // The applicant may still withdraw; then nothing may follow.
    moved(&server, &binh, &other, "WITHDRAWN").await;
    let body = move_to(&server, &binh, &other, "SUBMITTED", None).await;
    assert_eq!(move_codes(&body), ["NOT_ALLOWED"], "{body:#}");
}

async fn ineligible_closed_and_repeated_applications_are_refused(store: Store) {
    let Setup {
        server,
        manager,
        programme,
        call,
    } = setup(store, None).await;
    let (cuong, startup) = founder(
        &server,
        "cuong@example.vn",
        json!({ "sectors": ["fintech"], "province": "hai-phong", "foundedOn": "2015-01-10" }),
    )
    .await;

    // Explained in Vietnamese: the three rules it fails.
    let doc = "query($s: ID!, $c: ID!) { node(id: $s) { ... on Startup { eligibilityFor(call: $c, lang: VI) { eligible rules { rule passed explanation } } } } }";
    let data = server.data(doc, json!({ "s": startup, "c": call })).await;
    let e = &data["node"]["eligibilityFor"];
    assert_eq!(e["eligible"], false);
    let failed: Vec<&str> = (e["rules"].as_array().unwrap().iter())
        .filter(|r| r["passed"] == false)
        .map(|r| r["rule"].as_str().unwrap())
        .collect();
    assert_eq!(failed, ["AGE", "SECTOR", "PROVINCE"], "{e:#}");
    assert!(
        e["rules"][4]["explanation"]
            .as_str()
            .unwrap()
            .contains("Hải Phòng"),
        "{e:#}"
    );

    // Applying is refused per rule, and nothing is written.
    let payload = apply(&server, &cuong, &call, &startup, json!([])).await;
    assert_eq!(
        codes(&payload),
        ["INELIGIBLE", "INELIGIBLE", "INELIGIBLE"],
        "{payload:#}"
    );
    let mine = "query($s: ID!) { node(id: $s) { ... on Startup { applications { id } } } }";
    let data = server
        .gql_as(Some(&cuong), mine, json!({ "s": startup }))
        .await;
    assert_eq!(data["data"]["node"]["applications"], json!([]), "{data:#}");

    // A second application to one call.
    let (dung, eligible) = founder(&server, "dung@example.vn", json!({})).await;
    let first = apply(&server, &dung, &call, &eligible, json!([])).await;
    assert_eq!(codes(&first), Vec::<&str>::new(), "{first:#}");
    let again = apply(&server, &dung, &call, &eligible, json!([])).await;
    assert_eq!(codes(&again), ["TAKEN"], "{again:#}");
    // Someone else's startup.
    let body = server
        .gql_as(
            Some(&cuong),
            APPLY,
            json!({ "input": { "call": call, "startup": eligible } }),
        )
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body:#}");
    // More answers than questions.
    let (em, third) = founder(&server, "em@example.vn", json!({})).await;
    let payload = apply(&server, &em, &call, &third, json!(["1", "2", "3"])).await;
    assert_eq!(codes(&payload), ["OUT_OF_RANGE"], "{payload:#}");

    // A call that closed (before the tests' day) takes no application.
    let closed = server
        .create(
            &manager,
            "Call",
            json!({ "programme": programme, "title": "Đợt đã đóng",
                    "opensAt": "2026-01-01T08:00:00+07:00", "closesAt": "2026-06-30T17:00:00+07:00" }),
        )
        .await;
    let payload = apply(&server, &em, &closed, &third, json!([])).await;
    assert_eq!(codes(&payload), ["CLOSED"], "{payload:#}");
    assert!(
        payload["userErrors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("closed at 17:00 30/06/2026"),
        "{payload:#}"
    );
    // Nor may anyone but its managers open a call.
    let body = server
        .gql_as(
            Some(&em),
            "mutation($input: CreateCallInput!) { createCall(input: $input) { call { id } } }",
            json!({ "input": { "programme": programme, "title": "X",
                    "opensAt": "2026-01-01T08:00:00+07:00", "closesAt": "2026-06-30T17:00:00+07:00" } }),
        )
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body:#}");
}

/// Two startups shortlisted for a call with one place left.
async fn two_shortlisted(s: &Setup) -> (String, String) {
    let mut ids = Vec::new();
    for email in ["an@example.vn", "bao@example.vn"] {
        let (token, startup) = founder(&s.server, email, json!({})).await;
        let payload = apply(&s.server, &token, &s.call, &startup, json!(["x", "y"])).await;
        let id = payload["application"]["id"].as_str().unwrap().to_string();
        moved(&s.server, &token, &id, "SUBMITTED").await;
        moved(&s.server, &s.manager, &id, "SHORTLISTED").await;
        ids.push(id);
    }
    (ids[0].clone(), ids[1].clone())
}

async fn the_last_place_goes_to_one_of_two_concurrent_acceptances(store: Store) {
    let s = setup(store, Some(1)).await;
    let (first, second) = two_shortlisted(&s).await;
    // The manager and the operator accept at once.
    let admin = s.server.admin_token.clone();
    let (a, b) = tokio::join!(
        move_to(&s.server, &s.manager, &first, "ACCEPTED", None),
        move_to(&s.server, &admin, &second, "ACCEPTED", None),
    );
    let outcomes = [move_codes(&a), move_codes(&b)];
    let accepted = outcomes.iter().filter(|c| c.is_empty()).count();
    assert_eq!(accepted, 1, "{a:#} {b:#}");
    assert!(outcomes.iter().any(|c| *c == ["FULL"]), "{a:#} {b:#}");
    let cohort = s
        .server
        .data(
            "query($c: ID!) { call(id: $c) { cohort { id } } }",
            json!({ "c": s.call }),
        )
        .await;
    assert_eq!(
        cohort["call"]["cohort"].as_array().unwrap().len(),
        1,
        "{cohort:#}"
    );
}

async fn concurrent_moves_of_one_application_do_not_both_win(store: Store) {
    let s = setup(store, None).await;
    let (first, _) = two_shortlisted(&s).await;
    // Accepting and rejecting at once: one decision stands.
    let admin = s.server.admin_token.clone();
    let (a, b) = tokio::join!(
        move_to(&s.server, &s.manager, &first, "ACCEPTED", None),
        move_to(&s.server, &admin, &first, "REJECTED", Some("Chưa phù hợp")),
    );
    let outcomes = [move_codes(&a), move_codes(&b)];
    assert_eq!(
        outcomes.iter().filter(|c| c.is_empty()).count(),
        1,
        "{a:#} {b:#}"
    );
    let loser = outcomes.iter().find(|c| !c.is_empty()).unwrap();
    assert!(
        *loser == ["STALE"] || *loser == ["NOT_ALLOWED"],
        "{a:#} {b:#}"
    );
    let log = s
        .server
        .data(
            "query($c: ID!) { call(id: $c) { applications { status history { to } } } }",
            json!({ "c": s.call }),
        )
        .await;
    let history = &log["call"]["applications"][0]["history"];
    assert_eq!(
        history.as_array().unwrap().len(),
        4,
        "one decision recorded: {log:#}"
    );
}

async fn programmes_and_calls_are_listed_and_filtered(store: Store) {
    let s = setup(store, None).await;
    let admin = s.server.admin_token.clone();
    s.server
        .create(
            &admin,
            "Programme",
            json!({ "name": "Tập huấn khởi nghiệp Hưng Yên", "kind": "TRAINING_COURSE", "audience": ["STUDENTS"] }),
        )
        .await;
    let data = s
        .server
        .data(
            "{ programmes { totalCount nodes { name kind organization { slug } budgetVnd } } }",
            json!({}),
        )
        .await;
    assert_eq!(data["programmes"]["totalCount"], 3, "{data:#}");
    let names: Vec<&str> = (data["programmes"]["nodes"].as_array().unwrap().iter())
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Mekong Startup Runway 2026",
            "Tập huấn khởi nghiệp Hưng Yên",
            "Ươm tạo Mekong 2026"
        ],
        "by name, diacritics folded"
    );
    assert_eq!(data["programmes"]["nodes"][2]["budgetVnd"], "1500000000");
    assert_eq!(
        data["programmes"]["nodes"][0]["organization"]["slug"],
        "castihub"
    );
    let data = s
        .server
        .data(
            r#"{ programmes(filter: { kinds: [TRAINING_COURSE], audience: [STUDENTS] }) { nodes { name } } }"#,
            json!({}),
        )
        .await;
    assert_eq!(
        data["programmes"]["nodes"].as_array().unwrap().len(),
        1,
        "{data:#}"
    );

    let calls =
        "query($f: CallFilter) { calls(filter: $f) { nodes { title isOpen programme { slug } } } }";
    for (filter, want) in [
        (json!({ "openNow": true }), 1),
        (json!({ "sectors": ["agritech"] }), 2),
        (json!({ "sectors": ["fintech"] }), 0),
        (json!({ "provinces": ["can-tho"] }), 2),
        (json!({ "provinces": ["hai-phong"] }), 1),
        (json!({ "audience": ["WOMEN"] }), 1),
        (json!({ "audience": ["STUDENTS"] }), 1),
        (json!({ "audience": ["FARMERS"] }), 0),
        (json!({ "programme": s.programme }), 1),
    ] {
        let data = s.server.data(calls, json!({ "f": filter })).await;
        assert_eq!(
            data["calls"]["nodes"].as_array().unwrap().len(),
            want,
            "{filter}: {data:#}"
        );
    }
    let data = s
        .server
        .data(
            "query($id: ID!) { node(id: $id) { ... on Programme { name calls { title rules { maxYearsSinceRegistration sectors { slug } provinces { slug } } } } } }",
            json!({ "id": s.programme }),
        )
        .await;
    let rules = &data["node"]["calls"][0]["rules"];
    assert_eq!(rules["maxYearsSinceRegistration"], 5, "{data:#}");
    assert_eq!(rules["sectors"], json!([{ "slug": "agritech" }]));
    assert_eq!(rules["provinces"], json!([{ "slug": "can-tho" }]));
}

async fn support_is_recorded_by_cohorts_and_by_hand_and_shown_to_those_allowed(store: Store) {
    let s = setup(store, None).await;
    let (token, startup) = founder(&s.server, "lan@example.vn", json!({})).await;
    let payload = apply(&s.server, &token, &s.call, &startup, json!(["x", "y"])).await;
    let id = payload["application"]["id"].as_str().unwrap().to_string();
    moved(&s.server, &token, &id, "SUBMITTED").await;
    moved(&s.server, &s.manager, &id, "SHORTLISTED").await;
    moved(&s.server, &s.manager, &id, "ACCEPTED").await;

    // The place in the cohort is support received, of the programme's kind.
    let received = "query($s: ID!) { node(id: $s) { ... on Startup { supportReceived { kind origin givenOn programme { slug } } programmes { programme { name } call { title } } } } }";
    let data = s
        .server
        .gql_as(Some(&token), received, json!({ "s": startup }))
        .await;
    let node = &data["data"]["node"];
    assert_eq!(
        node["supportReceived"].as_array().unwrap().len(),
        1,
        "{data:#}"
    );
    assert_eq!(node["supportReceived"][0]["kind"], "INCUBATION", "{data:#}");
    assert_eq!(node["supportReceived"][0]["origin"], "ACCEPTANCE");
    assert_eq!(
        node["supportReceived"][0]["givenOn"], "2026-12-01",
        "the tests' day"
    );
    assert_eq!(
        node["programmes"][0]["programme"]["name"], "Ươm tạo Mekong 2026",
        "{data:#}"
    );
    let investor = s.server.sign_up("dautu@example.vn", "INVESTOR").await;
    let body = s
        .server
        .gql_as(Some(&investor), received, json!({ "s": startup }))
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body:#}");

    // Recorded by hand: the programme's manager, not a stranger.
    let record = "mutation($input: RecordSupportInput!) { recordSupport(input: $input) { supportRecord { slug kind valueVnd } userErrors { field code } } }";
    let input = json!({ "input": { "startup": startup, "programme": s.programme, "kind": "GRANT",
                                   "valueVnd": "50000000", "budgetSource": "STATE", "givenOn": "2026-11-20" } });
    let body = s
        .server
        .gql_as(Some(&investor), record, input.clone())
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body:#}");
    let body = s.server.gql_as(Some(&s.manager), record, input).await;
    let r = &body["data"]["recordSupport"];
    assert_eq!(r["supportRecord"]["valueVnd"], "50000000", "{body:#}");
    assert!(
        r["supportRecord"]["slug"]
            .as_str()
            .unwrap()
            .starts_with("grant-"),
        "{body:#}"
    );
    let body = s
        .server
        .gql_as(
            Some(&s.manager),
            record,
            json!({ "input": { "programme": s.programme, "kind": "SPACE", "givenOn": "2026-11-20" } }),
        )
        .await;
    assert_eq!(
        body["data"]["recordSupport"]["userErrors"][0]["code"], "REQUIRED",
        "no recipient: {body:#}"
    );

    // Lists: the manager their programme's, the operator everything.
    let list = "query($f: SupportRecordFilter) { supportRecords(filter: $f) { totalCount nodes { kind givenOn } } }";
    let mine = json!({ "f": { "programme": s.programme } });
    let data = s.server.gql_as(Some(&s.manager), list, mine.clone()).await;
    assert_eq!(data["data"]["supportRecords"]["totalCount"], 2, "{data:#}");
    let kinds: Vec<&str> = (data["data"]["supportRecords"]["nodes"]
        .as_array()
        .unwrap()
        .iter())
    .map(|n| n["kind"].as_str().unwrap())
    .collect();
    assert_eq!(kinds, ["INCUBATION", "GRANT"], "newest first: {data:#}");
    let body = s.server.gql_as(Some(&s.manager), list, json!({})).await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body:#}");
    let body = s.server.gql_as(Some(&investor), list, mine).await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body:#}");
    let data = s
        .server
        .data(list, json!({ "f": { "kinds": ["SPACE", "LEGAL_IP"] } }))
        .await;
    assert_eq!(
        data["supportRecords"]["totalCount"], 2,
        "the sample's: {data:#}"
    );
}

async fn trainings_count_trainee_times_people_and_enterprises(store: Store) {
    let s = setup(store, None).await;
    let (token, startup) = founder(&s.server, "hoa@example.vn", json!({})).await;
    let class = |title: &str, day: &str| json!({ "programme": s.programme, "title": title, "heldOn": day, "province": "can-tho", "hours": 3 });
    let first = s
        .server
        .create(
            &s.manager,
            "TrainingClass",
            class("Tư duy khởi nghiệp", "2026-11-10"),
        )
        .await;
    let second = s
        .server
        .create(&s.manager, "TrainingClass", class("Gọi vốn", "2026-11-17"))
        .await;
    let record = "mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { trainingClass { title } userErrors { field code message } } }";
    let attend =
        |class: &str, people: Value| json!({ "input": { "class": class, "attendees": people } });
    let lan = json!({ "person": "Nguyễn Thị Lan", "organization": "HTX Phong Điền", "gender": "FEMALE", "group": "FARMERS" });
    let people = json!([
        lan,
        // The same person typed another way: updated, not counted twice.
        { "person": "nguyen thi  lan", "organization": "htx phong dien", "gender": "FEMALE" },
        { "person": "Trần Văn Bình", "gender": "MALE", "startup": startup },
    ]);
    let body = s
        .server
        .gql_as(Some(&s.manager), record, attend(&first, people))
        .await;
    assert_eq!(
        body["data"]["recordAttendance"]["userErrors"],
        json!([]),
        "{body:#}"
    );
    let body = s
        .server
        .gql_as(Some(&s.manager), record, attend(&second, json!([lan])))
        .await;
    assert_eq!(
        body["data"]["recordAttendance"]["userErrors"],
        json!([]),
        "{body:#}"
    );
    // Strangers may not record; a blank name is refused, nothing written.
    let body = s
        .server
        .gql_as(
            Some(&token),
            record,
            attend(&second, json!([{ "person": "X" }])),
        )
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body:#}");
    let body = s
        .server
        .gql_as(
            Some(&s.manager),
            record,
            attend(&second, json!([{ "person": "Y" }, { "person": " " }])),
        )
        .await;
    let errors = &body["data"]["recordAttendance"]["userErrors"];
    assert_eq!(errors[0]["code"], "REQUIRED", "{body:#}");
    assert!(
        errors[0]["message"]
            .as_str()
            .unwrap()
            .contains("attendee 2"),
        "{body:#}"
    );

    // The totals are public; the names are the managers'.
    let q = "query($p: ID!) { node(id: $p) { ... on Programme { trainingTotals { classes traineeTimes people enterprises womenTimes } classes { title attendance { person } } } } }";
    let investor = s.server.sign_up("nha-dau-tu@example.vn", "INVESTOR").await;
    let body = s
        .server
        .gql_as(Some(&investor), q, json!({ "p": s.programme }))
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body:#}");
    let totals = "query($p: ID!) { node(id: $p) { ... on Programme { trainingTotals { classes traineeTimes people enterprises womenTimes } } } }";
    let body = s
        .server
        .gql_as(Some(&investor), totals, json!({ "p": s.programme }))
        .await;
    assert_eq!(
        body["data"]["node"]["trainingTotals"],
        json!({ "classes": 2, "traineeTimes": 3, "people": 2, "enterprises": 2, "womenTimes": 2 }),
        "{body:#}"
    );
    let data = s
        .server
        .gql_as(Some(&s.manager), q, json!({ "p": s.programme }))
        .await;
    let first_list = &data["data"]["node"]["classes"][0]["attendance"];
    assert_eq!(first_list.as_array().unwrap().len(), 2, "{data:#}");
    assert_eq!(
        first_list[0]["person"], "nguyen thi  lan",
        "the later spelling stands: {data:#}"
    );

    // Bình's attendance is training support his startup received.
    let received = "query($s: ID!) { node(id: $s) { ... on Startup { supportReceived { kind origin givenOn } } } }";
    let data = s
        .server
        .gql_as(Some(&token), received, json!({ "s": startup }))
        .await;
    assert_eq!(
        data["data"]["node"]["supportReceived"],
        json!([{ "kind": "TRAINING", "origin": "ATTENDANCE", "givenOn": "2026-11-10" }]),
        "{data:#}"
    );
}

async fn imported_acceptance_and_attendance_are_support_received(store: Store) {
    load_sample(&store).await;
    let server = TestServer::start(store).await;
    let data = server
        .data(
            r#"{ startup(slug: "lua-xanh") { supportReceived { kind origin note } } programme(slug: "mekong-startup-runway-2026") { trainingTotals { traineeTimes enterprises womenTimes } } }"#,
            json!({}),
        )
        .await;
    let kinds: Vec<(&str, &str)> = (data["startup"]["supportReceived"]
        .as_array()
        .unwrap()
        .iter())
    .map(|r| (r["kind"].as_str().unwrap(), r["origin"].as_str().unwrap()))
    .collect();
    assert_eq!(
        kinds,
        [
            ("COMPETITION", "ACCEPTANCE"),
            ("LEGAL_IP", "MANUAL"),
            ("TRAINING", "ATTENDANCE")
        ],
        "newest first: {data:#}"
    );
    assert_eq!(
        data["programme"]["trainingTotals"],
        json!({ "traineeTimes": 2, "enterprises": 2, "womenTimes": 1 })
    );
}

async fn reviewers_score_what_they_are_given_and_see_others_after_the_decision(store: Store) {
    let s = setup(store, None).await;
    let (first, second) = {
        let mut ids = Vec::new();
        for email in ["an@example.vn", "bao@example.vn"] {
            let (token, startup) = founder(&s.server, email, json!({})).await;
            let payload = apply(&s.server, &token, &s.call, &startup, json!(["x", "y"])).await;
            let id = payload["application"]["id"].as_str().unwrap().to_string();
            moved(&s.server, &token, &id, "SUBMITTED").await;
            ids.push((id, token));
        }
        (ids[0].clone(), ids[1].clone())
    };
    let r1 = s.server.sign_up("giamkhao1@example.vn", "MENTOR").await;
    let r2 = s.server.sign_up("giamkhao2@example.vn", "INVESTOR").await;
    let (r1_id, r2_id) = (user_id(&s.server, &r1).await, user_id(&s.server, &r2).await);
    let assign = "mutation($input: AssignReviewersInput!) { assignReviewers(input: $input) { userErrors { code } } }";
    let give = |app: &str, who: Value| json!({ "input": { "application": app, "reviewers": who } });
    let body = s
        .server
        .gql_as(Some(&r1), assign, give(&first.0, json!([r1_id])))
        .await;
    assert_eq!(
        body["data"]["assignReviewers"]["userErrors"][0]["code"], "UNKNOWN_REFERENCE",
        "to a stranger an application does not exist: {body:#}"
    );
    for (app, who) in [
        (&first.0, json!([r1_id, r2_id])),
        (&second.0, json!([r1_id])),
    ] {
        let body = s
            .server
            .gql_as(Some(&s.manager), assign, give(app, who))
            .await;
        assert_eq!(
            body["data"]["assignReviewers"]["userErrors"],
            json!([]),
            "{body:#}"
        );
    }
    let body = s
        .server
        .gql_as(Some(&r1), assign, give(&first.0, json!([r1_id])))
        .await;
    assert_eq!(
        error_code(&body),
        "FORBIDDEN",
        "reviewers do not pick reviewers: {body:#}"
    );
    let mine = "{ viewer { applicationsToReview { id } } }";
    let data = s.server.gql_as(Some(&r2), mine, json!({})).await;
    assert_eq!(
        data["data"]["viewer"]["applicationsToReview"],
        json!([{ "id": first.0 }]),
        "{data:#}"
    );

    let score = "mutation($input: ScoreApplicationInput!) { scoreApplication(input: $input) { userErrors { field code message } } }";
    let points = |app: &str, p: Value| json!({ "input": { "application": app, "scores": p, "comment": "Tốt" } });
    let codes_of = |body: &Value| -> Vec<String> {
        (body["data"]["scoreApplication"]["userErrors"]
            .as_array()
            .unwrap()
            .iter())
        .map(|e| e["code"].as_str().unwrap().to_string())
        .collect()
    };
    let body = s
        .server
        .gql_as(Some(&r1), score, points(&first.0, json!([41, 10])))
        .await;
    assert_eq!(codes_of(&body), ["OUT_OF_RANGE"], "{body:#}");
    let body = s
        .server
        .gql_as(Some(&r1), score, points(&first.0, json!([10])))
        .await;
    assert_eq!(codes_of(&body), ["INVALID"], "{body:#}");
    let body = s
        .server
        .gql_as(Some(&r2), score, points(&second.0, json!([10, 10])))
        .await;
    assert_eq!(
        codes_of(&body),
        ["UNKNOWN_REFERENCE"],
        "not given to r2: {body:#}"
    );
    for (who, p) in [(&r1, json!([30, 50])), (&r2, json!([20, 40]))] {
        let body = s.server.gql_as(Some(who), score, points(&first.0, p)).await;
        assert_eq!(codes_of(&body), Vec::<String>::new(), "{body:#}");
    }
    let body = s
        .server
        .gql_as(Some(&r1), score, points(&second.0, json!([10, 5])))
        .await;
    assert_eq!(codes_of(&body), Vec::<String>::new(), "{body:#}");

    // Before the decision a reviewer sees their own scores only; the
    // applicant none.
    let reviews = "{ viewer { applicationsToReview { id reviews { total reviewer { email } scores { criterion points } } } } }";
    let data = s.server.gql_as(Some(&r1), reviews, json!({})).await;
    let a = &data["data"]["viewer"]["applicationsToReview"][0];
    assert_eq!(a["reviews"].as_array().unwrap().len(), 1, "{data:#}");
    assert_eq!(a["reviews"][0]["total"], 80, "{data:#}");
    assert_eq!(
        a["reviews"][0]["scores"][0],
        json!({ "criterion": "Tính mới, sáng tạo", "points": 30 })
    );
    let own =
        "query($s: ID!) { node(id: $s) { ... on Startup { applications { reviews { total } } } } }";
    let startup = s
        .server
        .gql_as(Some(&first.1), "{ viewer { startups { id } } }", json!({}))
        .await;
    let startup = startup["data"]["viewer"]["startups"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let data = s
        .server
        .gql_as(Some(&first.1), own, json!({ "s": startup }))
        .await;
    assert_eq!(
        data["data"]["node"]["applications"][0]["reviews"],
        json!([]),
        "{data:#}"
    );

    // The ranking, by average total.
    let ranking = "query($c: ID!) { call(id: $c) { ranking { rank averageScore scoredBy application { id } } } }";
    let data = s
        .server
        .gql_as(Some(&s.manager), ranking, json!({ "c": s.call }))
        .await;
    assert_eq!(
        data["data"]["call"]["ranking"],
        json!([
            { "rank": 1, "averageScore": 70.0, "scoredBy": 2, "application": { "id": first.0 } },
            { "rank": 2, "averageScore": 15.0, "scoredBy": 1, "application": { "id": second.0 } },
        ]),
        "{data:#}"
    );
    let body = s
        .server
        .gql_as(Some(&r1), ranking, json!({ "c": s.call }))
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body:#}");

    // After the decision: everyone's scores, and no more scoring.
    moved(&s.server, &s.manager, &first.0, "SHORTLISTED").await;
    moved(&s.server, &s.manager, &first.0, "ACCEPTED").await;
    let data = s.server.gql_as(Some(&r1), reviews, json!({})).await;
    let a = &data["data"]["viewer"]["applicationsToReview"][0];
    assert_eq!(a["reviews"].as_array().unwrap().len(), 2, "{data:#}");
    let body = s
        .server
        .gql_as(Some(&r1), score, points(&first.0, json!([1, 1])))
        .await;
    assert_eq!(codes_of(&body), ["NOT_ALLOWED"], "{body:#}");
}

/// A startup accepted into the setup's call; `(founder's token, startup)`.
async fn accepted(s: &Setup, email: &str) -> (String, String) {
    let (token, startup) = founder(&s.server, email, json!({})).await;
    let payload = apply(&s.server, &token, &s.call, &startup, json!(["x", "y"])).await;
    let id = payload["application"]["id"].as_str().unwrap().to_string();
    moved(&s.server, &token, &id, "SUBMITTED").await;
    moved(&s.server, &s.manager, &id, "SHORTLISTED").await;
    moved(&s.server, &s.manager, &id, "ACCEPTED").await;
    (token, startup)
}

async fn mentors_are_confirmed_for_a_cohort_within_their_places(store: Store) {
    let s = setup(store, None).await;
    let (a_token, a) = accepted(&s, "a@example.vn").await;
    let (_, b) = accepted(&s, "b@example.vn").await;
    let (_, c) = accepted(&s, "c@example.vn").await;
    let (_, outsider) = founder(&s.server, "d@example.vn", json!({})).await;
    let minh = id_of(&s.server, r#"{ mentor(slug: "le-van-minh") { id } }"#).await;
    let lan = id_of(&s.server, r#"{ mentor(slug: "tran-thi-lan") { id } }"#).await;
    let confirm = "mutation($input: ConfirmMentorshipsInput!) { confirmMentorships(input: $input) { confirmed mentorships { startup { id } mentor { slug } } userErrors { field code message } } }";
    let pairs = |list: &[(&str, &str)]| {
        let pairs: Vec<Value> = list
            .iter()
            .map(|(s, m)| json!({ "startup": s, "mentor": m }))
            .collect();
        json!({ "input": { "call": s.call, "pairs": pairs } })
    };
    let body = s
        .server
        .gql_as(Some(&a_token), confirm, pairs(&[(&a, &minh)]))
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body:#}");

    // Lê Văn Minh mentors at most 2 startups.
    let body = s
        .server
        .gql_as(
            Some(&s.manager),
            confirm,
            pairs(&[(&a, &minh), (&b, &minh)]),
        )
        .await;
    let r = &body["data"]["confirmMentorships"];
    assert_eq!(r["confirmed"], 2, "{body:#}");
    assert_eq!(r["mentorships"].as_array().unwrap().len(), 2, "{body:#}");
    let body = s
        .server
        .gql_as(Some(&s.manager), confirm, pairs(&[(&c, &lan), (&c, &minh)]))
        .await;
    let r = &body["data"]["confirmMentorships"];
    assert_eq!(r["userErrors"][0]["code"], "FULL", "{body:#}");
    assert!(
        r["userErrors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("Lê Văn Minh"),
        "{body:#}"
    );
    let body = s
        .server
        .gql_as(Some(&s.manager), confirm, pairs(&[(&outsider, &lan)]))
        .await;
    assert_eq!(
        body["data"]["confirmMentorships"]["userErrors"][0]["code"], "INVALID",
        "{body:#}"
    );
    // Confirming again adds nothing.
    let body = s
        .server
        .gql_as(Some(&s.manager), confirm, pairs(&[(&a, &minh), (&c, &lan)]))
        .await;
    assert_eq!(
        body["data"]["confirmMentorships"]["confirmed"], 1,
        "{body:#}"
    );

    // The same new pair confirmed twice at once: one mentorship.
    let (_, e) = accepted(&s, "f@example.vn").await;
    let twice = pairs(&[(&e, &lan)]);
    let (x, y) = tokio::join!(
        s.server.gql_as(Some(&s.manager), confirm, twice.clone()),
        s.server.gql(confirm, twice.clone()),
    );
    let confirmed = |b: &Value| {
        b["data"]["confirmMentorships"]["confirmed"]
            .as_i64()
            .unwrap()
    };
    assert_eq!(confirmed(&x) + confirmed(&y), 1, "{x:#} {y:#}");
    let data = s
        .server
        .data("query($e: ID!) { node(id: $e) { ... on Startup { mentorships { mentor { slug } } } } }", json!({ "e": e }))
        .await;
    assert_eq!(
        data["node"]["mentorships"].as_array().unwrap().len(),
        1,
        "{data:#}"
    );

    // Both profiles show it; the startup received mentoring; the mentor's
    // places are taken (an introduction to them is refused).
    let data = s
        .server
        .data(
            r#"query($a: ID!) { mentor(slug: "le-van-minh") { mentorships { startup { id } call { title } } }
                node(id: $a) { ... on Startup { mentorships { mentor { slug } } supportReceived { kind } } } }"#,
            json!({ "a": a }),
        )
        .await;
    assert_eq!(
        data["mentor"]["mentorships"].as_array().unwrap().len(),
        2,
        "{data:#}"
    );
    assert_eq!(
        data["node"]["mentorships"],
        json!([{ "mentor": { "slug": "le-van-minh" } }])
    );
    let kinds: Vec<&str> = (data["node"]["supportReceived"].as_array().unwrap().iter())
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"MENTORING") && kinds.contains(&"INCUBATION"),
        "{data:#}"
    );
    let (d_token, d) = founder(&s.server, "e@example.vn", json!({})).await;
    let ask = "mutation($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { introduction { id } } }";
    let body = s
        .server
        .gql_as(
            Some(&d_token),
            ask,
            json!({ "input": { "from": d, "to": minh, "message": "Xin chào" } }),
        )
        .await;
    let intro = body["data"]["requestIntroduction"]["introduction"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let body = s
        .server
        .gql(
            "mutation($input: IntroductionInput!) { acceptIntroduction(input: $input) { userErrors { code } } }",
            json!({ "input": { "id": intro } }),
        )
        .await;
    assert_eq!(
        body["data"]["acceptIntroduction"]["userErrors"][0]["code"], "OUT_OF_RANGE",
        "the cohort's mentorships fill Minh's places: {body:#}"
    );
}

async fn open_calls_a_startup_may_apply_to_are_recommended_best_fit_first(store: Store) {
    let s = setup(store, None).await;
    let admin = s.server.admin_token.clone();
    let open = |programme: &str, title: &str, rules: Value| {
        json!({ "programme": programme, "title": title, "opensAt": "2026-11-15T08:00:00+07:00",
                "closesAt": "2026-12-15T17:00:00+07:00", "rules": rules })
    };
    // A programme open to all, and one for fintech only.
    let general = s
        .server
        .create(
            &admin,
            "Programme",
            json!({ "name": "Tăng tốc quốc gia", "kind": "ACCELERATION" }),
        )
        .await;
    let general_call = s
        .server
        .create(&admin, "Call", open(&general, "Đợt mở rộng", json!({})))
        .await;
    let fintech = s
        .server
        .create(
            &admin,
            "Programme",
            json!({ "name": "Fintech Lab", "kind": "ACCELERATION", "sectors": ["fintech"] }),
        )
        .await;
    s.server
        .create(
            &admin,
            "Call",
            open(&fintech, "Fintech đợt 1", json!({ "sectors": ["fintech"] })),
        )
        .await;
    let (token, startup) = founder(
        &s.server,
        "my@example.vn",
        json!({ "tags": ["WOMEN_LED"], "needs": ["FUNDRAISING"] }),
    )
    .await;
    let q = "query($s: ID!) { node(id: $s) { ... on Startup { recommendedCalls(lang: EN) { call { id } score reasons { factor score explanation } } } } }";
    let data = s
        .server
        .gql_as(Some(&token), q, json!({ "s": startup }))
        .await;
    let list = data["data"]["node"]["recommendedCalls"]
        .as_array()
        .unwrap()
        .clone();
    let calls: Vec<&str> = list
        .iter()
        .map(|m| m["call"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        calls,
        [s.call.as_str(), general_call.as_str()],
        "the closed and the ineligible left out: {data:#}"
    );
    assert!(
        list[0]["score"].as_f64() > list[1]["score"].as_f64(),
        "{data:#}"
    );
    let sector = &list[0]["reasons"][0];
    assert_eq!(sector["factor"], "SECTOR");
    assert!(
        sector["explanation"].as_str().unwrap().contains("Agritech"),
        "{data:#}"
    );
    let group = list[0]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["factor"] == "GROUP")
        .unwrap();
    assert!(
        group["explanation"].as_str().unwrap().contains("women-led"),
        "{data:#}"
    );
    let investor = s.server.sign_up("nha-dau-tu@example.vn", "INVESTOR").await;
    let body = s
        .server
        .gql_as(Some(&investor), q, json!({ "s": startup }))
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body:#}");
    // Applied to: no longer recommended.
    apply(&s.server, &token, &s.call, &startup, json!([])).await;
    let data = s
        .server
        .gql_as(Some(&token), q, json!({ "s": startup }))
        .await;
    assert_eq!(
        data["data"]["node"]["recommendedCalls"]
            .as_array()
            .unwrap()
            .len(),
        1,
        "{data:#}"
    );
}

/// A workbook with the given sheets of text rows (headers first).
fn workbook(sheets: &[(&str, Vec<Vec<&str>>)]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                if !value.is_empty() {
                    sheet.write_string(r as u32, c as u16, *value).unwrap();
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

async fn filled_spreadsheets_import_all_or_nothing_and_errors_name_the_cell(store: Store) {
    load_sample(&store).await;
    let today = common::test_today();
    let attendance_headers = vec![
        "Mã lớp học *",
        "Họ và tên *",
        "Đơn vị",
        "Giới tính",
        "Nhóm đối tượng",
        "Mã startup",
    ];
    let support_headers = vec![
        "Mã hỗ trợ *",
        "Tên dự án, doanh nghiệp",
        "Loại hỗ trợ *",
        "Giá trị (đồng)",
        "Nguồn kinh phí",
        "Ngày hỗ trợ *",
    ];
    let good = workbook(&[
        (
            "Điểm danh",
            vec![
                attendance_headers.clone(),
                vec![
                    "ky-nang-goi-von-2026",
                    "Trần Thị Bích",
                    "HTX Phong Điền",
                    "Nữ",
                    "Nông dân",
                    "",
                ],
                vec![
                    "ky-nang-goi-von-2026",
                    "Lê Văn Cường",
                    "Lúa Xanh",
                    "nam",
                    "",
                    "lua-xanh",
                ],
            ],
        ),
        (
            "Hỗ trợ",
            vec![
                support_headers.clone(),
                vec![
                    "ho-tro-htx-binh",
                    "HTX Phong Điền",
                    "Hỗ trợ kinh phí",
                    "20.000.000",
                    "Ngân sách nhà nước",
                    "15/09/2026",
                ],
            ],
        ),
    ]);
    let counts = ketnoi::spreadsheet::import(&store, &good, "diem-danh.xlsx", None, today)
        .await
        .expect("a good workbook");
    assert_eq!(
        (counts.get("attendance"), counts.get("support")),
        (2, 1),
        "{counts}"
    );

    // A bad reference in the last row: nothing of the workbook is written.
    let bad = workbook(&[
        (
            "Hỗ trợ",
            vec![
                support_headers.clone(),
                vec!["ho-tro-moi", "HTX Mới", "Khác", "", "", "2026-10-01"],
            ],
        ),
        (
            "Điểm danh",
            vec![
                attendance_headers.clone(),
                vec!["ky-nang-goi-von-2026", "Phạm Thị Dung", "", "Nữ", "", ""],
                vec!["lop-khong-co", "Võ Văn Em", "", "Nam", "", ""],
            ],
        ),
    ]);
    let err = ketnoi::spreadsheet::import(&store, &bad, "sai.xlsx", None, today)
        .await
        .expect_err("an unknown class");
    assert_eq!(
        err.to_string(),
        "sheet `Điểm danh`, row 3, column A (Mã lớp học): there is no training class with key `lop-khong-co`"
    );
    // A value outside the list names its cell too.
    let wrong = workbook(&[(
        "Điểm danh",
        vec![
            attendance_headers,
            vec!["ky-nang-goi-von-2026", "An", "", "Nữ sinh", "", ""],
        ],
    )]);
    let err = ketnoi::spreadsheet::import(&store, &wrong, "sai.xlsx", None, today)
        .await
        .expect_err("a gender outside the list");
    assert!(
        err.to_string().starts_with(
            "sheet `Điểm danh`, row 2, column D (Giới tính): `Nữ sinh` is not one of: Nữ, Nam, Khác"
        ),
        "{err}"
    );

    // A CSV saved by Excel: a byte-order mark and semicolons.
    let csv = "\u{feff}Mã hỗ trợ;Tên dự án, doanh nghiệp;Loại hỗ trợ;Ngày hỗ trợ\nho-tro-csv;Tổ hợp tác Mỹ Khánh;Truyền thông;01/11/2026\n";
    let counts =
        ketnoi::spreadsheet::import(&store, csv.as_bytes(), "ho-tro.csv", Some("support"), today)
            .await
            .expect("a CSV");
    assert_eq!(counts.get("support"), 1);

    let server = TestServer::start(store).await;
    let data = server
        .data(
            r#"{ programme(slug: "mekong-startup-runway-2026") { trainingTotals { traineeTimes } }
                supportRecords(filter: { kinds: [GRANT, OTHER, MEDIA] }) { nodes { slug valueVnd givenOn } } }"#,
            json!({}),
        )
        .await;
    assert_eq!(
        data["programme"]["trainingTotals"]["traineeTimes"], 4,
        "{data:#}"
    );
    let slugs: Vec<&str> = (data["supportRecords"]["nodes"].as_array().unwrap().iter())
        .map(|n| n["slug"].as_str().unwrap())
        .collect();
    assert_eq!(
        slugs,
        ["ho-tro-csv", "ho-tro-htx-binh"],
        "the bad workbook wrote nothing: {data:#}"
    );
    assert_eq!(data["supportRecords"]["nodes"][1]["valueVnd"], "20000000");

    // The template, served to fill in: its sheets read back empty.
    let response = server
        .get("/templates/attendance.xlsx")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let bytes = response.bytes().await.unwrap();
    let empty = ketnoi::spreadsheet::read_xlsx(&bytes).expect("the template reads back");
    assert!(empty.lines.is_empty());
    let response = server.get("/templates/nothing.xlsx").send().await.unwrap();
    assert_eq!(response.status(), 404);

    // Uploaded over HTTP by the operator; refused to others; a bad cell
    // is a 400 that names it.
    let client = reqwest::Client::new();
    let upload = |token: Option<String>, file: &str, bytes: Vec<u8>| {
        let mut request = client
            .post(format!("{}/import?file={file}&type=support", server.url))
            .body(bytes);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send()
    };
    let good = "Mã hỗ trợ;Tên dự án, doanh nghiệp;Loại hỗ trợ;Ngày hỗ trợ\nho-tro-http;HTX Long Tuyền;Kết nối thị trường;2026-11-02\n";
    let response = upload(None, "a.csv", good.into()).await.unwrap();
    assert_eq!(response.status(), 401);
    let founder = server.sign_up("sv@example.vn", "STARTUP").await;
    let response = upload(Some(founder), "a.csv", good.into()).await.unwrap();
    assert_eq!(response.status(), 403);
    let response = upload(Some(server.admin_token.clone()), "a.csv", good.into())
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["imported"], json!({ "support": 1 }), "{body:#}");
    let bad = "Mã hỗ trợ;Tên dự án, doanh nghiệp;Loại hỗ trợ;Ngày hỗ trợ\nho-tro-sai;HTX;Kết nối;2026-11-02\n";
    let response = upload(Some(server.admin_token.clone()), "b.csv", bad.into())
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let body: Value = response.json().await.unwrap();
    let e = &body["errors"][0]["extensions"];
    assert_eq!(
        (e["row"].as_i64(), e["column"].as_str()),
        (Some(2), Some("C")),
        "{body:#}"
    );
}

/// The statuses of the viewer's applications.
async fn viewer_applications(server: &TestServer, token: &str) -> Vec<String> {
    let data = server
        .gql_as(
            Some(token),
            "{ viewer { applications { status } } }",
            json!({}),
        )
        .await;
    (data["data"]["viewer"]["applications"].as_array())
        .unwrap_or_else(|| panic!("{data:#}"))
        .iter()
        .map(|a| a["status"].as_str().unwrap().to_string())
        .collect()
}

async fn programmes_are_found_by_search_with_or_without_diacritics(store: Store) {
    let s = setup(store, None).await;
    let find = "query($q: String!) { search(query: $q, types: [PROGRAMME]) { totalCount edges { node { __typename ... on Programme { slug } } } } }";
    // The index follows the database within moments.
    let started = std::time::Instant::now();
    for q in [
        "Ươm tạo Mekong",
        "uom tao mekong",
        "Mekong Startup Runway",
        "chương trình Cần Thơ",
    ] {
        loop {
            let data = s.server.data(find, json!({ "q": q })).await;
            let slugs: Vec<&str> = (data["search"]["edges"].as_array().unwrap().iter())
                .map(|e| e["node"]["slug"].as_str().unwrap_or_default())
                .collect();
            let want = if q.contains("Runway") {
                "mekong-startup-runway-2026"
            } else {
                "uom-tao-mekong-2026"
            };
            if slugs.first() == Some(&want) {
                break;
            }
            assert!(started.elapsed().as_secs() < 10, "{q}: {data:#}");
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }
    // Deleted: gone from the index.
    let body = s
        .server
        .gql(
            "mutation($input: DeleteInput!) { deleteProgramme(input: $input) { userErrors { code } } }",
            json!({ "input": { "id": s.programme } }),
        )
        .await;
    assert_eq!(
        body["data"]["deleteProgramme"]["userErrors"],
        json!([]),
        "{body:#}"
    );
    loop {
        let data = s.server.data(find, json!({ "q": "uom tao mekong" })).await;
        let hit = (data["search"]["edges"].as_array().unwrap().iter())
            .any(|e| e["node"]["slug"] == "uom-tao-mekong-2026");
        if !hit {
            break;
        }
        assert!(started.elapsed().as_secs() < 20, "{data:#}");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}
