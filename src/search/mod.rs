//! Full-text search over the whole ecosystem: one tantivy index of
//! startups, investors, mentors, organisations and events.
//!
//! This module is the index and its searches; [`indexer`] keeps it in step
//! with the database by following the change log the database's triggers
//! write (migrations `0004_search_changes.sql`), and stores how far it got
//! in each commit's payload, so a restart resumes where it stopped. The
//! rest, by job: `document.rs` (what is indexed, the schema), `words.rs`
//! (a query's words and phrases), `plan.rs` and `rescore.rs` (passes and
//! scoring), `similar.rs` (texts like a profile's), `highlight.rs`
//! (snippets), [`analysis`] (Vietnamese text analysis).
//!
//! Each text is indexed under both analyzers of [`analysis`]. Names weigh
//! more than taglines, which weigh more than long texts. A query is a list of
//! words and `"quoted phrases"`; every word must match (in any field), the
//! last word also as a prefix (search-as-you-type), words of five letters or
//! more also with one typo. Words typed with diacritics score higher where
//! the text has the same diacritics.

pub mod analysis;
mod document;
mod highlight;
pub mod indexer;
mod plan;
mod rescore;
mod similar;
mod words;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{
    FAST, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions, Value,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocSet, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::model::Vocabulary;
use crate::model::{EventDraft, InvestorDraft, MentorDraft, OrganizationDraft, StartupDraft};
use crate::store::ChangePosition;
use rescore::{Boosted, Sparse};

pub use document::*;
pub use highlight::*;
pub use plan::*;
pub use similar::*;
pub use words::*;

/// Errors of the search index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("search index directory: {0}")]
    Directory(#[from] tantivy::directory::error::OpenDirectoryError),
    #[error("the search index is in use elsewhere")]
    Poisoned,
    #[error("search index: {0}")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error("search task: {0}")]
    Task(#[from] tokio::task::JoinError),
}

/// The kinds of object the index holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocKind {
    #[default]
    Startup,
    Investor,
    Mentor,
    Organization,
    Event,
    Programme,
}

impl DocKind {
    /// All kinds.
    pub const ALL: [DocKind; 6] = [
        DocKind::Startup,
        DocKind::Investor,
        DocKind::Mentor,
        DocKind::Organization,
        DocKind::Event,
        DocKind::Programme,
    ];

    /// The kind's name in the index and the change log.
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Startup => "startup",
            DocKind::Investor => "investor",
            DocKind::Mentor => "mentor",
            DocKind::Organization => "organization",
            DocKind::Event => "event",
            DocKind::Programme => "programme",
        }
    }

    /// The kind named `text` (as [`DocKind::as_str`] writes it).
    pub fn parse(text: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// A search: the text typed, the kinds wanted (all when empty), filters,
/// and the page.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    pub text: String,
    pub kinds: Vec<DocKind>,
    pub filter: SearchFilter,
    pub limit: usize,
    pub offset: usize,
    /// Whether to count facets over all hits (and so the total).
    pub facets: bool,
    /// Whether to count all hits.
    pub count: bool,
}

/// Filters: within a dimension any value may match, and every dimension
/// given must match. An object without the dimension (an organisation has
/// no stage) does not match a filter on it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchFilter {
    pub sectors: Vec<String>,
    pub stages: Vec<String>,
    pub provinces: Vec<String>,
    pub topics: Vec<String>,
}

/// Hit counts per value of each facet dimension, most first.
pub type FacetCounts = BTreeMap<Facet, Vec<(String, u64)>>;

/// One hit, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub kind: DocKind,
    pub id: i64,
    pub score: f32,
}

/// Hits and how many matched in all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hits {
    pub hits: Vec<Hit>,
    /// Whether more hits follow this page.
    pub more: bool,
    /// How many matched in all (counted when asked for, or with facets).
    pub total: usize,
    /// Present when asked for.
    pub facets: Option<FacetCounts>,
}

/// What an index holds: written with every commit, read on open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexState {
    /// [`SCHEMA_VERSION`] of the code that wrote it.
    pub schema: u32,
    /// The database it follows ([`crate::store::Store::change_log_instance`]).
    pub instance: String,
    /// Every change up to here is in the index.
    pub position: ChangePosition,
}

/// Changes whenever the fields or their analysis change: an index written
/// under another version is rebuilt.
pub const SCHEMA_VERSION: u32 = 9;

/// The index: one writer (behind a lock), and a reader that sees each
/// commit once `commit` returns.
pub struct SearchIndex {
    reader: IndexReader,
    writer: Mutex<IndexWriter<TantivyDocument>>,
    fields: Fields,
    /// The names of sectors and provinces, for the documents written next.
    labels: std::sync::RwLock<Labels>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SearchIndex")
    }
}

/// Memory for the writer's indexing buffer.
const WRITER_MEMORY: usize = 64 * 1024 * 1024;

impl SearchIndex {
    /// An index in memory (tests).
    pub fn in_ram() -> Result<SearchIndex, SearchError> {
        let (schema, fields) = schema();
        Self::with(Index::create_in_ram(schema), fields)
    }

