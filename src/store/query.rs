//! What a list asks of the store: tables, sort keys, pages and filters.

use super::*;
use crate::model::{Audience, ProgrammeKind, SupportKind};

/// The tables whose rows are found by slug.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    Sectors,
    Provinces,
    Organizations,
    Startups,
    Investors,
    Mentors,
    Events,
    Programmes,
    Calls,
    Support,
    Classes,
    Plans,
}

impl Table {
    /// The SQL table name (a constant, never user input).
    pub fn name(self) -> &'static str {
        match self {
            Table::Sectors => "sectors",
            Table::Provinces => "provinces",
            Table::Organizations => "organizations",
            Table::Startups => "startups",
            Table::Investors => "investors",
            Table::Mentors => "mentors",
            Table::Events => "events",
            Table::Programmes => "programmes",
            Table::Calls => "calls",
            Table::Support => "support_records",
            Table::Classes => "training_classes",
            Table::Plans => "plans",
        }
    }
}

/// A value bound to a statement, so that column lists and their values can be
/// built once, above the SQL, for both databases.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(Option<String>),
    Int(Option<i64>),
    Int32(Option<i32>),
    Bool(bool),
    Date(Option<NaiveDate>),
    Time(Option<DateTime<Utc>>),
}

/// How a batch is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteMode {
    /// New rows; an existing slug is a `Taken` error.
    Insert,
    /// Insert or update by the table's natural key (imports).
    Upsert,
    /// Rows whose keys no one else can have written (an import's bulk load
    /// of an empty, locked table): written the fastest way the database has.
    Load,
    /// Update the row with this id; with a version, only if its
    /// `updated_at` still equals it (else [`StoreError::Conflict`]).
    Update(i64, Option<DateTime<Utc>>),
}

/// A sort order for a list, and the column it sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortColumn {
    /// The folded name (or title).
    Name,
    CreatedAt,
    /// Startups only; projects without a founding date sort last.
    FoundedOn,
    /// Events only.
    StartsAt,
    /// Calls only.
    ClosesAt,
    /// Support records only.
    GivenOn,
}

impl SortColumn {
    fn tag(self) -> &'static str {
        match self {
            SortColumn::Name => "n",
            SortColumn::CreatedAt => "c",
            SortColumn::FoundedOn => "f",
            SortColumn::StartsAt => "s",
            SortColumn::ClosesAt => "x",
            SortColumn::GivenOn => "g",
        }
    }
}

/// A position in a sorted list: the sort value and the id that breaks ties.
#[derive(Debug, Clone, PartialEq)]
pub struct SortKey {
    pub column: SortColumn,
    pub value: SortValue,
    pub id: i64,
}

/// The value part of a [`SortKey`].
#[derive(Debug, Clone, PartialEq)]
pub enum SortValue {
    Text(String),
    Date(NaiveDate),
    Time(DateTime<Utc>),
}

/// The date that stands for "no founding date" when sorting (sorts last).
pub const NO_DATE: NaiveDate = NaiveDate::from_ymd_opt(9999, 12, 31).expect("BUG: valid date");

impl SortKey {
    /// Encodes the key as the opaque text inside a cursor.
    pub fn encode(&self) -> String {
        let value = match &self.value {
            SortValue::Text(t) => t.clone(),
            SortValue::Date(d) => d.to_string(),
            // Full precision: the cursor must compare equal to the stored value.
            SortValue::Time(t) => t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
        };
        serde_json::json!([self.column.tag(), value, self.id]).to_string()
    }

    /// Decodes a key written by [`SortKey::encode`] for `column`.
    pub fn decode(text: &str, column: SortColumn) -> Option<SortKey> {
        let (tag, value, id): (String, String, i64) = serde_json::from_str(text).ok()?;
        if tag != column.tag() {
            return None;
        }
        let value = match column {
            SortColumn::Name => SortValue::Text(value),
            SortColumn::FoundedOn | SortColumn::GivenOn => {
                SortValue::Date(NaiveDate::from_str(&value).ok()?)
            }
            SortColumn::CreatedAt | SortColumn::StartsAt | SortColumn::ClosesAt => SortValue::Time(
                DateTime::parse_from_rfc3339(&value)
                    .ok()?
                    .with_timezone(&Utc),
            ),
        };
        Some(SortKey { column, value, id })
    }
}

