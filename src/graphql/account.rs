//! Accounts in the API: `User`, `viewer`, `signUp` / `signIn` / `signOut`,
//! the operator's `assignOwner`, and the permission checks every resolver
//! uses: who the viewer is, who may change what, and who may see what.
//!
//! Who sees what: contact details (`email`, `phone`) only the
//! profile's owner and the operator; a startup's `seekingAmount` also every
//! INVESTOR user; a confidential investment only its two parties and the
//! operator. A hidden field resolves to null without an error.

use std::net::IpAddr;
use std::sync::Arc;

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, FixedOffset};

use super::ids::{self, Kind};
use super::loaders::{self, InvestorId, StartupId};
use super::mutation::{UserError, payloads};
use super::query::Node;
use super::scope::Scope;
use crate::auth::{Auth, SignIn, SignUp, Viewer};
use crate::error::Error;
use crate::model::{
    self, FieldErrorCode, Investment, Investor, Mentor, Organization, Role, Startup, User,
};
use crate::ops::policy;
use crate::store::{Store, StoreError, Table};

/// The address of the request being answered, when known (for sign-in
/// throttling).
fn client_address(ctx: &Context<'_>) -> Option<IpAddr> {
    Scope::of(ctx).and_then(|s| s.address)
}

/// The signed-in user of the request, if any.
pub fn viewer<'a>(ctx: &Context<'a>) -> Option<&'a Viewer> {
    Scope::of(ctx).and_then(|s| s.viewer.as_ref())
}

/// The signed-in user, or an `UNAUTHENTICATED` error.
pub fn require_viewer<'a>(ctx: &Context<'a>) -> Result<&'a Viewer, Error> {
    policy::signed_in(viewer(ctx))
}

/// The signed-in operator, or an error.
pub fn require_admin<'a>(ctx: &Context<'a>) -> Result<&'a Viewer, Error> {
    policy::operator(viewer(ctx))
}

pub use crate::ops::policy::forbidden;

/// Whether the viewer sees the contact details of the profile `id` of
/// `table` with this owner: its owner, the operator, and the other side of
/// an accepted introduction.
pub async fn sees_contact(
    ctx: &Context<'_>,
    table: Table,
    id: i64,
    owner_id: Option<i64>,
) -> Result<bool, Error> {
    let Some(viewer) = viewer(ctx) else {
        return Ok(false);
    };
    if viewer.may_change(owner_id) {
        return Ok(true);
    }
    if table == Table::Organizations {
        return Ok(false);
    }
    let contacts = loaders::one(ctx, loaders::ContactsOf(viewer.user.id))
        .await?
        .unwrap_or_default();
    Ok(contacts.contains(&(table, id)))
}

/// Whether the viewer sees what a startup with this owner is raising.
pub fn sees_fundraising(ctx: &Context<'_>, owner_id: Option<i64>) -> bool {
    viewer(ctx).is_some_and(|v| v.may_change(owner_id) || v.user.role == Role::Investor)
}

/// The first `first` investments of `list` the viewer may see.
pub async fn first_visible_investments(
    ctx: &Context<'_>,
    list: Vec<Investment>,
    first: i32,
) -> Result<Vec<Investment>, Error> {
    let mut visible = visible_investments(ctx, list).await?;
    visible.truncate(usize::try_from(first).unwrap_or(0));
    Ok(visible)
}

/// The investments of `list` the viewer may see: public ones, and
/// confidential ones only for their parties and the operator.
pub async fn visible_investments(
    ctx: &Context<'_>,
    list: Vec<Investment>,
) -> Result<Vec<Investment>, Error> {
    if list.iter().all(|i| !i.confidential) {
        return Ok(list);
    }
    let Some(viewer) = viewer(ctx) else {
        return Ok(list.into_iter().filter(|i| !i.confidential).collect());
    };
    if viewer.is_admin() {
        return Ok(list);
    }
    let hidden: Vec<&Investment> = list.iter().filter(|i| i.confidential).collect();
    let startups = loaders::many(
        ctx,
        hidden.iter().map(|i| StartupId(i.startup_id)).collect(),
    );
    let investors = loaders::many(
        ctx,
        hidden.iter().map(|i| InvestorId(i.investor_id)).collect(),
    );
    let (startups, investors) = async_graphql::futures_util::try_join!(startups, investors)?;
    let mine_s: Vec<i64> = startups
        .iter()
        .filter(|s| viewer.owns(s.owner_id))
        .map(|s| s.id)
        .collect();
    let mine_i: Vec<i64> = investors
        .iter()
        .filter(|i| viewer.owns(i.owner_id))
        .map(|i| i.id)
        .collect();
    Ok(list
        .into_iter()
        .filter(|i| {
            !i.confidential || mine_s.contains(&i.startup_id) || mine_i.contains(&i.investor_id)
        })
        .collect())
}