    /// The index in `dir`, created if missing. An index there that this
    /// version cannot read (another schema, damaged files) is deleted and
    /// created afresh, empty: [`SearchIndex::state`] is then `None`, and the
    /// indexer rebuilds it from the database.
    pub fn open_or_create(dir: &Path) -> Result<SearchIndex, SearchError> {
        match Self::open_dir(dir) {
            Ok(index) => Ok(index),
            Err(SearchError::Index(tantivy::TantivyError::LockFailure(..))) => Err(
                SearchError::Index(tantivy::TantivyError::SystemError(format!(
                    "the search index in {} is used by another process; give each server its own data directory",
                    dir.display()
                ))),
            ),
            Err(e) => {
                tracing::warn!(error = %e, dir = %dir.display(), "the search index cannot be opened: starting a new one");
                std::fs::remove_dir_all(dir)?;
                Self::open_dir(dir)
            }
        }
    }

    fn open_dir(dir: &Path) -> Result<SearchIndex, SearchError> {
        std::fs::create_dir_all(dir)?;
        let (schema, fields) = schema();
        let directory = tantivy::directory::MmapDirectory::open(dir)?;
        Self::with(Index::open_or_create(directory, schema)?, fields)
    }

    fn with(index: Index, fields: Fields) -> Result<SearchIndex, SearchError> {
        analysis::register(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let writer = index.writer(WRITER_MEMORY)?;
        Ok(SearchIndex {
            reader,
            writer: Mutex::new(writer),
            fields,
            labels: Default::default(),
        })
    }

    /// The names of sectors and provinces the documents written from now
    /// on are found by ([`Labels`]).
    pub fn set_labels(&self, labels: Labels) {
        *self.labels.write().unwrap_or_else(|e| e.into_inner()) = labels;
    }

    /// What the last commit recorded, or `None` for a new index or one
    /// written by another schema version.
    pub fn state(&self) -> Option<IndexState> {
        let payload = self.reader.searcher().index().load_metas().ok()?.payload?;
        serde_json::from_str::<IndexState>(&payload)
            .ok()
            .filter(|s| s.schema == SCHEMA_VERSION)
    }

    fn key(kind: DocKind, id: i64) -> String {
        format!("{}:{id}", kind.as_str())
    }

    fn document(&self, doc: &SearchDoc) -> TantivyDocument {
        let f = &self.fields;
        let mut d = TantivyDocument::default();
        d.add_text(f.kind, doc.kind.as_str());
        d.add_i64(f.id, doc.id);
        d.add_text(f.key, Self::key(doc.kind, doc.id));
        let labels = self
            .labels
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .of(doc);
        let texts = [&doc.name, &doc.tagline, &doc.body, &labels];
        for (field, text) in f.texts.iter().zip(texts) {
            d.add_text(field.folded, text);
        }
        d.add_text(f.name_exact, &doc.name);
        if let Some(field) = self.similar_field(doc.kind) {
            d.add_text(field, &doc.tagline);
            d.add_text(field, &doc.body);
        }
        for (text, times) in [
            (&doc.name, 3),
            (&doc.tagline, 2),
            (&doc.body, 1),
            (&labels, 1),
        ] {
            for _ in 0..times {
                d.add_text(f.all_exact, text);
                d.add_text(f.all_folded, text);
            }
        }
        d.add_facet(
            f.facets,
            tantivy::schema::Facet::from_path([Facet::Type.root(), doc.kind.as_str()]),
        );
        for (facet, field, values) in [
            (Facet::Sector, f.sector, &doc.sectors),
            (Facet::Stage, f.stage, &doc.stages),
            (Facet::Province, f.province, &doc.provinces),
            (Facet::Topic, f.topic, &doc.topics),
        ] {
            for value in values {
                d.add_text(field, value);
                d.add_facet(
                    f.facets,
                    tantivy::schema::Facet::from_path([facet.root(), value.as_str()]),
                );
            }
        }
        d
    }

    /// Adds or replaces documents (visible after a commit).
    pub fn upsert(&self, docs: &[SearchDoc]) -> Result<(), SearchError> {
        let writer = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        for doc in docs {
            writer.delete_term(Term::from_field_text(
                self.fields.key,
                &Self::key(doc.kind, doc.id),
            ));
            writer.add_document(self.document(doc))?;
        }
        Ok(())
    }

    /// Adds documents known not to be in the index (a rebuild after
    /// [`SearchIndex::clear`]).
    pub fn add(&self, docs: &[SearchDoc]) -> Result<(), SearchError> {
        let writer = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        for doc in docs {
            writer.add_document(self.document(doc))?;
        }
        Ok(())
    }

    /// Removes a document (visible after a commit).
    pub fn delete(&self, kind: DocKind, id: i64) -> Result<(), SearchError> {
        let writer = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        writer.delete_term(Term::from_field_text(self.fields.key, &Self::key(kind, id)));
        Ok(())
    }

    /// Drops every uncommitted change and removes every document (visible
    /// after a commit; until then searches see the old contents).
    pub fn clear(&self) -> Result<(), SearchError> {
        let mut writer = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        writer.rollback()?;
        writer.delete_all_documents()?;
        // No merging while a rebuild adds documents: merges would compete
        // with indexing for the cores, and [`SearchIndex::compact`] merges
        // everything once at the end (and merges as usual again).
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        Ok(())
    }

    /// Makes every change so far durable and visible to searches.
    pub fn commit(&self) -> Result<(), SearchError> {
        let mut writer = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        writer.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// Commits every change so far together with the state it brings the
    /// index to: both are durable together, or neither.
    pub fn commit_state(&self, state: &IndexState) -> Result<(), SearchError> {
        let payload = serde_json::to_string(state).expect("BUG: the state serialises");
        let mut writer = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&payload);
        prepared.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// Merges every segment into one and waits for it (about half a
    /// minute for a million startups on two cores), then lets the index
    /// merge as usual again. A rebuild leaves dozens of segments, and each
    /// search and similarity query works through every segment with a
    /// threshold of its own; one segment answers them about a third
    /// faster. Writes and searches go on meanwhile.
    pub fn compact(&self) -> Result<(), SearchError> {
        let segments = self.reader.searcher().index().searchable_segment_ids()?;
        if segments.len() < 2 {
            return Ok(());
        }
        let merging = {
            let mut writer = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
            writer.merge(&segments)
        };
        let merged = merging.wait();
        if let Ok(writer) = self.writer.lock() {
            writer.set_merge_policy(Box::<tantivy::indexer::LogMergePolicy>::default());
        }
        merged?;
        self.reader.reload()?;
        Ok(())
    }

    /// How many documents the index holds.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Whether the index is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every `(kind, id)` in the index (tests and checks; reads it all).
    pub fn all_keys(&self) -> Result<Vec<(DocKind, i64)>, SearchError> {
        let searcher = self.reader.searcher();
        let mut keys = Vec::new();
        for segment in searcher.segment_readers() {
            let store = segment.get_store_reader(1)?;
            for doc in segment.doc_ids_alive() {
                let doc: TantivyDocument = store.get(doc)?;
                if let Some(key) = self.key_of(&doc) {
                    keys.push(key);
                }
            }
        }
        keys.sort();
        Ok(keys)
    }

    fn key_of(&self, doc: &TantivyDocument) -> Option<(DocKind, i64)> {
        let kind = doc
            .get_first(self.fields.kind)
            .and_then(|v| v.as_str())
            .and_then(DocKind::parse)?;
        let id = doc.get_first(self.fields.id).and_then(|v| v.as_i64())?;
        Some((kind, id))
    }

    /// The field [`SearchIndex::similar`] reads for `kind`, if it has one.
    fn similar_field(&self, kind: DocKind) -> Option<Field> {
        match kind {
            DocKind::Startup => Some(self.fields.similar[0]),
            DocKind::Investor => Some(self.fields.similar[1]),
            DocKind::Mentor => Some(self.fields.similar[2]),
            DocKind::Organization | DocKind::Event | DocKind::Programme => None,
        }
    }

    /// The objects of `kind` whose tagline and long text read most like
    /// `text`, best first, at most `limit`, with their BM25 scores: the
    /// query is the [`SIMILAR_TERMS`] most distinctive words of `text`
    /// (term frequency times inverse document frequency among that kind),
    /// any of them. How matching finds candidates by text.
    pub fn similar(
        &self,
        kind: DocKind,
        text: &str,
        limit: usize,
    ) -> Result<Vec<(i64, f32)>, SearchError> {
        let Some(field) = self.similar_field(kind) else {
            return Ok(vec![]);
        };
        let searcher = self.reader.searcher();
        let Some(query) = similar_query(&searcher, field, text)? else {
            return Ok(vec![]);
        };
        if limit == 0 {
            return Ok(vec![]);
        }
        let top = searcher.search(
            &query,
            &TopDocs::with_limit(limit.min(MAX_LIMIT)).order_by_score(),
        )?;
        let mut ids = IdColumns::new(&searcher);
        let mut out = Vec::with_capacity(top.len());
        for (score, address) in top {
            if let Some(id) = ids.of(address)? {
                out.push((id, score));
            }
        }
        Ok(out)
    }

    /// A fixed set of objects of `kind` to compare many texts with (a
    /// cohort's mentors, an event's participants): [`SimilarPool::similar`]
    /// scores only them, without searching the whole index each time.
    pub fn pool(&self, kind: DocKind, ids: &[i64]) -> Result<SimilarPool, SearchError> {
        let searcher = self.reader.searcher();
        let mut docs = Vec::with_capacity(ids.len());
        if let Some(field) = self.similar_field(kind).filter(|_| !ids.is_empty()) {
            let kind_term = Term::from_field_text(self.fields.kind, kind.as_str());
            let query = BooleanQuery::new(vec![
                (
                    Occur::Must,
                    Box::new(tantivy::query::TermSetQuery::new(
                        ids.iter()
                            .map(|id| Term::from_field_i64(self.fields.id, *id)),
                    )) as Box<dyn Query>,
                ),
                (
                    Occur::Must,
                    Box::new(TermQuery::new(kind_term, IndexRecordOption::Basic)),
                ),
            ]);
            let found = searcher.search(&query, &tantivy::collector::DocSetCollector)?;
            let mut columns = IdColumns::new(&searcher);
            for address in found {
                if let Some(id) = columns.of(address)? {
                    docs.push((address, id));
                }
            }
            docs.sort_unstable_by_key(|(a, _)| (a.segment_ord, a.doc_id));
            return Ok(SimilarPool {
                searcher,
                field: Some(field),
                docs,
            });
        }
        Ok(SimilarPool {
            searcher,
            field: None,
            docs,
        })
    }

    /// Runs a search.
    ///
    /// In two passes, so that the common case stays fast on millions of
    /// documents: first every word must be a term of the combined field
    /// (the last word while typing: one of its most frequent completions),
    /// a plain term intersection that tantivy prunes block by block
    /// (block-max WAND) to the best few hundred candidates; then the best
    /// [`RERANK_WINDOW`] of those are scored in full, by field (names over
    /// taglines over long texts) and with the exact-diacritic preference.
    /// Only when that finds fewer than [`MIN_EXACT_HITS`] does the search
    /// run in full with typo tolerance. The order depends only on the query,
    /// never on the page asked for, so pages are stable.
    pub fn search(&self, query: &SearchQuery) -> Result<Hits, SearchError> {
        let searcher = self.reader.searcher();
        let limit = query.limit.clamp(1, MAX_LIMIT);
        let want = query.offset.saturating_add(limit);
        let Some(plan) = self.plan(&searcher, query, want.max(RERANK_WINDOW) + 1)? else {
            return Ok(Hits::default());
        };
        let mut hits = Vec::with_capacity(limit);
        for (score, address) in plan.ranked.iter().skip(query.offset).take(limit) {
            let doc: TantivyDocument = searcher.doc(*address)?;
            if let Some((kind, id)) = self.key_of(&doc) {
                hits.push(Hit {
                    kind,
                    id,
                    score: *score,
                });
            }
        }
        let mut out = Hits {
            hits,
            more: plan.ranked.len() > want,
            total: 0,
            facets: None,
        };
        if query.facets {
            let mut collector = FacetCollector::for_field("facets");
            for facet in Facet::ALL {
                collector.add_facet(tantivy::schema::Facet::from_path([facet.root()]));
            }
            let (total, counts) = searcher.search(&*plan.matcher, &(Count, collector))?;
            let mut facets = FacetCounts::new();
            for facet in Facet::ALL {
                let mut values: Vec<(String, u64)> = counts
                    .get(tantivy::schema::Facet::from_path([facet.root()]))
                    .filter_map(|(path, count)| {
                        let path = path.to_path();
                        path.get(1).map(|v| (v.to_string(), count))
                    })
                    .collect();
                values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                facets.insert(facet, values);
            }
            out.total = total;
            out.facets = Some(facets);
        } else if query.count {
            out.total = searcher.search(&*plan.matcher, &Count)?;
        }
        Ok(out)
    }

    /// The ranked hits (at least the best `depth`) and the query that
    /// matches them all, or `None` when the text has no words: ranked by
    /// how well they match the words with diacritics folded, then nudged by
    /// the words typed with diacritics found with the same ones.
    fn plan(
        &self,
        searcher: &tantivy::Searcher,
        query: &SearchQuery,
        depth: usize,
    ) -> Result<Option<Plan>, SearchError> {
        let parts = split(&query.text);
        let mut plan = self.plan_folded(searcher, query, &parts, depth)?;
        if let Some(plan) = &mut plan {
            self.prefer_exact(searcher, &parts, &mut plan.ranked)?;
            let typed = typing(&query.text, &parts).is_some();
            self.whole_names_first(searcher, &parts, typed, &mut plan.ranked)?;
        }
        Ok(plan)
    }

    /// Results whose name holds every word of the query (diacritics
    /// folded) come first, in their order: a search for a name finds it
    /// above profiles that hold some of its words in their names and the
    /// rest in their texts. A word still being typed counts when a word of
    /// the name starts with it, and a word no name holds (a typo) when a
    /// word of the name is one edit from it. Among those, names of as many
    /// words as the query come first ("Vườn Pul" finds "Vườn Pulse" before
    /// "Miệt Vườn Pulse"), and among those, names holding the words in the
    /// order typed ("Mekong Cánh Diều" before "Cánh Diều Mekong").
    fn whole_names_first(
        &self,
        searcher: &tantivy::Searcher,
        parts: &[Part],
        typed: bool,
        ranked: &mut [(f32, tantivy::DocAddress)],
    ) -> Result<(), SearchError> {
        let name = self.fields.texts[0].folded;
        let words: Vec<&String> = parts.iter().flat_map(|p| &p.tokens().folded).collect();
        let asked = words.len() as u32;
        if asked < 2 || ranked.is_empty() {
            return Ok(());
        }
        let mut all: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        // Whether every word is in some name as typed (so their order can
        // be checked).
        let mut as_typed = true;
        for (n, word) in words.iter().enumerate() {
            let term = Term::from_field_text(name, word);
            let mut variants: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            if typed && n + 1 == words.len() {
                // Too many names go on so (a letter or two typed): the
                // words before it decide.
                let completions = self.name_words_starting(searcher, word)?;
                for w in completions.iter().flatten() {
                    let term = Term::from_field_text(name, w);
                    variants.push((
                        Occur::Should,
                        Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
                    ));
                }
                if completions.is_some_and(|c| c.is_empty()) && word.chars().count() >= 5 {
                    as_typed = false;
                    let fuzzy = FuzzyTermQuery::new_prefix(term, 1, true);
                    variants.push((Occur::Should, Box::new(fuzzy)));
                }
            } else if searcher.doc_freq(&term)? > 0 {
                variants.push((
                    Occur::Should,
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
                ));
            } else if word.chars().count() >= 5 {
                as_typed = false;
                variants.push((Occur::Should, Box::new(FuzzyTermQuery::new(term, 1, true))));
            }
            if variants.is_empty() {
                if typed && n + 1 == words.len() {
                    // No name goes on so: the words before it decide.
                    as_typed = false;
                    continue;
                }
                return Ok(());
            }
            all.push((Occur::Must, Box::new(BooleanQuery::new(variants))));
        }
        let whole: HashSet<tantivy::DocAddress> =
            rescore(searcher, &BooleanQuery::new(all), ranked)?
                .into_iter()
                .map(|(_, address)| address)
                .collect();
        if whole.is_empty() {
            return Ok(());
        }
        // How many words a name has (its field norm, exact for short ones).
        let mut norms: HashMap<u32, tantivy::fieldnorm::FieldNormReader> = HashMap::new();
        let mut exact_length: Vec<(f32, tantivy::DocAddress)> = Vec::new();
        for (score, address) in ranked.iter().filter(|(_, a)| whole.contains(a)) {
            let reader = match norms.entry(address.segment_ord) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => e.insert(
                    searcher
                        .segment_reader(address.segment_ord)
                        .get_fieldnorms_reader(name)?,
                ),
            };
            if reader.fieldnorm(address.doc_id) == asked {
                exact_length.push((*score, *address));
            }
        }
        // The word order matters among names of the query's length only,
        // and only when there are several (a phrase reads positions).
        let in_order: HashSet<tantivy::DocAddress> = if as_typed && exact_length.len() > 1 {
            let terms: Vec<Term> = words
                .iter()
                .map(|w| Term::from_field_text(name, w))
                .collect();
            let phrase: Box<dyn Query> = if typed {
                let mut phrase = tantivy::query::PhrasePrefixQuery::new(terms);
                phrase.set_max_expansions(MAX_NAME_COMPLETIONS as u32);
                Box::new(phrase)
            } else {
                Box::new(PhraseQuery::new(terms))
            };
            rescore(searcher, &*phrase, &exact_length)?
                .into_iter()
                .map(|(_, address)| address)
                .collect()
        } else {
            HashSet::new()
        };
        let mut tier: HashMap<tantivy::DocAddress, f32> =
            whole.iter().map(|address| (*address, 1.0)).collect();
        for (_, address) in &exact_length {
            let order = f32::from(u8::from(in_order.contains(address)));
            tier.insert(*address, 3.0 + order);
        }
        // Each group's scores are lifted above the groups below it, so that
        // scores still fall down the list; a stable sort keeps each group's
        // order.
        let lift = ranked.iter().map(|(s, _)| *s).fold(0.0f32, f32::max);
        for (score, address) in ranked.iter_mut() {
            if let Some(tier) = tier.get(address) {
                *score += tier * lift;
            }
        }
        ranked.sort_by(by_score);
        Ok(())
    }

    /// The words of names that start with `prefix`, in dictionary order,
    /// or `None` when more than [`MAX_NAME_COMPLETIONS`] do.
    fn name_words_starting(
        &self,
        searcher: &tantivy::Searcher,
        prefix: &str,
    ) -> Result<Option<Vec<String>>, SearchError> {
        let name = self.fields.texts[0].folded;
        let words = words_starting(searcher, name, prefix, MAX_NAME_COMPLETIONS + 1)?;
        Ok((words.len() <= MAX_NAME_COMPLETIONS).then(|| words.into_keys().collect()))
    }

    /// The exact-diacritic preference, a tie-breaker: a result holding a
    /// word typed with diacritics with the same diacritics (in any of its
    /// texts) has its score raised by [`EXACT_TIE`] of itself, shared among
    /// the query's accented words. It orders results that match about
    /// equally well ("mã" ranks "Mã Lan" above "Ma Minh"), never one that
    /// matches the words clearly worse above one that matches them better
    /// ("Hoa Sen Đỏ" finds a "Hoa Sen Do" before a "Sen Đỏ" with "hoa" in
    /// its description).
    fn prefer_exact(
        &self,
        searcher: &tantivy::Searcher,
        parts: &[Part],
        ranked: &mut [(f32, tantivy::DocAddress)],
    ) -> Result<(), SearchError> {
        let accented: Vec<Box<dyn Query>> = parts
            .iter()
            .flat_map(|p| {
                let t = p.tokens();
                t.exact.iter().zip(&t.folded).filter(|(e, f)| e != f)
            })
            .map(|(exact, _)| {
                let term = Term::from_field_text(self.fields.all_exact, exact);
                let found = TermQuery::new(term, IndexRecordOption::Basic);
                Box::new(ConstScoreQuery::new(Box::new(found), 1.0)) as Box<dyn Query>
            })
            .collect();
        if accented.is_empty() || ranked.is_empty() {
            return Ok(());
        }
        let words = accented.len() as f32;
        let query = BooleanQuery::new(accented.into_iter().map(|q| (Occur::Should, q)).collect());
        let found: HashMap<tantivy::DocAddress, f32> = rescore(searcher, &query, ranked)?
            .into_iter()
            .map(|(count, address)| (address, count))
            .collect();
        for (score, address) in ranked.iter_mut() {
            if let Some(count) = found.get(address) {
                *score *= 1.0 + EXACT_TIE * count / words;
            }
        }
        ranked.sort_by(by_score);
        Ok(())
    }

    /// [`SearchIndex::plan`] before the exact-diacritic preference.
    fn plan_folded(
        &self,
        searcher: &tantivy::Searcher,
        query: &SearchQuery,
        parts: &[Part],
        depth: usize,
    ) -> Result<Option<Plan>, SearchError> {
        if parts.is_empty() {
            return Ok(None);
        }
        let typing = typing(&query.text, parts);
        let expansions = match &typing {
            Some(prefix) => self.expand(searcher, prefix)?,
            None => vec![],
        };
        let mut strict: Vec<Box<dyn Query>> = Vec::new();
        if typing.is_some() {
            for e in &expansions {
                strict.extend(self.parse(query, parts, Mode::Strict(Some(e), false)));
            }
        } else {
            strict.extend(self.parse(query, parts, Mode::Strict(None, false)));
        }
        if accented(parts) {
            strict.extend(self.parse(query, parts, Mode::Strict(None, true)));
        }
        // A phrase's first pass is its words anywhere (no positions, so it
        // prunes); the full scoring then keeps only real phrases, among a
        // fixed number of candidates so that the order does not depend on
        // the page asked for.
        let phrases = parts.iter().any(|p| matches!(p, Part::Phrase(_)));
        let depth = if phrases {
            PHRASE_CANDIDATES.max(depth)
        } else {
            depth
        };
        let mut best: HashMap<tantivy::DocAddress, f32> = HashMap::new();
        for q in &strict {
            for (score, address) in
                searcher.search(&**q, &TopDocs::with_limit(depth).order_by_score())?
            {
                let entry = best.entry(address).or_insert(score);
                *entry = entry.max(score);
            }
        }
        let mut candidates: Vec<(f32, tantivy::DocAddress)> =
            best.into_iter().map(|(a, s)| (s, a)).collect();
        candidates.sort_by(by_score);
        if phrases && candidates.len() >= MIN_EXACT_HITS {
            let Some(full) = self.parse(query, parts, Mode::Full(Some(&expansions))) else {
                return Ok(None);
            };
            let ranked = rescore(searcher, &*full, &candidates)?;
            // Enough real phrases among the candidates (or all there are).
            if ranked.len() >= MIN_EXACT_HITS || candidates.len() < depth {
                return Ok(Some(Plan {
                    ranked,
                    matcher: full,
                }));
            }
        } else if candidates.len() >= MIN_EXACT_HITS {
            let Some(full) = self.parse(query, parts, Mode::Full(Some(&expansions))) else {
                return Ok(None);
            };
            let window = candidates.len().min(RERANK_WINDOW);
            let mut ranked = rescore(searcher, &*full, &candidates[..window])?;
            ranked.extend_from_slice(&candidates[window..]);
            let matcher: Box<dyn Query> = Box::new(BooleanQuery::new(
                strict.into_iter().map(|q| (Occur::Should, q)).collect(),
            ));
            return Ok(Some(Plan { ranked, matcher }));
        }
        // Few exact matches: search in full, with typo tolerance.
        let Some(full) = self.parse(query, parts, Mode::Full(None)) else {
            return Ok(None);
        };
        let mut ranked = searcher.search(&*full, &TopDocs::with_limit(depth).order_by_score())?;
        ranked.sort_by(by_score);
        Ok(Some(Plan {
            ranked,
            matcher: full,
        }))
    }

    /// The most frequent words of the combined field that start with
    /// `prefix` (the word itself first, when it is one).
    fn expand(
        &self,
        searcher: &tantivy::Searcher,
        prefix: &str,
    ) -> Result<Vec<String>, SearchError> {
        let frequency = words_starting(searcher, self.fields.all_folded, prefix, MAX_PREFIX_SCAN)?;
        let mut words: Vec<(u64, String)> = frequency.into_iter().map(|(w, n)| (n, w)).collect();
        words.sort_by(|a, b| {
            (b.1 == prefix)
                .cmp(&(a.1 == prefix))
                .then(b.0.cmp(&a.0))
                .then_with(|| a.1.cmp(&b.1))
        });
        Ok(words
            .into_iter()
            .take(MAX_EXPANSIONS)
            .map(|(_, w)| w)
            .collect())
    }

    /// Every `(kind, id)` a search matches, unranked and unpaged (checks
    /// and benchmarks: it collects the whole result set).
    pub fn all_matches(&self, query: &SearchQuery) -> Result<Vec<(DocKind, i64)>, SearchError> {
        let searcher = self.reader.searcher();
        let Some(plan) = self.plan(&searcher, query, 1)? else {
            return Ok(vec![]);
        };
        let addresses = searcher.search(&*plan.matcher, &tantivy::collector::DocSetCollector)?;
        let mut keys = Vec::with_capacity(addresses.len());
        for address in addresses {
            let doc: TantivyDocument = searcher.doc(address)?;
            keys.extend(self.key_of(&doc));
        }
        Ok(keys)
    }

    /// Names starting with what was typed, for autocomplete: every word must
    /// match a word of the name, the last as a prefix, best first.
    pub fn suggest(&self, prefix: &str, limit: usize) -> Result<Vec<Hit>, SearchError> {
        let words: Vec<&str> = prefix
            .split_whitespace()
            .take(MAX_PARTS)
            .map(|w| {
                w.get(..w.char_indices().nth(64).map_or(w.len(), |(i, _)| i))
                    .unwrap_or(w)
            })
            .collect();
        let name = self.fields.texts[0];
        let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let open_end = !prefix.ends_with(char::is_whitespace);
        for (n, word) in words.iter().enumerate() {
            let folded = analysis::tokens(analysis::FOLDED, word);
            let exact = analysis::tokens(analysis::EXACT, word);
            let last = n + 1 == words.len();
            for (i, token) in folded.iter().enumerate() {
                let term = Term::from_field_text(name.folded, token);
                let mut variants: Vec<(Occur, Box<dyn Query>)> = vec![boosted(
                    Box::new(TermQuery::new(term.clone(), IndexRecordOption::WithFreqs)),
                    2.0,
                )];
                if open_end && last && i + 1 == folded.len() {
                    variants.push(boosted(
                        Box::new(FuzzyTermQuery::new_prefix(term, 0, true)),
                        1.0,
                    ));
                }
                if let Some(accented) = exact.get(i).filter(|e| *e != token) {
                    let term = Term::from_field_text(self.fields.name_exact, accented);
                    variants.push(boosted(
                        Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
                        2.0,
                    ));
                }
                must.push((Occur::Must, Box::new(BooleanQuery::new(variants))));
            }
        }
        if must.is_empty() {
            return Ok(vec![]);
        }
        let searcher = self.reader.searcher();
        let top = searcher.search(
            &BooleanQuery::new(must),
            &TopDocs::with_limit(limit.clamp(1, 20)).order_by_score(),
        )?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            if let Some((kind, id)) = self.key_of(&doc) {
                hits.push(Hit { kind, id, score });
            }
        }
        Ok(hits)
    }

