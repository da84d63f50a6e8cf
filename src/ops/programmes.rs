//! Applications to calls: who may apply and move them, what must hold at
//! each move, and who sees them.
//!
//! A startup's owner writes a draft and submits it while the call is open
//! and the startup meets every rule of the call (checked again on submit,
//! since the profile may have changed since the draft); the applicant may
//! withdraw until a decision. The programme's managers (the users of the
//! organisation that runs it, and the operator) screen, shortlist, accept
//! and reject. A move is judged from the status read and happens only if
//! the application still stands there, so of two reviewers moving one
//! application at once, one wins and the other is told where it stands.
//! To anyone else an application does not exist.

use chrono::{DateTime, Utc};

use super::profiles::owner_of;
use super::{Caller, Outcome, Participant, Problems, policy, refuse};
use crate::error::Error;
use crate::model::{
    Application, ApplicationStatus, Call, CallReason, Checker, Field, FieldError, FieldErrorCode,
    MAX_ANSWER_CHARS, MAX_REASON_CHARS, Mover, Named, Review, RuleVerdict, Startup, Vocabulary,
    call_fit, check_eligibility,
};
use crate::store::{
    ApplicationMove, ApplicationRefusal, CallFilter, ListQuery, MentorshipRefusal, PageQuery,
    SortColumn, Store, StoreError, Table,
};

/// What a viewer may do with an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Access {
    /// The applying startup's owner (or the operator).
    pub applicant: bool,
    /// A manager of the call's programme (or the operator).
    pub manager: bool,
    /// A reviewer the managers gave it to.
    pub reviewer: bool,
}

impl Access {
    /// Whether the viewer sees the application at all: its applicant, and
    /// its programme's managers and reviewers once it has been submitted.
    pub fn sees(self, application: &Application) -> bool {
        self.applicant
            || ((self.manager || self.reviewer) && application.status != ApplicationStatus::Draft)
    }

    /// Which of an application's reviews the viewer sees: managers all;
    /// a reviewer their own, and the others' once the application is
    /// decided; the applicant none (reviewers' notes never reach it).
    pub fn reviews(
        self,
        application: &Application,
        viewer: i64,
        reviews: Vec<Review>,
    ) -> Vec<Review> {
        let decided = matches!(
            application.status,
            ApplicationStatus::Accepted | ApplicationStatus::Rejected
        );
        reviews
            .into_iter()
            .filter(|r| self.manager || (self.reviewer && (decided || r.reviewer_id == viewer)))
            .collect()
    }
}

/// The statuses in which reviewers score: after submission, before the
/// decision.
const SCORING: [ApplicationStatus; 3] = [
    ApplicationStatus::Submitted,
    ApplicationStatus::Screening,
    ApplicationStatus::Shortlisted,
];

/// The most reviewers one application is given.
pub const MAX_REVIEWERS: usize = 10;

/// The user who manages a programme: the user its organisation is
/// delegated to (none: the operator alone).
pub async fn programme_manager(store: &Store, programme: i64) -> Result<Option<i64>, StoreError> {
    Ok(owner_of(store, Table::Programmes, programme)
        .await?
        .flatten())
}

/// Whether the viewer manages the programme (or is the operator).
pub async fn manages(c: &Caller<'_>, programme: i64) -> Result<bool, Error> {
    let Some(viewer) = c.viewer else {
        return Ok(false);
    };
    Ok(viewer.is_admin() || viewer.owns(programme_manager(c.store, programme).await?))
}

/// What the viewer may do with an application to `call`.
pub async fn access(
    c: &Caller<'_>,
    application: &Application,
    call: &Call,
) -> Result<Access, Error> {
    let Some(viewer) = c.viewer else {
        return Ok(Access::default());
    };
    let owner = super::owner_of(c.store, Participant::Startup(application.startup_id))
        .await?
        .flatten();
    let reviews = c.store.reviews_of(&[application.id]).await?;
    Ok(Access {
        applicant: viewer.may_change(owner),
        manager: manages(c, call.programme_id).await?,
        reviewer: reviews.iter().any(|r| r.reviewer_id == viewer.user.id),
    })
}

