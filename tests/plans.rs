//! Plans over HTTP, on SQLite and PostgreSQL: each target's figure for a
//! year and for the whole period, judged against the share of the period
//! gone by on the server's day (2026-12-01), the records behind a figure,
//! values the operator enters, an indicator as a series, and only the
//! operator sees any of it.

mod common;

use common::{TestServer, error_code, load_sample};
use ketnoi::store::Store;
use serde_json::{Value, json};

both_databases!(
    a_plan_reports_each_target_for_a_year_and_for_its_period,
    figures_to_enter_take_a_value_a_note_and_evidence,
    an_indicator_is_a_series_split_by_year,
    only_the_operator_sees_plans_and_indicators,
    reports_download_as_spreadsheets_for_the_operator,
);

/// A plan of Cần Thơ for 2023–2026, over the indicators' crafted records.
const PLAN: &str = r#"{"type":"plan","key":"can-tho-thu-nghiem","title":"Kế hoạch thử nghiệm","title_en":"A trial plan","province":"can-tho","starts_on":"2023-01-01","ends_on":"2026-12-31","basis":"99/KH-UBND","basis_on":"2022-12-20","targets":[{"key":"ho-tro","indicator":"SUPPORTED","label":"Hỗ trợ 8 dự án","min":8,"unit":"dự án","agency":"Sở Khoa học và Công nghệ"},{"key":"su-kien","indicator":"EVENTS","label":"01 sự kiện mỗi năm","min":1,"per_year":true},{"key":"ty-le","indicator":"ACCEPTANCE_RATE","label":"Tỷ lệ tuyển chọn ít nhất 40%","min":40},{"key":"tin-bai","indicator":"ENTERED","label":"10 tin bài mỗi năm","min":10,"per_year":true}]}
"#;

async fn server(store: Store) -> TestServer {
    load_sample(&store).await;
    common::import(&store, common::REPORT_RECORDS)
        .await
        .expect("records");
    common::import(&store, PLAN).await.expect("plan");
    TestServer::start(store).await
}

const TARGETS: &str = "query($year: Int) { plan(key: \"can-tho-thu-nghiem\") { key title basis basisOn province { slug } years \
    targets(year: $year) { key indicator unit target targetMax actual progress status from to entered note evidence \
    contributors(first: 10) { totalCount hasNextPage nodes { kind name on lines valueVnd node { ... on Startup { slug } } } } } } }";

/// The plan's targets for a year (null: the whole period), by key.
async fn targets(server: &TestServer, year: Option<i32>) -> Vec<Value> {
    let data = server.data(TARGETS, json!({ "year": year })).await;
    data["plan"]["targets"]
        .as_array()
        .unwrap_or_else(|| panic!("{data:#}"))
        .clone()
}

fn by_key<'a>(list: &'a [Value], key: &str) -> &'a Value {
    list.iter()
        .find(|t| t["key"] == key)
        .unwrap_or_else(|| panic!("no target {key}"))
}

