//! The mutation root: create, update and delete profiles, events and
//! investments. Every mutation takes one `input` and returns a payload with
//! the changed object and `userErrors`: problems the user can fix, each
//! naming the input field. When there are user errors nothing is written.
//!
//! The resolvers turn their input into drafts and call one operation of
//! [`crate::ops::profiles`], which holds the rules.

use async_graphql::{Context, ID, MaybeUndefined, Object, Result, SimpleObject};

pub use super::inputs::*;

use super::ids::{self, Kind};
use super::loaders::{
    self, EventId, InvestmentId, InvestorId, MentorId, OrganizationId, StartupId,
};
use crate::error::Error;
use crate::model::{
    EventDraft, Field, FieldError, FieldErrorCode, InvestmentDraft, InvestorDraft, MentorDraft,
    OrganizationDraft, StartupDraft,
};
use crate::ops::Caller;
use crate::ops::profiles::{self, Profile, Ref, RefChange};

/// A problem with the input that the user can fix.
#[derive(Debug, Clone, SimpleObject)]
pub struct UserError {
    /// The input field at fault, as named in the input (e.g. `ticketMin`); null when no single field is.
    pub field: Option<String>,
    /// What is wrong, in a sentence.
    pub message: String,
    /// Why, as a code a client can act on.
    pub code: FieldErrorCode,
}

impl UserError {
    /// A problem with the input field `field` (as the API names it; `None`
    /// when no single field is at fault).
    pub fn new(field: Option<&str>, code: FieldErrorCode, message: impl Into<String>) -> Self {
        UserError {
            field: field.map(str::to_string),
            message: message.into(),
            code,
        }
    }
}

/// Declares the payloads of mutations that return one object: the object
/// (null when there are user errors) and `userErrors`, with a constructor
/// for each outcome.
macro_rules! payloads {
    ($($(#[$doc:meta])* $name:ident { $(#[$field_doc:meta])* $field:ident: $ty:ty })+) => {$(
        $(#[$doc])*
        #[derive(async_graphql::SimpleObject)]
        pub struct $name {
            $(#[$field_doc])*
            pub $field: Option<$ty>,
            /// What the user must fix; empty on success.
            pub user_errors: Vec<$crate::graphql::mutation::UserError>,
        }

        #[allow(dead_code)]
        impl $name {
            /// Done: the object (none when it has gone since).
            pub fn done(value: Option<$ty>) -> Self {
                $name { $field: value, user_errors: vec![] }
            }

            /// Refused, for these reasons.
            pub fn refused(user_errors: Vec<$crate::graphql::mutation::UserError>) -> Self {
                $name { $field: None, user_errors }
            }

            /// Refused for one reason, found in the input field `field`.
            pub fn refused_on(
                field: &str,
                code: $crate::model::FieldErrorCode,
                message: impl Into<String>,
            ) -> Self {
                Self::refused(vec![$crate::graphql::mutation::UserError::new(
                    Some(field),
                    code,
                    message,
                )])
            }
        }
    )+};
}
pub(crate) use payloads;

/// The input field that holds a draft's field, as the API names it.
pub fn input_field(field: Field) -> &'static str {
    match field {
        Field::NameEn => "nameEn",
        Field::FoundedOn => "foundedOn",
        Field::TeamSize => "teamSize",
        Field::Seeking => "seekingAmount",
        Field::TicketMin => "ticketMin",
        Field::TicketMax => "ticketMax",
        Field::StartsAt => "startsAt",
        Field::EndsAt => "endsAt",
        Field::MaxMeetingsPerParticipant => "maxMeetingsPerParticipant",
        other => other.name(),
    }
}

impl From<FieldError> for UserError {
    fn from(e: FieldError) -> Self {
        UserError {
            field: Some(input_field(e.field).to_string()),
            message: e.message_naming(input_field),
            code: e.code,
        }
    }
}

/// The problems of an operation, as user errors.
pub fn user_errors(problems: Vec<FieldError>) -> Vec<UserError> {
    problems.into_iter().map(UserError::from).collect()
}

/// What an operation needs from the request: the store, the viewer, the clock.
pub fn caller<'a>(ctx: &Context<'a>) -> Caller<'a> {
    Caller {
        store: ctx.data_unchecked(),
        viewer: super::account::viewer(ctx),
        clock: ctx.data_unchecked(),
    }
}

