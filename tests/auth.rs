//! Accounts and permissions over HTTP, on SQLite and on PostgreSQL: who may
//! call each mutation, who sees each private field (directly and through
//! `node`/`nodes`), tokens that expire and are revoked, and sign-in
//! throttling.

mod common;

use common::{ADMIN_EMAIL, ADMIN_PASSWORD, TestServer, load_sample};
use ketnoi::auth::AuthConfig;
use ketnoi::http::HttpConfig;
use ketnoi::store::Store;
use serde_json::{Value, json};

both_databases!(
    every_mutation_checks_who_calls_it,
    programme_work_checks_who_calls_it,
    private_fields_show_only_to_those_allowed,
    sign_up_sign_in_and_sign_out,
    tokens_expire,
    sign_in_is_throttled_per_account_and_per_address,
    investor_and_mentor_users_have_one_profile,
    the_operator_assigns_owners,
    a_sign_out_ends_the_rest_of_its_batch,
    sign_up_refuses_look_alikes_of_an_existing_address,
);

/// Regression: operations later in a batch still ran as the user after a
/// `signOut` earlier in the same batch.
async fn a_sign_out_ends_the_rest_of_its_batch(store: Store) {
    let server = TestServer::start(store).await;
    let token = server.sign_up("batch@example.vn", "STARTUP").await;
    let response = server
        .client
        .post(format!("{}/graphql", server.url))
        .bearer_auth(&token)
        .json(&json!([
            { "query": "{ viewer { email } }" },
            { "query": "mutation { signOut { revoked } }" },
            { "query": "{ viewer { email } }" },
            { "query": "mutation { createStartup(input: { name: \"Sau khi thoát\", stage: IDEA }) { startup { id } } }" }
        ]))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 200);
    let answers: Value = response.json().await.expect("JSON");
    assert_eq!(answers[0]["data"]["viewer"]["email"], "batch@example.vn");
    assert_eq!(answers[1]["data"]["signOut"]["revoked"], json!(true));
    for later in [&answers[2], &answers[3]] {
        assert_eq!(
            later["errors"][0]["extensions"]["code"], "UNAUTHENTICATED",
            "{later:#}"
        );
        assert!(later.get("data").is_none_or(Value::is_null), "{later:#}");
    }
    let startups = server
        .gql("{ startups(first: 10) { nodes { name } } }", json!({}))
        .await;
    assert!(
        !startups.to_string().contains("Sau khi thoát"),
        "{startups:#}"
    );
}

/// Regression: sign-up took look-alikes of an existing address (full-width
/// letters, a Cyrillic letter, a zero-width space) as new accounts.
async fn sign_up_refuses_look_alikes_of_an_existing_address(store: Store) {
    let server = TestServer::start(store).await;
    server.sign_up("lan@example.vn", "STARTUP").await;
    let sign_up = "mutation($input: SignUpInput!) { signUp(input: $input) { token userErrors { field code message } } }";
    for (lookalike, code) in [
        ("ｌａｎ@example.vn", "TAKEN"),
        ("LAN@EXAMPLE.VN", "TAKEN"),
        ("l\u{0430}n@example.vn", "INVALID"),
        ("la\u{200B}n@example.vn", "INVALID"),
        ("\u{FEFF}lan@example.vn", "INVALID"),
    ] {
        let body = server
            .gql_as(
                None,
                sign_up,
                json!({ "input": { "email": lookalike, "password": "mot-mat-khau-dai", "role": "STARTUP" } }),
            )
            .await;
        let errors = &body["data"]["signUp"]["userErrors"];
        assert_eq!(
            body["data"]["signUp"]["token"],
            Value::Null,
            "{lookalike:?}: {body:#}"
        );
        assert_eq!(errors[0]["field"], "email", "{lookalike:?}: {body:#}");
        assert_eq!(errors[0]["code"], code, "{lookalike:?}: {body:#}");
    }
    // The full-width spelling signs in to the same account.
    let body = server
        .gql_as(
            None,
            "mutation($input: SignInInput!) { signIn(input: $input) { token } }",
            json!({ "input": { "email": "ｌａｎ@example.vn", "password": "mot-mat-khau-dai" } }),
        )
        .await;
    assert!(body["data"]["signIn"]["token"].is_string(), "{body:#}");
}

/// Who sends a request in the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Actor {
    Anonymous,
    /// The owner of the target (a user of the fitting role).
    Owner,
    /// Another user of the owner's role.
    Stranger,
    StartupUser,
    InvestorUser,
    MentorUser,
    Admin,
}

/// What a call must end in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Allowed,
    Unauthenticated,
    Forbidden,
    /// Refused as if the object did not exist (`UNKNOWN_REFERENCE`).
    Hidden,
}

use Actor::*;
use Expect::*;

