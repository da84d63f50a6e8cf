//! Full-text search over the whole ecosystem (issue 4): one tantivy index of
//! startups, investors, mentors, organisations and events.
//!
//! This is the index and its query language; the change log that keeps it in
//! step with the database, the GraphQL `search` field, facets, highlights and
//! the benchmarks are still to come (see issue 4's notes).
//!
//! Each text is indexed under both analyzers of [`analysis`]. Names weigh
//! more than taglines, which weigh more than long texts. A query is a list of
//! words and `"quoted phrases"`; every word must match (in any field), the
//! last word also as a prefix (search-as-you-type), words of five letters or
//! more also with one typo. Words typed with diacritics score higher where
//! the text has the same diacritics.

pub mod analysis;

use std::path::Path;
use std::sync::Mutex;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{
    Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
    Value,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::model::{Event, Investor, Mentor, Organization, Startup};

/// Errors of the search index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("search index directory: {0}")]
    Directory(#[from] tantivy::directory::error::OpenDirectoryError),
    #[error("the search index is in use elsewhere")]
    Poisoned,
}

/// The kinds of object the index holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocKind {
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

    fn as_str(self) -> &'static str {
        match self {
            DocKind::Startup => "startup",
            DocKind::Investor => "investor",
            DocKind::Mentor => "mentor",
            DocKind::Organization => "organization",
            DocKind::Event => "event",
        }
    }

    fn parse(text: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// What the index keeps of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchDoc {
    pub kind: DocKind,
    pub id: i64,
    /// The name or title.
    pub name: String,
    /// A tagline or headline.
    pub tagline: String,
    /// The long text: description, thesis or bio.
    pub body: String,
}

impl From<&Startup> for SearchDoc {
    fn from(s: &Startup) -> Self {
        SearchDoc {
            kind: DocKind::Startup,
            id: s.id,
            name: s.name.clone(),
            tagline: s.tagline.clone(),
            body: s.description.clone(),
        }
    }
}

impl From<&Investor> for SearchDoc {
    fn from(i: &Investor) -> Self {
        SearchDoc {
            kind: DocKind::Investor,
            id: i.id,
            name: i.name.clone(),
            tagline: String::new(),
            body: i.thesis.clone(),
        }
    }
}

impl From<&Mentor> for SearchDoc {
    fn from(m: &Mentor) -> Self {
        SearchDoc {
            kind: DocKind::Mentor,
            id: m.id,
            name: m.name.clone(),
            tagline: m.headline.clone(),
            body: m.bio.clone(),
        }
    }
}

impl From<&Organization> for SearchDoc {
    fn from(o: &Organization) -> Self {
        SearchDoc {
            kind: DocKind::Organization,
            id: o.id,
            name: o.name.clone(),
            tagline: String::new(),
            body: o.description.clone(),
        }
    }
}

impl From<&Event> for SearchDoc {
    fn from(e: &Event) -> Self {
        SearchDoc {
            kind: DocKind::Event,
            id: e.id,
            name: e.title.clone(),
            tagline: String::new(),
            body: e.description.clone(),
        }
    }
}

/// A text field indexed under both analyzers, with its weight.
#[derive(Debug, Clone, Copy)]
struct TextField {
    exact: Field,
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
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |analyzer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analyzer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let mut pair = |name: &str, boost: f32| TextField {
        exact: b.add_text_field(&format!("{name}_exact"), text(analysis::EXACT)),
        folded: b.add_text_field(&format!("{name}_folded"), text(analysis::FOLDED)),
        boost,
    };
    let texts = [pair("name", 3.0), pair("tagline", 2.0), pair("body", 1.0)];
    let fields = Fields {
        kind: b.add_text_field("kind", STRING | STORED),
        id: b.add_i64_field("id", INDEXED | STORED),
        key: b.add_text_field("key", STRING),
        texts,
    };
    (b.build(), fields)
}

/// A search: the text typed, and the kinds wanted (all when empty).
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    pub text: String,
    pub kinds: Vec<DocKind>,
    pub limit: usize,
    pub offset: usize,
}