async fn a_plan_reports_each_target_for_a_year_and_for_its_period(store: Store) {
    let server = server(store).await;
    let data = server
        .data("{ plans(province: \"can-tho\") { key years } }", json!({}))
        .await;
    assert_eq!(
        data["plans"],
        json!([
            { "key": "can-tho-thu-nghiem", "years": [2023, 2024, 2025, 2026] },
            { "key": "can-tho-2021-2025", "years": [2021, 2022, 2023, 2024, 2025] }
        ]),
        "the latest first"
    );

    // 2023, a quarter of the way: 2 of 8 supported is the share due.
    let year = targets(&server, Some(2023)).await;
    let support = by_key(&year, "ho-tro");
    assert_eq!(
        (&support["actual"], &support["target"], &support["status"]),
        (&json!(2.0), &json!(8.0), &json!("ON_TRACK")),
        "{support:#}"
    );
    assert_eq!(
        (&support["from"], &support["to"]),
        (&json!("2023-01-01"), &json!("2023-12-31"))
    );
    assert_eq!(support["progress"], 0.25);
    assert_eq!(support["unit"], "dự án");
    // The records behind it: Lúa Xanh (twice supported) and Ví Mekong.
    let contributors = &support["contributors"];
    assert_eq!(contributors["totalCount"], 2, "{contributors:#}");
    assert_eq!(contributors["nodes"][0]["node"]["slug"], "lua-xanh");
    assert_eq!(contributors["nodes"][0]["lines"], 2);
    assert_eq!(contributors["nodes"][0]["valueVnd"], 30_000_000.0);
    assert_eq!(contributors["nodes"][1]["on"], "2023-12-31");

    // A yearly target is the year's own: one event in 2023 (met), none
    // in 2025 (missed: the year is over).
    let events = by_key(&year, "su-kien");
    assert_eq!(
        (&events["actual"], &events["status"]),
        (&json!(1.0), &json!("MET"))
    );
    let later = targets(&server, Some(2025)).await;
    let events = by_key(&later, "su-kien");
    assert_eq!(
        (&events["actual"], &events["status"]),
        (&json!(0.0), &json!("MISSED"))
    );
    // A level is met as it stands: half the decided applications accepted.
    let rate = by_key(&year, "ty-le");
    assert_eq!(
        (&rate["actual"], &rate["status"]),
        (&json!(50.0), &json!("MET"))
    );
    assert_eq!(rate["unit"], "%");

    // The whole period, on 2026-12-01 (98% of the way): 4 of 8 supported
    // is behind; three events against one a year for four years is too.
    let whole = targets(&server, None).await;
    let support = by_key(&whole, "ho-tro");
    assert_eq!(
        (&support["actual"], &support["status"]),
        (&json!(4.0), &json!("AT_RISK")),
        "{support:#}"
    );
    let events = by_key(&whole, "su-kien");
    assert_eq!(
        (&events["actual"], &events["target"], &events["status"]),
        (&json!(3.0), &json!(4.0), &json!("AT_RISK")),
        "{events:#}"
    );
    // Not entered yet: no figure, no status.
    let news = by_key(&whole, "tin-bai");
    assert_eq!(
        (&news["entered"], &news["actual"], &news["status"]),
        (&json!(true), &Value::Null, &Value::Null)
    );

    // A year outside the plan is refused.
    let body = server.gql(TARGETS, json!({ "year": 2030 })).await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body:#}");
}

const ENTER: &str = "mutation($input: EnterIndicatorValueInput!) { enterIndicatorValue(input: $input) { \
    target { key actual status note evidence } userErrors { field code message } } }";

async fn figures_to_enter_take_a_value_a_note_and_evidence(store: Store) {
    let server = server(store).await;
    let input = json!({ "plan": "can-tho-thu-nghiem", "target": "tin-bai", "year": 2023, "value": 12,
                        "note": "Báo Cần Thơ và Đài PT-TH", "evidence": "https://skhcn.cantho.gov.vn/bao-cao-2023" });
    let body = server.gql(ENTER, json!({ "input": input })).await;
    let target = &body["data"]["enterIndicatorValue"]["target"];
    assert_eq!(
        (&target["actual"], &target["status"], &target["note"]),
        (
            &json!(12.0),
            &json!("MET"),
            &json!("Báo Cần Thơ và Đài PT-TH")
        ),
        "{body:#}"
    );
    // The whole period sums the years entered, against 10 a year.
    let whole = targets(&server, None).await;
    let news = by_key(&whole, "tin-bai");
    assert_eq!(
        (&news["actual"], &news["target"], &news["status"]),
        (&json!(12.0), &json!(40.0), &json!("AT_RISK"))
    );

    // Refused, nothing written: a computed target, a year outside the
    // plan, a negative value, an unknown target or plan.
    let refusals = [
        (
            json!({ "target": "ho-tro", "year": 2023, "value": 3 }),
            "NOT_ALLOWED",
        ),
        (
            json!({ "target": "tin-bai", "year": 2030, "value": 3 }),
            "OUT_OF_RANGE",
        ),
        (
            json!({ "target": "tin-bai", "year": 2024, "value": -1 }),
            "OUT_OF_RANGE",
        ),
        (
            json!({ "target": "khong-co", "year": 2024, "value": 1 }),
            "UNKNOWN_REFERENCE",
        ),
        (
            json!({ "target": "tin-bai", "year": 2024, "value": 1, "evidence": "javascript:alert(1)" }),
            "INVALID",
        ),
    ];
    for (mut input, code) in refusals {
        input["plan"] = json!("can-tho-thu-nghiem");
        let body = server.gql(ENTER, json!({ "input": input })).await;
        let errors = &body["data"]["enterIndicatorValue"]["userErrors"];
        assert_eq!(errors[0]["code"], code, "{input}: {body:#}");
    }
    let input = json!({ "plan": "khong-co", "target": "tin-bai", "value": 1 });
    let body = server.gql(ENTER, json!({ "input": input })).await;
    assert_eq!(
        body["data"]["enterIndicatorValue"]["userErrors"][0]["code"],
        "UNKNOWN_REFERENCE"
    );
    let year = targets(&server, Some(2024)).await;
    assert_eq!(by_key(&year, "tin-bai")["actual"], Value::Null);

    // A null value takes the figure back.
    let input =
        json!({ "plan": "can-tho-thu-nghiem", "target": "tin-bai", "year": 2023, "value": null });
    let body = server.gql(ENTER, json!({ "input": input })).await;
    assert_eq!(
        body["data"]["enterIndicatorValue"]["target"]["actual"],
        Value::Null,
        "{body:#}"
    );
}

