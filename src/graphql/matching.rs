//! Recommendations in the API: `Startup.investorMatches`,
//! `Startup.mentorMatches`, `Investor.dealFlow`, `Mentor.suggestedStartups`,
//! and the `matchFeedback` and `assignMentors` mutations.
//!
//! Who sees what: a startup's matches are for its owner and the operator
//! (their reasons name the amount it is raising); an investor's deal flow
//! and a mentor's suggestions are for that profile's owner and the operator.

use std::collections::HashMap;
use std::sync::Arc;

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use super::account::{forbidden, require_viewer};
use super::connection::PageInfo;
use super::ids::{self, Kind};
use super::loaders::{self, InvestorId, MentorId, StartupId};
use super::mutation::{UserError, caller, payloads, user_errors};
use super::scope::Scope;
use crate::error::Error;
use crate::matching::engine::MAX_DEPTH;
use crate::matching::{Factor, Lang, Match, MatchFilter, MatchReason, Unassigned};
use crate::model::Field;
use crate::model::{
    FieldErrorCode, Investor, InvestorKind, MatchSide, MatchVerdict, Mentor, Recipient, Stage,
    Startup, Topic,
};
use crate::ops::feedback;

/// The most matches one list returns.
pub const MAX_MATCHES: i32 = 50;
/// The most startups one `assignMentors` cohort holds.
pub const MAX_COHORT: usize = 1_000;
/// The most mentors one `assignMentors` call chooses among.
pub const MAX_COHORT_MENTORS: usize = 1_000;

/// Why a recommendation scored as it did: one factor.
#[Object(name = "MatchReason")]
impl MatchReason {
    /// The factor.
    async fn factor(&self) -> Factor {
        self.factor
    }

    /// The factor's own score, 0 to 1 (for `POPULARITY`, the multiplier
    /// applied to the weighted mean).
    async fn score(&self) -> f64 {
        round(self.score)
    }

    /// The factor's weight in the weighted mean (0 for `POPULARITY`).
    async fn weight(&self) -> f64 {
        round(self.weight)
    }

    /// The reason in a sentence, in the language asked for.
    async fn explanation(&self) -> &str {
        &self.explanation
    }
}

fn round(x: f32) -> f64 {
    (f64::from(x) * 10_000.0).round() / 10_000.0
}

/// An investor recommended to a startup.
#[derive(SimpleObject)]
pub struct InvestorMatch {
    /// How well they fit, 0 to 1: the weighted mean of the factors' scores
    /// times the popularity dampening.
    pub score: f64,
    /// Every factor's part, the largest contribution first.
    pub reasons: Vec<MatchReason>,
    /// The investor.
    pub investor: Investor,
}

/// A mentor recommended to a startup.
#[derive(SimpleObject)]
pub struct MentorMatch {
    /// How well they fit, 0 to 1.
    pub score: f64,
    /// Every factor's part, the largest contribution first.
    pub reasons: Vec<MatchReason>,
    /// The mentor.
    pub mentor: Mentor,
}

/// A startup recommended to an investor or a mentor.
#[derive(SimpleObject)]
pub struct StartupMatch {
    /// How well it fits, 0 to 1.
    pub score: f64,
    /// Every factor's part, the largest contribution first.
    pub reasons: Vec<MatchReason>,
    /// The startup.
    pub startup: Startup,
}

/// One startup of a deal flow.
#[derive(SimpleObject)]
pub struct StartupMatchEdge {
    /// Where this edge is, for `after`.
    pub cursor: String,
    /// The match.
    pub node: StartupMatch,
}

/// An investor's deal flow: startups ranked for it, best first.
#[derive(SimpleObject)]
pub struct StartupMatchConnection {
    /// The matches of this page.
    pub edges: Vec<StartupMatchEdge>,
    /// Where this page is.
    pub page_info: PageInfo,
    /// How many startups fit at all (only the best 1,000 can be paged to).
    pub total_count: i64,
}

