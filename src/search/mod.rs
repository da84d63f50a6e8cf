//! Full-text search over the whole ecosystem: one tantivy index of
//! startups, investors, mentors, organisations and events.
//!
//! This module is the index and its query language; [`indexer`] keeps it in
//! step with the database by following the change log the database's
//! triggers write (migrations `0004_search_changes.sql`), and stores how far
//! it got in each commit's payload, so a restart resumes where it stopped.
//!
//! Each text is indexed under both analyzers of [`analysis`]. Names weigh
//! more than taglines, which weigh more than long texts. A query is a list of
//! words and `"quoted phrases"`; every word must match (in any field), the
//! last word also as a prefix (search-as-you-type), words of five letters or
//! more also with one typo. Words typed with diacritics score higher where
//! the text has the same diacritics.

pub mod analysis;
pub mod indexer;
mod rescore;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{BooleanQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{
    FAST, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions, Value,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocSet, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::datafile::{
    EventRecord, InvestorRecord, MentorRecord, OrganizationRecord, StartupRecord,
};
use crate::model::Vocabulary;
use crate::store::ChangePosition;
use rescore::{Boosted, Sparse};

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
}

impl DocKind {
    /// All kinds.
    pub const ALL: [DocKind; 5] = [
        DocKind::Startup,
        DocKind::Investor,
        DocKind::Mentor,
        DocKind::Organization,
        DocKind::Event,
    ];

    /// The kind's name in the index and the change log.
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Startup => "startup",
            DocKind::Investor => "investor",
            DocKind::Mentor => "mentor",
            DocKind::Organization => "organization",
            DocKind::Event => "event",
        }
    }

    /// The kind named `text` (as [`DocKind::as_str`] writes it).
    pub fn parse(text: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// What the index keeps of an object.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchDoc {
    pub kind: DocKind,
    pub id: i64,
    /// The name or title.
    pub name: String,
    /// A tagline or headline.
    pub tagline: String,
    /// The long text: description, thesis or bio.
    pub body: String,
    /// Sector keys.
    pub sectors: Vec<String>,
    /// Stages (a startup's, or those an investor backs).
    pub stages: Vec<String>,
    /// Province keys (where it is, or where an investor invests).
    pub provinces: Vec<String>,
    /// Mentorship topics (a startup's needs, a mentor's expertise).
    pub topics: Vec<String>,
}

fn names<T: Vocabulary>(values: &[T]) -> Vec<String> {
    values.iter().map(|v| v.as_str().to_string()).collect()
}

impl SearchDoc {
    /// A startup's document.
    pub fn startup(id: i64, r: &StartupRecord) -> SearchDoc {
        SearchDoc {
            kind: DocKind::Startup,
            id,
            name: r.name.clone(),
            tagline: r.tagline.clone(),
            body: r.description.clone(),
            sectors: r.sectors.clone(),
            stages: names(&[r.stage]),
            provinces: r.province.iter().cloned().collect(),
            topics: names(&r.needs),
        }
    }

    /// An investor's document.
    pub fn investor(id: i64, r: &InvestorRecord) -> SearchDoc {
        SearchDoc {
            kind: DocKind::Investor,
            id,
            name: r.name.clone(),
            body: r.thesis.clone(),
            sectors: r.sectors.clone(),
            stages: names(&r.stages),
            provinces: r.provinces.clone(),
            ..SearchDoc::default()
        }
    }

    /// A mentor's document.
    pub fn mentor(id: i64, r: &MentorRecord) -> SearchDoc {
        SearchDoc {
            kind: DocKind::Mentor,
            id,
            name: r.name.clone(),
            tagline: r.headline.clone(),
            body: r.bio.clone(),
            sectors: r.sectors.clone(),
            provinces: r.province.iter().cloned().collect(),
            topics: names(&r.expertise),
            ..SearchDoc::default()
        }
    }

    /// An organisation's document.
    pub fn organization(id: i64, r: &OrganizationRecord) -> SearchDoc {
        SearchDoc {
            kind: DocKind::Organization,
            id,
            name: r.name.clone(),
            body: r.description.clone(),
            provinces: r.province.iter().cloned().collect(),
            ..SearchDoc::default()
        }
    }

    /// An event's document.
    pub fn event(id: i64, r: &EventRecord) -> SearchDoc {
        SearchDoc {
            kind: DocKind::Event,
            id,
            name: r.title.clone(),
            body: r.description.clone(),
            sectors: r.sectors.clone(),
            provinces: r.province.iter().cloned().collect(),
            ..SearchDoc::default()
        }
    }
}

