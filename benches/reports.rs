//! How fast plan reports are computed at a province's scale and beyond:
//! a plan's report (nine targets) for one province and year, and a
//! five-year series of projects supported by province and year, over
//! `KETNOI_BENCH_STARTUPS` startups (default 100,000) in 63 provinces with
//! ten support records each (1,000,000), a fifth as many investments, a
//! tenth as many applications, classes and four attendees a class, and
//! events; on SQLite, and on PostgreSQL when `KETNOI_BENCH_POSTGRES_URL`
//! is set (its tables are emptied and filled).
//!
//! The rows are written by SQL straight into the tables (random, from a
//! fixed seed on PostgreSQL and SQLite's own `random()`), since the data
//! file import would take longer than the measurements; a database already
//! filled to this size is reused.
//!
//! Run: `cargo bench --bench reports` (criterion prints the median), and
//! `KETNOI_BENCH_STARTUPS=1000000 cargo bench --bench reports` for ten times
//! the size.

mod common;

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use ketnoi::auth::Viewer;
use ketnoi::clock::Clock;
use ketnoi::model::{Indicator, Period, ReportDimension};
use ketnoi::ops::Caller;
use ketnoi::store::{IndicatorQuery, ReportFilter, Store, Table};

/// The plan every report is of: nine targets over the indicators that
/// read the most rows.
const PLAN: &str = r#"{"type":"plan","key":"bench","title":"Kế hoạch đo","province":"p7","starts_on":"2021-01-01","ends_on":"2025-12-31","targets":[
{"key":"a","indicator":"SUPPORTED","label":"a","min":300},
{"key":"b","indicator":"SUPPORTED_RAISED_CAPITAL_SHARE","label":"b","min":20},
{"key":"c","indicator":"SUPPORT_VND","label":"c","min":1e9,"filter":{"budget_sources":["STATE"]}},
{"key":"d","indicator":"INCUBATED","label":"d","min":50},
{"key":"e","indicator":"EVENTS","label":"e","min":3,"per_year":true},
{"key":"f","indicator":"TRAINEES","label":"f","min":1000},
{"key":"g","indicator":"APPLICATIONS","label":"g","min":100},
{"key":"h","indicator":"ACCEPTANCE_RATE","label":"h","min":30},
{"key":"i","indicator":"FUNDED","label":"i","min":5,"per_year":true}]}
"#;