/// One hit, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub kind: DocKind,
    pub id: i64,
    pub score: f32,
}

/// Hits and how many matched in all.
#[derive(Debug, Clone, PartialEq)]
pub struct Hits {
    pub hits: Vec<Hit>,
    pub total: usize,
}

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

    /// The index in `dir`, created if missing.
    pub fn open_or_create(dir: &Path) -> Result<SearchIndex, SearchError> {
        std::fs::create_dir_all(dir).map_err(|e| {
            SearchError::Index(tantivy::TantivyError::IoError(std::sync::Arc::new(e)))
        })?;
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

    fn key(kind: DocKind, id: i64) -> String {
        format!("{}:{id}", kind.as_str())
    }

    /// Adds or replaces documents (visible after [`SearchIndex::commit`]).
    pub fn upsert(&self, docs: &[SearchDoc]) -> Result<(), SearchError> {
        let writer = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        let f = &self.fields;
        for doc in docs {
            let key = Self::key(doc.kind, doc.id);
            writer.delete_term(Term::from_field_text(f.key, &key));
            let mut d = TantivyDocument::default();
            d.add_text(f.kind, doc.kind.as_str());
            d.add_i64(f.id, doc.id);
            d.add_text(f.key, &key);
            for (field, text) in f.texts.iter().zip([&doc.name, &doc.tagline, &doc.body]) {
                d.add_text(field.exact, text);
                d.add_text(field.folded, text);
            }
            writer.add_document(d)?;
        }
        Ok(())
    }

    /// Removes a document (after [`SearchIndex::commit`]).
    pub fn delete(&self, kind: DocKind, id: i64) -> Result<(), SearchError> {
        let writer = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        writer.delete_term(Term::from_field_text(self.fields.key, &Self::key(kind, id)));
        Ok(())
    }

    /// Makes every change so far durable and visible to searches.
    pub fn commit(&self) -> Result<(), SearchError> {
        let mut writer = self.writer.lock().map_err(|_| SearchError::Poisoned)?;
        writer.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// Runs a search.
    pub fn search(&self, query: &SearchQuery) -> Result<Hits, SearchError> {
        let Some(parsed) = self.parse(query) else {
            return Ok(Hits {
                hits: vec![],
                total: 0,
            });
        };
        let searcher = self.reader.searcher();
        let limit = query.limit.clamp(1, 100);
        let (top, total) = searcher.search(
            &parsed,
            &(
                TopDocs::with_limit(limit)
                    .and_offset(query.offset)
                    .order_by_score(),
                Count,
            ),
        )?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            let kind = doc
                .get_first(self.fields.kind)
                .and_then(|v| v.as_str())
                .and_then(DocKind::parse);
            let id = doc.get_first(self.fields.id).and_then(|v| v.as_i64());
            if let (Some(kind), Some(id)) = (kind, id) {
                hits.push(Hit { kind, id, score });
            }
        }
        Ok(Hits { hits, total })
    }

    /// The query for a search, or `None` when the text has no words.
    fn parse(&self, query: &SearchQuery) -> Option<Box<dyn Query>> {
        let parts = split(&query.text);
        let last_is_prefix = !query.text.ends_with(char::is_whitespace);
        let count = parts.len();
        let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (n, part) in parts.into_iter().enumerate() {
            let clause = match part {
                Part::Phrase(text) => self.phrase(&text),
                Part::Word(text) => self.word(&text, last_is_prefix && n + 1 == count),
            };
            if let Some(clause) = clause {
                must.push((Occur::Must, clause));
            }
        }
        if must.is_empty() {
            return None;
        }
        if !query.kinds.is_empty() && query.kinds.len() < DocKind::ALL.len() {
            let kinds: Vec<(Occur, Box<dyn Query>)> = query
                .kinds
                .iter()
                .map(|k| {
                    let term = Term::from_field_text(self.fields.kind, k.as_str());
                    let q: Box<dyn Query> =
                        Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                    (Occur::Should, q)
                })
                .collect();
            must.push((Occur::Must, Box::new(BooleanQuery::new(kinds))));
        }
        Some(Box::new(BooleanQuery::new(must)))
    }

    /// One word: any of its tokens' variants in any text field.
    fn word(&self, text: &str, prefix: bool) -> Option<Box<dyn Query>> {
        let folded = analysis::tokens(analysis::FOLDED, text);
        let exact = analysis::tokens(analysis::EXACT, text);
        if folded.is_empty() {
            return None;
        }
        // A word may be several tokens ("e-commerce"): each must match.
        let mut tokens: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let last = folded.len() - 1;
        for (i, token) in folded.iter().enumerate() {
            let accented = exact.get(i).filter(|e| *e != token);
            let mut variants: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for field in &self.fields.texts {
                let term = Term::from_field_text(field.folded, token);
                let plain = TermQuery::new(term.clone(), IndexRecordOption::WithFreqs);
                variants.push(boosted(Box::new(plain), field.boost));
                if prefix && i == last {
                    variants.push(boosted(
                        Box::new(FuzzyTermQuery::new_prefix(term.clone(), 0, true)),
                        field.boost * 0.5,
                    ));
                }
                if token.chars().count() >= 5 {
                    variants.push(boosted(
                        Box::new(FuzzyTermQuery::new(term, 1, true)),
                        field.boost * 0.3,
                    ));
                }
                if let Some(accented) = accented {
                    let term = Term::from_field_text(field.exact, accented);
                    let exact = TermQuery::new(term, IndexRecordOption::WithFreqs);
                    variants.push(boosted(Box::new(exact), field.boost * 2.0));
                }
            }
            tokens.push((Occur::Must, Box::new(BooleanQuery::new(variants))));
        }
        Some(Box::new(BooleanQuery::new(tokens)))
    }

    /// A quoted phrase: its folded words in order, in any text field; the
    /// same words with their diacritics score higher.
    fn phrase(&self, text: &str) -> Option<Box<dyn Query>> {
        let folded = analysis::tokens(analysis::FOLDED, text);
        let exact = analysis::tokens(analysis::EXACT, text);
        if folded.len() < 2 {
            return folded.first().and_then(|w| self.word(w, false));
        }
        let accented = exact != folded;
        let mut variants: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for field in &self.fields.texts {
            let terms = |f: Field, words: &[String]| -> Vec<Term> {
                words.iter().map(|w| Term::from_field_text(f, w)).collect()
            };
            variants.push(boosted(
                Box::new(PhraseQuery::new(terms(field.folded, &folded))),
                field.boost,
            ));
            if accented && exact.len() == folded.len() {
                variants.push(boosted(
                    Box::new(PhraseQuery::new(terms(field.exact, &exact))),
                    field.boost * 2.0,
                ));
            }
        }
        Some(Box::new(BooleanQuery::new(variants)))
    }
}