/// A text field, diacritics folded, with its weight.
#[derive(Debug, Clone, Copy)]
struct TextField {
    folded: Field,
    boost: f32,
}

#[derive(Debug, Clone, Copy)]
struct Fields {
    kind: Field,
    id: Field,
    /// `kind:id`, the term an update or delete replaces.
    key: Field,
    texts: [TextField; 3],
    /// The name with its diacritics (suggestions prefer them).
    name_exact: Field,
    /// Every text in one field, the name three times and the tagline twice
    /// (so they weigh more): what the fast first pass of a search matches.
    all_folded: Field,
    /// The same with diacritics kept (frequencies only, no positions): what
    /// makes words typed with diacritics prefer the same diacritics.
    all_exact: Field,
    /// Filterable keys, one field per [`Facet`] dimension but `Type`.
    sector: Field,
    stage: Field,
    province: Field,
    topic: Field,
    /// `/type/startup`, `/sector/agritech`, ...: what facets count.
    facets: Field,
    /// The tagline and long text again, folded, in one field per kind
    /// (startups, investors, mentors), so that each kind has its own term
    /// statistics: what [`SearchIndex::similar`] matches profiles by.
    similar: [Field; 3],
}

/// The dimensions facets count by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Facet {
    Type,
    Sector,
    Stage,
    Province,
    Topic,
}

impl Facet {
    /// Every dimension.
    pub const ALL: [Facet; 5] = [
        Facet::Type,
        Facet::Sector,
        Facet::Stage,
        Facet::Province,
        Facet::Topic,
    ];

    fn root(self) -> &'static str {
        match self {
            Facet::Type => "type",
            Facet::Sector => "sector",
            Facet::Stage => "stage",
            Facet::Province => "province",
            Facet::Topic => "topic",
        }
    }
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |analyzer: &str, record: IndexRecordOption| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analyzer)
                .set_index_option(record),
        )
    };
    let positions = IndexRecordOption::WithFreqsAndPositions;
    let mut folded = |name: &str, boost: f32| TextField {
        folded: b.add_text_field(&format!("{name}_folded"), text(analysis::FOLDED, positions)),
        boost,
    };
    let texts = [
        folded("name", 3.0),
        folded("tagline", 2.0),
        folded("body", 1.0),
    ];
    let name_exact = b.add_text_field("name_exact", text(analysis::EXACT, positions));
    // The combined fields answer term queries and completions only (phrases
    // are checked on the fields above): no positions, which would be most
    // of their size with each name in them three times.
    let all_folded = b.add_text_field(
        "all_folded",
        text(analysis::FOLDED, IndexRecordOption::WithFreqs),
    );
    let all_exact = b.add_text_field(
        "all_exact",
        text(analysis::EXACT, IndexRecordOption::WithFreqs),
    );
    // Keys to filter by: whole values, with frequencies (so that a filter
    // term joins the first pass's fast term intersection) but no norms
    // (so that it scores the same in every document).
    let key = || {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("raw")
                .set_fieldnorms(false)
                .set_index_option(IndexRecordOption::WithFreqs),
        )
    };
    let fields = Fields {
        kind: b.add_text_field("kind", key() | STORED),
        id: b.add_i64_field("id", INDEXED | STORED | FAST),
        key: b.add_text_field("key", STRING),
        texts,
        name_exact,
        all_folded,
        all_exact,
        sector: b.add_text_field("sector", key()),
        stage: b.add_text_field("stage", key()),
        province: b.add_text_field("province", key()),
        topic: b.add_text_field("topic", key()),
        facets: b.add_facet_field("facets", FacetOptions::default()),
        similar: ["startup", "investor", "mentor"].map(|kind| {
            b.add_text_field(
                &format!("similar_{kind}"),
                text(analysis::FOLDED, IndexRecordOption::WithFreqs),
            )
        }),
    };
    (b.build(), fields)
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
pub const SCHEMA_VERSION: u32 = 6;