/// Narrows `investorMatches`.
#[derive(Debug, Clone, Default, InputObject)]
pub struct InvestorMatchFilter {
    /// Only these kinds of investor.
    #[graphql(validator(max_items = 10))]
    pub kinds: Option<Vec<InvestorKind>>,
    /// Only investors in any of these sectors (keys).
    #[graphql(validator(max_items = 100))]
    pub sectors: Option<Vec<String>>,
    /// Only investors investing in any of these provinces (keys); nationwide
    /// investors always do.
    #[graphql(validator(max_items = 100))]
    pub provinces: Option<Vec<String>>,
    /// Only matches scoring at least this (0 to 1).
    #[graphql(validator(minimum = 0, maximum = 1))]
    pub min_score: Option<f64>,
}

/// Narrows `mentorMatches`.
#[derive(Debug, Clone, Default, InputObject)]
pub struct MentorMatchFilter {
    /// Only mentors with any of these topics of expertise.
    #[graphql(validator(max_items = 20))]
    pub expertise: Option<Vec<Topic>>,
    /// Only mentors speaking any of these languages (ISO 639-1 codes).
    #[graphql(validator(max_items = 20))]
    pub languages: Option<Vec<String>>,
    /// Only mentors in any of these sectors (keys).
    #[graphql(validator(max_items = 100))]
    pub sectors: Option<Vec<String>>,
    /// Only mentors based in any of these provinces (keys).
    #[graphql(validator(max_items = 100))]
    pub provinces: Option<Vec<String>>,
    /// Only matches scoring at least this (0 to 1).
    #[graphql(validator(minimum = 0, maximum = 1))]
    pub min_score: Option<f64>,
}

/// Narrows `dealFlow` and `suggestedStartups`.
#[derive(Debug, Clone, Default, InputObject)]
pub struct StartupMatchFilter {
    /// Only startups at these stages.
    #[graphql(validator(max_items = 10))]
    pub stages: Option<Vec<Stage>>,
    /// Only startups in any of these sectors (keys; default: the investor's
    /// or mentor's own sectors, plus the best text matches).
    #[graphql(validator(max_items = 100))]
    pub sectors: Option<Vec<String>>,
    /// Only startups based in any of these provinces (keys).
    #[graphql(validator(max_items = 100))]
    pub provinces: Option<Vec<String>>,
    /// Only matches scoring at least this (0 to 1).
    #[graphql(validator(minimum = 0, maximum = 1))]
    pub min_score: Option<f64>,
}

impl From<InvestorMatchFilter> for MatchFilter {
    fn from(f: InvestorMatchFilter) -> Self {
        MatchFilter {
            kinds: f.kinds.unwrap_or_default(),
            sectors: f.sectors.unwrap_or_default(),
            provinces: f.provinces.unwrap_or_default(),
            min_score: f.min_score.unwrap_or(0.0) as f32,
            ..MatchFilter::default()
        }
    }
}

impl From<MentorMatchFilter> for MatchFilter {
    fn from(f: MentorMatchFilter) -> Self {
        MatchFilter {
            expertise: f.expertise.unwrap_or_default(),
            languages: f.languages.unwrap_or_default(),
            sectors: f.sectors.unwrap_or_default(),
            provinces: f.provinces.unwrap_or_default(),
            min_score: f.min_score.unwrap_or(0.0) as f32,
            ..MatchFilter::default()
        }
    }
}

impl From<StartupMatchFilter> for MatchFilter {
    fn from(f: StartupMatchFilter) -> Self {
        MatchFilter {
            stages: f.stages.unwrap_or_default(),
            sectors: f.sectors.unwrap_or_default(),
            provinces: f.provinces.unwrap_or_default(),
            min_score: f.min_score.unwrap_or(0.0) as f32,
            ..MatchFilter::default()
        }
    }
}

/// The language explanations are written in: the `lang` argument, else the
/// request's `Accept-Language`, else Vietnamese.
pub(super) fn language(ctx: &Context<'_>, lang: Option<Lang>) -> Lang {
    lang.or_else(|| Scope::of(ctx).map(|s| s.lang))
        .unwrap_or_default()
}

fn check_first(first: i32, max: i32) -> Result<usize, Error> {
    if (1..=max).contains(&first) {
        Ok(first as usize)
    } else {
        Err(Error::BadUserInput(format!(
            "`first` must be between 1 and {max}"
        )))
    }
}

fn may_see(ctx: &Context<'_>, owner: Option<i64>, what: &str) -> Result<(), Error> {
    crate::ops::policy::may_see(super::account::viewer(ctx), owner, what)
}

