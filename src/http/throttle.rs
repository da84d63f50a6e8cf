//! Request rate limits: every `/graphql` request counts against its client
//! address, and a request with a bearer token also against that token.
//! Past either allowance the answer is 429 with `retry-after`, before any
//! work is done. Idle limiter states are dropped, so a flood of addresses
//! or made-up tokens cannot grow memory without bound.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::Clock;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// Allowances of one client: a burst, refilled at a steady rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allowance {
    /// Requests that may come at once.
    pub burst: u32,
    /// Requests per second in the long run.
    pub per_second: u32,
}

/// Request rate limits.
#[derive(Debug, Clone, Copy)]
pub struct RateLimits {
    /// Per client address (every request).
    pub per_address: Allowance,
    /// Per bearer token (requests that send one).
    pub per_token: Allowance,
}

impl Default for RateLimits {
    fn default() -> Self {
        RateLimits {
            per_address: Allowance {
                burst: 1000,
                per_second: 100,
            },
            per_token: Allowance {
                burst: 500,
                per_second: 50,
            },
        }
    }
}

/// The key a client address is limited under: IPv4 addresses as they are,
/// IPv6 addresses by their /64 (one subscriber holds a whole /64, so single
/// addresses would be free to rotate).
pub fn client_key(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(_) => address,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let prefix = u128::from(v6) & !((1u128 << 64) - 1);
                IpAddr::V6(std::net::Ipv6Addr::from(prefix))
            }
        },
    }
}

/// Limiter states kept before idle ones are dropped.
const MAX_KEYS: usize = 100_000;

fn quota(a: Allowance) -> Quota {
    let per_second = NonZeroU32::new(a.per_second.max(1)).expect("BUG: at least 1");
    let burst = NonZeroU32::new(a.burst.max(1)).expect("BUG: at least 1");
    Quota::per_second(per_second).allow_burst(burst)
}

/// The limiters of a server.
pub struct Throttle {
    by_address: DefaultKeyedRateLimiter<IpAddr>,
    by_token: DefaultKeyedRateLimiter<String>,
}

impl Throttle {
    pub fn new(limits: RateLimits) -> Throttle {
        Throttle {
            by_address: RateLimiter::keyed(quota(limits.per_address)),
            by_token: RateLimiter::keyed(quota(limits.per_token)),
        }
    }

    /// Counts a request; the wait when an allowance is spent.
    pub fn check(&self, address: Option<IpAddr>, token: Option<&str>) -> Option<Duration> {
        if self.by_address.len() > MAX_KEYS || self.by_token.len() > MAX_KEYS {
            self.by_address.retain_recent();
            self.by_token.retain_recent();
        }
        // Each limiter's own clock: making a new one reads the CPU's
        // features, which cost more than the rest of the check.
        let mut wait = Duration::ZERO;
        if let Some(address) = address
            && let Err(not_until) = self.by_address.check_key(&client_key(address))
        {
            wait = wait.max(not_until.wait_time_from(self.by_address.clock().now()));
        }
        if let Some(token) = token
            && let Err(not_until) = self.by_token.check_key(&token.to_string())
        {
            wait = wait.max(not_until.wait_time_from(self.by_token.clock().now()));
        }
        (!wait.is_zero()).then_some(wait)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_clients_are_limited_by_their_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::9".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(client_key(a), client_key(b));
        assert_ne!(client_key(a), client_key(c));
        let mapped: IpAddr = "::ffff:10.0.0.1".parse().unwrap();
        assert_eq!(client_key(mapped), "10.0.0.1".parse::<IpAddr>().unwrap());
    }

    #[test]
    fn a_spent_allowance_asks_to_wait_and_others_are_untouched() {
        let throttle = Throttle::new(RateLimits {
            per_address: Allowance {
                burst: 2,
                per_second: 1,
            },
            per_token: Allowance {
                burst: 1,
                per_second: 1,
            },
        });
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        assert_eq!(throttle.check(Some(a), None), None);
        assert_eq!(throttle.check(Some(a), None), None);
        let wait = throttle.check(Some(a), None).expect("spent");
        assert!(wait <= Duration::from_secs(1), "{wait:?}");
        assert_eq!(throttle.check(Some(b), Some("t1")), None);
        assert!(throttle.check(Some(b), Some("t1")).is_some(), "token spent");
        let c: IpAddr = "10.0.0.3".parse().unwrap();
        assert_eq!(throttle.check(Some(c), Some("t2")), None);
    }
}
