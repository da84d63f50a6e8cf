//! `Startup`: a startup project or company.

use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::{DateTime, FixedOffset};

use super::account;
use super::connection::{connection, order};
use super::ids::{self, Kind};
use super::loaders::{self, InvestmentsOfStartup, OrganizationId, ProvinceId, SectorId};
use super::matching;
use super::scalars::Date;
use crate::matching::Lang;
use crate::model::{
    self, Application, Investment, Money, Organization, Province, Sector, Stage, Startup,
    StartupTag, SupportRecord, Topic,
};
use crate::store::{SortColumn, Table};

/// A startup project or company (dự án / doanh nghiệp khởi nghiệp đổi mới sáng tạo).
#[Object]
impl Startup {
    /// The global ID.
    pub async fn id(&self) -> ID {
        ids::encode(Kind::Startup, self.id)
    }

    /// The unique, human-readable key, used in URLs and data files.
    async fn slug(&self) -> &str {
        &self.slug
    }

    /// The startup's name.
    async fn name(&self) -> &str {
        &self.name
    }

    /// One line about what it does.
    async fn tagline(&self) -> &str {
        &self.tagline
    }

    /// What it does, for whom, and how far it has come (Vietnamese, English or both).
    async fn description(&self) -> &str {
        &self.description
    }

    /// The stage of development.
    async fn stage(&self) -> Stage {
        self.stage
    }

    /// The date of the first business registration; null for a project not yet registered.
    async fn founded_on(&self) -> Option<Date> {
        self.founded_on.map(Date)
    }

    /// How many people work on it.
    async fn team_size(&self) -> Option<i32> {
        self.team_size
    }

    /// The groups the plans single out that this startup belongs to.
    async fn tags(&self) -> &[StartupTag] {
        &self.tags
    }

    /// The mentorship topics it needs help with.
    async fn needs(&self) -> &[Topic] {
        &self.needs
    }

    /// What it is raising now; null when it is not raising, and for viewers
    /// other than INVESTOR users, its owner and the operator.
    async fn seeking_amount(&self, ctx: &Context<'_>) -> Option<Money> {
        self.seeking
            .filter(|_| account::sees_fundraising(ctx, self.owner_id))
    }

    /// Its website.
    async fn website(&self) -> Option<&str> {
        self.website.as_deref()
    }

    /// Contact e-mail address; null unless the viewer owns the profile, is
    /// the other side of an accepted introduction, or is the operator.
    async fn email(&self, ctx: &Context<'_>) -> Result<Option<&str>> {
        let shown = account::sees_contact(ctx, Table::Startups, self.id, self.owner_id).await?;
        Ok(self.contact.email.as_deref().filter(|_| shown))
    }

    /// Contact phone number; null unless the viewer owns the profile, is
    /// the other side of an accepted introduction, or is the operator.
    async fn phone(&self, ctx: &Context<'_>) -> Result<Option<&str>> {
        let shown = account::sees_contact(ctx, Table::Startups, self.id, self.owner_id).await?;
        Ok(self.contact.phone.as_deref().filter(|_| shown))
    }

    /// Whether it may apply to a call, rule by rule, each with its reason
    /// (in `lang`, else the request's `Accept-Language`, else Vietnamese);
    /// null when there is no call with this ID.
    async fn eligibility_for(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The call's ID.")] call: ID,
        #[graphql(desc = "The language of the reasons.")] lang: Option<Lang>,
    ) -> Result<Option<super::programme::Eligibility>> {
        Ok(super::programme::eligibility_for(ctx, self, &call, lang).await?)
    }

    /// Its applications to calls, drafts included, oldest first; its owner
    /// and the operator only (`FORBIDDEN` for others).
    async fn applications(&self, ctx: &Context<'_>) -> Result<Vec<Application>> {
        Ok(super::programme::applications_of(ctx, self).await?)
    }