const SERIES: &str = "query($name: Indicator!, $province: String, $by: [ReportDimension!]!, $filter: IndicatorFilterInput) { \
    indicator(name: $name, province: $province, from: \"2022-01-01\", to: \"2024-12-31\", groupBy: $by, filter: $filter) { \
    indicator unit total points { year quarter province { slug } value } contributors(first: 1) { totalCount hasNextPage nodes { name } } } }";

async fn an_indicator_is_a_series_split_by_year(store: Store) {
    let server = server(store).await;
    let vars = json!({ "name": "SUPPORTED", "province": "can-tho", "by": ["YEAR"] });
    let data = server.data(SERIES, vars).await;
    let series = &data["indicator"];
    // Three distinct recipients in all, though the years add up to three
    // only because none was supported in two of them.
    assert_eq!(series["total"], 3.0, "{series:#}");
    let points: Vec<(i64, f64)> = series["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["year"].as_i64().unwrap(), p["value"].as_f64().unwrap()))
        .collect();
    assert_eq!(points, [(2022, 0.0), (2023, 2.0), (2024, 1.0)]);
    assert_eq!(series["contributors"]["totalCount"], 3);
    assert_eq!(series["contributors"]["hasNextPage"], true);

    // By province, money: the state budget's support in each.
    let vars = json!({ "name": "SUPPORT_VND", "by": ["PROVINCE"], "filter": { "budgetSources": ["STATE"] } });
    let data = server.data(SERIES, vars).await;
    let mut points: Vec<(String, f64)> = data["indicator"]["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["province"]["slug"].as_str().unwrap_or("").to_string(),
                p["value"].as_f64().unwrap(),
            )
        })
        .collect();
    points.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        points,
        [
            ("can-tho".to_string(), 10_000_000.0),
            ("hai-phong".to_string(), 5_000_000.0)
        ]
    );
    assert_eq!(data["indicator"]["unit"], "VND");

    // Asked what it cannot answer: a clear error.
    for (vars, says) in [
        (
            json!({ "name": "EVENTS", "by": [], "filter": { "budgetSources": ["STATE"] } }),
            "cannot be filtered by budgetSources",
        ),
        (
            json!({ "name": "MENTORS", "by": ["YEAR"] }),
            "cannot be split by YEAR",
        ),
        (
            json!({ "name": "SUPPORTED", "by": ["YEAR", "QUARTER"] }),
            "not both",
        ),
        (
            json!({ "name": "SUPPORTED", "province": "atlantis", "by": [] }),
            "no province",
        ),
        (json!({ "name": "ENTERED", "by": [] }), "plan's targets"),
    ] {
        let body = server.gql(SERIES, vars.clone()).await;
        common::assert_error(&body, "BAD_USER_INPUT", says);
    }
}