/// A create mutation, its input, and what each actor gets.
type Creation = (&'static str, Value, [(Actor, Expect); 5]);

/// Runs a mutation (`name(input: $input) { userErrors { code } }`) and
/// returns `Allowed`, the refusal code (`Hidden` for an unknown object), or
/// panics on anything else.
async fn call(server: &TestServer, token: Option<&str>, name: &str, input: Value) -> Expect {
    let input_type = if name.starts_with("delete") {
        "DeleteInput".to_string()
    } else {
        format!("{}{}Input", name[..1].to_uppercase(), &name[1..])
    };
    let doc = format!(
        "mutation($input: {input_type}!) {{ {name}(input: $input) {{ userErrors {{ field code message }} }} }}"
    );
    let body = server.gql_as(token, &doc, json!({ "input": input })).await;
    if let Some(errors) = body.get("errors") {
        return match errors[0]["extensions"]["code"].as_str() {
            Some("UNAUTHENTICATED") => Unauthenticated,
            Some("FORBIDDEN") => Forbidden,
            _ => panic!("{name}: unexpected error {body:#}"),
        };
    }
    let user_errors = &body["data"][name]["userErrors"];
    if user_errors[0]["code"] == "UNKNOWN_REFERENCE" && user_errors[1].is_null() {
        return Hidden;
    }
    assert_eq!(user_errors, &json!([]), "{name}: {body:#}");
    Allowed
}

/// The users of a test world, by role.
struct Users {
    founder: String,
    investor: String,
    mentor: String,
}

async fn users(server: &TestServer, tag: &str) -> Users {
    Users {
        founder: server
            .sign_up(&format!("founder-{tag}@example.vn"), "STARTUP")
            .await,
        investor: server
            .sign_up(&format!("investor-{tag}@example.vn"), "INVESTOR")
            .await,
        mentor: server
            .sign_up(&format!("mentor-{tag}@example.vn"), "MENTOR")
            .await,
    }
}

async fn user_id(server: &TestServer, token: &str) -> String {
    let body = server
        .gql_as(Some(token), "{ viewer { id } }", json!({}))
        .await;
    body["data"]["viewer"]["id"]
        .as_str()
        .expect("viewer id")
        .to_string()
}

async fn assign(server: &TestServer, profile: &str, user: &str) {
    let body = server
        .gql(
            "mutation($input: AssignOwnerInput!) { assignOwner(input: $input) { userErrors { message } } }",
            json!({ "input": { "profile": profile, "user": user } }),
        )
        .await;
    assert_eq!(
        body["data"]["assignOwner"]["userErrors"],
        json!([]),
        "{body:#}"
    );
}

/// The kinds of target a mutation acts on.
#[derive(Debug, Clone, Copy)]
enum Target {
    Startup,
    Investor,
    Mentor,
    /// An organisation delegated to a STARTUP user (its owner here).
    Organization,
    /// An event organised by an organisation delegated to its owner.
    Event,
    /// A programme run by an organisation delegated to its owner.
    Programme,
    /// A call of such a programme.
    Call,
}

/// A fresh target owned by a fresh user: `(owner token, target ID)`.
async fn target(server: &TestServer, kind: Target, n: usize) -> (String, String) {
    let email = format!("owner-{n}@example.vn");
    match kind {
        Target::Startup => {
            let owner = server.sign_up(&email, "STARTUP").await;
            let id = server
                .create(
                    &owner,
                    "Startup",
                    json!({ "name": format!("Startup {n}"), "stage": "IDEA" }),
                )
                .await;
            (owner, id)
        }
        Target::Investor => {
            let owner = server.sign_up(&email, "INVESTOR").await;
            let id = server
                .create(
                    &owner,
                    "Investor",
                    json!({ "name": format!("Investor {n}"), "kind": "ANGEL" }),
                )
                .await;
            (owner, id)
        }
        Target::Mentor => {
            let owner = server.sign_up(&email, "MENTOR").await;
            let id = server
                .create(&owner, "Mentor", json!({ "name": format!("Mentor {n}") }))
                .await;
            (owner, id)
        }
        Target::Organization | Target::Event | Target::Programme | Target::Call => {
            let owner = server.sign_up(&email, "STARTUP").await;
            let admin = server.admin_token.clone();
            let org = server
                .create(
                    &admin,
                    "Organization",
                    json!({ "name": format!("Vườn ươm {n}"), "kind": "INCUBATOR" }),
                )
                .await;
            assign(server, &org, &user_id(server, &owner).await).await;
            match kind {
                Target::Event => {
                    let event = server
                        .create(
                            &admin,
                            "Event",
                            json!({ "title": format!("Sự kiện {n}"), "kind": "WORKSHOP",
                                "startsAt": "2026-05-01T09:00:00+07:00", "organizer": org }),
                        )
                        .await;
                    (owner, event)
                }
                Target::Programme | Target::Call => {
                    let programme = server
                        .create(
                            &admin,
                            "Programme",
                            json!({ "name": format!("Chương trình {n}"), "kind": "ACCELERATION",
                                    "organization": org }),
                        )
                        .await;
                    if let Target::Programme = kind {
                        return (owner, programme);
                    }
                    let call = server
                        .create(
                            &admin,
                            "Call",
                            json!({ "programme": programme, "title": format!("Đợt {n}"),
                                    "opensAt": "2026-11-01T08:00:00+07:00",
                                    "closesAt": "2026-12-31T17:00:00+07:00" }),
                        )
                        .await;
                    (owner, call)
                }
                _ => (owner, org),
            }
        }
    }
}

/// Whether the object `id` still exists, and its name or title.
async fn name_of(server: &TestServer, id: &str) -> Option<String> {
    let body = server
        .gql(
            "query($id: ID!) { node(id: $id) { ... on Startup { name } ... on Investor { name } \
             ... on Mentor { name } ... on Organization { name } ... on Event { name: title } \
             ... on Programme { name } ... on Call { name: title } } }",
            json!({ "id": id }),
        )
        .await;
    body["data"]["node"]["name"].as_str().map(str::to_string)
}

async fn every_mutation_checks_who_calls_it(store: Store) {
    load_sample(&store).await;
    let server = TestServer::start(store).await;
    let others = users(&server, "others").await;
    let token = |actor: Actor, owner: &str, stranger: &str| -> Option<String> {
        match actor {
            Anonymous => None,
            Owner => Some(owner.to_string()),
            Stranger => Some(stranger.to_string()),
            StartupUser => Some(others.founder.clone()),
            InvestorUser => Some(others.investor.clone()),
            MentorUser => Some(others.mentor.clone()),
            Admin => Some(server.admin_token.clone()),
        }
    };
    let strangers = Users {
        founder: server.sign_up("stranger-s@example.vn", "STARTUP").await,
        investor: server.sign_up("stranger-i@example.vn", "INVESTOR").await,
        mentor: server.sign_up("stranger-m@example.vn", "MENTOR").await,
    };
    let stranger_of = |kind: Target| match kind {
        Target::Investor => strangers.investor.clone(),
        Target::Mentor => strangers.mentor.clone(),
        _ => strangers.founder.clone(),
    };

    // Creating: who may create what (no target).
    let creations: [Creation; 6] = [
        (
            "createProgramme",
            json!({ "name": "Chương trình mới", "kind": "IDEA_INCUBATION" }),
            [
                (Anonymous, Unauthenticated),
                (StartupUser, Forbidden),
                (InvestorUser, Forbidden),
                (MentorUser, Forbidden),
                (Admin, Allowed),
            ],
        ),
        (
            "createStartup",
            json!({ "name": "Mới", "stage": "IDEA" }),
            [
                (Anonymous, Unauthenticated),
                (StartupUser, Allowed),
                (InvestorUser, Forbidden),
                (MentorUser, Forbidden),
                (Admin, Allowed),
            ],
        ),
        (
            "createOrganization",
            json!({ "name": "Tổ chức mới", "kind": "COWORKING" }),
            [
                (Anonymous, Unauthenticated),
                (StartupUser, Forbidden),
                (InvestorUser, Forbidden),
                (MentorUser, Forbidden),
                (Admin, Allowed),
            ],
        ),
        (
            "createEvent",
            json!({ "title": "Hội thảo", "kind": "WORKSHOP", "startsAt": "2026-05-01T09:00:00+07:00" }),
            [
                (Anonymous, Unauthenticated),
                (StartupUser, Forbidden),
                (InvestorUser, Forbidden),
                (MentorUser, Forbidden),
                (Admin, Allowed),
            ],
        ),
        (
            "createInvestor",
            json!({ "name": "Quỹ mới", "kind": "ANGEL" }),
            [
                (Anonymous, Unauthenticated),
                (StartupUser, Forbidden),
                (MentorUser, Forbidden),
                (Admin, Allowed),
                (InvestorUser, Allowed),
            ],
        ),
        (
            "createMentor",
            json!({ "name": "Cố vấn mới" }),
            [
                (Anonymous, Unauthenticated),
                (StartupUser, Forbidden),
                (InvestorUser, Forbidden),
                (Admin, Allowed),
                (MentorUser, Allowed),
            ],
        ),
    ];
    for (name, input, cases) in creations {
        for (actor, expected) in cases {
            let t = token(actor, "", "");
            let got = call(&server, t.as_deref(), name, input.clone()).await;
            assert_eq!(got, expected, "{name} as {actor:?}");
        }
    }

    // Changing and deleting: the owner and the operator only; a refused
    // call changes nothing.
    let changes: [(&str, Target, Value); 14] = [
        (
            "updateProgramme",
            Target::Programme,
            json!({ "name": "Đổi tên" }),
        ),
        ("deleteProgramme", Target::Programme, json!({})),
        ("updateCall", Target::Call, json!({ "title": "Đổi tên" })),
        ("deleteCall", Target::Call, json!({})),
        (
            "updateStartup",
            Target::Startup,
            json!({ "name": "Đổi tên" }),
        ),
        ("deleteStartup", Target::Startup, json!({})),
        (
            "updateInvestor",
            Target::Investor,
            json!({ "name": "Đổi tên" }),
        ),
        ("deleteInvestor", Target::Investor, json!({})),
        ("updateMentor", Target::Mentor, json!({ "name": "Đổi tên" })),
        ("deleteMentor", Target::Mentor, json!({})),
        (
            "updateOrganization",
            Target::Organization,
            json!({ "name": "Đổi tên" }),
        ),
        ("deleteOrganization", Target::Organization, json!({})),
        ("updateEvent", Target::Event, json!({ "title": "Đổi tên" })),
        ("deleteEvent", Target::Event, json!({})),
    ];
    let mut n = 0;
    for (name, kind, mut input) in changes {
        for actor in [
            Anonymous,
            Stranger,
            StartupUser,
            InvestorUser,
            MentorUser,
            Owner,
            Admin,
        ] {
            n += 1;
            let (owner, id) = target(&server, kind, n).await;
            let before = name_of(&server, &id).await;
            input["id"] = json!(id);
            let expected = match (actor, name) {
                (Anonymous, _) => Unauthenticated,
                (Admin, _) => Allowed,
                // Organisations are the operator's to delete, even delegated.
                (Owner, "deleteOrganization") => Forbidden,
                (Owner, _) => Allowed,
                _ => Forbidden,
            };
            let t = token(actor, &owner, &stranger_of(kind));
            let got = call(&server, t.as_deref(), name, input.clone()).await;
            assert_eq!(got, expected, "{name} as {actor:?}");
            let after = name_of(&server, &id).await;
            match (expected, name.starts_with("delete")) {
                (Allowed, true) => assert_eq!(after, None, "{name} as {actor:?}"),
                (Allowed, false) => assert_eq!(after.as_deref(), Some("Đổi tên")),
                _ => assert_eq!(after, before, "{name} as {actor:?} changed something"),
            }
        }
    }

    // Recording an investment: the investor's owner and the operator.
    let startup = server
        .data(r#"{ startup(slug: "cang-so") { id } }"#, json!({}))
        .await["startup"]["id"]
        .clone();
    for (actor, expected) in [
        (Anonymous, Unauthenticated),
        (Stranger, Forbidden),
        (StartupUser, Forbidden),
        (Owner, Allowed),
        (Admin, Allowed),
    ] {
        n += 1;
        let (owner, investor) = target(&server, Target::Investor, n).await;
        let t = token(actor, &owner, &strangers.investor);
        let input = json!({ "investor": investor, "startup": startup, "round": "IDEA",
                            "date": "2025-01-02", "amount": { "amount": "1000000000", "currency": "VND" } });
        let got = call(&server, t.as_deref(), "recordInvestment", input).await;
        assert_eq!(got, expected, "recordInvestment as {actor:?}");
    }

    // Assigning owners: the operator only.
    n += 1;
    let (owner, startup) = target(&server, Target::Startup, n).await;
    for (actor, expected) in [
        (Anonymous, Unauthenticated),
        (Owner, Forbidden),
        (InvestorUser, Forbidden),
        (Admin, Allowed),
    ] {
        let t = token(actor, &owner, "");
        let input = json!({ "profile": startup, "user": null });
        let got = call(&server, t.as_deref(), "assignOwner", input).await;
        assert_eq!(got, expected, "assignOwner as {actor:?}");
    }
    // Now unowned: the former owner may no longer change it.
    let input = json!({ "id": startup, "name": "Của tôi?" });
    assert_eq!(
        call(&server, Some(&owner), "updateStartup", input).await,
        Forbidden
    );
}

/// Who acts in a programme's work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Party {
    Nobody,
    /// The owner of the applying startup.
    Applicant,
    /// The user the programme's organisation is delegated to.
    Manager,
    /// A user the application was given to for review.
    Reviewer,
    /// Another STARTUP user.
    OtherFounder,
    InvestorUser,
    Operator,
}

const PARTIES: [Party; 7] = [
    Party::Nobody,
    Party::Applicant,
    Party::Manager,
    Party::Reviewer,
    Party::OtherFounder,
    Party::InvestorUser,
    Party::Operator,
];

/// A programme run by an organisation delegated to `manager`, with a call
/// open on the tests' day, one question, one criterion and no rules.
struct Programme {
    manager: String,
    reviewer: String,
    reviewer_id: String,
    programme: String,
    call: String,
}

async fn programme(server: &TestServer) -> Programme {
    let (manager, call) = target(server, Target::Call, 9_000).await;
    let programme = server
        .data(
            "query($id: ID!) { node(id: $id) { ... on Call { programme { id } } } }",
            json!({ "id": call }),
        )
        .await["node"]["programme"]["id"]
        .as_str()
        .expect("programme")
        .to_string();
    let body = server
        .gql(
            "mutation($input: UpdateCallInput!) { updateCall(input: $input) { userErrors { message } } }",
            json!({ "input": { "id": call, "criteria": [{ "name": "Tính mới", "maxPoints": 10 }],
                                  "questions": ["Vấn đề bạn giải quyết?"] } }),
        )
        .await;
    assert_eq!(
        body["data"]["updateCall"]["userErrors"],
        json!([]),
        "{body:#}"
    );
    let reviewer = server.sign_up("reviewer@example.vn", "MENTOR").await;
    let reviewer_id = user_id(server, &reviewer).await;
    Programme {
        manager,
        reviewer,
        reviewer_id,
        programme,
        call,
    }
}

/// A fresh founder's application to the call, moved to `status` (DRAFT,
/// SUBMITTED, SCREENING or ACCEPTED); once submitted it is given to the
/// reviewer. Returns the founder's token, the application and its
/// startup.
async fn application(
    server: &TestServer,
    p: &Programme,
    status: &str,
    n: usize,
) -> (String, String, String) {
    let founder = server
        .sign_up(&format!("applicant-{n}@example.vn"), "STARTUP")
        .await;
    let startup = server
        .create(
            &founder,
            "Startup",
            json!({ "name": format!("Ứng viên {n}"), "stage": "MVP" }),
        )
        .await;
    let body = server
        .gql_as(
            Some(&founder),
            "mutation($input: ApplyToCallInput!) { applyToCall(input: $input) { application { id } userErrors { code } } }",
            json!({ "input": { "call": p.call, "startup": startup, "answers": ["Nước tưới"] } }),
        )
        .await;
    let id = body["data"]["applyToCall"]["application"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("apply: {body:#}"))
        .to_string();
    let steps: &[(&str, &str)] = match status {
        "DRAFT" => &[],
        "SUBMITTED" => &[("SUBMITTED", "applicant")],
        "SCREENING" => &[("SUBMITTED", "applicant"), ("SCREENING", "manager")],
        _ => &[
            ("SUBMITTED", "applicant"),
            ("SCREENING", "manager"),
            ("SHORTLISTED", "manager"),
            ("ACCEPTED", "manager"),
        ],
    };
    for (i, (to, who)) in steps.iter().enumerate() {
        let token = if *who == "applicant" {
            &founder
        } else {
            &p.manager
        };
        let body = server
            .gql_as(
                Some(token),
                "mutation($input: MoveApplicationInput!) { moveApplication(input: $input) { userErrors { code message } } }",
                json!({ "input": { "id": id, "to": to } }),
            )
            .await;
        assert_eq!(
            body["data"]["moveApplication"]["userErrors"],
            json!([]),
            "{body:#}"
        );
        if i == 0 {
            let body = server
                .gql_as(
                    Some(&p.manager),
                    "mutation($input: AssignReviewersInput!) { assignReviewers(input: $input) { userErrors { code } } }",
                    json!({ "input": { "application": id, "reviewers": [p.reviewer_id] } }),
                )
                .await;
            assert_eq!(
                body["data"]["assignReviewers"]["userErrors"],
                json!([]),
                "{body:#}"
            );
        }
    }
    (founder, id, startup)
}

/// The status of an application, as the operator sees it.
async fn status_of(server: &TestServer, p: &Programme, id: &str) -> String {
    let data = server
        .data(
            "query($id: ID!) { node(id: $id) { ... on Call { applications { id status } } } }",
            json!({ "id": p.call }),
        )
        .await;
    let list = data["node"]["applications"]
        .as_array()
        .expect("applications");
    list.iter().find(|a| a["id"] == id).map_or_else(
        || "DRAFT".to_string(),
        |a| a["status"].as_str().unwrap().to_string(),
    )
}

/// The support records of the programme, as the operator sees them.
async fn support_keys(server: &TestServer, p: &Programme) -> Vec<String> {
    let data = server
        .data(
            "query($p: ID!) { supportRecords(first: 100, filter: { programme: $p }) { nodes { id } } }",
            json!({ "p": p.programme }),
        )
        .await;
    data["supportRecords"]["nodes"]
        .as_array()
        .unwrap_or_else(|| panic!("{data:#}"))
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect()
}

async fn programme_work_checks_who_calls_it(store: Store) {
    use Party::*;
    load_sample(&store).await;
    let server = TestServer::start(store).await;
    let p = programme(&server).await;
    let others = users(&server, "work").await;
    let admin = server.admin_token.clone();
    let token = |party: Party, applicant: &str| -> Option<String> {
        match party {
            Nobody => None,
            Applicant => Some(applicant.to_string()),
            Manager => Some(p.manager.clone()),
            Reviewer => Some(p.reviewer.clone()),
            OtherFounder => Some(others.founder.clone()),
            InvestorUser => Some(others.investor.clone()),
            Operator => Some(admin.clone()),
        }
    };
    let mut n = 0;

    // Starting an application: its startup's owner (and the operator).
    for party in PARTIES {
        n += 1;
        let founder = server
            .sign_up(&format!("new-{n}@example.vn"), "STARTUP")
            .await;
        let startup = server
            .create(
                &founder,
                "Startup",
                json!({ "name": format!("Mới {n}"), "stage": "IDEA" }),
            )
            .await;
        let expected = match party {
            Nobody => Unauthenticated,
            Applicant | Operator => Allowed,
            _ => Forbidden,
        };
        let input = json!({ "call": p.call, "startup": startup });
        let got = call(
            &server,
            token(party, &founder).as_deref(),
            "applyToCall",
            input,
        )
        .await;
        assert_eq!(got, expected, "applyToCall as {party:?}");
    }

    // The steps of an application. Drafts are the applicant's alone: to
    // anyone else they do not exist (`Hidden`); once submitted, the
    // managers and the reviewers see it, and each may take only their own
    // steps. A refused step leaves the status where it was.
    type Step = (
        &'static str,
        &'static str,
        &'static str,
        fn(Party) -> Expect,
    );
    let steps: [Step; 6] = [
        ("answerApplication", "DRAFT", "", |party| match party {
            Nobody => Unauthenticated,
            Applicant | Operator => Allowed,
            _ => Hidden,
        }),
        (
            "moveApplication",
            "DRAFT",
            "SUBMITTED",
            |party| match party {
                Nobody => Unauthenticated,
                Applicant | Operator => Allowed,
                _ => Hidden,
            },
        ),
        (
            "moveApplication",
            "SUBMITTED",
            "WITHDRAWN",
            |party| match party {
                Nobody => Unauthenticated,
                Applicant | Operator => Allowed,
                Manager | Reviewer => Forbidden,
                _ => Hidden,
            },
        ),
        (
            "moveApplication",
            "SUBMITTED",
            "SCREENING",
            |party| match party {
                Nobody => Unauthenticated,
                Manager | Operator => Allowed,
                Applicant | Reviewer => Forbidden,
                _ => Hidden,
            },
        ),
        ("assignReviewers", "SCREENING", "", |party| match party {
            Nobody => Unauthenticated,
            Manager | Operator => Allowed,
            Applicant | Reviewer => Forbidden,
            _ => Hidden,
        }),
        // Scores are the reviewers' own: not even the operator's.
        ("scoreApplication", "SCREENING", "", |party| match party {
            Nobody => Unauthenticated,
            Reviewer => Allowed,
            Applicant | Manager | Operator => Forbidden,
            _ => Hidden,
        }),
    ];
    for (name, from, to, rule) in steps {
        for party in PARTIES {
            n += 1;
            let (founder, id, _) = application(&server, &p, from, n).await;
            let input = match name {
                "answerApplication" => json!({ "id": id, "answers": ["Trả lời"] }),
                "moveApplication" => json!({ "id": id, "to": to }),
                "assignReviewers" => json!({ "application": id, "reviewers": [p.reviewer_id] }),
                _ => json!({ "application": id, "scores": [7] }),
            };
            let expected = rule(party);
            let got = call(&server, token(party, &founder).as_deref(), name, input).await;
            assert_eq!(got, expected, "{name} {from}→{to} as {party:?}");
            if name == "moveApplication" {
                let now = status_of(&server, &p, &id).await;
                let want = if expected == Allowed { to } else { from };
                assert_eq!(now, want, "{name} {from}→{to} as {party:?}");
            }
        }
    }

    // Confirming mentors for the cohort, recording support, opening calls
    // and running classes: the programme's managers and the operator.
    let (founder, _, accepted) = application(&server, &p, "ACCEPTED", 0).await;
    let mentor = server
        .data(r#"{ mentor(slug: "le-van-minh") { id } }"#, json!({}))
        .await["mentor"]["id"]
        .clone();
    let managers = |party: Party| match party {
        Nobody => Unauthenticated,
        Manager | Operator => Allowed,
        _ => Forbidden,
    };
    for party in PARTIES {
        n += 1;
        let t = token(party, &founder);
        let expected = managers(party);
        let input = json!({ "call": p.call, "pairs": [{ "startup": accepted, "mentor": mentor }] });
        let got = call(&server, t.as_deref(), "confirmMentorships", input).await;
        assert_eq!(got, expected, "confirmMentorships as {party:?}");

        let before = support_keys(&server, &p).await;
        let input = json!({ "kind": "LEGAL_IP", "givenOn": "2026-11-20", "startup": accepted,
                            "programme": p.programme, "slug": format!("ho-tro-{n}") });
        let got = call(&server, t.as_deref(), "recordSupport", input).await;
        assert_eq!(got, expected, "recordSupport as {party:?}");
        let after = support_keys(&server, &p).await;
        assert_eq!(after.len(), before.len() + usize::from(expected == Allowed));

        let record = server
            .data(
                "mutation($input: RecordSupportInput!) { recordSupport(input: $input) { supportRecord { id } } }",
                json!({ "input": { "kind": "SPACE", "givenOn": "2026-11-21", "startup": accepted,
                                   "programme": p.programme, "slug": format!("cho-ngoi-{n}") } }),
            )
            .await["recordSupport"]["supportRecord"]["id"]
            .clone();
        let got = call(
            &server,
            t.as_deref(),
            "deleteSupportRecord",
            json!({ "id": record }),
        )
        .await;
        assert_eq!(got, expected, "deleteSupportRecord as {party:?}");
        let left = support_keys(&server, &p).await;
        assert_eq!(
            left.iter().any(|k| record == k.as_str()),
            expected != Allowed
        );

        let input = json!({ "programme": p.programme, "title": format!("Đợt {n}"),
                            "opensAt": "2026-12-01T08:00:00+07:00", "closesAt": "2027-01-31T17:00:00+07:00" });
        let got = call(&server, t.as_deref(), "createCall", input).await;
        assert_eq!(got, expected, "createCall as {party:?}");

        let input = json!({ "programme": p.programme, "title": format!("Lớp {n}"), "heldOn": "2026-11-25" });
        let got = call(&server, t.as_deref(), "createTrainingClass", input).await;
        assert_eq!(got, expected, "createTrainingClass as {party:?}");

        let class = server
            .data(
                "mutation($input: CreateTrainingClassInput!) { createTrainingClass(input: $input) { trainingClass { id } } }",
                json!({ "input": { "programme": p.programme, "title": format!("Lớp riêng {n}"), "heldOn": "2026-11-26" } }),
            )
            .await["createTrainingClass"]["trainingClass"]["id"]
            .clone();
        let input = json!({ "class": class, "attendees": [{ "person": "Nguyễn Thị Hoa", "organization": "Đại học Cần Thơ" }] });
        let got = call(&server, t.as_deref(), "recordAttendance", input).await;
        assert_eq!(got, expected, "recordAttendance as {party:?}");
        let got = call(
            &server,
            t.as_deref(),
            "deleteTrainingClass",
            json!({ "id": class }),
        )
        .await;
        assert_eq!(got, expected, "deleteTrainingClass as {party:?}");
    }

    // Reading: the cohort is a demo-day list anyone sees (investors
    // above all); the applications and their ranking are the managers'.
    for party in PARTIES {
        let t = token(party, &founder);
        let cohort = "query($id: ID!) { node(id: $id) { ... on Call { cohort { id } } } }";
        let body = server
            .gql_as(t.as_deref(), cohort, json!({ "id": p.call }))
            .await;
        assert_eq!(
            body["data"]["node"]["cohort"],
            json!([{ "id": accepted }]),
            "cohort as {party:?}: {body:#}"
        );
        for field in ["applications { id }", "ranking { rank }"] {
            let doc =
                format!("query($id: ID!) {{ node(id: $id) {{ ... on Call {{ {field} }} }} }}");
            let body = server
                .gql_as(t.as_deref(), &doc, json!({ "id": p.call }))
                .await;
            let code = body["errors"][0]["extensions"]["code"].as_str();
            match party {
                Manager | Operator => assert_eq!(code, None, "{field} as {party:?}: {body:#}"),
                _ => assert_eq!(code, Some("FORBIDDEN"), "{field} as {party:?}: {body:#}"),
            }
        }
    }
}

/// A query and where in its response the value sits.
struct Probe {
    what: &'static str,
    query: &'static str,
    path: &'static [&'static str],
}

fn at<'a>(body: &'a Value, path: &[&str]) -> &'a Value {
    path.iter().fold(body, |v, k| match k.parse::<usize>() {
        Ok(i) => &v[i],
        Err(_) => &v[*k],
    })
}

