//! `Plan`, its targets and the indicators: what the operator reports to
//! the People's Committee, computed from ketnoi's records with the records
//! behind every figure. The operator's alone (`FORBIDDEN` for others).

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};

use super::ids::{self, Kind};
use super::loaders::{self, ProvinceId, SectorId};
use super::mutation::{caller, payloads, user_errors};
use super::query::Node;
use super::scalars::Date;
use crate::error::Error;
use crate::model::{
    Audience, BudgetSource, EventKind, EventScope, Indicator, IndicatorFilter, InvestorKind,
    OrganizationKind, Plan, ProgrammeKind, Province, ReportDimension, Sector, StartupTag,
    SupportKind, TargetStatus,
};
use crate::ops::reports::{self, MAX_CONTRIBUTORS, SeriesRequest, TargetReport};
use crate::store::{Contributor, ContributorKind, Figure, IndicatorQuery, Store};

/// A province's plan for its startup ecosystem (kế hoạch): its period,
/// the decision or plan that set it, and its targets.
#[Object]
impl Plan {
    /// The unique key (as in data files).
    async fn key(&self) -> &str {
        &self.slug
    }

    /// The title, in Vietnamese.
    async fn title(&self) -> &str {
        &self.title
    }

    /// The title in English, if given.
    async fn title_en(&self) -> &str {
        &self.title_en
    }

    /// The province it is for.
    async fn province(&self, ctx: &Context<'_>) -> Result<Option<Province>> {
        match self.province_id {
            Some(id) => Ok(loaders::one(ctx, ProvinceId(id)).await?),
            None => Ok(None),
        }
    }

    /// Its first day.
    async fn starts_on(&self) -> Date {
        Date(self.starts_on)
    }

    /// Its last day.
    async fn ends_on(&self) -> Date {
        Date(self.ends_on)
    }

    /// The decision or plan that set it, e.g. `135/KH-UBND`.
    async fn basis(&self) -> &str {
        &self.basis
    }

    /// The day that decision was issued.
    async fn basis_on(&self) -> Option<Date> {
        self.basis_on.map(Date)
    }

    /// The calendar years it spans.
    async fn years(&self) -> Vec<i32> {
        self.calendar_years()
    }

    /// Its targets, each with its figure for `year` (absent: the whole
    /// period) and where it stands. A target due every year is judged,
    /// for a year, on that year's figure, and for the whole period against
    /// the yearly target times the years; a target for the whole period
    /// is judged, for a year, on the figure from the plan's start to that
    /// year's end. A year outside the plan is `BAD_USER_INPUT`.
    async fn targets(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A year of the plan; absent: its whole period.")] year: Option<i32>,
    ) -> Result<Vec<PlanTarget>> {
        let list = reports::targets(&caller(ctx), self, year).await?;
        Ok(list.into_iter().map(PlanTarget).collect())
    }
}

/// A target of a plan, with its figure for a report's window.
pub struct PlanTarget(TargetReport);

/// A target of a plan, with its figure for a year or the whole period,
/// the target due for that window, and where it stands.
#[Object]
impl PlanTarget {
    /// The target's key, unique in its plan.
    async fn key(&self) -> &str {
        &self.0.target.key
    }

    /// What it counts (each indicator's rule is on `Indicator`).
    async fn indicator(&self) -> Indicator {
        self.0.target.indicator
    }

    /// What the plan says, in Vietnamese.
    async fn label(&self) -> &str {
        &self.0.target.label
    }

    /// What the plan says, in English, if given.
    async fn label_en(&self) -> &str {
        &self.0.target.label_en
    }

    /// The unit (e.g. `dự án`, `%`, `VND`).
    async fn unit(&self) -> &str {
        self.0.target.unit()
    }

    /// The target as written: at least this much.
    async fn min(&self) -> Option<f64> {
        self.0.target.min
    }

    /// The target as written: at most this much.
    async fn max(&self) -> Option<f64> {
        self.0.target.max
    }

    /// Whether it is due every year (else over the whole period).
    async fn per_year(&self) -> bool {
        self.0.target.per_year
    }

    /// The agency that answers for it.
    async fn agency(&self) -> &str {
        &self.0.target.agency
    }

    /// The first day the figure covers.
    async fn from(&self) -> Date {
        Date(self.0.window.from)
    }

    /// The last day the figure covers.
    async fn to(&self) -> Date {
        Date(self.0.window.to)
    }

    /// The target for this window: at least this much (a yearly target
    /// times the years, for a whole period).
    async fn target(&self) -> Option<f64> {
        self.0.due.0
    }

    /// The target for this window: at most this much.
    async fn target_max(&self) -> Option<f64> {
        self.0.due.1
    }

    /// The figure; null for a figure to enter that has not been entered.
    async fn actual(&self) -> Option<f64> {
        self.0.actual
    }

