//! Matchmaking over HTTP, on SQLite and on PostgreSQL: ranked investor and
//! mentor matches with reasons in both languages, hard exclusions,
//! feedback that changes later lists, freshness after profile changes,
//! deal flow paging, who may see what, and cohort assignment.

mod common;

use std::time::{Duration, Instant};

use common::TestServer;
use ketnoi::store::Store;
use serde_json::{Value, json};

both_databases!(
    investor_matches_rank_exclude_and_explain,
    explanations_follow_lang_and_accept_language,
    mentor_matches_cover_needs_and_respect_capacity,
    feedback_dismisses_and_reranks,
    profile_changes_show_within_a_second,
    deal_flow_ranks_pages_and_excludes,
    only_owners_and_the_operator_see_matches,
    assign_mentors_respects_places_and_beats_greedy,
    event_meetings_never_double_book,
    confidential_deals_shape_no_match_reasons,
    mentor_places_are_coarse_in_match_reasons,
    a_portfolio_brings_an_investor_into_its_sectors,
    preferences_in_prose_show_and_rank,
    needs_asked_for_in_a_description_count,
);

/// A founder who asks for legal help in the description, without listing
/// it, is matched with a lawyer for it, and the reason says where the need
/// was read.
async fn needs_asked_for_in_a_description_count(store: Store) {
    let server = server(store).await;
    let lua_xanh = id_of(&server, "startup", "lua-xanh").await;
    let needs_of_lan = |matches: &[Value]| {
        match_of(matches, "mentor", "tran-thi-lan").map(|m| {
            reason(m, "NEEDS")["explanation"]
                .as_str()
                .unwrap()
                .to_string()
        })
    };
    let mentors = |lang: &'static str| {
        let server = &server;
        let lua_xanh = lua_xanh.clone();
        async move {
            let body = server
                .data(MENTOR_MATCHES, json!({ "id": lua_xanh, "lang": lang }))
                .await;
            body["startup"]["mentorMatches"].as_array().unwrap().clone()
        }
    };
    assert_eq!(
        needs_of_lan(&mentors("EN").await).as_deref(),
        Some("Covers none of the 2 needs")
    );
    let description = "Nền tảng truy xuất nguồn gốc nông sản. Chúng tôi cần hỗ trợ về pháp lý để ký hợp đồng xuất khẩu.";
    update(
        &server,
        "Startup",
        json!({ "id": lua_xanh, "description": description }),
    )
    .await;
    until(|| async { needs_of_lan(&mentors("EN").await).is_some_and(|n| n.contains("asked for")) })
        .await;
    assert_eq!(
        needs_of_lan(&mentors("EN").await).as_deref(),
        Some("Covers 1 of 3 needs: legal matters (legal matters asked for in its description)")
    );
    assert_eq!(
        needs_of_lan(&mentors("VI").await).as_deref(),
        Some("Đáp ứng 1/3 nhu cầu: pháp lý (pháp lý theo phần mô tả của startup)")
    );
}

/// A thesis and a bio state in sentences what the lists leave out: the
/// API shows what was read, with the sentence, and matching ranks by it.
async fn preferences_in_prose_show_and_rank(store: Store) {
    let server = server(store).await;
    let fund = id_of(&server, "investor", "mekong-agri").await;
    let thesis = "Quỹ cho nông nghiệp. Chúng tôi ưu tiên doanh nghiệp do phụ nữ làm chủ! Khong dau tu vao cong nghe tai chinh, nhung san sang ho tro sinh vien";
    update(&server, "Investor", json!({ "id": fund, "thesis": thesis })).await;
    let body = server
        .data(
            "{ investor(slug: \"mekong-agri\") { statedPreferences { tag sector { slug } favoured evidence } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        body["investor"]["statedPreferences"],
        json!([
            { "tag": null, "sector": { "slug": "agritech" }, "favoured": true, "evidence": "Quỹ cho nông nghiệp" },
            { "tag": "WOMEN_LED", "sector": null, "favoured": true, "evidence": "Chúng tôi ưu tiên doanh nghiệp do phụ nữ làm chủ" },
            { "tag": null, "sector": { "slug": "fintech" }, "favoured": false, "evidence": "Khong dau tu vao cong nghe tai chinh, nhung san sang ho tro sinh vien" },
            { "tag": "STUDENT", "sector": null, "favoured": true, "evidence": "Khong dau tu vao cong nghe tai chinh, nhung san sang ho tro sinh vien" },
        ])
    );
    // Ví Lúa is fintech (and agritech): the fund said no to fintech.
    let vi_lua = id_of(&server, "startup", "vi-lua").await;
    let ruled_out = |matches: &[Value]| {
        match_of(matches, "investor", "mekong-agri").is_some_and(|m| {
            reason(m, "PREFERENCES")["explanation"]
                .as_str()
                .unwrap()
                .contains("Công nghệ tài chính")
        })
    };
    until(|| async { ruled_out(&investor_matches(&server, &vi_lua).await) }).await;
    let body = server
        .data(
            INVESTOR_MATCHES,
            json!({ "id": vi_lua, "first": 20, "lang": "EN" }),
        )
        .await;
    let matches = body["startup"]["investorMatches"].as_array().unwrap();
    let fund_match = match_of(matches, "investor", "mekong-agri").unwrap();
    assert_eq!(
        reason(fund_match, "PREFERENCES")["explanation"],
        "Its thesis rules out Fintech, so the score is cut to a quarter"
    );
    assert!(fund_match["score"].as_f64().unwrap() < 0.25, "{fund_match}");

    // A mentor's bio names a topic the list lacks.
    let lan = id_of(&server, "mentor", "tran-thi-lan").await;
    let bio = "Pháp lý cho khởi nghiệp fintech. Tôi từng hỗ trợ nhiều doanh nghiệp đăng ký bảo hộ sáng chế. Tôi không làm marketing.";
    update(&server, "Mentor", json!({ "id": lan, "bio": bio })).await;
    let body = server
        .data(
            "{ mentor(slug: \"tran-thi-lan\") { inferredExpertise { topic evidence } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        body["mentor"]["inferredExpertise"],
        json!([{ "topic": "INTELLECTUAL_PROPERTY", "evidence": "Tôi từng hỗ trợ nhiều doanh nghiệp đăng ký bảo hộ sáng chế" }])
    );
}