/// A reference given by global ID, for an operation to resolve.
pub(super) fn reference(id: &ID, kind: Kind, field: Field) -> Ref {
    Ref {
        row: ids::of_kind(id, kind),
        field,
    }
}

pub(super) fn organization(id: &ID, field: Field) -> Ref {
    reference(id, Kind::Organization, field)
}

/// A nullable reference in an update.
pub(super) fn ref_change(value: &MaybeUndefined<ID>, field: Field) -> RefChange {
    match value {
        MaybeUndefined::Undefined => RefChange::Keep,
        MaybeUndefined::Null => RefChange::Clear,
        MaybeUndefined::Value(id) => RefChange::Set(organization(id, field)),
    }
}

/// Blank optional text means "none".
pub(super) fn clean(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty())
}

/// Applies a nullable update field: absent keeps, null clears, a value sets.
pub(super) fn patch<T: Clone>(target: &mut Option<T>, value: &MaybeUndefined<T>) {
    match value {
        MaybeUndefined::Undefined => {}
        MaybeUndefined::Null => *target = None,
        MaybeUndefined::Value(v) => *target = Some(v.clone()),
    }
}

pub(super) fn patch_text(target: &mut Option<String>, value: &MaybeUndefined<String>) {
    match value {
        MaybeUndefined::Value(v) => *target = clean(Some(v.clone())),
        other => patch(target, other),
    }
}

pub(super) fn set<T: Clone>(target: &mut T, value: &Option<T>) {
    if let Some(v) = value {
        *target = v.clone();
    }
}

fn startup_draft(i: CreateStartupInput) -> StartupDraft {
    StartupDraft {
        slug: i.slug.unwrap_or_default(),
        name: i.name,
        tagline: i.tagline.unwrap_or_default(),
        description: i.description.unwrap_or_default(),
        sectors: i.sectors,
        stage: i.stage,
        province: clean(i.province),
        founded_on: i.founded_on.map(|d| d.0),
        team_size: i.team_size,
        tags: i.tags,
        needs: i.needs,
        seeking: i.seeking_amount.map(Into::into),
        organization: None,
        website: clean(i.website),
        email: clean(i.email),
        phone: clean(i.phone),
    }
}

fn update_startup(r: &mut StartupDraft, i: &UpdateStartupInput) {
    set(&mut r.slug, &i.slug);
    set(&mut r.name, &i.name);
    set(&mut r.tagline, &i.tagline);
    set(&mut r.description, &i.description);
    set(&mut r.sectors, &i.sectors);
    set(&mut r.stage, &i.stage);
    patch_text(&mut r.province, &i.province);
    patch(&mut r.founded_on, &i.founded_on.map_value(|d| d.0));
    patch(&mut r.team_size, &i.team_size);
    set(&mut r.tags, &i.tags);
    set(&mut r.needs, &i.needs);
    patch(&mut r.seeking, &i.seeking_amount.map_value(Into::into));
    patch_text(&mut r.website, &i.website);
    patch_text(&mut r.email, &i.email);
    patch_text(&mut r.phone, &i.phone);
}

fn investor_draft(i: CreateInvestorInput) -> InvestorDraft {
    InvestorDraft {
        slug: i.slug.unwrap_or_default(),
        name: i.name,
        kind: i.kind,
        thesis: i.thesis.unwrap_or_default(),
        sectors: i.sectors,
        stages: i.stages,
        ticket_min: i.ticket_min.map(Into::into),
        ticket_max: i.ticket_max.map(Into::into),
        provinces: i.provinces,
        active: i.active,
        website: clean(i.website),
        email: clean(i.email),
        phone: clean(i.phone),
    }
}

