//! The GraphQL API over HTTP, on SQLite and on PostgreSQL.

mod common;

use common::{TestServer, load_sample};
use ketnoi::store::Store;
use serde_json::{Value, json};

both_databases!(
    filters_and_relations,
    pagination_is_stable_in_both_directions,
    paging_arguments_are_checked,
    create_update_and_delete,
    invalid_input_is_reported_and_nothing_is_written,
    duplicate_slugs_are_user_errors,
    node_fetches_every_type,
    investments_are_recorded_once,
    eligibility_follows_the_five_year_rule,
    lookups_by_slug,
    concurrent_updates_of_different_fields_all_land,
    renamed_sectors_and_provinces_are_served_renamed,
    texts_are_answered_whenever_asked_for,
    answers_keep_the_order_of_the_document,
);

fn names(connection: &Value) -> Vec<String> {
    connection["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| {
            n["name"]
                .as_str()
                .or(n["title"].as_str())
                .expect("name")
                .to_string()
        })
        .collect()
}

async fn filters_and_relations(store: Store) {
    load_sample(&store).await;
    let server = TestServer::start(store).await;

    let q = r#"query($f: StartupFilter) { startups(filter: $f) { totalCount nodes { name } } }"#;
    let cases = [
        (json!({"sectors": ["agritech"]}), vec!["Lúa Xanh"]),
        (json!({"sectors": ["ai"]}), vec!["Cảng Số", "Lúa Xanh"]),
        (
            json!({"stages": ["MVP", "IDEA"]}),
            vec!["Cảng Số", "Ví Mekong"],
        ),
        (json!({"tags": ["STUDENT"]}), vec!["Ví Mekong"]),
        (json!({"provinces": ["hai-phong"]}), vec!["Cảng Số"]),
        (json!({"eligibleForSupport": false}), vec!["Ví Mekong"]),
        (
            json!({"eligibleForSupport": true, "sectors": ["ai"]}),
            vec!["Cảng Số", "Lúa Xanh"],
        ),
        (json!({"sectors": ["no-such-sector"]}), vec![]),
        (
            json!({"sectors": []}),
            vec!["Cảng Số", "Lúa Xanh", "Ví Mekong"],
        ),
    ];
    for (filter, want) in cases {
        let data = server.data(q, json!({ "f": filter })).await;
        assert_eq!(names(&data["startups"]), want, "filter {filter}");
        assert_eq!(
            data["startups"]["totalCount"],
            json!(want.len()),
            "filter {filter}"
        );
    }

    let q = r#"query($f: InvestorFilter) { investors(filter: $f) { totalCount nodes { name } } }"#;
    let cases = [
        (json!({"provinces": ["can-tho"]}), vec!["Mekong Ventures"]),
        (
            json!({"provinces": ["hai-phong"]}),
            vec!["Hải Phòng Angels", "Mekong Ventures"],
        ),
        (json!({"kinds": ["ANGEL"]}), vec!["Hải Phòng Angels"]),
        (json!({"stages": ["SEED"]}), vec!["Mekong Ventures"]),
        (
            json!({"sectors": ["ai"], "active": false}),
            vec!["Hải Phòng Angels"],
        ),
    ];
    for (filter, want) in cases {
        let data = server.data(q, json!({ "f": filter })).await;
        assert_eq!(names(&data["investors"]), want, "filter {filter}");
    }

    let q = r#"query($f: MentorFilter) { mentors(filter: $f) { nodes { name } } }"#;
    let cases = [
        (json!({"expertise": ["LEGAL"]}), vec!["Trần Thị Lan"]),
        (json!({"languages": ["en"]}), vec!["Trần Thị Lan"]),
        (json!({"provinces": ["can-tho"]}), vec!["Lê Văn Minh"]),
        (
            json!({"sectors": ["agritech", "fintech"]}),
            vec!["Lê Văn Minh", "Trần Thị Lan"],
        ),
    ];
    for (filter, want) in cases {
        let data = server.data(q, json!({ "f": filter })).await;
        assert_eq!(names(&data["mentors"]), want, "filter {filter}");
    }

    let q = r#"query($f: EventFilter) { events(filter: $f) { nodes { title } } }"#;
    let cases = [
        (
            json!({"from": "2026-01-01T00:00:00+07:00"}),
            vec!["Cà phê công nghệ số 1"],
        ),
        (
            json!({"to": "2025-12-31T23:59:59+07:00"}),
            vec!["Techfest Hải Phòng 2025"],
        ),
        (
            json!({"from": "2025-11-21T12:00:00+07:00", "to": "2025-11-22T00:00:00+07:00"}),
            vec!["Techfest Hải Phòng 2025"],
        ),
        (
            json!({"kinds": ["NETWORKING"]}),
            vec!["Cà phê công nghệ số 1"],
        ),
        (
            json!({"sectors": ["fintech"]}),
            vec!["Cà phê công nghệ số 1"],
        ),
    ];
    for (filter, want) in cases {
        let data = server.data(q, json!({ "f": filter })).await;
        assert_eq!(names(&data["events"]), want, "filter {filter}");
    }

    // Relations both ways.
    let data = server
        .data(
            r#"{ startup(slug: "lua-xanh") {
                    sectors { key name nameEn } province { name region }
                    organization { name kind startups { name } events { title } }
                    investments { amount { amount currency } round date investor { name portfolio { startup { name } } } }
                    seekingAmount { amount currency } tags needs foundedOn teamSize email phone
               } }"#,
            json!({}),
        )
        .await;
    let s = &data["startup"];
    assert_eq!(s["sectors"][0]["key"], "agritech", "primary sector first");
    assert_eq!(s["sectors"][1]["nameEn"], "Artificial intelligence");
    assert_eq!(s["province"]["region"], "Mekong Delta");
    assert_eq!(s["organization"]["kind"], "SUPPORT_CENTER");
    assert_eq!(s["organization"]["startups"].as_array().unwrap().len(), 1);
    assert_eq!(s["organization"]["events"].as_array().unwrap().len(), 2);
    assert_eq!(
        s["investments"][0]["amount"],
        json!({"amount": "3000000000", "currency": "VND"})
    );
    assert_eq!(
        s["investments"][0]["investor"]["portfolio"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        s["seekingAmount"]["amount"], "5000000000",
        "BigInt is a decimal string"
    );
    assert_eq!(s["tags"], json!(["WOMEN_LED"]));
    assert_eq!(s["needs"], json!(["MARKETING", "FUNDRAISING"]));
    assert_eq!(s["foundedOn"], "2023-04-01");
    assert_eq!(s["phone"], "+84 292 3820 000");

    let data = server
        .data(r#"{ event(slug: "techfest-hai-phong-2025") { startsAt endsAt organizer { slug } sectors { key } } }"#, json!({}))
        .await;
    assert_eq!(data["event"]["startsAt"], "2025-11-20T08:00:00+07:00");
    assert_eq!(data["event"]["organizer"]["slug"], "castihub");

    let data = server
        .data("{ sectors { key } provinces { key name } }", json!({}))
        .await;
    assert_eq!(
        data["sectors"],
        json!([{"key": "agritech"}, {"key": "ai"}, {"key": "fintech"}])
    );
    assert_eq!(data["provinces"][0]["name"], "Cần Thơ");
}

/// Imports `n` startups named so that their order is known.
async fn many_startups(store: &Store, n: usize) {
    let mut lines = String::from(r#"{"type":"sector","key":"ai","name":"AI","name_en":"AI"}"#);
    lines.push('\n');
    for i in 0..n {
        // Diacritics must not change the order: "Đ" sorts as "D".
        let prefix = if i % 2 == 0 { "Đà" } else { "Da" };
        lines.push_str(&format!(
            r#"{{"type":"startup","key":"s-{i:03}","name":"{prefix} {i:03}","stage":"IDEA","sectors":["ai"]}}"#
        ));
        lines.push('\n');
    }
    common::import(store, lines).await.expect("import");
}

async fn pagination_is_stable_in_both_directions(store: Store) {
    many_startups(&store, 45).await;
    let server = TestServer::start(store).await;
    let q = r#"query($first: Int, $after: String, $last: Int, $before: String, $order: StartupOrder) {
        startups(first: $first, after: $after, last: $last, before: $before, orderBy: $order) {
            totalCount
            edges { cursor node { slug } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        } }"#;
    let want: Vec<String> = (0..45).map(|i| format!("s-{i:03}")).collect();

    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let data = server.data(q, json!({"first": 10, "after": after})).await;
        let c = &data["startups"];
        assert_eq!(c["totalCount"], 45);
        for e in c["edges"].as_array().unwrap() {
            seen.push(e["node"]["slug"].as_str().unwrap().to_string());
        }
        assert_eq!(c["pageInfo"]["hasPreviousPage"], json!(after.is_some()));
        if c["pageInfo"]["hasNextPage"] == json!(false) {
            break;
        }
        after = c["pageInfo"]["endCursor"].as_str().map(String::from);
    }
    assert_eq!(seen, want, "forward pages cover the list once, in order");

    let mut seen_back = Vec::new();
    let mut before: Option<String> = None;
    loop {
        let data = server.data(q, json!({"last": 7, "before": before})).await;
        let c = &data["startups"];
        let page: Vec<String> = common::texts(&c["edges"], "/node/slug")
            .into_iter()
            .map(str::to_string)
            .collect();
        seen_back.splice(0..0, page);
        if c["pageInfo"]["hasPreviousPage"] == json!(false) {
            break;
        }
        before = c["pageInfo"]["startCursor"].as_str().map(String::from);
    }
    assert_eq!(
        seen_back, want,
        "backward pages cover the list once, in order"
    );

    let data = server
        .data(
            q,
            json!({"first": 3, "order": {"field": "NAME", "direction": "DESC"}}),
        )
        .await;
    let slugs: Vec<&str> = common::texts(&data["startups"]["edges"], "/node/slug");
    assert_eq!(slugs, ["s-044", "s-043", "s-042"]);

    // A cursor from one order is refused by another.
    let cursor = data["startups"]["pageInfo"]["endCursor"]
        .as_str()
        .unwrap()
        .to_string();
    let body = server
        .gql(
            q,
            json!({"first": 3, "after": cursor, "order": {"field": "CREATED_AT"}}),
        )
        .await;
    assert_eq!(
        body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
        "{body}"
    );
}

async fn paging_arguments_are_checked(store: Store) {
    let server = TestServer::start(store).await;
    for (args, fragment) in [
        ("first: 0", "between 1 and 100"),
        ("first: 101", "between 1 and 100"),
        ("last: -1", "between 1 and 100"),
        ("first: 1, last: 1", "not both"),
        ("after: \"bm90IGEgY3Vyc29y\"", "cursor"),
        ("after: \"%%%\"", "cursor"),
    ] {
        let body = server
            .gql(
                &format!("{{ investors({args}) {{ totalCount }} }}"),
                json!({}),
            )
            .await;
        let error = &body["errors"][0];
        assert_eq!(
            error["extensions"]["code"], "BAD_USER_INPUT",
            "{args}: {body}"
        );
        assert!(
            error["message"].as_str().unwrap().contains(fragment),
            "{args}: {body}"
        );
    }
}

const CREATE_STARTUP: &str = r#"mutation($input: CreateStartupInput!) {
    createStartup(input: $input) {
        startup { id slug name stage sectors { key } province { key } organization { slug } foundedOn seekingAmount { amount currency } website }
        userErrors { field message code }
    } }"#;

