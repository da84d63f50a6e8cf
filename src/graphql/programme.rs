//! `Programme`, `Call` and `Application`: support programmes, their calls
//! for applications, and startups' applications moving through review.
//!
//! Programmes and calls are public. An application is seen by its
//! applicant (the startup's owner) and, once submitted, by the managers of
//! the programme (the users of the organisation that runs it, and the
//! operator); to anyone else it does not exist. Who moves an application
//! where, and what must hold, is in [`crate::ops::programmes`].

use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, Result, SimpleObject};
use chrono::{DateTime, FixedOffset, Utc};

use super::connection::{PageArgs, connection, order};
use super::ids::{self, Kind};
use super::loaders::{self, CallId, OrganizationId, ProgrammeId, ProvinceId, SectorId, StartupId};
use super::matching::language;
use super::mutation::{
    caller, clean, delete, organization, patch, patch_text, payload, payloads, ref_change,
    reference, set, user_errors,
};
use super::query::list;
use super::scalars::{BigInt, Date};
use crate::error::Error;
use crate::matching::Lang;
use crate::model::{
    self, Application, ApplicationLogEntry, ApplicationStatus, Audience, BudgetSource, Call,
    CallDraft, CallFactor, Criterion, EligibilityRule, Field, Organization, Programme,
    ProgrammeDraft, ProgrammeKind, Province, Review, RuleVerdict, RulesDraft, Sector, Stage,
    Startup, StartupTag, Topic, User,
};
use crate::ops::profiles;
use crate::ops::programmes as ops;
use crate::store::{ListQuery, SortColumn, Store, Table};

fn vietnam(t: DateTime<Utc>) -> DateTime<FixedOffset> {
    t.with_timezone(&model::vietnam_offset())
}

/// A support programme: an incubation, an acceleration, a training
/// course, a competition, ... run by an organisation or by the operator.
#[Object]
impl Programme {
    /// The global ID.
    pub async fn id(&self) -> ID {
        ids::encode(Kind::Programme, self.id)
    }

    /// The unique, human-readable key.
    async fn slug(&self) -> &str {
        &self.slug
    }

    /// The programme's name.
    async fn name(&self) -> &str {
        &self.name
    }

    /// What the programme does.
    async fn kind(&self) -> ProgrammeKind {
        self.kind
    }

    /// The organisation that runs it; null when the operator runs it.
    async fn organization(&self, ctx: &Context<'_>) -> Result<Option<Organization>> {
        match self.organization_id {
            Some(id) => Ok(loaders::one(ctx, OrganizationId(id)).await?),
            None => Ok(None),
        }
    }

    /// Where it runs.
    async fn province(&self, ctx: &Context<'_>) -> Result<Option<Province>> {
        match self.province_id {
            Some(id) => Ok(loaders::one(ctx, ProvinceId(id)).await?),
            None => Ok(None),
        }
    }

    /// When it starts.
    async fn starts_on(&self) -> Option<Date> {
        self.starts_on.map(Date)
    }

    /// When it ends.
    async fn ends_on(&self) -> Option<Date> {
        self.ends_on.map(Date)
    }

    /// How many startups, projects or trainees it means to reach.
    async fn capacity(&self) -> Option<i32> {
        self.capacity
    }

    /// Its budget in VND.
    async fn budget_vnd(&self) -> Option<BigInt> {
        self.budget_vnd.map(BigInt)
    }

    /// Where the budget comes from.
    async fn budget_source(&self) -> Option<BudgetSource> {
        self.budget_source
    }

    /// The sectors it focuses on.
    async fn sectors(&self, ctx: &Context<'_>) -> Result<Vec<Sector>> {
        Ok(loaders::many(
            ctx,
            self.sector_ids.iter().map(|id| SectorId(*id)).collect(),
        )
        .await?)
    }

    /// The topics it covers (for courses and mentoring).
    async fn topics(&self) -> &[Topic] {
        &self.topics
    }

    /// The groups it is meant for.
    async fn audience(&self) -> &[Audience] {
        &self.audience
    }

    /// What it offers and to whom, in Vietnamese.
    async fn description(&self) -> &str {
        &self.description
    }

    /// What it offers and to whom, in English.
    async fn description_en(&self) -> &str {
        &self.description_en
    }

    /// Its web page.
    async fn website(&self) -> Option<&str> {
        self.website.as_deref()
    }

    /// Its calls for applications, the latest closing first (up to 100).
    async fn calls(&self, ctx: &Context<'_>) -> Result<Vec<Call>> {
        let store = ctx.data_unchecked::<Store>();
        let query = ListQuery::Calls(crate::store::CallFilter {
            programmes: Some(vec![self.id]),
            ..Default::default()
        });
        let page = PageArgs {
            first: Some(100),
            ..PageArgs::default()
        }
        .query(SortColumn::ClosesAt, true)?;
        let found = store.list_ids(&query, &page).await.map_err(Error::from)?;
        let ids: Vec<CallId> = found.items.iter().map(|k| CallId(k.id)).collect();
        Ok(loaders::many(ctx, ids).await?)
    }

    /// Its training classes, by day.
    async fn classes(&self, ctx: &Context<'_>) -> Result<Vec<model::TrainingClass>> {
        Ok(super::training::classes_of(ctx, self.id).await?)
    }

    /// What its classes reached: classes held, trainee-times, distinct
    /// people and enterprises, women.
    async fn training_totals(&self, ctx: &Context<'_>) -> Result<super::training::Totals> {
        Ok(super::training::totals_of(ctx, self.id).await?)
    }

    /// The applications sent to all its calls (not drafts), oldest first;
    /// its managers only (`FORBIDDEN` for others).
    async fn applications(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only applications standing here.")] status: Option<ApplicationStatus>,
    ) -> Result<Vec<Application>> {
        let c = caller(ctx);
        if !ops::manages(&c, self.id).await? {
            return Err(crate::ops::policy::forbidden(
                "only the programme's managers see its applications",
            )
            .into());
        }
        let query = ListQuery::Calls(crate::store::CallFilter {
            programmes: Some(vec![self.id]),
            ..Default::default()
        });
        let page = PageArgs {
            first: Some(100),
            ..PageArgs::default()
        }
        .query(SortColumn::ClosesAt, false)?;
        let ids: Vec<i64> = (c.store.list_ids(&query, &page).await)
            .map_err(Error::from)?
            .items
            .iter()
            .map(|k| k.id)
            .collect();
        Ok((c.store.applications_of_calls(&ids).await)
            .map_err(Error::from)?
            .into_iter()
            .filter(|a| status.is_none_or(|s| a.status == s))
            .collect())
    }

