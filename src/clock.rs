//! "Now" and "today in Vietnam", from one clock handed to whatever needs
//! them. A server reads the system's; tests pin an instant (and move it
//! when they mean time to pass), so nothing they assert changes with the
//! calendar: registration closing, support eligibility, token expiry and
//! the recency of deals all read this clock.

use std::sync::{Arc, RwLock};

use chrono::{DateTime, NaiveDate, Utc};

/// The clock: the system's, or an instant pinned by a test.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    /// `None`: the system clock.
    pinned: Option<Arc<RwLock<DateTime<Utc>>>>,
}

impl Clock {
    /// The system clock.
    pub fn system() -> Clock {
        Clock::default()
    }

    /// A clock that stands at `at` until [`Clock::set`] moves it; every
    /// clone shares the instant.
    pub fn pinned(at: DateTime<Utc>) -> Clock {
        Clock {
            pinned: Some(Arc::new(RwLock::new(at))),
        }
    }

    /// Whether this is the system clock.
    pub fn is_system(&self) -> bool {
        self.pinned.is_none()
    }

    /// Moves a pinned clock (and its clones) to `at`.
    ///
    /// # Panics
    /// On the system clock, which nothing may move.
    pub fn set(&self, at: DateTime<Utc>) {
        let pinned = self
            .pinned
            .as_ref()
            .expect("BUG: only a pinned clock can be set");
        *pinned
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = at;
    }

    /// Now.
    pub fn now(&self) -> DateTime<Utc> {
        match &self.pinned {
            None => Utc::now(),
            Some(at) => *at.read().unwrap_or_else(std::sync::PoisonError::into_inner),
        }
    }

    /// Today's date in Vietnam.
    pub fn today(&self) -> NaiveDate {
        self.now()
            .with_timezone(&crate::model::vietnam_offset())
            .date_naive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pinned_clock_stands_still_until_moved_and_clones_share_it() {
        let at = DateTime::parse_from_rfc3339("2026-06-30T20:00:00+00:00")
            .expect("valid")
            .with_timezone(&Utc);
        let clock = Clock::pinned(at);
        let clone = clock.clone();
        assert_eq!(clock.now(), at);
        // 20:00 UTC is 03:00 the next day in Vietnam.
        assert_eq!(
            clock.today(),
            NaiveDate::from_ymd_opt(2026, 7, 1).expect("valid")
        );
        clock.set(at + chrono::Duration::days(1));
        assert_eq!(clone.now(), at + chrono::Duration::days(1));
        assert!(!clock.is_system() && Clock::system().is_system());
    }
}
