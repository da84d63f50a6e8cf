//! Full-text search over the ecosystem: `search`, `searchSuggestions`, and
//! the `query` field of the list filters. The index is [`crate::search`];
//! here queries become index searches and hits become objects.

use std::sync::Arc;

use async_graphql::{Context, Enum, InputObject, Object, Result, SimpleObject, Union};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use super::connection::PageInfo;
use super::loaders::{self, EventId, InvestorId, MentorId, OrganizationId, StartupId};
use crate::app::App;
use crate::error::Error;
use crate::model::{
    Event, Investor, Mentor, Organization, Programme, Stage, Startup, Topic, Vocabulary,
};
use crate::search::SearchIndex;
use crate::search::{DocKind, Facet, Highlighter, Hit, Hits, SearchQuery as IndexQuery};

/// The most results one search pages through (`after` cannot go further).
pub const MAX_SEARCH_DEPTH: usize = 10_000;
/// The most index matches a list's `filter.query` narrows to.
pub const MAX_QUERY_MATCHES: usize = 10_000;
/// The page size of `search` when `first` is not given.
const DEFAULT_SEARCH_PAGE: i32 = 10;

/// The kinds of object a search returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum SearchType {
    /// Startups.
    Startup,
    /// Investors.
    Investor,
    /// Mentors.
    Mentor,
    /// Support organisations.
    Organization,
    /// Events.
    Event,
    /// Support programmes.
    Programme,
}

impl From<SearchType> for DocKind {
    fn from(t: SearchType) -> DocKind {
        match t {
            SearchType::Startup => DocKind::Startup,
            SearchType::Investor => DocKind::Investor,
            SearchType::Mentor => DocKind::Mentor,
            SearchType::Organization => DocKind::Organization,
            SearchType::Event => DocKind::Event,
            SearchType::Programme => DocKind::Programme,
        }
    }
}

/// Narrows a search. Each list matches any of its values; all given fields
/// must match. An object without the field (an organisation has no stage)
/// does not match a filter on it.
#[derive(Debug, Clone, Default, InputObject)]
pub struct SearchFilter {
    /// Sector keys, e.g. `["agritech"]`.
    #[graphql(validator(max_items = 100))]
    pub sectors: Option<Vec<String>>,
    /// Stages: a startup's, or those an investor backs.
    #[graphql(validator(max_items = 100))]
    pub stages: Option<Vec<Stage>>,
    /// Province keys: where a startup, mentor, organisation or event is, or
    /// where an investor invests.
    #[graphql(validator(max_items = 100))]
    pub provinces: Option<Vec<String>>,
    /// Mentorship topics: a startup's needs or a mentor's expertise.
    #[graphql(validator(max_items = 100))]
    pub topics: Option<Vec<Topic>>,
}

fn names<T: Vocabulary>(values: Option<Vec<T>>) -> Vec<String> {
    values
        .unwrap_or_default()
        .into_iter()
        .map(|v| v.as_str().to_string())
        .collect()
}

impl SearchFilter {
    fn into_index(self) -> crate::search::SearchFilter {
        crate::search::SearchFilter {
            sectors: self.sectors.unwrap_or_default(),
            stages: names(self.stages),
            provinces: self.provinces.unwrap_or_default(),
            topics: names(self.topics),
        }
    }
}

/// Anything a search finds.
#[derive(Union)]
pub enum SearchResult {
    Startup(Startup),
    Investor(Investor),
    Mentor(Mentor),
    Organization(Organization),
    Event(Event),
    Programme(Programme),
}

impl SearchResult {
    /// The searchable texts, by the name of their GraphQL field.
    fn texts(&self) -> Vec<(&'static str, &str)> {
        match self {
            SearchResult::Startup(s) => vec![
                ("name", &s.name),
                ("tagline", &s.tagline),
                ("description", &s.description),
            ],
            SearchResult::Investor(i) => vec![("name", &i.name), ("thesis", &i.thesis)],
            SearchResult::Mentor(m) => vec![
                ("name", &m.name),
                ("headline", &m.headline),
                ("bio", &m.bio),
            ],
            SearchResult::Organization(o) => {
                vec![("name", &o.name), ("description", &o.description)]
            }
            SearchResult::Event(e) => vec![("title", &e.title), ("description", &e.description)],
            SearchResult::Programme(p) => vec![
                ("name", &p.name),
                ("description", &p.description),
                ("descriptionEn", &p.description_en),
            ],
        }
    }
}