    /// Whether the viewer manages it: reviews its applications and opens
    /// its calls (the users of its organisation, and the operator).
    async fn viewer_manages(&self, ctx: &Context<'_>) -> Result<bool> {
        Ok(ops::manages(&caller(ctx), self.id).await?)
    }

    /// When it was published.
    async fn created_at(&self) -> DateTime<FixedOffset> {
        vietnam(self.created_at)
    }

    /// When it last changed.
    async fn updated_at(&self) -> DateTime<FixedOffset> {
        vietnam(self.updated_at)
    }
}

connection!(ProgrammeConnection, ProgrammeEdge, Programme, "programmes");

order!(ProgrammeOrder, ProgrammeOrderField, "programmes", default Name, {
    /// By name, ignoring case and diacritics.
    Name => SortColumn::Name,
    /// By when the programme was published.
    CreatedAt => SortColumn::CreatedAt,
});

/// Narrows the programme list. Each list matches any of its values; all
/// given fields must match. An empty or absent list does not narrow.
#[derive(Debug, Clone, Default, InputObject)]
pub struct ProgrammeFilter {
    /// Kinds of programme.
    #[graphql(validator(max_items = 100))]
    pub kinds: Option<Vec<ProgrammeKind>>,
    /// Province keys.
    #[graphql(validator(max_items = 100))]
    pub provinces: Option<Vec<String>>,
    /// Sector keys.
    #[graphql(validator(max_items = 100))]
    pub sectors: Option<Vec<String>>,
    /// Groups it is meant for.
    #[graphql(validator(max_items = 100))]
    pub audience: Option<Vec<Audience>>,
}

/// Who may answer a call. Absent and empty lists place no condition.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct CallRules {
    /// At most this many years since the startup's first business
    /// registration (the plans' rule is 5); projects not yet registered meet it.
    pub max_years_since_registration: Option<i32>,
    /// The stages it takes.
    pub stages: Vec<Stage>,
    /// Any one of these groups (women-led, students, ...).
    pub groups: Vec<StartupTag>,
    #[graphql(skip)]
    sector_ids: Vec<i64>,
    #[graphql(skip)]
    province_ids: Vec<i64>,
}

#[async_graphql::ComplexObject]
impl CallRules {
    /// The startup must work in one of these sectors.
    async fn sectors(&self, ctx: &Context<'_>) -> Result<Vec<Sector>> {
        Ok(loaders::many(
            ctx,
            self.sector_ids.iter().map(|id| SectorId(*id)).collect(),
        )
        .await?)
    }

    /// The startup must be based in one of these provinces.
    async fn provinces(&self, ctx: &Context<'_>) -> Result<Vec<Province>> {
        Ok(loaders::many(
            ctx,
            self.province_ids.iter().map(|id| ProvinceId(*id)).collect(),
        )
        .await?)
    }
}

/// A call for applications to a programme. Times are shown in Vietnam's
/// time zone (+07:00).
#[Object]
impl Call {
    /// The global ID.
    pub async fn id(&self) -> ID {
        ids::encode(Kind::Call, self.id)
    }

    /// The unique, human-readable key.
    async fn slug(&self) -> &str {
        &self.slug
    }

    /// The call's title.
    async fn title(&self) -> &str {
        &self.title
    }

    /// The programme it selects for.
    async fn programme(&self, ctx: &Context<'_>) -> Result<Option<Programme>> {
        Ok(loaders::one(ctx, ProgrammeId(self.programme_id)).await?)
    }

    /// When applications open.
    async fn opens_at(&self) -> DateTime<FixedOffset> {
        vietnam(self.opens_at)
    }

    /// When applications close (none are taken from then on).
    async fn closes_at(&self) -> DateTime<FixedOffset> {
        vietnam(self.closes_at)
    }

    /// Whether it takes applications now.
    async fn is_open(&self, ctx: &Context<'_>) -> bool {
        self.is_open_at(ctx.data_unchecked::<crate::clock::Clock>().now())
    }

    /// Places in its cohort: at most this many applications are accepted.
    async fn places(&self) -> Option<i32> {
        self.places
    }

    /// The questions applicants answer, in order.
    async fn questions(&self) -> &[String] {
        &self.questions
    }

    /// What reviewers score, in order.
    async fn criteria(&self) -> Vec<CriterionView> {
        self.criteria.iter().cloned().map(CriterionView).collect()
    }

    /// The applications sent, ranked by their reviewers' average total
    /// (unscored ones last, then by when they were sent); withdrawn ones
    /// are left out. The programme's managers only (`FORBIDDEN` for others).
    async fn ranking(&self, ctx: &Context<'_>) -> Result<Vec<RankedApplication>> {
        let c = caller(ctx);
        if !ops::manages(&c, self.programme_id).await? {
            return Err(crate::ops::policy::forbidden(
                "only the programme's managers see the ranking",
            )
            .into());
        }
        let list: Vec<Application> = (c.store.applications_of_calls(&[self.id]).await)
            .map_err(Error::from)?
            .into_iter()
            .filter(|a| a.status != ApplicationStatus::Withdrawn)
            .collect();
        let ids: Vec<i64> = list.iter().map(|a| a.id).collect();
        let reviews = c.store.reviews_of(&ids).await.map_err(Error::from)?;
        let mut ranked: Vec<RankedApplication> = list
            .into_iter()
            .map(|application| {
                let totals: Vec<i32> = (reviews.iter())
                    .filter(|r| r.application_id == application.id)
                    .filter_map(|r| r.total())
                    .collect();
                let average_score = (!totals.is_empty())
                    .then(|| f64::from(totals.iter().sum::<i32>()) / totals.len() as f64);
                RankedApplication {
                    rank: 0,
                    average_score: average_score.map(|a| (a * 100.0).round() / 100.0),
                    scored_by: totals.len() as i32,
                    application,
                }
            })
            .collect();
        ranked.sort_by(|a, b| {
            let key = |r: &RankedApplication| r.average_score.unwrap_or(f64::NEG_INFINITY);
            key(b)
                .total_cmp(&key(a))
                .then(a.application.submitted_at.cmp(&b.application.submitted_at))
                .then(a.application.id.cmp(&b.application.id))
        });
        for (n, r) in ranked.iter_mut().enumerate() {
            r.rank = n as i32 + 1;
        }
        Ok(ranked)
    }

    /// Who may apply.
    async fn rules(&self) -> CallRules {
        CallRules {
            max_years_since_registration: self.rules.max_years,
            stages: self.rules.stages.clone(),
            groups: self.rules.tags.clone(),
            sector_ids: self.rules.sector_ids.clone(),
            province_ids: self.rules.province_ids.clone(),
        }
    }

