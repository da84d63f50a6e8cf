//! Shared test helpers: databases for the contract suite and a real server
//! over HTTP.
#![allow(dead_code)]

pub mod process;

use std::time::Duration;

use ketnoi::clock::Clock;
use ketnoi::http::HttpConfig;
use ketnoi::store::Store;
use serde_json::{Value, json};
use tokio::sync::oneshot;

/// The environment variable that enables the PostgreSQL half of the suite.
pub const POSTGRES_ENV: &str = "KETNOI_TEST_POSTGRES_URL";

/// A migrated, empty in-memory SQLite store.
pub async fn sqlite() -> Store {
    let store = Store::sqlite_memory().await.expect("open SQLite");
    store.migrate().await.expect("migrate SQLite");
    store
}

/// A migrated, empty PostgreSQL store in a schema of its own, or `None`
/// (with the reason printed) when `KETNOI_TEST_POSTGRES_URL` is unset.
/// With `KETNOI_REQUIRE_POSTGRES=1` (as in CI) a missing URL fails instead.
pub async fn postgres() -> Option<Store> {
    let scoped = postgres_url().await?;
    let store = Store::connect(&scoped)
        .await
        .expect("connect to the test schema");
    store.migrate().await.expect("migrate PostgreSQL");
    Some(store)
}

/// The URL of a new, empty schema of its own in the test PostgreSQL (not yet
/// migrated), or `None` as for [`postgres`].
pub async fn postgres_url() -> Option<String> {
    let Ok(url) = std::env::var(POSTGRES_ENV) else {
        if std::env::var("KETNOI_REQUIRE_POSTGRES").is_ok_and(|v| v == "1") {
            panic!("KETNOI_REQUIRE_POSTGRES=1 but {POSTGRES_ENV} is unset");
        }
        eprintln!(
            "SKIPPED: {POSTGRES_ENV} is unset, so the PostgreSQL half of this test did not run"
        );
        return None;
    };
    let schema = format!("test_{}_{}", std::process::id(), rand_suffix());
    let admin = Store::connect(&url).await.expect("connect to PostgreSQL");
    if let Store::Postgres(pool) = &admin {
        sqlx::query(&format!("create schema {schema}"))
            .execute(pool)
            .await
            .expect("create test schema");
    }
    admin.close().await;
    let sep = if url.contains('?') { '&' } else { '?' };
    Some(format!("{url}{sep}options=-c%20search_path%3D{schema}"))
}

fn rand_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos() as u64)
        .unwrap_or(0);
    nanos * 1000 + NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Defines a test twice: on SQLite and on PostgreSQL (skipped without a URL).
#[macro_export]
macro_rules! both_databases {
    ($($name:ident),+ $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::common::sqlite().await).await;
                }
            )+
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    if let Some(store) = $crate::common::postgres().await {
                        super::$name(store).await;
                    }
                }
            )+
        }
    };
}

/// A real server on a free local port.
pub struct TestServer {
    pub url: String,
    pub client: reqwest::Client,
    pub store: Store,
    /// The bearer token of an operator account, sent by [`TestServer::gql`].
    pub admin_token: String,
    /// The application served: its search index (in memory) and engine.
    pub app: ketnoi::app::App,
    /// The server's clock: pinned at [`test_now`] unless the test brought
    /// another; a test moves it when it means time to pass.
    pub clock: Clock,
    stop: Option<oneshot::Sender<()>>,
}

/// The day in Vietnam at [`test_now`]: what imports check dates against.
pub fn test_today() -> chrono::NaiveDate {
    ketnoi::clock::Clock::pinned(test_now()).today()
}

/// The instant test servers' clocks stand at: noon in Vietnam on
/// 2026-12-01.
pub fn test_now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339("2026-12-01T12:00:00+07:00")
        .expect("BUG: a valid instant")
        .with_timezone(&chrono::Utc)
}

/// How often test servers' indexers look at the change log.
pub const SEARCH_POLL: Duration = Duration::from_millis(20);

