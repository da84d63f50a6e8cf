//! Scoring a few hundred scattered candidates with a search's full query.
//!
//! tantivy's boolean scorer unions its clauses through a buffer of 4,096
//! documents: every seek past the buffer scores every match of every clause
//! in the next 4,096 documents. A few hundred candidates spread over a
//! million documents then score almost the whole index (for a phrase, that
//! means checking positions in every document holding its words). Here a
//! query's boolean structure is walked instead: each leaf (a term, a phrase,
//! a fuzzy term) seeks straight to each candidate through its skip lists,
//! and the scores add up as tantivy adds them.

use tantivy::query::{BooleanQuery, BoostWeight, EnableScoring, Occur, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SeekDangerResult, SegmentReader, Term};

/// A query whose scores are multiplied by `boost` (tantivy's `BoostQuery`,
/// but one whose parts [`Sparse`] can see).
#[derive(Debug)]
pub(crate) struct Boosted {
    pub(crate) query: Box<dyn Query>,
    pub(crate) boost: Score,
}

impl Clone for Boosted {
    fn clone(&self) -> Self {
        Boosted {
            query: self.query.box_clone(),
            boost: self.boost,
        }
    }
}

impl Query for Boosted {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let weight = self.query.weight(scoring)?;
        Ok(if scoring.is_scoring_enabled() {
            Box::new(BoostWeight::new(weight, self.boost))
        } else {
            weight
        })
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.query.query_terms(visitor)
    }
}

/// A query's scorer on one segment for documents asked in strictly
/// increasing order, each at most once.
pub(crate) enum Sparse {
    /// A scorer and the first document it may match: it is asked with
    /// `seek_danger`, which checks one document without looking for the
    /// next match (a phrase would otherwise check positions in every
    /// document holding its words up to its next occurrence).
    Leaf(Box<dyn Scorer>, DocId),
    Boost(Score, Box<Sparse>),
    All {
        must: Vec<Sparse>,
        should: Vec<Sparse>,
        not: Vec<Sparse>,
        /// How many `should` clauses must match (at least one when there
        /// is no `must`).
        min_should: usize,
    },
}

impl Sparse {
    /// The scorer of `query` on `segment`.
    pub(crate) fn new(
        query: &dyn Query,
        scoring: EnableScoring<'_>,
        segment: &SegmentReader,
    ) -> tantivy::Result<Sparse> {
        if let Some(boolean) = query.downcast_ref::<BooleanQuery>() {
            let (mut must, mut should, mut not) = (Vec::new(), Vec::new(), Vec::new());
            for (occur, clause) in boolean.clauses() {
                let part = Sparse::new(&**clause, scoring, segment)?;
                match occur {
                    Occur::Must => must.push(part),
                    Occur::Should => should.push(part),
                    Occur::MustNot => not.push(part),
                }
            }
            let min_should = boolean.get_minimum_number_should_match();
            let min_should = if must.is_empty() {
                min_should.max(1)
            } else {
                min_should
            };
            return Ok(Sparse::All {
                must,
                should,
                not,
                min_should,
            });
        }
        if let Some(boosted) = query.downcast_ref::<Boosted>() {
            let inner = Sparse::new(&*boosted.query, scoring, segment)?;
            return Ok(Sparse::Boost(boosted.boost, Box::new(inner)));
        }
        let scorer = query.weight(scoring)?.scorer(segment, 1.0)?;
        let first = scorer.doc();
        Ok(Sparse::Leaf(scorer, first))
    }