async fn private_fields_show_only_to_those_allowed(store: Store) {
    load_sample(&store).await;
    let server = TestServer::start(store).await;
    let owners = users(&server, "owners").await;
    let others = users(&server, "others").await;
    let delegate = server.sign_up("delegate@example.vn", "STARTUP").await;
    let admin = server.admin_token.clone();

    let startup = server.create(&owners.founder,
        "Startup",
        json!({ "name": "Nấm Việt", "stage": "SEED", "email": "an@namviet.vn", "phone": "+84 90 000 0000",
                "seekingAmount": { "amount": "5000000000", "currency": "VND" } }),
    )
    .await;
    let investor = server.create(&owners.investor,
        "Investor",
        json!({ "name": "Quỹ Sen", "kind": "VC_FUND", "email": "deal@quysen.vn", "phone": "+84 28 0000 0000" }),
    )
    .await;
    let mentor = server
        .create(
            &owners.mentor,
            "Mentor",
            json!({ "name": "Cô Hạnh", "email": "hanh@example.vn", "phone": "+84 91 000 0000" }),
        )
        .await;
    let organization = server.create(&admin,
        "Organization",
        json!({ "name": "Vườn ươm Sen", "kind": "INCUBATOR", "email": "info@vuonuom.vn", "phone": "+84 24 000 0000" }),
    )
    .await;
    assign(&server, &organization, &user_id(&server, &delegate).await).await;
    let record = |confidential: bool, date: &str| {
        json!({ "input": { "investor": investor, "startup": startup, "round": "SEED", "date": date,
                "amount": { "amount": "2000000000", "currency": "VND" }, "confidential": confidential } })
    };
    let doc = "mutation($input: RecordInvestmentInput!) { recordInvestment(input: $input) { investment { id } userErrors { message } } }";
    let secret = server
        .gql_as(Some(&owners.investor), doc, record(true, "2025-03-01"))
        .await["data"]["recordInvestment"]["investment"]["id"]
        .as_str()
        .expect("confidential investment")
        .to_string();
    let public = server
        .gql_as(Some(&owners.investor), doc, record(false, "2024-03-01"))
        .await["data"]["recordInvestment"]["investment"]["id"]
        .as_str()
        .expect("public investment")
        .to_string();

    // Each probe: a query with $id (the profile) and $inv (the confidential
    // investment), the path of the value, and who must see it.
    let probes = [
        Probe {
            what: "startup email",
            query: "query($id: ID!) { startup(id: $id) { email } }",
            path: &["startup", "email"],
        },
        Probe {
            what: "startup phone via node",
            query: "query($id: ID!) { node(id: $id) { ... on Startup { phone } } }",
            path: &["node", "phone"],
        },
        Probe {
            what: "startup email via nodes",
            query: "query($id: ID!) { nodes(ids: [$id]) { ... on Startup { email } } }",
            path: &["nodes", "0", "email"],
        },
        Probe {
            what: "seeking amount",
            query: "query($id: ID!) { startup(id: $id) { seekingAmount { amount } } }",
            path: &["startup", "seekingAmount", "amount"],
        },
        Probe {
            what: "seeking amount via node",
            query: "query($id: ID!) { node(id: $id) { ... on Startup { seekingAmount { amount } } } }",
            path: &["node", "seekingAmount", "amount"],
        },
        Probe {
            what: "investor email",
            query: "query($id: ID!) { investor(id: $id) { email } }",
            path: &["investor", "email"],
        },
        Probe {
            what: "investor phone via node",
            query: "query($id: ID!) { node(id: $id) { ... on Investor { phone } } }",
            path: &["node", "phone"],
        },
        Probe {
            what: "mentor email",
            query: "query($id: ID!) { mentor(id: $id) { email } }",
            path: &["mentor", "email"],
        },
        Probe {
            what: "mentor phone via nodes",
            query: "query($id: ID!) { nodes(ids: [$id]) { ... on Mentor { phone } } }",
            path: &["nodes", "0", "phone"],
        },
        Probe {
            what: "organisation email",
            query: "query($id: ID!) { organization(id: $id) { email } }",
            path: &["organization", "email"],
        },
        Probe {
            what: "confidential investment via node",
            query: "query($inv: ID!) { node(id: $inv) { id } }",
            path: &["node", "id"],
        },
        Probe {
            what: "confidential investment of the startup",
            query: "query($id: ID!) { startup(id: $id) { investments { confidential } } }",
            path: &["startup", "investments", "1", "confidential"],
        },
        Probe {
            what: "confidential investment in the portfolio",
            query: "query($id: ID!) { investor(id: $id) { portfolio { confidential } } }",
            path: &["investor", "portfolio", "1", "confidential"],
        },
    ];
    let profile_of = |what: &str| {
        if what.starts_with("investor") || what.contains("portfolio") {
            &investor
        } else if what.starts_with("mentor") {
            &mentor
        } else if what.starts_with("organisation") {
            &organization
        } else {
            &startup
        }
    };
    let viewers: [(&str, Option<&str>); 8] = [
        ("anonymous", None),
        ("startup owner", Some(&owners.founder)),
        ("investor owner", Some(&owners.investor)),
        ("mentor owner", Some(&owners.mentor)),
        ("delegate", Some(&delegate)),
        ("other startup user", Some(&others.founder)),
        ("other investor user", Some(&others.investor)),
        ("admin", Some(&admin)),
    ];
    for probe in &probes {
        for (who, token) in viewers {
            let owner = match probe.what {
                w if w.starts_with("investor") => "investor owner",
                w if w.starts_with("mentor") => "mentor owner",
                w if w.starts_with("organisation") => "delegate",
                _ => "startup owner",
            };
            let sees = match probe.what {
                w if w.starts_with("seeking") => {
                    who == "admin" || who == owner || who.contains("investor")
                }
                w if w.contains("confidential") => {
                    who == "admin" || who == "startup owner" || who == "investor owner"
                }
                _ => who == "admin" || who == owner,
            };
            let vars = json!({ "id": profile_of(probe.what), "inv": secret });
            let body = server.gql_as(token, probe.query, vars).await;
            assert!(body.get("errors").is_none(), "{}: {body:#}", probe.what);
            let value = at(&body["data"], probe.path);
            assert_eq!(!value.is_null(), sees, "{} as {who}: {body:#}", probe.what);
        }
    }
    // The public investment is public.
    let body = server
        .gql_as(
            None,
            "query($id: ID!) { node(id: $id) { id } }",
            json!({ "id": public }),
        )
        .await;
    assert_eq!(body["data"]["node"]["id"], json!(public));
}