    /// The figure over the target (1 = met); null when the target is 0 or
    /// there is no figure.
    async fn progress(&self) -> Option<f64> {
        self.0.judgement.and_then(|j| j.progress)
    }

    /// Where it stands; null when there is no figure.
    async fn status(&self) -> Option<TargetStatus> {
        self.0.judgement.map(|j| j.status)
    }

    /// Whether the figure was entered by the operator, not computed.
    async fn entered(&self) -> bool {
        self.0.target.indicator == Indicator::Entered
    }

    /// The note entered with the figure.
    async fn note(&self) -> Option<&str> {
        self.0.entry.as_ref().map(|e| e.note.as_str())
    }

    /// A link to the evidence entered with the figure.
    async fn evidence(&self) -> Option<&str> {
        self.0.entry.as_ref().and_then(|e| e.evidence.as_deref())
    }

    /// The records behind the figure (for a ratio, its numerator's),
    /// by their first day in the window, then name.
    async fn contributors(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many (1 to 500).", default = 20)] first: i32,
        #[graphql(desc = "How many to skip.", default = 0)] offset: i32,
    ) -> Result<ContributorPage> {
        match &self.0.query {
            Some(q) => Ok(contributors(ctx, q, first, offset).await?),
            None => Ok(ContributorPage::default()),
        }
    }
}

/// A page of the records behind a figure.
#[derive(SimpleObject, Default)]
#[graphql(complex)]
pub struct ContributorPage {
    /// How many records stand behind the figure in all.
    pub total_count: i64,
    /// Whether more follow this page.
    pub has_next_page: bool,
    #[graphql(skip)]
    list: Vec<Contributor>,
}

#[async_graphql::ComplexObject]
impl ContributorPage {
    /// This page's records.
    async fn nodes(&self) -> Vec<ContributorEntry> {
        self.list.iter().cloned().map(ContributorEntry).collect()
    }
}

async fn contributors(
    ctx: &Context<'_>,
    q: &IndicatorQuery,
    first: i32,
    offset: i32,
) -> Result<ContributorPage, Error> {
    let first = i64::from(first);
    if !(1..=MAX_CONTRIBUTORS).contains(&first) || offset < 0 {
        return Err(Error::BadUserInput(format!(
            "`first` is 1 to {MAX_CONTRIBUTORS} and `offset` at least 0"
        )));
    }
    let store = ctx.data_unchecked::<Store>();
    let offset = i64::from(offset);
    let (list, total) = store.indicator_contributors(q, offset, first).await?;
    Ok(ContributorPage {
        total_count: total,
        has_next_page: offset + (list.len() as i64) < total,
        list,
    })
}

/// A record behind a figure.
pub struct ContributorEntry(Contributor);

impl ContributorEntry {
    fn kind_of_node(&self) -> Option<Kind> {
        match self.0.kind {
            ContributorKind::Startup => Some(Kind::Startup),
            ContributorKind::Investor => Some(Kind::Investor),
            ContributorKind::Mentor => Some(Kind::Mentor),
            ContributorKind::Organization => Some(Kind::Organization),
            ContributorKind::Event => Some(Kind::Event),
            ContributorKind::Application => Some(Kind::Application),
            ContributorKind::SupportRecord => Some(Kind::Support),
            ContributorKind::Class => Some(Kind::Class),
            _ => None,
        }
    }
}

/// A record behind a figure: a startup, a named project, a support
/// record, an event, a class, a person, an enterprise, ...
#[Object(name = "Contributor")]
impl ContributorEntry {
    /// What the record is.
    async fn kind(&self) -> ContributorKind {
        self.0.kind
    }

    /// Its global ID, when it is an object of the API (a startup, a
    /// support record, an event, ...).
    async fn id(&self) -> Option<ID> {
        self.id_of()
    }

    /// The object, when it is a node the viewer may see.
    async fn node(&self, ctx: &Context<'_>) -> Result<Option<Node>> {
        let Some(id) = self.id_of() else {
            return Ok(None);
        };
        Ok(super::query::node(ctx, &id).await?)
    }

    /// Its name (a startup's, a person's at their organisation, ...).
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// Its first day in the window.
    async fn on(&self) -> Option<Date> {
        self.0.day.map(Date)
    }

    /// The money it carries, in VND (support given, capital raised in VND).
    async fn value_vnd(&self) -> Option<f64> {
        self.0.vnd
    }

    /// How many records it stands for (a startup's support records, a
    /// person's classes).
    async fn lines(&self) -> i64 {
        self.0.lines
    }
}

impl ContributorEntry {
    fn id_of(&self) -> Option<ID> {
        Some(ids::encode(self.kind_of_node()?, self.0.id?))
    }
}