    /// The query of a search in a [`Mode`], or `None` when no word has a
    /// token.
    fn parse(&self, query: &SearchQuery, parts: &[Part], mode: Mode<'_>) -> Option<Box<dyn Query>> {
        let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let still_typing = !query.text.ends_with(char::is_whitespace);
        for (n, part) in parts.iter().enumerate() {
            let last = still_typing && n + 1 == parts.len();
            let clause = match part {
                Part::Phrase(tokens) => self.phrase(tokens, mode),
                Part::Word(tokens) => self.word(tokens, last, mode),
            };
            if let Some(clause) = clause {
                must.extend(flattened(clause));
            }
        }
        if must.is_empty() {
            return None;
        }
        let strict = matches!(mode, Mode::Strict(..));
        let kinds: Vec<&str> = if query.kinds.len() < DocKind::ALL.len() {
            query.kinds.iter().map(|k| k.as_str()).collect()
        } else {
            vec![]
        };
        let f = &query.filter;
        let stages: Vec<&str> = f.stages.iter().map(String::as_str).collect();
        let sectors: Vec<&str> = f.sectors.iter().map(String::as_str).collect();
        let provinces: Vec<&str> = f.provinces.iter().map(String::as_str).collect();
        let topics: Vec<&str> = f.topics.iter().map(String::as_str).collect();
        for (field, values) in [
            (self.fields.kind, &kinds),
            (self.fields.sector, &sectors),
            (self.fields.stage, &stages),
            (self.fields.province, &provinces),
            (self.fields.topic, &topics),
        ] {
            let terms: Vec<Term> = values
                .iter()
                .take(MAX_FILTER_VALUES)
                .map(|v| Term::from_field_text(field, v))
                .collect();
            match terms.as_slice() {
                [] => {}
                // One value, in the first pass: a plain term, so the whole
                // query stays a term intersection (it scores the same in
                // every document: no norms, one occurrence).
                [term] if strict => must.push((
                    Occur::Must,
                    Box::new(TermQuery::new(term.clone(), IndexRecordOption::WithFreqs)),
                )),
                _ => {
                    let any = term_clauses(terms, IndexRecordOption::Basic, Occur::Should);
                    // Filters narrow; they do not change scores.
                    must.push((
                        Occur::Must,
                        Box::new(Boosted {
                            query: Box::new(BooleanQuery::new(any)),
                            boost: 0.0,
                        }),
                    ));
                }
            }
        }
        Some(Box::new(BooleanQuery::new(must)))
    }

