//! The storage contract: the same tests on SQLite and on PostgreSQL, so the
//! two implementations cannot drift apart.

mod common;

use common::{SAMPLE, load_sample};
use ketnoi::model::ApplicationStatus::{self, *};
use ketnoi::store::{
    ApplicationMove, ApplicationRefusal, ListQuery, MentorshipRefusal, PageQuery, RecordSelect,
    SortColumn, StartupFilter, Store, StoreError, Table,
};
use ketnoi::transfer::{self, ImportError};

both_databases!(
    export_then_import_round_trips,
    importing_twice_changes_nothing,
    a_bad_line_aborts_the_whole_import,
    references_must_exist,
    the_last_duplicate_in_a_file_wins,
    a_key_repeated_far_apart_ends_as_its_last_line,
    keyset_pages_cover_the_list,
    deleting_cascades_to_links_and_investments,
    pruning_the_change_log_keeps_the_newest_and_stops_followers_behind,
    a_failed_first_import_leaves_the_tables_whole,
    a_bulk_import_restores_every_index_foreign_key_and_trigger,
    a_bulk_import_tells_every_follower_to_rebuild,
    a_large_first_import_stores_every_batch_exactly,
    an_application_moves_only_from_where_it_stands,
    mentorships_hold_to_the_cohort_and_the_mentors_places,
);

async fn export_text(store: &Store) -> String {
    let mut out = Vec::new();
    transfer::export(store, &mut out).await.expect("export");
    String::from_utf8(out).expect("UTF-8")
}

async fn export_then_import_round_trips(store: Store) {
    load_sample(&store).await;
    let first = export_text(&store).await;
    assert_eq!(
        first.lines().count(),
        SAMPLE.lines().count(),
        "every record is exported"
    );

    let other = common::sqlite().await;
    let counts = common::import(&other, first.clone())
        .await
        .expect("re-import");
    assert_eq!(counts.total(), SAMPLE.lines().count());
    let second = export_text(&other).await;
    assert_eq!(first, second, "import → export → import → export is stable");

    // The export holds what the sample said, field for field.
    let mut want: Vec<serde_json::Value> = SAMPLE
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut got: Vec<serde_json::Value> = first
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let key = |v: &serde_json::Value| v.to_string();
    want.sort_by_key(key);
    got.sort_by_key(key);
    // The sample omits empty defaults that export writes out, and sets of
    // vocabulary values come back in the vocabulary's order.
    let normalise = |values: &mut Vec<serde_json::Value>| {
        for v in values.iter_mut() {
            let obj = v.as_object_mut().unwrap();
            obj.retain(|_, val| !(val == &serde_json::json!("") || val == &serde_json::json!([])));
            for set in ["tags", "needs", "stages", "expertise"] {
                if let Some(serde_json::Value::Array(items)) = obj.get_mut(set) {
                    items.sort_by_key(|i| i.to_string());
                }
            }
        }
        values.sort_by_key(key);
    };
    normalise(&mut got);
    normalise(&mut want);
    assert_eq!(got, want);
}

async fn importing_twice_changes_nothing(store: Store) {
    load_sample(&store).await;
    let before = store
        .startup_drafts(RecordSelect::After {
            after: 0,
            limit: 100,
        })
        .await
        .unwrap();
    let id = store
        .id_by_slug(Table::Startups, "lua-xanh")
        .await
        .unwrap()
        .unwrap();
    let stamp = store.startups_by_ids(&[id]).await.unwrap()[0].updated_at;
    let counts = common::import(&store, SAMPLE).await.expect("second import");
    assert_eq!(counts.get("startup"), 3);
    let after = store
        .startup_drafts(RecordSelect::After {
            after: 0,
            limit: 100,
        })
        .await
        .unwrap();
    assert_eq!(before, after, "same rows, same ids");
    assert_eq!(
        store.startups_by_ids(&[id]).await.unwrap()[0].updated_at,
        stamp,
        "updated_at did not move"
    );
    assert_eq!(
        store.investments_by_startups(&[id]).await.unwrap().len(),
        1,
        "no duplicate investments"
    );

    // A real change moves updated_at.
    let changed = SAMPLE.replace("Cảm biến cho ruộng lúa", "Cảm biến mới");
    common::import(&store, changed).await.expect("third import");
    let s = &store.startups_by_ids(&[id]).await.unwrap()[0];
    assert_eq!(s.tagline, "Cảm biến mới");
    assert!(s.updated_at > stamp);
}

