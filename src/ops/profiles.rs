//! Creating, updating and deleting profiles and events, and recording
//! investments: who may, slugs made from names, references checked, and
//! updates that apply only to the version they read (tried again from a
//! fresh read when another write got there first).

use std::future::Future;

use super::{Caller, Outcome, policy, refuse};
use crate::error::Error;
use crate::model::{
    AttendanceDraft, CallDraft, ClassDraft, EventDraft, Field, FieldError, FieldErrorCode,
    InvestmentDraft, InvestorDraft, MAX_SLUG_LEN, MentorDraft, OrganizationDraft, Participant,
    ProgrammeDraft, Role, StartupDraft, SupportDraft, Vocabulary, name_key, slugify,
};
use crate::store::{Batch, RecordSelect, Store, StoreError, Table, WriteMode};

/// A reference the caller gave by row id: `row` is `None` when what the
/// caller sent names nothing of the right kind.
#[derive(Debug, Clone, Copy)]
pub struct Ref {
    pub row: Option<i64>,
    /// The field that holds it, for the refusal.
    pub field: Field,
}

/// A change to an optional reference: keep it, clear it, or set it.
#[derive(Debug, Clone, Copy)]
pub enum RefChange {
    Keep,
    Clear,
    Set(Ref),
}

/// A kind of profile (or an event): its table, how a refusal names it, and
/// how its draft is read and written.
pub trait Profile: Clone + Send + Sync + Sized + 'static {
    const TABLE: Table;
    /// How a refusal names it ("startup").
    const NAME: &'static str;
    /// What a slug is made of when the caller gives none.
    fn title(&self) -> &str;
    fn slug_mut(&mut self) -> &mut String;
    fn into_batch(self) -> Batch;
    /// The draft of the row `row`, as stored.
    fn read(
        store: &Store,
        row: i64,
    ) -> impl Future<Output = Result<Option<Self>, StoreError>> + Send;
}

macro_rules! profile {
    ($draft:ident, $table:ident, $name:literal, $title:ident, $read:ident) => {
        impl Profile for $draft {
            const TABLE: Table = Table::$table;
            const NAME: &'static str = $name;
            fn title(&self) -> &str {
                &self.$title
            }
            fn slug_mut(&mut self) -> &mut String {
                &mut self.slug
            }
            fn into_batch(self) -> Batch {
                Batch::$table(vec![self])
            }
            async fn read(store: &Store, row: i64) -> Result<Option<Self>, StoreError> {
                Ok(store
                    .$read(RecordSelect::Ids(&[row]))
                    .await?
                    .pop()
                    .map(|(_, d)| d))
            }
        }
    };
}

profile!(StartupDraft, Startups, "startup", name, startup_drafts);
profile!(InvestorDraft, Investors, "investor", name, investor_drafts);
profile!(MentorDraft, Mentors, "mentor", name, mentor_drafts);
profile!(
    OrganizationDraft,
    Organizations,
    "organization",
    name,
    organization_drafts
);
profile!(EventDraft, Events, "event", title, event_drafts);
profile!(
    ProgrammeDraft,
    Programmes,
    "programme",
    name,
    programme_drafts
);
profile!(CallDraft, Calls, "call", title, call_drafts);
profile!(
    SupportDraft,
    Support,
    "support record",
    slug,
    support_drafts
);
profile!(ClassDraft, Classes, "training class", title, class_drafts);

fn nothing_with_this_id<T>(field: Field, name: &str) -> Outcome<T> {
    refuse(
        field,
        FieldErrorCode::UnknownReference,
        format!("there is no {name} with this ID"),
    )
}

