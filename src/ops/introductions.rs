//! Introductions with consent (double opt-in): a startup asks an investor
//! or a mentor; the recipient accepts or declines; only then do both sides
//! see each other's contact details. Every step goes to an audit trail.
//!
//! Limits: a startup has at most [`MAX_PENDING`] pending requests; a
//! declined pair may not ask again for [`COOLDOWN_DAYS`] days; a mentor
//! accepts at most their `capacity` introductions.

use super::{Caller, Problems, policy};
use crate::error::Error;
use crate::model::{
    Checker, Field, Introduction, IntroductionStatus, MAX_INTRODUCTION_MESSAGE_CHARS, Participant,
    Recipient,
};
use crate::store::{IntroductionRefusal, IntroductionRequest};

/// The most pending requests one startup may have.
pub const MAX_PENDING: i64 = 20;
/// Days after a decline before the same pair may ask again.
pub const COOLDOWN_DAYS: i64 = 90;

/// Why an introduction step did not happen.
#[derive(Debug)]
pub enum Refused {
    /// A rule of introductions said no.
    Refusal(IntroductionRefusal),
    /// The input has problems the user can fix.
    Problems(Problems),
}

/// The outcome of an introduction step.
pub type Step = Result<Result<Introduction, Refused>, Error>;

fn refused(r: IntroductionRefusal) -> Step {
    Ok(Err(Refused::Refusal(r)))
}

/// Asks `recipient` for an introduction on behalf of the startup `startup`,
/// which the viewer must own (or be the operator). `None`s are what the
/// caller sent that names nothing of the right kind.
pub async fn request(
    c: &Caller<'_>,
    startup: Option<i64>,
    recipient: Option<Recipient>,
    message: &str,
) -> Step {
    let viewer = policy::signed_in(c.viewer)?;
    let Some(startup_id) = startup else {
        return refused(IntroductionRefusal::UnknownStartup);
    };
    let Some(owner) = super::owner_of(c.store, Participant::Startup(startup_id)).await? else {
        return refused(IntroductionRefusal::UnknownStartup);
    };
    if !viewer.may_change(owner) {
        return Err(policy::forbidden(
            "only the startup's owner may ask on its behalf",
        ));
    }
    let Some(recipient) = recipient else {
        return refused(IntroductionRefusal::UnknownRecipient);
    };
    let message = message.trim();
    let mut check = Checker::default();
    check.required_text(Field::Message, message, MAX_INTRODUCTION_MESSAGE_CHARS);
    if let Err(problems) = check.finish() {
        return Ok(Err(Refused::Problems(problems)));
    }
    let request = IntroductionRequest {
        startup_id,
        recipient,
        message,
        actor_id: viewer.user.id,
        max_pending: MAX_PENDING,
        cooldown: chrono::Duration::days(COOLDOWN_DAYS),
        now: c.clock.now(),
    };
    Ok(c.store
        .request_introduction(&request)
        .await?
        .map_err(Refused::Refusal))
}

/// Moves the introduction `id` to `to`: accepting and declining are the
/// recipient's, withdrawing is the asking startup's; the operator may take
/// any step. To anyone but its two sides an introduction does not exist,
/// so its IDs tell strangers nothing.
pub async fn decide(c: &Caller<'_>, id: Option<i64>, to: IntroductionStatus) -> Step {
    let viewer = policy::signed_in(c.viewer)?;
    let found = match id {
        Some(row) => c.store.introductions_by_ids(&[row]).await?.pop(),
        None => None,
    };
    let Some(intro) = found else {
        return refused(IntroductionRefusal::NotFound);
    };
    let startup_owner = super::owner_of(c.store, Participant::Startup(intro.startup_id))
        .await?
        .flatten();
    let recipient_owner = super::owner_of(c.store, intro.recipient.into())
        .await?
        .flatten();
    if !viewer.is_admin() && !viewer.owns(startup_owner) && !viewer.owns(recipient_owner) {
        return refused(IntroductionRefusal::NotFound);
    }
    let deciding_owner = if to == IntroductionStatus::Withdrawn {
        startup_owner
    } else {
        recipient_owner
    };
    if !viewer.may_change(deciding_owner) {
        return Err(policy::forbidden(if to == IntroductionStatus::Withdrawn {
            "only the asking startup's owner may withdraw it"
        } else {
            "only the owner of the investor or mentor asked may answer"
        }));
    }
    Ok(c.store
        .decide_introduction(intro.id, to, Some(viewer.user.id), c.clock.now())
        .await?
        .map_err(Refused::Refusal))
}