async fn a_bad_line_aborts_the_whole_import(store: Store) {
    load_sample(&store).await;
    let before = export_text(&store).await;
    let cases = [
        (
            r#"{"type":"startup","key":"x","name":"X","stage":"SEED","team_size":"seven"}"#,
            Some("team_size"),
            "invalid type",
        ),
        (
            r#"{"type":"startup","key":"x","name":"X","stage":"SEED","colour":"red"}"#,
            Some("colour"),
            "unknown field `colour`",
        ),
        (
            r#"{"type":"startup","key":"x","name":"X","stage":"LATE"}"#,
            Some("stage"),
            "LATE",
        ),
        (
            r#"{"type":"investor","key":"x","name":"X","kind":"ANGEL","ticket_min":{"amount":"9","currency":"VND"},"ticket_max":{"amount":"1","currency":"VND"}}"#,
            Some("ticket_min"),
            "ticket_max",
        ),
        (
            r#"{"type":"startup","key":"x","name":"","stage":"SEED"}"#,
            Some("name"),
            "empty",
        ),
        (
            r#"{"type":"startup","key":"Bad Key","name":"X","stage":"SEED"}"#,
            Some("key"),
            "lowercase",
        ),
        (
            r#"{"type":"startup","key":"x","name":"X","stage":"SEED","founded_on":"2999-01-01"}"#,
            Some("founded_on"),
            "future",
        ),
        // PostgreSQL cannot store U+0000; SQLite could, but both refuse it.
        (
            r#"{"type":"startup","key":"x","name":"X","stage":"SEED","description":"a\u0000b"}"#,
            Some("description"),
            "U+0000",
        ),
        (r#"{"type":"rocket","key":"x"}"#, Some("type"), "rocket"),
        (r#"{"type":"startup", "key": "x""#, None, "EOF"),
        (r#"not json at all"#, None, "expected"),
    ];
    for (bad, field, reason) in cases {
        // Good lines before and after the bad one must not be written either.
        let file = format!(
            "{}\n\n{bad}\n{}\n",
            r#"{"type":"startup","key":"good-1","name":"Good","stage":"IDEA"}"#,
            r#"{"type":"startup","key":"good-2","name":"Good","stage":"IDEA"}"#
        );
        let err = common::import(&store, file.clone()).await.expect_err(bad);
        let ImportError::Line {
            line,
            field: got_field,
            reason: got_reason,
        } = &err
        else {
            panic!("{bad}: want a line error, got {err}");
        };
        assert_eq!(*line, 3, "{bad}: the line number counts blank lines");
        assert_eq!(got_field.as_deref(), field, "{bad}: {err}");
        assert!(got_reason.contains(reason), "{bad}: {err}");
        assert!(err.to_string().starts_with("line 3: "), "{err}");
        assert_eq!(
            export_text(&store).await,
            before,
            "{bad}: nothing was written"
        );
    }
    let invalid_utf8 = b"{\"type\":\"sector\",\"key\":\"a\",\"name\":\"\xff\",\"name_en\":\"A\"}\n";
    let err = common::import(&store, &invalid_utf8[..])
        .await
        .expect_err("invalid UTF-8");
    assert!(err.to_string().contains("UTF-8"), "{err}");
}

async fn references_must_exist(store: Store) {
    load_sample(&store).await;
    let file = [
        r#"{"type":"startup","key":"new-one","name":"New","stage":"IDEA","sectors":["agritech"],"organization":"castihub"}"#,
        r#"{"type":"investment","investor":"mekong-ventures","startup":"new-one","amount":{"amount":"1","currency":"VND"},"round":"IDEA","date":"2025-01-01"}"#,
        r#"{"type":"startup","key":"broken","name":"B","stage":"IDEA","sectors":["agritech","quantum"]}"#,
    ]
    .join("\n");
    let err = common::import(&store, file.clone())
        .await
        .expect_err("unknown sector");
    assert_eq!(
        err.to_string(),
        "line 3: field `sectors`: there is no sector with key `quantum`"
    );
    assert_eq!(
        store.id_by_slug(Table::Startups, "new-one").await.unwrap(),
        None,
        "rolled back"
    );

    // References to data already in the database, and earlier in the file, resolve.
    let ok = file.lines().take(2).collect::<Vec<_>>().join("\n");
    let counts = common::import(&store, ok).await.expect("valid references");
    assert_eq!(counts.to_string(), "1 startup, 1 investment");
}

async fn the_last_duplicate_in_a_file_wins(store: Store) {
    let file = [
        r#"{"type":"startup","key":"twice","name":"First","stage":"IDEA"}"#,
        r#"{"type":"startup","key":"twice","name":"Second","stage":"MVP"}"#,
    ]
    .join("\n");
    common::import(&store, file.clone()).await.expect("import");
    let id = store
        .id_by_slug(Table::Startups, "twice")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        store.startups_by_ids(&[id]).await.unwrap()[0].name,
        "Second"
    );
}

/// Far apart, two lines of one key are written in different statements (on
/// PostgreSQL, the first into a bulk-loaded table): the second must still
/// replace the first, links included.
async fn a_key_repeated_far_apart_ends_as_its_last_line(store: Store) {
    let mut file = String::from(
        "{\"type\":\"sector\",\"key\":\"ai\",\"name\":\"AI\",\"name_en\":\"AI\"}\n\
         {\"type\":\"sector\",\"key\":\"fintech\",\"name\":\"Fintech\",\"name_en\":\"Fintech\"}\n\
         {\"type\":\"startup\",\"key\":\"far\",\"name\":\"First\",\"stage\":\"IDEA\",\"sectors\":[\"ai\"]}\n",
    );
    for i in 0..25_000 {
        file.push_str(&format!(
            "{{\"type\":\"startup\",\"key\":\"filler-{i}\",\"name\":\"Filler {i}\",\"stage\":\"IDEA\"}}\n"
        ));
    }
    file.push_str("{\"type\":\"startup\",\"key\":\"far\",\"name\":\"Second\",\"stage\":\"MVP\",\"sectors\":[\"fintech\"]}\n");
    common::import(&store, file).await.expect("import");
    let exported = export_text(&store).await;
    let far = exported
        .lines()
        .find(|l| l.contains("\"key\":\"far\""))
        .expect("exported");
    assert!(far.contains("\"name\":\"Second\""), "{far}");
    assert!(far.contains("\"sectors\":[\"fintech\"]"), "{far}");
}

async fn keyset_pages_cover_the_list(store: Store) {
    load_sample(&store).await;
    let query = ListQuery::Startups(StartupFilter::default());
    for (column, descending) in [
        (SortColumn::Name, false),
        (SortColumn::Name, true),
        (SortColumn::FoundedOn, false),
        (SortColumn::FoundedOn, true),
        (SortColumn::CreatedAt, false),
    ] {
        let mut seen = Vec::new();
        let mut after = None;
        loop {
            let page = PageQuery {
                column,
                descending,
                limit: 1,
                after: after.clone(),
                before: None,
                from_end: false,
            };
            let found = store.list_ids(&query, &page).await.expect("page");
            seen.extend(found.items.iter().map(|k| k.id));
            after = found.items.last().cloned();
            if !found.has_more {
                break;
            }
        }
        assert_eq!(seen.len(), 3, "{column:?} desc={descending}: {seen:?}");
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 3);
        if column == SortColumn::FoundedOn && !descending {
            let last = store
                .startups_by_ids(&[*seen.last().unwrap()])
                .await
                .unwrap();
            assert_eq!(
                last[0].founded_on, None,
                "projects without a founding date sort last"
            );
        }
    }
    assert_eq!(store.count(&query).await.unwrap(), 3);

    // Rows written at different times page by creation time without
    // repeats or gaps (the cursor keeps the stored precision).
    for n in 0..3 {
        let line =
            format!(r#"{{"type":"startup","key":"later-{n}","name":"Later {n}","stage":"IDEA"}}"#);
        common::import(&store, line).await.expect("import");
    }
    for descending in [false, true] {
        let mut seen = Vec::new();
        let mut after = None;
        loop {
            let page = PageQuery {
                column: SortColumn::CreatedAt,
                descending,
                limit: 2,
                after: after.clone(),
                before: None,
                from_end: false,
            };
            let found = store.list_ids(&query, &page).await.expect("page");
            seen.extend(found.items.iter().map(|k| k.id));
            after = found.items.last().cloned();
            if !found.has_more {
                break;
            }
            assert!(seen.len() <= 6, "pages repeat: {seen:?}");
        }
        let mut unique = seen.clone();
        unique.dedup();
        assert_eq!(
            (seen.len(), unique.len()),
            (6, 6),
            "desc={descending}: {seen:?}"
        );
        let later = store
            .id_by_slug(Table::Startups, "later-2")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            if descending { seen[0] } else { seen[5] },
            later,
            "the newest is last in ascending order"
        );
    }
}

async fn deleting_cascades_to_links_and_investments(store: Store) {
    load_sample(&store).await;
    let startup = store
        .id_by_slug(Table::Startups, "lua-xanh")
        .await
        .unwrap()
        .unwrap();
    let investor = store
        .id_by_slug(Table::Investors, "mekong-ventures")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        store
            .investments_by_investors(&[investor])
            .await
            .unwrap()
            .len(),
        2
    );
    assert!(store.delete(Table::Startups, startup).await.unwrap());
    assert!(
        !store.delete(Table::Startups, startup).await.unwrap(),
        "already gone"
    );
    assert_eq!(
        store
            .investments_by_investors(&[investor])
            .await
            .unwrap()
            .len(),
        1
    );

    let org = store
        .id_by_slug(Table::Organizations, "castihub")
        .await
        .unwrap()
        .unwrap();
    assert!(store.delete(Table::Organizations, org).await.unwrap());
    let event = store
        .id_by_slug(Table::Events, "techfest-hai-phong-2025")
        .await
        .unwrap()
        .unwrap();
    let e = &store.events_by_ids(&[event]).await.unwrap()[0];
    assert_eq!(e.organizer_id, None, "events outlive their organiser");
    assert_eq!(e.sector_ids.len(), 1);
}