fn auth<'a>(ctx: &Context<'a>) -> &'a Arc<Auth> {
    ctx.data_unchecked::<Arc<Auth>>()
}

/// A person who signs in. Only the user themself and the operator see it.
#[Object]
impl User {
    /// The user's ID.
    async fn id(&self) -> ID {
        ids::encode(Kind::User, self.id)
    }

    /// The e-mail address the user signs in with (lowercase).
    async fn email(&self) -> &str {
        &self.email
    }

    /// The name to show.
    async fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// What the user is.
    async fn role(&self) -> Role {
        self.role
    }

    /// When the account was created.
    async fn created_at(&self) -> DateTime<FixedOffset> {
        self.created_at.with_timezone(&model::vietnam_offset())
    }

    /// The startup profiles the user owns, by name.
    async fn startups(&self, ctx: &Context<'_>) -> Result<Vec<Startup>> {
        let ids = owned(ctx, Table::Startups, self.id).await?;
        Ok(loaders::many(ctx, ids.into_iter().map(StartupId).collect()).await?)
    }

    /// The user's investor profile.
    async fn investor(&self, ctx: &Context<'_>) -> Result<Option<Investor>> {
        let ids = owned(ctx, Table::Investors, self.id).await?;
        match ids.first() {
            Some(id) => Ok(loaders::one(ctx, InvestorId(*id)).await?),
            None => Ok(None),
        }
    }

    /// The user's mentor profile.
    async fn mentor(&self, ctx: &Context<'_>) -> Result<Option<Mentor>> {
        let ids = owned(ctx, Table::Mentors, self.id).await?;
        match ids.first() {
            Some(id) => Ok(loaders::one(ctx, loaders::MentorId(*id)).await?),
            None => Ok(None),
        }
    }

    /// The introductions the user is a side of (as the owner of the asking
    /// startup or of the investor or mentor asked), newest first. Pending
    /// ones addressed to the user await `acceptIntroduction` or
    /// `declineIntroduction`.
    #[graphql(complexity = "first.clamp(1, 100) as usize * child_complexity")]
    async fn introductions(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only introductions in this state.")] status: Option<
            model::IntroductionStatus,
        >,
        #[graphql(desc = "How many (1 to 100).", default = 50)] first: i32,
    ) -> Result<Vec<model::Introduction>> {
        Ok(super::introduction::of_user(ctx, self, status, first).await?)
    }

    /// The applications of the user's startups, drafts included, oldest
    /// first; the user and the operator only.
    async fn applications(&self, ctx: &Context<'_>) -> Result<Vec<model::Application>> {
        let viewer = require_viewer(ctx)?;
        if viewer.user.id != self.id && !viewer.is_admin() {
            return Err(
                forbidden("only the user and the operator see the user's applications").into(),
            );
        }
        let startups = owned(ctx, Table::Startups, self.id).await?;
        let store = ctx.data_unchecked::<Store>();
        Ok(store
            .applications_of_startups(&startups)
            .await
            .map_err(Error::from)?)
    }

    /// The applications given to the user to review, oldest first; the
    /// user and the operator only.
    async fn applications_to_review(&self, ctx: &Context<'_>) -> Result<Vec<model::Application>> {
        let viewer = require_viewer(ctx)?;
        if viewer.user.id != self.id && !viewer.is_admin() {
            return Err(
                forbidden("only the user and the operator see what the user reviews").into(),
            );
        }
        let store = ctx.data_unchecked::<Store>();
        Ok(crate::ops::programmes::to_review(store, self.id).await?)
    }

    /// The support organisations the operator delegated to the user.
    async fn organizations(&self, ctx: &Context<'_>) -> Result<Vec<Organization>> {
        let ids = owned(ctx, Table::Organizations, self.id).await?;
        Ok(loaders::many(ctx, ids.into_iter().map(loaders::OrganizationId).collect()).await?)
    }
}

