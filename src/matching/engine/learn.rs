//! Learning from the ecosystem's own history: how much each investor
//! factor says about who really invests, fitted to the recorded deals when
//! the engine loads, and how the startups of one portfolio resemble each
//! other ([`factors::Affinity`]).
//!
//! Weights tuned on one dataset do not carry over to another: which
//! factors matter depends on how a deployment's investors behave. So where
//! the configuration lets it (`learn`, on by default) and there are enough
//! public deals, the engine fits the investor weights by logistic
//! regression: every recorded deal is a pair that happened, set against
//! investors drawn at random for the same startup, and each factor gets
//! the (non-negative) weight that best tells the two apart. A deal's own
//! investor is scored as it stood without that deal (its track record,
//! portfolio and activity leave it out), so the fit does not learn that an
//! investor resembles its own portfolio. The fitted weights are blended
//! with the configured ones by how many deals back them ([`PRIOR_DEALS`]).

use super::*;
use crate::matching::InvestorWeights;

/// Fewer public deals than this, and the configured weights stay.
pub const MIN_LEARNING_DEALS: usize = 100;
/// Deals fitted on at most (a fixed sample beyond).
const MAX_LEARNING_DEALS: usize = 4_000;
/// Investors drawn against each deal.
const DRAWN_PER_DEAL: u64 = 4;
/// How many deals the configured weights count as: the fitted weights
/// are blended with them, `n / (n + PRIOR_DEALS)` fitted for `n` deals, so
/// a short history moves the weights part of the way and a long one
/// almost all of it.
pub const PRIOR_DEALS: f32 = 500.0;
/// Gradient steps of the fit.
const STEPS: usize = 300;
/// The factors fitted, in [`features`]' order. Text is left out (the
/// index may still be building while the engine loads) and so is feedback
/// (it is the user's own word): both keep their configured share.
const FITTED: usize = 8;

/// The fitted factors' scores of one pair, in the order of
/// [`InvestorWeights::all_mut`] without text and feedback.
fn features(
    c: &Catalogue,
    s: &StartupProfile,
    i: &InvestorProfile,
    record: &TrackRecord,
    today: NaiveDate,
) -> [f32; FITTED] {
    [
        factors::sector_score(&s.sectors, &i.sectors),
        factors::stage(s.stage, i.stages).score,
        factors::ticket(s.seeking_vnd, i.ticket_min, i.ticket_max).score,
        factors::investor_geography(s.place, &i.provinces, &i.regions).score,
        factors::track_record(record, &s.sectors, s.stage).score,
        factors::portfolio_score(&s.backed(), record, &c.affinity),
        factors::activity(record.last, today).score,
        factors::preferences(&s.sectors, s.tags, i).score,
    ]
}

/// A weight per fitted factor, in [`features`]' order.
fn fitted_mut(w: &mut InvestorWeights) -> [&mut f32; FITTED] {
    [
        &mut w.sector,
        &mut w.stage,
        &mut w.ticket,
        &mut w.geography,
        &mut w.track_record,
        &mut w.portfolio,
        &mut w.activity,
        &mut w.preferences,
    ]
}