/// Statements that fill the tables for `n` startups, per database.
fn fill(n: usize, postgres: bool) -> Vec<String> {
    // A random whole number in 0..k, and a random day in 2017–2026.
    let rand = |k: usize| {
        if postgres {
            format!("floor(random() * {k})::int")
        } else {
            format!("(abs(random()) % {k})")
        }
    };
    let day_plain = || {
        if postgres {
            format!("(date '2017-01-01' + {})", rand(3650))
        } else {
            format!("date('2017-01-01', '+' || {} || ' days')", rand(3650))
        }
    };
    let time = || {
        if postgres {
            "(timestamptz '2017-01-01 00:00:00+07' + floor(random() * 5256000) * interval '1 minute')"
                .to_string()
        } else {
            format!(
                "strftime('%Y-%m-%dT%H:%M:%S+00:00', '2017-01-01', '+' || {} || ' minutes')",
                rand(5_256_000)
            )
        }
    };
    let now = if postgres {
        "now()"
    } else {
        "'2026-12-01T00:00:00+00:00'"
    };
    let series = |k: usize| {
        if postgres {
            format!("generate_series(1, {k}) as s(i)")
        } else {
            format!(
                "(with recursive s(i) as (select 1 union all select i + 1 from s where i < {k}) select i from s) s"
            )
        }
    };
    let pick = |list: &[&str]| {
        let cases: Vec<String> = list
            .iter()
            .enumerate()
            .map(|(i, v)| format!("when {i} then '{v}'"))
            .collect();
        format!("case {} {} end", rand(list.len()), cases.join(" "))
    };
    let support_kinds = pick(&[
        "TRAINING",
        "MENTORING",
        "INCUBATION",
        "SPACE",
        "LEGAL_IP",
        "MARKET_ACCESS",
        "GRANT",
        "FAIR_BOOTH",
    ]);
    let sources = pick(&["STATE", "SOCIALIZED", "MIXED"]);
    let programme_kinds = pick(&[
        "IDEA_INCUBATION",
        "BUSINESS_INCUBATION",
        "ACCELERATION",
        "TRAINING_COURSE",
    ]);
    let statuses = pick(&["ACCEPTED", "REJECTED", "SUBMITTED", "SHORTLISTED"]);
    let investors = 1_000;
    let programmes = 630;
    let statements = vec![
        format!(
            "insert into sectors (slug, name, name_en) select 's' || i, 'Lĩnh vực ' || i, 'Sector ' || i from {}",
            series(14)
        ),
        format!(
            "insert into provinces (slug, name, region) select 'p' || i, 'Tỉnh ' || i, 'R' from {}",
            series(63)
        ),
        format!(
            "insert into organizations (slug, name, sort_name, kind, province_id, created_at, updated_at) \
             select 'o' || i, 'Tổ chức ' || i, 'to chuc ' || i, 'INCUBATOR', 1 + {}, {now}, {now} from {}",
            rand(63),
            series(630)
        ),
        format!(
            "insert into startups (slug, name, sort_name, stage, province_id, founded_on, tags, created_at, updated_at) \
             select 'st' || i, 'Startup ' || i, 'startup ' || i, 'SEED', 1 + {}, {}, {}, {now}, {now} from {}",
            rand(63),
            day_plain(),
            rand(32),
            series(n)
        ),
        format!(
            "insert into startup_sectors (startup_id, sector_id, position) select id, 1 + (id % 14), 0 from startups"
        ),
        format!(
            "insert into investors (slug, name, sort_name, kind, created_at, updated_at) \
             select 'v' || i, 'Quỹ ' || i, 'quy ' || i, 'VC_FUND', {now}, {now} from {}",
            series(investors)
        ),
        format!(
            "insert into investments (investor_id, startup_id, amount, currency, round, invested_on) \
             select 1 + {}, 1 + {}, 1000000000, 'VND', 'SEED', {} from {} on conflict do nothing",
            rand(investors),
            rand(n),
            day_plain(),
            series(n / 5)
        ),
        format!(
            "insert into programmes (slug, name, sort_name, kind, organization_id, province_id, created_at, updated_at) \
             select 'g' || i, 'Chương trình ' || i, 'chuong trinh ' || i, {programme_kinds}, i, 1 + (i % 63), {now}, {now} from {}",
            series(programmes)
        ),
        format!(
            "insert into calls (slug, programme_id, title, sort_name, opens_at, closes_at, questions, criteria, stages, tags, created_at, updated_at) \
             select 'c' || i, i, 'Đợt ' || i, 'dot ' || i, {now}, {now}, '[]', '[]', 0, 0, {now}, {now} from {}",
            series(programmes)
        ),
        format!(
            "insert into applications (call_id, startup_id, status, answers, created_at, updated_at, submitted_at, decided_at) \
             select 1 + {}, 1 + {}, {statuses}, '[]', {now}, {now}, {t}, {t} from {} on conflict do nothing",
            rand(programmes),
            rand(n),
            series(n / 10),
            t = time(),
        ),
        format!(
            "insert into support_records (slug, startup_id, recipient, programme_id, kind, value_vnd, budget_source, given_on, note, origin, created_at, updated_at) \
             select 'r' || i, case when i % 5 = 0 then null else 1 + {} end, case when i % 5 = 0 then 'Dự án ' || i end, \
             1 + {}, {support_kinds}, 1000000 * (1 + {}), {sources}, {}, '', 'MANUAL', {now}, {now} from {}",
            rand(n),
            rand(programmes),
            rand(50),
            day_plain(),
            series(n * 10)
        ),
        format!(
            "insert into events (slug, title, sort_name, kind, starts_at, province_id, created_at, updated_at) \
             select 'e' || i, 'Sự kiện ' || i, 'su kien ' || i, 'NETWORKING', {}, 1 + {}, {now}, {now} from {}",
            time(),
            rand(63),
            series(n / 10)
        ),
        format!(
            "insert into training_classes (slug, programme_id, title, held_on, created_at, updated_at) \
             select 'l' || i, 1 + {}, 'Lớp ' || i, {}, {now}, {now} from {}",
            rand(programmes),
            day_plain(),
            series(n / 10)
        ),
        format!(
            "insert into attendance (class_id, person, person_key, organization, organization_key) \
             select 1 + (i % {classes}), 'Người ' || i, 'nguoi ' || (i % {people}), 'Công ty ' || (i % 997), 'cong ty ' || (i % 997) \
             from {} on conflict do nothing",
            series(n * 4 / 10),
            classes = n / 10,
            people = n / 4,
        ),
    ];
    // SQLite reads `on conflict` after `insert ... select` as part of the
    // select: it says `insert or ignore` instead.
    statements
        .into_iter()
        .map(
            |s| match (postgres, s.strip_suffix(" on conflict do nothing")) {
                (false, Some(insert)) => insert.replacen("insert into", "insert or ignore into", 1),
                _ => s,
            },
        )
        .collect()
}

