//! Recommendation quality on generated data: the engine beats text-only
//! BM25 by at least 30% and popularity by at least 2x on NDCG@10, for
//! investors and for mentors, on a seed the weights were not tuned on.

use ketnoi::evaluate::{EvaluateOptions, evaluate};
use ketnoi::matching::Weights;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_engine_beats_the_baselines() {
    let options = EvaluateOptions {
        startups: 800,
        investors: 300,
        mentors: 400,
        seed: 3,
        sample: 150,
        clock: ketnoi::clock::Clock::pinned(
            chrono::DateTime::parse_from_rfc3339("2026-12-01T12:00:00+07:00")
                .expect("a valid instant")
                .with_timezone(&chrono::Utc),
        ),
    };
    let report = evaluate(&options, &Weights::default())
        .await
        .expect("evaluate");
    println!("{}", report.markdown());
    assert_eq!(report.evaluated, (150, 150));
    let (engine_i, engine_m) = report.row("engine").unwrap();
    let (text_i, text_m) = report.row("text-only BM25").unwrap();
    let (popular_i, popular_m) = report.row("popularity").unwrap();
    let (random_i, random_m) = report.row("random").unwrap();
    for (who, engine, text, popular, random) in [
        ("investors", engine_i, text_i, popular_i, random_i),
        ("mentors", engine_m, text_m, popular_m, random_m),
    ] {
        assert!(
            engine.ndcg >= 1.3 * text.ndcg,
            "{who}: engine {engine:?} vs text-only {text:?}"
        );
        assert!(
            engine.ndcg >= 2.0 * popular.ndcg,
            "{who}: engine {engine:?} vs popularity {popular:?}"
        );
        assert!(engine.recall > random.recall, "{who}");
    }
}
