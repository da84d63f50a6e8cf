//! The domain's use cases, one function each: who may do it (one policy on
//! the viewer), what must hold, and the store calls that do it. The GraphQL
//! resolvers parse their input, call one operation and shape its outcome
//! into a payload; nothing here knows about GraphQL.
//!
//! An operation ends in one of three ways: done (`Ok(Ok(..))`), refused
//! with problems the user can fix (`Ok(Err(problems))`, nothing written),
//! or failed (`Err`: not allowed, or the store failed).

use crate::auth::Viewer;
use crate::clock::Clock;
use crate::error::Error;
use crate::model::{Field, FieldError, FieldErrorCode, Participant};
use crate::store::{Store, StoreError};

pub mod events;
pub mod feedback;
pub mod introductions;
pub mod policy;
pub mod profiles;
pub mod programmes;
pub mod reports;

/// Who asks, and what an operation works with.
#[derive(Clone, Copy)]
pub struct Caller<'a> {
    pub store: &'a Store,
    /// The signed-in user, if any.
    pub viewer: Option<&'a Viewer>,
    pub clock: &'a Clock,
}

/// What the user must fix; nothing was written.
pub type Problems = Vec<FieldError>;

/// The outcome of an operation that the user's input can refuse.
pub type Outcome<T> = Result<Result<T, Problems>, Error>;

/// One problem, as an outcome.
pub fn refuse<T>(field: Field, code: FieldErrorCode, message: impl Into<String>) -> Outcome<T> {
    Ok(Err(vec![FieldError::new(field, code, message)]))
}

/// The user a startup's, investor's or mentor's profile belongs to:
/// `Some(owner)` when the profile exists.
pub async fn owner_of(store: &Store, p: Participant) -> Result<Option<Option<i64>>, StoreError> {
    Ok(match p {
        Participant::Startup(id) => store
            .startups_by_ids(&[id])
            .await?
            .pop()
            .map(|x| x.owner_id),
        Participant::Investor(id) => store
            .investors_by_ids(&[id])
            .await?
            .pop()
            .map(|x| x.owner_id),
        Participant::Mentor(id) => store.mentors_by_ids(&[id]).await?.pop().map(|x| x.owner_id),
    })
}