async fn pruning_the_change_log_keeps_the_newest_and_stops_followers_behind(store: Store) {
    let start = store.change_log_head().await.expect("head");
    assert_eq!(
        store.change_log_pruned().await.expect("pruned"),
        Default::default()
    );
    load_sample(&store).await;
    // A bulk load logs no entries (see the next test): these do.
    common::import(&store, startups_file("later", 12))
        .await
        .expect("import");
    // On PostgreSQL, changes count once no older transaction runs (other
    // tests share the server): prune until some are gone.
    let waiting = std::time::Instant::now();
    let deleted = loop {
        let deleted = store.prune_change_log(5).await.expect("prune");
        if deleted > 0 {
            break deleted;
        }
        assert!(
            waiting.elapsed() < std::time::Duration::from_secs(10),
            "nothing was pruned"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    };
    let through = store.change_log_pruned().await.expect("pruned");
    assert!(
        through > start,
        "pruned through {through:?}, from {start:?}"
    );
    // A follower from before may have missed changes: it is told so.
    assert!(matches!(
        store.change_log_after(start, 1_000).await,
        Err(StoreError::ChangeLogPruned)
    ));
    // One from where the pruning stopped reads on: the newest five (at
    // least: more may have become readable since) and nothing deleted.
    let (kept, _) = store
        .change_log_after(through, 1_000)
        .await
        .expect("read on");
    assert!(kept.len() >= 5, "kept {}", kept.len());
    assert!(deleted >= 5, "the twelve later startups log twelve changes");
    // Keeping more than there are deletes nothing, and never moves back.
    assert_eq!(store.prune_change_log(1_000_000).await.expect("prune"), 0);
    assert_eq!(store.change_log_pruned().await.expect("pruned"), through);
}

/// A first import of many batches (on PostgreSQL each written while the
/// next is readied) stores exactly what SQLite stores, and a refused record
/// far into it names its own line and leaves nothing behind.
async fn a_large_first_import_stores_every_batch_exactly(store: Store) {
    let text = common::generated(5_000, 300, 300, 5);
    let mut lines: Vec<&str> = text.lines().collect();
    let bad_at = (4_000..lines.len())
        .find(|&i| lines[i].starts_with(r#"{"type":"startup""#))
        .expect("a startup far into the file");
    lines[bad_at] =
        r#"{"type":"startup","key":"late","name":"Late","stage":"SEED","founded_on":"2999-01-01"}"#;
    let err = common::import(&store, lines.join("\n"))
        .await
        .expect_err("a startup founded in the future");
    let ImportError::Line { line, field, .. } = &err else {
        panic!("want a line error, got {err}");
    };
    assert_eq!((*line, field.as_deref()), (bad_at + 1, Some("founded_on")));
    assert_eq!(
        export_text(&store).await,
        "",
        "nothing of the failed import is left"
    );

    common::import(&store, text.clone()).await.expect("import");
    let reference = common::sqlite().await;
    common::import(&reference, text)
        .await
        .expect("import into SQLite");
    let (got, want) = (export_text(&store).await, export_text(&reference).await);
    assert_eq!(got.lines().count(), want.lines().count());
    assert!(got == want, "the export differs from SQLite's");
}

/// Startups `{prefix}-0`, `{prefix}-1`, ... in the import format (of the
/// sample's sector `ai` and province `can-tho`).
fn startups_file(prefix: &str, n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                r#"{{"type":"startup","key":"{prefix}-{i}","name":"Startup {i}","sectors":["ai"],"stage":"IDEA","province":"can-tho"}}"#
            ) + "\n"
        })
        .collect()
}

