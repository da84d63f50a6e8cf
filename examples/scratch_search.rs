use std::time::Instant;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::*;
use tantivy::schema::IndexRecordOption;
use tantivy::{Index, Term};

fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let index = Index::open_in_dir(&dir).unwrap();
    ketnoi::search::analysis::register(&index);
    let reader = index.reader().unwrap();
    let searcher = reader.searcher();
    println!("segments {}", searcher.segment_readers().len());
    let schema = index.schema();
    let f = |n: &str| schema.get_field(n).unwrap();
    let fields = ["name_folded", "tagline_folded", "body_folded"];
    let boosts = [3.0f32, 2.0, 1.0];
    for words in [
        vec!["khoi", "nghiep"],
        vec!["fintech"],
        vec!["quan", "ly", "kho"],
        vec!["nong", "nghiep", "cong", "nghe", "cao"],
    ] {
        let t = |field: &str, w: &str| Term::from_field_text(f(field), w);
        let run = |name: &str, q: &dyn Query, count: bool| {
            let mut times = vec![];
            for _ in 0..20 {
                let s = Instant::now();
                if count {
                    let _ = searcher
                        .search(q, &(TopDocs::with_limit(10).order_by_score(), Count))
                        .unwrap();
                } else {
                    let _ = searcher
                        .search(q, &TopDocs::with_limit(10).order_by_score())
                        .unwrap();
                }
                times.push(s.elapsed().as_secs_f64() * 1000.0);
            }
            times.sort_by(|a, b| a.partial_cmp(b).unwrap());
            println!("{:?} {name}: {:.2} ms", words, times[10]);
        };
        // Q1: body only, pure term intersection
        let q1 = BooleanQuery::new(
            words
                .iter()
                .map(|w| {
                    (
                        Occur::Must,
                        Box::new(TermQuery::new(
                            t("body_folded", w),
                            IndexRecordOption::WithFreqs,
                        )) as Box<dyn Query>,
                    )
                })
                .collect(),
        );
        run("body-only intersection", &q1, false);
        run("body-only intersection + count", &q1, true);
        // Q2: per word, should over 3 fields
        let per_word = |fuzzy: bool, prefix_last: bool| -> BooleanQuery {
            BooleanQuery::new(
                words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        let mut v: Vec<(Occur, Box<dyn Query>)> = vec![];
                        for (fi, field) in fields.iter().enumerate() {
                            v.push((
                                Occur::Should,
                                Box::new(BoostQuery::new(
                                    Box::new(TermQuery::new(
                                        t(field, w),
                                        IndexRecordOption::WithFreqs,
                                    )),
                                    boosts[fi],
                                )),
                            ));
                            if fuzzy && w.len() >= 5 {
                                v.push((
                                    Occur::Should,
                                    Box::new(BoostQuery::new(
                                        Box::new(FuzzyTermQuery::new(t(field, w), 1, true)),
                                        boosts[fi] * 0.3,
                                    )),
                                ));
                            }
                            if prefix_last && i + 1 == words.len() {
                                v.push((
                                    Occur::Should,
                                    Box::new(BoostQuery::new(
                                        Box::new(FuzzyTermQuery::new_prefix(t(field, w), 0, true)),
                                        boosts[fi] * 0.5,
                                    )),
                                ));
                            }
                        }
                        (
                            Occur::Must,
                            Box::new(BooleanQuery::new(v)) as Box<dyn Query>,
                        )
                    })
                    .collect(),
            )
        };
        run("3 fields", &per_word(false, false), false);
        run("3 fields + count", &per_word(false, false), true);
        run("3 fields + prefix", &per_word(false, true), false);
        run("3 fields + fuzzy", &per_word(true, false), false);
        run(
            "3 fields + fuzzy + prefix + count",
            &per_word(true, true),
            true,
        );
    }
}