async fn sign_up_sign_in_and_sign_out(store: Store) {
    let server = TestServer::start(store).await;
    let up = "mutation($input: SignUpInput!) { signUp(input: $input) { token user { email role } userErrors { field code } } }";
    let body = server
        .gql_as(
            None,
            up,
            json!({ "input": { "email": " Lan@Example.VN ", "password": "mot-mat-khau-dai", "role": "MENTOR", "name": "Lan" } }),
        )
        .await;
    assert_eq!(
        body["data"]["signUp"]["user"],
        json!({ "email": "lan@example.vn", "role": "MENTOR" })
    );
    // Refusals name the field; nothing is created.
    for (input, field, code) in [
        (
            json!({ "email": "LAN@example.vn", "password": "mot-mat-khau-dai", "role": "MENTOR" }),
            "email",
            "TAKEN",
        ),
        (
            json!({ "email": "not-an-address", "password": "mot-mat-khau-dai", "role": "MENTOR" }),
            "email",
            "INVALID",
        ),
        (
            json!({ "email": "b@example.vn", "password": "ngan", "role": "MENTOR" }),
            "password",
            "TOO_SHORT",
        ),
        (
            json!({ "email": "c@example.vn", "password": "x".repeat(2000), "role": "MENTOR" }),
            "password",
            "TOO_LONG",
        ),
        (
            json!({ "email": "d@example.vn", "password": "mot-mat-khau-dai", "role": "ADMIN" }),
            "role",
            "INVALID",
        ),
    ] {
        let body = server.gql_as(None, up, json!({ "input": input })).await;
        assert_eq!(body["data"]["signUp"]["token"], Value::Null, "{body:#}");
        assert_eq!(
            body["data"]["signUp"]["userErrors"][0],
            json!({ "field": field, "code": code }),
            "{body:#}"
        );
    }

    let sign_in = "mutation($input: SignInInput!) { signIn(input: $input) { token expiresAt user { email } userErrors { field code } } }";
    let body = server
        .gql_as(
            None,
            sign_in,
            json!({ "input": { "email": "lan@example.vn", "password": "sai-mat-khau-roi" } }),
        )
        .await;
    assert_eq!(
        body["data"]["signIn"]["userErrors"],
        json!([{ "field": null, "code": "INVALID_CREDENTIALS" }])
    );
    // An unknown address gets the very same answer.
    let unknown = server
        .gql_as(
            None,
            sign_in,
            json!({ "input": { "email": "nobody@example.vn", "password": "sai-mat-khau-roi" } }),
        )
        .await;
    assert_eq!(unknown["data"], body["data"]);

    let body = server
        .gql_as(
            None,
            sign_in,
            json!({ "input": { "email": "LAN@example.vn", "password": "mot-mat-khau-dai" } }),
        )
        .await;
    let token = body["data"]["signIn"]["token"]
        .as_str()
        .expect("token")
        .to_string();
    assert!(body["data"]["signIn"]["expiresAt"].is_string());
    let me = server
        .gql_as(Some(&token), "{ viewer { email role } }", json!({}))
        .await;
    assert_eq!(
        me["data"]["viewer"],
        json!({ "email": "lan@example.vn", "role": "MENTOR" })
    );
    let anonymous = server.gql_as(None, "{ viewer { email } }", json!({})).await;
    assert_eq!(anonymous["data"]["viewer"], Value::Null);

    // Signing out revokes this token at once, and only this one.
    let other = server
        .gql_as(
            None,
            sign_in,
            json!({ "input": { "email": "lan@example.vn", "password": "mot-mat-khau-dai" } }),
        )
        .await["data"]["signIn"]["token"]
        .as_str()
        .expect("second token")
        .to_string();
    let out = server
        .gql_as(Some(&token), "mutation { signOut { revoked } }", json!({}))
        .await;
    assert_eq!(out["data"]["signOut"]["revoked"], json!(true));
    let response = server
        .client
        .post(format!("{}/graphql", server.url))
        .bearer_auth(&token)
        .json(&json!({ "query": "{ viewer { email } }" }))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 401);
    assert!(response.headers().contains_key("www-authenticate"));
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(body["errors"][0]["extensions"]["code"], "UNAUTHENTICATED");
    let still = server
        .gql_as(Some(&other), "{ viewer { email } }", json!({}))
        .await;
    assert_eq!(still["data"]["viewer"]["email"], "lan@example.vn");
    // Signing out needs a token.
    let body = server
        .gql_as(None, "mutation { signOut { revoked } }", json!({}))
        .await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "UNAUTHENTICATED");
    // A malformed header is refused, not ignored.
    let response = server
        .client
        .post(format!("{}/graphql", server.url))
        .header("authorization", "Basic dXNlcjpwYXNz")
        .json(&json!({ "query": "{ viewer { email } }" }))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 401);
}

