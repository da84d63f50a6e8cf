//! The inputs and payloads of the profile, event and investment mutations
//! (the resolvers are in `mutation.rs`).

use async_graphql::{ID, InputObject, MaybeUndefined};
use chrono::{DateTime, FixedOffset};

use super::mutation::payloads;
use super::scalars::{Date, MoneyInput};
use crate::model::{
    Event, EventKind, EventScope, Investment, Investor, InvestorKind, Mentor, Organization,
    OrganizationKind, Stage, Startup, StartupTag, Topic,
};

payloads! {
    /// The result of creating or updating a startup.
    StartupPayload {
        /// The startup as saved; null when there are user errors.
        startup: Startup
    }
    /// The result of creating or updating an investor.
    InvestorPayload {
        /// The investor as saved; null when there are user errors.
        investor: Investor
    }
    /// The result of creating or updating a mentor.
    MentorPayload {
        /// The mentor as saved; null when there are user errors.
        mentor: Mentor
    }
    /// The result of creating or updating an organisation.
    OrganizationPayload {
        /// The organisation as saved; null when there are user errors.
        organization: Organization
    }
    /// The result of creating or updating an event.
    EventPayload {
        /// The event as saved; null when there are user errors.
        event: Event
    }
    /// The result of recording an investment.
    InvestmentPayload {
        /// The investment as saved; null when there are user errors.
        investment: Investment
    }
    /// The result of a deletion.
    DeletePayload {
        /// The ID of the deleted object; null when nothing was deleted.
        deleted_id: ID
    }
}

/// A new startup.
#[derive(InputObject)]
pub struct CreateStartupInput {
    /// The unique key; derived from the name when absent.
    pub slug: Option<String>,
    /// The name (1 to 200 characters).
    pub name: String,
    /// One line about what it does (up to 300 characters).
    pub tagline: Option<String>,
    /// What it does, for whom, and how far it has come.
    pub description: Option<String>,
    /// Sector keys, the primary one first (at most 20).
    #[graphql(default)]
    pub sectors: Vec<String>,
    /// The stage of development.
    pub stage: Stage,
    /// The province key.
    pub province: Option<String>,
    /// The ID of the organisation that supports it.
    pub organization: Option<ID>,
    /// The date of first business registration (not in the future).
    pub founded_on: Option<Date>,
    /// How many people work on it.
    pub team_size: Option<i32>,
    /// Groups it belongs to.
    #[graphql(default)]
    pub tags: Vec<StartupTag>,
    /// Topics it needs mentoring on.
    #[graphql(default)]
    pub needs: Vec<Topic>,
    /// What it is raising now.
    pub seeking_amount: Option<MoneyInput>,
    /// Its website (http:// or https://).
    pub website: Option<String>,
    /// Contact e-mail address.
    pub email: Option<String>,
    /// Contact phone number.
    pub phone: Option<String>,
}

/// Changes to a startup: absent fields stay as they are, null clears.
#[derive(Clone, InputObject)]
pub struct UpdateStartupInput {
    /// The startup to change.
    pub id: ID,
    /// A new unique key.
    pub slug: Option<String>,
    /// A new name.
    pub name: Option<String>,
    /// A new tagline.
    pub tagline: Option<String>,
    /// A new description.
    pub description: Option<String>,
    /// New sector keys (replaces the list; at most 20).
    pub sectors: Option<Vec<String>>,
    /// A new stage.
    pub stage: Option<Stage>,
    /// A new province key; null clears.
    pub province: MaybeUndefined<String>,
    /// A new organisation ID; null clears.
    pub organization: MaybeUndefined<ID>,
    /// A new founding date; null clears.
    pub founded_on: MaybeUndefined<Date>,
    /// A new team size; null clears.
    pub team_size: MaybeUndefined<i32>,
    /// New tags (replaces the list).
    pub tags: Option<Vec<StartupTag>>,
    /// New needs (replaces the list).
    pub needs: Option<Vec<Topic>>,
    /// A new fundraising target; null clears.
    pub seeking_amount: MaybeUndefined<MoneyInput>,
    /// A new website; null clears.
    pub website: MaybeUndefined<String>,
    /// A new e-mail address; null clears.
    pub email: MaybeUndefined<String>,
    /// A new phone number; null clears.
    pub phone: MaybeUndefined<String>,
}

