//! Highlights: the snippet of a hit with the matched words marked, typos
//! included.

use super::*;

/// Marks where a search's words occur in a text.
#[derive(Debug, Clone)]
pub struct Highlighter {
    /// The folded tokens of the query's words and phrases.
    pub(super) words: Vec<String>,
    /// The last word, matched as a prefix too (search-as-you-type).
    pub(super) prefix: Option<String>,
}

/// The longest snippet, in characters.
pub(super) const SNIPPET_CHARS: usize = 160;

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

    pub(super) fn matches(&self, token: &str) -> bool {
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
pub(super) fn within_one_edit(a: &str, b: &str) -> bool {
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