async fn count_startups(server: &TestServer) -> i64 {
    server.data("{ startups { totalCount } }", json!({})).await["startups"]["totalCount"]
        .as_i64()
        .unwrap()
}

async fn create_update_and_delete(store: Store) {
    load_sample(&store).await;
    let server = TestServer::start(store).await;
    let org = server
        .data(r#"{ organization(slug: "castihub") { id } }"#, json!({}))
        .await["organization"]["id"]
        .clone();

    let input = json!({
        "name": "Lúa Xanh",
        "stage": "MVP",
        "sectors": ["agritech"],
        "province": "can-tho",
        "organization": org,
        "foundedOn": "2024-03-15",
        "seekingAmount": {"amount": "12000000000", "currency": "VND"},
        "website": "https://example.vn",
    });
    let data = server.data(CREATE_STARTUP, json!({"input": input})).await;
    let created = &data["createStartup"];
    assert_eq!(created["userErrors"], json!([]));
    let s = &created["startup"];
    assert_eq!(
        s["slug"], "lua-xanh-2",
        "a free slug is derived from the name"
    );
    assert_eq!(s["organization"]["slug"], "castihub");
    assert_eq!(s["seekingAmount"]["amount"], "12000000000");
    let id = s["id"].clone();

    let update = r#"mutation($input: UpdateStartupInput!) {
        updateStartup(input: $input) {
            startup { name stage slug website organization { slug } sectors { key } foundedOn updatedAt createdAt }
            userErrors { field message code }
        } }"#;
    let data = server
        .data(update, json!({"input": {"id": id, "name": "Lúa Xanh AI", "stage": "SEED", "website": null, "organization": null, "sectors": ["ai", "agritech"]}}))
        .await;
    let u = &data["updateStartup"];
    assert_eq!(u["userErrors"], json!([]));
    assert_eq!(u["startup"]["name"], "Lúa Xanh AI");
    assert_eq!(u["startup"]["stage"], "SEED");
    assert_eq!(u["startup"]["slug"], "lua-xanh-2", "absent fields are kept");
    assert_eq!(
        u["startup"]["foundedOn"], "2024-03-15",
        "absent fields are kept"
    );
    assert_eq!(u["startup"]["website"], Value::Null, "null clears");
    assert_eq!(u["startup"]["organization"], Value::Null, "null clears");
    assert_eq!(
        u["startup"]["sectors"],
        json!([{"key": "ai"}, {"key": "agritech"}])
    );

    let delete = r#"mutation($id: ID!) { deleteStartup(input: {id: $id}) { deletedId userErrors { field code } } }"#;
    let data = server.data(delete, json!({"id": id})).await;
    assert_eq!(data["deleteStartup"]["deletedId"], id);
    let data = server
        .data(
            "query($id: ID!) { node(id: $id) { id } }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(data["node"], Value::Null);
    let data = server.data(delete, json!({"id": id})).await;
    assert_eq!(data["deleteStartup"]["userErrors"][0]["field"], "id");

    // Every other kind of profile goes through the same life cycle.
    let data = server
        .data(
            r#"mutation {
                i: createInvestor(input: {name: "Quỹ Sen Vàng", kind: VC_FUND, sectors: ["fintech"], stages: [SEED],
                    ticketMin: {amount: "1000000000", currency: VND}, ticketMax: {amount: 200000, currency: USD}}) {
                    investor { slug ticketMax { amount currency } nationwide active } userErrors { field } }
                m: createMentor(input: {name: "Phạm Minh Đức", expertise: [TAX], languages: ["vi"], capacity: 4}) {
                    mentor { slug capacity languages } userErrors { field } }
                o: createOrganization(input: {name: "CLB Khởi nghiệp Hưng Yên", kind: STARTUP_CLUB}) {
                    organization { id slug kind } userErrors { field } }
                e: createEvent(input: {title: "Mekong Startup Runway 2026", kind: COMPETITION,
                    startsAt: "2026-09-10T08:00:00+07:00", sectors: ["agritech"]}) {
                    event { id slug startsAt } userErrors { field } }
            }"#,
            json!({}),
        )
        .await;
    assert_eq!(data["i"]["investor"]["slug"], "quy-sen-vang");
    assert_eq!(data["i"]["investor"]["nationwide"], true);
    assert_eq!(data["i"]["investor"]["active"], true);
    assert_eq!(data["m"]["mentor"]["slug"], "pham-minh-duc");
    assert_eq!(data["o"]["organization"]["kind"], "STARTUP_CLUB");
    assert_eq!(data["e"]["event"]["startsAt"], "2026-09-10T08:00:00+07:00");
    let event = data["e"]["event"]["id"].clone();
    let data = server
        .data(
            r#"mutation($id: ID!) { updateEvent(input: {id: $id, endsAt: "2026-09-09T08:00:00+07:00"}) { event { title } userErrors { field code } } }"#,
            json!({"id": event}),
        )
        .await;
    assert_eq!(data["updateEvent"]["userErrors"][0]["field"], "endsAt");
    assert_eq!(data["updateEvent"]["userErrors"][0]["code"], "OUT_OF_RANGE");
}