async fn owned(ctx: &Context<'_>, table: Table, user: i64) -> Result<Vec<i64>, Error> {
    let store = ctx.data_unchecked::<Store>();
    Ok(store
        .owned_ids(table, &[user])
        .await?
        .into_iter()
        .map(|(_, id)| id)
        .collect())
}

/// Account queries.
#[derive(Default)]
pub struct AccountQuery;

#[Object]
impl AccountQuery {
    /// The signed-in user; null for anonymous requests.
    async fn viewer(&self, ctx: &Context<'_>) -> Option<User> {
        viewer(ctx).map(|v| v.user.clone())
    }

    /// A user by ID or e-mail address (exactly one). Operator only.
    async fn user(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The user's ID.")] id: Option<ID>,
        #[graphql(desc = "The user's e-mail address (any case).")] email: Option<String>,
    ) -> Result<Option<User>> {
        require_admin(ctx)?;
        let store = ctx.data_unchecked::<Store>();
        let row = match (id, email) {
            (Some(id), None) => ids::of_kind(&id, Kind::User),
            (None, Some(email)) => store
                .user_by_email(&crate::auth::normalize_email(&email))
                .await
                .map_err(Error::from)?
                .map(|u| u.id),
            _ => {
                return Err(
                    Error::BadUserInput("pass exactly one of `id` and `email`".into()).into(),
                );
            }
        };
        let Some(row) = row else { return Ok(None) };
        Ok(store.users_by_ids(&[row]).await.map_err(Error::from)?.pop())
    }
}

/// A new account.
#[derive(InputObject)]
pub struct SignUpInput {
    /// The e-mail address to sign in with.
    pub email: String,
    /// At least 10 characters.
    pub password: String,
    /// STARTUP, INVESTOR or MENTOR (operators are made on the command line).
    pub role: Role,
    /// The name to show.
    pub name: Option<String>,
}

/// E-mail address and password.
#[derive(InputObject)]
pub struct SignInInput {
    /// The e-mail address of the account (any case).
    pub email: String,
    /// Its password.
    pub password: String,
}

/// The result of `signUp` or `signIn`.
#[derive(SimpleObject)]
pub struct AuthPayload {
    /// The bearer token: send it as `Authorization: Bearer <token>`. Shown
    /// once; null when there are user errors.
    pub token: Option<String>,
    /// When the token stops working.
    pub expires_at: Option<DateTime<FixedOffset>>,
    /// The signed-in user.
    pub user: Option<User>,
    /// What the user must fix.
    pub user_errors: Vec<UserError>,
}

impl AuthPayload {
    fn refused(user_errors: Vec<UserError>) -> Self {
        AuthPayload {
            token: None,
            expires_at: None,
            user: None,
            user_errors,
        }
    }

    fn welcome(user: User, token: crate::auth::Token) -> Self {
        AuthPayload {
            token: Some(token.token),
            expires_at: Some(token.expires_at.with_timezone(&model::vietnam_offset())),
            user: Some(user),
            user_errors: vec![],
        }
    }
}

/// The result of `signOut`.
#[derive(SimpleObject)]
pub struct SignOutPayload {
    /// Whether the token was revoked (it stops working at once).
    pub revoked: bool,
}

/// Who should own a profile.
#[derive(InputObject)]
pub struct AssignOwnerInput {
    /// A startup, investor, mentor or organisation.
    pub profile: ID,
    /// The user to give it to; null to take it from its owner.
    pub user: Option<ID>,
}

payloads! {
    /// The result of `assignOwner`.
    AssignOwnerPayload {
        /// The profile, with its new owner.
        profile: Node
    }
}

/// Account mutations.
#[derive(Default)]
pub struct AccountMutation;

#[Object]
impl AccountMutation {
    /// Creates an account and signs it in. Sign-ups are limited per client
    /// address (past it: `RATE_LIMITED` with `retryAfter` seconds).
    async fn sign_up(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The new account.")] input: SignUpInput,
    ) -> Result<AuthPayload> {
        let address = client_address(ctx);
        let outcome = auth(ctx)
            .sign_up(
                &input.email,
                &input.password,
                input.role,
                input.name.as_deref(),
                address,
            )
            .await?;
        match outcome {
            SignUp::Welcome(user, token) => Ok(AuthPayload::welcome(user, token)),
            SignUp::Refused(errors) => Ok(AuthPayload::refused(
                errors.into_iter().map(UserError::from).collect(),
            )),
            SignUp::Throttled(wait) => Err(Error::RateLimited(wait.as_secs().max(1)).into()),
        }
    }

