//! From drafts to rows: a draft, checked by its own rules and with its
//! references resolved, turned into the column values of its table (and its
//! link tables), with the write specs of each table. Nothing here runs SQL,
//! so it is shared by both databases.

use chrono::{NaiveDate, Utc};

use super::{StoreError, Table, Value};
use crate::model::text::nfc;
use crate::model::{self, Checker, Field, FieldError, FieldErrorCode, Money, Vocabulary, mask_of};
use crate::model::{ApplicationDraft, AttendanceDraft, ClassDraft};
use crate::model::{
    CallDraft, EventDraft, InvestmentDraft, InvestorDraft, MentorDraft, OrganizationDraft,
    ProgrammeDraft, ProvinceDraft, SectorDraft, StartupDraft, SupportDraft,
};

/// A link table: rows `(owner, value, position)` that hold an ordered set.
#[derive(Debug, Clone, Copy)]
pub struct LinkTable {
    pub table: &'static str,
    pub owner: &'static str,
    pub value: &'static str,
}

const fn link(table: &'static str, owner: &'static str, value: &'static str) -> LinkTable {
    LinkTable {
        table,
        owner,
        value,
    }
}

pub const STARTUP_SECTORS: LinkTable = link("startup_sectors", "startup_id", "sector_id");
pub const INVESTOR_SECTORS: LinkTable = link("investor_sectors", "investor_id", "sector_id");
pub const INVESTOR_PROVINCES: LinkTable = link("investor_provinces", "investor_id", "province_id");
pub const MENTOR_SECTORS: LinkTable = link("mentor_sectors", "mentor_id", "sector_id");
pub const MENTOR_LANGUAGES: LinkTable = link("mentor_languages", "mentor_id", "language");
pub const EVENT_SECTORS: LinkTable = link("event_sectors", "event_id", "sector_id");
pub const PROGRAMME_SECTORS: LinkTable = link("programme_sectors", "programme_id", "sector_id");
pub const CALL_SECTORS: LinkTable = link("call_sectors", "call_id", "sector_id");
pub const CALL_PROVINCES: LinkTable = link("call_provinces", "call_id", "province_id");

/// How one kind of record is written.
#[derive(Debug)]
pub struct WriteSpec {
    pub table: &'static str,
    /// Columns written from the record, in the order of [`RowWrite::values`].
    /// `created_at` and `updated_at` follow them.
    pub columns: &'static [&'static str],
    /// The natural key that an upsert conflicts on.
    pub conflict: &'static str,
    /// Whether rows have a slug (returned to map ids).
    pub has_slug: bool,
    /// Whether rows carry timestamps.
    pub timestamps: bool,
    pub links: &'static [LinkTable],
}

pub const SECTOR_SPEC: WriteSpec = WriteSpec {
    table: "sectors",
    columns: &["slug", "name", "name_en"],
    conflict: "slug",
    has_slug: true,
    timestamps: false,
    links: &[],
};

pub const PROVINCE_SPEC: WriteSpec = WriteSpec {
    table: "provinces",
    columns: &["slug", "name", "region"],
    conflict: "slug",
    has_slug: true,
    timestamps: false,
    links: &[],
};

pub const ORGANIZATION_SPEC: WriteSpec = WriteSpec {
    table: "organizations",
    columns: &[
        "slug",
        "name",
        "sort_name",
        "kind",
        "province_id",
        "description",
        "website",
        "email",
        "phone",
        "established_on",
    ],
    conflict: "slug",
    has_slug: true,
    timestamps: true,
    links: &[],
};

pub const STARTUP_SPEC: WriteSpec = WriteSpec {
    table: "startups",
    columns: &[
        "slug",
        "name",
        "sort_name",
        "tagline",
        "description",
        "stage",
        "province_id",
        "organization_id",
        "founded_on",
        "team_size",
        "tags",
        "needs",
        "seeking_amount",
        "seeking_currency",
        "website",
        "email",
        "phone",
    ],
    conflict: "slug",
    has_slug: true,
    timestamps: true,
    links: &[STARTUP_SECTORS],
};