async fn invalid_input_is_reported_and_nothing_is_written(store: Store) {
    load_sample(&store).await;
    let server = TestServer::start(store).await;
    let before = count_startups(&server).await;
    let long = "x".repeat(201);
    let cases = [
        (json!({"name": "  ", "stage": "IDEA"}), "name", "REQUIRED"),
        (json!({"name": long, "stage": "IDEA"}), "name", "TOO_LONG"),
        (
            json!({"name": "A", "stage": "IDEA", "sectors": ["agritech", "spaceships"]}),
            "sectors",
            "UNKNOWN_REFERENCE",
        ),
        (
            json!({"name": "A", "stage": "IDEA", "province": "atlantis"}),
            "province",
            "UNKNOWN_REFERENCE",
        ),
        (
            json!({"name": "A", "stage": "IDEA", "foundedOn": "2999-01-01"}),
            "foundedOn",
            "OUT_OF_RANGE",
        ),
        (
            json!({"name": "A", "stage": "IDEA", "slug": "Not A Slug"}),
            "slug",
            "INVALID",
        ),
        (
            json!({"name": "A", "stage": "IDEA", "website": "javascript:alert(1)"}),
            "website",
            "INVALID",
        ),
        (
            json!({"name": "A", "stage": "IDEA", "email": "not-an-email"}),
            "email",
            "INVALID",
        ),
        (
            json!({"name": "A", "stage": "IDEA", "teamSize": 0}),
            "teamSize",
            "OUT_OF_RANGE",
        ),
        (
            json!({"name": "A", "stage": "IDEA", "organization": "bm9wZQ"}),
            "organization",
            "UNKNOWN_REFERENCE",
        ),
        // A list past the model's limit is the field's problem, however
        // long it is.
        (
            json!({"name": "A", "stage": "IDEA", "sectors": vec!["agritech"; 21]}),
            "sectors",
            "OUT_OF_RANGE",
        ),
        (
            json!({"name": "A", "stage": "IDEA", "sectors": vec!["agritech"; 5_000]}),
            "sectors",
            "OUT_OF_RANGE",
        ),
    ];
    for (input, field, code) in cases {
        let data = server.data(CREATE_STARTUP, json!({"input": input})).await;
        let payload = &data["createStartup"];
        assert_eq!(payload["startup"], Value::Null, "{input}");
        let errors = payload["userErrors"].as_array().unwrap();
        assert!(
            errors.iter().any(|e| e["field"] == field
                && e["code"] == code
                && !e["message"].as_str().unwrap().is_empty()),
            "{input}: want {field}/{code}, got {errors:?}"
        );
    }
    assert_eq!(count_startups(&server).await, before, "nothing was written");

    let data = server
        .data(
            r#"mutation { createInvestor(input: {name: "X", kind: ANGEL,
                ticketMin: {amount: "5000000000", currency: VND}, ticketMax: {amount: "100", currency: USD}}) {
                investor { id } userErrors { field code message } } }"#,
            json!({}),
        )
        .await;
    assert_eq!(data["createInvestor"]["investor"], Value::Null);
    assert_eq!(
        data["createInvestor"]["userErrors"][0]["field"],
        "ticketMin"
    );
    assert!(
        data["createInvestor"]["userErrors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("ticketMax")
    );

    let data = server
        .data(r#"mutation { createMentor(input: {name: "Y", capacity: 1000, languages: ["Vietnamese"]}) { mentor { id } userErrors { field code } } }"#, json!({}))
        .await;
    let fields: Vec<&str> = common::texts(&data["createMentor"]["userErrors"], "/field");
    assert!(
        fields.contains(&"capacity") && fields.contains(&"languages"),
        "{fields:?}"
    );

    // Wrong types never reach the resolver: a GraphQL error with a code.
    let body = server
        .gql(
            CREATE_STARTUP,
            json!({"input": {"name": "A", "stage": "LATE"}}),
        )
        .await;
    assert!(
        body["errors"][0]["extensions"]["code"].is_string(),
        "{body}"
    );
    let body = server.gql(CREATE_STARTUP, json!({"input": {"name": "A", "stage": "IDEA", "seekingAmount": {"amount": "-5", "currency": "VND"}}})).await;
    assert!(
        body["errors"][0]["extensions"]["code"].is_string(),
        "{body}"
    );
    assert_eq!(count_startups(&server).await, before, "nothing was written");
}

async fn duplicate_slugs_are_user_errors(store: Store) {
    load_sample(&store).await;
    let server = TestServer::start(store).await;
    let data = server
        .data(
            CREATE_STARTUP,
            json!({"input": {"name": "Other", "slug": "lua-xanh", "stage": "IDEA"}}),
        )
        .await;
    assert_eq!(data["createStartup"]["userErrors"][0]["field"], "slug");
    assert_eq!(data["createStartup"]["userErrors"][0]["code"], "TAKEN");
    let id = server
        .data(r#"{ startup(slug: "vi-mekong") { id } }"#, json!({}))
        .await["startup"]["id"]
        .clone();
    let data = server
        .data(
            r#"mutation($id: ID!) { updateStartup(input: {id: $id, slug: "lua-xanh"}) { startup { slug } userErrors { field code } } }"#,
            json!({"id": id}),
        )
        .await;
    assert_eq!(data["updateStartup"]["userErrors"][0]["code"], "TAKEN");
    let data = server
        .data(r#"{ startup(slug: "vi-mekong") { name } }"#, json!({}))
        .await;
    assert_eq!(
        data["startup"]["name"], "Ví Mekong",
        "the failed update changed nothing"
    );
}

async fn node_fetches_every_type(store: Store) {
    load_sample(&store).await;
    let server = TestServer::start(store).await;
    let data = server
        .data(
            r#"{ startup(slug: "lua-xanh") { id investments { id } } investors(first: 1) { nodes { id } }
                 mentors(first: 1) { nodes { id } } organizations(first: 1) { nodes { id } }
                 events(first: 1) { nodes { id } } sectors { id } provinces { id } }"#,
            json!({}),
        )
        .await;
    let ids = vec![
        data["startup"]["id"].clone(),
        data["startup"]["investments"][0]["id"].clone(),
        data["investors"]["nodes"][0]["id"].clone(),
        data["mentors"]["nodes"][0]["id"].clone(),
        data["organizations"]["nodes"][0]["id"].clone(),
        data["events"]["nodes"][0]["id"].clone(),
        data["sectors"][0]["id"].clone(),
        data["provinces"][0]["id"].clone(),
    ];
    let types = [
        "Startup",
        "Investment",
        "Investor",
        "Mentor",
        "Organization",
        "Event",
        "Sector",
        "Province",
    ];
    let mut with_bogus = ids.clone();
    with_bogus.push(json!("bogus"));
    let data = server
        .data(
            "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }",
            json!({"ids": with_bogus}),
        )
        .await;
    let nodes = data["nodes"].as_array().unwrap();
    for (i, t) in types.iter().enumerate() {
        assert_eq!(nodes[i]["__typename"], *t);
        assert_eq!(nodes[i]["id"], ids[i]);
        let one = server
            .data(
                "query($id: ID!) { node(id: $id) { __typename } }",
                json!({"id": ids[i]}),
            )
            .await;
        assert_eq!(one["node"]["__typename"], *t);
    }
    assert_eq!(nodes[8], Value::Null, "an unknown ID resolves to null");
    let too_many: Vec<Value> = (0..101).map(|_| ids[0].clone()).collect();
    let body = server
        .gql(
            "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
            json!({"ids": too_many}),
        )
        .await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    // An ID of another type does not find a startup.
    let data = server
        .data(
            "query($id: ID!) { startup(id: $id) { id } }",
            json!({"id": ids[2]}),
        )
        .await;
    assert_eq!(data["startup"], Value::Null);
}

async fn investments_are_recorded_once(store: Store) {
    load_sample(&store).await;
    let server = TestServer::start(store).await;
    let ids = server
        .data(
            r#"{ startup(slug: "cang-so") { id } investor(slug: "hp-angels") { id } }"#,
            json!({}),
        )
        .await;
    let record = r#"mutation($input: RecordInvestmentInput!) {
        recordInvestment(input: $input) { investment { amount { amount } round investor { slug } startup { slug investments { id } } } userErrors { field code } } }"#;
    let input = json!({"investor": ids["investor"]["id"], "startup": ids["startup"]["id"],
        "amount": {"amount": "800000000", "currency": "VND"}, "round": "IDEA", "date": "2025-06-01"});
    let data = server.data(record, json!({"input": input})).await;
    let p = &data["recordInvestment"];
    assert_eq!(p["userErrors"], json!([]));
    assert_eq!(p["investment"]["startup"]["slug"], "cang-so");
    assert_eq!(
        p["investment"]["startup"]["investments"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let data = server.data(record, json!({"input": input})).await;
    assert_eq!(data["recordInvestment"]["userErrors"][0]["code"], "TAKEN");
    let mut wrong = input.clone();
    wrong["investor"] = ids["startup"]["id"].clone();
    let data = server.data(record, json!({"input": wrong})).await;
    assert_eq!(
        data["recordInvestment"]["userErrors"][0]["field"],
        "investor"
    );
    let mut future = input.clone();
    future["date"] = json!("2999-01-01");
    let data = server.data(record, json!({"input": future})).await;
    assert_eq!(data["recordInvestment"]["userErrors"][0]["field"], "date");
}

async fn eligibility_follows_the_five_year_rule(store: Store) {
    load_sample(&store).await;
    let server = TestServer::start(store).await;
    let data = server
        .data(
            r#"{ a: startup(slug: "lua-xanh") { now: isEligibleForSupport(asOf: "2025-01-01") later: isEligibleForSupport(asOf: "2028-04-02") edge: isEligibleForSupport(asOf: "2028-04-01") }
                 b: startup(slug: "cang-so") { isEligibleForSupport(asOf: "2040-01-01") } }"#,
            json!({}),
        )
        .await;
    assert_eq!(
        data["a"],
        json!({"now": true, "later": false, "edge": true})
    );
    assert_eq!(
        data["b"]["isEligibleForSupport"], true,
        "an unregistered project is eligible"
    );
    // Without `asOf`, and in the list filter, "today" is the server's
    // clock: Lúa Xanh (registered 2023-04-01) is eligible until 2028-04-01.
    let today = r#"{ startup(slug: "lua-xanh") { isEligibleForSupport }
        startups(filter: { eligibleForSupport: true }) { nodes { slug } } }"#;
    let listed = |data: &Value| data["startups"]["nodes"].to_string().contains("lua-xanh");
    let data = server.data(today, json!({})).await;
    assert_eq!(data["startup"]["isEligibleForSupport"], true);
    assert!(listed(&data), "{data}");
    server.clock.set(
        chrono::DateTime::parse_from_rfc3339("2028-04-02T08:00:00+07:00")
            .expect("valid")
            .with_timezone(&chrono::Utc),
    );
    let data = server.data(today, json!({})).await;
    assert_eq!(data["startup"]["isEligibleForSupport"], false);
    assert!(!listed(&data), "{data}");
}

async fn lookups_by_slug(store: Store) {
    load_sample(&store).await;
    let server = TestServer::start(store).await;
    let data = server
        .data(r#"{ investor(slug: "mekong-ventures") { name } mentor(slug: "nobody") { name } sector(key: "ai") { nameEn } province(key: "can-tho") { region } }"#, json!({}))
        .await;
    assert_eq!(data["investor"]["name"], "Mekong Ventures");
    assert_eq!(data["mentor"], Value::Null);
    assert_eq!(data["sector"]["nameEn"], "Artificial intelligence");
    let body = server.gql(r#"{ startup { id } }"#, json!({})).await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
}

async fn concurrent_updates_of_different_fields_all_land(store: Store) {
    load_sample(&store).await;
    let server = std::sync::Arc::new(TestServer::start(store).await);
    let id = server
        .data(r#"{ startup(slug: "cang-so") { id } }"#, json!({}))
        .await["startup"]["id"]
        .clone();
    let update = r#"mutation($input: UpdateStartupInput!) { updateStartup(input: $input) { userErrors { field } } }"#;
    for round in 0..3 {
        let changes = [
            json!({"tagline": format!("tagline {round}")}),
            json!({"description": format!("description {round}")}),
            json!({"teamSize": 10 + round}),
            json!({"website": format!("https://r{round}.example.vn")}),
            json!({"needs": ["LEGAL"]}),
            json!({"tags": ["YOUTH"]}),
        ];
        let mut tasks = Vec::new();
        for change in changes {
            let server = server.clone();
            let mut input = change.clone();
            input["id"] = id.clone();
            tasks.push(tokio::spawn(async move {
                let body = server.gql(update, json!({"input": input})).await;
                assert!(body.get("errors").is_none(), "{body}");
            }));
        }
        for t in tasks {
            t.await.unwrap();
        }
        let s = server
            .data(r#"{ startup(slug: "cang-so") { tagline description teamSize website needs tags } }"#, json!({}))
            .await;
        assert_eq!(
            s["startup"],
            json!({"tagline": format!("tagline {round}"), "description": format!("description {round}"),
                   "teamSize": 10 + round, "website": format!("https://r{round}.example.vn"),
                   "needs": ["LEGAL"], "tags": ["YOUTH"]}),
            "round {round}: every concurrent change landed"
        );
    }
}

/// Sectors and provinces are served from memory: a rename by an import
/// (which may run in another process) reaches answers within a poll, and a
/// sector imported after the server started is served at once.
async fn renamed_sectors_and_provinces_are_served_renamed(store: Store) {
    load_sample(&store).await;
    let server = TestServer::start(store.clone()).await;
    let query = r#"{ startups(first: 100) { nodes { id slug sectors { key name } province { slug name } } } }"#;
    let data = server.data(query, json!({})).await;
    let nodes = data["startups"]["nodes"].as_array().expect("nodes");
    let with_province = nodes
        .iter()
        .find(|n| n["province"].is_object())
        .expect("a startup with a province");
    let sector = with_province["sectors"][0]["key"]
        .as_str()
        .unwrap()
        .to_string();
    let province = with_province["province"]["slug"]
        .as_str()
        .unwrap()
        .to_string();
    let startup = with_province["slug"].as_str().unwrap().to_string();
    let id = with_province["id"].clone();

    common::import(
        &store,
        format!(
            "{{\"type\":\"sector\",\"key\":\"{sector}\",\"name\":\"Ngành mới\",\"name_en\":\"New sector\"}}\n\
             {{\"type\":\"province\",\"key\":\"{province}\",\"name\":\"Tỉnh mới\",\"region\":\"r\"}}\n\
             {{\"type\":\"sector\",\"key\":\"space\",\"name\":\"Hàng không vũ trụ\",\"name_en\":\"Space\"}}\n"
        ),
    )
    .await
    .expect("rename");
    let renamed = |data: &Value| {
        let node = data["startups"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["slug"] == startup.as_str())
            .cloned()
            .unwrap();
        node["sectors"][0]["name"] == "Ngành mới" && node["province"]["name"] == "Tỉnh mới"
    };
    let started = std::time::Instant::now();
    loop {
        if renamed(&server.data(query, json!({})).await) {
            break;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "the renames were not served within 10 s"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }

    // A new sector, given to a startup, is served at once (read from the
    // database until the copy holds it).
    let update = r#"mutation($input: UpdateStartupInput!) {
        updateStartup(input: $input) { startup { sectors { key name } } } }"#;
    let data = server
        .data(update, json!({"input": {"id": id, "sectors": ["space"]}}))
        .await;
    assert_eq!(
        data["updateStartup"]["startup"]["sectors"][0]["name"], "Hàng không vũ trụ",
        "{data}"
    );
}

/// Profiles asked only for short fields are read without their long texts;
/// asking for a text (directly, through a fragment, or beside the short
/// fields of another path to the same profile) always answers it.
async fn texts_are_answered_whenever_asked_for(store: Store) {
    load_sample(&store).await;
    let server = TestServer::start(store).await;
    let brief = r#"{ startups(first: 20) { nodes { slug name
        organization { slug name } investments { investor { slug name } } } } }"#;
    let whole = r#"fragment Texts on Startup { tagline description }
        { startups(first: 20) { edges { node { slug name ...Texts
        organization { slug name description } investments { investor { slug name thesis } } } } } }"#;
    let brief = server.data(brief, json!({})).await;
    let whole = server.data(whole, json!({})).await;
    let nodes = brief["startups"]["nodes"].as_array().expect("nodes");
    let edges = whole["startups"]["edges"].as_array().expect("edges");
    assert_eq!(nodes.len(), edges.len());
    let (mut organizations, mut investors) = (0, 0);
    for (short, edge) in nodes.iter().zip(edges) {
        let long = &edge["node"];
        assert_eq!(short["name"], long["name"]);
        assert_eq!(short["organization"]["name"], long["organization"]["name"]);
        let lookup = server
            .data(
                "query($slug: String!) { startup(slug: $slug) { tagline description } }",
                json!({ "slug": long["slug"] }),
            )
            .await;
        assert_eq!(long["tagline"], lookup["startup"]["tagline"]);
        assert_eq!(long["description"], lookup["startup"]["description"]);
        assert!(!long["description"].as_str().unwrap().is_empty(), "{long}");
        if long["organization"].is_object() {
            organizations += 1;
            assert!(
                !long["organization"]["description"]
                    .as_str()
                    .unwrap()
                    .is_empty()
            );
        }
        for investment in long["investments"].as_array().unwrap() {
            investors += 1;
            assert!(
                !investment["investor"]["thesis"]
                    .as_str()
                    .unwrap()
                    .is_empty()
            );
        }
    }
    assert!(organizations > 0 && investors > 0, "the sample has both");

    // The same investor, briefly under one path and whole under another.
    let both = r#"{ startups(first: 20) { nodes { investments {
        short: investor { name } long: investor { name thesis } } } } }"#;
    let both = server.data(both, json!({})).await;
    let investments: Vec<&Value> = both["startups"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|n| n["investments"].as_array().unwrap())
        .collect();
    assert!(!investments.is_empty());
    for investment in investments {
        assert_eq!(investment["short"]["name"], investment["long"]["name"]);
        assert!(!investment["long"]["thesis"].as_str().unwrap().is_empty());
    }
}

