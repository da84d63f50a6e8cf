//! Keeps a [`SearchIndex`] in step with the database.
//!
//! Every insert, update and delete of a searchable object appends `(kind,
//! id)` to the database's change log, by trigger, in the same transaction
//! (migrations `0004_search_changes.sql`). The indexer follows that log: it
//! reads the next changes after its position, reads those objects as they
//! are now (an object no longer there is deleted from the index), and commits
//! the documents together with the new position in the commit's payload. A
//! crash between two commits loses nothing: the next start reads from the
//! last committed position again, and applying a change twice does no harm.
//!
//! A server that finds no index, one written by another schema version, or
//! one built from another database rebuilds it from the database first;
//! so does one whose position the log was pruned past (servers keep the
//! log's newest [`crate::changes::CHANGE_LOG_KEEP`] entries, and a bulk
//! import into empty tables marks the log so instead of logging each row:
//! see [`crate::store::BulkLoad`] and [`Store::change_log_position`]).
//! The loop itself is [`crate::changes`]'s, shared with the matching
//! engine.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::{DocKind, IndexState, Labels, SCHEMA_VERSION, SearchDoc, SearchError, SearchIndex};
use crate::changes::Follower;
use crate::store::{RecordSelect, Store, StoreError};

/// Changes read (and objects loaded) per step.
const BATCH: i64 = 5_000;

/// The index's side of the change log.
pub struct IndexFollower {
    index: Arc<SearchIndex>,
    ready: Arc<AtomicBool>,
}

impl IndexFollower {
    /// Follows the change log into `index`, setting `ready` once it has
    /// caught up with the database (after a rebuild, if one was needed).
    pub fn new(index: Arc<SearchIndex>, ready: Arc<AtomicBool>) -> IndexFollower {
        IndexFollower { index, ready }
    }
}

impl Follower for IndexFollower {
    type State = IndexState;
    type Error = SearchError;

    fn name(&self) -> &'static str {
        "the search index"
    }

    async fn start(&self, store: &Store) -> Result<IndexState, SearchError> {
        let instance = store.change_log_instance().await?;
        match self.index.state() {
            Some(s) if s.instance == instance => Ok(s),
            found => {
                tracing::info!(
                    reason = if found.is_some() {
                        "built from another database"
                    } else {
                        "missing or from another version"
                    },
                    "rebuilding the search index"
                );
                rebuild_and_compact(store, &self.index).await
            }
        }
    }

    async fn rebuild(&self, store: &Store) -> Result<IndexState, SearchError> {
        rebuild_and_compact(store, &self.index).await
    }

    async fn catch_up(&self, store: &Store, state: &mut IndexState) -> Result<(), SearchError> {
        catch_up(store, &self.index, state).await.map(|_| ())
    }

    fn pruned_past(error: &SearchError) -> bool {
        matches!(error, SearchError::Store(StoreError::ChangeLogPruned))
    }

    fn caught_up(&self) {
        self.ready.store(true, Ordering::Release);
    }
}

/// A server's rebuild: [`rebuild`], then [`compact_in_background`].
async fn rebuild_and_compact(
    store: &Store,
    index: &Arc<SearchIndex>,
) -> Result<IndexState, SearchError> {
    let state = rebuild(store, index, |_| {}).await?;
    compact_in_background(index);
    Ok(state)
}

/// Compacts the index after a rebuild ([`SearchIndex::compact`]) without
/// holding anything up: the index serves meanwhile.
pub fn compact_in_background(index: &Arc<SearchIndex>) {
    let index = Arc::clone(index);
    tokio::task::spawn_blocking(move || {
        let started = std::time::Instant::now();
        match index.compact() {
            Ok(()) => tracing::info!(
                seconds = started.elapsed().as_secs_f64(),
                "compacted the search index"
            ),
            Err(e) => tracing::warn!(error = %e, "could not compact the search index"),
        }
    });
}