/// A store of the bench's size: reused when it was filled to that size
/// (its plan is written last), else emptied and filled.
async fn store_of(
    store: Store,
    url: Option<&str>,
    path: Option<&std::path::Path>,
    n: usize,
) -> Store {
    store.migrate().await.expect("migrate");
    let startups = store
        .count(&ketnoi::store::ListQuery::Startups(Default::default()))
        .await
        .expect("count");
    let planned = store.id_by_slug(Table::Plans, "bench").await.expect("plan");
    if startups as usize == n && planned.is_some() {
        return store;
    }
    let started = Instant::now();
    let postgres = url.is_some();
    let statements = fill(n, postgres);
    if let Some(url) = url {
        use sqlx::Executor;
        let pool = sqlx::PgPool::connect(url).await.expect("PostgreSQL");
        pool.execute(
            "truncate sectors, provinces, organizations, startups, investors, mentors, events, \
             programmes, plans, search_changes restart identity cascade",
        )
        .await
        .expect("truncate");
        pool.execute("select setseed(0.42)").await.expect("seed");
        for s in &statements {
            pool.execute(s.as_str())
                .await
                .unwrap_or_else(|e| panic!("{s}: {e}"));
        }
        pool.execute("analyze").await.expect("analyze");
    } else {
        use sqlx::Executor;
        let path = path.expect("a SQLite file");
        let url = format!("sqlite:{}", path.display());
        let pool = sqlx::SqlitePool::connect(&url).await.expect("SQLite");
        for s in &statements {
            pool.execute(s.as_str())
                .await
                .unwrap_or_else(|e| panic!("{s}: {e}"));
        }
        pool.execute("analyze").await.expect("analyze");
        pool.close().await;
    }
    let plan = ketnoi::transfer::import_file(
        &store,
        std::io::Cursor::new(PLAN.replace('\n', "").into_bytes()),
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        |_| {},
    )
    .await;
    plan.expect("the plan");
    println!("filled in {:.0} s", started.elapsed().as_secs_f64());
    store
}

fn reports(c: &mut Criterion) {
    let runtime = common::runtime();
    let n = common::env_usize("KETNOI_BENCH_STARTUPS", 100_000);
    let work = std::env::temp_dir().join(format!("ketnoi-reports-bench-{n}"));
    std::fs::create_dir_all(&work).expect("work dir");
    println!(
        "# reports benchmark: {n} startups, {} support records, in {}",
        n * 10,
        work.display()
    );
    let mut stores = vec![];
    let path = work.join("ketnoi.db");
    let sqlite = runtime.block_on(async {
        // A database filled part of the way is started again.
        let store = Store::sqlite_file(&path).await.expect("SQLite");
        store.migrate().await.expect("migrate");
        if store
            .id_by_slug(Table::Plans, "bench")
            .await
            .expect("plan")
            .is_none()
        {
            store.close().await;
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
            }
        }
        let store = Store::sqlite_file(&path).await.expect("SQLite");
        store_of(store, None, Some(&path), n).await
    });
    stores.push(("sqlite", sqlite));
    if let Ok(url) = std::env::var("KETNOI_BENCH_POSTGRES_URL") {
        let pg = runtime.block_on(async {
            let store = Store::connect(&url).await.expect("PostgreSQL");
            store_of(store, Some(&url), None, n).await
        });
        stores.push(("postgres", pg));
    }
    let clock = Clock::pinned(
        chrono::DateTime::parse_from_rfc3339("2026-12-01T12:00:00+07:00")
            .unwrap()
            .to_utc(),
    );
    let operator = Viewer::operator();
    let mut group = c.benchmark_group(format!("reports_{n}_startups"));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    for (name, store) in &stores {
        let plan = runtime.block_on(async {
            let id = store
                .id_by_slug(Table::Plans, "bench")
                .await
                .unwrap()
                .unwrap();
            store.plans_by_ids(&[id]).await.unwrap().pop().unwrap()
        });
        // Where a report's time goes: each target's figure, once.
        runtime.block_on(async {
            let caller = Caller {
                store,
                viewer: Some(&operator),
                clock: &clock,
            };
            let targets = ketnoi::ops::reports::targets(&caller, &plan, Some(2024))
                .await
                .expect("targets");
            let mut line = format!("# {name}, one report's targets:");
            for t in targets.iter().filter_map(|t| t.query.as_ref()) {
                let started = Instant::now();
                store.indicator_figures(t).await.expect("figure");
                let ms = started.elapsed().as_secs_f64() * 1000.0;
                line += &format!(" {} {ms:.0} ms;", t.indicator);
            }
            println!("{line}");
        });
        group.bench_function(format!("{name}/plan_report_province_year"), |b| {
            b.to_async(&runtime).iter(|| async {
                let caller = Caller {
                    store,
                    viewer: Some(&operator),
                    clock: &clock,
                };
                let targets = ketnoi::ops::reports::targets(&caller, &plan, Some(2024))
                    .await
                    .expect("targets");
                assert!(targets[0].actual.is_some_and(|a| a > 0.0));
            })
        });
        let series = IndicatorQuery {
            indicator: Indicator::Supported,
            province: None,
            period: Period {
                from: NaiveDate::from_ymd_opt(2021, 1, 1).unwrap(),
                to: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
            },
            by: vec![ReportDimension::Province, ReportDimension::Year],
            filter: ReportFilter::default(),
        };
        group.bench_function(format!("{name}/five_year_series_by_province"), |b| {
            b.to_async(&runtime).iter(|| async {
                let figures = store.indicator_figures(&series).await.expect("figures");
                assert!(figures.len() >= 63 * 5, "{}", figures.len());
            })
        });
    }
    group.finish();
}

criterion_group!(benches, reports);
criterion_main!(benches);