/// What an indicator counts among: empty lists place no condition. A
/// filter that does not apply to the indicator is `BAD_USER_INPUT`.
#[derive(InputObject, Default)]
pub struct IndicatorFilterInput {
    /// Sector keys: records of any of them.
    #[graphql(default)]
    pub sectors: Vec<String>,
    /// Startups of any of these groups.
    #[graphql(default)]
    pub groups: Vec<StartupTag>,
    /// Programmes of these kinds.
    #[graphql(default)]
    pub programme_kinds: Vec<ProgrammeKind>,
    /// Support of these kinds.
    #[graphql(default)]
    pub support_kinds: Vec<SupportKind>,
    /// Support from these budgets.
    #[graphql(default)]
    pub budget_sources: Vec<BudgetSource>,
    /// Investors of these kinds.
    #[graphql(default)]
    pub investor_kinds: Vec<InvestorKind>,
    /// Organisations of these kinds (default: all but government agencies).
    #[graphql(default)]
    pub organization_kinds: Vec<OrganizationKind>,
    /// Events of these kinds.
    #[graphql(default)]
    pub event_kinds: Vec<EventKind>,
    /// Events of these reaches.
    #[graphql(default)]
    pub event_scopes: Vec<EventScope>,
    /// Trainees of these groups.
    #[graphql(default)]
    pub audiences: Vec<Audience>,
}

impl From<IndicatorFilterInput> for IndicatorFilter {
    fn from(i: IndicatorFilterInput) -> Self {
        IndicatorFilter {
            sectors: i.sectors,
            groups: i.groups,
            programme_kinds: i.programme_kinds,
            support_kinds: i.support_kinds,
            budget_sources: i.budget_sources,
            investor_kinds: i.investor_kinds,
            organization_kinds: i.organization_kinds,
            event_kinds: i.event_kinds,
            event_scopes: i.event_scopes,
            audiences: i.audiences,
        }
    }
}

/// An indicator over a period, in all and split.
pub struct IndicatorSeries {
    query: IndicatorQuery,
    total: f64,
    points: Vec<Figure>,
}

/// An indicator over a period: its total, and its figures split by the
/// dimensions asked.
#[Object]
impl IndicatorSeries {
    /// What it counts.
    async fn indicator(&self) -> Indicator {
        self.query.indicator
    }

    /// The unit: `%`, `VND`, or a count (empty).
    async fn unit(&self) -> &str {
        self.query.indicator.default_unit()
    }

    /// The first day counted.
    async fn from(&self) -> Date {
        Date(self.query.period.from)
    }

    /// The last day counted.
    async fn to(&self) -> Date {
        Date(self.query.period.to)
    }

    /// The figure over the whole period (distinct records: not the sum of
    /// the points when a record falls in several).
    async fn total(&self) -> f64 {
        self.total
    }

    /// The figure split by `groupBy`, in order of its keys. Years and
    /// quarters of the period with nothing in them are 0.
    async fn points(&self) -> Vec<IndicatorPoint> {
        (self.points.iter())
            .map(|f| {
                let mut p = IndicatorPoint {
                    year: None,
                    quarter: None,
                    province_id: None,
                    sector_id: None,
                    value: f.value,
                };
                for (d, k) in self.query.by.iter().zip(&f.key) {
                    match d {
                        ReportDimension::Year => p.year = k.map(|y| y as i32),
                        ReportDimension::Quarter => {
                            p.year = k.map(|v| (v / 10) as i32);
                            p.quarter = k.map(|v| (v % 10) as i32);
                        }
                        ReportDimension::Province => p.province_id = *k,
                        ReportDimension::Sector => p.sector_id = *k,
                    }
                }
                p
            })
            .collect()
    }

    /// The records behind the total (for a ratio, its numerator's), by
    /// their first day, then name.
    async fn contributors(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many (1 to 500).", default = 20)] first: i32,
        #[graphql(desc = "How many to skip.", default = 0)] offset: i32,
    ) -> Result<ContributorPage> {
        let whole = IndicatorQuery {
            by: vec![],
            ..self.query.clone()
        };
        Ok(contributors(ctx, &whole, first, offset).await?)
    }
}

/// One figure of a series; the dimensions not asked are null.
pub struct IndicatorPoint {
    year: Option<i32>,
    quarter: Option<i32>,
    province_id: Option<i64>,
    sector_id: Option<i64>,
    value: f64,
}

/// One figure of an indicator's series, with where it sits.
#[Object]
impl IndicatorPoint {
    /// The year (with `YEAR` or `QUARTER`).
    async fn year(&self) -> Option<i32> {
        self.year
    }

    /// The quarter, 1 to 4 (with `QUARTER`).
    async fn quarter(&self) -> Option<i32> {
        self.quarter
    }

