//! The query root: lookups by ID or slug, lists, and the taxonomies.

use async_graphql::{Context, ID, Interface, Object, Result};

use super::connection::PageArgs;
use super::event::{EventConnection, EventEdge, EventFilter, EventOrder};
use super::ids::{self, Kind};
use super::investor::{InvestorConnection, InvestorEdge, InvestorFilter, InvestorOrder};
use super::loaders::{
    self, CallId, EventId, InvestmentId, InvestorId, MentorId, OrganizationId, ProgrammeId,
    ProvinceId, SectorId, StartupBriefId, StartupId,
};
use super::mentor::{MentorConnection, MentorEdge, MentorFilter, MentorOrder};
use super::organization::{
    OrganizationConnection, OrganizationEdge, OrganizationFilter, OrganizationOrder,
};
use super::search;
use super::startup::{StartupConnection, StartupEdge, StartupFilter, StartupOrder};
use crate::error::Error;
use crate::model::{
    Call, Event, Investment, Investor, Mentor, Organization, Programme, Province, Sector, Startup,
};
use crate::search::DocKind;
use crate::store::{ListQuery, Store, Table};

/// An object with a globally unique, opaque ID, that `node(id:)` can fetch.
#[derive(Interface)]
#[graphql(field(name = "id", ty = "ID", desc = "The global ID."))]
pub enum Node {
    Startup(Startup),
    Investor(Investor),
    Mentor(Mentor),
    Organization(Organization),
    Event(Event),
    Sector(Sector),
    Province(Province),
    Investment(Investment),
    Programme(Programme),
    Call(Call),
}

/// The most IDs `nodes(ids:)` accepts at once.
pub const MAX_NODES: usize = 100;

/// The object a global ID names, if it exists and the viewer may see it.
pub(crate) async fn node(ctx: &Context<'_>, id: &ID) -> Result<Option<Node>, Error> {
    let Some((kind, row)) = ids::decode(id) else {
        return Ok(None);
    };
    Ok(match kind {
        Kind::Startup => loaders::one(ctx, StartupId(row)).await?.map(Node::Startup),
        Kind::Investor => loaders::one(ctx, InvestorId(row))
            .await?
            .map(Node::Investor),
        Kind::Mentor => loaders::one(ctx, MentorId(row)).await?.map(Node::Mentor),
        Kind::Organization => loaders::one(ctx, OrganizationId(row))
            .await?
            .map(Node::Organization),
        Kind::Event => loaders::one(ctx, EventId(row)).await?.map(Node::Event),
        Kind::Sector => loaders::one(ctx, SectorId(row)).await?.map(Node::Sector),
        Kind::Province => loaders::one(ctx, ProvinceId(row))
            .await?
            .map(Node::Province),
        Kind::Investment => {
            let found = loaders::one(ctx, InvestmentId(row)).await?;
            super::account::visible_investments(ctx, found.into_iter().collect())
                .await?
                .pop()
                .map(Node::Investment)
        }
        Kind::Programme => loaders::one(ctx, ProgrammeId(row))
            .await?
            .map(Node::Programme),
        Kind::Call => loaders::one(ctx, CallId(row)).await?.map(Node::Call),
        // Users, introductions, applications, support records and classes
        // are not nodes: `viewer`, their parties' fields, their programmes
        // and the operator show them.
        Kind::User | Kind::Introduction | Kind::Application | Kind::Support | Kind::Class => None,
    })
}

/// Finds the row id for `id` or `slug` (exactly one must be given).
pub(super) async fn lookup(
    ctx: &Context<'_>,
    kind: Kind,
    table: Table,
    id: Option<ID>,
    slug: Option<String>,
) -> Result<Option<i64>, Error> {
    match (id, slug) {
        (Some(id), None) => Ok(ids::of_kind(&id, kind)),
        (None, Some(slug)) => Ok(ctx
            .data_unchecked::<Store>()
            .id_by_slug(table, &slug)
            .await?),
        _ => Err(Error::BadUserInput(
            "pass exactly one of `id` and `slug`".to_string(),
        )),
    }
}

