// Lists: filters, sorting and keyset pagination.
// (Part of the store's SQL: see `../sql.rs`.)

fn list_table(query: &ListQuery) -> &'static str {
    match query {
        ListQuery::Startups(_) => "startups",
        ListQuery::Investors(_) => "investors",
        ListQuery::Mentors(_) => "mentors",
        ListQuery::Organizations(_) => "organizations",
        ListQuery::Events(_) => "events",
        ListQuery::Programmes(_) => "programmes",
        ListQuery::Calls(_) => "calls",
        ListQuery::Support(_) => "support_records",
    }
}

fn nonempty<T>(list: &Option<Vec<T>>) -> Option<&Vec<T>> {
    list.as_ref().filter(|l| !l.is_empty())
}

fn mask_list<T: Vocabulary>(values: &[T]) -> i64 {
    model::mask_of(values)
}

fn push_sector_filter(
    b: &mut Builder<'_>,
    link: LinkTable,
    table: &str,
    keys: &Option<Vec<String>>,
) {
    if let Some(keys) = nonempty(keys) {
        b.push(format!(
            " and {table}.id in (select l.{owner} from {link} l join sectors s on s.id = l.sector_id where s.slug in ",
            owner = link.owner,
            link = link.table
        ));
        push_text_list(b, keys);
        b.push(")");
    }
}

fn push_province_filter(b: &mut Builder<'_>, column: &str, keys: &Option<Vec<String>>) {
    if let Some(keys) = nonempty(keys) {
        b.push(format!(
            " and {column} in (select id from provinces where slug in "
        ));
        push_text_list(b, keys);
        b.push(")");
    }
}

fn push_vocab_filter<T: Vocabulary>(b: &mut Builder<'_>, column: &str, values: &Option<Vec<T>>) {
    if let Some(values) = nonempty(values) {
        b.push(format!(" and {column} in "));
        push_text_list(b, values.iter().map(|v| v.as_str()));
    }
}

fn push_mask_filter<T: Vocabulary>(b: &mut Builder<'_>, column: &str, values: &Option<Vec<T>>) {
    if let Some(values) = nonempty(values) {
        b.push(format!(" and ({column} & "));
        b.push_bind(mask_list(values));
        b.push(") <> 0");
    }
}

fn push_filter(b: &mut Builder<'_>, query: &ListQuery) {
    b.push(" where 1 = 1");
    match query {
        ListQuery::Startups(f) => push_startup_filter(b, f),
        ListQuery::Investors(f) => push_investor_filter(b, f),
        ListQuery::Mentors(f) => push_mentor_filter(b, f),
        ListQuery::Organizations(f) => push_organization_filter(b, f),
        ListQuery::Events(f) => push_event_filter(b, f),
        ListQuery::Programmes(f) => push_programme_filter(b, f),
        ListQuery::Calls(f) => push_call_filter(b, f),
        ListQuery::Support(f) => push_support_filter(b, f),
    }
}

/// `and id in (...)`; an empty list matches nothing.
fn push_ids_filter(b: &mut Builder<'_>, table: &str, ids: &Option<Vec<i64>>) {
    match ids {
        None => {}
        Some(ids) if ids.is_empty() => {
            b.push(" and 1 = 0");
        }
        Some(ids) => {
            b.push(format!(" and {table}.id in "));
            push_id_list(b, ids);
        }
    }
}

fn push_startup_filter(b: &mut Builder<'_>, f: &StartupFilter) {
    push_ids_filter(b, "startups", &f.ids);
    push_sector_filter(b, STARTUP_SECTORS, "startups", &f.sectors);
    push_vocab_filter(b, "stage", &f.stages);
    push_province_filter(b, "province_id", &f.provinces);
    push_mask_filter(b, "tags", &f.tags);
    if let Some((eligible, as_of)) = f.eligible_for_support {
        let earliest = model::earliest_eligible_founding(as_of);
        if eligible {
            b.push(" and (founded_on is null or (founded_on >= ");
            b.push_bind(earliest);
            b.push(" and founded_on <= ");
            b.push_bind(as_of);
            b.push("))");
        } else {
            b.push(" and founded_on is not null and (founded_on < ");
            b.push_bind(earliest);
            b.push(" or founded_on > ");
            b.push_bind(as_of);
            b.push(")");
        }
    }
    if let Some(orgs) = nonempty(&f.organizations) {
        b.push(" and organization_id in ");
        push_id_list(b, orgs);
    }
}

