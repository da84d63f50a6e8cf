//! Full-text search over HTTP, on both databases: Vietnamese folding,
//! phrases, prefixes and typos; filters and facets checked against the
//! database; stable pages; updates and deletes; the freshness bound; and
//! `filter.query` on lists.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use common::TestServer;
use ketnoi::store::Store;
use serde_json::{Value, json};

const SEARCH: &str = "query($q: String!, $types: [SearchType!], $filter: SearchFilter, $first: Int, $after: String) {
  search(query: $q, types: $types, filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    facets { types { value count } sectors { value count } stages { value count } provinces { value count } topics { value count } }
    edges { cursor score highlights { field snippet } node {
      __typename
      ... on Startup { id name sectors { key } stage province { key } needs }
      ... on Investor { id name sectors { key } stages provinces { key } }
      ... on Mentor { id name sectors { key } province { key } expertise }
      ... on Organization { id name province { key } }
      ... on Event { id title sectors { key } province { key } }
    } }
  }
}";

/// Runs a search and returns `data.search`.
async fn search(server: &TestServer, q: &str, extra: Value) -> Value {
    let mut variables = json!({ "q": q, "first": 100 });
    if let (Some(v), Some(extra)) = (variables.as_object_mut(), extra.as_object()) {
        v.extend(extra.clone());
    }
    server.data(SEARCH, variables).await["search"].clone()
}

/// The names (or titles) of a search's first page, best first.
async fn names(server: &TestServer, q: &str) -> Vec<String> {
    let found = search(server, q, json!({})).await;
    found["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| {
            let node = &e["node"];
            node["name"]
                .as_str()
                .or(node["title"].as_str())
                .expect("a name")
                .to_string()
        })
        .collect()
}

