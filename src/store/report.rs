//! What a report asks of the store: one indicator over a period, for a
//! province or all, filtered and split; and what comes back.

use crate::model::{
    Audience, BudgetSource, EventKind, EventScope, Indicator, InvestorKind, OrganizationKind,
    Period, ProgrammeKind, ReportDimension, StartupTag, SupportKind,
};

/// An indicator's filter with its sectors resolved to rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportFilter {
    pub sectors: Vec<i64>,
    pub groups: Vec<StartupTag>,
    pub programme_kinds: Vec<ProgrammeKind>,
    pub support_kinds: Vec<SupportKind>,
    pub budget_sources: Vec<BudgetSource>,
    pub investor_kinds: Vec<InvestorKind>,
    pub organization_kinds: Vec<OrganizationKind>,
    pub event_kinds: Vec<EventKind>,
    pub event_scopes: Vec<EventScope>,
    pub audiences: Vec<Audience>,
}

/// One indicator over `period` for `province` (none: all), split by
/// `by` (at most one time dimension).
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorQuery {
    pub indicator: Indicator,
    pub province: Option<i64>,
    pub period: Period,
    pub by: Vec<ReportDimension>,
    pub filter: ReportFilter,
}

/// Where a figure of a series sits: one value per dimension asked, in
/// the order asked. A year is `2025`; a quarter `20253` (year and
/// quarter); a province or sector its row (none: records with no
/// province).
pub type FigureKey = Vec<Option<i64>>;

/// One figure of a series.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub key: FigureKey,
    pub value: f64,
}

/// What kind of record stands behind a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, async_graphql::Enum)]
pub enum ContributorKind {
    /// A startup profile (`id` is its row).
    Startup,
    /// A project or enterprise named on a support record, with no profile.
    Recipient,
    /// A support record (`id` is its row).
    SupportRecord,
    /// An application (`id` is its row).
    Application,
    /// An investor profile.
    Investor,
    /// A mentor profile.
    Mentor,
    /// A support organisation.
    Organization,
    /// An event.
    Event,
    /// A training class (`id` is its row).
    Class,
    /// A person at a class (`id` is the attendance line).
    Attendance,
    /// A person, however many classes they attended.
    Person,
    /// An enterprise named by attendees.
    Enterprise,
}

impl ContributorKind {
    /// The tag the store's statements use.
    pub fn tag(self) -> &'static str {
        match self {
            ContributorKind::Startup => "STARTUP",
            ContributorKind::Recipient => "RECIPIENT",
            ContributorKind::SupportRecord => "SUPPORT_RECORD",
            ContributorKind::Application => "APPLICATION",
            ContributorKind::Investor => "INVESTOR",
            ContributorKind::Mentor => "MENTOR",
            ContributorKind::Organization => "ORGANIZATION",
            ContributorKind::Event => "EVENT",
            ContributorKind::Class => "CLASS",
            ContributorKind::Attendance => "ATTENDANCE",
            ContributorKind::Person => "PERSON",
            ContributorKind::Enterprise => "ENTERPRISE",
        }
    }

    /// The kind a tag names.
    pub fn from_tag(tag: &str) -> Option<ContributorKind> {
        use ContributorKind::*;
        [
            Startup,
            Recipient,
            SupportRecord,
            Application,
            Investor,
            Mentor,
            Organization,
            Event,
            Class,
            Attendance,
            Person,
            Enterprise,
        ]
        .into_iter()
        .find(|k| k.tag() == tag)
    }
}

/// A record behind a figure: what it is, its row when it has one, its
/// name, its first day in the period, the money it carries (VND, where
/// the records carry money) and how many lines it stands for (the support
/// records of a recipient, the classes of a person).
#[derive(Debug, Clone, PartialEq)]
pub struct Contributor {
    pub kind: ContributorKind,
    pub id: Option<i64>,
    pub name: String,
    pub day: Option<chrono::NaiveDate>,
    pub vnd: Option<f64>,
    pub lines: i64,
}
