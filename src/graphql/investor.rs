//! `Investor`: angels, funds, corporates, public funds and accelerators.

use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::{DateTime, FixedOffset};

use super::account;
use super::connection::{connection, order};
use super::ids::{self, Kind};
use super::loaders::{self, InvestmentsOfInvestor, ProvinceId, SectorId};
use super::matching;
use crate::matching::Lang;
use crate::model::{self, Investment, Investor, InvestorKind, Money, Province, Sector, Stage};
use crate::store::{SortColumn, Table};

/// An investor (nhà đầu tư): an angel, a venture fund, a corporate, a public
/// fund or an accelerator.
#[Object]
impl Investor {
    /// The global ID.
    pub async fn id(&self) -> ID {
        ids::encode(Kind::Investor, self.id)
    }

    /// The unique, human-readable key.
    async fn slug(&self) -> &str {
        &self.slug
    }

    /// The investor's name.
    async fn name(&self) -> &str {
        &self.name
    }

    /// What kind of investor it is.
    async fn kind(&self) -> InvestorKind {
        self.kind
    }

    /// The investment thesis: what it looks for (Vietnamese, English or both).
    async fn thesis(&self) -> &str {
        &self.thesis
    }

    /// Groups of startups (women-led, social impact, students, ...) and
    /// sectors its thesis says it favours or rules out, each with the
    /// sentence that says it (Vietnamese or English, with or without
    /// diacritics; a negation such as "không", "tránh", "not" or "avoid"
    /// rules out what follows it in its clause). Matching ranks by the
    /// groups; by a sector favoured here when the investor lists none, and
    /// by one ruled out here when it does not list it.
    async fn stated_preferences(
        &self,
        ctx: &Context<'_>,
    ) -> Result<Vec<super::stated::StatedPreference>> {
        super::stated::preferences(ctx, &self.thesis).await
    }

    /// The stages it invests in.
    async fn stages(&self) -> &[Stage] {
        &self.stages
    }

    /// The smallest cheque it writes.
    async fn ticket_min(&self) -> Option<Money> {
        self.ticket_min
    }

    /// The largest cheque it writes.
    async fn ticket_max(&self) -> Option<Money> {
        self.ticket_max
    }

    /// Whether it is investing now.
    async fn active(&self) -> bool {
        self.active
    }

    /// Its website.
    async fn website(&self) -> Option<&str> {
        self.website.as_deref()
    }

    /// The startups that fit this investor best, ranked with the same
    /// factors as `Startup.investorMatches`, as a connection (up to the
    /// best 1,000). Startups it invested in and those it dismissed are
    /// left out. For the investor's owner and the operator.
    #[graphql(complexity = "first.unwrap_or(10).clamp(1, 100) as usize * child_complexity")]
    async fn deal_flow(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 10, desc = "Page size (1 to 100; 10 by default).")] first: Option<i32>,
        #[graphql(desc = "The cursor after which the page starts.")] after: Option<String>,
        #[graphql(desc = "Narrows the startups considered.")] filter: Option<
            matching::StartupMatchFilter,
        >,
        #[graphql(
            desc = "The language of the explanations (default: the request's `Accept-Language`, else Vietnamese)."
        )]
        lang: Option<Lang>,
    ) -> Result<matching::StartupMatchConnection> {
        Ok(matching::deal_flow(ctx, self, first.unwrap_or(10), after, filter, lang).await?)
    }

    /// Contact e-mail address; null unless the viewer owns the profile, is
    /// the other side of an accepted introduction, or is the operator.
    async fn email(&self, ctx: &Context<'_>) -> Result<Option<&str>> {
        let shown = account::sees_contact(ctx, Table::Investors, self.id, self.owner_id).await?;
        Ok(self.contact.email.as_deref().filter(|_| shown))
    }

    /// Contact phone number; null unless the viewer owns the profile, is
    /// the other side of an accepted introduction, or is the operator.
    async fn phone(&self, ctx: &Context<'_>) -> Result<Option<&str>> {
        let shown = account::sees_contact(ctx, Table::Investors, self.id, self.owner_id).await?;
        Ok(self.contact.phone.as_deref().filter(|_| shown))
    }

    /// The sectors it invests in.
    async fn sectors(&self, ctx: &Context<'_>) -> Result<Vec<Sector>> {
        Ok(loaders::many(
            ctx,
            self.sector_ids.iter().map(|id| SectorId(*id)).collect(),
        )
        .await?)
    }

    /// The provinces it invests in; empty means nationwide.
    async fn provinces(&self, ctx: &Context<'_>) -> Result<Vec<Province>> {
        Ok(loaders::many(
            ctx,
            self.province_ids.iter().map(|id| ProvinceId(*id)).collect(),
        )
        .await?)
    }

    /// Whether it invests nationwide (no province listed).
    async fn nationwide(&self) -> bool {
        self.province_ids.is_empty()
    }

    /// Its investments, newest first, at most `first` (confidential ones
    /// only for the two parties and the operator).
    #[graphql(complexity = "first.clamp(1, 100) as usize * child_complexity")]
    async fn portfolio(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            default = 20,
            validator(minimum = 1, maximum = 100),
            desc = "How many to return (1 to 100; 20 by default)."
        )]
        first: i32,
    ) -> Result<Vec<Investment>> {
        let all = loaders::one(ctx, InvestmentsOfInvestor(self.id))
            .await?
            .unwrap_or_default();
        Ok(account::first_visible_investments(ctx, all, first).await?)
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

connection!(InvestorConnection, InvestorEdge, Investor, "investors");

/// Narrows the investor list. Each list matches any of its values; all given
/// fields must match. An empty or absent list does not narrow.
#[derive(Debug, Clone, Default, InputObject)]
pub struct InvestorFilter {
    /// Only those whose texts match this search, read as `search` reads
    /// it (with or without diacritics, last word as a prefix, one typo in
    /// longer words). It narrows the list, which keeps its order; only the
    /// 10,000 best matches count.
    #[graphql(validator(max_length = 256))]
    pub query: Option<String>,
    /// Sector keys.
    #[graphql(validator(max_items = 100))]
    pub sectors: Option<Vec<String>>,
    /// Stages it invests in.
    #[graphql(validator(max_items = 100))]
    pub stages: Option<Vec<Stage>>,
    /// Kinds of investor.
    #[graphql(validator(max_items = 100))]
    pub kinds: Option<Vec<InvestorKind>>,
    /// Province keys: investors who invest there, nationwide investors included.
    #[graphql(validator(max_items = 100))]
    pub provinces: Option<Vec<String>>,
    /// Only active (true) or inactive (false) investors.
    pub active: Option<bool>,
}

impl From<InvestorFilter> for crate::store::InvestorFilter {
    fn from(f: InvestorFilter) -> Self {
        crate::store::InvestorFilter {
            ids: None,
            sectors: f.sectors,
            stages: f.stages,
            kinds: f.kinds,
            provinces: f.provinces,
            active: f.active,
        }
    }
}

order!(InvestorOrder, InvestorOrderField, "investors", default Name, {
    /// By name, ignoring case and diacritics.
    Name => SortColumn::Name,
    /// By when the profile was created.
    CreatedAt => SortColumn::CreatedAt,
});
