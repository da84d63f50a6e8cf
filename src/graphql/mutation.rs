//! The mutation root: create, update and delete profiles, events and
//! investments. Every mutation takes one `input` and returns a payload with
//! the changed object and `userErrors`: problems the user can fix, each
//! naming the input field. When there are user errors nothing is written.

use async_graphql::{Context, ID, MaybeUndefined, Object, Result, SimpleObject};

pub use super::inputs::*;

use super::account;
use super::ids::{self, Kind};
use super::loaders::{
    self, EventId, InvestmentId, InvestorId, MentorId, OrganizationId, StartupId,
};
use crate::datafile::{
    EventRecord, InvestmentRecord, InvestorRecord, MentorRecord, OrganizationRecord, StartupRecord,
};
use crate::error::Error;
use crate::model::{self, FieldError, FieldErrorCode, Role};
use crate::store::{Batch, RecordSelect, Store, StoreError, Table, WriteMode};

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

/// Record field names (snake_case) as the GraphQL inputs spell them.
fn input_field(record_field: &str) -> String {
    match record_field {
        "key" => "slug".to_string(),
        "seeking" => "seekingAmount".to_string(),
        other => {
            let mut out = String::with_capacity(other.len());
            let mut upper = false;
            for c in other.chars() {
                if c == '_' {
                    upper = true;
                } else if upper {
                    out.push(c.to_ascii_uppercase());
                    upper = false;
                } else {
                    out.push(c);
                }
            }
            out
        }
    }
}

impl From<FieldError> for UserError {
    fn from(e: FieldError) -> Self {
        let message = e
            .message
            .replace("ticket_max", "ticketMax")
            .replace("starts_at", "startsAt");
        UserError {
            field: Some(input_field(&e.field)),
            message,
            code: e.code,
        }
    }
}

fn user_error(field: &str, code: FieldErrorCode, message: impl Into<String>) -> UserError {
    UserError {
        field: Some(field.to_string()),
        message: message.into(),
        code,
    }
}

/// The outcome of a write: the row id, or what the user must fix.
type Outcome = std::result::Result<i64, Vec<UserError>>;

/// Writes one record; user errors come back as `Err`, failures as `Error`.
async fn save(
    ctx: &Context<'_>,
    batch: Batch,
    mode: WriteMode,
    key: &str,
    owner: Option<i64>,
) -> Result<Outcome, Error> {
    let store = ctx.data_unchecked::<Store>();
    match store.write(&batch, mode, owner).await {
        Ok(ids) => match mode {
            WriteMode::Update(id, _) => Ok(Ok(id)),
            _ => ids
                .get(key)
                .copied()
                .or_else(|| ids.values().next().copied())
                .map(Ok)
                .ok_or_else(|| Error::Store(StoreError::NotFound)),
        },
        Err(StoreError::Invalid { errors, .. }) => {
            Ok(Err(errors.into_iter().map(UserError::from).collect()))
        }
        Err(StoreError::NotFound) => Ok(Err(vec![user_error(
            "id",
            FieldErrorCode::UnknownReference,
            "there is nothing with this ID",
        )])),
        Err(e) => Err(e.into()),
    }
}

/// A free slug derived from `name` (`-2`, `-3`... when taken).
async fn free_slug(
    store: &Store,
    table: Table,
    name: &str,
    fallback: &str,
) -> Result<String, Error> {
    let mut base = model::slugify(name);
    if base.is_empty() {
        base = fallback.to_string();
    }
    base.truncate(model::MAX_SLUG_LEN - 6);
    let base = base.trim_end_matches('-').to_string();
    let mut candidate = base.clone();
    for n in 2..1000 {
        if store.id_by_slug(table, &candidate).await?.is_none() {
            return Ok(candidate);
        }
        candidate = format!("{base}-{n}");
    }
    Ok(format!("{base}-{}", chrono::Utc::now().timestamp_micros()))
}

