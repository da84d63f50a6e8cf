//! Rows as the database returns them, their conversion to the model, and the
//! write model: a data-file record validated and turned into column values.
//! Nothing here runs SQL, so it is shared by both databases.

use std::str::FromStr;

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use super::{StoreError, Table, Value};
use crate::datafile::{
    EventRecord, InvestmentRecord, InvestorRecord, MentorRecord, OrganizationRecord,
    ProvinceRecord, SectorRecord, StartupRecord,
};
use crate::model::{
    self, Checker, Contact, Currency, Event, FieldError, FieldErrorCode, Investment, Investor,
    Mentor, Money, Organization, Province, Sector, Startup, Vocabulary, from_mask, mask_of,
};

pub(crate) fn corrupt(column: &str, value: &str) -> StoreError {
    StoreError::Database(sqlx::Error::Decode(
        format!("column {column} holds an unknown value `{value}`").into(),
    ))
}

pub(crate) fn vocab<T: FromStr>(column: &str, value: &str) -> Result<T, StoreError> {
    value.parse().map_err(|_| corrupt(column, value))
}

fn money(
    column: &str,
    amount: Option<i64>,
    currency: Option<String>,
) -> Result<Option<Money>, StoreError> {
    match (amount, currency) {
        (Some(amount), Some(currency)) => Ok(Some(Money {
            amount,
            currency: vocab::<Currency>(column, &currency)?,
        })),
        _ => Ok(None),
    }
}

/// A row of `sectors`.
#[derive(Debug, sqlx::FromRow)]
pub struct SectorRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub name_en: String,
}

impl From<SectorRow> for Sector {
    fn from(r: SectorRow) -> Self {
        Sector {
            id: r.id,
            slug: r.slug,
            name: r.name,
            name_en: r.name_en,
        }
    }
}

/// A row of `provinces`.
#[derive(Debug, sqlx::FromRow)]
pub struct ProvinceRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub region: String,
}

impl From<ProvinceRow> for Province {
    fn from(r: ProvinceRow) -> Self {
        Province {
            id: r.id,
            slug: r.slug,
            name: r.name,
            region: r.region,
        }
    }
}

