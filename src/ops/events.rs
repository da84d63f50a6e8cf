//! Taking part in events: registering a profile for an event and taking
//! the registration back, and the limits of a meeting schedule.

use super::{Caller, Outcome, policy, refuse};
use crate::model::{Event, Field, FieldErrorCode, Participant};

/// The most slots one schedule has.
pub const MAX_SLOTS: i32 = 20;

/// What to do with a registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registration {
    /// Register for an event that has not ended.
    Register,
    /// Take a registration back.
    Unregister,
}

/// Registers a startup, investor or mentor for an event, or takes the
/// registration back: the profile's owner and the operator may. An event
/// that is over takes no new registrations. `None`s are what the caller
/// sent that names nothing of the right kind. The outcome is the event and
/// whether anything changed (registering twice changes nothing).
pub async fn register(
    c: &Caller<'_>,
    event: Option<i64>,
    participant: Option<Participant>,
    what: Registration,
) -> Outcome<(Event, bool)> {
    let viewer = policy::signed_in(c.viewer)?;
    let event = match event {
        Some(id) => c.store.events_by_ids(&[id]).await?.pop(),
        None => None,
    };
    let Some(event) = event else {
        return refuse(
            Field::Event,
            FieldErrorCode::UnknownReference,
            "there is no event with this ID",
        );
    };
    let found = match participant {
        Some(p) => super::owner_of(c.store, p).await?.map(|owner| (p, owner)),
        None => None,
    };
    let Some((participant, owner)) = found else {
        return refuse(
            Field::Participant,
            FieldErrorCode::UnknownReference,
            "there is no startup, investor or mentor with this ID",
        );
    };
    if !viewer.may_change(owner) {
        return Err(policy::forbidden(
            "only the profile's owner and the operator register it for events",
        ));
    }
    let changed = match what {
        Registration::Register => {
            let end = event.ends_at.unwrap_or(event.starts_at);
            if end < c.clock.now() {
                return refuse(
                    Field::Event,
                    FieldErrorCode::Invalid,
                    "the event is over: registration has closed",
                );
            }
            c.store
                .register_for_event(event.id, participant, Some(viewer.user.id))
                .await?
        }
        Registration::Unregister => c.store.unregister_from_event(event.id, participant).await?,
    };
    Ok(Ok((event, changed)))
}

/// Checks a meeting schedule's limits (operator only): `slots` from 1 to
/// [`MAX_SLOTS`], and at most `max_per` meetings per participant, from 1
/// to `slots` (default: `slots`). The outcome is `max_per`.
pub fn schedule_limits(c: &Caller<'_>, slots: i32, max_per: Option<i32>) -> Outcome<i32> {
    let viewer = policy::signed_in(c.viewer)?;
    if !viewer.is_admin() {
        return Err(policy::forbidden(
            "only the operator (ADMIN) schedules meetings",
        ));
    }
    if !(1..=MAX_SLOTS).contains(&slots) {
        return refuse(
            Field::Slots,
            FieldErrorCode::OutOfRange,
            format!("must be between 1 and {MAX_SLOTS}"),
        );
    }
    let max_per = max_per.unwrap_or(slots);
    if !(1..=slots).contains(&max_per) {
        return refuse(
            Field::MaxMeetingsPerParticipant,
            FieldErrorCode::OutOfRange,
            "must be between 1 and `slots`",
        );
    }
    Ok(Ok(max_per))
}
