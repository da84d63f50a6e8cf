//! The HTTP server: `POST /graphql` (GraphQL over HTTP with JSON), `GET
//! /graphql` (queries in the URL, or the GraphiQL playground for a
//! browser), `/healthz` (the process is up) and `/readyz` (the database
//! answers and the search index has caught up since start-up).
//!
//! Every request gets an `x-request-id` (kept if the client sent a usable
//! one) and a tracing span, is limited in body size (413 past it) and time
//! (a slow request is cancelled with 408), and a panic becomes a generic
//! 500 while the server keeps serving. GraphQL requests past the in-flight
//! limit, and heavy operations past theirs, are refused at once with 503
//! and `retry-after` rather than queued; responses past the size limit are
//! replaced by an error; on shutdown, requests in flight get a grace
//! period and no more.

mod envelope;
pub mod playground;
pub mod report_page;
pub mod throttle;

use crate::error::Code;
use std::collections::hash_map::RandomState;
use std::future::Future;
use std::hash::BuildHasher;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use async_graphql::http::parse_query_string;
use axum::Extension;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use crate::auth::{Auth, AuthConfig, Viewer};
use crate::clock::Clock;
use crate::graphql::limits::{self, NoIntrospection, ReadOnly};
use crate::graphql::scope::Scope;
use crate::graphql::stated::ProseCache;
use crate::graphql::{self, AppSchema, Limits, loaders};
use crate::store::Store;
use envelope::{EnvelopeLayer, Ids, REQUEST_ID};
use throttle::{RateLimits, Throttle};

/// The server's settings: HTTP limits, GraphQL limits, rate limits,
/// accounts and CORS.
#[derive(Debug, Clone)]
pub struct HttpConfig {
    /// The largest request body accepted, in bytes.
    pub body_limit: usize,
    /// How long a request may take before it is cancelled.
    pub request_timeout: Duration,
    /// Tokens and sign-in throttling.
    pub auth: AuthConfig,
    /// What one GraphQL document may ask.
    pub limits: Limits,
    /// Requests per client address and per token.
    pub rate: RateLimits,
    /// Origins browsers may call the API from (`*` for any); empty: none.
    pub cors_origins: Vec<String>,
    /// Reverse proxies whose `X-Forwarded-For` is believed: behind one, the
    /// client is the last address in that header that is not a proxy.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// The largest response body sent, in bytes; past it the answer is a
    /// `RESPONSE_TOO_LARGE` error.
    pub max_response_bytes: usize,
    /// GraphQL requests handled at once; past them, 503 with `retry-after`.
    pub max_in_flight: usize,
    /// Heavy GraphQL operations (complexity at least `heavy_complexity`)
    /// run at once; past them a heavy one gets 503 while cheap ones go on.
    pub max_heavy_in_flight: usize,
    /// The complexity from which an operation counts as heavy.
    pub heavy_complexity: usize,
    /// How long requests in flight may finish after a shutdown signal
    /// before the server stops without them.
    pub shutdown_grace: Duration,
    /// "Now" for tokens, registration and eligibility (the system clock
    /// but in tests).
    pub clock: Clock,
}

impl Default for HttpConfig {
    fn default() -> Self {
        HttpConfig {
            body_limit: 256 * 1024,
            request_timeout: Duration::from_secs(30),
            auth: AuthConfig::default(),
            limits: Limits::default(),
            rate: RateLimits::default(),
            cors_origins: vec![],
            trusted_proxies: vec![],
            max_response_bytes: 16 * 1024 * 1024,
            max_in_flight: 256,
            max_heavy_in_flight: 2 * std::thread::available_parallelism().map_or(2, |n| n.get()),
            heavy_complexity: 1_000,
            shutdown_grace: Duration::from_secs(10),
            clock: Clock::system(),
        }
    }
}

/// What every request handler shares: one `Arc`, so that handing it to a
/// request costs one counter, not one per part.
type App = Arc<Shared>;

struct Shared {
    schema: AppSchema,
    store: Store,
    /// The application served (for `/readyz`).
    running: crate::app::App,
    auth: Arc<Auth>,
    throttle: Arc<Throttle>,
    limits: Arc<Limits>,
    trusted_proxies: Arc<[std::net::IpAddr]>,
    /// Permits of GraphQL requests in flight.
    in_flight: Arc<tokio::sync::Semaphore>,
    max_response_bytes: usize,
}