/// The operator account every test server has.
pub const ADMIN_EMAIL: &str = "operator@ketnoi.test";
/// Its password.
pub const ADMIN_PASSWORD: &str = "mat-khau-van-hanh";

impl TestServer {
    /// Starts the server on `store` with default limits, but for sign-ups
    /// (tests sign up many users from one address) and tokens, valid ten
    /// years (tests move the clock by years).
    pub async fn start(store: Store) -> TestServer {
        let config = HttpConfig {
            auth: ketnoi::auth::AuthConfig {
                sign_up_burst: 10_000,
                token_ttl: Duration::from_secs(10 * 366 * 24 * 3600),
                ..ketnoi::auth::AuthConfig::default()
            },
            ..HttpConfig::default()
        };
        Self::start_with(store, config).await
    }

    /// Starts the server with the given limits.
    pub async fn start_with(store: Store, config: HttpConfig) -> TestServer {
        Self::launch(store, config, SEARCH_POLL).await
    }

    /// Starts the server with an indexer that, once caught up, stays idle
    /// for an hour: nothing but requests reaches the database.
    pub async fn start_quiet(store: Store) -> TestServer {
        Self::launch(store, HttpConfig::default(), Duration::from_secs(3600)).await
    }

    async fn launch(store: Store, mut config: HttpConfig, search_poll: Duration) -> TestServer {
        // Tests read a pinned clock unless they bring their own.
        if config.clock.is_system() {
            config.clock = Clock::pinned(test_now());
        }
        let clock = config.clock.clone();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("address"));
        let (stop, stopped) = oneshot::channel::<()>();
        let auth = ketnoi::auth::Auth::new(store.clone(), config.auth.clone(), clock.clone());
        auth.create(
            ADMIN_EMAIL,
            ADMIN_PASSWORD,
            ketnoi::model::Role::Admin,
            None,
        )
        .await
        .expect("create the operator")
        .expect("a valid operator account");
        let admin_token = match auth
            .sign_in(ADMIN_EMAIL, ADMIN_PASSWORD, None)
            .await
            .expect("sign the operator in")
        {
            ketnoi::auth::SignIn::Welcome(_, token) => token.token,
            other => panic!("the operator could not sign in: {other:?}"),
        };
        let index = std::sync::Arc::new(ketnoi::search::SearchIndex::in_ram().expect("index"));
        let app = ketnoi::app::App::start(
            store.clone(),
            ketnoi::app::AppOptions {
                index,
                poll: search_poll,
                weights: ketnoi::matching::Weights::default(),
                clock: clock.clone(),
            },
        );
        // Serve once the index has caught up, as `/readyz` tells a balancer.
        let building = std::time::Instant::now();
        while !app.is_ready() {
            assert!(
                building.elapsed() < Duration::from_secs(60),
                "the search index was not built in a minute"
            );
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        let served = app.clone();
        tokio::spawn(async move {
            app.serve(listener, config, async {
                let _ = stopped.await;
            })
            .await
            .expect("server failed");
        });
        TestServer {
            url,
            client: reqwest::Client::builder()
                .timeout(Duration::from_secs(30))
                .build()
                .expect("client"),
            store,
            admin_token,
            app: served,
            clock,
            stop: Some(stop),
        }
    }

    /// A GET request for `path` (such as `/healthz`) on this server.
    pub fn get(&self, path: &str) -> reqwest::RequestBuilder {
        self.client.get(format!("{}{path}", self.url))
    }

    /// Posts a JSON body (a request or a batch) to `/graphql` without a
    /// token and returns the raw response.
    pub async fn post(&self, body: &Value) -> reqwest::Response {
        self.client
            .post(format!("{}/graphql", self.url))
            .json(body)
            .send()
            .await
            .expect("request")
    }

    /// Posts a GraphQL request as the operator and returns the JSON
    /// response (any status).
    pub async fn gql(&self, query: &str, variables: Value) -> Value {
        let token = self.admin_token.clone();
        self.gql_as(Some(&token), query, variables).await
    }

