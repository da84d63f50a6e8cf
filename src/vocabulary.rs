//! The sectors and provinces, held in memory and kept fresh by the change
//! log: almost every profile names some, so a nested query would otherwise
//! read these few rows from the database on every request.
//!
//! Only imports write them (there is no mutation for either), and every
//! insert, update and delete of one appends `sector` or `province` to the
//! change log, so a server learns of an import run by another process
//! within one poll, like its index. Until the first load, and for an id
//! the copy does not hold (one written since), readers go to the
//! database: the copy may lag behind a rename by a poll, never make a
//! sector or province go missing.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, PoisonError, RwLock};

use crate::model::{Province, Sector};
use crate::store::{ChangePosition, Store, StoreError};

/// The change-log kinds that change the vocabulary.
const KINDS: [&str; 2] = ["sector", "province"];
/// How many change-log entries a round reads at a time.
const BATCH: i64 = 10_000;

/// The in-memory sectors and provinces of a server.
#[derive(Debug, Default)]
pub struct Vocabulary {
    terms: RwLock<Arc<Terms>>,
    ready: AtomicBool,
}

#[derive(Debug, Default)]
struct Terms {
    sectors: HashMap<i64, Sector>,
    provinces: HashMap<i64, Province>,
}

impl Vocabulary {
    fn terms(&self) -> Arc<Terms> {
        Arc::clone(&self.terms.read().unwrap_or_else(PoisonError::into_inner))
    }

    /// The sectors with these ids that the copy holds, and the ids it
    /// does not.
    pub fn sectors(&self, ids: &[i64]) -> (Vec<Sector>, Vec<i64>) {
        split(&self.terms().sectors, ids)
    }

    /// The provinces with these ids that the copy holds, and the ids it
    /// does not.
    pub fn provinces(&self, ids: &[i64]) -> (Vec<Province>, Vec<i64>) {
        split(&self.terms().provinces, ids)
    }

    /// Whether it has been loaded since the start.
    pub fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Acquire)
    }

    /// Reads every sector and province; returns the change-log position
    /// the copy includes every change up to.
    async fn load(&self, store: &Store) -> Result<ChangePosition, StoreError> {
        let position = store.change_log_position().await?;
        let terms = Terms {
            sectors: store
                .sectors()
                .await?
                .into_iter()
                .map(|s| (s.id, s))
                .collect(),
            provinces: store
                .provinces()
                .await?
                .into_iter()
                .map(|p| (p.id, p))
                .collect(),
        };
        *self.terms.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(terms);
        Ok(position)
    }
}

fn split<T: Clone>(held: &HashMap<i64, T>, ids: &[i64]) -> (Vec<T>, Vec<i64>) {
    let mut found = Vec::with_capacity(ids.len());
    let mut missing = Vec::new();
    for id in ids {
        match held.get(id) {
            Some(term) => found.push(term.clone()),
            None => missing.push(*id),
        }
    }
    (found, missing)
}

impl crate::changes::Follower for Vocabulary {
    type State = ChangePosition;
    type Error = StoreError;

    fn name(&self) -> &'static str {
        "the vocabulary"
    }

    async fn start(&self, store: &Store) -> Result<ChangePosition, StoreError> {
        self.load(store).await
    }

    async fn rebuild(&self, store: &Store) -> Result<ChangePosition, StoreError> {
        self.load(store).await
    }

    async fn catch_up(&self, store: &Store, at: &mut ChangePosition) -> Result<(), StoreError> {
        loop {
            let (changes, next) = store.change_log_after(*at, BATCH).await?;
            if changes.is_empty() {
                *at = next;
                return Ok(());
            }
            if changes.iter().any(|c| KINDS.contains(&c.kind.as_str())) {
                // Read after the change: it and anything since is in.
                self.load(store).await?;
            }
            *at = next;
        }
    }

    fn pruned_past(error: &StoreError) -> bool {
        matches!(error, StoreError::ChangeLogPruned)
    }

    fn caught_up(&self) {
        self.ready.store(true, Ordering::Release);
    }
}

/// Starts following the change log with a new vocabulary.
pub fn follow(followers: &crate::changes::Followers) -> Arc<Vocabulary> {
    let vocabulary = Arc::new(Vocabulary::default());
    followers.spawn(Arc::clone(&vocabulary));
    vocabulary
}
