//! The indicators' rules, pinned on crafted records: the same figures on
//! SQLite and on PostgreSQL. A startup supported twice counts once;
//! capital raised before a startup's first support does not count; a day
//! begins at midnight in Vietnam; stocks count what stood at the end.

mod common;

use chrono::NaiveDate;
use common::load_sample;
use ketnoi::model::{
    Audience, BudgetSource, EventScope, Indicator, OrganizationKind, Period, ReportDimension,
    StartupTag,
};
use ketnoi::store::{ContributorKind, IndicatorQuery, ReportFilter, Store, Table};

both_databases!(
    each_indicator_counts_by_its_rule,
    series_split_by_year_sector_and_province,
    the_records_behind_a_figure_are_listed,
);

async fn world(store: &Store) -> (i64, i64) {
    load_sample(store).await;
    common::import(store, common::REPORT_RECORDS)
        .await
        .expect("records");
    let row = |key: &'static str| {
        let store = store.clone();
        async move {
            store
                .id_by_slug(Table::Provinces, key)
                .await
                .unwrap()
                .unwrap()
        }
    };
    (row("can-tho").await, row("hai-phong").await)
}

fn day(text: &str) -> NaiveDate {
    text.parse().expect("a day")
}

fn query(indicator: Indicator, province: Option<i64>, from: &str, to: &str) -> IndicatorQuery {
    IndicatorQuery {
        indicator,
        province,
        period: Period {
            from: day(from),
            to: day(to),
        },
        by: vec![],
        filter: ReportFilter::default(),
    }
}

async fn total(store: &Store, q: &IndicatorQuery) -> f64 {
    let figures = store.indicator_figures(q).await.expect("figures");
    assert_eq!(figures.len(), 1, "{q:?}: {figures:?}");
    figures[0].value
}

/// An indicator, a province, a period, a filter, the figure, and why.
type Case = (
    Indicator,
    Option<i64>,
    (&'static str, &'static str),
    ReportFilter,
    f64,
    &'static str,
);