/// Runs a list query and loads its page of nodes through the loaders.
macro_rules! list {
    // Nodes asked only for fields a brief read answers (`$fields`) are
    // read with `$brief`, others with `$key`.
    ($ctx:expr, $query:expr, $page:expr, $key:ident / $brief:ident if $fields:expr, $edge:ident, $connection:ident) => {{
        let store = $ctx.data_unchecked::<Store>();
        let query = $query;
        let page = $page;
        let found = store.list_ids(&query, &page).await.map_err(Error::from)?;
        let info = super::connection::page_info(&page, &found);
        let ids = found.items.iter().map(|k| k.id);
        let mut nodes: std::collections::HashMap<i64, _> = if loaders::nodes_ask_only($ctx, $fields)
        {
            let found = loaders::of($ctx).load_many(ids.map($brief)).await;
            found
                .map_err(Error::from)?
                .into_iter()
                .map(|(k, v)| (k.0, v))
                .collect()
        } else {
            let found = loaders::of($ctx).load_many(ids.map($key)).await;
            found
                .map_err(Error::from)?
                .into_iter()
                .map(|(k, v)| (k.0, v))
                .collect()
        };
        let edges = found
            .items
            .iter()
            .filter_map(|k| {
                nodes.remove(&k.id).map(|node| $edge {
                    cursor: super::connection::cursor(k),
                    node,
                })
            })
            .collect();
        Ok($connection {
            edges,
            page_info: info,
            query,
        })
    }};
    // Every node read whole.
    ($ctx:expr, $query:expr, $page:expr, $key:ident, $edge:ident, $connection:ident) => {
        list!($ctx, $query, $page, $key / $key if &[], $edge, $connection)
    };
}
pub(crate) use list;

/// The query root: the ecosystem and the accounts.
#[derive(Default, async_graphql::MergedObject)]
pub struct Query(
    EcosystemQuery,
    super::account::AccountQuery,
    super::introduction::IntroductionQuery,
    super::search::SearchQuery,
    super::programme::ProgrammeQuery,
    super::support::SupportQuery,
    super::plan::ReportQuery,
);

/// Read access to the ecosystem: lookups, lists and taxonomies.
#[derive(Default)]
pub struct EcosystemQuery;

/// Read access to the ecosystem: lookups, lists and taxonomies.
#[Object]
impl EcosystemQuery {
    /// Fetches any object by its global ID; null when there is none.
    async fn node(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A global ID.")] id: ID,
    ) -> Result<Option<Node>> {
        Ok(node(ctx, &id).await?)
    }

    /// Fetches up to 100 objects by global ID, in the same order; null where there is none.
    #[graphql(complexity = "ids.len().max(1) * child_complexity")]
    async fn nodes(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Up to 100 global IDs.")] ids: Vec<ID>,
    ) -> Result<Vec<Option<Node>>> {
        if ids.len() > MAX_NODES {
            return Err(
                Error::BadUserInput(format!("`ids` may hold at most {MAX_NODES} IDs")).into(),
            );
        }
        // Concurrently, so the loaders batch them: one statement per type.
        let found =
            async_graphql::futures_util::future::try_join_all(ids.iter().map(|id| node(ctx, id)))
                .await?;
        Ok(found)
    }

    /// A startup by global ID or by slug.
    async fn startup(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The global ID.")] id: Option<ID>,
        #[graphql(desc = "The slug (give `id` or `slug`).")] slug: Option<String>,
    ) -> Result<Option<Startup>> {
        match lookup(ctx, Kind::Startup, Table::Startups, id, slug).await? {
            Some(row) => Ok(loaders::one(ctx, StartupId(row)).await?),
            None => Ok(None),
        }
    }

    /// An investor by global ID or by slug.
    async fn investor(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The global ID.")] id: Option<ID>,
        #[graphql(desc = "The slug (give `id` or `slug`).")] slug: Option<String>,
    ) -> Result<Option<Investor>> {
        match lookup(ctx, Kind::Investor, Table::Investors, id, slug).await? {
            Some(row) => Ok(loaders::one(ctx, InvestorId(row)).await?),
            None => Ok(None),
        }
    }

