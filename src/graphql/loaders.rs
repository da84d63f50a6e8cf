//! DataLoaders: every relation is loaded in batches, one statement per kind
//! of object per tick, so nested queries cost the same number of statements
//! for 5 parents as for 50. A new set of loaders is made for every request,
//! so caches never outlive it.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context as TaskContext, Poll, Wake, Waker};

use async_graphql::Context;
use async_graphql::dataloader::{DataLoader, Loader};

use super::scope::Scope;
use crate::error::Error;
use crate::model::{
    Call, Event, Introduction, Investment, Investor, Mentor, Organization, Programme, Province,
    Sector, Startup, SupportRecord, TrainingClass, User,
};
use crate::store::{Store, StoreError, Table};
use crate::vocabulary::Vocabulary;

/// Loads objects from the store in batches (sectors and provinces from
/// the server's in-memory vocabulary, falling back on the store).
pub struct StoreLoader {
    store: Store,
    vocabulary: Arc<Vocabulary>,
}

/// The per-request loaders.
pub type Loaders = DataLoader<StoreLoader>;

/// A batch load the loaders want run.
type Task = std::pin::Pin<Box<dyn Future<Output = ()> + Send + 'static>>;

/// Runs `execution` (a GraphQL request) with loaders made for it.
///
/// Batches start only when the execution is really waiting, that is when it
/// returned `Pending` without waking itself (async-graphql's lists yield
/// every 32 items to stay cooperative; that is not waiting). By then every
/// sibling resolver has registered its keys, so a nested query costs one
/// statement per relation and level, however many objects it returns and
/// however busy the machine is. async-graphql's default, spawning a batch
/// on the runtime after a fixed delay, splits batches whenever resolving
/// the siblings takes longer than the delay.
pub async fn run_with_loaders<T>(
    store: Store,
    vocabulary: Arc<Vocabulary>,
    execution: impl FnOnce(Loaders) -> T,
) -> T::Output
where
    T: Future,
{
    let (sender, mut receiver) = tokio::sync::mpsc::unbounded_channel::<Task>();
    let loader = StoreLoader { store, vocabulary };
    let loaders = DataLoader::new(loader, move |task: Task| {
        // The receiver lives as long as the request; after that nothing loads.
        let _ = sender.send(task);
    })
    .delay(std::time::Duration::ZERO)
    .max_batch_size(MAX_BATCH);
    let mut execution = std::pin::pin!(execution(loaders));
    let mut tasks: Vec<Task> = Vec::new();
    std::future::poll_fn(|cx| {
        // Re-poll while the execution only yielded; a bound keeps a huge
        // response from holding the worker thread (the outer waker has been
        // woken, so returning Pending resumes it promptly).
        let mut idle = false;
        for _ in 0..MAX_SELF_WAKES {
            let woken = Arc::new(SelfWake {
                woken: AtomicBool::new(false),
                outer: cx.waker().clone(),
            });
            let waker = Waker::from(woken.clone());
            if let Poll::Ready(output) = execution
                .as_mut()
                .poll(&mut TaskContext::from_waker(&waker))
            {
                return Poll::Ready(output);
            }
            if !woken.woken.load(Ordering::SeqCst) {
                idle = true;
                break;
            }
        }
        if !idle {
            // Still busy: come back (the waker was woken) before loading.
            return Poll::Pending;
        }
        while let Poll::Ready(Some(task)) = receiver.poll_recv(cx) {
            tasks.push(task);
        }
        tasks.retain_mut(|task| task.as_mut().poll(cx).is_pending());
        Poll::Pending
    })
    .await
}

/// How many times in a row the execution may yield before its batches run.
const MAX_SELF_WAKES: usize = 1024;

/// The most keys one batch loads.
const MAX_BATCH: usize = 1000;

/// A waker that notes whether it was woken, and passes the wake on.
struct SelfWake {
    woken: AtomicBool,
    outer: Waker,
}

impl Wake for SelfWake {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.woken.store(true, Ordering::SeqCst);
        self.outer.wake_by_ref();
    }
}

/// The request's loaders.
pub fn of<'a>(ctx: &Context<'a>) -> &'a Loaders {
    &ctx.data_unchecked::<Scope>().loaders
}

