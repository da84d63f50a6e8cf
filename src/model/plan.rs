//! Plans and their targets: what a province promised its People's
//! Committee, the indicators that measure it from ketnoi's own records,
//! and how a figure is judged against the share of the period gone by.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};

use super::*;

vocabulary! {
    /// What an indicator counts, each by a rule over ketnoi's records. A
    /// record counts for a province by its place (a support record by its
    /// startup's province, else its programme's, else its giver's); a day
    /// is a day in Vietnam (Asia/Ho_Chi_Minh), so a period runs from
    /// midnight there.
    Indicator {
        /// Startups and projects supported: distinct recipients (a startup
        /// profile, or a named project or enterprise) of support records
        /// given in the period (dự án khởi nghiệp được hỗ trợ).
        Supported = "SUPPORTED",
        /// Of those supported in the period, the startups that raised
        /// capital from investors after their first support ever: an
        /// investment dated after that support and no later than the
        /// period's end.
        SupportedRaisedCapital = "SUPPORTED_RAISED_CAPITAL",
        /// `SUPPORTED_RAISED_CAPITAL` as a percentage of `SUPPORTED`.
        SupportedRaisedCapitalShare = "SUPPORTED_RAISED_CAPITAL_SHARE",
        /// Startups incubated: distinct startups accepted, in the period,
        /// into a call of an idea- or business-incubation programme.
        Incubated = "INCUBATED",
        /// Startups accelerated: distinct startups accepted, in the period,
        /// into a call of an acceleration programme.
        Accelerated = "ACCELERATED",
        /// Startups that raised capital: distinct startups with an
        /// investment dated in the period.
        Funded = "FUNDED",
        /// Certified science-and-technology enterprises: startups tagged
        /// `ST_ENTERPRISE` founded by the period's end (a startup with no
        /// founding date counts).
        StEnterprises = "ST_ENTERPRISES",
        /// New science-and-technology enterprises: startups tagged
        /// `ST_ENTERPRISE` founded in the period.
        NewStEnterprises = "NEW_ST_ENTERPRISES",
        /// Mentors, coaches and experts listed in the province now (a
        /// snapshot: ketnoi keeps no history of who was listed when).
        Mentors = "MENTORS",
        /// Investors active now (not marked inactive) that list the province
        /// among their places or backed a startup of it (a snapshot).
        Investors = "INVESTORS",
        /// `MENTORS` plus `INVESTORS` (plans count them together).
        MentorsAndInvestors = "MENTORS_AND_INVESTORS",
        /// Support organisations by the period's end: those founded by
        /// then, or with no founding date (filter by `organizationKinds`).
        Organizations = "ORGANIZATIONS",
        /// Support organisations founded in the period.
        NewOrganizations = "NEW_ORGANIZATIONS",
        /// Events that started in the period (filter by `eventKinds` and
        /// `eventScopes`).
        Events = "EVENTS",
        /// Training classes held in the period (by the class's province,
        /// else its programme's).
        Trainings = "TRAININGS",
        /// Trainee-times: attendance lines of the classes held in the
        /// period (one person at two classes counts twice).
        TraineeTimes = "TRAINEE_TIMES",
        /// Trainees: distinct people at the classes held in the period (a
        /// name at an organisation, however typed).
        Trainees = "TRAINEES",
        /// Enterprises trained: distinct organisations named by the
        /// attendees of the classes held in the period.
        TrainedEnterprises = "TRAINED_ENTERPRISES",
        /// Support given in VND: the sum of the values of support records
        /// given in the period (filter by `budgetSources`).
        SupportVnd = "SUPPORT_VND",
        /// Applications received: applications submitted in the period (by
        /// the programme's province, else the startup's).
        Applications = "APPLICATIONS",
        /// Applications accepted in the period.
        Accepted = "ACCEPTED",
        /// Accepted as a percentage of those decided (accepted or rejected)
        /// in the period.
        AcceptanceRate = "ACCEPTANCE_RATE",
        /// A figure ketnoi cannot compute (news items, TV reports, ...):
        /// entered by the operator per year, with a note and evidence.
        Entered = "ENTERED",
    }
}

