//! Matchmaking: which investors and mentors fit a startup, which
//! startups fit an investor or a mentor, and why; optimal mentor
//! assignment for a cohort.
//!
//! [`factors`] is the pure scoring core: one small function per factor,
//! each giving a score in 0..1 and the facts behind it. [`explain`] turns
//! those facts into sentences in Vietnamese or English. [`engine`] holds
//! every profile in memory, follows the database's change log to stay
//! fresh, finds candidates (by sector and through the search index's text
//! similarity) and ranks them. [`assign`] is the min-cost-flow assignment.
//!
//! A pair's score is the weighted mean of its factors' scores ([`Weights`],
//! configurable per deployment), times a popularity dampening, so it lies
//! in 0..1.

pub mod assign;
pub mod engine;
pub mod explain;
pub mod factors;
pub mod prose;
pub mod vocabulary;

use std::path::Path;

use serde::{Deserialize, Serialize};

pub use engine::{
    Assignment, Match, MatchFilter, MatchReason, Matching, Meeting, Schedule, Unassigned,
};
pub use explain::Lang;
pub use factors::Factor;

/// The text the engine compares a startup by (with the theses and the
/// mentors' texts in the index): its tagline, then its description. Every
/// caller builds it here, so `evaluate` and the benches measure the text
/// production ranks by.
pub fn startup_text(tagline: &str, description: &str) -> String {
    format!("{tagline}\n{description}")
}

/// The text a mentor's suggested startups are compared with: headline,
/// then bio.
pub fn mentor_text(headline: &str, bio: &str) -> String {
    format!("{headline}\n{bio}")
}

/// How much each factor counts when a startup is matched with investors
/// (and investors with startups). The defaults were tuned by `ketnoi
/// evaluate --tune 40` on generated data of seed 1 and reported on seed 2
/// (README, "Recommendation quality"), rounded; `portfolio` and
/// `preferences` were set by hand, and `feedback` was not tuned (generated
/// data has no feedback) and is set to count about as much as a strong
/// factor. They are where learning starts: with [`Weights::learn`], the
/// engine fits all but `text` and `feedback` to the recorded deals when it
/// loads (`engine/learn.rs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct InvestorWeights {
    pub sector: f32,
    pub stage: f32,
    pub ticket: f32,
    pub geography: f32,
    pub text: f32,
    pub track_record: f32,
    pub portfolio: f32,
    pub activity: f32,
    pub preferences: f32,
    pub feedback: f32,
}

impl InvestorWeights {
    /// Every factor's weight, feedback's last (data without feedback
    /// cannot fit it: tuning leaves the last alone).
    pub fn all_mut(&mut self) -> [&mut f32; 10] {
        [
            &mut self.sector,
            &mut self.stage,
            &mut self.ticket,
            &mut self.geography,
            &mut self.text,
            &mut self.track_record,
            &mut self.portfolio,
            &mut self.activity,
            &mut self.preferences,
            &mut self.feedback,
        ]
    }

    /// Every factor's weight but feedback's, summed: what a score without
    /// feedback is divided by.
    pub fn without_feedback(&self) -> f32 {
        self.sector
            + self.stage
            + self.ticket
            + self.geography
            + self.text
            + self.track_record
            + self.portfolio
            + self.activity
            + self.preferences
    }
}

impl Default for InvestorWeights {
    fn default() -> Self {
        InvestorWeights {
            sector: 4.8,
            stage: 0.4,
            ticket: 4.8,
            geography: 1.4,
            text: 0.5,
            track_record: 1.8,
            portfolio: 3.0,
            activity: 0.7,
            preferences: 1.5,
            feedback: 4.0,
        }
    }
}

/// How much each factor counts when a startup is matched with mentors
/// (tuned as [`InvestorWeights`] were).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MentorWeights {
    pub sector: f32,
    pub needs: f32,
    pub geography: f32,
    pub language: f32,
    pub text: f32,
    pub capacity: f32,
    pub feedback: f32,
}