fn push_investor_filter(b: &mut Builder<'_>, f: &InvestorFilter) {
    push_ids_filter(b, "investors", &f.ids);
    push_sector_filter(b, INVESTOR_SECTORS, "investors", &f.sectors);
    push_mask_filter(b, "stages", &f.stages);
    push_vocab_filter(b, "kind", &f.kinds);
    if let Some(keys) = nonempty(&f.provinces) {
        // An investor without provinces invests nationwide, so it matches too.
        b.push(
            " and (not exists (select 1 from investor_provinces ip where ip.investor_id = investors.id) \
             or investors.id in (select ip.investor_id from investor_provinces ip \
             join provinces p on p.id = ip.province_id where p.slug in ",
        );
        push_text_list(b, keys);
        b.push("))");
    }
    if let Some(active) = f.active {
        b.push(" and active = ");
        b.push_bind(active);
    }
}

fn push_mentor_filter(b: &mut Builder<'_>, f: &MentorFilter) {
    push_ids_filter(b, "mentors", &f.ids);
    push_sector_filter(b, MENTOR_SECTORS, "mentors", &f.sectors);
    push_mask_filter(b, "expertise", &f.expertise);
    push_province_filter(b, "province_id", &f.provinces);
    if let Some(langs) = nonempty(&f.languages) {
        b.push(" and mentors.id in (select mentor_id from mentor_languages where language in ");
        push_text_list(b, langs);
        b.push(")");
    }
}

fn push_organization_filter(b: &mut Builder<'_>, f: &OrganizationFilter) {
    push_ids_filter(b, "organizations", &f.ids);
    push_vocab_filter(b, "kind", &f.kinds);
    push_province_filter(b, "province_id", &f.provinces);
}

fn push_event_filter(b: &mut Builder<'_>, f: &EventFilter) {
    push_ids_filter(b, "events", &f.ids);
    push_vocab_filter(b, "kind", &f.kinds);
    push_province_filter(b, "province_id", &f.provinces);
    push_sector_filter(b, EVENT_SECTORS, "events", &f.sectors);
    if let Some(from) = f.from {
        b.push(" and coalesce(ends_at, starts_at) >= ");
        b.push_bind(from);
    }
    if let Some(to) = f.to {
        b.push(" and starts_at <= ");
        b.push_bind(to);
    }
    if let Some(orgs) = nonempty(&f.organizers) {
        b.push(" and organizer_id in ");
        push_id_list(b, orgs);
    }
}

fn push_programme_filter(b: &mut Builder<'_>, f: &ProgrammeFilter) {
    push_vocab_filter(b, "kind", &f.kinds);
    push_province_filter(b, "province_id", &f.provinces);
    push_sector_filter(b, PROGRAMME_SECTORS, "programmes", &f.sectors);
    push_mask_filter(b, "audience", &f.audience);
    if let Some(orgs) = nonempty(&f.organizations) {
        b.push(" and organization_id in ");
        push_id_list(b, orgs);
    }
}

/// A call that names no sectors (or provinces) takes any: it passes a
/// sector (or province) filter.
fn push_call_filter(b: &mut Builder<'_>, f: &CallFilter) {
    if let Some(at) = f.open_at {
        b.push(" and opens_at <= ");
        b.push_bind(at);
        b.push(" and closes_at > ");
        b.push_bind(at);
    }
    if let Some(programmes) = nonempty(&f.programmes) {
        b.push(" and programme_id in ");
        push_id_list(b, programmes);
    }
    for (link, keys) in [(CALL_SECTORS, &f.sectors), (CALL_PROVINCES, &f.provinces)] {
        let Some(keys) = nonempty(keys) else { continue };
        let target = if link.value == "sector_id" { "sectors" } else { "provinces" };
        b.push(format!(
            " and (not exists (select 1 from {link} l where l.call_id = calls.id) \
             or exists (select 1 from {link} l join {target} t on t.id = l.{value} \
             where l.call_id = calls.id and t.slug in ",
            link = link.table,
            value = link.value,
        ));
        push_text_list(b, keys);
        b.push("))");
    }
    if let Some(audience) = nonempty(&f.audience) {
        b.push(" and programme_id in (select id from programmes where (audience & ");
        b.push_bind(mask_list(audience));
        b.push(") <> 0)");
    }
}