/// Waits (polling, up to 10 s) until `check` holds for a search; returns
/// how long it took.
async fn until(server: &TestServer, q: &str, check: impl Fn(&[String]) -> bool) -> Duration {
    let started = Instant::now();
    loop {
        let found = names(server, q).await;
        if check(&found) {
            return started.elapsed();
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "search {q:?} never satisfied the check; last saw {found:?}"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

async fn startup(server: &TestServer, name: &str, tagline: &str, description: &str) -> String {
    server
        .create(
            &server.admin_token,
            "Startup",
            json!({ "name": name, "tagline": tagline, "description": description, "stage": "IDEA" }),
        )
        .await
}

async fn vietnamese_folding_both_ways_and_exact_diacritics_first(store: Store) {
    let server = TestServer::start(store).await;
    startup(
        &server,
        "Lúa Xanh",
        "Khởi nghiệp nông nghiệp",
        "Cảm biến cho ruộng lúa",
    )
    .await;
    startup(
        &server,
        "Trai Viet",
        "nong nghiep cong nghe cao",
        "Written without diacritics",
    )
    .await;
    startup(&server, "Cô Mã Lan", "Pháp lý", "").await;
    startup(&server, "Anh Ma Minh", "Marketing", "").await;
    startup(
        &server,
        "Đà Lạt Đặc Sản",
        "Dried fruit from the highlands",
        "",
    )
    .await;
    until(&server, "Dac San", |n| !n.is_empty()).await;

    // Unaccented finds accented, and accented finds unaccented.
    // (Every startup is a "khởi nghiệp" at low weight; the one that says
    // so comes first.)
    assert_eq!(
        names(&server, "khoi nghiep nong nghiep").await[0],
        "Lúa Xanh"
    );
    let both = names(&server, "nông nghiệp ").await;
    assert_eq!(
        both.iter().collect::<BTreeSet<_>>(),
        ["Lúa Xanh", "Trai Viet"]
            .iter()
            .map(|s| s.to_string())
            .collect::<BTreeSet<_>>()
            .iter()
            .collect()
    );
    // Typed with diacritics, the same diacritics break the tie...
    assert_eq!(both[0], "Lúa Xanh");
    // ... but never outrank a better match: a name holding every word,
    // typed without diacritics, comes before the same words in a tagline.
    startup(&server, "Nong Nghiep Xanh", "Phan bon huu co", "").await;
    until(&server, "phan bon huu co", |n| !n.is_empty()).await;
    assert_eq!(names(&server, "nông nghiệp ").await[0], "Nong Nghiep Xanh");
    assert_eq!(
        names(&server, "mã ").await,
        ["Cô Mã Lan", "Anh Ma Minh"],
        "\"mã\" ranks Mã above Ma"
    );
    // đ folds to d.
    assert_eq!(names(&server, "da lat").await, ["Đà Lạt Đặc Sản"]);
    assert_eq!(names(&server, "ĐÀ LẠT").await, ["Đà Lạt Đặc Sản"]);
    // English is untouched but for case.
    assert_eq!(names(&server, "DRIED FRUIT").await, ["Đà Lạt Đặc Sản"]);
}

async fn phrases_prefixes_typos_and_highlights(store: Store) {
    let server = TestServer::start(store).await;
    startup(
        &server,
        "Ví Mekong",
        "Mobile wallet for farmers",
        "Fintech for the Mekong Delta",
    )
    .await;
    startup(
        &server,
        "Wallet Mobile",
        "Ví cho nông dân",
        "Payments in the delta",
    )
    .await;
    until(&server, "wallet", |n| n.len() == 2).await;

    assert_eq!(names(&server, "\"mobile wallet\"").await, ["Ví Mekong"]);
    assert_eq!(names(&server, "\"wallet mobile\"").await, ["Wallet Mobile"]);
    // The last word is a prefix while typing, not after a space.
    assert_eq!(names(&server, "finte").await, ["Ví Mekong"]);
    assert!(names(&server, "finte ").await.is_empty());
    // One typo in a word of five or more letters; not two.
    assert_eq!(names(&server, "mekomg ").await, ["Ví Mekong"]);
    assert!(names(&server, "mekxmg ").await.is_empty());

    let found = search(&server, "mobile wal", json!({})).await;
    let first = &found["edges"][0];
    let highlights: BTreeMap<String, String> = first["highlights"]
        .as_array()
        .expect("highlights")
        .iter()
        .map(|h| {
            (
                h["field"].as_str().unwrap().to_string(),
                h["snippet"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let tagline = highlights
        .get("tagline")
        .or(highlights.get("name"))
        .expect("a highlighted field");
    assert!(tagline.contains("<b>Mobile</b>"), "{highlights:?}");
    assert!(
        tagline.contains("<b>wallet</b>") || tagline.contains("<b>Wallet</b>"),
        "the prefix is highlighted too: {highlights:?}"
    );
    // Snippets escape the text around the marks.
    startup(&server, "Tag <script> Co", "x < y & <b>bold</b>", "").await;
    until(&server, "script", |n| n.len() == 1).await;
    let found = search(&server, "script", json!({})).await;
    let snippet = found["edges"][0]["highlights"][0]["snippet"]
        .as_str()
        .expect("snippet");
    assert_eq!(snippet, "Tag &lt;<b>script</b>&gt; Co");
}

/// Every result of a search, paging by `first` (and checking pages do not
/// overlap).
async fn all_results(server: &TestServer, q: &str, extra: Value, first: i64) -> Vec<Value> {
    let mut out = vec![];
    let mut after: Option<String> = None;
    loop {
        let mut vars = json!({ "first": first, "after": after });
        if let (Some(v), Some(extra)) = (vars.as_object_mut(), extra.as_object()) {
            v.extend(extra.clone());
        }
        let page = search(server, q, vars).await;
        out.extend(page["edges"].as_array().expect("edges").iter().cloned());
        if !page["pageInfo"]["hasNextPage"]
            .as_bool()
            .expect("hasNextPage")
        {
            return out;
        }
        after = page["pageInfo"]["endCursor"].as_str().map(str::to_string);
    }
}

fn keys(node: &Value, field: &str) -> Vec<String> {
    match &node[field] {
        Value::Array(items) => items
            .iter()
            .map(|i| i["key"].as_str().or(i.as_str()).expect("key").to_string())
            .collect(),
        Value::Object(o) => vec![o["key"].as_str().expect("key").to_string()],
        Value::String(s) => vec![s.clone()],
        _ => vec![],
    }
}

/// The facet counts of a set of results, computed from the objects as the
/// database returns them.
fn counted(edges: &[Value]) -> BTreeMap<&'static str, BTreeMap<String, i64>> {
    let mut out: BTreeMap<&'static str, BTreeMap<String, i64>> = BTreeMap::new();
    for edge in edges {
        let node = &edge["node"];
        let ty = node["__typename"].as_str().expect("type").to_uppercase();
        *out.entry("types").or_default().entry(ty).or_default() += 1;
        for (facet, fields) in [
            ("sectors", &["sectors"][..]),
            ("stages", &["stage", "stages"][..]),
            ("provinces", &["province", "provinces"][..]),
            ("topics", &["needs", "expertise"][..]),
        ] {
            for field in fields {
                for key in keys(node, field) {
                    *out.entry(facet).or_default().entry(key).or_default() += 1;
                }
            }
        }
    }
    out
}

fn facets_of(found: &Value) -> BTreeMap<&'static str, BTreeMap<String, i64>> {
    let mut out: BTreeMap<&'static str, BTreeMap<String, i64>> = BTreeMap::new();
    for facet in ["types", "sectors", "stages", "provinces", "topics"] {
        for fc in found["facets"][facet].as_array().expect("facet") {
            out.entry(facet).or_default().insert(
                fc["value"].as_str().expect("value").to_string(),
                fc["count"].as_i64().expect("count"),
            );
        }
    }
    out
}

async fn generated(store: &Store) {
    let data = common::generated(400, 60, 60, 11);
    common::import(store, data).await.expect("import");
}

/// The most common word of the startups' taglines: a query with many hits.
async fn common_word(server: &TestServer) -> String {
    let page = server
        .data(
            "{ startups(first: 100) { edges { node { tagline } } } }",
            json!({}),
        )
        .await;
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for edge in page["startups"]["edges"].as_array().expect("edges") {
        let tagline = edge["node"]["tagline"]
            .as_str()
            .unwrap_or("")
            .to_lowercase();
        for word in tagline.split_whitespace() {
            if word.chars().count() >= 4 && word.chars().all(char::is_alphabetic) {
                *counts.entry(word.to_string()).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|(w, n)| (*n, std::cmp::Reverse(w.clone())))
        .expect("a word")
        .0
}

async fn facets_and_filters_agree_with_the_database(store: Store) {
    generated(&store).await;
    let server = TestServer::start(store).await;
    let word = common_word(&server).await;
    let q = format!("{word} ");

    // Facets count what the database says the results are.
    let first = search(&server, &q, json!({ "first": 5 })).await;
    let total = first["totalCount"].as_i64().expect("total");
    assert!(total > 20, "{word:?} should be common: {total}");
    let every = all_results(&server, &q, json!({}), 100).await;
    assert_eq!(every.len() as i64, total);
    assert_eq!(facets_of(&first), counted(&every), "facets of {word:?}");

    // A filter keeps exactly the results the database says match it, and
    // facets follow the filter.
    let sectors = facets_of(&first)["sectors"].clone();
    let (sector, _) = sectors.iter().max_by_key(|(_, n)| **n).expect("a sector");
    let filter = json!({ "filter": { "sectors": [sector], "stages": ["SEED", "MVP"] } });
    let filtered = all_results(&server, &q, filter.clone(), 100).await;
    let expected: Vec<&Value> = every
        .iter()
        .filter(|e| {
            let node = &e["node"];
            keys(node, "sectors").contains(sector)
                && ["stage", "stages"]
                    .iter()
                    .flat_map(|f| keys(node, f))
                    .any(|s| s == "SEED" || s == "MVP")
        })
        .collect();
    let ids = |edges: &mut dyn Iterator<Item = &Value>| -> BTreeSet<String> {
        edges
            .map(|e| e["node"]["id"].as_str().expect("id").to_string())
            .collect()
    };
    assert_eq!(
        ids(&mut filtered.iter()),
        ids(&mut expected.into_iter()),
        "filter on {sector}"
    );
    let page = search(&server, &q, filter).await;
    assert_eq!(facets_of(&page), counted(&filtered));

    // Types narrow too.
    let mentors = search(&server, &q, json!({ "types": ["MENTOR"] })).await;
    assert_eq!(
        mentors["totalCount"].as_i64(),
        facets_of(&first)["types"]
            .get("MENTOR")
            .copied()
            .or(Some(0))
    );
}

async fn pages_are_stable_and_complete(store: Store) {
    generated(&store).await;
    let server = TestServer::start(store).await;
    let word = common_word(&server).await;
    let whole = all_results(&server, &word, json!({}), 100).await;
    let paged = all_results(&server, &word, json!({}), 7).await;
    let ids = |edges: &[Value]| -> Vec<String> {
        edges
            .iter()
            .map(|e| e["node"]["id"].as_str().expect("id").to_string())
            .collect()
    };
    assert_eq!(ids(&paged), ids(&whole), "pages of 7 = one page of 100");
    let unique: BTreeSet<String> = ids(&paged).into_iter().collect();
    assert_eq!(unique.len(), paged.len(), "no result twice");
    // Scores never increase down the list.
    let scores: Vec<f64> = whole.iter().map(|e| e["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    // A bad cursor is a clear error.
    let body = server
        .gql(SEARCH, json!({ "q": word, "after": "bm9wZQ" }))
        .await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
}

async fn updates_and_deletes_are_searchable_within_a_second(store: Store) {
    let server = TestServer::start(store).await;
    let mut slowest = Duration::ZERO;
    for n in 0..10 {
        let name = format!("Sen Hồng {n}");
        let started = Instant::now();
        let id = startup(&server, &name, "Trà sen Đồng Tháp", "").await;
        let q = format!("sen hong {n}");
        until(&server, &q, |found| found.contains(&name)).await;
        slowest = slowest.max(started.elapsed());

        // Renamed: the old name no longer finds it, the new one does.
        let renamed = format!("Bông Súng {n}");
        let started = Instant::now();
        let body = server
            .data(
                "mutation($input: UpdateStartupInput!) { updateStartup(input: $input) { userErrors { message } } }",
                json!({ "input": { "id": id, "name": renamed } }),
            )
            .await;
        assert_eq!(body["updateStartup"]["userErrors"], json!([]));
        until(&server, &format!("bong sung {n}"), |f| f.contains(&renamed)).await;
        until(&server, &q, |f| !f.contains(&name)).await;
        slowest = slowest.max(started.elapsed());

        // Deleted: gone.
        let started = Instant::now();
        server
            .data(
                "mutation($input: DeleteInput!) { deleteStartup(input: $input) { userErrors { message } } }",
                json!({ "input": { "id": id } }),
            )
            .await;
        until(&server, &format!("bong sung {n}"), |f| {
            !f.contains(&renamed)
        })
        .await;
        slowest = slowest.max(started.elapsed());
    }
    eprintln!("slowest write-to-search: {slowest:?}");
    assert!(
        slowest < Duration::from_secs(1),
        "a write took {slowest:?} to reach search"
    );
}

async fn list_filters_take_a_query(store: Store) {
    common::load_sample(&store).await;
    let server = TestServer::start(store).await;
    let body = server
        .data(
            "{ startups(filter: { query: \"nong nghiep\" }) { totalCount edges { node { name } } }
               mentors(filter: { query: \"phap ly\", provinces: [\"hai-phong\"] }) { totalCount }
               none: investors(filter: { query: \"khong co gi ca\" }) { totalCount edges { node { name } } }
               blank: investors(filter: { query: \"  \" }) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(body["startups"]["totalCount"], 1);
    assert_eq!(body["startups"]["edges"][0]["node"]["name"], "Lúa Xanh");
    assert_eq!(body["mentors"]["totalCount"], 1);
    assert_eq!(body["none"]["totalCount"], 0);
    assert_eq!(
        body["blank"]["totalCount"], 2,
        "a blank query does not narrow"
    );
}

async fn suggestions_complete_names(store: Store) {
    common::load_sample(&store).await;
    let server = TestServer::start(store).await;
    let body = server
        .data(
            "{ a: searchSuggestions(prefix: \"tran thi l\") { text node { __typename } }
               b: searchSuggestions(prefix: \"Hải\") { text }
               c: searchSuggestions(prefix: \"\") { text } }",
            json!({}),
        )
        .await;
    assert_eq!(
        body["a"],
        json!([{ "text": "Trần Thị Lan", "node": { "__typename": "Mentor" } }])
    );
    let b: BTreeSet<&str> = common::texts(&body["b"], "/text").into_iter().collect();
    assert_eq!(
        b,
        BTreeSet::from(["Hải Phòng Angels", "Techfest Hải Phòng 2025"])
    );
    assert_eq!(body["c"], json!([]));
}

async fn the_index_holds_exactly_the_database(store: Store) {
    generated(&store).await;
    let server = TestServer::start(store.clone()).await;
    // Writes through the store directly (no HTTP) reach the index too.
    let victim = store
        .list_ids(
            &ketnoi::store::ListQuery::Startups(Default::default()),
            &ketnoi::store::PageQuery {
                column: ketnoi::store::SortColumn::Name,
                descending: false,
                after: None,
                before: None,
                limit: 1,
                from_end: false,
            },
        )
        .await
        .expect("list")
        .items[0]
        .id;
    assert!(
        store
            .delete(ketnoi::store::Table::Startups, victim)
            .await
            .expect("delete")
    );
    let expected = async {
        let mut all = BTreeSet::new();
        for (kind, table) in [
            ("startup", "startups"),
            ("investor", "investors"),
            ("mentor", "mentors"),
            ("organization", "organizations"),
            ("event", "events"),
        ] {
            let ids: Vec<i64> = match &store {
                Store::Sqlite { read, .. } => {
                    sqlx::query_scalar(&format!("select id from {table}"))
                        .fetch_all(read)
                        .await
                        .expect("ids")
                }
                Store::Postgres(pool) => sqlx::query_scalar(&format!("select id from {table}"))
                    .fetch_all(pool)
                    .await
                    .expect("ids"),
            };
            all.extend(ids.into_iter().map(|id| (kind.to_string(), id)));
        }
        all
    }
    .await;
    let started = Instant::now();
    loop {
        let indexed: BTreeSet<(String, i64)> = server
            .app
            .index
            .all_keys()
            .expect("keys")
            .into_iter()
            .map(|(k, id)| (k.as_str().to_string(), id))
            .collect();
        if indexed == expected {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "index and database differ: {} indexed, {} in the database",
            indexed.len(),
            expected.len()
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

async fn hostile_searches_are_refused_or_empty(store: Store) {
    let server = TestServer::start(store).await;
    for q in [
        "",
        "\"",
        "\"\"\"",
        "*",
        "a AND b OR",
        "(((",
        "\\",
        "%_%",
        "' or 1=1 --",
    ] {
        let body = server.gql(SEARCH, json!({ "q": q })).await;
        assert!(body.get("errors").is_none(), "{q:?}: {body}");
    }
    let long = "a".repeat(300);
    let body = server.gql(SEARCH, json!({ "q": long })).await;
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT");
    let body = server.gql(SEARCH, json!({ "q": "a", "first": 1000 })).await;
    assert!(body.get("errors").is_some(), "{body}");
}

/// Text arrives composed or decomposed (NFC or NFD), with the tone mark on
/// either vowel ("Hoà"/"Hòa", "Thuỷ"/"Thủy"): imported or written through
/// the API, it is stored composed and found by queries in every form.
async fn text_in_every_unicode_form_is_stored_composed_and_found(store: Store) {
    use unicode_normalization::UnicodeNormalization;
    let nfd = |s: &str| s.nfd().collect::<String>();
    let imported = format!(
        "{}\n",
        json!({
            "type": "startup", "key": "thuy-san-hoa-binh", "stage": "IDEA",
            "name": nfd("Thủy Sản Hòa Bình"),
            "description": nfd("Nuôi trồng thủy sản ở Cần Thơ"),
        })
    );
    common::import(&store, imported).await.expect("import");
    let server = TestServer::start(store).await;
    let id = startup(
        &server,
        &nfd("Khởi Nghiệp Đồng Tháp"),
        &nfd("Ước mơ xanh"),
        "",
    )
    .await;
    let stored = server
        .data(
            "query($id: ID!) { node(id: $id) { ... on Startup { name tagline } } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(
        stored["node"]["name"], "Khởi Nghiệp Đồng Tháp",
        "stored composed"
    );
    assert_eq!(stored["node"]["tagline"], "Ước mơ xanh");
    let imported = server
        .data(
            "{ startup(slug: \"thuy-san-hoa-binh\") { name description } }",
            json!({}),
        )
        .await;
    assert_eq!(imported["startup"]["name"], "Thủy Sản Hòa Bình");
    assert_eq!(
        imported["startup"]["description"],
        "Nuôi trồng thủy sản ở Cần Thơ"
    );
    until(&server, "khoi nghiep dong thap", |n| !n.is_empty()).await;
    for (q, expected) in [
        ("Thủy Sản Hòa Bình", "Thủy Sản Hòa Bình"),
        ("Thuỷ Sản Hoà Bình", "Thủy Sản Hòa Bình"),
        (&nfd("Thuỷ Sản Hoà Bình") as &str, "Thủy Sản Hòa Bình"),
        ("thuy san hoa binh", "Thủy Sản Hòa Bình"),
        ("nuôi trồng thuỷ sản", "Thủy Sản Hòa Bình"),
        (&nfd("Khởi nghiệp Đồng Tháp"), "Khởi Nghiệp Đồng Tháp"),
        ("Khởi nghiệp Đồng Tháp", "Khởi Nghiệp Đồng Tháp"),
        ("khoi nghiep dong thap", "Khởi Nghiệp Đồng Tháp"),
    ] {
        let found = names(&server, q).await;
        assert_eq!(
            found.first().map(String::as_str),
            Some(expected),
            "{q:?}: {found:?}"
        );
    }
    // The exact-diacritic preference holds across tone placements: "Hoà"
    // is the same word as "Hòa", so it ranks a "Hoa" (no tone) below it.
    startup(&server, "Hoa Binh Tea", "", "").await;
    until(&server, "hoa binh tea", |n| !n.is_empty()).await;
    let found = names(&server, "Hoà Bình").await;
    assert_eq!(
        found.first().map(String::as_str),
        Some("Thủy Sản Hòa Bình"),
        "{found:?}"
    );
}

/// Place and sector names count as text at low weight, in both languages
/// and by the names people use for places: a profile that never writes
/// where it is or what sector it is in is found by them.
async fn places_and_sectors_are_found_by_their_names(store: Store) {
    let data = r#"{"type":"sector","key":"agritech","name":"Nông nghiệp công nghệ cao","name_en":"Agritech"}
{"type":"sector","key":"fintech","name":"Công nghệ tài chính","name_en":"Fintech"}
{"type":"province","key":"can-tho","name":"Cần Thơ","region":"Mekong Delta"}
{"type":"province","key":"ho-chi-minh","name":"Thành phố Hồ Chí Minh","region":"South East"}
{"type":"startup","key":"rau-sach","name":"Rau Sạch Tây Đô","tagline":"Rau thủy canh giao tận nhà","sectors":["agritech"],"stage":"SEED","province":"can-tho"}
{"type":"startup","key":"vi-dien-tu","name":"Ví Điện Tử Xanh","tagline":"Thanh toán cho tiểu thương","sectors":["fintech"],"stage":"MVP","province":"ho-chi-minh"}
"#;
    common::import(&store, data).await.expect("import");
    let server = TestServer::start(store).await;
    until(&server, "rau thuy canh", |n| !n.is_empty()).await;
    for (q, expected) in [
        ("khởi nghiệp Cần Thơ", "Rau Sạch Tây Đô"),
        ("rau can tho", "Rau Sạch Tây Đô"),
        ("agritech", "Rau Sạch Tây Đô"),
        ("Mekong Delta", "Rau Sạch Tây Đô"),
        ("fintech TP.HCM", "Ví Điện Tử Xanh"),
        ("HCMC", "Ví Điện Tử Xanh"),
        ("Sài Gòn", "Ví Điện Tử Xanh"),
        ("thanh toan saigon", "Ví Điện Tử Xanh"),
    ] {
        let found = names(&server, q).await;
        assert_eq!(found, [expected], "{q:?}");
    }
    // A name still outweighs a place: the startup named for its market
    // ranks above one that is merely there.
    startup(&server, "Cần Thơ Fresh", "Trái cây", "").await;
    until(&server, "trai cay", |n| !n.is_empty()).await;
    assert_eq!(names(&server, "can tho").await[0], "Cần Thơ Fresh");
}

both_databases!(
    vietnamese_folding_both_ways_and_exact_diacritics_first,
    places_and_sectors_are_found_by_their_names,
    text_in_every_unicode_form_is_stored_composed_and_found,
    phrases_prefixes_typos_and_highlights,
    facets_and_filters_agree_with_the_database,
    pages_are_stable_and_complete,
    updates_and_deletes_are_searchable_within_a_second,
    list_filters_take_a_query,
    suggestions_complete_names,
    the_index_holds_exactly_the_database,
    hostile_searches_are_refused_or_empty,
    an_index_behind_the_pruned_change_log_is_rebuilt,
);

/// A server whose index stopped before changes the change log has since
/// pruned cannot catch up from it: it rebuilds, and finds those changes.
async fn an_index_behind_the_pruned_change_log_is_rebuilt(store: Store) {
    use ketnoi::app::{App, AppOptions};
    use ketnoi::search::indexer::{catch_up, rebuild};
    use ketnoi::search::{SearchError, SearchIndex, SearchQuery};
    use std::sync::Arc;

    common::load_sample(&store).await;
    let index = Arc::new(SearchIndex::in_ram().expect("index"));
    let mut state = rebuild(&store, &index, |_| {}).await.expect("rebuild");
    let later = r#"{"type":"startup","key":"bo-cau","name":"Bồ Câu Logistics","tagline":"Giao hàng chặng cuối","sectors":["agritech"],"stage":"IDEA","province":"can-tho"}"#;
    common::import(&store, later).await.expect("import");
    // On PostgreSQL a change counts once no older transaction runs (other
    // tests share the server): prune until the import's is gone too.
    let waiting = Instant::now();
    while store.change_log_pruned().await.expect("pruned") <= state.position {
        store.prune_change_log(0).await.expect("prune");
        assert!(
            waiting.elapsed() < Duration::from_secs(10),
            "nothing pruned"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let caught = catch_up(&store, &index, &mut state.clone()).await;
    assert!(
        matches!(
            caught,
            Err(SearchError::Store(
                ketnoi::store::StoreError::ChangeLogPruned
            ))
        ),
        "{caught:?}"
    );
    // The index's commit still holds the old position; a server starting
    // on it rebuilds.
    let app = App::start(
        store.clone(),
        AppOptions {
            index: Arc::clone(&index),
            poll: common::SEARCH_POLL,
            weights: Default::default(),
            clock: ketnoi::clock::Clock::pinned(common::test_now()),
        },
    );
    let query = SearchQuery {
        text: "bo cau logistics".into(),
        kinds: vec![],
        filter: Default::default(),
        limit: 10,
        offset: 0,
        facets: false,
        count: false,
    };
    loop {
        if app.is_ready() && !index.search(&query).expect("search").hits.is_empty() {
            break;
        }
        assert!(
            waiting.elapsed() < Duration::from_secs(30),
            "the pruned change never reached the index"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    state = index.state().expect("a committed state");
    assert!(state.position >= store.change_log_pruned().await.expect("pruned"));
    app.stop(Duration::from_secs(2)).await;
}
