//! A query's words and phrases, split and flattened into clauses.

use super::*;

/// A required clause: the clauses of a query that only has required ones
/// (so that a conjunction of terms stays one flat intersection, which
/// tantivy prunes block by block; nested, it scores every match), or the
/// query itself.
pub(super) fn flattened(query: Box<dyn Query>) -> Vec<(Occur, Box<dyn Query>)> {
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

pub(super) fn boosted(query: Box<dyn Query>, boost: f32) -> (Occur, Box<dyn Query>) {
    (Occur::Should, Box::new(Boosted { query, boost }))
}

/// One `occur` clause per term, each a term query reading `option`.
pub(super) fn term_clauses(
    terms: Vec<Term>,
    option: IndexRecordOption,
    occur: Occur,
) -> Vec<(Occur, Box<dyn Query>)> {
    terms
        .into_iter()
        .map(|t| {
            let q: Box<dyn Query> = Box::new(TermQuery::new(t, option));
            (occur, q)
        })
        .collect()
}

/// A piece of a query's text.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Part {
    Word(Tokens),
    Phrase(Tokens),
}

impl Part {
    pub(super) fn tokens(&self) -> &Tokens {
        let (Part::Word(t) | Part::Phrase(t)) = self;
        t
    }
}

/// A piece's tokens under both analyzers, analysed once per search.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Tokens {
    pub(super) folded: Vec<String>,
    pub(super) exact: Vec<String>,
}

impl Tokens {
    pub(super) fn of(text: &str) -> Tokens {
        Tokens {
            folded: analysis::tokens(analysis::FOLDED, text),
            exact: analysis::tokens(analysis::EXACT, text),
        }
    }
}

/// The most words of a text [`SearchIndex::similar`] queries with.
pub const SIMILAR_TERMS: usize = 12;
/// The longest text [`SearchIndex::similar`] reads (longer texts are cut).
pub(super) const MAX_SIMILAR_CHARS: usize = 4_000;

/// The longest query text read (longer texts are cut).
pub(super) const MAX_QUERY_CHARS: usize = 256;
/// The most words and phrases used from one query.
pub(super) const MAX_PARTS: usize = 16;
/// The most hits one search returns.
pub const MAX_LIMIT: usize = 10_000;
/// The most values used from one filter dimension.
pub const MAX_FILTER_VALUES: usize = 100;

/// Splits a query into words and `"quoted phrases"` (an unclosed quote
/// runs to the end).
pub(super) fn split(text: &str) -> Vec<Part> {
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
