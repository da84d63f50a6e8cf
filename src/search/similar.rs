//! Similar texts: a profile's text as a query of its weightiest terms, and
//! a pool of candidates to compare against.

use super::*;

/// The query of [`SearchIndex::similar`] for `text` on `field`; `None`
/// when no word of it occurs there.
pub(super) fn similar_query(
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
    pub(super) searcher: tantivy::Searcher,
    pub(super) field: Option<Field>,
    /// Sorted by address.
    pub(super) docs: Vec<(tantivy::DocAddress, i64)>,
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
