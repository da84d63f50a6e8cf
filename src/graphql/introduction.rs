//! Introductions with consent (double opt-in): a startup asks an investor
//! or a mentor; the recipient accepts or declines; only then do both sides
//! see each other's contact details. Every step goes to an audit trail that
//! the operator reads with `introductionLog`.
//!
//! The rules and limits are in [`crate::ops::introductions`].

use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::{DateTime, FixedOffset};

use super::account::{forbidden, require_admin, require_viewer};
use super::ids::{self, Kind};
use super::loaders::{self, IntroductionId, InvestorId, MentorId, StartupId};
use super::mutation::{caller, payloads, user_errors};
use crate::error::Error;
use crate::model::{
    self, FieldErrorCode, Introduction, IntroductionAction, IntroductionLogEntry,
    IntroductionStatus, Investor, Mentor, Recipient, Startup, User, Vocabulary,
};
use crate::ops::introductions::{self, Refused};
use crate::store::{IntroductionRefusal, Store};

/// The most introductions or log entries one list returns.
pub const MAX_LIST: i32 = 100;

/// A startup's request to meet an investor or a mentor. Seen only by the
/// two sides and the operator.
#[Object]
impl Introduction {
    /// The introduction's ID.
    async fn id(&self) -> ID {
        ids::encode(Kind::Introduction, self.id)
    }

    /// The startup that asked.
    async fn startup(&self, ctx: &Context<'_>) -> Result<Option<Startup>> {
        Ok(loaders::one(ctx, StartupId(self.startup_id)).await?)
    }

    /// The investor asked (null when a mentor was asked).
    async fn investor(&self, ctx: &Context<'_>) -> Result<Option<Investor>> {
        match self.recipient {
            Recipient::Investor(id) => Ok(loaders::one(ctx, InvestorId(id)).await?),
            Recipient::Mentor(_) => Ok(None),
        }
    }

    /// The mentor asked (null when an investor was asked).
    async fn mentor(&self, ctx: &Context<'_>) -> Result<Option<Mentor>> {
        match self.recipient {
            Recipient::Mentor(id) => Ok(loaders::one(ctx, MentorId(id)).await?),
            Recipient::Investor(_) => Ok(None),
        }
    }

    /// What the startup wrote.
    async fn message(&self) -> &str {
        &self.message
    }

    /// Where it stands.
    async fn status(&self) -> IntroductionStatus {
        self.status
    }

    /// When it was asked.
    async fn created_at(&self) -> DateTime<FixedOffset> {
        self.created_at.with_timezone(&model::vietnam_offset())
    }

    /// When it was accepted, declined or withdrawn.
    async fn decided_at(&self) -> Option<DateTime<FixedOffset>> {
        self.decided_at
            .map(|t| t.with_timezone(&model::vietnam_offset()))
    }
}

/// One step in the introductions' audit trail.
#[Object]
impl IntroductionLogEntry {
    /// The entry's position in the trail (newer entries are larger).
    async fn id(&self) -> ID {
        ID(self.id.to_string())
    }

    /// What happened.
    async fn action(&self) -> IntroductionAction {
        self.action
    }

    /// When.
    async fn at(&self) -> DateTime<FixedOffset> {
        self.at.with_timezone(&model::vietnam_offset())
    }

    /// Who took the step; null when the account no longer exists.
    async fn actor(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        match self.actor_id {
            Some(id) => Ok(loaders::one(ctx, loaders::UserId(id)).await?),
            None => Ok(None),
        }
    }

    /// The introduction; null when it was deleted with a profile.
    async fn introduction(&self, ctx: &Context<'_>) -> Result<Option<Introduction>> {
        Ok(loaders::one(ctx, IntroductionId(self.introduction_id)).await?)
    }

    /// The ID of the startup that asked (kept when the profile is deleted).
    async fn startup_id(&self) -> ID {
        ids::encode(Kind::Startup, self.startup_id)
    }