/// A new investor.
#[derive(InputObject)]
pub struct CreateInvestorInput {
    /// The unique key; derived from the name when absent.
    pub slug: Option<String>,
    /// The name (1 to 200 characters).
    pub name: String,
    /// What kind of investor it is.
    pub kind: InvestorKind,
    /// The investment thesis.
    pub thesis: Option<String>,
    /// Sector keys (at most 20).
    #[graphql(default)]
    pub sectors: Vec<String>,
    /// Stages it invests in.
    #[graphql(default)]
    pub stages: Vec<Stage>,
    /// The smallest cheque (not above `ticketMax`).
    pub ticket_min: Option<MoneyInput>,
    /// The largest cheque.
    pub ticket_max: Option<MoneyInput>,
    /// Province keys (at most 20); empty means nationwide.
    #[graphql(default)]
    pub provinces: Vec<String>,
    /// Whether it is investing now.
    #[graphql(default = true)]
    pub active: bool,
    /// Its website (http:// or https://).
    pub website: Option<String>,
    /// Contact e-mail address.
    pub email: Option<String>,
    /// Contact phone number.
    pub phone: Option<String>,
}

/// Changes to an investor: absent fields stay as they are, null clears.
#[derive(Clone, InputObject)]
pub struct UpdateInvestorInput {
    /// The investor to change.
    pub id: ID,
    /// A new unique key.
    pub slug: Option<String>,
    /// A new name.
    pub name: Option<String>,
    /// A new kind.
    pub kind: Option<InvestorKind>,
    /// A new thesis.
    pub thesis: Option<String>,
    /// New sector keys (replaces the list; at most 20).
    pub sectors: Option<Vec<String>>,
    /// New stages (replaces the list).
    pub stages: Option<Vec<Stage>>,
    /// A new smallest cheque; null clears.
    pub ticket_min: MaybeUndefined<MoneyInput>,
    /// A new largest cheque; null clears.
    pub ticket_max: MaybeUndefined<MoneyInput>,
    /// New province keys (replaces the list; empty means nationwide; at most 20).
    pub provinces: Option<Vec<String>>,
    /// Whether it is investing now.
    pub active: Option<bool>,
    /// A new website; null clears.
    pub website: MaybeUndefined<String>,
    /// A new e-mail address; null clears.
    pub email: MaybeUndefined<String>,
    /// A new phone number; null clears.
    pub phone: MaybeUndefined<String>,
}

/// A new mentor.
#[derive(InputObject)]
pub struct CreateMentorInput {
    /// The unique key; derived from the name when absent.
    pub slug: Option<String>,
    /// Full name (1 to 200 characters).
    pub name: String,
    /// One line about who they are.
    pub headline: Option<String>,
    /// Their background.
    pub bio: Option<String>,
    /// Topics they mentor on.
    #[graphql(default)]
    pub expertise: Vec<Topic>,
    /// Sector keys (at most 20).
    #[graphql(default)]
    pub sectors: Vec<String>,
    /// ISO 639-1 language codes (at most 20).
    #[graphql(default)]
    pub languages: Vec<String>,
    /// The province key.
    pub province: Option<String>,
    /// How many startups they can mentor at once (0 to 100).
    #[graphql(default = 1)]
    pub capacity: i32,
    /// Their website (http:// or https://).
    pub website: Option<String>,
    /// Contact e-mail address.
    pub email: Option<String>,
    /// Contact phone number.
    pub phone: Option<String>,
}

/// Changes to a mentor: absent fields stay as they are, null clears.
#[derive(Clone, InputObject)]
pub struct UpdateMentorInput {
    /// The mentor to change.
    pub id: ID,
    /// A new unique key.
    pub slug: Option<String>,
    /// A new name.
    pub name: Option<String>,
    /// A new headline.
    pub headline: Option<String>,
    /// A new bio.
    pub bio: Option<String>,
    /// New topics (replaces the list).
    pub expertise: Option<Vec<Topic>>,
    /// New sector keys (replaces the list; at most 20).
    pub sectors: Option<Vec<String>>,
    /// New languages (replaces the list; at most 20).
    pub languages: Option<Vec<String>>,
    /// A new province key; null clears.
    pub province: MaybeUndefined<String>,
    /// A new capacity.
    pub capacity: Option<i32>,
    /// A new website; null clears.
    pub website: MaybeUndefined<String>,
    /// A new e-mail address; null clears.
    pub email: MaybeUndefined<String>,
    /// A new phone number; null clears.
    pub phone: MaybeUndefined<String>,
}