/// The user the row `row` of `table` belongs to: `Some(owner)` when it
/// exists (an event belongs to whoever its organiser is delegated to),
/// `None` when it does not.
pub async fn owner_of(
    store: &Store,
    table: Table,
    row: i64,
) -> Result<Option<Option<i64>>, StoreError> {
    let ids = &[row];
    Ok(match table {
        Table::Startups => super::owner_of(store, Participant::Startup(row)).await?,
        Table::Investors => super::owner_of(store, Participant::Investor(row)).await?,
        Table::Mentors => super::owner_of(store, Participant::Mentor(row)).await?,
        Table::Organizations => store
            .organizations_by_ids(ids)
            .await?
            .pop()
            .map(|p| p.owner_id),
        Table::Events => match store.events_by_ids(ids).await?.pop() {
            Some(event) => Some(organizer_owner(store, event.organizer_id).await?),
            None => None,
        },
        Table::Programmes => programme_owner(store, row).await?,
        Table::Classes => match store.classes_by_ids(ids).await?.pop() {
            Some(class) => programme_owner(store, class.programme_id).await?,
            None => None,
        },
        Table::Calls => match store.calls_by_ids(ids).await?.pop() {
            Some(call) => programme_owner(store, call.programme_id).await?,
            None => None,
        },
        // A support record is its programme's; without one, its
        // organisation's.
        Table::Support => match store.support_by_ids(ids).await?.pop() {
            Some(r) => match r.programme_id {
                Some(p) => Some(programme_owner(store, p).await?.flatten()),
                None => Some(organizer_owner(store, r.organization_id).await?),
            },
            None => None,
        },
        // Plans are the operator's alone.
        Table::Plans => store.plans_by_ids(ids).await?.pop().map(|_| None),
        Table::Sectors | Table::Provinces => None,
    })
}

/// The user a programme's organisation is delegated to: `Some(owner)`
/// when the programme exists.
async fn programme_owner(store: &Store, row: i64) -> Result<Option<Option<i64>>, StoreError> {
    Ok(match store.programmes_by_ids(&[row]).await?.pop() {
        Some(p) => Some(organizer_owner(store, p.organization_id).await?),
        None => None,
    })
}

/// The user an organisation is delegated to.
async fn organizer_owner(store: &Store, organizer: Option<i64>) -> Result<Option<i64>, StoreError> {
    Ok(match organizer {
        Some(org) => store
            .organizations_by_ids(&[org])
            .await?
            .pop()
            .and_then(|o| o.owner_id),
        None => None,
    })
}

/// Refuses unless the viewer may change the row: its owner or the
/// operator. A row that does not exist passes, for the operation to refuse
/// with a problem.
async fn check_change<P: Profile>(c: &Caller<'_>, row: Option<i64>) -> Result<(), Error> {
    let viewer = policy::signed_in(c.viewer)?;
    if viewer.is_admin() {
        return Ok(());
    }
    let owner = match row {
        Some(row) => owner_of(c.store, P::TABLE, row).await?,
        None => None,
    };
    match owner {
        Some(owner) => policy::may_change(c.viewer, owner, P::NAME),
        None => Ok(()),
    }
}

/// Refuses unless the viewer may manage the events of this organiser.
async fn check_organizer(c: &Caller<'_>, organizer: Option<i64>) -> Result<(), Error> {
    if policy::signed_in(c.viewer)?.is_admin() {
        return Ok(());
    }
    let owner = organizer_owner(c.store, organizer).await?;
    policy::may_organize(c.viewer, owner)
}

/// The slug of the row a reference names, or the refusal that names its
/// field.
async fn slug_of(c: &Caller<'_>, table: Table, r: Ref) -> Outcome<String> {
    let name = match table {
        Table::Organizations => "organisation",
        Table::Startups => "startup",
        Table::Investors => "investor",
        Table::Programmes => "programme",
        Table::Classes => "training class",
        _ => "entity",
    };
    let slug = match (r.row, table) {
        (None, _) => None,
        (Some(row), Table::Organizations) => c
            .store
            .organizations_by_ids(&[row])
            .await?
            .pop()
            .map(|o| o.slug),
        (Some(row), Table::Startups) => {
            c.store.startups_by_ids(&[row]).await?.pop().map(|o| o.slug)
        }
        (Some(row), Table::Investors) => c
            .store
            .investors_by_ids(&[row])
            .await?
            .pop()
            .map(|o| o.slug),
        (Some(row), Table::Programmes) => c
            .store
            .programmes_by_ids(&[row])
            .await?
            .pop()
            .map(|p| p.slug),
        (Some(row), Table::Classes) => c.store.classes_by_ids(&[row]).await?.pop().map(|x| x.slug),
        (Some(_), _) => None,
    };
    match slug {
        Some(slug) => Ok(Ok(slug)),
        None => nothing_with_this_id(r.field, name),
    }
}