/// Each of the call's rules judged for the startup now, explained in both
/// languages (see [`check_eligibility`]).
pub async fn eligibility(
    c: &Caller<'_>,
    call: &Call,
    startup: &Startup,
) -> Result<Vec<RuleVerdict>, Error> {
    eligibility_at(c.store, call, startup, c.clock.now()).await
}

async fn eligibility_at(
    store: &Store,
    call: &Call,
    startup: &Startup,
    now: DateTime<Utc>,
) -> Result<Vec<RuleVerdict>, Error> {
    let mut sector_ids = call.rules.sector_ids.clone();
    sector_ids.extend(&startup.sector_ids);
    let mut province_ids = call.rules.province_ids.clone();
    province_ids.extend(startup.province_id);
    let sectors: Vec<Named> = (store.sectors_by_ids(&sector_ids).await?.into_iter())
        .map(|s| Named {
            id: s.id,
            vi: s.name,
            en: s.name_en,
        })
        .collect();
    let provinces: Vec<Named> = (store.provinces_by_ids(&province_ids).await?.into_iter())
        .map(|p| Named {
            id: p.id,
            en: deunicode::deunicode(&p.name),
            vi: p.name,
        })
        .collect();
    Ok(check_eligibility(call, startup, &sectors, &provinces, now))
}

/// The rules a startup fails, as problems on `field` (none: eligible).
fn failed(verdicts: &[RuleVerdict], field: Field) -> Problems {
    verdicts
        .iter()
        .filter(|v| !v.passed)
        .map(|v| {
            let code = if v.rule == crate::model::EligibilityRule::Open {
                FieldErrorCode::Closed
            } else {
                FieldErrorCode::Ineligible
            };
            FieldError::new(field, code, format!("{} ({})", v.en, v.vi))
        })
        .collect()
}

fn check_answers(call: &Call, answers: &[String], complete: bool) -> Result<(), Problems> {
    let mut check = Checker::default();
    if answers.len() > call.questions.len() {
        check.push(
            Field::Answers,
            FieldErrorCode::OutOfRange,
            format!(
                "the call asks {} questions; got {} answers",
                call.questions.len(),
                answers.len()
            ),
        );
    }
    for a in answers {
        check.max_len(Field::Answers, a, MAX_ANSWER_CHARS);
    }
    if complete {
        let unanswered = (0..call.questions.len())
            .filter(|i| answers.get(*i).is_none_or(|a| a.trim().is_empty()))
            .count();
        if unanswered > 0 {
            check.push(
                Field::Answers,
                FieldErrorCode::Required,
                format!("{unanswered} of the call's questions have no answer"),
            );
        }
    }
    check.finish()
}

fn refusal<T>(r: ApplicationRefusal) -> Outcome<T> {
    match r {
        ApplicationRefusal::NotFound => no_application(),
        ApplicationRefusal::AlreadyApplied(status) => refuse(
            Field::Call,
            FieldErrorCode::Taken,
            format!("this startup has applied to this call already (its application is {status})"),
        ),
        ApplicationRefusal::Stale(status) => refuse(
            Field::Status,
            FieldErrorCode::Stale,
            format!("the application was moved meanwhile: it is {status} now"),
        ),
        ApplicationRefusal::Full(places) => refuse(
            Field::Status,
            FieldErrorCode::Full,
            format!("all {places} places of the call's cohort are taken"),
        ),
    }
}

fn no_application<T>() -> Outcome<T> {
    refuse(
        Field::Id,
        FieldErrorCode::UnknownReference,
        "there is no application with this ID",
    )
}