pub const INVESTOR_SPEC: WriteSpec = WriteSpec {
    table: "investors",
    columns: &[
        "slug",
        "name",
        "sort_name",
        "kind",
        "thesis",
        "stages",
        "ticket_min_amount",
        "ticket_min_currency",
        "ticket_max_amount",
        "ticket_max_currency",
        "active",
        "website",
        "email",
        "phone",
    ],
    conflict: "slug",
    has_slug: true,
    timestamps: true,
    links: &[INVESTOR_SECTORS, INVESTOR_PROVINCES],
};

pub const MENTOR_SPEC: WriteSpec = WriteSpec {
    table: "mentors",
    columns: &[
        "slug",
        "name",
        "sort_name",
        "headline",
        "bio",
        "expertise",
        "province_id",
        "capacity",
        "website",
        "email",
        "phone",
    ],
    conflict: "slug",
    has_slug: true,
    timestamps: true,
    links: &[MENTOR_SECTORS, MENTOR_LANGUAGES],
};

pub const EVENT_SPEC: WriteSpec = WriteSpec {
    table: "events",
    columns: &[
        "slug",
        "title",
        "sort_name",
        "kind",
        "description",
        "starts_at",
        "ends_at",
        "province_id",
        "organizer_id",
        "website",
        "scope",
    ],
    conflict: "slug",
    has_slug: true,
    timestamps: true,
    links: &[EVENT_SECTORS],
};

pub const PROGRAMME_SPEC: WriteSpec = WriteSpec {
    table: "programmes",
    columns: &[
        "slug",
        "name",
        "sort_name",
        "kind",
        "organization_id",
        "province_id",
        "starts_on",
        "ends_on",
        "capacity",
        "budget_vnd",
        "budget_source",
        "topics",
        "audience",
        "description",
        "description_en",
        "website",
    ],
    conflict: "slug",
    has_slug: true,
    timestamps: true,
    links: &[PROGRAMME_SECTORS],
};

pub const CALL_SPEC: WriteSpec = WriteSpec {
    table: "calls",
    columns: &[
        "slug",
        "programme_id",
        "title",
        "sort_name",
        "opens_at",
        "closes_at",
        "places",
        "questions",
        "criteria",
        "max_years",
        "stages",
        "tags",
    ],
    conflict: "slug",
    has_slug: true,
    timestamps: true,
    links: &[CALL_SECTORS, CALL_PROVINCES],
};

pub const PLAN_SPEC: WriteSpec = WriteSpec {
    table: "plans",
    columns: &[
        "slug",
        "title",
        "sort_name",
        "title_en",
        "province_id",
        "starts_on",
        "ends_on",
        "basis",
        "basis_on",
        "targets",
    ],
    conflict: "slug",
    has_slug: true,
    timestamps: true,
    links: &[],
};

pub const SUPPORT_SPEC: WriteSpec = WriteSpec {
    table: "support_records",
    columns: &[
        "slug",
        "startup_id",
        "recipient",
        "programme_id",
        "organization_id",
        "kind",
        "value_vnd",
        "budget_source",
        "given_on",
        "note",
        "origin",
    ],
    conflict: "slug",
    has_slug: true,
    timestamps: true,
    links: &[],
};

pub const APPLICATION_SPEC: WriteSpec = WriteSpec {
    table: "applications",
    columns: &[
        "call_id",
        "startup_id",
        "status",
        "answers",
        "submitted_at",
        "decided_at",
    ],
    conflict: "call_id, startup_id",
    has_slug: false,
    timestamps: true,
    links: &[],
};

pub const CLASS_SPEC: WriteSpec = WriteSpec {
    table: "training_classes",
    columns: &[
        "slug",
        "programme_id",
        "title",
        "held_on",
        "province_id",
        "hours",
        "trainer",
    ],
    conflict: "slug",
    has_slug: true,
    timestamps: true,
    links: &[],
};

pub const ATTENDANCE_SPEC: WriteSpec = WriteSpec {
    table: "attendance",
    columns: &[
        "class_id",
        "person",
        "person_key",
        "organization",
        "organization_key",
        "gender",
        "audience",
        "startup_id",
    ],
    conflict: "class_id, person_key",
    has_slug: false,
    timestamps: false,
    links: &[],
};