/// A new support organisation.
#[derive(InputObject)]
pub struct CreateOrganizationInput {
    /// The unique key; derived from the name when absent.
    pub slug: Option<String>,
    /// The name (1 to 200 characters).
    pub name: String,
    /// What kind of organisation it is.
    pub kind: OrganizationKind,
    /// The province key.
    pub province: Option<String>,
    /// What it offers.
    pub description: Option<String>,
    /// Its website (http:// or https://).
    pub website: Option<String>,
    /// Contact e-mail address.
    pub email: Option<String>,
    /// Contact phone number.
    pub phone: Option<String>,
    /// When it was founded (support organisations new in a period count
    /// by it).
    pub established_on: Option<Date>,
}

/// Changes to an organisation: absent fields stay as they are, null clears.
#[derive(Clone, InputObject)]
pub struct UpdateOrganizationInput {
    /// The organisation to change.
    pub id: ID,
    /// A new unique key.
    pub slug: Option<String>,
    /// A new name.
    pub name: Option<String>,
    /// A new kind.
    pub kind: Option<OrganizationKind>,
    /// A new province key; null clears.
    pub province: MaybeUndefined<String>,
    /// A new description.
    pub description: Option<String>,
    /// A new website; null clears.
    pub website: MaybeUndefined<String>,
    /// A new e-mail address; null clears.
    pub email: MaybeUndefined<String>,
    /// A new phone number; null clears.
    pub phone: MaybeUndefined<String>,
    /// A new founding day; null clears.
    pub established_on: MaybeUndefined<Date>,
}

/// A new event.
#[derive(InputObject)]
pub struct CreateEventInput {
    /// The unique key; derived from the title when absent.
    pub slug: Option<String>,
    /// The title (1 to 200 characters).
    pub title: String,
    /// What kind of event it is.
    pub kind: EventKind,
    /// What happens there and for whom.
    pub description: Option<String>,
    /// When it starts (RFC 3339 with offset, e.g. `2025-11-20T08:00:00+07:00`).
    pub starts_at: DateTime<FixedOffset>,
    /// When it ends (not before `startsAt`).
    pub ends_at: Option<DateTime<FixedOffset>>,
    /// The province key.
    pub province: Option<String>,
    /// The ID of the organisation that runs it.
    pub organizer: Option<ID>,
    /// Sector keys (at most 20).
    #[graphql(default)]
    pub sectors: Vec<String>,
    /// Its web page (http:// or https://).
    pub website: Option<String>,
    /// How far it reaches.
    #[graphql(default)]
    pub scope: EventScope,
}

/// Changes to an event: absent fields stay as they are, null clears.
#[derive(Clone, InputObject)]
pub struct UpdateEventInput {
    /// The event to change.
    pub id: ID,
    /// A new unique key.
    pub slug: Option<String>,
    /// A new title.
    pub title: Option<String>,
    /// A new kind.
    pub kind: Option<EventKind>,
    /// A new description.
    pub description: Option<String>,
    /// A new start time.
    pub starts_at: Option<DateTime<FixedOffset>>,
    /// A new end time; null clears.
    pub ends_at: MaybeUndefined<DateTime<FixedOffset>>,
    /// A new province key; null clears.
    pub province: MaybeUndefined<String>,
    /// A new organiser ID; null clears.
    pub organizer: MaybeUndefined<ID>,
    /// New sector keys (replaces the list; at most 20).
    pub sectors: Option<Vec<String>>,
    /// A new web page; null clears.
    pub website: MaybeUndefined<String>,
    /// A new reach.
    pub scope: Option<EventScope>,
}

/// An investment to record.
#[derive(InputObject)]
pub struct RecordInvestmentInput {
    /// The investor's ID.
    pub investor: ID,
    /// The startup's ID.
    pub startup: ID,
    /// How much was invested.
    pub amount: MoneyInput,
    /// The stage the round financed.
    pub round: Stage,
    /// When (not in the future).
    pub date: Date,
    /// Whether only the two parties and the operator may see it; recorded
    /// investments are public, like announced rounds, by default.
    #[graphql(default = false)]
    pub confidential: bool,
}

/// What to delete.
#[derive(InputObject)]
pub struct DeleteInput {
    /// The ID of the object to delete.
    pub id: ID,
}