/// The engine, once it has loaded the profiles after start-up.
pub(super) fn ready<'a>(ctx: &'a Context<'_>) -> Result<&'a Arc<crate::matching::Matching>, Error> {
    let app = ctx.data_unchecked::<crate::app::App>();
    if app.matching.is_ready() {
        Ok(&app.matching)
    } else {
        Err(Error::Unavailable(
            "the matching engine is loading; retry in a moment".into(),
        ))
    }
}

/// Runs an engine query off the async threads.
async fn engine<T: Send + 'static>(
    ctx: &Context<'_>,
    query: impl FnOnce(&crate::matching::Matching) -> Result<T, crate::matching::engine::MatchError>
    + Send
    + 'static,
) -> Result<T, Error> {
    let matching = Arc::clone(ready(ctx)?);
    Ok(tokio::task::spawn_blocking(move || query(&matching))
        .await
        .map_err(crate::search::SearchError::from)??)
}

fn gone() -> Error {
    Error::Unavailable("the profile is not in the matching engine yet; retry in a moment".into())
}

fn startup_text(s: &Startup) -> String {
    crate::matching::startup_text(&s.tagline, &s.description)
}

/// `Startup.investorMatches`.
pub async fn investor_matches(
    ctx: &Context<'_>,
    startup: &Startup,
    first: i32,
    filter: Option<InvestorMatchFilter>,
    lang: Option<Lang>,
) -> Result<Vec<InvestorMatch>, Error> {
    may_see(ctx, startup.owner_id, "investor matches")?;
    let limit = check_first(first, MAX_MATCHES)?;
    let lang = language(ctx, lang);
    let (id, text) = (startup.id, startup_text(startup));
    let filter: MatchFilter = filter.unwrap_or_default().into();
    let matches = engine(ctx, move |m| {
        m.investor_matches(id, &text, &filter, limit, lang)
    })
    .await?
    .ok_or_else(gone)?;
    let ids: Vec<InvestorId> = matches.iter().map(|m| InvestorId(m.id)).collect();
    let found = loaders::many(ctx, ids).await?;
    Ok(join(matches, found, |i| i.id)
        .map(|(m, investor)| InvestorMatch {
            score: round(m.score),
            reasons: m.reasons,
            investor,
        })
        .collect())
}

/// `Startup.mentorMatches`.
pub async fn mentor_matches(
    ctx: &Context<'_>,
    startup: &Startup,
    first: i32,
    filter: Option<MentorMatchFilter>,
    lang: Option<Lang>,
) -> Result<Vec<MentorMatch>, Error> {
    may_see(ctx, startup.owner_id, "mentor matches")?;
    let limit = check_first(first, MAX_MATCHES)?;
    let lang = language(ctx, lang);
    let (id, text) = (startup.id, startup_text(startup));
    let filter: MatchFilter = filter.unwrap_or_default().into();
    let matches = engine(ctx, move |m| {
        m.mentor_matches(id, &text, &filter, limit, lang)
    })
    .await?
    .ok_or_else(gone)?;
    let ids: Vec<MentorId> = matches.iter().map(|m| MentorId(m.id)).collect();
    let found = loaders::many(ctx, ids).await?;
    Ok(join(matches, found, |m| m.id)
        .map(|(m, mentor)| MentorMatch {
            score: round(m.score),
            reasons: m.reasons,
            mentor,
        })
        .collect())
}

/// Pairs matches with the objects loaded for them, dropping any deleted
/// in between.
fn join<T>(
    matches: Vec<Match>,
    found: Vec<T>,
    id: impl Fn(&T) -> i64,
) -> impl Iterator<Item = (Match, T)> {
    let mut by_id: HashMap<i64, T> = found.into_iter().map(|t| (id(&t), t)).collect();
    matches
        .into_iter()
        .filter_map(move |m| by_id.remove(&m.id).map(|t| (m, t)))
}

async fn startup_matches(
    ctx: &Context<'_>,
    matches: Vec<Match>,
) -> Result<Vec<StartupMatch>, Error> {
    let ids: Vec<StartupId> = matches.iter().map(|m| StartupId(m.id)).collect();
    let found = loaders::many(ctx, ids).await?;
    Ok(join(matches, found, |s| s.id)
        .map(|(m, startup)| StartupMatch {
            score: round(m.score),
            reasons: m.reasons,
            startup,
        })
        .collect())
}