/// The index: one writer (behind a lock), and a reader that sees each
/// commit once `commit` returns.
pub struct SearchIndex {
    reader: IndexReader,
    writer: Mutex<IndexWriter<TantivyDocument>>,
    fields: Fields,
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
        })
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
        for (field, text) in f.texts.iter().zip([&doc.name, &doc.tagline, &doc.body]) {
            d.add_text(field.folded, text);
        }
        d.add_text(f.name_exact, &doc.name);
        if let Some(field) = self.similar_field(doc.kind) {
            d.add_text(field, &doc.tagline);
            d.add_text(field, &doc.body);
        }
        for (text, times) in [(&doc.name, 3), (&doc.tagline, 2), (&doc.body, 1)] {
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
            DocKind::Organization | DocKind::Event => None,
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
    /// matches them all, or `None` when the text has no words.
    fn plan(
        &self,
        searcher: &tantivy::Searcher,
        query: &SearchQuery,
        depth: usize,
    ) -> Result<Option<Plan>, SearchError> {
        let parts = split(&query.text);
        if parts.is_empty() {
            return Ok(None);
        }
        let typing = typing(&query.text, &parts);
        let expansions = match &typing {
            Some(prefix) => self.expand(searcher, prefix)?,
            None => vec![],
        };
        let mut strict: Vec<Box<dyn Query>> = Vec::new();
        if typing.is_some() {
            for e in &expansions {
                strict.extend(self.parse(query, &parts, Mode::Strict(Some(e), false)));
            }
        } else {
            strict.extend(self.parse(query, &parts, Mode::Strict(None, false)));
        }
        if accented(&parts) {
            strict.extend(self.parse(query, &parts, Mode::Strict(None, true)));
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
            let Some(full) = self.parse(query, &parts, Mode::Full(Some(&expansions))) else {
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
            let Some(full) = self.parse(query, &parts, Mode::Full(Some(&expansions))) else {
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
        let Some(full) = self.parse(query, &parts, Mode::Full(None)) else {
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
        let mut frequency: HashMap<Vec<u8>, u64> = HashMap::new();
        let mut upper = prefix.as_bytes().to_vec();
        upper.push(0xFF);
        for segment in searcher.segment_readers() {
            let terms = segment.inverted_index(self.fields.all_folded)?;
            let mut stream = terms
                .terms()
                .range()
                .ge(prefix.as_bytes())
                .lt(&upper)
                .into_stream()?;
            let mut seen = 0;
            while stream.advance() && seen < MAX_PREFIX_SCAN {
                seen += 1;
                *frequency.entry(stream.key().to_vec()).or_default() +=
                    u64::from(stream.value().doc_freq);
            }
        }
        let mut words: Vec<(u64, String)> = frequency
            .into_iter()
            .filter_map(|(k, n)| String::from_utf8(k).ok().map(|w| (n, w)))
            .collect();
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
                    let any: Vec<(Occur, Box<dyn Query>)> = terms
                        .into_iter()
                        .map(|t| {
                            let q: Box<dyn Query> =
                                Box::new(TermQuery::new(t, IndexRecordOption::Basic));
                            (Occur::Should, q)
                        })
                        .collect();
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
                    let accented = exact.get(i).filter(|e| *e != token);
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
                    if let Some(accented) = accented {
                        let term = Term::from_field_text(self.fields.all_exact, accented);
                        let exact = TermQuery::new(term, IndexRecordOption::WithFreqs);
                        variants.push(boosted(Box::new(exact), EXACT_BOOST));
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

    /// A quoted phrase: its folded words in order, in any text field; the
    /// same words with their diacritics score higher.
    fn phrase(&self, tokens: &Tokens, mode: Mode<'_>) -> Option<Box<dyn Query>> {
        let Tokens { folded, exact } = tokens;
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
            let words: Vec<(Occur, Box<dyn Query>)> = terms(self.fields.all_folded, folded)
                .into_iter()
                .map(|t| {
                    let q: Box<dyn Query> =
                        Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs));
                    (Occur::Must, q)
                })
                .collect();
            return Some(Box::new(BooleanQuery::new(words)));
        }
        let in_any_field: Vec<(Occur, Box<dyn Query>)> = self
            .fields
            .texts
            .iter()
            .map(|field| boosted(folded_phrase(field.folded), field.boost))
            .collect();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Must, Box::new(BooleanQuery::new(in_any_field)))];
        // The words typed with diacritics, found with them, score higher.
        for (e, f) in exact.iter().zip(folded) {
            if e != f {
                let term = Term::from_field_text(self.fields.all_exact, e);
                clauses.push(boosted(
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
                    EXACT_BOOST,
                ));
            }
        }
        Some(Box::new(BooleanQuery::new(clauses)))
    }
}

/// How a search's words become a query.
#[derive(Debug, Clone, Copy)]
enum Mode<'a> {
    /// The fast first pass: each token a term of the combined field, the
    /// one being typed replaced by the given completion; `true`: the field
    /// that keeps diacritics, with the words as typed.
    Strict(Option<&'a str>, bool),
    /// Scoring in full, by field: the word being typed completed to the
    /// given words, or (`None`: the search after too few exact matches) to
    /// any word it starts, with typo tolerance for longer words.
    Full(Option<&'a [String]>),
}

/// What a search ranks and matches.
struct Plan {
    /// Best first: `(score, document)`.
    ranked: Vec<(f32, tantivy::DocAddress)>,
    /// Every match (for counts and facets).
    matcher: Box<dyn Query>,
}

/// The weight of a word typed with diacritics found with the same ones.
const EXACT_BOOST: f32 = 4.0;
/// The first pass's best this many are scored in full.
pub const RERANK_WINDOW: usize = 200;
/// How many first-pass candidates of a search with a phrase are checked
/// for the phrase (pages of such a search end there).
pub const PHRASE_CANDIDATES: usize = 500;
/// Fewer exact matches than this, and a search runs in full with typo
/// tolerance.
pub const MIN_EXACT_HITS: usize = 10;
/// The most completions of a word being typed.
const MAX_EXPANSIONS: usize = 4;
/// The most dictionary words read per segment for a completion.
const MAX_PREFIX_SCAN: usize = 20_000;

/// Best first; equal scores in document order.
fn by_score(a: &(f32, tantivy::DocAddress), b: &(f32, tantivy::DocAddress)) -> std::cmp::Ordering {
    b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1))
}