/// Starts the application of `startup` (the viewer's own) to `call`, as a
/// draft: while the call has not closed, and only for a startup that meets
/// the call's rules.
pub async fn apply(
    c: &Caller<'_>,
    call: Option<i64>,
    startup: Option<i64>,
    answers: Vec<String>,
) -> Outcome<Application> {
    let viewer = policy::signed_in(c.viewer)?;
    let found = match startup {
        Some(id) => c.store.startups_by_ids(&[id]).await?.pop(),
        None => None,
    };
    let Some(startup) = found else {
        return refuse(
            Field::Startup,
            FieldErrorCode::UnknownReference,
            "there is no startup with this ID",
        );
    };
    if !viewer.may_change(startup.owner_id) {
        return Err(policy::forbidden(
            "only the startup's owner may apply on its behalf",
        ));
    }
    let found = match call {
        Some(id) => c.store.calls_by_ids(&[id]).await?.pop(),
        None => None,
    };
    let Some(call) = found else {
        return refuse(
            Field::Call,
            FieldErrorCode::UnknownReference,
            "there is no call with this ID",
        );
    };
    let now = c.clock.now();
    if now >= call.closes_at {
        let verdicts = eligibility_at(c.store, &call, &startup, now).await?;
        return Ok(Err(failed(&verdicts[..1], Field::Call)));
    }
    let verdicts = eligibility_at(c.store, &call, &startup, now).await?;
    // A draft may be written before the call opens.
    let problems = failed(&verdicts[1..], Field::Startup);
    if !problems.is_empty() {
        return Ok(Err(problems));
    }
    if let Err(problems) = check_answers(&call, &answers, false) {
        return Ok(Err(problems));
    }
    match (c.store)
        .create_application(call.id, startup.id, &answers, Some(viewer.user.id), now)
        .await?
    {
        Ok(application) => Ok(Ok(application)),
        Err(r) => refusal(r),
    }
}

/// An application with its call, if the viewer sees it; else a refusal.
async fn visible(
    c: &Caller<'_>,
    id: Option<i64>,
) -> Result<Option<(Application, Call, Access)>, Error> {
    policy::signed_in(c.viewer)?;
    let Some(application) = (match id {
        Some(id) => c.store.applications_by_ids(&[id]).await?.pop(),
        None => None,
    }) else {
        return Ok(None);
    };
    let Some(call) = c.store.calls_by_ids(&[application.call_id]).await?.pop() else {
        return Ok(None);
    };
    let access = access(c, &application, &call).await?;
    Ok(access
        .sees(&application)
        .then_some((application, call, access)))
}

/// Replaces a draft's answers (its applicant).
pub async fn answer(c: &Caller<'_>, id: Option<i64>, answers: Vec<String>) -> Outcome<Application> {
    let Some((application, call, access)) = visible(c, id).await? else {
        return no_application();
    };
    if !access.applicant {
        return Err(policy::forbidden(
            "only the applicant may change its answers",
        ));
    }
    if application.status != ApplicationStatus::Draft {
        return refuse(
            Field::Answers,
            FieldErrorCode::NotAllowed,
            format!(
                "answers can be changed only in a draft; this application is {}",
                application.status
            ),
        );
    }
    if let Err(problems) = check_answers(&call, &answers, false) {
        return Ok(Err(problems));
    }
    match (c.store)
        .set_application_answers(application.id, &answers, c.clock.now())
        .await?
    {
        Ok(application) => Ok(Ok(application)),
        Err(r) => refusal(r),
    }
}