    /// The score of `doc`, or `None` when the query does not match it.
    /// Documents must be asked in strictly increasing order.
    pub(crate) fn score(&mut self, doc: DocId) -> Option<Score> {
        match self {
            Sparse::Leaf(scorer, next) => {
                if doc < *next {
                    return None;
                }
                // Targets only ever grow, and none is below the bound the
                // last miss gave: what `seek_danger` asks of its callers.
                match scorer.seek_danger(doc) {
                    SeekDangerResult::Found => {
                        *next = doc + 1;
                        Some(scorer.score())
                    }
                    SeekDangerResult::SeekLowerBound(bound) => {
                        *next = bound;
                        None
                    }
                }
            }
            Sparse::Boost(boost, inner) => inner.score(doc).map(|s| s * *boost),
            Sparse::All {
                must,
                should,
                not,
                min_should,
            } => {
                let mut sum = 0.0;
                for part in must.iter_mut() {
                    sum += part.score(doc)?;
                }
                if not.iter_mut().any(|part| part.score(doc).is_some()) {
                    return None;
                }
                let mut matched = 0;
                for part in should.iter_mut() {
                    if let Some(score) = part.score(doc) {
                        sum += score;
                        matched += 1;
                    }
                }
                (matched >= *min_should).then_some(sum)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::{BoostQuery, PhraseQuery, TermQuery};
    use tantivy::schema::{IndexRecordOption, Schema, TEXT};
    use tantivy::{Index, TantivyDocument, doc};

    /// On every document, the same matches and scores as tantivy's own
    /// scorers (with [`BoostQuery`] in place of [`Boosted`]).
    #[test]
    fn scores_as_tantivy_does() {
        let mut builder = Schema::builder();
        let body = builder.add_text_field("body", TEXT);
        let title = builder.add_text_field("title", TEXT);
        let index = Index::create_in_ram(builder.build());
        let mut writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
        let words = ["kho", "quan", "ly", "nong", "san", "ca", "phe"];
        for n in 0..3_000usize {
            let text: Vec<&str> = (0..(3 + n % 7))
                .map(|i| words[(n * 7 + i * i * 3 + n / 5) % words.len()])
                .collect();
            let mut d = TantivyDocument::default();
            d.add_text(body, text.join(" "));
            d.add_text(title, words[n % words.len()]);
            writer.add_document(d).unwrap();
        }
        writer.add_document(doc!(body => "nothing here")).unwrap();
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let term = |f, w| Term::from_field_text(f, w);
        let build = |ours: bool| -> Box<dyn Query> {
            let boost = |q: Box<dyn Query>, b: f32| -> Box<dyn Query> {
                if ours {
                    Box::new(Boosted { query: q, boost: b })
                } else {
                    Box::new(BoostQuery::new(q, b))
                }
            };
            let phrase = PhraseQuery::new(vec![term(body, "quan"), term(body, "ly")]);
            let in_title = TermQuery::new(term(title, "kho"), IndexRecordOption::WithFreqs);
            let any = BooleanQuery::new(vec![
                (Occur::Should, boost(Box::new(phrase), 2.0)),
                (Occur::Should, boost(Box::new(in_title), 3.0)),
            ]);
            let optional = TermQuery::new(term(body, "san"), IndexRecordOption::WithFreqs);
            let excluded = TermQuery::new(term(title, "phe"), IndexRecordOption::Basic);
            Box::new(BooleanQuery::new(vec![
                (Occur::Must, Box::new(any)),
                (Occur::Should, Box::new(optional)),
                (Occur::MustNot, Box::new(excluded)),
            ]))
        };
        let expected = searcher
            .search(
                &*build(false),
                &TopDocs::with_limit(10_000).order_by_score(),
            )
            .unwrap();
        assert!(expected.len() > 100, "the query matches {}", expected.len());
        let segment = searcher.segment_reader(0);
        let scoring = EnableScoring::enabled_from_searcher(&searcher);
        // Every document, then every 37th (seeking past most).
        for step in [1, 37] {
            let mut sparse = Sparse::new(&*build(true), scoring, segment).unwrap();
            let mut got = 0;
            for doc in (0..segment.max_doc()).step_by(step) {
                let want = expected.iter().find(|(_, a)| a.doc_id == doc).map(|e| e.0);
                let score = sparse.score(doc);
                match (score, want) {
                    (Some(s), Some(w)) => assert!((s - w).abs() < 1e-4, "doc {doc}: {s} vs {w}"),
                    (None, None) => {}
                    other => panic!("doc {doc}: {other:?}"),
                }
                got += usize::from(score.is_some());
            }
            if step == 1 {
                assert_eq!(got, expected.len());
            }
        }
    }
}
