//! Accounts: sign-up and sign-in with argon2id password hashes, bearer
//! tokens that expire and can be revoked, sign-in throttling per account and
//! per address, and the [`Viewer`] every request runs as.
//!
//! Tokens are 256 random bits; the database keeps only their BLAKE2s hash,
//! so a copy of the `sessions` table does not let anyone in. Password checks
//! run on the blocking pool (argon2 is deliberately slow), and an unknown
//! e-mail address is checked against a dummy hash, so the answer time does
//! not tell whether an account exists.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::{Arc, LazyLock};
use std::time::Duration;

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use blake2::{Blake2s256, Digest};
use chrono::{DateTime, Utc};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::error::Error;
use crate::http::throttle::client_key;
use crate::model::{Checker, Contact, FieldError, FieldErrorCode, Role, User};
use crate::store::{NewUser, Store, StoreError};

/// The shortest password accepted, in characters.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// The longest password accepted, in bytes (argon2 hashes any length, but a
/// megabyte password is an attack, not a password).
pub const MAX_PASSWORD_BYTES: usize = 1024;
/// The longest display name, in characters.
pub const MAX_USER_NAME_CHARS: usize = 200;

/// Settings of accounts and sign-in.
#[derive(Debug, Clone)]
pub struct AuthConfig {
    /// How long a token from `signIn` stays valid.
    pub token_ttl: Duration,
    /// Sign-in attempts one account may take in a burst...
    pub account_burst: u32,
    /// ...after which one more is allowed per this period.
    pub account_period: Duration,
    /// Sign-in attempts one client address may take in a burst...
    pub address_burst: u32,
    /// ...after which one more is allowed per this period.
    pub address_period: Duration,
    /// Sign-ups one client address may make in a burst (each costs a
    /// password hash, so a flood of them is a denial of service)...
    pub sign_up_burst: u32,
    /// ...after which one more is allowed per this period.
    pub sign_up_period: Duration,
}

impl Default for AuthConfig {
    fn default() -> Self {
        AuthConfig {
            token_ttl: Duration::from_secs(30 * 24 * 3600),
            account_burst: 5,
            account_period: Duration::from_secs(60),
            address_burst: 20,
            address_period: Duration::from_secs(6),
            sign_up_burst: 50,
            sign_up_period: Duration::from_secs(6),
        }
    }
}

/// Who a request runs as: a signed-in user and the session of its token.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub user: User,
    pub session_id: i64,
}

impl Viewer {
    /// Whether the viewer is the operator.
    pub fn is_admin(&self) -> bool {
        self.user.role == Role::Admin
    }

    /// Whether the viewer owns a profile with this owner.
    pub fn owns(&self, owner_id: Option<i64>) -> bool {
        owner_id == Some(self.user.id)
    }

    /// Whether the viewer may change a profile with this owner.
    pub fn may_change(&self, owner_id: Option<i64>) -> bool {
        self.is_admin() || self.owns(owner_id)
    }
}

/// A new token and when it expires.
#[derive(Debug, Clone)]
pub struct Token {
    /// The bearer token; shown once, never stored.
    pub token: String,
    pub expires_at: DateTime<Utc>,
}

/// The outcome of a sign-up.
#[derive(Debug)]
pub enum SignUp {
    /// The account exists and is signed in.
    Welcome(User, Token),
    /// What the user must fix.
    Refused(Vec<FieldError>),
    /// Too many sign-ups from this address: try again after this long.
    Throttled(Duration),
}

/// The outcome of a sign-in attempt.
#[derive(Debug)]
pub enum SignIn {
    /// The password matched.
    Welcome(User, Token),
    /// Unknown address or wrong password (deliberately not told apart).
    Refused,
    /// Too many attempts: try again after this long.
    Throttled(Duration),
}

/// Accounts and sessions, shared by every request.
pub struct Auth {
    store: Store,
    config: AuthConfig,
    by_account: DefaultKeyedRateLimiter<String>,
    by_address: DefaultKeyedRateLimiter<IpAddr>,
    sign_ups: DefaultKeyedRateLimiter<IpAddr>,
    /// Password hashes computed at once: each takes ~19 MiB and a core for
    /// tens of milliseconds, so a burst waits here instead of exhausting
    /// memory and the blocking pool.
    hashing: tokio::sync::Semaphore,
}

impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Auth")
            .field("config", &self.config)
            .finish()
    }
}

/// Limiter states kept before the idle ones are dropped (a flood of made-up
/// e-mail addresses must not grow memory without bound).
const MAX_LIMITER_KEYS: usize = 10_000;

fn quota(burst: u32, period: Duration) -> Quota {
    let period = period.max(Duration::from_millis(1));
    Quota::with_period(period)
        .expect("BUG: the period is positive")
        .allow_burst(NonZeroU32::new(burst.max(1)).expect("BUG: at least 1"))
}

