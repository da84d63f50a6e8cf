//! Following the database's change log: the one loop that the search index
//! and the matching engine (and whatever else keeps a copy of the data)
//! run, written once.
//!
//! Every write appends `(kind, id)` to the change log in its own
//! transaction. A [`Follower`] starts from where it left off (or rebuilds
//! from the database), then, every poll, applies the changes after its
//! position. When the log was pruned past that position it rebuilds; when
//! the database is unreachable it backs off (up to 32 polls) and tries
//! again. [`Followers`] runs several, with the log's pruning, and stops
//! them when the server stops.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::store::Store;

/// How many of the change log's newest entries a server keeps when it
/// prunes the log: a follower further behind rebuilds its copy, which is
/// then about as quick as reading them.
pub const CHANGE_LOG_KEEP: i64 = 1_000_000;
/// How often a server prunes the change log.
const PRUNE_EVERY: Duration = Duration::from_secs(600);

/// A copy of the data that follows the change log.
pub trait Follower: Send + Sync + 'static {
    /// Where it stands: at least its position in the log.
    type State: Send;
    /// What can go wrong in a round.
    type Error: std::fmt::Display + Send;

    /// What the logs call it ("the search index").
    fn name(&self) -> &'static str;

    /// Its state at start-up: where it left off when that still fits this
    /// database, or else a fresh rebuild.
    fn start(&self, store: &Store)
    -> impl Future<Output = Result<Self::State, Self::Error>> + Send;

    /// Builds it again from the whole database.
    fn rebuild(
        &self,
        store: &Store,
    ) -> impl Future<Output = Result<Self::State, Self::Error>> + Send;

    /// Applies every change after `state`'s position and moves it on.
    fn catch_up(
        &self,
        store: &Store,
        state: &mut Self::State,
    ) -> impl Future<Output = Result<(), Self::Error>> + Send;

    /// Whether an error says the log was pruned past its position.
    fn pruned_past(error: &Self::Error) -> bool;

    /// Told after every round that caught up.
    fn caught_up(&self);
}

/// One round: start or go on, rebuilding when the log was pruned past the
/// position.
async fn round<F: Follower>(
    follower: &F,
    store: &Store,
    state: &mut Option<F::State>,
) -> Result<(), F::Error> {
    let current = match state.take() {
        Some(s) => s,
        None => follower.start(store).await?,
    };
    let current = state.insert(current);
    match follower.catch_up(store, current).await {
        Err(e) if F::pruned_past(&e) => {
            tracing::info!(
                follower = follower.name(),
                "the change log was pruned past its position: rebuilding"
            );
            *current = follower.rebuild(store).await?;
            follower.catch_up(store, current).await
        }
        other => other,
    }
}

/// Follows the log until `stop` says so.
async fn follow<F: Follower>(
    follower: Arc<F>,
    store: Store,
    poll: Duration,
    mut stop: watch::Receiver<bool>,
) {
    let mut state = None;
    let mut failures = 0u32;
    while !*stop.borrow() {
        match round(follower.as_ref(), &store, &mut state).await {
            Ok(()) => {
                failures = 0;
                follower.caught_up();
            }
            Err(e) => {
                // A failed round starts again from its last good state; one
                // that failed to start starts again.
                failures = failures.saturating_add(1);
                tracing::warn!(follower = follower.name(), error = %e, "could not catch up; retrying");
            }
        }
        // Back off while the database is unreachable, up to 32 polls.
        let pause = poll * 2u32.saturating_pow(failures.min(5));
        tokio::select! {
            () = tokio::time::sleep(pause) => {}
            _ = stop.changed() => {}
        }
    }
}

/// Prunes the log to its newest [`CHANGE_LOG_KEEP`] entries every
/// [`PRUNE_EVERY`] until `stop` says so.
async fn prune(store: Store, mut stop: watch::Receiver<bool>) {
    loop {
        tokio::select! {
            () = tokio::time::sleep(PRUNE_EVERY) => {}
            _ = stop.changed() => return,
        }
        match store.prune_change_log(CHANGE_LOG_KEEP).await {
            Ok(0) => {}
            Ok(deleted) => tracing::info!(deleted, "pruned the change log"),
            Err(e) => tracing::warn!(error = %e, "could not prune the change log"),
        }
    }
}

