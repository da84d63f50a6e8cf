//! What the benches share: a generated dataset kept in a work directory
//! between runs, a multi-threaded runtime, and the real server in this
//! process on a loopback port, with the rate limits out of the way (one
//! client asks thousands of times a second, and the figures are latency).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ketnoi::generate::{GenerateOptions, generate};

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

/// A tokio runtime on every core, as a server runs.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

/// A whole number from the environment (`1_000_000` is fine), or `default`.
pub fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

/// What a load-script bench runs on: `generate` options (seed 42) sized by
/// `KETNOI_BENCH_STARTUPS`, `_INVESTORS` and `_MENTORS`, else by
/// `defaults` (startups, investors, mentors), and its work directory:
/// `KETNOI_BENCH_DIR`, else one in the temporary directory named after
/// `bench` and the size. The directory is created and the choice printed.
pub fn dataset(bench: &str, defaults: [usize; 3]) -> (GenerateOptions, PathBuf) {
    let options = GenerateOptions {
        startups: env_usize("KETNOI_BENCH_STARTUPS", defaults[0]),
        investors: env_usize("KETNOI_BENCH_INVESTORS", defaults[1]),
        mentors: env_usize("KETNOI_BENCH_MENTORS", defaults[2]),
        seed: 42,
    };
    let (startups, investors, mentors) = (options.startups, options.investors, options.mentors);
    let work = std::env::var("KETNOI_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            std::env::temp_dir().join(format!(
                "ketnoi-{bench}-bench-{startups}-{investors}-{mentors}"
            ))
        });
    std::fs::create_dir_all(&work).expect("work dir");
    println!(
        "# {bench} benchmark: {startups} startups, {investors} investors, {mentors} mentors in {}",
        work.display()
    );
    (options, work)
}

/// The SQLite database `ketnoi.db` in `work`, migrated and holding the
/// dataset `options` generates: generated and imported (timed) when the
/// database is empty, reused as it is otherwise.
pub async fn generated_store(work: &Path, options: &GenerateOptions) -> Store {
    let store = Store::sqlite_file(&work.join("ketnoi.db"))
        .await
        .expect("open SQLite");
    store.migrate().await.expect("migrate");
    if store.search_documents().await.expect("count") > 0 {
        return store;
    }
    let file = work.join("data.jsonl");
    let started = Instant::now();
    let mut out = std::io::BufWriter::new(std::fs::File::create(&file).expect("data file"));
    generate(options, &mut out).expect("generate");
    drop(out);
    println!("generated in {:.1} s", started.elapsed().as_secs_f64());
    let started = Instant::now();
    let reader =
        std::io::BufReader::with_capacity(1 << 20, std::fs::File::open(&file).expect("data file"));
    ketnoi::transfer::import_file(
        &store,
        reader,
        ketnoi::clock::Clock::system().today(),
        |_| {},
    )
    .await
    .expect("import");
    println!("imported in {:.1} s", started.elapsed().as_secs_f64());
    let _ = std::fs::remove_file(&file);
    store
}