/// A first import into empty tables logs no change per row: it marks the
/// change log pruned past every follower instead, so that search indexes
/// and matching engines rebuild from the tables. An import that writes to
/// no such table logs each change as ever, even while other tables are
/// still empty.
async fn a_bulk_import_tells_every_follower_to_rebuild(store: Store) {
    let before = store.change_log_head().await.expect("head");
    // Startups only: organisations, investors, mentors, events and
    // investments stay empty.
    let first = format!(
        "{}\n{}\n{}",
        r#"{"type":"sector","key":"ai","name":"Trí tuệ nhân tạo","name_en":"Artificial intelligence"}"#,
        r#"{"type":"province","key":"can-tho","name":"Cần Thơ","region":"Mekong Delta"}"#,
        startups_file("first", 2)
    );
    common::import(&store, first).await.expect("import");
    assert!(
        matches!(
            store.change_log_after(before, 1_000).await,
            Err(StoreError::ChangeLogPruned)
        ),
        "a follower from before the bulk load must rebuild"
    );
    // A follower that rebuilt after it starts from here and reads on.
    let rebuilt = store.change_log_position().await.expect("position");
    assert!(rebuilt >= store.change_log_pruned().await.expect("pruned"));
    common::import(&store, startups_file("later", 3))
        .await
        .expect("import");
    // On PostgreSQL a change counts once no older transaction runs (other
    // tests share the server): read until all three are there.
    let waiting = std::time::Instant::now();
    loop {
        let (changes, _) = store
            .change_log_after(rebuilt, 1_000)
            .await
            .expect("the later import leaves followers following");
        let startups = changes.iter().filter(|c| c.kind == "startup").count();
        if startups >= 3 {
            break;
        }
        assert!(
            waiting.elapsed() < std::time::Duration::from_secs(10),
            "the later import logged {startups} startups, not 3"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// A first import into empty tables loads them in bulk (their secondary
/// indexes, and on PostgreSQL their foreign keys, come back before the commit). When it
/// fails, nothing is left behind, and a later import keeps every rule.
async fn a_failed_first_import_leaves_the_tables_whole(store: Store) {
    let bad = format!(
        "{SAMPLE}{{\"type\":\"startup\",\"key\":\"x\",\"name\":\"\",\"stage\":\"SEED\"}}\n"
    );
    let err = common::import(&store, bad)
        .await
        .expect_err("the last line is bad");
    assert!(matches!(err, ImportError::Line { .. }), "{err}");
    assert_eq!(export_text(&store).await, "", "nothing was written");

    load_sample(&store).await;
    // The foreign keys hold: deleting a province clears the startups' link
    // to it, and deleting a startup takes its investments with it.
    let province = store
        .id_by_slug(Table::Provinces, "can-tho")
        .await
        .unwrap()
        .unwrap();
    let startup = store
        .id_by_slug(Table::Startups, "lua-xanh")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        store.startups_by_ids(&[startup]).await.unwrap()[0].province_id,
        Some(province)
    );
    assert!(store.delete(Table::Provinces, province).await.unwrap());
    assert_eq!(
        store.startups_by_ids(&[startup]).await.unwrap()[0].province_id,
        None
    );
    assert_eq!(
        store
            .investments_by_startups(&[startup])
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(store.delete(Table::Startups, startup).await.unwrap());
    assert!(
        store
            .investments_by_startups(&[startup])
            .await
            .unwrap()
            .is_empty()
    );
}

/// The schema's indexes, foreign keys and triggers, as the database prints
/// them (SQLite keeps foreign keys in the table definitions).
async fn schema_objects(store: &Store) -> Vec<String> {
    match store {
        Store::Postgres(pool) => sqlx::query_scalar(
            "select indexdef from pg_indexes where schemaname = current_schema() \
             union all \
             select format('%s %s %s validated=%s', conrelid::regclass, conname, pg_get_constraintdef(oid), convalidated) \
             from pg_constraint where contype = 'f' and connamespace = current_schema()::regnamespace \
             union all \
             select pg_get_triggerdef(t.oid) from pg_trigger t join pg_class c on c.oid = t.tgrelid \
             where not t.tgisinternal and c.relnamespace = current_schema()::regnamespace \
             order by 1",
        )
        .fetch_all(pool)
        .await
        .unwrap(),
        Store::Sqlite { read, .. } => sqlx::query_scalar(
            "select sql from sqlite_master where sql is not null order by 1",
        )
        .fetch_all(read)
        .await
        .unwrap(),
    }
}

/// A first import drops the secondary indexes, change-log triggers (and, on
/// PostgreSQL, the foreign keys) of the empty tables it fills; every one of
/// them must come back, validated, whether the import commits or fails.
async fn a_bulk_import_restores_every_index_foreign_key_and_trigger(store: Store) {
    let migrated = schema_objects(&store).await;
    for object in ["startups_sort_name_idx", "startups_search_insert"] {
        assert!(
            migrated.iter().any(|o| o.contains(object)),
            "{object}: {migrated:?}"
        );
    }
    assert!(
        migrated
            .iter()
            .any(|o| o.contains("startup_sectors_startup_id_fkey")
                || o.starts_with("CREATE TABLE startup_sectors")),
        "{migrated:?}"
    );

    let bad = format!("{SAMPLE}not json\n");
    common::import(&store, bad)
        .await
        .expect_err("the last line is bad");
    assert_eq!(
        schema_objects(&store).await,
        migrated,
        "after a failed import"
    );

    load_sample(&store).await;
    assert_eq!(schema_objects(&store).await, migrated, "after an import");
}

/// A call of the sample's programme with one place.
const ONE_PLACE: &str = r#"{"type":"call","key":"mot-cho","programme":"mekong-startup-runway-2026","title":"Một chỗ","opens_at":"2026-11-01T08:00:00+07:00","closes_at":"2026-12-31T17:00:00+07:00","places":1}"#;

async fn row(store: &Store, table: Table, key: &str) -> i64 {
    (store.id_by_slug(table, key).await.unwrap()).unwrap_or_else(|| panic!("{key}"))
}

fn at(hour: u32) -> chrono::DateTime<chrono::Utc> {
    use chrono::TimeZone;
    chrono::Utc
        .with_ymd_and_hms(2026, 12, 1, hour, 0, 0)
        .unwrap()
}

async fn move_one(
    store: &Store,
    application: &ketnoi::model::Application,
    from: ApplicationStatus,
    to: ApplicationStatus,
    hour: u32,
) -> Result<ketnoi::model::Application, ApplicationRefusal> {
    let m = ApplicationMove {
        id: application.id,
        call_id: application.call_id,
        from,
        to,
        actor: None,
        reason: Some("kiểm tra"),
        now: at(hour),
    };
    store.move_application(&m).await.unwrap()
}

async fn an_application_moves_only_from_where_it_stands(store: Store) {
    load_sample(&store).await;
    common::import(&store, ONE_PLACE).await.expect("call");
    let call = row(&store, Table::Calls, "mot-cho").await;
    let vi = row(&store, Table::Startups, "vi-mekong").await;
    let cang = row(&store, Table::Startups, "cang-so").await;
    let answers = vec!["Ví điện tử cho nông dân".to_string()];

    let a = store
        .create_application(call, vi, &answers, None, at(1))
        .await
        .unwrap()
        .expect("a draft");
    assert_eq!((a.status, a.answers.clone()), (Draft, answers.clone()));
    let again = store
        .create_application(call, vi, &answers, None, at(1))
        .await;
    assert_eq!(
        again.unwrap(),
        Err(ApplicationRefusal::AlreadyApplied(Draft))
    );

    let a = move_one(&store, &a, Draft, Submitted, 2)
        .await
        .expect("sent");
    assert_eq!(a.submitted_at, Some(at(2)));
    // Judged from a status it has left: refused, and told where it stands.
    let stale = move_one(&store, &a, Draft, Submitted, 3).await;
    assert_eq!(stale, Err(ApplicationRefusal::Stale(Submitted)));
    let a = move_one(&store, &a, Submitted, Screening, 3).await.unwrap();
    let a = move_one(&store, &a, Screening, Shortlisted, 4)
        .await
        .unwrap();
    let a = move_one(&store, &a, Shortlisted, Accepted, 5)
        .await
        .unwrap();
    assert_eq!(a.decided_at, Some(at(5)));

    // The one place is taken: the second acceptance is refused and the
    // application stays shortlisted.
    let b = store
        .create_application(call, cang, &answers, None, at(6))
        .await
        .unwrap()
        .unwrap();
    let mut b = b;
    for (from, to) in [
        (Draft, Submitted),
        (Submitted, Screening),
        (Screening, Shortlisted),
    ] {
        b = move_one(&store, &b, from, to, 7).await.unwrap();
    }
    let full = move_one(&store, &b, Shortlisted, Accepted, 8).await;
    assert_eq!(full, Err(ApplicationRefusal::Full(1)));
    let now = store.applications_by_ids(&[b.id]).await.unwrap();
    assert_eq!(now[0].status, Shortlisted);
    assert_eq!(now[0].decided_at, None);

    // The trail: every move, oldest first, with its reason; none for the
    // refused ones.
    let log = store.application_log(&[a.id]).await.unwrap();
    let steps: Vec<_> = log.iter().map(|e| (e.from, e.to, e.at)).collect();
    assert_eq!(
        steps,
        [
            (None, Draft, at(1)),
            (Some(Draft), Submitted, at(2)),
            (Some(Submitted), Screening, at(3)),
            (Some(Screening), Shortlisted, at(4)),
            (Some(Shortlisted), Accepted, at(5)),
        ]
    );
    assert_eq!(log[4].reason.as_deref(), Some("kiểm tra"));
    assert_eq!(store.application_log(&[b.id]).await.unwrap().len(), 4);
}

async fn mentorships_hold_to_the_cohort_and_the_mentors_places(store: Store) {
    load_sample(&store).await;
    let call = row(&store, Table::Calls, "mekong-startup-runway-2026-vong-1").await;
    let lua = row(&store, Table::Startups, "lua-xanh").await;
    let vi = row(&store, Table::Startups, "vi-mekong").await;
    let minh = row(&store, Table::Mentors, "le-van-minh").await;
    let lan = row(&store, Table::Mentors, "tran-thi-lan").await;
    let confirm = |pairs: Vec<(i64, i64)>| {
        let store = store.clone();
        async move {
            (store
                .confirm_mentorships(call, &pairs, None, "Cố vấn", at(9))
                .await)
                .unwrap()
        }
    };

    // Vi Mekong did not apply: outside the cohort, nothing is written.
    let refused = confirm(vec![(lua, lan), (vi, minh)]).await;
    assert_eq!(refused, Err(MentorshipRefusal::NotInCohort(vi)));
    assert_eq!(store.mentorships_of_calls(&[call]).await.unwrap(), []);

    assert_eq!(confirm(vec![(lua, minh), (lua, lan)]).await, Ok(2));
    // Confirming a pair again adds nothing.
    assert_eq!(confirm(vec![(lua, minh)]).await, Ok(0));
    let pairs: Vec<(i64, i64)> = (store.mentorships_of_calls(&[call]).await.unwrap())
        .iter()
        .map(|&(_, s, m, _)| (s, m))
        .collect();
    assert_eq!(pairs, [(lua, minh), (lua, lan)]);
    assert_eq!(store.mentorships_of_mentors(&[lan]).await.unwrap().len(), 1);

    // Lê Văn Minh mentors two startups at most: with one already, a
    // cohort of two more is one too many.
    common::import(&store, ONE_PLACE.replace("\"places\":1", "\"places\":5"))
        .await
        .expect("call");
    let second = row(&store, Table::Calls, "mot-cho").await;
    let mut cohort = Vec::new();
    for startup in [vi, row(&store, Table::Startups, "cang-so").await] {
        let mut a = (store
            .create_application(second, startup, &[], None, at(1))
            .await)
            .unwrap()
            .unwrap();
        for (from, to) in [
            (Draft, Submitted),
            (Submitted, Screening),
            (Screening, Shortlisted),
            (Shortlisted, Accepted),
        ] {
            a = move_one(&store, &a, from, to, 2).await.unwrap();
        }
        cohort.push((startup, minh));
    }
    let full = store
        .confirm_mentorships(second, &cohort, None, "Cố vấn", at(10))
        .await
        .unwrap();
    assert_eq!(
        full,
        Err(MentorshipRefusal::Full {
            mentor: minh,
            capacity: 2
        })
    );
    assert_eq!(store.mentorships_of_calls(&[second]).await.unwrap(), []);
    let one = store
        .confirm_mentorships(second, &cohort[..1], None, "Cố vấn", at(10))
        .await
        .unwrap();
    assert_eq!(one, Ok(1));
}