/// The peer address of a connection, when the server knows it.
type Peer = Option<Extension<ConnectInfo<SocketAddr>>>;

/// The application's routes and middleware.
pub fn router(app: crate::app::App, config: &HttpConfig) -> Router {
    let auth = Auth::new(app.store.clone(), config.auth.clone(), config.clock.clone());
    let store = app.store.clone();
    let app = Arc::new(Shared {
        schema: graphql::schema(
            app.clone(),
            auth.clone(),
            &config.limits,
            graphql::limits::Shedding {
                heavy: Arc::new(tokio::sync::Semaphore::new(config.max_heavy_in_flight)),
                heavy_complexity: config.heavy_complexity,
            },
        ),
        store,
        running: app,
        auth,
        throttle: Arc::new(Throttle::new(config.rate)),
        limits: Arc::new(config.limits.clone()),
        trusted_proxies: config.trusted_proxies.clone().into(),
        in_flight: Arc::new(tokio::sync::Semaphore::new(config.max_in_flight)),
        max_response_bytes: config.max_response_bytes,
    });
    // A random prefix per process (std's hasher keys are random).
    let ids = Ids::new(format!(
        "{:08x}",
        RandomState::new().hash_one(std::process::id()) as u32
    ));
    let routes = Router::new()
        .route("/graphql", get(graphql_get).post(graphql_post))
        .route("/playground/{name}", get(playground::file))
        .route("/templates/{name}", get(template))
        .route("/import", axum::routing::post(import_spreadsheet))
        .route("/reports", get(report_page::page))
        .route("/reports/{file}", get(plan_report))
        .route("/report-page/{name}", get(report_page::file))
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready))
        .fallback(|| async {
            json_error(
                StatusCode::NOT_FOUND,
                Code::NotFound,
                "there is nothing at this path",
            )
        })
        .method_not_allowed_fallback(|| async {
            let mut response = json_error(
                StatusCode::METHOD_NOT_ALLOWED,
                Code::MethodNotAllowed,
                "this path answers GET (and POST for /graphql and /import)",
            );
            response
                .headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static("GET, POST"));
            response
        })
        .with_state(app);
    middleware(routes, config, ids)
}

/// The middleware around every route: panics, time, size, request ids and
/// error shape, and CORS when some origin is allowed (without, browsers
/// refuse cross-origin answers anyway, and the layer would only cost time).
fn middleware(routes: Router, config: &HttpConfig, ids: Ids) -> Router {
    let routes = routes
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            config.request_timeout,
        ))
        .layer(RequestBodyLimitLayer::new(config.body_limit))
        .layer(EnvelopeLayer::new(ids));
    if config.cors_origins.is_empty() {
        routes
    } else {
        routes.layer(cors(&config.cors_origins))
    }
}

/// CORS for the configured origins: none, a list, or any (`*`). Bearer
/// tokens travel in a header, so credentials (cookies) are never allowed.
fn cors(origins: &[String]) -> CorsLayer {
    let layer = CorsLayer::new()
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([
            header::CONTENT_TYPE,
            header::AUTHORIZATION,
            header::ACCEPT,
            header::ACCEPT_LANGUAGE,
        ])
        .max_age(Duration::from_secs(3600));
    if origins.iter().any(|o| o == "*") {
        layer.allow_origin(AllowOrigin::any())
    } else {
        let list: Vec<HeaderValue> = origins
            .iter()
            .filter_map(|o| HeaderValue::from_str(o.trim()).ok())
            .collect();
        layer.allow_origin(AllowOrigin::list(list))
    }
}

/// Serves until `shutdown` completes, then lets requests in flight finish
/// for up to the configured grace period and stops, with or without them.
pub async fn serve(
    app: crate::app::App,
    listener: TcpListener,
    config: HttpConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let grace = config.shutdown_grace;
    let service = router(app, &config).into_make_service_with_connect_info::<SocketAddr>();
    let (signalled, on_signal) = tokio::sync::oneshot::channel::<()>();
    let signal = async move {
        shutdown.await;
        tracing::info!(
            grace_seconds = grace.as_secs_f64(),
            "shutting down: no new connections, requests in flight may finish"
        );
        let _ = signalled.send(());
    };
    let server = axum::serve(listener, service)
        .with_graceful_shutdown(signal)
        .into_future();
    let deadline = async move {
        if on_signal.await.is_err() {
            // The server finished without a signal.
            std::future::pending::<()>().await;
        }
        tokio::time::sleep(grace).await;
    };
    tokio::select! {
        biased;
        done = server => done,
        () = deadline => {
            tracing::warn!(
                grace_seconds = grace.as_secs_f64(),
                "requests were still in flight after the grace period: stopping without them"
            );
            Ok(())
        }
    }
}

fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked");
    json_error(
        StatusCode::INTERNAL_SERVER_ERROR,
        Code::Internal,
        crate::error::INTERNAL_MESSAGE,
    )
}

/// A GraphQL-shaped error response.
fn json_error(status: StatusCode, code: Code, message: &str) -> Response {
    let body = serde_json::json!({ "errors": [{ "message": message, "extensions": { "code": code.as_str() } }] });
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

/// Where an uploaded spreadsheet came from.
#[derive(serde::Deserialize)]
struct ImportQuery {
    /// Its file name: `.xlsx`, or `.csv` with `type`.
    file: String,
    /// What the rows of a `.csv` file are.
    r#type: Option<String>,
}

/// Imports a filled spreadsheet template, the operator only:
/// `POST /import?file=dot-1.xlsx` (or `?file=ho-tro.csv&type=support`)
/// with the file as the body. All or nothing, as `ketnoi import`; a
/// problem is a 400 whose error names the sheet, row and column in its
/// `extensions`.
async fn import_spreadsheet(
    State(app): State<App>,
    axum::extract::Query(query): axum::extract::Query<ImportQuery>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    use crate::spreadsheet::SpreadsheetError;
    match authenticate(&app, &headers).await {
        Ok(Some(viewer)) if viewer.is_admin() => {}
        Ok(Some(_)) => {
            return json_error(
                StatusCode::FORBIDDEN,
                Code::Forbidden,
                "only the operator (ADMIN) imports spreadsheets",
            );
        }
        Ok(None) => {
            return json_error(
                StatusCode::UNAUTHORIZED,
                Code::Unauthenticated,
                "sign in as the operator: send `Authorization: Bearer <token>`",
            );
        }
        Err(response) => return response,
    }
    let today = app.running.clock.today();
    let result = crate::spreadsheet::import(
        &app.store,
        &body,
        &query.file,
        query.r#type.as_deref(),
        today,
    )
    .await;
    match result {
        Ok(counts) => {
            let imported: serde_json::Map<String, serde_json::Value> = (counts.0.iter())
                .filter(|(_, n)| *n > 0)
                .map(|(t, n)| (t.to_string(), serde_json::Value::from(*n)))
                .collect();
            let body = serde_json::json!({ "imported": imported, "total": counts.total() });
            (
                [(header::CONTENT_TYPE, "application/json")],
                body.to_string(),
            )
                .into_response()
        }
        Err(SpreadsheetError::Invalid(at)) => {
            let (letter, header) = at.column.clone().unzip();
            let body = serde_json::json!({ "errors": [{
                "message": at.to_string(),
                "extensions": {
                    "code": Code::BadUserInput.as_str(),
                    "sheet": at.sheet,
                    "row": at.row,
                    "column": letter,
                    "header": header,
                },
            }] });
            (
                StatusCode::BAD_REQUEST,
                [(header::CONTENT_TYPE, "application/json")],
                body.to_string(),
            )
                .into_response()
        }
        Err(SpreadsheetError::Unsupported(message)) => {
            json_error(StatusCode::BAD_REQUEST, Code::BadUserInput, &message)
        }
        Err(e) => {
            tracing::error!(request_id = %request_id(&headers), error = %e, "a spreadsheet import failed");
            json_error(
                StatusCode::INTERNAL_SERVER_ERROR,
                Code::Internal,
                crate::error::INTERNAL_MESSAGE,
            )
        }
    }
}

/// Which year a report is for.
#[derive(serde::Deserialize)]
struct ReportQuery {
    /// A year of the plan; absent: its whole period.
    year: Option<i32>,
}

/// A plan's report, the operator only: `/reports/<plan key>.xlsx` (the
/// targets, year by year with a chart per target, and the records behind
/// each figure) or `/reports/<plan key>.csv` (the targets), for `?year=`
/// or the whole period.
async fn plan_report(
    State(app): State<App>,
    axum::extract::Path(file): axum::extract::Path<String>,
    axum::extract::Query(query): axum::extract::Query<ReportQuery>,
    headers: HeaderMap,
) -> Response {
    let viewer = match authenticate(&app, &headers).await {
        Ok(viewer) => viewer,
        Err(response) => return response,
    };
    let (key, xlsx) = match (file.strip_suffix(".xlsx"), file.strip_suffix(".csv")) {
        (Some(key), _) => (key, true),
        (None, Some(key)) => (key, false),
        _ => {
            return json_error(
                StatusCode::NOT_FOUND,
                Code::NotFound,
                "reports end in .xlsx or .csv",
            );
        }
    };
    let caller = crate::ops::Caller {
        store: &app.store,
        viewer: viewer.as_ref(),
        clock: &app.running.clock,
    };
    let report = match crate::report::build(&caller, key, query.year).await {
        Ok(Some(report)) => report,
        Ok(None) => {
            return json_error(
                StatusCode::NOT_FOUND,
                Code::NotFound,
                &format!("there is no plan with key `{key}`"),
            );
        }
        Err(e) => return error_response(&headers, &e),
    };
    let name = match query.year {
        Some(y) => format!("{key}-{y}"),
        None => key.to_string(),
    };
    let (bytes, kind, extension) = if xlsx {
        match crate::report::xlsx(&report) {
            Ok(bytes) => (
                bytes,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "xlsx",
            ),
            Err(e) => {
                tracing::error!(error = %e, "writing a report failed");
                return json_error(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    Code::Internal,
                    crate::error::INTERNAL_MESSAGE,
                );
            }
        }
    } else {
        (
            crate::report::csv(&report),
            "text/csv; charset=utf-8",
            "csv",
        )
    };
    let disposition = format!("attachment; filename=\"{name}.{extension}\"");
    (
        [
            (header::CONTENT_TYPE, kind.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        bytes,
    )
        .into_response()
}

/// An operation's error as a JSON response with its status and code.
fn error_response(headers: &HeaderMap, e: &crate::error::Error) -> Response {
    use crate::error::Error as E;
    let (status, code) = match e {
        E::Unauthenticated(_) => (StatusCode::UNAUTHORIZED, Code::Unauthenticated),
        E::Forbidden(_) => (StatusCode::FORBIDDEN, Code::Forbidden),
        E::BadUserInput(_) => (StatusCode::BAD_REQUEST, Code::BadUserInput),
        E::NotFound(_) => (StatusCode::NOT_FOUND, Code::NotFound),
        _ => {
            tracing::error!(request_id = %request_id(headers), error = %e, "a report failed");
            return json_error(
                StatusCode::INTERNAL_SERVER_ERROR,
                Code::Internal,
                crate::error::INTERNAL_MESSAGE,
            );
        }
    };
    json_error(status, code, &e.to_string())
}

/// A spreadsheet template: `/templates/<record>.xlsx` for one record kind
/// (`attendance`, `support`, `application`), `/templates/ketnoi.xlsx` for
/// all of them.
async fn template(axum::extract::Path(name): axum::extract::Path<String>) -> Response {
    let Some(record) = name.strip_suffix(".xlsx") else {
        return json_error(
            StatusCode::NOT_FOUND,
            Code::NotFound,
            "templates end in .xlsx",
        );
    };
    let records: Vec<&str> = match record {
        "ketnoi" => vec![],
        r if crate::spreadsheet::template_of(r).is_some() => vec![r],
        _ => {
            return json_error(
                StatusCode::NOT_FOUND,
                Code::NotFound,
                "no such template: try attendance.xlsx, support.xlsx, application.xlsx or ketnoi.xlsx",
            );
        }
    };
    match crate::spreadsheet::template(&records) {
        Ok(bytes) => (
            [
                (
                    header::CONTENT_TYPE,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "writing a template failed");
            json_error(
                StatusCode::INTERNAL_SERVER_ERROR,
                Code::Internal,
                "the template could not be written",
            )
        }
    }
}

async fn ready(State(app): State<App>) -> Response {
    match app.store.ping().await {
        Ok(()) if !app.running.is_ready() => (
            StatusCode::SERVICE_UNAVAILABLE,
            "the search index is being built",
        )
            .into_response(),
        Ok(()) => (StatusCode::OK, "ready").into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

fn request_id(headers: &HeaderMap) -> String {
    headers
        .get(&REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_string()
}

/// The viewer of a request from its `Authorization` header: `Ok(None)` for
/// none, an error response for a malformed, unknown, expired or revoked token.
async fn authenticate(app: &App, headers: &HeaderMap) -> Result<Option<Viewer>, Response> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let unauthorized = |message: &str| {
        let mut response = json_error(StatusCode::UNAUTHORIZED, Code::Unauthenticated, message);
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer error=\"invalid_token\""),
        );
        response
    };
    let Some(token) = bearer(value) else {
        return Err(unauthorized(
            "the Authorization header must be `Bearer <token>`",
        ));
    };
    match app.auth.authenticate(token).await {
        Ok(Some(viewer)) => Ok(Some(viewer)),
        Ok(None) => Err(unauthorized(
            "the token is unknown, expired or revoked: sign in again",
        )),
        Err(e) => {
            tracing::error!(request_id = %request_id(headers), error = %e, "authentication failed");
            Err(json_error(
                StatusCode::INTERNAL_SERVER_ERROR,
                Code::Internal,
                crate::error::INTERNAL_MESSAGE,
            ))
        }
    }
}

/// The client's address: the TCP peer, or, when the peer is a trusted
/// proxy, the last address of `X-Forwarded-For` that is not one (earlier
/// entries are the client's own say and could be forged). Entries may
/// carry a port (`203.0.113.7:5120`, `[2001:db8::1]:443`), as some proxies
/// write them. An entry that cannot be read (`unknown`, garbage) ends the
/// walk at the proxy that wrote it: skipping it would hand the choice of
/// address, and so of rate limit, to whatever the client wrote before it.
fn client_address(
    peer: std::net::IpAddr,
    headers: &HeaderMap,
    trusted: &[std::net::IpAddr],
) -> std::net::IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let entries: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .map(|v| v.to_str().unwrap_or(""))
        .flat_map(|v| v.split(','))
        .collect();
    let mut proxy = peer;
    for entry in entries.into_iter().rev() {
        match forwarded_address(entry) {
            Some(address) if trusted.contains(&address) => proxy = address,
            Some(address) => return address,
            None => return proxy,
        }
    }
    proxy
}

/// One `X-Forwarded-For` entry: an address, with or without a port,
/// IPv6 with or without brackets.
fn forwarded_address(entry: &str) -> Option<std::net::IpAddr> {
    let entry = entry.trim();
    entry
        .parse::<std::net::IpAddr>()
        .ok()
        .or_else(|| entry.parse::<SocketAddr>().ok().map(|a| a.ip()))
        .or_else(|| {
            entry
                .strip_prefix('[')
                .and_then(|e| e.strip_suffix(']'))
                .and_then(|e| e.parse::<std::net::Ipv6Addr>().ok())
                .map(std::net::IpAddr::V6)
        })
}

/// The token of an `Authorization: Bearer <token>` header value; `None`
/// for any other scheme or a malformed value.
fn bearer(value: &HeaderValue) -> Option<&str> {
    value
        .to_str()
        .ok()
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim())
}

/// Counts a request against its rate limits; a 429 when one is spent.
fn throttle(app: &App, headers: &HeaderMap, address: Option<std::net::IpAddr>) -> Option<Response> {
    let token = headers.get(header::AUTHORIZATION).and_then(bearer);
    match app.throttle.check(address, token) {
        None => None,
        Some(wait) => {
            let seconds = wait.as_secs().max(1);
            let mut response = json_error(
                StatusCode::TOO_MANY_REQUESTS,
                Code::RateLimited,
                &format!("too many requests: retry after {seconds} seconds"),
            );
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
            Some(response)
        }
    }
}

/// The GraphQL response of one request, run as its viewer.
async fn run(
    app: &App,
    headers: &HeaderMap,
    address: Option<std::net::IpAddr>,
    viewer: Option<&Viewer>,
    read_only: Option<&ReadOnly>,
    request: async_graphql::Request,
) -> async_graphql::Response {
    let lang = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map_or(
            crate::matching::Lang::Vi,
            crate::matching::Lang::from_accept_language,
        );
    let mut request = request;
    let mut no_introspection = None;
    if !app.limits.allows_introspection(viewer.is_some()) {
        request = request.disable_introspection();
        no_introspection = Some(NoIntrospection(if viewer.is_some() {
            "introspection is disabled on this server"
        } else {
            "introspection is disabled for anonymous requests: sign in first"
        }));
    }
    loaders::run_with_loaders(
        app.store.clone(),
        app.running.vocabulary.clone(),
        |loaders| {
            // Boxed: the execution is most of a request's future, which
            // would otherwise be copied whole each time it moves.
            Box::pin(app.schema.execute(request.data(Scope {
                request_id: request_id(headers),
                address,
                lang,
                viewer: viewer.cloned(),
                read_only: read_only.cloned(),
                no_introspection,
                prose: ProseCache::default(),
                loaders,
            })))
        },
    )
    .await
}

/// The answer to an operation of a batch that comes after its token was
/// revoked (by a `signOut` earlier in the batch, or elsewhere meanwhile).
fn signed_out() -> async_graphql::Response {
    async_graphql::Response::from_errors(vec![limits::refusal(
        "the token was revoked earlier in this batch: sign in again".to_string(),
        Code::Unauthenticated,
    )])
}

/// The 503 of a GraphQL request past the in-flight limit: a refusal costs
/// nothing, while a queue would only grow and time out.
fn overloaded() -> Response {
    let mut response = json_error(
        StatusCode::SERVICE_UNAVAILABLE,
        OVERLOADED,
        "the server is handling as many requests as it can: retry in a second",
    );
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(1));
    response
}

/// Runs a request (or a batch of them, over POST); `read_only` for GET.
async fn execute(
    app: &App,
    headers: &HeaderMap,
    peer: Peer,
    request: async_graphql::BatchRequest,
    read_only: Option<ReadOnly>,
) -> Response {
    let Ok(_permit) = Arc::clone(&app.in_flight).try_acquire_owned() else {
        return overloaded();
    };
    let address =
        peer.map(|Extension(ConnectInfo(a))| client_address(a.ip(), headers, &app.trusted_proxies));
    if let Some(response) = throttle(app, headers, address) {
        return response;
    }
    let viewer = match authenticate(app, headers).await {
        Ok(viewer) => viewer,
        Err(response) => return response,
    };
    let request = match request {
        async_graphql::BatchRequest::Single(request) => request,
        async_graphql::BatchRequest::Batch(requests) => {
            if requests.is_empty() || requests.len() > app.limits.max_batch {
                return json_error(
                    StatusCode::BAD_REQUEST,
                    Code::BadRequest,
                    &format!(
                        "a batch holds 1 to {} operations; this one has {}",
                        app.limits.max_batch,
                        requests.len()
                    ),
                );
            }
            // Every operation of a batch counts against the rate limits.
            for _ in 1..requests.len() {
                if let Some(response) = throttle(app, headers, address) {
                    return response;
                }
            }
            let mut responses = Vec::with_capacity(requests.len());
            for (i, request) in requests.into_iter().enumerate() {
                // An operation earlier in the batch may have signed out:
                // each later one runs as its token is now.
                let viewer = match (i, &viewer) {
                    (0, _) | (_, None) => viewer.clone(),
                    (_, Some(_)) => match authenticate(app, headers).await {
                        Ok(now) => now,
                        Err(_) => {
                            responses.push(signed_out());
                            continue;
                        }
                    },
                };
                responses.push(run(app, headers, address, viewer.as_ref(), None, request).await);
            }
            return match capped_json(&responses, app.max_response_bytes) {
                Ok(body) => ([(header::CONTENT_TYPE, "application/json")], body).into_response(),
                Err(()) => too_large(app.max_response_bytes),
            };
        }
    };
    let response = run(
        app,
        headers,
        address,
        viewer.as_ref(),
        read_only.as_ref(),
        request,
    )
    .await;
    respond(headers, &response, app.max_response_bytes)
}

/// Codes of errors that stop a request before it runs (GraphQL over HTTP's
/// "request errors").
const REQUEST_ERROR_CODES: [Code; 2] = [Code::GraphqlParseFailed, Code::GraphqlValidationFailed];

/// A GraphQL response as sent: `data` (left out for a request error),
/// `errors` and `extensions`, each object's fields in the order the
/// document selected them.
#[derive(serde::Serialize)]
struct Body<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<&'a async_graphql::Value>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    errors: &'a [async_graphql::ServerError],
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    extensions: &'a std::collections::BTreeMap<String, async_graphql::Value>,
}