/// Moves an application to `to`: submitting and withdrawing are the
/// applicant's, the rest the programme managers'. Submitting needs the
/// call open, every rule met and every question answered.
pub async fn move_to(
    c: &Caller<'_>,
    id: Option<i64>,
    to: ApplicationStatus,
    reason: Option<&str>,
) -> Outcome<Application> {
    let Some((application, call, access)) = visible(c, id).await? else {
        return no_application();
    };
    let viewer = policy::signed_in(c.viewer)?;
    match to.mover() {
        Mover::Applicant if !access.applicant => {
            return Err(policy::forbidden(
                "only the applicant may submit or withdraw an application",
            ));
        }
        Mover::Manager if !access.manager => {
            return Err(policy::forbidden(
                "only the programme's managers may screen, shortlist, accept or reject",
            ));
        }
        _ => {}
    }
    let from = application.status;
    if !from.may_move_to(to) {
        let next: Vec<&str> = from.next().iter().map(|s| s.as_str()).collect();
        let allowed = if next.is_empty() {
            "nothing: it is final".to_string()
        } else {
            next.join(", ")
        };
        return refuse(
            Field::Status,
            FieldErrorCode::NotAllowed,
            format!("an application that is {from} cannot become {to}; it may become {allowed}"),
        );
    }
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    let mut check = Checker::default();
    check.optional_text(Field::Reason, reason, MAX_REASON_CHARS);
    if let Err(problems) = check.finish() {
        return Ok(Err(problems));
    }
    if to == ApplicationStatus::Submitted {
        let Some(startup) = c
            .store
            .startups_by_ids(&[application.startup_id])
            .await?
            .pop()
        else {
            return no_application();
        };
        let verdicts = eligibility(c, &call, &startup).await?;
        let problems = failed(&verdicts, Field::Status);
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        if let Err(problems) = check_answers(&call, &application.answers, true) {
            return Ok(Err(problems));
        }
    }
    let m = ApplicationMove {
        id: application.id,
        call_id: call.id,
        from,
        to,
        actor: Some(viewer.user.id),
        reason,
        now: c.clock.now(),
    };
    match c.store.move_application(&m).await? {
        Ok(application) => Ok(Ok(application)),
        Err(r) => refusal(r),
    }
}

/// Gives an application to reviewers (the programme's managers): users,
/// at most [`MAX_REVIEWERS`]; those given it already keep their scores.
pub async fn assign_reviewers(
    c: &Caller<'_>,
    id: Option<i64>,
    reviewers: Vec<Option<i64>>,
) -> Outcome<Application> {
    let Some((application, _, access)) = visible(c, id).await? else {
        return no_application();
    };
    if !access.manager {
        return Err(policy::forbidden(
            "only the programme's managers give applications to reviewers",
        ));
    }
    if reviewers.is_empty() || reviewers.len() > MAX_REVIEWERS {
        return refuse(
            Field::Reviewers,
            FieldErrorCode::OutOfRange,
            format!("give 1 to {MAX_REVIEWERS} reviewers"),
        );
    }
    let ids: Vec<i64> = reviewers.iter().flatten().copied().collect();
    let found = c.store.users_by_ids(&ids).await?;
    if ids.len() < reviewers.len() || found.len() < ids.len() {
        return refuse(
            Field::Reviewers,
            FieldErrorCode::UnknownReference,
            "there is no user with one of these IDs",
        );
    }
    if !SCORING.contains(&application.status) {
        return refuse(
            Field::Id,
            FieldErrorCode::NotAllowed,
            format!(
                "an application that is {} is not reviewed",
                application.status
            ),
        );
    }
    c.store
        .assign_reviewers(application.id, &ids, c.clock.now())
        .await?;
    Ok(Ok(application))
}

/// Records the viewer's scores of an application given to them: one per
/// criterion of the call, each from 0 to its points, while the
/// application awaits its decision.
pub async fn score(
    c: &Caller<'_>,
    id: Option<i64>,
    scores: Vec<i32>,
    comment: Option<&str>,
) -> Outcome<Application> {
    let Some((application, call, access)) = visible(c, id).await? else {
        return no_application();
    };
    let viewer = policy::signed_in(c.viewer)?;
    if !access.reviewer {
        return Err(policy::forbidden(
            "only the reviewers given it score an application",
        ));
    }
    if !SCORING.contains(&application.status) {
        return refuse(
            Field::Scores,
            FieldErrorCode::NotAllowed,
            format!("scoring closed: the application is {}", application.status),
        );
    }
    let mut check = Checker::default();
    if scores.len() != call.criteria.len() {
        check.push(
            Field::Scores,
            FieldErrorCode::Invalid,
            format!(
                "give one score per criterion of the call: {} expected, {} given",
                call.criteria.len(),
                scores.len()
            ),
        );
    }
    for (k, points) in call.criteria.iter().zip(&scores) {
        if !(0..=k.max_points).contains(points) {
            check.push(
                Field::Scores,
                FieldErrorCode::OutOfRange,
                format!(
                    "`{}` is scored from 0 to {} (got {points})",
                    k.name, k.max_points
                ),
            );
        }
    }
    let comment = comment.map(str::trim).filter(|t| !t.is_empty());
    check.optional_text(Field::Reason, comment, MAX_REASON_CHARS);
    if let Err(problems) = check.finish() {
        return Ok(Err(problems));
    }
    let scored = (c.store)
        .score_application(
            application.id,
            viewer.user.id,
            &SCORING,
            &scores,
            comment,
            c.clock.now(),
        )
        .await?;
    if !scored {
        return refuse(
            Field::Scores,
            FieldErrorCode::Stale,
            "the application was decided meanwhile: scoring closed",
        );
    }
    Ok(Ok(application))
}