/// What an investor backs shows beside what it lists: Hà Nội Fintech
/// Partners lists fintech only, yet once it has backed two agritech
/// startups it is recommended to a third, for its track record.
async fn a_portfolio_brings_an_investor_into_its_sectors(store: Store) {
    let server = server(store).await;
    let lua_xanh = id_of(&server, "startup", "lua-xanh").await;
    let listed = |m: &[Value]| slugs(m, "investor").contains(&"fin-ha-noi".to_string());
    assert!(
        !listed(&investor_matches(&server, &lua_xanh).await),
        "only its listed sectors yet"
    );
    let fund = id_of(&server, "investor", "fin-ha-noi").await;
    let record = "mutation($input: RecordInvestmentInput!) { recordInvestment(input: $input) { userErrors { code } } }";
    for startup in ["ca-tra", "rau-sach"] {
        let startup = id_of(&server, "startup", startup).await;
        let body = server
            .data(
                record,
                json!({ "input": { "investor": fund, "startup": startup, "round": "SERIES_A", "date": "2026-06-01",
                    "amount": { "amount": "5000000000", "currency": "VND" } } }),
            )
            .await;
        assert_eq!(body["recordInvestment"]["userErrors"], json!([]));
    }
    // Recommended for its track record, once both deals have reached the
    // engine.
    let both_deals = |matches: &[Value]| {
        match_of(matches, "investor", "fin-ha-noi").is_some_and(|fund| {
            let track = reason(fund, "TRACK_RECORD");
            track["explanation"]
                .as_str()
                .unwrap()
                .contains("2 trong lĩnh vực")
        })
    };
    until(|| async { both_deals(&investor_matches(&server, &lua_xanh).await) }).await;
    let matches = investor_matches(&server, &lua_xanh).await;
    let fund = match_of(&matches, "investor", "fin-ha-noi").expect("recommended");
    let track = reason(fund, "TRACK_RECORD");
    assert!(track["score"].as_f64().unwrap() > 0.5, "{track}");
    // Cá Tra Số is like Lúa Xanh (agritech, seed, Mekong Delta); Rau
    // Sạch Online less so (an MVP in Hà Nội).
    assert_eq!(
        reason(fund, "PORTFOLIO")["explanation"],
        "Đã đầu tư 1 startup giống startup này: lĩnh vực Nông nghiệp công nghệ cao, ở Mekong Delta"
    );
}

