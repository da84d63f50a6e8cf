//! Plans and their reports, the operator's alone: each target's figure for
//! a year of the plan or its whole period, judged against the share of
//! the period gone by; an indicator as a series; the records behind a
//! figure.
//!
//! A target due every year (`per_year`) is judged, for a year, on that
//! year's figure; for the whole period, on the period's figure against the
//! yearly target times the years (a level, such as a percentage, against
//! the yearly target itself). A target for the whole period is judged,
//! for a year, on the figure from the plan's start to that year's end, as
//! of that year's end; for the whole period, on the period's figure as of
//! today.

use chrono::{Datelike, NaiveDate};

use super::{Caller, Outcome, policy, refuse};
use crate::error::Error;
use crate::model::{
    Accrual, Field, FieldErrorCode, Indicator, IndicatorEntry, IndicatorFilter, Judgement, Period,
    Plan, ReportDimension, TargetDraft, judge,
};
use crate::store::{IndicatorQuery, ReportFilter, Table};

/// The most contributors one page lists.
pub const MAX_CONTRIBUTORS: i64 = 500;
/// The longest period a series spans, in years.
pub const MAX_SERIES_YEARS: i32 = 30;

/// A target's figure for a report's window, and its judgement.
#[derive(Debug, Clone)]
pub struct TargetReport {
    pub target: TargetDraft,
    /// The days the figure covers.
    pub window: Period,
    /// The target for this window (at least, at most).
    pub due: (Option<f64>, Option<f64>),
    /// The figure; none for an entered figure not entered yet.
    pub actual: Option<f64>,
    pub judgement: Option<Judgement>,
    /// The value entered, for an entered figure.
    pub entry: Option<IndicatorEntry>,
    /// How the figure is computed (none for an entered figure).
    pub query: Option<IndicatorQuery>,
}

/// The plans, of a province (by key) or all, the latest first.
pub async fn plans(c: &Caller<'_>, province: Option<&str>) -> Result<Vec<Plan>, Error> {
    policy::operator(c.viewer)?;
    let province = match province {
        Some(key) => match c.store.id_by_slug(Table::Provinces, key).await? {
            Some(id) => Some(id),
            None => return Ok(vec![]),
        },
        None => None,
    };
    let ids = c.store.plan_ids(province).await?;
    let mut plans = c.store.plans_by_ids(&ids).await?;
    plans.sort_by_key(|p| ids.iter().position(|&i| i == p.id));
    Ok(plans)
}

/// A plan by key.
pub async fn plan(c: &Caller<'_>, key: &str) -> Result<Option<Plan>, Error> {
    policy::operator(c.viewer)?;
    let Some(id) = c.store.id_by_slug(Table::Plans, key).await? else {
        return Ok(None);
    };
    Ok(c.store.plans_by_ids(&[id]).await?.pop())
}

/// Resolves a filter's sector keys; an unknown key is a bad input.
async fn resolve(c: &Caller<'_>, f: &IndicatorFilter) -> Result<ReportFilter, Error> {
    let mut sectors = Vec::with_capacity(f.sectors.len());
    for key in &f.sectors {
        match c.store.id_by_slug(Table::Sectors, key).await? {
            Some(id) => sectors.push(id),
            None => {
                return Err(Error::BadUserInput(format!(
                    "there is no sector with key `{key}`"
                )));
            }
        }
    }
    Ok(ReportFilter {
        sectors,
        groups: f.groups.clone(),
        programme_kinds: f.programme_kinds.clone(),
        support_kinds: f.support_kinds.clone(),
        budget_sources: f.budget_sources.clone(),
        investor_kinds: f.investor_kinds.clone(),
        organization_kinds: f.organization_kinds.clone(),
        event_kinds: f.event_kinds.clone(),
        event_scopes: f.event_scopes.clone(),
        audiences: f.audiences.clone(),
    })
}