fn push_support_filter(b: &mut Builder<'_>, f: &SupportFilter) {
    for (column, ids) in [
        ("startup_id", &f.startups),
        ("programme_id", &f.programmes),
        ("organization_id", &f.organizations),
    ] {
        if let Some(ids) = nonempty(ids) {
            b.push(format!(" and {column} in "));
            push_id_list(b, ids);
        }
    }
    push_vocab_filter(b, "kind", &f.kinds);
    if let Some(from) = f.from {
        b.push(" and given_on >= ");
        b.push_bind(from);
    }
    if let Some(to) = f.to {
        b.push(" and given_on <= ");
        b.push_bind(to);
    }
}

/// The SQL expression a list sorts by; never null.
fn sort_expr(column: SortColumn) -> &'static str {
    match (column, DIALECT) {
        (SortColumn::Name, _) => "sort_name",
        (SortColumn::CreatedAt, _) => "created_at",
        (SortColumn::StartsAt, _) => "starts_at",
        (SortColumn::ClosesAt, _) => "closes_at",
        (SortColumn::GivenOn, _) => "given_on",
        (SortColumn::FoundedOn, Dialect::Sqlite) => "coalesce(founded_on, '9999-12-31')",
        (SortColumn::FoundedOn, Dialect::Postgres) => "coalesce(founded_on, date '9999-12-31')",
    }
}

fn push_sort_value(b: &mut Builder<'_>, value: &SortValue) {
    match value.clone() {
        SortValue::Text(t) => b.push_bind(t),
        SortValue::Date(d) => b.push_bind(d),
        SortValue::Time(t) => b.push_bind(t),
    };
}

fn push_bound(b: &mut Builder<'_>, expr: &str, key: &SortKey, greater: bool) {
    b.push(format!(
        " and ({expr}, id) {} (",
        if greater { ">" } else { "<" }
    ));
    push_sort_value(b, &key.value);
    b.push(", ");
    b.push_bind(key.id);
    b.push(")");
}

pub async fn list_ids(
    pool: &Pool<DB>,
    query: &ListQuery,
    page: &PageQuery,
) -> Result<Page<SortKey>, StoreError> {
    let expr = sort_expr(page.column);
    let mut b = Builder::new(format!(
        "select id, {expr} as sort_value from {}",
        list_table(query)
    ));
    push_filter(&mut b, query);
    // "after" is further along the list's order; "before" is earlier.
    if let Some(after) = &page.after {
        push_bound(&mut b, expr, after, !page.descending);
    }
    if let Some(before) = &page.before {
        push_bound(&mut b, expr, before, page.descending);
    }
    // Reading from the end runs the order backwards, then flips the page.
    let backwards = page.descending != page.from_end;
    let dir = if backwards { "desc" } else { "asc" };
    b.push(format!(" order by {expr} {dir}, id {dir} limit "));
    b.push_bind((page.limit + 1) as i64);
    let mut keys: Vec<SortKey> = match page.column {
        SortColumn::Name => {
            let rows: Vec<(i64, String)> = b.build_query_as().fetch_all(pool).await?;
            rows.into_iter()
                .map(|(id, v)| SortKey {
                    column: page.column,
                    value: SortValue::Text(v),
                    id,
                })
                .collect()
        }
        SortColumn::FoundedOn | SortColumn::GivenOn => {
            let rows: Vec<(i64, chrono::NaiveDate)> = b.build_query_as().fetch_all(pool).await?;
            rows.into_iter()
                .map(|(id, v)| SortKey {
                    column: page.column,
                    value: SortValue::Date(v),
                    id,
                })
                .collect()
        }
        SortColumn::CreatedAt | SortColumn::StartsAt | SortColumn::ClosesAt => {
            let rows: Vec<(i64, chrono::DateTime<chrono::Utc>)> =
                b.build_query_as().fetch_all(pool).await?;
            rows.into_iter()
                .map(|(id, v)| SortKey {
                    column: page.column,
                    value: SortValue::Time(v),
                    id,
                })
                .collect()
        }
    };
    let has_more = keys.len() > page.limit;
    keys.truncate(page.limit);
    if page.from_end {
        keys.reverse();
    }
    Ok(Page {
        items: keys,
        has_more,
    })
}

pub async fn count(pool: &Pool<DB>, query: &ListQuery) -> Result<i64, StoreError> {
    let mut b = Builder::new(format!("select count(*) from {}", list_table(query)));
    push_filter(&mut b, query);
    Ok(b.build_query_scalar().fetch_one(pool).await?)
}