vocabulary! {
    /// How far an event reaches.
    EventScope {
        /// The province or city (địa phương).
        Local = "LOCAL",
        /// A region, such as the Mekong Delta (vùng).
        Regional = "REGIONAL",
        /// The whole country (quốc gia).
        National = "NATIONAL",
        /// Beyond Vietnam (quốc tế).
        International = "INTERNATIONAL",
    }
}

// The vocabulary macro derives no `Default`.
#[allow(clippy::derivable_impls)]
impl Default for EventScope {
    fn default() -> Self {
        EventScope::Local
    }
}

impl EventScope {
    /// Whether it is the default, [`EventScope::Local`].
    pub fn is_local(&self) -> bool {
        *self == EventScope::Local
    }
}

vocabulary! {
    /// Where a target stands.
    TargetStatus {
        /// Not yet met, but at least the share of the target that the
        /// share of the period gone by calls for.
        OnTrack = "ON_TRACK",
        /// Behind the share of the period gone by.
        AtRisk = "AT_RISK",
        /// Met.
        Met = "MET",
        /// The period is over and the target was not met.
        Missed = "MISSED",
    }
}

vocabulary! {
    /// What an indicator's series is split by.
    ReportDimension {
        /// Calendar year.
        Year = "YEAR",
        /// Calendar quarter.
        Quarter = "QUARTER",
        /// Province.
        Province = "PROVINCE",
        /// Sector (a record of several sectors counts in each).
        Sector = "SECTOR",
    }
}

/// What an indicator measures in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// A number of things.
    Count,
    /// A percentage (0 to 100).
    Percent,
    /// A sum of money in VND.
    Vnd,
}

/// How an indicator's figure grows over a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accrual {
    /// It adds up over the period: a share of the target is due by each
    /// share of the period.
    Flow,
    /// It stands at a level (a count of what exists, a percentage): judged
    /// as it is.
    Level,
}

impl Indicator {
    /// What the figure measures in.
    pub fn measure(self) -> Measure {
        match self {
            Indicator::SupportedRaisedCapitalShare | Indicator::AcceptanceRate => Measure::Percent,
            Indicator::SupportVnd => Measure::Vnd,
            _ => Measure::Count,
        }
    }

    /// How the figure grows over a period.
    pub fn accrual(self) -> Accrual {
        match self {
            Indicator::SupportedRaisedCapitalShare
            | Indicator::AcceptanceRate
            | Indicator::StEnterprises
            | Indicator::Mentors
            | Indicator::Investors
            | Indicator::MentorsAndInvestors
            | Indicator::Organizations => Accrual::Level,
            _ => Accrual::Flow,
        }
    }

    /// The unit a target of it is written in, by default.
    pub fn default_unit(self) -> &'static str {
        match self.measure() {
            Measure::Percent => "%",
            Measure::Vnd => "VND",
            Measure::Count => "",
        }
    }

    /// Which filters apply to it.
    pub fn filters(self) -> &'static [FilterKind] {
        use FilterKind::*;
        match self {
            Indicator::Supported
            | Indicator::SupportedRaisedCapital
            | Indicator::SupportedRaisedCapitalShare
            | Indicator::SupportVnd => {
                &[Sectors, Groups, ProgrammeKinds, SupportKinds, BudgetSources]
            }
            Indicator::Incubated
            | Indicator::Accelerated
            | Indicator::Applications
            | Indicator::Accepted
            | Indicator::AcceptanceRate => &[Sectors, Groups, ProgrammeKinds],
            Indicator::Funded => &[Sectors, Groups, InvestorKinds],
            Indicator::StEnterprises | Indicator::NewStEnterprises => &[Sectors, Groups],
            Indicator::Mentors => &[Sectors],
            Indicator::Investors => &[Sectors, InvestorKinds],
            Indicator::MentorsAndInvestors => &[Sectors],
            Indicator::Organizations | Indicator::NewOrganizations => &[OrganizationKinds],
            Indicator::Events => &[Sectors, EventKinds, EventScopes],
            Indicator::Trainings => &[Sectors, ProgrammeKinds],
            Indicator::TraineeTimes | Indicator::Trainees | Indicator::TrainedEnterprises => {
                &[Sectors, ProgrammeKinds, Audiences]
            }
            Indicator::Entered => &[],
        }
    }

    /// Whether its series may be split by this dimension.
    pub fn splits_by(self, dimension: ReportDimension) -> bool {
        match dimension {
            ReportDimension::Year | ReportDimension::Quarter => {
                !matches!(
                    self,
                    Indicator::Mentors | Indicator::Investors | Indicator::MentorsAndInvestors
                ) && self != Indicator::Entered
            }
            ReportDimension::Province => self != Indicator::Entered,
            ReportDimension::Sector => self.filters().contains(&FilterKind::Sectors),
        }
    }
}