    /// The ID of the investor or mentor asked (kept when the profile is deleted).
    async fn recipient_id(&self) -> ID {
        match self.recipient {
            Recipient::Investor(id) => ids::encode(Kind::Investor, id),
            Recipient::Mentor(id) => ids::encode(Kind::Mentor, id),
        }
    }
}

/// The introductions of a user: as the owner of the asking startups and of
/// the investor or mentor asked. Resolved for `viewer` (and for the operator).
pub async fn of_user(
    ctx: &Context<'_>,
    user: &User,
    status: Option<IntroductionStatus>,
    first: i32,
) -> Result<Vec<Introduction>, Error> {
    let viewer = require_viewer(ctx)?;
    if viewer.user.id != user.id && !viewer.is_admin() {
        return Err(forbidden(
            "only the user and the operator see their introductions",
        ));
    }
    if !(1..=MAX_LIST).contains(&first) {
        return Err(Error::BadUserInput(format!(
            "`first` must be between 1 and {MAX_LIST}"
        )));
    }
    let store = ctx.data_unchecked::<Store>();
    Ok(store
        .introductions_of_user(user.id, status, i64::from(first))
        .await?)
}

/// Asks for an introduction.
#[derive(InputObject)]
pub struct RequestIntroductionInput {
    /// The startup that asks (one the viewer owns).
    pub from: ID,
    /// The investor or mentor to meet.
    pub to: ID,
    /// Why the meeting is worth their time (1 to 2000 characters).
    pub message: String,
}

/// Names an introduction.
#[derive(InputObject)]
pub struct IntroductionInput {
    /// The introduction's ID.
    pub id: ID,
}

payloads! {
    /// The result of an introduction step.
    IntroductionPayload {
        /// The introduction after the step; null when there are user errors.
        introduction: Introduction
    }
}

fn refusal(r: IntroductionRefusal) -> IntroductionPayload {
    use IntroductionPayload as P;
    match r {
        IntroductionRefusal::UnknownStartup => P::refused_on(
            "from",
            FieldErrorCode::UnknownReference,
            "there is no startup with this ID",
        ),
        IntroductionRefusal::UnknownRecipient => P::refused_on(
            "to",
            FieldErrorCode::UnknownReference,
            "there is no investor or mentor with this ID",
        ),
        IntroductionRefusal::TooManyPending(n) => P::refused_on(
            "from",
            FieldErrorCode::OutOfRange,
            format!(
                "this startup has {n} pending requests, the most allowed; withdraw one or wait for answers"
            ),
        ),
        IntroductionRefusal::AlreadyOpen(status) => P::refused_on(
            "to",
            FieldErrorCode::Taken,
            format!(
                "this startup already has a {} introduction to them",
                status.as_str().to_lowercase()
            ),
        ),
        IntroductionRefusal::DeclinedRecently(until) => P::refused_on(
            "to",
            FieldErrorCode::TooSoon,
            format!(
                "they declined; this startup may ask again from {}",
                until
                    .with_timezone(&model::vietnam_offset())
                    .format("%Y-%m-%d")
            ),
        ),
        IntroductionRefusal::NotPending(status) => P::refused_on(
            "id",
            FieldErrorCode::Invalid,
            format!(
                "the introduction is {} already",
                status.as_str().to_lowercase()
            ),
        ),
        IntroductionRefusal::NoCapacity(capacity) => P::refused_on(
            "id",
            FieldErrorCode::OutOfRange,
            format!("the mentor has accepted {capacity} introductions, their capacity"),
        ),
        IntroductionRefusal::NotFound => P::refused_on(
            "id",
            FieldErrorCode::UnknownReference,
            "there is no introduction with this ID",
        ),
    }
}

/// Introduction mutations.
#[derive(Default)]
pub struct IntroductionMutation;