async fn slug_for(
    ctx: &Context<'_>,
    table: Table,
    slug: Option<String>,
    name: &str,
    fallback: &str,
) -> Result<String, Error> {
    match slug {
        Some(s) => Ok(s),
        None => free_slug(ctx.data_unchecked::<Store>(), table, name, fallback).await,
    }
}

/// Turns an organisation ID into its key, or a user error for `field`.
async fn organization_key(
    ctx: &Context<'_>,
    id: &ID,
    field: &str,
) -> Result<std::result::Result<String, UserError>, Error> {
    let not_found = || {
        user_error(
            field,
            FieldErrorCode::UnknownReference,
            "there is no organisation with this ID",
        )
    };
    let Some((Kind::Organization, row)) = ids::decode(id) else {
        return Ok(Err(not_found()));
    };
    Ok(loaders::one(ctx, OrganizationId(row))
        .await?
        .map(|o| o.slug)
        .ok_or_else(not_found))
}

/// Turns the key of a profile with a global ID into its slug.
async fn profile_key(
    ctx: &Context<'_>,
    id: &ID,
    kind: Kind,
    field: &str,
) -> Result<std::result::Result<String, UserError>, Error> {
    let not_found = || {
        user_error(
            field,
            FieldErrorCode::UnknownReference,
            format!("there is no {} with this ID", kind.name().to_lowercase()),
        )
    };
    let Some((k, row)) = ids::decode(id) else {
        return Ok(Err(not_found()));
    };
    if k != kind {
        return Ok(Err(not_found()));
    }
    let slug = match kind {
        Kind::Startup => loaders::one(ctx, StartupId(row)).await?.map(|s| s.slug),
        Kind::Investor => loaders::one(ctx, InvestorId(row)).await?.map(|s| s.slug),
        _ => None,
    };
    Ok(slug.ok_or_else(not_found))
}

/// The owner of a new profile of the kind `role` users own: the viewer, or
/// nobody when the operator creates it (operator-curated). Other roles may
/// not create it.
fn creator(ctx: &Context<'_>, role: Role, what: &str) -> Result<Option<i64>, Error> {
    let viewer = account::require_viewer(ctx)?;
    if viewer.is_admin() {
        Ok(None)
    } else if viewer.user.role == role {
        Ok(Some(viewer.user.id))
    } else {
        Err(account::forbidden(&format!(
            "only {role} users and the operator may create {what}"
        )))
    }
}

/// The owner of the profile `id` names: `Some(owner)` when it exists (the
/// owner of an event is the owner of its organiser), `None` when it does not.
async fn owner_of(ctx: &Context<'_>, id: &ID, kind: Kind) -> Result<Option<Option<i64>>, Error> {
    let Some(row) = ids::of_kind(id, kind) else {
        return Ok(None);
    };
    Ok(match kind {
        Kind::Startup => loaders::one(ctx, StartupId(row)).await?.map(|p| p.owner_id),
        Kind::Investor => loaders::one(ctx, InvestorId(row))
            .await?
            .map(|p| p.owner_id),
        Kind::Mentor => loaders::one(ctx, MentorId(row)).await?.map(|p| p.owner_id),
        Kind::Organization => loaders::one(ctx, OrganizationId(row))
            .await?
            .map(|p| p.owner_id),
        Kind::Event => match loaders::one(ctx, EventId(row)).await? {
            Some(event) => Some(organizer_owner(ctx, event.organizer_id).await?),
            None => None,
        },
        Kind::Sector | Kind::Province | Kind::Investment | Kind::User | Kind::Introduction => None,
    })
}

/// The user an organisation is delegated to.
async fn organizer_owner(ctx: &Context<'_>, organizer: Option<i64>) -> Result<Option<i64>, Error> {
    Ok(match organizer {
        Some(org) => loaders::one(ctx, OrganizationId(org))
            .await?
            .and_then(|o| o.owner_id),
        None => None,
    })
}