/// The HTTP response for a GraphQL response. With `Accept:
/// application/graphql-response+json` a request error is a 400 without a
/// `data` entry (GraphQL over HTTP); with `application/json` every
/// GraphQL answer is a 200. A refused sign-in for too many attempts is a
/// 429 with `retry-after` either way.
fn respond(headers: &HeaderMap, response: &async_graphql::Response, max_bytes: usize) -> Response {
    let wants_graphql_response = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains(GRAPHQL_RESPONSE));
    let code_of = |e: &async_graphql::ServerError| match e.extensions.as_ref()?.get("code")? {
        async_graphql::Value::String(code) => Some(code.clone()),
        _ => None,
    };
    let request_error = response.data == async_graphql::Value::Null
        && !response.errors.is_empty()
        && response.errors.iter().all(|e| {
            code_of(e).is_some_and(|c| REQUEST_ERROR_CODES.iter().any(|r| r.as_str() == c))
        });
    let overloaded = response.data == async_graphql::Value::Null
        && response
            .errors
            .iter()
            .any(|e| code_of(e).is_some_and(|c| c == OVERLOADED.as_str()));
    let mut status = StatusCode::OK;
    let mut body = Body {
        data: Some(&response.data),
        errors: &response.errors,
        extensions: &response.extensions,
    };
    if wants_graphql_response && request_error {
        status = StatusCode::BAD_REQUEST;
        body.data = None;
    }
    let content_type = if wants_graphql_response {
        GRAPHQL_RESPONSE
    } else {
        "application/json"
    };
    let text = match capped_json(&body, max_bytes) {
        Ok(text) => text,
        Err(()) => return too_large(max_bytes),
    };
    let mut http = (status, [(header::CONTENT_TYPE, content_type)], text).into_response();
    if overloaded {
        *http.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
        http.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(1));
        return http;
    }
    let retry_after = response.errors.iter().find_map(|e| {
        let extensions = e.extensions.as_ref()?;
        match extensions.get("retryAfter")? {
            async_graphql::Value::Number(n) => n.as_u64(),
            _ => None,
        }
    });
    if let Some(seconds) = retry_after
        && response.data == async_graphql::Value::Null
    {
        *http.status_mut() = StatusCode::TOO_MANY_REQUESTS;
        http.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    http
}