    /// One word (a word may be several tokens, "e-commerce": each must
    /// match). `last`: the query's last word, still being typed.
    fn word(&self, tokens: &Tokens, last: bool, mode: Mode<'_>) -> Option<Box<dyn Query>> {
        let Tokens { folded, exact } = tokens;
        if folded.is_empty() {
            return None;
        }
        let final_token = folded.len() - 1;
        let mut tokens: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (i, token) in folded.iter().enumerate() {
            let completing = last && i == final_token;
            let clause: Box<dyn Query> = match mode {
                Mode::Strict(expansion, with_diacritics) => {
                    let (field, word) = match (with_diacritics, expansion) {
                        (true, _) => (
                            self.fields.all_exact,
                            exact.get(i).unwrap_or(token).as_str(),
                        ),
                        (false, Some(e)) if completing => (self.fields.all_folded, e),
                        (false, _) => (self.fields.all_folded, token.as_str()),
                    };
                    Box::new(TermQuery::new(
                        Term::from_field_text(field, word),
                        IndexRecordOption::WithFreqs,
                    ))
                }
                Mode::Full(expansions) => {
                    let mut variants: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                    for field in &self.fields.texts {
                        let term = Term::from_field_text(field.folded, token);
                        let plain = TermQuery::new(term.clone(), IndexRecordOption::WithFreqs);
                        variants.push(boosted(Box::new(plain), field.boost));
                        match (completing, expansions) {
                            (true, Some(words)) => {
                                for w in words.iter().filter(|w| *w != token) {
                                    let term = Term::from_field_text(field.folded, w);
                                    variants.push(boosted(
                                        Box::new(TermQuery::new(
                                            term,
                                            IndexRecordOption::WithFreqs,
                                        )),
                                        field.boost * 0.5,
                                    ));
                                }
                            }
                            (true, None) => variants.push(boosted(
                                Box::new(FuzzyTermQuery::new_prefix(term.clone(), 0, true)),
                                field.boost * 0.5,
                            )),
                            (false, _) => {}
                        }
                        // Typos only in the full search that follows too few
                        // exact matches.
                        if expansions.is_none() && token.chars().count() >= 5 {
                            variants.push(boosted(
                                Box::new(FuzzyTermQuery::new(term, 1, true)),
                                field.boost * 0.3,
                            ));
                        }
                    }
                    Box::new(BooleanQuery::new(variants))
                }
            };
            tokens.push((Occur::Must, clause));
        }
        Some(if tokens.len() == 1 {
            tokens.pop().expect("one token").1
        } else {
            Box::new(BooleanQuery::new(tokens))
        })
    }