/// Refuses unless the viewer may change the object `id` names: its owner
/// or the operator. An ID that names nothing passes, for the caller to
/// answer with a user error.
async fn check_change(ctx: &Context<'_>, id: &ID, kind: Kind) -> Result<(), Error> {
    let viewer = account::require_viewer(ctx)?;
    if viewer.is_admin() {
        return Ok(());
    }
    match owner_of(ctx, id, kind).await? {
        Some(owner) if !viewer.owns(owner) => Err(account::forbidden(&format!(
            "only the owner of this {} and the operator may change it",
            kind.name().to_lowercase()
        ))),
        _ => Ok(()),
    }
}

/// Refuses unless the viewer may organise events for this organiser: the
/// operator, or the user the organisation is delegated to.
async fn check_organizer(ctx: &Context<'_>, organizer: Option<&ID>) -> Result<(), Error> {
    let viewer = account::require_viewer(ctx)?;
    if viewer.is_admin() {
        return Ok(());
    }
    let owner = match organizer.and_then(|id| ids::of_kind(id, Kind::Organization)) {
        Some(row) => organizer_owner(ctx, Some(row)).await?,
        None => None,
    };
    if viewer.owns(owner) {
        Ok(())
    } else {
        Err(account::forbidden(
            "only the operator and the users of the organising organisation may manage its events",
        ))
    }
}

/// Blank optional text means "none".
fn clean(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty())
}

/// Applies a nullable update field: absent keeps, null clears, a value sets.
fn patch<T>(target: &mut Option<T>, value: MaybeUndefined<T>) {
    match value {
        MaybeUndefined::Undefined => {}
        MaybeUndefined::Null => *target = None,
        MaybeUndefined::Value(v) => *target = Some(v),
    }
}

fn patch_text(target: &mut Option<String>, value: MaybeUndefined<String>) {
    match value {
        MaybeUndefined::Value(v) => *target = clean(Some(v)),
        other => patch(target, other),
    }
}

fn set<T>(target: &mut T, value: Option<T>) {
    if let Some(v) = value {
        *target = v;
    }
}

/// Reads the record of an existing row, or a user error on `id`.
/// Also returns the row's version (`updated_at`, read first), so that the
/// update applies only if nothing changed in between.
macro_rules! existing {
    ($ctx:expr, $id:expr, $kind:expr, $table:expr, $method:ident) => {{
        let store = $ctx.data_unchecked::<Store>();
        let row = ids::of_kind(&$id, $kind);
        let found = match row {
            Some(row) => match store.version($table, row).await.map_err(Error::from)? {
                Some(version) => store
                    .$method(RecordSelect::Ids(&[row]))
                    .await
                    .map_err(Error::from)?
                    .pop()
                    .map(|(row, record)| (row, version, record)),
                None => None,
            },
            None => None,
        };
        match found {
            Some((row, version, record)) => (row, Some(version), record),
            None => {
                return Ok(Err(vec![user_error(
                    "id",
                    FieldErrorCode::UnknownReference,
                    format!("there is no {} with this ID", $kind.name().to_lowercase()),
                )]));
            }
        }
    }};
}

/// Unwraps a reference lookup, returning its user error from the function.
macro_rules! reference {
    ($lookup:expr) => {
        match $lookup.await? {
            Ok(key) => key,
            Err(e) => return Ok(Err(vec![e])),
        }
    };
}

async fn create_startup(ctx: &Context<'_>, i: CreateStartupInput) -> Result<Outcome, Error> {
    let owner = creator(ctx, Role::Startup, "startup profiles")?;
    let organization = match &i.organization {
        Some(id) => Some(reference!(organization_key(ctx, id, "organization"))),
        None => None,
    };
    let key = slug_for(ctx, Table::Startups, i.slug, &i.name, "startup").await?;
    let record = StartupRecord {
        key: key.clone(),
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
        organization,
        website: clean(i.website),
        email: clean(i.email),
        phone: clean(i.phone),
    };
    save(
        ctx,
        Batch::Startups(vec![record]),
        WriteMode::Insert,
        &key,
        owner,
    )
    .await
}