/// The folded token being typed: the last one of the last word, when no
/// space follows it.
fn typing(text: &str, parts: &[Part]) -> Option<String> {
    match parts.last() {
        Some(Part::Word(word)) if !text.ends_with(char::is_whitespace) => {
            word.folded.last().cloned()
        }
        _ => None,
    }
}

/// Whether any word was typed with diacritics.
fn accented(parts: &[Part]) -> bool {
    parts.iter().any(|p| p.tokens().folded != p.tokens().exact)
}

/// Scores `candidates` with `query` (each leaf seeking straight to them: see
/// the `rescore` module); those it does not match are dropped.
fn rescore(
    searcher: &tantivy::Searcher,
    query: &dyn Query,
    candidates: &[(f32, tantivy::DocAddress)],
) -> Result<Vec<(f32, tantivy::DocAddress)>, SearchError> {
    let scoring = tantivy::query::EnableScoring::enabled_from_searcher(searcher);
    let mut by_segment: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for (_, address) in candidates {
        by_segment
            .entry(address.segment_ord)
            .or_default()
            .push(address.doc_id);
    }
    let mut out = Vec::with_capacity(candidates.len());
    for (segment, mut docs) in by_segment {
        docs.sort_unstable();
        let mut scorer = Sparse::new(query, scoring, searcher.segment_reader(segment))?;
        for doc in docs {
            if let Some(score) = scorer.score(doc) {
                out.push((score, tantivy::DocAddress::new(segment, doc)));
            }
        }
    }
    out.sort_by(by_score);
    Ok(out)
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

/// The query of [`SearchIndex::similar`] for `text` on `field`; `None`
/// when no word of it occurs there.
fn similar_query(
    searcher: &tantivy::Searcher,
    field: Field,
    text: &str,
) -> Result<Option<BooleanQuery>, SearchError> {
    let text = match text.char_indices().nth(MAX_SIMILAR_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    };
    let mut counts: HashMap<String, u32> = HashMap::new();
    for word in analysis::tokens(analysis::FOLDED, text) {
        if word.chars().count() >= 2 {
            *counts.entry(word).or_default() += 1;
        }
    }
    let docs = searcher.num_docs().max(1) as f32;
    let mut terms = Vec::with_capacity(counts.len());
    for (word, count) in counts {
        let term = Term::from_field_text(field, &word);
        let frequency = searcher.doc_freq(&term)?;
        if frequency == 0 {
            continue;
        }
        let idf = (1.0 + docs / frequency as f32).ln();
        terms.push(((1.0 + (count as f32).ln()) * idf, term));
    }
    terms.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    terms.truncate(SIMILAR_TERMS);
    if terms.is_empty() {
        return Ok(None);
    }
    Ok(Some(BooleanQuery::new(
        terms
            .into_iter()
            .map(|(_, term)| {
                let q: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
                (Occur::Should, q)
            })
            .collect(),
    )))
}

/// Objects of one kind to compare texts with, found once (see
/// [`SearchIndex::pool`]). It keeps the index as it was when made.
pub struct SimilarPool {
    searcher: tantivy::Searcher,
    field: Option<Field>,
    /// Sorted by address.
    docs: Vec<(tantivy::DocAddress, i64)>,
}

impl std::fmt::Debug for SimilarPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SimilarPool({} documents)", self.docs.len())
    }
}