/// Each object's fields come in the order the document asks for them,
/// whichever resolves first: relations (loaded in batches) asked before
/// plain fields, through a fragment and under an alias.
async fn answers_keep_the_order_of_the_document(store: Store) {
    load_sample(&store).await;
    let server = TestServer::start(store).await;
    let query = r#"fragment Place on Startup { province { name } }
        { startups(first: 20) { nodes { investments { round investor { name } }
          ...Place organization { name } sectors { key } n: name stage } } }"#;
    let wanted = [
        "\"investments\"",
        "\"province\"",
        "\"organization\"",
        "\"sectors\"",
        "\"n\"",
        "\"stage\"",
    ];
    for _ in 0..20 {
        let body = server
            .client
            .post(format!("{}/graphql", server.url))
            .json(&json!({ "query": query }))
            .send()
            .await
            .expect("request")
            .text()
            .await
            .expect("body");
        assert!(!body.contains("\"errors\""), "{body}");
        // Every node's keys, in the order they were written.
        let nodes = body.split("{\"investments\"").skip(1).collect::<Vec<_>>();
        assert!(!nodes.is_empty(), "{body}");
        for node in nodes {
            let node = format!("{{\"investments\"{node}");
            let at: Vec<usize> = wanted
                .iter()
                .map(|key| node.find(key).unwrap_or_else(|| panic!("{key} in {node}")))
                .collect();
            assert!(at.is_sorted(), "fields out of order: {node}");
        }
    }
}