async fn update_startup(ctx: &Context<'_>, i: UpdateStartupInput) -> Result<Outcome, Error> {
    check_change(ctx, &i.id, Kind::Startup).await?;
    let (row, version, mut r) =
        existing!(ctx, i.id, Kind::Startup, Table::Startups, startup_records);
    match i.organization {
        MaybeUndefined::Undefined => {}
        MaybeUndefined::Null => r.organization = None,
        MaybeUndefined::Value(id) => {
            r.organization = Some(reference!(organization_key(ctx, &id, "organization")))
        }
    }
    set(&mut r.key, i.slug);
    set(&mut r.name, i.name);
    set(&mut r.tagline, i.tagline);
    set(&mut r.description, i.description);
    set(&mut r.sectors, i.sectors);
    set(&mut r.stage, i.stage);
    patch_text(&mut r.province, i.province);
    patch(&mut r.founded_on, i.founded_on.map_value(|d| d.0));
    patch(&mut r.team_size, i.team_size);
    set(&mut r.tags, i.tags);
    set(&mut r.needs, i.needs);
    patch(&mut r.seeking, i.seeking_amount.map_value(Into::into));
    patch_text(&mut r.website, i.website);
    patch_text(&mut r.email, i.email);
    patch_text(&mut r.phone, i.phone);
    let key = r.key.clone();
    save(
        ctx,
        Batch::Startups(vec![r]),
        WriteMode::Update(row, version),
        &key,
        None,
    )
    .await
}

async fn create_investor(ctx: &Context<'_>, i: CreateInvestorInput) -> Result<Outcome, Error> {
    let owner = creator(ctx, Role::Investor, "investor profiles")?;
    let key = slug_for(ctx, Table::Investors, i.slug, &i.name, "investor").await?;
    let record = InvestorRecord {
        key: key.clone(),
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
    };
    save(
        ctx,
        Batch::Investors(vec![record]),
        WriteMode::Insert,
        &key,
        owner,
    )
    .await
}

async fn update_investor(ctx: &Context<'_>, i: UpdateInvestorInput) -> Result<Outcome, Error> {
    check_change(ctx, &i.id, Kind::Investor).await?;
    let (row, version, mut r) = existing!(
        ctx,
        i.id,
        Kind::Investor,
        Table::Investors,
        investor_records
    );
    set(&mut r.key, i.slug);
    set(&mut r.name, i.name);
    set(&mut r.kind, i.kind);
    set(&mut r.thesis, i.thesis);
    set(&mut r.sectors, i.sectors);
    set(&mut r.stages, i.stages);
    patch(&mut r.ticket_min, i.ticket_min.map_value(Into::into));
    patch(&mut r.ticket_max, i.ticket_max.map_value(Into::into));
    set(&mut r.provinces, i.provinces);
    set(&mut r.active, i.active);
    patch_text(&mut r.website, i.website);
    patch_text(&mut r.email, i.email);
    patch_text(&mut r.phone, i.phone);
    let key = r.key.clone();
    save(
        ctx,
        Batch::Investors(vec![r]),
        WriteMode::Update(row, version),
        &key,
        None,
    )
    .await
}

async fn create_mentor(ctx: &Context<'_>, i: CreateMentorInput) -> Result<Outcome, Error> {
    let owner = creator(ctx, Role::Mentor, "mentor profiles")?;
    let key = slug_for(ctx, Table::Mentors, i.slug, &i.name, "mentor").await?;
    let record = MentorRecord {
        key: key.clone(),
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
    };
    save(
        ctx,
        Batch::Mentors(vec![record]),
        WriteMode::Insert,
        &key,
        owner,
    )
    .await
}