/// Where a search's words occur in a result.
#[derive(Debug, Clone, SimpleObject)]
pub struct Highlight {
    /// The field, by its GraphQL name: `name`, `tagline`, `description`,
    /// `descriptionEn`, `thesis`, `headline`, `bio` or `title`.
    pub field: String,
    /// The best passage of the field (up to 160 characters), HTML-escaped,
    /// with the matching words in `<b>…</b>`.
    pub snippet: String,
}

/// One search result.
pub struct SearchEdge {
    cursor: String,
    node: SearchResult,
    score: f32,
    highlighter: Arc<Highlighter>,
}

/// One search result: the object, how well it matches, and where.
#[Object]
impl SearchEdge {
    /// A cursor for `after`.
    async fn cursor(&self) -> &str {
        &self.cursor
    }

    /// The object found.
    async fn node(&self) -> &SearchResult {
        &self.node
    }

    /// How well it matches (higher is better; comparable within one search
    /// only).
    async fn score(&self) -> f64 {
        f64::from(self.score)
    }

    /// The fields where the search's words occur, with a snippet each.
    async fn highlights(&self) -> Vec<Highlight> {
        self.node
            .texts()
            .into_iter()
            .filter_map(|(field, text)| {
                self.highlighter.snippet(text).map(|snippet| Highlight {
                    field: field.to_string(),
                    snippet,
                })
            })
            .collect()
    }
}

/// How many results have one value of a facet.
#[derive(Debug, Clone, SimpleObject)]
pub struct FacetCount {
    /// The value: a `SearchType`, sector key, `Stage`, province key or
    /// `Topic`.
    pub value: String,
    /// How many results have it.
    pub count: i64,
}

/// Result counts per value, over all results (not only the page), most
/// first.
#[derive(Debug, Clone, Default, SimpleObject)]
pub struct SearchFacets {
    /// Per type of object (`STARTUP`, `INVESTOR`, ...).
    pub types: Vec<FacetCount>,
    /// Per sector key.
    pub sectors: Vec<FacetCount>,
    /// Per stage.
    pub stages: Vec<FacetCount>,
    /// Per province key.
    pub provinces: Vec<FacetCount>,
    /// Per mentorship topic.
    pub topics: Vec<FacetCount>,
}

/// A page of search results, best first.
#[derive(SimpleObject)]
pub struct SearchConnection {
    /// The results of this page.
    pub edges: Vec<SearchEdge>,
    /// Paging information.
    pub page_info: PageInfo,
    /// How many objects match in all (counted only when asked for).
    pub total_count: i64,
    /// Counts per type, sector, stage, province and topic over all matches.
    pub facets: SearchFacets,
}

/// An autocomplete entry.
#[derive(SimpleObject)]
pub struct SearchSuggestion {
    /// The name (or an event's title) to show.
    pub text: String,
    /// The object.
    pub node: SearchResult,
}

/// Search over startups, investors, mentors, organisations and events.
#[derive(Default)]
pub struct SearchQuery;