async fn tokens_expire(store: Store) {
    let config = HttpConfig {
        auth: AuthConfig {
            token_ttl: std::time::Duration::ZERO,
            ..AuthConfig::default()
        },
        ..HttpConfig::default()
    };
    let server = TestServer::start_with(store, config).await;
    // The test server's own operator token was issued with the same
    // lifetime, so it is already expired.
    let body = server.gql("{ viewer { email } }", json!({})).await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "UNAUTHENTICATED");
}

async fn sign_in_is_throttled_per_account_and_per_address(store: Store) {
    let config = HttpConfig {
        auth: AuthConfig {
            account_burst: 3,
            account_delay: std::time::Duration::from_millis(300),
            address_burst: 7,
            sign_up_burst: 2,
            ..AuthConfig::default()
        },
        ..HttpConfig::default()
    };
    let server = TestServer::start_with(store, config).await;
    let sign_in = |email: &str, password: &str| {
        server
            .client
            .post(format!("{}/graphql", server.url))
            .json(&json!({
                "query": "mutation($input: SignInInput!) { signIn(input: $input) { token userErrors { code } } }",
                "variables": { "input": { "email": email, "password": password } }
            }))
            .send()
    };
    // Regression: three wrong passwords (the test server's own sign-in went
    // around the HTTP server's limiters) locked the owner out. Now the next
    // sign-in to the account waits its turn, and the right password gets in.
    for _ in 0..3 {
        let response = sign_in(ADMIN_EMAIL, "wrong-password")
            .await
            .expect("request");
        assert_eq!(response.status(), 200);
    }
    let started = std::time::Instant::now();
    let response = sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).await.expect("request");
    assert_eq!(response.status(), 200, "the owner is not locked out");
    assert!(
        started.elapsed() >= std::time::Duration::from_millis(250),
        "but waited its turn: {:?}",
        started.elapsed()
    );
    let body: Value = response.json().await.expect("JSON");
    assert!(body["data"]["signIn"]["token"].is_string(), "{body:#}");
    // Seven for the address, of which four are spent: three more for other
    // accounts, then the address is throttled (429 with `retry-after`).
    for n in 0..3 {
        let response = sign_in(&format!("guess-{n}@example.vn"), "wrong-password")
            .await
            .expect("request");
        assert_eq!(response.status(), 200, "attempt {n}");
    }
    let response = sign_in("guess-9@example.vn", "wrong-password")
        .await
        .expect("request");
    assert_eq!(response.status(), 429);
    let retry: u64 = response.headers()["retry-after"]
        .to_str()
        .expect("header")
        .parse()
        .expect("seconds");
    assert!((1..=60).contains(&retry), "{retry}");
    let body: Value = response.json().await.expect("JSON");
    assert_eq!(body["errors"][0]["extensions"]["code"], "RATE_LIMITED");
    assert_eq!(body["errors"][0]["extensions"]["retryAfter"], json!(retry));
    // Sign-ups from one address are limited too (each costs a password hash).
    let sign_up = |n: usize| {
        server
            .client
            .post(format!("{}/graphql", server.url))
            .json(&json!({
                "query": "mutation($input: SignUpInput!) { signUp(input: $input) { token } }",
                "variables": { "input": { "email": format!("new-{n}@example.vn"), "password": "mot-mat-khau-dai", "role": "STARTUP" } }
            }))
            .send()
    };
    for n in 0..2 {
        let response = sign_up(n).await.expect("request");
        assert_eq!(response.status(), 200);
    }
    let response = sign_up(2).await.expect("request");
    assert_eq!(response.status(), 429);
    // The rest of the API answers as usual.
    let body = server.gql("{ sectors { slug } }", json!({})).await;
    assert!(body.get("errors").is_none(), "{body:#}");
}