async fn update_mentor(ctx: &Context<'_>, i: UpdateMentorInput) -> Result<Outcome, Error> {
    check_change(ctx, &i.id, Kind::Mentor).await?;
    let (row, version, mut r) = existing!(ctx, i.id, Kind::Mentor, Table::Mentors, mentor_records);
    set(&mut r.key, i.slug);
    set(&mut r.name, i.name);
    set(&mut r.headline, i.headline);
    set(&mut r.bio, i.bio);
    set(&mut r.expertise, i.expertise);
    set(&mut r.sectors, i.sectors);
    set(&mut r.languages, i.languages);
    patch_text(&mut r.province, i.province);
    set(&mut r.capacity, i.capacity);
    patch_text(&mut r.website, i.website);
    patch_text(&mut r.email, i.email);
    patch_text(&mut r.phone, i.phone);
    let key = r.key.clone();
    save(
        ctx,
        Batch::Mentors(vec![r]),
        WriteMode::Update(row, version),
        &key,
        None,
    )
    .await
}

async fn create_organization(
    ctx: &Context<'_>,
    i: CreateOrganizationInput,
) -> Result<Outcome, Error> {
    account::require_admin(ctx)?;
    let key = slug_for(ctx, Table::Organizations, i.slug, &i.name, "organization").await?;
    let record = OrganizationRecord {
        key: key.clone(),
        name: i.name,
        kind: i.kind,
        province: clean(i.province),
        description: i.description.unwrap_or_default(),
        website: clean(i.website),
        email: clean(i.email),
        phone: clean(i.phone),
    };
    save(
        ctx,
        Batch::Organizations(vec![record]),
        WriteMode::Insert,
        &key,
        None,
    )
    .await
}

async fn update_organization(
    ctx: &Context<'_>,
    i: UpdateOrganizationInput,
) -> Result<Outcome, Error> {
    check_change(ctx, &i.id, Kind::Organization).await?;
    let (row, version, mut r) = existing!(
        ctx,
        i.id,
        Kind::Organization,
        Table::Organizations,
        organization_records
    );
    set(&mut r.key, i.slug);
    set(&mut r.name, i.name);
    set(&mut r.kind, i.kind);
    patch_text(&mut r.province, i.province);
    set(&mut r.description, i.description);
    patch_text(&mut r.website, i.website);
    patch_text(&mut r.email, i.email);
    patch_text(&mut r.phone, i.phone);
    let key = r.key.clone();
    save(
        ctx,
        Batch::Organizations(vec![r]),
        WriteMode::Update(row, version),
        &key,
        None,
    )
    .await
}

async fn create_event(ctx: &Context<'_>, i: CreateEventInput) -> Result<Outcome, Error> {
    check_organizer(ctx, i.organizer.as_ref()).await?;
    let organizer = match &i.organizer {
        Some(id) => Some(reference!(organization_key(ctx, id, "organizer"))),
        None => None,
    };
    let key = slug_for(ctx, Table::Events, i.slug, &i.title, "event").await?;
    let record = EventRecord {
        key: key.clone(),
        title: i.title,
        kind: i.kind,
        description: i.description.unwrap_or_default(),
        starts_at: i.starts_at,
        ends_at: i.ends_at,
        province: clean(i.province),
        organizer,
        sectors: i.sectors,
        website: clean(i.website),
    };
    save(
        ctx,
        Batch::Events(vec![record]),
        WriteMode::Insert,
        &key,
        None,
    )
    .await
}