/// The reasons of one investor in a startup's matches, by factor, with the
/// match's score, as the given user reads them.
async fn reasons_of(
    server: &TestServer,
    token: &str,
    startup: &str,
    investor: &str,
) -> Option<(f64, Vec<(String, String)>)> {
    let body = server
        .gql_as(
            Some(token),
            INVESTOR_MATCHES,
            json!({ "id": startup, "first": 20, "lang": "EN" }),
        )
        .await;
    let matches = body["data"]["startup"]["investorMatches"].as_array()?;
    let m = matches.iter().find(|m| m["investor"]["slug"] == investor)?;
    let reasons = m["reasons"]
        .as_array()?
        .iter()
        .map(|r| {
            (
                r["factor"].as_str().unwrap_or_default().to_string(),
                r["explanation"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    Some((m["score"].as_f64()?, reasons))
}

/// Regression: a startup user's probe startup read, in an investor's
/// `TRACK_RECORD`, `ACTIVITY` and `POPULARITY` reasons, deals confidential
/// to others (count, sector, stage and date), which the investor's
/// portfolio hides. Confidential deals now shape nobody's matches.
async fn confidential_deals_shape_no_match_reasons(store: Store) {
    let server = server(store).await;
    let founder = server.sign_up("probe@example.vn", "STARTUP").await;
    let probe = server
        .create(
            &founder,
            "Startup",
            json!({ "name": "Thăm Dò", "stage": "SEED", "sectors": ["agritech"], "province": "can-tho" }),
        )
        .await;
    until(|| async {
        reasons_of(&server, &founder, &probe, "mekong-agri")
            .await
            .is_some()
    })
    .await;
    let before = reasons_of(&server, &founder, &probe, "mekong-agri")
        .await
        .expect("listed");
    let ids = server
        .data(
            r#"{ a: investor(slug: "mekong-agri") { id } b: investor(slug: "seed-angel") { id }
                 c: startup(slug: "rau-sach") { id } d: startup(slug: "lua-xanh") { id } }"#,
            json!({}),
        )
        .await;
    let record = "mutation($input: RecordInvestmentInput!) { recordInvestment(input: $input) { userErrors { code } } }";
    let hidden = server
        .data(
            record,
            json!({ "input": { "investor": ids["a"]["id"], "startup": ids["c"]["id"], "confidential": true,
                "amount": { "amount": "2000000000", "currency": "VND" }, "round": "SEED", "date": "2026-01-15" } }),
        )
        .await;
    assert_eq!(hidden["recordInvestment"]["userErrors"], json!([]));
    // A public deal recorded after it: once it shows, the engine has read
    // the confidential one too (it follows the change log in order).
    let seen_before = reasons_of(&server, &founder, &probe, "seed-angel")
        .await
        .expect("seed-angel fits");
    let public = server
        .data(
            record,
            json!({ "input": { "investor": ids["b"]["id"], "startup": ids["d"]["id"],
                "amount": { "amount": "1000000000", "currency": "VND" }, "round": "SEED", "date": "2026-02-01" } }),
        )
        .await;
    assert_eq!(public["recordInvestment"]["userErrors"], json!([]));
    until(|| async {
        reasons_of(&server, &founder, &probe, "seed-angel")
            .await
            .is_some_and(|now| now.1 != seen_before.1)
    })
    .await;
    let after = reasons_of(&server, &founder, &probe, "mekong-agri")
        .await
        .expect("still listed");
    assert_eq!(
        after, before,
        "the confidential deal changed what the probe reads"
    );
    // The operator's view of the same list is no different.
    let operator = server.admin_token.clone();
    let theirs = reasons_of(&server, &operator, &probe, "mekong-agri")
        .await
        .expect("listed");
    assert_eq!(theirs, before);
}

/// Regression: a mentor's `CAPACITY` reason counted the places left ("Can
/// take 3 more startups", then "2 more"), so anyone could follow another
/// startup's accepted introduction. It now says no more than the score.
async fn mentor_places_are_coarse_in_match_reasons(store: Store) {
    let server = server(store).await;
    let lua_xanh = id_of(&server, "startup", "lua-xanh").await;
    for (lang, places, last) in [
        ("EN", "Has places for more startups", "Has one place left"),
        ("VI", "Còn nhận thêm startup", "Chỉ còn một suất"),
    ] {
        let body = server
            .data(MENTOR_MATCHES, json!({ "id": lua_xanh, "lang": lang }))
            .await;
        let matches = body["startup"]["mentorMatches"].as_array().unwrap().clone();
        let capacity = |slug: &str| {
            matches
                .iter()
                .find(|m| m["mentor"]["slug"] == slug)
                .and_then(|m| {
                    m["reasons"]
                        .as_array()?
                        .iter()
                        .find(|r| r["factor"] == "CAPACITY")
                        .map(|r| r["explanation"].as_str().unwrap_or_default().to_string())
                })
                .unwrap_or_else(|| panic!("{slug} in {matches:#?}"))
        };
        // Two places left and one.
        assert_eq!(capacity("le-van-minh"), places);
        assert_eq!(capacity("john-smith"), last);
        for m in &matches {
            for r in m["reasons"].as_array().unwrap() {
                if r["factor"] == "CAPACITY" {
                    let text = r["explanation"].as_str().unwrap_or_default();
                    assert!(!text.contains(char::is_numeric), "{text}");
                }
            }
        }
    }
}

/// A crafted ecosystem: one agritech startup in Cần Thơ and investors and
/// mentors that fit it more or less.
const DATA: &str = r#"{"type":"sector","key":"agritech","name":"Nông nghiệp công nghệ cao","name_en":"Agritech"}
{"type":"sector","key":"fintech","name":"Công nghệ tài chính","name_en":"Fintech"}
{"type":"sector","key":"edtech","name":"Công nghệ giáo dục","name_en":"Edtech"}
{"type":"province","key":"can-tho","name":"Cần Thơ","region":"Mekong Delta"}
{"type":"province","key":"an-giang","name":"An Giang","region":"Mekong Delta"}
{"type":"province","key":"ha-noi","name":"Hà Nội","region":"Red River Delta"}
{"type":"startup","key":"lua-xanh","name":"Lúa Xanh","tagline":"Truy xuất nguồn gốc lúa gạo","description":"Nền tảng truy xuất nguồn gốc nông sản và cảm biến ruộng lúa cho hợp tác xã đồng bằng sông Cửu Long","sectors":["agritech"],"stage":"SEED","province":"can-tho","needs":["FUNDRAISING","MARKETING"],"seeking":{"amount":"5000000000","currency":"VND"}}
{"type":"startup","key":"ca-tra","name":"Cá Tra Số","tagline":"Nuôi cá tra thông minh","description":"Cảm biến ao nuôi cá tra và truy xuất nguồn gốc thủy sản","sectors":["agritech"],"stage":"SEED","province":"an-giang","needs":["MARKETING"],"seeking":{"amount":"8000000000","currency":"VND"}}
{"type":"startup","key":"rau-sach","name":"Rau Sạch Online","tagline":"Chợ rau sạch","description":"Sàn thương mại điện tử rau sạch cho nông dân","sectors":["agritech"],"stage":"MVP","province":"ha-noi","needs":["ECOMMERCE"],"seeking":{"amount":"1000000000","currency":"VND"}}
{"type":"startup","key":"vi-lua","name":"Ví Lúa","tagline":"Ví điện tử cho nông dân","description":"Thanh toán và tín dụng vi mô cho nông dân","sectors":["fintech","agritech"],"stage":"SEED","province":"can-tho","needs":["LEGAL"]}
{"type":"startup","key":"hoc-vui","name":"Học Vui","tagline":"Học toán qua trò chơi","description":"Ứng dụng học toán cho học sinh tiểu học","sectors":["edtech"],"stage":"IDEA","province":"ha-noi","needs":["PRODUCT_DEVELOPMENT"]}
{"type":"investor","key":"mekong-agri","name":"Mekong Agri Fund","kind":"VC_FUND","thesis":"Truy xuất nguồn gốc nông sản, cảm biến và nông nghiệp công nghệ cao ở đồng bằng sông Cửu Long","sectors":["agritech"],"stages":["SEED","SERIES_A"],"ticket_min":{"amount":"2000000000","currency":"VND"},"ticket_max":{"amount":"10000000000","currency":"VND"},"provinces":["can-tho","an-giang"],"active":true}
{"type":"investor","key":"big-growth","name":"Big Growth Capital","kind":"VC_FUND","thesis":"Late-stage agritech and food companies scaling across Asia","sectors":["agritech"],"stages":["GROWTH"],"ticket_min":{"amount":"50000000000","currency":"VND"},"ticket_max":{"amount":"200000000000","currency":"VND"},"provinces":[],"active":true}
{"type":"investor","key":"sleepy-fund","name":"Sleepy Agri Fund","kind":"VC_FUND","thesis":"Nông nghiệp công nghệ cao, truy xuất nguồn gốc nông sản","sectors":["agritech"],"stages":["SEED"],"ticket_min":{"amount":"2000000000","currency":"VND"},"ticket_max":{"amount":"10000000000","currency":"VND"},"provinces":[],"active":false}
{"type":"investor","key":"seed-angel","name":"Anh Tư Angel","kind":"ANGEL","thesis":"Thiên thần cho nông nghiệp và thực phẩm","sectors":["agritech"],"stages":["SEED","MVP"],"ticket_min":{"amount":"500000000","currency":"VND"},"ticket_max":{"amount":"3000000000","currency":"VND"},"provinces":[],"active":true}
{"type":"investor","key":"fin-ha-noi","name":"Hà Nội Fintech Partners","kind":"CORPORATE","thesis":"Payments and lending","sectors":["fintech"],"stages":["SERIES_A"],"provinces":["ha-noi"],"active":true}
{"type":"investor","key":"edu-fund","name":"Edu Fund","kind":"VC_FUND","thesis":"Giáo dục cho học sinh","sectors":["edtech"],"stages":["IDEA","MVP"],"provinces":[],"active":true}
{"type":"mentor","key":"le-van-minh","name":"Lê Văn Minh","headline":"Gọi vốn và marketing nông sản","bio":"Mười năm marketing nông sản đồng bằng sông Cửu Long","expertise":["MARKETING","FUNDRAISING"],"sectors":["agritech"],"languages":["vi"],"province":"can-tho","capacity":2}
{"type":"mentor","key":"tran-thi-lan","name":"Trần Thị Lan","headline":"Luật sư doanh nghiệp","bio":"Pháp lý cho khởi nghiệp fintech","expertise":["LEGAL","TAX"],"sectors":["fintech"],"languages":["vi","en"],"province":"ha-noi","capacity":3}
{"type":"mentor","key":"john-smith","name":"John Smith","headline":"Marketing for agritech exporters","bio":"Export marketing and branding for food companies","expertise":["MARKETING","BRANDING"],"sectors":["agritech"],"languages":["en"],"province":"ha-noi","capacity":1}
{"type":"investment","investor":"big-growth","startup":"ca-tra","amount":{"amount":"3000000000","currency":"VND"},"round":"SEED","date":"2025-05-01"}
{"type":"investment","investor":"seed-angel","startup":"vi-lua","amount":{"amount":"1000000000","currency":"VND"},"round":"SEED","date":"2025-03-01"}
"#;

async fn server(store: Store) -> TestServer {
    common::import(&store, DATA)
        .await
        .expect("import the matching data");
    TestServer::start(store).await
}

/// Updates a profile of `kind` (`Investor`, `Mentor`, …) through the API,
/// without user errors.
async fn update(server: &TestServer, kind: &str, input: Value) {
    let body = server
        .data(
            &format!(
                "mutation($input: Update{kind}Input!) {{ update{kind}(input: $input) {{ userErrors {{ message }} }} }}"
            ),
            json!({ "input": input }),
        )
        .await;
    assert_eq!(body[format!("update{kind}")]["userErrors"], json!([]));
}

async fn id_of(server: &TestServer, kind: &str, slug: &str) -> String {
    let body = server
        .data(
            &format!("query($s: String!) {{ {kind}(slug: $s) {{ id }} }}"),
            json!({ "s": slug }),
        )
        .await;
    body[kind]["id"].as_str().expect("id").to_string()
}

const INVESTOR_MATCHES: &str = "query($id: ID!, $first: Int, $filter: InvestorMatchFilter, $lang: Lang) { startup(id: $id) { investorMatches(first: $first, filter: $filter, lang: $lang) { score reasons { factor score weight explanation } investor { slug } } } }";

async fn investor_matches(server: &TestServer, startup: &str) -> Vec<Value> {
    let body = server
        .data(INVESTOR_MATCHES, json!({ "id": startup, "first": 20 }))
        .await;
    body["startup"]["investorMatches"]
        .as_array()
        .expect("a list")
        .clone()
}

fn slugs(matches: &[Value], who: &str) -> Vec<String> {
    matches
        .iter()
        .map(|m| m[who]["slug"].as_str().unwrap().to_string())
        .collect()
}

fn score_of(matches: &[Value], who: &str, slug: &str) -> Option<f64> {
    match_of(matches, who, slug).map(|m| m["score"].as_f64().unwrap())
}

/// The match of the investor or mentor (`who`) with this slug.
fn match_of<'a>(matches: &'a [Value], who: &str, slug: &str) -> Option<&'a Value> {
    matches.iter().find(|m| m[who]["slug"] == slug)
}

/// A match's reason for `factor`; fails the test when it has none.
fn reason<'a>(m: &'a Value, factor: &str) -> &'a Value {
    m["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["factor"] == factor)
        .unwrap_or_else(|| panic!("no {factor} reason in {m:#}"))
}