pub const INVESTMENT_SPEC: WriteSpec = WriteSpec {
    table: "investments",
    columns: &[
        "investor_id",
        "startup_id",
        "amount",
        "currency",
        "round",
        "invested_on",
        "confidential",
    ],
    conflict: "investor_id, startup_id, round, invested_on",
    has_slug: false,
    timestamps: false,
    links: &[],
};

/// One row to write: its slug (if any), column values and link values.
#[derive(Debug, Clone)]
pub struct RowWrite {
    pub slug: Option<String>,
    pub values: Vec<Value>,
    /// One list per link table of the spec.
    pub links: Vec<Vec<Value>>,
}

/// A text column's value, composed (NFC): text is stored one way however
/// it arrived.
pub(super) fn text(s: &str) -> Value {
    Value::Text(Some(nfc(s).into_owned()))
}

pub(super) fn opt_text(s: &Option<String>) -> Value {
    Value::Text(s.as_deref().map(|s| nfc(s).into_owned()))
}

pub(super) fn money_values(m: &Option<Money>) -> [Value; 2] {
    [
        Value::Int(m.map(|m| m.amount)),
        Value::Text(m.map(|m| m.currency.as_str().to_string())),
    ]
}

/// Resolves references by key, after the cache has been filled.
pub trait Lookup {
    fn id(&self, table: Table, key: &str) -> Option<i64>;
    /// The day drafts are checked on.
    fn today(&self) -> NaiveDate;
}

impl Lookup for super::RefCache {
    fn id(&self, table: Table, key: &str) -> Option<i64> {
        self.get(table, key)
    }

    fn today(&self) -> NaiveDate {
        super::RefCache::today(self)
    }
}

/// Collects reference errors for one record.
pub(super) struct Refs<'a> {
    pub(super) lookup: &'a dyn Lookup,
    pub(super) checker: Checker,
}

impl Refs<'_> {
    pub(super) fn one(&mut self, field: Field, table: Table, key: &Option<String>) -> Value {
        match key {
            None => Value::Int(None),
            Some(k) => match self.lookup.id(table, k) {
                Some(id) => Value::Int(Some(id)),
                None => {
                    self.unknown(field, table, k);
                    Value::Int(None)
                }
            },
        }
    }

    pub(super) fn required(&mut self, field: Field, table: Table, key: &str) -> Value {
        self.one(field, table, &Some(key.to_string()))
    }

    pub(super) fn many(&mut self, field: Field, table: Table, keys: &[String]) -> Vec<Value> {
        let mut seen = std::collections::HashSet::new();
        keys.iter()
            .filter(|k| seen.insert(k.as_str()))
            .filter_map(|k| match self.lookup.id(table, k) {
                Some(id) => Some(Value::Int(Some(id))),
                None => {
                    self.unknown(field, table, k);
                    None
                }
            })
            .collect()
    }

    pub(super) fn unknown(&mut self, field: Field, table: Table, key: &str) {
        let what = match table {
            Table::Sectors => "sector",
            Table::Provinces => "province",
            Table::Organizations => "organization",
            Table::Startups => "startup",
            Table::Investors => "investor",
            Table::Mentors => "mentor",
            Table::Events => "event",
            Table::Programmes => "programme",
            Table::Calls => "call",
            Table::Support => "support record",
            Table::Classes => "training class",
            Table::Plans => "plan",
        };
        self.checker.push(
            field,
            FieldErrorCode::UnknownReference,
            format!("there is no {what} with key `{key}`"),
        );
    }

    /// The draft's problems and its unknown references, if any.
    pub(super) fn finish(self) -> Result<(), Vec<FieldError>> {
        self.checker.finish()
    }
}