    /// The province (with `PROVINCE`; null for records with none).
    async fn province(&self, ctx: &Context<'_>) -> Result<Option<Province>> {
        match self.province_id {
            Some(id) => Ok(loaders::one(ctx, ProvinceId(id)).await?),
            None => Ok(None),
        }
    }

    /// The sector (with `SECTOR`).
    async fn sector(&self, ctx: &Context<'_>) -> Result<Option<Sector>> {
        match self.sector_id {
            Some(id) => Ok(loaders::one(ctx, SectorId(id)).await?),
            None => Ok(None),
        }
    }

    /// The figure.
    async fn value(&self) -> f64 {
        self.value
    }
}

#[derive(Default)]
pub struct ReportQuery;

/// Plans and indicators (the operator's).
#[Object]
impl ReportQuery {
    /// The plans, of a province or all, the latest first.
    async fn plans(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A province key.")] province: Option<String>,
    ) -> Result<Vec<Plan>> {
        Ok(reports::plans(&caller(ctx), province.as_deref()).await?)
    }

    /// A plan by key.
    async fn plan(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The plan's key.")] key: String,
    ) -> Result<Option<Plan>> {
        Ok(reports::plan(&caller(ctx), &key).await?)
    }

    /// An indicator for a province (absent: all) over the days `from` to
    /// `to` (in Vietnam), in all and split by `groupBy` (at most one of
    /// YEAR and QUARTER). Each indicator's rule is on `Indicator`.
    #[allow(clippy::too_many_arguments)]
    async fn indicator(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to count.")] name: Indicator,
        #[graphql(desc = "A province key; absent: all provinces.")] province: Option<String>,
        #[graphql(desc = "The first day.")] from: Date,
        #[graphql(desc = "The last day.")] to: Date,
        #[graphql(desc = "How to split the figure.", default)] group_by: Vec<ReportDimension>,
        #[graphql(desc = "What to count among.")] filter: Option<IndicatorFilterInput>,
    ) -> Result<IndicatorSeries> {
        let c = caller(ctx);
        let request = SeriesRequest {
            indicator: name,
            province: province.as_deref(),
            from: from.0,
            to: to.0,
            by: group_by,
            filter: filter.unwrap_or_default().into(),
        };
        let query = reports::series_query(&c, &request).await?;
        let store = ctx.data_unchecked::<Store>();
        let whole = IndicatorQuery {
            by: vec![],
            ..query.clone()
        };
        let total = (store.indicator_figures(&whole).await?)
            .first()
            .map_or(0.0, |f| f.value);
        let points = if query.by.is_empty() {
            vec![]
        } else {
            store.indicator_figures(&query).await?
        };
        Ok(IndicatorSeries {
            query,
            total,
            points,
        })
    }
}

/// A value for a target ketnoi cannot compute.
#[derive(InputObject)]
pub struct EnterIndicatorValueInput {
    /// The plan's key.
    pub plan: String,
    /// The target's key (an `ENTERED` target).
    pub target: String,
    /// A year of the plan; absent: its whole period.
    pub year: Option<i32>,
    /// The value (at least 0); null removes the value entered.
    pub value: Option<f64>,
    /// Where the figure comes from (up to 2,000 characters).
    #[graphql(default)]
    pub note: String,
    /// A link to the evidence (http:// or https://).
    pub evidence: Option<String>,
}

payloads! {
    /// The result of entering a value: the target's figure as it now stands.
    EnterIndicatorValuePayload {
        /// The target, for the year entered (or the whole period).
        target: PlanTarget
    }
}

#[derive(Default)]
pub struct ReportMutation;

/// Entering what ketnoi cannot compute (the operator's).
#[Object]
impl ReportMutation {
    /// Enters (or with a null value removes) the figure of an `ENTERED`
    /// target for a year of the plan or its whole period, with a note and
    /// a link to the evidence. A computed target is `NOT_ALLOWED`.
    async fn enter_indicator_value(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The value.")] input: EnterIndicatorValueInput,
    ) -> Result<EnterIndicatorValuePayload> {
        let c = caller(ctx);
        let Some(plan) = reports::plan(&c, &input.plan).await? else {
            return Ok(EnterIndicatorValuePayload::refused_on(
                "plan",
                crate::model::FieldErrorCode::UnknownReference,
                format!("there is no plan with key `{}`", input.plan),
            ));
        };
        let outcome = reports::enter(
            &c,
            &plan,
            &input.target,
            input.year,
            input.value,
            &input.note,
            input.evidence.as_deref(),
        )
        .await?;
        if let Err(problems) = outcome {
            return Ok(EnterIndicatorValuePayload::refused(user_errors(problems)));
        }
        let target = reports::targets(&c, &plan, input.year)
            .await?
            .into_iter()
            .find(|t| t.target.key == input.target)
            .map(PlanTarget);
        Ok(EnterIndicatorValuePayload::done(target))
    }
}
