//! The floor of the read-throughput comparison (`scripts/peer-bench`): a
//! bare axum handler that answers `POST /graphql` with the answer to
//! `{ __typename }`, on the same runtime and allocator as ketnoi, with no
//! GraphQL, middleware or database behind it.
//!
//!     cargo run --release --example bare_axum -- 127.0.0.1:8090

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::post;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

async fn typename() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        r#"{"data":{"__typename":"Query"}}"#,
    )
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let bind = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8090".to_string());
    let listener = tokio::net::TcpListener::bind(&bind).await?;
    axum::serve(listener, Router::new().route("/graphql", post(typename))).await
}