impl SimilarPool {
    /// [`SearchIndex::similar`] among the pool only: those sharing a word
    /// with `text`, best first, at most `limit`.
    pub fn similar(&self, text: &str, limit: usize) -> Result<Vec<(i64, f32)>, SearchError> {
        let Some(field) = self.field else {
            return Ok(vec![]);
        };
        let Some(query) = similar_query(&self.searcher, field, text)? else {
            return Ok(vec![]);
        };
        let weight = query.weight(tantivy::query::EnableScoring::enabled_from_searcher(
            &self.searcher,
        ))?;
        let mut out = Vec::new();
        let mut at = 0;
        while at < self.docs.len() {
            let segment = self.docs[at].0.segment_ord;
            let mut scorer = weight.scorer(self.searcher.segment_reader(segment), 1.0)?;
            while at < self.docs.len() && self.docs[at].0.segment_ord == segment {
                let (address, id) = self.docs[at];
                let doc = if scorer.doc() < address.doc_id {
                    scorer.seek(address.doc_id)
                } else {
                    scorer.doc()
                };
                if doc == address.doc_id {
                    out.push((id, scorer.score()));
                }
                at += 1;
            }
        }
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out.truncate(limit);
        Ok(out)
    }
}

/// A required clause: the clauses of a query that only has required ones
/// (so that a conjunction of terms stays one flat intersection, which
/// tantivy prunes block by block; nested, it scores every match), or the
/// query itself.
fn flattened(query: Box<dyn Query>) -> Vec<(Occur, Box<dyn Query>)> {
    match query.downcast_ref::<BooleanQuery>() {
        Some(all)
            if all.get_minimum_number_should_match() == 0
                && all.clauses().iter().all(|(o, _)| *o == Occur::Must) =>
        {
            all.clauses()
                .iter()
                .map(|(o, q)| (*o, q.box_clone()))
                .collect()
        }
        _ => vec![(Occur::Must, query)],
    }
}

fn boosted(query: Box<dyn Query>, boost: f32) -> (Occur, Box<dyn Query>) {
    (Occur::Should, Box::new(Boosted { query, boost }))
}

/// A piece of a query's text.
#[derive(Debug, Clone, PartialEq)]
enum Part {
    Word(Tokens),
    Phrase(Tokens),
}

impl Part {
    fn tokens(&self) -> &Tokens {
        let (Part::Word(t) | Part::Phrase(t)) = self;
        t
    }
}

/// A piece's tokens under both analyzers, analysed once per search.
#[derive(Debug, Clone, PartialEq)]
struct Tokens {
    folded: Vec<String>,
    exact: Vec<String>,
}

impl Tokens {
    fn of(text: &str) -> Tokens {
        Tokens {
            folded: analysis::tokens(analysis::FOLDED, text),
            exact: analysis::tokens(analysis::EXACT, text),
        }
    }
}

/// The most words of a text [`SearchIndex::similar`] queries with.
pub const SIMILAR_TERMS: usize = 12;
/// The longest text [`SearchIndex::similar`] reads (longer texts are cut).
const MAX_SIMILAR_CHARS: usize = 4_000;

/// The longest query text read (longer texts are cut).
const MAX_QUERY_CHARS: usize = 256;
/// The most words and phrases used from one query.
const MAX_PARTS: usize = 16;
/// The most hits one search returns.
pub const MAX_LIMIT: usize = 10_000;
/// The most values used from one filter dimension.
pub const MAX_FILTER_VALUES: usize = 100;

/// Marks where a search's words occur in a text.
#[derive(Debug, Clone)]
pub struct Highlighter {
    /// The folded tokens of the query's words and phrases.
    words: Vec<String>,
    /// The last word, matched as a prefix too (search-as-you-type).
    prefix: Option<String>,
}

/// The longest snippet, in characters.
const SNIPPET_CHARS: usize = 160;