async fn investor_and_mentor_users_have_one_profile(store: Store) {
    let server = TestServer::start(store).await;
    let users = users(&server, "one").await;
    server
        .create(
            &users.investor,
            "Investor",
            json!({ "name": "Quỹ A", "kind": "ANGEL" }),
        )
        .await;
    server
        .create(&users.mentor, "Mentor", json!({ "name": "Cố vấn A" }))
        .await;
    for (token, name, input) in [
        (
            &users.investor,
            "createInvestor",
            json!({ "name": "Quỹ B", "kind": "ANGEL" }),
        ),
        (&users.mentor, "createMentor", json!({ "name": "Cố vấn B" })),
    ] {
        let doc = format!(
            "mutation($input: {}Input!) {{ {name}(input: $input) {{ userErrors {{ code }} }} }}",
            name[..1].to_uppercase() + &name[1..]
        );
        let body = server
            .gql_as(Some(token), &doc, json!({ "input": input }))
            .await;
        assert_eq!(
            body["data"][name]["userErrors"][0]["code"], "TAKEN",
            "{body:#}"
        );
    }
    let me = server
        .gql_as(
            Some(&users.investor),
            "{ viewer { investor { name } mentor { name } startups { name } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        me["data"]["viewer"],
        json!({ "investor": { "name": "Quỹ A" }, "mentor": null, "startups": [] })
    );
    // Founders may have several startups.
    for name in ["Một", "Hai"] {
        server
            .create(
                &users.founder,
                "Startup",
                json!({ "name": name, "stage": "IDEA" }),
            )
            .await;
    }
    let me = server
        .gql_as(
            Some(&users.founder),
            "{ viewer { startups { name } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        me["data"]["viewer"]["startups"],
        json!([{ "name": "Hai" }, { "name": "Một" }])
    );
}