/// An update's change to an organisation reference: `None` keeps it,
/// `Some(None)` clears it, `Some(Some(slug))` sets it.
async fn organization_change(c: &Caller<'_>, change: RefChange) -> Outcome<Option<Option<String>>> {
    Ok(Ok(match change {
        RefChange::Keep => None,
        RefChange::Clear => Some(None),
        RefChange::Set(r) => match slug_of(c, Table::Organizations, r).await? {
            Ok(slug) => Some(Some(slug)),
            Err(problems) => return Ok(Err(problems)),
        },
    }))
}

/// Unwraps an outcome's value, or returns its refusal from the function.
macro_rules! accepted {
    ($outcome:expr) => {
        match $outcome? {
            Ok(value) => value,
            Err(problems) => return Ok(Err(problems)),
        }
    };
}

/// A free slug made from `title` (`-2`, `-3`... when taken).
async fn free_slug(
    c: &Caller<'_>,
    table: Table,
    title: &str,
    fallback: &str,
) -> Result<String, StoreError> {
    let mut base = slugify(title);
    if base.is_empty() {
        base = fallback.to_string();
    }
    base.truncate(MAX_SLUG_LEN - 6);
    let base = base.trim_end_matches('-').to_string();
    let mut candidate = base.clone();
    for n in 2..1000 {
        if c.store.id_by_slug(table, &candidate).await?.is_none() {
            return Ok(candidate);
        }
        candidate = format!("{base}-{n}");
    }
    Ok(format!("{base}-{}", c.clock.now().timestamp_micros()))
}

/// Writes one draft; problems come back as a refusal.
async fn save(c: &Caller<'_>, batch: Batch, mode: WriteMode, owner: Option<i64>) -> Outcome<i64> {
    match c.store.write(&batch, mode, owner, c.clock.today()).await {
        Ok(ids) => match mode {
            WriteMode::Update(id, _) => Ok(Ok(id)),
            _ => ids
                .values()
                .next()
                .copied()
                .map(Ok)
                .ok_or_else(|| Error::Store(StoreError::NotFound)),
        },
        Err(StoreError::Invalid { errors, .. }) => Ok(Err(errors)),
        Err(StoreError::NotFound) => refuse(
            Field::Id,
            FieldErrorCode::UnknownReference,
            "there is nothing with this ID",
        ),
        Err(e) => Err(e.into()),
    }
}

/// Creates a profile owned by `owner`, with a slug made from its title
/// when the draft has none.
async fn create<P: Profile>(c: &Caller<'_>, mut draft: P, owner: Option<i64>) -> Outcome<i64> {
    if draft.slug_mut().is_empty() {
        *draft.slug_mut() = free_slug(c, P::TABLE, draft.title(), P::NAME).await?;
    }
    save(c, draft.into_batch(), WriteMode::Insert, owner).await
}

/// How often an update is tried again when the row changed under it.
const UPDATE_ATTEMPTS: u64 = 16;