    /// The cohort: the startups accepted, in the order they were accepted
    /// (a demo-day list, public).
    async fn cohort(&self, ctx: &Context<'_>) -> Result<Vec<Startup>> {
        let store = ctx.data_unchecked::<Store>();
        let mut accepted: Vec<Application> = (store.applications_of_calls(&[self.id]).await)
            .map_err(Error::from)?
            .into_iter()
            .filter(|a| a.status == ApplicationStatus::Accepted)
            .collect();
        accepted.sort_by_key(|a| (a.updated_at, a.id));
        let ids = accepted.iter().map(|a| StartupId(a.startup_id)).collect();
        Ok(loaders::many(ctx, ids).await?)
    }

    /// The mentors confirmed for its cohort, oldest first.
    async fn mentorships(&self, ctx: &Context<'_>) -> Result<Vec<Mentorship>> {
        Ok(mentorships(ctx, MentorshipsOf::Call(self.id)).await?)
    }

    /// The applications sent (not drafts), ranked by when they were sent;
    /// the programme's managers only (`FORBIDDEN` for others).
    async fn applications(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only applications standing here.")] status: Option<ApplicationStatus>,
    ) -> Result<Vec<Application>> {
        let c = caller(ctx);
        if !ops::manages(&c, self.programme_id).await? {
            return Err(crate::ops::policy::forbidden(
                "only the programme's managers see its applications",
            )
            .into());
        }
        let mut list: Vec<Application> = (c.store.applications_of_calls(&[self.id]).await)
            .map_err(Error::from)?
            .into_iter()
            .filter(|a| status.is_none_or(|s| a.status == s))
            .collect();
        list.sort_by_key(|a| (a.submitted_at, a.id));
        Ok(list)
    }

    /// When it was published.
    async fn created_at(&self) -> DateTime<FixedOffset> {
        vietnam(self.created_at)
    }
}

connection!(CallConnection, CallEdge, Call, "calls");

order!(CallOrder, CallOrderField, "calls", default ClosesAt, {
    /// By closing time.
    ClosesAt => SortColumn::ClosesAt,
    /// By title, ignoring case and diacritics.
    Title => SortColumn::Name,
    /// By when the call was published.
    CreatedAt => SortColumn::CreatedAt,
});

/// Narrows the list of calls. Each list matches any of its values; all
/// given fields must match. A call that names no sectors (or provinces)
/// takes any, so it passes a sector (or province) filter.
#[derive(Debug, Clone, Default, InputObject)]
pub struct CallFilter {
    /// Only calls taking applications now.
    #[graphql(default)]
    pub open_now: bool,
    /// Only calls of this programme.
    pub programme: Option<ID>,
    /// Sector keys.
    #[graphql(validator(max_items = 100))]
    pub sectors: Option<Vec<String>>,
    /// Province keys.
    #[graphql(validator(max_items = 100))]
    pub provinces: Option<Vec<String>>,
    /// Calls of programmes meant for any of these groups.
    #[graphql(validator(max_items = 100))]
    pub audience: Option<Vec<Audience>>,
}

/// A criterion reviewers score on.
pub struct CriterionView(Criterion);

/// A criterion reviewers score on.
#[Object(name = "Criterion")]
impl CriterionView {
    /// What is judged.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// The most points it gives; scores run from 0 to it.
    async fn max_points(&self) -> i32 {
        self.0.max_points
    }
}

/// An application's place in its call's ranking.
#[derive(SimpleObject)]
pub struct RankedApplication {
    /// 1 for the best.
    pub rank: i32,
    /// The application.
    pub application: Application,
    /// The average of its reviewers' totals (two decimals); null until scored.
    pub average_score: Option<f64>,
    /// How many reviewers scored it.
    pub scored_by: i32,
}

/// A reviewer's view of an application.
pub struct ReviewView {
    review: Review,
    criteria: Vec<Criterion>,
}

/// A reviewer given an application, and their scores. Seen by the
/// programme's managers; by a reviewer, their own until the decision and
/// everyone's after it; never by the applicant.
#[Object(name = "ApplicationReview")]
impl ReviewView {
    /// The reviewer.
    async fn reviewer(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        Ok(loaders::one(ctx, loaders::UserId(self.review.reviewer_id)).await?)
    }

    /// When the application was given to them.
    async fn assigned_at(&self) -> DateTime<FixedOffset> {
        vietnam(self.review.assigned_at)
    }

    /// Their scores, one per criterion of the call; empty until scored.
    async fn scores(&self) -> Vec<CriterionScore> {
        let Some(scores) = &self.review.scores else {
            return vec![];
        };
        (self.criteria.iter().zip(scores))
            .map(|(k, points)| CriterionScore {
                criterion: k.name.clone(),
                points: *points,
                max_points: k.max_points,
            })
            .collect()
    }

    /// The points given in all; null until scored.
    async fn total(&self) -> Option<i32> {
        self.review.total()
    }

    /// Their comment.
    async fn comment(&self) -> Option<&str> {
        self.review.comment.as_deref()
    }

    /// When they scored it.
    async fn scored_at(&self) -> Option<DateTime<FixedOffset>> {
        self.review.scored_at.map(vietnam)
    }
}

/// The points a reviewer gave on one criterion.
#[derive(SimpleObject)]
pub struct CriterionScore {
    /// The criterion.
    pub criterion: String,
    /// The points given.
    pub points: i32,
    /// The most it gives.
    pub max_points: i32,
}

/// One answer of an application, with its question.
#[derive(SimpleObject)]
pub struct Answer {
    /// The call's question.
    pub question: String,
    /// The applicant's answer (empty when not answered).
    pub answer: String,
}

/// One move of an application.
pub struct ApplicationMoveEntry {
    entry: ApplicationLogEntry,
    manager: bool,
}

/// One move of an application: from what to what, and when. Who made it
/// and why are shown to the programme's managers only.
#[Object]
impl ApplicationMoveEntry {
    /// Where it stood before (null for the draft's creation).
    async fn from(&self) -> Option<ApplicationStatus> {
        self.entry.from
    }

    /// Where it went.
    async fn to(&self) -> ApplicationStatus {
        self.entry.to
    }

    /// When.
    async fn at(&self) -> DateTime<FixedOffset> {
        vietnam(self.entry.at)
    }

    /// Who moved it (managers only; null for others and for a deleted account).
    async fn actor(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        match (self.manager, self.entry.actor_id) {
            (true, Some(id)) => Ok(loaders::one(ctx, loaders::UserId(id)).await?),
            _ => Ok(None),
        }
    }

