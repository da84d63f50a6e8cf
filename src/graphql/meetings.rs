//! Event registrations and one-to-one meeting schedules:
//! `registerForEvent`, `unregisterFromEvent`, `Event.participants` and
//! `scheduleMeetings`.

use std::collections::HashMap;

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject, Union};

use super::ids::{self, Kind};
use super::loaders::{self, EventId, InvestorId, MentorId, ParticipantsOfEvent, StartupId};
use super::mutation::{UserError, caller, user_errors};
use crate::error::Error;
use crate::model::{Event, FieldErrorCode, Investor, Mentor, Participant, Recipient, Startup};
use crate::ops::events::{self, Registration};

/// The most startups, and the most investors and mentors together, one
/// schedule considers (the first to register).
pub const MAX_SCHEDULED_PER_SIDE: usize = 300;
/// The most participants `Event.participants` returns at once.
pub const MAX_PARTICIPANTS: i32 = 1_000;

/// A profile that takes part in an event.
#[derive(Union, Clone)]
pub enum EventParticipant {
    Startup(Startup),
    Investor(Investor),
    Mentor(Mentor),
}

impl EventParticipant {
    fn key(&self) -> Participant {
        match self {
            EventParticipant::Startup(s) => Participant::Startup(s.id),
            EventParticipant::Investor(i) => Participant::Investor(i.id),
            EventParticipant::Mentor(m) => Participant::Mentor(m.id),
        }
    }
}

/// The profiles behind `participants`, in the same order (deleted ones
/// dropped).
pub async fn load(
    ctx: &Context<'_>,
    participants: &[Participant],
) -> Result<Vec<EventParticipant>, Error> {
    let mut startups = Vec::new();
    let mut investors = Vec::new();
    let mut mentors = Vec::new();
    for p in participants {
        match p {
            Participant::Startup(id) => startups.push(StartupId(*id)),
            Participant::Investor(id) => investors.push(InvestorId(*id)),
            Participant::Mentor(id) => mentors.push(MentorId(*id)),
        }
    }
    let (startups, investors, mentors) = futures_join(ctx, startups, investors, mentors).await?;
    let mut s: HashMap<i64, Startup> = startups.into_iter().map(|x| (x.id, x)).collect();
    let mut i: HashMap<i64, Investor> = investors.into_iter().map(|x| (x.id, x)).collect();
    let mut m: HashMap<i64, Mentor> = mentors.into_iter().map(|x| (x.id, x)).collect();
    Ok(participants
        .iter()
        .filter_map(|p| match p {
            Participant::Startup(id) => s.remove(id).map(EventParticipant::Startup),
            Participant::Investor(id) => i.remove(id).map(EventParticipant::Investor),
            Participant::Mentor(id) => m.remove(id).map(EventParticipant::Mentor),
        })
        .collect())
}

async fn futures_join(
    ctx: &Context<'_>,
    startups: Vec<StartupId>,
    investors: Vec<InvestorId>,
    mentors: Vec<MentorId>,
) -> Result<(Vec<Startup>, Vec<Investor>, Vec<Mentor>), Error> {
    let (s, i, m) = tokio::join!(
        loaders::many(ctx, startups),
        loaders::many(ctx, investors),
        loaders::many(ctx, mentors)
    );
    Ok((s?, i?, m?))
}

/// `Event.participants`.
pub async fn participants(
    ctx: &Context<'_>,
    event: &Event,
    first: i32,
) -> Result<Vec<EventParticipant>, Error> {
    if !(1..=MAX_PARTICIPANTS).contains(&first) {
        return Err(Error::BadUserInput(format!(
            "`first` must be between 1 and {MAX_PARTICIPANTS}"
        )));
    }
    let mut all = loaders::one(ctx, ParticipantsOfEvent(event.id))
        .await?
        .unwrap_or_default();
    all.truncate(first as usize);
    load(ctx, &all).await
}

/// Registers a profile for an event, or takes it back.
#[derive(InputObject)]
pub struct EventRegistrationInput {
    /// The event.
    pub event: ID,
    /// The startup, investor or mentor taking part (one the viewer owns).
    pub participant: ID,
}

