//! The operator's report page (`GET /reports`): each plan's targets
//! against what ketnoi's records show, year by year with charts, in
//! Vietnamese with an English switch, and the spreadsheets to download. A
//! small static page on the GraphQL API, embedded in the binary; the
//! operator signs in on it, and it asks nothing of any other origin.

use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

/// The page's policy: scripts, styles and requests from this server only.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; \
     form-action 'none'; frame-ancestors 'none'";

const PAGE: &str = include_str!("../../assets/reports/index.html");
const SCRIPT: &str = include_str!("../../assets/reports/reports.js");
const STYLE: &str = include_str!("../../assets/reports/reports.css");

/// The page.
pub async fn page() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
            (header::CACHE_CONTROL, "no-cache"),
            (header::REFERRER_POLICY, "no-referrer"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        PAGE,
    )
        .into_response()
}

/// The page's script and style.
pub async fn file(Path(name): Path<String>) -> Response {
    let (body, media_type) = match name.as_str() {
        "reports.js" => (SCRIPT, "text/javascript; charset=utf-8"),
        "reports.css" => (STYLE, "text/css; charset=utf-8"),
        _ => return (StatusCode::NOT_FOUND, "no such file").into_response(),
    };
    (
        [
            (header::CONTENT_TYPE, media_type),
            (header::CACHE_CONTROL, "no-cache"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_loads_nothing_from_elsewhere() {
        for text in [PAGE, SCRIPT, STYLE] {
            // The SVG namespace is a name, not an address fetched.
            let text = text.replace("http://www.w3.org/2000/svg", "");
            assert!(!text.contains("http://") && !text.contains("https://"));
        }
        assert!(PAGE.contains("/report-page/reports.js"));
        assert!(PAGE.contains("/report-page/reports.css"));
    }
}