async fn only_the_operator_sees_plans_and_indicators(store: Store) {
    let server = server(store).await;
    let founder = server.sign_up("founder@example.vn", "STARTUP").await;
    let investor = server.sign_up("investor@example.vn", "INVESTOR").await;
    let asks = [
        ("{ plans { key } }", json!({})),
        (TARGETS, json!({ "year": 2023 })),
        (SERIES, json!({ "name": "SUPPORTED", "by": [] })),
        (
            ENTER,
            json!({ "input": { "plan": "can-tho-thu-nghiem", "target": "tin-bai", "year": 2023, "value": 1 } }),
        ),
    ];
    for (query, vars) in asks {
        let body = server.gql_as(None, query, vars.clone()).await;
        assert_eq!(error_code(&body), "UNAUTHENTICATED", "{query}: {body:#}");
        for token in [&founder, &investor] {
            let body = server.gql_as(Some(token), query, vars.clone()).await;
            assert_eq!(error_code(&body), "FORBIDDEN", "{query}: {body:#}");
        }
    }
    // Nothing was entered by the refused calls.
    let year = targets(&server, Some(2023)).await;
    assert_eq!(by_key(&year, "tin-bai")["actual"], Value::Null);
}

async fn reports_download_as_spreadsheets_for_the_operator(store: Store) {
    let server = server(store).await;
    let get = |path: &str, token: Option<&str>| {
        let mut request = server.client.get(format!("{}{path}", server.url));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send()
    };
    let admin = server.admin_token.clone();
    let response = get("/reports/can-tho-thu-nghiem.xlsx?year=2023", Some(&admin))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-disposition"],
        "attachment; filename=\"can-tho-thu-nghiem-2023.xlsx\""
    );
    let bytes = response.bytes().await.unwrap();
    use calamine::Reader;
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes.to_vec())).expect("an xlsx file");
    assert_eq!(
        book.sheet_names(),
        ["can-tho-thu-nghiem", "Số liệu chi tiết"]
    );
    let sheet = book.worksheet_range("can-tho-thu-nghiem").unwrap();
    let cell = |r: &[calamine::Data], i: usize| r[i].to_string();
    let support = sheet
        .rows()
        .find(|r| cell(r, 0) == "ho-tro")
        .expect("the target's row")
        .to_vec();
    assert_eq!(
        (cell(&support, 4), cell(&support, 6), cell(&support, 8)),
        ("8".to_string(), "2".to_string(), "Đúng tiến độ".to_string())
    );
    // Year by year: one row per target, a column per year of the plan.
    let years = sheet
        .rows()
        .find(|r| cell(r, 0) == "Mã chỉ tiêu" && cell(r, 2) == "2023")
        .expect("the table by year")
        .to_vec();
    assert_eq!(cell(&years, 5), "2026");
    let details = book.worksheet_range("Số liệu chi tiết").unwrap();
    let names: Vec<String> = details.rows().map(|r| cell(r, 2)).collect();
    assert!(names.contains(&"Lúa Xanh".to_string()), "{names:?}");

    let response = get("/reports/can-tho-thu-nghiem.csv", Some(&admin))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let text = response.text().await.unwrap();
    assert!(text.starts_with("\u{feff}Mã chỉ tiêu,"), "{text}");
    let line = text
        .lines()
        .find(|l| l.starts_with("ho-tro,"))
        .expect("the row");
    assert!(line.contains("Chậm tiến độ"), "{line}");

    // Others are refused; a wrong name is not found.
    let founder = server.sign_up("founder@example.vn", "STARTUP").await;
    for (path, token, status) in [
        ("/reports/can-tho-thu-nghiem.xlsx", None, 401),
        (
            "/reports/can-tho-thu-nghiem.xlsx",
            Some(founder.as_str()),
            403,
        ),
        ("/reports/khong-co.xlsx", Some(admin.as_str()), 404),
        ("/reports/can-tho-thu-nghiem.pdf", Some(admin.as_str()), 404),
        (
            "/reports/can-tho-thu-nghiem.csv?year=2030",
            Some(admin.as_str()),
            400,
        ),
    ] {
        let response = get(path, token).await.unwrap();
        assert_eq!(response.status(), status, "{path}");
    }
}