/// Every target of a plan for `year` (none: the whole period), in the
/// plan's order. A year outside the plan is a bad input.
pub async fn targets(
    c: &Caller<'_>,
    plan: &Plan,
    year: Option<i32>,
) -> Result<Vec<TargetReport>, Error> {
    policy::operator(c.viewer)?;
    let whole = plan
        .period(None)
        .ok_or_else(|| Error::BadUserInput("the plan has no period".into()))?;
    if let Some(y) = year
        && plan.period(Some(y)).is_none()
    {
        return Err(Error::BadUserInput(format!(
            "the plan runs {} to {}; {y} is outside it",
            plan.starts_on.year(),
            plan.ends_on.year()
        )));
    }
    let today = c.clock.today();
    let entries = c.store.indicator_entries(plan.id).await?;
    // Each target's window and the query of its figure. On PostgreSQL the
    // figures are computed at once, each on its own connection; SQLite
    // computes them one after another (measured: at once, they contend
    // and take longer than in turn).
    let at_once = c.store.dialect() == crate::store::Dialect::Postgres;
    let mut plans = Vec::with_capacity(plan.targets.len());
    let mut actuals = vec![None; plan.targets.len()];
    let mut figures = tokio::task::JoinSet::new();
    for (i, t) in plan.targets.iter().enumerate() {
        let accrual = t.indicator.accrual();
        // The window of the figure, the period judged over, and the
        // target's scale.
        let (window, judged_over, scale) = match (year, t.per_year) {
            (Some(y), true) => {
                let w = plan.period(Some(y)).expect("BUG: checked above");
                (w, w, 1.0)
            }
            (Some(y), false) => {
                let end = NaiveDate::from_ymd_opt(y, 12, 31).expect("BUG: a year's end");
                let w = Period {
                    from: whole.from,
                    to: end.min(whole.to),
                };
                (w, whole, 1.0)
            }
            (None, true) if accrual == Accrual::Flow => (whole, whole, f64::from(whole.years())),
            (None, _) => (whole, whole, 1.0),
        };
        let query = if t.indicator == Indicator::Entered {
            None
        } else {
            let q = IndicatorQuery {
                indicator: t.indicator,
                province: plan.province_id,
                period: window,
                by: vec![],
                filter: resolve(c, &t.filter).await?,
            };
            let (store, query) = (c.store.clone(), q.clone());
            figures.spawn(async move { (i, store.indicator_figures(&query).await) });
            if !at_once {
                collect(&mut figures, &mut actuals).await?;
            }
            Some(q)
        };
        plans.push((window, judged_over, scale, query));
    }
    collect(&mut figures, &mut actuals).await?;
    let mut out = Vec::with_capacity(plan.targets.len());
    for ((t, (window, judged_over, scale, query)), computed) in
        plan.targets.iter().zip(plans).zip(actuals)
    {
        let as_of = today.min(window.to);
        let due = (t.min.map(|v| v * scale), t.max.map(|v| v * scale));
        let (actual, entry) = if t.indicator == Indicator::Entered {
            let entry = entered(&entries, &t.key, year, t.per_year);
            (entry.as_ref().map(|e| e.value), entry)
        } else {
            (computed, None)
        };
        let accrual = t.indicator.accrual();
        let judgement = actual.map(|a| judge(a, due.0, due.1, accrual, judged_over, as_of));
        out.push(TargetReport {
            target: t.clone(),
            window,
            due,
            actual,
            judgement,
            entry,
            query,
        });
    }
    Ok(out)
}

type Figures = tokio::task::JoinSet<(
    usize,
    Result<Vec<crate::store::Figure>, crate::store::StoreError>,
)>;

/// Waits for the figures being computed, into `actuals` by target.
async fn collect(figures: &mut Figures, actuals: &mut [Option<f64>]) -> Result<(), Error> {
    while let Some(done) = figures.join_next().await {
        let (i, result) = done.map_err(|e| Error::Unavailable(format!("a figure failed: {e}")))?;
        actuals[i] = Some(result?.first().map_or(0.0, |f| f.value));
    }
    Ok(())
}

/// The value entered for a target: for a year, that year's; for the whole
/// period, the whole period's, else (a yearly target) the years' sum.
fn entered(
    entries: &[IndicatorEntry],
    target: &str,
    year: Option<i32>,
    per_year: bool,
) -> Option<IndicatorEntry> {
    let of_target = || entries.iter().filter(|e| e.target == target);
    match year {
        Some(y) => of_target().find(|e| e.year == y).cloned(),
        None => of_target().find(|e| e.year == 0).cloned().or_else(|| {
            let years: Vec<&IndicatorEntry> = of_target().filter(|e| e.year != 0).collect();
            let last = years.iter().max_by_key(|e| e.entered_at)?;
            per_year.then(|| IndicatorEntry {
                value: years.iter().map(|e| e.value).sum(),
                year: 0,
                ..(*last).clone()
            })
        }),
    }
}

/// What a series asks: an indicator, a province key (none: all), the days,
/// the dimensions and a filter.
#[derive(Debug, Clone)]
pub struct SeriesRequest<'a> {
    pub indicator: Indicator,
    pub province: Option<&'a str>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub by: Vec<ReportDimension>,
    pub filter: IndicatorFilter,
}