impl Highlighter {
    /// The highlighter of a query text (as given to [`SearchIndex::search`]).
    pub fn new(text: &str) -> Highlighter {
        let parts = split(text);
        let mut words = Vec::new();
        for part in &parts {
            words.extend(part.tokens().folded.iter().cloned());
        }
        let prefix = match parts.last() {
            Some(Part::Word(_)) if !text.ends_with(char::is_whitespace) => words.last().cloned(),
            _ => None,
        };
        Highlighter { words, prefix }
    }

    fn matches(&self, token: &str) -> bool {
        self.words
            .iter()
            .any(|w| w == token || (w.chars().count() >= 5 && within_one_edit(w, token)))
            || self
                .prefix
                .as_ref()
                .is_some_and(|p| token.starts_with(p.as_str()))
    }

    /// The best passage of `text` with the query's words wrapped in `<b>`
    /// (the rest HTML-escaped), or `None` when no word occurs in it.
    pub fn snippet(&self, text: &str) -> Option<String> {
        let terms: BTreeMap<String, f32> = analysis::tokens(analysis::FOLDED, text)
            .into_iter()
            .filter(|t| self.matches(t))
            .map(|t| (t, 1.0))
            .collect();
        if terms.is_empty() {
            return None;
        }
        let generator = SnippetGenerator::new(
            terms,
            analysis::analyzer(analysis::FOLDED),
            Field::from_field_id(0),
            SNIPPET_CHARS,
        );
        let snippet = generator.snippet(text);
        (!snippet.is_empty()).then(|| snippet.to_html())
    }
}

/// Whether two words differ by at most one insertion, deletion,
/// substitution or swap of neighbours (the typo tolerance of searches).
fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let common = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if common == short.len() {
        // The same word, or one letter more at the end.
        true
    } else if short.len() == long.len() {
        // One letter replaced, or two neighbours swapped.
        short[common + 1..] == long[common + 1..]
            || (common + 1 < short.len()
                && short[common] == long[common + 1]
                && short[common + 1] == long[common]
                && short[common + 2..] == long[common + 2..])
    } else {
        short[common..] == long[common + 1..]
    }
}