    /// Posts a GraphQL request with this bearer token (or anonymously) and
    /// returns the JSON response (any status).
    pub async fn gql_as(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        self.post_as(token, &json!({ "query": query, "variables": variables }))
            .await
    }

    /// Posts a GraphQL request body (`query`, `variables`, `operationName`)
    /// with this bearer token (or anonymously) and returns the JSON
    /// response (any status).
    pub async fn post_as(&self, token: Option<&str>, body: &Value) -> Value {
        let mut request = self.client.post(format!("{}/graphql", self.url)).json(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("request");
        response.json().await.expect("JSON response")
    }

    /// Runs `create<Kind>` as `token` and returns the new object's ID.
    pub async fn create(&self, token: &str, kind: &str, input: Value) -> String {
        let name = format!("create{kind}");
        let field = kind[..1].to_lowercase() + &kind[1..];
        let doc = format!(
            "mutation($input: Create{kind}Input!) {{ {name}(input: $input) {{ {field} {{ id }} userErrors {{ field message }} }} }}"
        );
        let body = self
            .gql_as(Some(token), &doc, json!({ "input": input }))
            .await;
        body["data"][name.as_str()][field.as_str()]["id"]
            .as_str()
            .unwrap_or_else(|| panic!("create {kind}: {body:#}"))
            .to_string()
    }

    /// Signs up a user of `role` and returns its bearer token.
    pub async fn sign_up(&self, email: &str, role: &str) -> String {
        let body = self
            .gql_as(
                None,
                "mutation($input: SignUpInput!) { signUp(input: $input) { token userErrors { field message } } }",
                json!({ "input": { "email": email, "password": "mot-mat-khau-dai", "role": role } }),
            )
            .await;
        body["data"]["signUp"]["token"]
            .as_str()
            .unwrap_or_else(|| panic!("sign-up failed: {body:#}"))
            .to_string()
    }

    /// Like [`TestServer::gql`], but fails the test on any top-level error
    /// and returns `data`.
    pub async fn data(&self, query: &str, variables: Value) -> Value {
        let body = self.gql(query, variables).await;
        assert!(body.get("errors").is_none(), "unexpected errors: {body:#}");
        body["data"].clone()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// The first error's `extensions.code` in a GraphQL response, empty when
/// there is none.
pub fn error_code(body: &Value) -> &str {
    body["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or_default()
}

/// Fails the test unless the response's first error has `code` and its
/// message says `says`.
pub fn assert_error(body: &Value, code: &str, says: &str) {
    assert_eq!(error_code(body), code, "{body}");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains(says)),
        "the message does not say `{says}`: {body}"
    );
}

/// The text at `pointer` (a JSON pointer such as `/node/slug`) in each item
/// of the JSON list `list`; fails the test when `list` is not a list or an
/// item has no text there.
pub fn texts<'a>(list: &'a Value, pointer: &str) -> Vec<&'a str> {
    list.as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|item| {
            item.pointer(pointer)
                .and_then(Value::as_str)
                .unwrap_or_else(|| panic!("no text at {pointer} in {item}"))
        })
        .collect()
}