async fn each_indicator_counts_by_its_rule(store: Store) {
    use Indicator::*;
    let (ct, hp) = world(&store).await;
    let state = ReportFilter {
        budget_sources: vec![BudgetSource::State],
        ..ReportFilter::default()
    };
    let women_led = ReportFilter {
        groups: vec![StartupTag::WomenLed],
        ..ReportFilter::default()
    };
    let regional = ReportFilter {
        event_scopes: vec![EventScope::Regional],
        ..ReportFilter::default()
    };
    let local = ReportFilter {
        event_scopes: vec![EventScope::Local],
        ..ReportFilter::default()
    };
    let incubators = ReportFilter {
        organization_kinds: vec![OrganizationKind::Incubator],
        ..ReportFilter::default()
    };
    let farmers = ReportFilter {
        audiences: vec![Audience::Farmers],
        ..ReportFilter::default()
    };
    let y2023 = ("2023-01-01", "2023-12-31");
    let y2024 = ("2024-01-01", "2024-12-31");
    let both = ("2023-01-01", "2024-12-31");
    // (indicator, province, period, filter, expected, why)
    let cases: Vec<Case> = vec![
        (
            Supported,
            Some(ct),
            y2023,
            ReportFilter::default(),
            2.0,
            "Lúa Xanh supported twice counts once; Ví Mekong's acceptance at 23:30 on 31 December is 2023",
        ),
        (
            Supported,
            None,
            y2023,
            ReportFilter::default(),
            3.0,
            "a named project counts in its giver's province",
        ),
        (
            Supported,
            Some(ct),
            y2024,
            ReportFilter::default(),
            1.0,
            "Kho Lạnh accepted at midnight on 1 January 2024 (still 2023 in UTC) is 2024",
        ),
        (
            Supported,
            Some(ct),
            y2023,
            women_led.clone(),
            1.0,
            "only women-led startups",
        ),
        (
            SupportedRaisedCapital,
            Some(ct),
            y2023,
            ReportFilter::default(),
            0.0,
            "Lúa Xanh raised capital only after the period's end",
        ),
        (
            SupportedRaisedCapital,
            Some(ct),
            both,
            ReportFilter::default(),
            1.0,
            "Lúa Xanh raised after its first support; Ví Mekong raised before it",
        ),
        (
            SupportedRaisedCapitalShare,
            Some(ct),
            both,
            ReportFilter::default(),
            100.0 / 3.0,
            "one of three supported",
        ),
        (
            SupportVnd,
            Some(ct),
            y2023,
            ReportFilter::default(),
            30_000_000.0,
            "all sources",
        ),
        (
            SupportVnd,
            None,
            y2023,
            state,
            15_000_000.0,
            "the state budget, both provinces",
        ),
        (
            Incubated,
            Some(ct),
            y2023,
            ReportFilter::default(),
            1.0,
            "accepted in 2023",
        ),
        (
            Incubated,
            Some(ct),
            y2024,
            ReportFilter::default(),
            1.0,
            "accepted at 2024's first minute",
        ),
        (
            Accelerated,
            Some(ct),
            both,
            ReportFilter::default(),
            0.0,
            "no acceleration programme",
        ),
        (
            Applications,
            Some(ct),
            y2023,
            ReportFilter::default(),
            3.0,
            "submitted in 2023",
        ),
        (
            Accepted,
            Some(ct),
            y2023,
            ReportFilter::default(),
            1.0,
            "accepted in 2023",
        ),
        (
            AcceptanceRate,
            Some(ct),
            y2023,
            ReportFilter::default(),
            50.0,
            "one accepted, one rejected in 2023",
        ),
        (
            Funded,
            Some(ct),
            y2023,
            ReportFilter::default(),
            1.0,
            "Ví Mekong in February 2023",
        ),
        (
            Funded,
            Some(ct),
            y2024,
            ReportFilter::default(),
            1.0,
            "Lúa Xanh in May 2024",
        ),
        (
            StEnterprises,
            None,
            y2023,
            ReportFilter::default(),
            1.0,
            "Nấm Việt, founded 2022",
        ),
        (
            StEnterprises,
            None,
            y2024,
            ReportFilter::default(),
            2.0,
            "and Kho Lạnh, founded 2024",
        ),
        (
            NewStEnterprises,
            None,
            y2024,
            ReportFilter::default(),
            1.0,
            "Kho Lạnh",
        ),
        (
            Organizations,
            Some(ct),
            ("2022-01-01", "2022-12-31"),
            ReportFilter::default(),
            2.0,
            "the club (2021) and the centre with no founding day",
        ),
        (
            Organizations,
            Some(hp),
            ("2022-01-01", "2022-12-31"),
            ReportFilter::default(),
            0.0,
            "the incubator is founded in 2023",
        ),
        (
            Organizations,
            Some(hp),
            y2023,
            ReportFilter::default(),
            1.0,
            "the incubator",
        ),
        (
            NewOrganizations,
            None,
            y2023,
            ReportFilter::default(),
            1.0,
            "the incubator",
        ),
        (
            Organizations,
            None,
            y2023,
            incubators,
            1.0,
            "incubators only",
        ),
        (
            Events,
            Some(ct),
            y2023,
            ReportFilter::default(),
            1.0,
            "23:30 on 31 December",
        ),
        (
            Events,
            Some(ct),
            y2024,
            ReportFilter::default(),
            1.0,
            "midnight on 1 January",
        ),
        (
            Events,
            Some(ct),
            y2024,
            regional,
            1.0,
            "Techfest Mekong is regional",
        ),
        (
            Events,
            Some(ct),
            y2024,
            local,
            0.0,
            "no local event in 2024",
        ),
        (
            Trainings,
            Some(ct),
            y2023,
            ReportFilter::default(),
            2.0,
            "two classes",
        ),
        (
            TraineeTimes,
            Some(ct),
            y2023,
            ReportFilter::default(),
            4.0,
            "four lines",
        ),
        (
            Trainees,
            Some(ct),
            y2023,
            ReportFilter::default(),
            3.0,
            "Hoa at both classes, typed two ways, is one person",
        ),
        (
            TrainedEnterprises,
            Some(ct),
            y2023,
            ReportFilter::default(),
            2.0,
            "Lúa Xanh (typed two ways) and HTX Nấm",
        ),
        (TraineeTimes, Some(ct), y2023, farmers, 1.0, "farmers only"),
        (
            Mentors,
            Some(ct),
            y2023,
            ReportFilter::default(),
            1.0,
            "Lê Văn Minh",
        ),
        (
            Mentors,
            None,
            y2023,
            ReportFilter::default(),
            2.0,
            "both mentors",
        ),
        (
            Investors,
            Some(ct),
            y2023,
            ReportFilter::default(),
            1.0,
            "Mekong Ventures lists no province but backed Cần Thơ's startups",
        ),
        (
            Investors,
            Some(hp),
            y2023,
            ReportFilter::default(),
            0.0,
            "Hải Phòng Angels is inactive",
        ),
        (
            MentorsAndInvestors,
            Some(ct),
            y2023,
            ReportFilter::default(),
            2.0,
            "one of each",
        ),
    ];
    for (indicator, province, (from, to), filter, expected, why) in cases {
        let mut q = query(indicator, province, from, to);
        q.filter = filter;
        let got = total(&store, &q).await;
        assert!(
            (got - expected).abs() < 1e-9,
            "{indicator} {province:?} {from}..{to}: {got}, expected {expected}: {why}"
        );
    }
}