/// Applies every change after `state`'s position, committing after each
/// batch; returns how many changes it read.
pub async fn catch_up(
    store: &Store,
    index: &Arc<SearchIndex>,
    state: &mut IndexState,
) -> Result<usize, SearchError> {
    let mut read = 0;
    loop {
        let (changes, next) = store.change_log_after(state.position, BATCH).await?;
        if changes.is_empty() {
            // Nothing to commit; a later commit stores the position.
            state.position = next;
            return Ok(read);
        }
        if read == 0 {
            // Once per catch-up: the names hardly ever change.
            index.set_labels(Labels::read(store).await?);
        }
        read += changes.len();
        let mut wanted: BTreeMap<DocKind, BTreeSet<i64>> = BTreeMap::new();
        for change in &changes {
            if let Some(kind) = DocKind::parse(&change.kind) {
                wanted.entry(kind).or_default().insert(change.id);
            }
        }
        let mut docs = Vec::new();
        let mut gone = Vec::new();
        for (kind, ids) in wanted {
            let ids: Vec<i64> = ids.into_iter().collect();
            let found = load(store, kind, RecordSelect::Ids(&ids)).await?;
            let present: HashSet<i64> = found.iter().map(|d| d.id).collect();
            gone.extend(
                ids.into_iter()
                    .filter(|id| !present.contains(id))
                    .map(|id| (kind, id)),
            );
            docs.extend(found);
        }
        let next_state = IndexState {
            position: next,
            ..state.clone()
        };
        let index = Arc::clone(index);
        let committed = next_state.clone();
        tokio::task::spawn_blocking(move || {
            index.upsert(&docs)?;
            for (kind, id) in gone {
                index.delete(kind, id)?;
            }
            index.commit_state(&committed)
        })
        .await
        .map_err(SearchError::from)??;
        *state = next_state;
    }
}

/// The documents of the objects of `kind` selected.
pub async fn load(
    store: &Store,
    kind: DocKind,
    select: RecordSelect<'_>,
) -> Result<Vec<SearchDoc>, SearchError> {
    Ok(match kind {
        DocKind::Startup => store
            .startup_drafts(select)
            .await?
            .iter()
            .map(|(id, r)| SearchDoc::startup(*id, r))
            .collect(),
        DocKind::Investor => store
            .investor_drafts(select)
            .await?
            .iter()
            .map(|(id, r)| SearchDoc::investor(*id, r))
            .collect(),
        DocKind::Mentor => store
            .mentor_drafts(select)
            .await?
            .iter()
            .map(|(id, r)| SearchDoc::mentor(*id, r))
            .collect(),
        DocKind::Organization => store
            .organization_drafts(select)
            .await?
            .iter()
            .map(|(id, r)| SearchDoc::organization(*id, r))
            .collect(),
        DocKind::Event => store
            .event_drafts(select)
            .await?
            .iter()
            .map(|(id, r)| SearchDoc::event(*id, r))
            .collect(),
        DocKind::Programme => store
            .programme_drafts(select)
            .await?
            .iter()
            .map(|(id, r)| SearchDoc::programme(*id, r))
            .collect(),
    })
}

/// Rebuilds the index from the database: every object, read page by page
/// while the index's own threads analyse the previous pages. `progress`
/// hears the running count of documents. Searches see the old contents
/// until the final commit.
pub async fn rebuild(
    store: &Store,
    index: &Arc<SearchIndex>,
    mut progress: impl FnMut(u64),
) -> Result<IndexState, SearchError> {
    // Changes committed after this point are read again by `catch_up`.
    let state = IndexState {
        schema: SCHEMA_VERSION,
        instance: store.change_log_instance().await?,
        position: store.change_log_position().await?,
    };
    index.clear()?;
    index.set_labels(Labels::read(store).await?);
    let (send, mut receive) = tokio::sync::mpsc::channel::<Vec<SearchDoc>>(4);
    let writer = Arc::clone(index);
    let adding = tokio::task::spawn_blocking(move || -> Result<(), SearchError> {
        while let Some(docs) = receive.blocking_recv() {
            writer.add(&docs)?;
        }
        Ok(())
    });
    let mut count = 0u64;
    let mut read: Result<(), SearchError> = Ok(());
    'kinds: for kind in DocKind::ALL {
        let mut after = 0;
        loop {
            let docs = match load(
                store,
                kind,
                RecordSelect::After {
                    after,
                    limit: BATCH,
                },
            )
            .await
            {
                Ok(docs) => docs,
                Err(e) => {
                    read = Err(e);
                    break 'kinds;
                }
            };
            let Some(last) = docs.last() else { break };
            after = last.id;
            count += docs.len() as u64;
            if send.send(docs).await.is_err() {
                break 'kinds;
            }
            progress(count);
        }
    }
    drop(send);
    let added = adding.await.map_err(SearchError::from)?;
    read?;
    added?;
    let index = Arc::clone(index);
    let committed = state.clone();
    tokio::task::spawn_blocking(move || index.commit_state(&committed))
        .await
        .map_err(SearchError::from)??;
    Ok(state)
}