/// Keys a record refers to, by table: what the writer must resolve first.
pub fn references(batch: &super::Batch) -> Vec<(Table, &str)> {
    use super::Batch;
    let mut out: Vec<(Table, &str)> = Vec::new();
    match batch {
        Batch::Sectors(_) | Batch::Provinces(_) => {}
        Batch::Organizations(rs) => {
            out.extend(
                rs.iter()
                    .filter_map(|r| r.province.as_deref())
                    .map(|k| (Table::Provinces, k)),
            );
        }
        Batch::Startups(rs) => {
            for r in rs {
                out.extend(r.sectors.iter().map(|k| (Table::Sectors, k.as_str())));
                out.extend(r.province.as_deref().map(|k| (Table::Provinces, k)));
                out.extend(r.organization.as_deref().map(|k| (Table::Organizations, k)));
            }
        }
        Batch::Investors(rs) => {
            for r in rs {
                out.extend(r.sectors.iter().map(|k| (Table::Sectors, k.as_str())));
                out.extend(r.provinces.iter().map(|k| (Table::Provinces, k.as_str())));
            }
        }
        Batch::Mentors(rs) => {
            for r in rs {
                out.extend(r.sectors.iter().map(|k| (Table::Sectors, k.as_str())));
                out.extend(r.province.as_deref().map(|k| (Table::Provinces, k)));
            }
        }
        Batch::Events(rs) => {
            for r in rs {
                out.extend(r.sectors.iter().map(|k| (Table::Sectors, k.as_str())));
                out.extend(r.province.as_deref().map(|k| (Table::Provinces, k)));
                out.extend(r.organizer.as_deref().map(|k| (Table::Organizations, k)));
            }
        }
        Batch::Programmes(rs) => {
            for r in rs {
                out.extend(r.sectors.iter().map(|k| (Table::Sectors, k.as_str())));
                out.extend(r.province.as_deref().map(|k| (Table::Provinces, k)));
                out.extend(r.organization.as_deref().map(|k| (Table::Organizations, k)));
            }
        }
        Batch::Applications(rs) => {
            for r in rs {
                out.push((Table::Calls, r.call.as_str()));
                out.push((Table::Startups, r.startup.as_str()));
            }
        }
        Batch::Classes(rs) => {
            for r in rs {
                out.push((Table::Programmes, r.programme.as_str()));
                out.extend(r.province.as_deref().map(|k| (Table::Provinces, k)));
            }
        }
        Batch::Attendance(rs) => {
            for r in rs {
                out.push((Table::Classes, r.class.as_str()));
                out.extend(r.startup.as_deref().map(|k| (Table::Startups, k)));
            }
        }
        Batch::Support(rs) => {
            for r in rs {
                out.extend(r.startup.as_deref().map(|k| (Table::Startups, k)));
                out.extend(r.programme.as_deref().map(|k| (Table::Programmes, k)));
                out.extend(r.organization.as_deref().map(|k| (Table::Organizations, k)));
            }
        }
        Batch::Calls(rs) => {
            for r in rs {
                out.push((Table::Programmes, r.programme.as_str()));
                out.extend(r.rules.sectors.iter().map(|k| (Table::Sectors, k.as_str())));
                out.extend(
                    r.rules
                        .provinces
                        .iter()
                        .map(|k| (Table::Provinces, k.as_str())),
                );
            }
        }
        Batch::Investments(rs) => {
            for r in rs {
                out.push((Table::Investors, r.investor.as_str()));
                out.push((Table::Startups, r.startup.as_str()));
            }
        }
        Batch::Plans(rs) => {
            for r in rs {
                out.extend(r.province.as_deref().map(|k| (Table::Provinces, k)));
                for t in &r.targets {
                    out.extend(
                        t.filter
                            .sectors
                            .iter()
                            .map(|k| (Table::Sectors, k.as_str())),
                    );
                }
            }
        }
    }
    out
}