/// The kinds of filter an indicator may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKind {
    Sectors,
    Groups,
    ProgrammeKinds,
    SupportKinds,
    BudgetSources,
    InvestorKinds,
    OrganizationKinds,
    EventKinds,
    EventScopes,
    Audiences,
}

impl FilterKind {
    /// Its name in the API.
    pub fn name(self) -> &'static str {
        match self {
            FilterKind::Sectors => "sectors",
            FilterKind::Groups => "groups",
            FilterKind::ProgrammeKinds => "programmeKinds",
            FilterKind::SupportKinds => "supportKinds",
            FilterKind::BudgetSources => "budgetSources",
            FilterKind::InvestorKinds => "investorKinds",
            FilterKind::OrganizationKinds => "organizationKinds",
            FilterKind::EventKinds => "eventKinds",
            FilterKind::EventScopes => "eventScopes",
            FilterKind::Audiences => "audiences",
        }
    }
}

/// What an indicator counts among: empty lists place no condition.
/// Sectors are keys here; a record of any of them counts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorFilter {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<String>,
    /// Startups of these groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<StartupTag>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programme_kinds: Vec<ProgrammeKind>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub support_kinds: Vec<SupportKind>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub budget_sources: Vec<BudgetSource>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub investor_kinds: Vec<InvestorKind>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organization_kinds: Vec<OrganizationKind>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub event_kinds: Vec<EventKind>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub event_scopes: Vec<EventScope>,
    /// Trainees of these groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audiences: Vec<Audience>,
}

impl IndicatorFilter {
    /// The kinds of filter it sets.
    pub fn kinds(&self) -> Vec<FilterKind> {
        let set = [
            (FilterKind::Sectors, self.sectors.is_empty()),
            (FilterKind::Groups, self.groups.is_empty()),
            (FilterKind::ProgrammeKinds, self.programme_kinds.is_empty()),
            (FilterKind::SupportKinds, self.support_kinds.is_empty()),
            (FilterKind::BudgetSources, self.budget_sources.is_empty()),
            (FilterKind::InvestorKinds, self.investor_kinds.is_empty()),
            (
                FilterKind::OrganizationKinds,
                self.organization_kinds.is_empty(),
            ),
            (FilterKind::EventKinds, self.event_kinds.is_empty()),
            (FilterKind::EventScopes, self.event_scopes.is_empty()),
            (FilterKind::Audiences, self.audiences.is_empty()),
        ];
        set.into_iter()
            .filter(|(_, empty)| !empty)
            .map(|(k, _)| k)
            .collect()
    }

    /// The filters set that do not apply to `indicator`, as one message.
    pub fn misfit(&self, indicator: Indicator) -> Option<String> {
        let wrong: Vec<&str> = (self.kinds().into_iter())
            .filter(|k| !indicator.filters().contains(k))
            .map(FilterKind::name)
            .collect();
        (!wrong.is_empty()).then(|| {
            let fits: Vec<&str> = indicator.filters().iter().map(|k| k.name()).collect();
            let fits = if fits.is_empty() {
                "none".to_string()
            } else {
                fits.join(", ")
            };
            format!(
                "{indicator} cannot be filtered by {}; it takes: {fits}",
                wrong.join(", ")
            )
        })
    }
}