async fn update_event(ctx: &Context<'_>, i: UpdateEventInput) -> Result<Outcome, Error> {
    check_change(ctx, &i.id, Kind::Event).await?;
    if let MaybeUndefined::Value(organizer) = &i.organizer {
        check_organizer(ctx, Some(organizer)).await?;
    }
    let (row, version, mut r) = existing!(ctx, i.id, Kind::Event, Table::Events, event_records);
    match i.organizer {
        MaybeUndefined::Undefined => {}
        MaybeUndefined::Null => r.organizer = None,
        MaybeUndefined::Value(id) => {
            r.organizer = Some(reference!(organization_key(ctx, &id, "organizer")))
        }
    }
    set(&mut r.key, i.slug);
    set(&mut r.title, i.title);
    set(&mut r.kind, i.kind);
    set(&mut r.description, i.description);
    set(&mut r.starts_at, i.starts_at);
    patch(&mut r.ends_at, i.ends_at);
    patch_text(&mut r.province, i.province);
    set(&mut r.sectors, i.sectors);
    patch_text(&mut r.website, i.website);
    let key = r.key.clone();
    save(
        ctx,
        Batch::Events(vec![r]),
        WriteMode::Update(row, version),
        &key,
        None,
    )
    .await
}

async fn record_investment(ctx: &Context<'_>, i: RecordInvestmentInput) -> Result<Outcome, Error> {
    // The investor's side records its investments (a startup cannot claim
    // an investor's money); the operator records any.
    check_change(ctx, &i.investor, Kind::Investor).await?;
    let investor = reference!(profile_key(ctx, &i.investor, Kind::Investor, "investor"));
    let startup = reference!(profile_key(ctx, &i.startup, Kind::Startup, "startup"));
    let record = InvestmentRecord {
        investor,
        startup,
        amount: i.amount.into(),
        round: i.round,
        date: i.date.0,
        confidential: i.confidential,
    };
    save(
        ctx,
        Batch::Investments(vec![record]),
        WriteMode::Insert,
        "",
        None,
    )
    .await
}

async fn delete(
    ctx: &Context<'_>,
    id: ID,
    kind: Kind,
    table: Table,
) -> Result<DeletePayload, Error> {
    if kind == Kind::Organization {
        account::require_admin(ctx)?;
    } else {
        check_change(ctx, &id, kind).await?;
    }
    let row = ids::of_kind(&id, kind);
    let deleted = match row {
        Some(row) => ctx.data_unchecked::<Store>().delete(table, row).await?,
        None => false,
    };
    if deleted {
        Ok(DeletePayload {
            deleted_id: Some(id),
            user_errors: vec![],
        })
    } else {
        Ok(DeletePayload {
            deleted_id: None,
            user_errors: vec![user_error(
                "id",
                FieldErrorCode::UnknownReference,
                format!("there is no {} with this ID", kind.name().to_lowercase()),
            )],
        })
    }
}

/// How often an update is tried again when the profile changed under it.
const UPDATE_ATTEMPTS: u64 = 16;

/// Runs an update, again from a fresh read when a concurrent write changed
/// the row in between (so no field another request changed is undone).
async fn retrying<F, Fut>(mut attempt: F) -> Result<Outcome, Error>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<Outcome, Error>>,
{
    for n in 1..UPDATE_ATTEMPTS {
        match attempt().await {
            // Back off a little longer each time, so that writers racing for
            // one profile spread out instead of colliding again.
            Err(Error::Store(StoreError::Conflict)) => {
                let jitter = std::hash::BuildHasher::hash_one(
                    &std::collections::hash_map::RandomState::new(),
                    n,
                ) % 4;
                tokio::time::sleep(std::time::Duration::from_millis(n * 2 + jitter)).await;
            }
            other => return other,
        }
    }
    attempt().await
}

/// Builds a payload from an outcome, loading the saved object.
macro_rules! payload {
    ($ctx:expr, $outcome:expr, $payload:ident, $field:ident, $key:ident) => {{
        match $outcome? {
            Ok(id) => {
                // Read the saved row afresh, not from this request's cache.
                let loaders = loaders::of($ctx);
                loaders.clear::<$key>();
                Ok($payload {
                    $field: loaders::one($ctx, $key(id)).await?,
                    user_errors: vec![],
                })
            }
            Err(user_errors) => Ok($payload {
                $field: None,
                user_errors,
            }),
        }
    }};
}