    /// Why (managers only: reviewers' notes never reach the applicant).
    async fn reason(&self) -> Option<&str> {
        self.manager
            .then_some(self.entry.reason.as_deref())
            .flatten()
    }
}

/// A startup's application to a call.
#[Object]
impl Application {
    /// The application's ID.
    async fn id(&self) -> ID {
        ids::encode(Kind::Application, self.id)
    }

    /// The call applied to.
    async fn call(&self, ctx: &Context<'_>) -> Result<Option<Call>> {
        Ok(loaders::one(ctx, CallId(self.call_id)).await?)
    }

    /// The startup that applies.
    async fn startup(&self, ctx: &Context<'_>) -> Result<Option<Startup>> {
        Ok(loaders::one(ctx, StartupId(self.startup_id)).await?)
    }

    /// Where it stands.
    async fn status(&self) -> ApplicationStatus {
        self.status
    }

    /// The call's questions with the applicant's answers.
    async fn answers(&self, ctx: &Context<'_>) -> Result<Vec<Answer>> {
        let call = loaders::one(ctx, CallId(self.call_id)).await?;
        let questions = call.map(|c| c.questions).unwrap_or_default();
        Ok(questions
            .into_iter()
            .enumerate()
            .map(|(i, question)| Answer {
                question,
                answer: self.answers.get(i).cloned().unwrap_or_default(),
            })
            .collect())
    }

    /// Its reviewers and their scores, as far as the viewer may see them
    /// (the programme's managers all; a reviewer their own until the
    /// decision; the applicant none).
    async fn reviews(&self, ctx: &Context<'_>) -> Result<Vec<ReviewView>> {
        let c = caller(ctx);
        let criteria = (loaders::one(ctx, CallId(self.call_id)).await?)
            .map(|call| call.criteria)
            .unwrap_or_default();
        Ok(ops::reviews(&c, self)
            .await?
            .into_iter()
            .map(|review| ReviewView {
                review,
                criteria: criteria.clone(),
            })
            .collect())
    }

    /// Every move, oldest first.
    async fn history(&self, ctx: &Context<'_>) -> Result<Vec<ApplicationMoveEntry>> {
        let c = caller(ctx);
        let call = loaders::one(ctx, CallId(self.call_id)).await?;
        let manager = match call {
            Some(call) => ops::manages(&c, call.programme_id).await?,
            None => false,
        };
        let log = c
            .store
            .application_log(&[self.id])
            .await
            .map_err(Error::from)?;
        Ok(log
            .into_iter()
            .map(|entry| ApplicationMoveEntry { entry, manager })
            .collect())
    }

    /// When the draft was started.
    async fn created_at(&self) -> DateTime<FixedOffset> {
        vietnam(self.created_at)
    }

    /// When it last moved or changed.
    async fn updated_at(&self) -> DateTime<FixedOffset> {
        vietnam(self.updated_at)
    }

    /// When it was submitted.
    async fn submitted_at(&self) -> Option<DateTime<FixedOffset>> {
        self.submitted_at.map(vietnam)
    }
}

/// One rule of a call judged for a startup.
pub struct EligibilityVerdict {
    verdict: RuleVerdict,
    lang: Lang,
}

/// One rule of a call judged for a startup, with the reason.
#[Object]
impl EligibilityVerdict {
    /// The rule.
    async fn rule(&self) -> EligibilityRule {
        self.verdict.rule
    }

    /// Whether the startup meets it.
    async fn passed(&self) -> bool {
        self.verdict.passed
    }

    /// Why, in the language asked for.
    async fn explanation(&self) -> &str {
        match self.lang {
            Lang::Vi => &self.verdict.vi,
            Lang::En => &self.verdict.en,
        }
    }
}

/// Whether a startup may apply to a call, rule by rule.
#[derive(SimpleObject)]
pub struct Eligibility {
    /// Whether it meets every rule now (the call open included).
    pub eligible: bool,
    /// Each rule the call sets, and whether the call is open.
    pub rules: Vec<EligibilityVerdict>,
}

/// A startup's eligibility for a call, explained in `lang`.
pub async fn eligibility_for(
    ctx: &Context<'_>,
    startup: &Startup,
    call: &ID,
    lang: Option<Lang>,
) -> Result<Option<Eligibility>, Error> {
    let Some(row) = ids::of_kind(call, Kind::Call) else {
        return Ok(None);
    };
    let Some(call) = loaders::one(ctx, CallId(row)).await? else {
        return Ok(None);
    };
    let lang = language(ctx, lang);
    let verdicts = ops::eligibility(&caller(ctx), &call, startup).await?;
    Ok(Some(Eligibility {
        eligible: verdicts.iter().all(|v| v.passed),
        rules: verdicts
            .into_iter()
            .map(|verdict| EligibilityVerdict { verdict, lang })
            .collect(),
    }))
}

/// A startup's applications, drafts included: its owner and the operator
/// only.
pub async fn applications_of(
    ctx: &Context<'_>,
    startup: &Startup,
) -> Result<Vec<Application>, Error> {
    crate::ops::policy::may_see(
        super::account::viewer(ctx),
        startup.owner_id,
        "applications",
    )?;
    Ok(ctx
        .data_unchecked::<Store>()
        .applications_of_startups(&[startup.id])
        .await?)
}

/// A mentor confirmed for a startup of a programme's cohort.
pub struct Mentorship(crate::store::Mentorship);

/// A mentor confirmed for a startup of a programme's cohort: an accepted
/// introduction of the call, counted against the mentor's places.
#[Object]
impl Mentorship {
    /// The call whose cohort it serves.
    async fn call(&self, ctx: &Context<'_>) -> Result<Option<Call>> {
        Ok(loaders::one(ctx, CallId(self.0.0)).await?)
    }

    /// The startup mentored.
    async fn startup(&self, ctx: &Context<'_>) -> Result<Option<Startup>> {
        Ok(loaders::one(ctx, StartupId(self.0.1)).await?)
    }

    /// The mentor.
    async fn mentor(&self, ctx: &Context<'_>) -> Result<Option<model::Mentor>> {
        Ok(loaders::one(ctx, loaders::MentorId(self.0.2)).await?)
    }

    /// Since when.
    async fn since(&self) -> DateTime<FixedOffset> {
        vietnam(self.0.3)
    }
}

/// Whose programme mentorships to read.
pub enum MentorshipsOf {
    Call(i64),
    Startup(i64),
    Mentor(i64),
}