/// A target of a plan as written: a key unique in its plan, what it counts
/// (an indicator and a filter), the target (at least `min`, at most `max`,
/// or both: a range), its unit, whether it is due every year or over the
/// whole period, and the agency that answers for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetDraft {
    pub key: String,
    pub indicator: Indicator,
    /// What the plan says, in Vietnamese.
    pub label: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label_en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub per_year: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub agency: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub filter: IndicatorFilter,
}

impl TargetDraft {
    /// Its unit: as written, else its indicator's (`%`, `VND`, or none).
    pub fn unit(&self) -> &str {
        if self.unit.is_empty() {
            self.indicator.default_unit()
        } else {
            &self.unit
        }
    }
}

fn is_default(f: &IndicatorFilter) -> bool {
    f == &IndicatorFilter::default()
}

/// The most targets one plan has.
pub const MAX_TARGETS: usize = 100;
const MAX_LABEL_CHARS: usize = 500;

/// A plan as written: its province by key.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanDraft {
    pub slug: String,
    pub title: String,
    pub title_en: String,
    pub province: Option<String>,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub basis: String,
    pub basis_on: Option<NaiveDate>,
    pub targets: Vec<TargetDraft>,
}

impl PlanDraft {
    /// The problems with this draft, if any.
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.slug(Field::Slug, &self.slug);
        c.required_text(Field::Title, &self.title, MAX_NAME_LEN);
        c.max_len(Field::TitleEn, &self.title_en, MAX_NAME_LEN);
        c.max_len(Field::Basis, &self.basis, MAX_NAME_LEN);
        c.year_in_range(Field::StartsOn, self.starts_on.year());
        c.year_in_range(Field::EndsOn, self.ends_on.year());
        if self.ends_on < self.starts_on {
            c.errors.push(FieldError::compared(
                Field::EndsOn,
                FieldErrorCode::OutOfRange,
                "must not be before",
                Field::StartsOn,
            ));
        }
        if self.targets.len() > MAX_TARGETS {
            c.push(
                Field::Targets,
                FieldErrorCode::OutOfRange,
                format!("at most {MAX_TARGETS} targets"),
            );
        }
        let mut keys = HashSet::new();
        for (i, t) in self.targets.iter().enumerate() {
            let mut problem = |message: String| {
                c.push(
                    Field::Targets,
                    FieldErrorCode::Invalid,
                    format!("target {} ({}): {message}", i + 1, t.key),
                );
            };
            if !super::check::is_slug(&t.key) {
                problem("its key must be lowercase letters, digits and hyphens".into());
            }
            if !keys.insert(t.key.as_str()) {
                problem("its key is used twice".into());
            }
            let label = t.label.trim();
            if label.is_empty() || label.chars().count() > MAX_LABEL_CHARS {
                problem(format!(
                    "its label must be 1 to {MAX_LABEL_CHARS} characters"
                ));
            }
            if t.label_en.chars().count() > MAX_LABEL_CHARS || t.unit.chars().count() > 40 {
                problem("its English label or unit is too long".into());
            }
            if t.agency.chars().count() > MAX_LABEL_CHARS {
                problem("its agency is too long".into());
            }
            match (t.min, t.max) {
                (None, None) => problem("give min, max or both".into()),
                (Some(a), Some(b)) if a > b => problem("min is above max".into()),
                _ => {}
            }
            if [t.min, t.max]
                .into_iter()
                .flatten()
                .any(|v| !v.is_finite() || v < 0.0)
            {
                problem("min and max must be numbers of at least 0".into());
            }
            if let Some(message) = t.filter.misfit(t.indicator) {
                problem(message);
            }
            if t.filter.sectors.len() > drafts::MAX_LINKS {
                problem("too many sectors".into());
            }
        }
        c.finish()
    }
}

/// A plan as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub title_en: String,
    pub province_id: Option<i64>,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub basis: String,
    pub basis_on: Option<NaiveDate>,
    pub targets: Vec<TargetDraft>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

impl Plan {
    /// The calendar years the plan spans.
    pub fn calendar_years(&self) -> Vec<i32> {
        (self.starts_on.year()..=self.ends_on.year()).collect()
    }