/// The followers of a server, and the log's pruning: running until
/// [`Followers::stop`].
#[derive(Debug)]
pub struct Followers {
    store: Store,
    poll: Duration,
    stop: watch::Sender<bool>,
    tasks: std::sync::Mutex<Vec<JoinHandle<()>>>,
}

impl Followers {
    /// No followers yet; each follows `store` every `poll`.
    pub fn new(store: Store, poll: Duration) -> Followers {
        Followers {
            store,
            poll,
            stop: watch::channel(false).0,
            tasks: std::sync::Mutex::new(Vec::new()),
        }
    }

    fn push(&self, task: JoinHandle<()>) {
        self.tasks
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(task);
    }

    /// Starts following with `follower`.
    pub fn spawn<F: Follower>(&self, follower: Arc<F>) {
        let task = tokio::spawn(follow(
            follower,
            self.store.clone(),
            self.poll,
            self.stop.subscribe(),
        ));
        self.push(task);
    }

    /// Starts pruning the log every ten minutes (one server per database
    /// is enough, but several do no harm).
    pub fn spawn_pruning(&self) {
        let task = tokio::spawn(prune(self.store.clone(), self.stop.subscribe()));
        self.push(task);
    }

    /// Stops every follower after its current round (waiting at most
    /// `within` for them).
    pub async fn stop(&self, within: Duration) {
        let _ = self.stop.send(true);
        let tasks: Vec<JoinHandle<()>> = std::mem::take(
            &mut *self
                .tasks
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        let all = async {
            for task in tasks {
                // A task that panicked was logged by the runtime.
                let _ = task.await;
            }
        };
        if tokio::time::timeout(within, all).await.is_err() {
            tracing::warn!("a change-log follower did not stop in time");
        }
    }
}

impl Drop for Followers {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    /// Counts its rounds; its catch-up fails as told.
    struct Counting {
        starts: AtomicU32,
        rebuilds: AtomicU32,
        rounds: AtomicU32,
        /// Rounds (by number) whose catch-up says "pruned".
        pruned_at: u32,
    }

    impl Follower for Counting {
        type State = u32;
        type Error = String;

        fn name(&self) -> &'static str {
            "a counter"
        }

        async fn start(&self, _: &Store) -> Result<u32, String> {
            self.starts.fetch_add(1, Ordering::SeqCst);
            Ok(0)
        }

        async fn rebuild(&self, _: &Store) -> Result<u32, String> {
            self.rebuilds.fetch_add(1, Ordering::SeqCst);
            Ok(0)
        }

        async fn catch_up(&self, _: &Store, state: &mut u32) -> Result<(), String> {
            let n = self.rounds.fetch_add(1, Ordering::SeqCst);
            if n == self.pruned_at {
                return Err("pruned".into());
            }
            *state += 1;
            Ok(())
        }

        fn pruned_past(error: &String) -> bool {
            error == "pruned"
        }

        fn caught_up(&self) {}
    }

    #[tokio::test]
    async fn a_follower_starts_once_rebuilds_when_pruned_past_and_stops_when_told() {
        let store = Store::sqlite_memory().await.expect("SQLite");
        let followers = Followers::new(store, Duration::from_millis(1));
        let counting = Arc::new(Counting {
            starts: AtomicU32::new(0),
            rebuilds: AtomicU32::new(0),
            rounds: AtomicU32::new(0),
            pruned_at: 3,
        });
        followers.spawn(Arc::clone(&counting));
        while counting.rounds.load(Ordering::SeqCst) < 10 {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        followers.stop(Duration::from_secs(5)).await;
        let stopped_at = counting.rounds.load(Ordering::SeqCst);
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert_eq!(
            counting.rounds.load(Ordering::SeqCst),
            stopped_at,
            "stopped"
        );
        assert_eq!(counting.starts.load(Ordering::SeqCst), 1);
        assert_eq!(counting.rebuilds.load(Ordering::SeqCst), 1);
    }
}