/// Programme mentorships (public, like the cohorts), oldest first.
pub async fn mentorships(ctx: &Context<'_>, of: MentorshipsOf) -> Result<Vec<Mentorship>, Error> {
    let store = ctx.data_unchecked::<Store>();
    let found = match of {
        MentorshipsOf::Call(id) => store.mentorships_of_calls(&[id]).await?,
        MentorshipsOf::Startup(id) => store.mentorships_of_startups(&[id]).await?,
        MentorshipsOf::Mentor(id) => store.mentorships_of_mentors(&[id]).await?,
    };
    Ok(found.into_iter().map(Mentorship).collect())
}

/// An open call recommended to a startup.
#[derive(SimpleObject)]
pub struct CallMatch {
    /// The call (open, and the startup meets every rule of it).
    pub call: Call,
    /// How well it fits, 0 to 1: the weighted mean of the reasons' scores.
    pub score: f64,
    /// Why, factor by factor.
    pub reasons: Vec<CallMatchReason>,
}

/// One factor of a call's fit for a startup.
#[derive(SimpleObject)]
pub struct CallMatchReason {
    /// The factor.
    pub factor: CallFactor,
    /// Its score, 0 to 1.
    pub score: f64,
    /// Its weight in the mean.
    pub weight: f64,
    /// The reason in a sentence, in the language asked for.
    pub explanation: String,
}

fn round(x: f32) -> f64 {
    (f64::from(x) * 10_000.0).round() / 10_000.0
}

/// The open calls a startup may apply to, best fit first, explained in
/// `lang`.
pub async fn recommended_calls(
    ctx: &Context<'_>,
    startup: &Startup,
    first: i32,
    lang: Option<Lang>,
) -> Result<Vec<CallMatch>, Error> {
    if !(1..=50).contains(&first) {
        return Err(Error::BadUserInput(
            "`first` must be between 1 and 50".into(),
        ));
    }
    let lang = language(ctx, lang);
    let found = ops::recommended_calls(&caller(ctx), startup, first as usize).await?;
    Ok(found
        .into_iter()
        .map(|(call, score, reasons)| CallMatch {
            call,
            score: round(score),
            reasons: reasons
                .into_iter()
                .map(|r| CallMatchReason {
                    factor: r.factor,
                    score: round(r.score),
                    weight: round(r.weight),
                    explanation: match lang {
                        Lang::Vi => r.vi,
                        Lang::En => r.en,
                    },
                })
                .collect(),
        })
        .collect())
}

/// A startup's place in a programme's cohort.
pub struct Participation {
    application: Application,
}

/// A startup's place in a programme's cohort.
#[Object]
impl Participation {
    /// The call whose cohort took it.
    async fn call(&self, ctx: &Context<'_>) -> Result<Option<Call>> {
        Ok(loaders::one(ctx, CallId(self.application.call_id)).await?)
    }

    /// The programme.
    async fn programme(&self, ctx: &Context<'_>) -> Result<Option<Programme>> {
        match loaders::one(ctx, CallId(self.application.call_id)).await? {
            Some(call) => Ok(loaders::one(ctx, ProgrammeId(call.programme_id)).await?),
            None => Ok(None),
        }
    }

    /// When it was accepted.
    async fn accepted_at(&self) -> DateTime<FixedOffset> {
        vietnam(self.application.updated_at)
    }
}

/// The cohorts a startup was accepted into, in the order it was accepted.
pub async fn participations(
    ctx: &Context<'_>,
    startup: &Startup,
) -> Result<Vec<Participation>, Error> {
    let store = ctx.data_unchecked::<Store>();
    let mut accepted: Vec<Application> = (store.applications_of_startups(&[startup.id]).await?)
        .into_iter()
        .filter(|a| a.status == ApplicationStatus::Accepted)
        .collect();
    accepted.sort_by_key(|a| (a.updated_at, a.id));
    Ok(accepted
        .into_iter()
        .map(|application| Participation { application })
        .collect())
}

/// Programmes and calls.
#[derive(Default)]
pub struct ProgrammeQuery;

/// Programmes and calls.
#[Object]
impl ProgrammeQuery {
    /// A programme by global ID or by slug.
    async fn programme(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The global ID.")] id: Option<ID>,
        #[graphql(desc = "The slug (give `id` or `slug`).")] slug: Option<String>,
    ) -> Result<Option<Programme>> {
        match super::query::lookup(ctx, Kind::Programme, Table::Programmes, id, slug).await? {
            Some(row) => Ok(loaders::one(ctx, ProgrammeId(row)).await?),
            None => Ok(None),
        }
    }

    /// A call for applications by global ID or by slug.
    async fn call(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The global ID.")] id: Option<ID>,
        #[graphql(desc = "The slug (give `id` or `slug`).")] slug: Option<String>,
    ) -> Result<Option<Call>> {
        match super::query::lookup(ctx, Kind::Call, Table::Calls, id, slug).await? {
            Some(row) => Ok(loaders::one(ctx, CallId(row)).await?),
            None => Ok(None),
        }
    }

    /// Programmes, filtered and sorted (by name unless `orderBy` says otherwise).
    #[allow(clippy::too_many_arguments)]
    #[graphql(complexity = "super::connection::page_cost(first, last) * child_complexity")]
    async fn programmes(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Returns the first n items (1 to 100; 20 when neither `first` nor `last` is given)."
        )]
        first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1 to 100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
        #[graphql(desc = "Narrows the list.")] filter: Option<ProgrammeFilter>,
        #[graphql(desc = "How to sort the list.")] order_by: Option<ProgrammeOrder>,
    ) -> Result<ProgrammeConnection> {
        let (column, desc) = ProgrammeOrder::sort(order_by);
        let page = PageArgs {
            first,
            after,
            last,
            before,
        }
        .query(column, desc)?;
        let f = filter.unwrap_or_default();
        let query = ListQuery::Programmes(crate::store::ProgrammeFilter {
            kinds: f.kinds,
            provinces: f.provinces,
            sectors: f.sectors,
            audience: f.audience,
            organizations: None,
        });
        list!(
            ctx,
            query,
            page,
            ProgrammeId,
            ProgrammeEdge,
            ProgrammeConnection
        )
    }

    /// Calls for applications, filtered and sorted (by closing time unless
    /// `orderBy` says otherwise).
    #[allow(clippy::too_many_arguments)]
    #[graphql(complexity = "super::connection::page_cost(first, last) * child_complexity")]
    async fn calls(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Returns the first n items (1 to 100; 20 when neither `first` nor `last` is given)."
        )]
        first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1 to 100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
        #[graphql(desc = "Narrows the list.")] filter: Option<CallFilter>,
        #[graphql(desc = "How to sort the list.")] order_by: Option<CallOrder>,
    ) -> Result<CallConnection> {
        let (column, desc) = CallOrder::sort(order_by);
        let page = PageArgs {
            first,
            after,
            last,
            before,
        }
        .query(column, desc)?;
        let f = filter.unwrap_or_default();
        // An ID of another kind names no programme: nothing matches.
        let programmes =
            (f.programme.as_ref()).map(|id| vec![ids::of_kind(id, Kind::Programme).unwrap_or(0)]);
        let now = ctx.data_unchecked::<crate::clock::Clock>().now();
        let query = ListQuery::Calls(crate::store::CallFilter {
            open_at: f.open_now.then_some(now),
            programmes,
            sectors: f.sectors,
            provinces: f.provinces,
            audience: f.audience,
        });
        list!(ctx, query, page, CallId, CallEdge, CallConnection)
    }
}