fn encode_cursor(position: usize) -> String {
    URL_SAFE_NO_PAD.encode(format!("match:{position}"))
}

fn decode_cursor(cursor: &str) -> Result<usize, Error> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| s.strip_prefix("match:")?.parse::<usize>().ok())
        .filter(|p| *p < MAX_DEPTH)
        .ok_or_else(|| Error::BadUserInput("`after` is not a cursor of this list".into()))
}

/// `Investor.dealFlow`.
pub async fn deal_flow(
    ctx: &Context<'_>,
    investor: &Investor,
    first: i32,
    after: Option<String>,
    filter: Option<StartupMatchFilter>,
    lang: Option<Lang>,
) -> Result<StartupMatchConnection, Error> {
    may_see(ctx, investor.owner_id, "deal flow")?;
    let limit = check_first(first, 100)?;
    let offset = match after {
        Some(cursor) => decode_cursor(&cursor)? + 1,
        None => 0,
    };
    let limit = limit.min(MAX_DEPTH.saturating_sub(offset));
    let lang = language(ctx, lang);
    let (id, text) = (investor.id, investor.thesis.clone());
    let filter: MatchFilter = filter.unwrap_or_default().into();
    let (matches, more, total) = engine(ctx, move |m| {
        m.deal_flow(id, &text, &filter, offset, limit, lang)
    })
    .await?
    .ok_or_else(gone)?;
    let nodes = startup_matches(ctx, matches).await?;
    let edges: Vec<StartupMatchEdge> = nodes
        .into_iter()
        .enumerate()
        .map(|(i, node)| StartupMatchEdge {
            cursor: encode_cursor(offset + i),
            node,
        })
        .collect();
    Ok(StartupMatchConnection {
        page_info: PageInfo {
            has_next_page: more && offset + edges.len() < MAX_DEPTH,
            has_previous_page: offset > 0,
            start_cursor: edges.first().map(|e| e.cursor.clone()),
            end_cursor: edges.last().map(|e| e.cursor.clone()),
        },
        edges,
        total_count: total as i64,
    })
}

/// `Mentor.suggestedStartups`.
pub async fn suggested_startups(
    ctx: &Context<'_>,
    mentor: &Mentor,
    first: i32,
    filter: Option<StartupMatchFilter>,
    lang: Option<Lang>,
) -> Result<Vec<StartupMatch>, Error> {
    may_see(ctx, mentor.owner_id, "suggested startups")?;
    let limit = check_first(first, MAX_MATCHES)?;
    let lang = language(ctx, lang);
    let (id, text) = (
        mentor.id,
        crate::matching::mentor_text(&mentor.headline, &mentor.bio),
    );
    let filter: MatchFilter = filter.unwrap_or_default().into();
    let matches = engine(ctx, move |m| {
        m.suggested_startups(id, &text, &filter, limit, lang)
    })
    .await?
    .ok_or_else(gone)?;
    startup_matches(ctx, matches).await
}

/// A verdict on a recommendation.
#[derive(InputObject)]
pub struct MatchFeedbackInput {
    /// The startup of the pair.
    pub startup: ID,
    /// The investor of the pair (give this or `mentor`).
    pub investor: Option<ID>,
    /// The mentor of the pair (give this or `investor`).
    pub mentor: Option<ID>,
    /// What the user thinks of it.
    pub verdict: MatchVerdict,
    /// Whose list it is about: the startup's (`STARTUP`) or the investor's
    /// or mentor's (`COUNTERPART`). By default the side the viewer owns,
    /// the startup's when they own both (and for the operator).
    pub side: Option<MatchSide>,
}

/// The verdict as recorded.
#[derive(SimpleObject)]
pub struct MatchFeedbackRecord {
    /// The startup.
    pub startup: Startup,
    /// The investor (null for a mentor).
    pub investor: Option<Investor>,
    /// The mentor (null for an investor).
    pub mentor: Option<Mentor>,
    /// Whose list it is about.
    pub side: MatchSide,
    /// The verdict.
    pub verdict: MatchVerdict,
}