/// Updates the row `row`: reads its draft and version, applies `change`,
/// and writes it only if nobody wrote the row in between; if somebody did,
/// it starts again from a fresh read (so no field another request changed
/// is undone).
async fn update<P: Profile>(
    c: &Caller<'_>,
    row: Option<i64>,
    change: impl Fn(&mut P),
) -> Outcome<i64> {
    let Some(row) = row else {
        return nothing_with_this_id(Field::Id, P::NAME);
    };
    let mut n = 0;
    loop {
        n += 1;
        let Some(version) = c.store.version(P::TABLE, row).await? else {
            return nothing_with_this_id(Field::Id, P::NAME);
        };
        let Some(mut draft) = P::read(c.store, row).await? else {
            return nothing_with_this_id(Field::Id, P::NAME);
        };
        change(&mut draft);
        let mode = WriteMode::Update(row, Some(version));
        match save(c, draft.into_batch(), mode, None).await {
            Err(Error::Store(StoreError::Conflict | StoreError::Retry(..)))
                if n < UPDATE_ATTEMPTS =>
            {
                // Back off a little longer each time, so that writers racing
                // for one row spread out instead of colliding again.
                let jitter = std::hash::BuildHasher::hash_one(
                    &std::collections::hash_map::RandomState::new(),
                    n,
                ) % 4;
                tokio::time::sleep(std::time::Duration::from_millis(n * 2 + jitter)).await;
            }
            other => return other,
        }
    }
}

/// Creates a startup profile (startup users, who own it, and the operator).
pub async fn create_startup(
    c: &Caller<'_>,
    mut draft: StartupDraft,
    organization: Option<Ref>,
) -> Outcome<i64> {
    let owner = policy::creator(c.viewer, Role::Startup, "startup profiles")?;
    if let Some(r) = organization {
        draft.organization = Some(accepted!(slug_of(c, Table::Organizations, r).await));
    }
    create(c, draft, owner).await
}

/// Updates a startup profile (its owner and the operator).
pub async fn update_startup(
    c: &Caller<'_>,
    row: Option<i64>,
    organization: RefChange,
    change: impl Fn(&mut StartupDraft),
) -> Outcome<i64> {
    check_change::<StartupDraft>(c, row).await?;
    let organization = accepted!(organization_change(c, organization).await);
    update(c, row, |d: &mut StartupDraft| {
        change(d);
        if let Some(organization) = &organization {
            d.organization.clone_from(organization);
        }
    })
    .await
}

/// Creates an investor profile (investor users, who own it, and the operator).
pub async fn create_investor(c: &Caller<'_>, draft: InvestorDraft) -> Outcome<i64> {
    let owner = policy::creator(c.viewer, Role::Investor, "investor profiles")?;
    create(c, draft, owner).await
}

/// Creates a mentor profile (mentor users, who own it, and the operator).
pub async fn create_mentor(c: &Caller<'_>, draft: MentorDraft) -> Outcome<i64> {
    let owner = policy::creator(c.viewer, Role::Mentor, "mentor profiles")?;
    create(c, draft, owner).await
}

/// Creates a support organisation (the operator).
pub async fn create_organization(c: &Caller<'_>, draft: OrganizationDraft) -> Outcome<i64> {
    policy::operator(c.viewer)?;
    create(c, draft, None).await
}

/// Updates an investor, mentor or organisation profile (its owner and the
/// operator).
pub async fn update_profile<P: Profile>(
    c: &Caller<'_>,
    row: Option<i64>,
    change: impl Fn(&mut P),
) -> Outcome<i64> {
    check_change::<P>(c, row).await?;
    update(c, row, change).await
}

/// Creates an event (the operator, and the users of its organiser).
pub async fn create_event(
    c: &Caller<'_>,
    mut draft: EventDraft,
    organizer: Option<Ref>,
) -> Outcome<i64> {
    check_organizer(c, organizer.and_then(|r| r.row)).await?;
    if let Some(r) = organizer {
        draft.organizer = Some(accepted!(slug_of(c, Table::Organizations, r).await));
    }
    create(c, draft, None).await
}