/// A programme to create.
#[derive(InputObject)]
pub struct CreateProgrammeInput {
    /// The unique key; derived from the name when absent.
    pub slug: Option<String>,
    /// The name (1 to 200 characters).
    pub name: String,
    /// What the programme does.
    pub kind: ProgrammeKind,
    /// The ID of the organisation that runs it (its users manage the
    /// programme); absent: the operator runs it.
    pub organization: Option<ID>,
    /// The province key.
    pub province: Option<String>,
    /// When it starts.
    pub starts_on: Option<Date>,
    /// When it ends (not before `startsOn`).
    pub ends_on: Option<Date>,
    /// How many startups, projects or trainees it means to reach (at least 1).
    pub capacity: Option<i32>,
    /// Its budget in VND.
    pub budget_vnd: Option<BigInt>,
    /// Where the budget comes from.
    pub budget_source: Option<BudgetSource>,
    /// Sector keys (at most 20).
    #[graphql(default)]
    pub sectors: Vec<String>,
    /// Topics it covers.
    #[graphql(default)]
    pub topics: Vec<Topic>,
    /// Groups it is meant for.
    #[graphql(default)]
    pub audience: Vec<Audience>,
    /// What it offers and to whom, in Vietnamese.
    pub description: Option<String>,
    /// What it offers and to whom, in English.
    pub description_en: Option<String>,
    /// Its web page (http:// or https://).
    pub website: Option<String>,
}

/// Changes to a programme: absent fields stay as they are, null clears.
#[derive(InputObject)]
pub struct UpdateProgrammeInput {
    /// The programme to change.
    pub id: ID,
    /// A new unique key.
    pub slug: Option<String>,
    /// A new name.
    pub name: Option<String>,
    /// A new kind.
    pub kind: Option<ProgrammeKind>,
    /// A new organisation ID; null: the operator runs it.
    pub organization: MaybeUndefined<ID>,
    /// A new province key; null clears.
    pub province: MaybeUndefined<String>,
    /// A new start; null clears.
    pub starts_on: MaybeUndefined<Date>,
    /// A new end; null clears.
    pub ends_on: MaybeUndefined<Date>,
    /// A new capacity; null clears.
    pub capacity: MaybeUndefined<i32>,
    /// A new budget in VND; null clears.
    pub budget_vnd: MaybeUndefined<BigInt>,
    /// A new budget source; null clears.
    pub budget_source: MaybeUndefined<BudgetSource>,
    /// New sector keys (replaces the list; at most 20).
    pub sectors: Option<Vec<String>>,
    /// New topics (replaces the list).
    pub topics: Option<Vec<Topic>>,
    /// New groups (replaces the list).
    pub audience: Option<Vec<Audience>>,
    /// A new Vietnamese description.
    pub description: Option<String>,
    /// A new English description.
    pub description_en: Option<String>,
    /// A new web page; null clears.
    pub website: MaybeUndefined<String>,
}

/// A criterion reviewers score on.
#[derive(InputObject)]
pub struct CriterionInput {
    /// What is judged (e.g. "Tính mới, sáng tạo").
    pub name: String,
    /// The most points it gives (1 to 1000); scores run from 0 to it.
    pub max_points: i32,
}

/// Who may answer a call. Absent and empty lists place no condition.
#[derive(InputObject, Default)]
pub struct CallRulesInput {
    /// At most this many years since the first business registration
    /// (1 to 100; the plans' rule is 5).
    pub max_years_since_registration: Option<i32>,
    /// Stages taken.
    #[graphql(default)]
    pub stages: Vec<Stage>,
    /// Sector keys: the startup must work in one (at most 20).
    #[graphql(default)]
    pub sectors: Vec<String>,
    /// Province keys: the startup must be based in one (at most 20).
    #[graphql(default)]
    pub provinces: Vec<String>,
    /// Groups: the startup must be in one.
    #[graphql(default)]
    pub groups: Vec<StartupTag>,
}

/// A call for applications to open.
#[derive(InputObject)]
pub struct CreateCallInput {
    /// The programme (one the viewer manages).
    pub programme: ID,
    /// The unique key; derived from the title when absent.
    pub slug: Option<String>,
    /// The title (1 to 200 characters).
    pub title: String,
    /// When applications open (RFC 3339 with offset).
    pub opens_at: DateTime<FixedOffset>,
    /// When they close (after `opensAt`).
    pub closes_at: DateTime<FixedOffset>,
    /// Places in the cohort (at least 1); absent: no limit.
    pub places: Option<i32>,
    /// The questions applicants answer (at most 30, each up to 300 characters).
    #[graphql(default)]
    pub questions: Vec<String>,
    /// What reviewers score (at most 20).
    #[graphql(default)]
    pub criteria: Vec<CriterionInput>,
    /// Who may apply.
    #[graphql(default)]
    pub rules: CallRulesInput,
}

/// Changes to a call: absent fields stay as they are, null clears.
#[derive(InputObject)]
pub struct UpdateCallInput {
    /// The call to change.
    pub id: ID,
    /// A new unique key.
    pub slug: Option<String>,
    /// A new title.
    pub title: Option<String>,
    /// A new opening time.
    pub opens_at: Option<DateTime<FixedOffset>>,
    /// A new closing time (extending a call is common).
    pub closes_at: Option<DateTime<FixedOffset>>,
    /// New places; null: no limit.
    pub places: MaybeUndefined<i32>,
    /// New questions (replaces the list; applications keep their answers
    /// by position).
    pub questions: Option<Vec<String>>,
    /// New criteria (replaces the list).
    pub criteria: Option<Vec<CriterionInput>>,
    /// New rules (replaces them all).
    pub rules: Option<CallRulesInput>,
}