#[Object]
impl SearchQuery {
    /// Searches names, taglines and long texts of every kind of object.
    ///
    /// Words match with or without diacritics ("khoi nghiep" finds "khởi
    /// nghiệp" and the reverse); words typed with diacritics rank the same
    /// diacritics first. Every word must match. `"quoted words"` must occur
    /// together, in order. The last word also matches as a prefix while it
    /// is being typed (no space after it), and words of five or more letters
    /// tolerate one typo. Names weigh more than taglines, and taglines more
    /// than long texts.
    #[graphql(complexity = "super::connection::page_cost(first, None) * child_complexity")]
    async fn search(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "What to look for (up to 256 characters).",
            validator(max_length = 256)
        )]
        query: String,
        #[graphql(desc = "Only these kinds of object (all when absent or empty).")] types: Option<
            Vec<SearchType>,
        >,
        #[graphql(desc = "Narrows the results.")] filter: Option<SearchFilter>,
        #[graphql(desc = "Returns the first n results (1 to 100, default 10).")] first: Option<i32>,
        #[graphql(desc = "Returns the results after this cursor (up to the 10,000th).")]
        after: Option<String>,
    ) -> Result<SearchConnection> {
        let limit = first.unwrap_or(DEFAULT_SEARCH_PAGE);
        if !(1..=super::connection::MAX_PAGE_SIZE).contains(&limit) {
            return Err(Error::BadUserInput("`first` must be between 1 and 100".into()).into());
        }
        let offset = match after {
            Some(cursor) => decode_cursor(&cursor)? + 1,
            None => 0,
        };
        let limit = (limit as usize).min(MAX_SEARCH_DEPTH.saturating_sub(offset));
        let look = ctx.look_ahead();
        let facets = look.field("facets").exists();
        let count = look.field("totalCount").exists();
        let highlighter = Arc::new(Highlighter::new(&query));
        let mut hits = run(
            ctx,
            IndexQuery {
                text: query,
                kinds: kinds(types),
                filter: filter.unwrap_or_default().into_index(),
                limit: limit.max(1),
                offset,
                facets,
                count,
            },
        )
        .await?;
        // Past the deepest page: no results, but the count and facets.
        hits.hits.truncate(limit);
        let has_next_page = hits.more && offset + limit < MAX_SEARCH_DEPTH;
        let scores: Vec<(usize, f32)> = hits
            .hits
            .iter()
            .enumerate()
            .map(|(n, h)| (offset + n, h.score))
            .collect();
        let nodes = load(ctx, &hits.hits).await?;
        let edges: Vec<SearchEdge> = nodes
            .into_iter()
            .zip(scores)
            .filter_map(|(node, (position, score))| {
                node.map(|node| SearchEdge {
                    cursor: encode_cursor(position),
                    node,
                    score,
                    highlighter: Arc::clone(&highlighter),
                })
            })
            .collect();
        Ok(SearchConnection {
            page_info: PageInfo {
                has_next_page,
                has_previous_page: offset > 0,
                start_cursor: edges.first().map(|e| e.cursor.clone()),
                end_cursor: edges.last().map(|e| e.cursor.clone()),
            },
            edges,
            total_count: hits.total as i64,
            facets: hits.facets.map(facet_counts).unwrap_or_default(),
        })
    }

    /// Names (and event titles) for autocomplete: every word typed must
    /// start a word of the name, with or without diacritics; best first.
    async fn search_suggestions(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What has been typed so far.", validator(max_length = 256))]
        prefix: String,
        #[graphql(desc = "How many suggestions (1 to 20, default 8).")] first: Option<i32>,
    ) -> Result<Vec<SearchSuggestion>> {
        let limit = first.unwrap_or(8);
        if !(1..=20).contains(&limit) {
            return Err(Error::BadUserInput("`first` must be between 1 and 20".into()).into());
        }
        let search = ready(ctx)?;
        let index = Arc::clone(search);
        let hits = tokio::task::spawn_blocking(move || index.suggest(&prefix, limit as usize))
            .await
            .map_err(crate::search::SearchError::from)??;
        let nodes = load(ctx, &hits).await?;
        Ok(nodes
            .into_iter()
            .flatten()
            .map(|node| SearchSuggestion {
                text: node.texts()[0].1.to_string(),
                node,
            })
            .collect())
    }
}

fn kinds(types: Option<Vec<SearchType>>) -> Vec<DocKind> {
    types
        .unwrap_or_default()
        .into_iter()
        .map(DocKind::from)
        .collect()
}

/// The index, once it has caught up with the database after start-up.
fn ready<'a>(ctx: &'a Context<'_>) -> Result<&'a Arc<SearchIndex>, Error> {
    let app = ctx.data_unchecked::<App>();
    if app.index_is_ready() {
        Ok(&app.index)
    } else {
        Err(Error::Unavailable(
            "the search index is being built; retry in a moment".into(),
        ))
    }
}

/// Runs an index search off the async threads.
async fn run(ctx: &Context<'_>, query: IndexQuery) -> Result<Hits, Error> {
    let index = Arc::clone(ready(ctx)?);
    let hits = tokio::task::spawn_blocking(move || index.search(&query))
        .await
        .map_err(crate::search::SearchError::from)??;
    Ok(hits)
}