/// Checks a series request and makes it a store query.
pub async fn series_query(c: &Caller<'_>, r: &SeriesRequest<'_>) -> Result<IndicatorQuery, Error> {
    policy::operator(c.viewer)?;
    let bad = |m: String| Err(Error::BadUserInput(m));
    if r.indicator == Indicator::Entered {
        return bad("ENTERED figures belong to a plan's targets: see `plan.targets`".into());
    }
    if r.to < r.from {
        return bad("`to` is before `from`".into());
    }
    if r.to.year() - r.from.year() >= MAX_SERIES_YEARS {
        return bad(format!("a series spans at most {MAX_SERIES_YEARS} years"));
    }
    let mut seen = Vec::new();
    for d in &r.by {
        if seen.contains(d) {
            return bad(format!("{d} is given twice in `groupBy`"));
        }
        seen.push(*d);
        if !r.indicator.splits_by(*d) {
            return bad(format!("{} cannot be split by {d}", r.indicator));
        }
    }
    if r.by.contains(&ReportDimension::Year) && r.by.contains(&ReportDimension::Quarter) {
        return bad("split by YEAR or by QUARTER, not both".into());
    }
    if let Some(m) = r.filter.misfit(r.indicator) {
        return bad(m);
    }
    let province = match r.province {
        Some(key) => match c.store.id_by_slug(Table::Provinces, key).await? {
            Some(id) => Some(id),
            None => return bad(format!("there is no province with key `{key}`")),
        },
        None => None,
    };
    Ok(IndicatorQuery {
        indicator: r.indicator,
        province,
        period: Period {
            from: r.from,
            to: r.to,
        },
        by: r.by.clone(),
        filter: resolve(c, &r.filter).await?,
    })
}

/// Enters the value of a target ketnoi cannot compute, for a year of the
/// plan (none: its whole period): a number of at least 0, a note, and a
/// link to the evidence.
pub async fn enter(
    c: &Caller<'_>,
    plan: &Plan,
    target: &str,
    year: Option<i32>,
    value: Option<f64>,
    note: &str,
    evidence: Option<&str>,
) -> Outcome<()> {
    let viewer = policy::operator(c.viewer)?;
    let Some(t) = plan.targets.iter().find(|t| t.key == target) else {
        return refuse(
            Field::Target,
            FieldErrorCode::UnknownReference,
            format!("the plan has no target `{target}`"),
        );
    };
    if t.indicator != Indicator::Entered {
        return refuse(
            Field::Target,
            FieldErrorCode::NotAllowed,
            format!(
                "`{target}` is computed ({}) from ketnoi's records; only ENTERED targets take values",
                t.indicator
            ),
        );
    }
    if let Some(y) = year
        && plan.period(Some(y)).is_none()
    {
        return refuse(
            Field::Year,
            FieldErrorCode::OutOfRange,
            format!(
                "the plan runs {} to {}",
                plan.starts_on.year(),
                plan.ends_on.year()
            ),
        );
    }
    let mut check = crate::model::Checker::default();
    check.max_len(Field::Note, note, 2_000);
    check.url(Field::Evidence, evidence);
    if let Err(problems) = check.finish() {
        return Ok(Err(problems));
    }
    let year = year.unwrap_or(0);
    match value {
        None => {
            c.store.clear_indicator_value(plan.id, target, year).await?;
        }
        Some(v) if !v.is_finite() || v < 0.0 => {
            return refuse(
                Field::Value,
                FieldErrorCode::OutOfRange,
                "a value is a number of at least 0",
            );
        }
        Some(v) => {
            let entry = IndicatorEntry {
                plan_id: plan.id,
                target: target.to_string(),
                year,
                value: v,
                note: note.trim().to_string(),
                evidence: evidence.map(|e| e.trim().to_string()),
                entered_by: Some(viewer.user.id),
                entered_at: c.clock.now(),
            };
            c.store.enter_indicator_value(&entry).await?;
        }
    }
    Ok(Ok(()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(year: i32, value: f64, minute: i64) -> IndicatorEntry {
        IndicatorEntry {
            plan_id: 1,
            target: "tin-bai".into(),
            year,
            value,
            note: String::new(),
            evidence: None,
            entered_by: None,
            entered_at: chrono::DateTime::UNIX_EPOCH + chrono::Duration::minutes(minute),
        }
    }

    #[test]
    fn entered_values_are_per_year_or_summed_over_the_years() {
        let entries = [entry(2023, 10.0, 1), entry(2024, 5.0, 2)];
        let value = |year, per_year| entered(&entries, "tin-bai", year, per_year).map(|e| e.value);
        assert_eq!(value(Some(2024), true), Some(5.0));
        assert_eq!(value(Some(2025), true), None);
        assert_eq!(value(None, true), Some(15.0));
        assert_eq!(value(None, false), None);
        let whole = [entry(2023, 10.0, 1), entry(0, 40.0, 3)];
        assert_eq!(
            entered(&whole, "tin-bai", None, true).map(|e| e.value),
            Some(40.0)
        );
    }
}