/// Waits until the server at `base` says `/readyz` (database up, search
/// index caught up), failing the test after `within`.
pub async fn wait_until_ready(base: &str, within: Duration) {
    let client = reqwest::Client::new();
    let started = std::time::Instant::now();
    while !client
        .get(format!("{base}/readyz"))
        .send()
        .await
        .is_ok_and(|r| r.status().is_success())
    {
        assert!(started.elapsed() < within, "{base} not ready in {within:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A small, hand-written dataset covering every record type (data-file lines).
pub const SAMPLE: &str = r#"{"type":"sector","key":"agritech","name":"Nông nghiệp công nghệ cao","name_en":"Agritech"}
{"type":"sector","key":"fintech","name":"Công nghệ tài chính","name_en":"Fintech"}
{"type":"sector","key":"ai","name":"Trí tuệ nhân tạo","name_en":"Artificial intelligence"}
{"type":"province","key":"can-tho","name":"Cần Thơ","region":"Mekong Delta"}
{"type":"province","key":"hai-phong","name":"Hải Phòng","region":"Red River Delta"}
{"type":"organization","key":"castihub","name":"Trung tâm Hỗ trợ Khởi nghiệp Cần Thơ","kind":"SUPPORT_CENTER","province":"can-tho","description":"Nền tảng castihub","website":"https://castihub.vn","email":"lienhe@castihub.vn"}
{"type":"startup","key":"lua-xanh","name":"Lúa Xanh","tagline":"Cảm biến cho ruộng lúa","description":"Khởi nghiệp nông nghiệp công nghệ cao ở Cần Thơ","sectors":["agritech","ai"],"stage":"SEED","province":"can-tho","founded_on":"2023-04-01","team_size":7,"tags":["WOMEN_LED"],"needs":["FUNDRAISING","MARKETING"],"seeking":{"amount":"5000000000","currency":"VND"},"organization":"castihub","website":"https://luaxanh.vn","email":"founder@luaxanh.vn","phone":"+84 292 3820 000"}
{"type":"startup","key":"vi-mekong","name":"Ví Mekong","tagline":"Mobile wallet for farmers","description":"Fintech for the Mekong Delta","sectors":["fintech"],"stage":"MVP","province":"can-tho","founded_on":"2015-01-10","team_size":4,"tags":["YOUTH","STUDENT"],"needs":["LEGAL"]}
{"type":"startup","key":"cang-so","name":"Cảng Số","description":"Logistics AI for Hải Phòng port","sectors":["ai"],"stage":"IDEA","province":"hai-phong"}
{"type":"investor","key":"mekong-ventures","name":"Mekong Ventures","kind":"VC_FUND","thesis":"Agritech and fintech in the Mekong Delta","sectors":["agritech","fintech"],"stages":["SEED","SERIES_A"],"ticket_min":{"amount":"2000000000","currency":"VND"},"ticket_max":{"amount":"20000000000","currency":"VND"},"provinces":[],"active":true}
{"type":"investor","key":"hp-angels","name":"Hải Phòng Angels","kind":"ANGEL","thesis":"Early logistics","sectors":["ai"],"stages":["IDEA","MVP"],"provinces":["hai-phong"],"active":false}
{"type":"mentor","key":"tran-thi-lan","name":"Trần Thị Lan","headline":"Luật sư doanh nghiệp","bio":"Pháp lý cho khởi nghiệp","expertise":["LEGAL","TAX"],"sectors":["fintech"],"languages":["vi","en"],"province":"hai-phong","capacity":3}
{"type":"mentor","key":"le-van-minh","name":"Lê Văn Minh","headline":"Growth marketer","bio":"Marketing","expertise":["MARKETING","FUNDRAISING"],"sectors":["agritech"],"languages":["vi"],"province":"can-tho","capacity":2}
{"type":"event","key":"techfest-hai-phong-2025","title":"Techfest Hải Phòng 2025","kind":"FESTIVAL","description":"Ngày hội khởi nghiệp","starts_at":"2025-11-20T08:00:00+07:00","ends_at":"2025-11-21T17:00:00+07:00","province":"hai-phong","organizer":"castihub","sectors":["ai"]}
{"type":"event","key":"ca-phe-cong-nghe-1","title":"Cà phê công nghệ số 1","kind":"NETWORKING","starts_at":"2026-03-05T15:00:00+07:00","province":"can-tho","organizer":"castihub","sectors":["agritech","fintech"]}
{"type":"investment","investor":"mekong-ventures","startup":"lua-xanh","amount":{"amount":"3000000000","currency":"VND"},"round":"SEED","date":"2024-05-01"}
{"type":"investment","investor":"mekong-ventures","startup":"vi-mekong","amount":{"amount":"100000","currency":"USD"},"round":"MVP","date":"2023-02-01"}
{"type":"programme","key":"mekong-startup-runway-2026","name":"Mekong Startup Runway 2026","kind":"COMPETITION","organization":"castihub","province":"can-tho","starts_on":"2026-08-01","ends_on":"2026-12-20","capacity":30,"budget_vnd":"800000000","budget_source":"MIXED","sectors":["agritech","fintech"],"topics":["FUNDRAISING"],"audience":["STUDENTS","YOUTH"],"description":"Cuộc thi khởi nghiệp vùng Đồng bằng sông Cửu Long","description_en":"The Mekong Delta's startup competition"}
{"type":"call","key":"mekong-startup-runway-2026-vong-1","programme":"mekong-startup-runway-2026","title":"Vòng sơ loại","opens_at":"2026-08-01T08:00:00+07:00","closes_at":"2026-09-30T17:00:00+07:00","places":30,"questions":["Sản phẩm của bạn là gì?"],"max_years":5,"stages":["IDEA","MVP"],"sectors":["agritech"],"provinces":["can-tho","hai-phong"],"groups":["STUDENT","YOUTH"]}
{"type":"application","call":"mekong-startup-runway-2026-vong-1","startup":"lua-xanh","status":"ACCEPTED","answers":["Cảm biến độ ẩm cho ruộng lúa"],"submitted_at":"2026-09-10T10:00:00+07:00","decided_at":"2026-09-28T16:00:00+07:00"}
{"type":"class","key":"ky-nang-goi-von-2026","programme":"mekong-startup-runway-2026","title":"Kỹ năng gọi vốn","held_on":"2026-08-20","province":"can-tho","hours":4,"trainer":"Lê Văn Minh"}
{"type":"attendance","class":"ky-nang-goi-von-2026","person":"Nguyễn Thị Hoa","organization":"Lúa Xanh","gender":"FEMALE","group":"WOMEN","startup":"lua-xanh"}
{"type":"attendance","class":"ky-nang-goi-von-2026","person":"Phạm Văn Tâm","organization":"HTX Rau sạch Phong Điền","gender":"MALE","group":"FARMERS"}
{"type":"support","key":"lua-xanh-ip-2026","startup":"lua-xanh","programme":"mekong-startup-runway-2026","organization":"castihub","kind":"LEGAL_IP","value_vnd":"15000000","budget_source":"STATE","given_on":"2026-09-15","note":"Đăng ký bảo hộ nhãn hiệu"}
{"type":"support","key":"htx-phong-dien-space-2026","recipient":"HTX Rau sạch Phong Điền","organization":"castihub","kind":"SPACE","given_on":"2026-10-01"}
{"type":"plan","key":"can-tho-2021-2025","title":"Kế hoạch hỗ trợ hệ sinh thái khởi nghiệp Cần Thơ 2021–2025","province":"can-tho","starts_on":"2021-06-30","ends_on":"2025-12-31","basis":"135/KH-UBND","basis_on":"2021-06-30","targets":[{"key":"y-tuong-du-an","indicator":"SUPPORTED","label":"Hỗ trợ ít nhất 50 ý tưởng, dự án","min":50.0,"unit":"dự án"},{"key":"su-kien-vung","indicator":"EVENTS","label":"01 sự kiện vùng mỗi năm","min":1.0,"per_year":true,"filter":{"event_scopes":["REGIONAL"]}}]}
"#;

/// Records around the year boundary of 2023/2024, on top of [`SAMPLE`],
/// for the indicators' tests.
pub const REPORT_RECORDS: &str = r#"{"type":"startup","key":"nam-viet","name":"Nấm Việt","sectors":["agritech"],"stage":"MVP","province":"hai-phong","founded_on":"2022-06-01","tags":["ST_ENTERPRISE"]}
{"type":"startup","key":"kho-lanh","name":"Kho Lạnh","sectors":["ai"],"stage":"SEED","province":"can-tho","founded_on":"2024-02-01","tags":["ST_ENTERPRISE","WOMEN_LED"]}
{"type":"organization","key":"vuon-uom-hp","name":"Vườn ươm Hải Phòng","kind":"INCUBATOR","province":"hai-phong","established_on":"2023-05-01"}
{"type":"organization","key":"clb-ct","name":"CLB Khởi nghiệp Cần Thơ","kind":"STARTUP_CLUB","province":"can-tho","established_on":"2021-03-01"}
{"type":"event","key":"e-cuoi-nam","title":"Cà phê cuối năm","kind":"NETWORKING","starts_at":"2023-12-31T23:30:00+07:00","province":"can-tho"}
{"type":"event","key":"e-dau-nam","title":"Techfest Mekong","kind":"FESTIVAL","starts_at":"2024-01-01T00:00:00+07:00","province":"can-tho","scope":"REGIONAL"}
{"type":"programme","key":"uom-tao-2023","name":"Ươm tạo 2023","kind":"BUSINESS_INCUBATION","organization":"castihub","province":"can-tho","starts_on":"2023-01-01","ends_on":"2024-12-31","sectors":["agritech"]}
{"type":"call","key":"uom-tao-2023-dot-1","programme":"uom-tao-2023","title":"Đợt 1","opens_at":"2023-01-01T08:00:00+07:00","closes_at":"2023-12-31T17:00:00+07:00"}
{"type":"application","call":"uom-tao-2023-dot-1","startup":"vi-mekong","status":"ACCEPTED","submitted_at":"2023-03-01T10:00:00+07:00","decided_at":"2023-12-31T23:30:00+07:00"}
{"type":"application","call":"uom-tao-2023-dot-1","startup":"kho-lanh","status":"ACCEPTED","submitted_at":"2023-04-01T10:00:00+07:00","decided_at":"2024-01-01T00:00:00+07:00"}
{"type":"application","call":"uom-tao-2023-dot-1","startup":"cang-so","status":"REJECTED","submitted_at":"2023-05-01T10:00:00+07:00","decided_at":"2023-06-01T10:00:00+07:00"}
{"type":"class","key":"lop-1","programme":"uom-tao-2023","title":"Lớp 1","held_on":"2023-09-10"}
{"type":"class","key":"lop-2","programme":"uom-tao-2023","title":"Lớp 2","held_on":"2023-10-10"}
{"type":"attendance","class":"lop-1","person":"Nguyễn Thị Hoa","organization":"Lúa Xanh","group":"WOMEN"}
{"type":"attendance","class":"lop-2","person":"Nguyen Thi Hoa","organization":"Lua Xanh","group":"WOMEN"}
{"type":"attendance","class":"lop-1","person":"Trần Văn Nam","organization":"HTX Nấm","group":"FARMERS"}
{"type":"attendance","class":"lop-2","person":"Lê Thị Mai","group":"WOMEN"}
{"type":"support","key":"s1","startup":"lua-xanh","programme":"uom-tao-2023","kind":"MENTORING","value_vnd":"10000000","budget_source":"STATE","given_on":"2023-03-01"}
{"type":"support","key":"s2","startup":"lua-xanh","programme":"uom-tao-2023","kind":"SPACE","value_vnd":"20000000","budget_source":"SOCIALIZED","given_on":"2023-06-01"}
{"type":"support","key":"s3","recipient":"HTX Nấm Hải Phòng","organization":"vuon-uom-hp","kind":"TRAINING","value_vnd":"5000000","budget_source":"STATE","given_on":"2023-07-01"}
"#;

/// A data file from `ketnoi generate` of these sizes and seed.
pub fn generated(startups: usize, investors: usize, mentors: usize, seed: u64) -> String {
    let options = ketnoi::generate::GenerateOptions {
        startups,
        investors,
        mentors,
        seed,
    };
    let mut data = Vec::new();
    ketnoi::generate::generate(&options, &mut data).expect("generate");
    String::from_utf8(data).expect("UTF-8")
}

/// Imports [`SAMPLE`] into the store.
pub async fn load_sample(store: &Store) {
    import(store, SAMPLE).await.expect("import the sample");
}

/// Imports a data file's text on the tests' day.
pub async fn import(
    store: &Store,
    data: impl Into<Vec<u8>>,
) -> Result<ketnoi::transfer::Counts, ketnoi::transfer::ImportError> {
    let data = std::io::Cursor::new(data.into());
    ketnoi::transfer::import_file(store, data, test_today(), |_| {}).await
}