fn update_call(r: &mut CallDraft, i: &UpdateCallInput) {
    set(&mut r.slug, &i.slug);
    set(&mut r.title, &i.title);
    set(&mut r.opens_at, &i.opens_at);
    set(&mut r.closes_at, &i.closes_at);
    patch(&mut r.places, &i.places);
    set(&mut r.questions, &i.questions);
    if let Some(criteria) = &i.criteria {
        r.criteria = (criteria.iter())
            .map(|k| Criterion {
                name: k.name.clone(),
                max_points: k.max_points,
            })
            .collect();
    }
    if let Some(rules) = &i.rules {
        r.rules = RulesDraft {
            max_years: rules.max_years_since_registration,
            stages: rules.stages.clone(),
            sectors: rules.sectors.clone(),
            provinces: rules.provinces.clone(),
            tags: rules.groups.clone(),
        };
    }
}

/// Applies to a call: starts a draft.
#[derive(InputObject)]
pub struct ApplyToCallInput {
    /// The call.
    pub call: ID,
    /// The startup that applies (one the viewer owns).
    pub startup: ID,
    /// Answers to the call's questions, in order (each up to 5,000 characters).
    #[graphql(default)]
    pub answers: Vec<String>,
}

/// Replaces a draft's answers.
#[derive(InputObject)]
pub struct AnswerApplicationInput {
    /// The application (a draft).
    pub id: ID,
    /// Answers to the call's questions, in order.
    pub answers: Vec<String>,
}

/// A startup of the cohort and its mentor.
#[derive(InputObject)]
pub struct MentorshipPairInput {
    /// The startup (accepted into the call's cohort).
    pub startup: ID,
    /// The mentor.
    pub mentor: ID,
}

/// Mentors to confirm for a cohort.
#[derive(InputObject)]
pub struct ConfirmMentorshipsInput {
    /// The call whose cohort they mentor.
    pub call: ID,
    /// The pairs, e.g. those `assignMentors` proposed (1 to 5,000).
    pub pairs: Vec<MentorshipPairInput>,
    /// What the introductions say (default: "Cố vấn của <the call>").
    pub message: Option<String>,
}

/// The result of confirming mentors.
#[derive(SimpleObject)]
pub struct ConfirmMentorshipsPayload {
    /// How many pairs were new (those already mentoring stay as they are).
    pub confirmed: i32,
    /// The cohort's mentorships after the step; empty when there are user errors.
    pub mentorships: Vec<Mentorship>,
    /// What the user must fix; empty on success.
    pub user_errors: Vec<super::mutation::UserError>,
}

/// Gives an application to reviewers.
#[derive(InputObject)]
pub struct AssignReviewersInput {
    /// The application (submitted, not yet decided).
    pub application: ID,
    /// The reviewers' user IDs (1 to 10); those given it already keep
    /// their scores.
    pub reviewers: Vec<ID>,
}

/// A reviewer's scores of an application.
#[derive(InputObject)]
pub struct ScoreApplicationInput {
    /// The application (one given to the viewer).
    pub application: ID,
    /// One score per criterion of the call, in order, each from 0 to its
    /// `maxPoints`. Scoring again replaces the scores.
    pub scores: Vec<i32>,
    /// A comment for the programme's managers (up to 2,000 characters).
    pub comment: Option<String>,
}

/// Moves an application through its workflow.
#[derive(InputObject)]
pub struct MoveApplicationInput {
    /// The application.
    pub id: ID,
    /// Where it goes: SUBMITTED or WITHDRAWN (the applicant), SCREENING,
    /// SHORTLISTED, ACCEPTED or REJECTED (the programme's managers).
    pub to: ApplicationStatus,
    /// Why (up to 2,000 characters; shown to the programme's managers only).
    pub reason: Option<String>,
}

payloads! {
    /// The result of creating or updating a programme.
    ProgrammePayload {
        /// The programme; null when there are user errors.
        programme: Programme
    }
    /// The result of opening a call.
    CallPayload {
        /// The call; null when there are user errors.
        call: Call
    }
    /// The result of a step of an application.
    ApplicationPayload {
        /// The application after the step; null when there are user errors.
        application: Application
    }
}

fn programme_draft(i: CreateProgrammeInput) -> ProgrammeDraft {
    ProgrammeDraft {
        slug: i.slug.unwrap_or_default(),
        name: i.name,
        kind: i.kind,
        organization: None,
        province: clean(i.province),
        starts_on: i.starts_on.map(|d| d.0),
        ends_on: i.ends_on.map(|d| d.0),
        capacity: i.capacity,
        budget_vnd: i.budget_vnd.map(|b| b.0),
        budget_source: i.budget_source,
        sectors: i.sectors,
        topics: i.topics,
        audience: i.audience,
        description: i.description.unwrap_or_default(),
        description_en: i.description_en.unwrap_or_default(),
        website: clean(i.website),
    }
}

fn update_programme(r: &mut ProgrammeDraft, i: &UpdateProgrammeInput) {
    set(&mut r.slug, &i.slug);
    set(&mut r.name, &i.name);
    set(&mut r.kind, &i.kind);
    patch_text(&mut r.province, &i.province);
    patch(&mut r.starts_on, &i.starts_on.map_value(|d| d.0));
    patch(&mut r.ends_on, &i.ends_on.map_value(|d| d.0));
    patch(&mut r.capacity, &i.capacity);
    patch(&mut r.budget_vnd, &i.budget_vnd.map_value(|b| b.0));
    patch(&mut r.budget_source, &i.budget_source);
    set(&mut r.sectors, &i.sectors);
    set(&mut r.topics, &i.topics);
    set(&mut r.audience, &i.audience);
    set(&mut r.description, &i.description);
    set(&mut r.description_en, &i.description_en);
    patch_text(&mut r.website, &i.website);
}

fn call_draft(i: CreateCallInput) -> CallDraft {
    CallDraft {
        slug: i.slug.unwrap_or_default(),
        programme: String::new(),
        title: i.title,
        opens_at: i.opens_at,
        closes_at: i.closes_at,
        places: i.places,
        questions: i.questions,
        criteria: (i.criteria.into_iter())
            .map(|k| Criterion {
                name: k.name,
                max_points: k.max_points,
            })
            .collect(),
        rules: RulesDraft {
            max_years: i.rules.max_years_since_registration,
            stages: i.rules.stages,
            sectors: i.rules.sectors,
            provinces: i.rules.provinces,
            tags: i.rules.groups,
        },
    }
}

/// An application step's outcome as a payload.
fn application_payload(
    outcome: crate::ops::Outcome<Application>,
) -> Result<ApplicationPayload, Error> {
    Ok(match outcome? {
        Ok(application) => ApplicationPayload::done(Some(application)),
        Err(problems) => ApplicationPayload::refused(user_errors(problems)),
    })
}

/// Programmes, calls and applications.
#[derive(Default)]
pub struct ProgrammeMutation;