/// The mutation root: the ecosystem and the accounts.
#[derive(Default, async_graphql::MergedObject)]
pub struct Mutation(
    EcosystemMutation,
    super::account::AccountMutation,
    super::introduction::IntroductionMutation,
    super::matching::MatchingMutation,
    super::meetings::MeetingsMutation,
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
            create_startup(ctx, input).await,
            StartupPayload,
            startup,
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
            retrying(|| update_startup(ctx, input.clone())).await,
            StartupPayload,
            startup,
            StartupId
        )
    }

    /// Deletes a startup profile and its investments.
    async fn delete_startup(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to delete.")] input: DeleteInput,
    ) -> Result<DeletePayload> {
        Ok(delete(ctx, input.id, Kind::Startup, Table::Startups).await?)
    }

    /// Creates an investor profile.
    async fn create_investor(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to create.")] input: CreateInvestorInput,
    ) -> Result<InvestorPayload> {
        payload!(
            ctx,
            create_investor(ctx, input).await,
            InvestorPayload,
            investor,
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
            retrying(|| update_investor(ctx, input.clone())).await,
            InvestorPayload,
            investor,
            InvestorId
        )
    }

    /// Deletes an investor profile and its investments.
    async fn delete_investor(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to delete.")] input: DeleteInput,
    ) -> Result<DeletePayload> {
        Ok(delete(ctx, input.id, Kind::Investor, Table::Investors).await?)
    }

    /// Creates a mentor profile.
    async fn create_mentor(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to create.")] input: CreateMentorInput,
    ) -> Result<MentorPayload> {
        payload!(
            ctx,
            create_mentor(ctx, input).await,
            MentorPayload,
            mentor,
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
            retrying(|| update_mentor(ctx, input.clone())).await,
            MentorPayload,
            mentor,
            MentorId
        )
    }

    /// Deletes a mentor profile.
    async fn delete_mentor(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to delete.")] input: DeleteInput,
    ) -> Result<DeletePayload> {
        Ok(delete(ctx, input.id, Kind::Mentor, Table::Mentors).await?)
    }

    /// Creates a support organisation.
    async fn create_organization(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to create.")] input: CreateOrganizationInput,
    ) -> Result<OrganizationPayload> {
        payload!(
            ctx,
            create_organization(ctx, input).await,
            OrganizationPayload,
            organization,
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
            retrying(|| update_organization(ctx, input.clone())).await,
            OrganizationPayload,
            organization,
            OrganizationId
        )
    }

    /// Deletes a support organisation; its startups and events stay, without it.
    async fn delete_organization(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to delete.")] input: DeleteInput,
    ) -> Result<DeletePayload> {
        Ok(delete(ctx, input.id, Kind::Organization, Table::Organizations).await?)
    }

    /// Creates an event.
    async fn create_event(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to create.")] input: CreateEventInput,
    ) -> Result<EventPayload> {
        payload!(
            ctx,
            create_event(ctx, input).await,
            EventPayload,
            event,
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
            retrying(|| update_event(ctx, input.clone())).await,
            EventPayload,
            event,
            EventId
        )
    }

    /// Deletes an event.
    async fn delete_event(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to delete.")] input: DeleteInput,
    ) -> Result<DeletePayload> {
        Ok(delete(ctx, input.id, Kind::Event, Table::Events).await?)
    }

    /// Records an investment of an investor into a startup.
    async fn record_investment(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The investment to record.")] input: RecordInvestmentInput,
    ) -> Result<InvestmentPayload> {
        payload!(
            ctx,
            record_investment(ctx, input).await,
            InvestmentPayload,
            investment,
            InvestmentId
        )
    }
}