    /// The days a report for `year` covers (the plan's part of it), or the
    /// whole period.
    pub fn period(&self, year: Option<i32>) -> Option<Period> {
        let whole = Period {
            from: self.starts_on,
            to: self.ends_on,
        };
        match year {
            None => Some(whole),
            Some(y) => whole.intersect(Period::year(y)?),
        }
    }
}

/// A value the operator entered for a target.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorEntry {
    pub plan_id: i64,
    pub target: String,
    /// 0 for the whole period.
    pub year: i32,
    pub value: f64,
    pub note: String,
    pub evidence: Option<String>,
    pub entered_by: Option<i64>,
    pub entered_at: chrono::DateTime<chrono::Utc>,
}

/// Days from `from` to `to`, both included (in Vietnam).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// A calendar year.
    pub fn year(year: i32) -> Option<Period> {
        Some(Period {
            from: NaiveDate::from_ymd_opt(year, 1, 1)?,
            to: NaiveDate::from_ymd_opt(year, 12, 31)?,
        })
    }

    /// The days both periods hold, if any.
    pub fn intersect(self, other: Period) -> Option<Period> {
        let p = Period {
            from: self.from.max(other.from),
            to: self.to.min(other.to),
        };
        (p.from <= p.to).then_some(p)
    }

    /// How many days it holds.
    pub fn days(self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// The share of it gone by at the end of `today` (0 to 1).
    pub fn elapsed(self, today: NaiveDate) -> f64 {
        if today < self.from {
            0.0
        } else if today >= self.to {
            1.0
        } else {
            ((today - self.from).num_days() + 1) as f64 / self.days() as f64
        }
    }

    /// How many calendar years it touches.
    pub fn years(self) -> i32 {
        self.to.year() - self.from.year() + 1
    }
}

/// A target's figure judged: how far along it is and where it stands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Judgement {
    /// The figure over the target's lower bound (its upper bound for an
    /// "at most" target); none when the target is 0.
    pub progress: Option<f64>,
    pub status: TargetStatus,
}