/// One page of a sorted list, as the store runs it.
#[derive(Debug, Clone, PartialEq)]
pub struct PageQuery {
    pub column: SortColumn,
    pub descending: bool,
    /// Rows wanted (1..=100); the store fetches one more to see if more exist.
    pub limit: usize,
    /// Start after this key (in the list's order).
    pub after: Option<SortKey>,
    /// Stop before this key.
    pub before: Option<SortKey>,
    /// Take the rows nearest `before` (Relay's `last`) instead of nearest `after`.
    pub from_end: bool,
}

/// A page of rows and whether more lie beyond it in the direction read.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub has_more: bool,
}

/// Filters for the startup list; lists match any of their values, fields all.
#[derive(Debug, Clone, Default)]
pub struct StartupFilter {
    /// Only these ids (the matches of a search), when given.
    pub ids: Option<Vec<i64>>,
    pub sectors: Option<Vec<String>>,
    pub stages: Option<Vec<Stage>>,
    pub provinces: Option<Vec<String>>,
    pub tags: Option<Vec<StartupTag>>,
    /// `(eligible, as_of)`: only startups that are (or are not) eligible on `as_of`.
    pub eligible_for_support: Option<(bool, NaiveDate)>,
    pub organizations: Option<Vec<i64>>,
}

/// Filters for the investor list.
#[derive(Debug, Clone, Default)]
pub struct InvestorFilter {
    /// Only these ids (the matches of a search), when given.
    pub ids: Option<Vec<i64>>,
    pub sectors: Option<Vec<String>>,
    pub stages: Option<Vec<Stage>>,
    pub kinds: Option<Vec<InvestorKind>>,
    /// Investors who invest in any of these provinces, nationwide ones included.
    pub provinces: Option<Vec<String>>,
    pub active: Option<bool>,
}

/// Filters for the mentor list.
#[derive(Debug, Clone, Default)]
pub struct MentorFilter {
    /// Only these ids (the matches of a search), when given.
    pub ids: Option<Vec<i64>>,
    pub sectors: Option<Vec<String>>,
    pub expertise: Option<Vec<Topic>>,
    pub provinces: Option<Vec<String>>,
    pub languages: Option<Vec<String>>,
}

/// Filters for the organisation list.
#[derive(Debug, Clone, Default)]
pub struct OrganizationFilter {
    /// Only these ids (the matches of a search), when given.
    pub ids: Option<Vec<i64>>,
    pub kinds: Option<Vec<OrganizationKind>>,
    pub provinces: Option<Vec<String>>,
}

/// Filters for the event list. `from`/`to` select events that overlap the range.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Only these ids (the matches of a search), when given.
    pub ids: Option<Vec<i64>>,
    pub kinds: Option<Vec<EventKind>>,
    pub provinces: Option<Vec<String>>,
    pub sectors: Option<Vec<String>>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub organizers: Option<Vec<i64>>,
}

/// What a list of programmes asks for; `None` and empty lists ask nothing.
#[derive(Debug, Clone, Default)]
pub struct ProgrammeFilter {
    pub kinds: Option<Vec<ProgrammeKind>>,
    pub provinces: Option<Vec<String>>,
    pub sectors: Option<Vec<String>>,
    /// Any of these groups.
    pub audience: Option<Vec<Audience>>,
    pub organizations: Option<Vec<i64>>,
}

/// What a list of calls asks for; `None` and empty lists ask nothing.
#[derive(Debug, Clone, Default)]
pub struct CallFilter {
    /// Only calls taking applications at this moment.
    pub open_at: Option<DateTime<Utc>>,
    pub programmes: Option<Vec<i64>>,
    /// Calls that name one of these sectors (or none: any sector).
    pub sectors: Option<Vec<String>>,
    /// Calls that name one of these provinces (or none: anywhere).
    pub provinces: Option<Vec<String>>,
    /// Calls whose programme is for one of these groups.
    pub audience: Option<Vec<Audience>>,
}

/// What a list of support records asks for; `None` and empty lists ask
/// nothing.
#[derive(Debug, Clone, Default)]
pub struct SupportFilter {
    pub startups: Option<Vec<i64>>,
    pub programmes: Option<Vec<i64>>,
    pub organizations: Option<Vec<i64>>,
    pub kinds: Option<Vec<SupportKind>>,
    /// Given on or after this day.
    pub from: Option<NaiveDate>,
    /// Given on or before this day.
    pub to: Option<NaiveDate>,
}

/// What a connection lists: the entity type and its filter.
#[derive(Debug, Clone)]
pub enum ListQuery {
    Startups(StartupFilter),
    Investors(InvestorFilter),
    Mentors(MentorFilter),
    Organizations(OrganizationFilter),
    Events(EventFilter),
    Programmes(ProgrammeFilter),
    Calls(CallFilter),
    Support(SupportFilter),
}
