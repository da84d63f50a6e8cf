//! What the benches over HTTP share: the real server in this process on a
//! loopback port, with the rate limits out of the way (one client asks
//! thousands of times a second, and the figures are latency).

use std::time::Duration;

use ketnoi::http::HttpConfig;
use ketnoi::http::throttle::{Allowance, RateLimits};
use ketnoi::store::Store;

/// Serves `store` (an in-memory index built from it), assembled as
/// `ketnoi serve` does, and returns the `/graphql` URL.
pub async fn serve(store: Store) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}/graphql", listener.local_addr().expect("address"));
    let index = std::sync::Arc::new(ketnoi::search::SearchIndex::in_ram().expect("index"));
    let app = ketnoi::app::App::start(
        store,
        ketnoi::app::AppOptions {
            index,
            poll: Duration::from_millis(100),
            weights: ketnoi::matching::Weights::default(),
            clock: ketnoi::clock::Clock::system(),
        },
    );
    let wide = Allowance {
        burst: 1_000_000,
        per_second: 1_000_000,
    };
    let config = HttpConfig {
        rate: RateLimits {
            per_address: wide,
            per_token: wide,
        },
        ..HttpConfig::default()
    };
    tokio::spawn(async move { app.serve(listener, config, std::future::pending()).await });
    url
}
