//! Relay cursor connections: page arguments, cursors and `PageInfo`.
//!
//! Lists use keyset pagination: a cursor holds the sort value and the id of a
//! row, so pages stay stable while rows are added elsewhere in the list.

use async_graphql::{Enum, SimpleObject};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::error::Error;
use crate::store::{Page, PageQuery, SortColumn, SortKey};

/// The largest page a client may ask for.
pub const MAX_PAGE_SIZE: i32 = 100;
/// The page size when neither `first` nor `last` is given.
pub const DEFAULT_PAGE_SIZE: i32 = 20;

/// Information about the current page of a connection.
#[derive(Debug, Clone, SimpleObject)]
pub struct PageInfo {
    /// Whether there are more items after this page.
    pub has_next_page: bool,
    /// Whether there are items before this page.
    pub has_previous_page: bool,
    /// The cursor of the first item of the page.
    pub start_cursor: Option<String>,
    /// The cursor of the last item of the page.
    pub end_cursor: Option<String>,
}

/// Sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum, Default)]
pub enum OrderDirection {
    /// Ascending: A to Z, oldest first.
    #[default]
    Asc,
    /// Descending: Z to A, newest first.
    Desc,
}

/// What a page of a list costs in query complexity: its size times what
/// one item costs, so that `first: 100` weighs a hundred times `first: 1`.
pub fn page_cost(first: Option<i32>, last: Option<i32>) -> usize {
    first
        .or(last)
        .unwrap_or(DEFAULT_PAGE_SIZE)
        .clamp(1, MAX_PAGE_SIZE) as usize
}

/// The page arguments of a connection field.
#[derive(Debug, Clone, Default)]
pub struct PageArgs {
    pub first: Option<i32>,
    pub after: Option<String>,
    pub last: Option<i32>,
    pub before: Option<String>,
}

/// Encodes a sort key as an opaque cursor.
pub fn cursor(key: &SortKey) -> String {
    URL_SAFE_NO_PAD.encode(key.encode())
}

fn decode_cursor(text: &str, column: SortColumn, argument: &str) -> Result<SortKey, Error> {
    URL_SAFE_NO_PAD
        .decode(text)
        .ok()
        .filter(|_| text.len() <= 1024)
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|json| SortKey::decode(&json, column))
        .ok_or_else(|| {
            Error::BadUserInput(format!(
                "`{argument}` is not a cursor of this list in this order: use a cursor from the same query"
            ))
        })
}

impl PageArgs {
    /// Validates the arguments once, into the store's page query.
    pub fn query(&self, column: SortColumn, descending: bool) -> Result<PageQuery, Error> {
        let check = |n: i32, name: &str| {
            if (1..=MAX_PAGE_SIZE).contains(&n) {
                Ok(n as usize)
            } else {
                Err(Error::BadUserInput(format!(
                    "`{name}` must be between 1 and {MAX_PAGE_SIZE} (got {n})"
                )))
            }
        };
        let (limit, from_end) = match (self.first, self.last) {
            (Some(_), Some(_)) => {
                return Err(Error::BadUserInput(
                    "pass `first` or `last`, not both".to_string(),
                ));
            }
            (Some(n), None) => (check(n, "first")?, false),
            (None, Some(n)) => (check(n, "last")?, true),
            (None, None) => (DEFAULT_PAGE_SIZE as usize, false),
        };
        Ok(PageQuery {
            column,
            descending,
            limit,
            after: self
                .after
                .as_deref()
                .map(|c| decode_cursor(c, column, "after"))
                .transpose()?,
            before: self
                .before
                .as_deref()
                .map(|c| decode_cursor(c, column, "before"))
                .transpose()?,
            from_end,
        })
    }
}

/// `PageInfo` for a page read with `query`.
pub fn page_info(query: &PageQuery, page: &Page<SortKey>) -> PageInfo {
    let (has_next_page, has_previous_page) = if query.from_end {
        (query.before.is_some(), page.has_more)
    } else {
        (page.has_more, query.after.is_some())
    };
    PageInfo {
        has_next_page,
        has_previous_page,
        start_cursor: page.items.first().map(cursor),
        end_cursor: page.items.last().map(cursor),
    }
}

/// Defines a connection and its edge type for a node type.
macro_rules! connection {
    ($connection:ident, $edge:ident, $node:ty, $what:literal) => {
        #[doc = concat!("A page of ", $what, ", with cursors to read on.")]
        pub struct $connection {
            pub(crate) edges: Vec<$edge>,
            pub(crate) page_info: $crate::graphql::connection::PageInfo,
            pub(crate) query: $crate::store::ListQuery,
        }

        #[doc = concat!("One of ", $what, " in a page, with its cursor.")]
        #[derive(async_graphql::SimpleObject)]
        pub struct $edge {
            /// Where this item is in the list: pass it as `after` or `before`.
            pub cursor: String,
            /// The item.
            pub node: $node,
        }

        #[doc = concat!("A page of ", $what, ", with cursors to read on.")]
        #[async_graphql::Object]
        impl $connection {
            /// The items of this page, with their cursors.
            async fn edges(&self) -> &[$edge] {
                &self.edges
            }

            /// The items of this page, without cursors.
            async fn nodes(&self) -> Vec<&$node> {
                self.edges.iter().map(|e| &e.node).collect()
            }

            /// Where this page is in the whole list.
            async fn page_info(&self) -> &$crate::graphql::connection::PageInfo {
                &self.page_info
            }

            /// How many items the whole list has, across all pages.
            async fn total_count(
                &self,
                ctx: &async_graphql::Context<'_>,
            ) -> async_graphql::Result<i64> {
                let store = ctx.data_unchecked::<$crate::store::Store>();
                Ok(store
                    .count(&self.query)
                    .await
                    .map_err($crate::error::Error::from)?)
            }
        }
    };
}
pub(crate) use connection;

/// Defines the `orderBy` input of a list and its field enum.
macro_rules! order {
    ($order:ident, $field:ident, $what:literal, default $default:ident,
     { $($(#[$doc:meta])* $variant:ident => $column:expr),+ $(,)? }) => {
        #[doc = concat!("What to sort ", $what, " by.")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, async_graphql::Enum)]
        pub enum $field {
            $($(#[$doc])* $variant),+
        }

        #[doc = concat!("How to sort ", $what, ".")]
        #[derive(Debug, Clone, Copy, async_graphql::InputObject)]
        pub struct $order {
            /// The field to sort by.
            pub field: $field,
            /// The direction (ascending unless given).
            #[graphql(default)]
            pub direction: $crate::graphql::connection::OrderDirection,
        }

        impl $order {
            /// The store's sort column and whether it is descending.
            pub(crate) fn sort(order: Option<Self>) -> ($crate::store::SortColumn, bool) {
                let (field, direction) = match order {
                    Some(o) => (o.field, o.direction),
                    None => ($field::$default, $crate::graphql::connection::OrderDirection::Asc),
                };
                let column = match field {
                    $($field::$variant => $column),+
                };
                (column, direction == $crate::graphql::connection::OrderDirection::Desc)
            }
        }
    };
}
pub(crate) use order;