    /// A quoted phrase: its folded words in order, in any text field.
    fn phrase(&self, tokens: &Tokens, mode: Mode<'_>) -> Option<Box<dyn Query>> {
        let folded = &tokens.folded;
        if folded.len() < 2 {
            let mode = match mode {
                Mode::Strict(_, d) => Mode::Strict(None, d),
                Mode::Full(_) => Mode::Full(Some(&[])),
            };
            // One word in quotes: that word, by its folded form.
            let word = Tokens {
                folded: folded.clone(),
                exact: folded.clone(),
            };
            return self.word(&word, false, mode);
        }
        let terms = |f: Field, words: &[String]| -> Vec<Term> {
            words.iter().map(|w| Term::from_field_text(f, w)).collect()
        };
        let folded_phrase =
            |f: Field| -> Box<dyn Query> { Box::new(PhraseQuery::new(terms(f, folded))) };
        if let Mode::Strict(..) = mode {
            // Its words, anywhere: the full scoring checks the order.
            let words = term_clauses(
                terms(self.fields.all_folded, folded),
                IndexRecordOption::WithFreqs,
                Occur::Must,
            );
            return Some(Box::new(BooleanQuery::new(words)));
        }
        let in_any_field: Vec<(Occur, Box<dyn Query>)> = self
            .fields
            .texts
            .iter()
            .map(|field| boosted(folded_phrase(field.folded), field.boost))
            .collect();
        Some(Box::new(BooleanQuery::new(in_any_field)))
    }
}

