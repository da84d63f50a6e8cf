//! The application a server runs: the store, the search index and the
//! matching engine following the store's change log, and the clock they
//! all read. `ketnoi serve` and the tests assemble a server the same way:
//! [`App::start`], then [`App::serve`].

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::net::TcpListener;

use crate::changes::Followers;
use crate::clock::Clock;
use crate::http::HttpConfig;
use crate::matching::{Matching, Weights};
use crate::search::SearchIndex;
use crate::search::indexer::IndexFollower;
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

/// A running application: the store, the search index and the matching
/// engine (each following the change log), and the clock.
#[derive(Debug, Clone)]
pub struct App {
    pub store: Store,
    pub index: Arc<SearchIndex>,
    pub matching: Arc<Matching>,
    pub clock: Clock,
    /// Whether the index has caught up with the database since the start.
    index_ready: Arc<AtomicBool>,
    /// The sectors and provinces, in memory.
    pub vocabulary: Arc<crate::vocabulary::Vocabulary>,
    followers: Arc<Followers>,
}

impl App {
    /// Starts following the change log: the index (rebuilt first if it is
    /// missing, from another schema version or from another database), the
    /// engine (loaded first), and the log's pruning to its newest
    /// [`crate::changes::CHANGE_LOG_KEEP`] entries every ten minutes.
    pub fn start(store: Store, options: AppOptions) -> App {
        let matching = Matching::new(
            Arc::clone(&options.index),
            options.weights,
            options.clock.clone(),
        );
        let index_ready = Arc::new(AtomicBool::new(false));
        let followers = Arc::new(Followers::new(store.clone(), options.poll));
        followers.spawn(Arc::new(IndexFollower::new(
            Arc::clone(&options.index),
            Arc::clone(&index_ready),
        )));
        followers.spawn(Arc::clone(&matching));
        let vocabulary = crate::vocabulary::follow(&followers);
        followers.spawn_pruning();
        App {
            store,
            index: options.index,
            matching,
            clock: options.clock,
            index_ready,
            vocabulary,
            followers,
        }
    }

    /// Whether the index has caught up with the database at least once
    /// since the start (false while it is first built).
    pub fn index_is_ready(&self) -> bool {
        self.index_ready.load(Ordering::Acquire)
    }

    /// Whether the index, the engine and the vocabulary have caught up
    /// since the start.
    pub fn is_ready(&self) -> bool {
        self.index_is_ready() && self.matching.is_ready() && self.vocabulary.is_ready()
    }

    /// Stops following the change log (the index and the engine keep what
    /// they hold), waiting at most `within` for the rounds under way.
    pub async fn stop(&self, within: Duration) {
        self.followers.stop(within).await;
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
        let served = crate::http::serve(self.clone(), listener, config, shutdown).await;
        // The followers finish the round under way (a rebuild is abandoned
        // and starts again next time), so the index stays where it
        // committed.
        self.stop(Duration::from_secs(2)).await;
        served
    }
}