    /// The support it received (trainings, places in cohorts, grants, ...),
    /// newest first, up to 100; its owner and the operator only
    /// (`FORBIDDEN` for others).
    async fn support_received(&self, ctx: &Context<'_>) -> Result<Vec<SupportRecord>> {
        Ok(super::support::received(ctx, self).await?)
    }

    /// The programmes whose cohorts accepted it, in the order it was
    /// accepted (public, like the cohorts).
    async fn programmes(&self, ctx: &Context<'_>) -> Result<Vec<super::programme::Participation>> {
        Ok(super::programme::participations(ctx, self).await?)
    }

    /// The open calls it may apply to (it meets every rule and has not
    /// applied), best fit first, with reasons in `lang`; its owner and the
    /// operator only.
    async fn recommended_calls(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many (1 to 50).", default = 10)] first: i32,
        #[graphql(desc = "The language of the reasons.")] lang: Option<Lang>,
    ) -> Result<Vec<super::programme::CallMatch>> {
        Ok(super::programme::recommended_calls(ctx, self, first, lang).await?)
    }

    /// The mentors programmes confirmed for it, oldest first (public).
    async fn mentorships(&self, ctx: &Context<'_>) -> Result<Vec<super::programme::Mentorship>> {
        Ok(
            super::programme::mentorships(ctx, super::programme::MentorshipsOf::Startup(self.id))
                .await?,
        )
    }

    /// Its sectors, the primary one first.
    async fn sectors(&self, ctx: &Context<'_>) -> Result<Vec<Sector>> {
        Ok(loaders::many(
            ctx,
            self.sector_ids.iter().map(|id| SectorId(*id)).collect(),
        )
        .await?)
    }

    /// The province or city where it is based.
    async fn province(&self, ctx: &Context<'_>) -> Result<Option<Province>> {
        match self.province_id {
            Some(id) => Ok(loaders::one(ctx, ProvinceId(id)).await?),
            None => Ok(None),
        }
    }

    /// The support organisation that incubates or accelerates it.
    async fn organization(&self, ctx: &Context<'_>) -> Result<Option<Organization>> {
        match self.organization_id {
            Some(id) if loaders::asks_only(ctx, loaders::ORGANIZATION_BRIEF) => {
                Ok(loaders::one(ctx, loaders::OrganizationBriefId(id)).await?)
            }
            Some(id) => Ok(loaders::one(ctx, OrganizationId(id)).await?),
            None => Ok(None),
        }
    }