/// Splits a query into words and `"quoted phrases"` (an unclosed quote
/// runs to the end).
fn split(text: &str) -> Vec<Part> {
    let text: String = text.chars().take(MAX_QUERY_CHARS).collect();
    let mut parts = Vec::new();
    for (n, piece) in text.split('"').enumerate() {
        if n % 2 == 1 {
            if !piece.trim().is_empty() {
                parts.push(Part::Phrase(Tokens::of(piece.trim())));
            }
        } else {
            parts.extend(piece.split_whitespace().map(|w| Part::Word(Tokens::of(w))));
        }
    }
    parts.truncate(MAX_PARTS);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(kind: DocKind, id: i64, name: &str, tagline: &str, body: &str) -> SearchDoc {
        SearchDoc {
            kind,
            id,
            name: name.into(),
            tagline: tagline.into(),
            body: body.into(),
            ..SearchDoc::default()
        }
    }

    fn index(docs: &[SearchDoc]) -> SearchIndex {
        let index = SearchIndex::in_ram().expect("index");
        index.upsert(docs).expect("add");
        index.commit().expect("commit");
        index
    }

    fn ids(index: &SearchIndex, text: &str) -> Vec<i64> {
        let hits = index
            .search(&SearchQuery {
                text: text.into(),
                limit: 10,
                ..SearchQuery::default()
            })
            .expect("search");
        hits.hits.iter().map(|h| h.id).collect()
    }

    fn sample() -> SearchIndex {
        index(&[
            doc(
                DocKind::Startup,
                1,
                "Lúa Xanh",
                "Khởi nghiệp nông nghiệp",
                "Cảm biến cho ruộng lúa ở Cần Thơ",
            ),
            doc(
                DocKind::Startup,
                2,
                "Ví Mekong",
                "Mobile wallet for farmers",
                "Fintech for the Mekong Delta",
            ),
            doc(
                DocKind::Investor,
                3,
                "Quỹ Đổi Mới",
                "",
                "Đầu tư vào nong nghiep cong nghe cao",
            ),
            doc(
                DocKind::Mentor,
                4,
                "Cô Mã Lan",
                "Luật sư",
                "Pháp lý cho khởi nghiệp",
            ),
            doc(
                DocKind::Mentor,
                5,
                "Anh Ma Minh",
                "Marketing",
                "Growth marketing",
            ),
            doc(
                DocKind::Event,
                6,
                "Techfest Hải Phòng 2025",
                "",
                "Ngày hội khởi nghiệp đổi mới sáng tạo",
            ),
        ])
    }

    #[test]
    fn folded_queries_find_accented_text_and_the_reverse() {
        let index = sample();
        assert_eq!(ids(&index, "khoi nghiep nong nghiep"), [1]);
        // Accented query, unaccented text.
        let found = ids(&index, "nông nghiệp");
        assert!(found.contains(&1) && found.contains(&3), "{found:?}");
        assert_eq!(ids(&index, "hai phong"), [6]);
        assert_eq!(ids(&index, "DOI MOI"), ids(&index, "đổi mới"));
    }

    #[test]
    fn diacritics_typed_rank_exact_matches_first() {
        let index = sample();
        // "mã" typed: Mã Lan before Ma Minh (both match the folded "ma").
        assert_eq!(ids(&index, "mã "), [4, 5]);
        // Typed without diacritics: both, and no preference is made.
        let mut plain = ids(&index, "ma ");
        plain.sort();
        assert_eq!(plain, [4, 5]);
    }

    #[test]
    fn names_outrank_long_texts() {
        let index = index(&[
            doc(
                DocKind::Startup,
                1,
                "Nông trại số",
                "",
                "Quản lý trang trại",
            ),
            doc(
                DocKind::Startup,
                2,
                "Trại Xanh",
                "",
                "Phần mềm cho nông dân và nông trại",
            ),
        ]);
        assert_eq!(ids(&index, "nông"), [1, 2]);
    }

    #[test]
    fn phrases_prefixes_and_typos() {
        let index = sample();
        assert_eq!(ids(&index, "\"mobile wallet\""), [2]);
        assert_eq!(ids(&index, "\"wallet mobile\""), Vec::<i64>::new());
        // The last word is a prefix while typing...
        assert_eq!(ids(&index, "techf"), [6]);
        // ...but not once a space follows it.
        assert_eq!(ids(&index, "techf "), Vec::<i64>::new());
        // One typo in a longer word.
        assert_eq!(ids(&index, "fintach "), [2]);
        assert_eq!(
            ids(&index, "fintk "),
            Vec::<i64>::new(),
            "two edits are too many"
        );
        assert_eq!(ids(&index, "mekomg "), [2]);
    }

    #[test]
    fn similar_finds_profiles_that_read_alike_within_a_kind() {
        let index = index(&[
            doc(
                DocKind::Investor,
                1,
                "Quỹ A",
                "Nông sản",
                "Truy xuất nguồn gốc nông sản đồng bằng",
            ),
            doc(
                DocKind::Investor,
                2,
                "Quỹ B",
                "",
                "Thanh toán di động cho ngân hàng",
            ),
            doc(DocKind::Investor, 3, "Quỹ C", "", "Nông sản xuất khẩu"),
            doc(
                DocKind::Startup,
                1,
                "Lúa",
                "",
                "truy xuat nguon goc nong san",
            ),
            doc(DocKind::Startup, 2, "Ví", "", "thanh toán di động"),
        ]);
        let text = "Truy xuất nguồn gốc nông sản, hợp tác xã";
        let hits = index.similar(DocKind::Investor, text, 10).unwrap();
        let found: Vec<i64> = hits.iter().map(|h| h.0).collect();
        assert_eq!(found, vec![1, 3], "best first, other kinds never");
        assert!(hits[0].1 > hits[1].1);
        // Unaccented text finds the same.
        let plain = index
            .similar(DocKind::Investor, "truy xuat nguon goc nong san", 10)
            .unwrap();
        assert_eq!(plain.iter().map(|h| h.0).collect::<Vec<_>>(), vec![1, 3]);
        // Among some ids only; one sharing no word is not similar at all.
        let pool = index.pool(DocKind::Investor, &[2, 3, 99]).unwrap();
        let among = pool.similar(text, 10).unwrap();
        assert_eq!(among.iter().map(|h| h.0).collect::<Vec<_>>(), vec![3]);
        // The same scores as over the whole index.
        assert_eq!(among[0].1, hits[1].1);
        let everyone = index.pool(DocKind::Investor, &[1, 2, 3]).unwrap();
        assert_eq!(everyone.similar(text, 10).unwrap(), hits);
        let startups = index.similar(DocKind::Startup, "thanh toan", 10).unwrap();
        assert_eq!(startups.iter().map(|h| h.0).collect::<Vec<_>>(), vec![2]);
        assert!(index.similar(DocKind::Event, text, 10).unwrap().is_empty());
        assert!(index.similar(DocKind::Investor, "", 10).unwrap().is_empty());
    }

    #[test]
    fn kinds_filter_and_updates_and_deletes_show_after_commit() {
        let index = sample();
        let mentors = index
            .search(&SearchQuery {
                text: "khoi nghiep".into(),
                kinds: vec![DocKind::Mentor],
                limit: 10,
                ..SearchQuery::default()
            })
            .expect("search");
        assert_eq!(mentors.hits.iter().map(|h| h.id).collect::<Vec<_>>(), [4]);
        index
            .upsert(&[doc(DocKind::Startup, 2, "Ví Cửu Long", "", "Ví điện tử")])
            .expect("update");
        index.delete(DocKind::Event, 6).expect("delete");
        index.commit().expect("commit");
        assert_eq!(ids(&index, "mekong "), Vec::<i64>::new());
        assert_eq!(ids(&index, "cuu long"), [2]);
        assert_eq!(ids(&index, "techfest"), Vec::<i64>::new());
    }

    #[test]
    fn the_fast_first_pass_ranks_as_the_full_search_does() {
        // More exact matches than MIN_EXACT_HITS, so the first pass runs.
        let mut docs: Vec<SearchDoc> = (0..40)
            .map(|n| {
                doc(
                    DocKind::Startup,
                    n,
                    &format!("Công ty {n}"),
                    "Ma trận dữ liệu",
                    "Phần mềm quản lý nông trại và ma trận",
                )
            })
            .collect();
        docs.push(doc(DocKind::Startup, 100, "Nông Trại Số", "", "Dữ liệu"));
        docs.push(doc(DocKind::Mentor, 101, "Cô Mã Lan", "", "Ma trận"));
        let index = index(&docs);
        let first = |text: &str| ids(&index, text)[0];
        assert_eq!(first("nông trại "), 100, "the name outranks long texts");
        assert_eq!(first("nong trai "), 100, "unaccented too");
        assert_eq!(first("mã "), 101, "the exact diacritics first");
        assert_eq!(first("nong tr"), 100, "the word being typed is completed");
        // Pages are slices of one order, whatever the page size.
        let page = |offset: usize, limit: usize| -> Vec<i64> {
            index
                .search(&SearchQuery {
                    text: "ma tran".into(),
                    limit,
                    offset,
                    ..SearchQuery::default()
                })
                .expect("search")
                .hits
                .iter()
                .map(|h| h.id)
                .collect()
        };
        let whole = page(0, 100);
        assert_eq!(whole.len(), 41);
        let paged: Vec<i64> = (0..6).flat_map(|p| page(p * 7, 7)).collect();
        assert_eq!(paged, whole);
        let counted = index
            .search(&SearchQuery {
                text: "ma tran".into(),
                limit: 5,
                count: true,
                ..SearchQuery::default()
            })
            .expect("search");
        assert_eq!((counted.total, counted.more), (41, true));
    }

    #[test]
    fn one_edit_is_a_letter_replaced_added_dropped_or_swapped() {
        for (a, b) in [
            ("mekong", "mekong"),
            ("mekong", "mekomg"),
            ("mekong", "mekon"),
            ("mekong", "mekongs"),
            ("mekong", "mkeong"),
            ("mekong", "emkong"),
        ] {
            assert!(within_one_edit(a, b), "{a} {b}");
        }
        for (a, b) in [
            ("mekong", "mekxmg"),
            ("mekong", "meko"),
            ("mekong", "kemong"),
        ] {
            assert!(!within_one_edit(a, b), "{a} {b}");
        }
        let h = Highlighter::new("mkeong walle");
        assert_eq!(
            h.snippet("Ví Mekong, a wallet").as_deref(),
            Some("Ví <b>Mekong</b>, a <b>wallet</b>")
        );
        assert_eq!(h.snippet("nothing here"), None);
    }

    #[test]
    fn empty_and_hostile_queries_find_nothing_quietly() {
        let index = sample();
        for text in [
            "",
            "   ",
            "\"\"",
            "\"",
            "!!!",
            &"a ".repeat(10_000),
            &"x".repeat(100_000),
        ] {
            let hits = index
                .search(&SearchQuery {
                    text: text.to_string(),
                    limit: 10,
                    ..SearchQuery::default()
                })
                .expect("search");
            assert!(hits.total <= 6);
        }
        assert_eq!(split(&"w ".repeat(100)).len(), MAX_PARTS);
    }
}