impl Auth {
    /// Accounts on `store` with these settings.
    pub fn new(store: Store, config: AuthConfig) -> Arc<Auth> {
        Arc::new(Auth {
            by_account: RateLimiter::keyed(quota(config.account_burst, config.account_period)),
            by_address: RateLimiter::keyed(quota(config.address_burst, config.address_period)),
            sign_ups: RateLimiter::keyed(quota(config.sign_up_burst, config.sign_up_period)),
            hashing: tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, |n| n.get()),
            ),
            store,
            config,
        })
    }

    /// Creates an account and signs it in. Sign-ups are limited per client
    /// address.
    pub async fn sign_up(
        &self,
        email: &str,
        password: &str,
        role: Role,
        name: Option<&str>,
        address: Option<IpAddr>,
    ) -> Result<SignUp, Error> {
        if role == Role::Admin {
            return Ok(SignUp::Refused(vec![FieldError::new(
                "role",
                FieldErrorCode::Invalid,
                "operator accounts are made with `ketnoi admin create`",
            )]));
        }
        if let Some(address) = address
            && let Err(not_until) = self.sign_ups.check_key(&client_key(address))
        {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            return Ok(SignUp::Throttled(wait.max(Duration::from_secs(1))));
        }
        let user = match self.create(email, password, role, name).await? {
            Ok(user) => user,
            Err(errors) => return Ok(SignUp::Refused(errors)),
        };
        let token = self.start_session(user.id).await?;
        Ok(SignUp::Welcome(user, token))
    }

    /// Creates an account of any role (the command line's `admin create`
    /// makes operators with it). `Err` lists what the user must fix.
    pub async fn create(
        &self,
        email: &str,
        password: &str,
        role: Role,
        name: Option<&str>,
    ) -> Result<Result<User, Vec<FieldError>>, Error> {
        let email = normalize_email(email);
        let name = name.map(str::trim).filter(|n| !n.is_empty());
        let mut c = Checker::default();
        if email.is_empty() {
            c.push("email", FieldErrorCode::Required, "is required");
        } else {
            c.contact(&Contact {
                email: Some(email.clone()),
                phone: None,
            });
        }
        check_password(&mut c, password);
        if let Some(name) = name {
            c.max_len("name", name, MAX_USER_NAME_CHARS);
        }
        if let Err(errors) = c.finish() {
            return Ok(Err(errors));
        }
        let password_hash = {
            let _permit = self.hashing_permit().await?;
            hash_password(password.to_string()).await?
        };
        let new = NewUser {
            email: &email,
            password_hash: &password_hash,
            role,
            name,
        };
        let id = match self.store.create_user(&new).await {
            Ok(id) => id,
            Err(StoreError::Invalid { errors, .. }) => return Ok(Err(errors)),
            Err(e) => return Err(e.into()),
        };
        let user = self
            .store
            .users_by_ids(&[id])
            .await?
            .pop()
            .ok_or(Error::Store(StoreError::NotFound))?;
        Ok(Ok(user))
    }

    /// Checks a password and, if it matches, starts a session. Every attempt
    /// counts against the account's and the address's allowance.
    pub async fn sign_in(
        &self,
        email: &str,
        password: &str,
        address: Option<IpAddr>,
    ) -> Result<SignIn, Error> {
        let mut email = normalize_email(email);
        if email.len() > crate::model::MAX_CONTACT_LEN {
            // No account has such an address; keep the limiter's keys short.
            email.truncate(0);
        }
        if let Some(wait) = self.throttle(&email, address) {
            return Ok(SignIn::Throttled(wait));
        }
        if password.len() > MAX_PASSWORD_BYTES || email.is_empty() {
            return Ok(SignIn::Refused);
        }
        let found = self.store.user_by_email(&email).await?;
        let (hash, row) = match found {
            Some(row) => (row.password_hash.clone(), Some(row)),
            None => (DUMMY_HASH.clone(), None),
        };
        let matches = {
            let _permit = self.hashing_permit().await?;
            verify_password(password.to_string(), hash).await?
        };
        match row {
            Some(row) if matches => {
                let user = row.into_model()?;
                let token = self.start_session(user.id).await?;
                Ok(SignIn::Welcome(user, token))
            }
            _ => Ok(SignIn::Refused),
        }
    }

    /// Takes one attempt from both allowances; the wait if either is spent.
    fn throttle(&self, email: &str, address: Option<IpAddr>) -> Option<Duration> {
        let lengths = [
            self.by_account.len(),
            self.by_address.len(),
            self.sign_ups.len(),
        ];
        if lengths.iter().any(|n| *n > MAX_LIMITER_KEYS) {
            self.by_account.retain_recent();
            self.by_address.retain_recent();
            self.sign_ups.retain_recent();
        }
        let now = DefaultClock::default().now();
        let at_least_a_second = |d: Duration| d.max(Duration::from_secs(1));
        // The address first: a throttled address does not spend the
        // account's allowance, so nobody can lock a user out from a few
        // addresses.
        if let Some(address) = address
            && let Err(not_until) = self.by_address.check_key(&client_key(address))
        {
            return Some(at_least_a_second(not_until.wait_time_from(now)));
        }
        match self.by_account.check_key(&email.to_string()) {
            Ok(_) => None,
            Err(not_until) => Some(at_least_a_second(not_until.wait_time_from(now))),
        }
    }

    /// A turn to compute a password hash (see `hashing`).
    async fn hashing_permit(&self) -> Result<tokio::sync::SemaphorePermit<'_>, Error> {
        self.hashing
            .acquire()
            .await
            .map_err(|_| Error::Io(std::io::Error::other("the hashing queue is closed")))
    }

    async fn start_session(&self, user_id: i64) -> Result<Token, Error> {
        let token = new_token();
        let ttl =
            chrono::Duration::from_std(self.config.token_ttl).unwrap_or(chrono::Duration::days(30));
        let expires_at = chrono::SubsecRound::trunc_subsecs(Utc::now() + ttl, 6);
        self.store
            .create_session(user_id, &token_hash(&token), expires_at)
            .await?;
        Ok(Token { token, expires_at })
    }

    /// The viewer a bearer token stands for; `None` when the token is
    /// unknown, expired or revoked.
    pub async fn authenticate(&self, token: &str) -> Result<Option<Viewer>, Error> {
        if token.is_empty() || token.len() > 128 {
            return Ok(None);
        }
        Ok(self
            .store
            .session_user(&token_hash(token))
            .await?
            .map(|(session_id, user)| Viewer { user, session_id }))
    }

    /// Revokes the viewer's token.
    pub async fn sign_out(&self, viewer: &Viewer) -> Result<bool, Error> {
        Ok(self.store.revoke_session(viewer.session_id).await?)
    }
}