/// A row of `organizations`.
#[derive(Debug, sqlx::FromRow)]
pub struct OrganizationRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub province_id: Option<i64>,
    pub description: String,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub owner_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl OrganizationRow {
    pub fn into_model(self) -> Result<Organization, StoreError> {
        Ok(Organization {
            id: self.id,
            slug: self.slug,
            name: self.name,
            kind: vocab("organizations.kind", &self.kind)?,
            province_id: self.province_id,
            description: self.description,
            website: self.website,
            contact: Contact {
                email: self.email,
                phone: self.phone,
            },
            owner_id: self.owner_id,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

/// A row of `startups`.
#[derive(Debug, sqlx::FromRow)]
pub struct StartupRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub tagline: String,
    pub description: String,
    pub stage: String,
    pub province_id: Option<i64>,
    pub organization_id: Option<i64>,
    pub founded_on: Option<NaiveDate>,
    pub team_size: Option<i32>,
    pub tags: i64,
    pub needs: i64,
    pub seeking_amount: Option<i64>,
    pub seeking_currency: Option<String>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub owner_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl StartupRow {
    pub fn into_model(self, sector_ids: Vec<i64>) -> Result<Startup, StoreError> {
        Ok(Startup {
            id: self.id,
            slug: self.slug,
            name: self.name,
            tagline: self.tagline,
            description: self.description,
            stage: vocab("startups.stage", &self.stage)?,
            province_id: self.province_id,
            organization_id: self.organization_id,
            founded_on: self.founded_on,
            team_size: self.team_size,
            tags: from_mask(self.tags),
            needs: from_mask(self.needs),
            seeking: money(
                "startups.seeking_currency",
                self.seeking_amount,
                self.seeking_currency,
            )?,
            website: self.website,
            contact: Contact {
                email: self.email,
                phone: self.phone,
            },
            sector_ids,
            owner_id: self.owner_id,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

/// A row of `investors`.
#[derive(Debug, sqlx::FromRow)]
pub struct InvestorRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub thesis: String,
    pub stages: i64,
    pub ticket_min_amount: Option<i64>,
    pub ticket_min_currency: Option<String>,
    pub ticket_max_amount: Option<i64>,
    pub ticket_max_currency: Option<String>,
    pub active: bool,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub owner_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl InvestorRow {
    pub fn into_model(
        self,
        sector_ids: Vec<i64>,
        province_ids: Vec<i64>,
    ) -> Result<Investor, StoreError> {
        Ok(Investor {
            id: self.id,
            slug: self.slug,
            name: self.name,
            kind: vocab("investors.kind", &self.kind)?,
            thesis: self.thesis,
            stages: from_mask(self.stages),
            ticket_min: money(
                "investors.ticket_min_currency",
                self.ticket_min_amount,
                self.ticket_min_currency,
            )?,
            ticket_max: money(
                "investors.ticket_max_currency",
                self.ticket_max_amount,
                self.ticket_max_currency,
            )?,
            active: self.active,
            website: self.website,
            contact: Contact {
                email: self.email,
                phone: self.phone,
            },
            sector_ids,
            province_ids,
            owner_id: self.owner_id,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

/// A row of `mentors`.
#[derive(Debug, sqlx::FromRow)]
pub struct MentorRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub headline: String,
    pub bio: String,
    pub expertise: i64,
    pub province_id: Option<i64>,
    pub capacity: i32,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub owner_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl MentorRow {
    pub fn into_model(
        self,
        sector_ids: Vec<i64>,
        languages: Vec<String>,
    ) -> Result<Mentor, StoreError> {
        Ok(Mentor {
            id: self.id,
            slug: self.slug,
            name: self.name,
            headline: self.headline,
            bio: self.bio,
            expertise: from_mask(self.expertise),
            languages,
            province_id: self.province_id,
            capacity: self.capacity,
            website: self.website,
            contact: Contact {
                email: self.email,
                phone: self.phone,
            },
            sector_ids,
            owner_id: self.owner_id,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

/// A row of `events`.
#[derive(Debug, sqlx::FromRow)]
pub struct EventRow {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub kind: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: Option<DateTime<Utc>>,
    pub province_id: Option<i64>,
    pub organizer_id: Option<i64>,
    pub website: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl EventRow {
    pub fn into_model(self, sector_ids: Vec<i64>) -> Result<Event, StoreError> {
        Ok(Event {
            id: self.id,
            slug: self.slug,
            title: self.title,
            kind: vocab("events.kind", &self.kind)?,
            description: self.description,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            province_id: self.province_id,
            organizer_id: self.organizer_id,
            website: self.website,
            sector_ids,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

/// A row of `users` (with the password hash, which never leaves the store
/// but for checking a sign-in).
#[derive(Debug, sqlx::FromRow)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub password_hash: String,
    pub role: String,
    pub name: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl UserRow {
    pub fn into_model(self) -> Result<crate::model::User, StoreError> {
        Ok(crate::model::User {
            id: self.id,
            email: self.email,
            role: vocab("users.role", &self.role)?,
            name: self.name,
            created_at: self.created_at,
        })
    }
}

fn recipient(
    table: &str,
    investor_id: Option<i64>,
    mentor_id: Option<i64>,
) -> Result<crate::model::Recipient, StoreError> {
    use crate::model::Recipient;
    match (investor_id, mentor_id) {
        (Some(id), None) => Ok(Recipient::Investor(id)),
        (None, Some(id)) => Ok(Recipient::Mentor(id)),
        _ => Err(corrupt(table, "recipient")),
    }
}

/// A row of `introductions`.
#[derive(Debug, sqlx::FromRow)]
pub struct IntroductionRow {
    pub id: i64,
    pub startup_id: i64,
    pub investor_id: Option<i64>,
    pub mentor_id: Option<i64>,
    pub message: String,
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

impl IntroductionRow {
    pub fn into_model(self) -> Result<crate::model::Introduction, StoreError> {
        Ok(crate::model::Introduction {
            id: self.id,
            startup_id: self.startup_id,
            recipient: recipient("introductions", self.investor_id, self.mentor_id)?,
            message: self.message,
            status: vocab("introductions.status", &self.status)?,
            created_at: self.created_at,
            decided_at: self.decided_at,
        })
    }
}

/// A row of `introduction_log`.
#[derive(Debug, sqlx::FromRow)]
pub struct IntroductionLogRow {
    pub id: i64,
    pub introduction_id: i64,
    pub startup_id: i64,
    pub investor_id: Option<i64>,
    pub mentor_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub action: String,
    pub at: DateTime<Utc>,
}

impl IntroductionLogRow {
    pub fn into_model(self) -> Result<crate::model::IntroductionLogEntry, StoreError> {
        Ok(crate::model::IntroductionLogEntry {
            id: self.id,
            introduction_id: self.introduction_id,
            startup_id: self.startup_id,
            recipient: recipient("introduction_log", self.investor_id, self.mentor_id)?,
            actor_id: self.actor_id,
            action: vocab("introduction_log.action", &self.action)?,
            at: self.at,
        })
    }
}

/// A row of `investments`.
#[derive(Debug, sqlx::FromRow)]
pub struct InvestmentRow {
    pub id: i64,
    pub investor_id: i64,
    pub startup_id: i64,
    pub amount: i64,
    pub currency: String,
    pub round: String,
    pub invested_on: NaiveDate,
    pub confidential: bool,
}

impl InvestmentRow {
    pub fn into_model(self) -> Result<Investment, StoreError> {
        Ok(Investment {
            id: self.id,
            investor_id: self.investor_id,
            startup_id: self.startup_id,
            amount: Money {
                amount: self.amount,
                currency: vocab("investments.currency", &self.currency)?,
            },
            round: vocab("investments.round", &self.round)?,
            date: self.invested_on,
            confidential: self.confidential,
        })
    }
}

/// The keys of an entity's references, read back with the entity for export.
#[derive(Debug, sqlx::FromRow)]
pub struct RefKeys {
    pub province_key: Option<String>,
    pub organization_key: Option<String>,
}

impl StartupRow {
    pub fn into_record(
        self,
        keys: RefKeys,
        sectors: Vec<String>,
    ) -> Result<StartupRecord, StoreError> {
        let organization = keys.organization_key;
        let province = keys.province_key;
        let s = self.into_model(vec![])?;
        Ok(StartupRecord {
            key: s.slug,
            name: s.name,
            tagline: s.tagline,
            description: s.description,
            sectors,
            stage: s.stage,
            province,
            founded_on: s.founded_on,
            team_size: s.team_size,
            tags: s.tags,
            needs: s.needs,
            seeking: s.seeking,
            organization,
            website: s.website,
            email: s.contact.email,
            phone: s.contact.phone,
        })
    }
}

impl InvestorRow {
    pub fn into_record(
        self,
        sectors: Vec<String>,
        provinces: Vec<String>,
    ) -> Result<InvestorRecord, StoreError> {
        let i = self.into_model(vec![], vec![])?;
        Ok(InvestorRecord {
            key: i.slug,
            name: i.name,
            kind: i.kind,
            thesis: i.thesis,
            sectors,
            stages: i.stages,
            ticket_min: i.ticket_min,
            ticket_max: i.ticket_max,
            provinces,
            active: i.active,
            website: i.website,
            email: i.contact.email,
            phone: i.contact.phone,
        })
    }
}

impl MentorRow {
    pub fn into_record(
        self,
        keys: RefKeys,
        sectors: Vec<String>,
        languages: Vec<String>,
    ) -> Result<MentorRecord, StoreError> {
        let m = self.into_model(vec![], languages)?;
        Ok(MentorRecord {
            key: m.slug,
            name: m.name,
            headline: m.headline,
            bio: m.bio,
            expertise: m.expertise,
            sectors,
            languages: m.languages,
            province: keys.province_key,
            capacity: m.capacity,
            website: m.website,
            email: m.contact.email,
            phone: m.contact.phone,
        })
    }
}

impl OrganizationRow {
    pub fn into_record(self, keys: RefKeys) -> Result<OrganizationRecord, StoreError> {
        let o = self.into_model()?;
        Ok(OrganizationRecord {
            key: o.slug,
            name: o.name,
            kind: o.kind,
            province: keys.province_key,
            description: o.description,
            website: o.website,
            email: o.contact.email,
            phone: o.contact.phone,
        })
    }
}

impl EventRow {
    pub fn into_record(
        self,
        keys: RefKeys,
        sectors: Vec<String>,
    ) -> Result<EventRecord, StoreError> {
        let e = self.into_model(vec![])?;
        let vn = model::vietnam_offset();
        Ok(EventRecord {
            key: e.slug,
            title: e.title,
            kind: e.kind,
            description: e.description,
            starts_at: e.starts_at.with_timezone(&vn),
            ends_at: e.ends_at.map(|t| t.with_timezone(&vn)),
            province: keys.province_key,
            organizer: keys.organization_key,
            sectors,
            website: e.website,
        })
    }
}

/// An investment row with the keys of both parties (for export).
#[derive(Debug, sqlx::FromRow)]
pub struct InvestmentRecordRow {
    #[sqlx(flatten)]
    pub row: InvestmentRow,
    pub investor_key: String,
    pub startup_key: String,
}

impl InvestmentRecordRow {
    pub fn into_record(self) -> Result<(i64, InvestmentRecord), StoreError> {
        let investor = self.investor_key;
        let startup = self.startup_key;
        let i = self.row.into_model()?;
        Ok((
            i.id,
            InvestmentRecord {
                investor,
                startup,
                amount: i.amount,
                round: i.round,
                date: i.date,
                confidential: i.confidential,
            },
        ))
    }
}

/// A link table: rows `(owner, value, position)` that hold an ordered set.
#[derive(Debug, Clone, Copy)]
pub struct LinkTable {
    pub table: &'static str,
    pub owner: &'static str,
    pub value: &'static str,
}

pub const STARTUP_SECTORS: LinkTable = LinkTable {
    table: "startup_sectors",
    owner: "startup_id",
    value: "sector_id",
};
pub const INVESTOR_SECTORS: LinkTable = LinkTable {
    table: "investor_sectors",
    owner: "investor_id",
    value: "sector_id",
};
pub const INVESTOR_PROVINCES: LinkTable = LinkTable {
    table: "investor_provinces",
    owner: "investor_id",
    value: "province_id",
};
pub const MENTOR_SECTORS: LinkTable = LinkTable {
    table: "mentor_sectors",
    owner: "mentor_id",
    value: "sector_id",
};
pub const MENTOR_LANGUAGES: LinkTable = LinkTable {
    table: "mentor_languages",
    owner: "mentor_id",
    value: "language",
};
pub const EVENT_SECTORS: LinkTable = LinkTable {
    table: "event_sectors",
    owner: "event_id",
    value: "sector_id",
};

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
    ],
    conflict: "slug",
    has_slug: true,
    timestamps: true,
    links: &[EVENT_SECTORS],
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

fn text(s: &str) -> Value {
    Value::Text(Some(s.to_string()))
}

fn opt_text(s: &Option<String>) -> Value {
    Value::Text(s.clone())
}

fn money_values(m: &Option<Money>) -> [Value; 2] {
    [
        Value::Int(m.map(|m| m.amount)),
        Value::Text(m.map(|m| m.currency.as_str().to_string())),
    ]
}

/// Resolves references by key, after the cache has been filled.
pub trait Lookup {
    fn id(&self, table: Table, key: &str) -> Option<i64>;
}

impl Lookup for super::RefCache {
    fn id(&self, table: Table, key: &str) -> Option<i64> {
        self.get(table, key)
    }
}

/// Collects reference errors for one record.
struct Refs<'a> {
    lookup: &'a dyn Lookup,
    checker: Checker,
}

impl Refs<'_> {
    fn one(&mut self, field: &str, table: Table, key: &Option<String>) -> Value {
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

    fn required(&mut self, field: &str, table: Table, key: &str) -> Value {
        self.one(field, table, &Some(key.to_string()))
    }

    fn many(&mut self, field: &str, table: Table, keys: &[String]) -> Vec<Value> {
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

    fn unknown(&mut self, field: &str, table: Table, key: &str) {
        let what = match table {
            Table::Sectors => "sector",
            Table::Provinces => "province",
            Table::Organizations => "organization",
            Table::Startups => "startup",
            Table::Investors => "investor",
            Table::Mentors => "mentor",
            Table::Events => "event",
        };
        self.checker.push(
            field,
            FieldErrorCode::UnknownReference,
            format!("there is no {what} with key `{key}`"),
        );
    }

    fn finish(self, checker: Checker) -> Result<(), Vec<FieldError>> {
        let mut errors = checker.errors;
        errors.extend(self.checker.errors);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
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
        Batch::Investments(rs) => {
            for r in rs {
                out.push((Table::Investors, r.investor.as_str()));
                out.push((Table::Startups, r.startup.as_str()));
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
            startup_row(r, lookup, model::today_in_vietnam())
        }),
        Batch::Investors(rs) => collect(rs, &INVESTOR_SPEC, |r| investor_row(r, lookup)),
        Batch::Mentors(rs) => collect(rs, &MENTOR_SPEC, |r| mentor_row(r, lookup)),
        Batch::Events(rs) => collect(rs, &EVENT_SPEC, |r| event_row(r, lookup)),
        Batch::Investments(rs) => collect(rs, &INVESTMENT_SPEC, |r| {
            investment_row(r, lookup, model::today_in_vietnam())
        }),
    }
}

fn plain(slug: &str, values: Vec<Value>) -> RowWrite {
    RowWrite {
        slug: Some(slug.to_string()),
        values,
        links: vec![],
    }
}

fn sector_row(r: &SectorRecord) -> Result<RowWrite, Vec<FieldError>> {
    let mut c = Checker::default();
    c.slug("key", &r.key);
    c.required_text("name", &r.name, model::MAX_NAME_LEN);
    c.required_text("name_en", &r.name_en, model::MAX_NAME_LEN);
    c.finish()?;
    Ok(plain(
        &r.key,
        vec![text(&r.key), text(r.name.trim()), text(r.name_en.trim())],
    ))
}

fn province_row(r: &ProvinceRecord) -> Result<RowWrite, Vec<FieldError>> {
    let mut c = Checker::default();
    c.slug("key", &r.key);
    c.required_text("name", &r.name, model::MAX_NAME_LEN);
    c.required_text("region", &r.region, model::MAX_NAME_LEN);
    c.finish()?;
    Ok(plain(
        &r.key,
        vec![text(&r.key), text(r.name.trim()), text(r.region.trim())],
    ))
}

fn contact_check(
    c: &mut Checker,
    website: &Option<String>,
    email: &Option<String>,
    phone: &Option<String>,
) {
    c.url("website", website.as_deref());
    c.contact(&Contact {
        email: email.clone(),
        phone: phone.clone(),
    });
}

fn organization_row(
    r: &OrganizationRecord,
    lookup: &dyn Lookup,
) -> Result<RowWrite, Vec<FieldError>> {
    let mut c = Checker::default();
    c.slug("key", &r.key);
    c.required_text("name", &r.name, model::MAX_NAME_LEN);
    c.max_len("description", &r.description, model::MAX_LONG_TEXT_LEN);
    contact_check(&mut c, &r.website, &r.email, &r.phone);
    let mut refs = Refs {
        lookup,
        checker: Checker::default(),
    };
    let province = refs.one("province", Table::Provinces, &r.province);
    refs.finish(c)?;
    Ok(plain(
        &r.key,
        vec![
            text(&r.key),
            text(r.name.trim()),
            text(&model::sort_key(r.name.trim())),
            text(r.kind.as_str()),
            province,
            text(&r.description),
            opt_text(&r.website),
            opt_text(&r.email),
            opt_text(&r.phone),
        ],
    ))
}

fn startup_row(
    r: &StartupRecord,
    lookup: &dyn Lookup,
    today: NaiveDate,
) -> Result<RowWrite, Vec<FieldError>> {
    let mut c = Checker::default();
    c.slug("key", &r.key);
    c.required_text("name", &r.name, model::MAX_NAME_LEN);
    c.max_len("tagline", &r.tagline, model::MAX_SHORT_TEXT_LEN);
    c.max_len("description", &r.description, model::MAX_LONG_TEXT_LEN);
    contact_check(&mut c, &r.website, &r.email, &r.phone);
    if let Some(founded) = r.founded_on {
        if founded > today {
            c.push(
                "founded_on",
                FieldErrorCode::OutOfRange,
                format!("{founded} is in the future"),
            );
        } else if !model::YEARS.contains(&founded.year()) {
            c.push(
                "founded_on",
                FieldErrorCode::OutOfRange,
                "must be 1900 or later",
            );
        }
    }
    if let Some(size) = r.team_size
        && !(1..=1_000_000).contains(&size)
    {
        c.push(
            "team_size",
            FieldErrorCode::OutOfRange,
            "must be between 1 and 1,000,000",
        );
    }
    c.money("seeking", r.seeking.as_ref());
    if r.sectors.len() > MAX_LINKS {
        c.push(
            "sectors",
            FieldErrorCode::OutOfRange,
            format!("at most {MAX_LINKS} sectors"),
        );
    }
    let mut refs = Refs {
        lookup,
        checker: Checker::default(),
    };
    let province = refs.one("province", Table::Provinces, &r.province);
    let organization = refs.one("organization", Table::Organizations, &r.organization);
    let sectors = refs.many("sectors", Table::Sectors, &r.sectors);
    refs.finish(c)?;
    let [seeking_amount, seeking_currency] = money_values(&r.seeking);
    Ok(RowWrite {
        slug: Some(r.key.clone()),
        values: vec![
            text(&r.key),
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

/// The most sectors, provinces or languages one profile may list.
pub const MAX_LINKS: usize = 20;

fn investor_row(r: &InvestorRecord, lookup: &dyn Lookup) -> Result<RowWrite, Vec<FieldError>> {
    let mut c = Checker::default();
    c.slug("key", &r.key);
    c.required_text("name", &r.name, model::MAX_NAME_LEN);
    c.max_len("thesis", &r.thesis, model::MAX_LONG_TEXT_LEN);
    contact_check(&mut c, &r.website, &r.email, &r.phone);
    c.money("ticket_min", r.ticket_min.as_ref());
    c.money("ticket_max", r.ticket_max.as_ref());
    if let (Some(min), Some(max)) = (r.ticket_min, r.ticket_max)
        && min.in_vnd() > max.in_vnd()
    {
        c.push(
            "ticket_min",
            FieldErrorCode::OutOfRange,
            "must not be greater than ticket_max",
        );
    }
    for (field, list) in [
        ("sectors", r.sectors.len()),
        ("provinces", r.provinces.len()),
    ] {
        if list > MAX_LINKS {
            c.push(
                field,
                FieldErrorCode::OutOfRange,
                format!("at most {MAX_LINKS} entries"),
            );
        }
    }
    let mut refs = Refs {
        lookup,
        checker: Checker::default(),
    };
    let sectors = refs.many("sectors", Table::Sectors, &r.sectors);
    let provinces = refs.many("provinces", Table::Provinces, &r.provinces);
    refs.finish(c)?;
    let [min_amount, min_currency] = money_values(&r.ticket_min);
    let [max_amount, max_currency] = money_values(&r.ticket_max);
    Ok(RowWrite {
        slug: Some(r.key.clone()),
        values: vec![
            text(&r.key),
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

fn mentor_row(r: &MentorRecord, lookup: &dyn Lookup) -> Result<RowWrite, Vec<FieldError>> {
    let mut c = Checker::default();
    c.slug("key", &r.key);
    c.required_text("name", &r.name, model::MAX_NAME_LEN);
    c.max_len("headline", &r.headline, model::MAX_SHORT_TEXT_LEN);
    c.max_len("bio", &r.bio, model::MAX_LONG_TEXT_LEN);
    contact_check(&mut c, &r.website, &r.email, &r.phone);
    if !(0..=100).contains(&r.capacity) {
        c.push(
            "capacity",
            FieldErrorCode::OutOfRange,
            "must be between 0 and 100",
        );
    }
    let mut languages = Vec::new();
    for lang in &r.languages {
        let ok = (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase());
        if !ok {
            c.push(
                "languages",
                FieldErrorCode::Invalid,
                format!("`{lang}` is not an ISO 639-1 code like `vi` or `en`"),
            );
        } else if !languages.contains(&text(lang)) {
            languages.push(text(lang));
        }
    }
    for (field, list) in [
        ("sectors", r.sectors.len()),
        ("languages", r.languages.len()),
    ] {
        if list > MAX_LINKS {
            c.push(
                field,
                FieldErrorCode::OutOfRange,
                format!("at most {MAX_LINKS} entries"),
            );
        }
    }
    let mut refs = Refs {
        lookup,
        checker: Checker::default(),
    };
    let province = refs.one("province", Table::Provinces, &r.province);
    let sectors = refs.many("sectors", Table::Sectors, &r.sectors);
    refs.finish(c)?;
    Ok(RowWrite {
        slug: Some(r.key.clone()),
        values: vec![
            text(&r.key),
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

fn event_row(r: &EventRecord, lookup: &dyn Lookup) -> Result<RowWrite, Vec<FieldError>> {
    let mut c = Checker::default();
    c.slug("key", &r.key);
    c.required_text("title", &r.title, model::MAX_NAME_LEN);
    c.max_len("description", &r.description, model::MAX_LONG_TEXT_LEN);
    c.url("website", r.website.as_deref());
    c.year_in_range("starts_at", r.starts_at.year());
    if let Some(ends) = r.ends_at {
        c.year_in_range("ends_at", ends.year());
    }
    if let Some(ends) = r.ends_at
        && ends < r.starts_at
    {
        c.push(
            "ends_at",
            FieldErrorCode::OutOfRange,
            "must not be before starts_at",
        );
    }
    if r.sectors.len() > MAX_LINKS {
        c.push(
            "sectors",
            FieldErrorCode::OutOfRange,
            format!("at most {MAX_LINKS} sectors"),
        );
    }
    let mut refs = Refs {
        lookup,
        checker: Checker::default(),
    };
    let province = refs.one("province", Table::Provinces, &r.province);
    let organizer = refs.one("organizer", Table::Organizations, &r.organizer);
    let sectors = refs.many("sectors", Table::Sectors, &r.sectors);
    refs.finish(c)?;
    Ok(RowWrite {
        slug: Some(r.key.clone()),
        values: vec![
            text(&r.key),
            text(r.title.trim()),
            text(&model::sort_key(r.title.trim())),
            text(r.kind.as_str()),
            text(&r.description),
            Value::Time(Some(r.starts_at.with_timezone(&Utc))),
            Value::Time(r.ends_at.map(|t| t.with_timezone(&Utc))),
            province,
            organizer,
            opt_text(&r.website),
        ],
        links: vec![sectors],
    })
}

fn investment_row(
    r: &InvestmentRecord,
    lookup: &dyn Lookup,
    today: NaiveDate,
) -> Result<RowWrite, Vec<FieldError>> {
    let mut c = Checker::default();
    c.money("amount", Some(&r.amount));
    c.year_in_range("date", r.date.year());
    if r.date > today {
        c.push(
            "date",
            FieldErrorCode::OutOfRange,
            format!("{} is in the future", r.date),
        );
    }
    let mut refs = Refs {
        lookup,
        checker: Checker::default(),
    };
    let investor = refs.required("investor", Table::Investors, &r.investor);
    let startup = refs.required("startup", Table::Startups, &r.startup);
    refs.finish(c)?;
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