/// A stateless pseudo-random number from two values (SplitMix64's mixer).
fn mix(a: u64, b: u64) -> u64 {
    let mut z = a
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(b)
        .wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Non-negative logistic regression by gradient descent: the weights (and
/// an intercept) that best separate `rows` labelled true from those
/// labelled false, with a little L2 regularisation.
fn fit(rows: &[([f32; FITTED], bool)]) -> [f32; FITTED] {
    let mut w = [0f64; FITTED];
    let mut bias = 0f64;
    let n = rows.len() as f64;
    let positives = rows.iter().filter(|(_, y)| *y).count() as f64;
    // Both classes count alike whatever their sizes.
    let (up, down) = (n / (2.0 * positives), n / (2.0 * (n - positives)));
    for _ in 0..STEPS {
        let mut grad = [0f64; FITTED];
        let mut grad_bias = 0f64;
        for (x, y) in rows {
            let z = bias + w.iter().zip(x).map(|(w, x)| w * f64::from(*x)).sum::<f64>();
            let p = 1.0 / (1.0 + (-z).exp());
            let (target, weight) = if *y { (1.0, up) } else { (0.0, down) };
            let e = weight * (p - target);
            for (g, x) in grad.iter_mut().zip(x) {
                *g += e * f64::from(*x);
            }
            grad_bias += e;
        }
        for (w, g) in w.iter_mut().zip(grad) {
            *w = (*w - 2.0 * (g / n + 1e-3 * *w)).max(0.0);
        }
        bias -= 2.0 * grad_bias / n;
    }
    w.map(|w| w as f32)
}

impl Catalogue {
    /// Learns the portfolio affinity from the portfolios, then, when
    /// `configured` allows it and there are at least
    /// [`MIN_LEARNING_DEALS`] public deals, the investor weights; returns
    /// how many deals the weights were fitted on (0: they were not).
    pub(super) fn learn(&mut self, configured: &Weights, today: NaiveDate) -> usize {
        self.affinity = factors::Affinity::learn(
            self.investors
                .rows
                .iter()
                .flatten()
                .map(|i| &i.record.backed[..]),
        );
        self.weights = configured.clone();
        if !configured.learn {
            return 0;
        }
        let mut deals: Vec<(i64, i64)> = self
            .deals
            .iter()
            .flat_map(|(investor, list)| list.iter().map(|(s, _, _)| (*investor, *s)))
            .collect();
        if deals.len() < MIN_LEARNING_DEALS {
            return 0;
        }
        // One positive per pair, however many rounds it invested in.
        deals.sort_unstable();
        deals.dedup();
        if deals.len() > MAX_LEARNING_DEALS {
            let step = deals.len() as f64 / MAX_LEARNING_DEALS as f64;
            deals = (0..MAX_LEARNING_DEALS)
                .map(|k| deals[(k as f64 * step) as usize])
                .collect();
        }
        let investors: Vec<&InvestorProfile> = self
            .investors
            .rows
            .iter()
            .flatten()
            .filter(|i| i.active)
            .collect();
        if investors.len() < 2 {
            return 0;
        }
        let mut rows = Vec::with_capacity(deals.len() * (1 + DRAWN_PER_DEAL as usize));
        for (investor, startup) in &deals {
            let (Some(s), Some(i)) = (self.startups.get(*startup), self.investors.get(*investor))
            else {
                continue;
            };
            let record = self.track_record(*investor, Some(*startup));
            rows.push((features(self, s, i, &record, today), true));
            for k in 0..DRAWN_PER_DEAL {
                let drawn = investors[(mix(*startup as u64, k) % investors.len() as u64) as usize];
                // A drawn investor that backed the startup publicly is no
                // comparison (confidential deals must not shape weights).
                let backed = self
                    .deals
                    .get(&drawn.id)
                    .is_some_and(|list| list.iter().any(|(backed, _, _)| backed == startup));
                if drawn.id == *investor || backed {
                    continue;
                }
                rows.push((features(self, s, drawn, &drawn.record, today), false));
            }
        }
        let fitted = fit(&rows);
        let total: f32 = fitted.iter().sum();
        if total <= 0.0 {
            return 0;
        }
        // The fitted factors share what they had between them, blended
        // with their configured shares; text and feedback keep their
        // configured weights.
        let mut w = configured.investor.clone();
        let before: f32 = fitted_mut(&mut w).iter().map(|x| **x).sum();
        let trust = rows.iter().filter(|(_, y)| *y).count() as f32;
        let trust = trust / (trust + PRIOR_DEALS);
        for (slot, value) in fitted_mut(&mut w).into_iter().zip(fitted) {
            *slot = trust * value / total * before + (1.0 - trust) * *slot;
        }
        self.weights.investor = w;
        deals.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fit_weighs_what_separates_and_drops_what_does_not() {
        // Factor 0 tells deals from draws; factor 1 is noise; factor 2 is
        // higher for the draws (it would get a negative weight: 0).
        let mut rows = Vec::new();
        for k in 0..400u64 {
            let noise = (mix(k, 1) % 100) as f32 / 100.0;
            let y = k % 4 == 0;
            let mut x = [0.0; FITTED];
            x[0] = if y { 0.8 } else { 0.3 } + 0.2 * (mix(k, 2) % 2) as f32;
            x[1] = noise;
            x[2] = if y { 0.2 } else { 0.7 };
            rows.push((x, y));
        }
        let w = fit(&rows);
        assert!(w[0] > 1.0, "{w:?}");
        assert!(w[1] < w[0] / 5.0, "{w:?}");
        assert_eq!(w[2], 0.0, "{w:?}");
    }

    #[test]
    fn mix_spreads_consecutive_inputs() {
        let drawn: HashSet<u64> = (0..100).map(|k| mix(7, k) % 1000).collect();
        assert!(drawn.len() > 90);
    }
}