/// E-mail addresses compare trimmed and case-insensitively.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

fn check_password(c: &mut Checker, password: &str) {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        c.push(
            "password",
            FieldErrorCode::TooShort,
            format!("must be at least {MIN_PASSWORD_CHARS} characters"),
        );
    } else if password.len() > MAX_PASSWORD_BYTES {
        c.push(
            "password",
            FieldErrorCode::TooLong,
            format!("must be at most {MAX_PASSWORD_BYTES} bytes"),
        );
    }
}

/// A fresh bearer token: 256 random bits, URL-safe.
fn new_token() -> String {
    use rand::TryRngCore;
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng
        .try_fill_bytes(&mut bytes)
        .expect("BUG: the operating system has no random source");
    format!("kn_{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// What the database keeps of a token.
fn token_hash(token: &str) -> String {
    let digest = Blake2s256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Hashes a password with argon2id (default parameters) on the blocking pool.
pub async fn hash_password(password: String) -> Result<String, Error> {
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| Error::Io(std::io::Error::other(format!("hashing failed: {e}"))))
    })
    .await
    .map_err(|e| Error::Io(std::io::Error::other(e)))?
}

/// Whether `password` matches a PHC string (false for a malformed one).
async fn verify_password(password: String, hash: String) -> Result<bool, Error> {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash).is_ok_and(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
    })
    .await
    .map_err(|e| Error::Io(std::io::Error::other(e)))
}

/// A hash no password is known for, checked when the account does not exist.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    Argon2::default()
        .hash_password(new_token().as_bytes())
        .map(|h| h.to_string())
        .expect("BUG: hashing a random token cannot fail")
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_only_their_hash_is_kept() {
        let a = new_token();
        let b = new_token();
        assert_ne!(a, b);
        assert!(a.len() > 40, "{a}");
        let hash = token_hash(&a);
        assert_eq!(hash.len(), 64);
        assert!(!hash.contains(&a[3..]));
        assert_eq!(hash, token_hash(&a));
    }

    #[test]
    fn emails_compare_case_insensitively() {
        assert_eq!(normalize_email("  Lan@Example.VN "), "lan@example.vn");
    }

    #[tokio::test]
    async fn passwords_verify_only_against_their_own_hash() {
        let hash = hash_password("mật khẩu đủ dài".to_string()).await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(
            verify_password("mật khẩu đủ dài".into(), hash.clone())
                .await
                .unwrap()
        );
        assert!(
            !verify_password("mat khau du dai".into(), hash)
                .await
                .unwrap()
        );
        assert!(
            !verify_password("x".into(), "not a hash".into())
                .await
                .unwrap()
        );
    }

    #[test]
    fn viewers_change_only_what_they_own_unless_operators() {
        let user = |role| Viewer {
            user: User {
                id: 7,
                email: "a@b.vn".into(),
                role,
                name: None,
                created_at: Utc::now(),
            },
            session_id: 1,
        };
        assert!(user(Role::Startup).may_change(Some(7)));
        assert!(!user(Role::Startup).may_change(Some(8)));
        assert!(!user(Role::Startup).may_change(None));
        assert!(user(Role::Admin).may_change(Some(8)));
        assert!(user(Role::Admin).may_change(None));
    }
}