/// The spec and rows of a batch, validated and with references resolved;
/// the first invalid record stops it, with its index in the batch.
pub fn rows_of(
    batch: &super::Batch,
    lookup: &dyn Lookup,
) -> Result<(&'static WriteSpec, Vec<RowWrite>), StoreError> {
    use super::Batch;
    fn collect<R>(
        records: &[R],
        spec: &'static WriteSpec,
        mut row: impl FnMut(&R) -> Result<RowWrite, Vec<FieldError>>,
    ) -> Result<(&'static WriteSpec, Vec<RowWrite>), StoreError> {
        let mut rows = Vec::with_capacity(records.len());
        for (index, r) in records.iter().enumerate() {
            rows.push(row(r).map_err(|errors| StoreError::Invalid { index, errors })?);
        }
        Ok((spec, rows))
    }
    match batch {
        Batch::Sectors(rs) => collect(rs, &SECTOR_SPEC, sector_row),
        Batch::Provinces(rs) => collect(rs, &PROVINCE_SPEC, province_row),
        Batch::Organizations(rs) => {
            collect(rs, &ORGANIZATION_SPEC, |r| organization_row(r, lookup))
        }
        Batch::Startups(rs) => collect(rs, &STARTUP_SPEC, |r| {
            startup_row(r, lookup, lookup.today())
        }),
        Batch::Investors(rs) => collect(rs, &INVESTOR_SPEC, |r| investor_row(r, lookup)),
        Batch::Mentors(rs) => collect(rs, &MENTOR_SPEC, |r| mentor_row(r, lookup)),
        Batch::Events(rs) => collect(rs, &EVENT_SPEC, |r| event_row(r, lookup)),
        Batch::Programmes(rs) => collect(rs, &PROGRAMME_SPEC, |r| programme_row(r, lookup)),
        Batch::Calls(rs) => collect(rs, &CALL_SPEC, |r| call_row(r, lookup)),
        Batch::Plans(rs) => collect(rs, &PLAN_SPEC, |r| plan_row(r, lookup)),
        Batch::Support(rs) => collect(rs, &SUPPORT_SPEC, |r| support_row(r, lookup)),
        Batch::Applications(rs) => collect(rs, &APPLICATION_SPEC, |r| application_row(r, lookup)),
        Batch::Classes(rs) => collect(rs, &CLASS_SPEC, |r| class_row(r, lookup)),
        Batch::Attendance(rs) => collect(rs, &ATTENDANCE_SPEC, |r| attendance_row(r, lookup)),
        Batch::Investments(rs) => collect(rs, &INVESTMENT_SPEC, |r| {
            investment_row(r, lookup, lookup.today())
        }),
    }
}

pub(super) fn plain(slug: &str, values: Vec<Value>) -> RowWrite {
    RowWrite {
        slug: Some(slug.to_string()),
        values,
        links: vec![],
    }
}

pub(super) fn sector_row(r: &SectorDraft) -> Result<RowWrite, Vec<FieldError>> {
    r.check()?;
    Ok(plain(
        &r.slug,
        vec![text(&r.slug), text(r.name.trim()), text(r.name_en.trim())],
    ))
}

pub(super) fn province_row(r: &ProvinceDraft) -> Result<RowWrite, Vec<FieldError>> {
    r.check()?;
    Ok(plain(
        &r.slug,
        vec![text(&r.slug), text(r.name.trim()), text(r.region.trim())],
    ))
}

/// Resolves a draft's references after checking it: its own problems and
/// the unknown references together.
fn refs(lookup: &dyn Lookup, checked: Result<(), Vec<FieldError>>) -> Refs<'_> {
    Refs {
        lookup,
        checker: Checker {
            errors: checked.err().unwrap_or_default(),
        },
    }
}

pub(super) fn organization_row(
    r: &OrganizationDraft,
    lookup: &dyn Lookup,
) -> Result<RowWrite, Vec<FieldError>> {
    let mut refs = refs(lookup, r.check());
    let province = refs.one(Field::Province, Table::Provinces, &r.province);
    refs.finish()?;
    Ok(plain(
        &r.slug,
        vec![
            text(&r.slug),
            text(r.name.trim()),
            text(&model::sort_key(r.name.trim())),
            text(r.kind.as_str()),
            province,
            text(&r.description),
            opt_text(&r.website),
            opt_text(&r.email),
            opt_text(&r.phone),
            Value::Date(r.established_on),
        ],
    ))
}

pub(super) fn startup_row(
    r: &StartupDraft,
    lookup: &dyn Lookup,
    today: NaiveDate,
) -> Result<RowWrite, Vec<FieldError>> {
    let mut refs = refs(lookup, r.check(today));
    let province = refs.one(Field::Province, Table::Provinces, &r.province);
    let organization = refs.one(Field::Organization, Table::Organizations, &r.organization);
    let sectors = refs.many(Field::Sectors, Table::Sectors, &r.sectors);
    refs.finish()?;
    let [seeking_amount, seeking_currency] = money_values(&r.seeking);
    Ok(RowWrite {
        slug: Some(r.slug.clone()),
        values: vec![
            text(&r.slug),
            text(r.name.trim()),
            text(&model::sort_key(r.name.trim())),
            text(&r.tagline),
            text(&r.description),
            text(r.stage.as_str()),
            province,
            organization,
            Value::Date(r.founded_on),
            Value::Int32(r.team_size),
            Value::Int(Some(mask_of(&r.tags))),
            Value::Int(Some(mask_of(&r.needs))),
            seeking_amount,
            seeking_currency,
            opt_text(&r.website),
            opt_text(&r.email),
            opt_text(&r.phone),
        ],
        links: vec![sectors],
    })
}

