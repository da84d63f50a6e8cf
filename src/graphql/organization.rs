//! `Organization`: support organisations.

use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::{DateTime, FixedOffset};

use super::account;
use super::connection::{connection, order};
use super::ids::{self, Kind};
use super::loaders::{
    self, EventId, EventsOfOrganization, ProvinceId, StartupId, StartupsOfOrganization,
};
use crate::model::{self, Event, Organization, OrganizationKind, Province, Startup};
use crate::store::{SortColumn, Table};

/// The most related items a relation list returns at once.
const MAX_RELATED: usize = 100;

/// The keys of the first `first` (at most [`MAX_RELATED`]) of these ids.
fn first_related<K>(ids: Option<Vec<i64>>, first: i32, key: fn(i64) -> K) -> Vec<K> {
    ids.unwrap_or_default()
        .into_iter()
        .take(usize::try_from(first).unwrap_or(0).min(MAX_RELATED))
        .map(key)
        .collect()
}

/// A support organisation (tổ chức hỗ trợ khởi nghiệp): incubator,
/// accelerator, co-working space, club, university centre, support centre,
/// technology-transfer office or government agency.
#[Object]
impl Organization {
    /// The global ID.
    pub async fn id(&self) -> ID {
        ids::encode(Kind::Organization, self.id)
    }

    /// The unique, human-readable key.
    async fn slug(&self) -> &str {
        &self.slug
    }

    /// The organisation's name.
    async fn name(&self) -> &str {
        &self.name
    }

    /// What kind of organisation it is.
    async fn kind(&self) -> OrganizationKind {
        self.kind
    }

    /// What it offers.
    async fn description(&self) -> &str {
        &self.description
    }

    /// Its website.
    async fn website(&self) -> Option<&str> {
        self.website.as_deref()
    }

    /// When it was founded.
    async fn established_on(&self) -> Option<super::scalars::Date> {
        self.established_on.map(super::scalars::Date)
    }

    /// Contact e-mail address; null unless the viewer owns the profile or
    /// is the operator.
    async fn email(&self, ctx: &Context<'_>) -> Result<Option<&str>> {
        let shown =
            account::sees_contact(ctx, Table::Organizations, self.id, self.owner_id).await?;
        Ok(self.contact.email.as_deref().filter(|_| shown))
    }

    /// Contact phone number; null unless the viewer owns the profile or is
    /// the operator.
    async fn phone(&self, ctx: &Context<'_>) -> Result<Option<&str>> {
        let shown =
            account::sees_contact(ctx, Table::Organizations, self.id, self.owner_id).await?;
        Ok(self.contact.phone.as_deref().filter(|_| shown))
    }

    /// Where it is based.
    async fn province(&self, ctx: &Context<'_>) -> Result<Option<Province>> {
        match self.province_id {
            Some(id) => Ok(loaders::one(ctx, ProvinceId(id)).await?),
            None => Ok(None),
        }
    }

    /// Startups it supports, by name (at most `first`, 1 to 100).
    #[graphql(complexity = "first.clamp(1, 100) as usize * child_complexity")]
    async fn startups(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            default = 50,
            validator(minimum = 1, maximum = 100),
            desc = "How many to return (1 to 100)."
        )]
        first: i32,
    ) -> Result<Vec<Startup>> {
        let ids = loaders::one(ctx, StartupsOfOrganization(self.id)).await?;
        Ok(loaders::many(ctx, first_related(ids, first, StartupId)).await?)
    }

    /// Events it organises, by title (at most `first`, 1 to 100).
    #[graphql(complexity = "first.clamp(1, 100) as usize * child_complexity")]
    async fn events(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            default = 50,
            validator(minimum = 1, maximum = 100),
            desc = "How many to return (1 to 100)."
        )]
        first: i32,
    ) -> Result<Vec<Event>> {
        let ids = loaders::one(ctx, EventsOfOrganization(self.id)).await?;
        Ok(loaders::many(ctx, first_related(ids, first, EventId)).await?)
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

connection!(
    OrganizationConnection,
    OrganizationEdge,
    Organization,
    "organisations"
);

/// Narrows the organisation list. An empty or absent list does not narrow.
#[derive(Debug, Clone, Default, InputObject)]
pub struct OrganizationFilter {
    /// Only those whose texts match this search, read as `search` reads
    /// it (with or without diacritics, last word as a prefix, one typo in
    /// longer words). It narrows the list, which keeps its order; only the
    /// 10,000 best matches count.
    #[graphql(validator(max_length = 256))]
    pub query: Option<String>,
    /// Kinds of organisation.
    #[graphql(validator(max_items = 100))]
    pub kinds: Option<Vec<OrganizationKind>>,
    /// Province keys.
    #[graphql(validator(max_items = 100))]
    pub provinces: Option<Vec<String>>,
}

impl From<OrganizationFilter> for crate::store::OrganizationFilter {
    fn from(f: OrganizationFilter) -> Self {
        crate::store::OrganizationFilter {
            ids: None,
            kinds: f.kinds,
            provinces: f.provinces,
        }
    }
}

order!(OrganizationOrder, OrganizationOrderField, "organisations", default Name, {
    /// By name, ignoring case and diacritics.
    Name => SortColumn::Name,
    /// By when the profile was created.
    CreatedAt => SortColumn::CreatedAt,
});