payloads! {
    /// The result of `matchFeedback`.
    MatchFeedbackPayload {
        /// The verdict recorded; null when there are user errors.
        feedback: MatchFeedbackRecord
    }
}

/// Assigns mentors to a cohort.
#[derive(InputObject)]
pub struct AssignMentorsInput {
    /// The cohort's startups (1 to 1,000).
    pub startups: Vec<ID>,
    /// The mentors to choose among (at most 1,000); default: for each
    /// startup, its 50 best-fitting mentors with places left.
    pub mentors: Option<Vec<ID>>,
    /// How many mentors each startup gets at most (1 to 5; default 1).
    pub per_startup: Option<i32>,
}

/// A startup and the mentor assigned to it.
#[derive(SimpleObject)]
pub struct MentorAssignment {
    /// The startup.
    pub startup: Startup,
    /// The mentor, with the score and reasons of the pair.
    pub r#match: MentorMatch,
}

/// A startup of the cohort left without a mentor.
#[derive(SimpleObject)]
pub struct UnassignedStartup {
    /// The startup's ID as given.
    pub startup_id: ID,
    /// Why.
    pub reason: Unassigned,
}

/// The result of `assignMentors`.
#[derive(SimpleObject, Default)]
pub struct AssignMentorsPayload {
    /// The pairs, by startup in the order given, the best mentor first.
    pub assignments: Vec<MentorAssignment>,
    /// Startups left without a mentor, and why.
    pub unassigned: Vec<UnassignedStartup>,
    /// The sum of the pairs' scores: the greatest any assignment within
    /// the mentors' places reaches.
    pub total_score: f64,
    /// What the user must fix.
    pub user_errors: Vec<UserError>,
}

/// Matchmaking mutations.
#[derive(Default)]
pub struct MatchingMutation;

#[Object]
impl MatchingMutation {
    /// Records what the viewer thinks of a recommendation. `NOT_RELEVANT`
    /// removes the pair from that list and lowers similar profiles;
    /// `RELEVANT` and `CONTACTED` raise similar ones (and the pair itself).
    /// A new verdict on the same pair and side replaces the old one; the
    /// lists change within about a second.
    async fn match_feedback(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The pair, the verdict and whose list it is about.")]
        input: MatchFeedbackInput,
    ) -> Result<MatchFeedbackPayload> {
        let (counterpart, field) = match (&input.investor, &input.mentor) {
            (Some(id), None) => (
                ids::of_kind(id, Kind::Investor).map(Recipient::Investor),
                Field::Investor,
            ),
            (None, Some(id)) => (
                ids::of_kind(id, Kind::Mentor).map(Recipient::Mentor),
                Field::Mentor,
            ),
            _ => {
                return Ok(MatchFeedbackPayload::refused_on(
                    "investor",
                    FieldErrorCode::Invalid,
                    "give exactly one of `investor` and `mentor`",
                ));
            }
        };
        let startup = ids::of_kind(&input.startup, Kind::Startup);
        let given = feedback::give(
            &caller(ctx),
            startup,
            counterpart,
            field,
            input.side,
            input.verdict,
        )
        .await?;
        let side = match given {
            Ok(side) => side,
            Err(problems) => {
                return Ok(MatchFeedbackPayload::refused(user_errors(problems)));
            }
        };
        let startup = match startup {
            Some(id) => loaders::one(ctx, StartupId(id)).await?,
            None => None,
        };
        let (investor, mentor) = match counterpart {
            Some(Recipient::Investor(id)) => (loaders::one(ctx, InvestorId(id)).await?, None),
            Some(Recipient::Mentor(id)) => (None, loaders::one(ctx, MentorId(id)).await?),
            None => (None, None),
        };
        Ok(MatchFeedbackPayload::done(startup.map(|startup| {
            MatchFeedbackRecord {
                startup,
                investor,
                mentor,
                side,
                verdict: input.verdict,
            }
        })))
    }