    /// A mentor by global ID or by slug.
    async fn mentor(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The global ID.")] id: Option<ID>,
        #[graphql(desc = "The slug (give `id` or `slug`).")] slug: Option<String>,
    ) -> Result<Option<Mentor>> {
        match lookup(ctx, Kind::Mentor, Table::Mentors, id, slug).await? {
            Some(row) => Ok(loaders::one(ctx, MentorId(row)).await?),
            None => Ok(None),
        }
    }

    /// A support organisation by global ID or by slug.
    async fn organization(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The global ID.")] id: Option<ID>,
        #[graphql(desc = "The slug (give `id` or `slug`).")] slug: Option<String>,
    ) -> Result<Option<Organization>> {
        match lookup(ctx, Kind::Organization, Table::Organizations, id, slug).await? {
            Some(row) => Ok(loaders::one(ctx, OrganizationId(row)).await?),
            None => Ok(None),
        }
    }

    /// An event by global ID or by slug.
    async fn event(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The global ID.")] id: Option<ID>,
        #[graphql(desc = "The slug (give `id` or `slug`).")] slug: Option<String>,
    ) -> Result<Option<Event>> {
        match lookup(ctx, Kind::Event, Table::Events, id, slug).await? {
            Some(row) => Ok(loaders::one(ctx, EventId(row)).await?),
            None => Ok(None),
        }
    }

