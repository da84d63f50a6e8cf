//! The GraphiQL playground, served entirely by ketnoi, so that it works on
//! a network with no way out: the page, its script and style, the example
//! tabs (`assets/playground/examples/`, one document per tab) and the
//! third-party files (GraphiQL and React at pinned versions, with their
//! licences, in `assets/playground/vendor/`; `scripts/update-playground-assets.sh`
//! fetches them) are embedded in the binary.
//!
//! Every file is served under a name that carries its content hash, so a
//! browser keeps it for a year and a new build is never mixed with an old
//! one; the page itself is never cached, and its Content-Security-Policy
//! allows nothing from any other origin.

use std::sync::LazyLock;

use axum::body::Body;
use axum::extract::Path;
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use blake2::{Blake2s256, Digest};

/// Where the page's files are served.
pub const PREFIX: &str = "/playground/";

/// The page's policy: its scripts, styles and requests come from this
/// server only. (GraphiQL sets inline styles, and its stylesheet carries its
/// fonts and icons as `data:` URLs.)
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; \
     connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// An embedded file: its path under `assets/playground/`, its media type,
/// its bytes, and the same gzipped (`<path>.gz`, made by the update script)
/// for the large third-party files.
struct File {
    path: &'static str,
    media_type: &'static str,
    bytes: &'static [u8],
    gzipped: Option<&'static [u8]>,
}

macro_rules! file {
    ($path:literal, $media_type:expr) => {
        File {
            path: $path,
            media_type: $media_type,
            bytes: include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/assets/playground/",
                $path
            )),
            gzipped: None,
        }
    };
    ($path:literal, $media_type:expr, gzipped) => {
        File {
            gzipped: Some(include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/assets/playground/",
                $path,
                ".gz"
            ))),
            ..file!($path, $media_type)
        }
    };
}

const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";

/// The files the page loads.
const FILES: [File; 6] = [
    file!("playground.js", JS),
    file!("playground.css", CSS),
    file!("vendor/react.production.min.js", JS, gzipped),
    file!("vendor/react-dom.production.min.js", JS, gzipped),
    file!("vendor/graphiql.min.js", JS, gzipped),
    file!("vendor/graphiql.min.css", CSS, gzipped),
];

/// The example tabs, in order.
pub const EXAMPLES: [&str; 9] = [
    include_str!("../../assets/playground/examples/1-browse.graphql"),
    include_str!("../../assets/playground/examples/2-search.graphql"),
    include_str!("../../assets/playground/examples/3-investors.graphql"),
    include_str!("../../assets/playground/examples/4-sign-up.graphql"),
    include_str!("../../assets/playground/examples/5-investor.graphql"),
    include_str!("../../assets/playground/examples/6-startup.graphql"),
    include_str!("../../assets/playground/examples/7-mentor.graphql"),
    include_str!("../../assets/playground/examples/8-programmes.graphql"),
    include_str!("../../assets/playground/examples/9-reports.graphql"),
];

const TEMPLATE: &str = include_str!("../../assets/playground/index.html");

/// The name each file is served under, in the order of [`FILES`].
static NAMES: LazyLock<Vec<String>> =
    LazyLock::new(|| FILES.iter().map(|f| hashed_name(f.path, f.bytes)).collect());

/// `graphiql.min.js` becomes `graphiql.min.<12 hex digits of its BLAKE2s hash>.js`.
fn hashed_name(path: &str, bytes: &[u8]) -> String {
    let file = path.rsplit('/').next().unwrap_or(path);
    let (stem, extension) = file.rsplit_once('.').unwrap_or((file, ""));
    let digest = Blake2s256::digest(bytes);
    let hash: String = digest[..6].iter().map(|b| format!("{b:02x}")).collect();
    format!("{stem}.{hash}.{extension}")
}