    /// Assigns mentors to a cohort of startups (operator only): each
    /// startup gets up to `perStartup` mentors, no mentor more startups
    /// than the places they have left, and the total match score is the
    /// greatest possible (min-cost flow, not greedy). Nothing is stored:
    /// a programme's managers store the pairs for a call's cohort with
    /// `confirmMentorships`.
    async fn assign_mentors(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The cohort, the mentors to choose among, and how many each gets.")]
        input: AssignMentorsInput,
        #[graphql(
            desc = "The language of the explanations (default: `Accept-Language`, else Vietnamese)."
        )]
        lang: Option<Lang>,
    ) -> Result<AssignMentorsPayload> {
        let viewer = require_viewer(ctx)?;
        if !viewer.is_admin() {
            return Err(forbidden("only the operator (ADMIN) assigns mentors to a cohort").into());
        }
        let refused = |field: &str, code: FieldErrorCode, message: String| AssignMentorsPayload {
            user_errors: vec![UserError::new(Some(field), code, message)],
            ..Default::default()
        };
        if input.startups.is_empty() || input.startups.len() > MAX_COHORT {
            return Ok(refused(
                "startups",
                FieldErrorCode::OutOfRange,
                format!("give 1 to {MAX_COHORT} startups"),
            ));
        }
        let per_startup = input.per_startup.unwrap_or(1);
        if !(1..=5).contains(&per_startup) {
            return Ok(refused(
                "perStartup",
                FieldErrorCode::OutOfRange,
                "must be between 1 and 5".into(),
            ));
        }
        let mut startup_ids = Vec::with_capacity(input.startups.len());
        for id in &input.startups {
            match ids::of_kind(id, Kind::Startup) {
                Some(s) if !startup_ids.contains(&s) => startup_ids.push(s),
                Some(_) => {}
                None => {
                    return Ok(refused(
                        "startups",
                        FieldErrorCode::UnknownReference,
                        format!("`{}` is not a startup ID", id.as_str()),
                    ));
                }
            }
        }
        let mentor_ids = match &input.mentors {
            None => None,
            Some(list) if list.len() > MAX_COHORT_MENTORS => {
                return Ok(refused(
                    "mentors",
                    FieldErrorCode::OutOfRange,
                    format!("give at most {MAX_COHORT_MENTORS} mentors"),
                ));
            }
            Some(list) => {
                let mut out = Vec::with_capacity(list.len());
                for id in list {
                    match ids::of_kind(id, Kind::Mentor) {
                        Some(m) => out.push(m),
                        None => {
                            return Ok(refused(
                                "mentors",
                                FieldErrorCode::UnknownReference,
                                format!("`{}` is not a mentor ID", id.as_str()),
                            ));
                        }
                    }
                }
                Some(out)
            }
        };
        let startups =
            loaders::many(ctx, startup_ids.iter().map(|s| StartupId(*s)).collect()).await?;
        let texts: HashMap<i64, String> =
            startups.iter().map(|s| (s.id, startup_text(s))).collect();
        let by_id: HashMap<i64, Startup> = startups.into_iter().map(|s| (s.id, s)).collect();
        let lang = language(ctx, lang);
        let cohort = startup_ids.clone();
        let result = engine(ctx, move |m| {
            m.assign_mentors(
                &cohort,
                &texts,
                mentor_ids.as_deref(),
                per_startup as u32,
                lang,
            )
        })
        .await?;
        let mentors = loaders::many(
            ctx,
            result.pairs.iter().map(|(_, m)| MentorId(m.id)).collect(),
        )
        .await?;
        let mentors: HashMap<i64, Mentor> = mentors.into_iter().map(|m| (m.id, m)).collect();
        let mut assignments = Vec::with_capacity(result.pairs.len());
        for (startup_id, m) in result.pairs {
            let (Some(startup), Some(mentor)) = (by_id.get(&startup_id), mentors.get(&m.id)) else {
                continue;
            };
            assignments.push(MentorAssignment {
                startup: startup.clone(),
                r#match: MentorMatch {
                    score: round(m.score),
                    reasons: m.reasons,
                    mentor: mentor.clone(),
                },
            });
        }
        let unassigned = result
            .unassigned
            .into_iter()
            .map(|(id, reason)| UnassignedStartup {
                startup_id: ids::encode(Kind::Startup, id),
                reason,
            })
            .collect();
        Ok(AssignMentorsPayload {
            assignments,
            unassigned,
            total_score: round(result.total),
            user_errors: vec![],
        })
    }
}