#[Object]
impl IntroductionMutation {
    /// Asks an investor or a mentor for an introduction, on behalf of a
    /// startup the viewer owns. At most 20 pending requests per startup; a
    /// declined pair may ask again after 90 days.
    async fn request_introduction(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Who asks whom, and why.")] input: RequestIntroductionInput,
    ) -> Result<IntroductionPayload> {
        let recipient = match ids::decode(&input.to) {
            Some((Kind::Investor, id)) => Some(Recipient::Investor(id)),
            Some((Kind::Mentor, id)) => Some(Recipient::Mentor(id)),
            _ => None,
        };
        let startup = ids::of_kind(&input.from, Kind::Startup);
        let step = introductions::request(&caller(ctx), startup, recipient, &input.message).await?;
        Ok(payload(step))
    }

    /// Accepts a pending introduction addressed to the viewer's investor or
    /// mentor profile: both sides then see each other's contact details.
    /// A mentor cannot accept more than their capacity.
    async fn accept_introduction(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The introduction.")] input: IntroductionInput,
    ) -> Result<IntroductionPayload> {
        decide(ctx, &input.id, IntroductionStatus::Accepted).await
    }

    /// Declines a pending introduction addressed to the viewer's investor
    /// or mentor profile.
    async fn decline_introduction(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The introduction.")] input: IntroductionInput,
    ) -> Result<IntroductionPayload> {
        decide(ctx, &input.id, IntroductionStatus::Declined).await
    }

    /// Takes back a pending request of the viewer's startup.
    async fn withdraw_introduction(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The introduction.")] input: IntroductionInput,
    ) -> Result<IntroductionPayload> {
        decide(ctx, &input.id, IntroductionStatus::Withdrawn).await
    }
}

async fn decide(ctx: &Context<'_>, id: &ID, to: IntroductionStatus) -> Result<IntroductionPayload> {
    let row = ids::of_kind(id, Kind::Introduction);
    let step = introductions::decide(&caller(ctx), row, to).await?;
    // Contact details change with the answer: forget what this request saw.
    loaders::of(ctx).clear::<loaders::ContactsOf>();
    Ok(payload(step))
}

/// The payload of an introduction step.
fn payload(step: Result<Introduction, Refused>) -> IntroductionPayload {
    match step {
        Ok(intro) => IntroductionPayload::done(Some(intro)),
        Err(Refused::Refusal(r)) => refusal(r),
        Err(Refused::Problems(problems)) => IntroductionPayload::refused(user_errors(problems)),
    }
}

/// The operator's view of introductions.
#[derive(Default)]
pub struct IntroductionQuery;

#[Object]
impl IntroductionQuery {
    /// The introductions' audit trail, newest first: every request,
    /// acceptance, decline and withdrawal, with who did it. Operator only.
    async fn introduction_log(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only the steps of this introduction.")] introduction: Option<ID>,
        #[graphql(desc = "Only entries older than this entry (paging).")] before: Option<ID>,
        #[graphql(desc = "How many entries (1 to 100).", default = 50)] first: i32,
    ) -> Result<Vec<IntroductionLogEntry>> {
        require_admin(ctx)?;
        if !(1..=MAX_LIST).contains(&first) {
            return Err(
                Error::BadUserInput(format!("`first` must be between 1 and {MAX_LIST}")).into(),
            );
        }
        let introduction = match introduction {
            Some(id) => match ids::of_kind(&id, Kind::Introduction) {
                Some(row) => Some(row),
                None => return Ok(vec![]),
            },
            None => None,
        };
        let before = match before {
            Some(id) => Some(id.parse::<i64>().map_err(|_| {
                Error::BadUserInput("`before` must be the id of a log entry".into())
            })?),
            None => None,
        };
        let store = ctx.data_unchecked::<Store>();
        Ok(store
            .introduction_log(introduction, before, i64::from(first))
            .await
            .map_err(Error::from)?)
    }
}