pub(super) fn investor_row(
    r: &InvestorDraft,
    lookup: &dyn Lookup,
) -> Result<RowWrite, Vec<FieldError>> {
    let mut refs = refs(lookup, r.check());
    let sectors = refs.many(Field::Sectors, Table::Sectors, &r.sectors);
    let provinces = refs.many(Field::Provinces, Table::Provinces, &r.provinces);
    refs.finish()?;
    let [min_amount, min_currency] = money_values(&r.ticket_min);
    let [max_amount, max_currency] = money_values(&r.ticket_max);
    Ok(RowWrite {
        slug: Some(r.slug.clone()),
        values: vec![
            text(&r.slug),
            text(r.name.trim()),
            text(&model::sort_key(r.name.trim())),
            text(r.kind.as_str()),
            text(&r.thesis),
            Value::Int(Some(mask_of(&r.stages))),
            min_amount,
            min_currency,
            max_amount,
            max_currency,
            Value::Bool(r.active),
            opt_text(&r.website),
            opt_text(&r.email),
            opt_text(&r.phone),
        ],
        links: vec![sectors, provinces],
    })
}

pub(super) fn mentor_row(
    r: &MentorDraft,
    lookup: &dyn Lookup,
) -> Result<RowWrite, Vec<FieldError>> {
    let mut refs = refs(lookup, r.check());
    let province = refs.one(Field::Province, Table::Provinces, &r.province);
    let sectors = refs.many(Field::Sectors, Table::Sectors, &r.sectors);
    refs.finish()?;
    let mut languages = Vec::new();
    for lang in &r.languages {
        if !languages.contains(&text(lang)) {
            languages.push(text(lang));
        }
    }
    Ok(RowWrite {
        slug: Some(r.slug.clone()),
        values: vec![
            text(&r.slug),
            text(r.name.trim()),
            text(&model::sort_key(r.name.trim())),
            text(&r.headline),
            text(&r.bio),
            Value::Int(Some(mask_of(&r.expertise))),
            province,
            Value::Int32(Some(r.capacity)),
            opt_text(&r.website),
            opt_text(&r.email),
            opt_text(&r.phone),
        ],
        links: vec![sectors, languages],
    })
}

pub(super) fn event_row(r: &EventDraft, lookup: &dyn Lookup) -> Result<RowWrite, Vec<FieldError>> {
    let mut refs = refs(lookup, r.check());
    let province = refs.one(Field::Province, Table::Provinces, &r.province);
    let organizer = refs.one(Field::Organizer, Table::Organizations, &r.organizer);
    let sectors = refs.many(Field::Sectors, Table::Sectors, &r.sectors);
    refs.finish()?;
    Ok(RowWrite {
        slug: Some(r.slug.clone()),
        values: vec![
            text(&r.slug),
            text(r.title.trim()),
            text(&model::sort_key(r.title.trim())),
            text(r.kind.as_str()),
            text(&r.description),
            Value::Time(Some(r.starts_at.with_timezone(&Utc))),
            Value::Time(r.ends_at.map(|t| t.with_timezone(&Utc))),
            province,
            organizer,
            opt_text(&r.website),
            text(r.scope.as_str()),
        ],
        links: vec![sectors],
    })
}