/// Polls `check` until it holds, failing after 10 s; returns how long it took.
async fn until<F, Fut>(mut check: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let started = Instant::now();
    while !check().await {
        assert!(started.elapsed() < Duration::from_secs(10), "never held");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    started.elapsed()
}

async fn investor_matches_rank_exclude_and_explain(store: Store) {
    let server = server(store).await;
    let lua_xanh = id_of(&server, "startup", "lua-xanh").await;
    let matches = investor_matches(&server, &lua_xanh).await;
    let order = slugs(&matches, "investor");
    // The fund whose sector, stage, ticket, province and thesis all fit
    // comes first; the growth fund (wrong stage, tickets ten times larger)
    // ranks below the seed angel; the inactive fund never shows.
    assert_eq!(order[0], "mekong-agri", "{matches:#?}");
    let position = |slug: &str| order.iter().position(|s| s == slug);
    assert!(position("seed-angel") < position("big-growth"), "{order:?}");
    assert_eq!(
        position("sleepy-fund"),
        None,
        "inactive investors are excluded"
    );
    // Scores lie in 0..1 and come best first.
    let scores: Vec<f64> = matches
        .iter()
        .map(|m| m["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(scores.iter().all(|s| (0.0..=1.0).contains(s)));
    // Every factor is there with its weight and a sentence (Vietnamese by
    // default).
    let reasons = matches[0]["reasons"].as_array().unwrap();
    let factors: Vec<&str> = reasons
        .iter()
        .map(|r| r["factor"].as_str().unwrap())
        .collect();
    for f in [
        "SECTOR",
        "STAGE",
        "TICKET",
        "GEOGRAPHY",
        "TEXT",
        "TRACK_RECORD",
        "ACTIVITY",
        "POPULARITY",
    ] {
        assert!(factors.contains(&f), "{f} missing from {factors:?}");
    }
    let sector = reasons.iter().find(|r| r["factor"] == "SECTOR").unwrap();
    assert_eq!(sector["score"], 1.0);
    assert_eq!(
        sector["explanation"],
        "Cùng lĩnh vực chính: Nông nghiệp công nghệ cao"
    );
    let geography = reasons.iter().find(|r| r["factor"] == "GEOGRAPHY").unwrap();
    assert_eq!(geography["explanation"], "Cùng địa bàn: Cần Thơ");
    // The weighted mean of the reasons, times the popularity multiplier, is
    // the score.
    let (sum, weights) =
        reasons
            .iter()
            .filter(|r| r["factor"] != "POPULARITY")
            .fold((0.0, 0.0), |(s, w), r| {
                let weight = r["weight"].as_f64().unwrap();
                (s + weight * r["score"].as_f64().unwrap(), w + weight)
            });
    let damp = reasons
        .iter()
        .find(|r| r["factor"] == "POPULARITY")
        .unwrap()["score"]
        .as_f64()
        .unwrap();
    assert!((sum / weights * damp - scores[0]).abs() < 1e-3);

    // Already invested: Ca Tra Số is in Big Growth's portfolio.
    let ca_tra = id_of(&server, "startup", "ca-tra").await;
    let order = slugs(&investor_matches(&server, &ca_tra).await, "investor");
    assert!(!order.contains(&"big-growth".to_string()), "{order:?}");
    assert!(order.contains(&"mekong-agri".to_string()));

    // Filters narrow.
    let body = server
        .data(
            INVESTOR_MATCHES,
            json!({ "id": lua_xanh, "first": 20, "filter": { "kinds": ["ANGEL"] } }),
        )
        .await;
    assert_eq!(
        slugs(
            body["startup"]["investorMatches"].as_array().unwrap(),
            "investor"
        ),
        vec!["seed-angel"]
    );
    let body = server
        .data(
            INVESTOR_MATCHES,
            json!({ "id": lua_xanh, "first": 20, "filter": { "minScore": 0.99 } }),
        )
        .await;
    assert_eq!(body["startup"]["investorMatches"], json!([]));
    let bad = server
        .gql(INVESTOR_MATCHES, json!({ "id": lua_xanh, "first": 0 }))
        .await;
    assert_eq!(bad["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
}

async fn explanations_follow_lang_and_accept_language(store: Store) {
    let server = server(store).await;
    let lua_xanh = id_of(&server, "startup", "lua-xanh").await;
    let sector_sentence = |body: Value| {
        body["data"]["startup"]["investorMatches"][0]["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["factor"] == "SECTOR")
            .unwrap()["explanation"]
            .clone()
    };
    let english = server
        .gql(INVESTOR_MATCHES, json!({ "id": lua_xanh, "lang": "EN" }))
        .await;
    assert_eq!(sector_sentence(english), "Same main sector: Agritech");
    let by_header: Value = server
        .client
        .post(format!("{}/graphql", server.url))
        .bearer_auth(&server.admin_token)
        .header("Accept-Language", "en-GB,en;q=0.9,vi;q=0.5")
        .json(&json!({ "query": INVESTOR_MATCHES, "variables": { "id": lua_xanh } }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(sector_sentence(by_header), "Same main sector: Agritech");
    // The argument wins over the header.
    let both: Value = server
        .client
        .post(format!("{}/graphql", server.url))
        .bearer_auth(&server.admin_token)
        .header("Accept-Language", "en")
        .json(&json!({ "query": INVESTOR_MATCHES, "variables": { "id": lua_xanh, "lang": "VI" } }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        sector_sentence(both),
        "Cùng lĩnh vực chính: Nông nghiệp công nghệ cao"
    );
}

const MENTOR_MATCHES: &str = "query($id: ID!, $lang: Lang) { startup(id: $id) { mentorMatches(first: 10, lang: $lang) { score reasons { factor score weight explanation } mentor { slug } } } }";

async fn mentor_matches_cover_needs_and_respect_capacity(store: Store) {
    let server = server(store).await;
    let lua_xanh = id_of(&server, "startup", "lua-xanh").await;
    let body = server
        .data(MENTOR_MATCHES, json!({ "id": lua_xanh, "lang": "EN" }))
        .await;
    let matches = body["startup"]["mentorMatches"].as_array().unwrap().clone();
    assert_eq!(
        slugs(&matches, "mentor")[0],
        "le-van-minh",
        "covers both needs, same sector, province and language: {matches:#?}"
    );
    let needs = reason(&matches[0], "NEEDS");
    assert_eq!(needs["score"], 1.0);
    assert_eq!(
        needs["explanation"],
        "Covers 2 of 2 needs: marketing and fundraising"
    );
    // John Smith speaks English only: the language factor says so.
    let john = match_of(&matches, "mentor", "john-smith").expect("John Smith fits the sector");
    let language = reason(john, "LANGUAGE");
    assert_eq!(language["score"], 0.0);
    assert!(
        language["explanation"]
            .as_str()
            .unwrap()
            .contains("cut to a quarter"),
        "{language}"
    );
    // A shared language is close to a requirement: his score is a quarter
    // of what his factors give.
    let reasons = john["reasons"].as_array().unwrap();
    let weighted: f64 = reasons
        .iter()
        .map(|r| r["score"].as_f64().unwrap() * r["weight"].as_f64().unwrap())
        .sum();
    let weights: f64 = reasons.iter().map(|r| r["weight"].as_f64().unwrap()).sum();
    let score = john["score"].as_f64().unwrap();
    assert!((score - 0.25 * weighted / weights).abs() < 1e-3, "{john:#}");

    // A mentor with one place: once a startup's introduction is accepted
    // she has none left and disappears from every list.
    let founder = server.sign_up("founder@example.vn", "STARTUP").await;
    let mentor = server.sign_up("hoa@example.vn", "MENTOR").await;
    let hoa = server
        .create(
            &mentor,
            "Mentor",
            json!({ "name": "Nguyễn Hoa", "expertise": ["MARKETING", "FUNDRAISING"], "sectors": ["agritech"], "languages": ["vi"], "capacity": 1 }),
        )
        .await;
    let mine = server
        .create(
            &founder,
            "Startup",
            json!({ "name": "Nấm Sạch", "stage": "SEED", "sectors": ["agritech"] }),
        )
        .await;
    let listed = || async {
        let body = server.data(MENTOR_MATCHES, json!({ "id": lua_xanh })).await;
        slugs(
            body["startup"]["mentorMatches"].as_array().unwrap(),
            "mentor",
        )
        .contains(&"nguyen-hoa".to_string())
    };
    until(listed).await;
    let asked = server
        .gql_as(
            Some(&founder),
            "mutation($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { introduction { id } userErrors { message } } }",
            json!({ "input": { "from": mine, "to": hoa, "message": "Xin chào" } }),
        )
        .await;
    let intro = asked["data"]["requestIntroduction"]["introduction"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{asked:#}"))
        .to_string();
    let accepted = server
        .gql_as(
            Some(&mentor),
            "mutation($input: IntroductionInput!) { acceptIntroduction(input: $input) { introduction { status } } }",
            json!({ "input": { "id": intro } }),
        )
        .await;
    assert_eq!(
        accepted["data"]["acceptIntroduction"]["introduction"]["status"],
        "ACCEPTED"
    );
    let took = until(|| async { !listed().await }).await;
    assert!(took < Duration::from_secs(1), "took {took:?}");
}

const FEEDBACK: &str = "mutation($input: MatchFeedbackInput!) { matchFeedback(input: $input) { feedback { side verdict investor { slug } } userErrors { field code message } } }";

async fn feedback_dismisses_and_reranks(store: Store) {
    let server = server(store).await;
    let lua_xanh = id_of(&server, "startup", "lua-xanh").await;
    let before = investor_matches(&server, &lua_xanh).await;
    let big_before = score_of(&before, "investor", "big-growth").unwrap();
    let angel_before = score_of(&before, "investor", "seed-angel").unwrap();

    // Not relevant: the fund disappears from this startup's list.
    let mekong = id_of(&server, "investor", "mekong-agri").await;
    let body = server
        .data(
            FEEDBACK,
            json!({ "input": { "startup": lua_xanh, "investor": mekong, "verdict": "NOT_RELEVANT" } }),
        )
        .await;
    assert_eq!(
        body["matchFeedback"]["feedback"],
        json!({ "side": "STARTUP", "verdict": "NOT_RELEVANT", "investor": { "slug": "mekong-agri" } })
    );
    let took = until(|| async {
        !slugs(&investor_matches(&server, &lua_xanh).await, "investor")
            .contains(&"mekong-agri".to_string())
    })
    .await;
    assert!(took < Duration::from_secs(1), "took {took:?}");

    // Relevant: the growth fund itself scores higher, and the angel, less
    // like what was dismissed than before... the list measurably changes.
    let big = id_of(&server, "investor", "big-growth").await;
    server
        .data(
            FEEDBACK,
            json!({ "input": { "startup": lua_xanh, "investor": big, "verdict": "RELEVANT" } }),
        )
        .await;
    until(|| async {
        let now = investor_matches(&server, &lua_xanh).await;
        score_of(&now, "investor", "big-growth").is_some_and(|s| s > big_before + 0.05)
    })
    .await;
    let after = investor_matches(&server, &lua_xanh).await;
    let angel_after = score_of(&after, "investor", "seed-angel").unwrap();
    assert_ne!(angel_after, angel_before, "similar investors move too");
    let reasons = after
        .iter()
        .find(|m| m["investor"]["slug"] == "big-growth")
        .unwrap()["reasons"]
        .clone();
    assert!(
        reasons
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["factor"] == "FEEDBACK" && r["explanation"] == "Bạn đã đánh dấu là phù hợp"),
        "{reasons:#}"
    );
    // The other startup's list is untouched by this startup's feedback.
    let ca_tra = id_of(&server, "startup", "ca-tra").await;
    assert!(
        slugs(&investor_matches(&server, &ca_tra).await, "investor")
            .contains(&"mekong-agri".to_string())
    );

    // Bad input: both counterparts, or none.
    let body = server
        .data(
            FEEDBACK,
            json!({ "input": { "startup": lua_xanh, "verdict": "RELEVANT" } }),
        )
        .await;
    assert_eq!(body["matchFeedback"]["userErrors"][0]["code"], "INVALID");
    let body = server
        .data(
            FEEDBACK,
            json!({ "input": { "startup": lua_xanh, "investor": lua_xanh, "verdict": "RELEVANT" } }),
        )
        .await;
    assert_eq!(
        body["matchFeedback"]["userErrors"][0]["code"],
        "UNKNOWN_REFERENCE"
    );
}

async fn profile_changes_show_within_a_second(store: Store) {
    let server = server(store).await;
    let hoc_vui = id_of(&server, "startup", "hoc-vui").await;
    let mut slowest = Duration::ZERO;
    // A new investor in the startup's sector appears.
    let started = Instant::now();
    server
        .create(
            &server.admin_token,
            "Investor",
            json!({ "name": "Quỹ Giáo Dục Mới", "kind": "PUBLIC_FUND", "thesis": "Học toán và trò chơi cho học sinh", "sectors": ["edtech"], "stages": ["IDEA"] }),
        )
        .await;
    until(|| async {
        slugs(&investor_matches(&server, &hoc_vui).await, "investor")
            .contains(&"quy-giao-duc-moi".to_string())
    })
    .await;
    slowest = slowest.max(started.elapsed());
    // A changed profile moves: the fintech corporate turns to edtech.
    let fin = id_of(&server, "investor", "fin-ha-noi").await;
    let started = Instant::now();
    let body = server
        .data(
            "mutation($input: UpdateInvestorInput!) { updateInvestor(input: $input) { userErrors { message } } }",
            json!({ "input": { "id": fin, "sectors": ["edtech"], "stages": ["IDEA"] } }),
        )
        .await;
    assert_eq!(body["updateInvestor"]["userErrors"], json!([]));
    until(|| async {
        slugs(&investor_matches(&server, &hoc_vui).await, "investor")
            .contains(&"fin-ha-noi".to_string())
    })
    .await;
    slowest = slowest.max(started.elapsed());
    // A recorded investment excludes the pair.
    let started = Instant::now();
    let body = server
        .data(
            "mutation($input: RecordInvestmentInput!) { recordInvestment(input: $input) { userErrors { message } } }",
            json!({ "input": { "investor": fin, "startup": hoc_vui, "amount": { "amount": "1000000000", "currency": "VND" }, "round": "IDEA", "date": "2026-01-05" } }),
        )
        .await;
    assert_eq!(
        body["recordInvestment"]["userErrors"],
        json!([]),
        "{body:#}"
    );
    until(|| async {
        !slugs(&investor_matches(&server, &hoc_vui).await, "investor")
            .contains(&"fin-ha-noi".to_string())
    })
    .await;
    slowest = slowest.max(started.elapsed());
    // A deleted investor disappears.
    let edu = id_of(&server, "investor", "edu-fund").await;
    let started = Instant::now();
    server
        .data(
            "mutation($input: DeleteInput!) { deleteInvestor(input: $input) { userErrors { message } } }",
            json!({ "input": { "id": edu } }),
        )
        .await;
    until(|| async {
        !slugs(&investor_matches(&server, &hoc_vui).await, "investor")
            .contains(&"edu-fund".to_string())
    })
    .await;
    slowest = slowest.max(started.elapsed());
    assert!(
        slowest < Duration::from_secs(1),
        "slowest change took {slowest:?}"
    );
}

const DEAL_FLOW: &str = "query($id: ID!, $first: Int, $after: String, $filter: StartupMatchFilter) { investor(id: $id) { dealFlow(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { score startup { slug } reasons { factor } } } } } }";

async fn deal_flow_ranks_pages_and_excludes(store: Store) {
    let server = server(store).await;
    let angel = id_of(&server, "investor", "seed-angel").await;
    let page = |first: i64, after: Option<String>| {
        let server = &server;
        let angel = angel.clone();
        async move {
            server
                .data(
                    DEAL_FLOW,
                    json!({ "id": angel, "first": first, "after": after }),
                )
                .await["investor"]["dealFlow"]
                .clone()
        }
    };
    let all = page(10, None).await;
    let order: Vec<&str> = common::texts(&all["edges"], "/node/startup/slug");
    // Agritech startups it can back first (Rau Sạch's 1 billion sits in
    // its ticket range), the edtech idea last; Ví Lúa, already in its
    // portfolio, never.
    assert_eq!(order[0], "rau-sach", "{order:?}");
    assert_eq!(order.last(), Some(&"hoc-vui"), "{order:?}");
    assert!(!order.contains(&"vi-lua"), "{order:?}");
    assert_eq!(all["totalCount"], order.len());
    // Pages of two add up to the whole list, in the same order.
    let mut paged = Vec::new();
    let mut after = None;
    loop {
        let p = page(2, after).await;
        for e in p["edges"].as_array().unwrap() {
            paged.push(e["node"]["startup"]["slug"].as_str().unwrap().to_string());
        }
        if p["pageInfo"]["hasNextPage"] != true {
            break;
        }
        after = p["pageInfo"]["endCursor"].as_str().map(str::to_string);
    }
    assert_eq!(paged, order);
    // Filters narrow.
    let body = server
        .data(
            DEAL_FLOW,
            json!({ "id": angel, "filter": { "stages": ["MVP"] } }),
        )
        .await;
    let edges = body["investor"]["dealFlow"]["edges"].as_array().unwrap();
    assert_eq!(edges.len(), 1);
    assert_eq!(edges[0]["node"]["startup"]["slug"], "rau-sach");
    // A forged cursor is a clear error.
    let bad = server
        .gql(DEAL_FLOW, json!({ "id": angel, "after": "not-a-cursor" }))
        .await;
    assert_eq!(bad["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");

    // A mentor's suggestions: startups whose needs they cover.
    let minh = id_of(&server, "mentor", "le-van-minh").await;
    let body = server
        .data(
            "query($id: ID!) { mentor(id: $id) { suggestedStartups(first: 3) { score startup { slug } } } }",
            json!({ "id": minh }),
        )
        .await;
    assert_eq!(
        body["mentor"]["suggestedStartups"][0]["startup"]["slug"],
        "lua-xanh"
    );
}

async fn only_owners_and_the_operator_see_matches(store: Store) {
    let server = server(store).await;
    let founder = server.sign_up("founder@example.vn", "STARTUP").await;
    let stranger = server.sign_up("stranger@example.vn", "INVESTOR").await;
    let mine = server
        .create(
            &founder,
            "Startup",
            json!({ "name": "Nấm Sạch", "stage": "SEED", "sectors": ["agritech"], "description": "Trồng nấm sạch trong nhà kính" }),
        )
        .await;
    // The owner sees the matches of their startup (once the engine has it).
    until(|| async {
        let body = server
            .gql_as(Some(&founder), INVESTOR_MATCHES, json!({ "id": mine }))
            .await;
        body["data"]["startup"]["investorMatches"]
            .as_array()
            .is_some_and(|m| !m.is_empty())
    })
    .await;
    // Others do not.
    let body = server
        .gql_as(Some(&stranger), INVESTOR_MATCHES, json!({ "id": mine }))
        .await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "FORBIDDEN");
    let body = server
        .gql_as(None, INVESTOR_MATCHES, json!({ "id": mine }))
        .await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "UNAUTHENTICATED");
    let angel = id_of(&server, "investor", "seed-angel").await;
    let body = server
        .gql_as(Some(&stranger), DEAL_FLOW, json!({ "id": angel }))
        .await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "FORBIDDEN");
    // Feedback on someone else's list is refused, and changes nothing.
    let body = server
        .gql_as(
            Some(&stranger),
            FEEDBACK,
            json!({ "input": { "startup": mine, "investor": angel, "verdict": "NOT_RELEVANT", "side": "STARTUP" } }),
        )
        .await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "FORBIDDEN");
    // Assigning mentors is the operator's.
    let body = server
        .gql_as(
            Some(&founder),
            "mutation($input: AssignMentorsInput!) { assignMentors(input: $input) { totalScore } }",
            json!({ "input": { "startups": [mine] } }),
        )
        .await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "FORBIDDEN");
}

const ASSIGN: &str = "mutation($input: AssignMentorsInput!) { assignMentors(input: $input) { totalScore assignments { startup { slug } match { score mentor { slug capacity } } } unassigned { startupId reason } userErrors { field code } } }";

async fn assign_mentors_respects_places_and_beats_greedy(store: Store) {
    let server = server(store).await;
    let mut cohort = Vec::new();
    for slug in ["lua-xanh", "ca-tra", "rau-sach", "vi-lua", "hoc-vui"] {
        cohort.push(id_of(&server, "startup", slug).await);
    }
    let body = server
        .data(
            ASSIGN,
            json!({ "input": { "startups": cohort, "perStartup": 2 } }),
        )
        .await;
    let result = &body["assignMentors"];
    assert_eq!(result["userErrors"], json!([]));
    let assignments = result["assignments"].as_array().unwrap();
    // No mentor takes more startups than their places.
    let mut taken: std::collections::HashMap<String, i64> = Default::default();
    for a in assignments {
        *taken
            .entry(a["match"]["mentor"]["slug"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    for a in assignments {
        let mentor = &a["match"]["mentor"];
        assert!(
            taken[mentor["slug"].as_str().unwrap()] <= mentor["capacity"].as_i64().unwrap(),
            "{result:#}"
        );
    }
    // Each startup gets at most two; the total is the sum of the pairs.
    for s in ["lua-xanh", "ca-tra", "rau-sach", "vi-lua", "hoc-vui"] {
        assert!(
            assignments
                .iter()
                .filter(|a| a["startup"]["slug"] == s)
                .count()
                <= 2
        );
    }
    let sum: f64 = assignments
        .iter()
        .map(|a| a["match"]["score"].as_f64().unwrap())
        .sum();
    assert!((sum - result["totalScore"].as_f64().unwrap()).abs() < 1e-3);
    // Six places for ten wanted: all six are used, every startup gets one.
    assert_eq!(assignments.len(), 6, "{result:#}");
    assert_eq!(result["unassigned"], json!([]));

    // Among two mentors with three places, two startups are left out, each
    // with a reason.
    let two = vec![
        id_of(&server, "mentor", "le-van-minh").await,
        id_of(&server, "mentor", "john-smith").await,
    ];
    let body = server
        .data(
            ASSIGN,
            json!({ "input": { "startups": cohort, "mentors": two } }),
        )
        .await;
    let narrow = &body["assignMentors"];
    assert_eq!(
        narrow["assignments"].as_array().unwrap().len(),
        3,
        "{narrow:#}"
    );
    let left_out = narrow["unassigned"].as_array().unwrap();
    assert_eq!(left_out.len(), 2, "{narrow:#}");
    assert!(left_out.iter().all(|u| u["reason"] == "MENTORS_FULL"));
    // Lúa Xanh, whose needs Lê Văn Minh covers exactly, gets him.
    assert!(narrow["assignments"].as_array().unwrap().iter().any(|a| {
        a["startup"]["slug"] == "lua-xanh" && a["match"]["mentor"]["slug"] == "le-van-minh"
    }));

    // Greedy on the same pair scores never does better.
    let mut pairs = Vec::new();
    for (i, id) in cohort.iter().enumerate() {
        let body = server.data(MENTOR_MATCHES, json!({ "id": id })).await;
        for m in body["startup"]["mentorMatches"].as_array().unwrap() {
            pairs.push((
                i,
                m["mentor"]["slug"].as_str().unwrap().to_string(),
                m["score"].as_f64().unwrap(),
            ));
        }
    }
    pairs.sort_by(|a, b| b.2.total_cmp(&a.2));
    let places = [("le-van-minh", 2), ("tran-thi-lan", 3), ("john-smith", 1)];
    let mut left: std::collections::HashMap<&str, i64> = places.into_iter().collect();
    let mut per: std::collections::HashMap<usize, i64> = Default::default();
    let mut greedy = 0.0;
    for (i, mentor, score) in &pairs {
        let room = left.get_mut(mentor.as_str()).unwrap();
        let mine = per.entry(*i).or_default();
        if *room > 0 && *mine < 2 {
            *room -= 1;
            *mine += 1;
            greedy += score;
        }
    }
    assert!(result["totalScore"].as_f64().unwrap() >= greedy - 1e-3);

    // Bad input is a user error.
    let body = server
        .data(
            ASSIGN,
            json!({ "input": { "startups": [], "perStartup": 1 } }),
        )
        .await;
    assert_eq!(body["assignMentors"]["userErrors"][0]["field"], "startups");
    let body = server
        .data(
            ASSIGN,
            json!({ "input": { "startups": cohort, "perStartup": 99 } }),
        )
        .await;
    assert_eq!(
        body["assignMentors"]["userErrors"][0]["field"],
        "perStartup"
    );
}

const REGISTER: &str = "mutation($input: EventRegistrationInput!) { registerForEvent(input: $input) { changed userErrors { field code } } }";

const SCHEDULE: &str = "mutation($input: ScheduleMeetingsInput!) { scheduleMeetings(input: $input) { totalScore meetings { slot score startup { slug } investor { slug } mentor { slug } } unscheduled { ... on Startup { slug } ... on Investor { slug } ... on Mentor { slug } } userErrors { field code } } }";

async fn event_meetings_never_double_book(store: Store) {
    let server = server(store).await;
    let event = server
        .create(
            &server.admin_token,
            "Event",
            json!({ "title": "Techfest Cần Thơ 2027", "kind": "PITCHING", "startsAt": "2027-05-20T08:00:00+07:00" }),
        )
        .await;
    let people = [
        ("startup", "lua-xanh"),
        ("startup", "ca-tra"),
        ("startup", "rau-sach"),
        ("startup", "vi-lua"),
        ("investor", "mekong-agri"),
        ("investor", "seed-angel"),
        ("investor", "sleepy-fund"),
        ("investor", "big-growth"),
        ("mentor", "le-van-minh"),
    ];
    for (kind, slug) in people {
        let id = id_of(&server, kind, slug).await;
        let body = server
            .data(
                REGISTER,
                json!({ "input": { "event": event, "participant": id } }),
            )
            .await;
        assert_eq!(
            body["registerForEvent"],
            json!({ "changed": true, "userErrors": [] })
        );
    }
    // Twice changes nothing.
    let again = id_of(&server, "startup", "lua-xanh").await;
    let body = server
        .data(
            REGISTER,
            json!({ "input": { "event": event, "participant": again } }),
        )
        .await;
    assert_eq!(body["registerForEvent"]["changed"], false);
    let body = server
        .data(
            "query($id: ID!) { event(id: $id) { participants { ... on Startup { slug } ... on Investor { slug } ... on Mentor { slug } } } }",
            json!({ "id": event }),
        )
        .await;
    let listed: Vec<&str> = common::texts(&body["event"]["participants"], "/slug");
    assert_eq!(listed, people.iter().map(|p| p.1).collect::<Vec<_>>());

    let body = server
        .data(
            SCHEDULE,
            json!({ "input": { "event": event, "slots": 3, "maxMeetingsPerParticipant": 2 } }),
        )
        .await;
    let result = &body["scheduleMeetings"];
    assert_eq!(result["userErrors"], json!([]));
    let meetings = result["meetings"].as_array().unwrap();
    assert!(!meetings.is_empty());
    let mut booked = std::collections::HashSet::new();
    let mut count: std::collections::HashMap<String, usize> = Default::default();
    for m in meetings {
        let slot = m["slot"].as_i64().unwrap();
        assert!((1..=3).contains(&slot));
        let startup = m["startup"]["slug"].as_str().unwrap().to_string();
        let other = m["investor"]["slug"]
            .as_str()
            .or(m["mentor"]["slug"].as_str())
            .unwrap()
            .to_string();
        for who in [&startup, &other] {
            assert!(
                booked.insert((slot, who.clone())),
                "{who} double-booked in slot {slot}"
            );
            *count.entry(who.clone()).or_default() += 1;
        }
        // Pairs matching excludes never meet.
        assert_ne!(other, "sleepy-fund", "inactive");
        assert!(
            !(startup == "ca-tra" && other == "big-growth"),
            "already invested"
        );
        assert!(
            !(startup == "vi-lua" && other == "seed-angel"),
            "already invested"
        );
    }
    assert!(count.values().all(|n| *n <= 2), "{count:?}");
    let sum: f64 = meetings.iter().map(|m| m["score"].as_f64().unwrap()).sum();
    assert!((sum - result["totalScore"].as_f64().unwrap()).abs() < 1e-3);
    // Four startups with two meetings each fit in the counterparts' time:
    // every startup meets twice.
    for s in ["lua-xanh", "ca-tra", "rau-sach", "vi-lua"] {
        assert_eq!(count.get(s), Some(&2), "{s}: {count:?}");
    }
    let unscheduled: Vec<&str> = common::texts(&result["unscheduled"], "/slug");
    assert!(unscheduled.contains(&"sleepy-fund"), "{unscheduled:?}");

    // Limits and rights.
    let body = server
        .data(
            SCHEDULE,
            json!({ "input": { "event": event, "slots": 2, "maxMeetingsPerParticipant": 3 } }),
        )
        .await;
    assert_eq!(
        body["scheduleMeetings"]["userErrors"][0]["field"],
        "maxMeetingsPerParticipant"
    );
    let founder = server.sign_up("founder@example.vn", "STARTUP").await;
    let body = server
        .gql_as(
            Some(&founder),
            SCHEDULE,
            json!({ "input": { "event": event, "slots": 2 } }),
        )
        .await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "FORBIDDEN");
    let body = server
        .gql_as(
            Some(&founder),
            REGISTER,
            json!({ "input": { "event": event, "participant": again } }),
        )
        .await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "FORBIDDEN");
    let past = server
        .create(
            &server.admin_token,
            "Event",
            json!({ "title": "Techfest 2020", "kind": "FESTIVAL", "startsAt": "2020-05-20T08:00:00+07:00" }),
        )
        .await;
    let body = server
        .data(
            REGISTER,
            json!({ "input": { "event": past, "participant": again } }),
        )
        .await;
    assert_eq!(body["registerForEvent"]["userErrors"][0]["field"], "event");
    let body = server
        .data(
            "mutation($input: EventRegistrationInput!) { unregisterFromEvent(input: $input) { changed } }",
            json!({ "input": { "event": event, "participant": again } }),
        )
        .await;
    assert_eq!(body["unregisterFromEvent"]["changed"], true);
    // Registration closes by the server's clock, not the calendar the test
    // runs on: once the clock passes the festival, it is over too.
    server.clock.set(
        chrono::DateTime::parse_from_rfc3339("2027-05-21T08:00:00+07:00")
            .expect("valid")
            .with_timezone(&chrono::Utc),
    );
    let body = server
        .data(
            REGISTER,
            json!({ "input": { "event": event, "participant": again } }),
        )
        .await;
    assert_eq!(body["registerForEvent"]["userErrors"][0]["field"], "event");
}
