//! The application a server runs: the store, the search index and the
//! matching engine following the store's change log, and the clock they
//! all read. `ketnoi serve` and the tests assemble a server the same way:
//! [`App::start`], then [`App::serve`].

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;

use crate::clock::Clock;
use crate::http::HttpConfig;
use crate::matching::Weights;
use crate::search::SearchIndex;
use crate::search::indexer::Search;
use crate::store::Store;

/// What an application starts with besides its store.
#[derive(Debug)]
pub struct AppOptions {
    /// The search index (on disk for a server, in memory for tests).
    pub index: Arc<SearchIndex>,
    /// How often the followers look at the change log.
    pub poll: Duration,
    /// The matching engine's weights.
    pub weights: Weights,
    /// "Now" for everything the application decides by date.
    pub clock: Clock,
}

/// A running application.
#[derive(Debug, Clone)]
pub struct App {
    pub store: Store,
    /// The index and the engine, with their followers.
    pub search: Search,
    pub clock: Clock,
}

impl App {
    /// Starts following the change log (building the index and loading
    /// the engine first, in the background).
    pub fn start(store: Store, options: AppOptions) -> App {
        let search = Search::start_with(
            store.clone(),
            options.index,
            options.poll,
            options.weights,
            options.clock.clone(),
        );
        App {
            store,
            search,
            clock: options.clock,
        }
    }

    /// Whether the index and the engine have caught up since the start.
    pub fn is_ready(&self) -> bool {
        self.search.is_ready()
    }

    /// Serves HTTP on `listener` (on the application's clock) until
    /// `shutdown`, then stops following the change log.
    pub async fn serve(
        &self,
        listener: TcpListener,
        config: HttpConfig,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let config = HttpConfig {
            clock: self.clock.clone(),
            ..config
        };
        let served = crate::http::serve(
            self.store.clone(),
            self.search.clone(),
            listener,
            config,
            shutdown,
        )
        .await;
        // The followers finish the round under way (a rebuild is abandoned
        // and starts again next time), so the index stays where it
        // committed.
        self.search.stop(Duration::from_secs(2)).await;
        served
    }
}