pub(super) fn programme_row(
    r: &ProgrammeDraft,
    lookup: &dyn Lookup,
) -> Result<RowWrite, Vec<FieldError>> {
    let mut refs = refs(lookup, r.check());
    let organization = refs.one(Field::Organization, Table::Organizations, &r.organization);
    let province = refs.one(Field::Province, Table::Provinces, &r.province);
    let sectors = refs.many(Field::Sectors, Table::Sectors, &r.sectors);
    refs.finish()?;
    Ok(RowWrite {
        slug: Some(r.slug.clone()),
        values: vec![
            text(&r.slug),
            text(r.name.trim()),
            text(&model::sort_key(r.name.trim())),
            text(r.kind.as_str()),
            organization,
            province,
            Value::Date(r.starts_on),
            Value::Date(r.ends_on),
            Value::Int32(r.capacity),
            Value::Int(r.budget_vnd),
            Value::Text(r.budget_source.map(|s| s.as_str().to_string())),
            Value::Int(Some(mask_of(&r.topics))),
            Value::Int(Some(mask_of(&r.audience))),
            text(&r.description),
            text(&r.description_en),
            opt_text(&r.website),
        ],
        links: vec![sectors],
    })
}

pub(super) fn plan_row(
    r: &model::PlanDraft,
    lookup: &dyn Lookup,
) -> Result<RowWrite, Vec<FieldError>> {
    let mut refs = refs(lookup, r.check());
    let province = refs.one(Field::Province, Table::Provinces, &r.province);
    let sectors: Vec<String> = (r.targets.iter())
        .flat_map(|t| t.filter.sectors.iter().cloned())
        .collect();
    refs.many(Field::Targets, Table::Sectors, &sectors);
    refs.finish()?;
    let targets: Vec<model::TargetDraft> = (r.targets.iter())
        .map(|t| model::TargetDraft {
            label: nfc(t.label.trim()).into_owned(),
            label_en: t.label_en.trim().to_string(),
            unit: nfc(t.unit.trim()).into_owned(),
            agency: nfc(t.agency.trim()).into_owned(),
            ..t.clone()
        })
        .collect();
    Ok(plain(
        &r.slug,
        vec![
            text(&r.slug),
            text(&nfc(r.title.trim())),
            text(&model::sort_key(r.title.trim())),
            text(r.title_en.trim()),
            province,
            Value::Date(Some(r.starts_on)),
            Value::Date(Some(r.ends_on)),
            text(&nfc(r.basis.trim())),
            Value::Date(r.basis_on),
            Value::Text(Some(
                serde_json::to_string(&targets).expect("BUG: targets serialize"),
            )),
        ],
    ))
}

pub(super) fn call_row(r: &CallDraft, lookup: &dyn Lookup) -> Result<RowWrite, Vec<FieldError>> {
    let mut refs = refs(lookup, r.check());
    let programme = refs.required(Field::Programme, Table::Programmes, &r.programme);
    let sectors = refs.many(Field::Sectors, Table::Sectors, &r.rules.sectors);
    let provinces = refs.many(Field::Provinces, Table::Provinces, &r.rules.provinces);
    refs.finish()?;
    let questions: Vec<String> = r
        .questions
        .iter()
        .map(|q| nfc(q.trim()).into_owned())
        .collect();
    let criteria: Vec<model::Criterion> = (r.criteria.iter())
        .map(|k| model::Criterion {
            name: nfc(k.name.trim()).into_owned(),
            max_points: k.max_points,
        })
        .collect();
    Ok(RowWrite {
        slug: Some(r.slug.clone()),
        values: vec![
            text(&r.slug),
            programme,
            text(r.title.trim()),
            text(&model::sort_key(r.title.trim())),
            Value::Time(Some(r.opens_at.with_timezone(&Utc))),
            Value::Time(Some(r.closes_at.with_timezone(&Utc))),
            Value::Int32(r.places),
            Value::Text(Some(
                serde_json::to_string(&questions).expect("BUG: strings serialize"),
            )),
            Value::Text(Some(
                serde_json::to_string(&criteria).expect("BUG: criteria serialize"),
            )),
            Value::Int32(r.rules.max_years),
            Value::Int(Some(mask_of(&r.rules.stages))),
            Value::Int(Some(mask_of(&r.rules.tags))),
        ],
        links: vec![sectors, provinces],
    })
}

