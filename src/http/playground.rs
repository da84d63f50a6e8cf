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

use axum::extract::Path;
use axum::http::{HeaderName, StatusCode, header};
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

/// An embedded file: its path under `assets/playground/`, its media type
/// and its bytes.
type File = (&'static str, &'static str, &'static [u8]);

macro_rules! files {
    ($($path:literal: $media_type:expr),+ $(,)?) => {
        [$((
            $path,
            $media_type,
            include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/playground/", $path))
                as &[u8],
        )),+]
    };
}

const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";

/// The files the page loads.
const FILES: [File; 6] = files![
    "playground.js": JS,
    "playground.css": CSS,
    "vendor/react.production.min.js": JS,
    "vendor/react-dom.production.min.js": JS,
    "vendor/graphiql.min.js": JS,
    "vendor/graphiql.min.css": CSS,
];

/// The example tabs, in order.
pub const EXAMPLES: [&str; 7] = [
    include_str!("../../assets/playground/examples/1-browse.graphql"),
    include_str!("../../assets/playground/examples/2-search.graphql"),
    include_str!("../../assets/playground/examples/3-investors.graphql"),
    include_str!("../../assets/playground/examples/4-sign-up.graphql"),
    include_str!("../../assets/playground/examples/5-investor.graphql"),
    include_str!("../../assets/playground/examples/6-startup.graphql"),
    include_str!("../../assets/playground/examples/7-mentor.graphql"),
];

const TEMPLATE: &str = include_str!("../../assets/playground/index.html");

/// A file as served: the name it is served under (with its hash), its
/// media type and bytes.
struct Served {
    name: String,
    media_type: &'static str,
    bytes: &'static [u8],
}

/// `graphiql.min.js` becomes `graphiql.min.<12 hex digits of its BLAKE2s hash>.js`.
fn hashed_name(path: &str, bytes: &[u8]) -> String {
    let file = path.rsplit('/').next().unwrap_or(path);
    let (stem, extension) = file.rsplit_once('.').unwrap_or((file, ""));
    let digest = Blake2s256::digest(bytes);
    let hash: String = digest[..6].iter().map(|b| format!("{b:02x}")).collect();
    format!("{stem}.{hash}.{extension}")
}

static SERVED: LazyLock<Vec<Served>> = LazyLock::new(|| {
    FILES
        .iter()
        .map(|&(path, media_type, bytes)| Served {
            name: hashed_name(path, bytes),
            media_type,
            bytes,
        })
        .collect()
});

/// The page: the template with each `{{path}}` replaced by the file's
/// address and `{{examples}}` by the tabs, as JSON that cannot end the
/// script element it sits in.
static PAGE: LazyLock<String> = LazyLock::new(|| {
    let mut page = TEMPLATE.to_string();
    for ((path, _, _), served) in FILES.iter().zip(SERVED.iter()) {
        page = page.replace(
            &format!("{{{{{path}}}}}"),
            &format!("{PREFIX}{}", served.name),
        );
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

/// One of the page's files, by the name the page uses.
pub async fn file(Path(name): Path<String>) -> Response {
    match SERVED.iter().find(|f| f.name == name) {
        Some(f) => (
            [
                (header::CONTENT_TYPE, f.media_type),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
                NO_SNIFF,
            ],
            f.bytes,
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "no such playground file").into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_names_every_file_and_nothing_elsewhere() {
        for served in SERVED.iter() {
            assert!(PAGE.contains(&format!("{PREFIX}{}", served.name)));
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