/// The objects of hits, in their order; `None` for one deleted since.
async fn load(ctx: &Context<'_>, hits: &[Hit]) -> Result<Vec<Option<SearchResult>>, Error> {
    let ids = |kind: DocKind| -> Vec<i64> {
        hits.iter()
            .filter(|h| h.kind == kind)
            .map(|h| h.id)
            .collect()
    };
    let startups = loaders::many(
        ctx,
        ids(DocKind::Startup).into_iter().map(StartupId).collect(),
    )
    .await?;
    let investors = loaders::many(
        ctx,
        ids(DocKind::Investor).into_iter().map(InvestorId).collect(),
    )
    .await?;
    let mentors = loaders::many(
        ctx,
        ids(DocKind::Mentor).into_iter().map(MentorId).collect(),
    )
    .await?;
    let organizations = loaders::many(
        ctx,
        ids(DocKind::Organization)
            .into_iter()
            .map(OrganizationId)
            .collect(),
    )
    .await?;
    let events = loaders::many(ctx, ids(DocKind::Event).into_iter().map(EventId).collect()).await?;
    let programmes = loaders::many(
        ctx,
        ids(DocKind::Programme)
            .into_iter()
            .map(loaders::ProgrammeId)
            .collect(),
    )
    .await?;
    let mut found: std::collections::HashMap<(DocKind, i64), SearchResult> =
        std::collections::HashMap::new();
    found.extend(
        startups
            .into_iter()
            .map(|x| ((DocKind::Startup, x.id), SearchResult::Startup(x))),
    );
    found.extend(
        investors
            .into_iter()
            .map(|x| ((DocKind::Investor, x.id), SearchResult::Investor(x))),
    );
    found.extend(
        mentors
            .into_iter()
            .map(|x| ((DocKind::Mentor, x.id), SearchResult::Mentor(x))),
    );
    found.extend(
        organizations
            .into_iter()
            .map(|x| ((DocKind::Organization, x.id), SearchResult::Organization(x))),
    );
    found.extend(
        events
            .into_iter()
            .map(|x| ((DocKind::Event, x.id), SearchResult::Event(x))),
    );
    found.extend(
        programmes
            .into_iter()
            .map(|x| ((DocKind::Programme, x.id), SearchResult::Programme(x))),
    );
    Ok(hits.iter().map(|h| found.remove(&(h.kind, h.id))).collect())
}

fn facet_counts(facets: crate::search::FacetCounts) -> SearchFacets {
    let mut out = SearchFacets::default();
    for (facet, values) in facets {
        let counts: Vec<FacetCount> = values
            .into_iter()
            .map(|(value, count)| FacetCount {
                value: if facet == Facet::Type {
                    value.to_uppercase()
                } else {
                    value
                },
                count: count as i64,
            })
            .collect();
        match facet {
            Facet::Type => out.types = counts,
            Facet::Sector => out.sectors = counts,
            Facet::Stage => out.stages = counts,
            Facet::Province => out.provinces = counts,
            Facet::Topic => out.topics = counts,
        }
    }
    out
}

fn encode_cursor(position: usize) -> String {
    URL_SAFE_NO_PAD.encode(format!("search:{position}"))
}

fn decode_cursor(cursor: &str) -> Result<usize, Error> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| s.strip_prefix("search:")?.parse::<usize>().ok())
        .filter(|p| *p < MAX_SEARCH_DEPTH)
        .ok_or_else(|| Error::BadUserInput("`after` is not a cursor of this search".into()))
}

/// The ids of objects of `kind` whose texts match `text`, best first, for a
/// list's `filter.query`; `None` (no narrowing) when `text` is absent or
/// blank, as an empty filter list does not narrow either.
pub(crate) async fn matching_ids(
    ctx: &Context<'_>,
    kind: DocKind,
    text: Option<String>,
) -> Result<Option<Vec<i64>>, Error> {
    let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
        return Ok(None);
    };
    if text.chars().count() > 256 {
        return Err(Error::BadUserInput(
            "`query` is longer than 256 characters".into(),
        ));
    }
    let hits = run(
        ctx,
        IndexQuery {
            text,
            kinds: vec![kind],
            limit: MAX_QUERY_MATCHES,
            ..IndexQuery::default()
        },
    )
    .await?;
    Ok(Some(hits.hits.into_iter().map(|h| h.id).collect()))
}