/// The result of `registerForEvent` and `unregisterFromEvent`.
#[derive(SimpleObject, Default)]
pub struct EventRegistrationPayload {
    /// The event; null when there are user errors.
    pub event: Option<Event>,
    /// The participant; null when there are user errors.
    pub participant: Option<EventParticipant>,
    /// Whether anything changed (false: it was registered, or not, already).
    pub changed: bool,
    /// What the user must fix.
    pub user_errors: Vec<UserError>,
}

/// Plans one-to-one meetings at an event.
#[derive(InputObject)]
pub struct ScheduleMeetingsInput {
    /// The event.
    pub event: ID,
    /// How many meeting slots there are (1 to 20).
    pub slots: i32,
    /// The most meetings one participant has (1 to `slots`; default:
    /// `slots`).
    pub max_meetings_per_participant: Option<i32>,
}

/// One meeting: a startup and an investor or a mentor, in a slot.
#[derive(SimpleObject)]
pub struct ScheduledMeeting {
    /// The slot, from 1.
    pub slot: i32,
    /// The pair's match score, 0 to 1.
    pub score: f64,
    /// The startup.
    pub startup: Startup,
    /// The investor (null when a mentor meets the startup).
    pub investor: Option<Investor>,
    /// The mentor (null when an investor meets the startup).
    pub mentor: Option<Mentor>,
}

/// The result of `scheduleMeetings`.
#[derive(SimpleObject, Default)]
pub struct ScheduleMeetingsPayload {
    /// The meetings, by slot: no one is in two meetings in one slot.
    pub meetings: Vec<ScheduledMeeting>,
    /// Registered participants with no meeting (no fitting counterpart, or
    /// better pairs took the time).
    pub unscheduled: Vec<EventParticipant>,
    /// The sum of the meetings' scores: the greatest any schedule within
    /// the limits reaches.
    pub total_score: f64,
    /// What the user must fix.
    pub user_errors: Vec<UserError>,
}

/// Event registration and meeting mutations.
#[derive(Default)]
pub struct MeetingsMutation;

/// Registers or unregisters, and shapes the payload.
async fn registration(
    ctx: &Context<'_>,
    input: &EventRegistrationInput,
    what: Registration,
) -> Result<EventRegistrationPayload, Error> {
    let participant = match ids::decode(&input.participant) {
        Some((Kind::Startup, id)) => Some(Participant::Startup(id)),
        Some((Kind::Investor, id)) => Some(Participant::Investor(id)),
        Some((Kind::Mentor, id)) => Some(Participant::Mentor(id)),
        _ => None,
    };
    let event = ids::of_kind(&input.event, Kind::Event);
    match events::register(&caller(ctx), event, participant, what).await? {
        Ok((event, changed)) => {
            let found = match participant {
                Some(p) => load(ctx, &[p]).await?.pop(),
                None => None,
            };
            Ok(EventRegistrationPayload {
                event: Some(event),
                participant: found,
                changed,
                user_errors: vec![],
            })
        }
        Err(problems) => Ok(EventRegistrationPayload {
            user_errors: user_errors(problems),
            ..Default::default()
        }),
    }
}

#[Object]
impl MeetingsMutation {
    /// Registers a startup, investor or mentor the viewer owns for an event
    /// that has not ended (registering twice changes nothing).
    async fn register_for_event(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The event and the participant.")] input: EventRegistrationInput,
    ) -> Result<EventRegistrationPayload> {
        Ok(registration(ctx, &input, Registration::Register).await?)
    }

    /// Takes a registration back (the owner of the profile or the operator).
    async fn unregister_from_event(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The event and the participant.")] input: EventRegistrationInput,
    ) -> Result<EventRegistrationPayload> {
        Ok(registration(ctx, &input, Registration::Unregister).await?)
    }