/// The applications given to a user to review, oldest first.
pub async fn to_review(store: &Store, user: i64) -> Result<Vec<Application>, Error> {
    let reviews = store.reviews_by(&[user]).await?;
    let ids: Vec<i64> = reviews.iter().map(|r| r.application_id).collect();
    let mut found = store.applications_by_ids(&ids).await?;
    found.sort_by_key(|a| ids.iter().position(|id| *id == a.id));
    Ok(found)
}

/// The reviews of an application the viewer sees (see [`Access::reviews`]).
pub async fn reviews(c: &Caller<'_>, application: &Application) -> Result<Vec<Review>, Error> {
    let Some(viewer) = c.viewer else {
        return Ok(vec![]);
    };
    let Some(call) = c.store.calls_by_ids(&[application.call_id]).await?.pop() else {
        return Ok(vec![]);
    };
    let access = access(c, application, &call).await?;
    let all = c.store.reviews_of(&[application.id]).await?;
    Ok(access.reviews(application, viewer.user.id, all))
}

/// The most pairs one confirmation takes (the largest cohort
/// `assignMentors` plans, at 5 mentors a startup).
pub const MAX_PAIRS: usize = 5_000;

/// Confirms mentors for a call's cohort (its programme's managers): each
/// pair `(startup, mentor)` becomes an accepted introduction of the call,
/// counted against the mentor's places; every startup must be in the
/// cohort and no mentor may pass their capacity, else nothing is written.
/// Returns how many pairs were new.
pub async fn confirm_mentorships(
    c: &Caller<'_>,
    call: Option<i64>,
    pairs: Vec<(Option<i64>, Option<i64>)>,
    message: Option<&str>,
) -> Outcome<usize> {
    let viewer = policy::signed_in(c.viewer)?;
    let Some(call) = (match call {
        Some(id) => c.store.calls_by_ids(&[id]).await?.pop(),
        None => None,
    }) else {
        return refuse(
            Field::Call,
            FieldErrorCode::UnknownReference,
            "there is no call with this ID",
        );
    };
    if !manages(c, call.programme_id).await? {
        return Err(policy::forbidden(
            "only the programme's managers confirm its cohort's mentors",
        ));
    }
    if pairs.is_empty() || pairs.len() > MAX_PAIRS {
        return refuse(
            Field::Mentor,
            FieldErrorCode::OutOfRange,
            format!("give 1 to {MAX_PAIRS} pairs"),
        );
    }
    let mut rows = Vec::with_capacity(pairs.len());
    for pair in pairs {
        match pair {
            (Some(s), Some(m)) if !rows.contains(&(s, m)) => rows.push((s, m)),
            (Some(_), Some(_)) => {}
            (None, _) => {
                return refuse(
                    Field::Startup,
                    FieldErrorCode::UnknownReference,
                    "one of the pairs names no startup",
                );
            }
            (_, None) => {
                return refuse(
                    Field::Mentor,
                    FieldErrorCode::UnknownReference,
                    "one of the pairs names no mentor",
                );
            }
        }
    }
    let message = message.map(str::trim).filter(|m| !m.is_empty());
    let mut check = Checker::default();
    check.optional_text(
        Field::Message,
        message,
        crate::model::MAX_INTRODUCTION_MESSAGE_CHARS,
    );
    if let Err(problems) = check.finish() {
        return Ok(Err(problems));
    }
    let message = message.map_or_else(|| format!("Cố vấn của {}", call.title), str::to_string);
    let done = (c.store)
        .confirm_mentorships(
            call.id,
            &rows,
            Some(viewer.user.id),
            &message,
            c.clock.now(),
        )
        .await?;
    match done {
        Ok(n) => Ok(Ok(n)),
        Err(MentorshipRefusal::NotInCohort(s)) => {
            let name = (c.store.startups_by_ids(&[s]).await?.pop()).map(|s| s.name);
            refuse(
                Field::Startup,
                FieldErrorCode::Invalid,
                format!("{} is not in the call's cohort", name.unwrap_or_default()),
            )
        }
        Err(MentorshipRefusal::UnknownMentor(_)) => refuse(
            Field::Mentor,
            FieldErrorCode::UnknownReference,
            "there is no mentor with one of these IDs",
        ),
        Err(MentorshipRefusal::Full { mentor, capacity }) => {
            let name = (c.store.mentors_by_ids(&[mentor]).await?.pop()).map(|m| m.name);
            refuse(
                Field::Mentor,
                FieldErrorCode::Full,
                format!(
                    "{} mentors at most {capacity} startups, and these pairs would pass that",
                    name.unwrap_or_default()
                ),
            )
        }
    }
}