fn update_investor(r: &mut InvestorDraft, i: &UpdateInvestorInput) {
    set(&mut r.slug, &i.slug);
    set(&mut r.name, &i.name);
    set(&mut r.kind, &i.kind);
    set(&mut r.thesis, &i.thesis);
    set(&mut r.sectors, &i.sectors);
    set(&mut r.stages, &i.stages);
    patch(&mut r.ticket_min, &i.ticket_min.map_value(Into::into));
    patch(&mut r.ticket_max, &i.ticket_max.map_value(Into::into));
    set(&mut r.provinces, &i.provinces);
    set(&mut r.active, &i.active);
    patch_text(&mut r.website, &i.website);
    patch_text(&mut r.email, &i.email);
    patch_text(&mut r.phone, &i.phone);
}

fn mentor_draft(i: CreateMentorInput) -> MentorDraft {
    MentorDraft {
        slug: i.slug.unwrap_or_default(),
        name: i.name,
        headline: i.headline.unwrap_or_default(),
        bio: i.bio.unwrap_or_default(),
        expertise: i.expertise,
        sectors: i.sectors,
        languages: i.languages,
        province: clean(i.province),
        capacity: i.capacity,
        website: clean(i.website),
        email: clean(i.email),
        phone: clean(i.phone),
    }
}

fn update_mentor(r: &mut MentorDraft, i: &UpdateMentorInput) {
    set(&mut r.slug, &i.slug);
    set(&mut r.name, &i.name);
    set(&mut r.headline, &i.headline);
    set(&mut r.bio, &i.bio);
    set(&mut r.expertise, &i.expertise);
    set(&mut r.sectors, &i.sectors);
    set(&mut r.languages, &i.languages);
    patch_text(&mut r.province, &i.province);
    set(&mut r.capacity, &i.capacity);
    patch_text(&mut r.website, &i.website);
    patch_text(&mut r.email, &i.email);
    patch_text(&mut r.phone, &i.phone);
}

fn organization_draft(i: CreateOrganizationInput) -> OrganizationDraft {
    OrganizationDraft {
        slug: i.slug.unwrap_or_default(),
        name: i.name,
        kind: i.kind,
        province: clean(i.province),
        description: i.description.unwrap_or_default(),
        website: clean(i.website),
        email: clean(i.email),
        phone: clean(i.phone),
        established_on: i.established_on.map(|d| d.0),
    }
}

fn update_organization(r: &mut OrganizationDraft, i: &UpdateOrganizationInput) {
    set(&mut r.slug, &i.slug);
    set(&mut r.name, &i.name);
    set(&mut r.kind, &i.kind);
    patch_text(&mut r.province, &i.province);
    set(&mut r.description, &i.description);
    patch_text(&mut r.website, &i.website);
    patch_text(&mut r.email, &i.email);
    patch_text(&mut r.phone, &i.phone);
    patch(&mut r.established_on, &i.established_on.map_value(|d| d.0));
}

fn event_draft(i: CreateEventInput) -> EventDraft {
    EventDraft {
        slug: i.slug.unwrap_or_default(),
        title: i.title,
        kind: i.kind,
        description: i.description.unwrap_or_default(),
        starts_at: i.starts_at,
        ends_at: i.ends_at,
        province: clean(i.province),
        organizer: None,
        sectors: i.sectors,
        website: clean(i.website),
        scope: i.scope,
    }
}

fn update_event(r: &mut EventDraft, i: &UpdateEventInput) {
    set(&mut r.slug, &i.slug);
    set(&mut r.title, &i.title);
    set(&mut r.kind, &i.kind);
    set(&mut r.description, &i.description);
    set(&mut r.starts_at, &i.starts_at);
    patch(&mut r.ends_at, &i.ends_at);
    set(&mut r.scope, &i.scope);
    patch_text(&mut r.province, &i.province);
    set(&mut r.sectors, &i.sectors);
    patch_text(&mut r.website, &i.website);
}

