//! DataLoaders: every relation is loaded in batches, one statement per kind
//! of object per tick, so nested queries cost the same number of statements
//! for 5 parents as for 50. A new set of loaders is made for every request,
//! so caches never outlive it.

use std::collections::HashMap;
use std::sync::Arc;

use async_graphql::Context;
use async_graphql::dataloader::{DataLoader, Loader};

use crate::error::Error;
use crate::model::{Event, Investment, Investor, Mentor, Organization, Province, Sector, Startup};
use crate::store::{Store, StoreError};

/// Loads objects from the store in batches.
pub struct StoreLoader {
    store: Store,
}

/// The per-request loaders.
pub type Loaders = DataLoader<StoreLoader>;

/// How long a loader gathers keys before it runs its batch. Sibling
/// resolvers register their keys while it waits; 1 ms (the default) was too
/// short for 50 nested objects in a debug build, and split batches.
const BATCH_DELAY: std::time::Duration = std::time::Duration::from_millis(5);

/// Makes the loaders of one request.
pub fn loaders(store: Store) -> Loaders {
    DataLoader::new(StoreLoader { store }, tokio::spawn)
        .delay(BATCH_DELAY)
        .max_batch_size(500)
}

/// The request's loaders.
pub fn of<'a>(ctx: &Context<'a>) -> &'a Loaders {
    ctx.data_unchecked::<Loaders>()
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
by_id!(SectorId, Sector, sectors_by_ids);
by_id!(ProvinceId, Province, provinces_by_ids);
by_id!(InvestmentId, Investment, investments_by_ids);

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
    EventsOfOrganization,
    i64,
    |s, ids| s.events_of_organizations(&ids),
    |p| p.0,
    p.1
);

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