/// The most open calls weighed for one startup.
const MAX_OPEN_CALLS: usize = 1_000;

/// The open calls a startup meets every rule of and has not applied to,
/// best fit first (see [`call_fit`]), at most `limit`: its owner and the
/// operator.
pub async fn recommended_calls(
    c: &Caller<'_>,
    startup: &Startup,
    limit: usize,
) -> Result<Vec<(Call, f32, Vec<CallReason>)>, Error> {
    policy::may_see(c.viewer, startup.owner_id, "recommendations")?;
    let now = c.clock.now();
    let query = ListQuery::Calls(CallFilter {
        open_at: Some(now),
        ..CallFilter::default()
    });
    let page = PageQuery {
        column: SortColumn::ClosesAt,
        descending: false,
        from_end: false,
        after: None,
        before: None,
        limit: MAX_OPEN_CALLS,
    };
    let ids: Vec<i64> = (c.store.list_ids(&query, &page).await?.items.iter())
        .map(|k| k.id)
        .collect();
    let applied: Vec<i64> = (c
        .store
        .applications_of_startups(&[startup.id])
        .await?
        .iter())
    .map(|a| a.call_id)
    .collect();
    let calls: Vec<Call> = (c.store.calls_by_ids(&ids).await?.into_iter())
        .filter(|call| !applied.contains(&call.id))
        .filter(|call| {
            check_eligibility(call, startup, &[], &[], now)
                .iter()
                .all(|v| v.passed)
        })
        .collect();
    let programme_ids: Vec<i64> = calls.iter().map(|c| c.programme_id).collect();
    let programmes = c.store.programmes_by_ids(&programme_ids).await?;
    let mut sector_ids: Vec<i64> = startup.sector_ids.clone();
    sector_ids.sort_unstable();
    let sectors: Vec<Named> = (c.store.sectors_by_ids(&sector_ids).await?.into_iter())
        .map(|s| Named {
            id: s.id,
            vi: s.name,
            en: s.name_en,
        })
        .collect();
    let mut ranked: Vec<(Call, f32, Vec<CallReason>)> = calls
        .into_iter()
        .filter_map(|call| {
            let programme = programmes.iter().find(|p| p.id == call.programme_id)?;
            let (score, reasons) = call_fit(&call, programme, startup, &sectors);
            Some((call, score, reasons))
        })
        .collect();
    // Best fit first; of equals, the one closing soonest.
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.closes_at.cmp(&b.0.closes_at)));
    ranked.truncate(limit);
    Ok(ranked)
}