/// The page: the template with each `{{path}}` replaced by the file's
/// address and `{{examples}}` by the tabs, as JSON that cannot end the
/// script element it sits in.
static PAGE: LazyLock<String> = LazyLock::new(|| {
    let mut page = TEMPLATE.to_string();
    for (file, name) in FILES.iter().zip(NAMES.iter()) {
        let placeholder = format!("{{{{{}}}}}", file.path);
        page = page.replace(&placeholder, &format!("{PREFIX}{name}"));
    }
    let examples = serde_json::to_string(&EXAMPLES)
        .expect("strings serialize")
        .replace('<', "\\u003c");
    page.replace("{{examples}}", &examples)
});

const NO_SNIFF: (HeaderName, &str) = (header::X_CONTENT_TYPE_OPTIONS, "nosniff");

/// The playground page.
pub fn page() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
            (header::CACHE_CONTROL, "no-cache"),
            (header::REFERRER_POLICY, "no-referrer"),
            NO_SNIFF,
        ],
        PAGE.as_str(),
    )
        .into_response()
}

/// Whether the client takes gzip (`Accept-Encoding`, not refused with
/// `q=0`).
fn takes_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            parts.next() == Some("gzip") && parts.all(|p| p.replace(' ', "") != "q=0")
        })
}

/// One of the page's files, by the name the page uses; gzipped when it
/// comes so and the client takes it.
pub async fn file(Path(name): Path<String>, headers: HeaderMap) -> Response {
    let Some(file) = NAMES.iter().position(|n| *n == name).map(|i| &FILES[i]) else {
        return (StatusCode::NOT_FOUND, "no such playground file").into_response();
    };
    let mut response = (
        [
            (header::CONTENT_TYPE, file.media_type),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            NO_SNIFF,
        ],
        file.bytes,
    )
        .into_response();
    if let Some(gzipped) = file.gzipped {
        let vary = HeaderValue::from_static("accept-encoding");
        response.headers_mut().insert(header::VARY, vary);
        if takes_gzip(&headers) {
            *response.body_mut() = Body::from(gzipped);
            let gzip = HeaderValue::from_static("gzip");
            response
                .headers_mut()
                .insert(header::CONTENT_ENCODING, gzip);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_names_every_file_and_nothing_elsewhere() {
        for name in NAMES.iter() {
            assert!(PAGE.contains(&format!("{PREFIX}{name}")));
        }
        assert!(!PAGE.contains("{{"), "a placeholder is left");
        assert!(!PAGE.contains("http://") && !PAGE.contains("https://"));
        // The examples cannot end their script element early.
        let data = PAGE
            .split("type=\"application/json\">")
            .nth(1)
            .expect("examples");
        let data = &data[..data.find("</script>").expect("its end")];
        let examples: Vec<String> = serde_json::from_str(data).expect("JSON");
        assert_eq!(examples, EXAMPLES);
    }

    #[test]
    fn gzip_goes_to_clients_that_take_it() {
        let with = |value: &'static str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_static(value));
            takes_gzip(&headers)
        };
        assert!(with("gzip, deflate, br"));
        assert!(with("br;q=1.0, gzip;q=0.8"));
        assert!(!with("gzip;q=0"));
        assert!(!with("br, identity"));
        assert!(!takes_gzip(&HeaderMap::new()));
        // The compressed files are gzip streams (the browser test reads them).
        for file in &FILES {
            if let Some(gzipped) = file.gzipped {
                assert_eq!(&gzipped[..2], &[0x1f, 0x8b], "{}", file.path);
            }
        }
    }

    #[test]
    fn names_change_with_contents() {
        assert_eq!(
            hashed_name("vendor/a.min.js", b"x"),
            hashed_name("a.min.js", b"x")
        );
        assert_ne!(hashed_name("a.min.js", b"x"), hashed_name("a.min.js", b"y"));
        assert!(hashed_name("a.min.js", b"x").starts_with("a.min."));
        assert!(hashed_name("a.min.js", b"x").ends_with(".js"));
    }
}