    /// The investments it has received, newest first, at most `first`
    /// (confidential ones only for the two parties and the operator).
    #[graphql(complexity = "first.clamp(1, 100) as usize * child_complexity")]
    async fn investments(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            default = 20,
            validator(minimum = 1, maximum = 100),
            desc = "How many to return (1 to 100; 20 by default)."
        )]
        first: i32,
    ) -> Result<Vec<Investment>> {
        let all = loaders::one(ctx, InvestmentsOfStartup(self.id))
            .await?
            .unwrap_or_default();
        Ok(account::first_visible_investments(ctx, all, first).await?)
    }

    /// Whether the plans' support rule holds: operating no more than 5 years
    /// since the first business registration (`foundedOn`), on `asOf`
    /// (default: today in Vietnam). A project not yet registered is eligible.
    #[graphql(name = "isEligibleForSupport")]
    async fn eligible_for_support(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The day to judge on; today in Vietnam when absent.")] as_of: Option<Date>,
    ) -> bool {
        let as_of = as_of
            .map(|d| d.0)
            .unwrap_or_else(|| ctx.data_unchecked::<crate::clock::Clock>().today());
        self.is_eligible_for_support(as_of)
    }

    /// The investors that fit this startup best, with the reasons: sector,
    /// stage, ticket, geography, text similarity, track record, activity
    /// and the owner's feedback, the most sought-after slightly damped.
    /// Inactive investors, those already invested and those the owner
    /// dismissed are left out. For the owner and the operator.
    #[graphql(complexity = "first.unwrap_or(10).clamp(1, 50) as usize * child_complexity")]
    async fn investor_matches(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 10, desc = "How many (1 to 50; 10 by default).")] first: Option<i32>,
        #[graphql(desc = "Narrows the investors considered.")] filter: Option<
            matching::InvestorMatchFilter,
        >,
        #[graphql(
            desc = "The language of the explanations (default: the request's `Accept-Language`, else Vietnamese)."
        )]
        lang: Option<Lang>,
    ) -> Result<Vec<matching::InvestorMatch>> {
        Ok(matching::investor_matches(ctx, self, first.unwrap_or(10), filter, lang).await?)
    }

    /// The mentors that fit this startup best, with the reasons: sector,
    /// needs covered, geography, shared language, text similarity, places
    /// left and the owner's feedback. Mentors without places left and
    /// those the owner dismissed are left out. For the owner and the
    /// operator.
    #[graphql(complexity = "first.unwrap_or(10).clamp(1, 50) as usize * child_complexity")]
    async fn mentor_matches(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 10, desc = "How many (1 to 50; 10 by default).")] first: Option<i32>,
        #[graphql(desc = "Narrows the mentors considered.")] filter: Option<
            matching::MentorMatchFilter,
        >,
        #[graphql(
            desc = "The language of the explanations (default: the request's `Accept-Language`, else Vietnamese)."
        )]
        lang: Option<Lang>,
    ) -> Result<Vec<matching::MentorMatch>> {
        Ok(matching::mentor_matches(ctx, self, first.unwrap_or(10), filter, lang).await?)
    }

    /// When the profile was created.
    async fn created_at(&self) -> DateTime<FixedOffset> {
        self.created_at.with_timezone(&model::vietnam_offset())
    }

    /// When the profile last changed.
    async fn updated_at(&self) -> DateTime<FixedOffset> {
        self.updated_at.with_timezone(&model::vietnam_offset())
    }
}

connection!(StartupConnection, StartupEdge, Startup, "startups");

/// Narrows the startup list. Each list matches any of its values; all given
/// fields must match. An empty or absent list does not narrow.
#[derive(Debug, Clone, Default, InputObject)]
pub struct StartupFilter {
    /// Only those whose texts match this search, read as `search` reads
    /// it (with or without diacritics, last word as a prefix, one typo in
    /// longer words). It narrows the list, which keeps its order; only the
    /// 10,000 best matches count.
    #[graphql(validator(max_length = 256))]
    pub query: Option<String>,
    /// Sector keys, e.g. `["agritech", "fintech"]`.
    #[graphql(validator(max_items = 100))]
    pub sectors: Option<Vec<String>>,
    /// Stages.
    #[graphql(validator(max_items = 100))]
    pub stages: Option<Vec<Stage>>,
    /// Province keys, e.g. `["can-tho"]`.
    #[graphql(validator(max_items = 100))]
    pub provinces: Option<Vec<String>>,
    /// Tags: startups with any of them.
    #[graphql(validator(max_items = 100))]
    pub tags: Option<Vec<StartupTag>>,
    /// Only startups that are (true) or are not (false) eligible for support today.
    pub eligible_for_support: Option<bool>,
}

impl StartupFilter {
    /// The store's filter; eligibility is judged on `today`.
    pub(crate) fn into_store(self, today: chrono::NaiveDate) -> crate::store::StartupFilter {
        crate::store::StartupFilter {
            ids: None,
            sectors: self.sectors,
            stages: self.stages,
            provinces: self.provinces,
            tags: self.tags,
            eligible_for_support: self.eligible_for_support.map(|e| (e, today)),
            organizations: None,
        }
    }
}

order!(StartupOrder, StartupOrderField, "startups", default Name, {
    /// By name, ignoring case and diacritics.
    Name => SortColumn::Name,
    /// By founding date; projects not yet registered come last.
    FoundedOn => SortColumn::FoundedOn,
    /// By when the profile was created.
    CreatedAt => SortColumn::CreatedAt,
});