/// Updates an event (the users of its organiser and the operator; moving
/// it to another organiser needs the right to manage that one's events too).
pub async fn update_event(
    c: &Caller<'_>,
    row: Option<i64>,
    organizer: RefChange,
    change: impl Fn(&mut EventDraft),
) -> Outcome<i64> {
    check_change::<EventDraft>(c, row).await?;
    if let RefChange::Set(r) = organizer {
        check_organizer(c, r.row).await?;
    }
    let organizer = accepted!(organization_change(c, organizer).await);
    update(c, row, |d: &mut EventDraft| {
        change(d);
        if let Some(organizer) = &organizer {
            d.organizer.clone_from(organizer);
        }
    })
    .await
}

/// Creates a programme (the operator, and the users of the organisation
/// that runs it).
pub async fn create_programme(
    c: &Caller<'_>,
    mut draft: ProgrammeDraft,
    organization: Option<Ref>,
) -> Outcome<i64> {
    check_organizer(c, organization.and_then(|r| r.row)).await?;
    if let Some(r) = organization {
        draft.organization = Some(accepted!(slug_of(c, Table::Organizations, r).await));
    }
    create(c, draft, None).await
}

/// Updates a programme (the users of its organisation and the operator;
/// handing it to another organisation needs the right to manage that one's
/// programmes too).
pub async fn update_programme(
    c: &Caller<'_>,
    row: Option<i64>,
    organization: RefChange,
    change: impl Fn(&mut ProgrammeDraft),
) -> Outcome<i64> {
    check_change::<ProgrammeDraft>(c, row).await?;
    if let RefChange::Set(r) = organization {
        check_organizer(c, r.row).await?;
    }
    let organization = accepted!(organization_change(c, organization).await);
    update(c, row, |d: &mut ProgrammeDraft| {
        change(d);
        if let Some(organization) = &organization {
            d.organization.clone_from(organization);
        }
    })
    .await
}

/// Opens a call for applications to a programme (the programme's managers:
/// the users of its organisation, and the operator).
pub async fn create_call(c: &Caller<'_>, mut draft: CallDraft, programme: Ref) -> Outcome<i64> {
    check_change::<ProgrammeDraft>(c, programme.row).await?;
    draft.programme = accepted!(slug_of(c, Table::Programmes, programme).await);
    create(c, draft, None).await
}

/// Records a unit of support by hand: the operator, the managers of the
/// programme it was given by, or the users of the organisation that gave
/// it. Its key is made from its kind, recipient and day when absent.
pub async fn record_support(
    c: &Caller<'_>,
    mut draft: SupportDraft,
    startup: Option<Ref>,
    programme: Option<Ref>,
    organization: Option<Ref>,
) -> Outcome<i64> {
    let viewer = policy::signed_in(c.viewer)?;
    if !viewer.is_admin() {
        let owner = match (
            programme.and_then(|r| r.row),
            organization.and_then(|r| r.row),
        ) {
            (Some(p), _) => programme_owner(c.store, p).await?.flatten(),
            (None, Some(o)) => organizer_owner(c.store, Some(o)).await?,
            (None, None) => None,
        };
        if !viewer.owns(owner) {
            return Err(policy::forbidden(
                "only the operator, and the managers of the programme or organisation that gave it, may record support",
            ));
        }
    }
    if let Some(r) = startup {
        draft.startup = Some(accepted!(slug_of(c, Table::Startups, r).await));
    }
    if let Some(r) = programme {
        draft.programme = Some(accepted!(slug_of(c, Table::Programmes, r).await));
    }
    if let Some(r) = organization {
        draft.organization = Some(accepted!(slug_of(c, Table::Organizations, r).await));
    }
    if draft.slug.is_empty() {
        let who = draft
            .startup
            .clone()
            .or(draft.recipient.clone())
            .unwrap_or_default();
        let title = format!("{} {who} {}", draft.kind.as_str(), draft.given_on);
        draft.slug = free_slug(c, Table::Support, &title, "support").await?;
    }
    save(c, Batch::Support(vec![draft]), WriteMode::Insert, None).await
}

