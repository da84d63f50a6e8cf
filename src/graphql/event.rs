//! `Event`: festivals, competitions, pitching sessions, trainings and more.

use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::{DateTime, FixedOffset, Utc};

use super::connection::{connection, order};
use super::ids::{self, Kind};
use super::loaders::{self, OrganizationId, ProvinceId, SectorId};
use crate::model::{self, Event, EventKind, EventScope, Organization, Province, Sector};
use crate::store::SortColumn;

/// An ecosystem event or programme session. Times are shown in Vietnam's
/// time zone (+07:00).
#[Object]
impl Event {
    /// The global ID.
    pub async fn id(&self) -> ID {
        ids::encode(Kind::Event, self.id)
    }

    /// The unique, human-readable key.
    async fn slug(&self) -> &str {
        &self.slug
    }

    /// The event's title.
    async fn title(&self) -> &str {
        &self.title
    }

    /// The startups, investors and mentors registered for it, in the order
    /// they registered.
    #[graphql(complexity = "first.unwrap_or(100).clamp(1, 1000) as usize * child_complexity")]
    async fn participants(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 100, desc = "How many (1 to 1000; 100 by default).")] first: Option<
            i32,
        >,
    ) -> Result<Vec<super::meetings::EventParticipant>> {
        Ok(super::meetings::participants(ctx, self, first.unwrap_or(100)).await?)
    }

    /// What kind of event it is.
    async fn kind(&self) -> EventKind {
        self.kind
    }

    /// What happens there and for whom.
    async fn description(&self) -> &str {
        &self.description
    }

    /// When it starts.
    async fn starts_at(&self) -> DateTime<FixedOffset> {
        self.starts_at.with_timezone(&model::vietnam_offset())
    }

    /// When it ends, if known.
    async fn ends_at(&self) -> Option<DateTime<FixedOffset>> {
        self.ends_at
            .map(|t| t.with_timezone(&model::vietnam_offset()))
    }

    /// Its web page.
    async fn website(&self) -> Option<&str> {
        self.website.as_deref()
    }

    /// How far it reaches: local, regional (e.g. the Mekong Delta),
    /// national or international.
    async fn scope(&self) -> EventScope {
        self.scope
    }

    /// Where it takes place.
    async fn province(&self, ctx: &Context<'_>) -> Result<Option<Province>> {
        match self.province_id {
            Some(id) => Ok(loaders::one(ctx, ProvinceId(id)).await?),
            None => Ok(None),
        }
    }

    /// The organisation that runs it.
    async fn organizer(&self, ctx: &Context<'_>) -> Result<Option<Organization>> {
        match self.organizer_id {
            Some(id) => Ok(loaders::one(ctx, OrganizationId(id)).await?),
            None => Ok(None),
        }
    }

    /// The sectors it focuses on.
    async fn sectors(&self, ctx: &Context<'_>) -> Result<Vec<Sector>> {
        Ok(loaders::many(
            ctx,
            self.sector_ids.iter().map(|id| SectorId(*id)).collect(),
        )
        .await?)
    }

    /// When the event was published.
    async fn created_at(&self) -> DateTime<FixedOffset> {
        self.created_at.with_timezone(&model::vietnam_offset())
    }

    /// When the event last changed.
    async fn updated_at(&self) -> DateTime<FixedOffset> {
        self.updated_at.with_timezone(&model::vietnam_offset())
    }
}

connection!(EventConnection, EventEdge, Event, "events");

/// Narrows the event list. Each list matches any of its values; all given
/// fields must match. An empty or absent list does not narrow.
#[derive(Debug, Clone, Default, InputObject)]
pub struct EventFilter {
    /// Only those whose texts match this search, read as `search` reads
    /// it (with or without diacritics, last word as a prefix, one typo in
    /// longer words). It narrows the list, which keeps its order; only the
    /// 10,000 best matches count.
    #[graphql(validator(max_length = 256))]
    pub query: Option<String>,
    /// Kinds of event.
    #[graphql(validator(max_items = 100))]
    pub kinds: Option<Vec<EventKind>>,
    /// Province keys.
    #[graphql(validator(max_items = 100))]
    pub provinces: Option<Vec<String>>,
    /// Sector keys.
    #[graphql(validator(max_items = 100))]
    pub sectors: Option<Vec<String>>,
    /// Only events still running at or after this time.
    pub from: Option<DateTime<FixedOffset>>,
    /// Only events starting at or before this time.
    pub to: Option<DateTime<FixedOffset>>,
}

impl From<EventFilter> for crate::store::EventFilter {
    fn from(f: EventFilter) -> Self {
        crate::store::EventFilter {
            ids: None,
            kinds: f.kinds,
            provinces: f.provinces,
            sectors: f.sectors,
            from: f.from.map(|t| t.with_timezone(&Utc)),
            to: f.to.map(|t| t.with_timezone(&Utc)),
            organizers: None,
        }
    }
}

order!(EventOrder, EventOrderField, "events", default StartsAt, {
    /// By start time.
    StartsAt => SortColumn::StartsAt,
    /// By title, ignoring case and diacritics.
    Title => SortColumn::Name,
    /// By when the event was published.
    CreatedAt => SortColumn::CreatedAt,
});
