//! `SupportRecord`: every unit of support given to a startup or a project,
//! by which programme and organisation, what it was worth and where the
//! money came from. Programmes write them (a place in a cohort); the
//! operator and the programmes' managers add them by hand and in data
//! files. They are what "projects supported" counts.
//!
//! Who sees them: the operator all; a programme's managers those of their
//! programme; a startup's owner those it received.

use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::{DateTime, FixedOffset};

use super::account::viewer;
use super::connection::{PageArgs, connection, order};
use super::ids::{self, Kind};
use super::loaders::{self, OrganizationId, ProgrammeId, StartupId, SupportId};
use super::mutation::{
    caller, clean, delete, organization, payload, payloads, reference, user_errors,
};
use super::query::list;
use super::scalars::{BigInt, Date};
use crate::error::Error;
use crate::model::{
    self, BudgetSource, Field, Organization, Programme, Startup, SupportDraft, SupportKind,
    SupportOrigin, SupportRecord,
};
use crate::ops::{policy, profiles, programmes};
use crate::store::{ListQuery, SortColumn, Store};

/// A unit of support given to a startup or a project.
#[Object]
impl SupportRecord {
    /// The record's ID.
    async fn id(&self) -> ID {
        ids::encode(Kind::Support, self.id)
    }

    /// The unique key (as in data files).
    async fn slug(&self) -> &str {
        &self.slug
    }

    /// The startup supported; null for a project or enterprise without a
    /// profile (see `recipient`).
    async fn startup(&self, ctx: &Context<'_>) -> Result<Option<Startup>> {
        match self.startup_id {
            Some(id) => Ok(loaders::one(ctx, StartupId(id)).await?),
            None => Ok(None),
        }
    }

    /// The project or enterprise supported, by name, when it has no
    /// startup profile.
    async fn recipient(&self) -> Option<&str> {
        self.recipient.as_deref()
    }

    /// The programme it was given by.
    async fn programme(&self, ctx: &Context<'_>) -> Result<Option<Programme>> {
        match self.programme_id {
            Some(id) => Ok(loaders::one(ctx, ProgrammeId(id)).await?),
            None => Ok(None),
        }
    }

    /// The organisation that gave it.
    async fn organization(&self, ctx: &Context<'_>) -> Result<Option<Organization>> {
        match self.organization_id {
            Some(id) => Ok(loaders::one(ctx, OrganizationId(id)).await?),
            None => Ok(None),
        }
    }

    /// What it was.
    async fn kind(&self) -> SupportKind {
        self.kind
    }

    /// What it was worth in VND, when known.
    async fn value_vnd(&self) -> Option<BigInt> {
        self.value_vnd.map(BigInt)
    }

    /// Where the money came from.
    async fn budget_source(&self) -> Option<BudgetSource> {
        self.budget_source
    }

    /// When it was given.
    async fn given_on(&self) -> Date {
        Date(self.given_on)
    }

    /// A note on it.
    async fn note(&self) -> &str {
        &self.note
    }

    /// What wrote it: by hand (or a data file), a cohort, or attendance.
    async fn origin(&self) -> SupportOrigin {
        self.origin
    }

    /// When it was recorded.
    async fn created_at(&self) -> DateTime<FixedOffset> {
        self.created_at.with_timezone(&model::vietnam_offset())
    }
}

connection!(
    SupportRecordConnection,
    SupportRecordEdge,
    SupportRecord,
    "support records"
);

order!(SupportRecordOrder, SupportRecordOrderField, "support records", default GivenOn, {
    /// By the day it was given.
    GivenOn => SortColumn::GivenOn,
    /// By when it was recorded.
    CreatedAt => SortColumn::CreatedAt,
});

/// Narrows the list of support records; all given fields must match.
#[derive(Debug, Clone, Default, InputObject)]
pub struct SupportRecordFilter {
    /// Given to this startup (its owner may list them).
    pub startup: Option<ID>,
    /// Given by this programme (its managers may list them).
    pub programme: Option<ID>,
    /// Kinds of support.
    #[graphql(validator(max_items = 100))]
    pub kinds: Option<Vec<SupportKind>>,
    /// Given on or after this day.
    pub from: Option<Date>,
    /// Given on or before this day.
    pub to: Option<Date>,
}

/// Refuses unless the viewer may list the records `filter` selects: the
/// operator any; a startup's owner its own; a programme's managers their
/// programme's.
async fn check_list(ctx: &Context<'_>, filter: &crate::store::SupportFilter) -> Result<(), Error> {
    let viewer = policy::signed_in(viewer(ctx))?;
    if viewer.is_admin() {
        return Ok(());
    }
    let c = caller(ctx);
    if let Some([startup]) = filter.startups.as_deref() {
        let owner = crate::ops::owner_of(c.store, model::Participant::Startup(*startup)).await?;
        if viewer.owns(owner.flatten()) {
            return Ok(());
        }
    }
    if let Some([programme]) = filter.programmes.as_deref()
        && programmes::manages(&c, *programme).await?
    {
        return Ok(());
    }
    Err(policy::forbidden(
        "the operator lists all support records; others name their own startup or a programme they manage",
    ))
}

/// Support records.
#[derive(Default)]
pub struct SupportQuery;