/// Adds a training class to a programme (its managers).
pub async fn create_class(c: &Caller<'_>, mut draft: ClassDraft, programme: Ref) -> Outcome<i64> {
    check_change::<ProgrammeDraft>(c, programme.row).await?;
    draft.programme = accepted!(slug_of(c, Table::Programmes, programme).await);
    create(c, draft, None).await
}

/// The most attendees one call records.
pub const MAX_ATTENDEES: usize = 500;

/// Records who attended a class (the programme's managers): each person
/// once per class (a name at an organisation; recording them again
/// updates the line), and the training support it means for the startups
/// named. `attendees` come without their class; `startups` are the
/// startups they name, by row, in the same order.
pub async fn record_attendance(
    c: &Caller<'_>,
    class: Ref,
    mut attendees: Vec<AttendanceDraft>,
    startups: Vec<Option<Ref>>,
) -> Outcome<i64> {
    check_change::<ClassDraft>(c, class.row).await?;
    let key = accepted!(slug_of(c, Table::Classes, class).await);
    if attendees.len() > MAX_ATTENDEES {
        return refuse(
            Field::Attendees,
            FieldErrorCode::OutOfRange,
            format!("at most {MAX_ATTENDEES} attendees at a time"),
        );
    }
    for (a, startup) in attendees.iter_mut().zip(startups) {
        a.class.clone_from(&key);
        if let Some(r) = startup {
            a.startup = Some(accepted!(slug_of(c, Table::Startups, r).await));
        }
    }
    let problems: Vec<FieldError> = (attendees.iter().enumerate())
        .flat_map(|(i, a)| {
            a.check()
                .err()
                .unwrap_or_default()
                .into_iter()
                .map(move |mut e| {
                    e.message = format!("attendee {}: {}", i + 1, e.message);
                    e.field = Field::Attendees;
                    e
                })
        })
        .collect();
    if !problems.is_empty() {
        return Ok(Err(problems));
    }
    // A person named twice in one list: the later line stands (one
    // statement may not write a row twice).
    let person = |a: &AttendanceDraft| {
        let org = a.organization.as_deref().map(name_key).unwrap_or_default();
        format!("{}|{org}", name_key(&a.person))
    };
    let mut seen = std::collections::HashSet::new();
    let mut kept: Vec<AttendanceDraft> = attendees
        .into_iter()
        .rev()
        .filter(|a| seen.insert(person(a)))
        .collect();
    kept.reverse();
    let batch = Batch::Attendance(kept);
    match c
        .store
        .record_attendance(&batch, c.clock.now(), c.clock.today())
        .await
    {
        Ok(()) => Ok(Ok(class.row.unwrap_or_default())),
        Err(StoreError::Invalid { errors, .. }) => Ok(Err(errors
            .into_iter()
            .map(|mut e| {
                e.field = Field::Attendees;
                e
            })
            .collect())),
        Err(e) => Err(e.into()),
    }
}

/// Records an investment. The investor's side records its investments (a
/// startup cannot claim an investor's money); the operator records any.
pub async fn record_investment(
    c: &Caller<'_>,
    investor: Ref,
    startup: Ref,
    draft: impl FnOnce(String, String) -> InvestmentDraft,
) -> Outcome<i64> {
    check_change::<InvestorDraft>(c, investor.row).await?;
    let investor = accepted!(slug_of(c, Table::Investors, investor).await);
    let startup = accepted!(slug_of(c, Table::Startups, startup).await);
    let batch = Batch::Investments(vec![draft(investor, startup)]);
    save(c, batch, WriteMode::Insert, None).await
}

/// Deletes a profile or an event (its owner and the operator; an
/// organisation, the operator only). `Ok(false)`: nothing had this id.
pub async fn delete<P: Profile>(c: &Caller<'_>, row: Option<i64>) -> Result<bool, Error> {
    if P::TABLE == Table::Organizations {
        policy::operator(c.viewer)?;
    } else {
        check_change::<P>(c, row).await?;
    }
    Ok(match row {
        Some(row) => c.store.delete(P::TABLE, row).await?,
        None => false,
    })
}