/// Reads documents' ids from the `id` fast field, one column per segment.
struct IdColumns<'s> {
    searcher: &'s tantivy::Searcher,
    columns: HashMap<u32, tantivy::columnar::Column<i64>>,
}

impl<'s> IdColumns<'s> {
    fn new(searcher: &'s tantivy::Searcher) -> Self {
        IdColumns {
            searcher,
            columns: HashMap::new(),
        }
    }

    fn of(&mut self, address: tantivy::DocAddress) -> Result<Option<i64>, SearchError> {
        let column = match self.columns.entry(address.segment_ord) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => e.insert(
                self.searcher
                    .segment_reader(address.segment_ord)
                    .fast_fields()
                    .i64("id")?,
            ),
        };
        Ok(column.first(address.doc_id))
    }
}

/// The words of `field` that start with `prefix`, with how many documents
/// hold each: at most `most` read per segment, in dictionary order.
fn words_starting(
    searcher: &tantivy::Searcher,
    field: tantivy::schema::Field,
    prefix: &str,
    most: usize,
) -> Result<BTreeMap<String, u64>, SearchError> {
    let mut upper = prefix.as_bytes().to_vec();
    upper.push(0xFF);
    let mut words: BTreeMap<String, u64> = BTreeMap::new();
    for segment in searcher.segment_readers() {
        let terms = segment.inverted_index(field)?;
        let mut stream = terms
            .terms()
            .range()
            .ge(prefix.as_bytes())
            .lt(&upper)
            .into_stream()?;
        let mut seen = 0;
        while seen < most && stream.advance() {
            seen += 1;
            if let Ok(word) = std::str::from_utf8(stream.key()) {
                *words.entry(word.to_string()).or_default() += u64::from(stream.value().doc_freq);
            }
        }
    }
    Ok(words)
}

#[cfg(test)]
mod tests;
