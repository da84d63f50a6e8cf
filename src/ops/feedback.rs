//! Feedback on recommendations: what a startup thinks of an investor or a
//! mentor on its list, or what they think of the startup on theirs.

use super::{Caller, Outcome, policy, refuse};
use crate::model::{
    Field, FieldErrorCode, MatchFeedback, MatchSide, MatchVerdict, Participant, Recipient,
};

/// Records a verdict on the pair `startup` and `counterpart`, about the
/// list of `side`: the startup's list is its owner's to judge, the
/// counterpart's list theirs; the operator judges any. Without a side, the
/// startup's owner judges the startup's list and anyone else the
/// counterpart's. A new verdict on the same pair and side replaces the
/// old. `None`s name nothing of the right kind; the outcome is the side.
pub async fn give(
    c: &Caller<'_>,
    startup: Option<i64>,
    counterpart: Option<Recipient>,
    counterpart_field: Field,
    side: Option<MatchSide>,
    verdict: MatchVerdict,
) -> Outcome<MatchSide> {
    let viewer = policy::signed_in(c.viewer)?;
    let startup_owner = match startup {
        Some(id) => super::owner_of(c.store, Participant::Startup(id)).await?,
        None => None,
    };
    let (Some(startup_id), Some(startup_owner)) = (startup, startup_owner) else {
        return refuse(
            Field::Startup,
            FieldErrorCode::UnknownReference,
            "there is no startup with this ID",
        );
    };
    let owner = match counterpart {
        Some(r) => super::owner_of(c.store, r.into()).await?,
        None => None,
    };
    let (Some(counterpart), Some(owner)) = (counterpart, owner) else {
        return refuse(
            counterpart_field,
            FieldErrorCode::UnknownReference,
            format!("there is no {} with this ID", counterpart_field.name()),
        );
    };
    let side = match side {
        Some(side) => side,
        None if viewer.may_change(startup_owner) => MatchSide::Startup,
        None => MatchSide::Counterpart,
    };
    let allowed = match side {
        MatchSide::Startup => viewer.may_change(startup_owner),
        MatchSide::Counterpart => viewer.may_change(owner),
    };
    if !allowed {
        return Err(policy::forbidden(
            "only the owner of the list's profile and the operator give feedback on it",
        ));
    }
    c.store
        .set_match_feedback(&MatchFeedback {
            startup_id,
            counterpart,
            side,
            verdict,
            user_id: Some(viewer.user.id),
        })
        .await?;
    Ok(Ok(side))
}