    /// Plans one-to-one meetings at an event (operator only) between its
    /// registered startups and its registered investors and mentors: no
    /// one is in two meetings in one slot or in more than
    /// `maxMeetingsPerParticipant` meetings, pairs that matching excludes
    /// never meet, and the total match score is the greatest possible (a
    /// min-cost flow, then an edge colouring into slots). At most the
    /// first 300 startups and 300 investors and mentors registered are
    /// considered. Nothing is stored.
    async fn schedule_meetings(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The event, the slots and the limit per participant.")]
        input: ScheduleMeetingsInput,
    ) -> Result<ScheduleMeetingsPayload> {
        let user_error =
            |field: &str, code: FieldErrorCode, message: String| ScheduleMeetingsPayload {
                user_errors: vec![UserError::new(Some(field), code, message)],
                ..Default::default()
            };
        let limits = events::schedule_limits(
            &caller(ctx),
            input.slots,
            input.max_meetings_per_participant,
        )?;
        let max_per = match limits {
            Ok(max_per) => max_per,
            Err(problems) => {
                return Ok(ScheduleMeetingsPayload {
                    user_errors: user_errors(problems),
                    ..Default::default()
                });
            }
        };
        let event = match ids::of_kind(&input.event, Kind::Event) {
            Some(id) => loaders::one(ctx, EventId(id)).await?,
            None => None,
        };
        let Some(event) = event else {
            return Ok(user_error(
                "event",
                FieldErrorCode::UnknownReference,
                "there is no event with this ID".into(),
            ));
        };
        let registered = loaders::one(ctx, ParticipantsOfEvent(event.id))
            .await?
            .unwrap_or_default();
        let profiles = load(ctx, &registered).await?;
        let mut startups: Vec<(i64, String)> = Vec::new();
        let mut investors = Vec::new();
        let mut mentors = Vec::new();
        let mut startup_objects = HashMap::new();
        let mut investor_objects = HashMap::new();
        let mut mentor_objects = HashMap::new();
        for p in &profiles {
            match p {
                EventParticipant::Startup(s) if startups.len() < MAX_SCHEDULED_PER_SIDE => {
                    startups.push((
                        s.id,
                        crate::matching::startup_text(&s.tagline, &s.description),
                    ));
                    startup_objects.insert(s.id, s.clone());
                }
                EventParticipant::Investor(i)
                    if investors.len() + mentors.len() < MAX_SCHEDULED_PER_SIDE =>
                {
                    investors.push(i.id);
                    investor_objects.insert(i.id, i.clone());
                }
                EventParticipant::Mentor(m)
                    if investors.len() + mentors.len() < MAX_SCHEDULED_PER_SIDE =>
                {
                    mentors.push(m.id);
                    mentor_objects.insert(m.id, m.clone());
                }
                _ => {}
            }
        }
        let matching = std::sync::Arc::clone(super::matching::ready(ctx)?);
        let (slots, per) = (input.slots as u32, max_per as u32);
        let schedule = tokio::task::spawn_blocking(move || {
            matching.schedule_meetings(&startups, &investors, &mentors, slots, per)
        })
        .await
        .map_err(crate::search::SearchError::from)
        .map_err(Error::from)?
        .map_err(Error::from)?;
        let mut met = std::collections::HashSet::new();
        let mut meetings = Vec::with_capacity(schedule.meetings.len());
        for m in schedule.meetings {
            let Some(startup) = startup_objects.get(&m.startup) else {
                continue;
            };
            met.insert(Participant::Startup(m.startup));
            let (investor, mentor) = match m.counterpart {
                Recipient::Investor(i) => {
                    met.insert(Participant::Investor(i));
                    (investor_objects.get(&i).cloned(), None)
                }
                Recipient::Mentor(x) => {
                    met.insert(Participant::Mentor(x));
                    (None, mentor_objects.get(&x).cloned())
                }
            };
            meetings.push(ScheduledMeeting {
                slot: m.slot as i32,
                score: (f64::from(m.score) * 10_000.0).round() / 10_000.0,
                startup: startup.clone(),
                investor,
                mentor,
            });
        }
        let unscheduled = profiles
            .into_iter()
            .filter(|p| !met.contains(&p.key()))
            .collect();
        Ok(ScheduleMeetingsPayload {
            meetings,
            unscheduled,
            total_score: (f64::from(schedule.total) * 10_000.0).round() / 10_000.0,
            user_errors: vec![],
        })
    }
}