/// Deletes a profile or an event and shapes the payload.
pub(super) async fn delete<P: Profile>(
    ctx: &Context<'_>,
    id: ID,
    kind: Kind,
) -> Result<DeletePayload, Error> {
    if profiles::delete::<P>(&caller(ctx), ids::of_kind(&id, kind)).await? {
        Ok(DeletePayload::done(Some(id)))
    } else {
        Ok(DeletePayload::refused_on(
            "id",
            FieldErrorCode::UnknownReference,
            format!("there is no {} with this ID", P::NAME),
        ))
    }
}

/// Builds a payload from an outcome, loading the saved object.
macro_rules! payload {
    ($ctx:expr, $outcome:expr, $payload:ident, $key:ident) => {{
        match $outcome? {
            Ok(id) => {
                // Read the saved row afresh, not from this request's cache.
                let loaders = loaders::of($ctx);
                loaders.clear::<$key>();
                Ok($payload::done(loaders::one($ctx, $key(id)).await?))
            }
            Err(problems) => Ok($payload::refused(user_errors(problems))),
        }
    }};
}
pub(crate) use payload;

/// The mutation root: the ecosystem and the accounts.
#[derive(Default, async_graphql::MergedObject)]
pub struct Mutation(
    EcosystemMutation,
    super::account::AccountMutation,
    super::introduction::IntroductionMutation,
    super::matching::MatchingMutation,
    super::meetings::MeetingsMutation,
    super::programme::ProgrammeMutation,
    super::support::SupportMutation,
    super::training::TrainingMutation,
    super::plan::ReportMutation,
);

/// Changes to the ecosystem.
#[derive(Default)]
pub struct EcosystemMutation;

/// Changes to the ecosystem. Each mutation takes one `input` and returns a
/// payload with the changed object and `userErrors`.
#[Object]
impl EcosystemMutation {
    /// Creates a startup profile.
    async fn create_startup(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to create.")] input: CreateStartupInput,
    ) -> Result<StartupPayload> {
        payload!(
            ctx,
            {
                let organization = input
                    .organization
                    .as_ref()
                    .map(|id| organization(id, Field::Organization));
                profiles::create_startup(&caller(ctx), startup_draft(input), organization).await
            },
            StartupPayload,
            StartupId
        )
    }

    /// Updates a startup profile.
    async fn update_startup(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to update.")] input: UpdateStartupInput,
    ) -> Result<StartupPayload> {
        payload!(
            ctx,
            profiles::update_startup(
                &caller(ctx),
                ids::of_kind(&input.id, Kind::Startup),
                ref_change(&input.organization, Field::Organization),
                |d| update_startup(d, &input),
            )
            .await,
            StartupPayload,
            StartupId
        )
    }

    /// Deletes a startup profile and its investments.
    async fn delete_startup(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to delete.")] input: DeleteInput,
    ) -> Result<DeletePayload> {
        Ok(delete::<StartupDraft>(ctx, input.id, Kind::Startup).await?)
    }

    /// Creates an investor profile.
    async fn create_investor(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to create.")] input: CreateInvestorInput,
    ) -> Result<InvestorPayload> {
        payload!(
            ctx,
            profiles::create_investor(&caller(ctx), investor_draft(input)).await,
            InvestorPayload,
            InvestorId
        )
    }

    /// Updates an investor profile.
    async fn update_investor(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to update.")] input: UpdateInvestorInput,
    ) -> Result<InvestorPayload> {
        payload!(
            ctx,
            profiles::update_profile(&caller(ctx), ids::of_kind(&input.id, Kind::Investor), |d| {
                update_investor(d, &input)
            })
            .await,
            InvestorPayload,
            InvestorId
        )
    }