/// The code of an operation refused because the server is busy with
/// others like it (a 503 with `retry-after`).
pub const OVERLOADED: Code = Code::Overloaded;

/// A value as JSON text, or `Err` as soon as the text passes `max` bytes
/// (the rest is never written).
fn capped_json<T: serde::Serialize>(value: &T, max: usize) -> Result<String, ()> {
    struct Capped {
        text: Vec<u8>,
        max: usize,
    }
    impl std::io::Write for Capped {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            if self.text.len() + bytes.len() > self.max {
                return Err(std::io::Error::other("the response is too large"));
            }
            self.text.extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut out = Capped {
        text: Vec::new(),
        max,
    };
    serde_json::to_writer(&mut out, value).map_err(|_| ())?;
    String::from_utf8(out.text).map_err(|_| ())
}

/// The answer when a response would pass the size limit.
fn too_large(max_bytes: usize) -> Response {
    json_error(
        StatusCode::OK,
        Code::ResponseTooLarge,
        &format!(
            "the response would be larger than {max_bytes} bytes, the most this server sends: \
             ask for fewer fields or smaller pages"
        ),
    )
}

/// The media type of GraphQL over HTTP responses.
const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";

fn wants_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"))
}

async fn graphql_get(
    State(app): State<App>,
    headers: HeaderMap,
    peer: Peer,
    RawQuery(query): RawQuery,
) -> Response {
    let query = query.unwrap_or_default();
    if query.is_empty() {
        if wants_html(&headers) {
            return playground::page();
        }
        return json_error(
            StatusCode::BAD_REQUEST,
            Code::BadRequest,
            "pass the GraphQL document in the `query` parameter, or POST it as JSON",
        );
    }
    let request = match parse_query_string(&query) {
        Ok(r) => r,
        Err(e) => {
            return json_error(
                StatusCode::BAD_REQUEST,
                Code::BadRequest,
                &format!("malformed query string: {e}"),
            );
        }
    };
    // GET must not change anything: mutations are refused (GraphQL over
    // HTTP), here with 405 when the text is at hand, and in the document
    // limits when a persisted query stands for the text. A document nested
    // too deep is not parsed here: the limits refuse it before parsing.
    let mut request = request;
    let name = request.operation_name.clone();
    let parsable = limits::max_nesting(&request.query) <= app.limits.max_recursive_depth;
    if parsable
        && let Ok(document) = request.parsed_query()
        && limits::is_mutation(document, name.as_deref())
    {
        let mut response = json_error(
            StatusCode::METHOD_NOT_ALLOWED,
            Code::MethodNotAllowed,
            "mutations must be sent with POST",
        );
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("POST"));
        return response;
    }
    execute(&app, &headers, peer, request.into(), Some(ReadOnly(name))).await
}