async fn series_split_by_year_sector_and_province(store: Store) {
    let (ct, hp) = world(&store).await;
    let series = |q: IndicatorQuery| {
        let store = store.clone();
        async move {
            let figures = store.indicator_figures(&q).await.expect("figures");
            figures
                .into_iter()
                .map(|f| (f.key, f.value))
                .collect::<Vec<_>>()
        }
    };

    // Two years: each year's distinct recipients; the years may overlap.
    let mut q = query(Indicator::Supported, Some(ct), "2022-01-01", "2024-12-31");
    q.by = vec![ReportDimension::Year];
    assert_eq!(
        series(q).await,
        [
            (vec![Some(2022)], 0.0),
            (vec![Some(2023)], 2.0),
            (vec![Some(2024)], 1.0)
        ]
    );

    // By quarter: the acceptance at 23:30 on 31 December is Q4 2023.
    let mut q = query(Indicator::Supported, Some(ct), "2023-10-01", "2024-03-31");
    q.by = vec![ReportDimension::Quarter];
    assert_eq!(
        series(q).await,
        [(vec![Some(20234)], 1.0), (vec![Some(20241)], 1.0)]
    );

    // Events by their day in Vietnam: the festival at midnight on 1
    // January (31 December in UTC) is 2024's.
    let mut q = query(Indicator::Events, Some(ct), "2023-01-01", "2024-12-31");
    q.by = vec![ReportDimension::Year];
    assert_eq!(
        series(q).await,
        [(vec![Some(2023)], 1.0), (vec![Some(2024)], 1.0)]
    );

    // A stock by year: what stood at each year's end.
    let mut q = query(Indicator::Organizations, None, "2021-01-01", "2023-12-31");
    q.by = vec![ReportDimension::Year];
    assert_eq!(
        series(q).await,
        [
            (vec![Some(2021)], 2.0),
            (vec![Some(2022)], 2.0),
            (vec![Some(2023)], 3.0)
        ]
    );

    // By sector: a startup of two sectors counts in each.
    let agritech = store
        .id_by_slug(Table::Sectors, "agritech")
        .await
        .unwrap()
        .unwrap();
    let ai = store
        .id_by_slug(Table::Sectors, "ai")
        .await
        .unwrap()
        .unwrap();
    let fintech = store
        .id_by_slug(Table::Sectors, "fintech")
        .await
        .unwrap()
        .unwrap();
    let mut q = query(Indicator::Supported, Some(ct), "2023-01-01", "2023-12-31");
    q.by = vec![ReportDimension::Sector];
    let mut got = series(q).await;
    got.sort_by(|a, b| a.0.cmp(&b.0));
    let mut want = vec![
        (vec![Some(agritech)], 1.0),
        (vec![Some(ai)], 1.0),
        (vec![Some(fintech)], 1.0),
    ];
    want.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(got, want);

    // By province and year.
    let mut q = query(Indicator::Supported, None, "2023-01-01", "2023-12-31");
    q.by = vec![ReportDimension::Province, ReportDimension::Year];
    let mut want = vec![
        (vec![Some(ct), Some(2023)], 2.0),
        (vec![Some(hp), Some(2023)], 1.0),
    ];
    want.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(series(q).await, want);
}

async fn the_records_behind_a_figure_are_listed(store: Store) {
    let (ct, _) = world(&store).await;
    let q = query(Indicator::Supported, Some(ct), "2023-01-01", "2023-12-31");
    let (list, total) = store.indicator_contributors(&q, 0, 10).await.unwrap();
    assert_eq!(total, 2);
    let lua = store
        .id_by_slug(Table::Startups, "lua-xanh")
        .await
        .unwrap()
        .unwrap();
    let got: Vec<_> = list
        .iter()
        .map(|c| (c.kind, c.id, c.name.as_str(), c.day, c.vnd, c.lines))
        .collect();
    assert_eq!(
        got[0],
        (
            ContributorKind::Startup,
            Some(lua),
            "Lúa Xanh",
            Some(day("2023-03-01")),
            Some(30_000_000.0),
            2
        )
    );
    assert_eq!(got[1].2, "Ví Mekong");
    assert_eq!(got[1].3, Some(day("2023-12-31")));
    // Paged.
    let (page, total) = store.indicator_contributors(&q, 1, 10).await.unwrap();
    assert_eq!((page.len(), total), (1, 2));
    assert_eq!(page[0].name, "Ví Mekong");

    // Trainees: each person once, with the classes they attended.
    let q = query(Indicator::Trainees, Some(ct), "2023-01-01", "2023-12-31");
    let (list, total) = store.indicator_contributors(&q, 0, 10).await.unwrap();
    assert_eq!(total, 3);
    let hoa = list
        .iter()
        .find(|c| c.name.starts_with("Ngu"))
        .expect("Hoa");
    assert_eq!((hoa.kind, hoa.lines), (ContributorKind::Person, 2));
}