/// Support records.
#[Object]
impl SupportQuery {
    /// Support given, filtered, newest first unless `orderBy` says
    /// otherwise: the operator all of it, a startup's owner what the
    /// startup received (`filter.startup`), a programme's managers what
    /// the programme gave (`filter.programme`).
    #[allow(clippy::too_many_arguments)]
    #[graphql(complexity = "super::connection::page_cost(first, last) * child_complexity")]
    async fn support_records(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Returns the first n items (1 to 100; 20 when neither `first` nor `last` is given)."
        )]
        first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1 to 100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
        #[graphql(desc = "Narrows the list.")] filter: Option<SupportRecordFilter>,
        #[graphql(desc = "How to sort the list.")] order_by: Option<SupportRecordOrder>,
    ) -> Result<SupportRecordConnection> {
        let (column, desc) = match order_by {
            Some(o) => SupportRecordOrder::sort(Some(o)),
            None => (SortColumn::GivenOn, true),
        };
        let page = PageArgs {
            first,
            after,
            last,
            before,
        }
        .query(column, desc)?;
        let f = filter.unwrap_or_default();
        // An ID of another kind names nothing: nothing matches.
        let one = |id: &Option<ID>, kind| {
            id.as_ref()
                .map(|id| vec![ids::of_kind(id, kind).unwrap_or(0)])
        };
        let store_filter = crate::store::SupportFilter {
            startups: one(&f.startup, Kind::Startup),
            programmes: one(&f.programme, Kind::Programme),
            organizations: None,
            kinds: f.kinds,
            from: f.from.map(|d| d.0),
            to: f.to.map(|d| d.0),
        };
        check_list(ctx, &store_filter).await?;
        let query = ListQuery::Support(store_filter);
        list!(
            ctx,
            query,
            page,
            SupportId,
            SupportRecordEdge,
            SupportRecordConnection
        )
    }
}

/// A unit of support to record.
#[derive(InputObject)]
pub struct RecordSupportInput {
    /// The unique key; made from the kind, recipient and day when absent.
    pub slug: Option<String>,
    /// The startup supported.
    pub startup: Option<ID>,
    /// The project or enterprise supported, by name, when it has no
    /// startup profile (give `startup` or `recipient`).
    pub recipient: Option<String>,
    /// The programme it was given by (its managers may record it).
    pub programme: Option<ID>,
    /// The organisation that gave it (its users may record it).
    pub organization: Option<ID>,
    /// What it was.
    pub kind: SupportKind,
    /// What it was worth in VND.
    pub value_vnd: Option<BigInt>,
    /// Where the money came from.
    pub budget_source: Option<BudgetSource>,
    /// When it was given.
    pub given_on: Date,
    /// A note on it.
    pub note: Option<String>,
}

payloads! {
    /// The result of recording support.
    SupportRecordPayload {
        /// The record; null when there are user errors.
        support_record: SupportRecord
    }
}

/// Recording support.
#[derive(Default)]
pub struct SupportMutation;

/// Recording support.
#[Object]
impl SupportMutation {
    /// Records a unit of support (the operator, the programme's managers,
    /// the giving organisation's users).
    async fn record_support(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to record.")] input: RecordSupportInput,
    ) -> Result<SupportRecordPayload> {
        payload!(
            ctx,
            {
                let startup =
                    (input.startup.as_ref()).map(|id| reference(id, Kind::Startup, Field::Startup));
                let programme = (input.programme.as_ref())
                    .map(|id| reference(id, Kind::Programme, Field::Programme));
                let org =
                    (input.organization.as_ref()).map(|id| organization(id, Field::Organization));
                let draft = SupportDraft {
                    slug: input.slug.unwrap_or_default(),
                    startup: None,
                    recipient: clean(input.recipient),
                    programme: None,
                    organization: None,
                    kind: input.kind,
                    value_vnd: input.value_vnd.map(|v| v.0),
                    budget_source: input.budget_source,
                    given_on: input.given_on.0,
                    note: input.note.unwrap_or_default(),
                    origin: SupportOrigin::Manual,
                };
                profiles::record_support(&caller(ctx), draft, startup, programme, org).await
            },
            SupportRecordPayload,
            SupportId
        )
    }

    /// Deletes a support record (the operator, the programme's managers).
    async fn delete_support_record(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to delete.")] input: super::inputs::DeleteInput,
    ) -> Result<super::inputs::DeletePayload> {
        Ok(delete::<SupportDraft>(ctx, input.id, Kind::Support).await?)
    }
}

/// The support a startup received, newest first (its owner and the
/// operator).
pub async fn received(ctx: &Context<'_>, startup: &Startup) -> Result<Vec<SupportRecord>, Error> {
    policy::may_see(viewer(ctx), startup.owner_id, "support received")?;
    let store = ctx.data_unchecked::<Store>();
    let query = ListQuery::Support(crate::store::SupportFilter {
        startups: Some(vec![startup.id]),
        ..Default::default()
    });
    let page = PageArgs {
        first: Some(100),
        ..PageArgs::default()
    }
    .query(SortColumn::GivenOn, true)?;
    let found = store.list_ids(&query, &page).await?;
    let ids = found.items.iter().map(|k| SupportId(k.id)).collect();
    loaders::many(ctx, ids).await
}