macro_rules! by_id {
    ($key:ident, $value:ty, $method:ident) => {
        #[doc = concat!("Loads a `", stringify!($value), "` by row id.")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $key(pub i64);

        impl Loader<$key> for StoreLoader {
            type Value = $value;
            type Error = Arc<StoreError>;

            async fn load(&self, keys: &[$key]) -> Result<HashMap<$key, $value>, Self::Error> {
                let ids: Vec<i64> = keys.iter().map(|k| k.0).collect();
                let values = self.store.$method(&ids).await?;
                Ok(values.into_iter().map(|v| ($key(v.id), v)).collect())
            }
        }
    };
}

by_id!(StartupId, Startup, startups_by_ids);
by_id!(InvestorId, Investor, investors_by_ids);
by_id!(MentorId, Mentor, mentors_by_ids);
by_id!(OrganizationId, Organization, organizations_by_ids);
by_id!(EventId, Event, events_by_ids);
by_id!(ProgrammeId, Programme, programmes_by_ids);
by_id!(CallId, Call, calls_by_ids);
by_id!(SupportId, SupportRecord, support_by_ids);
by_id!(ClassId, TrainingClass, classes_by_ids);

macro_rules! from_vocabulary {
    ($key:ident, $value:ty, $held:ident, $method:ident) => {
        #[doc = concat!("Loads a `", stringify!($value), "` by row id, from the vocabulary.")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $key(pub i64);

        impl Loader<$key> for StoreLoader {
            type Value = $value;
            type Error = Arc<StoreError>;

            async fn load(&self, keys: &[$key]) -> Result<HashMap<$key, $value>, Self::Error> {
                let ids: Vec<i64> = keys.iter().map(|k| k.0).collect();
                let (mut values, missing) = self.vocabulary.$held(&ids);
                if !missing.is_empty() {
                    values.extend(self.store.$method(&missing).await?);
                }
                Ok(values.into_iter().map(|v| ($key(v.id), v)).collect())
            }
        }
    };
}

from_vocabulary!(SectorId, Sector, sectors, sectors_by_ids);
from_vocabulary!(ProvinceId, Province, provinces, provinces_by_ids);
by_id!(InvestmentId, Investment, investments_by_ids);
by_id!(IntroductionId, Introduction, introductions_by_ids);
by_id!(UserId, User, users_by_ids);
by_id!(StartupBriefId, Startup, startups_by_ids_brief);
by_id!(InvestorBriefId, Investor, investors_by_ids_brief);
by_id!(
    OrganizationBriefId,
    Organization,
    organizations_by_ids_brief
);

// Brief reads leave a profile's long texts empty. They answer the fields
// below, whose resolvers read none of those texts: a field that shows a
// text, or that matches or parses it, is missing from its list, so asking
// for it loads the whole profile. Brief and whole profiles are loaded
// under different keys and never serve each other.

/// The `Startup` fields a brief read answers.
pub const STARTUP_BRIEF: &[&str] = &[
    "__typename",
    "id",
    "slug",
    "name",
    "stage",
    "foundedOn",
    "teamSize",
    "tags",
    "needs",
    "seekingAmount",
    "website",
    "email",
    "phone",
    "sectors",
    "province",
    "organization",
    "investments",
    "isEligibleForSupport",
    "createdAt",
    "updatedAt",
];
/// The `Investor` fields a brief read answers.
pub const INVESTOR_BRIEF: &[&str] = &[
    "__typename",
    "id",
    "slug",
    "name",
    "kind",
    "stages",
    "ticketMin",
    "ticketMax",
    "active",
    "website",
    "email",
    "phone",
    "sectors",
    "provinces",
    "nationwide",
    "portfolio",
    "createdAt",
    "updatedAt",
];
/// The `Organization` fields a brief read answers.
pub const ORGANIZATION_BRIEF: &[&str] = &[
    "__typename",
    "id",
    "slug",
    "name",
    "kind",
    "website",
    "email",
    "phone",
    "province",
    "startups",
    "events",
    "createdAt",
    "updatedAt",
];

/// Whether the current field's object is asked only for fields of `brief`.
pub fn asks_only(ctx: &Context<'_>, brief: &[&str]) -> bool {
    ctx.field()
        .selection_set()
        .all(|field| brief.contains(&field.name()))
}