/// Programmes, calls and applications. Each mutation takes one `input` and
/// returns a payload with the changed object and `userErrors`.
#[Object]
impl ProgrammeMutation {
    /// Creates a programme (the operator, and the users of the organisation
    /// that runs it).
    async fn create_programme(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to create.")] input: CreateProgrammeInput,
    ) -> Result<ProgrammePayload> {
        payload!(
            ctx,
            {
                let org = input
                    .organization
                    .as_ref()
                    .map(|id| organization(id, Field::Organization));
                profiles::create_programme(&caller(ctx), programme_draft(input), org).await
            },
            ProgrammePayload,
            ProgrammeId
        )
    }

    /// Updates a programme (its managers).
    async fn update_programme(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to update.")] input: UpdateProgrammeInput,
    ) -> Result<ProgrammePayload> {
        payload!(
            ctx,
            profiles::update_programme(
                &caller(ctx),
                ids::of_kind(&input.id, Kind::Programme),
                ref_change(&input.organization, Field::Organization),
                |d| update_programme(d, &input),
            )
            .await,
            ProgrammePayload,
            ProgrammeId
        )
    }

    /// Deletes a programme with its calls and their applications (its managers).
    async fn delete_programme(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to delete.")] input: super::inputs::DeleteInput,
    ) -> Result<super::inputs::DeletePayload> {
        Ok(delete::<ProgrammeDraft>(ctx, input.id, Kind::Programme).await?)
    }

    /// Opens a call for applications (the programme's managers).
    async fn create_call(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to open.")] input: CreateCallInput,
    ) -> Result<CallPayload> {
        payload!(
            ctx,
            {
                let programme = reference(&input.programme, Kind::Programme, Field::Programme);
                profiles::create_call(&caller(ctx), call_draft(input), programme).await
            },
            CallPayload,
            CallId
        )
    }

    /// Updates a call (the programme's managers).
    async fn update_call(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to update.")] input: UpdateCallInput,
    ) -> Result<CallPayload> {
        payload!(
            ctx,
            profiles::update_profile::<CallDraft>(
                &caller(ctx),
                ids::of_kind(&input.id, Kind::Call),
                |d| update_call(d, &input),
            )
            .await,
            CallPayload,
            CallId
        )
    }

    /// Deletes a call with its applications (the programme's managers).
    async fn delete_call(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to delete.")] input: super::inputs::DeleteInput,
    ) -> Result<super::inputs::DeletePayload> {
        Ok(delete::<CallDraft>(ctx, input.id, Kind::Call).await?)
    }

    /// Starts an application as a draft (the startup's owner): the call
    /// must not have closed and the startup must meet its rules (each
    /// failed rule is a user error, `INELIGIBLE`; a closed call `CLOSED`;
    /// a second application to one call `TAKEN`).
    async fn apply_to_call(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The application.")] input: ApplyToCallInput,
    ) -> Result<ApplicationPayload> {
        let call = ids::of_kind(&input.call, Kind::Call);
        let startup = ids::of_kind(&input.startup, Kind::Startup);
        Ok(application_payload(
            ops::apply(&caller(ctx), call, startup, input.answers).await,
        )?)
    }

    /// Replaces a draft's answers (the applicant).
    async fn answer_application(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The answers.")] input: AnswerApplicationInput,
    ) -> Result<ApplicationPayload> {
        let id = ids::of_kind(&input.id, Kind::Application);
        Ok(application_payload(
            ops::answer(&caller(ctx), id, input.answers).await,
        )?)
    }

    /// Confirms mentors for a call's cohort (the programme's managers):
    /// each pair becomes an accepted introduction of the call, so both
    /// sides see each other's contacts, the mentor's places count it, and
    /// the startup receives mentoring support. A startup outside the
    /// cohort is `INVALID`; a mentor who would pass their capacity `FULL`;
    /// either way nothing is written.
    async fn confirm_mentorships(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The call and the pairs.")] input: ConfirmMentorshipsInput,
    ) -> Result<ConfirmMentorshipsPayload> {
        let call = ids::of_kind(&input.call, Kind::Call);
        let pairs = (input.pairs.iter())
            .map(|p| {
                (
                    ids::of_kind(&p.startup, Kind::Startup),
                    ids::of_kind(&p.mentor, Kind::Mentor),
                )
            })
            .collect();
        let c = caller(ctx);
        match ops::confirm_mentorships(&c, call, pairs, input.message.as_deref()).await? {
            Ok(confirmed) => Ok(ConfirmMentorshipsPayload {
                confirmed: confirmed as i32,
                mentorships: mentorships(ctx, MentorshipsOf::Call(call.unwrap_or_default()))
                    .await?,
                user_errors: vec![],
            }),
            Err(problems) => Ok(ConfirmMentorshipsPayload {
                confirmed: 0,
                mentorships: vec![],
                user_errors: user_errors(problems),
            }),
        }
    }

    /// Gives an application to reviewers (the programme's managers).
    async fn assign_reviewers(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The application and its reviewers.")] input: AssignReviewersInput,
    ) -> Result<ApplicationPayload> {
        let id = ids::of_kind(&input.application, Kind::Application);
        let reviewers = (input.reviewers.iter())
            .map(|r| ids::of_kind(r, Kind::User))
            .collect();
        Ok(application_payload(
            ops::assign_reviewers(&caller(ctx), id, reviewers).await,
        )?)
    }

    /// Scores an application given to the viewer, one score per criterion
    /// of the call (`OUT_OF_RANGE` outside a criterion's points), until
    /// the decision (`NOT_ALLOWED` after).
    async fn score_application(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The scores.")] input: ScoreApplicationInput,
    ) -> Result<ApplicationPayload> {
        let id = ids::of_kind(&input.application, Kind::Application);
        Ok(application_payload(
            ops::score(&caller(ctx), id, input.scores, input.comment.as_deref()).await,
        )?)
    }

    /// Moves an application: DRAFT → SUBMITTED → SCREENING → SHORTLISTED →
    /// ACCEPTED, REJECTED from any reviewed status, WITHDRAWN by the
    /// applicant until a decision. A move its status does not allow is
    /// `NOT_ALLOWED`; submitting needs the call open, every rule met and
    /// every question answered; accepting past the call's places is
    /// `FULL`; a move made meanwhile by someone else is `STALE`. Every
    /// move is recorded with who, when and why.
    async fn move_application(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The move.")] input: MoveApplicationInput,
    ) -> Result<ApplicationPayload> {
        let id = ids::of_kind(&input.id, Kind::Application);
        Ok(application_payload(
            ops::move_to(&caller(ctx), id, input.to, input.reason.as_deref()).await,
        )?)
    }
}