async fn the_operator_assigns_owners(store: Store) {
    load_sample(&store).await;
    let server = TestServer::start(store).await;
    let users = users(&server, "claim").await;
    let startup = server
        .data(r#"{ startup(slug: "lua-xanh") { id email } }"#, json!({}))
        .await["startup"]
        .clone();
    // An imported profile belongs to nobody: its founder cannot change it
    // or see its contact details yet.
    let update = json!({ "id": startup["id"], "tagline": "Của chúng tôi" });
    assert_eq!(
        call(
            &server,
            Some(&users.founder),
            "updateStartup",
            update.clone()
        )
        .await,
        Forbidden
    );
    let seen = server
        .gql_as(
            Some(&users.founder),
            r#"{ startup(slug: "lua-xanh") { email } }"#,
            json!({}),
        )
        .await;
    assert_eq!(seen["data"]["startup"]["email"], Value::Null);
    // A role that does not fit the profile is a user error.
    let doc = "mutation($input: AssignOwnerInput!) { assignOwner(input: $input) { profile { id } userErrors { field code } } }";
    let mentor = user_id(&server, &users.mentor).await;
    let body = server
        .gql(
            doc,
            json!({ "input": { "profile": startup["id"], "user": mentor } }),
        )
        .await;
    assert_eq!(
        body["data"]["assignOwner"]["userErrors"],
        json!([{ "field": "user", "code": "INVALID" }])
    );
    let founder = user_id(&server, &users.founder).await;
    assign(&server, startup["id"].as_str().expect("id"), &founder).await;
    assert_eq!(
        call(&server, Some(&users.founder), "updateStartup", update).await,
        Allowed
    );
    let seen = server
        .gql_as(
            Some(&users.founder),
            r#"{ startup(slug: "lua-xanh") { email tagline } }"#,
            json!({}),
        )
        .await;
    assert_eq!(
        seen["data"]["startup"],
        json!({ "email": startup["email"], "tagline": "Của chúng tôi" })
    );
    // Only the operator looks users up.
    let body = server
        .gql(
            r#"query($e: String) { user(email: $e) { id role } }"#,
            json!({ "e": "FOUNDER-claim@example.vn" }),
        )
        .await;
    assert_eq!(
        body["data"]["user"],
        json!({ "id": founder, "role": "STARTUP" })
    );
    let body = server
        .gql_as(
            Some(&users.founder),
            r#"{ user(email: "founder-claim@example.vn") { id } }"#,
            json!({}),
        )
        .await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "FORBIDDEN");
}