impl MentorWeights {
    /// Every factor's weight, feedback's last (see [`InvestorWeights::all_mut`]).
    pub fn all_mut(&mut self) -> [&mut f32; 7] {
        [
            &mut self.sector,
            &mut self.needs,
            &mut self.geography,
            &mut self.language,
            &mut self.text,
            &mut self.capacity,
            &mut self.feedback,
        ]
    }
}

impl Default for MentorWeights {
    fn default() -> Self {
        MentorWeights {
            sector: 6.0,
            needs: 10.3,
            geography: 5.4,
            language: 0.1,
            text: 2.1,
            capacity: 0.1,
            feedback: 4.0,
        }
    }
}

/// The matching configuration: factor weights and the dampening of popular
/// profiles. Read from a TOML file (`--matching-config`); every key is
/// optional and defaults to the values documented in the README.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Weights {
    pub investor: InvestorWeights,
    pub mentor: MentorWeights,
    /// Strength of the popularity dampening: a profile with `d` deals,
    /// mentees and positive verdicts has its score multiplied by
    /// `1 / (1 + popularity * ln(1 + d))`. 0 turns it off.
    pub popularity: f32,
    /// How many of the best text matches join the candidates.
    pub text_candidates: usize,
    /// Whether the engine fits the investor weights (all but text and
    /// feedback, which keep their share) to the recorded investments when
    /// it loads, once there are enough of them; `false` keeps the weights
    /// above as they are.
    pub learn: bool,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            investor: InvestorWeights::default(),
            mentor: MentorWeights::default(),
            popularity: 0.1,
            text_candidates: 200,
            learn: true,
        }
    }
}

/// A configuration file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the matching configuration {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("the matching configuration {path} is not valid: {message}")]
    Invalid { path: String, message: String },
}

impl Weights {
    /// Reads a TOML file; unknown keys and negative or non-finite weights
    /// are errors.
    pub fn from_file(path: &Path) -> Result<Weights, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Weights::from_toml(&text).map_err(|message| ConfigError::Invalid {
            path: path.display().to_string(),
            message,
        })
    }

    /// Parses TOML text (see [`Weights::from_file`]).
    pub fn from_toml(text: &str) -> Result<Weights, String> {
        let mut weights: Weights = toml::from_str(text).map_err(|e| e.to_string())?;
        let popularity = weights.popularity;
        let valid = (weights.investor.all_mut().into_iter())
            .chain(weights.mentor.all_mut())
            .map(|w| *w)
            .chain([popularity])
            .all(|w| w.is_finite() && w >= 0.0);
        if !valid {
            return Err("weights must be finite and not negative".into());
        }
        if !(1..=10_000).contains(&weights.text_candidates) {
            return Err("text_candidates must be between 1 and 10000".into());
        }
        Ok(weights)
    }
}

impl Weights {
    /// The weights as a TOML file [`Weights::from_toml`] reads.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("weights are plain numbers")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_read_from_toml_with_defaults_for_the_rest() {
        let w = Weights::from_toml("popularity = 0.3\n[investor]\nsector = 5\n").unwrap();
        assert_eq!(w.investor.sector, 5.0);
        assert_eq!(w.investor.stage, InvestorWeights::default().stage);
        assert_eq!(w.popularity, 0.3);
        assert_eq!(Weights::from_toml("").unwrap(), Weights::default());
        assert!(Weights::from_toml("[investor]\nsectr = 1\n").is_err());
        assert!(Weights::from_toml("[mentor]\nneeds = -1\n").is_err());
        assert!(Weights::from_toml("text_candidates = 0\n").is_err());
        let mut tuned = Weights::default();
        tuned.mentor.needs = 4.25;
        assert_eq!(Weights::from_toml(&tuned.to_toml()).unwrap(), tuned);
    }
}