    /// Deletes an investor profile and its investments.
    async fn delete_investor(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to delete.")] input: DeleteInput,
    ) -> Result<DeletePayload> {
        Ok(delete::<InvestorDraft>(ctx, input.id, Kind::Investor).await?)
    }

    /// Creates a mentor profile.
    async fn create_mentor(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to create.")] input: CreateMentorInput,
    ) -> Result<MentorPayload> {
        payload!(
            ctx,
            profiles::create_mentor(&caller(ctx), mentor_draft(input)).await,
            MentorPayload,
            MentorId
        )
    }

    /// Updates a mentor profile.
    async fn update_mentor(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to update.")] input: UpdateMentorInput,
    ) -> Result<MentorPayload> {
        payload!(
            ctx,
            profiles::update_profile(&caller(ctx), ids::of_kind(&input.id, Kind::Mentor), |d| {
                update_mentor(d, &input)
            })
            .await,
            MentorPayload,
            MentorId
        )
    }

    /// Deletes a mentor profile.
    async fn delete_mentor(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to delete.")] input: DeleteInput,
    ) -> Result<DeletePayload> {
        Ok(delete::<MentorDraft>(ctx, input.id, Kind::Mentor).await?)
    }

    /// Creates a support organisation.
    async fn create_organization(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to create.")] input: CreateOrganizationInput,
    ) -> Result<OrganizationPayload> {
        payload!(
            ctx,
            profiles::create_organization(&caller(ctx), organization_draft(input)).await,
            OrganizationPayload,
            OrganizationId
        )
    }

    /// Updates a support organisation.
    async fn update_organization(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to update.")] input: UpdateOrganizationInput,
    ) -> Result<OrganizationPayload> {
        payload!(
            ctx,
            profiles::update_profile(
                &caller(ctx),
                ids::of_kind(&input.id, Kind::Organization),
                |d| update_organization(d, &input),
            )
            .await,
            OrganizationPayload,
            OrganizationId
        )
    }

    /// Deletes a support organisation; its startups and events stay, without it.
    async fn delete_organization(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to delete.")] input: DeleteInput,
    ) -> Result<DeletePayload> {
        Ok(delete::<OrganizationDraft>(ctx, input.id, Kind::Organization).await?)
    }

    /// Creates an event.
    async fn create_event(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to create.")] input: CreateEventInput,
    ) -> Result<EventPayload> {
        payload!(
            ctx,
            {
                let organizer = input
                    .organizer
                    .as_ref()
                    .map(|id| organization(id, Field::Organizer));
                profiles::create_event(&caller(ctx), event_draft(input), organizer).await
            },
            EventPayload,
            EventId
        )
    }

    /// Updates an event.
    async fn update_event(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to update.")] input: UpdateEventInput,
    ) -> Result<EventPayload> {
        payload!(
            ctx,
            profiles::update_event(
                &caller(ctx),
                ids::of_kind(&input.id, Kind::Event),
                ref_change(&input.organizer, Field::Organizer),
                |d| update_event(d, &input),
            )
            .await,
            EventPayload,
            EventId
        )
    }

    /// Deletes an event.
    async fn delete_event(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to delete.")] input: DeleteInput,
    ) -> Result<DeletePayload> {
        Ok(delete::<EventDraft>(ctx, input.id, Kind::Event).await?)
    }

    /// Records an investment of an investor into a startup.
    async fn record_investment(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The investment to record.")] input: RecordInvestmentInput,
    ) -> Result<InvestmentPayload> {
        payload!(
            ctx,
            profiles::record_investment(
                &caller(ctx),
                reference(&input.investor, Kind::Investor, Field::Investor),
                reference(&input.startup, Kind::Startup, Field::Startup),
                |investor, startup| InvestmentDraft {
                    investor,
                    startup,
                    amount: input.amount.into(),
                    round: input.round,
                    date: input.date.0,
                    confidential: input.confidential,
                },
            )
            .await,
            InvestmentPayload,
            InvestmentId
        )
    }
}