async fn graphql_post(
    State(app): State<App>,
    method: Method,
    headers: HeaderMap,
    peer: Peer,
    body: Bytes,
) -> Response {
    debug_assert_eq!(method, Method::POST);
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if essence != "application/json" && essence != "application/graphql-response+json" {
        return json_error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Code::UnsupportedMediaType,
            "send the request as JSON with `Content-Type: application/json`",
        );
    }
    let request: async_graphql::BatchRequest = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => {
            let reason = e.to_string();
            return json_error(
                StatusCode::BAD_REQUEST,
                Code::BadRequest,
                &format!("the body is not a GraphQL request in JSON: {reason}"),
            );
        }
    };
    execute(&app, &headers, peer, request, None).await
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A panic anywhere in a request (here a handler; resolvers run inside
    /// the `/graphql` handler) is a generic 500, and the server goes on.
    #[tokio::test]
    async fn a_panic_is_a_generic_500_and_the_server_keeps_serving() {
        let routes = Router::new()
            .route(
                "/boom",
                get(|| async {
                    if std::hint::black_box(true) {
                        panic!("a resolver bug with secret details");
                    }
                    "unreachable"
                }),
            )
            .route("/ok", get(|| async { "ok" }));
        let ids = Ids::new("test");
        let app = middleware(routes, &HttpConfig::default(), ids);
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        tokio::spawn(async move { axum::serve(listener, app).await });
        let client = reqwest::Client::new();
        let get = |path: &str| client.get(format!("{base}{path}")).send();
        let response = get("/boom").await.expect("answer");
        assert_eq!(response.status(), 500);
        let body: serde_json::Value = response.json().await.expect("JSON");
        assert_eq!(body["errors"][0]["extensions"]["code"], "INTERNAL");
        assert!(!body.to_string().contains("secret"), "{body}");
        assert_eq!(get("/ok").await.expect("answer").status(), 200);
    }

    #[test]
    fn forwarded_addresses_count_only_behind_a_trusted_proxy() {
        let proxy: std::net::IpAddr = "10.0.0.5".parse().unwrap();
        let client: std::net::IpAddr = "203.0.113.7".parse().unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("198.51.100.1, 203.0.113.7"),
        );
        assert_eq!(client_address(proxy, &headers, &[proxy]), client);
        // A direct client cannot claim another address.
        assert_eq!(client_address(client, &headers, &[proxy]), client);
        // Behind a trusted proxy without the header, the proxy it is.
        assert_eq!(client_address(proxy, &HeaderMap::new(), &[proxy]), proxy);
    }

    /// Regression: an unreadable last entry (`unknown`, or `IP:port`) was
    /// skipped, so the address the client wrote before it was believed and
    /// the client chose its own rate limit.
    #[test]
    fn an_unreadable_forwarded_entry_ends_at_the_proxy() {
        let proxy: std::net::IpAddr = "10.0.0.5".parse().unwrap();
        let inner: std::net::IpAddr = "10.0.0.6".parse().unwrap();
        let with = |value: &'static str| {
            let mut headers = HeaderMap::new();
            headers.insert("x-forwarded-for", HeaderValue::from_static(value));
            headers
        };
        for forged in [
            "198.51.100.1, unknown",
            "198.51.100.1, garbage:port",
            "198.51.100.1,",
        ] {
            assert_eq!(
                client_address(proxy, &with(forged), &[proxy]),
                proxy,
                "{forged}"
            );
        }
        // Through two trusted proxies, the inner one wrote the bad entry.
        assert_eq!(
            client_address(
                proxy,
                &with("198.51.100.1, unknown, 10.0.0.6"),
                &[proxy, inner]
            ),
            inner
        );
        // Ports and brackets are read, not skipped.
        let client: std::net::IpAddr = "203.0.113.7".parse().unwrap();
        assert_eq!(
            client_address(proxy, &with("198.51.100.1, 203.0.113.7:5120"), &[proxy]),
            client
        );
        let v6: std::net::IpAddr = "2001:db8::1".parse().unwrap();
        for entry in [
            "198.51.100.1, [2001:db8::1]:443",
            "198.51.100.1, [2001:db8::1]",
            "198.51.100.1, 2001:db8::1",
        ] {
            assert_eq!(client_address(proxy, &with(entry), &[proxy]), v6, "{entry}");
        }
    }
}
