//! How a search is planned and scored: the modes of its passes, the
//! word being typed, and the rescoring of candidates.

use super::*;

/// How a search's words become a query.
#[derive(Debug, Clone, Copy)]
pub(super) enum Mode<'a> {
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
pub(super) struct Plan {
    /// Best first: `(score, document)`.
    pub(super) ranked: Vec<(f32, tantivy::DocAddress)>,
    /// Every match (for counts and facets).
    pub(super) matcher: Box<dyn Query>,
}

/// How much words typed with diacritics and found with the same ones raise
/// a result's score, at most (all of them found so): a tie-breaker.
pub(super) const EXACT_TIE: f32 = 0.1;
/// The first pass's best this many are scored in full.
pub const RERANK_WINDOW: usize = 200;
/// How many first-pass candidates of a search with a phrase are checked
/// for the phrase (pages of such a search end there).
pub const PHRASE_CANDIDATES: usize = 500;
/// Fewer exact matches than this, and a search runs in full with typo
/// tolerance.
pub const MIN_EXACT_HITS: usize = 10;
/// The most completions of a word being typed.
pub(super) const MAX_EXPANSIONS: usize = 4;
/// The most words of names a word being typed is completed to when
/// checking whether a name holds every word of a search.
pub(super) const MAX_NAME_COMPLETIONS: usize = 64;
/// The most dictionary words read per segment for a completion.
pub(super) const MAX_PREFIX_SCAN: usize = 20_000;

/// Best first; equal scores in document order.
pub(super) fn by_score(
    a: &(f32, tantivy::DocAddress),
    b: &(f32, tantivy::DocAddress),
) -> std::cmp::Ordering {
    b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1))
}

/// The folded token being typed: the last one of the last word, when no
/// space follows it.
pub(super) fn typing(text: &str, parts: &[Part]) -> Option<String> {
    match parts.last() {
        Some(Part::Word(word)) if !text.ends_with(char::is_whitespace) => {
            word.folded.last().cloned()
        }
        _ => None,
    }
}

/// Whether any word was typed with diacritics.
pub(super) fn accented(parts: &[Part]) -> bool {
    parts.iter().any(|p| p.tokens().folded != p.tokens().exact)
}

/// Scores `candidates` with `query` (each leaf seeking straight to them: see
/// the `rescore` module); those it does not match are dropped.
pub(super) fn rescore(
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