fn boosted(query: Box<dyn Query>, boost: f32) -> (Occur, Box<dyn Query>) {
    (Occur::Should, Box::new(BoostQuery::new(query, boost)))
}

/// A piece of a query's text.
#[derive(Debug, Clone, PartialEq)]
enum Part {
    Word(String),
    Phrase(String),
}

/// The longest query text read (longer texts are cut).
const MAX_QUERY_CHARS: usize = 256;
/// The most words and phrases used from one query.
const MAX_PARTS: usize = 16;

/// Splits a query into words and `"quoted phrases"` (an unclosed quote
/// runs to the end).
fn split(text: &str) -> Vec<Part> {
    let text: String = text.chars().take(MAX_QUERY_CHARS).collect();
    let mut parts = Vec::new();
    for (n, piece) in text.split('"').enumerate() {
        if n % 2 == 1 {
            if !piece.trim().is_empty() {
                parts.push(Part::Phrase(piece.trim().to_string()));
            }
        } else {
            parts.extend(piece.split_whitespace().map(|w| Part::Word(w.to_string())));
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
    fn kinds_filter_and_updates_and_deletes_show_after_commit() {
        let index = sample();
        let mentors = index
            .search(&SearchQuery {
                text: "khoi nghiep".into(),
                kinds: vec![DocKind::Mentor],
                limit: 10,
                offset: 0,
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
