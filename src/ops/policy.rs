//! Who may do what: the one policy every operation asks.
//!
//! The operator (ADMIN) may do anything. A user owns the profiles they
//! created (or that the operator delegated to them) and may change those;
//! the users of an organisation manage its events. Profiles the operator
//! creates belong to nobody until delegated.

use crate::auth::Viewer;
use crate::error::Error;
use crate::model::Role;

/// The signed-in user, or `UNAUTHENTICATED`.
pub fn signed_in(viewer: Option<&Viewer>) -> Result<&Viewer, Error> {
    viewer.ok_or_else(|| {
        Error::Unauthenticated(
            "sign in first: send `Authorization: Bearer <token>` from `signIn`".to_string(),
        )
    })
}

/// The signed-in operator, or an error.
pub fn operator(viewer: Option<&Viewer>) -> Result<&Viewer, Error> {
    let viewer = signed_in(viewer)?;
    if viewer.is_admin() {
        Ok(viewer)
    } else {
        Err(forbidden("only the operator (ADMIN) may do this"))
    }
}

/// A `FORBIDDEN` error.
pub fn forbidden(message: &str) -> Error {
    Error::Forbidden(message.to_string())
}

/// The owner of a new profile of the kind `role` users own: the viewer, or
/// nobody when the operator creates it (operator-curated). Other roles may
/// not create it.
pub fn creator(viewer: Option<&Viewer>, role: Role, what: &str) -> Result<Option<i64>, Error> {
    let viewer = signed_in(viewer)?;
    if viewer.is_admin() {
        Ok(None)
    } else if viewer.user.role == role {
        Ok(Some(viewer.user.id))
    } else {
        Err(forbidden(&format!(
            "only {role} users and the operator may create {what}"
        )))
    }
}

/// Refuses unless the viewer is `owner` or the operator, with `refusal` as
/// the `FORBIDDEN` message.
fn owner_or_operator(
    viewer: Option<&Viewer>,
    owner: Option<i64>,
    refusal: impl FnOnce() -> String,
) -> Result<(), Error> {
    if signed_in(viewer)?.may_change(owner) {
        Ok(())
    } else {
        Err(Error::Forbidden(refusal()))
    }
}

/// Refuses unless the viewer may change something with this owner: its
/// owner or the operator. `what` names it in the refusal.
pub fn may_change(viewer: Option<&Viewer>, owner: Option<i64>, what: &str) -> Result<(), Error> {
    owner_or_operator(viewer, owner, || {
        format!("only the owner of this {what} and the operator may change it")
    })
}

/// Refuses unless the viewer may see what a profile with this owner keeps
/// to itself (its matches, its deal flow): its owner or the operator.
/// `what` names it in the refusal.
pub fn may_see(viewer: Option<&Viewer>, owner: Option<i64>, what: &str) -> Result<(), Error> {
    owner_or_operator(viewer, owner, || {
        format!("only the profile's owner and the operator see its {what}")
    })
}

/// Refuses unless the viewer may manage the events of an organiser whose
/// organisation is delegated to `organizer_owner`: the operator, or that
/// user.
pub fn may_organize(viewer: Option<&Viewer>, organizer_owner: Option<i64>) -> Result<(), Error> {
    owner_or_operator(viewer, organizer_owner, || {
        "only the operator and the users of the organising organisation may manage its events"
            .to_string()
    })
}