pub(super) fn support_row(
    r: &SupportDraft,
    lookup: &dyn Lookup,
) -> Result<RowWrite, Vec<FieldError>> {
    let mut refs = refs(lookup, r.check());
    let startup = refs.one(Field::Startup, Table::Startups, &r.startup);
    let programme = refs.one(Field::Programme, Table::Programmes, &r.programme);
    let organization = refs.one(Field::Organization, Table::Organizations, &r.organization);
    refs.finish()?;
    Ok(RowWrite {
        slug: Some(r.slug.clone()),
        values: vec![
            text(&r.slug),
            startup,
            Value::Text(r.recipient.as_deref().map(|n| nfc(n.trim()).into_owned())),
            programme,
            organization,
            text(r.kind.as_str()),
            Value::Int(r.value_vnd),
            Value::Text(r.budget_source.map(|s| s.as_str().to_string())),
            Value::Date(Some(r.given_on)),
            text(&r.note),
            text(r.origin.as_str()),
        ],
        links: vec![],
    })
}

pub(super) fn application_row(
    r: &ApplicationDraft,
    lookup: &dyn Lookup,
) -> Result<RowWrite, Vec<FieldError>> {
    let mut refs = refs(lookup, r.check());
    let call = refs.required(Field::Call, Table::Calls, &r.call);
    let startup = refs.required(Field::Startup, Table::Startups, &r.startup);
    refs.finish()?;
    let answers: Vec<String> = r.answers.iter().map(|a| nfc(a).into_owned()).collect();
    Ok(RowWrite {
        slug: None,
        values: vec![
            call,
            startup,
            text(r.status.as_str()),
            Value::Text(Some(
                serde_json::to_string(&answers).expect("BUG: strings serialize"),
            )),
            Value::Time(r.submitted_at.map(|t| t.with_timezone(&Utc))),
            Value::Time(r.decided_at.map(|t| t.with_timezone(&Utc))),
        ],
        links: vec![],
    })
}

pub(super) fn class_row(r: &ClassDraft, lookup: &dyn Lookup) -> Result<RowWrite, Vec<FieldError>> {
    let mut refs = refs(lookup, r.check());
    let programme = refs.required(Field::Programme, Table::Programmes, &r.programme);
    let province = refs.one(Field::Province, Table::Provinces, &r.province);
    refs.finish()?;
    Ok(RowWrite {
        slug: Some(r.slug.clone()),
        values: vec![
            text(&r.slug),
            programme,
            text(r.title.trim()),
            Value::Date(Some(r.held_on)),
            province,
            Value::Int32(r.hours),
            Value::Text(r.trainer.as_deref().map(|t| nfc(t.trim()).into_owned())),
        ],
        links: vec![],
    })
}

pub(super) fn attendance_row(
    r: &AttendanceDraft,
    lookup: &dyn Lookup,
) -> Result<RowWrite, Vec<FieldError>> {
    let mut refs = refs(lookup, r.check());
    let class = refs.required(Field::Class, Table::Classes, &r.class);
    let startup = refs.one(Field::Startup, Table::Startups, &r.startup);
    refs.finish()?;
    let person = nfc(r.person.trim()).into_owned();
    let organization = (r.organization.as_deref())
        .map(|o| nfc(o.trim()).into_owned())
        .filter(|o| !o.is_empty());
    let organization_key = organization
        .as_deref()
        .map(model::name_key)
        .unwrap_or_default();
    // One person is one name at one organisation.
    let person_key = format!("{}|{organization_key}", model::name_key(&person));
    Ok(RowWrite {
        slug: None,
        values: vec![
            class,
            Value::Text(Some(person)),
            Value::Text(Some(person_key)),
            Value::Text(organization),
            Value::Text(Some(organization_key)),
            Value::Text(r.gender.map(|g| g.as_str().to_string())),
            Value::Text(r.audience.map(|a| a.as_str().to_string())),
            startup,
        ],
        links: vec![],
    })
}

pub(super) fn investment_row(
    r: &InvestmentDraft,
    lookup: &dyn Lookup,
    today: NaiveDate,
) -> Result<RowWrite, Vec<FieldError>> {
    let mut refs = refs(lookup, r.check(today));
    let investor = refs.required(Field::Investor, Table::Investors, &r.investor);
    let startup = refs.required(Field::Startup, Table::Startups, &r.startup);
    refs.finish()?;
    let [amount, currency] = money_values(&Some(r.amount));
    Ok(RowWrite {
        slug: None,
        values: vec![
            investor,
            startup,
            amount,
            currency,
            text(r.round.as_str()),
            Value::Date(Some(r.date)),
            Value::Bool(r.confidential),
        ],
        links: vec![],
    })
}