/// Whether the nodes of the current field's connection (`nodes`, and
/// `edges { node }`) are asked only for fields of `brief`.
pub fn nodes_ask_only(ctx: &Context<'_>, brief: &[&str]) -> bool {
    ctx.field().selection_set().all(|field| match field.name() {
        "nodes" => field.selection_set().all(|f| brief.contains(&f.name())),
        "edges" => field.selection_set().all(|edge| {
            edge.name() != "node" || edge.selection_set().all(|f| brief.contains(&f.name()))
        }),
        _ => true,
    })
}

macro_rules! grouped {
    ($key:ident, $value:ty, |$store:ident, $ids:ident| $fetch:expr, |$item:ident| $parent:expr, $map:expr) => {
        #[doc = concat!("Loads the `", stringify!($value), "` list of a parent row.")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $key(pub i64);

        impl Loader<$key> for StoreLoader {
            type Value = Vec<$value>;
            type Error = Arc<StoreError>;

            async fn load(&self, keys: &[$key]) -> Result<HashMap<$key, Vec<$value>>, Self::Error> {
                let $ids: Vec<i64> = keys.iter().map(|k| k.0).collect();
                let $store = &self.store;
                let mut out: HashMap<$key, Vec<$value>> =
                    keys.iter().map(|k| (*k, Vec::new())).collect();
                for $item in $fetch.await? {
                    let parent = $parent;
                    out.entry($key(parent)).or_default().push($map);
                }
                Ok(out)
            }
        }
    };
}

grouped!(
    InvestmentsOfStartup,
    Investment,
    |s, ids| s.investments_by_startups(&ids),
    |i| i.startup_id,
    i
);
grouped!(
    InvestmentsOfInvestor,
    Investment,
    |s, ids| s.investments_by_investors(&ids),
    |i| i.investor_id,
    i
);
grouped!(
    StartupsOfOrganization,
    i64,
    |s, ids| s.startups_of_organizations(&ids),
    |p| p.0,
    p.1
);
grouped!(
    ParticipantsOfEvent,
    crate::model::Participant,
    |s, ids| s.participants_of_events(&ids),
    |p| p.0,
    p.1
);
grouped!(
    EventsOfOrganization,
    i64,
    |s, ids| s.events_of_organizations(&ids),
    |p| p.0,
    p.1
);

/// The profiles a user sees the contact details of through accepted
/// introductions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ContactsOf(pub i64);

impl Loader<ContactsOf> for StoreLoader {
    type Value = Vec<(Table, i64)>;
    type Error = Arc<StoreError>;

    async fn load(
        &self,
        keys: &[ContactsOf],
    ) -> Result<HashMap<ContactsOf, Vec<(Table, i64)>>, Self::Error> {
        let users: Vec<i64> = keys.iter().map(|k| k.0).collect();
        let mut out: HashMap<ContactsOf, Vec<(Table, i64)>> =
            keys.iter().map(|k| (*k, Vec::new())).collect();
        for (user, table, id) in self.store.contacts_of_users(&users).await? {
            out.entry(ContactsOf(user)).or_default().push((table, id));
        }
        Ok(out)
    }
}

/// Loads one object by key; `None` when it does not exist.
pub async fn one<K>(
    ctx: &Context<'_>,
    key: K,
) -> Result<Option<<StoreLoader as Loader<K>>::Value>, Error>
where
    K: Send + Sync + std::hash::Hash + Eq + Clone + 'static,
    StoreLoader: Loader<K, Error = Arc<StoreError>>,
{
    Ok(of(ctx).load_one(key).await?)
}

/// Loads objects by key, keeping the order of `keys` and skipping missing ones.
pub async fn many<K>(
    ctx: &Context<'_>,
    keys: Vec<K>,
) -> Result<Vec<<StoreLoader as Loader<K>>::Value>, Error>
where
    K: Send + Sync + std::hash::Hash + Eq + Clone + 'static,
    StoreLoader: Loader<K, Error = Arc<StoreError>>,
{
    let mut found = of(ctx).load_many(keys.iter().cloned()).await?;
    Ok(keys.iter().filter_map(|k| found.remove(k)).collect())
}
