//! Rows as the database returns them, and their conversion to the model and
//! to drafts (drafts become rows in `writes.rs`). Nothing here
//! runs SQL, so it is shared by both databases.

use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};

use super::StoreError;
use crate::model::{
    self, Contact, Currency, Event, Investment, Investor, Mentor, Money, Organization, Province,
    Sector, Startup, from_mask,
};
use crate::model::{
    EventDraft, InvestmentDraft, InvestorDraft, MentorDraft, OrganizationDraft, StartupDraft,
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

/// A row that knows its id.
pub trait HasId {
    fn id(&self) -> i64;
}

macro_rules! has_id {
    ($($row:ty),*) => {$(
        impl HasId for $row {
            fn id(&self) -> i64 {
                self.id
            }
        }
    )*};
}

has_id!(
    StartupRow,
    InvestorRow,
    MentorRow,
    EventRow,
    ProgrammeRow,
    CallRow
);

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
    pub established_on: Option<NaiveDate>,
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
            established_on: self.established_on,
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
    pub scope: String,
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
            scope: vocab("events.scope", &self.scope)?,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

/// A row of `programmes`.
#[derive(Debug, sqlx::FromRow)]
pub struct ProgrammeRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub organization_id: Option<i64>,
    pub province_id: Option<i64>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub capacity: Option<i32>,
    pub budget_vnd: Option<i64>,
    pub budget_source: Option<String>,
    pub topics: i64,
    pub audience: i64,
    pub description: String,
    pub description_en: String,
    pub website: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl ProgrammeRow {
    pub fn into_model(self, sector_ids: Vec<i64>) -> Result<model::Programme, StoreError> {
        Ok(model::Programme {
            id: self.id,
            slug: self.slug,
            name: self.name,
            kind: vocab("programmes.kind", &self.kind)?,
            organization_id: self.organization_id,
            province_id: self.province_id,
            starts_on: self.starts_on,
            ends_on: self.ends_on,
            capacity: self.capacity,
            budget_vnd: self.budget_vnd,
            budget_source: self
                .budget_source
                .map(|s| vocab("programmes.budget_source", &s))
                .transpose()?,
            sector_ids,
            topics: from_mask(self.topics),
            audience: from_mask(self.audience),
            description: self.description,
            description_en: self.description_en,
            website: self.website,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }

    pub fn into_draft(
        self,
        keys: RefKeys,
        sectors: Vec<String>,
    ) -> Result<model::ProgrammeDraft, StoreError> {
        let p = self.into_model(vec![])?;
        Ok(model::ProgrammeDraft {
            slug: p.slug,
            name: p.name,
            kind: p.kind,
            organization: keys.organization_key,
            province: keys.province_key,
            starts_on: p.starts_on,
            ends_on: p.ends_on,
            capacity: p.capacity,
            budget_vnd: p.budget_vnd,
            budget_source: p.budget_source,
            sectors,
            topics: p.topics,
            audience: p.audience,
            description: p.description,
            description_en: p.description_en,
            website: p.website,
        })
    }
}

/// A row of `calls`.
#[derive(Debug, sqlx::FromRow)]
pub struct CallRow {
    pub id: i64,
    pub slug: String,
    pub programme_id: i64,
    pub title: String,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub places: Option<i32>,
    pub questions: String,
    pub criteria: String,
    pub max_years: Option<i32>,
    pub stages: i64,
    pub tags: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A JSON array of strings, as `questions` and `answers` hold.
fn strings(column: &str, json: &str) -> Result<Vec<String>, StoreError> {
    serde_json::from_str(json).map_err(|_| corrupt(column, json))
}

impl CallRow {
    pub fn into_model(
        self,
        sector_ids: Vec<i64>,
        province_ids: Vec<i64>,
    ) -> Result<model::Call, StoreError> {
        Ok(model::Call {
            id: self.id,
            slug: self.slug,
            programme_id: self.programme_id,
            title: self.title,
            opens_at: self.opens_at,
            closes_at: self.closes_at,
            places: self.places,
            questions: strings("calls.questions", &self.questions)?,
            criteria: serde_json::from_str(&self.criteria)
                .map_err(|_| corrupt("calls.criteria", &self.criteria))?,
            rules: model::Rules {
                max_years: self.max_years,
                stages: from_mask(self.stages),
                sector_ids,
                province_ids,
                tags: from_mask(self.tags),
            },
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }

    pub fn into_draft(
        self,
        programme: String,
        sectors: Vec<String>,
        provinces: Vec<String>,
    ) -> Result<model::CallDraft, StoreError> {
        let c = self.into_model(vec![], vec![])?;
        let vn = model::vietnam_offset();
        Ok(model::CallDraft {
            slug: c.slug,
            programme,
            title: c.title,
            opens_at: c.opens_at.with_timezone(&vn),
            closes_at: c.closes_at.with_timezone(&vn),
            places: c.places,
            questions: c.questions,
            criteria: c.criteria,
            rules: model::RulesDraft {
                max_years: c.rules.max_years,
                stages: c.rules.stages,
                sectors,
                provinces,
                tags: c.rules.tags,
            },
        })
    }
}

/// A row of `support_records`.
#[derive(Debug, sqlx::FromRow)]
pub struct SupportRow {
    pub id: i64,
    pub slug: String,
    pub startup_id: Option<i64>,
    pub recipient: Option<String>,
    pub programme_id: Option<i64>,
    pub organization_id: Option<i64>,
    pub kind: String,
    pub value_vnd: Option<i64>,
    pub budget_source: Option<String>,
    pub given_on: NaiveDate,
    pub note: String,
    pub origin: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl SupportRow {
    pub fn into_model(self) -> Result<model::SupportRecord, StoreError> {
        Ok(model::SupportRecord {
            id: self.id,
            slug: self.slug,
            startup_id: self.startup_id,
            recipient: self.recipient,
            programme_id: self.programme_id,
            organization_id: self.organization_id,
            kind: vocab("support_records.kind", &self.kind)?,
            value_vnd: self.value_vnd,
            budget_source: self
                .budget_source
                .map(|s| vocab("support_records.budget_source", &s))
                .transpose()?,
            given_on: self.given_on,
            note: self.note,
            origin: vocab("support_records.origin", &self.origin)?,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }

    pub fn into_draft(self, keys: SupportKeys) -> Result<model::SupportDraft, StoreError> {
        let r = self.into_model()?;
        Ok(model::SupportDraft {
            slug: r.slug,
            startup: keys.startup_key,
            recipient: r.recipient,
            programme: keys.programme_key,
            organization: keys.organization_key,
            kind: r.kind,
            value_vnd: r.value_vnd,
            budget_source: r.budget_source,
            given_on: r.given_on,
            note: r.note,
            origin: r.origin,
        })
    }
}

/// The keys of a support record's references, read back with it.
#[derive(Debug, sqlx::FromRow)]
pub struct SupportKeys {
    pub startup_key: Option<String>,
    pub programme_key: Option<String>,
    pub organization_key: Option<String>,
}

/// A row of `training_classes`.
#[derive(Debug, sqlx::FromRow)]
pub struct ClassRow {
    pub id: i64,
    pub slug: String,
    pub programme_id: i64,
    pub title: String,
    pub held_on: NaiveDate,
    pub province_id: Option<i64>,
    pub hours: Option<i32>,
    pub trainer: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl ClassRow {
    pub fn into_model(self) -> model::TrainingClass {
        model::TrainingClass {
            id: self.id,
            slug: self.slug,
            programme_id: self.programme_id,
            title: self.title,
            held_on: self.held_on,
            province_id: self.province_id,
            hours: self.hours,
            trainer: self.trainer,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }

    pub fn into_draft(self, programme: String, province: Option<String>) -> model::ClassDraft {
        let c = self.into_model();
        model::ClassDraft {
            slug: c.slug,
            programme,
            title: c.title,
            held_on: c.held_on,
            province,
            hours: c.hours,
            trainer: c.trainer,
        }
    }
}

/// The keys of a class's references, read back with it.
#[derive(Debug, sqlx::FromRow)]
pub struct ClassKeys {
    pub programme_key: String,
    pub province_key: Option<String>,
}

/// A row of `attendance`.
#[derive(Debug, sqlx::FromRow)]
pub struct AttendanceRow {
    pub id: i64,
    pub class_id: i64,
    pub person: String,
    pub organization: Option<String>,
    pub gender: Option<String>,
    pub audience: Option<String>,
    pub startup_id: Option<i64>,
}

impl AttendanceRow {
    pub fn into_model(self) -> Result<model::Attendance, StoreError> {
        Ok(model::Attendance {
            id: self.id,
            class_id: self.class_id,
            person: self.person,
            organization: self.organization,
            gender: (self.gender)
                .map(|g| vocab("attendance.gender", &g))
                .transpose()?,
            audience: (self.audience)
                .map(|a| vocab("attendance.audience", &a))
                .transpose()?,
            startup_id: self.startup_id,
        })
    }
}

/// An attendance row with the keys of its class and startup (for export).
#[derive(Debug, sqlx::FromRow)]
pub struct AttendanceRecordRow {
    #[sqlx(flatten)]
    pub row: AttendanceRow,
    pub class_key: String,
    pub startup_key: Option<String>,
}

impl AttendanceRecordRow {
    pub fn into_draft(self) -> Result<(i64, model::AttendanceDraft), StoreError> {
        let (class, startup) = (self.class_key, self.startup_key);
        let a = self.row.into_model()?;
        Ok((
            a.id,
            model::AttendanceDraft {
                class,
                person: a.person,
                organization: a.organization,
                gender: a.gender,
                audience: a.audience,
                startup,
            },
        ))
    }
}

/// A row of `applications`.
#[derive(Debug, sqlx::FromRow)]
pub struct ApplicationRow {
    pub id: i64,
    pub call_id: i64,
    pub startup_id: i64,
    pub status: String,
    pub answers: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub decided_at: Option<DateTime<Utc>>,
}

impl ApplicationRow {
    pub fn into_model(self) -> Result<model::Application, StoreError> {
        Ok(model::Application {
            id: self.id,
            call_id: self.call_id,
            startup_id: self.startup_id,
            status: vocab("applications.status", &self.status)?,
            answers: strings("applications.answers", &self.answers)?,
            created_at: self.created_at,
            updated_at: self.updated_at,
            submitted_at: self.submitted_at,
            decided_at: self.decided_at,
        })
    }
}

/// An application row with the keys of its call and startup (for export).
#[derive(Debug, sqlx::FromRow)]
pub struct ApplicationRecordRow {
    #[sqlx(flatten)]
    pub row: ApplicationRow,
    pub call_key: String,
    pub startup_key: String,
}

impl ApplicationRecordRow {
    pub fn into_draft(self) -> Result<(i64, model::ApplicationDraft), StoreError> {
        let (call, startup) = (self.call_key, self.startup_key);
        let a = self.row.into_model()?;
        let vn = model::vietnam_offset();
        Ok((
            a.id,
            model::ApplicationDraft {
                call,
                startup,
                status: a.status,
                answers: a.answers,
                submitted_at: a.submitted_at.map(|t| t.with_timezone(&vn)),
                decided_at: a.decided_at.map(|t| t.with_timezone(&vn)),
            },
        ))
    }
}

/// A row of `application_log`.
#[derive(Debug, sqlx::FromRow)]
pub struct ApplicationLogRow {
    pub id: i64,
    pub application_id: i64,
    pub from_status: Option<String>,
    pub to_status: String,
    pub actor_id: Option<i64>,
    pub reason: Option<String>,
    pub at: DateTime<Utc>,
}

impl ApplicationLogRow {
    pub fn into_model(self) -> Result<model::ApplicationLogEntry, StoreError> {
        Ok(model::ApplicationLogEntry {
            id: self.id,
            application_id: self.application_id,
            from: self
                .from_status
                .map(|s| vocab("application_log.from_status", &s))
                .transpose()?,
            to: vocab("application_log.to_status", &self.to_status)?,
            actor_id: self.actor_id,
            reason: self.reason,
            at: self.at,
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
    pub fn into_draft(
        self,
        keys: RefKeys,
        sectors: Vec<String>,
    ) -> Result<StartupDraft, StoreError> {
        let organization = keys.organization_key;
        let province = keys.province_key;
        let s = self.into_model(vec![])?;
        Ok(StartupDraft {
            slug: s.slug,
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
    pub fn into_draft(
        self,
        sectors: Vec<String>,
        provinces: Vec<String>,
    ) -> Result<InvestorDraft, StoreError> {
        let i = self.into_model(vec![], vec![])?;
        Ok(InvestorDraft {
            slug: i.slug,
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
    pub fn into_draft(
        self,
        keys: RefKeys,
        sectors: Vec<String>,
        languages: Vec<String>,
    ) -> Result<MentorDraft, StoreError> {
        let m = self.into_model(vec![], languages)?;
        Ok(MentorDraft {
            slug: m.slug,
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
    pub fn into_draft(self, keys: RefKeys) -> Result<OrganizationDraft, StoreError> {
        let o = self.into_model()?;
        Ok(OrganizationDraft {
            slug: o.slug,
            name: o.name,
            kind: o.kind,
            province: keys.province_key,
            description: o.description,
            website: o.website,
            email: o.contact.email,
            phone: o.contact.phone,
            established_on: o.established_on,
        })
    }
}

impl EventRow {
    pub fn into_draft(self, keys: RefKeys, sectors: Vec<String>) -> Result<EventDraft, StoreError> {
        let e = self.into_model(vec![])?;
        let vn = model::vietnam_offset();
        Ok(EventDraft {
            slug: e.slug,
            title: e.title,
            kind: e.kind,
            description: e.description,
            starts_at: e.starts_at.with_timezone(&vn),
            ends_at: e.ends_at.map(|t| t.with_timezone(&vn)),
            province: keys.province_key,
            organizer: keys.organization_key,
            sectors,
            website: e.website,
            scope: e.scope,
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
    pub fn into_draft(self) -> Result<(i64, InvestmentDraft), StoreError> {
        let investor = self.investor_key;
        let startup = self.startup_key;
        let i = self.row.into_model()?;
        Ok((
            i.id,
            InvestmentDraft {
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

/// A row of `plans`.
#[derive(Debug, sqlx::FromRow)]
pub struct PlanRow {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub title_en: String,
    pub province_id: Option<i64>,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub basis: String,
    pub basis_on: Option<NaiveDate>,
    pub targets: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl PlanRow {
    pub fn into_model(self) -> Result<model::Plan, StoreError> {
        Ok(model::Plan {
            id: self.id,
            targets: serde_json::from_str(&self.targets)
                .map_err(|_| corrupt("plans.targets", &self.targets))?,
            slug: self.slug,
            title: self.title,
            title_en: self.title_en,
            province_id: self.province_id,
            starts_on: self.starts_on,
            ends_on: self.ends_on,
            basis: self.basis,
            basis_on: self.basis_on,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }

    pub fn into_draft(self, province: Option<String>) -> Result<model::PlanDraft, StoreError> {
        let p = self.into_model()?;
        Ok(model::PlanDraft {
            slug: p.slug,
            title: p.title,
            title_en: p.title_en,
            province,
            starts_on: p.starts_on,
            ends_on: p.ends_on,
            basis: p.basis,
            basis_on: p.basis_on,
            targets: p.targets,
        })
    }
}

/// A row of `indicator_entries`.
#[derive(Debug, sqlx::FromRow)]
pub struct IndicatorEntryRow {
    pub plan_id: i64,
    pub target: String,
    pub year: i32,
    pub value: f64,
    pub note: String,
    pub evidence: Option<String>,
    pub entered_by: Option<i64>,
    pub entered_at: DateTime<Utc>,
}

impl IndicatorEntryRow {
    pub fn into_model(self) -> model::IndicatorEntry {
        model::IndicatorEntry {
            plan_id: self.plan_id,
            target: self.target,
            year: self.year,
            value: self.value,
            note: self.note,
            evidence: self.evidence,
            entered_by: self.entered_by,
            entered_at: self.entered_at,
        }
    }
}