    /// Signs in with e-mail address and password and returns a bearer
    /// token. Attempts are limited per account and per address; past the
    /// limit the answer is a `RATE_LIMITED` error with `retryAfter` seconds.
    async fn sign_in(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The credentials.")] input: SignInInput,
    ) -> Result<AuthPayload> {
        let address = client_address(ctx);
        match auth(ctx)
            .sign_in(&input.email, &input.password, address)
            .await?
        {
            SignIn::Welcome(user, token) => Ok(AuthPayload::welcome(user, token)),
            SignIn::Refused => Ok(AuthPayload::refused(vec![UserError::new(
                None,
                FieldErrorCode::InvalidCredentials,
                "the e-mail address or the password is wrong",
            )])),
            SignIn::Throttled(wait) => Err(Error::RateLimited(wait.as_secs().max(1)).into()),
        }
    }

    /// Revokes the token this request was sent with.
    async fn sign_out(&self, ctx: &Context<'_>) -> Result<SignOutPayload> {
        let viewer = require_viewer(ctx)?;
        Ok(SignOutPayload {
            revoked: auth(ctx).sign_out(viewer).await?,
        })
    }

    /// Gives a profile to a user, or takes it away: a startup to a STARTUP
    /// user, an investor profile to an INVESTOR user, a mentor profile to a
    /// MENTOR user, an organisation to any user (delegation). Operator only.
    async fn assign_owner(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The profile and its new owner.")] input: AssignOwnerInput,
    ) -> Result<AssignOwnerPayload> {
        require_admin(ctx)?;
        let store = ctx.data_unchecked::<Store>();
        let refuse =
            |field, code, message| Ok(AssignOwnerPayload::refused_on(field, code, message));
        let (table, wanted) = match ids::decode(&input.profile) {
            Some((Kind::Startup, row)) => ((Table::Startups, row), Some(Role::Startup)),
            Some((Kind::Investor, row)) => ((Table::Investors, row), Some(Role::Investor)),
            Some((Kind::Mentor, row)) => ((Table::Mentors, row), Some(Role::Mentor)),
            Some((Kind::Organization, row)) => ((Table::Organizations, row), None),
            _ => {
                return refuse(
                    "profile",
                    FieldErrorCode::UnknownReference,
                    "there is no startup, investor, mentor or organisation with this ID",
                );
            }
        };
        let owner = match &input.user {
            None => None,
            Some(id) => {
                let user = match ids::of_kind(id, Kind::User) {
                    Some(row) => store.users_by_ids(&[row]).await.map_err(Error::from)?.pop(),
                    None => None,
                };
                let Some(user) = user else {
                    return refuse(
                        "user",
                        FieldErrorCode::UnknownReference,
                        "there is no user with this ID",
                    );
                };
                if wanted.is_some_and(|role| role != user.role) {
                    return refuse(
                        "user",
                        FieldErrorCode::Invalid,
                        "the user's role does not fit this kind of profile",
                    );
                }
                Some(user.id)
            }
        };
        match store.set_owner(table.0, table.1, owner).await {
            Ok(true) => {}
            Ok(false) => {
                return refuse(
                    "profile",
                    FieldErrorCode::UnknownReference,
                    "there is no profile with this ID",
                );
            }
            Err(StoreError::Invalid { errors, .. }) => {
                return refuse(
                    "user",
                    FieldErrorCode::Taken,
                    &errors
                        .first()
                        .map(|e| e.message.clone())
                        .unwrap_or_default(),
                );
            }
            Err(e) => return Err(Error::from(e).into()),
        }
        clear_profile_caches(ctx);
        Ok(AssignOwnerPayload::done(
            super::query::node(ctx, &input.profile).await?,
        ))
    }
}

/// Forgets the request's cached profiles (after a change of owner).
fn clear_profile_caches(ctx: &Context<'_>) {
    let loaders = loaders::of(ctx);
    loaders.clear::<StartupId>();
    loaders.clear::<InvestorId>();
    loaders.clear::<loaders::MentorId>();
    loaders.clear::<loaders::OrganizationId>();
}