/// Judges `actual` against a target of at least `min` and at most `max`
/// over `period`, on `today`. A flow is on track while it has reached at
/// least the share of `min` that the share of the period gone by calls
/// for; a level while it meets the target as it stands. A range's upper
/// bound is an aim (above it, the target is still met); above its `max`, an
/// "at most" target is missed at once for a flow (it cannot come down), at
/// risk for a level. Once the period is over, a target is met or missed.
pub fn judge(
    actual: f64,
    min: Option<f64>,
    max: Option<f64>,
    accrual: Accrual,
    period: Period,
    today: NaiveDate,
) -> Judgement {
    let over = today >= period.to;
    let elapsed = period.elapsed(today);
    // A range's upper bound is an aim: only an "at most" target binds it.
    let max = if min.is_some() { None } else { max };
    let meets = min.is_none_or(|m| actual >= m) && max.is_none_or(|m| actual <= m);
    let progress = match (min, max) {
        (Some(m), _) if m > 0.0 => Some(actual / m),
        (None, Some(m)) if m > 0.0 => Some(actual / m),
        _ => None,
    };
    let too_much = max.is_some_and(|m| actual > m);
    let status = if too_much {
        match (accrual, over) {
            (Accrual::Flow, _) | (Accrual::Level, true) => TargetStatus::Missed,
            (Accrual::Level, false) => TargetStatus::AtRisk,
        }
    } else if meets && (over || min.is_some()) {
        TargetStatus::Met
    } else if over {
        TargetStatus::Missed
    } else {
        let due = match accrual {
            Accrual::Flow => elapsed,
            Accrual::Level => 1.0,
        };
        match min {
            Some(m) if actual < m * due => TargetStatus::AtRisk,
            _ => TargetStatus::OnTrack,
        }
    };
    Judgement { progress, status }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    const FIVE_YEARS: Period = Period {
        from: NaiveDate::from_ymd_opt(2021, 1, 1).unwrap(),
        to: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
    };

    #[test]
    fn a_flow_is_judged_against_the_share_of_the_period_gone_by() {
        // Two fifths of the way through 2021–2025 (end of 2022).
        let today = day(2022, 12, 31);
        let at = |actual| judge(actual, Some(300.0), None, Accrual::Flow, FIVE_YEARS, today);
        assert_eq!(at(130.0).status, TargetStatus::OnTrack);
        assert_eq!(at(110.0).status, TargetStatus::AtRisk);
        assert_eq!(at(300.0).status, TargetStatus::Met);
        assert_eq!(at(150.0).progress, Some(0.5));
        // Over: met or missed, nothing between.
        let end = day(2026, 1, 1);
        let done = |actual| judge(actual, Some(300.0), None, Accrual::Flow, FIVE_YEARS, end);
        assert_eq!(done(299.0).status, TargetStatus::Missed);
        assert_eq!(done(301.0).status, TargetStatus::Met);
    }

    #[test]
    fn a_level_must_stand_at_the_target_and_at_most_targets_are_missed_when_passed() {
        let today = day(2023, 6, 30);
        let level = |actual| judge(actual, Some(20.0), None, Accrual::Level, FIVE_YEARS, today);
        assert_eq!(level(19.0).status, TargetStatus::AtRisk);
        assert_eq!(level(25.0).status, TargetStatus::Met);
        let at_most = |actual, accrual| judge(actual, None, Some(10.0), accrual, FIVE_YEARS, today);
        assert_eq!(at_most(5.0, Accrual::Flow).status, TargetStatus::OnTrack);
        assert_eq!(at_most(11.0, Accrual::Flow).status, TargetStatus::Missed);
        assert_eq!(at_most(11.0, Accrual::Level).status, TargetStatus::AtRisk);
        // A range is met from its lower bound, and above its upper (an aim).
        let range = judge(
            160.0,
            Some(150.0),
            Some(200.0),
            Accrual::Level,
            FIVE_YEARS,
            today,
        );
        assert_eq!(range.status, TargetStatus::Met);
        let above = judge(
            220.0,
            Some(150.0),
            Some(200.0),
            Accrual::Flow,
            FIVE_YEARS,
            today,
        );
        assert_eq!(above.status, TargetStatus::Met);
        assert_eq!(range.progress, Some(160.0 / 150.0));
    }

    #[test]
    fn a_year_of_a_plan_is_the_plans_part_of_it() {
        let plan = Plan {
            id: 1,
            slug: "p".into(),
            title: "P".into(),
            title_en: String::new(),
            province_id: None,
            starts_on: day(2021, 7, 1),
            ends_on: day(2025, 12, 31),
            basis: String::new(),
            basis_on: None,
            targets: vec![],
            created_at: chrono::DateTime::UNIX_EPOCH,
            updated_at: chrono::DateTime::UNIX_EPOCH,
        };
        assert_eq!(plan.calendar_years(), [2021, 2022, 2023, 2024, 2025]);
        let first = plan.period(Some(2021)).unwrap();
        assert_eq!((first.from, first.to), (day(2021, 7, 1), day(2021, 12, 31)));
        assert_eq!(plan.period(Some(2027)), None);
    }

    #[test]
    fn targets_are_checked_whole() {
        let target = TargetDraft {
            key: "ho-tro".into(),
            indicator: Indicator::Events,
            label: "Hỗ trợ 300 dự án".into(),
            label_en: String::new(),
            min: Some(300.0),
            max: Some(100.0),
            unit: String::new(),
            per_year: false,
            agency: String::new(),
            filter: IndicatorFilter {
                budget_sources: vec![BudgetSource::State],
                ..IndicatorFilter::default()
            },
        };
        let plan = PlanDraft {
            slug: "hai-phong-2021-2025".into(),
            title: "Kế hoạch".into(),
            title_en: String::new(),
            province: None,
            starts_on: day(2021, 1, 1),
            ends_on: day(2025, 12, 31),
            basis: String::new(),
            basis_on: None,
            targets: vec![target.clone(), target],
        };
        let errors = plan.check().unwrap_err();
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        assert!(
            messages.iter().any(|m| m.contains("min is above max")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("used twice")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("cannot be filtered by budgetSources")),
            "{messages:?}"
        );
    }
}