    /// Startups, filtered and sorted (by name unless `orderBy` says otherwise).
    #[allow(clippy::too_many_arguments)]
    #[graphql(complexity = "super::connection::page_cost(first, last) * child_complexity")]
    async fn startups(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Returns the first n items (1 to 100; 20 when neither `first` nor `last` is given)."
        )]
        first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1 to 100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
        #[graphql(desc = "Narrows the list.")] filter: Option<StartupFilter>,
        #[graphql(desc = "How to sort the list.")] order_by: Option<StartupOrder>,
    ) -> Result<StartupConnection> {
        let (column, desc) = StartupOrder::sort(order_by);
        let page = PageArgs {
            first,
            after,
            last,
            before,
        }
        .query(column, desc)?;
        let filter = filter.unwrap_or_default();
        let ids = search::matching_ids(ctx, DocKind::Startup, filter.query.clone()).await?;
        let query = ListQuery::Startups(crate::store::StartupFilter {
            ids,
            ..filter.into_store(ctx.data_unchecked::<crate::clock::Clock>().today())
        });
        list!(
            ctx,
            query,
            page,
            StartupId / StartupBriefId if loaders::STARTUP_BRIEF,
            StartupEdge,
            StartupConnection
        )
    }

    /// Investors, filtered and sorted (by name unless `orderBy` says otherwise).
    #[allow(clippy::too_many_arguments)]
    #[graphql(complexity = "super::connection::page_cost(first, last) * child_complexity")]
    async fn investors(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Returns the first n items (1 to 100; 20 when neither `first` nor `last` is given)."
        )]
        first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1 to 100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
        #[graphql(desc = "Narrows the list.")] filter: Option<InvestorFilter>,
        #[graphql(desc = "How to sort the list.")] order_by: Option<InvestorOrder>,
    ) -> Result<InvestorConnection> {
        let (column, desc) = InvestorOrder::sort(order_by);
        let page = PageArgs {
            first,
            after,
            last,
            before,
        }
        .query(column, desc)?;
        let filter = filter.unwrap_or_default();
        let ids = search::matching_ids(ctx, DocKind::Investor, filter.query.clone()).await?;
        let query = ListQuery::Investors(crate::store::InvestorFilter {
            ids,
            ..filter.into()
        });
        list!(
            ctx,
            query,
            page,
            InvestorId,
            InvestorEdge,
            InvestorConnection
        )
    }

    /// Mentors, filtered and sorted (by name unless `orderBy` says otherwise).
    #[allow(clippy::too_many_arguments)]
    #[graphql(complexity = "super::connection::page_cost(first, last) * child_complexity")]
    async fn mentors(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Returns the first n items (1 to 100; 20 when neither `first` nor `last` is given)."
        )]
        first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1 to 100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
        #[graphql(desc = "Narrows the list.")] filter: Option<MentorFilter>,
        #[graphql(desc = "How to sort the list.")] order_by: Option<MentorOrder>,
    ) -> Result<MentorConnection> {
        let (column, desc) = MentorOrder::sort(order_by);
        let page = PageArgs {
            first,
            after,
            last,
            before,
        }
        .query(column, desc)?;
        let filter = filter.unwrap_or_default();
        let ids = search::matching_ids(ctx, DocKind::Mentor, filter.query.clone()).await?;
        let query = ListQuery::Mentors(crate::store::MentorFilter {
            ids,
            ..filter.into()
        });
        list!(ctx, query, page, MentorId, MentorEdge, MentorConnection)
    }

    /// Support organisations, filtered and sorted (by name unless `orderBy` says otherwise).
    #[allow(clippy::too_many_arguments)]
    #[graphql(complexity = "super::connection::page_cost(first, last) * child_complexity")]
    async fn organizations(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Returns the first n items (1 to 100; 20 when neither `first` nor `last` is given)."
        )]
        first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1 to 100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
        #[graphql(desc = "Narrows the list.")] filter: Option<OrganizationFilter>,
        #[graphql(desc = "How to sort the list.")] order_by: Option<OrganizationOrder>,
    ) -> Result<OrganizationConnection> {
        let (column, desc) = OrganizationOrder::sort(order_by);
        let page = PageArgs {
            first,
            after,
            last,
            before,
        }
        .query(column, desc)?;
        let filter = filter.unwrap_or_default();
        let ids = search::matching_ids(ctx, DocKind::Organization, filter.query.clone()).await?;
        let query = ListQuery::Organizations(crate::store::OrganizationFilter {
            ids,
            ..filter.into()
        });
        list!(
            ctx,
            query,
            page,
            OrganizationId,
            OrganizationEdge,
            OrganizationConnection
        )
    }

    /// Events, filtered and sorted (by start time unless `orderBy` says otherwise).
    #[allow(clippy::too_many_arguments)]
    #[graphql(complexity = "super::connection::page_cost(first, last) * child_complexity")]
    async fn events(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Returns the first n items (1 to 100; 20 when neither `first` nor `last` is given)."
        )]
        first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1 to 100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
        #[graphql(desc = "Narrows the list.")] filter: Option<EventFilter>,
        #[graphql(desc = "How to sort the list.")] order_by: Option<EventOrder>,
    ) -> Result<EventConnection> {
        let (column, desc) = EventOrder::sort(order_by);
        let page = PageArgs {
            first,
            after,
            last,
            before,
        }
        .query(column, desc)?;
        let filter = filter.unwrap_or_default();
        let ids = search::matching_ids(ctx, DocKind::Event, filter.query.clone()).await?;
        let query = ListQuery::Events(crate::store::EventFilter {
            ids,
            ..filter.into()
        });
        list!(ctx, query, page, EventId, EventEdge, EventConnection)
    }

    /// Every sector, by key.
    async fn sectors(&self, ctx: &Context<'_>) -> Result<Vec<Sector>> {
        Ok(ctx
            .data_unchecked::<Store>()
            .sectors()
            .await
            .map_err(Error::from)?)
    }

    /// Every province, by key.
    async fn provinces(&self, ctx: &Context<'_>) -> Result<Vec<Province>> {
        Ok(ctx
            .data_unchecked::<Store>()
            .provinces()
            .await
            .map_err(Error::from)?)
    }

    /// A sector by key.
    async fn sector(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The key, e.g. `agritech` or `can-tho`.")] key: String,
    ) -> Result<Option<Sector>> {
        match ctx
            .data_unchecked::<Store>()
            .id_by_slug(Table::Sectors, &key)
            .await
            .map_err(Error::from)?
        {
            Some(id) => Ok(loaders::one(ctx, SectorId(id)).await?),
            None => Ok(None),
        }
    }

    /// A province by key.
    async fn province(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The key, e.g. `agritech` or `can-tho`.")] key: String,
    ) -> Result<Option<Province>> {
        match ctx
            .data_unchecked::<Store>()
            .id_by_slug(Table::Provinces, &key)
            .await
            .map_err(Error::from)?
        {
            Some(id) => Ok(loaders::one(ctx, ProvinceId(id)).await?),
            None => Ok(None),
        }
    }
}
